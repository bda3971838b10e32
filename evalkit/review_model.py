"""Comments that describe someone well enough to identify them: a small linear model over a comment's ordinary words.

The rules of :mod:`evalkit.pii` send a comment to review when a phrase identifies its writer or someone else ("the
only bilingual AP in the district", "the coach who filed the complaint"), one shape at a time. This module reads the
whole comment once more and gives the chance that it is such a comment, from the ordinary words in it and the pairs
of words side by side ("the retired superintendent the network hired", "the one Menominee student in the AP class").
What the detector redacts in the comment (names, schools, contacts) is taken out before reading, as placeholders of
an earlier redaction are, so that the model learns how identifying comments are *said*, not who was named in the
comments it was fitted on, and reads a comment and its redaction alike. Of what is left, the words of everyday English
(the frequency list's 100,000 commonest) are read as themselves; any other word counts as one token, ``_w``.

A comment the model flags gets a ``SELF_ID`` span over its whole text (:meth:`evalkit.pii.PiiDetector.find`): it is
sent to the review queue as the rules' phrases are, and nothing in it is replaced. The model only adds: a comment
the rules flag stays flagged.

The model is a logistic regression; its coefficients ship in ``data/review_model.json.gz`` and are read with the
standard library. ``tools/train_review_model.py`` fits it with scikit-learn on the *tune* halves of the labelled
corpora in ``benchmarks/redact_corpus`` and chooses the threshold by cross-validation over whole corpora; the
held-out halves and the corpora kept blind are never read by it. Turn it off with
``PiiDetector.from_roster(..., review_model=False)`` or ``anonymize: {review_model: false}`` in the project file.

Score: for the set of features :math:`F(t)` of a text (its tokens and pairs of adjacent tokens), a bias :math:`b` and
weights :math:`w_f`,

.. math:: P(\\text{review} \\mid t) = \\frac{1}{1 + \\exp(-(b + \\sum_{f \\in F(t)} w_f))}

and the comment is flagged when :math:`P` reaches the threshold (Hastie, Tibshirani & Friedman, *The Elements of
Statistical Learning*, 2nd ed., 2009, section 4.4; binary features, so :math:`w \\cdot x` is the sum of the weights of
the features present).

Examples
--------
>>> m = ReviewModel(bias=-3.0, weights={"the only": 4.0}, threshold=0.5)
>>> features("The only Tongan speaker at [SCHOOL].")
['the', 'only', '_w', 'speaker', 'at', 'the only', 'only _w', '_w speaker', 'speaker at']
>>> features("Ask Dana Reyes, the only Tongan speaker", spans=[(4, 14)])
['ask', 'the', 'only', '_w', 'speaker', 'ask the', 'the only', 'only _w', '_w speaker']
>>> m.proba("The only Tongan speaker at [SCHOOL].") > 0.5, m.proba("The session ran long.") > 0.5
(True, False)
"""

from __future__ import annotations

import gzip
import importlib.resources
import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from evalkit.namelists import word_rank
from evalkit.token_model import _PLACEHOLDER   # (the redactor's placeholders: one pattern, tested against them)

__all__ = ["FEATURES_VERSION", "ReviewModel", "features", "load_model"]

#: Changes whenever :func:`features` changes: a model trained on other features is refused.
FEATURES_VERSION = 2
_MODEL_FILE = "data/review_model.json.gz"
#: Words of the frequency list whose rank is this or better (1 is the commonest) are read as themselves; the rest
#: as ``_w``.
ORDINARY_RANK = 100_000
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def features(text: str, spans: Iterable[tuple[int, int]] = ()) -> list[str]:
    """The model's features of a text: its words (lower case; any word past :data:`ORDINARY_RANK` of the frequency
    list as ``_w``), then each pair of adjacent words joined by a blank. What ``spans`` (``(start, end)`` of ``text``:
    what the detector redacts) cover and the placeholders of an earlier redaction are taken out first."""
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " + text[end:]
    rank = word_rank()
    words = [w if rank.get(w, ORDINARY_RANK + 1) <= ORDINARY_RANK else "_w"
             for w in map(str.lower, _WORD.findall(_PLACEHOLDER.sub(" ", text)))]
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


@dataclass(frozen=True)
class ReviewModel:
    """A fitted model: a bias, feature weights and the threshold at which a comment is sent to review.

    Attributes
    ----------
    bias : float
    weights : mapping of str to float
        Each feature's weight (features absent weigh nothing; a feature counts once however often it occurs).
    threshold : float
        A comment is flagged when :math:`P(\\text{review})` reaches it.
    meta : dict
        How it was trained (corpora, regularization, cross-validated scores), for the record.
    """

    bias: float
    weights: Mapping[str, float] = field(repr=False)
    threshold: float = 0.5
    meta: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold < 1.0:
            raise ValueError(f"ReviewModel: threshold must be between 0 and 1; got {self.threshold!r}")
        if not isinstance(self.weights, MappingProxyType):   # (read-only, so that the model is a value)
            object.__setattr__(self, "weights", MappingProxyType(dict(self.weights)))

    def proba(self, text: str, spans: Iterable[tuple[int, int]] = ()) -> float:
        """The chance that ``text`` identifies someone by what it says of them (see the module's formula); ``spans``:
        what the detector redacts in it (:func:`features`)."""
        return self.proba_of(features(text, spans))

    def proba_of(self, feats: list[str]) -> float:
        """:meth:`proba` of a text's :func:`features`."""
        get = self.weights.get
        z = self.bias + sum(get(f, 0.0) for f in set(feats))
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def flags(self, text: str, spans: Iterable[tuple[int, int]] = ()) -> bool:
        """Whether ``text`` goes to review: :meth:`proba` at or above the threshold."""
        return self.proba(text, spans) >= self.threshold


def from_dict(data: dict) -> ReviewModel:
    """A :class:`ReviewModel` from its stored form (refused when trained on other features)."""
    if data.get("features_version") != FEATURES_VERSION:
        raise ValueError(f"review model: trained on features version {data.get('features_version')}; this evalkit "
                         f"reads version {FEATURES_VERSION}. Retrain it with tools/train_review_model.py.")
    return ReviewModel(bias=float(data["bias"]), weights={k: float(v) for k, v in data["weights"].items()},
                       threshold=float(data["threshold"]), meta=data.get("meta", {}))


def to_dict(model: ReviewModel) -> dict:
    """The stored form of a :class:`ReviewModel` (see :func:`from_dict`)."""
    return {"features_version": FEATURES_VERSION, "threshold": model.threshold, "bias": model.bias,
            "weights": dict(sorted(model.weights.items())), "meta": model.meta}


@lru_cache(maxsize=1)
def load_model() -> ReviewModel:
    """The model shipped with evalkit (``data/review_model.json.gz``), read once per process."""
    with importlib.resources.files("evalkit").joinpath(_MODEL_FILE).open("rb") as fh:
        return from_dict(json.loads(gzip.decompress(fh.read())))
