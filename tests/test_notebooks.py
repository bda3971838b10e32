"""The notebooks evaluators open in JupyterLab (issue [4/9]): kept without outputs, and run headless.

``cadre_report.ipynb`` and ``survey_report.ipynb`` are what ``evalkit report`` runs (the demo and the own-data
projects render them in ``test_demo_flow`` and ``test_real_projects``); ``explore.ipynb`` is the research
notebook, run here on the demo's anonymized store.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def run_notebook(name: str, parameters: dict, timeout: int = 300) -> nbformat.NotebookNode:
    """Execute a notebook of ``notebooks/`` headless (papermill over nbclient) and return the executed copy."""
    import tempfile

    import papermill

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / name
        papermill.execute_notebook(str(NOTEBOOKS / name), str(out), parameters=parameters, kernel_name="python3",
                                   cwd=str(NOTEBOOKS), progress_bar=False, execution_timeout=timeout)
        return nbformat.read(out, as_version=4)


def _said(nb: nbformat.NotebookNode) -> str:
    return "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.name)
def test_notebooks_are_kept_without_outputs_and_start_with_parameters(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and "parameters" in code[0].metadata.get("tags", [])
    assert all(c.outputs == [] and c.execution_count is None for c in code), "strip the outputs before committing"
    assert nb.metadata.kernelspec.name == "python3"


@pytest.mark.slow
def test_explore_runs_on_the_demo_and_shares_only_through_the_rule(demo_run, tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    nb = run_notebook("explore.ipynb", {"project": "demo", "processed_dir": str(demo_run["processed"]),
                                        "export_dir": str(exports)})
    said = _said(nb)
    assert "anonymized table(s)" in said and "change from pre to post in cadre C1, by role" in said
    kinds = {o.output_type for c in nb.cells if c.cell_type == "code" for o in c.outputs}
    assert "error" not in kinds and "display_data" in kinds              # tables and the chart
    assert any("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))
    # the frame with roles under the threshold is refused: nothing written, the rows named, no value printed
    assert "Refused: change_by_role.csv not written" in said and "describes fewer than 10 people" in said
    assert not (exports / "change_by_role.csv").exists()
    refusal = next(line for line in said.splitlines() if line.startswith("Refused:"))
    assert not any(ch.isdigit() for ch in refusal.replace("fewer than 10", "").replace("change_by_role", ""))
    # the protected version is written, small groups read "fewer than 10"
    shared = (exports / "change_by_role_protected.csv").read_text(encoding="utf-8")
    assert "fewer than 10" in shared


def test_export_refuses_a_cell_under_n_min_and_writes_a_protected_table(tmp_path: Path) -> None:
    import pandas as pd

    from evalkit.disclose import Bundle, DisclosurePolicy, export_table
    from evalkit.errors import DisclosureError

    frame = pd.DataFrame({"Role": ["Teachers", "Coaches", "All"], "n": [24, 4, 28], "Mean": [3.1, 3.6, 3.2]})
    with pytest.raises(DisclosureError, match="row 'Coaches' \\(column 'n'\\) describes fewer than 10") as info:
        export_table(frame, tmp_path / "t.csv", n="n")
    assert "3.6" not in str(info.value) and not (tmp_path / "t.csv").exists()
    with pytest.raises(DisclosureError, match="n column"):
        export_table(frame, tmp_path / "t.csv")
    assert export_table(frame, tmp_path / "t.csv", n="n", policy=DisclosurePolicy(n_min=3, override_reason="test")).is_file()
    b = Bundle(DisclosurePolicy(), release_id="t")
    b.statistics("t", frame, group="Role", n="n", columns={"Mean": "{:.1f}"}, total_row="All", title="T")
    written = export_table(b.protect().tables["t"], tmp_path / "p.csv").read_text(encoding="utf-8")
    assert "3.6" not in written and "fewer than 10" in written


@pytest.mark.slow
@pytest.mark.parametrize("name", ["cadre_report.ipynb", "survey_report.ipynb"])
def test_each_report_notebook_runs_on_the_demo(demo_run, name: str) -> None:
    """Both report notebooks run headless on a demo cadre: each section once, the rest under other sections."""
    art = demo_run["reports"] / "C1" / "artifacts"
    nb = run_notebook(name, {"artifact_dir": str(art)})
    kinds = [o.output_type for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert "error" not in kinds
    html = "".join(o.get("data", {}).get("text/html", "") for c in nb.cells if c.cell_type == "code"
                   for o in c.outputs)
    import json

    facts = json.loads((art / "facts.json").read_text(encoding="utf-8"))
    for section in facts["sections"]:
        assert html.count(f'id="section-{section["id"]}"') == 1, section["id"]   # every section, exactly once
