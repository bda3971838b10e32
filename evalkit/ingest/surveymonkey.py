"""SurveyMonkey exports (CSV or XLSX, "expanded" or "condensed" columns, two header rows).

Row 1 holds the question text, written only over a question's *first* column: the columns that
follow for a matrix or multi-select question are blank in row 1. Row 2 holds a sub-header for each
question column: ``Response`` or ``Open-Ended Response`` for a one-column question, the choice
label for a multi-select ("expanded" columns; "condensed" columns put a multi-select in one
``Response`` column, the answers joined by commas), the row label for a matrix, ``Other (please
specify)`` for a comment box. The respondent metadata columns come first (``Respondent ID``,
``Collector ID``, ``Start Date``...; ``RespondentID``, ``CollectorID``, ``StartDate``... in legacy
exports; none when the download left them out) and have a blank row 2. Data starts on row 3.

The export is recognised by that second row (:func:`~evalkit.ingest._detect.is_surveymonkey`),
whatever the metadata columns are, so row 1 is never mistaken for a title above a one-row header.

Column names (stable for a given export):

- metadata columns: the snake_case header (``respondent_id``, ``start_date``, ``custom_data_1``),
  legacy headers under their current names (``RespondentID`` → ``respondent_id``, ``LastName`` →
  ``last_name``);
- question *n* (counted left to right, as SurveyMonkey numbers them) with one column: ``q<n>``;
- a question with several columns: ``q<n>_<sub-header slug>`` (``q5_time_was_well_spent``,
  ``q6_coaching_visits``, ``q3_other_please_specify``), except that a first column headed
  ``Response`` stays ``q<n>``.

``ColumnMeta.text`` keeps the full question text, joined to the sub-header by ``" - "`` when the
question has several columns; ``ColumnMeta.original`` is the row-1 and row-2 cells of the column,
one per line (a blank one left out).
"""

from __future__ import annotations

from pathlib import Path

from evalkit._io import check_readable
from evalkit.errors import InputFileError, Reason
from evalkit.ingest._build import build_survey_data, check_header_rows, pad_rows, unique_columns
from evalkit.ingest._detect import has_surveymonkey_ids, is_surveymonkey, surveymonkey_metadata_width
from evalkit.ingest._load import load_rows
from evalkit.ingest._names import clean_header, slugify
from evalkit.ingest._table import ColumnMeta, SurveyData

__all__ = ["read_surveymonkey"]

_SINGLE = {"response", "open-ended response"}
#: Legacy (before 2014) metadata headers → the names of the current ones.
_LEGACY_NAMES = {"respondentid": "respondent_id", "collectorid": "collector_id", "startdate": "start_date",
                 "enddate": "end_date", "firstname": "first_name", "lastname": "last_name"}
_EXPORT_AGAIN = "export the responses again from SurveyMonkey (All individual responses)"


def read_surveymonkey(
    path: str | Path, *, sheet: str | int | None = None, encoding: str | None = None
) -> SurveyData:
    """Read a SurveyMonkey CSV or XLSX export with its two header rows.

    Parameters
    ----------
    path : str or Path
        The export (.csv or .xlsx, told apart by content), opened read-only.
    sheet : str or int, optional
        Sheet name or 0-based position, for an .xlsx export; the first sheet by default.
    encoding : str, optional
        Text encoding of a CSV export (see :func:`evalkit.ingest.read_export`).

    Returns
    -------
    SurveyData
        Names as in the module docstring; the first response is ``source_row`` 3.

    Raises
    ------
    InputFileError
        ``wrong_format`` if rows 1-2 are not SurveyMonkey's header rows; ``broken_header`` if row 1
        names SurveyMonkey's ``Respondent ID`` and ``Collector ID`` but row 2 is missing, cut short
        or not its sub-header row; ``empty_file`` if no response follows.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp()) / "sm.csv"
    >>> _ = tmp.write_text(
    ...     "Respondent ID,Collector ID,How satisfied were you?,Which sessions did you attend?,\\n"
    ...     ",,Response,Coaching,Workshops\\n"
    ...     "114,431,Very,Coaching,\\n")
    >>> list(read_surveymonkey(tmp).data.columns)
    ['respondent_id', 'collector_id', 'q1', 'q2_coaching', 'q2_workshops']
    """
    p = check_readable(path)
    loaded = load_rows(p, sheet=sheet, encoding=encoding)
    rows = loaded.rows
    fmt = "surveymonkey_xlsx" if loaded.excel else "surveymonkey_csv"
    if not is_surveymonkey(rows):
        raise InputFileError(
            p, Reason.wrong_format,
            "rows 1-2 are not SurveyMonkey's header rows (row 1: the metadata headers such as 'Respondent "
            "ID' and the question texts; row 2: 'Response', 'Open-Ended Response' or a choice label under "
            "every question)", row=1,
            hint=f"leave --format out to let evalkit detect the format, or {_EXPORT_AGAIN}",
        )
    if not _has_subheader_row(rows):
        # Row 1 names SurveyMonkey's columns, but row 2 is a response or was removed.
        raise InputFileError(
            p, Reason.broken_header, "row 2, SurveyMonkey's sub-header row (blank under the metadata "
            "columns; Response, Open-Ended Response or a choice label under every question), is missing "
            "or damaged", row=2,
            hint=f"{_EXPORT_AGAIN} and do not edit the first two rows; or read it as a plain table with "
            "--format csv",
        )
    if loaded.excel:
        header = pad_rows(rows[:2])
    else:
        width = check_header_rows(p, rows[:2])
        header = [r[:width] + [""] * (width - len(r)) for r in rows[:2]]
    notes = list(loaded.notes)
    columns = unique_columns(_columns(header[0], header[1]), notes)
    return build_survey_data(
        p, fmt=fmt, rows=rows, header_rows=2, columns=columns, sha256=loaded.sha256,
        encoding=loaded.encoding, sheet=loaded.sheet, sheets=loaded.sheets, notes=notes,
        excel=loaded.excel, truncated=not loaded.ends_with_newline and len(rows) <= 2,
    )


def _has_subheader_row(rows: list[list[str]]) -> bool:
    if len(rows) < 2:
        return False
    if surveymonkey_metadata_width(rows[0], rows[1]) is not None:
        return True
    # Row 1 has SurveyMonkey's id columns: row 2 is its sub-header row if it is blank under the
    # Respondent ID (a value there makes it a response) and not blank throughout. A question column
    # without a sub-header (an image choice with no label) is read with the question text alone.
    return has_surveymonkey_ids(rows) and rows[1][:1] in ([], [""]) and any(c.strip() for c in rows[1])


def _columns(top: list[str], sub: list[str]) -> list[ColumnMeta]:
    # Group the columns: metadata columns, then questions each spanning 1+ columns.
    groups: list[tuple[int, str, list[int]]] = []  # (question number or 0, text, positions)
    n_question = 0
    for j in range(len(top)):
        question, label = clean_header(top[j]), clean_header(sub[j])
        if question and not label and n_question == 0:
            groups.append((0, question, [j]))
        elif question:
            n_question += 1
            groups.append((n_question, question, [j]))
        elif label and groups and groups[-1][0] > 0:
            groups[-1][2].append(j)  # a matrix row or a choice of the question to the left
        else:
            groups.append((0, "", [j]))
    columns: list[ColumnMeta] = [ColumnMeta(name="", original="")] * len(top)
    for number, question, positions in groups:
        for k, j in enumerate(positions, start=1):
            label = clean_header(sub[j])
            # Two header rows: the original is both cells, one per line, as a spreadsheet stacks them.
            original = "\n".join(c for c in (top[j], sub[j]) if c)
            if number == 0:
                slug = slugify(question)
                name, text = _LEGACY_NAMES.get(slug, slug) or f"unnamed_{j + 1}", question or None
            elif len(positions) == 1 or (k == 1 and label.lower() == "response"):
                name = f"q{number}"
                text = question if label.lower() in _SINGLE | {""} else f"{question} - {label}"
            else:
                name = f"q{number}_{slugify(label, max_len=40) or k}"
                text = f"{question} - {label}" if label else question
            columns[j] = ColumnMeta(name=name, original=original, text=text)
    return columns
