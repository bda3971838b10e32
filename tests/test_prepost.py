"""prepost_table: every number against an independent computation (numpy, scipy, statsmodels)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose
from scipy import stats
from statsmodels.stats.multitest import multipletests

from evalkit.analyze.prepost import PRIMARY_PAIRED, prepost_table


@pytest.fixture
def waves():
    rng = np.random.default_rng(20261122)
    n = 40
    ids = [f"p{i:02d}" for i in range(n)]
    pre = pd.DataFrame({"person_id": ids, "role": ["AP", "principal"] * (n // 2),
                        "a": rng.normal(3.0, 0.6, n), "b": rng.normal(3.4, 0.5, n)})
    post = pd.DataFrame({"person_id": ids[5:] + ["new1", "new2"], "role": (["AP", "principal"] * 20)[:37],
                         "a": np.r_[pre["a"].to_numpy()[5:] + 0.35 + rng.normal(0, 0.3, n - 5), 3.1, 3.2],
                         "b": np.r_[pre["b"].to_numpy()[5:] + 0.05 + rng.normal(0, 0.3, n - 5), 3.3, 3.6]})
    retro = post[["person_id", "role"]].assign(a_retro=post["a"] - 0.6 + rng.normal(0, 0.25, len(post)))
    return pre, post, retro


def test_matched_design_matches_independent_computation(waves) -> None:
    pre, post, _ = waves
    t = prepost_table(pre, post, scales=["a", "b"])
    row = t[(t.scale == "a") & (t.group == "all")].iloc[0]
    p = pre.set_index("person_id").loc[post.person_id[:-2], "a"].to_numpy()
    q = post.set_index("person_id").loc[post.person_id[:-2], "a"].to_numpy()
    n = len(p)
    diff = q - p
    d_av = diff.mean() / ((q.std(ddof=1) + p.std(ddof=1)) / 2)
    j = 1 - 3 / (4 * (n - 1) - 1)
    assert row.design == "matched" and row.n == n == 35 and row.primary == PRIMARY_PAIRED == "g_av"
    assert_allclose(row.estimate, j * d_av, rtol=1e-12)  # Lakens (2013) eq. 10 with Hedges' J
    assert_allclose(row.estimate_secondary, diff.mean() / diff.std(ddof=1), rtol=1e-12)  # d_z
    ref = stats.ttest_rel(q, p)
    assert_allclose([row.statistic, row.p], [ref.statistic, ref.pvalue], rtol=1e-12)
    assert_allclose(row.match_rate, 35 / 40)
    assert row.ci_low < row.estimate < row.ci_high


def test_bh_adjustment_across_the_domain(waves) -> None:
    pre, post, _ = waves
    t = prepost_table(pre, post, scales=["a", "b"])
    allg = t[(t.group == "all") & (t.comparison == "post - pre")]
    assert_allclose(allg.p_adjusted, multipletests(allg.p, method="fdr_bh")[1], rtol=1e-12)


def test_anonymous_waves_are_repeated_cross_sections(waves) -> None:
    pre, post, _ = waves
    t = prepost_table(pre.drop(columns="person_id"), post.drop(columns="person_id"), scales=["a"], person=None)
    row = t.iloc[0]
    assert row.design == "independent" and row.effect == "hedges_g" and pd.isna(row.match_rate)
    ref = stats.ttest_ind(post.a, pre.a, equal_var=False)
    assert_allclose([row.statistic, row.p], [ref.statistic, ref.pvalue], rtol=1e-12)
    n1, n2 = len(post), len(pre)
    sp = np.sqrt(((n1 - 1) * post.a.var() + (n2 - 1) * pre.a.var()) / (n1 + n2 - 2))
    assert_allclose(row.estimate, (1 - 3 / (4 * (n1 + n2 - 2) - 1)) * (post.a.mean() - pre.a.mean()) / sp, rtol=1e-10)


def test_retro_pre_is_its_own_wave(waves) -> None:
    pre, post, retro = waves
    t = prepost_table(pre, post, scales=["a"], retro=retro, retro_scales={"a": "a_retro"})
    comps = set(t[t.group == "all"].comparison)
    assert comps == {"post - pre", "post - retro_pre", "retro_pre - pre"}
    shift = t[(t.group == "all") & (t.comparison == "retro_pre - pre")].iloc[0]
    r = retro.set_index("person_id")
    common = r.index.intersection(pre.person_id)
    expected = (r.loc[common, "a_retro"] - pre.set_index("person_id").loc[common, "a"]).mean()
    assert_allclose(shift.mean_diff, expected, rtol=1e-12)  # response shift = retro-pre − pre


def test_groups_and_attrition_check(waves) -> None:
    pre, post, _ = waves
    t = prepost_table(pre, post, scales=["a"], group="role")
    assert set(t.group) == {"all", "AP", "principal"}
    row = t[t.group == "all"].iloc[0]
    k = pre.set_index("person_id")["a"]
    matched = k.index.isin(post.person_id)
    m, u = k[matched], k[~matched]
    expected = (m.mean() - u.mean()) / np.sqrt((m.var() + u.var()) / 2)
    assert_allclose(row.pre_matched_vs_unmatched, expected, rtol=1e-10)


def test_bad_input_is_named() -> None:
    with pytest.raises(ValueError, match="scales"):
        prepost_table(pd.DataFrame({"x": [1.0]}), pd.DataFrame({"x": [1.0]}), scales=["y"])
    with pytest.raises(ValueError, match="confidence_level"):
        prepost_table(pd.DataFrame({"x": [1.0]}), pd.DataFrame({"x": [1.0]}), scales=["x"], confidence_level=2)


def test_constant_differences_give_a_documented_nan_row() -> None:
    pre = pd.DataFrame({"person_id": list("abcd"), "a": [1.0, 2.0, 3.0, 4.0]})
    post = pre.assign(a=pre["a"] + 1)  # every difference is exactly 1: d_z is undefined
    row = prepost_table(pre, post, scales=["a"]).iloc[0]
    assert np.isnan(row.estimate) and row.mean_diff == 1 and "no effect size" in row.note
