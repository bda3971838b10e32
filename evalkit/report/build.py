"""Build one cadre's artifact folder (``facts.json`` + ``tables/*.csv``) from the cleaned data.

This is the walking skeleton's report content: counts from the cleaned tables, each passed through
:func:`evalkit.disclose.protect_counts` / :func:`evalkit.disclose.format_count`, so no count under
``privacy.n_min`` (10) is ever written, and none can be rebuilt from a published total. Sections
whose analyses arrive with later stages (scale scores and effect sizes, ratings, the full
disclosure rule) are written as *pending* with the reason, so the report's structure is already
the final one. Nothing person-level leaves this module: no names, no e-mails, no school names.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

import evalkit
from evalkit._io import atomic_write_text
from evalkit.clean.quality import Action
from evalkit.config import ProgramKind, ProjectConfig, SourceKind
from evalkit.disclose import format_count, protect_counts
from evalkit.report.artifacts import SCHEMA

if TYPE_CHECKING:  # pragma: no cover
    from evalkit.clean.survey import CleanTable
    from evalkit.pipeline import CleanResult

__all__ = ["ReportUnit", "cadre_units", "build_cadre_artifacts"]

_ROLES = {"ap": "Assistant principal", "principal": "Principal", "teacher_leader": "Teacher leader", "coach": "Coach",
          "district_leader": "District leader"}
_DEFECTS = {"pii_in_free_text": "Personal data in free text", "name_noise": "Typed name differs from roster",
            "email_noise": "E-mail case or spacing", "non_substantive_code": "Don't know / N/A answers",
            "event_match_review": "Event name to review", "unmatched_roster": "Respondent not on roster",
            "no_consent": "No evaluation consent", "small_group": "Groups under the threshold",
            "wrong_event": "Evaluation names another cadre's event"}
_MODALITY = {"face_to_face": "Face-to-face", "virtual": "Virtual", "site_visit": "Site visit", "coaching": "Coaching",
             "network_meeting": "Network meeting", "working_group": "Working group"}


@dataclass(frozen=True)
class ReportUnit:
    """One report: a cadre of a cohort of a program."""

    program: str
    program_name: str
    cohort: str
    cadre: str


def cadre_units(cfg: ProjectConfig) -> list[ReportUnit]:
    """Every (program, cohort, cadre) of the project's cadre programs, in file order."""
    return [ReportUnit(p.id, p.name, c.id, cadre) for p in cfg.project.programs if p.kind == ProgramKind.cadre
            for c in p.cohorts for cadre in c.cadres]


class _Tables:
    """Collects display tables and writes them as text-only CSV files."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.specs: dict[str, dict[str, Any]] = {}

    def add(self, table_id: str, df: pd.DataFrame, *, title: str, note: str | None = None,
            level: int | None = None) -> str:
        atomic_write_text(self.folder / "tables" / f"{table_id}.csv", df.astype(str).to_csv(index=False))
        self.specs[table_id] = {"title": title, "file": f"tables/{table_id}.csv", "note": note, "guskey_level": level}
        return table_id


def _sources(cfg: ProjectConfig, cleaned: CleanResult, *, kind: SourceKind, program: str | None = None,
             instrument: str | None = None) -> list[CleanTable]:
    return [t for t in cleaned.tables.values() if t.source.kind == kind
            and (program is None or t.source.program in (None, program))
            and (instrument is None or t.source.instrument == instrument)]


def build_cadre_artifacts(cfg: ProjectConfig, cleaned: CleanResult, unit: ReportUnit, out_dir: Path) -> Path:
    """Write ``out_dir/facts.json`` and ``out_dir/tables/`` for one cadre; return ``out_dir``.

    The folder is rebuilt from scratch each time, so no table of an earlier run lingers.
    """
    n_min = cfg.project.privacy.n_min
    out_dir = Path(out_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    (out_dir / "tables").mkdir(parents=True)
    tables = _Tables(out_dir)
    program = cfg.project.program(unit.program)
    gate = lambda n: format_count(int(n), n_min=n_min)  # noqa: E731 - the one rule, spelled once

    roster_t = next(iter(_sources(cfg, cleaned, kind=SourceKind.roster)), None)
    events_t = next(iter(_sources(cfg, cleaned, kind=SourceKind.events)), None)
    roster = pd.DataFrame()
    if roster_t is not None and roster_t.source.cadre_column:
        r = roster_t.data
        roster = r[(r[roster_t.source.cadre_column] == unit.cadre) & ~r.get("withdrawn", False)]
    schools = set(roster["school_code"].dropna()) if "school_code" in roster else set()
    events = pd.DataFrame()
    if events_t is not None and events_t.source.cadre_column:
        e = events_t.data
        events = e[e[events_t.source.cadre_column] == unit.cadre].sort_values("event_date")

    sections: list[dict[str, Any]] = []

    def section(sid: str, title: str, level: int | None, text: str | None, table_ids: list[str],
                pending: str | None = None) -> None:
        sections.append({"id": sid, "title": title, "guskey_level": level,
                         "status": "pending" if pending else "ready", "pending_reason": pending,
                         "text": text, "tables": table_ids})

    # -- Program and cadre ----------------------------------------------------------------------
    lm = program.logic_model
    lm_rows = [(label, "; ".join(items)) for label, items in (
        ("Inputs", lm.inputs), ("Activities", lm.activities), ("Outputs", lm.outputs),
        ("Short-term outcomes", lm.outcomes_short), ("Intermediate outcomes", lm.outcomes_intermediate),
        ("Long-term outcomes", lm.outcomes_long), ("Impact", lm.impact)) if items]
    ids = []
    if lm_rows:
        ids.append(tables.add("logic_model", pd.DataFrame(lm_rows, columns=["Component", "What it holds"]),
                              title="Logic model"))
    if not roster.empty and "role" in roster:
        by_role = roster.groupby("role").size().rename("Participants").reset_index()
        by_role["role"] = by_role["role"].map(lambda v: _ROLES.get(str(v).casefold(), str(v).replace("_", " ").capitalize()))
        ids.append(tables.add("participants_by_role", protect_counts(
            by_role.rename(columns={"role": "Role"}), n_min=n_min, count_columns=["Participants"]),
            title="Participants by role", note=f"Active participants; counts under {n_min} are not shown."))
    section("program", f"{program.name}: cadre {unit.cadre}", None,
            f"This report covers cadre {unit.cadre} of the {program.name}, cohort {unit.cohort}. "
            "The logic model below sets out the program's planned work and intended results; the "
            "sections after it follow Guskey's five levels of professional-development evaluation.", ids)

    # -- Participation --------------------------------------------------------------------------
    ids = []
    if not events.empty:
        members = set(roster[roster_t.source.email_columns[0]].dropna()) if roster_t is not None and roster_t.source.email_columns else set()
        att = _attendance_by_event(cleaned, events, members)
        sched = pd.DataFrame({
            "Event": events["event_id"].astype(str),
            "Date": pd.to_datetime(events["event_date"]).dt.strftime("%Y-%m-%d"),
            "Modality": events["event_type"].map(lambda v: _MODALITY.get(v, str(v))),
            "Hours": events["hours"].astype(str),
            "Topic": events["topic"].astype(str),
            "Attendees": events["event_id"].map(lambda e: gate(att.get(e, 0))),
        })
        ids.append(tables.add("events", sched, title="Events and attendance",
                              note=f"Attendees: registered participants of this cadre who signed in or joined online "
                                   f"(facilitators and guests not counted); counts under {n_min} are not shown."))
        hours = pd.to_numeric(events["hours"], errors="coerce")
        dosage = (events.assign(h=hours).groupby("event_type")["h"].agg(["count", "sum"]).reset_index())
        dosage = pd.DataFrame({"Modality": dosage["event_type"].map(lambda v: _MODALITY.get(v, str(v))),
                               "Events": dosage["count"].astype(int).astype(str),
                               "Hours offered": dosage["sum"].map(lambda v: f"{v:g}")})
        ids.append(tables.add("dosage", dosage, title="Dosage offered by modality",
                              note="Program schedule: events and hours offered, not attendance."))
    section("participation", "Participation and implementation", None,
            "Who took part and how much of the program was offered, by modality.", ids)

    # -- Level 1: reactions ---------------------------------------------------------------------
    ids = []
    evals = [t for t in _sources(cfg, cleaned, kind=SourceKind.survey, program=unit.program)
             if t.source.wave == "event"]
    if evals and not events.empty:
        ev = pd.concat([t.data for t in evals])
        ok = ev[ev["event_id"].isin(events["event_id"]) & ~ev.get("wrong_event", False)]
        per = ok.groupby("event_id").size()
        table = pd.DataFrame({"Event": events["event_id"].astype(str),
                              "Evaluations": events["event_id"].map(lambda e: int(per.get(e, 0)))})
        ids.append(tables.add("evaluations_by_event", protect_counts(table, n_min=n_min, count_columns=["Evaluations"]),
                              title="Event evaluations received", level=1,
                              note="After cleaning; evaluations that named another cadre's event are left out."))
    section("reactions", "Level 1: participants' reactions", 1,
            "Participants evaluated each event they attended. Still to come: ratings, % favorable, the Net "
            "Promoter Score and comment themes, with the analysis and disclosure stages (issues 3/5 and 4/5).", ids,
            pending=None if ids else "event evaluations are not among this project's sources")

    # -- Level 2: learning ----------------------------------------------------------------------
    ids = []
    waves = {}
    for t in _sources(cfg, cleaned, kind=SourceKind.survey, program=unit.program):
        inst = cfg.codebook.instruments[t.source.instrument]
        if inst.anonymous or t.source.wave not in ("pre", "post"):
            continue
        cadre_col = "cadre_id" if "cadre_id" in t.data else None
        rows = t.data[t.data[cadre_col] == unit.cadre] if cadre_col else t.data.iloc[0:0]
        waves[t.source.wave] = rows
    if waves:
        person = "RecipientEmail"
        matched = 0
        if {"pre", "post"} <= set(waves) and all(person in w for w in waves.values()):
            matched = len(set(waves["pre"][person].dropna()) & set(waves["post"][person].dropna()))
        resp = pd.DataFrame({"Wave": ["Pre", "Post", "Matched pre and post"],
                             "Responses": [len(waves.get("pre", [])), len(waves.get("post", [])), matched]})
        ids.append(tables.add("participant_responses",
                              resp.assign(Responses=resp["Responses"].map(gate)),
                              title="Participant survey responses", level=2,
                              note="After cleaning (previews, partials, speeders, duplicates and withdrawn participants removed)."))
    section("learning", "Level 2: participants' learning", 2,
            "Participants rated their science instructional leadership before and after the cadre, and "
            "looked back at their starting point in a retrospective-pre block on the post survey. Still to "
            "come: scale scores, reliability and pre/post effect sizes with confidence intervals, with the "
            "analysis stage (issue 3/5).", ids,
            pending=None if ids else "no participant pre/post survey among this project's sources")

    # -- Level 3: organizational support (anonymous staff survey, summary only) ------------------
    ids = []
    staff = [t for t in _sources(cfg, cleaned, kind=SourceKind.survey, program=unit.program)
             if cfg.codebook.instruments[t.source.instrument].anonymous]
    if staff and schools:
        rows = []
        for t in staff:
            d = t.data[t.data["school_code"].isin(schools)] if "school_code" in t.data else t.data.iloc[0:0]
            sizes = d.groupby("school_code").size() if len(d) else pd.Series(dtype=int)
            rows.append({"Wave": t.source.wave.capitalize(), "Responses (all schools pooled)": gate(len(d)),
                         f"Schools with at least {n_min} responses": gate(int((sizes >= n_min).sum()))})
        ids.append(tables.add("staff_responses", pd.DataFrame(rows), title="Staff survey responses", level=3,
                              note="The staff survey is anonymous and reported in summary form only; "
                                   "schools with fewer responses than the threshold are pooled, never shown alone."))
    section("org_support", "Level 3: organizational support and change", 3,
            "Staff at participating schools answered an anonymous survey before and after the cadre year; it "
            "is reported in summary form only. Still to come: % favorable by topic, pre against post, with the "
            "analysis and disclosure stages (issues 3/5 and 4/5).", ids,
            pending=None if ids else "no staff survey among this project's sources")
    section("use", "Level 4: participants' use of new knowledge and skills", 4, None, [],
            pending="practice-frequency items and case-study vignettes arrive with the analysis stage (issue 3/5) "
                    "and redaction (issue 2/5)")
    section("outcomes", "Level 5: student outcomes", 5, None, [],
            pending="school outcome comparisons arrive with the analysis stage (issue 3/5)")

    # -- Appendix: data quality -----------------------------------------------------------------
    ids = []
    used = {t.source.id for t in cleaned.tables.values() if t.source.program in (unit.program, None)
            and t.source.kind in (SourceKind.survey, SourceKind.roster, SourceKind.events, SourceKind.attendance)}
    qlog = cleaned.log.to_frame()
    q = qlog[qlog["source"].isin(used) & qlog["defect"].notna()
             & ~qlog["action"].isin([Action.off.value, Action.not_applicable.value])]
    if not q.empty:
        agg = q.groupby(["defect", "action"], as_index=False)["count"].sum()
        agg = agg[agg["count"] > 0]
        agg["defect"] = agg["defect"].map(lambda d: _DEFECTS.get(d, d.replace("_", " ").capitalize()))
        table = agg.rename(columns={"defect": "Check", "action": "What was done", "count": "Rows or cells"})
        table["Rows or cells"] = table["Rows or cells"].map(gate)
        ids.append(tables.add("data_quality", table, title="Data-quality checks (all cadres of the program)",
                              note="From the cleaning stage's data-quality log; counts under the threshold are not shown."))
    section("data_quality", "Appendix: data quality", None,
            "Every cleaning rule and what it found, across the program's sources. The full log, with file "
            "rows, is kept with the cleaned data.", ids)

    n_active = len(roster)
    headline = [
        {"label": "Participants", "value": gate(n_active)},
        {"label": "Participating schools", "value": gate(len(schools))},
        {"label": "Events held", "value": str(len(events))},
    ]
    as_of = cfg.project.data_as_of.isoformat() if cfg.project.data_as_of else pd.Timestamp.now().date().isoformat()
    inputs = sorted({(Path(r.source.path).name, r.source.sha256) for r in cleaned.raw.values()})
    facts = {
        "schema": SCHEMA,
        "project": cfg.project.project,
        "program": unit.program,
        "program_name": program.name,
        "cadre": unit.cadre,
        "cohort": unit.cohort,
        "data_as_of": as_of,
        "release_id": f"{cfg.project.project}-{unit.program}-{unit.cohort}-{unit.cadre}-{as_of}",
        "evalkit_version": evalkit.__version__,
        "n_min": n_min,
        "generated_by": "evalkit.report.build (walking skeleton: counts only)",
        "headline": headline,
        "sections": sections,
        "tables": tables.specs,
        "provenance": {"inputs": [{"file": f, "sha256": h} for f, h in inputs],
                       "parameters": {"n_min": n_min, "cleaning": cfg.project.cleaning.model_dump(mode="json")}},
    }
    atomic_write_text(out_dir / "facts.json", json.dumps(facts, indent=1))
    return out_dir


def _attendance_by_event(cleaned: CleanResult, events: pd.DataFrame, members: set[str]) -> dict[str, int]:
    """Distinct registered attendees per event from sign-in sheets and online join reports (present or partial)."""
    seen: dict[str, set[str]] = {}
    event_ids = set(events["event_id"])
    for t in cleaned.tables.values():
        if t.source.kind != SourceKind.attendance or not t.source.email_columns:
            continue
        d = t.data
        email = t.source.email_columns[0]
        ev_col = "event_id" if "event_id" in d else "event_id_matched" if "event_id_matched" in d else None
        if ev_col is None:
            continue
        if "status" in d:
            d = d[d["status"].astype("string").str.casefold().isin(["present", "partial"]).fillna(False)]
        for ev, who in d[[ev_col, email]].dropna().itertuples(index=False):
            if ev in event_ids and who in members:
                seen.setdefault(ev, set()).add(who)
    return {k: len(v) for k, v in seen.items()}
