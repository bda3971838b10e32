"""The Typst PDF engine (issue [2/9]): the display helpers' text/x-typst form, compiled to PDF/UA-1.

Read back as a reader's tools would: the PDF/UA identifier, tags, language, title, outline, embedded Lato,
"Page x of y" on every page, and the same headings and table cells as the HTML report.
"""

from __future__ import annotations

import html as html_lib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from evalkit.report._typst_pdf import compile_pdf
from evalkit.report.artifacts import load_facts, read_table
from evalkit.report.examples import write_example_artifacts
from evalkit.report.render import render_report
from evalkit.report.typst_markup import lit, table_typst

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "cadre_report.ipynb"
HOSTILE = 'a *star* _under_ #hash $x$ "quote" \\back [br] @ref <lab> // not a comment ~ = heading'


def test_literals_keep_markup_characters_as_text(tmp_path: Path) -> None:
    """Nothing from the artifacts is read as Typst markup: a label full of markup prints as written."""
    source = ('#import "evalkit.typ": *\n#show: ek-document.with(title: "T", description: "d", keywords: (), '
              'running: "r")\n' + table_typst(["Item", "n"], [[HOSTILE, "12"]], caption=HOSTILE, note=None))
    pdf = compile_pdf(source, tmp_path)
    path = tmp_path / "t.pdf"
    path.write_bytes(pdf)
    import pypdf

    text = " ".join(p.extract_text() for p in pypdf.PdfReader(path).pages)
    for word in ("*star*", "#hash", "$x$", '"quote"', "\\back", "[br]", "@ref", "<lab>", "// not a comment"):
        assert word in text, word
    assert lit("a\nb") == '"a\\nb"' and lit(("x",)) == '("x",)'
    with pytest.raises(TypeError):
        lit(object())


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    base = tmp_path_factory.mktemp("typst")
    art = write_example_artifacts(base / "artifacts")
    result = render_report(NOTEBOOK, art, base / "out", parameters={"cadre": "A"}, timeout=120)
    import pypdf

    reader = pypdf.PdfReader(result.pdf)
    return {"facts": load_facts(art), "art": art, "reader": reader, "html": result.html.read_text(encoding="utf-8"),
            "texts": [p.extract_text() for p in reader.pages], "result": result}


def test_pdf_ua_1_tagged_with_language_title_and_outline(rendered) -> None:
    reader, facts = rendered["reader"], rendered["facts"]
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8", "replace")
    assert re.search(r"pdfuaid:part>\s*1\s*<", xmp), "no PDF/UA-1 identifier"
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root and root["/Lang"] == "en"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert reader.metadata.title == facts.title
    flat = []

    def walk(items):
        for item in items:
            walk(item) if isinstance(item, list) else flat.append(item.title)

    walk(reader.outline)
    assert [s.title for s in facts.sections] == [t for t in flat if t in {s.title for s in facts.sections}]


def test_every_page_says_page_x_of_y_and_fonts_are_the_bundled_lato(rendered) -> None:
    texts = rendered["texts"]
    for i, text in enumerate(texts, 1):
        assert f"Page {i} of {len(texts)}" in text, i
    fonts = set()
    for page in rendered["reader"].pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and all(re.fullmatch(r"/[A-Z]{6}\+Lato-(Regular|Bold|Italic)", f) for f in fonts), fonts


def test_html_and_pdf_carry_the_same_headings_and_table_cells(rendered) -> None:
    pdf_text = " ".join(" ".join(t.split()) for t in rendered["texts"])
    headings = [html_lib.unescape(h) for h in re.findall(r"<h[23][^>]*>([^<]+)</h[23]>", rendered["html"])]
    assert headings
    for heading in headings:
        assert " ".join(heading.split()) in pdf_text, heading
    facts = rendered["facts"]
    for table_id in (t for s in facts.sections for t in s.tables):
        header, rows = read_table(rendered["art"], table_id)
        for cell in [*header, *(c for r in rows for c in r)]:
            if cell.strip():
                assert " ".join(cell.split()) in pdf_text, (table_id, cell)
        assert facts.tables[table_id].title in pdf_text


def test_pdf_holds_no_code_and_is_compiled_outside_this_process(rendered) -> None:
    pdf_text = " ".join(rendered["texts"])
    assert "import evalkit" not in pdf_text and "Traceback" not in pdf_text and "#ek-" not in pdf_text
    # the wheel grows by tens of MB per compile in one process: the compile ran in a child
    probe = subprocess.run([sys.executable, "-c", "import sys, evalkit.report._typst_pdf; "
                            "print('typst' in sys.modules)"], capture_output=True, text=True, timeout=60)
    assert probe.stdout.strip() == "False"


def test_the_compile_runs_in_a_child_process(tmp_path: Path, monkeypatch) -> None:
    """A compile in this process would fail here: the PDF still comes, so it was made elsewhere."""
    import typst

    def refuse(*args, **kwargs):
        raise AssertionError("compiled in the parent process")

    monkeypatch.setattr(typst, "compile", refuse)
    source = '#import "evalkit.typ": *\n#show: ek-document.with(title: "T", description: "", keywords: (), running: "")\n'
    assert compile_pdf(source + '#ek-paragraph(body: "x")\n', tmp_path).startswith(b"%PDF")


def test_a_template_error_is_a_report_error_with_typsts_message(tmp_path: Path) -> None:
    from evalkit.errors import ReportError, ReportReason

    with pytest.raises(ReportError, match="could not be compiled with Typst") as info:
        compile_pdf('#import "evalkit.typ": *\n#no-such-function()\n', tmp_path)
    assert info.value.reason is ReportReason.pdf_failed and "no-such-function" in str(info.value)


def _document(body: str, **cell_meta) -> object:
    import nbformat

    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("x", metadata=cell_meta)
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/x-typst": body, "text/plain": "x"})]
    nb.cells.append(cell)
    return nb


def test_cells_the_html_removes_stay_out_of_the_pdf_too() -> None:
    """A cell tagged like papermill's injected parameters (or ``remove-cell``) is in neither format."""
    from evalkit.report._typst_pdf import notebook_to_typst

    kwargs = dict(title="T", description="", keywords=[], running="")
    shown = notebook_to_typst(_document('#ek-paragraph(body: "shown")\n'), **kwargs)
    assert "shown" in shown
    for tag in ("parameters", "injected-parameters", "remove-cell", "papermill-error-cell-tag"):
        hidden = notebook_to_typst(_document('#ek-paragraph(body: "hidden")\n', tags=[tag]), **kwargs)
        assert "hidden" not in hidden, tag


def test_characters_without_a_glyph_become_question_marks_and_controls_go(tmp_path: Path) -> None:
    """An emoji or a script Lato lacks is printed as ``?`` (never silently dropped); a BOM or a C1 control
    from a spreadsheet is not printed at all; accented Latin letters are kept."""
    from evalkit.report._typst_pdf import _glyphs, notebook_to_typst

    assert ord("é") in _glyphs() and ord("😀") not in _glyphs() and ord("漢") not in _glyphs()
    label = "Café \ufeffteam\x85 😀 漢"
    source = notebook_to_typst(_document(f"#ek-paragraph(body: {lit(label)})\n"), title="T", description="",
                               keywords=[], running="")
    assert "Café  team  ? ?" in source
    path = tmp_path / "g.pdf"
    path.write_bytes(compile_pdf(source, tmp_path))
    import pypdf

    assert "Café team ? ?" in " ".join(pypdf.PdfReader(path).pages[0].extract_text().split())


@pytest.mark.parametrize(("paper", "width_pt"), [("a4", 595.3), ("us-letter", 612.0)])
def test_the_page_size_reaches_the_pdf(tmp_path: Path, paper: str, width_pt: float) -> None:
    from evalkit.report._typst_pdf import notebook_to_typst

    source = notebook_to_typst(_document('#ek-paragraph(body: "x")\n'), title="T", description="", keywords=[],
                               running="", paper=paper)
    path = tmp_path / "p.pdf"
    path.write_bytes(compile_pdf(source, tmp_path))
    import pypdf

    assert float(pypdf.PdfReader(path).pages[0].mediabox.width) == pytest.approx(width_pt, abs=0.5)


def test_a_compile_that_runs_too_long_is_a_report_error(tmp_path: Path, monkeypatch) -> None:
    """The child is stopped at the timeout and the render fails with a reason, not a bare traceback."""
    from evalkit.errors import ReportError, ReportReason
    from evalkit.report import _typst_pdf

    def slow(cmd, **kwargs):
        raise subprocess.TimeoutExpired(cmd, kwargs["timeout"])

    monkeypatch.setattr(_typst_pdf.subprocess, "run", slow)
    with pytest.raises(ReportError, match="not compiled within 1 s") as info:
        compile_pdf("", tmp_path, timeout=1)
    assert info.value.reason is ReportReason.pdf_failed and "--no-pdf" in str(info.value)


def _structure(reader):
    """The structure tree as (type, attributes, element) triples per table, read with pypdf (not pikepdf,
    which wrote the row headers)."""
    def kids(element):
        k = element.get("/K")
        if k is None:
            return []
        k = k.get_object() if hasattr(k, "get_object") else k
        items = list(k) if isinstance(k, list) else [k]
        return [i.get_object() for i in items if isinstance(i.get_object(), dict)]

    def find(element, kind):
        for kid in kids(element):
            if kid.get("/S") == kind:
                yield kid
            else:
                yield from find(kid, kind)

    def table_attrs(cell):
        a = cell.get("/A")
        a = a.get_object() if a is not None else []
        for d in (a if isinstance(a, list) else [a]):
            d = d.get_object()
            if d.get("/O") == "/Table":
                return d
        return {}

    root = reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    ids = set()
    names = root["/IDTree"].get_object()

    def collect(node):
        node = node.get_object()
        arr = node.get("/Names") or []
        ids.update(str(arr[i]) for i in range(0, len(arr), 2))
        for kid in node.get("/Kids") or []:
            collect(kid)

    collect(names)
    tables = []
    for table in find(root, "/Table"):
        rows = [[(str(c["/S"]), table_attrs(c), c) for c in kids(tr) if c.get("/S") in ("/TD", "/TH")]
                for body in find(table, "/TBody") for tr in find(body, "/TR")]
        heads = [[(str(c["/S"]), table_attrs(c), c) for c in kids(tr)]
                 for head in find(table, "/THead") for tr in find(head, "/TR")]
        tables.append((heads, rows))
    return tables, ids


def test_tables_mark_row_headers_as_th_with_row_scope(rendered) -> None:
    """Each table's first column is a row header (TH, Scope Row, an ID in the IDTree), every other cell of
    its row names it in /Headers beside its column header, and the header row stays TH, Scope Column."""
    tables, ids = _structure(rendered["reader"])
    assert tables
    facts = rendered["facts"]
    body_rows = sum(len(read_table(rendered["art"], t)[1]) for s in facts.sections for t in s.tables)
    assert sum(len(rows) for _, rows in tables) >= body_rows > 0
    for heads, rows in tables:
        assert heads and all(kind == "/TH" and a.get("/Scope") == "/Column" for kind, a, _ in heads[0])
        for row in rows:
            (kind, attrs, cell), others = row[0], row[1:]
            assert kind == "/TH" and attrs.get("/Scope") == "/Row"
            ident = str(cell["/ID"])
            assert ident in ids
            for other_kind, other, _ in others:
                assert other_kind == "/TD"
                headers = [str(h) for h in other.get("/Headers", [])]
                assert ident in headers and len(headers) == 2, headers


def test_row_headers_on_a_small_table_and_nothing_without_tables(tmp_path: Path) -> None:
    from evalkit.report._pdf_tags import mark_row_headers
    import io
    import pypdf

    preamble = ('#import "evalkit.typ": *\n#show: ek-document.with(title: "T", description: "d", keywords: (), '
                'running: "r")\n')
    pdf = compile_pdf(preamble + table_typst(["Group", "n", "Mean"], [["A", "12", "3.1"], ["B", "14", "2.9"],
                                                                       ["C", "11", "3.4"]], caption="Three", note=None),
                      tmp_path)
    tables, ids = _structure(pypdf.PdfReader(io.BytesIO(pdf)))
    assert len(tables) == 1 and [r[0][0] for r in tables[0][1]] == ["/TH"] * 3
    assert "/Row" not in str([a for _, a, _ in tables[0][0][0]])
    again, marked = mark_row_headers(pdf)                 # already marked: nothing left to do
    assert marked == 0 and again == pdf
    plain = compile_pdf(preamble + "Just a paragraph.", tmp_path)
    assert mark_row_headers(plain) == (plain, 0)
