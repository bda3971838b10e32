"""Free-text notes (Markdown case-study and site-visit notes) and JSON record files.

Notes are read one row per line (``source_row`` = the line number), into a single ``text`` column,
so the same redaction and quality rules that handle survey comments can handle them. JSON files
must hold a list of flat records (objects); each becomes a row (``source_row`` = record number).
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from evalkit._io import check_readable, sha256_file
from evalkit.errors import InputFileError, Reason
from evalkit.ingest._names import clean_header, dedupe
from evalkit.ingest._table import ColumnMeta, SourceMeta, SurveyData
from evalkit.ingest._text import decode_bytes

__all__ = ["read_notes", "read_json_records"]


def read_notes(path: str | Path, *, encoding: str | None = None) -> SurveyData:
    """Read a text or Markdown note: one row per line, in a ``text`` column.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "visit.md"
    >>> _ = p.write_text("# Site visit\\n\\nThe team met on Tuesday.\\n")
    >>> sd = read_notes(p)
    >>> sd.source.format, sd.data.loc[3, "text"]
    ('notes', 'The team met on Tuesday.')
    """
    p = check_readable(path)
    raw = p.read_bytes()
    text, used, notes = decode_bytes(raw, p, encoding=encoding)
    lines = text.lstrip("\ufeff").splitlines()
    if not any(line.strip() for line in lines):
        raise InputFileError(p, Reason.empty_file, "contains no text", hint="check the file was saved")
    data = pd.DataFrame({"text": lines}, index=pd.RangeIndex(1, len(lines) + 1, name="source_row"), dtype=object)
    data = data[data["text"].str.strip() != ""]
    meta = SourceMeta(path=str(p), sha256=sha256_file(p), format="notes", encoding=used, header_rows=0,
                      n_rows=len(data), notes=tuple(notes))
    return SurveyData(data, {"text": ColumnMeta(name="text", original="(line)", text="Note text")}, meta)


def read_json_records(path: str | Path, *, encoding: str | None = None) -> SurveyData:
    """Read a JSON file holding a list of flat records (values kept as text)."""
    p = check_readable(path)
    text, used, notes = decode_bytes(p.read_bytes(), p, encoding=encoding)
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputFileError(p, Reason.broken_header, "is not valid JSON", row=exc.lineno,
                             hint="check the file is complete; JSON must be one list of records") from None
    if isinstance(payload, dict):
        lists = [v for v in payload.values() if isinstance(v, list)]
        payload = lists[0] if len(lists) == 1 else payload
    if not isinstance(payload, list) or not all(isinstance(r, dict) for r in payload):
        raise InputFileError(p, Reason.wrong_format, "is JSON but not a list of records",
                             hint="save the data as a list of objects, or as CSV")
    if not payload:
        raise InputFileError(p, Reason.empty_file, "holds no records", hint="check the export")
    frame = pd.DataFrame.from_records(payload)
    originals = [str(c) for c in frame.columns]
    names = dedupe([clean_header(c) or f"unnamed_{j}" for j, c in enumerate(originals, start=1)])
    frame.columns = names
    frame = frame.map(lambda v: v if v is None or isinstance(v, str) else json.dumps(v) if isinstance(v, (list, dict)) else str(v))
    frame.index = pd.RangeIndex(1, len(frame) + 1, name="source_row")
    meta = SourceMeta(path=str(p), sha256=sha256_file(p), format="json", encoding=used, header_rows=0,
                      n_rows=len(frame), notes=tuple(notes))
    return SurveyData(frame, {n: ColumnMeta(name=n, original=o) for n, o in zip(names, originals)}, meta)
