"""Kernels forked from a pre-imported template: fresh processes, deadline kills, fallbacks, no zombies.

Each test runs real (forked) kernels through ``render._execute`` or our kernel manager class; a
forked kernel starts in a fraction of a second, so the whole module takes a few seconds.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from evalkit.errors import ReportError, ReportReason
from evalkit.report import _kernel_fork as kf
from evalkit.report import render

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="forked kernels are tested on Linux only (they need fork and /proc)")

# Prints who the kernel is; the try/except shows whether `leak` survived from an earlier report.
PROBE = """import os, json
try:
    leak
    state = "shared"
except NameError:
    state = "fresh"
leak = 1
print(json.dumps({"pid": os.getpid(), "ppid": os.getppid(), "sid": os.getsid(0), "cwd": os.getcwd(),
                  "forked": os.environ.get("EVALKIT_FORKED_KERNEL"), "state": state, "answer": 6 * 7}))"""


@pytest.fixture(scope="module", autouse=True)
def _stop_template_after_module():
    yield
    kf.stop_worker_template()


@pytest.fixture
def template() -> kf.KernelTemplate:
    tpl = kf.start_worker_template()  # once per process; later calls return the same template
    assert tpl is not None
    return tpl


def _run(folder: Path, *sources: str, deadline_at: float | None = None) -> dict:
    """Execute a notebook of ``sources`` the way render_report does; the probe's output as a dict."""
    folder.mkdir(parents=True, exist_ok=True)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(src) for src in sources]
    path = folder / "probe.ipynb"
    nbformat.write(nb, path)
    executed = render._execute(path, folder / "executed.ipynb", {}, 60, folder, deadline_at)
    return json.loads(executed.cells[0].outputs[0]["text"])


def _children(ppid: int) -> list[tuple[int, str]]:
    """(pid, state) of every process whose parent is ``ppid``."""
    found = []
    for name in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                fields = f.read().rpartition(b")")[2].split()
        except OSError:  # exited meanwhile
            continue
        if int(fields[1]) == ppid:
            found.append((int(name), fields[0].decode()))
    return found


def _gone(pid: int) -> bool:
    stat = kf._proc_stat(pid)
    return stat is None or stat[0] == "Z"


def test_each_report_gets_a_fresh_forked_kernel(tmp_path, template):
    first = _run(tmp_path / "a", PROBE)
    second = _run(tmp_path / "b", PROBE)
    for run, folder in ((first, "a"), (second, "b")):
        assert run["answer"] == 42
        assert run["forked"] == "1"                     # the fork path ran (not a silent fallback)
        assert run["ppid"] == template.pid              # forked by the template...
        assert run["sid"] == run["pid"]                 # ...into a session of its own
        assert run["pid"] != template.pid
        assert run["state"] == "fresh"                  # `leak` from the first run is a NameError
        assert Path(run["cwd"]) == (tmp_path / folder).resolve()  # the notebook's folder
    assert first["pid"] != second["pid"]
    assert _gone(first["pid"]) and _gone(second["pid"])  # killed at the end of each run


def test_the_deadline_watchdog_kills_a_forked_kernel(tmp_path, template):
    started = time.monotonic()
    with pytest.raises(ReportError) as info:
        _run(tmp_path, "import os; open('pid', 'w').write(str(os.getpid()))", "import time; time.sleep(60)",
             deadline_at=time.monotonic() + 3)
    assert info.value.reason is ReportReason.cell_timeout and info.value.ename == render.DEADLINE_ENAME
    assert time.monotonic() - started < 50  # not the 60 s sleep
    pid = int((tmp_path / "pid").read_text())
    assert pid not in (os.getpid(), template.pid) and _gone(pid)


def test_no_zombies_after_forked_kernels_exit(tmp_path, template):
    run = render._KernelRun(None)

    async def start_and_kill() -> int:
        km = run.manager_class(kernel_name=render.KERNEL_NAME)
        await km.start_kernel(cwd=str(tmp_path))
        assert isinstance(km.provisioner.process, kf.ForkedKernel)
        pid = km.provisioner.pid
        assert await km.is_alive()
        await km.shutdown_kernel(now=True)  # what nbclient's shutdown_kernel="immediate" does
        assert not await km.is_alive()
        return pid

    try:
        pids = [asyncio.run(start_and_kill()) for _ in range(5)]
    finally:
        run.close()
    assert len(set(pids)) == 5 and all(_gone(pid) for pid in pids)
    end = time.monotonic() + 10
    while any(state == "Z" for _, state in _children(template.pid)) and time.monotonic() < end:
        time.sleep(0.05)  # the template reaps on SIGCHLD; give it a moment on a busy machine
    assert [kid for kid in _children(template.pid) if kid[1] == "Z"] == []


def test_a_non_standard_kernel_command_is_launched_the_normal_way(tmp_path, template):
    assert kf.is_standard_kernel_cmd([sys.executable, "-m", "ipykernel_launcher", "-f", "c.json"])
    assert not kf.is_standard_kernel_cmd([sys.executable, "-m", "ipykernel", "-f", "c.json"])
    assert not kf.is_standard_kernel_cmd(["/usr/bin/other-python", "-m", "ipykernel_launcher", "-f", "c.json"])
    run = render._KernelRun(None)

    async def start() -> object:
        km = run.manager_class(kernel_name=render.KERNEL_NAME)
        km.kernel_spec.argv = [sys.executable, "-m", "ipykernel", "-f", "{connection_file}"]
        await km.start_kernel(cwd=str(tmp_path))
        try:
            assert await km.is_alive()
            return km.provisioner.process
        finally:
            await km.shutdown_kernel(now=True)

    try:
        process = asyncio.run(start())
    finally:
        run.close()
    assert isinstance(process, subprocess.Popen)  # jupyter_client's own launch


def test_outside_a_batch_worker_kernels_start_the_normal_way(tmp_path):
    kf.stop_worker_template()
    run = render._KernelRun(None)
    run.close()
    assert kf.worker_template() is None and run.template is None
    assert _run(tmp_path, PROBE)["forked"] is None


def test_a_dead_template_is_restarted_once_then_kernels_start_normally(tmp_path):
    kf.stop_worker_template()
    template = kf.start_worker_template()
    assert template is not None
    assert _run(tmp_path / "a", PROBE)["ppid"] == template.pid
    first_pid = template.pid
    os.kill(first_pid, signal.SIGKILL)
    again = _run(tmp_path / "b", PROBE)                 # restarted: still forked
    assert template.pid != first_pid and again["forked"] == "1" and again["ppid"] == template.pid
    os.kill(template.pid, signal.SIGKILL)
    fallback = _run(tmp_path / "c", PROBE)              # died again: the normal launch
    assert fallback["forked"] is None and fallback["answer"] == 42
    assert template.restarts == 1
