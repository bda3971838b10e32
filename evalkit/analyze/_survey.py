"""Checks and item preparation shared by :mod:`evalkit.analyze.scales` and :mod:`evalkit.analyze.reliability`.

They validate at the edge (one message shape: ``func(): argument, rule, value received``) and
return cleaned values; everything after them trusts its inputs. Item blocks come back as float64
with non-finite values missing and reverse-keyed items reversed, ``(min + max) - x``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from evalkit.config.codebook import Codebook, Instrument, Scale

__all__ = [
    "as_float",
    "check_codes",
    "check_confidence_level",
    "check_frame",
    "keyed",
    "keyed_items",
    "resolve_instrument",
    "select_items",
    "select_scales",
]


def check_frame(data: Any, *, func: str, arg: str = "data") -> pd.DataFrame:
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"{func}(): {arg} must be a pandas DataFrame, got {type(data).__name__}")
    if not data.columns.is_unique:
        dup = sorted({str(c) for c in data.columns[data.columns.duplicated()]})
        raise ValueError(f"{func}(): {arg} has duplicate column names {dup}; each item must be one column")
    return data


def check_confidence_level(value: Any, *, func: str) -> float:
    ok = not isinstance(value, bool) and isinstance(value, (int, float, np.floating)) and 0 < float(value) < 1
    if not ok:
        raise ValueError(f"{func}(): confidence_level must be a number in (0, 1), got {value!r}")
    return float(value)


def resolve_instrument(instrument: Any, codebook: Any, *, func: str) -> Instrument:
    if not isinstance(codebook, Codebook):
        raise TypeError(f"{func}(): codebook must be an evalkit Codebook, got {type(codebook).__name__}")
    if isinstance(instrument, str):
        if instrument not in codebook.instruments:
            raise ValueError(f"{func}(): instrument {instrument!r} is not in the codebook "
                             f"(instruments: {sorted(codebook.instruments)})")
        instrument = codebook.instruments[instrument]
    if not isinstance(instrument, Instrument):
        raise TypeError(f"{func}(): instrument must be an Instrument or the name of one in the codebook, "
                        f"got {type(instrument).__name__}")
    unknown = sorted({it.scale for it in instrument.items.values()} - set(codebook.response_scales))
    if unknown:
        raise ValueError(f"{func}(): the instrument's items use response scales {unknown} that the codebook "
                         f"does not define (defined: {sorted(codebook.response_scales)})")
    return instrument


def as_float(data: pd.DataFrame, columns: Sequence[str], *, func: str, arg: str = "data") -> pd.DataFrame:
    """The columns as float64, non-finite values (NaN, NA, ±inf) set to NaN; non-numeric columns raise."""
    bad = [c for c in columns
           if not pd.api.types.is_numeric_dtype(data[c]) or pd.api.types.is_bool_dtype(data[c])]
    if bad:
        raise TypeError(f"{func}(): {arg} columns {bad} must be numeric codes; clean the data first "
                        f"(evalkit clean turns labels into codes)")
    out = pd.DataFrame(
        {c: data[c].to_numpy(dtype="float64", na_value=np.nan) for c in columns},
        index=data.index, columns=list(columns),
    )
    return out.where(np.isfinite(out))


def check_codes(block: pd.DataFrame, instrument: Instrument, codebook: Codebook, *, func: str) -> None:
    """Finite values must be substantive codes of the item's response scale (data must be cleaned)."""
    problems = []
    for col in block.columns:
        codes = codebook.response_scales[instrument.items[col].scale].codes
        v = block[col].to_numpy()
        n_bad = int((np.isfinite(v) & ~np.isin(v, np.asarray(list(codes), dtype=float))).sum())
        if n_bad:
            problems.append(f"{col!r} ({n_bad} value(s) not among codes {sorted(codes)})")
    if problems:
        raise ValueError(f"{func}(): item columns hold values that are not substantive codes of their "
                         f"response scale: {', '.join(problems)}; run the data through evalkit clean, "
                         f"which sets non-substantive codes to missing and rejects unknown ones")


def select_items(instrument: Instrument, data: pd.DataFrame, items: Any, *, func: str) -> list[str]:
    if items is None:
        return [name for name in instrument.items if name in data.columns]
    if isinstance(items, str) or not isinstance(items, Sequence):
        raise TypeError(f"{func}(): items must be a list of item names or None, got {type(items).__name__}")
    unknown = [i for i in items if i not in instrument.items]
    if unknown:
        raise ValueError(f"{func}(): items {unknown} are not items of the instrument")
    absent = [i for i in items if i not in data.columns]
    if absent:
        raise ValueError(f"{func}(): items {absent} are not columns of data")
    return list(dict.fromkeys(items))


def select_scales(instrument: Instrument, data: pd.DataFrame, scales: Any, *, func: str) -> dict[str, Scale]:
    """Named scales (all their items must be columns), or by default every scale whose items all are."""
    if scales is None:
        return {n: s for n, s in instrument.scales.items() if all(i in data.columns for i in s.items)}
    if isinstance(scales, str) or not isinstance(scales, Sequence):
        raise TypeError(f"{func}(): scales must be a list of scale names or None, "
                        f"got {type(scales).__name__}")
    unknown = [s for s in scales if s not in instrument.scales]
    if unknown:
        raise ValueError(f"{func}(): scales {unknown} are not scales of the instrument "
                         f"(scales: {sorted(instrument.scales)})")
    out = {}
    for name in dict.fromkeys(scales):
        absent = [i for i in instrument.scales[name].items if i not in data.columns]
        if absent:
            raise ValueError(f"{func}(): scale {name!r} needs items {absent}, which are not columns of data")
        out[name] = instrument.scales[name]
    return out


def keyed(block: pd.DataFrame, instrument: Instrument, codebook: Codebook) -> pd.DataFrame:
    """Reverse the reverse-keyed columns of a float block: ``(min + max) - x``."""
    out = block.copy()
    for col in out.columns:
        item = instrument.items[col]
        if item.reverse:
            rs = codebook.response_scales[item.scale]
            out[col] = (rs.min + rs.max) - out[col]
    return out


def keyed_items(data: pd.DataFrame, instrument: Instrument, codebook: Codebook, columns: Sequence[str], *,
                 func: str) -> pd.DataFrame:
    """Validated float block of item columns, reverse-keyed (used by reliability.py too)."""
    block = as_float(data, columns, func=func)
    check_codes(block, instrument, codebook, func=func)
    return keyed(block, instrument, codebook)
