"""Linkage of named respondents: fuzzy name + school fallback, wave linking, attrition check."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from evalkit.anonymize.linkage import LinkResult, attrition_check, fuzzy_fallback, link_waves

from conftest import DEMO_DIR

# ---------------------------------------------------------------------------------------------
# fuzzy_fallback
# ---------------------------------------------------------------------------------------------


def _frame(names, schools, index=None):
    return pd.DataFrame({"name": names, "school": schools}, index=index)


def test_fuzzy_accents_case_and_last_first():
    left = _frame(["jose garcia", "MARIA NUNEZ", "Ann O'Neil"], ["S1", "S1", "S2"], index=[5, 6, 7])
    right = _frame(["GARCÍA, José", "Núñez, María", "Ann ONeil"], ["S1", "S1", "S2"], index=[0, 1, 2])
    out = fuzzy_fallback(left, right, name="name", school="school")
    assert list(out.columns) == ["left_index", "right_index", "score", "rule"]
    assert out[["left_index", "right_index"]].values.tolist() == [[5, 0], [6, 1], [7, 2]]
    assert_allclose(out["score"], 100.0)
    assert set(out["rule"]) == {"name+school"}


def test_fuzzy_first_last_tuple_against_same_columns():
    left = pd.DataFrame({"f": ["Jon", "Kim"], "l": ["Smith", "Park"], "school": ["S1", "S1"]})
    right = pd.DataFrame({"f": ["John", "Kim"], "l": ["Smith", "Parks"], "school": ["S1", "S1"]},
                         index=[10, 11])
    out = fuzzy_fallback(left, right, name=("f", "l"), school="school", threshold=90)
    assert out[["left_index", "right_index"]].values.tolist() == [[0, 10], [1, 11]]
    # Indel similarity: "jon smith"/"john smith" 1 edit in 19 characters, "kim park"/"kim parks" 1 in 17.
    assert_allclose(out["score"], [100 * (1 - 1 / 19), 100 * (1 - 1 / 17)], rtol=1e-9)


def test_fuzzy_needs_exact_school():
    left = _frame(["Jose Garcia"], ["S1"])
    right = _frame(["Jose Garcia", "Jose Garcia"], ["S2", None])
    assert fuzzy_fallback(left, right, name="name", school="school").empty


def test_fuzzy_school_spaces_are_stripped():
    out = fuzzy_fallback(_frame(["Jose Garcia"], [" S1"]), _frame(["Jose Garcia"], ["S1 "]),
                         name="name", school="school")
    assert len(out) == 1


def test_fuzzy_tie_leaves_unmatched():
    # Two roster people with the same name at the same school: nobody can tell which one.
    left = _frame(["Pat Lee"], ["S1"])
    right = _frame(["Pat Lee", "LEE, Pat"], ["S1", "S1"])
    assert fuzzy_fallback(left, right, name="name", school="school").empty


def test_fuzzy_right_best_for_two_lefts_links_neither():
    left = _frame(["Chris Jonson", "Chris Johnston"], ["S1", "S1"])
    right = _frame(["Chris Johnson", "Dana White"], ["S1", "S1"])
    out = fuzzy_fallback(left, right, name="name", school="school", threshold=80)
    assert out.empty
    # Either one alone links.
    for i in (0, 1):
        assert len(fuzzy_fallback(left.iloc[[i]], right, name="name", school="school", threshold=80)) == 1


def test_fuzzy_threshold_is_inclusive_and_respected():
    left, right = _frame(["Jon Smith"], ["S1"]), _frame(["John Smith"], ["S1"])
    assert fuzzy_fallback(left, right, name="name", school="school", threshold=95).empty
    score = fuzzy_fallback(left, right, name="name", school="school", threshold=0)["score"].iloc[0]
    assert len(fuzzy_fallback(left, right, name="name", school="school", threshold=score)) == 1


def test_fuzzy_missing_names_and_empty_frames():
    left = _frame([None, "  "], ["S1", "S1"])
    right = _frame(["Jose Garcia"], ["S1"])
    assert fuzzy_fallback(left, right, name="name", school="school").empty
    empty = fuzzy_fallback(left.iloc[:0], right, name="name", school="school")
    assert empty.empty and list(empty.columns) == ["left_index", "right_index", "score", "rule"]


@pytest.mark.parametrize("kwargs, match", [
    ({"name": "nope", "school": "school"}, "left lacks column"),
    ({"name": "name", "school": "school", "threshold": 101}, "threshold must be"),
    ({"name": ("name",), "school": "school"}, "name must be"),
])
def test_fuzzy_bad_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        fuzzy_fallback(_frame(["a"], ["S1"]), _frame(["a"], ["S1"]), **kwargs)


# ---------------------------------------------------------------------------------------------
# link_waves
# ---------------------------------------------------------------------------------------------


def test_link_waves_counts_and_rates():
    pre = pd.Series(["a", "b", "c", None, "e"], index=[4, 5, 6, 7, 8])
    post = pd.Series(["c", "a", "x", ""], index=[4, 5, 6, 7])
    res = link_waves(pre, post)
    assert isinstance(res, LinkResult)
    assert res.pairs[["pre_row", "post_row", "key"]].values.tolist() == [[4, 5, "a"], [6, 4, "c"]]
    assert (res.n_pre, res.n_post, res.n_matched) == (5, 4, 2)
    assert res.by_rule == {"email": 2}
    assert_allclose([res.match_rate_pre, res.match_rate_post], [0.4, 0.5], rtol=1e-12)
    frame = res.to_frame()
    assert list(frame.columns) == ["wave", "n", "matched", "rate"]
    assert frame["wave"].tolist() == ["pre", "post"] and frame["matched"].tolist() == [2, 2]
    assert res.to_dict()["by_rule"] == {"email": 2}


def test_link_waves_adds_fallback_links_once():
    pre = pd.Series(["a", "b", "c"], index=[1, 2, 3])
    post = pd.Series(["a", "b.personal", "z"], index=[1, 2, 3])
    fb = pd.DataFrame({"left_index": [2, 1, 3], "right_index": [2, 3, 3], "score": [95.0, 92.0, 91.0],
                       "rule": ["name+school"] * 3})
    res = link_waves(pre, post, fallback=fb)
    # (1, 3) loses: pre row 1 is already linked by e-mail; (3, 3) loses: post row 3 is named twice.
    assert res.pairs.values.tolist() == [[1, 1, "a", "email"], [2, 2, "b", "name+school"]]
    assert res.by_rule == {"email": 1, "name+school": 1}


def test_link_waves_accepts_fuzzy_fallback_output():
    pre_people = pd.DataFrame({"email": ["jg@d.org", "al@d.org"], "name": ["José García", "Ann Lee"],
                               "school": ["S1", "S1"]}, index=[2, 3])
    post_people = pd.DataFrame({"email": ["al@d.org", "jose@gmail.example"],
                                "name": ["Ann Lee", "Jose Garcia"],
                                "school": ["S1", "S1"]}, index=[2, 3])
    first = link_waves(pre_people["email"], post_people["email"])
    unlinked_pre = pre_people.drop(index=first.pairs["pre_row"])
    unlinked_post = post_people.drop(index=first.pairs["post_row"])
    fb = fuzzy_fallback(unlinked_post, unlinked_pre, name="name", school="school")
    fb = fb.rename(columns={"left_index": "right_index", "right_index": "left_index"})
    res = link_waves(pre_people["email"], post_people["email"], fallback=fb)
    assert res.by_rule == {"email": 1, "name+school": 1}
    assert res.pairs.set_index("pre_row").loc[2, "key"] == "jg@d.org"


def test_link_waves_rejects_repeated_keys_without_showing_them():
    with pytest.raises(ValueError, match="1 repeated person key") as err:
        link_waves(pd.Series(["secret@x.org", "secret@x.org"]), pd.Series(["a"]))
    assert "secret" not in str(err.value)


def test_link_waves_rejects_unknown_fallback_rows():
    fb = pd.DataFrame({"left_index": [9], "right_index": [0], "rule": ["name+school"]})
    with pytest.raises(ValueError, match="not in pre"):
        link_waves(pd.Series(["a"]), pd.Series(["b"]), fallback=fb)


def test_link_waves_empty_waves():
    res = link_waves(pd.Series([], dtype="string"), pd.Series([], dtype="string"))
    assert res.n_matched == 0 and np.isnan(res.match_rate_pre) and np.isnan(res.match_rate_post)


def test_link_waves_demo_participant_emails():
    from evalkit.ingest import read_export

    def keys(name):
        d = read_export(DEMO_DIR / name).data
        d = d[d["Status"] != "Survey Preview"]
        e = d["RecipientEmail"].str.strip().str.lower().dropna()
        return e[~e.duplicated(keep="last")]

    pre, post = keys("participant_pre_qualtrics.csv"), keys("participant_post_qualtrics.csv")
    res = link_waves(pre, post)
    assert res.n_matched == len(set(pre) & set(post)) > 80
    assert (pre.loc[res.pairs["pre_row"]].to_numpy() == post.loc[res.pairs["post_row"]].to_numpy()).all()


# ---------------------------------------------------------------------------------------------
# attrition_check
# ---------------------------------------------------------------------------------------------


def _by_hand(x: np.ndarray, flag: np.ndarray) -> tuple[float, ...]:
    """Independent computation of Austin's (2009) standardized difference with numpy."""
    m, u = x[flag & ~np.isnan(x)], x[~flag & ~np.isnan(x)]
    vm = np.sum((m - m.mean()) ** 2) / (len(m) - 1)
    vu = np.sum((u - u.mean()) ** 2) / (len(u) - 1)
    return m.mean(), np.sqrt(vm), u.mean(), np.sqrt(vu), (m.mean() - u.mean()) / np.sqrt((vm + vu) / 2)


def test_attrition_matches_hand_computation():
    rng = np.random.default_rng(7)
    n = 200
    flag = rng.random(n) < 0.6
    base = pd.DataFrame({"climate": rng.normal(3.4, 0.8, n) + 0.3 * flag, "years": rng.integers(0, 20, n),
                         "item": rng.integers(1, 6, n).astype(float)}, index=np.arange(n) + 2)
    base.loc[base.index[:7], "item"] = np.nan
    out = attrition_check(base, pd.Series(flag, index=base.index), columns=["climate", "years", "item"])
    assert list(out.columns) == ["column", "n_matched", "mean_matched", "sd_matched", "n_unmatched",
                                 "mean_unmatched", "sd_unmatched", "std_diff"]
    for _, row in out.iterrows():
        x = base[row["column"]].to_numpy(dtype=float)
        expected = _by_hand(x, flag)
        stats = ["mean_matched", "sd_matched", "mean_unmatched", "sd_unmatched", "std_diff"]
        got = row[stats].to_numpy(float)
        assert_allclose(got, expected, rtol=1e-12)
        assert row["n_matched"] + row["n_unmatched"] == (~np.isnan(x)).sum()


def test_attrition_small_worked_example():
    # matched 4, 3.5, 5 (mean 4.1667, SD 0.7638); unmatched 2, 2.5, 3 (mean 2.5, SD 0.5)
    # d = 1.6667 / sqrt((0.5833 + 0.25) / 2) = 2.581989
    base = pd.DataFrame({"score": [4.0, 3.5, 5.0, 2.0, 2.5, 3.0]})
    out = attrition_check(base, pd.Series([True] * 3 + [False] * 3), columns=["score"])
    assert_allclose(out["std_diff"], [2.581989], rtol=1e-6)


@pytest.mark.parametrize("values, flags", [
    ([1.0, 2.0, 3.0, 4.0], [True, False, False, False]),   # one matched case
    ([1.0, 2.0, 3.0, 4.0], [True, True, True, True]),      # nobody unmatched
    ([1.0, np.nan, 3.0, 4.0], [True, True, False, False]),  # one matched case left after NaN
    ([np.nan] * 4, [True, True, False, False]),             # all missing
    ([2.0, 2.0, 2.0, 2.0], [True, True, False, False]),     # zero variance in both groups
])
def test_attrition_edge_cases_give_nan(values, flags):
    out = attrition_check(pd.DataFrame({"x": values}), pd.Series(flags), columns=["x"])
    assert np.isnan(out["std_diff"].iloc[0])


def test_attrition_group_under_two_has_nan_mean_and_sd():
    out = attrition_check(pd.DataFrame({"x": [1.0, 2.0, 3.0]}), pd.Series([True, False, False]),
                          columns=["x"])
    row = out.iloc[0]
    assert row["n_matched"] == 1 and np.isnan(row["mean_matched"]) and np.isnan(row["sd_matched"])
    assert_allclose(row["mean_unmatched"], 2.5)


def test_attrition_bad_inputs():
    base = pd.DataFrame({"x": [1.0, 2.0], "role": ["a", "b"]})
    with pytest.raises(ValueError, match="must be numeric"):
        attrition_check(base, pd.Series([True, False]), columns=["role"])
    with pytest.raises(ValueError, match="lacks 1 row"):
        attrition_check(base, pd.Series([True]), columns=["x"])
    with pytest.raises(ValueError, match="only True/False"):
        attrition_check(base, pd.Series([True, None]), columns=["x"])
    with pytest.raises(ValueError, match="lacks column"):
        attrition_check(base, pd.Series([True, False]), columns=["y"])
