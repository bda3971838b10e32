"""The whole flow on the demo data: the must-show points of the foundation issue.

* the data-quality log counts every defect seeded in ``data_raw/demo/defects.json``;
* every raw file is byte-identical after the run;
* reports exist as HTML and PDF, hold no code, no personal data and no count under ``n_min``.

One module-scoped run of ``evalkit demo`` (about 30 s) serves every test here.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections import defaultdict
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from evalkit.cli import app
from evalkit.ingest import read_export

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data_raw" / "demo"
pytestmark = pytest.mark.slow

# Defect kinds decided by a rule with one right answer: the log must match the manifest exactly,
# row for row. PII and name noise need judgement (see test_judgement_defects_found).
EXACT = {"preview_response", "test_response", "duplicate_response", "partial_response", "speeder", "straight_liner",
         "withdrawn_participant", "non_substantive_code", "label_instead_of_code", "mixed_date_format",
         "renamed_column", "email_noise", "wrong_event", "small_group"}


@pytest.fixture(scope="module")
def log(demo_run) -> pd.DataFrame:
    entries = json.loads((demo_run["processed"] / "quality_log.json").read_text())["entries"]
    df = pd.DataFrame(entries)
    return df[df["defect"].notna() & ~df["action"].isin(["off", "not_applicable"])]


def _defects() -> list[dict]:
    return json.loads((DEMO / "defects.json").read_text())


def _found(log: pd.DataFrame, file: str, kind: str) -> tuple[int, set[int]]:
    sel = log[(log["file"] == file) & (log["defect"] == kind)]
    return int(sel["count"].sum()), {r for rows in sel["rows"] for r in rows}


def test_raw_files_unchanged(demo_run) -> None:
    assert demo_run["before"] == demo_run["after"]


@pytest.mark.parametrize("defect", [d for d in _defects() if d["kind"] in EXACT], ids=lambda d: d["id"])
def test_rule_defects_counted_exactly(log, defect) -> None:
    expected: defaultdict[str, int] = defaultdict(int)
    for d in _defects():
        expected[(d["file"], d["kind"])] += d["count"]
    count, rows = _found(log, defect["file"], defect["kind"])
    assert count == expected[(defect["file"], defect["kind"])], defect["description"]
    if defect.get("unit") in ("rows", "cells") and defect["kind"] != "renamed_column":
        assert set(defect["rows"]) <= rows, sorted(set(defect["rows"]) - rows)


@pytest.mark.parametrize("defect", [d for d in _defects() if d["kind"] not in EXACT], ids=lambda d: d["id"])
def test_judgement_defects_found(log, defect) -> None:
    """PII in free text and typed-name noise: counted, with most of the seeded rows found.

    PII: at least 90 % of the seeded cells' rows (names that are everyday words, at a sentence start
    and with no other clue, are the misses). Name noise: at least 85 %; the rest are Zoom or sign-in
    rows with no e-mail, which cannot be compared with the roster until name-based linkage lands
    with the anonymize stage (issue 2/5).
    """
    count, rows = _found(log, defect["file"], defect["kind"])
    assert count > 0, f"{defect['id']} {defect['kind']} not counted at all"
    seeded = set(defect["rows"])
    recall = len(seeded & rows) / len(seeded)
    assert recall >= (0.9 if defect["kind"] == "pii_in_free_text" else 0.85), \
        f"{defect['id']}: found {recall:.0%} of the seeded rows"


def test_every_demo_file_ingests() -> None:
    files = [p for p in DEMO.rglob("*") if p.is_file() and not p.name.startswith(".")]
    assert len(files) >= 25
    for f in files:
        assert read_export(f).source.n_rows > 0, f


def test_reports_written(demo_run) -> None:
    for cadre in ("C1", "C2", "C3"):
        folder = demo_run["reports"] / cadre
        assert (folder / "report.html").stat().st_size > 10_000
        assert (folder / "report.pdf").read_bytes()[:5] == b"%PDF-"


def _roster_strings() -> list[str]:
    reg = read_export(DEMO / "registration.xlsx").data
    values = set()
    for col in ("first_name", "last_name", "email", "phone", "school_name"):
        values |= {str(v).strip() for v in reg[col].dropna()}
    values |= {f"{f} {l}" for f, l in zip(reg["first_name"], reg["last_name"])}
    # Single first names that are everyday words would match ordinary prose; check full names for them.
    return sorted(v for v in values if len(v) >= 4 and not v.istitle() or " " in v or "@" in v)


def _report_texts(demo_run) -> dict[str, str]:
    import pypdf

    texts = {}
    for path in demo_run["reports"].rglob("*"):
        if path.suffix == ".pdf":
            texts[str(path)] = "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
        elif path.suffix in (".html", ".ipynb", ".json", ".csv"):
            texts[str(path)] = path.read_text(encoding="utf-8")
    return texts


def test_reports_hold_no_personal_data(demo_run) -> None:
    texts = _report_texts(demo_run)
    needles = [s.casefold() for s in _roster_strings()]
    for name, text in texts.items():
        low = text.casefold()
        hits = [n for n in needles if n in low]
        assert not hits, f"{name} contains roster values, e.g. {hits[:3]}"
        assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.-]+", text), f"{name} contains an e-mail address"
        assert not re.search(r"\b\d{3}[-.]\d{3}[-.]\d{4}\b", text), f"{name} contains a phone number"


def test_reports_hold_no_code_and_no_error(demo_run) -> None:
    for cadre in ("C1", "C2", "C3"):
        html = (demo_run["reports"] / cadre / "report.html").read_text(encoding="utf-8")
        for needle in ("import evalkit", "er.show_", "Traceback", "In&nbsp;[", "jp-InputArea", "stderr"):
            assert needle not in html, (cadre, needle)


def test_reports_speak_in_human_labels(demo_run) -> None:
    """No snake_case ids, file names, module paths or JSON in any demo report's body (issue [3/9])."""
    from conftest import internal_tokens

    for cadre in ("C1", "C2", "C3", "program-cadre-2025"):
        for doc in ("report.html", "supplement.html"):   # the technical supplement speaks in words too
            assert internal_tokens(demo_run["reports"] / cadre / doc) == [], (cadre, doc)


def test_no_report_names_a_file_or_another_cadre(demo_run) -> None:
    """Case notes are named after schools: no report lists a file, and none mentions another cadre's files."""
    for cadre in ("C1", "C2", "C3"):
        for doc in ("report.html", "supplement.html"):
            html = (demo_run["reports"] / cadre / doc).read_text(encoding="utf-8")
            assert "case_study_notes" not in html and "_elementary" not in html, (cadre, doc)
            others = [c for c in ("C1", "C2", "C3") if c != cadre]
            assert not any(f"{o}-T0" in html for o in others), (cadre, doc)
            assert not any(f"cadre {o}" in html.casefold() for o in ("c1", "c2", "c3") if o.upper() != cadre), \
                (cadre, doc)


def test_every_count_is_at_least_n_min(demo_run) -> None:
    """Every person or response count shown is >= 10, zero (it describes nobody: the rule publishes zeros, and a
    "fewer than 10" never stands for one), or suppressed."""
    count_columns = {"n", "Attendees", "Evaluations", "Respondents", "Matched n", "Pre n", "Post n", "Pre", "Post",
                     "Total", "Rows or cells"}
    checked = 0
    for csv in demo_run["reports"].rglob("tables/*.csv"):
        table = pd.read_csv(csv, dtype=str, keep_default_na=False)
        for col in count_columns & set(table.columns):
            for cell in table[col]:
                checked += 1
                assert cell in ("fewer than 10", "not shown", "", "0") or int(cell.replace(",", "")) >= 10, \
                    (csv.name, col, cell)
    facts = json.loads((demo_run["reports"] / "C1" / "artifacts" / "facts.json").read_text())
    for item in facts["headline"]:
        if item["label"] != "Events held":
            assert item["value"] == "fewer than 10" or int(item["value"].replace(",", "")) >= 10
    assert checked > 50


def test_processed_tables_hold_no_direct_identifiers(demo_run) -> None:
    """data_processed/ gets each table's publishable projection only: no names, e-mails or phones."""
    reg = read_export(DEMO / "registration.xlsx").data
    full_names = {f"{f} {l}".casefold() for f, l in zip(reg["first_name"], reg["last_name"])}
    emails = {str(e).strip().casefold() for e in reg["email"].dropna()}
    files = list(demo_run["processed"].glob("*.parquet"))
    assert len(files) >= 15
    for path in files:
        table = pd.read_parquet(path)
        for col in table.columns:
            if not (pd.api.types.is_object_dtype(table[col]) or pd.api.types.is_string_dtype(table[col])):
                continue
            values = {str(v).strip().casefold() for v in table[col].dropna()}
            assert not values & full_names, (path.name, col, "full names")
            assert not values & emails, (path.name, col, "e-mails")
            assert not any(re.search(r"@|\b\d{3}[-.) ]+\d{3}[-.]\d{4}\b", v) for v in values), (path.name, col)
    for text_file in ("quality_log.json", "quality_log.csv", "provenance.json"):
        text = (demo_run["processed"] / text_file).read_text(encoding="utf-8").casefold()
        assert not any(e in text for e in emails), text_file



def _all_output_text(demo_run) -> dict[str, str]:
    """Every file under data_processed/ and reports/ as text (parquet cells, PDF text, the rest as read)."""
    import pypdf

    texts = {}
    for root in (demo_run["processed"], demo_run["reports"]):
        for path in root.rglob("*"):
            if not path.is_file():
                continue
            if path.suffix == ".parquet":
                t = pd.read_parquet(path)
                texts[str(path)] = "\n".join(" | ".join(map(str, row)) for row in t.itertuples(index=False)) + \
                    "\n" + " ".join(map(str, t.columns))
            elif path.suffix == ".pdf":
                reader = pypdf.PdfReader(path)
                texts[str(path)] = "\n".join(p.extract_text() for p in reader.pages) + str(reader.metadata)
            elif path.suffix in (".png", ".svg"):
                continue
            else:
                texts[str(path)] = path.read_text(encoding="utf-8", errors="replace")
    return texts


def test_no_roster_value_self_code_or_key_in_any_output(demo_run) -> None:
    """Issue 2/5 must-show: nothing under data_processed/ or reports/ holds a roster name, e-mail, phone,
    self-generated code, or any 8-character piece of the key."""
    reg = read_export(DEMO / "registration.xlsx").data
    needles: dict[str, str] = {}
    for f, l in zip(reg["first_name"], reg["last_name"]):
        needles[f"{f} {l}".casefold()] = "full name"
        needles[f"{l}, {f}".casefold()] = "full name"
    for e in reg["email"].dropna():
        needles[str(e).strip().casefold()] = "e-mail"
    for p in reg["phone"].dropna():
        digits = re.sub(r"\D", "", str(p))
        needles[digits[-10:]] = "phone digits"
    for wave in ("staff_pre.csv", "staff_post.csv"):
        for code in read_export(DEMO / wave).data["self_code"].dropna():
            if len(code) >= 6:
                needles[code.casefold()] = "self-generated code"
    key_hex = demo_run["key"].hex()
    key_pieces = {key_hex[i:i + 8] for i in range(len(key_hex) - 7)}
    for name, text in _all_output_text(demo_run).items():
        low = text.casefold()
        digits_only = re.sub(r"\D", "", low)
        for needle, kind in needles.items():
            hay = digits_only if kind == "phone digits" else low
            assert needle not in hay, f"{name} contains a {kind}"
        assert not any(piece in low for piece in key_pieces), f"{name} contains a piece of the key"


def test_dictionary_attack_finds_nothing(demo_run) -> None:
    """Unkeyed hashes (MD5, SHA-1, SHA-256) of every roster e-mail and name, over many normalizations,
    match nothing in data_processed/: pseudonyms are keyed."""
    import base64
    import unicodedata

    reg = read_export(DEMO / "registration.xlsx").data
    raw = [str(v) for v in reg["email"].dropna()]
    raw += [f"{f} {l}" for f, l in zip(reg["first_name"], reg["last_name"])]
    raw += [str(v) for v in reg["registration_id"].dropna()]
    variants = set()
    for v in raw:
        for w in (v, v.strip(), v.lower(), v.upper(), v.casefold(), v.strip().lower(),
                  unicodedata.normalize("NFKC", v).strip().casefold(), v.replace(" ", ""),
                  v.split("@")[0].replace(".", "") + ("@" + v.split("@")[1] if "@" in v else "")):
            variants.add(w)
    digests = set()
    for v in variants:
        for algo in ("md5", "sha1", "sha256"):
            d = hashlib.new(algo, v.encode()).digest()
            digests.add(d.hex()[:16])
            digests.add(base64.b64encode(d).decode()[:16].casefold())
    found = 0
    for path in demo_run["processed"].glob("*.parquet"):
        t = pd.read_parquet(path)
        for col in t.columns:
            for v in t[col].dropna().astype(str).unique():
                if len(v) >= 16 and v[:16].casefold() in digests:
                    found += 1
    assert found == 0
    assert len(variants) >= 8 * 300


def test_processed_tables_are_pseudonymized(demo_run) -> None:
    pre = pd.read_parquet(demo_run["processed"] / "participant_pre.parquet")
    post = pd.read_parquet(demo_run["processed"] / "participant_post.parquet")
    assert pre["person_id"].str.fullmatch(r"[0-9a-f]{20}").all()
    linked = set(pre["person_id"]) & set(post["person_id"])
    assert len(linked) >= 0.8 * min(len(pre), len(post))  # pre and post link on the keyed e-mail
    log = json.loads((demo_run["processed"] / "anonymize_log.json").read_text())
    assert re.fullmatch(r"[0-9a-f]{8}", log["key_fingerprint"])
    # the store keeps quasi-identifiers (k is measured and logged); extracts are made k-anonymous
    assert any(k["source"] == "registration" and k["k"] >= 1 for k in log["k_anonymity"])


def test_analysis_recovers_the_demo_effect(demo_run) -> None:
    """Scores from the anonymized tables, paired on person_id: the generator planted ~0.5 SD of growth."""
    from evalkit.analyze import prepost_table, reliability_table, score_scales
    from evalkit.config import load_project

    cfg = load_project(ROOT / "evalkit" / "demo" / "project" / "evalkit.yml")
    inst = cfg.codebook.instruments["participant_survey"]
    waves = {}
    for wave in ("pre", "post"):
        t = pd.read_parquet(demo_run["processed"] / f"participant_{wave}.parquet")
        scored = score_scales(t, inst, cfg.codebook, scales=["leadership_practice", "science_leadership"])
        waves[wave] = scored.scores.assign(person_id=t["person_id"].to_numpy())
    table = prepost_table(waves["pre"], waves["post"], scales=["leadership_practice", "science_leadership"])
    main = table[(table.group == "all") & (table.comparison == "post - pre")].set_index("scale")
    assert (main["design"] == "matched").all() and (main["n"] >= 80).all()
    assert main["estimate"].between(0.2, 1.5).all(), main[["estimate", "ci_low", "ci_high"]]
    assert (main["ci_low"] > 0).all()
    rel = reliability_table(pd.read_parquet(demo_run["processed"] / "participant_pre.parquet"), inst, cfg.codebook)
    assert rel["alpha"].between(0.3, 1).all()


# -- the disclose stage on the demo (issue [4/5]) ------------------------------------------------------

def test_every_bundle_has_a_passed_disclosure_log_and_charts_with_alt_text(demo_run) -> None:
    for cadre in ("C1", "C2", "C3"):
        art = demo_run["reports"] / cadre / "artifacts"
        log = json.loads((art / "disclosure_log.json").read_text())
        assert log["schema"] == "evalkit.disclosure_log/1" and log["audit"]["passed"]
        assert log["cells"] > 100 and 0 <= log["share_hidden"] < 0.5
        facts = json.loads((art / "facts.json").read_text())
        assert facts["disclosure"]["policy"] and len(facts["charts"]) >= 4
        html = (demo_run["reports"] / cadre / "report.html").read_text(encoding="utf-8")
        imgs = re.findall(r"<img\b[^>]*>", html)
        assert imgs and all(re.search(r'alt="[^"]{20,}"', tag) for tag in imgs)
        assert "attacker" in html and "machine-readable file beside it" in html      # the policy in plain words


def test_staff_survey_only_in_summary_form(demo_run) -> None:
    """Scenarios 13 and 14: no per-school figure for a school under n_min, no verbatim staff comment."""
    from evalkit.clean.project import clean_project
    from evalkit.demo.config import demo_config

    cfg = demo_config(data=DEMO)
    cleaned = clean_project(cfg)
    staff = pd.concat([cleaned.tables[s].data.assign(wave=w) for s, w in (("staff_pre", "pre"), ("staff_post", "post"))])
    per = staff.groupby(["school_code", "wave"]).size().unstack(fill_value=0)
    small = {str(code) for code, row in per.iterrows() if row.min() < 10}
    comments = [str(c) for c in staff["comment_text"].dropna() if len(str(c)) > 25]
    assert small and comments      # the demo plants both
    texts = _report_texts(demo_run)
    for name, text in texts.items():
        # the state report lists the grant schools' screening by school code (figures of students screened, each
        # at n_min or more): a school's code there says nothing of its staff survey
        shown = {code for code in small if re.search(rf"\b{re.escape(code)}\b", text)}
        assert not shown or "/state/" in f"/{name}", f"{name} shows schools under n_min: {sorted(shown)[:3]}"
        assert not any(c[:25] in text for c in comments), f"{name} quotes a staff comment"


def test_release_ledger_records_figures_only(demo_run) -> None:
    rows = [json.loads(line) for line in (demo_run["processed"] / "release_ledger.jsonl").read_text().splitlines()]
    # each report is ledgered as it passes the audit, so the reports two workers render side by side arrive in
    # either order; the program summary is rendered after its cadres, so it comes last
    assert sorted(r["unit"] for r in rows[:-1]) == sorted([
        "demo/cadre/2025/C1", "demo/cadre/2025/C2", "demo/cadre/2025/C3", "demo/pipeline", "demo/network/2025",
        "demo/principal_network/2025", "demo/state"])
    assert rows[-1]["unit"] == "demo/cadre/2025/program"
    assert all(set(r) >= {"release_id", "released_at", "policy"} for r in rows)
    of = {r["unit"]: r for r in rows}
    # counts of people are the attacker's figures; the pipeline publishes statistics only (rates, models)
    assert all(of[u]["figures"] for u in ("demo/cadre/2025/C1", "demo/cadre/2025/C2", "demo/cadre/2025/C3",
                                           "demo/network/2025", "demo/principal_network/2025"))
    assert of["demo/cadre/2025/program"]["figures"] == []   # it copies published figures: it releases none


def test_a_table_with_no_figure_shown_is_not_in_the_body(demo_run) -> None:
    """A body table whose every figure is withheld says nothing there: it goes to the appendix of detailed tables."""
    import csv

    for cadre in ("C1", "C2", "C3"):
        facts = json.loads((demo_run["reports"] / cadre / "artifacts" / "facts.json").read_text(encoding="utf-8"))
        body = {t for s in facts["sections"] if s["part"] == "report" and s["id"] != "appendix_items"
                for t in s["tables"]}
        for tid in body:
            with (demo_run["reports"] / cadre / "artifacts" / "tables" / f"{tid}.csv").open(encoding="utf-8") as fh:
                header, *rows = list(csv.reader(fh))
            counts = {"n", "Evaluations", "Respondents", "Pre", "Post", "Total", "Pre n", "Post n", "Matched n",
                      "Comments", "Attendees", "Events", "Hours offered"}
            keep = [j for j, h in enumerate(header) if j and h not in counts]   # figures, not their n
            cells = [r[j] for r in rows for j in keep if j < len(r) and r[j].strip()]
            assert not cells or any(c not in ("not shown", "fewer than 10") for c in cells), (cadre, tid)


def test_program_summary_sets_the_cadres_side_by_side_as_each_report_published_them(demo_run) -> None:
    """Issue [3/9]: one table of the cadres side by side, under the same rule: every cell is the text the
    cadre's own (audited) report publishes, or a dash; nothing pooled; the bundle passes the audit."""
    import csv

    root = demo_run["reports"]
    summary = root / "program-cadre-2025"
    assert (summary / "report.pdf").is_file() and (summary / "supplement.html").is_file()
    with (summary / "artifacts" / "tables" / "cadres.csv").open(encoding="utf-8") as fh:
        table = list(csv.DictReader(fh))
    assert [c for c in table[0] if c != "Figure"] == ["Cadre C1", "Cadre C2", "Cadre C3"]
    for cadre in ("C1", "C2", "C3"):
        with (root / cadre / "artifacts" / "tables" / "participant_responses.csv").open(encoding="utf-8") as fh:
            flow = {r["Step"]: r for r in csv.DictReader(fh)}
        row = next(r for r in table if r["Figure"] == "Matched pre and post respondents")
        assert row[f"Cadre {cadre}"] == flow["Matched pre and post"]["Respondents"]
        with (root / cadre / "artifacts" / "tables" / "prepost_learning.csv").open(encoding="utf-8") as fh:
            pp = next(r for r in csv.DictReader(fh) if r["Measure"].endswith("after vs before"))
        row = next(r for r in table if r["Figure"].startswith("Learning:"))
        assert row[f"Cadre {cadre}"] == f"{pp['g_av']} ({pp['CI low']} to {pp['CI high']})"
    assert "All" not in " ".join(table[0])   # no pooled column
    # the audit of the whole reports folder (test_audit_of_the_demo_passes...) covers this bundle too
    assert "program-cadre-2025" in demo_run["output"] or (summary / ".evalkit-render.json").is_file()
    assert (demo_run["processed"] / "release_ledger.jsonl").stat().st_mode & 0o077 == 0


@pytest.fixture()
def demo_key(demo_run, tmp_path, monkeypatch):
    """The key the demo run was made with, as EVALKIT_KEY_FILE (mode 0600, outside any repository)."""
    key = tmp_path / "demo_test.key"
    key.write_bytes(demo_run["key"])
    key.chmod(0o600)
    monkeypatch.setenv("EVALKIT_KEY_FILE", str(key))
    return key


def test_audit_of_the_demo_passes_and_a_doctored_copy_fails(demo_run, demo_key, tmp_path) -> None:
    """The issue's must-show: `evalkit audit` exits 0 on the demo, 1 after a roster name and an n = 3 go in."""
    import shutil

    args = ["--processed", str(demo_run["processed"])]
    assert CliRunner().invoke(app, ["audit", str(demo_run["reports"]), *args]).exit_code == 0
    copy = tmp_path / "doctored"
    shutil.copytree(demo_run["reports"] / "C1", copy / "C1")
    reg = read_export(DEMO / "registration.xlsx").data
    name = f"{reg['first_name'].iloc[0]} {reg['last_name'].iloc[0]}"
    html = copy / "C1" / "report.html"
    html.write_text(html.read_text(encoding="utf-8").replace("</body>", f"<p>Thanks to {name} (n = 3).</p></body>"),
                    encoding="utf-8")
    result = CliRunner().invoke(app, ["audit", str(copy), *args])
    assert result.exit_code == 1
    assert name not in result.output          # findings are masked


def test_batch_withholds_a_bundle_the_audit_rejects(demo_run, demo_key, monkeypatch) -> None:
    """A bundle with findings is not declared a success, its report files are removed, the ledger is untouched."""
    from dataclasses import replace

    from evalkit.disclose import scan
    from evalkit.demo.config import demo_config
    from evalkit.pipeline import quarantine_path, report_project

    real = scan.scan_path

    def doctored(path, ctx):
        report = real(path, ctx)
        return replace(report, findings=(*report.findings, scan.Finding(
            "report.html", "line 1", scan.FindingKind.small_n, "n = 3 (planted by the test)")))

    monkeypatch.setattr(scan, "scan_path", doctored)
    ledger = demo_run["processed"] / "release_ledger.jsonl"
    before = ledger.read_bytes()
    out = demo_run["reports"].parent / "withheld"
    cfg = demo_config(data=DEMO, processed_dir=demo_run["processed"], reports_dir=out)
    results = report_project(cfg, cadres=["C1"], pdf=False)
    assert not results[0].ok and "withheld" in results[0].detail
    assert not (out / "C1" / "report.html").exists() and not (out / "C1" / "artifacts").exists()
    assert ledger.read_bytes() == before
    # the findings travel with the result (the CLI prints them), and the render is kept for a person
    assert ("report.html", "line 1", "small_n", "n = 3 (planted by the test)") in results[0].findings
    held = quarantine_path(cfg, "C1")
    assert (held / "report.html").is_file() and (held / "artifacts" / "facts.json").is_file()
    assert not held.resolve().is_relative_to(out.resolve())
    shutil.rmtree(held)


def test_export_makes_a_k_anonymous_extract_outside_the_store(demo_run, tmp_path) -> None:
    """The store keeps school codes and roles; a person-level extract for others is made k-anonymous."""
    from evalkit.anonymize.export import export_extract
    from evalkit.anonymize.kanon import k_anonymity
    from evalkit.demo.config import demo_config
    from evalkit.errors import EvalkitError

    cfg = demo_config(data=DEMO, processed_dir=demo_run["processed"], reports_dir=demo_run["reports"])
    store = pd.read_parquet(demo_run["processed"] / "registration.parquet")
    qis = ["role", "school_code", "years_in_role", "years_in_district", "tier"]
    assert k_anonymity(store, qis) < 5                  # the analysis store is not generalized
    res = export_extract(cfg, "registration", tmp_path / "registration.csv")
    extract = pd.read_csv(tmp_path / "registration.csv", dtype=str)
    assert res.k_after >= 5 and k_anonymity(extract, qis) >= 5
    assert "person_id" not in extract.columns and len(extract) == len(store)
    record = json.loads(res.record.read_text(encoding="utf-8"))
    assert record["k_after"] == res.k_after and record["steps"]
    with pytest.raises(EvalkitError, match="must not be written inside processed_dir"):
        export_extract(cfg, "registration", demo_run["processed"] / "x.csv")
    texts = export_extract(cfg, "event_evals", tmp_path / "evals.parquet")
    assert not {"q6", "q7"} & set(texts.columns)          # free text is left out of extracts
