"""Redact free text offline: names, schools, e-mails, phones, URLs and street addresses become placeholders.

Redaction runs the clean stage's detector (:class:`~evalkit.pii.PiiDetector`), so what the
quality log counts and what is redacted come from one engine. Each span found is replaced by a typed
placeholder ("[PERSON]", "[SCHOOL]", "[EMAIL]", "[PHONE]", "[URL]", "[ADDRESS]"). A comment holding a
self-identifying phrase ("the only Spanish-speaking AP in the district", "as the principal at ...") is
redacted too, but flagged ``needs_review``: it goes to a person's review queue, never straight to a report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from evalkit.pii import PiiDetector, RosterNames, Span

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Redaction", "Redactor", "Span", "redact", "PLACEHOLDERS"]

#: Span label → the placeholder that replaces it. ``SELF_ID`` spans are not replaced; they flag review.
PLACEHOLDERS = {"PERSON": "[PERSON]", "EMAIL": "[EMAIL]", "PHONE": "[PHONE]", "URL": "[URL]",
                "ADDRESS": "[ADDRESS]", "SCHOOL": "[SCHOOL]"}
_PLACEHOLDER = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS.values()))
_CACHE_SIZE = 65_536


@dataclass(frozen=True)
class Redaction:
    """One redacted text.

    Attributes
    ----------
    text : str
        The text with every span replaced by its placeholder (``SELF_ID`` phrases stay in place).
    spans : tuple of Span
        What was found, on the *original* text: ``original[s.start:s.end]``.
    needs_review : bool
        True when a self-identifying phrase was found: the comment must go to the review queue.
    """

    text: str
    spans: tuple[Span, ...]
    needs_review: bool

    @property
    def labels(self) -> tuple[str, ...]:
        """The distinct span labels, sorted."""
        return tuple(sorted({s.label for s in self.spans}))


@dataclass(frozen=True, eq=False)
class Redactor:
    """Redacts texts with one compiled detector; build it once per project with :meth:`from_roster`.

    Examples
    --------
    >>> from evalkit.pii import RosterNames
    >>> names = RosterNames(first=("Deborah", "Hope"), last=("Gonzalez", "Cooper"),
    ...                     full=("Deborah Gonzalez", "Hope Cooper"), places=("Roosevelt Elementary",))
    >>> r = Redactor.from_roster(names)
    >>> r.redact("Deb and Ms. Gonzalez's team at Roosevelt: call 978-555-0123.").text
    "[PERSON] and [PERSON]'s team at [SCHOOL]: call [PHONE]."
    >>> r.redact("I hope we grant more time in May.").spans
    ()
    >>> red = r.redact("As the only Spanish-speaking AP in the district, I rely on Hope.")
    >>> red.needs_review, red.text
    (True, 'As the only Spanish-speaking AP in the district, I rely on [PERSON].')
    """

    detector: PiiDetector
    _cache: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def from_roster(cls, names: RosterNames, *, nicknames: bool = True, token_model: bool = True,
                    review_model: bool = True, public: Iterable[str] = ()) -> Redactor:
        """A redactor for the people and places in ``names``.

        Build ``names`` with :func:`~evalkit.clean.checks.collect_roster_names`.

        Parameters
        ----------
        names : RosterNames
            First names, surnames, full names and school or district names.
        nicknames : bool, default True
            Also match common nicknames of the first names ("Deb" for Deborah).
        token_model : bool, default True
            Read the words the rules leave again with the words' model (:mod:`evalkit.token_model`): a name no
            list holds, said as names are ("Tev was a good sport"). False: the rules alone.
        review_model : bool, default True
            Read each comment the rules do not send to review again with the comments' model
            (:mod:`evalkit.review_model`): one that describes someone well enough to identify them ("the retired
            superintendent the network hired") goes to review too. False: the rules' phrases alone.
        public : iterable of str, optional
            Names that are public in this project ("Franco Harris", "Acrisure Stadium"): a person or place found
            inside one is not redacted (:meth:`~evalkit.pii.PiiDetector.with_public`). None may be a roster name.
        """
        if not isinstance(names, RosterNames):
            raise TypeError(f"Redactor.from_roster: names must be a RosterNames; got {type(names).__name__}")
        if not isinstance(nicknames, bool):
            raise TypeError(f"Redactor.from_roster: nicknames must be True or False; got {nicknames!r}")
        detector = PiiDetector.from_roster(names, nicknames=nicknames, token_model=token_model,
                                           review_model=review_model)
        return cls(detector.with_public(public) if public else detector)

    def redact(self, text: str, *, confirmed: frozenset[str] = frozenset()) -> Redaction:
        """Redact one text.

        Parameters
        ----------
        text : str
            The text. Placeholders already in it are left alone, so redacting twice changes nothing.
        confirmed : frozenset of str, optional
            Everyday-word names known to name a person in this document
            (:meth:`~evalkit.pii.PiiDetector.confirmed_names`); each text confirms its own.

        Returns
        -------
        Redaction
        """
        if not isinstance(text, str):
            raise TypeError(f"Redactor.redact: text must be a str; got {type(text).__name__}")
        key = (text, confirmed)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._redact(text, confirmed)
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            self._cache[key] = hit
        return hit

    def _redact(self, text: str, confirmed: frozenset[str]) -> Redaction:
        spans = self.detector.find(text, confirmed=confirmed)
        if spans and "[" in text:  # never re-detect inside an earlier run's placeholders
            held = [m.span() for m in _PLACEHOLDER.finditer(text)]
            spans = [s for s in spans if s.label == "SELF_ID"
                     or not any(s.start < e and b < s.end for b, e in held)]
        parts: list[str] = []
        pos = 0
        for s in spans:
            if s.label == "SELF_ID":
                continue
            parts += [text[pos:s.start], PLACEHOLDERS[s.label]]
            pos = s.end
        parts.append(text[pos:])
        return Redaction("".join(parts), tuple(spans), any(s.label == "SELF_ID" for s in spans))

    def redact_series(self, s: pd.Series, *, document_level: bool = False) -> pd.DataFrame:
        """Redact every cell of a text column; each distinct text is redacted once.

        Parameters
        ----------
        s : pandas.Series
            The texts. Missing values stay missing; other non-text values are redacted as text.
        document_level : bool, default False
            The cells are one document (a note file's lines): a name confirmed as a person in one
            cell ("Hope Cooper") counts as a name in every cell. Otherwise each cell is its own.

        Returns
        -------
        pandas.DataFrame
            Same index as ``s``; columns ``text`` (redacted), ``needs_review`` (bool), ``n_spans``
            (int, spans found including ``SELF_ID``) and ``labels`` (sorted, ";"-joined; "" if none).
        """
        import pandas as pd

        if not isinstance(s, pd.Series):
            raise TypeError(f"Redactor.redact_series: s must be a pandas Series; got {type(s).__name__}")
        if not isinstance(document_level, bool):
            raise TypeError("Redactor.redact_series: document_level must be True or False; "
                            f"got {document_level!r}")
        import numpy as np

        present = s.notna().to_numpy()
        values = s.to_numpy(dtype=object)
        texts = [v if isinstance(v, str) else str(v) for v in values[present]]
        uniq = list(dict.fromkeys(texts))
        confirmed = self.detector.confirmed_names(uniq) if document_level else frozenset()
        done = {t: self.redact(t, confirmed=confirmed) for t in uniq}
        # columns built as arrays and the frame made once: per-cell pandas assignment cost more than redaction
        reds = [done[t] for t in texts]
        text = values.copy()
        text[present] = [r.text for r in reds]
        needs = np.zeros(len(s), dtype=bool)
        needs[present] = [r.needs_review for r in reds]
        n_spans = np.zeros(len(s), dtype="int64")
        n_spans[present] = [len(r.spans) for r in reds]
        labels = np.full(len(s), "", dtype=object)
        labels[present] = [";".join(r.labels) for r in reds]
        # object columns as before: missing texts stay as they were (None stays None), whatever pandas would infer
        return pd.DataFrame({"text": pd.Series(text, index=s.index, dtype=object), "needs_review": needs,
                             "n_spans": n_spans, "labels": pd.Series(labels, index=s.index, dtype=object)})


@lru_cache(maxsize=4)
def _redactor(roster: RosterNames) -> Redactor:
    return Redactor.from_roster(roster)


def redact(text: str, roster: RosterNames) -> Redaction:
    """Redact one text against a roster (the compiled redactor is reused for the same roster).

    Examples
    --------
    >>> from evalkit.pii import RosterNames
    >>> redact("Email jwhit at bps dot org or Dr. O'Neil.", RosterNames()).text
    'Email [EMAIL] or [PERSON].'
    """
    if not isinstance(roster, RosterNames):
        raise TypeError(f"redact: roster must be a RosterNames; got {type(roster).__name__}")
    return _redactor(roster).redact(text)
