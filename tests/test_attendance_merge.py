"""The attendance merge (evalkit.anonymize.attendance, evalkit.analyze.attendance) on the quirks real attendance files have (issue [5/9]).

Each quirk is a handmade case with the answer written down before the rules: a reconnect, a renamed Zoom
display name, a typed name with a nickname, a person only in the sign-in sheet, an e-mail alias, plus the
cases that must not be guessed (two people of the same name, a guest, a facilitator). Connection minutes are
checked against an independent count: the set of minutes covered, one minute at a time.
"""

from __future__ import annotations

import pandas as pd
import pytest

from evalkit.analyze.attendance import attended, connection_minutes, roster_marks
from evalkit.anonymize.attendance import match_to_roster

ROSTER = pd.DataFrame({
    "first_name": ["William", "Susan", "José", "John", "John", "Deborah"],
    "last_name": ["Ortiz", "Price", "García", "Smith", "Smith", "Allen"],
    "email": ["william.ortiz@d1.k12.org", "susan.price@d2.k12.org", "jose.garcia@d3.k12.org",
              "john.smith@d4.k12.org", "jsmith2@d5.k12.org", "Deborah.Allen@D6.k12.org"],
}, index=[101, 102, 103, 104, 105, 106])


def _match(rows: pd.DataFrame, **kw) -> pd.DataFrame:
    return match_to_roster(rows, ROSTER, email="email", name=kw.pop("name", "name"), roster_email="email",
                           roster_name=("first_name", "last_name"), **kw)


def test_exact_email_wins_whatever_the_typed_name_or_case() -> None:
    rows = pd.DataFrame({"name": ["Wrong Name", "deb allen"], "email": [" SUSAN.PRICE@d2.k12.org ",
                                                                        "deborah.allen@d6.k12.org"]})
    got = _match(rows)
    assert got["roster_index"].tolist() == [102, 106] and got["rule"].tolist() == ["email", "email"]


def test_a_renamed_zoom_display_name_is_the_same_person() -> None:
    """One person, three connections: the display name changed between them ("Sue Price" on a phone,
    "Susan Price (iPad)", then a bare first name); the e-mail or the folded name links each."""
    rows = pd.DataFrame({"name": ["Sue Price", "Susan Price (iPad)", "Susan"],
                         "email": ["susan.price@d2.k12.org", None, "susan.price@d2.k12.org"]})
    got = _match(rows)
    assert got["roster_index"].tolist() == [102, 102, 102]
    assert got["rule"].tolist() == ["email", "name", "email"]


def test_a_typed_nickname_matches_its_given_name_and_accents_do_not_matter() -> None:
    rows = pd.DataFrame({"name": ["Bill Ortiz", "Jose Garcia", "Debbie Allen"], "email": [None, None, None]})
    got = _match(rows)
    assert got["roster_index"].tolist() == [101, 103, 106]
    assert got["rule"].tolist() == ["nickname", "name", "nickname"]


def test_an_email_alias_at_the_rosters_domain_spells_the_persons_name() -> None:
    rows = pd.DataFrame({"name": [None, None, None], "email": ["sprice@d2.k12.org", "price.susan@d2.k12.org",
                                                              "wortiz@d1.k12.org"]})
    got = _match(rows)
    assert got["roster_index"].tolist() == [102, 102, 101] and set(got["rule"]) == {"email_alias"}


def test_a_personal_email_falls_back_to_the_name() -> None:
    rows = pd.DataFrame({"name": ["Susan Price"], "email": ["suzy.p.1979@gmail.com"]})
    got = _match(rows)
    assert got.loc[0, "roster_index"] == 102 and got.loc[0, "rule"] == "name"


def test_a_person_only_in_the_sign_in_sheet_is_unmatched_never_guessed() -> None:
    rows = pd.DataFrame({"name": ["Maria Lopez", "Walk In"], "email": ["maria.lopez@d9.k12.org", None]})
    got = _match(rows)
    assert got["roster_index"].isna().all() and got["rule"].tolist() == ["unmatched", "unmatched"]


def test_two_people_of_the_same_name_are_ambiguous() -> None:
    rows = pd.DataFrame({"name": ["John Smith", "Jon Smith"], "email": [None, None]})
    got = _match(rows)
    assert got["roster_index"].isna().all() and got["rule"].tolist() == ["ambiguous", "ambiguous"]
    assert got["candidates"].tolist() == [2, 2]


def test_a_typo_is_matched_only_when_one_person_is_clearly_closest() -> None:
    rows = pd.DataFrame({"name": ["Wiliam Ortz", "Susan Pryce"], "email": [None, None]})
    got = _match(rows)
    assert got["roster_index"].tolist() == [101, 102] and set(got["rule"]) == {"name_fuzzy"}


def test_facilitators_and_guests_are_counted_apart_not_matched() -> None:
    rows = pd.DataFrame({"name": ["Nicholas Fisher", "Visitor", "Susan Price"],
                         "email": ["nicholas.fisher@leadlab.example.org", "visitor@example.com",
                                   "susan.price@d2.k12.org"],
                         "guest": ["No", "Yes", "No"]})
    got = _match(rows, staff_domains=["LeadLab.example.org"], guest="guest")
    assert got["rule"].tolist() == ["facilitator", "guest", "email"]
    assert got["roster_index"].tolist()[:2] == [None, None]


def test_zoom_original_name_is_tried_after_the_display_name() -> None:
    rows = pd.DataFrame({"display": ["iPhone", "Room 401"], "original": ["Susan Price", "Bill Ortiz"],
                         "email": [None, None]})
    got = _match(rows, name=["display", "original"])
    assert got["roster_index"].tolist() == [102, 101]


# -- minutes from connections -------------------------------------------------------------------------

def _covered_minutes(spans: list[tuple[str, str]]) -> float:
    """Independent count: every minute from join (inclusive) to leave (exclusive) in a set."""
    minutes: set[pd.Timestamp] = set()
    for a, b in spans:
        minutes |= set(pd.date_range(a, b, freq="min", inclusive="left"))
    return float(len(minutes))


@pytest.mark.parametrize("spans", [
    [("2025-03-17 09:00", "2025-03-17 12:00")],                                   # one connection
    [("2025-03-17 09:00", "2025-03-17 10:05"), ("2025-03-17 10:12", "2025-03-17 12:00")],   # a reconnect
    [("2025-03-17 09:00", "2025-03-17 11:00"), ("2025-03-17 10:30", "2025-03-17 11:45")],   # phone + laptop
    [("2025-03-17 09:10", "2025-03-17 09:40"), ("2025-03-17 09:20", "2025-03-17 09:30"),
     ("2025-03-17 11:00", "2025-03-17 11:01")],                                   # nested and tiny
])
def test_connection_minutes_are_the_union_of_the_connections(spans: list[tuple[str, str]]) -> None:
    rows = pd.DataFrame({"who": [7] * len(spans), "ev": ["E1"] * len(spans),
                         "join": pd.to_datetime([a for a, _ in spans]), "leave": pd.to_datetime([b for _, b in spans])})
    got = connection_minutes(rows.sample(frac=1, random_state=0), person="who", event="ev", join="join", leave="leave")
    assert len(got) == 1 and got.loc[0, "connections"] == len(spans)
    assert got.loc[0, "minutes"] == pytest.approx(_covered_minutes(spans))


def test_connections_are_summed_per_person_and_event_only() -> None:
    rows = pd.DataFrame({"who": [1, 1, 2], "ev": ["E1", "E2", "E1"],
                         "join": pd.to_datetime(["2025-01-01 09:00", "2025-01-02 09:00", "2025-01-01 09:00"]),
                         "leave": pd.to_datetime(["2025-01-01 10:00", "2025-01-02 09:30", None])})
    got = connection_minutes(rows, person="who", event="ev", join="join", leave="leave")
    assert got[["person", "event", "minutes"]].values.tolist() == [[1, "E1", 60.0], [1, "E2", 30.0]]


def test_attended_follows_the_projects_minimum_share() -> None:
    minutes, session = pd.Series([90.0, 89.0, 180.0]), pd.Series([180.0] * 3)
    assert attended(minutes, session, min_share=0.5).tolist() == [True, False, True]
    assert attended(minutes, session, min_share=0.75).tolist() == [False, False, True]
    with pytest.raises(ValueError, match="min_share"):
        attended(minutes, session, min_share=0)


def test_a_wide_roster_becomes_one_row_per_person_and_meeting() -> None:
    wide = pd.DataFrame({"Mtg 1 (2/7/25)": ["P", "x", " Late ", "E"], "Mtg 2 (4/4/25)": ["A", "", "excused", "?"]})
    got = roster_marks(wide, {"Mtg 1 (2/7/25)": "NET-M1", "Mtg 2 (4/4/25)": "NET-M2"})
    assert got["status"].tolist() == ["present", "absent", "present", "absent", "partial", "excused",
                                      "excused", None]
    assert got.loc[got["status"].isna(), "mark"].tolist() == ["?"]           # reported, never guessed
    custom = roster_marks(wide, {"Mtg 1 (2/7/25)": "NET-M1"}, marks={"p": "present", "x": "partial"})
    assert custom["status"].tolist() == ["present", "partial", None, None]


def test_a_projects_own_marks_add_to_the_usual_ones_and_unmatched_rows_drop_out() -> None:
    from evalkit.analyze.attendance import counts_as_attended, wide_attendance

    wide = pd.DataFrame({"person_id": ["p1", "p2", None], "M1": ["PT", "W", "P"], "M2": ["P", "zz", "P"]})
    got = wide_attendance(wide, {"M1": "E1", "M2": "E2"}, marks={"PT": "partial", "W": "absent"})
    assert got["person_id"].tolist() == ["p1", "p1", "p2", "p2"]             # the unmatched row is not anybody's
    assert got["status"].tolist() == ["partial", "present", "absent", None]   # "zz": never guessed
    assert counts_as_attended(got["status"]).tolist() == [True, True, False, False]
    assert counts_as_attended(got["status"], partial_counts=False).tolist() == [False, True, False, False]


# -- in the anonymize stage ----------------------------------------------------------------------------

def _stage_objects(tmp_path):
    from types import SimpleNamespace as N

    from evalkit.anonymize.stage import AnonymizeResult

    cfg = N(project=N(project="t", attendance=N(organizer_domains=["leadlab.org"]),
                      anonymize=N(fuzzy_threshold=90.0, review_dir=str(tmp_path / "review"))),
            root=tmp_path, processed_dir=tmp_path / "processed")
    roster = N(source=N(email_columns=["email"], name_columns=["first_name", "last_name"]),
               data=ROSTER)
    sheet = pd.DataFrame({"name_as_typed": ["Bill Ortiz", "Maria Lopez", "John Smith", "Pat Doe"],
                          "email": [None, "maria.lopez@d9.k12.org", None, "pat.doe@leadlab.org"]}, index=[2, 3, 4, 5])
    table = N(source=N(email_columns=["email"], name_columns=["name_as_typed"], file="signin.csv"), data=sheet)
    return cfg, roster, table, sheet, AnonymizeResult


def test_rows_no_rule_settles_go_to_the_log_and_a_private_review_list(tmp_path) -> None:
    """Issue [5/9]: every unmatched or ambiguous row goes to the data-quality log and a review list, never
    silently dropped or guessed; the list holds what was typed, so only its owner may read it."""
    import stat

    from evalkit.anonymize.stage import _attendance_link, write_processed
    from evalkit.clean.quality import QualityLog

    cfg, roster, table, sheet, AnonymizeResult = _stage_objects(tmp_path)
    review: list[dict] = []
    log = QualityLog()
    link, rule, counts = _attendance_link(cfg, "signin", table, sheet, roster, review, log)
    assert link.tolist() == ["william.ortiz@d1.k12.org", None, None, None]   # the roster's address, or none
    assert rule.tolist() == ["nickname", "unmatched", "ambiguous", "facilitator"]
    assert counts == {"ambiguous": 1, "facilitator": 1, "nickname": 1, "unmatched": 1}
    entry = next(e for e in log.entries if e.defect is not None and e.defect.value == "unmatched_roster")
    assert entry.rows == (3, 4) and entry.count == 2
    assert [(r["row"], r["outcome"]) for r in review] == [(3, "unmatched"), (4, "ambiguous")]
    result = AnonymizeResult(tables={}, attendance_review=pd.DataFrame(review))
    write_processed(cfg, result, {}, check=lambda *a: None)
    listed = tmp_path / "review" / "t" / "attendance_review.csv"
    assert stat.S_IMODE(listed.stat().st_mode) == 0o600
    assert "Maria Lopez" in listed.read_text()                 # a person needs it to resolve the row
    assert not any("Maria" in p.read_text(errors="ignore") for p in (tmp_path / "processed").rglob("*") if p.is_file())
