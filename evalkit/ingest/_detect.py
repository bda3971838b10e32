"""Which export is this? Magic bytes first, then the header rows' signatures, then the extension.

The content wins over the extension: an .xlsx renamed .csv is still read as a workbook. The
signatures live here so each reader can also check that a ``format=`` override fits the file.
"""

from __future__ import annotations

import csv
import io
import itertools
from pathlib import Path

from evalkit._io import check_readable
from evalkit.errors import InputFileError, Reason
from evalkit.ingest._table import FORMATS
from evalkit.ingest._text import TEXT_EXTENSIONS, decode_head, sniff_delimiter

__all__ = ["detect_format", "qualtrics_layout", "is_surveymonkey", "has_surveymonkey_ids",
           "surveymonkey_metadata_width", "is_google_forms", "is_microsoft_forms", "SPSS_MAGICS",
           "OLE2_MAGIC", "WORKBOOK_EXTENSIONS"]

SPSS_MAGICS = (b"$FL2", b"$FL3")
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Extensions of the workbooks evalkit reads (the content decides; these only name a damaged one).
WORKBOOK_EXTENSIONS = frozenset({".xlsx", ".xlsm"})
_HEAD = 1 << 20
_OVERRIDE = f"if you know the format, name it with --format (one of: {', '.join(FORMATS)})"

#: The first column of a Google Forms response sheet, in the form owner's language.
GOOGLE_TIMESTAMPS = frozenset({
    "timestamp", "marca temporal", "horodateur", "zeitstempel", "carimbo de data/hora",
    "informazioni cronologiche", "tijdstempel", "sello de tiempo",
})
_QUALTRICS_IDS = ("ResponseId", "ResponseID", "_recordId")
_QUALTRICS_TIMES = ("StartDate", "EndDate", "RecordedDate")
_LEGACY = ["V1", "V2", "V3"]
#: SurveyMonkey's row-2 sub-headers of a one-column question and of a comment box (spaces removed).
_SM_SUBHEADERS = frozenset({"response", "open-endedresponse", "other(pleasespecify)"})
#: SurveyMonkey's metadata headers, current and legacy (spaces and a trailing number removed).
_SM_METADATA = frozenset({"respondentid", "collectorid", "startdate", "enddate", "ipaddress", "emailaddress",
                          "firstname", "lastname", "customdata"})


def _cells(rows: list[list[str]], i: int) -> list[str]:
    return [c.strip().lstrip("\ufeff") for c in rows[i]] if i < len(rows) else []


def _is_import_id(cell: str) -> bool:
    cell = cell.strip()
    return cell.startswith("{") and "ImportId" in cell


def qualtrics_layout(rows: list[list[str]]) -> str | None:
    """``'modern'`` (3 header rows), ``'legacy'`` (V1..V10, 2 rows), ``'no_import_id'`` or ``None``.

    ``'no_import_id'`` is a Qualtrics header (``ResponseId`` and ``StartDate`` in row 1) whose
    row 3 is not the ImportId row: a file edited after export, which the reader refuses.
    """
    first = _cells(rows, 0)
    if first[:3] == _LEGACY and _cells(rows, 1)[:1] in (["ResponseID"], ["ResponseId"]):
        return "legacy"
    third = _cells(rows, 2)
    if third and _is_import_id(third[0]):
        return "modern"
    if any(i in first for i in _QUALTRICS_IDS) and any(t in first for t in _QUALTRICS_TIMES):
        return "no_import_id"
    return None


def _squash(cell: str) -> str:
    return "".join(cell.split()).lower()


def surveymonkey_metadata_width(top: list[str], sub: list[str]) -> int | None:
    """How many metadata columns precede the questions, if rows 1-2 are SurveyMonkey's header rows.

    SurveyMonkey's second header row (see :mod:`evalkit.ingest.surveymonkey`) is blank under the
    respondent metadata columns, which come first, and holds ``Response``, ``Open-Ended Response`` or
    a choice/row label under *every* question column; row 1 is blank only over a column that
    continues the question to its left. ``None`` when the two rows do not have that shape or no
    ``Response``/``Open-Ended Response``/``Other (please specify)`` sub-header is there. Unless a
    metadata header is one SurveyMonkey writes, the rows must also show a continued question (a blank
    in row 1) or have only those sub-headers in row 2 (at least two of them after metadata columns),
    since a plain table's first data row can hold the word "Response" too.

    Examples
    --------
    >>> surveymonkey_metadata_width(["RespondentID", "CollectorID", "Your role?", ""],
    ...                             ["", "", "Response", "Other (please specify)"])
    2
    >>> surveymonkey_metadata_width(["Your role?", "What did you learn?"],
    ...                             ["Response", "Open-Ended Response"])
    0
    >>> surveymonkey_metadata_width(["name", "status"], ["Ana", "Response"]) is None
    True
    """
    width = max(len(top), len(sub))
    top = [c.strip() for c in top] + [""] * (width - len(top))
    sub = [c.strip() for c in sub] + [""] * (width - len(sub))
    while width and not top[width - 1] and not sub[width - 1]:
        width -= 1  # a trailing delimiter
    meta = 0
    while meta < width and top[meta] and not sub[meta]:
        meta += 1
    if meta == width or not top[meta] or not all(sub[meta:width]):
        return None
    labels = [_squash(c) for c in sub[meta:width]]
    if not any(label in _SM_SUBHEADERS for label in labels):
        return None
    continued = any(not c for c in top[meta:width])
    known = any(_squash(c).rstrip("0123456789") in _SM_METADATA for c in top[:meta])
    only_subheaders = all(label in _SM_SUBHEADERS for label in labels) and (meta == 0 or len(labels) > 1)
    if known or continued or only_subheaders:
        return meta
    return None


def has_surveymonkey_ids(rows: list[list[str]]) -> bool:
    """Row 1 starts with SurveyMonkey's ``Respondent ID`` and ``Collector ID`` (legacy: ``RespondentID``,
    ``CollectorID``) columns."""
    first = _cells(rows, 0)
    return bool(first) and _squash(first[0]) == "respondentid" and any(_squash(c) == "collectorid"
                                                                       for c in first[1:4])


def is_surveymonkey(rows: list[list[str]]) -> bool:
    """A SurveyMonkey export: rows 1-2 have the shape of its header rows, or row 1 starts with its id
    columns (so a file whose row 2 was damaged is still read, and refused, as SurveyMonkey)."""
    if has_surveymonkey_ids(rows):
        return True
    return len(rows) > 1 and surveymonkey_metadata_width(_cells(rows, 0), _cells(rows, 1)) is not None


def is_google_forms(rows: list[list[str]]) -> bool:
    """Row 1 starts with the ``Timestamp`` column of a Google Forms response sheet."""
    first = _cells(rows, 0)
    return bool(first) and first[0].lower() in GOOGLE_TIMESTAMPS and len(first) > 1


def is_microsoft_forms(rows: list[list[str]]) -> bool:
    """Row 1 starts ``Id, Start time, Completion time`` (Microsoft Forms)."""
    return [c.lower() for c in _cells(rows, 0)[:3]] == ["id", "start time", "completion time"]


def _first_records(text: str, delimiter: str, n: int = 4) -> list[list[str]]:
    # Only the header rows matter, and the head may end inside a quoted answer: stop early.
    rows: list[list[str]] = []
    try:
        for record in itertools.islice(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), n):
            rows.append(record)
    except csv.Error:
        pass  # the reader reports broken quoting with its row
    return rows


def _from_rows(rows: list[list[str]], *, delimiter: str) -> str | None:
    layout = qualtrics_layout(rows)
    if layout is not None:
        return "qualtrics_tsv" if delimiter == "\t" else "qualtrics_csv"
    if is_surveymonkey(rows):
        return "surveymonkey_csv"
    if is_microsoft_forms(rows):
        return "microsoft_forms_csv"
    if is_google_forms(rows):
        return "google_forms_csv"
    return None


def _detect_workbook(path: Path) -> str:
    from evalkit.ingest._excel import read_excel_table, zip_names  # openpyxl is only needed for workbooks

    named_xlsx = path.suffix.lower() in WORKBOOK_EXTENSIONS
    try:
        names = zip_names(path)
    except InputFileError as exc:
        if named_xlsx:
            return "excel"  # a damaged workbook: the reader says what is wrong with its zip container
        raise InputFileError(path, Reason.unknown_format,
                             f"is a zip archive, not a known export, and {exc.issue.message}",
                             hint=f"{exc.hint}; " + _OVERRIDE) from None
    # An .xlsx whose zip directory lists nothing, or lost xl/workbook.xml but kept other xl/ parts,
    # is a damaged workbook: the reader names the missing part.
    damaged = named_xlsx and (not names or any(n.startswith("xl/") for n in names))
    if "xl/workbook.xml" not in names and not damaged:
        raise InputFileError(
            path, Reason.unknown_format, "is a zip archive but not an Excel workbook (no xl/workbook.xml)",
            hint="unzip it and read the export inside; " + _OVERRIDE,
        )
    try:
        rows = read_excel_table(path, max_rows=3).rows
    except InputFileError:
        return "excel"  # let the Excel reader report the damage with its own message
    if is_surveymonkey(rows):
        return "surveymonkey_xlsx"
    if is_google_forms(rows):
        return "google_forms_xlsx"
    return "excel"


def detect_format(path: str | Path) -> str:
    """Name the export format of ``path`` (one of ``FORMATS``) from its bytes and extension.

    Parameters
    ----------
    path : str or Path
        The raw export. It is only read.

    Returns
    -------
    str
        ``"spss"`` for .sav/.zsav, a platform format when the header matches a known layout
        (Qualtrics, SurveyMonkey, Google Forms, Microsoft Forms), else ``"excel"`` or ``"csv"``.

    Raises
    ------
    InputFileError
        ``missing_file``/``unreadable_file`` if it cannot be opened, ``empty_file`` for an empty
        file, ``unknown_format`` when the content is neither text, Excel nor SPSS (the message
        says what was seen and how to name the format with ``--format``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp()) / "export.csv"
    >>> _ = tmp.write_text("Timestamp,How useful was the session?\\n1/15/2025 21:53:05,Very\\n")
    >>> detect_format(tmp)
    'google_forms_csv'
    """
    p = check_readable(path)
    size = p.stat().st_size
    with open(p, "rb") as fh:
        head = fh.read(_HEAD)
    if not head:
        raise InputFileError(p, Reason.empty_file, "is empty (0 bytes)",
                             hint="export the survey again; the download may have failed")
    if head[:4] in SPSS_MAGICS:
        return "spss"
    if head[:4] == b"PK\x03\x04":
        return _detect_workbook(p)
    if head.startswith(OLE2_MAGIC) and p.suffix.lower() in WORKBOOK_EXTENSIONS:
        # Excel stores a password-protected .xlsx inside an OLE2 container.
        raise InputFileError(
            p, Reason.unknown_format, "is a password-protected (encrypted) Excel workbook, or an old .xls "
            "file renamed .xlsx; evalkit cannot read either",
            hint="open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with "
            "Password) and save it as .xlsx (Excel Workbook)",
        )
    if head.startswith(OLE2_MAGIC):
        raise InputFileError(
            p, Reason.unknown_format, "is an old binary Excel (.xls) or other OLE2 file, which evalkit does not read",
            hint="open it in Excel and save it as .xlsx (Excel Workbook) or CSV UTF-8",
        )
    text = decode_head(head, complete=size <= len(head))
    suffix = p.suffix.lower()
    if suffix in (".md", ".markdown") and text is not None:
        return "notes"
    if suffix == ".json" and text is not None and text.lstrip("\ufeff").lstrip()[:1] in ("[", "{"):
        return "json"
    if text is None or "\x00" in text:
        if suffix in TEXT_EXTENSIONS:
            return "csv"  # the CSV reader names the bad byte and how to fix the encoding
        raise InputFileError(
            p, Reason.unknown_format,
            f"is not a text, Excel (.xlsx) or SPSS (.sav) file (first bytes are binary, extension {suffix or 'none'!r})",
            hint=_OVERRIDE,
        )
    if not text.strip():
        raise InputFileError(p, Reason.empty_file, "contains only blank space",
                             hint="export the survey again; the download may have failed")
    delimiter = sniff_delimiter(text, suffix=suffix)
    rows = _first_records(text, delimiter)
    found = _from_rows(rows[:4], delimiter=delimiter)
    if found is not None:
        return found
    if suffix in TEXT_EXTENSIONS or (rows and len(rows[0]) > 1):
        return "csv"
    raise InputFileError(
        p, Reason.unknown_format,
        f"is text but not delimited data (extension {suffix or 'none'!r}, one column, no known survey header)",
        hint="save the export as CSV; " + _OVERRIDE,
    )
