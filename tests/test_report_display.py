"""Display helpers: escaped, journal-style HTML, pending boxes, and a cheap import."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from evalkit.errors import ReportError
from evalkit.report import display
from evalkit.report.artifacts import load_facts
from evalkit.report.examples import write_example_artifacts


@pytest.fixture
def facts(tmp_path):
    return load_facts(write_example_artifacts(tmp_path))


def test_table_html_snapshot():
    df = pd.DataFrame({"Group": ["A & B", "<C>"], "n": ["12", "fewer than 10"]}, index=[7, 8])
    html = display.table_html(df, caption="Counts", note='Rounded; "n" is respondents.')
    assert html == (
        '<div class="ek-table"><table><caption>Counts</caption>'
        '<colgroup><col style="width:31.8%"><col style="width:68.2%"></colgroup><thead><tr>'
        '<th scope="col" style="text-align:left">Group</th><th scope="col" class="ek-num" style="text-align:right">n'
        '</th></tr></thead><tbody>'
        '<tr class="ek-keep"><th scope="row" style="text-align:left">A &amp; B</th>'
        '<td class="ek-num" style="text-align:right">12</td></tr>'
        '<tr class="ek-keep"><th scope="row" style="text-align:left">&lt;C&gt;</th>'
        '<td class="ek-num" style="text-align:right">fewer than 10</td></tr>'
        "</tbody></table>"
        '<p class="ek-table-note"><em>Note.</em> Rounded; &quot;n&quot; is respondents.</p></div>'
    )
    assert "7" not in html  # the index is never shown


def test_column_widths_follow_the_text_and_never_starve_a_column():
    # fits the line: each column its longest line (+2 padding), scaled to 100 %
    assert display._column_widths(["Item", "n"], [["abcdefgh", "12"]]) == pytest.approx([100 * 10 / 14, 100 * 4 / 14])
    # too wide for the line: every column keeps at least its longest word, long text gets the rest
    header = ["Item", "Wording", "Pre %", "Post %", "n"]
    rows = [["Q1_1", "I can help teachers plan lessons where students explain phenomena " * 2, "45%", "61%", "29"],
            ["Q1_2", "Short", "fewer than 10", "50%", "12"]]
    widths = display._column_widths(header, rows)
    assert sum(widths) == pytest.approx(100)
    chars = [w / 100 * display._LINE_CHARS for w in widths]
    longest_word = [max(len(w) for t in [h, *(r[j] for r in rows)] for w in t.split()) for j, h in enumerate(header)]
    assert all(c >= lw for c, lw in zip(chars, longest_word))
    assert widths[1] == max(widths)  # the wording column takes the room
    # a 64-character hash wants no more than a wrapped cell (it may break: see the hashes table style)
    hashes = display._column_widths(["File", "SHA-256"], [["a.csv", "f" * 64]])
    assert hashes == pytest.approx([100 * 7 / 43, 100 * 36 / 43])


def test_long_tables_may_break_and_keep_their_first_and_last_rows():
    short = display._rows_html(["Item", "n"], [[f"Q{i}", "12"] for i in range(15)], caption=None, note=None)
    long = display._rows_html(["Item", "n"], [[f"Q{i}", "12"] for i in range(16)], caption=None, note=None)
    assert short.startswith('<div class="ek-table">') and long.startswith('<div class="ek-table ek-long">')
    rows = long.split("<tr")[2:]  # after the header row
    assert [r.startswith(' class="ek-keep"') for r in rows] == [True, True] + [False] * 12 + [True, True]


def test_tables_have_fixed_layout_in_the_report_style():
    from evalkit.report.render import TEMPLATE_DIR

    css = next(TEMPLATE_DIR.rglob("evalkit_report.css")).read_text(encoding="utf-8")
    assert "table-layout: fixed" in css  # the colgroup widths only matter with a fixed layout


def test_numeric_columns_align_right_text_columns_left():
    df = pd.DataFrame({"Item": ["a", "b"], "Wording": ["Time well spent", "Relevant"],
                       "%": [">95%", "<5%"], "p": ["<0.001", "0.042"], "n": ["12", "not shown"]})
    html = display.table_html(df, caption=None, note=None)
    # by class for the report's style sheet, and inline for JupyterLab, whose own style right-aligns every cell
    right, left = ' class="ek-num" style="text-align:right"', ' style="text-align:left"'
    assert f'<th scope="col"{left}>Wording</th>' in html and f"<td{left}>Time well spent</td>" in html
    for col in ("%", "p", "n"):
        assert f'<th scope="col"{right}>{col}</th>' in html
    assert f"<td{right}>&gt;95%</td>" in html and f"<td{right}>&lt;0.001</td>" in html


def test_table_html_escapes_captions_and_headers():
    df = pd.DataFrame({"<script>": ["x"]})
    html = display.table_html(df, caption="<b>t</b>", note=None)
    assert "<script>" not in html and "<b>" not in html
    assert "ek-table-note" not in html


def test_ready_section_shows_text_and_tables(facts):
    html = display.section_html(facts, "reactions")
    assert '<section class="ek-section" id="section-reactions">' in html
    assert "<h2>How fellows rated the program</h2>" in html
    assert "Guskey level 1: Participants&#x27; reactions" in html
    assert html.count("<p>") == 2  # two paragraphs of text
    assert html.count("<table>") == 2
    assert "Orientation &lt;retreat&gt;" in html and "Coaching &amp; feedback" in html
    assert "<caption>Session ratings</caption>" in html


def test_pending_section_shows_to_be_added_box(facts):
    html = display.section_html(facts, "students")
    assert ('<div class="ek-pending"><em>To be added: state assessment results are released in '
            "October 2026</em></div>") in html
    assert "<table>" not in html


def test_unknown_section_is_an_error(facts):
    with pytest.raises(ReportError, match="no section with id 'nope'"):
        display.section_html(facts, "nope")


def test_cover_headline_and_appendix(facts):
    cover = display.cover_html(facts)
    assert 'class="ek-title">Leading Learning Fellows</h1>' in cover
    assert "Cadre A, cohort 2025" in cover and "2026-06-30" in cover
    head = display.headline_html(facts)
    assert head.count('class="ek-figure"') == 2 and "88%" in head
    appendix = display.methods_appendix_html(facts)
    assert "fewer than 10 respondents are not shown" in appendix
    assert "Student outcomes" in appendix  # listed under "Not yet reported"
    assert "technical supplement" in appendix and "0" * 63 + "1" not in appendix  # hashes are not for funders
    supplement = display.supplement_html(facts)
    assert 'class="ek-kicker">Technical supplement</p>' in supplement
    assert "0" * 63 + "1" in supplement  # input hash
    assert '<td style="text-align:left">useful, relevant</td>' in supplement and "&quot;" not in supplement


def test_show_helpers_publish_html_typst_and_plain_text(facts, monkeypatch):
    """One object, two forms (HTML for JupyterLab and the HTML report, Typst for the PDF) and a fallback."""
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj, raw=False: shown.append((obj, raw)))
    display.show_cover(facts)
    display.show_headline(facts)
    display.show_section(facts, "students")
    display.show_methods_appendix(facts)
    assert len(shown) == 4 and all(raw for _, raw in shown)
    assert all(set(obj) == {"text/html", "text/x-typst", "text/plain"} for obj, _ in shown)
    assert [obj["text/x-typst"].split("(")[0] for obj, _ in shown] == ["#ek-cover", "#ek-headline", "#ek-section",
                                                                       "#ek-section"]
    assert shown[2][0]["text/plain"].startswith("Student outcomes (to be added")


def _heavy_modules_after(code: str, heavy: set[str]) -> list[str]:
    """Run ``code`` in a fresh interpreter; which of ``heavy`` did it import?"""
    probe = code + f"\nimport sys\nprint(sorted(set({sorted(heavy)!r}) & set(sys.modules)))\n"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return eval(out.stdout.strip())  # a list literal printed by the probe


def test_import_is_cheap():
    code = "import evalkit.report as er\ner.load_facts, er.load_table, er.show_cover, er.show_section, er.table_html"
    heavy = {"pandas", "matplotlib", "numpy", "papermill", "nbconvert", "weasyprint", "IPython", "typst"}
    assert _heavy_modules_after(code, heavy) == []


def test_the_whole_report_displays_without_pandas(tmp_path):
    # The report kernel shows every section; pandas (about 80 MB per kernel) must stay out of it.
    folder = write_example_artifacts(tmp_path)
    code = (
        "from evalkit.report import display, load_facts\n"
        f"facts = load_facts({str(folder)!r})\n"
        "html = display.cover_html(facts) + display.headline_html(facts)\n"
        "html += ''.join(display.section_html(facts, s.id) for s in facts.sections)\n"
        "html += display.methods_appendix_html(facts)\n"
        "assert html.count('<table') >= 2, html[:200]"
    )
    assert _heavy_modules_after(code, {"pandas", "numpy", "matplotlib"}) == []
