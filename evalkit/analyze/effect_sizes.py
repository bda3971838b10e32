"""Standardized mean differences (two independent groups, paired samples), each with its interval.

Every function returns an :class:`~evalkit.analyze._result.Estimate` whose ``method`` names the
definition used (``cohens_d_pooled``, ``paired_d_av_rms``, ...) and whose ``extra`` holds the
quantities behind it (mean difference, standardizer, t, J, the uncorrected d...).

Conventions, the same in every function of the effect-size modules:

* **Sign: first argument minus second.** For pre/post data pass ``post`` first, ``pre`` second.
* A bias correction (Hedges' J) multiplies the point estimate and, by default, the limits of its
  noncentral interval (``ci_scale="g"``, as R effectsize and MOTE report g's interval).
  ``ci_scale="delta"`` keeps the interval for the population effect delta instead, identical with
  or without the correction (as MBESS and ESCI).
* Missing values: ``nan_policy="omit"`` (default) drops them, per group for independent samples
  and whole pairs for paired samples, and counts them in ``extra["n_dropped"]``;
  ``nan_policy="raise"`` refuses them. Infinite values, fewer than two values, zero variance,
  unequal paired lengths: ``ValueError`` naming the argument, never a silent number.

The effect sizes are split by topic; this module is also the one place to import them all from:

* here: :func:`cohens_d`, :func:`hedges_g`, :func:`glass_delta`, :func:`paired_d` and their
  ``*_from_stats`` forms, with :func:`noncentral_t_ci` (from ``_noncentral``);
* :mod:`evalkit.analyze.conversions`: :func:`d_from_t`, :func:`convert_d`, :func:`d_from_r`;
* :mod:`evalkit.analyze.nonparametric`: :func:`rank_biserial`, :func:`cles`.

They are checked against published worked examples (Lakens, 2013; R effectsize, MOTE,
pingouin, Borenstein et al., 2009) in ``tests/test_effect_sizes.py``.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from evalkit.analyze import _noncentral as _nc
from evalkit.analyze._noncentral import noncentral_t_ci
from evalkit.analyze._result import Estimate
from evalkit.analyze.conversions import convert_d, d_from_r, d_from_t
from evalkit.analyze.nonparametric import cles, rank_biserial

__all__ = [
    "cles",
    "cohens_d",
    "cohens_d_from_stats",
    "convert_d",
    "d_from_r",
    "d_from_t",
    "glass_delta",
    "hedges_g",
    "hedges_g_from_stats",
    "noncentral_t_ci",
    "paired_d",
    "paired_d_from_stats",
    "rank_biserial",
]

_CORRECTIONS = ("approx", "exact")


def _check_group_stats(func: str, mean1, sd1, n1, mean2, sd2, n2, *, minimum: int = 2) -> tuple:
    return (_nc.check_number(func, "mean1", mean1), _nc.check_number(func, "sd1", sd1, positive=True),
            _nc.check_count(func, "n1", n1, minimum=minimum), _nc.check_number(func, "mean2", mean2),
            _nc.check_number(func, "sd2", sd2, positive=True),
            _nc.check_count(func, "n2", n2, minimum=minimum))


# ---------------------------------------------------------------------------------------------
# Two independent groups
# ---------------------------------------------------------------------------------------------

def cohens_d(x: Any, y: Any, *, pooled: bool = True, confidence_level: float = 0.95,
             nan_policy: str = "omit") -> Estimate:
    """Cohen's d for two independent groups, with a noncentral-t confidence interval.

    Parameters
    ----------
    x, y : array_like
        The two groups' scores; d is ``mean(x) - mean(y)`` over the standardizer.
    pooled : bool, default True
        ``True``: pooled SD (Cohen's d_s; assumes equal variances). ``False``: the square root
        of the average of the two variances (Bonett, 2008), with a Welch-type interval.
    confidence_level : float, default 0.95
    nan_policy : {"omit", "raise"}, default "omit"
        Drop missing values within each group, or refuse them.

    Returns
    -------
    Estimate
        ``method`` is ``cohens_d_pooled`` or ``cohens_d_average_variance``; ``n1``, ``n2``;
        ``df`` (n1 + n2 - 2, or Welch's df); ``extra``: ``mean_diff``, ``standardizer``, ``t``,
        ``se`` (large-sample SE, pooled only), ``ci_method``, ``n_dropped``.

    Raises
    ------
    ValueError
        Fewer than 2 values in a group, infinite values, zero variance, a bad option.

    See Also
    --------
    hedges_g : the bias-corrected d. cohens_d_from_stats : the same from means, SDs and ns.

    Notes
    -----
    Pooled: :math:`d = (\\bar x - \\bar y) / s_p`,
    :math:`s_p^2 = ((n_1-1)s_1^2 + (n_2-1)s_2^2)/(n_1+n_2-2)`. Its interval inverts the
    noncentral t (Steiger & Fouladi, 1997): with :math:`t = d / h`, :math:`h = \\sqrt{1/n_1 +
    1/n_2}`, the limits are :math:`\\lambda_{L,U} h` (:func:`noncentral_t_ci`, df = n1 + n2 - 2),
    as MBESS ``ci.smd`` and ESCI compute it.

    Average variance (``pooled=False``): :math:`d = (\\bar x - \\bar y)/\\sqrt{(s_1^2 + s_2^2)/2}`.
    The interval inverts Welch's statistic :math:`t_W = (\\bar x - \\bar y)/\\sqrt{s_1^2/n_1 +
    s_2^2/n_2}` on Welch's df and rescales the limits by :math:`\\sqrt{s_1^2/n_1 + s_2^2/n_2} /
    \\sqrt{(s_1^2+s_2^2)/2}`, treating the variance ratio as known: an approximation, as in R
    effectsize ``cohens_d(pooled_sd = FALSE)``.

    ``extra["se"]`` is Hedges & Olkin's (1985) large-sample SE
    :math:`\\sqrt{(n_1+n_2)/(n_1 n_2) + d^2/(2(n_1+n_2))}`.

    References
    ----------
    Cohen, J. (1988). *Statistical power analysis for the behavioral sciences* (2nd ed.).
    https://doi.org/10.4324/9780203771587

    Lakens, D. (2013). Calculating and reporting effect sizes to facilitate cumulative science.
    *Frontiers in Psychology, 4*, 863. https://doi.org/10.3389/fpsyg.2013.00863

    Bonett, D. G. (2008). Confidence intervals for standardized linear contrasts of means.
    *Psychological Methods, 13*(2), 99-109. https://doi.org/10.1037/1082-989X.13.2.99

    Kelley, K. (2007). Confidence intervals for standardized effect sizes. *Journal of
    Statistical Software, 20*(8). https://doi.org/10.18637/jss.v020.i08

    Examples
    --------
    Lakens (2013), Table 3, as two independent groups: d_s = 1.13, 95% CI [0.16, 2.06].

    >>> movie1 = [9, 7, 8, 9, 8, 9, 9, 10, 9, 9]
    >>> movie2 = [9, 6, 7, 8, 7, 9, 8, 8, 8, 7]
    >>> res = cohens_d(movie1, movie2)
    >>> round(res.estimate, 2), round(res.ci_low, 2), round(res.ci_high, 2), res.df
    (1.13, 0.16, 2.06, 18.0)
    >>> round(res.extra["t"], 2)  # t(18) = 2.52
    2.52
    """
    func = "cohens_d"
    cl = _nc.check_confidence_level(func, confidence_level)
    _nc.check_choice(func, "pooled", pooled, (True, False))
    a, b, dropped = _nc.independent_samples(func, x, y, nan_policy)
    return _nc.two_group(func, *_nc.two_group_stats(a, b), kind="pooled" if pooled else "average_variance",
                         correction=None, confidence_level=cl, extra={"n_dropped": dropped})


def cohens_d_from_stats(mean1: float, sd1: float, n1: int, mean2: float, sd2: float, n2: int, *,
                        pooled: bool = True, confidence_level: float = 0.95) -> Estimate:
    """Cohen's d for two independent groups from their means, SDs (n - 1 denominator) and sizes.

    Parameters
    ----------
    mean1, sd1, n1 : float, float, int
        First group (the minuend).
    mean2, sd2, n2 : float, float, int
        Second group.
    pooled : bool, default True
        As in :func:`cohens_d`.
    confidence_level : float, default 0.95

    Returns
    -------
    Estimate
        As :func:`cohens_d` (without ``n_dropped``).

    Raises
    ------
    ValueError
        A non-finite mean, an SD that is not positive, a size below 2.

    See Also
    --------
    cohens_d : the definitions and the interval.

    Notes
    -----
    Identical to :func:`cohens_d` on raw data with these summary statistics.

    References
    ----------
    Lakens, D. (2013). https://doi.org/10.3389/fpsyg.2013.00863

    Examples
    --------
    Lakens (2013), eq. 17, from the rounded SDs: d_s = 1.13.

    >>> round(cohens_d_from_stats(8.7, 0.82, 10, 7.7, 0.95, 10).estimate, 2)
    1.13
    """
    func = "cohens_d_from_stats"
    cl = _nc.check_confidence_level(func, confidence_level)
    _nc.check_choice(func, "pooled", pooled, (True, False))
    stats_ = _check_group_stats(func, mean1, sd1, n1, mean2, sd2, n2)
    return _nc.two_group(func, *stats_, kind="pooled" if pooled else "average_variance", correction=None,
                         confidence_level=cl)


def hedges_g(x: Any, y: Any, *, correction: str = "approx", confidence_level: float = 0.95,
             ci_method: str = "noncentral", ci_scale: str = "g", nan_policy: str = "omit") -> Estimate:
    """Hedges' g: the pooled-SD Cohen's d times the small-sample bias correction J.

    Parameters
    ----------
    x, y : array_like
        The two groups' scores (g is positive when x has the larger mean).
    correction : {"approx", "exact"}, default "approx"
        ``approx``: :math:`J = 1 - 3/(4\\,df - 1)`; ``exact``:
        :math:`J = \\Gamma(df/2) / (\\sqrt{df/2}\\,\\Gamma((df-1)/2))`; df = n1 + n2 - 2.
    confidence_level : float, default 0.95
    ci_method : {"noncentral", "normal"}, default "noncentral"
        ``noncentral``: the exact noncentral-t interval (scaled by ``ci_scale``). ``normal``:
        :math:`g \\pm z_{1-\\alpha/2} SE`.
    ci_scale : {"g", "delta"}, default "g"
        ``g``: the noncentral limits of d multiplied by J, the interval R effectsize and MOTE report
        for g. ``delta``: the interval for the population effect :math:`\\delta`, the same as
        :func:`cohens_d`'s (MBESS, ESCI). Ignored by ``ci_method="normal"``.
    nan_policy : {"omit", "raise"}, default "omit"

    Returns
    -------
    Estimate
        ``method`` ``hedges_g_pooled``; ``extra``: ``d`` (uncorrected), ``j``, ``correction``,
        ``se``, ``mean_diff``, ``standardizer``, ``t``, ``ci_method``, ``ci_scale``, ``n_dropped``.

    Raises
    ------
    ValueError
        As :func:`cohens_d`, or an unknown ``correction`` / ``ci_method``.

    See Also
    --------
    cohens_d, hedges_g_from_stats, paired_d

    Notes
    -----
    :math:`g = J d`. The two J agree to 3-4 decimals from df = 10 on (exact J(10) = 0.9227;
    Hedges, 1981, Table 1).

    The normal interval uses Hedges & Olkin's (1985, ch. 5) large-sample SE with the corrected
    estimate plugged in (their "d" is our g), a standard normal quantile and the 2(n1 + n2)
    denominator: :math:`SE = \\sqrt{(n_1+n_2)/(n_1 n_2) + g^2 / (2(n_1+n_2))}`. Variants differ:
    Borenstein et al. (2009) use :math:`J\\,SE(d)`; pingouin ``compute_esci`` uses a t quantile.

    The noncentral interval is multiplied by J by default, as R effectsize ``hedges_g`` does (for
    mtcars ``wt ~ am`` it prints [1.004, 2.664]; ``ci_scale="delta"`` gives the population
    effect's [1.030, 2.733]).

    References
    ----------
    Hedges, L. V. (1981). Distribution theory for Glass's estimator of effect size and related
    estimators. *Journal of Educational Statistics, 6*(2), 107-128.
    https://doi.org/10.3102/10769986006002107

    Hedges, L. V., & Olkin, I. (1985). *Statistical methods for meta-analysis*. Academic Press.
    https://doi.org/10.1016/C2009-0-03396-0

    Borenstein, M., Hedges, L. V., Higgins, J. P. T., & Rothstein, H. R. (2009). *Introduction to
    meta-analysis*. Wiley. https://doi.org/10.1002/9780470743386

    Examples
    --------
    Lakens (2013): Hedges's g_s = 1.08 for the movie ratings as two groups.

    >>> movie1 = [9, 7, 8, 9, 8, 9, 9, 10, 9, 9]
    >>> movie2 = [9, 6, 7, 8, 7, 9, 8, 8, 8, 7]
    >>> res = hedges_g(movie1, movie2)
    >>> round(res.estimate, 2), round(res.extra["d"], 2), round(res.extra["j"], 4)
    (1.08, 1.13, 0.9577)
    >>> res_n = hedges_g(movie1, movie2, ci_method="normal")
    >>> round(res_n.ci_low, 2), round(res_n.ci_high, 2)
    (0.14, 2.02)
    """
    func = "hedges_g"
    cl = _nc.check_confidence_level(func, confidence_level)
    _nc.check_choice(func, "correction", correction, _CORRECTIONS)
    _nc.check_choice(func, "ci_method", ci_method, ("noncentral", "normal"))
    _nc.check_choice(func, "ci_scale", ci_scale, _nc.CI_SCALES)
    a, b, dropped = _nc.independent_samples(func, x, y, nan_policy)
    return _nc.two_group(func, *_nc.two_group_stats(a, b), kind="pooled", correction=correction,
                         confidence_level=cl, ci_method=ci_method, ci_scale=ci_scale,
                         extra={"n_dropped": dropped})


def hedges_g_from_stats(mean1: float, sd1: float, n1: int, mean2: float, sd2: float, n2: int, *,
                        correction: str = "approx", confidence_level: float = 0.95,
                        ci_method: str = "noncentral", ci_scale: str = "g") -> Estimate:
    """Hedges' g for two independent groups from their means, SDs and sizes.

    Parameters
    ----------
    mean1, sd1, n1 : float, float, int
        First group (the minuend).
    mean2, sd2, n2 : float, float, int
        Second group.
    correction : {"approx", "exact"}, default "approx"
    confidence_level : float, default 0.95
    ci_method : {"noncentral", "normal"}, default "noncentral"
    ci_scale : {"g", "delta"}, default "g"
        As :func:`hedges_g`.

    Returns
    -------
    Estimate
        As :func:`hedges_g` (without ``n_dropped``).

    Raises
    ------
    ValueError
        A non-finite mean, an SD that is not positive, a size below 2, an unknown option.

    See Also
    --------
    hedges_g : the definitions.

    Notes
    -----
    Identical to :func:`hedges_g` on raw data with these summary statistics.

    References
    ----------
    Borenstein, M., et al. (2009). *Introduction to meta-analysis*, ch. 4.
    https://doi.org/10.1002/9780470743386

    Examples
    --------
    Borenstein et al. (2009, ch. 4): means 103 and 100, SDs 5.5 and 4.5, 50 per group:
    d = 0.5970, J = 0.9923, g = 0.5924.

    >>> res = hedges_g_from_stats(103, 5.5, 50, 100, 4.5, 50)
    >>> round(res.extra["d"], 4), round(res.extra["j"], 4), round(res.estimate, 4)
    (0.597, 0.9923, 0.5924)
    """
    func = "hedges_g_from_stats"
    cl = _nc.check_confidence_level(func, confidence_level)
    _nc.check_choice(func, "correction", correction, _CORRECTIONS)
    _nc.check_choice(func, "ci_method", ci_method, ("noncentral", "normal"))
    _nc.check_choice(func, "ci_scale", ci_scale, _nc.CI_SCALES)
    stats_ = _check_group_stats(func, mean1, sd1, n1, mean2, sd2, n2)
    return _nc.two_group(func, *stats_, kind="pooled", correction=correction, confidence_level=cl,
                         ci_method=ci_method, ci_scale=ci_scale)


def glass_delta(x: Any, y: Any, *, confidence_level: float = 0.95, nan_policy: str = "omit") -> Estimate:
    """Glass's delta: the mean difference over the SD of the second (reference, control) group.

    Parameters
    ----------
    x, y : array_like
        Treatment and reference group; delta is ``(mean(x) - mean(y)) / sd(y)``.
    confidence_level : float, default 0.95
    nan_policy : {"omit", "raise"}, default "omit"

    Returns
    -------
    Estimate
        ``method`` ``glass_delta``; ``df`` = n2 - 1 (the standardizer's); ``extra``:
        ``mean_diff``, ``standardizer`` (sd of y), ``t``, ``ci_method``, ``n_dropped``.

    Raises
    ------
    ValueError
        Fewer than 2 values in a group, infinite values, zero variance in ``y``, a bad option.

    See Also
    --------
    paired_d : ``standardizer="pre"`` is the paired analogue (Becker's d).

    Notes
    -----
    :math:`\\Delta = (\\bar x - \\bar y)/s_y`. The interval is the approximate noncentral-t
    interval of R effectsize ``glass_delta`` (which does not assume equal variances):
    :math:`t = (\\bar x - \\bar y)/\\sqrt{s_x^2/n_1 + s_y^2/n_2}` is referred to a noncentral t
    on :math:`n_2 - 1` df (the standardizer's), and the noncentrality limits are multiplied by
    :math:`\\sqrt{1/n_2 + s_x^2/(n_1 s_y^2)}`. The variance ratio is treated as known, so the
    coverage is approximate; with equal SDs it is close to the exact interval of Hedges (1981).

    References
    ----------
    Glass, G. V., McGaw, B., & Smith, M. L. (1981). *Meta-analysis in social research*. Sage.

    Hedges, L. V. (1981). https://doi.org/10.3102/10769986006002107

    Ben-Shachar, M. S., Lüdecke, D., & Makowski, D. (2020). effectsize: Estimation of effect size
    indices and standardized parameters. *Journal of Open Source Software, 5*(56), 2815.
    https://doi.org/10.21105/joss.02815

    Examples
    --------
    R effectsize's test suite: ``glass_delta(wt ~ am, data = mtcars)`` = 2.200 [1.009, 3.353].

    >>> manual = [2.620, 2.875, 2.320, 2.200, 1.615, 1.835, 1.935, 2.140, 1.513, 3.170, 2.770,
    ...           3.570, 2.780]
    >>> automatic = [3.215, 3.440, 3.460, 3.570, 3.190, 3.150, 3.440, 3.440, 4.070, 3.730, 3.780,
    ...              5.250, 5.424, 5.345, 2.465, 3.520, 3.435, 3.840, 3.845]
    >>> res = glass_delta(automatic, manual)
    >>> round(res.estimate, 3), round(res.ci_low, 3), round(res.ci_high, 3)
    (2.201, 1.009, 3.353)
    """
    func = "glass_delta"
    cl = _nc.check_confidence_level(func, confidence_level)
    a, b, dropped = _nc.independent_samples(func, x, y, nan_policy)
    return _nc.two_group(func, *_nc.two_group_stats(a, b), kind="glass", correction=None,
                         confidence_level=cl, extra={"n_dropped": dropped})


# ---------------------------------------------------------------------------------------------
# Paired samples
# ---------------------------------------------------------------------------------------------

def paired_d(x: Any, y: Any, *, standardizer: str = "z", correction: str | None = None,
             confidence_level: float = 0.95, ci_scale: str = "g", nan_policy: str = "omit") -> Estimate:
    """Standardized mean difference for paired (repeated-measures, pre/post) data.

    Parameters
    ----------
    x, y : array_like
        Paired scores, same length; the difference is ``x - y``: pass ``post`` first.
    standardizer : {"z", "av", "av_rms", "rm", "pre"}, default "z"
        What the mean difference is divided by (see Notes).
    correction : {None, "approx", "exact"}, default None
        Hedges' J with df = n - 1 (see Notes on why software disagrees).
    confidence_level : float, default 0.95
    ci_scale : {"g", "delta"}, default "g"
        With a correction: ``g`` multiplies the interval's limits by J (R effectsize, MOTE),
        ``delta`` keeps the population effect's interval (ESCI). Without one it changes nothing.
    nan_policy : {"omit", "raise"}, default "omit"
        ``omit`` drops every pair with a missing value on either side; ``n`` counts complete pairs.

    Returns
    -------
    Estimate
        ``method`` ``paired_d_<standardizer>`` (``paired_g_...`` when corrected); ``n`` complete
        pairs; ``df`` = n - 1; ``extra``: ``mean_diff``, ``standardizer`` (its value), ``sd_diff``,
        ``r`` (Pearson, NaN if a side is constant), ``t`` (paired t), ``ci_method``,
        ``n_dropped`` and, when corrected, ``d`` and ``j``.

    Raises
    ------
    ValueError
        Unequal lengths, fewer than 2 complete pairs, constant differences, a zero standardizer,
        ``rm`` with a constant side or r = 1, a correction with only 2 pairs, a bad option.

    See Also
    --------
    paired_d_from_stats, rank_biserial

    Notes
    -----
    With :math:`M = \\overline{x - y}`, :math:`s_{diff}` the SD of the differences, :math:`s_1,
    s_2` the SDs of x and y and r their correlation:

    * ``z``: :math:`d_z = M / s_{diff} = t/\\sqrt n` (Cohen, 1988; Lakens, 2013, eq. 6). Its
      interval is exact (noncentral t, n - 1 df). pingouin ``eftype="cohen_dz"``.
    * ``av``: :math:`d_{av} = M / ((s_1 + s_2)/2)`, the arithmetic mean of the SDs (Lakens, 2013,
      eq. 10; MOTE ``d.dep.t.avg``).
    * ``av_rms``: :math:`M / \\sqrt{(s_1^2 + s_2^2)/2}` (Cumming, 2012; ESCI). This is what
      pingouin ``compute_effsize(paired=True, eftype="cohen")`` and R effectsize
      ``repeated_measures_d(method = "av")`` call d_av. It is *not* d_z.
    * ``rm``: :math:`d_{rm} = d_z \\sqrt{2(1-r)}` (Lakens, 2013, eq. 9; MOTE ``d.dep.t.rm``).
    * ``pre``: Becker's (1988) d, :math:`M / s_2`, the SD of the second (pre-test) argument.

    Intervals other than ``z`` use Algina & Keselman's (2003) approximate noncentral-t method, as
    ESCI does: the noncentrality limits of the paired t (n - 1 df) are multiplied by
    :math:`(s_{diff}/\\sqrt n) / S` for standardizer S. This reproduces the interval
    [0.42, 1.80] that Lakens (2013) reports from ESCI for the movie data (his text labels it
    d_z, but d_z = 1.50 lies outside it: it is the d_av interval). Other software differs:
    R effectsize uses normal intervals (Algina & Keselman, eq. 4; Becker, 1988; Cooper et al.,
    2009) multiplied by J; MOTE inverts a noncentral t at :math:`d\\sqrt n`, ignoring r.

    **Bias correction.** J uses df = n - 1 (as ESCI and R effectsize). Published "Hedges's g_av"
    values for the same movie data therefore differ: Lakens (2013) reports 1.08 (the ``av`` d
    with J for df = 2(n - 1) = 18), pingouin ``eftype="hedges"`` gives 1.078 (``av_rms`` with the
    same J), R effectsize's ``repeated_measures_d(method = "av")`` formula gives 1.03 (``av_rms``
    with exact J, df = 9); this function gives 1.03 (``av``, ``approx``). The bias of d_av
    depends on its standardizer's effective df, between n - 1 (r = 1) and 2(n - 1) (r = 0);
    n - 1 gives the larger correction, and matches ESCI.

    References
    ----------
    Lakens, D. (2013). https://doi.org/10.3389/fpsyg.2013.00863

    Algina, J., & Keselman, H. J. (2003). Approximate confidence intervals for effect sizes.
    *Educational and Psychological Measurement, 63*(4), 537-553.
    https://doi.org/10.1177/0013164403256358

    Becker, B. J. (1988). Synthesizing standardized mean-change measures. *British Journal of
    Mathematical and Statistical Psychology, 41*(2), 257-278.
    https://doi.org/10.1111/j.2044-8317.1988.tb00901.x

    Cumming, G. (2012). *Understanding the new statistics*. Routledge.
    https://doi.org/10.4324/9780203807002

    Morris, S. B., & DeShon, R. P. (2002). Combining effect size estimates in meta-analysis with
    repeated measures and independent-groups designs. *Psychological Methods, 7*(1), 105-125.
    https://doi.org/10.1037/1082-989X.7.1.105

    Examples
    --------
    Lakens (2013): both movies rated by the same ten people; t(9) = 4.74, d_z = 1.50,
    d_av = 1.13, the ESCI interval [0.42, 1.80], r = 0.726.

    >>> movie1 = [9, 7, 8, 9, 8, 9, 9, 10, 9, 9]
    >>> movie2 = [9, 6, 7, 8, 7, 9, 8, 8, 8, 7]
    >>> dz = paired_d(movie1, movie2)
    >>> round(dz.estimate, 2), round(dz.extra["t"], 2), round(dz.extra["r"], 3)
    (1.5, 4.74, 0.726)
    >>> round(paired_d(movie1, movie2, standardizer="av").estimate, 2)
    1.13
    >>> rms = paired_d(movie1, movie2, standardizer="av_rms")
    >>> round(rms.ci_low, 2), round(rms.ci_high, 2)
    (0.42, 1.8)
    """
    func = "paired_d"
    cl = _nc.check_confidence_level(func, confidence_level)
    _nc.check_choice(func, "standardizer", standardizer, _nc.PAIRED_STANDARDIZERS)
    _nc.check_choice(func, "correction", correction, (None, *_CORRECTIONS))
    _nc.check_choice(func, "ci_scale", ci_scale, _nc.CI_SCALES)
    a, b, dropped = _nc.paired_samples(func, x, y, nan_policy)
    n = a.size
    _nc.check_correction_df(func, n - 1, correction)
    s1, s2 = float(a.std(ddof=1)), float(b.std(ddof=1))
    r = float(np.corrcoef(a, b)[0, 1]) if s1 > 0 and s2 > 0 else float("nan")
    return _nc.paired(func, float(a.mean()), s1, float(b.mean()), s2, n, r, float((a - b).std(ddof=1)),
                      standardizer=standardizer, correction=correction, confidence_level=cl,
                      ci_scale=ci_scale, extra={"n_dropped": dropped})


def paired_d_from_stats(mean1: float, sd1: float, mean2: float, sd2: float, n: int, r: float, *,
                        standardizer: str = "z", correction: str | None = None,
                        confidence_level: float = 0.95, ci_scale: str = "g") -> Estimate:
    """Paired standardized mean difference from the two means, SDs, the n of pairs and r.

    Parameters
    ----------
    mean1, sd1 : float
        First measurement (post), the minuend.
    mean2, sd2 : float
        Second measurement (pre).
    n : int
        Number of complete pairs (at least 2).
    r : float
        Pearson correlation between the two measurements.
    standardizer : {"z", "av", "av_rms", "rm", "pre"}, default "z"
    correction : {None, "approx", "exact"}, default None
    confidence_level : float, default 0.95
    ci_scale : {"g", "delta"}, default "g"
        As :func:`paired_d`.

    Returns
    -------
    Estimate
        As :func:`paired_d` (without ``n_dropped``).

    Raises
    ------
    ValueError
        A non-finite mean, an SD that is not positive, n below 2, r outside [-1, 1], differences
        with zero variance (r = 1 with equal SDs).

    See Also
    --------
    paired_d : definitions, intervals and where software disagrees.

    Notes
    -----
    :math:`s_{diff} = \\sqrt{s_1^2 + s_2^2 - 2 r s_1 s_2}` (Cohen, 1988; Lakens, 2013, eq. 8).
    The estimates match MOTE ``d.dep.t.avg`` (``av``) and ``d.dep.t.rm`` (``rm``); their
    intervals differ (see :func:`paired_d`).

    References
    ----------
    Lakens, D. (2013). https://doi.org/10.3389/fpsyg.2013.00863

    Examples
    --------
    MOTE's example (``d.dep.t.avg(5.57, 4.43, 1.99, 2.88, n = 7)``: d_av = 0.468;
    ``d.dep.t.rm(..., r = .68)``: d_rm = 0.432).

    >>> round(paired_d_from_stats(5.57, 1.99, 4.43, 2.88, 7, 0.68, standardizer="av").estimate, 4)
    0.4682
    >>> round(paired_d_from_stats(5.57, 1.99, 4.43, 2.88, 7, 0.68, standardizer="rm").estimate, 4)
    0.4318
    """
    func = "paired_d_from_stats"
    cl = _nc.check_confidence_level(func, confidence_level)
    _nc.check_choice(func, "standardizer", standardizer, _nc.PAIRED_STANDARDIZERS)
    _nc.check_choice(func, "correction", correction, (None, *_CORRECTIONS))
    m1, s1 = _nc.check_number(func, "mean1", mean1), _nc.check_number(func, "sd1", sd1, positive=True)
    m2, s2 = _nc.check_number(func, "mean2", mean2), _nc.check_number(func, "sd2", sd2, positive=True)
    n = _nc.check_count(func, "n", n, minimum=2)
    r = _nc.check_correlation(func, r)
    _nc.check_choice(func, "ci_scale", ci_scale, _nc.CI_SCALES)
    _nc.check_correction_df(func, n - 1, correction)
    sd_diff = math.sqrt(max(s1 ** 2 + s2 ** 2 - 2 * r * s1 * s2, 0.0))
    return _nc.paired(func, m1, s1, m2, s2, n, r, sd_diff, standardizer=standardizer,
                      correction=correction, confidence_level=cl, ci_scale=ci_scale)

