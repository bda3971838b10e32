"""A new user's first run, on real exports nobody here wrote: init → validate → run → audit.

The project files in ``tests/real_projects/<name>/`` were written from ``docs/project-file.md`` and
``evalkit init --kind survey``, naming columns by the files' own headers as ``evalkit ingest --columns``
shows them. Each test copies one project to a temporary folder, points ``raw_dir`` at the real fixtures
and runs the command line as a user would; the report must show real figures and pass the audit.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from evalkit.anonymize.keys import keygen
from conftest import assert_html_and_pdf_agree, run_cli

pytestmark = [pytest.mark.real_fixtures, pytest.mark.slow]

PROJECTS = Path(__file__).resolve().parent / "real_projects"
NAMES = sorted(p.name for p in PROJECTS.iterdir() if (p / "evalkit.yml").is_file())


def _cli(args: list[str], capsys) -> tuple[int, str]:
    """Run the command line as the console script does: its exit code and everything it printed."""
    code, out, err = run_cli(args, capsys)
    return code, out + err


def test_four_real_projects_are_kept() -> None:
    assert len(NAMES) >= 4, NAMES


@pytest.fixture
def project(request, real_fixtures: Path, tmp_path: Path, monkeypatch) -> Path:
    name = request.param
    monkeypatch.setenv("EVALKIT_KEY_FILE", str(keygen(tmp_path / "keys" / f"{name}.key")))
    monkeypatch.setenv("COLUMNS", "200")
    folder = tmp_path / name
    shutil.copytree(PROJECTS / name, folder)
    cfg = yaml.safe_load((folder / "evalkit.yml").read_text(encoding="utf-8"))
    text = (folder / "evalkit.yml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^raw_dir: .*$", f"raw_dir: {real_fixtures}", text)
    (folder / "evalkit.yml").write_text(text, encoding="utf-8")
    assert cfg["programs"][0]["kind"] == "survey"
    return folder


@pytest.mark.parametrize("project", NAMES, indirect=True)
def test_init_validate_run_audit(project: Path, capsys, tmp_path: Path) -> None:
    # init writes a starter that validates as a file (its sources do not exist yet)
    code, out = _cli(["init", str(tmp_path / "starter"), "--kind", "survey", "--project", "x"], capsys)
    assert code == 0, out
    code, out = _cli(["validate", "-p", str(project)], capsys)
    assert code == 0, out
    assert "Project is valid" in out and "nothing written" in out
    assert not (project / "data_processed").exists()                    # validate writes nothing
    code, out = _cli(["run", "-p", str(project), "--workers", "1"], capsys)
    assert code == 0, out
    units = [p for p in (project / "reports").iterdir() if p.is_dir()]
    assert len(units) == 1
    facts = json.loads((units[0] / "artifacts" / "facts.json").read_text(encoding="utf-8"))
    sections = {s["id"]: s for s in facts["sections"]}
    summary = sections["summary"]["text"]
    # real figures, not "none" or "below the privacy threshold"; a share is quoted only where the group is
    # big enough for one (the SPSS file has 5 respondents: no share of 5 people leaves enough on both sides)
    assert re.search(r"\d+ responses", summary), summary
    assert re.search(r"\d+% favorable, n \d+", summary) or "not shown" not in summary, summary
    assert "privacy threshold" not in json.dumps(facts)
    level1 = sections["level1"]
    table = pd.read_csv(units[0] / "artifacts" / facts["tables"][level1["tables"][0]]["file"], dtype=str)
    assert table["% favorable"].str.fullmatch(r"(<|>)?\d+%|not shown").all()
    levels = yaml.safe_load((project / "evalkit.yml").read_text(encoding="utf-8"))["programs"][0]["guskey_levels"]
    assert {s["guskey_level"] for s in facts["sections"] if s["guskey_level"]} <= set(levels)
    # the stages' files: the store holds no raw identifier column the codebook names
    # the PDF carries what the HTML does (Typst, PDF/UA-1)
    assert_html_and_pdf_agree(units[0] / "report.html", units[0] / "report.pdf")
    assert_html_and_pdf_agree(units[0] / "supplement.html", units[0] / "supplement.pdf")
    from conftest import internal_tokens

    assert internal_tokens(units[0] / "report.html") == []            # human labels, no ids or file names
    assert internal_tokens(units[0] / "supplement.html") == []        # the technical supplement too
    # the project file's paper (one project asks for Letter, the others take the A4 default)
    import pypdf

    paper = yaml.safe_load((project / "evalkit.yml").read_text(encoding="utf-8")).get("page_size", "A4")
    width = float(pypdf.PdfReader(units[0] / "report.pdf").pages[0].mediabox.width)
    assert width == pytest.approx({"A4": 595.3, "Letter": 612.0}[paper], abs=0.5), (paper, width)
    code, out = _cli(["audit", str(project / "reports")], capsys)
    assert code == 0, out
    assert "No findings" in out
    import evalkit as ek

    store = ek.load_processed(project / "evalkit.yml")
    assert store.tables and all("source_row" in t.columns for t in store.tables.values())
    # the research notebook runs on a project nobody here wrote (issue [4/9]): no pre wave is said, not a crash
    from test_notebooks import run_notebook

    nb = run_notebook("explore.ipynb", {"project": str(project / "evalkit.yml"),
                                        "export_dir": str(tmp_path / "exports")})
    said = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "anonymized table(s)" in said
    # and the cadre report notebook shows this survey program's sections too (under "other sections")
    nb = run_notebook("cadre_report.ipynb", {"project": facts["project"], "cadre": facts["cadre"],
                                             "cohort": facts["cohort"], "artifact_dir": str(units[0] / "artifacts")})
    assert not [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]


@pytest.mark.parametrize("project", NAMES, indirect=True)
def test_names_lists_what_the_redactor_finds_and_writes_nothing(project: Path, capsys) -> None:
    """`evalkit names` on a real export: the evaluator's list of names off the roster (a Qualtrics test export's
    lorem ipsum has some: "leo duis" reads as a person), printed, with nothing written in the project."""
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    code, out = _cli(["names", "-p", str(project)], capsys)
    assert code == 0, out
    assert "Nothing was written" in out or "No names or places off the roster" in out
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before
