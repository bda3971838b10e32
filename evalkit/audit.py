"""``evalkit audit``: check finished report bundles against the project they were made from.

:func:`audit_context` gathers, in memory, what the scan looks for: every person and place the
project's sources name (the same roster the clean stage builds), the pseudonyms of the processed
tables, the sources' raw ids, the 8-character pieces of the pseudonymization key and ``n_min``.
:func:`audit_path` scans one bundle, a folder of bundles or one file with it
(:func:`evalkit.disclose.scan.scan_path`). Nothing is written: the quality log that cleaning produces
on the way goes to a temporary folder and is discarded.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evalkit.config import ColumnRole, ProjectConfig, SourceKind
from evalkit.disclose.scan import AuditContext, AuditReport, bundle_projects, key_pieces, scan_path
from evalkit.errors import EvalkitError
from evalkit.report.appendix import REFERENCE_PHRASES

if TYPE_CHECKING:  # pragma: no cover
    from evalkit.clean.project import CleanResult

__all__ = ["audit_context", "audit_path", "find_project", "AuditContext", "AuditReport"]

#: Columns of the processed tables that hold pseudonyms (besides ``*_pid`` and the sources' key columns).
PSEUDONYM_COLUMNS = ("person_id", "panel_id")
_MIN_ID = 4          # shorter ids are not matched: they would match ordinary words
_MIN_NUMERIC_ID = 6  # all-digit ids shorter than this would match counts, years and codes


def find_project(path: str | Path, project: str | Path | None = None, *,
                 console: Any | None = None) -> ProjectConfig:
    """The project an audit checks against, in this order: ``project`` if given; the project the bundles
    were made from (their ``facts.json`` names it; its ``evalkit.yml`` is found in a folder above the
    bundles, or one level below such a folder, and its ``reports_dir`` holds them); ``./evalkit.yml`` if
    it exists; the packaged demo project if every bundle under ``path`` says ``"project": "demo"``.

    Raises
    ------
    EvalkitError
        If ``path`` does not exist, or no project is given and none can be found.
    """
    from evalkit.config import load_project

    path = Path(path)
    _check_path(path)
    if project is not None:
        return load_project(Path(project))
    named = set(bundle_projects(path).values())
    if len(named) == 1 and None not in named:
        own = _project_of_bundles(path, str(next(iter(named))))
        if own is not None:
            return own
    if Path("evalkit.yml").is_file():
        return load_project(Path("evalkit.yml"))
    if named == {"demo"}:
        from evalkit.demo.config import demo_config

        return demo_config(console=console)
    found = ", ".join(sorted(repr(p) for p in named if p)) or "none"
    raise EvalkitError(f"{path}: no project file given and none found (bundles name the project(s): {found})",
                       hint="pass --project path/to/evalkit.yml, or run from the folder that holds evalkit.yml")


#: How many folders above the audited path are searched for the bundles' project file.
_SEARCH_UP = 8


def _project_of_bundles(path: Path, project_id: str) -> ProjectConfig | None:
    """The project file whose id is ``project_id`` and whose reports folder holds ``path``, if one is near."""
    from evalkit.config import load_project
    from evalkit.config.load import read_yaml

    here = path.resolve()
    for folder in [here, *here.parents][:_SEARCH_UP]:
        for candidate in [folder / "evalkit.yml", *sorted(folder.glob("*/evalkit.yml"))]:
            try:
                doc = read_yaml(candidate) if candidate.is_file() else None
            except EvalkitError:
                continue
            if not isinstance(doc, dict) or doc.get("project") != project_id:
                continue
            cfg = load_project(candidate)
            if here.is_relative_to(cfg.reports_dir.resolve()):
                return cfg
    return None


def _check_path(path: Path) -> None:
    if not path.exists():
        raise EvalkitError(f"{path}: no such file or folder",
                           hint="give a report bundle folder (e.g. reports/<project>/<unit>) or a folder of bundles "
                                "(e.g. reports/<project>); `evalkit run` and `make demo` write them")
    if path.is_dir() and not any(p.is_file() for p in path.rglob("*")):
        raise EvalkitError(f"{path}: the folder holds no files to audit",
                           hint="give the folder of a report bundle (report.html, report.pdf, artifacts/)")


def audit_context(cfg: ProjectConfig, *, processed_dir: str | Path | None = None,
                  cleaned: CleanResult | None = None) -> AuditContext:
    """Everything the audit looks for in ``cfg``'s bundles, built in memory.

    Parameters
    ----------
    cfg : ProjectConfig
        The project the bundles were made from. Its raw sources are read (for the roster and the raw
        ids) and its pseudonymization key is loaded (for the key pieces).
    processed_dir : str or pathlib.Path, optional
        The processed tables whose pseudonyms to look for; default ``cfg.processed_dir``.
    cleaned : CleanResult, optional
        The project's cleaned sources, when the caller already has them (the report batch does); by
        default the sources are read and cleaned again here.

    Returns
    -------
    AuditContext

    Raises
    ------
    EvalkitError
        If the sources cannot be read, the processed folder holds no tables, or the key cannot be
        loaded (:class:`~evalkit.errors.KeyFileError`).
    """
    if not isinstance(cfg, ProjectConfig):
        raise TypeError(f"audit_context: `cfg` must be a ProjectConfig; got {type(cfg).__name__}")
    from evalkit.clean.checks import build_detector

    processed = Path(processed_dir) if processed_dir is not None else cfg.processed_dir
    files = sorted(processed.glob("*.parquet")) if processed.is_dir() else []
    if not files:  # checked first: cleaning takes a few seconds
        raise EvalkitError(f"{processed}: no processed tables (*.parquet) to take pseudonyms from",
                           hint="run `evalkit anonymize` (or `evalkit run`) first, or pass --processed with the "
                                "folder the bundles were made from")
    pieces, fingerprint = _key_pieces(cfg)
    _check_same_key(processed, fingerprint)
    cleaned = cleaned if cleaned is not None else _clean_in_memory(cfg)
    return AuditContext(detector=build_detector(cfg, cleaned.tables),
                        pseudonyms=_pseudonyms(cfg, cleaned, files), raw_ids=_raw_ids(cfg, cleaned),
                        key_pieces=pieces, n_min=cfg.project.privacy.n_min, project=cfg.project.project,
                        allowed_phrases=REFERENCE_PHRASES | cfg.project.category_labels())


def audit_path(path: str | Path, cfg: ProjectConfig, *, processed_dir: str | Path | None = None) -> AuditReport:
    """Audit a report bundle, a folder of bundles (recursively) or one file against the project ``cfg``.

    Parameters
    ----------
    path : str or pathlib.Path
        What to audit.
    cfg : ProjectConfig
        The project the bundles were made from (:func:`find_project`).
    processed_dir : str or pathlib.Path, optional
        Where the processed tables are, if not ``cfg.processed_dir``.

    Returns
    -------
    AuditReport
        ``ok`` is true when nothing was found.

    Raises
    ------
    EvalkitError
        If ``path`` does not exist or holds no file, if a bundle was made by another project, or if
        the context cannot be built (:func:`audit_context`).

    See Also
    --------
    evalkit.disclose.scan.scan_path : the scan itself, given a hand-made context.
    """
    path = Path(path)
    _check_path(path)
    other = {b: p for b, p in bundle_projects(path).items() if p is not None and p != cfg.project.project}
    if other:
        b, p = sorted(other.items())[0]
        raise EvalkitError(f"{path / b}: the bundle was made by project {p!r}, not by {cfg.project.project!r} "
                           f"({len(other)} such bundle(s))",
                           hint=f"pass the project file of {p!r} with --project")
    return scan_path(path, audit_context(cfg, processed_dir=processed_dir))


def _names_people(cfg: ProjectConfig, src) -> bool:
    """Whether a source can name a person, place or id (or is a roster or event list others link to)."""
    specs = dict(src.columns)
    if src.instrument and src.instrument in cfg.codebook.instruments:
        specs.update(cfg.codebook.instruments[src.instrument].columns)
    return (src.kind in (SourceKind.roster, SourceKind.events) or bool(src.name_columns or src.place_columns
            or src.email_columns) or any(s.role in (ColumnRole.identifier, ColumnRole.key, ColumnRole.self_code)
                                         for s in specs.values()))


def _clean_in_memory(cfg: ProjectConfig):
    """Ingest and clean, as the clean stage does, every source that can name a person, place or id; the
    quality log goes to a discarded folder."""
    from evalkit.clean.project import clean_project

    sources = [s for s in cfg.project.sources if _names_people(cfg, s)]
    with tempfile.TemporaryDirectory(prefix="evalkit-audit-") as tmp:
        scratch = ProjectConfig(project=cfg.project.model_copy(update={"processed_dir": tmp, "sources": sources}),
                                codebook=cfg.codebook, project_file=cfg.project_file)
        try:
            return clean_project(scratch)
        except EvalkitError as exc:
            raise EvalkitError(f"the audit reads the project's sources to know its roster, and could not: "
                               f"{exc.message}", hint=exc.hint or "run `evalkit validate`") from None


def _check_same_key(processed: Path, fingerprint: str) -> None:
    """The processed tables must come from the loaded key, or the pseudonym and key checks prove nothing."""
    import json

    try:
        recorded = json.loads((processed / "provenance.json").read_text(encoding="utf-8")).get("key_fingerprint")
    except (OSError, ValueError, AttributeError):
        return  # no provenance to compare with
    if recorded and recorded != fingerprint:
        raise EvalkitError(f"{processed}: the processed tables were made with key {recorded}, but the key loaded "
                           f"now is {fingerprint}",
                           hint="point EVALKIT_KEY_FILE (or anonymize.key_file) at the key the bundles were made "
                                "with, or pass --processed with the matching folder")


def _key_pieces(cfg: ProjectConfig) -> tuple[frozenset[str], str]:
    """The key's 8-character pieces. The key is checked by ``load_key`` first; its bytes live only here."""
    from evalkit.anonymize.keys import key_fingerprint
    from evalkit.anonymize.keys import project_key

    key = project_key(cfg)
    data = Path(key.path).read_bytes()
    same = key_fingerprint(data) == key.fingerprint
    pieces = key_pieces(data) if same else frozenset()
    del data
    if not same:
        raise EvalkitError(f"{key.path}: the key file changed while the audit was reading it",
                           hint="run the audit again once nothing writes the key file")
    return pieces, key.fingerprint


def _specs(cfg: ProjectConfig, table) -> dict:
    from evalkit.clean.checks import column_specs

    return column_specs(cfg, table)


def _pseudonyms(cfg: ProjectConfig, cleaned, files: list[Path]) -> frozenset[str]:
    """Every pseudonym in the processed tables: ``person_id``, ``panel_id``, ``*_pid`` and key columns."""
    import pandas as pd
    import pyarrow.parquet as pq

    out: set[str] = set()
    for f in files:
        table = cleaned.tables.get(f.stem)
        specs = _specs(cfg, table) if table is not None else {}
        keys = {c for c, s in specs.items() if s.role == ColumnRole.key}
        names = pq.read_schema(f).names
        cols = [c for c in names if c in PSEUDONYM_COLUMNS or c.endswith("_pid") or c in keys]
        if cols:
            df = pd.read_parquet(f, columns=cols)
            for c in cols:
                out |= _values(df[c], numeric_ok=True)
    return frozenset(out)


def _raw_ids(cfg: ProjectConfig, cleaned) -> frozenset[str]:
    """Raw ids of the sources: identifier columns of kind ``id``, key and self-code columns, the roster's key."""
    out: set[str] = set()
    for sid, table in cleaned.tables.items():
        specs = _specs(cfg, table)
        cols = {c for c, s in specs.items() if (s.role == ColumnRole.identifier and s.kind == "id")
                or s.role in (ColumnRole.key, ColumnRole.self_code)}
        if table.source.kind == SourceKind.roster:
            cols |= set(table.source.key)
        for df in (table.data, cleaned.raw[sid].data):
            for c in cols & set(df.columns):
                out |= _values(df[c])
    return frozenset(out)


def _values(series, *, numeric_ok: bool = False) -> set[str]:
    out: set[str] = set()
    for v in series.dropna().unique():
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        for part in str(v).split(";"):
            part = part.strip()
            if len(part) < _MIN_ID or (part.isdigit() and len(part) < _MIN_NUMERIC_ID and not numeric_ok):
                continue
            out.add(part)
    return out
