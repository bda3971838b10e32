"""read_large_csv: codes and suppressed values stay text, errors are ours and leak no cell."""

from __future__ import annotations

import hashlib

import pyarrow as pa
import pytest

from evalkit.errors import InputFileError, Reason
from evalkit.ingest import read_large_csv

SECRET = "jane.doe@example.org"


def test_codes_and_value_are_strings(tmp_path):
    path = tmp_path / "outcomes.csv"
    path.write_text("school_code,District_Code,school_year,n_tested,value\n"
                    "00100060,0010,2024,82,45.2\n00100070,0010,2024,7,*\n04200010,0420,2024,25,<10\n", encoding="utf-8")
    table = read_large_csv(path)
    assert table.schema.field("school_code").type == pa.string()
    assert table.schema.field("District_Code").type == pa.string()  # the suffix is matched case-blind
    assert table.schema.field("value").type == pa.string()
    assert table.schema.field("n_tested").type == pa.int64()
    assert table.column("school_code").to_pylist()[0] == "00100060"
    assert table.column("value").to_pylist() == ["45.2", "*", "<10"]
    meta = table.schema.metadata
    assert meta[b"evalkit.sha256"].decode() == hashlib.sha256(path.read_bytes()).hexdigest()
    assert meta[b"evalkit.format"] == b"csv" and meta[b"evalkit.encoding"] == b"utf8"


def test_listed_string_columns_and_empty_cells(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(" grade ,n\n03,\n04,5\n", encoding="utf-8")
    table = read_large_csv(path, string_columns=["grade"])
    assert table.column_names == ["grade", "n"]  # header names are trimmed
    assert table.column("grade").to_pylist() == ["03", "04"]
    assert table.column("n").to_pylist() == [None, 5]


def test_bom_crlf_and_cp1252(tmp_path):
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbfschool_code,name\r\n0010,Absecon\r\n")
    assert read_large_csv(bom).column("school_code").to_pylist() == ["0010"]
    latin = tmp_path / "latin.csv"
    latin.write_bytes("school_code,name\n0010,Peña\n".encode("cp1252"))
    assert read_large_csv(latin).column("name").to_pylist() == ["Peña"]
    utf16 = tmp_path / "u16.csv"
    utf16.write_bytes("school_code,name\n0010,Zoë\n".encode("utf-16"))
    assert read_large_csv(utf16).column("name").to_pylist() == ["Zoë"]


def test_text_far_below_numbers_makes_a_text_column(tmp_path):
    # pyarrow sees numbers in the first blocks and a mark far below: the column is text, nothing lost.
    path = tmp_path / "big.csv"
    body = "".join(f"{i:06d},{i % 97}\n" for i in range(300_000))
    path.write_text("school_code,n_tested\n" + body + "999999,N/A\n", encoding="utf-8")
    table = read_large_csv(path)
    assert table.num_rows == 300_001 and table.schema.field("n_tested").type == pa.string()
    assert table.column("n_tested")[-1].as_py() == "N/A" and table.column("school_code")[0].as_py() == "000000"


def test_pyarrow_messages_are_reduced_to_row_and_column(tmp_path):
    from evalkit.ingest.large import _explain

    message = f"In CSV column #1: Row #5: CSV conversion error to int64: invalid value '{SECRET}'"
    err = _explain(tmp_path / "f.csv", message, ["school_code", "n_tested"])
    assert err.reason is Reason.bad_number and err.issue.column == "n_tested"
    assert "data row 5" in str(err) and SECRET not in str(err)
    err = _explain(tmp_path / "f.csv", f"CSV parse error: Expected 2 columns, got 3: 1,2,{SECRET}", ["a", "b"])
    assert err.reason is Reason.broken_header and SECRET not in str(err)


def test_ragged_row(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text(f"a,b\n1,2\n3,4,{SECRET}\n", encoding="utf-8")
    with pytest.raises(InputFileError) as info:
        read_large_csv(path)
    assert info.value.reason is Reason.broken_header and SECRET not in str(info.value)


def test_invalid_utf8_below_the_first_megabyte(tmp_path):
    path = tmp_path / "late.csv"
    path.write_bytes(b"school_code,name\n" + b"0010,Absecon\n" * 120_000 + b"0420,Pe\xf1a\n")
    with pytest.raises(InputFileError) as info:
        read_large_csv(path)
    assert info.value.reason is Reason.encoding and info.value.issue.column == "name"


def test_errors(tmp_path):
    with pytest.raises(InputFileError) as info:
        read_large_csv(tmp_path / "none.csv")
    assert info.value.reason is Reason.missing_file
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(InputFileError) as info:
        read_large_csv(empty)
    assert info.value.reason is Reason.empty_file
    sav = tmp_path / "data.csv"
    sav.write_bytes(b"$FL2" + b"\x00" * 100)
    with pytest.raises(InputFileError) as info:
        read_large_csv(sav)
    assert info.value.reason is Reason.wrong_format
    ok = tmp_path / "ok.csv"
    ok.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputFileError) as info:
        read_large_csv(ok, string_columns=["c"])
    assert info.value.reason is Reason.missing_column and info.value.issue.column == "c"
