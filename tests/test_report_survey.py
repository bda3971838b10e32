"""The survey report kind on handmade projects: sections declared by data and levels, figures checked by hand.

Each test writes a small project (CSV exports, evalkit.yml, codebook.yml) as a user would, runs ingest,
clean and anonymize, then builds the survey report's artifacts from the anonymized store only.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from evalkit.anonymize.keys import keygen
from evalkit.config import load_project
from evalkit.pipeline import process_project
from evalkit.processed import load_processed
from evalkit.report.kinds import build_artifacts, report_units
from evalkit.report.sections import plan, sections_of
from evalkit.config import ProgramKind

RATING = {1: "Poor", 2: "Fair", 3: "Good", 4: "Excellent"}   # favorable 3-4: no label says "Strongly"


def _project(root: Path, *, levels: list[int], files: dict[str, pd.DataFrame], sources: list[dict],
             items: dict[str, dict], nps: str | None = None, scales: dict | None = None,
             columns: dict | None = None) -> Path:
    key = keygen(root / "key" / "k.key")       # outside the project folder, as the key rules require
    root = root / "project"
    raw = root / "raw"
    raw.mkdir(parents=True)
    for name, df in files.items():
        df.to_csv(raw / name, index=False)
    project = {"schema_version": 1, "project": "handmade", "title": "Handmade survey program",
               "organization": "Test org", "data_as_of": "2026-06-30", "raw_dir": "raw",
               "processed_dir": "processed", "reports_dir": "reports",
               "programs": [{"id": "workshop", "kind": "survey", "name": "Data Workshop",
                             "description": "A two-day workshop on data use for school leaders.",
                             "instruments": ["feedback"], "guskey_levels": levels}],
               "sources": [{"kind": "survey", "program": "workshop", "instrument": "feedback", **s} for s in sources],
               "anonymize": {"key_file": str(key)}}
    codebook = {"response_scales": {"rating4": {"codes": RATING, "favorable": [3, 4],
                                                "non_substantive": {9: "Not applicable"}},
                                    "nps11": {"codes": {i: str(i) for i in range(11)}}},
                "instruments": {"feedback": {"title": "Workshop feedback", "guskey_level": 1, "items": items,
                                             "scales": scales or {}, "nps_item": nps,
                                             "columns": columns or {"email": {"role": "identifier", "kind": "email"}}}}}
    (root / "evalkit.yml").write_text(yaml.safe_dump(project, sort_keys=False), encoding="utf-8")
    (root / "codebook.yml").write_text(yaml.safe_dump(codebook, sort_keys=False), encoding="utf-8")
    return root


def _build(root: Path) -> tuple[dict, dict[str, pd.DataFrame]]:
    cfg = load_project(root)
    process_project(cfg)
    store = load_processed(cfg)
    unit = report_units(cfg)[0]
    out = root / "reports" / unit.cadre / "artifacts"
    build_artifacts(cfg, store, unit, out)
    facts = json.loads((out / "facts.json").read_text(encoding="utf-8"))
    tables = {tid: pd.read_csv(out / spec["file"], dtype=str, keep_default_na=False)
              for tid, spec in facts["tables"].items()}
    return facts, tables


def _post(n: int, rng: np.random.Generator, *, with_email: bool = False) -> pd.DataFrame:
    df = pd.DataFrame({"q1": rng.choice([1, 2, 3, 4, 9], size=n, p=[.1, .2, .4, .2, .1]),
                       "q2": rng.choice([1, 2, 3, 4], size=n),
                       "learn1": rng.choice([1, 2, 3, 4], size=n),
                       "nps": rng.integers(0, 11, size=n)})
    if with_email:
        df.insert(0, "email", [f"person{i}@example.org" for i in range(n)])
    return df


ITEMS = {"q1": {"text": "The sessions were well organized", "scale": "rating4"},
         "q2": {"text": "The materials were useful", "scale": "rating4"},
         "learn1": {"text": "I understand how to read a data dashboard", "scale": "rating4", "guskey_level": 2}}


def test_post_only_percent_favorable_from_codebook_codes(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    post = _post(60, rng)
    root = _project(tmp_path, levels=[1, 2], files={"post.csv": post},
                    sources=[{"id": "post", "file": "post.csv", "wave": "post"}], items=ITEMS)
    facts, tables = _build(root)
    t = tables["favorable_l1_post"].set_index("Item")
    # independent computation: favorable = codes 3-4 among substantive answers (9 = N/A left out)
    answered = post["q1"][post["q1"] != 9]
    assert t.loc["The sessions were well organized", "n"] == str(len(answered))
    assert t.loc["The sessions were well organized", "% favorable"] == f"{100 * answered.isin([3, 4]).mean():.0f}%"
    ids = [s["id"] for s in facts["sections"]]
    assert "level1" in ids and "level2" in ids and "level3" not in ids      # levels [1, 2] only
    matrix = tables["data_sources"].set_index("Level")
    assert list(matrix.index) == ["Level 1", "Level 2"]
    assert matrix.loc["Level 2", "Status"] == "reported; change is not measured: no pre wave"
    summary = next(s for s in facts["sections"] if s["id"] == "summary")["text"]
    assert "60 responses" in summary and "after the program only" in summary
    assert "below the privacy threshold" not in json.dumps(facts)


def test_levels_not_collected_and_too_few_are_said_plainly(tmp_path: Path) -> None:
    rng = np.random.default_rng(2)
    root = _project(tmp_path, levels=[1, 2, 3], files={"post.csv": _post(6, rng)},
                    sources=[{"id": "post", "file": "post.csv", "wave": "post"}],
                    items={k: v for k, v in ITEMS.items() if k != "learn1"})
    facts, tables = _build(root)
    matrix = tables["data_sources"].set_index("Level")
    assert matrix.loc["Level 1", "Status"] == "fewer than 10 responses"       # privacy, and it is the reason
    assert matrix.loc["Level 2", "Status"] == "not collected"                 # no item measures learning
    assert matrix.loc["Level 3", "Status"] == "not collected"
    assert not any(s["id"].startswith("level") for s in facts["sections"])


def test_nps_where_declared(tmp_path: Path) -> None:
    from evalkit.analyze import net_promoter_score

    rng = np.random.default_rng(3)
    post = _post(80, rng)
    items = {**ITEMS, "nps": {"text": "How likely are you to recommend the workshop?", "scale": "nps11"}}
    root = _project(tmp_path, levels=[1], files={"post.csv": post},
                    sources=[{"id": "post", "file": "post.csv", "wave": "post"}], items=items, nps="nps")
    facts, tables = _build(root)
    expected = net_promoter_score(post["nps"].astype(float)).estimate
    assert tables["nps_post"].loc[0, "NPS"] == f"{expected:+.0f}"
    assert "nps" not in set(tables["favorable_l1_post"]["Item"])             # NPS is not a favorable item
    level1 = next(s for s in facts["sections"] if s["id"] == "level1")
    assert level1["tables"] == ["favorable_l1_post", "nps_post"]


def test_pre_post_pairs_on_pseudonyms(tmp_path: Path) -> None:
    rng = np.random.default_rng(4)
    pre, post = _post(40, rng, with_email=True), _post(40, rng, with_email=True)
    post["email"] = [f"person{i}@example.org" for i in range(10, 50)]          # 30 people answered both
    post["learn1"] = np.minimum(4, pre["learn1"].to_numpy() + 1)
    scales = {"learning": {"label": "Data literacy", "items": ["learn1", "q2"], "guskey_level": 2}}
    items = {**ITEMS, "q2": {**ITEMS["q2"], "guskey_level": 2}}
    root = _project(tmp_path, levels=[1, 2], files={"pre.csv": pre, "post.csv": post},
                    sources=[{"id": "pre", "file": "pre.csv", "wave": "pre", "fields": {"person": "email"}},
                             {"id": "post", "file": "post.csv", "wave": "post", "fields": {"person": "email"}}],
                    items=items, scales=scales)
    facts, tables = _build(root)
    change = tables["prepost_learning"]
    assert change.loc[0, "Matched n"] == "30"
    matrix = tables["data_sources"].set_index("Level")
    assert matrix.loc["Level 2", "Timing"] == "before and after (matched respondents)"
    store = load_processed(root / "evalkit.yml")
    assert "email" not in store["pre"].columns and store["pre"]["person_id"].str.fullmatch(r"[0-9a-f]{20}").all()


def test_plan_follows_levels_and_evidence() -> None:
    d = {x.spec.id: x for x in plan(ProgramKind.survey, {"responses": None, "level1": None,
                                                         "level4": "fewer than 10 responses"}, levels=[1, 4])}
    assert d["level1"].included and not d["level4"].included
    assert d["level4"].reason == "fewer than 10 responses"
    assert d["level2"].reason == "not among the program's levels"
    # every program kind has its report now: each declares its sections, summary first
    assert all(sections_of(k)[0].id == "summary" for k in ProgramKind)


def test_a_survey_released_again_with_one_more_response_is_refused(tmp_path: Path) -> None:
    """Statistics tables count for the re-release check: 45% of 60 then 46% of 61 gives the 61st answer away."""
    from evalkit.disclose import ReleaseLedger
    from evalkit.errors import RereleaseError

    rng = np.random.default_rng(7)
    post = _post(60, rng)
    root = _project(tmp_path, levels=[1], files={"post.csv": post},
                    sources=[{"id": "post", "file": "post.csv", "wave": "post"}], items=ITEMS)
    cfg = load_project(root)
    process_project(cfg)
    ledger = ReleaseLedger(tmp_path / "ledger.jsonl")
    unit = report_units(cfg)[0]
    _, protected = build_artifacts(cfg, load_processed(cfg), unit, tmp_path / "a1", ledger=ledger)
    ledger.append(protected)
    _, again = build_artifacts(cfg, load_processed(cfg), unit, tmp_path / "a2", ledger=ledger)   # same data: fine
    pd.concat([post, _post(1, np.random.default_rng(8))]).to_csv(root / "raw" / "post.csv", index=False)
    process_project(cfg)
    with pytest.raises(RereleaseError, match="now read differently"):
        build_artifacts(cfg, load_processed(cfg), unit, tmp_path / "a3", ledger=ledger)
    build_artifacts(cfg, load_processed(cfg), unit, tmp_path / "a4", ledger=ledger, allow_rerelease="late response")


def test_an_interval_never_gives_back_a_coded_share(tmp_path: Path) -> None:
    """40 of 40 favorable reads '>75%' (fewer than 10 on the other side); its Wilson lower bound (91%) would
    say far more, so it is blank."""
    rng = np.random.default_rng(9)
    post = _post(40, rng)
    post["q2"] = 4
    root = _project(tmp_path, levels=[1], files={"post.csv": post},
                    sources=[{"id": "post", "file": "post.csv", "wave": "post"}], items=ITEMS)
    facts, tables = _build(root)
    row = tables["favorable_l1_post"].set_index("Item").loc["The materials were useful"]
    assert row["% favorable"] == ">75%" and row["CI low"] == "not shown" and row["CI high"] == "not shown"
    other = tables["favorable_l1_post"].set_index("Item").loc["The sessions were well organized"]
    assert other["CI low"].endswith("%") and other["CI high"].endswith("%")
    log = tables["disclosure_log"]
    coded = log[log["Rule"] == "would give back a coded figure of its row"]
    assert coded["Where"].str.contains("CI low").any()


def test_the_matrix_gives_the_true_reason_for_no_change(tmp_path: Path) -> None:
    """A pre wave that cannot be paired is not 'no pre wave'; items without favorable codes are not 'too few'."""
    rng = np.random.default_rng(10)
    items = {**ITEMS, "learn2": {"text": "I can lead a data meeting", "scale": "plain", "guskey_level": 4}}
    root = _project(tmp_path, levels=[1, 2, 4], files={"pre.csv": _post(200, rng), "post.csv": _post(200, rng)},
                    sources=[{"id": "pre", "file": "pre.csv", "wave": "pre"},
                             {"id": "post", "file": "post.csv", "wave": "post"}], items=items)
    cb = yaml.safe_load((root / "codebook.yml").read_text(encoding="utf-8"))
    cb["response_scales"]["plain"] = {"codes": RATING}          # no favorable codes
    cb["instruments"]["feedback"]["scales"] = {"learning": {"label": "Data literacy", "items": ["learn1"],
                                                            "guskey_level": 2}}
    (root / "codebook.yml").write_text(yaml.safe_dump(cb), encoding="utf-8")
    df = _post(200, rng).assign(learn2=rng.choice([1, 2, 3, 4], size=200))
    df.to_csv(root / "raw" / "post.csv", index=False)
    facts, tables = _build(root)
    matrix = tables["data_sources"].set_index("Level")
    assert matrix.loc["Level 2", "Status"] == ("reported; change is not measured: the pre and post waves cannot be "
                                               "paired (no person column, or no scales in the codebook)")
    assert matrix.loc["Level 4", "Status"] == "its items have no favorable answers defined in the codebook"


def test_coded_figures_are_not_given_back_by_the_nps_or_a_scale_row(tmp_path: Path) -> None:
    """All answers 10: NPS +100 would say '100% promoters', which coding hides. An item at '>95%' pooled in a
    scale row with a shown item would come back as the scale minus the other."""
    rng = np.random.default_rng(11)
    post = _post(40, rng)
    post["nps"] = 10
    post["q1"] = 4                                             # 40 of 40 favorable: '>75%'
    post["q2"] = rng.choice([1, 2, 3, 4], size=40)
    items = {**ITEMS, "nps": {"text": "How likely are you to recommend the workshop?", "scale": "nps11"}}
    root = _project(tmp_path, levels=[1], files={"post.csv": post}, items=items, nps="nps",
                    sources=[{"id": "post", "file": "post.csv", "wave": "post"}],
                    scales={"org": {"label": "Organization", "items": ["q1", "q2"]}})
    facts, tables = _build(root)
    nps = tables["nps_post"].iloc[0]
    assert nps["NPS"] == "not shown" and nps["Promoters"] == "not shown" and nps["CI low"] == "not shown"
    fav = tables["favorable_l1_post"].set_index("Item")
    assert fav.loc["The sessions were well organized", "% favorable"] == ">75%"
    assert fav.loc["Scale: Organization", "% favorable"] == "not shown" and fav.loc["Scale: Organization", "CI low"] == "not shown"
    assert fav.loc["The materials were useful", "% favorable"].endswith("%")
