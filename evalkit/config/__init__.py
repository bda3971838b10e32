"""Project file and codebook models, validated with pydantic, and their loader."""

from evalkit.config.codebook import (
    WAVES,
    Codebook,
    ColumnRole,
    ColumnSpec,
    GuskeyLevel,
    Instrument,
    Item,
    ResponseScale,
    Scale,
)
from evalkit.config.load import ProjectConfig, load_codebook, load_project, read_yaml
from evalkit.config.project import (
    CleaningRules,
    Cohort,
    Event,
    FieldMap,
    LogicModel,
    PrivacyPolicy,
    Program,
    ProgramKind,
    Project,
    Source,
    SourceKind,
)

__all__ = [
    "WAVES",
    "Codebook",
    "ColumnRole",
    "ColumnSpec",
    "GuskeyLevel",
    "Instrument",
    "Item",
    "ResponseScale",
    "Scale",
    "ProjectConfig",
    "load_codebook",
    "load_project",
    "read_yaml",
    "CleaningRules",
    "Cohort",
    "Event",
    "FieldMap",
    "LogicModel",
    "PrivacyPolicy",
    "Program",
    "ProgramKind",
    "Project",
    "Source",
    "SourceKind",
]
