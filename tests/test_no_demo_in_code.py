"""Report prose and demo specifics live in templates and the demo project, never in evalkit's code.

Every string literal of evalkit/ (outside evalkit/demo/, docstrings aside) is checked against the demo's
item and column ids, its program, cohort and cadre ids, and the subject words of its instruments.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "evalkit"
DEMO_PROJECT = PACKAGE / "demo" / "project"


def _demo_tokens() -> set[str]:
    codebook = yaml.safe_load((DEMO_PROJECT / "codebook.yml").read_text(encoding="utf-8"))
    project = yaml.safe_load((DEMO_PROJECT / "evalkit.yml").read_text(encoding="utf-8"))
    tokens: set[str] = set()
    for inst in codebook["instruments"].values():
        tokens |= set(inst.get("items", {})) | set(inst.get("scales", {}))
        tokens |= {c for c in inst.get("columns", {}) if re.search(r"\d", c)}   # q6, Q9_TEXT; not "email"
    for p in project["programs"]:
        tokens |= set(p.get("outcome_measures", {}))       # the state file's measure ids
        for cohort in p.get("cohorts", []):
            tokens |= {c for c in cohort.get("cadres", [])}
    tokens |= {s["id"] for s in project["sources"] if "_" in s["id"]}
    return tokens


def _literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


def test_the_demo_tokens_are_many() -> None:
    assert {"q6", "q7", "C1", "Q1_1", "q3_my_time_was_well_spent", "science_leadership",
            "ela_pct_meeting"} <= _demo_tokens()


def test_no_demo_id_or_subject_in_evalkit_code() -> None:
    tokens = _demo_tokens()
    pattern = re.compile(r"(?<![\w])(" + "|".join(map(re.escape, sorted(tokens, key=len, reverse=True))) + r")(?![\w])")
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if DEMO_PROJECT.parent in path.parents:
            continue
        for line, text in _literals(path):
            hit = pattern.search(text) or re.search(r"\bscience\b", text, re.I)
            if hit:
                found.append(f"{path.relative_to(ROOT)}:{line}: {hit.group(0)!r}")
    assert not found, "\n".join(found)


def test_no_demo_subject_in_report_templates() -> None:
    for path in (PACKAGE / "report" / "templates" / "prose").rglob("*.j2"):
        assert not re.search(r"\bscience\b", path.read_text(encoding="utf-8"), re.I), path
