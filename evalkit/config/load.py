"""Load and validate ``evalkit.yml`` and its codebook, with errors a person can act on.

pydantic's own error dump is never shown: each problem becomes one line naming the file, the key
path (``programs[0].cohorts[1].cadres``) and what is expected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from evalkit.config.codebook import Codebook, Instrument
from evalkit.config.project import Project, Source
from evalkit.errors import ConfigError

__all__ = ["ProjectConfig", "load_project", "load_codebook", "read_yaml"]


@dataclass(frozen=True)
class ProjectConfig:
    """A validated project: the project file, its codebook and where they live.

    Paths in the project file are relative to the folder holding the project file.
    """

    project: Project
    codebook: Codebook
    project_file: Path

    @property
    def root(self) -> Path:
        return self.project_file.parent

    def _resolve(self, p: str) -> Path:
        path = Path(p).expanduser()
        return path if path.is_absolute() else (self.root / path).resolve()

    @property
    def raw_dir(self) -> Path:
        return self._resolve(self.project.raw_dir)

    @property
    def processed_dir(self) -> Path:
        return self._resolve(self.project.processed_dir)

    @property
    def reports_dir(self) -> Path:
        return self._resolve(self.project.reports_dir)

    def source_path(self, source: Source) -> Path:
        return self.raw_dir / source.file

    def instrument(self, name: str) -> Instrument:
        return self.codebook.instruments[name]


def read_yaml(path: str | Path) -> dict[str, Any]:
    """Read a YAML mapping; syntax errors name the file, line and column."""
    p = Path(path)
    if not p.is_file():
        raise ConfigError(p, [("", "file not found")], hint="run `evalkit init` to write a starter project, or check the path")
    try:
        with open(p, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown position"
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ConfigError(p, [(where, f"YAML syntax error: {problem}")], hint="fix the YAML syntax (indentation, colons, quotes)") from None
    except UnicodeDecodeError:
        raise ConfigError(p, [("", "file is not UTF-8 text")], hint="save the file as UTF-8") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(p, [("", f"expected a mapping of keys at the top level, found {type(data).__name__}")])
    return data


def _key_path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


_EXPECT = {
    "missing": "this key is required",
    "extra_forbidden": "unknown key (check its spelling; see `evalkit init` for the allowed keys)",
    "literal_error": None,
    "enum": None,
}


_PATH_IN_MSG = re.compile(r"^([A-Za-z_][\w\[\]]*(?:\.[\w\[\]]+)+): (.*)$", re.S)


def _problems(exc: ValidationError) -> list[tuple[str, str]]:
    problems = []
    for err in exc.errors(include_url=False, include_input=False):
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        msg = _EXPECT.get(err["type"]) or err["msg"]
        # pydantic prefixes validator messages with "Value error, "; the key path already says where.
        msg = msg.removeprefix("Value error, ")
        path = _key_path(loc)
        # Cross-reference checks name the exact key themselves ("instruments.x.items.Q1: ...").
        m = _PATH_IN_MSG.match(msg)
        if m:
            path = ".".join(p for p in (path, m.group(1)) if p)
            msg = m.group(2)
        problems.append((path, msg))
    return problems


def validate_model(model: type[BaseModel], data: dict[str, Any], file: str | Path) -> Any:
    """Validate ``data`` against one of the project file's models; every problem as (key path, what is expected).

    Raises
    ------
    ConfigError
        Naming ``file`` (a path, or what the data are when they come from code) and each problem.
    """
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(file, _problems(exc)) from None


def load_codebook(path: str | Path) -> Codebook:
    """Read and validate a codebook YAML file."""
    p = Path(path)
    return validate_model(Codebook, read_yaml(p), p)


def load_project(path: str | Path = "evalkit.yml") -> ProjectConfig:
    """Read and validate a project file and the codebook it names.

    Parameters
    ----------
    path : str or Path
        The project file, or a folder containing ``evalkit.yml``.

    Returns
    -------
    ProjectConfig

    Raises
    ------
    ConfigError
        With every problem found, each as key path and what is expected.
    """
    p = Path(path).expanduser()
    if p.is_dir():
        p = p / "evalkit.yml"
    p = p.resolve()
    project: Project = validate_model(Project, read_yaml(p), p)
    cb_path = (p.parent / project.codebook_file).resolve()
    codebook = load_codebook(cb_path)

    problems: list[tuple[str, str]] = []
    quarantine = (p.parent / Path(project.privacy.quarantine_dir).expanduser()).resolve()
    reports = (p.parent / Path(project.reports_dir).expanduser()).resolve()
    if quarantine.is_relative_to(reports):
        problems.append(("privacy.quarantine_dir", f"a folder outside reports_dir ({project.reports_dir}): a withheld "
                         "report must not sit where reports are published"))
    instruments = set(codebook.instruments)
    for i, prog in enumerate(project.programs):
        for j, inst in enumerate(prog.instruments):
            if inst not in instruments:
                problems.append((f"programs[{i}].instruments[{j}]", f"instrument {inst!r} is not in the codebook {cb_path.name} (defined: {sorted(instruments)})"))
    for i, src in enumerate(project.sources):
        if src.instrument is not None and src.instrument not in instruments:
            problems.append((f"sources[{i}].instrument", f"instrument {src.instrument!r} is not in the codebook {cb_path.name} (defined: {sorted(instruments)})"))
    if problems:
        raise ConfigError(p, problems)
    return ProjectConfig(project=project, codebook=codebook, project_file=p)
