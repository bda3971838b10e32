"""Deterministic synthetic raw exports for the evalkit demo (``data_raw/demo/``).

Every file is fake but shaped like the real export it imitates (Qualtrics, SurveyMonkey, Zoom,
Google Forms, Excel, SPSS) and carries the defects real exports carry. Each seeded defect is listed
with its exact 1-based rows in ``MANIFEST.md`` and ``defects.json``, which are written from the
same run, so they can never drift from the data.

Run ``python -m evalkit.demo.generate data_raw/demo`` to regenerate. The same seed gives the same
bytes on every run: randomness comes from seeded numpy Generators (one stream per file) and no
file records the wall-clock time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

import numpy as np

from evalkit.demo import _manifest
from evalkit.demo._cadre import cadre_registrants, case_notes, coaching_log, surveymonkey_evals
from evalkit.demo._events import (
    build_events, decide_attendance, network_attendance, signin_sheet, zoom_report,
)
from evalkit.demo._network import (
    google_forms_eval, inquiry_cycle, network_registrants, pnet_registrants, school_assessments,
                                   working_groups,
)
from evalkit.demo._people import NamePool, Registrant, World, build_geography, noisy_email
from evalkit.demo._pipeline import improvement_actions, simulate_hr
from evalkit.demo._sheet import MONTH_ABBR, Sheet, has_email_noise, stream, write_csv, write_xlsx
from evalkit.demo._state import (
    demo_outcomes, mtss_aggregates, sped_identification, synthetic_outcomes, write_climate_sav,
                                 write_outcomes,
)
from evalkit.demo._surveys import qualtrics_survey, staff_survey

__all__ = ["generate_demo", "make_state_outcomes", "DEFAULT_SEED"]

DEFAULT_SEED = 20261122

REGISTRATION_COLUMNS = [
    "registration_id", "program", "cohort_year", "cadre_id", "team_id", "first_name", "last_name", "email",
                        "phone",
    "district_code", "district_name", "school_code", "school_name", "role", "tier", "years_in_role",
    "years_in_district", "grade_band", "consent_eval", "status", "withdrawn_date", "registration_date",
]

# (file, BOM, CRLF): vendor exports and Excel "CSV UTF-8" saves carry a BOM and CRLF; database
# extracts are plain UTF-8 with LF. Readers must cope with both, so the demo has both.
_CSV_STYLE = {
    "events.csv": (False, False),
    "attendance_signin.csv": (True, True),
    "attendance_zoom.csv": (True, True),
    "participant_pre_qualtrics.csv": (True, True),
    "participant_post_qualtrics.csv": (True, True),
    "event_evals_surveymonkey.csv": (False, True),
    "pnet_session_evals_surveymonkey.csv": (False, True),
    "staff_pre.csv": (False, False),
    "staff_post.csv": (False, False),
    "coaching_log.csv": (False, True),
    "improvement_actions.csv": (False, False),
    "hr_snapshots.csv": (False, False),
    "network_attendance.csv": (True, True),
    "network_final_eval_forms.csv": (False, True),
    "inquiry_cycle.csv": (False, False),
    "school_assessments.csv": (False, False),
    "sped_identification.csv": (False, False),
    "mtss_aggregates.csv": (False, False),
}


def _check_seed(seed: Any) -> int:
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer; got {seed!r}")
    return int(seed)


def generate_demo(out_dir: Path, *, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write the demo's raw exports, ``MANIFEST.md`` and ``defects.json`` into ``out_dir``.

    Parameters
    ----------
    out_dir : Path
        Destination folder (created if needed). Existing files of the same names are overwritten;
        nothing else in the folder is touched.
    seed : int, default 20261122
        Seed of every random stream. The committed ``data_raw/demo`` files use the default.

    Returns
    -------
    list of Path
        Every file written, sorted.

    Raises
    ------
    ValueError
        If ``seed`` is not a non-negative integer.

    See Also
    --------
    make_state_outcomes : a state outcome file of any size, for benchmarks.

    Notes
    -----
    Re-running with the same seed reproduces every file byte for byte: xlsx core properties and
    zip member times are fixed, the .sav header's creation time is overwritten, and no file holds
    the wall-clock time. The people, schools, e-mails (``example.org`` / ``example.com``) and phone
    numbers (555-01xx) are all invented.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as d:
    ...     paths = generate_demo(Path(d))
    ...     [p.relative_to(d).as_posix() for p in paths][:3]
    ['.gitattributes', 'MANIFEST.md', 'attendance_signin.csv']
    """
    seed = _check_seed(seed)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    world = World(seed, build_geography(stream(seed, "geography")), NamePool(stream(seed, "names")))
    world.coaches = {"CADRE": [" ".join(world.names.draw()) for _ in range(3)],
                     "PIPELINE": [" ".join(world.names.draw()) for _ in range(4)]}

    # People of all four programs, then the registration decisions that cut across them.
    hr, pipeline_people = simulate_hr(world, stream(seed, "hr"))
    cadre_people, hosts = cadre_registrants(world, stream(seed, "cadre"))
    network_people = network_registrants(world, stream(seed, "network"))
    pnet_people = pnet_registrants(world, stream(seed, "pnet"), {r.school_code or "" for r in cadre_people})
    world.registrants = pipeline_people + cadre_people + network_people + pnet_people
    _withdrawals_and_consent(world)
    world.registrants.sort(key=lambda r: (r.registration_date, r.last, r.first))
    for n, r in enumerate(world.registrants, start=1):
        r.registration_id = f"R{n:04d}"
    pipeline_teams = _pipeline_teams(world)

    sheets: list[Sheet] = []
    reg = _registration_sheet(world, stream(seed, "registration"))
    sheets.append(reg)
    sheets.append(build_events(world, stream(seed, "events"), hosts))
    wg = working_groups(world, stream(seed, "working_groups"))
    decide_attendance(world, stream(seed, "attendance"), wg)
    sheets.append(signin_sheet(world, stream(seed, "signin")))
    sheets.append(zoom_report(world, stream(seed, "zoom")))
    sheets.append(qualtrics_survey(world, stream(seed, "qualtrics_pre"), "pre"))
    sheets.append(qualtrics_survey(world, stream(seed, "qualtrics_post"), "post"))
    sheets.append(surveymonkey_evals(world, stream(seed, "surveymonkey")))
    plan = _staff_plan(world, stream(seed, "staff_plan"))
    staff_pre, staff_post = staff_survey(world, stream(seed, "staff"), plan)
    sheets += [staff_pre, staff_post]
    actions, initiatives = improvement_actions(world, stream(seed, "improvement"), pipeline_teams)
    sheets.append(coaching_log(world, stream(seed, "coaching"), pipeline_teams, initiatives))
    sheets += [actions, hr]
    sheets.append(network_attendance(world, stream(seed, "network_attendance"), wg))
    sheets.append(google_forms_eval(world, stream(seed, "forms"), wg))
    sheets.append(inquiry_cycle(world, stream(seed, "inquiry")))
    sheets.append(school_assessments(world, stream(seed, "assessments")))
    sheets.append(surveymonkey_evals(world, stream(seed, "pnet_surveymonkey"), "PNET"))
    outcomes, grant_schools = demo_outcomes(world.geo, stream(seed, "state"))
    sheets.append(sped_identification(world.geo, stream(seed, "sped")))
    sheets.append(mtss_aggregates(world.geo, stream(seed, "mtss"), grant_schools))

    written: list[Path] = []
    written.append(write_xlsx(reg, out / reg.file, sheet_name="Registrations", author="Program registration"))
    for sheet in sheets[1:]:
        bom, crlf = _CSV_STYLE[sheet.file]
        written.append(write_csv(sheet, out / sheet.file, bom=bom, crlf=crlf))
    written.append(write_outcomes(outcomes, out / "state_outcomes_long.csv"))
    sav_rows = write_climate_sav(out / "state_climate_survey.sav", world.geo, stream(seed, "climate"),
                                 grant_schools)
    written.append(out / "state_climate_survey.sav")
    notes = case_notes(world, stream(seed, "case_notes"))
    for rel, text, _ in notes:
        p = out / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(text.encode("utf-8"))
        written.append(p)
    # Keep git from rewriting CRLF/BOM in these byte-compared files on any platform.
    gitattributes = "# Raw exports are compared byte for byte: never convert.\n* -text\n"
    written.append(_write(out / ".gitattributes", gitattributes))

    defects = _manifest.resolve_defects(sheets, notes)
    extra_files = {"state_outcomes_long.csv": outcomes.num_rows, "state_climate_survey.sav": sav_rows}
    written.append(_write(out / "defects.json", _manifest.defects_json(defects)))
    sizes = {p.name: p.stat().st_size for p in written}
    manifest = _manifest.render(seed, sheets, notes, defects, extra_files, sizes)
    written.append(_write(out / "MANIFEST.md", manifest))
    return sorted(written)


def make_state_outcomes(path: Path, n_rows: int, *, seed: int) -> Path:
    """Write a state outcome file in the layout of ``state_outcomes_long.csv`` with exactly ``n_rows`` rows.

    Parameters
    ----------
    path : Path
        The CSV to write (parent folders are created).
    n_rows : int
        Number of data rows (the header is extra); at least 1.
    seed : int
        Seed of the random stream; the same seed and ``n_rows`` give the same bytes.

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    ValueError
        If ``n_rows`` is not a positive integer or ``seed`` is negative.

    Notes
    -----
    Built column-wise with numpy and written with pyarrow, so a million rows take about a second.
    Schools are invented (codes ``"0001"``-style districts and 8-digit schools); about one in six is
    a grant school starting in 2021 or 2022. The last school may be cut part-way to hit ``n_rows``.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = make_state_outcomes(Path(d) / "big.csv", 1000, seed=1)
    ...     sum(1 for _ in open(p)) - 1
    1000
    """
    if isinstance(n_rows, bool) or not isinstance(n_rows, (int, np.integer)) or n_rows < 1:
        raise ValueError(f"n_rows must be a positive integer; got {n_rows!r}")
    seed = _check_seed(seed)
    return write_outcomes(synthetic_outcomes(int(n_rows), seed), Path(path))


# --- helpers ------------------------------------------------------------------------------------

def _write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def _withdrawals_and_consent(world: World) -> None:
    """One withdrawn cadre participant (after the pre survey), two pipeline and one network withdrawal;
    one person per program (cadre, pipeline, network) declined consent to use their data for evaluation."""
    cadre = world.by_program("CADRE")
    c2_tl = [r for r in cadre if r.cadre_id == "C2" and r.role == "teacher_leader"]
    c2_tl[1].status, c2_tl[1].withdrawn_date = "withdrawn", dt.date(2025, 10, 30)
    pipe = world.by_program("PIPELINE")
    p24 = [r for r in pipe if r.cohort_year == 2024]
    p25 = [r for r in pipe if r.cohort_year == 2025]
    p24[7].status, p24[7].withdrawn_date = "withdrawn", dt.date(2024, 12, 5)
    p25[11].status, p25[11].withdrawn_date = "withdrawn", dt.date(2026, 2, 11)
    net = world.by_program("NETWORK")
    net[17].status, net[17].withdrawn_date = "withdrawn", dt.date(2025, 6, 20)
    [r for r in cadre if r.cadre_id == "C3" and r.role == "coach"][0].consent_eval = "N"
    p25[3].consent_eval = "N"
    net[30].consent_eval = "N"


def _pipeline_teams(world: World) -> dict[str, list[Registrant]]:
    """Cohort-2025 pipeline participants who share a school form a school team (``PL25-Tnn``)."""
    by_school: dict[str, list[Registrant]] = {}
    for r in world.by_program("PIPELINE"):
        if r.cohort_year == 2025:
            by_school.setdefault(r.school_code or "", []).append(r)
    teams = {}
    for k, code in enumerate(sorted(c for c, m in by_school.items() if len(m) >= 2), start=1):
        team_id = f"PL25-T{k:02d}"
        for r in by_school[code]:
            r.team_id = team_id
        teams[team_id] = by_school[code]
    return teams


def _registration_sheet(world: World, rng: np.random.Generator) -> Sheet:
    """``registration.xlsx``: dates are Excel date cells, except some typed as text in three formats."""
    sheet = Sheet("registration.xlsx", list(REGISTRATION_COLUMNS))
    withdrawn_style = iter((0, None, 1, 2))  # text M/D/YYYY, a real date, text "11 Feb 2026", text ISO
    for r in world.registrants:
        school = world.geo.school_by_code.get(r.school_code or "")
        reg_text = rng.random() < 0.15
        reg_date: Any = r.registration_date
        if reg_text:
            reg_date = _text_date(r.registration_date, int(rng.integers(0, 3)))
        wd: Any = None
        wd_text = False
        if r.withdrawn_date is not None:
            style = next(withdrawn_style)
            wd_text = style is not None
            wd = _text_date(r.withdrawn_date, style) if style is not None else r.withdrawn_date
        i = sheet.add({
            "registration_id": r.registration_id, "program": r.program, "cohort_year": r.cohort_year,
            "cadre_id": r.cadre_id or "", "team_id": r.team_id or "", "first_name": r.first,
                       "last_name": r.last,
            "email": noisy_email(rng, r.email, p=0.08), "phone": r.phone,
            "district_code": r.district_code,
                       "district_name": world.geo.district_by_code[r.district_code].name,
            "school_code": r.school_code or "", "school_name": school.name if school else "", "role": r.role,
            "tier": r.tier or "", "years_in_role": r.years_in_role, "years_in_district": r.years_in_district,
            "grade_band": r.grade_band, "consent_eval": r.consent_eval, "status": r.status,
            "withdrawn_date": wd, "registration_date": reg_date,
        })
        if r.status == "withdrawn":
            sheet.tag(i, "reg_withdrawn", ["status", "withdrawn_date"])
        text_cols = [c for c, t in (("withdrawn_date", wd_text), ("registration_date", reg_text)) if t]
        if text_cols:
            sheet.tag(i, "reg_dates", text_cols)
    sheet.tag_where("reg_email_noise", "email", has_email_noise)
    return sheet


def _text_date(d: dt.date, style: int) -> str:
    return (f"{d.month}/{d.day}/{d.year}", f"{d.day} {MONTH_ABBR[d.month - 1]} {d.year}",
            d.isoformat())[style]


def _staff_plan(world: World, rng: np.random.Generator) -> dict[str, dict[str, int]]:
    """Respondents per cadre school and wave: one school of 3, five of 5-9, the rest 10-60."""
    schools = sorted({r.school_code for r in world.by_program("CADRE") if r.school_code})
    order = [schools[int(i)] for i in rng.permutation(len(schools))]
    plan: dict[str, dict[str, int]] = {}
    for k, code in enumerate(order):
        staff = world.geo.school_by_code[code].staff
        if k == 0:
            plan[code] = {"pre": 3, "post": 3}
        elif k <= 5:
            plan[code] = {"pre": int(rng.integers(5, 10)), "post": int(rng.integers(5, 10))}
        else:
            plan[code] = {w: int(np.clip(round(staff * rng.uniform(0.45, 0.85)), 10, 60))
                          for w in ("pre", "post")}
    return plan


def main(argv: list[str] | None = None) -> int:
    """``python -m evalkit.demo.generate OUT_DIR [--seed N]``: write the demo files and list them."""
    parser = argparse.ArgumentParser(prog="python -m evalkit.demo.generate",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="destination folder, e.g. data_raw/demo")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED,
                        help=f"random seed (default {DEFAULT_SEED})")
    args = parser.parse_args(argv)
    for p in generate_demo(args.out_dir, seed=args.seed):
        print(f"{p.stat().st_size:>10,d}  {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
