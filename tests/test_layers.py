"""The flow is the import graph: the import-linter contracts in pyproject.toml hold, and cover every package."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONTRACTS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]


def _layer_modules() -> set[str]:
    layers = next(c for c in CONTRACTS if c["type"] == "layers")["layers"]
    return {m.strip() for layer in layers for m in layer.replace("|", ":").split(":")}


def test_import_contracts_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    if not lint.exists():
        pytest.fail("lint-imports is missing: install the test extra (pip install -e '.[test]')")
    done = subprocess.run([str(lint), "--config", str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert f"{len(CONTRACTS)} kept, 0 broken" in done.stdout


def test_every_package_has_a_layer() -> None:
    """A new top-level module or package must be placed in the flow, or it escapes the contract."""
    pkg = ROOT / "evalkit"
    found = {f"evalkit.{p.stem}" for p in pkg.glob("*.py") if p.stem != "__init__"}
    found |= {f"evalkit.{p.name}" for p in pkg.iterdir() if (p / "__init__.py").exists()}
    assert found - _layer_modules() == set(), "place these in [tool.importlinter] layers"
    assert _layer_modules() - found == set(), "these layers name modules that no longer exist"


def test_a_stage_importing_the_orchestrator_breaks_the_contract(tmp_path: Path) -> None:
    """The contract is not vacuous: a copy of the package where report imports pipeline is refused."""
    import shutil

    lint = Path(sys.executable).with_name("lint-imports")
    copy = tmp_path / "evalkit"
    shutil.copytree(ROOT / "evalkit", copy, ignore=shutil.ignore_patterns("__pycache__", "project"))
    with (copy / "report" / "examples.py").open("a", encoding="utf-8") as fh:
        fh.write("\nimport evalkit.pipeline  # a later stage reaching up to the orchestrator\n")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    env = {"PYTHONPATH": str(tmp_path), "PATH": ""}
    done = subprocess.run([str(lint), "--config", str(tmp_path / "pyproject.toml"), "--no-cache"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode != 0
    assert "evalkit.report.examples -> evalkit.pipeline" in done.stdout
