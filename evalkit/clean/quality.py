"""The data-quality log: one row per (source, rule), counting what each cleaning rule did.

The log records *where* (file rows as a spreadsheet shows them, columns) and *how many*, never a
value from the data, so it can be written beside the cleaned tables and printed in the report's
data-quality appendix.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

import pandas as pd

from evalkit._io import atomic_write_text

__all__ = ["Defect", "Action", "QualityEntry", "QualityLog"]


class Defect(str, Enum):
    """Kinds of data-quality problem; the demo's ``defects.json`` uses the same vocabulary."""

    preview_response = "preview_response"
    test_response = "test_response"
    duplicate_response = "duplicate_response"
    partial_response = "partial_response"
    speeder = "speeder"
    straight_liner = "straight_liner"
    withdrawn_participant = "withdrawn_participant"
    non_substantive_code = "non_substantive_code"
    label_instead_of_code = "label_instead_of_code"
    mixed_date_format = "mixed_date_format"
    renamed_column = "renamed_column"
    email_noise = "email_noise"
    name_noise = "name_noise"
    wrong_event = "wrong_event"
    event_match_review = "event_match_review"
    small_group = "small_group"
    pii_in_free_text = "pii_in_free_text"
    unmatched_roster = "unmatched_roster"
    no_consent = "no_consent"


class Action(str, Enum):
    """What a rule did to the rows it found."""

    dropped = "dropped"  # rows removed from the cleaned table
    recoded = "recoded"  # values changed (codes, missing, normalized text)
    flagged = "flagged"  # rows kept, with a flag column
    renamed = "renamed"  # columns renamed
    reported = "reported"  # only counted (e.g. small groups, PII found in text that is dropped)
    not_applicable = "not_applicable"  # the export lacks what the rule needs
    off = "off"  # switched off in the project file


@dataclass(frozen=True)
class QualityEntry:
    """One rule applied to one source."""

    source: str
    file: str
    rule: str
    defect: Defect | None
    action: Action
    count: int
    rows: tuple[int, ...] = ()
    columns: tuple[str, ...] = ()
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["defect"] = self.defect.value if self.defect else None
        d["action"] = self.action.value
        d["rows"] = list(self.rows)
        d["columns"] = list(self.columns)
        return d


@dataclass
class QualityLog:
    """Accumulates :class:`QualityEntry` rows across a cleaning run."""

    entries: list[QualityEntry] = field(default_factory=list)

    def add(
        self,
        source: str,
        file: str,
        rule: str,
        defect: Defect | None,
        action: Action,
        *,
        rows: Iterable[int] = (),
        columns: Iterable[str] = (),
        count: int | None = None,
        detail: str = "",
    ) -> QualityEntry:
        rows_t = tuple(sorted({int(r) for r in rows}))
        entry = QualityEntry(
            source=source,
            file=file,
            rule=rule,
            defect=defect,
            action=action,
            count=len(rows_t) if count is None else int(count),
            rows=rows_t,
            columns=tuple(columns),
            detail=detail,
        )
        self.entries.append(entry)
        return entry

    def extend(self, other: QualityLog) -> None:
        self.entries.extend(other.entries)

    def to_frame(self) -> pd.DataFrame:
        cols = ["source", "file", "rule", "defect", "action", "count", "rows", "columns", "detail"]
        if not self.entries:
            return pd.DataFrame(columns=cols)
        df = pd.DataFrame([e.to_dict() for e in self.entries], columns=cols)
        df["rows"] = df["rows"].map(lambda r: " ".join(map(str, r)))
        df["columns"] = df["columns"].map(lambda c: "; ".join(c))
        return df

    def counts(self) -> pd.DataFrame:
        """Total count per defect kind and action, the summary printed by the CLI and the report."""
        df = self.to_frame()
        df = df[df["defect"].notna() & ~df["action"].isin([Action.off.value, Action.not_applicable.value])]
        return (
            df.groupby(["defect", "action"], as_index=False)["count"].sum().sort_values(["defect", "action"])
        )

    def total(self, defect: Defect, *, source: str | None = None) -> int:
        return sum(
            e.count
            for e in self.entries
            if e.defect == defect
            and e.action not in (Action.off, Action.not_applicable)
            and (source is None or e.source == source)
        )

    def write(self, folder: str | Path) -> tuple[Path, Path]:
        """Write ``quality_log.json`` (full) and ``quality_log.csv`` (tidy) into ``folder``."""
        folder = Path(folder)
        payload = {"schema": "evalkit.quality_log/1", "entries": [e.to_dict() for e in self.entries]}
        j = atomic_write_text(folder / "quality_log.json", json.dumps(payload, indent=1))
        c = atomic_write_text(folder / "quality_log.csv", self.to_frame().to_csv(index=False))
        return j, c

    @classmethod
    def read(cls, path: str | Path) -> QualityLog:
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
        log = cls()
        for e in payload["entries"]:
            log.entries.append(
                QualityEntry(
                    source=e["source"], file=e["file"], rule=e["rule"],
                    defect=Defect(e["defect"]) if e["defect"] else None, action=Action(e["action"]),
                    count=e["count"], rows=tuple(e["rows"]), columns=tuple(e["columns"]), detail=e["detail"],
                )
            )
        return log
