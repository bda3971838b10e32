"""The Typst form of the display helpers: each block of a report as a call of the report template.

Every ``show_*`` helper displays one object with two forms: ``text/html`` (JupyterLab and the HTML
report, from :mod:`evalkit.report.display`) and ``text/x-typst`` (the PDF). The Typst form is code that
calls a function of ``templates/typst/evalkit.typ`` with data only (strings, arrays, booleans), every
string written as a Typst string literal by :func:`lit`: nothing from the artifacts is ever read as
markup, so an asterisk or a hash sign in a label is printed, not interpreted. All layout decisions
live in the template. evalkit writes this itself; no HTML is converted.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evalkit.report.artifacts import GUSKEY_LEVELS, list_items, provenance_tables, read_table

if TYPE_CHECKING:  # pragma: no cover - typing only
    from evalkit.report.artifacts import Facts

__all__ = ["lit", "MIME", "cover_typst", "headline_typst", "section_typst", "methods_appendix_typst",
           "supplement_typst", "table_typst"]

#: The MIME type of the Typst form of a display helper's output.
MIME = "text/x-typst"

#: Characters no text should carry into a PDF: C0 and C1 controls (newline and tab excepted), the byte-order
#: mark and other zero-width formatting marks a spreadsheet leaves behind, and Unicode noncharacters.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ufdd0-\ufdef\ufffe\uffff]")


def lit(value: Any) -> str:
    """A Python value as a Typst literal: str, int, float, bool, None, sequences and str-keyed mappings.

    Examples
    --------
    >>> lit('He said "#1" \\\\ *not* bold')
    '"He said \\\\"#1\\\\" \\\\\\\\ *not* bold"'
    >>> lit(["a"]), lit({"n": 3, "ok": True, "x": None})
    ('("a",)', '("n": 3, "ok": true, "x": none)')
    >>> import numpy as np
    >>> lit(np.float64(0.5)), lit(np.int64(7)), lit(np.bool_(True)), lit(float("nan")), lit("A\\x85B")
    ('0.5', '7', 'true', 'none', '"A B"')
    """
    if value is None:
        return "none"
    # numpy's bool is no ``bool`` (nor a number); checked by its dtype so the PDF worker need not import numpy
    if isinstance(value, bool) or getattr(getattr(value, "dtype", None), "kind", "") == "b":
        return "true" if value else "false"
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        # a missing or infinite number has no place in a published figure: it shows as nothing
        return repr(float(value)) if math.isfinite(value) else "none"
    if isinstance(value, str):
        text = _CONTROL.sub(" ", value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        return f'"{text}"'
    if isinstance(value, Mapping):
        return "(" + ", ".join(f"{lit(str(k))}: {lit(v)}" for k, v in value.items()) + ")" if value else "(:)"
    if isinstance(value, Sequence):
        items = [lit(v) for v in value]
        return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
    raise TypeError(f"lit(): no Typst literal for {type(value).__name__}")


def _call(name: str, **kwargs: Any) -> str:
    return f"#{name}(" + ", ".join(f"{k.replace('_', '-')}: {lit(v)}" for k, v in kwargs.items()) + ")\n"


def _paragraphs(text: str | None) -> list[str | list[str]]:
    """Paragraphs as strings; a paragraph written as a list ("- " lines) as a list of its items."""
    if not text:
        return []
    out: list[str | list[str]] = []
    for p in re.split(r"\n\s*\n", text):
        if p.strip():
            items = list_items(p)
            out.append([" ".join(i.split()) for i in items] if items is not None else " ".join(p.split()))
    return out


def table_typst(header: Sequence[Any], rows: Sequence[Sequence[Any]], *, caption: str | None,
                note: str | None, align_numbers: bool = True) -> str:
    """One journal-style table: caption above, repeated header row, row labels as row headers, note below."""
    from evalkit.report.display import _LINE_CHARS, _LONG_TABLE, _NUMERIC_RE, _column_widths

    rows = [[str(v) for v in r] for r in rows]
    numeric = [j > 0 and align_numbers and any(r[j].strip() for r in rows)
               and all(_NUMERIC_RE.match(r[j]) or not r[j].strip() for r in rows) for j in range(len(header))]
    widths = [round(w, 1) for w in _column_widths(header, rows)]
    # lines the table takes, estimated from each cell's length and its column's width: a table of a few
    # rows with long cells (the disclosure log) is as long as a table of many rows, and may break too
    lines = sum(max([math.ceil(len(v) / max(w * _LINE_CHARS / 100 - 2, 1)) for v, w in zip(r, widths)] or [1])
                for r in rows)
    rows = [[_breakable(v) for v in r] for r in rows]
    return _call("ek-table", caption=caption, note=note, header=[str(h) for h in header], rows=rows,
                 numeric=numeric, widths=widths, breakable=max(len(rows), lines) >= _LONG_TABLE)


#: A word this long may not fit its column: it gets break opportunities (Typst never breaks inside a word).
_LONG_WORD = 18
_ZWSP = "\u200b"
_HASH = re.compile(r"[0-9a-fA-F]{32,128}")
_HYPHENATED = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+")


def _breakable(text: str) -> str:
    """``text`` with zero-width break opportunities in its long words: after ``_ / . -`` and every 16
    characters of an unbroken run (a SHA-256, an item id in snake case), so it wraps inside its column
    instead of running over the next one or off the page. Short words are left alone.

    >>> _breakable("q3_i_will_apply_what_i_learned") == "q3_\u200bi_\u200bwill_\u200bapply_\u200bwhat_\u200bi_\u200blearned"
    True
    >>> _breakable("x" * 40).count("\u200b"), _breakable("ok 12")
    (2, 'ok 12')

    A SHA-256 and a hyphenated id (a release id) stay whole: a reader copies them to check a file or quote
    a release, and an invisible character would make the copy differ (Typst breaks after a hyphen itself).

    >>> _breakable("f" * 64) == "f" * 64, _breakable("demo-cadre-2025-C1-2026-06-30")
    (True, 'demo-cadre-2025-C1-2026-06-30')
    """
    def split(word: str) -> str:
        if len(word) < _LONG_WORD or _HASH.fullmatch(word) or _HYPHENATED.fullmatch(word):
            return word
        word = re.sub(r"([_/.\-])(?=.)", "\\1" + _ZWSP, word)
        return re.sub(r"[^_/.\-\u200b]{16}(?=[^_/.\-\u200b])", lambda m: m.group(0) + _ZWSP, word)

    return re.sub(r"\S+", lambda m: split(m.group(0)), text)


def _aspect(png: Path) -> float:
    """A PNG's height over its width, from its header (the kernel reads 24 bytes, not the image)."""
    import struct

    with open(png, "rb") as fh:
        head = fh.read(24)
    # the PNG signature, then the IHDR chunk whose first fields are width and height; anything else
    # (a truncated or non-PNG file) gets a typical chart's aspect and Typst reports the image itself
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return 0.6
    width, height = struct.unpack(">II", head[16:24])
    return round(height / width, 4) if width else 0.6


def _unit_line(facts: Facts) -> str:
    from evalkit.report.display import _unit_line as line

    return line(facts)


def cover_typst(facts: Facts, kicker: str = "Evaluation report") -> str:
    """The cover: kicker, title, unit, data date and release (ids stay out of it); the contents follow it."""
    return _call("ek-cover", kicker=kicker, title=facts.program_name,
                 subtitle=_unit_line(facts) or None,
                 meta=[["Data as of", facts.data_as_of.isoformat()], ["Release", facts.release_id]])


def headline_typst(facts: Facts) -> str:
    """The key figures (empty string if there are none)."""
    if not facts.headline:
        return ""
    return _call("ek-headline", items=[[h.label, h.value] for h in facts.headline])


def _level(level: int | None) -> str | None:
    return None if level is None else f"Guskey level {level}: {GUSKEY_LEVELS[level]}"


def section_typst(facts: Facts, section_id: str, *, new_page: bool | None = None) -> str:
    """One section: heading, Guskey level, paragraphs, its charts (with alt text) and its tables.

    The report's first appendix starts on a new page (``new_page`` overrides that either way).
    """
    section = facts.section(section_id)
    # the report's appendices start on a new page once, at the first of them; after it they flow, and the
    # supplement's sections flow from one to the next (a page per section left pages mostly empty)
    first = next((s.id for s in facts.report_sections if _is_appendix(s.id)), None)
    appendix = section.part == "report" and section.id == first
    if new_page is not None:
        appendix = new_page
    out = [_call("ek-section", title=section.title, level=_level(section.guskey_level),
                 paragraphs=_paragraphs(section.text) if section.status != "pending" else [],
                 pending=section.pending_reason if section.status == "pending" else None, appendix=appendix)]
    if section.status != "pending":
        for chart in (c for c in facts.charts.values() if c.get("section") == section.id):
            # the build folder holds the artifact folder's charts/ at its root (see evalkit.report._typst_pdf)
            out.append(_call("ek-chart", path="/" + str(chart["png"]), alt=chart["alt"], caption=chart["title"],
                             aspect=_aspect(facts.artifact_dir / chart["png"])))
        for table_id in section.tables:
            spec = facts.tables[table_id]
            header, rows = read_table(facts.artifact_dir, table_id)
            out.append(table_typst(header, rows, caption=spec.title, note=spec.note))
    return "".join(out)


def _is_appendix(section_id: str) -> bool:
    return section_id.startswith("appendix") or section_id in ("data_quality", "glossary")


def methods_appendix_typst(facts: Facts) -> str:
    """The methods and provenance appendix, as :func:`evalkit.report.display.methods_appendix_html` has it."""
    from evalkit.report.display import _hidden_sentence

    levels = sorted({s.guskey_level for s in facts.sections if s.guskey_level is not None})
    out = [_call("ek-section", title="Methods and data", level=None, paragraphs=[], pending=None,
                 appendix=not any(_is_appendix(s.id) for s in facts.report_sections)),
           _call("ek-subheading", title="Privacy")]
    if facts.disclosure.get("policy"):
        out.append(_call("ek-list", items=list(facts.disclosure["policy"])))
        out.append(_call("ek-paragraph", body=_hidden_sentence(facts.disclosure) + " Each hidden figure and the "
                         "reason is listed in the disclosure log that ships with this report (a machine-readable file beside it)."))
    else:
        out.append(_call("ek-paragraph", body=f"Every number in this report is an aggregate. Results for any group "
                         f"of fewer than {facts.n_min} respondents are not shown: such cells read \u201cfewer than "
                         f"{facts.n_min}\u201d."))
    out.append(_call("ek-subheading", title="Evaluation framework"))
    out.append(_call("ek-paragraph", body=(
        "Sections are organized by Guskey\u2019s five levels of professional-development evaluation (Guskey, "
        "2000): " + "; ".join(f"level {lv}, {GUSKEY_LEVELS[lv].lower()}" for lv in levels) + "."
        if levels else "No section of this report is assigned to a Guskey level.")))
    pending = [s for s in facts.sections if s.status == "pending"]
    if pending:
        out.append(_call("ek-subheading", title="Not yet reported"))
        out.append(_call("ek-list", items=[f"{s.title}: {s.pending_reason}" for s in pending]))
    from evalkit.report.display import supplement_pointer

    out.append(_call("ek-subheading", title="Technical supplement"))
    out.append(_call("ek-paragraph", body=supplement_pointer(facts)))
    return "".join(out)


def supplement_typst(facts: Facts) -> str:
    """The technical supplement, as :func:`evalkit.report.display.supplement_html` has it."""
    from evalkit.report.display import PROVENANCE_TITLE, SUPPLEMENT_KICKER, supplement_intro

    out = [cover_typst(facts, kicker=SUPPLEMENT_KICKER), _call("ek-paragraph", body=supplement_intro(facts))]
    # the sections follow one another: the supplement is read as a reference, not section by section
    out += [section_typst(facts, s.id, new_page=False) for s in facts.supplement_sections]
    out.append(_call("ek-section", title=PROVENANCE_TITLE, level=None, paragraphs=[], pending=None, appendix=False))
    for _, header, rows, caption, note in provenance_tables(facts):
        out.append(table_typst(header, rows, caption=caption, note=note, align_numbers=False))
    return "".join(out)
