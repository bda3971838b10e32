"""Numerical core of the effect-size modules: noncentral-t limits, Hedges' J, input checks.

The public functions in ``effect_sizes``, ``conversions`` and ``nonparametric`` validate their
arguments here (one message shape: ``func(): argument, rule, what was received``; never a data
value, since raw exports hold personal data) and then call the kernels below, which trust their
inputs. Every raw-data function reduces its data to summary statistics and calls the same kernel
as its ``*_from_stats`` twin, so the two can never disagree.
"""

from __future__ import annotations

import math
import numbers
import warnings
from typing import Any

import numpy as np
from scipy import integrate, optimize, special, stats

from evalkit.analyze._result import Estimate, Interval

__all__ = ["noncentral_t_ci"]

NAN = float("nan")


# ---------------------------------------------------------------------------------------------
# Argument checks (public functions call these once, at the edge)
# ---------------------------------------------------------------------------------------------

def check_confidence_level(func: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not 0 < value < 1:
        raise ValueError(f"{func}(): confidence_level must be a number strictly between 0 and 1, "
                         f"got {value!r}")
    return float(value)


def check_choice(func: str, arg: str, value: Any, allowed: tuple) -> Any:
    if value not in allowed:
        raise ValueError(f"{func}(): {arg} must be one of {list(allowed)}, got {value!r}")
    return value


def check_number(func: str, arg: str, value: Any, *, positive: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
        raise ValueError(f"{func}(): {arg} must be a finite number, got {value!r}")
    if positive and value <= 0:
        raise ValueError(f"{func}(): {arg} must be greater than 0, got {value!r}")
    return float(value)


def check_count(func: str, arg: str, value: Any, *, minimum: int) -> int:
    ok = not isinstance(value, bool) and isinstance(value, numbers.Real) and math.isfinite(value)
    if not ok or value != int(value) or value < minimum:
        raise ValueError(f"{func}(): {arg} must be a whole number of at least {minimum}, got {value!r}")
    return int(value)


def check_correlation(func: str, value: Any) -> float:
    r = check_number(func, "r", value)
    if not -1 <= r <= 1:
        raise ValueError(f"{func}(): r must be a correlation between -1 and 1, got {value!r}")
    return r


def as_sample(func: str, arg: str, values: Any) -> np.ndarray:
    """A 1-D float array (missing values as NaN); raises on non-numeric, 2-D or infinite input."""
    if hasattr(values, "to_numpy"):  # pandas Series, including nullable dtypes holding pd.NA
        try:
            arr = values.to_numpy(dtype=float, na_value=np.nan)
        except (TypeError, ValueError):
            raise TypeError(f"{func}(): {arg} must hold numbers, got non-numeric values") from None
    else:
        if isinstance(values, (str, bytes)) or np.isscalar(values):
            raise TypeError(f"{func}(): {arg} must be a sequence of numbers, got {type(values).__name__}")
        raw = np.asarray(values)
        if raw.dtype.kind == "O":
            if not all(v is None or (isinstance(v, numbers.Real)) for v in raw.ravel()):
                raise TypeError(f"{func}(): {arg} must hold numbers, got non-numeric values")
            raw = np.array([np.nan if v is None else v for v in raw.ravel()], dtype=float).reshape(raw.shape)
        elif raw.dtype.kind not in "biuf":
            raise TypeError(f"{func}(): {arg} must hold numbers, got values of dtype {raw.dtype}")
        arr = raw.astype(float)
    if arr.ndim != 1:
        raise ValueError(f"{func}(): {arg} must be one-dimensional, got an array of shape {arr.shape}")
    if np.isinf(arr).any():
        raise ValueError(f"{func}(): {arg} contains {int(np.isinf(arr).sum())} infinite value(s); "
                         "remove or recode them first")
    return arr


def _check_nan(func: str, arg: str, arr: np.ndarray, nan_policy: str) -> None:
    if nan_policy == "raise" and np.isnan(arr).any():
        raise ValueError(f"{func}(): {arg} contains {int(np.isnan(arr).sum())} missing value(s) and "
                         "nan_policy='raise'; use nan_policy='omit' to drop them")


def _check_size(func: str, arg: str, n: int, minimum: int, what: str = "non-missing values") -> None:
    if n < minimum:
        raise ValueError(f"{func}(): {arg} needs at least {minimum} {what}, got {n}")


def independent_samples(func: str, x: Any, y: Any, nan_policy: str, minimum: int = 2):
    """Both groups as float arrays with NaN dropped (or refused), and the number dropped."""
    check_choice(func, "nan_policy", nan_policy, ("omit", "raise"))
    a, b = as_sample(func, "x", x), as_sample(func, "y", y)
    _check_nan(func, "x", a, nan_policy)
    _check_nan(func, "y", b, nan_policy)
    dropped = int(np.isnan(a).sum() + np.isnan(b).sum())
    a, b = a[~np.isnan(a)], b[~np.isnan(b)]
    _check_size(func, "x", a.size, minimum)
    _check_size(func, "y", b.size, minimum)
    return a, b, dropped


def paired_samples(func: str, x: Any, y: Any, nan_policy: str, minimum: int = 2):
    """Complete pairs only (a pair with a missing value on either side is dropped, or refused)."""
    check_choice(func, "nan_policy", nan_policy, ("omit", "raise"))
    a, b = as_sample(func, "x", x), as_sample(func, "y", y)
    if a.size != b.size:
        raise ValueError(f"{func}(): paired x and y must have the same length, got {a.size} and {b.size}")
    _check_nan(func, "x", a, nan_policy)
    _check_nan(func, "y", b, nan_policy)
    keep = ~(np.isnan(a) | np.isnan(b))
    _check_size(func, "x and y", int(keep.sum()), minimum, "complete pairs")
    return a[keep], b[keep], int((~keep).sum())


def two_group_stats(a: np.ndarray, b: np.ndarray) -> tuple:
    return float(a.mean()), float(a.std(ddof=1)), a.size, float(b.mean()), float(b.std(ddof=1)), b.size


# ---------------------------------------------------------------------------------------------
# Noncentral t
# ---------------------------------------------------------------------------------------------

def _nct_cdf_quad(t: float, df: float, ncp: float) -> float:
    """P(T <= t) for T ~ t'(df, ncp) by integrating Phi(t*s - ncp) over s = sqrt(chi2_df / df)."""
    s = stats.chi(df, scale=1 / math.sqrt(df))
    lo, hi = s.ppf(1e-16), s.isf(1e-16)
    val, _ = integrate.quad(lambda u: special.ndtr(t * u - ncp) * s.pdf(u), lo, hi, limit=200,
                            points=[s.median()], epsabs=1e-14, epsrel=1e-12)
    return min(max(val, 0.0), 1.0)


def _nct_cdf(t: float, df: float, ncp: float) -> float:
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        p = float(stats.nct.cdf(t, df, ncp))
    if not 0.0 <= p <= 1.0:  # also catches NaN, which scipy returns in some far tails
        p = _nct_cdf_quad(t, df, ncp)
    return p


def _solve_ncp(t: float, df: float, target: float) -> float:
    """The ncp at which P(T <= t | ncp) = target; the cdf falls as ncp grows, so expand a bracket."""
    g = lambda ncp: _nct_cdf(t, df, ncp) - target  # noqa: E731
    step = 2.0 * math.sqrt(1.0 + t * t / (2.0 * df)) + 1.0
    x0, g0 = t, g(t)
    if g0 == 0:
        return x0
    direction = 1.0 if g0 > 0 else -1.0  # g > 0: the root lies at a larger ncp
    for _ in range(64):
        x1 = x0 + direction * step
        if (g(x1) > 0) != (g0 > 0):
            lo, hi = sorted((x0, x1))
            return optimize.brentq(g, lo, hi, xtol=1e-12, rtol=4 * np.finfo(float).eps, maxiter=500)
        x0, step = x1, step * 2
    raise RuntimeError(f"noncentral_t_ci(): no noncentrality parameter found for t={t!r}, df={df!r}")


def ncp_limits(t: float, df: float, confidence_level: float) -> tuple[float, float]:
    """Trusting version of :func:`noncentral_t_ci` for the kernels."""
    if t < 0:
        lo, hi = ncp_limits(-t, df, confidence_level)
        return -hi, -lo
    alpha = 1.0 - confidence_level
    return _solve_ncp(t, df, 1.0 - alpha / 2), _solve_ncp(t, df, alpha / 2)


def noncentral_t_ci(t: float, df: float, *, confidence_level: float = 0.95) -> Interval:
    """Confidence limits for the noncentrality parameter of a t statistic (Steiger & Fouladi, 1997).

    Parameters
    ----------
    t : float
        The observed t statistic (any sign, any finite size).
    df : float
        Its degrees of freedom (> 0; need not be a whole number, e.g. Welch's df).
    confidence_level : float, default 0.95
        Two-sided; each tail gets ``(1 - confidence_level) / 2``.

    Returns
    -------
    Interval
        ``low`` and ``high`` limits for the noncentrality parameter.

    Raises
    ------
    ValueError
        If ``t`` is not finite, ``df`` is not positive or ``confidence_level`` is outside (0, 1).

    Notes
    -----
    ``low`` and ``high`` solve :math:`P(T \\le t \\mid \\lambda_L) = 1 - \\alpha/2` and
    :math:`P(T \\le t \\mid \\lambda_U) = \\alpha/2` for :math:`T \\sim t'(df, \\lambda)`: the
    "pivoting the cdf" interval of Steiger & Fouladi (1997), as in MBESS ``conf.limits.nct``. The
    cdf (``scipy.stats.nct``) falls monotonically in :math:`\\lambda`, so each limit is found by
    expanding a bracket around ``t`` and solving with Brent's method. Negative ``t`` uses the
    symmetry :math:`(\\lambda_L, \\lambda_U)(-t) = (-\\lambda_U, -\\lambda_L)(t)`. Where scipy's
    cdf fails in a far tail (it can return NaN), the cdf is computed instead by integrating
    :math:`\\Phi(t s - \\lambda)` over :math:`s = \\sqrt{\\chi^2_{df}/df}`. Unlike MBESS, which
    warns beyond :math:`|\\lambda| > 37.62`, large ``t`` are handled.

    A standardized mean difference whose t statistic is :math:`t = d / h` has the interval
    :math:`(\\lambda_L h, \\lambda_U h)`, e.g. :math:`h = \\sqrt{1/n_1 + 1/n_2}` for two groups.

    References
    ----------
    Steiger, J. H., & Fouladi, R. T. (1997). Noncentrality interval estimation and the evaluation
    of statistical models. In L. L. Harlow, S. A. Mulaik & J. H. Steiger (Eds.), *What if there
    were no significance tests?* (pp. 221-257). Erlbaum.

    Cumming, G., & Finch, S. (2001). A primer on the understanding, use, and calculation of
    confidence intervals that are based on central and noncentral distributions. *Educational and
    Psychological Measurement, 61*(4), 532-574. https://doi.org/10.1177/0013164401614002

    Kelley, K. (2007). Confidence intervals for standardized effect sizes: Theory, application,
    and implementation. *Journal of Statistical Software, 20*(8). https://doi.org/10.18637/jss.v020.i08

    Examples
    --------
    Lakens (2013): t(18) = 2.52 for two groups of 10 gives d_s = 1.13, 95% CI [0.16, 2.06].

    >>> ci = noncentral_t_ci(2.5175, 18)
    >>> h = (1 / 10 + 1 / 10) ** 0.5
    >>> round(ci.low * h, 2), round(ci.high * h, 2)
    (0.16, 2.06)
    >>> ci_neg = noncentral_t_ci(-2.5175, 18)
    >>> round(ci_neg.low, 4) == -round(ci.high, 4)
    True
    """
    func = "noncentral_t_ci"
    t = check_number(func, "t", t)
    df = check_number(func, "df", df, positive=True)
    cl = check_confidence_level(func, confidence_level)
    lo, hi = ncp_limits(t, df, cl)
    return Interval(lo, hi, cl)


# ---------------------------------------------------------------------------------------------
# Small-sample bias correction
# ---------------------------------------------------------------------------------------------

def hedges_j(df: float, correction: str) -> float:
    """Hedges' J: ``approx`` 1 - 3/(4 df - 1); ``exact`` Gamma(df/2) / (sqrt(df/2) Gamma((df-1)/2))."""
    if correction == "approx":
        return 1.0 - 3.0 / (4.0 * df - 1.0)
    return math.exp(special.gammaln(df / 2) - 0.5 * math.log(df / 2) - special.gammaln((df - 1) / 2))


def check_correction_df(func: str, df: float, correction: str | None) -> None:
    if correction is not None and df < 2:
        raise ValueError(f"{func}(): the small-sample correction needs at least 2 degrees of freedom, "
                         f"got df = {df:g}; use correction=None or more cases")


# ---------------------------------------------------------------------------------------------
# Kernels (trust their inputs)
# ---------------------------------------------------------------------------------------------

def _z(confidence_level: float) -> float:
    return float(special.ndtri(1 - (1 - confidence_level) / 2))


def two_group(func: str, m1: float, s1: float, n1: int, m2: float, s2: float, n2: int, *,
              kind: str, correction: str | None, confidence_level: float, ci_method: str = "noncentral",
              ci_scale: str = "g", extra: dict | None = None) -> Estimate:
    """Cohen's d (pooled or average-variance), Hedges' g and Glass's delta from summary statistics.

    ``kind`` is ``pooled``, ``average_variance`` or ``glass``. With a ``correction``, ``ci_scale="g"``
    multiplies the noncentral limits by J (R effectsize, MOTE); ``"delta"`` leaves them on the scale of
    the population effect (MBESS, ESCI).
    """
    diff = m1 - m2
    extra = dict(extra or {})
    if kind == "pooled":
        df = n1 + n2 - 2.0
        sd = math.sqrt(((n1 - 1) * s1 ** 2 + (n2 - 1) * s2 ** 2) / df)
        se_diff, ci_df = sd * math.sqrt(1 / n1 + 1 / n2), df
        method, ci_name = ("hedges_g_pooled" if correction else "cohens_d_pooled"), "noncentral_t"
    elif kind == "average_variance":
        sd = math.sqrt((s1 ** 2 + s2 ** 2) / 2)
        v1, v2 = s1 ** 2 / n1, s2 ** 2 / n2
        se_diff = math.sqrt(v1 + v2)
        df = ci_df = (v1 + v2) ** 2 / (v1 ** 2 / (n1 - 1) + v2 ** 2 / (n2 - 1)) if v1 + v2 > 0 else NAN
        method, ci_name = "cohens_d_average_variance", "noncentral_t_welch"
    else:  # glass
        sd = s2
        se_diff, df = math.sqrt(s1 ** 2 / n1 + s2 ** 2 / n2), n2 - 1.0
        ci_df = df
        method, ci_name = "glass_delta", "noncentral_t_approx"
    if not sd > 0:
        which = "y (the reference group) has" if kind == "glass" else "x and y have"
        raise ValueError(f"{func}(): {which} zero variance, so the standardized difference is undefined")
    d = diff / sd
    t = diff / se_diff  # se_diff > 0 whenever sd > 0
    extra.update(mean_diff=diff, standardizer=sd, t=t)
    if kind == "pooled":
        extra["se"] = math.sqrt((n1 + n2) / (n1 * n2) + d ** 2 / (2 * (n1 + n2)))
    estimate = d
    if correction:
        j = hedges_j(df, correction)
        estimate = j * d
        extra.update(d=d, j=j, correction=correction,
                     se=math.sqrt((n1 + n2) / (n1 * n2) + estimate ** 2 / (2 * (n1 + n2))))
    if ci_method == "normal":
        half = _z(confidence_level) * extra["se"]
        lo, hi, ci_name = estimate - half, estimate + half, "normal"
    else:
        lam_lo, lam_hi = ncp_limits(t, ci_df, confidence_level)
        lo, hi = lam_lo * se_diff / sd, lam_hi * se_diff / sd
        if correction:
            lo, hi = _scaled(lo, hi, extra["j"], ci_scale)
            extra["ci_scale"] = ci_scale
    extra["ci_method"] = ci_name
    return Estimate(float(estimate), float(lo), float(hi), confidence_level, method,
                    n1=int(n1), n2=int(n2), df=float(df), extra=extra)


#: Scales of a corrected estimate's noncentral interval: J times the limits, or the population effect's.
CI_SCALES = ("g", "delta")


def _scaled(lo: float, hi: float, j: float, ci_scale: str) -> tuple[float, float]:
    """The noncentral limits of d on the scale ``ci_scale``: ``g`` multiplies them by J (R effectsize
    ``hedges_g``; MOTE ``g.ind.t``), ``delta`` keeps the interval for the population effect (MBESS, ESCI)."""
    return (j * lo, j * hi) if ci_scale == "g" else (lo, hi)


PAIRED_STANDARDIZERS = ("z", "av", "av_rms", "rm", "pre")


def paired(func: str, m1: float, s1: float, m2: float, s2: float, n: int, r: float, sd_diff: float, *,
           standardizer: str, correction: str | None, confidence_level: float, ci_scale: str = "g",
           extra: dict | None = None) -> Estimate:
    """Paired standardized mean differences from summary statistics (``sd_diff`` given directly); with a
    ``correction``, ``ci_scale`` as in :func:`two_group`."""
    diff = m1 - m2
    df = n - 1.0
    if not sd_diff > 0:
        raise ValueError(f"{func}(): the paired differences have zero variance, so the standardized "
                         "difference is undefined")
    if standardizer == "z":
        sd = sd_diff
    elif standardizer == "av":
        sd = (s1 + s2) / 2
    elif standardizer == "av_rms":
        sd = math.sqrt((s1 ** 2 + s2 ** 2) / 2)
    elif standardizer == "rm":
        if math.isnan(r):
            raise ValueError(f"{func}(): standardizer='rm' needs the correlation of x and y, which is "
                             "undefined when either has zero variance")
        if r >= 1:
            raise ValueError(f"{func}(): standardizer='rm' is undefined when x and y correlate "
                             "perfectly (r = 1): d_z * sqrt(2(1 - r)) is 0 whatever the difference")
        sd = sd_diff / math.sqrt(2 * (1 - r))
    else:  # pre
        sd = s2
    if not sd > 0:
        raise ValueError(f"{func}(): standardizer={standardizer!r} is zero (the SD of "
                         f"{'y' if standardizer == 'pre' else 'x and y'} is 0), so the standardized "
                         "difference is undefined")
    se_diff = sd_diff / math.sqrt(n)
    t = diff / se_diff
    d = diff / sd
    lam_lo, lam_hi = ncp_limits(t, df, confidence_level)
    lo, hi = lam_lo * se_diff / sd, lam_hi * se_diff / sd
    extra = dict(extra or {})
    extra.update(mean_diff=diff, standardizer=sd, sd_diff=sd_diff, r=r, t=t,
                 ci_method="noncentral_t" if standardizer == "z" else "noncentral_t_approx")
    estimate = d
    if correction:
        j = hedges_j(df, correction)
        estimate = j * d
        lo, hi = _scaled(lo, hi, j, ci_scale)
        extra.update(d=d, j=j, correction=correction, ci_scale=ci_scale)
    method = f"paired_{'g' if correction else 'd'}_{standardizer}"
    return Estimate(float(estimate), float(lo), float(hi), confidence_level, method,
                    n=int(n), df=df, extra=extra)


def cliffs_delta(a: np.ndarray, b: np.ndarray) -> tuple[float, float, float]:
    """P(X > Y), P(X < Y) and P(X = Y) over all n1*n2 pairs, by sorting (no n1 x n2 matrix)."""
    bs = np.sort(b)
    below = np.searchsorted(bs, a, side="left")
    ties = np.searchsorted(bs, a, side="right") - below
    pairs = float(a.size * b.size)
    gt, eq = below.sum() / pairs, ties.sum() / pairs
    return float(gt), float(1.0 - gt - eq), float(eq)


def fisher_z_ci(r: float, se_z: float, confidence_level: float) -> tuple[float, float]:
    if abs(r) >= 1:  # atanh(+-1) is infinite: the Fisher-z interval is undefined
        return NAN, NAN
    half = _z(confidence_level) * se_z
    z = math.atanh(r)
    return math.tanh(z - half), math.tanh(z + half)
