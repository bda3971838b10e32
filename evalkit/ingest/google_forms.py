"""Google Forms responses: the CSV download and the Google Sheets .xlsx download.

One header row: ``Timestamp`` (in the form owner's language) and then each question's full text
(``What is your field of study or major?``; a grid question gives ``Rate these [Row label]``).
Data starts on row 2. In the .xlsx download the timestamp is a real date cell (read as ISO 8601
text, milliseconds kept) and numeric answers are numbers (read as their shortest text).

Column names are snake_case slugs of the header, cut at a word boundary to at most 48 characters
(``timestamp``, ``what_is_your_field_of_study_or_major``); repeated slugs get ``_2``, ``_3``. The
full question text is kept in ``ColumnMeta.text``.
"""

from __future__ import annotations

from pathlib import Path

from evalkit._io import check_readable
from evalkit.ingest._build import build_one_header_row
from evalkit.ingest._load import load_rows
from evalkit.ingest._table import SurveyData

__all__ = ["read_google_forms"]


def read_google_forms(
    path: str | Path, *, sheet: str | int | None = None, encoding: str | None = None
) -> SurveyData:
    """Read a Google Forms response export (CSV, or the Sheets .xlsx download).

    Parameters
    ----------
    path : str or Path
        The export, opened read-only; CSV or .xlsx is told apart by content.
    sheet : str or int, optional
        Sheet name or 0-based position for .xlsx (default: the first, usually "Form Responses 1").
    encoding : str, optional
        Text encoding of a CSV download (see :func:`evalkit.ingest.read_export`).

    Returns
    -------
    SurveyData
        The first response is ``source_row`` 2.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp()) / "responses.csv"
    >>> _ = tmp.write_text("Timestamp,What is your role?\\n1/15/2025 21:53:05,Principal\\n")
    >>> survey = read_google_forms(tmp)
    >>> list(survey.data.columns), survey.question_text("what_is_your_role")
    (['timestamp', 'what_is_your_role'], 'What is your role?')
    """
    p = check_readable(path)
    loaded = load_rows(p, sheet=sheet, encoding=encoding)
    return build_one_header_row(p, loaded, fmt="google_forms_xlsx" if loaded.excel else "google_forms_csv")
