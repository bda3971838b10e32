"""sources[].rename: a file's own column names mapped to the names evalkit expects, in memory only.

A state file that calls its columns ``SchoolCode``/``Year``/``PctMet`` becomes usable for Level 5 without
editing the raw file; a rename naming a missing column, or clashing with a kept one, is a located error.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from evalkit._io import sha256_file
from evalkit.clean.quality import QualityLog
from evalkit.clean.tables import clean_table
from evalkit.config import CleaningRules, Source
from evalkit.errors import DataError, Reason
from evalkit.ingest import read_export
from evalkit.clean.source_columns import renamed
from evalkit.report.inputs import outcome_rows
from evalkit.report.measures import weighted_outcomes

RENAME = {"SchoolCode": "school_code", "Year": "school_year", "Group": "subgroup", "Measure": "measure",
          "Tested": "n_tested", "PctMet": "value"}


def _state_file(tmp_path: Path) -> Path:
    path = tmp_path / "state.csv"
    path.write_text("SchoolCode,District,Year,Group,Measure,Tested,PctMet\n"
                    "0001,10,2024,all,ela_pct_meeting,100,40\n"
                    "0002,10,2024,all,ela_pct_meeting,300,60\n"
                    "0003,10,2024,all,ela_pct_meeting,50,*\n"
                    "0009,10,2024,all,ela_pct_meeting,200,50\n", encoding="utf-8")
    return path


def test_rename_gives_evalkit_names_and_leaves_the_file_alone(tmp_path: Path) -> None:
    path = _state_file(tmp_path)
    before = sha256_file(path)
    src = Source(id="state", file="state.csv", kind="outcomes", rename=RENAME)
    raw = renamed(read_export(path), src)
    assert list(raw.data.columns) == ["school_code", "District", "school_year", "subgroup", "measure", "n_tested",
                                      "value"]
    assert list(raw.columns) == list(raw.data.columns)
    assert raw.columns["value"].name == "value" and raw.columns["value"].original == "PctMet"
    assert sha256_file(path) == before

    # and Level 5 can use it: the students-weighted mean of the cadre's schools 0001 and 0002
    table = clean_table(raw, src, CleaningRules(), QualityLog())
    rows = outcome_rows([table], {"0001", "0002", "0003"})
    w = weighted_outcomes(rows).set_index("group")
    assert w.loc["cadre", "mean"] == pytest.approx((100 * 40 + 300 * 60) / 400)
    assert w.loc["cadre", "suppressed"] == 1 and w.loc["comparison", "mean"] == pytest.approx(50)


def test_rename_of_a_missing_column_names_file_column_and_setting(tmp_path: Path) -> None:
    path = _state_file(tmp_path)
    src = Source(id="state", file="state.csv", kind="outcomes", rename={"School Code": "school_code"})
    with pytest.raises(DataError) as info:
        renamed(read_export(path), src)
    err = info.value
    assert err.reason is Reason.missing_column and err.issue.column == "School Code"
    assert "sources[state].rename" in str(err) and "state.csv" in str(err) and "'SchoolCode'" in str(err)


def test_rename_onto_a_kept_column_is_refused(tmp_path: Path) -> None:
    path = _state_file(tmp_path)
    src = Source(id="state", file="state.csv", kind="outcomes", rename={"District": "Year"})
    with pytest.raises(DataError, match="which another column of the file already has") as info:
        renamed(read_export(path), src)
    assert info.value.reason is Reason.duplicate_column


@pytest.mark.parametrize(("rename", "message"), [
    ({"A": "x", "B": "x"}, "two columns are renamed to 'x'"),
    ({"A": " "}, "maps a column to or from an empty name"),
])
def test_rename_must_be_one_to_one(rename: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Source(id="s", file="s.csv", kind="outcomes", rename=rename)


def test_a_source_without_rename_is_read_as_it_is(tmp_path: Path) -> None:
    path = _state_file(tmp_path)
    raw = read_export(path)
    assert renamed(raw, Source(id="s", file="state.csv", kind="outcomes")).data.equals(raw.data)
    assert isinstance(raw.data, pd.DataFrame)
