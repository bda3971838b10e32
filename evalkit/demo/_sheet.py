"""Plumbing for the demo generator: tables that remember their seeded defects, and byte-stable writers.

A :class:`Sheet` is one raw file in the making: its header rows, its records in file order, and for
each record the defects seeded into it. Defects are tagged on the record itself, so re-sorting the
rows (Qualtrics sorts by RecordedDate) can never desynchronise the 1-based row numbers that end up
in ``MANIFEST.md`` and ``defects.json``.

Every writer here is deterministic: no wall-clock time, no hash-ordered iteration, fixed line
endings and encodings. That is what lets the committed files be compared byte for byte.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

__all__ = [
    "DEFECT_KINDS",
    "FIXED_TIMESTAMP",
    "Sheet",
    "DefectSpec",
    "stream",
    "pick",
    "write_csv",
    "write_xlsx",
    "patch_sav_timestamp",
    "compress_rows",
    "has_email_noise",
    "fill_text",
    "MONTH_ABBR",
    "MONTH_NAME",
    "us_datetime",
]

#: The vocabulary of ``kind`` in defects.json; the cleaning stage's data-quality log uses the same words.
DEFECT_KINDS: tuple[str, ...] = (
    "preview_response",
    "test_response",
    "duplicate_response",
    "partial_response",
    "speeder",
    "straight_liner",
    "withdrawn_participant",
    "non_substantive_code",
    "label_instead_of_code",
    "mixed_date_format",
    "renamed_column",
    "email_noise",
    "name_noise",
    "wrong_event",
    "small_group",
    "pii_in_free_text",
)

#: Stamped into every file format that records a creation time (xlsx core properties, sav header).
FIXED_TIMESTAMP = dt.datetime(2026, 6, 30, 12, 0, 0)


def stream(seed: int, name: str) -> np.random.Generator:
    """An independent random stream per component: editing one file's generator leaves other files alone.

    ``crc32`` (not ``hash``) because Python salts ``hash(str)`` per process.
    """
    return np.random.default_rng([seed, zlib.crc32(name.encode("utf-8"))])


def pick(rng: np.random.Generator, seq: Sequence[Any]) -> Any:
    """One element of ``seq`` as the original Python object (``rng.choice`` would give numpy scalars)."""
    return seq[int(rng.integers(len(seq)))]


@dataclass(frozen=True)
class DefectSpec:
    """What a defect tag means; the rows and cells come from the sheets' tags when the manifest is built.

    ``unit`` says what ``count`` counts: ``rows`` (records), ``cells`` (row x column), ``columns`` (a header)
    or ``groups`` (e.g. schools under the size threshold; then ``count`` is given explicitly).
    """

    key: str
    file: str
    kind: str
    description: str
    unit: str = "rows"
    count: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in DEFECT_KINDS:
            raise ValueError(f"DefectSpec kind must be one of DEFECT_KINDS; got {self.kind!r}")
        if self.unit not in ("rows", "cells", "columns", "groups"):
            raise ValueError(f"DefectSpec unit must be rows, cells, columns or groups; got {self.unit!r}")


@dataclass
class Sheet:
    """One raw file being built: header rows, records in file order, and per-record defect tags.

    Parameters
    ----------
    file : str
        Path relative to the demo folder (``participant_pre_qualtrics.csv``).
    columns : list of str
        The row-1 header; records are dicts keyed by these names.
    extra_header : list of list of str
        Further header rows (Qualtrics rows 2-3, SurveyMonkey row 2), written before the records.
    """

    file: str
    columns: list[str]
    extra_header: list[list[str]] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)
    tags: list[dict[str, list[str]]] = field(default_factory=list)
    header_tags: dict[str, list[str]] = field(default_factory=dict)
    #: Per record, the PII strings planted in its free-text cells (``{key, column, kind, text}``).
    spans: list[list[dict[str, str]]] = field(default_factory=list)
    #: Row-1 text when it differs from the record keys (SurveyMonkey repeats blanks in row 1).
    header_text: list[str] | None = None

    @property
    def n_header(self) -> int:
        return 1 + len(self.extra_header)

    def add(self, record: dict[str, Any]) -> int:
        unknown = [k for k in record if k not in self.columns]
        if unknown:
            raise KeyError(f"{self.file}: record has columns not in the header: {unknown}")
        self.records.append(record)
        self.tags.append({})
        self.spans.append([])
        return len(self.records) - 1

    def note(self, index: int, key: str, spans: list[dict[str, str]], column: str) -> None:
        """Tag a free-text cell as holding PII and remember the planted strings for defects.json."""
        if spans:
            self.tag(index, key, [column])
            self.spans[index].extend({"key": key, "column": column, **s} for s in spans)

    def tag(self, index: int, key: str, columns: Iterable[str] = ()) -> None:
        cols = self.tags[index].setdefault(key, [])
        for c in columns:
            if c not in self.columns:
                raise KeyError(f"{self.file}: cannot tag unknown column {c!r}")
            if c not in cols:
                cols.append(c)

    def tag_header(self, key: str, columns: Iterable[str]) -> None:
        self.header_tags[key] = list(columns)

    def tag_where(self, key: str, column: str, predicate: Callable[[Any], bool]) -> int:
        """Tag every record whose ``column`` value satisfies ``predicate``; returns how many were tagged."""
        n = 0
        for i, rec in enumerate(self.records):
            if predicate(rec.get(column)):
                self.tag(i, key, [column])
                n += 1
        return n

    def sort_by(self, key: Callable[[dict[str, Any]], Any]) -> None:
        """Reorder records and their tags together (a stable sort)."""
        order = sorted(range(len(self.records)), key=lambda i: key(self.records[i]))
        self.records = [self.records[i] for i in order]
        self.tags = [self.tags[i] for i in order]
        self.spans = [self.spans[i] for i in order]

    def file_row(self, index: int) -> int:
        """1-based row as a spreadsheet shows it: header rows count, one record is one row."""
        return self.n_header + index + 1

    def planted(self, key: str) -> list[dict[str, Any]]:
        """The PII strings planted under ``key``, each with its file row and column."""
        return [
            {"row": self.file_row(i), "column": s["column"], "kind": s["kind"], "text": s["text"]}
            for i, spans in enumerate(self.spans) for s in spans if s["key"] == key
        ]

    def tagged(self, key: str) -> list[tuple[int, list[str]]]:
        """``(file_row, columns)`` for every record tagged with ``key``, in file order."""
        return [(self.file_row(i), t[key]) for i, t in enumerate(self.tags) if key in t]


_NUM_OK = (int, np.integer)


def _cell_text(value: Any, file: str, column: str) -> str:
    # Floats are refused on purpose: their repr differs across numpy/Python versions and platforms,
    # so callers format them (f"{x:.1f}") before they reach the writer.
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise TypeError(f"{file}: column {column!r} holds a bool; write 'Y'/'N' or 1/0 explicitly")
    if isinstance(value, _NUM_OK):
        return str(int(value))
    raise TypeError(f"{file}: column {column!r} holds {type(value).__name__}; format it as text first")


def write_csv(sheet: Sheet, path: Path, *, bom: bool = False, crlf: bool = True) -> Path:
    """Write ``sheet`` as CSV: UTF-8 (BOM when the vendor writes one), minimal quoting, fixed newlines."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n" if crlf else "\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(sheet.header_text or sheet.columns)
    for extra in sheet.extra_header:
        writer.writerow(extra)
    for rec in sheet.records:
        writer.writerow([_cell_text(rec.get(c), sheet.file, c) for c in sheet.columns])
    data = buf.getvalue().encode("utf-8")
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def write_xlsx(sheet: Sheet, path: Path, *, sheet_name: str, author: str) -> Path:
    """Write ``sheet`` as a one-sheet .xlsx whose bytes do not depend on when it was written.

    In memory mode XlsxWriter stamps every zip member 1980-01-01 00:00 (file mode goes through temp
    files and the local clock's ``mktime``); the document's created/modified time comes from
    ``set_properties``, which we pin to :data:`FIXED_TIMESTAMP`.
    """
    import xlsxwriter  # imported here: only this writer needs it

    path.parent.mkdir(parents=True, exist_ok=True)
    # strings_to_* off: an e-mail or "=..." typed by a registrant must stay the literal text.
    wb = xlsxwriter.Workbook(
        str(path),
        {"in_memory": True, "strings_to_urls": False, "strings_to_formulas": False,
         "strings_to_numbers": False},
    )
    wb.set_properties({"created": FIXED_TIMESTAMP, "author": author, "title": sheet_name})
    ws = wb.add_worksheet(sheet_name)
    bold = wb.add_format({"bold": True})
    date_fmt = wb.add_format({"num_format": "m/d/yyyy"})
    for j, c in enumerate(sheet.columns):
        ws.write_string(0, j, c, bold)
    for i, rec in enumerate(sheet.records, start=sheet.n_header):
        for j, c in enumerate(sheet.columns):
            v = rec.get(c)
            if v is None or v == "":
                continue
            if isinstance(v, dt.date):
                ws.write_datetime(i, j, dt.datetime(v.year, v.month, v.day), date_fmt)
            elif isinstance(v, str):
                ws.write_string(i, j, v)
            elif isinstance(v, _NUM_OK):
                ws.write_number(i, j, int(v))
            else:
                raise TypeError(f"{sheet.file}: column {c!r} holds {type(v).__name__}")
    ws.freeze_panes(1, 0)
    wb.close()
    return path


# SPSS .sav header ("$FL2" record): creation date at byte 92 (9 chars "dd Mmm yy"), time at 101 (8 chars).
_SAV_DATE = slice(92, 101)
_SAV_TIME = slice(101, 109)


def patch_sav_timestamp(path: Path, when: dt.datetime = FIXED_TIMESTAMP) -> Path:
    """Overwrite the creation date/time that ReadStat writes into a .sav header with ``when``."""
    data = bytearray(path.read_bytes())
    if data[:4] != b"$FL2":
        raise ValueError(f"{path}: not an uncompressed SPSS .sav file (header {bytes(data[:4])!r})")
    data[_SAV_DATE] = f"{when.day:02d} {MONTH_ABBR[when.month - 1]} {when.year % 100:02d}".encode("ascii")
    data[_SAV_TIME] = f"{when.hour:02d}:{when.minute:02d}:{when.second:02d}".encode("ascii")
    path.write_bytes(bytes(data))
    return path


def compress_rows(rows: Sequence[int]) -> str:
    """``[4, 5, 9]`` -> ``"4-5, 9"`` for the manifest table."""
    rows = sorted(set(rows))
    parts: list[str] = []
    i = 0
    while i < len(rows):
        j = i
        while j + 1 < len(rows) and rows[j + 1] == rows[j] + 1:
            j += 1
        parts.append(str(rows[i]) if i == j else f"{rows[i]}-{rows[j]}")
        i = j + 1
    return ", ".join(parts)




def has_email_noise(value: Any) -> bool:
    """Leading/trailing whitespace or upper case in an e-mail: fixable by ``strip().lower()``."""
    return isinstance(value, str) and value != "" and value != value.strip().lower()


_FIELD = re.compile(r"\{(\w+)\}")


def fill_text(template: str, values: dict[str, tuple[str, str | None]]) -> tuple[str, list[dict[str, str]]]:
    """Fill ``{field}`` placeholders and report which inserted strings are PII.

    ``values`` maps a field to ``(text, pii_kind)``; ``pii_kind`` None means the text is not
    personal (a topic, a grade). The spans let defects.json list every planted identifier, so the
    anonymizer's recall can be measured exactly on the demo corpus.
    """
    spans: list[dict[str, str]] = []

    def repl(m: re.Match[str]) -> str:
        text, kind = values[m.group(1)]
        if kind is not None:
            spans.append({"kind": kind, "text": text})
        return text

    return _FIELD.sub(repl, template), spans


# Month names and AM/PM spelled out here, not via strftime("%b"/"%p"), which follow the C locale
# and would change the bytes on a machine that calls setlocale().
MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAME = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")


def us_datetime(t: dt.datetime, *, seconds: bool = True, pad: bool = True) -> str:
    """``09/16/2025 03:27:44 PM`` (Zoom, SurveyMonkey); ``pad=False`` gives ``9/16/2025 3:27:44 PM``."""
    hour = t.hour % 12 or 12
    ampm = "AM" if t.hour < 12 else "PM"
    date = f"{t.month:02d}/{t.day:02d}/{t.year}" if pad else f"{t.month}/{t.day}/{t.year}"
    clock = f"{hour:02d}:{t.minute:02d}" if pad else f"{hour}:{t.minute:02d}"
    return f"{date} {clock}{f':{t.second:02d}' if seconds else ''} {ampm}"
