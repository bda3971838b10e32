"""The codebook: instruments, items, response scales, scales and column roles (pydantic models).

A codebook says, for each instrument, what every column of its exports means:

* **response scales** give the codes, their labels, which codes count as favorable and which are
  non-substantive ("Don't know", "N/A", 99) and become missing;
* **items** point at a response scale, may be reversed, may carry aliases (a column renamed between
  waves) and may belong to another wave than their file (a retrospective-pre block on the post);
* **scales** average items, with a minimum share of answered items (default 75 %, rounded up);
* **columns** mark identifiers, quasi-identifiers and free text, so anonymization knows what to drop.

Everything is validated when the file is loaded (see :mod:`evalkit.config.load`); stages downstream
trust these objects.
"""

from __future__ import annotations

import math
from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "GuskeyLevel",
    "ColumnRole",
    "ResponseScale",
    "Item",
    "Scale",
    "ColumnSpec",
    "Instrument",
    "Codebook",
    "WAVES",
]

#: Waves evalkit knows. ``event`` is a per-event evaluation (one wave per event).
WAVES = ("pre", "post", "retro_pre", "event", "followup", "once")
Wave = Literal["pre", "post", "retro_pre", "event", "followup", "once"]

Code = int | float | str


class _Model(BaseModel):
    # Unknown keys are errors: a typo in a YAML key must not silently switch a rule off.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class GuskeyLevel(int, Enum):
    """Guskey's five levels of professional-development evaluation (Guskey 2002)."""

    reactions = 1
    learning = 2
    organizational_support = 3
    use = 4
    student_outcomes = 5


class ColumnRole(str, Enum):
    """What a non-item column is, for cleaning and anonymization."""

    identifier = "identifier"  # names, e-mails, phones, IPs, recipient fields: dropped after linkage
    quasi_identifier = "quasi_identifier"  # role, school, years band, tier: kept, but counted for k-anonymity
    free_text = "free_text"  # redacted before it is written anywhere
    metadata = "metadata"  # export bookkeeping: dates, status, progress, duration
    key = "key"  # a record or event key that identifies no person (event_id, school_code)
    self_code = "self_code"  # a self-generated ID code for anonymous linkage; dropped after linking
    other = "other"


class ResponseScale(_Model):
    """A set of response codes shared by several items, e.g. a 5-point agreement scale."""

    codes: dict[int, str] = Field(min_length=2, description="substantive code → label, in order")
    favorable: list[int] = Field(default_factory=list, description="codes counted as favorable")
    non_substantive: dict[Code, str] = Field(
        default_factory=dict, description="codes such as 8='Don't know', 99, 'N/A' that become missing"
    )
    label_aliases: dict[str, int] = Field(
        default_factory=dict, description="extra labels seen in exports (e.g. 'Agree ') → code"
    )

    @model_validator(mode="after")
    def _check(self) -> ResponseScale:
        unknown = [c for c in self.favorable if c not in self.codes]
        if unknown:
            raise ValueError(f"favorable codes {unknown} are not among the scale's codes {sorted(self.codes)}")
        overlap = [c for c in self.non_substantive if c in self.codes]
        if overlap:
            raise ValueError(f"codes {overlap} are both substantive and non-substantive")
        return self

    @property
    def min(self) -> int:
        return min(self.codes)

    @property
    def max(self) -> int:
        return max(self.codes)

    def label_map(self) -> dict[str, Code | None]:
        """Casefolded label → code; non-substantive labels map to ``None`` (missing)."""
        out: dict[str, Code | None] = {}
        for code, label in self.codes.items():
            out[label.strip().casefold()] = code
        for label, code in self.label_aliases.items():
            out[label.strip().casefold()] = code
        for _code, label in self.non_substantive.items():
            out[str(label).strip().casefold()] = None
        return out


class Item(_Model):
    """One survey item (a column holding coded answers)."""

    text: str
    scale: str = Field(description="name of a response scale in `response_scales`")
    reverse: bool = False
    aliases: list[str] = Field(default_factory=list, description="other column names for this item in some waves")
    wave: Wave | None = Field(default=None, description="wave this item measures if not the file's (retro_pre)")
    same_as: str | None = Field(default=None, description="for a retro-pre item: the item it re-asks")
    guskey_level: GuskeyLevel | None = None
    topic: str | None = Field(default=None, description="construct or topic the item measures")


class Scale(_Model):
    """A scale score: the mean of its items when enough of them are answered."""

    label: str
    items: list[str] = Field(min_length=1)
    scoring: Literal["mean"] = "mean"
    min_share: Annotated[float, Field(gt=0, le=1)] = 0.75
    guskey_level: GuskeyLevel | None = None

    @property
    def min_items(self) -> int:
        """Answered items needed: ``ceil(min_share * k)`` (75 % of 6 items → 5)."""
        # Round up, and guard against 0.75 * 4 = 3.0000000000000004 style float noise.
        return max(1, math.ceil(round(self.min_share * len(self.items), 9)))


class ColumnSpec(_Model):
    """Role of a non-item column."""

    role: ColumnRole
    kind: Literal["email", "name", "first_name", "last_name", "phone", "ip", "location", "id", "other"] | None = None
    aliases: list[str] = Field(default_factory=list)
    description: str | None = None
    text: str | None = Field(default=None, description="the question as respondents saw it (for an open question: "
                             "the heading its quoted comments get)")


class Instrument(_Model):
    """A questionnaire and everything needed to read its exports."""

    title: str
    guskey_level: GuskeyLevel | None = None
    anonymous: bool = Field(default=False, description="no person key; only ever shared in summary form")
    items: dict[str, Item] = Field(default_factory=dict)
    scales: dict[str, Scale] = Field(default_factory=dict)
    columns: dict[str, ColumnSpec] = Field(default_factory=dict)
    nps_item: str | None = Field(default=None, description="column of a 0-10 'how likely to recommend' item")

    @model_validator(mode="after")
    def _check_refs(self) -> Instrument:
        for name, scale in self.scales.items():
            missing = [i for i in scale.items if i not in self.items]
            if missing:
                raise ValueError(f"scale {name!r} lists items not defined in this instrument: {missing}")
        for name, item in self.items.items():
            if item.same_as is not None and item.same_as not in self.items:
                raise ValueError(f"item {name!r}: same_as {item.same_as!r} is not an item of this instrument")
        seen: dict[str, str] = {}
        for name, item in self.items.items():
            for alias in [name, *item.aliases]:
                if alias in seen and seen[alias] != name:
                    raise ValueError(f"column name {alias!r} is claimed by items {seen[alias]!r} and {name!r}")
                seen[alias] = name
        return self

    def alias_map(self) -> dict[str, str]:
        """Column name seen in an export → canonical name, for items and non-item columns."""
        out: dict[str, str] = {}
        for name, item in self.items.items():
            for alias in item.aliases:
                out[alias] = name
        for name, col in self.columns.items():
            for alias in col.aliases:
                out[alias] = name
        return out


class Codebook(_Model):
    """All response scales and instruments of a project."""

    response_scales: dict[str, ResponseScale] = Field(default_factory=dict)
    instruments: dict[str, Instrument] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _check_scales(self) -> Codebook:
        for iname, inst in self.instruments.items():
            for item_name, item in inst.items.items():
                if item.scale not in self.response_scales:
                    raise ValueError(
                        f"instruments.{iname}.items.{item_name}: response scale {item.scale!r} is not defined "
                        f"(defined: {sorted(self.response_scales)})"
                    )
        return self
