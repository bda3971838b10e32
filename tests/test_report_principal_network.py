"""The principal-network report (issue [7/9]) on the demo: rendered with its sections, the cycle's funnel and the
rubric shifts against counts made from the raw files with pandas alone, schools never named, quotes only redacted;
and the project file deciding the cycle's steps and their order."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from dateutil import parser as dateparser

from conftest import DEMO_DIR, bundle_table, demo_bundle

STEPS = ["Identify a problem of practice", "Gather baseline evidence", "Develop a theory of action",
         "Conduct instructional rounds", "Debrief and analyze patterns", "Plan the next level of work",
         "Implement and monitor", "Reflect and share results"]


@pytest.fixture(scope="module")
def pnet(demo_run):
    return demo_bundle(demo_run, "principal-network-2025")


def _raw_cycle() -> pd.DataFrame:
    raw = pd.read_csv(DEMO_DIR / "inquiry_cycle.csv", dtype=str)
    # the file mixes ISO, M/D/YYYY, "Mon D, YYYY" and D-Mon-YY: dateutil reads each as written
    raw["when"] = [dateparser.parse(v) if isinstance(v, str) and v.strip() else pd.NaT for v in raw["completed_date"]]
    return raw


def test_the_principal_network_report_is_rendered_with_its_sections(pnet) -> None:
    folder, facts = pnet
    assert (folder / "report.html").is_file() and (folder / "report.pdf").is_file()
    assert (folder / "supplement.pdf").is_file()
    ids = [s.id for s in facts.report_sections]
    assert ids[:2] == ["summary", "limitations"]
    assert {"participation", "cycle", "assessments", "reactions", "appendix_items", "glossary"} <= set(ids)
    assert facts.whole_program and "cadre" not in facts.title.lower()


def test_the_funnel_counts_principals_reaching_each_step_as_the_raw_tracker_does(pnet) -> None:
    folder, _ = pnet
    raw = _raw_cycle()
    got = bundle_table(folder, "cycle_funnel").set_index("Step")
    assert int(got.loc["Principals in the cycle", "Reached"]) == raw["principal_registration_id"].nunique()
    dated = raw[raw["when"].notna()]
    last = dated.groupby("principal_registration_id")["step_no"].agg(lambda s: max(int(v) for v in s))
    for k, step in enumerate(STEPS, start=1):
        row = got.loc[f"{k}. {step}"]
        reached = dated.loc[dated["step_name"] == step, "principal_registration_id"].nunique()
        assert row["Reached"] == str(reached) if reached >= 10 else row["Reached"] == "fewer than 10"
        if k < len(STEPS):     # the drop to the next step is who stopped here: no column of its own
            nxt = dated.loc[dated["step_name"] == STEPS[k], "principal_registration_id"].nunique()
            assert reached - nxt == int((last == k).sum())
        art = dated.loc[(dated["step_name"] == step) & (dated["artifact"] == "Y"), "principal_registration_id"].nunique()
        if row["With an artifact"] not in ("fewer than 10", "not shown"):
            assert int(row["With an artifact"]) == art


def test_days_between_steps_match_the_medians_of_the_raw_dates(pnet) -> None:
    folder, _ = pnet
    raw = _raw_cycle()
    wide = raw.pivot_table(index="principal_registration_id", columns="step_no", values="when", aggfunc="min")
    got = bundle_table(folder, "step_times").set_index("Steps")
    for k in range(1, len(STEPS)):
        gap = (pd.to_datetime(wide[str(k + 1)]) - pd.to_datetime(wide[str(k)])).dt.days.dropna()
        gap = gap[gap >= 0]
        assert int(got.loc[f"{k} to {k + 1}", "Principals"]) == len(gap)
        assert float(got.loc[f"{k} to {k + 1}", "Median days"]) == pytest.approx(round(gap.median()), abs=0.5)


def test_the_share_of_schools_that_moved_up_matches_the_raw_ratings(pnet) -> None:
    """Independent of evalkit.analyze.cycles: a merge of the two rounds and a comparison of the integer codes,
    and the Wilson interval from statsmodels. A share is exact only when fewer than 10 schools are on neither
    side; else it is a bound, and the count that moved up is not shown beside the schools rated."""
    from statsmodels.stats.proportion import proportion_confint

    folder, _ = pnet
    raw = pd.read_csv(DEMO_DIR / "school_assessments.csv", dtype=str)
    raw = raw[raw["type"] == "qual"]
    got = bundle_table(folder, "moved_up").set_index("Domain")
    labels = {"ilt_functioning": "Instructional leadership team functioning",
              "feedback_cycles": "Feedback cycles with teachers"}
    exact = 0
    for k, (measure, label) in enumerate(labels.items(), start=1):
        d = raw[raw["measure"] == measure]
        both = d[d["phase"] == "Connect"].merge(d[d["phase"] == "Succeed"], on="school_code", suffixes=("_b", "_e"))
        step = both["rubric_level_e"].astype(int) - both["rubric_level_b"].astype(int)
        up, n = int((step > 0).sum()), len(both)
        assert int(got.loc[label, "Schools"]) == n
        share = got.loc[label, "% moved up"]
        moves = bundle_table(folder, f"movement_{k}").set_index("Change")["Schools"]
        for row, count in (("Moved up", up), ("Stayed", int((step == 0).sum())), ("Moved down", int((step < 0).sum()))):
            assert moves[row] in ("fewer than 10", "not shown") or int(moves[row]) == count, (label, row)
        if min(up, n - up) >= 10 and moves["Moved up"] == str(up):
            exact += 1
            assert share == f"{round(100 * up / n)}%"
            lo, hi = proportion_confint(up, n, method="wilson")
            assert got.loc[label, "CI low"] == f"{100 * lo:.0f}%" and got.loc[label, "CI high"] == f"{100 * hi:.0f}%"
        else:
            bound = float(share.strip("<>%"))
            assert share[0] in "<>" and (100 * up / n > bound if share[0] == ">" else 100 * up / n < bound)
            assert got.loc[label, "CI low"] == got.loc[label, "CI high"] == "not shown"
    assert exact >= 1             # the demo has a domain of each kind: one exact share, one bound


def test_shift_tables_count_schools_by_level_before_and_after_under_the_rule(pnet) -> None:
    folder, facts = pnet
    raw = pd.read_csv(DEMO_DIR / "school_assessments.csv", dtype=str)
    d = raw[(raw["type"] == "qual") & (raw["measure"] == "ilt_functioning")]
    both = d[d["phase"] == "Connect"].merge(d[d["phase"] == "Succeed"], on="school_code", suffixes=("_b", "_e"))
    names = {"1": "Beginning", "2": "Developing", "3": "Proficient", "4": "Exemplary"}
    expected = pd.crosstab(both["rubric_level_b"].map(names), both["rubric_level_e"].map(names))
    got = bundle_table(folder, "shift_1").set_index("At Connect")
    for r in expected.index:
        for c in expected.columns:
            shown = got.loc[r, c]
            if shown not in ("fewer than 10", "not shown"):
                assert int(shown) == int(expected.loc[r, c]), (r, c)
            else:
                assert int(expected.loc[r, c]) < 10 or shown == "not shown"
    assert int(got.loc["Total", "Total"]) == len(both)
    # the shift tables are detail: in the appendix, not the body
    appendix = next(s for s in facts.report_sections if s.id == "appendix_items")
    assert {"shift_1", "movement_1"} <= set(appendix.tables)


def test_no_school_is_named_or_listed_by_code(pnet) -> None:
    """Each school's figures describe one principal: no school code, school name or principal's registration id
    appears anywhere in the bundle."""
    folder, _ = pnet
    reg = pd.read_excel(DEMO_DIR / "registration.xlsx", sheet_name="Registrations", dtype=str)
    reg = reg[reg["program"].str.strip().str.upper() == "PNET"]
    words = set(reg["school_code"].dropna()) | set(reg["registration_id"].dropna())
    names = {n for n in reg["school_name"].dropna() if len(n) > 6}
    for path in folder.rglob("*"):
        if path.suffix not in (".html", ".csv", ".json", ".ipynb", ".md"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for w in words:
            assert not re.search(rf"(?<![0-9A-Za-z]){re.escape(w)}(?![0-9A-Za-z])", text), (path.name, "code")
        for n in names:
            assert n not in text, (path.name, "school name")


def test_quotes_are_redacted_text_above_the_comment_threshold(pnet) -> None:
    """Assessment narratives are quoted (whole, unattributed, none that had a name removed); problems of practice
    never are: each is presented in the network's sessions, so a quote would point to its school."""
    import yaml

    folder, facts = pnet
    threshold = yaml.safe_load((Path(__file__).parents[1] / "evalkit/demo/project/evalkit.yml").read_text())[
        "privacy"]["comment_threshold"]
    raw = pd.read_csv(DEMO_DIR / "school_assessments.csv", dtype=str)
    narratives = raw.loc[raw["phase"] == "Succeed", "narrative_text"].dropna()
    assert len(narratives) >= threshold
    quoted = bundle_table(folder, "quotes_narratives")["Text"].str.strip("\u201c\u201d")
    assert 1 <= len(quoted) <= 3
    for q in quoted:
        assert "[" not in q and q in set(narratives)          # a whole text, never a fragment
    reg = pd.read_excel(DEMO_DIR / "registration.xlsx", sheet_name="Registrations", dtype=str)
    surnames = set(reg.loc[reg["program"].str.strip().str.upper() == "PNET", "last_name"].str.strip())
    assert not any(w.strip(".,;") in surnames for q in quoted for w in q.split())
    assert not (folder / "artifacts" / "tables" / "quotes_problems.csv").exists()
    problems = pd.read_csv(DEMO_DIR / "inquiry_cycle.csv", dtype=str)["problem_of_practice_text"].dropna()
    html = (folder / "report.html").read_text(encoding="utf-8")
    assert not any(p in html for p in set(problems))


def test_reactions_are_grouped_by_phase(pnet) -> None:
    folder, _ = pnet
    got = bundle_table(folder, "evaluations_by_event").set_index("Phase")["Evaluations"]
    assert list(got.index) == ["Connect", "Lead", "Succeed"]
    ratings = bundle_table(folder, "event_ratings").set_index("Phase")
    assert int(ratings.loc["All sessions", "n"]) == sum(int(v) for v in got)
    assert ratings["n"].drop("All sessions").tolist() == got.tolist()
    raw = pd.read_csv(DEMO_DIR / "pnet_session_evals_surveymonkey.csv", skiprows=[1])
    assert int(ratings.loc["All sessions", "n"]) <= len(raw)


# -- the project file decides the steps -------------------------------------------------------------------

def _store_with_cycle(rows: list[tuple[str, str, str | None]]):
    from types import SimpleNamespace

    d = pd.DataFrame(rows, columns=["who", "step", "done"])
    d["source_row"] = range(2, len(d) + 2)
    return SimpleNamespace(tables={"cycle": d})


def _cfg(steps: list[str], tmp_path: Path):
    from evalkit.config.project import CycleSpec

    spec = CycleSpec(source="cycle", steps=steps, step_column="step", date_column="done", unit_column="who")
    from types import SimpleNamespace

    src = SimpleNamespace(id="cycle", file="tracker.csv")
    cfg = SimpleNamespace(project=SimpleNamespace(source=lambda sid: src))
    return cfg, spec


def test_the_cycle_follows_the_project_files_steps_and_order(tmp_path: Path) -> None:
    from evalkit.analyze.cycles import cycle_funnel
    from evalkit.report.principal_network import cycle_rows

    store = _store_with_cycle([("a", "Plan", "2025-01-01"), ("a", "Act", "2025-02-01"), ("b", "plan ", "2025-01-03"),
                               ("b", "Act", None)])
    for order in (["Plan", "Act"], ["Act", "Plan"]):
        cfg, spec = _cfg(order, tmp_path)
        rows = cycle_rows(cfg, store, spec)
        f = cycle_funnel(rows, unit="unit", step="step", date="date", steps=spec.steps)
        assert f["step"].tolist() == order                       # the report's order is the project file's
        assert dict(zip(f["step"], f["reached"])) == {"Plan": 2, "Act": 1}   # "plan " is the step "Plan"


def test_a_step_the_project_file_does_not_list_is_a_located_error(tmp_path: Path) -> None:
    from evalkit.errors import DataError
    from evalkit.report.principal_network import cycle_rows

    store = _store_with_cycle([("a", "Plan", "2025-01-01"), ("a", "Reflect", "2025-02-01")])
    cfg, spec = _cfg(["Plan", "Act"], tmp_path)
    with pytest.raises(DataError) as e:
        cycle_rows(cfg, store, spec)
    assert e.value.issue.file == "tracker.csv" and e.value.issue.column == "step" and e.value.issue.row == 3
    assert "Reflect" in str(e.value) and "programs[].cycle.steps" in str(e.value.hint)


def test_assessment_levels_and_rounds_come_from_the_project_file() -> None:
    from types import SimpleNamespace

    from evalkit.config.project import AssessmentSpec
    from evalkit.report.principal_network import assessment_rows

    spec = AssessmentSpec(source="a", baseline="Fall", end="Spring", levels={1: "Low", 2: "Mid", 3: "High"})
    assert list(spec.levels) == ["1", "2", "3"]
    d = pd.DataFrame({"school_code": ["s1", "s1", "s1", "s2"], "phase": ["Fall", "Spring", "Winter", "Fall"],
                      "measure": ["m"] * 4, "rubric_level": ["1", "3.0", "2", "9"], "value": [None] * 4})
    cfg = SimpleNamespace(project=SimpleNamespace(source=lambda sid: SimpleNamespace(id="a", file="a.csv")))
    out = assessment_rows(cfg, SimpleNamespace(tables={"a": d}), spec)
    assert out["round"].tolist() == ["Fall", "Spring", "Fall"]       # a third round is not compared
    assert out["level"].tolist()[:2] == ["1", "3"] and pd.isna(out["level"].iloc[2])   # 9 is no level


def test_a_cycle_or_assessment_source_must_be_a_tracker() -> None:
    from evalkit.config.project import Project

    base = {"schema_version": 1, "project": "p", "title": "T",
            "sources": [{"id": "s", "file": "s.csv", "kind": "survey", "instrument": "i", "wave": "post"}],
            "programs": [{"id": "pn", "kind": "principal_network", "name": "PN",
                          "cycle": {"source": "s", "steps": ["A", "B"]}}]}
    with pytest.raises(Exception, match=r"programs\[0\]\.cycle\.source.*tracker"):
        Project.model_validate(base)


def test_a_users_own_principal_network_project_with_its_own_steps_and_columns(tmp_path: Path, capsys) -> None:
    """A project written from docs/project-file.md around files nobody here generated: the tracker's own headers,
    a five-step cycle in the network's own words, dates typed three ways, rubric codes that are letters. The
    report follows the project file (steps, order, rounds, levels) and lists no school."""
    import numpy as np
    import yaml

    from conftest import run_cli
    from evalkit.anonymize.keys import keygen

    rng = np.random.default_rng(3)
    steps = ["Launch", "Observe classrooms", "Debrief", "Act", "Reflect"]
    raw = tmp_path / "project" / "raw"
    raw.mkdir(parents=True)
    people = [(f"P{i:03d}", f"First{i}", f"Last{i}", f"p{i}@district.example.org", f"S{9000 + i}") for i in range(30)]
    pd.DataFrame(people, columns=["Principal ID", "First", "Last", "Email", "School"]).assign(
        Program="PN").to_csv(raw / "roster.csv", index=False)
    tracker, ratings = [], []
    for k, (pid, *_, school) in enumerate(people):
        reached = int(rng.integers(2, 6))
        day = pd.Timestamp("2025-09-01")
        for j, step in enumerate(steps, start=1):
            day += pd.Timedelta(days=int(rng.integers(5, 30)))
            done = j <= reached and not (k == 0 and j == 2)          # principal P000 skips a step
            text = day.strftime(("%Y-%m-%d", "%m/%d/%Y", "%b %d, %Y")[j % 3]) if done else ""
            tracker.append({"Principal ID": pid, "Stage": step, "Completed on": text,
                            "Evidence?": "Yes" if done and j % 2 else "No"})
        b = int(rng.integers(0, 2))
        ratings += [{"School": school, "Round": "Fall", "Domain": "data_use", "Level": "ABC"[b]},
                    {"School": school, "Round": "Spring", "Domain": "data_use", "Level": "ABC"[b + int(k % 3 > 0)]}]
    pd.DataFrame(tracker).to_csv(raw / "cycle_tracker.csv", index=False)
    pd.DataFrame(ratings).to_csv(raw / "ratings.csv", index=False)
    key = keygen(tmp_path / "keys" / "k.key")
    project = {
        "schema_version": 1, "project": "own", "title": "Our principal network", "raw_dir": "raw",
        "processed_dir": "processed", "reports_dir": "reports", "anonymize": {"key_file": str(key)},
        "programs": [{"id": "pn", "kind": "principal_network", "name": "Our Principal Network", "codes": ["PN"],
                      "guskey_levels": [3, 4],
                      "cycle": {"source": "cycle", "steps": steps, "unit_column": "Principal ID",
                                "step_column": "Stage", "date_column": "Completed on",
                                "artifact_column": "Evidence?"},
                      "assessments": {"source": "ratings", "baseline": "Fall", "end": "Spring",
                                      "levels": {"A": "Emerging", "B": "Developing", "C": "Established"},
                                      "school_column": "School", "phase_column": "Round",
                                      "measure_column": "Domain", "level_column": "Level",
                                      "measures": {"data_use": {"label": "Use of data"}}}}],
        "sources": [
            {"id": "roster", "file": "roster.csv", "kind": "roster", "email_columns": ["Email"],
             "name_columns": ["First", "Last"], "columns": {"Principal ID": {"role": "identifier", "kind": "id"},
                                                             "School": {"role": "quasi_identifier"}}},
            {"id": "cycle", "file": "cycle_tracker.csv", "kind": "tracker", "program": "pn",
             "date_columns": ["Completed on"], "columns": {"Principal ID": {"role": "identifier", "kind": "id"}}},
            {"id": "ratings", "file": "ratings.csv", "kind": "tracker", "program": "pn"}]}
    folder = tmp_path / "project"
    (folder / "evalkit.yml").write_text(yaml.safe_dump(project, sort_keys=False), encoding="utf-8")
    (folder / "codebook.yml").write_text(yaml.safe_dump({"instruments": {}}), encoding="utf-8")
    for stage in ("anonymize", "analyze"):
        code, out, err = run_cli([stage, "-p", str(folder)], capsys)
        assert code == 0, out + err
    art = folder / "processed" / "analysis" / "pn" / "artifacts"
    funnel = pd.read_csv(art / "tables" / "cycle_funnel.csv", dtype=str)
    assert funnel["Step"].tolist() == ["Principals in the cycle", *(f"{j}. {s}" for j, s in enumerate(steps, 1))]
    reached = {s: sum(1 for t in tracker if t["Stage"] == s and t["Completed on"]) for s in steps}
    for j, s in enumerate(steps, 1):
        shown = funnel.set_index("Step").loc[f"{j}. {s}", "Reached"]
        assert shown == (str(reached[s]) if reached[s] >= 10 else "fewer than 10")
    assert "Skipped" in funnel.columns and "Stopped here" not in funnel.columns   # P000's skip is counted
    moved = pd.read_csv(art / "tables" / "moved_up.csv", dtype=str).set_index("Domain")
    up = sum(1 for k in range(30) if k % 3 > 0)
    assert moved.loc["Use of data", "Schools"] == "30"
    assert moved.loc["Use of data", "% moved up"] == f"{round(100 * up / 30)}%"     # 20 up, 10 not: exact
    moves = pd.read_csv(art / "tables" / "movement_1.csv", dtype=str).set_index("Change")["Schools"]
    assert moves["Moved up"] == str(up) and moves["Stayed"] == str(30 - up)
    shift = pd.read_csv(art / "tables" / "shift_1.csv", dtype=str)
    assert shift.columns.tolist()[1:4] == ["Emerging", "Developing", "Established"]
    for path in art.rglob("*"):
        if path.is_file() and path.suffix in (".csv", ".json"):
            text = path.read_text(encoding="utf-8")
            assert not any(school in text or pid in text for pid, *_, school in people), path.name
    # a misspelt column of the cycle is found by validate, with the file's own header offered
    project["programs"][0]["cycle"]["step_column"] = "Stages"
    (folder / "evalkit.yml").write_text(yaml.safe_dump(project, sort_keys=False), encoding="utf-8")
    code, out, err = run_cli(["validate", "-p", str(folder)], capsys)
    assert code == 2 and "Stages" in out + err and "Stage" in (out + err).replace("Stages", "")
