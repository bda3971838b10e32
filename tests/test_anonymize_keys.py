"""Pseudonymization keys and keyed pseudonyms (evalkit.anonymize.keys, evalkit.anonymize.pseudonym).

The attacks tested here come from the research brief, section 1.5: a plain hash of a district
e-mail was reversed from name-pattern guesses in 400 tries, so the pseudonyms must resist a roster
dictionary, and the key must never leak into a message, repr, traceback or pickle.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import hmac
import logging
import os
import pickle
import secrets
import stat
import subprocess
import sys
import time
import traceback
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from evalkit.anonymize import (
    PseudonymKey,
    Pseudonymizer,
    key_fingerprint,
    keygen,
    load_key,
    normalize_identifier,
)
from evalkit.anonymize import pseudonym as pseudonym_module
from evalkit.errors import EvalkitError, KeyFileError, KeyReason

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


@pytest.fixture(autouse=True)
def _no_env_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's own EVALKIT_KEY_FILE must not leak into the tests."""
    monkeypatch.delenv("EVALKIT_KEY_FILE", raising=False)


@pytest.fixture
def keys_dir(tmp_path: Path) -> Path:
    """A private folder outside any git work tree."""
    d = tmp_path / "keys"
    d.mkdir(mode=0o700)
    return d


def _write_key(path: Path, data: bytes, mode: int = 0o600) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    os.chmod(path, mode)
    return path


def _catch(fn: Callable[..., object], **kwargs: object) -> KeyFileError:
    """Call ``fn`` and return the KeyFileError it raises (kwargs hold paths only, never key bytes)."""
    with pytest.raises(KeyFileError) as info:
        fn(**kwargs)
    return info.value


def _key(seed: int) -> PseudonymKey:
    return PseudonymKey(hashlib.sha256(f"test key {seed}".encode()).digest())


# ---------------------------------------------------------------------------------------------
# keygen
# ---------------------------------------------------------------------------------------------

@posix_only
def test_keygen_writes_32_private_bytes(tmp_path: Path) -> None:
    target = tmp_path / "cfg" / "evalkit" / "alpha.key"
    written = keygen(target)
    assert written == target.resolve() and written.is_absolute()
    assert len(target.read_bytes()) == 32
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    for folder in (tmp_path / "cfg", tmp_path / "cfg" / "evalkit"):  # created by keygen
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    key = load_key(key_file=target)
    assert key.path == target.resolve()
    assert keygen(tmp_path / "cfg" / "evalkit" / "beta.key").read_bytes() != target.read_bytes()


@posix_only
def test_keygen_creates_the_file_0600_from_the_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    created_modes = []
    real_open = os.open

    def spy(path, flags, mode=0o777, *args, **kwargs):
        if flags & os.O_CREAT:
            created_modes.append((flags & os.O_EXCL, mode))
        return real_open(path, flags, mode, *args, **kwargs)

    monkeypatch.setattr(os, "open", spy)
    old_umask = os.umask(0)  # the most permissive umask: the file must still be 0600
    try:
        target = keygen(tmp_path / "k.key")
    finally:
        os.umask(old_umask)
    assert created_modes == [(os.O_EXCL, 0o600)]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_keygen_refuses_to_overwrite(keys_dir: Path) -> None:
    target = keygen(keys_dir / "k.key")
    before = target.read_bytes()
    err = _catch(keygen, path=target)
    assert err.reason is KeyReason.file_exists and err.file == str(target)
    assert "How to fix" in str(err) and "unlinkable" in err.hint
    assert target.read_bytes() == before
    # Only an explicit overwrite replaces it, still private.
    keygen(target, overwrite=True)
    assert target.read_bytes() != before and len(target.read_bytes()) == 32
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in keys_dir.iterdir()) == ["k.key"]  # no temporary file left behind


@pytest.mark.parametrize("git_marker", ["dir", "file"])  # a .git file marks worktrees and submodules
def test_keygen_refuses_a_git_work_tree(tmp_path: Path, git_marker: str) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    if git_marker == "dir":
        (repo / ".git").mkdir()
    else:
        (repo / ".git").write_text("gitdir: /elsewhere\n")
    target = repo / "secrets" / "deep" / "k.key"
    err = _catch(keygen, path=target)
    assert err.reason is KeyReason.inside_repository
    assert "git work tree" in err.message and "~/.config/evalkit" in err.hint
    assert not (repo / "secrets").exists()  # nothing was created


def test_keygen_refuses_repo_root(tmp_path: Path) -> None:
    err = _catch(keygen, path=tmp_path / "proj" / "k.key", repo_root=tmp_path / "proj")
    assert err.reason is KeyReason.inside_repository and "How to fix" in str(err)
    assert not (tmp_path / "proj").exists()
    assert keygen(tmp_path / "elsewhere" / "k.key", repo_root=tmp_path / "proj").exists()


# ---------------------------------------------------------------------------------------------
# load_key refusals
# ---------------------------------------------------------------------------------------------

def _missing(tmp: Path) -> dict:
    return {"key_file": tmp / "keys" / "nope.key"}


def _short(tmp: Path) -> dict:
    return {"key_file": _write_key(tmp / "keys" / "short.key", secrets.token_bytes(31))}


def _empty(tmp: Path) -> dict:
    return {"key_file": _write_key(tmp / "keys" / "empty.key", b"")}


def _world_readable(tmp: Path) -> dict:
    return {"key_file": _write_key(tmp / "keys" / "open.key", secrets.token_bytes(32), 0o644)}


def _group_readable(tmp: Path) -> dict:
    return {"key_file": _write_key(tmp / "keys" / "group.key", secrets.token_bytes(32), 0o640)}


def _in_git(tmp: Path) -> dict:
    (tmp / "repo" / ".git").mkdir(parents=True)
    return {"key_file": _write_key(tmp / "repo" / "config" / "k.key", secrets.token_bytes(32))}


def _in_project(tmp: Path) -> dict:
    key = _write_key(tmp / "proj" / "k.key", secrets.token_bytes(32))
    return {"key_file": "k.key", "project_root": key.parent}


def _not_configured(tmp: Path) -> dict:
    return {"key_file": None, "project_root": tmp}


def _folder(tmp: Path) -> dict:
    (tmp / "keys" / "a_folder").mkdir(parents=True)
    return {"key_file": tmp / "keys" / "a_folder"}


def _too_long(tmp: Path) -> dict:
    return {"key_file": _write_key(tmp / "keys" / "data.csv", b"id,email\n" * 200)}


REFUSALS = [
    pytest.param(_missing, KeyReason.missing_file, "evalkit keygen", id="missing"),
    pytest.param(_short, KeyReason.too_short, "evalkit keygen", id="short-31-bytes"),
    pytest.param(_empty, KeyReason.too_short, "evalkit keygen", id="empty"),
    pytest.param(_world_readable, KeyReason.too_permissive, "chmod 600", id="world-readable",
                 marks=posix_only),
    pytest.param(_group_readable, KeyReason.too_permissive, "chmod 600", id="group-readable",
                 marks=posix_only),
    pytest.param(_in_git, KeyReason.inside_repository, "~/.config/evalkit/", id="inside-git-work-tree"),
    pytest.param(_in_project, KeyReason.inside_repository, "~/.config/evalkit/", id="inside-project"),
    pytest.param(_not_configured, KeyReason.not_configured, "evalkit keygen ~/.config/evalkit/",
                 id="not-configured"),
    pytest.param(_folder, KeyReason.not_a_file, "key file", id="folder"),
    pytest.param(_too_long, KeyReason.too_long, "evalkit keygen", id="too-long"),
]


@pytest.mark.parametrize(("setup", "reason", "fix"), REFUSALS)
def test_load_key_refuses(tmp_path: Path, setup, reason: KeyReason, fix: str) -> None:
    err = _catch(load_key, **setup(tmp_path))
    assert err.reason is reason
    assert isinstance(err, EvalkitError) and err.exit_code == 2
    assert err.hint and fix in err.hint
    assert "How to fix" in str(err) and fix in str(err)
    assert err.__cause__ is None and err.__context__ is None  # nothing chained
    if reason is not KeyReason.not_configured:
        assert err.file is not None and Path(err.file).name in err.message


def test_inside_repo_is_refused_before_the_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    err = _catch(load_key, key_file=tmp_path / "repo" / "missing.key")
    assert err.reason is KeyReason.inside_repository


@posix_only
def test_symlink_is_checked_where_it_points(tmp_path: Path) -> None:
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    real = _write_key(tmp_path / "repo" / "k.key", secrets.token_bytes(32))
    link = tmp_path / "keys" / "k.key"
    link.parent.mkdir()
    link.symlink_to(real)
    assert _catch(load_key, key_file=link).reason is KeyReason.inside_repository


# ---------------------------------------------------------------------------------------------
# load_key sources
# ---------------------------------------------------------------------------------------------

def test_env_var_takes_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from_config = keygen(tmp_path / "keys" / "config.key")
    from_env = keygen(tmp_path / "keys" / "env.key")
    fp_config = key_fingerprint(from_config.read_bytes())
    fp_env = key_fingerprint(from_env.read_bytes())
    assert fp_config != fp_env
    assert load_key(key_file=from_config).fingerprint == fp_config
    monkeypatch.setenv("EVALKIT_KEY_FILE", str(from_env))
    assert load_key(key_file=from_config).fingerprint == fp_env
    assert load_key(key_file=None).fingerprint == fp_env
    # A blank variable counts as unset.
    monkeypatch.setenv("EVALKIT_KEY_FILE", "  ")
    assert load_key(key_file=from_config).fingerprint == fp_config
    # The variable's file is checked like any other: it does not fall back to the config.
    monkeypatch.setenv("EVALKIT_KEY_FILE", str(tmp_path / "keys" / "gone.key"))
    err = _catch(load_key, key_file=from_config)
    assert err.reason is KeyReason.missing_file and "EVALKIT_KEY_FILE" in err.message


def test_relative_paths_and_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "proj"
    project.mkdir()
    key_path = keygen(tmp_path / "keys" / "alpha.key")
    fp = key_fingerprint(key_path.read_bytes())
    # anonymize.key_file is relative to the project folder, not the current one
    monkeypatch.chdir(tmp_path / "keys")
    assert load_key(key_file="../keys/alpha.key", project_root=project).fingerprint == fp
    # ~ expands (the hint's suggested location)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert load_key(key_file="~/keys/alpha.key", project_root=project).fingerprint == fp
    # EVALKIT_KEY_FILE is relative to the current folder
    monkeypatch.setenv("EVALKIT_KEY_FILE", "alpha.key")
    assert load_key(key_file=None, project_root=project).fingerprint == fp


# ---------------------------------------------------------------------------------------------
# The key object
# ---------------------------------------------------------------------------------------------

def test_fingerprint_is_8_hex_and_stable(keys_dir: Path) -> None:
    path = keygen(keys_dir / "k.key")
    raw = path.read_bytes()
    fp = load_key(key_file=path).fingerprint
    assert len(fp) == 8 and all(c in "0123456789abcdef" for c in fp)
    assert fp == load_key(key_file=path).fingerprint == key_fingerprint(raw) == PseudonymKey(raw).fingerprint
    assert fp == hmac.new(raw, b"evalkit key fingerprint v1", hashlib.sha256).hexdigest()[:8]
    # a fixed key has a fixed fingerprint, across versions of evalkit
    assert key_fingerprint(bytes(range(32))) == "64bf3613"
    assert PseudonymKey(raw) == load_key(key_file=path) and PseudonymKey(raw) != _key(1)


def test_key_cannot_be_pickled() -> None:
    key = _key(1)
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        with pytest.raises(TypeError, match="cannot be pickled"):
            pickle.dumps(key, protocol=protocol)
    with pytest.raises(TypeError):
        key.__reduce__()
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(Pseudonymizer(key, project="alpha"))
    assert copy.deepcopy(key) is key and copy.copy(key) is key
    assert not hasattr(key, "__dict__")


def test_short_key_bytes_are_refused() -> None:
    with pytest.raises(KeyFileError) as info:
        PseudonymKey(b"\x01" * 31)
    assert info.value.reason is KeyReason.too_short
    with pytest.raises(TypeError):
        PseudonymKey("x" * 32)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# Pseudonyms
# ---------------------------------------------------------------------------------------------

def test_pseudonym_is_the_documented_hmac() -> None:
    raw = bytes(range(32))
    p = Pseudonymizer(PseudonymKey(raw), project="alpha")
    subkey = hmac.new(raw, b"evalkit/v1/project:alpha/email", hashlib.sha256).digest()
    expected = hmac.new(subkey, b"maria.g@x.org", hashlib.sha256).hexdigest()
    assert p.pseudonym(" Maria.G@X.org ", "email") == expected[:20]
    full = Pseudonymizer(PseudonymKey(raw), project="alpha", length=64)
    assert full.pseudonym("maria.g@x.org", "email") == expected
    linked = hmac.new(raw, b"evalkit/v1/linkage:cohort-2025/name", hashlib.sha256).digest()
    assert Pseudonymizer(PseudonymKey(raw), project="alpha", linkage_key="cohort-2025").pseudonym(
        "Ann Lee", "name") == hmac.new(linked, b"ann lee", hashlib.sha256).hexdigest()[:20]


def test_a_new_key_changes_every_pseudonym() -> None:
    ids = [f"person{i}@example.org" for i in range(1000)]
    a = Pseudonymizer(_key(1), project="alpha")
    b = Pseudonymizer(_key(2), project="alpha")
    pa = [a.pseudonym(v, "email") for v in ids]
    pb = [b.pseudonym(v, "email") for v in ids]
    assert len(set(pa)) == 1000
    assert sum(x == y for x, y in zip(pa, pb)) == 0
    assert not set(pa) & set(pb)


def test_domain_separation() -> None:
    key = _key(1)
    alpha = Pseudonymizer(key, project="alpha")
    beta = Pseudonymizer(key, project="beta")
    assert alpha.pseudonym("maria.g@x.org", "email") != beta.pseudonym("maria.g@x.org", "email")
    # two projects opt in to linkage with the same label
    a_linked = Pseudonymizer(key, project="alpha", linkage_key="cohort-2025")
    b_linked = Pseudonymizer(key, project="beta", linkage_key=" cohort-2025 ")
    assert a_linked.pseudonym("maria.g@x.org", "email") == b_linked.pseudonym("maria.g@x.org", "email")
    assert a_linked.pseudonym("maria.g@x.org", "email") != alpha.pseudonym("maria.g@x.org", "email")
    # a project id never equals another project's linkage label
    assert Pseudonymizer(key, project="cohort-2025").pseudonym("x", "person_id") != a_linked.pseudonym(
        "x", "person_id")
    # identifier types have their own subkeys
    kinds = ["email", "name", "person_id", "registration_id", "employee_id", "response_id", "district_id"]
    assert len({alpha.pseudonym("12345", t) for t in kinds}) == len(kinds)
    # the scope is visible (not secret); the key is not
    assert alpha.scope == "project:alpha" and a_linked.scope == "linkage:cohort-2025"
    assert alpha.provenance()["key_fingerprint"] == key.fingerprint


@pytest.mark.parametrize(("a", "b", "id_type"), [
    (" Maria.G@X.org ", "maria.g@x.org", "email"),
    ("maria.g @ x.org", "maria.g@x.org", "email"),
    ("\ufeffmaria.g@x.org\u200b", "maria.g@x.org", "email"),
    ("ＭＡＲＩＡ.G@Ｘ.ORG", "maria.g@x.org", "email"),
    ("ｍａｒｉａ", "maria", "name"),
    ("  Maria   GARCIA ", "maria garcia", "name"),
    ("STRASSE", "straße", "name"),  # casefold, not lower
    ("AB-123", "ab-123", "registration_id"),
    (12345, "12345", "person_id"),
    (12345.0, "12345", "employee_id"),
])
def test_normalization_links_variants(a: object, b: str, id_type: str) -> None:
    p = Pseudonymizer(_key(1), project="alpha")
    assert p.pseudonym(a, id_type) == p.pseudonym(b, id_type) is not None
    assert normalize_identifier(a, id_type) == normalize_identifier(b, id_type)


def test_normalize_identifier() -> None:
    assert normalize_identifier(" Maria.G@X.org ", "email") == "maria.g@x.org"
    assert normalize_identifier("ｍａｒｉａ", "name") == "maria"
    assert normalize_identifier("e\u0301", "name") == "\u00e9"  # NFKC composes
    for blank in ["", "   ", "\u3000", None, float("nan"), pd.NA, "\u200b"]:
        assert normalize_identifier(blank, "name") is None
    for bad in ["Email", "e-mail", "", "person id", "1d", None]:
        with pytest.raises(ValueError, match="id_type"):
            normalize_identifier("x", bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError) as info:
        normalize_identifier(123.45, "person_id")
    assert "123" not in str(info.value)  # the value is personal data: never in a message
    with pytest.raises(TypeError):
        normalize_identifier(True, "person_id")
    with pytest.raises(TypeError):
        normalize_identifier(b"bytes", "person_id")


def test_distinct_people_never_link() -> None:
    p = Pseudonymizer(_key(1), project="alpha")
    pairs = [("maria.g@x.org", "maria.g@x.com"), ("maria.g@x.org", "mariag@x.org"),
             ("maria+pd@x.org", "maria@x.org"), ("Maria Garcia", "Mario Garcia"),
             ("José Núñez", "Jose Nunez"), ("Ann Lee", "Lee Ann")]
    for a, b in pairs:
        t = "email" if "@" in a else "name"
        assert p.pseudonym(a, t) != p.pseudonym(b, t), (a, b)
    values = [f"Person {i} Lastname{i % 97}" for i in range(20_000)]
    assert len({p.pseudonym(v, "name") for v in values}) == len(values)


def test_a_million_ids_have_no_collision() -> None:
    p = Pseudonymizer(_key(1), project="alpha")
    start = time.perf_counter()
    pseudonyms = {p.pseudonym(f"person{i}@example.org", "email") for i in range(1_000_000)}
    elapsed = time.perf_counter() - start
    assert len(pseudonyms) == 1_000_000
    assert all(len(x) == 20 for x in list(pseudonyms)[:1000])
    assert elapsed < 30, f"1,000,000 pseudonyms took {elapsed:.1f} s"


def test_pseudonymizer_arguments_are_validated() -> None:
    key = _key(1)
    for length in [15, 65, 0, True, 20.0]:
        with pytest.raises(ValueError, match="length"):
            Pseudonymizer(key, project="alpha", length=length)  # type: ignore[arg-type]
    assert len(Pseudonymizer(key, project="alpha", length=16).pseudonym("x", "name")) == 16
    with pytest.raises(ValueError, match="project"):
        Pseudonymizer(key, project=" ")
    with pytest.raises(ValueError, match="linkage_key"):
        Pseudonymizer(key, project="alpha", linkage_key="")
    with pytest.raises(TypeError, match="PseudonymKey"):
        Pseudonymizer(bytes(32), project="alpha")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="id_type"):
        Pseudonymizer(key, project="alpha").pseudonym("x", "E-mail")


def test_series(monkeypatch: pytest.MonkeyPatch) -> None:
    p = Pseudonymizer(_key(1), project="alpha")
    s = pd.Series([" A@X.org", "a@x.org", None, "", "b@x.org", "a@x.org", pd.NA],
                  index=[10, 11, 12, 13, 14, 15, 16], name="email")
    calls = []
    real = pseudonym_module._Hmac.hexdigest
    monkeypatch.setattr(pseudonym_module._Hmac, "hexdigest",
                        lambda self, msg: calls.append(msg) or real(self, msg))
    out = p.series(s, "email")
    assert len(calls) == 3  # one per distinct non-missing raw value (" A@X.org", "a@x.org", "b@x.org")
    assert str(out.dtype) == "string" and out.name == "email"
    assert out.index.equals(s.index)
    assert out.isna().tolist() == [False, False, True, True, False, False, True]
    assert out[10] == out[11] == out[15] == p.pseudonym("a@x.org", "email")
    assert out[14] == p.pseudonym("b@x.org", "email") != out[10]
    ids = p.series(pd.Series([1, 2, None, 1.0]), "person_id")
    assert ids[0] == ids[3] == p.pseudonym("1", "person_id") and pd.isna(ids[2])
    empty = p.series(pd.Series([], dtype="string"), "email")
    assert len(empty) == 0 and str(empty.dtype) == "string"
    with pytest.raises(TypeError):
        p.series(["a@x.org"], "email")  # type: ignore[arg-type]


def test_importing_the_package_does_not_import_pandas() -> None:
    code = ("import sys, evalkit.anonymize as a; a.Pseudonymizer; a.load_key; a.keygen; "
            "a.normalize_identifier; a.PseudonymKey; a.key_fingerprint; "
            "print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------------------------------------
# Attacks
# ---------------------------------------------------------------------------------------------

FIRST = ["Maria", "James", "Aisha", "Wei", "Jose", "Olga", "Kwame", "Priya", "Liam", "Fatima",
         "Noah", "Sofia", "Mateo", "Hana", "Diego", "Amara", "Ethan", "Leila", "Omar", "Grace"]
LAST = ["Garcia", "Smith", "Okafor", "Chen", "Núñez", "Ivanova", "Mensah", "Patel", "O'Neil", "Haddad"]


def _roster() -> list[tuple[str, str, str]]:
    """200 fake people: (first, last, e-mail) with district-style addresses."""
    people = []
    for i, first in enumerate(FIRST):
        for j, last in enumerate(LAST):
            local = f"{first}.{last.replace(chr(39), '')}"
            email = f"{local}@District{(i + j) % 7}.k12.us"
            people.append((first, last, email))
    return people


def _email_guesses(email: str) -> set[str]:
    local, domain = email.split("@")
    nfkc = unicodedata.normalize("NFKC", email)
    return {
        email, email.lower(), email.upper(), f"  {email} ".strip(), f" {email} ", email.casefold(),
        nfkc, nfkc.casefold(), f"{local.replace('.', '')}@{domain}".lower(),
        f"{local.replace('.', '')}@{domain}", local, local.lower(), local.replace(".", "").lower(),
        normalize_identifier(email, "email") or "",
    }


def _name_guesses(first: str, last: str) -> set[str]:
    out = set()
    for f, l in [(first, last), (unicodedata.normalize("NFKD", first).encode("ascii", "ignore").decode(),
                                 unicodedata.normalize("NFKD", last).encode("ascii", "ignore").decode())]:
        for v in [f"{f} {l}", f"{l}, {f}", f"{l} {f}", f"{f}{l}", f"{f}.{l}", f"{f[0]}. {l}", f"{f[0]} {l}",
                  f"{f}_{l}", f"{l},{f}"]:
            out |= {v, v.lower(), v.upper(), v.casefold(), unicodedata.normalize("NFKC", v).casefold(),
                    f" {v} ", v.title()}
    out.add(normalize_identifier(f"{first} {last}", "name") or "")
    return out


def _digests(guess: str) -> set[str]:
    out = set()
    for algo in ("md5", "sha1", "sha256"):
        for data in {guess.encode("utf-8"), guess.encode("utf-16-le"), guess.encode("latin-1", "ignore")}:
            d = hashlib.new(algo, data).digest()
            out |= {d.hex(), d.hex().upper(), base64.b64encode(d).decode(),
                    base64.urlsafe_b64encode(d).decode(), base64.b32encode(d).decode().lower()}
    return out


def _leaks(digests: set[str], pseudonyms: set[str]) -> set[str]:
    """Digests sharing a 16-character stretch with the start of any pseudonym."""
    prefixes = {p[:16].lower() for p in pseudonyms}
    return {d for d in digests
            if any(d[i:i + 16].lower() in prefixes for i in range(len(d) - 15))}


def test_dictionary_attack_on_the_roster_finds_nothing() -> None:
    people = _roster()
    assert len(people) == 200
    key = _key(7)
    pseudonyms: set[str] = set()
    for length in (20, 64):
        p = Pseudonymizer(key, project="alpha", length=length)
        for first, last, email in people:
            pseudonyms |= {p.pseudonym(email, "email"), p.pseudonym(f"{first} {last}", "name"),
                           p.pseudonym(f"{last}, {first}", "name")}
    guesses: set[str] = set()
    for first, last, email in people:
        assert len(_email_guesses(email)) >= 8 and len(_name_guesses(first, last)) >= 8
        guesses |= _email_guesses(email) | _name_guesses(first, last)
    digests: set[str] = set()
    for g in guesses:
        digests |= _digests(g)
    assert len(digests) > 50_000
    assert _leaks(digests, pseudonyms) == set()
    # The harness does catch an unkeyed hash posing as a pseudonym.
    plain = hashlib.sha256(normalize_identifier(people[0][2], "email").encode()).hexdigest()[:20]
    assert _leaks(digests, {plain})


def test_the_key_never_appears(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    path = keygen(tmp_path / "keys" / "k.key")
    raw = path.read_bytes()
    key = load_key(key_file=path)
    p = Pseudonymizer(key, project="alpha", linkage_key="cohort")
    p.pseudonym("maria.g@x.org", "email")

    errors = []
    # the same key, refused for where or how it is stored
    os.chmod(path, 0o644)
    if os.name == "posix":
        errors.append(_catch(load_key, key_file=path))
    os.chmod(path, 0o600)
    errors.append(_catch(keygen, path=path))
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    _write_key(tmp_path / "repo" / "k.key", raw)
    errors.append(_catch(load_key, key_file=tmp_path / "repo" / "k.key"))
    _write_key(tmp_path / "proj" / "k.key", raw)
    errors.append(_catch(load_key, key_file="k.key", project_root=tmp_path / "proj"))
    # parts of the key, refused for their length (read, then refused: the bytes were in memory)
    _write_key(tmp_path / "keys" / "short.key", raw[:31])
    errors.append(_catch(load_key, key_file=tmp_path / "keys" / "short.key"))
    _write_key(tmp_path / "keys" / "long.key", raw * 40)
    errors.append(_catch(load_key, key_file=tmp_path / "keys" / "long.key"))
    short_file = tmp_path / "keys" / "short.key"
    errors.append(_catch(lambda: PseudonymKey(short_file.read_bytes())))
    for setup, *_ in (r.values for r in REFUSALS):
        errors.append(_catch(load_key, **setup(tmp_path / setup.__name__)))

    texts = [str(key), repr(key), f"{key}", str(p), repr(p), repr(p.provenance()), repr(dir(key)),
             caplog.text]
    for err in errors:
        assert err.__cause__ is None and err.__context__ is None
        texts += [str(err), repr(err), repr(err.args), err.message, err.hint or "",
                  "".join(traceback.format_exception(err)),
                  "".join(traceback.TracebackException.from_exception(err, capture_locals=True).format())]
    haystack = "\n".join(texts)
    assert key.fingerprint in haystack  # the fingerprint is what is shown

    needles = set()
    for form in (raw.hex(), raw.hex().upper(), raw.decode("latin-1"), base64.b64encode(raw).decode()):
        needles |= {form[i:i + 8] for i in range(len(form) - 7)}
    needles |= {repr(raw[i:i + 4])[2:-1] for i in range(len(raw) - 3) if len(repr(raw[i:i + 4])) >= 10}
    found = sorted(n for n in needles if n in haystack)
    assert found == []
