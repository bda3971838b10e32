"""The ``evalkit`` command line: thin wrappers that parse, load the project file and call the library.

Exit codes (one per failure class):

* 0: success;
* 1: a batch finished but some units failed (each is listed with its reason);
* 2: a problem the user can fix: bad config, bad input file, bad data (the message says where);
* 3: an internal error in evalkit (a bug). The traceback goes to a private crash file, never the
  terminal, because exception text can quote data.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from evalkit.errors import EvalkitError

__all__ = ["app", "main"]

app = typer.Typer(
    name="evalkit",
    help="Turn raw survey exports from school-leadership programs into privacy-safe evaluation reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)
out = Console()
err = Console(stderr=True)

ProjectOpt = Annotated[
    Path, typer.Option("--project", "-p", help="Project file (evalkit.yml) or the folder holding it.")
]


def _load(project: Path):
    from evalkit.config import load_project

    return load_project(project)


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="Folder to write evalkit.yml and codebook.yml into.")] = Path("."),
    project: Annotated[str, typer.Option(help="Short project id (used in folder names).")] = "my_program",
    title: Annotated[str, typer.Option(help="Program title for the report cover.")] = "My Leadership Program",
    kind: Annotated[str, typer.Option(help="survey | cadre | pipeline | network | principal_network | state_resources")] = "cadre",
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
) -> None:
    """Write a commented starter project (evalkit.yml + codebook.yml) for a new program."""
    from evalkit.config.project import ProgramKind
    from evalkit.config.starter import write_starter

    try:
        pk = ProgramKind(kind)
    except ValueError:
        raise EvalkitError(f"unknown program kind {kind!r}", hint=f"use one of: {', '.join(k.value for k in ProgramKind)}") from None
    for p in write_starter(folder, project=project, title=title, kind=pk, overwrite=force):
        out.print(f"[green]wrote[/green] {p}")
    out.print("Next: put your exports under the raw_dir it names, edit the sources, then run [bold]evalkit validate[/bold].")


@app.command()
def validate(project: ProjectOpt = Path("evalkit.yml")) -> None:
    """Check the project file and codebook, and that every source file exists, ingests and has its columns."""
    from evalkit.pipeline import validate_project

    cfg = _load(project)
    checks = validate_project(cfg)
    table = Table(title=f"evalkit validate: {cfg.project.project}", show_lines=False)
    for col in ("source", "check", "result", "detail"):
        table.add_column(col)
    bad = 0
    for c in checks:
        bad += not c.ok
        table.add_row(c.source, c.check, "[green]ok[/green]" if c.ok else "[red]problem[/red]", c.detail)
    out.print(table)
    for c in checks:
        if not c.ok:
            err.print(f"{c.source}: {c.detail}", highlight=False, markup=False, soft_wrap=True)
    if bad:
        err.print(f"[red]{bad} problem(s)[/red]: fix them and run `evalkit validate` again.")
        raise typer.Exit(2)
    out.print("[green]Project is valid.[/green]")


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Export files or folders to read (folders are searched).")],
    format: Annotated[Optional[str], typer.Option("--format", "-f", help="Override format detection.")] = None,
    sheet: Annotated[Optional[str], typer.Option(help="Excel sheet name (default: the first).")] = None,
    encoding: Annotated[Optional[str], typer.Option(
        "--encoding", "-e", help="Text encoding of CSV/TSV files (e.g. cp1252), read strictly; default: detected.")] = None,
    columns: Annotated[bool, typer.Option(
        "--columns", help="List each file's columns: evalkit's name, the header as written, the question text, "
                          "the value labels and the codes the file declares missing (SPSS).")] = False,
    json_out: Annotated[bool, typer.Option(
        "--json", help="Print metadata as JSON instead of a table (with --columns: each file's column_names).")] = False,
) -> None:
    """Read exports and report what was found (format, rows, columns, encoding, SHA-256). Writes nothing.

    The project file and codebook may name a column either way that --columns shows.
    """
    import json

    from evalkit.pipeline import ingest_paths

    results = ingest_paths(paths, format=format, sheet=sheet, encoding=encoding, columns=columns)
    if json_out:
        out.print_json(json.dumps([r.to_dict() for r in results]))
    else:
        table = Table(title="evalkit ingest")
        for col in ("file", "format", "rows", "columns", "encoding", "sha256", "result"):
            table.add_column(col, overflow="fold")
        for r in results:
            if r.ok:
                table.add_row(r.file, r.format, str(r.rows), str(r.columns), r.encoding or "", r.sha256[:12], "[green]ok[/green]")
            else:
                table.add_row(r.file, "", "", "", "", "", f"[red]{r.error}[/red]")
        out.print(table)
        for r in results if columns else ():
            if not r.ok:
                continue
            cols = Table(title=f"Columns of {r.file}")
            for col in ("name (evalkit)", "header as written", "question text", "values (code=label; missing)"):
                cols.add_column(col, overflow="fold")
            for c in r.column_names or ():
                cols.add_row(c.name, c.header, c.text, c.values)
            out.print(cols)
    failed = [r for r in results if not r.ok]
    if failed:
        err.print(f"[red]{len(failed)} of {len(results)} file(s) could not be read[/red]:")
        for r in failed:
            err.print(f"  {r.error}", highlight=False, markup=False, soft_wrap=True)
        raise typer.Exit(2)


@app.command()
def clean(project: ProjectOpt = Path("evalkit.yml")) -> None:
    """Ingest and clean every source in memory and write the data-quality log (tables: `evalkit anonymize`)."""
    from evalkit.clean.project import clean_project

    cfg = _load(project)
    result = clean_project(cfg, console=out)
    _print_quality(result.log)
    out.print(f"[green]Cleaned {len(result.tables)} source(s)[/green]; the data-quality log is in {result.out_dir}. "
              "Cleaned tables hold identifiers, so they stay in memory: `evalkit anonymize` writes them.")


@app.command()
def anonymize(project: ProjectOpt = Path("evalkit.yml")) -> None:
    """Ingest, clean and anonymize every source; write pseudonymized, redacted, k-anonymous tables to processed_dir."""
    from evalkit.pipeline import process_project

    cfg = _load(project)
    result = process_project(cfg, console=out)
    _print_quality(result.log)
    out.print(f"[green]Wrote anonymized tables[/green] to {result.out_dir} "
              f"(key fingerprint {result.provenance['key_fingerprint']}).")


@app.command()
def names(project: ProjectOpt = Path("evalkit.yml")) -> None:
    """List the people and places the redactor finds in the free text that no source lists, to find the public
    ones (a local hero, a stadium) for `anonymize.public_names`. Prints them for you; writes nothing."""
    from rich.markup import escape

    from evalkit.anonymize.found_names import names_off_roster
    from evalkit.clean.project import clean_project

    cfg = _load(project)
    found = names_off_roster(cfg, clean_project(cfg, console=err, write_log=False).tables)
    if found.empty:
        out.print("No names or places off the roster were found in the free text.")
        return
    table = Table(title="Found in the free text, listed in no source (it names people: do not share it)")
    for col in ("label", "name", "comments"):
        table.add_column(col, overflow="fold", justify="right" if col == "comments" else "left")
    for row in found.itertuples(index=False):
        table.add_row(row.label, escape(row.name), str(row.comments))
    out.print(table)
    out.print(f"{len(found)} name(s) and place(s). Each stays redacted; one that is public in your program and is no "
              "one's to hide can be listed in `anonymize.public_names` of the project file. Nothing was written.")


@app.command()
def analyze(
    project: ProjectOpt = Path("evalkit.yml"),
    unit: Annotated[Optional[list[str]], typer.Option(
        "--unit", "--cadre", help="Only these report units: a cadre id, or a survey program's id (repeatable).")] = None,
) -> None:
    """Compute each report unit's statistics from the anonymized tables and protect them (no rendering).

    Reads only what `evalkit anonymize` wrote; writes each unit's artifacts/ (tables, charts, facts.json,
    disclosure log) beside the store (processed_dir/analysis/), never into reports/. `evalkit report` builds,
    renders, audits and releases. Exit 1 if a unit failed.
    """
    from evalkit.pipeline import analyze_project

    cfg = _load(project)
    _finish_batch(analyze_project(cfg, units=unit, console=out))


@app.command()
def export(
    source: Annotated[str, typer.Argument(help="Source id of the table to extract (as in evalkit.yml).")],
    out_file: Annotated[Path, typer.Option("--out", "-o", help="File to write (.csv or .parquet), outside "
                                           "processed_dir and reports_dir.")],
    project: ProjectOpt = Path("evalkit.yml"),
    columns: Annotated[Optional[list[str]], typer.Option(
        "--column", help="Keep only these columns (repeatable; default: all but free text and person_id).")] = None,
) -> None:
    """Write a k-anonymous person-level extract of one anonymized table, for someone outside the project."""
    from evalkit.anonymize.export import export_extract

    cfg = _load(project)
    res = export_extract(cfg, source, out_file, columns=columns)
    out.print(f"[green]wrote[/green] {res.file} ({res.rows} rows, {len(res.columns)} columns); "
              + (f"k = {res.k_before} before, {res.k_after} after (target {cfg.project.anonymize.k}); "
                 if res.k_after is not None else "no quasi-identifiers declared; ")
              + f"what was done is recorded in {res.record.name}")


@app.command()
def keygen(
    path: Annotated[Path, typer.Argument(help="Where to write the key: a path outside any repository.")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing key (old pseudonyms stop linking).")] = False,
) -> None:
    """Write a new random 32-byte pseudonymization key (mode 0600); point EVALKIT_KEY_FILE or the project file at it."""
    from evalkit.anonymize.keys import keygen as make_key

    written = make_key(path, overwrite=force)
    out.print(f"[green]wrote[/green] a new key to {written} (mode 0600). Keep it out of the repository and back it "
              "up: without it, pseudonyms cannot be reproduced.")


@app.command()
def pdp(
    project: ProjectOpt = Path("evalkit.yml"),
    program: Annotated[Optional[str], typer.Option("--program", help="The program whose points to list (needed "
                                                   "when several have a pdp rule).")] = None,
    demo: Annotated[bool, typer.Option("--demo", help="Use the bundled demo project (after `evalkit demo`).")] = False,
) -> None:
    """Write the organizer's certificate list of professional development points (names, e-mails, hours, PDPs).

    Eligibility follows the program's `pdp` rule in the project file; the list goes to `pdp.certificates`,
    outside reports/ and data_processed/, mode 0600, and never into a report. Prints how many are eligible.
    """
    from evalkit.pipeline import pdp_list

    if demo:
        from evalkit.demo.config import demo_config

        cfg = demo_config(console=out)
    else:
        cfg = _load(project)
    res = pdp_list(cfg, program, console=out)
    table = Table(title=f"Participation funnel: {res.program}")
    table.add_column("step")
    table.add_column("people", justify="right")
    for step, people in res.funnel.itertuples(index=False):
        table.add_row(step, str(people))
    out.print(table)
    out.print(f"[green]{res.eligible} of {res.registered}[/green] registered participants earned PDPs; the "
              f"certificate list is in {res.file} (mode 0600: it names people; keep it out of reports and shared "
              "folders).")


def _print_quality(log) -> None:
    counts = log.counts()
    table = Table(title="Data-quality log (totals)")
    for col in ("defect", "action", "count"):
        table.add_column(col)
    for row in counts.itertuples(index=False):
        table.add_row(row.defect, row.action, str(row.count))
    out.print(table)


WorkersOpt = Annotated[Optional[int], typer.Option(
    "--workers", min=1, help="Worker processes for the local executor (default: one per core).")]
ExecutorOpt = Annotated[str, typer.Option(
    "--executor", help="Where reports render: local (a process pool here) or dask (an existing cluster).")]
SchedulerOpt = Annotated[Optional[str], typer.Option(
    "--scheduler", metavar="ADDRESS", help="Dask scheduler address for --executor dask, e.g. tcp://host:8786.")]
CellTimeoutOpt = Annotated[int, typer.Option("--cell-timeout", min=1, help="Seconds any one notebook cell may run.")]
DeadlineOpt = Annotated[float, typer.Option("--deadline", min=1, help="Seconds one whole report may take.")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Render every report, even those whose inputs are unchanged.")]
RereleaseOpt = Annotated[Optional[str], typer.Option(
    "--allow-rerelease", metavar="REASON",
    help="Publish a unit again whose figures changed since its last release (recorded in the ledger).")]


def _check_executor(executor: str, workers: Optional[int], scheduler: Optional[str]) -> None:
    from evalkit.report.batch import check_executor_options

    check_executor_options(executor, workers=workers, scheduler=scheduler)


def _render(cfg, *, executor: str, workers: Optional[int], scheduler: Optional[str], **kwargs) -> None:
    """Open the executor, run the report batch with a progress bar, print the table, exit 1 on failures."""
    from evalkit.pipeline import report_project
    from evalkit.report.batch import open_executor

    with open_executor(executor, workers=workers, scheduler=scheduler) as (ex, n):
        results = report_project(cfg, console=out, executor=ex, workers=n, progress=True, **kwargs)
    _finish_batch(results)


@app.command()
def report(
    project: ProjectOpt = Path("evalkit.yml"),
    all_: Annotated[bool, typer.Option("--all", help="Every report unit (the default when no --unit is given).")] = False,
    cadre: Annotated[Optional[list[str]], typer.Option(
        "--unit", "--cadre", help="Only these report units: a cadre id, or a survey program's id (repeatable).")] = None,
    pdf: Annotated[bool, typer.Option("--pdf/--no-pdf", help="Also write PDF.")] = True,
    allow_rerelease: RereleaseOpt = None,
    workers: WorkersOpt = None,
    executor: ExecutorOpt = "local",
    scheduler: SchedulerOpt = None,
    cell_timeout: CellTimeoutOpt = 300,
    deadline: DeadlineOpt = 900.0,
    force: ForceOpt = False,
) -> None:
    """Build each cadre's artifacts from the anonymized tables (`evalkit anonymize` wrote them) and render its
    report to HTML and PDF, in parallel. Raw exports are not read again.

    Reports whose inputs are unchanged since their last render are skipped (--force renders them);
    every bundle is audited before it counts as released. Exit 1 if any report failed or was withheld.
    """
    if all_ and cadre:
        raise EvalkitError("--all and --unit contradict each other", hint="give --all, or one --unit per report unit")
    _check_executor(executor, workers, scheduler)
    cfg = _load(project)
    _render(cfg, executor=executor, workers=workers, scheduler=scheduler, cadres=cadre, pdf=pdf,
            allow_rerelease=allow_rerelease, cell_timeout=cell_timeout, deadline=deadline, incremental=not force)


def _finish_batch(results) -> None:
    from rich.markup import escape

    table = Table(title="Reports")
    for col in ("unit", "status", "failing cell", "output / error", "executed notebook"):
        table.add_column(col, overflow="fold")
    for r in results:
        status = r.status or ("ok" if r.ok else "failed")
        shown = f"[green]{status}[/green]" if r.ok else f"[red]{status}[/red]"
        detail = r.detail if r.ok or not r.error_type or r.detail.startswith(r.error_type) else f"{r.error_type}: {r.detail}"
        cell = "" if r.failing_cell is None else str(r.failing_cell)
        table.add_row(escape(r.unit), shown, cell, escape(detail), escape(r.notebook or ""))
    out.print(table)
    for r in results:
        if r.findings:
            found = Table(title=f"Audit findings that withheld {escape(r.unit)}")
            for col in ("file", "page / line", "rule", "detail (value masked)"):
                found.add_column(col, overflow="fold")
            for file, location, kind, detail in r.findings:
                found.add_row(escape(file), escape(location), kind, escape(detail))
            out.print(found)
    failed = [r for r in results if not r.ok]
    if failed:
        err.print(f"[red]{len(failed)} of {len(results)} report(s) failed[/red]: " + ", ".join(r.unit for r in failed))
        raise typer.Exit(1)


@app.command()
def run(
    project: ProjectOpt = Path("evalkit.yml"),
    pdf: Annotated[bool, typer.Option("--pdf/--no-pdf", help="Also write PDF.")] = True,
    allow_rerelease: RereleaseOpt = None,
    workers: WorkersOpt = None,
    executor: ExecutorOpt = "local",
    scheduler: SchedulerOpt = None,
    force: ForceOpt = False,
) -> None:
    """Run the whole flow: ingest → clean → anonymize → (analyze, disclose as they arrive) → report."""
    from evalkit.pipeline import process_project

    _check_executor(executor, workers, scheduler)
    cfg = _load(project)
    result = process_project(cfg, console=out)
    _print_quality(result.log)
    _render(cfg, executor=executor, workers=workers, scheduler=scheduler, pdf=pdf, cleaned=result,
            allow_rerelease=allow_rerelease, incremental=not force)


@app.command()
def demo(
    data: Annotated[Optional[Path], typer.Option(help="Demo raw data (default: ./data_raw/demo, generated if absent).")] = None,
    out_dir: Annotated[Path, typer.Option("--out", help="Where reports go.")] = Path("reports/demo"),
    processed: Annotated[Path, typer.Option(help="Where cleaned tables go.")] = Path("data_processed/demo"),
    pdf: Annotated[bool, typer.Option("--pdf/--no-pdf", help="Also write PDF.")] = True,
    workers: WorkersOpt = None,
    executor: ExecutorOpt = "local",
    scheduler: SchedulerOpt = None,
    force: ForceOpt = False,
) -> None:
    """Run the whole flow on the bundled synthetic demo data (all five programs) into reports/demo/."""
    from evalkit.demo.config import demo_config
    from evalkit.pipeline import ledger_path, process_project

    _check_executor(executor, workers, scheduler)
    cfg = demo_config(data=data, processed_dir=processed, reports_dir=out_dir, console=out)
    # The demo is synthetic and re-run at will: each run is a first release, not a re-release.
    ledger_path(cfg).unlink(missing_ok=True)
    result = process_project(cfg, console=out)
    _print_quality(result.log)
    _render(cfg, executor=executor, workers=workers, scheduler=scheduler, pdf=pdf, cleaned=result,
            incremental=not force)


@app.command()
def audit(
    path: Annotated[Path, typer.Argument(help="A report bundle folder, or a folder of bundles (searched recursively).")],
    project: Annotated[Optional[Path], typer.Option(
        "--project", "-p", help="Project file (default: ./evalkit.yml, else the demo project for demo bundles).")] = None,
    processed: Annotated[Optional[Path], typer.Option(
        help="Processed tables whose pseudonyms to look for (default: the project's processed_dir).")] = None,
) -> None:
    """Check finished bundles for names, e-mails, phones, pseudonyms, raw ids, key material, an n below n_min,
    0 %/100 % shares and suppressed values; exit 1 if anything is found."""
    from rich.markup import escape

    from evalkit.audit import audit_path, find_project

    cfg = find_project(path, project, console=err)
    result = audit_path(path, cfg, processed_dir=processed)
    summary = f"{result.files} file(s) in {len(result.bundles)} bundle(s), {result.seconds:.1f} s"
    for name in result.skipped:
        err.print(f"skipped (binary file of a kind the audit does not read): {escape(name)}", highlight=False)
    if result.ok:
        out.print(f"[green]No findings[/green]: {summary}.")
        return
    table = Table(title=f"evalkit audit: {escape(str(path))}")
    for col in ("file", "location", "kind", "detail"):
        table.add_column(col, overflow="fold")
    for f in result.findings:
        table.add_row(escape(f.file), escape(f.location), f.kind.value, escape(f.detail))
    out.print(table)
    err.print(f"[red]{len(result.findings)} finding(s)[/red] ({summary}): do not publish these bundles; "
              "fix the report or the stage that made it, then run `evalkit audit` again.")
    raise typer.Exit(1)


@app.command()
def doctor() -> None:
    """Check Python, packages, the PDF engine's system libraries, the Jupyter kernel and fonts; say how to fix each."""
    from evalkit.report.doctor import check_environment

    checks = check_environment()
    table = Table(title="evalkit doctor")
    for col in ("check", "status", "detail", "how to fix"):
        table.add_column(col, overflow="fold")
    for c in checks:
        table.add_row(c.name, "[green]ok[/green]" if c.ok else "[red]problem[/red]", c.detail, c.fix or "")
    out.print(table)
    if not all(c.ok for c in checks):
        raise typer.Exit(2)


def _crash_file() -> Path:
    from platformdirs import user_cache_dir

    folder = Path(user_cache_dir("evalkit"))
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix="crash-", suffix=".log", dir=folder)
    os.close(fd)
    os.chmod(name, 0o600)
    return Path(name)


def _click_errors() -> tuple[type[Exception], ...]:
    """Click's usage and parameter errors: click's own, and those of the copy of click Typer 0.17+ vendors."""
    import click

    types: list[type[Exception]] = [click.exceptions.ClickException]
    try:
        from typer._click.exceptions import ClickException as TyperClickException
    except ImportError:  # Typer without a vendored click raises click's own
        pass
    else:
        types.append(TyperClickException)
    return tuple(types)


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: runs the app and maps errors to exit codes."""
    try:
        # Without standalone mode click *returns* an exit code (typer.Exit) instead of exiting.
        rc = app(args=argv, standalone_mode=False)
        if isinstance(rc, int) and rc != 0:
            sys.exit(rc)
    except EvalkitError as exc:
        err.print("error: " + str(exc), style="red", highlight=False, markup=False, soft_wrap=True)
        sys.exit(exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        err.print("aborted", style="red")
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:  # noqa: BLE001 - last resort: never show a bare traceback
        if isinstance(exc, _click_errors()):
            if getattr(exc, "ctx", None) is None:   # raised before click knew the command: say the usage here
                words = [a for a in (argv if argv is not None else sys.argv[1:]) if not a.startswith("-")][:1]
                command = f"evalkit {words[0]}" if words else "evalkit"
                err.print(f"Usage: {command} [OPTIONS] ...\nTry '{command} --help' for help.", highlight=False,
                          markup=False)
            exc.show()   # a usage error prints the command's usage line and what was wrong with it
            sys.exit(getattr(exc, "exit_code", 2) or 2)
        crash = _crash_file()
        crash.write_text(traceback.format_exc(), encoding="utf-8")
        err.print(
            f"internal error ({type(exc).__name__}): this is a bug in evalkit, not in your data. "
            f"Details were written to {crash} (private to you; it may quote data, so review it before sharing).",
            style="red", highlight=False, markup=False,
        )
        sys.exit(3)
