"""Write a report unit's artifact folder: protected tables, the disclosure log, charts and ``facts.json``.

Every report kind (the cadre report, the survey report, the kinds to come) builds its figures through one
:class:`~evalkit.disclose.Bundle` and then hands the protected bundle here, so the folder's layout and the
``facts.json`` contract (``docs/artifacts.md``) are written in one place.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import evalkit

from evalkit._io import atomic_write_text
from evalkit.disclose import ProtectedBundle, ProtectedTable, require_protected
from evalkit.report import appendix
from evalkit.report.facts_model import SCHEMA, validate_facts

if TYPE_CHECKING:  # pragma: no cover
    from evalkit.config import ProjectConfig
    from evalkit.disclose import DisclosurePolicy
    from evalkit.processed import ProcessedData
    from evalkit.report.charts import Chart

__all__ = ["Sections", "write_tables", "save_charts", "write_facts"]


class _Tables:
    """Writes protected tables as text-only CSV files and remembers their specs (accepts nothing else)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.specs: dict[str, dict[str, Any]] = {}

    def add(self, table: ProtectedTable) -> str:
        require_protected(table, "the report's table writer")
        file = f"tables/{table.table_id}.csv"
        table.to_csv(self.folder / file)
        self.specs[table.table_id] = table.spec(file)
        return table.table_id


def write_tables(out_dir: Path, plain: Sequence[ProtectedTable], protected: ProtectedBundle
                 ) -> tuple[dict[str, ProtectedTable], dict[str, dict[str, Any]]]:
    """Rebuild ``out_dir`` from scratch with every table and the disclosure log (as a file and a table).

    Returns the tables by id (pass-through and protected, with the disclosure-log table) and their specs.
    """
    if out_dir.exists():
        shutil.rmtree(out_dir)
    (out_dir / "tables").mkdir(parents=True)
    tables = _Tables(out_dir)
    for t in [*plain, *protected.tables.values()]:
        tables.add(t)
    protected.write_log(out_dir)
    by_id = {**{t.table_id: t for t in plain}, **protected.tables}
    log_table = appendix.disclosure_log(protected.log, {k: v.title for k, v in by_id.items()})
    tables.add(log_table)
    by_id[log_table.table_id] = log_table
    return by_id, tables.specs


def save_charts(plan: Sequence[tuple[str, str, Callable[[], Chart]]], out_dir: Path) -> dict[str, dict[str, str]]:
    """Draw each planned chart (id, section, maker) and save it as PNG and SVG with its alt text."""
    from evalkit.report import charts as ch

    out: dict[str, dict[str, str]] = {}
    for cid, sid, make in plan:
        chart = make()
        saved = ch.save_chart(chart, out_dir / "charts", cid)
        out[cid] = {"png": f"charts/{cid}.png", "svg": f"charts/{cid}.svg", "alt": saved["alt"],
                    "title": chart.title, "section": sid}
    return out


@dataclass
class Sections:
    """The report's sections in order, as ``facts.json`` lists them."""

    items: list[dict[str, Any]] = field(default_factory=list)

    def add(self, sid: str, title: str, level: int | None, text: str | None, table_ids: Sequence[str],
            pending: str | None = None, part: str = "report") -> None:
        self.items.append({"id": sid, "title": title, "guskey_level": level,
                           "status": "pending" if pending else "ready", "pending_reason": pending,
                           "text": text, "tables": list(table_ids), "part": part})


def write_facts(out_dir: Path, *, cfg: ProjectConfig, store: ProcessedData, program: str, program_name: str,
                unit: str, cohort: str, release_id: str, as_of: str, policy: DisclosurePolicy,
                protected: ProtectedBundle, headline: list[dict[str, str]], sections: Sections,
                specs: dict[str, dict[str, Any]], charts: dict[str, dict[str, str]], generated_by: str) -> Path:
    """Write ``facts.json`` (schema :data:`~evalkit.report.artifacts.SCHEMA`) for one unit.

    The content is validated as a :class:`~evalkit.report.facts_model.Facts`, the model
    :func:`~evalkit.report.artifacts.load_facts` reads it with (the table files written by
    :func:`write_tables` must already be in ``out_dir``), and written with ``model_dump_json``.

    Raises
    ------
    ReportError
        ``reason=bad_artifacts``, listing every problem with its key path, if the content breaks
        the contract; nothing is written then.
    """
    inputs = sorted({(i["file"], i["sha256"]) for i in store.provenance.get("inputs", [])})
    log = protected.log_dict()
    facts = {
        "schema": SCHEMA, "project": cfg.project.project, "program": program, "program_name": program_name,
        "cadre": unit, "cohort": cohort, "data_as_of": as_of, "release_id": release_id,
        "evalkit_version": evalkit.__version__, "n_min": policy.n_min, "generated_by": generated_by,
        "headline": headline, "sections": sections.items, "tables": specs,
        "provenance": {"inputs": [{"file": f, "sha256": h} for f, h in inputs],
                       "parameters": {"key_fingerprint": store.provenance.get("key_fingerprint"),
                                      "privacy": policy.to_dict(),
                                      "cleaning": cfg.project.cleaning.model_dump(mode="json")}},
        "charts": charts,
        "disclosure": {"policy": policy.describe(), "cells": log["cells"], "hidden": log["hidden"],
                       "coded": log.get("coded", 0), "share_hidden": log["share_hidden"], "lp_solves": log["audit"]["lp_solves"],
                       "log_file": "disclosure_log.json"},
    }
    model = validate_facts(facts, out_dir, writing=True)
    return atomic_write_text(out_dir / "facts.json", model.model_dump_json(indent=1, by_alias=True))


def sections_from(decisions: Sequence[Any], kind: str, tables_of: Mapping[str, Sequence[str]], tables: Mapping[str, Any],
                  ctx: Mapping[str, Any], *, leave_out: Sequence[str] = (), keep_in: str = "appendix_items") -> Sections:
    """The report's sections from a plan (:func:`evalkit.report.sections.plan`): each included section with its
    prose (``templates/prose/<kind>/<id>.j2``) and the tables ``tables_of`` names that exist, less ``leave_out``
    (tables a chart draws, or whose every figure is withheld), which stay only in ``keep_in``."""
    from evalkit.report.prose import render_prose

    out = Sections()
    gone = set(leave_out)
    for d in decisions:
        if not d.included:
            continue
        sid = d.spec.id
        ids = [i for i in tables_of.get(sid, []) if i in tables and (sid == keep_in or i not in gone)]
        out.add(sid, d.spec.title, d.spec.level, render_prose(kind, sid, **ctx) or None, ids, part=d.spec.part)
    return out

