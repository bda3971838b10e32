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

__all__ = ["normalize_email", "normalize_name", "blank_person_placeholders", "looks_like_emails", "parse_dates", "parse_date_columns", "DATE_FORMATS", "DATE_DTYPE", "is_blank"]

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


#: What forms write in a person column when there is no person to name: Microsoft Forms puts "anonymous"
#: in the Email column of every anonymous response. Compared case-blind after trimming.
PERSON_PLACEHOLDERS = frozenset({"anonymous", "anon", "n/a", "na", "none", "null", "unknown", "-", "--", "no email",
                                 "not provided", "prefer not to say", "anonymous user", "guest"})


def blank_person_placeholders(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Placeholders in a person column ("anonymous", "N/A", "-") become missing: they name nobody, and as a
    key they would make every such response the same person. Returns (cleaned, changed mask).

    Examples
    --------
    >>> out, changed = blank_person_placeholders(pd.Series(["anonymous", "ann@example.org", " N/A ", None]))
    >>> out.isna().tolist(), changed.tolist()
    ([True, False, True, True], [True, False, True, False])
    """
    text = s.astype("string").str.strip().str.casefold()
    changed = text.isin(PERSON_PLACEHOLDERS).fillna(False).astype(bool)
    return s.mask(changed), changed


def looks_like_emails(s: pd.Series, *, share: float = 0.5) -> bool:
    """Whether at least ``share`` of a column's values hold an "@": a person column of e-mails, not of ids.

    Examples
    --------
    >>> looks_like_emails(pd.Series(["a@x.org", "b@x.org", None])), looks_like_emails(pd.Series(["R_1a", "R_2b"]))
    (True, False)
    """
    text = s.dropna().astype(str)
    return bool(len(text)) and float(text.str.contains("@", regex=False).mean()) >= share


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


#: The dtype of parsed date columns. Microseconds, not pandas' old nanosecond default: a nanosecond
#: timestamp only reaches 1677-2262, and real exports hold older dates (an SPSS file's 1583-01-01).
#: Microseconds cover every date Python's ``datetime`` can hold (years 1-9999).
DATE_DTYPE = "datetime64[us]"
_DATE_TYPES = (dt.datetime, dt.date, pd.Timestamp, np.datetime64)
_TOO_FAR = (pd.errors.OutOfBoundsDatetime, OverflowError)
_RANGE_HINT = ("correct the date in a copy of the export, or leave the column out of date_columns "
               "in the project file")


def _typed_stamps(values: pd.Series) -> tuple[list[object], list[object]]:
    """Dates a reader already typed (datetime, date, numpy datetime64) as microsecond timestamps.

    Returns the timestamps (NaT where a value is beyond even microsecond range) and the index
    labels of those values.
    """
    try:
        return list(pd.to_datetime(values.astype(object)).dt.as_unit("us")), []
    except _TOO_FAR:
        pass
    out: list[object] = []
    far: list[object] = []
    for idx, v in values.items():
        try:
            out.append(pd.Timestamp(v).as_unit("us"))
        except _TOO_FAR:
            out.append(pd.NaT)
            far.append(idx)
    return out, far


def _strptime_far(raw: str, day_first: bool) -> tuple[pd.Timestamp, str] | None:
    """A date pandas rejected only because it is outside its nanosecond range (pandas < 3 coerces
    "1583-01-01" to NaT); dates inside that range are left to pandas' own parsing."""
    for label, fmt in DATE_FORMATS:
        try:
            d = dt.datetime.strptime(raw, _day_first(fmt) if day_first else fmt)
        except ValueError:
            continue
        if not 1678 <= d.year <= 2261:
            return pd.Timestamp(d).as_unit("us"), label
    return None


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
    parsed : Series of datetime64[us]
        Microseconds (:data:`DATE_DTYPE`), so dates before 1677 or after 2262 (outside pandas'
        nanosecond range) are kept as the dates they are.
    fmt : Series of str
        The format family each value was written in (``iso_date``, ``slash_date``...), for
        counting mixed formats; missing where the cell is blank.
    issues : list of Issue
        One per value that fits no format, or is a typed date too far out to store (beyond
        microsecond range), naming the row and column but not the value.

    Examples
    --------
    >>> s = pd.Series(["2025-08-14", "8/14/2025", "14 Aug 2025", ""], index=[2, 3, 4, 5])
    >>> parsed, fmt, issues = parse_dates(s, file="f.csv", column="d")
    >>> parsed.dt.strftime("%Y-%m-%d").tolist()[:3], fmt.tolist()[:3], issues
    (['2025-08-14', '2025-08-14', '2025-08-14'], ['iso_date', 'slash_date', 'text_date'], [])
    >>> old = pd.Series([dt.date(1583, 1, 1), "1583-01-01", None], index=[2, 3, 4])
    >>> parsed, fmt, issues = parse_dates(old, file="f.sav", column="d")
    >>> parsed.dt.strftime("%Y-%m-%d").tolist()[:2], str(parsed.dtype), issues
    (['1583-01-01', '1583-01-01'], 'datetime64[us]', [])
    """
    parsed = pd.Series(pd.NaT, index=s.index, dtype=DATE_DTYPE)
    fmt_label = pd.Series(pd.NA, index=s.index, dtype="string")
    # Plain numpy masks: an empty or all-missing column gives object, float or pyarrow-bool masks that
    # do not combine with each other. NaT is a datetime instance, but a blank cell, not a typed date.
    blank = is_blank(s).to_numpy(dtype=bool, na_value=True)
    typed = np.fromiter((isinstance(v, _DATE_TYPES) for v in s), dtype=bool, count=len(s)) & ~blank
    far_rows: list[object] = []
    if typed.any():
        stamps, far_rows = _typed_stamps(s[typed])
        parsed[typed] = stamps
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
    for raw in list(remaining):
        far = _strptime_far(raw, day_first)
        if far is not None:
            result[raw] = far
    bad = {v for v in remaining if v not in result}
    issues = [
        Issue(file, Reason.bad_date, "a date too far in the past or future to be stored", row=int(idx),
              column=column, hint=_RANGE_HINT)
        for idx in far_rows
    ]
    issues += [
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
