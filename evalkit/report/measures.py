"""The measures of a cadre report, each added to the report's disclosure :class:`~evalkit.disclose.Bundle`.

Each function computes with :mod:`evalkit.analyze` from in-memory cleaned data and hands the results
to the bundle as counts, shares or statistics with the n they describe; nothing here decides what may
be shown (that is :meth:`Bundle.protect`) and nothing here writes a file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from evalkit.clean.quality import Action
from evalkit.config import ProjectConfig, SourceKind
from evalkit.disclose import Bundle
from evalkit.disclose.bundle import pool_small
from evalkit.report.inputs import DEFECTS, Inputs, ReportUnit

if TYPE_CHECKING:  # pragma: no cover
    from evalkit.pipeline import CleanResult

__all__ = ["reactions", "prepost", "staff", "quality"]


def reactions(b: Bundle, data: Inputs, cfg: ProjectConfig) -> None:
    from evalkit.analyze import net_promoter_score, percent_favorable

    cb = cfg.codebook
    evals = data.evals.assign(event=data.evals["event_id"].astype(str))
    b.universe(f"{b.unit}/evaluations", evals, ["event"], categories={"event": data.events["event_id"].astype(str)})
    b.counts("evaluations_by_event", f"{b.unit}/evaluations", rows="event", row_title="Event", count_title="Evaluations",
             title="Event evaluations received", margins=False, level=1,
             note="After cleaning; evaluations that named another cadre's event are left out.")
    name = next((n for n, i in cb.instruments.items() if i.nps_item and i.nps_item in evals), None)
    if name is None:
        return
    inst = cb.instruments[name]
    items = [i for i, it in inst.items.items() if i in evals and i != inst.nps_item
             and set(cb.response_scales[it.scale].codes) == {1, 2, 3, 4, 5}
             and cb.response_scales[it.scale].codes.get(5, "").startswith("Strongly")]
    rows, nps_rows = [], []
    groups = [(e, evals[evals["event"] == e]) for e in data.events["event_id"].astype(str)] + [("All events", evals)]
    for label, d in groups:
        row: dict[str, Any] = {"Event": label, "n": len(d)}
        pf = percent_favorable(d, name, cb, items=items, scales=[]) if len(d) else None
        for item in items:
            hit = None if pf is None else pf[pf["name"] == item]
            row[_short(inst.items[item].text)] = float(hit["pct"].iloc[0]) if hit is not None and len(hit) else np.nan
        rows.append(row)
        x = pd.to_numeric(d[inst.nps_item], errors="coerce").dropna()
        nrow: dict[str, Any] = {"Event": label, "n": len(x)}
        if len(x) >= 2:
            est = net_promoter_score(x)
            nrow.update({"NPS": est.estimate, "CI low": est.ci_low, "CI high": est.ci_high,
                         "Promoters": 100 * est.extra["promoters"], "Passives": 100 * est.extra["passives"],
                         "Detractors": 100 * est.extra["detractors"]})
        nps_rows.append(nrow)
    frame = pd.DataFrame(rows)
    b.statistics("event_ratings", frame, group="Event", n="n", columns={},
                 shares=[c for c in frame.columns if c not in ("Event", "n")],
                 title="Percent favorable by event", total_row="All events", level=1,
                 note="Percent answering Agree or Strongly agree among those who answered the item.")
    nf = pd.DataFrame(nps_rows).reindex(columns=["Event", "n", "NPS", "CI low", "CI high", "Promoters", "Passives",
                                                 "Detractors"])
    b.statistics("event_nps", nf, group="Event", n="n",
                 columns={"NPS": "{:+.0f}", "CI low": "{:+.0f}", "CI high": "{:+.0f}"},
                 shares=["Promoters", "Passives", "Detractors"], title="Net Promoter Score by event",
                 total_row="All events", level=1,
                 note="NPS = percent of promoters (9-10) minus percent of detractors (0-6); 95% CI from the "
                      "standard error of the +1/0/-1 scores.")


def _short(text: str) -> str:
    t = text.rstrip(".?")
    return t if len(t) <= 42 else t[:40].rsplit(" ", 1)[0] + "\u2026"


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
    label = {"post - pre": "after vs before", "post - retro_pre": "after vs looking back",
             "retro_pre - pre": "looking back vs before (response shift)"}
    fmt = "{:.2f}"
    for level, tid, title in ((2, "prepost_learning", "Learning: before and after (matched respondents)"),
                              (4, "prepost_use", "Practice: before and after (matched respondents)")):
        part = table[table["scale"].map(lambda s: (inst.scales[s].guskey_level or 2) == level)]
        if part.empty:
            continue
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
                     note="1-5 scale. g_av: mean change over the average of the two SDs, small-sample corrected "
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
    resp = pd.DataFrame({"Wave": ["Pre survey", "Post survey", "Matched pre and post"],
                         "Respondents": [len(pre_ids), len(post_ids), len(pre_ids & post_ids)]})
    b.statistics("participant_responses", resp, group="Wave", n="Respondents", columns={},
                 title="Participant survey responses", level=2,
                 note="After cleaning (previews, partials, speeders, duplicates and withdrawn participants removed).")


_STAFF_ROLES = {"teacher": "Teachers", "specialist": "Specialists", "para": "Paraprofessionals", "other": "Other staff"}


def staff(b: Bundle, data: Inputs, cfg: ProjectConfig, n_min: int) -> None:
    from evalkit.analyze import percent_favorable

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
        rows.append(row)
    b.statistics("staff_favorable", pd.DataFrame(rows), group="Topic", n=["Pre n", "Post n"], columns={},
                 shares=["Pre % favorable", "Post % favorable"], title="Staff survey: percent favorable by topic",
                 level=3, note="All participating schools pooled. Percent answering Agree or Strongly agree among "
                               "those who answered (\u201cDon't know\u201d left out).")


def quality(b: Bundle, cleaned: CleanResult, unit: ReportUnit) -> None:
    used = {t.source.id for t in cleaned.tables.values() if t.source.program in (unit.program, None)
            and t.source.kind in (SourceKind.survey, SourceKind.roster, SourceKind.events, SourceKind.attendance)}
    qlog = cleaned.log.to_frame()
    q = qlog[qlog["source"].isin(used) & qlog["defect"].notna()
             & ~qlog["action"].isin([Action.off.value, Action.not_applicable.value])]
    if q.empty:
        return
    agg = q.groupby(["defect", "action"], as_index=False)["count"].sum()
    agg = agg[agg["count"] > 0]
    frame = pd.DataFrame({"Check": [f"{DEFECTS.get(d, d.replace('_', ' ').capitalize())}: {a}"
                                    for d, a in zip(agg["defect"], agg["action"])],
                          "Rows or cells": agg["count"].to_numpy()})
    b.statistics("data_quality", frame, group="Check", n="Rows or cells", columns={},
                 title="Data-quality checks (all cadres of the program)",
                 note="From the cleaning stage's data-quality log; counts under the threshold are not shown.")




def participation(b: Bundle, data: Inputs, n_min: int) -> None:
    """Attendance rate by role group and event (the heatmap) and hours attended per participant by modality.

    Teams are smaller than ``n_min``, so attendance is shown by role group (small roles pooled), never by
    team; each rate describes the role group's participants, its n.
    """
    from evalkit.report.inputs import MODALITY, role_label

    ro, ev = data.roster, data.events
    email = data.email_column
    if ro.empty or ev.empty or email is None:
        return
    people = ro.assign(group=ro["role"].map(role_label), who=ro[email])
    people["group"] = pool_small(people, "group", n_min=n_min, label="Other roles")
    came = set(map(tuple, data.attendance[["event", "who"]].to_numpy())) if len(data.attendance) else set()
    rows = []
    groups = [(g, d) for g, d in people.groupby("group", sort=True)] + [("All participants", people)]
    for g, d in groups:
        row: dict[str, Any] = {"Role group": g, "n": len(d)}
        for e in ev["event_id"].astype(str):
            row[e] = 100.0 * sum((e, w) in came for w in d["who"]) / len(d) if len(d) else np.nan
        rows.append(row)
    frame = pd.DataFrame(rows)
    b.statistics("attendance_rates", frame, group="Role group", n="n", columns={},
                 shares=[c for c in frame.columns if c not in ("Role group", "n")], total_row="All participants",
                 title="Attendance rate by role group and event",
                 note=f"Percent of the group's active participants who attended. Teams have fewer than {n_min} "
                      "members, so attendance is not shown by team.")
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
    name = next((n for n, i in cb.instruments.items() if i.nps_item and i.nps_item in data.evals), None)
    if name is None or data.evals.empty:
        return []
    inst = cb.instruments[name]
    items = [i for i, it in inst.items.items() if i in data.evals and set(cb.response_scales[it.scale].codes)
             == {1, 2, 3, 4, 5} and str(cb.response_scales[it.scale].codes[5]).startswith("Strongly")]
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


def _item_table(b, tid, title, inst, cb, name, waves, percent_favorable, *, level) -> None:
    items = [i for i, it in inst.items.items() if cb.response_scales[it.scale].favorable
             and all(i in d for d in waves.values()) and not getattr(it, "wave", None)]
    rows = []
    results = {w: percent_favorable(d, name, cb, items=items, scales=[]).set_index("name") for w, d in waves.items()}
    for i in items:
        row: dict[str, Any] = {"Item": f"{i}: {_short(inst.items[i].text)}"
                                       + (" (reverse-worded: favorable = disagree)" if inst.items[i].reverse else "")}
        for w, res in results.items():
            row[f"{w} n"] = int(res.loc[i, "n"]) if i in res.index else 0
            row[f"{w} % favorable"] = float(res.loc[i, "pct"]) if i in res.index else np.nan
        rows.append(row)
    frame = pd.DataFrame(rows)
    b.statistics(tid, frame, group="Item", n=[f"{w} n" for w in waves], columns={},
                 shares=[f"{w} % favorable" for w in waves], title=title, level=level,
                 note="n: answers to the item (\u201cDon't know\u201d and N/A left out).")


def data_sources(b: Bundle, data: Inputs, cfg: ProjectConfig) -> None:
    """The data-source matrix: source x Guskey level x timing x n x response rate."""
    cb = cfg.codebook
    roster_n = len(data.roster)
    rows = []
    if data.evals is not None and len(data.evals):
        per_event = data.evals.groupby("event_id").size()
        att = data.attendance.groupby("event").size() if len(data.attendance) else pd.Series(dtype=int)
        rows.append({"Source": "Event evaluations", "Guskey level": "1 (and 4)", "Timing": "after each event",
                     "n": int(len(data.evals)),
                     "Response rate": 100.0 * per_event.sum() / att.sum() if att.sum() else np.nan})
    for wave in ("pre", "post"):
        if wave in data.waves:
            rows.append({"Source": f"Participant survey ({wave})", "Guskey level": "2 and 4",
                         "Timing": "start of the cadre" if wave == "pre" else "end of the cadre (with retrospective pre)",
                         "n": int(len(data.waves[wave])),
                         "Response rate": 100.0 * len(data.waves[wave]) / roster_n if roster_n else np.nan})
    for wave, d in data.staff.items():
        rows.append({"Source": f"Staff survey ({wave}, anonymous)", "Guskey level": "3",
                     "Timing": "start of the year" if wave == "pre" else "end of the year", "n": int(len(d)),
                     "Response rate": np.nan})
    if len(data.attendance):
        rows.append({"Source": "Sign-in sheets and online join reports", "Guskey level": "participation",
                     "Timing": "each event", "n": int(data.attendance["who"].nunique()), "Response rate": np.nan})
    if not rows:
        return
    b.statistics("data_sources", pd.DataFrame(rows), group="Source", n="n", columns={},
                 shares=["Response rate"], text_columns=["Guskey level", "Timing"],
                 title="Data sources by Guskey level", level=None,
                 note="n: responses after cleaning. Response rate: evaluations over attendances; participant "
                      "surveys over active participants. The staff survey is anonymous and has no roster, so no "
                      "rate is shown.")


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


def comments(b: Bundle, data: Inputs, cfg: ProjectConfig, cleaned: CleanResult, policy) -> list[Any]:
    """Themes of the event-evaluation comments (counts under the rule) and quotes above the comment threshold.

    Quotes come from the *redacted* text of the anonymize stage; comments held for review, and comments with
    any redaction mark, are never quoted. Themes are keyword rules (``THEMES``), counted per comment.
    Returns pass-through quote tables (empty when the cadre's comments are fewer than the threshold).
    """
    from evalkit.disclose.protected import passthrough

    anon = getattr(cleaned, "anonymized", None)
    if anon is None or data.evals.empty:
        return []
    name = next((n for n, i in cfg.codebook.instruments.items() if i.nps_item and i.nps_item in data.evals), None)
    if name is None:
        return []
    inst = cfg.codebook.instruments[name]
    texts: dict[str, list[str]] = {}
    for sid, t in cleaned.tables.items():
        if t.source.instrument != name or sid not in anon.tables:
            continue
        red, d = anon.tables[sid], t.data
        mine = d["event_id"].isin(data.events["event_id"]) & ~d.get("wrong_event", pd.Series(False, index=d.index))
        rows = red.index.intersection(d.index[mine.fillna(False).astype(bool)])
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
        rows_out.append({"Theme": theme, "Comments": k, "Share of comments": 100.0 * k / len(all_comments)})
    frame = pd.DataFrame(rows_out)
    b.statistics("comment_themes", frame, group="Theme", n="Comments", columns={}, shares=["Share of comments"],
                 title="What participants wrote about: comment themes", level=1,
                 note=f"{len(all_comments):,} comments from the event evaluations, coded by keyword rules "
                      "(a comment can touch several themes). Themes mentioned in fewer comments than the "
                      "threshold are not counted out.")
    out = []
    questions = {"q6": "What worked well", "q7": "What could be better"}
    for col, vals in texts.items():
        if len(vals) < policy.comment_threshold:
            continue
        clean = sorted({v for v in vals if "[" not in v and 6 <= len(v.split()) <= 40}, key=lambda v: (-len(v), v))
        picks = clean[:3]
        if picks:
            out.append(passthrough(f"quotes_{col}", f"In their words: {questions.get(col, col)}",
                                   pd.DataFrame({"Comment": [f"\u201c{p}\u201d" for p in picks]}),
                                   note=f"From {len(vals):,} comments; quoted only because at least "
                                        f"{policy.comment_threshold} were written. Names and contact details "
                                        "are removed; comments held for review are never quoted.", level=1))
    return out
