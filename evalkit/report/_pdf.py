"""HTML → PDF with WeasyPrint, offline, with evalkit's bundled fonts.

Kept apart from render.py so the one place that touches WeasyPrint is small: the import that may
fail (no Pango), the URL policy (nothing is fetched from the network) and the PDF call.
"""

from __future__ import annotations

import contextlib
import logging
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = ["html_to_pdf", "FONT_DIR"]

log = logging.getLogger(__name__)

#: The bundled fonts: the only files a report may load besides ``data:`` URLs.
FONT_DIR = Path(__file__).resolve().parent / "fonts"


class _LocalOnly:
    """URL policy for WeasyPrint: embedded ``data:`` URLs and the bundled fonts, nothing else.

    A notebook output could reference an image on the web; rendering must never reach out.
    """

    @staticmethod
    def check(url: str) -> None:
        parsed = urllib.parse.urlsplit(url)
        if parsed.scheme == "data":
            return
        if parsed.scheme == "file":
            path = Path(urllib.request.url2pathname(parsed.path)).resolve()
            if path.is_relative_to(FONT_DIR):
                return
        raise ValueError(f"evalkit renders offline and does not load {url[:80]!r}")


def _url_fetcher(weasyprint: Any) -> Any:
    if hasattr(weasyprint, "URLFetcher"):  # recent WeasyPrint (70 here): a fetcher class
        class Fetcher(weasyprint.URLFetcher):  # type: ignore[misc, name-defined]
            def fetch(self, url: str, headers: Any = None) -> Any:
                _LocalOnly.check(url)
                return super().fetch(url, headers)

        return Fetcher()

    def fetcher(url: str, *args: Any, **kwargs: Any) -> Any:  # older WeasyPrint: a function
        _LocalOnly.check(url)
        return weasyprint.default_url_fetcher(url, *args, **kwargs)

    return fetcher


#: The bundled faces: (file, font-style, font-weight). Declared for WeasyPrint only (see _font_faces).
_FACES = (("Lato-Regular.ttf", "normal", 400), ("Lato-Bold.ttf", "normal", 700),
          ("Lato-Italic.ttf", "italic", 400))


def _font_faces() -> str:
    """``@font-face`` rules for the bundled Lato, by absolute ``file:`` URL.

    They live here rather than in the report's stylesheet so that ``report.html`` references no
    file: opened from a report folder, relative font URLs would fail to load (a console error in
    every browser), and absolute ones would point into this machine's site-packages.
    """
    return "\n".join(
        f'@font-face {{ font-family: "Lato"; font-style: {style}; font-weight: {weight}; '
        f'src: url("{(FONT_DIR / name).as_uri()}") format("truetype"); }}'
        for name, style, weight in _FACES)


class _DropFontTimestampNotice(logging.Filter):
    """Hide fontTools' notice that Lato's ``head.created`` is a Unix timestamp (harmless, per page)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "timestamp seems very low" not in record.getMessage()


@contextlib.contextmanager
def _quiet_font_timestamps() -> Iterator[None]:
    # Scoped to the PDF call and to one logger, so no global logging state changes.
    logger = logging.getLogger("fontTools.ttLib.tables._h_e_a_d")
    noise = _DropFontTimestampNotice()
    logger.addFilter(noise)
    try:
        yield
    finally:
        logger.removeFilter(noise)


def html_to_pdf(html_text: str, *, base_dir: Path) -> tuple[bytes | None, str | None]:
    """Print ``html_text`` to PDF bytes with WeasyPrint, or say why that is impossible here.

    Parameters
    ----------
    html_text : str
        A complete HTML document (the report template's output).
    base_dir : Path
        Folder that relative URLs resolve against (the report itself uses none).

    Returns
    -------
    (bytes or None, str or None)
        The PDF and None; or None and the reason when WeasyPrint cannot be imported or its system
        libraries (Pango) are missing. Any other WeasyPrint error propagates: that is a bug.

    Notes
    -----
    The bundled Lato is added as a user stylesheet of ``@font-face`` rules, so it is embedded
    (subset) in every PDF. Only ``data:`` URLs and files under :data:`FONT_DIR` are loaded; any
    other URL (a web image in a notebook output, say) is refused and WeasyPrint logs a warning
    and leaves it out.
    ``<meta>`` tags become PDF document information (``custom_metadata=True``); the ``<title>``
    and ``lang`` of the document become its title and language. The PDF is tagged for
    accessibility and asks viewers to show its title.
    """
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: Pango/GObject shared libraries not found
        reason = f"WeasyPrint is not usable here ({type(exc).__name__}: {exc}); run `evalkit doctor`"
        log.warning("report: no PDF: %s", reason)
        return None, reason
    from weasyprint.text.fonts import FontConfiguration

    fetcher = _url_fetcher(weasyprint)
    font_config = FontConfiguration()
    fonts = weasyprint.CSS(string=_font_faces(), font_config=font_config, url_fetcher=fetcher)
    document = weasyprint.HTML(string=html_text, base_url=base_dir.as_uri() + "/", url_fetcher=fetcher)
    with _quiet_font_timestamps():
        # pdf_tags (WeasyPrint >= 61; evalkit requires >= 62): the structure tree screen readers use.
        return document.write_pdf(stylesheets=[fonts], font_config=font_config, custom_metadata=True,
                                  pdf_tags=True, finisher=_show_title), None


def _show_title(document: Any, pdf: Any) -> None:
    """Finisher: viewers show the document title, not the file name (PDF/UA, WCAG PDF18).

    Also drops the ``viewport`` entry that ``custom_metadata`` copies from the HTML head: it
    is for phones reading the HTML, not provenance.
    """
    import pydyf

    pdf.info.pop("viewport", None)
    prefs = pdf.catalog.get("ViewerPreferences")
    if not isinstance(prefs, pydyf.Dictionary):
        prefs = pdf.catalog["ViewerPreferences"] = pydyf.Dictionary()
    prefs["DisplayDocTitle"] = "true"
