"""Scale scores, percent favorable and the Net Promoter Score.

Every function here takes *cleaned* survey data: one row per response, one float column per item
holding the item's substantive codes as exported (not yet reversed), with non-substantive answers
("Don't know", "N/A", 99) already missing. Items flagged ``reverse`` in the codebook are reversed
here, never before.

Definitions (each is also in the function's Notes):

* **reversed item**: ``(min + max) - x`` with ``min``/``max`` the item's substantive codes;
* **scale score**: mean of the answered (reversed) items when at least ``Scale.min_items`` =
  ``ceil(min_share * k)`` are answered, else missing;
* **percent favorable**: share of *answered* responses whose (reversed) code is one of the response
  scale's ``favorable`` codes; for a scale, pooled over all answered item responses of its items
  (the Panorama-style definition), with a Wilson interval widened by the design effect of
  respondents answering several items;
* **Net Promoter Score**: ``100 * (share 9-10 - share 0-6)`` with a Wald interval.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy.stats import norm

from evalkit.analyze._result import Estimate
from evalkit.analyze._survey import as_float as _as_float
from evalkit.analyze._survey import check_confidence_level as _check_confidence_level
from evalkit.analyze._survey import check_frame as _check_frame
from evalkit.analyze._survey import keyed as _keyed
from evalkit.analyze._survey import keyed_items as _keyed_items
from evalkit.analyze._survey import resolve_instrument as _resolve_instrument
from evalkit.analyze._survey import select_items as _select_items
from evalkit.analyze._survey import select_scales as _select_scales
from evalkit.config.codebook import Codebook, Instrument

__all__ = ["ScaleScores", "reverse_items", "score_scales", "percent_favorable", "net_promoter_score"]


# --------------------------------------------------------------------------------------------
# Public functions
# --------------------------------------------------------------------------------------------


def reverse_items(data: pd.DataFrame, instrument: Instrument | str, codebook: Codebook) -> pd.DataFrame:
    """Reverse the items flagged ``reverse`` in the codebook.

    Parameters
    ----------
    data : DataFrame
        Cleaned responses, one column per item (codes as exported).
    instrument : Instrument or str
        The instrument, or its name in ``codebook``.
    codebook : Codebook
        Gives each item's response scale.

    Returns
    -------
    DataFrame
        A copy of ``data`` in which every column that is a reverse-keyed item of ``instrument`` is
        replaced by ``(min + max) - x`` as float; other columns are unchanged. Non-finite values
        become NaN (missing).

    Raises
    ------
    TypeError
        ``data`` is not a DataFrame, or a reverse-keyed item column is not numeric.

    See Also
    --------
    score_scales : Scale scores, which reverse internally.

    Notes
    -----
    For an item on a response scale with substantive codes from :math:`m` to :math:`M`,

    .. math:: x^{\\mathrm{rev}} = (m + M) - x,

    so 1 ↔ 5 and 2 ↔ 4 on a 1-5 scale, 0 ↔ 10 on a 0-10 scale. The codes are those of the item's
    response scale, so non-substantive codes (already missing after cleaning) never enter ``M``.
    Reverse only once: every other function here takes unreversed data and reverses itself.

    References
    ----------
    .. [1] Weijters, B., & Baumgartner, H. (2012). Misresponse to reversed and negated items in
       surveys: A review. *Journal of Marketing Research*, 49(5), 737-747.
       https://doi.org/10.1509/jmr.11.0368

    Examples
    --------
    >>> import pandas as pd
    >>> from evalkit.config import Codebook
    >>> cb = Codebook.model_validate({
    ...     "response_scales": {"agree5": {"codes": {1: "SD", 2: "D", 3: "N", 4: "A", 5: "SA"},
    ...                                    "favorable": [4, 5]}},
    ...     "instruments": {"s": {"title": "S", "items": {
    ...         "q1": {"text": "I like it", "scale": "agree5"},
    ...         "q2": {"text": "I dislike it", "scale": "agree5", "reverse": True}}}}})
    >>> reverse_items(pd.DataFrame({"q1": [1, 5], "q2": [1.0, None]}), "s", cb)
       q1   q2
    0   1  5.0
    1   5  NaN
    """
    func = "reverse_items"
    data = _check_frame(data, func=func)
    inst = _resolve_instrument(instrument, codebook, func=func)
    cols = [c for c in data.columns if c in inst.items and inst.items[c].reverse]
    out = data.copy()
    if cols:
        keyed = _keyed(_as_float(data, cols, func=func), inst, codebook)
        for c in cols:
            out[c] = keyed[c]
    return out


@dataclass(frozen=True)
class ScaleScores:
    """Scale scores and who lost one.

    Attributes
    ----------
    scores : DataFrame
        One float column per scale, same index as the data; NaN where too few items were answered.
    losses : DataFrame
        One row per scale with columns ``scale``, ``k_items``, ``min_items``, ``n_respondents``
        (rows with at least one answered item of the scale), ``n_scored`` (rows with at least
        ``min_items`` answered) and ``n_lost`` (``n_respondents - n_scored``: people who answered
        some items but too few to get a score).
    """

    scores: pd.DataFrame
    losses: pd.DataFrame


def score_scales(
    data: pd.DataFrame,
    instrument: Instrument | str,
    codebook: Codebook,
    *,
    scales: Sequence[str] | None = None,
) -> ScaleScores:
    """Score each scale as the mean of its answered (reversed) items.

    Parameters
    ----------
    data : DataFrame
        Cleaned responses, one column per item (codes as exported, not reversed).
    instrument : Instrument or str
        The instrument, or its name in ``codebook``.
    codebook : Codebook
        Gives each item's response scale and each scale's items and ``min_share``.
    scales : list of str, optional
        Scales to score. By default every scale of the instrument whose items are all columns of
        ``data`` (a scale asked in another wave is left out rather than scored from a subset).

    Returns
    -------
    ScaleScores
        ``scores`` (one column per scale, same index as ``data``) and ``losses`` (one row per
        scale: ``scale``, ``k_items``, ``min_items``, ``n_respondents``, ``n_scored``, ``n_lost``).

    Raises
    ------
    TypeError
        ``data`` is not a DataFrame or an item column is not numeric.
    ValueError
        An unknown scale is named, a named scale's items are not all columns of ``data``, or an
        item holds a value that is not a substantive code of its response scale (uncleaned data).

    See Also
    --------
    reverse_items, percent_favorable

    Notes
    -----
    For respondent :math:`i` and a scale of :math:`k` items, let :math:`A_i` be the set of items
    answered (finite after cleaning) and :math:`x^*_{ij}` the item codes after reversal. Then

    .. math::

        \\text{score}_i = \\frac{1}{|A_i|} \\sum_{j \\in A_i} x^*_{ij}
        \\quad \\text{if } |A_i| \\ge \\lceil \\text{min\\_share} \\cdot k \\rceil,
        \\text{ else missing.}

    This is person-mean imputation of the unanswered items, which Schafer & Graham (2002) note is
    acceptable when few items are missing; the ``min_share`` rule (default 75 %) enforces "few".

    References
    ----------
    .. [1] Schafer, J. L., & Graham, J. W. (2002). Missing data: Our view of the state of the art.
       *Psychological Methods*, 7(2), 147-177. https://doi.org/10.1037/1082-989X.7.2.147

    Examples
    --------
    >>> import pandas as pd
    >>> from evalkit.config import Codebook
    >>> cb = Codebook.model_validate({
    ...     "response_scales": {"agree5": {"codes": {1: "SD", 2: "D", 3: "N", 4: "A", 5: "SA"},
    ...                                    "favorable": [4, 5]}},
    ...     "instruments": {"s": {"title": "S", "items": {
    ...         "q1": {"text": "a", "scale": "agree5"},
    ...         "q2": {"text": "b", "scale": "agree5"},
    ...         "q3": {"text": "c", "scale": "agree5"},
    ...         "q4": {"text": "d", "scale": "agree5", "reverse": True}},
    ...       "scales": {"sc": {"label": "Scale", "items": ["q1", "q2", "q3", "q4"]}}}}})
    >>> df = pd.DataFrame({"q1": [4, 5, 2], "q2": [4, None, None], "q3": [5, 4, None], "q4": [2, 1, 3]})
    >>> res = score_scales(df, "s", cb)
    >>> res.scores["sc"].round(3).tolist()  # row 3 answered 2 of 4 items (< 3 needed)
    [4.25, 4.667, nan]
    >>> res.losses.iloc[0].to_dict()
    {'scale': 'sc', 'k_items': 4, 'min_items': 3, 'n_respondents': 3, 'n_scored': 2, 'n_lost': 1}
    """
    func = "score_scales"
    data = _check_frame(data, func=func)
    inst = _resolve_instrument(instrument, codebook, func=func)
    chosen = _select_scales(inst, data, scales, func=func)
    needed = list(dict.fromkeys(i for s in chosen.values() for i in s.items))
    keyed = _keyed_items(data, inst, codebook, needed, func=func)

    scores: dict[str, pd.Series] = {}
    rows = []
    for name, scale in chosen.items():
        block = keyed[scale.items]
        answered = block.notna().sum(axis=1)
        ok = answered >= scale.min_items
        scores[name] = block.mean(axis=1, skipna=True).where(ok)
        n_resp = int((answered > 0).sum())
        n_scored = int(ok.sum())
        rows.append({"scale": name, "k_items": len(scale.items), "min_items": scale.min_items,
                     "n_respondents": n_resp, "n_scored": n_scored, "n_lost": n_resp - n_scored})
    score_frame = pd.DataFrame(scores, index=data.index, columns=list(chosen), dtype="float64")
    losses = pd.DataFrame(
        rows, columns=["scale", "k_items", "min_items", "n_respondents", "n_scored", "n_lost"])
    return ScaleScores(scores=score_frame, losses=losses)


def _wilson(x: float, n: float, z: float) -> tuple[float, float]:
    """Wilson (1927) score interval for ``x`` successes in ``n`` (``n`` may be effective, non-integer)."""
    if n <= 0:
        return math.nan, math.nan
    p = x / n
    denom = 1 + z * z / n
    center = (p + z * z / (2 * n)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    low = 0.0 if x <= 0 else max(0.0, center - half)
    high = 1.0 if x >= n else min(1.0, center + half)
    return low, high


def _pooled_deff(fav: np.ndarray, answered: np.ndarray) -> tuple[float, int, float]:
    """Design effect of a share pooled over several items per respondent (respondents = clusters).

    Returns ``(deff, m, n_eff)``: the design effect of the ratio estimator
    ``p = sum(f_i) / sum(n_i)``, i.e. its linearization (cluster-robust) variance
    ``sum((f_i - p n_i)^2) / N^2`` over the binomial variance ``p (1 - p) / N``, truncated below
    at 1; the number ``m`` of respondents with an answer; and the effective sample size
    ``N / deff``. Neither variance carries a small-sample factor, so one answer per respondent
    gives deff = 1 exactly and identical answers within respondents give ``n_eff = m``. When ``p``
    is 0 or 1 (no variance to estimate) or ``m < 2``, the effective n is ``m``.
    """
    n_i = answered.sum(axis=1)
    f_i = (fav & answered).sum(axis=1)
    keep = n_i > 0
    n_i, f_i = n_i[keep].astype(float), f_i[keep].astype(float)
    m = int(keep.sum())
    big_n = float(n_i.sum())
    if m == 0:
        return math.nan, 0, 0.0
    p = f_i.sum() / big_n
    if m < 2 or p <= 0 or p >= 1:
        return big_n / m, m, float(m)
    var_cluster = float(((f_i - p * n_i) ** 2).sum()) / big_n**2
    deff = max(1.0, var_cluster / (p * (1 - p) / big_n))
    return deff, m, big_n / deff


def _favorable_answers(data: pd.DataFrame, inst: Instrument, codebook: Codebook, items: Sequence[str], *,
                       func: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per response and item: whether it was answered, and whether the answer is favorable (judged on the
    reverse-keyed value). ValueError names the items whose response scale defines no favorable codes."""
    no_fav = sorted({i for i in items if not codebook.response_scales[inst.items[i].scale].favorable})
    if no_fav:
        raise ValueError(f"{func}(): items {no_fav} have a response scale without favorable codes; "
                         f"add `favorable` to the response scale in the codebook or leave them out")
    keyed = _keyed_items(data, inst, codebook, list(items), func=func)
    answered = keyed.notna()
    fav = pd.DataFrame({c: keyed[c].isin(codebook.response_scales[inst.items[c].scale].favorable)
                        for c in items}, index=keyed.index) & answered
    return answered, fav


def percent_favorable(
    data: pd.DataFrame,
    instrument: Instrument | str,
    codebook: Codebook,
    *,
    items: Sequence[str] | None = None,
    scales: Sequence[str] | None = None,
    confidence_level: float = 0.95,
) -> pd.DataFrame:
    """Percent of answered responses that are favorable, per item and pooled per scale.

    Parameters
    ----------
    data : DataFrame
        Cleaned responses, one column per item (codes as exported, not reversed).
    instrument : Instrument or str
        The instrument, or its name in ``codebook``.
    codebook : Codebook
        Gives each item's response scale and its ``favorable`` codes.
    items : list of str, optional
        Items to report. By default every item of the instrument that is a column of ``data`` and
        whose response scale defines favorable codes.
    scales : list of str, optional
        Scales to report, pooled over their items. By default every scale whose items are all
        columns of ``data`` and all have favorable codes.
    confidence_level : float, default 0.95
        Confidence level of the interval.

    Returns
    -------
    DataFrame
        One row per item, then one per scale, with columns ``level`` (``"item"`` or ``"scale"``),
        ``name``, ``n`` (answered responses; missing, "Don't know" and "N/A" are out of the
        denominator), ``n_favorable``, ``pct`` (percent, 0-100), ``ci_low``, ``ci_high`` (percent),
        ``confidence_level``, ``method`` (``"wilson"`` for items, ``"wilson_deff_cluster"`` for
        scales), ``n_respondents`` (respondents with at least one answer) and ``deff`` (design
        effect used; 1 for items). ``pct`` and the interval are NaN when ``n`` is 0.

    Raises
    ------
    TypeError
        ``data`` is not a DataFrame or an item column is not numeric.
    ValueError
        Unknown or absent items or scales, an item without favorable codes named explicitly,
        uncleaned values, or ``confidence_level`` outside (0, 1).

    See Also
    --------
    score_scales

    Notes
    -----
    **Favorable** is judged on the reverse-keyed value: for a reverse-keyed item, a response
    counts as favorable when :math:`(m + M) - x` is one of the response scale's ``favorable``
    codes (disagreeing with "I rarely have time to focus on instruction" is favorable).

    **Item**: :math:`\\hat p = x/n` with :math:`n` the answered responses, and the Wilson (1927)
    score interval

    .. math::

        \\frac{\\hat p + \\frac{z^2}{2n} \\pm z\\sqrt{\\frac{\\hat p(1-\\hat p)}{n} + \\frac{z^2}{4n^2}}}
             {1 + \\frac{z^2}{n}}, \\qquad z = \\Phi^{-1}\\left(1 - \\frac{1 - \\text{cl}}{2}\\right),

    the "score method without continuity correction" (method 3) of Newcombe (1998).

    **Scale** (Panorama-style pooling): :math:`\\hat p = \\sum_i f_i / \\sum_i n_i`, the share of
    *all answered item responses* to the scale's items that are favorable, where respondent
    :math:`i` gave :math:`n_i` answers of which :math:`f_i` favorable. It is not the share of
    respondents whose scale mean is favorable. Because one respondent's answers are correlated, the
    :math:`N = \\sum n_i` responses are not independent, and a plain Wilson interval on :math:`N`
    would be too narrow. The interval is therefore the Wilson interval at the effective sample size
    :math:`N / \\text{deff}` (Kish 1965; Dean & Pagano 2015), where deff is the ratio of the
    linearization (cluster-robust) variance with respondents as clusters,
    :math:`\\sum_i (f_i - \\hat p n_i)^2 / N^2`, to the binomial variance
    :math:`\\hat p(1-\\hat p)/N`, truncated below at 1 (so the interval is never narrower than
    the naive one). One answer per respondent gives deff = 1 (the item interval); identical answers
    within respondents give :math:`N/\\text{deff} = m`, the number of respondents. When
    :math:`\\hat p` is 0 or 1 the effective n is :math:`m`.

    References
    ----------
    .. [1] Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
       inference. *JASA*, 22(158), 209-212. https://doi.org/10.1080/01621459.1927.10502953
    .. [2] Newcombe, R. G. (1998). Two-sided confidence intervals for the single proportion:
       comparison of seven methods. *Statistics in Medicine*, 17(8), 857-872.
       https://doi.org/10.1002/(SICI)1097-0258(19980430)17:8<857::AID-SIM777>3.0.CO;2-E
    .. [3] Dean, N., & Pagano, M. (2015). Evaluating confidence interval methods for binomial
       proportions in clustered surveys. *Journal of Survey Statistics and Methodology*, 3(4),
       484-503. https://doi.org/10.1093/jssam/smv024
    .. [4] Kish, L. (1965). *Survey Sampling*, section 8.2. Wiley. ISBN 978-0-471-10949-5.

    Examples
    --------
    >>> import pandas as pd
    >>> from evalkit.config import Codebook
    >>> cb = Codebook.model_validate({
    ...     "response_scales": {"agree5": {"codes": {1: "SD", 2: "D", 3: "N", 4: "A", 5: "SA"},
    ...                                    "favorable": [4, 5]}},
    ...     "instruments": {"s": {"title": "S", "items": {
    ...         "q1": {"text": "a", "scale": "agree5"},
    ...         "q2": {"text": "b", "scale": "agree5", "reverse": True}},
    ...       "scales": {"sc": {"label": "Scale", "items": ["q1", "q2"]}}}}})
    >>> df = pd.DataFrame({"q1": [5, 4, 4, 2, None], "q2": [1, 2, 4, 5, 1]})
    >>> pf = percent_favorable(df, "s", cb)
    >>> pf[["level", "name", "n", "n_favorable", "pct"]].round(1)
       level name  n  n_favorable   pct
    0   item   q1  4            3  75.0
    1   item   q2  5            3  60.0
    2  scale   sc  9            6  66.7
    >>> pf.loc[0, ["ci_low", "ci_high"]].round(1).tolist()  # Wilson 95 % for 3 of 4
    [30.1, 95.4]
    """
    func = "percent_favorable"
    data = _check_frame(data, func=func)
    inst = _resolve_instrument(instrument, codebook, func=func)
    cl = _check_confidence_level(confidence_level, func=func)

    def has_favorable(item: str) -> bool:
        return bool(codebook.response_scales[inst.items[item].scale].favorable)

    chosen_items = _select_items(inst, data, items, func=func)
    if items is None:
        chosen_items = [i for i in chosen_items if has_favorable(i)]
    if scales is None:
        chosen_scales = {n: s for n, s in _select_scales(inst, data, None, func=func).items()
                         if all(has_favorable(i) for i in s.items)}
    else:
        chosen_scales = _select_scales(inst, data, scales, func=func)
    needed = list(dict.fromkeys([*chosen_items, *(i for s in chosen_scales.values() for i in s.items)]))
    answered, fav = _favorable_answers(data, inst, codebook, needed, func=func)
    z = float(norm.ppf(1 - (1 - cl) / 2))

    rows = []
    for item in chosen_items:
        n = int(answered[item].sum())
        x = int(fav[item].sum())
        low, high = _wilson(x, n, z)
        rows.append({"level": "item", "name": item, "n": n, "n_favorable": x,
                     "pct": 100 * x / n if n else math.nan, "ci_low": 100 * low, "ci_high": 100 * high,
                     "confidence_level": cl, "method": "wilson", "n_respondents": n, "deff": 1.0})
    for name, scale in chosen_scales.items():
        a = answered[scale.items].to_numpy()
        f = fav[scale.items].to_numpy()
        n = int(a.sum())
        x = int(f.sum())
        deff, m, n_eff = _pooled_deff(f, a)
        low, high = _wilson(x / n * n_eff, n_eff, z) if n else (math.nan, math.nan)
        rows.append({"level": "scale", "name": name, "n": n, "n_favorable": x,
                     "pct": 100 * x / n if n else math.nan, "ci_low": 100 * low, "ci_high": 100 * high,
                     "confidence_level": cl, "method": "wilson_deff_cluster", "n_respondents": m,
                     "deff": deff})
    cols = ["level", "name", "n", "n_favorable", "pct", "ci_low", "ci_high", "confidence_level", "method",
            "n_respondents", "deff"]
    out = pd.DataFrame(rows, columns=cols)
    return out.astype({"n": "int64", "n_favorable": "int64", "n_respondents": "int64", "pct": "float64",
                       "ci_low": "float64", "ci_high": "float64", "deff": "float64"})


def favorable_change(
    pre: pd.DataFrame,
    post: pd.DataFrame,
    instrument: Instrument | str,
    codebook: Codebook,
    *,
    scale: str,
    cluster: str | None = None,
    confidence_level: float = 0.95,
) -> Estimate:
    """Change in a scale's pooled percent favorable between two independent waves, with a cluster-robust CI.

    For repeated cross-sections (an anonymous staff survey before and after, answered by whoever
    was on staff): the waves are not the same people, so no pairing is possible, but respondents are
    nested in schools and one respondent's answers to a scale's items are correlated.

    Parameters
    ----------
    pre, post : DataFrame
        Cleaned responses of the two waves, one column per item (codes as exported), and the
        ``cluster`` column when given.
    instrument : Instrument or str
        The instrument, or its name in ``codebook``.
    codebook : Codebook
        Gives each item's response scale and its ``favorable`` codes.
    scale : str
        The scale whose items are pooled, as :func:`percent_favorable` pools them.
    cluster : str, optional
        Column naming the cluster of each respondent (a school code). By default each respondent is
        its own cluster (answers within a respondent are still correlated).
    confidence_level : float, default 0.95
        Confidence level of the interval.

    Returns
    -------
    Estimate
        ``estimate`` in percentage points (post minus pre), its interval, ``n1``/``n2`` the
        respondents with an answer pre and post, ``df`` = G - 1, and in ``extra``: ``pct_pre``,
        ``pct_post``, ``se`` (points), ``p_value``, ``n_clusters`` and ``answers_pre``/``answers_post``.
        ``method`` is ``"ols_cr1_cluster"``.

    Raises
    ------
    ValueError
        An unknown scale, a scale without favorable codes, a missing ``cluster`` column, fewer than
        two clusters, or a wave with no answers.

    See Also
    --------
    percent_favorable

    Notes
    -----
    Each answered item response :math:`j` of respondent :math:`i` in cluster :math:`g` is an
    indicator :math:`y_{gij}` (favorable or not, judged on the reverse-keyed value). The least-squares
    fit of :math:`y = \\beta_0 + \\beta_1 \\, \\text{post} + e` gives
    :math:`\\hat\\beta_1 = \\hat p_{post} - \\hat p_{pre}`, the difference of the two pooled shares
    that :func:`percent_favorable` reports. Its variance is the cluster-robust sandwich with the CR1
    small-sample factor (Cameron & Miller 2015, eq. 11-12; Stata's and statsmodels' default),

    .. math::

        \\hat V = \\frac{G}{G-1}\\frac{N-1}{N-K} (X'X)^{-1}
                 \\Big(\\sum_g X_g' \\hat e_g \\hat e_g' X_g\\Big) (X'X)^{-1},

    with :math:`G` clusters, :math:`N` answers and :math:`K = 2`; the interval uses Student's t with
    :math:`G - 1` degrees of freedom, as Cameron & Miller recommend when clusters are few. A school
    that answered in both waves contributes to both shares, and the sandwich keeps that covariance.
    With few clusters (under about 20) the interval is approximate; the report says so.

    References
    ----------
    .. [1] Cameron, A. C., & Miller, D. L. (2015). A practitioner's guide to cluster-robust
       inference. *Journal of Human Resources*, 50(2), 317-372. https://doi.org/10.3368/jhr.50.2.317
    .. [2] Liang, K.-Y., & Zeger, S. L. (1986). Longitudinal data analysis using generalized linear
       models. *Biometrika*, 73(1), 13-22. https://doi.org/10.1093/biomet/73.1.13

    Examples
    --------
    >>> import pandas as pd
    >>> from evalkit.config import Codebook
    >>> cb = Codebook.model_validate({
    ...     "response_scales": {"agree4": {"codes": {1: "SD", 2: "D", 3: "A", 4: "SA"}, "favorable": [3, 4]}},
    ...     "instruments": {"s": {"title": "S", "items": {"q1": {"text": "a", "scale": "agree4"},
    ...                                                    "q2": {"text": "b", "scale": "agree4"}},
    ...                           "scales": {"sc": {"label": "Scale", "items": ["q1", "q2"]}}}}})
    >>> pre = pd.DataFrame({"q1": [1, 2, 3, 2, 4, 1], "q2": [2, 2, 3, 1, 3, 2], "school": list("aabbcc")})
    >>> post = pd.DataFrame({"q1": [3, 2, 4, 3, 4, 2], "q2": [3, 2, 3, 3, 4, 1], "school": list("aabbcc")})
    >>> est = favorable_change(pre, post, "s", cb, scale="sc", cluster="school")
    >>> round(est.extra["pct_pre"], 1), round(est.extra["pct_post"], 1), round(est.estimate, 1)
    (33.3, 66.7, 33.3)
    >>> est.df, est.extra["n_clusters"]
    (2.0, 3)
    """
    import statsmodels.api as sm

    func = "favorable_change"
    inst = _resolve_instrument(instrument, codebook, func=func)
    cl = _check_confidence_level(confidence_level, func=func)
    waves = {"pre": _check_frame(pre, func=func), "post": _check_frame(post, func=func)}
    if scale not in inst.scales:
        raise ValueError(f"{func}(): unknown scale {scale!r}; the instrument has {sorted(inst.scales)}")
    items = list(inst.scales[scale].items)
    ys, xs, gs, n_resp, answers = [], [], [], {}, {}
    for x, (wave, d) in enumerate(waves.items()):
        if cluster is not None and cluster not in d.columns:
            raise ValueError(f"{func}(): the {wave} wave has no column {cluster!r} to cluster by")
        answered, fav = (f.to_numpy() for f in _favorable_answers(d, inst, codebook, items, func=func))
        who = (d[cluster].astype(str).to_numpy() if cluster is not None
               else np.array([f"{wave}:{i}" for i in range(len(d))], dtype=object))
        rows, cols = np.nonzero(answered)
        if not len(rows):
            raise ValueError(f"{func}(): the {wave} wave has no answer to the items of {scale!r}")
        ys.append(fav[rows, cols].astype(float))
        xs.append(np.full(len(rows), float(x)))
        gs.append(who[rows])
        n_resp[wave] = int(answered.any(axis=1).sum())
        answers[wave] = len(rows)
    y, x, g = np.concatenate(ys), np.concatenate(xs), np.concatenate(gs)
    groups = pd.factorize(g)[0]
    n_clusters = int(groups.max()) + 1
    if n_clusters < 2:
        raise ValueError(f"{func}(): a cluster-robust interval needs at least two clusters, got {n_clusters}")
    fit = sm.OLS(y, sm.add_constant(x)).fit(cov_type="cluster", cov_kwds={"groups": groups}, use_t=True)
    low, high = fit.conf_int(alpha=1 - cl)[1]
    p_pre, p_post = float(fit.params[0]), float(fit.params[0] + fit.params[1])
    return Estimate(estimate=100 * float(fit.params[1]), ci_low=100 * float(low), ci_high=100 * float(high),
                    confidence_level=cl, method="ols_cr1_cluster", n1=n_resp["pre"], n2=n_resp["post"],
                    df=float(n_clusters - 1),
                    extra={"pct_pre": 100 * p_pre, "pct_post": 100 * p_post, "se": 100 * float(fit.bse[1]),
                           "p_value": float(fit.pvalues[1]), "n_clusters": n_clusters,
                           "answers_pre": answers["pre"], "answers_post": answers["post"]})


def net_promoter_score(x: Any, *, confidence_level: float = 0.95) -> Estimate:
    """Net Promoter Score of 0-10 "how likely are you to recommend" answers, with a Wald interval.

    Parameters
    ----------
    x : array_like or Series
        Answers on the 0-10 scale; missing (NaN/None/NA) answers are left out.
    confidence_level : float, default 0.95
        Confidence level of the interval.

    Returns
    -------
    Estimate
        ``estimate`` (NPS, -100 to 100), ``ci_low``, ``ci_high`` (clipped to [-100, 100]), ``n``
        (answers), ``method`` ``"nps_wald"``, and ``extra`` with ``se`` (on the -100..100 scale),
        ``n_promoters``, ``n_passives``, ``n_detractors`` and the shares ``promoters``,
        ``passives``, ``detractors`` (proportions, 0-1).

    Raises
    ------
    ValueError
        No answered values, a value outside 0-10 or not a whole number, or ``confidence_level``
        outside (0, 1).
    TypeError
        ``x`` is not numeric.

    See Also
    --------
    percent_favorable

    Notes
    -----
    Promoters answer 9-10, passives 7-8, detractors 0-6 (Reichheld 2003). With shares
    :math:`p_P` and :math:`p_D` among the :math:`n` answers, :math:`\\text{NPS} = 100(p_P - p_D)`.
    Scoring each answer +1 (promoter), 0 (passive) or -1 (detractor), NPS/100 is the mean score,
    whose variance gives

    .. math::

        \\text{SE} = 100 \\sqrt{\\frac{p_P + p_D - (p_P - p_D)^2}{n}}
        = 100 \\sqrt{\\frac{p_P(1-p_P) + p_D(1-p_D) + 2 p_P p_D}{n}},

    and the interval is :math:`\\text{NPS} \\pm z\\,\\text{SE}`, clipped to [-100, 100]
    (the Wald interval of Rocks 2016). With :math:`p_P = p_D = 1/3` its width is about
    :math:`320/\\sqrt{n}` (Engelhardt 2016). Rocks (2016) finds this interval somewhat liberal in
    small samples; it is zero-width when every answer falls in one category.

    References
    ----------
    .. [1] Reichheld, F. F. (2003). The one number you need to grow. *Harvard Business Review*,
       81(12), 46-54.
    .. [2] Rocks, B. (2016). Interval estimation for the "net promoter score". *The American
       Statistician*, 70(4), 365-372. https://doi.org/10.1080/00031305.2016.1158124

    Examples
    --------
    >>> res = net_promoter_score([10, 10, 9, 8, 7, 6, 5, 0, 9, 10])
    >>> round(res.estimate, 6), res.n, res.extra["promoters"], res.extra["detractors"]
    (20.0, 10, 0.5, 0.3)
    >>> round(res.extra["se"], 3), round(res.ci_low, 2), round(res.ci_high, 2)
    (27.568, -34.03, 74.03)
    """
    func = "net_promoter_score"
    cl = _check_confidence_level(confidence_level, func=func)
    if isinstance(x, (str, bytes, dict)) or np.ndim(x) == 0:
        raise TypeError(f"{func}(): x must be a 1-D sequence of 0-10 answers, got {type(x).__name__}")
    if np.ndim(x) != 1:
        raise ValueError(f"{func}(): x must be 1-dimensional (one answer per respondent), got {np.ndim(x)}-D")
    s = pd.Series(x) if not isinstance(x, pd.Series) else x
    if pd.api.types.is_bool_dtype(s):
        raise TypeError(f"{func}(): x must hold numeric 0-10 answers, not booleans")
    if not pd.api.types.is_numeric_dtype(s):
        try:
            s = pd.to_numeric(s.astype("object").where(s.notna(), np.nan), errors="raise")
        except (TypeError, ValueError):
            raise TypeError(f"{func}(): x must hold numeric 0-10 answers (dtype {s.dtype})") from None
    v = s.to_numpy(dtype="float64", na_value=np.nan)
    v = v[~np.isnan(v)]
    if v.size == 0:
        raise ValueError(f"{func}(): x has no answered values (all {len(s)} missing); NPS is undefined")
    bad = (v < 0) | (v > 10) | (v != np.round(v))
    if bad.any():
        raise ValueError(f"{func}(): x must hold whole numbers from 0 to 10; {int(bad.sum())} of {v.size} "
                         f"answered value(s) are not (is this the 0-10 recommend item?)")
    n = int(v.size)
    n_p = int((v >= 9).sum())
    n_d = int((v <= 6).sum())
    n_pa = n - n_p - n_d
    p_p, p_d = n_p / n, n_d / n
    nps = 100 * (p_p - p_d)
    se = 100 * math.sqrt(max(0.0, p_p + p_d - (p_p - p_d) ** 2) / n)
    z = float(norm.ppf(1 - (1 - cl) / 2))
    return Estimate(
        estimate=nps,
        ci_low=max(-100.0, nps - z * se),
        ci_high=min(100.0, nps + z * se),
        confidence_level=cl,
        method="nps_wald",
        n=n,
        extra={"se": se, "n_promoters": n_p, "n_passives": n_pa, "n_detractors": n_d,
               "promoters": p_p, "passives": n_pa / n, "detractors": p_d},
    )
