"""Cronbach's alpha (Feldt interval) and McDonald's omega against published and independent values.

Reference values and where they come from:

* pingouin 0.5+ ``cronbach_alpha`` docstring (values checked there against R psych ``alpha``):
  ``pg.cronbach_alpha(data=pg.read_dataset("cronbach_alpha"), items="Items", scores="Scores",
  subject="Subj")`` -> ``(0.5917188485995826, array([0.195, 0.84]))``; on
  ``cronbach_wide_missing``: pairwise ``(0.732660835214447, [0.435, 0.909])``, listwise
  ``(0.8016949152542373, [0.581, 0.933])``. pingouin rounds the interval to 3 decimals and uses
  the number of rows as n; we use the n analysed (see ``cronbach_alpha`` Notes).
* Feldt interval: Chris Evans' R function ``feldt1.return(0.913, 873, 20, 0.95)`` prints
  ``0.9044024`` and ``0.9211588`` (MRC CBU statistics wiki, "FAQ/cafun").
* Alpha = Hoyt's (1941) ANOVA reliability 1 - MS_residual / MS_persons, computed here with numpy.
* R ``factanal`` one-factor fit of the AR(1) correlation matrix r = 0.4, p = 4, quoted in
  statsmodels' ``multivariate/tests/test_ml_factor.py``::

      cm = 0.4^abs(outer(0:3, 0:3, "-")); fa = factanal(covmat = cm, factors = 1); print(fa, digits = 10)
      # loadings 0.4009399224 0.6464550935 0.6464550935 0.4009399224
      # uniquenesses 0.8392472054 0.5820958187 0.5820958187 0.8392472054

  That symmetric point is a saddle of the likelihood: statsmodels and an independent scipy fit
  find a higher likelihood with the same omega to 3 decimals (0.60667 vs R's 0.60687).
* Closed forms: compound symmetry (all r equal) gives omega = k r / (1 + (k-1) r), the
  Spearman-Brown value; three items give Spearman's triads lambda_1^2 = r12 r13 / r23.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose
from scipy.optimize import minimize

from evalkit.analyze._result import Estimate
from evalkit.analyze.reliability import _feldt_interval, cronbach_alpha, mcdonald_omega, reliability_table
from evalkit.config import Codebook
from evalkit.errors import SmallSampleWarning

pg = pytest.importorskip("pingouin")  # GPL-3: an independent check in tests only


def exact_corr_data(corr: np.ndarray, n: int, seed: int = 0) -> pd.DataFrame:
    """Data whose sample correlation matrix is exactly ``corr``."""
    rng = np.random.default_rng(seed)
    z = rng.standard_normal((n, corr.shape[0]))
    z -= z.mean(axis=0)
    z = z @ np.linalg.inv(np.linalg.cholesky(np.cov(z, rowvar=False))).T  # sample covariance = I
    x = z @ np.linalg.cholesky(corr).T
    return pd.DataFrame(x, columns=[f"x{j + 1}" for j in range(corr.shape[0])])


def congeneric(loadings, n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    f = rng.standard_normal(n)
    lam = np.asarray(loadings)
    e = rng.standard_normal((n, lam.size)) * np.sqrt(1 - lam**2)
    return pd.DataFrame(f[:, None] * lam + e, columns=[f"x{j + 1}" for j in range(lam.size)])


def omega_scipy_ml(corr: np.ndarray) -> float:
    """Independent one-factor ML fit (scipy BFGS on the ML discrepancy) -> omega total."""
    k = corr.shape[0]

    def discrepancy(par):
        lam, psi = par[:k], np.exp(par[k:])
        sigma = np.outer(lam, lam) + np.diag(psi)
        return np.linalg.slogdet(sigma)[1] + np.trace(np.linalg.solve(sigma, corr))

    res = minimize(discrepancy, np.r_[np.full(k, 0.6), np.log(np.full(k, 0.5))], method="BFGS",
                   options={"gtol": 1e-10})
    lam, psi = res.x[:k], np.exp(res.x[k:])
    return lam.sum() ** 2 / (lam.sum() ** 2 + psi.sum())


def hoyt_alpha(x: np.ndarray) -> float:
    """Hoyt (1941): persons × items ANOVA without interaction, 1 - MS_residual / MS_persons."""
    n, k = x.shape
    grand = x.mean()
    ss_p = k * ((x.mean(axis=1) - grand) ** 2).sum()
    ss_i = n * ((x.mean(axis=0) - grand) ** 2).sum()
    ss_res = ((x - grand) ** 2).sum() - ss_p - ss_i
    return 1 - (ss_res / ((n - 1) * (k - 1))) / (ss_p / (n - 1))


# ---------------------------------------------------------------- cronbach_alpha: published values


def test_alpha_pingouin_documented_likert_example():
    data = pg.read_dataset("cronbach_alpha")
    wide = data.pivot(index="Subj", columns="Items", values="Scores")
    res = cronbach_alpha(wide)
    assert isinstance(res, Estimate) and res.method == "cronbach_alpha_feldt"
    assert_allclose(res.estimate, 0.5917188485995826, rtol=1e-12)  # pingouin docstring
    assert_allclose([res.ci_low, res.ci_high], [0.195, 0.84], atol=5e-4)  # printed to 3 decimals
    assert (res.n, res.extra["k"], res.extra["df1"], res.extra["df2"]) == (15, 10, 14, 126)
    # And against running pingouin itself (complete data: same n, same interval).
    ref_alpha, ref_ci = pg.cronbach_alpha(data=data, items="Items", scores="Scores", subject="Subj")
    assert_allclose(res.estimate, ref_alpha, rtol=1e-12)
    assert_allclose([res.ci_low, res.ci_high], ref_ci, atol=5e-4)


def test_alpha_pingouin_missing_pairwise_same_alpha_and_our_n():
    data = pg.read_dataset("cronbach_wide_missing")  # 12 rows, 11 binary items, 4 missing cells
    res = cronbach_alpha(data)
    assert_allclose(res.estimate, 0.732660835214447, rtol=1e-12)  # pingouin docstring
    assert (res.extra["n_rows"], res.extra["n_complete"], res.extra["n_min_pairwise"]) == (12, 9, 10)
    assert res.n == 10  # smallest pairwise n
    # pingouin's interval [0.435, 0.909] is Feldt with n = 12 rows ...
    assert_allclose(_feldt_interval(res.estimate, 12, 11, 0.95), [0.435, 0.909], atol=5e-4)
    # ... ours is Feldt with the n analysed, hence wider.
    assert_allclose([res.ci_low, res.ci_high], _feldt_interval(res.estimate, 10, 11, 0.95), rtol=1e-12)
    assert res.ci_low < 0.435 and res.ci_high > 0.909


def test_alpha_pingouin_missing_listwise_uses_complete_cases():
    data = pg.read_dataset("cronbach_wide_missing")
    res = cronbach_alpha(data, missing="listwise")
    assert_allclose(res.estimate, 0.8016949152542373, rtol=1e-12)  # pingouin docstring
    assert res.n == 9 and res.extra["missing"] == "listwise"
    # pingouin's [0.581, 0.933] keeps n = 12 rows after dropping 3 of them; ours uses the 9 analysed.
    assert_allclose(_feldt_interval(res.estimate, 12, 11, 0.95), [0.581, 0.933], atol=5e-4)
    assert_allclose([res.ci_low, res.ci_high], _feldt_interval(res.estimate, 9, 11, 0.95), rtol=1e-12)
    ref_alpha, _ = pg.cronbach_alpha(data=data, nan_policy="listwise")
    assert_allclose(res.estimate, ref_alpha, rtol=1e-12)


def test_feldt_interval_matches_evans_published_values():
    # feldt1.return(0.913, 873, 20, 0.95) -> 0.9044024 0.9211588
    assert_allclose(_feldt_interval(0.913, 873, 20, 0.95), [0.9044024, 0.9211588], atol=5e-8)


def test_feldt_interval_nan_when_undefined():
    assert all(math.isnan(v) for v in _feldt_interval(float("nan"), 50, 5, 0.95))
    assert all(math.isnan(v) for v in _feldt_interval(0.8, 1, 5, 0.95))


# ---------------------------------------------------------------- cronbach_alpha: independent checks


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_alpha_equals_hoyt_anova_and_total_variance_form(seed):
    rng = np.random.default_rng(seed)
    x = np.clip(np.round(3 + rng.normal(size=(40, 1)) + rng.normal(size=(40, 6))), 1, 5)
    res = cronbach_alpha(pd.DataFrame(x))
    assert_allclose(res.estimate, hoyt_alpha(x), rtol=1e-12)
    k = x.shape[1]
    by_total = k / (k - 1) * (1 - x.var(axis=0, ddof=1).sum() / x.sum(axis=1).var(ddof=1))
    assert_allclose(res.estimate, by_total, rtol=1e-12)


def test_alpha_pairwise_equals_listwise_without_missing_and_ndarray_input():
    x = congeneric([0.7, 0.6, 0.5, 0.6], 120, seed=4).to_numpy()
    a = cronbach_alpha(pd.DataFrame(x))
    b = cronbach_alpha(pd.DataFrame(x), missing="listwise")
    c = cronbach_alpha(x)
    assert a.to_dict() | {"missing": None} == b.to_dict() | {"missing": None}
    assert a.to_dict() == c.to_dict()
    assert a.n == 120 and a.extra["flag_few_items"] is False


def test_alpha_confidence_level_and_few_items_flag():
    x = congeneric([0.7, 0.6], 80, seed=5)
    a90 = cronbach_alpha(x, confidence_level=0.90)
    a99 = cronbach_alpha(x, confidence_level=0.99)
    assert a99.ci_low < a90.ci_low < a90.estimate < a90.ci_high < a99.ci_high
    assert a90.extra["flag_few_items"] is True and a90.confidence_level == 0.9


def test_alpha_rows_without_any_answer_are_dropped():
    x = congeneric([0.7, 0.6, 0.5], 50, seed=6)
    padded = pd.concat([x, pd.DataFrame(np.nan, index=range(100, 110), columns=x.columns)])
    assert cronbach_alpha(padded).to_dict() == cronbach_alpha(x).to_dict()


@pytest.mark.parametrize(
    ("data", "reason", "warns"),
    [
        (pd.DataFrame({"a": [1.0], "b": [2.0], "c": [3.0]}), "too_few_cases", True),
        (pd.DataFrame({"a": [np.nan, np.nan], "b": [np.nan, np.nan]}), "too_few_cases", True),
        (pd.DataFrame({"a": [1.0, 2, np.nan, np.nan], "b": [np.nan, np.nan, 1, 2]}), "too_few_cases", True),
        (pd.DataFrame({"a": [3.0, 3, 3], "b": [2.0, 2, 2]}), "zero_total_variance", False),
    ],
    ids=["one_row", "all_missing", "pair_never_observed", "zero_variance"],
)
def test_alpha_undefined_cases_are_nan_with_reason(data, reason, warns):
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        res = cronbach_alpha(data)
    assert math.isnan(res.estimate) and math.isnan(res.ci_low) and math.isnan(res.ci_high)
    assert res.extra["reason"] == reason
    assert any(issubclass(w.category, SmallSampleWarning) for w in rec) == warns


@pytest.mark.parametrize(
    ("items", "kwargs", "exc", "match"),
    [
        (pd.DataFrame({"a": [1, 2, 3]}), {}, ValueError,
         "cronbach_alpha\\(\\): alpha needs at least 2 items, got 1"),
        ([[1, 2], [3, 4]], {}, TypeError, "items must be a pandas DataFrame, got list"),
        (np.ones(4), {}, ValueError, "items must be 2-D"),
        (pd.DataFrame({"a": ["x", "y"], "b": [1, 2]}), {}, TypeError, "columns \\['a'\\] must be numeric"),
        (pd.DataFrame({"a": [1, 2], "b": [1, 2]}), {"missing": "drop"}, ValueError,
         "missing must be one of \\['pairwise', 'listwise'\\], got 'drop'"),
        (pd.DataFrame({"a": [1, 2], "b": [1, 2]}), {"confidence_level": 1.5}, ValueError, "confidence_level"),
    ],
)
def test_alpha_validates_arguments(items, kwargs, exc, match):
    with pytest.raises(exc, match=match):
        cronbach_alpha(items, **kwargs)


# ---------------------------------------------------------------- mcdonald_omega


@pytest.mark.parametrize(("k", "r"), [(4, 0.3), (6, 0.5), (10, 0.2)])
def test_omega_compound_symmetry_is_spearman_brown(k, r):
    corr = np.full((k, k), r)
    np.fill_diagonal(corr, 1)
    x = exact_corr_data(corr, 200, seed=k)
    res = mcdonald_omega(x)
    assert res.extra["reason"] is None
    assert_allclose(res.estimate, k * r / (1 + (k - 1) * r), rtol=1e-6)
    assert_allclose(list(res.extra["loadings"].values()), [math.sqrt(r)] * k, rtol=1e-5)
    # Tau-equivalent standardized items: omega equals alpha.
    assert_allclose(res.estimate, cronbach_alpha(x).estimate, rtol=1e-6)


def test_omega_three_items_spearman_triads():
    r12, r13, r23 = 0.56, 0.48, 0.42
    corr = np.array([[1, r12, r13], [r12, 1, r23], [r13, r23, 1]])
    lam = np.sqrt([r12 * r13 / r23, r12 * r23 / r13, r13 * r23 / r12])  # 0.8, 0.7, 0.6
    expected = lam.sum() ** 2 / (lam.sum() ** 2 + (1 - lam**2).sum())
    res = mcdonald_omega(exact_corr_data(corr, 150, seed=1))
    assert_allclose(list(res.extra["loadings"].values()), lam, rtol=1e-5)
    assert_allclose(res.estimate, expected, rtol=1e-6)


def test_omega_matches_r_factanal_and_independent_scipy_fit():
    ii = np.arange(4)
    corr = 0.4 ** np.abs(np.subtract.outer(ii, ii))
    res = mcdonald_omega(exact_corr_data(corr, 300, seed=2))
    lam_r = np.array([0.4009399224, 0.6464550935, 0.6464550935, 0.4009399224])
    psi_r = np.array([0.8392472054, 0.5820958187, 0.5820958187, 0.8392472054])
    omega_r = lam_r.sum() ** 2 / (lam_r.sum() ** 2 + psi_r.sum())  # 0.606866
    assert_allclose(res.estimate, omega_r, rtol=1e-3)
    assert_allclose(res.estimate, omega_scipy_ml(corr), rtol=1e-6)


@pytest.mark.parametrize("seed", [10, 11])
def test_omega_scipy_agreement_on_sampled_data(seed):
    x = congeneric([0.8, 0.7, 0.6, 0.5, 0.4], 400, seed=seed)
    assert_allclose(mcdonald_omega(x).estimate, omega_scipy_ml(x.corr().to_numpy()), rtol=1e-6)


def test_omega_recovers_population_value_and_exceeds_alpha_for_congeneric_items():
    lam = np.array([0.85, 0.75, 0.6, 0.45, 0.3])
    population = lam.sum() ** 2 / (lam.sum() ** 2 + (1 - lam**2).sum())  # 0.7637
    x = congeneric(lam, 20000, seed=3)
    res = mcdonald_omega(x)
    assert abs(res.estimate - population) < 0.01  # SE of omega at n = 20000 is about 0.002
    assert_allclose(sorted(res.extra["loadings"].values(), reverse=True), lam, atol=0.03)
    # Unequal loadings: omega > alpha (alpha is a lower bound for congeneric items).
    assert res.estimate > cronbach_alpha(x).estimate + 0.005


def test_omega_invariant_to_reflecting_all_items_and_scaling():
    x = congeneric([0.8, 0.7, 0.6, 0.5], 300, seed=8)
    a = mcdonald_omega(x).estimate
    assert_allclose(mcdonald_omega(-x).estimate, a, rtol=1e-6)
    assert_allclose(mcdonald_omega(x * [1, 10, 0.5, 3] + 7).estimate, a, rtol=1e-6)


def test_omega_listwise_and_pairwise_n():
    x = congeneric([0.8, 0.7, 0.6, 0.5], 200, seed=9)
    x.iloc[:10, 0] = np.nan
    x.iloc[5:25, 1] = np.nan
    p = mcdonald_omega(x)
    lw = mcdonald_omega(x, missing="listwise")
    assert p.n == 200 - 25 and lw.n == 200 - 25  # rows 0-24 lack x1 or x2
    assert_allclose(lw.estimate, mcdonald_omega(x.dropna()).estimate, rtol=1e-9)
    assert p.extra["missing"] == "pairwise" and abs(p.estimate - lw.estimate) < 0.05


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (congeneric([0.8, 0.7], 100, seed=1), "too_few_items"),
        (exact_corr_data(np.array([[1, 0.8, 0.8], [0.8, 1, 0.5], [0.8, 0.5, 1]]), 200), "heywood"),
        (congeneric([0.8, 0.7, 0.6], 100, seed=1).assign(x3=4.0), "zero_variance"),
        (congeneric([0.8, 0.7, 0.6, 0.5, 0.4], 4, seed=1), "not_positive_definite"),
        (congeneric([0.8, 0.7, 0.6], 2, seed=1), "too_few_cases"),
    ],
    ids=["two_items", "heywood", "constant_item", "more_items_than_cases", "two_cases"],
)
def test_omega_cannot_be_fitted_is_nan_with_reason(data, reason):
    res = mcdonald_omega(data)
    assert math.isnan(res.estimate) and res.extra["reason"] == reason
    assert math.isnan(res.ci_low) and math.isnan(res.ci_high)
    assert res.method == "omega_total_ml_1factor_standardized"


def test_omega_validates_arguments():
    with pytest.raises(ValueError, match="mcdonald_omega\\(\\): missing must be one of"):
        mcdonald_omega(congeneric([0.8, 0.7, 0.6], 50, seed=1), missing="all")
    with pytest.raises(TypeError, match="mcdonald_omega\\(\\): items must be a pandas DataFrame"):
        mcdonald_omega({"a": [1, 2]})


# ---------------------------------------------------------------- reliability_table


@pytest.fixture(scope="module")
def cb() -> Codebook:
    return Codebook.model_validate({
        "response_scales": {"agree5": {"codes": {1: "SD", 2: "D", 3: "N", 4: "A", 5: "SA"},
                                       "favorable": [4, 5]}},
        "instruments": {"svy": {
            "title": "Survey",
            "items": {
                **{f"q{j}": {"text": "t", "scale": "agree5"} for j in range(1, 5)},
                "q5": {"text": "negatively worded", "scale": "agree5", "reverse": True},
                "p1": {"text": "t", "scale": "agree5"},
                "p2": {"text": "t", "scale": "agree5"},
                "solo": {"text": "t", "scale": "agree5"},
            },
            "scales": {
                "main": {"label": "Main", "items": ["q1", "q2", "q3", "q4", "q5"]},
                "pair": {"label": "Pair", "items": ["p1", "p2"]},
                "single": {"label": "One item", "items": ["solo"]},
            },
        }},
    })


@pytest.fixture(scope="module")
def survey() -> pd.DataFrame:
    rng = np.random.default_rng(21)
    n = 300
    trait = rng.standard_normal(n)

    def item(lam: float) -> np.ndarray:
        return np.clip(np.round(3 + 1.2 * (lam * trait + np.sqrt(1 - lam**2) * rng.standard_normal(n))), 1, 5)

    df = pd.DataFrame({f"q{j}": item(lam) for j, lam in zip(range(1, 5), [0.8, 0.7, 0.7, 0.6])})
    df["q5"] = 6 - item(0.7)  # negatively worded: stored unreversed
    df["p1"], df["p2"], df["solo"] = item(0.6), item(0.6), item(0.5)
    df.loc[rng.choice(n, 30, replace=False), "q2"] = np.nan
    df["wave"] = np.where(np.arange(n) < 140, "pre", "post")
    return df


def test_reliability_table_reverses_items_and_matches_the_coefficients(cb, survey):
    tab = reliability_table(survey, "svy", cb)
    assert list(tab.columns) == ["scale", "k", "n", "alpha", "alpha_ci_low", "alpha_ci_high", "omega",
                                 "omega_reason", "flag_few_items"]
    assert tab["scale"].tolist() == ["main", "pair", "single"]
    main = tab.set_index("scale").loc["main"]
    keyed = survey[["q1", "q2", "q3", "q4", "q5"]].assign(q5=6 - survey["q5"])
    a = cronbach_alpha(keyed)
    assert (main.k, main.n) == (5, a.n) and a.n == 270
    assert_allclose([main.alpha, main.alpha_ci_low, main.alpha_ci_high], [a.estimate, a.ci_low, a.ci_high],
                    rtol=1e-12)
    assert_allclose(main.omega, mcdonald_omega(keyed).estimate, rtol=1e-12)
    assert main.alpha > 0.7  # unreversed, q5 would pull alpha down:
    assert cronbach_alpha(survey[["q1", "q2", "q3", "q4", "q5"]]).estimate < main.alpha - 0.2
    pair = tab.set_index("scale").loc["pair"]
    assert pair.flag_few_items and np.isfinite(pair.alpha) and np.isnan(pair.omega)
    assert pair.omega_reason == "too_few_items"
    single = tab.set_index("scale").loc["single"]
    assert single.flag_few_items and np.isnan(single.alpha) and np.isnan(single.omega)


def test_reliability_table_by_wave(cb, survey):
    tab = reliability_table(survey, "svy", cb, by_wave="wave", scales=["main"])
    assert list(tab.columns)[:2] == ["wave", "scale"]
    assert tab["wave"].tolist() == ["post", "pre"]
    for wave, row in tab.set_index("wave").iterrows():
        sub = survey[survey["wave"] == wave]
        keyed = sub[["q1", "q2", "q3", "q4", "q5"]].assign(q5=6 - sub["q5"])
        assert_allclose(row.alpha, cronbach_alpha(keyed).estimate, rtol=1e-12)
    assert tab["n"].sum() == 270


def test_reliability_table_tiny_group_gives_nan_not_error(cb, survey):
    d = survey.copy()
    d.loc[d.index[0], "wave"] = "followup"  # one respondent
    tab = reliability_table(d, "svy", cb, by_wave="wave", scales=["main"]).set_index("wave")
    assert np.isnan(tab.loc["followup", "alpha"]) and tab.loc["followup", "omega_reason"] == "too_few_cases"


@pytest.mark.parametrize(
    ("kwargs", "exc", "match"),
    [
        ({"by_wave": "round"}, ValueError, "by_wave must name a column of data; 'round' is not one"),
        ({"scales": ["nope"]}, ValueError, "scales \\['nope'\\] are not scales"),
        ({"confidence_level": -1}, ValueError, "confidence_level"),
    ],
)
def test_reliability_table_validates_arguments(cb, survey, kwargs, exc, match):
    with pytest.raises(exc, match=match):
        reliability_table(survey, "svy", cb, **kwargs)


def test_reliability_table_rejects_uncleaned_codes(cb, survey):
    d = survey.assign(q3=survey["q3"].where(survey.index != 0, 99))
    with pytest.raises(ValueError, match="'q3' \\(1 value"):
        reliability_table(d, "svy", cb)


# ---------------------------------------------------------------- conventions (STYLE.md)


def test_public_api_conventions():
    import inspect

    from evalkit.analyze import reliability

    assert reliability.__all__ == ["cronbach_alpha", "mcdonald_omega", "reliability_table"]
    for name in reliability.__all__:
        func = getattr(reliability, name)
        params = inspect.signature(func).parameters.values()
        assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in params
                   if p.default is not inspect.Parameter.empty), name
        doc = inspect.getdoc(func)
        for section in ("Parameters", "Returns", "Raises", "See Also", "Notes", "References", "Examples"):
            assert f"\n{section}\n" in doc, (name, section)
        assert "doi.org" in doc, name
        for param in inspect.signature(func).parameters:
            assert param in doc.split("Returns")[0], (name, param)
    x = congeneric([0.8, 0.7, 0.6], 100, seed=1)
    for res in (cronbach_alpha(x), mcdonald_omega(x)):
        assert type(res.estimate) is float and type(res.n) is int
        assert type(res.ci_low) is float
        assert "extra" not in res.to_dict()
