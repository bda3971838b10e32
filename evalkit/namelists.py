"""Name and word lists behind name detection off the roster: given names, surnames and everyday words.

A roster names the program's own people, but comments also name parents, substitutes, students, guest speakers
and new hires. :mod:`evalkit.pii` finds those by context ("Dustin Walker", "ask Ubika", "Tyler in my 4th
period") and needs three lists, all read from maintained packages' bundled data, offline:

* **given names**: the US Census Bureau's 1990 first-name files (5,163 names, public domain, bundled with the
  ``names`` package) and the ``nicknames`` package's table (2,099 names and nicknames);
* **surnames**: the Census Bureau's 1990 surname file (88,799 names, same package);
* **everyday words**: the English word-frequency list of ``pyspellchecker`` (160,572 words ranked by frequency
  in large text corpora). A given name that is also a frequent word ("Will", "Hope", "Grant", "Art") is no
  evidence of a person on its own, so the lists come in two strengths, :func:`given_names` and
  :func:`plain_given_names`.

All lists are lower case, folded to ASCII, and read once per process.
"""

from __future__ import annotations

import gzip
import importlib.resources
import json
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

#: Names that are also everyday words (or months): a capitalised match counts only with more
#: evidence, such as a title before it, a possessive, a name next to it, or a capital in mid-sentence
#: that is not a date ("in May") (see ``evalkit.pii.PiiDetector._is_name``).
COMMON_WORD_NAMES = frozenset("""
hope will grant young may joy mark frank rose faith grace june april august dawn summer autumn page price
rich love king bell lane hall banks long white black brown green gray grey wood stone strong law chase
major rice cook baker miller hunter bishop carpenter fisher mason porter ward wells west north south
bill sunny star storm river sky art bud chip drew gene guy jack jay jean lee ray rob
day kit ant don dee dot sandy penny holly ivy iris violet ruby pearl amber crystal destiny
small little field fields park parks precious mercy honey wolf church marsh rivers bridges fox hill hills
dean
""".split())


@lru_cache(maxsize=1)
def nicknamer():
    """The nicknames package's table, read once per process."""
    from nicknames import NickNamer

    return NickNamer()

__all__ = ["COMMON_WORD_NAMES", "EVERYDAY_RANK", "PLAIN_RANK", "all_given_names", "all_surnames", "english_words",
           "given_names", "load", "nickname_names", "nicknamer", "person_words", "plain_given_names", "surnames",
           "word_rank"]

#: A word among the EVERYDAY_RANK most frequent English words is an everyday word first: "Will", "Hope",
#: "Miles". Names this frequent in text (Emily, Mike, Jack) still count with a surname or a title.
EVERYDAY_RANK = 5_000
#: Below PLAIN_RANK a given name is also a word often enough ("Olive", "Clay", "Sage", "Dean") that alone at
#: a sentence's start or in lower case it needs a cue, unless it is a common given name (:data:`COMMON_SHARE`).
PLAIN_RANK = 30_000
#: Percent of the 1990 census population with the name: at or above it a given name is plainly a name however
#: often the word is written ("Tyler" 0.09 %); for the words among the 10,000 most frequent, a higher share
#: ("Sean" 0.2 %, not "Olive" 0.03 % or "Clay" 0.02 %).
COMMON_SHARE = 0.02
FREQUENT_WORD_SHARE = 0.05


def _census(file: str) -> dict[str, float]:
    """One census name file as {name: percent of people}, the name lower case."""
    out: dict[str, float] = {}
    text = importlib.resources.files("names").joinpath(file).read_text(encoding="ascii")
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            name = parts[0].lower()
            out[name] = max(out.get(name, 0.0), float(parts[1]))
    return out


@lru_cache(maxsize=1)
def _first_shares() -> Mapping[str, float]:
    shares = _census("dist.female.first")
    for name, share in _census("dist.male.first").items():
        shares[name] = max(shares.get(name, 0.0), share)
    return MappingProxyType(shares)


@lru_cache(maxsize=1)
def word_rank() -> Mapping[str, int]:
    """English words (lower case) and their frequency rank, 0 the most frequent (pyspellchecker's list).

    Examples
    --------
    >>> word_rank()["the"] < word_rank()["school"] < word_rank()["instructional"]
    True
    """
    path = importlib.resources.files("spellchecker").joinpath("resources/en.json.gz")
    with path.open("rb") as fh:
        freq: dict[str, int] = json.loads(gzip.decompress(fh.read()))
    ordered = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
    return MappingProxyType({w: i for i, (w, _) in enumerate(ordered)})


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The words of :func:`word_rank` as a set (a word that is none of them is no English word)."""
    return frozenset(word_rank())


@lru_cache(maxsize=1)
def nickname_names() -> frozenset[str]:
    """Every name of the nicknames package's table, given names and their nicknames, lower case."""
    nn = nicknamer()
    return frozenset(set(getattr(nn, "_nickname_lookup", {})) | set(getattr(nn, "_canonical_lookup", {})))


@lru_cache(maxsize=1)
def all_given_names() -> frozenset[str]:
    """Every given name of the lists, everyday words included ("Holly", "Will"), lower case."""
    return frozenset(n for n in set(_first_shares()) | nickname_names() if n.isalpha() and len(n) >= 2)


#: Months, days and their abbreviations are census first names too ("January", "Jan", "Tuesday").
CALENDAR = frozenset("""
january february march april may june july august september october november december jan feb mar apr jun jul
aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs
fri sat sun
""".split())


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names that are not everyday words: a capitalised one in mid-sentence, or before a capitalised
    word, is a person's name ("RSVP to Alexandra", "Dustin Walker").

    Examples
    --------
    >>> "dustin" in given_names(), "will" in given_names(), "hope" in given_names()
    (True, False, False)
    """
    rank = word_rank()
    return frozenset(n for n in all_given_names() if n not in COMMON_WORD_NAMES and n not in CALENDAR
                     and rank.get(n, EVERYDAY_RANK) >= EVERYDAY_RANK)


@lru_cache(maxsize=1)
def plain_given_names() -> frozenset[str]:
    """Given names that are rarely anything else: at a sentence's start before a lower-case word ("Tyler in my
    4th period ...") they are a person; in lower case they are with a cue ("ask tyler", "tyler said").

    Examples
    --------
    >>> "tyler" in plain_given_names(), "olive" in plain_given_names(), "sage" in plain_given_names()
    (True, False, False)
    """
    rank, share = word_rank(), _first_shares()

    def plain(name: str) -> bool:
        r = rank.get(name, PLAIN_RANK)
        return r >= PLAIN_RANK or share.get(name, 0.0) >= (FREQUENT_WORD_SHARE if r < 10_000 else COMMON_SHARE)

    return frozenset(n for n in given_names() if plain(n))


@lru_cache(maxsize=1)
def all_surnames() -> frozenset[str]:
    """Every census surname, everyday words included ("Miles", "Young"), lower case."""
    return frozenset(_census("dist.all.last"))


@lru_cache(maxsize=1)
def person_words() -> frozenset[str]:
    """Every given name and surname of the lists, lower case."""
    return all_given_names() | all_surnames()


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """The census surnames that are not everyday words: after a given name in lower case they make a full name
    ("gregory murphy").

    Examples
    --------
    >>> "murphy" in surnames(), "young" in surnames()
    (True, False)
    """
    rank = word_rank()
    return frozenset(n for n in all_surnames()
                     if n not in COMMON_WORD_NAMES and rank.get(n, EVERYDAY_RANK) >= EVERYDAY_RANK)


def load() -> None:
    """Read every list now (about half a second, once per process), so that the first text redacted does not pay
    for it: the detector calls this when it is built."""
    given_names(), plain_given_names(), surnames(), person_words(), english_words()
