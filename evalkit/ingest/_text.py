"""Delimited text files: read the bytes once, decode them without guessing silently, split records.

Decoding order (the first that works wins, and the encoding used is recorded):

1. the ``encoding`` the caller named, strictly;
2. a byte-order mark: UTF-8 (``utf-8-sig``) or UTF-16 (real Qualtrics TSV exports are UTF-16 LE);
3. strict UTF-8;
4. charset-normalizer's best guess among cp1252, latin-1 and UTF-16 only (Excel on Windows saves
   "CSV" as cp1252), with a note in ``SourceMeta.notes`` saying so.

Nothing is ever decoded with ``errors="replace"``: a byte that does not fit raises
:class:`~evalkit.errors.InputFileError` with reason ``encoding`` and the line it is on.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

from evalkit.errors import InputFileError, Reason

__all__ = ["TextTable", "read_text_table", "decode_bytes", "decode_head", "sniff_delimiter",
           "parse_records", "check_codec", "TEXT_EXTENSIONS"]

#: Extensions that mean "delimited text" when the content does not say more.
TEXT_EXTENSIONS = frozenset({".csv", ".tsv", ".txt", ".tab", ".dat"})
#: The only encodings a fallback guess may pick: what survey tools and Excel actually write.
_FALLBACKS = ("cp1252", "latin_1", "utf_16_le", "utf_16_be")
_DELIMITERS = (",", "\t", ";", "|")
_ENCODING_HINT = ("re-save the file as 'CSV UTF-8', or name its encoding (e.g. cp1252): "
                  "`evalkit ingest FILE --encoding cp1252`, or `encoding: cp1252` under the source in evalkit.yml")


@dataclass
class TextTable:
    """All records of a delimited file; ``rows[i]`` is spreadsheet row ``i + 1`` (blank lines are ``[]``)."""

    rows: list[list[str]]
    encoding: str
    delimiter: str
    sha256: str
    ends_with_newline: bool
    notes: list[str] = field(default_factory=list)


def _guess(raw: bytes) -> str | None:
    """charset-normalizer's best encoding for ``raw`` among the fallbacks, or ``None``."""
    from charset_normalizer import from_bytes  # imported here: only non-UTF-8 files need it

    best = from_bytes(raw, cp_isolation=list(_FALLBACKS)).best()
    return None if best is None else best.encoding


def check_codec(path: Path, encoding: str) -> str:
    """Return the codec's canonical name, or raise if Python does not know ``encoding``."""
    try:
        return codecs.lookup(encoding).name
    except (LookupError, TypeError):
        raise InputFileError(
            path, Reason.encoding, f"encoding={encoding!r} is not a text encoding Python knows",
            hint="use a name such as 'utf-8', 'cp1252', 'latin-1' or 'utf-16'",
        ) from None


def _line_of(raw: bytes, position: int, encoding: str) -> int:
    # Locate the bad byte for the message; the replacement here is only for counting newlines.
    return raw[:position].decode(encoding, errors="replace").count("\n") + 1


def _strict(raw: bytes, path: Path, encoding: str, *, named: str) -> str:
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = _line_of(raw, exc.start, encoding)
        raise InputFileError(
            path, Reason.encoding,
            f"byte {exc.start} (line {line}) is not valid {named}", row=line, hint=_ENCODING_HINT,
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def decode_bytes(raw: bytes, path: Path, *, encoding: str | None = None) -> tuple[str, str, list[str]]:
    """Decode a whole file; return ``(text, encoding_used, notes)`` (see the module docstring)."""
    if encoding is not None:
        name = check_codec(path, encoding)
        if name == "utf-8" and raw.startswith(codecs.BOM_UTF8):
            name = "utf-8-sig"
        return _strict(raw, path, name, named=encoding), name, []
    if raw.startswith(codecs.BOM_UTF8):
        return _strict(raw, path, "utf-8-sig", named="UTF-8"), "utf-8-sig", []
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(raw, path, "utf-16", named="UTF-16"), "utf-16", []
    try:
        return raw.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        bad_line = _line_of(raw, exc.start, "utf-8")
    best = _guess(raw)
    if best is None:
        raise InputFileError(
            path, Reason.encoding,
            f"is not valid UTF-8 (first bad byte on line {bad_line}) and no likely encoding "
            f"({', '.join(_FALLBACKS)}) fits it either", row=bad_line, hint=_ENCODING_HINT,
        )
    guess = codecs.lookup(best).name
    text = _strict(raw, path, guess, named=guess)
    note = (f"not valid UTF-8 (first non-UTF-8 byte on line {bad_line}); decoded as {guess}, "
            "charset-normalizer's best guess: check accented letters and curly quotes, "
            "and name the encoding (--encoding, or sources[].encoding) if they look wrong")
    return text, guess, [note]


def decode_head(head: bytes, *, complete: bool) -> str | None:
    """Decode the first bytes of a file for format sniffing; ``None`` if they are not text.

    ``complete`` says ``head`` is the whole file; otherwise a character cut at the end is allowed.
    """
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if head.startswith(bom):
            try:
                return codecs.getincrementaldecoder(codec)().decode(head, final=complete).lstrip("\ufeff")
            except UnicodeDecodeError:
                return None
    try:
        return codecs.getincrementaldecoder("utf-8")().decode(head, final=complete)
    except UnicodeDecodeError:
        pass
    best = _guess(head)
    if best is None:
        return None
    try:
        return codecs.getincrementaldecoder(best)().decode(head, final=complete)
    except UnicodeDecodeError:
        return None


def sniff_delimiter(text: str, *, suffix: str = "") -> str:
    """The delimiter of the first line: the most frequent of ``,`` tab ``;`` ``|`` outside quotes.

    Examples
    --------
    >>> sniff_delimiter('a;"b;c";d\\n1;2;3')
    ';'
    >>> sniff_delimiter("Q1\\tQ2\\n"), sniff_delimiter("single"), sniff_delimiter("x", suffix=".tsv")
    ('\\t', ',', '\\t')
    """
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for ch in text[:200_000]:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in "\r\n":
            break
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(_DELIMITERS, key=lambda d: counts[d])  # ties keep the earlier (comma first)
    if counts[best] == 0:
        return "\t" if suffix.lower() in (".tsv", ".tab") else ","
    return best


def parse_records(text: str, path: Path, *, delimiter: str) -> tuple[list[list[str]], list[str]]:
    """Split decoded text into records (one per spreadsheet row) and notes about odd quoting.

    A quoted cell that is never closed swallows the rest of the file, so it is an error; other
    malformed quoting (``"a"b``) is read the way Excel reads it, with a note.
    """
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for record in reader:
            rows.append(record)
        return rows, []
    except csv.Error as exc:
        row, problem = len(rows) + 1, str(exc)
    fix = "export the file again; if it was edited by hand, check the quotes on that row"
    if "unexpected end of data" in problem:
        raise InputFileError(
            path, Reason.unreadable_file,
            f"a quoted cell that starts on row {row} is never closed (the file looks truncated, "
            "or a quote inside an answer is not doubled)", row=row, hint=fix,
        )
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False))
    except csv.Error:
        raise InputFileError(
            path, Reason.unreadable_file,
            f"row {row} cannot be split into cells (broken quoting, or a cell longer than 128 KiB)",
            row=row, hint=fix,
        ) from None
    return rows, [f"row {row}: quotes are not well formed; read the way a spreadsheet reads them"]


def read_text_table(path: Path, *, delimiter: str | None = None, encoding: str | None = None) -> TextTable:
    """Read, hash, decode and split a delimited file (opened read-only, read once)."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        raise InputFileError(path, Reason.unreadable_file, f"could not be read ({exc.strerror})",
                             hint="check the file's permissions") from None
    sha = hashlib.sha256(raw).hexdigest()
    text, used, notes = decode_bytes(raw, path, encoding=encoding)
    if not text.strip():
        raise InputFileError(path, Reason.empty_file, "is empty (no header, no data)",
                             hint="export the survey again; the download may have failed")
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise InputFileError(
            path, Reason.encoding, f"line {line} contains NUL bytes: this is a binary file or its "
            "encoding is not the one used to decode it", row=line, hint=_ENCODING_HINT,
        )
    delim = delimiter or sniff_delimiter(text, suffix=path.suffix)
    rows, parse_notes = parse_records(text, path, delimiter=delim)
    if delim != ",":
        notes.append(f"delimiter is {delim!r}")
    return TextTable(rows=rows, encoding=used, delimiter=delim, sha256=sha,
                     ends_with_newline=text.endswith(("\n", "\r")), notes=notes + parse_notes)
