"""State outcome files: suppression marks to missing, codes kept as strings, in pyarrow compute.

State files run to millions of rows (schools × years × subgroups × measures), so this works on
columns with ``pyarrow.compute`` and never makes a Python object per cell. States print a mark
instead of a small number ("*", "<10", "n<10", "N/A", "--"); a mark becomes a missing value with the
mark kept beside it in ``<column>_mark``, so nobody mistakes a suppressed cell for a zero.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["STATE_MARK_PATTERN", "parse_marked_numbers", "clean_state_outcomes", "OutcomeCleanSummary"]

#: A whole cell that is a suppression mark rather than a number.
STATE_MARK_PATTERN = r"^\s*(\*+|[<>]\s*=?\s*\d+(\.\d+)?%?|[nN]\s*[<>]\s*\d+|[nN]/?[aA]|-{1,2}|—)\s*$"


def parse_marked_numbers(values: pa.Array | pa.ChunkedArray) -> tuple[pa.ChunkedArray, pa.ChunkedArray]:
    """Split published text values into float64 numbers and suppression marks.

    Percent signs and thousands separators are removed ("9.9%" → 9.9, "1,204" → 1204). A cell that
    is neither a number nor a mark becomes missing in both outputs; count those with
    ``numbers.null_count - marks.count()`` if you need them.

    Examples
    --------
    >>> import pyarrow as pa
    >>> nums, marks = parse_marked_numbers(pa.array(["45.2", "*", "<10", "1,204", "9.9%", None]))
    >>> nums.to_pylist()
    [45.2, None, None, 1204.0, 9.9, None]
    >>> marks.to_pylist()
    [None, '*', '<10', None, None, None]
    """
    if isinstance(values, pa.Array):
        values = pa.chunked_array([values])
    text = pc.utf8_trim_whitespace(values.cast(pa.string()))
    is_mark = pc.fill_null(pc.match_substring_regex(text, STATE_MARK_PATTERN), False)
    stripped = pc.replace_substring_regex(text, r"[,%\s]", "")
    numeric_like = pc.fill_null(pc.match_substring_regex(stripped, r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"), False)
    keep = pc.and_(numeric_like, pc.invert(is_mark))
    numbers = pc.if_else(keep, stripped, pa.scalar(None, pa.string())).cast(pa.float64())
    marks = pc.if_else(is_mark, pc.replace_substring(text, " ", ""), pa.scalar(None, pa.string()))
    return numbers, marks


@dataclass(frozen=True)
class OutcomeCleanSummary:
    """What :func:`clean_state_outcomes` did, for the data-quality log."""

    rows: int
    marked: dict[str, int]
    unparsed: dict[str, int]


def clean_state_outcomes(
    table: pa.Table,
    *,
    value_columns: Sequence[str] = ("value", "n_tested"),
    code_columns: Sequence[str] | None = None,
    flag_columns: Sequence[str] = ("grant",),
) -> tuple[pa.Table, OutcomeCleanSummary]:
    """Clean a state outcome table read with :func:`evalkit.ingest.large.read_large_csv`.

    Parameters
    ----------
    table : pyarrow.Table
        Columns as read (codes as strings).
    value_columns : sequence of str
        Published numbers that may carry suppression marks; each becomes float64 plus ``<col>_mark``.
    code_columns : sequence of str, optional
        Identifier codes to trim (leading zeros are kept). Default: every column ending in ``_code``.
    flag_columns : sequence of str
        Y/N columns turned into booleans.

    Returns
    -------
    table : pyarrow.Table
    summary : OutcomeCleanSummary
        Rows, marks found and unparseable cells per value column.
    """
    codes = list(code_columns) if code_columns is not None else [c for c in table.column_names if c.endswith("_code")]
    marked: dict[str, int] = {}
    unparsed: dict[str, int] = {}
    for col in codes:
        idx = table.schema.get_field_index(col)
        table = table.set_column(idx, col, pc.utf8_trim_whitespace(table[col].cast(pa.string())))
    for col in value_columns:
        if col not in table.column_names:
            continue
        raw = table[col]
        nums, marks = parse_marked_numbers(raw)
        present = pc.sum(pc.invert(pc.is_null(raw))).as_py() or 0
        n_marks = pc.count(marks).as_py()
        marked[col] = n_marks
        unparsed[col] = present - pc.count(nums).as_py() - n_marks
        idx = table.schema.get_field_index(col)
        table = table.set_column(idx, col, nums)
        table = table.append_column(f"{col}_mark", marks)
    for col in flag_columns:
        if col in table.column_names:
            t = pc.utf8_lower(pc.utf8_trim_whitespace(table[col].cast(pa.string())))
            flag = pc.if_else(pc.is_in(t, pa.array(["y", "yes", "true", "1"])), True,
                              pc.if_else(pc.is_in(t, pa.array(["n", "no", "false", "0"])), False, pa.scalar(None, pa.bool_())))
            table = table.set_column(table.schema.get_field_index(col), col, flag)
    return table, OutcomeCleanSummary(rows=table.num_rows, marked=marked, unparsed=unparsed)
