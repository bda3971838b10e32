"""The pipeline report: a district's leadership pipeline (programs of kind ``pipeline``).

Coaching dosage by session type and focus area and over time; improvement initiatives and their action steps;
careers from the district's yearly HR snapshots: k-year retention and promotion of participants by cohort and
tier against a comparison group of non-participants matched on role and experience (with the balance shown),
promotion against leaving as competing risks (cumulative incidence, with the numbers at risk), a log-rank test
and a Cox model with school-clustered errors. Participants chose to join, so the report describes; it does not
claim that the program caused what it shows.

Built from the anonymized store alone; every figure about people goes through one
:class:`~evalkit.disclose.Bundle`; the prose comes from ``templates/prose/pipeline/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from evalkit.config import ProgramKind, ProjectConfig, SourceKind
from evalkit.disclose import Bundle, ProtectedBundle, ProtectedTable
from evalkit.disclose.protected import passthrough
from evalkit.disclose.sentences import sentence
from evalkit.report import appendix, measures
from evalkit.report.inputs import PERSON, ReportUnit, open_release, sources
from evalkit.report.sections import plan
from evalkit.report.summary import direction, reading_notes
from evalkit.report.writer import save_charts, sections_from, write_facts, write_tables

if TYPE_CHECKING:  # pragma: no cover
    from evalkit.disclose import ReleaseLedger
    from evalkit.processed import ProcessedData

__all__ = ["pipeline_units", "build_pipeline_artifacts", "career_groups"]

_YES = ("y", "yes", "true", "1")


def pipeline_units(cfg: ProjectConfig) -> list[ReportUnit]:
    """One report per program of kind ``pipeline`` (its cohorts and tiers are rows of its tables)."""
    return [ReportUnit(p.id, p.name, "", p.id) for p in cfg.project.programs if p.kind == ProgramKind.pipeline]


def career_groups(hr: pd.DataFrame, spec: Any) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(statuses, people, pairs) of a pipeline's HR snapshots.

    ``people``: one row per person: ``participant`` (bool), ``start`` (a participant's cohort year; a matched
    non-participant takes their participant's), ``tier``, ``hired`` (first calendar year), ``rank``,
    ``experience`` (years since hire at the start year) and ``school`` at the start year. ``pairs``: each
    participant's matched non-participant (same rank at the same start year, closest experience, within
    ``spec.caliper`` years, without replacement).
    """
    from evalkit.analyze.careers import SEPARATED, career_statuses, matched_comparison, school_year

    statuses = career_statuses(hr, person=PERSON, year=_year_col(hr), rank=spec.rank_column, ladder=spec.ladder,
                               role=spec.role_column, place=spec.place_column, status=spec.status_column)
    d = hr.assign(_y=hr[_year_col(hr)].map(school_year))
    first = d.sort_values("_y").groupby(PERSON).first()
    hired = (pd.to_datetime(first[spec.hire_column], errors="coerce").dt.year.fillna(first["_y"]).astype(int)
             if spec.hire_column and spec.hire_column in first else first["_y"].astype(int))
    part = first[spec.participant_column].astype("string").str.strip().str.casefold().isin(_YES).fillna(False)
    start = (pd.to_numeric(first[spec.cohort_column], errors="coerce") if spec.cohort_column else
             pd.Series(np.nan, index=first.index))
    people = pd.DataFrame({"participant": part.astype(bool), "start": start.where(part), "hired": hired,
                           "tier": first[spec.tier_column] if spec.tier_column else None})
    # the situation at the start year: participants at their cohort's first year; candidates the same year
    rows = []
    gone = (d[spec.status_column].astype("string").str.strip().str.casefold().isin(SEPARATED).fillna(False)
            if spec.status_column else pd.Series(False, index=d.index))
    for y in sorted(people.loc[people["participant"], "start"].dropna().astype(int).unique()):
        # who was employed that year: a snapshot that records a separation is nobody's start
        snap = d[(d["_y"] == y) & ~gone.to_numpy()].drop_duplicates(PERSON).set_index(PERSON)
        who = snap.index[(people.loc[snap.index, "participant"] & (people.loc[snap.index, "start"] == y))
                         | ~people.loc[snap.index, "participant"]]
        for pid in who:
            rows.append({"person": pid, "year": y, "participant": bool(people.at[pid, "participant"]),
                         "rank": str(snap.at[pid, spec.rank_column]),
                         "experience": float(y - people.at[pid, "hired"]),
                         "school": str(snap.at[pid, spec.place_column]) if spec.place_column else "",
                         **{c: str(snap.at[pid, c]) for c in spec.match_on}})
    at_start = pd.DataFrame(rows, columns=["person", "year", "participant", "rank", "experience", "school",
                                           *spec.match_on])
    pairs = []
    used: set = set()
    for y, g in at_start.groupby("year"):
        g = g[~(~g["participant"] & g["person"].isin(used))].reset_index(drop=True)
        m = matched_comparison(g, treated="participant", exact=["rank", *spec.match_on], distance="experience",
                               caliper=spec.caliper)
        for t, c in zip(m["treated_index"], m["control_index"]):
            pairs.append((g.at[t, "person"], g.at[c, "person"], int(y)))
            used.add(g.at[c, "person"])
    pairs_df = pd.DataFrame(pairs, columns=["participant", "comparison", "start"])
    people = people.join(at_start.drop_duplicates("person").set_index("person")[["rank", "experience", "school"]],
                         how="left")
    for p, c, y in pairs:
        people.at[c, "start"] = y
    people.attrs["at_start"] = at_start
    return statuses, people, pairs_df


def _year_col(hr: pd.DataFrame) -> str:
    return next(c for c in ("school_year", "year", "snapshot_year") if c in hr.columns)


def build_pipeline_artifacts(cfg: ProjectConfig, store: ProcessedData, unit: ReportUnit, out_dir: Path, *,
                             ledger: ReleaseLedger | None = None, allow_rerelease: str | None = None
                             ) -> tuple[Path, ProtectedBundle]:
    """Write ``out_dir/facts.json``, ``tables/``, ``charts/`` and ``disclosure_log.json`` for one pipeline."""
    policy, as_of, release_id, b = open_release(cfg, unit)
    n_min = policy.n_min
    program = cfg.project.program(unit.program)
    plain: list[ProtectedTable] = []
    evidence: dict[str, str | None] = {}

    evidence["coaching"] = None if _coaching(b, cfg, store, program) else "no coaching log"
    initiatives = _initiatives(cfg, store, program, pd.Timestamp(as_of))
    if initiatives is not None:
        plain += initiatives
    evidence["initiatives"] = None if initiatives is not None else "no improvement-initiative tracker"
    spec = program.careers
    careers = spec is not None and spec.source in store.tables and PERSON in store.tables[spec.source]
    summary_bits: dict[str, Any] = {}
    if careers:
        summary_bits = _careers(b, store.tables[spec.source], spec, n_min)
    evidence["careers"] = None if careers else "no HR snapshots"
    measures.quality(b, cfg, store, unit)
    plain += [appendix.methods(careers=careers), appendix.software()]

    protected = b.protect(ledger=ledger, allow_rerelease=allow_rerelease)
    plain.append(appendix.glossary(cadres=False, change=False, nps=False, careers=careers))
    T, specs = write_tables(Path(out_dir), plain, protected)
    charts = save_charts(_charts(T), Path(out_dir))

    ctx = {"program": program, "n_min": n_min, "spec": spec, "hidden_figures": len(protected.log),
           "quality_table": "data_quality" in T, "summary": _summary(T, summary_bits)}
    tables_of = {"coaching": [t for t in ("coaching_by_type", "coaching_by_quarter") if t in T],
                 "initiatives": [t for t in ("initiatives", "initiatives_by_quarter") if t in T],
                 "careers": [t for t in ("career_rates", "career_differences", "balance", "cumulative_incidence",
                                         "km_tenure", "career_tests", "cox") if t in T],
                 "appendix_methods": ["methods", "software"],
                 "appendix_disclosure": ["disclosure_log"] if protected.log else [],
                 "data_quality": ["data_quality"], "glossary": ["glossary"]}
    sections = sections_from(plan(ProgramKind.pipeline, evidence,
                                  levels=sorted(int(v) for v in program.guskey_levels) or [3, 4, 5]),
                             "pipeline", tables_of, T, ctx)
    headline = []
    if "career_rates" in T:
        r = T["career_rates"]
        k = spec.years
        headline.append({"label": f"Participants followed {k} years", "value": r.text("All participants", "n")})
        headline.append({"label": "Matched comparison", "value": r.text("Matched comparison", "n")})
    write_facts(Path(out_dir), cfg=cfg, store=store, program=unit.program, program_name=program.name,
                unit=unit.cadre, cohort=unit.cohort, release_id=release_id, as_of=as_of, policy=policy,
                protected=protected, headline=headline, sections=sections, specs=specs, charts=charts,
                generated_by="evalkit.report.pipeline")
    return Path(out_dir), protected


def _coaching(b: Bundle, cfg: ProjectConfig, store: ProcessedData, program: Any) -> bool:
    """Coaching sessions and hours by session type and focus area, and by quarter; each row's n is the people
    coached in it (the log's coachee ids, keyed)."""
    from evalkit.analyze.participation import program_rows

    logs = [t for t in sources(cfg, store, kind=SourceKind.log, program=program.id)
            if {"session_type", "minutes"} <= set(t.data.columns)]
    if not logs:
        return False
    d = program_rows(pd.concat([t.data for t in logs], ignore_index=True), program.codes)
    if d.empty:
        return False
    who = next((c for c in d.columns if c.endswith("_pid")), None)
    d = d.assign(hours=pd.to_numeric(d["minutes"], errors="coerce") / 60.0,
                 people=d[who].astype("string").fillna("").str.split(";") if who else [[]] * len(d))

    def row(label: str, g: pd.DataFrame) -> dict[str, Any]:
        coached = {p.strip() for ps in g["people"] for p in ps if p and p.strip()}
        return {"Group": label, "People coached": float(len(coached)), "Sessions": float(len(g)),
                "Hours": float(g["hours"].sum()),
                "Hours per person coached": float(g["hours"].sum()) / len(coached) if coached else np.nan}

    def rows(keys: list[str], label) -> pd.DataFrame:
        return pd.DataFrame([row(label(k), g) for k, g in d.groupby(keys, dropna=False, sort=True)])

    by_type = rows(["session_type", "focus_area"] if "focus_area" in d else ["session_type"],
                   lambda k: " / ".join(str(x).replace("_", " ").capitalize() for x in (k if isinstance(k, tuple) else (k,))))
    b.statistics("coaching_by_type", by_type, group="Group", n="People coached",
                 columns={"Sessions": "{:,.0f}", "Hours": "{:,.1f}", "Hours per person coached": "{:,.1f}"},
                 title="Coaching by session type and focus area",
                 note="Sessions and hours of coaching from the coaching log; a row describes the people coached in "
                      "it and is not shown when they are fewer than the threshold. A team session counts for each "
                      "member coached in it. Teams are smaller than the threshold, so coaching is not shown team "
                      "by team.")
    if "date" in d:
        d["quarter"] = pd.to_datetime(d["date"], errors="coerce").dt.to_period("Q").astype("string")
        by_q = rows(["quarter"], lambda k: str(k[0] if isinstance(k, tuple) else k))
        by_q = pd.concat([by_q, pd.DataFrame([row("All quarters", d)])], ignore_index=True)
        b.statistics("coaching_by_quarter", by_q, group="Group", n="People coached",
                     columns={"Sessions": "{:,.0f}", "Hours": "{:,.1f}", "Hours per person coached": "{:,.1f}"},
                     title="Coaching by quarter",
                     note="Sessions and hours of coaching per calendar quarter.")
    return True


def _initiatives(cfg: ProjectConfig, store: ProcessedData, program: Any, as_of: pd.Timestamp
                 ) -> list[ProtectedTable] | None:
    """Action steps per improvement initiative: planned, completed, in progress, not started, overdue, and the
    median days from due date to completion. Steps are work, not people: a pass-through table."""
    tr = [t for t in sources(cfg, store, kind=SourceKind.tracker, program=program.id)
          if {"initiative_id", "action_step_id", "status"} <= set(t.data.columns)]
    if not tr:
        return None
    d = pd.concat([t.data for t in tr], ignore_index=True)
    st = d["status"].astype("string").str.strip().str.casefold().str.replace(r"[\s-]+", "_", regex=True)
    due = pd.to_datetime(d.get("due_date"), errors="coerce") if "due_date" in d else pd.Series(pd.NaT, index=d.index)
    done_at = pd.to_datetime(d.get("status_date"), errors="coerce") if "status_date" in d else due
    complete = st.isin(["complete", "completed", "done"])
    started = st.isin(["in_progress", "started", "underway"])
    overdue = ~complete & (due < as_of)
    def step_row(label: str, i: pd.Index) -> dict[str, str]:
        late = (done_at[i] - due[i]).dt.days[complete[i]]
        return {"Initiative": label, "Steps planned": f"{len(i)}", "Completed": f"{int(complete[i].sum())}",
                "In progress": f"{int(started[i].sum())}", "Not started": f"{int((~complete[i] & ~started[i]).sum())}",
                "Overdue": f"{int(overdue[i].sum())}",
                "Median days from due date to completion": f"{late.median():+.0f}" if len(late.dropna()) else ""}

    rows = [step_row(str(ini), g.index) for ini, g in d.groupby("initiative_id", sort=True)]
    rows.append(step_row("All initiatives", d.index))
    due_q = due.dt.to_period("Q").astype("string")
    done_q = done_at[complete].dt.to_period("Q").astype("string")
    quarters = sorted(set(done_q.dropna()) | set(due_q.dropna()))
    over_time = pd.DataFrame({"Quarter": quarters,
                              "Steps due": [f"{int((due_q == q).sum())}" for q in quarters],
                              "Steps completed": [f"{int((done_q == q).sum())}" for q in quarters]})
    return [passthrough("initiatives", "Improvement initiatives: action steps", pd.DataFrame(rows),
                        note=f"As of {as_of.date().isoformat()}. Overdue: not completed and past its due date. A "
                             "negative number of days: completed before the due date."),
            passthrough("initiatives_by_quarter", "Action steps due and completed by quarter", over_time,
                        note="All initiatives together: the steps whose due date falls in the quarter, and the steps "
                             "completed in it.")]


def _careers(b: Bundle, hr: pd.DataFrame, spec: Any, n_min: int) -> dict[str, Any]:
    """Rates, balance, cumulative incidence, log-rank and Cox for participants against the matched comparison."""
    from evalkit.analyze.careers import cox_clustered, k_year_rates, logrank, standardized_difference, wilson_rate

    statuses, people, pairs = career_groups(hr, spec)
    k = spec.years
    part = people[people["participant"] & people["start"].notna()]
    comp = people.loc[people.index.isin(set(pairs["comparison"]))]
    rates = k_year_rates(statuses[statuses["person"].isin(set(part.index) | set(comp.index))],
                         {p: int(s) for p, s in people["start"].dropna().items()}, k).set_index("person")
    # every careers figure describes the same people: those the file follows for k years (and their matches),
    # so no table minus another gives back a cohort's or a year's small count
    followed = set(rates.index)
    part, comp = part[part.index.isin(followed)], comp[comp.index.isin(followed)]
    pairs = pairs[pairs["participant"].isin(followed)]
    groups: list[tuple[str, list]] = []
    groups += [(f"Participants, cohort {int(c)}", list(g.index)) for c, g in part.groupby("start")]
    if spec.tier_column:
        groups += [(f"Participants, {spec.tier_labels.get(str(t), f'tier {t}')}", list(g.index))
                   for t, g in part.groupby("tier")]
    groups += [("All participants", list(part.index)), ("Matched comparison", list(comp.index))]
    rows = []
    for label, ids in groups:
        r = rates.loc[rates.index.isin(ids)]
        if r.empty:
            continue          # a cohort the file does not yet follow for k years: no row, the note says so
        row: dict[str, Any] = {"Group": label, "n": float(len(r))}
        for col, name in (("retained", "Retained"), ("promoted", "Promoted")):
            if len(r):
                p, lo, hi = wilson_rate(int(r[col].sum()), len(r))
                row.update({f"{name} %": p, f"{name} CI low": lo, f"{name} CI high": hi})
        rows.append(row)
    frame = pd.DataFrame(rows).reindex(columns=["Group", "n", "Retained %", "Retained CI low", "Retained CI high",
                                                "Promoted %", "Promoted CI low", "Promoted CI high"])
    b.statistics("career_rates", frame, group="Group", n="n",
                 columns={c: "{:.0f}%" for c in frame.columns if "CI" in c},
                 shares=["Retained %", "Promoted %"],
                 coded_with={"Retained %": ("Retained CI low", "Retained CI high"),
                             "Promoted %": ("Promoted CI low", "Promoted CI high")},
                 title=f"{k}-year retention and promotion: participants and the matched comparison",
                 note=f"Retained: employed in the district {k} years after the cohort's first year; promoted: a "
                      f"higher rank on the district's ladder within those {k} years. 95% Wilson intervals. Only "
                      f"cohorts the HR file follows for {k} years are counted; a comparison person counts from "
                      "their matched participant's first year.")
    # the difference between the two groups, with Newcombe's interval (method 10, from the Wilson limits),
    # only where both rates are shown exactly: beside a coded rate the difference would give it back
    from evalkit.disclose.bundle import format_share
    from evalkit.disclose.protected import SHOWN
    from statsmodels.stats.proportion import confint_proportions_2indep

    pr, cr = rates.loc[rates.index.isin(part.index)], rates.loc[rates.index.isin(comp.index)]
    diff_rows = []
    for col, name in (("retained", "Retained"), ("promoted", "Promoted")):
        if pr.empty or cr.empty:
            continue
        ka, kb, na, nb = int(pr[col].sum()), int(cr[col].sum()), len(pr), len(cr)
        if any(format_share(100 * k / n, b.policy, n)[1] != SHOWN for k, n in ((ka, na), (kb, nb))):
            continue
        lo, hi = confint_proportions_2indep(ka, na, kb, nb, method="newcomb", compare="diff")
        diff_rows.append({"Rate": name, "n": float(min(na, nb)), "Participants minus comparison (points)":
                          100 * (ka / na - kb / nb), "CI low": 100 * lo, "CI high": 100 * hi})
    if diff_rows:
        b.statistics("career_differences", pd.DataFrame(diff_rows), group="Rate", n="n",
                     columns={"Participants minus comparison (points)": "{:+.0f}", "CI low": "{:+.0f}",
                              "CI high": "{:+.0f}"},
                     title=f"{k}-year rates: participants minus the matched comparison",
                     note="Difference in percentage points with Newcombe's 95% interval (from the two Wilson "
                          "intervals). An interval that includes 0: the data cannot tell the groups apart.")
    # balance: standardized differences at the start year, before and after matching
    at_start = people.attrs["at_start"]
    years = set(part["start"].dropna().astype(int))
    cand = at_start[~at_start["participant"] & at_start["year"].isin(years)].drop_duplicates("person")
    treated = at_start[at_start["participant"] & at_start["person"].isin(set(part.index))]
    # a comparison person's situation in the year they were matched (they are a candidate in several years)
    matched = at_start.merge(pairs[["comparison", "start"]], left_on=["person", "year"],
                             right_on=["comparison", "start"])
    paired = treated[treated["person"].isin(set(pairs["participant"]))]    # the participants who have a match
    bal = []
    covs = [("Years since hire", lambda f: f["experience"])] + [
        (f"Role: {r.replace('_', ' ')}", (lambda f, r=r: (f["rank"] == r).astype(int))) for r in sorted(treated["rank"].unique())]
    for name, get in covs:
        bal.append({"Characteristic at the start year": name, "n": float(min(len(paired), len(matched))),
                    "Before matching": standardized_difference(get(treated), get(cand)) if len(cand) else np.nan,
                    "After matching": standardized_difference(get(paired), get(matched)) if len(matched) else np.nan})
    b.statistics("balance", pd.DataFrame(bal), group="Characteristic at the start year", n="n",
                 columns={"Before matching": "{:+.2f}", "After matching": "{:+.2f}"},
                 title="Balance: participants against non-participants",
                 note="Standardized differences (participants minus comparison, in standard deviations; Austin "
                      "2009): before matching, every participant against every non-participant employed that year; "
                      "after matching, the matched participants against their matches. Within 0.1 either way is "
                      "usually read as balanced.")
    # competing risks from the start year: the curves, each published only as far as its steps allow
    # (evalkit.disclose.curves: a step beside its numbers at risk gives back that year's events)
    spells = _from_start(statuses, people, set(part.index) | set(comp.index))
    spells["group"] = np.where(spells["person"].isin(set(part.index)), "participants", "comparison")
    _cif_table(b, spells, n_min)
    _km_table(b, statuses, people, n_min)
    out: dict[str, Any] = {}
    if spells["group"].nunique() == 2:
        sp0 = spells.assign(time=spells["time"] - spells["entry"], entry=0.0)
        chisq, p = logrank(sp0, spells["group"])
        X = pd.DataFrame({"Participant": (spells["group"] == "participants").astype(float).to_numpy(),
                          "Years since hire": people.loc[spells["person"], "experience"].fillna(0).to_numpy(float)})
        cox = cox_clustered(sp0, X, people.loc[spells["person"], "school"].fillna("?").reset_index(drop=True))
        # a test of two groups rests on each group's promotions: with fewer than the threshold in either, the
        # statistic with the numbers at risk gives that count back (it did: 5 comparison promotions)
        n = float(min(((spells["group"] == g) & (spells["event"] == 1)).sum() for g in ("participants", "comparison")))
        b.statistics("career_tests", pd.DataFrame({"Test": ["Log-rank: time to promotion, participants vs comparison"],
                                                   "n": [n], "Chi-square": [chisq], "p": [p]}),
                     group="Test", n="n", columns={"Chi-square": "{:.2f}", "p": "p"},
                     title="Time to promotion: log-rank test",
                     note="Departures censored; one degree of freedom. n: promotions in the smaller group; the "
                          "test is not shown when either group had fewer promotions than the threshold.")
        b.statistics("cox", pd.DataFrame({"Covariate": list(cox.index), "n": n, "Hazard ratio": cox["hazard_ratio"],
                                          "CI low": cox["ci_low"], "CI high": cox["ci_high"], "p": cox["p"]}),
                     group="Covariate", n="n", columns={"Hazard ratio": "{:.2f}", "CI low": "{:.2f}",
                                                        "CI high": "{:.2f}", "p": "p"},
                     title="Cox model of promotion, with school-clustered standard errors",
                     note="Hazard ratio of promotion (departures censored), with standard errors robust to "
                          "people in the same school at the start year (Lin & Wei 1989); 95% CI. n: promotions in the "
                          "smaller group; not shown when either group had fewer than the threshold.")
        out.update(chisq=chisq, p=p)
    return out


def _km_table(b: Bundle, statuses: pd.DataFrame, people: pd.DataFrame, n_min: int) -> None:
    """Not yet promoted by years since hire (Kaplan-Meier, departures censored, late entry), participants and
    everyone else in the HR file; each curve published up to its first year with some but fewer than ``n_min``
    promotions (:func:`evalkit.disclose.curves.publishable_steps`)."""
    from evalkit.analyze.careers import km_promotion, promotion_spells
    from evalkit.disclose.curves import publishable_steps

    curves = {}
    for flag, name in ((True, "Participants"), (False, "Non-participants")):
        ids = set(people.index[people["participant"] == flag])
        sp = promotion_spells(statuses[statuses["person"].isin(ids)], people["hired"].to_dict())
        if len(sp) < n_min:
            continue
        km = km_promotion(sp).table
        shown = publishable_steps([int(e) for e in km["events"]], n_min)
        curves[name] = (km.iloc[:shown], sp, float(len(sp)))    # the steps after the last shown are not listed
    times = sorted({float(t) for km, _, _ in curves.values() for t in km["time"]})
    if not times:
        return
    frame = pd.DataFrame({"Years since hire": [f"{int(t)}" for t in times]})
    for name, (km, sp, total) in curves.items():
        by_t = km.set_index("time")
        frame[f"{name} n"] = total
        frame[f"{name} not yet promoted %"] = [100 * float(by_t.at[t, "estimate"]) if t in by_t.index else np.nan
                                               for t in times]
        # at risk at every year shown, also where this group's curve has stopped (entry < t <= time)
        frame[f"{name} at risk"] = [float(((sp["entry"] < t) & (sp["time"] >= t)).sum()) for t in times]
    pct = [c for c in frame.columns if c.endswith("%")]
    b.statistics("km_tenure", frame, group="Years since hire", n=[c for c in frame.columns if c.endswith("at risk")],
                 columns={c: "{:,.0f}" for c in frame.columns if c.endswith(" n")}, shares=pct,
                 n_of={c: c.rsplit(" not yet", 1)[0] + " n" for c in pct},
                 title="Not yet promoted, by years since hire (Kaplan-Meier, late entry)",
                 note="Kaplan-Meier estimate of staying unpromoted by years since hire, departures censored; people "
                      "hired before the first snapshot count from the year they are first seen (late entry). One "
                      "minus it overstates promotion where people leave (see the cumulative incidence). Shown only "
                      f"up to a year in which some, but fewer than {n_min}, were promoted, and for years with at "
                      "least that many at risk in each group.")


def _cif_table(b: Bundle, spells: pd.DataFrame, n_min: int) -> None:
    """Cumulative incidence of promotion and of leaving by year since the start, per group, with the numbers at
    risk; each curve stops before its first year with 1 to ``n_min - 1`` events (a blank cell)."""
    from evalkit.analyze.careers import cumulative_incidence
    from evalkit.disclose.curves import publishable_steps

    t_all = (spells["time"] - spells["entry"]).astype(float)
    times = sorted(t_all[spells["event"] > 0].unique())
    if not times:
        return
    frame = pd.DataFrame({"Years since start": [f"{int(t)}" for t in times]})
    stopped: list[tuple[str, str]] = []
    for g, name in (("participants", "Participants"), ("comparison", "Comparison")):
        mine = spells["group"] == g
        sp = spells[mine]
        if sp.empty:
            continue
        cif = cumulative_incidence(sp).set_index("time")
        frame[f"{name} n"] = float(len(sp))
        frame[f"{name} at risk"] = [float((t_all[mine] >= t).sum()) for t in times]
        for col, cause in (("promoted", 1), ("left", 2)):
            events = [int(((t_all[mine] == t) & (sp["event"] == cause)).sum()) for t in times]
            shown = publishable_steps(events, n_min)
            values = [100 * float(cif[col][cif.index <= t].iloc[-1]) if (cif.index <= t).any() else 0.0
                      for t in times]
            frame[f"{name} {col} %"] = values
            stopped += [(f"{int(t)}", f"{name} {col} %") for i, t in enumerate(times) if i >= shown]
    pct = [c for c in frame.columns if c.endswith("%")]
    ats = [c for c in frame.columns if c.endswith("at risk")]
    b.statistics("cumulative_incidence", frame, group="Years since start", n=ats,
                 columns={c: "{:,.0f}" for c in frame.columns if c.endswith(" n")}, shares=pct,
                 n_of={c: c.split(" ")[0] + " n" for c in pct}, curve_steps=stopped,
                 title="Promoted and left by year: cumulative incidence (competing risks)",
                 note="Aalen-Johansen cumulative incidence of promotion and of leaving the district, each the other's "
                      "competing risk, by years since the cohort's first year; at risk: still employed and unpromoted "
                      f"at the start of the year. A curve stops (not shown) from a year in which some, but fewer than "
                      f"{n_min}, were promoted or left: that year's step would give their number back. A year with "
                      "fewer people at risk than the threshold is not shown.")


def _from_start(statuses: pd.DataFrame, people: pd.DataFrame, ids: set) -> pd.DataFrame:
    """Spells from each person's start year: time to a first promotion (1) or leaving (2), else censored (0)."""
    out = []
    for pid, g in statuses[statuses["person"].isin(ids)].sort_values("year").groupby("person"):
        s = people.at[pid, "start"]
        if pd.isna(s):
            continue
        g = g[g["year"] >= int(s)]
        if g.empty:
            continue
        time, event = int(g["next_year"].iloc[-1]) - int(s), 0
        for _, r in g.iterrows():
            if r["status"] in ("promoted", "leaver"):
                time, event = int(r["next_year"]) - int(s), 1 if r["status"] == "promoted" else 2
                break
        out.append((pid, 0.0, float(time), event))
    return pd.DataFrame(out, columns=["person", "entry", "time", "event"])


def _charts(T: dict[str, ProtectedTable]) -> list[tuple[str, str, Any]]:
    """The cumulative incidence of promotion, when at least one group's curve has two points to draw."""
    from evalkit.report import charts as ch

    t = T.get("cumulative_incidence")
    if t is None:
        return []
    cols = [c for c in ("Participants promoted %", "Comparison promoted %") if c in set(t.display.columns)]
    rows = [str(r) for r in t.display.iloc[:, 0]]
    # a curve published at fewer than two points is not drawn (a line chart breaks its rows at a gap)
    cols = [c for c in cols if sum(t.shown(r, c) is not None for r in rows) >= 2]
    if not cols:
        return []
    waves = [(f"{c.split(' ')[0]} at risk", c.split(" ")[0].lower()) for c in cols]
    return [("cif", "careers", lambda: ch.line_chart(
        t, cols, title="Promoted by year since the cohort began (cumulative incidence)", ylabel="Promoted (%)",
        limits=(0, 100), noun="people at risk", waves=waves))]


def _summary(T: dict[str, ProtectedTable], bits: dict[str, Any]) -> dict[str, list[str]]:
    levels: list[str] = []
    findings: list[str] = []
    q = T.get("coaching_by_quarter")
    if q is not None:
        s = sentence("Coaching: {s} sessions, {h} hours, for {p} people", s=(q, "All quarters", "Sessions"),
                     h=(q, "All quarters", "Hours"), p=(q, "All quarters", "People coached"))
        if s:
            levels.append(s + ".")
    i = T.get("initiatives")
    if i is not None:
        # action steps are work, not people: the table passes through, and its totals are quoted as they are
        tot = i.display.set_index(i.display.columns[0]).loc["All initiatives"]
        s = (f"Improvement initiatives: {tot['Completed']} of {tot['Steps planned']} action steps completed, "
             f"{tot['Overdue']} overdue") if "All initiatives" in set(i.display.iloc[:, 0]) else None
        if s:
            levels.append(s + ".")
            findings.append("Overdue action steps are the clearest place to act. Next step: review them with each "
                            "school team and the coaches, and set new dates or drop steps that no longer fit.")
    r = T.get("career_rates")
    if r is not None:
        for name in ("Retained", "Promoted"):
            s = sentence(f"{name.lower()} {{a}} of participants (95% CI {{al}} to {{ah}}) against {{b}} of the matched "
                         "comparison (95% CI {bl} to {bh})",
                         a=(r, "All participants", f"{name} %"), al=(r, "All participants", f"{name} CI low"),
                         ah=(r, "All participants", f"{name} CI high"), b=(r, "Matched comparison", f"{name} %"),
                         bl=(r, "Matched comparison", f"{name} CI low"), bh=(r, "Matched comparison", f"{name} CI high"))
            if s:
                levels.append(s[:1].upper() + s[1:] + ".")
    d = T.get("career_differences")
    if d is not None:
        for row in (str(x) for x in d.display.iloc[:, 0]):
            col = "Participants minus comparison (points)"
            lo, hi = d.shown(row, "CI low"), d.shown(row, "CI high")
            s = sentence("({v} points, 95% CI {lo} to {hi})", v=(d, row, col), lo=(d, row, "CI low"),
                         hi=(d, row, "CI high"))
            if s and lo is not None and hi is not None:
                verdict = {"up": "higher among participants, by more than chance alone would usually give",
                           "down": "lower among participants, by more than chance alone would usually give",
                           None: "a difference the data cannot tell from none"}[direction(lo, hi)]
                levels.append(f"{row} rate, participants against the matched comparison {s}: {verdict}.")
    c = T.get("cox")
    if c is not None:
        s = sentence("(hazard ratio {hr}, 95% CI {lo} to {hi})", hr=(c, "Participant", "Hazard ratio"),
                     lo=(c, "Participant", "CI low"), hi=(c, "Participant", "CI high"))
        lo, hi = c.shown("Participant", "CI low"), c.shown("Participant", "CI high")
        if s and lo is not None and hi is not None:
            way = {"up": "were promoted sooner than", "down": "were promoted later than",
                   None: "were promoted at a pace the data cannot tell from that of"}[direction(np.log(lo), np.log(hi))]
            sure = "a difference larger than chance alone would usually give" if direction(np.log(lo), np.log(hi)) \
                else "no measurable difference"
            levels.append(f"Time to promotion: participants {way} the matched comparison {s}: {sure}.")
            findings.append("Participants chose to join, so these differences describe the pipeline's participants; "
                            "they do not show that the program caused them. Next step: follow the next cohorts for "
                            "the same years, and add the reasons people left.")
    return {"levels": levels, "findings": findings, "reading": reading_notes(" ".join(levels))}
