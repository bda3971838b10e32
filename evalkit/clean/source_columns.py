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
from evalkit.clean.wide import long_from_wide, wide_columns
from evalkit.config import AddedColumn, Instrument, Source
from evalkit.errors import DataError, Reason
from evalkit.ingest import SurveyData
from evalkit.ingest._names import clean_header
from evalkit.ingest._table import ColumnMeta

__all__ = ["renamed", "with_added_columns", "source_columns", "referenced_columns", "with_own_headers",
           "did_you_mean", "unresolved_roles", "GUARDED_ROLES"]

#: Roles whose column must exist: a name that matches no column would leave names, ids or comments unprotected.
GUARDED_ROLES = frozenset({"identifier", "free_text", "self_code", "key"})


def source_columns(raw: SurveyData, src: Source, *, instrument: Instrument | None = None,
                   also: list[str] | None = None) -> SurveyData:
    """``raw`` with the file's own headers resolved, then ``src.rename``, ``src.wide``, ``src.add_columns`` applied.

    A project file and codebook may name a column by evalkit's normalized name (``uniqueid``) or by
    the header exactly as the file writes it (``UniqueID``); see :func:`with_own_headers`. ``also`` adds
    names given elsewhere in the project file (a program's ``cycle`` or ``assessments`` columns).
    """
    raw = with_own_headers(raw, [*referenced_columns(src, instrument), *(also or [])])
    if src.rename:
        raw = renamed(raw, src)
    if src.wide is not None:  # one column per subgroup -> one row per subgroup, before columns are added
        raw = long_from_wide(raw, src)
    if src.add_columns:
        raw = with_added_columns(raw, src)
    return raw


def referenced_columns(src: Source, instrument: Instrument | None = None) -> list[str]:
    """Every column name the project file (and the source's instrument in the codebook) gives for ``src``."""
    names: list[str] = [*src.rename, *(c for spec in src.add_columns.values() for c in spec.inputs()),
                        *(v for v in src.fields.model_dump().values() if v), *src.date_columns, *src.email_columns,
                        *src.name_columns, *src.key, *src.columns, *src.place_columns, *src.small_group_columns,
                        *src.kanon_keep, *src.meeting_columns, *wide_columns(src)]
    names += [c for c in (src.cadre_column, src.consent_column, src.group_column) if c]
    if instrument is not None:
        names += [*instrument.items, *instrument.alias_map(), *instrument.columns]
        names += [instrument.nps_item] if instrument.nps_item else []
    return list(dict.fromkeys(names))


def _fold_header(text: str) -> str:
    return clean_header(text).casefold()


def with_own_headers(raw: SurveyData, names: list[str]) -> SurveyData:
    """Give a column the name the project file uses for it when that name is the file's own header.

    Readers name columns by stable, normalized slugs (``UniqueID`` → ``uniqueid``, ``Date`` →
    ``date``) and keep the header as written in ``ColumnMeta.original``. A new user copies headers
    from the file, so a name in ``names`` that is not a column is looked up among the headers: as
    written, then with whitespace collapsed, then case-blind; exactly one match renames that column
    (in memory) to the name the project file uses. A name that matches nothing is left alone, for the
    check that needs it to report with :func:`did_you_mean`.

    Raises
    ------
    DataError
        ``duplicate_column`` if a name is the header of several columns (a Qualtrics export may repeat
        "other_TEXT") and the project file does not name every one of them by evalkit's name.

    Examples
    --------
    >>> import pandas as pd
    >>> from evalkit.ingest._table import SurveyData, ColumnMeta, SourceMeta
    >>> df = pd.DataFrame({"uniqueid": ["a1"], "date": ["2024-01-02"]})
    >>> meta = {"uniqueid": ColumnMeta("uniqueid", "UniqueID"), "date": ColumnMeta("date", "Date")}
    >>> raw = SurveyData(df, meta, SourceMeta("export.csv", "", "csv"))
    >>> list(with_own_headers(raw, ["UniqueID", "date"]).data.columns)
    ['UniqueID', 'date']
    """
    present = set(raw.data.columns)
    named = set(names)
    for name in names:
        same = [c for c, m in raw.columns.items() if m.original == name and c in present]
        # Several columns share the header: naming it reaches one column only, so the project file must
        # name every one of them by evalkit's name (or it would silently leave the others out).
        if len(same) > 1 and not set(same) <= named:
            raise DataError(raw.path, Reason.duplicate_column,
                            f"the project file names column {name!r}, and the file has {len(same)} columns with "
                            "that header", column=name,
                            hint=f"name each of them by evalkit's name: {_column_list(same)} "
                                 "(`evalkit ingest FILE --columns` lists them with their question text)")
    wanted = [n for n in names if n and n not in present]
    if not wanted:
        return raw
    mapping: dict[str, str] = {}
    for name in wanted:
        for same in (lambda h: h == name, lambda h: clean_header(h) == clean_header(name),
                     lambda h: _fold_header(h) == _fold_header(name)):
            hits = [c for c, m in raw.columns.items() if same(m.original) and c not in mapping]
            if len(hits) == 1:
                if hits[0] not in names:  # a column the project also names normalized keeps that name
                    mapping[hits[0]] = name
                break
            if len(hits) > 1:
                break
    if not mapping:
        return raw
    meta = {mapping.get(k, k): dataclasses.replace(m, name=mapping.get(k, k)) for k, m in raw.columns.items()}
    return dataclasses.replace(raw, data=raw.data.rename(columns=mapping), columns=meta)


def _candidates(raw: SurveyData) -> dict[str, tuple[str, str]]:
    """Case-folded names and headers of the file's columns -> (evalkit's name, header as written)."""
    by_fold: dict[str, tuple[str, str]] = {}
    for col, meta in raw.columns.items():
        if col in raw.data.columns:
            by_fold.setdefault(col.casefold(), (col, meta.original or col))
            if meta.original:
                by_fold.setdefault(_fold_header(meta.original), (col, meta.original))
    return by_fold


def _close(name: str, raw: SurveyData, *, n: int = 3) -> list[str]:
    import difflib

    return difflib.get_close_matches(_fold_header(name), list(_candidates(raw)), n=n, cutoff=0.6)


def did_you_mean(name: str, raw: SurveyData, *, n: int = 3) -> str:
    """A hint naming the file's columns closest to ``name`` (normalized names and headers as written).

    Examples
    --------
    >>> import pandas as pd
    >>> from evalkit.ingest._table import SurveyData, ColumnMeta, SourceMeta
    >>> df = pd.DataFrame({"uniqueid": ["a1"]})
    >>> raw = SurveyData(df, {"uniqueid": ColumnMeta("uniqueid", "UniqueID")}, SourceMeta("x.csv", "", "csv"))
    >>> did_you_mean("UniqueId_", raw)
    "did you mean 'UniqueID' (evalkit's name: 'uniqueid')? `evalkit ingest FILE --columns` lists every column"
    """
    by_fold = _candidates(raw)
    close = _close(name, raw, n=n)
    tail = "`evalkit ingest FILE --columns` lists every column"
    if not close:
        return f"no column of the file is close to {name!r}; {tail}"
    shown = []
    for key in close:
        col, header = by_fold[key]
        item = repr(header) if header == col else f"{header!r} (evalkit's name: {col!r})"
        if item not in shown:
            shown.append(item)
    return f"did you mean {' or '.join(shown)}? {tail}"


def unresolved_roles(raw: SurveyData, src: Source, instrument: Instrument | None = None) -> list[str]:
    """Columns given a protecting role (identifier, free text, self code, key) that the file does not have.

    Each must name a column (by evalkit's name or the file's own header, after ``rename``): otherwise the
    role protects nothing, and the column it meant reaches the analysis store as it is. A role the
    instrument gives (shared by its waves' exports) counts only when the file has a near miss for it.
    """
    aliases = instrument.alias_map() if instrument is not None else {}

    def absent(c: str) -> bool:
        return c not in raw.data.columns and not any(a in raw.data.columns for a, canon in aliases.items() if canon == c)

    # A source's own roles must name its columns. An instrument's may name a column that only some of its
    # waves' exports have; it is an error only when the file holds a near miss ("Your name" for "Your name:").
    mine = [c for c, spec in src.columns.items() if spec.role.value in GUARDED_ROLES and absent(c)]
    shared = [c for c, spec in (instrument.columns if instrument is not None else {}).items()
              if spec.role.value in GUARDED_ROLES and c not in src.columns and absent(c) and _close(c, raw)]
    return mine + shared


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
