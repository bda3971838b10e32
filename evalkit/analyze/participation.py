"""Participation: hours attended by person, the participation funnel, and professional development points.

The rule for points is the program's own (``programs[].pdp`` in the project file): hours attended, events
attended, a completed evaluation, in any combination; evalkit never hard-codes a state's rule. These work on
anonymized rows (``person_id``); only ``evalkit pdp`` puts names back, for the organizer's certificate list.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from evalkit.config import ProjectConfig
from evalkit.config.project import PdpRule

__all__ = ["person_hours", "pdp_eligibility", "participation_funnel", "program_attendance", "program_rows"]


def person_hours(attendance: pd.DataFrame, events: pd.DataFrame, *, person: str = "person_id",
                 event_types: Iterable[str] = ()) -> pd.DataFrame:
    """Events and hours each person attended, from attended (person, event) rows and the event list.

    Parameters
    ----------
    attendance : DataFrame
        One row per person and event attended (``person``, ``event``); duplicates count once.
    events : DataFrame
        ``event_id``, ``event_type``, ``hours`` (hours offered; text or numbers).
    event_types : iterable of str
        Only these event types count (all when empty).

    Returns
    -------
    DataFrame
        ``person``, ``events`` (count) and ``hours`` (sum), one row per person with any attendance.

    Examples
    --------
    >>> ev = pd.DataFrame({"event_id": ["M1", "M2", "W1"], "event_type": ["meeting", "meeting", "group"],
    ...                    "hours": ["3.0", "3", "1.5"]})
    >>> att = pd.DataFrame({"person_id": ["a", "a", "a", "b"], "event": ["M1", "M2", "W1", "M1"]})
    >>> person_hours(att, ev).values.tolist()
    [['a', 3, 7.5], ['b', 1, 3.0]]
    >>> person_hours(att, ev, event_types=["meeting"]).values.tolist()
    [['a', 2, 6.0], ['b', 1, 3.0]]
    """
    ev = events.assign(hours=pd.to_numeric(events["hours"], errors="coerce").fillna(0.0))
    kinds = set(event_types)
    if kinds:
        ev = ev[ev["event_type"].isin(kinds)]
    hours = dict(zip(ev["event_id"].astype(str), ev["hours"]))
    a = attendance[[person, "event"]].dropna().astype({"event": str}).drop_duplicates()
    a = a[a["event"].isin(hours)]
    out = a.assign(h=a["event"].map(hours)).groupby(person, sort=True).agg(events=("event", "size"), hours=("h", "sum"))
    return out.reset_index().rename(columns={person: "person"}).astype({"events": int, "hours": float})


def pdp_eligibility(registered: Iterable[str], hours: pd.DataFrame, completed: Iterable[str], rule: PdpRule) -> pd.DataFrame:
    """Who earns professional development points under ``rule``, and how many.

    Every criterion the rule gives must hold: ``min_hours`` (hours attended, at least), ``min_meetings``
    (events attended, at least), ``evaluation`` (the person is among ``completed``). Points are the hours
    attended times ``points_per_hour``, for eligible people only, to one decimal.

    Parameters
    ----------
    registered : iterable of str
        Every participant (``person_id``), attending or not.
    hours : DataFrame
        :func:`person_hours`' result.
    completed : iterable of str
        Participants who completed the evaluation the rule names.
    rule : PdpRule

    Returns
    -------
    DataFrame
        ``person``, ``events``, ``hours``, ``evaluation`` (bool), ``eligible`` (bool), ``pdps`` (float, 0 when not
        eligible), one row per registered person, sorted by person.

    Examples
    --------
    >>> from evalkit.config.project import PdpRule
    >>> rule = PdpRule(min_hours=12, evaluation="final", certificates="out.csv")
    >>> h = pd.DataFrame({"person": ["a", "b", "c"], "events": [5, 4, 5], "hours": [15.0, 12.0, 15.0]})
    >>> pdp_eligibility(["a", "b", "c", "d"], h, ["a", "b"], rule)[["person", "eligible", "pdps"]].values.tolist()
    [['a', True, 15.0], ['b', True, 12.0], ['c', False, 0.0], ['d', False, 0.0]]
    """
    people = pd.DataFrame({"person": sorted(set(registered))})
    out = people.merge(hours, on="person", how="left").fillna({"events": 0, "hours": 0.0})
    out["events"] = out["events"].astype(int)
    done = set(completed)
    out["evaluation"] = out["person"].isin(done)
    ok = pd.Series(True, index=out.index)
    if rule.min_hours is not None:
        ok &= out["hours"] >= rule.min_hours - 1e-9
    if rule.min_meetings is not None:
        ok &= out["events"] >= rule.min_meetings
    if rule.evaluation is not None:
        ok &= out["evaluation"]
    out["eligible"] = ok
    out["pdps"] = (out["hours"] * rule.points_per_hour).round(1).where(ok, 0.0)
    return out[["person", "events", "hours", "evaluation", "eligible", "pdps"]]


def participation_funnel(registered: Iterable[str], hours: pd.DataFrame, completed: Iterable[str],
                         rule: PdpRule | None = None) -> pd.DataFrame:
    """Registered -> attended at least one event -> met the attendance part of the PDP rule -> completed the
    final evaluation (of those who met it) -> earned PDPs: the number of people at each step.

    >>> from evalkit.config.project import PdpRule
    >>> h = pd.DataFrame({"person": ["a", "b", "c"], "events": [5, 1, 4], "hours": [15.0, 3.0, 12.0]})
    >>> rule = PdpRule(min_hours=12, evaluation="final", certificates="x.csv")
    >>> participation_funnel(["a", "b", "c", "d"], h, ["a", "b"], rule)["people"].tolist()
    [4, 3, 2, 1, 1]
    """
    reg = set(registered)
    h = hours[hours["person"].isin(reg)]
    attended = set(h.loc[h["events"] > 0, "person"])
    threshold = attended
    if rule is not None and (rule.min_hours is not None or rule.min_meetings is not None):
        ok = pd.Series(True, index=h.index)
        if rule.min_hours is not None:
            ok &= h["hours"] >= rule.min_hours - 1e-9
        if rule.min_meetings is not None:
            ok &= h["events"] >= rule.min_meetings
        threshold = set(h.loc[ok, "person"])
    evaluated = threshold & set(completed)
    steps = [("Registered", len(reg)), ("Attended at least one event", len(attended)),
             ("Attended enough for PDPs", len(threshold)), ("Also completed the final evaluation", len(evaluated))]
    if rule is not None:
        elig = pdp_eligibility(reg, hours, completed, rule)
        steps.append(("Earned PDPs", int(elig["eligible"].sum())))
    return pd.DataFrame(steps, columns=["step", "people"])


def program_rows(frame: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    """Rows of a program in a table with a ``program`` column (its codes, case-blind); all rows without one."""
    if "program" not in frame.columns or not codes:
        return frame
    return frame[frame["program"].astype("string").str.strip().str.casefold().isin([c.casefold() for c in codes])
                 .fillna(False).to_numpy(dtype=bool)]


def program_attendance(cfg: ProjectConfig, store: Any, program: str) -> pd.DataFrame:
    """Every (person_id, event) a program's participants attended, from its attendance sources in the store:
    wide rosters (``meeting_columns``) and sign-in rows with a status (``project.attendance`` says which
    marks and statuses count)."""
    from evalkit.analyze.attendance import connections_attended, counts_as_attended, wide_attendance
    from evalkit.config import SourceKind

    policy = cfg.project.attendance
    parts = []
    unknown: dict[str, int] = {}
    for src in cfg.project.sources:
        if src.kind != SourceKind.attendance or src.program not in (None, program) or src.id not in store.tables:
            continue
        d = store.tables[src.id]
        if "person_id" not in d.columns:
            continue
        if src.meeting_columns:
            long = wide_attendance(d, src.meeting_columns, marks=policy.marks)
            odd = long.loc[long["status"].isna() & long["mark"].ne(""), "mark"]
            for mark, k in odd.value_counts().items():   # never guessed: counted for nobody, and said
                unknown[str(mark)] = unknown.get(str(mark), 0) + int(k)
        elif (src.fields.start in d.columns and src.fields.end in d.columns
              and ("event_id" in d.columns or "event_id_matched" in d.columns)):
            # a join report: connected for at least the project's share of the session
            ev_col = "event_id" if "event_id" in d.columns else "event_id_matched"
            _, events = program_roster_and_events(cfg, store, program)
            got = connections_attended(d, events, event=ev_col, join=src.fields.start, leave=src.fields.end,
                                       min_share=policy.min_share).rename(columns={ev_col: "event"})
            parts.append(got[["person_id", "event"]])
            continue
        elif "event_id" in d.columns and "status" in d.columns:
            long = d.rename(columns={"event_id": "event"}).assign(status=d["status"])
        else:
            continue
        ok = counts_as_attended(long["status"], partial_counts=policy.partial_counts)
        parts.append(long.loc[ok.to_numpy(), ["person_id", "event"]])
    frame = (pd.concat(parts, ignore_index=True).dropna().drop_duplicates() if parts
             else pd.DataFrame(columns=["person_id", "event"]))
    frame.attrs["unknown_marks"] = unknown
    return frame


def program_roster_and_events(cfg: ProjectConfig, store: Any, program: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A program's registered participants (the roster's rows of its codes, withdrawn people left out) and its
    events (the event list's rows of its codes), from the anonymized store; empty frames when absent."""
    from evalkit.config import SourceKind

    prog = cfg.project.program(program)
    roster = events = pd.DataFrame()
    r_src = next((s for s in cfg.project.sources if s.kind == SourceKind.roster and s.email_columns
                  and s.id in store.tables), None)
    e_src = next((s for s in cfg.project.sources if s.kind == SourceKind.events and s.id in store.tables), None)
    if r_src is not None:
        roster = program_rows(store.tables[r_src.id], prog.codes)
        if "withdrawn" in roster.columns:
            roster = roster[~roster["withdrawn"].fillna(False).astype(bool)]
    if e_src is not None:
        events = program_rows(store.tables[e_src.id], prog.codes)
    return roster, events
