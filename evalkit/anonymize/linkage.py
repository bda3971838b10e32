"""Pre/post linkage of named respondents, and the attrition check that must accompany it.

Three steps, in the order the anonymize stage runs them:

1. :func:`fuzzy_fallback` runs **in memory, before hashing**, for records whose e-mail did not link
   (a post-survey respondent who used a personal address): a unique 1:1 best match on the name,
   within the same school. Keyed pseudonyms destroy similarity, so this cannot run later.
2. :func:`link_waves` links two waves on person keys (pseudonyms or normalized e-mails), adds the
   fallback links, and counts what each rule contributed.
3. :func:`attrition_check` compares matched with unmatched respondents at baseline: unmatched
   respondents often differ systematically (research brief, section 1.6), and a pre/post change
   computed on the matched panel only describes them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from evalkit._validation import check_series
from rapidfuzz import fuzz, process

from evalkit.pii import fold

__all__ = ["LinkResult", "attrition_check", "fuzzy_fallback", "link_waves"]

#: Column names of the frame :func:`fuzzy_fallback` returns (also accepted by :func:`link_waves`).
FALLBACK_COLUMNS = ["left_index", "right_index", "score", "rule"]
_NON_NAME = re.compile(r"[^\w\s]|_")
_APOSTROPHES = re.compile(r"['’`´]")


# ---------------------------------------------------------------------------------------------
# Fuzzy fallback on name + school
# ---------------------------------------------------------------------------------------------

def _norm_name(value: object) -> str | None:
    """Accent-folded, casefolded name with punctuation removed; "LAST, First" becomes "first last"."""
    if not isinstance(value, str):
        return None
    text = fold(value).strip()
    if "," in text:
        last, _, first = text.partition(",")
        text = f"{first} {last}"
    text = _APOSTROPHES.sub("", text)  # O'Neil = ONeil
    text = _NON_NAME.sub(" ", text).casefold()
    text = " ".join(text.split())
    return text or None


def _names(frame: pd.DataFrame, name: str | tuple[str, str]) -> pd.Series:
    if isinstance(name, str):
        return frame[name].map(_norm_name)
    first, last = (frame[c].map(_norm_name) for c in name)
    joined = [" ".join(p for p in (f, la) if p) or None for f, la in zip(first, last)]
    return pd.Series(joined, index=frame.index, dtype=object)


def _school_key(s: pd.Series) -> pd.Series:
    return s.map(lambda v: v.strip() or None if isinstance(v, str) else (None if pd.isna(v) else str(v)))


def _check_columns(frame: object, columns: Sequence[str], argument: str, func: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{func}(): {argument} must be a pandas DataFrame, got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{func}(): {argument} lacks column(s) {missing}; it has {list(frame.columns)}")


def fuzzy_fallback(
    left: pd.DataFrame,
    right: pd.DataFrame,
    *,
    name: str | tuple[str, str],
    school: str,
    threshold: float = 90.0,
) -> pd.DataFrame:
    """Match records on name within the same school: unique 1:1 best matches only.

    For each school present in both frames, every left name is scored against every right name
    with rapidfuzz's ``token_sort_ratio`` (0-100). A pair ``(i, j)`` is accepted when all of these
    hold:

    - ``j`` is the unique best candidate of ``i`` and ``i`` the unique best candidate of ``j``
      (a tie at the best score links neither);
    - no other left record has ``j`` as its unique best, and no other right record has ``i``
      (a right record that is the best for two left records links neither of them);
    - the score is at least ``threshold``.

    Run it in memory **before** hashing: keyed pseudonyms keep no trace of how similar two names are.

    Parameters
    ----------
    left, right : DataFrame
        The records to match (e.g. unlinked post respondents, and the roster). Both hold the name
        and school columns under the same names.
    name : str or tuple of (str, str)
        One column with the whole name ("First Last" or "LAST, First"), or the first-name and
        last-name columns, joined.
    school : str
        Column that must match exactly (after stripping spaces); a missing school matches nothing.
    threshold : float, default 90.0
        Smallest accepted score, 0-100 (the project's ``anonymize.fuzzy_threshold``).

    Returns
    -------
    DataFrame
        One row per accepted link, with columns ``left_index`` and ``right_index`` (index labels of
        ``left`` and ``right``), ``score`` (float, 0-100) and ``rule`` (always ``"name+school"``),
        sorted by ``left_index``.

    Raises
    ------
    ValueError
        A column is missing or ``threshold`` is outside 0-100.

    See Also
    --------
    link_waves : adds these links to the e-mail links and counts them by rule.

    Notes
    -----
    Names are accent-folded (NFKD, combining marks removed), casefolded, stripped of punctuation
    (apostrophes are dropped, so "O'Neil" = "ONeil"), and a "LAST, First" name is turned round.
    ``token_sort_ratio`` sorts the words of each name before comparing, so word order does not
    matter; a typo costs a few points ("Jon Smith" vs "John Smith" scores 94.7).

    Examples
    --------
    >>> post = pd.DataFrame({"name": ["Jose Garcia", "Ann Lee", "Kim Park"],
    ...                      "school": ["S1", "S1", "S2"]}, index=[10, 11, 12])
    >>> roster = pd.DataFrame({"name": ["GARCÍA, José", "Anne Lee", "Kim Park"],
    ...                        "school": ["S1", "S1", "S9"]}, index=[0, 1, 2])
    >>> fuzzy_fallback(post, roster, name="name", school="school")
       left_index  right_index       score         rule
    0          10            0  100.000000  name+school
    1          11            1   93.333333  name+school
    """
    func = "fuzzy_fallback"
    cols = [name] if isinstance(name, str) else list(name)
    if not isinstance(name, str) and (len(cols) != 2 or not all(isinstance(c, str) for c in cols)):
        raise ValueError(f"{func}(): name must be a column name or a (first, last) pair of names, "
                         f"got {name!r}")
    for frame, arg in ((left, "left"), (right, "right")):
        _check_columns(frame, [*cols, school], arg, func)
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 <= threshold <= 100:
        raise ValueError(f"{func}(): threshold must be a number in [0, 100], got {threshold!r}")

    lnames, rnames = _names(left, name), _names(right, name)
    lschool, rschool = _school_key(left[school]), _school_key(right[school])
    lok = lnames.notna() & lschool.notna()
    rok = rnames.notna() & rschool.notna()
    r_groups = {k: v for k, v in rnames[rok].groupby(rschool[rok], sort=False)}
    rows: list[tuple[object, object, float]] = []
    for key, lgroup in lnames[lok].groupby(lschool[lok], sort=False):
        rgroup = r_groups.get(key)
        if rgroup is None:
            continue
        scores = process.cdist(list(lgroup), list(rgroup), scorer=fuzz.token_sort_ratio, workers=1,
                               dtype=np.float64)
        for i, j in _unique_mutual_best(scores, higher_is_better=True, limit=float(threshold)):
            rows.append((lgroup.index[i], rgroup.index[j], float(scores[i, j])))
    out = pd.DataFrame(rows, columns=FALLBACK_COLUMNS[:3])
    out["rule"] = "name+school"
    if len(out):
        out = out.sort_values("left_index", kind="stable").reset_index(drop=True)
    return out.astype({"score": "float64"})


def _unique_mutual_best(scores: np.ndarray, *, higher_is_better: bool, limit: float) -> list[tuple[int, int]]:
    """Pairs (i, j) that are each other's unique best, claimed by nobody else, within ``limit``.

    ``scores`` is rows × columns. With ``higher_is_better`` a score must be >= limit, otherwise
    <= limit (a distance).
    """
    if scores.size == 0:
        return []
    s = scores if higher_is_better else -scores
    lim = limit if higher_is_better else -limit
    row_best = s.max(axis=1)
    row_arg = s.argmax(axis=1)
    row_unique = ((s == row_best[:, None]).sum(axis=1) == 1) & (row_best >= lim)
    col_best = s.max(axis=0)
    col_arg = s.argmax(axis=0)
    col_unique = ((s == col_best[None, :]).sum(axis=0) == 1) & (col_best >= lim)
    # How many rows (columns) name each column (row) as their unique best.
    claims_on_col = np.bincount(row_arg[row_unique], minlength=s.shape[1])
    claims_on_row = np.bincount(col_arg[col_unique], minlength=s.shape[0])
    pairs = []
    for i in np.flatnonzero(row_unique):
        j = int(row_arg[i])
        if col_unique[j] and col_arg[j] == i and claims_on_col[j] == 1 and claims_on_row[i] == 1:
            pairs.append((int(i), j))
    return pairs


# ---------------------------------------------------------------------------------------------
# Linking two waves
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class LinkResult:
    """Links between two waves of named respondents.

    Attributes
    ----------
    pairs : DataFrame
        One row per linked person: ``pre_row``, ``post_row`` (index labels of the two waves),
        ``key`` (the person key both rows now share: the pre wave's key) and ``rule``
        (``"email"`` for an exact key match, otherwise the fallback's rule, e.g. ``"name+school"``).
    n_pre, n_post : int
        Records in each wave (missing keys included).
    n_matched : int
        Linked pairs.
    by_rule : dict of str to int
        Links made by each rule, e.g. ``{"email": 25, "name+school": 2}``.
    """

    pairs: pd.DataFrame
    n_pre: int
    n_post: int
    n_matched: int
    by_rule: dict[str, int] = field(default_factory=dict)

    @property
    def match_rate_pre(self) -> float:
        """Share of pre records linked (NaN for an empty wave)."""
        return self.n_matched / self.n_pre if self.n_pre else float("nan")

    @property
    def match_rate_post(self) -> float:
        """Share of post records linked (NaN for an empty wave)."""
        return self.n_matched / self.n_post if self.n_post else float("nan")

    def to_frame(self) -> pd.DataFrame:
        """One tidy row per wave: ``wave``, ``n``, ``matched``, ``rate``."""
        return pd.DataFrame({"wave": ["pre", "post"], "n": [self.n_pre, self.n_post],
                             "matched": [self.n_matched, self.n_matched],
                             "rate": [self.match_rate_pre, self.match_rate_post]})

    def to_dict(self) -> dict[str, object]:
        """Counts and rates (no keys), ready for JSON."""
        return {"n_pre": self.n_pre, "n_post": self.n_post, "n_matched": self.n_matched,
                "match_rate_pre": self.match_rate_pre, "match_rate_post": self.match_rate_post,
                "by_rule": dict(self.by_rule)}


def _present(s: pd.Series) -> pd.Series:
    """Keys that can link: not missing, not blank."""
    return s.notna() & ~s.astype("string").str.strip().fillna("").eq("")


def link_waves(pre: pd.Series, post: pd.Series, *, fallback: pd.DataFrame | None = None) -> LinkResult:
    """Link the records of two waves that carry the same person key, plus fallback links.

    Parameters
    ----------
    pre, post : Series
        Person keys (pseudonyms, or normalized e-mails before hashing), indexed by source row. A
        missing or blank key links nothing. A key may appear only once per wave (the clean stage
        removes duplicate responses first).
    fallback : DataFrame, optional
        Extra links found otherwise, as :func:`fuzzy_fallback` returns them (``left_index`` = pre
        row, ``right_index`` = post row, ``rule``). A fallback link is used only when neither of its
        rows is already linked by key, and only once per row.

    Returns
    -------
    LinkResult
        ``pairs`` (``pre_row``, ``post_row``, ``key``, ``rule``), the counts per wave, the match
        rates and the links made per rule (``by_rule``).

    Raises
    ------
    ValueError
        A wave holds the same key twice (the count is given, never the key), or a fallback row is
        not a row of its wave.

    See Also
    --------
    fuzzy_fallback : finds the fallback links on name + school.
    attrition_check : compares linked with unlinked respondents at baseline.

    Examples
    --------
    >>> pre = pd.Series(["a@x.org", "b@x.org", "c@x.org", None], index=[2, 3, 4, 5])
    >>> post = pd.Series(["b@x.org", "a@x.org", "c.personal@y.com"], index=[2, 3, 4])
    >>> extra = pd.DataFrame({"left_index": [4], "right_index": [4], "score": [96.0],
    ...                       "rule": ["name+school"]})
    >>> res = link_waves(pre, post, fallback=extra)
    >>> res.pairs
       pre_row  post_row      key         rule
    0        2         3  a@x.org        email
    1        3         2  b@x.org        email
    2        4         4  c@x.org  name+school
    >>> res.by_rule, res.n_matched
    ({'email': 2, 'name+school': 1}, 3)
    >>> res.to_frame()
       wave  n  matched  rate
    0   pre  4        3  0.75
    1  post  3        3  1.00
    """
    func = "link_waves"
    for s, arg in ((pre, "pre"), (post, "post")):
        check_series(s, func=func, arg=arg, what="person keys")
        keys = s[_present(s)]
        n_dup = int(keys.duplicated().sum())
        if n_dup:
            raise ValueError(f"{func}(): {arg} holds {n_dup} repeated person key(s); each key may appear "
                             f"once per wave (deduplicate responses before linking)")
    pre_ok, post_ok = pre[_present(pre)], post[_present(post)]
    post_by_key = pd.Series(post_ok.index, index=post_ok.to_numpy(dtype=object))
    common = pre_ok[pre_ok.isin(post_by_key.index)]
    rows = [(p, post_by_key[k], k, "email") for p, k in common.items()]
    by_rule = {"email": len(rows)}

    if fallback is not None:
        if not isinstance(fallback, pd.DataFrame):
            raise TypeError(f"{func}(): fallback must be a DataFrame, got {type(fallback).__name__}")
        _check_columns(fallback, ["left_index", "right_index", "rule"], "fallback", func)
        bad_pre = ~fallback["left_index"].isin(pre.index)
        bad_post = ~fallback["right_index"].isin(post.index)
        if bad_pre.any() or bad_post.any():
            raise ValueError(f"{func}(): fallback names {int(bad_pre.sum())} row(s) not in pre and "
                             f"{int(bad_post.sum())} row(s) not in post; left_index must be pre rows and "
                             f"right_index post rows")
        used_pre = {r[0] for r in rows}
        used_post = {r[1] for r in rows}
        twice = fallback["left_index"].duplicated(keep=False) | fallback["right_index"].duplicated(keep=False)
        fb = fallback[~twice]
        for li, ri, rule in zip(fb["left_index"], fb["right_index"], fb["rule"]):
            by_rule.setdefault(str(rule), 0)
            if li in used_pre or ri in used_post:
                continue
            key = pre.loc[li] if _present(pre.loc[[li]]).iloc[0] else post.loc[ri]
            rows.append((li, ri, key, str(rule)))
            used_pre.add(li)
            used_post.add(ri)
            by_rule[str(rule)] += 1
    pairs = pd.DataFrame(rows, columns=["pre_row", "post_row", "key", "rule"])
    if len(pairs):
        pairs = pairs.sort_values("pre_row", kind="stable").reset_index(drop=True)
    return LinkResult(pairs=pairs, n_pre=len(pre), n_post=len(post), n_matched=len(pairs), by_rule=by_rule)


# ---------------------------------------------------------------------------------------------
# Attrition: matched vs unmatched at baseline
# ---------------------------------------------------------------------------------------------

ATTRITION_COLUMNS = ["column", "n_matched", "mean_matched", "sd_matched", "n_unmatched", "mean_unmatched",
                     "sd_unmatched", "std_diff"]


def attrition_check(baseline: pd.DataFrame, matched: pd.Series, *, columns: list[str]) -> pd.DataFrame:
    """Compare matched and unmatched respondents at baseline, column by column.

    Parameters
    ----------
    baseline : DataFrame
        The baseline (pre) wave, one row per respondent.
    matched : Series of bool
        Whether each baseline respondent was linked to the later wave; same index as ``baseline``.
    columns : list of str
        Numeric baseline columns to compare (items, scale scores, years in role...). Missing values
        are left out per column.

    Returns
    -------
    DataFrame
        One row per column: ``column``, ``n_matched``, ``mean_matched``, ``sd_matched``,
        ``n_unmatched``, ``mean_unmatched``, ``sd_unmatched`` and ``std_diff`` (matched minus
        unmatched, in pooled standard deviations). Means and SDs are NaN for a group with fewer
        than 2 cases, and so is ``std_diff``; ``std_diff`` is also NaN when both SDs are 0.

    Raises
    ------
    ValueError
        ``matched`` is not boolean, misses a baseline row, or a column is missing or not numeric.

    See Also
    --------
    link_waves, evalkit.anonymize.sgic.link_codes : produce the links.

    Notes
    -----
    The standardized difference for a continuous covariate (Austin 2009) is

    .. math:: d = \\frac{\\bar x_m - \\bar x_u}{\\sqrt{(s_m^2 + s_u^2) / 2}}

    with :math:`\\bar x` the group means and :math:`s` the group standard deviations (ddof = 1).
    It does not depend on sample size, so unlike a p-value it does not flag trivial differences
    in large panels; :math:`|d| > 0.1` is often read as a meaningful imbalance. Matched panels are
    rarely a random subset: Grube, Morgan & Kearney (1989) found unmatched respondents to differ
    systematically, so report this table with any pre/post change.

    References
    ----------
    .. [1] Austin, P. C. (2009). Balance diagnostics for comparing the distribution of baseline
       covariates between treatment groups in propensity-score matched samples. *Statistics in
       Medicine*, 28(25), 3083-3107. https://doi.org/10.1002/sim.3697

    Examples
    --------
    >>> base = pd.DataFrame({"score": [4.0, 3.5, 5.0, 2.0, 2.5, 3.0], "years": [3, 5, 8, 1, 2, 2]})
    >>> linked = pd.Series([True, True, True, False, False, False])
    >>> attrition_check(base, linked, columns=["score", "years"])[["column", "n_matched", "std_diff"]]
      column  n_matched  std_diff
    0  score          3  2.581989
    1  years          3  2.008316
    """
    func = "attrition_check"
    _check_columns(baseline, list(columns), "baseline", func)
    if not isinstance(matched, pd.Series):
        raise TypeError(f"{func}(): matched must be a boolean Series, got {type(matched).__name__}")
    if matched.isna().any() or not (pd.api.types.is_bool_dtype(matched) or matched.isin([True, False]).all()):
        raise ValueError(f"{func}(): matched must hold only True/False (no missing values)")
    missing = baseline.index.difference(matched.index)
    if len(missing):
        raise ValueError(f"{func}(): matched lacks {len(missing)} row(s) of baseline; "
                         f"give it baseline's index")
    flag = matched.reindex(baseline.index).astype(bool).to_numpy()
    rows = []
    for col in columns:
        values = baseline[col]
        if not (pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)):
            raise ValueError(f"{func}(): column {col!r} must be numeric, got dtype {values.dtype}")
        x = values.to_numpy(dtype=float)
        m, u = x[flag], x[~flag]
        m, u = m[~np.isnan(m)], u[~np.isnan(u)]
        mean_m, sd_m = _mean_sd(m)
        mean_u, sd_u = _mean_sd(u)
        pooled = np.sqrt((sd_m**2 + sd_u**2) / 2)
        d = (mean_m - mean_u) / pooled if pooled > 0 else float("nan")
        rows.append((col, len(m), mean_m, sd_m, len(u), mean_u, sd_u, float(d)))
    return pd.DataFrame(rows, columns=ATTRITION_COLUMNS)


def _mean_sd(x: np.ndarray) -> tuple[float, float]:
    if len(x) < 2:
        return float("nan"), float("nan")
    return float(x.mean()), float(x.std(ddof=1))
