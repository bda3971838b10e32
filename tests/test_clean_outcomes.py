"""State outcome cleaning (pyarrow path) against an independent pandas computation on the demo file."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from evalkit.clean.outcomes import clean_state_outcomes, parse_marked_numbers
from evalkit.clean.tables import parse_state_values
from evalkit.ingest import read_large_csv

DEMO = Path(__file__).resolve().parents[1] / "data_raw" / "demo" / "state_outcomes_long.csv"


def test_demo_outcomes_match_independent_parse() -> None:
    table, summary = clean_state_outcomes(read_large_csv(DEMO))
    raw = pd.read_csv(DEMO, dtype=str, keep_default_na=False)
    is_mark = raw["value"].isin(["*", "<10"])
    expected = pd.to_numeric(raw["value"].where(~is_mark), errors="coerce")
    got = table.column("value").to_numpy(zero_copy_only=False)
    np.testing.assert_allclose(got, expected.to_numpy(dtype=float), rtol=0, equal_nan=True)
    assert summary.marked["value"] == int(is_mark.sum()) > 0
    assert summary.unparsed["value"] == 0
    assert table.column("value_mark").to_pylist() == [v if m else None for v, m in zip(raw["value"], is_mark)]
    # codes keep their leading zeros
    assert table.column("school_code").to_pylist()[:3] == raw["school_code"].tolist()[:3]
    assert all(c.startswith("0") for c in table.column("district_code").to_pylist()[:10])
    assert table.column("grant").to_pylist() == (raw["grant"] == "Y").tolist()


@pytest.mark.parametrize(
    ("cell", "number", "mark"),
    [("45.2", 45.2, None), ("  7 ", 7.0, None), ("1,204", 1204.0, None), ("9.9%", 9.9, None), ("-3.5", -3.5, None),
     ("*", None, "*"), ("**", None, "**"), ("<10", None, "<10"), ("< 10", None, "<10"), ("n<10", None, "n<10"),
     (">95", None, ">95"), ("N/A", None, "N/A"), ("--", None, "--"), ("", None, None), (None, None, None),
     ("see note", None, None)],
)
def test_marks_and_numbers(cell, number, mark) -> None:
    nums, marks = parse_marked_numbers(pa.array([cell, "1"], type=pa.string()))
    assert nums.to_pylist()[0] == number
    assert marks.to_pylist()[0] == mark
    v, m = parse_state_values(pd.Series([cell, "1"], dtype=object))
    assert (pd.isna(v[0]) and number is None) or v[0] == number
    assert (pd.isna(m[0]) and mark is None) or m[0] == mark
