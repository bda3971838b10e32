"""A fast path for million-row state files: CSV straight into a pyarrow Table, no pandas per cell.

Type inference is pyarrow's, except for the columns that must stay text: any column whose name
ends in ``_code`` (``0010`` is a district, not the number 10), the ``value`` column of long-format
state files (it holds suppression marks such as ``*`` and ``<10``), and any column listed in
``string_columns``. Only an empty cell is null, as in :func:`evalkit.ingest.read_export`; a column
of numbers with ``N/A`` somewhere comes back as text, and the cleaning stage
(:func:`evalkit.clean.outcomes.clean_state_outcomes`) separates numbers from marks.

The header is read by evalkit (to choose those columns and to make names unique and trimmed, as
the other readers do); pyarrow parses the rest. Errors never quote pyarrow's message, which can
contain a row of data.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv

from evalkit._io import check_readable, sha256_file
from evalkit.errors import InputFileError, Reason
from evalkit.ingest._names import clean_header, dedupe
from evalkit.ingest._text import sniff_delimiter

__all__ = ["read_large_csv"]

_HEAD = 1 << 20
_SAMPLE = 1 << 18
_ROW = re.compile(r"Row #(\d+)")
_COLUMN = re.compile(r"column #(\d+)")
_COUNTS = re.compile(r"Expected (\d+) columns, got (\d+)")


def _records(text: str, delimiter: str) -> list[list[str]]:
    rows: list[list[str]] = []
    try:
        rows.extend(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:
        pass  # the sample ends inside a quoted cell: pyarrow decides on the whole file
    return rows


def _encoding_of(path: Path, head: bytes, complete: bool) -> str:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=complete)
        return "utf8"  # pyarrow skips a UTF-8 byte-order mark itself
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only non-UTF-8 files need it

    best = from_bytes(head, cp_isolation=["cp1252", "latin_1"]).best()
    if best is None:
        raise InputFileError(path, Reason.encoding, "is not UTF-8 and no likely encoding (cp1252, latin-1) fits",
                             hint="re-save the file as 'CSV UTF-8'")
    return best.encoding


def read_large_csv(path: str | Path, *, string_columns: list[str] | None = None) -> pa.Table:
    """Read a large CSV file into a :class:`pyarrow.Table`, keeping codes and suppressed values as text.

    Parameters
    ----------
    path : str or Path
        The file, opened read-only.
    string_columns : list of str, optional
        More columns to read as text, besides ``*_code`` columns and ``value``. Names are
        matched after trimming spaces from the header.

    Returns
    -------
    pyarrow.Table
        Columns named by the trimmed, de-duplicated header. The schema metadata records
        ``evalkit.path``, ``evalkit.sha256``, ``evalkit.encoding`` and ``evalkit.format``
        (``"csv"``). Row *i* (0-based) is line *i + 2* of the file when the file has no blank
        lines and no line breaks inside quoted cells.

    Raises
    ------
    InputFileError
        ``missing_file``/``unreadable_file``, ``empty_file``, ``wrong_format`` (a workbook or
        .sav file), ``encoding``, ``missing_column``
        (a name in ``string_columns`` is not in the header), ``broken_header`` (a row with
        more or fewer cells than the header), ``bad_number`` (a value that does not fit the type
        inferred for its column).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp()) / "assessment.csv"
    >>> _ = tmp.write_text("district_code,subgroup,value\\n0010,All,12\\n0420,Asian,*\\n")
    >>> table = read_large_csv(tmp)
    >>> table.column("district_code").to_pylist(), table.column("value").to_pylist()
    (['0010', '0420'], ['12', '*'])
    """
    p = check_readable(path)
    size = p.stat().st_size
    with open(p, "rb") as fh:
        head = fh.read(_HEAD)
    if not head.strip():
        raise InputFileError(p, Reason.empty_file, "is empty", hint="check the download")
    if head[:4] in (b"PK\x03\x04", b"$FL2", b"$FL3") or head.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputFileError(p, Reason.wrong_format, "is an Excel, SPSS or other binary file, not a CSV file",
                             hint="read it with read_export, which detects the format")
    encoding = _encoding_of(p, head, size <= len(head))
    try:
        codec = {"utf8": "utf-8-sig"}.get(encoding, encoding)
        text = codecs.getincrementaldecoder(codec)().decode(head, final=size <= len(head)).lstrip("\ufeff")
    except UnicodeDecodeError:
        raise InputFileError(p, Reason.encoding, f"the first bytes are not valid {encoding}",
                             hint="re-save the file as 'CSV UTF-8'") from None
    delimiter = sniff_delimiter(text, suffix=p.suffix)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        raw_names = next(reader)
    except (StopIteration, csv.Error):
        raw_names = []
    if not any(raw_names):
        raise InputFileError(p, Reason.broken_header, "row 1 (the header) is blank or unreadable", row=1,
                             hint="the first line must name the columns")
    names = dedupe([clean_header(n) or f"unnamed_{j}" for j, n in enumerate(raw_names, start=1)])
    wanted = {n.lower() for n in (string_columns or [])}
    unknown = sorted(wanted - {n.lower() for n in names})
    if unknown:
        raise InputFileError(p, Reason.missing_column, f"string_columns names {len(unknown)} column(s) not in the "
                             f"header: {', '.join(unknown)}", column=unknown[0],
                             hint="use the names as they appear in row 1 (spaces at the ends are ignored)")
    as_text = [n for n in names if n.lower().endswith("_code") or n.lower() == "value" or n.lower() in wanted]
    # Line breaks inside quoted cells need pyarrow's slower serial parser; look at the first rows.
    sample = text[:_SAMPLE]
    multiline = any("\n" in c or "\r" in c for row in _records(sample, delimiter) for c in row)
    # Hash on a second thread while pyarrow parses: hashlib releases the GIL on large buffers.
    with ThreadPoolExecutor(max_workers=1) as pool:
        digest = pool.submit(sha256_file, p)
        table = _read(p, names, encoding, delimiter, multiline, as_text)
        sha256 = digest.result()
    meta = {"evalkit.path": str(p), "evalkit.sha256": sha256, "evalkit.encoding": encoding,
            "evalkit.format": "csv"}
    return table.replace_schema_metadata({**(table.schema.metadata or {}), **meta})


def _read(p: Path, names: list[str], encoding: str, delimiter: str, multiline: bool, as_text: list[str]) -> pa.Table:
    try:
        table = pacsv.read_csv(
            p,
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=0, encoding=encoding,
                                           skip_rows_after_names=1),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=multiline),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.string() for n in as_text}, null_values=[""],
                strings_can_be_null=True, quoted_strings_can_be_null=True,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError, UnicodeError) as exc:
        raise _explain(p, str(exc), names) from None
    except (pa.ArrowException, OSError) as exc:
        raise InputFileError(p, Reason.unreadable_file, f"could not be read ({type(exc).__name__})",
                             hint="check the file is complete and not open in another program") from None
    for field in table.schema:
        # pyarrow reads a column with invalid UTF-8 further down as bytes rather than failing.
        if pa.types.is_binary(field.type) or pa.types.is_large_binary(field.type):
            raise InputFileError(p, Reason.encoding, f"column {field.name!r} has bytes that are not valid {encoding}",
                                 column=field.name, hint="re-save the file as 'CSV UTF-8'")
    return table


def _explain(path: Path, message: str, names: list[str]) -> InputFileError:
    """Turn a pyarrow message into ours, keeping only its numbers (it may quote a row of data)."""
    row_m, col_m, counts = _ROW.search(message), _COLUMN.search(message), _COUNTS.search(message)
    column = names[int(col_m.group(1))] if col_m and int(col_m.group(1)) < len(names) else None
    where = f" (data row {row_m.group(1)})" if row_m else ""
    if "UTF8" in message or "UTF-8" in message or "decode" in message.lower():
        return InputFileError(path, Reason.encoding, f"column {column!r} has bytes that are not valid text"
                              f"{where}", column=column, hint="re-save the file as 'CSV UTF-8'")
    if counts:
        return InputFileError(
            path, Reason.broken_header,
            f"a row{where} has {counts.group(2)} cells where the header has {counts.group(1)}",
            hint="check for a delimiter or line break inside an unquoted cell, or use read_export, "
            "which names the row",
        )
    if column is not None:
        return InputFileError(
            path, Reason.bad_number,
            f"column {column!r} has a value{where} that does not fit the type read from its first rows "
            "(a suppression mark such as '*' or 'N/A' among numbers?)", column=column,
            hint=f"pass string_columns=[{column!r}] to read it as text",
        )
    return InputFileError(path, Reason.unreadable_file, "could not be parsed as CSV",
                          hint="check the file is complete, or read it with read_export, which names the row")
