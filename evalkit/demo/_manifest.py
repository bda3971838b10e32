"""MANIFEST.md and defects.json, written from the same run as the data so they cannot drift.

Each defect key tagged on a sheet's records is described once here (:data:`SPECS`); its rows,
cells and planted PII come from the tags. A declared defect with no tagged rows is a generator bug
and raises, so the manifest never promises a defect the files do not have.
"""

from __future__ import annotations

import json
from typing import Any

from evalkit.demo._cadre import SM_KEYS
from evalkit.demo._network import RUBRIC, STEP_NAMES
from evalkit.demo._sheet import DefectSpec, Sheet, compress_rows
from evalkit.demo._state import CLIMATE_ITEMS, MEASURES, OUTCOME_COLUMNS, SUBGROUPS
from evalkit.demo._surveys import QUALTRICS_ITEMS, RENAMED, REVERSED, SELF_CODE_ELEMENTS, STAFF_ITEMS

__all__ = ["SPECS", "resolve_defects", "render", "defects_json"]

_PRE, _POST = "participant_pre_qualtrics.csv", "participant_post_qualtrics.csv"
_SM = "event_evals_surveymonkey.csv"
_PNET_SM = "pnet_session_evals_surveymonkey.csv"


def _qualtrics_specs(wave: str, file: str) -> list[DefectSpec]:
    straight = ("all eight Q1 items (Q1_1-Q1_8) = 5, including the reversed Q1_7" if wave == "pre"
                else "all six Q2 items (Q2_1-Q2_5, Q2_6r) = 3, including the reversed Q2_4")
    specs = [
        DefectSpec(f"{wave}_preview", file, "preview_response",
                   "Status = 'Survey Preview', DistributionChannel = 'preview', no IP or recipient: the "
                   "designer's test runs before launch."),
    ]
    if wave == "post":
        specs.append(DefectSpec("post_test", file, "test_response",
                                "A live test by the evaluation team: Status 'IP Address' but "
                                "RecipientFirstName 'Evaluator', RecipientLastName 'Test', ExternalReference "
                                "'TEST-001', program-domain e-mail, Q9_TEXT 'TEST - please delete'."))
    specs += [
        DefectSpec(f"{wave}_partial", file, "partial_response",
                   "Finished = 0 and Progress < 100: trailing items and both text answers blank; "
                   "RecordedDate is 7 days after StartDate (Qualtrics closes abandoned sessions after a "
                   "week)."),
        DefectSpec(f"{wave}_duplicate", file, "duplicate_response",
                   "One person answered twice, both complete, about 3 days apart (same ExternalReference "
                   "when present and the same RecipientEmail after strip/lower); answers differ."),
        DefectSpec(f"{wave}_speeder", file, "speeder",
                   "Finished response with Duration (in seconds) = 0.2 x the wave's design median, i.e. "
                   "under one third of the median of finished, non-preview responses. All other finished "
                   "responses take at least half the median."),
        DefectSpec(f"{wave}_straight", file, "straight_liner",
                   f"Same answer on a whole scale: {straight}. No other response straight-lines any scale "
                   "(Q1, Q2, Q3, RQ2) on all of its items."),
    ]
    if wave == "pre":
        specs.append(DefectSpec("pre_withdrawn", file, "withdrawn_participant",
                                "Response of the cadre participant who withdrew on 2025-10-30 (status "
                                "withdrawn in registration.xlsx); a complete, otherwise ordinary response."))
    specs += [
        DefectSpec(f"{wave}_dk", file, "non_substantive_code",
                   "In Q2 items: the 'Don't know' code 99 (6 cells) or the label text \"Don't know\" (2 "
                   "cells). Recode to missing, not to a scale point.", unit="cells"),
        DefectSpec(f"{wave}_labels", file, "label_instead_of_code",
                   "Answer label where the numeric code belongs (e.g. 'Agree' = 4, 'Often' = 4); agreement "
                   "labels Strongly disagree..Strongly agree = 1..5, frequency labels Never, Rarely, "
                   "Sometimes, Often, Almost always = 1..5.", unit="cells"),
        DefectSpec(f"{wave}_dates", file, "mixed_date_format",
                   "StartDate re-saved by Excel as 'M/D/YYYY H:MM' (no seconds) instead of 'YYYY-MM-DD "
                   "HH:MM:SS'.",
                   unit="cells"),
    ]
    if wave == "post":
        specs.append(DefectSpec("post_renamed", file, "renamed_column",
                                "Q2_6 of the pre wave is exported as 'Q2_6r' in the post wave (export tag "
                                "renamed by the designer; same ImportId QID2_6 in row 3 and same wording in "
                                "row 2).",
                                unit="columns", count=1))
    specs += [
        DefectSpec(f"{wave}_email_noise", file, "email_noise",
                   "RecipientEmail with upper case and/or leading/trailing spaces; strip + lower-case gives "
                   "the registration e-mail."),
        DefectSpec(f"{wave}_pii", file, "pii_in_free_text",
                   "Names of colleagues (variants: 'Ms. Last', first name only, upper case, 'first l.', "
                   "possessive, nickname, accents dropped), school names, e-mails (plain and 'at ... dot'), "
                   "phone numbers and a self-identifying phrase in Q9_TEXT / Q10_TEXT. Every planted string "
                   "is listed under 'pii'.", unit="cells"),
    ]
    return specs


SPECS: list[DefectSpec] = [
    DefectSpec("reg_withdrawn", "registration.xlsx", "withdrawn_participant",
               "status = withdrawn with a withdrawn_date: 1 cadre participant (C2 teacher leader, "
               "2025-10-30, after the pre survey), 2 pipeline participants, 1 network leader."),
    DefectSpec("reg_dates", "registration.xlsx", "mixed_date_format",
               "Dates are Excel date cells except these, typed as text: 'M/D/YYYY', 'D Mon YYYY' or "
               "'YYYY-MM-DD'.",
               unit="cells"),
    DefectSpec("reg_email_noise", "registration.xlsx", "email_noise",
               "email with upper case and/or stray spaces (strip + lower-case gives the canonical address)."),
    *_qualtrics_specs("pre", _PRE),
    *_qualtrics_specs("post", _POST),
    DefectSpec("sm_wrong_event", _SM, "wrong_event",
               "Late evaluation (12 days after the session) naming the C2 site visit; the PDP e-mail belongs "
               "to a C1 participant, who was not on that event's roster."),
    DefectSpec("sm_na", _SM, "non_substantive_code",
               "'N/A' (code 6) in the agreement matrix; leave out of the denominator.", unit="cells"),
    DefectSpec("sm_email_noise", _SM, "email_noise", "PDP e-mail with upper case and/or stray spaces."),
    DefectSpec("sm_pii", _SM, "pii_in_free_text",
               "Names, school names, e-mails (also 'at ... dot' form) and phone numbers in the two "
               "open-ended answers.", unit="cells"),
    DefectSpec("signin_name_noise", "attendance_signin.csv", "name_noise",
               "name_as_typed differs from the registered 'First Last': nickname, lower case, 'LAST, First', "
               "accents dropped, a transposition typo, initial only or extra spaces."),
    DefectSpec("signin_email_noise", "attendance_signin.csv", "email_noise",
               "email with upper case and/or stray spaces."),
    DefectSpec("zoom_name_noise", "attendance_zoom.csv", "name_noise",
               "Zoom display name differs from the registered name (device names, 'LAST, FIRST', initials, "
               "nicknames, role suffixes), sometimes followed by '(Original Name)'."),
    DefectSpec("zoom_email_noise", "attendance_zoom.csv", "email_noise",
               "User Email with upper case and/or stray spaces."),
    DefectSpec("network_attendance_email_noise", "network_attendance.csv", "email_noise",
               "Email with upper case and/or stray spaces."),
    *[s for w in ("pre", "post") for s in (
        DefectSpec(f"staff_{w}_small", f"staff_{w}.csv", "small_group",
                   "Schools with fewer than 10 respondents (one of them has exactly 3); all their rows are "
                   "listed. Per-school results must be pooled or suppressed.", unit="groups"),
        DefectSpec(f"staff_{w}_dk", f"staff_{w}.csv", "non_substantive_code",
                   "Code 8 = \"don't know\" in C/S/L items.", unit="cells"),
        DefectSpec(f"staff_{w}_pii", f"staff_{w}.csv", "pii_in_free_text",
                   "comment_text naming the school's principal or AP (name variants) or giving a phone "
                   "number.",
                   unit="cells"),
    )],
    DefectSpec("coaching_pii", "coaching_log.csv", "pii_in_free_text",
               "notes_text names coachees (variants), teachers who are not on any roster, schools, phones, "
               "e-mails and one self-identifying phrase.", unit="cells"),
    DefectSpec("forms_pii", "network_final_eval_forms.csv", "pii_in_free_text",
               "'Any other comments?' naming a colleague, giving an e-mail or phone, or a self-identifying "
               "phrase.",
               unit="cells"),
    DefectSpec("inquiry_dates", "inquiry_cycle.csv", "mixed_date_format",
               "completed_date typed as 'M/D/YYYY', 'Mon D, YYYY' or 'D-Mon-YY' instead of ISO 'YYYY-MM-DD'.",
               unit="cells"),
    DefectSpec("inquiry_pii", "inquiry_cycle.csv", "pii_in_free_text",
               "problem_of_practice_text naming a teacher (repeated on each of that principal's 8 rows).",
               unit="cells"),
    DefectSpec("assess_pii", "school_assessments.csv", "pii_in_free_text",
               "narrative_text naming the principal (variants).", unit="cells"),
    DefectSpec("pnet_sm_na", _PNET_SM, "non_substantive_code",
               "'N/A' (code 6) in the agreement matrix; leave out of the denominator.", unit="cells"),
    DefectSpec("pnet_sm_email_noise", _PNET_SM, "email_noise", "PDP e-mail with upper case and/or stray spaces."),
    DefectSpec("pnet_sm_pii", _PNET_SM, "pii_in_free_text",
               "Names and school names of other principals, e-mails (also 'at ... dot' form) and phone numbers in "
               "the two open-ended answers.", unit="cells"),
]


def resolve_defects(sheets: list[Sheet], notes: list[tuple[str, str, list[dict]]]) -> list[dict[str, Any]]:
    """Turn :data:`SPECS` plus the sheets' tags into the defects.json records (ids D01, D02, ...)."""
    by_file = {s.file: s for s in sheets}
    out: list[dict[str, Any]] = []
    for spec in SPECS:
        sheet = by_file[spec.file]
        rec: dict[str, Any] = {"id": "", "file": spec.file, "kind": spec.kind, "unit": spec.unit}
        if spec.unit == "columns":
            cols = sheet.header_tags.get(spec.key, [])
            rec.update(count=len(cols), rows=[1], columns=cols)
        else:
            tagged = sheet.tagged(spec.key)
            rows = [r for r, _ in tagged]
            cols = sorted({c for _, cs in tagged for c in cs}, key=sheet.columns.index)
            rec.update(rows=rows, columns=cols)
            if spec.unit == "rows":
                rec["count"] = len(rows)
            elif spec.unit == "cells":
                cells = [[r, c] for r, cs in tagged for c in cs]
                rec.update(count=len(cells), cells=cells)
            else:  # groups: the small schools
                sizes: dict[str, int] = {}
                for i, t in enumerate(sheet.tags):
                    if spec.key in t:
                        code = sheet.records[i]["school_code"]
                        sizes[code] = sizes.get(code, 0) + 1
                rec.update(count=len(sizes), groups=[{"school_code": k, "n": v} for k,
                                                     v in sorted(sizes.items())])
        if not rec["rows"] or not rec["count"]:
            raise RuntimeError(f"demo generator bug: defect {spec.key!r} declared but not seeded in "
                               f"{spec.file}")
        rec["description"] = spec.description
        if spec.kind == "pii_in_free_text":
            rec["pii"] = sheet.planted(spec.key)
        out.append(rec)
    for rel, _, pii in notes:
        lines = sorted({p["row"] for p in pii})
        out.append({"id": "", "file": rel, "kind": "pii_in_free_text", "unit": "rows", "count": len(lines),
                    "rows": lines, "columns": [],
                    "description": "Case-study note (Markdown) naming the principal, a team member and a "
                                   "teacher, the school, an e-mail (plain and 'at ... dot'), and phone "
                                   "numbers; rows are line numbers.",
                    "pii": pii})
    for k, rec in enumerate(out, start=1):
        rec["id"] = f"D{k:02d}"
    order = ("id", "file", "kind", "count", "unit", "rows", "columns", "description", "cells", "groups",
             "pii")
    return [{k: rec[k] for k in order if k in rec} for rec in out]


# --- MANIFEST.md ---------------------------------------------------------------------------------

_FILES: dict[str, tuple[str, str]] = {
    "registration.xlsx": ("Registrations of all four programs (CADRE, PIPELINE, NETWORK, PNET).",
                          "Excel workbook, one sheet 'Registrations', header in row 1."),
    "events.csv": ("Every session: cadre events, network meetings and working groups, PNET sessions by "
                   "phase.",
                   "CSV, UTF-8, LF."),
    "attendance_signin.csv": ("Transcribed paper sign-in sheets of face-to-face and site-visit events "
                              "(CADRE, PNET); absent/excused people added by the coordinator with a clean "
                              "name and no e-mail.", "Excel 'CSV UTF-8': UTF-8 with BOM, CRLF."),
    "attendance_zoom.csv": ("Zoom participant reports of the virtual CADRE and PNET sessions, concatenated. "
                            "One row per connection (reconnects give two rows); facilitators (program staff "
                            "at leadlab.example.org) are included.", "Zoom CSV: UTF-8 with BOM, CRLF."),
    _PRE: ("Cadre participant pre survey (Aug-Sep 2025).",
           "Qualtrics CSV (numeric values): row 1 ids, row 2 question text, row 3 ImportId JSON; UTF-8 with "
           "BOM, CRLF; data from row 4."),
    _POST: ("Cadre participant post survey (May-Jun 2026) with the retrospective-pre block RQ2.",
            "Qualtrics CSV as above."),
    _SM: ("Per-session evaluations of cadre events (one web-link collector for all cadres).",
          "SurveyMonkey CSV: row 1 question text (blank over matrix/other columns), row 2 sub-headers; "
          "UTF-8, CRLF; data from row 3."),
    _PNET_SM: ("Per-session evaluations of the principal network's sessions (the cadres' form, its own "
               "collector).", "SurveyMonkey CSV: row 1 question text (blank over matrix/other columns), row 2 "
               "sub-headers; UTF-8, CRLF; data from row 3."),
    "staff_pre.csv": ("Anonymous staff survey at the 30 cadre schools, fall 2025 (per-school links).",
                      "CSV, UTF-8, LF."),
    "staff_post.csv": ("Anonymous staff survey, spring 2026; about 60% of respondents also answered pre.",
                       "CSV, UTF-8, LF."),
    "coaching_log.csv": ("Coaching sessions of both coached programs (column program = CADRE or PIPELINE; "
                         "the pipeline has no separate log).", "Google Sheets CSV download: UTF-8, CRLF."),
    "improvement_actions.csv": ("Pipeline school teams' improvement initiatives and their action steps.",
                                "CSV, UTF-8, LF."),
    "hr_snapshots.csv": ("Riverdale (district 0010) HR extract: 1 October snapshots 2020-21..2025-26 for 180 "
                         "pipeline participants and 300 non-participants. A separated person appears once "
                         "more with status 'separated' (separation_date, "
                         "separation_reason), then never again; 40 non-participants are "
                         "hired after fall 2020 (late entry).", "CSV, UTF-8, LF."),
    "network_attendance.csv": ("The network coordinator's wide roster: one row per leader, one column per "
                               "meeting.",
                               "Excel 'CSV UTF-8': UTF-8 with BOM, CRLF."),
    "network_final_eval_forms.csv": ("End-of-network evaluation (November 2025).",
                                     "Google Forms CSV: full question text as headers; UTF-8, CRLF."),
    "inquiry_cycle.csv": ("PNET principals' 8-step inquiry cycle; steps not reached have no completed_date.",
                          "CSV, UTF-8, LF."),
    "school_assessments.csv": ("PNET school assessments at Connect (baseline) and Succeed (end).",
                               "CSV, UTF-8, LF."),
    "state_outcomes_long.csv": ("State school outcomes 2016-2024 for 180 schools (30 grant, 150 comparison).",
                                "CSV, UTF-8, LF, unquoted."),
    "sped_identification.csv": ("Special-education identification by district, year and subgroup, 2020-2024.",
                                "CSV, UTF-8, LF."),
    "mtss_aggregates.csv": ("MTSS screening aggregates at the grant schools (K-8 grades), 2022-23..2024-25.",
                            "CSV, UTF-8, LF."),
    "state_climate_survey.sav": ("State staff school-climate survey extract, grant schools, 2023 and 2024 "
                                 "(respondent level).", "SPSS .sav (uncompressed) written by pyreadstat."),
}


def _schema_lines(sheet: Sheet) -> list[str]:
    if sheet.file in (_SM, _PNET_SM):
        lines = ["| # | key (used in defects.json) | row 1 | row 2 |", "|---|---|---|---|"]
        lines += [f"| {i} | `{k}` | {r1 or '(blank)'} | {r2 or '(blank)'} |" for i, (k, r1, r2) in
                  enumerate(SM_KEYS, start=1)]
        return lines
    return [", ".join(f"`{c}`" for c in sheet.columns)]


def _codes_section() -> list[str]:
    q_pre = ", ".join(QUALTRICS_ITEMS["pre"])
    return [
        "## Codes and conventions",
        "",
        "- **Rows** in this manifest and defects.json are 1-based as a spreadsheet shows them: header rows "
        "count (Qualtrics data start at row 4, SurveyMonkey at row 3, everything else at row 2); a CSV "
        "record with an embedded newline is one row. In the case-study notes, rows are line numbers.",
        f"- **Qualtrics items** (pre): {q_pre}, Q9_TEXT, Q10_TEXT. Post adds RQ2_1-RQ2_6 (retrospective pre "
        f"of Q2) and exports Q2_6 as {RENAMED['Q2_6']}. Q1 and Q2 (and RQ2): 1 Strongly disagree .. 5 "
        "Strongly agree; Q2 also offers 99 = Don't know. Q3: 1 Never, 2 Rarely, 3 Sometimes, 4 Often, 5 "
        f"Almost always. Reversed (negatively worded): {', '.join(REVERSED)}. ExternalReference = "
        "registration_id for about 85% of invitees, blank for the rest (link those by e-mail).",
        "- **SurveyMonkey** matrix values are labels: Strongly disagree, Disagree, Neutral, Agree, Strongly "
        "agree, N/A (= code 6). overall: Poor, Fair, Good, Very good, Excellent. recommend: 0-10.",
        "- **Staff survey** items C1-C6 (climate), S1-S6 (science instruction), L1-L6 (leadership): 1-5 "
        "(Strongly disagree..Strongly agree), 8 = don't know. Wording: "
        + "; ".join(f"{s}{j} '{t}'" for s, texts in STAFF_ITEMS.items() for j, t in enumerate(texts, start=1))
        + ". `self_code` elements, in order: " + "; ".join(SELF_CODE_ELEMENTS)
        + " (e.g. M07R2K14). Returning respondents re-enter it with realistic errors (about 15% one element "
        "wrong, 5% two, 10% typed in lower case).",
        "- **Network roster** cells: P present, PT partial (1.5 h), A absent, E excused, W after withdrawal. "
        "Meeting columns map to events NET-M1..NET-M5 in order. Working-group sessions are NET-WGA1/A2 "
        "(Chronic absence), NET-WGB1/B2 (MTSS data), NET-WGC1/C2 (New principal onboarding).",
        "- **Google Forms** items: Strongly disagree..Strongly agree; retrospective pairs: Very low, Low, "
        "Moderate, High, Very high. Two respondents answered from personal accounts (@mail.example.com), so "
        "their e-mail does not match the roster.",
        f"- **Inquiry cycle** steps: {'; '.join(f'{k} {n}' for k, n in enumerate(STEP_NAMES, start=1))}. "
        "Phases: steps 1-3 Connect, 4-6 Lead, 7-8 Succeed. School assessment rubric_level: "
        + ", ".join(f"{k} {n}" for k, n in enumerate(RUBRIC, start=1)) + ".",
        f"- **State outcomes**: subgroups {', '.join(SUBGROUPS)}; measures {', '.join(MEASURES)}. "
        "school_code (8 digits) and district_code (4 digits) have leading zeros: read them as text. "
        "value: rate with one decimal, '*' when n_tested < 10, '<10' when 10 <= n_tested < 30 and the rate "
        "is below 10%. Groups with no students have no row. Grant schools start in 2021 (18) or 2022 (12); "
        "all schools dip in 2021.",
        "- **SPSS**: CL1-CL8 (" + "; ".join(CLIMATE_ITEMS) + ") 1-5 with value labels, 9 = Don't know "
        "declared user-missing, a few system-missing; role 1 Teacher, 2 Paraprofessional, 3 Administrator, 4 "
        "Other staff.",
        "- **Not defects, but realistic**: Zoom reconnects (two rows per person) and facilitator rows; one "
        "cadre, one pipeline and one network registrant with consent_eval = N (the cadre one is never "
        "invited to the participant surveys); self-reported meeting counts in the Google Form sometimes "
        "exceed the roster; ordinary words that are also names ('I hope', 'we will', 'Grant money', 'Joy', "
        "'May') appear in free text and are not PII.",
        "",
    ]


def render(seed: int, sheets: list[Sheet], notes: list[tuple[str, str, list[dict]]],
           defects: list[dict[str, Any]],
           extra_rows: dict[str, int], sizes: dict[str, int]) -> str:
    """The whole MANIFEST.md as text."""
    lines = [
        "# Demo raw exports (synthetic)",
        "",
        f"Generated by `python -m evalkit.demo.generate data_raw/demo` (seed {seed}). **Do not edit by "
        "hand**: change the generator and regenerate; `tests/test_demo_generate.py` checks these files byte "
        "for byte. All people, schools, e-mails (example.org / example.com) and phone numbers (555-01xx) are "
        "invented.",
        "",
        "## Files",
        "",
        "| file | what | export format | data rows | bytes |",
        "|---|---|---|---|---|",
    ]
    by_file = {s.file: s for s in sheets}
    for name, (what, fmt) in _FILES.items():
        n = len(by_file[name].records) if name in by_file else extra_rows[name]
        if name in by_file:
            multi = sum(any(isinstance(v, str) and "\n" in v for v in rec.values())
                        for rec in by_file[name].records)
            if multi:
                fmt += f" {multi} records hold an embedded newline (each is still one row)."
        lines.append(f"| `{name}` | {what} | {fmt} | {n} | {sizes.get(name, 0)} |")
    for rel, text, _ in notes:
        lines.append(f"| `{rel}` | Site-visit and interview notes, cadre C1. | Markdown, UTF-8. | "
                     f"{text.count(chr(10))} lines | {sizes.get(rel.split('/')[-1], 0)} |")
    lines += ["", "## Columns", ""]
    for name in _FILES:
        lines.append(f"### `{name}`")
        lines.append("")
        if name in by_file:
            lines += _schema_lines(by_file[name])
        elif name == "state_outcomes_long.csv":
            lines.append(", ".join(f"`{c}`" for c in OUTCOME_COLUMNS))
        else:
            lines.append("`resp_id` (string), `school_code` (string), `district_code` (string), "
                         "`survey_year`, `role`, `CL1`-`CL8`; every variable has a label.")
        lines.append("")
    lines += _codes_section()
    lines += ["## Seeded defects", "",
              "`count` counts the `unit` (rows, cells, columns or groups); cell-level defects list their "
              "cells in defects.json, PII defects list every planted string with its row and column.", "",
              "| id | file | kind | count | unit | rows | columns | description |",
              "|---|---|---|---|---|---|---|---|"]
    for d in defects:
        cols = ", ".join(d["columns"])
        lines.append(f"| {d['id']} | `{d['file']}` | {d['kind']} | {d['count']} | {d['unit']} | "
                     f"{compress_rows(d['rows'])} | {cols} | {d['description']} |")
    lines.append("")
    return "\n".join(lines)


def defects_json(defects: list[dict[str, Any]]) -> str:
    """defects.json text: one key per line, short lists inline, one PII entry per line (diff-friendly)."""

    def dump(v: Any) -> str:
        return json.dumps(v, ensure_ascii=False)

    blocks = []
    for d in defects:
        fields = []
        for k, v in d.items():
            if k == "pii":
                items = ",\n".join(f"   {dump(p)}" for p in v)
                fields.append(f'  "pii": [\n{items}\n  ]')
            else:
                fields.append(f"  {dump(k)}: {dump(v)}")
        blocks.append(" {\n" + ",\n".join(fields) + "\n }")
    return "[\n" + ",\n".join(blocks) + "\n]\n"
