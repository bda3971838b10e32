"""Self-generated ID codes: parsing, element-wise 1:1 linkage, the demo staff surveys, speed."""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest
from conftest import DEMO_DIR

from evalkit.anonymize.sgic import SgicResult, link_codes, parse_code

# mother's initial, birth month, town initial, older siblings, father's initial, birth day
DEMO = [1, 2, 1, 1, 1, 2]


@pytest.mark.parametrize("code, expected", [
    ("M07R2K14", ("M", "07", "R", "2", "K", "14")),
    ("  m07r2k14\t", ("M", "07", "R", "2", "K", "14")),
    ("M 07 R 2 K 14", ("M", "07", "R", "2", "K", "14")),
    ("M07R2K1", None),
    ("M07R2K145", None),
    ("", None),
    (None, None),
    (float("nan"), None),
])
def test_parse_code(code, expected):
    assert parse_code(code, elements=DEMO) == expected


@pytest.mark.parametrize("elements", [[], [1, 0], "121", [1.5, 2], None])
def test_parse_code_bad_elements(elements):
    with pytest.raises(ValueError, match="elements must be"):
        parse_code("AB", elements=elements)


def _link(pre, post, **kw):
    return link_codes(pd.Series(pre), pd.Series(post), elements=kw.pop("elements", DEMO), **kw)


def test_exact_and_one_element():
    res = _link(["M07R2K14", "A01B0C02", "Z12Z9Z28"], ["A01B1C02", "M07R2K14", "Q05Q5Q05"])
    assert isinstance(res, SgicResult)
    assert res.pairs.values.tolist() == [[0, 1, 0, "exact"], [1, 0, 1, "one_element"]]
    assert (res.n_exact, res.n_fuzzy, res.n_unmatched_pre, res.n_unmatched_post) == (1, 1, 1, 1)
    frame = res.to_frame()
    assert frame["wave"].tolist() == ["pre", "post"] and frame["unmatched"].tolist() == [1, 1]
    assert res.to_dict()["n_exact"] == 1


def test_lower_case_reentry_links_exactly():
    res = _link(["M07R2K14"], [" m07r2k14 "])
    assert res.n_exact == 1 and res.pairs["rule"].tolist() == ["exact"]


def test_two_mismatches_not_linked():
    res = _link(["M07R2K14"], ["M08R2K15"])
    assert res.pairs.empty and res.n_unmatched_pre == 1 and res.n_unmatched_post == 1


def test_two_mismatches_linked_only_when_allowed():
    res = _link(["M07R2K14"], ["M08R2K15"], max_mismatch=2)
    assert res.pairs["rule"].tolist() == ["two_elements"] and res.n_fuzzy == 1


def test_ambiguous_pre_code_stays_unlinked():
    # Two post codes each one element away from the pre code.
    res = _link(["M07R2K14"], ["M07R2K15", "N07R2K14"])
    assert res.pairs.empty


def test_post_code_claimed_by_two_pre_codes_stays_unlinked():
    res = _link(["M07R2K14", "M07R2K16"], ["M07R2K15"])
    assert res.pairs.empty


def test_exact_beats_one_element_and_loser_gets_no_second_choice():
    res = _link(["M07R2K14", "M07R2K15"], ["M07R2K14", "M07R9K14"])
    # pre 0 = post 0 exactly; pre 1 is one element from post 0 but two from post 1: unmatched.
    assert res.pairs[["pre_row", "post_row", "mismatches"]].values.tolist() == [[0, 0, 0]]


def test_identical_duplicate_codes_stay_unlinked():
    res = _link(["M07R2K14", "M07R2K14"], ["M07R2K14"])
    assert res.pairs.empty


@pytest.mark.parametrize("elements, post, linked", [
    ([1, 2, 1, 1, 1], "M07R2X", False),   # 5 elements: one mismatch not allowed
    ([1, 2, 1, 1, 1], "M07R2K", True),    # exact still links
    ([2, 2, 2], "M07R2X", False),
])
def test_short_codes_link_only_exactly(elements, post, linked):
    res = _link(["M07R2K"], [post], elements=elements)
    assert (len(res.pairs) == 1) is linked


def test_min_elements_for_mismatch_can_be_lowered():
    res = _link(["M07R2K"], ["M07R2X"], elements=[1, 2, 1, 1, 1], min_elements_for_mismatch=5)
    assert res.pairs["rule"].tolist() == ["one_element"]


def test_blocking_only_compares_within_block():
    pre = pd.Series(["M07R2K14", "A01B0C02", "Q05Q5Q05"], index=[10, 11, 12])
    post = pd.Series(["M07R2K14", "A01B0C02", "Q05Q5Q05"], index=[20, 21, 22])
    block = (pd.Series(["S1", "S1", None], index=pre.index), pd.Series(["S1", "S2", None], index=post.index))
    res = link_codes(pre, post, elements=DEMO, block=block)
    assert res.pairs[["pre_row", "post_row"]].values.tolist() == [[10, 20]]
    # Blocking also removes the competition from other blocks: an ambiguity across schools goes away.
    pre2 = pd.Series(["M07R2K14"])
    post2 = pd.Series(["M07R2K15", "N07R2K14"])
    res2 = link_codes(pre2, post2, elements=DEMO, block=(pd.Series(["S1"]), pd.Series(["S1", "S2"])))
    assert res2.pairs[["post_row", "rule"]].values.tolist() == [[0, "one_element"]]


def test_invalid_codes_are_counted_unmatched():
    res = _link(["M07R2K14", "bad", None], ["M07R2K14", ""])
    assert (res.n_invalid_pre, res.n_invalid_post) == (2, 1)
    assert (res.n_unmatched_pre, res.n_unmatched_post) == (2, 1) and res.n_exact == 1


def test_empty_inputs():
    res = _link([], [])
    assert res.pairs.empty and res.n_matched == 0
    assert list(res.pairs.columns) == ["pre_row", "post_row", "mismatches", "rule"]


@pytest.mark.parametrize("kwargs, match", [
    ({"max_mismatch": -1}, "max_mismatch"),
    ({"max_mismatch": True}, "max_mismatch"),
    ({"min_elements_for_mismatch": 0}, "min_elements_for_mismatch"),
    ({"block": (pd.Series(["S1"]),)}, "block must be"),
    ({"block": (pd.Series(["S1"], index=[5]), pd.Series(["S1"]))}, "cover every row of pre"),
])
def test_bad_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        link_codes(pd.Series(["M07R2K14"]), pd.Series(["M07R2K14"]), elements=DEMO, **kwargs)


# ---------------------------------------------------------------------------------------------
# The demo's anonymous staff surveys
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def staff():
    waves = {}
    for w in ("pre", "post"):
        d = pd.read_csv(DEMO_DIR / f"staff_{w}.csv", dtype=str, keep_default_na=False, na_values=[""])
        d.index = d.index + 2  # spreadsheet row of the export
        waves[w] = d
    return waves["pre"], waves["post"]


def _agreement(res: SgicResult, pre: pd.DataFrame, post: pd.DataFrame) -> pd.Series:
    """Whether each linked pair agrees on the person's stable attributes (the demo's check of truth)."""
    cols = ["school_code", "role_group", "years_band"]
    a = pre.loc[res.pairs["pre_row"], cols].to_numpy()
    b = post.loc[res.pairs["post_row"], cols].to_numpy()
    return pd.Series((a == b).all(axis=1))


def test_demo_staff_blocked_by_school(staff):
    pre, post = staff
    res = link_codes(pre["self_code"], post["self_code"], elements=DEMO,
                     block=(pre["school_code"], post["school_code"]))
    assert (res.n_pre, res.n_post) == (557, 598)
    assert (res.n_exact, res.n_fuzzy, res.n_unmatched_pre, res.n_unmatched_post) == (265, 47, 245, 286)
    assert res.n_invalid_pre == res.n_invalid_post == 0
    # The generator keeps ~60% of pre respondents and re-enters 80% of codes exactly, 15% with one
    # element wrong and 5% with two: about 267 exact, 50 one-element and 17 unlinkable returners.
    assert _agreement(res, pre, post).all()
    assert res.pairs["pre_row"].is_unique and res.pairs["post_row"].is_unique


def test_demo_staff_unblocked_and_exact_only(staff):
    pre, post = staff
    res = link_codes(pre["self_code"], post["self_code"], elements=DEMO)
    assert (res.n_exact, res.n_fuzzy) == (265, 47)
    assert (~_agreement(res, pre, post)).sum() == 1  # one false one-element link without blocking
    exact = link_codes(pre["self_code"], post["self_code"], elements=DEMO, max_mismatch=0)
    assert (exact.n_exact, exact.n_fuzzy) == (265, 0)


def test_a_few_thousand_codes_link_fast():
    rng = np.random.default_rng(20261122)
    letters = np.array(list("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))

    def codes(n):
        return pd.Series([f"{a}{m:02d}{b}{s}{c}{d:02d}" for a, m, b, s, c, d in zip(
            rng.choice(letters, n), rng.integers(1, 13, n), rng.choice(letters, n), rng.integers(0, 6, n),
            rng.choice(letters, n), rng.integers(1, 29, n))])

    pre = codes(3000)
    post = pd.concat([pre.iloc[:2000].str.lower(), codes(1000)], ignore_index=True)
    start = time.perf_counter()
    res = link_codes(pre, post, elements=DEMO)
    elapsed = time.perf_counter() - start
    assert res.n_exact >= 1990
    assert elapsed < 1.0, f"3000 x 3000 codes took {elapsed:.2f} s"
