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

__all__ = ["STATE_MARK_PATTERN", "FLAG_COLUMNS", "parse_marked_numbers", "parse_flags", "clean_state_outcomes",
           "OutcomeCleanSummary"]

#: Y/N columns of a state outcome file read as booleans (another program's schools, e.g. a state grant).
FLAG_COLUMNS = ("grant",)
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
    text = values.cast(pa.string())
    # No pa.scalar()/pa.array() of Python values on this path: pyarrow imports pandas (0.25 s) the
    # first time it converts a Python object, and this path is meant to run without pandas.
    null = pa.nulls(len(text), pa.string())
    # Every mark starts with a non-digit; screen on the first character so the full pattern only
    # runs where it can match (a few percent of a state file).
    first = pc.utf8_slice_codeunits(pc.utf8_ltrim_whitespace(text), 0, 1)
    maybe = _false_if_null(pc.invert(pc.utf8_is_decimal(first)))
    is_mark = pc.and_(maybe, _false_if_null(pc.match_substring_regex(pc.if_else(maybe, text, null), STATE_MARK_PATTERN)))
    candidates = pc.if_else(is_mark, null, text)
    try:
        # Fast path: published numbers are usually plain ("45.2"), so one cast does it.
        numbers = candidates.cast(pa.float64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        stripped = pc.replace_substring_regex(candidates, r"[,%\s]", "")
        numeric = _false_if_null(pc.match_substring_regex(stripped, r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"))
        numbers = pc.if_else(numeric, stripped, null).cast(pa.float64())
    marks = pc.if_else(is_mark, text, null)
    if pc.any(pc.match_substring(marks, " ")).as_py():
        marks = pc.replace_substring(marks, " ", "")
    return numbers, marks


def parse_flags(values: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """Y/N flags of a state file as booleans: y, yes, true, 1 → True; n, no, false, 0 → False; else missing.

    Case and surrounding spaces are ignored.

    Examples
    --------
    >>> import pyarrow as pa
    >>> parse_flags(pa.array(["Y", " no", "TRUE", "0", "maybe", None])).to_pylist()
    [True, False, True, False, None, None]
    """
    t = values.cast(pa.string())
    yes = pc.match_substring_regex(t, r"^\s*(y|yes|true|1)\s*$", ignore_case=True)
    no = pc.match_substring_regex(t, r"^\s*(n|no|false|0)\s*$", ignore_case=True)
    return pc.if_else(pc.or_(yes, no), yes, pa.nulls(len(t), pa.bool_()))


def _false_if_null(mask: pa.ChunkedArray) -> pa.ChunkedArray:
    # fill_null(mask, False) without building a Python scalar: Kleene AND with "is valid".
    return pc.and_kleene(mask, pc.is_valid(mask))


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
    flag_columns: Sequence[str] = FLAG_COLUMNS,
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
        if pa.types.is_integer(raw.type) or pa.types.is_floating(raw.type):
            # Read as numbers already: no cell can hold a mark.
            marked[col], unparsed[col] = 0, 0
            table = table.append_column(f"{col}_mark", pa.nulls(table.num_rows, pa.string()))
            continue
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
            table = table.set_column(table.schema.get_field_index(col), col, parse_flags(table[col]))
    return table, OutcomeCleanSummary(rows=table.num_rows, marked=marked, unparsed=unparsed)
