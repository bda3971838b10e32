"""Build one cadre's artifact folder: protected tables, a disclosure log and ``facts.json``.

Every figure about people goes through one :class:`evalkit.disclose.Bundle`, so the whole report is
protected together: small groups are pooled or hidden, complementary suppression is chosen by the
attacker audit across all tables and the release ledger, and only :class:`ProtectedTable` s are
written. Program facts that describe no person (the logic model, the event schedule, hours offered)
are written as pass-through tables. Nothing person-level leaves this module: no names, no e-mails,
no school names; schools appear only by code, and only when at least ``n_min`` staff answered.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

import evalkit
from evalkit._io import atomic_write_text
from evalkit.config import ProjectConfig
from evalkit.disclose import Bundle, DisclosurePolicy, ProtectedBundle, ProtectedTable, require_protected
from evalkit.disclose.protected import passthrough
from evalkit.disclose.sentences import sentence
from evalkit.report import appendix, measures
from evalkit.report.artifacts import SCHEMA
from evalkit.report.inputs import MODALITY, ReportUnit, cadre_units, gather, role_label

if TYPE_CHECKING:  # pragma: no cover
    from evalkit.disclose import ReleaseLedger
    from evalkit.pipeline import CleanResult

__all__ = ["ReportUnit", "cadre_units", "build_cadre_artifacts"]


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


def build_cadre_artifacts(cfg: ProjectConfig, cleaned: CleanResult, unit: ReportUnit, out_dir: Path, *,
                          ledger: ReleaseLedger | None = None, allow_rerelease: str | None = None
                          ) -> tuple[Path, ProtectedBundle]:
    """Write ``out_dir/facts.json``, ``tables/`` and ``disclosure_log.json`` for one cadre.

    All person figures are protected together by one :class:`~evalkit.disclose.Bundle` (with the
    ledger's earlier releases); :class:`~evalkit.errors.DisclosureError` if the audit cannot pass, before
    anything is written. The folder is rebuilt from scratch, so no table of an earlier run lingers.
    Returns the folder and the protected bundle (for the ledger).
    """
    policy = DisclosurePolicy.from_config(cfg.project.privacy)
    n_min = policy.n_min
    out_dir = Path(out_dir)
    program = cfg.project.program(unit.program)
    data = gather(cfg, cleaned, unit)
    as_of = cfg.project.data_as_of.isoformat() if cfg.project.data_as_of else pd.Timestamp.now().date().isoformat()
    release_id = f"{cfg.project.project}-{unit.program}-{unit.cohort}-{unit.cadre}-{as_of}"
    b = Bundle(policy, release_id=release_id, unit=f"{cfg.project.project}/{unit.program}/{unit.cohort}/{unit.cadre}")
    plain: list[ProtectedTable] = []

    if len(data.roster):
        b.universe(f"{b.unit}/participants", data.roster.assign(role=data.roster["role"].map(role_label)), ["role"])
        b.counts("participants_by_role", f"{b.unit}/participants", rows="role", row_title="Role", title="Participants by role",
                 merge_small="Other roles", note=f"Active participants. Roles with fewer than {n_min} people are "
                 "combined into \u201cOther roles\u201d.")
    lm = program.logic_model
    lm_rows = [(label, "; ".join(items)) for label, items in (
        ("Inputs", lm.inputs), ("Activities", lm.activities), ("Outputs", lm.outputs),
        ("Short-term outcomes", lm.outcomes_short), ("Intermediate outcomes", lm.outcomes_intermediate),
        ("Long-term outcomes", lm.outcomes_long), ("Impact", lm.impact)) if items]
    if lm_rows:
        plain.append(passthrough("logic_model", "Logic model",
                                 pd.DataFrame(lm_rows, columns=["Component", "What it holds"])))
    ev = data.events
    if len(ev):
        plain.append(passthrough("events", "Events", pd.DataFrame({
            "Event": ev["event_id"].astype(str),
            "Date": pd.to_datetime(ev["event_date"]).dt.strftime("%Y-%m-%d"),
            "Modality": ev["event_type"].map(lambda v: MODALITY.get(v, str(v))),
            "Hours": ev["hours"].astype(str), "Topic": ev["topic"].astype(str)}), note="The program's schedule."))
        hours = pd.to_numeric(ev["hours"], errors="coerce")
        dos = ev.assign(h=hours).groupby("event_type")["h"].agg(["count", "sum"]).reset_index()
        plain.append(passthrough("dosage", "Dosage offered by modality", pd.DataFrame({
            "Modality": dos["event_type"].map(lambda v: MODALITY.get(v, str(v))),
            "Events": dos["count"].astype(int).astype(str), "Hours offered": dos["sum"].map(lambda v: f"{v:g}")}),
            note="Program schedule: events and hours offered, not attendance."))
        b.universe(f"{b.unit}/attendance", data.attendance, ["event"], categories={"event": ev["event_id"].astype(str)})
        b.counts("attendance_by_event", f"{b.unit}/attendance", rows="event", row_title="Event", title="Attendance by event",
                 count_title="Attendees", margins=False,
                 note="Registered participants of this cadre who signed in or joined online (facilitators and "
                      "guests not counted).")
    measures.participation(b, data, n_min)
    likert_order: list[str] = []
    if len(data.evals):
        measures.reactions(b, data, cfg)
        likert_order = measures.likert(b, data, cfg)
        plain += measures.comments(b, data, cfg, cleaned, policy)
    if {"pre", "post"} <= set(data.waves):
        measures.prepost(b, data, cfg)
    if data.staff:
        measures.staff(b, data, cfg, n_min)
    measures.item_tables(b, data, cfg, n_min)
    measures.data_sources(b, data, cfg)
    measures.quality(b, cleaned, unit)
    used = [n for n in (data.participant_instrument,
                        next((n for n, i in cfg.codebook.instruments.items() if i.nps_item and i.nps_item in data.evals),
                             None) if len(data.evals) else None,
                        next((n for n, i in cfg.codebook.instruments.items() if i.anonymous), None) if data.staff else None)
            if n]
    level_sources = {1: ["event evaluations"] if len(data.evals) else [],
                     2: ["participant pre/post survey"] if data.waves else [],
                     3: ["anonymous staff survey"] if data.staff else [],
                     4: ["participant pre/post survey (practice items)", "event evaluations (intent to apply)"]
                     if data.waves else [], 5: []}
    plain += [appendix.evaluation_questions(program.guskey_levels or [1, 2, 3, 4, 5], level_sources),
              appendix.methods(), appendix.software(), *appendix.instruments(cfg, used), appendix.glossary()]

    protected = b.protect(ledger=ledger, allow_rerelease=allow_rerelease)

    if out_dir.exists():
        shutil.rmtree(out_dir)
    (out_dir / "tables").mkdir(parents=True)
    tables = _Tables(out_dir)
    for t in [*plain, *protected.tables.values()]:
        tables.add(t)
    protected.write_log(out_dir)
    T = {**{t.table_id: t for t in plain}, **protected.tables}
    log_table = appendix.disclosure_log(protected.log, {k: v.title for k, v in T.items()})
    tables.add(log_table)
    T[log_table.table_id] = log_table
    charts = _charts(T, out_dir, likert_order)

    def have(*ids: str) -> list[str]:
        return [i for i in ids if i in T]

    sections: list[dict[str, Any]] = []

    def section(sid: str, title: str, level: int | None, text: str | None, table_ids: list[str],
                pending: str | None = None) -> None:
        sections.append({"id": sid, "title": title, "guskey_level": level,
                         "status": "pending" if pending else "ready", "pending_reason": pending,
                         "text": text, "tables": table_ids})

    findings = _findings(T)
    section("summary", "Executive summary", None, "\n\n".join(findings) if findings else
            "The figures of this cadre are below the privacy threshold for a written summary; see the tables.", [])
    section("program", f"{program.name}: cadre {unit.cadre}", None,
            f"This report covers cadre {unit.cadre} of the {program.name}, cohort {unit.cohort}. The logic model "
            "below sets out the program's planned work and intended results; the sections after it follow "
            "Guskey's five levels of professional-development evaluation.", have("logic_model", "participants_by_role"))
    section("questions", "Evaluation questions and data sources", None,
            "The evaluation asks one question at each of Guskey's levels that the program aims to reach, and "
            "answers it from the sources below. The response rates say how far each source speaks for the cadre.",
            have("evaluation_questions", "data_sources"))
    section("participation", "Participation and implementation", None,
            "Who took part, how much of the program was offered by modality, and how much of it participants "
            "received.", have("events", "attendance_by_event", "attendance_rates", "dosage", "dosage_attended"))
    ids = have("evaluations_by_event", "event_ratings", "event_item_answers", "event_nps", "comment_themes",
               *sorted(i for i in T if i.startswith("quotes_")))
    section("reactions", "Level 1: participants' reactions", 1,
            "Participants evaluated each event they attended. Percent favorable counts \u201cAgree\u201d and "
            "\u201cStrongly agree\u201d among those who answered the item (\u201cN/A\u201d is left out). The Net "
            "Promoter Score is the percent of promoters minus the percent of detractors. Comments are quoted only "
            "after names and contact details are removed, never when held for review, and only when at least "
            f"{policy.comment_threshold} were written.", ids,
            pending=None if ids else "event evaluations are not among this project's sources")
    ids = have("prepost_learning", "reliability")
    section("learning", "Level 2: participants' learning", 2,
            "Participants rated their science instructional leadership before and after the cadre, and looked back "
            "at their starting point in a retrospective-pre block on the post survey. Changes are computed only for "
            "people who answered both surveys (matched on a keyed pseudonym); the effect size is Hedges' g_av with "
            "a 95% confidence interval, and p values are adjusted across the scales with Benjamini-Hochberg. The "
            "retrospective pre is its own wave, never pooled with the pre survey; the difference between the two "
            "is the response shift.", ids,
            pending=None if ids else "no participant pre/post survey among this project's sources")
    ids = have("staff_responses", "staff_by_role", "staff_favorable")
    section("org_support", "Level 3: organizational support and change", 3,
            "Staff at participating schools answered an anonymous survey before and after the cadre year; it is "
            "reported in summary form only, pooled across schools. The two waves are repeated cross-sections of "
            "each school's staff, not the same people followed over time, so they describe change in the schools, "
            "not in individuals.", ids, pending=None if ids else "no staff survey among this project's sources")
    ids = have("prepost_use")
    section("use", "Level 4: participants' use of new knowledge and skills", 4,
            "Self-reported leadership practice and how often participants lead science-focused work, before and "
            "after the cadre (matched respondents).", ids,
            pending=None if ids else "no practice items among this project's sources")
    section("outcomes", "Level 5: student outcomes", 5, None, [],
            pending="no student-outcome source is linked to this program in the project file; school outcomes "
                    "are reported with the state-resources analyses")
    conclusions = _conclusions(T)
    section("conclusions", "Conclusions", None, "\n\n".join(conclusions) if conclusions else
            "The figures of this cadre are below the privacy threshold for written conclusions.", [])
    section("appendix_methods", "Appendix: methods and software", None,
            "The statistics behind every figure, with their formulas and sources, and the software that computed "
            "them. The privacy rules are set out in the methods section at the end.", have("methods", "software"))
    section("appendix_instruments", "Appendix: instruments", None,
            "The items as participants and staff saw them.", [i for i in T if i.startswith("instrument_")])
    section("appendix_items", "Appendix: item tables", None,
            "Percent favorable for every item, with the number of answers behind it.",
            have("items_participants", "items_staff"))
    section("appendix_disclosure", "Appendix: disclosure log", None,
            "Every figure hidden or coded by the privacy rules, and why. No hidden value is printed.",
            have("disclosure_log"))
    section("data_quality", "Appendix: data quality", None,
            "Every cleaning rule and what it found, across the program's sources, and how many participants "
            "answered both surveys. The full log, with file rows, is kept with the cleaned data.",
            have("data_quality", "participant_responses"))
    section("glossary", "Appendix: glossary", None, None, have("glossary"))

    headline = [{"label": "Participants", "value": T["participants_by_role"].text("Total", "n")
                 if "participants_by_role" in T else "none"},
                {"label": "Participating schools", "value": str(len(data.schools))},
                {"label": "Events held", "value": str(len(ev))}]
    if "participant_responses" in T:
        headline.append({"label": "Matched pre and post",
                         "value": T["participant_responses"].text("Matched pre and post", "Respondents")})
    inputs = sorted({(Path(r.source.path).name, r.source.sha256) for r in cleaned.raw.values()})
    log = protected.log_dict()
    facts = {
        "schema": SCHEMA, "project": cfg.project.project, "program": unit.program, "program_name": program.name,
        "cadre": unit.cadre, "cohort": unit.cohort, "data_as_of": as_of, "release_id": release_id,
        "evalkit_version": evalkit.__version__, "n_min": n_min, "generated_by": "evalkit.report.build",
        "headline": headline, "sections": sections, "tables": tables.specs,
        "provenance": {"inputs": [{"file": f, "sha256": h} for f, h in inputs],
                       "parameters": {"key_fingerprint": (getattr(cleaned, "provenance", None) or {}).get("key_fingerprint"),
                                      "privacy": policy.to_dict(),
                                      "cleaning": cfg.project.cleaning.model_dump(mode="json")}},
        "charts": charts,
        "disclosure": {"policy": policy.describe(), "cells": log["cells"], "hidden": log["hidden"],
                       "share_hidden": log["share_hidden"], "lp_solves": log["audit"]["lp_solves"],
                       "log_file": "disclosure_log.json"},
    }
    atomic_write_text(out_dir / "facts.json", json.dumps(facts, indent=1))
    return out_dir, protected


def _charts(T: dict[str, ProtectedTable], out_dir: Path, likert_order: list[str]) -> dict[str, dict[str, str]]:
    """Charts drawn from protected tables only, saved as PNG and SVG with their alt text."""
    from evalkit.report import charts as ch

    plan = []
    if "logic_model" in T:
        plan.append(("logic_model", "program", lambda: ch.logic_model_chart(T["logic_model"])))
    if "attendance_rates" in T:
        cols = [c for c in T["attendance_rates"].display.columns[2:]]
        plan.append(("attendance_heatmap", "participation", lambda: ch.heatmap_chart(
            T["attendance_rates"], cols, title="Attendance rate by role group and event")))
    if "attendance_by_event" in T:
        plan.append(("attendance", "participation", lambda: ch.bar_chart(
            T["attendance_by_event"], "Attendees", title="Attendance by event", xlabel="Registered attendees")))
    if "event_ratings" in T and len(T["event_ratings"].display.columns) > 2:
        col = T["event_ratings"].display.columns[2]
        plan.append(("ratings", "reactions", lambda: ch.bar_chart(
            T["event_ratings"], col, title=f"\u201c{col}\u201d: percent favorable by event",
            xlabel="Percent favorable", limits=(0, 100))))
    if "event_item_answers" in T and likert_order:
        plan.append(("event_answers", "reactions", lambda: ch.stacked_share_chart(
            T["event_item_answers"], likert_order, neutral=likert_order[len(likert_order) // 2],
            title="Event evaluations: answers by item (all events)")))
    if "event_nps" in T:
        plan.append(("nps", "reactions", lambda: ch.line_chart(
            T["event_nps"], "NPS", title="Net Promoter Score by event", ylabel="NPS", limits=(-100, 100),
            rows=[r for r in T["event_nps"].display.iloc[:, 0] if r != "All events"])))
    for tid, sid in (("prepost_learning", "learning"), ("prepost_use", "use")):
        if tid in T:
            plan.append((tid, sid, lambda tid=tid: ch.dumbbell_chart(
                T[tid], pre="Earlier mean", post="Later mean", title=T[tid].title, xlabel="Mean (1-5 scale)",
                limits=(1, 5))))
    if "staff_favorable" in T:
        plan.append(("staff", "org_support", lambda: ch.dumbbell_chart(
            T["staff_favorable"], pre="Pre % favorable", post="Post % favorable",
            title="Staff survey: percent favorable, before and after", xlabel="Percent favorable", limits=(0, 100))))
    out: dict[str, dict[str, str]] = {}
    for cid, sid, make in plan:
        chart = make()
        saved = ch.save_chart(chart, out_dir / "charts", cid)
        out[cid] = {"png": f"charts/{cid}.png", "svg": f"charts/{cid}.svg", "alt": saved["alt"],
                    "title": chart.title, "section": sid}
    return out


def _lower_first(text: str) -> str:
    """'My time was well spent' -> 'my time was well spent'; 'I will apply' stays."""
    return text if text[:2] in ("I ", "I'") else text[:1].lower() + text[1:]


def _conclusions(T: dict[str, ProtectedTable]) -> list[str]:
    """Conclusions by Guskey level, each from protected cells only (a hidden cell drops the sentence)."""
    out: list[str | None] = []
    if "event_ratings" in T and "All events" in set(T["event_ratings"].display.iloc[:, 0]):
        t = T["event_ratings"]
        cols = list(t.display.columns[2:])
        if cols:
            out.append(sentence("Reactions: across all events, " + ", ".join(
                "{c%d} agreed that \u201c%s\u201d" % (i, _lower_first(c)) for i, c in enumerate(cols)) + ".",
                **{f"c{i}": (t, "All events", c) for i, c in enumerate(cols)}))
    for tid, level in (("prepost_learning", "Learning"), ("prepost_use", "Use in practice")):
        if tid in T:
            t = T[tid]
            for row in t.display.iloc[:, 0]:
                if row.endswith("after vs before"):
                    lo, hi = t.shown(row, "CI low"), t.shown(row, "CI high")
                    if lo is None or hi is None:
                        continue
                    verdict = ("grew" if lo > 0 else "fell" if hi < 0 else
                               "changed by an amount the data cannot tell from zero")
                    out.append(sentence(f"{level}: {row.split(':')[0].lower()} {verdict} among matched "
                                        "participants (g_av {g}, 95% CI {lo} to {hi}).",
                                        g=(t, row, "g_av"), lo=(t, row, "CI low"), hi=(t, row, "CI high")))
    if "staff_favorable" in T:
        t = T["staff_favorable"]
        for row in t.display.iloc[:, 0]:
            out.append(sentence(f"Organizational support: staff favorable on {row.lower()} went from "
                                "{a} to {b} (repeated cross-sections).", a=(t, row, "Pre % favorable"),
                                b=(t, row, "Post % favorable")))
    return [s for s in out if s]


def _findings(T: dict[str, ProtectedTable]) -> list[str]:
    """Three to five plain sentences, each quoting only cells the rule left visible."""
    out: list[str | None] = []
    for tid in ("prepost_learning", "prepost_use"):
        if tid in T:
            t = T[tid]
            row = t.display.iloc[0, 0]
            out.append(sentence(row.split(":")[0] + ": the mean went from {a} to {b} (g_av {g}, 95% CI {lo} to "
                                "{hi}; matched n {n}).", a=(t, row, "Earlier mean"), b=(t, row, "Later mean"),
                                g=(t, row, "g_av"), lo=(t, row, "CI low"), hi=(t, row, "CI high"),
                                n=(t, row, "Matched n")))
    if "event_ratings" in T:
        t = T["event_ratings"]
        col = t.display.columns[2] if len(t.display.columns) > 2 else None
        if col:
            out.append(sentence("Across all events, {p} of evaluations agreed that \u201c" + _lower_first(col)
                                + "\u201d (n {n}).", p=(t, "All events", col), n=(t, "All events", "n")))
    if "event_nps" in T:
        t = T["event_nps"]
        out.append(sentence("The Net Promoter Score across events was {v} (95% CI {lo} to {hi}).",
                            v=(t, "All events", "NPS"), lo=(t, "All events", "CI low"), hi=(t, "All events", "CI high")))
    if "staff_favorable" in T:
        t = T["staff_favorable"]
        row = t.display.iloc[-1, 0]
        out.append(sentence("Staff at participating schools were {a} favorable on " + row.lower() + " before and {b} "
                            "after (repeated cross-sections).", a=(t, row, "Pre % favorable"),
                            b=(t, row, "Post % favorable")))
    return [s for s in out if s]


