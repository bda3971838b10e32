"""A wide state file (one column per subgroup) made long as it is read (``sources[].wide``).

New Jersey's enrollment file gives each school one row with a column per race and program group
(``% White``, ``%Black``, ``%Free Lunch``...); its special-education file one column per placement.
Analyses want one row per school and subgroup. :func:`long_from_wide` reshapes the in-memory copy
with :func:`pandas.melt`; the raw file is hashed before and after a run and must stay byte-identical.

Cells are moved as published, text and marks alike: cleaning then splits each long value from its
suppression mark (:func:`evalkit.clean.tables.parse_state_values`), so a ``*`` in one subgroup's
column marks that subgroup's row only, and a suppressed cell stays missing with its reason, never 0.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from evalkit.config import Source
from evalkit.errors import DataError, Reason
from evalkit.ingest import SurveyData
from evalkit.ingest._names import clean_header
from evalkit.ingest._table import ColumnMeta

__all__ = ["long_from_wide", "wide_columns"]


def wide_columns(src: Source) -> list[str]:
    """The file's columns ``src.wide`` names (kept and made long), as the project file spells them."""
    if src.wide is None:
        return []
    return [*src.wide.id_columns, *src.wide.columns]


def _resolve(name: str, raw: SurveyData, where: str) -> str:
    """The column ``name`` stands for: the column itself, else the one whose header it is.

    A header is matched as written, then with whitespace collapsed, then case-blind (as
    :func:`~evalkit.clean.source_columns.with_own_headers` matches); a header that is also named by
    evalkit's name elsewhere in the project file keeps that name, so it is looked up here.
    """
    from evalkit.clean.source_columns import did_you_mean

    if name in raw.data.columns:
        return name
    present = [c for c in raw.columns if c in raw.data.columns]
    for same in (lambda h: h == name, lambda h: clean_header(h) == clean_header(name),
                 lambda h: clean_header(h).casefold() == clean_header(name).casefold()):
        hits = [c for c in present if same(raw.columns[c].original or "")]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            raise DataError(raw.path, Reason.duplicate_column,
                            f"{where} names column {name!r}, and the file has {len(hits)} columns with that "
                            "header", column=name, hint=f"name the one meant by evalkit's name: {hits}")
    raise DataError(raw.path, Reason.missing_column, f"{where} names column {name!r}, which the file does not have",
                    column=name, hint=did_you_mean(name, raw))


def long_from_wide(raw: SurveyData, src: Source) -> SurveyData:
    """The export with one row per file row and listed column (``src.wide``), made with :func:`pandas.melt`.

    The long table holds the ``id_columns``, then ``name`` (the subgroup id each listed column maps to)
    and ``value`` (the cell as published). Rows keep the file's row number (``source_row``) as index,
    so a located error names the line of the file; one file row gives as many long rows as listed
    columns, in the order ``columns`` lists them. Other columns of the file are left out.

    Raises
    ------
    DataError
        ``missing_column`` if ``id_columns`` or ``columns`` names a column the file lacks (with the
        file's closest columns); ``duplicate_column`` if a name matches several headers.

    Examples
    --------
    >>> import pandas as pd
    >>> from evalkit.config import Source
    >>> from evalkit.ingest._table import SurveyData, ColumnMeta, SourceMeta
    >>> df = pd.DataFrame({"school_code": ["060", "300"], "pct_white": ["0.6", "58.1"],
    ...                    "pct_homeless": ["1.7", ">95"]}, index=pd.Index([4, 5], name="source_row"))
    >>> meta = {"school_code": ColumnMeta("school_code", "School Code"),
    ...         "pct_white": ColumnMeta("pct_white", "% White"),
    ...         "pct_homeless": ColumnMeta("pct_homeless", "%Homeless")}
    >>> raw = SurveyData(df, meta, SourceMeta("enrollment.xlsx", "", "excel"))
    >>> src = Source(id="enr", file="enrollment.xlsx", kind="outcomes", wide={
    ...     "id_columns": ["School Code"], "columns": {"% White": "white", "%Homeless": "homeless"}})
    >>> long_from_wide(raw, src).data.reset_index()
       source_row school_code  subgroup value
    0           4         060     white   0.6
    1           4         060  homeless   1.7
    2           5         300     white  58.1
    3           5         300  homeless   >95
    """
    spec = src.wide
    if spec is None:
        return raw
    where = f"sources[{src.id}].wide"
    keep = [_resolve(c, raw, f"{where}.id_columns") for c in spec.id_columns]
    made = [_resolve(c, raw, f"{where}.columns") for c in spec.columns]
    resolved = [*keep, *made]
    twice = next((c for c in resolved if resolved.count(c) > 1), None)
    if twice is not None:
        raise DataError(raw.path, Reason.duplicate_column,
                        f"{where} names column {twice!r} twice (in id_columns and columns, or by two spellings)",
                        column=twice, hint="list each of the file's columns once")
    melt = dict(zip(made, spec.columns.values()))
    for new in (spec.name, spec.value):
        if new in keep:
            raise DataError(raw.path, Reason.duplicate_column,
                            f"{where} makes a new column {new!r}, which is one of the id_columns", column=new,
                            hint=f"rename the file's {new!r} first (sources[{src.id}].rename), or choose another name")
    long = raw.data.melt(id_vars=keep, value_vars=list(melt), var_name=spec.name, value_name=spec.value,
                         ignore_index=False)
    # melt stacks column after column; a stable sort on the file row gives each row's subgroups in order
    long = long.sort_index(kind="stable")
    long[spec.name] = long[spec.name].map(melt).astype("string")
    meta = {c: raw.columns[c] for c in keep}
    meta[spec.name] = ColumnMeta(name=spec.name, original=f"({where}.name)")
    meta[spec.value] = ColumnMeta(name=spec.value, original=f"({where}.value)",
                                  missing_codes=_shared_missing_codes(raw, list(melt), where))
    return dataclasses.replace(raw, data=long, columns=meta)


def _shared_missing_codes(raw: SurveyData, cols: list[str], where: str) -> tuple[Any, ...]:
    """Missing codes the export declares (SPSS) for the melted columns, which must be the same for all."""
    codes = {raw.columns[c].missing_codes for c in cols}
    if len(codes) > 1:
        raise DataError(raw.path, Reason.wrong_format,
                        f"{where}: the columns made long declare different missing codes, so their values cannot "
                        "share one column", column=cols[0],
                        hint="make long only columns with the same missing codes (`evalkit ingest FILE --columns`)")
    return codes.pop() if codes else ()

