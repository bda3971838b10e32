"""The state district-leaders network and the principal network (PNET).

Network: 60 district leaders from the 40 districts (one or two per district), five half-day
meetings in 2025, three working groups, and a Google Forms end-of-network evaluation with
retrospective "Before the network" / "Now" pairs. PNET: 24 principals working through an
8-step inquiry cycle across the Connect, Lead and Succeed phases, with school assessments.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from evalkit.demo._events import NETWORK_GROUPS
from evalkit.demo._people import PERSONAL_DOMAIN, Registrant, World, ascii_fold, make_phone, mention
from evalkit.demo._sheet import MONTH_ABBR, Sheet, fill_text, pick
from evalkit.demo._surveys import break_straight_line

__all__ = ["network_registrants", "pnet_registrants", "working_groups", "google_forms_eval", "inquiry_cycle",
           "school_assessments", "STEP_NAMES", "RUBRIC"]


def _date_between(rng: np.random.Generator, a: dt.date, b: dt.date) -> dt.date:
    return a + dt.timedelta(days=int(rng.integers(0, (b - a).days + 1)))


def network_registrants(world: World, rng: np.random.Generator) -> list[Registrant]:
    """One leader per district, plus a second leader in 20 of them: 60 in all."""
    districts = list(world.geo.districts)
    extra = {int(i) for i in rng.choice(len(districts), size=20, replace=False)}
    people = []
    for k, d in enumerate(districts):
        for _ in range(2 if k in extra else 1):
            first, last = world.names.draw()
            yrs = int(rng.integers(1, 12))
            people.append(Registrant(
                program="NETWORK", cohort_year=2025, first=first, last=last,
                email=world.names.email(first, last, d.domain), phone=make_phone(rng), district_code=d.code,
                school_code=None, role="district_leader",
                registration_date=_date_between(rng, dt.date(2024, 12, 2), dt.date(2025, 1, 24)),
                years_in_role=yrs, years_in_district=yrs + int(rng.integers(0, 15)), grade_band="PreK-12",
                trait=float(rng.normal()), engagement=float(rng.beta(7, 2)),
            ))
    return people


def pnet_registrants(world: World, rng: np.random.Generator, exclude: set[str]) -> list[Registrant]:
    """24 principals at schools not already in a cadre (``exclude`` holds those school codes)."""
    candidates = [s for s in world.geo.schools if s.code not in exclude and s.district_code != "0010"]
    people = []
    for i in rng.choice(len(candidates), size=24, replace=False):
        school = candidates[int(i)]
        d = world.geo.district_by_code[school.district_code]
        first, last = world.names.draw()
        yrs = int(rng.integers(1, 10))
        people.append(Registrant(
            program="PNET", cohort_year=2025, first=first, last=last,
            email=world.names.email(first, last, d.domain), phone=make_phone(rng), district_code=d.code,
            school_code=school.code, role="principal",
            registration_date=_date_between(rng, dt.date(2025, 6, 16), dt.date(2025, 8, 29)),
            years_in_role=yrs, years_in_district=yrs + int(rng.integers(0, 12)), grade_band=school.grade_band,
            trait=float(rng.normal()), engagement=float(rng.beta(8, 2)),
        ))
    return people


def working_groups(world: World, rng: np.random.Generator) -> dict[str, str]:
    """registration_id -> working group letter, for about half of the network."""
    out = {}
    for r in world.by_program("NETWORK"):
        if rng.random() < 0.5:
            out[r.registration_id] = pick(rng, sorted(NETWORK_GROUPS))
    return out


_ITEMS = (
    "The network meetings were a good use of my time.",
    "The content was relevant to my district's priorities.",
    "The facilitators created a space for honest problem solving.",
    "I have used at least one tool or protocol from the network in my district.",
    "I would recommend the network to a colleague in another district.",
)
_AGREE = ("Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree")
_RETRO = (
    "my confidence leading data conversations with principals",
    "my understanding of a district-wide MTSS framework",
    "my skill at facilitating cross-school problem solving",
    "my knowledge of chronic absence interventions",
)
_LEVEL = ("Very low", "Low", "Moderate", "High", "Very high")
_WG_TYPED = {"A": ("Chronic absence", "chronic absenteeism WG", "Attendance"),
             "B": ("MTSS data", "MTSS", "mtss data group"),
             "C": ("New principal onboarding", "Onboarding new principals", "new principals")}
_CHANGE = ("More time between meetings to try things.", "Hold one meeting in the western part of the state.",
           "Fewer slides, more district-to-district work.", "Nothing - keep it as is.", "")
_SELF_ID = "the only superintendent from a regional district"
_COMMENTS = (
    "Thank you, this was the best PD I had this year.",
    "{name} was a fantastic thought partner in our working group.",
    "Please send the final slides to {email}.",
    "Call me at {phone} about joining next year.",
    "I was the only superintendent from a regional district in my group, which was hard.",
    "The MTSS working group will shape our plan for next May.",
    "Great facilitation. {name} and I are now meeting monthly.",
    "More time for district teams to work together, please.",
    "",
    "",
)


def _gf_time(t: dt.datetime) -> str:
    """Google Forms' US timestamp: ``11/14/2025 15:32:07`` (month/day unpadded, 24-hour clock)."""
    return f"{t.month}/{t.day}/{t.year} {t.hour}:{t.minute:02d}:{t.second:02d}"


def google_forms_eval(world: World, rng: np.random.Generator, wg_members: dict[str, str]) -> Sheet:
    """``network_final_eval_forms.csv``: the end-of-network Google Form (full question text as headers)."""
    cols = ["Timestamp", "Email Address", "How many of the five network meetings did you attend?",
            *_ITEMS]
    for topic in _RETRO:
        cols += [f"Before the network: {topic}", f"Now: {topic}"]
    cols += ["Did you participate in a working group?", "If yes, which working group?",
             "What should we change for next year's network?", "Any other comments?"]
    sheet = Sheet("network_final_eval_forms.csv", cols)
    leaders = [r for r in world.by_program("NETWORK") if r.status == "active"]
    wg = wg_members
    rows: list[tuple[dt.datetime, dict, list[tuple[str, list[dict[str, str]]]]]] = []
    personal = {int(i) for i in rng.choice(len(leaders), size=2, replace=False)}
    for k, r in enumerate(leaders):
        if rng.random() > 0.8:
            continue
        attended = sum(1 for (eid, rid), s in world.attendance.items()
                       if rid == r.registration_id and eid.startswith("NET-M")
                       and s in ("present", "partial"))
        # People round their own attendance up more often than down.
        claimed = min(5, attended + (1 if rng.random() < 0.2 else 0))
        wait = dt.timedelta(minutes=int(min(rng.exponential(3000), 27000)), seconds=int(rng.integers(0, 60)))
        when = dt.datetime(2025, 11, 7, 12, 5) + wait
        handle = ascii_fold(r.first + r.last).lower().replace(" ", "").replace("'", "")
        email = f"{handle}{int(rng.integers(10, 99))}@{PERSONAL_DOMAIN}" if k in personal else r.email
        rec: dict = {"Timestamp": _gf_time(when), "Email Address": email,
                     "How many of the five network meetings did you attend?": str(claimed)}
        latent = 0.4 * r.trait + 0.3
        codes = {item: int(np.clip(np.rint(3.9 + latent + rng.normal(0, 0.6)), 1, 5)) for item in _ITEMS}
        break_straight_line(rng, codes, list(_ITEMS))
        for item in _ITEMS:
            rec[item] = _AGREE[codes[item] - 1]
        for topic in _RETRO:
            before = int(np.clip(np.rint(2.4 + 0.5 * r.trait + rng.normal(0, 0.6)), 1, 5))
            now = int(np.clip(before + np.rint(rng.normal(1.0, 0.6)), 1, 5))
            rec[f"Before the network: {topic}"] = _LEVEL[before - 1]
            rec[f"Now: {topic}"] = _LEVEL[now - 1]
        g = wg.get(r.registration_id)
        rec["Did you participate in a working group?"] = "Yes" if g else "No"
        rec["If yes, which working group?"] = pick(rng, _WG_TYPED[g]) if g else ""
        rec["What should we change for next year's network?"] = pick(rng, _CHANGE)
        peer = pick(rng, [p for p in world.by_program("NETWORK") if p is not r])
        text, spans = fill_text(pick(rng, _COMMENTS), {"name": (mention(rng, peer.first, peer.last), "name"),
                                                       "email": (r.email, "email"),
                                                       "phone": (r.phone, "phone")})
        if "only superintendent" in text:
            spans.append({"kind": "self_identifying", "text": _SELF_ID})
        rec["Any other comments?"] = text
        rows.append((when, rec, [("Any other comments?", spans)]))
    rows.sort(key=lambda x: x[0])
    for _, rec, texts in rows:
        i = sheet.add(rec)
        for column, spans in texts:
            sheet.note(i, "forms_pii", spans, column)
    return sheet


STEP_NAMES = (
    "Identify a problem of practice",
    "Gather baseline evidence",
    "Develop a theory of action",
    "Conduct instructional rounds",
    "Debrief and analyze patterns",
    "Plan the next level of work",
    "Implement and monitor",
    "Reflect and share results",
)
_STEP_PHASE = ("Connect", "Connect", "Connect", "Lead", "Lead", "Lead", "Succeed", "Succeed")
_STEP_WINDOW = {"Connect": (dt.date(2025, 9, 24), dt.date(2025, 11, 21)),
                "Lead": (dt.date(2025, 12, 1), dt.date(2026, 2, 27)),
                "Succeed": (dt.date(2026, 3, 9), dt.date(2026, 5, 29))}
_PROBLEMS = (
    "Students in grades 3-5 rarely explain their reasoning in math discussions.",
    "Feedback after walkthroughs is not connected to our instructional focus.",
    "English learners have few opportunities for academic talk in science.",
    "Tier 2 reading groups are not aligned with classroom instruction.",
    "Students in {t}'s grade 5 class and the rest of the team are not yet writing claims with evidence.",
    "Chronic absence is concentrated in grades K-1; family outreach is inconsistent.",
)


def _mixed_date(rng: np.random.Generator, d: dt.date) -> tuple[str, bool]:
    """ISO most of the time; otherwise a format someone typed by hand (second value: non-ISO?)."""
    u = rng.random()
    if u < 0.8:
        return d.isoformat(), False
    if u < 0.9:
        return f"{d.month}/{d.day}/{d.year}", True
    if u < 0.95:
        return f"{MONTH_ABBR[d.month - 1]} {d.day}, {d.year}", True
    return f"{d.day}-{MONTH_ABBR[d.month - 1]}-{d.year % 100:02d}", True


def inquiry_cycle(world: World, rng: np.random.Generator) -> Sheet:
    """``inquiry_cycle.csv``: 8 ordered steps per PNET principal; unfinished steps have no date."""
    cols = ["school_code", "principal_registration_id", "phase", "step_no", "step_name", "completed_date",
            "artifact", "problem_of_practice_text"]
    sheet = Sheet("inquiry_cycle.csv", cols)
    for r in sorted(world.by_program("PNET"), key=lambda p: p.school_code or ""):
        reached = int(rng.choice([3, 4, 5, 6, 7, 8, 8, 8], p=[0.05, 0.07, 0.1, 0.13, 0.15, 0.2, 0.15, 0.15]))
        first, last = world.names.draw()
        teacher = f"{pick(rng, ('Ms.', 'Mr.'))} {last}"
        text, spans = fill_text(pick(rng, _PROBLEMS), {"t": (teacher, "name_offroster")})
        done_prev = _STEP_WINDOW["Connect"][0]
        for step in range(1, 9):
            phase = _STEP_PHASE[step - 1]
            rec = {"school_code": r.school_code, "principal_registration_id": r.registration_id,
                   "phase": phase,
                   "step_no": step, "step_name": STEP_NAMES[step - 1], "completed_date": "", "artifact": "N",
                   "problem_of_practice_text": text}
            mixed = False
            if step <= reached:
                lo, hi = _STEP_WINDOW[phase]
                gap = dt.timedelta(days=int(rng.integers(0, 20)))
                done_prev = max(done_prev + dt.timedelta(days=3), lo) + gap
                done_prev = min(done_prev, hi)
                rec["completed_date"], mixed = _mixed_date(rng, done_prev)
                rec["artifact"] = "Y" if rng.random() < 0.85 else "N"
            i = sheet.add(rec)
            if mixed:
                sheet.tag(i, "inquiry_dates", ["completed_date"])
            sheet.note(i, "inquiry_pii", spans, "problem_of_practice_text")
    return sheet


_QUANT = (("walkthrough_discourse_pct", 28.0, 12.0, "{:.0f}"), ("teacher_efficacy_mean", 3.3, 0.25, "{:.2f}"),
          ("ela_benchmark_pct", 51.0, 9.0, "{:.0f}"))
_QUAL = ("ilt_functioning", "feedback_cycles")
#: rubric_level codes: 1 Beginning, 2 Developing, 3 Proficient, 4 Exemplary.
RUBRIC = ("Beginning", "Developing", "Proficient", "Exemplary")
_NARRATIVE = (
    "The ILT meets biweekly with a shared agenda; {name} facilitates and notes are posted.",
    "Feedback cycles are in place for most grade levels but follow-up is uneven.",
    "Teachers describe feedback as specific. {name} models the protocol in team meetings.",
    "Norms are set; the team has not yet looked at student work together.",
    "Strong structures; next step is distributing facilitation beyond the principal.",
)


def school_assessments(world: World, rng: np.random.Generator) -> Sheet:
    """``school_assessments.csv``: three quantitative measures and two rubric ratings, Connect and Succeed."""
    cols = ["school_code", "phase", "measure", "type", "value", "rubric_level", "narrative_text"]
    sheet = Sheet("school_assessments.csv", cols)
    for r in sorted(world.by_program("PNET"), key=lambda p: p.school_code or ""):
        for phase, gain in (("Connect", 0.0), ("Succeed", 1.0)):
            for measure, mean, sd, fmt in _QUANT:
                v = mean + sd * (0.5 * r.trait + rng.normal(0, 0.6) + 0.45 * gain)
                sheet.add({"school_code": r.school_code, "phase": phase, "measure": measure, "type": "quant",
                           "value": fmt.format(v), "rubric_level": "", "narrative_text": ""})
            for measure in _QUAL:
                level = int(np.clip(np.rint(1.8 + 0.5 * r.trait + 0.8 * gain + rng.normal(0, 0.5)), 1, 4))
                who = mention(rng, r.first, r.last)
                text, spans = fill_text(pick(rng, _NARRATIVE), {"name": (who, "name")})
                i = sheet.add({"school_code": r.school_code, "phase": phase, "measure": measure,
                               "type": "qual",
                               "value": "", "rubric_level": level,
                               "narrative_text": text})
                sheet.note(i, "assess_pii", spans, "narrative_text")
    return sheet
