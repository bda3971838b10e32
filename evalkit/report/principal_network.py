"""The principal-network report: principals in phases working through an inquiry cycle (kind
``principal_network``).

One report per cohort: participation by phase (sessions, hours, who attended), the inquiry cycle as an ordered
funnel whose steps and order come from the project file (``programs[].cycle``: how many principals reached each
step, where they stopped, the days between steps, artifacts), phase progression (who went on from one phase to
the next and when), school assessments (``programs[].assessments``: rubric levels per domain at baseline and
end as a shift table and the share of schools that moved up, with a Wilson interval; the schools' own measures
before and after), qualitative evidence only as redacted text above the comment threshold, and Level 1
reactions by phase from the session evaluations.

Schools are never listed one by one: each school's figures describe one principal, fewer people than the rule
allows. Built from the anonymized store alone; every figure about people goes through one
:class:`~evalkit.disclose.Bundle`; the prose comes from ``templates/prose/principal_network/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from evalkit.config import ProgramKind, ProjectConfig, SourceKind
from evalkit.disclose import Bundle, DisclosurePolicy, ProtectedBundle, ProtectedTable
from evalkit.disclose.protected import passthrough
from evalkit.disclose.sentences import sentence
from evalkit.errors import DataError, Reason
from evalkit.report import appendix, measures
from evalkit.report.build import withheld_tables
from evalkit.report.inputs import (PERSON, ReportUnit, cohort_units, modality_label, open_release, program_people,
                                   sources)
from evalkit.report.prose import join_words
from evalkit.report.sections import plan
from evalkit.report.summary import change_words, lower_first, reading_notes
from evalkit.report.writer import save_charts, sections_from, write_facts, write_tables

if TYPE_CHECKING:  # pragma: no cover
    from evalkit.config.project import AssessmentSpec, CycleSpec, Program
    from evalkit.disclose import ReleaseLedger
    from evalkit.processed import ProcessedData

__all__ = ["principal_network_units", "build_principal_network_artifacts", "cycle_rows", "assessment_rows"]

#: How a school's rubric level changed from the baseline to the end, lowest first.
_MOVES = ("Moved down", "Stayed", "Moved up")


def principal_network_units(cfg: ProjectConfig) -> list[ReportUnit]:
    """One report per cohort of each principal-network program (one for the program when it lists no cohort)."""
    return cohort_units(cfg, ProgramKind.principal_network)


def _column(d: pd.DataFrame, col: str) -> str:
    """The store's name of a project-file column: an identifier column is kept only as its keyed pseudonym."""
    return col if col in d.columns else f"{col}_pid" if f"{col}_pid" in d.columns else col


def cycle_rows(cfg: ProjectConfig, store: ProcessedData, spec: CycleSpec) -> pd.DataFrame:
    """The cycle tracker as ``unit``, ``step``, ``order``, ``phase``, ``date``, ``artifact`` (bool), ``text``.

    Raises
    ------
    DataError
        The file names a step the project file's ``cycle.steps`` does not list (the order would be a guess), or
        lacks a column the project file names.
    """
    src = cfg.project.source(spec.source)
    d = store.tables.get(spec.source)
    if d is None:
        return pd.DataFrame(columns=["unit", "step", "order", "phase", "date", "artifact", "text"])
    unit = _column(d, spec.unit_column)
    for what, col in (("unit_column", unit), ("step_column", spec.step_column), ("date_column", spec.date_column)):
        if col not in d.columns:
            raise DataError(src.file, Reason.missing_column, f"the column {col!r} that cycle.{what} names is not "
                            "in the file", column=col, hint=f"set programs[].cycle.{what} to one of the file's "
                            f"columns: {', '.join(map(str, d.columns[:12]))}")
    steps = [str(s).strip() for s in d[spec.step_column]]
    order = {s.casefold(): i for i, s in enumerate(spec.steps, start=1)}
    unknown = sorted({s for s in steps if s and s.casefold() not in order})
    if unknown:
        rows = d.loc[[s in unknown for s in steps], "source_row"] if "source_row" in d else pd.Series(dtype=int)
        raise DataError(src.file, Reason.unknown_code,
                        f"step name(s) not among the steps the project file lists: {'; '.join(unknown)}",
                        row=int(rows.iloc[0]) if len(rows) else None, column=spec.step_column,
                        hint="add them to programs[].cycle.steps in their place in the cycle, or correct the "
                             f"spelling; the steps listed are: {'; '.join(spec.steps)}")
    canon = {s.casefold(): s for s in spec.steps}
    out = pd.DataFrame({
        "unit": d[unit].astype("string"),
        "step": [canon.get(s.casefold(), s) for s in steps],
        "order": [order.get(s.casefold(), 0) for s in steps],
        "phase": d[spec.phase_column].astype("string").str.strip() if spec.phase_column in d else pd.NA,
        "date": pd.to_datetime(d[spec.date_column], errors="coerce"),
        "artifact": (d[spec.artifact_column].astype("string").str.strip().str.upper().isin(["Y", "YES", "TRUE", "1"])
                     if spec.artifact_column and spec.artifact_column in d else False),
        "text": d[spec.text_column].astype("string") if spec.text_column and spec.text_column in d else pd.NA,
    })
    return out[out["unit"].notna()].reset_index(drop=True)


def assessment_rows(cfg: ProjectConfig, store: ProcessedData, spec: AssessmentSpec) -> pd.DataFrame:
    """The assessments as ``school``, ``round``, ``measure``, ``level`` (rubric code as text), ``value`` (number),
    ``text``; rows of other rounds than the baseline and the end are left out."""
    d = store.tables.get(spec.source)
    cols = ["school", "round", "measure", "level", "value", "text"]
    if d is None:
        return pd.DataFrame(columns=cols)
    src = cfg.project.source(spec.source)
    for what in ("school_column", "phase_column", "measure_column"):
        col = getattr(spec, what)
        if col not in d.columns:
            raise DataError(src.file, Reason.missing_column, f"the column {col!r} that assessments.{what} names "
                            "is not in the file", column=col,
                            hint=f"set programs[].assessments.{what} to one of the file's columns")
    level = d[spec.level_column].astype("string").str.strip().str.replace(r"\.0$", "", regex=True) \
        if spec.level_column in d else pd.Series(pd.NA, index=d.index, dtype="string")
    out = pd.DataFrame({
        "school": d[spec.school_column].astype("string").str.strip(),
        "round": d[spec.phase_column].astype("string").str.strip(),
        "measure": d[spec.measure_column].astype("string").str.strip(),
        "level": level.where(level.isin(list(spec.levels))),
        "value": pd.to_numeric(d[spec.value_column], errors="coerce") if spec.value_column in d else np.nan,
        "text": d[spec.text_column].astype("string") if spec.text_column and spec.text_column in d else pd.NA,
    })
    return out[out["round"].isin([spec.baseline, spec.end]) & out["school"].notna()].reset_index(drop=True)


def _label(spec: AssessmentSpec, measure: str) -> str:
    m = spec.measures.get(measure)
    return m.label if m is not None else measure.replace("_", " ").capitalize()


def build_principal_network_artifacts(cfg: ProjectConfig, store: ProcessedData, unit: ReportUnit, out_dir: Path, *,
                                      ledger: ReleaseLedger | None = None, allow_rerelease: str | None = None
                                      ) -> tuple[Path, ProtectedBundle]:
    """Write ``out_dir/facts.json``, ``tables/``, ``charts/`` and ``disclosure_log.json`` for one cohort of a
    principal network. Returns the folder and the protected bundle (for the release ledger)."""
    policy, as_of, release_id, b = open_release(cfg, unit)
    n_min = policy.n_min
    program = cfg.project.program(unit.program)
    plain: list[ProtectedTable] = []
    evidence: dict[str, str | None] = {}

    people = program_people(cfg, store, program.id)
    events, registered, attended = people.events, people.registered, people.attended
    phases = list(program.phases) or (sorted(set(events["phase"].dropna().astype(str))) if "phase" in events else [])

    # -- participation by phase -------------------------------------------------------------------------
    evidence["attendance"] = _participation(b, plain, events, attended, registered, phases) if registered else \
        "no registered principals"

    # -- the inquiry cycle and phase progression -----------------------------------------------------------
    cyc = cycle_rows(cfg, store, program.cycle) if program.cycle is not None else pd.DataFrame()
    quotes: list[ProtectedTable] = []
    if len(cyc):
        # Problems of practice are not quoted: each is presented in the network's sessions, so its members
        # would know whose school a quote comes from (and what it struggles with).
        _cycle(b, cyc, program, n_min)
    evidence["cycle"] = None if len(cyc) else "no inquiry-cycle records" if program.cycle else \
        "no inquiry cycle in the project file"

    # -- school assessments ---------------------------------------------------------------------------------
    asm = assessment_rows(cfg, store, program.assessments) if program.assessments is not None else pd.DataFrame()
    rubric: list[str] = []
    if len(asm):
        spec = program.assessments
        rubric = _shifts(b, asm, spec)
        _measures(b, asm, spec, n_min)
        end_text = asm.loc[(asm["round"] == spec.end), "text"]
        quotes += _quotes(end_text, policy, "quotes_narratives", "In their words: assessment narratives",
                          f"the narratives written with the {spec.end} rubric ratings", level=3)
    evidence["assessments"] = None if len(asm) else "no school assessments" if program.assessments else \
        "no school assessments in the project file"

    # -- reactions by phase -----------------------------------------------------------------------------------
    used, reaction_tables = _reactions(b, plain, cfg, store, program, events, registered, phases)
    evidence["level1"] = None if reaction_tables else "no session evaluations"
    measures.quality(b, cfg, store, unit, _unit_rows(cfg, store, program, events), trackers=True,
                     whose="the network's")

    plain += [appendix.methods(cycles=True, scales=False), appendix.software(), *appendix.instruments(cfg, used), *quotes]
    protected = b.protect(ledger=ledger, allow_rerelease=allow_rerelease)
    # a table whose every figure (counts aside) is withheld says nothing: it is named, not printed
    empty = withheld_tables(protected.tables)
    plain.append(appendix.glossary(cadres=False, change=False, nps="event_nps" in b.tables
                                   and "event_nps" not in empty, cycles=True))
    T, specs = write_tables(Path(out_dir), plain, protected)
    charts = save_charts(_charts(T), Path(out_dir))
    charted = {"attendance": "attendance_by_session", "funnel": "cycle_funnel"}
    moved = [charted[c] for c in charts if c in charted]
    evidence["detail"] = None if moved or rubric or empty else "none"

    decisions = plan(ProgramKind.principal_network, evidence,
                     levels=sorted(int(v) for v in program.guskey_levels) or [1, 3, 4])
    spec_a = program.assessments
    ctx = {"program": program, "unit": unit, "n_min": n_min, "phases": phases,
           "steps": list(program.cycle.steps) if program.cycle else [],
           "baseline": spec_a.baseline if spec_a else "", "end": spec_a.end if spec_a else "",
           "levels": list(spec_a.levels.values()) if spec_a else [],
           "summary": _summary(T, program), "hidden_figures": len(protected.log),
           "quality_table": "data_quality" in T, "comment_threshold": policy.comment_threshold,
           "quotes": {q.table_id for q in quotes},
           "withheld_tables": [T[i].title for i in T if i in empty]}
    tables_of = {
        # the registered principals are a column of the phase table; alone only when there is none
        "participation": [t for t in ("sessions", "attendance_by_session", "phase_participation") if t in T]
        or [t for t in ("registered", "sessions") if t in T],
        "cycle": ["cycle_funnel", "step_times", "phase_progression"],
        "assessments": ["moved_up", "school_measures", "quotes_narratives"],
        # the evaluations received per phase are the n column of the ratings: not a table of their own
        "reactions": ["event_ratings", "event_nps", "comment_themes",
                      *(t for t in T if t.startswith("quotes_q"))],
        "appendix_items": [*moved, *(t for t in rubric if t not in empty)],
        "appendix_methods": ["methods", "software"],
        "appendix_instruments": [t for t in T if t.startswith("instrument_")],
        "appendix_disclosure": ["disclosure_log"] if protected.log else [],
        "data_quality": ["data_quality"], "glossary": ["glossary"]}
    sections = sections_from(decisions, "principal_network", {k: [t for t in v if t not in empty]
                                                              for k, v in tables_of.items()}, T, ctx, leave_out=moved)
    headline = [{"label": "Registered principals", "value": T["registered"].text("Registered principals", "n")
                 if "registered" in T else "none"}]
    f = T.get("cycle_funnel")
    if f is not None and program.cycle is not None:
        headline.append({"label": "Completed every step of the cycle",
                         "value": f.text(_step_label(len(program.cycle.steps), program.cycle.steps[-1]), "Reached")})
    r = T.get("event_ratings")
    if r is not None:
        headline.append({"label": "Session evaluations", "value": r.text("All sessions", "n")})
    write_facts(Path(out_dir), cfg=cfg, store=store, program=unit.program, program_name=program.name,
                unit=unit.cadre, cohort=unit.cohort, release_id=release_id, as_of=as_of, policy=policy,
                protected=protected, headline=headline, sections=sections, specs=specs, charts=charts,
                generated_by="evalkit.report.principal_network")
    return Path(out_dir), protected


def _unit_rows(cfg: ProjectConfig, store: ProcessedData, program: Program, events: pd.DataFrame
               ) -> dict[str, set[int]]:
    """Per source, the file rows (``source_row``) that are the network's: rows of its program code in shared
    files (the roster, the event list), attendance and evaluations of its sessions, and every row of its own
    sources (the cycle tracker, the assessments). Shared files' other rows belong to other programs' reports."""
    from evalkit.analyze.participation import program_rows

    ids = set(events["event_id"].astype(str)) if len(events) else set()
    out: dict[str, set[int]] = {}
    for src in cfg.project.sources:
        d = store.tables.get(src.id)
        if d is None or "source_row" not in d or src.program not in (None, program.id):
            continue
        if src.program == program.id:
            mine = d
        elif "program" in d and program.codes:
            mine = program_rows(d, program.codes)
        elif "event_id" in d or "event_id_matched" in d:
            col = "event_id" if "event_id" in d else "event_id_matched"
            mine = d[d[col].astype("string").isin(ids).fillna(False).to_numpy(dtype=bool)]
        else:
            continue
        out[src.id] = set(mine["source_row"].astype(int))
    return out


def _step_label(order: int, step: str) -> str:
    return f"{order}. {step}"


def _participation(b: Bundle, plain: list[ProtectedTable], events: pd.DataFrame, attended: pd.DataFrame,
                   registered: list[str], phases: list[str]) -> str | None:
    """Registered principals, the sessions by phase, attendance per session and participation by phase."""
    from evalkit.analyze.participation import person_hours

    b.universe(f"{b.unit}/registered", pd.DataFrame({"all": ["Registered principals"] * len(registered)}), ["all"])
    b.counts("registered", f"{b.unit}/registered", rows="all", row_title="Group", title="Registered principals",
             margins=False, note="Principals registered in the network, those who withdrew left out.")
    if events.empty:
        return "no sessions in the event list"
    ev = events.assign(phase=events["phase"].astype("string").fillna("") if "phase" in events else "",
                       h=pd.to_numeric(events["hours"], errors="coerce").fillna(0.0),
                       when=pd.to_datetime(events["event_date"], errors="coerce"))
    rank = {p: i for i, p in enumerate(phases)}
    ev = ev.assign(_r=ev["phase"].map(lambda p: rank.get(p, len(rank)))).sort_values(["_r", "when"])
    plain.append(passthrough("sessions", "Sessions by phase", pd.DataFrame({
        "Session": ev["event_id"].astype(str), "Phase": ev["phase"].astype(str),
        "Date": ev["when"].dt.strftime("%Y-%m-%d"), "Modality": ev["event_type"].map(modality_label),
        "Hours": ev["h"].map(lambda v: f"{v:g}"), "Topic": ev["topic"].astype(str)}),
        note="The network's schedule, as its event list gives it."))
    if attended.empty:
        return "no attendance records"
    ids = [str(e) for e in ev["event_id"]]
    b.universe(f"{b.unit}/attendance", attended[attended["event"].astype(str).isin(ids)], ["event"],
               categories={"event": ids})
    b.counts("attendance_by_session", f"{b.unit}/attendance", rows="event", row_title="Session",
             title="Attendance by session", count_title="Attendees", margins=False,
             note="Registered principals signed in at a face-to-face session or connected to a virtual one for "
                  "long enough (facilitators and guests not counted).")
    rows = []
    for ph in [p for p in phases if (ev["phase"] == p).any()]:
        g = ev[ev["phase"] == ph]
        mine = attended[attended["event"].astype(str).isin(set(g["event_id"].astype(str)))]
        per = person_hours(mine, g.drop(columns=["phase"])).set_index("person")["hours"].reindex(registered,
                                                                                                 fill_value=0.0)
        who = int(mine[PERSON].nunique())
        rows.append({"Phase": ph, "Registered": float(len(registered)), "Sessions": f"{len(g)}",
                     "Hours offered": float(g["h"].sum()), "Attended at least one": float(who),
                     "% of registered": 100.0 * who / len(registered),
                     "Mean hours attended": float(per.mean()), "SD": float(per.std(ddof=1)) if len(per) > 1 else np.nan})
    b.statistics("phase_participation", pd.DataFrame(rows), group="Phase", n=["Registered", "Attended at least one"],
                 columns={"Hours offered": "{:g}", "Mean hours attended": "{:.1f}", "SD": "{:.1f}"},
                 text_columns=["Sessions"], shares=["% of registered"],
                 share_of={"% of registered": ("Attended at least one", "Registered")},
                 n_of={"% of registered": "Attended at least one"},
                 title="Participation by phase",
                 note="Principals who attended at least one session of the phase, and the hours each registered "
                      "principal attended, averaged over all registered principals (those who attended none count "
                      "as zero).")
    return None


def _cycle(b: Bundle, cyc: pd.DataFrame, program: Program, n_min: int) -> None:
    """The cycle's funnel, the days between steps, and phase progression (:mod:`evalkit.analyze.cycles`)."""
    from evalkit.analyze.cycles import cycle_funnel, phase_progression, step_times

    steps = list(program.cycle.steps)
    f = cycle_funnel(cyc, unit="unit", step="step", date="date", steps=steps)
    phase_of = cyc.dropna(subset=["phase"]).groupby("step")["phase"].agg(lambda s: s.mode().iloc[0]) \
        if cyc["phase"].notna().any() else pd.Series(dtype="string")
    art = cyc[cyc["date"].notna() & cyc["artifact"]].groupby("step")["unit"].nunique()
    total = int(f["of"].iloc[0])
    first = "Principals in the cycle"
    # Who stopped at a step is the difference of two published counts (a program record either way), so it
    # is not a column of its own: a column of "fewer than 10" that subtraction undoes would protect nothing.
    rows = [{"Step": first, "Phase": "", "Reached": float(total), "% of principals": np.nan,
             "With an artifact": np.nan}]
    for r in f.itertuples(index=False):
        rows.append({"Step": _step_label(r.order, r.step), "Phase": str(phase_of.get(r.step, "")),
                     "Reached": float(r.reached), "% of principals": 100.0 * r.reached / total if total else np.nan,
                     "Skipped": float(r.skipped), "With an artifact": float(art.get(r.step, 0))})
    frame = pd.DataFrame(rows)
    skipped = bool(frame["Skipped"].fillna(0).gt(0).any())
    cols = ["Step", "Phase", "Reached", "% of principals", *(["Skipped"] if skipped else []), "With an artifact"]
    frame = frame[cols]
    b.statistics("cycle_funnel", frame, group="Step", n=[c for c in ("Reached", "Skipped", "With an artifact")
                                                         if c in cols],
                 columns={}, text_columns=["Phase"], shares=["% of principals"],
                 share_of={"% of principals": ("Reached", (first, "Reached"))},
                 n_of={"% of principals": "Reached"}, level=4,
                 title="The inquiry cycle: principals reaching each step",
                 note="A principal reached a step when it has a completion date; the drop from one step to the "
                      "next is the principals whose last recorded step it was. "
                      + ("Skipped: no date for the step, but a date for a later one. " if skipped else "")
                      + "With an artifact: reached the step and handed in the artifact it asks for (a plan, notes "
                        "of a round). Counts under the threshold are not shown.")
    t = step_times(cyc, unit="unit", step="step", date="date", steps=steps)
    b.statistics("step_times", pd.DataFrame({
        "Steps": [f"{steps.index(a) + 1} to {steps.index(c) + 1}" for a, c in zip(t["from"], t["to"])],
        "Principals": t["n"].astype(float), "Median days": t["median"], "CI low": t["ci_low"],
        "CI high": t["ci_high"]}), group="Steps", n="Principals",
        columns={"Median days": "{:.0f}", "CI low": "{:.0f}", "CI high": "{:.0f}"}, level=4,
        title="Days from one step to the next",
        note="Principals who completed both steps. Median with its 95% distribution-free interval (from the order "
             "statistics; Conover 1999). Dates that run backwards (a later step dated before the earlier one) "
             "are left out of these times.")
    if program.phases and cyc["phase"].notna().any():
        p = phase_progression(cyc.dropna(subset=["date"]), unit="unit", phase="phase", date="date",
                              phases=list(program.phases))
        # one row per move from a phase to the next: the last phase has no next one
        moves = pd.DataFrame({
            "Move": [f"{a} to {c}" for a, c in zip(p["phase"], p["phase"].iloc[1:])],
            "Active in the first phase": p["reached"].iloc[:-1].astype(float).to_numpy(),
            "Went on": p["went_on"].iloc[:-1].astype(float).to_numpy(),
            "Median days": p["median_days_to_next"].iloc[:-1].to_numpy()})
        moves["% went on"] = 100.0 * moves["Went on"] / moves["Active in the first phase"].where(
            moves["Active in the first phase"] > 0)
        b.statistics("phase_progression", moves[["Move", "Active in the first phase", "Went on", "% went on",
                                                 "Median days"]],
                     group="Move", n=["Active in the first phase", "Went on"], columns={"Median days": "{:.0f}"},
                     shares=["% went on"], share_of={"% went on": ("Went on", "Active in the first phase")},
                     n_of={"% went on": "Went on"}, level=4,
                     title="Phase progression: who went on to the next phase, and when",
                     note="Active: completed at least one step of the phase. Went on: also completed a step of the "
                          "next phase. Median days from a principal's first completed step in a phase to their "
                          "first in the next.")


def _shifts(b: Bundle, asm: pd.DataFrame, spec: AssessmentSpec) -> list[str]:
    """Per rubric domain, schools by level at baseline (rows) and end (columns); the share that moved up.

    Returns the shift tables' ids (they go to the appendix; the share that moved up is in the body)."""
    from evalkit.analyze.cycles import shift_table

    codes = list(spec.levels)
    names = dict(spec.levels)
    rub = asm[asm["level"].notna()]
    order = [m for m in spec.measures if m in set(rub["measure"])] + sorted(set(rub["measure"]) - set(spec.measures))
    ids, rows = [], []
    refs: dict[str, tuple] = {}
    for k, m in enumerate(order, start=1):
        d = rub[rub["measure"] == m]
        before = d[d["round"] == spec.baseline].drop_duplicates("school").set_index("school")["level"]
        after = d[d["round"] == spec.end].drop_duplicates("school").set_index("school")["level"]
        _, s = shift_table(before, after, codes)
        both = pd.concat([before.rename("b"), after.rename("a")], axis=1).dropna()
        if s["n"] == 0:
            continue
        # one universe per domain with the move as a third dimension: the count that moved up is then a figure
        # of the attacker audit, tied to the shift table's cells, not a number beside them
        rank = {c: i for i, c in enumerate(codes)}
        step = both["a"].map(rank) - both["b"].map(rank)
        uid = f"{b.unit}/shift_{k}"
        b.universe(uid, pd.DataFrame({"before": both["b"].map(names).to_numpy(), "after": both["a"].map(names).to_numpy(),
                                      "move": np.select([step > 0, step < 0], [_MOVES[2], _MOVES[0]], _MOVES[1])}),
                   ["before", "after", "move"], categories={"before": list(names.values()),
                                                            "after": list(names.values()), "move": list(_MOVES)})
        tid = f"shift_{k}"
        b.counts(tid, uid, rows="before", cols="after", row_title=f"At {spec.baseline}",
                 title=f"{_label(spec, m)}: rubric level at {spec.baseline} (rows) and {spec.end} (columns)",
                 note="Schools rated at both times. Above the diagonal: moved up. Counts under the threshold are "
                      "not shown.", level=3)
        b.counts(f"movement_{k}", uid, rows="move", row_title="Change", count_title="Schools",
                 title=f"{_label(spec, m)}: schools that moved up, stayed or moved down, {spec.baseline} to "
                       f"{spec.end}", note="Schools rated at both times. Counts under the threshold are not shown.",
                 level=3)
        ids += [f"movement_{k}", tid]
        label = _label(spec, m)
        refs[label] = ((f"movement_{k}", _MOVES[2], "Schools"), (f"movement_{k}", "Total", "Schools"))
        rows.append({"Domain": label, "Schools": float(s["n"]),
                     "% moved up": s["pct_up"], "CI low": s["ci_low"], "CI high": s["ci_high"]})
    if rows:
        # A rating is what a school was judged, not a record of who took part: the share is exact only when
        # the movement table publishes both the schools that moved up and all schools rated (the audit decides,
        # with the shift table's cells), else coded like an answer. The interval's limits would give the share
        # back: they are blanked with a coded share (coded_with) and never coded on their own.
        b.statistics("moved_up", pd.DataFrame(rows), group="Domain", n="Schools",
                     columns={"CI low": "{:.0f}%", "CI high": "{:.0f}%"}, shares=["% moved up"], level=3,
                     coded_with={"% moved up": ("CI low", "CI high")},
                     share_of={(label, "% moved up"): ref for label, ref in refs.items()},
                     title=f"Schools that moved up at least one rubric level, {spec.baseline} to {spec.end}",
                     note=f"Schools rated in the domain at both {spec.baseline} and {spec.end}; rubric levels "
                          f"{join_words(list(names.values()))}. 95% Wilson interval (Wilson 1927). The shift "
                          "tables behind these shares are in the appendix.")
    return ids


def _measures(b: Bundle, asm: pd.DataFrame, spec: AssessmentSpec, n_min: int) -> None:
    """The schools' own measures at baseline and end: means, the paired g_av with its interval."""
    from evalkit.analyze import prepost_table

    q = asm[asm["level"].isna() & asm["value"].notna()]
    if q.empty:
        return
    order = [m for m in spec.measures if m in set(q["measure"])] + sorted(set(q["measure"]) - set(spec.measures))
    wide = q.pivot_table(index=["school", "round"], columns="measure", values="value", aggfunc="first")
    wide = wide.reset_index()
    pre = wide[wide["round"] == spec.baseline].drop(columns="round").set_index("school")
    post = wide[wide["round"] == spec.end].drop(columns="round").set_index("school")
    schools = pre.index.intersection(post.index)
    keep = [m for m in order if m in pre and m in post and int((pre.loc[schools, m].notna()
                                                                 & post.loc[schools, m].notna()).sum()) >= 2]
    if not keep:
        return
    pre = pre.loc[schools, keep].reset_index().rename(columns={"school": "person"})
    post = post.loc[schools, keep].reset_index().rename(columns={"school": "person"})
    table = prepost_table(pre, post, scales=keep, person="person")
    table = table[(table["group"] == "all") & (table["comparison"] == "post - pre")]
    frame = pd.DataFrame({
        "Measure": [_label(spec, m) for m in table["scale"]], "Schools": table["n"].astype(float).to_numpy(),
        f"{spec.baseline} mean": table["mean2"].to_numpy(), f"{spec.end} mean": table["mean1"].to_numpy(),
        "g_av": table["estimate"].to_numpy(), "CI low": table["ci_low"].to_numpy(),
        "CI high": table["ci_high"].to_numpy(), "p (BH)": table["p_adjusted"].to_numpy()})
    b.statistics("school_measures", frame, group="Measure", n="Schools",
                 columns={f"{spec.baseline} mean": "{:.2f}", f"{spec.end} mean": "{:.2f}", "g_av": "{:.2f}",
                          "CI low": "{:.2f}", "CI high": "{:.2f}", "p (BH)": "p"}, level=3,
                 title=f"School measures at {spec.baseline} and {spec.end} (the same schools)",
                 note="Schools with the measure at both times. g_av: mean change over the average of the two SDs, "
                      "small-sample corrected, 95% CI; p from the paired t test, Benjamini-Hochberg adjusted across "
                      "the measures.")


def _quotes(texts: pd.Series, policy: DisclosurePolicy, tid: str, title: str, what: str, *, level: int
            ) -> list[ProtectedTable]:
    """Up to three quotes of redacted text, only when at least the comment threshold of texts were written,
    never one that carries a redaction mark or was held for review, never attributed to a school."""
    vals = [str(v).strip() for v in texts.dropna() if len(str(v).split()) >= 3]
    if len(vals) < policy.comment_threshold:
        return []
    picks = measures.pick_quotes(vals)
    if not picks:
        return []
    return [passthrough(tid, title, pd.DataFrame({"Text": [f"\u201c{p}\u201d" for p in picks]}),
                        note=f"From {len(vals):,} texts: {what}. Quoted only because at least "
                             f"{policy.comment_threshold} were written; names and contact details are removed, texts "
                             "that had any removed are not quoted, and no quote names its school.", level=level)]


def _reactions(b: Bundle, plain: list[ProtectedTable], cfg: ProjectConfig, store: ProcessedData, program: Program,
               events: pd.DataFrame, registered: list[str], phases: list[str]) -> tuple[list[str], list[str]]:
    """Level 1 by phase from the session evaluations (surveys of the ``event`` wave), with comment themes and
    quotes. Returns the instruments used and the reaction tables' ids."""
    from evalkit.report.inputs import Inputs

    evs = [t for t in sources(cfg, store, kind=SourceKind.survey, program=program.id)
           if t.source.wave == "event" and "event_id" in t.data
           and (not program.instruments or t.source.instrument in program.instruments)]
    if not evs or events.empty or "phase" not in events:
        return [], []
    d = pd.concat([t.data for t in evs], ignore_index=True)
    d = d[d["event_id"].astype(str).isin(set(events["event_id"].astype(str)))]
    if "wrong_event" in d:
        d = d[~d["wrong_event"].fillna(False).astype(bool)]
    if PERSON in d:
        # answers of people not on the network's roster (a forwarded link) speak for no principal
        d = d[d[PERSON].isin(set(registered)) | d[PERSON].isna()]
    if d.empty:
        return [], []
    phase_of = events.set_index(events["event_id"].astype(str))["phase"].astype("string")
    held = [p for p in phases if p in set(phase_of.dropna())]
    by_phase = d.assign(event_id=d["event_id"].astype(str).map(phase_of))
    by_phase = by_phase[by_phase["event_id"].notna()]
    name = evs[0].source.instrument
    data = Inputs(roster=pd.DataFrame(), events=pd.DataFrame({"event_id": held}), schools=set(),
                  attendance=pd.DataFrame(), evals=by_phase, waves={}, staff={}, eval_instrument=name)
    measures.reactions(b, data, cfg, by="phase", total="All sessions")
    real = Inputs(roster=pd.DataFrame(), events=events, schools=set(), attendance=pd.DataFrame(), evals=d, waves={},
                  staff={}, eval_instrument=name)
    plain += measures.comments(b, real, cfg, store, b.policy)
    ids = [t for t in ("evaluations_by_event", "event_ratings", "event_nps", "comment_themes") if t in b.tables]
    return [name] if name else [], ids


def _charts(T: dict[str, ProtectedTable]) -> list[tuple[str, str, Any]]:
    from evalkit.report import charts as ch

    plan_ = []
    if "attendance_by_session" in T:
        plan_.append(("attendance", "participation", lambda: ch.bar_chart(
            T["attendance_by_session"], "Attendees", title="Attendance by session", xlabel="Registered attendees")))
    if "cycle_funnel" in T:
        f = T["cycle_funnel"]
        steps = [str(r) for r in f.display.iloc[1:, 0]]
        plan_.append(("funnel", "cycle", lambda: ch.bar_chart(
            f, "Reached", title="Principals reaching each step of the inquiry cycle", xlabel="Principals",
            rows=steps)))
    return plan_


def _summary(T: dict[str, ProtectedTable], program: Program) -> dict[str, list[str]]:
    """The executive summary's sentences, each quoting protected cells only (a hidden one drops its sentence)."""
    levels: list[str] = []
    findings: list[str] = []
    # labels (phases, steps, domains) are the project's own words and may hold digits: they stay out of the
    # templates, which quote protected cells only
    p = T.get("phase_participation")
    if p is not None:
        parts = [f"{s} in {row}" for row in (str(r) for r in p.display.iloc[:, 0])
                 if (s := sentence("{a} of {r}", a=(p, row, "Attended at least one"), r=(p, row, "Registered")))]
        if parts:
            levels.append("Participation: principals attending at least one session: " + "; ".join(parts) + ".")
    f = T.get("cycle_funnel")
    if f is not None and program.cycle is not None:
        steps = list(program.cycle.steps)
        last = _step_label(len(steps), steps[-1])
        s = sentence("{k} of the {n} principals completed every step of the inquiry cycle ({pct})",
                     k=(f, last, "Reached"), n=(f, "Principals in the cycle", "Reached"), pct=(f, last, "% of principals"))
        if s:
            levels.append("Inquiry cycle (Level 4): " + s + ".")
        # where they stall: the largest drop between two consecutive published counts (said without its size,
        # which is a difference of program records and may be small)
        rows = [str(r) for r in f.display.iloc[1:, 0]]
        reached = [f.shown(r, "Reached") for r in rows]
        drops = [(a - c, i) for i, (a, c) in enumerate(zip(reached, reached[1:])) if a is not None and c is not None]
        if drops and max(drops)[0] > 0:
            _, i = max(drops)
            name = lower_first(rows[i].split(". ", 1)[1])
            levels.append(f"Where principals stall: more principals stop after “{name}” than after any "
                          "other step.")
            findings.append(f"Principals most often stop after “{name}”. Next step: look at what the "
                            "next step asks of a principal and what support the network gives there.")
    m = T.get("moved_up")
    if m is not None:
        for row in (str(r) for r in m.display.iloc[:, 0]):
            s = sentence("{pct} of the {n} schools rated at both times moved up at least one rubric level (95% CI "
                         "{lo} to {hi})", n=(m, row, "Schools"), pct=(m, row, "% moved up"),
                         lo=(m, row, "CI low"), hi=(m, row, "CI high")) \
                or sentence("{pct} of the {n} schools rated at both times moved up at least one rubric level",
                            n=(m, row, "Schools"), pct=(m, row, "% moved up"))
            if s:
                levels.append(f"School assessments (Level 3), {lower_first(row)}: {s}.")
    t = T.get("step_times")
    if t is not None:
        gaps = [(t.shown(str(r), "Median days"), str(r)) for r in t.display.iloc[:, 0]]
        gaps = [(v, r) for v, r in gaps if v is not None]
        if gaps:
            _, row = max(gaps)
            s = sentence("a median of {m} days (95% CI {lo} to {hi})", m=(t, row, "Median days"),
                         lo=(t, row, "CI low"), hi=(t, row, "CI high"))
            if s:
                a, c = (int(x) for x in row.split(" to "))
                levels.append(f"The longest wait in the cycle is from step {a} to step {c} "
                              f"(\u201c{lower_first(program.cycle.steps[c - 1])}\u201d): {s}.")
    q = T.get("school_measures")
    if q is not None:
        cols = [str(c) for c in q.display.columns]
        for row in (str(r) for r in q.display.iloc[:, 0]):
            lo, hi = q.shown(row, "CI low"), q.shown(row, "CI high")
            a, c = sentence("{a}", a=(q, row, cols[2])), sentence("{c}", c=(q, row, cols[3]))
            st = sentence("(g {g}, 95% CI {lo} to {hi})", g=(q, row, "g_av"), lo=(q, row, "CI low"),
                          hi=(q, row, "CI high"))
            if a and c and st and lo is not None and hi is not None:
                # the column titles name the rounds ("Fall mean"): the words come from the table, not a template
                text = (f"School measures (Level 3), {lower_first(row)}: from {a} at {cols[2][:-5]} to {c} at "
                        f"{cols[3][:-5]} {st}, " + change_words(lo, hi))
                p = q.shown(row, "p (BH)")
                if (lo > 0 or hi < 0) and p is not None and p >= 0.05:
                    # the interval is of one measure; the adjusted p allows for testing several at once
                    text += ", though not once the test allows for the several measures tested together"
                levels.append(text + ".")
    r = T.get("event_ratings")
    if r is not None:
        cols = [str(c) for c in r.display.columns[2:]]
        said = [f"\u201c{lower_first(c)}\u201d {s}" for c in cols
                if (s := sentence("{p}", p=(r, "All sessions", c)))]
        if said:
            levels.append("Reactions (Level 1), percent favorable over all sessions: " + "; ".join(said) + ".")
    return {"levels": levels, "findings": findings, "reading": reading_notes(" ".join(levels + findings))}
