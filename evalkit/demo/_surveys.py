"""Participant pre/post surveys (Qualtrics layout) and the anonymous staff surveys.

Answers come from a latent trait per person plus item noise. From pre to post each participant
grows by about 0.55 SD on the latent scale (individual growth varies), which shows up as an
effect of roughly 0.5 SD on the scale means; retrospective-pre ("then") ratings sit a little
below the real pre, the response shift the literature describes.
"""

from __future__ import annotations

import datetime as dt
import json
import string

import numpy as np

from evalkit.demo._people import PROGRAM_DOMAIN, Registrant, World, mention, noisy_email, obfuscated_email
from evalkit.demo._sheet import Sheet, fill_text, has_email_noise, pick

__all__ = ["QUALTRICS_ITEMS", "REVERSED", "qualtrics_survey", "staff_survey", "STAFF_ITEMS",
           "SELF_CODE_ELEMENTS",
           "break_straight_line"]

_AGREE = ("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree")
_FREQ = ("Never", "Rarely", "Sometimes", "Often", "Almost always")

_STEMS = {
    "Q1": "To what extent do you agree with each statement about your leadership practice this year?",
    "Q2": "How much do you agree with each statement about science instructional leadership?",
    "Q3": "In the past month, how often did you do each of the following?",
    "RQ2": "Thinking back to BEFORE the cadre began, how much would you have agreed with each statement?",
}
_ITEM_TEXT = {
    "Q1": ("I observe classroom instruction at least weekly.",
           "I give teachers specific, actionable feedback after observations.",
           "I use student data to set priorities with my team.",
           "I protect time for teachers to plan together.",
           "I communicate a clear vision for teaching and learning.",
           "I involve teacher leaders in school improvement decisions.",
           "I rarely have time to focus on instruction.",
           "I follow up to check that agreed changes are happening in classrooms."),
    "Q2": ("I can recognize high-quality science sensemaking when I observe a lesson.",
           "I can help teachers plan lessons where students explain phenomena.",
           "I know what the science standards expect students to do at each grade.",
           "I find it hard to give useful feedback on science lessons.",
           "I can lead a team discussion of student work in science.",
           "I can secure the materials and time teachers need for hands-on science."),
    "Q3": ("Visit science classrooms", "Discuss science instruction with teachers",
           "Review student work in science with a team",
           "Postpone a planned science walkthrough because of other demands",
           "Share science learning goals with families"),
}
#: Negatively worded items (one per scale); RQ2 mirrors Q2 so RQ2_4 is reversed too.
REVERSED = ("Q1_7", "Q2_4", "Q3_4", "RQ2_4")
_SCALES = {"Q1": 8, "Q2": 6, "Q3": 5}
_BASE = {"Q1": 3.35, "Q2": 2.85, "Q3": 2.75}
_QID = {"Q1": "QID1", "Q2": "QID2", "Q3": "QID3", "RQ2": "QID4"}
_IP_BLOCKS = ("192.0.2", "198.51.100", "203.0.113")  # documentation ranges (RFC 5737)
_GROWTH = {"Q1": 1.0, "Q2": 0.72, "Q3": 0.78}

#: Every Q-item of each wave, in file order.
QUALTRICS_ITEMS: dict[str, list[str]] = {
    "pre": [f"{s}_{j}" for s, n in _SCALES.items() for j in range(1, n + 1)],
    "post": [f"{s}_{j}" for s, n in _SCALES.items() for j in range(1, n + 1)]
    + [f"RQ2_{j}" for j in range(1, 7)],
}
#: The post wave's export tag for Q2_6 was renamed by the survey designer (same ImportId, same wording).
RENAMED = {"Q2_6": "Q2_6r"}

_META = (
    ("StartDate", "Start Date", {"ImportId": "startDate", "timeZone": "America/New_York"}),
    ("EndDate", "End Date", {"ImportId": "endDate", "timeZone": "America/New_York"}),
    ("Status", "Response Type", {"ImportId": "status"}),
    ("IPAddress", "IP Address", {"ImportId": "ipAddress"}),
    ("Progress", "Progress", {"ImportId": "progress"}),
    ("Duration (in seconds)", "Duration (in seconds)", {"ImportId": "duration"}),
    ("Finished", "Finished", {"ImportId": "finished"}),
    ("RecordedDate", "Recorded Date", {"ImportId": "recordedDate", "timeZone": "America/New_York"}),
    ("ResponseId", "Response ID", {"ImportId": "_recordId"}),
    ("RecipientLastName", "Recipient Last Name", {"ImportId": "recipientLastName"}),
    ("RecipientFirstName", "Recipient First Name", {"ImportId": "recipientFirstName"}),
    ("RecipientEmail", "Recipient Email", {"ImportId": "recipientEmail"}),
    ("ExternalReference", "External Data Reference", {"ImportId": "externalDataReference"}),
    ("LocationLatitude", "Location Latitude", {"ImportId": "locationLatitude"}),
    ("LocationLongitude", "Location Longitude", {"ImportId": "locationLongitude"}),
    ("DistributionChannel", "Distribution Channel", {"ImportId": "distributionChannel"}),
    ("UserLanguage", "User Language", {"ImportId": "userLanguage"}),
)
_TEXT_Q = {
    "pre": ("What do you most hope to gain from the cadre this year?",
            "What, if anything, could get in the way of your team's work this year?"),
    "post": ("What was the most valuable part of the cadre for you?",
             "What support would help your team sustain this work next year?"),
}
_ANSWERS = {
    ("pre", "Q9_TEXT"): (
        "A clearer picture of what good science teaching looks like.",
        "Time with my team to plan. {name} and I have been trying to start a science PLC.",
        "I hope to learn how to give feedback in science - I never taught it.",
        "Tools for walkthroughs.",
        "Better ways to use data. Grant money is ending so we need to show results.",
        "Honestly just time to think.",
        "Ideas from other schools like {school}.",
    ),
    ("pre", "Q10_TEXT"): (
        "Staffing. We have two open positions.",
        "Our schedule has no common planning time.",
        "{name} is out on leave until January so we are short one member.",
        "Turnover. Contact me at {phone} if you want details.",
        "I'm the only science-certified administrator in the district, so I get pulled into everything.",
        "Nothing major.",
    ),
    ("post", "Q9_TEXT"): (
        "The site visits, especially seeing {name}'s classroom routines.",
        "Working with {name} on the look-for tool.",
        "The feedback protocol. We will keep using it.",
        "Time with my team away from the building.",
        "Joy in the classroom! Students are talking about science.",
        "Learning from other principals like {name} at {school}.",
    ),
    ("post", "Q10_TEXT"): (
        "Funding for materials. Please email me at {email}.",
        "More coaching days.\nAlso a shared drive with the tools.",
        "Keep the network going - {obf} is the best way to reach our team.",
        "A summer session for new staff.",
        "If possible, a visit from {name} to our school in the fall. My cell is {phone}.",
        "Will there be a next cadre? We would like to continue.",
    ),
}
_SELF_ID = "the only science-certified administrator in the district"


def _response_id(rng: np.random.Generator) -> str:
    alphabet = string.ascii_letters + string.digits
    return "R_" + "".join(alphabet[int(i)] for i in rng.integers(0, len(alphabet), size=15))


def _qdate(t: dt.datetime) -> str:
    return f"{t:%Y-%m-%d %H:%M:%S}"


def _excel_date(t: dt.datetime) -> str:
    """How Excel re-saves a Qualtrics timestamp: ``9/3/2025 8:15`` (no seconds, no padding)."""
    return f"{t.month}/{t.day}/{t.year} {t.hour}:{t.minute:02d}"


def _answers(rng: np.random.Generator, theta: dict[str, float], bias: dict[str, np.ndarray],
             items: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for item in items:
        scale, j = item.split("_")
        src = "Q2" if scale == "RQ2" else scale
        x = _BASE[src] + bias[src][int(j) - 1] + 0.8 * theta[scale] + rng.normal(0, 0.62)
        v = int(np.clip(np.rint(x), 1, 5))
        out[item] = 6 - v if item in REVERSED else v
    return out


def break_straight_line(rng: np.random.Generator, ans: dict[str, int], keys: list[str]) -> None:
    """Nudge one item when chance alone gave identical answers on all ``keys`` (a whole scale).

    Only seeded straight-liners may straight-line, so a data-quality check finds exactly those.
    """
    vals = [ans[k] for k in keys if k in ans]
    if len(vals) >= 5 and len(set(vals)) == 1:
        k = keys[int(rng.integers(len(keys)))]
        ans[k] = ans[k] - 1 if ans[k] > 1 else ans[k] + 1


def _break_straight_lines(rng: np.random.Generator, ans: dict[str, int]) -> None:
    for scale in ("Q1", "Q2", "Q3", "RQ2"):
        break_straight_line(rng, ans, [k for k in ans if k.startswith(scale + "_")])


def qualtrics_survey(world: World, rng: np.random.Generator, wave: str) -> Sheet:
    """``participant_{wave}_qualtrics.csv`` in Qualtrics' three-header-row CSV layout (numeric values)."""
    items = QUALTRICS_ITEMS[wave]
    out_items = [RENAMED.get(i, i) if wave == "post" else i for i in items]
    cols = [m for m, _, _ in _META] + out_items + ["Q9_TEXT", "Q10_TEXT"]
    row2 = [t for _, t, _ in _META]
    row3 = [json.dumps(imp, separators=(",", ":")) for _, _, imp in _META]
    for item in items:
        scale, j = item.split("_")
        src = "Q2" if scale == "RQ2" else scale
        row2.append(f"{_STEMS[scale]} - {_ITEM_TEXT[src][int(j) - 1]}")
        row3.append(json.dumps({"ImportId": f"{_QID[scale]}_{j}"}, separators=(",", ":")))
    for k, q in enumerate(_TEXT_Q[wave], start=9):
        row2.append(q)
        row3.append(json.dumps({"ImportId": f"QID{k}_TEXT"}, separators=(",", ":")))
    sheet = Sheet(f"participant_{wave}_qualtrics.csv", cols, extra_header=[row2, row3])
    if wave == "post":
        sheet.tag_header("post_renamed", ["Q2_6r"])

    # Item difficulty is a property of the instrument, so both waves draw it from the same stream.
    bias_rng = np.random.default_rng([world.seed, 4242])
    bias = {s: bias_rng.normal(0, 0.25, size=n) for s, n in _SCALES.items()}
    opens = dt.datetime(2025, 8, 25, 7, 0) if wave == "pre" else dt.datetime(2026, 5, 4, 7, 0)
    median = 620 if wave == "pre" else 780
    people = [r for r in world.by_program("CADRE") if r.consent_eval == "Y"]
    if wave == "post":
        people = [r for r in people if r.status == "active"]
    p_respond = 0.93 if wave == "pre" else 0.86
    respondents = [r for r in people if rng.random() < p_respond or r.status == "withdrawn"]
    order = [int(i) for i in rng.permutation(len(respondents)) if respondents[int(i)].status == "active"]
    # Roles of the seeded rows, by position in the shuffled list of active respondents.
    seeded = {"partial": order[:3] if wave == "pre" else order[:2], "speeder": [order[5]],
              "straight": [order[6]], "duplicate": [order[7]]}
    Texts = dict[str, tuple[str, list[dict[str, str]]]]
    rows: list[tuple[dict, list[str], Texts]] = []  # (record, defect keys, free texts) before sorting

    def base(r: Registrant | None, start: dt.datetime, duration: int) -> dict:
        end = start + dt.timedelta(seconds=duration)
        rec = {"StartDate": _qdate(start), "EndDate": _qdate(end), "Status": "IP Address",
               "IPAddress": f"{pick(rng, _IP_BLOCKS)}.{int(rng.integers(1, 255))}",
               "Progress": 100, "Duration (in seconds)": duration, "Finished": 1, "RecordedDate": _qdate(end),
               "ResponseId": _response_id(rng), "LocationLatitude": f"{42.0 + rng.uniform(0, 0.8):.4f}",
               "LocationLongitude": f"{-72.6 + rng.uniform(0, 1.7):.4f}", "DistributionChannel": "email",
               "UserLanguage": "EN"}
        if r is not None:
            rec.update({"RecipientLastName": r.last, "RecipientFirstName": r.first,
                        "RecipientEmail": noisy_email(rng, r.email, p=0.22),
                        "ExternalReference": r.registration_id if rng.random() < 0.85 else ""})
        return rec

    def start_time() -> dt.datetime:
        day = int(min(rng.exponential(6), 24))
        return opens + dt.timedelta(days=day, hours=int(rng.integers(0, 14)),
                                    minutes=int(rng.integers(0, 60)),
                                    seconds=int(rng.integers(0, 60)))

    def normal_duration() -> int:
        return int(np.clip(median * np.exp(rng.normal(0, 0.3)), 0.5 * median, 4 * median))

    for pos, r in enumerate(respondents):
        theta = {"Q1": r.trait, "Q2": r.trait * 0.9, "Q3": r.trait * 0.8}
        if wave == "post":
            # Growth is scaled per scale so each scale mean moves about 0.5 pre-SD.
            growth = float(rng.normal(0.55, 0.45))
            theta = {k: v + _GROWTH[k] * growth + float(rng.normal(0, 0.15)) for k, v in theta.items()}
            theta["RQ2"] = r.trait * 0.9 - 0.25 + float(rng.normal(0, 0.3))
        ans = _answers(rng, theta, bias, items)
        keys: list[str] = []
        duration = normal_duration()
        if pos in seeded["straight"]:
            scale = "Q1" if wave == "pre" else "Q2"
            for k in ans:
                if k.startswith(scale + "_"):
                    ans[k] = 5 if wave == "pre" else 3
            for other in ("Q1", "Q2", "Q3", "RQ2"):
                if other != scale:
                    break_straight_line(rng, ans, [k for k in ans if k.startswith(other + "_")])
            keys.append("straight")
        else:
            _break_straight_lines(rng, ans)
        if pos in seeded["speeder"]:
            duration = int(median * 0.2)
            keys.append("speeder")
        rec = base(r, start_time(), duration)
        rec.update({RENAMED.get(k, k) if wave == "post" else k: v for k, v in ans.items()})
        texts = _free_text(world, rng, r, wave)
        rec.update({c: t for c, (t, _) in texts.items()})
        if pos in seeded["partial"]:
            # Abandoned part-way: trailing items blank; Qualtrics records it when the session expires.
            n_done = int(rng.integers(3, len(items) - 3))
            for k in items[n_done:]:
                rec[RENAMED.get(k, k) if wave == "post" else k] = None
            rec["Q9_TEXT"] = rec["Q10_TEXT"] = None
            texts = {}
            rec["Progress"] = int(100 * n_done / (len(items) + 2))
            rec["Finished"] = 0
            rec["Duration (in seconds)"] = int(rng.integers(60, 400))
            started = dt.datetime.fromisoformat(rec["StartDate"])
            rec["EndDate"] = _qdate(started + dt.timedelta(seconds=rec["Duration (in seconds)"]))
            rec["RecordedDate"] = _qdate(started + dt.timedelta(days=7, seconds=rec["Duration (in seconds)"]))
            keys.append("partial")
        if r.status == "withdrawn":
            keys.append("withdrawn")
        rows.append((rec, keys, texts))
        if pos in seeded["duplicate"]:
            # Same person again after a reminder e-mail: complete, different answers, later RecordedDate.
            again = base(r, dt.datetime.fromisoformat(rec["StartDate"]) + dt.timedelta(days=3, hours=2),
                         normal_duration())
            ans2 = _answers(rng, theta, bias, items)
            _break_straight_lines(rng, ans2)
            again.update({RENAMED.get(k, k) if wave == "post" else k: v for k, v in ans2.items()})
            rows[-1] = (rec, keys + ["duplicate"], texts)
            rows.append((again, ["duplicate"], {}))
    # Two Survey Preview rows from the designer before launch (no IP, no recipient).
    for k in range(2):
        t = opens - dt.timedelta(days=4 - k)
        t += dt.timedelta(hours=int(rng.integers(2, 7)), minutes=int(rng.integers(0, 60)))
        rec = base(None, t, int(rng.integers(40, 200)))
        rec.update({"Status": "Survey Preview", "IPAddress": "", "DistributionChannel": "preview"})
        clicks = {i: int(rng.integers(1, 6)) for i in items}
        _break_straight_lines(rng, clicks)
        rec.update({RENAMED.get(i, i) if wave == "post" else i: v for i, v in clicks.items()})
        rec["Q9_TEXT"] = "test test"
        rows.append((rec, ["preview"], {}))
    if wave == "post":
        rec = base(None, opens + dt.timedelta(hours=3), 2 * median)
        rec.update({"RecipientLastName": "Test", "RecipientFirstName": "Evaluator",
                    "RecipientEmail": f"evaluation.team@{PROGRAM_DOMAIN}", "ExternalReference": "TEST-001"})
        rec.update({RENAMED.get(i, i): 3 + (j % 2) for j, i in enumerate(items)})
        rec["Q9_TEXT"] = "TEST - please delete"
        rows.append((rec, ["test"], {}))

    for rec, keys, texts in rows:
        i = sheet.add(rec)
        for key in keys:
            sheet.tag(i, f"{wave}_{key}")
        for column, (_, spans) in texts.items():
            sheet.note(i, f"{wave}_pii", spans, column)
    sheet.sort_by(lambda rec: rec["RecordedDate"])
    _seed_cell_defects(sheet, rng, wave)
    sheet.tag_where(f"{wave}_email_noise", "RecipientEmail", has_email_noise)
    return sheet


def _free_text(world: World, rng: np.random.Generator, r: Registrant, wave: str
               ) -> dict[str, tuple[str, list[dict[str, str]]]]:
    team = [p for p in world.by_program("CADRE") if p.team_id == r.team_id and p is not r]
    others = [p for p in world.by_program("CADRE") if p.cadre_id == r.cadre_id and p.team_id != r.team_id]
    out: dict[str, tuple[str, list[dict[str, str]]]] = {}
    for column, p in (("Q9_TEXT", 0.65), ("Q10_TEXT", 0.45)):
        if rng.random() >= p:
            continue
        who = pick(rng, team if team and rng.random() < 0.6 else others)
        values = {"name": (mention(rng, who.first, who.last), "name"),
                  "school": (world.geo.school_by_code[who.school_code or ""].name, "school"),
                  "email": (r.email, "email"), "phone": (r.phone, "phone"),
                  "obf": (obfuscated_email(r.email), "email")}
        template = pick(rng, _ANSWERS[(wave, column)])
        text, spans = fill_text(template, values)
        if _SELF_ID in text:
            spans.append({"kind": "self_identifying", "text": _SELF_ID})
        out[column] = (text, spans)
    return out


def _clean_rows(sheet: Sheet, wave: str) -> list[int]:
    """Indexes of complete, ordinary responses (cell-level defects go only here, so kinds never overlap)."""
    bad = {f"{wave}_{k}" for k in ("preview", "test", "partial", "speeder", "straight", "duplicate",
                                   "withdrawn")}
    return [i for i, t in enumerate(sheet.tags) if not bad & set(t)]


def _seed_cell_defects(sheet: Sheet, rng: np.random.Generator, wave: str) -> None:
    """Don't-know codes (99 and the label), answer labels where codes belong, Excel-mangled StartDates."""
    rows = _clean_rows(sheet, wave)
    q2 = [c for c in sheet.columns if c.startswith("Q2_")]
    picks = [rows[int(i)] for i in rng.choice(len(rows), size=14, replace=False)]
    for i in picks[:6]:  # 99 = "Don't know" code
        c = pick(rng, q2)
        sheet.records[i][c] = 99
        sheet.tag(i, f"{wave}_dk", [c])
    for i in picks[6:8]:  # the label itself
        c = pick(rng, q2)
        sheet.records[i][c] = "Don't know"
        sheet.tag(i, f"{wave}_dk", [c])
    label_cells = [("Q1_3", _AGREE), ("Q3_2", _FREQ), ("Q1_5", _AGREE)]
    if wave == "post":
        label_cells.append(("RQ2_2", _AGREE))
    for i, (c, labels) in zip(picks[8:12], label_cells, strict=False):
        sheet.records[i][c] = labels[int(sheet.records[i][c]) - 1]
        sheet.tag(i, f"{wave}_labels", [c])
    for i in sorted(rng.choice(len(sheet.records), size=9, replace=False)):
        rec = sheet.records[int(i)]
        rec["StartDate"] = _excel_date(dt.datetime.fromisoformat(rec["StartDate"]))
        sheet.tag(int(i), f"{wave}_dates", ["StartDate"])


# --- Staff surveys -------------------------------------------------------------------------------

STAFF_ITEMS = {
    "C": ("Adults in this school trust one another.", "Staff feel safe raising concerns.",
          "Teachers collaborate on instruction.", "Students are respected here.",
          "Our school is an orderly place to learn.", "I would recommend this school as a place to work."),
    "S": ("Science is taught regularly in my grade or department.",
          "Students explain phenomena in science lessons.",
          "I have the materials I need to teach science.", "I get useful feedback on my science teaching.",
          "Our team looks at student work in science.", "Science is a priority at this school."),
    "L": ("School leaders visit classrooms often.", "School leaders give useful feedback.",
          "Leaders involve teachers in decisions.", "Leaders communicate a clear vision.",
          "Leaders protect time for planning.", "Leaders follow through on commitments."),
}
_STAFF_BASE = {"C": 3.5, "S": 2.9, "L": 3.2}
_STAFF_GAIN = {"C": 0.08, "S": 0.35, "L": 0.28}
#: The staff self-generated code: 6 elements, written one after another (e.g. ``M07R2K14``).
SELF_CODE_ELEMENTS = (
    "first letter of your mother's first name",
    "your birth month (2 digits)",
    "first letter of the town where you were born",
    "number of older siblings (0-9)",
    "first letter of your father's first name",
    "your day of birth (2 digits)",
)
_STAFF_COMMENTS = (
    "{principal} has made science a real priority this year.",
    "Our principal {principal} visits classrooms every week now and it shows.",
    "I wish {ap} would follow through on the schedule changes.",
    "More planning time please.",
    "Science kits are still missing pieces.",
    "Leadership has been more visible this year.",
    "The walkthrough feedback is helpful but rushed.",
    "Please reach out to me about the survey at {phone}.",
    "Honestly morale is low in the upper grades.",
    "We need more support for multilingual learners in science.",
)
_ROLE_GROUPS = ("teacher", "para", "specialist", "other")
_YEARS_BANDS = ("0-2", "3-5", "6-10", "11-20", "20+")


def _code(rng: np.random.Generator) -> list[str]:
    letters = string.ascii_uppercase
    return [letters[int(rng.integers(26))], f"{int(rng.integers(1, 13)):02d}", letters[int(rng.integers(26))],
            str(int(rng.choice(6, p=[0.4, 0.3, 0.15, 0.08, 0.05, 0.02]))), letters[int(rng.integers(26))],
            f"{int(rng.integers(1, 29)):02d}"]


def _recall(rng: np.random.Generator, code: list[str]) -> str:
    """A person re-entering their code months later: usually exact, sometimes one or two elements off."""
    c = list(code)
    u = rng.random()
    for _ in range(2 if u < 0.05 else 1 if u < 0.2 else 0):
        k = int(rng.integers(6))
        c[k] = _code(rng)[k]
    text = "".join(c)
    return text.lower() if rng.random() < 0.1 else text


def staff_survey(world: World, rng: np.random.Generator, plan: dict[str, dict[str, int]]
                 ) -> tuple[Sheet, Sheet]:
    """``staff_pre.csv`` and ``staff_post.csv``: anonymous, one row per staff response, per cadre school.

    ``plan`` gives the number of respondents per school and wave (decided by the caller, so the
    small-school defects are explicit). About 60% of post respondents also answered pre and
    re-enter their self-generated code, with the error rates the SGIC literature reports.
    """
    cadre = world.by_program("CADRE")
    principals = {r.school_code: r for r in cadre if r.role == "principal"}
    aps = {r.school_code: r for r in cadre if r.role == "AP"}
    cols = ["ResponseId", "school_code", "role_group", "years_band", "self_code",
            *[f"{s}{j}" for s in "CSL" for j in range(1, 7)], "comment_text"]
    sheets = {w: Sheet(f"staff_{w}.csv", list(cols)) for w in ("pre", "post")}
    pending: dict[str, list[tuple[float, dict, list[dict[str, str]], str]]] = {"pre": [], "post": []}
    for school_code in sorted(plan):
        school_effect = float(rng.normal(0, 0.3))
        pool = [{"code": _code(rng), "role": _ROLE_GROUPS[int(rng.choice(4, p=[0.7, 0.12, 0.12, 0.06]))],
                 "years": pick(rng, _YEARS_BANDS), "theta": float(rng.normal(0, 0.6))}
                for _ in range(max(plan[school_code]["pre"], plan[school_code]["post"]) * 2)]
        pre_idx = [int(i) for i in rng.choice(len(pool), size=plan[school_code]["pre"], replace=False)]
        n_post = plan[school_code]["post"]
        keep = [i for i in pre_idx if rng.random() < 0.6][:n_post]
        fresh = [i for i in range(len(pool)) if i not in pre_idx]
        new = rng.choice(len(fresh), size=n_post - len(keep), replace=False)
        post_idx = keep + [fresh[int(i)] for i in new]
        for wave, idx in (("pre", pre_idx), ("post", post_idx)):
            for i in idx:
                person = pool[i]
                rec: dict = {"ResponseId": _response_id(rng), "school_code": school_code,
                             "role_group": person["role"], "years_band": person["years"],
                             "self_code": ("".join(person["code"]) if wave == "pre"
                                           else _recall(rng, person["code"]))}
                dk: list[str] = []
                for s in "CSL":
                    gain = _STAFF_GAIN[s] if wave == "post" else 0.0
                    for j in range(1, 7):
                        p_dk = 0.06 if s == "S" and person["role"] != "teacher" else 0.02
                        if rng.random() < p_dk:
                            rec[f"{s}{j}"] = 8
                            dk.append(f"{s}{j}")
                        else:
                            x = _STAFF_BASE[s] + school_effect + person["theta"] + gain + rng.normal(0, 0.7)
                            rec[f"{s}{j}"] = int(np.clip(np.rint(x), 1, 5))
                    answered = [f"{s}{j}" for j in range(1, 7) if rec[f"{s}{j}"] != 8]
                    if len(answered) == 6:
                        break_straight_line(rng, rec, answered)
                spans: list[dict[str, str]] = []
                if rng.random() < 0.35:
                    p, ap = principals[school_code], aps.get(school_code, principals[school_code])
                    values = {"principal": (mention(rng, p.first, p.last), "name"),
                              "ap": (mention(rng, ap.first, ap.last), "name"),
                              "phone": (f"{pick(rng, ('617', '508'))}-555-01{int(rng.integers(0, 100)):02d}",
                                        "phone")}
                    rec["comment_text"], spans = fill_text(pick(rng, _STAFF_COMMENTS), values)
                pending[wave].append((float(rng.random()), rec, spans, ",".join(dk)))
    for wave, sheet in sheets.items():
        pending[wave].sort(key=lambda p: p[0])  # submission order mixes schools
        small = {s for s, n in plan.items() if n[wave] < 10}
        for _, rec, spans, dk in pending[wave]:
            i = sheet.add(rec)
            sheet.note(i, f"staff_{wave}_pii", spans, "comment_text")
            if dk:
                sheet.tag(i, f"staff_{wave}_dk", dk.split(","))
            if rec["school_code"] in small:
                sheet.tag(i, f"staff_{wave}_small", ["school_code"])
    return sheets["pre"], sheets["post"]
