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


def _hashes() -> dict[str, str]:
    return {str(p.relative_to(DEMO)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(DEMO.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    before = _hashes()
    out = tmp_path_factory.mktemp("demo")
    result = CliRunner().invoke(app, ["demo", "--data", str(DEMO), "--out", str(out / "reports"),
                                      "--processed", str(out / "processed")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return {"before": before, "after": _hashes(), "reports": out / "reports", "processed": out / "processed",
            "output": result.output}


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


def test_every_count_is_at_least_n_min(demo_run) -> None:
    """Until the disclose stage lands, every person or response count shown is >= 10 or suppressed."""
    count_columns = {"Participants", "Attendees", "Evaluations", "Responses", "Responses (all schools pooled)",
                     "Schools with at least 10 responses", "Rows or cells"}
    checked = 0
    for csv in demo_run["reports"].rglob("tables/*.csv"):
        table = pd.read_csv(csv, dtype=str, keep_default_na=False)
        for col in count_columns & set(table.columns):
            for cell in table[col]:
                checked += 1
                assert cell == "fewer than 10" or int(cell.replace(",", "")) >= 10, (csv.name, col, cell)
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
