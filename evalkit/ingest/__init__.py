"""Ingest: read a raw survey export, whatever platform wrote it, into one :class:`SurveyData`.

:func:`read_export` detects the format (:func:`detect_format`) and calls the platform's reader:

- ``qualtrics_csv``, ``qualtrics_tsv``: Qualtrics, 3 header rows (or 2 in a legacy export),
  :mod:`evalkit.ingest.qualtrics`;
- ``surveymonkey_csv``, ``surveymonkey_xlsx``: SurveyMonkey, 2 header rows,
  :mod:`evalkit.ingest.surveymonkey`;
- ``google_forms_csv``, ``google_forms_xlsx``: Google Forms and the Sheets download,
  :mod:`evalkit.ingest.google_forms`;
- ``microsoft_forms_csv``: Microsoft Forms re-saved as CSV, :mod:`evalkit.ingest.microsoft_forms`;
- ``spss``: .sav/.zsav, Qualtrics' SPSS export included, :mod:`evalkit.ingest.spss`;
- ``csv``, ``excel``: any other table (rosters, state files), :mod:`evalkit.ingest.tabular`.

Raw files are only ever opened for reading; their SHA-256 is recorded in ``SourceMeta``. Every
problem a user can cause raises :class:`~evalkit.errors.InputFileError` with a reason code, the
file, the row/column where known and a hint, and never a cell's value. Million-row state CSV files
have a faster path that returns a pyarrow table: :func:`read_large_csv`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from evalkit._lazy import lazy_getattr

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from evalkit.ingest._detect import detect_format
    from evalkit.ingest._dispatch import read_export
    from evalkit.ingest._table import FORMATS, ColumnMeta, MissingRange, SourceMeta, SurveyData
    from evalkit.ingest.google_forms import read_google_forms
    from evalkit.ingest.large import read_large_csv
    from evalkit.ingest.microsoft_forms import read_microsoft_forms
    from evalkit.ingest.qualtrics import read_qualtrics
    from evalkit.ingest.spss import read_spss
    from evalkit.ingest.surveymonkey import read_surveymonkey
    from evalkit.ingest.notes import read_json_records, read_notes
    from evalkit.ingest.tabular import read_tabular

__all__ = [
    "read_export",
    "detect_format",
    "read_large_csv",
    "read_qualtrics",
    "read_surveymonkey",
    "read_google_forms",
    "read_microsoft_forms",
    "read_spss",
    "read_tabular",
    "read_notes",
    "read_json_records",
    "FORMATS",
    "SurveyData",
    "ColumnMeta",
    "SourceMeta",
    "MissingRange",
]

# Names are imported on first use (PEP 562), so ``evalkit.ingest.large``, the million-row path,
# does not pay for pandas, openpyxl and pyreadstat it never uses.
_HOME = {
    "read_export": "_dispatch",
    "detect_format": "_detect",
    "read_large_csv": "large",
    "read_qualtrics": "qualtrics",
    "read_surveymonkey": "surveymonkey",
    "read_google_forms": "google_forms",
    "read_microsoft_forms": "microsoft_forms",
    "read_spss": "spss",
    "read_tabular": "tabular",
    "read_notes": "notes",
    "read_json_records": "notes",
    "FORMATS": "_table",
    "SurveyData": "_table",
    "ColumnMeta": "_table",
    "SourceMeta": "_table",
    "MissingRange": "_table",
}


__getattr__ = lazy_getattr(__name__, _HOME, globals())


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
