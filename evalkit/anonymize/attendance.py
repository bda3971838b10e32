"""Who attended: sign-in sheets, Zoom participant reports and coordinators' wide rosters matched to the
registration roster, in memory and before pseudonyms.

Attendance sources name people the way people type: a nickname on a sign-in sheet, "Sue Price (iPad)" as a
Zoom display name, a personal or second e-mail address, a person who reconnected three times. Each row is
matched to one roster person by the rules below, in order; what none of them settles is never guessed: it
goes to the review list (and the data-quality log) with the rule that failed.

1. ``email``: the row's e-mail, case and spaces ignored, is a roster e-mail.
2. ``email_alias``: the e-mail is not on the roster but its domain is, and its local part spells the name of
   exactly one roster person of that domain ("sprice", "susan.price", "price.s" for Susan Price).
3. ``name``: the typed or display name, folded (accents, case, punctuation, "LAST, First", a trailing
   "(iPad)"), equals exactly one roster name.
4. ``nickname``: the same with first names compared through the nicknames table ("Bill" = "William").
5. ``name_fuzzy``: one roster name scores at least ``threshold`` (rapidfuzz ``token_sort_ratio``) and no
   other comes within ``margin`` points of it (a typo: "Joseph Borwn").

A row that two roster people fit equally is ``ambiguous``; one that nobody fits is ``unmatched``; a row
whose e-mail domain is the organizer's own (``staff_domains``) is ``facilitator``, and a Zoom guest that
matches nobody is ``guest``: both are left out of attendance and counted.

What happens after the match (minutes from Zoom connections, a wide roster's marks, the minimum share of
a session) needs no identifier: :mod:`evalkit.analyze.attendance` does it on the anonymized rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
from rapidfuzz import fuzz

from evalkit.anonymize.linkage import _norm_name
from evalkit.namelists import nicknamer

__all__ = ["MATCH_RULES", "REVIEW_RULES", "match_to_roster"]

#: The rules that link a row to a roster person, in the order they are tried.
MATCH_RULES = ("email", "email_alias", "name", "nickname", "name_fuzzy")
#: Outcomes that link nobody and go to the review list (facilitators and guests are counted, not reviewed).
REVIEW_RULES = ("ambiguous", "unmatched")

_DEVICE = re.compile(r"\s*[\(\[][^()\[\]]*[\)\]]\s*$")   # "Sue Price (iPad)", "Ann Lee [she/her]"
_LETTERS = re.compile(r"[^a-z]")


def _email(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = value.strip().casefold()
    return text if "@" in text else None


def _clean_name(value: object) -> str | None:
    """A typed or display name folded for comparison, with a trailing "(iPad)" or "(Original Name)" removed."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    while _DEVICE.search(text) and _DEVICE.sub("", text).strip():
        text = _DEVICE.sub("", text)
    return _norm_name(text)


def _first_forms(first: str) -> frozenset[str]:
    """A first name with its nicknames and the names it is a nickname of ("sue" -> susan, suzanne, ...)."""
    nn = nicknamer()  # the one nicknames table of the process
    return frozenset({first} | set(nn.nicknames_of(first)) | set(nn.canonicals_of(first)))


def match_to_roster(records: pd.DataFrame, roster: pd.DataFrame, *, email: str | None,
                    name: str | Sequence[str] | None, roster_email: str, roster_name: Sequence[str],
                    staff_domains: Iterable[str] = (), guest: str | None = None, threshold: float = 88.0,
                    margin: float = 4.0) -> pd.DataFrame:
    """Match each attendance row to one roster person, or say why it cannot be.

    Parameters
    ----------
    records : DataFrame
        The attendance rows (identified: before pseudonyms).
    roster : DataFrame
        The registration roster.
    email : str or None
        The records' e-mail column (None: the source has none, as some sign-in sheets).
    name : str, sequence of str or None
        The records' name column(s): one ("Name (Original Name)", "name_as_typed") or several tried in turn
        (a Zoom report's display name and original name), or ``(first, last)`` joined when
        ``len == 2`` and both look like parts is not assumed: each column is tried as a whole name.
    roster_email : str
        The roster's e-mail column.
    roster_name : (str, str)
        The roster's first- and last-name columns.
    staff_domains : iterable of str
        E-mail domains of the organizer's own staff (facilitators, coaches): their rows are ``facilitator``.
    guest : str, optional
        A yes/no column marking a guest (Zoom's "Guest"): a guest who matches nobody is ``guest``, not
        ``unmatched``.
    threshold, margin : float
        ``name_fuzzy`` accepts a best score of at least ``threshold`` (0-100) only when the runner-up is
        more than ``margin`` points behind.

    Returns
    -------
    DataFrame
        Indexed like ``records``: ``roster_index`` (the roster row's index label, or None), ``rule`` (one of
        :data:`MATCH_RULES`, ``"ambiguous"``, ``"unmatched"``, ``"facilitator"``, ``"guest"``) and
        ``candidates`` (how many roster people fitted the deciding rule).

    Examples
    --------
    >>> roster = pd.DataFrame({"first": ["William", "Susan"], "last": ["Ortiz", "Price"],
    ...                        "email": ["william.ortiz@d1.org", "susan.price@d2.org"]})
    >>> rows = pd.DataFrame({"name": ["Bill Ortiz", "Sue Price (iPad)", "Pat Doe"],
    ...                      "email": ["", "sprice@d2.org", "pat@leadlab.org"]})
    >>> match_to_roster(rows, roster, email="email", name="name", roster_email="email",
    ...                 roster_name=("first", "last"), staff_domains=["leadlab.org"])[["roster_index", "rule"]]
      roster_index         rule
    0            0     nickname
    1            1  email_alias
    2         None  facilitator
    """
    staff = {d.strip().casefold().lstrip("@") for d in staff_domains}
    r_email = roster[roster_email].map(_email)
    firsts = roster[roster_name[0]].map(_norm_name)
    lasts = roster[roster_name[1]].map(_norm_name)
    full = pd.Series([" ".join(p for p in (f, la) if p) or None for f, la in zip(firsts, lasts)], index=roster.index)
    by_email: dict[str, list] = {}
    for idx, e in r_email.items():
        if e:
            by_email.setdefault(e, []).append(idx)
    by_domain: dict[str, list] = {}
    for idx, e in r_email.items():
        if e:
            by_domain.setdefault(e.rsplit("@", 1)[1], []).append(idx)
    by_name: dict[str, list] = {}
    for idx, n in full.items():
        if n:
            by_name.setdefault(n, []).append(idx)
    name_cols = [name] if isinstance(name, str) else list(name or [])
    out = []
    for _, row in records.iterrows():
        e = _email(row[email]) if email else None
        names = [n for n in (_clean_name(row[c]) for c in name_cols) if n]
        result = _match_one(e, names, by_email, by_domain, by_name, firsts, lasts, full, threshold, margin)
        if result[1] == "unmatched" and e and e.rsplit("@", 1)[1] in staff:
            result = (None, "facilitator", 0)
        elif result[1] == "unmatched" and guest and str(row[guest]).strip().casefold() in ("yes", "y", "true", "1"):
            result = (None, "guest", 0)
        elif result[0] is None and e and e.rsplit("@", 1)[1] in staff:
            result = (None, "facilitator", result[2])
        out.append(result)
    res = pd.DataFrame({"roster_index": pd.Series([r[0] for r in out], index=records.index, dtype=object),
                        "rule": [r[1] for r in out], "candidates": [int(r[2]) for r in out]}, index=records.index)
    return res


def _decide(hits: list, rule: str) -> tuple | None:
    """One candidate: matched by ``rule``; several: ambiguous (never guessed); none: the next rule decides."""
    if len(hits) == 1:
        return hits[0], rule, 1
    return (None, "ambiguous", len(hits)) if hits else None


def _match_one(e, names, by_email, by_domain, by_name, firsts, lasts, full, threshold, margin):
    if e and e in by_email:
        return _decide(by_email[e], "email")
    if e:
        local, domain = e.rsplit("@", 1)
        letters = _LETTERS.sub("", local)
        got = _decide([i for i in by_domain.get(domain, []) if _local_fits(letters, firsts[i], lasts[i])],
                      "email_alias")
        if got:
            return got
    for n in names:
        got = _decide(by_name.get(n, []), "name")
        if got:
            return got
    for n in names:
        words = n.split()
        if len(words) < 2:
            continue
        first, last = words[0], words[-1]
        forms = _first_forms(first)
        got = _decide([i for i in full.index if lasts[i] and firsts[i] and lasts[i].split()[-1] == last
                       and (firsts[i].split()[0] in forms or first in _first_forms(firsts[i].split()[0]))],
                      "nickname")
        if got:
            return got
    for n in names:
        valid = full.dropna()
        if valid.empty:
            break
        scores = np.array([fuzz.token_sort_ratio(n, v) for v in valid])
        order = np.argsort(-scores)
        best = scores[order[0]]
        second = scores[order[1]] if len(order) > 1 else -np.inf
        if best >= threshold and best - second > margin:
            return valid.index[order[0]], "name_fuzzy", 1
        if best >= threshold:
            return None, "ambiguous", int((scores >= best - margin).sum())
    return None, "unmatched", 0


def _local_fits(letters: str, first: str | None, last: str | None) -> bool:
    """Whether an e-mail's local part (letters only) spells this person: last name plus first name, a first
    initial or a nickname of the first name, in either order ("sprice", "pricesusan", "suep")."""
    if not letters or not first or not last:
        return False
    last_l = _LETTERS.sub("", last)
    first_l = _LETTERS.sub("", first.split()[0])
    if not last_l or last_l not in letters:
        return False
    rest = letters.replace(last_l, "", 1)
    if not rest:
        return False
    forms = {_LETTERS.sub("", f) for f in _first_forms(first_l)} | {first_l[:1]}
    return rest in forms or any(len(f) >= 3 and rest.startswith(f) for f in forms)
