"""Self-generated identification codes (SGIC): link an anonymous survey's waves without names.

Respondents build a code from facts they can recall but others rarely know (mother's initial,
birth month, ...). Re-entered months later, codes carry errors, so codes are compared **element by
element**: a pair is linked when it matches exactly, or, for codes of at least 6 elements, when at
most one element differs, and only as a **unique 1:1 best match**. Ties stay unmatched. The rules
follow the research brief (section 1.6). A code is a quasi-identifier: drop it after linking.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from evalkit._validation import check_series

__all__ = ["SgicResult", "link_codes", "parse_code"]

_SEPARATORS = re.compile(r"[\s\-./_]+")
_RULES = {0: "exact", 1: "one_element", 2: "two_elements"}
#: Compare at most this many pre codes against a block's post codes at once (bounds memory).
_CHUNK = 2048


def _check_elements(elements: object, func: str) -> list[int]:
    ok = (isinstance(elements, Sequence) and not isinstance(elements, str) and len(elements) > 0
          and all(isinstance(w, (int, np.integer)) and not isinstance(w, bool) and w > 0 for w in elements))
    if not ok:
        raise ValueError(f"{func}(): elements must be a non-empty list of positive element widths "
                         f"(e.g. [1, 2, 1, 1, 1, 2]), got {elements!r}")
    return [int(w) for w in elements]


def parse_code(code: str, *, elements: list[int]) -> tuple[str, ...] | None:
    """Split a self-generated code into its elements.

    Parameters
    ----------
    code : str
        The code as typed. Surrounding spaces and separators typed between elements (spaces,
        ``-``, ``.``, ``/``, ``_``) are removed and letters uppercased.
    elements : list of int
        Width of each element in characters, in order (the demo's ``M07R2K14`` is
        ``[1, 2, 1, 1, 1, 2]``).

    Returns
    -------
    tuple of str, or None
        The elements, or None when the code is missing or its length is not ``sum(elements)``.

    Raises
    ------
    ValueError
        ``elements`` is not a non-empty list of positive integers.

    Examples
    --------
    >>> parse_code(" m07r2k14 ", elements=[1, 2, 1, 1, 1, 2])
    ('M', '07', 'R', '2', 'K', '14')
    >>> parse_code("M07-R2K14", elements=[1, 2, 1, 1, 1, 2])
    ('M', '07', 'R', '2', 'K', '14')
    >>> parse_code("M7R2K14", elements=[1, 2, 1, 1, 1, 2]) is None
    True
    """
    widths = _check_elements(elements, "parse_code")
    if not isinstance(code, str):
        return None
    text = _SEPARATORS.sub("", code).upper()
    if len(text) != sum(widths):
        return None
    cuts = np.cumsum([0, *widths])
    return tuple(text[a:b] for a, b in zip(cuts[:-1], cuts[1:]))


def _parse_series(s: pd.Series, widths: list[int]) -> pd.DataFrame:
    """Vectorized :func:`parse_code`: one column per element, NaN rows for codes that do not fit."""
    text = s.astype("string").str.replace(_SEPARATORS.pattern, "", regex=True).str.upper()
    fits = text.str.len().eq(sum(widths)).fillna(False).astype(bool)
    cuts = np.cumsum([0, *widths])
    spans = enumerate(zip(cuts[:-1], cuts[1:]))
    out = pd.DataFrame({e: text.str.slice(int(a), int(b)) for e, (a, b) in spans}, index=s.index)
    return out[fits]


@dataclass(frozen=True)
class SgicResult:
    """Links between two waves of self-generated codes.

    Attributes
    ----------
    pairs : DataFrame
        One row per linked pair: ``pre_row``, ``post_row`` (index labels), ``mismatches`` (number
        of differing elements) and ``rule`` (``"exact"``, ``"one_element"``, ``"two_elements"``).
    n_pre, n_post : int
        Codes in each wave, missing and malformed ones included.
    n_exact, n_fuzzy : int
        Pairs linked with no differing element, and with one or more.
    n_unmatched_pre, n_unmatched_post : int
        Records of each wave left unlinked (malformed codes included).
    n_invalid_pre, n_invalid_post : int
        Missing codes, or codes whose length does not fit the elements.
    """

    pairs: pd.DataFrame
    n_pre: int
    n_post: int
    n_exact: int
    n_fuzzy: int
    n_unmatched_pre: int
    n_unmatched_post: int
    n_invalid_pre: int = 0
    n_invalid_post: int = 0

    @property
    def n_matched(self) -> int:
        """All linked pairs."""
        return self.n_exact + self.n_fuzzy

    def to_frame(self) -> pd.DataFrame:
        """One tidy row per wave: ``wave``, ``n``, ``exact``, ``fuzzy``, ``unmatched``, ``invalid``,
        ``rate`` (linked pairs over ``n``)."""
        rate = [self.n_matched / n if n else float("nan") for n in (self.n_pre, self.n_post)]
        return pd.DataFrame({"wave": ["pre", "post"], "n": [self.n_pre, self.n_post],
                             "exact": [self.n_exact] * 2, "fuzzy": [self.n_fuzzy] * 2,
                             "unmatched": [self.n_unmatched_pre, self.n_unmatched_post],
                             "invalid": [self.n_invalid_pre, self.n_invalid_post], "rate": rate})

    def to_dict(self) -> dict[str, int]:
        """The counts (no codes), ready for JSON."""
        return {"n_pre": self.n_pre, "n_post": self.n_post, "n_exact": self.n_exact, "n_fuzzy": self.n_fuzzy,
                "n_unmatched_pre": self.n_unmatched_pre, "n_unmatched_post": self.n_unmatched_post,
                "n_invalid_pre": self.n_invalid_pre, "n_invalid_post": self.n_invalid_post}


def link_codes(
    pre: pd.Series,
    post: pd.Series,
    *,
    elements: list[int],
    max_mismatch: int = 1,
    min_elements_for_mismatch: int = 6,
    block: tuple[pd.Series, pd.Series] | None = None,
) -> SgicResult:
    """Link two waves of self-generated codes element by element: unique 1:1 best matches only.

    Parameters
    ----------
    pre, post : Series of str
        The codes as typed, indexed by source row.
    elements : list of int
        Width of each code element (see :func:`parse_code`).
    max_mismatch : int, default 1
        Most elements that may differ in a linked pair (the project's ``anonymize.sgic_max_mismatch``).
    min_elements_for_mismatch : int, default 6
        A code with fewer elements links only exactly (``anonymize.sgic_min_elements_for_mismatch``).
    block : tuple of (Series, Series), optional
        A stable covariate of each wave (e.g. ``school_code``), indexed like ``pre`` and ``post``:
        codes are compared only within the same block value. A missing block value links nothing.

    Returns
    -------
    SgicResult
        The pairs and the exact, fuzzy and unmatched counts.

    Raises
    ------
    ValueError
        An argument breaks its rule, or ``block`` is not indexed like the codes.

    See Also
    --------
    parse_code : how a code is normalized and split.
    evalkit.anonymize.linkage.attrition_check : compare linked with unlinked respondents.

    Notes
    -----
    The distance between two codes is the number of differing elements,
    :math:`d(p, q) = \\sum_e [p_e \\ne q_e]`. Let :math:`m` be ``max_mismatch`` when the code has at
    least ``min_elements_for_mismatch`` elements, else 0. Pre code :math:`i` and post code :math:`j`
    are linked when :math:`d(i, j) \\le m`, :math:`j` is the only post code at :math:`i`'s smallest
    distance, and :math:`i` the only pre code at :math:`j`'s smallest distance (mutual unique
    nearest neighbours). So a pre code with two equally close post candidates, or a post code
    claimed by two pre codes at the same best distance, stays unmatched; an exact match beats a
    one-element match, and the code that loses is not offered its second-best candidate.

    Grube, Morgan & Kearney (1989) raised a 7-element code's one-month match rate from 71% (exact)
    to 88% by allowing one element to differ, "without appreciable mismatching"; McGloin,
    Holcomb & Main (1996), checked against stickers, found 2.7% of links wrong. Blocking on a
    stable covariate cuts the candidates, and with them false links.

    References
    ----------
    .. [1] Grube, J. W., Morgan, M., & Kearney, K. A. (1989). Using self-generated identification
       codes to match questionnaires in panel studies of adolescent substance use. *Addictive
       Behaviors*, 14(2), 159-171.
    .. [2] McGloin, J., Holcomb, S., & Main, D. S. (1996). Matching anonymous pre-posttests using
       subject-generated information. *Evaluation Review*, 20(6), 724-736.
       https://doi.org/10.1177/0193841X9602000604

    Examples
    --------
    >>> pre = pd.Series(["M07R2K14", "A01B0C02", "Z12Z9Z28"], index=[2, 3, 4])
    >>> post = pd.Series(["m07r2k14", "A01B1C02", "Q05Q5Q05"], index=[2, 3, 4])
    >>> res = link_codes(pre, post, elements=[1, 2, 1, 1, 1, 2])
    >>> res.pairs
       pre_row  post_row  mismatches         rule
    0        2         2           0        exact
    1        3         3           1  one_element
    >>> res.n_exact, res.n_fuzzy, res.n_unmatched_pre, res.n_unmatched_post
    (1, 1, 1, 1)
    """
    func = "link_codes"
    widths = _check_elements(elements, func)
    for s, arg in ((pre, "pre"), (post, "post")):
        check_series(s, func=func, arg=arg, what="codes")
    for value, arg, low in ((max_mismatch, "max_mismatch", 0), (min_elements_for_mismatch,
                                                                 "min_elements_for_mismatch", 1)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low:
            raise ValueError(f"{func}(): {arg} must be an integer >= {low}, got {value!r}")
    if block is not None:
        pair = isinstance(block, tuple) and len(block) == 2 and all(isinstance(b, pd.Series) for b in block)
        if not pair:
            raise ValueError(f"{func}(): block must be a (pre, post) pair of Series, "
                             f"got {type(block).__name__}")
        for b, s, arg in ((block[0], pre, "pre"), (block[1], post, "post")):
            if not s.index.isin(b.index).all():
                raise ValueError(f"{func}(): block's {arg} Series must cover every row of {arg} "
                                 f"({int((~s.index.isin(b.index)).sum())} row(s) missing)")
    allowed = int(max_mismatch) if len(widths) >= min_elements_for_mismatch else 0

    p_el, q_el = _parse_series(pre, widths), _parse_series(post, widths)
    # One integer code per distinct element value, shared by both waves.
    n_el = len(widths)
    p_codes = np.empty((len(p_el), n_el), dtype=np.int32)
    q_codes = np.empty((len(q_el), n_el), dtype=np.int32)
    for e in range(n_el):
        codes, _ = pd.factorize(pd.concat([p_el[e], q_el[e]], ignore_index=True))
        p_codes[:, e], q_codes[:, e] = codes[: len(p_el)], codes[len(p_el):]
    if block is None:
        p_blocks = np.zeros(len(p_el), dtype=np.int64)
        q_blocks = np.zeros(len(q_el), dtype=np.int64)
    else:
        p_b = block[0].reindex(p_el.index)
        q_b = block[1].reindex(q_el.index)
        both, _ = pd.factorize(pd.concat([p_b, q_b], ignore_index=True).astype("string"))
        p_blocks, q_blocks = both[: len(p_el)], both[len(p_el):]  # -1 = missing block

    rows: list[tuple[object, object, int]] = []
    q_order = np.argsort(q_blocks, kind="stable")
    q_sorted = q_blocks[q_order]
    for b in np.unique(p_blocks[p_blocks >= 0]):
        pi = np.flatnonzero(p_blocks == b)
        lo, hi = np.searchsorted(q_sorted, [b, b + 1])
        qj = q_order[lo:hi]
        if len(qj) == 0:
            continue
        dist = _distances(p_codes[pi], q_codes[qj])
        for i, j in _unique_mutual_nearest(dist, allowed):
            rows.append((p_el.index[pi[i]], q_el.index[qj[j]], int(dist[i, j])))
    pairs = pd.DataFrame(rows, columns=["pre_row", "post_row", "mismatches"])
    pairs["mismatches"] = pairs["mismatches"].astype("int64")
    pairs["rule"] = pairs["mismatches"].map(lambda d: _RULES.get(d, f"{d}_elements")).astype(object)
    if len(pairs):
        pairs = pairs.sort_values("pre_row", kind="stable").reset_index(drop=True)
    n_exact = int((pairs["mismatches"] == 0).sum())
    return SgicResult(pairs=pairs, n_pre=len(pre), n_post=len(post), n_exact=n_exact,
                      n_fuzzy=len(pairs) - n_exact, n_unmatched_pre=len(pre) - len(pairs),
                      n_unmatched_post=len(post) - len(pairs), n_invalid_pre=len(pre) - len(p_el),
                      n_invalid_post=len(post) - len(q_el))


def _distances(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Number of differing elements between every row of ``p`` and every row of ``q``."""
    dtype = np.int8 if p.shape[1] < 127 else np.int16
    out = np.empty((len(p), len(q)), dtype=dtype)
    for start in range(0, len(p), _CHUNK):
        block = p[start:start + _CHUNK]
        acc = np.zeros((len(block), len(q)), dtype=dtype)
        for e in range(p.shape[1]):
            acc += block[:, e, None] != q[None, :, e]
        out[start:start + _CHUNK] = acc
    return out


def _unique_mutual_nearest(dist: np.ndarray, allowed: int) -> list[tuple[int, int]]:
    """Pairs that are each other's unique nearest code, within ``allowed`` differing elements."""
    row_best = dist.min(axis=1)
    row_arg = dist.argmin(axis=1)
    row_unique = ((dist == row_best[:, None]).sum(axis=1) == 1) & (row_best <= allowed)
    col_best = dist.min(axis=0)
    col_arg = dist.argmin(axis=0)
    col_unique = ((dist == col_best[None, :]).sum(axis=0) == 1) & (col_best <= allowed)
    i = np.flatnonzero(row_unique)
    j = row_arg[i]
    keep = col_unique[j] & (col_arg[j] == i)
    return list(zip(i[keep].tolist(), j[keep].tolist()))
