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
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

import evalkit
from evalkit._io import atomic_write_text
from evalkit.clean.quality import Action
from evalkit.config import ProgramKind, ProjectConfig, SourceKind
from evalkit.disclose import Bundle, DisclosurePolicy, ProtectedBundle, ProtectedTable, require_protected
from evalkit.disclose.bundle import pool_small
from evalkit.disclose.protected import passthrough
from evalkit.disclose.sentences import sentence
from evalkit.report.artifacts import SCHEMA

if TYPE_CHECKING:  # pragma: no cover
    from evalkit.clean.survey import CleanTable
    from evalkit.disclose import ReleaseLedger
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


def _sources(cfg: ProjectConfig, cleaned: CleanResult, *, kind: SourceKind, program: str | None = None,
             instrument: str | None = None) -> list[CleanTable]:
    return [t for t in cleaned.tables.values() if t.source.kind == kind
            and (program is None or t.source.program in (None, program))
            and (instrument is None or t.source.instrument == instrument)]


def _role_label(v: Any) -> str:
    return _ROLES.get(str(v).casefold(), str(v).replace("_", " ").capitalize())


@dataclass
class _Inputs:
    """What one cadre's report is computed from (in memory only)."""

    roster: pd.DataFrame
    events: pd.DataFrame
    schools: set[str]
    attendance: pd.DataFrame          # one row per (event, registered attendee)
    evals: pd.DataFrame
    waves: dict[str, pd.DataFrame]    # participant survey rows of this cadre, by wave
    staff: dict[str, pd.DataFrame]    # staff survey rows of this cadre's schools, by wave


def _gather(cfg: ProjectConfig, cleaned: CleanResult, unit: ReportUnit) -> _Inputs:
    roster_t = next(iter(_sources(cfg, cleaned, kind=SourceKind.roster)), None)
    events_t = next(iter(_sources(cfg, cleaned, kind=SourceKind.events)), None)
    roster = pd.DataFrame(columns=["role"])
    if roster_t is not None and roster_t.source.cadre_column:
        r = roster_t.data
        roster = r[(r[roster_t.source.cadre_column] == unit.cadre) & ~r.get("withdrawn", False)]
    schools = set(roster["school_code"].dropna()) if "school_code" in roster else set()
    events = pd.DataFrame(columns=["event_id", "event_date", "event_type", "hours", "topic"])
    if events_t is not None and events_t.source.cadre_column:
        e = events_t.data
        events = e[e[events_t.source.cadre_column] == unit.cadre].sort_values("event_date")
    members = (set(roster[roster_t.source.email_columns[0]].dropna())
               if roster_t is not None and roster_t.source.email_columns and len(roster) else set())
    evals = pd.DataFrame()
    ev_tables = [t.data for t in _sources(cfg, cleaned, kind=SourceKind.survey, program=unit.program)
                 if t.source.wave == "event"]
    if ev_tables and len(events):
        ev = pd.concat(ev_tables)
        evals = ev[ev["event_id"].isin(events["event_id"]) & ~ev.get("wrong_event", False)]
    waves: dict[str, pd.DataFrame] = {}
    staff: dict[str, pd.DataFrame] = {}
    for t in _sources(cfg, cleaned, kind=SourceKind.survey, program=unit.program):
        if t.source.wave not in ("pre", "post"):
            continue
        if cfg.codebook.instruments[t.source.instrument].anonymous:
            d = t.data
            staff[t.source.wave] = d[d["school_code"].isin(schools)] if "school_code" in d else d.iloc[0:0]
        elif "cadre_id" in t.data:
            waves[t.source.wave] = t.data[t.data["cadre_id"] == unit.cadre]
    return _Inputs(roster, events, schools, _attendance(cleaned, events, members), evals, waves, staff)


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
    data = _gather(cfg, cleaned, unit)
    as_of = cfg.project.data_as_of.isoformat() if cfg.project.data_as_of else pd.Timestamp.now().date().isoformat()
    release_id = f"{cfg.project.project}-{unit.program}-{unit.cohort}-{unit.cadre}-{as_of}"
    b = Bundle(policy, release_id=release_id, unit=f"{cfg.project.project}/{unit.program}/{unit.cohort}/{unit.cadre}")
    plain: list[ProtectedTable] = []

    if len(data.roster):
        b.universe(f"{b.unit}/participants", data.roster.assign(role=data.roster["role"].map(_role_label)), ["role"])
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
            "Modality": ev["event_type"].map(lambda v: _MODALITY.get(v, str(v))),
            "Hours": ev["hours"].astype(str), "Topic": ev["topic"].astype(str)}), note="The program's schedule."))
        hours = pd.to_numeric(ev["hours"], errors="coerce")
        dos = ev.assign(h=hours).groupby("event_type")["h"].agg(["count", "sum"]).reset_index()
        plain.append(passthrough("dosage", "Dosage offered by modality", pd.DataFrame({
            "Modality": dos["event_type"].map(lambda v: _MODALITY.get(v, str(v))),
            "Events": dos["count"].astype(int).astype(str), "Hours offered": dos["sum"].map(lambda v: f"{v:g}")}),
            note="Program schedule: events and hours offered, not attendance."))
        b.universe(f"{b.unit}/attendance", data.attendance, ["event"], categories={"event": ev["event_id"].astype(str)})
        b.counts("attendance_by_event", f"{b.unit}/attendance", rows="event", row_title="Event", title="Attendance by event",
                 count_title="Attendees", margins=False,
                 note="Registered participants of this cadre who signed in or joined online (facilitators and "
                      "guests not counted).")
    if len(data.evals):
        _reactions(b, data, cfg)
    if {"pre", "post"} <= set(data.waves):
        _prepost(b, data, cfg)
    if data.staff:
        _staff(b, data, cfg, n_min)
    _quality(b, cleaned, unit)

    protected = b.protect(ledger=ledger, allow_rerelease=allow_rerelease)

    if out_dir.exists():
        shutil.rmtree(out_dir)
    (out_dir / "tables").mkdir(parents=True)
    tables = _Tables(out_dir)
    for t in [*plain, *protected.tables.values()]:
        tables.add(t)
    protected.write_log(out_dir)
    T = {**{t.table_id: t for t in plain}, **protected.tables}
    charts = _charts(T, out_dir)

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
    section("participation", "Participation and implementation", None,
            "Who took part and how much of the program was offered, by modality.",
            have("events", "dosage", "attendance_by_event"))
    ids = have("evaluations_by_event", "event_ratings", "event_nps")
    section("reactions", "Level 1: participants' reactions", 1,
            "Participants evaluated each event they attended. Percent favorable counts \u201cAgree\u201d and "
            "\u201cStrongly agree\u201d among those who answered the item (\u201cN/A\u201d is left out). The Net "
            "Promoter Score is the percent of promoters minus the percent of detractors.", ids,
            pending=None if ids else "event evaluations are not among this project's sources")
    ids = have("prepost_learning", "reliability")
    section("learning", "Level 2: participants' learning", 2,
            "Participants rated their science instructional leadership before and after the cadre, and looked back "
            "at their starting point in a retrospective-pre block on the post survey. Changes are computed only for "
            "people who answered both surveys (matched on a keyed pseudonym); the effect size is Hedges' g_av with "
            "a 95% confidence interval, and p values are adjusted across the scales with Benjamini-Hochberg.", ids,
            pending=None if ids else "no participant pre/post survey among this project's sources")
    ids = have("staff_responses", "staff_favorable")
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
            pending="school outcome comparisons arrive with the report stage (issue 5/5)")
    section("data_quality", "Appendix: data quality", None,
            "Every cleaning rule and what it found, across the program's sources. The full log, with file rows, is "
            "kept with the cleaned data.", have("data_quality", "participant_responses"))

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


def _reactions(b: Bundle, data: _Inputs, cfg: ProjectConfig) -> None:
    from evalkit.analyze import net_promoter_score, percent_favorable

    cb = cfg.codebook
    evals = data.evals.assign(event=data.evals["event_id"].astype(str))
    b.universe(f"{b.unit}/evaluations", evals, ["event"], categories={"event": data.events["event_id"].astype(str)})
    b.counts("evaluations_by_event", f"{b.unit}/evaluations", rows="event", row_title="Event", count_title="Evaluations",
             title="Event evaluations received", margins=False, level=1,
             note="After cleaning; evaluations that named another cadre's event are left out.")
    name = next((n for n, i in cb.instruments.items() if i.nps_item and i.nps_item in evals), None)
    if name is None:
        return
    inst = cb.instruments[name]
    items = [i for i, it in inst.items.items() if i in evals and i != inst.nps_item
             and set(cb.response_scales[it.scale].codes) == {1, 2, 3, 4, 5}
             and cb.response_scales[it.scale].codes.get(5, "").startswith("Strongly")]
    rows, nps_rows = [], []
    groups = [(e, evals[evals["event"] == e]) for e in data.events["event_id"].astype(str)] + [("All events", evals)]
    for label, d in groups:
        row: dict[str, Any] = {"Event": label, "n": len(d)}
        pf = percent_favorable(d, name, cb, items=items, scales=[]) if len(d) else None
        for item in items:
            hit = None if pf is None else pf[pf["name"] == item]
            row[_short(inst.items[item].text)] = float(hit["pct"].iloc[0]) if hit is not None and len(hit) else np.nan
        rows.append(row)
        x = pd.to_numeric(d[inst.nps_item], errors="coerce").dropna()
        nrow: dict[str, Any] = {"Event": label, "n": len(x)}
        if len(x) >= 2:
            est = net_promoter_score(x)
            nrow.update({"NPS": est.estimate, "CI low": est.ci_low, "CI high": est.ci_high,
                         "Promoters": 100 * est.extra["promoters"], "Passives": 100 * est.extra["passives"],
                         "Detractors": 100 * est.extra["detractors"]})
        nps_rows.append(nrow)
    frame = pd.DataFrame(rows)
    b.statistics("event_ratings", frame, group="Event", n="n", columns={},
                 shares=[c for c in frame.columns if c not in ("Event", "n")],
                 title="Percent favorable by event", total_row="All events", level=1,
                 note="Percent answering Agree or Strongly agree among those who answered the item.")
    nf = pd.DataFrame(nps_rows).reindex(columns=["Event", "n", "NPS", "CI low", "CI high", "Promoters", "Passives",
                                                 "Detractors"])
    b.statistics("event_nps", nf, group="Event", n="n",
                 columns={"NPS": "{:+.0f}", "CI low": "{:+.0f}", "CI high": "{:+.0f}"},
                 shares=["Promoters", "Passives", "Detractors"], title="Net Promoter Score by event",
                 total_row="All events", level=1,
                 note="NPS = percent of promoters (9-10) minus percent of detractors (0-6); 95% CI from the "
                      "standard error of the +1/0/-1 scores.")


def _short(text: str) -> str:
    t = text.rstrip(".?")
    return t if len(t) <= 42 else t[:40].rsplit(" ", 1)[0] + "\u2026"


def _prepost(b: Bundle, data: _Inputs, cfg: ProjectConfig) -> None:
    from evalkit.analyze import prepost_table, reliability_table, score_scales

    cb = cfg.codebook
    name = next(n for n, i in cb.instruments.items() if not i.anonymous and i.scales
                and all(set(i.scales[s].items) & set(data.waves["pre"]) for s in list(i.scales)[:1]))
    inst = cb.instruments[name]
    person = "RecipientEmail"
    scored = {}
    for wave, d in data.waves.items():
        s = score_scales(d, inst, cb)
        # the person key stays in memory: it pairs the waves and is never written
        scored[wave] = s.scores.assign(person=d[person].astype("string").str.strip().str.casefold().to_numpy())
    pre, post = scored["pre"], scored["post"]
    # Every row of the table describes the same matched people: rows over overlapping but different
    # sets (26 matched beside 29 post respondents) would give away the mean of the few in between.
    matched = set(pre["person"].dropna()) & set(post["person"].dropna())
    pre_ids, post_ids = set(pre["person"].dropna()), set(post["person"].dropna())
    pre, post = pre[pre["person"].isin(matched)], post[post["person"].isin(matched)]
    shared = [s for s in inst.scales if s in pre and s in post and not s.endswith("_retro")]
    retro = {s: f"{s}_retro" for s in shared if f"{s}_retro" in post}
    table = prepost_table(pre, post, scales=shared, person="person", retro=post if retro else None,
                          retro_scales=retro or None)
    table = table[table["group"] == "all"]
    label = {"post - pre": "after vs before", "post - retro_pre": "after vs looking back",
             "retro_pre - pre": "looking back vs before (response shift)"}
    fmt = "{:.2f}"
    for level, tid, title in ((2, "prepost_learning", "Learning: before and after (matched respondents)"),
                              (4, "prepost_use", "Practice: before and after (matched respondents)")):
        part = table[table["scale"].map(lambda s: (inst.scales[s].guskey_level or 2) == level)]
        if part.empty:
            continue
        frame = pd.DataFrame({
            "Measure": [f"{inst.scales[s].label}: {label.get(c, c)}" for s, c in zip(part["scale"], part["comparison"])],
            "Matched n": part["n"].to_numpy(), "Earlier mean": part["mean2"].to_numpy(),
            "Earlier SD": part["sd2"].to_numpy(), "Later mean": part["mean1"].to_numpy(),
            "Later SD": part["sd1"].to_numpy(), "g_av": part["estimate"].to_numpy(),
            "CI low": part["ci_low"].to_numpy(), "CI high": part["ci_high"].to_numpy(),
            "d_z": part["estimate_secondary"].to_numpy(), "p (BH)": part["p_adjusted"].to_numpy()})
        b.statistics(tid, frame, group="Measure", n="Matched n",
                     columns={c: fmt for c in ("Earlier mean", "Earlier SD", "Later mean", "Later SD", "g_av",
                                               "CI low", "CI high", "d_z")} | {"p (BH)": "p"},
                     title=title, level=level,
                     note="1-5 scale. g_av: mean change over the average of the two SDs, small-sample corrected "
                          "(primary); d_z: mean change over the SD of the changes; 95% CI. p from the paired t test, "
                          "Benjamini-Hochberg adjusted across the scales.")
    rel = reliability_table(data.waves["pre"], inst, cb)
    rel = rel[rel["scale"].isin(shared)]
    if len(rel):
        frame = pd.DataFrame({"Scale": rel["scale"].map(lambda s: inst.scales[s].label), "n": rel["n"],
                              "Items": rel["k"].astype(int).astype(str), "alpha": rel["alpha"],
                              "CI low": rel["alpha_ci_low"], "CI high": rel["alpha_ci_high"], "omega": rel["omega"]})
        b.statistics("reliability", frame, group="Scale", n="n", text_columns=["Items"],
                     columns={"alpha": fmt, "CI low": fmt, "CI high": fmt, "omega": fmt},
                     title="Scale reliability (pre survey)", level=2,
                     note="Cronbach's alpha with the Feldt 95% CI; McDonald's omega (one factor) beside it.")
    resp = pd.DataFrame({"Wave": ["Pre survey", "Post survey", "Matched pre and post"],
                         "Respondents": [len(pre_ids), len(post_ids), len(pre_ids & post_ids)]})
    b.statistics("participant_responses", resp, group="Wave", n="Respondents", columns={},
                 title="Participant survey responses", level=2,
                 note="After cleaning (previews, partials, speeders, duplicates and withdrawn participants removed).")


def _staff(b: Bundle, data: _Inputs, cfg: ProjectConfig, n_min: int) -> None:
    from evalkit.analyze import percent_favorable

    cb = cfg.codebook
    name = next(n for n, i in cb.instruments.items() if i.anonymous)
    inst = cb.instruments[name]
    both = pd.concat([d.assign(wave=w) for w, d in data.staff.items()], ignore_index=True)
    both["school"] = pool_small(both, "school_code", n_min=n_min, label="Other schools (pooled)", within="wave")
    b.universe(f"{b.unit}/staff", both, ["school", "wave"], categories={"wave": ["pre", "post"]})
    b.counts("staff_responses", f"{b.unit}/staff", rows="school", cols="wave", row_title="School",
             col_labels={"pre": "Pre", "post": "Post"}, title="Staff survey responses by school", level=3,
             note=f"Schools by code only; schools with fewer than {n_min} responses in a wave are pooled.")
    rows = []
    for s, sc in inst.scales.items():
        row: dict[str, Any] = {"Topic": sc.label}
        for w in ("pre", "post"):
            d = data.staff.get(w)
            if d is None or d.empty:
                row[f"{w.capitalize()} n"], row[f"{w.capitalize()} % favorable"] = 0, np.nan
                continue
            r = percent_favorable(d, name, cb, items=[], scales=[s]).query("level == 'scale'").iloc[0]
            row[f"{w.capitalize()} n"] = int(r["n_respondents"])
            row[f"{w.capitalize()} % favorable"] = float(r["pct"])
        rows.append(row)
    b.statistics("staff_favorable", pd.DataFrame(rows), group="Topic", n=["Pre n", "Post n"], columns={},
                 shares=["Pre % favorable", "Post % favorable"], title="Staff survey: percent favorable by topic",
                 level=3, note="All participating schools pooled. Percent answering Agree or Strongly agree among "
                               "those who answered (\u201cDon't know\u201d left out).")


def _quality(b: Bundle, cleaned: CleanResult, unit: ReportUnit) -> None:
    used = {t.source.id for t in cleaned.tables.values() if t.source.program in (unit.program, None)
            and t.source.kind in (SourceKind.survey, SourceKind.roster, SourceKind.events, SourceKind.attendance)}
    qlog = cleaned.log.to_frame()
    q = qlog[qlog["source"].isin(used) & qlog["defect"].notna()
             & ~qlog["action"].isin([Action.off.value, Action.not_applicable.value])]
    if q.empty:
        return
    agg = q.groupby(["defect", "action"], as_index=False)["count"].sum()
    agg = agg[agg["count"] > 0]
    frame = pd.DataFrame({"Check": [f"{_DEFECTS.get(d, d.replace('_', ' ').capitalize())}: {a}"
                                    for d, a in zip(agg["defect"], agg["action"])],
                          "Rows or cells": agg["count"].to_numpy()})
    b.statistics("data_quality", frame, group="Check", n="Rows or cells", columns={},
                 title="Data-quality checks (all cadres of the program)",
                 note="From the cleaning stage's data-quality log; counts under the threshold are not shown.")


def _charts(T: dict[str, ProtectedTable], out_dir: Path) -> dict[str, dict[str, str]]:
    """Charts drawn from protected tables only, saved as PNG and SVG with their alt text."""
    from evalkit.report import charts as ch

    plan = []
    if "attendance_by_event" in T:
        plan.append(("attendance", "participation", lambda: ch.bar_chart(
            T["attendance_by_event"], "Attendees", title="Attendance by event", xlabel="Registered attendees")))
    if "event_ratings" in T and len(T["event_ratings"].display.columns) > 2:
        col = T["event_ratings"].display.columns[2]
        plan.append(("ratings", "reactions", lambda: ch.bar_chart(
            T["event_ratings"], col, title=f"\u201c{col}\u201d: percent favorable by event",
            xlabel="Percent favorable", limits=(0, 100))))
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
            out.append(sentence("Across all events, {p} of evaluations agreed that \u201c" + col.lower()
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


def _attendance(cleaned: CleanResult, events: pd.DataFrame, members: set[str]) -> pd.DataFrame:
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
    return pd.DataFrame([(e, w) for e, who in seen.items() for w in sorted(who)], columns=["event", "who"])
