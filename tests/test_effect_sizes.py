"""Tests of evalkit.analyze.effect_sizes against published worked examples and independent software.

Published values (each cited where used; the tolerance is half a unit of the last printed digit):

* Lakens, D. (2013). Calculating and reporting effect sizes to facilitate cumulative science.
  Front. Psychol. 4:863, doi:10.3389/fpsyg.2013.00863. Table 3 movie ratings.
  Two groups: t(18) = 2.52, d_s = 1.13 (eq. 17), "95% CI [0.16, 2.06]" (ESCI), Hedges's
  g_s = 1.08, CL = 0.79, r_pb = 0.51 (eq. 19), eta_p^2 = 0.26. Paired: r = 0.726, t(9) = 4.74,
  d_z = 1.50 (eq. 18), "95% confidence interval for Cohen's d_z [0.42, 1.80] (ESCI)",
  Hedges's g_av = 1.08, CL = 0.93.
* R effectsize test suite (tests/testthat/test-standardized_differences.R, test-rankES.R):
  mtcars wt ~ am and the wilcox.test depression data.
* MOTE test suite (tests/testthat/test-d_dep_t_avg.R, test-d_dep_t_rm.R): d_dep_t_avg /
  d_dep_t_rm(5.57, 4.43, 1.99, 2.88, [r = .68], n = 7).
* pingouin 0.7 docstrings (compute_effsize, compute_effsize_from_t, convert_effsize, mwu,
  wilcoxon). pingouin (GPL-3) is imported here only, never by evalkit.
* Borenstein, Hedges, Higgins & Rothstein (2009), Introduction to Meta-Analysis, ch. 4 and 7.
* Hedges (1981), Table 1: exact J(10) = 0.9227. Cohen (1988), Table 2.2.1: d = .5 <-> r = .243.
"""

from __future__ import annotations

import inspect
import math

import numpy as np
import pytest
from numpy.testing import assert_allclose
from scipy import stats

from evalkit.analyze import effect_sizes as es
from evalkit.analyze import _noncentral
from evalkit.analyze._result import Estimate

# Lakens (2013), Table 3.
MOVIE_1 = [9, 7, 8, 9, 8, 9, 9, 10, 9, 9]
MOVIE_2 = [9, 6, 7, 8, 7, 9, 8, 8, 8, 7]

# mtcars$wt split by am (R datasets), as R effectsize's formula `wt ~ am` does: am = 0 first.
WT_AUTOMATIC = [3.215, 3.440, 3.460, 3.570, 3.190, 3.150, 3.440, 3.440, 4.070, 3.730, 3.780, 5.250,
                5.424, 5.345, 2.465, 3.520, 3.435, 3.840, 3.845]
WT_MANUAL = [2.620, 2.875, 2.320, 2.200, 1.615, 1.835, 1.935, 2.140, 1.513, 3.170, 2.770, 3.570, 2.780]

# help("wilcox.test") depression data, used by R effectsize's rank_biserial tests.
DEPRESSION_X = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30]
DEPRESSION_Y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]

TWO_DECIMALS = dict(rtol=0, atol=0.005 + 1e-12)   # a value printed to 2 decimals
THREE_DECIMALS = dict(rtol=0, atol=0.0005 + 1e-12)
FOUR_DECIMALS = dict(rtol=0, atol=0.00005 + 1e-12)

RNG = np.random.default_rng(20240611)


@pytest.fixture(scope="module")
def pg():
    return pytest.importorskip("pingouin")


def ci(res: Estimate) -> list[float]:
    return [res.ci_low, res.ci_high]


# ---------------------------------------------------------------------------------------------
# noncentral_t_ci
# ---------------------------------------------------------------------------------------------

def test_noncentral_lakens_ds_interval():
    # Lakens (2013): d_s = 1.13, "95% CI [0.16, 2.06]" from ESCI; t(18) = 2.5175.
    t = stats.ttest_ind(MOVIE_1, MOVIE_2).statistic
    lim = es.noncentral_t_ci(t, 18)
    assert_allclose(np.array([lim.low, lim.high]) * math.sqrt(0.2), [0.16, 2.06], **TWO_DECIMALS)
    assert lim.confidence_level == 0.95


def test_noncentral_matches_mote_printed_limits():
    # MOTE (MBESS's conf.limits.nct inside) test-d_dep_t_avg.R: d_dep_t_avg(5.57, 4.43, 1.99, 2.88,
    # n = 7) prints dlow = -0.3334172, dhigh = 1.2360580, from t = d * sqrt(7) on 6 df, limits / sqrt(7).
    d = 1.14 / ((1.99 + 2.88) / 2)
    lim = es.noncentral_t_ci(d * math.sqrt(7), 6)
    assert_allclose(np.array([lim.low, lim.high]) / math.sqrt(7), [-0.3334172, 1.2360580], rtol=1e-6)


@pytest.mark.parametrize("t, df", [(2.5, 18), (-3.1, 7), (0.0, 12), (0.2, 40), (12.0, 9), (45.0, 30),
                                   (200.0, 5), (3.0, 0.5), (-60.0, 200), (3.0, 1e6), (5.0, 30)])
@pytest.mark.parametrize("confidence_level", [0.95, 0.9, 0.999])
def test_noncentral_limits_invert_the_cdf(t, df, confidence_level):
    lim = es.noncentral_t_ci(t, df, confidence_level=confidence_level)
    alpha = 1 - confidence_level
    assert lim.low < lim.high
    assert_allclose(_noncentral._nct_cdf(t, df, lim.low), 1 - alpha / 2, rtol=0, atol=1e-9)
    assert_allclose(_noncentral._nct_cdf(t, df, lim.high), alpha / 2, rtol=0, atol=1e-9)


def test_noncentral_symmetry_and_large_df_limit():
    a, b = es.noncentral_t_ci(2.3, 11), es.noncentral_t_ci(-2.3, 11)
    assert_allclose([b.low, b.high], [-a.high, -a.low], rtol=1e-12)
    zero = es.noncentral_t_ci(0.0, 11)
    assert_allclose(zero.low, -zero.high, rtol=1e-10)
    big = es.noncentral_t_ci(3.0, 1e7)  # approaches t -/+ z
    assert_allclose([big.low, big.high], [3 - 1.959964, 3 + 1.959964], rtol=0, atol=1e-4)


def test_noncentral_cdf_fallback_agrees_with_scipy():
    # scipy returns NaN for nct.cdf(5, 30, 50); the integral is used there and must agree elsewhere.
    for t, df, ncp in [(5, 30, 6.0), (40, 5, 45.0), (2.5, 18, 5.0), (3, 0.5, 8.0)]:
        assert_allclose(_noncentral._nct_cdf_quad(t, df, ncp), stats.nct.cdf(t, df, ncp), rtol=1e-8)
    assert 0 <= _noncentral._nct_cdf(5, 30, 50) < 1e-100


@pytest.mark.parametrize("kwargs, match", [
    (dict(t=float("nan"), df=5), "t must be a finite number"),
    (dict(t=math.inf, df=5), "t must be a finite number"),
    (dict(t=1.0, df=0), "df must be greater than 0"),
    (dict(t=1.0, df=-3), "df must be greater than 0"),
    (dict(t=1.0, df=5, confidence_level=1.0), "confidence_level"),
    (dict(t=1.0, df=5, confidence_level=0), "confidence_level"),
    (dict(t=1.0, df=5, confidence_level=True), "confidence_level"),
])
def test_noncentral_rejects_bad_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        es.noncentral_t_ci(**kwargs)


# ---------------------------------------------------------------------------------------------
# cohens_d / cohens_d_from_stats
# ---------------------------------------------------------------------------------------------

def test_cohens_d_lakens_two_groups():
    # Lakens (2013): t(18) = 2.52, d_s = 1.13, 95% CI [0.16, 2.06].
    res = es.cohens_d(MOVIE_1, MOVIE_2)
    assert_allclose(res.estimate, 1.13, **TWO_DECIMALS)
    assert_allclose(ci(res), [0.16, 2.06], **TWO_DECIMALS)
    assert_allclose(res.extra["t"], 2.52, **TWO_DECIMALS)
    assert (res.method, res.n1, res.n2, res.df) == ("cohens_d_pooled", 10, 10, 18.0)
    # Lakens eq. 17 from the rounded SDs 0.82 and 0.95.
    assert_allclose(es.cohens_d_from_stats(8.7, 0.82, 10, 7.7, 0.95, 10).estimate, 1.13, **TWO_DECIMALS)


def test_cohens_d_effectsize_mtcars():
    # R effectsize tests: cohens_d(wt ~ am, data = mtcars, pooled_sd = TRUE) = 1.892 [1.030, 2.732];
    # pooled_sd = FALSE: 1.934 [1.075151, 2.772516]. The 3-decimal values are truncated (1.9349 is
    # written 1.934) and checked there at relative tolerance 0.001, as here.
    res = es.cohens_d(WT_AUTOMATIC, WT_MANUAL)
    assert_allclose([res.estimate, *ci(res)], [1.892, 1.030, 2.732], rtol=1e-3)
    unpooled = es.cohens_d(WT_AUTOMATIC, WT_MANUAL, pooled=False)
    assert_allclose(unpooled.estimate, 1.934, rtol=1e-3)
    assert_allclose(ci(unpooled), [1.075151, 2.772516], rtol=1e-6)
    assert unpooled.method == "cohens_d_average_variance"


def test_cohens_d_against_pingouin_and_scipy(pg):
    # pingouin docstring: compute_effsize([1, 2, 3, 4], [3, 4, 5, 6, 7]) = -1.707825127659933.
    assert_allclose(es.cohens_d([1, 2, 3, 4], [3, 4, 5, 6, 7]).estimate, -1.707825127659933, rtol=1e-12)
    x, y = RNG.normal(10, 2, 14), RNG.normal(8.5, 3, 11)
    res = es.cohens_d(x, y)
    assert_allclose(res.estimate, pg.compute_effsize(x, y, eftype="cohen"), rtol=1e-12)
    assert_allclose(res.extra["t"], stats.ttest_ind(x, y).statistic, rtol=1e-12)
    welch = stats.ttest_ind(x, y, equal_var=False)
    unpooled = es.cohens_d(x, y, pooled=False)
    assert_allclose([unpooled.extra["t"], unpooled.df], [welch.statistic, welch.df], rtol=1e-12)
    assert_allclose(unpooled.estimate, (x.mean() - y.mean()) / math.sqrt((x.var(ddof=1) + y.var(ddof=1)) / 2),
                    rtol=1e-12)


def test_cohens_d_sign_from_stats_and_missing_values():
    x, y = RNG.normal(1, 1, 12), RNG.normal(0, 1.5, 9)
    ab, ba = es.cohens_d(x, y), es.cohens_d(y, x)
    assert_allclose([ba.estimate, ba.ci_low, ba.ci_high], [-ab.estimate, -ab.ci_high, -ab.ci_low], rtol=1e-10)
    for pooled in (True, False):
        raw = es.cohens_d(x, y, pooled=pooled)
        summ = es.cohens_d_from_stats(x.mean(), x.std(ddof=1), 12, y.mean(), y.std(ddof=1), 9, pooled=pooled)
        assert_allclose([summ.estimate, *ci(summ), summ.df], [raw.estimate, *ci(raw), raw.df], rtol=1e-12)
    with_nan = es.cohens_d(np.append(x, np.nan), [np.nan, *y])
    assert_allclose(with_nan.estimate, ab.estimate, rtol=1e-12)
    assert (with_nan.n1, with_nan.n2, with_nan.extra["n_dropped"]) == (12, 9, 2)
    with pytest.raises(ValueError, match="x contains 1 missing value"):
        es.cohens_d(np.append(x, np.nan), y, nan_policy="raise")


def test_cohens_d_accepts_pandas_with_missing():
    pd = pytest.importorskip("pandas")
    x = pd.Series([1.0, 2.0, None, 4.0], dtype="Float64")
    res = es.cohens_d(x, pd.Series([0, 1, 1, 2]))
    assert_allclose(res.estimate, es.cohens_d([1, 2, 4], [0, 1, 1, 2]).estimate, rtol=1e-12)
    assert isinstance(res.to_frame().loc[0, "ci_method"], str)


# ---------------------------------------------------------------------------------------------
# hedges_g / hedges_g_from_stats
# ---------------------------------------------------------------------------------------------

def test_hedges_g_lakens():
    # Lakens (2013): Hedges's g_s = 1.08.
    for correction in ("approx", "exact"):
        res = es.hedges_g(MOVIE_1, MOVIE_2, correction=correction)
        assert_allclose(res.estimate, 1.08, **TWO_DECIMALS)
        assert_allclose(res.extra["d"], 1.13, **TWO_DECIMALS)


def test_hedges_g_borenstein_worked_example():
    # Borenstein et al. (2009), ch. 4: means 103 / 100, SDs 5.5 / 4.5, n = 50 / 50:
    # d = 0.5970, V_d = 0.0418, J = 0.9923, g = 0.5924.
    res = es.hedges_g_from_stats(103, 5.5, 50, 100, 4.5, 50)
    assert_allclose([res.extra["d"], res.extra["j"], res.estimate], [0.5970, 0.9923, 0.5924], **FOUR_DECIMALS)
    d_only = es.cohens_d_from_stats(103, 5.5, 50, 100, 4.5, 50)
    assert_allclose(d_only.extra["se"] ** 2, 0.0418, **FOUR_DECIMALS)
    # Our normal-interval SE plugs g into Hedges & Olkin's formula (not Borenstein's J * SE_d = 0.2028).
    assert_allclose(res.extra["se"], math.sqrt(0.04 + res.estimate ** 2 / 200), rtol=1e-12)


def test_hedges_j_exact_table_value():
    # Hedges (1981), Table 1: c(10) = .9227 (df = 10: two groups of 6).
    res = es.hedges_g_from_stats(1, 1, 6, 0, 1, 6, correction="exact")
    assert_allclose(res.extra["j"], 0.9227, **FOUR_DECIMALS)
    # J(2) = Gamma(1) / Gamma(1/2) = 1 / sqrt(pi) = .5642 (Hedges, 1981, Table 1).
    assert_allclose(_noncentral.hedges_j(2, "exact"), 1 / math.sqrt(math.pi), rtol=1e-12)
    assert_allclose(_noncentral.hedges_j(4000, "exact"), 1 - 3 / (4 * 4000 - 1), rtol=1e-8)


def test_hedges_g_effectsize_mtcars_and_the_two_interval_scales():
    # R effectsize tests: hedges_g(wt ~ am, data = mtcars) = 1.844 [1.004, 2.664] (tolerance 0.001).
    # effectsize multiplies the noncentral limits by J, and so do we by default (ci_scale="g");
    # ci_scale="delta" keeps the interval for the population effect, i.e. Cohen's d's [1.030, 2.732].
    res = es.hedges_g(WT_AUTOMATIC, WT_MANUAL)
    assert_allclose([res.estimate, *ci(res)], [1.844, 1.004, 2.664], rtol=1e-3)
    assert res.extra["ci_scale"] == "g"
    d = es.cohens_d(WT_AUTOMATIC, WT_MANUAL)
    delta = es.hedges_g(WT_AUTOMATIC, WT_MANUAL, ci_scale="delta")
    assert ci(delta) == ci(d) and delta.estimate == res.estimate
    assert_allclose(ci(delta), [1.030, 2.732], rtol=1e-3)
    # from summary statistics the same two scales
    a, b = np.asarray(WT_AUTOMATIC), np.asarray(WT_MANUAL)
    stats_ = (a.mean(), a.std(ddof=1), a.size, b.mean(), b.std(ddof=1), b.size)
    assert_allclose(ci(es.hedges_g_from_stats(*stats_)), ci(res), rtol=1e-10)
    assert_allclose(ci(es.hedges_g_from_stats(*stats_, ci_scale="delta")), ci(d), rtol=1e-10)


def test_hedges_g_against_pingouin(pg):
    x, y = RNG.normal(0.5, 1, 8), RNG.normal(0, 1, 11)
    res = es.hedges_g(x, y, ci_method="normal")
    # pingouin's J is 1 - 3 / (4 (nx + ny) - 9), the same as 1 - 3 / (4 df - 1).
    assert_allclose(res.estimate, pg.compute_effsize(x, y, eftype="hedges"), rtol=1e-12)
    # pingouin compute_esci centres on the statistic with a t quantile on df = nx + ny - 2; recover its SE.
    lo, hi = pg.compute_esci(res.estimate, nx=8, ny=11, eftype="hedges", decimals=14)
    tcrit = stats.t.ppf(0.975, 17)
    assert_allclose((hi - lo) / (2 * tcrit), res.extra["se"], rtol=1e-9)
    z = stats.norm.ppf(0.975)
    assert_allclose(ci(res), [res.estimate - z * res.extra["se"], res.estimate + z * res.extra["se"]],
                    rtol=1e-12)
    exact = es.hedges_g(x, y, correction="exact")
    assert_allclose(exact.estimate, res.estimate, rtol=2e-3)


def test_hedges_g_raw_equals_from_stats():
    x, y = RNG.normal(0, 1, 7), RNG.normal(1, 2, 13)
    for ci_method in ("noncentral", "normal"):
        raw = es.hedges_g(x, y, ci_method=ci_method, correction="exact")
        summ = es.hedges_g_from_stats(x.mean(), x.std(ddof=1), 7, y.mean(), y.std(ddof=1), 13,
                                      ci_method=ci_method, correction="exact")
        assert_allclose([summ.estimate, *ci(summ)], [raw.estimate, *ci(raw)], rtol=1e-12)


# ---------------------------------------------------------------------------------------------
# glass_delta
# ---------------------------------------------------------------------------------------------

def test_glass_delta_effectsize_mtcars():
    # R effectsize tests: glass_delta(wt ~ am, data = mtcars) = 2.200 [1.008664, 3.352597].
    res = es.glass_delta(WT_AUTOMATIC, WT_MANUAL)
    assert_allclose(res.estimate, 2.200, rtol=1e-3)
    assert_allclose(ci(res), [1.008664, 3.352597], rtol=1e-6)
    assert (res.method, res.df) == ("glass_delta", 12.0)


def test_glass_delta_hand_and_scipy():
    x, y = RNG.normal(1, 2, 15), RNG.normal(0, 1, 10)
    res = es.glass_delta(x, y)
    assert_allclose(res.estimate, (x.mean() - y.mean()) / y.std(ddof=1), rtol=1e-12)
    assert_allclose(res.extra["t"], stats.ttest_ind(x, y, equal_var=False).statistic, rtol=1e-12)
    # The interval scales the noncentral limits of that t on n2 - 1 df.
    lim = es.noncentral_t_ci(res.extra["t"], 9)
    h = math.sqrt(1 / 10 + x.var(ddof=1) / (15 * y.var(ddof=1)))
    assert_allclose(ci(res), [lim.low * h, lim.high * h], rtol=1e-10)
    with pytest.raises(ValueError, match="y \\(the reference group\\) has zero variance"):
        es.glass_delta(x, [2.0, 2.0, 2.0])


# ---------------------------------------------------------------------------------------------
# paired_d / paired_d_from_stats
# ---------------------------------------------------------------------------------------------

def test_paired_lakens():
    # Lakens (2013): r = 0.726, t(9) = 4.74, d_z = 1.50, d_av = 1.13, CL = 0.93 (= Phi(d_z)).
    dz = es.paired_d(MOVIE_1, MOVIE_2)
    assert_allclose(dz.estimate, 1.50, **TWO_DECIMALS)
    assert_allclose(dz.extra["t"], 4.74, **TWO_DECIMALS)
    assert_allclose(dz.extra["r"], 0.726, **THREE_DECIMALS)
    assert_allclose(stats.norm.cdf(dz.estimate), 0.93, **TWO_DECIMALS)
    assert (dz.method, dz.n, dz.df, dz.extra["ci_method"]) == ("paired_d_z", 10, 9.0, "noncentral_t")
    assert_allclose(es.paired_d(MOVIE_1, MOVIE_2, standardizer="av").estimate, 1.13, **TWO_DECIMALS)
    # d_rm (eq. 9) equals d_s when the SDs are close; here 1.11 (Lakens: "d_rm is always more conservative").
    rm = es.paired_d(MOVIE_1, MOVIE_2, standardizer="rm")
    assert_allclose(rm.estimate, dz.estimate * math.sqrt(2 * (1 - dz.extra["r"])), rtol=1e-12)


def test_paired_lakens_esci_interval_is_the_av_rms_interval():
    # Lakens (2013) reports "95% confidence interval for Cohen's d_z [0.42, 1.80]" from ESCI. That
    # interval does not contain d_z = 1.50: it is ESCI's (Algina & Keselman) interval for d_av with the
    # root-mean-square SD, which we reproduce; d_z's exact interval is [0.56, 2.40].
    rms = es.paired_d(MOVIE_1, MOVIE_2, standardizer="av_rms")
    assert_allclose(ci(rms), [0.42, 1.80], **TWO_DECIMALS)
    assert rms.extra["ci_method"] == "noncentral_t_approx"
    dz = es.paired_d(MOVIE_1, MOVIE_2)
    assert dz.ci_low > 0.5 and dz.ci_high > 2.3  # [0.42, 1.80] is not d_z's interval
    assert_allclose(ci(dz), ci(es.d_from_t(dz.extra["t"], 10)), rtol=1e-12)


def test_paired_g_av_three_published_values(pg):
    # Lakens (2013) prints Hedges's g_av = 1.08: d_av (mean of SDs) x J with df = 2(n - 1) = 18.
    av = es.paired_d(MOVIE_1, MOVIE_2, standardizer="av")
    assert_allclose(av.estimate * (1 - 3 / (4 * 18 - 1)), 1.08, **TWO_DECIMALS)
    # pingouin compute_effsize(paired=True, eftype="hedges"): d_av_rms x J(df = 18) = 1.078.
    rms = es.paired_d(MOVIE_1, MOVIE_2, standardizer="av_rms")
    assert_allclose(pg.compute_effsize(MOVIE_1, MOVIE_2, paired=True, eftype="hedges"),
                    rms.estimate * (1 - 3 / (4 * 18 - 1)), rtol=1e-12)
    # We (like ESCI and R effectsize) use df = n - 1 = 9, so g_av = 1.03.
    g_av = es.paired_d(MOVIE_1, MOVIE_2, standardizer="av", correction="approx")
    assert_allclose([g_av.estimate, g_av.extra["j"]], [1.03, 1 - 3 / 35], **TWO_DECIMALS)
    assert g_av.method == "paired_g_av"
    # the interval of g is d's interval times J (R effectsize, MOTE); ci_scale="delta" leaves d's (ESCI)
    assert_allclose(ci(g_av), np.array(ci(av)) * g_av.extra["j"], rtol=1e-12)
    assert ci(es.paired_d(MOVIE_1, MOVIE_2, standardizer="av", correction="approx", ci_scale="delta")) == ci(av)
    g_exact = es.paired_d(MOVIE_1, MOVIE_2, standardizer="av_rms", correction="exact")
    assert_allclose(g_exact.estimate, rms.estimate * _noncentral.hedges_j(9, "exact"), rtol=1e-12)


def test_paired_against_pingouin(pg):
    # pingouin's paired "cohen" is d_av with the root-mean-square SD (av_rms), not d_z.
    x = RNG.normal(0, 1, 12)
    y = x + RNG.normal(0.6, 0.8, 12)
    assert_allclose(es.paired_d(x, y, standardizer="av_rms").estimate,
                    pg.compute_effsize(x, y, paired=True, eftype="cohen"), rtol=1e-12)
    assert_allclose(es.paired_d(x, y).estimate, pg.compute_effsize(x, y, paired=True, eftype="cohen_dz"),
                    rtol=1e-12)
    # pingouin docstring: compute_effsize([1..7], [1, 3, .., 13], paired=True, eftype="cohen_dz")
    # = -1.3887301496588271.
    assert_allclose(es.paired_d([1, 2, 3, 4, 5, 6, 7], [1, 3, 5, 7, 9, 11, 13]).estimate,
                    -1.3887301496588271, rtol=1e-12)


def test_paired_mote_estimates_and_their_intervals():
    # MOTE: d_dep_t_avg(5.57, 4.43, 1.99, 2.88, n = 7) -> d = 0.4681725 [-0.3334172, 1.2360580];
    # d_dep_t_rm(..., r = .68) -> d = 0.4318412 [-0.3623148, 1.194367]. Same estimates; MOTE's
    # intervals invert a noncentral t at d * sqrt(n) (ignoring r), ours use Algina & Keselman's method.
    av = es.paired_d_from_stats(5.57, 1.99, 4.43, 2.88, 7, 0.68, standardizer="av")
    rm = es.paired_d_from_stats(5.57, 1.99, 4.43, 2.88, 7, 0.68, standardizer="rm")
    assert_allclose([av.estimate, rm.estimate], [0.4681725, 0.4318412], rtol=1e-6)
    for ours, mote in ((av, [-0.3334172, 1.2360580]), (rm, [-0.3623148, 1.194367])):
        assert_allclose(ci(es.d_from_t(ours.estimate * math.sqrt(7), 7)), mote, rtol=1e-6)
        assert not np.allclose(ci(ours), mote, rtol=1e-3)


def test_paired_raw_equals_from_stats_and_becker():
    x, y = RNG.normal(1, 1.3, 15), RNG.normal(0, 1, 15)
    r = float(np.corrcoef(x, y)[0, 1])
    for standardizer in ("z", "av", "av_rms", "rm", "pre"):
        raw = es.paired_d(x, y, standardizer=standardizer, correction="exact")
        summ = es.paired_d_from_stats(x.mean(), x.std(ddof=1), y.mean(), y.std(ddof=1), 15, r,
                                      standardizer=standardizer, correction="exact")
        assert_allclose([summ.estimate, *ci(summ)], [raw.estimate, *ci(raw)], rtol=1e-9)
        assert raw.ci_low < raw.estimate / raw.extra["j"] < raw.ci_high
    pre = es.paired_d(x, y, standardizer="pre")  # Becker (1988): post minus pre over the pre SD
    assert_allclose(pre.estimate, (x - y).mean() / y.std(ddof=1), rtol=1e-12)
    assert_allclose(es.paired_d(x, y).extra["t"], stats.ttest_rel(x, y).statistic, rtol=1e-12)


def test_paired_missing_pairs_dropped():
    x = [1.0, 2.0, np.nan, 4.0, 5.0, 7.0]
    y = [1.5, np.nan, 2.0, 3.0, 3.5, 6.0]
    res = es.paired_d(x, y, standardizer="av")
    ref = es.paired_d([1, 4, 5, 7], [1.5, 3, 3.5, 6], standardizer="av")
    assert (res.n, res.extra["n_dropped"]) == (4, 2)
    assert_allclose(res.estimate, ref.estimate, rtol=1e-12)
    with pytest.raises(ValueError, match="nan_policy='raise'"):
        es.paired_d(x, y, nan_policy="raise")


def test_paired_interval_coverage_is_near_nominal():
    # Algina & Keselman's approximate interval for d_av: a quick simulation (r = 0.6, n = 15).
    rng = np.random.default_rng(7)
    cov = np.array([[1.0, 0.6 * 1.5], [0.6 * 1.5, 2.25]])
    delta = 0.5 / math.sqrt((1 + 2.25) / 2)
    hits = 0
    for _ in range(200):
        xy = rng.multivariate_normal([0.5, 0.0], cov, size=15)
        res = es.paired_d(xy[:, 0], xy[:, 1], standardizer="av_rms")
        hits += res.ci_low <= delta <= res.ci_high
    assert 0.88 <= hits / 200 <= 0.99


# ---------------------------------------------------------------------------------------------
# d_from_t
# ---------------------------------------------------------------------------------------------

def test_d_from_t_published(pg):
    # Lakens (2013): t(9) = 4.74 with 10 pairs -> d_z = 1.50; t(18) = 2.52 with 10 + 10 -> d_s = 1.13.
    assert_allclose(es.d_from_t(4.7434, 10).estimate, 1.50, **TWO_DECIMALS)
    assert_allclose(es.d_from_t(2.5175, 10, 10).estimate, 1.13, **TWO_DECIMALS)
    # pingouin docstring: compute_effsize_from_t(2.90, nx=35, ny=25) = 0.7593982580212534.
    assert_allclose(es.d_from_t(2.90, 35, 25).estimate, 0.7593982580212534, rtol=1e-12)
    assert_allclose(es.d_from_t(2.90, 35, 25).estimate,
                    pg.compute_effsize_from_t(2.90, nx=35, ny=25, eftype="cohen"), rtol=1e-12)


def test_d_from_t_equals_raw_data_interval():
    x, y = RNG.normal(0.4, 1, 9), RNG.normal(0, 1, 12)
    t = stats.ttest_ind(x, y).statistic
    from_t, raw = es.d_from_t(t, 9, 12), es.cohens_d(x, y)
    assert_allclose([from_t.estimate, *ci(from_t)], [raw.estimate, *ci(raw)], rtol=1e-10)
    assert (from_t.n1, from_t.n2, from_t.df, from_t.method) == (9, 12, 19.0, "d_from_t_two_sample")
    one = es.d_from_t(-2.0, 16)
    assert (one.n, one.df, one.method) == (16, 15.0, "d_from_t_one_sample") and one.estimate == -0.5


# ---------------------------------------------------------------------------------------------
# rank_biserial / cles
# ---------------------------------------------------------------------------------------------

def test_rank_biserial_effectsize_published():
    # R effectsize test-rankES.R: rank_biserial(x, y, paired = TRUE) = 0.777 [0.2953631, 0.9441559];
    # rank_biserial(A, B) = 0.6071429. (0.777 is 7/9 truncated; effectsize checks it at tolerance 0.01.)
    res = es.rank_biserial(DEPRESSION_X, DEPRESSION_Y, paired=True)
    assert_allclose(res.estimate, 0.777, rtol=2e-3)
    assert res.estimate == 7 / 9
    assert_allclose(ci(res), [0.2953631, 0.9441559], rtol=1e-6)
    assert (res.method, res.n, res.extra["n_nonzero"]) == ("rank_biserial_paired", 9, 9)
    ind = es.rank_biserial([48, 48, 77, 86, 85, 85, 16], [14, 34, 34, 77])
    assert_allclose(ind.estimate, 0.6071429, rtol=1e-6)
    assert (ind.method, ind.n1, ind.n2) == ("rank_biserial_independent", 7, 4)


def test_rank_biserial_pingouin_docstrings(pg):
    # pingouin mwu docstring (np.random.seed(123) uniform data): RBC = -0.515.
    np.random.seed(123)
    x = np.random.uniform(low=0, high=1, size=20)
    y = np.random.uniform(low=0.2, high=1.2, size=20)
    assert_allclose(es.rank_biserial(x, y).estimate, -0.515, **THREE_DECIMALS)
    assert_allclose(es.rank_biserial(x, y).estimate, pg.mwu(x, y)["RBC"].iloc[0], rtol=1e-12)
    # pingouin wilcoxon docstring: RBC = -0.378788 (one zero difference dropped).
    x = [20, 22, 19, 20, 22, 18, 24, 20, 19, 24, 26, 13]
    y = [38, 37, 33, 29, 14, 12, 20, 22, 17, 25, 26, 16]
    res = es.rank_biserial(x, y, paired=True)
    assert_allclose(res.estimate, -0.378788, rtol=1e-6)
    assert (res.n, res.extra["n_nonzero"]) == (12, 11)


def test_rank_biserial_against_scipy():
    x, y = RNG.integers(0, 7, 25).astype(float), RNG.integers(1, 8, 18).astype(float)  # many ties
    u = stats.mannwhitneyu(x, y).statistic
    assert_allclose(es.rank_biserial(x, y).estimate, 2 * u / (25 * 18) - 1, rtol=1e-12)
    a, b = RNG.normal(0.3, 1, 30).round(1), RNG.normal(0, 1, 30).round(1)
    d = (a - b)[(a - b) != 0]
    r_plus = stats.wilcoxon(a, b, alternative="greater", zero_method="wilcox").statistic
    total = d.size * (d.size + 1) / 2
    assert_allclose(es.rank_biserial(a, b, paired=True).estimate, (2 * r_plus - total) / total, rtol=1e-12)


def test_rank_biserial_separation_and_zero_differences():
    sep = es.rank_biserial([5, 6, 7], [1, 2, 3])
    assert sep.estimate == 1.0 and math.isnan(sep.ci_low) and math.isnan(sep.ci_high)
    with pytest.raises(ValueError, match="all 4 paired differences are zero"):
        es.rank_biserial([1, 2, 3, 4], [1, 2, 3, 4], paired=True)
    with pytest.raises(ValueError, match="same length, got 3 and 2"):
        es.rank_biserial([1, 2, 3], [1, 2], paired=True)


def test_cles_published_and_hand(pg):
    # pingouin docstring: compute_effsize(x, y, eftype="cles") = 0.2857142857142857;
    # reversed, 0.7142857142857143.
    x, y = [1, 2, 3, 4, 5, 6, 7], [1, 3, 5, 7, 9, 11, 13]
    assert_allclose(es.cles(x, y).estimate, 0.2857142857142857, rtol=1e-12)
    assert_allclose(es.cles(y, x).estimate, 0.7142857142857143, rtol=1e-12)
    a, b = RNG.integers(0, 5, 13), RNG.integers(0, 6, 17)
    by_hand = sum((ai > bj) + 0.5 * (ai == bj) for ai in a for bj in b) / (13 * 17)
    res = es.cles(a, b)
    assert_allclose(res.estimate, by_hand, rtol=1e-12)
    assert_allclose(res.estimate, pg.compute_effsize(a, b, eftype="CLES"), rtol=1e-12)
    assert_allclose(res.estimate, stats.mannwhitneyu(a, b).statistic / (13 * 17), rtol=1e-12)
    delta = es.rank_biserial(a, b)
    assert_allclose([res.estimate, *ci(res)], (1 + np.array([delta.estimate, *ci(delta)])) / 2, rtol=1e-12)


def test_cles_lakens_two_groups():
    # Lakens (2013): CL = 0.79 (McGraw & Wong's normal-theory value); the distribution-free CL agrees.
    assert_allclose(es.cles(MOVIE_1, MOVIE_2).estimate, 0.79, **TWO_DECIMALS)
    d = es.cohens_d(MOVIE_1, MOVIE_2)
    assert_allclose(es.convert_d(d, to="cles_normal").estimate, 0.79, **TWO_DECIMALS)


# ---------------------------------------------------------------------------------------------
# convert_d / d_from_r
# ---------------------------------------------------------------------------------------------

def test_convert_d_published(pg):
    # Cohen (1988), Table 2.2.1: d = 0.5 -> r = .243. Lee Becker's ES notes: d = 2.05 -> r = .72.
    assert_allclose(es.convert_d(0.5, to="r").estimate, 0.243, **THREE_DECIMALS)
    assert_allclose(es.convert_d(2.05, to="r").estimate, 0.72, **TWO_DECIMALS)
    # pingouin docstring: convert_effsize(0.45, "cohen", "eta_square") = 0.048185603807257595.
    assert_allclose(es.convert_d(0.45, to="eta2").estimate, 0.048185603807257595, rtol=1e-12)
    # Borenstein et al. (2009), ch. 7: d = 0.5000 -> log odds ratio 0.9069.
    assert_allclose(math.log(es.convert_d(0.5, to="odds_ratio").estimate), 0.9069, **FOUR_DECIMALS)
    assert_allclose(es.convert_d(0.8, to="odds_ratio").estimate,
                    pg.convert_effsize(0.8, "cohen", "odds_ratio"), rtol=1e-12)


def test_convert_d_sample_relation_lakens_and_scipy():
    # Lakens (2013), eq. 19: d_s = 1.13 with 10 + 10 -> r_pb = 0.51, and r^2 = eta_p^2 = 0.26.
    d = es.cohens_d(MOVIE_1, MOVIE_2)
    r = es.convert_d(d, to="r", n1=10, n2=10)
    assert_allclose(r.estimate, 0.51, **TWO_DECIMALS)
    assert_allclose(es.convert_d(d, to="eta2", n1=10, n2=10).estimate, 0.26, **TWO_DECIMALS)
    # ... which is exactly the point-biserial correlation of the data (scipy).
    group = np.r_[np.ones(10), np.zeros(10)]
    assert_allclose(r.estimate, stats.pointbiserialr(group, MOVIE_1 + MOVIE_2).statistic, rtol=1e-12)
    assert_allclose(es.convert_d(d, to="r").estimate, 0.49, **TWO_DECIMALS)  # equal-n large-sample formula
    assert_allclose(es.d_from_r(r.estimate, n1=10, n2=10).estimate, d.estimate, rtol=1e-12)


def test_convert_d_carries_the_interval():
    d = es.cohens_d(MOVIE_1, MOVIE_2)
    r = es.convert_d(d, to="r")
    assert_allclose(ci(r), [v / math.sqrt(v * v + 4) for v in ci(d)], rtol=1e-12)
    assert (r.n1, r.n2, r.df, r.confidence_level, r.extra["converted_from"]) == (10, 10, 18.0, 0.95,
                                                                                  "cohens_d_pooled")
    spanning = es.convert_d(es.cohens_d([1, 2, 3, 4], [1.5, 2, 3, 3.5]), to="eta2")
    assert spanning.ci_low == 0.0 and spanning.ci_high > spanning.estimate
    bare = es.convert_d(0.5, to="odds_ratio")
    assert math.isnan(bare.ci_low) and bare.method == "odds_ratio_from_d"
    back = es.d_from_r(r)
    assert_allclose([back.estimate, *ci(back)], [d.estimate, *ci(d)], rtol=1e-12)
    assert_allclose(es.d_from_r(0.243).estimate, 0.5, **TWO_DECIMALS)


# ---------------------------------------------------------------------------------------------
# Validation at the edge
# ---------------------------------------------------------------------------------------------

TWO_SAMPLE = [es.cohens_d, es.hedges_g, es.glass_delta]
ALL_DATA = TWO_SAMPLE + [es.paired_d, es.rank_biserial, es.cles]


@pytest.mark.parametrize("func", TWO_SAMPLE + [es.paired_d])
@pytest.mark.parametrize("x, y, match", [
    ([1.0], [2.0], "needs at least 2"),
    ([np.nan, np.nan, np.nan], [1.0, 2.0, 3.0], "needs at least 2"),
    ([1.0, 1.0, 1.0], [2.0, 2.0, 2.0], "zero variance"),
    ([1.0, np.inf, 3.0], [1.0, 2.0, 3.0], "x contains 1 infinite value"),
    ([[1.0, 2.0], [3.0, 4.0]], [1.0, 2.0], "x must be one-dimensional"),
])
def test_bad_data_raises_naming_the_argument(func, x, y, match):
    with pytest.raises(ValueError, match=match):
        func(x, y)


@pytest.mark.parametrize("func", ALL_DATA)
@pytest.mark.parametrize("bad", [["a", "b", "c"], "123", 5.0, [1, "2", 3]])
def test_non_numeric_data_is_a_type_error(func, bad):
    with pytest.raises(TypeError, match="x must"):
        func(bad, [1.0, 2.0, 3.0])


@pytest.mark.parametrize("func", ALL_DATA)
@pytest.mark.parametrize("level", [0, 1, 1.5, -0.1, True, "0.95", float("nan")])
def test_confidence_level_checked(func, level):
    with pytest.raises(ValueError, match="confidence_level must be a number strictly between 0 and 1"):
        func([1.0, 2.0, 4.0], [0.0, 1.5, 2.0], confidence_level=level)


@pytest.mark.parametrize("call, match", [
    (lambda: es.cohens_d([1, 2, 3], [2, 3, 5], pooled="yes"), "pooled must be one of"),
    (lambda: es.hedges_g([1, 2, 3], [2, 3, 5], correction="hedges"), "correction must be one of"),
    (lambda: es.hedges_g([1, 2, 3], [2, 3, 5], ci_method="bootstrap"), "ci_method must be one of"),
    (lambda: es.paired_d([1, 2, 3], [2, 3, 5], standardizer="avg"), "standardizer must be one of"),
    (lambda: es.paired_d([1, 2, 3], [2, 3, 5], nan_policy="propagate"), "nan_policy must be one of"),
    (lambda: es.paired_d([1, 2], [2, 4], correction="approx"), "at least 2 degrees of freedom"),
    (lambda: es.paired_d([1, 2, 3], [1, 2, 3, 4]), "same length, got 3 and 4"),
    (lambda: es.paired_d([1, 2, 3], [2, 3, 4]), "paired differences have zero variance"),
    (lambda: es.paired_d([1, 1, 1], [2, 3, 5], standardizer="rm"), "needs the correlation"),
    (lambda: es.paired_d([1, 2, 3], [2, 2, 2], standardizer="pre"), "standardizer='pre' is zero"),
    (lambda: es.rank_biserial([1, 2], [3, 4], paired="yes"), "paired must be one of"),
    (lambda: es.cles([np.nan], [1, 2]), "x needs at least 1"),
    (lambda: es.convert_d(0.5, to="f"), "to must be one of"),
    (lambda: es.convert_d(float("nan"), to="r"), "d must be a finite number"),
    (lambda: es.convert_d(0.5, to="r", n1=10), "both n1 and n2"),
    (lambda: es.convert_d(0.5, to="odds_ratio", n1=10, n2=10), "apply to to='r'"),
    (lambda: es.d_from_r(1.0), "strictly between -1 and 1"),
    (lambda: es.d_from_r(1.5), "must lie in"),
    (lambda: es.d_from_t(2.0, 1), "n1 must be a whole number of at least 2"),
    (lambda: es.d_from_t(2.0, 1, 1), "at least 3"),
    (lambda: es.d_from_t(2.0, 10.5), "n1 must be a whole number"),
    (lambda: es.d_from_t(float("inf"), 10), "t must be a finite number"),
])
def test_bad_options_raise(call, match):
    with pytest.raises(ValueError, match=match):
        call()


@pytest.mark.parametrize("kwargs, match", [
    (dict(sd1=0), "sd1 must be greater than 0"),
    (dict(sd2=-1), "sd2 must be greater than 0"),
    (dict(n1=1), "n1 must be a whole number of at least 2"),
    (dict(n2=3.5), "n2 must be a whole number"),
    (dict(n2=True), "n2 must be a whole number"),
    (dict(mean1=float("nan")), "mean1 must be a finite number"),
])
@pytest.mark.parametrize("func", [es.cohens_d_from_stats, es.hedges_g_from_stats])
def test_from_stats_validation(func, kwargs, match):
    args = dict(mean1=1.0, sd1=1.0, n1=10, mean2=0.0, sd2=1.0, n2=10) | kwargs
    with pytest.raises(ValueError, match=match):
        func(**args)


@pytest.mark.parametrize("kwargs, match", [
    (dict(r=1.5), "r must be a correlation between -1 and 1"),
    (dict(r=float("nan")), "r must be a finite number"),
    (dict(n=1), "n must be a whole number of at least 2"),
    (dict(r=1.0), "zero variance"),  # equal SDs, r = 1: the differences are constant
    (dict(sd1=0.0), "sd1 must be greater than 0"),
    (dict(sd1=2.0, r=1.0, standardizer="rm"), "undefined when x and y correlate perfectly"),
])
def test_paired_from_stats_validation(kwargs, match):
    args = dict(mean1=1.0, sd1=1.0, mean2=0.0, sd2=1.0, n=10, r=0.5) | kwargs
    with pytest.raises(ValueError, match=match):
        es.paired_d_from_stats(**args)


def test_options_are_keyword_only():
    for name in es.__all__:
        func = getattr(es, name)
        params = inspect.signature(func).parameters.values()
        options = [p.name for p in params if p.default is not inspect.Parameter.empty
                   and p.name not in ("n2",)]  # d_from_t's optional second size is data
        kinds = {p.name: p.kind for p in params}
        assert all(kinds[o] is inspect.Parameter.KEYWORD_ONLY for o in options), name
    with pytest.raises(TypeError):
        es.cohens_d([1, 2, 3], [2, 3, 4], False)


def test_every_public_function_documents_its_sections():
    for name in es.__all__:
        doc = inspect.getdoc(getattr(es, name))
        for section in ("Parameters", "Returns", "Notes", "References", "Examples"):
            assert f"\n{section}\n" in doc, (name, section)
        assert "doi.org" in doc, name
        for param in inspect.signature(getattr(es, name)).parameters:
            assert param in doc.split("Returns")[0], (name, param)


def test_results_are_estimates_with_plain_floats():
    results = [es.cohens_d(MOVIE_1, MOVIE_2), es.hedges_g(MOVIE_1, MOVIE_2), es.glass_delta(MOVIE_1, MOVIE_2),
               es.paired_d(MOVIE_1, MOVIE_2), es.rank_biserial(MOVIE_1, MOVIE_2), es.cles(MOVIE_1, MOVIE_2),
               es.d_from_t(2.5, 10, 10), es.convert_d(0.5, to="r")]
    for res in results:
        assert isinstance(res, Estimate)
        assert type(res.estimate) is float and type(res.ci_low) is float
        row = res.to_dict()
        assert row["method"] == res.method and "extra" not in row
