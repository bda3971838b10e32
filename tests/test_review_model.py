"""The comments' model that sends a comment describing someone to review (evalkit/review_model.py,
tools/train_review_model.py)."""

from __future__ import annotations

import importlib.util
import math
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import bundled_model_record
from evalkit.anonymize.redaction import Redactor
from evalkit.pii import PiiDetector, RosterNames
from evalkit.review_model import FEATURES_VERSION, ReviewModel, features, from_dict, load_model, to_dict

ROOT = Path(__file__).resolve().parents[1]
ROSTER = RosterNames(first=("Dana", "Marisol"), last=("Reyes", "Santiago"), full=("Dana Reyes", "Marisol Santiago"),
                     places=("Lincoln Park Elementary",))
_ON = PiiDetector.from_roster(ROSTER)
_OFF = PiiDetector.from_roster(ROSTER, review_model=False)


def _tool():
    """tools/train_review_model.py as a module (it puts benchmarks/ and tools/ on the path)."""
    spec = importlib.util.spec_from_file_location("train_review_model", ROOT / "tools" / "train_review_model.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _sent(detector: PiiDetector, text: str) -> bool:
    return any(s.label == "SELF_ID" for s in detector.find(text))


def test_features_are_ordinary_words_and_their_pairs() -> None:
    # a name or a rare word is no feature of its own ("_w"), a placeholder is dropped (its possessive's "s" stays)
    assert features("Ask Zyxwvut about [PERSON]'s plan.") == [
        "ask", "_w", "about", "_w", "plan", "ask _w", "_w about", "about _w", "_w plan"]
    assert features("") == [] and features("[SCHOOL]") == []


def test_proba_is_the_logistic_of_bias_plus_weights() -> None:
    m = ReviewModel(bias=-1.0, weights={"the only": 2.5, "only": 0.5, "never": -4.0}, threshold=0.5)
    z = -1.0 + 2.5 + 0.5            # bias + "the only" + "only", by hand (a feature counts once: "only" twice)
    assert m.proba("The only one, only.") == pytest.approx(1 / (1 + math.exp(-z)))
    assert m.flags("The only one.") and not m.flags("Never the only one.")
    with pytest.raises(ValueError, match="threshold must be between 0 and 1"):
        ReviewModel(bias=0.0, weights={}, threshold=1.0)


def test_probabilities_are_sklearns_of_the_same_fit() -> None:
    # an independent computation: scikit-learn's own predict_proba on the fit the tool stores
    pytest.importorskip("sklearn")
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    texts = [("The only counselor who speaks Somali is leaving.", True), ("The sessions ran long.", False),
             ("The new principal who came from Texas changed the forms.", True), ("Lunch was good.", False),
             ("The bus driver who waits for the kids deserves thanks.", True), ("We need more planning time.", False),
             ("The only teacher on an IEP team who speaks Karen.", True), ("The room was cold and the lunch good.", False)]
    data = [(features(t), y, False, not y) for t, y in texts] * 2     # (twice: the tool keeps features seen twice)
    model = _tool().fit(data, C=1.0)
    seen = {f for feats, *_ in data for f in feats}
    vec = DictVectorizer()
    X = vec.fit_transform([dict.fromkeys(feats, 1.0) for feats, *_ in data])
    ref = LogisticRegression(C=1.0, max_iter=5000).fit(X, [y for _, y, _, _ in data])
    expected = ref.predict_proba(X)[:, 1]
    got = [model.proba_of(feats) for feats, *_ in data]
    # (the tool rounds weights to 5 decimals and drops those under 0.005: the chances agree to 0.01)
    assert max(abs(g - e) for g, e in zip(got, expected, strict=True)) < 0.01
    assert set(model.weights) <= seen


def test_the_bundled_model_was_fitted_on_tune_halves_only_and_chose_its_threshold_by_its_rule() -> None:
    m = load_model()
    raw = bundled_model_record(m, _tool(), "review_model.json.gz")
    assert raw["features_version"] == FEATURES_VERSION
    # the recorded cross-validation table gives the threshold: the lowest whose clean comments added fit the budget
    budget = m.meta["max_clean_added"] * m.meta["cv_rules_alone"]["clean"]
    assert m.threshold == min(r["threshold"] for r in m.meta["cv"] if r["added_clean_sent"] <= budget)


def test_a_model_of_other_features_is_refused_with_how_to_fix() -> None:
    stored = to_dict(ReviewModel(bias=0.5, weights={"a": 1.0}))
    assert from_dict(stored) == ReviewModel(bias=0.5, weights={"a": 1.0})
    with pytest.raises(ValueError, match="Retrain it with tools/train_review_model.py"):
        from_dict({**stored, "features_version": FEATURES_VERSION + 1})


@pytest.mark.parametrize("text", [
    "The retired band director the district hired back as a consultant repeats the same stories at every session.",
    "The interpreter the district sent, the one from out of state, spoke the wrong dialect.",
])
def test_a_comment_that_describes_someone_goes_to_review(text: str) -> None:
    assert not _sent(_OFF, text)          # (no phrase of the rules')
    found = _ON.find(text)
    assert [(s.start, s.end, s.label) for s in found if s.label == "SELF_ID"] == [(0, len(text), "SELF_ID")]
    red = Redactor(_ON).redact(text)
    assert red.needs_review and red.text == text     # sent to review; nothing replaced


@pytest.mark.parametrize("text", [
    "The sessions were well organized and the materials were useful.",
    "We need more time for planning in the spring.",
    "Teachers who attended every session said it helped.",
])
def test_plain_comments_stay(text: str) -> None:
    assert not _sent(_ON, text)


def test_the_model_only_adds_and_a_rules_phrase_stays_as_it_was() -> None:
    text = "I am the only bilingual AP in the district and Dana Reyes knows it."
    assert _ON.find(text) == _OFF.find(text)      # the rules' phrase is there: the model adds no second span
    assert _sent(_ON, text)


def test_the_model_can_be_turned_off_and_is_validated() -> None:
    assert _OFF.review_model is None and _ON.review_model is load_model()
    assert Redactor.from_roster(ROSTER, review_model=False).detector.review_model is None
    with pytest.raises(TypeError, match="review_model must be True or False"):
        PiiDetector.from_names(review_model="no")
    never = replace(_ON, review_model=replace(load_model(), threshold=1.0 - 1e-12))
    text = "The interpreter the district sent, the one from out of state, spoke the wrong dialect."
    assert _sent(_ON, text) and not _sent(never, text)


def test_the_training_tool_reads_no_held_out_half_and_no_blind_corpus(tune_only) -> None:
    tune, data = tune_only(_tool())
    assert len(data) == len(tune) and any(review for _, review, _, _ in data)


@pytest.mark.parametrize("text", [
    "Ms. Santiago, who retired last year from the district office, led the coaching at Lincoln Park Elementary.",
    "Dana Reyes, the retired band director the district hired back, calls 612-555-0134 every week.",
    "The interpreter the district sent, the one from out of state, spoke the wrong dialect.",
])
def test_a_comment_and_its_redaction_are_read_alike(text: str) -> None:
    # what the detector redacts is taken out before reading, as a placeholder is: the model reads a comment and its
    # redaction alike, so that redacting again never changes whether it goes to review
    found = [(s.start, s.end) for s in _ON.find(text) if s.label != "SELF_ID"]
    red = Redactor(_ON).redact(text)
    assert features(text, found) == features(red.text)
    assert Redactor(_ON).redact(red.text).needs_review == red.needs_review
