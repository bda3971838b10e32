"""evalkit: survey exports from school-leadership programs → privacy-safe evaluation reports.

The package follows the flow ``ingest → clean → anonymize → analyze → disclose → report``;
each stage is a subpackage and depends only on the stages before it.

Subpackages and the few entry points a notebook needs load on first use (PEP 562, as scipy does),
so ``import evalkit as ek`` is cheap and ``ek.analyze.hedges_g(...)`` works without a second import:

>>> import evalkit as ek
>>> ek.analyze.hedges_g([5.0, 6.0, 7.0, 8.0], [4.0, 5.0, 5.0, 6.0]).method    # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import Any

try:
    __version__ = version("evalkit")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

#: Stages and ground floor, imported as ``ek.<name>`` on first use.
_SUBMODULES = frozenset({"ingest", "clean", "anonymize", "analyze", "disclose", "report", "config", "errors",
                         "processed"})
#: Entry points a notebook needs: name -> module that defines it.
_FUNCTIONS = {"load_processed": "evalkit.processed", "ProcessedData": "evalkit.processed",
              "load_project": "evalkit.config", "read_export": "evalkit.ingest"}

__all__ = ["__version__", *sorted(_SUBMODULES), *sorted(_FUNCTIONS)]


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    if name in _FUNCTIONS:
        value = getattr(importlib.import_module(_FUNCTIONS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
