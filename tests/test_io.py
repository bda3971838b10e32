"""Atomic outputs: a failure while writing leaves neither a half file nor a stray temporary."""

from __future__ import annotations

from pathlib import Path

import pytest

from evalkit._io import atomic_path, atomic_write_text, sha256_file


def test_failed_write_leaves_nothing(tmp_path: Path) -> None:
    dest = tmp_path / "out" / "table.parquet"
    with pytest.raises(RuntimeError):
        with atomic_path(dest) as tmp:
            tmp.write_bytes(b"half")
            raise RuntimeError("disk full")
    assert not dest.exists()
    assert list(dest.parent.iterdir()) == []


def test_failed_rewrite_keeps_the_old_file(tmp_path: Path) -> None:
    dest = atomic_write_text(tmp_path / "log.json", "old")
    with pytest.raises(RuntimeError):
        with atomic_path(dest) as tmp:
            tmp.write_text("new but incomplete")
            raise RuntimeError
    assert dest.read_text() == "old"


def test_outputs_follow_the_umask(tmp_path: Path) -> None:
    import os

    old = os.umask(0o022)
    try:
        path = atomic_write_text(tmp_path / "x.txt", "x")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644


def test_sha256_matches_hashlib(tmp_path: Path) -> None:
    import hashlib

    data = bytes(range(256)) * 10_000
    p = tmp_path / "b.bin"
    p.write_bytes(data)
    assert sha256_file(p) == hashlib.sha256(data).hexdigest()
