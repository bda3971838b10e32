"""Build one cadre's artifact folder: protected tables, a disclosure log and ``facts.json``.

Every figure about people goes through one :class:`evalkit.disclose.Bundle`, so the whole report is
protected together: small groups are pooled or hidden, complementary suppression is chosen by the
attacker audit across all tables and the release ledger, and only :class:`ProtectedTable` s are
written. Program facts that describe no person (the logic model, the event schedule, hours offered)
are written as pass-through tables. Nothing person-level leaves this module: no names, no e-mails,
no school names; schools appear only by code, and only when at least ``n_min`` staff answered.
"""

from __future__ import annotations

from pathlib import Path
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from evalkit.config import ProgramKind, ProjectConfig
from evalkit.disclose import Bundle, DisclosurePolicy, ProtectedBundle, ProtectedTable
from evalkit.disclose.protected import HIDDEN_STATUSES, passthrough
from evalkit.disclose.sentences import sentence
from evalkit.report import appendix, measures
from evalkit.report.prose import render_prose
from evalkit.report.sections import plan
from evalkit.report.summary import cadre_summary, conclusions
from evalkit.report.writer import Sections, save_charts, write_facts, write_tables
from evalkit.report.inputs import MODALITY, Inputs, ReportUnit, cadre_units, gather, role_label

if TYPE_CHECKING:  # pragma: no cover
    from evalkit.disclose import ReleaseLedger
    from evalkit.processed import ProcessedData

__all__ = ["ReportUnit", "cadre_units", "build_cadre_artifacts"]


def build_cadre_artifacts(cfg: ProjectConfig, store: ProcessedData, unit: ReportUnit, out_dir: Path, *,
                          ledger: ReleaseLedger | None = None, allow_rerelease: str | None = None
                          ) -> tuple[Path, ProtectedBundle]:
    """Write ``out_dir/facts.json``, ``tables/`` and ``disclosure_log.json`` for one cadre.

    All person figures are protected together by one :class:`~evalkit.disclose.Bundle` (with the
    ledger's earlier releases); :class:`~evalkit.errors.DisclosureError` if the audit cannot pass, before
    anything is written. The folder is rebuilt from scratch, so no table of an earlier run lingers.
    Returns the folder and the protected bundle (for the ledger).
    """
    policy = DisclosurePolicy.from_config(cfg.project.privacy)
    n_min = policy.n_min
    out_dir = Path(out_dir)
    program = cfg.project.program(unit.program)
    data = gather(cfg, store, unit)
    as_of = cfg.project.data_as_of.isoformat() if cfg.project.data_as_of else pd.Timestamp.now().date().isoformat()
    # hyphens only: the id is printed in the report's header, where a snake_case id reads as internals
    release_id = f"{cfg.project.project}-{unit.program}-{unit.cohort}-{unit.cadre}-{as_of}".replace("_", "-")
    b = Bundle(policy, release_id=release_id, unit=f"{cfg.project.project}/{unit.program}/{unit.cohort}/{unit.cadre}")
    plain: list[ProtectedTable] = []

    if len(data.roster):
        b.universe(f"{b.unit}/participants", data.roster.assign(role=data.roster["role"].map(role_label)), ["role"])
        b.counts("participants_by_role", f"{b.unit}/participants", rows="role", row_title="Role", title="Participants by role",
                 merge_small="Other roles", note=f"Active participants. Roles with fewer than {n_min} people are "
                 "combined into \u201cOther roles\u201d.")
    lm = program.logic_model
    lm_rows = [(label, "; ".join(items)) for label, items in (
        ("Inputs", lm.inputs), ("Activities", lm.activities), ("Outputs", lm.outputs),
        ("Short-term outcomes", lm.outcomes_short), ("Intermediate outcomes", lm.outcomes_intermediate),
        ("Long-term outcomes", lm.outcomes_long), ("Impact", lm.impact)) if items]
    if lm_rows:
        plain.append(passthrough("logic_model", "Logic model",
                                 pd.DataFrame(lm_rows, columns=["Component", "What it holds"])))
    ev = data.events
    if len(ev):
        plain.append(passthrough("events", "Events", pd.DataFrame({
            "Event": ev["event_id"].astype(str),
            "Date": pd.to_datetime(ev["event_date"]).dt.strftime("%Y-%m-%d"),
            "Modality": ev["event_type"].map(lambda v: MODALITY.get(v, str(v))),
            "Hours": ev["hours"].astype(str), "Topic": ev["topic"].astype(str)}), note="The program's schedule."))
        hours = pd.to_numeric(ev["hours"], errors="coerce")
        dos = ev.assign(h=hours).groupby("event_type")["h"].agg(["count", "sum"]).reset_index()
        plain.append(passthrough("dosage", "Dosage offered by modality", pd.DataFrame({
            "Modality": dos["event_type"].map(lambda v: MODALITY.get(v, str(v))),
            "Events": dos["count"].astype(int).astype(str), "Hours offered": dos["sum"].map(lambda v: f"{v:g}")}),
            note="Program schedule: events and hours offered, not attendance."))
        b.universe(f"{b.unit}/attendance", data.attendance, ["event"], categories={"event": ev["event_id"].astype(str)})
        b.counts("attendance_by_event", f"{b.unit}/attendance", rows="event", row_title="Event", title="Attendance by event",
                 count_title="Attendees", margins=False,
                 note="Registered participants of this cadre who signed in or joined online (facilitators and "
                      "guests not counted).")
    measures.participation(b, data, n_min)
    likert_order: list[str] = []
    if len(data.evals):
        measures.reactions(b, data, cfg)
        likert_order = measures.likert(b, data, cfg)
        plain += measures.comments(b, data, cfg, store, policy)
    if {"pre", "post"} <= set(data.waves):
        measures.prepost(b, data, cfg)
    if data.staff:
        measures.staff(b, data, cfg, n_min)
    measures.item_tables(b, data, cfg, n_min)
    level5 = measures.outcomes(b, data) if data.outcome_sources else None
    measures.data_sources(b, data, cfg)
    measures.quality(b, cfg, store, unit, rows=measures.unit_rows(cfg, store, unit, data))
    used = [n for n in (data.participant_instrument,
                        data.eval_instrument if len(data.evals) else None,
                        next((n for n, i in cfg.codebook.instruments.items() if i.anonymous), None) if data.staff else None)
            if n]
    level_sources = {1: ["event evaluations"] if len(data.evals) else [],
                     2: ["participant pre/post survey"] if data.waves else [],
                     3: ["anonymous staff survey"] if data.staff else [],
                     4: ["participant pre/post survey (practice items)", "event evaluations (intent to apply)"]
                     if data.waves else [],
                     5: [", ".join(data.outcome_titles)
                         + (", a baseline only" if not level5.post_years else "")] if level5 else []}
    plain += [appendix.evaluation_questions(program.guskey_levels or [1, 2, 3, 4, 5], level_sources),
              appendix.methods(outcomes=level5 is not None), appendix.software(), *appendix.instruments(cfg, used)]

    protected = b.protect(ledger=ledger, allow_rerelease=allow_rerelease)
    # the glossary explains the Net Promoter Score only when the report shows one
    plain.append(appendix.glossary(outcomes=level5 is not None, nps=_nps_shown(protected.tables)))

    T, specs = write_tables(out_dir, plain, protected)
    charts = _charts(T, out_dir, likert_order, level5, data.cohort_label)

    def have(*ids: str) -> list[str]:
        return [i for i in ids if i in T]

    # Each result once (issue [3/9]): a table that a chart in the body draws goes to the appendix of
    # detailed tables, where its exact figures stay available; the chart speaks in the body.
    drawn = {"logic_model": "logic_model",
             "attendance": "attendance_by_event", "event_answers": "event_item_answers", "nps": "event_nps",
             "prepost_learning": "prepost_learning", "prepost_use": "prepost_use", "staff": "staff_favorable",
             **{f"outcomes_{m}": tid for m, _, tid in (level5.measures if level5 else ())}}
    charted = [drawn[c] for c in charts if c in drawn]

    # a table whose every figure (counts aside) is withheld says nothing: it is named in the appendix of
    # detailed tables, and the disclosure log in the supplement says why each figure is withheld
    empty = withheld_tables(T)
    moved: list[str] = []   # the body's empty tables, in the order the sections name them

    def body(*ids: str) -> list[str]:
        moved.extend(i for i in have(*ids) if i in empty and i not in charted)
        return [i for i in have(*ids) if i not in charted and i not in empty]

    tables_of = {
        "summary": [], "limitations": [], "program": body("logic_model", "participants_by_role"),
        "questions": have("evaluation_questions", "data_sources"),
        "participation": body("events", "attendance_by_event", "dosage", "dosage_attended"),
        "reactions": body("evaluations_by_event", "event_ratings", "event_item_answers", "event_nps", "comment_themes",
                          *sorted(i for i in T if i.startswith("quotes_"))),
        "learning": body("participant_responses", "matched_vs_unmatched", "prepost_learning", "reliability"),
        "org_support": body("staff_responses", "staff_by_role", "staff_favorable"),
        "use": body("prepost_use"), "outcomes": [i for i in (_outcome_tables(level5, T) if level5 is not None else [])
                                                 if i not in charted],
        "conclusions": [], "appendix_methods": have("methods", "software"),
        "appendix_instruments": [i for i in T if i.startswith("instrument_")],
        # attendance once in the body (the chart by event); the rates by role group are mostly bounds at
        # these group sizes, so their table is a detail
        "appendix_items": charted + have("attendance_rates", "items_participants", "items_staff"),
        "appendix_disclosure": have("disclosure_log") if protected.log else [], "data_quality": have("data_quality"),
        "glossary": have("glossary")}
    evidence = {
        "roster": None if len(data.roster) else "no roster of this cadre's participants",
        "event_evaluations": None if _has(tables_of, charts, "reactions") else "not collected",
        "participant_survey": None if _has(tables_of, charts, "learning") else (
            "no pre wave" if "post" in data.waves and "pre" not in data.waves else "not collected"),
        "staff_survey": None if _has(tables_of, charts, "org_support") else "not collected",
        "practice_items": None if _has(tables_of, charts, "use") else "not collected",
        "outcome_sources": None if level5 is not None else (
            "not collected" if not data.outcome_sources else
            f"none of the cadre's schools is in {', '.join(data.outcome_titles)}"),
        "item_tables": None if tables_of["appendix_items"] else "none"}
    inst = cfg.codebook.instruments.get(data.participant_instrument or "")
    scales_at = {lv: [sc.label for n, sc in inst.scales.items() if (sc.guskey_level or 2) == lv
                      and not n.endswith("_retro")] if inst else [] for lv in (2, 4)}
    ctx = {"unit": unit, "program": program, "n_min": n_min, "comment_threshold": policy.comment_threshold,
           "summary": (summary := cadre_summary(T, outcome_sentence=_outcome_reading(level5))),
           # the closing section words the summary's findings without their statistics and lists the next steps
           "conclusions": conclusions(summary, _outcome_reading(level5)),
           # a table whose every figure is withheld is named, not printed: a page of "not shown" says nothing
           "withheld_tables": [T[i].title for i in dict.fromkeys(moved)],
           "attendance_range": _attendance_range(T), "has_logic_model": "logic_model" in T, "hidden_figures": len(protected.log),
           # the NPS is explained only where one is shown; a table of withheld scores is named, not printed
           "has_nps": _nps_shown(T),
           "attrition_check": "matched_vs_unmatched" in T and _any_shown(T["matched_vs_unmatched"]),
           "favorable_labels": measures.favorable_labels(cfg, data), "learning_scales": scales_at[2],
           "use_scales": scales_at[4], "retro": bool(inst and any(n.endswith("_retro") for n in inst.scales))}
    sections = Sections()
    for d in plan(ProgramKind.cadre, evidence, levels=program.guskey_levels):
        if not d.included:
            continue  # the evaluation-questions table says why a level is absent
        sid = d.spec.id
        title = f"{program.name}: cadre {unit.cadre}" if sid == "program" else d.spec.title
        text = (_outcomes_text(level5, T, data, n_min) if sid == "outcomes" and level5 is not None
                else render_prose("cadre", sid, **ctx))
        sections.add(sid, title, d.spec.level, text or None, tables_of[sid], part=d.spec.part)

    headline = [{"label": "Participants", "value": T["participants_by_role"].text("Total", "n")
                 if "participants_by_role" in T else "none"},
                {"label": "Participating schools", "value": str(len(data.schools))},
                {"label": "Events held", "value": str(len(ev))}]
    if "participant_responses" in T:
        headline.append({"label": "Matched pre and post",
                         "value": T["participant_responses"].text("Matched pre and post", "Respondents")})
    write_facts(out_dir, cfg=cfg, store=store, program=unit.program, program_name=program.name, unit=unit.cadre,
                cohort=unit.cohort, release_id=release_id, as_of=as_of, policy=policy, protected=protected,
                headline=headline, sections=sections, specs=specs, charts=charts, generated_by="evalkit.report.build")
    return out_dir, protected


def _charts(T: dict[str, ProtectedTable], out_dir: Path, likert_order: list[str],
            level5: measures.OutcomeSummary | None = None, cohort_label: str = "") -> dict[str, dict[str, str]]:
    """Charts drawn from protected tables only, saved as PNG and SVG with their alt text."""
    from evalkit.report import charts as ch

    plan = []
    if "logic_model" in T:
        plan.append(("logic_model", "program", lambda: ch.logic_model_chart(T["logic_model"])))
    if "attendance_by_event" in T:
        plan.append(("attendance", "participation", lambda: ch.bar_chart(
            T["attendance_by_event"], "Attendees", title="Attendance by event", xlabel="Registered attendees")))
    if "event_item_answers" in T and likert_order:
        plan.append(("event_answers", "reactions", lambda: ch.stacked_share_chart(
            T["event_item_answers"], likert_order, neutral=likert_order[len(likert_order) // 2],
            title="Event evaluations: answers by item (all events)")))
    if "event_nps" in T and any(T["event_nps"].shown(r, "NPS") is not None
                                for r in T["event_nps"].display.iloc[:, 0] if r != "All events"):
        # drawn only when an event's score can be shown: a chart of "hidden" marks says nothing the table
        # does not (the table then stays in the body)
        plan.append(("nps", "reactions", lambda: ch.line_chart(
            T["event_nps"], "NPS", title="Net Promoter Score by event", ylabel="NPS", limits=(-100, 100),
            interval=("CI low", "CI high"),
            rows=[r for r in T["event_nps"].display.iloc[:, 0] if r != "All events"])))
    for tid, sid in (("prepost_learning", "learning"), ("prepost_use", "use")):
        if tid in T:
            plan.append((tid, sid, lambda tid=tid: ch.dumbbell_chart(
                T[tid], pre="Earlier mean", post="Later mean", title=T[tid].title, xlabel="Mean (1-5 scale)",
                limits=(1, 5), spread=("Earlier SD", "Later SD"), n="Matched n", row_waves=_row_waves(T[tid]))))
    if "staff_favorable" in T:
        plan.append(("staff", "org_support", lambda: ch.dumbbell_chart(
            T["staff_favorable"], pre="Pre % favorable", post="Post % favorable",
            title="Staff survey: percent favorable, before and after", xlabel="Percent favorable", limits=(0, 100),
            # staff are nested in schools: a per-wave interval would ignore that; the change's school-clustered
            # interval is in the text and the detailed table
            waves=[("Pre n", "before"), ("Post n", "after")], whiskers=False)))
    for measure, label, tid in (level5.measures if level5 else ()):
        # Both groups' levels by year, with the cadre's start marked: the trend figure of a comparative
        # interrupted time series. Values are bound as defaults (lambdas see a name's last value).
        names = [str(c) for c in T[tid].display.columns]
        mine = next(c for c in names if c.startswith("Cadre"))
        theirs = next(c for c in names if c.startswith("Comparison") and c not in ("Comparison n",
                                                                                  "Comparison schools"))
        years = [str(r) for r in T[tid].display.iloc[:, 0]]
        if sum(T[tid].shown(r, mine) is not None for r in years) < 2:
            continue
        start = level5.cohort_start
        first = next((i for i, y in enumerate(years) if y.isdigit() and start is not None and int(y) >= start), None)
        # between the last year before the cadre and its first year; after the last year shown, far enough
        # right that the lines' end labels sit before it (on the side of the years they describe)
        at = first - 0.5 if first is not None else len(years) - 1 + 0.85
        marker = (at, f"cadre begins ({cohort_label})") if start is not None else None
        when = (f"the cadre began in {cohort_label}, after the last year shown" if not level5.post_years else
                f"the cadre began in {cohort_label}")
        plan.append((f"outcomes_{measure}", "outcomes",
                     lambda tid=tid, mine=mine, theirs=theirs, label=label, when=when, marker=marker: ch.line_chart(
                         T[tid], [mine, theirs], title=f"{label}: cadre schools and comparison schools by school "
                         f"year ({when})", ylabel=label.split(": ")[-1].capitalize(), marker=marker, noun="students",
                         waves=[("n", "cadre schools"), ("Comparison n", "comparison schools")])))
    return save_charts(plan, out_dir)


def _has(tables_of: dict[str, list[str]], charts: dict[str, Any], section: str) -> bool:
    """Whether a section has anything to show: a table in its body or a chart of its own."""
    return bool(tables_of[section]) or any(c.get("section") == section for c in charts.values())


def _outcome_tables(s: measures.OutcomeSummary, T: dict[str, ProtectedTable]) -> list[str]:
    """The Level 5 tables worth showing: a table in which no cadre figure survived the rule is left out of
    the section (the text says why; the table stays in the artifacts and the disclosure log)."""
    ids = [tid for _, _, tid in s.measures] + [t for t in (s.change_table, s.baseline_table) if t]
    return [tid for tid in ids if tid in T and _any_shown(T[tid])]


def _figures_hidden(t: ProtectedTable) -> tuple[pd.Series, pd.Series]:
    """Per figure cell (counts aside): whether it is hidden, and whether it holds a value."""
    figures = t.cells[t.cells["kind"] != "count"]
    return figures["status"].isin(HIDDEN_STATUSES), figures["value"].notna()


def _row_waves(t: ProtectedTable) -> dict[str, tuple[str, str]]:
    """Per row of a pre/post table, the waves its Earlier and Later columns hold (for one colour per wave)."""
    waves = dict(measures.PREPOST_COMPARISONS.values())
    out = {}
    for row in (str(r) for r in t.display.iloc[:, 0]):
        comparison = row.rsplit(": ", 1)[-1]
        if comparison in waves:
            out[row] = waves[comparison]
    return out


def _nps_shown(T: dict[str, ProtectedTable]) -> bool:
    nps = T.get("event_nps")
    return nps is not None and any(nps.shown(str(r), "NPS") is not None for r in nps.display.iloc[:, 0])


def _attendance_range(T: dict[str, ProtectedTable]) -> str | None:
    """"Each event drew between 69% (C1-04) and 97% (C1-01) of the 32 active participants": the lowest and
    highest exact rates of the whole cadre (rates shown only as a bound are left out), or None."""
    rates, people = T.get("attendance_rates"), T.get("participants_by_role")
    if rates is None or people is None:
        return None
    c = rates.cells
    exact = c[(c["row"] == "All participants") & (c["status"] == "shown") & (c["kind"] == "share")
              & c["value"].notna()].sort_values(["value", "column"])
    if len(exact) < 2:
        return None
    lo, hi = exact.iloc[0]["column"], exact.iloc[-1]["column"]
    s = sentence("Each event drew between {lo} and {hi} of the {n} active participants",
                 lo=(rates, "All participants", lo), hi=(rates, "All participants", hi), n=(people, "Total", "n"))
    return None if s is None else f"{s} (lowest: {lo}; highest: {hi})."


def _any_shown(t: ProtectedTable) -> bool:
    hidden, has_value = _figures_hidden(t)
    return bool((~hidden & has_value).any())


def withheld_tables(tables: Mapping[str, ProtectedTable]) -> set[str]:
    """The tables whose every figure (counts aside) the rule withholds: they say nothing in a report's body, so
    it names them (the disclosure log in the supplement says why) instead of printing a page of "not shown"."""
    return {i for i, t in tables.items() if len(t.cells) and (t.cells["kind"] != "count").any() and not _any_shown(t)}


def _outcomes_text(s: measures.OutcomeSummary, T: dict[str, ProtectedTable], data: Inputs, n_min: int) -> str:
    """Level 5 prose: what the figures are, whether they precede the cadre, and what could be estimated later.

    Years and the cohort are program facts; every figure about students is quoted from a protected cell
    with :func:`sentence` (a hidden cell drops its sentence).
    """
    last = s.latest_year
    figures = []
    for m, _, tid in s.measures:
        if tid not in T or not measures.share_measure(m, data.outcome_measures):
            continue
        # the measure's description goes outside the template: it may hold digits, a template may not
        text = sentence("{a} at the cadre's schools ({n} students) and {b} at the comparison schools",
                        a=(T[tid], str(last), "Cadre %"), b=(T[tid], str(last), "Comparison %"),
                        n=(T[tid], str(last), "n"))
        if text:
            figures.append(f"{measures.outcome_description(m, data.outcome_measures)} was {text}")
    shown = [T[tid] for _, _, tid in s.measures if tid in T]
    grant_who = None
    if s.grant_groups:
        grant_who = {("cadre",): "some of the cadre's schools", ("comparison",): "some of the comparison schools"}.get(
            s.grant_groups, "some of the cadre's schools and some of the comparison schools")
    return render_prose(
        "cadre", "outcomes", sources=list(data.outcome_titles), first=s.years[0], last=last,
        names=[measures.outcome_description(m, data.outcome_measures) for m, _, _ in s.measures],
        others=bool((data.outcomes["group"] == "program").any()), n_min=n_min, cohort=data.cohort_label,
        cohort_start=s.cohort_start, post_years=list(s.post_years), baseline_year=s.baseline_year,
        change=(_change_sentences(s, T, data.outcome_measures)
                if s.post_years and s.baseline_year is not None else []),
        figures=figures, baseline=_baseline_sentences(s, T, s.baseline_year) if s.baseline_year is not None else [],
        none_shown=not any(_any_shown(t) for t in shown), some_hidden=any(not _all_rows_shown(t) for t in shown),
        suppressed_cadre=bool(s.suppressed.get("cadre")), grant_who=grant_who, grant_years=list(s.grant_years))


def _all_rows_shown(t: ProtectedTable) -> bool:
    return not _figures_hidden(t)[0].any()


def _baseline_sentences(s: measures.OutcomeSummary, T: dict[str, ProtectedTable], year: int) -> list[str]:
    """The WWC screen of the last baseline year, one clause per measure whose row is shown."""
    t = T.get(s.baseline_table or "")
    if t is None:
        return []
    verdicts = dict(zip(t.display.iloc[:, 0], t.display["WWC baseline equivalence"]))
    parts = []
    for _, label, _ in s.measures:
        # the label goes outside the template: a measure's name may hold digits, a template may not
        text = sentence("{g}", g=(t, label, "Cox index")) if label in verdicts else None
        if text and verdicts[label]:
            parts.append(f"{label.split(':')[0]} {text} ({verdicts[label]})")
    if not parts:
        return []
    return [f"As a first screen for an impact study, the {year} difference between the groups on the WWC's scale "
            "(the Cox index, students pooled across schools) is: " + "; ".join(parts) + "."]


def _change_sentences(s: measures.OutcomeSummary, T: dict[str, ProtectedTable], specs: dict) -> list[str]:
    """The descriptive difference in differences, clearly labelled as not an effect."""
    t = T.get(s.change_table or "")
    out = []
    if t is not None:
        for m, label, _ in s.measures:
            unit = " points" if measures.share_measure(m, specs) else ""
            # the measure's name goes outside the template: it may hold digits, a template may not
            text = sentence(f"changed by {{c}}{unit} at the cadre's schools and by {{k}}{unit} at the comparison "
                            f"schools, a difference in differences of {{d}}{unit}",
                            c=(t, label, "Cadre change"), k=(t, label, "Comparison change"),
                            d=(t, label, "Difference in differences"))
            if text:
                out.append(f"{measures.outcome_description(m, specs)} {text}")
    if not out:
        return ["The change since the cadre began cannot be shown for these schools (see the tables)."]
    return [f"From {s.baseline_year} to {s.latest_year}, " + "; ".join(out) + ". This is a descriptive "
            "comparison, not a causal estimate: it has no model and no standard error, the schools behind the two "
            "years may differ, and the groups may have been changing at different rates before the cadre. An "
            "estimate of the cadre's effect needs a comparative interrupted time series or a difference-in-"
            "differences model over all the years, with standard errors that allow for schools, against comparison "
            "schools that meet the WWC's baseline-equivalence standard."]


def _outcome_reading(s: measures.OutcomeSummary | None) -> str | None:
    """Level 5 in one sentence for the summary and the conclusions: what the outcome data can and cannot say
    yet (no figures)."""
    if s is None or s.cohort_start is None:
        return None
    if not s.post_years:
        return (f"the state results available end in {s.latest_year}, before the cadre began, so they set a "
                "baseline for its schools; no effect on students can be reported yet.")
    return ("the change since the cadre began is described in the Level 5 section as a difference in differences "
            "of the schools' results; it is descriptive, not an estimate of the cadre's effect.")


