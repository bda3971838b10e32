"""Microsoft Forms responses saved as CSV (``Id,Start time,Completion time,Email,Name,...``).

Forms itself downloads .xlsx; the CSV files met in practice are that workbook re-saved by Excel,
often as Windows-1252 rather than UTF-8 (the shared decoder detects that and records it). One header
row, data from row 2; ``Email`` is ``anonymous`` when the form did not collect identities.

Column names follow the Google Forms rule: snake_case slugs of the header, at most 48 characters
(``id``, ``start_time``, ``completion_time``, ``email``, ``name``, ``what_is_your_major``), with
the full question text in ``ColumnMeta.text``.
"""

from __future__ import annotations

from pathlib import Path

from evalkit._io import check_readable
from evalkit.ingest._build import build_one_header_row
from evalkit.ingest._load import load_rows
from evalkit.ingest._table import SurveyData

__all__ = ["read_microsoft_forms"]


def read_microsoft_forms(path: str | Path, *, encoding: str | None = None) -> SurveyData:
    """Read a Microsoft Forms CSV export.

    Parameters
    ----------
    path : str or Path
        The export, opened read-only.
    encoding : str, optional
        Text encoding; by default strict UTF-8, else a guess among cp1252, latin-1 and UTF-16.

    Returns
    -------
    SurveyData
        The first response is ``source_row`` 2; ``source.encoding`` says how it was decoded.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp()) / "forms.csv"
    >>> _ = tmp.write_bytes("Id,Start time,Completion time,Email,Name,What’s your role?\\n"
    ...                     "1,9/1/2024 11:27,9/1/2024 11:28,anonymous,,Principal\\n".encode("cp1252"))
    >>> survey = read_microsoft_forms(tmp)
    >>> survey.source.encoding, survey.question_text("what_s_your_role")
    ('cp1252', 'What’s your role?')
    """
    p = check_readable(path)
    loaded = load_rows(p, excel=False, encoding=encoding)
    return build_one_header_row(p, loaded, fmt="microsoft_forms_csv")
