"""Level 5: school outcomes of a cadre's schools against comparison schools (issue 5/5).

The students-weighted mean is checked against two independent computations (``numpy.average`` with
weights, a pandas groupby of n x value); state-suppressed results are left out and counted; rows under
the threshold are hidden by the disclosure bundle; the wording says "baseline" when every year precedes
the cohort, and the difference in differences of handmade post years matches a hand calculation. The
project file refuses an outcome source that does not exist or is not of kind ``outcomes``.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from evalkit.clean.quality import QualityLog
from evalkit.clean.survey import CleanTable
from evalkit.clean.tables import clean_table
from evalkit.config import CleaningRules, OutcomeMeasure, Source, load_project
from evalkit.config.starter import write_starter
from evalkit.disclose import Bundle, DisclosurePolicy
from evalkit.disclose.protected import HIDDEN_STATUSES
from evalkit.errors import ConfigError
from evalkit.ingest._table import ColumnMeta, SourceMeta, SurveyData
from evalkit.report import build, measures
from evalkit.report.inputs import Inputs, cohort_start_year, outcome_rows

ELA = "ela_pct_meeting"


# -- handmade state files ------------------------------------------------------------------------

def _state_table(records: list[dict], source_id: str = "state_outcomes") -> CleanTable:
    """A handmade state outcome file put through cleaning (marks split off, the grant flag read)."""
    raw = pd.DataFrame(records)
    data = SurveyData(raw, {c: ColumnMeta(c, c) for c in raw.columns}, SourceMeta("state.csv", "", "csv"))
    return clean_table(data, Source(id=source_id, file="state.csv", kind="outcomes"), CleaningRules(), QualityLog())


def _school(code: str, year: int, measure: str, n: int | str, value: float | str, *, grant: str = "N",
            subgroup: str = "all") -> dict:
    return {"school_code": code, "district_code": "0010", "school_year": str(year), "grant": grant,
            "grant_start_year": "2021" if grant == "Y" else "", "subgroup": subgroup, "measure": measure,
            "n_tested": str(n), "value": str(value)}


#: The measures as a project file names them (programs[].outcome_measures).
MEASURES = {"ela_pct_meeting": OutcomeMeasure(label="ELA: percent meeting standard",
                                              description="the percent of students meeting the ELA standard")}


def _inputs(rows: pd.DataFrame, *, start: int | None = 2025, label: str = "2025-26") -> Inputs:
    empty = pd.DataFrame()
    return Inputs(empty, empty, set(), empty, empty, {}, {}, outcomes=rows, outcome_sources=("state_outcomes",),
                  cohort_start=start, cohort_label=label, outcome_measures=MEASURES)


def _protected(rows: pd.DataFrame, **kw):
    b = Bundle(DisclosurePolicy(), release_id="test-outcomes")
    summary = measures.outcomes(b, _inputs(rows, **kw))
    return summary, b.protect().tables


def _two_groups(years: dict[int, tuple[float, float, float, float]], *, cadre: int = 10, comparison: int = 12
                ) -> tuple[CleanTable, set[str]]:
    """Cadre and comparison schools, half small (n 100 cadre / 200 comparison), half large (n 300 / 200).

    ``years`` maps a year to (cadre small value, cadre large value, comparison first half, second half).
    """
    rec = []
    for y, (cs, cl, k1, k2) in years.items():
        for i in range(cadre):
            rec.append(_school(f"C{i:03d}", y, ELA, 100 if i < cadre // 2 else 300, cs if i < cadre // 2 else cl))
        for i in range(comparison):
            rec.append(_school(f"K{i:03d}", y, ELA, 200, k1 if i < comparison // 2 else k2))
    return _state_table(rec), {f"C{i:03d}" for i in range(cadre)}


# -- the weighted mean ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def random_rows() -> pd.DataFrame:
    rng = np.random.default_rng(20250)
    rec = []
    for code in [f"{i:08d}" for i in range(40)]:
        for year in range(2019, 2025):
            for m in (ELA, "math_pct_meeting", "chronic_absence_rate"):
                n = int(rng.integers(5, 600))
                roll = rng.random()
                value = "*" if roll < 0.06 else "<10" if roll < 0.1 else f"{rng.uniform(0, 100):.1f}"
                rec.append(_school(code, year, m, n, value))
                rec.append(_school(code, year, m, max(n // 3, 1), f"{rng.uniform(0, 100):.1f}", subgroup="swd"))
    cadre = {f"{i:08d}" for i in range(0, 40, 3)}
    return outcome_rows([_state_table(rec)], cadre)


def test_outcome_rows_keep_subgroup_all_and_split_the_groups(random_rows) -> None:
    assert len(random_rows) == 40 * 6 * 3  # subgroup "all" only
    assert set(random_rows["group"]) == {"cadre", "comparison"}
    assert random_rows.loc[random_rows["group"] == "cadre", "school_code"].nunique() == 14
    assert random_rows["school_code"].str.len().eq(8).all()  # leading zeros kept
    assert random_rows["school_year"].dtype.kind == "i"
    marked = random_rows["mark"].notna()
    assert marked.any() and random_rows.loc[marked, "value"].isna().all()


def test_weighted_mean_matches_numpy_average_and_a_pandas_groupby(random_rows) -> None:
    got = measures.weighted_outcomes(random_rows).set_index(["group", "measure", "school_year"])
    usable = random_rows[random_rows["mark"].isna()]
    # independent 1: numpy.average with weights, one group at a time
    for (g, m, y), part in usable.groupby(["group", "measure", "school_year"]):
        want = np.average(part["value"].to_numpy(), weights=part["n"].to_numpy())
        assert got.loc[(g, m, y), "mean"] == pytest.approx(want, rel=1e-12)
        assert got.loc[(g, m, y), "n"] == part["n"].sum()
        assert got.loc[(g, m, y), "schools"] == len(part)
    # independent 2: sum of n x value over sum of n by a pandas groupby
    agg = usable.assign(nv=usable["n"] * usable["value"]).groupby(["group", "measure", "school_year"])[["nv", "n"]].sum()
    np.testing.assert_allclose(got.loc[agg.index, "mean"].to_numpy(), (agg["nv"] / agg["n"]).to_numpy(), rtol=1e-12)


def test_state_marks_are_left_out_and_counted(random_rows) -> None:
    got = measures.weighted_outcomes(random_rows).set_index(["group", "measure", "school_year"])
    marks = random_rows[random_rows["mark"].notna()].groupby(["group", "measure", "school_year"]).size()
    assert marks.sum() > 0
    for key, k in marks.items():
        assert got.loc[key, "suppressed"] == k
    assert got["suppressed"].sum() == marks.sum() and got["missing"].sum() == 0
    # a marked school carries its n_tested, but neither its n nor a zero enter the mean
    everyone = random_rows.groupby(["group", "measure", "school_year"])["n"].sum()
    assert (got.loc[marks.index, "n"] < everyone.loc[marks.index]).all()


def test_suppressed_results_are_counted_in_the_table_note() -> None:
    rec = [_school(f"C{i:03d}", 2024, ELA, 50, 40.0 if i else "*") for i in range(12)]
    rec += [_school(f"K{i:03d}", 2024, ELA, 50, 50.0 if i > 1 else "<10") for i in range(14)]
    rows = outcome_rows([_state_table(rec)], {f"C{i:03d}" for i in range(12)})
    summary, tables = _protected(rows)
    t = tables["outcomes_ela_pct_meeting"]
    assert "left out: 1 school-year(s) of the cadre's schools, 2 of the comparison schools" in t.note
    assert summary.suppressed == {"cadre": 1, "comparison": 2}
    assert t.text("2024", "Schools") == "11" and t.text("2024", "n") == "550"
    assert t.text("2024", "Cadre %") == "40%" and t.text("2024", "Comparison %") == "50%"


def test_rows_under_the_threshold_are_hidden_not_shown() -> None:
    rec = []
    for i in range(12):                     # 2023: every school published; 2024: two left (8 students)
        rec.append(_school(f"C{i:03d}", 2023, ELA, 40, 31.0 + i))
        rec.append(_school(f"C{i:03d}", 2024, ELA, 4, 77.7) if i < 2 else _school(f"C{i:03d}", 2024, ELA, 4, "*"))
    for i in range(9):                      # 2022: 9 schools but 360 students: shown (people decide)
        rec.append(_school(f"C{i:03d}", 2022, ELA, 40, 55.5))
    for y in (2022, 2023, 2024):
        rec += [_school(f"K{i:03d}", y, ELA, 100, 50.0) for i in range(20)]
    rows = outcome_rows([_state_table(rec)], {f"C{i:03d}" for i in range(12)})
    _, tables = _protected(rows)
    t = tables["outcomes_ela_pct_meeting"]
    cells = t.cells.set_index(["row", "column"])
    for col in ("Cadre %", "Comparison %", "Difference (points)", "Schools"):
        assert cells.loc[("2024", col), "status"] in HIDDEN_STATUSES, col
        assert np.isnan(cells.loc[("2024", col), "value"])
        assert t.text("2024", col) == "fewer than 10"
    assert t.text("2024", "n") == "fewer than 10"
    assert t.text("2022", "Schools") == "9" and t.text("2022", "n") == "360" and t.text("2022", "Cadre %") == "56%"
    assert t.shown("2023", "Cadre %") is not None
    shown = " ".join(t.display.astype(str).to_numpy().ravel())
    assert "78%" not in shown  # the hidden mean appears nowhere


def test_difference_is_blank_beside_a_coded_share() -> None:
    table, cadre = _two_groups({2024: (97.0, 99.0, 50.0, 50.0)})
    _, tables = _protected(outcome_rows([table], cadre))
    t = tables["outcomes_ela_pct_meeting"]
    assert t.text("2024", "Cadre %") == ">95%"
    assert t.text("2024", "Difference (points)") == ""  # would give the coded share away


# -- wording: baseline only, and the descriptive difference in differences ------------------------

def test_baseline_only_wording_when_every_year_precedes_the_cohort() -> None:
    table, cadre = _two_groups({y: (40.0, 60.0, 30.0, 50.0) for y in (2022, 2023, 2024)})
    rows = outcome_rows([table], cadre)
    summary, tables = _protected(rows)
    assert summary.post_years == () and summary.baseline_year == 2024 and summary.change_table is None
    text = build._outcomes_text(summary, tables, _inputs(rows), 10)
    assert "The outcome data end in 2024; the cadre began in 2025-26." in text
    assert "baseline figures" in text and "not its effects" in text
    assert "comparative interrupted time series" in text and "difference-in-differences" in text
    assert "baseline" in text and "What Works Clearinghouse" in text
    assert ("In 2024, the percent of students meeting the ELA standard was 55% at the cadre's schools (2,000 students) "
            "and 40% at the comparison schools") in text
    assert "difference in differences of" not in text


def test_difference_in_differences_with_post_years_matches_a_hand_calculation() -> None:
    # cadre: 5 schools of 100 and 5 of 300 students; comparison: 12 schools of 200
    # 2024: cadre (5*100*40 + 5*300*60) / 2000 = 55;  comparison (6*200*30 + 6*200*50) / 2400 = 40
    # 2026: cadre (5*100*50 + 5*300*62) / 2000 = 59;  comparison (6*200*33 + 6*200*49) / 2400 = 41
    # difference in differences = (59 - 55) - (41 - 40) = 3
    table, cadre = _two_groups({2023: (41.0, 61.0, 31.0, 51.0), 2024: (40.0, 60.0, 30.0, 50.0),
                                2025: (45.0, 61.0, 31.0, 50.0), 2026: (50.0, 62.0, 33.0, 49.0)})
    rows = outcome_rows([table], cadre)
    summary, tables = _protected(rows)
    assert summary.post_years == (2025, 2026) and summary.baseline_year == 2024
    t = tables[summary.change_table]
    row = "ELA: percent meeting standard"
    assert t.shown(row, "Cadre change") == pytest.approx(4.0)
    assert t.shown(row, "Comparison change") == pytest.approx(1.0)
    assert t.shown(row, "Difference in differences") == pytest.approx(3.0)
    assert t.text(row, "Difference in differences") == "+3.0"
    assert t.display.set_index("Measure").loc[row, "Years"] == "2024 to 2026"
    text = build._outcomes_text(summary, tables, _inputs(rows), 10)
    assert "2025 and 2026 are after its start and 2024 is the last year before it" in text
    assert ("From 2024 to 2026, the percent of students meeting the ELA standard changed by +4.0 points at the "
            "cadre's schools and by +1.0 points at the comparison schools, a difference in differences of +3.0 "
            "points") in text
    assert "descriptive comparison, not a causal estimate" in text
    assert "The outcome data end in" not in text


def test_wwc_screen_uses_the_cox_index_of_the_baseline_year() -> None:
    from evalkit.analyze import baseline_equivalence, cox_index

    table, cadre = _two_groups({2024: (40.0, 60.0, 30.0, 50.0)})
    summary, tables = _protected(outcome_rows([table], cadre))
    want = cox_index(0.55, 0.40, 2000, 2400).estimate
    t = tables[summary.baseline_table]
    assert t.shown("ELA: percent meeting standard", "Cox index") == pytest.approx(want)
    verdict = t.display.set_index("Measure").loc["ELA: percent meeting standard", "WWC baseline equivalence"]
    assert verdict == {"not_satisfied": "not satisfied"}[baseline_equivalence(want)]


def test_other_cadres_schools_are_in_neither_group() -> None:
    table, cadre = _two_groups({2024: (40.0, 60.0, 30.0, 50.0)}, comparison=16)
    rows = outcome_rows([table], cadre, others={f"K{i:03d}" for i in range(4)})
    assert (rows["group"] == "program").sum() == 4
    _, tables = _protected(rows)
    assert tables["outcomes_ela_pct_meeting"].text("2024", "Comparison schools") == "12"


def test_cohort_start_year() -> None:
    assert cohort_start_year("2025", "2025-26") == 2025
    assert cohort_start_year("spring", "2024-25") == 2024
    assert cohort_start_year("C") is None


# -- the project file ----------------------------------------------------------------------------

def _starter(tmp_path: Path, mutate) -> Path:
    write_starter(tmp_path, project="p", title="T")
    p = tmp_path / "evalkit.yml"
    data = yaml.safe_load(p.read_text())
    mutate(data)
    p.write_text(yaml.safe_dump(data, sort_keys=False))
    return tmp_path


def _add_sources(d: dict) -> None:
    d["sources"] += [{"id": "state", "file": "state.csv", "kind": "outcomes"},
                     {"id": "roster", "file": "roster.csv", "kind": "roster"}]


@pytest.mark.parametrize(("sid", "expected"), [
    ("nope", "source 'nope' is not defined in sources (sources of kind 'outcomes': ['state'])"),
    ("roster", "source 'roster' is of kind 'roster'; an outcome source must be of kind 'outcomes'"),
])
def test_outcome_source_must_exist_and_be_of_kind_outcomes(tmp_path: Path, sid: str, expected: str) -> None:
    folder = _starter(tmp_path, lambda d: (_add_sources(d), d["programs"][0].update(outcome_sources=["state", sid])))
    with pytest.raises(ConfigError) as info:
        load_project(folder)
    assert ("programs[0].outcome_sources[1]", expected) in [(p, m[:len(expected)]) for p, m in info.value.problems]
    assert "evalkit.yml" in str(info.value) and "pydantic" not in str(info.value).lower()


def test_outcome_source_of_kind_outcomes_loads(tmp_path: Path) -> None:
    folder = _starter(tmp_path, lambda d: (_add_sources(d), d["programs"][0].update(outcome_sources=["state"],
                                                                                    guskey_levels=[1, 2, 3, 4, 5])))
    assert load_project(folder).project.programs[0].outcome_sources == ["state"]


# -- the demo ------------------------------------------------------------------------------------

def _facts(demo_run, cadre: str) -> dict:
    return json.loads((demo_run["reports"] / cadre / "artifacts" / "facts.json").read_text())


def test_demo_level5_is_a_baseline_with_charts(demo_run) -> None:
    facts = _facts(demo_run, "C1")
    sec = next(s for s in facts["sections"] if s["id"] == "outcomes")
    assert sec["status"] == "ready" and sec["guskey_level"] == 5
    assert "The outcome data end in 2024; the cadre began in 2025-26." in sec["text"]
    # each result once: the year table behind the trend chart is in the appendix of detailed tables
    detail = next(s for s in facts["sections"] if s["id"] == "appendix_items")
    assert "outcomes_ela_pct_meeting" in detail["tables"] and "outcomes_ela_pct_meeting" not in sec["tables"]
    assert "outcomes_baseline" in sec["tables"] and "outcomes_change" not in facts["tables"]
    charts = {k: v for k, v in facts["charts"].items() if v["section"] == "outcomes"}
    assert "outcomes_ela_pct_meeting" in charts and "2025-26" in charts["outcomes_ela_pct_meeting"]["title"]
    sources = (demo_run["reports"] / "C1" / "artifacts" / "tables" / "data_sources.csv").read_text()
    assert "The state's school results (assessments and chronic absence),5," in sources


def test_demo_cadre_with_fewer_schools_than_the_threshold_is_shown_by_its_students(demo_run) -> None:
    # C3 has 9 schools: the rule protects people, so the ~2,400 students behind its figures decide; the
    # school count is shown and gates nothing.
    facts = _facts(demo_run, "C3")
    sec = next(s for s in facts["sections"] if s["id"] == "outcomes")
    assert sec["status"] == "ready" and "outcomes_ela_pct_meeting" in facts["charts"]
    assert "The cadre's figures are not shown" not in sec["text"]
    table = pd.read_csv(demo_run["reports"] / "C3" / "artifacts" / "tables" / "outcomes_ela_pct_meeting.csv",
                        dtype=str)
    assert (table["Schools"] == "9").all() and table["Cadre %"].str.endswith("%").all()
