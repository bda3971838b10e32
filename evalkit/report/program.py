"""The program-level summary: a program's cadres side by side, in one table (issue [3/9]).

A funder who pays for a program reads its cadres' reports one by one; this bundle puts their key figures in
one table. It releases nothing new: every cell is a figure **as the cadre's own report published it** (read
back from that bundle's ``tables/*.csv``, after its suppression and audit), or a dash where the cadre's report
has no such figure. Nothing is pooled or computed across cadres, so no total can be set against a cadre to
give back a hidden figure; the bundle still goes through the same audit as every report.

The folder is an ordinary artifact folder (``facts.json``, ``tables/``, ``disclosure_log.json``) for a
whole-program unit (``cadre`` equal to the program id), rendered with the same notebook as a cadre's report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from evalkit.config import ProjectConfig
from evalkit.disclose import Bundle, DisclosurePolicy, ProtectedBundle
from evalkit.disclose.protected import passthrough
from evalkit.processed import ProcessedData
from evalkit.report.artifacts import load_facts, read_table
from evalkit.report.writer import Sections, write_facts, write_tables

__all__ = ["CadreBundle", "program_rows", "build_program_artifacts", "DASH"]

#: A figure the cadre's report does not have (not collected, or no such item there).
DASH = "\u2014"


@dataclass(frozen=True)
class CadreBundle:
    """One cadre whose report was rendered and passed the audit: its id and artifact folder."""

    cadre: str
    artifact_dir: Path


def program_rows(cadres: Sequence[CadreBundle]) -> pd.DataFrame:
    """The side-by-side table: one row per figure, one column per cadre, every cell a published text.

    Rows: active participants, participating schools, events held, matched pre/post respondents and their
    share of the active participants, the all-events share agreeing with the first evaluation item and the
    Net Promoter Score, each matched pre/post change (g_av with its 95% CI) and each staff topic's change
    in points (with its school-clustered 95% CI). A figure a cadre's report lacks reads as a dash.

    Examples
    --------
    >>> program_rows([]).columns.tolist()
    ['Figure']
    """
    tables: dict[tuple[Path, str], tuple[list[str], list[list[str]]] | None] = {}

    def table(c: CadreBundle, tid: str) -> tuple[list[str], list[list[str]]] | None:
        # each cadre's published table read once, however many rows of the summary quote it
        if (c.artifact_dir, tid) not in tables:
            found = (c.artifact_dir / "tables" / f"{tid}.csv").is_file()
            tables[(c.artifact_dir, tid)] = read_table(c.artifact_dir, tid) if found else None
        return tables[(c.artifact_dir, tid)]

    def cell(c: CadreBundle, tid: str, row: str, column: str) -> str | None:
        got = table(c, tid)
        if got is None or column not in got[0]:
            return None
        j = got[0].index(column)
        return next((r[j] for r in got[1] if r and r[0] == row), None)

    def rows_of(tid: str) -> list[str]:
        return list(dict.fromkeys(r[0] for c in cadres for r in (table(c, tid) or ([], []))[1] if r))

    def with_interval(tid: str, row: str, estimate: str, low: str, high: str):  # noqa: ANN202
        def get(c: CadreBundle) -> str | None:
            est, lo, hi = (cell(c, tid, row, col) for col in (estimate, low, high))
            if est is None:
                return None
            # an interval whose limit is withheld ("not shown") is left out, the estimate stays
            return f"{est} ({lo} to {hi})" if lo and hi and lo[-1:].isdigit() and hi[-1:].isdigit() else est
        return get

    headlines = {c.cadre: {h.label: h.value for h in load_facts(c.artifact_dir).headline} for c in cadres}
    lines: list[tuple[str, dict[str, str | None]]] = []

    def add(label: str, get) -> None:  # noqa: ANN001 - a small local reader
        values = {c.cadre: get(c) for c in cadres}
        if any(v is not None for v in values.values()):
            lines.append((label, values))

    for label, key in (("Active participants", "Participants"), ("Participating schools", "Participating schools"),
                       ("Events held", "Events held")):
        add(label, lambda c, key=key: headlines[c.cadre].get(key))
    add("Matched pre and post respondents",
        lambda c: cell(c, "participant_responses", "Matched pre and post", "Respondents"))
    add("Matched, % of active participants",
        lambda c: cell(c, "participant_responses", "Matched pre and post", "% of active participants"))
    first_item = next((got[0][2] for c in cadres if (got := table(c, "event_ratings")) and len(got[0]) > 2), None)
    if first_item:
        add(f"Event evaluations: \u201c{first_item}\u201d, % agreeing (all events)",
            lambda c: cell(c, "event_ratings", "All events", first_item))
    add("Net Promoter Score (all events)", lambda c: cell(c, "event_nps", "All events", "NPS"))
    for tid, what in (("prepost_learning", "Learning"), ("prepost_use", "Practice")):
        for row in (r for r in rows_of(tid) if r.endswith("after vs before")):
            add(f"{what}: {row.removesuffix(': after vs before')}, g_av (95% CI)",
                with_interval(tid, row, "g_av", "CI low", "CI high"))
    for row in rows_of("staff_favorable"):
        add(f"Staff survey: {row}, change in % favorable (95% CI)",
            with_interval("staff_favorable", row, "Change (points)", "Change CI low", "Change CI high"))
    frame = pd.DataFrame({"Figure": [label for label, _ in lines]})
    for c in cadres:
        frame[f"Cadre {c.cadre}"] = [values[c.cadre] if values[c.cadre] is not None else DASH for _, values in lines]
    return frame


def build_program_artifacts(cfg: ProjectConfig, store: ProcessedData, program: str, cohort: str,
                            cadres: Sequence[CadreBundle], out_dir: Path) -> tuple[Path, ProtectedBundle]:
    """Write the program-level artifact folder for ``program`` from its audited cadre bundles.

    Returns the folder and the (empty) protected bundle: the folder releases no figure of its own.
    """
    policy = DisclosurePolicy.from_config(cfg.project.privacy)
    spec = cfg.project.program(program)
    facts = [load_facts(c.artifact_dir) for c in cadres]
    as_of = max(f.data_as_of for f in facts).isoformat()
    release_id = f"{cfg.project.project}-{program}-{cohort}-program-{as_of}".replace("_", "-")
    protected = Bundle(policy, release_id=release_id, unit=f"{cfg.project.project}/{program}/{cohort}/program").protect()
    table = passthrough("cadres", "The cadres side by side", program_rows(cadres),
                        note="Each figure as the cadre's own report publishes it, after that report's privacy rule "
                             "and audit; a dash: the cadre's report has no such figure. Nothing is pooled across "
                             "cadres. Changes are self-reported by participants (g_av) or are staff surveys' "
                             "repeated cross-sections (points).")
    _, specs = write_tables(Path(out_dir), [table], protected)
    sections = Sections()
    sections.add("overview", "The cadres side by side", None,
                 f"This summary sets the {len(cadres)} cadres of {spec.name}, cohort {cohort}, side by side. Each "
                 "figure is the one the cadre's own report publishes; read each cadre's report for what it means and "
                 "how sure it is. The cadres differ in their schools, participants and schedules, so a difference "
                 "between two cadres is not an effect of anything the program did differently.", ["cadres"])
    sections.add("appendix_disclosure", "Disclosure log", None,
                 "This summary releases no figure of its own: every figure comes from a cadre's report, where the "
                 "privacy rule and its audit were applied.", [], part="supplement")
    headline = [{"label": "Cadres", "value": str(len(cadres))}]
    write_facts(Path(out_dir), cfg=cfg, store=store, program=program, program_name=spec.name, unit=program,
                cohort=cohort, release_id=release_id, as_of=as_of, policy=policy, protected=protected,
                headline=headline, sections=sections, specs=specs, charts={},
                generated_by="evalkit.report.program")
    return Path(out_dir), protected
