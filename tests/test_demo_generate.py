"""The demo generator: byte-for-byte determinism, committed files up to date, defects.json truthful.

The defect checks re-derive every seeded defect from the files alone (csv module, openpyxl,
pyreadstat), without the generator's tags, so a manifest that drifts from the data fails here.
"""

from __future__ import annotations

import csv
import json
import re
import statistics
import zipfile
from pathlib import Path

import pytest

from evalkit.demo.generate import generate_demo, make_state_outcomes

DEMO = Path(__file__).resolve().parents[1] / "data_raw" / "demo"
KINDS = {
    "preview_response", "test_response", "duplicate_response", "partial_response", "speeder",
         "straight_liner",
    "withdrawn_participant", "non_substantive_code", "label_instead_of_code", "mixed_date_format",
         "renamed_column",
    "email_noise", "name_noise", "wrong_event", "small_group", "pii_in_free_text",
}
HEADER_ROWS = {"participant_pre_qualtrics.csv": 3, "participant_post_qualtrics.csv": 3,
               "event_evals_surveymonkey.csv": 2, "pnet_session_evals_surveymonkey.csv": 2}
#: SurveyMonkey exports: two header rows, blank or repeated headers, so their columns are keyed by position.
SURVEYMONKEY = ("event_evals_surveymonkey.csv", "pnet_session_evals_surveymonkey.csv")


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("demo_a")
    generate_demo(root)
    return root


@pytest.fixture(scope="module")
def defects(out: Path) -> list[dict]:
    return json.loads((out / "defects.json").read_text(encoding="utf-8"))


def test_two_runs_are_byte_identical(out: Path, tmp_path: Path) -> None:
    written = generate_demo(tmp_path)
    assert {p.relative_to(tmp_path).as_posix() for p in written} == set(_files(tmp_path))
    a, b = _files(out), _files(tmp_path)
    assert a.keys() == b.keys()
    assert [k for k in a if a[k] != b[k]] == []


def test_committed_demo_matches_generator(out: Path) -> None:
    committed, fresh = _files(DEMO), _files(out)
    assert sorted(committed) == sorted(fresh), "data_raw/demo has missing or extra files: regenerate it"
    stale = [k for k in fresh if committed[k] != fresh[k]]
    assert stale == [], f"regenerate with `python -m evalkit.demo.generate data_raw/demo`; stale: {stale}"


def test_total_size_is_modest(out: Path) -> None:
    assert sum(len(b) for b in _files(out).values()) < 5_000_000


def test_no_wall_clock_in_binary_formats(out: Path) -> None:
    with zipfile.ZipFile(out / "registration.xlsx") as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert "2026-06-30T12:00:00Z" in z.read("docProps/core.xml").decode()
    header = (out / "state_climate_survey.sav").read_bytes()[:120]
    assert header[92:109] == b"15 Sep 2509:30:00"


def test_sav_reads_with_labels_and_user_missing(out: Path) -> None:
    pyreadstat = pytest.importorskip("pyreadstat")
    df, meta = pyreadstat.read_sav(str(out / "state_climate_survey.sav"), user_missing=True)
    assert meta.column_names_to_labels["CL1"] == "Staff at this school trust each other"
    assert meta.variable_value_labels["CL1"][9.0] == "Don't know"
    assert meta.missing_ranges["CL1"] == [{"lo": 9.0, "hi": 9.0}]
    assert (df["CL1"] == 9).any()
    assert df["school_code"].str.fullmatch(r"\d{8}").all() and df["school_code"].str.startswith("0").any()


def test_defects_json_is_well_formed(defects: list[dict]) -> None:
    assert [d["id"] for d in defects] == [f"D{k:02d}" for k in range(1, len(defects) + 1)]
    assert {d["kind"] for d in defects} == KINDS  # every kind of the vocabulary is seeded at least once
    for d in defects:
        assert d["count"] > 0 and d["rows"] == sorted(set(d["rows"]))
        if d["unit"] == "rows":
            assert d["count"] == len(d["rows"])
        elif d["unit"] == "cells":
            assert d["count"] == len(d["cells"]) and {r for r, _ in d["cells"]} == set(d["rows"])
        elif d["unit"] == "groups":
            assert d["count"] == len(d["groups"])


def test_manifest_lists_every_defect(out: Path, defects: list[dict]) -> None:
    text = (out / "MANIFEST.md").read_text(encoding="utf-8")
    for d in defects:
        assert re.search(rf"^\| {d['id']} \| `{re.escape(d['file'])}` \| {d['kind']} \| {d['count']} \|",
                         text, re.M)


# --- independent re-derivation of each defect from the files ------------------------------------

def _csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def _records(out: Path, file: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Header (row 1) and ``(file_row, record)`` pairs; SurveyMonkey columns are keyed by position."""
    rows = _csv(out / file)
    head = rows[0] if file not in SURVEYMONKEY else [str(i) for i in range(len(rows[0]))]
    skip = HEADER_ROWS.get(file, 1)
    return head, [(n, dict(zip(head, r, strict=True))) for n, r in enumerate(rows[skip:], start=skip + 1)]


def _registration(out: Path) -> list[dict]:
    openpyxl = pytest.importorskip("openpyxl")
    ws = openpyxl.load_workbook(out / "registration.xlsx").active
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) | {"_row": n} for n, r in enumerate(rows[1:], start=2)]


def _norm(email: str) -> str:
    return email.strip().lower()


def _noisy(v: object) -> bool:
    return isinstance(v, str) and v != "" and v != v.strip().lower()


def _by_kind(defects: list[dict], file: str, kind: str) -> list[dict]:
    return [d for d in defects if d["file"] == file and d["kind"] == kind]


@pytest.mark.parametrize("wave", ["pre", "post"])
def test_qualtrics_defects_match_file(out: Path, defects: list[dict], wave: str) -> None:
    file = f"participant_{wave}_qualtrics.csv"
    head, recs = _records(out, file)
    items = [c for c in head if re.fullmatch(r"R?Q\d+_\d+r?", c)]
    got = {k: d for d in defects if d["file"] == file for k in [d["kind"]]}

    def rows_where(pred) -> list[int]:  # noqa: ANN001 - a small local predicate
        return [n for n, r in recs if pred(r)]

    is_test = lambda r: r["ExternalReference"].startswith("TEST")  # noqa: E731
    real = lambda r: r["Status"] == "IP Address" and not is_test(r)  # noqa: E731
    assert got["preview_response"]["rows"] == rows_where(lambda r: r["Status"] == "Survey Preview")
    assert got["partial_response"]["rows"] == rows_where(lambda r: r["Finished"] == "0")
    if wave == "post":
        assert got["test_response"]["rows"] == rows_where(is_test)
        assert "Q2_6" not in head and "Q2_6r" in head
        assert got["renamed_column"]["columns"] == ["Q2_6r"]
    finished = [(n, r) for n, r in recs if real(r) and r["Finished"] == "1"]
    emails = [_norm(r["RecipientEmail"]) for _, r in finished]
    dup = [n for n, r in finished if emails.count(_norm(r["RecipientEmail"])) > 1]
    assert got["duplicate_response"]["rows"] == dup
    median = statistics.median(int(r["Duration (in seconds)"]) for _, r in finished)
    assert got["speeder"]["rows"] == [n for n, r in finished if int(r["Duration (in seconds)"]) < median / 3]
    straight = []
    for n, r in recs:
        for scale in ("Q1_", "Q2_", "Q3_", "RQ2_"):
            vals = [r[c] for c in items if c.startswith(scale)]
            if len(vals) >= 5 and all(v != "" for v in vals) and len(set(vals)) == 1 and n not in straight:
                straight.append(n)
    assert got["straight_liner"]["rows"] == straight
    dk = [[n, c] for n, r in recs for c in items if r[c] in ("99", "Don't know")]
    assert got["non_substantive_code"]["cells"] == dk
    labels = [[n, c] for n, r in recs for c in items
              if r[c] not in ("", "99", "Don't know") and not r[c].isdigit()]
    assert got["label_instead_of_code"]["cells"] == labels
    iso = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")
    odd = [[n, "StartDate"] for n, r in recs if not iso.fullmatch(r["StartDate"])]
    assert got["mixed_date_format"]["cells"] == odd
    assert got["email_noise"]["rows"] == rows_where(lambda r: _noisy(r["RecipientEmail"]))
    if wave == "pre":
        gone = {_norm(p["email"]) for p in _registration(out)
                if p["status"] == "withdrawn" and p["program"] == "CADRE"}
        withdrawn = rows_where(lambda r: _norm(r["RecipientEmail"]) in gone)
        assert got["withdrawn_participant"]["rows"] == withdrawn


def test_pii_spans_are_where_defects_say(out: Path, defects: list[dict]) -> None:
    for d in (d for d in defects if d["kind"] == "pii_in_free_text"):
        if d["file"].endswith(".md"):
            lines = (out / d["file"]).read_text(encoding="utf-8").splitlines()
            cell = {p["row"]: lines[p["row"] - 1] for p in d["pii"]}
            assert all(p["text"] in cell[p["row"]] for p in d["pii"]), d["id"]
            continue
        head, recs = _records(out, d["file"])
        by_row = dict(recs)
        if d["file"] in SURVEYMONKEY:
            from evalkit.demo._cadre import SM_KEYS

            pos = {k: str(i) for i, (k, _, _) in enumerate(SM_KEYS)}
        else:
            pos = {c: c for c in head}
        for p in d["pii"]:
            assert p["text"] and p["text"] in by_row[p["row"]][pos[p["column"]]], (d["id"], p)
        assert {p["row"] for p in d["pii"]} == set(d["rows"]), d["id"]


def test_surveymonkey_defects_match_file(out: Path, defects: list[dict]) -> None:
    file = "event_evals_surveymonkey.csv"
    _, recs = _records(out, file)
    matrix = {"12": "time_well_spent", "13": "relevant", "14": "facilitator_effective", "15": "will_apply"}
    na = [[n, name] for n, r in recs for c, name in matrix.items() if r[c] == "N/A"]
    assert _by_kind(defects, file, "non_substantive_code")[0]["cells"] == na
    assert _by_kind(defects, file, "email_noise")[0]["rows"] == [n for n, r in recs if _noisy(r["20"])]
    (wrong,) = _by_kind(defects, file, "wrong_event")
    (row,) = wrong["rows"]
    rec = dict(recs)[row]
    person = next(p for p in _registration(out) if _norm(p["email"]) == _norm(rec["20"]))
    assert "Cadre 2" in rec["9"] and person["cadre_id"] == "C1"


def test_attendance_noise_matches_files(out: Path, defects: list[dict]) -> None:
    reg = _registration(out)
    names = {f"{p['first_name']} {p['last_name']}" for p in reg}
    _, signin = _records(out, "attendance_signin.csv")
    d = {x["kind"]: x for x in defects if x["file"] == "attendance_signin.csv"}
    assert d["name_noise"]["rows"] == [n for n, r in signin if r["name_as_typed"] not in names]
    assert d["email_noise"]["rows"] == [n for n, r in signin if _noisy(r["email"])]
    _, zoom = _records(out, "attendance_zoom.csv")
    d = {x["kind"]: x for x in defects if x["file"] == "attendance_zoom.csv"}
    staff = lambda r: r["User Email"].strip().lower().endswith("@leadlab.example.org")  # noqa: E731
    assert d["name_noise"]["rows"] == [n for n,
                                       r in zoom if not staff(r) and r["Name (Original Name)"] not in names]
    assert d["email_noise"]["rows"] == [n for n, r in zoom if _noisy(r["User Email"])]
    _, roster = _records(out, "network_attendance.csv")
    (noise,) = _by_kind(defects, "network_attendance.csv", "email_noise")
    assert noise["rows"] == [n for n, r in roster if _noisy(r["Email"])]


def test_registration_defects_match_file(out: Path, defects: list[dict]) -> None:
    reg = _registration(out)
    d = {x["kind"]: x for x in defects if x["file"] == "registration.xlsx"}
    assert d["withdrawn_participant"]["rows"] == [p["_row"] for p in reg if p["status"] == "withdrawn"]
    text_dates = [[p["_row"], c] for p in reg for c in ("withdrawn_date", "registration_date")
                  if isinstance(p[c], str)]
    assert sorted(d["mixed_date_format"]["cells"]) == sorted(text_dates)
    assert d["email_noise"]["rows"] == [p["_row"] for p in reg if _noisy(p["email"])]
    assert sum(p["consent_eval"] == "N" for p in reg) == 3


@pytest.mark.parametrize("wave", ["pre", "post"])
def test_staff_defects_match_file(out: Path, defects: list[dict], wave: str) -> None:
    file = f"staff_{wave}.csv"
    head, recs = _records(out, file)
    assert not {"email", "IPAddress", "RecipientEmail"} & set(head)
    sizes: dict[str, int] = {}
    for _, r in recs:
        sizes[r["school_code"]] = sizes.get(r["school_code"], 0) + 1
    small = {s for s, n in sizes.items() if n < 10}
    (d,) = _by_kind(defects, file, "small_group")
    assert {g["school_code"] for g in d["groups"]} == small and sorted(sizes.values()).count(3) == 1
    assert d["rows"] == [n for n, r in recs if r["school_code"] in small]
    items = [c for c in head if re.fullmatch(r"[CSL]\d", c)]
    (dk,) = _by_kind(defects, file, "non_substantive_code")
    assert dk["cells"] == [[n, c] for n, r in recs for c in items if r[c] == "8"]
    for _, r in recs:  # no accidental straight-liners in the anonymous survey either
        for s in "CSL":
            vals = [r[f"{s}{j}"] for j in range(1, 7) if r[f"{s}{j}"] != "8"]
            assert not (len(vals) == 6 and len(set(vals)) == 1)


def test_inquiry_dates_match_file(out: Path, defects: list[dict]) -> None:
    _, recs = _records(out, "inquiry_cycle.csv")
    (d,) = _by_kind(defects, "inquiry_cycle.csv", "mixed_date_format")
    iso = re.compile(r"\d{4}-\d\d-\d\d")
    assert d["cells"] == [[n, "completed_date"] for n,
                          r in recs if r["completed_date"] and not iso.fullmatch(r["completed_date"])]


def test_state_outcomes_keep_leading_zeros(out: Path) -> None:
    rows = _csv(out / "state_outcomes_long.csv")
    assert rows[0] == ["school_code", "district_code", "school_year", "grant", "grant_start_year", "subgroup",
                       "measure", "n_tested", "value"]
    assert all(len(r[0]) == 8 and len(r[1]) == 4 for r in rows[1:])
    assert any(r[0].startswith("0010") for r in rows[1:])
    marks = {r[8] for r in rows[1:] if not re.fullmatch(r"\d+\.\d", r[8])}
    assert marks == {"*", "<10"}
    assert all(r[8] == "*" for r in rows[1:] if int(r[7]) < 10)
    grants = {r[0] for r in rows[1:] if r[3] == "Y"}
    assert len(grants) == 30 and len({r[0] for r in rows[1:]}) == 180


def test_make_state_outcomes_exact_rows_and_deterministic(tmp_path: Path, out: Path) -> None:
    a = make_state_outcomes(tmp_path / "a.csv", 5_000, seed=3)
    b = make_state_outcomes(tmp_path / "b.csv", 5_000, seed=3)
    assert a.read_bytes() == b.read_bytes()
    rows = _csv(a)
    assert len(rows) == 5_001 and rows[0] == _csv(out / "state_outcomes_long.csv")[0]
    assert rows[1][0] == "00010005"


@pytest.mark.parametrize("kwargs", [{"n_rows": 0, "seed": 1}, {"n_rows": 10, "seed": -1},
                                    {"n_rows": 2.5, "seed": 1}])
def test_make_state_outcomes_rejects_bad_arguments(tmp_path: Path, kwargs: dict) -> None:
    with pytest.raises(ValueError, match="n_rows|seed"):
        make_state_outcomes(tmp_path / "x.csv", **kwargs)
