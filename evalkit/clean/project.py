"""Clean a whole project: read every source as the project file describes it, apply the rules, log.

Sources are cleaned rosters first, then event lists, then the rest, so that surveys can be linked to
the roster and attendance matched to events. The result stays in memory (the tables still hold
identifiers); only the data-quality log, which names rows and columns but never values, is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from evalkit._console import Progress
from evalkit._io import sha256_file
from evalkit.clean.checks import check_free_text, check_names_against_roster, check_small_groups
from evalkit.clean.quality import QualityLog
from evalkit.clean.source_columns import did_you_mean, source_columns, unresolved_roles
from evalkit.clean.survey import CleanTable, Roster, clean_survey
from evalkit.clean.tables import clean_table
from evalkit.config import ProjectConfig, Source, SourceKind
from evalkit.errors import DataError, EvalkitError, Reason
from evalkit.ingest import SurveyData, read_export

__all__ = ["CleanResult", "clean_project", "read_source", "check_raw_unchanged"]


@dataclass
class CleanResult:
    """Every source of a project, cleaned (in memory: these tables still hold identifiers), the raw
    exports they came from, the data-quality log, and once anonymized, what the anonymize stage made."""

    tables: dict[str, CleanTable]
    raw: dict[str, SurveyData]
    log: QualityLog
    out_dir: Path
    provenance: dict[str, Any] = field(default_factory=dict)
    anonymized: Any = None


def read_source(cfg: ProjectConfig, src: Source) -> SurveyData:
    """Read one source's file as the project file describes it (format, sheet, rename, add_columns)."""
    raw = read_export(cfg.source_path(src), format=src.format, sheet=src.sheet, encoding=src.encoding)
    instrument = cfg.codebook.instruments.get(src.instrument) if src.instrument else None
    raw = source_columns(raw, src, instrument=instrument, also=cfg.project.program_columns(src.id))
    unresolved = unresolved_roles(raw, src, instrument)
    if unresolved:
        raise DataError(raw.path, Reason.missing_column,
                        f"the project file or codebook gives column {unresolved[0]!r} a role (identifier, free text, "
                        "self code or key) but the file has no such column, so it would protect nothing",
                        column=unresolved[0], hint=did_you_mean(unresolved[0], raw))
    return raw


_ORDER = {SourceKind.roster: 0, SourceKind.events: 1}


def _roster(table: CleanTable) -> Roster:
    src = table.source
    df = table.data
    email = src.email_columns[0]
    keep = [c for c in table.publishable().columns if c != "withdrawn"]
    by = df[df[email].notna()].drop_duplicates(subset=[email], keep="first").set_index(email)
    out = by[keep].copy()
    if "status" not in out.columns:
        out["status"] = "active"
    if src.consent_column and src.consent_column in by.columns:
        out["_consent"] = by[src.consent_column]
    return Roster(by_email=out, attributes=tuple(keep), cadre_attribute=src.cadre_column)


def _event_list(table: CleanTable, cfg: ProjectConfig) -> pd.DataFrame:
    """The official event list in the shape :func:`evalkit.clean.match_events` takes."""
    df = table.data
    src = table.source
    id_col = src.key[0] if src.key else "event_id"
    names = {code.casefold(): p.name for p in cfg.project.programs for code in [p.id, *p.codes]}
    out = pd.DataFrame({"event_id": df[id_col].astype("string")}, index=df.index)
    out["topic"] = df["topic"].astype("string") if "topic" in df.columns else out["event_id"]
    if src.cadre_column and src.cadre_column in df.columns:
        out["cadre"] = df[src.cadre_column].astype("string")
    date_col = next((c for c in src.date_columns if "date" in c), None)
    if date_col:
        out["date"] = pd.to_datetime(df[date_col])
    if "event_type" in df.columns:
        out["modality"] = df["event_type"].astype("string")
    # Words people type that are not in the topic: the phase and the program's name.
    extra = []
    for col in ("phase", "program"):
        if col in df.columns:
            extra.append(df[col].astype("string").map(lambda v: names.get(str(v).casefold(), v) if isinstance(v, str) else ""))
    if extra:
        out["label"] = pd.concat(extra, axis=1).fillna("").agg(" ".join, axis=1).str.strip()
    if "program" in df.columns:
        # the program's own name says which program, not which event: its words are no topic cue
        out["program_name"] = df["program"].astype("string").map(
            lambda v: names.get(str(v).casefold(), "") if isinstance(v, str) else "")
    return out.reset_index(drop=True)


def clean_project(cfg: ProjectConfig, *, console: Any | None = None, write_log: bool = True) -> CleanResult:
    """Ingest and clean every source in memory, then write the data-quality log (unless ``write_log`` is False).

    Sources are cleaned rosters first, then event lists, then the rest, so surveys can be linked
    to the roster and attendance matched to events.
    """
    say = Progress(console)
    rules = cfg.project.cleaning
    log = QualityLog()
    tables: dict[str, CleanTable] = {}
    raws: dict[str, SurveyData] = {}
    rosters: dict[str, Roster] = {}
    events: pd.DataFrame | None = None
    sources = sorted(cfg.project.sources, key=lambda s: _ORDER.get(s.kind, 2))
    for i, src in enumerate(sources, 1):
        say(f"[{i}/{len(sources)}] {src.id}: {src.file}")
        raw = read_source(cfg, src)
        raws[src.id] = raw
        if src.kind == SourceKind.survey:
            roster = rosters.get(src.roster_link) if src.roster_link else None
            table = clean_survey(raw, src, cfg.codebook, rules, log, roster=roster, events=events)
        else:
            table = clean_table(raw, src, rules, log, events=events)
        tables[src.id] = table
        if src.kind == SourceKind.roster and src.email_columns:
            rosters[src.id] = _roster(table)
        if src.kind == SourceKind.events:
            events = _event_list(table, cfg)

    say("checking free text for personal data and groups for size")
    check_free_text(cfg, tables, raws, log)
    check_names_against_roster(cfg, tables, raws, log)
    check_small_groups(cfg, tables, log)

    out_dir = cfg.processed_dir
    if write_log:  # validate cleans to check, and writes nothing
        out_dir.mkdir(parents=True, exist_ok=True)
        log.write(out_dir)  # the log names rows and columns, never values: safe before anonymization
    check_raw_unchanged(raws)
    say(f"cleaned {len(tables)} source(s)" + (f"; data-quality log written to {out_dir}" if write_log else ""))
    return CleanResult(tables=tables, raw=raws, log=log, out_dir=out_dir)


def check_raw_unchanged(raws: dict[str, SurveyData]) -> None:
    """Raw files must be byte-identical after the run: re-hash and compare."""
    for raw in raws.values():
        if sha256_file(raw.path) != raw.source.sha256:
            raise EvalkitError(f"{raw.path}: the raw file changed while evalkit was reading it",
                               hint="make sure nothing else writes to data_raw/ during a run")
