"""Find personal information in free text: e-mails, phones, URLs, addresses and the program's own names.

This is the detection half of redaction. The clean stage uses it to count free-text cells that hold
personal data (the data-quality log's ``pii_in_free_text``); free text itself never reaches
``data_processed/`` until the anonymize stage redacts it.

Names come from the program's rosters (a *gazetteer*), not from a statistical model, so detection is
offline and explainable. Matching is accent-insensitive ("Jose" finds "José"). Surnames and full
names match in any case; a first name alone must be capitalised, because many first names are also
words ("Hope", "Will", "Grant", "May"). Titles before a capitalised word ("Ms. Gonzalez",
"Dr. O'Neil") are names even when the person is on no roster.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["fold", "PiiDetector", "PATTERNS", "RosterNames", "COMMON_WORD_NAMES"]

#: Pattern name → compiled regular expression for identifiers with a recognisable shape.
PATTERNS: dict[str, re.Pattern[str]] = {
    "email": re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.I),
    "email_spelled": re.compile(
        r"\b[\w.+-]+\s*(?:\(at\)|\[at\]|\bat\b)\s*[\w-]+(?:\s*(?:\(dot\)|\[dot\]|\bdot\b)\s*[\w-]+)+", re.I),
    "phone": re.compile(r"(?<![\w-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-]?)\d{3}[\s.-]?\d{4}(?![\w-])"),
    "url": re.compile(r"\b(?:https?://|www\.)\S+", re.I),
    "street_address": re.compile(
        r"\b\d{1,5}\s+(?:[A-Z][a-z]+\s){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Ln|Lane|Dr|Drive|Ct|Court|Way)\b\.?"),
    "titled_name": re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Dr|Miss|Principal|Coach|Superintendent)\.?\s+[A-Z][\w'’-]+"),
}

_BEFORE = r"(?<![\w'’-])"  # not inside a longer word or name
_AFTER = r"(?![\w-])"  # a possessive ('s) may follow


def fold(text: str) -> str:
    """Strip accents (NFKD, combining marks removed): "José Núñez" → "Jose Nunez".

    Examples
    --------
    >>> print(fold("José O’Neil-Núñez"))
    Jose O’Neil-Nunez
    """
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


@dataclass(frozen=True)
class RosterNames:
    """The people and places a program's own files name: the gazetteer behind detection and redaction.

    ``first`` and ``last`` are single names; ``full`` holds whole names ("Will Osei", "LAST, First"),
    one per person; ``places`` holds school and district names.
    """

    first: tuple[str, ...] = ()
    last: tuple[str, ...] = ()
    full: tuple[str, ...] = ()
    places: tuple[str, ...] = ()


def _alternation(words: Iterable[str]) -> str:
    uniq = sorted({fold(w).strip() for w in words if w and len(w.strip()) >= 2}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in uniq)


#: Names that are also everyday words (or months): a capitalised match counts only with more
#: evidence (a title before it, a possessive or a capitalised surname after it, not starting a
#: sentence).
COMMON_WORD_NAMES = frozenset("""
hope will grant young may joy mark frank rose faith grace june april august dawn summer autumn page price
rich love king bell lane hall banks long white black brown green gray grey wood stone strong law chase
major rice cook baker miller hunter bishop carpenter fisher mason porter ward wells west north south
bill sunny star storm river sky art bud chip drew gene guy jack jay jean lee ray rob
""".split())

_SELF_IDENTIFYING = re.compile(
    r"\b(?:the only|the first|the sole|the newest|the youngest|the oldest)\b[^.;!?]{0,70}?"
    r"\b(?:in|at|from|on|of)\b\s+(?:the|our|my|a|this)\b[^.;!?]{0,40}", re.I)


@dataclass(frozen=True)
class PiiDetector:
    """A compiled detector for one project's names and places.

    Build it with :meth:`from_names`; call :meth:`kinds` on a text to get the kinds found.

    Examples
    --------
    >>> d = PiiDetector.from_names(first=["Hope", "José", "Deborah"], last=["Young", "Garcia", "Osei"],
    ...                            full=["Hope Young", "José Garcia"], places=["Roosevelt Elementary"])
    >>> sorted(d.kinds("Ask jose garcia at 978-555-0123 about Roosevelt."))
    ['name', 'phone', 'place']
    >>> d.kinds("We hope to meet again. Hope the schedule holds.")
    set()
    >>> sorted(d.kinds("Deb and JOSÉ led it; hope g. took notes."))
    ['name']
    >>> sorted(d.kinds("I am the only bilingual AP in the district."))
    ['self_identifying']
    """

    full: re.Pattern[str] | None
    single: re.Pattern[str] | None
    initial: re.Pattern[str] | None
    common: frozenset[str]
    places: re.Pattern[str] | None

    @classmethod
    def from_roster(cls, names: RosterNames, *, nicknames: bool = True) -> PiiDetector:
        """Build from a :class:`RosterNames`."""
        return cls.from_names(first=names.first, last=names.last, full=names.full, places=names.places,
                              nicknames=nicknames)

    @classmethod
    def from_names(cls, *, first: Iterable[str] = (), last: Iterable[str] = (), full: Iterable[str] = (),
                   places: Iterable[str] = (), nicknames: bool = True) -> PiiDetector:
        first, last, full, places = list(first), list(last), list(full), list(places)
        firsts = set(first)
        if nicknames:
            firsts |= _nicknames(first)
        singles = [w for w in [*firsts, *last] if w]
        place_words = list(places) + [_short_place(p) for p in places]
        f_alt, s_alt, fi_alt, p_alt = (_alternation(full), _alternation(singles), _alternation(firsts),
                                       _alternation(place_words))
        return cls(
            full=re.compile(rf"{_BEFORE}(?:{f_alt}){_AFTER}", re.I) if f_alt else None,
            # Case decides below: a single name must be Capitalised or ALL CAPS.
            single=re.compile(rf"{_BEFORE}(?:{s_alt}){_AFTER}", re.I) if s_alt else None,
            initial=re.compile(rf"{_BEFORE}(?:{fi_alt})\s+[a-z]\.(?!\w)", re.I) if fi_alt else None,
            common=frozenset(w.casefold() for w in singles if fold(w).casefold() in COMMON_WORD_NAMES),
            places=re.compile(rf"{_BEFORE}(?:{p_alt}){_AFTER}", re.I) if p_alt else None,
        )

    def confirmed_names(self, texts: Iterable[object]) -> frozenset[str]:
        """Everyday-word first names that appear in a full name somewhere in ``texts``.

        Once a document says "Hope Cooper", a capitalised "Hope" elsewhere in it is that person,
        even at the start of a sentence. Pass the result to :meth:`kinds` as ``confirmed``.
        """
        out: set[str] = set()
        if self.full is None or not self.common:
            return frozenset()
        for text in texts:
            if isinstance(text, str):
                for m in self.full.finditer(fold(text)):
                    out |= {w.casefold() for w in m.group(0).split() if w.casefold() in self.common}
        return frozenset(out)

    def kinds(self, text: object, *, confirmed: frozenset[str] = frozenset()) -> set[str]:
        """The kinds of personal information found in ``text`` (empty set if none).

        ``confirmed``: everyday-word names known to name a person in this document
        (:meth:`confirmed_names`).
        """
        if not isinstance(text, str) or not text.strip():
            return set()
        found = {name if not name.startswith("email") else "email" for name, rx in PATTERNS.items()
                 if name != "titled_name" and rx.search(text)}
        folded = fold(text)
        if _SELF_IDENTIFYING.search(folded):
            found.add("self_identifying")
        if (PATTERNS["titled_name"].search(folded)
                or (self.full is not None and self.full.search(folded))
                or (self.initial is not None and self.initial.search(folded))
                or (self.single is not None
                    and any(self._is_name(folded, m, confirmed) for m in self.single.finditer(folded)))):
            found.add("name")
        if self.places is not None and self.places.search(folded):
            found.add("place")
        return found

    def _is_name(self, text: str, m: re.Match[str], confirmed: frozenset[str] = frozenset()) -> bool:
        word = m.group(0)
        if not (word.isupper() and len(word) > 1) and not word[:1].isupper():
            return False  # "will", "hope": lower-case words are not names on their own
        if word.casefold() not in self.common or word.casefold() in confirmed:
            return True
        before = text[: m.start()].rstrip()
        after = text[m.end():]
        sentence_start = not before or before[-1] in ".!?:;\"'("
        titled = bool(re.search(r"\b(?:Mr|Mrs|Ms|Mx|Dr|Miss)\.?$", before))
        possessive = after.startswith(("'s", "’s"))
        if before.endswith("(") and after.lstrip().startswith(")"):
            return True  # a quote's attribution: "(Hope)"
        nxt = re.match(r"\s+([A-Z][a-z'’-]+)", after)
        # "Mark Grant shared ...": two known names in a row are a person even at a sentence start.
        known_next = bool(nxt and self.single is not None and self.single.fullmatch(nxt.group(1)))
        return (titled or possessive or known_next or (nxt is not None and not sentence_start)
                or (word.isupper() and len(word) > 2))


def _nicknames(first: Iterable[str]) -> set[str]:
    """Common nicknames of the given first names ("Deb" for Deborah), from the nicknames package."""
    try:
        from nicknames import NickNamer
    except ImportError:  # pragma: no cover - a declared dependency; degrade to exact names
        return set()
    nn = NickNamer()
    out: set[str] = set()
    for name in first:
        for nick in nn.nicknames_of(fold(name).casefold()):
            if len(nick) >= 3:
                out.add(nick.title())
    return out


_PLACE_WORDS = re.compile(
    r"\b(elementary|middle|high|k-8|k8|school|academy|public schools|schools|district|regional|charter|community)\b.*$",
    re.I)


def _short_place(name: str) -> str:
    """The short form people type: "Roosevelt" for "Roosevelt Elementary School"."""
    short = _PLACE_WORDS.sub("", name).strip(" -,")
    return short if len(short) >= 4 else name
