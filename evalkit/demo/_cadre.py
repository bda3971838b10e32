"""The science leadership cadres: teams, SurveyMonkey event evaluations, coaching log and case notes.

Three cadres (C1-C3) of 10, 11 and 9 school teams; each team is a principal plus two to four of
AP, teacher leaders and a coach. The coaching log also carries the pipeline's coaching (column
``program``), because in the programs we model one coaching team logs both in one sheet.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from evalkit.demo._people import (
    Registrant, World, ascii_fold, make_phone, mention, noisy_email, obfuscated_email,
)
from evalkit.demo._sheet import MONTH_ABBR, MONTH_NAME, Sheet, fill_text, has_email_noise, pick, us_datetime

__all__ = ["CADRE_SIZES", "cadre_registrants", "surveymonkey_evals", "coaching_log", "case_notes",
           "SM_KEYS"]

CADRE_SIZES = {"C1": 10, "C2": 11, "C3": 9}
_YEARS_IN_ROLE = {"principal": (1, 15), "AP": (1, 9), "teacher_leader": (1, 13), "coach": (1, 11)}


def _date_between(rng: np.random.Generator, a: dt.date, b: dt.date) -> dt.date:
    return a + dt.timedelta(days=int(rng.integers(0, (b - a).days + 1)))


def cadre_registrants(world: World, rng: np.random.Generator
                      ) -> tuple[list[Registrant], dict[str, list[str]]]:
    """Cadre teams at 30 non-Riverdale, non-high schools; returns registrants and site-visit host names."""
    candidates = [s for s in world.geo.schools if s.district_code != "0010" and s.grade_band != "9-12"]
    order = rng.permutation(len(candidates))
    picked = iter(candidates[int(i)] for i in order)
    people: list[Registrant] = []
    hosts: dict[str, list[str]] = {}
    for cadre, n_teams in CADRE_SIZES.items():
        team_schools = [next(picked) for _ in range(n_teams)]
        hosts[cadre] = [f"{s.name} ({world.geo.district_by_code[s.district_code].name.split(' ')[0]})"
                        for s in team_schools[1:3]]
        for k, school in enumerate(team_schools, start=1):
            size = int(rng.choice([3, 4, 5], p=[0.3, 0.45, 0.25]))
            others = list(rng.permutation(["AP", "teacher_leader", "teacher_leader", "coach"]))[: size - 1]
            district = world.geo.district_by_code[school.district_code]
            for role in ["principal", *[str(o) for o in others]]:
                first, last = world.names.draw()
                yrs = int(rng.integers(*_YEARS_IN_ROLE[role]))
                people.append(Registrant(
                    program="CADRE", cohort_year=2025, first=first, last=last,
                    email=world.names.email(first, last, district.domain), phone=make_phone(rng),
                    district_code=district.code, school_code=school.code, role=role,
                    registration_date=_date_between(rng, dt.date(2025, 5, 12), dt.date(2025, 8, 8)),
                    cadre_id=cadre, team_id=f"{cadre}-T{k:02d}", years_in_role=yrs,
                    years_in_district=yrs + int(rng.integers(0, 11)), grade_band=school.grade_band,
                    trait=float(rng.normal()), engagement=float(rng.beta(9, 2)),
                ))
    return people, hosts


# --- SurveyMonkey -------------------------------------------------------------------------------

#: Record keys of event_evals_surveymonkey.csv, in file order, with their row-1 and row-2 text.
SM_KEYS: tuple[tuple[str, str, str], ...] = (
    ("respondent_id", "Respondent ID", ""),
    ("collector_id", "Collector ID", ""),
    ("start_date", "Start Date", ""),
    ("end_date", "End Date", ""),
    ("ip_address", "IP Address", ""),
    ("email_address", "Email Address", ""),
    ("first_name", "First Name", ""),
    ("last_name", "Last Name", ""),
    ("custom_data_1", "Custom Data 1", ""),
    ("event_name", "Which session are you evaluating? Please type the session name and date.",
     "Open-Ended Response"),
    ("role", "What is your role?", "Response"),
    ("role_other", "", "Other (please specify)"),
    ("time_well_spent", "Please rate your agreement with each statement about this session.",
     "My time was well spent."),
    ("relevant", "", "The content was relevant to my work."),
    ("facilitator_effective", "", "The facilitator(s) were effective."),
    ("will_apply", "", "I will apply what I learned in my school."),
    ("overall", "Overall, how would you rate this session?", "Response"),
    ("recommend", "How likely is it that you would recommend this session to a colleague?", "Response"),
    ("most_valuable", "What was the most valuable part of this session?", "Open-Ended Response"),
    ("suggestions", "What suggestions do you have for improving future sessions?", "Open-Ended Response"),
    ("pdp_email", "If you are claiming PDPs for this session, please enter your district email address.",
     "Open-Ended Response"),
)
_AGREE = ("Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree")
_OVERALL = ("Poor", "Fair", "Good", "Very good", "Excellent")
_SM_ROLE = {"principal": "Principal", "AP": "Assistant Principal", "teacher_leader": "Teacher Leader",
            "coach": "Instructional Coach"}
_VALUABLE = (
    "Time to plan with my team.",
    "The look-for tool for science lessons",
    "Hearing how other schools handle scheduling.",
    "The protocol for giving feedback - very practical",
    "Seeing real classrooms during the visit.",
    "Working alongside {name} from {school} on the walkthrough.",
    "Honestly the conversation with {name} at lunch was the most useful thing.",
    "I will use the discourse moves with my grade 4 team.",
    "Grant funded materials list was helpful.",
    "",
)
_SUGGEST = (
    "More time for team planning, less sitting and listening.",
    "Start on time please.",
    "Send the slides ahead of time. My email is {email}",
    "Could we get the recording? You can reach me at {phone}.",
    "Please contact {obf} about parking at the site - it was a mess.",
    "Shorter breaks, more examples from middle school.",
    "The room was cold.",
    "Would love a follow-up with {name}'s team.",
    "",
)


def _sm_time(t: dt.datetime) -> str:
    return us_datetime(t)


def _typed_event_name(rng: np.random.Generator, ev: dict) -> str:
    """What respondents type for "which session": topic fragments, dates, typos, cadre numbers."""
    d = dt.date.fromisoformat(ev["event_date"])
    n = ev["cadre_id"][1]
    short = ev["_short"]
    kind = ev["event_type"].replace("_", " ").replace("face to face", "in-person")
    options = (
        ev["topic"],
        f"{ev['topic'].lower()} {d.month}/{d.day}",
        f"Cadre {n} - {d.month}/{d.day}",
        f"{short} ({MONTH_ABBR[d.month - 1]} {d.day})",
        f"cadre {n} {short}",
        f"{MONTH_NAME[d.month - 1]} {kind} session",
        f"{short.replace('s', 'z', 1)} {d.month}/{d.day}/{d.year % 100}",
    )
    return pick(rng, options)


def _typed_pnet_name(rng: np.random.Generator, ev: dict) -> str:
    """What principals type for "which session": the topic, the phase and a date, a fragment of the topic."""
    d = dt.date.fromisoformat(ev["event_date"])
    short = ev["topic"].split(":", 1)[-1].strip()
    options = (
        ev["topic"],
        f"{ev['phase']} - {d.month}/{d.day}",
        f"{short} ({MONTH_ABBR[d.month - 1]} {d.day})",
        f"principal network {ev['phase'].lower()} {short.lower()}",
        f"{MONTH_NAME[d.month - 1]} {ev['phase']} session",
    )
    return pick(rng, options)


def _likert(rng: np.random.Generator, latent: float) -> int:
    return int(np.clip(np.rint(3.9 + latent + rng.normal(0, 0.55)), 1, 5))


def surveymonkey_evals(world: World, rng: np.random.Generator, program: str = "CADRE") -> Sheet:
    """Per-session evaluations from one SurveyMonkey web-link collector: ``event_evals_surveymonkey.csv`` for
    the cadres, ``pnet_session_evals_surveymonkey.csv`` for the principal network (the same form).

    Seeds: the matrix's N/A answers, PII in the two open-ended answers, e-mail noise in the PDP
    e-mail, and (cadres) one late evaluation that names an event of another cadre.
    """
    keys = [k for k, _, _ in SM_KEYS]
    cadre = program == "CADRE"
    file = "event_evals_surveymonkey.csv" if cadre else "pnet_session_evals_surveymonkey.csv"
    tag = "sm" if cadre else "pnet_sm"
    sheet = Sheet(file, keys, extra_header=[[t for _, _, t in SM_KEYS]],
                  header_text=[t for _, t, _ in SM_KEYS])
    people = world.by_program(program)
    pending: list[tuple[dt.datetime, dict, list[tuple[str, list[dict[str, str]]]], Registrant]] = []
    events = [e for e in world.events.values() if e["program"] == program]
    for ev in events:
        quality = float(rng.normal(0.1, 0.35))
        end = dt.datetime.fromisoformat(f"{ev['event_date']}T{ev['end_time']}")
        for r in people:
            if world.attendance.get((ev["event_id"], r.registration_id)) not in ("present", "partial"):
                continue
            if rng.random() > 0.72:
                continue
            delay = (dt.timedelta(seconds=int(rng.integers(120, 9000))) if rng.random() < 0.65
                     else dt.timedelta(days=int(rng.integers(1, 5)), seconds=int(rng.integers(0, 36000))))
            rec, texts = _sm_answers(world, rng, r, ev, quality)
            pending.append((end + delay, rec, texts, r))
    wrong_rec = None
    if cadre:
        # The wrong event: a C1 participant evaluates a C2 session twelve days late, claiming PDPs.
        c2_visit = next(e for e in events if e["cadre_id"] == "C2" and e["event_type"] == "site_visit")
        c1 = [r for r in people if r.cadre_id == "C1" and r.status == "active"]
        liar = c1[int(rng.integers(len(c1)))]
        rec, texts = _sm_answers(world, rng, liar, c2_visit, 0.0)
        visit_day = dt.date.fromisoformat(c2_visit["event_date"])
        rec["event_name"] = f"Cadre 2 site visit {visit_day.month}/{visit_day.day}"
        rec["pdp_email"] = liar.email
        when = dt.datetime.fromisoformat(f"{c2_visit['event_date']}T20:14:00") + dt.timedelta(days=12)
        pending.append((when, rec, texts, liar))
        wrong_rec = rec

    pending.sort(key=lambda p: p[0])
    respondent = 114_208_551_372 if cadre else 115_904_120_006
    for start, rec, texts, _ in pending:
        respondent += int(rng.integers(40_000, 900_000))
        finish = start + dt.timedelta(seconds=int(rng.integers(70, 420)))
        rec.update({"respondent_id": respondent, "collector_id": 431_552_018 if cadre else 431_557_460,
                    "start_date": _sm_time(start), "end_date": _sm_time(finish),
                    "ip_address": f"{pick(rng, ('198.51.100', '203.0.113'))}.{int(rng.integers(1, 255))}"})
        i = sheet.add(rec)
        for column, spans in texts:
            sheet.note(i, f"{tag}_pii", spans, column)
        na = [c for c in ("time_well_spent", "relevant", "facilitator_effective",
                          "will_apply") if rec[c] == "N/A"]
        if na:
            sheet.tag(i, f"{tag}_na", na)
        if rec is wrong_rec:
            sheet.tag(i, "sm_wrong_event", ["event_name", "pdp_email"])
    sheet.tag_where(f"{tag}_email_noise", "pdp_email", has_email_noise)
    return sheet


def _sm_answers(world: World, rng: np.random.Generator, r: Registrant, ev: dict,
                quality: float) -> tuple[dict, list[tuple[str, list[dict[str, str]]]]]:
    latent = 0.35 * r.trait + quality
    rec: dict = {"event_name": _typed_event_name(rng, ev) if ev["program"] == "CADRE" else _typed_pnet_name(rng, ev)}
    if rng.random() < 0.95:
        rec["role"] = _SM_ROLE[r.role]
    elif rng.random() < 0.5:
        rec["role_other"] = "Science specialist"
    for c in ("time_well_spent", "relevant", "facilitator_effective", "will_apply"):
        p_na = 0.08 if c == "will_apply" else 0.015
        rec[c] = "N/A" if rng.random() < p_na else _AGREE[_likert(rng, latent) - 1]
    rec["overall"] = _OVERALL[_likert(rng, latent) - 1]
    rec["recommend"] = int(np.clip(np.rint(8.2 + 1.6 * latent + rng.normal(0, 1.2)), 0, 10))
    texts: list[tuple[str, list[dict[str, str]]]] = []
    peers = [p for p in world.by_program(r.program) if p.cadre_id == r.cadre_id and p is not r]
    other = pick(rng, peers)
    school = world.geo.school_by_code[other.school_code or ""].name
    values = {"name": (mention(rng, other.first, other.last), "name"), "school": (school, "school"),
              "email": (r.email, "email"), "phone": (r.phone, "phone"),
              "obf": (obfuscated_email(r.email), "email")}
    for column, pool, p in (("most_valuable", _VALUABLE, 0.7), ("suggestions", _SUGGEST, 0.45)):
        if rng.random() < p:
            text, spans = fill_text(pick(rng, pool), values)
            rec[column] = text
            texts.append((column, spans))
    if rng.random() < 0.4:
        rec["pdp_email"] = noisy_email(rng, r.email, p=0.3)
    return rec, texts


# --- Coaching log -------------------------------------------------------------------------------

_FOCUS = ("science walkthroughs", "feedback to teachers", "team meeting facilitation", "data use",
          "curriculum implementation", "equitable discourse", "scheduling and time", "improvement initiative")
_NEXT = ("Send observation template; schedule next walkthrough.", "Draft agenda for the next team meeting.",
         "Collect two samples of student notebooks.", "Share the feedback protocol with grade-level leads.",
         "Review benchmark data before next session.", "Follow up on the master schedule proposal.")
_NOTES = (
    "{a} shared walkthrough data from grade 4 science; we practiced a feedback stem together.",
    "Met with {a} and {b}. {t} is piloting notebooks and {a2} will visit that room Thursday.",
    "Looked at {a}'s walkthrough notes together; strong focus on student talk.",
    "{a} is worried about the new schedule at {school}. Follow up by phone {phone}.",
    "{a} asked me to send the observation template to {email}.",
    "Team reviewed benchmark data; {b} will lead the next PLC. Good energy in the room.",
    "{a} was out sick; met with {b} instead. Rescheduled.",
    "Debriefed the rounds visit with {a}. {t} wants support with discourse routines.",
    "{a} mentioned she is the only bilingual AP in the district and feels stretched thin.",
    "Planning time was cut again this month. We will hope for a better May schedule.",
)


def _coach_note(rng: np.random.Generator, world: World, a: Registrant, b: Registrant | None
                ) -> tuple[str, list[dict[str, str]]]:
    first, last = world.names.draw()  # a teacher who is not on any roster
    template = pick(rng, _NOTES if b is not None else [n for n in _NOTES if "{b}" not in n])
    values = {
        "a": (mention(rng, a.first, a.last), "name"),
        "a2": (mention(rng, a.first, a.last), "name"),
        "b": (mention(rng, b.first, b.last), "name") if b is not None else ("", None),
        "t": (f"{pick(rng, ('Ms.', 'Mr.'))} {last}", "name_offroster"),
        "school": (world.geo.school_by_code[a.school_code or ""].name, "school"),
        "phone": (a.phone, "phone"), "email": (a.email, "email"),
    }
    text, spans = fill_text(template, values)
    if "only bilingual AP" in template:
        spans.append({"kind": "self_identifying", "text": "the only bilingual AP in the district"})
    return text, spans


def coaching_log(world: World, rng: np.random.Generator, pipeline_teams: dict[str, list[Registrant]],
                 initiatives: dict[str, str]) -> Sheet:
    """``coaching_log.csv`` for both coached programs (column ``program``: CADRE or PIPELINE)."""
    cols = ["log_id", "program", "date", "coach_name", "coachee_registration_ids", "team_id", "session_type",
            "modality", "minutes", "focus_area", "initiative_id", "next_steps_text", "notes_text"]
    sheet = Sheet("coaching_log.csv", cols)
    entries: list[tuple[dt.date, dict, list[dict[str, str]]]] = []

    def log(program: str, date: dt.date, coach: str, who: list[Registrant], team: str, kind: str,
            initiative: str = "") -> None:
        a = who[0]
        b = who[1] if len(who) > 1 else None
        text, spans = _coach_note(rng, world, a, b)
        entries.append((date, {
            "program": program, "date": date.isoformat(), "coach_name": coach,
            "coachee_registration_ids": ";".join(p.registration_id for p in who), "team_id": team,
            "session_type": kind, "modality": pick(rng, ("in_person", "in_person", "virtual", "phone")),
            "minutes": int(rng.choice([30, 45, 45, 60, 60, 75, 90])), "focus_area": pick(rng, _FOCUS),
            "initiative_id": initiative, "next_steps_text": pick(rng, _NEXT), "notes_text": text,
        }, spans))

    cadre = world.by_program("CADRE")
    teams = sorted({r.team_id for r in cadre if r.team_id})
    for t, team in enumerate(teams):
        members = [r for r in cadre if r.team_id == team]
        coach = world.coaches["CADRE"][t % len(world.coaches["CADRE"])]
        for month in (10, 11, 12, 1, 2, 3, 4):
            if rng.random() < 0.15:
                continue  # a missed month
            year = 2025 if month >= 8 else 2026
            date = dt.date(year, month, int(rng.integers(3, 27)))
            present = [r for r in members if r.withdrawn_date is None or r.withdrawn_date > date]
            who = [present[0]] + [r for r in present[1:] if rng.random() < 0.8]
            log("CADRE", date, coach, who, team, "team")
        if rng.random() < 0.6:
            log("CADRE", dt.date(2026, int(rng.integers(1, 5)), int(rng.integers(3, 27))), coach,
                [members[0]],
                team, "individual")
    coaches = world.coaches["PIPELINE"]
    cohort = [r for r in world.by_program("PIPELINE") if r.cohort_year == 2025]
    for k, r in enumerate(cohort):
        for _ in range(int(rng.integers(3, 9))):
            month = int(pick(rng, (9, 10, 11, 12, 1, 2, 3, 4, 5)))
            date = dt.date(2025 if month >= 8 else 2026, month, int(rng.integers(2, 28)))
            if r.withdrawn_date is not None and date > r.withdrawn_date:
                continue
            log("PIPELINE", date, coaches[k % len(coaches)], [r], "", "individual")
    for t, (team, members) in enumerate(sorted(pipeline_teams.items())):
        for month in (11, 1, 3, 5):
            date = dt.date(2025 if month >= 8 else 2026, month, int(rng.integers(2, 28)))
            log("PIPELINE", date, coaches[t % len(coaches)], members, team, "team", initiatives[team])
    entries.sort(key=lambda e: (e[0], e[1]["program"], e[1]["coachee_registration_ids"]))
    for n, (_, rec, spans) in enumerate(entries, start=1):
        i = sheet.add({"log_id": f"CL-{n:04d}", **rec})
        sheet.note(i, "coaching_pii", spans, "notes_text")
    return sheet


# --- Case-study notes ---------------------------------------------------------------------------

def case_notes(world: World, rng: np.random.Generator) -> list[tuple[str, str, list[dict]]]:
    """Four site-visit/interview notes for C1 schools: ``(relative path, markdown text, pii lines)``.

    The PII list gives, per planted identifier, its 1-based line in the note.
    """
    cadre = [r for r in world.by_program("CADRE") if r.cadre_id == "C1"]
    teams = sorted({r.team_id for r in cadre if r.team_id})[:4]
    out = []
    for k, team in enumerate(teams):
        members = [r for r in cadre if r.team_id == team]
        p = members[0]
        school = world.geo.school_by_code[p.school_code or ""]
        district = world.geo.district_by_code[p.district_code]
        other = members[1]
        t_first, t_last = world.names.draw()
        visit = dt.date(2025, 10, 21) + dt.timedelta(days=int(rng.integers(0, 120)))
        quoted = mention(rng, other.first, other.last)
        office = make_phone(rng)
        hidden = obfuscated_email(other.email)
        lines = [
            (f"# Case study notes: {school.name}, {district.name}", [("school", school.name)]),
            ("", []),
            (f"Site visit on {MONTH_NAME[visit.month - 1]} {visit.day}, {visit.year}. Notes by "
             f"{world.coaches['CADRE'][k % 3]}.",
             []),
            ("", []),
            ("## People interviewed", []),
            ("", []),
            (f"- {p.name}, principal ({p.email}, {p.phone})",
             [("name", p.name), ("email", p.email), ("phone", p.phone)]),
            (f"- {other.name}, {other.role.replace('_', ' ')}", [("name", other.name)]),
            (f"- {t_first} {t_last}, grade {int(rng.integers(3, 6))} teacher (not on the team)",
             [("name_offroster", f"{t_first} {t_last}")]),
            ("", []),
            ("## Observations", []),
            ("", []),
            (f"{p.first} opened with the team's problem of practice: students rarely explain their "
             "reasoning in science. In the two classrooms we visited, students worked in pairs on a model of "
             "the water cycle.",
             [("name", p.first)]),
            (f"{other.first} is using the look-for tool weekly and brought notebooks to the debrief. "
             f"{t_last}'s class is the pilot classroom.",
             [("name", other.first), ("name_offroster", f"{t_last}'s")]),
            ("", []),
            ("## Quotes", []),
            ("", []),
            (f"> \"We finally have a shared picture of good science teaching at {school.name}.\" ({p.first})",
             [("school", school.name), ("name", p.first)]),
            (f"> \"I hope we keep the team together next year.\" ({quoted})", [("name", quoted)]),
            ("", []),
            ("## Follow-up", []),
            ("", []),
            (f"Send the rounds protocol to {hidden}; call the main office at {office} to book the next "
             "visit.",
             [("email", hidden), ("phone", office)]),
        ]
        text_lines = [ln for ln, _ in lines]
        pii = [{"row": n, "column": None, "kind": kind, "text": val}
               for n, (_, spans) in enumerate(lines, start=1) for kind, val in spans]
        slug = ascii_fold(school.name).lower().replace(" ", "_").replace("-", "_")
        out.append((f"case_study_notes/{team}_{slug}.md", "\n".join(text_lines) + "\n", pii))
    return out

