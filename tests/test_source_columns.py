"""sources[].add_columns: columns a state file implies but does not have, built in memory as it is read.

The real NJSLA file (``../shared/fixtures/real/state_ed``) names the year only in its title, codes
schools within districts and publishes performance levels rather than percent meeting standard; with
``rename`` and ``add_columns`` it becomes a Level 5 source without anyone editing it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pydantic
import pytest

from evalkit._io import sha256_file
from evalkit.clean.quality import QualityLog
from evalkit.clean.tables import clean_table
from evalkit.config import CleaningRules, Source
from evalkit.errors import DataError, Reason
from evalkit.ingest import read_export
from evalkit.ingest._table import ColumnMeta, SourceMeta, SurveyData
from evalkit.report.inputs import outcome_rows
from evalkit.report.measures import weighted_outcomes
from evalkit.clean.source_columns import source_columns, with_added_columns

NJSLA_SOURCE = dict(
    id="njsla_ela4", file="nj_njsla_ela04_school_subgroup.xlsx", kind="outcomes",
    # the file's "subgroup" is the category ("Race/Ethnicity"); its "subgroup_type" is the group itself
    rename={"subgroup": "subgroup_category", "subgroup_type": "subgroup", "valid_scores": "n_tested"},
    add_columns={"school_code": {"join": ["district_code", "school_code"]},
                 "school_year": {"constant": "2024-25"},
                 "measure": {"constant": "ELA grade 4: met or exceeded (levels 4-5)"},
                 "value": {"sum": ["l4_percent", "l5_percent"]}})


def _raw(df: pd.DataFrame, name: str = "state.csv") -> SurveyData:
    return SurveyData(df, {c: ColumnMeta(c, c) for c in df.columns}, SourceMeta(name, "", "csv"))


def _src(**add_columns) -> Source:
    return Source(id="state", file="state.csv", kind="outcomes", add_columns=add_columns)


@pytest.fixture
def njsla(real_fixtures: Path) -> Path:
    return real_fixtures / "state_ed" / "nj_njsla_ela04_school_subgroup.xlsx"


@pytest.mark.real_fixtures
def test_a_real_njsla_file_becomes_a_level5_source_without_being_changed(njsla: Path) -> None:
    before = sha256_file(njsla)
    src = Source(**NJSLA_SOURCE)
    raw = read_export(njsla)
    mapped = source_columns(raw, src)
    log = QualityLog()
    table = clean_table(mapped, src, CleaningRules(), log)
    assert sha256_file(njsla) == before

    # expected values straight from the file as read, independently of the mapping
    d = raw.data
    whole = d[d["subgroup_type"].eq("All Students")]
    codes = (whole["district_code"].str.strip() + whole["school_code"].str.strip()).tolist()
    expected = {c: float(a) + float(b) for c, a, b in zip(codes, whole["l4_percent"], whole["l5_percent"])}
    tested = {c: float(n) for c, n in zip(codes, whole["valid_scores"])}
    rows = outcome_rows([table], {codes[0]})
    assert len(rows) == len(codes) and rows["school_year"].eq(2024).all()
    got = rows.set_index("school_code")
    for code in codes:
        assert got.loc[code, "value"] == pytest.approx(expected[code])
        assert got.loc[code, "n"] == tested[code]
    assert got.loc[codes[0], "group"] == "cadre"

    w = weighted_outcomes(rows).set_index("group")
    assert w.loc["cadre", "mean"] == pytest.approx(expected[codes[0]])

    # the file's "*" rows (whole suppressed subgroups) are marks in value and in n_tested, and logged
    marked = d.index[d["valid_scores"].astype(str).str.strip().eq("*")]
    assert len(marked) > 0
    assert table.data.loc[marked, "value_mark"].eq("*").all() and table.data.loc[marked, "n_tested_mark"].eq("*").all()
    entry = next(e for e in log.entries if e.rule == "state_marks")
    assert set(marked) <= set(entry.rows) and set(entry.columns) == {"value", "n_tested"}


def test_join_sum_and_constant_row_by_row() -> None:
    raw = _raw(pd.DataFrame({"district_code": ["0010", "0010", None, "0020"],
                             "school_code": [" 060", "070", "080", "090"],
                             "l4": ["26.8", "*", "10", ""], "l5": ["8.5", "*", "<5", "3"]}))
    out = with_added_columns(raw, _src(school_code={"join": ["district_code", "school_code"], "sep": "-"},
                                       value={"sum": ["l4", "l5"]}, year={"constant": 2024})).data
    assert out["school_code"].tolist()[:2] == ["0010-060", "0010-070"]
    assert out["school_code"].isna().tolist() == [False, False, True, False]  # no half codes
    # a mark in any part marks the sum; a blank part blanks it; sums carry no float noise
    assert out["value"][0] == "35.3" and out["value"][1] == "*" and out["value"][2] == "<5"
    assert pd.isna(out["value"][3])
    assert out["year"].eq("2024").all()
    dated = with_added_columns(raw, _src(as_of={"constant": dt.date(2024, 9, 1)})).data  # as YAML reads 2024-09-01
    assert dated["as_of"].eq("2024-09-01").all()
    assert list(out.columns) == ["district_code", "school_code", "l4", "l5", "value", "year"]
    assert raw.data["school_code"].tolist()[0] == " 060"  # the input frame is untouched


def test_a_sum_keeps_real_decimals_and_reads_published_numbers() -> None:
    raw = _raw(pd.DataFrame({"a": ["1,204", "0.125", "9.9%"], "b": ["2", "0.0001", "0.1%"]}))
    out = with_added_columns(raw, _src(total={"sum": ["a", "b"]})).data["total"]
    assert [float(x) for x in out] == pytest.approx([1206, 0.1251, 10.0])
    assert out[0] == "1206"


def test_added_columns_are_located_errors() -> None:
    raw = _raw(pd.DataFrame({"school_code": ["1"], "value": ["2"], "l4": ["3"]}))
    with pytest.raises(DataError) as exc:
        with_added_columns(raw, _src(total={"sum": ["l4", "l5"]}))
    assert exc.value.reason is Reason.missing_column and exc.value.issue.column == "l5"
    assert "sources[state].add_columns.total" in str(exc.value) and "state.csv" in str(exc.value)
    with pytest.raises(DataError) as exc:
        with_added_columns(raw, _src(value={"sum": ["l4", "school_code"]}))
    assert exc.value.reason is Reason.duplicate_column and "rename" in str(exc.value)
    # building a column from itself replaces it
    out = with_added_columns(raw, _src(school_code={"join": ["school_code", "l4"]})).data
    assert out["school_code"].tolist() == ["13"]


@pytest.mark.parametrize("spec, message", [
    ({}, "exactly one"),
    ({"constant": "x", "sum": ["a", "b"]}, "exactly one"),
    ({"join": ["a"]}, "at least two"),
    ({"sum": ["a", "b"], "sep": "-"}, "'sep' only goes with 'join'"),
    ({"formula": "a+b"}, "Extra inputs"),
])
def test_the_project_file_refuses_unclear_added_columns(spec, message) -> None:
    with pytest.raises(pydantic.ValidationError, match=message):
        _src(x=spec)
