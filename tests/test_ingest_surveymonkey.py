"""SurveyMonkey exports in every layout are recognised by their second header row and read with
their question texts.

SurveyMonkey writes two header rows: row 1 holds the respondent metadata headers and each
question's text over the question's *first* column (blank over the columns that continue it),
row 2 holds ``Response`` / ``Open-Ended Response`` / a choice or matrix-row label under every
question column and nothing under the metadata. The layouts below are small handmade copies of
what SurveyMonkey's "All individual responses" download writes:

- metadata columns: current (``Respondent ID``, ``Collector ID``, ``Start Date``...), legacy
  (``RespondentID``, ``CollectorID``, ``StartDate``..., ``LastName``, ``Custom Data``), or none
  (respondent details left out of the download, or the columns deleted afterwards);
- expanded columns (one column per choice of a multi-select question) or condensed columns (one
  column per question, the chosen answers joined by commas; matrix rows and the "Other" comment box
  keep their own columns).

Every variant must be read as SurveyMonkey (2 header rows, data from row 3), with the same
question names and texts, and row 1 must never be skipped as a title row.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from evalkit.errors import InputFileError, Reason
from evalkit.ingest import detect_format, read_export
from evalkit.ingest._detect import is_surveymonkey

META = {
    "current": (["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address",
                 "First Name", "Last Name", "Custom Data 1"],
                ["respondent_id", "collector_id", "start_date", "end_date", "ip_address", "email_address",
                 "first_name", "last_name", "custom_data_1"]),
    "legacy": (["RespondentID", "CollectorID", "StartDate", "EndDate", "IP Address", "Email Address",
                "First Name", "LastName", "Custom Data"],
               ["respondent_id", "collector_id", "start_date", "end_date", "ip_address", "email_address",
                "first_name", "last_name", "custom_data"]),
    "no_id": ([], []),
}
META_VALUES = {
    "current": [["114209297194", "431552018", "08/19/2025 02:32:47 PM", "08/19/2025 02:37:01 PM",
                 "203.0.113.134", "", "", "", ""],
                ["114209301822", "431552018", "08/19/2025 02:40:10 PM", "08/19/2025 02:44:55 PM",
                 "198.51.100.7", "", "", "", ""]],
    "legacy": [["2918273645", "51234567", "03/04/2013 09:12:33", "03/04/2013 09:15:02", "203.0.113.9", "", "",
                "", ""],
               ["2918274410", "51234567", "03/04/2013 09:20:41", "03/04/2013 09:26:17", "198.51.100.23", "",
                "", "", ""]],
    "no_id": [[], []],
}

Q_ROLE = "What is your role?"
Q_AGREE = "Please rate your agreement with each statement about this session."
Q_SUPPORTS = "Which supports did you use this year? (Select all that apply)"
Q_OVERALL = "Overall, how would you rate this session?"
Q_VALUE = "What was the most valuable part of this session?"
STATEMENTS = ["My time was well spent.", "The content was relevant to my work."]
SUPPORTS = ["Coaching visits", "Online modules", "Peer network"]

#: (row 1, row 2, [data row 3, data row 4], expected names, {name: question text})
QUESTIONS = {
    "expanded": (
        [Q_ROLE, "", Q_AGREE, "", Q_SUPPORTS, "", "", "", Q_OVERALL, Q_VALUE],
        ["Response", "Other (please specify)", *STATEMENTS, *SUPPORTS, "Other (please specify)", "Response",
         "Open-Ended Response"],
        [["Principal", "", "Agree", "Strongly agree", "Coaching visits", "", "Peer network", "", "Good",
          "The discourse moves, with time to plan."],
         ["", "Dean of students", "Disagree", "", "", "Online modules", "", "Book club", "Fair", ""]],
        ["q1", "q1_other_please_specify", "q2_my_time_was_well_spent",
         "q2_the_content_was_relevant_to_my_work", "q3_coaching_visits", "q3_online_modules", "q3_peer_network", "q3_other_please_specify", "q4", "q5"],
        {"q1": Q_ROLE, "q1_other_please_specify": f"{Q_ROLE} - Other (please specify)",
         "q2_my_time_was_well_spent": f"{Q_AGREE} - My time was well spent.",
         "q3_online_modules": f"{Q_SUPPORTS} - Online modules", "q4": Q_OVERALL, "q5": Q_VALUE},
    ),
    "condensed": (
        [Q_ROLE, "", Q_AGREE, "", Q_SUPPORTS, "", Q_OVERALL, Q_VALUE],
        ["Response", "Other (please specify)", *STATEMENTS, "Response", "Other (please specify)", "Response",
         "Open-Ended Response"],
        [["Principal", "", "Agree", "Strongly agree", "Coaching visits, Peer network", "", "Good",
          "The discourse moves, with time to plan."],
         ["", "Dean of students", "Disagree", "", "Online modules", "Book club", "Fair", ""]],
        ["q1", "q1_other_please_specify", "q2_my_time_was_well_spent",
         "q2_the_content_was_relevant_to_my_work", "q3", "q3_other_please_specify", "q4", "q5"],
        {"q1": Q_ROLE, "q1_other_please_specify": f"{Q_ROLE} - Other (please specify)",
         "q2_my_time_was_well_spent": f"{Q_AGREE} - My time was well spent.", "q3": Q_SUPPORTS,
         "q3_other_please_specify": f"{Q_SUPPORTS} - Other (please specify)", "q4": Q_OVERALL, "q5": Q_VALUE},
    ),
}

LAYOUTS = [(meta, cols) for meta in META for cols in QUESTIONS]


def _rows(meta: str, cols: str) -> list[list[str]]:
    headers, _ = META[meta]
    top, sub, data, _, _ = QUESTIONS[cols]
    return [headers + top, [""] * len(headers) + sub,
            *[m + d for m, d in zip(META_VALUES[meta], data)]]


def _csv(rows: list[list[str]]) -> str:
    def cell(c: str) -> str:
        return '"' + c.replace('"', '""') + '"' if any(ch in c for ch in ',"\n') else c

    return "".join(",".join(cell(c) for c in r) + "\r\n" for r in rows)


def _write(tmp_path: Path, meta: str, cols: str, *, excel: bool = False) -> Path:
    rows = _rows(meta, cols)
    if not excel:
        path = tmp_path / f"sm_{meta}_{cols}.csv"
        path.write_text(_csv(rows), encoding="utf-8")
        return path
    path = tmp_path / f"sm_{meta}_{cols}.xlsx"
    wb = openpyxl.Workbook()
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value:
                wb.active.cell(row=r, column=c, value=value)
    wb.save(path)
    return path


@pytest.mark.parametrize("excel", [False, True], ids=["csv", "xlsx"])
@pytest.mark.parametrize(("meta", "cols"), LAYOUTS, ids=[f"{m}-{c}" for m, c in LAYOUTS])
def test_every_layout_is_read_as_surveymonkey(tmp_path, meta, cols, excel):
    path = _write(tmp_path, meta, cols, excel=excel)
    fmt = "surveymonkey_xlsx" if excel else "surveymonkey_csv"
    assert detect_format(path) == fmt
    s = read_export(path)
    _, meta_names = META[meta]
    _, _, data, names, texts = QUESTIONS[cols]
    assert s.source.format == fmt and s.source.header_rows == 2
    assert list(s.data.columns) == meta_names + names
    assert s.data.index.tolist() == [3, 4]
    assert not any("skipped" in n or "header found" in n for n in s.source.notes)  # row 1 is no title
    for name, text in texts.items():
        assert s.question_text(name) == text, name
    # the data are the rows as written, text and all
    assert s.data.loc[3, "q1"] == "Principal"
    assert s.data.loc[4, "q1_other_please_specify"] == "Dean of students"
    assert s.data.loc[3, "q5"] == "The discourse moves, with time to plan."
    assert pd.isna(s.data.loc[4, "q5"])
    if meta != "no_id":
        assert s.data.loc[3, "respondent_id"] == META_VALUES[meta][0][0]
        assert s.question_text("respondent_id") == META[meta][0][0]


def test_condensed_multi_select_keeps_the_joined_answers(tmp_path):
    s = read_export(_write(tmp_path, "current", "condensed"))
    assert s.data.loc[3, "q3"] == "Coaching visits, Peer network"
    assert s.columns["q3"].original == f"{Q_SUPPORTS}\nResponse"


def test_no_id_layout_keeps_row_one_as_question_texts(tmp_path):
    # Without metadata columns row 1 has fewer filled cells than row 2 (the blanks over the choices of
    # a multi-select question): the plain-table reader would take row 1 for a title and skip it.
    path = _write(tmp_path, "no_id", "expanded")
    s = read_export(path)
    assert s.columns["q3_online_modules"].original == "Online modules"  # row 1 is blank over it
    assert s.columns["q1"].original == f"{Q_ROLE}\nResponse"
    assert s.question_text("q3_peer_network") == f"{Q_SUPPORTS} - Peer network"


def test_a_survey_of_single_column_questions_without_ids(tmp_path):
    # No metadata and no multi-column question: every row-2 cell is a SurveyMonkey sub-header.
    path = tmp_path / "short.csv"
    rows = [[Q_OVERALL, Q_VALUE], ["Response", "Open-Ended Response"], ["Good", "The coaching."]]
    path.write_text(_csv(rows), encoding="utf-8")
    s = read_export(path)
    assert s.source.format == "surveymonkey_csv"
    assert list(s.data.columns) == ["q1", "q2"] and s.question_text("q2") == Q_VALUE


@pytest.mark.parametrize("text", [
    # ordinary tables whose second row merely contains the word "Response"
    "name,status,channel\nAna,Response,email\n",
    "district,notes\n,Response\nD01,x\n",
    "name,status,channel\n,Response,\n",
], ids=["value-in-data", "blank-first-cell", "blank-cells-around"])
def test_plain_tables_are_not_taken_for_surveymonkey(tmp_path, text):
    path = tmp_path / "table.csv"
    path.write_text(text, encoding="utf-8")
    assert detect_format(path) == "csv"


def test_other_platforms_still_win(tmp_path):
    gf = tmp_path / "gf.csv"
    gf.write_text("Timestamp,What is your role?\n1/15/2025 21:53:05,Response\n", encoding="utf-8")
    assert detect_format(gf) == "google_forms_csv"


def test_is_surveymonkey_on_header_rows():
    assert is_surveymonkey(_rows("legacy", "condensed"))
    assert is_surveymonkey(_rows("no_id", "expanded"))
    assert not is_surveymonkey([["County", "District", "ELA", "", "Math", ""],
                                ["", "", "Met", "Not met", "Met", "Not met"]])  # state file, two-row header
    assert not is_surveymonkey([[Q_ROLE, "", Q_VALUE], ["Response", "", "Open-Ended Response"]])  # a gap


@pytest.mark.parametrize("meta", ["current", "legacy"])
def test_second_header_row_missing(tmp_path, meta):
    rows = _rows(meta, "expanded")
    for second in ([""] * len(rows[1]), rows[2]):  # row 2 blanked, or deleted (a response moves up)
        path = tmp_path / "sm.csv"
        path.write_text(_csv([rows[0], second, *rows[2:]]), encoding="utf-8")
        assert detect_format(path) == "surveymonkey_csv"  # row 1 still says SurveyMonkey
        with pytest.raises(InputFileError) as info:
            read_export(path)
        assert info.value.reason is Reason.broken_header and info.value.issue.row == 2


def test_a_question_column_without_sub_header_is_read_when_ids_are_there(tmp_path):
    # Row 1 has SurveyMonkey's id columns, so a row 2 blank under one question (an image choice without
    # a label) is still its sub-header row: the file is read, as before, not refused.
    rows = _rows("current", "expanded")
    rows[1][-1] = ""
    path = tmp_path / "sm.csv"
    path.write_text(_csv(rows), encoding="utf-8")
    s = read_export(path)
    assert s.source.format == "surveymonkey_csv" and s.data.index.tolist() == [3, 4]
    assert s.question_text("q5") == Q_VALUE and s.question_text("q4") == Q_OVERALL


def test_read_as_a_plain_table_row_one_is_still_kept(tmp_path):
    # --format csv (or a variant detection does not know): the plain-table reader takes row 2, the
    # fuller one, as the header, but row 1 fills many cells, so it is a header row, not a title.
    s = read_export(_write(tmp_path, "no_id", "expanded"), format="csv")
    assert s.source.format == "csv" and s.source.header_rows == 2
    assert not any("title" in n for n in s.source.notes)
    assert any("row 1 above the header" in n for n in s.source.notes)
    assert s.question_text("online_modules") == f"{Q_SUPPORTS} - Online modules"
    assert s.question_text("response") == f"{Q_ROLE} - Response"
    assert s.columns["coaching_visits"].original == "Coaching visits"  # the header cell as written


def test_plain_table_title_rows_are_still_skipped(tmp_path):
    path = tmp_path / "state.csv"
    path.write_text("NJSLA Spring 2025,,,\nGrade 4,,,\nCounty Code,District Code,Valid Scores,Mean\n"
                    "01,0010,*,740\n", encoding="utf-8")
    s = read_export(path)
    assert s.source.header_rows == 3 and list(s.data.columns)[:2] == ["county_code", "district_code"]
    assert any("rows 1-2 above it (title or notes) skipped" in n for n in s.source.notes)
    assert s.question_text("county_code") == "County Code"
