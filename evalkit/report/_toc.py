"""Table of contents for the printed report (filled in by the PDF work of issue [5/5])."""

from __future__ import annotations

__all__ = ["add_toc"]


def add_toc(html: str) -> str:
    """Return the report HTML with a table of contents; for now, unchanged."""
    return html
