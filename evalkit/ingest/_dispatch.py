"""``read_export``: check the arguments, detect the format, call the platform's reader."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from evalkit._io import check_readable
from evalkit.errors import InputFileError, Reason
from evalkit.ingest._detect import OLE2_MAGIC, SPSS_MAGICS, detect_format
from evalkit.ingest._excel import XLSX_MAGIC
from evalkit.ingest._table import FORMATS, SurveyData
from evalkit.ingest.notes import read_json_records, read_notes
from evalkit.ingest._text import check_codec
from evalkit.ingest.google_forms import read_google_forms
from evalkit.ingest.microsoft_forms import read_microsoft_forms
from evalkit.ingest.qualtrics import read_qualtrics
from evalkit.ingest.spss import read_spss
from evalkit.ingest.surveymonkey import read_surveymonkey
from evalkit.ingest.tabular import read_tabular

__all__ = ["read_export"]

_Reader = Callable[[Path, "str | int | None", "str | None"], SurveyData]

#: format name -> reader(path, sheet, encoding). Sheets only reach readers of workbook formats.
_READERS: dict[str, _Reader] = {
    "qualtrics_csv": lambda p, s, e: read_qualtrics(p, delimiter=",", encoding=e),
    "qualtrics_tsv": lambda p, s, e: read_qualtrics(p, delimiter="\t", encoding=e),
    "surveymonkey_csv": lambda p, s, e: read_surveymonkey(p, encoding=e),
    "surveymonkey_xlsx": lambda p, s, e: read_surveymonkey(p, sheet=s),
    "google_forms_csv": lambda p, s, e: read_google_forms(p, encoding=e),
    "google_forms_xlsx": lambda p, s, e: read_google_forms(p, sheet=s),
    "microsoft_forms_csv": lambda p, s, e: read_microsoft_forms(p, encoding=e),
    "spss": lambda p, s, e: read_spss(p, encoding=e),
    "csv": lambda p, s, e: read_tabular(p, excel=False, encoding=e),
    "excel": lambda p, s, e: read_tabular(p, excel=True, sheet=s),
    "notes": lambda p, s, e: read_notes(p, encoding=e),
    "json": lambda p, s, e: read_json_records(p, encoding=e),
}
_WORKBOOK_FORMATS = frozenset({"surveymonkey_xlsx", "google_forms_xlsx", "excel"})


def _kind_of_bytes(path: Path) -> str:
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head[:4] == XLSX_MAGIC:
        return "an Excel workbook (or another zip archive)"
    if head[:4] in SPSS_MAGICS:
        return "an SPSS data file"
    if head.startswith(OLE2_MAGIC):
        return "an old binary Office file (.xls)"
    return "text"


def _check_arguments(p: Path, fmt: str, sheet: str | int | None, encoding: str | None) -> None:
    """Refuse contradictory arguments instead of ignoring one of them."""
    kind = _kind_of_bytes(p)
    wants = "spss" if fmt == "spss" else "workbook" if fmt in _WORKBOOK_FORMATS else "text"
    has = {"an SPSS data file": "spss", "text": "text"}.get(kind, "workbook")
    if wants != has:
        try:
            detected = f"; detect_format says {detect_format(p)!r}"
        except InputFileError:
            detected = ""
        raise InputFileError(
            p, Reason.wrong_format, f"format={fmt!r} was given, but the file is {kind}",
            hint=f"leave --format out to detect it{detected}",
        )
    if sheet is not None and fmt not in _WORKBOOK_FORMATS:
        raise InputFileError(p, Reason.wrong_format, f"sheet= applies to Excel workbooks, not to format {fmt!r}",
                             hint="leave --sheet out")
    if encoding is not None and fmt in _WORKBOOK_FORMATS:
        raise InputFileError(p, Reason.wrong_format, "encoding= applies to text files; an Excel workbook "
                             "records its own", hint="leave the encoding out for workbooks (--encoding, sources[].encoding)")
    if encoding is not None:
        check_codec(p, encoding)


def read_export(
    path: str | Path,
    *,
    format: str | None = None,  # noqa: A002 - the CLI option is --format
    sheet: str | int | None = None,
    encoding: str | None = None,
) -> SurveyData:
    """Read a raw survey export into a :class:`SurveyData`, detecting its format.

    Parameters
    ----------
    path : str or Path
        The raw export. It is opened read-only and never modified.
    format : str, optional
        One of :data:`FORMATS`, to skip detection. It must fit the file: naming a workbook
        format for a text file (or the reverse), or ``qualtrics_csv`` for a file without a
        Qualtrics header, raises ``wrong_format``.
    sheet : str or int, optional
        For workbooks: a sheet name or 0-based position. By default the first sheet is read and,
        if there are others, ``source.notes`` lists them (``source.sheets`` has every name).
    encoding : str, optional
        For text files: the encoding to decode with, strictly. By default a byte-order mark
        decides, else strict UTF-8, else charset-normalizer's best guess among cp1252, latin-1
        and UTF-16 (recorded in ``source.encoding`` with a note).

    Returns
    -------
    SurveyData
        ``data`` (text columns, ``source_row`` index: the 1-based row as a spreadsheet shows the
        file), ``columns`` (one :class:`ColumnMeta` per column) and ``source`` (path, SHA-256,
        format, encoding, header rows, sheet, row count, notes).

    Raises
    ------
    InputFileError
        With ``reason`` one of ``missing_file``, ``unreadable_file``, ``unknown_format``,
        ``wrong_format``, ``empty_file``, ``broken_header``, ``encoding``, ``duplicate_column``.

    See Also
    --------
    detect_format : the detection step alone.
    read_large_csv : million-row CSV files into a pyarrow table.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp()) / "roster.csv"
    >>> _ = tmp.write_text("participant_id,district_code\\nP001,0010\\nP002,0420\\n")
    >>> survey = read_export(tmp)
    >>> survey.source.format, survey.data.index.tolist(), survey.data["district_code"].tolist()
    ('csv', [2, 3], ['0010', '0420'])
    """
    p = check_readable(path)
    if format is not None and format not in FORMATS:
        raise InputFileError(
            p, Reason.unknown_format, f"format={format!r} is not a format evalkit reads",
            hint=f"use one of: {', '.join(FORMATS)}; or leave --format out to detect it",
        )
    fmt = format or detect_format(p)
    _check_arguments(p, fmt, sheet, encoding)
    return _READERS[fmt](p, sheet, encoding)
