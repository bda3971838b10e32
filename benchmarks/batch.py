"""Batch rendering benchmark: 20 cohort reports (HTML + PDF), the shell loop against evalkit's batch.

Both ways render the same 20 artifact folders with the same notebook, one after the other in the
same run:

* **shell loop**: what a user would write, one report after another::

      papermill cadre_report.ipynb out.ipynb -p artifact_dir ... -k python3
      jupyter nbconvert --to html --no-input out.ipynb
      weasyprint out.html out.pdf

* **evalkit batch**: :func:`evalkit.report.batch.render_batch`, the render step of
  ``evalkit report --all`` (spawned pool, one worker per core, a new kernel per report forked from
  the worker's pre-imported template, evalkit's HTML template in-process, the PDF compiled by
  Typst in a fresh child process per report). The audit and the ledger (parent-side steps the
  shell loop has no equivalent of) are not timed.

The 20 artifact folders are the demo's cadre folders (3 cadres, built from ``data_raw/demo`` or
the generated demo data) copied round-robin, each with its own cohort id in ``facts.json``.

It prints both wall times, the ratio, reports per minute and the peak memory of each worker: the
worker process's own ``VmHWM`` and the peak of its whole process tree (worker, kernel template,
kernels), as proportional set size (PSS, shared pages split between the processes sharing them)
and as resident size (RSS, shared pages counted in every process).

Target (issue [2/9]) on 2 cores: >= 12x the shell loop, <= 300 MB per worker.

``--notebook benchmarks/thin_report.ipynb`` renders a two-page notebook (the cover and executive
summary only) both ways instead, so the batch machinery is measured without the full report's PDF
layout. It is a second measurement, not the report evalkit ships.

``--fresh-kernels`` runs evalkit's batch with a plain fresh kernel per report (no kernel template,
``EVALKIT_FORK_KERNELS=0``): the difference to a default run is what forked kernels buy.

Usage::

    python benchmarks/batch.py [--reports 20] [--workers N] [--executor local|dask [--scheduler ADDR]]
                               [--artifacts DIR] [--skip-shell] [--html-only] [--notebook PATH]
                               [--fresh-kernels]

``--html-only`` stops both ways at the HTML (no PDF), which isolates what the batch machinery (warm
workers, forked kernels, no CLI start-ups) gains apart from the PDF engine.

``--executor dask`` without ``--scheduler`` starts a LocalCluster of ``--workers`` workers, so the
same script measures the Dask path here and, with ``--scheduler``, scaling on a real cluster.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "cadre_report.ipynb"
BIN = Path(sys.executable).parent


def demo_artifacts(dest: Path) -> list[Path]:
    """Build the demo's cadre artifact folders into ``dest`` (the real pipeline, no rendering)."""
    from evalkit.demo.config import demo_config
    from evalkit.pipeline import process_project
    from evalkit.processed import load_processed
    from evalkit.report.build import build_cadre_artifacts, cadre_units

    data = ROOT / "data_raw" / "demo"
    cfg = demo_config(data=data if (data / "MANIFEST.md").exists() else None,
                      processed_dir=dest / "processed", reports_dir=dest / "reports")
    process_project(cfg)
    store = load_processed(cfg)
    folders = []
    for unit in cadre_units(cfg):
        folder, _ = build_cadre_artifacts(cfg, store, unit, dest / "reports" / unit.cadre / "artifacts")
        folders.append(folder)
    return folders


def cohort_folders(sources: list[Path], n: int, dest: Path) -> list[tuple[Path, dict]]:
    """``n`` artifact folders: the sources copied round-robin, each with a distinct cohort id."""
    out = []
    for i in range(n):
        src = sources[i % len(sources)]
        folder = dest / f"r{i:02d}" / "artifacts"
        shutil.copytree(src, folder)
        facts_file = folder / "facts.json"
        facts = json.loads(facts_file.read_text(encoding="utf-8"))
        facts["cohort"] = f"{facts['cohort']}-b{i:02d}"
        facts["release_id"] = f"{facts['release_id']}-b{i:02d}"
        facts_file.write_text(json.dumps(facts, indent=1, ensure_ascii=False), encoding="utf-8")
        out.append((folder, {"project": facts["project"], "cadre": facts["cadre"], "cohort": facts["cohort"],
                             "artifact_dir": str(folder)}))
    return out


def shell_loop(folders: list[tuple[Path, dict]], dest: Path, *, pdf: bool = True,
               notebook: Path = NOTEBOOK) -> tuple[float, int]:
    """papermill CLI → jupyter nbconvert CLI → weasyprint CLI, one report after another."""
    failed = 0
    started = time.perf_counter()
    for i, (_, params) in enumerate(folders):
        work = dest / f"r{i:02d}"
        work.mkdir(parents=True, exist_ok=True)
        cmds = [
            [str(BIN / "papermill"), str(notebook), "out.ipynb", "-k", "python3", "--no-progress-bar",
             "--cwd", str(notebook.parent)] + [a for k, v in params.items() for a in ("-p", k, str(v))],
            [str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", "out.ipynb"],
            [str(BIN / "weasyprint"), "out.html", "out.pdf"],
        ][:3 if pdf else 2]
        for cmd in cmds:
            done = subprocess.run(cmd, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if done.returncode:
                failed += 1
                break
    return time.perf_counter() - started, failed


class TreeSampler(threading.Thread):
    """Every 0.2 s, the memory of each worker's process tree (the worker, its kernels and helpers).

    A report's memory is spread over processes: the worker (papermill, nbconvert, pikepdf), its Typst child, the
    kernel it starts and, with forked kernels, the template the kernels are forked from. Each
    direct child of this process (a pool worker, or a Dask nanny) roots one tree; the sampler sums
    the tree's resident memory (RSS) and its proportional set size (PSS: a page shared by k
    processes counts 1/k in each, so a template and the kernels forked from it are not counted
    twice) and keeps the largest sums seen. Linux only (reads /proc); elsewhere it reports nothing.
    """

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_rss: dict[int, float] = {}
        self.peak_pss: dict[int, float] = {}
        self.stop = threading.Event()
        self.me = os.getpid()

    @staticmethod
    def _read(pid: str) -> tuple[int, float, float] | None:
        try:
            ppid = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
            rss = pss = 0.0
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss = int(line.split()[1]) / 1024
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1]) / 1024
            return ppid, rss, pss
        except (OSError, IndexError, ValueError):
            return None

    def sample(self) -> None:
        procs = {}
        for entry in os.scandir("/proc"):
            if entry.name.isdigit() and (info := self._read(entry.name)) is not None:
                procs[int(entry.name)] = info
        rss: dict[int, float] = {}
        pss: dict[int, float] = {}
        for pid, (_, r, q) in procs.items():
            root, seen = pid, 0
            while root in procs and procs[root][0] != self.me and seen < 64:  # climb to a child of ours
                root, seen = procs[root][0], seen + 1
            if root in procs and procs[root][0] == self.me:
                rss[root] = rss.get(root, 0.0) + r
                pss[root] = pss.get(root, 0.0) + q
        for root in rss:
            self.peak_rss[root] = max(self.peak_rss.get(root, 0.0), rss[root])
            self.peak_pss[root] = max(self.peak_pss.get(root, 0.0), pss[root])

    def run(self) -> None:
        while not self.stop.wait(0.2):
            self.sample()


def evalkit_batch(folders: list[tuple[Path, dict]], dest: Path, *, workers: int | None, executor: str,
                  scheduler: str | None, pdf: bool = True, notebook: Path = NOTEBOOK):
    from evalkit.report.batch import ReportJob, open_executor, render_batch

    jobs = [ReportJob(f"r{i:02d}", str(notebook), str(folder), str(dest / f"r{i:02d}"), parameters=params, pdf=pdf)
            for i, (folder, params) in enumerate(folders)]
    sampler = TreeSampler()
    if Path("/proc/self/smaps_rollup").exists():
        sampler.start()
    started = time.perf_counter()
    try:
        with open_executor(executor, workers=workers, scheduler=scheduler) as (ex, n):
            result = render_batch(jobs, executor=ex, workers=n, incremental=False, progress=True, total=len(jobs))
    finally:
        sampler.stop.set()
    return time.perf_counter() - started, result, sampler


@contextlib.contextmanager
def dask_cluster(args: argparse.Namespace):
    """``--executor dask`` without ``--scheduler``: a LocalCluster of ``--workers`` single-threaded workers.

    The same benchmark then measures the Dask path on this machine; on a bigger machine or a real
    cluster pass ``--scheduler`` (docs/cluster.md) to measure scaling.
    """
    if args.executor != "dask" or args.scheduler:
        yield args.scheduler
        return
    from distributed import LocalCluster

    from evalkit.report.executors import default_workers

    n = args.workers or default_workers()
    args.workers = None  # the cluster has its workers; open_executor refuses --workers for dask
    args.cluster_workers = n
    # the preload docs/cluster.md gives for workers dedicated to reports
    with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                      preload=["evalkit.report.dask_worker"]) as cluster:
        print(f"started a Dask LocalCluster of {n} single-threaded worker(s) at {cluster.scheduler_address}")
        yield cluster.scheduler_address


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=20)
    parser.add_argument("--workers", type=int, default=None,
                        help="local pool size, or the LocalCluster size with --executor dask (default: cores)")
    parser.add_argument("--executor", default="local", choices=["local", "dask"])
    parser.add_argument("--scheduler", default=None,
                        help="Dask scheduler address, e.g. tcp://host:8786 (default with --executor dask: a LocalCluster)")
    parser.add_argument("--artifacts", type=Path, default=None,
                        help="folder of cadre artifact folders (*/artifacts/facts.json) instead of building the demo's")
    parser.add_argument("--skip-shell", action="store_true", help="time evalkit's batch only (scaling runs)")
    parser.add_argument("--html-only", action="store_true",
                        help="both ways stop at the HTML (no PDF): what the batch machinery itself gains")
    parser.add_argument("--notebook", type=Path, default=NOTEBOOK,
                        help="the notebook both ways render (default: the cadre report; benchmarks/thin_report.ipynb: "
                             "cover and executive summary only, to measure the machinery without the long PDF)")
    parser.add_argument("--fresh-kernels", action="store_true",
                        help="evalkit's batch without forked kernels: a plain fresh kernel per report "
                             "(EVALKIT_FORK_KERNELS=0), to measure what the kernel template buys")
    parser.add_argument("--keep", type=Path, default=None, help="write everything here and keep it")
    args = parser.parse_args(argv)
    args.notebook = args.notebook.resolve()
    if args.fresh_kernels:
        from evalkit.report._kernel_fork import NO_FORK_ENV

        os.environ[NO_FORK_ENV[0]] = NO_FORK_ENV[1]  # the spawned workers inherit it

    from evalkit.report.batch import BatchStatus, default_workers

    base = args.keep or Path(tempfile.mkdtemp(prefix="evalkit-bench-batch-"))
    base.mkdir(parents=True, exist_ok=True)
    try:
        t = time.perf_counter()
        if args.artifacts:
            sources = sorted(p.parent for p in args.artifacts.glob("*/artifacts/facts.json"))
        else:
            sources = demo_artifacts(base / "demo")
        if not sources:
            print(f"no artifact folders found under {args.artifacts}", file=sys.stderr)
            return 2
        folders = cohort_folders(sources, args.reports, base / "artifacts")
        print(f"prepared {len(folders)} artifact folders from {len(sources)} demo cadre(s) in "
              f"{time.perf_counter() - t:.1f} s")
        print(f"machine: {os.cpu_count()} CPU(s), {default_workers()} usable; python {sys.version.split()[0]}")
        print(f"notebook: {args.notebook.relative_to(ROOT) if args.notebook.is_relative_to(ROOT) else args.notebook}")

        with dask_cluster(args) as scheduler:
            batch_s, result, trees = evalkit_batch(folders, base / "evalkit", workers=args.workers,
                                                   executor=args.executor, scheduler=scheduler,
                                                   pdf=not args.html_only, notebook=args.notebook)
        bad = result.failed
        for o in bad:
            print(f"  evalkit failed: {o.unit}: {o.error_type}: {o.message}", file=sys.stderr)
        n = len(folders)
        where = f"{args.executor}, {result.workers or getattr(args, 'cluster_workers', None) or '?'} worker(s)"
        print(f"\nevalkit batch ({where}): {batch_s:7.1f} s  {n / batch_s * 60:6.1f} reports/min  "
              f"({result.count(BatchStatus.rendered)} rendered, {len(bad)} failed)")
        if not args.skip_shell:
            shell_s, shell_failed = shell_loop(folders, base / "shell", pdf=not args.html_only,
                                                 notebook=args.notebook)
            print(f"shell loop (serial CLIs):  {shell_s:7.1f} s  {n / shell_s * 60:6.1f} reports/min  "
                  f"({n - shell_failed} rendered, {shell_failed} failed)")
            print(f"ratio: evalkit is {shell_s / batch_s:.1f}x the shell loop (target >= 12x on 2 cores"
                  + (", HTML + PDF)" if not args.html_only else "; this run: HTML only, no PDF)"))

        per_worker: dict[str, float] = {}
        for o in result.outcomes:
            per_worker[o.worker] = max(per_worker.get(o.worker, 0.0), o.worker_peak_mb or 0.0)
        print("\npeak memory per worker (target <= 300 MB):")
        for name, w in sorted(per_worker.items()):
            print(f"  worker {name}: the worker process itself (VmHWM) {w:5.0f} MB")
        for root in sorted(trees.peak_pss):
            print(f"  process tree of pid {root} (worker + template + kernels): peak PSS {trees.peak_pss[root]:5.0f} MB,"
                  f" peak RSS {trees.peak_rss[root]:5.0f} MB")
        if trees.peak_pss:
            worst = max(trees.peak_pss.values())
            print(f"largest worker tree: {worst:.0f} MB PSS ({'met' if worst <= 300 else 'NOT met'}: target <= 300 MB)")
        times = sorted(o.seconds for o in result.outcomes)
        print(f"per report in a worker: median {times[len(times) // 2]:.2f} s, max {times[-1]:.2f} s")
        return 1 if bad else 0
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
