"""What one cadre report is computed from: the units, the cleaned sources of a cadre, display labels.

Everything here stays in memory: the cleaned tables hold identifiers, so this module only selects and
joins them for :mod:`evalkit.report.measures`, which turns them into protected tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from evalkit.config import ProgramKind, ProjectConfig, SourceKind

if TYPE_CHECKING:  # pragma: no cover
    from evalkit.clean.survey import CleanTable
    from evalkit.pipeline import CleanResult

__all__ = ["ReportUnit", "cadre_units", "gather", "Inputs", "ROLES", "MODALITY", "DEFECTS", "role_label"]

ROLES = {"ap": "Assistant principal", "principal": "Principal", "teacher_leader": "Teacher leader", "coach": "Coach",
         "district_leader": "District leader"}
DEFECTS = {"pii_in_free_text": "Personal data in free text", "name_noise": "Typed name differs from roster",
           "email_noise": "E-mail case or spacing", "non_substantive_code": "Don't know / N/A answers",
           "event_match_review": "Event name to review", "unmatched_roster": "Respondent not on roster",
           "no_consent": "No evaluation consent", "small_group": "Groups under the threshold",
           "wrong_event": "Evaluation names another cadre's event"}
MODALITY = {"face_to_face": "Face-to-face", "virtual": "Virtual", "site_visit": "Site visit", "coaching": "Coaching",
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


def sources(cfg: ProjectConfig, cleaned: CleanResult, *, kind: SourceKind, program: str | None = None,
            instrument: str | None = None) -> list[CleanTable]:
    return [t for t in cleaned.tables.values() if t.source.kind == kind
            and (program is None or t.source.program in (None, program))
            and (instrument is None or t.source.instrument == instrument)]


def role_label(v: Any) -> str:
    return ROLES.get(str(v).casefold(), str(v).replace("_", " ").capitalize())


@dataclass
class Inputs:
    """What one cadre's report is computed from (in memory only)."""

    roster: pd.DataFrame
    events: pd.DataFrame
    schools: set[str]
    attendance: pd.DataFrame          # one row per (event, registered attendee)
    evals: pd.DataFrame
    waves: dict[str, pd.DataFrame]    # participant survey rows of this cadre, by wave
    staff: dict[str, pd.DataFrame]    # staff survey rows of this cadre's schools, by wave
    email_column: str | None = None   # the roster's e-mail column (the attendance key)
    participant_instrument: str | None = None
    person_column: str | None = None  # the participant survey's person key (pairs pre and post, in memory)


def gather(cfg: ProjectConfig, cleaned: CleanResult, unit: ReportUnit) -> Inputs:
    roster_t = next(iter(sources(cfg, cleaned, kind=SourceKind.roster)), None)
    events_t = next(iter(sources(cfg, cleaned, kind=SourceKind.events)), None)
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
    ev_tables = [t.data for t in sources(cfg, cleaned, kind=SourceKind.survey, program=unit.program)
                 if t.source.wave == "event"]
    if ev_tables and len(events):
        ev = pd.concat(ev_tables)
        evals = ev[ev["event_id"].isin(events["event_id"]) & ~ev.get("wrong_event", False)]
    waves: dict[str, pd.DataFrame] = {}
    staff: dict[str, pd.DataFrame] = {}
    participant, person = None, None
    for t in sources(cfg, cleaned, kind=SourceKind.survey, program=unit.program):
        if t.source.wave not in ("pre", "post"):
            continue
        inst = cfg.codebook.instruments[t.source.instrument]
        if inst.anonymous:
            d = t.data
            staff[t.source.wave] = d[d["school_code"].isin(schools)] if "school_code" in d else d.iloc[0:0]
        elif "cadre_id" in t.data:
            waves[t.source.wave] = t.data[t.data["cadre_id"] == unit.cadre]
            participant = t.source.instrument
            person = person or next((c for c, spec in inst.columns.items() if spec.role == "identifier"
                                     and spec.kind == "email" and c in t.data), None)
            person = person or (t.source.email_columns[0] if t.source.email_columns else None)
    email = roster_t.source.email_columns[0] if roster_t is not None and roster_t.source.email_columns else None
    return Inputs(roster, events, schools, _attendance(cleaned, events, members), evals, waves, staff,
                  email, participant, person)


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
