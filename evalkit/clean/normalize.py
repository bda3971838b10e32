"""Normalizers for e-mails, names and dates, vectorized over the unique values of a column.

Each returns the normalized Series plus a boolean mask of the values it changed, so the cleaning
run can count them in the data-quality log. Date parsing never guesses silently: a value that fits
no known format is returned as an :class:`~evalkit.errors.Issue` naming its row and column.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import numpy as np
import pandas as pd

from evalkit.errors import Issue, Reason

__all__ = ["normalize_email", "normalize_name", "parse_dates", "parse_date_columns", "DATE_FORMATS", "is_blank"]

_WS = re.compile(r"\s+")


def is_blank(s: pd.Series) -> pd.Series:
    """True where a cell is missing or only whitespace."""
    return s.isna() | s.astype("string").str.strip().eq("").fillna(True)


def _map_unique(s: pd.Series, fn) -> pd.Series:
    # Exports repeat values a lot (codes, names, dates): normalize each distinct value once.
    present = s.dropna()
    uniq = pd.unique(present)
    mapping = {u: fn(u) for u in uniq}
    out = s.astype(object).copy()
    out.loc[present.index] = present.map(mapping)
    return out


def normalize_email(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Unicode NFKC, remove all whitespace, lower-case. Returns (normalized, changed mask).

    Examples
    --------
    >>> out, changed = normalize_email(pd.Series([" Ann.Lee@Example.org ", "bo@example.org", None]))
    >>> out.tolist()[:2], bool(out.isna()[2]), changed.tolist()
    (['ann.lee@example.org', 'bo@example.org'], True, [True, False, False])
    """

    def fn(v: object) -> object:
        if not isinstance(v, str):
            return v
        n = _WS.sub("", unicodedata.normalize("NFKC", v)).lower()
        return n or None

    out = _map_unique(s, fn)
    changed = s.notna() & (out.astype(object) != s.astype(object))
    return out, changed.fillna(False).astype(bool)


def normalize_name(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Unicode NFC, trim and collapse whitespace, and fix all-upper or all-lower case.

    Mixed case is left alone, so "McDonald" and "O'Neil" survive; only "MARIA GARCIA" or
    "maria garcia" are title-cased.

    Examples
    --------
    >>> out, changed = normalize_name(pd.Series(["  maria   GARCIA", "MARIA GARCIA", "McDonald"]))
    >>> out.tolist(), changed.tolist()
    (['maria GARCIA', 'Maria Garcia', 'McDonald'], [True, True, False])
    """

    def fn(v: object) -> object:
        if not isinstance(v, str):
            return v
        n = _WS.sub(" ", unicodedata.normalize("NFC", v)).strip()
        if n and (n.isupper() or n.islower()):
            n = n.title()
        return n or None

    out = _map_unique(s, fn)
    changed = s.notna() & (out.astype(object) != s.astype(object))
    return out, changed.fillna(False).astype(bool)


#: (label, strptime format) tried in order; ISO first. Month/day order is decided by ``day_first``.
DATE_FORMATS: tuple[tuple[str, str], ...] = (
    ("iso_date", "%Y-%m-%d"),
    ("iso_datetime", "%Y-%m-%d %H:%M:%S"),
    ("iso_datetime", "%Y-%m-%d %H:%M"),
    ("iso_datetime", "%Y-%m-%dT%H:%M:%S"),
    ("iso_datetime", "%Y-%m-%dT%H:%M:%SZ"),
    ("iso_datetime", "%Y-%m-%d %H:%M:%S.%f"),
    ("slash_date", "%m/%d/%Y"),
    ("slash_datetime", "%m/%d/%Y %H:%M:%S"),
    ("slash_datetime", "%m/%d/%Y %H:%M"),
    ("slash_datetime", "%m/%d/%Y %I:%M:%S %p"),
    ("slash_datetime", "%m/%d/%Y %I:%M %p"),
    ("slash_date_2y", "%m/%d/%y"),
    ("slash_datetime_2y", "%m/%d/%y %H:%M"),
    ("text_date", "%d %b %Y"),
    ("text_date", "%d %B %Y"),
    ("text_date", "%b %d, %Y"),
    ("text_date", "%B %d, %Y"),
    ("text_date", "%b %d %Y"),
    ("text_date", "%d-%b-%Y"),
    ("text_date", "%d-%b-%y"),
)


def _day_first(fmt: str) -> str:
    return fmt.replace("%m/%d/", "%d/%m/")


def parse_dates(
    s: pd.Series, *, file: str, column: str, day_first: bool = False, typed_rows: tuple[int, ...] = ()
) -> tuple[pd.Series, pd.Series, list[Issue]]:
    """Parse a column of dates written in mixed formats.

    Parameters
    ----------
    s : Series
        Raw values (strings, or datetimes already typed by a spreadsheet reader), indexed by
        ``source_row``.
    file, column : str
        Where the values come from, for error messages.
    day_first : bool
        Read ``03/04/2025`` as 3 April rather than March 4.
    typed_rows : tuple of int
        Rows whose cell the spreadsheet stored as a real date (``ColumnMeta.date_cells``); they are
        labelled ``spreadsheet_date`` so that a date typed as text among them counts as mixed.

    Returns
    -------
    parsed : Series of datetime64
    fmt : Series of str
        The format family each value was written in (``iso_date``, ``slash_date``...), for
        counting mixed formats; missing where the cell is blank.
    issues : list of Issue
        One per value that fits no format, naming the row and column but not the value.

    Examples
    --------
    >>> s = pd.Series(["2025-08-14", "8/14/2025", "14 Aug 2025", ""], index=[2, 3, 4, 5])
    >>> parsed, fmt, issues = parse_dates(s, file="f.csv", column="d")
    >>> parsed.dt.strftime("%Y-%m-%d").tolist()[:3], fmt.tolist()[:3], issues
    (['2025-08-14', '2025-08-14', '2025-08-14'], ['iso_date', 'slash_date', 'text_date'], [])
    """
    parsed = pd.Series(pd.NaT, index=s.index, dtype="datetime64[ns]")
    fmt_label = pd.Series(pd.NA, index=s.index, dtype="string")
    blank = is_blank(s)
    typed = s.map(lambda v: isinstance(v, (dt.datetime, dt.date, pd.Timestamp, np.datetime64)))
    if typed.any():
        parsed[typed] = pd.to_datetime(s[typed].astype(object))
        fmt_label[typed] = "spreadsheet_date"
    todo = ~blank & ~typed
    text = s[todo].astype("string").str.strip()
    uniq = pd.Series(pd.unique(text.dropna()))
    result: dict[str, tuple[pd.Timestamp, str]] = {}
    remaining = uniq
    for label, fmt in DATE_FORMATS:
        if remaining.empty:
            break
        f = _day_first(fmt) if day_first else fmt
        got = pd.to_datetime(remaining, format=f, errors="coerce")
        ok = got.notna().to_numpy()
        for raw, ts in zip(remaining[ok], got[ok]):
            result[raw] = (ts, label)
        remaining = remaining[~ok]
    if not remaining.empty:
        # Excel serial day numbers (e.g. 45883) appear when a date column was saved as General.
        num = pd.to_numeric(remaining, errors="coerce").astype("float64")
        serial = num.between(20000, 80000).fillna(False).astype(bool)
        for raw, n in zip(remaining[serial], num[serial]):
            result[raw] = (pd.Timestamp("1899-12-30") + pd.to_timedelta(float(n), unit="D"), "excel_serial")
        remaining = remaining[~serial.to_numpy()]
    bad = set(remaining)
    issues = [
        Issue(file, Reason.bad_date, "not a date in any known format", row=int(idx), column=column,
              hint="write dates as YYYY-MM-DD (or M/D/YYYY), or mark the column as text in the project file")
        for idx, v in text.items()
        if v in bad
    ]
    ok_idx = [i for i, v in text.items() if v in result]
    if ok_idx:
        parsed.loc[ok_idx] = [result[text[i]][0] for i in ok_idx]
        fmt_label.loc[ok_idx] = [result[text[i]][1] for i in ok_idx]
    if typed_rows:
        cells = fmt_label.index.intersection(list(typed_rows))
        fmt_label.loc[cells] = "spreadsheet_date"
    return parsed, fmt_label, issues


def parse_date_columns(
    df: pd.DataFrame, columns: list[str], *, file: str, day_first: bool = False,
    typed: dict[str, tuple[int, ...]] | None = None,
) -> tuple[pd.DataFrame, set[int], int, list[Issue]]:
    """Parse several date columns in place of their text.

    Returns the frame, the rows holding a date written in another format than the column's most
    common one, the number of such cells, and the located issues for values in no known format.
    """
    df = df.copy()
    rows: set[int] = set()
    cells = 0
    issues: list[Issue] = []
    for c in columns:
        parsed, fmt, bad = parse_dates(df[c], file=file, column=c, day_first=day_first,
                                       typed_rows=(typed or {}).get(c, ()))
        issues += bad
        df[c] = parsed
        counts = fmt.value_counts()
        if len(counts) > 1:
            # Where the spreadsheet stored real dates, dates typed as text are the odd ones out.
            usual = "spreadsheet_date" if "spreadsheet_date" in counts.index else counts.index[0]
            odd = fmt.notna() & (fmt != usual)
            rows |= set(fmt.index[odd])
            cells += int(odd.sum())
    return df, rows, cells, issues
