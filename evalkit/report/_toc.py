"""Table of contents for the report: links in the HTML, page numbers with dot leaders in the PDF.

:func:`add_toc` is the last step of ``render._to_html``. It reads the finished HTML once with the
standard library's parser, gives every section heading an ``id`` (headings that have one keep
it), and inserts a ``<nav class="ek-toc">`` right after the cover. The page numbers are not
computed here: the PDF's contents come from Typst's own outline (templates/typst/evalkit.typ), with
the pages the headings really land on; the HTML shows a plain linked list.

What goes in: every ``h2`` after the cover, and the ``h3`` parts of the appendices (a section
with class ``ek-appendix`` or an ``h2`` that starts with "Appendix"). Other ``h3`` headings stay
out of the contents but still become level-2 PDF bookmarks (see the stylesheet).
"""

from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

__all__ = ["add_toc", "TOC_CLASS", "TOC_TITLE"]

#: Class of the inserted ``<nav>``; a document that already has one is returned unchanged.
TOC_CLASS = "ek-toc"
#: Heading of the table of contents.
TOC_TITLE = "Contents"

_ID_PREFIX = "sec-"
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")


@dataclass
class _Heading:
    level: int          # 2 or 3
    start: int          # offset of the start tag in the document
    id: str | None      # the heading's own id, if it has one
    text: str = ""
    appendix: bool = False


class _Scanner(HTMLParser):
    """One pass over the report: headings, every id in use, and where the cover ends."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        # Offsets of line starts, to turn getpos()'s (line, column) into a string offset.
        self._line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
        self._text = text
        self.headings: list[_Heading] = []
        self.ids: set[str] = set()
        self.cover_end: int | None = None
        self.main_end: int | None = None
        self.has_toc = False
        self._open: _Heading | None = None
        self._cover_depth = 0        # >0 while inside the cover
        self._sections: list[bool] = []  # for each open <section>: is it an appendix?
        self._h2_appendix = False

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: (v or "") for k, v in attrs}
        classes = found.get("class", "").split()
        if "id" in found:
            self.ids.add(found["id"])
        if tag == "nav" and TOC_CLASS in classes:
            self.has_toc = True
        if tag == "main" and self.main_end is None:
            self.main_end = self._offset() + len(self.get_starttag_text() or "")
        if tag == "header" and (self._cover_depth or "ek-cover" in classes):
            self._cover_depth += 1  # nested headers inside the cover are counted too
        if tag == "section":
            self._sections.append("ek-appendix" in classes)
        if tag in ("h2", "h3") and not self._cover_depth and self._open is None:
            in_appendix = any(self._sections)
            self._open = _Heading(int(tag[1]), self._offset(), found.get("id") or None,
                                  appendix=in_appendix)

    def handle_endtag(self, tag: str) -> None:
        if tag == "header" and self._cover_depth:
            self._cover_depth -= 1
            if not self._cover_depth and self.cover_end is None:
                self.cover_end = self._text.index(">", self._offset()) + 1
        if tag == "section" and self._sections:
            self._sections.pop()
        if self._open is not None and tag == f"h{self._open.level}":
            heading, self._open = self._open, None
            heading.text = " ".join(heading.text.split())
            if heading.level == 2:
                heading.appendix = heading.appendix or heading.text.casefold().startswith("appendix")
                self._h2_appendix = heading.appendix
            else:
                heading.appendix = heading.appendix or self._h2_appendix
            if heading.text:
                self.headings.append(heading)

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.text += data


def _slug(text: str, taken: set[str]) -> str:
    base = _ID_PREFIX + (_SLUG_JUNK.sub("-", text.casefold()).strip("-")[:48].rstrip("-") or "section")
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def _nav(entries: list[tuple[_Heading, str]]) -> str:
    """The ``<nav>``: an ordered list of h2 entries, appendix h3 parts nested under their h2."""
    items: list[str] = []
    sub: list[str] = []

    def close() -> None:
        if sub:
            items[-1] = items[-1][: -len("</li>")] + '<ol>' + "".join(sub) + "</ol></li>"
            sub.clear()

    for heading, anchor in entries:
        link = f'<a href="#{_html.escape(anchor)}">{_html.escape(heading.text, quote=False)}</a>'
        if heading.level == 2 or not items:
            close()
            items.append(f'<li class="ek-toc-l{heading.level}">{link}</li>')
        else:
            sub.append(f'<li class="ek-toc-l3">{link}</li>')
    close()
    return (f'<nav class="{TOC_CLASS}" aria-labelledby="ek-toc-title">'
            f'<h2 class="ek-toc-title" id="ek-toc-title">{TOC_TITLE}</h2>'
            f'<ol>{"".join(items)}</ol></nav>')


def add_toc(html: str) -> str:
    """Return the report HTML with ids on its section headings and a table of contents after the cover.

    Parameters
    ----------
    html : str
        A complete report document from evalkit's ``evalkit_html`` template.

    Returns
    -------
    str
        The same document with an ``id`` on each listed heading that had none (``sec-`` plus a
        slug of its text, unique in the document) and a ``<nav class="ek-toc">`` of links to them,
        placed after the cover (``<header class="ek-cover">``), else at the start of ``<main>``.
        Returned unchanged when it has no ``h2`` to list, no place to put the list, or a table of
        contents already.

    Notes
    -----
    The print stylesheet turns each link into "title ..... page" with
    ``leader(dotted) target-counter(attr(href), page)`` and makes ``h2``/``h3`` the PDF's
    bookmark levels 1 and 2.

    Examples
    --------
    >>> doc = ('<main><header class="ek-cover"><h1>R</h1></header>'
    ...        '<section><h2>Summary</h2></section>'
    ...        '<section class="ek-appendix"><h2 id="m">Methods</h2><h3>Privacy</h3></section></main>')
    >>> out = add_toc(doc)
    >>> '<h2 id="sec-summary">Summary</h2>' in out
    True
    >>> out[out.index("<nav"):out.index("</nav>")].count("<li")
    3
    """
    scan = _Scanner(html)
    scan.feed(html)
    scan.close()
    if scan.has_toc:
        return html
    where = scan.cover_end if scan.cover_end is not None else scan.main_end
    listed = [h for h in scan.headings if h.level == 2 or h.appendix]
    if where is None or not any(h.level == 2 for h in listed):
        return html
    taken = set(scan.ids) | {"ek-toc-title"}
    entries = [(h, h.id or _slug(h.text, taken)) for h in listed]

    # Edit from the end so earlier offsets stay valid.
    edits = [(h.start + len("<h2"), f' id="{_html.escape(anchor)}"') for h, anchor in entries if h.id is None]
    edits.append((where, _nav(entries)))
    out = html
    for offset, insert in sorted(edits, key=lambda e: e[0], reverse=True):
        out = out[:offset] + insert + out[offset:]
    return out
