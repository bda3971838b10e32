"""Excel workbooks (.xlsx/.xlsm): one sheet read into rows of text, numbered as Excel numbers them.

Cells are turned into text so every reader hands the cleaning stage the same thing (strings, with
an empty cell as missing), and codes such as ``0010`` survive:

- text stays as written; numbers are written in their shortest exact form (``4.0`` → ``"4"``,
  ``201018.5`` → ``"201018.5"``), and whole numbers shown with leading zeros (number format
  ``0000``) keep them;
- dates and times become ISO 8601 (``2025-08-29 17:17:56.622000``; a date-only format gives
  ``2025-08-29``); booleans become ``TRUE``/``FALSE`` as Excel shows them.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl

from evalkit._io import sha256_file
from evalkit.errors import InputFileError, Reason

__all__ = ["ExcelTable", "read_excel_table", "is_zip", "XLSX_MAGIC"]

XLSX_MAGIC = b"PK\x03\x04"
_ZERO_PAD = re.compile(r"0{2,}")
_DAMAGED = "export or download the workbook again, or open it in Excel and save a copy as .xlsx"


@dataclass
class ExcelTable:
    """One sheet's rows; ``rows[i]`` is Excel row ``i + 1``; a blank row is ``[]``."""

    rows: list[list[str]]
    sheet: str
    sheets: tuple[str, ...]
    sha256: str
    notes: list[str] = field(default_factory=list)
    #: (spreadsheet row, 0-based column) of cells stored as real dates, so a date typed as text
    #: can still be told apart after every cell has become text.
    date_cells: frozenset[tuple[int, int]] = frozenset()


def is_zip(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(4) == XLSX_MAGIC


def _as_text(value: Any, number_format: str | None, is_date: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        fmt = number_format or ""
        return str(value).zfill(len(fmt)) if _ZERO_PAD.fullmatch(fmt) else str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return _as_text(int(value), number_format, is_date)
        return repr(value)
    if isinstance(value, dt.datetime):
        fmt = (number_format or "").lower()
        date_only = is_date and "h" not in fmt and "s" not in fmt and value.time() == dt.time()
        return value.date().isoformat() if date_only else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def _pick_sheet(path: Path, names: list[str], sheet: str | int | None) -> tuple[str, list[str]]:
    listed = ", ".join(repr(n) for n in names)
    if sheet is None:
        notes = []
        if len(names) > 1:
            notes.append(f"workbook has {len(names)} sheets: {listed}; read the first, {names[0]!r} "
                         "(choose another with --sheet)")
        return names[0], notes
    if isinstance(sheet, bool) or not isinstance(sheet, (str, int)):
        raise InputFileError(path, Reason.unreadable_file,
                             f"sheet must be a sheet name or a 0-based position, got {type(sheet).__name__}",
                             hint=f"the sheets are: {listed}")
    if isinstance(sheet, int):
        if not 0 <= sheet < len(names):
            raise InputFileError(path, Reason.unreadable_file,
                                 f"sheet={sheet} is out of range: the workbook has {len(names)} sheet(s) "
                                 "(positions start at 0)", hint=f"the sheets are: {listed}")
        return names[sheet], []
    if sheet not in names:
        raise InputFileError(path, Reason.unreadable_file, f"has no sheet named {sheet!r}",
                             hint=f"the sheets are: {listed}")
    return sheet, []


def read_excel_table(path: Path, *, sheet: str | int | None = None, max_rows: int | None = None) -> ExcelTable:
    """Read one sheet of a workbook (read-only) into rows of text (see the module docstring).

    ``max_rows`` stops after that many rows (format detection only needs the header).
    """
    if not is_zip(path):
        raise InputFileError(path, Reason.wrong_format, "is not an Excel .xlsx workbook",
                             hint="if it is a CSV file, read it with --format csv (or leave --format out)")
    sha = sha256_file(path)
    # A binary handle, not the path: opened read-only, and openpyxl then does not judge by extension
    # (an .xlsx saved as "export.csv" is still a workbook).
    with open(path, "rb") as fh:
        try:
            with warnings.catch_warnings():
                # openpyxl warns about styles and data validation it ignores; none of it matters here.
                warnings.simplefilter("ignore")
                wb = openpyxl.load_workbook(fh, read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - zipfile, XML and openpyxl errors all mean "damaged"
            raise InputFileError(
                path, Reason.unreadable_file,
                f"could not be opened as an Excel workbook ({type(exc).__name__}): it looks damaged or truncated",
                hint=_DAMAGED,
            ) from exc
        try:
            names = list(wb.sheetnames)
            if not names:
                raise InputFileError(path, Reason.empty_file, "workbook has no sheets", hint=_DAMAGED)
            name, notes = _pick_sheet(path, names, sheet)
            date_cells: set[tuple[int, int]] = set()
            rows = _sheet_rows(path, wb[name], max_rows, date_cells)
        finally:
            wb.close()
    return ExcelTable(rows=rows, sheet=name, sheets=tuple(names), sha256=sha, notes=notes,
                      date_cells=frozenset(date_cells))


def _sheet_rows(path: Path, ws: Any, max_rows: int | None, date_cells: set[tuple[int, int]]) -> list[list[str]]:
    rows: list[list[str]] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if hasattr(ws, "reset_dimensions"):
                # The stored dimension can be stale (Google Sheets omits it); read what is there.
                ws.reset_dimensions()
            for cells in ws.iter_rows(max_row=max_rows):
                row = [_as_text(c.value, getattr(c, "number_format", None), getattr(c, "is_date", False))
                       for c in cells]
                date_cells.update((len(rows) + 1, j) for j, c in enumerate(cells)
                                  if isinstance(c.value, (dt.datetime, dt.date)))
                while row and row[-1] == "":
                    row.pop()
                rows.append(row)
    except InputFileError:
        raise
    except Exception as exc:  # noqa: BLE001 - a truncated sheet fails while it is parsed
        raise InputFileError(
            path, Reason.unreadable_file,
            f"sheet {ws.title!r} could not be read past row {len(rows)} ({type(exc).__name__}): "
            "the workbook looks damaged or truncated", row=len(rows) + 1, hint=_DAMAGED,
        ) from exc
    return rows
