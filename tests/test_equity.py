"""Equity gaps: risk ratios and their Katz intervals against statsmodels' Table2x2 (computed here, never copied
from evalkit's output), the IDEA small-group rules (34 CFR 300.647) on hand-made districts, and gap closure on
hand-made rates."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose
from statsmodels.stats.contingency_tables import Table2x2

from evalkit.analyze.equity import EquityReason, gap_series, gaps, risk_ratios

RR_COLS = ["risk_ratio", "ci_low", "ci_high"]


def _two_groups(a: float, n1: float, c: float, n2: float, unit: str = "D1") -> pd.DataFrame:
    return pd.DataFrame({"district": [unit, unit], "race": ["G", "O"], "sped": [a, c], "enrolled": [n1, n2]})


def _rr(counts: pd.DataFrame, **kw) -> pd.DataFrame:
    return risk_ratios(counts, group="race", numerator="sped", denominator="enrolled", by="district", **kw)


def _row(out: pd.DataFrame, district: str, race: str) -> pd.Series:
    hit = out[(out["district"] == district) & (out["race"] == race)]
    assert len(hit) == 1
    return hit.iloc[0]


def _table2x2(a: float, n1: float, c: float, n2: float, alpha: float = 0.05) -> list[float]:
    t = Table2x2(np.array([[a, n1 - a], [c, n2 - c]], dtype=float))
    return [t.riskratio, *t.riskratio_confint(alpha=alpha)]


# --- risk ratios against Table2x2 --------------------------------------------------------------------------

@pytest.mark.parametrize("a, n1, c, n2", [
    (30, 200, 40, 600),      # the domain note's demo table [[30, 170], [40, 560]]
    (12, 88, 25, 475),
    (50, 100, 30, 200),
    (10, 30, 10, 30),        # both exactly at the thresholds: still a plain risk ratio
    (100, 100, 45, 900),     # every child of the group identified (a zero cell Table2x2 would shift)
])
def test_risk_ratio_and_interval_match_table2x2(a, n1, c, n2):
    out = _rr(_two_groups(a, n1, c, n2))
    g = _row(out, "D1", "G")
    assert g["method"] == "risk ratio" and pd.isna(g["reason"])
    if n1 - a == 0:
        # Table2x2 adds 0.5 to every cell when one is 0; the Katz formula needs no shift here, so check the
        # ratio exactly and the interval from the textbook formula
        rr = (a / n1) / (c / n2)
        se = np.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n2)
        expected = [rr, rr * np.exp(-1.959963984540054 * se), rr * np.exp(1.959963984540054 * se)]
    else:
        expected = _table2x2(a, n1, c, n2)
    assert_allclose(g[RR_COLS].astype(float), expected, rtol=1e-12)
    assert_allclose([g["risk"], g["comparison_risk"]], [a / n1, c / n2], rtol=1e-12)
    assert [g["comparison_numerator"], g["comparison_denominator"]] == [c, n2]


def test_domain_note_example_to_the_printed_precision():
    # domain.md §3: Table2x2([[30, 170], [40, 560]]) -> RR 2.25, 95% CI 1.44-3.51
    g = _row(_rr(_two_groups(30, 200, 40, 600)), "D1", "G")
    assert [round(float(g[c]), 2) for c in RR_COLS] == [2.25, 1.44, 3.51]


@pytest.mark.parametrize("level", [0.80, 0.90, 0.99])
def test_confidence_level_matches_table2x2_alpha(level):
    g = _row(_rr(_two_groups(30, 200, 40, 600), confidence_level=level), "D1", "G")
    assert_allclose(g[RR_COLS].astype(float), _table2x2(30, 200, 40, 600, alpha=1 - level), rtol=1e-12)


def test_comparison_is_all_other_children_summed_over_the_other_groups():
    counts = pd.DataFrame({"district": ["D1"] * 3, "race": ["A", "B", "C"],
                           "sped": [30, 25, 15], "enrolled": [200, 300, 300]})
    out = _rr(counts)
    for race, (a, n1), (c, n2) in [("A", (30, 200), (40, 600)), ("B", (25, 300), (45, 500)),
                                   ("C", (15, 300), (55, 500))]:
        assert_allclose(_row(out, "D1", race)[RR_COLS].astype(float), _table2x2(a, n1, c, n2), rtol=1e-12)


def test_a_total_row_gives_the_same_ratios_as_summing_the_groups():
    groups = pd.DataFrame({"district": ["D1"] * 3, "race": ["A", "B", "C"],
                           "sped": [30, 25, 15], "enrolled": [200, 300, 300]})
    with_total = pd.concat([groups, pd.DataFrame({"district": ["D1"], "race": ["all"], "sped": [70],
                                                  "enrolled": [800]})], ignore_index=True)
    a, b = _rr(groups), _rr(with_total, total_label="all")
    assert list(b["race"]) == ["A", "B", "C"]          # the total row is not a group
    pd.testing.assert_frame_equal(a, b)


def test_a_total_row_lets_a_group_be_compared_although_another_group_is_suppressed():
    # group B is suppressed; with the total row, A's others are known (total minus A), without it they are not
    counts = pd.DataFrame({"district": ["D1"] * 4, "race": ["A", "B", "C", "all"],
                           "sped": [30, np.nan, 15, 70], "enrolled": [200, np.nan, 300, 800]})
    g = _row(_rr(counts, total_label="all"), "D1", "A")
    assert_allclose(g[RR_COLS].astype(float), _table2x2(30, 200, 40, 600), rtol=1e-12)
    g = _row(_rr(counts[counts["race"] != "all"]), "D1", "A")
    assert np.isnan(g["risk_ratio"]) and g["reason"] == EquityReason.comparison_missing
    assert np.isnan(g["comparison_numerator"])          # not 15, which treating B as zero would give


# --- the alternate risk ratio ------------------------------------------------------------------------------

STATE = pd.DataFrame({"district": ["D2", "D2", "D3", "D3"], "race": ["G", "O", "G", "O"],
                      "sped": [40, 90, 5, 60], "enrolled": [300, 900, 50, 700]})


@pytest.mark.parametrize("c, n2, alternate", [
    (9, 100, True),      # comparison cell size 9 < 10
    (10, 29, True),      # comparison n-size 29 < 30
    (5, 20, True),       # both
    (10, 30, False),     # exactly at both thresholds
    (60, 400, False),
])
def test_alternate_risk_ratio_exactly_when_the_comparison_is_small(c, n2, alternate):
    a, n1 = 20, 100
    counts = pd.concat([_two_groups(a, n1, c, n2), STATE], ignore_index=True)
    g = _row(_rr(counts), "D1", "G")
    if alternate:
        # the state's children other than G: the O rows of every district, by hand
        sn, sd = c + 90 + 60, n2 + 900 + 700
        assert g["method"] == "alternate risk ratio"
        assert [g["comparison_numerator"], g["comparison_denominator"]] == [sn, sd]
        assert_allclose(g["comparison_risk"], sn / sd, rtol=1e-12)
        assert_allclose(g["risk_ratio"], (a / n1) / (sn / sd), rtol=1e-12)
        assert_allclose(g[RR_COLS].astype(float), _table2x2(a, n1, sn, sd), rtol=1e-12)
    else:
        assert g["method"] == "risk ratio"
        assert_allclose(g[RR_COLS].astype(float), _table2x2(a, n1, c, n2), rtol=1e-12)
    assert pd.isna(g["reason"])


def test_alternate_uses_the_comparison_the_caller_gives_and_keeps_years_apart():
    counts = pd.DataFrame({"district": ["D1"] * 4, "year": [2022, 2022, 2023, 2023], "race": ["G", "O"] * 2,
                           "sped": [20, 5, 24, 40], "enrolled": [100, 20, 100, 300]})
    state = pd.DataFrame({"year": [2022, 2022, 2022, 2023, 2023, 2023], "race": ["G", "O", "all"] * 2,
                          "sped": [400, 900, 1300, 410, 950, 1360], "enrolled": [3000, 9000, 12000, 3100, 9100, 12200]})
    with_all = pd.concat([counts, pd.DataFrame({"district": ["D1"] * 2, "year": [2022, 2023], "race": ["all"] * 2,
                                                "sped": [25, 64], "enrolled": [120, 400]})], ignore_index=True)
    out = risk_ratios(with_all, group="race", numerator="sped", denominator="enrolled", by=["district", "year"],
                      comparison=state, total_label="all", state_by="year")
    g22 = out[(out["year"] == 2022) & (out["race"] == "G")].iloc[0]
    g23 = out[(out["year"] == 2023) & (out["race"] == "G")].iloc[0]
    # 2022: D1's others are 5 of 20, too few -> the state's others of 2022 (1300 - 400 of 12000 - 3000)
    assert g22["method"] == "alternate risk ratio"
    assert_allclose(g22[RR_COLS].astype(float), _table2x2(20, 100, 900, 9000), rtol=1e-12)
    # 2023: D1's others are 40 of 300 -> the plain ratio, whatever the state says
    assert g23["method"] == "risk ratio"
    assert_allclose(g23[RR_COLS].astype(float), _table2x2(24, 100, 40, 300), rtol=1e-12)


def test_alternate_is_missing_when_the_state_sum_includes_a_suppressed_count():
    counts = pd.concat([_two_groups(20, 100, 3, 10),
                        pd.DataFrame({"district": ["D2", "D2"], "race": ["G", "O"], "sped": [40, np.nan],
                                      "enrolled": [300, np.nan]})], ignore_index=True)
    g = _row(_rr(counts), "D1", "G")
    assert g["method"] == "alternate risk ratio"
    assert np.isnan(g["risk_ratio"]) and g["reason"] == EquityReason.state_comparison_missing


# --- groups too small for a ratio --------------------------------------------------------------------------

@pytest.mark.parametrize("a, n1, reason", [
    (9, 100, EquityReason.group_below_cell),
    (10, 29, EquityReason.group_below_n),
    (5, 20, EquityReason.group_below_cell),
    (0, 0, EquityReason.group_below_cell),
    (np.nan, 100, EquityReason.group_missing),
    (np.nan, np.nan, EquityReason.group_missing),
])
def test_group_below_the_thresholds_gets_no_ratio_but_a_reason(a, n1, reason):
    g = _row(_rr(_two_groups(a, n1, 60, 400)), "D1", "G")
    assert g[RR_COLS].isna().all()
    assert g["reason"] == reason
    assert pd.isna(g["method"])


def test_thresholds_are_the_callers():
    counts = _two_groups(6, 25, 60, 400)
    assert np.isnan(_row(_rr(counts), "D1", "G")["risk_ratio"])
    g = _row(_rr(counts, min_cell=5, min_n=20), "D1", "G")
    assert_allclose(g[RR_COLS].astype(float), _table2x2(6, 25, 60, 400), rtol=1e-12)


@pytest.mark.parametrize("kw, counts, match", [
    ({"min_cell": 0}, _two_groups(30, 200, 40, 600), "min_cell must be an integer >= 1"),
    ({"confidence_level": 95}, _two_groups(30, 200, 40, 600), "confidence_level"),
    ({}, _two_groups(300, 200, 40, 600), "exceeds"),
    ({}, pd.concat([_two_groups(30, 200, 40, 600)] * 2), "one row per"),
    ({"total_label": "all"}, _two_groups(30, 200, 40, 600), "no such row"),
])
def test_bad_input_is_an_error_naming_the_argument(kw, counts, match):
    with pytest.raises(ValueError, match=match):
        _rr(counts, **kw)


# --- gaps --------------------------------------------------------------------------------------------------

def _rates(start: tuple[float, float], end: tuple[float, float]) -> pd.DataFrame:
    """Low-income ('yes') and not ('no') rates in 2019 and 2023."""
    return pd.DataFrame({"year": [2019, 2019, 2023, 2023], "li": ["yes", "no", "yes", "no"],
                         "pct": [start[0], start[1], end[0], end[1]]})


def _gap(rates: pd.DataFrame, **kw) -> pd.DataFrame:
    kw.setdefault("higher_is_better", True)
    return gaps(rates, group="li", value="pct", time="year", **kw)


def test_gap_closing_because_the_higher_group_fell_is_not_both_improved():
    g = _gap(_rates((40, 60), (42, 50))).set_index("li").loc["yes"]
    assert (g["gap_start"], g["gap_end"], g["gap_change"]) == (-20, -8, 12)
    assert_allclose(g["relative_closure"], (-20 - -8) / -20, rtol=1e-12)     # 0.6
    assert bool(g["narrowed"]) is True and bool(g["both_improved"]) is False
    assert (g["group_change"], g["others_change"]) == (2, -10)


def test_gap_closing_with_both_groups_improving():
    g = _gap(_rates((40, 60), (55, 65))).set_index("li").loc["yes"]
    assert_allclose(g["relative_closure"], 0.5, rtol=1e-12)                   # (-20 - -10) / -20
    assert_allclose(g["log_rr_change"], np.log(55 / 65) - np.log(40 / 60), rtol=1e-12)
    assert bool(g["narrowed"]) and bool(g["both_improved"])


def test_lower_is_better_reverses_what_improved_means():
    # identification rates: both fell, the group's more, so the (positive) gap narrowed for the right reason
    g = _gap(_rates((0.15, 0.07), (0.10, 0.06)), higher_is_better=False).set_index("li").loc["yes"]
    assert_allclose([g["gap_start"], g["gap_end"]], [0.08, 0.04], rtol=1e-12)
    assert_allclose(g["relative_closure"], 0.5, rtol=1e-12)
    assert bool(g["both_improved"])
    g = _gap(_rates((0.15, 0.07), (0.10, 0.06)), higher_is_better=True).set_index("li").loc["yes"]
    assert not bool(g["both_improved"])


def test_others_rate_is_weighted_from_the_other_groups_or_the_total_minus_the_group():
    r = pd.DataFrame({"year": [2020] * 3, "race": ["A", "B", "C"], "pct": [0.2, 0.4, 0.6], "n": [100, 100, 300]})
    out = gap_series(r, group="race", value="pct", time="year", weight="n").set_index("race")
    # by hand: A's others (40 + 180) / 400, B's (20 + 180) / 400, C's (20 + 40) / 200
    assert_allclose(out["others_rate"], [0.55, 0.5, 0.3], rtol=1e-12)
    assert_allclose(out["gap"], [-0.35, -0.1, 0.3], rtol=1e-12, atol=1e-15)
    total = pd.concat([r, pd.DataFrame({"year": [2020], "race": ["all"], "pct": [0.48], "n": [500]})])
    out2 = gap_series(total, group="race", value="pct", time="year", weight="n", total_label="all").set_index("race")
    assert list(out2.index) == ["A", "B", "C"]
    assert_allclose(out2["others_rate"], out["others_rate"], rtol=1e-12)


def test_a_suppressed_rate_stays_missing_and_is_never_zero():
    r = pd.DataFrame({"year": [2019] * 3 + [2023] * 3, "race": ["A", "B", "C"] * 2,
                      "pct": [0.2, 0.4, 0.6, 0.3, np.nan, 0.6], "n": [100, 100, 300] * 2})
    out = gaps(r, group="race", value="pct", time="year", weight="n", higher_is_better=True).set_index("race")
    a, b, c = out.loc["A"], out.loc["B"], out.loc["C"]
    assert_allclose(a["gap_start"], -0.35, rtol=1e-12)
    # B suppressed in 2023: A's and C's others are unknown, not (0 * 100 + ...) / ...
    for g in (a, c):
        assert np.isnan(g["others_end"]) and np.isnan(g["gap_end"]) and np.isnan(g["relative_closure"])
        assert g["reason"] == EquityReason.others_missing
        assert pd.isna(g["narrowed"]) and pd.isna(g["both_improved"])
    assert np.isnan(b["rate_end"]) and b["reason"] == EquityReason.rate_missing
    assert np.isnan(b["group_change"]) and pd.isna(b["both_improved"])


def test_a_dropped_row_is_missing_not_an_absent_group():
    r = _rates((40, 60), (42, 50)).iloc[:3]       # 'no' in 2023 left out of the file
    out = _gap(r).set_index("li")
    assert np.isnan(out.loc["yes", "gap_end"]) and out.loc["yes", "reason"] == EquityReason.others_missing
    assert out.loc["no", "reason"] == EquityReason.no_data


def test_no_gap_at_start_has_no_relative_closure():
    g = _gap(_rates((50, 50), (45, 55))).set_index("li").loc["yes"]
    assert np.isnan(g["relative_closure"]) and g["reason"] == EquityReason.no_gap_at_start
    assert g["gap_change"] == -10 and not bool(g["narrowed"])


def test_gaps_between_chosen_years_and_by_unit():
    r = pd.concat([_rates((40, 60), (55, 65)).assign(school="S1"), _rates((30, 50), (30, 40)).assign(school="S2")])
    mid = pd.DataFrame({"year": [2021, 2021], "li": ["yes", "no"], "pct": [45, 62], "school": "S1"})
    out = gaps(pd.concat([r, mid]), group="li", value="pct", time="year", by="school", higher_is_better=True,
               start=2021)
    s1 = out[(out["school"] == "S1") & (out["li"] == "yes")].iloc[0]
    assert (s1["start"], s1["end"], s1["gap_start"], s1["gap_end"]) == (2021, 2023, -17, -10)
    s2 = out[(out["school"] == "S2") & (out["li"] == "yes")].iloc[0]
    assert np.isnan(s2["gap_start"]) and s2["gap_end"] == -10 and s2["reason"] == EquityReason.no_data


@pytest.mark.parametrize("kw, rates, match", [
    ({}, pd.DataFrame({"year": [2020] * 3, "li": ["a", "b", "c"], "pct": [1.0, 2.0, 3.0]}), "needs weight"),
    ({"total_label": "all"}, _rates((40, 60), (42, 50)), "needs weight"),
    ({"start": 2020}, _rates((40, 60), (42, 50)), "start=2020 is not a value"),
    ({"start": 2023, "end": 2019}, _rates((40, 60), (42, 50)), "start must come before end"),
    ({}, pd.concat([_rates((40, 60), (42, 50))] * 2), "one row per"),
])
def test_bad_gap_input_is_an_error(kw, rates, match):
    with pytest.raises(ValueError, match=match):
        _gap(rates, **kw)


def test_higher_is_better_must_be_said():
    with pytest.raises(TypeError, match="higher_is_better"):
        gaps(_rates((40, 60), (42, 50)), group="li", value="pct", time="year", higher_is_better="yes")
