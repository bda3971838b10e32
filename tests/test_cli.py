"""The command line: help on every command, exit codes, and messages that locate without quoting."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from evalkit.cli import app, main
from conftest import run_cli

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data_raw" / "demo"
DEMO_PROJECT = ROOT / "evalkit" / "demo" / "project" / "evalkit.yml"
runner = CliRunner()
COMMANDS = ["init", "validate", "ingest", "clean", "anonymize", "analyze", "export", "keygen", "report", "run", "demo",
            "doctor", "audit"]
SECRET = "jane.doe.secret@example.org"


@pytest.fixture(autouse=True)
def _wide_terminal(monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "250")


def _main(args: list[str], capsys) -> tuple[int, str]:
    """Run the console entry point; returns (exit code, everything printed)."""
    code, out, err = run_cli(args, capsys)
    return code, out + err


@pytest.mark.parametrize("command", COMMANDS)
def test_help_on_every_command(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output and len(result.output) > 200


def test_console_script_is_installed() -> None:
    exe = shutil.which("evalkit", path=str(Path(sys.executable).parent))
    assert exe, "the evalkit console script is not installed beside this Python"
    out = subprocess.run([exe, "--help"], capture_output=True, text=True, check=False)
    assert out.returncode == 0 and all(c in out.stdout for c in COMMANDS)


def test_init_then_validate_reports_missing_source(tmp_path: Path, capsys) -> None:
    code, _ = _main(["init", str(tmp_path), "--project", "sci", "--title", "Science Cadre"], capsys)
    assert code == 0 and (tmp_path / "evalkit.yml").exists()
    code, out = _main(["validate", "-p", str(tmp_path)], capsys)
    assert code == 2
    assert "participant_pre.csv" in out and "file not found" in out


def test_validate_demo_project(capsys, tmp_path: Path, monkeypatch) -> None:
    """validate cleans every source as run would (codes, labels, events) and checks the key; writes nothing."""
    monkeypatch.delenv("EVALKIT_KEY_FILE", raising=False)
    code, out = _main(["validate", "-p", str(DEMO_PROJECT)], capsys)
    assert code == 2 and "no pseudonymization key is configured" in out   # run would stop there too
    _main(["keygen", str(tmp_path / "k.key")], capsys)
    monkeypatch.setenv("EVALKIT_KEY_FILE", str(tmp_path / "k.key"))
    code, out = _main(["validate", "-p", str(DEMO_PROJECT)], capsys)
    assert code == 0, out
    assert "Project is valid" in out and "cleaning rules" in out and "nothing written" in out


def test_bad_config_exit_2_with_key_path(tmp_path: Path, capsys) -> None:
    _main(["init", str(tmp_path)], capsys)
    cfg = yaml.safe_load((tmp_path / "evalkit.yml").read_text())
    cfg["cleaning"]["speeders"] = "sometimes"
    (tmp_path / "evalkit.yml").write_text(yaml.safe_dump(cfg))
    code, out = _main(["validate", "-p", str(tmp_path)], capsys)
    assert code == 2
    assert "evalkit.yml" in out and "cleaning.speeders" in out and "Traceback" not in out


def test_ingest_demo_folder(capsys) -> None:
    code, out = _main(["ingest", str(DEMO), "--json"], capsys)
    assert code == 0, out[-2000:]
    assert "qualtrics_csv" in out and "surveymonkey_csv" in out and "spss" in out and "notes" in out


def test_ingest_real_fixtures(real_fixtures: Path, capsys) -> None:
    code, out = _main(["ingest", str(real_fixtures)], capsys)
    assert code == 0, out[-3000:]


def test_ingest_missing_file_exit_2(tmp_path: Path, capsys) -> None:
    code, out = _main(["ingest", str(tmp_path / "nope.csv")], capsys)
    assert code == 2 and "nope.csv" in out and "file not found" in out


def test_ingest_one_bad_file_does_not_hide_the_others(tmp_path: Path, capsys) -> None:
    (tmp_path / "good.csv").write_text("a,b\n1,2\n")
    (tmp_path / "empty.csv").write_text("")
    code, out = _main(["ingest", str(tmp_path)], capsys)
    assert code == 2
    assert "good.csv" in out and "empty.csv" in out and "1 of 2 file(s) could not be read" in out


def _demo_copy(tmp_path: Path) -> Path:
    """A writable copy of the demo project, with its raw files, for tests that break something."""
    raw = tmp_path / "raw"
    shutil.copytree(DEMO, raw)
    proj = tmp_path / "proj"
    shutil.copytree(DEMO_PROJECT.parent, proj)
    cfg = yaml.safe_load((proj / "evalkit.yml").read_text())
    from evalkit.anonymize.keys import keygen

    key = keygen(tmp_path / "keys" / "test.key")
    cfg.update(raw_dir=str(raw), processed_dir=str(tmp_path / "processed"), reports_dir=str(tmp_path / "reports"))
    cfg.setdefault("anonymize", {}).update(key_file=str(key), review_dir=str(tmp_path / "review"))
    (proj / "evalkit.yml").write_text(yaml.safe_dump(cfg, sort_keys=False))
    return proj


def test_unknown_code_exit_2_names_file_row_column_not_value(tmp_path: Path, capsys) -> None:
    proj = _demo_copy(tmp_path)
    pre = tmp_path / "raw" / "participant_pre_qualtrics.csv"
    data = pre.read_bytes()
    # Put a personal value into Q1_1 of the first response (file row 4 is a preview; row 6 is ordinary).
    lines = data.split(b"\r\n")
    cells = lines[5].split(b",")
    header = lines[0].decode("utf-8-sig").split(",")
    cells[header.index("Q1_1")] = SECRET.encode()
    lines[5] = b",".join(cells)
    pre.write_bytes(b"\r\n".join(lines))
    code, out = _main(["clean", "-p", str(proj)], capsys)
    assert code == 2, out
    assert "participant_pre_qualtrics.csv" in out and "row 6" in out and "'Q1_1'" in out
    assert "codebook" in out  # how to fix
    assert SECRET not in out and "Traceback" not in out
    assert not (tmp_path / "processed" / "participant_pre.parquet").exists()  # nothing half-written


def test_raw_files_open_read_only(tmp_path: Path, capsys) -> None:
    proj = _demo_copy(tmp_path)
    raw = tmp_path / "raw"
    for p in raw.rglob("*"):
        if p.is_file():
            p.chmod(0o444)
    try:
        code, out = _main(["clean", "-p", str(proj)], capsys)
    finally:
        for p in raw.rglob("*"):
            if p.is_file():
                p.chmod(0o644)
    assert code == 0, out[-2000:]
    assert (tmp_path / "processed" / "quality_log.json").exists()


def test_internal_error_exit_3_without_traceback(monkeypatch, tmp_path: Path, capsys) -> None:
    import evalkit.pipeline

    def boom(*a, **k):
        raise RuntimeError(SECRET)

    monkeypatch.setattr(evalkit.pipeline, "validate_project", boom)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    code, out = _main(["validate", "-p", str(DEMO_PROJECT)], capsys)
    assert code == 3
    assert "internal error" in out and "Traceback" not in out and SECRET not in out
    crash = next(tmp_path.rglob("crash-*.log"))
    assert oct(crash.stat().st_mode & 0o777) == "0o600"


@pytest.mark.skipif(os.environ.get("EVALKIT_SKIP_DOCTOR") == "1", reason="doctor disabled")
def test_doctor_runs(capsys) -> None:
    code, out = _main(["doctor"], capsys)
    assert "Python" in out and "PDF engine (Typst" in out
    assert code in (0, 2)


def test_duplicate_key_exit_2_names_rows(tmp_path: Path, capsys) -> None:
    proj = _demo_copy(tmp_path)
    events = tmp_path / "raw" / "events.csv"
    lines = events.read_bytes().split(b"\n")
    lines.insert(3, lines[2])  # row 3 repeated as row 4
    events.write_bytes(b"\n".join(lines))
    code, out = _main(["clean", "-p", str(proj)], capsys)
    assert code == 2
    assert "events.csv" in out and "row 3" in out and "row 4" in out and "not unique" in out


def test_unmarked_identifier_column_stops_the_run(tmp_path: Path, capsys) -> None:
    proj = _demo_copy(tmp_path)
    cfg = yaml.safe_load((proj / "evalkit.yml").read_text())
    log_src = next(s for s in cfg["sources"] if s["id"] == "coaching_log")
    del log_src["columns"]["notes_text"]  # notes hold e-mails and phone numbers
    (proj / "evalkit.yml").write_text(yaml.safe_dump(cfg, sort_keys=False))
    code, out = _main(["anonymize", "-p", str(proj)], capsys)
    assert code == 2
    assert "coaching_log.csv" in out and "'notes_text'" in out and "not marked" in out
    assert "@" not in out.split("How to fix")[0].split("coaching_log.csv")[-1]  # no value quoted
    assert not list((tmp_path / "processed").glob("*.parquet"))  # nothing written at all


def test_anonymize_without_key_exit_2_before_reading_data(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.delenv("EVALKIT_KEY_FILE", raising=False)
    proj = _demo_copy(tmp_path)
    cfg = yaml.safe_load((proj / "evalkit.yml").read_text())
    cfg["anonymize"]["key_file"] = None
    (proj / "evalkit.yml").write_text(yaml.safe_dump(cfg, sort_keys=False))
    code, out = _main(["anonymize", "-p", str(proj)], capsys)
    assert code == 2 and "key" in out and "keygen" in out and "Traceback" not in out
    assert not (tmp_path / "processed").exists()  # refused before any data was read


def test_keygen_command(tmp_path: Path, capsys) -> None:
    code, out = _main(["keygen", str(tmp_path / "k" / "p.key")], capsys)
    assert code == 0 and (tmp_path / "k" / "p.key").stat().st_size == 32
    assert oct((tmp_path / "k" / "p.key").stat().st_mode & 0o777) == "0o600"
    code, out = _main(["keygen", str(tmp_path / "k" / "p.key")], capsys)
    assert code == 2  # never overwrites silently
