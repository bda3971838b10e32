"""Benjamini-Hochberg (evalkit.analyze.multiplicity) against the 1995 paper and statsmodels.

References:
- Benjamini & Hochberg (1995), JRSS-B 57(1):289-300, the 15 p-values of their example (the
  Neuhaus et al. 1992 thrombolysis trial, as also used in scipy's ``false_discovery_control``
  docstring): at q = 0.05 the procedure rejects 4 hypotheses, Bonferroni 3.
- statsmodels ``multipletests(method="fdr_bh")``: rejections and adjusted p-values.
- scipy ``false_discovery_control(method="bh")``: adjusted p-values.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose
from scipy import stats
from statsmodels.stats.multitest import multipletests

from evalkit.analyze.multiplicity import benjamini_hochberg

BH1995 = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344,
          0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.0000]


def test_bh_1995_worked_example():
    res = benjamini_hochberg(BH1995, q=0.05)
    assert list(res.columns) == ["p", "p_adjusted", "reject"]
    assert res["reject"].tolist() == [True] * 4 + [False] * 11          # the paper's answer
    # Bonferroni on the same vector rejects only three (the paper's comparison).
    assert int((np.array(BH1995) * 15 <= 0.05).sum()) == 3
    # The fifth p-value 0.0201 is below 0.05 but above its threshold 5/15 * 0.05.
    assert BH1995[4] > 5 / 15 * 0.05
    reject, p_adj, _, _ = multipletests(BH1995, alpha=0.05, method="fdr_bh")
    assert res["reject"].tolist() == reject.tolist()
    assert_allclose(res["p_adjusted"], p_adj, rtol=1e-12)
    assert_allclose(res["p_adjusted"], stats.false_discovery_control(BH1995, method="bh"), rtol=1e-12)
    assert res["p"].tolist() == BH1995


@pytest.mark.parametrize("seed, m, q", [(0, 1, 0.05), (1, 5, 0.05), (2, 20, 0.10), (3, 50, 0.05),
                                        (4, 200, 0.01), (5, 37, 0.2)])
def test_bh_matches_statsmodels_on_random_families(seed, m, q):
    rng = np.random.default_rng(seed)
    # A mix of nulls and signals, with some exact ties.
    p = np.concatenate([rng.uniform(size=m - m // 3), rng.beta(0.3, 8, size=m // 3)])
    if m > 4:
        p[:2] = p[2]
    rng.shuffle(p)
    res = benjamini_hochberg(p, q=q)
    reject, p_adj, _, _ = multipletests(p, alpha=q, method="fdr_bh")
    assert res["reject"].tolist() == reject.tolist()
    assert_allclose(res["p_adjusted"], p_adj, rtol=1e-12)
    # Rejected exactly when the adjusted p-value is at most q.
    assert res["reject"].tolist() == (res["p_adjusted"] <= q).tolist()


def test_bh_keeps_input_order_and_series_index():
    rng = np.random.default_rng(11)
    perm = rng.permutation(len(BH1995))
    shuffled = pd.Series(np.array(BH1995)[perm], index=[f"outcome_{i}" for i in perm])
    res = benjamini_hochberg(shuffled)
    assert res.index.tolist() == shuffled.index.tolist()
    ordered = benjamini_hochberg(BH1995)
    back = res.loc[[f"outcome_{i}" for i in range(len(BH1995))]]
    assert_allclose(back["p_adjusted"].to_numpy(), ordered["p_adjusted"].to_numpy(), rtol=1e-15)
    assert back["reject"].tolist() == ordered["reject"].tolist()


def test_bh_is_step_up_and_inclusive():
    # p_(1) = 0.04 exceeds its threshold 0.05/3, but p_(3) = 0.05 <= 3/3 * 0.05: all rejected.
    res = benjamini_hochberg([0.05, 0.04, 0.045], q=0.05)
    assert res["reject"].all()
    # Equality at the threshold rejects (p_(2) = 2/2 * q).
    assert benjamini_hochberg([0.05, 0.05], q=0.05)["reject"].all()
    assert not benjamini_hochberg([0.0501, 0.0501], q=0.05)["reject"].any()
    # Adjusted p-values are capped at 1 and ties share a value.
    res = benjamini_hochberg([0.9, 0.9, 0.95])
    assert_allclose(res["p_adjusted"], [0.95, 0.95, 0.95], rtol=1e-12)
    assert res["p_adjusted"].nunique() == 1
    assert benjamini_hochberg([1.0, 0.8])["p_adjusted"].max() == 1.0


def test_bh_leaves_missing_p_values_out_of_the_family():
    p = [0.01, np.nan, 0.04, 0.03, np.nan]
    res = benjamini_hochberg(p)
    sub = benjamini_hochberg([0.01, 0.04, 0.03])
    assert res["p_adjusted"].isna().tolist() == [False, True, False, False, True]
    assert_allclose(res["p_adjusted"].dropna().to_numpy(), sub["p_adjusted"].to_numpy(), rtol=1e-15)
    assert res["reject"].tolist() == [True, False, True, True, False]
    assert np.isnan(res["p"].iloc[1])


@pytest.mark.parametrize("p", [[], [np.nan, np.nan]])
def test_bh_empty_or_all_missing(p):
    res = benjamini_hochberg(p)
    assert list(res.columns) == ["p", "p_adjusted", "reject"]
    assert len(res) == len(p)
    assert res["p_adjusted"].isna().all() and not res["reject"].any()
    assert res["reject"].dtype == bool


@pytest.mark.parametrize("p, q, exc, match", [
    ([0.2, 1.2], 0.05, ValueError, r"p-values must be in \[0, 1\]; 1 are not \(first at position 1: 1.2\)"),
    ([-0.01], 0.05, ValueError, r"p-values must be in \[0, 1\]"),
    ([np.inf], 0.05, ValueError, r"p-values must be in \[0, 1\]"),
    ([0.1], 0.0, ValueError, r"q must be a number in \(0, 1\), got 0.0"),
    ([0.1], 1, ValueError, r"q must be a number in \(0, 1\), got 1"),
    ([0.1], float("nan"), ValueError, r"q must be a number in \(0, 1\)"),
    ([0.1], True, ValueError, r"q must be a number in \(0, 1\), got True"),
    ([[0.1, 0.2]], 0.05, ValueError, r"p must be one-dimensional, got shape \(1, 2\)"),
    (0.1, 0.05, TypeError, r"p must be a sequence of p-values, got the scalar 0.1"),
    (["a", "b"], 0.05, TypeError, r"p must be numeric p-values"),
])
def test_bh_rejects_bad_input(p, q, exc, match):
    with pytest.raises(exc, match=r"benjamini_hochberg\(\): " + match):
        benjamini_hochberg(p, q=q)
