"""``ProtectedTable``: the only kind of table a report, chart or sentence accepts.

Only :mod:`evalkit.disclose` can make one (the constructor checks a private token), so a number that
has not passed the suppression rule cannot reach a report by accident: report helpers check
``isinstance(obj, ProtectedTable)`` and refuse anything else.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from evalkit._io import atomic_write_text

__all__ = ["ProtectedTable", "SHOWN", "HIDDEN_STATUSES", "require_protected"]

_TOKEN = object()

#: Cell statuses.
SHOWN = "shown"
HIDDEN_STATUSES = frozenset({"primary", "complementary", "homogeneity", "row_gate", "difference", "coded_with",
                             "curve_step"})
#: Figures a reader does not see: the hidden ones and the shares of groups too small for any percentage
#: (kept apart from HIDDEN_STATUSES, which also decides what a release's digest covers)
NOT_SHOWN_STATUSES = HIDDEN_STATUSES | {"small_group"}
#: Shares shown only as the bound they lie beyond.
CODED_STATUSES = frozenset({"top_coded", "bottom_coded"})


@dataclass(frozen=True, eq=False)
class ProtectedTable:
    """A table that passed the disclosure rule.

    Attributes
    ----------
    table_id, title, note : str
    display : DataFrame of str
        What a reader sees: the first column holds row labels; hidden cells read the policy's
        suppression text ("fewer than 10").
    cells : DataFrame
        Tidy, one row per displayed figure: ``row``, ``column``, ``kind`` (count, share, statistic),
        ``value`` (float; NaN when hidden), ``text`` (as displayed), ``status`` (shown, primary,
        complementary, homogeneity, row_gate, difference, top_coded, bottom_coded) and ``n`` (the number
        of people the figure describes; NaN when that number is itself hidden).
    guskey_level : int or None
    """

    table_id: str
    title: str
    display: pd.DataFrame
    cells: pd.DataFrame
    note: str | None = None
    guskey_level: int | None = None
    _token: Any = None

    def __post_init__(self) -> None:
        if self._token is not _TOKEN:
            raise TypeError("ProtectedTable is made only by evalkit.disclose (Bundle.protect); "
                            "pass your figures through the disclosure rule")

    @property
    def n_cells(self) -> int:
        return len(self.cells)

    @property
    def n_hidden(self) -> int:
        return int(self.cells["status"].isin(NOT_SHOWN_STATUSES).sum())

    @property
    def n_coded(self) -> int:
        return int(self.cells["status"].isin(CODED_STATUSES).sum())

    def shown(self, row: str, column: str) -> float | None:
        """The published value of one cell, or ``None`` when it is hidden (or absent)."""
        hit = self.cells[(self.cells["row"] == row) & (self.cells["column"] == column)]
        if hit.empty or hit["status"].iloc[0] in HIDDEN_STATUSES or math.isnan(hit["value"].iloc[0]):
            return None
        return float(hit["value"].iloc[0])

    def text(self, row: str, column: str) -> str:
        hit = self.cells[(self.cells["row"] == row) & (self.cells["column"] == column)]
        return str(hit["text"].iloc[0]) if len(hit) else ""

    def to_csv(self, path: Path) -> None:
        atomic_write_text(Path(path), self.display.astype(str).to_csv(index=False))

    def spec(self, file: str) -> dict[str, Any]:
        return {"title": self.title, "file": file, "note": self.note, "guskey_level": self.guskey_level}


def _make(table_id: str, title: str, display: pd.DataFrame, cells: pd.DataFrame, *, note: str | None,
          level: int | None) -> ProtectedTable:
    return ProtectedTable(table_id, title, display.astype(str), cells.reset_index(drop=True), note, level, _TOKEN)


def passthrough(table_id: str, title: str, frame: pd.DataFrame, *, note: str | None = None,
                level: int | None = None) -> ProtectedTable:
    """A table of program facts that describe no person (schedule, logic model, hours offered)."""
    return _make(table_id, title, frame, cell_frame([]), note=note, level=level)


#: The columns of a protected table's cells, in order.
CELL_COLUMNS = ("row", "column", "kind", "value", "text", "status", "n")


def cell_frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    """A protected table's cells as a frame with :data:`CELL_COLUMNS`, also when there are none."""
    empty = pd.DataFrame({"row": pd.Series(dtype=str), "column": pd.Series(dtype=str), "kind": pd.Series(dtype=str),
                          "value": pd.Series(dtype=float), "text": pd.Series(dtype=str),
                          "status": pd.Series(dtype=str), "n": pd.Series(dtype=float)})
    return pd.DataFrame(records, columns=list(CELL_COLUMNS)) if records else empty


def require_protected(obj: object, what: str = "this helper") -> ProtectedTable:
    """Refuse anything but a ProtectedTable, naming the caller."""
    if not isinstance(obj, ProtectedTable):
        raise TypeError(f"{what} accepts only an evalkit.disclose.ProtectedTable, not {type(obj).__name__}; "
                        "build the table with evalkit.disclose.Bundle so the suppression rule applies")
    return obj

