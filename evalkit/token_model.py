"""The words the rules leave that still read as personal: a small linear model over each word and its neighbours.

The rules of :mod:`evalkit.pii` find names by lists and by what is said around them, one case at a time; what they
leave is a long tail that no list holds ("coaching with tess", "Rep. Harlan Voss", "Angelo Ramos, Sinai Perez"). This
module reads each word the rules left once more and gives the chance that it is part of a person's name, a school's
or an address, from features of the word (its shape, whether the census, the SSA or a world list holds it as a given
name or a surname, how frequent an English word it is, its ending) and of its context (the words on either side and
whether the rules redacted them, the punctuation around it, whether it starts a sentence, whether the rules redacted
the same word elsewhere, whether the text is all capitals).

The model is a multinomial logistic regression; its coefficients ship in ``data/token_model.json.gz`` and are read
with the standard library (no scikit-learn at run time, nothing downloaded). ``tools/train_token_model.py`` fits it
with scikit-learn on the *tune* halves of the labelled corpora in ``benchmarks/redact_corpus`` and chooses the
threshold by cross-validation over whole corpora (a corpus's comments are never split between training and
scoring); the held-out halves and the corpora kept blind are never read by it. Turn it off with
``PiiDetector.from_roster(..., token_model=False)``.

Scores: for word features :math:`x` and class weights :math:`w_k, b_k` (classes O, PERSON, SCHOOL, ADDRESS),

.. math:: P(k \\mid x) = \\frac{\\exp(b_k + w_k \\cdot x)}{\\sum_j \\exp(b_j + w_j \\cdot x)}

and a word is redacted when :math:`1 - P(O \\mid x)` reaches the threshold, with the label of its likeliest other
class (Hastie, Tibshirani & Friedman, *The Elements of Statistical Learning*, 2nd ed., 2009, section 4.4; the
features are binary, so :math:`w_k \\cdot x` is the sum of the weights of the features present).
"""

from __future__ import annotations

import gzip
import importlib.resources
import json
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from evalkit.namelists import (
    EVERYDAY_RANK,
    _first_shares,
    _last_shares,
    all_given_names,
    person_words,
    place_names,
    spanish_words,
    word_rank,
    world_given_names,
)

__all__ = ["CLASSES", "FEATURES_VERSION", "TokenModel", "candidates", "load_model", "tokens"]

#: The classes, "O" first (no one's).
CLASSES = ("O", "PERSON", "SCHOOL", "ADDRESS")
#: Changes whenever :func:`candidates` or its features change: a model trained on other features is refused.
FEATURES_VERSION = 2
_MODEL_FILE = "data/token_model.json.gz"
#: A word: letters of any script, joined by an apostrophe, an ʻokina or a hyphen ("O'Neil", "Kaur-Bassi"); a
#: possessive's "'s" is no part of it ("Lee's": "Lee").
_TOKEN = re.compile(r"[^\W\d_]+(?:['’ʻ-](?![sS]\b)[^\W\d_]+)*")
#: A placeholder of a text redacted before (those of :data:`evalkit.anonymize.redaction.PLACEHOLDERS`, which a test
#: checks against these): neither it nor a word within two of it is read again (the features reach two words each
#: side, and those words were read the first time, beside what the placeholder replaced), and the text's case is
#: read without them, so redacting a redacted text adds nothing.
_PLACEHOLDER = re.compile(r"\[(?:PERSON|SCHOOL|ADDRESS|EMAIL|PHONE|URL)\]")
#: Between a name's words, for a word that comes with its neighbour: spaces, a hyphen or an apostrophe (never a
#: stop: "Plan B. Okoro agreed").
_BETWEEN_NAMES = re.compile(r"[ \t'’ʻ-]{1,3}")
#: Between two redacted words, what one span may hold: what stands between a name's words ("Tin Tin Aye") or an
#: initial's stop ("H. Bush", never a sentence's: "Ms. Gaines. Tsige added"); a comma too between two names
#: ("FLORES, MARITZA").
_JOINABLE = re.compile(_BETWEEN_NAMES.pattern + r"|(?<=(?<![^\W\d_])[A-Za-z])\.[ \t]?")
_JOINABLE_COMMA = re.compile(r"[ \t]*,[ \t]*")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n][\s\"'’)]*)$")
#: Lower-case words at least this frequent are never read (the commonest words are no one: "the", "about", "team")
#: unless a name list holds them ("hope", "will").
_COMMONEST = 1000
_LEXICAL_CACHE = 131_072   # (words and neighbours' sums kept per model; emptied when full)


def _bucket(value: float, edges: tuple[float, ...]) -> str:
    for edge in edges:
        if value < edge:
            return str(edge)
    return "top"


def _shape(word: str) -> str:
    if word.isupper():
        return "X" if len(word) > 1 else "X1"
    if word.islower():
        return "x"
    return "Xx" if word[0].isupper() and word[1:].islower() else "mixed"


def tokens(folded: str) -> list[tuple[int, int, str]]:
    """The words of a (folded) text as ``(start, end, word)``.

    Examples
    --------
    >>> tokens("Ask Kaur-Bassi, O'Neil.")
    [(0, 3, 'Ask'), (4, 14, 'Kaur-Bassi'), (16, 22, "O'Neil")]
    """
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(folded)]


@lru_cache(maxsize=65_536)
def _word_features(word: str) -> tuple[str, ...]:
    """What a word is, whatever its neighbours: its shape, the lists that hold it, its frequency and its ending."""
    low = word.lower()
    feats = ["w=" + low, "shape=" + _shape(word), "len=" + _bucket(len(word), (2, 3, 5, 8))]
    given = low in all_given_names()
    for name, holds in (("given", given), ("world", low in world_given_names()), ("surname", low in _last_shares()),
                        ("place", low in place_names()), ("spanish", low in spanish_words())):
        if holds:
            feats.append(name)
    feats.append("rank=" + _bucket(word_rank().get(low, 10**7), (100, 1000, 5000, 30_000, 10**6)))
    feats.append("given_share=" + _bucket(_first_shares().get(low, 0.0), (0.0001, 0.005, 0.05, 0.5)))
    feats.append("surname_share=" + _bucket(_last_shares().get(low, 0.0), (0.0001, 0.001, 0.01, 0.1)))
    if len(low) > 3:
        feats += ["suffix3=" + low[-3:], "suffix2=" + low[-2:], "prefix3=" + low[:3]]
    feats.append(f"given|shape={given}|{_shape(word)}")
    return tuple(feats)


@lru_cache(maxsize=65_536)
def _named(low: str) -> bool:
    """Whether a name list holds the word (lower case) as a given name or a surname."""
    return low in person_words() or low in world_given_names()


@lru_cache(maxsize=65_536)
def _read(word: str) -> bool:
    """Whether a word left by the rules is read at all: a single letter only as a capital ("J"), and every longer
    word but the commonest lower-case ones that no name list holds ("the", "team"; never "hope")."""
    if len(word) < 2:
        return word.isupper()
    low = word.lower()
    return not (word.islower() and word_rank().get(low, 10**7) < _COMMONEST and low not in person_words())


def _holding(words: list[tuple[int, int, str]], spans) -> list[str | None]:
    """For each word, the label of the span that holds all of it, "part" if one holds some of it, else None.

    One pass: the words are in order and the spans are sorted by start, so a span that ends before a word is never
    looked at again (a text of many spans stays linear)."""
    spans = sorted(spans)
    out: list[str | None] = []
    k, n = 0, len(spans)
    for start, end, _ in words:
        while k < n and spans[k][1] <= start:
            k += 1
        found = None
        j = k
        while j < n and spans[j][0] < end:
            s, e, label = spans[j][0], spans[j][1], spans[j][2]
            if s <= start and end <= e:
                found = label
                break
            if start < e:
                found = "part"
            j += 1
        out.append(found)
    return out


def candidates(folded: str, spans: list[tuple[int, int, str]], terms: Mapping[str, int], *, every: bool = False,
               unread: Callable[[int, int, str], bool] | None = None) -> list[tuple[int, int, list[str]]]:
    """The words of ``folded`` that no span of ``spans`` holds whole, with their features: ``(start, end, features)``.

    ``terms`` maps the roster's written forms (lower case) to their kind bits (:class:`evalkit.pii.PiiDetector`'s
    ``terms``): a word of the roster says so. ``every=True`` gives the words the spans hold too (for fitting: the
    model learns what a name looks like from every name, the rules' finds included, and reads only what they left).
    ``unread(start, end, word)`` true: the word is not read (the detector's say: a title alone, a public name's word).

    Examples
    --------
    >>> [(s, e, f[0]) for s, e, f in candidates("Tev was a good sport.", [], {})]
    [(0, 3, 'w=tev'), (10, 14, 'w=good'), (15, 20, 'w=sport')]
    """
    return [(start, end, [*_word_features(word), *context, *(f for tag, other in roles for f in _role(tag, other))])
            for start, end, word, context, roles in _read_words(folded, spans, terms, every, unread)]


@lru_cache(maxsize=65_536)
def _role(tag: str, word: str) -> tuple[str, str]:
    """A neighbour's features: the word beside (``tag`` "w-1", "w+2", ...) and its shape."""
    return f"{tag}={word.lower()}", f"{tag}.shape={_shape(word)}"


def _read_words(folded: str, spans: list[tuple[int, int, str]], terms: Mapping[str, int], every: bool,
                unread: Callable[[int, int, str], bool] | None):
    """``(start, end, word, context features, neighbours)`` of each word read (see :func:`candidates`); the
    neighbours as ``(tag, word)``, whose features :func:`_role` gives."""
    words = tokens(folded)
    if not words:
        return
    held = _holding(words, spans) if spans else [None] * len(words)
    placed = None
    bare = folded
    if "[" in folded and (shown := [(*m.span(), "shown") for m in _PLACEHOLDER.finditer(folded)]):
        placed = _holding(words, shown)
        bare = _PLACEHOLDER.sub("", folded)   # (the text's case as it was before it was redacted)
    style = "style=upper" if bare.isupper() else "style=lower" if bare.islower() else "style=mixed"
    redacted: dict[str, list[tuple[int, str]]] = {}
    for j, ((_, _, w), h) in enumerate(zip(words, held, strict=True)):
        if h not in (None, "part"):
            redacted.setdefault(w.lower(), []).append((j, h))
    last = len(words) - 1
    for i, (start, end, word) in enumerate(words):
        if held[i] not in (None, "part") and not every or not _read(word):
            continue
        if placed is not None and any(placed[max(0, i - 2):i + 3]) or unread is not None and unread(start, end, word):
            continue
        feats = [style]
        if held[i] == "part":
            feats.append("held=part")
        if bits := terms.get(word.lower(), 0):
            feats += [f"roster={bit}" for bit in (1, 2, 4, 8, 16) if bits & bit]
        starts = _SENTENCE_END.search(folded, max(0, start - 6), start) is not None
        if starts:
            feats.append("sentence_start")
        shape = _shape(word)
        # (a linear model weighs a pair only as a pair: a capital in mid-sentence is not one at a sentence's start)
        feats.append(f"shape|start={shape}|{starts}")
        if (other := next((h for j, h in redacted.get(word.lower(), ()) if j != i), None)) is not None:
            feats.append("redacted_elsewhere=" + other)   # (the same word redacted elsewhere in the text)
        feats.append("before=" + (folded[start - 1] if start else "^"))
        feats.append("after=" + (folded[end] if end < len(folded) else "$"))
        roles = []
        for offset, tag in ((-2, "w-2"), (-1, "w-1"), (1, "w+1"), (2, "w+2")):
            j = i + offset
            if 0 <= j <= last:
                roles.append((tag, words[j][2]))
                feats.append(f"{tag}.held={held[j]}")
            else:
                feats.append(f"{tag}=none")
        feats.append(f"shape|w-1={shape}|{words[i - 1][2].lower() if i else '^'}")
        feats.append(f"shape|w+1={shape}|{words[i + 1][2].lower() if i < last else '$'}")
        yield start, end, word, feats, roles


@dataclass(frozen=True)
class TokenModel:
    """A fitted model: class biases, feature weights and the threshold above which a word is redacted.

    Attributes
    ----------
    bias : tuple of float
        One per class of :data:`CLASSES`.
    weights : mapping of str to tuple of float
        Each feature's weight for each class (features absent weigh nothing).
    threshold : float
        A word is redacted when its chance of being no one's, :math:`P(O)`, is at most ``1 - threshold``.
    meta : dict
        How it was trained (corpora, regularization, cross-validated scores), for the record.

    Examples
    --------
    >>> m = TokenModel(bias=(3.0, 0.0, 0.0, 0.0), weights={"w=tev": (0.0, 6.0, 0.0, 0.0)}, threshold=0.5)
    >>> m.proba(["w=tev"])[1] > 0.8, m.proba(["w=team"])[0] > 0.8
    (True, True)
    """

    bias: tuple[float, ...]
    weights: Mapping[str, tuple[float, ...]] = field(repr=False)
    threshold: float = 0.5
    meta: dict = field(default_factory=dict, repr=False, compare=False)
    _cache: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    _lookup: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.bias) != len(CLASSES) or any(len(w) != len(CLASSES) for w in self.weights.values()):
            raise ValueError(f"TokenModel: one bias and one weight per class of {CLASSES} are needed")
        lookup = dict(self.weights)   # (a plain dict to look weights up in: faster than the read-only view)
        object.__setattr__(self, "_lookup", lookup)
        if not isinstance(self.weights, MappingProxyType):   # (read-only: the sums kept in _cache stay true)
            object.__setattr__(self, "weights", MappingProxyType(lookup))

    def proba(self, features: list[str]) -> list[float]:
        """The chance of each class of :data:`CLASSES` for one word's features (a softmax of the class scores)."""
        return _softmax(self._sum(self.bias, features))

    def _sum(self, start: tuple[float, ...], features) -> tuple[float, ...]:
        z0, z1, z2, z3 = start
        get = self._lookup.get
        for f in features:
            if (w := get(f)) is not None:
                z0, z1, z2, z3 = z0 + w[0], z1 + w[1], z2 + w[2], z3 + w[3]
        return z0, z1, z2, z3

    def extend(self, folded: str, spans: list[tuple[int, int, str]], terms: Mapping[str, int], *,
               unread: Callable[[int, int, str], bool] | None = None) -> list[tuple[int, int, str]]:
        """``spans`` with the words the model reads as personal added, joined to the spans they touch (``terms``
        and ``unread`` as for :func:`candidates`).

        A word kept brings a capitalised neighbour with it when a name list holds the neighbour, when it is no
        everyday English word, or when it is more likely someone's than no one's ("We met Yves Haddad" never
        becomes "Yves [PERSON]"); a name the rules found brings only the last kind ("Yves" of "sign-in: Yves
        [Haddad]"). Two sweeps, one each way: a name of many words comes whole and a text stays linear."""
        scored = self.scores(folded, spans, terms, unread=unread)
        labels: list[str | None] = [CLASSES[max(range(1, len(CLASSES)), key=p.__getitem__)]
                                    if 1.0 - p[0] >= self.threshold else None for _, _, p in scored]
        person = [(s, e) for s, e, label in spans if label == "PERSON"]
        if not any(labels) and not person:
            return spans
        starts, ends = {s for s, _ in person}, {e for _, e in person}
        caps = folded.isupper()

        def could(start: int, end: int, p: list[float]) -> bool:
            # (a name's word is capitalised as the text is: "Yves", or "YVES" in a text in capitals, never a role's
            # letters beside a name, "TL Marisol Lopez", nor a single letter)
            word = folded[start:end]
            return (_shape(word) == "Xx" or caps and len(word) > 1) and (
                p[0] <= 0.5 or _named(low := word.lower()) or word_rank().get(low, 10**7) >= EVERYDAY_RANK)

        last = len(scored) - 1
        for order in (range(last + 1), range(last, -1, -1)):
            for i in order:
                if labels[i] is not None:
                    continue
                start, end, p = scored[i]
                # (cheap tests first: a name the rules found ends or starts within three characters, or a
                # neighbour is kept)
                by_rule = p[0] <= 0.5 and (any(end + k in starts for k in (1, 2, 3))
                                           or any(start - k in ends for k in (1, 2, 3)))
                by_word = i and labels[i - 1] == "PERSON" or i < last and labels[i + 1] == "PERSON"
                if not (by_rule or by_word) or not could(start, end, p):
                    continue
                after = _BETWEEN_NAMES.match(folded, end)
                if by_rule and (after is not None and after.end() in starts
                                or any(_BETWEEN_NAMES.fullmatch(folded, e, start)
                                       for e in range(max(0, start - 3), start) if e in ends)):
                    labels[i] = "PERSON"
                    continue
                for j in (i - 1, i + 1):
                    if 0 <= j <= last and labels[j] == "PERSON" and _BETWEEN_NAMES.fullmatch(
                            folded, *((scored[j][1], start) if j < i else (end, scored[j][0]))) is not None:
                        labels[i] = "PERSON"
                        break
        found = [(start, end, label) for (start, end, _), label in zip(scored, labels, strict=True) if label]
        return _joined(folded, spans, found) if found else spans

    def scores(self, folded: str, spans: list[tuple[int, int, str]], terms: Mapping[str, int], *,
               unread: Callable[[int, int, str], bool] | None = None) -> list[tuple[int, int, list[float]]]:
        """Each word read (:func:`candidates`) as ``(start, end, chances of the classes)``.

        The same sums as :meth:`proba` of :func:`candidates`' features, with a word's own features and each
        neighbour's summed once per word and kept (a test checks the two agree)."""
        cache = self._cache
        get = self._lookup.get
        out = []
        for start, end, word, context, roles in _read_words(folded, spans, terms, False, unread):
            if (z := cache.get(word)) is None:   # (a word's own features weigh the same wherever it is)
                if len(cache) >= _LEXICAL_CACHE:
                    cache.clear()
                z = cache[word] = self._sum(self.bias, _word_features(word))
            z0, z1, z2, z3 = z
            for role in roles:
                if (v := cache.get(role)) is None:
                    if len(cache) >= _LEXICAL_CACHE:
                        cache.clear()
                    v = cache[role] = self._sum((0.0, 0.0, 0.0, 0.0), _role(*role))
                z0, z1, z2, z3 = z0 + v[0], z1 + v[1], z2 + v[2], z3 + v[3]
            for f in context:
                if (v := get(f)) is not None:
                    z0, z1, z2, z3 = z0 + v[0], z1 + v[1], z2 + v[2], z3 + v[3]
            out.append((start, end, _softmax((z0, z1, z2, z3))))
        return out


def _softmax(z: tuple[float, ...]) -> list[float]:
    top = max(z)
    ez = [math.exp(v - top) for v in z]
    total = sum(ez)
    return [v / total for v in ez]


def _joined(folded: str, spans: list[tuple[int, int, str]], found: list[tuple[int, int, str]]
            ) -> list[tuple[int, int, str]]:
    """The rules' spans and the model's words as one sorted list. A word that overlaps a span joins it, and so does
    one of the same label next to it ("Tin Tin Aye", "H. Bush", "FLORES, MARITZA"), on either side ("Angelo Ramos,
    Sinai Perez": the word joins the name before it and the one after); the rules' label wins, and a rule's span of
    another label stays apart. Two of the rules' spans side by side stay as the rules left them."""
    merged: list[list] = []   # [start, end, label, from the rules, its last piece from the rules]
    for s, e, label, ruled in sorted([(s, e, lab, True) for s, e, lab in spans]
                                     + [(s, e, lab, False) for s, e, lab in found]):
        if merged and ruled and merged[-1][3] and label != merged[-1][2]:
            # (a rule's span of another label after a joined one: each keeps its label, the model's word giving
            # way where they overlap)
            merged[-1][1] = min(merged[-1][1], max(s, merged[-1][0] + 1))
        elif merged and not (ruled and merged[-1][4]):
            prev = merged[-1]
            if s <= prev[1] or label == prev[2] and (_JOINABLE.fullmatch(folded, prev[1], s) is not None
                                                      or label == "PERSON"
                                                      and _JOINABLE_COMMA.fullmatch(folded, prev[1], s) is not None):
                if e > prev[1]:
                    prev[1], prev[4] = e, ruled
                if ruled and not prev[3]:
                    prev[2], prev[3] = label, True
                continue
        merged.append([s, e, label, ruled, ruled])
    return [(s, e, label) for s, e, label, _, _ in merged]


def from_dict(data: dict) -> TokenModel:
    """A :class:`TokenModel` from its stored form (refused when trained on other features or classes)."""
    if data.get("features_version") != FEATURES_VERSION or tuple(data.get("classes", ())) != CLASSES:
        raise ValueError(f"token model: trained on features version {data.get('features_version')} and classes "
                         f"{data.get('classes')}; this evalkit reads version {FEATURES_VERSION} and {CLASSES}. "
                         "Retrain it with tools/train_token_model.py.")
    return TokenModel(bias=tuple(data["bias"]), weights={k: tuple(v) for k, v in data["weights"].items()},
                      threshold=float(data["threshold"]), meta=data.get("meta", {}))


def to_dict(model: TokenModel) -> dict:
    """The stored form of a :class:`TokenModel` (see :func:`from_dict`)."""
    return {"features_version": FEATURES_VERSION, "classes": list(CLASSES), "threshold": model.threshold,
            "bias": list(model.bias), "weights": {k: list(v) for k, v in sorted(model.weights.items())},
            "meta": model.meta}


@lru_cache(maxsize=1)
def load_model() -> TokenModel:
    """The model shipped with evalkit (``data/token_model.json.gz``), read once per process."""
    with importlib.resources.files("evalkit").joinpath(_MODEL_FILE).open("rb") as fh:
        return from_dict(json.loads(gzip.decompress(fh.read())))
