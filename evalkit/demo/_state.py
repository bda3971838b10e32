"""State resources: school outcome time series, special-education identification, MTSS, a .sav survey.

The outcome file is built column by column with numpy and written with pyarrow, never a Python
loop per row, because the same code makes the benchmark's million-row file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from evalkit.demo._people import Geography
from evalkit.demo._sheet import Sheet, patch_sav_timestamp

__all__ = ["OUTCOME_COLUMNS", "SUBGROUPS", "MEASURES", "YEARS", "outcomes_table", "write_outcomes",
           "synthetic_outcomes", "sped_identification", "mtss_aggregates", "write_climate_sav"]

OUTCOME_COLUMNS = ["school_code", "district_code", "school_year", "grant", "grant_start_year", "subgroup",
                   "measure", "n_tested", "value"]
SUBGROUPS = ("all", "low_income", "swd", "el", "high_needs", "black", "hispanic", "white")
MEASURES = ("ela_pct_meeting", "math_pct_meeting", "chronic_absence_rate")
YEARS = tuple(range(2016, 2025))

# Subgroup offsets from the school's all-students rate (percentage points) and typical share of students.
_OFFSET_ACH = np.array([0.0, -12.0, -25.0, -20.0, -10.0, -12.0, -10.0, 6.0])
_OFFSET_ABS = np.array([0.0, 6.0, 8.0, 3.0, 5.0, 5.0, 5.0, -3.0])
_YEAR_ACH = np.array([0, 0.4, 0.8, 1.2, -1.0, -8.0, -5.0, -3.0, -2.0])  # 2020-21 dip and recovery
_YEAR_ABS = np.array([0, 0.2, 0.4, 0.6, 4.0, 10.0, 8.0, 5.0, 3.0])


def outcomes_table(rng: np.random.Generator, school_codes: np.ndarray, district_codes: np.ndarray,
                   grant: np.ndarray, grant_start: np.ndarray, enrollment: np.ndarray) -> pa.Table:
    """The long outcome table for the given schools (one array element per school).

    Rows are ordered school, year, subgroup, measure; rows with no students are dropped, as the
    state does. ``value`` is text: a rate with one decimal, ``"*"`` when fewer than 10 students were
    counted, or ``"<10"`` when 10-29 were counted and the rate is under 10% (state bottom-coding).
    """
    n_s, n_y, n_g, n_m = len(school_codes), len(YEARS), len(SUBGROUPS), len(MEASURES)
    # School-level latent rates; grant schools start lower (they were selected for need).
    ach = np.where(grant, rng.normal(38, 11, n_s), rng.normal(52, 14, n_s))
    math_gap = rng.normal(-3, 4, n_s)
    absence = np.clip(np.where(grant, rng.normal(21, 6, n_s), rng.normal(14, 5, n_s)), 2, None)
    shares = np.column_stack([
        np.ones(n_s), rng.beta(4, 4, n_s), rng.beta(5, 24, n_s), rng.beta(1.5, 9, n_s), rng.beta(6, 4, n_s),
        *rng.dirichlet([1.2, 1.8, 3.0], n_s).T,  # black, hispanic, white (the rest are other groups)
    ])
    shape = (n_s, n_y, n_g, n_m)
    s_idx = np.broadcast_to(np.arange(n_s)[:, None, None, None], shape).ravel()
    y_idx = np.broadcast_to(np.arange(n_y)[None, :, None, None], shape).ravel()
    g_idx = np.broadcast_to(np.arange(n_g)[None, None, :, None], shape).ravel()
    m_idx = np.broadcast_to(np.arange(n_m)[None, None, None, :], shape).ravel()
    year = np.asarray(YEARS)[y_idx]
    # enrollment drifts from year to year (a random walk of about 4% a year), so a school's number of
    # students tested is not the same every year, as in real state files
    drift = np.exp(np.cumsum(rng.normal(0, 0.04, (n_s, n_y)), axis=1))
    # and each test has its own turnout (absent on test day, exempt), so ELA and math are not tested by the
    # same number of students
    turnout = np.clip(rng.normal(0.45, 0.01, (n_s, n_y, n_m)), 0.4, 0.5)
    tested_all = enrollment[s_idx] * drift[s_idx, y_idx] * np.where(m_idx == 2, 1.0, turnout[s_idx, y_idx, m_idx])
    n = rng.binomial(np.maximum(tested_all, 0).astype(np.int64), shares[s_idx, g_idx])
    post = grant[s_idx] & (year >= grant_start[s_idx])
    years_in = np.where(post, year - grant_start[s_idx] + 1, 0)
    effect = np.minimum(1.5 * years_in, 4.5)
    ach_rate = (ach[s_idx] + _OFFSET_ACH[g_idx] + _YEAR_ACH[y_idx]
                + np.where(m_idx == 1, math_gap[s_idx], 0.0)
                + effect)
    abs_rate = absence[s_idx] + _OFFSET_ABS[g_idx] + _YEAR_ABS[y_idx] - 0.5 * effect
    # Sampling noise shrinks with n, as real percentages do.
    noise = rng.normal(0, 1, n.size) * (2.0 + 30.0 / np.sqrt(np.maximum(n, 1)))
    rate = np.clip(np.where(m_idx == 2, abs_rate, ach_rate) + noise, 0, 100)
    keep = n > 0
    tenths = np.rint(rate[keep] * 10).astype(np.int64)
    n_k = n[keep]
    text = pc.binary_join_element_wise(pa.array(tenths // 10).cast(pa.string()),
                                       pa.array(tenths % 10).cast(pa.string()), ".")
    bottom_coded = pc.if_else(pa.array((n_k < 30) & (tenths < 100)), "<10", text)
    value = pc.if_else(pa.array(n_k < 10), "*", bottom_coded)
    s_k = s_idx[keep]
    start_text = np.where(grant, grant_start.astype(str), "")
    return pa.table({
        "school_code": pa.array(school_codes[s_k]),
        "district_code": pa.array(district_codes[s_k]),
        "school_year": pa.array(year[keep]),
        "grant": pa.array(np.where(grant[s_k], "Y", "N")),
        "grant_start_year": pa.array(start_text[s_k]),
        "subgroup": pa.array(np.asarray(SUBGROUPS)[g_idx[keep]]),
        "measure": pa.array(np.asarray(MEASURES)[m_idx[keep]]),
        "n_tested": pa.array(n_k),
        "value": value,
    })


def write_outcomes(table: pa.Table, path: Path) -> Path:
    """CSV with an unquoted header and unquoted values (none contain a comma), LF line endings."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        fh.write((",".join(table.column_names) + "\n").encode("ascii"))
        pacsv.write_csv(table, fh, pacsv.WriteOptions(include_header=False, quoting_style="none"))
    return path


def synthetic_outcomes(n_rows: int, seed: int) -> pa.Table:
    """Exactly ``n_rows`` rows of made-up schools in the demo layout (for benchmarks)."""
    per_school = len(YEARS) * len(SUBGROUPS) * len(MEASURES)
    n_schools = int(np.ceil(n_rows / per_school * 1.25)) + 2  # some subgroup rows are empty and dropped
    while True:
        rng = np.random.default_rng([seed, 7, n_schools])
        n_districts = max(1, min(9999, int(np.ceil(n_schools / 6))))
        dist = np.sort(rng.integers(0, n_districts, n_schools))
        k = np.arange(n_schools) - np.searchsorted(dist, dist)  # position within the district
        d_codes = np.char.zfill((dist + 1).astype(str), 4)
        s_codes = np.char.add(d_codes, np.char.zfill(((k + 1) * 5).astype(str), 4))
        grant = rng.random(n_schools) < 1 / 6
        start = rng.choice([2021, 2022], n_schools)
        enrollment = np.exp(rng.normal(np.log(450), 0.5, n_schools))
        table = outcomes_table(rng, s_codes, d_codes, grant, start, enrollment)
        if table.num_rows >= n_rows:
            return table.slice(0, n_rows)
        n_schools *= 2  # deterministic retry with more schools; not reached for realistic sizes


def demo_outcomes(geo: Geography, rng: np.random.Generator) -> tuple[pa.Table, list[str]]:
    """The demo file: all 180 schools, 30 of them grant schools (18 starting 2021, 12 starting 2022)."""
    schools = geo.schools
    grant_idx = rng.choice(len(schools), size=30, replace=False)
    grant = np.zeros(len(schools), dtype=bool)
    grant[grant_idx] = True
    start = np.full(len(schools), 0)
    start[grant_idx[:18]] = 2021
    start[grant_idx[18:]] = 2022
    table = outcomes_table(
        rng, np.array([s.code for s in schools]), np.array([s.district_code for s in schools]), grant, start,
        np.array([float(s.enrollment) for s in schools]),
    )
    return table, sorted(schools[int(i)].code for i in grant_idx)


_SPED_GROUPS = ("all", "black", "hispanic", "white", "asian", "multiracial", "low_income", "non_low_income")


def sped_identification(geo: Geography, rng: np.random.Generator) -> Sheet:
    """``sped_identification.csv``: district x year x subgroup counts, 2020-2024.

    Three districts over-identify Black students (risk about 1.9x), so the risk-ratio analysis
    has cases to flag; small districts give cells under the n-size rules.
    """
    sheet = Sheet("sped_identification.csv", ["district_code", "school_year", "subgroup", "n_enrolled",
                                              "n_identified"])
    flagged = {geo.districts[int(i)].code for i in rng.choice(range(1, len(geo.districts)), 3, replace=False)}
    for d in geo.districts:
        enrolled = sum(s.enrollment for s in geo.schools_in(d.code))
        race = rng.dirichlet([1.2, 1.8, 4.0, 0.6, 0.5])
        low_income = float(rng.beta(4, 4))
        base = float(rng.normal(0.17, 0.025))
        for year in range(2020, 2025):
            total = int(enrolled * float(np.exp(rng.normal(0, 0.02))))
            groups = {"all": total}
            for g, share in zip(_SPED_GROUPS[1:6], race, strict=True):
                groups[g] = int(rng.binomial(total, share))
            groups["low_income"] = int(rng.binomial(total, low_income))
            groups["non_low_income"] = total - groups["low_income"]
            for g in _SPED_GROUPS:
                mult = {"black": 1.9 if d.code in flagged else 1.15, "low_income": 1.25,
                        "non_low_income": 0.8,
                        "asian": 0.6}.get(g, 1.0)
                n_id = int(rng.binomial(groups[g], min(0.9, base * mult)))
                sheet.add({"district_code": d.code, "school_year": year, "subgroup": g,
                           "n_enrolled": groups[g], "n_identified": n_id})
    return sheet


def mtss_aggregates(geo: Geography, rng: np.random.Generator, school_codes: list[str]) -> Sheet:
    """``mtss_aggregates.csv``: screening windows by school, grade and measure, 2022-23 to 2024-25.

    ``n_roi_on_track`` needs at least four progress-monitoring scores, so it is blank in the fall.
    """
    cols = ["school_code", "school_year", "window", "grade", "measure", "n_screened", "n_at_benchmark",
            "n_some_risk", "n_high_risk", "n_tier2", "n_tier3", "n_roi_on_track"]
    sheet = Sheet("mtss_aggregates.csv", cols)
    grades = {"K-5": ("K", "1", "2", "3", "4", "5"), "6-8": ("6", "7", "8"),
              "K-8": ("K", "1", "2", "3", "4", "5", "6", "7", "8")}
    for code in school_codes:
        school = geo.school_by_code[code]
        if school.grade_band not in grades:
            continue
        per_grade = school.enrollment / len(grades[school.grade_band])
        level = float(rng.normal(0.45, 0.08))
        for y, year in enumerate(("2022-23", "2023-24", "2024-25")):
            for grade in grades[school.grade_band]:
                for measure in ("reading_composite", "math_composite"):
                    for w, window in enumerate(("fall", "winter", "spring")):
                        n = int(rng.binomial(int(per_grade), 0.95))
                        p_bench = float(np.clip(level + 0.03 * y + 0.04 * w + rng.normal(0, 0.04), 0.05,
                                                0.95))
                        p_some = (1 - p_bench) * float(rng.uniform(0.5, 0.65))
                        at = int(rng.binomial(n, p_bench))
                        some = int(rng.binomial(n - at, p_some / (1 - p_bench)))
                        high = n - at - some
                        t2, t3 = int(rng.binomial(some, 0.8)), int(rng.binomial(high, 0.7))
                        roi = "" if window == "fall" else int(rng.binomial(t2 + t3, 0.55))
                        sheet.add({"school_code": code, "school_year": year, "window": window, "grade": grade,
                                   "measure": measure, "n_screened": n, "n_at_benchmark": at,
                                   "n_some_risk": some,
                                   "n_high_risk": high, "n_tier2": t2, "n_tier3": t3, "n_roi_on_track": roi})
    return sheet


CLIMATE_ITEMS = (
    "Staff at this school trust each other",
    "Students feel safe at this school",
    "School leaders support teachers' professional growth",
    "Teachers have time to collaborate",
    "Discipline is fair and consistent",
    "Families are welcomed at this school",
    "Teachers are involved in school decisions",
    "This school is a good place to work",
)
AGREE_LABELS = {1.0: "Strongly disagree", 2.0: "Disagree", 3.0: "Neither agree nor disagree", 4.0: "Agree",
                5.0: "Strongly agree", 9.0: "Don't know"}
ROLE_LABELS = {1.0: "Teacher", 2.0: "Paraprofessional", 3.0: "Administrator", 4.0: "Other staff"}


def write_climate_sav(path: Path, geo: Geography, rng: np.random.Generator, school_codes: list[str]) -> int:
    """``state_climate_survey.sav``: a state staff climate survey extract (respondents) for grant schools.

    Items CL1-CL8 are 1-5 with 9 = "Don't know" declared user-missing; every variable has a label.
    The header's creation time is pinned after writing. Returns the number of rows written.
    """
    import pandas as pd
    import pyreadstat

    rows = []
    for code in school_codes:
        school = geo.school_by_code[code]
        effect = float(rng.normal(0, 0.35))
        for year in (2023, 2024):
            for _ in range(int(rng.integers(8, 40))):
                theta = effect + float(rng.normal(0, 0.7)) + (0.1 if year == 2024 else 0.0)
                rec = {"resp_id": f"SC{year % 100}-{len(rows) + 1:05d}", "school_code": code,
                       "district_code": school.district_code, "survey_year": float(year),
                       "role": float(rng.choice([1, 2, 3, 4], p=[0.68, 0.14, 0.06, 0.12]))}
                for j in range(1, 9):
                    if rng.random() < 0.04:
                        rec[f"CL{j}"] = 9.0
                    elif rng.random() < 0.02:
                        rec[f"CL{j}"] = float("nan")  # skipped: system-missing
                    else:
                        rec[f"CL{j}"] = float(np.clip(np.rint(3.4 + theta + rng.normal(0, 0.6)), 1, 5))
                rows.append(rec)
    df = pd.DataFrame(rows)
    items = [f"CL{j}" for j in range(1, 9)]
    labels = {"resp_id": "Response identifier", "school_code": "School code (8 digits)",
              "district_code": "District code (4 digits)", "survey_year": "Survey year (spring)",
              "role": "Respondent role", **{f"CL{j}": CLIMATE_ITEMS[j - 1] for j in range(1, 9)}}
    path.parent.mkdir(parents=True, exist_ok=True)
    pyreadstat.write_sav(
        df, str(path), file_label="State school climate survey, staff, grant schools 2023-2024",
        column_labels=labels,
        variable_value_labels={"role": ROLE_LABELS, **{c: AGREE_LABELS for c in items}},
        missing_ranges={c: [9.0] for c in items},
        variable_measure={"role": "nominal", **{c: "ordinal" for c in items}},
        variable_format={"survey_year": "F4.0", "role": "F1.0", **{c: "F1.0" for c in items}},
    )
    patch_sav_timestamp(path, dt.datetime(2025, 9, 15, 9, 30, 0))
    return len(df)
