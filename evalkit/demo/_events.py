"""Events of every program and who attended them: events.csv, sign-in sheets, Zoom reports, network roster.

Attendance is decided once per (event, person) in :func:`decide_attendance` and stored on the
:class:`World`; the sign-in sheet, the Zoom report and the SurveyMonkey evaluations are then three
noisy views of that one truth, as in real programs.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np

from evalkit.demo._people import (
    NICKNAMES, PROGRAM_DOMAIN, Registrant, World, ascii_fold, noisy_email, typed_name,
)
from evalkit.demo._sheet import MONTH_ABBR, Sheet, has_email_noise, pick, us_datetime

__all__ = ["EVENT_COLUMNS", "build_events", "decide_attendance", "signin_sheet", "zoom_report",
           "network_attendance", "NETWORK_GROUPS"]

EVENT_COLUMNS = [
    "event_id", "program", "cadre_id", "phase", "event_type", "event_date", "start_time", "end_time", "hours",
    "topic", "pdp_hours", "location",
]

# (event_type, topic, start, end, short topic people type into Zoom titles)
_CADRE_SEQUENCE = (
    ("face_to_face", "Launch: building the school science leadership team", "08:30", "14:30", "launch"),
    ("virtual", "Leading for sensemaking in science classrooms", "15:30", "17:00", "sensemaking"),
    ("site_visit", "Site visit and instructional rounds", "08:00", "12:00", "site visit"),
    ("virtual", "Look-fors: observing science instruction", "15:30", "17:00", "look fors"),
    ("face_to_face", "Data-informed feedback conversations", "08:30", "14:30", "feedback convos"),
    ("virtual", "Equitable discourse in science", "15:30", "17:00", "equitable discourse"),
    ("site_visit", "Site visit: science notebooks in practice", "08:00", "12:00", "notebooks visit"),
    ("face_to_face", "Showcase: sustaining the work", "08:30", "13:30", "showcase"),
)
_CADRE_DATES = ("2025-08-19", "2025-09-16", "2025-10-21", "2025-11-18", "2026-01-13", "2026-02-10",
                "2026-03-17", "2026-04-28")
# Which steps each cadre runs (C2 skips the second site visit, C3 also the second virtual).
_CADRE_STEPS = {"C1": (0, 1, 2, 3, 4, 5, 6, 7), "C2": (0, 1, 2, 3, 4, 5, 7), "C3": (0, 1, 2, 4, 5, 7)}
_CADRE_SHIFT = {"C1": 0, "C2": 2, "C3": 8}
_CADRE_VENUE = {"C1": "Harborview Conference Center", "C2": "Cedar Falls Regional Office",
                "C3": "Granite Falls Public Library, Community Room"}

_NETWORK_MEETINGS = (
    ("2025-02-07", "Launch: the district leader's role in school improvement"),
    ("2025-04-04", "Using data to prioritize: chronic absence and early literacy"),
    ("2025-06-06", "MTSS systems that reach every school"),
    ("2025-09-26", "Supporting principals as instructional leaders"),
    ("2025-11-07", "Sustaining the work: plans for next year"),
)
_NETWORK_VENUES = ("State Education Building, Room 401", "Quarry Hill Conference Center")
NETWORK_GROUPS = {"A": "Chronic absence", "B": "MTSS data", "C": "New principal onboarding"}

_PNET_SESSIONS = (
    ("Connect", "face_to_face", "2025-09-24", "Connect: norms and the problem of practice"),
    ("Connect", "virtual", "2025-10-22", "Connect: gathering baseline evidence"),
    ("Lead", "face_to_face", "2025-12-03", "Lead: instructional rounds in a host school"),
    ("Lead", "virtual", "2026-01-14", "Lead: debriefing patterns from rounds"),
    ("Lead", "face_to_face", "2026-02-25", "Lead: planning the next level of work"),
    ("Succeed", "virtual", "2026-04-08", "Succeed: monitoring implementation"),
    ("Succeed", "face_to_face", "2026-05-20", "Succeed: sharing results"),
)


def _hours(start: str, end: str) -> str:
    h = (dt.datetime.strptime(end, "%H:%M") - dt.datetime.strptime(start, "%H:%M")).seconds / 3600
    return f"{h:.1f}"


def build_events(world: World, rng: np.random.Generator, site_hosts: dict[str, list[str]]) -> Sheet:
    """``events.csv`` and ``world.events``: cadre sessions, network meetings and groups, PNET sessions.

    ``site_hosts`` maps a cadre to the school names hosting its site visits, in order.
    """
    sheet = Sheet("events.csv", list(EVENT_COLUMNS))
    rows: list[dict] = []
    for cadre, steps in _CADRE_STEPS.items():
        hosts = iter(site_hosts[cadre])
        for k, step in enumerate(steps, start=1):
            etype, topic, start, end, _ = _CADRE_SEQUENCE[step]
            date = dt.date.fromisoformat(_CADRE_DATES[step]) + dt.timedelta(days=_CADRE_SHIFT[cadre])
            location = {"face_to_face": _CADRE_VENUE[cadre], "virtual": "Zoom"}.get(etype) or next(hosts)
            hours = _hours(start, end)
            rows.append({"event_id": f"{cadre}-{k:02d}", "program": "CADRE", "cadre_id": cadre, "phase": "",
                         "event_type": etype, "event_date": date.isoformat(), "start_time": start,
                         "end_time": end,
                         "hours": hours, "topic": topic, "pdp_hours": hours, "location": location,
                         "_short": _CADRE_SEQUENCE[step][4]})
    for k, (date, topic) in enumerate(_NETWORK_MEETINGS, start=1):
        rows.append({"event_id": f"NET-M{k}", "program": "NETWORK", "cadre_id": "", "phase": "",
                     "event_type": "network_meeting", "event_date": date, "start_time": "09:00",
                     "end_time": "12:00",
                     "hours": "3.0", "topic": topic, "pdp_hours": "3.0",
                     "location": "Zoom" if k == 3 else pick(rng, _NETWORK_VENUES)})
    for g, name in NETWORK_GROUPS.items():
        for k, date in enumerate(("2025-05-13", "2025-10-14"), start=1):
            d = dt.date.fromisoformat(date) + dt.timedelta(days="ABC".index(g))
            rows.append({"event_id": f"NET-WG{g}{k}", "program": "NETWORK", "cadre_id": "", "phase": "",
                         "event_type": "working_group", "event_date": d.isoformat(), "start_time": "14:00",
                         "end_time": "15:30", "hours": "1.5", "topic": f"Working group: {name}",
                         "pdp_hours": "1.5", "location": "Zoom"})
    counters: dict[str, int] = {}
    for phase, etype, date, topic in _PNET_SESSIONS:
        counters[phase] = counters.get(phase, 0) + 1
        start, end = ("09:00", "12:00") if etype == "face_to_face" else ("15:30", "17:00")
        hours = _hours(start, end)
        rows.append({"event_id": f"PN-{phase[:3].upper()}-{counters[phase]}", "program": "PNET",
                     "cadre_id": "",
                     "phase": phase, "event_type": etype, "event_date": date, "start_time": start,
                     "end_time": end,
                     "hours": hours, "topic": topic, "pdp_hours": hours,
                     "location": "Zoom" if etype == "virtual" else "Stonebridge Leadership Academy"})
    rows.sort(key=lambda r: (r["event_date"], r["event_id"]))
    for r in rows:
        world.events[r["event_id"]] = dict(r)
        sheet.add({k: v for k, v in r.items() if not k.startswith("_")})
    return sheet


def _attendees(world: World, event: dict) -> list[Registrant]:
    if event["program"] == "CADRE":
        return [r for r in world.by_program("CADRE") if r.cadre_id == event["cadre_id"]]
    return world.by_program(event["program"])


def decide_attendance(world: World, rng: np.random.Generator, wg_members: dict[str, str]) -> None:
    """Fill ``world.attendance`` for every event; working groups only for their members (``wg_members``)."""
    for eid, ev in world.events.items():
        date = dt.date.fromisoformat(ev["event_date"])
        for r in _attendees(world, ev):
            if ev["event_type"] == "working_group" and wg_members.get(r.registration_id) != eid[6]:
                continue
            if r.withdrawn_date is not None and date > r.withdrawn_date:
                continue  # dropped from the roster after withdrawing
            u = rng.random()
            if u < r.engagement:
                status = "present"
            elif u < r.engagement + 0.08:
                status = "partial"
            elif u < r.engagement + 0.08 + 0.5 * (1 - r.engagement - 0.08):
                status = "excused"
            else:
                status = "absent"
            world.attendance[(eid, r.registration_id)] = status


def signin_sheet(world: World, rng: np.random.Generator) -> Sheet:
    """Transcribed paper sign-in sheets for face-to-face and site-visit events (CADRE and PNET).

    People write their own name and e-mail (nicknames, case, typos, stray spaces); the coordinator
    then adds absent and excused people from the roster with a clean name and no e-mail.
    """
    sheet = Sheet("attendance_signin.csv", ["event_id", "name_as_typed", "email", "status"])
    for eid, ev in world.events.items():
        if ev["program"] not in ("CADRE", "PNET") or ev["event_type"] not in ("face_to_face", "site_visit"):
            continue
        here, away = [], []
        for r in _attendees(world, ev):
            status = world.attendance.get((eid, r.registration_id))
            if status in ("present", "partial"):
                here.append((r, status))
            elif status is not None:
                away.append((r, status))
        for j in rng.permutation(len(here)):
            r, status = here[int(j)]
            email = "" if rng.random() < 0.05 else noisy_email(rng, r.email, p=0.25)
            name = typed_name(rng, r.first, r.last, p=0.3)
            i = sheet.add({"event_id": eid, "name_as_typed": name, "email": email, "status": status})
            if name != r.name:
                sheet.tag(i, "signin_name_noise", ["name_as_typed"])
        for r, status in away:
            sheet.add({"event_id": eid, "name_as_typed": r.name, "email": "", "status": status})
    sheet.tag_where("signin_email_noise", "email", has_email_noise)
    return sheet


def _zoom_display(rng: np.random.Generator, r: Registrant) -> str:
    """The Zoom "Name (Original Name)" cell: a display name, plus the original when it was changed."""
    first = pick(rng, NICKNAMES[r.first]) if r.first in NICKNAMES and rng.random() < 0.3 else r.first
    u = rng.random()
    if u < 0.55:
        return f"{first} {r.last}"
    variants = (
        f"{ascii_fold(first)} {ascii_fold(r.last)}",
        f"{first} {r.last} - {_role_tag(r)}",
        f"{first}'s iPad",
        f"{first[0].lower()}{ascii_fold(r.last).lower().replace(' ', '')}",
        f"{r.last.upper()}, {first.upper()}",
        f"{first} {r.last[0]}.",
    )
    shown = pick(rng, variants)
    # Renamed in the meeting: Zoom appends the account's original name in parentheses.
    return f"{shown} ({r.first} {r.last})" if rng.random() < 0.5 else shown


def _role_tag(r: Registrant) -> str:
    tags = {"principal": "Principal", "AP": "AP", "coach": "Coach", "teacher_leader": "TL"}
    return tags.get(r.role, "District")


def _zoom_title(rng: np.random.Generator, ev: dict) -> str:
    """Meeting titles are free-typed by the host and drift from the official topic."""
    if ev["program"] == "PNET":
        lead = pick(rng, ("Principal Network", "PNet", "Principal Network -"))
        return f"{lead} {ev['phase']} virtual"
    n = ev["cadre_id"][1]
    prefix = pick(rng, (f"Cadre {n}", f"C{n}", f"Science Leadership Cadre {n}", f"SLC {n}"))
    short = ev.get("_short", ev["topic"].lower())
    month = MONTH_ABBR[dt.date.fromisoformat(ev["event_date"]).month - 1]
    return pick(rng, (f"{prefix} - {short}", f"{prefix} virtual session: {short}",
                      f"{prefix} {month} virtual", f"{prefix}: {short.title()} ({month})"))


def _zoom_time(t: dt.datetime) -> str:
    return us_datetime(t)


def zoom_report(world: World, rng: np.random.Generator) -> Sheet:
    """Zoom participant reports of all virtual CADRE and PNET sessions, concatenated into one CSV.

    One row per connection: a person who dropped and rejoined appears twice. Facilitators (program
    staff, not registrants) are in the report too, as in the real thing.
    """
    cols = ["Topic", "Name (Original Name)", "User Email", "Join Time", "Leave Time", "Duration (Minutes)",
            "Guest"]
    sheet = Sheet("attendance_zoom.csv", cols)
    facilitators = world.coaches["CADRE"] + world.coaches["PIPELINE"][:1]
    for eid, ev in world.events.items():
        if ev["program"] not in ("CADRE", "PNET") or ev["event_type"] != "virtual":
            continue
        title = _zoom_title(rng, ev)
        start = dt.datetime.fromisoformat(f"{ev['event_date']}T{ev['start_time']}")
        end = dt.datetime.fromisoformat(f"{ev['event_date']}T{ev['end_time']}")
        conns: list[tuple[dt.datetime, dict, bool]] = []

        def add(name: str, email: str, t0: dt.datetime, t1: dt.datetime, noisy: bool = False) -> None:
            minutes = max(1, math.ceil((t1 - t0).total_seconds() / 60))
            conns.append((t0, {"Topic": title, "Name (Original Name)": name, "User Email": email,
                               "Join Time": _zoom_time(t0), "Leave Time": _zoom_time(t1),
                               "Duration (Minutes)": minutes, "Guest": "No" if email else "Yes"}, noisy))

        for f in facilitators[:2] if ev["program"] == "CADRE" else facilitators[2:3]:
            t0 = start - dt.timedelta(minutes=int(rng.integers(10, 20)), seconds=int(rng.integers(0, 60)))
            add(f, f"{ascii_fold(f).lower().replace(' ', '.')}@{PROGRAM_DOMAIN}", t0,
                end + dt.timedelta(seconds=int(rng.integers(90, 540))))
        for r in _attendees(world, ev):
            status = world.attendance.get((eid, r.registration_id))
            if status not in ("present", "partial"):
                continue
            name = _zoom_display(rng, r)
            email = "" if rng.random() < 0.15 else noisy_email(rng, r.email, p=0.2)
            t0 = start + dt.timedelta(seconds=int(rng.integers(-300, 420)))
            t1 = end + dt.timedelta(seconds=int(rng.integers(-240, 180)))
            if status == "partial":
                if rng.random() < 0.5:
                    t0 = start + dt.timedelta(seconds=int(rng.integers(1200, 2400)))
                else:
                    t1 = end - dt.timedelta(seconds=int(rng.integers(1500, 2700)))
            noisy = name != r.name
            if rng.random() < 0.1:  # dropped and reconnected: two rows for one person
                cut = t0 + (t1 - t0) * float(rng.uniform(0.3, 0.7))
                add(name, email, t0, cut, noisy)
                add(name, email, cut + dt.timedelta(seconds=int(rng.integers(40, 240))), t1, noisy)
            else:
                add(name, email, t0, t1, noisy)
        conns.sort(key=lambda c: c[0])
        for _, rec, noisy in conns:
            i = sheet.add(rec)
            if noisy:
                sheet.tag(i, "zoom_name_noise", ["Name (Original Name)"])
    sheet.tag_where("zoom_email_noise", "User Email", has_email_noise)
    return sheet


_MARK = {"present": "P", "partial": "PT", "absent": "A", "excused": "E"}


def network_attendance(world: World, rng: np.random.Generator, wg_members: dict[str, str]) -> Sheet:
    """The network coordinator's wide roster: one row per leader, one column per meeting.

    Cells: P present, PT partial, A absent, E excused, W after withdrawal. ``Total Hours`` is the
    coordinator's own sum (3 per P, 1.5 per PT); ``WG Sessions`` counts working-group sessions.
    """
    meetings = [e for e in world.events.values() if e["event_type"] == "network_meeting"]
    heads = [f"Mtg {k} ({dt.date.fromisoformat(e['event_date']).month}/"
             f"{dt.date.fromisoformat(e['event_date']).day}/25)" for k, e in enumerate(meetings, start=1)]
    cols = ["Last Name", "First Name", "District", "Email", *heads, "Working Group", "WG Sessions",
            "Total Hours"]
    sheet = Sheet("network_attendance.csv", cols)
    leaders = sorted(world.by_program("NETWORK"), key=lambda r: (ascii_fold(r.last), ascii_fold(r.first)))
    for r in leaders:
        rec: dict = {"Last Name": r.last, "First Name": r.first,
                     "District": world.geo.district_by_code[r.district_code].name,
                     "Email": noisy_email(rng, r.email, p=0.12)}
        hours = 0.0
        for h, e in zip(heads, meetings, strict=True):
            status = world.attendance.get((e["event_id"], r.registration_id))
            rec[h] = _MARK[status] if status else "W"
            hours += {"P": 3.0, "PT": 1.5}.get(rec[h], 0.0)
        g = wg_members.get(r.registration_id)
        rec["Working Group"] = NETWORK_GROUPS[g] if g else ""
        rec["WG Sessions"] = sum(
            1 for (eid, rid), s in world.attendance.items()
            if rid == r.registration_id and eid.startswith("NET-WG") and s in ("present", "partial")
        ) if g else ""
        rec["Total Hours"] = f"{hours:.1f}"
        sheet.add(rec)
    sheet.tag_where("network_attendance_email_noise", "Email", has_email_noise)
    return sheet
