"""Dask preload for workers that only render evalkit reports.

Start dedicated workers with it::

    dask worker tcp://scheduler-host:8786 --nworkers auto --nthreads 1 --preload evalkit.report.dask_worker

Each worker then imports the rendering stack and starts its kernel template when it starts, rather
than when the first batch connects, and leaves out papermill's HDFS imports (pyarrow): measured after
warm-up, 108 MB per worker instead of the 137 MB of a plain worker that
:func:`~evalkit.report.executors.dask_executor` warms (Dask itself already imports numpy). The PDF is
compiled in a child process of its own (Typst). Do not preload it on workers
shared with other work.
"""

from __future__ import annotations

from typing import Any

from evalkit.report.executors import skip_papermill_hdfs, warm_worker

__all__ = ["dask_setup"]


def dask_setup(worker: Any = None) -> None:
    """Dask's preload hook: called once in each worker process as it starts."""
    skip_papermill_hdfs()
    warm_worker()
