"""Sharing a table from an evaluator's own analysis: only through the disclosure rule.

An evaluator who works in ``notebooks/explore.ipynb`` computes figures the report does not show (an effect
size for a subgroup, a count by role). :func:`export_table` is the one way evalkit writes such a table for
sharing:

* a :class:`~evalkit.disclose.ProtectedTable` (built with :class:`~evalkit.disclose.Bundle`, which hides or
  pools small groups and proves with its attacker audit that nothing hidden can be worked out) is written as
  it is published;
* a plain :class:`pandas.DataFrame` is checked against the threshold: every row must rest on at least
  ``n_min`` people in each of its ``n`` columns. A row under it is **refused**, the file is not written, and
  the error names the row and column (never the value) and says how to protect the table instead. The check
  is the primary rule only: totals and overlapping tables can still give a small group away, which is what
  ``Bundle`` handles, so the refusal's hint points there.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from evalkit._io import atomic_write_text
from evalkit.disclose.policy import DisclosurePolicy
from evalkit.disclose.protected import ProtectedTable
from evalkit.errors import DisclosureError

__all__ = ["export_table"]


def export_table(table: ProtectedTable | pd.DataFrame, path: str | Path, *, n: str | Sequence[str] | None = None,
                 policy: DisclosurePolicy | None = None) -> Path:
    """Write a table as CSV for sharing, only if the disclosure rule allows it.

    Parameters
    ----------
    table : ProtectedTable or pandas.DataFrame
        A protected table (written as published), or a frame of aggregates to check.
    path : str or Path
        The CSV to write (atomically; nothing is written when the table is refused).
    n : str or sequence of str
        For a frame: the column(s) holding the number of people each row describes. Required for a frame.
    policy : DisclosurePolicy, optional
        The rule (default: ``DisclosurePolicy()``, n_min 10). Pass the project's:
        ``DisclosurePolicy.from_config(cfg.project.privacy)``.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    DisclosureError
        A row of the frame rests on fewer than ``n_min`` people (the message lists the rows and columns, never
        a value), or a frame came without ``n``.
    TypeError
        ``table`` is neither a ProtectedTable nor a DataFrame.

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> frame = pd.DataFrame({"Role": ["Teachers", "Coaches"], "n": [24, 4], "Mean": [3.1, 3.6]})
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "by_role.csv"
    >>> try:
    ...     export_table(frame, out, n="n")
    ... except Exception as exc:
    ...     print(str(exc).splitlines()[0])
    by_role.csv not written: row 'Coaches' (column 'n') describes fewer than 10 people
    >>> out.exists()
    False
    >>> export_table(frame[frame["n"] >= 10], out, n="n").name
    'by_role.csv'
    """
    path = Path(path)
    policy = policy or DisclosurePolicy()
    if isinstance(table, ProtectedTable):
        return atomic_write_text(path, table.display.astype(str).to_csv(index=False))
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"export_table(): table must be a ProtectedTable or a pandas DataFrame, "
                        f"got {type(table).__name__}")
    columns = [n] if isinstance(n, str) else list(n or [])
    if not columns:
        raise DisclosureError(f"{path.name} not written: a frame needs its n column(s), the people each row describes",
                              hint="pass n='n' (or the names of the count columns), or build the table with "
                                   "evalkit.disclose.Bundle, which protects it")
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise DisclosureError(f"{path.name} not written: no column {missing[0]!r} in the table",
                              hint=f"the table's columns are {list(table.columns)}")
    label = table.columns[0]
    small = [(str(row[label]), c) for _, row in table.iterrows() for c in columns
             if pd.notna(row[c]) and 0 < float(row[c]) < policy.n_min]
    if small:
        where = "; ".join(f"row {r!r} (column {c!r})" for r, c in small[:5]) + ("; ..." if len(small) > 5 else "")
        raise DisclosureError(
            f"{path.name} not written: {where} describes fewer than {policy.n_min} people",
            hint="drop or pool the small groups, or build the table with evalkit.disclose.Bundle (counts, shares, "
                 "statistics), which hides or pools them and checks that totals cannot give them back")
    return atomic_write_text(path, table.to_csv(index=False))
