"""Run the stages in order for a whole project; the CLI and ``make demo`` call these functions.

Each stage reads what the previous one produced and writes through atomic renames, so any stage can
be re-run alone and a failure never leaves a half-written output. Identifiers live only in memory:
what is written to ``processed_dir`` is each clean table's publishable projection, checked once more
for e-mail addresses and phone numbers before it is written.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import evalkit
from evalkit._console import Progress
from evalkit._io import atomic_write_text
from evalkit.anonymize.keys import project_key
from evalkit.clean.project import CleanResult, check_raw_unchanged, clean_project, read_source
from evalkit.config import ProjectConfig
from evalkit.errors import EvalkitError
from evalkit.ingest import read_export

__all__ = [
    "Check",
    "IngestColumn",
    "IngestResult",
    "UnitResult",
    "validate_project",
    "ingest_paths",
    "analyze_project",
    "report_project",
    "process_project",
    "ledger_path",
]

@dataclass(frozen=True)
class Check:
    source: str
    check: str
    ok: bool
    detail: str = ""


def _code_text(code: Any) -> str:
    """A code as a codebook writes it: SPSS stores 1 as 1.0, a codebook says 1."""
    from evalkit.ingest import MissingRange

    if isinstance(code, MissingRange):
        return f"{_code_text(code.low)} thru {_code_text(code.high)}"
    if isinstance(code, float) and code.is_integer():
        return str(int(code))
    return str(code)


@dataclass(frozen=True)
class IngestColumn:
    """One column as ``evalkit ingest --columns`` lists it, with what the codebook needs to know.

    ``value_labels`` are ``(code, label)`` pairs and ``missing_codes`` the codes the file declares
    missing (a range as ``"2000 thru 3000"``), each code written as a codebook writes it (``1``, not
    ``1.0``). ``values`` puts both in one line.

    Examples
    --------
    >>> c = IngestColumn("myord", "myord", "", (("-1", "missing"), ("1", "low"), ("2", "medium")), ("-1", "-3"))
    >>> c.values
    '1=low; 2=medium; missing: -1=missing, -3'
    """

    name: str
    header: str
    text: str = ""
    value_labels: tuple[tuple[str, str], ...] = ()
    missing_codes: tuple[str, ...] = ()

    @classmethod
    def from_meta(cls, meta: Any) -> IngestColumn:
        """From a reader's :class:`~evalkit.ingest.ColumnMeta`."""
        return cls(meta.name, meta.original, meta.text or "",
                   tuple((_code_text(k), str(v)) for k, v in meta.value_labels.items()),
                   tuple(_code_text(c) for c in meta.missing_codes))

    @property
    def values(self) -> str:
        """Value labels of the substantive codes, then the declared missing codes (with their labels)."""
        labels = dict(self.value_labels)
        parts = [f"{k}={v}" for k, v in self.value_labels if k not in self.missing_codes]
        text = "; ".join(parts)
        if self.missing_codes:
            missing = ", ".join(f"{c}={labels[c]}" if c in labels else c for c in self.missing_codes)
            text = f"{text}; missing: {missing}" if text else f"missing: {missing}"
        return text

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "header": self.header, "text": self.text,
                "value_labels": dict(self.value_labels), "missing_codes": list(self.missing_codes),
                "values": self.values}


@dataclass(frozen=True)
class IngestResult:
    """One file read by :func:`ingest_paths`. ``column_names`` is ``None`` unless columns were asked for
    (and the file was read); ``to_dict`` then leaves the key out rather than show an empty list."""

    file: str
    ok: bool
    format: str = ""
    rows: int = 0
    columns: int = 0
    encoding: str | None = None
    sha256: str = ""
    error: str = ""
    column_names: tuple[IngestColumn, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        out = self.__dict__.copy()
        if self.column_names is None:
            del out["column_names"]
        else:
            out["column_names"] = [c.to_dict() for c in self.column_names]
        return out


@dataclass(frozen=True)
class UnitResult:
    """One report unit's outcome: ``status`` is rendered, skipped (up to date), failed or withheld
    (the audit rejected the bundle); a failed notebook names its ``failing_cell`` (0-based, source
    notebook), the ``error_type`` and the executed ``notebook`` kept for debugging."""

    unit: str
    ok: bool
    detail: str
    status: str = ""
    failing_cell: int | None = None
    error_type: str | None = None
    notebook: str | None = None
    # a withheld unit's audit findings: (file, location, kind, detail); the detail masks the value
    findings: tuple[tuple[str, str, str, str], ...] = ()


def _files_under(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files += sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith("."))
        else:
            files.append(p)
    return files


def ingest_paths(paths: Iterable[Path], *, format: str | None = None, sheet: str | None = None,
                 encoding: str | None = None, columns: bool = False) -> list[IngestResult]:
    """Read every file (folders are searched); one failing file does not stop the others.

    With ``columns``, each result lists the file's columns (:class:`IngestColumn`): evalkit's name,
    the header as written (either may be used in the project file and codebook), the question text,
    and the value labels and declared missing codes (SPSS), from which a codebook's response scale is
    written.
    """
    results = []
    for f in _files_under(paths):
        try:
            sd = read_export(f, format=format, sheet=sheet, encoding=encoding)
        except EvalkitError as exc:
            results.append(IngestResult(file=str(f), ok=False, error=str(exc)))
            continue
        cols = tuple(IngestColumn.from_meta(m) for m in sd.columns.values()) if columns else None
        results.append(IngestResult(file=str(f), ok=True, format=sd.source.format, rows=sd.source.n_rows,
                                    columns=len(sd.data.columns), encoding=sd.source.encoding, sha256=sd.source.sha256,
                                    column_names=cols))
    return results


def _emptied_sources(cleaned: CleanResult) -> list[Check]:
    """A source whose every row cleaning dropped is almost always a rule that does not fit the export
    (all of a file's rows marked as tests, a wrong progress column): say which rule took most of them."""
    from evalkit.clean.quality import Action

    out = []
    for sid, table in cleaned.tables.items():
        n_raw = cleaned.raw[sid].source.n_rows
        if n_raw == 0 or len(table.data):
            continue
        drops = sorted((e for e in cleaned.log.entries if e.source == sid and e.action == Action.dropped and e.count),
                       key=lambda e: -e.count)
        why = (f"; most by the rule '{drops[0].rule}' ({drops[0].count} rows: {drops[0].detail or drops[0].rule})"
               if drops else "")
        out.append(Check(sid, "rows left after cleaning", False,
                         f"cleaning dropped every one of the {n_raw} rows{why}. Check that rule against the export "
                         "(docs/cleaning.md says how to switch each rule off)"))
    return out


def validate_project(cfg: ProjectConfig, *, key: bool = True) -> list[Check]:
    """Every check ``run`` makes before it writes anything, each reported rather than stopping the others.

    Per source: the file exists and ingests; the columns the project file and codebook name are
    there (by evalkit's name or the file's own header; an unknown name gets a "did you mean").
    Then the whole project is cleaned in memory, as ``run`` cleans it, so response codes, labels,
    dates and events are checked by the same rules, and with the key (loaded and checked when ``key``)
    the anonymize stage runs in memory too; nothing is written. "Valid" therefore means ``run`` will
    not stop on the data.
    """
    from evalkit.clean.source_columns import did_you_mean

    checks = [Check("(project)", "project file and codebook", True, str(cfg.project_file))]
    readable = True
    for src in cfg.project.sources:
        try:
            sd = read_source(cfg, src)
        except EvalkitError as exc:
            checks.append(Check(src.id, "file ingests", False, str(exc)))
            readable = False
            continue
        checks.append(Check(src.id, "file ingests", True, f"{sd.source.format}, {sd.source.n_rows} rows"))
        cols = set(sd.data.columns)
        named = [*src.email_columns, *src.name_columns, *src.date_columns, *src.key]
        named += [v for v in src.fields.model_dump().values() if v]
        named += [c for c in (src.cadre_column, src.consent_column) if c]
        named += cfg.project.program_columns(src.id, required=True)
        if src.instrument:
            inst = cfg.instrument(src.instrument)
            aliases = inst.alias_map()
            present = {aliases.get(c, c) for c in cols}
            wanted = [i for i, item in inst.items.items() if item.wave in (None, src.wave)]
            absent = [i for i in wanted if i not in present]
            checks.append(Check(src.id, "codebook items present", not absent,
                                "; ".join(f"missing {a!r}: {did_you_mean(a, sd)}" for a in absent[:5])
                                + (f" (and {len(absent) - 5} more)" if len(absent) > 5 else "")
                                if absent else f"{len(wanted)} items"))
        # roles that name no column (identifier, free text...) already failed "file ingests": read_source refuses them
        missing = [c for c in dict.fromkeys(named) if c not in cols]
        checks.append(Check(src.id, "configured columns present", not missing,
                            "; ".join(f"missing {m!r}: {did_you_mean(m, sd)}" for m in missing) if missing else "ok"))
    loaded = None
    if key:
        try:
            loaded = project_key(cfg)
        except EvalkitError as exc:
            checks.append(Check("(project)", "pseudonymization key", False, str(exc)))
        else:
            checks.append(Check("(project)", "pseudonymization key", True, "loaded and checked"))
    if readable and all(c.ok for c in checks):
        try:
            cleaned = clean_project(cfg, write_log=False)
        except EvalkitError as exc:
            checks.append(Check("(all sources)", "cleaning rules (codes, labels, dates, events)", False, str(exc)))
        else:
            rows = sum(len(t.data) for t in cleaned.tables.values())
            checks.append(Check("(all sources)", "cleaning rules (codes, labels, dates, events)", True,
                                f"{len(cleaned.tables)} source(s), {rows} rows kept; nothing written"))
            checks += _emptied_sources(cleaned)
            if loaded is not None:
                checks.append(_anonymize_check(cfg, cleaned, loaded))
    return checks


def _anonymize_check(cfg: ProjectConfig, cleaned: CleanResult, key: Any) -> Check:
    """The anonymize stage in memory, as run makes it (linkage, pseudonyms, redaction, the last identifier
    check), so that an e-mail address in a column nobody marked stops validate, not run. Nothing is written."""
    from evalkit.anonymize.stage import anonymize_tables, check_no_identifiers

    what = "anonymize (linkage, pseudonyms, redaction, identifier check)"
    try:
        anon = anonymize_tables(cfg, cleaned.tables, cleaned.raw, key=key, log=cleaned.log)
        for sid, df in anon.tables.items():
            check_no_identifiers(df, cfg.project.source(sid), cleaned.raw[sid].path.name)
    except EvalkitError as exc:
        return Check("(all sources)", what, False, str(exc))
    held = int(len(anon.review)) if anon.review is not None else 0
    return Check("(all sources)", what, True, f"{held} comment(s) would be held for review; nothing written")


def process_project(cfg: ProjectConfig, *, console: Any | None = None, key=None) -> CleanResult:
    """Ingest, clean and anonymize every source, then write ``processed_dir``.

    The key is loaded (and checked) before any data is read, so a missing or unsafe key stops the
    run at once. Every table is checked before any is written.
    """
    from evalkit.anonymize.stage import anonymize_tables, write_processed

    say = Progress(console)
    key = key or project_key(cfg)
    cleaned = clean_project(cfg, console=console)
    say("anonymizing: linkage, pseudonyms, redaction, k-anonymity")
    anon = anonymize_tables(cfg, cleaned.tables, cleaned.raw, key=key, log=cleaned.log)
    outputs = write_processed(cfg, anon, cleaned.raw)
    cleaned.log.write(cleaned.out_dir)
    provenance = {
        "schema": "evalkit.provenance/1",
        "evalkit_version": evalkit.__version__,
        "project": cfg.project.project,
        "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "key_fingerprint": key.fingerprint,
        "inputs": [{"source": sid, "file": Path(r.source.path).name, "sha256": r.source.sha256,
                    "format": r.source.format, "rows": r.source.n_rows} for sid, r in cleaned.raw.items()],
        "outputs": outputs,
        "cleaning_rules": cfg.project.cleaning.model_dump(mode="json"),
        "anonymize_policy": cfg.project.anonymize.model_dump(mode="json", exclude={"key_file"}),
    }
    atomic_write_text(cleaned.out_dir / "provenance.json", json.dumps(provenance, indent=1))
    cleaned.provenance = provenance
    cleaned.anonymized = anon
    check_raw_unchanged(cleaned.raw)
    say(f"wrote {sum(1 for o in outputs if o.get('file'))} table(s), the logs and provenance to {cleaned.out_dir}")
    return cleaned


#: What a withheld bundle's rendering leaves in reports/ (moved out to the quarantine folder).
_RENDERED = ("report.html", "report.pdf", "report.ipynb", "supplement.html", "supplement.pdf")


def quarantine_path(cfg: ProjectConfig, unit: str) -> Path:
    """Where a withheld unit's render is kept: ``privacy.quarantine_dir``/<project>/<unit>, outside ``reports/``."""
    base = cfg._resolve(cfg.project.privacy.quarantine_dir)
    if base.resolve().is_relative_to(cfg.reports_dir.resolve()):
        raise EvalkitError(f"privacy.quarantine_dir ({base}) is inside reports_dir ({cfg.reports_dir})",
                           hint="a withheld report must not sit where reports are published; choose a folder "
                                "outside reports_dir")
    return base / cfg.project.project / unit


def quarantine(cfg: ProjectConfig, out_dir: Path) -> Path:
    """Move a withheld bundle out of ``reports/`` (rendered files and artifacts) for a person to inspect.

    The folder is replaced whole, so it always holds the latest withheld render; nothing of the bundle
    stays where reports are published.
    """
    import shutil

    dest = quarantine_path(cfg, out_dir.name)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for name in (*_RENDERED, "artifacts"):
        if (out_dir / name).exists():
            shutil.move(str(out_dir / name), str(dest / name))
    return dest


def _withdraw(cfg: ProjectConfig, out_dir: Path) -> None:
    """Take a render that was not audited and released out of ``reports/``: to the quarantine folder when
    that works, else deleted. Never raises: it runs on the way out of a failure."""
    from evalkit.report.batch import forget_render

    try:
        quarantine(cfg, out_dir)
    except Exception:  # noqa: BLE001 - whatever failed, the render must not stay where reports are published
        for name in (*_RENDERED, "artifacts"):
            target = out_dir / name
            if target.is_dir():
                import shutil

                shutil.rmtree(target, ignore_errors=True)
            else:
                target.unlink(missing_ok=True)
    forget_render(out_dir)


def ledger_path(cfg: ProjectConfig) -> Path:
    """The project's release ledger (``privacy.ledger``, else in the processed-data folder)."""
    led = cfg.project.privacy.ledger
    return cfg._resolve(led) if led else cfg.processed_dir / "release_ledger.jsonl"


def _unit_path(unit: Any) -> str:
    return "/".join(dict.fromkeys(p for p in (unit.program, unit.cohort, unit.cadre) if p))


def _units(cfg: ProjectConfig, wanted: list[str] | None, say: Progress) -> list[Any]:
    """The project's report units (all, or those named), saying which programs have no report yet."""
    from evalkit.report.kinds import kinds_without_report, report_units

    units = [u for u in report_units(cfg) if not wanted or u.cadre in wanted]
    skipped = kinds_without_report(cfg)
    if skipped:
        say(f"no report yet for programs of these kinds (skipped): {', '.join(skipped)}")
    if wanted:
        unknown = sorted(set(wanted) - {u.cadre for u in units})
        if unknown:
            raise EvalkitError(f"unknown report unit(s): {', '.join(unknown)}",
                               hint=f"use one of: {', '.join(u.cadre for u in report_units(cfg))}")
    return units


def analysis_dir(cfg: ProjectConfig, unit: str) -> Path:
    """Where ``evalkit analyze`` puts a unit's artifacts: beside the store, never in ``reports/``, whose files
    are the released reports (artifacts of newer data beside an older report would tell what changed)."""
    return cfg.processed_dir / "analysis" / unit / "artifacts"


def _build_unit(cfg: ProjectConfig, store: Any, unit: Any, allow_rerelease: str | None,
                out_dir: Path | None = None) -> Any:
    """One unit's protected artifact folder from the store, or the :class:`UnitResult` of its failure
    (a batch survives one failing unit and says why)."""
    from evalkit.disclose import ReleaseLedger
    from evalkit.report.kinds import build_artifacts

    try:
        ledger = ReleaseLedger(ledger_path(cfg))
        return build_artifacts(cfg, store, unit, out_dir or cfg.reports_dir / unit.cadre / "artifacts", ledger=ledger,
                               allow_rerelease=allow_rerelease)
    except EvalkitError as exc:
        return UnitResult(unit.cadre, False, str(exc), status="failed", error_type=type(exc).__name__)
    except Exception as exc:  # noqa: BLE001 - batch survives one failing unit and says why
        return UnitResult(unit.cadre, False, f"internal error: {type(exc).__name__}", status="failed",
                          error_type=type(exc).__name__)


def analyze_project(cfg: ProjectConfig, *, units: list[str] | None = None, console: Any | None = None,
                    allow_rerelease: str | None = None) -> list[UnitResult]:
    """The analyze and disclose stages alone: each unit's protected artifacts from the anonymized store.

    Reads only ``processed_dir`` (what ``evalkit anonymize`` wrote) and writes each unit's
    ``artifacts/`` folder (protected tables, charts, ``facts.json``, the disclosure log) to
    :func:`analysis_dir`, beside the store and outside ``reports_dir``; nothing is rendered, audited or
    recorded as released (``evalkit report`` builds its own and does that).
    """
    from evalkit.processed import load_processed

    say = Progress(console)
    store = load_processed(cfg)
    out = []
    chosen = _units(cfg, units, say)
    for i, unit in enumerate(chosen, 1):
        say(f"[{i}/{len(chosen)}] artifacts {_unit_path(unit)}")
        # analyze releases nothing, so a change since the last release is no reason to stop here (report checks)
        built = _build_unit(cfg, store, unit, allow_rerelease or "evalkit analyze: nothing is released",
                            out_dir=analysis_dir(cfg, unit.cadre))
        out.append(built if isinstance(built, UnitResult) else
                   UnitResult(unit.cadre, True, str(built[0]), status="analyzed"))
    return out


def report_project(cfg: ProjectConfig, *, cadres: list[str] | None = None, pdf: bool = True,
                   console: Any | None = None, cleaned: CleanResult | None = None,
                   allow_rerelease: str | None = None, executor: Any | None = None,
                   workers: int | None = None, cell_timeout: int = 300, deadline: float | None = 900,
                   incremental: bool = True, progress: bool = False) -> list[UnitResult]:
    """Build protected artifacts for each report unit (each cadre of a cadre program, each survey program),
    render its report, record it.

    Artifacts are built here, in this process, from the anonymized store that ``evalkit anonymize``
    wrote (:func:`evalkit.processed.load_processed`): no figure is computed from ``data_raw/`` or an
    identified table. Only the rendering (artifact folder → notebook → HTML, PDF) goes to
    ``executor``'s workers, which never see microdata. The independent audit of each bundle does read
    the raw exports, for the names, e-mails and ids it looks for; ``cleaned`` (the same run's in-memory
    result, when ``run`` calls this) spares it a second cleaning. Each finished bundle is audited here (a bundle with findings is withheld: its report
    files are removed) and only then added to the release ledger, which has this one writer.

    One failing report does not stop the others; each unit's outcome is returned in unit order.
    ``executor`` is any :class:`concurrent.futures.Executor` (default: a spawned pool of
    ``workers`` processes); the other options are :func:`evalkit.report.batch.render_batch`'s.
    """
    from evalkit.disclose import ReleaseLedger
    from evalkit.processed import load_processed
    from evalkit.report.batch import ReportJob, forget_render, render_batch

    say = Progress(console)
    store = load_processed(cfg)
    units = _units(cfg, cadres, say)
    notebooks = Path(__file__).resolve().parents[1] / "notebooks"
    notebook = notebooks / "cadre_report.ipynb"

    def notebook_of(unit: Any) -> Path:
        # each program kind has its report notebook, one cell per section it can have
        from evalkit.config import ProgramKind

        kind = cfg.project.program(unit.program).kind
        own = notebooks / f"{kind.value}_report.ipynb"
        return own if kind != ProgramKind.cadre and own.is_file() else notebook

    if not notebook.exists():
        raise EvalkitError(
            f"the report notebook {notebook.name} was not found beside the evalkit package",
            hint="install evalkit from its repository with `pip install -e .` (make demo does), so notebooks/ is found",
        )
    results: dict[str, UnitResult] = {}
    protected_of: dict[str, Any] = {}
    audit_ctx: list[Any] = []

    def jobs():
        # Built lazily, so the workers render one cadre while the next one's artifacts are built.
        # Every universe a bundle protects is prefixed by its own unit, so one cadre's release
        # (appended when its report passes the audit) never changes how another is protected.
        for i, unit in enumerate(units, 1):
            out_dir = cfg.reports_dir / unit.cadre
            say(f"[{i}/{len(units)}] artifacts {_unit_path(unit)}")
            built = _build_unit(cfg, store, unit, allow_rerelease)
            if isinstance(built, UnitResult):
                results[unit.cadre] = built
                continue
            artifact_dir, protected = built
            protected_of[unit.cadre] = protected
            yield ReportJob(unit=unit.cadre, notebook=str(notebook_of(unit)), artifact_dir=str(artifact_dir),
                            out_dir=str(out_dir), pdf=pdf, page_size=cfg.project.page_size,
                            parameters={"project": cfg.project.project, "cadre": unit.cadre,
                                        "cohort": unit.cohort, "artifact_dir": str(artifact_dir)})

    def finish(job, outcome):
        # In this process, as each report arrives: the audit gates success and the ledger.
        cadre, out_dir = job.unit, Path(job.out_dir)
        if not outcome.ok:
            _withdraw(cfg, out_dir)   # its artifacts were never audited either
            results[cadre] = _failed_unit(outcome)
            return None
        try:
            if not audit_ctx:
                from evalkit.audit import audit_context
                audit_ctx.append(audit_context(cfg, cleaned=cleaned))   # names to look for: cleaned once, not again
            from evalkit.disclose.scan import scan_path
            found = scan_path(out_dir, audit_ctx[0])
            if not found.ok:
                held = quarantine(cfg, out_dir)
                forget_render(out_dir)
                kinds = sorted({f.kind.value for f in found.findings})
                results[cadre] = UnitResult(cadre, False, f"the audit found {len(found.findings)} problem(s) "
                                            f"({', '.join(kinds)}); the report was withheld and moved to {held} "
                                            "for you to inspect. Fix the cause and run again",
                                            status="withheld", error_type="AuditFindings",
                                            findings=tuple((f.file, f.location, f.kind.value, f.detail)
                                                           for f in found.findings))
                return None
            ReleaseLedger(ledger_path(cfg)).append(protected_of[cadre], override=allow_rerelease)
        except EvalkitError as exc:
            _withdraw(cfg, out_dir)   # fail closed: an unaudited or unreleased render never stays in reports/
            results[cadre] = UnitResult(cadre, False, f"{exc} (the render was withdrawn from {out_dir})",
                                        status="failed", error_type=type(exc).__name__)
            return None
        except Exception as exc:  # noqa: BLE001 - batch survives one failing unit and says why
            _withdraw(cfg, out_dir)
            results[cadre] = UnitResult(cadre, False, f"internal error: {type(exc).__name__} (the render was "
                                        f"withdrawn from {out_dir})", status="failed", error_type=type(exc).__name__)
            return None
        detail = str(outcome.pdf or outcome.html)
        if outcome.pdf_skipped_reason:
            detail += f" (PDF skipped: {outcome.pdf_skipped_reason})"
        results[cadre] = UnitResult(cadre, True, detail, status=outcome.status.value, notebook=outcome.notebook)
        return None

    render_batch(jobs(), executor=executor, workers=workers, cell_timeout=cell_timeout, deadline=deadline,
                 incremental=incremental, progress=progress, total=len(units), on_result=finish)
    summaries = list(_program_summary_jobs(cfg, store, units, results, protected_of, notebook, pdf, say))
    if summaries:
        render_batch(summaries, executor=executor, workers=workers, cell_timeout=cell_timeout, deadline=deadline,
                     incremental=incremental, progress=progress, total=len(summaries), on_result=finish)
    return [results[u.cadre] for u in units] + [results[j.unit] for j in summaries if j.unit in results]


def _program_summary_jobs(cfg: ProjectConfig, store: Any, units: list[Any], results: dict[str, UnitResult],
                          protected_of: dict[str, Any], notebook: Path, pdf: bool, say: Progress) -> Iterator[Any]:
    """One job per cadre program and cohort with two or more audited cadre reports: its program-level summary
    (the cadres side by side, each figure as its own report published it; :mod:`evalkit.report.program`).

    Only cadres whose reports rendered and passed the audit enter, so the summary never shows a figure that
    was withheld. Its folder is ``<reports_dir>/program-<program>-<cohort>``.
    """
    from evalkit.config import ProgramKind
    from evalkit.report.batch import ReportJob
    from evalkit.report.program import CadreBundle, build_program_artifacts

    groups: dict[tuple[str, str], list[Any]] = {}
    for unit in units:
        result = results.get(unit.cadre)
        if result is not None and result.ok and cfg.project.program(unit.program).kind == ProgramKind.cadre:
            groups.setdefault((unit.program, unit.cohort), []).append(unit)
    for (program, cohort), members in groups.items():
        if len(members) < 2:
            continue
        name = f"program-{program}-{cohort}".replace("_", "-")
        say(f"program summary {program}/{cohort}: {len(members)} cadres side by side")
        out_dir = cfg.reports_dir / name
        try:
            artifact_dir, protected = build_program_artifacts(
                cfg, store, program, cohort,
                [CadreBundle(u.cadre, cfg.reports_dir / u.cadre / "artifacts") for u in members],
                out_dir / "artifacts")
        except EvalkitError as exc:
            results[name] = UnitResult(name, False, f"the program summary could not be built: {exc}",
                                       status="failed", error_type=type(exc).__name__)
            continue
        protected_of[name] = protected
        yield ReportJob(unit=name, notebook=str(notebook), artifact_dir=str(artifact_dir), out_dir=str(out_dir),
                        pdf=pdf, page_size=cfg.project.page_size,
                        parameters={"project": cfg.project.project, "cadre": program, "cohort": cohort,
                                    "artifact_dir": str(artifact_dir)})


def _failed_unit(outcome: Any) -> UnitResult:
    return UnitResult(outcome.unit, False, outcome.message or outcome.error_type or "failed", status="failed",
                      failing_cell=outcome.failing_cell, error_type=outcome.error_type, notebook=outcome.notebook)




@dataclass
class PdpResult:
    """What ``evalkit pdp`` did: who is eligible, out of how many, and where the list went."""

    program: str
    registered: int
    eligible: int
    file: Path
    funnel: Any
    unknown_marks: dict[str, int]


def pdp_list(cfg: ProjectConfig, program: str | None = None, *, key: Any = None,
             console: Any | None = None) -> PdpResult:
    """Write the organizer's identified certificate list of one program's PDP earners (``evalkit pdp``).

    Eligibility is computed on the anonymized store (:mod:`evalkit.analyze.participation`, the program's
    ``pdp`` rule); names and e-mails come back only here, from the raw roster matched through the keyed
    pseudonym, into ``pdp.certificates``: a file outside ``reports_dir``, ``processed_dir`` and ``raw_dir``,
    written atomically with mode 0600. Nothing of it enters a report.

    Raises
    ------
    EvalkitError
        No program with a ``pdp`` rule (or several and none named), no anonymized store, or a certificates
        path inside a folder reports or data are written to.
    """
    import pandas as pd

    from evalkit.analyze.participation import (participation_funnel, pdp_eligibility, person_hours,
                                               program_attendance, program_roster_and_events)
    from evalkit.anonymize.pseudonym import Pseudonymizer
    from evalkit.config import SourceKind
    from evalkit.processed import load_processed

    say = Progress(console)
    ruled = [p for p in cfg.project.programs if p.pdp is not None]
    if program is not None:
        ruled = [p for p in ruled if p.id == program]
    if len(ruled) != 1:
        names = ", ".join(p.id for p in cfg.project.programs if p.pdp is not None) or "none"
        raise EvalkitError(f"{cfg.project_file}: " + ("no program has a pdp rule" if not ruled and program is None
                           else f"program {program!r} has no pdp rule" if program else
                           "several programs have a pdp rule"),
                           hint=f"programs with a pdp rule: {names}; name one with --program, or add programs[].pdp "
                                "(docs/project-file.md)")
    prog = ruled[0]
    rule = prog.pdp
    dest = Path(rule.certificates)
    if not dest.is_absolute():
        dest = (Path(cfg.project_file).parent / dest)
    dest = dest.expanduser().resolve()
    for inside, what in ((cfg.processed_dir, "processed_dir"), (cfg.reports_dir, "reports_dir"),
                         (cfg.raw_dir, "raw_dir")):
        if dest.is_relative_to(Path(inside).resolve()):
            raise EvalkitError(f"programs[{prog.id}].pdp.certificates: {dest} is inside {what} ({inside}); the "
                               "certificate list names people and must be kept apart from data and reports",
                               hint="point it at a private folder of the organizer, e.g. ../private/pdp.csv")
    store = load_processed(cfg)
    roster_src = next((s for s in cfg.project.sources if s.kind == SourceKind.roster and s.email_columns), None)
    roster, events = program_roster_and_events(cfg, store, prog.id)
    if roster_src is None or roster.empty or events.empty:
        raise EvalkitError(f"{cfg.project_file}: evalkit pdp needs the program's roster and event list in the store",
                           hint="run `evalkit anonymize` first; the project needs sources of kind roster and events "
                                "whose program column holds the program's codes")
    registered = set(roster["person_id"].dropna())
    say(f"pdp: {prog.name}: {len(registered)} registered, {len(events)} events")
    attended_rows = program_attendance(cfg, store, prog.id)
    unknown = attended_rows.attrs.get("unknown_marks", {})
    if unknown:
        say("pdp: roster marks not understood, counted as not attended: "
            + ", ".join(f"{m!r} ({k} cells)" for m, k in sorted(unknown.items()))
            + "; say what they mean in attendance.marks of the project file")
    hours = person_hours(attended_rows, events, event_types=rule.event_types)
    completed = set()
    if rule.evaluation is not None and rule.evaluation in store.tables:
        completed = set(store.tables[rule.evaluation].get("person_id", pd.Series(dtype=object)).dropna())
    table = pdp_eligibility(registered, hours, completed, rule)
    funnel = participation_funnel(registered, hours, completed, rule)

    # names back: the raw roster, cleaned in memory, keyed with the project's key (only this command does it)
    key = key or project_key(cfg)
    from evalkit.clean.quality import QualityLog
    from evalkit.clean.tables import clean_table

    cleaned = clean_table(read_source(cfg, roster_src), roster_src, cfg.project.cleaning, QualityLog())
    email = roster_src.email_columns[0]
    pol = cfg.project.anonymize
    pz = Pseudonymizer(key, project=cfg.project.project, linkage_key=pol.linkage_key, length=pol.pseudonym_length)
    who = cleaned.data.assign(person_id=pz.series(cleaned.data[email], "email"))
    first, last = (roster_src.name_columns + [None, None])[:2]
    who = who.drop_duplicates("person_id").set_index("person_id")
    earned = table[table["eligible"]].copy()
    out = pd.DataFrame({
        "first_name": earned["person"].map(who[first]) if first in who else "",
        "last_name": earned["person"].map(who[last]) if last in who else "",
        "email": earned["person"].map(who[email]),
        "events_attended": earned["events"].to_numpy(), "hours": earned["hours"].round(2).to_numpy(),
        "evaluation_completed": earned["evaluation"].map({True: "yes", False: "no"}).to_numpy(),
        "pdps": earned["pdps"].to_numpy()}).sort_values(["last_name", "first_name"], kind="stable")
    dest.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(dest, out.to_csv(index=False))
    dest.chmod(0o600)
    return PdpResult(prog.id, len(registered), int(table["eligible"].sum()), dest, funnel, unknown)
