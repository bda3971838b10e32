"""The words' model that reads what the redaction rules left (evalkit/token_model.py, tools/train_token_model.py)."""

from __future__ import annotations

import importlib.util
import math
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import bundled_model_record
from evalkit.anonymize.redaction import Redactor
from evalkit.pii import PiiDetector, RosterNames
from evalkit.token_model import (
    CLASSES,
    FEATURES_VERSION,
    TokenModel,
    candidates,
    from_dict,
    load_model,
    to_dict,
    tokens,
)

ROOT = Path(__file__).resolve().parents[1]
ROSTER = RosterNames(first=("Dana", "Marisol"), last=("Reyes", "Santiago"), full=("Dana Reyes", "Marisol Santiago"),
                     places=("Lincoln Park Elementary",))


def _tool():
    """tools/train_token_model.py as a module (it puts benchmarks/ on the path for the corpus reader)."""
    spec = importlib.util.spec_from_file_location("train_token_model", ROOT / "tools" / "train_token_model.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_probabilities_are_sklearns_softmax_of_the_same_fit() -> None:
    # an independent computation: scikit-learn's own predict_proba on the fit the tool stores
    sklearn = pytest.importorskip("sklearn")
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    texts = ["Tev was a good sport about the schedule.", "Ask Dana Reyes about Lincoln Park Elementary.",
             "Marisol and Kawehi opened with the oli.", "The team met at 4 to plan the walkthrough.",
             "Thanks to Hetal and Deepa for the notes.", "Our coach was great; the data was clear.",
             "Lives at 12 Elm Street near the park.", "Seun to observe and give feedback."]
    labels = {"tev": "PERSON", "dana": "PERSON", "reyes": "PERSON", "marisol": "PERSON", "kawehi": "PERSON",
              "hetal": "PERSON", "deepa": "PERSON", "seun": "PERSON", "lincoln": "SCHOOL", "park": "SCHOOL",
              "elementary": "SCHOOL", "elm": "ADDRESS", "street": "ADDRESS"}
    data = [(f, labels.get(f[0][2:], "O")) for t in texts for _, _, f in candidates(t, [], {}, every=True)]
    model = _tool().fit(data, C=1.0)
    vec = DictVectorizer()
    X = vec.fit_transform([dict.fromkeys(f, 1.0) for f, _ in data])
    ref = LogisticRegression(C=1.0, max_iter=5000).fit(X, [CLASSES.index(c) for _, c in data])
    expected = ref.predict_proba(X)
    got = [model.proba(f) for f, _ in data]
    # (the tool rounds weights to 5 decimals and drops those under 0.005: the chances agree to 0.01)
    assert max(abs(g - e) for row_g, row_e in zip(got, expected, strict=True)
               for g, e in zip(row_g, row_e, strict=True)) < 0.01
    assert all(math.isclose(sum(p), 1.0) for p in got)


def test_proba_is_the_softmax_of_bias_plus_weights() -> None:
    m = TokenModel(bias=(1.0, 0.0, -1.0, 0.0), weights={"a": (0.0, 2.0, 0.0, 0.0), "b": (0.5, 0.0, 0.0, 1.0)})
    z = [1.5, 2.0, -1.0, 1.0]      # bias + a + b, by hand
    expected = [math.exp(v) / sum(math.exp(u) for u in z) for v in z]
    assert m.proba(["a", "b", "unknown"]) == pytest.approx(expected)
    with pytest.raises(ValueError, match="one bias and one weight per class"):
        TokenModel(bias=(0.0, 0.0), weights={})


def test_the_bundled_model_was_fitted_on_tune_halves_only_and_on_these_features() -> None:
    m = load_model()
    assert 0.5 <= m.threshold < 1.0
    raw = bundled_model_record(m, _tool(), "token_model.json.gz")
    assert raw["features_version"] == FEATURES_VERSION and tuple(raw["classes"]) == CLASSES
    # every weight's feature is one :func:`candidates` can give (a model of other features would weigh nothing)
    prefixes = {k.split("=", 1)[0] for k in m.weights}
    assert prefixes <= {"w", "shape", "len", "given", "world", "surname", "place", "spanish", "rank", "given_share",
                        "surname_share", "suffix3", "suffix2", "prefix3", "given|shape", "style", "held", "roster",
                        "sentence_start", "shape|start", "redacted_elsewhere", "before", "after", "w-2", "w-1", "w+1", "w+2", "w-2.shape", "w-1.shape",
                        "w+1.shape", "w+2.shape", "w-2.held", "w-1.held", "w+1.held", "w+2.held", "shape|w-1",
                        "shape|w+1"}


def test_a_model_of_other_features_is_refused_with_how_to_fix() -> None:
    stored = to_dict(TokenModel(bias=(0.0,) * 4, weights={}))
    assert from_dict(stored).bias == (0.0,) * 4
    with pytest.raises(ValueError, match="Retrain it with tools/train_token_model.py"):
        from_dict({**stored, "features_version": FEATURES_VERSION + 1})


def test_words_and_what_is_not_read() -> None:
    assert [w for _, _, w in tokens("Lee's team, Kaur-Bassi and Ka'iulani")] == \
        ["Lee", "s", "team", "Kaur-Bassi", "and", "Ka'iulani"]
    read = [f[0] for _, _, f in candidates("Ms. Tev and the team met [PERSON] Hope today.", [], {},
                                           unread=lambda s, e, w: w == "Ms")]
    # a title the detector says is not read, everyday lower-case words, a placeholder and the words beside it
    assert read == ["w=tev"]
    covered = candidates("Dana Reyes met Tev.", [(0, 10, "PERSON")], {})
    assert [f[0] for _, _, f in covered] == ["w=tev"]
    assert "w-2.held=PERSON" in covered[0][2]


@pytest.mark.parametrize("text, name", [
    # written for this test in the shapes the rules leave (lower case after "with", a list of names no list holds,
    # a given name that is also a place, a surname after a title's abbreviation in a row of them)
    ("coaching with tess was the best part of the year", "tess"),
    ("sign-in: Cody, Ilham, Yves, Hawa", "Yves"),
    ("Focus group, grade 6: Angelo Ramos, Sinai Perez, Kevin Lu", "Sinai"),
    ("Panel: Sen. Marlene Crouch / Rep. Harlan Voss / Msgr. Anthony Mello", "Voss"),
])
def test_the_model_finds_names_the_rules_leave(text: str, name: str) -> None:
    with_model = Redactor.from_roster(ROSTER).redact(text)
    rules_only = Redactor.from_roster(ROSTER, token_model=False).redact(text)
    start = text.index(name)
    assert any(s.start <= start and start + len(name) <= s.end and s.label == "PERSON" for s in with_model.spans)
    assert not any(s.start <= start < s.end for s in rules_only.spans)


@pytest.mark.parametrize("text", [
    "The team met at four to plan the walkthrough.",
    "Our coach was great and the data protocol was clear.",
    "Students read José Martí's poems.",            # a public name's words are not read
    "Ms. and Mr. are both fine on the name tags.",  # a title alone
])
def test_the_model_leaves_plain_text_alone(text: str) -> None:
    assert not Redactor.from_roster(ROSTER).redact(text).spans


_GIVEN = ("Yves", "Farrukh", "Tess", "Ilham", "Sinai", "Bodya", "Hawa", "Kawehi")
_SURNAMES = ("Haddad", "Nguyen", "Okonjo", "Tsosie", "Abdi", "Kowalczyk")
_FRAMES = ("We met {} today.", "cc: {}", "Dana Reyes with {} was there.", "sign-in: {}, Marisol, Cody",
           "coaching with {} and Dana Reyes went well", "THANKS TO {} FOR THE FOOD", "{} said the walk helped.",
           "The {} Foundation paid for the buses.")


def _grid():
    # (written for these tests: names no list of the rules holds, two words from a roster name and not)
    for frame in _FRAMES:
        for given in _GIVEN:
            for surname in _SURNAMES:
                name = f"{given} {surname}"
                yield frame.format(name.upper() if frame.isupper() else name), name
            yield frame.format(given.upper() if frame.isupper() else given), given


def _covered(spans) -> set[int]:
    return {i for s in spans if s.label != "SELF_ID" for i in range(s.start, s.end)}


def test_redacting_a_redacted_text_adds_nothing_and_the_model_only_adds() -> None:
    with_model, rules_only = Redactor.from_roster(ROSTER), Redactor.from_roster(ROSTER, token_model=False)
    texts = [t for t, _ in _grid()]
    assert len(texts) == len(_FRAMES) * len(_GIVEN) * (len(_SURNAMES) + 1)
    for text in texts:
        once = with_model.redact(text)
        assert with_model.redact(once.text).text == once.text, text
        assert _covered(rules_only.redact(text).spans) <= _covered(once.spans), text


def test_the_model_never_redacts_half_of_a_name() -> None:
    red = Redactor.from_roster(ROSTER)
    halves = []
    for text, name in _grid():
        if " " not in name:
            continue
        start = text.upper().index(name.upper())
        covered = _covered(red.redact(text).spans)
        words = [(start, start + len(name.split()[0])), (start + len(name.split()[0]) + 1, start + len(name))]
        whole = [all(i in covered for i in range(a, b)) for a, b in words]
        if any(whole) and not all(whole):
            halves.append(text)
    assert not halves


def test_joining_keeps_the_rules_spans_and_labels() -> None:
    from evalkit.token_model import _joined

    text = "Dana Tev-Lincoln Park Elementary"
    out = _joined(text, [(0, 4, "PERSON"), (9, 32, "SCHOOL")], [(5, 16, "PERSON")])
    assert out == [(0, 9, "PERSON"), (9, 32, "SCHOOL")]      # each keeps its label, nothing overlaps
    text = "Tin Tin Aye and H. Bush met Ms. Gaines. Tsige added notes."
    assert _joined(text, [(0, 3, "PERSON"), (16, 17, "PERSON"), (28, 38, "PERSON")],
                   [(4, 11, "PERSON"), (19, 23, "PERSON"), (40, 45, "PERSON")]) == \
        [(0, 11, "PERSON"), (16, 23, "PERSON"), (28, 38, "PERSON"), (40, 45, "PERSON")]   # never across a stop
    # two of the rules' spans side by side stay apart; a model word beside a span of another label stays apart
    assert _joined("Ana Ruiz Lincoln", [(0, 3, "PERSON"), (4, 8, "PERSON")], [(9, 16, "SCHOOL")]) == \
        [(0, 3, "PERSON"), (4, 8, "PERSON"), (9, 16, "SCHOOL")]


def test_the_placeholders_skipped_are_the_redactors() -> None:
    from evalkit.anonymize.redaction import PLACEHOLDERS
    from evalkit.token_model import _PLACEHOLDER

    assert {m.group(0) for m in _PLACEHOLDER.finditer(" ".join(PLACEHOLDERS.values()) + " [TBD] [SIC]")} == \
        set(PLACEHOLDERS.values())


def test_the_model_can_be_turned_off_and_is_validated() -> None:
    assert PiiDetector.from_roster(ROSTER, token_model=False).token_model is None
    assert PiiDetector.from_roster(ROSTER).token_model is load_model()
    with pytest.raises(TypeError, match="token_model must be True or False"):
        Redactor.from_roster(ROSTER, token_model="yes")
    with pytest.raises(TypeError, match="token_model must be True or False"):
        PiiDetector.from_names(token_model=1)


def test_a_threshold_of_one_adds_nothing() -> None:
    det = PiiDetector.from_roster(ROSTER)
    text = "coaching with tess was the best part of the year"
    assert det.find(text)
    strict = replace(det, token_model=replace(load_model(), threshold=1.0 + 1e-9))
    assert strict.find(text) == PiiDetector.from_roster(ROSTER, token_model=False).find(text)


def test_the_training_tool_reads_no_held_out_half_and_no_blind_corpus(tune_only) -> None:
    tune, (detector, rows, data) = tune_only(_tool())
    assert {r["id"] for r in rows} <= tune
    assert {c for _, c in data} <= set(CLASSES) and data


@pytest.mark.parametrize("text", [
    "sign-in: Cody, Ilham, Yves, Hawa. Ask Dana Reyes about Lincoln Park Elementary!",
    "THE FRONT DESK NEEDS HELP. BRENDA CANNOT DO IT ALONE.",
    "coaching with tess was the best part of the year; tess and jody, again",
    "Mahalo to Keliʻikoa and Kawehi [PERSON] for the oli.",
])
def test_the_fast_sums_are_the_features_sums(text: str) -> None:
    # the detector sums a word's own features and its neighbours' once per word and keeps them: the same chances
    # as summing every feature of :func:`candidates` afresh
    det = PiiDetector.from_roster(ROSTER, token_model=False)
    folded, _, spans, _ = det._rule_spans(text, frozenset())
    model = load_model()
    unread = det._unread(folded)
    fast = model.scores(folded, spans, det.terms, unread=unread)
    slow = [(s, e, model.proba(f)) for s, e, f in candidates(folded, spans, det.terms, unread=unread)]
    assert [(s, e) for s, e, _ in fast] == [(s, e) for s, e, _ in slow] and fast
    for (_, _, p), (_, _, q) in zip(fast, slow, strict=True):
        assert p == pytest.approx(q, abs=1e-12)
    assert model.scores(folded, spans, det.terms, unread=unread) == fast    # (and again, from what it kept)
