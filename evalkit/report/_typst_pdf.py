"""Notebook → PDF with Typst (the ``typst`` wheel), offline, PDF/UA-1, in a fresh child process per report.

The executed notebook's outputs carry a ``text/x-typst`` form (:mod:`evalkit.report.typst_markup`): calls of
the report template ``templates/typst/evalkit.typ`` with data only. :func:`notebook_to_typst` joins them into
one document; :func:`compile_pdf` compiles it in a child process, because the wheel's memory grows by tens of
MB with each compile in one process (issue [2/9]). Only the bundled Lato is used (system fonts are ignored)
and nothing is fetched: Typst packages are not allowed in the template. The compiled file's tables then get
their row headers tagged (:mod:`evalkit.report._pdf_tags`), which the wheel's Typst cannot do itself.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from evalkit.errors import ReportError, ReportReason

__all__ = ["notebook_to_typst", "compile_pdf", "compile_pdfs", "TEMPLATE", "FONT_DIR"]

_HERE = Path(__file__).resolve().parent
TEMPLATE = _HERE / "templates" / "typst" / "evalkit.typ"
FONT_DIR = _HERE / "fonts"
MIME = "text/x-typst"
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def notebook_to_typst(nb: Any, *, title: str, description: str, keywords: list[str], running: str,
                      paper: str = "a4") -> str:
    """The Typst document of an executed notebook: the template, then every ``text/x-typst`` output in order.

    Outputs without a Typst form (an evaluator's own plain prints) are left out of the PDF; the HTML keeps them.
    Cells the HTML removes (tagged ``parameters``, ``injected-parameters``, ``remove-cell`` or papermill's
    error tag) are left out here too, so both formats show the same cells. Characters the bundled Lato has no
    glyph for (emoji, most non-Latin scripts) become ``?``: Typst would otherwise drop them with a warning, and
    PDF/UA forbids a missing glyph.
    """
    from evalkit.report.render import _REMOVE_TAGS
    from evalkit.report.typst_markup import lit

    parts = ['#import "evalkit.typ": *\n',
             f"#show: ek-document.with(title: {lit(title)}, lang: \"en\", description: {lit(description)}, "
             f"keywords: {lit(keywords)}, running: {lit(running)}, paper: {lit(paper)})\n"]
    for cell in nb.cells:
        if cell.get("cell_type") != "code" or _REMOVE_TAGS & set(cell.get("metadata", {}).get("tags", [])):
            continue
        for out in cell.get("outputs", []):
            data = out.get("data") or {}
            if MIME in data:
                text = data[MIME]
                parts.append("".join(text) if isinstance(text, list) else str(text))
    return _with_known_glyphs("".join(parts))


@functools.lru_cache(maxsize=1)
def _glyphs() -> frozenset[int]:
    """The code points every bundled Lato face maps (read once per process: about 0.03 s)."""
    from fontTools.ttLib import TTFont

    faces = [set(TTFont(path, lazy=True).getBestCmap()) for path in sorted(FONT_DIR.glob("*.ttf"))]
    return frozenset(set.intersection(*faces)) if faces else frozenset()


def _with_known_glyphs(source: str) -> str:
    """``source`` with each character outside ASCII that the fonts lack replaced by ``?``.

    ASCII passes untouched (the markup's own syntax, newlines and tabs are ASCII and not all are in a
    font's cmap); :func:`~evalkit.report.typst_markup.lit` has already removed control characters.
    """
    if source.isascii():
        return source
    known = _glyphs()
    # only the non-ASCII runs are looked at: a report is mostly ASCII, and a per-character loop over all of it
    # cost more than the rest of this module's Python work together
    return _NON_ASCII.sub(lambda m: "".join(ch if ord(ch) in known else "?" for ch in m.group()), source)


def compile_pdf(source: str, artifact_dir: Path, *, timeout: float = 120) -> bytes:
    """Compile ``source`` to PDF/UA-1 in a fresh child process and return the bytes (see :func:`compile_pdfs`)."""
    return compile_pdfs([source], artifact_dir, timeout=timeout)[0]


def compile_pdfs(sources: list[str], artifact_dir: Path, *, timeout: float = 120) -> list[bytes]:
    """Compile each of ``sources`` to PDF/UA-1 in one fresh child process and return the PDFs in order.

    A report and its technical supplement share the child: two compiles stay far below the memory that
    makes one child per report necessary (tens of MB per compile), and the child starts once. The build
    folder holds the documents, the template and a copy of the artifact folder's ``charts/`` (the documents
    name charts as ``/charts/<id>.png``, relative to the build folder, Typst's root).

    Raises
    ------
    ReportError
        ``reason=pdf_failed`` with Typst's message (which quotes template code, never data values).
    """
    with tempfile.TemporaryDirectory(prefix="evalkit-typst-") as tmp:
        build = Path(tmp)
        shutil.copy(TEMPLATE, build / "evalkit.typ")
        charts = Path(artifact_dir) / "charts"
        if charts.is_dir():
            shutil.copytree(charts, build / "charts")
        names = [f"doc{i}" for i in range(len(sources))]
        for name, source in zip(names, sources):
            (build / f"{name}.typ").write_text(source, encoding="utf-8")
        # the child imports typst only (not evalkit): its start is part of every report's time
        try:
            done = subprocess.run([sys.executable, "-c", _CHILD, str(build), str(FONT_DIR), *names],
                                  capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise ReportError(f"the PDF was not compiled within {timeout:g} s", reason=ReportReason.pdf_failed,
                              hint="a very long report or a loaded machine: render again with --no-pdf, or "
                                   "report it with the report's size") from None
        if done.returncode != 0:
            message = (done.stderr.strip().splitlines() or ["(no message)"])[-1][:500]
            raise ReportError(f"the PDF could not be compiled with Typst: {message}",
                              reason=ReportReason.pdf_failed,
                              hint="a bug in evalkit's report template or markup; please report it with this "
                                   "message. Render with --no-pdf to get the HTML meanwhile")
        # Typst tags column headers; the row headers (each table's first column) are ours to add. Imported
        # here: pikepdf costs about 50 ms to import, paid only by a process that prints a PDF
        from evalkit.report._pdf_tags import mark_row_headers

        return [mark_row_headers((build / f"{name}.pdf").read_bytes())[0] for name in names]


#: The child process: compile each ``<build>/<name>.typ`` named on its command line to ``<build>/<name>.pdf``
#: (PDF/UA-1, the bundled fonts only). On failure its last stderr line is Typst's message, which the parent reports.
_CHILD = """
import sys
build, fonts, names = sys.argv[1], sys.argv[2], sys.argv[3:]
try:
    import typst
    for name in names:
        pdf = typst.compile(build + "/" + name + ".typ", root=build, font_paths=[fonts], ignore_system_fonts=True,
                            pdf_standards=["ua-1"])
        open(build + "/" + name + ".pdf", "wb").write(pdf)
except Exception as exc:
    print(type(exc).__name__, file=sys.stderr)
    print(str(exc).replace(chr(10), " "), file=sys.stderr)
    sys.exit(1)
"""
