"""Jupyter kernels forked from a pre-imported template process (Linux).

Starting an ipykernel costs 0.4-0.7 s of CPU, mostly Python start-up and imports. A batch
worker can instead keep a small *template* process that has imported that stack and done nothing
else (no socket, no thread, no user code) and ``os.fork()`` a brand-new kernel from it for each
report: own process, own session, own connection file, nothing shared between reports.

Protocol, one JSON line per message on the template's stdin/stdout: the template says
``{"ready": true, ...}`` once preloaded; ``{"argv", "cwd", "env"}`` gets ``{"pid": N}`` or
``{"error": "..."}``; ``{"quit": true}`` or EOF (the worker died) makes it kill its kernels and exit.
The template never imports numpy, pandas or matplotlib: OpenBLAS starts threads at import, and a
child forked from a threaded process may inherit a lock held by a thread that does not exist there.
(``ps`` shows a forked kernel with the template's command line; its parent is the template.)
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import importlib
import importlib.util
import json
import logging
import os
import select
import signal
import subprocess
import sys
import threading
import time
import traceback
from typing import Any

from jupyter_client.provisioning import KernelProvisionerFactory, LocalProvisioner

__all__ = ["FORKED_ENV", "NO_FORK_ENV", "PRELOAD", "ForkedKernel", "ForkingProvisioner", "KernelTemplate",
           "TemplateUnavailable", "forking_provisioner", "is_standard_kernel_cmd",
           "start_worker_template", "stop_worker_template", "worker_template"]

log = logging.getLogger(__name__)

#: Modules the template imports once (missing ones are skipped). Never numpy/pandas/matplotlib.
PRELOAD = ("ipykernel.kernelapp", "ipykernel.ipkernel", "IPython", "jedi", "zmq",
           "jupyter_client.session", "evalkit.report", "evalkit.report.display",
           "evalkit.report.artifacts")
#: ``EVALKIT_FORK_KERNELS=0`` in a worker's environment: no template, every kernel starts the normal way.
NO_FORK_ENV = ("EVALKIT_FORK_KERNELS", "0")
#: Set to "1" in the environment of every forked kernel.
FORKED_ENV = "EVALKIT_FORKED_KERNEL"
#: Whether this platform forks kernels at all: Linux only, where it is tested. (macOS forbids
#: fork-without-exec once some system frameworks are loaded; Windows has no fork.)
CAN_FORK = hasattr(os, "fork") and sys.platform.startswith("linux")
_LINUX = sys.platform.startswith("linux")
_MODULE = "evalkit.report._kernel_fork"
# Read by the interpreter or the dynamic loader at start-up only: a fork cannot apply a change.
_STARTUP_ENV = ("PYTHON", "LD_", "DYLD_")


class TemplateUnavailable(RuntimeError):
    """The template cannot fork this kernel; the caller launches it the normal way."""


def is_standard_kernel_cmd(cmd: list[str]) -> bool:
    """True for ``[sys.executable, "-m", "ipykernel_launcher", ...]`` (the ``python3`` kernelspec).

    ``cmd[0]`` must be this interpreter's path, not just the same ``realpath``: two venvs made from
    one base Python share a realpath but not their site-packages.
    """
    return (len(cmd) >= 3 and bool(sys.executable) and cmd[1:3] == ["-m", "ipykernel_launcher"]
            and os.path.abspath(cmd[0]) == os.path.abspath(sys.executable))


def _startup_env(env: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in env.items() if k.startswith(_STARTUP_ENV)}


def _proc_stat(pid: int) -> tuple[str, str] | None:
    """(state, start time) from ``/proc/<pid>/stat``, or None if there is no such process."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rpartition(b")")[2].split()  # the name in (...) may hold spaces
    except OSError:
        return None
    return fields[0].decode(), fields[19].decode()


class ForkedKernel:
    """Popen-like handle on a forked kernel: a sibling of this process, not its child.

    Only a parent may ``wait`` for a process, so its exit status is unknown here: ``returncode``
    is ``-signal`` when this handle killed it, else 0 (jupyter_client only asks whether it is
    None). On Linux the pid must still have the start time seen at launch, so a pid the system
    reused after the template reaped the kernel is never taken for it.
    """

    stdin = stdout = stderr = None  # LocalProvisioner.wait() closes these when set

    def __init__(self, pid: int, args: list[str]) -> None:
        self.pid, self.args, self._signal = pid, args, 0
        self.returncode: int | None = None
        stat = _proc_stat(pid) if _LINUX else None
        self._start = stat[1] if stat else None

    def _alive(self) -> bool:
        if _LINUX:  # a zombie ('Z') is dead: the template reaps it in a moment
            stat = _proc_stat(self.pid)
            return stat is not None and stat[0] != "Z" and stat[1] == self._start
        try:
            os.kill(self.pid, 0)
        except (ProcessLookupError, PermissionError):  # gone, or the pid is another user's now
            return False
        return True

    def poll(self) -> int | None:
        if self.returncode is None and not self._alive():
            self.returncode = -self._signal
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        end = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if end is not None and time.monotonic() > end:
                raise subprocess.TimeoutExpired(self.args, timeout or 0)
            time.sleep(0.02)
        return self.returncode  # type: ignore[return-value]

    def send_signal(self, sig: int) -> None:
        if self.poll() is None:  # never signal a dead kernel's pid (it may be reused)
            self._signal = sig if sig in (signal.SIGKILL, signal.SIGTERM) else self._signal
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, sig)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


class KernelTemplate:
    """This process's handle on one template process; thread-safe.

    Parameters
    ----------
    preload : sequence of str, default PRELOAD
        Modules the template imports.
    ready_timeout : float, default 60
        Seconds a launch waits for the template to finish preloading.
    max_restarts : int, default 1
        Times a dead (or unresponsive) template is started again on its next use; after that every
        kernel of this process is launched the normal way.
    """

    def __init__(self, preload: tuple[str, ...] | list[str] = PRELOAD, *,
                 ready_timeout: float = 60.0, max_restarts: int = 1) -> None:
        self.preload, self.ready_timeout, self.max_restarts = list(preload), ready_timeout, max_restarts
        self.restarts, self.missing, self.stopped = 0, [], False
        self._proc: subprocess.Popen[bytes] | None = None
        self._ready, self._buf, self._env = False, b"", dict(os.environ)
        self._lock = threading.Lock()

    @property
    def pid(self) -> int | None:
        """The current template process's pid."""
        return None if self._proc is None else self._proc.pid

    def start(self) -> None:
        """Start the template; returns at once (it preloads while the worker does its own imports)."""
        self._env, self._ready, self._buf = dict(os.environ), False, b""
        self._env.pop("PYTHONEXECUTABLE", None)  # jupyter_client drops it for kernels too
        # stderr is inherited: a failed preload shows in the worker's log. Nothing else holds the
        # write end of the template's stdin, so EOF there means this process is gone.
        self._proc = subprocess.Popen([sys.executable, "-m", _MODULE, *self.preload], env=self._env,
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, close_fds=True)

    def launch(self, cmd: list[str], cwd: str, env: dict[str, str]) -> ForkedKernel:
        """Fork a kernel that runs as ``cmd`` would, in ``cwd`` with exactly ``env``.

        Parameters
        ----------
        cmd : list of str
            The kernel command; only ``[sys.executable, "-m", "ipykernel_launcher", *args]``.
        cwd : str
            The kernel's working directory.
        env : dict
            The kernel's whole environment (``EVALKIT_FORKED_KERNEL=1`` is added).

        Returns
        -------
        ForkedKernel
            A Popen-like handle; the kernel leads its own session (its pgid is its pid).

        Raises
        ------
        TemplateUnavailable
            If the command or the start-up environment cannot be forked, or the template is dead
            (restarted on this call while ``max_restarts`` allows), stopped, or failed to fork.
        """
        if not is_standard_kernel_cmd(cmd):
            raise TemplateUnavailable(f"not the standard ipykernel command: {cmd[:3]}")
        if _startup_env(env) != _startup_env(self._env):
            raise TemplateUnavailable("PYTHON*/LD_* variables differ from the template's")
        with self._lock:
            for attempt in (1, 2):  # a template that dies under a request is restarted at once
                try:
                    self._ensure_ready()
                    reply = self._request({"argv": cmd, "cwd": cwd, "env": env})
                    break
                except TemplateUnavailable:
                    if self._proc is not None and self._proc.poll() is None:
                        self._proc.kill()  # out of step with us (a timeout): treat it as dead
                        self._proc.wait()
                    if attempt == 2 or self.stopped or self.restarts >= self.max_restarts:
                        raise
        if not isinstance(reply.get("pid"), int):
            raise TemplateUnavailable(f"the template could not fork: {reply.get('error')}")
        return ForkedKernel(reply["pid"], cmd)

    def stop(self) -> None:
        """Ask the template to quit (it kills any kernel still running) and wait for it."""
        with self._lock:  # not while a launch talks to the template
            self.stopped = True
            proc, self._proc = self._proc, None
        if proc is None:
            return
        with contextlib.suppress(OSError, ValueError):
            proc.stdin.write(b'{"quit": true}\n')  # type: ignore[union-attr]
            proc.stdin.close()  # type: ignore[union-attr]
        try:
            proc.wait(2)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stdout.close()  # type: ignore[union-attr]

    def _ensure_ready(self) -> None:
        if self.stopped or self._proc is None:
            raise TemplateUnavailable("the kernel template was stopped")
        if self._proc.poll() is not None:
            with contextlib.suppress(OSError):
                self._proc.stdin.close()  # type: ignore[union-attr]
            self._proc.stdout.close()  # type: ignore[union-attr]
            if self.restarts >= self.max_restarts:
                self.stopped = True
                log.warning("report: the kernel template died again; kernels start the normal way")
                raise TemplateUnavailable("the kernel template died too often")
            self.restarts += 1
            log.warning("report: the kernel template died (exit %s); starting a new one",
                        self._proc.returncode)
            self.start()
        if not self._ready:
            reply = self._readline(self.ready_timeout)
            if not reply.get("ready"):
                raise TemplateUnavailable(f"the kernel template did not start: {reply.get('error')}")
            self._ready, self.missing = True, reply.get("missing", [])

    def _request(self, message: dict[str, Any]) -> dict[str, Any]:
        try:
            self._proc.stdin.write(json.dumps(message).encode() + b"\n")  # type: ignore[union-attr]
            self._proc.stdin.flush()  # type: ignore[union-attr]
        except (OSError, ValueError) as exc:
            raise TemplateUnavailable(f"the kernel template is gone ({exc})") from None
        return self._readline(30.0)

    def _readline(self, timeout: float) -> dict[str, Any]:
        # Raw reads under select(): a hung or dead template costs a timeout, never a hang.
        fd, end = self._proc.stdout.fileno(), time.monotonic() + timeout  # type: ignore[union-attr]
        while b"\n" not in self._buf:
            left = end - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TemplateUnavailable(f"no answer from the kernel template in {timeout:g} s")
            chunk = os.read(fd, 65536)
            if not chunk:
                raise TemplateUnavailable("the kernel template exited")
            self._buf += chunk
        line, _, self._buf = self._buf.partition(b"\n")
        try:
            return dict(json.loads(line))
        except (TypeError, ValueError):
            raise TemplateUnavailable(f"garbled answer from the kernel template: {line[:80]!r}") from None


class ForkingProvisioner(LocalProvisioner):  # type: ignore[misc]
    """A LocalProvisioner whose kernels :attr:`template` forks when it can (else ``Popen`` as usual).

    After the launch, LocalProvisioner's own poll, wait, interrupt, kill and cleanup work on the
    :class:`ForkedKernel`; ``pgid`` is the kernel's pid (it called ``setsid`` before the template
    answered, so ``killpg`` can never reach the template's or this process's group).
    """

    template: KernelTemplate | None = None

    async def pre_launch(self, **kwargs: Any) -> dict[str, Any]:
        if self.kernel_id is None and self.parent is not None:  # made before the manager picked one
            self.kernel_id = self.parent.kernel_id
        return await super().pre_launch(**kwargs)

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> Any:
        cwd = str(kwargs.get("cwd") or os.getcwd())
        custom = [k for k in ("stdin", "stdout", "stderr", "independent") if kwargs.get(k)]
        try:
            if self.template is None or custom or kwargs.get("env") is None:
                raise TemplateUnavailable(f"no template, or options a fork cannot honour: {custom}")
            proc = self.template.launch(cmd, cwd, kwargs["env"])
        except TemplateUnavailable as exc:
            log.debug("report: normal kernel launch (%s)", exc)
            return await super().launch_kernel(cmd, **kwargs)
        self.process, self.pid, self.pgid, self.cwd = proc, proc.pid, proc.pid, cwd
        return self.connection_info

    async def send_signal(self, signum: int) -> None:
        # A reaped kernel's pid, and so its group id, may be reused: never killpg a dead kernel.
        if not (isinstance(self.process, ForkedKernel) and self.process.poll() is not None):
            await super().send_signal(signum)


def forking_provisioner(km: Any, template: KernelTemplate | None) -> ForkingProvisioner | None:
    """A provisioner that forks ``km``'s kernel from ``template``; assign it before the kernel starts.

    Parameters
    ----------
    km : jupyter_client.KernelManager
        The manager whose ``provisioner`` is still None.
    template : KernelTemplate or None

    Returns
    -------
    ForkingProvisioner or None
        None without a template, or when the kernelspec names another provisioner (or the
        default was changed): the manager then makes its usual one.
    """
    spec = km.kernel_spec
    if template is None or spec is None:
        return None
    name = ((spec.metadata.get("kernel_provisioner") or {}).get("provisioner_name")
            or KernelProvisionerFactory.instance(parent=km.parent).default_provisioner_name)
    if name != "local-provisioner":
        return None
    provisioner = ForkingProvisioner(kernel_id=km.kernel_id, kernel_spec=spec, parent=km)
    provisioner.template = template
    return provisioner


_worker: KernelTemplate | None = None
_worker_lock = threading.Lock()


def start_worker_template(preload: tuple[str, ...] | list[str] = PRELOAD) -> KernelTemplate | None:
    """Start this process's kernel template, once; a batch worker's initializer calls it.

    Only after this call do :func:`~evalkit.report.render.render_report` calls in this process
    fork their kernels. The template is stopped at exit; if this process dies instead, the
    template sees EOF on its stdin, kills its kernels and exits.

    Parameters
    ----------
    preload : sequence of str, default PRELOAD
        Modules the template imports (ignored if this process already has a template).

    Returns
    -------
    KernelTemplate or None
        None, having done nothing, where ``os.fork`` is unavailable (not Linux), where the
        environment sets ``EVALKIT_FORK_KERNELS=0`` (every kernel then starts the normal way; the
        batch benchmark's ``--fresh-kernels`` measures what forking buys), or where the template
        process could not be started.

    Examples
    --------
    >>> from evalkit.report._kernel_fork import start_worker_template
    >>> start_worker_template()  # doctest: +SKIP
    """
    global _worker
    if not CAN_FORK or os.environ.get(NO_FORK_ENV[0]) == NO_FORK_ENV[1]:
        return None
    with _worker_lock:
        if _worker is None:
            template = KernelTemplate(preload)
            try:
                template.start()
            except OSError as exc:
                log.warning("report: no kernel template (%s); kernels start the normal way", exc)
                return None
            _worker = template
            atexit.unregister(stop_worker_template)  # once, however often a template is started
            atexit.register(stop_worker_template)
        return _worker


def worker_template() -> KernelTemplate | None:
    """The template started in this process by :func:`start_worker_template`, if any."""
    return _worker


def stop_worker_template() -> None:
    """Stop this process's template, if any."""
    global _worker
    with _worker_lock:
        template, _worker = _worker, None
    if template is not None:
        template.stop()


# ------------------------------------------------------------------ inside the template process

_children: set[int] = set()


def _reap(*_: Any) -> None:
    """SIGCHLD handler: collect every exited kernel, so no zombie is left behind."""
    with contextlib.suppress(ChildProcessError):
        while (pid := os.waitpid(-1, os.WNOHANG)[0]) > 0:
            _children.discard(pid)


def _serve(preload: list[str]) -> None:
    """The template's main loop: preload, say ready, fork one kernel per request."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the batch; EOF tells us to go
    # The pipes move to private descriptors and /dev/null takes 0 and 1, so nothing a kernel (or a
    # preloaded module) prints can corrupt the protocol. Duplicates are non-inheritable (PEP 446).
    cmd_in, reply_fd = os.fdopen(os.dup(0), "rb"), os.dup(1)
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)
    os.close(null)
    if sys.path and not sys.flags.safe_path:
        del sys.path[0]  # the script's folder, as ipykernel_launcher does (IPython adds '' later)
    missing = []
    for name in preload:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - optional extras (jedi) may be absent: kernels import them
            missing.append(name)
    threads = len(os.listdir("/proc/self/task")) if _LINUX else threading.active_count()
    if threads > 1:  # a preload started a thread: forking now could copy a held lock
        os.write(reply_fd, json.dumps({"error": f"{threads} threads after preloading"}).encode() + b"\n")
        sys.exit(1)
    launcher = importlib.util.find_spec("ipykernel_launcher").origin  # type: ignore[union-attr]
    gc.freeze()  # the collector never touches preloaded objects: fewer pages copied per kernel
    signal.signal(signal.SIGCHLD, _reap)
    answer: dict[str, Any] = {"ready": True, "pid": os.getpid(), "missing": missing}
    try:
        os.write(reply_fd, json.dumps(answer).encode() + b"\n")
        for line in cmd_in:  # ends at EOF: the worker closed the pipe or died
            try:
                request = json.loads(line)
                if request.get("quit"):
                    break
                answer = {"pid": _fork(request, launcher, cmd_in, reply_fd)}
            except Exception as exc:  # noqa: BLE001 - the worker falls back to a normal launch
                answer = {"error": f"{type(exc).__name__}: {exc}"}
            os.write(reply_fd, json.dumps(answer).encode() + b"\n")
    except OSError:  # the worker is gone (a reply met a closed pipe)
        pass
    finally:
        for pid in list(_children):  # kernels do not outlive their worker
            with contextlib.suppress(OSError):
                os.killpg(pid, signal.SIGKILL)


def _fork(request: dict[str, Any], launcher: str, cmd_in: Any, reply_fd: int) -> int:
    """Fork one kernel; return its pid once it leads its own session."""
    template_pid = os.getpid()
    ready_r, ready_w = os.pipe()
    # SIGCHLD waits until the pid is recorded: the reaper must not forget a child before we know it.
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD})
    try:
        try:
            pid = os.fork()
        except OSError:  # EAGAIN/ENOMEM: the worker launches this kernel the normal way
            os.close(ready_r)
            os.close(ready_w)
            raise
        if pid == 0:  # the kernel-to-be: never returns from this branch
            code = 1
            try:
                atexit._clear()  # the template's exit handlers are not the kernel's
                cmd_in.close()  # the template's pipes are not the kernel's
                os.close(reply_fd)
                os.close(ready_r)
                os.setsid()  # own session and group, as jupyter_client's start_new_session=True
                os.chdir(request["cwd"])
                os.environ.clear()  # os.environ's setters update the C-level environment too
                os.environ.update(request["env"], JPY_PARENT_PID=str(template_pid), **{FORKED_ENV: "1"})
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                signal.signal(signal.SIGINT, signal.default_int_handler)
                signal.pthread_sigmask(signal.SIG_SETMASK, mask)
                os.write(ready_w, b"1")
                os.close(ready_w)
                from ipykernel.kernelapp import IPKernelApp

                sys.argv = [launcher, *request["argv"][3:]]  # as `python -m ipykernel_launcher` sees
                # parent_handle's default was read from the template's environment at import time;
                # the kernel's parent poller must watch its real parent, the template.
                IPKernelApp.launch_instance(argv=sys.argv[1:], parent_handle=template_pid)
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
            except BaseException:  # noqa: BLE001 - whatever happens, the child must not return
                traceback.print_exc()
            finally:
                with contextlib.suppress(BaseException):
                    atexit._run_exitfuncs()  # the kernel's own, as at a normal interpreter exit
                    sys.stdout.flush()
                    sys.stderr.flush()
                os._exit(code)
        _children.add(pid)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
    os.close(ready_w)
    ok = os.read(ready_r, 1)  # the child is in its own session (or died trying, e.g. bad cwd)
    os.close(ready_r)
    if not ok:
        raise RuntimeError(f"the kernel could not be set up in {request.get('cwd')!r}")
    return pid


if __name__ == "__main__":
    _serve(sys.argv[1:])
