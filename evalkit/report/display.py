"""Display helpers a report notebook calls: each shows one block of the report as HTML.

Every ``show_*`` function has an ``*_html`` twin that returns the markup as a string, so the
markup can be tested (and snapshot-tested) without a kernel. All text from the artifacts is
escaped with :func:`html.escape`; the only markup in the output is written here.

Styling lives in the report template (``templates/evalkit_html/evalkit_report.css``), keyed on
the ``ek-`` classes used below, so the same output looks right in the HTML and the PDF.
Only the standard library is imported at module level (IPython is imported when displaying),
which keeps ``import evalkit.report`` cheap.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from evalkit.report.artifacts import GUSKEY_LEVELS, list_items, provenance_tables, read_table

if TYPE_CHECKING:  # pragma: no cover - typing only
    import pandas as pd

    from evalkit.report.artifacts import Facts, Section

#: The technical supplement's cover kicker, its opening words, the report's pointer to it, and the
#: heading of its provenance tables (one wording for the HTML and the PDF).
SUPPLEMENT_KICKER = "Technical supplement"
#: What each supplement section holds, in the words the supplement's opening and the report's pointer use.
_SUPPLEMENT_HOLDS = {
    "appendix_instruments": "the instruments as respondents saw them",
    "appendix_methods": "the statistics behind every figure with their formulas and sources, and the software",
    "appendix_disclosure": "every figure the privacy rule hid or coded, and why",
    "data_quality": "the data-quality checks",
}
_PROVENANCE_HOLDS = "the analysis parameters and the input files (by fingerprint only)"


def _supplement_holds(facts: Facts) -> str:
    """What this report's supplement holds, from its own sections: "a; b; and c" (the parts hold commas)."""
    parts = [_SUPPLEMENT_HOLDS.get(s.id, s.title.lower()) for s in facts.supplement_sections] + [_PROVENANCE_HOLDS]
    return "; ".join(parts[:-1]) + "; and " + parts[-1] if len(parts) > 1 else parts[0]


def supplement_intro(facts: Facts) -> str:
    """The supplement's opening words."""
    return ("This supplement accompanies the evaluation report of the same title. It holds what a methods reviewer "
            f"checks and a reader of the report does not need: {_supplement_holds(facts)}. It follows the same "
            "privacy rule as the report.")


def supplement_pointer(facts: Facts) -> str:
    """The report's pointer to its supplement."""
    return f"The technical supplement that accompanies this report holds {_supplement_holds(facts)}."


PROVENANCE_TITLE = "Data and provenance"

__all__ = [
    "SUPPLEMENT_KICKER",
    "supplement_html",
    "show_supplement",
    "show_other_sections",
    "table_html",
    "cover_html",
    "headline_html",
    "section_html",
    "methods_appendix_html",
    "show_cover",
    "show_headline",
    "show_section",
    "show_methods_appendix",
]

# A cell that reads as a number (or a suppressed count) is right-aligned, as journals set them.
_NUMERIC_RE = re.compile(
    r"^\s*(?:[<>]?[-+\u2212]?[\d.,]+\s*%?"  # 12, 4.6, -0.3, 89%, >95%, <5%, <0.001
    r"|[-+\u2212]?[\d.,]+\s*\([^)]*\)"  # 24 (89%), 0.41 (0.12)
    r"|fewer than \d+|not shown|\u2014|-)\s*$"  # a hidden cell or an em dash
)


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _paragraphs(text: str | None) -> str:
    """Plain text → ``<p>`` elements: a blank line starts a paragraph, a single newline is a break, and a
    paragraph whose every line starts with "- " is a bulleted list (``<ul>``)."""
    if not text:
        return ""
    paras = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    out = []
    for p in paras:
        items = list_items(p)
        out.append("<ul>" + "".join(f"<li>{_e(i)}</li>" for i in items) + "</ul>" if items is not None else
                   f"<p>{'<br>'.join(_e(line) for line in p.splitlines())}</p>")
    return "".join(out)


#: Rows from which a table may break across pages (shorter ones are kept whole).
_LONG_TABLE = 16
#: Characters of table text (0.92em Lato) across the printed text width (A4/Letter less margins).
_LINE_CHARS = 95
#: A cell longer than this wraps in the table (characters); the row label may take twice as much.
_WRAP_AT = 34
#: Words longer than this are allowed to break (hashes, file paths), so they do not set a minimum.
_LONG_WORD = 24


def _column_widths(header: Sequence[Any], rows: Sequence[Sequence[Any]]) -> list[float]:
    """Each column's share of the table width (percent), estimated from its text.

    The HTML table is set with ``table-layout: fixed`` and these widths, and the Typst table gets the
    same fractions, so both formats break lines alike and neither measures every cell's content width
    (CSS's automatic table layout was a third of the old HTML-to-PDF engine's time). The estimate follows that automatic
    algorithm (CSS 2.1 section 17.5.2.2) in characters: a column's minimum is its longest word,
    its maximum its longest line (cells wrap after ``_WRAP_AT`` characters); if every maximum fits
    the line, columns get their maximum and share the rest in proportion; otherwise each gets its
    minimum plus a share of the room left, in proportion to what it lacks of its maximum.
    """
    mins, maxs = [], []
    for j, head in enumerate(header):
        texts = [str(head)] + [str(r[j]) for r in rows if j < len(r)]
        words = [len(w) for t in texts for w in t.split()] or [1]
        # the row labels, and a column of long text (a paragraph per cell), may wrap at twice the usual width
        cap = _WRAP_AT * (2 if j == 0 or max(len(t) for t in texts) > 3 * _WRAP_AT else 1)
        lo = min(max(words), _LONG_WORD) + 2  # + padding
        hi = max(lo, max(min(len(t), cap) for t in texts) + 2)
        mins.append(lo)
        maxs.append(hi)
    lo_sum, hi_sum = sum(mins), sum(maxs)
    if hi_sum <= _LINE_CHARS or hi_sum == lo_sum:
        widths = maxs
    elif lo_sum >= _LINE_CHARS:
        widths = mins
    else:
        room = (_LINE_CHARS - lo_sum) / (hi_sum - lo_sum)
        widths = [lo + (hi - lo) * room for lo, hi in zip(mins, maxs)]
    total = sum(widths)
    return [100 * w / total for w in widths]


def _rows_html(header: Sequence[Any], rows: Iterable[Sequence[Any]], *, caption: str | None,
               note: str | None, css_class: str = "ek-table", align_numbers: bool = True) -> str:
    rows = [list(r) for r in rows]
    # a column is numeric (header set right, like its figures) when its non-empty cells all read as numbers
    numeric = [j > 0 and align_numbers and any(str(r[j]).strip() for r in rows)
               and all(_NUMERIC_RE.match(str(r[j])) or not str(r[j]).strip() for r in rows)
               for j in range(len(header))]
    # alignment inline as well as by class: JupyterLab's own table style right-aligns every cell, which sets
    # text (an evaluation question, an item's wording) against the right edge in the notebook
    num, text = ' class="ek-num" style="text-align:right"', ' style="text-align:left"'
    head = "".join(f'<th scope="col"{num if numeric[j] else text}>{_e(h)}</th>' for j, h in enumerate(header))
    body = []
    for i, row in enumerate(rows):
        cells = []
        for j, value in enumerate(row):
            if j == 0:  # the first column is the row label
                cells.append(f'<th scope="row"{text}>{_e(value)}</th>')
            else:
                align = num if align_numbers and _NUMERIC_RE.match(str(value)) else text
                cells.append(f"<td{align}>{_e(value)}</td>")
        # The first and last two rows stay with their neighbours across a page break. Marked here rather
        # than with :nth-child/:nth-last-child selectors, which cost the PDF engine a sibling count per row.
        keep = ' class="ek-keep"' if i < 2 or i >= len(rows) - 2 else ""
        body.append(f"<tr{keep}>{''.join(cells)}</tr>")
    cap = f"<caption>{_e(caption)}</caption>" if caption else ""
    cols = "".join(f'<col style="width:{w:.1f}%">' for w in _column_widths(header, rows))
    note_html = f'<p class="ek-table-note"><em>Note.</em> {_e(note)}</p>' if note else ""
    if len(rows) >= _LONG_TABLE:  # may break between rows (see the report style)
        css_class += " ek-long"
    return (f'<div class="{css_class}"><table>{cap}<colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>{note_html}</div>")


def table_html(df: pd.DataFrame, *, caption: str | None, note: str | None) -> str:
    """Render a display-ready table as a journal-style HTML table.

    Parameters
    ----------
    df : pandas.DataFrame
        Every cell already display-ready text (see :func:`~evalkit.report.artifacts.load_table`).
        The first column is the row label; the index is ignored.
    caption : str or None
        The table title, set above the table (the template numbers tables "Table 1.", ...).
    note : str or None
        A note set below the table, after an italic "Note.".

    Returns
    -------
    str
        A ``<div class="ek-table">`` holding ``<table>`` (caption, column widths as a ``colgroup``,
        ``thead``, ``tbody``; row labels as ``<th scope="row">``) and the note. Every value is
        HTML-escaped.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"Item": ["<b>Q1</b>"], "Mean": ["3.4"]})
    >>> print(table_html(df, caption="Ratings", note=None))  # doctest: +NORMALIZE_WHITESPACE
    <div class="ek-table"><table><caption>Ratings</caption><colgroup><col style="width:64.7%"><col
    style="width:35.3%"></colgroup><thead><tr><th scope="col" style="text-align:left">Item</th><th scope="col"
    class="ek-num" style="text-align:right">Mean</th></tr></thead><tbody><tr class="ek-keep"><th scope="row"
    style="text-align:left">&lt;b&gt;Q1&lt;/b&gt;</th><td class="ek-num" style="text-align:right">3.4</td></tr></tbody></table></div>
    """
    rows = df.itertuples(index=False, name=None)
    return _rows_html([str(c) for c in df.columns], rows, caption=caption, note=note)


def _level_html(level: int | None) -> str:
    if level is None:
        return ""
    return f'<p class="ek-level">Guskey level {level}: {_e(GUSKEY_LEVELS[level])}</p>'


def _hidden_sentence(disclosure: Any) -> str:
    """How many figures the rule hid. A share is given only between none and all: "0%" or "100%" of the
    report's figures reads like a share of people (and the audit rightly asks for "<5%" there)."""
    hidden, cells = int(disclosure.get("hidden", 0)), int(disclosure.get("cells", 0))
    solves = int(disclosure.get("lp_solves", 0))
    # with no hidden count in a count table there is nothing for the attacker check to bound
    lp = (f"the attacker check solved {solves} linear programs." if solves else
          "no hidden count needed the attacker check (the hidden figures are rates and statistics, each gated by "
          "its own n).")
    if cells == 0:  # a summary of other reports' published figures (evalkit.report.program)
        return ("This report computes no figure about people of its own: each figure in it is copied as another "
                "report of this release published it, after that report's privacy rule and audit.")
    if hidden == 0:
        return f"No figure about people in this report had to be hidden (figures checked: {cells}); {lp}"
    if hidden >= cells:
        return f"Every figure about people in this report is hidden (figures checked: {cells}); {lp}"
    coded = int(disclosure.get("coded", 0))
    bounds = (f", and {coded} more are shown only as a bound (\u201cless than\u201d or \u201cmore than\u201d a "
              "share)" if coded else "")
    pct = 100 * disclosure.get("share_hidden", 0)
    # a share that rounds to 0% or 100% is said in words: neither is true of a figure some but not all of
    share = "under 1%" if pct < 0.5 else "over 99%" if pct >= 99.5 else f"{pct:.0f}%"
    return (f"In this report {hidden} of {cells} figures about people are not shown "
            f"({share}){bounds}; {lp}")


def _unit_line(facts: Facts) -> str:
    """"Cadre C1, cohort 2025" for a cadre report; "Cohort 2025" (or nothing) for a whole-program report,
    whose unit is the program itself."""
    if not facts.whole_program:
        return f"Cadre {facts.cadre}, cohort {facts.cohort}"
    return f"Cohort {facts.cohort}" if facts.cohort else ""


def cover_html(facts: Facts, kicker: str = "Evaluation report") -> str:
    """The cover block: kicker, title (which also feeds the PDF's running header), cadre, cohort and data date."""
    return (
        '<header class="ek-cover">'
        f'<p class="ek-kicker">{_e(kicker)}</p>'
        f'<h1 class="ek-title">{_e(facts.program_name)}</h1>'
        + (f'<p class="ek-subtitle">{_e(_unit_line(facts))}</p>' if _unit_line(facts) else "") +
        '<dl class="ek-cover-meta">'
        f"<dt>Data as of</dt><dd>{_e(facts.data_as_of.isoformat())}</dd>"
        f"<dt>Release</dt><dd>{_e(facts.release_id)}</dd>"
        "</dl></header>"
    )


def headline_html(facts: Facts) -> str:
    """The key figures as a row of label/value cards (empty string if there are none)."""
    if not facts.headline:
        return ""
    cards = "".join(
        f'<div class="ek-figure"><span class="ek-value">{_e(h.value)}</span>'
        f'<span class="ek-label">{_e(h.label)}</span></div>' for h in facts.headline
    )
    return f'<section class="ek-headline"><h2>Key figures</h2><div class="ek-figures">{cards}</div></section>'


def _pending_html(section: Section) -> str:
    return f'<div class="ek-pending"><em>To be added: {_e(section.pending_reason)}</em></div>'


def chart_html(facts: Facts, chart: Mapping[str, Any]) -> str:
    """A chart as a figure with its alt text and caption; the PNG is embedded so the HTML stands alone."""
    import base64

    data = (facts.artifact_dir / chart["png"]).read_bytes()
    src = "data:image/png;base64," + base64.b64encode(data).decode("ascii")
    return (f'<figure class="ek-chart"><img src="{src}" alt="{_e(chart["alt"])}"/>'
            f'<figcaption>{_e(chart["title"])}</figcaption></figure>')


def section_html(facts: Facts, section_id: str) -> str:
    """One section: heading, Guskey level, text and its tables, or a "To be added" box if pending.

    Raises
    ------
    ReportError
        ``reason=unknown_section`` if ``section_id`` is not in the facts (the message lists the ids).
    """
    section = facts.section(section_id)
    parts = [f'<section class="ek-section" id="section-{_e(section.id)}">',
             f"<h2>{_e(section.title)}</h2>", _level_html(section.guskey_level)]
    if section.status == "pending":
        parts.append(_pending_html(section))
    else:
        parts.append(_paragraphs(section.text))
        for chart in (c for c in facts.charts.values() if c.get("section") == section.id):
            parts.append(chart_html(facts, chart))
        for table_id in section.tables:
            spec = facts.tables[table_id]
            header, rows = read_table(facts.artifact_dir, table_id)
            parts.append(_rows_html(header, rows, caption=spec.title, note=spec.note))
    parts.append("</section>")
    return "".join(parts)


def methods_appendix_html(facts: Facts) -> str:
    """The methods and provenance appendix: privacy rule, framework, pending items, inputs, parameters."""

    levels = sorted({s.guskey_level for s in facts.sections if s.guskey_level is not None})
    pending = [s for s in facts.sections if s.status == "pending"]
    parts = [
        '<section class="ek-section ek-appendix" id="methods">',
        "<h2>Methods and data</h2>",
        "<h3>Privacy</h3>",
        _paragraphs(
            f"Every number in this report is an aggregate. Results for any group of fewer than "
            f"{facts.n_min} respondents are not shown: such cells read \u201cfewer than {facts.n_min}\u201d."
        ) if not facts.disclosure.get("policy") else
        "<ul class=\"ek-policy\">" + "".join(f"<li>{_e(p)}</li>" for p in facts.disclosure["policy"]) + "</ul>"
        + _paragraphs(_hidden_sentence(facts.disclosure) + " Each hidden figure and the reason is "
                      "listed in the disclosure log that ships with this report (a machine-readable file beside it)."),
        "<h3>Evaluation framework</h3>",
        _paragraphs(
            "Sections are organized by Guskey\u2019s five levels of professional-development "
            "evaluation (Guskey, 2000): " + "; ".join(f"level {lv}, {GUSKEY_LEVELS[lv].lower()}"
                                                       for lv in levels) + "."
            if levels else "No section of this report is assigned to a Guskey level."
        ),
    ]
    if pending:
        items = "".join(f"<li><strong>{_e(s.title)}</strong>: {_e(s.pending_reason)}</li>" for s in pending)
        parts += ["<h3>Not yet reported</h3>", f'<ul class="ek-pending-list">{items}</ul>']
    parts += ["<h3>Technical supplement</h3>", _paragraphs(supplement_pointer(facts))]
    parts.append("</section>")
    return "".join(parts)


def supplement_html(facts: Facts) -> str:
    """The technical supplement: its cover, its sections, then the data and provenance tables."""
    parts = [cover_html(facts, kicker=SUPPLEMENT_KICKER), _paragraphs(supplement_intro(facts))]
    parts += [section_html(facts, s.id) for s in facts.supplement_sections]
    parts += ['<section class="ek-section ek-appendix" id="provenance">', f"<h2>{PROVENANCE_TITLE}</h2>"]
    for kind, header, rows, caption, note in provenance_tables(facts):
        parts.append(_rows_html(header, rows, caption=caption, note=note, css_class=f"ek-table ek-{kind}",
                                align_numbers=False))
    parts.append("</section>")
    return "".join(parts)


def _show(markup: str, plain: str, typst: str) -> None:
    """Display one block with two forms: text/html (JupyterLab, the HTML report) and text/x-typst (the PDF,
    :mod:`evalkit.report.typst_markup`), with a short text/plain fallback for other frontends."""
    from IPython.display import display  # deferred: only needed inside a kernel

    from evalkit.report.typst_markup import MIME

    display({"text/html": markup, MIME: typst, "text/plain": plain}, raw=True)


def show_cover(facts: Facts) -> None:
    """Display the cover block (see :func:`cover_html`; the PDF's cover is followed by the contents)."""
    from evalkit.report.typst_markup import cover_typst

    _show(cover_html(facts), facts.title, cover_typst(facts))


def show_headline(facts: Facts) -> None:
    """Display the key figures (see :func:`headline_html`); shows nothing if there are none."""
    from evalkit.report.typst_markup import headline_typst

    markup = headline_html(facts)
    if markup:
        _show(markup, "Key figures: " + "; ".join(f"{h.label}: {h.value}" for h in facts.headline),
              headline_typst(facts))


def show_section(facts: Facts, section_id: str, *, missing_ok: bool = False) -> None:
    """Display one section (see :func:`section_html`).

    ``missing_ok=True`` displays nothing when this report has no such section (a report notebook has a cell
    for every section its kind can have; the data decide which a report holds). Each section shown is
    remembered, so :func:`show_other_sections` can show the ones no cell named.
    """
    from evalkit.report.typst_markup import section_typst

    if missing_ok and section_id not in {s.id for s in facts.sections}:
        return
    facts._shown.add(section_id)
    section = facts.section(section_id)
    pending = section.status == "pending"
    plain = section.title + (f" (to be added: {section.pending_reason})" if pending else "")
    _show(section_html(facts, section_id), plain, section_typst(facts, section_id))


def show_other_sections(facts: Facts) -> None:
    """Display, in order, every section of the report that no :func:`show_section` call has shown yet.

    The last section cell of a report notebook: a section the notebook has no cell for (a new kind of
    section, an evaluator's own artifacts) still reaches the report.
    """
    for section in facts.report_sections:
        if section.id not in facts._shown:
            show_section(facts, section.id)


def show_supplement(facts: Facts) -> None:
    """Display the technical supplement (see :func:`supplement_html`).

    The report notebook shows it in its last cell, tagged ``supplement``: the render writes that cell's
    output as ``supplement.html`` and ``supplement.pdf`` and leaves it out of the report itself.
    """
    from evalkit.report.typst_markup import supplement_typst

    _show(supplement_html(facts), f"{SUPPLEMENT_KICKER}: {facts.title}", supplement_typst(facts))


def show_methods_appendix(facts: Facts) -> None:
    """Display the methods and provenance appendix (see :func:`methods_appendix_html`)."""
    from evalkit.report.typst_markup import methods_appendix_typst

    _show(methods_appendix_html(facts), "Methods and data", methods_appendix_typst(facts))
