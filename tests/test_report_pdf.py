"""The printed report, read back as a reader (and a screen reader) would get it.

Fast tests cover the table of contents builder and the
promise that no code path downloads a browser or uses LaTeX. The slow tests render one demo
report (cadre C1: ingest, clean, protect, one notebook run, audit; about 25 s) in a
module-scoped fixture and read ``report.pdf`` back with pypdf: pages, contents and page numbers,
bookmarks, fonts, tags, metadata, and what must never be printed.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from evalkit.report._toc import TOC_TITLE, add_toc

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data_raw" / "demo"


# ---------------------------------------------------------------------------------------------
# add_toc
# ---------------------------------------------------------------------------------------------

_DOC = (
    '<html><body><main class="ek-report">'
    '<div><header class="ek-cover"><h1 class="ek-title">Report</h1><h2>Not a section</h2></header></div>'
    '<section class="ek-section" id="section-summary"><h2>Summary &amp; findings</h2><h3>Aside</h3></section>'
    '<section class="ek-section"><h2 id="own">Level 1: reactions</h2></section>'
    '<section class="ek-section"><h2>Appendix: data quality</h2><h3>Exclusions</h3></section>'
    '<section class="ek-section ek-appendix" id="methods"><h2>Methods</h2><h3>Privacy</h3>'
    '<h3>Summary &amp; findings</h3></section>'
    "</main></body></html>"
)


def _nav(html: str) -> str:
    return html[html.index("<nav"):html.index("</nav>") + 6]


def test_toc_lists_sections_after_the_cover_with_links_to_new_ids():
    out = add_toc(_DOC)
    nav = _nav(out)
    assert out.index("</header>") < out.index("<nav") < out.index('id="section-summary"')
    assert f'<h2 class="ek-toc-title" id="ek-toc-title">{TOC_TITLE}</h2>' in nav
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', nav)
    assert links == [
        ("sec-summary-findings", "Summary &amp; findings"),
        ("own", "Level 1: reactions"),  # an id the heading already had is kept
        ("sec-appendix-data-quality", "Appendix: data quality"),
        ("sec-exclusions", "Exclusions"),
        ("sec-methods", "Methods"),
        ("sec-privacy", "Privacy"),
        ("sec-summary-findings-2", "Summary &amp; findings"),  # slugs are unique
    ]
    for anchor, _ in links:
        assert out.count(f'id="{anchor}"') == 1, anchor
    # the cover's headings and non-appendix h3 parts stay out of the contents
    assert "Not a section" not in nav and "Aside" not in nav
    assert '<h3 id="sec-aside">Aside</h3>' not in out and "<h3>Aside</h3>" in out
    # appendix parts are nested under their section
    assert re.search(r"Methods</a><ol><li[^>]*><a [^>]*>Privacy</a></li>", nav)


def test_toc_is_idempotent_and_leaves_documents_without_sections_alone():
    once = add_toc(_DOC)
    assert add_toc(once) == once
    bare = '<html><body><main><header class="ek-cover"><h1>T</h1></header><p>text</p></main></body></html>'
    assert add_toc(bare) == bare
    assert add_toc("<p>no main, no cover</p><h2>x</h2>") == "<p>no main, no cover</p><h2>x</h2>"


def test_toc_without_a_cover_goes_first_in_main():
    out = add_toc('<body><main class="ek-report"><section><h2>Only</h2></section></main></body>')
    assert out.startswith('<body><main class="ek-report"><nav class="ek-toc"')


def test_no_code_path_downloads_a_browser_or_uses_latex():
    banned = re.compile(r"playwright|pyppeteer|selenium|webpdf|allow-chromium-download|latex|PDFExporter",
                        re.I)
    templates = ROOT / "evalkit" / "report" / "templates"
    files = [*sorted((ROOT / "evalkit").rglob("*.py")), *sorted(templates.rglob("*")),
             ROOT / "pyproject.toml"]
    hits = [f"{p.relative_to(ROOT)}: {m.group(0)}" for p in files if p.is_file()
            for m in banned.finditer(p.read_text(encoding="utf-8", errors="replace"))]
    assert hits == []


# ---------------------------------------------------------------------------------------------
# One demo report, read back
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(demo_run) -> SimpleNamespace:
    import pypdf

    out = demo_run["reports"] / "C1"
    reader = pypdf.PdfReader(out / "report.pdf")
    return SimpleNamespace(
        reader=reader, html=(out / "report.html").read_text(encoding="utf-8"),
        texts=[page.extract_text() or "" for page in reader.pages],
        page_of={page.indirect_reference.idnum: i + 1 for i, page in enumerate(reader.pages)},
        key=demo_run["key"],
        provenance=json.loads((demo_run["processed"] / "provenance.json").read_text()),
    )


def _headings(html: str) -> list[tuple[int, str]]:
    """(level, text) of the headings the contents should list, in order, from the HTML's own nav."""
    nav = _nav(html)
    found = re.findall(r'<li class="ek-toc-l(\d)"><a href="#[^"]+">([^<]+)</a>', nav)
    import html as _h

    return [(int(level), _h.unescape(text)) for level, text in found]


def _toc(text: str) -> list[tuple[str, int]]:
    """(title, page) pairs printed under "Contents" on page 1: "Title ....... 7"."""
    body = " ".join(text[text.index(TOC_TITLE) + len(TOC_TITLE):].split())
    # dot leaders: "....." (WeasyPrint) or ". . . ." (Typst)
    return [(t.strip(), int(p)) for t, p in re.findall(r"(.+?)\s*(?:\.\s*){4,}(\d+)", body)]


def _outline(demo, items=None, depth=0) -> list[tuple[int, str, int]]:
    out = []
    for item in demo.reader.outline if items is None else items:
        if isinstance(item, list):
            out += _outline(demo, item, depth + 1)
        else:
            out.append((depth, item.title, demo.reader.get_destination_page_number(item) + 1))
    return out


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _struct(demo):
    """Every structure element of the tag tree, with the set of pages its content is on."""
    import pypdf.generic as g

    root = demo.reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    found = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, g.ArrayObject):
            pages = set()
            for child in node:
                pages |= walk(child)
            return pages
        if not isinstance(node, g.DictionaryObject):
            return set()
        pages = {demo.page_of[node.raw_get("/Pg").idnum]} if "/Pg" in node else set()
        if "/K" in node:
            pages |= walk(node["/K"])
        if "/S" in node:
            found.append((str(node["/S"]), node, pages))
        return pages

    walk(root["/K"])
    return found


@pytest.mark.slow
def test_page_count_matches_every_footer(demo):
    n = len(demo.reader.pages)
    assert 6 <= n <= 80
    for i, text in enumerate(demo.texts, 1):
        assert f"Page {i} of {n}" in text, i


@pytest.mark.slow
def test_contents_page_numbers_are_where_sections_start(demo):
    listed = _headings(demo.html)
    assert [t for _, t in listed][:2] == ["Key figures", "Executive summary"]
    assert any(level == 3 for level, _ in listed)  # the methods appendix's parts
    toc = _toc(demo.texts[0])
    assert [t for t, _ in toc] == [t for _, t in listed]
    n = len(demo.texts)
    for title, page in toc:
        assert 2 <= page <= n, title
        assert title in _lines(demo.texts[page - 1]), f"{title!r} is not on page {page}"
        earlier = [i + 1 for i in range(1, page - 1) if title in _lines(demo.texts[i])]
        assert earlier == [], f"{title!r} listed on page {page} but printed on page {earlier}"
    assert [p for _, p in toc] == sorted(p for _, p in toc)


@pytest.mark.slow
def test_bookmarks_are_sections_and_their_parts(demo):
    outline = _outline(demo)
    levels = dict((t, level) for level, t in _headings(demo.html))
    toc = _toc(demo.texts[0])
    # Sections are the top level, in the order and on the pages the printed contents give.
    assert [(t, p) for d, t, p in outline if d == 0] == [(t, p) for t, p in toc if levels[t] == 2]
    # Every listed appendix part is a second-level bookmark on its page; nothing is deeper.
    assert {(t, p) for t, p in toc if levels[t] == 3} <= {(t, p) for d, t, p in outline if d == 1}
    assert {d for d, _, _ in outline} == {0, 1}
    titles = {t for _, t, _ in outline}
    assert TOC_TITLE not in titles
    assert not any(t.startswith("Table ") for t in titles)
    title = re.search(r'<h1 class="ek-title">([^<]+)</h1>', demo.html).group(1)
    assert title not in titles  # the cover title is the document title, not a section


@pytest.mark.slow
def test_fonts_are_embedded_subsets_of_the_bundled_lato(demo):
    fonts = {}
    for page in demo.reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descendant = descendant.get_object()
                fonts[str(descendant["/BaseFont"])] = descendant["/FontDescriptor"].get_object()
    assert fonts
    for name, descriptor in fonts.items():
        assert re.fullmatch(r"/[A-Z]{6}\+Lato(-Regular|-Bold|-Italic)?", name), name
        assert "/FontFile2" in descriptor, name
    assert any("Bold" in n for n in fonts) and any(n.endswith(("+Lato", "+Lato-Regular")) for n in fonts)


@pytest.mark.slow
def test_pdf_is_tagged_with_language_title_and_alt_text(demo):
    root = demo.reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"].value is True
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    title = re.search(r"<title>([^<]+)</title>", demo.html).group(1)
    assert demo.reader.metadata.title == title
    elements = _struct(demo)
    kinds = [s for s, _, _ in elements]
    n_sections = sum(1 for level, _ in _headings(demo.html) if level == 2)
    assert kinds.count("/H1") == 1 and kinds.count("/H2") == n_sections + 1  # + "Contents"
    assert kinds.count("/Table") >= 5 and "/TH" in kinds and "/Caption" in kinds
    figures = [node for s, node, _ in elements if s == "/Figure"]
    assert len(figures) == demo.html.count("<img ")
    assert all(len(str(f.get("/Alt", "")).strip()) > 20 for f in figures)


def _kids(node) -> list:
    import pypdf.generic as g

    k = node.get("/K")
    if k is None:
        return []
    k = k.get_object()
    items = k if isinstance(k, g.ArrayObject) else [k]
    return [x.get_object() for x in items
            if isinstance(x.get_object(), g.DictionaryObject) and "/S" in x.get_object()]


#: Tables with at least this many body rows may break between rows (see the stylesheet).
_LONG_TABLE = 16


@pytest.mark.slow
def test_figures_and_short_tables_are_never_split(demo):
    elements = _struct(demo)
    for kind, _, pages in elements:
        if kind == "/Figure":
            assert len(pages) == 1, f"a figure spans pages {sorted(pages)}"
    # Captioned tables of the HTML, in order, with their body row counts.
    html_rows = [body.count("<tr") for body in
                 re.findall(r"<table><caption>.*?</caption>.*?<tbody>(.*?)</tbody>", demo.html, re.S)]
    assert len(html_rows) >= 10
    # Typst tags each table as one /Table, whatever pages it spans; its body rows are its /TBody's /TR.
    tables = []
    for kind, node, pages in elements:
        if kind != "/Table":
            continue
        parts = {str(k["/S"]): k for k in _kids(node)}
        rows = sum(1 for k in _kids(parts["/TBody"]) if k["/S"] == "/TR") if "/TBody" in parts else 0
        tables.append((rows, "/THead" in parts, pages))
    all_html_rows = [body.count("<tr") for body in re.findall(r"<tbody>(.*?)</tbody>", demo.html, re.S)]
    assert [rows for rows, _, _ in tables] == all_html_rows
    assert all(head for _, head, _ in tables), "every table has a header row (repeated on each page)"
    for rows, _, pages in tables:
        if rows < _LONG_TABLE:
            assert len(pages) == 1, f"a table of {rows} rows is split over pages {sorted(pages)}"
        else:
            assert sorted(pages) == list(range(min(pages), max(pages) + 1)), pages


@pytest.mark.slow
def test_no_heading_ends_a_page(demo):
    headings = {t for _, t in _headings(demo.html)}
    running = re.compile(r"^Page \d+ of \d+$")
    for i, text in enumerate(demo.texts[1:], 2):
        body = [ln for ln in _lines(text) if not running.match(ln) and " \u2014 " not in ln]
        # a heading with at most one line under it must not end a page (its content went on)
        orphaned = [ln for ln in body[-2:] if ln in headings]
        assert body and not orphaned, f"page {i} ends with the heading {orphaned}"


@pytest.mark.slow
def test_metadata_records_version_inputs_and_parameters(demo):
    import evalkit

    meta = demo.reader.metadata
    keywords = [k.strip() for k in meta["/Keywords"].split(",")]
    assert f"evalkit {evalkit.__version__}" in keywords and meta["/Author"] == "evalkit"
    assert any(k.startswith("release demo-") for k in keywords)
    assert any(re.fullmatch(r"notebook sha256 [0-9a-f]{64}", k) for k in keywords)
    hashes = {k.split()[-1] for k in keywords if k.startswith("input sha256 ")}
    assert hashes == {i["sha256"] for i in demo.provenance["inputs"]}
    # input files appear by hash only: a file's name may hold a school's or a person's name
    assert not any(i["file"] in meta["/Keywords"] for i in demo.provenance["inputs"])


@pytest.mark.slow
def test_metadata_records_the_key_fingerprint(demo):
    fingerprint = demo.provenance["key_fingerprint"]
    assert re.fullmatch(r"[0-9a-f]{8}", fingerprint)
    assert any(fingerprint in str(v) for v in demo.reader.metadata.values())


def _roster_needles() -> dict[str, str]:
    from evalkit.ingest import read_export

    reg = read_export(DEMO / "registration.xlsx").data
    needles = {}
    for first, last in zip(reg["first_name"], reg["last_name"]):
        needles[f"{first} {last}".casefold()] = "name"
        needles[f"{last}, {first}".casefold()] = "name"
    for email in reg["email"].dropna():
        needles[str(email).strip().casefold()] = "e-mail"
    return needles


@pytest.mark.slow
def test_pdf_holds_no_code_no_traceback_no_roster_value_and_no_key(demo):
    meta = " ".join(f"{k} {v}" for k, v in demo.reader.metadata.items())
    outline = " ".join(t for _, t, _ in _outline(demo))
    everything = "\n".join([*demo.texts, meta, outline])
    for needle in ("import ", "er.show_", "report.show", "Traceback", "In [", "Out["):
        assert needle not in everything, needle
    low = everything.casefold()
    needles = _roster_needles()
    assert len(needles) > 100
    hits = [kind for needle, kind in needles.items() if needle in low]
    assert hits == [], f"the PDF holds {len(hits)} roster value(s) ({sorted(set(hits))})"
    key_hex = demo.key.hex()
    assert not any(key_hex[i:i + 8] in low for i in range(len(key_hex) - 7))


@pytest.mark.slow
@pytest.mark.parametrize("cadre", ["C1", "C2", "C3", "program-cadre-2025"])
@pytest.mark.parametrize("doc", ["report", "supplement"])
def test_html_and_pdf_carry_the_same_content(demo_run, cadre, doc):
    """Every heading, table cell and figure caption of each bundle's HTML report and technical supplement is in
    its PDF (the program summary's too)."""
    from conftest import assert_html_and_pdf_agree

    out = demo_run["reports"] / cadre
    assert_html_and_pdf_agree(out / f"{doc}.html", out / f"{doc}.pdf")


@pytest.mark.slow
def test_the_supplement_is_tagged_and_says_what_it_is(demo_run):
    """The technical supplement is a PDF/UA-1 document of its own: identifier, title, language, tags, outline."""
    import pypdf

    reader = pypdf.PdfReader(demo_run["reports"] / "C1" / "supplement.pdf")
    assert b"pdfuaid:part" in reader.trailer["/Root"]["/Metadata"].get_object().get_data()   # PDF/UA-1
    assert reader.metadata.title.startswith("Technical supplement: ")
    assert reader.trailer["/Root"]["/Lang"] == "en" and "/StructTreeRoot" in reader.trailer["/Root"]
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[:4] == ["Instruments", "Statistics and software", "Disclosure log", "Data quality"]
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Technical supplement" in text and "Input file 1" in text
    html = (demo_run["reports"] / "C1" / "report.html").read_text(encoding="utf-8")
    assert "Disclosure log: hidden and coded figures" not in html and "Input file 1" not in html   # not for funders
