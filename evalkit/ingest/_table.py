"""The one structure every reader returns: a DataFrame with stable column names plus metadata.

Row numbers: ``SurveyData.data`` is indexed by ``source_row``, the 1-based row number of the record
in the original file *as a spreadsheet shows it* (header rows count; a CSV record with embedded
newlines is one row). Error messages and the data-quality log use this number, so an evaluator can
open the export and go straight to the row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["ColumnMeta", "SourceMeta", "SurveyData", "FORMATS", "MissingRange"]

#: Formats evalkit can read; ``read_export(..., format=...)`` takes one of these names.
FORMATS: tuple[str, ...] = (
    "qualtrics_csv",
    "qualtrics_tsv",
    "surveymonkey_csv",
    "surveymonkey_xlsx",
    "google_forms_csv",
    "google_forms_xlsx",
    "microsoft_forms_csv",
    "spss",
    "csv",
    "excel",
    "notes",
    "json",
)


@dataclass(frozen=True)
class MissingRange:
    """A range of codes declared missing (SPSS ``MISSING VALUES x (2000 THRU 3000)``), bounds included.

    It sits in :attr:`ColumnMeta.missing_codes` beside single codes; use ``value in rng`` to test a code.

    Examples
    --------
    >>> rng = MissingRange(2000.0, 3000.0)
    >>> 2500 in rng, 1999 in rng
    (True, False)
    >>> str(rng)
    '2000.0 thru 3000.0'
    """

    low: Any
    high: Any

    def __contains__(self, value: object) -> bool:
        try:
            return bool(self.low <= value <= self.high)  # type: ignore[operator]
        except TypeError:  # a string against numeric bounds, or the reverse
            return False

    def __str__(self) -> str:
        return f"{self.low} thru {self.high}"


@dataclass(frozen=True)
class ColumnMeta:
    """What the export says about one column.

    Attributes
    ----------
    name : str
        The stable column name used in ``SurveyData.data`` (the export's question id, e.g. ``Q1_1``).
    original : str
        The header exactly as it appears in the file.
    text : str or None
        The question text (Qualtrics row 2, SurveyMonkey row 1 + row 2, SPSS variable label).
    import_id : str or None
        Qualtrics ImportId (``QID1_1``), stable across renamed questions.
    value_labels : dict
        Code → label (SPSS value labels, or Qualtrics numeric exports where known).
    missing_codes : tuple
        Codes the source declares as missing (SPSS user-missing values); ranges are
        :class:`MissingRange` objects.
    """

    name: str
    original: str
    text: str | None = None
    import_id: str | None = None
    value_labels: dict[Any, str] = field(default_factory=dict)
    missing_codes: tuple[Any, ...] = ()
    date_cells: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "original": self.original,
            "text": self.text,
            "import_id": self.import_id,
            "value_labels": {str(k): v for k, v in self.value_labels.items()},
            "missing_codes": [str(c) for c in self.missing_codes],
        }


@dataclass(frozen=True)
class SourceMeta:
    """Where a table came from: file, hash, detected format and encoding, header layout."""

    path: str
    sha256: str
    format: str
    encoding: str | None = None
    header_rows: int = 1
    sheet: str | None = None
    n_rows: int = 0
    notes: tuple[str, ...] = ()
    #: Every sheet of an Excel workbook, in workbook order (``sheet`` is the one that was read).
    sheets: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "sha256": self.sha256,
            "format": self.format,
            "encoding": self.encoding,
            "header_rows": self.header_rows,
            "sheet": self.sheet,
            "n_rows": self.n_rows,
            "notes": list(self.notes),
            "sheets": list(self.sheets),
        }


@dataclass
class SurveyData:
    """A raw export read into memory: ``data`` plus ``columns`` (per-column metadata) and ``source``.

    ``data`` is indexed by ``source_row`` (see the module docstring). Column names are unique and
    stable; ``columns`` has one :class:`ColumnMeta` per column of ``data``, in the same order.
    """

    data: pd.DataFrame
    columns: dict[str, ColumnMeta]
    source: SourceMeta

    @property
    def path(self) -> Path:
        return Path(self.source.path)

    def question_text(self, column: str) -> str | None:
        meta = self.columns.get(column)
        return meta.text if meta else None

    def value_labels(self, column: str) -> dict[Any, str]:
        meta = self.columns.get(column)
        return dict(meta.value_labels) if meta else {}

    def summary(self) -> dict[str, Any]:
        """A small, non-identifying description (shape, format, hash) for logs and the CLI."""
        return {
            **self.source.to_dict(),
            "n_columns": len(self.data.columns),
        }
