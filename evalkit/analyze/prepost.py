"""Pre/post designs evaluators use, in one entry point: :func:`prepost_table`.

Given scale scores of two waves (and optionally a retrospective-pre wave), it returns one tidy row
per scale (and per group such as role or tier) with n, means, SDs, the effect size with its CI, the
test and its p value, adjusted across the scales of a domain with Benjamini-Hochberg.

Designs
-------
``matched``
    Both waves carry a person key (the keyed pseudonym ``person_id``): a paired analysis on the
    complete pairs. Two effect sizes are reported and the primary one is named: ``g_av`` (the mean
    difference over the average of the two SDs, Hedges-corrected; comparable with between-group
    effect sizes, Lakens 2013) is primary; ``d_z`` (over the SD of the differences; what the paired
    t test's power depends on) is given beside it. The match rate is reported.
``independent``
    No person key (an anonymous survey): the waves are two repeated cross-sections. Welch's t test
    and Hedges' g between the waves describe a change in the *population* answering, never
    individual change.
``retro``
    A retrospective-pre ("then") wave is its own wave, never pooled with a traditional pre: post is
    compared with it within the same respondents, and where a traditional pre exists for them the
    response shift = retro-pre − pre is reported.

Small groups are not this module's business: it computes; the disclose stage decides what may be
shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd
from scipy import stats

__all__ = ["prepost_table", "PRIMARY_PAIRED"]

#: The paired effect size reported as primary (see the module docstring for why).
PRIMARY_PAIRED = "g_av"

_COLUMNS = ["scale", "group", "design", "comparison", "n", "n1", "n2", "mean1", "sd1", "mean2", "sd2",
            "mean_diff", "effect", "estimate", "ci_low", "ci_high", "effect_secondary", "estimate_secondary",
            "test", "statistic", "df", "p", "p_adjusted", "match_rate", "pre_matched_vs_unmatched", "primary", "note"]


def _row(**kw) -> dict:
    return {c: kw.get(c, np.nan if c not in ("scale", "group", "design", "comparison", "effect", "test",
                                             "effect_secondary", "primary", "note") else None) for c in _COLUMNS}


def _paired(scale: str, group, a: pd.Series, b: pd.Series, comparison: str, confidence_level: float,
            match_rate: float | None) -> dict:
    from evalkit.analyze.effect_sizes import paired_d

    pair = pd.concat([a, b], axis=1, keys=["a", "b"]).dropna()
    n = len(pair)
    if n < 3:
        return _row(scale=scale, group=group, design="matched", comparison=comparison, n=n, match_rate=match_rate,
                    note="fewer than 3 complete pairs")
    try:
        g_av = paired_d(pair["a"], pair["b"], standardizer="av", correction="approx", confidence_level=confidence_level)
        d_z = paired_d(pair["a"], pair["b"], standardizer="z", confidence_level=confidence_level)
    except ValueError as exc:  # zero variance or constant differences: no standardized effect exists
        return _row(scale=scale, group=group, design="matched", comparison=comparison, n=n, match_rate=match_rate,
                    mean_diff=(pair["a"] - pair["b"]).mean(), note=f"no effect size: {exc}")
    t = stats.ttest_rel(pair["a"], pair["b"])
    return _row(scale=scale, group=group, design="matched", comparison=comparison, n=n,
                mean1=pair["a"].mean(), sd1=pair["a"].std(ddof=1), mean2=pair["b"].mean(), sd2=pair["b"].std(ddof=1),
                mean_diff=(pair["a"] - pair["b"]).mean(), effect="g_av", estimate=g_av.estimate,
                ci_low=g_av.ci_low, ci_high=g_av.ci_high, effect_secondary="d_z", estimate_secondary=d_z.estimate,
                test="paired t", statistic=float(t.statistic), df=n - 1, p=float(t.pvalue), match_rate=match_rate,
                primary=PRIMARY_PAIRED)


def _independent(scale: str, group, a: pd.Series, b: pd.Series, comparison: str, confidence_level: float) -> dict:
    from evalkit.analyze.effect_sizes import hedges_g

    a, b = a.dropna(), b.dropna()
    if len(a) < 2 or len(b) < 2:
        return _row(scale=scale, group=group, design="independent", comparison=comparison, n1=len(a), n2=len(b),
                    note="fewer than 2 respondents in a wave")
    try:
        g = hedges_g(a, b, confidence_level=confidence_level)
    except ValueError as exc:
        return _row(scale=scale, group=group, design="independent", comparison=comparison, n1=len(a), n2=len(b),
                    mean_diff=a.mean() - b.mean(), note=f"no effect size: {exc}")
    t = stats.ttest_ind(a, b, equal_var=False)
    return _row(scale=scale, group=group, design="independent", comparison=comparison, n1=len(a), n2=len(b),
                mean1=a.mean(), sd1=a.std(ddof=1), mean2=b.mean(), sd2=b.std(ddof=1), mean_diff=a.mean() - b.mean(),
                effect="hedges_g", estimate=g.estimate, ci_low=g.ci_low, ci_high=g.ci_high,
                test="Welch t", statistic=float(t.statistic), df=float(getattr(t, "df", np.nan)),
                p=float(t.pvalue), primary="hedges_g")


def prepost_table(
    pre: pd.DataFrame,
    post: pd.DataFrame,
    *,
    scales: Sequence[str],
    person: str | None = "person_id",
    retro: pd.DataFrame | None = None,
    retro_scales: dict[str, str] | None = None,
    group: str | None = None,
    design: Literal["auto", "matched", "independent"] = "auto",
    confidence_level: float = 0.95,
    q: float = 0.05,
) -> pd.DataFrame:
    """Pre/post results per scale (and group): n, means, SDs, effect size with CI, test, p, BH-adjusted p.

    Parameters
    ----------
    pre, post : DataFrame
        Scale scores per respondent (one column per scale), plus ``person`` and ``group`` columns.
    scales : sequence of str
        The scales to compare (one domain: their p values are adjusted together).
    person : str or None
        The person key; ``design="auto"`` pairs on it when both waves have it.
    retro : DataFrame, optional
        Retrospective-pre scores, usually columns of the post file; must carry ``person`` too.
    retro_scales : dict, optional
        Scale → its retrospective-pre scale column in ``retro`` (e.g. ``{"science_leadership":
        "science_leadership_retro"}``).
    group : str, optional
        Report each group (role, tier) separately as well as everyone.
    design : {"auto", "matched", "independent"}
        ``auto``: matched when both waves have a person key, else independent.
    confidence_level, q : float
        CI level; the Benjamini-Hochberg false discovery rate across the domain's scales.

    Returns
    -------
    DataFrame
        One row per scale × group × comparison ("post - pre", "post - retro_pre", "retro_pre - pre").
        Sign convention: first minus second, so a positive effect is an increase. Column ``primary``
        names the effect reported as primary; ``p_adjusted`` is Benjamini-Hochberg within each
        comparison and group.

    Notes
    -----
    Paired: g_av = J·(M_post − M_pre)/((SD_post + SD_pre)/2), J = 1 − 3/(4(n−1) − 1); d_z = M_diff/SD_diff
    (Lakens 2013, equations 8-10). Independent: Hedges' g with Welch's t test. BH: Benjamini & Hochberg
    (1995). The match rate is n_pairs / n_pre. ``pre_matched_vs_unmatched`` is the standardized
    difference of pre scores between respondents who answered both waves and those who answered
    only the pre (Austin 2009): a large value warns that the pairs are not the cohort.

    References
    ----------
    Lakens, D. (2013). Calculating and reporting effect sizes to facilitate cumulative science.
    Frontiers in Psychology, 4, 863. https://doi.org/10.3389/fpsyg.2013.00863

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> pre = pd.DataFrame({"person_id": list("abcdefghij"), "lead": rng.normal(3, .5, 10)})
    >>> post = pre.assign(lead=pre["lead"] + .3 + rng.normal(0, .2, 10))
    >>> t = prepost_table(pre, post, scales=["lead"])
    >>> row = t.iloc[0]
    >>> row.design, row.comparison, int(row.n), row.effect, row.primary
    ('matched', 'post - pre', 10, 'g_av', 'g_av')
    """
    from evalkit.analyze.multiplicity import benjamini_hochberg
    from evalkit.anonymize.linkage import attrition_check

    if not 0 < confidence_level < 1:
        raise ValueError(f"prepost_table(): confidence_level must be in (0, 1), got {confidence_level!r}")
    missing = [s for s in scales if s not in pre.columns or s not in post.columns]
    if missing:
        raise ValueError(f"prepost_table(): scales {missing} are not columns of both waves")
    paired = design == "matched" or (design == "auto" and person is not None
                                     and person in pre.columns and person in post.columns)
    if paired and (person is None or person not in pre.columns or person not in post.columns):
        raise ValueError("prepost_table(): design='matched' needs the person key in both waves")
    groups: list[tuple[object, pd.DataFrame, pd.DataFrame, pd.DataFrame | None]] = [("all", pre, post, retro)]
    if group is not None:
        for g in sorted(set(pre.get(group, pd.Series(dtype=object)).dropna()) | set(post.get(group, pd.Series(dtype=object)).dropna())):
            groups.append((g, pre[pre[group] == g], post[post[group] == g],
                           retro[retro[group] == g] if retro is not None and group in retro else retro))
    rows = []
    for gname, a_pre, a_post, a_retro in groups:
        if paired:
            pre_k = a_pre.dropna(subset=[person]).set_index(person)
            post_k = a_post.dropna(subset=[person]).set_index(person)
            common = pre_k.index.intersection(post_k.index)
            rate = len(common) / len(pre_k) if len(pre_k) else np.nan
        for scale in scales:
            if paired:
                row = _paired(scale, gname, post_k.loc[common, scale], pre_k.loc[common, scale],
                              "post - pre", confidence_level, rate)
                # Attrition check: do those who answered both waves differ at baseline from those who did not?
                att = attrition_check(pre_k[[scale]], pd.Series(pre_k.index.isin(common), index=pre_k.index),
                                      columns=[scale])
                row["pre_matched_vs_unmatched"] = float(att["std_diff"].iloc[0])
                rows.append(row)
            else:
                rows.append(_independent(scale, gname, a_post[scale], a_pre[scale], "post - pre", confidence_level))
            rscale = (retro_scales or {}).get(scale)
            if a_retro is not None and rscale and person and person in a_retro.columns:
                r_k = a_retro.dropna(subset=[person]).set_index(person)
                post_r = a_post.dropna(subset=[person]).set_index(person) if person in a_post.columns else None
                if post_r is not None:
                    both = r_k.index.intersection(post_r.index)
                    rows.append(_paired(scale, gname, post_r.loc[both, scale], r_k.loc[both, rscale],
                                        "post - retro_pre", confidence_level, None))
                if paired:
                    shift = r_k.index.intersection(pre_k.index)
                    rows.append(_paired(scale, gname, r_k.loc[shift, rscale], pre_k.loc[shift, scale],
                                        "retro_pre - pre", confidence_level, None))
    table = pd.DataFrame(rows, columns=_COLUMNS)
    for _, idx in table.groupby(["comparison", "group"], dropna=False).groups.items():
        ps = table.loc[idx, "p"]
        if ps.notna().any():
            table.loc[idx, "p_adjusted"] = benjamini_hochberg(ps.to_numpy(), q=q)["p_adjusted"].to_numpy()
    return table
