"""SPSS exports through ingest → clean → anonymize: what a new user's real .sav files broke.

* dates outside pandas' nanosecond range (an SPSS 1583-01-01) are kept, not an internal error;
  empty and all-blank date columns (a survey whose every row cleaning dropped) do not crash;
* missing dates and times are written to parquet as null, never the text "nan";
* codes the file declares missing (SPSS user-missing values) become missing before the response
  scale is checked, and are counted in the data-quality log;
* ``evalkit ingest FILE --columns`` shows value labels and declared missing codes.

Tests marked ``real_fixtures`` read ``spss/`` of the real-export folder (see ``conftest.py``) and skip
when it is absent; the others build their own small tables and .sav files.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest
import yaml

from evalkit.anonymize.stage import _parquet_frame
from evalkit.clean.normalize import parse_date_columns, parse_dates
from evalkit.clean.quality import Action, Defect, QualityLog
from evalkit.clean.survey import clean_survey
from evalkit.clean.tables import clean_table
from evalkit.config import CleaningRules, Codebook, Source
from evalkit.errors import DataErrors, Reason
from evalkit.ingest import MissingRange
from evalkit.ingest._table import ColumnMeta, SourceMeta, SurveyData
from conftest import run_cli

real = pytest.mark.real_fixtures


@pytest.fixture(autouse=True)
def _wide_terminal(monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "250")


_main = run_cli   # (exit code, stdout, stderr)


# --- 1. dates outside pandas' nanosecond range; empty date columns ---------------------------------

def test_dates_before_1677_are_parsed_not_a_crash() -> None:
    s = pd.Series([dt.date(1583, 1, 1), pd.Timestamp("2018-05-06 10:10:10"), "1583-01-01", "1/2/1880", np.nan],
                  index=[1, 2, 3, 4, 5], dtype=object)
    parsed, fmt, issues = parse_dates(s, file="labels_dates.sav", column="mydate")
    assert issues == []
    assert parsed.dt.strftime("%Y-%m-%d").tolist()[:4] == ["1583-01-01", "2018-05-06", "1583-01-01", "1880-01-02"]
    assert pd.isna(parsed[5]) and pd.isna(fmt[5])
    assert fmt.tolist()[:4] == ["spreadsheet_date", "spreadsheet_date", "iso_date", "slash_date"]


def test_a_date_beyond_any_range_is_a_located_issue_without_the_value() -> None:
    s = pd.Series([np.datetime64("2020-01-01", "s"), np.datetime64("300000-01-01", "s")], index=[7, 8], dtype=object)
    parsed, _, issues = parse_dates(s, file="f.sav", column="when")
    assert str(parsed[7].date()) == "2020-01-01" and pd.isna(parsed[8])
    (issue,) = issues
    assert (issue.file, issue.row, issue.column, issue.reason) == ("f.sav", 8, "when", Reason.bad_date)
    assert "300000" not in issue.message and issue.hint


@pytest.mark.parametrize("s", [
    pd.Series([], dtype=object),
    pd.Series([], dtype="float64"),
    pd.Series([], dtype="string"),
    pd.Series([None, None], index=[2, 3], dtype=object),
    pd.Series([np.nan, np.nan], index=[2, 3]),
    pd.Series([pd.NaT, pd.NaT], index=[2, 3]),
    pd.Series([pd.NaT, None, ""], index=[2, 3, 4], dtype=object),
], ids=["empty-object", "empty-float", "empty-string", "all-none", "all-nan", "all-nat", "mixed-blank"])
def test_empty_or_all_blank_date_column(s: pd.Series) -> None:
    parsed, fmt, issues = parse_dates(s, file="f.csv", column="d")
    assert len(parsed) == len(s) and parsed.isna().all() and issues == []
    assert fmt.isna().all()  # a blank cell is no format, not a "spreadsheet_date"


def test_parse_date_columns_on_an_empty_table() -> None:
    df = pd.DataFrame({"start": pd.Series([], dtype=object), "end": pd.Series([], dtype="float64")})
    out, rows, cells, issues = parse_date_columns(df, ["start", "end"], file="f.csv")
    assert out.empty and (rows, cells, issues) == (set(), 0, [])


CODEBOOK = Codebook.model_validate({
    "response_scales": {"level3": {"codes": {1: "low", 2: "medium", 3: "high"}, "favorable": [3]}},
    "instruments": {"spss_survey": {"title": "SPSS survey", "items": {"myord": {"text": "rating", "scale": "level3"}},
                                    "columns": {"mychar": {"role": "identifier", "kind": "id"}}}},
})
SOURCE = Source.model_validate({"id": "s", "file": "s.sav", "kind": "survey", "instrument": "spss_survey",
                                "wave": "post", "date_columns": ["when"]})


def _spss_like(data: dict[str, list], missing: dict[str, tuple] | None = None, *, fmt: str = "spss") -> SurveyData:
    df = pd.DataFrame(data)
    df.index = pd.RangeIndex(1, len(df) + 1, name="source_row")
    cols = {c: ColumnMeta(name=c, original=c, missing_codes=(missing or {}).get(c, ())) for c in df.columns}
    return SurveyData(df, cols, SourceMeta(path="/tmp/s.sav", sha256="0" * 64, format=fmt, header_rows=0,
                                           n_rows=len(df)))


def test_survey_whose_every_row_is_dropped_cleans_to_an_empty_table() -> None:
    raw = _spss_like({"Status": ["Survey Preview"] * 3, "when": ["2025-01-01", "2025-01-02", ""],
                      "myord": [1.0, 2.0, 3.0], "mychar": ["a", "b", "c"]}, fmt="qualtrics_csv")
    table = clean_survey(raw, SOURCE, CODEBOOK, CleaningRules(), QualityLog())
    assert table.data.empty and "when" in table.data.columns


# --- 2. missing dates and times in parquet ------------------------------------------------------------

def test_parquet_keeps_missing_values_null_and_dates_typed(tmp_path: Path) -> None:
    df = pd.DataFrame({
        "mydate": [dt.date(2018, 5, 6), dt.date(1583, 1, 1), np.nan, None],
        "mytime": [dt.time(10, 10, 10), pd.NA, np.nan, dt.time(0, 0)],
        "stamp": [dt.datetime(1583, 1, 1, 8), pd.NaT, pd.Timestamp("2020-02-03 04:05:06"), None],
        "mixed": ["text", dt.date(2020, 1, 2), dt.time(9, 30), np.nan],
        "blank": [np.nan, None, pd.NaT, pd.NA],
        "label": ["a", None, np.nan, "b"],
    }, index=pd.Index([1, 2, 3, 4], name="source_row"), dtype=object)
    path = tmp_path / "t.parquet"
    _parquet_frame(df).to_parquet(path, index=False)
    table = pq.read_table(path)
    got = table.to_pydict()
    assert str(table.schema.field("mydate").type) == "date32[day]"
    assert str(table.schema.field("mytime").type).startswith("time64")
    assert str(table.schema.field("stamp").type).startswith("timestamp")
    assert got["mydate"] == [dt.date(2018, 5, 6), dt.date(1583, 1, 1), None, None]
    assert got["mytime"] == [dt.time(10, 10, 10), None, None, dt.time(0, 0)]
    assert got["stamp"] == [dt.datetime(1583, 1, 1, 8), None, dt.datetime(2020, 2, 3, 4, 5, 6), None]
    assert got["mixed"] == ["text", "2020-01-02", "09:30:00", None]  # a mix is ISO text
    assert got["blank"] == [None] * 4 and got["label"] == ["a", None, None, "b"]
    texts = [v for col in got.values() for v in col if isinstance(v, str)]
    assert not {"nan", "NaT", "None", "<NA>"} & set(texts)


# --- 3. codes the file declares missing -----------------------------------------------------------

def test_declared_missing_codes_are_missing_before_the_scale_check() -> None:
    raw = _spss_like({"myord": [1.0, 2.0, 3.0, -1.0, -3.0, 2500.0, np.nan], "mynum": [1.1, -1.0, 2500.0, 4, 5, 6, 7],
                      "mychar": list("abcdefg")},
                     missing={"myord": (-1.0, -2.0, -3.0, MissingRange(2000.0, 3000.0)),
                              "mynum": (MissingRange(2000.0, 3000.0), -1.0)})
    log = QualityLog()
    table = clean_survey(raw, SOURCE.model_copy(update={"date_columns": []}), CODEBOOK, CleaningRules(), log)
    assert table.data["myord"].tolist()[:3] == [1.0, 2.0, 3.0] and table.data["myord"].iloc[3:].isna().all()
    assert table.data["mynum"].isna().tolist() == [False, True, True, False, False, False, False]
    entry = next(e for e in log.entries if e.rule == "source_missing_to_missing")
    assert (entry.defect, entry.action, entry.count, entry.rows) == (Defect.non_substantive_code, Action.recoded,
                                                                     5, (2, 3, 4, 5, 6))
    assert set(entry.columns) == {"myord", "mynum"}
    assert log.total(Defect.non_substantive_code) == 5


def test_declared_missing_follow_a_column_alias() -> None:
    cb = Codebook.model_validate({
        "response_scales": {"level3": {"codes": {1: "low", 2: "medium", 3: "high"}, "favorable": [3]}},
        "instruments": {"spss_survey": {"title": "SPSS survey", "items": {
            "myord": {"text": "rating", "scale": "level3", "aliases": ["myord_v1"]}}}},
    })
    raw = _spss_like({"myord_v1": [1.0, -1.0], "mychar": ["a", "b"]}, missing={"myord_v1": (-1.0,)})
    table = clean_survey(raw, SOURCE.model_copy(update={"date_columns": []}), cb, CleaningRules(), QualityLog())
    assert table.data["myord"].tolist()[0] == 1.0 and pd.isna(table.data["myord"].tolist()[1])


def test_declared_missing_with_the_rule_off_is_an_unknown_code() -> None:
    raw = _spss_like({"myord": [1.0, -1.0], "mychar": ["a", "b"]}, missing={"myord": (-1.0,)})
    log = QualityLog()
    with pytest.raises(DataErrors) as exc:
        clean_survey(raw, SOURCE.model_copy(update={"date_columns": []}), CODEBOOK,
                     CleaningRules(non_substantive_to_missing=False), log)
    (issue,) = exc.value.issues
    assert (issue.row, issue.column, issue.reason) == (2, "myord", Reason.unknown_code)
    assert next(e for e in log.entries if e.rule == "source_missing_to_missing").action == Action.off


def test_declared_missing_in_a_non_survey_table() -> None:
    raw = _spss_like({"school": ["s1", "s2", "s3"], "years": [4.0, 99.0, -1.0]}, missing={"years": (99.0, -1.0)})
    src = Source.model_validate({"id": "t", "file": "t.sav", "kind": "tracker"})
    log = QualityLog()
    table = clean_table(raw, src, CleaningRules(), log)
    assert table.data["years"].tolist()[0] == 4.0 and table.data["years"].iloc[1:].isna().all()
    assert log.total(Defect.non_substantive_code) == 2


# --- 4. ingest --columns shows value labels and declared missing codes ----------------------------

def _write_sav(path: Path) -> Path:
    import pyreadstat

    df = pd.DataFrame({"q1": [1.0, 2.0, 3.0, -1.0, -3.0], "age": [30.0, 2500.0, 41.0, 50.0, 60.0]})
    pyreadstat.write_sav(df, str(path), column_labels={"q1": "How useful was it?", "age": "Age"},
                         variable_value_labels={"q1": {1.0: "low", 2.0: "medium", 3.0: "high", -1.0: "refused"}},
                         missing_ranges={"q1": [-1.0, -3.0], "age": [{"lo": 2000.0, "hi": 3000.0}]})
    return path


def test_ingest_columns_shows_value_labels_and_missing_codes(tmp_path: Path, capsys) -> None:
    sav = _write_sav(tmp_path / "s.sav")
    code, out, err = _main(["ingest", str(sav), "--columns"], capsys)
    assert code == 0, out + err
    assert "1=low; 2=medium; 3=high; missing: -1=refused, -3" in out
    assert "missing: 2000 thru 3000" in out


def test_ingest_json_has_columns_only_with_columns_option(tmp_path: Path, capsys) -> None:
    sav = _write_sav(tmp_path / "s.sav")
    code, out, err = _main(["ingest", str(sav), "--json"], capsys)
    assert code == 0, out + err
    (result,) = json.loads(out)
    assert result["ok"] and "column_names" not in result
    code, out, err = _main(["ingest", str(sav), "--json", "--columns"], capsys)
    assert code == 0, out + err
    (result,) = json.loads(out)
    q1 = next(c for c in result["column_names"] if c["name"] == "q1")
    assert q1["text"] == "How useful was it?"
    assert q1["value_labels"] == {"1": "low", "2": "medium", "3": "high", "-1": "refused"}
    assert q1["missing_codes"] == ["-1", "-3"]
    assert q1["values"] == "1=low; 2=medium; 3=high; missing: -1=refused, -3"
    age = next(c for c in result["column_names"] if c["name"] == "age")
    assert age["missing_codes"] == ["2000 thru 3000"] and age["value_labels"] == {}


# --- the real SPSS exports, end to end -------------------------------------------------------------

def _project(tmp_path: Path, real_fixtures: Path, file: str, **source: object) -> Path:
    """A one-source survey project on a real .sav file, with its own key outside the project."""
    from evalkit.anonymize.keys import keygen

    proj = tmp_path / "proj"
    proj.mkdir()
    key = keygen(tmp_path / "keys" / "spss.key")
    (proj / "codebook.yml").write_text(yaml.safe_dump({
        "response_scales": {"level3": {"codes": {1: "low", 2: "medium", 3: "high"}, "favorable": [3]}},
        "instruments": {"spss_survey": {
            "title": "SPSS sample survey", "guskey_level": 1, "anonymous": False,
            "items": {"myord": {"text": "Ordinal rating", "scale": "level3"}},
            "columns": {"mychar": {"role": "identifier", "kind": "id"}, "mylabl": {"role": "quasi_identifier"}}}},
    }, sort_keys=False))
    (proj / "evalkit.yml").write_text(yaml.safe_dump({
        "schema_version": 1, "project": "spss", "title": "SPSS sample", "organization": "o", "funder": "f",
        "evaluator": "e", "data_as_of": "2018-05-06", "raw_dir": str(real_fixtures),
        "processed_dir": str(tmp_path / "processed"), "reports_dir": str(tmp_path / "reports"),
        "codebook": "codebook.yml",
        "programs": [{"id": "p", "kind": "survey", "name": "SPSS sample", "description": "d",
                      "instruments": ["spss_survey"], "guskey_levels": [1]}],
        "sources": [{"id": "spss_survey", "file": file, "kind": "survey", "program": "p",
                     "instrument": "spss_survey", "wave": "post", **source}],
        "anonymize": {"key_file": str(key), "review_dir": str(tmp_path / "review")},
    }, sort_keys=False))
    return proj


@real
def test_real_labels_dates_with_date_columns_runs_to_parquet(real_fixtures: Path, tmp_path: Path, capsys) -> None:
    proj = _project(tmp_path, real_fixtures, "spss/labels_dates.sav", date_columns=["mydate", "dtime"])
    code, out, err = _main(["anonymize", "-p", str(proj)], capsys)
    assert code == 0, (out + err)[-3000:]
    got = pq.read_table(tmp_path / "processed" / "spss_survey.parquet").to_pandas()
    assert got["mydate"].dt.strftime("%Y-%m-%d").tolist()[:4] == ["2018-05-06", "1880-05-06", "1960-01-01",
                                                                   "1583-01-01"]
    assert str(got["dtime"].iloc[3]) == "1583-01-01 00:00:00"
    assert got["mydate"].isna().tolist()[4] and got["dtime"].isna().tolist()[4]
    assert got["mytime"].tolist()[4] is None  # no date_columns entry: still null, not "nan"


@real
def test_real_dates_and_times_without_date_columns_stay_null(real_fixtures: Path, tmp_path: Path, capsys) -> None:
    proj = _project(tmp_path, real_fixtures, "spss/labels_dates.sav")
    code, out, err = _main(["anonymize", "-p", str(proj)], capsys)
    assert code == 0, (out + err)[-3000:]
    got = pq.read_table(tmp_path / "processed" / "spss_survey.parquet").to_pydict()
    assert got["mydate"][3] == dt.date(1583, 1, 1) and got["mydate"][4] is None
    assert got["mytime"][0] == dt.time(10, 10, 10) and got["mytime"][4] is None
    assert "nan" not in [v for col in got.values() for v in col if isinstance(v, str)]


@real
def test_real_user_missing_codes_are_missing_not_unknown(real_fixtures: Path, tmp_path: Path, capsys) -> None:
    proj = _project(tmp_path, real_fixtures, "spss/user_missing.sav")
    code, out, err = _main(["clean", "-p", str(proj)], capsys)
    assert code == 0, (out + err)[-3000:]
    assert "unknown code" not in out + err
    entries = json.loads((tmp_path / "processed" / "quality_log.json").read_text())["entries"]
    entry = next(e for e in entries if e["rule"] == "source_missing_to_missing")
    # myord -1 (row 6) and -3 (row 7); mylabl -1 (row 6); mynum -1 (row 6) and 2500 in 2000-3000 (row 7)
    assert (entry["defect"], entry["action"], entry["count"], entry["rows"]) == ("non_substantive_code", "recoded",
                                                                                 5, [6, 7])
    assert set(entry["columns"]) == {"myord", "mylabl", "mynum"}


@real
def test_real_ingest_columns_lists_the_response_scale(real_fixtures: Path, capsys) -> None:
    sav = real_fixtures / "spss" / "user_missing.sav"
    code, out, err = _main(["ingest", str(sav), "--columns"], capsys)
    assert code == 0, out + err
    assert "1=low; 2=medium; 3=high; missing: -1=missing, -2, -3" in out
    assert "1=Male; 2=Female; missing: -1=undetermined" in out
    assert "missing: 2000 thru 3000, -1" in out
