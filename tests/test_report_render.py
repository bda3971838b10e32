"""End to end: the real notebook on example artifacts → report.ipynb, report.html, report.pdf.

Each render starts a kernel (a few seconds), so this module renders three times in all: one good
report shared by every test through a module-scoped fixture, one failing notebook, and one
render without a PDF.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from evalkit.errors import ReportError, ReportReason
from evalkit.report.examples import write_example_artifacts
from evalkit.report.render import RenderResult, render_report

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "cadre_report.ipynb"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> tuple[RenderResult, Path]:
    base = tmp_path_factory.mktemp("render")
    art = write_example_artifacts(base / "artifacts")
    result = render_report(NOTEBOOK, art, base / "out", parameters={"cadre": "A"}, timeout=120)
    return result, art


@pytest.fixture(scope="module")
def html(rendered) -> str:
    return rendered[0].html.read_text(encoding="utf-8")


def test_outputs_exist(rendered):
    result, _ = rendered
    assert result.html.name == "report.html" and result.html.is_file()
    assert result.notebook.name == "report.ipynb" and result.notebook.is_file()
    assert result.pdf is not None and result.pdf.read_bytes().startswith(b"%PDF")
    assert result.pdf_skipped_reason is None
    assert 0 < result.seconds < 120
    leftovers = [p.name for p in result.html.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []  # temporary files and folders were renamed or removed


def test_html_has_no_code_prompts_or_errors(html):
    for marker in ("jp-InputArea", "input_area", "In [", "In&nbsp;[", "Out[", "Traceback",
                   "output_stderr", "output_error", "papermill-error"):
        assert marker not in html, marker
    source = nbformat.read(NOTEBOOK, as_version=4)
    for cell in source.cells:
        for line in cell.source.splitlines():
            if line.strip():
                assert line.strip() not in html, line
    assert "evalkit.report" not in html
    assert not re.search(r"(src|href)=\"https?://", html)  # nothing is fetched from the web


def test_html_shows_the_artifacts(html):
    assert "<title>Leading Learning Fellows: cadre A, cohort 2025</title>" in html
    for text in ("Orientation &lt;retreat&gt;", "Coaching &amp; feedback", "fewer than 10",
                 "Assistant principal", "89%", "To be added: state assessment results"):
        assert text in html, text


class _MetaParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "meta" and found.get("name"):
            self.meta[found["name"] or ""] = found.get("content") or ""


def _meta(html: str) -> dict[str, str]:
    parser = _MetaParser()
    parser.feed(html)
    return parser.meta


def test_provenance_in_html_and_notebook(rendered, html):
    result, art = rendered
    meta = _meta(html)
    assert meta["evalkit-release-id"] == "demo-2026-06-30-a"
    assert meta["evalkit-version"]
    assert json.loads(meta["evalkit-inputs"])[0]["sha256"] == "0" * 63 + "1"
    params = json.loads(meta["evalkit-parameters"])
    assert params["cadre"] == "A" and params["cohort"] == "2025"  # cohort filled in from facts.json
    assert not Path(params["artifact_dir"]).is_absolute()  # no machine paths in a funder's file

    nb = nbformat.read(result.notebook, as_version=4)
    assert nb.metadata.evalkit["release_id"] == "demo-2026-06-30-a"
    assert nb.metadata.evalkit["inputs"] == [{"sha256": "0" * 63 + "1"}]       # by hash: a name may hold a school's
    assert nb.metadata.papermill["parameters"]["artifact_dir"] == str(art.resolve())


def _pdf_text(pdf: Path) -> str:
    try:
        import pypdf
    except ImportError:
        pypdf = None
    if pypdf is not None:
        return "\n".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pytest.skip("neither pypdf nor pdftotext is available to read the PDF's text")


def test_pdf_has_page_footer_and_table_values(rendered):
    text = _pdf_text(rendered[0].pdf)
    assert "Page 1 of" in text
    assert "Orientation <retreat>" in text and "fewer than 10" in text
    assert "Leading Learning Fellows" in text


def test_pdf_embeds_the_bundled_font(rendered):
    if not shutil.which("pdffonts"):
        pytest.skip("pdffonts (poppler-utils) is not installed")
    fonts = subprocess.run(["pdffonts", str(rendered[0].pdf)],
                           capture_output=True, text=True, check=True).stdout
    lato = [line for line in fonts.splitlines() if "Lato" in line]
    assert lato and all(" yes " in line for line in lato)  # embedded


def test_unknown_parameter_is_refused_before_running(tmp_path):
    art = write_example_artifacts(tmp_path / "artifacts")
    with pytest.raises(ReportError) as info:
        render_report(NOTEBOOK, art, tmp_path / "out", parameters={"cadre": "A", "colour": "red"})
    assert info.value.reason is ReportReason.unknown_parameter
    assert [p for p, _ in info.value.problems] == ["colour"]
    assert not (tmp_path / "out").exists()


def test_contradicting_parameter_is_refused(tmp_path):
    art = write_example_artifacts(tmp_path / "artifacts")
    with pytest.raises(ReportError) as info:
        render_report(NOTEBOOK, art, tmp_path / "out", parameters={"cadre": "C2"})
    assert info.value.reason is ReportReason.parameter_mismatch
    with pytest.raises(ReportError, match="artifact_dir"):
        render_report(NOTEBOOK, art, tmp_path / "out", parameters={"artifact_dir": str(tmp_path)})


@pytest.mark.parametrize("bad", [{"x": object()}, "cadre=C1"])
def test_parameters_must_be_plain_values(tmp_path, bad):
    art = write_example_artifacts(tmp_path / "artifacts")
    nb = tmp_path / "nb.ipynb"
    source = nbformat.read(NOTEBOOK, as_version=4)
    source.cells[1].source += "\nx = None"
    nbformat.write(source, nb)
    with pytest.raises(TypeError, match="parameter"):
        render_report(nb, art, tmp_path / "out", parameters=bad)


def test_failing_cell_names_the_cell_and_leaves_no_report(tmp_path, rendered):
    art = write_example_artifacts(tmp_path / "artifacts")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nb.cells.insert(4, nbformat.v4.new_code_cell("raise ValueError('boom')", id="boom"))
    bad = tmp_path / "bad.ipynb"
    nbformat.write(nb, bad)
    out = tmp_path / "out"
    shutil.copytree(rendered[0].html.parent, out)  # an older, good report sits in out_dir

    with pytest.raises(ReportError) as info:
        render_report(bad, art, out, parameters={})
    err = info.value
    assert err.reason is ReportReason.cell_failed
    assert err.cell_index == 4 and err.ename == "ValueError"
    assert "cell 4" in str(err) and "ValueError: boom" in str(err)
    assert not (out / "report.html").exists() and not (out / "report.pdf").exists()
    assert not (out / "report.ipynb").exists()
    kept = nbformat.read(out / "report.failed.ipynb", as_version=4)
    assert kept.metadata.papermill.exception is True
    assert err.notebook == str(out / "report.failed.ipynb")


def test_no_pdf_asked_html_is_written_and_a_stale_pdf_removed(tmp_path, rendered):
    art = write_example_artifacts(tmp_path / "artifacts")
    out = tmp_path / "out"
    shutil.copytree(rendered[0].html.parent, out)  # holds a report.pdf from an earlier render
    result = render_report(NOTEBOOK, art, out, parameters={}, timeout=120, pdf=False)
    assert result.pdf is None and "not requested" in result.pdf_skipped_reason
    assert result.html.is_file() and result.notebook.is_file()
    assert not (out / "report.pdf").exists()  # an older PDF would disagree with the new HTML



def test_committed_notebook_is_thin_and_clean():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    # markdown cells are headings for the evaluator in JupyterLab, never part of the report
    assert all("remove-cell" in c.metadata.get("tags", []) for c in nb.cells if c.cell_type == "markdown")
    for cell in code:
        assert cell.outputs == [] and cell.execution_count is None
        assert "def " not in cell.source and "lambda" not in cell.source and "pd." not in cell.source
    # one cell per section the kind can have (issue [4/9]), then the catch-all and the supplement
    from evalkit.config import ProgramKind
    from evalkit.report.sections import REGISTRY

    shown = [c.source for c in code if "show_section(" in c.source]
    assert shown == [f'er.show_section(facts, "{s.id}", missing_ok=True)' for s in REGISTRY[ProgramKind.cadre]
                     if s.part == "report"]
    assert any("show_other_sections" in c.source for c in code) and "supplement" in code[-1].metadata["tags"]

    import papermill

    params = papermill.inspect_notebook(str(NOTEBOOK))
    assert {k: v["default"] for k, v in params.items()} == {
        "project": '"demo"', "cadre": '"C1"', "cohort": '"2025"',
        "artifact_dir": '"../reports/demo/C1/artifacts"',
    }
