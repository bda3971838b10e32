"""A source's columns as the project file maps them: renamed, then added (``rename``, ``add_columns``).

Both work on the in-memory copy as the file is read; the raw file is hashed before and after a run
and must stay byte-identical. A state file that names its columns its own way, states the school year
only in its title, codes schools within districts and publishes percent meeting standard as
separate performance levels becomes a Level 5 source without anyone editing it.
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from evalkit.clean.tables import parse_state_values
from evalkit.config import AddedColumn, Source
from evalkit.errors import DataError, Reason
from evalkit.ingest import SurveyData
from evalkit.ingest._table import ColumnMeta

__all__ = ["renamed", "with_added_columns", "source_columns"]


def source_columns(raw: SurveyData, src: Source) -> SurveyData:
    """``raw`` with ``src.rename`` and then ``src.add_columns`` applied (a no-op when neither is set)."""
    if src.rename:
        raw = renamed(raw, src)
    if src.add_columns:
        raw = with_added_columns(raw, src)
    return raw


def _column_list(cols: list[str]) -> str:
    return ", ".join(map(repr, cols[:30])) + (" ..." if len(cols) > 30 else "")


def renamed(raw: SurveyData, src: Source) -> SurveyData:
    """The export with the columns ``src.rename`` maps given the names evalkit expects.

    Each column's metadata keeps its header as written in the file (``original``).

    Raises
    ------
    DataError
        ``missing_column`` if ``rename`` names a column the file lacks; ``duplicate_column`` if a new
        name is already a column the file keeps. Both name the file, the column and the setting.
    """
    cols = list(raw.data.columns)
    for old in src.rename:
        if old not in cols:
            raise DataError(raw.path, Reason.missing_column,
                            f"sources[{src.id}].rename names column {old!r}, which the file does not have",
                            column=old, hint=f"use one of the file's columns: {_column_list(cols)}")
    kept = [c for c in cols if c not in src.rename]
    for old, new in src.rename.items():
        if new in kept:
            raise DataError(raw.path, Reason.duplicate_column,
                            f"sources[{src.id}].rename gives column {old!r} the name {new!r}, which another "
                            "column of the file already has", column=old,
                            hint=f"rename {new!r} too, or choose another name for {old!r}")
    meta = {src.rename.get(k, k): dataclasses.replace(m, name=src.rename.get(k, k)) for k, m in raw.columns.items()}
    return dataclasses.replace(raw, data=raw.data.rename(columns=src.rename), columns=meta)


def with_added_columns(raw: SurveyData, src: Source) -> SurveyData:
    """The export with the columns ``src.add_columns`` builds (see :class:`~evalkit.config.AddedColumn`).

    Added columns are text, as if the file had them: cleaning then reads them by the rules of the
    source's kind (a sum's suppression mark, for instance, is split off like any state mark). They
    are built from the columns after renaming, in the order given, each from the file's own columns.

    Raises
    ------
    DataError
        ``missing_column`` if a ``join`` or ``sum`` names a column the file lacks;
        ``duplicate_column`` if a new name is a column of the file that it is not built from
        (replacing ``school_code`` by ``join: [district_code, school_code]`` is allowed).

    Examples
    --------
    >>> import pandas as pd
    >>> from evalkit.config import Source
    >>> from evalkit.ingest._table import SurveyData, ColumnMeta, SourceMeta
    >>> df = pd.DataFrame({"district_code": ["0010", "0010"], "school_code": ["060", "070"],
    ...                    "l4": ["26.8", "*"], "l5": ["8.5", "*"]})
    >>> raw = SurveyData(df, {c: ColumnMeta(c, c) for c in df}, SourceMeta("njsla.xlsx", "", "excel"))
    >>> src = Source(id="njsla", file="njsla.xlsx", kind="outcomes", add_columns={
    ...     "school_code": {"join": ["district_code", "school_code"]}, "value": {"sum": ["l4", "l5"]},
    ...     "school_year": {"constant": "2024-25"}})
    >>> with_added_columns(raw, src).data[["school_code", "school_year", "value"]]
      school_code school_year value
    0     0010060     2024-25  35.3
    1     0010070     2024-25     *
    """
    df = raw.data.copy()
    original = list(raw.data.columns)
    meta = dict(raw.columns)
    for name, spec in src.add_columns.items():
        where = f"sources[{src.id}].add_columns.{name}"
        for col in spec.inputs():
            if col not in original:
                raise DataError(raw.path, Reason.missing_column,
                                f"{where} is built from column {col!r}, which the file does not have",
                                column=col, hint=f"use one of the file's columns (after rename): "
                                                 f"{_column_list(original)}")
        if name in original and name not in spec.inputs():
            raise DataError(raw.path, Reason.duplicate_column,
                            f"{where} adds column {name!r}, which the file already has", column=name,
                            hint=f"rename the file's {name!r} first (sources[{src.id}].rename), or choose another name")
        df[name] = _build(raw.data, spec)
        meta[name] = ColumnMeta(name=name, original=f"({where})")
    return dataclasses.replace(raw, data=df, columns={c: meta[c] for c in df.columns})


def _build(data: pd.DataFrame, spec: AddedColumn) -> pd.Series:
    if spec.constant is not None:
        return pd.Series(str(spec.constant), index=data.index, dtype="string")
    if spec.join is not None:
        parts = [data[c].astype("string").str.strip() for c in spec.join]
        out = parts[0]
        for p in parts[1:]:
            out = out + spec.sep + p  # a missing part leaves the code missing: no half codes
        return out.where(out.str.len().gt(0).fillna(False).astype(bool))
    return _published_sum(data[list(spec.sum or [])])


def _published_sum(parts: pd.DataFrame) -> pd.Series:
    """Row sums of published numbers, as text: a mark in any part marks the sum; a blank part blanks it."""
    parsed = [parse_state_values(parts[c]) for c in parts.columns]
    values = pd.concat([v for v, _ in parsed], axis=1)
    marks = pd.concat([m for _, m in parsed], axis=1)
    total = values.sum(axis=1, min_count=len(parsed))  # any blank part: no sum
    first_mark = marks.bfill(axis=1).iloc[:, 0]
    # round away float noise (26.8 + 36.6 = 63.400000000000006) without cutting real decimals
    text = total.round(9).map(lambda x: pd.NA if pd.isna(x) else repr(float(x)).removesuffix(".0")).astype("string")
    return first_mark.where(first_mark.notna(), text).astype("string")
