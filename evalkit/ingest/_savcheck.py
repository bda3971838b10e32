"""A structural check of an SPSS file's dictionary before pyreadstat reads it.

ReadStat (under pyreadstat 1.3.7) trusts some numbers in the dictionary: a damaged value-label
record that points at variable 17923 of a 12-variable file crashes the whole Python process with a
segmentation fault instead of raising. A crash cannot be caught, so the dictionary records are
walked here first (they are small, and uncompressed in .zsav files too) and any inconsistency
raises an ordinary :class:`~evalkit.errors.InputFileError`.

Layout of the records (IBM SPSS Statistics "System File Format"): a 176-byte header, then records
of type 2 (variable), 3 + 4 (value labels and the variables they apply to), 6 (documents), 7
(extensions), until type 999 ends the dictionary. A string variable of width *w* (type *w*, 1-255)
is followed by ceil(*w* / 8) - 1 continuation records of type -1, and a type -1 record follows
nothing else: a single flipped byte in a type field breaks that count, and ReadStat crashes on it.

The header's case count is checked against the bytes that follow the dictionary: ReadStat
allocates memory for every case the header announces before it reads one, so a flipped byte there
(620 million cases in a 2 KB file) exhausts the machine's memory instead of raising. Each case
takes at least 8 bytes per 8-byte unit uncompressed, 1 command byte per unit bytecode-compressed,
and zlib (.zsav) shrinks those bytes at most about 1032-fold.

ReadStat also crashes when the *value* of a string variable's value label (``'a'`` in ``'a' ->
'Agree'``) is not valid text in the file's encoding (a stray ``0x8D`` in a windows-1252 file, ``0xFF``
in a UTF-8 one), so those values are decoded here too, with the encoding the file declares (its
character-encoding record, else its code page) or the one the caller names.
"""

from __future__ import annotations

import codecs
import struct
from dataclasses import dataclass, field
from pathlib import Path

from evalkit.errors import InputFileError, Reason

__all__ = ["check_sav_dictionary"]

_HEADER = 176
#: Bytes of data one 8-byte unit of a case takes at least, by the header's compression code.
_MIN_UNIT_BYTES = {0: 8.0, 1: 1.0, 2: 1.0 / 1100}  # 2: zlib, whose best ratio is about 1032:1
_MAX_RECORDS = 1_000_000
_HEAD = 8 << 20


class _Damaged(Exception):
    """Raised inside the walk; turned into one InputFileError by the caller."""


class _BadText(_Damaged):
    """Text that does not decode in the encoding ReadStat will use (the user may name another)."""


@dataclass
class _Dictionary:
    """What the walk keeps for the checks that need the whole dictionary."""

    units: int = 0  # 8-byte units per case: variable records, continuation records included
    data_start: int = 0  # where the data follow the dictionary (the byte after record 999)
    encoding: str | None = None  # the character-encoding record (subtype 20)
    code_page: int | None = None  # the machine integer record's character code (subtype 3)
    string_label_values: list[bytes] = field(default_factory=list)


class _Cursor:
    def __init__(self, raw: bytes, endian: str) -> None:
        self.raw, self.pos, self.endian = raw, _HEADER, endian

    def take(self, n: int) -> bytes:
        if n < 0 or self.pos + n > len(self.raw):
            raise _Damaged(f"record at byte {self.pos} runs past the end of the file")
        chunk = self.raw[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def int32(self) -> int:
        return struct.unpack(self.endian + "i", self.take(4))[0]


def _walk(raw: bytes) -> _Dictionary:
    if len(raw) < _HEADER:
        raise _Damaged("the file is shorter than an SPSS header")
    layout_le = struct.unpack("<i", raw[64:68])[0]
    endian = "<" if layout_le in (2, 3) else ">"
    if struct.unpack(endian + "i", raw[64:68])[0] not in (2, 3):
        raise _Damaged("the header's layout code is not 2 or 3")
    cur = _Cursor(raw, endian)
    found = _Dictionary()
    types: list[int] = []  # each variable record's type: 0 numeric, 1-255 string width, -1 continuation
    n_variables = 0  # variable records, counting the continuation records of long strings
    pending, string_at = 0, 0  # continuation records (type -1) still owed, by variable record string_at
    for _ in range(_MAX_RECORDS):
        kind = cur.int32()
        if kind == 2:
            var_type, has_label, n_missing = cur.int32(), cur.int32(), cur.int32()
            if not -1 <= var_type <= 255 or has_label not in (0, 1) or n_missing not in (-3, -2, 0, 1, 2, 3):
                raise _Damaged(f"variable record {n_variables + 1} is inconsistent")
            # A string of width w takes ceil(w / 8) records: its own, then ceil(w / 8) - 1 of type -1.
            # ReadStat trusts this count and crashes the process when it does not hold.
            if var_type == -1 and not pending:
                raise _Damaged(f"variable record {n_variables + 1} continues a string variable that is "
                               "not there")
            if var_type != -1 and pending:
                raise _Damaged(f"string variable record {string_at} lacks {pending} continuation record(s)")
            if var_type == -1:
                pending -= 1
            elif var_type > 8:
                pending, string_at = (var_type + 7) // 8 - 1, n_variables + 1
            cur.take(8 + 8)  # print and write formats, name
            if has_label:
                length = cur.int32()
                cur.take((length + 3) // 4 * 4)
            cur.take(abs(n_missing) * 8)
            n_variables += 1
            types.append(var_type)
            continue
        if pending:
            raise _Damaged(f"string variable record {string_at} lacks {pending} continuation record(s)")
        if kind == 3:
            count = cur.int32()
            if count < 0:
                raise _Damaged("a value-label record has a negative count")
            values = []
            for _ in range(count):
                values.append(cur.take(8))
                length = cur.take(1)[0]
                cur.take((length + 1 + 7) // 8 * 8 - 1)
            if cur.int32() != 4:
                raise _Damaged("a value-label record is not followed by its variable list")
            n_index = cur.int32()
            if not 0 <= n_index <= max(n_variables, 0):
                raise _Damaged("a value-label record names more variables than the file has")
            indexes = [cur.int32() for _ in range(n_index)]
            if not all(1 <= i <= n_variables for i in indexes):
                raise _Damaged("a value-label record points at a variable that does not exist")
            if any(types[i - 1] == -1 for i in indexes):
                raise _Damaged("a value-label record points inside a long string variable")
            if any(types[i - 1] > 0 for i in indexes):
                found.string_label_values.extend(values)
        elif kind == 6:
            n_lines = cur.int32()
            cur.take(n_lines * 80 if n_lines >= 0 else -1)
        elif kind == 7:
            subtype, size, count = cur.int32(), cur.int32(), cur.int32()
            if size < 0 or count < 0:
                raise _Damaged("an extension record has a negative size")
            body = cur.take(size * count)
            if subtype == 20:
                found.encoding = body.rstrip(b"\x00 ").decode("ascii", errors="replace")
            elif subtype == 3 and size == 4 and count == 8:
                found.code_page = struct.unpack(endian + "8i", body)[7]
        elif kind == 999:
            cur.int32()
            found.units, found.data_start = n_variables, cur.pos
            return found
        else:
            raise _Damaged(f"unknown record type at byte {cur.pos - 4}")
    raise _Damaged("the dictionary never ends")


def _codec(found: _Dictionary, encoding: str | None) -> codecs.CodecInfo | None:
    """The codec ReadStat will decode text with, if Python knows it (else the check is skipped).

    The caller's encoding, else the character-encoding record, else the code page (ReadStat's order).
    """
    name = encoding or found.encoding
    if not name and found.code_page:
        name = "utf-8" if found.code_page == 65001 else f"cp{found.code_page}"
    try:
        return codecs.lookup(name) if name else None
    except LookupError:
        return None


def _check_label_values(found: _Dictionary, encoding: str | None) -> None:
    codec = _codec(found, encoding)
    if codec is None:
        return
    for value in found.string_label_values:
        try:
            # Not final: a character cut at the end of the 8 bytes is truncated, not fatal, for ReadStat.
            codec.incrementaldecoder().decode(value.rstrip(b" \x00"), final=False)
        except UnicodeDecodeError:
            raise _BadText(f"a value label of a string variable is not valid {codec.name} text") from None


def _check_case_count(raw: bytes, found: _Dictionary, size: int) -> None:
    endian = "<" if struct.unpack("<i", raw[64:68])[0] in (2, 3) else ">"
    compression = struct.unpack(endian + "i", raw[72:76])[0]
    n_cases = struct.unpack(endian + "i", raw[80:84])[0]
    if n_cases <= 0 or compression not in _MIN_UNIT_BYTES:
        return  # -1: not recorded (ReadStat counts while reading); an unknown code fails in ReadStat
    room = max(size - found.data_start, 0)
    most = int(room / (max(found.units, 1) * _MIN_UNIT_BYTES[compression]))
    if n_cases > most:
        raise _Damaged(f"the header announces {n_cases} cases, but the {room} bytes of data after the "
                       f"dictionary hold at most {most}")


def check_sav_dictionary(path: Path, *, encoding: str | None = None) -> None:
    """Raise ``InputFileError(unreadable_file)`` if the file's dictionary records are inconsistent.

    Only the first 8 MiB are read, unless the dictionary is longer (thousands of variables).
    ``encoding`` is the one the caller will read the file with, if not the file's own.
    """
    with open(path, "rb") as fh:
        raw = fh.read(_HEAD)
        rest = fh.read() if len(raw) == _HEAD and not _ends_within(raw) else b""
    try:
        found = _walk(raw + rest)
        _check_case_count(raw, found, path.stat().st_size)
        _check_label_values(found, encoding)
    except _Damaged as exc:
        hint = "export the .sav file again from SPSS or Qualtrics"
        if isinstance(exc, _BadText) and not encoding:
            hint += "; if the file's declared encoding is wrong (old SPSS versions), name it with --encoding"
        raise InputFileError(path, Reason.unreadable_file, f"is a damaged SPSS file: {exc}",
                             hint=hint) from None


def _ends_within(raw: bytes) -> bool:
    try:
        _walk(raw)
    except _Damaged:
        return False
    return True
