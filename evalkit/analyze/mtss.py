"""MTSS screening aggregates: % at benchmark per screening window, tier 2 and tier 3 counts, their net change
between windows, and the share of intervention students with an on-track rate of improvement.

Inputs are the aggregates a district or state publishes: one row per school, school year, screening window
(fall, winter, spring) and group (grade, measure), with counts of students screened, at benchmark, at some or
high risk, in tier 2 and tier 3, and with an on-track rate of improvement (ROI). There are no student records, so
nothing here can follow a student from one window to the next: "movement" is the **net** change in counts and
shares between windows, which hides students moving both ways (ten moving up and ten down nets to zero). True
transitions (how many tier 2 students of the fall reached benchmark by winter) need student-level data.

Rates are pooled over schools, weighted by students: the sum of the counts over the sum of students screened,
never the mean of school percentages. A count a state suppressed stays missing (NaN) and is never read as zero:
a pooled sum with a suppressed part is unknown, so every rate built on it is NaN, with a ``reason``, and
``n_suppressed`` says how many rows were affected. Pooling only the known rows would describe the schools that
reported, which differ from the rest (suppression hits small counts), under the group's name; a caller who
accepts that drops those rows first, where it shows.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = ["MtssReason", "WINDOWS", "benchmark_rates", "tier_counts", "net_movement", "on_track"]

WINDOWS = ("fall", "winter", "spring")
"""The usual order of the three universal screening windows of a school year."""

_UNIT = "__unit"   # constant key, so a call with no ``by`` and no ``year`` is one group and groupby always has a key


class MtssReason(str, enum.Enum):
    """Why a value in an MTSS table is missing. The ``reason`` columns hold these values; match on them."""

    suppressed = "suppressed count in the group"
    none_screened = "no students screened"
    no_intervention = "no students in tier 2 or tier 3"
    not_reported = "on-track count not reported in this window"
    no_data = "no row for this window"


# --- validation at the edge --------------------------------------------------------------------------------

def _keys(by: str | Sequence[str] | None, *, func: str) -> list[str]:
    if by is None:
        return []
    if isinstance(by, str):
        return [by]
    try:
        keys = list(by)
    except TypeError:
        raise TypeError(f"{func}(): by must be a column name or a sequence of column names, got {by!r}") from None
    if not all(isinstance(k, str) for k in keys):
        raise TypeError(f"{func}(): by must be a column name or a sequence of column names, got {by!r}")
    return keys


def _check_windows(windows: object, *, func: str, at_least: int) -> list[object]:
    if isinstance(windows, (str, bytes)) or not hasattr(windows, "__iter__"):
        raise TypeError(f"{func}(): windows must be a sequence of window names in order, got {windows!r}")
    w = list(windows)
    if len(w) < at_least or len(set(w)) != len(w):
        raise ValueError(f"{func}(): windows must hold at least {at_least} distinct window name(s) in order, "
                         f"got {w!r}")
    return w


def _check_level(confidence_level: object, *, func: str) -> None:
    if isinstance(confidence_level, bool) or not isinstance(confidence_level, (int, float, np.floating)) \
            or not 0 < confidence_level < 1:
        raise ValueError(f"{func}(): confidence_level must be between 0 and 1, got {confidence_level!r}")


def _counts(s: pd.Series, *, func: str, col: str) -> pd.Series:
    """The column as floats, NaN kept; counts must be numeric, >= 0 and whole."""
    if pd.api.types.is_bool_dtype(s) or not (pd.api.types.is_numeric_dtype(s) or s.isna().all()):
        raise TypeError(f"{func}(): column {col!r} of counts must be numeric (NaN for a suppressed cell), "
                        f"got dtype {s.dtype}")
    x = s.astype(float)
    if (x < 0).any():
        raise ValueError(f"{func}(): column {col!r} of counts must be >= 0; {int((x < 0).sum())} row(s) are "
                         f"negative")
    frac = x.notna() & (x % 1 != 0)
    if frac.any():
        raise ValueError(f"{func}(): column {col!r} of counts must hold whole numbers of students (a percentage?); "
                         f"{int(frac.sum())} row(s) are not, e.g. {x[frac].iloc[0]!r}")
    return x


def _prepare(counts: object, *, func: str, by: str | Sequence[str] | None, year: str | None, window: str,
             windows: object, school: str | None, columns: dict[str, str | None], at_least: int = 1
             ) -> tuple[pd.DataFrame, list[str], list[object]]:
    """Check the arguments and the frame once; return the keys (plus ``_UNIT``), window and count columns under
    their argument names as floats, the group keys (year, ``by``, ``_UNIT``) and the windows in order."""
    if not isinstance(counts, pd.DataFrame):
        raise TypeError(f"{func}(): counts must be a pandas DataFrame, got {type(counts).__name__}")
    keys = _keys(by, func=func)
    for arg, value in (("year", year), ("school", school)):
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{func}(): {arg} must be a column name or None, got {value!r}")
    if not isinstance(window, str):
        raise TypeError(f"{func}(): window must be a column name, got {window!r}")
    for arg, value in columns.items():
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{func}(): {arg} must be a column name, got {value!r}")
    overlap = [k for k in keys if k in (year, window)]
    if overlap or year == window:
        raise ValueError(f"{func}(): the window and year columns are keys of their own; by={keys} must not repeat "
                         f"them (window={window!r}, year={year!r})")
    wins = _check_windows(windows, func=func, at_least=at_least)

    need = [c for c in [year, *keys, window, school, *columns.values()] if c is not None]
    missing = [c for c in dict.fromkeys(need) if c not in counts.columns]
    if missing:
        raise ValueError(f"{func}(): counts lacks column(s) {missing}; it has {list(counts.columns)}")

    unknown = counts[window][~counts[window].isin(wins)]
    if len(unknown):
        raise ValueError(f"{func}(): column {window!r} holds value(s) {sorted(map(str, pd.unique(unknown)))} "
                         f"that are not in windows={wins!r} ({len(unknown)} row(s))")
    gk = [*([year] if year is not None else []), *keys]
    # one row per school (or per group when there is no school column) and window: a repeated row, e.g. a
    # subgroup or "all students" row beside the school's, or a second measure, would count students twice
    unit = list(dict.fromkeys([*([school] if school is not None else []), *gk, window]))
    dup = counts.duplicated(subset=unit, keep=False)
    if dup.any():
        raise ValueError(f"{func}(): counts must have one row per {unit}; {int(dup.sum())} rows repeat a key "
                         f"(add the column that tells them apart, such as the measure, to by)")

    d = counts[list(dict.fromkeys([*gk, window, *([school] if school is not None else [])]))].copy()
    d[_UNIT] = 0
    for arg, col in columns.items():
        if col is not None:
            d[f"_{arg}"] = _counts(counts[col], func=func, col=col)
    return d, [*gk, _UNIT], wins


def _check_not_above(d: pd.DataFrame, part: str, whole: str | list[str], *, func: str, what: str) -> None:
    total = d[whole].sum(axis=1, skipna=False) if isinstance(whole, list) else d[whole]
    bad = d[part] > total   # NaN compares False: only rows where both are known are checked
    if bad.any():
        raise ValueError(f"{func}(): counts has {int(bad.sum())} row(s) where {what}")


# --- pooling -----------------------------------------------------------------------------------------------

def _strict_sum(s: pd.Series) -> float:
    # a suppressed part makes the whole unknown; pandas' default would count it as zero
    return float(s.sum(skipna=False))


def _pool(d: pd.DataFrame, gk: list[str], window: str, wins: list[object], cols: list[str],
          missing: pd.Series | None = None) -> pd.DataFrame:
    """One row per group and window, in the groups' order of first appearance and the windows' order: the
    strict sums of ``cols``, ``n_rows`` and ``n_suppressed`` (rows with a missing count, or ``missing``)."""
    d = d.copy()
    d["_miss"] = d[cols].isna().any(axis=1) if missing is None else missing
    g = d.groupby([*gk, window], dropna=False, sort=False)
    out = g[cols].agg(_strict_sum)
    out["n_rows"] = g.size()
    out["n_suppressed"] = g["_miss"].sum().astype(int)
    out = out.reset_index()
    code = out.groupby(gk, dropna=False, sort=False).ngroup()
    rank = out[window].map({w: i for i, w in enumerate(wins)})
    order = np.lexsort((rank.to_numpy(), code.to_numpy()))
    return out.iloc[order].reset_index(drop=True)


def _pct(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, 100.0 * num / den, np.nan)


def _wilson(x: np.ndarray, n: np.ndarray, ok: np.ndarray, confidence_level: float) -> tuple[np.ndarray, np.ndarray]:
    from statsmodels.stats.proportion import proportion_confint

    lo, hi = np.full(len(x), np.nan), np.full(len(x), np.nan)
    if ok.any():
        lo[ok], hi[ok] = proportion_confint(x[ok], n[ok], alpha=1 - confidence_level, method="wilson")
    return 100.0 * lo, 100.0 * hi


def _reason(conditions: list[np.ndarray], reasons: list[MtssReason]) -> np.ndarray:
    """Per row, the reason of the first condition that holds, or NaN."""
    r = np.select([np.asarray(c, dtype=bool) for c in conditions], [x.value for x in reasons], default="")
    out = r.astype(object)
    out[r == ""] = np.nan
    return out


def _key_cols(gk: list[str], window: str) -> list[str]:
    return [k for k in gk if k != _UNIT] + [window]


# --- public functions --------------------------------------------------------------------------------------

def benchmark_rates(counts: pd.DataFrame, *, by: str | Sequence[str] | None = ("measure", "grade"),
                    year: str | None = "school_year", window: str = "window",
                    windows: Sequence[object] = WINDOWS, school: str | None = "school_code",
                    screened: str = "n_screened", at_benchmark: str = "n_at_benchmark",
                    some_risk: str | None = "n_some_risk", high_risk: str | None = "n_high_risk",
                    confidence_level: float = 0.95) -> pd.DataFrame:
    """Pooled % of screened students at benchmark (with a Wilson interval), at some risk and at high risk, per
    group and screening window.

    Parameters
    ----------
    counts : DataFrame
        One row per school, year, window and ``by`` group, with counts of students. NaN marks a suppressed count.
    by : str or sequence of str or None, default ("measure", "grade")
        The group columns besides the year and window. Add ``school`` to get one row per school; leave out
        ``measure`` only when the file holds one measure (the same students screened in reading and math would
        count twice, and the check of one row per school refuses it).
    year : str or None, default "school_year"
        The school-year column, always a key (windows are compared within a year). None: a one-year file.
    window : str, default "window"
        The screening-window column.
    windows : sequence, default ``WINDOWS`` ("fall", "winter", "spring")
        Every window name in ``window``, in their order within a year; the output follows it.
    school : str or None, default "school_code"
        The school column, used to check for one row per school, year, window and group. None: the file has
        no school column and must have one row per year, window and group.
    screened, at_benchmark : str
        Columns of students screened and of those at or above the benchmark.
    some_risk, high_risk : str or None
        Columns of students at some risk and at high risk; None when the file has none (the output then has no
        ``n_some_risk``/``pct_some_risk`` or ``n_high_risk``/``pct_high_risk``).
    confidence_level : float, default 0.95

    Returns
    -------
    DataFrame
        One row per group and window present in ``counts``, groups in order of first appearance and windows in
        the order of ``windows``: the ``year``, ``by`` and ``window`` columns under their own names, then
        ``n_screened``, ``n_at_benchmark``, ``pct_at_benchmark`` (percent, 0-100), ``ci_low``, ``ci_high``
        (percent), ``confidence_level``, ``method`` ("wilson"), ``n_some_risk``, ``pct_some_risk``,
        ``n_high_risk``, ``pct_high_risk``, ``n_rows`` (schools pooled), ``n_suppressed`` (rows with a
        suppressed count) and ``reason`` (an :class:`MtssReason` value when a percentage is NaN, else NaN).
        Counts are floats, NaN when a part is suppressed.

    Raises
    ------
    TypeError
        ``counts`` not a DataFrame, a column name not a string, a count column not numeric.
    ValueError
        A missing column (named), a window value not in ``windows``, repeated school-window-group rows,
        negative or fractional counts, a row with more students at benchmark or at risk than screened.

    See Also
    --------
    tier_counts : tier 2 and tier 3 counts per window.
    net_movement : net change between consecutive windows.

    Notes
    -----
    For a group pooling schools :math:`s` in one window,

    .. math:: p = 100 \\cdot \\frac{\\sum_s b_s}{\\sum_s n_s}

    where :math:`b_s` are students at benchmark and :math:`n_s` students screened: each student weighs the
    same, so a small school does not count as much as a large one (the mean of school percentages would). The
    interval is Wilson's score interval [1]_ for :math:`\\sum_s b_s` successes in :math:`\\sum_s n_s` trials
    (``statsmodels.stats.proportion.proportion_confint(..., method="wilson")``, which the tests check it
    against), which behaves well near 0 and 100 % [2]_. It treats the pooled students as one sample and
    ignores clustering within schools, so it is too narrow for inference about schools; it describes the
    students screened. The shares at some and high risk use the same denominator.

    A suppressed count in a group makes its sum, and every percentage built on it, NaN with
    ``reason = "suppressed count in the group"``; it is never read as zero. To pool only the schools that
    reported, drop their rows first (``counts.dropna(subset=[...])``) and say so.

    Universal screening happens three times a year [3]_; the benchmark and risk cut scores belong to the
    screening measure, not to this function.

    References
    ----------
    .. [1] Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference. Journal
       of the American Statistical Association, 22(158), 209-212. https://doi.org/10.1080/01621459.1927.10502953
    .. [2] Brown, L. D., Cai, T. T., & DasGupta, A. (2001). Interval estimation for a binomial proportion.
       Statistical Science, 16(2), 101-133. https://doi.org/10.1214/ss/1009213286
    .. [3] National Center on Response to Intervention (2010). Essential components of RTI: a closer look at
       response to intervention. U.S. Department of Education, Office of Special Education Programs.

    Examples
    --------
    A large school with 20 % at benchmark and a small one with 80 %: pooled, 30 %, not the 50 % of the mean of
    school percentages. Windows come out in screening order, whatever the file's order.

    >>> counts = pd.DataFrame({"school_code": ["A", "B", "A", "B"], "school_year": "2023-24",
    ...                        "window": ["winter", "winter", "fall", "fall"], "grade": "3",
    ...                        "n_screened": [100, 20, 100, 20], "n_at_benchmark": [20, 16, 30, 10],
    ...                        "n_some_risk": [40, 2, 40, 5], "n_high_risk": [40, 2, 30, 5]})
    >>> r = benchmark_rates(counts, by="grade")
    >>> r[["window", "n_screened", "pct_at_benchmark", "ci_low", "ci_high"]].round(1).values.tolist()
    [['fall', 120.0, 33.3, 25.5, 42.2], ['winter', 120.0, 30.0, 22.5, 38.7]]
    >>> # proportion_confint(36, 120, method="wilson") gives 0.225, 0.387
    >>> r.loc[1, ["pct_some_risk", "pct_high_risk"]].astype(float).round(1).tolist()
    [35.0, 35.0]
    """
    func = "benchmark_rates"
    d, gk, wins = _prepare(counts, func=func, by=by, year=year, window=window, windows=windows, school=school,
                           columns={"screened": screened, "at_benchmark": at_benchmark, "some_risk": some_risk,
                                    "high_risk": high_risk})
    _check_level(confidence_level, func=func)
    _check_not_above(d, "_at_benchmark", "_screened", func=func,
                     what=f"{at_benchmark!r} exceeds {screened!r}")
    parts = [f"_{a}" for a, c in (("at_benchmark", at_benchmark), ("some_risk", some_risk),
                                  ("high_risk", high_risk)) if c is not None]
    # the benchmark and risk groups partition the students screened, so together they cannot exceed them
    total = d[parts].sum(axis=1, skipna=False)
    over = total > d["_screened"]
    if over.any():
        names = [c for c in (at_benchmark, some_risk, high_risk) if c is not None]
        raise ValueError(f"{func}(): counts has {int(over.sum())} row(s) where {' + '.join(map(repr, names))} "
                         f"exceeds {screened!r}")

    cols = ["_screened", *parts]
    p = _pool(d, gk, window, wins, cols)
    n, b = p["_screened"].to_numpy(), p["_at_benchmark"].to_numpy()
    known = ~(np.isnan(n) | np.isnan(b))
    lo, hi = _wilson(b, n, known & (n > 0), confidence_level)
    out = p[_key_cols(gk, window)].copy()
    out["n_screened"], out["n_at_benchmark"], out["pct_at_benchmark"] = n, b, _pct(b, n)
    out["ci_low"], out["ci_high"] = lo, hi
    out["confidence_level"], out["method"] = float(confidence_level), "wilson"
    for arg, col in (("some_risk", some_risk), ("high_risk", high_risk)):
        if col is not None:
            out[f"n_{arg}"] = p[f"_{arg}"].to_numpy()
            out[f"pct_{arg}"] = _pct(p[f"_{arg}"].to_numpy(), n)
    return _with_reasons(out, p, n)


def _with_reasons(out: pd.DataFrame, pooled: pd.DataFrame, n: np.ndarray) -> pd.DataFrame:
    """The pooled rows' counts of source rows and suppressed rows, and why a share is missing (a suppressed count,
    or nobody screened)."""
    out["n_rows"], out["n_suppressed"] = pooled["n_rows"].to_numpy(), pooled["n_suppressed"].to_numpy()
    out["reason"] = _reason([pooled["n_suppressed"].to_numpy() > 0, n == 0],
                            [MtssReason.suppressed, MtssReason.none_screened])
    return out


def tier_counts(counts: pd.DataFrame, *, by: str | Sequence[str] | None = ("measure", "grade"),
                year: str | None = "school_year", window: str = "window", windows: Sequence[object] = WINDOWS,
                school: str | None = "school_code", screened: str = "n_screened", tier2: str = "n_tier2",
                tier3: str = "n_tier3") -> pd.DataFrame:
    """Students in tier 2 and tier 3 per group and screening window, and their shares of students screened.

    Parameters
    ----------
    counts, by, year, window, windows, school, screened
        As :func:`benchmark_rates`.
    tier2, tier3 : str
        Columns of students receiving tier 2 (targeted) and tier 3 (intensive) intervention. A student is in
        one tier at a time.

    Returns
    -------
    DataFrame
        One row per group and window present, in the order of :func:`benchmark_rates`: the ``year``, ``by``
        and ``window`` columns, then ``n_screened``, ``n_tier2``, ``n_tier3``, ``pct_tier2``, ``pct_tier3``
        (percent of students screened, 0-100), ``n_rows``, ``n_suppressed`` and ``reason`` (an
        :class:`MtssReason` value when a percentage is NaN, else NaN).

    Raises
    ------
    TypeError, ValueError
        As :func:`benchmark_rates`.

    See Also
    --------
    net_movement : net change in these counts and shares between consecutive windows.

    Notes
    -----
    :math:`100 \\cdot \\sum_s t_{2,s} / \\sum_s n_s` and the same for tier 3, pooled over the schools of the
    group. Students in intervention are not always a subset of the students screened in that window (a
    student can be served without a score), so a share can in principle exceed 100; it is reported as
    computed. A suppressed count makes the sums it enters, and their shares, NaN.

    References
    ----------
    .. [1] National Center on Response to Intervention (2010). Essential components of RTI: a closer look at
       response to intervention. U.S. Department of Education, Office of Special Education Programs.

    Examples
    --------
    >>> counts = pd.DataFrame({"school_code": ["A", "B", "A", "B"], "window": ["fall", "fall", "winter", "winter"],
    ...                        "n_screened": [100, 50, 100, 50], "n_tier2": [20, 10, 15, 5],
    ...                        "n_tier3": [10, 5, 10, float("nan")]})
    >>> t = tier_counts(counts, by=None, year=None)
    >>> t[["window", "n_tier2", "pct_tier2", "n_tier3", "pct_tier3"]].values.tolist()
    [['fall', 30.0, 20.0, 15.0, 10.0], ['winter', 20.0, 13.33..., nan, nan]]
    >>> t["reason"].tolist()
    [nan, 'suppressed count in the group']
    """
    func = "tier_counts"
    d, gk, wins = _prepare(counts, func=func, by=by, year=year, window=window, windows=windows, school=school,
                           columns={"screened": screened, "tier2": tier2, "tier3": tier3})
    p = _pool(d, gk, window, wins, ["_screened", "_tier2", "_tier3"])
    n = p["_screened"].to_numpy()
    out = p[_key_cols(gk, window)].copy()
    out["n_screened"], out["n_tier2"], out["n_tier3"] = n, p["_tier2"].to_numpy(), p["_tier3"].to_numpy()
    out["pct_tier2"], out["pct_tier3"] = _pct(out["n_tier2"].to_numpy(), n), _pct(out["n_tier3"].to_numpy(), n)
    return _with_reasons(out, p, n)


def net_movement(counts: pd.DataFrame, *, by: str | Sequence[str] | None = ("measure", "grade"),
                 year: str | None = "school_year", window: str = "window", windows: Sequence[object] = WINDOWS,
                 school: str | None = "school_code", screened: str = "n_screened",
                 at_benchmark: str = "n_at_benchmark", tier2: str = "n_tier2", tier3: str = "n_tier3"
                 ) -> pd.DataFrame:
    """Net change in % at benchmark and in tier 2 and tier 3 counts and shares between consecutive screening
    windows of the same school year.

    Parameters
    ----------
    counts, by, year, window, windows, school, screened, at_benchmark
        As :func:`benchmark_rates`; ``windows`` needs at least two.
    tier2, tier3
        As :func:`tier_counts`.

    Returns
    -------
    DataFrame
        One row per group (year and ``by``) and pair of consecutive windows in ``windows`` (fall to winter,
        winter to spring), for every group in ``counts``, in order: the ``year`` and ``by`` columns,
        ``from_window``, ``to_window``, ``n_screened_from``, ``n_screened_to``, ``change_pct_at_benchmark``
        (percentage points), ``change_tier2``, ``change_tier3`` (students), ``change_pct_tier2``,
        ``change_pct_tier3`` (percentage points of students screened), ``same_schools`` (nullable boolean: the
        same schools reported in both windows; NA without a ``school`` column or with a window missing) and
        ``reason`` (an :class:`MtssReason` value when a change is NaN, else NaN).

    Raises
    ------
    TypeError, ValueError
        As :func:`benchmark_rates`; also fewer than two ``windows``.

    See Also
    --------
    benchmark_rates, tier_counts : the levels in each window.

    Notes
    -----
    From window *a* to window *b*: :math:`\\Delta p = p_b - p_a` with the pooled percentages of
    :func:`benchmark_rates`, :math:`\\Delta T_2 = \\sum_s t_{2,s,b} - \\sum_s t_{2,s,a}`, and the same for
    tier 3 and for the shares of students screened.

    These are **net** changes between aggregates. Without student records nobody can say how many students
    moved between tiers or reached benchmark: +5 in tier 2 may be 5 students entering, or 25 entering and 20
    leaving. True transitions need student-level data. A pooled change also mixes in changes of who was
    screened; ``same_schools`` and the two ``n_screened`` columns show when the base moved.

    A window with no row for the group gives NaN with ``reason = "no row for this window"``: the pair is not
    skipped to the next window, so fall to spring is never shown as fall to winter.

    References
    ----------
    .. [1] National Center on Response to Intervention (2010). Essential components of RTI: a closer look at
       response to intervention. U.S. Department of Education, Office of Special Education Programs.

    Examples
    --------
    >>> counts = pd.DataFrame({"school_code": ["A", "B"] * 3, "window": ["fall"] * 2 + ["winter"] * 2 + ["spring"] * 2,
    ...                        "n_screened": [100, 50] * 3, "n_at_benchmark": [40, 20, 55, 20, 60, 30],
    ...                        "n_tier2": [20, 10, 15, 10, 12, 5], "n_tier3": [10, 5, 10, 5, 8, 5]})
    >>> m = net_movement(counts, by=None, year=None)
    >>> m[["from_window", "to_window", "change_pct_at_benchmark", "change_tier2", "change_tier3"]].values.tolist()
    [['fall', 'winter', 10.0, -5.0, 0.0], ['winter', 'spring', 10.0, -8.0, -2.0]]
    """
    func = "net_movement"
    d, gk, wins = _prepare(counts, func=func, by=by, year=year, window=window, windows=windows, school=school,
                           columns={"screened": screened, "at_benchmark": at_benchmark, "tier2": tier2,
                                    "tier3": tier3}, at_least=2)
    _check_not_above(d, "_at_benchmark", "_screened", func=func, what=f"{at_benchmark!r} exceeds {screened!r}")
    p = _pool(d, gk, window, wins, ["_screened", "_at_benchmark", "_tier2", "_tier3"])
    n = p["_screened"].to_numpy()
    p["_pct_b"] = _pct(p["_at_benchmark"].to_numpy(), n)
    p["_pct_t2"], p["_pct_t3"] = _pct(p["_tier2"].to_numpy(), n), _pct(p["_tier3"].to_numpy(), n)
    if school is not None:
        schools = d.groupby([*gk, window], dropna=False, sort=False)[school].agg(frozenset).rename("_schools")
        p = p.merge(schools.reset_index(), on=[*gk, window], how="left")
    else:
        p["_schools"] = None

    groups = p[gk].drop_duplicates().reset_index(drop=True)
    pairs = pd.DataFrame({"from_window": wins[:-1], "to_window": wins[1:], "_pair": range(len(wins) - 1)})
    rows = groups.merge(pairs, how="cross")
    vals = ["_screened", "_pct_b", "_tier2", "_tier3", "_pct_t2", "_pct_t3", "n_suppressed", "_schools"]
    side = {}
    for end in ("from", "to"):
        s = p[[*gk, window, *vals]].rename(columns={window: f"{end}_window"})
        side[end] = rows.merge(s, on=[*gk, f"{end}_window"], how="left", validate="many_to_one",
                               indicator=True)
    a, b = side["from"], side["to"]
    out = rows[_key_cols(gk, window)[:-1] + ["from_window", "to_window"]].copy()
    out["n_screened_from"], out["n_screened_to"] = a["_screened"].to_numpy(), b["_screened"].to_numpy()
    for name, col in (("change_pct_at_benchmark", "_pct_b"), ("change_tier2", "_tier2"),
                      ("change_tier3", "_tier3"), ("change_pct_tier2", "_pct_t2"), ("change_pct_tier3", "_pct_t3")):
        out[name] = b[col].to_numpy(float) - a[col].to_numpy(float)
    absent = ((a["_merge"] == "left_only") | (b["_merge"] == "left_only")).to_numpy()
    same = pd.array([x == y if isinstance(x, frozenset) and isinstance(y, frozenset) else pd.NA
                     for x, y in zip(a["_schools"], b["_schools"])], dtype="boolean")
    out["same_schools"] = same
    suppressed = (a["n_suppressed"].fillna(0).to_numpy() > 0) | (b["n_suppressed"].fillna(0).to_numpy() > 0)
    none = (a["_screened"].to_numpy() == 0) | (b["_screened"].to_numpy() == 0)
    out["reason"] = _reason([absent, suppressed, none],
                            [MtssReason.no_data, MtssReason.suppressed, MtssReason.none_screened])
    return out.reset_index(drop=True)


def on_track(counts: pd.DataFrame, *, by: str | Sequence[str] | None = ("measure", "grade"),
             year: str | None = "school_year", window: str = "window", windows: Sequence[object] = WINDOWS,
             school: str | None = "school_code", tier2: str = "n_tier2", tier3: str = "n_tier3",
             roi_on_track: str = "n_roi_on_track", confidence_level: float = 0.95) -> pd.DataFrame:
    """Pooled % of intervention students (tier 2 + tier 3) whose rate of improvement is on track, with a Wilson
    interval, per group and screening window.

    Parameters
    ----------
    counts, by, year, window, windows, school, confidence_level
        As :func:`benchmark_rates`.
    tier2, tier3
        As :func:`tier_counts`.
    roi_on_track : str, default "n_roi_on_track"
        Column of intervention students whose rate of improvement meets its goal. NaN where not reported.

    Returns
    -------
    DataFrame
        One row per group and window present, in the order of :func:`benchmark_rates`: the ``year``, ``by``
        and ``window`` columns, then ``n_intervention`` (tier 2 + tier 3), ``n_on_track``, ``pct_on_track``
        (percent, 0-100), ``ci_low``, ``ci_high`` (percent), ``confidence_level``, ``method`` ("wilson"),
        ``n_rows``, ``n_suppressed`` and ``reason`` (an :class:`MtssReason` value when ``pct_on_track`` is
        NaN, else NaN).

    Raises
    ------
    TypeError, ValueError
        As :func:`benchmark_rates`; also a row with more students on track than in tier 2 and tier 3.

    See Also
    --------
    tier_counts : the students in intervention.

    Notes
    -----
    :math:`100 \\cdot \\sum_s r_s / \\sum_s (t_{2,s} + t_{3,s})` over the schools of the group, with Wilson's
    interval as in :func:`benchmark_rates`.

    A rate of improvement is the slope (usually OLS) of a student's progress-monitoring scores over several
    weeks, and is only estimated once a few scores exist [1]_ (the domain note asks for at least four);
    progress is monitored about every two weeks in tier 2 and weekly in tier 3. At the fall screening no
    intervention has run yet, so files leave the count empty. A window whose on-track count is missing in
    **every** row of ``counts`` is taken as not reported: NaN with
    ``reason = "on-track count not reported in this window"``, never 0 % and never a suppression. In a window
    that is reported elsewhere, a missing count is a suppressed cell: NaN with
    ``reason = "suppressed count in the group"``.

    References
    ----------
    .. [1] National Center on Response to Intervention (2012). RTI Implementer Series, Module 2: Progress
       monitoring training manual. U.S. Department of Education, Office of Special Education Programs.
    .. [2] National Center on Response to Intervention (2010). Essential components of RTI: a closer look at
       response to intervention. U.S. Department of Education, Office of Special Education Programs.

    Examples
    --------
    >>> counts = pd.DataFrame({"school_code": ["A", "B"] * 2, "window": ["fall"] * 2 + ["winter"] * 2,
    ...                        "n_tier2": [20, 10, 18, 10], "n_tier3": [10, 5, 10, 2],
    ...                        "n_roi_on_track": [None, None, 20, 6]})
    >>> o = on_track(counts, by=None, year=None)
    >>> o[["window", "n_intervention", "n_on_track", "pct_on_track"]].values.tolist()
    [['fall', 45.0, nan, nan], ['winter', 40.0, 26.0, 65.0]]
    >>> o["reason"].tolist()
    ['on-track count not reported in this window', nan]
    """
    func = "on_track"
    d, gk, wins = _prepare(counts, func=func, by=by, year=year, window=window, windows=windows, school=school,
                           columns={"tier2": tier2, "tier3": tier3, "roi_on_track": roi_on_track})
    _check_level(confidence_level, func=func)
    _check_not_above(d, "_roi_on_track", ["_tier2", "_tier3"], func=func,
                     what=f"{roi_on_track!r} exceeds {tier2!r} + {tier3!r}")
    # a window with no on-track count anywhere in the file was not reported (fall): its empty cells are not
    # suppressions, so they do not count in n_suppressed
    reported = d.groupby(window, dropna=False, sort=False)["_roi_on_track"].transform(lambda s: s.notna().any())
    missing = d[["_tier2", "_tier3"]].isna().any(axis=1) | (d["_roi_on_track"].isna() & reported)
    d["_reported"] = reported.astype(bool)
    p = _pool(d, gk, window, wins, ["_tier2", "_tier3", "_roi_on_track"], missing=missing)
    not_reported = ~p[window].map(d.groupby(window, sort=False)["_reported"].first()).astype(bool).to_numpy()
    k = p["_tier2"].to_numpy() + p["_tier3"].to_numpy()
    x = p["_roi_on_track"].to_numpy()
    known = ~(np.isnan(k) | np.isnan(x))
    lo, hi = _wilson(x, k, known & (k > 0), confidence_level)
    out = p[_key_cols(gk, window)].copy()
    out["n_intervention"], out["n_on_track"], out["pct_on_track"] = k, x, _pct(x, k)
    out["ci_low"], out["ci_high"] = lo, hi
    out["confidence_level"], out["method"] = float(confidence_level), "wilson"
    out["n_rows"], out["n_suppressed"] = p["n_rows"].to_numpy(), p["n_suppressed"].to_numpy()
    out["reason"] = _reason([not_reported, p["n_suppressed"].to_numpy() > 0, k == 0],
                            [MtssReason.not_reported, MtssReason.suppressed, MtssReason.no_intervention])
    return out
