"""Rank-based (dominance) effect sizes: the rank-biserial correlation and the common-language effect.

Distribution-free companions of the standardized mean differences in
:mod:`evalkit.analyze.effect_sizes` (which re-exports these functions), for ordinal outcomes
or skewed scores. Each returns an :class:`~evalkit.analyze._result.Estimate` with a Fisher-z
interval, as R effectsize computes it. Sign: first argument against second. Tests:
``tests/test_effect_sizes.py``.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from scipy import stats

from evalkit.analyze import _noncentral as _nc
from evalkit.analyze._result import Estimate

__all__ = ["cles", "rank_biserial"]


def rank_biserial(x: Any, y: Any, *, paired: bool = False, confidence_level: float = 0.95,
                  nan_policy: str = "omit") -> Estimate:
    """Rank-biserial correlation: Cliff's delta for independent groups, the matched-pairs r_rb if paired.

    Parameters
    ----------
    x, y : array_like
        Two groups, or paired scores of equal length (difference ``x - y``).
    paired : bool, default False
    confidence_level : float, default 0.95
    nan_policy : {"omit", "raise"}, default "omit"
        Independent: drop missing values per group. Paired: drop incomplete pairs.

    Returns
    -------
    Estimate
        ``method`` ``rank_biserial_independent`` (``n1``, ``n2``) or ``rank_biserial_paired``
        (``n`` = complete pairs); ``extra``: ``se_z`` (SE on the Fisher-z scale), ``ci_method``,
        ``n_dropped``; independent adds ``p_greater``, ``p_less``, ``p_equal``; paired adds
        ``n_nonzero``, ``r_plus``, ``r_minus`` (rank sums).

    Raises
    ------
    ValueError
        An empty group, unequal paired lengths, all paired differences zero, a bad option.

    See Also
    --------
    cles : :math:`(1 + \\delta)/2` for independent groups.

    Notes
    -----
    Independent: :math:`\\delta = P(X > Y) - P(X < Y)` over all :math:`n_1 n_2` pairs (Cliff,
    1993), which equals the Glass rank-biserial :math:`1 - 2U_y/(n_1 n_2)` (pingouin ``mwu``
    column ``RBC``; R effectsize ``rank_biserial``). Note that pingouin
    ``compute_effsize(eftype="r")`` is a Pearson correlation, not this.

    Paired (Kerby, 2014): zero differences are dropped (Wilcoxon's method), absolute differences
    are ranked with average ties, and :math:`r_{rb} = (R_+ - R_-)/(R_+ + R_-)` (pingouin
    ``wilcoxon`` ``RBC``; R effectsize ``rank_biserial(paired = TRUE)``).

    Interval: as R effectsize, :math:`\\tanh(\\operatorname{atanh}(r) \\pm z_{1-\\alpha/2} SE)`
    with the SE of r under the null used on the z scale: independent
    :math:`SE = \\sqrt{(n_1+n_2+1)/(3 n_1 n_2)}`; paired, with :math:`n_d` non-zero differences,
    :math:`SE = \\sqrt{(2n_d^3 + 3n_d^2 + n_d)/6} / (n_d(n_d+1)/2)`. At :math:`|r| = 1`
    (complete separation) the Fisher-z interval is undefined and the limits are NaN.

    References
    ----------
    Cliff, N. (1993). Dominance statistics: Ordinal analyses to answer ordinal questions.
    *Psychological Bulletin, 114*(3), 494-509. https://doi.org/10.1037/0033-2909.114.3.494

    Kerby, D. S. (2014). The simple difference formula: An approach to teaching nonparametric
    correlation. *Comprehensive Psychology, 3*. https://doi.org/10.2466/11.IT.3.1

    Ben-Shachar, M. S., et al. (2020). https://doi.org/10.21105/joss.02815

    Examples
    --------
    R effectsize's tests (the ``wilcox.test`` depression data):
    ``rank_biserial(x, y, paired = TRUE)`` = 0.777 [0.295, 0.944].

    >>> x = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30]
    >>> y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]
    >>> res = rank_biserial(x, y, paired=True)
    >>> round(res.estimate, 3), round(res.ci_low, 3), round(res.ci_high, 3)
    (0.778, 0.295, 0.944)
    >>> round(rank_biserial([48, 48, 77, 86, 85, 85, 16], [14, 34, 34, 77]).estimate, 4)
    0.6071
    """
    func = "rank_biserial"
    cl = _nc.check_confidence_level(func, confidence_level)
    _nc.check_choice(func, "paired", paired, (True, False))
    if not paired:
        a, b, dropped = _nc.independent_samples(func, x, y, nan_policy, minimum=1)
        gt, lt, eq = _nc.cliffs_delta(a, b)
        delta = gt - lt
        se_z = math.sqrt((a.size + b.size + 1) / (3 * a.size * b.size))
        lo, hi = _nc.fisher_z_ci(delta, se_z, cl)
        return Estimate(delta, lo, hi, cl, "rank_biserial_independent", n1=a.size, n2=b.size,
                        extra={"p_greater": gt, "p_less": lt, "p_equal": eq, "se_z": se_z,
                               "ci_method": "fisher_z", "n_dropped": dropped})
    a, b, dropped = _nc.paired_samples(func, x, y, nan_policy, minimum=1)
    diff = a - b
    diff = diff[diff != 0]
    nd = diff.size
    if nd == 0:
        raise ValueError(f"{func}(): all {a.size} paired differences are zero, so the matched-pairs "
                         "rank-biserial correlation is undefined")
    ranks = stats.rankdata(np.abs(diff))
    r_plus, r_minus = float(ranks[diff > 0].sum()), float(ranks[diff < 0].sum())
    total = nd * (nd + 1) / 2
    r = (r_plus - r_minus) / total
    se_z = math.sqrt((2 * nd ** 3 + 3 * nd ** 2 + nd) / 6) / total
    lo, hi = _nc.fisher_z_ci(r, se_z, cl)
    return Estimate(r, lo, hi, cl, "rank_biserial_paired", n=a.size,
                    extra={"n_nonzero": nd, "r_plus": r_plus, "r_minus": r_minus, "se_z": se_z,
                           "ci_method": "fisher_z", "n_dropped": dropped})


def cles(x: Any, y: Any, *, confidence_level: float = 0.95, nan_policy: str = "omit") -> Estimate:
    """Common-language effect size: the probability that a random x beats a random y, ties halved.

    Parameters
    ----------
    x, y : array_like
        Two independent groups (at least one value each).
    confidence_level : float, default 0.95
    nan_policy : {"omit", "raise"}, default "omit"

    Returns
    -------
    Estimate
        ``method`` ``cles``; ``n1``, ``n2``; ``extra``: ``p_greater``, ``p_equal``,
        ``ci_method``, ``n_dropped``.

    Raises
    ------
    ValueError
        An empty group, infinite values, a bad option.

    See Also
    --------
    rank_biserial : Cliff's delta, :math:`2\\,CL - 1`.
    evalkit.analyze.conversions.convert_d : ``to="cles_normal"``.

    Notes
    -----
    :math:`CL = P(X > Y) + \\tfrac12 P(X = Y)` over all :math:`n_1 n_2` pairs: Vargha & Delaney's
    (2000) A, the Mann-Whitney :math:`U_x/(n_1 n_2)`, the AUC; distribution-free, unlike McGraw &
    Wong's (1992) normal-theory CL. Equals pingouin ``compute_effsize(eftype="CLES")``. The interval
    is :func:`rank_biserial`'s for Cliff's delta mapped by :math:`(1 + \\delta)/2`.

    References
    ----------
    Vargha, A., & Delaney, H. D. (2000). A critique and improvement of the CL common language
    effect size statistics of McGraw and Wong. *Journal of Educational and Behavioral Statistics,
    25*(2), 101-132. https://doi.org/10.3102/10769986025002101

    Examples
    --------
    pingouin's docstring: ``compute_effsize([1, ..., 7], [1, 3, ..., 13], eftype="cles")`` =
    0.2857142857142857 (12 of 49 pairs won, 4 tied).

    >>> res = cles([1, 2, 3, 4, 5, 6, 7], [1, 3, 5, 7, 9, 11, 13])
    >>> round(res.estimate, 6), res.estimate == (12 + 0.5 * 4) / 49
    (0.285714, True)
    """
    func = "cles"
    cl = _nc.check_confidence_level(func, confidence_level)
    a, b, dropped = _nc.independent_samples(func, x, y, nan_policy, minimum=1)
    gt, lt, eq = _nc.cliffs_delta(a, b)
    se_z = math.sqrt((a.size + b.size + 1) / (3 * a.size * b.size))
    lo, hi = _nc.fisher_z_ci(gt - lt, se_z, cl)
    return Estimate(gt + eq / 2, (1 + lo) / 2, (1 + hi) / 2, cl, "cles", n1=a.size, n2=b.size,
                    extra={"p_greater": gt, "p_equal": eq, "ci_method": "fisher_z_cliffs_delta",
                           "n_dropped": dropped})
