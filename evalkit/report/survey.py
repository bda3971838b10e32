"""The survey report: any program whose data are surveys (post only, one wave, pre/post with a retro-pre block).

Built from the anonymized store alone (:func:`evalkit.processed.load_processed`), for programs of kind
``survey``. Which sections appear is declared in :mod:`evalkit.report.sections`; which items count as
favorable comes from the codebook's response scales (``favorable``), whatever their labels say; NPS only
where the codebook declares an ``nps_item``. Every figure about people goes through one
:class:`~evalkit.disclose.Bundle`; the prose comes from the templates in ``templates/prose/survey/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from evalkit.config import ProgramKind, ProjectConfig, SourceKind
from evalkit.disclose import Bundle, DisclosurePolicy, ProtectedBundle, ProtectedTable
from evalkit.disclose.protected import passthrough
from evalkit.disclose.sentences import sentence
from evalkit.report import appendix, measures
from evalkit.report.inputs import PERSON, Inputs, ReportUnit, sources
from evalkit.report.prose import render_prose
from evalkit.report.sections import LEVEL_TITLES, plan
from evalkit.report.writer import Sections, save_charts, write_facts, write_tables

if TYPE_CHECKING:  # pragma: no cover
    from evalkit.config import Instrument, Source
    from evalkit.disclose import ReleaseLedger
    from evalkit.processed import ProcessedData

__all__ = ["survey_units", "build_survey_artifacts", "WAVE_LABELS"]

#: How the report names a wave.
WAVE_LABELS = {"pre": "before the program", "post": "after the program", "retro_pre": "looking back",
               "event": "after each event", "followup": "follow-up", "once": "one wave"}
_TID = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True)
class _Survey:
    """One survey source of the program as the report reads it from the store."""

    source: Source
    instrument: str
    inst: Instrument
    data: pd.DataFrame

    @property
    def wave(self) -> str:
        return str(self.source.wave)

    @property
    def label(self) -> str:
        return f"{self.inst.title} ({WAVE_LABELS.get(self.wave, self.wave)})"


def survey_units(cfg: ProjectConfig) -> list[ReportUnit]:
    """One report per program of kind ``survey``; the unit is named after the program."""
    return [ReportUnit(p.id, p.name, "", p.id) for p in cfg.project.programs if p.kind == ProgramKind.survey]


def _surveys(cfg: ProjectConfig, store: ProcessedData, program_id: str, instruments: list[str]) -> list[_Survey]:
    out = []
    for t in sources(cfg, store, kind=SourceKind.survey, program=program_id):
        if instruments and t.source.instrument not in instruments:
            continue
        out.append(_Survey(t.source, str(t.source.instrument), cfg.codebook.instruments[t.source.instrument], t.data))
    return out


def _item_level(inst: Instrument, item: str) -> int:
    """An item's Guskey level: its own, else its scale's, else the instrument's, else 1 (reactions)."""
    it = inst.items[item]
    if it.guskey_level:
        return int(it.guskey_level)
    for sc in inst.scales.values():
        if item in sc.items and sc.guskey_level:
            return int(sc.guskey_level)
    return int(inst.guskey_level or 1)


def _label(text: str) -> str:
    """An item's wording as a row label: one line, no trailing punctuation."""
    return " ".join(str(text).split()).rstrip(" .?:")


def _unique(labels: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for lab in labels:
        seen[lab] = seen.get(lab, 0) + 1
        out.append(lab if seen[lab] == 1 else f"{lab} ({seen[lab]})")
    return out


def _rated_items(s: _Survey, cfg: ProjectConfig, level: int) -> list[str]:
    """Items of ``s`` at ``level`` that are in its table, asked in its wave and have favorable codes."""
    cb = cfg.codebook
    return [i for i, it in s.inst.items.items()
            if i in s.data.columns and cb.response_scales[it.scale].favorable and it.wave in (None, s.wave)
            and i != s.inst.nps_item and _item_level(s.inst, i) == level
            and pd.api.types.is_numeric_dtype(s.data[i])]


def _favorable_table(b: Bundle, tid: str, s: _Survey, cfg: ProjectConfig, items: list[str], level: int) -> None:
    from evalkit.analyze import percent_favorable

    scales = [n for n, sc in s.inst.scales.items() if set(sc.items) <= set(items)]
    pf = percent_favorable(s.data, s.inst, cfg.codebook, items=items, scales=scales)
    labels = _unique([_label(s.inst.items[n].text) if lvl == "item" else f"Scale: {s.inst.scales[n].label}"
                      for lvl, n in zip(pf["level"], pf["name"])])
    # an item row rests on its answers; a scale row on the respondents behind its pooled answers
    n = np.where(pf["level"] == "scale", pf["n_respondents"], pf["n"]).astype(float)
    frame = pd.DataFrame({"Item": labels, "n": n,
                          "% favorable": pf["pct"].to_numpy(), "CI low": pf["ci_low"].to_numpy(),
                          "CI high": pf["ci_high"].to_numpy()})
    favorable = sorted({c for i in items for c in cfg.codebook.response_scales[s.inst.items[i].scale].favorable})
    # a scale row pools its items: an item's coded share would come back as the scale minus the others
    pooled = {labels[i]: tuple(labels[j] for j, (lv, n) in enumerate(zip(pf["level"], pf["name"]))
                               if lv == "scale" and pf["name"].iloc[i] in s.inst.scales[n].items)
              for i, lv in enumerate(pf["level"]) if lv == "item"}
    # the interval's limits are statistics of the share, not shares of people: shown as computed beside an
    # exact share, blanked with a coded one (coded_with), which they would give back
    b.statistics(tid, frame, group="Item", n="n", columns={"CI low": "{:.0f}%", "CI high": "{:.0f}%"},
                 shares=["% favorable"], coded_with={"% favorable": ("CI low", "CI high")}, coded_rows_with=pooled,
                 title=f"{s.label}: percent favorable by item", level=level,
                 note="Percent of the answers to each item that are favorable (codes "
                      + ", ".join(map(str, favorable)) + " as the codebook defines them); n counts the answers "
                      "(\u201cDon't know\u201d and N/A left out). 95% Wilson interval."
                      + (" A scale row pools the answers to its items, with a design effect for answers clustered in "
                         "respondents; its n counts respondents." if scales else ""))


def _nps_table(b: Bundle, tid: str, s: _Survey) -> None:
    from evalkit.analyze import net_promoter_score

    x = pd.to_numeric(s.data[s.inst.nps_item], errors="coerce").dropna()
    row: dict[str, Any] = {"Respondents": "All respondents", "n": float(len(x))}
    if len(x) >= 2:
        est = net_promoter_score(x)
        row.update({"NPS": est.estimate, "CI low": est.ci_low, "CI high": est.ci_high,
                    "Promoters": 100 * est.extra["promoters"], "Passives": 100 * est.extra["passives"],
                    "Detractors": 100 * est.extra["detractors"]})
    frame = pd.DataFrame([row]).reindex(columns=["Respondents", "n", "NPS", "CI low", "CI high", "Promoters",
                                                 "Passives", "Detractors"])
    b.statistics(tid, frame, group="Respondents", n="n", columns={"NPS": "{:+.0f}", "CI low": "{:+.0f}",
                                                                  "CI high": "{:+.0f}"},
                 shares=["Promoters", "Passives", "Detractors"], title=f"{s.label}: Net Promoter Score", level=1,
                 coded_with=measures.NPS_CODED_WITH,
                 note="NPS = percent of promoters (9-10) minus percent of detractors (0-6) on the 0-10 "
                      "\u201chow likely to recommend\u201d item; 95% CI from the standard error of the +1/0/-1 scores.")


def _tid(*parts: str) -> str:
    return _TID.sub("_", "_".join(parts))[:64]


def build_survey_artifacts(cfg: ProjectConfig, store: ProcessedData, unit: ReportUnit, out_dir: Path, *,
                           ledger: ReleaseLedger | None = None, allow_rerelease: str | None = None
                           ) -> tuple[Path, ProtectedBundle]:
    """Write ``out_dir/facts.json``, ``tables/``, ``charts/`` and ``disclosure_log.json`` for one survey program.

    Returns the folder and the protected bundle (for the release ledger).
    """
    policy = DisclosurePolicy.from_config(cfg.project.privacy)
    n_min = policy.n_min
    program = cfg.project.program(unit.program)
    levels = sorted(int(v) for v in program.guskey_levels) or [1, 2, 3, 4, 5]
    surveys = _surveys(cfg, store, program.id, list(program.instruments))
    as_of = cfg.project.data_as_of.isoformat() if cfg.project.data_as_of else pd.Timestamp.now().date().isoformat()
    # hyphens only: the id is printed in the report's header, where a snake_case id reads as internals
    release_id = f"{cfg.project.project}-{unit.program}-{as_of}".replace("_", "-")
    b = Bundle(policy, release_id=release_id, unit=f"{cfg.project.project}/{unit.program}")
    evidence: dict[str, str | None] = {}
    few = f"{policy.suppressed_text} responses"

    if surveys:
        frame = pd.DataFrame({"Survey": _unique([s.label for s in surveys]),
                              "Responses": [float(len(s.data)) for s in surveys]})
        b.statistics("responses", frame, group="Survey", n="Responses", columns={}, title="Responses by survey",
                     note="Responses kept after cleaning (previews, tests, duplicates, partial responses and "
                          "speeders removed as the data-quality appendix counts).")
    evidence["responses"] = None if any(len(s.data) for s in surveys) else "no survey responses"

    by_level: dict[int, list[str]] = {lv: [] for lv in range(1, 6)}
    designs: dict[int, set[str]] = {lv: set() for lv in range(1, 6)}
    reasons: dict[int, str] = {}
    chart_plan: list[tuple[str, int]] = []
    for lv in range(1, 6):
        for s in surveys:
            items = _rated_items(s, cfg, lv)
            if not items:
                continue
            if int(s.data[items].notna().any(axis=1).sum()) < n_min:
                reasons.setdefault(lv, few)
                continue
            tid = _tid("favorable", f"l{lv}", s.source.id)
            _favorable_table(b, tid, s, cfg, items, lv)
            by_level[lv].append(tid)
            designs[lv].add(s.wave)
            chart_plan.append((tid, lv))
    for s in surveys:
        if s.inst.nps_item and s.inst.nps_item in s.data.columns:
            if s.data[s.inst.nps_item].notna().sum() >= n_min:
                tid = _tid("nps", s.source.id)
                _nps_table(b, tid, s)
                by_level[1].append(tid)
                designs[1].add(s.wave)
            else:
                reasons.setdefault(1, few)
    matched, no_change = _prepost(b, cfg, surveys, n_min, policy.suppressed_text)
    for lv, tid in (matched or {}).items():
        by_level[lv].insert(0, tid)
        designs[lv].add("matched")
    for lv in range(1, 6):
        if by_level[lv]:
            evidence[f"level{lv}"] = None
        elif lv in reasons:
            evidence[f"level{lv}"] = reasons[lv]          # too few responses: privacy is the reason
        elif any(_level_in(s, lv) for s in surveys):
            evidence[f"level{lv}"] = "its items have no favorable answers defined in the codebook"
        else:
            evidence[f"level{lv}"] = "not collected"

    measures.quality(b, cfg, store, unit)
    decisions = plan(ProgramKind.survey, evidence, levels=levels)
    shown_levels = [d.spec.level for d in decisions if d.spec.level and d.included]
    used = list(dict.fromkeys(s.instrument for s in surveys))
    has_nps = any(t.startswith("nps_") for t in by_level[1])
    plain = [_source_matrix(decisions, surveys, designs, no_change), appendix.methods(), appendix.software(),
             *appendix.instruments(cfg, used), appendix.glossary(cadres=False, change=bool(matched), nps=has_nps)]

    protected = b.protect(ledger=ledger, allow_rerelease=allow_rerelease)
    T, specs = write_tables(Path(out_dir), plain, protected)
    charts = save_charts(_charts(T, chart_plan), Path(out_dir))

    ctx = {"program": program, "project": cfg.project, "n_min": n_min, "levels": levels,
           "shown_levels": shown_levels, "level_titles": LEVEL_TITLES, "designs": {k: sorted(v) for k, v in designs.items()},
           "surveys": [{"title": s.inst.title, "wave": WAVE_LABELS.get(s.wave, s.wave)} for s in surveys],
           "matched": bool(matched), "comment_threshold": policy.comment_threshold,
           "pre_post": any(d == "matched" for v in designs.values() for d in v),
           "post_only": not any(s.wave == "pre" for s in surveys), "no_change": no_change}
    ctx["findings"] = _findings(T, by_level, shown_levels)
    ctx["quality_table"] = "data_quality" in T
    ctx["hidden_figures"] = len(protected.log)
    sections = Sections()
    level_of = {f"level{lv}": lv for lv in range(1, 6)}
    tables_of = {"program": ["data_sources"], "responses": ["responses"] + (["participant_responses"] if matched else []),
                 "appendix_methods": ["methods", "software"],
                 "appendix_instruments": [t for t in T if t.startswith("instrument_")],
                 "appendix_disclosure": ["disclosure_log"] if protected.log else [], "data_quality": ["data_quality"], "glossary": ["glossary"]}
    for d in decisions:
        if not d.included:
            continue
        sid = d.spec.id
        lv = level_of.get(sid)
        ids = (by_level[lv] + (["reliability"] if lv == 2 and matched else [])) if lv else tables_of.get(sid, [])
        text = render_prose("survey", "level" if lv else sid, level=lv, **ctx)
        sections.add(sid, d.spec.title, lv, text or None, [i for i in ids if i in T], part=d.spec.part)
    headline = [{"label": "Surveys", "value": str(len(surveys))}]
    if "responses" in T and len(surveys) == 1:
        headline.append({"label": "Responses", "value": T["responses"].text(surveys[0].label, "Responses")})
    headline.append({"label": "Guskey levels reported", "value": ", ".join(map(str, shown_levels)) or "none"})
    write_facts(Path(out_dir), cfg=cfg, store=store, program=unit.program, program_name=program.name,
                unit=unit.cadre, cohort=unit.cohort, release_id=release_id, as_of=as_of, policy=policy,
                protected=protected, headline=headline, sections=sections, specs=specs, charts=charts,
                generated_by="evalkit.report.survey")
    return Path(out_dir), protected


def _prepost(b: Bundle, cfg: ProjectConfig, surveys: list[_Survey], n_min: int, fewer: str
             ) -> tuple[dict[int, str], str]:
    """Matched pre/post change of the scales of the first instrument with both waves and pseudonyms.

    The waves pair on ``person_id``, the keyed pseudonym the anonymize stage made; the tables are the
    cadre report's (:func:`evalkit.report.measures.prepost`). Returns level -> change table id, and when
    there is none, why: no pre wave; the waves cannot be paired (anonymous, no person column); too few pairs.
    """
    waves_of: dict[str, dict[str, list[_Survey]]] = {}
    for s in surveys:
        if s.wave in ("pre", "post"):
            waves_of.setdefault(s.instrument, {}).setdefault(s.wave, []).append(s)
    reason = "no pre wave"
    for name, waves in waves_of.items():
        if set(waves) != {"pre", "post"}:
            continue
        if not all(PERSON in s.data.columns for w in waves.values() for s in w) or not waves["pre"][0].inst.scales:
            reason = "the pre and post waves cannot be paired (no person column, or no scales in the codebook)"
            continue
        # every source of a wave counts (an instrument may come in several files per wave)
        pre = pd.concat([s.data for s in waves["pre"]], ignore_index=True)
        post = pd.concat([s.data for s in waves["post"]], ignore_index=True)
        pairs = set(pre[PERSON].dropna()) & set(post[PERSON].dropna())
        if len(pairs) < n_min:
            reason = f"{fewer} people answered both the pre and the post wave"
            continue
        data = Inputs(roster=pd.DataFrame(), events=pd.DataFrame(), schools=set(), attendance=pd.DataFrame(),
                      evals=pd.DataFrame(), waves={"pre": pre, "post": post}, staff={}, participant_instrument=name,
                      person_column=PERSON)
        measures.prepost(b, data, cfg)
        made = {lv: tid for lv, (tid, _) in measures.PREPOST_TABLES.items() if tid in b.tables}
        made |= {int(t.removeprefix("prepost_l")): t for t in b.tables if re.fullmatch(r"prepost_l\d", t)}
        return made, ""
    return {}, reason


def _source_matrix(decisions: list[Any], surveys: list[_Survey], designs: dict[int, set[str]],
                   no_change: str) -> ProtectedTable:
    """Evaluation question, data source, timing and status for each Guskey level the program evaluates."""
    rows = []
    for d in decisions:
        lv = d.spec.level
        if lv is None or d.reason == "not among the program's levels":
            continue
        srcs = [s.label for s in surveys if _level_in(s, lv)]
        timing = ("before and after (matched respondents)" if "matched" in designs[lv] else
                  "; ".join(WAVE_LABELS.get(w, w) for w in sorted(designs[lv])) or "\u2014")
        if d.included and lv in (2, 4) and "matched" not in designs[lv]:
            status = f"reported; change is not measured: {no_change or 'no pre wave'}"
        else:
            status = "reported" if d.included else d.reason
        rows.append((f"Level {lv}", appendix.GUSKEY_QUESTIONS[lv], "; ".join(srcs) or "\u2014", timing, status))
    return passthrough("data_sources", "Evaluation questions and data sources",
                       pd.DataFrame(rows, columns=["Level", "Evaluation question", "Data source", "Timing", "Status"]),
                       note="Status says why a level is not reported: not collected (no item of the instruments "
                            "measures it), no pre wave, or too few responses to report under the privacy rule.")


def _level_in(s: _Survey, level: int) -> bool:
    return any(_item_level(s.inst, i) == level for i in s.inst.items if i in s.data.columns)


def _charts(T: dict[str, ProtectedTable], chart_plan: list[tuple[str, int]]) -> list[tuple[str, str, Any]]:
    from evalkit.report import charts as ch

    plan_ = []
    for tid, lv in chart_plan:
        if tid in T:
            plan_.append((f"{tid}_chart", f"level{lv}", lambda tid=tid: ch.bar_chart(
                T[tid], "% favorable", title=T[tid].title, xlabel="Percent favorable", limits=(0, 100))))
    return plan_


def _findings(T: dict[str, ProtectedTable], by_level: dict[int, list[str]], levels: list[int]) -> list[str]:
    """Plain sentences for the summary, each quoting only cells the rule left visible."""
    out: list[str] = []
    t = T.get("responses")
    if t is not None:
        for row in t.display.iloc[:, 0]:
            # the survey's title goes outside the template: it may hold digits, a template may not
            text = sentence("{n} responses", n=(t, row, "Responses"))
            if text:
                out.append(f"{row}: {text}.")
    for lv in levels:
        for tid in by_level[lv]:
            t = T.get(tid)
            if t is None:
                continue
            if tid.startswith("prepost_"):
                row = t.display.iloc[0, 0]
                text = sentence("the mean went from {a} to {b} (g_av {g}, 95% CI {lo} to {hi}; matched n {n})",
                                a=(t, row, "Earlier mean"), b=(t, row, "Later mean"), g=(t, row, "g_av"),
                                lo=(t, row, "CI low"), hi=(t, row, "CI high"), n=(t, row, "Matched n"))
                if text:
                    out.append(f"{row.split(':')[0]}: {text}.")
            elif tid.startswith("nps_"):
                text = sentence("The Net Promoter Score was {v} (95% CI {lo} to {hi}; n {n}).",
                                v=(t, "All respondents", "NPS"), lo=(t, "All respondents", "CI low"),
                                hi=(t, "All respondents", "CI high"), n=(t, "All respondents", "n"))
                if text:
                    out.append(text)
            else:
                out += _extremes(t, t.title.split(": percent favorable")[0])
    return out


def _extremes(t: ProtectedTable, survey: str) -> list[str]:
    """The most and the least favorably rated item of a table, when both are shown."""
    shown = [(t.shown(r, "% favorable"), r) for r in t.display.iloc[:, 0] if not str(r).startswith("Scale: ")]
    shown = [(v, r) for v, r in shown if v is not None and not np.isnan(v)]
    if not shown:
        return []
    hi, lo = max(shown), min(shown)
    out = []
    if len(shown) == 1:
        text = sentence("{p} favorable, n {n}", p=(t, hi[1], "% favorable"), n=(t, hi[1], "n"))
        return [f"{survey}: \u201c{hi[1]}\u201d, {text}."] if text else []
    # the item's wording goes outside the template: it may hold digits, a template may not
    text = sentence("{p} favorable, n {n}", p=(t, hi[1], "% favorable"), n=(t, hi[1], "n"))
    if text:
        out.append(f"{survey}, most favorable: \u201c{hi[1]}\u201d ({text}).")
    if lo[1] != hi[1]:
        text = sentence("{p} favorable, n {n}", p=(t, lo[1], "% favorable"), n=(t, lo[1], "n"))
        if text:
            out.append(f"{survey}, least favorable: \u201c{lo[1]}\u201d ({text}).")
    return out
