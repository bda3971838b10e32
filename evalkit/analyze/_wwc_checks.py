"""Argument checks shared by :mod:`evalkit.analyze.wwc` and :mod:`evalkit.analyze.wwc_rules`.

One message shape: ``func(): argument, rule, value received``. Public functions call these on
entry and trust their inputs afterwards.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from numbers import Integral, Real
from typing import Any

__all__ = ["choice", "count", "level", "positive", "real"]


def real(func: str, name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"{func}(): {name} must be a real number, got {type(value).__name__} {value!r}")
    x = float(value)
    if not math.isfinite(x):
        raise ValueError(f"{func}(): {name} must be finite, got {value!r}")
    return x


def positive(func: str, name: str, value: Any) -> float:
    x = real(func, name, value)
    if x <= 0:
        raise ValueError(f"{func}(): {name} must be > 0, got {value!r}")
    return x


def count(func: str, name: str, value: Any, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise TypeError(f"{func}(): {name} must be an integer, got {type(value).__name__} {value!r}")
    if value < minimum:
        raise ValueError(f"{func}(): {name} must be >= {minimum}, got {value!r}")
    return int(value)


def level(func: str, confidence_level: Any) -> float:
    x = real(func, "confidence_level", confidence_level)
    if not 0 < x < 1:
        raise ValueError(f"{func}(): confidence_level must be in (0, 1), got {confidence_level!r}")
    return x


def choice(func: str, name: str, value: Any, allowed: Sequence[str]) -> str:
    if value not in allowed:
        raise ValueError(f"{func}(): {name} must be one of {list(allowed)}, got {value!r}")
    return value
