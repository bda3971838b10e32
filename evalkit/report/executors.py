"""Where reports render: the local pool of spawned workers, or a Dask cluster.

:func:`~evalkit.report.batch.render_batch` only calls ``submit`` on a
:class:`concurrent.futures.Executor`; this module makes the two it knows by name and the worker
initializer both use (:func:`warm_worker`: the rendering stack imported once per worker).
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import os
from collections.abc import Iterator
from typing import Any

from evalkit.errors import EvalkitError

__all__ = ["EXECUTORS", "default_workers", "warm_worker", "skip_papermill_hdfs", "local_executor",
           "dask_executor", "check_executor_options", "open_executor"]

#: Executors ``evalkit report --executor`` knows by name.
EXECUTORS = ("local", "dask")


def default_workers() -> int:
    """Usable cores (the process's CPU affinity where the platform says it), at least 1."""
    with contextlib.suppress(AttributeError, OSError):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


# ---------------------------------------------------------------------------------------------
# The worker side


def warm_worker() -> None:
    """Pool initializer: import the rendering stack once per worker process, not once per report.

    It first starts the worker's kernel template (Linux), which preloads the kernel's imports
    while the worker does its own: each report's kernel is then forked from it, a new process that
    skips the half second of CPU a kernel spends starting up (see :mod:`evalkit.report._kernel_fork`).
    """
    from evalkit.report._kernel_fork import start_worker_template

    start_worker_template()  # no-op where kernels cannot be forked
    import nbclient  # noqa: F401
    import nbconvert  # noqa: F401
    import nbformat  # noqa: F401
    import papermill  # noqa: F401

    import evalkit.report.render  # noqa: F401


def skip_papermill_hdfs() -> None:
    """Keep papermill from importing pyarrow (and numpy) for ``hdfs://`` notebook paths.

    papermill imports ``pyarrow.fs`` at import time for HDFS support, which loads pyarrow and numpy:
    about 40 MB per worker (measured: 122 MB → 83 MB after the imports) and a tenth of a second,
    for a feature reports never use. A ``None`` entry in ``sys.modules`` makes that one import fail
    (Python's documented way to block a module); papermill then only refuses ``hdfs://`` paths.

    Only for processes that do nothing but render: evalkit's own pool calls it, and Dask workers
    dedicated to reports can (``--preload evalkit.report.dask_worker``). A shared Dask worker may
    run other people's tasks that need pyarrow, so :func:`dask_executor` never does.
    """
    import sys

    if "pyarrow" not in sys.modules:
        sys.modules.setdefault("pyarrow.fs", None)  # type: ignore[arg-type]


def _warm_own_worker() -> None:
    """Initializer of evalkit's own pool: :func:`warm_worker` without papermill's HDFS imports."""
    skip_papermill_hdfs()
    warm_worker()


def local_executor(workers: int | None = None) -> cf.ProcessPoolExecutor:
    """A pool of ``workers`` (default: usable cores) spawned processes, each warmed up once."""
    import multiprocessing

    n = default_workers() if workers is None else workers
    return cf.ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("spawn"),
                                  initializer=_warm_own_worker)


@contextlib.contextmanager
def dask_executor(address: str, **client_kwargs: Any) -> Iterator[cf.Executor]:
    """``distributed.Client(address).get_executor()``, warmed up on every worker, closed on exit.

    Each task is submitted with ``pure=False`` so two renders are never merged into one. Run the
    workers with one thread each (``dask worker --nthreads 1 --nworkers N``): a report keeps about
    one core busy.
    """
    try:
        from distributed import Client
    except ImportError:
        raise EvalkitError("the dask executor needs dask.distributed, which is not installed here",
                           hint="pip install 'evalkit[dask]' (the same version on the scheduler and workers)") from None
    client = Client(address, **client_kwargs)
    try:
        client.run(warm_worker)
        yield client.get_executor(pure=False)
    finally:
        client.close()


def check_executor_options(name: str, *, workers: int | None = None, scheduler: str | None = None) -> None:
    """Refuse contradictory executor options before any work starts (EvalkitError, exit code 2)."""
    if name not in EXECUTORS:
        raise EvalkitError(f"unknown executor {name!r}", hint=f"use one of: {', '.join(EXECUTORS)}")
    if name == "local" and scheduler is not None:
        raise EvalkitError("--scheduler is only for --executor dask", hint="drop --scheduler, or add --executor dask")
    if name == "dask" and not scheduler:
        raise EvalkitError("--executor dask needs the scheduler's address",
                           hint="e.g. --scheduler tcp://scheduler-host:8786 (see docs/cluster.md)")
    if name == "dask" and workers is not None:
        raise EvalkitError("--workers is for the local executor; a Dask cluster has the workers it was started with",
                           hint="start the Dask workers with --nworkers N --nthreads 1 (docs/cluster.md)")


@contextlib.contextmanager
def open_executor(name: str, *, workers: int | None = None, scheduler: str | None = None
                  ) -> Iterator[tuple[cf.Executor | None, int | None]]:
    """The executor named ``name`` (one of :data:`EXECUTORS`) and its worker count if known.

    ``local`` yields None: :func:`render_batch` then makes and owns the local pool itself.
    """
    check_executor_options(name, workers=workers, scheduler=scheduler)
    if name == "local":
        yield None, workers
        return
    assert scheduler is not None  # checked above
    with dask_executor(scheduler) as ex:
        yield ex, None
