"""File helpers shared by every stage: hashing, read-only opening, atomic writes.

Raw exports are never modified: they are only ever opened for reading, and their SHA-256 is
recorded so a later run can prove they did not change. Outputs are written to a temporary file in
the destination folder and renamed into place, so a crash never leaves half a file behind.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from evalkit.errors import InputFileError, Reason

__all__ = ["sha256_file", "check_readable", "atomic_path", "atomic_write_text", "atomic_write_bytes"]

_CHUNK = 1 << 20


def check_readable(path: str | Path) -> Path:
    """Return ``path`` as a :class:`Path` if it is an existing, readable file; else raise a clear error."""
    p = Path(path)
    if not p.exists():
        raise InputFileError(
            p, Reason.missing_file, "file not found",
            hint="check the path (relative paths are resolved from the project folder) or the project file's 'source' entry",
        )
    if p.is_dir():
        raise InputFileError(p, Reason.unreadable_file, "is a folder, not a file", hint="name a file inside it")
    if not os.access(p, os.R_OK):
        raise InputFileError(p, Reason.unreadable_file, "file is not readable", hint="check the file's permissions")
    return p


def sha256_file(path: str | Path) -> str:
    """SHA-256 of a file's bytes as 64 hex characters, read in 1 MiB chunks (read-only)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


@contextlib.contextmanager
def atomic_path(dest: str | Path, *, suffix: str | None = None) -> Iterator[Path]:
    """Yield a temporary path beside ``dest``; on success rename it onto ``dest``, on failure delete it.

    Use for writers that want a path (``DataFrame.to_parquet``) rather than a handle.
    """
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=suffix or ".tmp", dir=dest.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    # mkstemp creates 0600; give outputs the permissions an ordinary file gets under the umask.
    os.chmod(tmp_path, 0o666 & ~_umask())
    try:
        yield tmp_path
        os.replace(tmp_path, dest)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp_path.unlink()
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _atomic_write(dest: str | Path, data: bytes) -> Path:
    with atomic_path(dest) as tmp:
        fh: IO[bytes]
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    return Path(dest)


def atomic_write_bytes(dest: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``dest`` atomically (temporary file + rename)."""
    return _atomic_write(dest, data)


def atomic_write_text(dest: str | Path, text: str, *, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``dest`` atomically (temporary file + rename)."""
    return _atomic_write(dest, text.encode(encoding))
