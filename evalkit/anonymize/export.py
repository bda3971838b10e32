"""Person-level extracts that leave the project, made k-anonymous: the one place the k gate applies.

The analysis store (``processed_dir``) keeps quasi-identifiers as they are, because per-school and
per-role results need them and every figure made from it passes the disclosure rule. A table of
people handed to someone outside the project is another matter: :func:`export_extract` reads one
table of the store, leaves out free text (redaction is good, not perfect), makes the declared
quasi-identifiers k-anonymous (generalize, then suppress locally; or refuse, as
``anonymize.on_k_violation`` says) and writes the extract with a record of what was done.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from evalkit._io import atomic_path, atomic_write_text
from evalkit.config import ProjectConfig
from evalkit.errors import EvalkitError
from evalkit.processed import ProcessedData, load_processed

__all__ = ["ExportResult", "export_extract"]

_FORMATS = {".csv": "csv", ".parquet": "parquet"}


@dataclass(frozen=True)
class ExportResult:
    """What :func:`export_extract` wrote: the file, its record, rows, columns and the k reached."""

    file: Path
    record: Path
    rows: int
    columns: tuple[str, ...]
    k_before: int | None
    k_after: int | None
    steps: tuple[tuple[str, str, int], ...]


def export_extract(cfg: ProjectConfig, source: str, out: str | Path, *, columns: list[str] | None = None,
                   store: ProcessedData | None = None) -> ExportResult:
    """Write a k-anonymous person-level extract of one table of the analysis store.

    Parameters
    ----------
    cfg : ProjectConfig
        The project (``anonymize.k`` and ``anonymize.on_k_violation`` apply).
    source : str
        The source id of the table to extract.
    out : str or Path
        The file to write (``.csv`` or ``.parquet``), outside ``processed_dir`` and ``reports_dir``.
        A record of the export is written beside it (``<out>.export.json``).
    columns : list of str, optional
        Columns to keep (default: all but free text). ``person_id`` pseudonyms are kept only when named.
    store : ProcessedData, optional
        The loaded store (default: :func:`~evalkit.processed.load_processed` of ``cfg``).

    Returns
    -------
    ExportResult

    Raises
    ------
    EvalkitError
        An unknown source or column, an output inside the store or the reports, an unknown format.
    KAnonymityError
        ``on_k_violation: refuse`` and the extract is not k-anonymous.
    """
    from evalkit.anonymize.kanon import enforce_k

    store = store or load_processed(cfg)
    out = Path(out).expanduser().resolve()
    fmt = _FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise EvalkitError(f"{out.name}: an extract is written as .csv or .parquet", hint="end --out with .csv or .parquet")
    for inside, what in ((cfg.processed_dir, "processed_dir"), (cfg.reports_dir, "reports_dir")):
        if out.is_relative_to(inside.resolve()):
            raise EvalkitError(f"{out}: an extract must not be written inside {what} ({inside})",
                               hint="write it where extracts for others are kept, outside the analysis store and the reports")
    if source not in store.tables:
        raise EvalkitError(f"no table {source!r} in {store.folder}", hint=f"use one of: {', '.join(sorted(store.tables))}")
    df = store.tables[source].drop(columns=["source_row"], errors="ignore")
    text = {r["column"] for r in store.anonymize_log.get("redaction", []) if r.get("source") == source}
    if columns is None:
        keep = [c for c in df.columns if c not in text and c != "person_id"]
    else:
        unknown = [c for c in columns if c not in df.columns]
        if unknown:
            raise EvalkitError(f"{source}: no column(s) {unknown}", hint=f"use columns of the table: {', '.join(df.columns)}")
        keep = list(columns)
    df = df[keep]
    entry = next((e for e in store.anonymize_log.get("k_anonymity", []) if e.get("source") == source), {})
    qis = [c for c in entry.get("quasi_identifiers", []) if c in df.columns]
    policy = cfg.project.anonymize
    k_before = k_after = None
    steps: list[tuple[str, str, int]] = []
    if qis and len(df):
        kept = cfg.project.source(source).kanon_keep
        res = enforce_k(df, qis, k=policy.k, on_violation=policy.on_k_violation,
                        generalizers=_ladders(df, qis, policy.k, keep=kept))
        df, k_before, k_after, steps = res.data, res.k_before, res.k_after, [tuple(s) for s in res.steps]
    out.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(out, suffix=out.suffix) as tmp:
        if fmt == "csv":
            df.to_csv(tmp, index=False)
        else:
            df.to_parquet(tmp, index=False)
    record = out.with_name(out.name + ".export.json")
    atomic_write_text(record, json.dumps({
        "schema": "evalkit.export/1", "project": cfg.project.project, "source": source, "file": out.name,
        "rows": len(df), "columns": list(df.columns), "quasi_identifiers": qis, "k": policy.k,
        "k_before": k_before, "k_after": k_after, "steps": [list(s) for s in steps],
        "free_text_left_out": sorted(text - set(keep)),
        "key_fingerprint": store.provenance.get("key_fingerprint")}, indent=1, default=str))
    return ExportResult(out, record, len(df), tuple(df.columns), k_before, k_after, tuple(steps))


def _ladders(df: pd.DataFrame, qis: list[str], k: int, *, keep: list[str] = ()) -> dict:
    """Generalization ladders: none for the table's unit of analysis (``kanon_keep``: suppress only);
    schools first to their district, then the district's default ladder."""
    from evalkit.anonymize.kanon import default_ladder

    out: dict = {c: [] for c in keep if c in qis}
    if "school_code" in qis and "school_code" not in out and "district_code" in df.columns:
        mapping = dict(zip(df["school_code"], df["district_code"]))

        def to_district(s: pd.Series) -> pd.Series:
            return s.map(mapping).astype(s.dtype)

        to_district.description = "schools generalized to their district"  # type: ignore[attr-defined]
        district = to_district(df["school_code"])
        coarser = [(lambda s, f=f: f(to_district(s))) for f in default_ladder(district, k=k)]
        for f, g in zip(coarser, default_ladder(district, k=k)):
            f.description = f"district: {getattr(g, 'description', None) or getattr(g, '__name__', 'coarser')}"  # type: ignore[attr-defined]
        out["school_code"] = [to_district, *coarser]
    return out
