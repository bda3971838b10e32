"""Which report each program gets: its units and the builder of their artifacts, by program kind.

One registry (as papermill keeps its engines): a program kind with a report names how its units are
listed and how a unit's artifact folder is built. Kinds whose slot is empty (see
:mod:`evalkit.report.sections`) have no report yet and are skipped with a note.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evalkit.config import ProgramKind, ProjectConfig
from evalkit.report.build import build_cadre_artifacts
from evalkit.report.inputs import ReportUnit, cadre_units
from evalkit.report.network import build_network_artifacts, network_units
from evalkit.report.pipeline import build_pipeline_artifacts, pipeline_units
from evalkit.report.principal_network import build_principal_network_artifacts, principal_network_units
from evalkit.report.state_resources import build_state_artifacts, state_units
from evalkit.report.survey import build_survey_artifacts, survey_units

if TYPE_CHECKING:  # pragma: no cover
    from evalkit.disclose import ProtectedBundle
    from evalkit.processed import ProcessedData

__all__ = ["report_units", "build_artifacts", "kinds_without_report"]

_BUILDERS: dict[ProgramKind, tuple[Callable[[ProjectConfig], list[ReportUnit]], Callable[..., Any]]] = {
    ProgramKind.cadre: (cadre_units, build_cadre_artifacts),
    ProgramKind.survey: (survey_units, build_survey_artifacts),
    ProgramKind.network: (network_units, build_network_artifacts),
    ProgramKind.pipeline: (pipeline_units, build_pipeline_artifacts),
    ProgramKind.principal_network: (principal_network_units, build_principal_network_artifacts),
    ProgramKind.state_resources: (state_units, build_state_artifacts),
}


def report_units(cfg: ProjectConfig) -> list[ReportUnit]:
    """Every report unit of the project, program by program in file order."""
    out: list[ReportUnit] = []
    for kind in dict.fromkeys(p.kind for p in cfg.project.programs):
        if kind in _BUILDERS:
            out += _BUILDERS[kind][0](cfg)
    order = {p.id: i for i, p in enumerate(cfg.project.programs)}
    return sorted(out, key=lambda u: order[u.program])


def kinds_without_report(cfg: ProjectConfig) -> list[str]:
    """Programs (``id (kind)``) of kinds that have no report yet."""
    return [f"{p.id} ({p.kind.value})" for p in cfg.project.programs if p.kind not in _BUILDERS]


def build_artifacts(cfg: ProjectConfig, store: ProcessedData, unit: ReportUnit, out_dir: Path,
                    **kwargs: Any) -> tuple[Path, ProtectedBundle]:
    """Build one unit's artifact folder with its program kind's builder."""
    kind = cfg.project.program(unit.program).kind
    return _BUILDERS[kind][1](cfg, store, unit, out_dir, **kwargs)
