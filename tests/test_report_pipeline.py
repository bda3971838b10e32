"""The pipeline report (issue [6/9]) on the demo: rendered with its sections and passing the audit; retention
and the initiatives' action steps against counts made from the raw files with pandas alone; the matched pairs."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import DEMO_DIR, bundle_table, demo_bundle


@pytest.fixture(scope="module")
def pipeline(demo_run):
    return demo_bundle(demo_run, "pipeline")


_table = bundle_table


def test_the_pipeline_report_is_rendered_with_its_sections(pipeline) -> None:
    folder, facts = pipeline
    assert (folder / "report.html").is_file() and (folder / "report.pdf").is_file()
    ids = [s.id for s in facts.report_sections]
    assert ids[:2] == ["summary", "limitations"] and {"coaching", "initiatives", "careers"} <= set(ids)
    assert facts.whole_program
    # the comparison group had fewer than 10 promotions: no test statistic or model that would give the count back
    tests = _table(folder, "career_tests").iloc[0]
    assert tests["Chi-square"] == "fewer than 10" or not tests["Chi-square"].replace(".", "").isdigit()


def test_two_year_retention_of_participants_matches_the_raw_hr_file(pipeline) -> None:
    folder, _ = pipeline
    hr = pd.read_csv(DEMO_DIR / "hr_snapshots.csv", dtype=str)
    part = hr[(hr["participant"] == "Y") & (hr["cohort_year"] == "2023")]
    people = set(part["employee_id"])
    start = part[part["school_year"] == "2023-24"]
    people &= set(start["employee_id"])              # followed from the cohort's first year
    there = hr[(hr["school_year"] == "2025-26") & (hr["status"].str.strip().str.lower() != "separated")]
    retained = len(people & set(there["employee_id"]))
    row = _table(folder, "career_rates").set_index("Group").loc["All participants"]
    assert int(row["n"]) == len(people)
    assert row["Retained %"] == f"{round(100 * retained / len(people))}%"


def test_action_steps_per_initiative_match_the_tracker(pipeline) -> None:
    folder, _ = pipeline
    raw = pd.read_csv(DEMO_DIR / "improvement_actions.csv", dtype=str)
    got = _table(folder, "initiatives").set_index("Initiative")
    for ini, g in raw.groupby("initiative_id"):
        assert int(got.loc[ini, "Steps planned"]) == len(g)
        assert int(got.loc[ini, "Completed"]) == int(g["status"].str.strip().str.lower().eq("complete").sum())


def test_matched_pairs_share_role_and_year_and_stay_within_the_caliper(demo_run) -> None:
    from evalkit.demo.config import demo_config
    from evalkit.processed import load_processed
    from evalkit.report.pipeline import career_groups

    cfg = demo_config(data=DEMO_DIR, processed_dir=demo_run["processed"], reports_dir=demo_run["reports"])
    spec = cfg.project.program("pipeline").careers
    statuses, people, pairs = career_groups(load_processed(cfg).tables[spec.source], spec)
    at = people.attrs["at_start"].set_index(["person", "year"])
    assert len(pairs) > 0 and pairs["comparison"].is_unique
    for p, c, y in pairs.itertuples(index=False):
        assert at.loc[(p, y), "rank"] == at.loc[(c, y), "rank"]
        assert abs(at.loc[(p, y), "experience"] - at.loc[(c, y), "experience"]) <= spec.caliper
        assert people.at[p, "participant"] and not people.at[c, "participant"]


def test_the_matched_groups_are_balanced_on_role_exactly(pipeline) -> None:
    folder, _ = pipeline
    bal = _table(folder, "balance").set_index("Characteristic at the start year")
    roles = [r for r in bal.index if r.startswith("Role: ")]
    assert roles and all(bal.loc[r, "After matching"] in ("+0.00", "-0.00") for r in roles)
    assert abs(float(bal.loc["Years since hire", "After matching"])) <= 0.1


def test_the_curve_is_shown_only_while_each_years_promotions_reach_ten(pipeline) -> None:
    """The cumulative incidence of the followed participants (cohort 2023) by year: a year's promotions are
    counted here from the raw HR file; a curve is shown up to its first year with 1 to 9 of them."""
    folder, facts = pipeline
    hr = pd.read_csv(DEMO_DIR / "hr_snapshots.csv", dtype=str)
    rank = {"teacher": 1, "coach": 1, "assistant_principal": 2, "principal": 3, "central_office": 4}
    part = hr[(hr["participant"] == "Y") & (hr["cohort_year"] == "2023")]
    by = {(r.employee_id, r.school_year): rank.get(r.job_category) for r in part.itertuples()}
    years = ["2023-24", "2024-25", "2025-26"]
    promoted, counts = set(), []
    for a, b in zip(years, years[1:]):
        k = {e for (e, y), r in by.items() if y == a and e not in promoted and (e, b) in by
             and by[(e, b)] is not None and r is not None and by[(e, b)] > r}
        promoted |= k
        counts.append(len(k))
    cif = bundle_table(folder, "cumulative_incidence").set_index("Years since start")
    first_small = next((i for i, k in enumerate(counts) if 0 < k < 10), len(counts))
    for i, year in enumerate(["1", "2"]):
        text = cif.loc[year, "Participants promoted %"]
        assert (text == "not shown") == (i >= first_small), (counts, text)
    assert ("cif" in facts.charts) == (first_small >= 2)
    assert (cif["Participants at risk"].astype(int) >= 10).all()


def test_the_kaplan_meier_by_years_since_hire_stops_at_a_small_step() -> None:
    """Participants: 50 then 40 promotions among 200 (both steps shown); non-participants: 30 then 5 among 150 (the
    curve stops after its first step). Estimates by hand: 150/200 = 75%, then 75% x (1 - 40/150) = 55%;
    120/150 = 80%."""
    from evalkit.disclose import Bundle, DisclosurePolicy
    from evalkit.report.pipeline import _km_table

    rows, people = [], {}
    for group, n, first, second in (("p", 200, 50, 40), ("c", 150, 30, 5)):
        for i in range(n):
            pid = f"{group}{i}"
            people[pid] = {"participant": group == "p", "hired": 2015}
            if i < first:
                rows.append((pid, 2020, 2021, "promoted"))
            elif i < first + second:
                rows += [(pid, 2020, 2021, "stayer"), (pid, 2021, 2022, "promoted")]
            else:
                rows += [(pid, 2020, 2021, "stayer"), (pid, 2021, 2022, "stayer")]
    statuses = pd.DataFrame(rows, columns=["person", "year", "next_year", "status"])
    people = pd.DataFrame.from_dict(people, orient="index")
    b = Bundle(DisclosurePolicy(), release_id="t")
    _km_table(b, statuses, people, 10)
    t = b.protect().tables["km_tenure"].display.set_index("Years since hire")
    assert t.loc["6", "Participants not yet promoted %"] == "75%" and t.loc["7", "Participants not yet promoted %"] == "55%"
    assert t.loc["6", "Non-participants not yet promoted %"] == "80%"
    assert t.loc["7", "Non-participants not yet promoted %"] in ("", "nan")


def test_a_match_shares_every_column_the_project_names(demo_run) -> None:
    """careers.match_on adds exact columns: matched on the school too, every pair shares it."""
    from evalkit.demo.config import demo_config
    from evalkit.processed import load_processed
    from evalkit.report.pipeline import career_groups

    cfg = demo_config(data=DEMO_DIR, processed_dir=demo_run["processed"], reports_dir=demo_run["reports"])
    spec = cfg.project.program("pipeline").careers.model_copy(update={"match_on": ["school_code"]})
    _, people, pairs = career_groups(load_processed(cfg).tables[spec.source], spec)
    at = people.attrs["at_start"].set_index(["person", "year"])
    assert len(pairs) > 0
    assert all(at.loc[(p, y), "school_code"] == at.loc[(c, y), "school_code"] for p, c, y in pairs.itertuples(index=False))
