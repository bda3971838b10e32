"""The microdata gate: k-anonymity on a table's quasi-identifiers before any person-level table is written.

A table is *k*-anonymous on its quasi-identifiers (role, school, years in role...) when every
combination of their values that occurs is shared by at least *k* records, so no record can be
singled out by someone who knows those facts about a person. :func:`k_anonymity` measures it;
:func:`enforce_k` reaches it by global recoding along generalization ladders (bands, merged
categories), then local suppression of the cells that still single someone out, or refuses.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from evalkit.errors import KAnonymityError

__all__ = ["ANY", "KAnonResult", "OTHER", "SUPPRESSED", "default_ladder", "enforce_k", "k_anonymity"]

#: The value a locally suppressed quasi-identifier cell takes.
SUPPRESSED = "suppressed"
#: The value of every cell of a fully generalized column.
ANY = "any"
#: The category that rare categories are merged into.
OTHER = "Other"

_BAND = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(\d+(?:\.\d+)?)\s*$")
_OPEN_BAND = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*\+\s*$")
_YEARS_NAME = re.compile(r"year|yrs|tenure", re.I)


# ---------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------

def _class_sizes(columns: Sequence[pd.Series], n: int) -> np.ndarray:
    """Size of each record's equivalence class; a missing value is a value of its own."""
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    if not columns:
        return np.full(n, n, dtype=np.int64)
    codes = np.column_stack([pd.factorize(c, use_na_sentinel=False)[0] for c in columns])
    _, inverse, counts = np.unique(codes, axis=0, return_inverse=True, return_counts=True)
    return counts[inverse.ravel()]


def _check_frame(df: object, quasi_identifiers: object, func: str) -> list[str]:
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"{func}(): df must be a pandas DataFrame, got {type(df).__name__}")
    listed = isinstance(quasi_identifiers, Sequence) and not isinstance(quasi_identifiers, str)
    if not listed or not quasi_identifiers:
        raise ValueError(f"{func}(): quasi_identifiers must be a non-empty list of column names, "
                         f"got {quasi_identifiers!r}")
    qis = list(quasi_identifiers)
    missing = [c for c in qis if c not in df.columns]
    if missing:
        raise ValueError(f"{func}(): quasi_identifiers {missing} are not columns of df; "
                         f"it has {list(df.columns)}")
    if len(set(qis)) != len(qis):
        raise ValueError(f"{func}(): quasi_identifiers must not repeat a column, got {qis}")
    return qis


def k_anonymity(df: pd.DataFrame, quasi_identifiers: list[str]) -> int:
    """The size of the smallest equivalence class on the quasi-identifiers: the table's *k*.

    Parameters
    ----------
    df : DataFrame
        One row per person.
    quasi_identifiers : list of str
        Columns someone could know about a person (role, school, years in role...).

    Returns
    -------
    int
        The fewest records that share one combination of quasi-identifier values; 0 for an empty
        table. Missing values form a class of their own (they are not wildcards).

    Raises
    ------
    ValueError
        A quasi-identifier is not a column of ``df``.

    See Also
    --------
    enforce_k : generalize or suppress until *k* is reached.

    Notes
    -----
    With :math:`E(r)` the set of records sharing record :math:`r`'s quasi-identifier values,
    :math:`k = \\min_r |E(r)|` (Sweeney 2002). Treating a missing value as its own category is the
    conservative choice: sdcMicro's default instead lets it match any value (issue #225 in the
    research brief).

    References
    ----------
    .. [1] Sweeney, L. (2002). k-anonymity: a model for protecting privacy. *International Journal
       of Uncertainty, Fuzziness and Knowledge-Based Systems*, 10(5), 557-570.
       https://doi.org/10.1142/S0218488502001648

    Examples
    --------
    >>> df = pd.DataFrame({"role": ["teacher", "teacher", "coach", "coach", None],
    ...                    "school": ["A", "A", "B", "B", "B"]})
    >>> k_anonymity(df, ["role", "school"])
    1
    >>> k_anonymity(df.iloc[:4], ["role", "school"])
    2
    """
    qis = _check_frame(df, quasi_identifiers, "k_anonymity")
    sizes = _class_sizes([df[c] for c in qis], len(df))
    return int(sizes.min()) if len(sizes) else 0


# ---------------------------------------------------------------------------------------------
# Generalization ladders
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Level:
    """One rung of a ladder: maps the *original* column to its generalized version."""

    description: str
    func: Callable[[pd.Series], pd.Series]

    def __call__(self, s: pd.Series) -> pd.Series:
        return self.func(s)


def _as_text(s: pd.Series) -> pd.Series:
    """Text version of a column, missing values kept; 3.0 reads "3"."""
    if isinstance(s.dtype, pd.StringDtype):
        return s.astype("str")

    def one(v: object) -> object:
        if v is None or (not isinstance(v, str) and pd.isna(v)):
            return np.nan
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        return str(v)
    return pd.Series([one(v) for v in s], index=s.index, dtype="str")


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _labels(s: pd.Series, label: Callable[[float], str]) -> pd.Series:
    x = pd.to_numeric(s, errors="coerce")
    return pd.Series([label(v) if pd.notna(v) else np.nan for v in x], index=s.index, dtype="str")


def _years_ladder() -> list[_Level]:
    def fine(v: float) -> str:
        return "0-2" if v <= 2 else "3-5" if v <= 5 else "6-10" if v <= 10 else "11+"

    def coarse(v: float) -> str:
        return "0-5" if v <= 5 else "6+"

    return [_Level("bands 0-2/3-5/6-10/11+", lambda s: _labels(s, fine)),
            _Level("bands 0-5/6+", lambda s: _labels(s, coarse)),
            _Level(f"{ANY} (column fully generalized)", _any)]


def _quantile_ladder(s: pd.Series) -> list[_Level]:
    x = pd.to_numeric(s, errors="coerce")
    levels = []
    for q, what in ((4, "quartile"), (2, "median")):
        values = x.to_numpy(dtype=float)
        edges = np.unique(np.nanquantile(values, np.linspace(0, 1, q + 1))) if x.notna().any() else []
        inner = list(edges[1:-1]) if len(edges) > 2 else []
        if not inner:
            continue

        def label(v: float, inner: list[float] = inner) -> str:
            for a, b in zip([-math.inf, *inner], [*inner, math.inf]):
                if a < v <= b:
                    if a == -math.inf:
                        return f"<= {_num(b)}"
                    return f"> {_num(a)}" if b == math.inf else f"{_num(a)}-{_num(b)}"
            raise AssertionError("unreachable")  # pragma: no cover

        levels.append(_Level(f"{what} bands", lambda s, label=label: _labels(s, label)))
    return [*levels, _Level(f"{ANY} (column fully generalized)", _any)]


def _parse_band(v: str) -> tuple[float, float] | None:
    if m := _BAND.match(v):
        return float(m.group(1)), float(m.group(2))
    if m := _OPEN_BAND.match(v):
        return float(m.group(1)), math.inf
    return None


def _band_ladder(values: list[str]) -> list[_Level]:
    bands = sorted(values, key=lambda v: _parse_band(v) or (0.0, 0.0))
    levels = []
    size = 2
    while size < len(bands):
        mapping: dict[str, str] = {}
        for start in range(0, len(bands), size):
            group = bands[start:start + size]
            lo, hi = _parse_band(group[0])[0], _parse_band(group[-1])[1]
            merged = f"{_num(lo)}+" if hi == math.inf else f"{_num(lo)}-{_num(hi)}"
            mapping.update({b: merged for b in group})
        labels = "/".join(dict.fromkeys(mapping.values()))
        levels.append(_Level(f"merge adjacent bands: {labels}", lambda s, m=mapping: _remap(s, m)))
        size *= 2
    return [*levels, _Level(f"{ANY} (column fully generalized)", _any)]


def _remap(s: pd.Series, mapping: dict[str, str]) -> pd.Series:
    return pd.Series([mapping.get(v.strip(), v) if isinstance(v, str) else v for v in _as_text(s)],
                     index=s.index, dtype="str")


def _category_ladder(s: pd.Series, k: int) -> list[_Level]:
    text = _as_text(s)
    counts = text.value_counts(dropna=True)
    order = sorted(counts.index, key=lambda v: (-int(counts[v]), v))
    m = len(order)
    levels: list[_Level] = []

    def keep(kept: frozenset[str]) -> Callable[[pd.Series], pd.Series]:
        def merge(s: pd.Series) -> pd.Series:
            return pd.Series([OTHER if isinstance(v, str) and v not in kept else v for v in _as_text(s)],
                             index=s.index, dtype="str")
        return merge

    groups = m  # classes the column has at the current level (missing values aside)
    frequent = [v for v in order if counts[v] >= k]
    if 0 < len(frequent) < m and len(frequent) + 1 < groups:
        levels.append(_Level(f"merge categories with fewer than {k} records into {OTHER!r}",
                             keep(frozenset(frequent))))
        groups = len(frequent) + 1
    n = len(frequent) if levels else m
    while n > 1:
        n = math.ceil(n / 2)
        if n + 1 < groups:
            levels.append(_Level(f"keep the {n} largest categor{'y' if n == 1 else 'ies'}, "
                                 f"merge the rest into {OTHER!r}", keep(frozenset(order[:n]))))
            groups = n + 1
    return [*levels, _Level(f"{ANY} (column fully generalized)", _any)]


def _any(s: pd.Series) -> pd.Series:
    return pd.Series(ANY, index=s.index, dtype="str")


def _kind(s: pd.Series, name: str) -> str:
    if pd.api.types.is_bool_dtype(s):
        return "category"
    if pd.api.types.is_numeric_dtype(s):
        return "years" if _YEARS_NAME.search(name) else "numeric"
    present = [v for v in s.dropna() if not (isinstance(v, str) and not v.strip())]
    if not present:
        return "category"
    texts = [str(v) for v in present]
    if _YEARS_NAME.search(name) and pd.to_numeric(pd.Series(texts), errors="coerce").notna().all():
        return "years"
    distinct = set(t.strip() for t in texts)
    if len(distinct) > 1 and all(_parse_band(t) for t in distinct) and any(_BAND.match(t) for t in distinct):
        return "bands"
    return "category"


def default_ladder(s: pd.Series, *, k: int = 5) -> list[Callable[[pd.Series], pd.Series]]:
    """The generalization ladder :func:`enforce_k` uses for a column, coarsest step last.

    Each step maps the **original** column to a generalized copy (text, missing values kept) and
    has a ``description``. The kind of ladder follows the column:

    - years (numeric, or numbers as text, in a column named like ``years_in_role``): bands
      0-2/3-5/6-10/11+, then 0-5/6+, then ``"any"``;
    - other numeric columns: quartile bands, then halves at the median, then ``"any"``;
    - text bands (``"0-2"``, ``"3-5"``, ``"20+"``): adjacent bands merged two by two, repeatedly,
      then ``"any"``;
    - anything else (role, school code...): categories with fewer than ``k`` records merged into
      ``"Other"``, then only the largest half, quarter... of the categories kept, then ``"any"``.

    Parameters
    ----------
    s : Series
        The column, named (its name decides whether numbers are years).
    k : int, default 5
        The target *k*; categories rarer than this are merged first.

    Returns
    -------
    list of callable

    Examples
    --------
    >>> years = pd.Series([1, 4, 7, 15], name="years_in_role")
    >>> [step.description for step in default_ladder(years)]
    ['bands 0-2/3-5/6-10/11+', 'bands 0-5/6+', 'any (column fully generalized)']
    >>> default_ladder(years)[0](years).tolist()
    ['0-2', '3-5', '6-10', '11+']
    >>> bands = pd.Series(["0-2", "3-5", "6-10", "11-20", "20+"], name="years_band")
    >>> [step.description for step in default_ladder(bands)][:2]
    ['merge adjacent bands: 0-5/6-20/20+', 'merge adjacent bands: 0-20/20+']
    """
    name = str(s.name) if s.name is not None else ""
    kind = _kind(s, name)
    if kind == "years":
        return list(_years_ladder())
    if kind == "numeric":
        return list(_quantile_ladder(s))
    if kind == "bands":
        return list(_band_ladder(sorted({str(v).strip() for v in s.dropna()})))
    return list(_category_ladder(s, k))


# ---------------------------------------------------------------------------------------------
# Enforcing
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class KAnonResult:
    """A table made k-anonymous, and how.

    Attributes
    ----------
    data : DataFrame
        The table with its quasi-identifiers generalized or suppressed (other columns untouched).
    k_before, k_after : int
        The table's *k* before and after.
    k : int
        The target.
    quasi_identifiers : tuple of str
    steps : list of (str, str, int)
        Each step taken: the column (``"*"`` for complementary suppression across all of them),
        what was done, and the table's *k* after it.
    suppressed_cells : int
        Quasi-identifier cells set to ``"suppressed"``.
    """

    data: pd.DataFrame
    k_before: int
    k_after: int
    k: int
    quasi_identifiers: tuple[str, ...]
    steps: list[tuple[str, str, int]] = field(default_factory=list)
    suppressed_cells: int = 0

    def to_dict(self) -> dict[str, object]:
        """Everything but the data (no values), ready for JSON."""
        return {"quasi_identifiers": list(self.quasi_identifiers), "k": self.k, "k_before": self.k_before,
                "k_after": self.k_after, "steps": [list(s) for s in self.steps],
                "suppressed_cells": self.suppressed_cells}

    def to_frame(self) -> pd.DataFrame:
        """The steps as a tidy table: ``step`` (1-based), ``column``, ``action``, ``k_after``."""
        return pd.DataFrame({"step": range(1, len(self.steps) + 1), "column": [s[0] for s in self.steps],
                             "action": [s[1] for s in self.steps], "k_after": [s[2] for s in self.steps]})


def _describe(step: Callable, i: int) -> str:
    desc = getattr(step, "description", None)
    if isinstance(desc, str) and desc:
        return desc
    name = getattr(step, "__name__", "")
    return name if name and name != "<lambda>" else f"custom step {i + 1}"


def enforce_k(
    df: pd.DataFrame,
    quasi_identifiers: list[str],
    *,
    k: int = 5,
    generalizers: Mapping[str, Sequence[Callable[[pd.Series], pd.Series]]] | None = None,
    on_violation: str = "generalize",
    suppression_limit: float = 0.05,
) -> KAnonResult:
    """Make a table k-anonymous on its quasi-identifiers: generalize, then suppress locally, or refuse.

    Parameters
    ----------
    df : DataFrame
        One row per person, about to be written.
    quasi_identifiers : list of str
        Columns someone could know about a person.
    k : int, default 5
        Smallest equivalence class allowed (the project's ``anonymize.k``).
    generalizers : dict of str to list of callable, optional
        A ladder per column, replacing :func:`default_ladder` for that column. Each callable maps
        the **original** column to a coarser copy; steps go from fine to coarse. An empty list
        means "never generalize, only suppress". A ``description`` attribute, or the function's
        name, describes the step in ``steps``.
    on_violation : {"generalize", "refuse"}, default "generalize"
        What to do when the table is not k-anonymous (``anonymize.on_k_violation``): generalize
        and suppress, or raise :class:`~evalkit.errors.KAnonymityError`.
    suppression_limit : float, default 0.05
        Generalization stops once at most this share of records is left in classes smaller than
        ``k``; local suppression handles those (ARX's "suppression limit").

    Returns
    -------
    KAnonResult
        The new table (``data``), ``k_before``, ``k_after``, the ``steps`` taken and the number of
        ``suppressed_cells``. A table that is already k-anonymous comes back unchanged, no steps.

    Raises
    ------
    KAnonymityError
        With ``on_violation="refuse"`` when the table is not k-anonymous; in either mode when ``k``
        cannot be reached at all (fewer than ``k`` records, or too few to hide the fully suppressed
        ones among). The message names the columns and the *k* reached, never a value.
    ValueError
        An argument breaks its rule.

    See Also
    --------
    k_anonymity : measure *k*.
    default_ladder : the ladders used when ``generalizers`` names no ladder for a column.

    Notes
    -----
    The search is greedy, one step at a time. While more than ``suppression_limit`` of the records
    sit in classes smaller than ``k``, the next step of every column's ladder is tried and the one
    leaving the fewest records at risk is taken (ties go to the column listed first); ladders are
    climbed in order, so a column reaches ``"any"`` only after its bands. Then **local
    suppression**, column by column, the column with most distinct values first: the cells of
    records still in classes smaller than ``k`` become ``"suppressed"``. Records in classes of
    ``k`` or more are never touched, so every step keeps them safe. If the records with every
    quasi-identifier suppressed are still fewer than ``k``, the same cells of the last records of
    the largest class are suppressed too, so they hide among them (complementary suppression).
    It stops as soon as :math:`k` is reached. A suppressed cell is a value of its own when *k* is
    measured (it matches nothing), which is conservative.

    This follows the global-recoding-then-local-suppression practice of sdcMicro (Templ, Kowarik &
    Meindl 2015) and Datafly's greedy generalization (Sweeney 2002).

    References
    ----------
    .. [1] Sweeney, L. (2002). Achieving k-anonymity privacy protection using generalization and
       suppression. *International Journal of Uncertainty, Fuzziness and Knowledge-Based
       Systems*, 10(5), 571-588. https://doi.org/10.1142/S021848850200165X
    .. [2] Templ, M., Kowarik, A., & Meindl, B. (2015). Statistical disclosure control for
       micro-data using the R package sdcMicro. *Journal of Statistical Software*, 67(4), 1-36.
       https://doi.org/10.18637/jss.v067.i04

    Examples
    --------
    >>> df = pd.DataFrame({"role": ["teacher"] * 6 + ["coach"] * 4,
    ...                    "years_in_role": [1, 2, 2, 4, 5, 3, 8, 9, 7, 12]})
    >>> res = enforce_k(df, ["role", "years_in_role"], k=3)
    >>> res.k_before, res.k_after
    (1, 4)
    >>> res.to_frame()
       step         column                  action  k_after
    0     1  years_in_role  bands 0-2/3-5/6-10/11+        1
    1     2  years_in_role            bands 0-5/6+        4
    >>> res.data["years_in_role"].tolist()[:6]
    ['0-5', '0-5', '0-5', '0-5', '0-5', '0-5']
    >>> try:
    ...     enforce_k(df, ["role", "years_in_role"], k=3, on_violation="refuse")
    ... except KAnonymityError as err:
    ...     print(err.columns, err.k_required, err.k_reached)
    ['role', 'years_in_role'] 3 1
    """
    func = "enforce_k"
    qis = _check_frame(df, quasi_identifiers, func)
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 2:
        raise ValueError(f"{func}(): k must be an integer >= 2, got {k!r}")
    k = int(k)
    if on_violation not in ("generalize", "refuse"):
        raise ValueError(f"{func}(): on_violation must be one of ['generalize', 'refuse'], "
                         f"got {on_violation!r}")
    if isinstance(suppression_limit, bool) or not isinstance(suppression_limit, (int, float)) \
            or not 0 <= suppression_limit <= 1:
        raise ValueError(f"{func}(): suppression_limit must be a share in [0, 1], got {suppression_limit!r}")
    generalizers = dict(generalizers or {})
    unknown = sorted(set(generalizers) - set(qis))
    if unknown:
        raise ValueError(f"{func}(): generalizers names columns {unknown} that are not "
                         f"quasi-identifiers {qis}")
    for col, ladder in generalizers.items():
        is_list = isinstance(ladder, Sequence) and not isinstance(ladder, (str, bytes))
        if not is_list or not all(callable(f) for f in ladder):
            raise ValueError(f"{func}(): generalizers[{col!r}] must be a list of callables, got {ladder!r}")

    n = len(df)
    k_before = k_anonymity(df, qis) if n else 0
    if n == 0 or k_before >= k:  # nothing to protect, or already safe
        return KAnonResult(df.copy(), k_before, k_before, k, tuple(qis))
    if on_violation == "refuse":
        raise KAnonymityError(qis, k_required=k, k_reached=k_before)
    if n < k:
        raise KAnonymityError(qis, k_required=k, k_reached=k_before,
                              message=f"k-anonymity: cannot reach k = {k} on the quasi-identifiers {qis}: "
                                      f"the table has only {n} record(s)",
                              hint="publish this table only as aggregates, or pool it with other groups")

    current: dict[str, pd.Series] = {c: df[c] for c in qis}
    changed: set[str] = set()
    steps: list[tuple[str, str, int]] = []

    def sizes_of(cols: dict[str, pd.Series]) -> np.ndarray:
        return _class_sizes([cols[c] for c in qis], n)

    # 1. Global recoding, greedy.
    ladders = {c: list(generalizers[c]) if c in generalizers else default_ladder(df[c], k=k) for c in qis}
    position = dict.fromkeys(qis, 0)
    cache: dict[tuple[str, int], pd.Series] = {}
    sizes = sizes_of(current)
    while (sizes < k).any() and (sizes < k).sum() > suppression_limit * n:
        best: tuple[int, int, str, int, pd.Series, np.ndarray] | None = None
        for order, col in enumerate(qis):
            groups = current[col].nunique(dropna=False)
            pos = position[col]
            while pos < len(ladders[col]):
                if (col, pos) not in cache:
                    cache[(col, pos)] = _apply(ladders[col][pos], df[col], col)
                cand = cache[(col, pos)]
                if cand.nunique(dropna=False) < groups:
                    break
                pos += 1
            else:
                continue
            trial = sizes_of({**current, col: cand})
            score = (int((trial < k).sum()), order)
            if best is None or score < best[:2]:
                best = (*score, col, pos, cand, trial)
        if best is None:
            break
        _, _, col, pos, cand, sizes = best
        current[col] = cand
        changed.add(col)
        position[col] = pos + 1
        steps.append((col, _describe(ladders[col][pos], pos), int(sizes.min())))

    # 2. Local suppression of the cells that still single records out.
    suppressed = 0
    by_detail = sorted(qis, key=lambda c: (-current[c].nunique(dropna=False), qis.index(c)))
    for col in by_detail:
        small = sizes < k
        if not small.any():
            break
        text = _as_text(current[col])
        hit = small & (text != SUPPRESSED).to_numpy()
        if not hit.any():
            continue
        text[hit] = SUPPRESSED
        current[col] = text
        changed.add(col)
        suppressed += int(hit.sum())
        sizes = sizes_of(current)
        steps.append((col, f"local suppression of {int(hit.sum())} cell(s)", int(sizes.min())))

    # 3. Complementary suppression: too few fully suppressed records to hide among each other.
    small = sizes < k
    if small.any():
        need = k - int(small.sum())
        outside = np.flatnonzero(~small)
        big_size = sizes[outside].max() if len(outside) else 0
        if big_size - need < k:
            raise KAnonymityError(qis, k_required=k, k_reached=int(sizes.min()),
                                  message=f"k-anonymity: cannot reach k = {k} on the quasi-identifiers {qis} "
                                          f"even with every quasi-identifier suppressed (k reached: "
                                          f"{int(sizes.min())})",
                                  hint="publish this table only as aggregates, or pool it with other groups")
        codes = np.column_stack([pd.factorize(current[c], use_na_sentinel=False)[0] for c in qis])
        first_big = outside[int(np.argmax(sizes[outside]))]
        members = np.flatnonzero((codes == codes[first_big]).all(axis=1))
        take = members[-need:]
        cells = 0
        for col in qis:
            text = _as_text(current[col])
            hit = np.zeros(n, dtype=bool)
            hit[take] = True
            hit &= (text != SUPPRESSED).to_numpy()
            text[hit] = SUPPRESSED
            current[col] = text
            changed.add(col)
            cells += int(hit.sum())
        suppressed += cells
        sizes = sizes_of(current)
        steps.append(("*", f"complementary suppression of {cells} cell(s) in {need} record(s)",
                      int(sizes.min())))

    data = df.copy()
    for col in qis:
        if col in changed:
            data[col] = current[col]
    return KAnonResult(data, k_before, int(sizes.min()), k, tuple(qis), steps, suppressed)


def _apply(step: Callable[[pd.Series], pd.Series], s: pd.Series, col: str) -> pd.Series:
    out = step(s)
    if not isinstance(out, pd.Series) or len(out) != len(s):
        raise ValueError(f"enforce_k(): a generalizer of column {col!r} must return a Series of the same "
                         f"length ({len(s)}), got {type(out).__name__}")
    return _as_text(pd.Series(out.to_numpy(), index=s.index))
