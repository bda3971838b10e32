"""The microdata gate: k-anonymity measured, reached by generalization and local suppression, or refused."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import DEMO_DIR

from evalkit.anonymize.kanon import SUPPRESSED, KAnonResult, default_ladder, enforce_k, k_anonymity
from evalkit.errors import EvalkitError, KAnonymityError

# ---------------------------------------------------------------------------------------------
# k_anonymity
# ---------------------------------------------------------------------------------------------


def test_k_anonymity_smallest_class():
    df = pd.DataFrame({"role": ["t", "t", "t", "c", "c"], "school": ["A", "A", "A", "B", "B"]})
    assert k_anonymity(df, ["role", "school"]) == 2
    assert k_anonymity(df, ["role"]) == 2
    assert k_anonymity(pd.concat([df, df.iloc[[0]]]), ["role", "school"]) == 2


def test_missing_values_form_their_own_class():
    df = pd.DataFrame({"role": ["t", "t", None, None, np.nan], "tier": ["A", "A", "A", "A", "A"]})
    # None and NaN are both "missing": the two 't' rows form a class of 2, the three missing roles one of 3.
    assert k_anonymity(df, ["role", "tier"]) == 2
    df2 = pd.DataFrame({"role": ["t", "t", "t", None], "tier": ["A"] * 4})
    assert k_anonymity(df2, ["role", "tier"]) == 1


def test_k_anonymity_empty_and_errors():
    assert k_anonymity(pd.DataFrame({"a": []}), ["a"]) == 0
    with pytest.raises(ValueError, match=r"\['b'\] are not columns"):
        k_anonymity(pd.DataFrame({"a": [1]}), ["b"])
    with pytest.raises(ValueError, match="non-empty list"):
        k_anonymity(pd.DataFrame({"a": [1]}), [])
    with pytest.raises(ValueError, match="non-empty list"):
        k_anonymity(pd.DataFrame({"a": [1]}), "a")


# ---------------------------------------------------------------------------------------------
# enforce_k
# ---------------------------------------------------------------------------------------------


def test_already_k_anonymous_passes_untouched():
    df = pd.DataFrame({"role": ["t"] * 5 + ["c"] * 5, "years_in_role": [3] * 5 + [7] * 5, "score": range(10)},
                      index=range(100, 110))
    res = enforce_k(df, ["role", "years_in_role"], k=5)
    assert isinstance(res, KAnonResult)
    pd.testing.assert_frame_equal(res.data, df)
    assert res.data is not df
    assert (res.k_before, res.k_after, res.steps, res.suppressed_cells) == (5, 5, [], 0)
    assert enforce_k(df, ["role", "years_in_role"], k=5, on_violation="refuse").steps == []


def test_years_in_role_get_banded():
    years = [0, 1, 2, 2, 1, 3, 4, 5, 4, 3, 6, 8, 10, 9, 7, 11, 14, 20, 12, 13]
    df = pd.DataFrame({"years_in_role": years, "score": range(20)}, index=range(2, 22))
    res = enforce_k(df, ["years_in_role"], k=5)
    assert res.steps == [("years_in_role", "bands 0-2/3-5/6-10/11+", 5)]
    assert res.data["years_in_role"].tolist() == ["0-2"] * 5 + ["3-5"] * 5 + ["6-10"] * 5 + ["11+"] * 5
    assert res.data["score"].tolist() == list(range(20)) and res.data.index.equals(df.index)
    assert (res.k_before, res.k_after) == (1, 5)


def test_years_as_text_and_missing_values():
    df = pd.DataFrame({"years_in_role": ["1", "2", "0", "4", "5", "3", "3", None, None, None]})
    res = enforce_k(df, ["years_in_role"], k=3)
    assert res.data["years_in_role"].isna().sum() == 3
    assert res.k_after >= 3


def test_unique_combinations_get_locally_suppressed():
    # 100 teachers at two big schools; five coaches, each the only coach at their school.
    df = pd.DataFrame({"role": ["teacher"] * 100 + ["coach"] * 5,
                       "school": ["A"] * 50 + ["B"] * 50 + ["C", "D", "E", "F", "G"]})
    res = enforce_k(df, ["role", "school"], k=5)
    assert res.steps == [("school", "local suppression of 5 cell(s)", 5)]
    assert res.data["school"].tolist()[-5:] == [SUPPRESSED] * 5
    assert res.data["school"].tolist()[:100] == df["school"].tolist()[:100]
    assert res.data["role"].tolist() == df["role"].tolist()
    assert res.suppressed_cells == 5 and res.k_after == 5 == k_anonymity(res.data, ["role", "school"])


def test_single_unique_record_gets_complementary_suppression():
    df = pd.DataFrame({"role": ["teacher"] * 40 + ["coach"], "school": ["A"] * 20 + ["B"] * 20 + ["C"]})
    res = enforce_k(df, ["role", "school"], k=5)
    # School has more distinct values than role, so it is suppressed first.
    assert [s[0] for s in res.steps] == ["school", "role", "*"]
    assert res.steps[-1][1] == "complementary suppression of 8 cell(s) in 4 record(s)"
    assert res.suppressed_cells == 10 and res.k_after == 5
    assert ((res.data == SUPPRESSED).all(axis=1)).sum() == 5
    # Taken from the last rows of the largest class (the first of two equally large).
    assert (res.data["school"] == "A").sum() == 16
    assert res.data.loc[16:19, "school"].eq(SUPPRESSED).all() and res.data.loc[40, "role"] == SUPPRESSED


def test_category_merging_into_other():
    roles = ["teacher"] * 30 + ["AP"] * 12 + ["coach"] * 3 + ["counselor"] * 2 + ["nurse"]
    df = pd.DataFrame({"role": roles})
    res = enforce_k(df, ["role"], k=5)
    assert res.steps == [("role", "merge categories with fewer than 5 records into 'Other'", 6)]
    assert res.data["role"].value_counts().to_dict() == {"teacher": 30, "AP": 12, "Other": 6}


def test_text_bands_are_merged():
    bands = ["0-2"] * 3 + ["3-5"] * 3 + ["6-10"] * 6 + ["11-20"] * 6 + ["20+"] * 6
    res = enforce_k(pd.DataFrame({"years_band": bands}), ["years_band"], k=5)
    assert res.steps == [("years_band", "merge adjacent bands: 0-5/6-20/20+", 6)]
    assert res.data["years_band"].value_counts().to_dict() == {"6-20": 12, "0-5": 6, "20+": 6}


def test_refuse_mode_raises_without_values():
    df = pd.DataFrame({"role": ["teacher"] * 10 + ["superintendent"], "district": ["Riverdale"] * 11})
    with pytest.raises(KAnonymityError) as err:
        enforce_k(df, ["role", "district"], k=5, on_violation="refuse")
    e = err.value
    assert isinstance(e, EvalkitError) and isinstance(e, ValueError)
    assert (e.columns, e.k_required, e.k_reached) == (["role", "district"], 5, 1)
    text = str(e)
    assert "'role'" in text and "'district'" in text and "1 record" in text and "at least 5" in text
    assert "superintendent" not in text and "Riverdale" not in text and "teacher" not in text


def test_fewer_records_than_k_cannot_be_protected():
    df = pd.DataFrame({"role": ["a", "b", "c"]})
    with pytest.raises(KAnonymityError, match="only 3 record"):
        enforce_k(df, ["role"], k=5)


def test_empty_table_passes():
    res = enforce_k(pd.DataFrame({"role": pd.Series([], dtype="str")}), ["role"], k=5)
    assert res.steps == [] and res.k_after == 0


def test_custom_ladder_replaces_default():
    def decade(s):
        return (pd.to_numeric(s) // 10 * 10).astype(int).astype(str) + "s"

    decade.description = "decades"
    ages = [21, 25, 27, 29, 24, 33, 35, 31, 38, 36]
    res = enforce_k(pd.DataFrame({"age": ages}), ["age"], k=5, generalizers={"age": [decade]})
    assert res.steps == [("age", "decades", 5)]
    assert res.data["age"].tolist() == ["20s"] * 5 + ["30s"] * 5


def test_empty_ladder_means_suppression_only():
    df = pd.DataFrame({"years_in_role": [1] * 30 + [2, 3, 4, 5, 6]})
    res = enforce_k(df, ["years_in_role"], k=5, generalizers={"years_in_role": []})
    assert res.steps == [("years_in_role", "local suppression of 5 cell(s)", 5)]


def test_suppression_limit_zero_generalizes_instead():
    df = pd.DataFrame({"role": ["teacher"] * 100 + ["coach"] * 5,
                       "school": ["A"] * 50 + ["B"] * 50 + ["C", "D", "E", "F", "G"]})
    res = enforce_k(df, ["role", "school"], k=5, suppression_limit=0)
    assert res.suppressed_cells == 0 and res.k_after >= 5
    assert res.steps[0] == ("school", "merge categories with fewer than 5 records into 'Other'", 5)


@pytest.mark.parametrize("kwargs, match", [
    ({"k": 1}, "k must be an integer >= 2"),
    ({"k": 2.5}, "k must be an integer >= 2"),
    ({"on_violation": "drop"}, "on_violation must be one of"),
    ({"generalizers": {"school": []}}, "not quasi-identifiers"),
    ({"generalizers": {"role": "banding"}}, "must be a list of callables"),
    ({"suppression_limit": 2}, "suppression_limit"),
])
def test_bad_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        enforce_k(pd.DataFrame({"role": ["a"] * 6}), ["role"], **kwargs)


def test_generalizer_must_return_a_series():
    df = pd.DataFrame({"role": ["a"] * 6 + ["b"]})
    with pytest.raises(ValueError, match="must return a Series"):
        enforce_k(df, ["role"], k=5, generalizers={"role": [lambda s: "x"]}, suppression_limit=0)


@pytest.mark.parametrize("seed", range(8))
def test_random_tables_always_reach_k(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(20, 300))
    df = pd.DataFrame({
        "role": rng.choice(["teacher", "AP", "principal", "coach", "nurse", None], n,
                           p=[.5, .2, .1, .1, .05, .05]),
        "school_code": rng.choice([f"{i:08d}" for i in range(25)], n),
        "years_in_role": rng.integers(0, 25, n).astype(float),
        "years_band": rng.choice(["0-2", "3-5", "6-10", "11-20", "20+"], n),
    })
    df.loc[rng.random(n) < 0.05, "years_in_role"] = np.nan
    qis = list(df.columns)
    k = int(rng.integers(2, 8))
    res = enforce_k(df, qis, k=k)
    assert k_anonymity(res.data, qis) == res.k_after >= k
    assert res.suppressed_cells == int((res.data[qis] == SUPPRESSED).sum().sum())
    assert res.steps[-1][2] == res.k_after


def test_default_ladder_kinds():
    assert [s.description for s in default_ladder(pd.Series([1.0, 2.0], name="years_in_district"))][0] \
        == "bands 0-2/3-5/6-10/11+"
    codes = pd.Series(["00100040"] * 6 + ["00100020"] * 5 + ["00100035"] * 2, name="school_code")
    assert "categor" in default_ladder(codes)[0].description  # digit codes are categories, not numbers
    fte = pd.Series([0.5, 1.0, 1.0, 0.8, 0.6, 1.0, 0.4, 0.9], name="fte")
    assert default_ladder(fte)[0].description == "quartile bands"


# ---------------------------------------------------------------------------------------------
# The demo's registration table
# ---------------------------------------------------------------------------------------------

DEMO_QIS = ["role", "school_code", "years_in_role", "tier"]
DEMO_STEPS = [
    ("school_code", "merge categories with fewer than 5 records into 'Other'", 1),
    ("years_in_role", "bands 0-2/3-5/6-10/11+", 1),
    ("school_code", "keep the 13 largest categories, merge the rest into 'Other'", 1),
    ("school_code", "keep the 7 largest categories, merge the rest into 'Other'", 1),
    ("years_in_role", "bands 0-5/6+", 1),
    ("school_code", "keep the 4 largest categories, merge the rest into 'Other'", 1),
    ("school_code", "keep the 2 largest categories, merge the rest into 'Other'", 1),
    ("role", "local suppression of 16 cell(s)", 2),
    ("school_code", "local suppression of 16 cell(s)", 4),
    ("tier", "local suppression of 8 cell(s)", 4),
    ("years_in_role", "local suppression of 8 cell(s)", 5),
]


def test_demo_registration_reaches_k5():
    from evalkit.ingest import read_export

    df = read_export(DEMO_DIR / "registration.xlsx").data
    res = enforce_k(df, DEMO_QIS, k=5)
    assert (res.k_before, res.k_after, res.suppressed_cells) == (1, 5, 48)
    assert k_anonymity(res.data, DEMO_QIS) == 5
    assert res.steps == DEMO_STEPS
    assert res.to_dict()["steps"][0] == list(DEMO_STEPS[0])
    assert res.to_frame()["column"].tolist() == [s[0] for s in DEMO_STEPS]
    untouched = [c for c in df.columns if c not in DEMO_QIS]
    pd.testing.assert_frame_equal(res.data[untouched], df[untouched])
    with pytest.raises(KAnonymityError):
        enforce_k(df, DEMO_QIS, k=5, on_violation="refuse")
