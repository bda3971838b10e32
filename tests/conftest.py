"""Shared test fixtures.

``REAL_FIXTURES`` holds real exports copied from public repositories (see its PROVENANCE.md). The
repository is cloned as ``main`` beside ``shared``, so the folder is ``../shared/fixtures/real``;
set ``EVALKIT_REAL_FIXTURES`` to use another copy. Tests that need it skip when it is absent.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run, so CI's verdict does not depend on luck; run
# `HYPOTHESIS_PROFILE=explore make test` to let them search with fresh random examples.
settings.register_profile("default", derandomize=True)
settings.register_profile("explore", derandomize=False, max_examples=500)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parents[1]
REAL_FIXTURES = Path(os.environ.get("EVALKIT_REAL_FIXTURES") or Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "real")
DEMO_DIR = REPO / "data_raw" / "demo"


def real_fixture_files() -> list[Path]:
    """Every fixture file (PROVENANCE.md excluded), sorted; empty when the folder is absent."""
    if not REAL_FIXTURES.is_dir():
        return []
    return sorted(p for p in REAL_FIXTURES.rglob("*") if p.is_file() and p.name != "PROVENANCE.md")


@pytest.fixture(scope="session")
def real_fixtures() -> Path:
    """The real-export folder, or skip the test with a clear message."""
    if not REAL_FIXTURES.is_dir():
        pytest.skip("../shared/fixtures/real not found: real-export tests skipped "
                    "(set EVALKIT_REAL_FIXTURES to its location)")
    return REAL_FIXTURES


def _demo_hashes() -> dict[str, str]:
    import hashlib

    return {str(p.relative_to(DEMO_DIR)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(DEMO_DIR.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory):
    """One `evalkit demo` run (all cadres, HTML and PDF) into a temp folder, shared by every test module.

    Its own key (mode 0600, outside the repository); the raw files' hashes before and after.
    """
    from typer.testing import CliRunner

    from evalkit.anonymize.keys import keygen
    from evalkit.cli import app

    before = _demo_hashes()
    out = tmp_path_factory.mktemp("demo")
    key_path = keygen(tmp_path_factory.mktemp("keys") / "demo_test.key")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("EVALKIT_KEY_FILE", str(key_path))
        result = CliRunner().invoke(app, ["demo", "--data", str(DEMO_DIR), "--out", str(out / "reports"),
                                          "--processed", str(out / "processed")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return {"before": before, "after": _demo_hashes(), "reports": out / "reports", "processed": out / "processed",
            "output": result.output, "key": key_path.read_bytes(), "key_file": key_path}


def run_cli(args: list[str], capsys) -> tuple[int, str, str]:
    """Run the ``evalkit`` console entry point as a user does: (exit code, stdout, stderr)."""
    from evalkit.cli import main

    try:
        main(args)
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_html_and_pdf_agree(html_file, pdf_file) -> None:
    """The HTML report and the PDF carry the same content: every heading, table cell and figure caption of
    the HTML is in the PDF's text (whitespace folded; the HTML's own navigation aside)."""
    import html as html_lib
    import re

    import pypdf

    page = Path(html_file).read_text(encoding="utf-8")
    page = re.sub(r'<nav class="ek-toc".*?</nav>', "", page, flags=re.S)
    # compared without whitespace: a PDF's text extraction breaks lines inside cells ("(n-1) (k-1)")
    # and without the zero-width break opportunities the PDF puts into long words (a SHA-256, a snake_case id)
    pdf_text = "".join("".join((p.extract_text() or "").replace("\u200b", "").split())
                       for p in pypdf.PdfReader(pdf_file).pages)

    def texts(pattern: str) -> list[str]:
        out = []
        for raw in re.findall(pattern, page, flags=re.S):
            text = " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", raw)).split())
            if text:
                out.append(text)
        return out

    missing = [t for t in (texts(r"<h[1-3][^>]*>(.*?)</h[1-3]>") + texts(r"<t[hd][^>]*>(.*?)</t[hd]>")
                           + texts(r"<figcaption>(.*?)</figcaption>") + texts(r"<caption>(.*?)</caption>"))
               if "".join(t.split()) not in pdf_text]
    assert not missing, f"{len(missing)} piece(s) of the HTML are not in the PDF, e.g. {missing[:5]}"


def decode_export(raw: bytes, fallback: str = "latin-1") -> str:
    """A text export's bytes as text: UTF-8 (with or without BOM), else UTF-16, else ``fallback`` (any byte
    decodes; undecodable ones are replaced)."""
    for enc in ("utf-8-sig", "utf-16"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return raw.decode(fallback, errors="replace")


#: Statistical notation the methods appendix and the tables use on purpose (Hedges' g_av, d_z, a school's n_i and
#: v_i, a group's p_i and p_c in the Cox index): the only snake_case a reader may meet.
NOTATION = frozenset({"g_av", "d_z", "n_i", "v_i", "p_i", "p_c"})
_INTERNAL = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b|\b[\w-]+\.(?:csv|md|xlsx|xls|sav|zsav|py|json|ipynb|yml|yaml|parquet)\b"
                       r"|\bevalkit\.[a-z_]+(?:\.[a-z_]+)*|\{\s*[\"']")


def internal_tokens(html_file) -> list[str]:
    """Identifier-like tokens in a report's body text (snake_case names, file names, module paths, JSON), with
    the page's scripts, styles and metadata left out: what a program officer must never have to read."""
    import html as html_lib

    page = Path(html_file).read_text(encoding="utf-8")
    body = re.sub(r"<(script|style|head)[^>]*>.*?</\1>", " ", page, flags=re.S | re.I)
    text = html_lib.unescape(re.sub(r"<[^>]+>", " ", body))
    return sorted({m.group(0) for m in _INTERNAL.finditer(text)} - NOTATION)


def demo_bundle(demo_run, name: str):
    """(folder, facts) of one bundle of the session's demo run (``reports/<name>``)."""
    from evalkit.report.artifacts import load_facts

    folder = demo_run["reports"] / name
    return folder, load_facts(folder / "artifacts")


def bundle_table(folder, tid: str):
    """A bundle's published table as its CSV reads (text, as printed)."""
    import pandas as pd

    return pd.read_csv(folder / "artifacts" / "tables" / f"{tid}.csv", dtype=str)


@pytest.fixture
def tune_only(monkeypatch):
    """A training tool's ``examples`` run on its first corpus while the halves it opens are recorded: the tool must list
    no blind corpus and open the tune half only. Returns ``(the tune half's comment ids, what examples returned)``."""
    import json

    def run(tool):
        folders = tool.corpora()
        assert folders and not {p.name for p in folders} & tool.BLIND
        seen = []
        real = tool.load_corpus
        monkeypatch.setattr(tool, "load_corpus", lambda folder, half: seen.append(half) or real(folder, half))
        result = tool.examples(folders[0])
        assert seen == ["tune"]
        return set(json.loads((folders[0] / "split.json").read_text(encoding="utf-8"))["tune"]), result
    return run


def bundled_model_record(model, tool, data_file: str) -> dict:
    """A bundled model's record checked as both models' tests check it (fitted on tune halves only, no blind corpus,
    the tool's blind list), and its stored form (``evalkit/data/<data_file>``) for the caller's own checks."""
    import gzip
    import importlib.resources
    import json

    assert model.meta["half"] == "tune"
    blind = set(model.meta["blind_left_out"])
    assert blind and not blind & set(model.meta["corpora"])
    assert blind == set(tool.BLIND)
    return json.loads(gzip.decompress(importlib.resources.files("evalkit").joinpath(f"data/{data_file}").read_bytes()))
