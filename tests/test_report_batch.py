"""The report batch: failures isolated and tabled, incremental skips, timeouts, executors.

Every render starts a real kernel (about a second each), so the units are the small example
artifact folder and most renders skip the PDF. The Dask test starts a LocalCluster and is marked
slow.
"""

from __future__ import annotations

import concurrent.futures as cf
import time
from pathlib import Path

import nbformat
import pytest
from evalkit.report.batch import (
    STAMP_NAME,
    BatchStatus,
    ReportJob,
    outcomes_table,
    render_batch,
    render_one,
)
from evalkit.report.examples import write_example_artifacts
from evalkit.report.render import DEADLINE_ENAME

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "cadre_report.ipynb"


def _notebook_with(tmp_path: Path, name: str, source: str, at: int = 4) -> Path:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nb.cells.insert(at, nbformat.v4.new_code_cell(source, id=name))
    path = tmp_path / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


def _job(tmp_path: Path, unit: str, notebook: Path = NOTEBOOK, *, pdf: bool = False) -> ReportJob:
    art = tmp_path / "art" / unit
    if not art.exists():
        write_example_artifacts(art)
    return ReportJob(unit, str(notebook), str(art), str(tmp_path / "out" / unit), pdf=pdf)


@pytest.fixture(scope="module")
def spawned(tmp_path_factory):
    """Three units on the default spawned pool (2 workers): B's notebook raises in cell 4."""
    tmp = tmp_path_factory.mktemp("batch")
    bad = _notebook_with(tmp, "boom", "raise ValueError('boom')")
    jobs = [_job(tmp, "A", pdf=True), _job(tmp, "B", bad), _job(tmp, "C")]
    seen = []
    result = render_batch(jobs, workers=2, on_result=lambda job, out: seen.append(job.unit))
    return tmp, jobs, result, seen


def test_a_failing_notebook_fails_alone_and_the_table_names_cell_error_and_notebook(spawned):
    tmp, jobs, result, seen = spawned
    by = {o.unit: o for o in result.outcomes}
    assert [o.unit for o in result.outcomes] == ["A", "B", "C"]  # the order of the jobs
    assert sorted(seen) == ["A", "B", "C"]                         # on_result saw every one
    assert by["A"].status is BatchStatus.rendered and by["C"].status is BatchStatus.rendered
    assert Path(by["A"].pdf).is_file() and Path(by["C"].html).is_file() and by["C"].pdf is None
    bad = by["B"]
    assert not result.ok and result.failed == (bad,)
    assert bad.status is BatchStatus.failed and bad.failing_cell == 4 and bad.error_type == "ValueError"
    assert "boom" in bad.message and bad.reason == "cell_failed"
    assert bad.notebook == str(Path(jobs[1].out_dir) / "report.failed.ipynb") and Path(bad.notebook).is_file()
    out_b = Path(jobs[1].out_dir)
    assert not (out_b / "report.html").exists() and not (out_b / "report.ipynb").exists()
    row = outcomes_table(result)[1]
    assert row["cell"] == "4" and row["error"].startswith("ValueError: ") and row["notebook"] == bad.notebook


def test_workers_are_spawned_processes_that_report_their_memory(spawned):
    _, _, result, _ = spawned
    import os

    rendered = [o for o in result.outcomes if o.status is BatchStatus.rendered]
    assert all(not o.worker.endswith(f":{os.getpid()}") for o in rendered)  # not this process
    assert all(o.worker_peak_mb and 20 < o.worker_peak_mb < 2000 for o in rendered)
    assert result.workers == 2


def _numeric_stack_in_this_process() -> list[str]:
    import sys

    return sorted(m for m in ("numpy", "pyarrow", "pandas") if sys.modules.get(m) is not None)


def test_a_pool_worker_renders_html_and_pdf_without_numpy_or_pyarrow(tmp_path):
    # papermill imports pyarrow (and so numpy) for HDFS paths: 40 MB per worker that the pool avoids.
    from evalkit.report.executors import local_executor

    with local_executor(1) as pool:
        out = pool.submit(render_one, _job(tmp_path, "A", pdf=True), incremental=False).result()
        loaded = pool.submit(_numeric_stack_in_this_process).result()
    assert out.status is BatchStatus.rendered and Path(out.pdf).is_file()
    assert loaded == []


def test_unchanged_reports_are_skipped_and_a_changed_artifact_renders_again(spawned):
    tmp, jobs, _, _ = spawned
    good = [jobs[0], jobs[2]]
    assert all((Path(j.out_dir) / STAMP_NAME).is_file() for j in good)
    assert not (Path(jobs[1].out_dir) / STAMP_NAME).exists()  # a failed report leaves no stamp
    started = time.perf_counter()
    again = render_batch(good, workers=1)
    assert [o.status for o in again.outcomes] == [BatchStatus.skipped] * 2
    assert time.perf_counter() - started < 5  # settled in the driver: no pool, no kernel
    assert again.outcomes[0].pdf == jobs[0].out_dir + "/report.pdf"

    table = Path(jobs[2].artifact_dir) / "tables" / "ratings.csv"
    table.write_text(table.read_text().replace("4.6", "4.5"))
    (Path(jobs[0].out_dir) / "report.html").write_text("edited by hand")  # a damaged output
    with cf.ThreadPoolExecutor(1) as ex:
        third = render_batch(good, executor=ex)
    assert [o.status for o in third.outcomes] == [BatchStatus.rendered] * 2
    assert "4.5" in Path(jobs[2].out_dir, "report.html").read_text()


def test_force_renders_an_unchanged_report(spawned):
    _, jobs, _, _ = spawned
    out = render_one(jobs[2], incremental=False)
    assert out.status is BatchStatus.rendered


def test_a_cell_timeout_and_a_deadline_fail_fast_instead_of_hanging(tmp_path):
    sleepy = _notebook_with(tmp_path, "sleepy", "import time\ntime.sleep(60)")
    jobs = [_job(tmp_path, "slow_cell", sleepy), _job(tmp_path, "past_deadline", sleepy)]
    started = time.perf_counter()
    with cf.ThreadPoolExecutor(2) as ex:  # renders in threads: no os.chdir race, no SIGALRM
        futures = [ex.submit(render_one, jobs[0], cell_timeout=2, deadline=None),
                   ex.submit(render_one, jobs[1], cell_timeout=60, deadline=4)]
        cell, whole = (f.result() for f in futures)
    assert time.perf_counter() - started < 30
    assert cell.status is BatchStatus.failed and cell.error_type == "CellTimeoutError" and cell.failing_cell == 4
    assert whole.status is BatchStatus.failed and whole.error_type == DEADLINE_ENAME
    assert whole.reason == "cell_timeout" and whole.failing_cell == 4
    for job in jobs:
        assert not (Path(job.out_dir) / "report.html").exists()


def test_any_executor_can_run_the_batch(tmp_path):
    jobs = [_job(tmp_path, "T1"), _job(tmp_path, "T2")]
    with cf.ThreadPoolExecutor(2) as ex:
        result = render_batch(jobs, executor=ex)
    assert result.ok and [o.status for o in result.outcomes] == [BatchStatus.rendered] * 2
    with pytest.raises(ValueError, match="either executor or workers"):
        render_batch(jobs, executor=cf.ThreadPoolExecutor(1), workers=2)


def test_a_kernel_that_fails_to_start_is_retried_once(tmp_path, monkeypatch):
    from jupyter_client.manager import AsyncKernelManager

    real = AsyncKernelManager._async_launch_kernel
    calls = []

    async def flaky(self, kernel_cmd, **kw):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("Kernel didn't respond in 60 seconds (simulated)")
        return await real(self, kernel_cmd, **kw)

    monkeypatch.setattr(AsyncKernelManager, "_async_launch_kernel", flaky)
    out = render_one(_job(tmp_path, "R"))
    assert out.status is BatchStatus.rendered and len(calls) == 2


def test_a_worker_crash_is_a_failed_report_not_a_crashed_batch(tmp_path):
    class Broken(cf.ThreadPoolExecutor):
        def submit(self, fn, *args, **kwargs):
            future = cf.Future()
            future.set_exception(cf.process.BrokenProcessPool("a worker died"))
            return future

    with Broken(1) as ex:
        result = render_batch([_job(tmp_path, "X")], executor=ex)
    assert result.outcomes[0].status is BatchStatus.failed
    assert result.outcomes[0].error_type == "BrokenProcessPool"


@pytest.mark.parametrize("args, message", [
    (["--all", "--cadre", "C1"], "--all and --unit contradict"),
    (["--executor", "dask"], "needs the scheduler's address"),
    (["--scheduler", "tcp://localhost:8786"], "only for --executor dask"),
    (["--executor", "ray"], "unknown executor"),
])
def test_cli_refuses_contradictory_batch_options(args, message, tmp_path, capsys):
    from evalkit.cli import main

    with pytest.raises(SystemExit) as info:  # refused before the project file is even read
        main(["report", "--project", str(tmp_path / "nowhere.yml"), *args])
    assert info.value.code == 2
    assert message in capsys.readouterr().err


@pytest.mark.slow
def test_batch_runs_on_a_dask_local_cluster(tmp_path):
    distributed = pytest.importorskip("distributed")
    jobs = [_job(tmp_path, "D1"), _job(tmp_path, "D2", pdf=True)]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        from evalkit.report.batch import dask_executor

        with dask_executor(cluster.scheduler_address) as ex:
            result = render_batch(jobs, executor=ex)
    assert result.ok, result.outcomes
    assert all(o.status is BatchStatus.rendered for o in result.outcomes)
    assert Path(jobs[1].out_dir, "report.pdf").is_file() and Path(jobs[0].out_dir, "report.html").is_file()
    assert len({o.worker for o in result.outcomes}) >= 1


def _rendering_stack_in_this_process() -> list[str]:
    import sys

    return sorted(m for m in ("numpy", "pyarrow", "papermill", "nbconvert") if sys.modules.get(m) is not None)


@pytest.mark.slow
def test_dedicated_dask_workers_preload_the_stack_without_pyarrow():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                                  preload=["evalkit.report.dask_worker"]) as cluster, \
            distributed.Client(cluster) as client:
        loaded = next(iter(client.run(_rendering_stack_in_this_process).values()))
    assert "papermill" in loaded and "nbconvert" in loaded  # warmed as the worker started
    assert "pyarrow" not in loaded                           # numpy: Dask's own import


def test_another_paper_size_is_a_change_that_renders_again(tmp_path: Path) -> None:
    """The project file's page_size is part of what a report depends on: Letter after A4 is not skipped."""
    import dataclasses

    from evalkit.report._stamp import stamp_key

    a4 = _job(tmp_path, "A", pdf=True)
    letter = dataclasses.replace(a4, page_size="Letter")
    assert stamp_key(a4) != stamp_key(letter)
    assert stamp_key(a4) == stamp_key(dataclasses.replace(a4))
