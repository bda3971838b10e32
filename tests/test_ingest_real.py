"""Every real export in ../shared/fixtures/real/ ingests, with the format, rows and metadata it should have.

Expected values were checked by hand against the raw files (a text editor for CSV, Excel's row
numbers for .xlsx, pyreadstat's metadata for .sav); PROVENANCE.md says what each file exercises.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import real_fixture_files

from evalkit.ingest import MissingRange, detect_format, read_export

pytestmark = pytest.mark.real_fixtures

#: file (relative to the fixture folder) -> (format, data rows, columns, first source_row)
EXPECTED = {
    "google_forms/gforms_crlf_multiline.csv": ("google_forms_csv", 64, 9, 2),
    "google_forms/gforms_minute_timestamps.csv": ("google_forms_csv", 91, 7, 2),
    "google_forms/gforms_sheets_download.xlsx": ("google_forms_xlsx", 207, 3, 2),
    "other_forms/msforms_cp1252.csv": ("microsoft_forms_csv", 187, 8, 2),
    "qualtrics/qt2017_many_types_insights.csv": ("qualtrics_csv", 5, 190, 4),
    "qualtrics/qt2017_matrix_multi_answer.csv": ("qualtrics_csv", 5, 75, 4),
    "qualtrics/qt2017_text_entry.csv": ("qualtrics_csv", 15, 40, 4),
    "qualtrics/qt2021_datatable_test_responses.csv": ("qualtrics_csv", 150, 141, 4),
    "qualtrics/qt_legacy_side_by_side.csv": ("qualtrics_csv", 25, 70, 3),
    "qualtrics/qualtrics_german_3row.csv": ("qualtrics_csv", 1, 20, 4),
    "qualtrics/qualtrics_legacy_2row_bom.csv": ("qualtrics_csv", 1, 15, 3),
    "spss/hebrew_varname.sav": ("spss", 99, 1, 1),
    "spss/labels_dates.sav": ("spss", 5, 7, 1),
    "spss/multiple_response_sets.sav": ("spss", 6, 12, 1),
    "spss/sample_compressed.zsav": ("spss", 5, 7, 1),
    "spss/telugu_text.sav": ("spss", 1, 2, 1),
    "spss/user_missing.sav": ("spss", 7, 7, 1),
    "state_ed/nj_enrollment_multisheet.xlsx": ("excel", 1, 18, 4),
    "state_ed/nj_njsla_ela04_school_subgroup.xlsx": ("excel", 5, 17, 4),
    "state_ed/nj_sped_placement_race.xlsx": ("excel", 80, 12, 7),
    "state_ed/nj_spr_chronic_absence_subgroup.xlsx": ("excel", 5, 11, 5),
}

_FILES = real_fixture_files()


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def test_expected_table_covers_every_fixture(real_fixtures):
    # A new fixture must be added to EXPECTED (and checked by hand), not silently skipped.
    assert {_rel(p, real_fixtures) for p in real_fixture_files()} == set(EXPECTED)


@pytest.mark.parametrize("path", _FILES or [None], ids=lambda p: p.name if p else "absent")
def test_every_real_fixture_ingests(real_fixtures, path):
    fmt, n_rows, n_cols, first_row = EXPECTED[_rel(path, real_fixtures)]
    assert detect_format(path) == fmt
    survey = read_export(path)
    src = survey.source
    assert src.format == fmt
    assert src.n_rows == n_rows == len(survey.data) > 0
    assert survey.data.shape[1] == n_cols
    names = list(survey.data.columns)
    assert len(set(names)) == len(names)
    assert all(n == n.strip() and n for n in names)
    assert list(survey.columns) == names
    assert survey.data.index.name == "source_row"
    assert survey.data.index[0] == first_row
    assert survey.data.index.is_monotonic_increasing
    assert len(src.sha256) == 64 and src.path == str(path)
    assert src.header_rows == (first_row - 1 if fmt != "spss" else 0)


# --- Qualtrics ---------------------------------------------------------------------------------


def test_qualtrics_current_german_text_and_import_ids(real_fixtures):
    s = read_export(real_fixtures / "qualtrics/qualtrics_german_3row.csv")
    assert s.source.header_rows == 3 and s.source.encoding == "utf-8"
    assert s.data.index.tolist() == [4]
    assert s.data.loc[4, "ResponseId"] == "R_2YPOQ602ER1jkf1"
    assert s.data.loc[4, "Q2"] == "Hello World!"
    assert s.question_text("Q1") == "This is a multiple choice question."
    assert s.question_text("RecipientLastName") == "Nachname des Empfängers"  # non-ASCII row 2
    assert s.columns["Q1"].import_id == "QID1"
    assert s.columns["StartDate"].import_id == "startDate"
    assert "Q2 - Topics" in s.columns  # the Text iQ column keeps its export name
    assert pd.isna(s.data.loc[4, "Q2 - Topics"])


def test_qualtrics_legacy_bom_trailing_comma(real_fixtures):
    s = read_export(real_fixtures / "qualtrics/qualtrics_legacy_2row_bom.csv")
    assert s.source.encoding == "utf-8-sig" and s.source.header_rows == 2
    names = list(s.data.columns)
    assert names[:3] == ["ResponseID", "ResponseSet", "Name"]  # V1..V3 take their row-2 field name
    assert s.columns["ResponseID"].original == "V1"
    assert not any(n.startswith("unnamed") for n in names)  # the trailing comma's empty column dropped
    assert any("trailing delimiter" in n for n in s.source.notes)
    assert s.data.loc[3, "ResponseID"] == "R_2YPOQ602ER1jkf1"
    assert s.data.loc[3, "ResponseSet"] == "Standard-Antwortsatz"
    assert s.question_text("Q2") == "This is a free text question."


def test_qualtrics_insights_python_dict_import_ids(real_fixtures):
    s = read_export(real_fixtures / "qualtrics/qt2017_many_types_insights.csv")
    assert s.columns["Q2_1"].import_id == "QID2-1"
    assert s.columns["ResponseID"].import_id == "responseId"
    assert any("Insights" in n for n in s.source.notes)
    assert "Q4#1_1" in s.columns  # side-by-side ids keep their '#'
    assert s.data.loc[4, "ResponseID"] == "R_e8z6glNpLL4PkcR"
    # Export tags repeated in the survey are made unique, not dropped.
    assert "Q50#2_wedges_1231_2" in s.columns
    assert s.columns["Q50#2_wedges_1231_2"].original == "Q50#2_wedges_1231"


def test_qualtrics_matrix_and_text_entry_columns(real_fixtures):
    m = read_export(real_fixtures / "qualtrics/qt2017_matrix_multi_answer.csv")
    assert {"Q2_1_1", "Q4_1_10", "Q3_question_one_1"} <= set(m.columns)
    assert m.columns["Q2_1_1"].import_id == "QID2-1-1"
    t = read_export(real_fixtures / "qualtrics/qt2017_text_entry.csv")
    assert {"MCSA_single_text_TEXT", "SBS_text#3_1_1_TEXT"} <= set(t.columns)
    assert t.data.index.tolist() == list(range(4, 19))


def test_qualtrics_legacy_side_by_side(real_fixtures):
    s = read_export(real_fixtures / "qualtrics/qt_legacy_side_by_side.csv")
    assert "Q6_1: 2_1_TEXT" in s.columns
    assert s.data.loc[3, "ResponseID"] == "R_ewCdw76T6j8eNRH"
    assert s.data.loc[4, "ResponseID"] == "R_1UhPs1C0GuZmNZb"
    assert s.data.index[-1] == 27


def test_qualtrics_2021_time_zone_and_numeric_codes(real_fixtures):
    s = read_export(real_fixtures / "qualtrics/qt2021_datatable_test_responses.csv")
    assert s.data.loc[4, "ResponseId"] == "R_ai0ydHhDpkc0Bim"
    assert s.data.loc[4, "Status"] == "2"  # numeric codes stay text for the cleaning stage
    assert s.data.index[-1] == 153
    assert any("America/New_York" in n for n in s.source.notes)
    assert s.question_text("program_agree_fit").startswith("Please rate your agreement")
    assert (s.data["DistributionChannel"] == "test").all()


# --- Google Forms, Microsoft Forms -------------------------------------------------------------


def test_google_forms_csv_multiline_records_are_one_row(real_fixtures):
    s = read_export(real_fixtures / "google_forms/gforms_crlf_multiline.csv")
    assert s.columns["timestamp"].original == "Timestamp"
    q = "do_you_believe_that_a_hotdog_falls_under_the"
    assert s.question_text(q) == "Do you believe that a hotdog falls under the category of a sandwich?"
    # Row 11 holds an answer with a line break; the next record is row 12 (line 13 of the file).
    assert s.data.loc[11, "timestamp"] == "1/15/2025 22:00:33"
    assert "\n" in s.data.loc[11, "what_is_the_rationale_behind_your_opinion"]
    assert s.data.loc[12, "timestamp"] == "1/15/2025 22:03:15"
    assert s.data.index[-1] == 65 and s.data.loc[65, "timestamp"] == "1/16/2025 21:47:17"
    assert s.data["you_preferred_to_self_describe_for_gender_please"].isna().sum() > 50  # sparse column


def test_google_forms_minute_timestamps(real_fixtures):
    s = read_export(real_fixtures / "google_forms/gforms_minute_timestamps.csv")
    assert s.data.loc[2, "timestamp"] == "1/18/2024 14:18"
    assert s.data.loc[92, "timestamp"] == "1/22/2024 20:56"


def test_google_forms_sheets_xlsx(real_fixtures):
    s = read_export(real_fixtures / "google_forms/gforms_sheets_download.xlsx")
    assert s.source.sheet == "Form Responses 1" and s.source.sheets == ("Form Responses 1",)
    assert s.data.loc[2, "timestamp"] == "2025-08-29 17:17:56.622000"  # datetime cell, ms kept
    assert s.data.loc[2, "what_year_are_you_in"] == "4"  # float 4.0 shown as Excel shows it
    assert s.data.index[-1] == 208


def test_microsoft_forms_cp1252(real_fixtures):
    s = read_export(real_fixtures / "other_forms/msforms_cp1252.csv")
    assert s.source.encoding == "cp1252"
    assert any("not valid UTF-8" in n and "line 59" in n for n in s.source.notes)
    assert list(s.data.columns[:5]) == ["id", "start_time", "completion_time", "email", "name"]
    assert s.data.loc[2, "id"] == "1" and s.data.loc[188, "id"] == "187"
    assert (s.data["email"] == "anonymous").all()
    assert "’" in "".join(s.data.loc[59].dropna())  # 0x92 decoded as a curly apostrophe


# --- SPSS --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["labels_dates.sav", "sample_compressed.zsav"])
def test_spss_labels(real_fixtures, name):
    s = read_export(real_fixtures / "spss" / name)
    assert s.question_text("mylabl") == "labeled"
    assert s.value_labels("mylabl") == {1.0: "Male", 2.0: "Female"}
    assert s.value_labels("myord") == {1.0: "low", 2.0: "medium", 3.0: "high"}
    assert s.data.loc[1, "mychar"] == "a"
    assert s.data.loc[2, "mydate"].year == 1880  # dates before 1900 survive
    assert s.source.encoding == "windows-1252"


def test_spss_user_missing_codes_are_recorded_and_visible(real_fixtures):
    s = read_export(real_fixtures / "spss/user_missing.sav")
    mynum = s.columns["mynum"].missing_codes
    assert MissingRange(2000.0, 3000.0) in mynum and -1.0 in mynum
    assert s.columns["myord"].missing_codes == (-1.0, -2.0, -3.0)
    assert s.columns["mylabl"].missing_codes == (-1.0,)
    assert s.value_labels("mylabl")[-1.0] == "undetermined"
    # user_missing=True: the declared codes are in the data, not turned into NaN.
    assert s.data.loc[7, "mynum"] == 2500.0 and 2500.0 in mynum[0]
    assert s.data.loc[6, "myord"] == -1.0 and s.data.loc[7, "myord"] == -3.0
    assert s.columns["mynum"].to_dict()["missing_codes"] == ["2000.0 thru 3000.0", "-1.0"]


def test_spss_multiple_response_sets(real_fixtures):
    s = read_export(real_fixtures / "spss/multiple_response_sets.sav")
    assert s.value_labels("z") == {999.0: "skipped"}
    assert s.question_text("bool1") == "Response #1"
    assert any("mymrset" in n and "bool1, bool2, bool3" in n for n in s.source.notes)


def test_spss_unicode(real_fixtures):
    t = read_export(real_fixtures / "spss/telugu_text.sav")
    assert t.question_text("record") == "record : Record number"
    assert t.data.loc[1, "Q16br9oe_Q24br9oe"].startswith("నేను")
    h = read_export(real_fixtures / "spss/hebrew_varname.sav")
    assert list(h.data.columns) == ["ותק_ב"] and h.source.encoding == "UTF-8"


# --- State education files ---------------------------------------------------------------------


def test_njsla_header_row_codes_and_footnotes(real_fixtures):
    s = read_export(real_fixtures / "state_ed/nj_njsla_ela04_school_subgroup.xlsx")
    assert s.source.header_rows == 3
    assert s.data.index.tolist() == [4, 5, 6, 7, 8]  # rows 9-10 are footnotes
    assert any("footnote" in n and "rows 9-10" in n for n in s.source.notes)
    assert s.data.loc[4, "county_code"] == "01"
    assert s.data.loc[4, "district_code"] == "0010"
    assert s.data.loc[4, "school_code"] == "060"
    assert s.columns["registered_to_test"].original == "Registered To\nTest"
    assert s.columns["registered_to_test"].text == "Registered To Test"
    assert s.data.loc[6, "valid_scores"] == "*" and s.data.loc[4, "valid_scores"] == "82"


def test_spr_header_on_row_4(real_fixtures):
    s = read_export(real_fixtures / "state_ed/nj_spr_chronic_absence_subgroup.xlsx")
    assert s.source.header_rows == 4
    assert list(s.data.columns[:3]) == ["CountyCode", "CountyName", "DistrictCode"]
    assert s.data.loc[5, "StudentsChronicallyAbsent_District"] == "78 students"
    assert s.data.loc[5, "ChronicAbsenteeismRate_District"] == "9.9%"
    assert s.data.loc[6, "SchoolsCorrectiveActionPlan"] == "n/a - See All Students row"


def test_sped_header_on_row_6(real_fixtures):
    s = read_export(real_fixtures / "state_ed/nj_sped_placement_race.xlsx")
    assert s.source.header_rows == 6 and s.data.index[0] == 7
    assert s.data.loc[7, "district_code"] == "0010" and s.data.loc[7, "race"] == "Asian"
    long = [c for c in s.columns.values() if len(c.text or "") > 64]
    assert long and all(len(c.name) <= 64 for c in long)


def test_enrollment_multisheet(real_fixtures):
    path = real_fixtures / "state_ed/nj_enrollment_multisheet.xlsx"
    first = read_export(path)
    assert first.source.sheets == ("State ", "District", "School")
    assert first.source.sheet == "State "
    assert any("3 sheets" in n and "'District'" in n and "'School'" in n for n in first.source.notes)
    assert first.data.loc[4, "black"] == "201018.5"  # fractional counts kept exactly
    school = read_export(path, sheet="School")
    assert school.source.sheet == "School" and school.source.header_rows == 3
    assert school.data.loc[4, "school_code"] == "060" and school.data.loc[4, "district_code"] == "0110"
    assert {"pct_white", "pct_black"} <= set(school.columns)  # "% White" and "%Black" alike
    assert school.data.loc[4, "pct_free_lunch"] == ">95"
    by_position = read_export(path, sheet=1)
    assert by_position.source.sheet == "District" and by_position.data.loc[4, "district_code"] == "3970"
