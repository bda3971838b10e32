"""`evalkit init`: write a commented starter project (``evalkit.yml`` + ``codebook.yml``)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from evalkit._io import atomic_write_text
from evalkit.config.project import ProgramKind
from evalkit.errors import EvalkitError

__all__ = ["write_starter"]


def write_starter(folder: str | Path, *, project: str, title: str, kind: ProgramKind = ProgramKind.cadre,
                  overwrite: bool = False) -> list[Path]:
    """Write ``evalkit.yml`` and ``codebook.yml`` into ``folder``; refuse to overwrite unless asked.

    Examples
    --------
    >>> import tempfile
    >>> from evalkit.config import load_project
    >>> d = tempfile.mkdtemp()
    >>> _ = write_starter(d, project="science_cadre", title="Science Leadership Cadre")
    >>> load_project(d).project.programs[0].kind.value
    'cadre'
    >>> _ = write_starter(d, project="workshop", title="Data Workshop", kind="survey", overwrite=True)
    >>> load_project(d).project.programs[0].kind.value, load_project(d).project.sources[0].wave
    ('survey', 'post')
    """
    folder = Path(folder)
    targets = [folder / "evalkit.yml", folder / "codebook.yml"]
    existing = [t for t in targets if t.exists()]
    if existing and not overwrite:
        raise EvalkitError(f"{existing[0]} already exists", hint="choose another folder or pass --force to overwrite")
    pkg = resources.files("evalkit.config") / "starter"
    values = {"project": project, "title": title.replace('"', "'"), "kind": ProgramKind(kind).value}
    written = []
    # A survey program gets a survey-shaped starter: no cohorts of cadres, no logic model, no roster.
    sources = {"evalkit.yml": "evalkit_survey.yml" if ProgramKind(kind) == ProgramKind.survey else "evalkit.yml",
               "codebook.yml": "codebook.yml"}
    for target in targets:
        text = (pkg / sources[target.name]).read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace("{" + key + "}", value)
        written.append(atomic_write_text(target, text))
    return written
