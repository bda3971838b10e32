"""Render many reports at once, on the cores of this machine or on a Dask cluster.

The unit of work is :func:`render_one`: a module-level function of a picklable :class:`ReportJob`
(paths, ids and JSON-like parameters only) that returns a :class:`ReportOutcome` and never raises
for a failing report. :func:`render_batch` hands jobs to any :class:`concurrent.futures.Executor`
and only uses ``submit`` and the futures it returns, so the same batch runs on

* the default local pool: one *spawned* worker process per core, each importing papermill,
  nbconvert and the report template once (``spawn``, never ``fork``: the driver may hold ZeroMQ threads);
* ``distributed.Client(address).get_executor()`` for a Dask cluster (:func:`dask_executor`);
* a ``ThreadPoolExecutor`` (renders never change the process's working directory).

Each report gets a fresh kernel that is killed as soon as its last cell is done, a per-cell
timeout, a whole-report deadline, one retry if its kernel fails to start, and outputs written to
a temporary folder and renamed (all in :func:`~evalkit.report.render.render_report`). A report
whose inputs are unchanged since it was last rendered is skipped: its artifact folder's content,
its parameters, the notebook and evalkit's own code, templates and version are hashed into a
stamp file kept beside the outputs (``.evalkit-render.json``).

Workers only ever see an artifact folder (protected tables and facts), never microdata; building
those folders, auditing finished bundles and writing the release ledger stay with the caller
(:func:`evalkit.pipeline.report_project` does all three in the parent process).
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import enum
import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from evalkit.errors import EvalkitError, ReportError
from evalkit.report._stamp import STAMP_NAME, forget_render, fresh_outputs, stamp_key, write_stamp
from evalkit.report.executors import (
    EXECUTORS,
    check_executor_options,
    dask_executor,
    default_workers,
    local_executor,
    open_executor,
)
from evalkit.report.render import _OUTPUTS  # the files a render writes

__all__ = [
    "EXECUTORS",
    "BatchStatus",
    "ReportJob",
    "ReportOutcome",
    "BatchResult",
    "render_one",
    "render_batch",
    "local_executor",
    "dask_executor",
    "open_executor",
    "check_executor_options",
    "default_workers",
    "forget_render",
    "outcomes_table",
]

log = logging.getLogger(__name__)

# The driver gives up on a report this long after its deadline (a worker that no longer answers).
_DRIVER_GRACE = 120.0
# In a worker's main thread, a SIGALRM this long after the deadline stops HTML/PDF work that the
# kernel watchdog cannot reach.
_ALARM_GRACE = 15.0


class BatchStatus(str, enum.Enum):
    """What happened to one report of a batch."""

    rendered = "rendered"
    skipped = "skipped"  # outputs up to date with the inputs: nothing to do
    failed = "failed"


@dataclass(frozen=True)
class ReportJob:
    """One report to render; everything a worker needs, as plain picklable values.

    Attributes
    ----------
    unit : str
        The label in tables and progress (e.g. the cadre).
    notebook, artifact_dir, out_dir : str
        Paths of the report notebook, the artifact folder and the output folder. On a cluster
        they must name the same files on every worker (shared storage).
    parameters : dict
        Papermill parameters (JSON-like values), passed to
        :func:`~evalkit.report.render.render_report`.
    pdf : bool, default True
        Also print the PDF.
    page_size : {"A4", "Letter"}, default "A4"
    """

    unit: str
    notebook: str
    artifact_dir: str
    out_dir: str
    parameters: dict[str, Any] = field(default_factory=dict)
    pdf: bool = True
    page_size: str = "A4"


@dataclass(frozen=True)
class ReportOutcome:
    """One row of a batch's result table.

    Attributes
    ----------
    unit : str
    status : BatchStatus
    seconds : float
        Wall time in the worker (0 for a unit the driver gave up on).
    html, pdf : str or None
        Outputs written (or kept, when skipped).
    notebook : str or None
        The executed notebook: ``report.ipynb``, or ``report.failed.ipynb`` when a cell failed.
    failing_cell : int or None
        0-based index of the failing cell in the source notebook, as JupyterLab counts.
    error_type : str or None
        The error's class name (``ValueError``, ``CellTimeoutError``, ``ReportDeadlineExceeded``...).
    message : str or None
        One line saying what failed.
    reason : str or None
        :class:`~evalkit.errors.ReportReason` value when the error was a ``ReportError``.
    pdf_skipped_reason : str or None
        Why no PDF was made (not asked for).
    worker : str
        Host and process id of the worker that ran it.
    worker_peak_mb : float or None
        Peak resident memory (Linux ``VmHWM``) of the worker process so far; None where the
        platform does not say. (Kernels are separate processes: ``benchmarks/batch.py`` samples
        them.)
    """

    unit: str
    status: BatchStatus
    seconds: float = 0.0
    html: str | None = None
    pdf: str | None = None
    notebook: str | None = None
    failing_cell: int | None = None
    error_type: str | None = None
    message: str | None = None
    reason: str | None = None
    pdf_skipped_reason: str | None = None
    worker: str = ""
    worker_peak_mb: float | None = None

    @property
    def ok(self) -> bool:
        return self.status is not BatchStatus.failed

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["status"] = self.status.value
        return d


@dataclass(frozen=True)
class BatchResult:
    """Every report's outcome, in the order the jobs were given, and the batch's wall time."""

    outcomes: tuple[ReportOutcome, ...]
    seconds: float
    workers: int | None = None

    @property
    def ok(self) -> bool:
        return all(o.ok for o in self.outcomes)

    @property
    def failed(self) -> tuple[ReportOutcome, ...]:
        return tuple(o for o in self.outcomes if not o.ok)

    def count(self, status: BatchStatus) -> int:
        return sum(o.status is status for o in self.outcomes)

    def to_frame(self) -> Any:
        """A tidy table, one row per report (columns as :class:`ReportOutcome`'s fields)."""
        import pandas as pd

        return pd.DataFrame([o.to_dict() for o in self.outcomes],
                            columns=[f for f in ReportOutcome.__dataclass_fields__])


def _vm_hwm() -> float | None:
    """Peak resident memory (``VmHWM``) of this process in MB, or None where /proc does not say."""
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return None


class _Alarm(Exception):
    """Raised by SIGALRM in a worker's main thread when a report overruns its deadline."""


@contextlib.contextmanager
def _alarm(seconds: float | None) -> Iterator[None]:
    """Interrupt pure-Python work (HTML, PDF) that overruns; only possible in the main thread."""
    usable = (seconds is not None and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def ring(signum: int, frame: Any) -> None:
        raise _Alarm()

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def render_one(job: ReportJob, *, cell_timeout: int = 300, deadline: float | None = 900,
               incremental: bool = True) -> ReportOutcome:
    """Render one report in this process and say how it went; never raises for a failing report.

    Parameters
    ----------
    job : ReportJob
    cell_timeout : int, default 300
        Seconds any one cell may run.
    deadline : float or None, default 900
        Seconds the whole report may take (kernel start, cells, HTML and PDF); None: no limit.
    incremental : bool, default True
        Skip the render when the stamp beside the outputs shows the same inputs and the outputs
        are intact.

    Returns
    -------
    ReportOutcome
        ``rendered``, ``skipped`` or ``failed`` with the failing cell, error type and message, and
        the executed notebook's path.

    Notes
    -----
    A failed report leaves no ``report.*`` files (only ``report.failed.ipynb`` when a cell ran)
    and no stamp, so the next run renders it again.
    """
    from evalkit.report.render import DEADLINE_ENAME, render_report

    started = time.perf_counter()
    worker = f"{os.uname().nodename if hasattr(os, 'uname') else ''}:{os.getpid()}"
    out_dir = Path(job.out_dir)

    def outcome(status: BatchStatus, **kw: Any) -> ReportOutcome:
        return ReportOutcome(job.unit, status, seconds=time.perf_counter() - started, worker=worker,
                             worker_peak_mb=_vm_hwm(), **kw)

    key = None
    if incremental:
        with contextlib.suppress(OSError):  # a missing folder: render_report says so properly
            key = stamp_key(job)
        kept = fresh_outputs(out_dir, key) if key else None
        if kept is not None:
            return outcome(BatchStatus.skipped, html=kept.get("report.html"), pdf=kept.get("report.pdf"),
                           notebook=kept.get("report.ipynb"))
    (out_dir / STAMP_NAME).unlink(missing_ok=True)
    try:
        with _alarm(None if deadline is None else deadline + _ALARM_GRACE):
            res = render_report(job.notebook, job.artifact_dir, out_dir, parameters=dict(job.parameters),
                                pdf=job.pdf, timeout=cell_timeout, deadline=deadline, page_size=job.page_size)
    except ReportError as exc:
        return outcome(BatchStatus.failed, notebook=exc.notebook, failing_cell=exc.cell_index,
                       error_type=exc.ename or type(exc).__name__, message=_first_line(exc),
                       reason=exc.reason.value)
    except _Alarm:
        for name in _OUTPUTS:
            (out_dir / name).unlink(missing_ok=True)
        return outcome(BatchStatus.failed, error_type=DEADLINE_ENAME, reason="cell_timeout",
                       message=f"the report ran past its deadline of {deadline:g} s while rendering HTML/PDF")
    except EvalkitError as exc:
        return outcome(BatchStatus.failed, error_type=type(exc).__name__, message=_first_line(exc))
    except Exception as exc:  # noqa: BLE001 - one report's bug must not end the batch
        log.exception("report %s: internal error", job.unit)
        return outcome(BatchStatus.failed, error_type=type(exc).__name__,
                       message=f"internal error in evalkit ({type(exc).__name__}); see the worker's log")
    if key is not None:
        write_stamp(out_dir, key, res, pdf=job.pdf)
    return outcome(BatchStatus.rendered, html=str(res.html), pdf=None if res.pdf is None else str(res.pdf),
                   notebook=str(res.notebook), pdf_skipped_reason=res.pdf_skipped_reason)


def _skip_if_fresh(job: ReportJob) -> ReportOutcome | None:
    try:
        key = stamp_key(job)
    except OSError:
        return None
    kept = fresh_outputs(Path(job.out_dir), key)
    if kept is None:
        return None
    return ReportOutcome(job.unit, BatchStatus.skipped, html=kept.get("report.html"), pdf=kept.get("report.pdf"),
                         notebook=kept.get("report.ipynb"))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:400]


# ---------------------------------------------------------------------------------------------
# The driver


class _Progress:
    """A rich progress bar on stderr (done, running, failed), silent when stderr is not a terminal."""

    def __init__(self, enabled: bool, total: int | None) -> None:
        self.bar = None
        if not enabled:
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        console = Console(stderr=True)
        if not console.is_terminal:
            return
        self.bar = Progress(TextColumn("reports"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("running {task.fields[running]}"),
                            TextColumn("[red]failed {task.fields[failed]}"), TimeElapsedColumn(),
                            console=console, transient=False)
        self.task = self.bar.add_task("reports", total=total, running=0, failed=0)
        self.bar.start()

    def update(self, *, done: int, running: int, failed: int, total: int | None) -> None:
        if self.bar is not None:
            self.bar.update(self.task, completed=done, running=running, failed=failed, total=total)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def render_batch(
    jobs: Iterable[ReportJob],
    *,
    executor: cf.Executor | None = None,
    workers: int | None = None,
    cell_timeout: int = 300,
    deadline: float | None = 900,
    incremental: bool = True,
    progress: bool = False,
    total: int | None = None,
    on_result: Callable[[ReportJob, ReportOutcome], ReportOutcome | None] | None = None,
) -> BatchResult:
    """Render every job on ``executor``; one failing report never stops the others.

    Parameters
    ----------
    jobs : iterable of ReportJob
        Consumed lazily: a generator that builds each job's artifact folder just before yielding
        it keeps the workers busy while the next folder is built.
    executor : concurrent.futures.Executor, optional
        Where to run :func:`render_one`. Default: a spawned local pool of ``workers`` processes,
        made for this batch and shut down after it.
    workers : int, optional
        Size of the default pool (default: usable cores, at most ``total``). Only with the
        default pool.
    cell_timeout : int, default 300
        Seconds any one cell may run.
    deadline : float or None, default 900
        Seconds one whole report may take. The driver also stops waiting for a report
        ``deadline`` + 120 s after it started running (a worker that no longer answers).
    incremental : bool, default True
        Skip reports whose inputs are unchanged (see :func:`render_one`).
    progress : bool, default False
        Show a progress bar (reports done, running, failed) on stderr when it is a terminal.
    total : int, optional
        Number of jobs, for the progress bar when ``jobs`` is a generator.
    on_result : callable, optional
        Called in this process with each job and its outcome as it arrives (skipped ones too); may
        return a replacement outcome
        (the pipeline's audit turns a rendered report it rejects into a failed one).

    Returns
    -------
    BatchResult
        Outcomes in the order of ``jobs``.

    Raises
    ------
    ValueError
        If ``workers`` is not a positive integer, or is given together with ``executor``.

    Examples
    --------
    >>> from concurrent.futures import ThreadPoolExecutor
    >>> jobs = [ReportJob("C1", "notebooks/cadre_report.ipynb", "art/C1", "out/C1")]
    >>> with ThreadPoolExecutor(1) as ex:                       # doctest: +SKIP
    ...     result = render_batch(jobs, executor=ex)
    >>> result.ok                                              # doctest: +SKIP
    True
    """
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int) or workers < 1):
        raise ValueError(f"render_batch(): workers must be a positive integer, got {workers!r}")
    if workers is not None and executor is not None:
        raise ValueError("render_batch(): give either executor or workers (the size of the default pool), not both")
    started = time.perf_counter()
    own = executor is None
    n_workers = workers
    if own:
        n_workers = workers or default_workers()
        if total is not None:
            n_workers = max(1, min(n_workers, total))
    bar = _Progress(progress, total)
    order: list[str] = []
    outcomes: dict[int, ReportOutcome] = {}
    pending: dict[cf.Future, tuple[int, ReportJob]] = {}
    running_since: dict[cf.Future, float] = {}
    hung = False
    limit = None if deadline is None else deadline + _DRIVER_GRACE

    def settle(index: int, job: ReportJob, out: ReportOutcome) -> None:
        if on_result is not None:
            out = on_result(job, out) or out
        outcomes[index] = out

    def collect(block: bool) -> None:
        nonlocal hung
        done: set[cf.Future] = set()
        if pending:
            done, _ = cf.wait(list(pending), timeout=0.5 if block else 0, return_when=cf.FIRST_COMPLETED)
        now = time.monotonic()
        for fut in done:
            index, job = pending.pop(fut)
            running_since.pop(fut, None)
            try:
                out = fut.result()
            except Exception as exc:  # noqa: BLE001 - a worker died (BrokenProcessPool), a lost Dask task
                out = ReportOutcome(job.unit, BatchStatus.failed, error_type=type(exc).__name__,
                                    message=f"the worker running this report failed: {_first_line(exc)}")
            settle(index, job, out)
        for fut, (index, job) in list(pending.items()):
            if fut.running():
                since = running_since.setdefault(fut, now)
                if limit is not None and now - since > limit:
                    hung = True
                    fut.cancel()
                    pending.pop(fut)
                    settle(index, job, ReportOutcome(
                        job.unit, BatchStatus.failed, error_type="WorkerTimeout", reason="cell_timeout",
                        message=f"no answer from the worker {limit:g} s after the report started"))
        failed = sum(not o.ok for o in outcomes.values())
        running = sum(f.running() for f in pending)
        if n_workers:
            running = min(running, n_workers)
        bar.update(done=len(outcomes), running=running, failed=failed, total=total or len(order))

    try:
        for job in jobs:
            if not isinstance(job, ReportJob):
                raise TypeError(f"render_batch(): jobs must be ReportJob objects, got {type(job).__name__}")
            order.append(job.unit)
            if incremental:  # up-to-date reports are settled here: no worker (or pool) needed
                skipped = _skip_if_fresh(job)
                if skipped is not None:
                    settle(len(order) - 1, job, skipped)
                    collect(block=False)
                    continue
            if executor is None:
                executor = local_executor(n_workers)
            fut = executor.submit(render_one, job, cell_timeout=cell_timeout, deadline=deadline,
                                  incremental=incremental)
            pending[fut] = (len(order) - 1, job)
            collect(block=False)
        while pending:
            collect(block=True)
    finally:
        bar.close()
        if own and executor is not None:
            if hung:  # a worker that stopped answering would block a clean shutdown
                for proc in list(getattr(executor, "_processes", {}).values()):
                    with contextlib.suppress(Exception):
                        proc.kill()
            executor.shutdown(wait=not hung, cancel_futures=True)
    return BatchResult(tuple(outcomes[i] for i in range(len(order))), time.perf_counter() - started,
                       workers=n_workers)


def outcomes_table(result: BatchResult | Iterable[ReportOutcome]) -> list[dict[str, str]]:
    """Rows for a printed table: unit, status, failing cell, error, executed notebook."""
    rows = []
    for o in (result.outcomes if isinstance(result, BatchResult) else result):
        error = "" if o.ok else f"{o.error_type or 'Error'}: {o.message or ''}"
        rows.append({"unit": o.unit, "status": o.status.value,
                     "cell": "" if o.failing_cell is None else str(o.failing_cell),
                     "error": error, "notebook": o.notebook or "",
                     "seconds": f"{o.seconds:.1f}"})
    return rows
