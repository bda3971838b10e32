"""The report stage: display helpers for thin notebooks, and rendering to HTML and PDF.

The library computes and notebooks only display. A cadre's *artifact folder* (``facts.json`` and
small, already-suppressed tables; contract in ``docs/artifacts.md``) is read with
:func:`load_facts` and shown with the ``show_*`` helpers; :func:`render_report` runs a notebook
with papermill and turns it into ``report.html`` and ``report.pdf``; :func:`check_environment`
says whether this machine can do that.

Names are resolved lazily (PEP 562), so ``import evalkit.report`` inside a kernel costs almost
nothing: pandas is imported when a table is read, papermill/nbconvert only by
:func:`render_report`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from evalkit.report.artifacts import Facts, load_facts, load_table
    from evalkit.report.display import (
        show_cover,
        show_headline,
        show_methods_appendix,
        show_other_sections,
        show_section,
        show_supplement,
        table_html,
    )
    from evalkit.report.doctor import Check, check_environment
    from evalkit.report.render import RenderResult, render_report

_EXPORTS = {
    "Facts": "artifacts",
    "load_facts": "artifacts",
    "load_table": "artifacts",
    "table_html": "display",
    "show_cover": "display",
    "show_headline": "display",
    "show_section": "display",
    "show_methods_appendix": "display",
    "show_supplement": "display",
    "show_other_sections": "display",
    "render_report": "render",
    "RenderResult": "render",
    "check_environment": "doctor",
    "Check": "doctor",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'evalkit.report' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"evalkit.report.{module}"), name)
    globals()[name] = value  # cache: later look-ups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
