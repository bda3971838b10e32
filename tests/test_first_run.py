"""A real evaluator's first run: the file's own headers, encodings, usage errors, validate = run, placeholders.

Each test writes a small export and a project file the way a new user would, then uses the command line.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

from evalkit.anonymize.keys import keygen
from conftest import run_cli


def _cli(args: list[str], capsys) -> tuple[int, str]:
    """Run the command line as the console script does: its exit code and everything it printed."""
    code, out, err = run_cli(args, capsys)
    return code, out + err


def _project(root: Path, csv_text: str, *, items: dict, columns: dict | None = None, source: dict | None = None,
             cleaning: dict | None = None, encoding: str = "utf-8") -> Path:
    key = keygen(root / "keys" / "k.key")
    folder = root / "project"
    (folder / "raw").mkdir(parents=True)
    (folder / "raw" / "export.csv").write_bytes(csv_text.encode(encoding))
    project = {"schema_version": 1, "project": "firstrun", "title": "First run", "raw_dir": "raw",
               "processed_dir": "processed", "reports_dir": "reports",
               "programs": [{"id": "p", "kind": "survey", "name": "Program", "instruments": ["s"],
                             "guskey_levels": [1]}],
               "sources": [{"id": "s", "file": "export.csv", "kind": "survey", "program": "p", "instrument": "s",
                            "wave": "post", **(source or {})}],
               "cleaning": cleaning or {}, "anonymize": {"key_file": str(key)}}
    codebook = {"response_scales": {"yn": {"codes": {0: "No", 1: "Yes"}, "favorable": [1]}},
                "instruments": {"s": {"title": "Poll", "items": items, "columns": columns or {}}}}
    (folder / "evalkit.yml").write_text(yaml.safe_dump(project, sort_keys=False), encoding="utf-8")
    (folder / "codebook.yml").write_text(yaml.safe_dump(codebook, sort_keys=False), encoding="utf-8")
    return folder


def _rows(n: int) -> str:
    return "".join(f"{i},2025-01-{1 + i % 28:02d},{'Yes' if i % 3 else 'No'}\n" for i in range(n))


def test_own_headers_and_did_you_mean(tmp_path: Path, capsys) -> None:
    csv = "UniqueID,Date,Was the session useful?\n" + _rows(20)
    folder = _project(tmp_path, csv, items={"Was the session useful?": {"text": "Useful", "scale": "yn"}},
                      columns={"UniqueID": {"role": "key"}}, source={"date_columns": ["Date"]})
    code, out = _cli(["validate", "-p", str(folder)], capsys)
    assert code == 0, out                                     # the file's own headers are accepted
    text = (folder / "codebook.yml").read_text(encoding="utf-8").replace("Was the session useful?",
                                                                          "Was the sesion useful")
    (folder / "codebook.yml").write_text(text, encoding="utf-8")
    code, out = _cli(["validate", "-p", str(folder)], capsys)
    assert code == 2
    assert "did you mean 'Was the session useful?'" in " ".join(out.split())


def test_ingest_columns_lists_both_names_and_encoding_is_an_option(tmp_path: Path, capsys) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes("Id,Caf\u00e9 r\u00e9ponse\n1,oui\n".encode("cp1252"))
    code, out = _cli(["ingest", str(path), "--columns", "--encoding", "cp1252", "--json"], capsys)
    assert code == 0, out
    assert '"header": "Caf\u00e9 r\u00e9ponse"' in out and '"encoding": "cp1252"' in out
    code, out = _cli(["ingest", str(path), "--no-such-option"], capsys)
    assert code == 2 and "Usage:" in out and "internal error" not in out


def test_validate_names_the_rule_that_emptied_a_source(tmp_path: Path, capsys) -> None:
    csv = "Id,Status,Q\n" + "".join(f"{i},Survey Test,Yes\n" for i in range(15))
    folder = _project(tmp_path, csv, items={"Q": {"text": "Q", "scale": "yn"}},
                      source={"fields": {"status": "Status", "response_id": "Id"}})
    code, out = _cli(["validate", "-p", str(folder)], capsys)
    assert code == 2, out
    flat = " ".join(out.split())
    assert "dropped every one of the 15 rows" in flat and "drop_test" in flat
    assert not (folder / "processed").exists()


def test_person_placeholders_and_response_ids(tmp_path: Path, capsys) -> None:
    """Microsoft Forms writes 'anonymous' in Email: such rows are different people, not one duplicated;
    the export's response id is keyed in the store although the codebook does not mark it."""
    csv = "Id,Email,Q\n" + "".join(f"{100 + i},anonymous,{'Yes' if i % 2 else 'No'}\n" for i in range(30))
    folder = _project(tmp_path, csv, items={"Q": {"text": "Q", "scale": "yn"}},
                      columns={"Email": {"role": "identifier", "kind": "email"}},
                      source={"fields": {"person": "Email", "response_id": "Id"}})
    code, out = _cli(["anonymize", "-p", str(folder)], capsys)
    assert code == 0, out
    store = pd.read_parquet(folder / "processed" / "s.parquet")
    assert len(store) == 30                                  # not deduplicated into one "anonymous" person
    assert store["Id"].str.fullmatch(r"[0-9a-f]{20}").all()  # raw ids never reach the store
    assert "person_id" not in store.columns or store["person_id"].isna().all()


def test_a_header_shared_by_two_columns_must_be_named_each(tmp_path: Path, capsys) -> None:
    csv = "Id,other_TEXT,other_TEXT,Q\n" + "".join(f"{i},a,b,Yes\n" for i in range(12))
    folder = _project(tmp_path, csv, items={"Q": {"text": "Q", "scale": "yn"}},
                      columns={"other_TEXT": {"role": "free_text"}})
    code, out = _cli(["validate", "-p", str(folder)], capsys)
    assert code == 2 and "2 columns with that header" in " ".join(out.split())
    text = (folder / "codebook.yml").read_text(encoding="utf-8")
    cb = yaml.safe_load(text)
    second = next(c for c in ("other_TEXT_2", "other_text_2") if c)  # evalkit's name for the second column
    cb["instruments"]["s"]["columns"][second] = {"role": "free_text"}
    (folder / "codebook.yml").write_text(yaml.safe_dump(cb), encoding="utf-8")
    code, out = _cli(["validate", "-p", str(folder)], capsys)
    assert code == 0, out


@pytest.mark.parametrize("bad", [["report", "--workers", "0"], ["audit"], ["init", "--kind"]])
def test_usage_errors_exit_2_with_usage(bad: list[str], capsys) -> None:
    code, out = _cli(bad, capsys)
    assert code == 2 and "Usage:" in out and "internal error" not in out


def test_each_stage_runs_alone_on_the_previous_stages_files(tmp_path: Path, capsys) -> None:
    """anonymize writes the store; analyze reads only the store (the raw export may be gone)."""
    csv = "Id,Q\n" + "".join(f"{i},{'Yes' if i % 3 else 'No'}\n" for i in range(25))
    folder = _project(tmp_path, csv, items={"Q": {"text": "Useful", "scale": "yn"}},
                      source={"fields": {"response_id": "Id"}})
    code, out = _cli(["anonymize", "-p", str(folder)], capsys)
    assert code == 0, out
    (folder / "raw" / "export.csv").unlink()          # analyze must not need data_raw/
    code, out = _cli(["analyze", "-p", str(folder)], capsys)
    assert code == 0, out
    facts = (folder / "processed" / "analysis" / "p" / "artifacts" / "facts.json").read_text(encoding="utf-8")
    assert "Useful" in facts and "% favorable" in facts
    assert not (folder / "reports").exists()          # analyze publishes nothing


def test_validate_stops_on_what_anonymize_would_stop_on(tmp_path: Path, capsys) -> None:
    """An e-mail address in a column nobody marked stops anonymize; validate finds it first, writing nothing."""
    csv = "Id,Contact,Q\n" + "".join(f"{i},person{i}@example.org,{'Yes' if i % 2 else 'No'}\n" for i in range(12))
    folder = _project(tmp_path, csv, items={"Q": {"text": "Q", "scale": "yn"}})
    code, out = _cli(["validate", "-p", str(folder)], capsys)
    flat = " ".join(out.split())
    assert code == 2, out
    assert "Contact" in flat and "e-mail addresses" in flat and "@example.org" not in flat   # no value printed
    assert not (folder / "processed").exists() and not (folder.parent / "review").exists()


def test_an_event_topic_that_names_someone_is_redacted(tmp_path: Path) -> None:
    """An event list's topics are hand-written: a roster name in one is redacted in the store, so the report's
    schedule never prints it (a conference report was once withheld for a presenter named in a topic)."""
    from evalkit.config import load_project
    from evalkit.pipeline import process_project

    key = keygen(tmp_path / "keys" / "k.key")
    folder = tmp_path / "project"
    (folder / "raw").mkdir(parents=True)
    pd.DataFrame({"email": [f"p{i}@example.org" for i in range(12)],
                  "first_name": ["Marisol", *[f"Ann{i}" for i in range(11)]],
                  "last_name": ["Quintanilla", *[f"Lee{i}" for i in range(11)]]}).to_csv(folder / "raw" / "roster.csv",
                                                                                        index=False)
    pd.DataFrame({"event_id": ["XYZ-01", "XYZ-02"], "event_date": ["2025-09-01", "2025-10-01"],
                  "topic": ["Keynote with Marisol Quintanilla", "Data teams"]}).to_csv(folder / "raw" / "events.csv",
                                                                                      index=False)
    project = {"schema_version": 1, "project": "conf", "title": "Conference", "raw_dir": "raw",
               "processed_dir": "processed", "reports_dir": "reports",
               "programs": [{"id": "p", "kind": "survey", "name": "Conference"}],
               "sources": [{"id": "roster", "file": "roster.csv", "kind": "roster", "email_columns": ["email"],
                            "name_columns": ["first_name", "last_name"]},
                           {"id": "events", "file": "events.csv", "kind": "events", "key": ["event_id"],
                            "date_columns": ["event_date"]}],
               "anonymize": {"key_file": str(key)}}
    (folder / "evalkit.yml").write_text(yaml.safe_dump(project, sort_keys=False), encoding="utf-8")
    (folder / "codebook.yml").write_text("instruments: {}\n", encoding="utf-8")
    process_project(load_project(folder))
    topics = pd.read_parquet(folder / "processed" / "events.parquet")["topic"].tolist()
    assert topics[1] == "Data teams" and "Quintanilla" not in topics[0] and "[PERSON]" in topics[0]


def test_a_render_that_was_not_audited_never_stays_in_reports(tmp_path: Path, capsys, monkeypatch) -> None:
    """Fail closed: when the audit cannot run (here: its context fails), the render is withdrawn."""
    from evalkit.config import load_project
    from evalkit.errors import EvalkitError
    from evalkit.pipeline import quarantine_path, report_project

    csv = "Id,Q\n" + "".join(f"{i},{'Yes' if i % 3 else 'No'}\n" for i in range(25))
    folder = _project(tmp_path, csv, items={"Q": {"text": "Useful", "scale": "yn"}})
    code, out = _cli(["anonymize", "-p", str(folder)], capsys)
    assert code == 0, out

    def no_context(*args, **kwargs):
        raise EvalkitError("the raw exports are gone")

    monkeypatch.setattr("evalkit.audit.audit_context", no_context)
    cfg = load_project(folder)
    [result] = report_project(cfg, pdf=False, workers=1)
    assert not result.ok and "withdrawn" in result.detail
    unit = folder / "reports" / "p"
    assert not (unit / "report.html").exists() and not (unit / "artifacts").exists()
    assert (quarantine_path(cfg, "p") / "report.html").is_file()


def test_a_quarantine_inside_reports_is_refused(tmp_path: Path, capsys) -> None:
    folder = _project(tmp_path, "Id,Q\n1,Yes\n", items={"Q": {"text": "Q", "scale": "yn"}})
    cfg = yaml.safe_load((folder / "evalkit.yml").read_text(encoding="utf-8"))
    cfg["privacy"] = {"quarantine_dir": "reports/held"}
    (folder / "evalkit.yml").write_text(yaml.safe_dump(cfg), encoding="utf-8")
    code, out = _cli(["validate", "-p", str(folder)], capsys)
    assert code == 2 and "privacy.quarantine_dir" in out


def test_a_role_that_names_no_column_stops_validate_and_run(tmp_path: Path, capsys) -> None:
    """A codebook naming 'Your name' when the file says 'Your name:' would protect nothing: it is an error."""
    csv = "Id,Your name:,Comments,Q\n" + "".join(f"{i},Person {i},fine,Yes\n" for i in range(12))
    folder = _project(tmp_path, csv, items={"Q": {"text": "Q", "scale": "yn"}},
                      columns={"Your name": {"role": "identifier", "kind": "name"}, "Comments": {"role": "free_text"}})
    code, out = _cli(["validate", "-p", str(folder)], capsys)
    flat = " ".join(out.split())
    assert code == 2 and "would protect nothing" in flat and "did you mean 'Your name:'" in flat
    code, out = _cli(["anonymize", "-p", str(folder)], capsys)
    assert code == 2 and not (folder / "processed" / "s.parquet").exists()


def test_platform_identifiers_are_dropped_and_numeric_ids_keyed(tmp_path: Path, capsys) -> None:
    """Microsoft Forms' Email and Name are dropped although the codebook never mentions them; a numeric
    response id is keyed like any other."""
    csv = ("Id,Start time,Completion time,Email,Name,Is it useful\n" + "".join(
        f"{i},1/2/2025 9:00:00,1/2/2025 9:0{i % 9 + 1}:00,p{i}@example.org,Pat Doe{i},{'Yes' if i % 2 else 'No'}\n"
        for i in range(1, 13)))
    folder = _project(tmp_path, csv, items={"Is it useful": {"text": "Useful", "scale": "yn"}},
                      source={"fields": {"response_id": "Id"}})
    code, out = _cli(["anonymize", "-p", str(folder)], capsys)
    assert code == 0, out
    store = pd.read_parquet(folder / "processed" / "s.parquet")
    assert not {"Email", "Name", "email", "name"} & set(store.columns)
    assert store["Id"].str.fullmatch(r"[0-9a-f]{20}").all()
