"""A small, valid example artifact folder, shared by doctests, tests and anyone trying the notebook.

The numbers are invented; the folder follows schema ``evalkit.artifacts/2`` exactly (see
``docs/artifacts.md``) and includes one suppressed cell, one pending section and text that needs
HTML escaping, so it exercises every branch of the display helpers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from evalkit._io import atomic_write_text

__all__ = ["example_facts", "write_example_artifacts"]

_TABLES = {
    "ratings": (
        "Session,n,Mean rating,SD\n"
        "Orientation <retreat>,38,4.6,0.5\n"
        "Coaching & feedback,fewer than 10,fewer than 10,\n"
        "Data inquiry,31,4.1,0.8\n"
    ),
    "completion": (
        "Role,Enrolled,Completed,Completed (%)\n"
        "Principal,27,24,89%\n"
        "Assistant principal,21,18,86%\n"
    ),
}


def example_facts() -> dict[str, Any]:
    """The content of the example ``facts.json`` as a dict (a fresh copy each call)."""
    return {
        "schema": "evalkit.artifacts/2",
        "project": "demo",
        "program": "LLF",
        "program_name": "Leading Learning Fellows",
        "cadre": "A",
        "cohort": "2025",
        "data_as_of": "2026-06-30",
        "release_id": "demo-2026-06-30-a",
        "evalkit_version": "0.1.0",
        "n_min": 10,
        "generated_by": "evalkit example artifacts",
        "headline": [
            {"label": "Fellows who completed the program", "value": "42"},
            {"label": "Rated the sessions useful", "value": "88%"},
        ],
        "sections": [
            {"id": "reactions", "title": "How fellows rated the program", "guskey_level": 1,
             "status": "ready", "pending_reason": None,
             "text": "Fellows rated each session on a five-point scale.\n\n"
                     "Most sessions were rated highly; one session had too few ratings to report.",
             "tables": ["ratings", "completion"], "part": "report"},
            {"id": "students", "title": "Student outcomes", "guskey_level": 5, "status": "pending",
             "pending_reason": "state assessment results are released in October 2026",
             "text": None, "tables": [], "part": "report"},
        ],
        "tables": {
            "ratings": {"title": "Session ratings", "file": "tables/ratings.csv",
                        "note": "Means on a 1-5 scale; higher is better.", "guskey_level": 1},
            "completion": {"title": "Completion by role", "file": "tables/completion.csv",
                           "note": None, "guskey_level": None},
        },
        "provenance": {
            "inputs": [{"file": "survey_export.csv", "sha256": "0" * 63 + "1"}],
            "parameters": {"n_min": 10, "scales": ["useful", "relevant"]},
        },
    }


def write_example_artifacts(dest: str | Path, *, facts: dict[str, Any] | None = None) -> Path:
    """Write the example artifact folder to ``dest`` (created if needed) and return its path.

    Parameters
    ----------
    dest : str or Path
        The folder to write ``facts.json`` and ``tables/`` into.
    facts : dict, optional
        A replacement ``facts.json`` content (e.g. a modified :func:`example_facts`), for tests.

    Returns
    -------
    Path
        ``dest``.

    Examples
    --------
    >>> import tempfile
    >>> from evalkit.report.artifacts import load_facts
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     facts = load_facts(write_example_artifacts(tmp))
    >>> facts.cadre, [s.id for s in facts.sections]
    ('A', ['reactions', 'students'])
    """
    folder = Path(dest)
    for table_id, text in _TABLES.items():
        atomic_write_text(folder / "tables" / f"{table_id}.csv", text)
    content = example_facts() if facts is None else facts
    atomic_write_text(folder / "facts.json", json.dumps(content, indent=2, ensure_ascii=False) + "\n")
    return folder
