"""Turn header metadata plus raw rows into a :class:`SurveyData`, the same way for every reader.

Rules applied here, once:

- ``data`` is indexed by ``source_row`` (1-based, as a spreadsheet shows the file);
- every cell is text (pandas ``str`` dtype) and only an *empty* cell is missing: ``NA``, ``n/a``
  or ``*`` are answers or suppression marks that the cleaning stage interprets;
- blank rows are skipped (their numbers are simply absent from the index), with a note;
- a row with more non-empty cells than the header has columns is an error (a broken header or
  broken quoting), and a trailing column with no header and no data (a trailing delimiter on
  every line) is dropped, with a note.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd

from evalkit.errors import InputFileError, Reason
from evalkit.ingest._load import Rows
from evalkit.ingest._names import cell_ref, clean_header, column_label, dedupe, slugify
from evalkit.ingest._table import ColumnMeta, SourceMeta, SurveyData

__all__ = ["build_survey_data", "check_header_rows", "pad_rows", "fail_no_data", "row_span", "unique_columns",
           "slug_columns", "build_one_header_row"]


def row_span(numbers: list[int]) -> str:
    """``'rows 9-10'`` or ``'row 4'`` or ``'rows 3, 8, 12 and 2 more'`` for notes."""
    if len(numbers) == 1:
        return f"row {numbers[0]}"
    if numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"rows {numbers[0]}-{numbers[-1]}"
    shown = ", ".join(str(n) for n in numbers[:3])
    return f"rows {shown}" + (f" and {len(numbers) - 3} more" if len(numbers) > 3 else "")


def check_header_rows(path: Path, header: list[list[str]], *, first_row: int = 1) -> int:
    """Check that every header row of a text file has as many cells as the first; return that width.

    Extra *empty* cells at the end do not count. A shorter row means the header was cut (a
    truncated download) or edited; a longer one means its quoting is broken.
    """
    width = len(header[0])
    for offset, cells in enumerate(header[1:], start=1):
        n = len(cells)
        while n > width and cells[n - 1] == "":
            n -= 1
        if n != width:
            row = first_row + offset
            problem = "fewer" if n < width else "more"
            raise InputFileError(
                path, Reason.broken_header,
                f"header row {row} has {problem} cells ({n}) than row {first_row} ({width}): the header is "
                "truncated or its quoting is broken", row=row, column=column_label(min(n, width) + 1),
                hint="export the file again and do not edit the header rows",
            )
    return width


def pad_rows(rows: list[list[str]]) -> list[list[str]]:
    """Pad rows to a common width (Excel leaves out empty cells at the end of a row)."""
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


def unique_columns(columns: list[ColumnMeta], notes: list[str]) -> list[ColumnMeta]:
    """Make names unique (``x``, ``x_2``, ``x_3``) and say which were renamed in ``notes``."""
    names = dedupe([c.name for c in columns])
    renamed = [(c.name, n) for c, n in zip(columns, names) if c.name != n]
    if renamed:
        notes.append("repeated column names made unique: "
                     + ", ".join(f"{old!r} → {new!r}" for old, new in renamed[:10])
                     + (f" and {len(renamed) - 10} more" if len(renamed) > 10 else ""))
    return [replace(c, name=n) for c, n in zip(columns, names)]


def slug_columns(header: list[str], *, max_len: int = 48) -> list[ColumnMeta]:
    """One header row of question texts → snake_case names, the text kept in ``ColumnMeta.text``.

    An empty header (or one with no letters or digits) is named ``unnamed_<column number>``.
    """
    columns = []
    for j, original in enumerate(header, start=1):
        text = clean_header(original)
        columns.append(ColumnMeta(name=slugify(text, max_len=max_len) or f"unnamed_{j}", original=original,
                                  text=text or None))
    return columns


def fail_no_data(path: Path, header_rows: int, *, truncated: bool) -> InputFileError:
    """The error for a file that has its header but no data rows (or a header cut short)."""
    if truncated:
        return InputFileError(
            path, Reason.broken_header,
            f"ends inside its header (row {header_rows} is not terminated): the file looks truncated",
            row=header_rows, hint="download or export the file again",
        )
    rows = "a header row" if header_rows == 1 else f"{header_rows} header rows"
    return InputFileError(
        path, Reason.empty_file, f"has {rows} but no data rows",
        row=header_rows + 1, hint="check that the export includes responses (filters, date range)",
    )


def build_survey_data(
    path: Path,
    *,
    fmt: str,
    rows: list[list[str]],
    header_rows: int,
    columns: list[ColumnMeta],
    sha256: str,
    end: int | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
    sheets: tuple[str, ...] = (),
    notes: list[str] | tuple[str, ...] = (),
    excel: bool = False,
    truncated: bool = False,
    date_cells: frozenset[tuple[int, int]] = frozenset(),
) -> SurveyData:
    """Assemble a :class:`SurveyData` from the data rows ``rows[header_rows:end]``.

    ``columns`` has one entry per header cell, in file order, with final unique names. In a text
    file a row longer than the header is an error; in a workbook (``excel=True``) a value to the
    right of the header is a stray note or an unlabelled column, so it gets a column
    ``unnamed_<n>`` and a note instead, and short rows are normal (Excel stores no empty cells).
    """
    notes = list(notes)
    stop = len(rows) if end is None else end
    if excel:
        columns = _widen(columns, max((len(r) for r in rows[header_rows:stop]), default=0), notes)
    width = len(columns)
    kept: list[list[str]] = []
    index: list[int] = []
    blank: list[int] = []
    short = 0
    for number, cells in enumerate(rows[header_rows:stop], start=header_rows + 1):
        if not any(cells):
            blank.append(number)
            continue
        if len(cells) > width:
            extra = next((i for i in range(width, len(cells)) if cells[i] != ""), None)
            if extra is not None:
                raise InputFileError(
                    path, Reason.broken_header,
                    f"this row has a value in {cell_ref(extra + 1)}, but the header names only "
                    f"{width} columns", row=number, column=column_label(extra + 1),
                    hint="check that the header row is complete and that quotes in answers on that row "
                    "are balanced; export the file again if it was edited",
                )
            cells = cells[:width]
        elif len(cells) < width:
            short += 1
            cells = cells + [""] * (width - len(cells))
        kept.append(cells)
        index.append(number)
    if not kept:
        raise fail_no_data(path, header_rows, truncated=truncated)
    if blank:
        notes.append(f"skipped {len(blank)} blank {row_span(blank)}")
    if short and not excel:
        notes.append(f"{short} row(s) have fewer cells than the header; the missing cells are read as empty")

    # A trailing delimiter on every line (legacy Qualtrics) makes one more, nameless, empty column.
    keep = list(range(width))
    while keep and _is_nameless(columns[keep[-1]]) and all(r[keep[-1]] == "" for r in kept):
        keep.pop()
    if len(keep) < width:
        notes.append(f"dropped {width - len(keep)} empty column(s) without a header at the end of each row "
                     "(a trailing delimiter)")
    data = pd.DataFrame(
        {columns[i].name: pd.array([r[i] or None for r in kept], dtype="str") for i in keep},
        index=pd.Index(index, dtype="int64", name="source_row"),
    )
    source = SourceMeta(
        path=str(path), sha256=sha256, format=fmt, encoding=encoding, header_rows=header_rows,
        sheet=sheet, n_rows=len(kept), notes=tuple(notes), sheets=sheets,
    )
    if date_cells:
        kept_rows = set(index)
        by_col: dict[int, list[int]] = {}
        for row, col in date_cells:
            if row in kept_rows:
                by_col.setdefault(col, []).append(row)
        columns = [replace(c, date_cells=tuple(sorted(by_col[i]))) if i in by_col else c
                   for i, c in enumerate(columns)]
    return SurveyData(data=data, columns={columns[i].name: columns[i] for i in keep}, source=source)


def _is_nameless(meta: ColumnMeta) -> bool:
    return meta.original == "" and not meta.text and meta.import_id is None


def _widen(columns: list[ColumnMeta], width: int, notes: list[str]) -> list[ColumnMeta]:
    if width <= len(columns):
        return columns
    taken = {c.name for c in columns}
    extra = []
    for number in range(len(columns) + 1, width + 1):
        name = f"unnamed_{number}"
        while name in taken:
            name += "_"
        taken.add(name)
        extra.append(ColumnMeta(name=name, original=""))
    notes.append(f"{len(extra)} column(s) to the right of the header have values but no header: named "
                 + ", ".join(c.name for c in extra[:5]) + (" ..." if len(extra) > 5 else ""))
    return columns + extra


def build_one_header_row(p: Path, loaded: Rows, *, fmt: str) -> SurveyData:
    """A table with one header row of question texts (Google Forms, Microsoft Forms): slug names."""
    rows = loaded.rows
    if not rows or not any(rows[0]):
        raise InputFileError(p, Reason.broken_header, "row 1 is blank: the header row is missing", row=1,
                             hint="export the responses again; the first row must hold the questions")
    notes = list(loaded.notes)
    columns = unique_columns(slug_columns(rows[0]), notes)
    return build_survey_data(
        p, fmt=fmt, rows=rows, header_rows=1, columns=columns, sha256=loaded.sha256,
        encoding=loaded.encoding, sheet=loaded.sheet, sheets=loaded.sheets, notes=notes,
        excel=loaded.excel, truncated=not loaded.ends_with_newline and len(rows) <= 1,
    )
