"""The network report: a network of leaders meeting a few times a year (programs of kind ``network``).

One report per cohort: who took part and how much (attendance by meeting, hours offered and received by
modality, the participation funnel from registration to professional development points), Level 1 reactions
and Level 4 intended use from the end-of-network evaluation, and Level 2 as the retrospective pre-post inside
that one evaluation (each person's "before the network" rating against their "now" rating, paired, with the
response-shift caveat). PDPs appear as a count under the suppression rule; the identified list never does
(``evalkit pdp``).

Built from the anonymized store alone; every figure about people goes through one
:class:`~evalkit.disclose.Bundle`; the prose comes from ``templates/prose/network/``.
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
from evalkit.report.inputs import (PERSON, ReportUnit, cohort_units, modality_label, open_release, program_people,
                                   sources)
from evalkit.report.prose import join_words
from evalkit.report.sections import plan
from evalkit.report.summary import change_words, lower_first, reading_notes
from evalkit.report.survey import _favorable_table, _rated_items, _Survey
from evalkit.report.writer import save_charts, sections_from, write_facts, write_tables

if TYPE_CHECKING:  # pragma: no cover
    from evalkit.disclose import ReleaseLedger
    from evalkit.processed import ProcessedData

__all__ = ["network_units", "build_network_artifacts", "retro_pairs"]


def network_units(cfg: ProjectConfig) -> list[ReportUnit]:
    """One report per cohort of each network program (one for the program when it lists no cohort)."""
    return cohort_units(cfg, ProgramKind.network)


def retro_pairs(inst: Any) -> dict[str, str]:
    """The instrument's retrospective-pre scales paired with their "now" scales: ``{now: before}``.

    A scale is a retrospective pre when each of its items is asked in the ``retro_pre`` wave and names the
    item it mirrors (``same_as``); its "now" scale is the one holding exactly those mirrored items.

    >>> from types import SimpleNamespace as N
    >>> items = {"b1": N(wave="retro_pre", same_as="n1"), "b2": N(wave="retro_pre", same_as="n2"),
    ...          "n1": N(wave=None, same_as=None), "n2": N(wave=None, same_as=None)}
    >>> inst = N(items=items, scales={"now": N(items=["n1", "n2"]), "before": N(items=["b1", "b2"])})
    >>> retro_pairs(inst)
    {'now': 'before'}
    """
    out = {}
    for name, sc in inst.scales.items():
        its = [inst.items[i] for i in sc.items if i in inst.items]
        if not its or not all(it.wave == "retro_pre" and it.same_as for it in its):
            continue
        mirrored = {it.same_as for it in its}
        now = next((n for n, other in inst.scales.items() if n != name and set(other.items) == mirrored), None)
        if now is not None:
            out[now] = name
    return out


def build_network_artifacts(cfg: ProjectConfig, store: ProcessedData, unit: ReportUnit, out_dir: Path, *,
                            ledger: ReleaseLedger | None = None, allow_rerelease: str | None = None
                            ) -> tuple[Path, ProtectedBundle]:
    """Write ``out_dir/facts.json``, ``tables/``, ``charts/`` and ``disclosure_log.json`` for one network cohort.

    Returns the folder and the protected bundle (for the release ledger).
    """
    from evalkit.analyze.participation import participation_funnel, pdp_eligibility, person_hours

    policy, as_of, release_id, b = open_release(cfg, unit)
    n_min = policy.n_min
    program = cfg.project.program(unit.program)
    plain: list[ProtectedTable] = []
    evidence: dict[str, str | None] = {}

    people = program_people(cfg, store, program.id)
    events, registered, attended = people.events, people.registered, people.attended
    hours = person_hours(attended, events)
    surveys = [_Survey(t.source, str(t.source.instrument), cfg.codebook.instruments[t.source.instrument], t.data)
               for t in sources(cfg, store, kind=SourceKind.survey, program=program.id)
               if not program.instruments or t.source.instrument in program.instruments]
    final = surveys[0] if surveys else None
    outsiders = 0
    if final is not None and PERSON in final.data:
        # the evaluation speaks for the network's participants: answers of people not on its roster (a guest, a
        # colleague forwarded the link) are left out, and the responses table says how many
        keep = final.data[PERSON].isin(set(registered))
        outsiders = int((~keep).sum())
        final = _Survey(final.source, final.instrument, final.inst, final.data[keep.to_numpy()])
    completed = set(final.data[PERSON].dropna()) & set(registered) if final is not None and PERSON in final.data else set()
    rule = program.pdp

    # -- participation ---------------------------------------------------------------------------------
    if registered:
        b.universe(f"{b.unit}/registered", pd.DataFrame({"all": ["Registered participants"] * len(registered)}),
                   ["all"])
        b.counts("registered", f"{b.unit}/registered", rows="all", row_title="Group", title="Registered participants",
                 margins=False, note="Registered participants of the network, those who withdrew left out.")
    if len(events):
        ev = events.sort_values("event_date") if "event_date" in events else events
        plain.append(passthrough("events", "Meetings and working groups", pd.DataFrame({
            "Event": ev["event_id"].astype(str),
            "Date": pd.to_datetime(ev["event_date"], errors="coerce").dt.strftime("%Y-%m-%d"),
            "Modality": ev["event_type"].map(modality_label),
            "Hours": pd.to_numeric(ev["hours"], errors="coerce").map(lambda v: f"{v:g}"),
            "Topic": ev["topic"].astype(str)}), note="The network's schedule."))
    # events of a type nobody recorded attendance for (working groups kept no sign-in) are left out of the
    # attendance and dosage tables, which say so, rather than shown as zero
    recorded_types = set(events.loc[events["event_id"].astype(str).isin(set(attended["event"].astype(str))),
                                    "event_type"]) if len(events) else set()
    unrecorded = sorted({modality_label(t).lower() for t in events["event_type"]}
                        - {modality_label(t).lower() for t in recorded_types}) if len(events) else []
    recorded = events[events["event_type"].isin(recorded_types)] if len(events) else events
    if len(attended) and len(events):
        ids = [str(e) for e in recorded["event_id"]]
        b.universe(f"{b.unit}/attendance", attended, ["event"],
                   categories={"event": ids})
        b.counts("attendance_by_event", f"{b.unit}/attendance", rows="event", row_title="Event",
                 title="Attendance by meeting", count_title="Attendees", margins=False,
                 note="Registered participants marked present or in part on the coordinator's roster or sign-in "
                      "sheets (facilitators and guests not counted)."
                      + (f" No attendance was recorded for {join_words(unrecorded)} sessions, so they are not "
                         "counted here." if unrecorded else ""))
        _dosage(b, recorded, attended, registered, unrecorded)
    _working_groups(b, cfg, store, program.id, registered)
    evidence["attendance"] = None if len(attended) else "no attendance records"
    funnel = participation_funnel(registered, hours, completed, rule) if registered else pd.DataFrame()
    if len(funnel):
        frame = funnel.rename(columns={"step": "Step", "people": "People"})
        frame["% of registered"] = 100.0 * frame["People"] / max(len(registered), 1)
        frame.loc[0, "% of registered"] = np.nan
        b.statistics("funnel", frame, group="Step", n="People", columns={}, shares=["% of registered"],
                     share_of={"% of registered": ("People", ("Registered", "People"))},
                     title="Participation funnel: from registration to professional development points",
                     note=_funnel_note(rule))
    pdp_count = None
    if rule is not None and registered:
        elig = pdp_eligibility(registered, hours, completed, rule)
        pdp_count = int(elig["eligible"].sum())
    evidence["pdp"] = None if rule is not None else "no PDP rule in the project file"

    # -- evaluation: reactions, retrospective pre-post, intended use -----------------------------------
    by_level: dict[int, list[str]] = {1: [], 2: [], 4: []}
    if final is not None and len(final.data):
        frame = pd.DataFrame({"Survey": [final.inst.title], "Responses": [float(len(final.data))],
                              "Registered": [float(len(registered))]})
        frame["Response rate"] = 100.0 * frame["Responses"] / frame["Registered"] if registered else np.nan
        b.statistics("responses", frame, group="Survey", n="Responses", columns={"Registered": "{:,.0f}"},
                     shares=["Response rate"], share_of={"Response rate": ("Responses", "Registered")},
                     title="Responses to the end-of-network evaluation",
                     note="Responses of registered participants kept after cleaning, over the registered "
                          "participants." + (" Answers of people not on the network's roster are left out of "
                                             "this report." if outsiders else ""))
        for lv in (1, 4):
            items = [i for i in _rated_items(final, cfg, lv) if final.inst.items[i].wave in (None, final.wave)]
            if items and int(final.data[items].notna().any(axis=1).sum()) >= n_min:
                tid = f"favorable_l{lv}"
                _favorable_table(b, tid, final, cfg, items, lv)
                by_level[lv].append(tid)
        if _retro(b, cfg, final, n_min):
            by_level[2].append("retro_prepost")
    per_meeting = _per_meeting(b, cfg, store, program.id, events, registered)
    by_level[1] = per_meeting + by_level[1]
    for lv in (1, 2, 4):
        evidence[f"level{lv}"] = None if by_level[lv] else (
            "no evaluation" if final is None else f"{policy.suppressed_text} responses" if len(final.data) < n_min
            else "not asked")
    if rule is not None and pdp_count is not None:
        b.statistics("pdps", pd.DataFrame({"Group": ["Earned PDPs"], "Participants": [float(pdp_count)],
                                           "Registered": [float(len(registered))],
                                           "% of registered": [100.0 * pdp_count / len(registered)]}),
                     group="Group", n="Participants", columns={"Registered": "{:,.0f}"}, shares=["% of registered"],
                     share_of={"% of registered": ("Participants", "Registered")},
                     title="Professional development points issued", note=_funnel_note(rule))
    measures.quality(b, cfg, store, unit)

    used = [final.instrument] if final is not None else []
    plain += [appendix.methods(), appendix.software(), *appendix.instruments(cfg, used)]
    protected = b.protect(ledger=ledger, allow_rerelease=allow_rerelease)
    plain.append(appendix.glossary(cadres=False, change=bool(by_level[2]), nps=False))
    T, specs = write_tables(Path(out_dir), plain, protected)
    charts = save_charts(_charts(T), Path(out_dir))
    # each result once: a table a chart draws goes to the appendix of detailed tables
    charted = {"attendance": "attendance_by_event", "retro": "retro_prepost"}
    moved = [charted[c] for c in charts if c in charted]
    evidence["detail"] = None if moved else "none"

    decisions = plan(ProgramKind.network, evidence, levels=sorted(int(v) for v in program.guskey_levels) or [1, 2, 4])
    ctx = {"program": program, "unit": unit, "n_min": n_min, "rule": rule,
           "summary": _summary(T, rule), "hidden_figures": len(protected.log),
           "quality_table": "data_quality" in T, "retro": bool(by_level[2]),
           # reactions per meeting need an evaluation after each meeting (a survey of the "event" wave)
           "per_meeting": bool(per_meeting)}
    tables_of = {"participation": [t for t in ("registered", "events", "attendance_by_event", "dosage",
                                               "working_groups") if t in T],
                 "funnel": [t for t in ("funnel",) if t in T], "pdps": [t for t in ("pdps",) if t in T],
                 "reactions": [*per_meeting, "responses", *(t for t in by_level[1] if t not in per_meeting)],
                 "learning": by_level[2], "use": by_level[4],
                 "appendix_methods": ["methods", "software"],
                 "appendix_instruments": [t for t in T if t.startswith("instrument_")],
                 "appendix_disclosure": ["disclosure_log"] if protected.log else [],
                 "data_quality": ["data_quality"], "glossary": ["glossary"]}
    tables_of["appendix_items"] = moved
    sections = sections_from(decisions, "network", tables_of, T, ctx, leave_out=moved)
    headline = [{"label": "Registered", "value": T["registered"].text("Registered participants", "n")
                 if "registered" in T else "none"},
                ]
    if "responses" in T:
        row = str(T["responses"].display.iloc[0, 0])
        headline.append({"label": "Answered the final evaluation", "value": T["responses"].text(row, "Responses")})
    if "pdps" in T:
        headline.append({"label": "Participants earning PDPs", "value": T["pdps"].text("Earned PDPs", "Participants")})
    write_facts(Path(out_dir), cfg=cfg, store=store, program=unit.program, program_name=program.name,
                unit=unit.cadre, cohort=unit.cohort, release_id=release_id, as_of=as_of, policy=policy,
                protected=protected, headline=headline, sections=sections, specs=specs, charts=charts,
                generated_by="evalkit.report.network")
    return Path(out_dir), protected


def _per_meeting(b: Bundle, cfg: ProjectConfig, store: ProcessedData, program: str, events: pd.DataFrame,
                 registered: list[str]) -> list[str]:
    """Reactions meeting by meeting, from evaluations after each event (a survey of the ``event`` wave) of the
    program's registered participants: the cadre report's tables (:func:`evalkit.report.measures.reactions`),
    one row per meeting and one for all. Returns the table ids (none without such evaluations)."""
    from evalkit.report.inputs import Inputs

    evs = [t for t in sources(cfg, store, kind=SourceKind.survey, program=program)
           if t.source.wave == "event" and "event_id" in t.data]
    if not evs or events.empty:
        return []
    d = pd.concat([t.data for t in evs], ignore_index=True)
    d = d[d["event_id"].astype(str).isin(set(events["event_id"].astype(str)))]
    if PERSON in d:
        d = d[d[PERSON].isin(set(registered))]
    if d.empty:
        return []
    held = events[events["event_id"].astype(str).isin(set(d["event_id"].astype(str)))]
    data = Inputs(roster=pd.DataFrame(), events=held, schools=set(), attendance=pd.DataFrame(), evals=d, waves={},
                  staff={}, eval_instrument=evs[0].source.instrument)
    measures.reactions(b, data, cfg)
    return [t for t in ("event_ratings", "event_nps", "evaluations_by_event") if t in b.tables]


def _working_groups(b: Bundle, cfg: ProjectConfig, store: ProcessedData, program: str, registered: list[str]) -> None:
    """Members of each working group, from a wide roster's ``group_column`` (small groups pooled)."""
    for src in cfg.project.sources:
        if (src.kind != SourceKind.attendance or not src.group_column or src.program not in (None, program)
                or src.id not in store.tables):
            continue
        d = store.tables[src.id]
        if PERSON not in d or src.group_column not in d:
            continue
        d = d[d[PERSON].isin(registered)].drop_duplicates(PERSON)
        group = d[src.group_column].astype("string").str.strip()
        frame = pd.DataFrame({"group": group.where(group.fillna("").ne(""), "No working group").to_numpy()})
        b.universe(f"{b.unit}/groups", frame, ["group"])
        b.counts("working_groups", f"{b.unit}/groups", rows="group", row_title="Working group",
                 title="Working-group membership", merge_small="Other working groups (pooled)",
                 note="Registered participants by the working group the coordinator's roster lists them in. Groups "
                      "with fewer members than the threshold are pooled.")
        return


def _funnel_note(rule: Any) -> str:
    if rule is None:
        return "No rule for professional development points is set in the project file."
    parts = []
    if rule.min_hours is not None:
        parts.append(f"at least {rule.min_hours:g} hours of " + (join_words(
            [modality_label(t).lower() for t in rule.event_types]) + " events"
            if rule.event_types else "events") + " attended")
    if rule.min_meetings is not None:
        parts.append(f"at least {rule.min_meetings} events attended")
    if rule.evaluation is not None:
        parts.append("the end-of-network evaluation completed")
    return ("The program's rule for professional development points (PDPs): " + join_words(parts)
            + f"; {rule.points_per_hour:g} PDP per hour attended. Counts under the threshold are not shown.")


def _dosage(b: Bundle, events: pd.DataFrame, attended: pd.DataFrame, registered: list[str],
            unrecorded: list[str]) -> None:
    """Hours offered and mean hours received per registered participant, by modality."""
    from evalkit.analyze.participation import person_hours

    ev = events.assign(h=pd.to_numeric(events["hours"], errors="coerce").fillna(0.0),
                       m=events["event_type"].map(modality_label))
    rows = []
    for m, g in ev.groupby("m", sort=False):
        # each person's hours at this modality's events, zero for those who attended none
        per = person_hours(attended, g).set_index("person")["hours"].reindex(registered, fill_value=0.0)
        rows.append({"Modality": m, "n": float(len(registered)), "Events": f"{len(g)}", "Hours offered": float(g["h"].sum()),
                     "Mean hours attended": float(per.mean()) if len(per) else np.nan,
                     "SD": float(per.std(ddof=1)) if len(per) > 1 else np.nan})
    b.statistics("dosage", pd.DataFrame(rows), group="Modality", n="n", text_columns=["Events"],
                 columns={"Hours offered": "{:g}", "Mean hours attended": "{:.1f}", "SD": "{:.1f}"},
                 title="Dosage: hours offered and received by modality",
                 note="Hours of the events each registered participant attended, averaged over all registered "
                      "participants (those who attended none count as zero)."
                      + (f" {join_words(unrecorded).capitalize()} sessions are left out: no attendance was recorded "
                         "for them." if unrecorded else ""))


def _retro(b: Bundle, cfg: ProjectConfig, s: _Survey, n_min: int) -> bool:
    """The retrospective pre-post inside one evaluation: each respondent's "before" scale score against their
    "now" score (paired), with Hedges' g_av and its interval (:func:`evalkit.analyze.prepost_table`)."""
    from evalkit.analyze import prepost_table, score_scales

    pairs = retro_pairs(s.inst)
    if not pairs or PERSON not in s.data:
        return False
    scored = score_scales(s.data, s.inst, cfg.codebook).scores
    person = s.data[PERSON].astype("string").to_numpy()
    pre = pd.DataFrame({now: scored[before].to_numpy() for now, before in pairs.items()}).assign(person=person)
    post = pd.DataFrame({now: scored[now].to_numpy() for now in pairs}).assign(person=person)
    ok = pre[list(pairs)].notna().all(axis=1) & post[list(pairs)].notna().all(axis=1) & pre["person"].notna()
    if int(ok.sum()) < n_min:
        return False
    table = prepost_table(pre[ok], post[ok], scales=list(pairs), person="person")
    table = table[(table["group"] == "all") & (table["comparison"] == "post - pre")]
    label = {now: s.inst.scales[now].label.replace(" (now)", "") for now in pairs}
    frame = pd.DataFrame({
        "Measure": [label[sc] for sc in table["scale"]], "Respondents": table["n"].to_numpy(),
        "Before (looking back)": table["mean2"].to_numpy(), "Now": table["mean1"].to_numpy(),
        "g_av": table["estimate"].to_numpy(), "CI low": table["ci_low"].to_numpy(),
        "CI high": table["ci_high"].to_numpy(), "p (BH)": table["p_adjusted"].to_numpy()})
    b.statistics("retro_prepost", frame, group="Measure", n="Respondents",
                 columns={c: "{:.2f}" for c in ("Before (looking back)", "Now", "g_av", "CI low", "CI high")}
                 | {"p (BH)": "p"}, title="Level 2: now against looking back (the same respondents)", level=2,
                 note="Each respondent rated themselves now and, on the same form, as they were before the "
                      "network. g_av: mean change over the average of the two SDs, small-sample corrected, 95% CI; "
                      "p from the paired t test, Benjamini-Hochberg adjusted across the scales.")
    return True


def _charts(T: dict[str, ProtectedTable]) -> list[tuple[str, str, Any]]:
    from evalkit.report import charts as ch

    plan_ = []
    if "attendance_by_event" in T:
        plan_.append(("attendance", "participation", lambda: ch.bar_chart(
            T["attendance_by_event"], "Attendees", title="Attendance by meeting", xlabel="Registered attendees")))
    if "retro_prepost" in T:
        plan_.append(("retro", "learning", lambda: ch.dumbbell_chart(
            T["retro_prepost"], pre="Before (looking back)", post="Now", title="Now against looking back",
            xlabel="Mean (1-5 scale)", limits=(1, 5), n="Respondents",
            row_waves={str(r): ("Looking back", "Now") for r in T["retro_prepost"].display.iloc[:, 0]})))
    return plan_


def _summary(T: dict[str, ProtectedTable], rule: Any) -> dict[str, list[str]]:
    """The executive summary's sentences, each quoting protected cells only (a hidden one drops its sentence)."""
    levels: list[str] = []
    findings: list[str] = []
    f = T.get("funnel")
    if f is not None:
        s = sentence("{a} of the {r} registered participants attended at least one event",
                     a=(f, "Attended at least one event", "People"), r=(f, "Registered", "People"))
        if s:
            levels.append("Participation: " + s + ".")
    d = T.get("dosage")
    if d is not None:
        rows = [str(r) for r in d.display.iloc[:, 0]]
        parts = [p for p in (sentence("{m} of {o} hours", m=(d, r, "Mean hours attended"), o=(d, r, "Hours offered"))
                             for r in rows) if p]
        if parts:
            levels.append("Dosage: on average, participants attended " + join_words(
                [f"{p} ({r.lower()})" for p, r in zip(parts, rows)]) + " offered.")
    p = T.get("pdps")
    if p is not None:
        s = sentence("{k} participants ({pct} of those registered) earned professional development points",
                     k=(p, "Earned PDPs", "Participants"), pct=(p, "Earned PDPs", "% of registered"))
        if s:
            levels.append(s + ".")
    r = T.get("responses")
    if r is not None:
        row = str(r.display.iloc[0, 0])
        s = sentence("Response: {k} of the {n} registered participants answered the end-of-network evaluation "
                     "({pct})", k=(r, row, "Responses"), n=(r, row, "Registered"), pct=(r, row, "Response rate"))
        if s:
            levels.append(s + ".")
    r1 = T.get("favorable_l1")
    if r1 is not None:
        said = []
        for row in (str(r) for r in r1.display.iloc[:, 0] if not str(r).startswith("Scale: ")):
            s = sentence("{p}", p=(r1, row, "% favorable"))
            if s:
                said.append(f"\u201c{lower_first(row)}\u201d {s}")
        if said:
            levels.append("Reactions (Level 1), percent favorable on the end-of-network evaluation: "
                          + "; ".join(said) + ".")
    r2 = T.get("retro_prepost")
    if r2 is not None:
        for row in (str(x) for x in r2.display.iloc[:, 0]):
            lo, hi = r2.shown(row, "CI low"), r2.shown(row, "CI high")
            st = sentence("(mean {a} looking back, {b} now; g {g}, 95% CI {lo} to {hi})",
                          a=(r2, row, "Before (looking back)"), b=(r2, row, "Now"), g=(r2, row, "g_av"),
                          lo=(r2, row, "CI low"), hi=(r2, row, "CI high"))
            if st and lo is not None and hi is not None:
                levels.append(f"Learning (Level 2): respondents rate their {row[:1].lower() + row[1:]} higher now "
                              f"than they recall it before the network {st}: " + change_words(lo, hi) + ".")
                findings.append("Respondents report growth in " + row[:1].lower() + row[1:] + ". Next step: "
                                "confirm it with evidence beyond self-report, such as the districts' own records "
                                "of the work.")
    r4 = T.get("favorable_l4")
    if r4 is not None:
        rows = [str(r) for r in r4.display.iloc[:, 0]]
        if rows:
            s = sentence("{p} favorable", p=(r4, rows[0], "% favorable"))
            if s:
                levels.append(f"Use (Level 4): \u201c{rows[0]}\u201d: {s}.")
    return {"levels": levels, "findings": findings,
            "reading": reading_notes(" ".join(levels + findings))}
