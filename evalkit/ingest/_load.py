"""Rows of a file that may be delimited text or an Excel workbook, for readers that take both."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from evalkit.errors import InputFileError, Reason
from evalkit.ingest._excel import is_zip, read_excel_table
from evalkit.ingest._text import read_text_table

__all__ = ["Rows", "load_rows"]


@dataclass
class Rows:
    """Every row of the file or sheet; ``rows[i]`` is spreadsheet row ``i + 1``."""

    rows: list[list[str]]
    sha256: str
    excel: bool
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    sheets: tuple[str, ...] = ()
    ends_with_newline: bool = True
    notes: list[str] = field(default_factory=list)
    date_cells: frozenset[tuple[int, int]] = frozenset()


def load_rows(
    path: Path,
    *,
    excel: bool | None = None,
    sheet: str | int | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> Rows:
    """Read ``path`` as a workbook if it is one (or ``excel=True``), else as delimited text."""
    is_workbook = is_zip(path) if excel is None else excel
    if is_workbook:
        if encoding is not None:
            raise InputFileError(path, Reason.wrong_format,
                                 "encoding= applies to text files; an Excel workbook records its own",
                                 hint="leave the encoding out for .xlsx files (--encoding, sources[].encoding)")
        t = read_excel_table(path, sheet=sheet)
        return Rows(rows=t.rows, sha256=t.sha256, excel=True, sheet=t.sheet, sheets=t.sheets, notes=t.notes,
                    date_cells=t.date_cells)
    if sheet is not None:
        raise InputFileError(path, Reason.wrong_format,
                             "sheet= applies to Excel workbooks, but this is a text (CSV) file",
                             hint="leave --sheet out for CSV files")
    t = read_text_table(path, delimiter=delimiter, encoding=encoding)
    return Rows(rows=t.rows, sha256=t.sha256, excel=False, encoding=t.encoding, delimiter=t.delimiter,
                ends_with_newline=t.ends_with_newline, notes=t.notes)
