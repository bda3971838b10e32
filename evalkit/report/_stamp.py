"""Incremental rendering: the stamp kept beside a report's outputs.

A report is rendered again only when something it depends on changed: its artifact folder's
content, its parameters, the notebook, evalkit's own code, templates and fonts, or the version.
All of that is hashed into one key and stored with the outputs' own hashes in
``.evalkit-render.json``; outputs edited or deleted since are rendered again too.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import Any

from evalkit._io import atomic_write_text, sha256_file
from evalkit.report.render import _OUTPUTS  # the files a render writes

__all__ = ["STAMP_NAME", "stamp_key", "fresh_outputs", "write_stamp", "forget_render"]

#: Stamp file written beside a report's outputs (what the outputs were rendered from).
STAMP_NAME = ".evalkit-render.json"
_STAMP_SCHEMA = "evalkit.render_stamp/1"
_PACKAGE = Path(__file__).resolve().parents[1]



def _tree_hash(folder: Path) -> str:
    """SHA-256 over every file's relative path and content (hidden files skipped), in sorted order."""
    h = hashlib.sha256()
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix != ".pyc"
                   and not any(part.startswith((".", "__pycache__")) for part in p.relative_to(folder).parts))
    if not files:
        raise FileNotFoundError(folder)
    for p in files:
        h.update(p.relative_to(folder).as_posix().encode() + b"\0" + sha256_file(p).encode() + b"\n")
    return h.hexdigest()


@functools.lru_cache(maxsize=1)
def _code_hash() -> str:
    """evalkit's own files (code, report templates, fonts): the version number alone misses edits."""
    return _tree_hash(_PACKAGE)


def stamp_key(job: Any) -> str:
    """What a report's outputs depend on, hashed: change any of it and the report is rendered again."""
    from evalkit import __version__
    from evalkit.report.render import KERNEL_NAME

    parts = {
        "evalkit_version": __version__,
        "notebook_sha256": sha256_file(Path(job.notebook)),
        "artifacts_sha256": _tree_hash(Path(job.artifact_dir)),
        "code_sha256": _code_hash(),
        "artifact_dir": str(Path(job.artifact_dir).resolve()),
        "parameters": job.parameters,
        "pdf": job.pdf,
        "page_size": job.page_size,
        "kernel": KERNEL_NAME,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def fresh_outputs(out_dir: Path, key: str) -> dict[str, str] | None:
    """The outputs' paths if the stamp matches ``key`` and every output is intact, else None."""
    try:
        stamp = json.loads((out_dir / STAMP_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if stamp.get("schema") != _STAMP_SCHEMA or stamp.get("key") != key or stamp.get("pdf_skipped_reason"):
        return None  # a PDF skipped last time (not asked for then) is made now
    outputs = stamp.get("outputs") or {}
    for name, digest in outputs.items():
        path = out_dir / name
        if name not in _OUTPUTS or not path.is_file() or sha256_file(path) != digest:
            return None
    return {name: str(out_dir / name) for name in outputs}


def write_stamp(out_dir: Path, key: str, res: Any, *, pdf: bool) -> None:
    written = [p for p in (res.notebook, res.html, res.pdf) if p is not None]
    missing = res.pdf_skipped_reason if pdf and res.pdf is None else None
    stamp = {"schema": _STAMP_SCHEMA, "key": key, "pdf_skipped_reason": missing,
             "outputs": {p.name: sha256_file(p) for p in written}}
    atomic_write_text(out_dir / STAMP_NAME, json.dumps(stamp, indent=1) + "\n")


def forget_render(out_dir: str | Path) -> None:
    """Drop a report's stamp (e.g. after its outputs were withheld), so the next run renders it."""
    (Path(out_dir) / STAMP_NAME).unlink(missing_ok=True)
