"""The measures of a cadre report, each added to the report's disclosure :class:`~evalkit.disclose.Bundle`.

Each function computes with :mod:`evalkit.analyze` from the anonymized store and hands the results
to the bundle as counts, shares or statistics with the n they describe; nothing here decides what may
be shown (that is :meth:`Bundle.protect`) and nothing here writes a file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from evalkit.config import ProjectConfig, SourceKind
from evalkit.disclose import Bundle
from evalkit.disclose.bundle import format_share, pool_small
from evalkit.disclose.protected import SHOWN
from evalkit.report.inputs import DEFECTS, Inputs, ReportUnit, store_tables

if TYPE_CHECKING:  # pragma: no cover
    from evalkit.processed import ProcessedData

__all__ = ["reactions", "prepost", "staff", "quality", "outcomes", "weighted_outcomes", "OutcomeSummary",
           "outcome_label", "outcome_description", "share_measure"]


def reactions(b: Bundle, data: Inputs, cfg: ProjectConfig, *, by: str = "event", total: str = "All events"
              ) -> None:
    """Level 1 tables from the event evaluations: evaluations received, percent favorable and NPS per row of
    ``data.events`` (an event, or a group of events such as a phase when the caller maps ``event_id`` to it)
    and for all rows together (``total``)."""
    from evalkit.analyze import net_promoter_score, percent_favorable

    cb = cfg.codebook
    title = by.capitalize()
    evals = data.evals.assign(event=data.evals["event_id"].astype(str))
    b.universe(f"{b.unit}/evaluations", evals, ["event"], categories={"event": data.events["event_id"].astype(str)})
    b.counts("evaluations_by_event", f"{b.unit}/evaluations", rows="event", row_title=title, count_title="Evaluations",
             title=f"Event evaluations received by {by}" if by != "event" else "Event evaluations received",
             margins=False, level=1,
             note="After cleaning; evaluations that named another cadre's or program's event are left out."
             if by == "event" else "After cleaning; evaluations of other programs' sessions are left out.")
    name = data.eval_instrument
    if name is None:
        return
    inst = cb.instruments[name]
    items = rated_items(cfg, data)
    rows, nps_rows = [], []
    groups = [(e, evals[evals["event"] == e]) for e in data.events["event_id"].astype(str)] + [(total, evals)]
    for label, d in groups:
        row: dict[str, Any] = {"Event": label, "n": len(d)}
        pf = percent_favorable(d, name, cb, items=items, scales=[]) if len(d) else None
        for item in items:
            hit = None if pf is None else pf[pf["name"] == item]
            row[_short(inst.items[item].text)] = float(hit["pct"].iloc[0]) if hit is not None and len(hit) else np.nan
        rows.append(row)
        if not inst.nps_item or inst.nps_item not in d:
            continue
        x = pd.to_numeric(d[inst.nps_item], errors="coerce").dropna()
        nrow: dict[str, Any] = {"Event": label, "n": len(x)}
        if len(x) >= 2:
            est = net_promoter_score(x)
            nrow.update({"NPS": est.estimate, "CI low": est.ci_low, "CI high": est.ci_high,
                         "Promoters": 100 * est.extra["promoters"], "Passives": 100 * est.extra["passives"],
                         "Detractors": 100 * est.extra["detractors"]})
        nps_rows.append(nrow)
    frame = pd.DataFrame(rows).rename(columns={"Event": title})
    b.statistics("event_ratings", frame, group=title, n="n", columns={},
                 shares=[c for c in frame.columns if c not in (title, "n")],
                 title=f"Percent favorable by {by}", total_row=total, level=1,
                 note=f"Percent answering {favorable_labels(cfg, data)} among those who answered the item.")
    if not inst.nps_item or inst.nps_item not in evals:
        return
    nf = pd.DataFrame(nps_rows).reindex(columns=["Event", "n", "NPS", "CI low", "CI high", "Promoters", "Passives",
                                                 "Detractors"]).rename(columns={"Event": title})
    b.statistics("event_nps", nf, group=title, n="n",
                 columns={"NPS": "{:+.0f}", "CI low": "{:+.0f}", "CI high": "{:+.0f}"},
                 shares=["Promoters", "Passives", "Detractors"], title=f"Net Promoter Score by {by}",
                 coded_with=NPS_CODED_WITH,
                 total_row=total, level=1,
                 note="NPS = percent of promoters (9-10) minus percent of detractors (0-6); 95% CI from the "
                      "standard error of the +1/0/-1 scores.")


#: A coded promoter, passive or detractor share blanks its row's other shares, the NPS and its interval (the
#: interval's width gives promoters + detractors, which with the NPS gives both back); a total row pooling the
#: events loses the same (the Bundle's ``coded_with`` rule).
NPS_CODED_WITH = {s: ("Promoters", "Passives", "Detractors", "NPS", "CI low", "CI high")
                  for s in ("Promoters", "Passives", "Detractors")}


def rated_items(cfg: ProjectConfig, data: Inputs) -> list[str]:
    """The event evaluation's rated items: those whose response scale has favorable codes in the codebook,
    on the scale most of them share (one table and one chart of answers need one scale); never the NPS item."""
    from collections import Counter

    if data.eval_instrument is None:
        return []
    cb = cfg.codebook
    inst = cb.instruments[data.eval_instrument]
    items = [i for i, it in inst.items.items() if i in data.evals and i != inst.nps_item
             and cb.response_scales[it.scale].favorable and it.wave in (None, "event")]
    if not items:
        return []
    common = Counter(inst.items[i].scale for i in items).most_common(1)[0][0]
    return [i for i in items if inst.items[i].scale == common]


def favorable_labels(cfg: ProjectConfig, data: Inputs) -> str:
    """The favorable answers of the rated items' scale, as the report names them ("Agree or Strongly agree")."""
    from evalkit.report.prose import join_words

    items = rated_items(cfg, data)
    if not items:
        return "the favorable answers"
    scale = cfg.codebook.response_scales[cfg.codebook.instruments[data.eval_instrument].items[items[0]].scale]
    return join_words([f"\u201c{scale.codes[c]}\u201d" for c in scale.favorable if c in scale.codes], "or")


def _short(text: str) -> str:
    t = text.rstrip(".?")
    return t if len(t) <= 42 else t[:40].rsplit(" ", 1)[0] + "\u2026"


#: The change tables the cadre report names, by Guskey level (other levels get ``prepost_l<level>``).
PREPOST_TABLES = {2: ("prepost_learning", "Learning: before and after (matched respondents)"),
                  4: ("prepost_use", "Practice: before and after (matched respondents)")}


def scale_level(inst: Any, scale: str) -> int:
    """A scale's Guskey level: its own, else its instrument's, else 2 (a pre/post scale measures learning)."""
    return int(inst.scales[scale].guskey_level or inst.guskey_level or 2)


#: How a pre/post table names each comparison of ``prepost_table``, and the waves its "Earlier" and "Later"
#: columns then hold (a chart gives each wave one colour: the retrospective pre is earlier in one row and
#: later in another).
PREPOST_COMPARISONS = {"post - pre": ("after vs before", ("Before", "After")),
                       "post - retro_pre": ("after vs looking back", ("Looking back", "After")),
                       "retro_pre - pre": ("looking back vs before (response shift)", ("Before", "Looking back"))}


def prepost(b: Bundle, data: Inputs, cfg: ProjectConfig) -> None:
    from evalkit.analyze import prepost_table, reliability_table, score_scales

    cb = cfg.codebook
    name = data.participant_instrument
    inst = cb.instruments[name]
    person = data.person_column
    scored = {}
    for wave, d in data.waves.items():
        s = score_scales(d, inst, cb)
        # the person key stays in memory: it pairs the waves and is never written
        scored[wave] = s.scores.assign(person=d[person].astype("string").str.strip().str.casefold().to_numpy())
    pre, post = scored["pre"], scored["post"]
    # Every row of the table describes the same matched people: rows over overlapping but different
    # sets (26 matched beside 29 post respondents) would give away the mean of the few in between.
    matched = set(pre["person"].dropna()) & set(post["person"].dropna())
    pre_ids, post_ids = set(pre["person"].dropna()), set(post["person"].dropna())
    pre, post = pre[pre["person"].isin(matched)], post[post["person"].isin(matched)]
    shared = [s for s in inst.scales if s in pre and s in post and not s.endswith("_retro")]
    retro = {s: f"{s}_retro" for s in shared if f"{s}_retro" in post}
    table = prepost_table(pre, post, scales=shared, person="person", retro=post if retro else None,
                          retro_scales=retro or None)
    table = table[table["group"] == "all"]
    label = {k: words for k, (words, _) in PREPOST_COMPARISONS.items()}
    fmt = "{:.2f}"
    levels = sorted({scale_level(inst, s) for s in table["scale"]})
    for level in levels:
        tid, title = PREPOST_TABLES.get(level, (f"prepost_l{level}", f"Level {level}: before and after (matched "
                                                                       "respondents)"))
        part = table[table["scale"].map(lambda s: scale_level(inst, s) == level)]
        if part.empty:
            continue
        codes = sorted({c for s in part["scale"] for i in inst.scales[s].items
                        for c in cfg.codebook.response_scales[inst.items[i].scale].codes})
        frame = pd.DataFrame({
            "Measure": [f"{inst.scales[s].label}: {label.get(c, c)}" for s, c in zip(part["scale"], part["comparison"])],
            "Matched n": part["n"].to_numpy(), "Earlier mean": part["mean2"].to_numpy(),
            "Earlier SD": part["sd2"].to_numpy(), "Later mean": part["mean1"].to_numpy(),
            "Later SD": part["sd1"].to_numpy(), "g_av": part["estimate"].to_numpy(),
            "CI low": part["ci_low"].to_numpy(), "CI high": part["ci_high"].to_numpy(),
            "d_z": part["estimate_secondary"].to_numpy(), "p (BH)": part["p_adjusted"].to_numpy()})
        b.statistics(tid, frame, group="Measure", n="Matched n",
                     columns={c: fmt for c in ("Earlier mean", "Earlier SD", "Later mean", "Later SD", "g_av",
                                               "CI low", "CI high", "d_z")} | {"p (BH)": "p"},
                     title=title, level=level,
                     note=f"{codes[0]}-{codes[-1]} scale. g_av: mean change over the average of the two SDs, "
                          "small-sample corrected "
                          "(primary); d_z: mean change over the SD of the changes; 95% CI. p from the paired t test, "
                          "Benjamini-Hochberg adjusted across the scales.")
    rel = reliability_table(data.waves["pre"], inst, cb)
    rel = rel[rel["scale"].isin(shared)]
    if len(rel):
        frame = pd.DataFrame({"Scale": rel["scale"].map(lambda s: inst.scales[s].label), "n": rel["n"],
                              "Items": rel["k"].astype(int).astype(str), "alpha": rel["alpha"],
                              "CI low": rel["alpha_ci_low"], "CI high": rel["alpha_ci_high"], "omega": rel["omega"]})
        b.statistics("reliability", frame, group="Scale", n="n", text_columns=["Items"],
                     columns={"alpha": fmt, "CI low": fmt, "CI high": fmt, "omega": fmt},
                     title="Scale reliability (pre survey)", level=2,
                     note="Cronbach's alpha with the Feldt 95% CI; McDonald's omega (one factor) beside it.")
    active = len(data.roster)
    counts = [len(pre_ids), len(post_ids), len(pre_ids & post_ids)]
    resp = pd.DataFrame({"Step": (["Active participants"] if active else []) + ["Pre survey", "Post survey",
                                                                                "Matched pre and post"],
                         "Respondents": ([active] if active else []) + counts})
    if active:
        resp["% of active participants"] = 100.0 * resp["Respondents"] / active
        resp.loc[0, "% of active participants"] = np.nan        # the base row: its own 100% says nothing
    b.statistics("participant_responses", resp, group="Step", n="Respondents", columns={},
                 shares=["% of active participants"] if active else [],
                 share_of={"% of active participants": ("Respondents", ("Active participants", "Respondents"))}
                 if active else None,
                 title="Participant flow: from the roster to matched pre/post responses", level=2,
                 note="Active participants are the cadre's roster without those who withdrew. Survey responses "
                      "are counted after cleaning (previews, partials, speeders, duplicates and withdrawn "
                      "participants removed). Only those who answered both surveys enter the before-and-after "
                      "comparison.")
    _matched_vs_unmatched(b, inst, scored, matched, shared)


def _matched_vs_unmatched(b: Bundle, inst: Any, scored: dict[str, pd.DataFrame], matched: set,
                          scales: list[str]) -> None:
    """Attrition check: each wave's scale means of those who answered both surveys against those who
    answered that wave only, with the standardized difference (Hedges' g, pooled SD). A large difference
    means the matched comparison may not describe everyone; groups under the threshold stay hidden."""
    from evalkit.analyze import hedges_g

    rows = []
    for wave, label in (("pre", "pre survey"), ("post", "post survey")):
        d = scored[wave]
        both = d[d["person"].isin(matched)]
        once = d[~d["person"].isin(matched)]
        for s in scales:
            a, o = both[s].dropna().to_numpy(float), once[s].dropna().to_numpy(float)
            g = hedges_g(a, o).estimate if len(a) > 1 and len(o) > 1 else np.nan
            rows.append({"Scale and wave": f"{inst.scales[s].label} ({label})", "Answered both n": len(a),
                         "Answered both mean": a.mean() if len(a) else np.nan,
                         "Answered one n": len(o), "Answered one mean": o.mean() if len(o) else np.nan,
                         "Difference (g)": g})
    # shown only when some row has both groups at the threshold; otherwise every row would be hidden and
    # the flow table already says how few answered once
    if any(min(r["Answered both n"], r["Answered one n"]) >= b.policy.n_min for r in rows):
        b.statistics("matched_vs_unmatched", pd.DataFrame(rows), group="Scale and wave",
                     n=["Answered both n", "Answered one n"],
                     columns={"Answered both mean": "{:.2f}", "Answered one mean": "{:.2f}",
                              "Difference (g)": "{:.2f}"},
                     title="Who answered both surveys and who answered one: scale means", level=2,
                     note="Participants who answered both surveys against those who answered one wave only. A "
                          "difference (g, those who answered both minus the others, in pooled SDs) beyond about "
                          "0.25 would mean the before-and-after comparison may not describe everyone. Rows where "
                          "either group is under the privacy threshold are hidden.")


_STAFF_ROLES = {"teacher": "Teachers", "specialist": "Specialists", "para": "Paraprofessionals", "other": "Other staff"}


#: The staff table's change columns: percentage points post minus pre, and its 95% interval.
STAFF_CHANGE = ("Change (points)", "Change CI low", "Change CI high")


def staff(b: Bundle, data: Inputs, cfg: ProjectConfig, n_min: int) -> None:
    from evalkit.analyze import favorable_change, percent_favorable

    cb = cfg.codebook
    name = next(n for n, i in cb.instruments.items() if i.anonymous)
    inst = cb.instruments[name]
    both = pd.concat([d.assign(wave=w) for w, d in data.staff.items()], ignore_index=True)
    both["school"] = pool_small(both, "school_code", n_min=n_min, label="Other schools (pooled)", within="wave")
    dims = ["school", "wave"]
    if "role_group" in both:
        both["role"] = both["role_group"].map(lambda v: _STAFF_ROLES.get(str(v), str(v).replace("_", " ").capitalize())
                                              if pd.notna(v) else v)
        dims.append("role")
    # one universe: the attacker combines the school table and the role table (their margins agree)
    b.universe(f"{b.unit}/staff", both, dims, categories={"wave": ["pre", "post"]})
    b.counts("staff_responses", f"{b.unit}/staff", rows="school", cols="wave", row_title="School",
             col_labels={"pre": "Pre", "post": "Post"}, title="Staff survey responses by school", level=3,
             note=f"Schools by code only; schools with fewer than {n_min} responses in a wave are pooled.")
    if "role" in dims:
        b.counts("staff_by_role", f"{b.unit}/staff", rows="role", cols="wave", row_title="Role group",
                 col_labels={"pre": "Pre", "post": "Post"}, title="Staff survey responses by role group", level=3,
                 note="All participating schools pooled; never crossed with schools. Counts under the threshold, "
                      "and any count that would give one away through the totals or the school table, are hidden.")
    rows = []
    schools = 0
    for s, sc in inst.scales.items():
        row: dict[str, Any] = {"Topic": sc.label}
        for w in ("pre", "post"):
            d = data.staff.get(w)
            if d is None or d.empty:
                row[f"{w.capitalize()} n"], row[f"{w.capitalize()} % favorable"] = 0, np.nan
                continue
            r = percent_favorable(d, name, cb, items=[], scales=[s]).query("level == 'scale'").iloc[0]
            row[f"{w.capitalize()} n"] = int(r["n_respondents"])
            row[f"{w.capitalize()} % favorable"] = float(r["pct"])
        row.update(dict.fromkeys(STAFF_CHANGE, np.nan))
        if all(data.staff.get(w) is not None and len(data.staff[w]) for w in ("pre", "post")):
            try:
                est = favorable_change(data.staff["pre"], data.staff["post"], name, cb, scale=s,
                                       cluster="school_code")
            except ValueError:
                pass                      # one school only, or no answers: no interval, the cells stay blank
            else:
                row.update(zip(STAFF_CHANGE, (est.estimate, est.ci_low, est.ci_high)))
                schools = max(schools, est.extra["n_clusters"])
        rows.append(row)
    b.statistics("staff_favorable", pd.DataFrame(rows), group="Topic", n=["Pre n", "Post n"],
                 columns=dict.fromkeys(STAFF_CHANGE, "{:+.1f}"),
                 shares=["Pre % favorable", "Post % favorable"], title="Staff survey: percent favorable by topic",
                 n_of={"Pre % favorable": "Pre n", "Post % favorable": "Post n"},
                 # a coded share (">95%") would come back as the other share plus the change
                 coded_with=dict.fromkeys(("Pre % favorable", "Post % favorable"), STAFF_CHANGE),
                 level=3, note="All participating schools pooled. Percent answering Agree or Strongly agree among "
                               "those who answered (\u201cDon't know\u201d left out). Change in percentage points "
                               "with a 95% CI that allows for staff answering within the same school (cluster-robust "
                               f"by school, {schools} schools"
                               + ("; with fewer than 20 schools the interval is approximate" if schools < 20 else "")
                               + "). The waves are different staff at the same schools, not the same people.")


#: Actions of the data-quality log (quality_log.csv, written by the clean stage) that mean the rule did not run.
_RULE_DID_NOT_RUN = ("off", "not_applicable")


def quality(b: Bundle, cfg: ProjectConfig, store: ProcessedData, unit: ReportUnit,
            rows: Mapping[str, set[int]] | None = None, *, trackers: bool = False, whose: str = "this cadre's"
            ) -> None:
    """The data-quality table: what each cleaning check recoded, flagged or dropped.

    With ``rows`` (source id -> the file rows of one cadre, :func:`unit_rows`) only that cadre's rows are
    counted, so a cadre's report says nothing about another cadre's data; rows that cleaning dropped are in
    no cadre's data and so in no cadre's table (the program summary counts them). Without ``rows``, every
    source of the program counts (rows or cells, as the log does).
    """
    kinds = {SourceKind.survey, SourceKind.roster, SourceKind.events, SourceKind.attendance}
    if trackers:    # a program whose own records are trackers (an inquiry cycle, school assessments)
        kinds.add(SourceKind.tracker)
    used = {s.id for s in cfg.project.sources if s.program in (unit.program, None) and s.kind in kinds}
    qlog = store.quality_log
    if qlog is None or qlog.empty:
        return
    q = qlog[qlog["source"].isin(used) & qlog["defect"].notna()
             & ~qlog["action"].isin(_RULE_DID_NOT_RUN)].copy()
    if rows is not None:
        def mine(e: pd.Series) -> int:
            found = rows.get(str(e["source"]))
            v = e["rows"]     # "14 30 49" in the CSV; a lone row may read back as a number
            listed = {int(float(r)) for r in str(v).split()} if isinstance(v, str) or pd.notna(v) else set()
            return len(listed & found) if found else 0
        q["count"] = [mine(e) for _, e in q.iterrows()] if len(q) else []
    if q.empty:
        return
    agg = q.groupby(["defect", "action"], as_index=False)["count"].sum()
    agg = agg[agg["count"] > 0]
    if agg.empty:
        return
    counted = "Rows" if rows is not None else "Rows or cells"
    frame = pd.DataFrame({"Check": [f"{DEFECTS.get(d, d.replace('_', ' ').capitalize())}: {a}"
                                    for d, a in zip(agg["defect"], agg["action"])],
                          counted: agg["count"].to_numpy()})
    if rows is not None:
        title = f"Data-quality checks: {whose} rows"
        note = (f"Rows of {whose} data (its roster, events, attendance, evaluations and surveys"
                + (", and its own records" if trackers else "") + ") that a "
                "cleaning check recoded or flagged, from the cleaning stage's data-quality log. Rows that "
                "cleaning removed (previews, tests, partial responses, speeders) belong to no report's data"
                + (" and are counted in the program summary" if whose == "this cadre's" else "")
                + ". Counts under the threshold are not shown.")
    else:
        title = "Data-quality checks (all of the program's sources)"
        note = "From the cleaning stage's data-quality log; counts under the threshold are not shown."
    b.statistics("data_quality", frame, group="Check", n=counted, columns={}, title=title, note=note)


def unit_rows(cfg: ProjectConfig, store: ProcessedData, unit: ReportUnit, data: Inputs) -> dict[str, set[int]]:
    """Per source of the program, the file rows (``source_row``, as the data-quality log numbers them) that
    belong to one cadre: its roster and events rows (the source's cadre column), survey rows of its cadre or
    its events, attendance rows of its events, anonymous staff rows of its schools."""
    from evalkit.report.inputs import PERSON

    events = set(data.events["event_id"].astype(str)) if len(data.events) else set()
    members = set(data.roster[PERSON].dropna()) if PERSON in data.roster else set()
    out: dict[str, set[int]] = {}
    for sid, t in store_tables(cfg, store).items():
        d, src = t.data, t.source
        if "source_row" not in d or src.program not in (None, unit.program):
            continue
        inst = cfg.codebook.instruments.get(src.instrument or "")
        if src.cadre_column and src.cadre_column in d:
            mask = d[src.cadre_column].astype("string") == unit.cadre
        elif "cadre_id" in d:
            mask = d["cadre_id"].astype("string") == unit.cadre
        elif "event_id" in d or "event_id_matched" in d:
            mask = d["event_id" if "event_id" in d else "event_id_matched"].astype("string").isin(events)
        elif inst is not None and inst.anonymous and "school_code" in d:
            mask = d["school_code"].astype("string").isin(data.schools)
        elif PERSON in d:
            mask = d[PERSON].isin(members)
        else:
            continue
        out[sid] = set(d.loc[mask.fillna(False).to_numpy(dtype=bool), "source_row"].astype(int))
    return out


def participation(b: Bundle, data: Inputs, n_min: int) -> None:
    """The cadre's attendance rate per event and hours attended per participant by modality.

    Teams and most role groups are smaller than ``n_min``, and a group's rate beside the cadre's (which two
    published counts give exactly) would give away the rest, so attendance is shown for the whole cadre.
    """
    from evalkit.report.inputs import MODALITY

    ro, ev = data.roster, data.events
    email = data.email_column
    if ro.empty or ev.empty or email is None:
        return
    people = ro.assign(who=ro[email])
    came = set(map(tuple, data.attendance[["event", "who"]].to_numpy())) if len(data.attendance) else set()
    # the whole cadre only: its rate is attendees over active participants, two published counts, so a role
    # group's rate beside it would pin down the other groups' attendance (31 of 32 came and "Other roles
    # >54%" left the principals at 9 or 10 of 10)
    row: dict[str, Any] = {"Group": "All participants", "n": len(people)}
    for e in ev["event_id"].astype(str):
        row[e] = 100.0 * sum((e, w) in came for w in people["who"]) / len(people) if len(people) else np.nan
    frame = pd.DataFrame([row])
    events = [c for c in frame.columns if c not in ("Group", "n")]
    b.statistics("attendance_rates", frame, group="Group", n="n", columns={}, shares=events,
                 share_of={("All participants", e): (("attendance_by_event", e, "Attendees"),
                                                     ("participants_by_role", "Total", "n")) for e in events},
                 title="Attendance rate by event",
                 note="Percent of the cadre's active participants who attended each event: the attendees "
                      "(attendance by event) over the active participants (participants by role). Role groups "
                      "and teams are too small to be shown one by one.")
    hours = pd.to_numeric(ev["hours"], errors="coerce").fillna(0).to_numpy()
    mod = ev["event_type"].map(lambda v: MODALITY.get(v, str(v))).to_numpy()
    ids = ev["event_id"].astype(str).to_numpy()
    per = {m: [] for m in dict.fromkeys(mod)}
    for w in people["who"]:
        for m in per:
            per[m].append(float(sum(h for e, h, mm in zip(ids, hours, mod) if mm == m and (e, w) in came)))
    frame = pd.DataFrame({"Modality": list(per), "n": [len(people)] * len(per),
                          "Hours offered": [float(hours[mod == m].sum()) for m in per],
                          "Mean hours attended": [float(np.mean(v)) for v in per.values()],
                          "SD": [float(np.std(v, ddof=1)) if len(v) > 1 else np.nan for v in per.values()]})
    b.statistics("dosage_attended", frame, group="Modality", n="n",
                 columns={"Hours offered": "{:g}", "Mean hours attended": "{:.1f}", "SD": "{:.1f}"},
                 title="Dosage received by modality",
                 note="Hours of events each active participant attended, averaged over all active participants "
                      "(those who attended none count as zero).")


def likert(b: Bundle, data: Inputs, cfg: ProjectConfig) -> list[str]:
    """Answer distributions of the event-evaluation items, all events pooled (the diverging bars).

    Returns the category labels in order, for the chart.
    """
    cb = cfg.codebook
    name = data.eval_instrument
    if name is None or data.evals.empty:
        return []
    inst = cb.instruments[name]
    items = rated_items(cfg, data)
    if not items:
        return []
    labels = cb.response_scales[inst.items[items[0]].scale].codes
    long = []
    for item in items:
        codes = pd.to_numeric(data.evals[item], errors="coerce")
        long.append(pd.DataFrame({"item": _short(inst.items[item].text),
                                  "answer": codes.map(lambda c: labels.get(int(c)) if c == c else None)}))
    frame = pd.concat(long, ignore_index=True).dropna(subset=["answer"])
    order = [labels[k] for k in sorted(labels)]
    b.universe(f"{b.unit}/event_answers", frame, ["item", "answer"], categories={"answer": order})
    b.shares("event_item_answers", f"{b.unit}/event_answers", group="item", response="answer", categories=order,
             total=False, row_title="Item", title="Event evaluations: answers by item (all events)", level=1,
             note="Percent of the evaluations that answered the item; \u201cN/A\u201d left out.")
    return order


def item_tables(b: Bundle, data: Inputs, cfg: ProjectConfig, n_min: int) -> None:
    """Full item tables with n: % favorable per item, pre and post (participants matched; staff pooled)."""
    from evalkit.analyze import percent_favorable

    cb = cfg.codebook
    if {"pre", "post"} <= set(data.waves):
        name = data.participant_instrument
        inst = cb.instruments[name]
        pre, post = data.waves["pre"], data.waves["post"]
        key = data.person_column
        if key:
            both = set(pre[key].dropna().str.strip().str.casefold()) & set(post[key].dropna().str.strip().str.casefold())
            pre = pre[pre[key].str.strip().str.casefold().isin(both)]
            post = post[post[key].str.strip().str.casefold().isin(both)]
        _item_table(b, "items_participants", "Participant survey items: percent favorable (matched respondents)",
                    inst, cb, name, {"Pre": pre, "Post": post}, percent_favorable, level=2)
    if data.staff:
        name = next(n for n, i in cb.instruments.items() if i.anonymous)
        _item_table(b, "items_staff", "Staff survey items: percent favorable (all participating schools)",
                    cb.instruments[name], cb, name, {w.capitalize(): d for w, d in data.staff.items()},
                    percent_favorable, level=3)


def _reversed_favorable(cb: Any, item: Any) -> str:
    """The answers that count as favorable for a reverse-worded item, in the scale's own words: the mirror
    (min + max - code) of the scale's favorable codes, e.g. "Strongly disagree or Disagree", "Never or Rarely"."""
    scale = cb.response_scales[item.scale]
    lo, hi = min(scale.codes), max(scale.codes)
    return " or ".join(scale.codes[c] for c in sorted(lo + hi - f for f in scale.favorable) if c in scale.codes)


def _item_table(b, tid, title, inst, cb, name, waves, percent_favorable, *, level) -> None:
    items = [i for i, it in inst.items.items() if cb.response_scales[it.scale].favorable
             and all(i in d for d in waves.values()) and not getattr(it, "wave", None)]
    rows = []
    results = {w: percent_favorable(d, name, cb, items=items, scales=[]).set_index("name") for w, d in waves.items()}
    number = {item: k for k, item in enumerate(inst.items, 1)}   # as the instruments table numbers them
    for i in items:
        row: dict[str, Any] = {"Item": f"Q{number[i]}: {_short(inst.items[i].text)}"
                                       + (f" (reverse-worded: favorable = {_reversed_favorable(cb, inst.items[i])})"
                                          if inst.items[i].reverse else "")}
        for w, res in results.items():
            row[f"{w} n"] = int(res.loc[i, "n"]) if i in res.index else 0
            row[f"{w} % favorable"] = float(res.loc[i, "pct"]) if i in res.index else np.nan
        rows.append(row)
    frame = pd.DataFrame(rows)
    b.statistics(tid, frame, group="Item", n=[f"{w} n" for w in waves], columns={},
                 shares=[f"{w} % favorable" for w in waves], title=title, level=level,
                 n_of={f"{w} % favorable": f"{w} n" for w in waves},
                 note="n: answers to the item (\u201cDon't know\u201d and N/A left out).")


def data_sources(b: Bundle, data: Inputs, cfg: ProjectConfig) -> None:
    """The data-source matrix: source x Guskey level x timing x n x response rate."""
    roster_n = len(data.roster)
    rows = []
    if data.evals is not None and len(data.evals):
        att = data.attendance.groupby("event").size() if len(data.attendance) else pd.Series(dtype=int)
        rows.append({"Source": "Event evaluations", "Guskey level": "1 (and 4)", "Timing": "after each event",
                     "n": int(len(data.evals)), "Invited": float(att.sum()) if att.sum() else np.nan,
                     "Response rate": 100.0 * len(data.evals) / att.sum() if att.sum() else np.nan})
    for wave in ("pre", "post"):
        if wave in data.waves:
            rows.append({"Source": f"Participant survey ({wave})", "Guskey level": "2 and 4",
                         "Timing": "start of the cadre" if wave == "pre" else "end of the cadre (with retrospective pre)",
                         "n": int(len(data.waves[wave])), "Invited": float(roster_n) if roster_n else np.nan,
                         "Response rate": 100.0 * len(data.waves[wave]) / roster_n if roster_n else np.nan})
    for wave, d in data.staff.items():
        rows.append({"Source": f"Staff survey ({wave}, anonymous)", "Guskey level": "3",
                     "Timing": "start of the year" if wave == "pre" else "end of the year", "n": int(len(d)),
                     "Response rate": np.nan})
    if len(data.attendance):
        rows.append({"Source": "Sign-in sheets and online join reports", "Guskey level": "participation",
                     "Timing": "each event", "n": int(data.attendance["who"].nunique()), "Response rate": np.nan})
    outcome = _outcome_source_row(data)
    if outcome:
        rows.append(outcome)
    if not rows:
        return
    frame = pd.DataFrame(rows)
    if "Invited" not in frame:
        frame["Invited"] = np.nan
    frame = frame[["Source", "Guskey level", "Timing", "n", "Invited", "Response rate"]]
    b.statistics("data_sources", frame, group="Source", n="n", columns={"Invited": "{:,.0f}"},
                 shares=["Response rate"], text_columns=["Guskey level", "Timing"],
                 share_of={"Response rate": ("n", "Invited")},
                 title="Data sources by Guskey level", level=None,
                 note="n: responses after cleaning. Invited: attendances for the event evaluations (one "
                      "evaluation per person per event), active participants for the participant surveys. "
                      "Response rate: n over invited. The staff survey is anonymous and has no roster, so no "
                      "rate is shown." + (" State school results: n is the students behind the cadre's figures in "
                                          "the latest year (the largest over the measures); they are published "
                                          "results, so no response rate applies." if outcome else ""))


def _outcome_source_row(data: Inputs) -> dict[str, Any] | None:
    """The data-source matrix row of the program's outcome sources: years covered, before or after the cohort."""
    rows = data.outcomes
    if rows is None or rows.empty or not (rows["group"] == "cadre").any():
        return None
    w = weighted_outcomes(rows[rows["group"] == "cadre"])
    first, last = int(w["school_year"].min()), int(w["school_year"].max())
    timing = f"yearly, {first} to {last}"
    if data.cohort_start is not None:
        timing += (" (all before the cadre: a baseline)" if last < data.cohort_start
                   else f" (from {data.cohort_start}: after the cadre began)")
    from evalkit.report.prose import capitalize_first

    return {"Source": "; ".join(capitalize_first(t) for t in data.outcome_titles), "Guskey level": "5",
            "Timing": timing, "n": int(w.loc[w["school_year"] == last, "n"].max()), "Response rate": np.nan}


# -- Level 5: school outcomes ---------------------------------------------------------------------

#: Display labels of the state outcome measures evalkit knows; other measures are labelled from their id.
_WWC_TEXT = {"satisfied": "satisfied", "satisfied_with_adjustment": "needs statistical adjustment",
             "not_satisfied": "not satisfied"}


@dataclass(frozen=True)
class OutcomeSummary:
    """What the Level 5 text needs about the outcome tables: years, table ids and counts of school results.

    Holds no figure about people (those are in the protected tables): years, and how many school-years
    the state suppressed, which the state's own file publishes.
    """

    measures: tuple[tuple[str, str, str], ...]   # (measure id, label, table id), in table order
    years: tuple[int, ...]                      # school years shown, ascending
    cohort_start: int | None
    baseline_year: int | None                   # last year before the cohort (None: no such year)
    post_years: tuple[int, ...]                 # years at or after the cohort's start
    suppressed: dict[str, int]                  # school-years left out for a state mark, by group
    missing: dict[str, int]                     # school-years without a number or without n tested, by group
    baseline_table: str | None = None
    change_table: str | None = None
    grant_years: tuple[int, ...] = ()           # years the file's grant program started, if any school has it
    grant_groups: tuple[str, ...] = ()          # which groups ("cadre", "comparison") hold grant schools

    @property
    def latest_year(self) -> int:
        return self.years[-1]


def share_measure(measure: str, measures: Mapping[str, Any] | None = None) -> bool:
    """Whether a measure is a percentage of students, 0-100 (top- and bottom-coded like every share).

    The project file says so (``programs[].outcome_measures.<id>.unit``); otherwise it is read from the
    measure's id ("..._pct_...", "..._rate"); other measures (scale scores) are shown as means.

    Examples
    --------
    >>> share_measure("ela_pct_meeting"), share_measure("scale_score"), share_measure("x", {"x": {"unit": "percent"}})
    (True, False, True)
    """
    spec = (measures or {}).get(measure)
    unit = spec.get("unit") if isinstance(spec, Mapping) else getattr(spec, "unit", None)
    if unit is not None:
        return unit == "percent"
    return any(w in measure.casefold() for w in ("pct", "percent", "rate", "share"))


def outcome_label(measure: str, measures: Mapping[str, Any] | None = None) -> str:
    """How tables name a measure: the project file's label, else its id made readable."""
    spec = (measures or {}).get(measure)
    return spec.label if spec is not None else measure.replace("_", " ").strip().capitalize()


def outcome_description(measure: str, measures: Mapping[str, Any] | None = None) -> str:
    """How sentences name a measure: the project file's description, else its label in lower case."""
    spec = (measures or {}).get(measure)
    if spec is not None and spec.description:
        return spec.description
    return outcome_label(measure, measures).lower()


def weighted_outcomes(rows: pd.DataFrame) -> pd.DataFrame:
    """Students-weighted mean of school results per group, measure and school year.

    .. math::

        \\bar v_{g,m,t} = \\frac{\\sum_{i \\in S_{g,m,t}} n_i v_i}{\\sum_{i \\in S_{g,m,t}} n_i}

    over :math:`S_{g,m,t}`, the schools of group *g* with a published value :math:`v_i` and a count of
    students tested :math:`n_i > 0` for measure *m* in year *t*. When :math:`v_i` is the percent of school
    *i*'s tested students who met the standard, :math:`n_i v_i / 100` is the number who met it, so the
    weighted mean is exactly the percent of all students tested at the group's schools who met it; an
    unweighted mean of school percentages would give a school of 50 students the weight of one of 2,000
    (Kish, 1965, ch. 2; the way states aggregate school results to districts). Values the state
    suppressed ("*", "<10") are left out, never imputed: with them out the mean describes the schools
    that were published, and the note counts the rest.

    Parameters
    ----------
    rows : DataFrame
        :func:`evalkit.report.inputs.outcome_rows`: ``group``, ``measure``, ``school_year``,
        ``school_code``, ``n``, ``value``, ``mark``.

    Returns
    -------
    DataFrame
        ``group``, ``measure``, ``school_year``, ``mean`` (NaN when no school is usable), ``n`` (the
        students behind the mean: the sum of :math:`n_i` over :math:`S`), ``schools`` (:math:`|S|`),
        ``suppressed`` (school results carrying a state mark) and ``missing`` (other school results without
        a number or without students tested).

    References
    ----------
    Kish, L. (1965). *Survey Sampling*. Wiley.

    Examples
    --------
    >>> rows = pd.DataFrame({"group": "cadre", "measure": "ela", "school_year": 2024, "school_code": ["a", "b", "c"],
    ...                      "n": [100.0, 300.0, 20.0], "value": [40.0, 60.0, float("nan")], "mark": [None, None, "*"]})
    >>> weighted_outcomes(rows)[["mean", "n", "schools", "suppressed"]].to_dict("records")
    [{'mean': 55.0, 'n': 400.0, 'schools': 2, 'suppressed': 1}]
    """
    keys = ["group", "measure", "school_year"]
    # one result per school, year and measure: two sources naming the same result must not count it twice
    d = rows.drop_duplicates(subset=[*keys, "school_code"], keep="first")
    marked = d["mark"].notna().to_numpy()
    n = pd.to_numeric(d["n"], errors="coerce").to_numpy(dtype=float)
    v = pd.to_numeric(d["value"], errors="coerce").to_numpy(dtype=float)
    used = ~marked & np.isfinite(v) & np.isfinite(n) & (n > 0)
    parts = pd.DataFrame({k: d[k].to_numpy() for k in keys})
    parts["w"] = np.where(used, n, 0.0)
    parts["wv"] = np.where(used, n * np.where(used, v, 0.0), 0.0)
    parts["schools"] = used.astype(int)
    parts["suppressed"] = marked.astype(int)
    parts["missing"] = (~used & ~marked).astype(int)
    out = parts.groupby(keys, sort=True).sum().reset_index()
    out["mean"] = np.where(out["w"] > 0, out["wv"] / out["w"].where(out["w"] > 0, 1.0), np.nan)
    return out.rename(columns={"w": "n"})[[*keys, "mean", "n", "schools", "suppressed", "missing"]]


def _coded(v: float, policy: Any, n: float | None = None) -> bool:
    """Whether a share of ``n`` people would be top- or bottom-coded (so a difference must not give its value
    away); ``n`` is the people the table's row is gated by, as the bundle codes the share."""
    return not np.isfinite(v) or format_share(v, policy, n)[1] != SHOWN


def _gate_columns(c: Any, k: Any) -> dict[str, int]:
    """The counts shown with a row: students (which gate it, ``_GATES``) and schools, for both groups."""
    return {"n": int(c.n) if c is not None else 0, "Schools": int(c.schools) if c is not None else 0,
            "Comparison n": int(k.n) if k is not None else 0,
            "Comparison schools": int(k.schools) if k is not None else 0}


#: The counts every Level 5 row is gated by (``Bundle.statistics`` hides the row when the smallest is under
#: n_min): the students behind the cadre's figure and behind the comparison's. The suppression rule protects
#: people; a school count is not one, and the schools' own results are published by the state, so the
#: number of schools is shown with its row (``_SCHOOLS``) and gates nothing.
_GATES = ["n", "Comparison n"]
_SCHOOLS = {"Schools": "{:,.0f}", "Comparison schools": "{:,.0f}"}


def outcomes(b: Bundle, data: Inputs, *, years: int | None = None) -> OutcomeSummary | None:
    """Level 5: state results of the cadre's schools and of the comparison schools by school year.

    For each measure and school year the students-weighted mean of the school results
    (:func:`weighted_outcomes`, :math:`\\sum n_i v_i / \\sum n_i`) of the cadre's schools and of every school
    in the file outside the program (the comparison: the program's other cadres take part at the same time,
    so they are left out of it), and their difference. Each row is a statistics row gated by the
    students behind both groups' figures (``_GATES``): a row resting on fewer than ``n_min`` students is
    hidden whole. The number of schools is shown beside each figure but gates nothing (it counts no
    person, and each school's own result is already public).
    Percentages are top- and bottom-coded like every share, and a difference is left blank where either
    percentage is coded, so it cannot undo the coding.

    When the data reach the cohort's start year (years at or after it count as *after*), a second table
    gives the descriptive change from the last year before the cohort to the latest year for both groups
    and the difference in differences,

    .. math:: \\Delta\\Delta = (\\bar v^{cadre}_{t_1} - \\bar v^{cadre}_{t_0}) - (\\bar v^{comp}_{t_1} - \\bar v^{comp}_{t_0}),

    gated by the smaller n of the two years (so it is shown only when both years' rows are). It is a description, not a causal estimate: no model, no standard error, and the schools behind
    the two years may differ. A third table puts the last baseline year's difference on the WWC's scale
    for a dichotomous outcome (the Cox index, :func:`evalkit.analyze.cox_index`) with its
    baseline-equivalence category (:func:`evalkit.analyze.baseline_equivalence`).

    Parameters
    ----------
    b : Bundle
    data : Inputs
        ``data.outcomes`` from :func:`evalkit.report.inputs.outcome_rows`.
    years : int, optional
        Show only the last ``years`` school years (default: every year of the files).

    Returns
    -------
    OutcomeSummary or None
        None when no row of the files belongs to the cadre's schools.

    References
    ----------
    Angrist, J. D., & Pischke, J.-S. (2009). *Mostly Harmless Econometrics*, ch. 5. Princeton University Press.
    What Works Clearinghouse (2022). *Procedures and Standards Handbook*, Version 5.0 (baseline
    equivalence; Cox index, Appendix E).
    """
    rows = data.outcomes
    if rows is None or rows.empty or not (rows["group"] == "cadre").any():
        return None
    cadre_measures = set(rows.loc[rows["group"] == "cadre", "measure"])
    rows = rows[rows["measure"].isin(cadre_measures)]
    stats = weighted_outcomes(rows)
    all_years = sorted(set(stats.loc[stats["group"] == "cadre", "school_year"].astype(int)))
    shown_years = all_years[-years:] if years else all_years
    start = data.cohort_start
    post = tuple(y for y in shown_years if start is not None and y >= start)
    before = [y for y in all_years if start is None or y < start]
    base = before[-1] if before else None
    lookup = {(r.group, r.measure, int(r.school_year)): r for r in stats.itertuples(index=False)}
    pol = b.policy
    in_years = stats["school_year"].isin(shown_years)
    measures = []
    order = list(data.outcome_measures)
    for m in sorted(cadre_measures, key=lambda m: (order.index(m) if m in order else len(order), m)):
        tid = "outcomes_" + re.sub(r"[^A-Za-z0-9_]+", "_", m).strip("_")
        label, share = outcome_label(m, data.outcome_measures), share_measure(m, data.outcome_measures)
        mine, theirs = ("Cadre %", "Comparison %") if share else ("Cadre mean", "Comparison mean")
        dcol = "Difference (points)" if share else "Difference"
        frame_rows = []
        for y in shown_years:
            c, k = lookup.get(("cadre", m, y)), lookup.get(("comparison", m, y))
            cv = c.mean if c is not None else np.nan
            kv = k.mean if k is not None else np.nan
            # a difference beside a coded share would give the share's value away
            gates = _gate_columns(c, k)
            people = min(gates["n"], gates["Comparison n"])
            diff = np.nan if share and (_coded(cv, pol, people) or _coded(kv, pol, people)) else cv - kv
            frame_rows.append({"School year": str(y), mine: cv, "n": gates["n"], "Schools": gates["Schools"],
                               theirs: kv, "Comparison n": gates["Comparison n"],
                               "Comparison schools": gates["Comparison schools"], dcol: diff})
        b.statistics(tid, pd.DataFrame(frame_rows), group="School year", n=_GATES,
                     shares=[mine, theirs] if share else (),
                     columns={dcol: "{:+.1f}"} | _SCHOOLS | ({} if share else {mine: "{:.1f}", theirs: "{:.1f}"}),
                     title=f"{label}: the cadre's schools and the comparison schools, by school year", level=5,
                     note=_outcome_note(data, stats, m, shown_years, share))
        measures.append((m, label, tid))
    in_shown = stats[in_years]
    summary = dict(
        measures=tuple(measures), years=tuple(shown_years), cohort_start=start, baseline_year=base, post_years=post,
        suppressed=_by_group(in_shown, "suppressed"), missing=_by_group(in_shown, "missing"),
        **_grant_context(rows))
    if base is not None:
        summary["baseline_table"] = _baseline_table(b, lookup, measures, base, data.outcome_measures)
    if base is not None and post:
        summary["change_table"] = _change_table(b, lookup, measures, base, shown_years[-1], data.outcome_measures)
    return OutcomeSummary(**summary)


def _by_group(stats: pd.DataFrame, count: str) -> dict[str, int]:
    """A count column of :func:`weighted_outcomes` summed for the cadre and for the comparison."""
    return {g: int(stats.loc[stats["group"] == g, count].sum()) for g in ("cadre", "comparison")}


def _outcome_note(data: Inputs, stats: pd.DataFrame, measure: str, years: list[int], share: bool) -> str:
    part = stats[(stats["measure"] == measure) & stats["school_year"].isin(years)]
    others = bool((part["group"] == "program").any())
    sup, gone = _by_group(part, "suppressed"), _by_group(part, "missing")
    what = "students tested" if "absence" not in measure else "students counted"
    text = (f"Each school's result is weighted by its {what} (n): sum of n x value over sum of n, the "
            f"{'percent' if share else 'mean'} over all {what} at the group's schools. n and Schools: the "
            f"{what} and schools behind the cadre's figure; comparison: every school in the file "
            f"({', '.join(data.outcome_titles)}) outside the program"
            + ("; the schools of the program's other cadres are in neither group" if others else "")
            + ". A year is shown only when at least the privacy threshold of "
            "students is behind each group's figure. ")
    if sup["cadre"] or sup["comparison"]:
        text += (f"Results the state suppressed (\u201c*\u201d, \u201c<10\u201d) are left out: {sup['cadre']} "
                 f"school-year(s) of the cadre's schools, {sup['comparison']} of the comparison schools. ")
    else:
        text += "No result of these schools and years was suppressed by the state. "
    if gone["cadre"] or gone["comparison"]:
        text += (f"Without a number or a count of students, also left out: {gone['cadre']} of the cadre's, "
                 f"{gone['comparison']} of the comparison's school-years. ")
    if share:
        text += "The difference is left blank where a percentage is coded (>95% or <5%)."
    return text.strip()


def _grant_context(rows: pd.DataFrame) -> dict[str, tuple]:
    """Which groups hold schools of another program named in the file (its ``grant`` flag), and its start years."""
    flag = rows["state_grant"].fillna(False).astype(bool) if "state_grant" in rows else pd.Series(False, index=rows.index)
    flag &= rows["group"].isin(["cadre", "comparison"])
    if not flag.any():
        return {}
    g = rows[flag.to_numpy()]
    years = pd.to_numeric(g["grant_start"], errors="coerce").dropna() if "grant_start" in g else pd.Series(dtype=float)
    return {"grant_groups": tuple(sorted(set(g["group"]))), "grant_years": tuple(sorted({int(y) for y in years}))}


def _baseline_table(b: Bundle, lookup: dict, measures: list[tuple[str, str, str]], year: int,
                    specs: Mapping[str, Any]) -> str | None:
    """The last baseline year's cadre-comparison difference as a Cox index, with the WWC category."""
    from evalkit.analyze import baseline_equivalence, cox_index

    pol = b.policy
    rows = []
    for m, label, _ in measures:
        c, k = lookup.get(("cadre", m, year)), lookup.get(("comparison", m, year))
        if not share_measure(m, specs) or c is None or k is None:
            continue
        cox, verdict = np.nan, ""
        people = min(c.n, k.n)
        if not (_coded(c.mean, pol, people) or _coded(k.mean, pol, people)) and c.n >= 2 and k.n >= 2:
            cox = cox_index(c.mean / 100, k.mean / 100, int(c.n), int(k.n)).estimate
            verdict = _WWC_TEXT[baseline_equivalence(cox)]
        rows.append({"Measure": label, "Year": str(year), **_gate_columns(c, k),
                     "Difference (points)": c.mean - k.mean if np.isfinite(cox) else np.nan,
                     "Cox index": cox, "WWC baseline equivalence": verdict})
    if not rows:
        return None
    b.statistics("outcomes_baseline", pd.DataFrame(rows), group="Measure", n=_GATES,
                 text_columns=["Year", "WWC baseline equivalence"],
                 columns={"Difference (points)": "{:+.1f}", "Cox index": "{:+.2f}"} | _SCHOOLS,
                 title="Baseline difference on the WWC's scale: the last school year before the cadre", level=5,
                 note="Cox index: the log odds ratio of the cadre's and the comparison's percentages over 1.65, "
                      "times the small-sample factor (WWC Handbook 5.0, Appendix E), with students pooled "
                      "across schools and no allowance for clustering: a screen for a later study, not the "
                      "WWC's review of it. The WWC counts baseline equivalence as satisfied up to 0.05 in "
                      "absolute value, as needing statistical adjustment up to 0.25, and as not satisfied above.")
    return "outcomes_baseline"


def _change_table(b: Bundle, lookup: dict, measures: list[tuple[str, str, str]], t0: int, t1: int,
                  specs: Mapping[str, Any]) -> str | None:
    """Descriptive change from the last baseline year to the latest year, and the difference in differences."""
    pol = b.policy
    rows = []
    for m, label, _ in measures:
        got = [lookup.get((g, m, y)) for g in ("cadre", "comparison") for y in (t0, t1)]
        if any(r is None for r in got):
            continue
        c0, c1, k0, k1 = got
        share = share_measure(m, specs)
        # each year's shares are coded as that year's row of the year table codes them (by its smaller group)
        coded = share and any(_coded(r.mean, pol, min(a.n, b_.n)) for r, (a, b_) in
                              zip(got, ((c0, k0), (c1, k1), (c0, k0), (c1, k1))))
        dc, dk = (np.nan, np.nan) if coded else (c1.mean - c0.mean, k1.mean - k0.mean)
        # gated by the smaller count of the two years: the row is shown only when both years' rows are
        gates = {"n": int(min(c0.n, c1.n)), "Schools": int(min(c0.schools, c1.schools)),
                 "Comparison n": int(min(k0.n, k1.n)), "Comparison schools": int(min(k0.schools, k1.schools))}
        rows.append({"Measure": label, "Years": f"{t0} to {t1}", **gates, "Cadre change": dc,
                     "Comparison change": dk, "Difference in differences": dc - dk})
    if not rows:
        return None
    frame = pd.DataFrame(rows)
    b.statistics("outcomes_change", frame, group="Measure", n=_GATES, text_columns=["Years"],
                 columns={"Cadre change": "{:+.1f}", "Comparison change": "{:+.1f}",
                          "Difference in differences": "{:+.1f}"} | _SCHOOLS,
                 title="Change since the last school year before the cadre (descriptive, not an effect)", level=5,
                 note="Change: the latest year's weighted mean minus that of the last year before the cadre, in "
                      "percentage points for percentages. Difference in differences: the cadre's change minus the "
                      "comparison's. Descriptive only: no model and no standard error; the schools behind the "
                      "two years may differ. n and schools: the smaller of the two years'. Blank where a "
                      "percentage is coded (>95% or <5%).")
    return "outcomes_change"


#: Keyword themes for professional-development comments (rule-based, so a reader can check them).
THEMES: dict[str, tuple[str, ...]] = {
    "Time to plan and collaborate": ("plan", "collaborat", "team", "together", "colleague", "network"),
    "Classroom visits and practice": ("classroom", "visit", "walkthrough", "rounds", "observ", "practice"),
    "Facilitation": ("facilitat", "presenter", "speaker", "coach"),
    "Relevance and use": ("use ", "apply", "relevant", "useful", "helpful", "practical", "take back"),
    "Pacing and format": ("pace", "pacing", "long", "short", "break", "sitting", "listening", "format", "more time"),
    "Materials and resources": ("material", "resource", "slides", "recording", "handout", "tool"),
    "Logistics and technology": ("parking", "room", "zoom", "audio", "wifi", "tech", "location", "lunch", "food"),
}


def pick_quotes(texts: Iterable[str], k: int = 3, *, words: tuple[int, int] = (6, 40)) -> list[str]:
    """The texts a report may quote: whole redacted texts with no redaction mark ("[" of a placeholder) and
    between ``words`` words, the longest ``k`` first (ties alphabetical, so a release is reproducible).

    >>> pick_quotes(["Short one.", "The protocol for feedback was very practical for us.", "[PERSON] ran it well ok"])
    ['The protocol for feedback was very practical for us.']
    """
    lo, hi = words
    clean = sorted({v for v in texts if "[" not in v and lo <= len(v.split()) <= hi}, key=lambda v: (-len(v), v))
    return clean[:k]


def comments(b: Bundle, data: Inputs, cfg: ProjectConfig, store: ProcessedData, policy) -> list[Any]:
    """Themes of the event-evaluation comments (counts under the rule) and quotes above the comment threshold.

    Quotes come from the *redacted* text of the anonymize stage; comments held for review, and comments with
    any redaction mark, are never quoted. Themes are keyword rules (``THEMES``), counted per comment.
    Returns pass-through quote tables (empty when the cadre's comments are fewer than the threshold).
    """
    from evalkit.disclose.protected import passthrough

    if data.evals.empty:
        return []
    name = data.eval_instrument
    if name is None:
        return []
    inst = cfg.codebook.instruments[name]
    texts: dict[str, list[str]] = {}
    for t in store_tables(cfg, store).values():
        if t.source.instrument != name:
            continue
        red = t.data   # the store's free text is the anonymize stage's redacted text
        mine = red["event_id"].isin(data.events["event_id"]) & ~red.get("wrong_event", pd.Series(False, index=red.index))
        rows = red.index[mine.fillna(False).astype(bool)]
        for col, spec in inst.columns.items():
            if spec.role != "free_text" or spec.description or "other" in col or col not in red:
                continue
            vals = [str(v).strip() for v in red.loc[rows, col].dropna() if len(str(v).split()) >= 3]
            if vals:
                texts.setdefault(col, []).extend(vals)
    if not texts:
        return []
    all_comments = [c for v in texts.values() for c in v]
    rows_out = []
    for theme, words in THEMES.items():
        k = sum(any(w in c.casefold() for w in words) for c in all_comments)
        if k == 0:
            continue          # a theme no comment touched is not a finding (and 0% is never printed)
        rows_out.append({"Theme": theme, "Comments": k, "Share of comments": 100.0 * k / len(all_comments)})
    rows_out.append({"Theme": "All comments", "Comments": len(all_comments), "Share of comments": np.nan})
    frame = pd.DataFrame(rows_out)
    b.statistics("comment_themes", frame, group="Theme", n="Comments", columns={}, shares=["Share of comments"],
                 share_of={"Share of comments": ("Comments", ("All comments", "Comments"))},
                 title="What participants wrote about: comment themes", level=1,
                 note=f"{len(all_comments):,} comments from the event evaluations, coded by keyword rules "
                      "(a comment can touch several themes; themes no comment touched are left out). Themes "
                      "mentioned in fewer comments than the threshold show no count.")
    out = []
    for col, vals in texts.items():
        if len(vals) < policy.comment_threshold:
            continue
        picks = pick_quotes(vals)
        if picks:
            question = _short(inst.columns[col].text or col) if col in inst.columns else col
            out.append(passthrough(f"quotes_{col}", f"In their words: {question}",
                                   pd.DataFrame({"Comment": [f"\u201c{p}\u201d" for p in picks]}),
                                   note=f"From {len(vals):,} comments; quoted only because at least "
                                        f"{policy.comment_threshold} were written. Names and contact details "
                                        "are removed; comments held for review are never quoted.", level=1))
    return out
