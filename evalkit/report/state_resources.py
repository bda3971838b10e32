"""The state-resources report (programs of kind ``state_resources``): turnaround impact, equity, MTSS and the state
climate survey in summary form, from state files alone.

- Impact (``programs[].impact``): program (grant) schools against every other school of the state file, the design
  chosen from the number of pre-years (:func:`evalkit.analyze.impact.choose_design`), one impact per follow-up year
  with its SE, interval, p (and a wild cluster bootstrap p where few program schools remain), an effect size as the
  WWC computes it, the schools per group, baseline equivalence, the checks the pre-years allow, and a trend chart with
  the projected baseline. The warnings statsmodels raised are printed with the model.
- Equity (``programs[].equity``): statewide risk and risk ratio of identification per group against all other
  children, with Katz intervals, the districts above the state's threshold; gaps in the outcomes between each
  subgroup and all other students, their change, relative closure and whether both groups improved.
- MTSS (``programs[].mtss``): percent at benchmark per screening window and grade, tiers and their net movement,
  intervention students on track, from aggregates only.
- Climate: percent favorable per item and year, in summary form only.

Every figure goes through one :class:`~evalkit.disclose.Bundle`; the prose comes from
``templates/prose/state_resources/``. State suppression marks stay missing: rows without a value are left out of
every model and sum, never read as zero.
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
from evalkit.report.inputs import ReportUnit, open_release, sources
from evalkit.report.prose import join_words
from evalkit.report.sections import plan
from evalkit.report.summary import lower_first, reading_notes
from evalkit.report.writer import save_charts, sections_from, write_facts, write_tables

if TYPE_CHECKING:  # pragma: no cover
    from evalkit.config.project import Program
    from evalkit.disclose import ReleaseLedger
    from evalkit.processed import ProcessedData

__all__ = ["state_units", "build_state_artifacts"]

_LABELS = {"did": "difference in differences", "cits": "comparative interrupted time series"}
#: The WWC's reading of a baseline difference, in the report's words.
_READING = {"satisfied": "within 0.05, equivalent",
            "satisfied_with_adjustment": "between 0.05 and 0.25, acceptable because the models adjust for it",
            "not_satisfied": "beyond 0.25: the WWC would not accept these groups as equivalent at baseline"}


def state_units(cfg: ProjectConfig) -> list[ReportUnit]:
    """One report per program of kind ``state_resources``."""
    return [ReportUnit(p.id, p.name, "", p.id.replace("_", "-")) for p in cfg.project.programs
            if p.kind == ProgramKind.state_resources]


def _year(v: object) -> float:
    """A school year as its spring year: 2021, "2021", "2020-21" -> 2021 (NaN when unreadable)."""
    from evalkit.analyze.careers import school_year

    try:
        return float(school_year(v))
    except (TypeError, ValueError):
        return float("nan")


def _higher_is_better(measure: str) -> bool:
    # absence, dropout and suspension rates fall when things improve; the project file may say otherwise
    return not any(w in measure.casefold() for w in ("absen", "dropout", "suspen", "expul"))


def build_state_artifacts(cfg: ProjectConfig, store: ProcessedData, unit: ReportUnit, out_dir: Path, *,
                          ledger: ReleaseLedger | None = None, allow_rerelease: str | None = None
                          ) -> tuple[Path, ProtectedBundle]:
    """Write ``out_dir/facts.json``, ``tables/``, ``charts/`` and ``disclosure_log.json`` for a state-resources
    program. Returns the folder and the protected bundle (for the release ledger)."""
    policy, as_of, release_id, b = open_release(cfg, unit)
    program = cfg.project.program(unit.program)
    plain: list[ProtectedTable] = []
    evidence: dict[str, str | None] = {}
    notes: dict[str, Any] = {}

    impacts = _impact(b, plain, cfg, store, program, notes) if program.impact else []
    evidence["impact"] = None if impacts else "no impact source in the project file" if not program.impact \
        else "too few years or schools"
    eq = _equity(b, cfg, store, program, notes) if program.equity else []
    eq += _gaps(b, cfg, store, program) if program.impact else []
    evidence["equity"] = None if eq else "no equity source in the project file"
    mt = _mtss(b, store, program) if program.mtss else []
    evidence["mtss"] = None if mt else "no MTSS source in the project file"
    used = _climate(b, cfg, store, program)
    evidence["climate"] = None if used else "no climate survey"
    measures.quality(b, cfg, store, unit)

    plain += [appendix.methods(scales=False, surveys=False, impact=True), appendix.software(),
              *appendix.instruments(cfg, used)]
    protected = b.protect(ledger=ledger, allow_rerelease=allow_rerelease)
    plain.append(appendix.glossary(cadres=False, change=False, nps=False, impact=True, guskey=False))
    T, specs = write_tables(Path(out_dir), plain, protected)
    charts = save_charts(_charts(T, impacts, program), Path(out_dir))
    trend = [f"trend_{i}" for i, _ in enumerate(impacts, start=1) if f"trend_{i}" in T]
    evidence["detail"] = None if trend or mt else "none"

    decisions = plan(ProgramKind.state_resources, evidence, levels=[5])
    ctx = {"program": program, "unit": unit, "n_min": policy.n_min, "summary": _summary(T, impacts, program),
           "notes": notes, "hidden_figures": len(protected.log), "quality_table": "data_quality" in T,
           "impacts": impacts, "threshold": program.equity.threshold if program.equity else None}
    tables_of = {
        "impact": ["design", *(t for i, _ in enumerate(impacts, start=1)
                               for t in (f"baseline_{i}", f"impact_{i}", f"sensitivity_{i}", f"checks_{i}"))],
        "equity": eq, "mtss": [t for t in mt if t != "mtss_benchmark" and not t.startswith("mtss_school_")],
        "climate": ["climate", "climate_responses"],
        "appendix_items": trend + [t for t in T if t == "mtss_benchmark" or t.startswith("mtss_school_")],
        "appendix_methods": ["methods", "software"],
        "appendix_instruments": [t for t in T if t.startswith("instrument_")],
        "appendix_disclosure": ["disclosure_log"] if protected.log else [], "data_quality": ["data_quality"],
        "glossary": ["glossary"]}
    sections = sections_from(decisions, "state_resources", tables_of, T, ctx)
    headline = []
    if impacts:
        headline.append({"label": "Program schools", "value": str(notes.get("treated", ""))})
        headline.append({"label": "Comparison schools", "value": str(notes.get("comparison", ""))})
    if "climate_responses" in T:
        t = T["climate_responses"]
        headline.append({"label": "Climate survey responses", "value": t.text(str(t.display.iloc[-1, 0]), "Responses")})
    write_facts(Path(out_dir), cfg=cfg, store=store, program=unit.program, program_name=program.name,
                unit=unit.cadre, cohort=unit.cohort, release_id=release_id, as_of=as_of, policy=policy,
                protected=protected, headline=headline, sections=sections, specs=specs, charts=charts,
                generated_by="evalkit.report.state_resources")
    return Path(out_dir), protected


# -- impact -------------------------------------------------------------------------------------------------

def _impact(b: Bundle, plain: list[ProtectedTable], cfg: ProjectConfig, store: ProcessedData, program: Program,
            notes: dict[str, Any]) -> list[dict[str, Any]]:
    """Per measure: the design, baseline equivalence, the primary model's impacts per follow-up year, the
    sensitivity model's, the checks, and the trend table the chart draws. Returns what the summary quotes."""
    from evalkit.analyze.impact import (baseline_difference, choose_design, event_panel, fit_impact,
                                        impact_effect_sizes, placebo, pre_trend, projected_baseline)

    spec = program.impact
    d = store.tables.get(spec.source)
    if d is None:
        return []
    if spec.subgroup_column and spec.subgroup_column in d:
        d = d[d[spec.subgroup_column].astype("string").str.strip() == spec.subgroup]
    out: list[dict[str, Any]] = []
    design_rows: list[dict[str, str]] = []
    for i, m in enumerate(spec.measures, start=1):
        rows = d[d[spec.measure_column].astype("string") == m].assign(
            _t=lambda x: x[spec.time_column].map(_year), _s=lambda x: x[spec.start_column].map(_year))
        panel = event_panel(rows, unit=spec.unit_column, time="_t", value=spec.value_column, start="_s",
                            weight=spec.weight_column)
        treated = panel.loc[panel["treated"], "unit"].nunique()
        if not treated or not (~panel["treated"]).any() or not (panel["k"] > 0).any():
            continue
        pre = int(panel.loc[panel["treated"], "pre_years"].min())
        design = choose_design(pre)
        share = measures.share_measure(m, program.outcome_measures)
        label = measures.outcome_label(m, program.outcome_measures)
        primary = fit_impact(panel, model=design.primary)
        second = fit_impact(panel, model=design.sensitivity, bootstrap=False) if design.sensitivity else None
        notes.update(treated=int(treated), comparison=int(panel.loc[~panel["treated"], "unit"].nunique()))
        unit_word = "points" if share else "units"
        starts = sorted(int(v) for v in panel.loc[panel["treated"], "start"].unique())
        design_rows.append({
            "Outcome": label, "Years before the program": f"{pre} or more" if len(starts) > 1 else str(pre),
            "Primary model": _LABELS[design.primary], "Beside it": _LABELS.get(design.sensitivity or "", "none"),
            "Program schools": str(int(treated)), "Comparison schools": str(notes["comparison"]),
            "School-years": f"{primary.n_obs:,}",
            "Fit warnings": "; ".join(primary.warnings) if primary.warnings else "none"})
        notes["starts"] = starts
        base = baseline_difference(panel, share=share)
        if np.isfinite(base["g"]):
            b.statistics(f"baseline_{i}", pd.DataFrame({
                "Group": ["Program schools", "Comparison schools"],
                "Schools": [float(base["treated_units"]), float(base["comparison_units"])],
                "Mean": [base["treated_mean"], base["comparison_mean"]],
                "Effect size": [base["g"], np.nan]}), group="Group", n="Schools",
                columns={"Mean": "{:.1f}", "Effect size": "{:+.2f}"}, level=5,
                title=f"{label}: the groups in {base['year']}, the last year before the first program schools began",
                note=("Means weighted by students tested. Effect size: the Cox index (WWC Handbook 5.0, Appendix "
                      "E)" if share else "Effect size: Hedges' g over the schools' results") + ". The WWC reads "
                     "a difference up to 0.05 as equivalent and up to 0.25 as acceptable with adjustment. Here: "
                     f"{_READING[base['reading']]}.")
        es = impact_effect_sizes(panel, primary, share=share)
        _impact_table(b, f"impact_{i}", primary, es, label, unit_word)
        if second is not None:
            _impact_table(b, f"sensitivity_{i}", second, impact_effect_sizes(panel, second, share=share), label,
                          unit_word, sensitivity=True)
        checks = []
        if "pre_trend" in design.checks:
            pt = pre_trend(panel)
            checks.append({"Check": "Trend difference before the program (per year)", "Schools": float(treated),
                           "Estimate": pt["estimate"], "SE": pt["se"], "p": pt["p"]})
        if "placebo" in design.checks:
            pl = placebo(panel)
            checks.append({"Check": "Placebo start a year early", "Schools": float(treated),
                           "Estimate": pl["estimate"], "SE": pl["se"], "p": pl["p"]})
        if checks:
            b.statistics(f"checks_{i}", pd.DataFrame(checks), group="Check", n="Schools",
                         columns={"Estimate": "{:+.2f}", "SE": "{:.2f}", "p": "p"}, level=5,
                         title=f"{label}: checks of the design",
                         note="On the years before the program only. A trend difference says the groups were "
                              "already drifting apart (which a difference in differences would read as impact); a "
                              "placebo start should find nothing.")
        proj = projected_baseline(panel, primary)
        # before the program the projection is what happened: the line starts from the observed years
        proj["projected"] = proj["projected"].fillna(proj["treated_mean"])
        b.statistics(f"trend_{i}", pd.DataFrame({
            "Year": proj["time"].astype(int).astype(str), "n": proj["treated_units"].astype(float),
            "Program schools": proj["treated_mean"], "Projected without the program": proj["projected"],
            "Comparison schools": proj["comparison_mean"], "Comparison n": proj["comparison_units"].astype(float)}),
            group="Year", n=["n", "Comparison n"], level=5,
            columns={c: "{:.1f}" for c in ("Program schools", "Projected without the program", "Comparison schools")},
            title=f"{label}: program and comparison schools by year, and the projection without the program",
            note="Means weighted by students tested; n: schools with a published result. The projection equals the "
                 "observed mean before the program and, from then on, takes each year's estimated impact off the "
                 "program schools in the program that year.")
        imp = primary.impacts
        # the summary quotes the last year that every program school has reached (a later year rests on the
        # early starters alone, and says so in its table)
        full = imp[imp["treated_units"] == imp["treated_units"].max()]
        pt = pre_trend(panel) if "pre_trend" in design.checks else {"p": np.nan}
        out.append({"i": i, "measure": m, "label": label, "share": share, "design": design,
                    "words": measures.outcome_description(m, program.outcome_measures),
                    "higher_is_better": _higher_is_better(m), "last_k": int(full["k"].max()),
                    "all_k": int(imp["k"].max()), "warnings": primary.warnings, "start": starts[0],
                    "baseline": base["reading"] if np.isfinite(base["g"]) else "",
                    "pre_trend_p": float(pt["p"])})
    if design_rows:
        rows = pd.DataFrame(design_rows)
        plain.insert(0, passthrough("design", "Design of each impact model", rows,
                     note="Every model: school and year fixed effects, weighted by students tested, standard errors "
                          "clustered by school. Schools started in " + join_words([str(s) for s in notes["starts"]])
                          + "; each school's follow-up years count from its own start. Fit warnings are "
                          "statsmodels' and numpy's own messages (a singular design, a fit that did not converge)."))
    return out


def _impact_table(b: Bundle, tid: str, fit: Any, es: pd.Series, label: str, unit_word: str, *,
                  sensitivity: bool = False) -> None:
    imp = fit.impacts
    frame = pd.DataFrame({
        "Follow-up year": [f"Year {k}" for k in imp["k"]], "Program schools": imp["treated_units"].astype(float),
        "Comparison schools": imp["comparison_units"].astype(float), "Impact": imp["estimate"], "SE": imp["se"],
        "CI low": imp["ci_low"], "CI high": imp["ci_high"], "p": imp["p"], "p (bootstrap)": imp["p_bootstrap"],
        "Effect size": imp["k"].map(es).to_numpy()})
    if frame["p (bootstrap)"].isna().all():
        frame = frame.drop(columns="p (bootstrap)")
    cols = {"Impact": "{:+.2f}", "SE": "{:.2f}", "CI low": "{:+.2f}", "CI high": "{:+.2f}", "p": "p",
            "Effect size": "{:+.2f}"} | ({"p (bootstrap)": "p"} if "p (bootstrap)" in frame else {})
    model = _LABELS[fit.model]
    b.statistics(tid, frame, group="Follow-up year", n=["Program schools", "Comparison schools"], columns=cols,
                 level=5, title=f"{label}: impact by follow-up year ({model}{', sensitivity' if sensitivity else ''})",
                 note=f"Impact in {unit_word}: program schools' result against " + (
                     "their own projected trend, net of the comparison schools' deviation from theirs"
                     if fit.model == "cits" else "their baseline mean, net of the comparison schools' change")
                 + ". 95% CI from school-clustered errors (t with schools - 1 df)."
                 + (" p (bootstrap): wild cluster restricted bootstrap (Rademacher weights), for years with fewer "
                    "than 20 program schools." if "p (bootstrap)" in frame else "")
                 + " Effect size: the Cox index for a percentage, else the impact over the schools' SD.")


# -- equity -------------------------------------------------------------------------------------------------

def _equity(b: Bundle, cfg: ProjectConfig, store: ProcessedData, program: Program, notes: dict[str, Any]
            ) -> list[str]:
    """Statewide risk ratios by group and year; the districts above the state's threshold in the latest year."""
    from evalkit.analyze.equity import risk_ratios

    spec = program.equity
    d = store.tables.get(spec.source)
    if d is None:
        return []
    d = d.assign(_n=pd.to_numeric(d[spec.numerator_column], errors="coerce"),
                 _d=pd.to_numeric(d[spec.denominator_column], errors="coerce"),
                 _t=d[spec.time_column].map(_year), _g=d[spec.group_column].astype("string").str.strip())
    years = sorted(y for y in d["_t"].dropna().unique())
    if not years:
        return []
    first, last = years[0], years[-1]
    rows, flags = [], []
    for dim, groups in spec.groups.items():
        keep = d[d["_g"].isin([*groups, spec.total_label])]
        # statewide: the districts' counts summed (a suppressed count makes its year's sum unknown: min_count)
        state = keep.groupby(["_t", "_g"], as_index=False)[["_n", "_d"]].sum(min_count=1)
        rr = risk_ratios(state, group="_g", numerator="_n", denominator="_d", by="_t", total_label=spec.total_label,
                         min_cell=spec.min_cell, min_n=spec.min_n)
        by = {(t, g): r for t, g, r in zip(rr["_t"], rr["_g"], rr.itertuples(index=False))}
        for g in groups:
            a, z = by.get((first, g)), by.get((last, g))
            if z is None:
                continue
            rows.append({"Group": program.subgroup_label(g), "Children": float(z.denominator),
                         "Identified": float(z.numerator), "Risk (%)": 100 * z.risk,
                         f"Risk ratio {int(last)}": z.risk_ratio, "CI low": z.ci_low, "CI high": z.ci_high,
                         f"Risk ratio {int(first)}": a.risk_ratio if a is not None else np.nan})
        latest = keep[keep["_t"] == last]
        # a group counted above its district's total is a data problem of the file, not a ratio: left out and said
        tot = latest[latest["_g"] == spec.total_label].set_index(spec.unit_column)[["_n", "_d"]]
        over = (latest["_n"] > latest[spec.unit_column].map(tot["_n"])) | \
            (latest["_d"] > latest[spec.unit_column].map(tot["_d"]))
        over &= latest["_g"] != spec.total_label
        notes["impossible"] = notes.get("impossible", 0) + int(over.sum())
        dist = risk_ratios(latest[~over], group="_g", numerator="_n", denominator="_d",
                           by=spec.unit_column, total_label=spec.total_label, min_cell=spec.min_cell,
                           min_n=spec.min_n)
        for g in groups:
            r = dist[dist["_g"] == g]
            known = r["risk_ratio"].notna()
            # districts are not people: their counts are program facts, printed as they are
            flags.append({"Group": program.subgroup_label(g), "Children": float(r["denominator"].sum()),
                          "Districts with a ratio": f"{int(known.sum())}",
                          "Above the threshold": f"{int((r.loc[known, 'risk_ratio'] > spec.threshold).sum())}",
                          "Alternate risk ratio used": f"{int((r['method'] == 'alternate risk ratio').sum())}"})
    if not rows:
        return []
    last_col, first_col = f"Risk ratio {int(last)}", f"Risk ratio {int(first)}"
    b.statistics("risk_ratios", pd.DataFrame(rows), group="Group", n=["Children", "Identified"],
                 columns={"Risk (%)": "{:.1f}", last_col: "{:.2f}", "CI low": "{:.2f}", "CI high": "{:.2f}",
                          first_col: "{:.2f}"}, level=5,
                 title=f"Special-education identification by group, statewide, {int(last)} (risk ratio against all "
                       "other children)",
                 note="Risk: children identified over children enrolled. Risk ratio: the group's risk over the risk "
                      "of all other children; 95% CI on the log scale (Katz). Districts' counts summed over the "
                      "state: the federal rule applies the ratio district by district (next table) and to race and "
                      "ethnicity; the same arithmetic serves other groups such as low income. A suppressed count is "
                      "left out, never read as zero.")
    b.statistics("districts_flagged", pd.DataFrame(flags), group="Group", n="Children", columns={},
                 text_columns=["Districts with a ratio", "Above the threshold", "Alternate risk ratio used"], level=5,
                 title=f"Districts with a risk ratio above the state's threshold ({program.equity.threshold:g}), "
                       f"{int(last)}",
                 note=f"Each district's ratio against all other children of the district; a group under the minimum "
                      f"cell size ({spec.min_cell}) or n-size ({spec.min_n}) gets no ratio, and when the district's "
                      "other children are too few the state's are the comparison (the alternate risk ratio; "
                      "34 CFR 300.647)." + (" Rows where the file counts a group above its district's total are "
                                            "left out as a data problem." if notes.get("impossible") else ""))
    notes["equity_years"] = (int(first), int(last))
    return ["risk_ratios", "districts_flagged"]


def _gaps(b: Bundle, cfg: ProjectConfig, store: ProcessedData, program: Program) -> list[str]:
    """Each subgroup's gap to all other students in the impact measures, statewide, first year against last."""
    from evalkit.analyze.equity import gaps

    spec = program.impact
    d = store.tables.get(spec.source)
    if d is None or not spec.subgroup_column or spec.subgroup_column not in d or not spec.weight_column:
        return []
    d = d.assign(_t=d[spec.time_column].map(_year), _g=d[spec.subgroup_column].astype("string").str.strip(),
                 _v=pd.to_numeric(d[spec.value_column], errors="coerce"),
                 _w=pd.to_numeric(d[spec.weight_column], errors="coerce"))
    d = d.dropna(subset=["_v", "_w"])
    out: list[dict[str, Any]] = []
    design_rows: list[dict[str, str]] = []
    for i, m in enumerate(spec.measures, start=1):
        x = d[d[spec.measure_column].astype("string") == m]
        state = x.groupby(["_t", "_g"]).apply(lambda g: pd.Series({"rate": np.average(g["_v"], weights=g["_w"]),
                                                                    "n": g["_w"].sum()}), include_groups=False)
        state = state.reset_index()
        if state.empty or spec.subgroup not in set(state["_g"]):
            continue
        res = gaps(state, group="_g", value="rate", time="_t", weight="n", total_label=spec.subgroup,
                   higher_is_better=_higher_is_better(m))
        res = res[res["_g"] != spec.subgroup]
        if res.empty:
            continue
        label = measures.outcome_label(m, program.outcome_measures)
        t0, t1 = int(state["_t"].min()), int(state["_t"].max())
        frame = pd.DataFrame({
            "Subgroup": [program.subgroup_label(str(g)) for g in res["_g"]],
            "Students": [float(state.loc[(state["_g"] == g) & (state["_t"] == t1), "n"].sum()) for g in res["_g"]],
            f"Gap {t0}": res["gap_start"].to_numpy(), f"Gap {t1}": res["gap_end"].to_numpy(),
            "Change": res["gap_change"].to_numpy(), "Relative closure (%)": 100 * res["relative_closure"].to_numpy(),
            "Both improved": ["" if pd.isna(v) else "yes" if bool(v) else "no" for v in res["both_improved"]]})
        b.statistics(f"gaps_{i}", frame, group="Subgroup", n="Students", text_columns=["Both improved"],
                     columns={f"Gap {t0}": "{:+.1f}", f"Gap {t1}": "{:+.1f}", "Change": "{:+.1f}",
                              "Relative closure (%)": "{:.0f}"}, level=5,
                     title=f"{label}: each subgroup against all other students, statewide, {t0} and {t1}",
                     note="Gap: the subgroup's rate minus the rate of all other students (weighted by students "
                          "tested). Relative closure: the share of the first year's gap closed by the last. Both "
                          "improved: the gap changed while the subgroup and the others both got better; a gap can "
                          "also narrow because the group ahead fell.")
        out.append(f"gaps_{i}")
    return out


# -- MTSS and climate -----------------------------------------------------------------------------------------

def _mtss(b: Bundle, store: ProcessedData, program: Program) -> list[str]:
    """The latest school year's screening: % at benchmark per grade and window, the net movement between windows
    (tiers included) and intervention students on track, pooled over the schools (aggregates only)."""
    from evalkit.analyze import mtss as mt

    d = store.tables.get(program.mtss.source)
    if d is None or "school_year" not in d:
        return []
    counts = [c for c in d.columns if c.startswith("n_")]
    d = d.assign(**{c: pd.to_numeric(d[c], errors="coerce") for c in counts})
    last = sorted(d["school_year"].dropna().unique())[-1]
    d = d[d["school_year"] == last]
    wins = tuple(program.mtss.windows)
    out = []
    rates = mt.benchmark_rates(d, by=("measure", "grade"), windows=wins)
    # grades in school order (K before 1), windows in the year's order
    rank = {w: i for i, w in enumerate(wins)}
    rates = rates.assign(_g=rates["grade"].map(_grade_rank), _w=rates["window"].map(rank)).sort_values(
        ["measure", "_g", "_w"], kind="stable")
    label = _measure_words(rates["measure"]) + ", grade " + rates["grade"].astype(str) + ", " + \
        rates["window"].astype(str)
    b.statistics("mtss_benchmark", pd.DataFrame({
        "Measure, grade and window": label, "Students screened": rates["n_screened"].astype(float),
        "% at benchmark": rates["pct_at_benchmark"], "CI low": rates["ci_low"], "CI high": rates["ci_high"],
        "% high risk": rates["pct_high_risk"]}), group="Measure, grade and window", n="Students screened",
        shares=["% at benchmark", "% high risk"], columns={"CI low": "{:.0f}%", "CI high": "{:.0f}%"},
        coded_with={"% at benchmark": ("CI low", "CI high")}, level=5,
        title=f"Students at benchmark by grade and screening window, {last}",
        note="Pooled over the schools: students at benchmark over students screened (not a mean of the schools' "
             "percentages); 95% Wilson interval. A grade with a suppressed count in a window shows no figure for it.")
    out.append("mtss_benchmark")
    # all grades of a school in one row (a suppressed grade leaves the school's sum unknown, never smaller)
    keys = ["school_code", "school_year", "measure", "window"]
    pooled = d.groupby(keys, as_index=False)[counts].sum(min_count=1)
    some = d.groupby(keys)[counts].count().reset_index(drop=True)
    size = d.groupby(keys).size().reset_index(drop=True)
    for c in counts:
        pooled.loc[(some[c] < size).to_numpy() & (some[c] > 0).to_numpy(), c] = np.nan
    every = mt.benchmark_rates(pooled, by=("measure",), windows=wins)
    b.statistics("mtss_benchmark_all", pd.DataFrame({
        "Measure and window": _measure_words(every["measure"]) + ", " + every["window"].astype(str),
        "Students screened": every["n_screened"].astype(float), "% at benchmark": every["pct_at_benchmark"],
        "CI low": every["ci_low"], "CI high": every["ci_high"], "% high risk": every["pct_high_risk"]}),
        group="Measure and window", n="Students screened", shares=["% at benchmark", "% high risk"],
        columns={"CI low": "{:.0f}%", "CI high": "{:.0f}%"}, coded_with={"% at benchmark": ("CI low", "CI high")},
        level=5, title=f"Students at benchmark by screening window, all grades, {last}",
        note="Pooled over the schools and grades; 95% Wilson interval. By grade: in the appendix.")
    out.insert(0, "mtss_benchmark_all")
    # by school: the schools are the grant's public institutions and each figure rests on its students screened
    # (gated by the rule like every other); all grades of a school pooled, one table per measure
    by_school = mt.benchmark_rates(pooled, by=("measure", "school_code"), windows=wins)
    tiers = mt.tier_counts(pooled, by=("measure", "school_code"), windows=wins)
    for j, (m, g) in enumerate(by_school.groupby("measure", sort=True), start=1):
        t = tiers[tiers["measure"] == m]
        frame = pd.DataFrame({"School": sorted(g["school_code"].astype(str).unique())})
        for w in wins:
            x = g[g["window"] == w].set_index(g.loc[g["window"] == w, "school_code"].astype(str))
            frame[f"{w.capitalize()} n"] = frame["School"].map(x["n_screened"]).astype(float)
            frame[f"{w.capitalize()} % at benchmark"] = frame["School"].map(x["pct_at_benchmark"])
        last_w = wins[-1]
        y = t[t["window"] == last_w].set_index(t.loc[t["window"] == last_w, "school_code"].astype(str))
        frame[f"Tier 2, {last_w} %"] = frame["School"].map(y["pct_tier2"])
        frame[f"Tier 3, {last_w} %"] = frame["School"].map(y["pct_tier3"])
        n_cols = [f"{w.capitalize()} n" for w in wins]
        b.statistics(f"mtss_school_{j}", frame, group="School", n=n_cols, columns={},
                     shares=[c for c in frame.columns if c.endswith("%") or c.endswith("% at benchmark")],
                     n_of={**{f"{w.capitalize()} % at benchmark": f"{w.capitalize()} n" for w in wins},
                           f"Tier 2, {last_w} %": f"{last_w.capitalize()} n",
                           f"Tier 3, {last_w} %": f"{last_w.capitalize()} n"}, level=5,
                     title=f"{_measure_words(pd.Series([m])).iloc[0]}: students at benchmark by school and window, "
                           f"and tiers in the {last_w}, {last}",
                     note="All grades of a school pooled; n: students screened. A school with a suppressed count in "
                          "a window shows no figure for it.")
        out.append(f"mtss_school_{j}")
    move = mt.net_movement(pooled, by=("measure",), windows=wins)
    if len(move):
        b.statistics("mtss_movement", pd.DataFrame({
            "Windows": _measure_words(move["measure"]) + ", " + move["from_window"].astype(str) + " to "
            + move["to_window"].astype(str),
            "Students screened": move[["n_screened_from", "n_screened_to"]].min(axis=1).astype(float),
            "Change in % at benchmark": move["change_pct_at_benchmark"],
            "Change in % in tier 2": move["change_pct_tier2"], "Change in % in tier 3": move["change_pct_tier3"]}),
            group="Windows", n="Students screened",
            columns={"Change in % at benchmark": "{:+.1f}", "Change in % in tier 2": "{:+.1f}",
                     "Change in % in tier 3": "{:+.1f}"}, level=5,
            title=f"Net movement between screening windows, all grades, {last}",
            note="Changes in percentage points between consecutive windows, all grades pooled. Aggregates show net "
                 "change only: which students moved between tiers needs student records.")
        out.append("mtss_movement")
    track = mt.on_track(pooled, by=("measure",), windows=wins)
    track = track[track["pct_on_track"].notna()]
    if len(track):
        b.statistics("mtss_on_track", pd.DataFrame({
            "Window": _measure_words(track["measure"]) + ", " + track["window"].astype(str),
            "Students in tiers 2 and 3": track["n_intervention"].astype(float),
            "% on track": track["pct_on_track"]}), group="Window", n="Students in tiers 2 and 3",
            shares=["% on track"], level=5, columns={},
            title=f"Intervention students whose rate of improvement is on track, {last}",
            note="Students in tier 2 or 3 whose progress-monitoring slope meets the goal, over all students in "
                 "those tiers; windows without progress monitoring (the fall) are left out.")
        out.append("mtss_on_track")
    return out


def _grade_rank(grade: object) -> float:
    """K and PK before grade 1; a grade that is not a number after the numbered ones."""
    g = str(grade).strip().upper()
    return {"PK": -1.0, "K": 0.0, "KG": 0.0}.get(g, float(g) if g.isdigit() else 99.0)


def _measure_words(measure: pd.Series) -> pd.Series:
    """A screening measure's id in words: "reading_composite" -> "Reading composite"."""
    return measure.astype(str).str.replace("_", " ").str.capitalize()


def _climate(b: Bundle, cfg: ProjectConfig, store: ProcessedData, program: Program) -> list[str]:
    """Percent favorable per item and survey year, pooled over the schools: the survey in summary form only."""
    from evalkit.analyze import percent_favorable

    for t in sources(cfg, store, kind=SourceKind.survey, program=program.id):
        name = t.source.instrument
        if program.instruments and name not in program.instruments:
            continue
        inst = cfg.codebook.instruments[name]
        year_col = next((c for c in t.data.columns if "year" in c.casefold()), None)
        groups = sorted(t.data[year_col].dropna().unique()) if year_col else [None]
        per: dict[str, dict[str, float]] = {}
        resp = []
        for y in groups:
            part = t.data if y is None else t.data[t.data[year_col] == y]
            pf = percent_favorable(part, name, cfg.codebook, scales=[])
            key = str(int(y)) if y is not None and float(y).is_integer() else str(y or "All")
            per[key] = dict(zip(pf["name"], pf["pct"]))
            per[key + " n"] = dict(zip(pf["name"], pf["n"].astype(float)))
            resp.append({"Year": key, "Responses": float(len(part))})
        years = [k for k in per if not k.endswith(" n")]
        frame = pd.DataFrame({"Item": [inst.items[i].text for i in inst.items if i in per[years[0]]]})
        ids = [i for i in inst.items if i in per[years[0]]]
        for y in years:
            frame[f"{y} n"] = [per[f"{y} n"].get(i, np.nan) for i in ids]
            frame[f"{y} % favorable"] = [per[y].get(i, np.nan) for i in ids]
        b.statistics("climate", frame, group="Item", n=[f"{y} n" for y in years], columns={},
                     shares=[f"{y} % favorable" for y in years],
                     n_of={f"{y} % favorable": f"{y} n" for y in years}, level=5,
                     title=f"{inst.title or name}: percent favorable by year",
                     note="In summary form only: every school's respondents pooled; answers of \"Don't know\" left "
                          "out of the denominator.")
        b.statistics("climate_responses", pd.DataFrame(resp), group="Year", n="Responses", columns={}, level=5,
                     title="Climate survey responses by year", note="Responses kept after cleaning.")
        return [name]
    return []


def _charts(T: dict[str, ProtectedTable], impacts: list[dict[str, Any]], program: Program
            ) -> list[tuple[str, str, Any]]:
    from evalkit.report import charts as ch

    plan_ = []
    for imp in impacts:
        tid = f"trend_{imp['i']}"
        if tid not in T:
            continue
        years = [str(r) for r in T[tid].display.iloc[:, 0]]
        first = next((j for j, y in enumerate(years) if y.isdigit() and int(y) >= imp["start"]), None)
        marker = (first - 0.5, f"first program schools begin ({imp['start']})") if first is not None else None
        plan_.append((f"trend_{imp['i']}", "impact", lambda tid=tid, imp=imp, marker=marker: ch.line_chart(
            T[tid], ["Program schools", "Projected without the program", "Comparison schools"],
            title=f"{imp['label']}: program schools, their projection without the program, and comparison schools",
            ylabel=imp["label"].split(": ")[-1].capitalize(), marker=marker, noun="schools")))
    return plan_


def _summary(T: dict[str, ProtectedTable], impacts: list[dict[str, Any]], program: Program) -> dict[str, list[str]]:
    """The executive summary's sentences, each quoting protected cells only (a hidden one drops its sentence)."""
    levels: list[str] = []
    findings: list[str] = []
    for imp in impacts:
        t = T.get(f"impact_{imp['i']}")
        if t is None:
            continue
        row = f"Year {imp['last_k']}"
        lo, hi = t.shown(row, "CI low"), t.shown(row, "CI high")
        unit = " points" if imp["share"] else ""
        s = sentence("{e}" + unit + " (95% CI {lo} to {hi}; effect size {g})", e=(t, row, "Impact"),
                     lo=(t, row, "CI low"), hi=(t, row, "CI high"), g=(t, row, "Effect size"))
        if not s or lo is None or hi is None:
            continue
        good = (lo > 0) == imp["higher_is_better"]
        verdict = ("an improvement larger than chance alone would usually give" if (lo > 0 or hi < 0) and good else
                   "a change for the worse larger than chance alone would usually give" if (lo > 0 or hi < 0) else
                   "a change the data cannot tell from none")
        levels.append(f"{imp['label']}, follow-up year {imp['last_k']}, the last year all program schools reached "
                      f"({_LABELS[imp['design'].primary]}): {s}: {verdict}.")
        sec = T.get(f"sensitivity_{imp['i']}")
        if sec is not None and imp["design"].sensitivity:
            s2 = sentence("{e}" + unit + " (95% CI {lo} to {hi})", e=(sec, row, "Impact"), lo=(sec, row, "CI low"),
                          hi=(sec, row, "CI high"))
            if s2:
                levels[-1] = levels[-1][:-1] + f"; the {_LABELS[imp['design'].sensitivity]} beside it gives {s2}."
        if imp["baseline"] == "not_satisfied":
            findings.append(f"For {imp['words']}, the program schools started far from the comparison "
                            "schools (beyond the What Works Clearinghouse's 0.25): the models adjust for each "
                            "school's level, but a comparison set matched on the years before the program would be "
                            "a stronger test.")
        if imp["design"].primary == "cits" and np.isfinite(imp["pre_trend_p"]) and imp["pre_trend_p"] < 0.10:
            findings.append(f"For {imp['words']}, the two groups' trends already differed somewhat before "
                            "the program; the time series projects that difference forward, so where it and the "
                            "difference in differences disagree, the truth may lie between them.")
        if imp["warnings"]:
            findings.append(f"The {_LABELS[imp['design'].primary]} for {lower_first(imp['label'])} raised warnings "
                            "(printed with its design table); read its estimates with care.")
    r = T.get("risk_ratios")
    if r is not None:
        last = next(c for c in r.display.columns if str(c).startswith("Risk ratio ") and c != "Risk ratio")
        said = [f"{row} {s}" for row in (str(x) for x in r.display.iloc[:, 0])
                if (s := sentence("{v} (95% CI {lo} to {hi})", v=(r, row, str(last)), lo=(r, row, "CI low"),
                                  hi=(r, row, "CI high")))]
        if said:
            levels.append(f"Identification for special education, {lower_first(str(last))} against all other "
                          "children: " + "; ".join(said) + ".")
    return {"levels": levels, "findings": findings, "reading": reading_notes(" ".join(levels + findings))}
