"""Plain tables: any CSV/TSV or Excel sheet that is not a known survey export (rosters, state files).

Everything is read as text, so codes such as ``0010`` or ``060`` keep their leading zeros and
state suppression marks (``*``, ``<10``, ``n/a``) stay as written; the cleaning stage converts
types. Only an empty cell is missing.

State education files put title rows above the header and footnotes below the data. The header
is the first row (among the first 30) that fills at least 60% as many cells as the widest of
those rows. A row above it that fills one or two cells is a title or a note and is skipped with a
note; a row above it that fills three or more is a header row too (labels spanning several
columns, such as subjects over their "Met"/"Not met" columns, or the question texts over the
choices of a two-row survey export) and is never dropped: each of its labels is carried to the
columns on its right up to the next label, and kept in ``ColumnMeta.text`` (``"ELA - Met"``);
``ColumnMeta.original`` stays the header row's cell as written. Below the data, trailing rows with
a single cell in the first column (``*  Data is suppressed...``, ``end of worksheet``) are dropped
with a note, when the table has at least three columns.

Column names, one rule per file: if every header already is a name (``school_code``,
``CountyCode``, ``Q1``: letters, digits, ``_`` and ``.``, not starting with a digit) they are kept
as they are; otherwise every header becomes a snake_case slug of at most 64 characters, with
newlines and symbols folded in (``Registered To\\nTest`` → ``registered_to_test``, ``% White`` →
``pct_white``, ``Subgroup`` → ``subgroup``). An empty header is ``unnamed_<column number>``;
repeats get ``_2``, ``_3``.
"""

from __future__ import annotations

import math
from pathlib import Path

from evalkit._io import check_readable
from evalkit.errors import InputFileError, Reason
from evalkit.ingest._build import build_survey_data, row_span, unique_columns
from evalkit.ingest._load import load_rows
from evalkit.ingest._names import clean_header, is_identifier_like, slugify
from evalkit.ingest._table import ColumnMeta, SurveyData

__all__ = ["read_tabular", "find_header_row"]

_SCAN = 30
_SHARE = 0.6
_MAX_FOOTNOTES = 10
_TITLE_CELLS = 2  # a title or note above the header fills at most this many cells


def find_header_row(rows: list[list[str]], *, scan: int = _SCAN) -> int | None:
    """0-based index of the header row (see the module docstring); ``None`` if all rows are blank.

    Examples
    --------
    >>> rows = [["NJSLA Spring 2025"], [], ["County Code", "School Code", "Valid Scores"],
    ...         ["01", "060", "*"]]
    >>> find_header_row(rows)
    2
    """
    counts = [sum(1 for c in r if c.strip()) for r in rows[:scan]]
    widest = max(counts, default=0)
    if widest == 0:
        return None
    need = max(1, math.ceil(_SHARE * widest))
    return next(i for i, n in enumerate(counts) if n >= need)


def _footnotes_start(rows: list[list[str]], first_data: int, width: int) -> int:
    """Index of the first footnote row at the end of the table, or ``len(rows)`` if there is none."""
    if width < 3:  # in a one- or two-column table a lone first cell is ordinary data
        return len(rows)
    i = start = len(rows)
    found = 0
    while i - 1 > first_data and found < _MAX_FOOTNOTES:
        cells = rows[i - 1]
        if any(cells) and not (cells[0] and sum(1 for c in cells if c) == 1):
            break
        if any(cells):
            found += 1
            start = i - 1
        i -= 1
    return start if found else len(rows)


def _filled(row: list[str]) -> int:
    return sum(1 for c in row if c.strip())


def _spans(row: list[str], width: int) -> list[str]:
    """Each column's label in a spanning header row: the nearest label at or to the left of it."""
    labels, current = [], ""
    for j in range(width):
        cell = clean_header(row[j]) if j < len(row) else ""
        current = cell or current
        labels.append(current)
    return labels


def _columns(header: list[str], groups: list[list[str]] | None = None) -> list[ColumnMeta]:
    texts = [clean_header(h) for h in header]
    # One rule per file, so a table never mixes ``Subgroup`` with ``subgroup_type``.
    keep = all(is_identifier_like(t) for t in texts if t)
    spans = [_spans(g, len(header)) for g in groups or []]
    columns = []
    for j, (h, t) in enumerate(zip(header, texts), start=1):
        labels = [s[j - 1] for s in spans if s[j - 1]]
        text = " - ".join(dict.fromkeys([*labels, t] if t else labels))  # a label repeated once
        columns.append(ColumnMeta(name=(t if keep else slugify(t, max_len=64)) or f"unnamed_{j}", original=h,
                                  text=text or None))
    return columns


def read_tabular(
    path: str | Path,
    *,
    excel: bool | None = None,
    sheet: str | int | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> SurveyData:
    """Read a plain CSV/TSV file or Excel sheet as text, finding the header row.

    Parameters
    ----------
    path : str or Path
        The file, opened read-only.
    excel : bool, optional
        Read as a workbook (``True``) or as delimited text (``False``); by default told from content.
    sheet : str or int, optional
        Sheet name or 0-based position (workbooks only; default the first sheet).
    encoding : str, optional
        Text encoding (text files only; see :func:`evalkit.ingest.read_export`).
    delimiter : str, optional
        Field delimiter (text files only); by default the most frequent of ``,`` tab ``;`` ``|``
        in the first line.

    Returns
    -------
    SurveyData
        ``source.header_rows`` is the row the header is on; ``data`` starts on the next row.

    Raises
    ------
    InputFileError
        ``empty_file`` if every row is blank or the header has no data below it;
        ``wrong_format`` if ``excel=True`` is given for a text file; ``broken_header`` if a data row
        of a text file has more cells than the header.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp()) / "schools.csv"
    >>> _ = tmp.write_text("school_code,School Name\\n0010,Absecon\\n")
    >>> survey = read_tabular(tmp)
    >>> list(survey.data.columns), survey.data.loc[2, "school_code"]
    (['school_code', 'school_name'], '0010')
    """
    p = check_readable(path)
    loaded = load_rows(p, excel=excel, sheet=sheet, encoding=encoding, delimiter=delimiter)
    rows = loaded.rows
    at = find_header_row(rows)
    if at is None:
        raise InputFileError(p, Reason.empty_file,
                             "has no data: every row is blank" + (f" in sheet {loaded.sheet!r}" if loaded.sheet else ""),
                             hint="check the file (or choose another sheet with --sheet)")
    notes = list(loaded.notes)
    groups = [i for i in range(at) if _filled(rows[i]) > _TITLE_CELLS]
    if at > 0:
        skipped = [i + 1 for i in range(at) if i not in groups]
        notes.append(f"header found on row {at + 1}"
                     + (f"; {row_span(skipped)} above it (title or notes) skipped" if skipped else ""))
    if groups:
        notes.append(f"{row_span([i + 1 for i in groups])} above the header: labels spanning several "
                     "columns, kept in the column texts (ColumnMeta.text)")
    header = rows[at]
    end = _footnotes_start(rows, at + 1, len(header))
    if end < len(rows):
        dropped = [i + 1 for i in range(end, len(rows)) if any(rows[i])]
        notes.append(f"dropped {len(dropped)} footnote {row_span(dropped)} below the table")
    columns = unique_columns(_columns(header, [rows[i] for i in groups]), notes)
    return build_survey_data(
        p, fmt="excel" if loaded.excel else "csv", rows=rows, header_rows=at + 1, end=end, columns=columns,
        sha256=loaded.sha256, encoding=loaded.encoding, sheet=loaded.sheet, sheets=loaded.sheets,
        notes=notes, excel=loaded.excel, truncated=not loaded.ends_with_newline and len(rows) <= at + 1,
        date_cells=loaded.date_cells,
    )
