"""Equity gaps between groups of children: risk ratios with the IDEA small-group rules, and whether a gap
closed between two years, and how.

Both functions compare a group with **all other children** in the same unit (a district, a school, a year),
never with "all" children, which would contain the group itself. Inputs are tidy frames, one row per unit and
group. A count or rate a state suppressed stays missing (NaN): it is never read as zero, so anything that
depends on it is NaN too, with a ``reason`` saying why. The groups of a unit must be exhaustive and mutually
exclusive (each child in exactly one), unless the caller gives the unit's total as a row of its own
(``total_label``), in which case the others are the total minus the group.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = ["EquityReason", "risk_ratios", "gap_series", "gaps"]

_UNIT = "__unit"   # constant key, so a file with no ``by`` columns is one unit and groupby always has a key


class EquityReason(str, enum.Enum):
    """Why a value in an equity table is missing. The ``reason`` columns hold these values; match on them."""

    group_missing = "group counts missing"
    group_below_cell = "group below minimum cell size"
    group_below_n = "group below minimum n-size"
    comparison_missing = "comparison counts missing"
    state_comparison_missing = "state comparison counts missing"
    comparison_zero = "comparison risk is zero"
    rate_missing = "rate missing"
    others_missing = "others' rate missing"
    no_others = "no other children"
    no_data = "no row for this time"
    no_gap_at_start = "no gap at start"
    log_ratio_undefined = "log risk ratio undefined (a rate is not positive)"


# --- validation at the edge --------------------------------------------------------------------------------

def _keys(by: str | Sequence[str] | None, *, func: str, arg: str) -> list[str]:
    if by is None:
        return []
    if isinstance(by, str):
        return [by]
    keys = list(by)
    if not all(isinstance(k, str) for k in keys):
        raise TypeError(f"{func}(): {arg} must be a column name or a sequence of column names, got {by!r}")
    return keys


def _check_frame(df: object, columns: Sequence[str], *, func: str, arg: str) -> None:
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"{func}(): {arg} must be a pandas DataFrame, got {type(df).__name__}")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"{func}(): {arg} lacks column(s) {missing}; it has {list(df.columns)}")


def _numeric(df: pd.DataFrame, col: str, *, func: str, arg: str) -> pd.Series:
    if not (pd.api.types.is_numeric_dtype(df[col]) and not pd.api.types.is_bool_dtype(df[col])):
        raise TypeError(f"{func}(): column {col!r} of {arg} must be numeric (NaN for a suppressed cell), "
                        f"got dtype {df[col].dtype}")
    s = df[col].astype(float)
    if (s < 0).any():
        raise ValueError(f"{func}(): column {col!r} of {arg} must be >= 0; {int((s < 0).sum())} row(s) are negative")
    return s


def _check_unique(df: pd.DataFrame, keys: list[str], *, func: str, arg: str) -> None:
    dup = df.duplicated(subset=keys, keep=False)
    if dup.any():
        raise ValueError(f"{func}(): {arg} must have one row per {keys}; {int(dup.sum())} rows repeat a key")


def _check_positive_int(value: object, *, func: str, arg: str) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{func}(): {arg} must be an integer >= 1, got {value!r}")


# --- risk ratios -------------------------------------------------------------------------------------------

def _tidy_counts(df: pd.DataFrame, keys: list[str], *, group: str, numerator: str, denominator: str,
                 total_label: object, func: str, arg: str) -> pd.DataFrame:
    """Keys, group, ``_n`` and ``_d`` as floats (NaN kept), after the checks every count table must pass."""
    _check_frame(df, [*keys, group, numerator, denominator], func=func, arg=arg)
    _check_unique(df, [*keys, group], func=func, arg=arg)
    d = df[[*keys, group]].copy()
    d["_n"] = _numeric(df, numerator, func=func, arg=arg)
    d["_d"] = _numeric(df, denominator, func=func, arg=arg)
    over = d["_n"] > d["_d"]
    if over.any():
        raise ValueError(f"{func}(): {arg} has {int(over.sum())} row(s) whose {numerator!r} exceeds {denominator!r}")
    d[_UNIT] = 0
    if total_label is not None:
        units = d.groupby([*keys, _UNIT], dropna=False, sort=False)[group].agg(lambda g: (g == total_label).any())
        if not units.all():
            raise ValueError(f"{func}(): total_label={total_label!r} but {int((~units).sum())} unit(s) of {arg} "
                             f"have no such row in {group!r}")
    return d


def _first_reason(conditions: list[np.ndarray], reasons: list[object]) -> np.ndarray:
    """Per row, the reason of the first condition that holds (a reason column), or None."""
    values = [r.value if isinstance(r, EquityReason) else r for r in reasons]
    return np.select([np.asarray(c, dtype=bool) for c in conditions], values, default=None)


def _strict_sum(s: pd.Series) -> float:
    # a suppressed part makes the whole unknown; pandas' default would count it as zero
    return float(s.sum(skipna=False))


def _with_others(d: pd.DataFrame, keys: list[str], *, group: str, total_label: object, func: str, arg: str
                 ) -> pd.DataFrame:
    """The group rows of ``d`` with ``_on``/``_od``: the counts of every other child of the same unit."""
    k = [*keys, _UNIT]
    if total_label is None:
        rows = d.copy()
        g = rows.groupby(k, dropna=False, sort=False)
        tot_n, tot_d = g["_n"].transform(_strict_sum), g["_d"].transform(_strict_sum)
    else:
        is_total = (d[group] == total_label).to_numpy()
        rows = d[~is_total].copy()
        tot = d[is_total][[*k, "_n", "_d"]].rename(columns={"_n": "_tn", "_d": "_td"})
        merged = rows.merge(tot, on=k, how="left", validate="many_to_one")
        tot_n = pd.Series(merged["_tn"].to_numpy(), rows.index)
        tot_d = pd.Series(merged["_td"].to_numpy(), rows.index)
    rows["_on"], rows["_od"] = tot_n - rows["_n"], tot_d - rows["_d"]
    bad = (rows["_on"] < 0) | (rows["_od"] < 0) | (rows["_on"] > rows["_od"])
    if bad.any():
        raise ValueError(f"{func}(): in {arg}, {int(bad.sum())} group row(s) leave impossible counts for the other "
                         f"children (a group exceeds its unit's total)")
    return rows


def risk_ratios(counts: pd.DataFrame, *, group: str, numerator: str, denominator: str,
                by: str | Sequence[str] | None = None, min_cell: int = 10, min_n: int = 30,
                comparison: pd.DataFrame | None = None, total_label: object = None,
                state_by: str | Sequence[str] | None = None, confidence_level: float = 0.95) -> pd.DataFrame:
    """Risk of each group and its risk ratio against all other children of the unit, with the IDEA rules for
    small groups (minimum cell size and n-size, alternate risk ratio).

    Parameters
    ----------
    counts : DataFrame
        One row per unit and group: children with the outcome (identified, removed...) and children enrolled.
        NaN marks a suppressed count.
    group : str
        The group column (race/ethnicity, low-income status...).
    numerator, denominator : str
        The count columns: children with the outcome, and children enrolled.
    by : str or sequence of str, optional
        The unit keys (district, year). None: the whole file is one unit.
    min_cell : int, default 10
        Minimum cell size: a risk needs at least this many children with the outcome.
    min_n : int, default 30
        Minimum n-size: a risk needs at least this many children enrolled.
    comparison : DataFrame, optional
        The state's counts, for the alternate risk ratio: the same layout and column names as ``counts``, one
        unit per ``state_by`` key (a total row too when ``total_label`` is given). None: summed from
        ``counts`` over its units, which is the state only when the file holds every unit of the state.
    total_label : optional
        The value of ``group`` on each unit's total row ("all"). None: the unit total is the sum of its groups,
        which must then be exhaustive and mutually exclusive.
    state_by : str or sequence of str, optional
        Columns of ``by`` that the state comparison keeps apart (the year). None: one state comparison.
    confidence_level : float, default 0.95

    Returns
    -------
    DataFrame
        One row per unit and group (total rows left out), in input order: the ``by`` columns and ``group``
        under their own names, then ``numerator``, ``denominator``, ``risk``, ``comparison_numerator``,
        ``comparison_denominator``, ``comparison_risk`` (the unit's other children, or the state's with the
        alternate ratio), ``risk_ratio``, ``ci_low``, ``ci_high``, ``method`` ("risk ratio", "alternate risk
        ratio", or missing when the group is too small or missing) and ``reason`` (an :class:`EquityReason`
        value when ``risk_ratio`` is NaN, else missing); both are text columns, NaN when missing.

    Raises
    ------
    TypeError
        A frame or column of the wrong type.
    ValueError
        Missing columns, repeated unit-group rows, negative counts, a numerator above its denominator, a group
        above its unit's total, a unit without its ``total_label`` row, bad thresholds.

    See Also
    --------
    gaps : whether a gap closed between two years.

    Notes
    -----
    Risk is :math:`r_g = a_g / n_g`, children of group *g* with the outcome over children of *g* enrolled. The
    comparison is every other child of the unit, :math:`r_o = (A - a_g) / (N - n_g)`, where *A*, *N* are the
    unit's totals. The risk ratio is :math:`RR = r_g / r_o` and its interval is Katz's, on the log scale:

    .. math:: \\exp\\left(\\ln RR \\pm z_{1-\\alpha/2}
              \\sqrt{1/a_g - 1/n_g + 1/a_o - 1/n_o}\\right)

    (``statsmodels.stats.contingency_tables.Table2x2.riskratio_confint``, which the tests check it against;
    unlike Table2x2 it adds nothing to zero cells, as the thresholds keep the group's and comparison's counts
    at least 1). The rules follow 34 CFR 300.647:

    * a group with fewer than ``min_cell`` children with the outcome, or fewer than ``min_n`` enrolled, gets
      no ratio (NaN and a reason);
    * when the unit's comparison group is below either threshold, the **alternate risk ratio** divides the
      group's risk by the risk of all other children of the *state*, :math:`r_g / r_{o,state}`; its interval
      treats the state counts as a second sample (they hold the unit's other children, not the group's);
    * a cell size of at most 10 and an n-size of at most 30 are presumed reasonable.

    A suppressed count leaves the risks it enters unknown: a unit's comparison with a suppressed group is
    missing (not switched to the alternate ratio, which needs the comparison to be known to be small), and a
    state comparison summed from a file with a suppressed count is missing (pass ``comparison``).

    References
    ----------
    .. [1] 34 CFR 300.647, Determining significant disproportionality, paragraphs (a) definitions and (b)
       method; 81 FR 92376 (December 19, 2016).
    .. [2] Katz, D., Baptista, J., Azen, S. P., & Pike, M. C. (1978). Obtaining confidence intervals for the
       risk ratio in cohort studies. Biometrics, 34(3), 469-474. https://doi.org/10.2307/2530610

    Examples
    --------
    Two districts; in D2 the other children are too few, so the state's others are the comparison.

    >>> counts = pd.DataFrame({"district": ["D1", "D1", "D2", "D2"], "race": ["B", "W", "B", "W"],
    ...                        "sped": [30, 40, 12, 3], "enrolled": [200, 600, 100, 25]})
    >>> rr = risk_ratios(counts, group="race", numerator="sped", denominator="enrolled", by="district")
    >>> rr.loc[0, ["risk_ratio", "ci_low", "ci_high"]].astype(float).round(2).tolist()
    [2.25, 1.44, 3.51]
    >>> # Table2x2([[30, 170], [40, 560]]).riskratio_confint() gives the same
    >>> rr[["district", "race", "method", "reason"]].values.tolist()
    [['D1', 'B', 'risk ratio', nan], ['D1', 'W', 'risk ratio', nan], ['D2', 'B', 'alternate risk ratio', nan], ['D2', 'W', nan, 'group below minimum cell size']]
    >>> round(float(rr.loc[2, "risk_ratio"]), 3)  # 0.12 / (43 / 625), the state's children other than B
    1.744
    """
    func = "risk_ratios"
    keys = _keys(by, func=func, arg="by")
    skeys = _keys(state_by, func=func, arg="state_by")
    if not set(skeys) <= set(keys):
        raise ValueError(f"{func}(): state_by must be columns of by={keys}, got {skeys}")
    _check_positive_int(min_cell, func=func, arg="min_cell")
    _check_positive_int(min_n, func=func, arg="min_n")
    if not 0 < confidence_level < 1:
        raise ValueError(f"{func}(): confidence_level must be between 0 and 1, got {confidence_level!r}")
    spec = dict(group=group, numerator=numerator, denominator=denominator, total_label=total_label, func=func)

    d = _tidy_counts(counts, keys, arg="counts", **spec)
    rows = _with_others(d, keys, group=group, total_label=total_label, func=func, arg="counts")
    if comparison is None:
        state = (d.groupby([*skeys, _UNIT, group], dropna=False, sort=False)[["_n", "_d"]]
                 .agg(_strict_sum).reset_index())
    else:
        state = _tidy_counts(comparison, skeys, arg="comparison", **spec)
    state = _with_others(state, skeys, group=group, total_label=total_label, func=func, arg="comparison")
    state = state[[*skeys, group, "_on", "_od"]].rename(columns={"_on": "_sn", "_od": "_sd"})
    rows = rows.merge(state, on=[*skeys, group], how="left", validate="many_to_one")

    a, n = rows["_n"].to_numpy(), rows["_d"].to_numpy()
    on, od, sn, sd = (rows[c].to_numpy() for c in ("_on", "_od", "_sn", "_sd"))
    # comparisons with NaN are False, so a missing count never passes (or fails) a threshold by accident
    group_missing = np.isnan(a) | np.isnan(n)
    below_cell, below_n = a < min_cell, n < min_n
    group_ok = ~group_missing & ~below_cell & ~below_n
    comp_missing = np.isnan(on) | np.isnan(od)
    comp_small = ~comp_missing & ((on < min_cell) | (od < min_n))
    alternate = group_ok & comp_small
    cn, cd = np.where(alternate, sn, on), np.where(alternate, sd, od)
    state_missing = alternate & (np.isnan(sn) | np.isnan(sd))
    comp_zero = alternate & ~state_missing & ((sn == 0) | (sd == 0))
    ok = group_ok & ~comp_missing & ~state_missing & ~comp_zero

    with np.errstate(divide="ignore", invalid="ignore"):
        risk, comp_risk = a / n, cn / cd
        ratio = np.where(ok, risk / comp_risk, np.nan)
        se = np.where(ok, np.sqrt(1 / a - 1 / n + 1 / cn - 1 / cd), np.nan)
    from scipy.stats import norm

    z = norm.ppf(1 - (1 - confidence_level) / 2)
    reason = _first_reason([group_missing, below_cell, below_n, comp_missing, state_missing, comp_zero],
                           [EquityReason.group_missing, EquityReason.group_below_cell, EquityReason.group_below_n,
                            EquityReason.comparison_missing, EquityReason.state_comparison_missing,
                            EquityReason.comparison_zero])
    method = np.where(alternate, "alternate risk ratio", "risk ratio")
    out = rows[[*keys, group]].copy()
    out["numerator"], out["denominator"], out["risk"] = a, n, risk
    out["comparison_numerator"], out["comparison_denominator"], out["comparison_risk"] = cn, cd, comp_risk
    out["risk_ratio"] = ratio
    out["ci_low"], out["ci_high"] = np.exp(np.log(ratio) - z * se), np.exp(np.log(ratio) + z * se)
    out["method"] = pd.Series(method, dtype=object).where(group_ok, None).to_numpy()
    out["reason"] = reason
    return out.reset_index(drop=True)


# --- gaps --------------------------------------------------------------------------------------------------

def gap_series(rates: pd.DataFrame, *, group: str, value: str, time: str, weight: str | None = None,
               by: str | Sequence[str] | None = None, total_label: object = None) -> pd.DataFrame:
    """Gap between each group's rate and the rate of all other children, per unit and time.

    Parameters
    ----------
    rates : DataFrame
        One row per unit, time and group with the group's rate (a proportion, or a percentage). NaN marks a
        suppressed rate.
    group, value, time : str
        The group, rate and time (school year) columns.
    weight : str, optional
        Children behind each rate (enrolled, tested). Needed unless every unit and time has exactly two groups
        (low-income and not): the others' rate is then a weighted mean of the other groups' rates, or, with
        ``total_label``, the total minus the group.
    by : str or sequence of str, optional
        The unit keys (district, school). None: the whole file is one unit.
    total_label : optional
        The value of ``group`` on each unit's total row ("all"); requires ``weight``.

    Returns
    -------
    DataFrame
        The ``by`` columns, ``time`` and ``group`` under their own names, then ``rate``, ``others_rate``,
        ``gap`` (``rate - others_rate``) and ``reason`` (an :class:`EquityReason` value when ``gap`` is NaN, else
        NaN). Every group of the file appears at every unit and time of the file; a missing row is a missing
        rate, never a zero.

    Raises
    ------
    TypeError, ValueError
        As :func:`risk_ratios`; also a unit and time with more than two groups and no ``weight``, or a
        ``total_label`` without ``weight``.

    Notes
    -----
    With weights :math:`w_h` and rates :math:`r_h` of the unit's groups, the others of group *g* have

    .. math:: r_{o} = \\frac{\\sum_{h \\ne g} w_h r_h}{\\sum_{h \\ne g} w_h}
              \\quad\\text{or, from a total row,}\\quad
              r_{o} = \\frac{W r_{all} - w_g r_g}{W - w_g}.

    A group with weight 0 adds nothing even if its rate is missing (no children, nothing suppressed).

    Examples
    --------
    >>> r = pd.DataFrame({"year": [2020, 2020, 2020], "grp": ["A", "B", "C"], "pct": [0.2, 0.4, 0.6],
    ...                   "n": [100, 100, 300]})
    >>> gap_series(r, group="grp", value="pct", time="year", weight="n")[["grp", "others_rate", "gap"]].round(3).values.tolist()
    [['A', 0.55, -0.35], ['B', 0.5, -0.1], ['C', 0.3, 0.3]]
    """
    func = "gap_series"
    keys = _keys(by, func=func, arg="by")
    cols = [*keys, time, group, value] + ([weight] if weight is not None else [])
    _check_frame(rates, cols, func=func, arg="rates")
    _check_unique(rates, [*keys, time, group], func=func, arg="rates")
    if total_label is not None and weight is None:
        raise ValueError(f"{func}(): total_label={total_label!r} needs weight: the others' rate is "
                         f"(W * rate_all - w * rate) / (W - w)")
    d = rates[[*keys, time, group]].copy()
    d["_r"] = _numeric(rates, value, func=func, arg="rates")
    d["_w"] = _numeric(rates, weight, func=func, arg="rates") if weight is not None else 1.0
    k = [*keys, time, _UNIT]
    d[_UNIT] = 0

    # every group at every unit and time: a dropped row is a suppressed rate, not an absent group
    cells = d[k].drop_duplicates()
    groups = pd.DataFrame({group: pd.unique(d[group])})
    d = cells.merge(groups, how="cross").merge(d, on=[*k, group], how="left")
    d["_present"] = d["_r"].notna() | d["_w"].notna()
    if weight is None:
        d["_w"] = 1.0
        n_groups = d.groupby(k, dropna=False, sort=False)[group].transform("size")
        if (n_groups > 2).any():
            raise ValueError(f"{func}(): the file has {int(n_groups.max())} groups; the others' rate of more than "
                             f"two groups needs weight (children behind each rate)")

    # w * r, with 0 where no children: an empty group is known to contribute nothing
    d["_wr"] = np.where(d["_w"] == 0, 0.0, d["_w"] * d["_r"])
    d["_w0"] = d["_w"]
    if total_label is None:
        g = d.groupby(k, dropna=False, sort=False)
        tw, twr = g["_w0"].transform(_strict_sum), g["_wr"].transform(_strict_sum)
        rows = d
    else:
        is_total = (d[group] == total_label).to_numpy()
        rows = d[~is_total].copy()
        tot = d[is_total][[*k, "_w0", "_wr"]].rename(columns={"_w0": "_tw", "_wr": "_twr"})
        rows = rows.merge(tot, on=k, how="left")
        tw, twr = rows["_tw"], rows["_twr"]
    ow, owr = tw - rows["_w0"], twr - rows["_wr"]
    if (ow < 0).any():
        raise ValueError(f"{func}(): a group's {weight!r} exceeds its unit's total in {int((ow < 0).sum())} row(s)")
    with np.errstate(divide="ignore", invalid="ignore"):
        others = np.where(ow > 0, owr / ow, np.nan)
    rate = rows["_r"].to_numpy()
    out = rows[[*keys, time, group]].copy()
    out["rate"], out["others_rate"], out["gap"] = rate, others, rate - others
    out["reason"] = _first_reason([~rows["_present"].to_numpy(), np.isnan(rate), ow.to_numpy() == 0,
                                   np.isnan(others)],
                                  [EquityReason.no_data, EquityReason.rate_missing, EquityReason.no_others,
                                   EquityReason.others_missing])
    return out.reset_index(drop=True)


def gaps(rates: pd.DataFrame, *, group: str, value: str, time: str, higher_is_better: bool,
         weight: str | None = None, by: str | Sequence[str] | None = None, total_label: object = None,
         start: object = None, end: object = None) -> pd.DataFrame:
    """Whether each group's gap to all other children closed between two times, by how much, and why.

    Parameters
    ----------
    rates, group, value, time, weight, by, total_label
        As :func:`gap_series`, which computes the gaps.
    higher_is_better : bool
        True for proficiency or graduation rates, False for identification or suspension rates. Required:
        whether a group "improved" depends on it.
    start, end : optional
        The two times compared; default the file's first and last. Both must occur in ``time``.

    Returns
    -------
    DataFrame
        One row per unit and group: the ``by`` columns and ``group``, ``start``, ``end``, ``rate_start``,
        ``others_start``, ``gap_start``, ``rate_end``, ``others_end``, ``gap_end``, ``gap_change``
        (end - start), ``relative_closure``, ``log_rr_change``, ``group_change``, ``others_change``,
        ``narrowed`` (the absolute gap shrank), ``both_improved`` (the group and its others both moved the
        good way) and ``reason`` (the first :class:`EquityReason` value behind a NaN, else NaN). The flags are
        nullable booleans: NA when a rate they need is missing.

    Raises
    ------
    TypeError, ValueError
        As :func:`gap_series`; also ``start`` or ``end`` not in the file, or ``start`` not before ``end``.

    See Also
    --------
    gap_series : the gap at every time.
    risk_ratios : risk ratios with the IDEA small-group rules.

    Notes
    -----
    :math:`gap_t = r_{g,t} - r_{o,t}`, the group's rate minus that of all other children (not of all children,
    who include the group). Between times 0 and *t*:

    * change in gap :math:`gap_t - gap_0`;
    * relative closure :math:`(gap_0 - gap_t) / gap_0` (1 = closed, 0 = unchanged, < 0 = widened; NaN when
      :math:`gap_0 = 0`);
    * change in log risk ratio :math:`\\ln(r_{g,t}/r_{o,t}) - \\ln(r_{g,0}/r_{o,0})`, for positive rates;
    * ``both_improved``: a gap can narrow because the higher group fell; it closed for the right reason when
      both the group and its others improved [1]_.

    A gap in percent proficient, and its trend, depend on where the cut score sits [2]_; with mean scale scores
    the same gap and change in gap apply (the log risk ratio does not).

    References
    ----------
    .. [1] The Education Trust (2010). Gauging the gaps: a deeper look at student achievement. ERIC ED511870
       (read a gap four ways: did it narrow, did every group improve, how large is it now, how does it compare).
    .. [2] Ho, A. D. (2008). The problem with "proficiency": limitations of statistics and policy under No Child
       Left Behind. Educational Researcher, 37(6), 351-360. https://doi.org/10.3102/0013189X08323842 (gaps in
       percent proficient depend on the cut score: prefer mean scores, or several cuts, where available).

    Examples
    --------
    The group rose 4 points and the others fell 8: the gap narrowed, but not because both improved.

    >>> r = pd.DataFrame({"year": [2019, 2019, 2023, 2023], "li": ["yes", "no"] * 2,
    ...                   "pct": [40.0, 60.0, 44.0, 52.0]})
    >>> g = gaps(r, group="li", value="pct", time="year", higher_is_better=True)
    >>> g.loc[0, ["gap_start", "gap_end", "relative_closure"]].astype(float).tolist()
    [-20.0, -8.0, 0.6]
    >>> bool(g.loc[0, "narrowed"]), bool(g.loc[0, "both_improved"])
    (True, False)
    """
    func = "gaps"
    if not isinstance(higher_is_better, (bool, np.bool_)):
        raise TypeError(f"{func}(): higher_is_better must be True or False, got {higher_is_better!r}")
    keys = _keys(by, func=func, arg="by")
    series = gap_series(rates, group=group, value=value, time=time, weight=weight, by=by, total_label=total_label)
    times = pd.unique(series[time].dropna())
    start = min(times) if start is None else start
    end = max(times) if end is None else end
    for arg, t in (("start", start), ("end", end)):
        if t not in set(times):
            raise ValueError(f"{func}(): {arg}={t!r} is not a value of {time!r}")
    if not start < end:
        raise ValueError(f"{func}(): start must come before end, got start={start!r}, end={end!r}")

    cols = ["rate", "others_rate", "gap", "reason"]
    k = [*keys, group]
    units = series[k].drop_duplicates()
    a, b = (units.merge(series[series[time] == t][[*k, *cols]], on=k, how="left", indicator=True)
            for t in (start, end))
    for m in (a, b):
        # a unit with no row at all at that time: missing, like a suppressed rate
        m.loc[m["_merge"] == "left_only", "reason"] = EquityReason.no_data.value
    out = units.reset_index(drop=True)
    out["start"], out["end"] = start, end
    out["rate_start"], out["others_start"], out["gap_start"] = a["rate"], a["others_rate"], a["gap"]
    out["rate_end"], out["others_end"], out["gap_end"] = b["rate"], b["others_rate"], b["gap"]
    g0, gt = out["gap_start"].to_numpy(float), out["gap_end"].to_numpy(float)
    out["gap_change"] = gt - g0
    with np.errstate(divide="ignore", invalid="ignore"):
        out["relative_closure"] = np.where(g0 != 0, (g0 - gt) / g0, np.nan)
        four = out[["rate_start", "others_start", "rate_end", "others_end"]].to_numpy(float)
        positive = (four > 0).all(axis=1)
        log_rr_start, log_rr_end = np.log(four[:, 0] / four[:, 1]), np.log(four[:, 2] / four[:, 3])
        out["log_rr_change"] = np.where(positive, log_rr_end - log_rr_start, np.nan)
    out["group_change"] = out["rate_end"] - out["rate_start"]
    out["others_change"] = out["others_end"] - out["others_start"]
    sign = 1.0 if higher_is_better else -1.0
    known = out[["group_change", "others_change"]].notna().all(axis=1).to_numpy()
    both = (sign * out["group_change"] > 0) & (sign * out["others_change"] > 0)
    out["both_improved"] = pd.array(np.where(known, both, False), dtype="boolean")
    out.loc[~known, "both_improved"] = pd.NA
    gaps_known = ~(np.isnan(g0) | np.isnan(gt))
    out["narrowed"] = pd.array(np.abs(gt) < np.abs(g0), dtype="boolean")
    out.loc[~gaps_known, "narrowed"] = pd.NA

    # the first problem, start before end: a missing rate, then what a known gap cannot give
    out["reason"] = _first_reason([a["reason"].notna(), b["reason"].notna(), gaps_known & (g0 == 0),
                                   gaps_known & ~positive],
                                  [a["reason"].to_numpy(object), b["reason"].to_numpy(object),
                                   EquityReason.no_gap_at_start, EquityReason.log_ratio_undefined])
    order = [*k, "start", "end", "rate_start", "others_start", "gap_start", "rate_end", "others_end", "gap_end",
             "gap_change", "relative_closure", "log_rr_change", "group_change", "others_change", "narrowed",
             "both_improved", "reason"]
    return out[order]
