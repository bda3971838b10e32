"""The district leadership pipeline: HR careers, pipeline registrants and improvement initiatives.

One district (Riverdale, code "0010") runs three tiers (BA = aspiring leaders: teacher leaders and
coaches; EL = emerging leaders: assistant principals; LL = new principals), 20 people per tier in
each of three cohorts (2023-2025). Careers are simulated year by year on 1 October snapshots,
2020-21 to 2025-26, for the 180 participants and 300 non-participants. After their cohort starts,
participants are promoted more often and leave less often, so the retention analysis has something
to find; before it they behave like everyone else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from evalkit.demo._people import Registrant, World, make_phone
from evalkit.demo._sheet import Sheet, pick

__all__ = ["TIERS", "PIPELINE_COHORTS", "HR_COLUMNS", "simulate_hr", "improvement_actions"]

TIERS: tuple[str, ...] = ("BA", "EL", "LL")
PIPELINE_COHORTS: tuple[int, ...] = (2023, 2024, 2025)
YEARS: tuple[int, ...] = (2020, 2021, 2022, 2023, 2024, 2025)  # fall of each school year
DISTRICT = "0010"

# Career ladder levels -> (job_category, registration role)
_LADDER = {
    0: ("teacher", "teacher_leader"),
    1: ("coach", "coach"),
    2: ("assistant_principal", "AP"),
    3: ("principal", "principal"),
    4: ("central_office", "district_leader"),
}
_TITLES = {
    0: ("Teacher Leader - Grade 3", "Teacher Leader - Science", "Teacher Leader - Grade 5",
        "Teacher Leader - ELA"),
    1: ("Instructional Coach (Math)", "Instructional Coach (Literacy)", "Science Coach"),
    2: ("Assistant Principal",),
    3: ("Principal",),
    4: ("Director of Teaching and Learning", "Director of School Leadership", "Assistant Superintendent"),
}
_YEARS_IN_ROLE = {"BA": (2, 11), "EL": (1, 6), "LL": (1, 4)}  # LL are new principals
_SEPARATION_REASONS = ("resignation", "retirement", "relocation", "non_renewal", "other")
_SEPARATION_P = np.array([0.45, 0.2, 0.15, 0.1, 0.1])

HR_COLUMNS = [
    "employee_id", "first_name", "last_name", "email", "participant", "tier", "cohort_year", "school_year",
    "snapshot_date", "job_title", "job_category", "school_code", "fte", "status", "separation_date",
    "separation_reason", "hire_date",
]
CENTRAL_OFFICE = "00109999"  # Riverdale's central office has its own location code in HR


@dataclass
class _Career:
    first: str
    last: str
    email: str
    hire: dt.date
    participant: bool
    tier: str | None = None
    cohort: int | None = None
    #: year -> (level, school_code, status, title); status in active/leave/separated
    years: dict[int, tuple[int, str, str, str]] = field(default_factory=dict)
    separation: tuple[dt.date, str] | None = None


def _rand_date(rng: np.random.Generator, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=int(rng.integers(0, (end - start).days + 1)))


def _simulate(rng: np.random.Generator, c: _Career, start_year: int, level: int, school: str,
              schools: list[str]) -> None:
    """Walk one career forward from ``start_year``; participant rates apply from the cohort year on."""
    status = "active"
    for y in YEARS:
        if y < start_year:
            continue
        if y > start_year:
            boosted = c.participant and c.cohort is not None and y > c.cohort
            p_leave = (0.045 if boosted else 0.08) + (0.02 if level == 3 else 0.0)
            p_prom = {0: 0.05, 1: 0.05, 2: 0.07, 3: 0.03, 4: 0.0}[level] * (3.0 if boosted else 1.0)
            u = rng.random()
            if u < p_leave:
                sep_date = _rand_date(rng, dt.date(y - 1, 10, 2), dt.date(y, 9, 30))
                reason = _SEPARATION_REASONS[int(rng.choice(5, p=_SEPARATION_P))]
                c.separation = (sep_date, reason)
                c.years[y] = (level, school, "separated", c.years[y - 1][3])
                return
            if u < p_leave + p_prom:
                level = {0: 2, 1: 2, 2: 3, 3: 4}[level]
                school = CENTRAL_OFFICE if level == 4 else pick(rng, schools)
            elif rng.random() < 0.07 and level < 4:
                school = pick(rng, [s for s in schools if s != school])
            status = "leave" if rng.random() < 0.02 else "active"
        same_job = (y - 1) in c.years and c.years[y - 1][0] == level
        title = c.years[y - 1][3] if same_job else pick(rng, _TITLES[level])
        c.years[y] = (level, school, status, title)


def simulate_hr(world: World, rng: np.random.Generator) -> tuple[Sheet, list[Registrant]]:
    """Build ``hr_snapshots.csv`` and the pipeline's registrants (one per participant, at cohort start).

    Returns
    -------
    sheet : Sheet
        HR snapshot rows sorted by school year, then employee id.
    registrants : list of Registrant
        Pipeline registrations (ids are assigned later, when all programs are merged).
    """
    schools = [s.code for s in world.geo.schools_in(DISTRICT)]
    domain = world.geo.district_by_code[DISTRICT].domain
    careers: list[_Career] = []
    # Participants: in their tier's role at cohort start; some were promoted into it a year or two before.
    target_level = {"BA": None, "EL": 2, "LL": 3}
    for cohort in PIPELINE_COHORTS:
        for tier in TIERS:
            for _ in range(20):
                first, last = world.names.draw()
                c = _Career(first, last, world.names.email(first, last, domain),
                            _rand_date(rng, dt.date(1998, 8, 15), dt.date(cohort - 2, 8, 31)),
                            participant=True, tier=tier, cohort=cohort)
                lvl = target_level[tier] if target_level[tier] is not None else int(rng.integers(0, 2))
                start = max(2020, c.hire.year + (1 if c.hire.month >= 10 else 0))
                school = pick(rng, schools)
                promoted_in = int(rng.integers(start,
                                               cohort + 1)) if lvl >= 2 and rng.random() < 0.3 else None
                for y in YEARS:
                    if y < start or y > cohort:
                        continue
                    this = lvl - 1 if (promoted_in is not None and y < promoted_in) else lvl
                    prev = c.years.get(y - 1)
                    title = prev[3] if prev and prev[0] == this else pick(rng, _TITLES[this])
                    c.years[y] = (this, school, "active", title)
                _simulate(rng, c, cohort, lvl, school, schools)
                careers.append(c)
    # Non-participants: 260 on staff in fall 2020, 40 hired later (late entry for survival analysis).
    for k in range(300):
        first, last = world.names.draw()
        late = k >= 260
        hire = (_rand_date(rng, dt.date(2020, 10, 2), dt.date(2024, 9, 1)) if late
                else _rand_date(rng, dt.date(1994, 8, 15), dt.date(2020, 9, 1)))
        c = _Career(first, last, world.names.email(first, last, domain), hire, participant=False)
        lvl = int(rng.choice(4, p=[0.34, 0.2, 0.3, 0.16]))
        start = hire.year + (1 if hire.month >= 10 else 0) if late else 2020
        _simulate(rng, c, start, lvl, pick(rng, schools), schools)
        careers.append(c)

    ids = rng.choice(np.arange(100000, 999999), size=len(careers), replace=False)
    sheet = Sheet("hr_snapshots.csv", list(HR_COLUMNS))
    rows: list[dict] = []
    registrants: list[Registrant] = []
    for c, eid in zip(careers, ids, strict=True):
        fte = pick(rng, ("1.0", "1.0", "1.0", "1.0", "0.8", "0.5"))
        for y, (lvl, school, status, title) in sorted(c.years.items()):
            sep = c.separation if status == "separated" else None
            rows.append({
                "employee_id": f"E{int(eid)}", "first_name": c.first, "last_name": c.last, "email": c.email,
                "participant": "Y" if c.participant else "N", "tier": c.tier or "",
                "cohort_year": str(c.cohort) if c.cohort else "", "school_year": f"{y}-{(y + 1) % 100:02d}",
                "snapshot_date": f"{y}-10-01", "job_title": title, "job_category": _LADDER[lvl][0],
                "school_code": school, "fte": fte, "status": status,
                "separation_date": sep[0].isoformat() if sep else "",
                         "separation_reason": sep[1] if sep else "",
                "hire_date": c.hire.isoformat(),
            })
        if c.participant and c.cohort is not None and c.tier is not None:
            lvl, school, _, _ = c.years[c.cohort]
            sch = world.geo.school_by_code[school]
            registrants.append(Registrant(
                program="PIPELINE", cohort_year=c.cohort, first=c.first, last=c.last, email=c.email,
                phone=make_phone(rng), district_code=DISTRICT, school_code=school, role=_LADDER[lvl][1],
                registration_date=_rand_date(rng, dt.date(c.cohort, 4, 20), dt.date(c.cohort, 6, 30)),
                tier=c.tier, years_in_role=int(rng.integers(*_YEARS_IN_ROLE[c.tier])),
                years_in_district=max(1, c.cohort - c.hire.year), grade_band=sch.grade_band,
                trait=float(rng.normal()), engagement=float(rng.beta(6, 2)),
            ))
    rows.sort(key=lambda r: (r["school_year"], r["employee_id"]))
    for r in rows:
        sheet.add(r)
    return sheet, registrants


_GOALS = (
    "Increase the share of grade 3-5 students meeting benchmark in reading by 10 points",
    "Reduce chronic absence among students with disabilities",
    "Every classroom uses a common science notebook routine",
    "Raise the percentage of observed lessons with high-level student discourse",
    "Strengthen Tier 2 math intervention with weekly progress monitoring",
    "Build a collaborative planning cycle for grade-level teams",
)
_STEPS = (
    "Form an improvement team and agree on norms",
    "Analyze last year's data and name the problem of practice",
    "Select a change idea and define a measure",
    "Run a first PDSA cycle in two classrooms",
    "Share results at a staff meeting",
    "Revise the routine and scale to all grade-level teams",
    "Schedule monthly data meetings for the rest of the year",
    "Collect student work samples for a calibration session",
)
_OWNERS = ("principal", "AP", "teacher_leader", "coach", "team")


def improvement_actions(world: World, rng: np.random.Generator, teams: dict[str, list[Registrant]]
                        ) -> tuple[Sheet, dict[str, str]]:
    """``improvement_actions.csv``: one initiative per pipeline school team, 4-7 action steps each.

    Also returns team_id -> initiative_id, which the coaching log cites.
    """
    sheet = Sheet("improvement_actions.csv", [
        "initiative_id", "school_code", "team_id", "goal_text", "action_step_id", "step_text", "owner_role",
        "due_date", "status", "status_date",
    ])
    initiatives: dict[str, str] = {}
    for k, (team_id, members) in enumerate(sorted(teams.items()), start=1):
        initiative = f"PI-{members[0].cohort_year}-{k:02d}"
        initiatives[team_id] = initiative
        n_steps = int(rng.integers(4, 8))
        goal = pick(rng, _GOALS)
        start = dt.date(members[0].cohort_year, 10, 15)
        for s in range(n_steps):
            due = start + dt.timedelta(days=35 * (s + 1) + int(rng.integers(-5, 6)))
            # Earlier steps are more likely finished; a few are dropped when priorities change.
            p_complete = max(0.1, 0.9 - 0.12 * s)
            u = rng.random()
            if u < 0.05:
                status = "dropped"
            elif u < 0.05 + p_complete:
                status = "complete"
            elif u < 0.05 + p_complete + 0.6 * (1 - p_complete):
                status = "in_progress"
            else:
                status = "not_started"
            status_date = None
            if status != "not_started":
                status_date = due + dt.timedelta(days=int(rng.integers(-10, 20)))
            sheet.add({
                "initiative_id": initiative, "school_code": members[0].school_code, "team_id": team_id,
                "goal_text": goal, "action_step_id": f"{initiative}-S{s + 1}", "step_text": _STEPS[s],
                "owner_role": pick(rng, _OWNERS), "due_date": due.isoformat(), "status": status,
                "status_date": status_date.isoformat() if status_date else "",
            })
    return sheet, initiatives
