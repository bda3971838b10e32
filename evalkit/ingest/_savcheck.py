"""A structural check of an SPSS file's dictionary before pyreadstat reads it.

ReadStat (under pyreadstat 1.3.7) trusts some numbers in the dictionary: a damaged value-label
record that points at variable 17923 of a 12-variable file crashes the whole Python process with a
segmentation fault instead of raising. A crash cannot be caught, so the dictionary records are
walked here first (they are small, and uncompressed in .zsav files too) and any inconsistency
raises an ordinary :class:`~evalkit.errors.InputFileError`.

Layout of the records (IBM SPSS Statistics "System File Format"): a 176-byte header, then records
of type 2 (variable), 3 + 4 (value labels and the variables they apply to), 6 (documents), 7
(extensions), until type 999 ends the dictionary.
"""

from __future__ import annotations

import struct
from pathlib import Path

from evalkit.errors import InputFileError, Reason

__all__ = ["check_sav_dictionary"]

_HEADER = 176
_MAX_RECORDS = 1_000_000
_HEAD = 8 << 20


class _Damaged(Exception):
    """Raised inside the walk; turned into one InputFileError by the caller."""


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


def _walk(raw: bytes) -> None:
    if len(raw) < _HEADER:
        raise _Damaged("the file is shorter than an SPSS header")
    layout_le = struct.unpack("<i", raw[64:68])[0]
    endian = "<" if layout_le in (2, 3) else ">"
    if struct.unpack(endian + "i", raw[64:68])[0] not in (2, 3):
        raise _Damaged("the header's layout code is not 2 or 3")
    cur = _Cursor(raw, endian)
    n_variables = 0  # variable records, counting the continuation records of long strings
    for _ in range(_MAX_RECORDS):
        kind = cur.int32()
        if kind == 2:
            var_type, has_label, n_missing = cur.int32(), cur.int32(), cur.int32()
            if not -1 <= var_type <= 255 or has_label not in (0, 1) or n_missing not in (-3, -2, 0, 1, 2, 3):
                raise _Damaged(f"variable record {n_variables + 1} is inconsistent")
            cur.take(8 + 8)  # print and write formats, name
            if has_label:
                length = cur.int32()
                cur.take((length + 3) // 4 * 4)
            cur.take(abs(n_missing) * 8)
            n_variables += 1
        elif kind == 3:
            count = cur.int32()
            if count < 0:
                raise _Damaged("a value-label record has a negative count")
            for _ in range(count):
                cur.take(8)
                length = cur.take(1)[0]
                cur.take((length + 1 + 7) // 8 * 8 - 1)
            if cur.int32() != 4:
                raise _Damaged("a value-label record is not followed by its variable list")
            n_index = cur.int32()
            if not 0 <= n_index <= max(n_variables, 0):
                raise _Damaged("a value-label record names more variables than the file has")
            for _ in range(n_index):
                if not 1 <= cur.int32() <= n_variables:
                    raise _Damaged("a value-label record points at a variable that does not exist")
        elif kind == 6:
            n_lines = cur.int32()
            cur.take(n_lines * 80 if n_lines >= 0 else -1)
        elif kind == 7:
            cur.int32()  # subtype
            size, count = cur.int32(), cur.int32()
            if size < 0 or count < 0:
                raise _Damaged("an extension record has a negative size")
            cur.take(size * count)
        elif kind == 999:
            cur.int32()
            return
        else:
            raise _Damaged(f"unknown record type at byte {cur.pos - 4}")
    raise _Damaged("the dictionary never ends")


def check_sav_dictionary(path: Path) -> None:
    """Raise ``InputFileError(unreadable_file)`` if the file's dictionary records are inconsistent.

    Only the first 8 MiB are read, unless the dictionary is longer (thousands of variables).
    """
    with open(path, "rb") as fh:
        raw = fh.read(_HEAD)
        rest = fh.read() if len(raw) == _HEAD and not _ends_within(raw) else b""
    try:
        _walk(raw + rest)
    except _Damaged as exc:
        raise InputFileError(
            path, Reason.unreadable_file,
            f"is a damaged SPSS file: {exc}", hint="export the .sav file again from SPSS or Qualtrics",
        ) from None


def _ends_within(raw: bytes) -> bool:
    try:
        _walk(raw)
    except _Damaged:
        return False
    return True
