"""Run a thin report notebook with papermill and turn it into ``report.html`` and ``report.pdf``.

The pipeline for one report is: validate the artifacts and the parameters (before any kernel
starts), execute with papermill (kernel pinned to ``python3``), refuse a notebook whose run
raised, export the outputs only through evalkit's own nbconvert template, compile the outputs'
Typst form into a PDF/UA-1 in a child process (:mod:`evalkit.report._typst_pdf`), and only then
move the three files into place. Heavy libraries (papermill, nbconvert) are imported inside the
functions that use them, so importing this module is cheap.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as _dt
import functools
import inspect
import json
import logging
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evalkit._io import atomic_write_bytes, atomic_write_text, sha256_file
from evalkit.errors import InputFileError, Reason, ReportError, ReportReason
from evalkit.report.artifacts import Facts, load_facts
from evalkit.report.display import SUPPLEMENT_KICKER

__all__ = ["RenderResult", "render_report", "KERNEL_NAME", "PAGE_SIZES", "DEADLINE_ENAME"]

log = logging.getLogger(__name__)

#: The Jupyter kernel every report runs in (pinned: a notebook's own kernelspec is not trusted).
KERNEL_NAME = "python3"
#: Page sizes the print stylesheet supports.
PAGE_SIZES = ("A4", "Letter")
#: ``page_size`` as Typst names the paper
_TYPST_PAPER = {"A4": "a4", "Letter": "us-letter"}
#: ``ReportError.ename`` of a report stopped at its whole-report deadline (reason ``cell_timeout``).
DEADLINE_ENAME = "ReportDeadlineExceeded"

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATE_DIR = PACKAGE_DIR / "templates"
TEMPLATE_NAME = "evalkit_html"

# Cells carrying these tags never reach the report: the parameter cells (defaults and injected
# values), notes for the notebook's reader, and papermill's error banner.
_REMOVE_TAGS = {"parameters", "injected-parameters", "remove-cell", "papermill-error-cell-tag"}
#: Cells with this tag make the technical supplement (``supplement.html``, ``supplement.pdf``), not the report.
SUPPLEMENT_TAG = "supplement"
_OUTPUTS = ("report.ipynb", "report.html", "report.pdf", "supplement.html", "supplement.pdf")
_FAILED_NOTEBOOK = "report.failed.ipynb"
_JSON_SCALARS = (str, int, float, bool, type(None))


@dataclass(frozen=True)
class RenderResult:
    """What :func:`render_report` wrote.

    Attributes
    ----------
    html : Path
        ``<out_dir>/report.html``.
    pdf : Path or None
        ``<out_dir>/report.pdf``, or None if no PDF was made (see ``pdf_skipped_reason``).
    notebook : Path
        ``<out_dir>/report.ipynb``, the executed notebook with ``metadata.evalkit`` provenance.
    pdf_skipped_reason : str or None
        Why there is no PDF (not requested); None when ``pdf`` is set.
    seconds : float
        Wall-clock time of the whole render.
    supplement_html, supplement_pdf : Path or None
        ``<out_dir>/supplement.html`` and ``.pdf``, the technical supplement, when the notebook has cells
        tagged ``supplement`` (and, for the PDF, when a PDF was made); None otherwise.
    """

    html: Path
    pdf: Path | None
    notebook: Path
    pdf_skipped_reason: str | None
    seconds: float
    supplement_html: Path | None = None
    supplement_pdf: Path | None = None


def render_report(
    notebook: str | Path,
    artifact_dir: str | Path,
    out_dir: str | Path,
    *,
    parameters: Mapping[str, Any],
    pdf: bool = True,
    timeout: int = 300,
    deadline: float | None = None,
    page_size: str = "A4",
) -> RenderResult:
    """Execute a report notebook on one artifact folder and write its HTML and PDF.

    Parameters
    ----------
    notebook : str or Path
        The thin report notebook (e.g. ``notebooks/cadre_report.ipynb``), with a cell tagged
        ``parameters`` that declares ``artifact_dir``.
    artifact_dir : str or Path
        The cadre's artifact folder; validated with :func:`~evalkit.report.artifacts.load_facts`
        before any kernel starts. It is injected into the notebook as an absolute path.
    out_dir : str or Path
        Where ``report.ipynb``, ``report.html`` and ``report.pdf`` go (created if needed).
    parameters : mapping
        Values for the notebook's parameters (JSON-like values only). Every name must be declared
        in the notebook's ``parameters`` cell. ``project``, ``cadre`` and ``cohort``, when the
        notebook declares them and they are not given, are taken from ``facts.json``.
    pdf : bool, default True
        Also write ``report.pdf`` (PDF/UA-1, compiled with Typst from the outputs' Typst form).
    timeout : int, default 300
        Seconds any one cell may run (nbclient's per-cell timeout; see ``deadline`` for the whole
        render). Kernel start-up may take up to ``min(timeout, 60)`` seconds.
    deadline : float, optional
        Seconds the whole render (kernel, every cell, HTML and PDF) may take; None for no limit.
        At the deadline the kernel is killed; the HTML and PDF steps do not start once it passed.
    page_size : {"A4", "Letter"}, default "A4"
        Paper size of the PDF.

    Returns
    -------
    RenderResult
        Paths written, why a PDF was skipped (if it was) and the elapsed seconds.

    Raises
    ------
    ReportError
        ``unknown_parameter`` if a parameter is not declared by the notebook (checked with
        ``papermill.inspect_notebook`` before executing); ``parameter_mismatch`` if a parameter
        contradicts ``artifact_dir`` or ``facts.json``; ``bad_artifacts`` from ``load_facts``;
        ``cell_failed`` / ``cell_timeout`` / ``kernel_failed`` if the run fails (``cell_timeout``
        with ``ename`` :data:`DEADLINE_ENAME` when the whole-report ``deadline`` passed; a kernel
        that fails to start is retried once before ``kernel_failed``); the message names
        the failing cell (0-based index in the source notebook) and the error's class name, and
        the executed notebook is kept as ``<out_dir>/report.failed.ipynb``.
    InputFileError
        If ``notebook`` does not exist or is not readable.

    Notes
    -----
    Outputs are built in memory and in a temporary folder inside ``out_dir``, then renamed into
    place, so a crash never leaves half a file. If the run fails, earlier ``report.*`` files in
    ``out_dir`` are removed too, so a folder never shows a report older than its last attempt.
    When no PDF is made, an older ``report.pdf`` is removed for the same reason.

    The HTML carries the provenance as ``<meta name="evalkit-...">`` tags and the PDF as its document
    keywords (written by :func:`_typst_pdf`); the executed notebook carries it in
    ``metadata.evalkit``. Provenance never holds row-level data: only hashes, versions and the
    parameters.

    The kernel runs in the notebook's folder; this process's working directory is never changed,
    so renders may run in threads. Each still needs about a core: a pool of *processes*, one per
    core, is the fast way to render many (:func:`evalkit.report.batch.render_batch`).

    Examples
    --------
    >>> render_report("notebooks/cadre_report.ipynb", "reports/demo/C1/artifacts",
    ...               "reports/demo/C1", parameters={})  # doctest: +SKIP
    RenderResult(html=PosixPath('reports/demo/C1/report.html'), ...)
    """
    started = time.perf_counter()
    notebook = Path(notebook)
    if not notebook.is_file():
        raise InputFileError(notebook, Reason.missing_file, "notebook not found",
                             hint="pass the report notebook, e.g. notebooks/cadre_report.ipynb")
    if not isinstance(parameters, Mapping):
        raise TypeError(f"render_report(): parameters must be a mapping, got {type(parameters).__name__}")
    if isinstance(timeout, bool) or not isinstance(timeout, int) or timeout < 1:
        raise ValueError(f"render_report(): timeout must be a positive integer of seconds, got {timeout!r}")
    if page_size not in PAGE_SIZES:
        raise ValueError(f"render_report(): page_size must be one of {PAGE_SIZES}, got {page_size!r}")
    if deadline is not None and (isinstance(deadline, bool) or not isinstance(deadline, (int, float))
                                 or not deadline > 0):
        raise ValueError(f"render_report(): deadline must be a positive number of seconds or None, got {deadline!r}")
    deadline_at = None if deadline is None else time.monotonic() + deadline
    facts = load_facts(artifact_dir)
    params = _resolve_parameters(notebook, Path(artifact_dir), parameters, facts)

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        with tempfile.TemporaryDirectory(prefix=".evalkit-render-", dir=out_dir) as work:
            nb = _execute(notebook, Path(work) / "executed.ipynb", params, timeout, out_dir, deadline_at)
            provenance = _provenance(notebook, out_dir, params, facts)
            nb.metadata["evalkit"] = provenance
            _check_deadline(notebook, deadline_at, "the HTML")
            # the report and, from the cells tagged "supplement", the technical supplement beside it
            parts = {"report": _part(nb, supplement=False), "supplement": _part(nb, supplement=True)}
            parts = {name: part for name, part in parts.items() if part is not None}
            html_text = {name: _to_html(part, facts, provenance, page_size, title=_title(facts, name))
                         for name, part in parts.items()}
            if pdf:
                _check_deadline(notebook, deadline_at, "the PDF")
                pdf_bytes = _typst_pdf(parts, facts, provenance, Path(artifact_dir), page_size)
                skipped = None
            else:
                pdf_bytes, skipped = {}, "not requested (pdf=False)"

            import nbformat

            paths = {name: out_dir / name for name in _OUTPUTS}
            atomic_write_text(paths["report.ipynb"], nbformat.writes(nb))
            for name in ("report", "supplement"):
                if name in html_text:
                    atomic_write_text(paths[f"{name}.html"], html_text[name])
                else:
                    _unlink(paths[f"{name}.html"])
                if name in pdf_bytes:
                    atomic_write_bytes(paths[f"{name}.pdf"], pdf_bytes[name])
                else:
                    _unlink(paths[f"{name}.pdf"])
            _unlink(out_dir / _FAILED_NOTEBOOK)
    except BaseException:
        for name in _OUTPUTS:
            _unlink(out_dir / name)
        raise
    return RenderResult(
        html=paths["report.html"],
        pdf=paths["report.pdf"] if "report" in pdf_bytes else None,
        notebook=paths["report.ipynb"],
        pdf_skipped_reason=skipped,
        seconds=time.perf_counter() - started,
        supplement_html=paths["supplement.html"] if "supplement" in html_text else None,
        supplement_pdf=paths["supplement.pdf"] if "supplement" in pdf_bytes else None,
    )


def _check_deadline(notebook: Path, deadline_at: float | None, step: str) -> None:
    if deadline_at is not None and time.monotonic() > deadline_at:
        raise ReportError(
            f"{notebook}: the report ran past its deadline before {step} was made; no report was written",
            reason=ReportReason.cell_timeout, file=notebook, ename=DEADLINE_ENAME,
            hint="allow more time (evalkit report --deadline SECONDS) or find what made this report slow",
        )


def _unlink(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _check_value(name: str, value: Any) -> None:
    """Papermill writes values as Python literals; only JSON-like values survive that faithfully."""
    if isinstance(value, _JSON_SCALARS):
        return
    if isinstance(value, (list, tuple)):
        for item in value:
            _check_value(name, item)
        return
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        for item in value.values():
            _check_value(name, item)
        return
    raise TypeError(
        f"render_report(): parameter {name!r} must hold str, int, float, bool, None, lists or "
        f"str-keyed dicts of those, got {type(value).__name__}"
    )


def _resolve_parameters(
    notebook: Path, artifact_dir: Path, given: Mapping[str, Any], facts: Facts
) -> dict[str, Any]:
    """Check ``given`` against the notebook's parameter cell; return the values to inject."""
    import papermill

    declared = papermill.inspect_notebook(str(notebook))
    nb_file = notebook
    if "artifact_dir" not in declared:
        raise ReportError(
            f"{nb_file}: the notebook declares no 'artifact_dir' parameter"
            + ("" if declared else " (it has no cell tagged 'parameters')"),
            reason=ReportReason.unknown_parameter, file=nb_file,
            hint="tag the notebook's first code cell 'parameters' and set artifact_dir = \"...\" in it",
        )
    unknown = sorted(set(given) - set(declared))
    if unknown:
        known = ", ".join(sorted(declared))
        raise ReportError(
            f"{nb_file}: {len(unknown)} parameter(s) not declared in the notebook's 'parameters' cell",
            reason=ReportReason.unknown_parameter, file=nb_file,
            problems=[(name, f"unknown parameter (the notebook declares: {known})") for name in unknown],
            hint="check the spelling, or add the parameter with a default to the notebook's parameters cell",
        )
    for name, value in given.items():
        _check_value(name, value)

    params = dict(given)
    folder = artifact_dir.resolve()
    mismatches: list[tuple[str, str]] = []
    if "artifact_dir" in params and Path(str(params["artifact_dir"])).resolve() != folder:
        mismatches.append(
            ("artifact_dir", f"{params['artifact_dir']!r} is not the artifact folder {str(folder)!r}"))
    params["artifact_dir"] = str(folder)
    for key in ("project", "cadre", "cohort"):
        if key not in declared:
            continue
        if key in params and str(params[key]) != getattr(facts, key):
            mismatches.append((key, f"{params[key]!r} given, but facts.json is for {getattr(facts, key)!r}"))
        params.setdefault(key, getattr(facts, key))
    if mismatches:
        raise ReportError(
            f"{nb_file}: parameters contradict the artifact folder {folder}",
            reason=ReportReason.parameter_mismatch, file=nb_file, problems=mismatches,
            hint="leave these parameters out (they are taken from facts.json) or fix artifact_dir",
        )
    return params


#: The papermill engine evalkit registers: nbclient's, writing the executed notebook once, at the end.
ENGINE_NAME = "evalkit"


@functools.lru_cache(maxsize=1)
def _engine_name() -> str:
    """Register (once per process) papermill's nbclient engine with one write of the notebook instead of ~20.

    Papermill writes the whole growing notebook when the run starts and at every cell's start and end: 18
    writes and about 0.05 s of CPU per cadre report, for a file nobody reads while it runs. Its last write,
    when the run ends, is made in a ``finally`` (after a failing cell, a timeout or a dead kernel too), and that
    is the one :func:`_failure` keeps; so only that one is kept, and only when the run failed (a run that
    succeeded is written once, by :func:`render_report`).
    """
    from papermill.engines import NBClientEngine, NotebookExecutionManager, papermill_engines

    class _FinalWriteOnly(NotebookExecutionManager):
        _done = False

        def save(self, **kwargs: Any) -> None:
            if self._done:
                super().save(**kwargs)

        def notebook_complete(self, **kwargs: Any) -> None:
            # called in a ``finally``: an exception in flight (a timeout, a dead kernel) or a failed cell means
            # the file is wanted; a run that succeeded is written by render_report, with its provenance
            self._done = sys.exc_info()[0] is not None or bool(self.nb.metadata.get("papermill", {})
                                                               .get("exception"))
            super().notebook_complete(**kwargs)

    class _Engine(NBClientEngine):
        @classmethod
        def execute_notebook(cls, nb: Any, kernel_name: str, output_path: Any = None, progress_bar: bool = True,
                             log_output: bool = False, autosave_cell_every: int = 30, **kwargs: Any) -> Any:
            # papermill's Engine.execute_notebook, with the manager above
            nb_man = _FinalWriteOnly(nb, output_path=output_path, progress_bar=progress_bar,
                                     log_output=log_output, autosave_cell_every=autosave_cell_every)
            nb_man.notebook_start()
            try:
                cls.execute_managed_notebook(nb_man, kernel_name, log_output=log_output, **kwargs)
            finally:
                nb_man.cleanup_pbar()
                nb_man.notebook_complete()
            return nb_man.nb

    papermill_engines.register(ENGINE_NAME, _Engine)
    return ENGINE_NAME


def _engine_kwargs() -> dict[str, Any]:
    """``shutdown_kernel="immediate"`` where this papermill/nbclient pair accepts it.

    Papermill forwards unknown keyword arguments (``**engine_kwargs``) to nbclient's client, so
    both ends are checked: papermill's signature must take them and nbclient must know the trait.
    Skipping the graceful shutdown saves about a second per report once all outputs are in.
    """
    import papermill
    from nbclient import NotebookClient

    sig = inspect.signature(papermill.execute_notebook)
    takes = "shutdown_kernel" in sig.parameters or any(
        p.kind is inspect.Parameter.VAR_KEYWORD for p in sig.parameters.values())
    if takes and "shutdown_kernel" in NotebookClient.class_trait_names():
        return {"shutdown_kernel": "immediate"}
    return {}


class _KernelRun:
    """One attempt's kernel: its manager, whether it came up, and the whole-report deadline.

    nbclient creates and owns the kernel manager (so it stops the client's channels and kills the
    kernel the moment the last cell is done); a class made for this attempt only lets us see that
    manager without any module-level registry. The kernel talks over Unix sockets in a private
    folder where the platform has them: no TCP port can be taken by a neighbour between choosing
    it and binding it (a known race when many kernels start at once), and nothing is reachable from
    the network. A watchdog kills the kernel at the deadline; nbclient notices within a second.

    In a batch worker that called :func:`~evalkit.report._kernel_fork.start_worker_template`, the
    kernel is forked from that worker's pre-imported template process instead of started from
    scratch (a new process all the same: nothing is shared between reports); anywhere else, or
    when the template cannot serve, the kernel starts the normal way.
    """

    def __init__(self, deadline_at: float | None) -> None:
        from jupyter_client.manager import AsyncKernelManager

        from evalkit.report._kernel_client import QuickReadyClient
        from evalkit.report._kernel_fork import forking_provisioner, worker_template

        self.started = False
        self.expired = False
        self.kms: list[Any] = []
        self.ipc_dir = tempfile.mkdtemp(prefix="ek-") if os.name == "posix" else None
        self.template = worker_template()
        run = self

        class _Manager(AsyncKernelManager):  # type: ignore[misc, valid-type]
            def __init__(self, **kwargs: Any) -> None:
                super().__init__(**kwargs)
                self.client_factory = QuickReadyClient  # the handshake without a 0.2 s idle drain
                if run.ipc_dir is not None:
                    self.transport = "ipc"
                    self.ip = os.path.join(run.ipc_dir, "k")
                run.kms.append(self)

            async def _async_pre_start_kernel(self, **kw: Any) -> Any:
                # The manager only creates its own provisioner when none is set yet.
                if self.provisioner is None and run.template is not None:
                    self.provisioner = forking_provisioner(self, run.template)
                return await super()._async_pre_start_kernel(**kw)

            async def _async_post_start_kernel(self, **kw: Any) -> None:
                await super()._async_post_start_kernel(**kw)
                if run.expired:  # the deadline passed while the kernel was launching: no pid to kill then
                    run._expire()

        self.manager_class = _Manager
        self._timer: threading.Timer | None = None
        if deadline_at is not None:
            self._timer = threading.Timer(max(0.0, deadline_at - time.monotonic()), self._expire)
            self._timer.daemon = True
            self._timer.start()

    def mark_started(self, **_: Any) -> None:
        """nbclient's ``on_notebook_start`` hook: the kernel answered, cells are about to run."""
        self.started = True

    def _expire(self) -> None:
        self.expired = True
        for km in self.kms:
            pid = getattr(getattr(km, "provisioner", None), "pid", None)
            if pid:
                with contextlib.suppress(OSError):
                    os.kill(pid, getattr(signal, "SIGKILL", signal.SIGTERM))

    def close(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        if self.ipc_dir is not None:
            shutil.rmtree(self.ipc_dir, ignore_errors=True)


def _execute(notebook: Path, target: Path, params: dict[str, Any], timeout: int, out_dir: Path,
             deadline_at: float | None = None) -> Any:
    """Run the notebook with papermill; translate every way a run can fail into ReportError.

    A kernel that fails to *start* (no reply in time, or dead before the first cell) is retried
    once with a new kernel; a failure after the first cell started never is (the notebook's own
    code may have caused it). The working directory is given to the kernel, never set on this
    process, so renders may run in threads (Dask workers) without racing on ``os.chdir``.
    """
    import papermill
    from jupyter_client.kernelspec import NoSuchKernel
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    notebook = notebook.resolve()
    for attempt in (1, 2):
        run = _KernelRun(deadline_at)
        try:
            nb = papermill.execute_notebook(
                str(notebook), str(target.resolve()), parameters=params, kernel_name=KERNEL_NAME,
                # the notebook's folder is the kernel's cwd (its relative default artifact_dir works)
                resources={"metadata": {"path": str(notebook.parent)}},
                kernel_manager_class=run.manager_class, on_notebook_start=run.mark_started,
                progress_bar=False, log_output=False,
                start_timeout=min(timeout, 60), execution_timeout=timeout, engine_name=_engine_name(),
                **_engine_kwargs(),
            )
        except PapermillExecutionError as exc:
            raise _failure(notebook, target, out_dir, ReportReason.cell_failed, exc.ename,
                           exc.evalue, exec_index=exc.cell_index) from None
        except CellTimeoutError:
            raise _failure(notebook, target, out_dir, ReportReason.cell_timeout, "CellTimeoutError",
                           f"a cell ran longer than {timeout} s") from None
        except DeadKernelError as exc:
            if run.expired:
                raise _failure(notebook, target, out_dir, ReportReason.cell_timeout, DEADLINE_ENAME,
                               "the report ran past its deadline; its kernel was stopped") from None
            if not run.started and attempt == 1:
                log.warning("report: the kernel died while starting; retrying once with a new kernel")
                continue
            raise _failure(notebook, target, out_dir, ReportReason.kernel_failed, "DeadKernelError",
                           str(exc) or "the kernel died (out of memory?)") from None
        except NoSuchKernel:
            raise ReportError(
                f"{notebook}: no Jupyter kernel named {KERNEL_NAME!r}", reason=ReportReason.kernel_failed,
                file=notebook,
                hint="run `evalkit doctor`; usually `python -m ipykernel install --user --name python3`",
            ) from None
        except (RuntimeError, OSError) as exc:  # e.g. "Kernel didn't respond in 60 seconds"
            if run.expired:
                raise _failure(notebook, target, out_dir, ReportReason.cell_timeout, DEADLINE_ENAME,
                               "the report ran past its deadline; its kernel was stopped") from None
            if not run.started and attempt == 1:
                log.warning("report: the kernel did not start (%s); retrying once with a new kernel", exc)
                continue
            raise ReportError(
                f"{notebook}: the {KERNEL_NAME!r} kernel could not run the notebook ({exc})",
                reason=ReportReason.kernel_failed, file=notebook,
                hint="run `evalkit doctor`; a kernel that fails twice in a row will not start by retrying",
            ) from exc
        finally:
            run.close()
        break
    if nb.metadata.get("papermill", {}).get("exception"):
        # papermill normally raises above; this guards an engine that records but does not raise.
        raise _failure(notebook, target, out_dir, ReportReason.cell_failed, "Exception",
                       "the notebook recorded an exception")
    return nb


def _failure(notebook: Path, executed: Path, out_dir: Path, reason: ReportReason, ename: str,
             evalue: str, *, exec_index: int | None = None) -> ReportError:
    """Keep the executed notebook for debugging and build an error naming the failing source cell."""
    import nbformat

    kept: Path | None = None
    cell_index: int | None = None
    first_line = ""
    if executed.is_file():
        kept = out_dir / _FAILED_NOTEBOOK
        os.replace(executed, kept)
        ran = nbformat.read(kept, as_version=4)
        source = nbformat.read(notebook, as_version=4)
        cells = [c for c in ran.cells if "papermill-error-cell-tag" not in c.metadata.get("tags", [])]
        if exec_index is None:  # timeout / dead kernel: the last cell that started is the culprit
            started = [i for i, c in enumerate(cells) if c.metadata.get("papermill", {}).get("start_time")]
            exec_index = started[-1] if started else None
        if exec_index is not None and exec_index < len(cells):
            failing = cells[exec_index]
            first_line = next((ln.strip() for ln in failing.source.splitlines() if ln.strip()), "")
            ids = [c.get("id") for c in source.cells]
            if failing.get("id") in ids:
                cell_index = ids.index(failing.get("id"))
            else:  # a notebook without cell ids: discount the injected-parameters cell
                cell_index = sum("injected-parameters" not in c.metadata.get("tags", [])
                                 for c in cells[:exec_index])
    where = f"cell {cell_index}" if cell_index is not None else "a cell"
    code = f" (`{first_line[:60]}`)" if first_line else ""
    detail = (evalue or "").strip().splitlines()[0][:300] if (evalue or "").strip() else ""
    return ReportError(
        f"{notebook}: {where}{code} failed with {ename}" + (f": {detail}" if detail else "")
        + "; no report was written",
        reason=reason, file=notebook, cell_index=cell_index, ename=ename, notebook=kept,
        hint=_failure_hint(kept, reason),
    )


def _failure_hint(kept: Path | None, reason: ReportReason) -> str:
    if kept is None:
        return "run `evalkit doctor` to check the kernel"
    if reason is ReportReason.cell_failed:
        return f"open {kept} in JupyterLab to see the full traceback"
    return f"open {kept} to see how far the run got; a slow cell may need a larger timeout"


def _provenance(notebook: Path, out_dir: Path, params: dict[str, Any], facts: Facts) -> dict[str, Any]:
    """What to record with the report: versions, hashes and parameters (never row-level data)."""
    from importlib.metadata import PackageNotFoundError, version

    from evalkit import __version__

    recorded = dict(params)
    # Record the artifact folder relative to the report, not as an absolute path from this machine.
    with contextlib.suppress(ValueError):
        recorded["artifact_dir"] = os.path.relpath(params["artifact_dir"], out_dir.resolve())
    packages = {}
    for name in ("papermill", "nbconvert", "typst"):
        try:
            packages[name] = version(name)
        except PackageNotFoundError:
            packages[name] = None
    return {
        "evalkit_version": __version__,
        "rendered_at": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "notebook": notebook.name,
        "notebook_sha256": sha256_file(notebook),
        "parameters": recorded,
        "release_id": facts.release_id,
        "data_as_of": facts.data_as_of.isoformat(),
        "artifacts_evalkit_version": facts.evalkit_version,
        # by hash only: a file's name may hold a school's or a person's name
        "inputs": [{"sha256": i.sha256} for i in facts.provenance.inputs],
        "packages": packages,
    }


def _typst_pdf(parts: Mapping[str, Any], facts: Facts, provenance: dict[str, Any], artifact_dir: Path,
               page_size: str = "A4") -> dict[str, bytes]:
    """The PDFs of the notebook's parts (``{"report": nb, "supplement": nb}``) from their Typst outputs, compiled
    in one child process: PDF/UA-1; title, language and provenance in the metadata (evalkit version, release,
    data date, notebook hash and the key's fingerprint, never the key or row data)."""
    from evalkit.report._typst_pdf import compile_pdfs, notebook_to_typst

    keywords = [f"evalkit {provenance['evalkit_version']}", f"release {facts.release_id}",
                f"data as of {facts.data_as_of.isoformat()}", f"notebook sha256 {provenance['notebook_sha256']}",
                f"key fingerprint {facts.provenance.parameters.get('key_fingerprint') or 'none'}",
                # input files by hash only: a file's name may hold a school's or a person's name
                *(f"input sha256 {i['sha256']}" for i in provenance["inputs"])]
    sources = {}
    for name, part in parts.items():
        title = _title(facts, name)
        sources[name] = notebook_to_typst(part, title=title, description=f"{title}; data as of "
                                          f"{facts.data_as_of.isoformat()}", keywords=keywords,
                                          running=facts.release_id, paper=_TYPST_PAPER[page_size])
    return dict(zip(sources, compile_pdfs(list(sources.values()), artifact_dir)))


def _for_report(nb: Any) -> Any:
    """The notebook without stderr streams and error outputs: warnings and tracebacks never reach a funder.

    A shallow copy (a cell that loses an output is copied, the others are shared): nbconvert deep-copies the
    notebook itself, twice, so a deep copy here only cost time.
    """
    out = copy.copy(nb)
    cells = []
    for index, cell in enumerate(nb.cells):
        outputs = cell.get("outputs", []) if cell.cell_type == "code" else []
        kept = []
        for item in outputs:
            if item.output_type == "error" or (item.output_type == "stream" and item.get("name") == "stderr"):
                log.warning("report: dropped a %s output of cell %d (kept in report.ipynb)",
                            item.get("name", item.output_type), index)
                continue
            kept.append(item)
        if len(kept) != len(outputs):
            cell = copy.copy(cell)
            cell.outputs = kept
        cells.append(cell)
    out.cells = cells
    return out


def _plain(value: Any) -> Any:
    """Read-only mappings (the facts' views) as plain JSON-ready dicts and lists."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


#: One HTML exporter per thread, reused across reports: building one and compiling its Jinja
#: templates is half of the HTML step's time. Everything per report goes in through ``resources``.
_EXPORTERS = threading.local()


def _report_exporter_class() -> Any:
    """nbconvert's HTML exporter without its last pass, which parses the whole page with BeautifulSoup to add
    alt text to images that lack it and tab stops to code cells: every image of a report has its alt text
    already and a report shows no code, and the pass cost 0.1 s of CPU a report (the page holds its charts)."""
    from nbconvert import HTMLExporter
    from nbconvert.exporters.html import WidgetsDataTypeFilter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML

    class ReportHTMLExporter(HTMLExporter):
        def from_notebook_node(self, nb: Any, resources: Any = None, **kw: Any) -> Any:
            langinfo = nb.metadata.get("language_info", {})
            lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
            self.register_filter("highlight_code", self.filters.get(
                "highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)))
            resources = self._init_resources(resources)
            self.register_filter("filter_data_type", WidgetsDataTypeFilter(
                notebook_metadata=self._nb_metadata, parent=self, resources=resources))
            return TemplateExporter.from_notebook_node(self, nb, resources, **kw)

    return ReportHTMLExporter


def _html_exporter() -> Any:
    exporter = getattr(_EXPORTERS, "html", None)
    if exporter is None:
        from traitlets.config import Config

        HTMLExporter = _report_exporter_class()  # noqa: N806 - a class

        config = Config()
        config.HTMLExporter.exclude_input = True
        config.HTMLExporter.exclude_input_prompt = True
        config.HTMLExporter.exclude_output_prompt = True
        config.TagRemovePreprocessor.enabled = True
        config.TagRemovePreprocessor.remove_cell_tags = set(_REMOVE_TAGS)
        exporter = _EXPORTERS.html = HTMLExporter(config=config, template_name=TEMPLATE_NAME,
                                                  extra_template_basedirs=[str(TEMPLATE_DIR)])
    return exporter


def _title(facts: Facts, part: str) -> str:
    """The document title of a part: the report's own, or "Technical supplement: <the report's>"."""
    return facts.title if part == "report" else f"{SUPPLEMENT_KICKER}: {facts.title}"


def _part(nb: Any, *, supplement: bool) -> Any | None:
    """The notebook's report cells (``supplement=False``) or its supplement cells, as a shallow copy of the
    notebook; None when it has no supplement cells. Both share the cells' objects: callers copy before editing."""
    cells = [c for c in nb.cells if (SUPPLEMENT_TAG in c.get("metadata", {}).get("tags", [])) == supplement]
    if supplement and not cells:
        return None
    part = copy.copy(nb)
    part.cells = cells
    return part


def _to_html(nb: Any, facts: Facts, provenance: dict[str, Any], page_size: str, *, title: str) -> str:
    nb = _for_report(nb)
    exporter = _html_exporter()
    meta = [
        ("generator", f"evalkit {provenance['evalkit_version']}"),
        ("description", f"{facts.title}; data as of {facts.data_as_of.isoformat()}"),
        ("dcterms.created", provenance["rendered_at"]),
        ("evalkit-version", provenance["evalkit_version"]),
        ("evalkit-release-id", facts.release_id),
        ("evalkit-data-as-of", facts.data_as_of.isoformat()),
        ("evalkit-notebook-sha256", provenance["notebook_sha256"]),
        ("evalkit-parameters", json.dumps(provenance["parameters"], sort_keys=True, ensure_ascii=False)),
        ("evalkit-inputs", json.dumps(provenance["inputs"], ensure_ascii=False)),
        # the producing run's parameters: key fingerprint (never the key), privacy and cleaning rules
        ("evalkit-key-fingerprint", str(facts.provenance.parameters.get("key_fingerprint") or "")),
        ("evalkit-run-parameters", json.dumps(_plain(facts.provenance.parameters), sort_keys=True,
                                              ensure_ascii=False)),
    ]
    resources = {"evalkit": {"title": title, "meta": meta, "page_size": page_size, "lang": "en"}}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    from evalkit.report._toc import add_toc

    return add_toc(body)
