"""The program-level summary (evalkit.report.program): cadres side by side, each figure as published."""

from __future__ import annotations

import shutil

from evalkit.report.artifacts import read_table
from evalkit.report.program import DASH, CadreBundle, program_rows


def test_a_figure_a_cadre_lacks_reads_as_a_dash_and_nothing_is_pooled(demo_run, tmp_path) -> None:
    folders = {}
    for cadre in ("C1", "C2"):
        folders[cadre] = tmp_path / cadre / "artifacts"
        shutil.copytree(demo_run["reports"] / cadre / "artifacts", folders[cadre])
    use = folders["C2"] / "tables" / "prepost_use.csv"                # C2's practice table without its rows
    use.write_text(use.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    frame = program_rows([CadreBundle(c, f) for c, f in folders.items()]).set_index("Figure")
    practice = [r for r in frame.index if r.startswith("Practice:")]
    assert practice and (frame.loc[practice, "Cadre C2"] == DASH).all()
    assert (frame.loc[practice, "Cadre C1"] != DASH).all()
    header, rows = read_table(folders["C1"], "staff_favorable")
    climate = next(r for r in rows if r[0] == "School climate")
    got = frame.loc["Staff survey: School climate, change in % favorable (95% CI)", "Cadre C1"]
    assert got == f"{climate[header.index('Change (points)')]} ({climate[header.index('Change CI low')]} to " \
                  f"{climate[header.index('Change CI high')]})"
    assert list(frame.columns) == ["Cadre C1", "Cadre C2"]            # no total across cadres


def test_no_cadres_no_rows() -> None:
    assert program_rows([]).empty
