"""The attacker's unknowns: counts of people in every combination of a population's categories.

A *universe* is one population that published figures describe (for example "respondents to the staff
survey of cadre C1"), with the dimensions the bundle breaks it down by (school, role, answer to one
question...). Its *atoms* are the cells of the full cross-classification; every published count is a
sum of atoms, and a published share is a pair of linear inequalities on two such sums. This is the
linear model of sdcTable's ``attack()`` (Meindl 2023), built for all tables of a bundle at once, so
tables by role, by school and by role x school constrain the same unknowns.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import product

import numpy as np
import pandas as pd

__all__ = ["Universe", "Selection", "MISSING"]

#: Category used for a missing value in a dimension (the attacker knows such people exist).
MISSING = "(missing)"

#: A selection: dimension -> the categories a cell covers; a dimension not named covers all.
Selection = Mapping[str, frozenset[str]]


@dataclass
class Universe:
    """One population and the dimensions it is broken down by; holds the true atom counts.

    Parameters
    ----------
    key : str
        Names the population across tables *and across releases*: two figures with the same key
        describe the same people, so the audit combines them (and an earlier release's figures).
    data : DataFrame
        One row per person, a column per dimension.
    dims : sequence of str
        The dimensions.
    categories : mapping, optional
        Categories the attacker knows exist for a dimension (for example every role on the roster),
        beyond those observed.
    """

    key: str
    data: pd.DataFrame
    dims: tuple[str, ...]
    categories: Mapping[str, Iterable[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.dims = tuple(self.dims)
        cats: dict[str, tuple[str, ...]] = {}
        frame = pd.DataFrame(index=self.data.index)
        for d in self.dims:
            col = self.data[d].astype("string").fillna(MISSING).astype(str)
            frame[d] = col
            known = [str(c) for c in self.categories.get(d, ())]
            cats[d] = tuple(dict.fromkeys([*known, *sorted(set(col) - set(known))]))
        self.cats = cats
        self.shape = tuple(len(cats[d]) for d in self.dims)
        self.size = int(np.prod(self.shape)) if self.dims else 1
        if self.dims:
            codes = [pd.Categorical(frame[d], categories=cats[d]).codes for d in self.dims]
            flat = np.ravel_multi_index(codes, self.shape) if len(frame) else np.array([], dtype=int)
            self.counts = np.bincount(flat, minlength=self.size).astype(float)
        else:
            self.counts = np.array([float(len(self.data))])

    @property
    def total(self) -> int:
        return int(self.counts.sum())

    def mask(self, sel: Selection) -> np.ndarray:
        """0/1 vector over atoms of the people a selection covers."""
        unknown = set(sel) - set(self.dims)
        if unknown:
            raise ValueError(f"universe {self.key!r} has no dimension {sorted(unknown)}")
        if not self.dims:
            return np.ones(1)
        axes = [np.isin(np.array(self.cats[d], dtype=object), list(sel[d])) if d in sel
                else np.ones(len(self.cats[d]), dtype=bool) for d in self.dims]
        m = axes[0]
        for a in axes[1:]:
            m = np.multiply.outer(m, a)
        return np.asarray(m, dtype=float).ravel()

    def count(self, sel: Selection) -> int:
        return int(self.mask(sel) @ self.counts)

    def atoms(self) -> list[dict[str, str]]:
        """Every atom as a {dim: category} dict, in vector order."""
        return [dict(zip(self.dims, combo)) for combo in product(*(self.cats[d] for d in self.dims))]

    def with_categories(self, extra: Mapping[str, Iterable[str]]) -> Universe:
        """The same people over a superset of categories (to align with an earlier release)."""
        cats = {d: [*self.cats[d], *[c for c in extra.get(d, ()) if c not in self.cats[d]]] for d in self.dims}
        return Universe(self.key, self.data, self.dims, cats)


def sel(**dims: str | Iterable[str]) -> dict[str, frozenset[str]]:
    """Build a selection: ``sel(role="teacher", school=["A", "B"])``."""
    return {d: frozenset([v] if isinstance(v, str) else [str(x) for x in v]) for d, v in dims.items()}
