"""Qualtrics CSV and TSV exports: the current 3-row header, the early "Insights" one, and legacy.

Layouts read:

- **current** (2017-): row 1 export names (``Q1_1``), row 2 question text, row 3 ImportIds as
  JSON (``{"ImportId":"QID1_1"}``, sometimes with a ``timeZone``); data from row 4;
- **early Insights** (2016-17): the same 3 rows, but row 3 is a Python-dict literal
  (``{'ImportId': 'QID2-1'}``);
- **legacy** (before 2017): row 1 ``V1..V10`` for the metadata fields then question names, row 2
  field names and question text, a UTF-8 byte-order mark and a delimiter at the end of every
  line; data from row 3.

TSV exports are UTF-16 LE with a byte-order mark; the shared decoder handles that. Choice-text and
numeric exports share these layouts: every cell is kept as text either way.

Column names: the export name in row 1, stripped (``Q1_1``, ``Q4#1_1``, ``Q6_1: 2_1_TEXT``,
``Q2 - Topics``). In a legacy export the ``V1``..``V10`` metadata columns take their row-2 field
name instead (``V1`` → ``ResponseID``), so both layouts name ``ResponseID``/``StartDate`` the same
way; ``ColumnMeta.original`` keeps ``V1``. Repeated names get ``_2``, ``_3``.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

from evalkit._io import check_readable
from evalkit.errors import InputFileError, Reason
from evalkit.ingest._build import build_survey_data, check_header_rows, fail_no_data, unique_columns
from evalkit.ingest._detect import qualtrics_layout
from evalkit.ingest._names import cell_ref, clean_header, column_label, is_identifier_like
from evalkit.ingest._table import ColumnMeta, SurveyData
from evalkit.ingest._text import read_text_table

__all__ = ["read_qualtrics"]

_REEXPORT = ("export the responses again from Qualtrics (Data & Analysis → Export & Import → Export Data "
             "→ CSV or TSV) and do not edit the first three rows")


def read_qualtrics(path: str | Path, *, delimiter: str | None = None, encoding: str | None = None) -> SurveyData:
    """Read a Qualtrics CSV/TSV export (any of the layouts in the module docstring).

    Parameters
    ----------
    path : str or Path
        The export, opened read-only.
    delimiter : str, optional
        ``","`` or ``"\\t"``; sniffed from the first line when not given.
    encoding : str, optional
        Text encoding; by default a byte-order mark, then strict UTF-8, then a restricted guess.

    Returns
    -------
    SurveyData
        ``data`` indexed by ``source_row`` (the first response of a current export is row 4);
        ``ColumnMeta.text`` holds the row-2 question text and ``import_id`` the ImportId.

    Raises
    ------
    InputFileError
        ``wrong_format`` if the header is not a Qualtrics one; ``broken_header`` if the ImportId
        row is missing or unreadable, or a header row is cut short; ``duplicate_column`` if two
        columns have the same name *and* the same ImportId (an export pasted together by hand).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp()) / "qualtrics.csv"
    >>> _ = tmp.write_text(
    ...     'ResponseId,StartDate,Q1\\n'
    ...     'Response ID,Start Date,How useful was the session?\\n'
    ...     '"{""ImportId"":""_recordId""}","{""ImportId"":""startDate""}","{""ImportId"":""QID1""}"\\n'
    ...     'R_1,2024-05-01 10:00:00,4\\n')
    >>> survey = read_qualtrics(tmp)
    >>> survey.data.index.tolist(), survey.columns["Q1"].import_id, survey.question_text("Q1")
    ([4], 'QID1', 'How useful was the session?')
    """
    p = check_readable(path)
    table = read_text_table(p, delimiter=delimiter, encoding=encoding)
    fmt = "qualtrics_tsv" if table.delimiter == "\t" else "qualtrics_csv"
    rows = table.rows
    layout = qualtrics_layout(rows)
    if layout is None:
        raise InputFileError(
            p, Reason.wrong_format,
            f"row 1 is not a Qualtrics header (no ResponseId/StartDate columns, no V1..V10 ids) "
            f"when read as {'tab' if table.delimiter == chr(9) else repr(table.delimiter)}-delimited text",
            row=1, hint="leave --format out to let evalkit detect the format, or check the file is the "
            "Qualtrics export",
        )
    if layout == "no_import_id":
        raise InputFileError(
            p, Reason.broken_header,
            "looks like a Qualtrics export, but row 3 is not the ImportId row (cells like "
            '{"ImportId":"QID1"}): the header rows were edited or removed', row=3, hint=_REEXPORT
            + "; or, to read it as a plain table with one header row, use --format csv",
        )
    header_rows = 3 if layout == "modern" else 2
    truncated = not table.ends_with_newline and len(rows) <= header_rows
    if len(rows) < header_rows:
        raise fail_no_data(p, len(rows), truncated=True)
    width = check_header_rows(p, rows[:header_rows])
    notes = list(table.notes)
    if layout == "modern":
        columns, extra = _current_columns(p, rows, width)
        notes += extra
    else:
        columns = _legacy_columns(rows, width)
        notes.append("legacy Qualtrics layout (before 2017): V1..V10 columns named after their row-2 field")
    columns = _unique(p, columns, notes)
    return build_survey_data(
        p, fmt=fmt, rows=rows, header_rows=header_rows, columns=columns, sha256=table.sha256,
        encoding=table.encoding, notes=notes, truncated=truncated,
    )


def _parse_import_id(path: Path, cell: str, column: int, name: str) -> tuple[str | None, dict, bool]:
    """``(import_id, whole dict, python_style)`` of one row-3 cell; blank cells have no ImportId."""
    cell = cell.strip()
    if not cell:
        return None, {}, False
    parsed: object = None
    python_style = False
    try:
        parsed = json.loads(cell)
    except ValueError:
        try:
            parsed = ast.literal_eval(cell)  # the early "Insights" export: {'ImportId': 'QID1'}
            python_style = True
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            parsed = None
    if not isinstance(parsed, dict) or not isinstance(parsed.get("ImportId"), str):
        raise InputFileError(
            path, Reason.broken_header,
            f"the ImportId cell of {cell_ref(column)} is not like "
            '{"ImportId":"QID1"}: the header rows were edited or are damaged',
            row=3, column=name, hint=_REEXPORT,
        )
    return parsed["ImportId"], parsed, python_style


def _current_columns(path: Path, rows: list[list[str]], width: int) -> tuple[list[ColumnMeta], list[str]]:
    names, texts, ids = ([*r[:width], *[""] * (width - len(r))] for r in rows[:3])
    columns = []
    zones: dict[str, list[str]] = {}
    python_style = False
    for j in range(width):
        name = clean_header(names[j])
        import_id, extra, py = _parse_import_id(path, ids[j], j + 1, name or column_label(j + 1))
        python_style |= py
        if isinstance(extra.get("timeZone"), str):
            zones.setdefault(extra["timeZone"], []).append(name)
        columns.append(ColumnMeta(
            name=name or f"unnamed_{j + 1}", original=names[j], text=texts[j].strip() or None,
            import_id=import_id,
        ))
    notes = []
    if python_style:
        notes.append("early Qualtrics 'Insights' layout: row 3 ImportIds are Python-style dicts")
    for zone, cols in zones.items():
        notes.append(f"times in {', '.join(cols)} are in time zone {zone} (from the ImportId row)")
    return columns, notes


def _legacy_columns(rows: list[list[str]], width: int) -> list[ColumnMeta]:
    ids, texts = ([*r[:width], *[""] * (width - len(r))] for r in rows[:2])
    columns = []
    for j in range(width):
        original, text = ids[j], clean_header(texts[j])
        name = clean_header(original)
        if name[:1] == "V" and name[1:].isdigit() and is_identifier_like(text):
            name = text  # V1 -> ResponseID: the metadata field, named as current exports name it
        columns.append(ColumnMeta(name=name or f"unnamed_{j + 1}", original=original, text=text or None))
    return columns


def _unique(path: Path, columns: list[ColumnMeta], notes: list[str]) -> list[ColumnMeta]:
    seen: dict[tuple[str, str], int] = {}
    for j, meta in enumerate(columns, start=1):
        if meta.import_id is None:
            continue
        key = (meta.name, meta.import_id)
        if key in seen:
            raise InputFileError(
                path, Reason.duplicate_column,
                f"{cell_ref(seen[key])} and {cell_ref(j)} are both named {meta.name!r} with the same ImportId, "
                "so evalkit cannot tell which is which", row=1, column=meta.name, hint=_REEXPORT,
            )
        seen[key] = j
    return unique_columns(columns, notes)
