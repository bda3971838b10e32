"""Survey cleaning rules, one by one, on a small handmade Qualtrics-shaped table."""

from __future__ import annotations

import pandas as pd
import pytest

from evalkit.clean.quality import Action, Defect, QualityLog
from evalkit.clean.survey import Roster, clean_survey
from evalkit.config import CleaningRules, Codebook, Source
from evalkit.errors import DataErrors, Reason
from evalkit.ingest._table import ColumnMeta, SourceMeta, SurveyData

CODEBOOK = Codebook.model_validate({
    "response_scales": {"agree5": {"codes": {1: "Strongly disagree", 2: "Disagree", 3: "Neutral", 4: "Agree", 5: "Strongly agree"},
                                   "favorable": [4, 5], "non_substantive": {8: "Don't know", 99: "No answer"}}},
    "instruments": {"ps": {"title": "Participant survey",
                           "items": {f"Q1_{i}": {"text": f"item {i}", "scale": "agree5", **({"aliases": ["Q1_5r"]} if i == 5 else {})}
                                     for i in range(1, 6)},
                           "scales": {"lp": {"label": "Leadership", "items": [f"Q1_{i}" for i in range(1, 6)]}},
                           "columns": {"RecipientEmail": {"role": "identifier", "kind": "email"},
                                       "Q9_TEXT": {"role": "free_text"}}}},
})
SOURCE = Source.model_validate({"id": "pre", "file": "pre.csv", "kind": "survey", "instrument": "ps", "wave": "pre"})
PERSONAL = "ann.lee@example.org"


def _survey(rows: list[dict]) -> SurveyData:
    base = {"Status": "IP Address", "Progress": "100", "Finished": "True", "Duration (in seconds)": "600",
            "RecordedDate": "2025-09-01 10:00:00", "RecipientEmail": "x@example.org", "Q9_TEXT": "",
            **{f"Q1_{i}": "3" for i in range(1, 5)}, "Q1_5r": "4"}
    df = pd.DataFrame([{**base, **r} for r in rows], dtype=object)
    df.index = pd.RangeIndex(4, 4 + len(df), name="source_row")  # 3 header rows
    cols = {c: ColumnMeta(name=c, original=c) for c in df.columns}
    return SurveyData(df, cols, SourceMeta(path="/tmp/pre.csv", sha256="0" * 64, format="qualtrics_csv", header_rows=3, n_rows=len(df)))


def _rows(log: QualityLog, rule: str) -> tuple[int, ...]:
    return next(e.rows for e in log.entries if e.rule == rule)


def _people(n: int) -> list[dict]:
    return [{"RecipientEmail": f"p{i}@example.org", "Duration (in seconds)": str(500 + 10 * i),
             "Q1_1": str(1 + i % 5), "Q1_2": str(1 + (i + 1) % 5)} for i in range(n)]


def test_each_rule_finds_its_rows() -> None:
    rows = _people(6) + [
        {"Status": "Survey Preview", "RecipientEmail": ""},                      # row 10: preview
        {"RecipientEmail": " P1@Example.ORG ", "RecordedDate": "9/3/2025 08:00"},  # row 11: later duplicate of p1, noisy e-mail, other date format
        {"RecipientEmail": "p7@example.org", "Finished": "False", "Progress": "20", "Q1_3": "", "Q1_4": ""},  # 12: partial
        {"RecipientEmail": "p8@example.org", "Duration (in seconds)": "60", "Q1_1": "1"},  # 13: speeder
        {"RecipientEmail": "p9@example.org", **{f"Q1_{i}": "2" for i in range(1, 5)}, "Q1_5r": "2"},  # 14: straight-liner
        {"RecipientEmail": "p10@example.org", "Q1_1": "Agree", "Q1_2": "8", "Q1_3": "Don't know"},  # 15: label + non-substantive
    ]
    log = QualityLog()
    table = clean_survey(_survey(rows), SOURCE, CODEBOOK, CleaningRules(), log)
    assert _rows(log, "drop_preview") == (10,)
    assert _rows(log, "partial") == (12,)
    assert _rows(log, "speeders") == (13,)
    assert _rows(log, "straightliners") == (14,)
    assert _rows(log, "labels_to_codes") == (15,)
    assert _rows(log, "non_substantive_to_missing") == (15,)
    assert _rows(log, "normalize_emails") == (11,)
    assert _rows(log, "normalize_dates") == (11,)
    assert _rows(log, "dedupe") == (5,)  # p1's earlier response (row 5) gives way to the later one (row 11)
    assert _rows(log, "duplicates") == (5, 11)
    assert next(e for e in log.entries if e.rule == "apply_aliases").columns == ("Q1_5r -> Q1_5",)
    data = table.data
    assert 11 in data.index and 5 not in data.index and 10 not in data.index and 12 not in data.index and 13 not in data.index
    assert bool(data.loc[14, "straightliner"]) and 14 in data.index  # flagged, kept (default)
    assert data.loc[15, "Q1_1"] == 4 and pd.isna(data.loc[15, "Q1_2"]) and pd.isna(data.loc[15, "Q1_3"])
    assert "Q1_5" in data.columns
    pub = table.publishable()
    assert "RecipientEmail" not in pub.columns and "Q9_TEXT" not in pub.columns


def test_rules_can_be_switched_off() -> None:
    rows = _people(4) + [{"Status": "Survey Preview"}, {"RecipientEmail": "p9@example.org", "Duration (in seconds)": "5"}]
    log = QualityLog()
    rules = CleaningRules(drop_preview=False, speeders="off", dedupe="off", straightliners="off")
    table = clean_survey(_survey(rows), SOURCE, CODEBOOK, rules, log)
    assert {8, 9} <= set(table.data.index)
    actions = {e.rule: e.action for e in log.entries}
    assert actions["drop_preview"] == Action.off and actions["speeders"] == Action.off and actions["dedupe"] == Action.off


def test_unknown_code_is_located_and_never_quotes_the_value() -> None:
    rows = _people(3) + [{"Q1_2": PERSONAL}, {"Q1_4": "7"}]
    with pytest.raises(DataErrors) as info:
        clean_survey(_survey(rows), SOURCE, CODEBOOK, CleaningRules(), QualityLog())
    issues = info.value.issues
    assert [(i.row, i.column, i.reason) for i in issues] == [(7, "Q1_2", Reason.unknown_code), (8, "Q1_4", Reason.unknown_code)]
    assert PERSONAL not in str(info.value)
    assert "pre.csv" in str(info.value) and "codebook" in str(info.value)


def test_bad_date_is_located() -> None:
    rows = _people(3) + [{"RecordedDate": "the day after " + PERSONAL}]
    with pytest.raises(DataErrors) as info:
        clean_survey(_survey(rows), SOURCE, CODEBOOK, CleaningRules(), QualityLog())
    (issue,) = info.value.issues
    assert (issue.row, issue.column, issue.reason) == (7, "RecordedDate", Reason.bad_date)
    assert PERSONAL not in str(info.value)


def test_partial_threshold_keeps_nearly_finished() -> None:
    rows = _people(3) + [{"Finished": "False", "Progress": "80", "Q1_4": ""}]
    log = QualityLog()
    table = clean_survey(_survey(rows), SOURCE, CODEBOOK, CleaningRules(partial_min_progress=50), log)
    assert 7 in table.data.index and not bool(table.data.loc[7, "complete"])
    assert _rows(log, "partial_kept") == (7,)


def test_speeder_threshold_is_a_share_of_the_median() -> None:
    # median of complete durations is 600; one third is 200: 199 is a speeder, 201 is not.
    rows = [{"RecipientEmail": f"q{i}@example.org", "Q1_1": str(1 + i % 5)} for i in range(5)]
    rows += [{"RecipientEmail": "fast@example.org", "Duration (in seconds)": "199", "Q1_2": "1"},
             {"RecipientEmail": "ok@example.org", "Duration (in seconds)": "201", "Q1_2": "2"}]
    log = QualityLog()
    clean_survey(_survey(rows), SOURCE, CODEBOOK, CleaningRules(), log)
    assert _rows(log, "speeders") == (9,)


def test_roster_link_drops_withdrawn() -> None:
    roster = Roster(pd.DataFrame({"cadre_id": ["C1", "C2"], "status": ["active", "withdrawn"]},
                                 index=pd.Index(["p0@example.org", "p1@example.org"])), ("cadre_id", "status"))
    log = QualityLog()
    table = clean_survey(_survey(_people(3)), SOURCE, CODEBOOK, CleaningRules(), log, roster=roster)
    assert _rows(log, "drop_withdrawn") == (5,)
    assert _rows(log, "roster_link") == (6,)  # p2 not in roster
    assert table.data.loc[4, "cadre_id"] == "C1"
    assert log.total(Defect.withdrawn_participant) == 1


# --- the roster that PII detection and redaction use -----------------------------------------------

def _zoom_roster(names: list[str]):
    from pathlib import Path

    from evalkit.clean.checks import collect_roster_names
    from evalkit.clean.survey import CleanTable
    from evalkit.config import Project, ProjectConfig

    src = Source.model_validate({"id": "zoom", "file": "zoom.csv", "kind": "attendance",
                                 "name_columns": ["Name (Original Name)"]})
    project = Project.model_validate({"project": "t", "title": "T", "programs": [
        {"id": "c", "kind": "cadre", "name": "Cadre"}], "sources": [src.model_dump()]})
    cfg = ProjectConfig(project=project, codebook=CODEBOOK, project_file=Path("evalkit.yml"))
    table = CleanTable(source=src, data=pd.DataFrame({"Name (Original Name)": names}), fields={},
                       identifier_columns=(), drop_columns=())
    return collect_roster_names(cfg, {"zoom": table})


def test_a_whole_name_column_gives_its_given_names_alone() -> None:
    """A roster with one name column (a Google Form's "Name", a Zoom report) names people in comments by their
    given names alone: "Tavish set up the room", "tavish did great" (only "Thanks to Tavish" was caught before,
    by its cue)."""
    from evalkit.pii import PiiDetector

    detector = PiiDetector.from_roster(_zoom_roster(["Tavish McAllister", "Keisha Obuya-Reid"]))
    for text, name in (("Tavish set up the room.", "Tavish"), ("tavish did great", "tavish")):
        assert name in [text[s.start:s.end] for s in detector.find(text)], text
    # a middle initial, a title or role before the name, words that are no one's given name
    names = _zoom_roster(["Tavish R. McAllister", "MCALLISTER, TAVISH R.", "Pastor Dan Cole", "Mayor Ann Lee",
                          "Science Dept", "Spanish Class", "The Garcia Family", "Sra. Ana Ruiz", "Pastor Cole",
                          "Don Fuller"])
    assert sorted(set(names.first)) == ["Ana", "Ann", "Dan", "Don", "TAVISH", "Tavish"]
    detector = PiiDetector.from_roster(names)
    assert detector.kinds("Tavish set up the room.") == {"name"}
    for text in ("Pastor came to visit.", "Mayor came to visit.", "Science and Spanish were popular."):
        assert detector.kinds(text) == set(), text


def test_display_name_roles_and_devices_are_not_surnames() -> None:
    """Zoom display names: "Tony Howard - Coach" names Howard, not a Coach (the clean stage's PII check,
    redaction and the audit all build their detector from this roster)."""
    from evalkit.pii import PiiDetector

    names = _zoom_roster(["Tony Howard - Coach"])
    assert "Howard" in names.last and "Coach" not in names.last
    assert names.full == ("Tony Howard - Coach", "Tony Howard")
    detector = PiiDetector.from_roster(names)
    assert detector.kinds("The Coach met the Principal.") == set()
    assert detector.kinds("Ask Howard about it.") == {"name"}

    names = _zoom_roster(["Hope Cooper - Principal", "Aaliyah De la Cruz - Coach (Aaliyah De la Cruz)",
                          "Ama Turner - AP", "Ava's iPad", "Ama's iPad (Ama Mensah)", "Zoom user", "iPhone",
                          "Omar Baker | TL", "BROWN, Chloé (Chloé Brown)", "Alexander H. (Alexander Haddad)"])
    assert sorted(set(names.last)) == ["BROWN", "Baker", "Brown", "Cooper", "Cruz", "Haddad", "Mensah", "Turner"]
    # each given name alone, as comments name colleagues (the particles of "De la Cruz" stay with the surname);
    # "LAST, First" turned around; never a device's owner without a surname ("Ava's iPad")
    assert sorted(set(names.first)) == ["Aaliyah", "Alexander", "Ama", "Chloé", "Hope", "Omar"]
    detector = PiiDetector.from_roster(names)
    # (a given name no census list holds: the rules alone missed these before session 28)
    assert detector.kinds("Ama set up the room.") == {"name"} and detector.kinds("ama did great") == {"name"}
    assert detector.kinds("We hope to meet again.") == set()   # "Hope" still needs evidence
    both = _zoom_roster(["Becky Müller - Principal (Rebecca Müller)"])
    assert {"Becky Müller", "Rebecca Müller"} <= set(both.full) and set(both.last) == {"Müller"}
