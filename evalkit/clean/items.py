"""Item responses: labels to codes, non-substantive codes to missing, unknown codes located.

Exports mix numeric codes ("4"), choice labels ("Agree") and non-substantive answers ("Don't know",
"N/A", 99). :func:`code_items` turns every item column into numbers using the codebook's response
scale, and counts each kind of recode for the data-quality log. Codes the export itself declares
missing (SPSS user-missing values, ``ColumnMeta.missing_codes``) are found by
:func:`declared_missing`, so cleaning can set them missing before the scale is checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from evalkit.clean.normalize import is_blank
from evalkit.config import ResponseScale
from evalkit.errors import Issue, Reason
from evalkit.ingest._table import MissingRange

__all__ = ["ItemRecode", "code_item", "declared_missing", "declared_missing_cells"]


@dataclass
class ItemRecode:
    """What :func:`code_item` did to one column (source rows per kind)."""

    labels: list[int] = field(default_factory=list)
    non_substantive: list[int] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def _as_number(v: str) -> float | None:
    try:
        x = float(v)
    except ValueError:
        return None
    return x if np.isfinite(x) else None


def _is_declared(v: object, codes: tuple[object, ...]) -> bool:
    if isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool):
        num: float | None = float(v)
    else:
        num = _as_number(str(v).strip())
    for c in codes:
        if isinstance(c, MissingRange):
            if (num is not None and num in c) or v in c:
                return True
        elif v == c or (num is not None and num == _as_number(str(c))):
            return True
    return False


def declared_missing(s: pd.Series, codes: tuple[object, ...]) -> pd.Series:
    """Where a column holds a code its export declares missing (SPSS user-missing values).

    Parameters
    ----------
    s : Series
        Raw values indexed by ``source_row``.
    codes : tuple
        ``ColumnMeta.missing_codes``: single codes, and :class:`~evalkit.ingest.MissingRange` for a
        range (bounds included). A number matches its text too ("-1" matches -1.0).

    Returns
    -------
    Series of bool
        True where the cell holds a declared missing code; False for blanks and other values.

    Examples
    --------
    >>> from evalkit.ingest import MissingRange
    >>> s = pd.Series([1.0, -1.0, 2500.0, "-3", None], index=[1, 2, 3, 4, 5])
    >>> declared_missing(s, (-1.0, -3.0, MissingRange(2000.0, 3000.0))).tolist()
    [False, True, True, True, False]
    """
    out = pd.Series(False, index=s.index, dtype=bool)
    if not codes:
        return out
    present = s[~is_blank(s).to_numpy(dtype=bool, na_value=True)]
    hits = {raw for raw in pd.unique(present) if _is_declared(raw, codes)}
    if hits:
        out.loc[present.index] = present.isin(hits).to_numpy(dtype=bool)
    return out


def declared_missing_cells(
    df: pd.DataFrame, codes: dict[str, tuple[object, ...]]
) -> tuple[dict[str, pd.Series], set[int], int]:
    """Every cell of ``df`` holding a code its column declares missing.

    Parameters
    ----------
    df : DataFrame
        The table being cleaned, indexed by ``source_row``.
    codes : dict
        Column name in ``df`` → its declared missing codes (``ColumnMeta.missing_codes``, keyed by
        the name the column has *now*, after aliases).

    Returns
    -------
    masks : dict
        Column → Series of bool, for each column with at least one declared missing cell.
    rows : set of int
        The source rows holding one.
    cells : int
        How many cells.

    Examples
    --------
    >>> df = pd.DataFrame({"q": [1.0, -1.0, 3.0], "n": [5.0, 2500.0, -1.0]}, index=[1, 2, 3])
    >>> masks, rows, cells = declared_missing_cells(df, {"q": (-1.0,), "n": ()})
    >>> sorted(masks), rows, cells
    (['q'], {2}, 1)
    """
    masks: dict[str, pd.Series] = {}
    rows: set[int] = set()
    cells = 0
    for col, declared in codes.items():
        if col not in df.columns or not declared:
            continue
        hit = declared_missing(df[col], declared)
        if hit.any():
            masks[col] = hit
            rows |= {int(r) for r in df.index[hit]}
            cells += int(hit.sum())
    return masks, rows, cells


def code_item(
    s: pd.Series, scale: ResponseScale, *, file: str, column: str, labels_to_codes: bool = True,
    non_substantive_to_missing: bool = True,
) -> tuple[pd.Series, ItemRecode]:
    """Code one item column against its response scale.

    Parameters
    ----------
    s : Series
        Raw answers indexed by ``source_row``.
    scale : ResponseScale
        The item's codes, labels and non-substantive codes.
    file, column : str
        Where the values come from, for messages.
    labels_to_codes, non_substantive_to_missing : bool
        The cleaning switches; when a switch is off, a value that needs it is an error.

    Returns
    -------
    coded : Series of float
        Substantive codes; missing for blank and non-substantive answers.
    recode : ItemRecode
        Rows recoded from labels, rows set missing as non-substantive, and located issues for
        values that are neither a code nor a known label (never quoting the value).

    Examples
    --------
    >>> from evalkit.config import ResponseScale
    >>> sc = ResponseScale(codes={1: "Disagree", 2: "Neutral", 3: "Agree"}, non_substantive={8: "Don't know"})
    >>> coded, rec = code_item(pd.Series(["3", "Agree", "8", "", "Don't know"], index=[4, 5, 6, 7, 8]),
    ...                        sc, file="f.csv", column="Q1")
    >>> coded.tolist()[:3], rec.labels, rec.non_substantive
    ([3.0, 3.0, nan], [5], [6, 8])
    """
    labels = scale.label_map()
    ns_codes = {str(c).strip().casefold() for c in scale.non_substantive}
    ns_numbers = {_as_number(str(c)) for c in scale.non_substantive} - {None}
    valid = set(scale.codes)
    rec = ItemRecode()
    out = pd.Series(np.nan, index=s.index, dtype="float64")
    present = s[~is_blank(s)]
    mapping: dict[object, tuple[str, float | None]] = {}
    for raw in pd.unique(present):
        text = str(raw).strip()
        key = text.casefold()
        num = _as_number(text)
        if num is not None and num in valid:
            mapping[raw] = ("code", num)
        elif (num is not None and num in ns_numbers) or key in ns_codes:
            mapping[raw] = ("ns", None)
        elif key in labels:
            code = labels[key]
            mapping[raw] = ("ns", None) if code is None else ("label", float(code))
        else:
            mapping[raw] = ("bad", None)
    for idx, raw in present.items():
        kind, value = mapping[raw]
        if kind == "code":
            out[idx] = value
        elif kind == "label":
            if labels_to_codes:
                out[idx] = value
                rec.labels.append(int(idx))
            else:
                rec.issues.append(_issue(file, idx, column, "a label where a numeric code is expected",
                                         "switch on cleaning.labels_to_codes or export numeric values"))
        elif kind == "ns":
            if non_substantive_to_missing:
                rec.non_substantive.append(int(idx))
            else:
                rec.issues.append(_issue(file, idx, column, "a non-substantive code while the rule is off",
                                         "switch on cleaning.non_substantive_to_missing"))
        else:
            rec.issues.append(
                _issue(file, idx, column, f"unknown code for response scale with codes {sorted(valid)}",
                       "add the code or label to the response scale (codes, label_aliases or non_substantive) in the codebook")
            )
    return out, rec


def _issue(file: str, row: object, column: str, message: str, hint: str) -> Issue:
    return Issue(file, Reason.unknown_code, message, row=int(row), column=column, hint=hint)
