"""Small handmade files for the layouts without a real fixture: Qualtrics TSV (UTF-16), SurveyMonkey
CSV/XLSX, plain CSV and Excel, and the reading rules every reader shares."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from evalkit.ingest import FORMATS, SurveyData, detect_format, read_export

QUALTRICS_ROWS = [
    ["StartDate", "EndDate", "Status", "ResponseId", "Q1", "Q2_1", "Q2_2", "Q3"],
    ["Start Date", "End Date", "Response Type", "Response ID", "How useful was the institute?",
     "Rate each session: - Opening keynote", "Rate each session: - Data workshop", "Comments"],
    ['{"ImportId":"startDate","timeZone":"America/Chicago"}', '{"ImportId":"endDate","timeZone":"America/Chicago"}',
     '{"ImportId":"status"}', '{"ImportId":"_recordId"}', '{"ImportId":"QID1"}', '{"ImportId":"QID2_1"}',
     '{"ImportId":"QID2_2"}', '{"ImportId":"QID3_TEXT"}'],
    ["2024-06-03 09:00:00", "2024-06-03 09:10:00", "0", "R_a1", "Very useful", "4", "5", "Great,\nthanks"],
    ["2024-06-03 09:05:00", "2024-06-03 09:12:00", "0", "R_a2", "Somewhat useful", "3", "", ""],
]


def _delimited(rows: list[list[str]], sep: str) -> str:
    def cell(c: str) -> str:
        return '"' + c.replace('"', '""') + '"' if any(ch in c for ch in (sep, '"', "\n")) else c

    return "".join(sep.join(cell(c) for c in r) + "\r\n" for r in rows)


def write_qualtrics_csv(path: Path, rows: list[list[str]] = QUALTRICS_ROWS) -> Path:
    path.write_bytes(b"\xef\xbb\xbf" + _delimited(rows, ",").encode("utf-8"))
    return path


# --- Qualtrics ---------------------------------------------------------------------------------


def test_qualtrics_tsv_utf16(tmp_path):
    path = tmp_path / "export.tsv"
    path.write_bytes(b"\xff\xfe" + _delimited(QUALTRICS_ROWS, "\t").encode("utf-16-le"))
    assert detect_format(path) == "qualtrics_tsv"
    s = read_export(path)
    assert s.source.format == "qualtrics_tsv" and s.source.encoding == "utf-16"
    assert s.source.header_rows == 3
    assert s.data.index.tolist() == [4, 5]  # the line break inside "Great,\nthanks" stays in row 4
    assert s.data.loc[4, "Q3"] == "Great,\nthanks"
    assert s.columns["Q2_1"].import_id == "QID2_1"
    assert s.question_text("Q2_2") == "Rate each session: - Data workshop"
    assert pd.isna(s.data.loc[5, "Q2_2"])  # an empty cell is missing
    assert any("America/Chicago" in n for n in s.source.notes)


def test_qualtrics_csv_choice_text_and_numeric(tmp_path):
    s = read_export(write_qualtrics_csv(tmp_path / "q.csv"))
    assert s.source.format == "qualtrics_csv" and s.source.encoding == "utf-8-sig"
    assert s.data.loc[4, "Q1"] == "Very useful" and s.data.loc[4, "Q2_1"] == "4"
    assert all(str(dtype) == "str" for dtype in s.data.dtypes)


def test_qualtrics_read_as_plain_csv_on_request(tmp_path):
    s = read_export(write_qualtrics_csv(tmp_path / "q.csv"), format="csv")
    assert s.source.format == "csv" and s.source.header_rows == 1
    assert s.data.index[0] == 2  # rows 2 and 3 are now data: the user asked for it


# --- SurveyMonkey ------------------------------------------------------------------------------

SM_TOP = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address",
          "Which role do you hold?", "", "What did you learn?",
          "How much do you agree: the institute...", "", "",
          "Which supports did you use? (select all)", "", "", ""]
SM_SUB = ["", "", "", "", "", "", "Response", "Other (please specify)", "Open-Ended Response",
          "Time was well spent", "Content was relevant", "Facilitators were prepared",
          "Coaching visits", "Online modules", "Peer network", "Other (please specify)"]
SM_DATA = [
    ["11401", "4310", "06/03/2024 09:00:00", "06/03/2024 09:05:00", "", "", "Principal", "", "A lot",
     "Agree", "Strongly agree", "Agree", "Coaching visits", "", "Peer network", ""],
    ["11402", "4310", "06/03/2024 09:01:00", "06/03/2024 09:07:00", "", "", "", "Dean", "",
     "Disagree", "", "Agree", "", "Online modules", "", "Book club"],
]
SM_NAMES = ["respondent_id", "collector_id", "start_date", "end_date", "ip_address", "email_address",
            "q1", "q1_other_please_specify", "q2",
            "q3_time_was_well_spent", "q3_content_was_relevant", "q3_facilitators_were_prepared",
            "q4_coaching_visits", "q4_online_modules", "q4_peer_network", "q4_other_please_specify"]


def _check_surveymonkey(s: SurveyData) -> None:
    assert list(s.data.columns) == SM_NAMES
    assert s.source.header_rows == 2 and s.data.index.tolist() == [3, 4]
    assert s.question_text("q1") == "Which role do you hold?"
    assert s.question_text("q1_other_please_specify") == "Which role do you hold? - Other (please specify)"
    assert s.question_text("q2") == "What did you learn?"
    assert s.question_text("q3_content_was_relevant") == "How much do you agree: the institute... - Content was relevant"
    assert s.columns["q4_online_modules"].original == "Online modules"  # row 1 is blank over it
    assert s.columns["q1"].original == "Which role do you hold?\nResponse"
    assert s.data.loc[3, "respondent_id"] == "11401"
    assert s.data.loc[4, "q4_other_please_specify"] == "Book club"
    assert pd.isna(s.data.loc[4, "q3_content_was_relevant"])


def test_surveymonkey_csv(tmp_path):
    path = tmp_path / "sm.csv"
    path.write_text(_delimited([SM_TOP, SM_SUB, *SM_DATA], ","), encoding="utf-8")
    assert detect_format(path) == "surveymonkey_csv"
    s = read_export(path)
    assert s.source.format == "surveymonkey_csv"
    _check_surveymonkey(s)


def _write_xlsx(path: Path, rows: list[list[object]], *, sheet: str = "Sheet1", extra_sheets: tuple[str, ...] = ()) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value not in ("", None):
                ws.cell(row=r, column=c, value=value)
    for name in extra_sheets:
        wb.create_sheet(name)["A1"] = "other"
    wb.save(path)
    return path


def test_surveymonkey_xlsx(tmp_path):
    path = _write_xlsx(tmp_path / "sm.xlsx", [SM_TOP, SM_SUB, *SM_DATA])
    assert detect_format(path) == "surveymonkey_xlsx"
    s = read_export(path)
    assert s.source.format == "surveymonkey_xlsx" and s.source.sheet == "Sheet1"
    _check_surveymonkey(s)


# --- Google Forms ------------------------------------------------------------------------------


def test_google_forms_repeated_questions_get_suffixes(tmp_path):
    path = tmp_path / "Form Responses 1.csv"
    path.write_text("Timestamp,Email Address,Rate the session [Opening],Rate the session [Opening],Comments\n"
                    "6/3/2024 9:00:00,a@example.org,4,5,\n", encoding="utf-8")
    s = read_export(path)
    assert s.source.format == "google_forms_csv"
    assert list(s.data.columns) == ["timestamp", "email_address", "rate_the_session_opening",
                                    "rate_the_session_opening_2", "comments"]
    assert any("made unique" in n for n in s.source.notes)


# --- Plain CSV ---------------------------------------------------------------------------------


def test_plain_csv_keeps_codes_and_normalises_headers(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text('district_code;"School\nName";% Proficient;;School Name\n'
                    '0010;Absecon;<10;;x\n\n0420;"Bayonne ""Central""";45.2;;y\n', encoding="utf-8")
    assert detect_format(path) == "csv"
    s = read_export(path)
    assert list(s.data.columns) == ["district_code", "school_name", "pct_proficient", "unnamed_4", "school_name_2"]
    assert s.columns["school_name"].original == "School\nName"
    # The header's line break is inside one record: data starts on row 2; blank row 3 is skipped.
    assert s.data.index.tolist() == [2, 4]
    assert s.data.loc[2, "district_code"] == "0010" and s.data.loc[2, "pct_proficient"] == "<10"
    assert s.data.loc[4, "school_name"] == 'Bayonne "Central"'
    notes = " ".join(s.source.notes)
    assert "';'" in notes and "blank row 3" in notes and "made unique" in notes


def test_plain_csv_identifier_headers_are_kept(tmp_path):
    path = tmp_path / "staff.csv"
    path.write_text("ResponseId,school_code,C1\nR_1,0012,4\n", encoding="utf-8")
    s = read_export(path)
    assert list(s.data.columns) == ["ResponseId", "school_code", "C1"]


def test_short_last_row_is_padded_with_a_note(tmp_path):
    path = tmp_path / "cut.csv"
    path.write_text("a,b,c\n1,2,3\n4,5", encoding="utf-8")
    s = read_export(path)
    assert s.data.loc[3].tolist()[:2] == ["4", "5"] and pd.isna(s.data.loc[3, "c"])
    assert any("fewer cells" in n for n in s.source.notes)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_non_utf8_is_guessed_and_recorded(tmp_path, encoding):
    path = tmp_path / "names.csv"
    path.write_bytes("name,school\nJosé Núñez,Escuela Peña\nZoë Brontë,Café Élan\n".encode(encoding))
    s = read_export(path)
    assert s.data.loc[2, "name"] == "José Núñez"
    assert s.source.encoding in ("cp1252", "iso8859-1")
    assert any("not valid UTF-8" in n for n in s.source.notes)


def test_named_encoding_is_used_without_a_note(tmp_path):
    path = tmp_path / "names.csv"
    path.write_bytes("name\nJosé\n".encode("cp1252"))
    s = read_export(path, encoding="cp1252")
    assert s.data.loc[2, "name"] == "José" and s.source.encoding == "cp1252" and not s.source.notes


def test_utf16_without_qualtrics_header(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_bytes("a\tb\r\n1\t2\r\n".encode("utf-16"))
    s = read_export(path)
    assert s.source.format == "csv" and s.source.encoding == "utf-16"
    assert s.data.loc[2, "b"] == "2"


# --- Plain Excel -------------------------------------------------------------------------------


def test_excel_preamble_footnotes_and_cell_types(tmp_path):
    path = tmp_path / "state.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws["A1"] = "New Jersey Department of Education"
    ws["A2"] = "Enrollment 2024-25"
    header = ["County Code", "District Code", "Registered To\nTest", "Opened", "Grant", "Share"]
    for c, h in enumerate(header, start=1):
        ws.cell(row=4, column=c, value=h)
    ws.append(["01", 10, 82, dt.datetime(2024, 9, 3), True, 0.125])
    ws["B5"].number_format = "0000"  # a code stored as a number but shown with its zeros
    ws["D5"].number_format = "yyyy-mm-dd"
    ws.append([])
    ws.append(["05", 420, "*", dt.datetime(2024, 9, 4, 8, 30), False, 1.0, None, "stray note"])
    ws.append(["*  Data is suppressed to protect student privacy"])
    ws.append(["end of worksheet"])
    wb.create_sheet("Notes")["A1"] = "read me"
    wb.save(path)

    assert detect_format(path) == "excel"
    s = read_export(path)
    assert s.source.format == "excel" and s.source.header_rows == 4 and s.source.sheet == "Data"
    assert s.source.sheets == ("Data", "Notes")
    assert s.data.index.tolist() == [5, 7]  # blank row 6 skipped, footnotes 8-9 dropped
    assert list(s.data.columns) == ["county_code", "district_code", "registered_to_test", "opened", "grant",
                                    "share", "unnamed_7", "unnamed_8"]
    row = s.data.loc[5]
    assert row["county_code"] == "01" and row["district_code"] == "0010"
    assert row["registered_to_test"] == "82" and row["opened"] == "2024-09-03"
    assert row["grant"] == "TRUE" and row["share"] == "0.125"
    assert s.data.loc[7, "opened"] == "2024-09-04 08:30:00" and s.data.loc[7, "share"] == "1"
    assert s.data.loc[7, "unnamed_8"] == "stray note"
    notes = " ".join(s.source.notes)
    assert "header found on row 4" in notes and "footnote rows 8-9" in notes and "no header" in notes
    assert "2 sheets" in notes


def test_excel_extension_does_not_decide(tmp_path):
    xlsx_named_csv = _write_xlsx(tmp_path / "export.csv", [["a", "b"], ["1", "2"]])
    assert detect_format(xlsx_named_csv) == "excel"
    assert read_export(xlsx_named_csv).data.loc[2, "b"] == "2"
    gforms = _write_xlsx(tmp_path / "responses.xlsx", [["Timestamp", "Your role"], [dt.datetime(2024, 1, 2, 3, 4, 5), "Coach"]])
    assert detect_format(gforms) == "google_forms_xlsx"
    assert read_export(gforms).data.loc[2, "timestamp"] == "2024-01-02 03:04:05"


# --- Rules every reader follows ----------------------------------------------------------------


def test_raw_file_is_only_read_and_hashed(tmp_path):
    path = write_qualtrics_csv(tmp_path / "q.csv")
    before = path.read_bytes()
    os.chmod(path, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # read-only, as data_raw/ should be
    try:
        s = read_export(path)
    finally:
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    assert path.read_bytes() == before
    assert s.source.sha256 == hashlib.sha256(before).hexdigest()
    assert s.summary()["n_columns"] == 8 and s.summary()["format"] == "qualtrics_csv"


def test_formats_cover_every_reader():
    from evalkit.ingest._dispatch import _READERS

    assert set(_READERS) == set(FORMATS)


# --- SPSS --------------------------------------------------------------------------------------


def test_qualtrics_spss_export(tmp_path):
    import pyreadstat

    path = tmp_path / "qualtrics.sav"
    frame = pd.DataFrame({"StartDate": ["2024-06-03 09:00:00", "2024-06-04 10:00:00"],
                          "ResponseId": ["R_1", "R_2"], "Q1": [4.0, -99.0], "Q2_TEXT": ["Useful", ""]})
    pyreadstat.write_sav(
        frame, str(path),
        column_labels={"StartDate": "Start Date", "ResponseId": "Response ID",
                       "Q1": "How useful was the institute?", "Q2_TEXT": "Comments"},
        variable_value_labels={"Q1": {1.0: "Not at all", 4.0: "Very", -99.0: "Seen, not answered"}},
        missing_ranges={"Q1": [-99.0]},
    )
    assert detect_format(path) == "spss"
    s = read_export(path)
    assert s.source.format == "spss" and s.source.header_rows == 0
    assert s.data.index.tolist() == [1, 2]
    assert s.question_text("Q1") == "How useful was the institute?"
    assert s.value_labels("Q1")[4.0] == "Very"
    assert s.columns["Q1"].missing_codes == (-99.0,)
    assert s.data.loc[2, "Q1"] == -99.0  # visible, for the cleaning stage to log
    assert pd.isna(s.data.loc[2, "Q2_TEXT"])  # an empty string is missing, as in the text readers
    assert any("Qualtrics SPSS export" in n for n in s.source.notes)
