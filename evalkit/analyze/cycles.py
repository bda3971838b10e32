"""An ordered cycle of steps (the principal network's 8-step inquiry cycle) and rubric shifts between two
assessments.

The steps and their order come from the caller (the project file), never from this module. A unit (a principal,
a school) *reached* a step when it has a completion date for it; a step completed without the ones before it
counts as reached (a skipped step is reached by nobody, and is said to be skipped), and dates that run backwards
(step 4 before step 3) are kept as recorded but left out of the times between steps, where they would be negative.
A unit with no date after its last step by the end of the data has *stalled* there.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = ["cycle_funnel", "step_times", "shift_table", "phase_progression"]


def _reached(events: pd.DataFrame, *, unit: str, step: str, date: str, steps: Sequence[str]) -> pd.DataFrame:
    """One row per unit, one column per step (in order): the completion date, or NaT."""
    d = events[events[step].isin(steps)].copy()
    d[date] = pd.to_datetime(d[date], errors="coerce")
    wide = d.dropna(subset=[date]).pivot_table(index=unit, columns=step, values=date, aggfunc="min")
    units = pd.Index(sorted(events[unit].dropna().unique()), name=unit)
    return wide.reindex(index=units, columns=list(steps))


def cycle_funnel(events: pd.DataFrame, *, unit: str, step: str, date: str, steps: Sequence[str]) -> pd.DataFrame:
    """How many units reached each step, how many stopped there (their last step), and how many skipped it.

    Parameters
    ----------
    events : DataFrame
        One row per unit and step, with a completion date where the step was completed.
    unit, step, date : str
        The unit (principal or school), step name and completion-date columns.
    steps : sequence of str
        The cycle's steps in order (from the project file).

    Returns
    -------
    DataFrame
        ``step``, ``order`` (1-based), ``reached`` (units with a date for it), ``stopped`` (units whose last
        dated step it is), ``skipped`` (units without it that reached a later step), ``of`` (all units).

    Examples
    --------
    >>> ev = pd.DataFrame({"who": ["a", "a", "a", "b", "b", "c"], "s": ["S1", "S2", "S3", "S1", "S3", "S1"],
    ...                    "d": ["2025-01-01", "2025-02-01", "2025-03-01", "2025-01-05", "2025-03-05", "2025-01-09"]})
    >>> cycle_funnel(ev, unit="who", step="s", date="d", steps=["S1", "S2", "S3"])[["step", "reached", "stopped", "skipped"]].values.tolist()
    [['S1', 3, 1, 0], ['S2', 1, 0, 1], ['S3', 2, 2, 0]]
    """
    wide = _reached(events, unit=unit, step=step, date=date, steps=steps)
    has = wide.notna()
    last = has.to_numpy()[:, ::-1].argmax(axis=1)
    last_idx = np.where(has.any(axis=1), len(steps) - 1 - last, -1)
    rows = []
    for i, s in enumerate(steps):
        later = has.iloc[:, i + 1:].any(axis=1) if i + 1 < len(steps) else pd.Series(False, index=has.index)
        rows.append({"step": s, "order": i + 1, "reached": int(has[s].sum()), "stopped": int((last_idx == i).sum()),
                     "skipped": int((~has[s] & later).sum()), "of": len(has)})
    return pd.DataFrame(rows)


def step_times(events: pd.DataFrame, *, unit: str, step: str, date: str, steps: Sequence[str]) -> pd.DataFrame:
    """Days from each step to the next one reached, per pair of consecutive steps: the units that completed both,
    the median and its 95% interval (distribution-free, from the order statistics; Conover 1999, §3.2).

    A negative gap (the later step dated before the earlier one) is left out and counted in ``backwards``.

    >>> ev = pd.DataFrame({"who": list("aabbcc"), "s": ["S1", "S2"] * 3,
    ...                    "d": ["2025-01-01", "2025-01-11", "2025-01-01", "2025-01-21", "2025-01-10", "2025-01-05"]})
    >>> step_times(ev, unit="who", step="s", date="d", steps=["S1", "S2"])[["from", "to", "n", "median", "backwards"]].values.tolist()
    [['S1', 'S2', 2, 15.0, 1]]
    """
    from scipy import stats

    wide = _reached(events, unit=unit, step=step, date=date, steps=steps)
    rows = []
    for a, b in zip(steps, steps[1:]):
        gap = (wide[b] - wide[a]).dt.days.dropna()
        back = int((gap < 0).sum())
        gap = gap[gap >= 0].sort_values().to_numpy(float)
        n = len(gap)
        lo = hi = np.nan
        if n:
            # ranks j, k with P(j <= B < k) >= 0.95 for B ~ Binomial(n, 1/2)
            j = int(stats.binom.ppf(0.025, n, 0.5))
            k = int(stats.binom.isf(0.025, n, 0.5)) + 1
            if j >= 1 and k <= n:
                lo, hi = gap[j - 1], gap[k - 1]
        rows.append({"from": a, "to": b, "n": n, "median": float(np.median(gap)) if n else np.nan,
                     "ci_low": lo, "ci_high": hi, "backwards": back})
    return pd.DataFrame(rows)


def shift_table(before: pd.Series, after: pd.Series, levels: Sequence[object]) -> tuple[pd.DataFrame, dict]:
    """Units by rubric level before (rows) and after (columns), and the share that moved up with its 95% Wilson
    interval.

    ``before`` and ``after`` are indexed by unit; units with both are counted. Returns the shift table (a
    crosstab over ``levels`` in order, every level kept) and ``{"n", "up", "same", "down", "pct_up", "ci_low",
    "ci_high"}``.

    >>> b = pd.Series({"s1": "Emerging", "s2": "Developing", "s3": "Developing"})
    >>> a = pd.Series({"s1": "Developing", "s2": "Developing", "s3": "Proficient"})
    >>> t, s = shift_table(b, a, ["Emerging", "Developing", "Proficient"])
    >>> t.values.tolist(), s["up"], s["same"], s["down"]
    ([[0, 1, 0], [0, 1, 1], [0, 0, 0]], 2, 1, 0)
    """
    from statsmodels.stats.proportion import proportion_confint

    both = pd.concat([before.rename("before"), after.rename("after")], axis=1).dropna()
    rank = {lv: i for i, lv in enumerate(levels)}
    both = both[both["before"].isin(rank) & both["after"].isin(rank)]
    table = pd.crosstab(pd.Categorical(both["before"], categories=list(levels)),
                        pd.Categorical(both["after"], categories=list(levels)), dropna=False)
    move = both["after"].map(rank) - both["before"].map(rank)
    n, up = len(both), int((move > 0).sum())
    lo, hi = proportion_confint(up, n, method="wilson") if n else (np.nan, np.nan)
    return table, {"n": n, "up": up, "same": int((move == 0).sum()), "down": int((move < 0).sum()),
                   "pct_up": 100.0 * up / n if n else np.nan, "ci_low": 100.0 * lo, "ci_high": 100.0 * hi}


def phase_progression(events: pd.DataFrame, *, unit: str, phase: str, date: str, phases: Sequence[str]
                      ) -> pd.DataFrame:
    """Who moved from one phase to the next (one phase, then the next) and when: per phase, the units with any
    dated activity in it, those that went on to the next, and the median days from a unit's first activity in a
    phase to its first in the next.

    >>> ev = pd.DataFrame({"who": ["a", "a", "b", "b", "c"], "ph": ["C", "L", "C", "L", "C"],
    ...                    "d": ["2025-09-01", "2026-01-01", "2025-09-10", "2026-02-09", "2025-09-05"]})
    >>> phase_progression(ev, unit="who", phase="ph", date="d", phases=["C", "L"]).values.tolist()
    [['C', 3, 2, 137.0], ['L', 2, 0, nan]]
    """
    first = _reached(events, unit=unit, step=phase, date=date, steps=phases)
    rows = []
    for i, ph in enumerate(phases):
        here = first[ph].notna()
        nxt = first[phases[i + 1]].notna() if i + 1 < len(phases) else pd.Series(False, index=first.index)
        gap = (first[phases[i + 1]] - first[ph]).dt.days[here & nxt] if i + 1 < len(phases) else pd.Series(dtype=float)
        rows.append({"phase": ph, "reached": int(here.sum()), "went_on": int((here & nxt).sum()),
                     "median_days_to_next": float(gap.median()) if len(gap) else np.nan})
    return pd.DataFrame(rows)
