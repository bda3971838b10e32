"""Shared argument checks for public functions: one message shape (function, argument, rule, value).

Public functions validate at the edge with these helpers and trust their inputs afterwards.
"""

from __future__ import annotations

from typing import Any

__all__ = ["check_series"]


def check_series(s: Any, *, func: str, arg: str, what: str) -> None:
    """Require a pandas Series with a unique index (rows of a file are keyed by ``source_row``).

    Examples
    --------
    >>> import pandas as pd
    >>> check_series(pd.Series([1], index=[4]), func="f", arg="pre", what="codes")
    >>> check_series([1], func="f", arg="pre", what="codes")
    Traceback (most recent call last):
    TypeError: f(): pre must be a pandas Series of codes, got list
    """
    import pandas as pd

    if not isinstance(s, pd.Series):
        raise TypeError(f"{func}(): {arg} must be a pandas Series of {what}, got {type(s).__name__}")
    if not s.index.is_unique:
        raise ValueError(f"{func}(): {arg} must be indexed by unique source rows; "
                         f"{int(s.index.duplicated().sum())} index label(s) repeat")
