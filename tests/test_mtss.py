"""MTSS screening aggregates: pooled % at benchmark weighted by students (not a mean of school percentages), Wilson
intervals against statsmodels (computed here, never copied from evalkit's output), window order, net movement
between windows against a hand computation, suppressed counts kept missing (never zero), on-track ROI missing in
the fall, and one pooled rate of the demo file against a pandas computation written here."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose
from statsmodels.stats.proportion import proportion_confint

from evalkit.analyze.mtss import MtssReason, benchmark_rates, net_movement, on_track, tier_counts

from conftest import DEMO_DIR

NAN = float("nan")


def _frame(rows: list[tuple], year: str = "2023-24", grade: str = "3", measure: str = "reading") -> pd.DataFrame:
    """Rows of (school, window, screened, at_benchmark, some_risk, high_risk, tier2, tier3, roi_on_track)."""
    cols = ["school_code", "window", "n_screened", "n_at_benchmark", "n_some_risk", "n_high_risk", "n_tier2",
            "n_tier3", "n_roi_on_track"]
    d = pd.DataFrame(rows, columns=cols)
    d.insert(1, "school_year", year)
    d.insert(3, "grade", grade)
    d.insert(4, "measure", measure)
    return d


# a large school at 20 % and a small one at 80 %: pooled 30 %, mean of school percentages 50 %
UNEQUAL = _frame([
    ("A", "fall", 200, 40, 100, 60, 50, 30, NAN),
    ("B", "fall", 20, 16, 2, 2, 2, 1, NAN),
    ("A", "winter", 200, 70, 80, 50, 40, 25, 30),
    ("B", "winter", 20, 18, 1, 1, 1, 1, 2),
    ("A", "spring", 200, 90, 70, 40, 35, 20, 28),
    ("B", "spring", 20, 17, 2, 1, 2, 0, 1),
])


def _one(out: pd.DataFrame, **where) -> pd.Series:
    hit = out
    for k, v in where.items():
        hit = hit[hit[k] == v]
    assert len(hit) == 1, f"{len(hit)} rows for {where}"
    return hit.iloc[0]


# --- pooling -----------------------------------------------------------------------------------------------

def test_pooled_rate_weights_students_not_schools() -> None:
    out = benchmark_rates(UNEQUAL, by="grade")
    fall = _one(out, window="fall")
    assert fall["n_screened"] == 220 and fall["n_at_benchmark"] == 56
    assert_allclose(fall["pct_at_benchmark"], 100 * 56 / 220, rtol=1e-12)
    mean_of_schools = np.mean([100 * 40 / 200, 100 * 16 / 20])
    assert abs(fall["pct_at_benchmark"] - mean_of_schools) > 20      # 25.5 vs 50: a mean of % would fail
    assert_allclose([fall["pct_some_risk"], fall["pct_high_risk"]], [100 * 102 / 220, 100 * 62 / 220], rtol=1e-12)
    assert fall["n_rows"] == 2 and fall["n_suppressed"] == 0 and pd.isna(fall["reason"])


def test_school_in_by_gives_one_row_per_school() -> None:
    out = benchmark_rates(UNEQUAL, by=["grade", "school_code"])
    assert len(out) == 6
    b = _one(out, school_code="B", window="fall")
    assert_allclose(b["pct_at_benchmark"], 80.0, rtol=1e-12)
    assert b["n_rows"] == 1


@pytest.mark.parametrize("confidence_level", [0.95, 0.90, 0.99])
def test_wilson_interval_matches_statsmodels(confidence_level: float) -> None:
    out = benchmark_rates(UNEQUAL, by="grade", confidence_level=confidence_level)
    for window, (x, n) in {"fall": (56, 220), "winter": (88, 220), "spring": (107, 220)}.items():
        lo, hi = proportion_confint(x, n, alpha=1 - confidence_level, method="wilson")
        row = _one(out, window=window)
        assert_allclose([row["ci_low"], row["ci_high"]], [100 * lo, 100 * hi], rtol=1e-12)
        assert row["confidence_level"] == confidence_level and row["method"] == "wilson"


def test_wilson_interval_at_zero_and_all_at_benchmark() -> None:
    d = _frame([("A", "fall", 30, 0, 20, 10, 5, 5, NAN), ("A", "winter", 30, 30, 0, 0, 0, 0, 0)])
    out = benchmark_rates(d, by="grade")
    for window, x in (("fall", 0), ("winter", 30)):
        lo, hi = proportion_confint(x, 30, method="wilson")
        row = _one(out, window=window)
        assert_allclose([row["ci_low"], row["ci_high"]], [100 * lo, 100 * hi], rtol=1e-12, atol=1e-12)


# --- window order ------------------------------------------------------------------------------------------

def test_windows_come_out_in_screening_order() -> None:
    shuffled = UNEQUAL.iloc[[5, 2, 0, 3, 4, 1]].reset_index(drop=True)     # spring, winter, fall, ...
    for f in (benchmark_rates, tier_counts, on_track):
        assert f(shuffled, by="grade")["window"].tolist() == ["fall", "winter", "spring"], f.__name__


def test_window_order_is_a_parameter_and_unknown_windows_are_refused() -> None:
    d = UNEQUAL.replace({"window": {"fall": "BOY", "winter": "MOY", "spring": "EOY"}})
    out = benchmark_rates(d.iloc[::-1], by="grade", windows=("BOY", "MOY", "EOY"))
    assert out["window"].tolist() == ["BOY", "MOY", "EOY"]
    with pytest.raises(ValueError, match=r"'BOY'.*not in windows"):
        benchmark_rates(d, by="grade")


def test_groups_keep_their_order_and_windows_nest_within_years() -> None:
    d = pd.concat([UNEQUAL.assign(school_year="2024-25"), UNEQUAL], ignore_index=True).iloc[::-1]
    out = benchmark_rates(d, by="grade")
    assert out[["school_year", "window"]].values.tolist() == [
        ["2023-24", "fall"], ["2023-24", "winter"], ["2023-24", "spring"],
        ["2024-25", "fall"], ["2024-25", "winter"], ["2024-25", "spring"]]


# --- tiers and net movement --------------------------------------------------------------------------------

def test_tier_counts_and_shares_by_hand() -> None:
    out = tier_counts(UNEQUAL, by="grade")
    w = _one(out, window="winter")
    assert [w["n_tier2"], w["n_tier3"]] == [41, 26]
    assert_allclose([w["pct_tier2"], w["pct_tier3"]], [100 * 41 / 220, 100 * 26 / 220], rtol=1e-12)


def test_net_movement_against_a_hand_computation() -> None:
    out = net_movement(UNEQUAL, by="grade")
    assert out[["from_window", "to_window"]].values.tolist() == [["fall", "winter"], ["winter", "spring"]]
    fw = _one(out, from_window="fall")
    # fall: 56/220 at benchmark, tier 2 = 52, tier 3 = 31; winter: 88/220, 41, 26
    assert_allclose(fw["change_pct_at_benchmark"], 100 * 88 / 220 - 100 * 56 / 220, rtol=1e-12)
    assert [fw["change_tier2"], fw["change_tier3"]] == [41 - 52, 26 - 31]
    assert_allclose([fw["change_pct_tier2"], fw["change_pct_tier3"]],
                    [100 * (41 - 52) / 220, 100 * (26 - 31) / 220], rtol=1e-12)
    ws = _one(out, from_window="winter")
    assert_allclose(ws["change_pct_at_benchmark"], 100 * (107 - 88) / 220, rtol=1e-12)
    assert [ws["change_tier2"], ws["change_tier3"]] == [37 - 41, 20 - 26]
    assert out["same_schools"].tolist() == [True, True] and out["reason"].isna().all()


def test_net_movement_uses_pooled_rates_when_screened_counts_differ() -> None:
    d = _frame([("A", "fall", 100, 50, 30, 20, 10, 5, NAN), ("B", "fall", 300, 60, 140, 100, 60, 30, NAN),
                ("A", "winter", 150, 90, 40, 20, 8, 4, 5), ("B", "winter", 250, 75, 100, 75, 55, 25, 40)])
    m = _one(net_movement(d, by="grade", windows=("fall", "winter")), from_window="fall")
    # pooled: 110/400 -> 165/400; the change of the schools' mean % would be (60 - 50 + 30 - 20) / 2 = 10
    assert_allclose(m["change_pct_at_benchmark"], 100 * 165 / 400 - 100 * 110 / 400, rtol=1e-12)
    assert_allclose(m["change_pct_tier2"], 100 * 63 / 400 - 100 * 70 / 400, rtol=1e-12)


def test_net_movement_never_skips_a_missing_window() -> None:
    no_winter = UNEQUAL[UNEQUAL["window"] != "winter"]
    out = net_movement(no_winter, by="grade")
    assert out[["from_window", "to_window"]].values.tolist() == [["fall", "winter"], ["winter", "spring"]]
    assert out["change_pct_at_benchmark"].isna().all()
    assert out["reason"].tolist() == [MtssReason.no_data.value] * 2
    assert out["same_schools"].isna().all()


def test_net_movement_flags_a_change_of_schools() -> None:
    d = UNEQUAL[~((UNEQUAL["school_code"] == "B") & (UNEQUAL["window"] == "spring"))]
    out = net_movement(d, by="grade")
    assert out["same_schools"].tolist() == [True, False]
    assert _one(out, from_window="winter")["n_screened_to"] == 200


def test_net_movement_stays_within_a_school_year() -> None:
    d = pd.concat([UNEQUAL, UNEQUAL.assign(school_year="2024-25")], ignore_index=True)
    out = net_movement(d, by="grade")
    assert len(out) == 4            # two pairs per year; no spring 2023-24 -> fall 2024-25 pair
    assert set(zip(out["school_year"], out["from_window"])) == {("2023-24", "fall"), ("2023-24", "winter"),
                                                                ("2024-25", "fall"), ("2024-25", "winter")}


# --- suppressed counts -------------------------------------------------------------------------------------

def test_a_suppressed_count_makes_the_pooled_rate_missing_never_zero() -> None:
    d = UNEQUAL.copy()
    d.loc[(d["school_code"] == "B") & (d["window"] == "fall"), "n_at_benchmark"] = NAN
    out = benchmark_rates(d, by="grade")
    fall = _one(out, window="fall")
    # read as zero, the sum would be 40 and the rate 18.2 %; dropped, 40/200 = 20 %: both wrong
    assert np.isnan(fall["n_at_benchmark"]) and np.isnan(fall["pct_at_benchmark"])
    assert np.isnan(fall["ci_low"]) and np.isnan(fall["ci_high"])
    assert fall["reason"] == MtssReason.suppressed.value and fall["n_suppressed"] == 1
    assert fall["n_screened"] == 220                        # the known sums stay known
    assert_allclose(fall["pct_some_risk"], 100 * 102 / 220, rtol=1e-12)
    winter = _one(out, window="winter")                       # other windows are untouched
    assert_allclose(winter["pct_at_benchmark"], 100 * 88 / 220, rtol=1e-12) and pd.isna(winter["reason"])


def test_a_suppressed_denominator_leaves_every_share_missing_and_dropping_rows_is_explicit() -> None:
    d = UNEQUAL.copy()
    d.loc[(d["school_code"] == "B") & (d["window"] == "winter"), "n_screened"] = NAN
    winter = _one(tier_counts(d, by="grade"), window="winter")
    assert np.isnan(winter["n_screened"]) and np.isnan(winter["pct_tier2"]) and np.isnan(winter["pct_tier3"])
    assert winter["n_tier2"] == 41                             # the tier counts themselves are known
    assert winter["reason"] == MtssReason.suppressed.value
    m = net_movement(d, by="grade")
    assert m["change_pct_at_benchmark"].isna().all() and (m["reason"] == MtssReason.suppressed.value).all()
    # a caller who accepts pooling the schools that reported drops the rows, where it shows
    known = benchmark_rates(d.dropna(subset=["n_screened"]), by="grade")
    assert_allclose(_one(known, window="winter")["pct_at_benchmark"], 35.0, rtol=1e-12)


def test_no_students_screened_is_missing_with_its_reason() -> None:
    d = _frame([("A", "fall", 0, 0, 0, 0, 0, 0, NAN)])
    row = benchmark_rates(d, by="grade").iloc[0]
    assert np.isnan(row["pct_at_benchmark"]) and row["reason"] == MtssReason.none_screened.value


# --- on-track ROI ------------------------------------------------------------------------------------------

def test_on_track_is_missing_in_fall_with_a_reason_never_zero() -> None:
    out = on_track(UNEQUAL, by="grade")
    fall = _one(out, window="fall")
    assert np.isnan(fall["n_on_track"]) and np.isnan(fall["pct_on_track"]) and fall["pct_on_track"] != 0
    assert fall["reason"] == MtssReason.not_reported.value and fall["n_suppressed"] == 0
    assert fall["n_intervention"] == 50 + 30 + 2 + 1
    winter = _one(out, window="winter")
    assert_allclose(winter["pct_on_track"], 100 * 32 / 67, rtol=1e-12)
    lo, hi = proportion_confint(32, 67, method="wilson")
    assert_allclose([winter["ci_low"], winter["ci_high"]], [100 * lo, 100 * hi], rtol=1e-12)


def test_on_track_suppressed_cell_and_no_intervention_students() -> None:
    d = UNEQUAL.copy()
    d.loc[(d["school_code"] == "B") & (d["window"] == "winter"), "n_roi_on_track"] = NAN
    out = on_track(d, by="grade")
    w = _one(out, window="winter")
    assert np.isnan(w["pct_on_track"]) and w["reason"] == MtssReason.suppressed.value and w["n_suppressed"] == 1
    empty = _frame([("A", "fall", 30, 30, 0, 0, 0, 0, NAN), ("A", "winter", 30, 30, 0, 0, 0, 0, 0)])
    w = _one(on_track(empty, by="grade"), window="winter")
    assert np.isnan(w["pct_on_track"]) and w["reason"] == MtssReason.no_intervention.value


# --- validation --------------------------------------------------------------------------------------------

def test_missing_column_is_named() -> None:
    with pytest.raises(ValueError, match=r"benchmark_rates\(\): counts lacks column\(s\) \['n_at_benchmark'\]"):
        benchmark_rates(UNEQUAL.drop(columns="n_at_benchmark"), by="grade")
    with pytest.raises(ValueError, match=r"\['n_roi_on_track'\]"):
        on_track(UNEQUAL.drop(columns="n_roi_on_track"), by="grade")


def test_two_measures_pooled_by_mistake_are_refused() -> None:
    d = pd.concat([UNEQUAL, UNEQUAL.assign(measure="math")], ignore_index=True)
    with pytest.raises(ValueError, match="one row per"):
        benchmark_rates(d, by="grade")
    assert len(benchmark_rates(d, by=["measure", "grade"])) == 6


@pytest.mark.parametrize("column, value, match", [
    ("n_at_benchmark", 500, "exceeds 'n_screened'"),
    ("n_some_risk", 190, "exceeds 'n_screened'"),
    ("n_screened", -1, ">= 0"),
    ("n_screened", 200.5, "whole numbers"),
])
def test_impossible_counts_are_refused(column: str, value: float, match: str) -> None:
    d = UNEQUAL.astype({column: float})
    d.loc[0, column] = value
    with pytest.raises(ValueError, match=match):
        benchmark_rates(d, by="grade")


def test_more_on_track_than_in_intervention_is_refused_and_text_counts_are_a_type_error() -> None:
    d = UNEQUAL.copy()
    d.loc[2, "n_roi_on_track"] = 100
    with pytest.raises(ValueError, match="exceeds 'n_tier2' \\+ 'n_tier3'"):
        on_track(d, by="grade")
    with pytest.raises(TypeError, match="'n_tier2' of counts must be numeric"):
        tier_counts(UNEQUAL.astype({"n_tier2": str}), by="grade")
    with pytest.raises(ValueError, match="at least 2"):
        net_movement(UNEQUAL, by="grade", windows=("fall",))
    with pytest.raises(ValueError, match="must not repeat"):
        benchmark_rates(UNEQUAL, by=["grade", "window"])


# --- the demo file -----------------------------------------------------------------------------------------

def test_demo_file_pooled_rate_matches_pandas() -> None:
    d = pd.read_csv(DEMO_DIR / "mtss_aggregates.csv", dtype={"school_code": str, "grade": str})
    out = benchmark_rates(d)
    keys = ["school_year", "measure", "grade", "window"]
    sums = d.groupby(keys)[["n_screened", "n_at_benchmark"]].sum()
    expected = (100 * sums["n_at_benchmark"] / sums["n_screened"]).rename("expected").reset_index()
    both = out.merge(expected, on=keys, validate="one_to_one")
    assert len(both) == len(expected) == len(out)
    assert_allclose(both["pct_at_benchmark"], both["expected"], rtol=1e-12)
    one = _one(out, school_year="2023-24", measure="reading_composite", grade="3", window="winter")
    sub = d[(d["school_year"] == "2023-24") & (d["measure"] == "reading_composite") & (d["grade"] == "3")
            & (d["window"] == "winter")]
    assert_allclose(one["pct_at_benchmark"], 100 * sub["n_at_benchmark"].sum() / sub["n_screened"].sum(), rtol=1e-12)
    assert one["n_rows"] == len(sub)
    fall = on_track(d)
    assert (fall.loc[fall["window"] == "fall", "reason"] == MtssReason.not_reported.value).all()
    assert fall.loc[fall["window"] != "fall", "pct_on_track"].notna().all()
