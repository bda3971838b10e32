"""Careers from yearly HR snapshots: what happened to each person from one year to the next, promotion and
retention rates with Wilson intervals, and time to promotion with leaving as a competing risk.

The HR file is one row per person and school year (a 1 October snapshot). From two consecutive years a person
is a *stayer* (same role, same school), a *mover* (same role, another school of the district), *lateral* (another
role of the same rank), *promoted* (a higher rank on the project's promotion ladder), *demoted* (a lower rank) or
a *leaver* (no record the next year, or a record marked as separated); a person who comes back after a gap is a
*returner* in the year they return. The ladder (role -> rank) is the program's, from the project file; nothing
about job titles is fixed here.

Time to promotion is measured in years since the person's first year in the district (their hire year), with
**late entry**: someone hired before the first snapshot is at risk only from the first year they are observed
(left truncation, Klein & Moeschberger 2003, §4.6). Leaving before a promotion is a **competing risk**: one minus
the Kaplan-Meier curve with departures censored overstates promotion (it assumes those who left would have been
promoted at the same rate); the cumulative incidence function (Aalen-Johansen) does not.

statsmodels does the survival estimation (``SurvfuncRight``, ``CumIncidenceRight``, ``survdiff``, ``PHReg``);
the tests check each against lifelines.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["STATUSES", "SEPARATED", "school_year", "career_statuses", "promotion_spells", "km_promotion", "cumulative_incidence",
           "logrank", "cox_clustered", "wilson_rate", "k_year_rates", "standardized_difference", "matched_comparison"]

#: Employment statuses that end a career in the district (compared case-blind).
SEPARATED = ("separated", "terminated", "retired", "resigned")
#: Year-to-year statuses, in the order tables list them.
STATUSES = ("stayer", "mover", "lateral", "promoted", "demoted", "leaver", "returner")


def school_year(value: object) -> int:
    """The school year's first calendar year: ``"2020-21"`` -> 2020, ``2021`` -> 2021.

    >>> school_year("2020-21"), school_year(2021), school_year("SY 2019-2020")
    (2020, 2021, 2019)
    """
    m = re.search(r"(19|20)\d\d", str(value))
    if m is None:
        raise ValueError(f"school_year(): {value!r} names no year")
    return int(m.group(0))


def career_statuses(hr: pd.DataFrame, *, person: str, year: str, rank: str, ladder: Mapping[str, int],
                    role: str | None = None, place: str | None = None, status: str | None = None,
                    separated: Sequence[str] = SEPARATED) -> pd.DataFrame:
    """What happened to each person between each observed year and the next.

    Parameters
    ----------
    hr : DataFrame
        One row per person and year.
    person, year : str
        The person's id and the school year (text such as "2020-21" or a number).
    rank : str
        The column the ``ladder`` ranks (a job category).
    ladder : mapping of str to int
        Rank of each value of ``rank`` (higher is a promotion). A value not on it has no rank: moves to or from
        it are ``lateral``.
    role : str, optional
        The job title: a change of title at the same rank is ``lateral``.
    place : str, optional
        The school: the same role at another school is ``mover``.
    status : str, optional
        An employment-status column; a value in ``separated`` marks the person as gone from that year on.

    Returns
    -------
    DataFrame
        ``person``, ``year`` (first calendar year), ``next_year``, ``status`` (one of :data:`STATUSES`), one
        row per person and year in which they were employed, up to the file's last year (which has no next).
        A ``returner`` row is the year of return, after a ``leaver`` row.

    Examples
    --------
    >>> hr = pd.DataFrame({"id": ["a"] * 4, "sy": ["2020-21", "2021-22", "2022-23", "2023-24"],
    ...                    "cat": ["teacher", "teacher", "assistant_principal", "assistant_principal"],
    ...                    "school": ["S1", "S2", "S2", "S2"]})
    >>> career_statuses(hr, person="id", year="sy", rank="cat", place="school",
    ...                 ladder={"teacher": 1, "assistant_principal": 2})["status"].tolist()
    ['mover', 'promoted', 'stayer']
    """
    d = hr.copy()
    d["_y"] = d[year].map(school_year)
    years = sorted(d["_y"].unique())
    last = years[-1]
    gone = set(str(v).casefold() for v in separated)
    sep = d[status].astype("string").str.strip().str.casefold().isin(gone).fillna(False) if status else \
        pd.Series(False, index=d.index)
    d["_sep"] = sep.to_numpy()
    out = []
    for pid, g in d.sort_values("_y").groupby(person, sort=True):
        rows = {int(r["_y"]): r for _, r in g.iterrows()}
        employed = sorted(y for y, r in rows.items() if not r["_sep"])
        prev_left = False
        for y in employed:
            r = rows[y]
            if prev_left:
                out.append((pid, y, y, "returner"))
            prev_left = False
            if y == last:
                continue
            nxt = rows.get(y + 1)
            if nxt is None or nxt["_sep"]:
                out.append((pid, y, y + 1, "leaver"))
                prev_left = True
                continue
            out.append((pid, y, y + 1, _transition(r, nxt, rank, ladder, role, place)))
    return pd.DataFrame(out, columns=["person", "year", "next_year", "status"])


def _transition(a: pd.Series, b: pd.Series, rank: str, ladder: Mapping[str, int], role: str | None,
                place: str | None) -> str:
    ra, rb = ladder.get(str(a[rank])), ladder.get(str(b[rank]))
    if ra is not None and rb is not None and rb != ra:
        return "promoted" if rb > ra else "demoted"
    if str(a[rank]) != str(b[rank]) or (role is not None and str(a[role]) != str(b[role])):
        return "lateral"
    if place is not None and str(a[place]) != str(b[place]):
        return "mover"
    return "stayer"


def promotion_spells(statuses: pd.DataFrame, hired: Mapping[object, int]) -> pd.DataFrame:
    """Each person's time to a first promotion, for survival analysis: one row per person.

    Time is years since the hire year (``hired``: person -> first calendar year in the district). ``entry`` is
    the first observed year minus the hire year (late entry: a person hired before the first snapshot is at
    risk only from then). ``event`` is 1 for a first promotion (at the year of the new role), 2 for leaving
    before any promotion (competing), 0 when still employed and unpromoted at the last observation
    (censored). Only the first spell counts: a returner's second spell is not added (their leaving already
    ended the first).

    >>> st = pd.DataFrame({"person": ["a", "a", "b"], "year": [2020, 2021, 2020], "next_year": [2021, 2022, 2021],
    ...                    "status": ["stayer", "promoted", "leaver"]})
    >>> promotion_spells(st, {"a": 2018, "b": 2020}).values.tolist()
    [['a', 2, 4, 1], ['b', 0, 1, 2]]
    """
    out = []
    for pid, g in statuses.sort_values("year").groupby("person", sort=True):
        h = int(hired[pid])
        entry = int(g["year"].iloc[0]) - h
        time, event = int(g["next_year"].iloc[-1]) - h, 0
        for _, r in g.iterrows():
            if r["status"] == "promoted":
                time, event = int(r["next_year"]) - h, 1
                break
            if r["status"] == "leaver":
                time, event = int(r["next_year"]) - h, 2
                break
        if time > entry:
            out.append((pid, entry, time, event))
    return pd.DataFrame(out, columns=["person", "entry", "time", "event"])


@dataclass(frozen=True)
class SurvivalCurve:
    """A step function by time: the estimate, its 95% interval and the numbers at risk and with the event."""

    table: pd.DataFrame      # time, estimate, ci_low, ci_high, at_risk, events


def km_promotion(spells: pd.DataFrame) -> SurvivalCurve:
    """Kaplan-Meier probability of *not yet promoted* by time, departures censored, with late entry.

    :math:`\\hat S(t) = \\prod_{t_i \\le t} (1 - d_i / n_i)` where :math:`n_i` counts those who entered before
    :math:`t_i` and are still at risk (Kaplan & Meier 1958; left truncation as in Klein & Moeschberger 2003,
    §4.6). 95% interval: statsmodels' log-log interval. Read ``1 - estimate`` as promotion only beside the
    cumulative incidence (:func:`cumulative_incidence`), which does not pretend that leavers would have been
    promoted.
    """
    from statsmodels.duration.survfunc import SurvfuncRight

    sf = SurvfuncRight(spells["time"].to_numpy(float), (spells["event"] == 1).astype(int).to_numpy(),
                       entry=spells["entry"].to_numpy(float))
    lo, hi = _loglog(sf)
    return SurvivalCurve(pd.DataFrame({"time": sf.surv_times, "estimate": sf.surv_prob, "ci_low": lo,
                                       "ci_high": hi, "at_risk": sf.n_risk, "events": sf.n_events}))


def _loglog(sf) -> tuple[np.ndarray, np.ndarray]:
    r"""The pointwise 95% interval on the log(-log) scale from Greenwood's standard error:
    :math:`\hat S^{\exp(\pm z\,\sigma)}`, :math:`\sigma = \mathrm{se}/(\hat S\,|\log \hat S|)`
    (Kalbfleisch & Prentice 2002, §1.3); (1, 1) where nobody has had the event yet."""
    s, se = np.asarray(sf.surv_prob, float), np.asarray(sf.surv_prob_se, float)
    with np.errstate(divide="ignore", invalid="ignore"):
        sigma = se / (s * np.abs(np.log(s)))
        lo = np.where((s < 1) & (s > 0), s ** np.exp(1.959964 * sigma), s)
        hi = np.where((s < 1) & (s > 0), s ** np.exp(-1.959964 * sigma), s)
    return lo, hi


def cumulative_incidence(spells: pd.DataFrame) -> pd.DataFrame:
    """Cumulative incidence of promotion and of leaving (Aalen-Johansen), each the other's competing risk.

    :math:`F_k(t) = \\sum_{t_i \\le t} \\hat S(t_{i-1})\\, d_{ki} / n_i`, with :math:`\\hat S` the all-cause
    Kaplan-Meier curve (Kalbfleisch & Prentice 2002, §8.2). statsmodels' ``CumIncidenceRight`` has no late
    entry, so the spells are measured from entry here (time since first observed), as its docstring requires.

    Returns
    -------
    DataFrame
        ``time``, ``promoted``, ``left`` (cumulative incidence of each), ``at_risk``.
    """
    from statsmodels.duration.survfunc import CumIncidenceRight

    t = (spells["time"] - spells["entry"]).to_numpy(float)
    ci = CumIncidenceRight(t, spells["event"].to_numpy(int))
    times = np.asarray(ci.times)
    at_risk = np.array([(t >= x).sum() for x in times])
    return pd.DataFrame({"time": times, "promoted": np.asarray(ci.cinc[0]), "left": np.asarray(ci.cinc[1]),
                         "at_risk": at_risk})


def logrank(spells: pd.DataFrame, group: pd.Series) -> tuple[float, float]:
    """Log-rank test of time to promotion between groups (departures censored, late entry): (chi-square, p).

    :math:`\\chi^2 = (O - E)^\\top V^{-1} (O - E)` over the groups but one (Mantel 1966; Peto & Peto 1972),
    from statsmodels ``survdiff``.
    """
    from statsmodels.duration.survfunc import survdiff

    chisq, p = survdiff(spells["time"].to_numpy(float), (spells["event"] == 1).astype(int).to_numpy(),
                        np.asarray(group), entry=spells["entry"].to_numpy(float))
    return float(chisq), float(p)


def cox_clustered(spells: pd.DataFrame, covariates: pd.DataFrame, cluster: pd.Series) -> pd.DataFrame:
    """Cox proportional-hazards model of promotion (departures censored, late entry) with standard errors
    robust to people clustered in schools (Lin & Wei 1989), from statsmodels ``PHReg(...).fit(groups=...)``.

    Returns
    -------
    DataFrame
        One row per covariate: ``coef`` (log hazard ratio), ``se`` (cluster-robust), ``hazard_ratio``,
        ``ci_low``, ``ci_high`` (95%, of the hazard ratio), ``p``.
    """
    from scipy import stats
    from statsmodels.duration.hazard_regression import PHReg

    model = PHReg(spells["time"].to_numpy(float), covariates.to_numpy(float),
                  status=(spells["event"] == 1).astype(int).to_numpy(), entry=spells["entry"].to_numpy(float),
                  ties="breslow")
    fit = model.fit()
    coef = np.asarray(fit.params)
    # The Lin-Wei sandwich H^-1 B H^-1, B summing the score residuals by cluster, as statsmodels'
    # robust_covariance does, except that a case never at risk at an event time (censored before the first
    # event) contributes 0 to B, as it should: statsmodels marks its residual NaN, which makes every
    # standard error NaN (statsmodels 0.14, PHReg.score_residuals).
    resid = np.nan_to_num(model.score_residuals(coef))
    by = pd.DataFrame(resid).groupby(np.asarray(cluster)).sum().to_numpy()
    hess_inv = np.linalg.inv(model.hessian(coef))
    cov = hess_inv @ (by.T @ by) @ hess_inv
    se = np.sqrt(np.diag(cov))
    z = coef / se
    return pd.DataFrame({"coef": coef, "se": se, "hazard_ratio": np.exp(coef), "ci_low": np.exp(coef - 1.959964 * se),
                         "ci_high": np.exp(coef + 1.959964 * se), "p": 2 * stats.norm.sf(np.abs(z))},
                        index=list(covariates.columns))


def wilson_rate(k: int, n: int) -> tuple[float, float, float]:
    """A rate (k of n) with its 95% Wilson score interval, in percent: (rate, low, high).

    :math:`\\frac{\\hat p + z^2/2n \\pm z\\sqrt{\\hat p(1-\\hat p)/n + z^2/4n^2}}{1 + z^2/n}` (Wilson 1927;
    Newcombe 1998, method 3). Newcombe's example: 81 of 263 gives 0.2553 to 0.3662.

    >>> [round(v, 2) for v in wilson_rate(81, 263)]
    [30.8, 25.53, 36.62]
    """
    from statsmodels.stats.proportion import proportion_confint

    lo, hi = proportion_confint(k, n, alpha=0.05, method="wilson")
    return 100.0 * k / n, 100.0 * lo, 100.0 * hi


def k_year_rates(statuses: pd.DataFrame, start: Mapping[object, int], k: int) -> pd.DataFrame:
    """k-year retention and promotion per person: still in the district ``k`` years after ``start`` (their
    cohort's first year), and promoted at least once within those years.

    A person is counted only when the file reaches ``start + k`` (otherwise it is too early to say); leaving and
    coming back within the window counts as retained at the end if they are back. Returns ``person``,
    ``retained`` and ``promoted`` (bool), one row per person the window can be judged for.

    >>> st = pd.DataFrame({"person": ["a", "a", "b"], "year": [2021, 2022, 2021], "next_year": [2022, 2023, 2022],
    ...                    "status": ["promoted", "stayer", "leaver"]})
    >>> k_year_rates(st, {"a": 2021, "b": 2021}, 2).values.tolist()
    [['a', True, True], ['b', False, False]]
    """
    last = int(statuses["next_year"].max())
    out = []
    for pid, g in statuses.groupby("person", sort=True):
        s = int(start[pid])
        if s + k > last:
            continue
        w = g[(g["year"] >= s) & (g["year"] < s + k)]
        # retained at s + k: a transition into s + k that is not a departure, or a return in s + k
        into = g[g["next_year"] == s + k]
        back = g[(g["year"] == s + k) & (g["status"] == "returner")]
        retained = bool((len(into) and into["status"].iloc[-1] != "leaver") or len(back))
        out.append((pid, retained, bool((w["status"] == "promoted").any())))
    return pd.DataFrame(out, columns=["person", "retained", "promoted"])


def standardized_difference(a: pd.Series, b: pd.Series) -> float:
    """Standardized difference of a covariate between two groups (Austin 2009, eqs. 1-2).

    Continuous: :math:`(\\bar x_a - \\bar x_b) / \\sqrt{(s_a^2 + s_b^2)/2}`; binary (0/1, bool):
    :math:`(p_a - p_b) / \\sqrt{(p_a(1-p_a) + p_b(1-p_b))/2}`. Below 0.1 in absolute value is usually read as
    balanced (Austin 2009, §3).

    >>> round(standardized_difference(pd.Series([1.0, 2, 3]), pd.Series([2.0, 3, 4])), 3)
    -1.0
    >>> round(standardized_difference(pd.Series([True, True, False]), pd.Series([True, False, False])), 3)
    0.707
    """
    a, b = a.dropna(), b.dropna()
    if a.dtype == bool or b.dtype == bool or (set(a.unique()) | set(b.unique())) <= {0, 1}:
        pa, pb = float(a.astype(float).mean()), float(b.astype(float).mean())
        den = np.sqrt((pa * (1 - pa) + pb * (1 - pb)) / 2)
        return float((pa - pb) / den) if den > 0 else 0.0
    den = np.sqrt((a.var(ddof=1) + b.var(ddof=1)) / 2)
    return float((a.mean() - b.mean()) / den) if den > 0 else 0.0


def matched_comparison(people: pd.DataFrame, *, treated: str, exact: Sequence[str], distance: str,
                       caliper: float | None = None) -> pd.DataFrame:
    """Each participant's nearest non-participant: the same values of ``exact`` (role, school type), the
    closest ``distance`` (years of experience), without replacement, participants taken in order of their
    ``distance`` then index, ties to the lower index; a participant with no candidate within ``caliper``
    stays unmatched (greedy nearest-neighbour matching, Rosenbaum 2002, §10; Austin 2011).

    Returns
    -------
    DataFrame
        ``treated_index`` and ``control_index`` (index labels of ``people``), ``gap`` (|distance difference|).

    >>> p = pd.DataFrame({"t": [1, 1, 0, 0, 0], "role": ["ap", "ap", "ap", "ap", "p"], "yrs": [3, 10, 4, 12, 3]})
    >>> matched_comparison(p, treated="t", exact=["role"], distance="yrs").to_dict("list")
    {'treated_index': [0, 1], 'control_index': [2, 3], 'gap': [1.0, 2.0]}
    """
    t = people[people[treated].astype(bool)].sort_values([distance], kind="stable")
    c = people[~people[treated].astype(bool)]
    used: set = set()
    out = []
    for i, row in t.iterrows():
        pool = c[~c.index.isin(used)]
        for col in exact:
            pool = pool[pool[col] == row[col]]
        if pool.empty:
            continue
        gaps = (pool[distance] - row[distance]).abs()
        j = gaps.sort_index().idxmin()
        if caliper is not None and gaps[j] > caliper:
            continue
        used.add(j)
        out.append((i, j, float(gaps[j])))
    return pd.DataFrame(out, columns=["treated_index", "control_index", "gap"]).astype({"gap": float})
