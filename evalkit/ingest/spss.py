"""SPSS data files (.sav, and zlib-compressed .zsav), including Qualtrics' SPSS export.

Read with pyreadstat and ``user_missing=True``: a code the file declares missing (``-1``,
``999``, or a range such as ``2000 thru 3000``) stays visible in ``data`` as the value it is, and
the declaration is kept in ``ColumnMeta.missing_codes`` (a range as a
:class:`~evalkit.ingest.MissingRange`), so the cleaning stage can decide what it means and
report it. Values are *not* replaced by their labels: labels go to ``ColumnMeta.value_labels``,
variable labels (the question text in a Qualtrics .sav) to ``ColumnMeta.text``.

Column names are the SPSS variable names, unchanged (they are already unique identifiers).
Types are the ones the file declares (numbers, dates, text); an empty string is missing, as in
the other readers. SPSS has no header row: ``source_row`` is the case number (row 1 of Data View
is the first case) and ``SourceMeta.header_rows`` is 0.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pyreadstat

from evalkit._io import check_readable, sha256_file
from evalkit.errors import InputFileError, Reason
from evalkit.ingest._detect import SPSS_MAGICS
from evalkit.ingest._savcheck import check_sav_dictionary
from evalkit.ingest._table import ColumnMeta, MissingRange, SourceMeta, SurveyData

__all__ = ["read_spss"]

_DAMAGED = "export the .sav file again (File → Save As → SPSS Statistics), or from Qualtrics: Export Data → SPSS"


def _missing_codes(ranges: list[dict[str, Any]]) -> tuple[Any, ...]:
    codes: list[Any] = []
    for r in ranges:
        lo, hi = r.get("lo"), r.get("hi")
        codes.append(lo if lo == hi else MissingRange(lo, hi))
    return tuple(codes)


def read_spss(path: str | Path, *, encoding: str | None = None) -> SurveyData:
    """Read an SPSS .sav/.zsav file with its labels and user-missing declarations.

    Parameters
    ----------
    path : str or Path
        The data file, opened read-only.
    encoding : str, optional
        Character encoding of a file whose header does not state it correctly (old SPSS
        versions); by default the file's own.

    Returns
    -------
    SurveyData
        ``data`` indexed by case number (``source_row``), one :class:`ColumnMeta` per variable
        with its label (``text``), value labels and declared missing codes; multiple-response sets
        are described in ``source.notes``.

    Raises
    ------
    InputFileError
        ``wrong_format`` if the file is not SPSS, ``unreadable_file`` if it is damaged or truncated,
        ``empty_file`` if it has no cases.

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd, pyreadstat
    >>> tmp = pathlib.Path(tempfile.mkdtemp()) / "survey.sav"
    >>> pyreadstat.write_sav(pd.DataFrame({"q1": [1.0, 2.0, -9.0]}), str(tmp),
    ...                      column_labels={"q1": "The session was useful"},
    ...                      variable_value_labels={"q1": {1.0: "Agree", 2.0: "Disagree"}},
    ...                      missing_ranges={"q1": [-9.0]})
    >>> survey = read_spss(tmp)
    >>> survey.question_text("q1"), survey.value_labels("q1"), survey.columns["q1"].missing_codes
    ('The session was useful', {1.0: 'Agree', 2.0: 'Disagree'}, (-9.0,))
    """
    p = check_readable(path)
    with open(p, "rb") as fh:
        magic = fh.read(4)
    if magic not in SPSS_MAGICS:
        raise InputFileError(p, Reason.wrong_format, "is not an SPSS data file (.sav/.zsav)",
                             hint="leave --format out to let evalkit detect the format")
    sha = sha256_file(p)
    check_sav_dictionary(p, encoding=encoding)  # ReadStat crashes the process on some damaged dictionaries
    try:
        df, meta = pyreadstat.read_sav(str(p), user_missing=True, encoding=encoding)
    except Exception as exc:  # noqa: BLE001 - ReadstatError, PyreadstatError, UnicodeError, ...
        raise InputFileError(
            p, Reason.unreadable_file,
            f"could not be read as SPSS data ({type(exc).__name__}): the file looks damaged or truncated"
            + (", or encoding= is wrong" if encoding else ""), hint=_DAMAGED,
        ) from exc
    if len(df) == 0:
        raise InputFileError(p, Reason.empty_file, "has variables but no cases (0 rows)",
                             row=1, hint="check that the export includes responses")
    labels = meta.column_names_to_labels or {}
    value_labels = meta.variable_value_labels or {}
    ranges = meta.missing_ranges or {}
    columns = {
        name: ColumnMeta(
            name=name, original=name, text=labels.get(name) or None,
            value_labels=dict(value_labels.get(name, {})),
            missing_codes=_missing_codes(ranges.get(name, [])),
        )
        for name in df.columns
    }
    for name in df.columns:
        # Text variables: SPSS has no missing string, only an empty one; other readers call it NA.
        if pd.api.types.is_string_dtype(df[name].dtype):
            df[name] = df[name].mask(df[name] == "")
    df.index = pd.RangeIndex(1, len(df) + 1, name="source_row")
    notes = [f"multiple-response set {name!r} ({'dichotomy' if s.get('is_dichotomy') else 'categories'}"
             + (f", counted value {s.get('counted_value')}" if s.get("is_dichotomy") else "")
             + f"): {', '.join(s.get('variable_list', []))}"
             for name, s in (getattr(meta, "mr_sets", None) or {}).items()]
    if {"ResponseId", "StartDate"} <= set(df.columns):
        notes.append("Qualtrics SPSS export: variable labels hold the question text")
    source = SourceMeta(
        path=str(p), sha256=sha, format="spss", encoding=meta.file_encoding, header_rows=0,
        n_rows=len(df), notes=tuple(notes),
    )
    return SurveyData(data=df, columns=columns, source=source)
