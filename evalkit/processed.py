"""Read the analysis store that the anonymize stage wrote (``processed_dir``): tables, logs, provenance.

The store is what every later stage and every research notebook works from. It holds no direct
identifier: people are keyed pseudonyms (``person_id``), free text is redacted, and the
quasi-identifiers the analyses need (school code, role, tier, years) are kept. Its files:

``<source>.parquet``
    One anonymized table per source of the project file; ``source_row`` is the row's position in
    the cleaned table (its line in the export is in the data-quality log).
``provenance.json``
    Inputs (file name, SHA-256, format, rows), outputs, the rules in force, the evalkit version and
    the key's fingerprint (never the key).
``anonymize_log.json``
    Linkage counts by rule, the k-anonymity steps, redaction counts, comments held for review.
``quality_log.json`` / ``quality_log.csv``
    The data-quality log of cleaning: one row per rule, source and action, with counts.

Examples
--------
>>> import evalkit as ek
>>> data = ek.load_processed("data_processed/demo")            # doctest: +SKIP
>>> data.tables["participant_post"].head()                     # doctest: +SKIP
>>> data.linkage_rates()                                       # doctest: +SKIP
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evalkit.errors import EvalkitError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from evalkit.config import ProjectConfig

__all__ = ["ProcessedData", "load_processed", "processed_folder"]

PROVENANCE = "provenance.json"


@dataclass(frozen=True)
class ProcessedData:
    """A project's anonymized tables with their metadata, as :func:`load_processed` returns them.

    Attributes
    ----------
    folder : Path
        The processed-data folder read.
    tables : dict of str to DataFrame
        One anonymized table per source id (sources with nothing publishable are absent).
    provenance : dict
        ``provenance.json``: inputs with SHA-256, outputs, rules, evalkit version, key fingerprint.
    anonymize_log : dict
        ``anonymize_log.json``: linkage, k-anonymity, redaction, comments held for review.
    quality_log : DataFrame
        The data-quality log (``quality_log.csv``): ``source``, ``rule``/``defect``, ``action``,
        ``count`` and the columns cleaning recorded.
    """

    folder: Path
    tables: dict[str, pd.DataFrame]
    provenance: dict[str, Any] = field(default_factory=dict)
    anonymize_log: dict[str, Any] = field(default_factory=dict)
    quality_log: Any = None

    @property
    def project(self) -> str:
        """The project id the store belongs to."""
        return str(self.provenance.get("project", ""))

    def __getitem__(self, source: str) -> pd.DataFrame:
        try:
            return self.tables[source]
        except KeyError:
            raise KeyError(f"no table {source!r} in {self.folder} (tables: {sorted(self.tables)})") from None

    def linkage_rates(self) -> pd.DataFrame:
        """Linkage of survey rows to people, one row per source and rule, with the share of the source's rows.

        Returns
        -------
        DataFrame
            ``source``, ``wave``, ``rule`` (how rows were linked: ``email``, ``fuzzy`` ...), ``rows``
            (linked by that rule) and ``share`` of the table's rows (``nan`` when the table is absent).
        """
        import pandas as pd

        rows = []
        for entry in self.anonymize_log.get("linkage", []):
            sid = entry.get("source")
            total = len(self.tables[sid]) if sid in self.tables else None
            for rule, n in (entry.get("rule_counts") or {}).items():
                rows.append({"source": sid, "wave": entry.get("wave"), "rule": rule, "rows": int(n),
                             "share": (int(n) / total) if total else float("nan")})
        return pd.DataFrame(rows, columns=["source", "wave", "rule", "rows", "share"])

    def describe(self) -> pd.DataFrame:
        """One row per table: ``source``, ``rows``, ``columns`` and whether it has ``person_id``."""
        import pandas as pd

        return pd.DataFrame([{"source": sid, "rows": len(df), "columns": len(df.columns),
                              "person_id": "person_id" in df.columns} for sid, df in self.tables.items()],
                            columns=["source", "rows", "columns", "person_id"])


def processed_folder(project: str | Path | ProjectConfig) -> Path:
    """The processed-data folder of ``project``: a project file, its folder, a config, or the store itself.

    Raises
    ------
    EvalkitError
        Nothing found at that path, or the folder holds no ``provenance.json`` (anonymize has not run).
    """
    from evalkit.config import ProjectConfig

    if isinstance(project, ProjectConfig):
        folder = project.processed_dir
    else:
        p = Path(project).expanduser()
        if p.is_dir() and (p / PROVENANCE).exists():
            return p.resolve()
        if p.is_file() and p.suffix in (".yml", ".yaml") or (p.is_dir() and (p / "evalkit.yml").exists()):
            from evalkit.config import load_project

            folder = load_project(p).processed_dir
        elif not p.exists():
            raise EvalkitError(f"{p}: no such file or folder",
                               hint="give a project file (evalkit.yml), its folder, or a processed-data folder")
        else:
            folder = p
    if not (folder / PROVENANCE).exists():
        raise EvalkitError(f"{folder}: no anonymized data here ({PROVENANCE} is missing)",
                           hint="run `evalkit anonymize -p <project>` (or `evalkit run`) first")
    return Path(folder).resolve()


def load_processed(project: str | Path | ProjectConfig) -> ProcessedData:
    """Load a project's anonymized tables and their metadata from its processed-data folder.

    Parameters
    ----------
    project : str, Path or ProjectConfig
        A project file (``evalkit.yml``) or its folder, a loaded project, or the processed-data folder.

    Returns
    -------
    ProcessedData
        The tables (``person_id`` pseudonyms, redacted text, no direct identifiers), ``provenance``,
        ``anonymize_log`` and ``quality_log``.

    Raises
    ------
    EvalkitError
        No processed data at that place; a table listed in ``provenance.json`` is missing.

    Examples
    --------
    >>> import evalkit as ek
    >>> data = ek.load_processed("my_program/evalkit.yml")      # doctest: +SKIP
    >>> data.describe()                                        # doctest: +SKIP
    """
    import pandas as pd

    folder = processed_folder(project)
    provenance = json.loads((folder / PROVENANCE).read_text(encoding="utf-8"))
    tables: dict[str, pd.DataFrame] = {}
    for out in provenance.get("outputs", []):
        name = out.get("file")
        if not name:
            continue
        path = folder / name
        if not path.exists():
            raise EvalkitError(f"{path}: listed in {PROVENANCE} but missing",
                               hint="run `evalkit anonymize` again to rebuild the processed data")
        tables[out.get("source") or Path(name).stem] = pd.read_parquet(path)
    log_path = folder / "anonymize_log.json"
    anon = json.loads(log_path.read_text(encoding="utf-8")) if log_path.exists() else {}
    q_path = folder / "quality_log.csv"
    quality = pd.read_csv(q_path) if q_path.exists() else pd.DataFrame()
    return ProcessedData(folder=folder, tables=tables, provenance=provenance, anonymize_log=anon,
                         quality_log=quality)
