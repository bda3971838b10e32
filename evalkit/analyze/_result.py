"""The one result type every effect-size and interval function returns (STYLE.md rule 3).

Frozen dataclasses with named fields; no rounding (that belongs to rendering); ``to_dict()`` and
``to_frame()`` give one tidy row with fixed snake_case columns, so results from different
functions stack into one table.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["Estimate", "Interval"]


@dataclass(frozen=True)
class Interval:
    """A confidence interval ``[low, high]`` at ``confidence_level``."""

    low: float
    high: float
    confidence_level: float


@dataclass(frozen=True)
class Estimate:
    """An estimate with its confidence interval, the n it describes and the definition used.

    Attributes
    ----------
    estimate : float
    ci_low, ci_high : float
        NaN when no interval is defined.
    confidence_level : float
    method : str
        Short name of the definition ("cohens_d_pooled", "paired_d_av_rms", ...).
    n : int or None
        For one-sample and paired statistics: the number of (complete) pairs or cases.
    n1, n2 : int or None
        For two-group statistics.
    df : float or None
        Degrees of freedom, where defined.
    extra : dict
        Further named quantities (a standard error, the uncorrected d, the J factor...).
    """

    estimate: float
    ci_low: float
    ci_high: float
    confidence_level: float
    method: str
    n: int | None = None
    n1: int | None = None
    n2: int | None = None
    df: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ci(self) -> Interval:
        return Interval(self.ci_low, self.ci_high, self.confidence_level)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        extra = d.pop("extra")
        d.update({k: v for k, v in extra.items() if k not in d})
        return d

    def to_frame(self):
        import pandas as pd

        return pd.DataFrame([self.to_dict()])

    def __post_init__(self) -> None:
        if not 0 < self.confidence_level < 1:
            raise ValueError(f"confidence_level must be in (0, 1), got {self.confidence_level!r}")
        if not (math.isnan(self.ci_low) or math.isnan(self.ci_high)) and self.ci_low > self.ci_high:
            raise ValueError("ci_low must not exceed ci_high")
