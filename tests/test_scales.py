"""Scale scores, percent favorable (Wilson) and NPS against published and independent values.

Reference values and where they come from:

* Wilson score interval: statsmodels ``proportion_confint(method="wilson")`` as an independent
  implementation, on a grid and on the example proportions of Newcombe (1998), Statistics in
  Medicine 17:857-872 (method 3, "score method without continuity correction"). The paper's own
  printed limits were not available to check against (see the comment above that test).
* Design effect of a pooled scale share: the cluster-robust variance of an intercept-only OLS with
  respondents as clusters (statsmodels ``cov_type="cluster"``), an independent computation.
* NPS standard error: the closed form of Engelhardt (2016, cybaea.net, "Net Promoter Score
  confidence intervals 2: maths and stats"), Var = (p(1-p) + d(1-d) + 2pd)/n, whose 95 % interval
  for p = d = 1/3 is about 320/sqrt(n) wide; and numpy's standard deviation of the +1/0/-1 scores.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose
from statsmodels.stats.proportion import proportion_confint

import evalkit
from evalkit.analyze._result import Estimate
from evalkit.analyze.scales import (
    ScaleScores,
    _pooled_deff,
    _wilson,
    favorable_change,
    net_promoter_score,
    percent_favorable,
    reverse_items,
    score_scales,
)
from evalkit.config import Codebook, load_codebook

DEMO_CODEBOOK = Path(evalkit.__file__).parent / "demo" / "project" / "codebook.yml"


@pytest.fixture(scope="module")
def cb() -> Codebook:
    return Codebook.model_validate({
        "response_scales": {
            "agree5": {"codes": {1: "SD", 2: "D", 3: "N", 4: "A", 5: "SA"}, "favorable": [4, 5],
                       "non_substantive": {99: "Don't know"}},
            "recommend11": {"codes": {i: str(i) for i in range(11)}, "favorable": [9, 10]},
            "yesno": {"codes": {0: "No", 1: "Yes"}},  # no favorable codes
        },
        "instruments": {"svy": {
            "title": "Survey",
            "nps_item": "rec",
            "items": {
                "q1": {"text": "a", "scale": "agree5"},
                "q2": {"text": "b", "scale": "agree5"},
                "q3": {"text": "c", "scale": "agree5"},
                "q4": {"text": "d (negatively worded)", "scale": "agree5", "reverse": True},
                "rec": {"text": "recommend", "scale": "recommend11"},
                "r10": {"text": "reverse 0-10", "scale": "recommend11", "reverse": True},
                "yn": {"text": "yes/no", "scale": "yesno"},
                "later": {"text": "asked in another wave", "scale": "agree5"},
            },
            "scales": {
                "sc": {"label": "Four items", "items": ["q1", "q2", "q3", "q4"]},  # min_items 3
                "strict": {"label": "Both items", "items": ["q1", "q2"], "min_share": 1.0},
                "other_wave": {"label": "Not in data", "items": ["q1", "later"]},
                "yn_scale": {"label": "No favorable codes", "items": ["yn", "q1"]},
            },
        }},
    })


@pytest.fixture
def df() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "q1": [5, 4, 2, np.nan, 1, np.nan],
            "q2": [4, np.nan, 2, np.nan, 1, 3],
            "q3": [5, 4, np.nan, np.nan, 1, np.nan],
            "q4": [1, 2, 4, np.nan, 5, np.nan],
            "rec": [10, 9, 6, np.nan, 0, 8],
            "r10": [0, 10, 3, np.nan, np.nan, 7],
            "yn": [1, 0, 1, np.nan, 0, 1],
            "name_col": list("abcdef"),
        },
        index=[11, 12, 13, 14, 15, 16],
    )


# ---------------------------------------------------------------- reverse_items


def test_reverse_items_mirrors_codes_and_keeps_everything_else(cb, df):
    before = df.copy()
    out = reverse_items(df, "svy", cb)
    pd.testing.assert_frame_equal(df, before)  # input untouched
    assert out["q4"].tolist()[:3] == [5.0, 4.0, 2.0] and out["q4"].iloc[4] == 1.0
    assert np.isnan(out["q4"].iloc[3])
    assert_allclose(out["r10"].to_numpy(), [10, 0, 7, np.nan, np.nan, 3])  # 0-10 scale: (0 + 10) - x
    for col in ["q1", "q2", "rec", "yn", "name_col"]:
        pd.testing.assert_series_equal(out[col], df[col])
    assert list(out.index) == list(df.index) and list(out.columns) == list(df.columns)


def test_reverse_items_instrument_object_same_as_name_and_nonfinite_missing(cb, df):
    df = df.assign(q4=[1, np.inf, -np.inf, np.nan, 3, 2])
    a = reverse_items(df, "svy", cb)
    b = reverse_items(df, cb.instruments["svy"], cb)
    pd.testing.assert_frame_equal(a, b)
    assert_allclose(a["q4"].to_numpy(), [5, np.nan, np.nan, np.nan, 3, 4])


def test_reverse_items_nullable_integer_column(cb):
    d = pd.DataFrame({"q4": pd.array([1, None, 5], dtype="Int64")})
    assert_allclose(reverse_items(d, "svy", cb)["q4"].to_numpy(), [5, np.nan, 1])


@pytest.mark.parametrize(
    ("kwargs", "exc", "match"),
    [
        ({"data": [1, 2]}, TypeError, "reverse_items\\(\\): data must be a pandas DataFrame, got list"),
        ({"instrument": "nope"}, ValueError, "instrument 'nope' is not in the codebook"),
        ({"instrument": 3}, TypeError, "instrument must be an Instrument"),
        ({"codebook": {}}, TypeError, "codebook must be an evalkit Codebook"),
        ({"data": pd.DataFrame({"q4": ["Agree", "x"]})}, TypeError, "columns \\['q4'\\] must be numeric"),
    ],
)
def test_reverse_items_validates_arguments(cb, df, kwargs, exc, match):
    args = {"data": df, "instrument": "svy", "codebook": cb} | kwargs
    with pytest.raises(exc, match=match):
        reverse_items(args["data"], args["instrument"], args["codebook"])


# ---------------------------------------------------------------- score_scales


def test_score_scales_hand_computed(cb, df):
    res = score_scales(df, "svy", cb)
    assert isinstance(res, ScaleScores)
    # Default: scales whose items are all columns; "other_wave" (item 'later' absent) is left out.
    assert list(res.scores.columns) == ["sc", "strict", "yn_scale"]
    assert list(res.scores.index) == list(df.index)
    # sc = mean of q1, q2, q3 and reversed q4 (6 - q4), when >= 3 of 4 answered.
    #   row 11: 5, 4, 5, 5 -> 4.75         row 12: 4, -, 4, 4 -> 4 (3 answered)
    #   row 13: 2, 2, -, 2 -> 2 (3 answered) row 14: nothing -> NaN (not a respondent)
    #   row 15: 1, 1, 1, 1 -> 1            row 16: only q2 -> NaN (lost)
    assert_allclose(res.scores["sc"].to_numpy(), [4.75, 4.0, 2.0, np.nan, 1.0, np.nan])
    # strict needs both q1 and q2 (min_share 1.0).
    assert_allclose(res.scores["strict"].to_numpy(), [4.5, np.nan, 2.0, np.nan, 1.0, np.nan])
    losses = res.losses.set_index("scale")
    assert list(res.losses.columns) == ["scale", "k_items", "min_items", "n_respondents", "n_scored",
                                        "n_lost"]
    assert losses.loc["sc"].to_dict() == {"k_items": 4, "min_items": 3, "n_respondents": 5, "n_scored": 4,
                                          "n_lost": 1}
    assert losses.loc["strict"].to_dict() == {"k_items": 2, "min_items": 2, "n_respondents": 5, "n_scored": 3,
                                              "n_lost": 2}


def test_score_scales_min_items_is_ceil_of_share():
    codebook = Codebook.model_validate({
        "response_scales": {"a": {"codes": {1: "1", 2: "2"}}},
        "instruments": {"i": {"title": "t", "items": {f"x{j}": {"text": "t", "scale": "a"} for j in range(6)},
                              "scales": {"s": {"label": "s", "items": [f"x{j}" for j in range(6)]}}}},
    })
    # 75 % of 6 = 4.5 -> 5 items needed: 4 answered is lost, 5 answered is scored.
    data = pd.DataFrame([[1, 2, 1, 2, np.nan, np.nan], [1, 2, 1, 2, 2, np.nan]],
                        columns=[f"x{j}" for j in range(6)])
    res = score_scales(data, "i", codebook)
    assert_allclose(res.scores["s"].to_numpy(), [np.nan, 1.6])
    assert res.losses.loc[0, "min_items"] == 5 and res.losses.loc[0, "n_lost"] == 1


def test_score_scales_demo_codebook_reverses_negative_items():
    codebook = load_codebook(DEMO_CODEBOOK)
    inst = codebook.instruments["participant_survey"]
    items = inst.scales["science_leadership"].items  # Q2_4 is reverse-keyed
    rng = np.random.default_rng(7)
    data = pd.DataFrame(rng.integers(1, 6, size=(40, len(items))).astype(float), columns=items)
    res = score_scales(data, inst, codebook, scales=["science_leadership"])
    expected = data.assign(Q2_4=6 - data["Q2_4"]).mean(axis=1)
    assert_allclose(res.scores["science_leadership"].to_numpy(), expected.to_numpy())


def test_score_scales_empty_data_gives_empty_scores(cb, df):
    res = score_scales(df.iloc[:0], "svy", cb, scales=["sc"])
    assert res.scores.shape == (0, 1)
    assert res.losses.loc[0, ["n_respondents", "n_scored", "n_lost"]].tolist() == [0, 0, 0]


@pytest.mark.parametrize(
    ("data_fn", "scales", "exc", "match"),
    [
        (lambda d: d, ["nope"], ValueError, "scales \\['nope'\\] are not scales of the instrument"),
        (lambda d: d, ["other_wave"], ValueError, "scale 'other_wave' needs items \\['later'\\]"),
        (lambda d: d, "sc", TypeError, "scales must be a list of scale names"),
        (lambda d: d.assign(q2=[4, 99, 2, np.nan, 1, 3]), ["sc"], ValueError,
         "'q2' \\(1 value\\(s\\) not among codes \\[1, 2, 3, 4, 5\\]\\).*evalkit clean"),
        (lambda d: d.assign(q1=d["q1"].astype("string")), ["sc"], TypeError,
         "columns \\['q1'\\] must be numeric"),
    ],
)
def test_score_scales_validates_arguments(cb, df, data_fn, scales, exc, match):
    with pytest.raises(exc, match=match):
        score_scales(data_fn(df), "svy", cb, scales=scales)


# ---------------------------------------------------------------- Wilson interval


# The example proportions of Newcombe (1998), "Two-sided confidence intervals for the single
# proportion: comparison of seven methods", Stat Med 17:857-872 (81/263, 15/148, 0/20, 1/29).
# The limits below are NOT checked against the paper's table: the paper was not at hand, and an
# earlier version of this test quoted them from memory. They are an independent computation,
# statsmodels 0.15 proportion_confint(x, n, alpha=0.05, method="wilson") rounded to 4 decimals
# (full precision: 0.2552885198782742, 0.36620957698280004; 0.06238639953073628,
# 0.16048724172330803; 0.0, 0.1611251580528194; 0.006113214292762667, 0.17175521879320294).
# Several public test suites quote the same four-decimal figures as Newcombe's method 3 (Wilson
# score without continuity correction), which is consistent with, but not proof of, the paper.
@pytest.mark.parametrize(
    ("x", "n", "low", "high"),
    [
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0000, 0.1611),
        (1, 29, 0.0061, 0.1718),
    ],
)
def test_wilson_on_newcombe_1998_examples(x, n, low, high):
    got = _wilson(x, n, 1.959963984540054)
    assert_allclose(got, (low, high), atol=5e-5)
    assert_allclose(got, proportion_confint(x, n, alpha=0.05, method="wilson"), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("cl", [0.8, 0.9, 0.95, 0.99])
@pytest.mark.parametrize(("x", "n"), [(0, 1), (1, 1), (0, 7), (3, 7), (7, 7), (81, 263), (499, 1000), (1, 2)])
def test_wilson_matches_statsmodels(x, n, cl):
    from scipy.stats import norm

    got = _wilson(x, n, norm.ppf(1 - (1 - cl) / 2))
    ref = proportion_confint(x, n, alpha=1 - cl, method="wilson")
    assert_allclose(got, ref, rtol=1e-12, atol=1e-15)


def test_wilson_with_effective_noninteger_n_matches_statsmodels():
    ref = proportion_confint(0.6 * 12.7, 12.7, alpha=0.05, method="wilson")
    assert_allclose(_wilson(0.6 * 12.7, 12.7, 1.959963984540054), ref, rtol=1e-12)


# ---------------------------------------------------------------- percent_favorable


def test_percent_favorable_items_hand_computed(cb, df):
    pf = percent_favorable(df, "svy", cb)
    assert list(pf.columns) == ["level", "name", "n", "n_favorable", "pct", "ci_low", "ci_high",
                                "confidence_level", "method", "n_respondents", "deff"]
    items = pf[pf.level == "item"].set_index("name")
    # Items without favorable codes (yn) are left out by default; absent items (later) too.
    assert list(items.index) == ["q1", "q2", "q3", "q4", "rec", "r10"]
    # q1: 5,4,2,1 answered -> 2 of 4 favorable.
    assert items.loc["q1", ["n", "n_favorable"]].tolist() == [4, 2]
    assert items.loc["q1", "pct"] == 50.0
    # q4 is reverse-keyed: raw 1, 2 (disagree) are favorable, raw 4, 5 are not.
    assert items.loc["q4", ["n", "n_favorable"]].tolist() == [4, 2]
    # r10 (reverse 0-10): raw 0 -> 10 favorable, raw 10 -> 0, raw 3 -> 7, raw 7 -> 3.
    assert items.loc["r10", ["n", "n_favorable"]].tolist() == [4, 1]
    for name, row in items.iterrows():
        ref = proportion_confint(row.n_favorable, row.n, alpha=0.05, method="wilson")
        assert_allclose([row.ci_low, row.ci_high], 100 * np.asarray(ref), rtol=1e-12, err_msg=name)
        assert row.method == "wilson" and row.deff == 1.0 and row.n_respondents == row.n


def test_percent_favorable_scale_is_share_of_answered_responses(cb, df):
    pf = percent_favorable(df, "svy", cb, items=[], scales=["sc"])
    row = pf.iloc[0]
    keyed = df[["q1", "q2", "q3", "q4"]].assign(q4=6 - df["q4"])
    answered = keyed.notna()
    fav = keyed.isin([4, 5]) & answered
    assert row["level"] == "scale" and row["name"] == "sc"
    assert row.n == answered.to_numpy().sum() == 15
    assert row.n_favorable == fav.to_numpy().sum() == 7
    assert row.pct == pytest.approx(100 * 7 / 15)
    assert row.n_respondents == 5
    assert row.method == "wilson_deff_cluster"


def test_pooled_deff_matches_cluster_robust_ols():
    import statsmodels.api as sm

    rng = np.random.default_rng(3)
    m, k = 60, 5
    person = rng.normal(0, 1.2, size=m)
    fav = (person[:, None] + rng.normal(0, 1, size=(m, k))) > 0.3
    answered = rng.random((m, k)) > 0.15
    deff, n_resp, n_eff = _pooled_deff(fav, answered)
    # Independent: intercept-only OLS on the stacked answered responses, respondents as clusters.
    rows, cols = np.nonzero(answered)
    y = fav[rows, cols].astype(float)
    fit = sm.OLS(y, np.ones_like(y)).fit(cov_type="cluster",
                                         cov_kwds={"groups": rows, "use_correction": False})
    p = y.mean()
    assert_allclose(deff, fit.bse[0] ** 2 / (p * (1 - p) / y.size), rtol=1e-10)
    assert n_resp == len(np.unique(rows))
    assert_allclose(n_eff, y.size / deff, rtol=1e-12)
    assert deff > 1.5  # strongly clustered data: the naive Wilson interval would be far too narrow


def test_percent_favorable_scale_interval_is_wilson_at_effective_n(cb):
    rng = np.random.default_rng(11)
    base = rng.integers(1, 6, size=80)
    data = pd.DataFrame({c: np.clip(base + rng.integers(-1, 2, size=80), 1, 5) for c in ["q1", "q2", "q3"]})
    data["q4"] = 6 - np.clip(base + rng.integers(-1, 2, size=80), 1, 5)
    row = percent_favorable(data, "svy", cb, items=[], scales=["sc"]).iloc[0]
    keyed = data.assign(q4=6 - data["q4"]).to_numpy()
    deff, m, n_eff = _pooled_deff(np.isin(keyed, [4, 5]), np.isfinite(keyed))
    assert row.deff == pytest.approx(deff) and deff > 1
    ref = proportion_confint(row.pct / 100 * n_eff, n_eff, alpha=0.05, method="wilson")
    assert_allclose([row.ci_low, row.ci_high], 100 * np.asarray(ref), rtol=1e-12)
    naive = proportion_confint(row.n_favorable, row.n, alpha=0.05, method="wilson")
    assert row.ci_high - row.ci_low > 100 * (naive[1] - naive[0])


def test_percent_favorable_scale_one_answer_per_respondent_is_plain_wilson(cb):
    # Each respondent answers exactly one item: no clustering, deff = 1, the item-level interval.
    data = pd.DataFrame({"q1": [5, np.nan, np.nan, 1, np.nan, np.nan, 4, np.nan],
                         "q2": [np.nan, 4, np.nan, np.nan, 2, np.nan, np.nan, 5],
                         "q3": [np.nan, np.nan, 5, np.nan, np.nan, 3, np.nan, np.nan],
                         "q4": [np.nan] * 8})
    row = percent_favorable(data, "svy", cb, items=[], scales=["sc"]).iloc[0]
    assert (row.n, row.n_favorable, row.n_respondents, row.deff) == (8, 5, 8, 1.0)
    ref = proportion_confint(5, 8, alpha=0.05, method="wilson")
    assert_allclose([row.ci_low, row.ci_high], 100 * np.asarray(ref), rtol=1e-12)


def test_pooled_deff_perfectly_clustered_answers_count_once_per_respondent():
    # Every respondent gives the same answer to all k items: N = m k responses carry exactly m
    # respondents' worth of information.
    y = np.array([1, 0, 1, 1, 0, 1, 0, 0, 1, 1], dtype=bool)
    k = 4
    fav = np.repeat(y[:, None], k, axis=1)
    deff, m, n_eff = _pooled_deff(fav, np.ones_like(fav))
    assert m == 10
    assert_allclose(n_eff, m, rtol=1e-12)
    assert_allclose(deff, k, rtol=1e-12)


def test_pooled_deff_all_favorable_uses_respondent_count():
    fav = np.ones((6, 3), dtype=bool)
    answered = np.ones((6, 3), dtype=bool)
    answered[0, 1:] = False
    deff, m, n_eff = _pooled_deff(fav, answered)
    assert (m, n_eff) == (6, 6.0)


def test_percent_favorable_all_favorable_scale(cb):
    data = pd.DataFrame({"q1": [5, 4, 5], "q2": [4, 4, 5], "q3": [5, 5, 4], "q4": [1, 2, 1]})
    row = percent_favorable(data, "svy", cb, items=[], scales=["sc"]).iloc[0]
    assert row.pct == 100.0 and row.ci_high == 100.0
    assert_allclose(row.ci_low, 100 * proportion_confint(3, 3, alpha=0.05, method="wilson")[0])


def test_percent_favorable_no_answers_is_nan(cb, df):
    d = df.assign(q3=np.nan)
    pf = percent_favorable(d, "svy", cb, items=["q3"], scales=[])
    row = pf.iloc[0]
    assert row.n == 0 and row.n_favorable == 0
    assert np.isnan(row.pct) and np.isnan(row.ci_low) and np.isnan(row.ci_high)


def test_percent_favorable_confidence_level_changes_interval(cb, df):
    a = percent_favorable(df, "svy", cb, items=["q1"], scales=[], confidence_level=0.9).iloc[0]
    b = percent_favorable(df, "svy", cb, items=["q1"], scales=[], confidence_level=0.99).iloc[0]
    assert b.ci_low < a.ci_low < a.ci_high < b.ci_high
    assert a.confidence_level == 0.9


@pytest.mark.parametrize(
    ("kwargs", "exc", "match"),
    [
        ({"items": ["yn"]}, ValueError, "items \\['yn'\\] have a response scale without favorable codes"),
        ({"scales": ["yn_scale"]}, ValueError, "without favorable codes"),
        ({"items": ["zz"]}, ValueError, "items \\['zz'\\] are not items of the instrument"),
        ({"items": ["later"]}, ValueError, "items \\['later'\\] are not columns of data"),
        ({"items": "q1"}, TypeError, "items must be a list"),
        ({"confidence_level": 95}, ValueError, "confidence_level must be a number in \\(0, 1\\), got 95"),
        ({"confidence_level": 0}, ValueError, "confidence_level"),
        ({"confidence_level": True}, ValueError, "confidence_level"),
    ],
)
def test_percent_favorable_validates_arguments(cb, df, kwargs, exc, match):
    with pytest.raises(exc, match=match):
        percent_favorable(df, "svy", cb, **kwargs)


# ---------------------------------------------------------------- net_promoter_score


def test_nps_hand_computed():
    x = [10, 10, 9, 8, 7, 6, 5, 0, 9, 10]
    res = net_promoter_score(x)
    assert isinstance(res, Estimate)
    # 5 promoters, 2 passives, 3 detractors of 10.
    assert res.n == 10 and res.method == "nps_wald" and res.confidence_level == 0.95
    assert (res.extra["n_promoters"], res.extra["n_passives"], res.extra["n_detractors"]) == (5, 2, 3)
    assert_allclose([res.extra["promoters"], res.extra["passives"], res.extra["detractors"]], [0.5, 0.2, 0.3])
    assert res.estimate == pytest.approx(20.0)
    se = 100 * math.sqrt((0.5 + 0.3 - 0.2**2) / 10)  # 27.5681...
    assert_allclose(res.extra["se"], se, rtol=1e-12)
    assert_allclose([res.ci_low, res.ci_high], [20 - 1.959963984540054 * se, 20 + 1.959963984540054 * se],
                    rtol=1e-12)
    assert_allclose([res.ci_low, res.ci_high], [-34.0325, 74.0325], atol=1e-4)


def test_nps_se_equals_sd_of_trinomial_scores():
    rng = np.random.default_rng(5)
    x = rng.integers(0, 11, size=337)
    res = net_promoter_score(x, confidence_level=0.9)
    scores = np.where(x >= 9, 1, np.where(x <= 6, -1, 0))
    assert_allclose(res.estimate, 100 * scores.mean(), rtol=1e-12)
    assert_allclose(res.extra["se"], 100 * scores.std(ddof=0) / math.sqrt(x.size), rtol=1e-12)
    # The two closed forms of the variance agree.
    p, d = res.extra["promoters"], res.extra["detractors"]
    assert_allclose(res.extra["se"], 100 * math.sqrt((p * (1 - p) + d * (1 - d) + 2 * p * d) / x.size),
                    rtol=1e-12)


def test_nps_interval_width_matches_engelhardt_rule_of_thumb():
    # Engelhardt (2016): for p = d = 1/3 the 95 % interval is about 320 / sqrt(n) wide.
    n = 900
    x = [10] * 300 + [7] * 300 + [3] * 300
    res = net_promoter_score(x)
    assert res.estimate == pytest.approx(0.0, abs=1e-12)
    assert_allclose(res.ci_high - res.ci_low, 320 / math.sqrt(n), rtol=2e-3)


def test_nps_interval_clipped_to_range():
    res = net_promoter_score([10, 10, 10, 10, 0])
    assert res.estimate == pytest.approx(60.0)
    assert res.ci_high == 100.0  # 60 + 1.96 * 35.78 > 100
    allp = net_promoter_score([9, 10, 10])
    assert (allp.estimate, allp.ci_low, allp.ci_high, allp.extra["se"]) == (100.0, 100.0, 100.0, 0.0)
    alld = net_promoter_score([0, 6])
    assert (alld.estimate, alld.ci_low, alld.ci_high) == (-100.0, -100.0, -100.0)


def test_nps_missing_values_left_out_and_input_types():
    ref = net_promoter_score([10, 3, 8])
    for x in ([10, None, 3, 8, np.nan], pd.Series([10, pd.NA, 3, 8], dtype="Int64"),
              np.array([10.0, np.nan, 3.0, 8.0]), pd.Series([10, None, 3, 8], dtype="object")):
        res = net_promoter_score(x)
        assert res.n == 3
        assert res.to_dict() == ref.to_dict()


@pytest.mark.parametrize(
    ("x", "kwargs", "exc", "match"),
    [
        ([], {}, ValueError, "net_promoter_score\\(\\): x has no answered values"),
        ([np.nan, None], {}, ValueError, "no answered values \\(all 2 missing\\)"),
        ([3, 11], {}, ValueError, "x must hold whole numbers from 0 to 10; 1 of 2"),
        ([-1, 3], {}, ValueError, "x must hold whole numbers from 0 to 10"),
        ([7.5, 3], {}, ValueError, "x must hold whole numbers from 0 to 10"),
        (["high", "low"], {}, TypeError, "x must hold numeric 0-10 answers"),
        (7, {}, TypeError, "x must be a 1-D sequence"),
        ("9", {}, TypeError, "x must be a 1-D sequence"),
        ([[9, 10], [3, 4]], {}, ValueError, "x must be 1-dimensional \\(one answer per respondent\\), got 2-D"),
        ([True, False], {}, TypeError, "not booleans"),
        ([9, 10], {"confidence_level": 1.0}, ValueError, "confidence_level must be a number in \\(0, 1\\)"),
    ],
)
def test_nps_validates_arguments(x, kwargs, exc, match):
    with pytest.raises(exc, match=match):
        net_promoter_score(x, **kwargs)


# ---------------------------------------------------------------- conventions (STYLE.md)


def test_public_api_conventions():
    import inspect

    from evalkit.analyze import scales

    assert scales.__all__ == ["ScaleScores", "reverse_items", "score_scales", "percent_favorable",
                              "net_promoter_score"]
    for name in scales.__all__[1:]:
        func = getattr(scales, name)
        params = inspect.signature(func).parameters.values()
        options = [p.name for p in params if p.default is not inspect.Parameter.empty]
        assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in params if p.name in options), name
        doc = inspect.getdoc(func)
        for section in ("Parameters", "Returns", "Raises", "See Also", "Notes", "References", "Examples"):
            assert f"\n{section}\n" in doc, (name, section)
        assert "doi.org" in doc, name
        for param in inspect.signature(func).parameters:
            assert param in doc.split("Returns")[0], (name, param)
    res = net_promoter_score([9, 3, 7])
    assert type(res.estimate) is float and type(res.ci_low) is float and type(res.n) is int
    assert "extra" not in res.to_dict() and res.to_frame().shape == (1, len(res.to_dict()))


# ---------------------------------------------------------------- favorable_change (repeated cross-sections)


def _waves(seed: int, schools: int = 8, per: int = 12):
    """Two waves of a four-item scale (q4 reverse-keyed, some blanks), nested in schools."""
    rng = np.random.default_rng(seed)
    out = []
    for shift in (0.0, 0.5):
        rows = []
        for s in range(schools):
            base = rng.normal(3 + shift, 0.6)            # school effect: answers correlate within a school
            for _ in range(rng.integers(per // 2, per + 1)):
                person = base + rng.normal(0, 0.7)
                row = {f"q{j}": float(np.clip(np.rint(person + rng.normal(0, 0.8)), 1, 5)) for j in (1, 2, 3)}
                row["q4"] = float(np.clip(np.rint(6 - person + rng.normal(0, 0.8)), 1, 5))
                row["school"] = f"S{s:02d}"
                rows.append(row)
        d = pd.DataFrame(rows)
        d.loc[d.sample(frac=0.1, random_state=seed).index, "q2"] = np.nan
        d.loc[d.sample(frac=0.05, random_state=seed + 1).index, "q3"] = np.nan   # "Don't know", cleaned to missing
        out.append(d)
    return out


def _cr1_by_hand(pre, post, cb, cluster):
    """The CR1 sandwich for a difference of pooled shares, written out with numpy (no statsmodels)."""
    from scipy import stats

    fav_codes = {4, 5}
    ys, xs, gs = [], [], []
    for x, d in enumerate((pre, post)):
        for _, r in d.iterrows():
            for item in ("q1", "q2", "q3", "q4"):
                v = r[item]
                if pd.isna(v) or v == 99:
                    continue
                v = 6 - v if item == "q4" else v
                ys.append(float(v in fav_codes))
                xs.append(float(x))
                gs.append(r[cluster] if cluster else f"{x}:{_}")
    y, xv, g = np.array(ys), np.array(xs), np.array(gs)
    X = np.column_stack([np.ones_like(xv), xv])
    beta = np.linalg.solve(X.T @ X, X.T @ y)
    e = y - X @ beta
    bread = np.linalg.inv(X.T @ X)
    meat = np.zeros((2, 2))
    labels = np.unique(g)
    for lab in labels:
        s = X[g == lab].T @ e[g == lab]
        meat += np.outer(s, s)
    G, N = len(labels), len(y)
    V = G / (G - 1) * (N - 1) / (N - 2) * bread @ meat @ bread
    se = math.sqrt(V[1, 1])
    t = stats.t.ppf(0.975, G - 1)
    return 100 * beta[1], 100 * (beta[1] - t * se), 100 * (beta[1] + t * se), G


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_favorable_change_matches_the_cr1_sandwich_by_hand(cb, seed):
    pre, post = _waves(seed)
    est = favorable_change(pre, post, "svy", cb, scale="sc", cluster="school")
    d, lo, hi, G = _cr1_by_hand(pre, post, cb, "school")
    assert_allclose([est.estimate, est.ci_low, est.ci_high], [d, lo, hi], rtol=1e-9)
    assert est.df == G - 1 and est.extra["n_clusters"] == G
    # the point estimate is the difference of the two shares percent_favorable reports
    shares = [percent_favorable(w, "svy", cb, items=[], scales=["sc"]).iloc[0]["pct"] for w in (pre, post)]
    assert_allclose([est.extra["pct_pre"], est.extra["pct_post"], est.estimate],
                    [shares[0], shares[1], shares[1] - shares[0]], rtol=1e-12)


def test_favorable_change_one_answer_each_is_the_unpooled_wald_variance(cb):
    """Each respondent one answer and its own cluster: CR1 = N/(N-2) (p1 q1/n1 + p0 q0/n0), the textbook
    variance of a difference of two independent proportions, with t(N-1)."""
    from scipy import stats

    pre = pd.DataFrame({"q1": [5, 4, 2, 1, 2, 3, 4, 1, 2, 2], "q2": np.nan, "q3": np.nan, "q4": np.nan})
    post = pd.DataFrame({"q1": [5, 4, 4, 1, 5, 3, 4, 4, 2, 5, 4, 1], "q2": np.nan, "q3": np.nan, "q4": np.nan})
    est = favorable_change(pre, post, "svy", cb, scale="sc")
    p0, n0, p1, n1 = 3 / 10, 10, 8 / 12, 12
    N = n0 + n1
    se = math.sqrt(N / (N - 2) * (p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0))
    t = stats.t.ppf(0.975, N - 1)
    assert_allclose([est.estimate, est.extra["se"], est.ci_low, est.ci_high],
                    [100 * (p1 - p0), 100 * se, 100 * (p1 - p0 - t * se), 100 * (p1 - p0 + t * se)], rtol=1e-9)
    assert (est.n1, est.n2) == (10, 12)


def test_favorable_change_clustering_widens_the_interval_when_schools_differ(cb):
    pre, post = _waves(7)
    by_school = favorable_change(pre, post, "svy", cb, scale="sc", cluster="school")
    by_person = favorable_change(pre, post, "svy", cb, scale="sc")
    assert by_school.estimate == pytest.approx(by_person.estimate)
    assert by_school.ci_high - by_school.ci_low > by_person.ci_high - by_person.ci_low


@pytest.mark.parametrize("kwargs, match", [
    ({"scale": "nope", "cluster": "school"}, "unknown scale"),
    ({"scale": "yn_scale", "cluster": "school"}, "without favorable codes"),
    ({"scale": "sc", "cluster": "district"}, "no column 'district'"),
])
def test_favorable_change_validates(cb, kwargs, match):
    pre, post = _waves(1)
    with pytest.raises(ValueError, match=match):
        favorable_change(pre, post, "svy", cb, **kwargs)


def test_favorable_change_needs_two_clusters(cb):
    pre, post = _waves(1, schools=1)
    with pytest.raises(ValueError, match="at least two clusters"):
        favorable_change(pre, post, "svy", cb, scale="sc", cluster="school")
