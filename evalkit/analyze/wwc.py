"""What Works Clearinghouse (WWC) effect sizes: Hedges' g, its adjusted and pre/post forms, the Cox index.

One function per WWC effect-size computation: Hedges' g from summary statistics (:func:`wwc_g`),
from an adjusted mean difference (:func:`adjusted_g`), from pre and post summaries
(:func:`did_g`), the Cox index for a dichotomous outcome (:func:`cox_index`) and the improvement
index (:func:`improvement_index`). The design-rating rules (the clustering correction of a
mismatched analysis, baseline equivalence and the attrition boundary) are in
:mod:`evalkit.analyze.wwc_rules`; this module re-exports them, so every WWC name can be imported
from here.

Sources, cited per function:

- [WWC22] What Works Clearinghouse (2022). *Procedures and Standards Handbook, Version 5.0*.
  NCEE, IES, U.S. Department of Education. Appendix E (effect sizes and standard errors; the
  clustering degrees of freedom *h* are eq. E.21, p. 171).
  https://ies.ed.gov/ncee/wwc/Docs/referenceresources/Final_WWC-HandbookVer5_0-0-508.pdf
- [WWC20] What Works Clearinghouse (2020). *Standards Handbook, Version 4.1*, Table II.1 (the
  attrition boundaries), and *Procedures Handbook, Version 4.1*, Appendix E (ERIC ED602035).
  https://ies.ed.gov/ncee/wwc/Docs/referenceresources/WWC-Standards-Handbook-v4-1-508.pdf
- [WWC08] What Works Clearinghouse (2008). *Procedures and Standards Handbook, Version 2.0*,
  Appendix C (clustering correction of mismatched analyses) and Appendix D (Benjamini-Hochberg).
  ERIC ED503772, https://eric.ed.gov/?id=ED503772
- [H07] Hedges, L. V. (2007). Correcting a significance test for clustering. *Journal of
  Educational and Behavioral Statistics*, 32(2), 151-179. https://doi.org/10.3102/1076998606298040

Every function validates its arguments on entry and raises ``ValueError``/``TypeError`` whose
message names the function, the argument, the rule and the value received.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from scipy import stats

from evalkit.analyze._result import Estimate
from evalkit.analyze._wwc_checks import choice as _choice
from evalkit.analyze._wwc_checks import count as _count
from evalkit.analyze._wwc_checks import level as _level
from evalkit.analyze._wwc_checks import positive as _positive
from evalkit.analyze._wwc_checks import real as _real
from evalkit.analyze.wwc_rules import DEFAULT_ICC as DEFAULT_ICC  # re-exported: the clustering ICCs
from evalkit.analyze.wwc_rules import (
    AttritionResult,
    ClusterCorrectedT,
    attrition,
    baseline_equivalence,
    cluster_corrected_t,
)

__all__ = [
    "AttritionResult",
    "ClusterCorrectedT",
    "adjusted_g",
    "attrition",
    "baseline_equivalence",
    "cluster_corrected_t",
    "cox_index",
    "did_g",
    "improvement_index",
    "wwc_g",
]

#: The logit-to-d scaling of the Cox index (Cox 1970; Sanchez-Meca et al. 2003): a logistic
#: distribution has SD pi/sqrt(3) = 1.81, but 1.65 makes d_Cox closest to d for normal data.
COX_SCALE = 1.65


# ---------------------------------------------------------------------------------------------
# Shared pieces
# ---------------------------------------------------------------------------------------------

def _omega(n_total: int) -> float:
    return 1.0 - 3.0 / (4.0 * n_total - 9.0)


def _pooled_sd(sd_i: float, sd_c: float, n_i: int, n_c: int) -> float:
    return math.sqrt(((n_i - 1) * sd_i**2 + (n_c - 1) * sd_c**2) / (n_i + n_c - 2))


def _se_g(g: float, n_i: int, n_c: int) -> float:
    n = n_i + n_c
    return math.sqrt(n / (n_i * n_c) + g**2 / (2.0 * n))


def _normal_ci(est: float, se: float, level: float) -> tuple[float, float]:
    if not math.isfinite(se):
        return math.nan, math.nan
    z = float(stats.norm.ppf(0.5 + level / 2.0))
    return est - z * se, est + z * se


def _group_args(func: str, mean_i, mean_c, sd_i, sd_c, n_i, n_c) -> tuple[float, ...]:
    return (_real(func, "mean_i", mean_i), _real(func, "mean_c", mean_c),
            _positive(func, "sd_i", sd_i), _positive(func, "sd_c", sd_c),
            _count(func, "n_i", n_i, 2), _count(func, "n_c", n_c, 2))


# ---------------------------------------------------------------------------------------------
# Continuous outcomes
# ---------------------------------------------------------------------------------------------

def wwc_g(mean_i: float, mean_c: float, sd_i: float, sd_c: float, n_i: int, n_c: int, *,
          confidence_level: float = 0.95) -> Estimate:
    """Hedges' g as the WWC computes it from group means, standard deviations and sizes.

    Parameters
    ----------
    mean_i, mean_c : float
        Outcome means of the intervention and comparison groups.
    sd_i, sd_c : float
        Their (unadjusted) standard deviations, > 0.
    n_i, n_c : int
        Group sizes of the analytic sample, each >= 2.
    confidence_level : float, default 0.95
        Level of the interval.

    Returns
    -------
    Estimate
        ``estimate`` is g; ``method`` ``"wwc_hedges_g"``; ``n1``/``n2`` the group sizes; ``df``
        N - 2; ``extra`` holds ``se``, ``omega``, ``pooled_sd`` and the uncorrected ``d``.

    Raises
    ------
    TypeError, ValueError
        An n below 2 or not an integer, an SD <= 0, a non-finite mean.

    See Also
    --------
    adjusted_g : g from a covariate-adjusted mean difference.
    improvement_index : g on the percentile scale.

    Notes
    -----
    .. math::

        S = \\sqrt{\\frac{(n_i-1)s_i^2 + (n_c-1)s_c^2}{n_i+n_c-2}},\\quad
        \\omega = 1 - \\frac{3}{4N-9},\\quad g = \\omega\\,\\frac{\\bar y_i - \\bar y_c}{S}

    with :math:`N = n_i + n_c` ([WWC22] Appendix E; Hedges 1981). The interval is
    :math:`g \\pm z_{1-\\alpha/2}\\,SE` with the WWC's standard error

    .. math:: SE = \\sqrt{\\frac{n_i+n_c}{n_i n_c} + \\frac{g^2}{2(n_i+n_c)}}

    ([WWC22] Appendix E; the large-sample variance of Hedges & Olkin 1985, ch. 5). ω is
    Hedges' approximation :math:`1 - 3/(4\\nu - 1)` of the exact bias correction at
    ν = N - 2 degrees of freedom; pingouin's ``compute_effsize(eftype="hedges")`` uses the same
    factor and is the independent check in the tests.

    References
    ----------
    .. [1] What Works Clearinghouse (2022). Procedures and Standards Handbook, Version 5.0,
       Appendix E. https://ies.ed.gov/ncee/wwc/Docs/referenceresources/Final_WWC-HandbookVer5_0-0-508.pdf
    .. [2] Hedges, L. V. (1981). Distribution theory for Glass's estimator of effect size and
       related estimators. Journal of Educational Statistics, 6(2), 107-128.
       https://doi.org/10.3102/10769986006002107

    Examples
    --------
    >>> res = wwc_g(6, 5, 1, 1, 3, 3)   # scores 5, 6, 7 against 4, 5, 6: d = 1, omega = 0.8
    >>> round(res.estimate, 6)
    0.8
    >>> r = wwc_g(105.0, 100.0, 15.0, 14.0, 60, 55)
    >>> round(r.estimate, 4), round(r.ci_low, 4), round(r.ci_high, 4)
    (0.3418, -0.0267, 0.7103)
    """
    func = "wwc_g"
    mi, mc, si, sc, ni, nc = _group_args(func, mean_i, mean_c, sd_i, sd_c, n_i, n_c)
    level = _level(func, confidence_level)
    s = _pooled_sd(si, sc, ni, nc)
    omega = _omega(ni + nc)
    d = (mi - mc) / s
    g = omega * d
    se = _se_g(g, ni, nc)
    lo, hi = _normal_ci(g, se, level)
    return Estimate(g, lo, hi, level, "wwc_hedges_g", n1=ni, n2=nc, df=float(ni + nc - 2),
                    extra={"se": se, "omega": omega, "pooled_sd": s, "d": d})


def adjusted_g(adjusted_mean_diff: float, sd_i: float, sd_c: float, n_i: int, n_c: int, *,
               confidence_level: float = 0.95) -> Estimate:
    """Hedges' g from a covariate-adjusted mean difference, standardized by the unadjusted SD.

    Parameters
    ----------
    adjusted_mean_diff : float
        Intervention minus comparison difference in adjusted means (an ANCOVA or regression
        coefficient on the treatment indicator), in the outcome's units.
    sd_i, sd_c : float
        The groups' **unadjusted** outcome standard deviations, > 0 (not the residual SD).
    n_i, n_c : int
        Group sizes, each >= 2.
    confidence_level : float, default 0.95

    Returns
    -------
    Estimate
        ``method`` ``"wwc_adjusted_g"``; ``extra`` holds ``se``, ``omega``, ``pooled_sd``, ``d``.

    Raises
    ------
    TypeError, ValueError
        As :func:`wwc_g`.

    See Also
    --------
    wwc_g

    Notes
    -----
    :math:`g = \\omega\\,(\\bar y_i' - \\bar y_c')/S` with *S* the pooled **unadjusted** SD and ω
    as in :func:`wwc_g` ([WWC22] Appendix E): dividing by the residual SD instead would inflate
    g by the covariates' explanatory power. The interval uses the standard error of
    :func:`wwc_g`, i.e. it takes the covariates' :math:`R^2` as 0, the WWC's conservative
    choice when a study does not report it (it understates precision, never overstates it).

    References
    ----------
    .. [1] What Works Clearinghouse (2022). Procedures and Standards Handbook, Version 5.0,
       Appendix E. https://ies.ed.gov/ncee/wwc/Docs/referenceresources/Final_WWC-HandbookVer5_0-0-508.pdf

    Examples
    --------
    >>> round(adjusted_g(4.0, 15.0, 14.0, 60, 55).estimate, 4)
    0.2734
    """
    func = "adjusted_g"
    diff = _real(func, "adjusted_mean_diff", adjusted_mean_diff)
    _, _, si, sc, ni, nc = _group_args(func, 0.0, 0.0, sd_i, sd_c, n_i, n_c)
    level = _level(func, confidence_level)
    s = _pooled_sd(si, sc, ni, nc)
    omega = _omega(ni + nc)
    d = diff / s
    g = omega * d
    se = _se_g(g, ni, nc)
    lo, hi = _normal_ci(g, se, level)
    return Estimate(g, lo, hi, level, "wwc_adjusted_g", n1=ni, n2=nc, df=float(ni + nc - 2),
                    extra={"se": se, "omega": omega, "pooled_sd": s, "d": d})


_WAVE_KEYS = ("mean_i", "mean_c", "sd_i", "sd_c", "n_i", "n_c")


def _wave(func: str, name: str, wave: Any) -> tuple[float, ...]:
    if isinstance(wave, Mapping):
        missing = [k for k in _WAVE_KEYS if k not in wave]
        extra = sorted(set(wave) - set(_WAVE_KEYS))
        if missing or extra:
            raise ValueError(f"{func}(): {name} must have exactly the keys {list(_WAVE_KEYS)}; "
                             f"missing {missing}, unexpected {extra}")
        values = [wave[k] for k in _WAVE_KEYS]
    elif isinstance(wave, Sequence) and not isinstance(wave, str) and len(wave) == 6:
        values = list(wave)
    else:
        raise TypeError(f"{func}(): {name} must be a mapping or a 6-tuple "
                        f"(mean_i, mean_c, sd_i, sd_c, n_i, n_c), got {wave!r}")
    try:
        return _group_args(func, *values)
    except (TypeError, ValueError) as exc:  # name the wave in the message
        raise type(exc)(str(exc).replace(f"{func}(): ", f"{func}(): {name}.", 1)) from None


def did_g(pre: Mapping[str, float] | Sequence[float], post: Mapping[str, float] | Sequence[float], *,
          definition: str = "wwc", pre_post_r: float | None = None,
          confidence_level: float = 0.95) -> Estimate:
    """A difference-in-differences effect size from pre- and post-test summaries.

    Parameters
    ----------
    pre, post : mapping or 6-tuple
        ``(mean_i, mean_c, sd_i, sd_c, n_i, n_c)`` at baseline and at follow-up, as a tuple in
        that order or a mapping with those keys.
    definition : {"wwc", "pooled_pre", "pooled_post"}, default "wwc"
        ``"wwc"``: the WWC's *difference-in-differences adjustment*, :math:`g_{post} - g_{pre}`,
        each g computed by :func:`wwc_g` with its own pooled SD and its own ω.
        ``"pooled_pre"``: Morris's (2008) :math:`d_{ppc2}`, the difference in mean changes over
        the pooled **pre**-test SD, times ω. ``"pooled_post"``: the same over the pooled
        post-test SD. The two pooled definitions assume the same people at both waves, so they
        require equal group sizes at pre and post.
    pre_post_r : float, optional
        Pre-post correlation of the outcome, in [-1, 1]. The standard error needs it; without it
        the interval is NaN. evalkit imputes nothing: to follow the WWC's convention for an
        unreported correlation (r = 0.5 in the v4.1 supplement) pass ``pre_post_r=0.5``.
    confidence_level : float, default 0.95

    Returns
    -------
    Estimate
        ``method`` ``"wwc_did"``, ``"did_pooled_pre_sd"`` or ``"did_pooled_post_sd"``; ``n1``/``n2``
        the post-test group sizes; ``extra`` holds ``se`` (NaN without ``pre_post_r``), and
        ``g_pre``/``g_post`` (WWC) or ``omega``/``pooled_sd`` (pooled definitions).

    Raises
    ------
    TypeError, ValueError
        A malformed wave, an invalid entry in it (named as ``pre.sd_i`` etc.), an unknown
        definition, unequal pre/post sizes under a pooled definition, r outside [-1, 1].

    See Also
    --------
    wwc_g

    Notes
    -----
    WWC ([WWC22] and [WWC20], Appendix E, "difference-in-differences adjustment"):

    .. math:: g = g_{post} - g_{pre}

    Pooled definitions (Morris 2008, :math:`d_{ppc2}`, whose bias correction
    :math:`1 - 3/(4(n_i+n_c-2)-1)` equals ω):

    .. math::

        g = \\omega\\,\\frac{(\\bar y_{i,post}-\\bar y_{i,pre})
                          - (\\bar y_{c,post}-\\bar y_{c,pre})}{S_{pre}}

    The two differ whenever the pre and post SDs differ. Standard errors are the large-sample
    (delta-method) variances, with N, n_i, n_c from the post-test:

    .. math::

        V_{wwc} = 2(1-r)\\frac{N}{n_i n_c} + \\frac{g_{post}^2 + g_{pre}^2 - 2r^2 g_{pre} g_{post}}{2N},
        \\qquad V_{pooled} = 2(1-r)\\frac{N}{n_i n_c} + \\frac{g^2}{2N}

    (the first term is the variance of the difference in mean changes, the second that of the
    estimated SDs, whose covariance across waves is :math:`r^2`; cf. Hedges, Tipton et al.
    2023). Morris (2008) also gives a small-sample variance for :math:`d_{ppc2}`, slightly
    larger for small n.

    References
    ----------
    .. [1] What Works Clearinghouse (2022). Procedures and Standards Handbook, Version 5.0,
       Appendix E. https://ies.ed.gov/ncee/wwc/Docs/referenceresources/Final_WWC-HandbookVer5_0-0-508.pdf
    .. [2] Morris, S. B. (2008). Estimating effect sizes from pretest-posttest-control group
       designs. Organizational Research Methods, 11(2), 364-386.
       https://doi.org/10.1177/1094428106291059
    .. [3] Hedges, L. V., Tipton, E., Zejnullahi, R., & Diaz, K. G. (2023). Effect sizes in
       ANCOVA and difference-in-differences designs. British Journal of Mathematical and
       Statistical Psychology. https://doi.org/10.1111/bmsp.12296

    Examples
    --------
    Study 1 of Morris (2008, Table 5; Carlson & Schmidt 1999 data):

    >>> pre = (30.6, 23.1, 15.0, 13.8, 20, 20)
    >>> post = (38.5, 19.7, 11.6, 14.8, 20, 20)
    >>> round(did_g(pre, post, definition="pooled_pre").estimate, 2)   # Morris d_ppc2
    0.77
    >>> round(did_g(pre, post).estimate, 4)                              # WWC g_post - g_pre
    0.8758
    """
    func = "did_g"
    definition = _choice(func, "definition", definition, ("wwc", "pooled_pre", "pooled_post"))
    a = _wave(func, "pre", pre)
    b = _wave(func, "post", post)
    level = _level(func, confidence_level)
    r = None
    if pre_post_r is not None:
        r = _real(func, "pre_post_r", pre_post_r)
        if not -1.0 <= r <= 1.0:
            raise ValueError(f"{func}(): pre_post_r must be in [-1, 1], got {pre_post_r!r}")
    ni, nc = int(b[4]), int(b[5])
    n = ni + nc
    if definition == "wwc":
        g_pre = wwc_g(*a).estimate
        g_post = wwc_g(*b).estimate
        g = g_post - g_pre
        se = math.nan if r is None else math.sqrt(
            2 * (1 - r) * n / (ni * nc) + (g_post**2 + g_pre**2 - 2 * r**2 * g_pre * g_post) / (2 * n))
        extra = {"se": se, "g_pre": g_pre, "g_post": g_post}
        method = "wwc_did"
    else:
        if (a[4], a[5]) != (b[4], b[5]):
            raise ValueError(f"{func}(): definition={definition!r} needs the same people at both waves, "
                             f"but pre has n_i={a[4]}, n_c={a[5]} and post n_i={b[4]}, n_c={b[5]}; "
                             f"use definition='wwc' for unequal samples")
        w = a if definition == "pooled_pre" else b
        s = _pooled_sd(w[2], w[3], ni, nc)
        omega = _omega(n)
        g = omega * ((b[0] - a[0]) - (b[1] - a[1])) / s
        se = math.nan if r is None else math.sqrt(2 * (1 - r) * n / (ni * nc) + g**2 / (2 * n))
        extra = {"se": se, "omega": omega, "pooled_sd": s}
        method = "did_pooled_pre_sd" if definition == "pooled_pre" else "did_pooled_post_sd"
    lo, hi = _normal_ci(g, se, level)
    return Estimate(g, lo, hi, level, method, n1=ni, n2=nc, extra=extra)


def improvement_index(g: float | np.ndarray) -> float | np.ndarray:
    """The WWC improvement index: the expected percentile-rank change of an average comparison member.

    Parameters
    ----------
    g : float or array_like
        Effect size(s) in SD units (Hedges' g or a Cox index).

    Returns
    -------
    float or ndarray
        :math:`100\\,\\Phi(g) - 50`, in percentile points, in (-50, 50); an array for array input.

    Raises
    ------
    TypeError, ValueError
        A non-numeric or non-finite g.

    Notes
    -----
    The improvement index is Cohen's :math:`U_3` (the percentile of the intervention mean in
    the comparison distribution) minus 50 ([WWC22]; the same computation as in [WWC08]).

    References
    ----------
    .. [1] What Works Clearinghouse (2022). Procedures and Standards Handbook, Version 5.0.
       https://ies.ed.gov/ncee/wwc/Docs/referenceresources/Final_WWC-HandbookVer5_0-0-508.pdf
    .. [2] Cohen, J. (1988). Statistical Power Analysis for the Behavioral Sciences (2nd ed.),
       section 2.2 (U3). Erlbaum.

    Examples
    --------
    >>> round(improvement_index(0.25), 2)
    9.87
    >>> improvement_index(0.0)
    0.0
    """
    func = "improvement_index"
    if np.ndim(g) == 0:
        x = _real(func, "g", g.item() if isinstance(g, np.generic) else g)
        return float(100.0 * stats.norm.cdf(x) - 50.0)
    try:
        arr = np.asarray(g, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{func}(): g must be numeric, got {g!r}") from None
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{func}(): g must be finite; {int((~np.isfinite(arr)).sum())} value(s) are not")
    return 100.0 * stats.norm.cdf(arr) - 50.0


# ---------------------------------------------------------------------------------------------
# Dichotomous outcomes
# ---------------------------------------------------------------------------------------------

def cox_index(p_i: float, p_c: float, n_i: int, n_c: int, *, omega: bool = True,
              zero_cell_correction: float | None = None,
              confidence_level: float = 0.95) -> Estimate:
    """The Cox index: a standardized effect size for a dichotomous outcome, on the scale of g.

    Parameters
    ----------
    p_i, p_c : float
        Proportions with the outcome in the intervention and comparison groups, in [0, 1].
    n_i, n_c : int
        Group sizes, each >= 2.
    omega : bool, default True
        Multiply by the small-sample factor ω = 1 - 3/(4N - 9), as the WWC does. ``False``
        gives the uncorrected index of Sánchez-Meca et al. (2003), ``method`` ``"cox_index"``.
    zero_cell_correction : float, optional
        A proportion of 0 or 1 makes a logit infinite, so by default it raises. Pass a positive
        constant (0.5 is the usual Haldane-Anscombe choice) to add it to all four cells of the
        2x2 table built from the proportions and sizes (events = p n); the proportions then
        become (p n + c)/(n + 2c) and the index is finite. It is applied only when some
        proportion is 0 or 1, and recorded in ``extra``. Check the review protocol before
        using it: we could not confirm the handbook's own rule for such tables.
    confidence_level : float, default 0.95

    Returns
    -------
    Estimate
        ``method`` ``"wwc_cox_index"`` (with ω) or ``"cox_index"``; ``extra`` holds ``se``,
        ``omega`` (1.0 when not applied), ``log_odds_ratio`` and ``zero_cell_correction``
        (0.0 when none was applied).

    Raises
    ------
    TypeError, ValueError
        A proportion outside [0, 1], a proportion of exactly 0 or 1 without
        ``zero_cell_correction``, an n below 2, a correction <= 0.

    See Also
    --------
    improvement_index

    Notes
    -----
    .. math::

        d_{Cox} = \\omega\\,\\frac{\\ln\\frac{p_i}{1-p_i} - \\ln\\frac{p_c}{1-p_c}}{1.65}

    ([WWC22] Appendix E; Sánchez-Meca et al. 2003, who found 1.65 puts the log odds ratio
    closest to d). The standard error is the delta-method one, Woolf's variance of the log odds
    ratio scaled the same way:

    .. math::

        SE = \\frac{\\omega}{1.65}\\sqrt{\\frac{1}{n_i p_i} + \\frac{1}{n_i(1-p_i)}
             + \\frac{1}{n_c p_c} + \\frac{1}{n_c(1-p_c)}}

    References
    ----------
    .. [1] What Works Clearinghouse (2022). Procedures and Standards Handbook, Version 5.0,
       Appendix E. https://ies.ed.gov/ncee/wwc/Docs/referenceresources/Final_WWC-HandbookVer5_0-0-508.pdf
    .. [2] Sánchez-Meca, J., Marín-Martínez, F., & Chacón-Moscoso, S. (2003). Effect-size indices
       for dichotomized outcomes in meta-analysis. Psychological Methods, 8(4), 448-467.
       https://doi.org/10.1037/1082-989X.8.4.448

    Examples
    --------
    >>> round(cox_index(0.6, 0.5, 100, 100).estimate, 4)
    0.2448
    >>> round(cox_index(0.6, 0.5, 100, 100, omega=False).estimate, 4)
    0.2457
    >>> round(cox_index(1.0, 0.5, 20, 20, zero_cell_correction=0.5).estimate, 4)
    2.2059
    """
    func = "cox_index"
    pi_, pc_ = _real(func, "p_i", p_i), _real(func, "p_c", p_c)
    ni, nc = _count(func, "n_i", n_i, 2), _count(func, "n_c", n_c, 2)
    level = _level(func, confidence_level)
    if not isinstance(omega, bool):
        raise TypeError(f"{func}(): omega must be True or False, got {omega!r}")
    for name, p in (("p_i", pi_), ("p_c", pc_)):
        if not 0.0 <= p <= 1.0:
            raise ValueError(f"{func}(): {name} must be a proportion in [0, 1], got {p!r}")
    c = 0.0
    if zero_cell_correction is not None:
        c = _positive(func, "zero_cell_correction", zero_cell_correction)
    at_edge = [name for name, p in (("p_i", pi_), ("p_c", pc_)) if p in (0.0, 1.0)]
    if at_edge and c == 0.0:
        raise ValueError(f"{func}(): {' and '.join(at_edge)} {'is' if len(at_edge) == 1 else 'are'} 0 or 1, "
                         f"so the log odds are infinite; "
                         f"pass zero_cell_correction (e.g. 0.5) to add a constant to every cell, "
                         f"or report the outcome another way")
    if not at_edge:
        c = 0.0
    cells = (pi_ * ni + c, (1 - pi_) * ni + c, pc_ * nc + c, (1 - pc_) * nc + c)
    log_or = math.log(cells[0] / cells[1]) - math.log(cells[2] / cells[3])
    w = _omega(ni + nc) if omega else 1.0
    est = w * log_or / COX_SCALE
    se = w / COX_SCALE * math.sqrt(sum(1.0 / x for x in cells))
    lo, hi = _normal_ci(est, se, level)
    return Estimate(est, lo, hi, level, "wwc_cox_index" if omega else "cox_index", n1=ni, n2=nc,
                    extra={"se": se, "omega": w, "log_odds_ratio": log_or, "zero_cell_correction": c})
