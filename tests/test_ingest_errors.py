"""Every mistake a user can make with an input file gives an InputFileError with the right Reason,
the file, the row/column where known and a hint, and never the personal data in the file."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from evalkit.errors import EvalkitError, InputFileError, Reason
from evalkit.ingest import detect_format, read_export

SECRET = "jane.doe@example.org"  # planted in a cell; must never reach a message

QUALTRICS_HEADER = (
    "StartDate,EndDate,ResponseId,Q1\n"
    "Start Date,End Date,Response ID,Your e-mail\n"
    '"{""ImportId"":""startDate""}","{""ImportId"":""endDate""}","{""ImportId"":""_recordId""}",'
    '"{""ImportId"":""QID1_TEXT""}"\n'
)


def _raises(path: Path, reason: Reason, *, row: int | None = None, column: str | None = None,
            **kwargs) -> InputFileError:
    with pytest.raises(InputFileError) as info:
        read_export(path, **kwargs)
    err = info.value
    text = str(err)
    assert err.reason is reason, text
    assert path.name in text
    assert SECRET not in text and SECRET not in repr(err.issue.to_dict())
    assert err.hint, "every error says how to fix it"
    if row is not None:
        assert err.issue.row == row and f"row {row}" in text
    if column is not None:
        assert err.issue.column == column and column in text
    return err


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def test_missing_file(tmp_path):
    _raises(tmp_path / "nowhere.csv", Reason.missing_file)


def test_folder_given(tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    _raises(folder, Reason.unreadable_file)


@pytest.mark.parametrize("content", [b"", b"\n\r\n   \n", b"\xef\xbb\xbf"], ids=["zero-bytes", "blank", "bom-only"])
def test_empty_file(tmp_path, content):
    _raises(_write(tmp_path, "export.csv", content), Reason.empty_file)


def test_header_without_data(tmp_path):
    _raises(_write(tmp_path, "export.csv", "email,score\n"), Reason.empty_file, row=2)
    _raises(_write(tmp_path, "q.csv", QUALTRICS_HEADER), Reason.empty_file, row=4)


def test_truncated_header(tmp_path):
    _raises(_write(tmp_path, "export.csv", "email,score,comm"), Reason.broken_header, row=1)


def test_qualtrics_header_row_cut_short(tmp_path):
    text = QUALTRICS_HEADER.replace("Response ID,Your e-mail", "Response ID") + f"a,b,R_1,{SECRET}\n"
    _raises(_write(tmp_path, "q.csv", text), Reason.broken_header, row=2, column="4 (D)")


def test_qualtrics_without_import_id_row(tmp_path):
    text = "\n".join(QUALTRICS_HEADER.splitlines()[:2]) + f"\n2024-01-01,2024-01-01,R_1,{SECRET}\n"
    path = _write(tmp_path, "q.csv", text)
    assert detect_format(path) == "qualtrics_csv"
    err = _raises(path, Reason.broken_header, row=3)
    assert "ImportId" in str(err) and "--format csv" in str(err)


def test_qualtrics_with_header_rows_removed_reads_as_plain_csv(tmp_path):
    # The way out the error message offers works.
    text = QUALTRICS_HEADER.splitlines()[0] + f"\n2024-01-01,2024-01-01,R_1,{SECRET}\n"
    path = _write(tmp_path, "q.csv", text)
    with pytest.raises(InputFileError):
        read_export(path)
    assert read_export(path, format="csv").data.loc[2, "Q1"] == SECRET


def test_qualtrics_unreadable_import_id(tmp_path):
    text = QUALTRICS_HEADER.replace('"{""ImportId"":""_recordId""}"', "{not an id") + f"a,b,R_1,{SECRET}\n"
    _raises(_write(tmp_path, "q.csv", text), Reason.broken_header, row=3, column="ResponseId")


def test_qualtrics_duplicate_columns_that_cannot_be_told_apart(tmp_path):
    lines = QUALTRICS_HEADER.splitlines()
    lines = [lines[0] + ",Q1", lines[1] + ",Your e-mail", lines[2] + ',"{""ImportId"":""QID1_TEXT""}"']
    text = "\n".join(lines) + f"\na,b,R_1,{SECRET},{SECRET}\n"
    err = _raises(_write(tmp_path, "q.csv", text), Reason.duplicate_column, column="Q1")
    assert "column 4 (D)" in str(err) and "column 5 (E)" in str(err)


def test_row_with_more_cells_than_the_header(tmp_path):
    path = _write(tmp_path, "export.csv", f"name,score\nAna,3\nBen,4,{SECRET}\n")
    _raises(path, Reason.broken_header, row=3, column="3 (C)")


def test_unclosed_quote(tmp_path):
    path = _write(tmp_path, "export.csv", f'name,comment\nAna,"{SECRET}\nBen,fine\n')
    _raises(path, Reason.unreadable_file, row=2)


def test_bytes_not_in_the_named_encoding(tmp_path):
    path = _write(tmp_path, "export.csv", f"name,email\nJosé,{SECRET}\n".encode("cp1252"))
    err = _raises(path, Reason.encoding, row=2, encoding="utf-8")
    assert "--encoding" in str(err)


def test_unknown_encoding_name(tmp_path):
    path = _write(tmp_path, "export.csv", "a\n1\n")
    _raises(path, Reason.encoding, encoding="klingon-8")


def test_binary_file_is_an_unknown_format(tmp_path):
    path = _write(tmp_path, "export.pdf", b"%PDF-1.4\x00\x01\x02\xff\xfe\x00" * 50)
    err = _raises(path, Reason.unknown_format)
    assert "--format" in str(err) and "'.pdf'" in str(err)
    with pytest.raises(InputFileError) as info:
        detect_format(path)
    assert info.value.reason is Reason.unknown_format


def test_old_xls_and_other_zip_files(tmp_path):
    xls = _write(tmp_path, "export.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert "save it as .xlsx" in str(_raises(xls, Reason.unknown_format))
    docx = tmp_path / "notes.docx"
    with zipfile.ZipFile(docx, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    _raises(docx, Reason.unknown_format)


def test_password_protected_workbook(tmp_path):
    # Excel wraps an encrypted .xlsx in an OLE2 container: say so, rather than "an old .xls".
    path = _write(tmp_path, "export.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    err = _raises(path, Reason.unknown_format)
    assert "password-protected" in str(err) and "remove the password" in err.hint


def test_text_that_is_not_a_table(tmp_path):
    _raises(_write(tmp_path, "settings.cfg", 'just one line of prose\n'), Reason.unknown_format)


def test_json_that_is_not_records(tmp_path):
    _raises(_write(tmp_path, "settings.json", '{"a": 1}\n'), Reason.wrong_format)
    _raises(_write(tmp_path, "broken.json", '[{"a": 1},\n'), Reason.broken_header, row=2)


def test_notes_and_json_records(tmp_path):
    notes = read_export(_write(tmp_path, "visit.md", "# Visit\n\nMet the team.\n"))
    assert notes.source.format == "notes" and notes.data.loc[3, "text"] == "Met the team."
    recs = read_export(_write(tmp_path, "d.json", '[{"id": "D1", "rows": [4, 5]}, {"id": "D2", "rows": []}]'))
    assert recs.source.format == "json" and recs.data.loc[2, "id"] == "D2" and recs.data.loc[1, "rows"] == "[4, 5]"


def test_damaged_workbook_and_sav(tmp_path):
    good = tmp_path / "good.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["email"])
    wb.active.append([SECRET])
    wb.save(good)
    _raises(_write(tmp_path, "cut.xlsx", good.read_bytes()[:300]), Reason.unreadable_file)
    _raises(_write(tmp_path, "cut.sav", b"$FL2@(#) IBM SPSS STATISTICS" + b"\x00" * 40), Reason.unreadable_file)


@pytest.mark.parametrize("fmt", ["spss", "excel", "surveymonkey_xlsx"])
def test_workbook_or_spss_format_named_for_a_csv(tmp_path, fmt):
    path = _write(tmp_path, "export.csv", f"email\n{SECRET}\n")
    err = _raises(path, Reason.wrong_format, format=fmt)
    assert "detect_format says 'csv'" in str(err)


def test_text_format_named_for_a_workbook(tmp_path):
    path = tmp_path / "export.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["email"])
    wb.active.append([SECRET])
    wb.save(path)
    _raises(path, Reason.wrong_format, format="csv")
    _raises(path, Reason.wrong_format, encoding="cp1252")


@pytest.mark.parametrize("fmt", ["qualtrics_csv", "qualtrics_tsv", "surveymonkey_csv"])
def test_platform_format_that_does_not_fit(tmp_path, fmt):
    path = _write(tmp_path, "export.csv", f"Timestamp,Your e-mail\n1/1/2024 10:00,{SECRET}\n")
    _raises(path, Reason.wrong_format, row=1, format=fmt)


def test_surveymonkey_second_header_row_missing(tmp_path):
    _raises(_write(tmp_path, "sm.csv", "Respondent ID,Collector ID,Your e-mail\n"), Reason.broken_header, row=2)
    path = _write(tmp_path, "sm2.csv", f"Respondent ID,Collector ID,Your e-mail\n114,431,{SECRET}\n")
    _raises(path, Reason.broken_header, row=2)
    _raises(_write(tmp_path, "sm3.csv", "Respondent ID,Collector ID,Your e-mail\n,,Response\n"), Reason.empty_file, row=3)


def test_format_name_not_known(tmp_path):
    err = _raises(_write(tmp_path, "export.csv", "a\n1\n"), Reason.unknown_format, format="stata")
    assert "qualtrics_csv" in str(err)


def test_sheet_problems(tmp_path):
    path = tmp_path / "book.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Responses"
    wb.active.append(["email"])
    wb.active.append([SECRET])
    wb.save(path)
    assert "'Responses'" in str(_raises(path, Reason.unreadable_file, sheet="Sheet9"))
    _raises(path, Reason.unreadable_file, sheet=3)
    _raises(_write(tmp_path, "export.csv", "a\n1\n"), Reason.wrong_format, sheet="Responses")


def test_blank_sheet(tmp_path):
    path = tmp_path / "book.xlsx"
    openpyxl.Workbook().save(path)
    _raises(path, Reason.empty_file)


def test_errors_are_evalkit_errors_for_the_cli(tmp_path):
    # The CLI turns any EvalkitError into a message and exit code 2, with no traceback.
    with pytest.raises(EvalkitError) as info:
        read_export(tmp_path / "missing.csv")
    assert info.value.exit_code == 2
