"""The text layers of a file, as :mod:`evalkit.disclose.scan` reads them: text segments and tables.

:func:`read_layers` turns one file into a :class:`Doc`: text segments, each with where it is in the file
(and, for long texts, a function from an offset to a location such as "line 12"), and :class:`Grid`
tables whose columns the scan checks for counts of people. It reads what a reader (or an attacker)
could read:

* PDF (pypdf): page text, document information, XMP (every element and attribute), outline,
  annotations and links, attachments, form fields;
* HTML and SVG: visible text, comments, and the attributes a reader sees (``alt``, ``title``,
  ``aria-*``, ``data-*``, meta ``content``, ``mailto:`` and ``tel:`` links) plus embedded images. A chart
  written by :func:`evalkit.report.charts.save_chart` keeps its labels as comments (its text is drawn
  as paths) and its title and alt text as ``dc:title`` and ``dc:description``; the numbers of an axis
  scale ("0%", "100%") are left out, the other labels ("C1-08 (n = 15)") are read;
* notebooks: every cell source, output (HTML, SVG and JSON as such, images through Pillow),
  traceback, attachment and metadata;
* CSV/TSV and parquet tables (every cell, and the table), JSON (keys and values; ``{"n": 3}`` and
  ``{"label": ..., "value": ...}`` as one-cell tables), text and log files;
* image text chunks (PNG ``tEXt``/``iTXt`` such as ``Title`` and ``Description``, via Pillow).

Other binary files give None: the scan lists them as skipped. Nothing here decides what is a finding.
"""

from __future__ import annotations

import base64
import csv
import html
import io
import json
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

__all__ = ["COUNT_WORDS", "Doc", "Grid", "read_layers"]

#: Words that, as a column header's first word or a JSON key, name a count of people.
COUNT_WORDS = frozenset("""n count counts responses respondents participants attendees evaluations matched people
persons members rows staff teachers principals leaders students completers responders""".split())


@dataclass
class Grid:
    """A table: header, then rows as (row label for the location, cells)."""

    caption: str | None
    header: list[str]
    rows: list[tuple[str, list[str]]]
    where: str = ""
    table_id: str | None = None


@dataclass
class Doc:
    """What one file says: text segments (location, text, offset → location) and tables."""

    segments: list[tuple[str, str, Callable[[int], str] | None]] = field(default_factory=list)
    grids: list[Grid] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # locations of embedded content that cannot be read

    def add(self, where: str, text: object, locate: Callable[[int], str] | None = None) -> None:
        if isinstance(text, str) and text.strip():
            self.segments.append((where, text, locate))

    def extend(self, other: Doc, prefix: str) -> None:
        for where, text, locate in other.segments:
            self.segments.append((f"{prefix} {where}".strip(), text,
                                  None if locate is None else (lambda o, f=locate: f"{prefix} {f(o)}".strip())))
        for g in other.grids:
            g.where = f"{prefix} {g.where}".strip()
            self.grids.append(g)
        self.problems += [f"{prefix} {p}".strip() for p in other.problems]

    def embedded(self, where: str, mime: str, data: bytes | str) -> None:
        """An embedded image (base64 text or bytes): SVG as markup, others through Pillow."""
        try:
            raw = base64.b64decode(data) if isinstance(data, str) else data
            if "svg" in mime:
                self.extend(_read_html(raw.decode("utf-8", "replace"), line_prefix=False), where)
            else:
                self.extend(_read_image_bytes(raw), where)
        except Exception:  # noqa: BLE001 - any decoder failure: this part cannot be cleared
            self.problems.append(where)


_BLOCK = frozenset("""address article aside blockquote body br caption dd details dialog div dl dt fieldset
figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot
th thead title tr ul desc text tspan""".split())
# (and the random identifiers a PDF engine writes into XMP, never anyone's text: a fresh "Cy//B2A1..." in every build
# read as the given name "Cy" withheld a real project's report once in twenty runs)
_SKIP = frozenset({"script", "style", "template", "xmpmm:instanceid", "xmpmm:documentid", "xmpmm:originaldocumentid",
                   "xmpmm:versionid"})
_ATTRS = frozenset({"alt", "title", "summary", "placeholder", "label", "content", "value", "download", "abbr"})
_SEP = "\n|\n"  # between blocks and cells: a line break for the name rules, and no whitespace run across it
_TICK_GROUP = re.compile(r"[xy]tick_\d+")  # matplotlib's SVG group of one axis tick (its mark and its label)
_SCALE = re.compile(r"[+\-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*%?")  # a tick label on a numeric axis


class _Html(HTMLParser):
    """Visible text and comments (with their source line), reader-visible attribute values, tables and
    embedded images."""

    def __init__(self, *, all_attrs: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.all_attrs = all_attrs
        self.parts: list[str] = []
        self.offsets: list[int] = []
        self.lines: list[int] = []
        self.size = 0
        self.skip = 0
        self.attrs: list[tuple[int, str, str, str]] = []
        self.images: list[tuple[int, str, str]] = []  # (line, mime, base64 text)
        self.tables: list[dict[str, Any]] = []
        self.grids: list[Grid] = []
        self.ticks: list[bool] = []  # per open SVG <g>: whether it is (inside) an axis tick

    def _text(self, text: str) -> None:
        self.offsets.append(self.size)
        self.lines.append(self.getpos()[0])
        self.parts.append(text)
        self.size += len(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
            return
        line = self.getpos()[0]
        for k, v in attrs:
            if not v:
                continue
            if (self.all_attrs or k in _ATTRS or k.startswith(("aria-", "data-"))
                    or (k in ("href", "xlink:href") and v.strip().lower().startswith(("mailto:", "tel:")))):
                self.attrs.append((line, tag, k, v))
            if k in ("src", "href", "xlink:href") and v.startswith("data:image/") and ";base64," in v[:60]:
                head, data = v.split(",", 1)
                self.images.append((line, head[5:].split(";")[0], data))
        if tag in _BLOCK or ":" in tag or self.all_attrs:  # XML (XMP, SVG dc:title): each element apart
            self._text(_SEP)
        if tag == "g":
            gid = next((v for k, v in attrs if k == "id"), None) or ""
            self.ticks.append(bool(self.ticks and self.ticks[-1]) or bool(_TICK_GROUP.fullmatch(gid)))
        t = self.tables[-1] if self.tables else None
        if tag == "table":
            self.tables.append({"caption": None, "rows": [], "row": None, "cell": None, "in_caption": False,
                                "head": False})
        elif t is not None:
            if tag == "caption":
                t["in_caption"], t["caption"] = True, ""
            elif tag == "thead":
                t["head"] = True
            elif tag == "tr":
                t["row"] = []
                t["rows"].append((t["row"], t["head"]))
            elif tag in ("td", "th") and t["row"] is not None:
                t["cell"] = [tag, ""]
                t["row"].append(t["cell"])

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if tag in _BLOCK or ":" in tag or self.all_attrs:
            self._text(_SEP)
        if tag == "g" and self.ticks:
            self.ticks.pop()
        if not self.tables:
            return
        t = self.tables[-1]
        if tag == "caption":
            t["in_caption"] = False
        elif tag == "thead":
            t["head"] = False
        elif tag in ("td", "th"):
            t["cell"] = None
        elif tag == "table":
            self.tables.pop()
            self._grid(t)

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        self._text(data)
        if self.tables:
            t = self.tables[-1]
            if t["in_caption"]:
                t["caption"] += data
            elif t["cell"] is not None:
                t["cell"][1] += data

    def handle_comment(self, data: str) -> None:
        """A comment is read as its own block: anyone can read the source, and matplotlib's SVG keeps
        every label there ("C1-08 (n = 15)"). The numbers of an axis scale ("0%", "100%") are not
        figures of a group and are left out."""
        if self.skip:
            return
        text = html.unescape(data).strip()
        if not text or (self.ticks and self.ticks[-1] and _SCALE.fullmatch(text)):
            return
        self._text(_SEP)
        self._text(text)
        self._text(_SEP)

    def _grid(self, t: dict[str, Any]) -> None:
        rows = [([" ".join(c[1].split()) for c in r], head or all(c[0] == "th" for c in r))
                for r, head in t["rows"] if r]
        if not rows:
            return
        n_head = next((i for i, (_, h) in enumerate(rows) if not h), len(rows)) or 1
        header = rows[n_head - 1][0]
        caption = " ".join(t["caption"].split()) if t["caption"] else None
        body = [(f"row {i}", cells) for i, (cells, _) in enumerate(rows[n_head:], 1)]
        self.grids.append(Grid(caption, header, body))

    def text(self) -> str:
        return "".join(self.parts)

    def line_at(self, offset: int) -> int:
        i = bisect_right(self.offsets, offset) - 1
        return self.lines[max(i, 0)] if self.lines else 1


def _read_html(text: str, *, all_attrs: bool = False, line_prefix: bool = True) -> Doc:
    p = _Html(all_attrs=all_attrs)
    p.feed(text)
    p.close()
    doc = Doc()
    doc.add("", p.text(), (lambda o: f"line {p.line_at(o)}") if line_prefix else None)
    for line, tag, k, v in p.attrs:
        doc.add(f"line {line} <{tag} {k}>" if line_prefix else f"<{tag} {k}>", v)
    for line, mime, data in p.images:
        doc.embedded(f"line {line} embedded image" if line_prefix else "embedded image", mime, data)
    for i, g in enumerate(p.grids, 1):
        g.where = f"table {i}"
        doc.grids.append(g)
    return doc


def _read_image_bytes(data: bytes) -> Doc:
    from PIL import Image

    doc = Doc()
    with Image.open(io.BytesIO(data)) as im:
        chunks = dict(getattr(im, "text", {}) or {})
        chunks.update({k: v for k, v in im.info.items() if isinstance(v, (str, bytes)) and k not in chunks})
    for k, v in chunks.items():
        if isinstance(v, bytes):
            v = v.decode("utf-8", "replace")
        doc.add(f"text chunk {k!s}", f"{k}\n{v}")
    return doc


def _read_pdf(path: Path) -> Doc:
    import pypdf

    doc = Doc()
    reader = pypdf.PdfReader(path)
    for i, page in enumerate(reader.pages, 1):
        # the report's long words carry zero-width break opportunities (typst_markup._breakable): a word
        # wrapped at one is joined again, so an e-mail or an id split over two lines is still found whole
        doc.add(f"page {i}", (page.extract_text() or "").replace("\u200b\n", "").replace("\u200b", ""))
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            for key in ("/Contents", "/T", "/TU"):
                doc.add(f"page {i} annotation {key}", str(a.get(key) or ""))
            action = a.get("/A")
            if action is not None:
                doc.add(f"page {i} link", str(action.get_object().get("/URI") or ""))
    for key, value in (reader.metadata or {}).items():
        doc.add(f"metadata {key}", str(value))
    xmp = reader.xmp_metadata
    if xmp is not None:
        raw = xmp.stream.get_data().decode("utf-8", "replace")
        doc.extend(_read_html(raw, all_attrs=True, line_prefix=False), "metadata XMP")

    def outline(items: Iterable[Any]) -> Iterator[str]:
        for it in items:
            if isinstance(it, list):
                yield from outline(it)
            else:
                yield str(it.get("/Title", ""))
    doc.add("outline", "\n".join(outline(reader.outline or [])))
    for name, contents in (reader.attachments or {}).items():
        doc.add("attachment name", name)
        for data in contents:
            doc.add(f"attachment {name}", data.decode("utf-8", "replace"))
    for name, f in (reader.get_fields() or {}).items():
        doc.add(f"form field {name}", str(f.get("/V") or ""))
    return doc


def _read_notebook(path: Path) -> Doc:
    nb = json.loads(path.read_text(encoding="utf-8"))
    doc = Doc()
    doc.extend(_read_json_value(nb.get("metadata", {}), "$"), "notebook metadata")
    for i, cell in enumerate(nb.get("cells", []), 1):
        doc.add(f"cell {i} source", _joined(cell.get("source", "")))
        doc.extend(_read_json_value(cell.get("metadata", {}), "$"), f"cell {i} metadata")
        for name, att in (cell.get("attachments") or {}).items():
            doc.add(f"cell {i} attachment name", name)
            for mime, data in att.items():
                _read_mime(doc, f"cell {i} attachment {name}", mime, data)
        for j, out in enumerate(cell.get("outputs", []), 1):
            where = f"cell {i} output {j}"
            if out.get("output_type") == "stream":
                doc.add(f"{where} ({out.get('name', 'stream')})", _joined(out.get("text", "")))
            elif out.get("output_type") == "error":
                tb = "\n".join(out.get("traceback", []))
                doc.add(f"{where} (error)", re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", f"{out.get('ename', '')}: "
                                                   f"{out.get('evalue', '')}\n{tb}"))
            for mime, data in (out.get("data") or {}).items():
                _read_mime(doc, where, mime, data)
            doc.extend(_read_json_value(out.get("metadata", {}), "$"), f"{where} metadata")
    return doc


def _joined(v: object) -> str:
    return "".join(v) if isinstance(v, list) else v if isinstance(v, str) else ""


def _read_mime(doc: Doc, where: str, mime: str, data: object) -> None:
    if mime.startswith("image/") and mime != "image/svg+xml":
        doc.embedded(f"{where} ({mime})", mime, _joined(data))
    elif mime in ("text/html", "image/svg+xml"):
        doc.extend(_read_html(_joined(data), line_prefix=False), f"{where} ({mime})")
    elif isinstance(data, dict) or mime.endswith("json"):
        doc.extend(_read_json_value(data, "$"), f"{where} ({mime})")
    else:
        doc.add(f"{where} ({mime})", _joined(data))


def _read_json_value(value: object, path: str) -> Doc:
    """Every key and string of a JSON value as a segment; ``{"label": "Participants", "value": "3"}`` and
    ``{"n": 3}`` as one-cell tables, so counts of people are checked as in a table."""
    doc = Doc()

    def walk(v: object, where: str) -> None:
        if isinstance(v, dict):
            label = v.get("label")
            value = v.get("value")
            if isinstance(label, str) and isinstance(value, (str, int)) and not isinstance(value, bool):
                doc.grids.append(Grid(None, [label], [(where, [str(value)])]))
            for k, x in v.items():
                doc.add(f"{where} (key)", str(k))
                if str(k).casefold() in COUNT_WORDS and isinstance(x, (int, str)) and not isinstance(x, bool):
                    doc.grids.append(Grid(None, [str(k)], [(where, [str(x)])]))
                walk(x, f"{where}.{k}" if re.fullmatch(r"\w+", str(k)) else f"{where}[{k!r}]")
        elif isinstance(v, list):
            for i, x in enumerate(v):
                walk(x, f"{where}[{i}]")
        elif isinstance(v, str):
            doc.add(where, v)

    walk(value, path)
    return doc


def _read_delimited(path: Path, delimiter: str) -> Doc:
    doc = Doc()
    text = path.read_text(encoding="utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = list(reader)
    if not rows:
        return doc
    header = rows[0]
    for j, h in enumerate(header):
        doc.add(f"header column {j + 1}", h)
    body = []
    for i, row in enumerate(rows[1:], 2):
        for j, cell in enumerate(row):
            col = header[j] if j < len(header) else f"#{j + 1}"
            doc.add(f"row {i} column {col!r}", cell)
        body.append((f"row {i}", row))
    doc.grids.append(Grid(None, header, body))
    return doc


def _read_parquet(path: Path) -> Doc:
    import pandas as pd

    df = pd.read_parquet(path).astype("string").fillna("")
    doc = Doc()
    header = [str(c) for c in df.columns]
    for h in header:
        doc.add("header", h)
    body = []
    for i, row in enumerate(df.itertuples(index=False), 1):
        cells = [str(v) for v in row]
        for h, cell in zip(header, cells):
            doc.add(f"row {i} column {h!r}", cell)
        body.append((f"row {i}", cells))
    doc.grids.append(Grid(None, header, body))
    return doc


def _read_text(path: Path) -> Doc:
    text = path.read_text(encoding="utf-8", errors="replace")
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    doc = Doc()
    doc.add("", text, lambda o: f"line {bisect_right(starts, o)}")
    return doc


_IMAGE = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".tif", ".tiff", ".bmp")
_TEXT = (".txt", ".log", ".md", ".yml", ".yaml", ".tex", ".xml", ".rst", ".py", ".r", ".do", ".sps")


def read_layers(path: Path) -> Doc | None:
    """The file's text layers, or None for a binary file of a kind the scan does not read."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return _read_pdf(path)
    if suffix in (".html", ".htm", ".svg", ".xhtml"):
        return _read_html(path.read_text(encoding="utf-8", errors="replace"))
    if suffix == ".ipynb":
        return _read_notebook(path)
    if suffix in (".csv", ".tsv"):
        return _read_delimited(path, "\t" if suffix == ".tsv" else ",")
    if suffix == ".json":
        return _read_json_value(json.loads(path.read_text(encoding="utf-8")), "$")
    if suffix in _IMAGE:
        return _read_image_bytes(path.read_bytes())
    if suffix == ".parquet":
        return _read_parquet(path)
    if suffix in _TEXT:
        return _read_text(path)
    head = path.read_bytes()[:8192]
    if b"\0" in head:
        return None
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the end of the sample
            return None
    return _read_text(path)
