"""Fuzz: mutated real exports either read or raise an EvalkitError, never any other exception.

Each case takes a real export from ``../shared/fixtures/real/`` and damages it the way files get
damaged between a survey platform and an evaluator's laptop: cut short, bytes flipped, re-saved in
another encoding, delimiters swapped; and for workbooks, the zip container broken (a compression
method or "version needed" zipfile does not support, encryption flags, wrong sizes, a missing
member, a member that is no longer XML). Every case is drawn from one seeded
:class:`random.Random`, so a run is deterministic and a failure names the case that reproduces it
(``file:kind:details``). Any exception other than :class:`~evalkit.errors.EvalkitError` is a bug:
the CLI would show a bare traceback instead of a message with the file and a fix.

600 cases (``N_CASES``): measured on 2 shared cores, the fuzz test takes about 5 s and the module
6-15 s. The .sav cases of this seed were also run one by one in child processes with a 2 GB memory
limit, since a ReadStat crash would take pytest down with it: none crashed or ran out of memory.
"""

from __future__ import annotations

import hashlib
import io
import random
import struct
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import decode_export, real_fixture_files

from evalkit.errors import EvalkitError, InputFileError, Reason
from evalkit.ingest import read_export

#: Tests that read ../shared/fixtures/real/ (they skip, with a message, when it is absent).
real = pytest.mark.real_fixtures

SEED = 20_251_206
#: Cases per file kind; the xlsx and text budgets are the larger ones (most of the code paths).
N_CASES = {"text": 260, "xlsx": 240, "sav": 100}

_TEXT = (".csv", ".tsv", ".txt")
_DELIMS = (",", ";", "\t", "|")
_ENCODINGS = ("utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1", "utf-8-sig")
#: Compression methods zipfile does not implement (1 shrink, 6 implode, 9 deflate64, 98 PPMd,
#: 99 WinZip AES) and ones it does but the data is not (12 bzip2, 14 lzma).
_METHODS = (1, 2, 6, 9, 12, 14, 19, 95, 97, 98, 99, 0xFFFF)
_LOCAL, _CENTRAL, _EOCD = b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06"

Mutation = tuple[str, bytes]  # (label, bytes to write)


# --- zip helpers -------------------------------------------------------------------------------


def _offsets(raw: bytes, magic: bytes) -> list[int]:
    out, i = [], raw.find(magic)
    while i >= 0:
        out.append(i)
        i = raw.find(magic, i + 1)
    return out


def _put(raw: bytes, at: int, fmt: str, value: int) -> bytes:
    b = bytearray(raw)
    size = struct.calcsize(fmt)
    if at + size <= len(b):
        b[at : at + size] = struct.pack(fmt, value)
    return bytes(b)


def _members(raw: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        return [(info, zf.read(info)) for info in zf.infolist()]


def _rezip(members: list[tuple[zipfile.ZipInfo, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in members:
            zf.writestr(info.filename, data)
    return buf.getvalue()


def set_compression_method(raw: bytes, method: int, *, member: int | None = None,
                           where: str = "both") -> bytes:
    """The zip with the compression method of one member (or all) set to ``method``."""
    for k, at in enumerate(_offsets(raw, _CENTRAL)):
        if member in (None, k) and where in ("both", "central"):
            raw = _put(raw, at + 10, "<H", method)
    for k, at in enumerate(_offsets(raw, _LOCAL)):
        if member in (None, k) and where in ("both", "local"):
            raw = _put(raw, at + 8, "<H", method)
    return raw


# --- mutations ---------------------------------------------------------------------------------


def _truncate(rng: random.Random, raw: bytes) -> Mutation:
    cut = rng.randrange(len(raw))
    return f"truncate:{cut}", raw[:cut]


def _flip(rng: random.Random, raw: bytes) -> Mutation:
    b = bytearray(raw)
    spots = sorted(rng.randrange(len(b)) for _ in range(rng.randint(1, 8)))
    for at in spots:
        b[at] ^= rng.randrange(1, 256)
    return f"flip:{','.join(map(str, spots))}", bytes(b)



def _reencode(rng: random.Random, raw: bytes) -> Mutation:
    enc = rng.choice(_ENCODINGS)
    return f"reencode:{enc}", decode_export(raw, fallback="cp1252").encode(enc, errors="replace")


def _swap_delimiters(rng: random.Random, raw: bytes) -> Mutation:
    text = decode_export(raw, fallback="cp1252")
    a, b = rng.sample(_DELIMS, 2)
    if rng.random() < 0.5:  # a -> b everywhere (quoted cells too, as a careless find-and-replace does)
        return f"delimiter:{a!r}->{b!r}", text.replace(a, b).encode("utf-8")
    swapped = text.replace(a, "\0").replace(b, a).replace("\0", b)
    return f"delimiter:{a!r}<->{b!r}", swapped.encode("utf-8")


def _zip_method(rng: random.Random, raw: bytes) -> Mutation:
    n = len(_offsets(raw, _CENTRAL))
    member, method = rng.randrange(max(n, 1)), rng.choice(_METHODS)
    where = rng.choice(("both", "central", "local"))
    damaged = set_compression_method(raw, method, member=member, where=where)
    return f"zip-method:{member}:{method}:{where}", damaged


def _zip_header_field(rng: random.Random, raw: bytes) -> Mutation:
    """One field of one central (or local) header: version needed, flags, CRC, sizes, offsets."""
    central = rng.random() < 0.7
    heads = _offsets(raw, _CENTRAL if central else _LOCAL)
    if not heads:
        return _flip(rng, raw)
    at = rng.choice(heads)
    # (name, offset in a central header, offset in a local header, struct format)
    fields = [("version", 6, 4, "<H"), ("flags", 8, 6, "<H"), ("crc", 16, 14, "<I"),
              ("csize", 20, 18, "<I"), ("usize", 24, 22, "<I"), ("namelen", 28, 26, "<H"),
              ("extralen", 30, 28, "<H"), ("offset", 42, None, "<I"), ("disk", 34, None, "<H")]
    name, c_off, l_off, fmt = rng.choice([f for f in fields if central or f[2] is not None])
    off = c_off if central else l_off
    if name == "flags":
        value = rng.choice((0x0001, 0x0008, 0x0020, 0x0040, 0x0800, 0xFFFF))
    elif name == "version":
        value = rng.choice((45, 63, 64, 99, 255, 0xFFFF))
    else:
        value = rng.choice((0, 1, 0x7FFF, 0xFFFF, 0x7FFFFFFF, 0xFFFFFFFF) if fmt == "<I" else (0, 1, 0xFFFF))
    return f"zip-{'central' if central else 'local'}-{name}:{at}:{value}", _put(raw, at + off, fmt, value)


def _zip_eocd(rng: random.Random, raw: bytes) -> Mutation:
    ends = _offsets(raw, _EOCD)
    if not ends:
        return _truncate(rng, raw)
    at = ends[-1]
    name, off, fmt = rng.choice([("entries", 10, "<H"), ("cd_size", 12, "<I"), ("cd_offset", 16, "<I"),
                                 ("comment_len", 20, "<H"), ("disk", 4, "<H")])
    value = rng.choice((0, 1, 0xFFFF) if fmt == "<H" else (0, 1, 0xFFFFFFFF))
    return f"zip-eocd-{name}:{value}", _put(raw, at + off, fmt, value)


def _zip_member(rng: random.Random, raw: bytes) -> Mutation:
    """A valid zip whose parts are not: a member deleted, renamed, emptied, cut, or not UTF-8 XML."""
    members = _members(raw)
    k = rng.randrange(len(members))
    name = members[k][0].filename
    how = rng.choice(("delete", "rename", "empty", "cut", "utf16", "garbage", "not-xml"))
    info, data = members[k]
    if how == "delete":
        del members[k]
    elif how == "rename":
        members[k] = (zipfile.ZipInfo(name + ".bak"), data)
    elif how == "empty":
        members[k] = (info, b"")
    elif how == "cut":
        members[k] = (info, data[: rng.randrange(max(len(data), 1))])
    elif how == "utf16":  # declared (or assumed) UTF-8, stored as UTF-16: the XML parser must refuse it
        members[k] = (info, data.decode("utf-8", errors="replace").encode("utf-16-le"))
    elif how == "garbage":
        members[k] = (info, rng.randbytes(rng.randint(1, 64)))
    else:
        members[k] = (info, b"<?xml version='1.0' encoding='utf-8'?>\n<x>\xff\xfe</x")
    return f"zip-member-{how}:{name}", _rezip(members)


def _sav_header(rng: random.Random, raw: bytes) -> Mutation:
    """One field of the 176-byte SPSS header: layout code, case size, compression, weight, case count."""
    name, at = rng.choice([("layout", 64), ("case_size", 68), ("compression", 72), ("weight", 76),
                           ("n_cases", 80)])
    value = rng.choice((-1, 0, 1, 2, 3, 255, 0x7FFF, 0x25000007, 0x7FFFFFFF))
    return f"sav-header-{name}:{value}", _put(raw, at, "<i", value)


_KINDS: dict[str, list[Callable[[random.Random, bytes], Mutation]]] = {
    "text": [_truncate, _flip, _reencode, _reencode, _swap_delimiters, _swap_delimiters],
    "xlsx": [_truncate, _flip, _zip_method, _zip_method, _zip_header_field, _zip_header_field, _zip_eocd,
             _zip_member, _zip_member],
    "sav": [_truncate, _flip, _flip, _sav_header],
}


def _kind(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in _TEXT:
        return "text"
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix in (".sav", ".zsav"):
        return "sav"
    return None


def mutations(files: list[Path], *, seed: int = SEED,
              budget: dict[str, int] = N_CASES) -> Iterator[tuple[str, str, bytes]]:
    """``(case label, file suffix, bytes)`` for ``budget[kind]`` cases of each kind, from one seed."""
    rng = random.Random(seed)
    for kind, n in budget.items():
        sources = [(p.name, p.suffix, p.read_bytes()) for p in files if _kind(p) == kind]
        if not sources:
            continue
        for _ in range(n):
            name, suffix, raw = rng.choice(sources)
            label, damaged = rng.choice(_KINDS[kind])(rng, raw)
            yield f"{name}:{label}", suffix, damaged


def _read(path: Path) -> str | None:
    """``None`` when the file reads or raises an EvalkitError; else the bare exception's description."""
    try:
        read_export(path)
    except EvalkitError as exc:
        # An error a user can act on names the file and says how to fix it.
        if path.name not in str(exc) or not exc.hint:
            return f"{type(exc).__name__} without the file name or a hint: {exc}"
        return None
    except Exception as exc:  # noqa: BLE001 - this is what the test hunts for
        return f"{type(exc).__name__}: {exc}"
    return None


@real
def test_mutated_real_exports_read_or_raise_evalkit_error(real_fixtures, tmp_path):
    files = real_fixture_files()
    bare: list[str] = []
    n = 0
    for n, (label, suffix, raw) in enumerate(mutations(files), start=1):
        path = tmp_path / f"case{suffix}"
        path.write_bytes(raw)
        problem = _read(path)
        if problem:
            bare.append(f"{label}: {problem}")
    assert n >= 300
    assert not bare, f"{len(bare)} of {n} mutated exports failed:\n" + "\n".join(bare[:30])


@real
def test_mutations_are_deterministic(real_fixtures):
    files = real_fixture_files()
    budget = {"text": 20, "xlsx": 20, "sav": 5}
    first = [(label, hashlib.sha256(raw).hexdigest()) for label, _, raw in mutations(files, budget=budget)]
    again = [(label, hashlib.sha256(raw).hexdigest()) for label, _, raw in mutations(files, budget=budget)]
    assert first == again and len(first) == 45


# --- regressions found by the fuzzer -----------------------------------------------------------

_WORKBOOK = "state_ed/nj_njsla_ela04_school_subgroup.xlsx"


def _unreadable(path: Path) -> InputFileError:
    with pytest.raises(InputFileError) as info:
        read_export(path)
    err = info.value
    assert err.reason is Reason.unreadable_file
    assert path.name in str(err) and err.issue.file == str(path)
    return err


@real
@pytest.mark.parametrize("where", ["both", "central"])
@pytest.mark.parametrize("method", [99, 9, 6, 98])
def test_xlsx_with_unsupported_compression_method(real_fixtures, tmp_path, method, where):
    path = tmp_path / "export.xlsx"
    path.write_bytes(set_compression_method((real_fixtures / _WORKBOOK).read_bytes(), method, where=where))
    err = _unreadable(path)
    assert f"compression method {method}" in str(err)
    assert "save" in err.hint and ".xlsx" in err.hint and "LibreOffice" in err.hint


@real
def test_xlsx_with_unsupported_zip_version(real_fixtures, tmp_path):
    # The case the first fuzz run found: byte 99 in the central header's "version needed to extract"
    # made zipfile.ZipFile() raise NotImplementedError("zip file version 9.9") during detection.
    raw = (real_fixtures / _WORKBOOK).read_bytes()
    path = tmp_path / "export.xlsx"
    path.write_bytes(_put(raw, raw.find(_CENTRAL) + 6, "<H", 99))
    err = _unreadable(path)
    assert "zip" in str(err) and "save" in err.hint and ".xlsx" in err.hint
    # The same damage in a file whose extension does not say "workbook" is still an evalkit error.
    other = tmp_path / "export.bin"
    other.write_bytes(path.read_bytes())
    with pytest.raises(InputFileError):
        read_export(other)


@real
def test_xlsx_encrypted_at_zip_level(real_fixtures, tmp_path):
    raw = (real_fixtures / _WORKBOOK).read_bytes()
    for at in _offsets(raw, _CENTRAL):
        raw = _put(raw, at + 8, "<H", 0x0001)
    path = tmp_path / "export.xlsx"
    path.write_bytes(raw)
    err = _unreadable(path)
    assert "encrypted" in str(err) or "password" in str(err)


@real
@pytest.mark.parametrize("member", ["xl/workbook.xml", "xl/worksheets/sheet1.xml", "[Content_Types].xml",
                                    "xl/_rels/workbook.xml.rels"])
def test_xlsx_with_a_missing_part(real_fixtures, tmp_path, member):
    members = [(i, d) for i, d in _members((real_fixtures / _WORKBOOK).read_bytes()) if i.filename != member]
    path = tmp_path / "export.xlsx"
    path.write_bytes(_rezip(members))
    err = _unreadable(path)
    assert err.hint


# --- SPSS dictionaries that crash ReadStat (found by the fuzzer: a segfault, not an exception) ---------


def _labelled_sav(path: Path) -> Path:
    """A small UTF-8 .sav: a 40-character string (1 record + 4 continuation records), a labelled
    2-character string ``role`` (record 6) and a labelled number ``q1`` (record 7)."""
    import pandas as pd
    import pyreadstat

    df = pd.DataFrame({"comment": ["a long free-text comment, forty characters", "short"],
                       "role": ["ab", "cd"], "q1": [1.0, 2.0]})
    pyreadstat.write_sav(df, str(path), variable_value_labels={"role": {"ab": "Alpha", "cd": "Charlie"},
                                                                "q1": {1.0: "Agree", 2.0: "Disagree"}})
    return path


def _damaged_sav(tmp_path: Path, how: str) -> Path:
    raw = _labelled_sav(tmp_path / "good.sav").read_bytes()
    if how == "string-width":  # variable record 7 (q1, numeric) becomes a 198-wide string
        raw = _put(raw, 176 + 6 * 32 + 4, "<i", 198)
    elif how == "label-value":  # the value 'ab' of role's label 'Alpha' is no longer UTF-8
        at = raw.index(b"ab      ")
        raw = raw[: at + 1] + b"\xff" + raw[at + 2 :]
    elif how == "label-index":  # q1's labels now point at a continuation record of comment
        at = raw.index(struct.pack("<iii", 4, 1, 7))
        raw = _put(raw, at + 8, "<i", 2)
    elif how == "case-count":  # 620 million cases announced: ReadStat would allocate ~35 GB first
        raw = _put(raw, 80, "<i", 0x25000007)
    path = tmp_path / f"{how}.sav"
    path.write_bytes(raw)
    return path


@pytest.mark.parametrize("how", ["string-width", "label-value", "label-index", "case-count"])
def test_sav_dictionary_that_crashed_readstat(tmp_path, how):
    from evalkit.ingest._savcheck import check_sav_dictionary

    path = _damaged_sav(tmp_path, how)
    # The check must refuse the file before pyreadstat sees it: pyreadstat 1.3.7 segfaults on it (or,
    # for the case count, exhausts the machine's memory).
    with pytest.raises(InputFileError) as info:
        check_sav_dictionary(path)
    assert info.value.reason is Reason.unreadable_file
    err = _unreadable(path)
    assert "damaged SPSS file" in str(err) and err.hint


def test_sav_with_labelled_strings_still_reads(tmp_path):
    survey = read_export(_labelled_sav(tmp_path / "good.sav"))
    assert survey.value_labels("role") == {"ab": "Alpha", "cd": "Charlie"}
    assert survey.data["comment"].iloc[0].startswith("a long")


def test_sav_label_value_read_with_a_named_encoding(tmp_path):
    # A label value that is not valid in the declared encoding is fine in the one the user names.
    from evalkit.ingest._savcheck import check_sav_dictionary

    path = _damaged_sav(tmp_path, "label-value")
    check_sav_dictionary(path, encoding="latin-1")
    assert "--encoding" in _unreadable(path).hint
