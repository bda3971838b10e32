"""The HTML report in a real browser: headless Chromium loads it without a console error, and
every image has alt text.

Chromium is driven through its own command line and the DevTools protocol over
``--remote-debugging-pipe`` (file descriptors 3 and 4, NUL-separated JSON) with the standard
library only: no selenium, no playwright, nothing that downloads a browser. CI installs Debian's
``chromium`` package (``.ci/run``); elsewhere the tests skip and say so. One demo report (cadre
C1, HTML only) is rendered for the module, about 20 s.
"""

from __future__ import annotations

import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data_raw" / "demo"
pytestmark = pytest.mark.slow

_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_FLAGS = ("--headless=new", "--disable-gpu", "--no-sandbox", "--remote-debugging-pipe", "--no-first-run",
          "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--disable-default-apps")


def _chromium() -> str:
    for name in _BROWSERS:
        if path := shutil.which(name):
            return path
    pytest.skip("no Chromium here (looked for chromium, chromium-browser, google-chrome on PATH): browser "
                "checks skipped. On Debian/Ubuntu: `sudo apt-get install chromium` (.ci/run does this)")


class _DevTools:
    """A DevTools-protocol client over Chromium's pipe: ``call`` a method, keep every event."""

    def __init__(self, binary: str, profile: str, timeout: float = 30.0) -> None:
        to_chrome, self._out = os.pipe()
        self._in, from_chrome = os.pipe()

        def fds_3_and_4() -> None:  # in the child: Chromium reads commands on 3 and writes on 4
            a = fcntl.fcntl(to_chrome, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(from_chrome, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            [binary, *_FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=(3, 4), preexec_fn=fds_3_and_4)
        os.close(to_chrome)
        os.close(from_chrome)
        self.timeout = timeout
        self.events: list[dict[str, Any]] = []
        self._buf = b""
        self._id = 0

    def _next(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("Chromium did not answer in time")
            ready, _, _ = select.select([self._in], [], [], left)
            if ready:
                chunk = os.read(self._in, 1 << 16)
                if not chunk:
                    raise EOFError("Chromium closed the DevTools pipe")
                self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw)

    def wait_for(self, predicate) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        while True:
            message = self._next(deadline)
            if "method" in message:
                self.events.append(message)
            if predicate(message):
                return message

    def call(self, method: str, params: dict | None = None, session: str | None = None) -> dict[str, Any]:
        self._id += 1
        message: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        number = self._id
        reply = self.wait_for(lambda m: m.get("id") == number)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply["result"]

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except (OSError, EOFError, TimeoutError, RuntimeError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._in)
        os.close(self._out)


_PROBE = """JSON.stringify({
  title: document.title,
  lang: document.documentElement.lang,
  images: Array.from(document.images)
      .map(i => ({alt: i.getAttribute("alt"), loaded: i.complete && i.naturalWidth > 0})),
  tocLinks: Array.from(document.querySelectorAll("nav.ek-toc a")).map(a => a.getAttribute("href")),
  missingTargets: Array.from(document.querySelectorAll("nav.ek-toc a"))
      .filter(a => !document.getElementById(a.getAttribute("href").slice(1))).length,
})"""


def _load(binary: str, page: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Open ``page`` in headless Chromium; return what the probe saw and the console/log events."""
    with tempfile.TemporaryDirectory(prefix="evalkit-chromium-") as profile:
        tools = _DevTools(binary, profile)
        try:
            target = tools.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = tools.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Runtime", "Log", "Page"):
                tools.call(f"{domain}.enable", session=session)
            tools.call("Page.navigate", {"url": page.resolve().as_uri()}, session=session)
            tools.wait_for(lambda m: m.get("method") == "Page.loadEventFired"
                           and m.get("sessionId") == session)
            # let late console output (font loads, deferred errors) arrive
            tools.call("Runtime.evaluate", {"expression": "document.fonts.ready.then(() => 1)",
                                            "awaitPromise": True}, session=session)
            result = tools.call("Runtime.evaluate", {"expression": _PROBE, "returnByValue": True},
                                session=session)
        finally:
            tools.close()
    return json.loads(result["result"]["value"]), [e for e in tools.events if _is_problem(e)]


def _is_problem(event: dict[str, Any]) -> bool:
    """An uncaught exception, a console error/assert/warning, or a browser log error/warning
    (a resource that failed to load, a blocked request, a deprecation)."""
    method, params = event["method"], event["params"]
    if method == "Runtime.exceptionThrown":
        return True
    if method == "Runtime.consoleAPICalled":
        return params["type"] in ("error", "assert", "warning")
    return method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning")


@pytest.fixture(scope="module")
def browser() -> str:
    return _chromium()


@pytest.fixture(scope="module")
def report_html(demo_run) -> Path:
    return demo_run["reports"] / "C1" / "report.html"


@pytest.fixture(scope="module")
def loaded(browser, report_html) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    return _load(browser, report_html)


def test_report_loads_without_console_errors(loaded):
    _, problems = loaded
    assert problems == [], json.dumps([p["params"] for p in problems], indent=1)[:2000]


def test_every_image_loads_and_has_alt_text(loaded):
    seen, _ = loaded
    images = seen["images"]
    assert len(images) >= 4  # the demo report's charts
    assert all(img["loaded"] for img in images)
    assert all(img["alt"] and len(img["alt"].strip()) > 20 for img in images), images


def test_title_language_and_contents_links(loaded):
    seen, _ = loaded
    assert seen["title"].startswith("Science Leadership Cadre") and seen["lang"] == "en"
    assert len(seen["tocLinks"]) >= 10 and seen["missingTargets"] == 0


def test_the_check_sees_a_broken_page(browser, tmp_path):
    """The harness itself: a missing file, a script error and an image without alt are all caught."""
    page = tmp_path / "broken.html"
    page.write_text('<!DOCTYPE html><html lang="en"><head><title>t</title>'
                    '<link rel="stylesheet" href="missing.css"></head><body>'
                    '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">'
                    "<script>undefinedFunction()</script></body></html>", encoding="utf-8")
    seen, problems = _load(browser, page)
    kinds = {p["method"] for p in problems}
    assert {"Runtime.exceptionThrown", "Log.entryAdded"} <= kinds, kinds
    assert [img["alt"] for img in seen["images"]] == [""]
