"""What one cadre report is computed from: the units, a cadre's rows of the analysis store, display labels.

The report reads the anonymized store only (:func:`evalkit.processed.load_processed`): people are keyed
pseudonyms (``person_id``), so attendance, pre/post pairs and event evaluations join on those, never on a
name or an e-mail. This module selects and joins the store's tables for :mod:`evalkit.report.measures`,
which turns them into protected tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from evalkit.config import ProgramKind, ProjectConfig, SourceKind
from evalkit.errors import EvalkitError

if TYPE_CHECKING:  # pragma: no cover
    from evalkit.config import Program, Source
    from evalkit.processed import ProcessedData

__all__ = ["ReportUnit", "cadre_units", "gather", "Inputs", "StoreTable", "store_tables", "PERSON", "ROLES", "MODALITY", "DEFECTS", "role_label",
           "OUTCOME_COLUMNS", "outcome_rows", "cohort_start_year"]

ROLES = {"ap": "Assistant principal", "principal": "Principal", "teacher_leader": "Teacher leader", "coach": "Coach",
         "district_leader": "District leader"}
DEFECTS = {"pii_in_free_text": "Personal data in free text", "name_noise": "Typed name differs from roster",
           "email_noise": "E-mail case or spacing", "non_substantive_code": "Don't know / N/A answers",
           "event_match_review": "Event name to review", "unmatched_roster": "Respondent not on roster",
           "no_consent": "No evaluation consent", "small_group": "Groups under the threshold",
           "wrong_event": "Evaluation names another cadre's event"}
MODALITY = {"face_to_face": "Face-to-face", "virtual": "Virtual", "site_visit": "Site visit", "coaching": "Coaching",
            "network_meeting": "Network meeting", "working_group": "Working group"}


def modality_label(event_type: object) -> str:
    """How a report names an event type: the known ones by :data:`MODALITY`, others in words ("team_day" ->
    "Team day").

    >>> modality_label("site_visit"), modality_label("team_day")
    ('Site visit', 'Team day')
    """
    return MODALITY.get(str(event_type), str(event_type).replace("_", " ").capitalize())


@dataclass(frozen=True)
class ReportUnit:
    """One report: a cadre of a cohort of a program."""

    program: str
    program_name: str
    cohort: str
    cadre: str


def cohort_units(cfg: ProjectConfig, kind: ProgramKind) -> list[ReportUnit]:
    """One report per cohort of each program of ``kind`` (one for the program when it lists no cohort); the
    unit is named ``<program>-<cohort>`` ("principal-network-2025")."""
    out = []
    for p in cfg.project.programs:
        if p.kind != kind:
            continue
        for cohort in p.cohorts or [None]:
            cid = cohort.id if cohort is not None else ""
            out.append(ReportUnit(p.id, p.name, cid, f"{p.id}-{cid}".strip("-").replace("_", "-")))
    return out


@dataclass(frozen=True)
class ProgramPeople:
    """A program's people and sessions from the store: its roster (those who withdrew left out), its events,
    the registered participants' keyed ids, and the (person, event) rows they attended."""

    roster: pd.DataFrame
    events: pd.DataFrame
    registered: list[str]
    attended: pd.DataFrame


def program_people(cfg: ProjectConfig, store: Any, program: str) -> ProgramPeople:
    """:class:`ProgramPeople` of one program (:mod:`evalkit.analyze.participation` reads the store)."""
    from evalkit.analyze.participation import program_attendance, program_roster_and_events

    roster, events = program_roster_and_events(cfg, store, program)
    registered = sorted(set(roster[PERSON].dropna())) if PERSON in roster else []
    attended = program_attendance(cfg, store, program)
    return ProgramPeople(roster, events, registered, attended[attended[PERSON].isin(registered)])


def release_of(cfg: ProjectConfig, unit: ReportUnit) -> tuple[str, str]:
    """The unit's data date (``data_as_of``, else today) and its release id ``<project>-<unit>-<date>``."""
    as_of = cfg.project.data_as_of.isoformat() if cfg.project.data_as_of else pd.Timestamp.now().date().isoformat()
    return as_of, f"{cfg.project.project}-{unit.cadre}-{as_of}".replace("_", "-")


def open_release(cfg: ProjectConfig, unit: ReportUnit) -> tuple[Any, str, str, Any]:
    """What every whole-program report starts from: the project's disclosure policy, the data date, the release id
    (:func:`release_of`) and the one :class:`~evalkit.disclose.Bundle` its figures go through, named
    ``<project>/<program>[/<cohort>]`` in the release ledger."""
    from evalkit.disclose import Bundle, DisclosurePolicy

    policy = DisclosurePolicy.from_config(cfg.project.privacy)
    as_of, release_id = release_of(cfg, unit)
    name = "/".join(p for p in (cfg.project.project, unit.program, unit.cohort) if p)
    return policy, as_of, release_id, Bundle(policy, release_id=release_id, unit=name)


def cadre_units(cfg: ProjectConfig) -> list[ReportUnit]:
    """Every (program, cohort, cadre) of the project's cadre programs, in file order."""
    return [ReportUnit(p.id, p.name, c.id, cadre) for p in cfg.project.programs if p.kind == ProgramKind.cadre
            for c in p.cohorts for cadre in c.cadres]


#: The keyed pseudonym of a person in the analysis store (made by the anonymize stage).
PERSON = "person_id"


@dataclass(frozen=True)
class StoreTable:
    """One anonymized table of the store with the project file's description of its source."""

    source: Source
    data: pd.DataFrame


def store_tables(cfg: ProjectConfig, store: ProcessedData) -> dict[str, StoreTable]:
    """The store's tables in the project file's source order, each with its :class:`~evalkit.config.Source`."""
    return {s.id: StoreTable(s, store.tables[s.id]) for s in cfg.project.sources if s.id in store.tables}


def sources(cfg: ProjectConfig, store: ProcessedData, *, kind: SourceKind, program: str | None = None,
            instrument: str | None = None) -> list[StoreTable]:
    return [t for t in store_tables(cfg, store).values() if t.source.kind == kind
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
    email_column: str | None = None   # the roster's person column (``person_id``: the attendance key)
    participant_instrument: str | None = None
    person_column: str | None = None  # the participant survey's person key (``person_id``: pairs pre and post)
    # school results of the program's outcome sources (all students): the cadre's schools, the program's
    # other schools and the rest of the files' schools, one row per source x school x year x measure
    # (see outcome_rows)
    outcomes: pd.DataFrame = field(default_factory=pd.DataFrame)
    outcome_sources: tuple[str, ...] = ()
    outcome_titles: tuple[str, ...] = ()  # how the report names them (the sources' titles), never ids or files
    cohort_start: int | None = None   # first school year of the cohort (2025 for "2025" / "2025-26")
    cohort_label: str = ""            # the cohort as the project file names it ("2025-26")
    eval_instrument: str | None = None  # the event evaluations' instrument (the codebook's name)
    outcome_measures: dict[str, Any] = field(default_factory=dict)  # programs[].outcome_measures


def source_titles(cfg: ProjectConfig, ids: Sequence[str], *, default: str) -> tuple[str, ...]:
    """How a report names sources: each one's ``title`` from the project file, else ``default`` (once).

    A source's id and file name never reach a report: a file name may hold a school's or a person's name.
    """
    by_id = {s.id: s for s in cfg.project.sources}
    titles = [by_id[i].title if i in by_id and by_id[i].title else default for i in ids]
    return tuple(dict.fromkeys(titles))


def gather(cfg: ProjectConfig, store: ProcessedData, unit: ReportUnit) -> Inputs:
    """One cadre's rows of the analysis store: roster, events, attendance, evaluations, surveys, outcomes."""
    roster_t = next(iter(sources(cfg, store, kind=SourceKind.roster)), None)
    events_t = next(iter(sources(cfg, store, kind=SourceKind.events)), None)
    roster = pd.DataFrame(columns=["role"])
    if roster_t is not None and roster_t.source.cadre_column:
        r = roster_t.data
        roster = r[(r[roster_t.source.cadre_column] == unit.cadre) & ~r.get("withdrawn", False)]
    schools = set(roster["school_code"].dropna()) if "school_code" in roster else set()
    events = pd.DataFrame(columns=["event_id", "event_date", "event_type", "hours", "topic"])
    if events_t is not None and events_t.source.cadre_column:
        e = events_t.data
        events = e[e[events_t.source.cadre_column] == unit.cadre].sort_values("event_date")
    members = set(roster[PERSON].dropna()) if PERSON in roster and len(roster) else set()
    evals = pd.DataFrame()
    ev_sources = [t for t in sources(cfg, store, kind=SourceKind.survey, program=unit.program) if t.source.wave == "event"]
    ev_tables = [t.data for t in ev_sources]
    if ev_tables and len(events):
        ev = pd.concat(ev_tables, ignore_index=True)
        evals = ev[ev["event_id"].isin(events["event_id"]) & ~ev.get("wrong_event", False)]
    waves: dict[str, pd.DataFrame] = {}
    staff: dict[str, pd.DataFrame] = {}
    participant, person = None, None
    for t in sources(cfg, store, kind=SourceKind.survey, program=unit.program):
        if t.source.wave not in ("pre", "post"):
            continue
        inst = cfg.codebook.instruments[t.source.instrument]
        if inst.anonymous:
            d = t.data
            staff[t.source.wave] = d[d["school_code"].isin(schools)] if "school_code" in d else d.iloc[0:0]
        elif "cadre_id" in t.data:
            waves[t.source.wave] = t.data[t.data["cadre_id"] == unit.cadre]
            participant = t.source.instrument
            person = PERSON if PERSON in t.data else person
    program = cfg.project.program(unit.program)
    cohort = next((c for c in program.cohorts if c.id == unit.cohort), None)
    label = (cohort.label if cohort is not None and cohort.label else None) or unit.cohort
    tables = store_tables(cfg, store)
    outcomes = outcome_rows([tables[sid] for sid in program.outcome_sources if sid in tables],
                            schools, others=_program_schools(roster_t, program) - schools)
    return Inputs(roster, events, schools, _attendance(tables.values(), events, members, policy=cfg.project.attendance), evals, waves, staff,
                  PERSON if members else None, participant, person, outcomes, tuple(program.outcome_sources),
                  source_titles(cfg, program.outcome_sources, default="the state's school results"),
                  cohort_start_year(unit.cohort, label), label,
                  ev_sources[0].source.instrument if ev_sources else None, dict(program.outcome_measures))


#: Columns an outcome source needs after cleaning: the state files' long layout, one row per school,
#: year, subgroup and measure (``subgroup``, ``value_mark``, ``grant`` and ``grant_start_year`` are used
#: when present).
OUTCOME_COLUMNS = ("school_code", "school_year", "measure", "n_tested", "value")
#: How state files name the whole school's row in a ``subgroup`` column (compared case-blind).
ALL_STUDENTS = frozenset({"all", "all students", "total", "schoolwide"})


def cohort_start_year(cohort_id: str, label: str | None = None) -> int | None:
    """The first school year of a cohort: the first four-digit year in its id, else in its label.

    Examples
    --------
    >>> cohort_start_year("2025", "2025-26"), cohort_start_year("fall", "2024-25"), cohort_start_year("A")
    (2025, 2024, None)
    """
    for text in (cohort_id, label or ""):
        m = re.search(r"(?<!\d)(19|20)\d\d(?!\d)", str(text))
        if m:
            return int(m.group(0))
    return None


def _program_schools(roster_t: StoreTable | None, program: Program) -> set[str]:
    """Every school on the roster of any cadre of the program (withdrawn people's schools too)."""
    if roster_t is None or not roster_t.source.cadre_column or "school_code" not in roster_t.data:
        return set()
    r = roster_t.data
    cadres = {c for cohort in program.cohorts for c in cohort.cadres}
    mine = r[roster_t.source.cadre_column].isin(cadres)
    if program.codes and "program" in r:   # cadre ids may repeat across programs; the program code decides
        mine &= r["program"].astype("string").str.strip().str.casefold().isin([c.casefold() for c in program.codes])
    return {str(s).strip() for s in r.loc[mine.fillna(False).to_numpy(), "school_code"].dropna()}


def outcome_rows(tables: list[StoreTable], schools: set[str], *, others: set[str] = frozenset()) -> pd.DataFrame:
    """School results of cleaned outcome sources, all students, split into the cadre's schools and the rest.

    Parameters
    ----------
    tables : list of StoreTable
        Sources of kind ``outcomes`` as cleaning and anonymizing left them (state marks already split off: ``value`` and
        ``n_tested`` are numbers or missing, ``value_mark`` holds the mark). With a ``subgroup``
        column, only the whole school's rows are used (:data:`ALL_STUDENTS`: "all", "All Students",
        "Total", "Schoolwide").
    schools : set of str
        The cadre's school codes (as the roster writes them; leading zeros kept).
    others : set of str
        Schools of the program's other cadres: they take part in the program at the same time, so they
        are no comparison for this cadre (group ``"program"``, left out of both groups).

    Returns
    -------
    DataFrame
        ``source``, ``school_code``, ``school_year`` (int), ``measure``, ``n`` (students tested, float;
        missing when not a number), ``value`` (float), ``mark`` (the state's suppression mark or
        missing), ``group`` (``"cadre"``, ``"program"`` or ``"comparison"``: every school of the file
        outside the program) and
        ``state_grant`` and ``grant_start`` (the file's ``grant`` flag and ``grant_start_year``: another
        program some schools are in, context for a later comparison; missing when the file has none).

    Raises
    ------
    EvalkitError
        A source lacks one of :data:`OUTCOME_COLUMNS`.
    """
    parts = []
    for t in tables:
        d = t.data
        missing = [c for c in OUTCOME_COLUMNS if c not in d.columns]
        if missing:
            raise EvalkitError(f"outcome source {t.source.id!r} ({t.source.file}) lacks the column(s) {missing}",
                               hint="a Level 5 source needs one row per school, year and measure with the columns "
                                    f"{list(OUTCOME_COLUMNS)}; map the file's own names with "
                                    f"sources[{t.source.id}].rename and build what it only implies (a year in its "
                                    f"title, district+school codes) with sources[{t.source.id}].add_columns "
                                    "(docs/project-file.md)")
        if "subgroup" in d.columns:
            d = d[d["subgroup"].astype("string").str.strip().str.casefold().isin(ALL_STUDENTS).fillna(False).to_numpy()]
        code = d["school_code"].astype("string").str.strip()
        year = pd.to_numeric(d["school_year"].astype("string").str.extract(r"((?:19|20)\d\d)", expand=False),
                             errors="coerce")
        # cleaning has read the Y/N flag (evalkit.clean.outcomes.parse_flags)
        grant = d["grant"] if "grant" in d.columns else pd.Series(pd.NA, index=d.index)
        mark = d["value_mark"].astype("string") if "value_mark" in d.columns else pd.Series(pd.NA, index=d.index,
                                                                                               dtype="string")
        parts.append(pd.DataFrame({
            "source": t.source.id, "school_code": code.to_numpy(), "school_year": year.to_numpy(),
            "measure": d["measure"].astype("string").str.strip().to_numpy(),
            # cleaning has read n_tested by the state-value rule ("1,204" -> 1204; a marked count is
            # missing, its mark in n_tested_mark): a count that is not a number cannot weight a mean
            "n": pd.to_numeric(d["n_tested"], errors="coerce").to_numpy(dtype=float),
            "value": pd.to_numeric(d["value"], errors="coerce").to_numpy(dtype=float),
            "mark": mark.to_numpy(), "state_grant": grant.astype("boolean").to_numpy(),
            "grant_start": (pd.to_numeric(d["grant_start_year"], errors="coerce").to_numpy(dtype=float)
                            if "grant_start_year" in d.columns else float("nan"))}))
    columns = ["source", "school_code", "school_year", "measure", "n", "value", "mark", "group", "state_grant",
               "grant_start"]
    if not parts:
        return pd.DataFrame(columns=columns)
    out = pd.concat(parts, ignore_index=True).dropna(subset=["school_code", "school_year", "measure"])
    out["school_year"] = out["school_year"].astype(int)
    code = out["school_code"]
    out["group"] = "comparison"
    out.loc[code.isin({str(s).strip() for s in others}).to_numpy(), "group"] = "program"
    out.loc[code.isin({str(s).strip() for s in schools}).to_numpy(), "group"] = "cadre"
    return out[columns].reset_index(drop=True)


def _attendance(tables: Iterable[StoreTable], events: pd.DataFrame, members: set[str], *, policy: Any = None
                ) -> pd.DataFrame:
    """Distinct registered attendees per event (by pseudonym) from sign-in sheets (present or partial, as
    ``project.attendance.partial_counts`` says) and online join reports (connected for at least
    ``project.attendance.min_share`` of the session, when the report gives join and leave times)."""
    from evalkit.analyze.attendance import connections_attended, counts_as_attended

    seen: dict[str, set[str]] = {}
    event_ids = set(events["event_id"])
    for t in tables:
        if t.source.kind != SourceKind.attendance or PERSON not in t.data:
            continue
        d = t.data
        ev_col = "event_id" if "event_id" in d else "event_id_matched" if "event_id_matched" in d else None
        if ev_col is None:
            continue
        if "status" in d:
            d = d[counts_as_attended(d["status"], partial_counts=getattr(policy, "partial_counts", True)).to_numpy()]
        join, leave = t.source.fields.start, t.source.fields.end
        if policy is not None and join in d and leave in d:
            d = connections_attended(d, events, event=ev_col, join=join, leave=leave,
                                     min_share=policy.min_share).rename(columns={"event": ev_col})
        for ev, who in d[[ev_col, PERSON]].dropna().itertuples(index=False):
            if ev in event_ids and who in members:
                seen.setdefault(ev, set()).add(who)
    return pd.DataFrame([(e, w) for e, who in seen.items() for w in sorted(who)], columns=["event", "who"])
