"""The first form of the one suppression rule: counts under ``n_min`` are never shown.

Until the full disclose stage ([4/5]) lands, reports may show only aggregate counts. This module is
the single place that decides whether a count may be shown and how a hidden one reads, and it applies
complementary suppression along a table's rows so that no hidden cell can be recovered from a
published total by subtraction.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = ["SUPPRESSED_TEXT", "format_count", "protect_counts"]

from evalkit.disclose.policy import SUPPRESSED_TEXT


def format_count(n: int, *, n_min: int) -> str:
    """Show ``n`` if it is at least ``n_min``, else the suppression text.

    Zero is suppressed too: "0 of 12 teachers" says something about every one of them.

    Examples
    --------
    >>> format_count(12, n_min=10), format_count(3, n_min=10)
    ('12', 'fewer than 10')
    """
    return f"{int(n):,}" if n >= n_min else SUPPRESSED_TEXT.format(n_min=n_min)


def protect_counts(
    counts: pd.DataFrame, *, n_min: int, count_columns: Sequence[str], total_row: bool = True
) -> pd.DataFrame:
    """Suppress small counts, with complementary suppression down each column, and format as text.

    Primary suppression hides every count under ``n_min``. If a column then has exactly one hidden
    cell and a published total, that cell could be rebuilt by subtraction, so the smallest other
    cell of the column is hidden as well (repeated until no column has a lone hidden cell). The
    total row itself is shown only when it is at least ``n_min``.

    Parameters
    ----------
    counts : DataFrame
        One row per group (first column is the row label), integer count columns.
    n_min : int
        Smallest count that may be shown.
    count_columns : sequence of str
        The columns holding counts.
    total_row : bool
        Append a "Total" row computed before suppression.

    Returns
    -------
    DataFrame of str, ready for display.

    Examples
    --------
    >>> t = pd.DataFrame({"role": ["teacher", "coach", "principal"], "n": [30, 4, 12]})
    >>> protect_counts(t, n_min=10, count_columns=["n"])["n"].tolist()
    ['30', 'fewer than 10', 'fewer than 10', '46']
    """
    data = counts.reset_index(drop=True).copy()
    values = data[list(count_columns)].to_numpy(dtype=float)
    hidden = values < n_min
    if total_row:
        changed = True
        while changed:
            changed = False
            for j in range(values.shape[1]):
                if hidden[:, j].sum() == 1 and len(values) > 1:
                    candidates = np.where(~hidden[:, j], values[:, j], np.inf)
                    k = int(np.argmin(candidates))
                    if np.isfinite(candidates[k]):
                        hidden[k, j] = True
                        changed = True
    out = data.astype(object)
    for j, col in enumerate(count_columns):
        out[col] = [SUPPRESSED_TEXT.format(n_min=n_min) if h else f"{int(v):,}" for v, h in zip(values[:, j], hidden[:, j])]
    if total_row:
        totals = values.sum(axis=0)
        row = {data.columns[0]: "Total"}
        for j, col in enumerate(count_columns):
            row[col] = format_count(int(totals[j]), n_min=n_min)
        for col in data.columns:
            row.setdefault(col, "")
        out = pd.concat([out, pd.DataFrame([row])], ignore_index=True)
    return out.astype(str)
