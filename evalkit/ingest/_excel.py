"""Excel workbooks (.xlsx/.xlsm): one sheet read into rows of text, numbered as Excel numbers them.

Cells are turned into text so every reader hands the cleaning stage the same thing (strings, with
an empty cell as missing), and codes such as ``0010`` survive:

- text stays as written; numbers are written in their shortest exact form (``4.0`` → ``"4"``,
  ``201018.5`` → ``"201018.5"``), and whole numbers shown with leading zeros (number format
  ``0000``) keep them;
- dates and times become ISO 8601 (``2025-08-29 17:17:56.622000``; a date-only format gives
  ``2025-08-29``); booleans become ``TRUE``/``FALSE`` as Excel shows them.

A workbook is a zip archive of XML parts, and a damaged one fails in many ways: zipfile raises
``BadZipFile``, ``NotImplementedError`` (a compression method, zip version or flag it does not
support), ``RuntimeError`` (an encrypted part), ``zlib.error``, ``EOFError`` or ``struct.error``;
openpyxl raises ``KeyError`` or ``IndexError`` for a missing part and the XML parser ``ParseError``
or ``UnicodeDecodeError`` for a part that is not well-formed. :func:`workbook_error` turns every
one of them into one :class:`~evalkit.errors.InputFileError` that says what is wrong with the
container (diagnosed from the zip directory, never from cell values) and how to fix it.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl

from evalkit._io import sha256_file
from evalkit.errors import InputFileError, Reason

__all__ = ["ExcelTable", "read_excel_table", "is_zip", "zip_names", "workbook_error", "XLSX_MAGIC"]

XLSX_MAGIC = b"PK\x03\x04"
_ZERO_PAD = re.compile(r"0{2,}")
_DAMAGED = "export or download the workbook again, or open it in Excel and save a copy as .xlsx"
_RESAVE = ("open it in Excel or LibreOffice Calc and save it again as .xlsx (Excel Workbook); if it does "
           "not open there either, export or download it again")
_DECRYPT = ("open it in Excel or LibreOffice Calc, remove the password (Excel: File > Info > Protect "
            "Workbook) and save it again as .xlsx")
#: Compression methods zipfile reads (stored, deflate, bzip2, lzma); Excel and LibreOffice write 8.
_METHODS_READ = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA})
_METHOD_NAMES = {1: "shrink", 6: "implode", 9: "deflate64", 93: "zstandard", 95: "xz", 97: "WavPack",
                 98: "PPMd", 99: "WinZip AES encryption"}
_MISSING_ITEM = re.compile(r"no item named '([^']{1,200})'")
_PART_NAMES = re.compile(rb'PartName="/([^"]{1,200})"')
#: Exceptions that mean "the zip container is cut short or its bytes are wrong".
_CONTAINER_ERRORS = ("BadZipFile", "zlib.error", "struct.error", "EOFError", "LZMAError", "OSError")


def workbook_error(path: Path, exc: BaseException, *, row: int | None = None,
                   where: str = "could not be opened as an Excel workbook") -> InputFileError:
    """The :class:`InputFileError` for a workbook that zipfile, openpyxl or the XML parser refused.

    ``where`` starts the message (what was being done); the rest says what is wrong with the file,
    from the exception's type and the zip directory, and the hint says how to fix it. No cell value
    reaches the message: only zip member names, compression methods and exception type names.
    """
    problem, hint = _diagnose(path, exc)
    return InputFileError(path, Reason.unreadable_file, f"{where}: {problem}", row=row, hint=hint)


def _diagnose(path: Path, exc: BaseException) -> tuple[str, str]:
    kind = type(exc).__name__
    if kind == "error":  # zlib.error, struct.error
        kind = f"{type(exc).__module__}.error"
    try:
        infos, content_types = _zip_directory(path)
    except NotImplementedError as err:  # raised while reading the directory: "zip file version 9.9"
        return (f"its zip container needs a feature Python's zipfile does not support ({err}), not what "
                "Excel writes", _RESAVE)
    except Exception:  # noqa: BLE001 - the directory itself is damaged; say so below
        infos, content_types = None, None
    if infos is not None and isinstance(exc, (NotImplementedError, RuntimeError)):
        for info in infos:
            if info.flag_bits & 0x41:  # bit 0: encrypted; bit 6: strong encryption
                return f"part {info.filename!r} is encrypted (a password-protected zip)", _DECRYPT
            if info.compress_type not in _METHODS_READ:
                name = _METHOD_NAMES.get(info.compress_type)
                method = f"{info.compress_type}" + (f" ({name})" if name else "")
                return (f"part {info.filename!r} uses zip compression method {method}, which evalkit cannot "
                        "read (Excel and LibreOffice write method 8, deflate)", _RESAVE)
            if info.flag_bits & 0x20:
                return (f"part {info.filename!r} is stored as zip 'patched data', which Excel never writes",
                        _RESAVE)
        return f"its zip container uses a feature Python's zipfile does not support ({kind})", _RESAVE
    if isinstance(exc, (KeyError, IndexError)) or kind == "InvalidFileException":
        missing = _missing_parts(str(exc), infos or [], content_types)
        if missing:
            return _missing_message(missing), _DAMAGED
    if infos is None or kind in _CONTAINER_ERRORS or isinstance(exc, (EOFError, zipfile.BadZipFile)):
        return f"its zip container is damaged or truncated ({kind})", _DAMAGED
    if "ParseError" in kind or "XMLSyntaxError" in kind or isinstance(exc, UnicodeError):
        return (f"a part of the workbook is not well-formed XML ({kind}): it looks damaged or truncated",
                _DAMAGED)
    return f"it looks damaged or truncated ({kind})", _DAMAGED


def _zip_directory(path: Path) -> tuple[list[zipfile.ZipInfo], bytes | None]:
    """The zip's members and its ``[Content_Types].xml`` (``None`` if absent or unreadable)."""
    with zipfile.ZipFile(path) as zf:
        return zf.infolist(), _read_small(zf, "[Content_Types].xml")


def _read_small(zf: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        info = zf.getinfo(name)
        return zf.read(info) if info.file_size < (1 << 20) else None
    except Exception:  # noqa: BLE001 - only a diagnosis: a part that cannot be read is no evidence
        return None


def _missing_parts(error_text: str, infos: list[zipfile.ZipInfo], content_types: bytes | None) -> list[str]:
    """Parts named in zipfile's KeyError, or declared in ``[Content_Types].xml`` but absent."""
    named = _MISSING_ITEM.search(error_text)
    if named:
        return [named.group(1)]
    present = {i.filename for i in infos}
    declared = [m.decode("utf-8", "replace") for m in _PART_NAMES.findall(content_types or b"")]
    return [name for name in declared if name not in present]


def _missing_message(missing: list[str]) -> str:
    shown = ", ".join(repr(m) for m in missing[:3]) + (" ..." if len(missing) > 3 else "")
    return f"part(s) of the workbook are missing from its zip archive: {shown}"


def zip_names(path: Path) -> list[str]:
    """The member names of a zip file, or :func:`workbook_error` if its directory cannot be read."""
    try:
        with zipfile.ZipFile(path) as zf:
            return zf.namelist()
    except Exception as exc:  # noqa: BLE001 - BadZipFile, NotImplementedError, OSError, struct.error...
        raise workbook_error(path, exc) from exc


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
            raise workbook_error(path, exc) from exc
        try:
            names = list(wb.sheetnames)
            if not names:
                # openpyxl leaves out a sheet whose part is missing: that is damage, not an empty workbook.
                try:
                    missing = _missing_parts("", *_zip_directory(path))
                except Exception:  # noqa: BLE001 - openpyxl just read this directory; nothing to add
                    missing = []
                if missing:
                    raise InputFileError(path, Reason.unreadable_file, "workbook has no readable sheet: "
                                         + _missing_message(missing), hint=_DAMAGED)
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
        raise workbook_error(path, exc, row=len(rows) + 1,
                             where=f"sheet {ws.title!r} could not be read past row {len(rows)}") from exc
    return rows
