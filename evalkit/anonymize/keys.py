"""The pseudonymization key: create it, load it, and keep it out of every message.

A pseudonym is an HMAC-SHA256 of an identifier under a secret key (see
:mod:`evalkit.anonymize.pseudonym`). A plain hash is not a pseudonym: anyone holding the roster can
hash every name and e-mail and reverse it in milliseconds. The key is what makes the pseudonyms
safe, so it lives in a file of at least 32 random bytes, **outside** the repository and the project
folder, readable by its owner only.

Where the key comes from, in order:

1. the environment variable ``EVALKIT_KEY_FILE`` (a path; relative to the current folder);
2. ``anonymize.key_file`` in the project file (relative to the project folder; ``~`` expands).

:func:`load_key` refuses, with :class:`~evalkit.errors.KeyFileError` and a hint, a key that is not
configured, missing, shorter than 32 bytes, readable by group or others (POSIX), or inside a git
work tree or the project folder. The file's bytes are the key, exactly as stored (no trailing
newline is stripped); :func:`keygen` writes 32 raw bytes.

The key's bytes never appear in a message, ``repr``, ``str``, log or traceback: a
:class:`PseudonymKey` shows only its *fingerprint* (the first 8 hex characters of an HMAC of a fixed
label), which provenance records instead of the key. It cannot be pickled.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
from pathlib import Path
from typing import Any, NoReturn

from evalkit.errors import KeyFileError, KeyReason

__all__ = ["PseudonymKey", "load_key", "project_key", "keygen", "key_fingerprint", "KEY_ENV_VAR", "MIN_KEY_BYTES"]

#: Environment variable naming the key file; it takes precedence over the project file.
KEY_ENV_VAR = "EVALKIT_KEY_FILE"
#: Shortest key accepted, in bytes (256 bits).
MIN_KEY_BYTES = 32
#: Longest key file accepted, in bytes: a larger file is almost certainly not a key (a data file?).
MAX_KEY_BYTES = 1024
#: Bytes written by :func:`keygen`.
KEYGEN_BYTES = 32

_FINGERPRINT_LABEL = b"evalkit key fingerprint v1"
_KEYGEN_HINT = "run `evalkit keygen ~/.config/evalkit/<project>.key`"
_CONFIGURE_HINT = (
    "then set `anonymize: {key_file: ~/.config/evalkit/<project>.key}` in the project file, "
    f"or `export {KEY_ENV_VAR}=~/.config/evalkit/<project>.key`"
)
_OLD_KEY_NOTE = ("pseudonyms made with another key will not link with the new ones, so if this project "
                 "already has pseudonyms, look for its original key first")


class PseudonymKey:
    """A secret pseudonymization key. Shows, prints and records only its fingerprint.

    Parameters
    ----------
    key : bytes
        At least 32 random bytes. Usually obtained with :func:`load_key` rather than built directly.
    path : pathlib.Path, optional
        The file the key was read from (kept for messages and provenance; not secret).

    Raises
    ------
    KeyFileError
        ``reason=KeyReason.too_short`` if ``key`` has fewer than 32 bytes.

    Notes
    -----
    The bytes are held in a private slot. ``repr`` and ``str`` show the fingerprint,
    :math:`\\mathrm{HMAC\\text{-}SHA256}(key, \\text{"evalkit key fingerprint v1"})` truncated to 8 hex
    characters. Pickling raises ``TypeError`` (a pickle would carry the key into a file or another
    process); ``copy.copy`` and ``copy.deepcopy`` return the same, immutable object.

    Examples
    --------
    >>> key = PseudonymKey(bytes(range(32)))   # a real key comes from load_key()
    >>> key
    PseudonymKey(fingerprint='64bf3613')
    >>> key.fingerprint == key_fingerprint(key)
    True
    """

    __slots__ = ("__key", "_fingerprint", "path")

    def __init__(self, key: bytes, *, path: Path | None = None) -> None:
        if not isinstance(key, (bytes, bytearray)):
            kind = type(key).__name__
            del key
            raise TypeError(f"PseudonymKey: `key` must be bytes; got {kind}")
        n = len(key)
        if n < MIN_KEY_BYTES:
            del key  # keep the bytes out of tracebacks that show locals
            raise KeyFileError(
                f"the pseudonymization key has {n} bytes; at least {MIN_KEY_BYTES} are required",
                reason=KeyReason.too_short, file=path, hint=f"{_KEYGEN_HINT} ({_OLD_KEY_NOTE})",
            )
        self.__key = bytes(key)
        self._fingerprint = hmac.new(self.__key, _FINGERPRINT_LABEL, hashlib.sha256).hexdigest()[:8]
        self.path = path

    @property
    def fingerprint(self) -> str:
        """First 8 hex characters of HMAC-SHA256(key, b"evalkit key fingerprint v1"); safe to record."""
        return self._fingerprint

    def _derive(self, label: bytes) -> bytes:
        """HMAC-SHA256(key, label): a subkey for one purpose (private; used by the Pseudonymizer)."""
        return hmac.new(self.__key, label, hashlib.sha256).digest()

    def __repr__(self) -> str:
        # getattr: a traceback may show a half-built key (``self`` in ``__init__``)
        return f"PseudonymKey(fingerprint={getattr(self, '_fingerprint', None)!r})"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PseudonymKey):
            return NotImplemented
        return hmac.compare_digest(self.__key, other.__key)

    def __hash__(self) -> int:
        return hash(("PseudonymKey", self._fingerprint))

    def __reduce__(self) -> NoReturn:
        raise TypeError("a PseudonymKey cannot be pickled: that would write the secret key into the pickle; "
                        "load it with evalkit.anonymize.load_key() where it is needed")

    def __reduce_ex__(self, protocol: Any) -> NoReturn:
        self.__reduce__()
        raise AssertionError("unreachable")  # pragma: no cover

    def __getstate__(self) -> NoReturn:
        self.__reduce__()
        raise AssertionError("unreachable")  # pragma: no cover

    def __copy__(self) -> PseudonymKey:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> PseudonymKey:
        return self


def key_fingerprint(key: PseudonymKey | bytes) -> str:
    """The 8-hex-character fingerprint of a key, for provenance (never the key itself).

    Parameters
    ----------
    key : PseudonymKey or bytes
        A loaded key, or raw key bytes (at least 32).

    Returns
    -------
    str
        First 8 hex characters of HMAC-SHA256(key, b"evalkit key fingerprint v1").

    Examples
    --------
    >>> key_fingerprint(bytes(range(32)))
    '64bf3613'
    """
    if isinstance(key, PseudonymKey):
        return key.fingerprint
    return PseudonymKey(key).fingerprint


# ---------------------------------------------------------------------------------------------
# Where a key may live
# ---------------------------------------------------------------------------------------------

def _git_work_tree(path: Path) -> Path | None:
    """The nearest folder at or above ``path`` holding a ``.git`` folder or file, if any."""
    for folder in (path, *path.parents):
        if (folder / ".git").exists():
            return folder
    return None


def _is_within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _placement_error(path: Path, root: Path | None, *, root_label: str) -> KeyFileError | None:
    """Why ``path`` (absolute, resolved) must not hold a key, or ``None`` if it may."""
    hint = ("keep the key outside every repository and project folder, e.g. "
            "`~/.config/evalkit/<project>.key`, and point the project file's `anonymize.key_file` "
            f"(or {KEY_ENV_VAR}) at it; if the key was ever committed or shared, treat it as leaked: "
            "make a new one and re-run the pipeline")
    if root is not None:
        root = root.expanduser().resolve()
        if _is_within(path, root):
            return KeyFileError(
                f"{path}: the key file is inside the {root_label} {root}",
                reason=KeyReason.inside_repository, file=path, hint=hint,
            )
    tree = _git_work_tree(path.parent)
    if tree is not None:
        return KeyFileError(
            f"{path}: the key file is inside the git work tree {tree}",
            reason=KeyReason.inside_repository, file=path, hint=hint,
        )
    return None


# ---------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------

def _configured_path(key_file: str | Path | None, project_root: Path | None) -> tuple[Path, str]:
    env = os.environ.get(KEY_ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser().absolute(), f"environment variable {KEY_ENV_VAR}"
    if key_file is not None and str(key_file).strip():
        p = Path(key_file).expanduser()
        if not p.is_absolute():
            p = (project_root if project_root is not None else Path.cwd()) / p
        return p.absolute(), "project file (anonymize.key_file)"
    raise KeyFileError(
        "no pseudonymization key is configured: the anonymize stage needs one to make pseudonyms",
        reason=KeyReason.not_configured,
        hint=f"{_KEYGEN_HINT}, {_CONFIGURE_HINT}",
    )


def _read_key_file(path: Path, source: str) -> bytes:
    """Open, check and read the key file. Every error is raised outside any ``except`` block, so none
    chains another exception."""
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0)
    failure: tuple[KeyReason, str, str] | None = None
    fd = -1
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        failure = (KeyReason.missing_file, f"{path}: key file not found (named by the {source})",
                   f"check the path; to make a new key, {_KEYGEN_HINT} ({_OLD_KEY_NOTE})")
    except IsADirectoryError:
        failure = (KeyReason.not_a_file, f"{path}: is a folder, not a key file (named by the {source})",
                   "name the key file itself")
    except OSError as exc:  # permission denied, loop of links...
        failure = (KeyReason.unreadable, f"{path}: cannot open the key file ({exc.strerror})",
                   "check the file's owner and permissions (`chmod 600` it as its owner)")
    if failure is not None:
        reason, message, hint = failure
        raise KeyFileError(message, reason=reason, file=path, hint=hint)

    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            failure = (KeyReason.not_a_file, f"{path}: not a regular file (named by the {source})",
                       "name the key file itself")
        elif os.name == "posix" and st.st_mode & 0o077:
            failure = (KeyReason.too_permissive,
                       f"{path}: the key file can be read by other users "
                       f"(mode {stat.S_IMODE(st.st_mode):04o}); "
                       "it must be readable by its owner only",
                       f"run `chmod 600 {path}`; if others may have copied it, make a new key and re-run")
        elif st.st_size > MAX_KEY_BYTES:
            failure = (KeyReason.too_long,
                       f"{path}: {st.st_size} bytes is too large for a key file (at most {MAX_KEY_BYTES}); "
                       "is this the right file?",
                       f"point {KEY_ENV_VAR} or anonymize.key_file at the file written by `evalkit keygen`")
        if failure is None:
            data = b""
            while len(data) <= MAX_KEY_BYTES:
                chunk = os.read(fd, MAX_KEY_BYTES + 1 - len(data))
                if not chunk:
                    break
                data += chunk
            del chunk
    finally:
        os.close(fd)
    if failure is not None:
        reason, message, hint = failure
        raise KeyFileError(message, reason=reason, file=path, hint=hint)
    n = len(data)
    if n < MIN_KEY_BYTES or n > MAX_KEY_BYTES:
        del data  # keep the bytes out of tracebacks that show locals
        if n < MIN_KEY_BYTES:
            raise KeyFileError(
                f"{path}: the key has {n} bytes; at least {MIN_KEY_BYTES} random bytes are required",
                reason=KeyReason.too_short, file=path, hint=f"{_KEYGEN_HINT} ({_OLD_KEY_NOTE})",
            )
        raise KeyFileError(
            f"{path}: {n} bytes is too large for a key file (at most {MAX_KEY_BYTES})",
            reason=KeyReason.too_long, file=path,
            hint=f"point {KEY_ENV_VAR} or anonymize.key_file at the file written by `evalkit keygen`",
        )
    return data


def load_key(*, key_file: str | Path | None, project_root: Path | None = None) -> PseudonymKey:
    """Load the pseudonymization key, refusing any key that is not safe to use.

    Parameters
    ----------
    key_file : str, pathlib.Path or None
        The project file's ``anonymize.key_file``. Relative paths are resolved against
        ``project_root``; ``~`` expands. The environment variable ``EVALKIT_KEY_FILE`` (a path,
        relative to the current folder) takes precedence when set and non-blank.
    project_root : pathlib.Path, optional
        The project folder. The key may not be inside it (it holds the data the key protects). When
        omitted, relative paths resolve against the current folder.

    Returns
    -------
    PseudonymKey
        The key; its ``fingerprint`` is what provenance records.

    Raises
    ------
    KeyFileError
        With ``reason`` (a :class:`~evalkit.errors.KeyReason`) and a "How to fix" hint:
        ``not_configured`` (neither the variable nor ``key_file`` is set), ``inside_repository``
        (inside a git work tree or the project folder), ``missing_file``, ``not_a_file``,
        ``unreadable``, ``too_permissive`` (group or others may read it; POSIX only),
        ``too_short`` (under 32 bytes) or ``too_long`` (over 1 KiB: probably the wrong file).

    See Also
    --------
    keygen : write a new key file.
    evalkit.anonymize.Pseudonymizer : make pseudonyms with the key.

    Notes
    -----
    The location is checked before the file is opened: a key inside a repository is refused even if
    it is otherwise valid, because it may already be committed. Symbolic links are resolved, and the
    real location is the one checked. The file's bytes are the key exactly as stored.
    """
    path, source = _configured_path(key_file, project_root)
    path = path.resolve()
    error = _placement_error(path, project_root, root_label="project folder")
    if error is not None:
        raise error
    return PseudonymKey(_read_key_file(path, source), path=path)


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------

def _make_private_dirs(folder: Path) -> None:
    """Create ``folder`` and any missing parents with mode 0700 (existing folders are left alone)."""
    missing = []
    for f in (folder, *folder.parents):
        if f.exists():
            break
        missing.append(f)
    for f in reversed(missing):
        try:
            os.mkdir(f, 0o700)
        except FileExistsError:  # created meanwhile
            continue
        if os.name == "posix":
            os.chmod(f, 0o700)


def _write_new(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        if os.name == "posix":
            os.fchmod(fd, 0o600)  # exactly 0600, whatever the umask
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)


def _refuse(message: str, reason: KeyReason, path: Path, hint: str) -> NoReturn:
    raise KeyFileError(message, reason=reason, file=path, hint=hint)


def keygen(path: str | Path, *, repo_root: Path | None = None, overwrite: bool = False) -> Path:
    """Write a new pseudonymization key: 32 bytes from :func:`secrets.token_bytes`, mode 0600.

    Parameters
    ----------
    path : str or pathlib.Path
        Where to write the key (``~`` expands), e.g. ``~/.config/evalkit/<project>.key``. Must be
        outside ``repo_root`` and outside any git work tree.
    repo_root : pathlib.Path, optional
        A repository or project folder the key must not be written into.
    overwrite : bool, default False
        Replace an existing key file. Every pseudonym made with the old key becomes unlinkable to
        new ones, so this is off by default.

    Returns
    -------
    pathlib.Path
        The absolute path written.

    Raises
    ------
    KeyFileError
        ``inside_repository`` (inside ``repo_root`` or a git work tree), ``file_exists`` (the file
        exists and ``overwrite`` is false), ``not_a_file`` (the path is a folder).

    See Also
    --------
    load_key : load and check the key.

    Notes
    -----
    The file is created with ``os.open(..., O_CREAT | O_EXCL, 0o600)``, so it is never readable by
    others, not even briefly, and an existing file is never silently replaced. Missing parent folders
    are created with mode 0700. With ``overwrite=True`` the new key is written to a private temporary
    file beside the target and renamed over it.
    """
    path = Path(path).expanduser().absolute().resolve()
    error = _placement_error(path, repo_root, root_label="repository")
    if error is not None:
        raise error
    if path.is_dir():
        _refuse(f"{path}: is a folder; name the key file to create inside it",
                KeyReason.not_a_file, path, "e.g. `evalkit keygen ~/.config/evalkit/<project>.key`")
    if path.exists() and not overwrite:
        _refuse(f"{path}: a key file already exists there; refusing to overwrite it",
                KeyReason.file_exists, path,
                "choose another path; replacing a key makes every pseudonym made with it unlinkable "
                "(pass overwrite=True only if that is what you want)")
    _make_private_dirs(path.parent)
    if not overwrite:
        try:
            _write_new(path, secrets.token_bytes(KEYGEN_BYTES))
        except FileExistsError:  # created since the check above; refused outside the except block
            pass
        else:
            return path
        _refuse(f"{path}: a key file already exists there; refusing to overwrite it",
                KeyReason.file_exists, path, "choose another path")
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    try:
        _write_new(tmp, secrets.token_bytes(KEYGEN_BYTES))
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


def project_key(cfg: Any) -> PseudonymKey:
    """The key of a loaded project: ``EVALKIT_KEY_FILE``, else ``anonymize.key_file`` (refuses bad keys).

    ``cfg`` is an :class:`evalkit.config.ProjectConfig`; see :func:`load_key` for what is refused.
    """
    return load_key(key_file=cfg.project.anonymize.key_file, project_root=cfg.root)
