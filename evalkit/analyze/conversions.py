"""Cohen's d from a reported statistic, and d converted to other effect-size metrics.

For reports built from published tables: :func:`d_from_t` (d with its noncentral-t interval from
a t statistic), :func:`convert_d` (d to r, eta squared, an odds ratio or the normal-theory
common-language effect) and its inverse :func:`d_from_r`. A converted
:class:`~evalkit.analyze._result.Estimate` keeps its interval: the conversions are monotone, so
the limits are converted with the estimate.

Conventions (sign, validation) as in :mod:`evalkit.analyze.effect_sizes`, which re-exports
these functions. Tests: ``tests/test_effect_sizes.py``.
"""

from __future__ import annotations

import math
from typing import Any

from scipy import special

from evalkit.analyze import _noncentral as _nc
from evalkit.analyze._result import Estimate

__all__ = ["convert_d", "d_from_r", "d_from_t"]


def d_from_t(t: float, n1: int, n2: int | None = None, *, confidence_level: float = 0.95) -> Estimate:
    """Cohen's d from a reported t statistic, with the noncentral-t interval.

    Parameters
    ----------
    t : float
        The t statistic (its sign is kept).
    n1 : int
        One-sample or paired test: the number of cases or pairs. Two-sample test: group 1's size.
    n2 : int, optional
        Group 2's size for a two-sample (Student) t test; omit for one-sample / paired.
    confidence_level : float, default 0.95

    Returns
    -------
    Estimate
        ``method`` ``d_from_t_one_sample`` (a paired t gives d_z) with ``n`` and ``df`` = n - 1,
        or ``d_from_t_two_sample`` with ``n1``, ``n2`` and ``df`` = n1 + n2 - 2; ``extra``:
        ``t``, ``ci_method``.

    Raises
    ------
    ValueError
        A non-finite t, sizes too small for one degree of freedom.

    See Also
    --------
    evalkit.analyze.effect_sizes.noncentral_t_ci, evalkit.analyze.effect_sizes.cohens_d,
    evalkit.analyze.effect_sizes.paired_d

    Notes
    -----
    One-sample / paired: :math:`d = t / \\sqrt n`. Two-sample: :math:`d = t \\sqrt{1/n_1 + 1/n_2}`
    (a Welch t does not give the pooled d). The interval scales the noncentrality limits of ``t``
    the same way, so it equals :func:`~evalkit.analyze.effect_sizes.cohens_d`'s on the raw data.

    References
    ----------
    Lakens, D. (2013). https://doi.org/10.3389/fpsyg.2013.00863

    Examples
    --------
    Lakens (2013): t(9) = 4.74 from ten pairs gives d_z = 1.50.

    >>> round(d_from_t(4.7434, 10).estimate, 2)
    1.5

    pingouin ``compute_effsize_from_t(2.90, nx=35, ny=25)`` prints 0.7593982580212534:

    >>> round(d_from_t(2.90, 35, 25).estimate, 6)
    0.759398
    """
    func = "d_from_t"
    cl = _nc.check_confidence_level(func, confidence_level)
    t = _nc.check_number(func, "t", t)
    if n2 is None:
        n = _nc.check_count(func, "n1", n1, minimum=2)
        h, df = 1 / math.sqrt(n), n - 1.0
        sizes, method = {"n": n}, "d_from_t_one_sample"
    else:
        n1 = _nc.check_count(func, "n1", n1, minimum=1)
        n2 = _nc.check_count(func, "n2", n2, minimum=1)
        if n1 + n2 < 3:
            raise ValueError(f"{func}(): n1 + n2 must be at least 3 (one degree of freedom), got {n1 + n2}")
        h, df = math.sqrt(1 / n1 + 1 / n2), n1 + n2 - 2.0
        sizes, method = {"n1": n1, "n2": n2}, "d_from_t_two_sample"
    lo, hi = _nc.ncp_limits(t, df, cl)
    return Estimate(t * h, lo * h, hi * h, cl, method, df=df, extra={"t": t, "ci_method": "noncentral_t"},
                    **sizes)


def _as_estimate(func: str, arg: str, value: Any, low: float, high: float) -> Estimate:
    """A bare number becomes a point Estimate (NaN interval); an Estimate is checked for range."""
    if isinstance(value, Estimate):
        est = value
    else:
        v = _nc.check_number(func, arg, value)
        est = Estimate(v, float("nan"), float("nan"), 0.95, "given")
    for name, v in (("estimate", est.estimate), ("ci_low", est.ci_low), ("ci_high", est.ci_high)):
        if not math.isnan(v) and not low <= v <= high:
            raise ValueError(f"{func}(): {arg} ({name}) must lie in [{low}, {high}], got {v!r}")
    if math.isnan(est.estimate):
        raise ValueError(f"{func}(): {arg} must be a number, got NaN")
    return est


def _transformed(est: Estimate, f, method: str, extra: dict, *, even: bool = False) -> Estimate:
    """Apply an increasing map (or, with ``even``, one increasing in |d|) to estimate and limits."""
    lo, hi = est.ci_low, est.ci_high
    if math.isnan(lo) or math.isnan(hi):
        new_lo = new_hi = float("nan")
    elif even:
        ends = (f(lo), f(hi))
        new_lo, new_hi = (0.0 if lo <= 0 <= hi else min(ends)), max(ends)
    else:
        new_lo, new_hi = f(lo), f(hi)
    return Estimate(float(f(est.estimate)), float(new_lo), float(new_hi), est.confidence_level, method,
                    n=est.n, n1=est.n1, n2=est.n2, df=est.df, extra={"converted_from": est.method, **extra})


def _r_denominator(func: str, n1: Any, n2: Any) -> tuple[float, dict]:
    """4 for equal groups (Cohen), or the sample relation's (N^2 - 2N) / (n1 n2) when both sizes given."""
    if n1 is None and n2 is None:
        return 4.0, {"assumption": "equal group sizes, large samples: r = d / sqrt(d^2 + 4)"}
    if n1 is None or n2 is None:
        raise ValueError(f"{func}(): give both n1 and n2 or neither, got n1={n1!r}, n2={n2!r}")
    n1 = _nc.check_count(func, "n1", n1, minimum=1)
    n2 = _nc.check_count(func, "n2", n2, minimum=1)
    if n1 + n2 < 3:
        raise ValueError(f"{func}(): n1 + n2 must be at least 3, got {n1 + n2}")
    big_n = n1 + n2
    return (big_n ** 2 - 2 * big_n) / (n1 * n2), {
        "assumption": f"sample point-biserial relation for n1={n1}, n2={n2}: "
                      "r = d / sqrt(d^2 + (N^2 - 2N) / (n1 n2))"}


def convert_d(d: float | Estimate, *, to: str, n1: int | None = None, n2: int | None = None) -> Estimate:
    """Convert a Cohen's d (a number, or an Estimate with its interval) to another effect size.

    Parameters
    ----------
    d : float or Estimate
        A standardized mean difference between two groups. An Estimate's limits are converted
        too (the conversions are monotone in d, or in |d| for ``eta2``).
    to : {"r", "eta2", "odds_ratio", "cles_normal"}
        Point-biserial r, eta squared, odds ratio, or the normal-theory common-language effect.
    n1, n2 : int, optional
        Group sizes, for ``r`` and ``eta2`` only: use the exact relation between the pooled d and
        the *sample* point-biserial r of those groups instead of the equal-n large-sample one.

    Returns
    -------
    Estimate
        ``method`` ``r_from_d``, ``eta2_from_d``, ``odds_ratio_from_d`` or ``cles_normal_from_d``;
        ``n``, ``n1``, ``n2``, ``df``, ``confidence_level`` carried over from an Estimate (a bare
        number gets a NaN interval and a nominal 0.95); ``extra``: ``converted_from``,
        ``assumption``.

    Raises
    ------
    ValueError
        A non-finite d, an unknown ``to``, only one of n1 and n2, sizes with ``odds_ratio`` or
        ``cles_normal``.

    See Also
    --------
    d_from_r, evalkit.analyze.nonparametric.cles

    Notes
    -----
    * ``r``: :math:`r = d / \\sqrt{d^2 + 4}` (Cohen, 1988, ch. 2), which **assumes equal group
      sizes** and large samples. With ``n1``, ``n2``: :math:`r = d/\\sqrt{d^2 + (N^2 - 2N)/(n_1
      n_2)}`, which is exactly the point-biserial correlation of the data that gave the pooled
      d (Lakens, 2013, eq. 3: 0.51 for the movie data, where the equal-n formula gives 0.49).
    * ``eta2``: :math:`\\eta^2 = r^2`, with the same choice; an interval spanning 0 maps to
      [0, max].
    * ``odds_ratio``: :math:`OR = \\exp(d\\,\\pi/\\sqrt 3)` (Hasselblad & Hedges, 1995;
      Borenstein et al., 2009, ch. 7), assuming logistic latent distributions.
    * ``cles_normal``: :math:`\\Phi(d/\\sqrt 2)` (McGraw & Wong, 1992), assuming normal groups
      with equal variances; compare the distribution-free
      :func:`~evalkit.analyze.nonparametric.cles`.

    References
    ----------
    Cohen, J. (1988). https://doi.org/10.4324/9780203771587

    Hasselblad, V., & Hedges, L. V. (1995). Meta-analysis of screening and diagnostic tests.
    *Psychological Bulletin, 117*(1), 167-178. https://doi.org/10.1037/0033-2909.117.1.167

    McGraw, K. O., & Wong, S. P. (1992). A common language effect size statistic.
    *Psychological Bulletin, 111*(2), 361-365. https://doi.org/10.1037/0033-2909.111.2.361

    Examples
    --------
    Cohen (1988, Table 2.2.1): d = 0.5 is r = .243. Lakens (2013): d_s = 1.13 from 10 + 10
    gives r_pb = 0.51 and CL = 0.79. Borenstein et al. (2009): d = 0.5 is log OR 0.9069.

    >>> import math
    >>> round(convert_d(0.5, to="r").estimate, 3)
    0.243
    >>> round(convert_d(1.1259, to="r", n1=10, n2=10).estimate, 2)
    0.51
    >>> round(convert_d(1.1259, to="cles_normal").estimate, 2)
    0.79
    >>> round(math.log(convert_d(0.5, to="odds_ratio").estimate), 4)
    0.9069
    """
    func = "convert_d"
    _nc.check_choice(func, "to", to, ("r", "eta2", "odds_ratio", "cles_normal"))
    est = _as_estimate(func, "d", d, -math.inf, math.inf)
    if to in ("r", "eta2"):
        a, info = _r_denominator(func, n1, n2)
        if to == "r":
            return _transformed(est, lambda v: v / math.sqrt(v * v + a), "r_from_d", info)
        return _transformed(est, lambda v: v * v / (v * v + a), "eta2_from_d", info, even=True)
    if n1 is not None or n2 is not None:
        raise ValueError(f"{func}(): n1 and n2 apply to to='r' and to='eta2' only, got to={to!r}")
    if to == "odds_ratio":
        return _transformed(est, lambda v: math.exp(v * math.pi / math.sqrt(3)), "odds_ratio_from_d",
                            {"assumption": "logistic distributions: OR = exp(d pi / sqrt(3))"})
    return _transformed(est, lambda v: float(special.ndtr(v / math.sqrt(2))), "cles_normal_from_d",
                        {"assumption": "normal distributions, equal variances: CL = Phi(d / sqrt(2))"})


def d_from_r(r: float | Estimate, *, n1: int | None = None, n2: int | None = None) -> Estimate:
    """Convert a point-biserial correlation (a number or an Estimate) to Cohen's d.

    Parameters
    ----------
    r : float or Estimate
        Strictly between -1 and 1; an Estimate's limits are converted too.
    n1, n2 : int, optional
        Group sizes: invert the exact sample relation instead of the equal-n one (see
        :func:`convert_d`).

    Returns
    -------
    Estimate
        ``method`` ``d_from_r``; interval NaN for a bare number; ``extra["assumption"]``.

    Raises
    ------
    ValueError
        r (or a limit) outside (-1, 1), only one of n1 and n2.

    See Also
    --------
    convert_d : the inverse (``to="r"``).

    Notes
    -----
    :math:`d = 2r/\\sqrt{1 - r^2}`, the inverse of :math:`r = d/\\sqrt{d^2+4}`, assuming **equal
    group sizes** (Cohen, 1988); with sizes, :math:`d = r\\sqrt{a}/\\sqrt{1-r^2}`,
    :math:`a = (N^2 - 2N)/(n_1 n_2)`.

    References
    ----------
    Cohen, J. (1988). https://doi.org/10.4324/9780203771587

    Examples
    --------
    Cohen (1988, Table 2.2.1), read backwards: r = .243 is d = 0.5.

    >>> round(d_from_r(0.243).estimate, 2)
    0.5
    """
    func = "d_from_r"
    est = _as_estimate(func, "r", r, -1.0, 1.0)
    for v in (est.estimate, est.ci_low, est.ci_high):
        if abs(v) == 1:
            raise ValueError(f"{func}(): r must lie strictly between -1 and 1 (d is infinite at +-1), "
                             f"got {v!r}")
    a, info = _r_denominator(func, n1, n2)
    return _transformed(est, lambda v: v * math.sqrt(a) / math.sqrt(1 - v * v), "d_from_r", info)

