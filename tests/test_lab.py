"""JupyterLab serves the notebooks, starts a kernel and renders a notebook in a browser (issue [4/9]).

The test starts ``jupyter lab --no-browser`` on a free loopback port with a token and its own Jupyter folders,
checks through the REST API that the notebooks are listed and a kernel starts, then opens the research notebook
(executed on the demo, so it has outputs) in headless Chromium over the DevTools protocol and checks that the
notebook renders without a console error. It stops the server itself. Set ``EVALKIT_LAB_SCREENSHOT`` to a file
name to keep a PNG of the page.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from test_notebooks import NOTEBOOKS, run_notebook
from test_report_browser import _chromium, _DevTools

pytestmark = pytest.mark.slow

#: What `make lab` passes too: no extension manager that asks PyPI, no news feed (offline always).
LAB_OFFLINE = ("--LabApp.extension_manager=readonly", "--LabApp.news_url=")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _api(base: str, token: str, path: str, method: str = "GET", body: dict | None = None) -> object:
    request = urllib.request.Request(f"{base}{path}", method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": f"token {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as reply:  # loopback only
        text = reply.read().decode()
    return json.loads(text) if text else None


@pytest.fixture(scope="module")
def lab(demo_run, tmp_path_factory):
    """A JupyterLab server on a copy of notebooks/ in which explore.ipynb has been run on the demo."""
    root = tmp_path_factory.mktemp("lab")
    for nb in NOTEBOOKS.glob("*.ipynb"):
        shutil.copy(nb, root / nb.name)
    executed = run_notebook("explore.ipynb", {"project": "demo", "processed_dir": str(demo_run["processed"]),
                                              "export_dir": str(root / "exports")})
    import nbformat

    nbformat.write(executed, root / "explore.ipynb")
    # a report notebook after a run (the demo's C1 render), to read its helpers' output in both themes
    shutil.copy(demo_run["reports"] / "C1" / "report.ipynb", root / "cadre_report_run.ipynb")
    port, token = _free_port(), secrets.token_hex(16)
    jupyter = Path(sys.executable).with_name("jupyter")
    home = tempfile.mkdtemp(prefix="evalkit-lab-")
    # no "get notified about Jupyter news?" prompt (it would fetch news from the internet if accepted)
    settings = Path(home) / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}', encoding="utf-8")
    env = {**os.environ, "JUPYTER_CONFIG_DIR": f"{home}/config", "JUPYTER_DATA_DIR": f"{home}/data",
           "JUPYTER_RUNTIME_DIR": f"{home}/runtime", "HOME": home}
    server = subprocess.Popen(
        [str(jupyter), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}", "--port-retries=0",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}", *LAB_OFFLINE,
         f"--LabApp.user_settings_dir={home}/settings",
         *(["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else [])],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                _api(base, token, "/api/status")
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    err = server.stderr.read().decode(errors="replace")[-2000:] if server.stderr else ""
                    pytest.fail(f"jupyter lab did not start: {err}")
                time.sleep(0.5)
        yield base, token
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(home, ignore_errors=True)


def test_lab_lists_the_notebooks_and_starts_a_kernel(lab) -> None:
    base, token = lab
    listed = {item["name"] for item in _api(base, token, "/api/contents")["content"]}
    assert {"cadre_report.ipynb", "survey_report.ipynb", "explore.ipynb"} <= listed
    kernel = _api(base, token, "/api/kernels", "POST", {"name": "python3"})
    try:
        assert _execute(base, token, kernel["id"], "import evalkit\nprint(6 * 7)") == "42"   # the kernel runs code
    finally:
        _api(base, token, f"/api/kernels/{kernel['id']}", "DELETE")
    with pytest.raises(OSError):               # and the token is required
        _api(base, "wrong-token", "/api/contents")


def _execute(base: str, token: str, kernel: str, code: str, timeout: float = 60) -> str:
    """Run ``code`` in a kernel through the server's websocket (as JupyterLab does); its printed output."""
    import uuid

    import websocket  # websocket-client: a jupyter_server dependency

    ws = websocket.create_connection(f"{base.replace('http', 'ws')}/api/kernels/{kernel}/channels?token={token}",
                                     timeout=timeout)
    try:
        msg_id = uuid.uuid4().hex
        ws.send(json.dumps({"header": {"msg_id": msg_id, "msg_type": "execute_request", "username": "test",
                                       "session": uuid.uuid4().hex, "version": "5.3"},
                            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                            "content": {"code": code, "silent": False, "store_history": False,
                                        "user_expressions": {}, "allow_stdin": False}}))
        out, deadline = "", time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = json.loads(ws.recv())
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if message["msg_type"] == "stream":
                out += message["content"]["text"]
            if message["msg_type"] == "error":
                raise AssertionError(message["content"]["ename"])
            if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
                return out.strip()
        raise AssertionError("no reply from the kernel")
    finally:
        ws.close()


_RENDERED = """(() => {
  const cells = document.querySelectorAll('.jp-NotebookPanel .jp-Cell');
  const outputs = document.querySelectorAll('.jp-NotebookPanel .jp-OutputArea-output');
  const errors = document.querySelectorAll('.jp-NotebookPanel .jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]');
  return JSON.stringify({cells: cells.length, outputs: outputs.length, stderr: errors.length,
                         images: document.querySelectorAll('.jp-NotebookPanel .jp-RenderedImage img').length});
})()"""


@contextlib.contextmanager
def _page(url: str):
    """Headless Chromium (DevTools over its pipe) on ``url`` at 1400 x 1000: yields (tools, session)."""
    with tempfile.TemporaryDirectory(prefix="evalkit-chromium-") as profile:
        tools = _DevTools(_chromium(), profile, timeout=90)
        try:
            target = tools.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = tools.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Runtime", "Log", "Page"):
                tools.call(f"{domain}.enable", session=session)
            tools.call("Emulation.setDeviceMetricsOverride", {"width": 1400, "height": 1000, "deviceScaleFactor": 1,
                                                              "mobile": False}, session=session)
            tools.call("Page.navigate", {"url": url}, session=session)
            yield tools, session
        finally:
            tools.close()


def _poll(tools: _DevTools, session: str, expression: str, done, timeout: float = 90) -> dict:
    """Evaluate ``expression`` (a JSON string) every second until ``done(value)`` or the timeout; the last value."""
    deadline, seen = time.monotonic() + timeout, {}
    while time.monotonic() < deadline:
        result = tools.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=session)
        if "value" in result.get("result", {}):   # the page may still be loading (no result yet)
            seen = json.loads(result["result"]["value"])
            if done(seen):
                break
        time.sleep(1)
    return seen


def test_the_research_notebook_renders_in_a_browser_without_console_errors(lab) -> None:
    base, token = lab
    with _page(f"{base}/lab/workspaces/research/tree/explore.ipynb?token={token}") as (tools, session):
        seen = _poll(tools, session, _RENDERED, lambda v: v["cells"] >= 10 and v["images"] >= 1)
        time.sleep(2)  # late console output
        if os.environ.get("EVALKIT_LAB_SCREENSHOT"):  # the run's chart and the refused/protected export
            tools.call("Runtime.evaluate", {"expression": "document.querySelector("
                                            "'.jp-NotebookPanel .jp-RenderedImage').scrollIntoView()"},
                       session=session)
            time.sleep(1)
            import base64

            shot = tools.call("Page.captureScreenshot", {"format": "png"}, session=session)
            Path(os.environ["EVALKIT_LAB_SCREENSHOT"]).write_bytes(base64.b64decode(shot["data"]))
    assert seen.get("cells", 0) >= 10 and seen.get("outputs", 0) >= 5 and seen.get("images", 0) >= 1, seen
    problems = [e for e in tools.events if e["method"] == "Runtime.exceptionThrown"
                or (e["method"] == "Runtime.consoleAPICalled" and e["params"]["type"] in ("error", "assert"))
                or (e["method"] == "Log.entryAdded" and e["params"]["entry"]["level"] == "error")]
    assert problems == [], json.dumps([p["params"] for p in problems], indent=1)[:3000]


_CONTRAST = """(() => {
  const rgb = s => (s.match(/[0-9.]+/g) || []).map(Number);
  const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const background = el => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c; } return [255, 255, 255]; };
  const cells = Array.from(document.querySelectorAll(
      '.jp-NotebookPanel .jp-OutputArea-output td, .jp-NotebookPanel .jp-OutputArea-output th, ' +
      '.jp-NotebookPanel .jp-OutputArea-output p')).slice(0, 400);
  const ratios = cells.map(el => { const a = lum(rgb(getComputedStyle(el).color)), b = lum(background(el));
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); });
  return JSON.stringify({n: ratios.length, min: Math.min(...ratios),
                         body: getComputedStyle(document.body).backgroundColor});
})()"""


@pytest.mark.parametrize("theme", ["JupyterLab Light", "JupyterLab Dark"])
def test_report_helpers_read_well_in_the_light_and_dark_themes(lab, theme) -> None:
    """Every table cell and paragraph the report helpers display has WCAG AA contrast (4.5:1) in the theme."""
    base, token = lab
    _api(base, token, "/lab/api/settings/@jupyterlab/apputils-extension:themes", "PUT",
         {"raw": json.dumps({"theme": theme})})
    # a workspace of its own: no layout restored from the other tests' pages
    workspace = "theme-" + theme.split()[-1].lower()
    with _page(f"{base}/lab/workspaces/{workspace}/tree/cadre_report_run.ipynb?token={token}") as (tools, session):
        seen = _poll(tools, session, _CONTRAST, lambda v: v["n"] >= 50)
    assert seen.get("n", 0) >= 50, seen
    dark = theme.endswith("Dark")
    body = [float(v) for v in seen["body"].replace("rgba(", "").replace("rgb(", "").rstrip(")").split(",")[:3]]
    assert (sum(body) / 3 < 128) == dark, seen            # the theme really is the one asked for
    assert seen["min"] >= 4.5, seen
