"""Sentences built from protected tables only.

A generated sentence ("72% of evaluations rated the time well spent") names the protected cells it
quotes; if any of them is hidden, the sentence is not written at all, so prose can never carry a
number the tables hide, nor hint at one ("all but one", "only 3").
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping

import pandas as pd

from evalkit.disclose.protected import HIDDEN_STATUSES, ProtectedTable, require_protected

__all__ = ["Ref", "sentence"]

# A confidence level ("95% CI") is a method fact, not a figure about people.
_CI_LEVEL = re.compile(r"\b\d{2}(?:\.\d)?% CI\b")

Ref = tuple[ProtectedTable, str, str]
"""(table, row, column) of one quoted cell."""


def sentence(template: str, **refs: Ref) -> str | None:
    """Fill ``template`` with the displayed text of protected cells, or return None if any is hidden.

    Parameters
    ----------
    template : str
        ``str.format`` text whose fields are the names of ``refs``; literal numbers are not allowed
        (except a confidence level such as "95% CI"), so every figure in a sentence comes from a
        protected cell.
    **refs : (ProtectedTable, row, column)
        The cells quoted.

    Examples
    --------
    >>> import pandas as pd
    >>> from evalkit.disclose import Bundle, DisclosurePolicy
    >>> b = Bundle(DisclosurePolicy(), release_id="r")
    >>> _ = b.universe("s", pd.DataFrame({"role": ["teacher"] * 30 + ["principal"] * 12 + ["coach"] * 4}), ["role"])
    >>> b.counts("t", "s", rows="role", title="By role")
    >>> t = b.protect().tables["t"]
    >>> sentence("{n} teachers answered.", n=(t, "teacher", "n"))
    '30 teachers answered.'
    >>> sentence("{n} coaches answered.", n=(t, "coach", "n")) is None      # fewer than 10
    True
    >>> sentence("{n} principals answered.", n=(t, "principal", "n")) is None  # would give the coaches away
    True
    """
    literal = _CI_LEVEL.sub("", "".join(part for part, *_ in string.Formatter().parse(template)))
    if any(ch.isdigit() for ch in literal):
        raise ValueError("a generated sentence may not contain literal numbers; quote protected cells instead")
    values: dict[str, str] = {}
    for name, (table, row, column) in refs.items():
        require_protected(table, "sentence()")
        hit = table.cells[(table.cells["row"] == row) & (table.cells["column"] == column)]
        if (hit.empty or hit["status"].iloc[0] in HIDDEN_STATUSES or not str(hit["text"].iloc[0]).strip()
                or pd.isna(hit["value"].iloc[0])):  # no value: a coded share that is "not shown"
            return None
        values[name] = str(hit["text"].iloc[0])
    return template.format(**values)


def sentences(items: Mapping[str, tuple[str, Mapping[str, Ref]]]) -> dict[str, str]:
    """Several sentences at once; hidden ones are left out."""
    out = {}
    for key, (template, refs) in items.items():
        s = sentence(template, **refs)
        if s is not None:
            out[key] = s
    return out
