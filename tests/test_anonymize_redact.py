"""Free-text redaction: spans from the clean stage's detector, typed placeholders, the review flag.

The unit tests use a small hand-made roster. The last tests measure recall and precision on the demo's
labelled comments: ``data_raw/demo/defects.json`` lists every planted PII string per file, row and
column, and the roster comes from the cleaned demo project, as the anonymize stage builds it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evalkit.anonymize.redaction import PLACEHOLDERS, Redaction, Redactor, redact
from evalkit.pii import LABELS, PiiDetector, RosterNames, Span, fold

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data_raw" / "demo"

ROSTER = RosterNames(
    first=("Maria", "José", "Deborah", "Hope", "Will", "Sean", "Hye-jin", "Anna", "Grant", "Mark"),
    last=("Garcia", "Núñez", "Gonzalez", "Young", "Osei", "O'Neil", "Kim", "Smith-Jones", "Cooper", "May"),
    full=("Maria Garcia", "José Núñez", "Deborah Gonzalez", "Hope Young", "Will Osei", "Sean O'Neil",
          "Hye-jin Kim", "Anna Smith-Jones", "Hope Cooper", "Mark May"),
    places=("Roosevelt Elementary", "Deer Hollow Public Schools", "Parks K-8 School"),
)



#: Sentences the rules leave alone on purpose that the words' model (evalkit/token_model.py) redacts: what it costs
#: in precision for the names no list holds (a quote's author, a lower-case "hope", a Foundation named for a roster
#: surname, a table's row label). Strict: a model that stops over-redacting one must drop it here.
_MODEL_OVER = pytest.mark.xfail(strict=True, reason="the words' model over-redacts this no-one's sentence")
# (the comments' model's cost: sentences about no one in particular that it sends to review, read by a person and
# released; strict, so that a model that stops sending them is noticed)
_REVIEW_OVER = pytest.mark.xfail(strict=True, reason="the comments' model sends this generic sentence to review")

def _covered(found, text: str, part: str, label: str | None = None) -> bool:
    """Whether every character of ``part`` (its first place in ``text``) lies inside a span of ``found`` (of ``label``,
    when given): the strict criterion of ``benchmarks/redact.py``."""
    covered = {i for s in found.spans if label is None or s.label == label for i in range(s.start, s.end)}
    start = text.index(part)
    return set(range(start, start + len(part))) <= covered


_SHARED = Redactor.from_roster(ROSTER)


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return _SHARED


def _found(red: Redaction, original: str) -> list[tuple[str, str]]:
    return [(original[s.start:s.end], s.label) for s in red.spans]


# (text, the exact original substring that must be one span, its label)
VARIANTS = [
    # names: title + surname, possessive, case, accents, hyphens, apostrophes, initials, nicknames
    ("Ms. Gonzalez shared her plan.", "Ms. Gonzalez", "PERSON"),
    ("Dr. O'Neil said so.", "Dr. O'Neil", "PERSON"),
    ("Dr. O’Neil said so.", "Dr. O’Neil", "PERSON"),
    ("ms. gonzalez shared her plan.", "ms. gonzalez", "PERSON"),
    ("MS. GONZALEZ shared her plan.", "MS. GONZALEZ", "PERSON"),
    ("Mr. Chen is new and not on any roster.", "Mr. Chen", "PERSON"),
    ("Ms. Van der Berg joined.", "Ms. Van der Berg", "PERSON"),
    ("Gonzalez's team did well.", "Gonzalez", "PERSON"),
    ("We used Gonzalez’s protocol.", "Gonzalez", "PERSON"),
    ("MARIA GARCIA ran it.", "MARIA GARCIA", "PERSON"),
    ("maria garcia ran it.", "maria garcia", "PERSON"),
    ("Thanks to GARCIA for the notes.", "GARCIA", "PERSON"),
    ("José Núñez visited.", "José Núñez", "PERSON"),
    ("Jose Nunez visited.", "Jose Nunez", "PERSON"),
    ("JOSÉ helped.", "JOSÉ", "PERSON"),
    (unicodedata.normalize("NFD", "José Núñez visited."), unicodedata.normalize("NFD", "José Núñez"),
     "PERSON"),
    ("Hye-jin led the walkthrough.", "Hye-jin", "PERSON"),
    ("HYE-JIN led the walkthrough.", "HYE-JIN", "PERSON"),
    ("Hyejin led the walkthrough.", "Hyejin", "PERSON"),
    ("Hye jin led the walkthrough.", "Hye jin", "PERSON"),
    ("Ask Smith-Jones about it.", "Smith-Jones", "PERSON"),
    ("Ask Smith Jones about it.", "Smith Jones", "PERSON"),
    ("Ask Ms. Jones about it.", "Ms. Jones", "PERSON"),
    ("Ask O'Neil about it.", "O'Neil", "PERSON"),
    ("Ask ONeil about it.", "ONeil", "PERSON"),
    ("maria g. took notes.", "maria g.", "PERSON"),
    ("Maria G. took notes.", "Maria G.", "PERSON"),
    ("Deb ran the meeting.", "Deb", "PERSON"),
    ("Thanks, Debbie!", "Debbie", "PERSON"),
    ("Maria Osei co-led it.", "Maria Osei", "PERSON"),  # two roster names in a row: one span
    ("Then Ms. Maria Garcia spoke.", "Ms. Maria Garcia", "PERSON"),
    # everyday-word names used as names
    ("Thanks to Hope for the notes.", "Hope", "PERSON"),
    ("Will asked me to send the template.", "Will", "PERSON"),
    ("Debriefed the visit with Grant.", "Grant", "PERSON"),
    ("Hope Young led the PLC.", "Hope Young", "PERSON"),
    ("Mark May is new.", "Mark May", "PERSON"),
    ('"Keep the team together." (Hope)', "Hope", "PERSON"),
    ("Met with him and May.", "May", "PERSON"),
    # schools and districts, short forms
    ("We visited Roosevelt Elementary.", "Roosevelt Elementary", "SCHOOL"),
    ("We visited roosevelt elementary.", "roosevelt elementary", "SCHOOL"),
    ("Staff at Roosevelt agree.", "Roosevelt", "SCHOOL"),
    ("Deer Hollow Public Schools hosted.", "Deer Hollow Public Schools", "SCHOOL"),
    ("Most of Deer Hollow came.", "Deer Hollow", "SCHOOL"),
    ("The Parks K-8 School team.", "Parks K-8 School", "SCHOOL"),
    # e-mails
    ("Write to jwhit@bps.org today.", "jwhit@bps.org", "EMAIL"),
    ("Write to jwhit at bps dot org today.", "jwhit at bps dot org", "EMAIL"),
    ("Write to jwhit (at) bps (dot) org today.", "jwhit (at) bps (dot) org", "EMAIL"),
    ("Write to hope.cooper@foxrun.k12.example.org.", "hope.cooper@foxrun.k12.example.org", "EMAIL"),
    # US phones
    ("Call (978) 555-0123 now.", "(978) 555-0123", "PHONE"),
    ("Call 978-555-0123 now.", "978-555-0123", "PHONE"),
    ("Call 978.555.0123 now.", "978.555.0123", "PHONE"),
    ("Call 9785550123 now.", "9785550123", "PHONE"),
    ("Call +1 978 555 0123 now.", "+1 978 555 0123", "PHONE"),
    ("Call 978 555 0123 x12 now.", "978 555 0123 x12", "PHONE"),
    ("Call 978-555-0123 ext. 4 now.", "978-555-0123 ext. 4", "PHONE"),
    ("Call 1-978-555-0123 now.", "1-978-555-0123", "PHONE"),
    # URLs (a sentence's last period stays outside)
    ("See https://example.org/staff?id=7.", "https://example.org/staff?id=7", "URL"),
    ("See www.bps.org for more.", "www.bps.org", "URL"),
    ("See bps.k12.ma.us/staff for more.", "bps.k12.ma.us/staff", "URL"),
    # street addresses
    ("Mail it to 12 Elm Street please.", "12 Elm Street", "ADDRESS"),
    ("Mail it to 450 Main St. please.", "450 Main St.", "ADDRESS"),
    ("Mail it to 7 Oak Hill Road.", "7 Oak Hill Road", "ADDRESS"),
    # issue [9/9]: whole entities in the shapes people use to dodge filters (written from the kinds the issue
    # lists, not from the evaluation corpora)
    ("Write to jwhit @ bps.example.org today.", "jwhit @ bps.example.org", "EMAIL"),
    ("Write to jwhit(at)bps.example.org today.", "jwhit(at)bps.example.org", "EMAIL"),
    ("Write to jwhit{at}bps.example.org today.", "jwhit{at}bps.example.org", "EMAIL"),
    ("Link: mailto:jwhit@bps.example.org please.", "mailto:jwhit@bps.example.org", "EMAIL"),
    ("Text me at 555-0147 after school.", "555-0147", "PHONE"),
    ("Call 978/555-0123 now.", "978/555-0123", "PHONE"),
    ("Call (978)/555-0123 now.", "(978)/555-0123", "PHONE"),
    ("Call 001-978-555-0123x12 now.", "001-978-555-0123x12", "PHONE"),
    ("The form is at bit.ly/3xQ9zT today.", "bit.ly/3xQ9zT", "URL"),
    ("Sign up at forms.gle/Ab12Cd34 please.", "forms.gle/Ab12Cd34", "URL"),
    ("Send it to 221 1/2 Baker Street, Suite 210, Springfield, IL 62704 soon.",
     "221 1/2 Baker Street, Suite 210, Springfield, IL 62704", "ADDRESS"),
    ("Send it to 12B Willow Creek Crossing, 2nd floor please.", "12B Willow Creek Crossing, 2nd floor", "ADDRESS"),
    ("Send it to 88 harbor view lane apt 3, portland, me 04101 soon.",
     "88 harbor view lane apt 3, portland, me 04101", "ADDRESS"),
    ("Mail to P.O. Box 4410\nSpringfield, IL 62704 by Friday.", "P.O. Box 4410\nSpringfield, IL 62704", "ADDRESS"),
    ("Write to jwhit -at- bps -dot- org today.", "jwhit -at- bps -dot- org", "EMAIL"),
    ("Write to jwhit{@}bps.example.org today.", "jwhit{@}bps.example.org", "EMAIL"),
    ("Write to J.WHITFIELD at BPS.EXAMPLE.ORG today.", "J.WHITFIELD at BPS.EXAMPLE.ORG", "EMAIL"),
    ("Email jwhit at bps.example.org today.", "jwhit at bps.example.org", "EMAIL"),
    ("Text me at 555\u20130147 after school.", "555\u20130147", "PHONE"),
    ("Text me at 555 0147 after school.", "555 0147", "PHONE"),
    ("Send it to 300 Main Street and families can find it.", "300 Main Street", "ADDRESS"),  # no state: stops
    ("Send it to 40 Lake Shore Drive, Chicago, Illinois 60611 soon.",
     "40 Lake Shore Drive, Chicago, Illinois 60611", "ADDRESS"),
]


@pytest.mark.parametrize(("text", "target", "label"), VARIANTS, ids=[v[1] for v in VARIANTS])
def test_variant_is_one_span(redactor, text, target, label) -> None:
    red = redactor.redact(text)
    assert (target, label) in _found(red, text), _found(red, text)
    start = text.index(target)
    assert red.text == text[:start] + PLACEHOLDERS[label] + text[start + len(target):]
    assert not red.needs_review


def test_possessive_stays_outside(redactor) -> None:
    red = redactor.redact("Gonzalez's team and Dr. O'Neil's notes.")
    assert red.text == "[PERSON]'s team and [PERSON]'s notes."


@pytest.mark.parametrize("text", [
    "I hope we grant more time in May.",
    "We will hope for a better May schedule.",
    "Will the schedule change in June?",
    "Mark the date: the grant is due in May or June.",
    "Young teachers need a frank conversation about hope.",
    "Don't forget the AP meeting.",
    "Hope is a strategy we keep coming back to.",
    "My principal is supportive.",
    "We spent 2 hours on the road to the district office.",
    # public figures and places that share roster names stay (the phrase is the context); ranges are not phones;
    # a year before a place is not an address
    "Our field trip to Washington, D.C. and the Lincoln Memorial was the highlight.",
    "We read about Ruby Bridges and Rosa Parks during Black History Month.",
    "St. Patrick's Day and Martin Luther King Day fall on testing weeks.",
    "SAT scores 400-1600 are reported; pages 212-1010 are optional.",
    "In 2022 Kennedy Park hosted the science fair.",
    "We had 3 kids run the meeting.",
    "We met at bps.example and talked for an hour.",
])
def test_ordinary_words_left_alone(redactor, text) -> None:
    red = redactor.redact(text)
    assert red.spans == ()
    assert red.text == text
    assert not red.needs_review


@pytest.mark.parametrize(("text", "kept"), [
    ("I am the only Spanish-speaking AP in the district.", "the only Spanish-speaking AP in the district"),
    ("As the principal at Roosevelt Elementary, I see gaps.", None),
    ("I'm the literacy coach for Deer Hollow and feel alone.", None),
    ("She is the only superintendent from a regional district.",
     "the only superintendent from a regional district"),
])
def test_self_identifying_needs_review(redactor, text, kept) -> None:
    red = redactor.redact(text)
    assert red.needs_review
    assert "SELF_ID" in red.labels
    if kept:  # the phrase itself has no placeholder: the review queue holds the whole comment
        assert kept in red.text
    assert "Roosevelt" not in red.text and "Deer Hollow" not in red.text


def test_self_identifying_phrase_keeps_inner_redactions(redactor) -> None:
    red = redactor.redact("As the principal at Roosevelt Elementary, Maria Garcia agrees.")
    assert red.text == "As the principal at [SCHOOL], [PERSON] agrees."
    assert red.needs_review


ALL_TEXTS = [v[0] for v in VARIANTS] + [
    "Ms. Gonzalez (978) 555-0123, jwhit at bps dot org; I am the only bilingual AP in the district.",
    "José Núñez's class at Roosevelt: https://bps.org/x. Deb & Hye-jin said 12 Elm Street.",
]


@pytest.mark.parametrize("text", ALL_TEXTS)
def test_spans_index_the_original_text(redactor, text) -> None:
    red = redactor.redact(text)
    for s in red.spans:
        piece = text[s.start:s.end]
        assert piece and piece == piece.strip()
        assert not unicodedata.combining(piece[0])
        assert s.end == len(text) or not unicodedata.combining(text[s.end])
    redactable = [s for s in red.spans if s.label != "SELF_ID"]
    assert all(a.end <= b.start for a, b in zip(redactable, redactable[1:], strict=False))


@pytest.mark.parametrize("text", ALL_TEXTS)
def test_redaction_is_idempotent_and_placeholders_hold_no_input(redactor, text) -> None:
    once = redactor.redact(text)
    twice = redactor.redact(once.text)
    assert twice.text == once.text
    assert all(s.label == "SELF_ID" for s in twice.spans)
    # The output is the input with each span cut out and a fixed placeholder put in its place.
    pieces, pos = [], 0
    for s in (s for s in once.spans if s.label != "SELF_ID"):
        pieces += [text[pos:s.start], PLACEHOLDERS[s.label]]
        pos = s.end
    assert once.text == "".join(pieces) + text[pos:]
    for s in once.spans:
        if s.label != "SELF_ID":
            assert fold(text[s.start:s.end]).casefold() not in fold(once.text).casefold()


@pytest.mark.parametrize("text", ALL_TEXTS + ["I hope we grant more time in May."])
def test_kinds_and_find_agree(redactor, text) -> None:
    det = redactor.detector
    assert det.kinds(text) == {LABELS[s.label] for s in det.find(text)}


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["Maria", "garcia", "José", "Núñez", "Hope", "hope", "Ms.", "O'Neil", "Deb",
                                 "May", "(978)", "555-0123", "jwhit", "at", "dot", "org", "Roosevelt", "12",
                                 "Elm", "Street", "the", "only", "in", "district", "é", "\u0301", "'s", ".",
                                 ",", "\n"]), max_size=25).map(" ".join))
def test_any_text_gives_consistent_spans(text) -> None:
    red = _SHARED.redact(text)
    redactable = [s for s in red.spans if s.label != "SELF_ID"]
    assert all(0 <= s.start < s.end <= len(text) for s in red.spans)
    assert all(a.end <= b.start for a, b in zip(redactable, redactable[1:], strict=False))
    assert _SHARED.redact(red.text).text == red.text


def test_nicknames_can_be_turned_off() -> None:
    # the roster's gazetteer has no nicknames then; "Deb" in a sentence is still found as a given name by context
    assert "deb" not in PiiDetector.from_roster(ROSTER, nicknames=False).terms
    assert "deb" in PiiDetector.from_roster(ROSTER).terms


def test_redact_function_reuses_the_compiled_redactor() -> None:
    red = redact("Ask Hope Young at 978-555-0123.", ROSTER)
    assert red.text == "Ask [PERSON] at [PHONE]."
    assert red.labels == ("PERSON", "PHONE")
    assert redact("Ask Hope Young.", ROSTER).text == "Ask [PERSON]."


def test_span_is_validated() -> None:
    with pytest.raises(ValueError, match="label must be one of"):
        Span(0, 1, "NAME")
    with pytest.raises(ValueError, match="start < end"):
        Span(3, 3, "PERSON")


@pytest.mark.parametrize(("call", "match"), [
    (lambda r: r.redact(None), "text must be a str; got NoneType"),
    (lambda r: r.redact_series(["a"]), "s must be a pandas Series; got list"),
    (lambda r: r.redact_series(pd.Series(["a"]), document_level="yes"),
     "document_level must be True or False"),
    (lambda r: Redactor.from_roster(("Maria",)), "names must be a RosterNames; got tuple"),
    (lambda r: redact("text", {"first": ["Maria"]}), "roster must be a RosterNames; got dict"),
])
def test_arguments_are_checked(redactor, call, match) -> None:
    with pytest.raises(TypeError, match=match):
        call(redactor)


def test_redact_series(redactor) -> None:
    cells = ["Ask Hope Young.", None, "I hope so.", "Ask Hope Young.", "I am the only AP in the district.",
             9785550123]
    s = pd.Series(cells, index=[10, 11, 12, 10, 14, 15], dtype=object)
    out = redactor.redact_series(s)
    assert list(out.columns) == ["text", "needs_review", "n_spans", "labels"]
    assert out.index.equals(s.index)
    assert out["text"].iloc[0] == out["text"].iloc[3] == "Ask [PERSON]."
    assert pd.isna(out["text"].iloc[1]) and out["labels"].iloc[1] == "" and out["n_spans"].iloc[1] == 0
    assert out["text"].iloc[2] == "I hope so."
    assert out["needs_review"].tolist() == [False, False, False, False, True, False]
    assert out["labels"].iloc[4] == "SELF_ID"
    assert out["text"].iloc[5] == "[PHONE]"  # a number in a text column is still text
    assert out["needs_review"].dtype == bool and out["n_spans"].dtype == "int64"


def test_redact_series_labels_sorted_and_joined(redactor) -> None:
    out = redactor.redact_series(pd.Series(["Call Deb at 978-555-0123 about Roosevelt."]))
    assert out.loc[0, "labels"] == "PERSON;PHONE;SCHOOL"
    assert out.loc[0, "n_spans"] == 3


def test_document_level_confirms_names_across_cells(redactor) -> None:
    notes = pd.Series(["Hope Cooper, principal", "Hope liked the new protocol."])
    per_cell = redactor.redact_series(notes)["text"].tolist()
    assert per_cell == ["[PERSON], principal", "Hope liked the new protocol."]
    whole = redactor.redact_series(notes, document_level=True)["text"].tolist()
    assert whole == ["[PERSON], principal", "[PERSON] liked the new protocol."]


def test_detector_lists_one_compiled_matcher_for_all_names() -> None:
    det = PiiDetector.from_roster(ROSTER)
    assert isinstance(det.names, re.Pattern)
    assert det.names.fullmatch("hye-jin kim") and det.names.fullmatch("deb")  # nickname of Deborah
    assert not det.names.fullmatch("ap")


def test_evalkit_never_imports_presidio() -> None:
    """Presidio is a benchmark-only extra (``.[bench]``): the package must not depend on it."""
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "evalkit").rglob("*.py")
                 if re.search(r"^\s*(?:import|from)\s+presidio", p.read_text(encoding="utf-8"), re.M)]
    assert offenders == []


# --- recall and precision on the demo's labelled comments -------------------------------------------

@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from evalkit.clean.checks import collect_roster_names, free_text_columns
    from evalkit.clean.project import clean_project
    from evalkit.demo.config import demo_config

    out = tmp_path_factory.mktemp("demo")
    cfg = demo_config(data=DEMO, processed_dir=out / "processed", reports_dir=out / "reports")
    cleaned = clean_project(cfg)
    names = collect_roster_names(cfg, cleaned.tables)
    by_file = {}
    for sid, table in cleaned.tables.items():
        cols = [c for c in free_text_columns(cfg, table) if c in cleaned.raw[sid].data.columns]
        if cols:
            notes = table.source.kind.value == "notes"
            by_file[cleaned.raw[sid].path.name] = (cleaned.raw[sid].data[cols], notes)
    return names, by_file


def demo_scores(names: RosterNames, by_file: dict) -> dict:
    """Recall of the planted strings and precision of the spans, over every labelled free-text cell.

    A planted string is found when a span overlaps it. A span is a true positive when it overlaps a
    planted string (any occurrence of one in its cell). Spans that overlap none are split into
    *unlabelled real PII* (the text is a roster full name or place, a word of a name planted in the
    same cell, or an e-mail or phone: 'Notes by Elizabeth Osei', a district in a note's heading, the
    second mention of a surname) and *false positives* (the rest). ``precision`` leaves the former out;
    ``strict_precision`` counts them as false.
    """
    red = Redactor.from_roster(names)
    real = {" ".join(fold(v).lower().split()) for v in (*names.full, *names.places)}
    planted: dict[tuple[str, int], list[dict]] = {}
    defects = [d for d in json.loads((DEMO / "defects.json").read_text()) if d.get("pii")]
    columns: dict[tuple[str, str], str] = {}
    for d in defects:
        file = Path(d["file"]).name
        frame, _ = by_file[file]
        for p in d["pii"]:
            # The manifest names columns as exported ("Any other comments?"); the frame's are normalized:
            # take the one free-text column whose cell holds the planted string.
            hits = [c for c in frame.columns
                    if isinstance(frame.at[p["row"], c], str) and p["text"] in frame.at[p["row"], c]]
            col = columns.setdefault((file, p["column"]), hits[0] if len(hits) == 1 else None) or hits[0]
            assert col in hits, (file, p)
            planted.setdefault((file, col, p["row"]), []).append(p)
    labelled = {(f, c) for f, c, _ in planted}
    found, missed, tp, unlabelled, fp = Counter(), Counter(), 0, [], []
    for file, col in sorted(labelled):
        frame, notes = by_file[file]
        conf = red.detector.confirmed_names(frame[col]) if notes else frozenset()
        for row, text in frame[col].items():
            if not isinstance(text, str):
                continue
            r = red.redact(text, confirmed=conf)
            plants = planted.get((file, col, row), [])
            where = [(m.start(), m.end(), p) for p in plants for m in re.finditer(re.escape(p["text"]), text)]
            for p in plants:
                hit = any(s.start < e and b < s.end for b, e, q in where if q is p for s in r.spans)
                (found if hit else missed)[p["kind"]] += 1
            words = {w.lower() for p in plants if p["kind"].startswith("name")
                     for w in re.findall(r"[\w'-]+", fold(p["text"]))}
            for s in r.spans:
                piece = text[s.start:s.end]
                if any(s.start < e and b < s.end for b, e, _ in where):
                    tp += 1
                elif (" ".join(fold(piece).lower().split()) in real or fold(piece).lower() in words
                      or s.label in ("EMAIL", "PHONE")):
                    unlabelled.append((file, row, s.label, piece))
                else:
                    fp.append((file, row, s.label, piece))
    n_found, n_missed = sum(found.values()), sum(missed.values())
    return {"recall": n_found / (n_found + n_missed), "found": found, "missed": missed, "tp": tp,
            "unlabelled": unlabelled, "fp": fp, "precision": tp / (tp + len(fp)),
            "strict_precision": tp / (tp + len(fp) + len(unlabelled)), "planted": n_found + n_missed}


def test_demo_recall_and_precision(demo) -> None:
    scores = demo_scores(*demo)
    summary = (f"recall {scores['recall']:.3f} of {scores['planted']} planted strings "
               f"(missed by kind: {dict(scores['missed'])}); precision {scores['precision']:.3f} "
               f"({scores['tp']} true spans, {len(scores['fp'])} false: {scores['fp'][:10]}); "
               f"strict {scores['strict_precision']:.3f} ({len(scores['unlabelled'])} unlabelled real PII)")
    print(summary)
    assert scores["planted"] > 1500, summary
    assert scores["recall"] >= 0.95, summary
    assert scores["precision"] >= 0.95, summary
    # Every kind the generator plants is covered, self-identifying phrases and off-roster titled names too.
    assert set(scores["found"]) >= {"name", "name_offroster", "email", "phone", "school", "self_identifying"}


def test_demo_self_identifying_comments_need_review(demo) -> None:
    names, by_file = demo
    red = Redactor.from_roster(names)
    defects = json.loads((DEMO / "defects.json").read_text())
    rows = {(Path(d["file"]).name, p["row"]) for d in defects for p in d.get("pii", [])
            if p["kind"] == "self_identifying"}
    assert rows
    for file, row in rows:
        frame, _ = by_file[file]
        out = red.redact_series(frame.loc[[row]].stack())
        assert out["needs_review"].any(), (file, row)


def test_public_redact_is_the_function() -> None:
    """The issue names ``evalkit.anonymize.redact(text, roster)``: it is the function, whatever was imported first."""
    import evalkit.anonymize as anonymize
    import evalkit.anonymize.stage  # noqa: F401 - imports the redaction module too
    from evalkit.pii import RosterNames

    out = anonymize.redact("Ask Maria Garcia", RosterNames(first=("Maria",), last=("Garcia",), full=("Maria Garcia",)))
    assert callable(anonymize.redact) and out.text == "Ask [PERSON]"


def test_public_names_are_left_alone_only_inside_their_public_phrase() -> None:
    """Issue [9/9]: roster people named Washington, Lincoln, Parks and Kennedy. Inside "Washington, D.C.", "the
    Lincoln Memorial", "Rosa Parks" or "Kennedy Space Center" the name is the public figure or place; anywhere else it
    is still the roster's person."""
    roster = RosterNames(first=("Dana", "Lee", "Ari", "Jo"), last=("Washington", "Lincoln", "Parks", "Kennedy"),
                         full=("Dana Washington", "Lee Lincoln", "Ari Parks", "Jo Kennedy"),
                         places=("Kennedy Middle School",))
    red = Redactor.from_roster(roster)
    public = "Our trip to Washington, D.C., the Lincoln Memorial and Kennedy Space Center; we read about Rosa Parks."
    assert red.redact(public).spans == ()
    # (not "the Parks unit": a roster word between an article and a noun names a thing, round 38)
    private = "Ms. Washington and Lincoln ran the unit with Parks and Kennedy Middle School."
    found = [private[s.start:s.end] for s in red.redact(private).spans]
    assert found == ["Ms. Washington", "Lincoln", "Parks", "Kennedy Middle School"]


@pytest.mark.parametrize(("text", "target"), [
    ("The kids at Desert Vista High loved it.", "Desert Vista High"),          # a school not on the roster
    ("We visited Lakeshore El last week.", "Lakeshore El"),
    ("Teachers from Pine Ridge ISD came too.", "Pine Ridge ISD"),
    ("Holy Cross Academy hosted the round.", "Holy Cross Academy"),
    ("Roosevelt Elementary hosted the round.", "Roosevelt Elementary"),         # the short form and its school word
    ("Ask the RE team about it.", None),                                        # two letters: never an acronym
])
def test_a_name_before_a_school_word_is_a_school(redactor, text, target) -> None:
    red = redactor.redact(text)
    found = [text[s.start:s.end] for s in red.spans if s.label == "SCHOOL"]
    assert found == ([target] if target else [])


def test_initials_of_roster_schools_and_districts_are_schools() -> None:
    red = Redactor.from_roster(RosterNames(places=("Pine Ridge High School", "Mill County School District")))
    text = "PRHS and MCSD signed on; PRH too. The PD and the ELA team did not."
    assert [text[s.start:s.end] for s in red.redact(text).spans] == ["PRHS", "MCSD", "PRH"]


@pytest.mark.parametrize("text", ["Summer Academy starts in June.", "Our Middle School team met.",
                                  "The Leadership Academy cohort met.", "Every High School counselor came."])
def test_program_and_ordinary_words_before_a_school_word_are_not_schools(redactor, text) -> None:
    assert redactor.redact(text).spans == ()


@pytest.mark.parametrize(("text", "review"), [
    ("I'm the librarian who lost her job share in the cuts, so read this with that in mind.", True),
    ("Being the counselor whose office moved twice this year, I notice the noise.", True),
    ("(the one who asked about bus duty at the June meeting) nothing changed.", True),
    ("As the only certified interpreter on staff, I am stretched thin.", True),
    ("As the only first-year teacher at Hillcrest, I had no mentor.", True),
    ("You'll know who this is, but the schedule still does not work.", True),
    ("Someone who has been in this building for 27 years can tell you it was never this bad.", True),
    # (the one who led a session is one person the program knows, praised or not: a person reads it before it is used)
    ("The teacher who led the session was great.", True),
    ("The teachers who led the sessions were great.", False),
    ("The first time we met as a team it went well.", False),
    # one colleague picked out by a clause, a relative or an event, without a name
    ("The bus driver at Eastgate who got the warning is still on the route.", True),
    ("the sub whose car was towed never came back", True),
    ("Our office manager, who is the superintendent's cousin, sees every personnel file.", True),
    ("The new AP is married to the head custodian, so nobody complains.", True),
    ("One of our aides is pregnant and we have no plan for coverage.", True),
    ("As the one ELL specialist for three campuses I cannot join every PLC.", True),
    ("Our longest-serving para remembers every family.", True),
    ("I'm the one they call, 31 years in, when the copier breaks.", True),
    ("Teachers who attended found the protocol useful.", False),          # plural: nobody in particular
    ("A coach who listens is worth more than any rubric.", False),        # generic: no one of ours
    ("We had the example of a teacher who sees every child.", False),
    ("His mother is related to our librarian, which is awkward.", True),
    ("The boy is not related to our teacher Linh Tran.", False),         # the name is there: nobody unnamed
    ("Our principal presented the data; her 20 years in the field show.", False),
])
def test_self_identifying_shapes_go_to_review(redactor, text, review) -> None:
    assert redactor.redact(text).needs_review is review


def test_a_first_name_takes_an_unknown_surname_and_a_place_noun_takes_the_name() -> None:
    roster = RosterNames(first=("Kofi", "Dana"), last=("Owusu", "Grant"), full=("Kofi Owusu", "Dana Grant"),
                         places=("Lakeshore Middle School",))
    red = Redactor.from_roster(roster)
    text = "My mentor Kofi Mensah helped; Dana said so."
    assert [text[s.start:s.end] for s in red.redact(text).spans] == ["Kofi Mensah", "Dana"]
    assert red.redact("Traffic on Lakeshore Drive is bad; the Grant Park trip went well.").spans == ()
    assert [s.label for s in red.redact("Lakeshore is short of subs.").spans] == ["SCHOOL"]


def test_a_common_first_name_and_a_capitalised_word_after_it_are_a_name_off_the_roster(redactor) -> None:
    """Issue [9/9]: names not on the roster. A common first name (the nicknames package's table) followed by a
    capitalised word is a full name; never before a place or time word, never a public figure or a school."""
    text = "My mentor David Swanson helped, and so did Rebecca O'Hara."
    assert [text[s.start:s.end] for s in redactor.redact(text).spans] == ["David Swanson", "Rebecca O'Hara"]
    for clean in ("We flew into Austin Texas for the conference.", "Lucy Calkins units run long.",
                  "Victoria Day falls on a Monday."):
        assert redactor.redact(clean).spans == (), clean
    assert [s.label for s in redactor.redact("Jordan High won the fair.").spans] == ["SCHOOL"]   # a school


# --- issue [9/9], second round: shapes the issue lists, written here (not copied from the evaluation corpora) ---

@pytest.mark.parametrize(("text", "names"), [
    ("RSVP to Alexandra by Friday.", ["Alexandra"]),                        # a given name alone in mid-sentence
    ("Tyler in my 3rd period finally passed algebra.", ["Tyler"]),          # plainly a name at a sentence's start
    ("ask tyler about the late bus", ["tyler"]),                            # lower case after a cue
    ("we think gregory murphy should lead the next PLC", ["gregory murphy"]),   # lower-case given name + surname
    ("Evan R. Perkins modeled a number talk.", ["Evan R. Perkins"]),        # a middle initial
    ("Holly Watson from the county came by.", ["Holly Watson"]),            # an everyday-word name + a surname
    ("Hi, I'm Yashica Varma from the district office.", ["Yashica Varma"]),  # the writer's own name
    ("Sharp, Dustin - needs support with rotations", ["Sharp, Dustin"]),    # "Surname, Given" on its own line
    ("Coach عبيد runs the best PLC.", ["Coach عبيد"]),                      # another script, with its title
    ("Mikolaj ran the Saturday session.", ["Mikolaj"]),                     # no English word, before a verb
    ("Thanks to Ubika for the housing help.", ["Ubika"]),                   # no English word, after a cue
])
def test_names_off_the_roster_are_found_by_context(redactor, text, names) -> None:
    red = redactor.redact(text)
    assert [text[s.start:s.end] for s in red.spans if s.label == "PERSON"] == names


@pytest.mark.parametrize(("text", "names"), [
    ("Please send the forms to Liam before Friday.", ["Liam"]),             # mid-sentence, absent from 1990 lists
    ("Jayden in my 3rd period finished the unit early.", ["Jayden"]),       # plainly a name at a sentence's start
    ("brayden said the bus was late again", ["brayden"]),                   # lower case before a verb
    ("Harper led the walk with Paisley.", ["Harper", "Paisley"]),           # names that are also rare words
    ("We toured the Rio Grande valley.", []),                               # a rare baby name in a place's name
])
def test_given_names_of_the_generations_the_census_missed(redactor, text, names) -> None:
    red = redactor.redact(text)
    assert [text[s.start:s.end] for s in red.spans if s.label == "PERSON"] == names


def test_ssa_names_come_with_their_peak_share() -> None:
    """The bundled SSA file against what the SSA publishes: Jayden was among the ten most given boys' names around
    2010 (a share of all babies, both sexes, between 0.2 % and 0.8 % in its peak decade); Linda was the most given
    girls' name of 1947-1952 (1 % to 2.5 % of all babies of its peak decade)."""
    import gzip

    from evalkit import namelists

    text = gzip.decompress((Path(namelists.__file__).parent / "data" / "given_names_ssa.tsv.gz").read_bytes())
    rows = {row.split("\t")[0]: row.split("\t") for row in text.decode("ascii").splitlines()}
    assert rows["jayden"][2] in ("2000", "2010") and 0.2 < float(rows["jayden"][1]) < 0.8
    assert rows["linda"][2] in ("1940", "1950") and 1.0 < float(rows["linda"][1]) < 2.5
    assert "liam" in namelists.plain_given_names() and "rio" not in namelists.all_given_names()


@pytest.mark.parametrize(("text", "names"), [
    ("Will and I co-planned the fractions unit.", ["Will"]),
    ("Grant did a great job with the data team.", ["Grant"]),
    ("ask hope about the schedule", ["hope"]),
    ("Will we get more time in May?", []),
    ("We hope to grant more time for planning.", []),
    ("Mark your calendars for the May session.", []),
])
def test_roster_names_that_are_everyday_words_need_a_verb_or_a_cue(redactor, text, names) -> None:
    red = redactor.redact(text)
    assert [text[s.start:s.end] for s in red.spans if s.label == "PERSON"] == names


@pytest.mark.parametrize("text", [
    "Guskey's levels frame the whole evaluation.",
    "We report the 95% Wilson interval (Wilson 1927) for each share.",
    "The interval follows Algina & Keselman's method.",
    "Santa's visit at the winter party was a hit.",
    "Our St. Jude Math-A-Thon raised $1,800.",
    "We flew to St. Louis for the conference.",
    "The device program finally reached K-2 in January.",
    "Texting works better than email for reaching families.",
    "We used Webb's DOK and Bloom's Taxonomy question stems.",
])
def test_public_names_citations_and_ordinary_words_are_left_alone(redactor, text) -> None:
    assert redactor.redact(text).spans == ()


@pytest.mark.parametrize(("text", "schools"), [
    ("I visited P.S. 118 last spring and loved it.", ["P.S. 118"]),
    ("District 94 released the calendar late.", ["District 94"]),
    ("she splits time between tucker high and miller prep", ["tucker high", "miller prep"]),
    ("Saint Clare shares our gym on Fridays.", ["Saint Clare"]),
    ("Willow Creek Elementary (WCE) is in year 2 of the grant.", ["Willow Creek Elementary", "WCE"]),
    ("Our team presented at the West Traceyville Area School District showcase.",
     ["West Traceyville Area School District"]),
])
def test_schools_and_districts_by_their_shape(redactor, text, schools) -> None:
    red = redactor.redact(text)
    assert [text[s.start:s.end] for s in red.spans if s.label == "SCHOOL"] == schools


@pytest.mark.parametrize(("text", "address"), [
    ("Please send the forms to 4120 Birch Terrace Apt. 12, Riverton", "4120 Birch Terrace Apt. 12, Riverton"),
    ("The parent room is on the 3rd floor, 815 Elm Street and hard to find.", "3rd floor, 815 Elm Street"),
    ("Mail to PMB 40, 77 Cedar Hollow Pkwy, Millbrook, TN 37064.", "PMB 40, 77 Cedar Hollow Pkwy, Millbrook, TN 37064"),
    ("Meals are served at 310 Calle Sol, San Ysidro, CA 92173 daily.", "310 Calle Sol, San Ysidro, CA 92173"),
    ("he lives at 52 willow creek road unit 4, east lyme and the bus skips it",
     "52 willow creek road unit 4, east lyme"),
])
def test_addresses_are_redacted_to_their_end(redactor, text, address) -> None:
    red = redactor.redact(text)
    assert [text[s.start:s.end] for s in red.spans if s.label == "ADDRESS"] == [address]


def test_name_lists_are_read_when_the_detector_is_built() -> None:
    """The first text redacted must not pay for reading the lists (half a second): building does."""
    from evalkit import namelists

    namelists.given_names.cache_clear()
    PiiDetector.from_names(first=["Ana"])
    assert namelists.given_names.cache_info().currsize == 1


@pytest.mark.parametrize(("text", "review"), [
    ("I am the district's only bilingual psychologist.", True),
    ("our only Spanish-speaking counselor left in May", True),
    ("As the only male kindergarten teacher, I feel alone.", True),
    ("The coach who filed the grievance was right.", True),
    ("I've been at this school for 27 years and never seen this.", True),
    ("Our only concern is time.", False),
    ("Only some teachers came to the session.", False),
    ("The only time we met was in May.", False),
    ("I have been teaching for 6 years.", False),
])
def test_more_self_identifying_shapes_go_to_review(redactor, text, review) -> None:
    assert redactor.redact(text).needs_review is review


def test_a_roster_school_is_found_in_its_informal_forms() -> None:
    red = Redactor.from_roster(RosterNames(places=("Hoffman Middle School", "Lakeview Early Learning Center",
                                                   "Grant Elementary")))
    cases = {"i teach at hoffman and love it": ["hoffman"], "the hoffman family came by": [],
             "Our kids at the ELC did well.": ["the ELC"], "St Annes shares our gym.": ["St Annes"],
             "we got the grant at grant time": []}
    for text, schools in cases.items():
        assert [text[s.start:s.end] for s in red.redact(text).spans if s.label == "SCHOOL"] == schools, text


def test_what_the_issue_says_is_redacted_wrongly_is_left_alone() -> None:
    """Issue [9/9]'s list of wrong redactions: a president's New Deal, a state, a cultural center, "Central office",
    number ranges read as phones; and a roster name inside a place's name. The roster's own people stay found."""
    roster = RosterNames(first=("Grant", "Jenny", "Ana"), last=("Roosevelt", "Park", "Field", "Brown"),
                         full=("Grant Field", "Jenny Park", "Ana Roosevelt", "Ana Brown"),
                         places=("Central High School", "Kennedy Middle School"))
    red = Redactor.from_roster(roster)
    for clean in ("Central Office never answers our emails.",
                  "FDR's New Deal and Roosevelt's fireside chats anchored the unit.",
                  "The cultural center in Washington was amazing.",
                  "Scores ranged 400-1600 this year.",
                  "The Grant Park field trip went well; our flight out of Love Field was late.",
                  "We read about Brown v. Board of Education.",
                  "Zearn and Nearpod helped with fractions."):
        assert red.redact(clean).spans == (), clean
    for text, names in {"Grant did a great unit on Ulysses S. Grant and the Civil War.": ["Grant"],
                        "Ms. Roosevelt taught the New Deal unit.": ["Ms. Roosevelt"],
                        "Jenny Park and Mr. Park led it.": ["Jenny Park", "Mr. Park"],
                        "We met in Tyler's room.": ["Tyler"]}.items():
        assert [text[s.start:s.end] for s in red.redact(text).spans] == names, text


def test_third_round_shapes() -> None:
    """Issue [9/9], third round (a second blind corpus's tune half): schools as their staff abbreviate them, names
    by roster and census evidence, court cases, cities named like people, ticket numbers."""
    roster = RosterNames(first=("Kwame", "Jennifer", "Savannah"), last=("Asante", "Price", "Frost"),
                         full=("Kwame Asante", "Jennifer Price", "Savannah Frost"),
                         places=("Mission Trail Middle", "Three Rivers ISD", "Cesar Chavez Middle",
                                 "New Dawn Charter Academy", "Northgate Alternative"))
    red = Redactor.from_roster(roster)

    def found(text: str, label: str) -> list[str]:
        return [text[s.start:s.end] for s in red.redact(text).spans if s.label == label]

    assert found("The MTMS staff and the TRISD board met.", "SCHOOL") == ["MTMS", "TRISD"]
    assert found("The AP at Chavez MS met with New Dawn Charter staff.", "SCHOOL") == ["Chavez MS", "New Dawn Charter"]
    assert found("Shannon is leaving the Alt for a principal job.", "SCHOOL") == ["the Alt"]
    assert found("Present: L. Jenkins, G. Lindqvist", "PERSON") == ["L. Jenkins", "G. Lindqvist"]
    assert found("the virtual session with kwame was the best one", "PERSON") == ["kwame"]
    assert found("cohort 4: jen price, and others", "PERSON") == ["jen price"]
    assert found("Case note: Jaylen Brooks (grade 7) absent 14 days.", "PERSON") == ["Jaylen Brooks"]
    assert found("Case note: Ana Sofia Rivera (K) moved.", "PERSON") == ["Ana Sofia Rivera"]
    assert found("Supt. Okoro and Sra. Rojas presented.", "PERSON") == ["Supt. Okoro", "Sra. Rojas"]
    assert found("I'm at hope dot alvarado at example dot org", "EMAIL") == ["hope dot alvarado at example dot org"]
    assert found("Send it to 1400 Ranch Rd 12, Three Rivers, TX 78071.", "ADDRESS") == [
        "1400 Ranch Rd 12, Three Rivers, TX 78071"]
    for clean in ("Tinker v. Des Moines came up in the student voice session.",
                  "Savannah and Charleston were the two cities in the case study.",
                  "Help desk ticket 311-2245 has been open for three weeks.",
                  "Florence Nightingale's coxcomb chart was a great hook.",
                  "Reading Fullan and Quinn gave our team shared language."):
        assert red.redact(clean).spans == (), clean
    assert found("Savannah said the schedule works.", "PERSON") == ["Savannah"]
    assert found("Walter asked that mentors get his number: 555 0127.", "PHONE") == ["555 0127"]


# --- a second reader's findings on the change (each input written by the reviewer, none from the corpora) ---

@pytest.mark.parametrize(("text", "expected"), [
    ("Thanks Sarah Johnson for the slides!", "Thanks [PERSON] for the slides!"),     # a rejected pair hid the name
    ("Yesterday Dustin Walker observed my class.", "Yesterday [PERSON] observed my class."),
    ("The Desert Vista High staff were welcoming.", "The [SCHOOL] staff were welcoming."),
    ("Oluwaseun Adeyemi presented.", "[PERSON] presented."),                         # no half-name left
    ("Mike Brown led our PLC.", "[PERSON] led our PLC."),
    ("Kevin DeLuca presented the data.", "[PERSON] presented the data."),
    ("Congrats Jennifer on the award.", "Congrats [PERSON] on the award."),
    ("My name is Kimbrely Parks.", "My name is [PERSON]."),
    ("Tell David I said hi.", "Tell [PERSON] I said hi."),
    ("I am Hispanic and felt unseen.", "I am Hispanic and felt unseen."),            # and what must stay
    ("Overall, May was a better month.", "Overall, May was a better month."),
    ("A. Reading B. Writing C. Math", "A. Reading B. Writing C. Math"),
    # (session 23: a courtesy title in capitals before a surname is a person, as "Ms. Johnson" is; this case read
    # "MS" as a middle school's letters before)
    ("THANK YOU MS JOHNSON", "THANK YOU [PERSON]"),
    ("Both ES and MS principals met.", "Both ES and MS principals met."),
    ("want a PS5 for the raffle", "want a PS5 for the raffle"),
    ("St. Valentine's Day party", "St. Valentine's Day party"),
    ("knee high socks on spirit day", "knee high socks on spirit day"),
    ("Stanford and Harvard research", "Stanford and Harvard research"),
    ("Встреча с Иваном Петровым прошла хорошо", "Встреча с Иваном Петровым прошла хорошо"),
])
def test_second_reader_cases(text, expected) -> None:
    red = Redactor.from_roster(RosterNames())
    out = red.redact(text).text
    assert out == expected
    assert red.redact(out).text == out   # redacting twice changes nothing


def test_a_roster_name_next_to_a_name_and_a_title_alone_never_stay() -> None:
    red = Redactor.from_roster(RosterNames(first=("Jenny", "Frost"), last=("Park", "King", "Frost"),
                                           full=("Jenny Park",)))
    for text, expected in {"Jenny Park was so helpful.": "[PERSON] was so helpful.",
                           "Ask Ubika Frost about the rubric.": "Ask [PERSON] about the rubric.",
                           "coach King Center hosted us": "coach King Center hosted us"}.items():
        assert red.redact(text).text == expected


def test_redact_series_keeps_object_columns_and_missing_values() -> None:
    red = Redactor.from_roster(RosterNames())
    out = red.redact_series(pd.Series(["Ask Dustin Walker", None], dtype=object))
    assert out["text"].dtype == object and out["text"].tolist() == ["Ask [PERSON]", None]


def test_an_author_beside_their_work_is_public_and_a_titled_name_ends_at_its_possessive() -> None:
    red = Redactor.from_roster(RosterNames())
    for clean in ("The book study on Elena Aguilar's The Art of Coaching was the best part.",
                  "New Kid by Nelle Craftsworth was the summer read for our staff."):
        assert red.redact(clean).spans == (), clean
    assert red.redact("Dustin Walker read the book to us.").text == "[PERSON] read the book to us."
    assert red.redact("We read Ms. Lee's Reading Workshop notes.").text == "We read [PERSON]'s Reading Workshop notes."
    assert red.redact("Mrs. G's class loved it.").text == "[PERSON]'s class loved it."


# --- issue [9/9], fourth round: shapes written here from the kinds of misses the tune half of `third` showed ---

_ROUND4 = Redactor.from_roster(RosterNames(
    first=("Laila", "Tamsin"), last=("Haddad", "Bright", "Kowalczyk"), full=("Laila Haddad", "Tamsin Kowalczyk"),
    places=("Maple Heights Elementary", "Pine Bluff Junior-Senior High School", "Prairie Ridge USD 301",
            "Maplewood County Schools", "Loon Lake Elementary", "Mount Hope High School")))


@pytest.mark.parametrize(("text", "found"), [
    ("Guest speaker Dr. Ana Ruiz-Whitfield ran long.", [("Dr. Ana Ruiz-Whitfield", "PERSON")]),  # whole, hyphen too
    ("Kim Nguyen-Baptiste called about the IEP.", [("Kim Nguyen-Baptiste", "PERSON")]),
    ("my address changed: d'angelo.price@example.org", [("d'angelo.price@example.org", "EMAIL")]),
    ("new line is (212) 555-0188 #4 for testing", [("(212) 555-0188 #4", "PHONE")]),
    ("our partners in USD 259 and ISD #709 came", [("USD 259", "SCHOOL"), ("ISD #709", "SCHOOL")]),
    ("PR 301 sent three principals.", [("PR 301", "SCHOOL")]),                       # a district's initials + number
    ("Two teams from Maple Hts came.", [("Maple Hts", "SCHOOL")]),                   # an abbreviated school word
    ("the Mt Hope team stayed late", [("Mt Hope", "SCHOOL")]),
    ("Two deans at Pine Bluff Jr/Sr High left.", [("Pine Bluff Jr/Sr High", "SCHOOL")]),
    ("coaching at the jr/sr high went well", [("the jr/sr high", "SCHOOL")]),
    ("I'd like to visit Maplewood about their model.", [("Maplewood", "SCHOOL")]),   # a county's name, no "County"
    ("residents: x @ loon lake, y @ maple heights", [("loon lake", "SCHOOL"), ("maple heights", "SCHOOL")]),
    ("Amara and River planned family night.", [("Amara", "PERSON"), ("River", "PERSON")]),   # vouched by "and"
    ("Coaching with Laila Haddad (Lulu) went well.", [("Laila Haddad", "PERSON"), ("Lulu", "PERSON")]),
    ("Mark from Prairie Ridge USD 301 asked a question.", [("Mark", "PERSON"), ("Prairie Ridge USD 301", "SCHOOL")]),
    ("zofia kowalczyk covers 3rd grade", [("zofia kowalczyk", "PERSON")]),           # lower case, no English word
    ("please call me back - Tamsin", [("Tamsin", "PERSON")]),                        # a name signed at the end
    ("Thanks for the notes.\n-- Hope", [("Hope", "PERSON")]),
])
def test_fourth_round_shapes_are_found(text, found) -> None:
    assert _found(_ROUND4.redact(text), text) == found


@pytest.mark.parametrize("text", [
    "Virginia Beach was a nice place for the retreat.",
    "The Hunter College study on induction came up.",
    "THE SITE VISIT WAS THE BEST PART OF THE YEAR.",         # initials of Maple Heights Elementary spell no school
    "Jim Collins Good to Great was a strange choice.",
    "Presidents Day and Cesar Chavez Day both fall in our PD window.",
    "Kids loved Esperanza Rising. Esperanza was a big discussion starter.",
    "each district brings one bright spot and one stuck spot",
    "Read-alouds of Mo Willems and Christopher Paul Curtis hooked them.",
    "The deadline is Friday - Monday at the latest",
])
def test_fourth_round_public_and_everyday_words_stay(text) -> None:
    assert _ROUND4.redact(text).spans == ()


@pytest.mark.parametrize(("text", "found"), [
    ("Laila Haddad, Tomasz, Wren and Olu came.", ["Laila Haddad", "Tomasz", "Wren", "Olu"]),   # a list of names
    ("Thanks to Laila Haddad, Art and Music teachers.", ["Laila Haddad"]),                   # words, not names
    ("SHOUT OUT TO KENZIE FOR RUNNING THE TABLE", ["KENZIE"]),      # a text in capitals read as if in lower case
    ("ASK TYLER ABOUT THE BUS", ["TYLER"]),
    ("WILL WE GET MORE TIME IN MAY? GRANT WRITING TOOK ALL DAY", []),
])
def test_lists_of_names_and_texts_in_capitals(text, found) -> None:
    assert [text[s.start:s.end] for s in _ROUND4.redact(text).spans if s.label == "PERSON"] == found


@pytest.mark.parametrize(("text", "phone"), [
    ("call 808 - 555 - 0101 today", "808 - 555 - 0101"),            # spaces around the separators
    ("call 808-555-0101, ext. 4 today", "808-555-0101, ext. 4"),    # a comma before the extension
    ("fax 808–555–0101 please", "808–555–0101"),                    # en dashes
])
def test_phone_shapes_of_the_fourth_round(text, phone) -> None:
    assert _found(_ROUND4.redact(text), text) == [(phone, "PHONE")]


@pytest.mark.parametrize("text", ["scores 1200 - 1600 and 2019 - 2020", "in 2019 - 2021 we had 300 - 1200 kids",
                                  "ISBN 978-0-06-112008-4"])
def test_number_ranges_with_spaces_are_no_phones(text) -> None:
    assert _ROUND4.redact(text).spans == ()


def test_an_email_spaced_out_is_redacted_whole() -> None:
    text = "write to lina . haddad @ example . org by Friday"
    assert _found(_ROUND4.redact(text), text) == [("lina . haddad @ example . org", "EMAIL")]


@pytest.mark.parametrize(("text", "names"), [
    ("The Matthew effect in reading explains a lot.", []),
    ("Simpson's paradox showed up in the subgroup table.", []),
    ("Maslow's hierarchy before Bloom's taxonomy.", []),
    ("Ms. Lee's hierarchy chart was clear.", ["Ms. Lee"]),              # a titled name stays someone
    ("Jayden test scores rose.", ["Jayden"]),
])
def test_ideas_named_after_people_are_no_people(text, names) -> None:
    assert [text[s.start:s.end] for s in _ROUND4.redact(text).spans if s.label == "PERSON"] == names


def test_lower_case_names_joined_by_and() -> None:
    text = "hamza and yusuf need a check-in"
    assert _found(_ROUND4.redact(text), text) == [("hamza", "PERSON"), ("yusuf", "PERSON")]
    assert _ROUND4.redact("we need more time and support").spans == ()


_NAMED_SCHOOLS = Redactor.from_roster(RosterNames(
    first=("Ana",), last=("Diaz",), full=("Ana Diaz",),
    places=("Rosa Parks Elementary", "Mission Trail Middle School", "Cesar Chavez Middle School")))


@pytest.mark.parametrize(("text", "schools"), [
    ("phase 2 assessment at mtms - team said", ["mtms"]),                         # initials in lower case
    ("parent requested transfer to Cesar Chavez because of the program", ["Cesar Chavez"]),
    ("I teach at Rosa Parks and love it", ["Rosa Parks"]),                        # a school named after a figure
    ("We read about Rosa Parks in history class", []),                            # the figure
    ("the bus boycott and Rosa Parks", []),
])
def test_schools_named_after_public_figures_and_initials_in_lower_case(text, schools) -> None:
    assert [text[s.start:s.end] for s in _NAMED_SCHOOLS.redact(text).spans if s.label == "SCHOOL"] == schools


# --- issue [9/9], fifth round: shapes the tune half of `fourth` showed (its held-out half stays unread) ---

@pytest.mark.parametrize(("text", "names"), [
    ("The Okafor family asked me (through Sra. Ruiz) about the bus.", ["Okafor", "Sra. Ruiz"]),
    ("Exit ticket:\nName (optional): tomas r.\nRole: para", ["tomas r."]),           # a form's name field
    ("From: Deborah Costa <dcosta@example.org>\nSent: Monday", ["Deborah Costa"]),    # an e-mail header
    ("From: Summer Institute\nSubject: agenda", []),
    ("Assignments: T. Greer / C. McNamara", ["T. Greer", "C. McNamara"]),
    ("Tier 3 roster from the county: Ontiveros, Javier (coordinator).", ["Ontiveros, Javier"]),
    ('"Nguyen, Lan",teacher,yes', ["Nguyen, Lan"]),                                   # a CSV cell
    ("carmen is a great principal but she is stretched", ["carmen"]),
    ("Feedback: Des Achterberg is a gifted facilitator.", ["Des Achterberg"]),        # two words that are no words
    ("May I suggest moving the May meeting to June?", []),
    ("We need to stop robbing Peter to pay Paul with the intervention block.", []),
    ("Alexa and Siri are now banned in classrooms.", []),
    ("Wendy's did the staff lunch.", []),
])
def test_fifth_round_shapes(text, names) -> None:
    assert [text[s.start:s.end] for s in _ROUND4.redact(text).spans if s.label == "PERSON"] == names


def test_a_one_word_public_name_does_not_hide_a_roster_person() -> None:
    red = Redactor.from_roster(RosterNames(first=("Ramona", "Chase"), last=("Begay", "Whitmore"),
                                           full=("Ramona Begay", "Chase Whitmore")))
    text = "Chase and Ramona have the best classroom management."
    assert [text[s.start:s.end] for s in red.redact(text).spans] == ["Chase", "Ramona"]


@pytest.mark.parametrize(("text", "review"), [
    ("The new 6th grade science teacher who moved here from Manila gets no support.", True),
    ("Ask the teacher next to the gym who keeps a turtle in her room.", True),
    ("The coach assigned to our cadre canceled 4 of 6 visits.", True),
    ("The principal of the smallest elementary in our network is burning out.", True),
    ("My principal doesn't believe in the inquiry cycle.", True),
    ("Our principal at Lakeside won't let teachers attend.", True),
    ("The man in the blue jacket at table 2 was rude.", True),
    ("My principal supports the inquiry cycle.", False),
    ("The principal of each school signs the plan.", False),
    ("The session in the library ran long.", False),
])
def test_fifth_round_review_shapes(text, review) -> None:
    assert _ROUND4.redact(text).needs_review is review


@pytest.mark.parametrize(("text", "names"), [
    ("Cadre team meeting - present: LO, WH, LN (absent: none)", ["LO", "WH", "LN"]),   # an attendance list
    ("Attendees: JB and KM.", ["JB", "KM"]),
    ("present: AP, ELA, SPED", []),                                                     # roles and subjects
    ("Student example (T.J., grade 5): 3 cycles of Tier 2", ["T.J."]),                  # initials with stops
    ("We flew to the U.S. and D.C. at 9 a.m.", []),
    ("Deborah Costa: I think so\nIvy T-N: yes", ["Deborah Costa", "Ivy T-N"]),          # a transcript's speakers
    ("Agenda: data\nNote: bring laptops\nGlow: routines", []),
])
def test_initials_and_speakers(text, names) -> None:
    assert [text[s.start:s.end] for s in _ROUND4.redact(text).spans if s.label == "PERSON"] == names


def test_districts_written_with_sd_and_schools_with_int() -> None:
    text = "Our district (Millbrook Area SD) and Millbrook Int. would like to join."
    assert [text[s.start:s.end] for s in _ROUND4.redact(text).spans] == ["Millbrook Area SD", "Millbrook Int."]


def test_user_names_made_of_an_initial_and_a_roster_surname() -> None:
    text = "Ticket 88 - submitted by khaddad? no, lhaddad - restore PD points"
    assert [text[s.start:s.end] for s in _ROUND4.redact(text).spans] == ["khaddad", "lhaddad"]
    assert _ROUND4.redact("we had a great time").spans == ()


@pytest.mark.parametrize("text", ["Qualtrics Post-Training Survey", "Nearpod Self-Paced Lessons",
                                  "Kahoot Year-End Review"])
def test_a_product_before_a_hyphenated_word_is_no_name(text) -> None:
    assert _ROUND4.redact(text).spans == ()


_ROUND6 = Redactor.from_roster(RosterNames(
    first=("Odessa", "Wendell"), last=("Pruitt", "Haskins"), full=("Odessa Pruitt", "Wendell Haskins"),
    places=("Birch Hollow Village School", "Cedar Gap Day School", "Escuela Intermedia Loma Verde",
            "Escuela Elemental Ramon Vega Colon", "Quarry Street Elementary", "Tamber Ridge Middle-High School",
            "Tamber Ridge Community Schools")))


@pytest.mark.parametrize(("text", "found"), [
    # a roster school's short forms: the kind of school after its name or before it, a person-named school's surnames
    ("The generator failed at Birch Hollow during the storm.", ["Birch Hollow"]),
    ("Family night at Cedar Gap went well.", ["Cedar Gap"]),
    ("La reunion fue en Loma Verde.", ["Loma Verde"]),
    ("We visited Vega Colon on Tuesday.", ["Vega Colon"]),
    ("The coach visit at Quarry St. Elementary ran long.", ["Quarry St. Elementary"]),
    # school and district words after a short form join it
    ("The contact for Tamber Ridge MHS changed.", ["Tamber Ridge MHS"]),
    ("Science night at Tamber Ridge Middle-High was full.", ["Tamber Ridge Middle-High"]),
    ("The panel for Tamber Ridge CS met.", ["Tamber Ridge CS"]),
])
def test_sixth_round_school_forms(text, found) -> None:
    assert [text[s.start:s.end] for s in _ROUND6.redact(text).spans] == found


@pytest.mark.parametrize(("text", "names"), [
    ('The panel included Odessa "Dessa" Pruitt and two others.', ['Odessa "Dessa" Pruitt']),   # a quoted nickname
    ("Lead: Wendell (Dell) Haskins, ask him.", ["Wendell (Dell) Haskins"]),
    ("Please add Uncle Wendell Haskins and Auntie Odessa Pruitt.", ["Uncle Wendell Haskins", "Auntie Odessa Pruitt"]),
    ("Letter of support from Hon. Odessa Pruitt, mayor.", ["Hon. Odessa Pruitt"]),              # titles of respect
    ("Rabbi Haskins and Sgt. Pruitt spoke.", ["Rabbi Haskins", "Sgt. Pruitt"]),
])
def test_sixth_round_nicknames_and_titles(text, names) -> None:
    assert [text[s.start:s.end] for s in _ROUND6.redact(text).spans if s.label == "PERSON"] == names


@pytest.mark.parametrize(("text", "address"), [
    ("Mail it to HC 62 Box 118, Tok, AK 99780 by Friday.", "HC 62 Box 118, Tok, AK 99780"),   # highway contract
    ("rr 3, box 41, Dover, DE 19901", "rr 3, box 41, Dover, DE 19901"),                        # rural route
    ("Send to General Delivery, Tok, AK 99780.", "General Delivery, Tok, AK 99780"),
    ("Oficina: Urb. Las Lomas, Calle 9 #22, Ciales, PR 00638", "Urb. Las Lomas, Calle 9 #22, Ciales, PR 00638"),
    ("Carr. 152 Km 3.4, Bo. Quebrada, Naranjito, PR 00719.", "Carr. 152 Km 3.4, Bo. Quebrada, Naranjito, PR 00719"),
    ("Ship to:\n77 W. Quarry Rd.\nNorth Platte, NE 69101", "77 W. Quarry Rd.\nNorth Platte, NE 69101"),  # lines
])
def test_sixth_round_addresses(text, address) -> None:
    assert [text[s.start:s.end] for s in _ROUND6.redact(text).spans] == [address]


@pytest.mark.parametrize("text", [
    "The Principal Investigator and the Judge Advocate office are on the base.",   # a role's word, not a name
    "Coach Education hours count toward renewal.",
    "Rural route buses run 2 boxes of supplies.",
])
def test_sixth_round_look_alikes_stay(text) -> None:
    assert _ROUND6.redact(text).spans == ()


@pytest.mark.parametrize("text", [
    "Las facilitadoras hicieron un gran trabajo. Muchos no dominan el inglés técnico.",   # articles, not names
    "Notices went home in English only to families whose home language is Karen or Nepali.",   # a language
    "We need Karen-speaking interpreters at every IEP.",
    'The book club read "Julie of the Wolves" and "Charlotte\'s Web" this spring.',      # titles of works
    "The storm reached Jefferson Davis Parish before Evangeline Parish.",                 # parishes and islands
    "Leaders from the Marshall Islands joined the spring meeting.",
    "We talked about the Molly Hootch settlement and the history of village high schools.",   # a legal settlement
    "The module used examples from corporate America.",                                   # a country
])
def test_sixth_round_public_words_stay(text) -> None:
    assert _ROUND6.redact(text).spans == ()


@pytest.mark.parametrize(("text", "names"), [
    ("Ask Jenny Parish about the roster.", ["Jenny Parish"]),    # a surname that is a place word, after a cue
    ("Mr. Parish called twice.", ["Mr. Parish"]),
    ("Karen Smith will send the notes.", ["Karen Smith"]),       # a given name that is a language, as a name
    ('"Maria and the kids" was how she put it.', ["Maria"]),     # a quote that is no title of a work
])
def test_sixth_round_names_beside_those_words_stay_found(text, names) -> None:
    assert [text[s.start:s.end] for s in _ROUND6.redact(text).spans if s.label == "PERSON"] == names


@pytest.mark.parametrize(("text", "review"), [
    ("The lunch monitor who speaks Portuguese and Kriolu is our best translator.", True),
    ("The dad who runs the radio show announced family night.", True),
    ("Please don't seat the tribal council's vice chair on the panel again.", True),
    ("Our board includes a mom whose son died last spring.", True),
    ("Our district's one school psychologist retires in June.", True),
    ("La chofer de la ruta, la única mujer conductora de la región, fue amenazada.", True),
    ("El maestro más joven de la región ganó el premio.", True),
    ("A board member's daughter was placed in the cohort.", True),
    ("The student who struggles in math needs Tier 2 time.", False),   # a generic student
    ("Drivers who know every family should join the team.", False),
    ("La única forma de mejorar es con tiempo.", False),
])
def test_sixth_round_review_shapes(text, review) -> None:
    assert _ROUND6.redact(text).needs_review is review


@pytest.mark.parametrize(("text", "names"), [
    ("My Tier 1 mentor is T. Y. O. and she signs that way.", ["T. Y. O."]),       # three dotted initials
    ("We flew to the U.S.A. and met at 9 a.m.", []),
    ("Can Tito Quiñones present the model?", ["Tito Quiñones"]),                   # a rare word before a surname
    ("The Puerto Rico model and the San Antonio team", []),                       # places of two name-like words
    ("Board member Renée St. Germain asked first.", ["Renée St. Germain"]),       # a saint's name in a surname
    ("My name is Kenai Paul and I teach science", ["Kenai Paul"]),                 # a name after "my name is"
    ("JP led the grade-level team.", ["JP"]),                                      # initials before a person's verb
    ("HR said no and the AP asked why.", []),
])
def test_sixth_round_person_shapes(text, names) -> None:
    assert [text[s.start:s.end] for s in _ROUND6.redact(text).spans if s.label == "PERSON"] == names


_CITY = Redactor.from_roster(RosterNames(
    first=("Imani",), last=("Okafor",), full=("Imani Okafor",),
    places=("P.S. 311 Willow Bend", "Granite Falls Early College High School", "Tidewater Alternative Learning Center",
            "Alder County Public Schools", "Brightwater City Department of Education", "Holy Cross Cathedral School",
            "Summit Prep – Lakeside Campus", "Kestrel Elementary/Middle School")))


@pytest.mark.parametrize(("text", "found"), [
    # numbered city schools and the name after the number; a school's name with its kind's initials
    ("The team from PS 311 and ps311 and P.S. 311 came.", ["PS 311", "ps311", "P.S. 311"]),
    ("We visited Willow Bend on Monday.", ["Willow Bend"]),
    ("The team from Granite Falls ECHS presented.", ["Granite Falls ECHS"]),
    ("Tidewater ALC ran the re-entry cycle.", ["Tidewater ALC"]),
    ("Missing: Alder CPS and Brightwater City DOE.", ["Alder CPS", "Brightwater City DOE"]),
    ("I was in Tier 2 with a teacher from Holy Cross.", ["Holy Cross"]),
    ("School assessment at Summit Prep – Lakeside: strong.", ["Summit Prep – Lakeside"]),
    ("Partner visit to Kestrel Elementary/Middle: virtual.", ["Kestrel Elementary/Middle"]),
    ("Everyone wants a PS5 for the raffle.", []),
])
def test_sixth_round_city_school_forms(text, found) -> None:
    assert [text[s.start:s.end] for s in _CITY.redact(text).spans] == found


@pytest.mark.parametrize(("text", "address"), [
    ("Mail goes to PSC 817 Box 2204, FPO AE 09622-0022 while he is deployed.", "PSC 817 Box 2204, FPO AE 09622-0022"),
    ("Unit 31401, Box 212\nAPO AE 09630", "Unit 31401, Box 212\nAPO AE 09630"),                # a military address
    ("Invoices: 1200 Loop 360 South, Bldg B, Austin, TX 78746.", "1200 Loop 360 South, Bldg B, Austin, TX 78746"),
    ("Ship to 88 County Road 12, Hays, KS 67601", "88 County Road 12, Hays, KS 67601"),        # a numbered road
])
def test_sixth_round_military_and_route_addresses(text, address) -> None:
    assert [text[s.start:s.end] for s in _CITY.redact(text).spans] == [address]


@pytest.mark.parametrize(("text", "names"), [
    ("Equity data request submitted by Mei-Ling Chou on 9/12.", ["Mei-Ling Chou"]),   # a hyphenated given name
    ("Self-Care Sunday and the Follow-Up Meeting ran long.", []),
    ("i signed up. sam oduya is co-leading it", ["sam oduya"]),                       # lower case, a surname no list has
    ("Cam on cac ban! The breakout was great, rat huu ich cho nhom cua chung toi.", []),  # a phrase in Vietnamese
    ("even mr hargrove from the old team came back", ["mr hargrove"]),                # a courtesy title in lower case
    ("open it in ms word before the dr appointment", []),
    ("Sullivan, Patrick — facilitator rating 5/5.", ["Sullivan, Patrick"]),           # "Last, First" before a dash
    ("The guest speaker Lt. Col. Renee Whitaker-Obi spoke.", ["Lt. Col. Renee Whitaker-Obi"]),   # two titles
    ("Officer Neto Salinas: drill at 10", ["Officer Neto Salinas"]),
    ("Sí, la señora Reyes me llamó tres veces.", ["señora Reyes"]),
    ("Our bus tour went through Washington Heights and Jackson Heights.", []),        # neighbourhoods
    ("Please schedule around Rosh Hashanah, Yom Kippur and Diwali.", []),             # holidays
])
def test_sixth_round_names(text, names) -> None:
    assert [text[s.start:s.end] for s in _CITY.redact(text).spans if s.label == "PERSON"] == names


@pytest.mark.parametrize(("text", "review"), [
    ("La maestra que lleva 31 años en la misma escuela debería dirigir la sesión.", True),
    ("El esposo de la directora trabaja en la oficina central.", True),
    ("Como la única directora latina del programa, me sentí sola.", True),
    ("La coordinadora que se jubiló en diciembre dejó todo sin explicar.", True),
    ("The new principal at Laurel Glen came from out of state.", True),
    ("The one parent who came to every family night should get a certificate.", True),
    ("The ROTC instructor at Quarry Ridge who retired from the Army mentors students.", True),
    ("El director que quiera participar debe inscribirse antes del viernes.", False),   # anyone of the role
    ("The new principals need more coaching.", False),
    ("The new curriculum at every school is strong.", False),
])
def test_seventh_round_review_shapes(text, review) -> None:
    assert _CITY.redact(text).needs_review is review


@pytest.mark.parametrize(("text", "review"), [
    # one holder of a role at one place, and what they do (no "who" needed)
    ("The reading specialist at Birchfield refuses to share the screener data.", True),
    ("The aide in room 22 has covered recess alone since January.", True),
    ("Whoever hired the new dean at the high school should call his last district.", True),
    # a presenter is one person the program knows
    ("The man who ran the afternoon breakout talked over every woman in the room.", True),
    ("The fifth grader who read her poem at the showcase should lead the assembly.", True),
    ("A former counselor from our district who now works for the state visited.", True),
    # plural or generic roles, and places without a role's holder
    ("The teachers at Birchfield are tired.", False),
    ("The coaches in every building met twice.", False),
    ("A facilitator who knows the content would help.", False),
    ("The principal in each school decides the schedule.", False),
])
def test_eighth_round_review_shapes(text, review) -> None:
    assert _CITY.redact(text).needs_review is review


_SPANISH_NAMES = RosterNames(
    first=("Ignacio", "Maria Guadalupe", "Jesús", "Dolores"), last=("Beltrán", "Reyes", "Ortiz", "Salas"),
    full=("Ignacio Beltrán", "Maria Guadalupe Reyes", "Jesús Ortiz", "Dolores Salas"))


@pytest.mark.parametrize(("text", "names"), [
    # a roster person's Spanish nickname, of either part of a two-word given name
    ("Nacho and Lupe covered the front office.", ["Nacho", "Lupe"]),
    ("Gracias a Chuy por la traducción.", ["Chuy"]),
    ("Lola ran the data meeting.", ["Lola"]),
])
def test_spanish_nicknames_of_roster_people(text, names) -> None:
    red = Redactor.from_roster(_SPANISH_NAMES)
    assert [text[s.start:s.end] for s in red.redact(text).spans if s.label == "PERSON"] == names


def test_spanish_nicknames_only_for_the_rosters_names() -> None:
    # nobody on this roster is Ignacio or Guadalupe: the words are left alone
    red = Redactor.from_roster(RosterNames(first=("Imani",), last=("Okafor",), full=("Imani Okafor",)))
    assert red.redact("Nacho covered the front office.").spans == ()
    from evalkit.namelists import spanish_nicknames
    table = spanish_nicknames()
    assert {"lupe", "lupita"} <= table["guadalupe"] and "nacho" in table["ignacio"]
    assert all(name.isascii() and name.islower() for name in table) and "sole" not in table.get("soledad", ())


@pytest.mark.parametrize(("text", "names"), [
    # a roster surname that is a pronoun in lower case is the pronoun; a degree's letters are nobody
    ("Contact her at (317) 555-0116 with questions.", []),
    ("Ms. Her called twice; mai her is on the list.", ["Ms. Her", "mai her"]),
    ("Rosalind Okafor, Ed.D., signed it.", ["Rosalind Okafor"]),
    ("Ed said the data were late.", ["Ed"]),
])
def test_pronoun_surnames_and_degrees(text, names) -> None:
    red = Redactor.from_roster(RosterNames(first=("Mai", "Ed"), last=("Her", "Lund"), full=("Mai Her", "Ed Lund")))
    assert [text[s.start:s.end] for s in red.redact(text).spans if s.label == "PERSON"] == names


@pytest.mark.parametrize("text", ["Admin needs to address it.", "Helpdesk said to wait.", "Walkthrough went well, thx.",
                                  "Onboarding took a week."])
def test_words_of_school_work_are_no_names(text) -> None:
    assert Redactor.from_roster(RosterNames(first=("Ana",), last=("Ruiz",), full=("Ana Ruiz",))).redact(text).spans == ()


@pytest.mark.parametrize(("text", "names"), [
    # a roster name that is still a plain word, at a sentence's start: a name only when a verb follows
    ("Frost advisory cancelled our walk-through.", []),
    ("Rocky start, strong finish.", []),
    ("Frost creates a calm room.", ["Frost"]),
    ("Rocky doesn't sugarcoat anything.", ["Rocky"]),
    ("We thanked Frost twice.", ["Frost"]),
])
def test_plain_word_names_at_a_sentence_start(text, names) -> None:
    red = Redactor.from_roster(RosterNames(first=("Rocky", "Ana"), last=("Stone", "Frost"),
                                           full=("Rocky Stone", "Ana Frost")))
    assert [text[s.start:s.end] for s in red.redact(text).spans if s.label == "PERSON"] == names


@pytest.mark.parametrize(("text", "schools"), [
    # rural schools and the regional bodies that serve districts, by their kind, with their number
    ("Teams from Hollis Creek BOCES and Sawtooth Valley ESD 112 came.", ["Hollis Creek BOCES", "Sawtooth Valley ESD 112"]),
    ("Ask SAU #31 and RSU 8 about the shared coach; CESA 11 agreed.", ["SAU #31", "RSU 8", "CESA 11"]),
    ("Region 4 ESC and the Regional Office of Education #17 sent staff.",
     ["Region 4 ESC", "Regional Office of Education #17"]),
    ("We toured Maple Bend Attendance Center in Maple Bend CSD.", ["Maple Bend Attendance Center", "Maple Bend CSD"]),
    ("Maple Creek Community Unit School District No. 6 signed on.",
     ["Maple Creek Community Unit School District No. 6"]),
    ("Walnut Hill R-III and Tamarack Valley SU joined.", ["Walnut Hill R-III", "Tamarack Valley SU"]),
    ("The ESD folks drove 6 hours; Hollis Creek BOCES 12 teachers came.", ["Hollis Creek BOCES"]),   # a count
])
def test_regional_bodies_and_rural_schools(text, schools) -> None:
    assert [text[s.start:s.end] for s in _CITY.redact(text).spans if s.label == "SCHOOL"] == schools


@pytest.mark.parametrize("text", [
    "Cinco de Mayo, Día de los Muertos and Las Posadas came up; Eid and Mawlid too.",   # holidays
    "Name\tRole\tStatus\nPrincipal\tTier 3\tCompleted",                                # a table's cells
    "Las familias quieren la junta por la tarde. Tel (956) 555-0131.",                 # a phone's label
])
def test_round8_no_names(text) -> None:
    assert [s.label for s in _CITY.redact(text).spans if s.label == "PERSON"] == []


# Round 9 (session 14): contact data in shapes taken from a matrix written from the labelling rules (formats x
# contexts), not from any corpus text.
@pytest.mark.parametrize(("text", "found"), [
    ("call (802)-555-0147 today", ("(802)-555-0147", "PHONE")),                       # a dash after the brackets
    ("email dana(dot)reyes(at)example(dot)org please", ("dana(dot)reyes(at)example(dot)org", "EMAIL")),
    ("write to d.reyes@example[.]org", ("d.reyes@example[.]org", "EMAIL")),            # a fenced dot
    ("write to d.reyes at example[.]org", ("d.reyes at example[.]org", "EMAIL")),
    ("it is d.reyes@example,org I think", ("d.reyes@example,org", "EMAIL")),           # a comma typed for the dot
    ("<dreyes at example.org>", ("dreyes at example.org", "EMAIL")),                   # brackets open an address
    ("mailto:dreyes at example.org", ("dreyes at example.org", "EMAIL")),
    ("dreyes at example.org", ("dreyes at example.org", "EMAIL")),                     # no English word before "at"
    ("reach me at dana dot reyes at example dot org or call", ("dana dot reyes at example dot org", "EMAIL")),
])
def test_round9_contact_shapes(text, found) -> None:
    assert _found(_CITY.redact(text), text) == [found]


@pytest.mark.parametrize(("text", "address"), [
    ("Mail it to 300 E. 5th Avenue, Room 114.", "300 E. 5th Avenue, Room 114"),       # an ordinal street
    ("We meet at 1600 Pennsylvania Ave NW on Tuesdays.", "1600 Pennsylvania Ave NW"),  # a quarter after the street
    ("Address: N4521 County Road QQ, Marion, WI 54950", "N4521 County Road QQ, Marion, WI 54950"),   # a rural grid
    ("ship to W 2290 Hwy 10 please", "W 2290 Hwy 10"),
    ("Address: 456 County Rd 12 N", "456 County Rd 12 N"),
    ("Address: 5127 County Road 9 NE, Suite B\nPine Lake, MN 56474-2210",
     "5127 County Road 9 NE, Suite B\nPine Lake, MN 56474-2210"),
    ("Calle Sol 45, Ponce, PR 00716", "Calle Sol 45, Ponce, PR 00716"),               # the number after the street
    ("Bldg 4, 100 Industrial Pkwy", "Bldg 4, 100 Industrial Pkwy"),                    # a building before it
    ("P.O. Box 2950, Hagatna, Guam 96932", "P.O. Box 2950, Hagatna, Guam 96932"),      # a territory's name
])
def test_round9_address_shapes(text, address) -> None:
    assert _found(_CITY.redact(text), text) == [(address, "ADDRESS")]


@pytest.mark.parametrize("text", [
    "We had 3 5th grade classes and 2 2nd grade ones.",
    "The Calle Ocho festival was the best field trip.",
    "Our 2nd floor office moved; see the W 3 wing.",
])
def test_round9_no_contact_data(text) -> None:
    assert _CITY.redact(text).spans == ()


def test_round9_an_everyday_word_before_at_is_no_email() -> None:
    text = "we met at bps.org last spring"                  # (the domain alone is a link)
    assert _found(_CITY.redact(text), text) == [("bps.org", "URL")]


@pytest.mark.parametrize(("text", "url"), [
    ("see example.org:8080/x for slides", "example.org:8080/x"),                          # a port
    ("(https://example.org/a(b))", "https://example.org/a(b)"),                           # its own brackets stay
    ("go to https://example.org/a(b).", "https://example.org/a(b)"),
    ("Link (bit.ly/3xYzAbc), thanks", "bit.ly/3xYzAbc"),                                  # the sentence's do not
])
def test_round9_link_ends(text, url) -> None:
    assert _found(_CITY.redact(text), text) == [(url, "URL")]


@pytest.mark.parametrize(("text", "names"), [
    ("Dr. Martin Luther King Jr. Day moved our retreat.", []),            # a day named after someone
    ("Prince Kuhio Day and Cesar Chavez Day are school holidays.", []),
    ("Sen. Margaret Chase Smith's speech opened the module.", []),         # a public office's holder
    ("Governor Ruiz signed the bill; President Lincoln's letter was read.", []),
    ("Our board president Ana Ruiz said hi.", ["Ana Ruiz"]),              # a program's own officer stays
    ("Gov. Ana Ruiz visited.", ["Gov. Ana Ruiz"]),     # a roster person's full name stays, with the office's title
    ("Ms. Day and Coach Kim ran the session.", ["Ms. Day", "Coach Kim"]),
])
def test_round9_holidays_and_public_offices(text, names) -> None:
    red = Redactor.from_roster(RosterNames(first=("Ana", "Kim"), last=("Ruiz", "Day"), full=("Ana Ruiz", "Kim Day")))
    assert [text[s.start:s.end] for s in red.redact(text).spans if s.label == "PERSON"] == names


@pytest.mark.parametrize(("text", "school"), [
    # school shapes from a matrix of kinds x contexts (not from any corpus text)
    ("We visited Maple Grove Jr.-Sr. High School last week.", "Maple Grove Jr.-Sr. High School"),
    ("teachers at Maple Grove Jr/Sr High, mostly new", "Maple Grove Jr/Sr High"),
    ("Maple Grove Middle-High School staff loved it.", "Maple Grove Middle-High School"),
    ("The team from Maple Grove Magnet presented.", "Maple Grove Magnet"),
    ("Our Lady of Sorrows School staff loved it.", "Our Lady of Sorrows School"),
    ("Teams at Our Lady of the Lake met.", "Our Lady of the Lake"),           # where a place is named
    ("We visited IS 318 last week.", "IS 318"),
    ("Coaching at MS 51: good.", "MS 51"),
    ("The team from School No. 7 presented.", "School No. 7"),
    ("School 27 staff loved it.", "School 27"),
])
def test_round9_school_shapes(text, school) -> None:
    assert _found(_CITY.redact(text), text) == [(school, "SCHOOL")]


@pytest.mark.parametrize("text", [
    "The feast of Our Lady of Guadalupe is Dec 12.",    # Mary's title, not a school or a person
    "IT IS 318 MILES TO THE CAPITAL",                   # capitals say nothing
    "School 2023-24 was long.",
])
def test_round9_no_school(text) -> None:
    assert _CITY.redact(text).spans == ()


@pytest.mark.parametrize(("text", "names"), [
    # a roster person written surname first is one span, comma included (strict: every character counts)
    ("Thanks to Reyes, Dana for the slides.", ["Reyes, Dana"]),
    ("[10:14] Santiago Ortiz, Marisol: agreed", ["Santiago Ortiz, Marisol"]),
    ("Reyes, Dana\tMaple Grove Elementary\tPrincipal", ["Reyes, Dana"]),       # a table's cell ends the school
    ("Met with Reyes, Dana and Nguyen, Tomas.", ["Reyes, Dana", "Nguyen, Tomas"]),
    ("write to Dana Reyes, dana.reyes@example.org", ["Dana Reyes"]),          # never into an e-mail
    ("Dana, Marisol and Tomas came.", ["Dana", "Marisol", "Tomas"]),          # a list of given names stays a list
])
def test_round9_names_surname_first(text, names) -> None:
    red = Redactor.from_roster(RosterNames(first=("Dana", "Marisol", "Tomás"), last=("Reyes", "Santiago Ortiz", "Nguyen"),
                                           full=("Dana Reyes", "Marisol Santiago Ortiz", "Tomás Nguyen"),
                                           places=("Maple Grove Elementary",)))
    assert [text[s.start:s.end] for s in red.redact(text).spans if s.label == "PERSON"] == names


def test_round9_a_surname_never_crosses_a_line() -> None:
    text = "[9:01 AM] Akana, Noelani\nAloha! Starting with the recap"
    red = Redactor.from_roster(RosterNames(first=("Noelani",), last=("Akana",), full=("Noelani Akana",)))
    assert [text[s.start:s.end] for s in red.redact(text).spans] == ["Akana, Noelani"]


@pytest.mark.parametrize(("text", "found"), [
    # round 10 (tuned on eighth/'s tune half after its blind check): ranks, bodies, saints and storms
    ("SFC Darnell Pruitt and Cadet Maj. Trinh Le ran it.", [("SFC Darnell Pruitt", "PERSON"),
                                                            ("Cadet Maj. Trinh Le", "PERSON")]),
    ("Colonel (Ret.) Harlan Pettibone spoke.", [("Colonel (Ret.) Harlan Pettibone", "PERSON")]),
    ("Clergy from the Diocese of Grand Estuary and Archdiocese of Lakemont came.",
     [("Diocese of Grand Estuary", "SCHOOL"), ("Archdiocese of Lakemont", "SCHOOL")]),
    ("Staff of Región Educativa de Sierra Alta and DoDEA Europe East met.",
     [("Región Educativa de Sierra Alta", "SCHOOL"), ("DoDEA Europe East", "SCHOOL")]),
    ("Mentors from the Harbor Lights Charter Network helped.", [("Harbor Lights Charter Network", "SCHOOL")]),
    ("Mail: 188 Chalan Pale Duenas, Yona, GU 96915", [("188 Chalan Pale Duenas, Yona, GU 96915", "ADDRESS")]),
])
def test_round10_shapes(text, found) -> None:
    assert _found(_CITY.redact(text), text) == found


@pytest.mark.parametrize("text", [
    "Sts. Peter and Paul feast day is a holy day.",            # saints
    "St. Kateri Tekakwitha is honored by many families.",
    "After Hurricane Maria we lost a third of our students; Maria hit the grid hard.",   # a storm, twice
    "DoDEA sent the new guidance.",                            # the agency alone
])
def test_round10_no_one(text) -> None:
    assert [s.label for s in _CITY.redact(text).spans if s.label != "SELF_ID"] == []


# Round 11 (session 15): shapes the round-9 matrices still missed, written from the labelling rules, not from a corpus
@pytest.mark.parametrize(("text", "found"), [
    ("Call me at 802-555-01-47.", ("802-555-01-47", "PHONE")),                 # the last four digits in pairs
    ("Tel.555-0147 ext. 22", ("555-0147 ext. 22", "PHONE")),                   # a local number straight after a label
    ("Fax.555.0147", ("555.0147", "PHONE")),
    ("email dana reyes at example dot org please", ("dana reyes at example dot org", "EMAIL")),   # a spaced local part
    ("Mail it to One Education Plaza, Jackson, MS 39201.", ("One Education Plaza, Jackson, MS 39201", "ADDRESS")),
])
def test_round11_contact_shapes(text, found) -> None:
    red = Redactor.from_roster(RosterNames(first=("Dana",), last=("Reyes",), full=("Dana Reyes",)))
    assert _found(red.redact(text), text) == [found]


@pytest.mark.parametrize("text", [
    "Scores ran 802-555 on the pretest.",               # no pairs without the separators of a number
    "One Education Plaza hosted the fair.",             # a spelled-out number needs a city, state and ZIP after it
    "Two Rivers Park, then lunch.",
    "Tel. 555 is the room.",
])
def test_round11_no_contact_data(text) -> None:
    assert [s.label for s in _CITY.redact(text).spans if s.label in ("PHONE", "ADDRESS", "EMAIL")] == []


@pytest.mark.parametrize(("text", "found"), [
    ("D.R. led the session.", ["D.R."]),                 # a roster person's initials with stops, "DR" among them
    ("Thanks to DR for the slides.", ["DR"]),            # bare, after a cue
    ("DR observed two classes.", ["DR"]),                # before a verb that takes a person
    ("[10:02] DR: agreed", ["DR"]),                      # a chat's speaker
    ("See you Monday.\n— DR", ["DR"]),                   # a sign-off
    ("The DR trip was moved; the AC has been broken.", []),   # no cue, no verb: a place; an article: a thing
    ("Families from the DR arrived.", []),
    ("AP observed two classes.", []),                    # a role's letters, whoever's initials they are
])
def test_round11_roster_initials(text, found) -> None:
    red = Redactor.from_roster(RosterNames(first=("Dana", "Ana"), last=("Reyes", "Perez"),
                                           full=("Dana Reyes", "Ana Perez")))
    assert [text[s.start:s.end] for s in red.redact(text).spans if s.label == "PERSON"] == found


# Round 12 (session 15): names off the roster from a matrix of name forms x contexts written from the labelling rules
_NOBODY = Redactor.from_roster(RosterNames(first=("Dana",), last=("Reyes",), full=("Dana Reyes",)))


@pytest.mark.parametrize(("text", "name"), [
    ("Thanks to Maria de la Garza for the slides.", "Maria de la Garza"),      # particles between the names
    ("I met with Jesús de la Garza and the team.", "Jesús de la Garza"),
    ("Thanks to Ka'iulani Kahananui for it.", "Ka'iulani Kahananui"),          # an ʻokina typed as an apostrophe
    ("Spoke with Kaʻiulani after the meeting.", "Kaʻiulani"),
    ("Thanks to Summer Young for the slides.", "Summer Young"),               # everyday words beside a cue
    ("Ji-hoon Park led the session.", "Ji-hoon Park"),                        # ... or before a verb
    ("Park Ji-hoon led the session.", "Park Ji-hoon"),                        # a Korean name, surname first
    ("Our sub, Keoni, was great.", "Keoni"),                                  # a role in apposition
    ("the student (Sione) moved to another school", "Sione"),                # a role and brackets
    ("Coaching log: observed Harpreet teaching two classes.", "Harpreet"),
    ("Great job by Anahit!", "Anahit"),
    ("See you Monday.\n— Ji-hoon Park", "Ji-hoon Park"),                       # a sign-off of two words
])
def test_round12_names_off_the_roster(text, name) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "PERSON"] == [name]


@pytest.mark.parametrize("text", [
    "Thanks to Lincoln Park staff for hosting.",          # a place's people
    "We met at Grant Park after the session.",            # no cue: a place
    "Queen Liliʻuokalani's Aloha ʻOe was sung at the closing.",   # royalty: a public figure
    "Casa de la Cultura hosted the family night.",         # particles, but no given name before them
    "I don't know; we'll see. O'Neil's plan and y'all's ideas.",   # contractions and a prefix stay apostrophes
])
def test_round12_no_one(text) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "PERSON"] == []


def test_round12_okina_in_a_roster_name_matches_every_spelling() -> None:
    red = Redactor.from_roster(RosterNames(first=("Kaʻiulani",), last=("Kahananui",), full=("Kaʻiulani Kahananui",)))
    for text in ("Kaiulani was there", "KA'IULANI WAS THERE", "ka'iulani said", "Ka'iulani said", "Kaʻiulani said"):
        assert [s.label for s in red.redact(text).spans] == ["PERSON"], text


@pytest.mark.parametrize(("text", "names"), [
    # an export's HTML debris is read as what it shows; the span covers the markup whole
    ("Comment:&nbsp;Our AP Mrs. O&#39;Shaughnessy ran it &amp; it was good.", ["Mrs. O&#39;Shaughnessy"]),
    ("Thanks Keoni<br>— Dana Reyes", ["Keoni", "Dana Reyes"]),
    # "Surname, Given" filling a table's cell, a surname no list holds included
    ("Sign-in\nHolmquist, Anders\tGranite Valley School District\nBeauchamp, Genevieve\tSt. Ursule Parish Schools",
     ["Holmquist, Anders", "Beauchamp, Genevieve"]),
    ("Our students Tatanka and Wambli sang the honor song.", ["Tatanka", "Wambli"]),   # named after their group
    ("June Cook teaches welding; in June her students cook for the banquet.", ["June Cook"]),   # never lower case
])
def test_round12_layout_and_markup(text, names) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "PERSON"] == names


def test_round12_markup_maps_back_to_the_original() -> None:
    text = "Tom &amp; Jerry; call 555-0147&nbsp;now or <br/>write to d.reyes@example.org&#46;"
    spans = _NOBODY.redact(text).spans
    assert [text[s.start:s.end] for s in spans] == ["555-0147", "d.reyes@example.org"]


@pytest.mark.parametrize(("text", "names"), [
    ("The student panel (Amara, Josué and DeShawn) was the highlight.", ["Amara", "Josué", "DeShawn"]),  # "DeShawn"
    ("text from a parent: my son Kainoa won't be at the visit", ["Kainoa"]),         # a kinship word as a cue
    ("get the badge list to miss kealoha by friday", ["miss kealoha"]),             # "miss" typed in lower case
    ("(Chief Aguon says he is no relation)", ["Chief Aguon"]),                     # "Chief" as a title
    ("I miss recess. The Chief Academic Officer came.", []),                        # ... not before everyday words
])
def test_round12_titles_and_cues(text, names) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "PERSON"] == names


# Round 13 (session 15): after the ninth blind set's blind check, tuned on its tune half (the West, the Pacific, the
# Southwest border)
@pytest.mark.parametrize(("text", "found"), [
    ("We visited Alvord Basin School in the High Desert Basin ESD today.",
     [("Alvord Basin School", "SCHOOL"), ("High Desert Basin ESD", "SCHOOL")]),          # a place's adjective kept
    ("Fred Noatak from the Yukon Slough REAA joined.", [("Fred Noatak", "PERSON"), ("Yukon Slough REAA", "SCHOOL")]),
    ("A visit in the Kaʻala-Waimalu Complex Area.", [("Kaʻala-Waimalu Complex Area", "SCHOOL")]),
    ("Kiona Wauneka (Eastern Plateau Education Line Office).",
     [("Kiona Wauneka", "PERSON"), ("Eastern Plateau Education Line Office", "SCHOOL")]),
    ("Our kids from Cesar E. Chavez Elementary came.", [("Cesar E. Chavez Elementary", "SCHOOL")]),
    ("We visited Sor Juana Inés de la Cruz High School.", [("Sor Juana Inés de la Cruz High School", "SCHOOL")]),
    ("We did the site visit at Tsé Ch'ízhí Community School.", [("Tsé Ch'ízhí Community School", "SCHOOL")]),
    ("Don Efraín Zúñiga y la Sra. Lorena Vaca.", [("Don Efraín Zúñiga", "PERSON"), ("Sra. Lorena Vaca", "PERSON")]),
    ("Sir Rodel and Ma'am Ligaya made it.", [("Sir Rodel", "PERSON"), ("Ma'am Ligaya", "PERSON")]),
    ("the session with doctor kim and missus choi", [("doctor kim", "PERSON"), ("missus choi", "PERSON")]),
    ("k.k., s.t. and n.k. from the high school", [("k.k.", "PERSON"), ("s.t.", "PERSON"), ("n.k.", "PERSON")]),
    ("Site visit: Agnes  Wassillie,  907  555  0121.", [("Agnes  Wassillie", "PERSON"), ("907  555  0121", "PHONE")]),
    ("Phone tree: Lorraine 928-555-0144, Autumn (928) 555-0136.",
     [("Lorraine", "PERSON"), ("928-555-0144", "PHONE"), ("Autumn", "PERSON"), ("(928) 555-0136", "PHONE")]),
])
def test_round13_shapes(text, found) -> None:
    assert _found(_NOBODY.redact(text), text) == found


@pytest.mark.parametrize("text", [
    "P.L. 94-142 history was interesting.",                      # a law's initials before its number
    "We are Wolf Clan and Eagle Clan families here.",             # a clan, a nation before its people
    "A few Cheyenne families moved in last year.",
    "El maestro de la escuela de Las Milpas toca en el mariachi.",   # an article starts a place
    "Meet at 9 a.m. or 3 p.m., e.g. after lunch.",
    "Don Quixote energy in the Phase 3 goals.",
])
def test_round13_no_one(text) -> None:
    assert [s.label for s in _NOBODY.redact(text).spans if s.label != "SELF_ID"] == []


def test_round13_lower_case_roster_words_in_spanish_need_a_cue() -> None:
    red = Redactor.from_roster(RosterNames(first=("Milagros", "Alegría"), last=("Reyes", "Soto"),
                                           full=("Milagros Reyes", "Alegría Soto")))
    assert red.redact("Con mucha alegría les cuento que el equipo ya usa los protocolos.").spans == ()
    text = "thanks to alegria for the snacks, she was great"
    assert [text[s.start:s.end] for s in red.redact(text).spans] == ["alegria"]


def test_round13_letters_with_a_stroke_fold_to_plain_letters() -> None:
    # a roster school's initials and a roster name match as typed on an English keyboard ("Ł" as "L", "Đ" as "D")
    red = Redactor.from_roster(RosterNames(first=("Đức",), last=("Nguyễn",), full=("Đức Nguyễn",),
                                           places=("Tó Łitso Community School",)))
    text = "Duc Nguyen from TLCS: hello from To Litso Community School"
    assert _found(red.redact(text), text) == [("Duc Nguyen", "PERSON"), ("TLCS", "SCHOOL"),
                                               ("To Litso Community School", "SCHOOL")]
    text = "Our student guides Kekoa Mahoe and Leinaʻala Kuamoʻo were so proud."   # an ʻokina before one letter
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans] == ["Kekoa Mahoe", "Leinaʻala Kuamoʻo"]


@pytest.mark.parametrize(("text", "found"), [
    # Spanish names a school by its kind first, on the roster or not (never "la escuela de <a place>")
    ("Visitamos la Escuela Elemental Luis A. Ferré ayer.", [("Escuela Elemental Luis A. Ferré", "SCHOOL")]),
    ("habla Yolanda Treviño de la primaria Juárez, gracias", [("Yolanda Treviño", "PERSON"),
                                                              ("primaria Juárez", "SCHOOL")]),
    ("El maestro de la escuela de Las Milpas toca.", []),
    # "Surname, Given" as a chat's speaker, after a time stamp or before one, names no list holds included
    ("[10:15] Host: hi\n[10:16] Attakai, Rosella: parent rep here", [("Attakai, Rosella", "PERSON")]),
    ("Great, let's start\nHersi, Fadumo  10:04 AM\nsorry late", [("Hersi, Fadumo", "PERSON")]),
    ("Sites:\nKona, Hilo\tboth", []),                                      # two places in a cell: no speaker
    ("Harlan County folks came, including Commissioner Earl Blevins.", [("Commissioner Earl Blevins", "PERSON")]),
])
def test_round13_spanish_schools_and_chat_speakers(text, found) -> None:
    assert _found(_NOBODY.redact(text), text) == found


def test_round13_words_of_another_language_at_a_sentence_start_are_no_name() -> None:
    text = "Tiếng Việt: Cảm ơn cô Hằng và thầy Dũng đã dịch cho phụ huynh trong buổi họp."
    assert "Tiếng Việt" not in [text[s.start:s.end] for s in _NOBODY.redact(text).spans]
    assert [s.label for s in _NOBODY.redact("Bashir Nur").spans] == ["PERSON"]   # a name alone is judged as English


@pytest.mark.parametrize("text", [
    # public figures, companies, books, idioms and places the tune halves' comments named in passing
    "John Deere donated the equipment for the ag program.",
    "Caitlin Clark was the example of persistence in the session.",
    "Officer Buckle and Gloria is the safety book for our K-1 classes.",
    "Baker's dozen of participants at the last meeting.",
    "Mauna Kea, Haleakalā, the Koʻolau were the examples.",
    "la maestra que vino de Nueva York este año es la mejor",
    "Le professeur qui organise le Mardi Gras mérite le pipeline.",
])
def test_round13_public_names(text) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "PERSON"] == []


@pytest.mark.parametrize(("text", "names"), [
    # where a storm is named, a retired storm's name is the storm; a verb that takes a person keeps the person
    ("Hurricane Fiona was smaller than Maria but it hit the same broken grid.", []),
    ("After Hurricane Ida, Maria led the recovery.", ["Maria"]),
    ("Maria led the session after the hurricane drill.", ["Maria"]),
])
def test_round13_retired_storms(text, names) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "PERSON"] == names


@pytest.mark.parametrize("text", [
    # one person picked out by a clause about them: more roles, a longer place between, Spanish with the school first
    "The chaplain who runs the Friday Mass and teaches religion was pulled into every session.",
    "The retired colonel who volunteers as our JROTC instructor ran the best staff meeting.",
    "The principal at our sister school in Lahontan County School District who shared her master schedule.",
    "La directora de Tomasa de la Rosa Elementary que se jubiló en diciembre dejó el plan a medias.",
    "El maestro de música de la escuela de Las Milpas, el que toca en el mariachi, debería estar en el programa.",
])
def test_round13_review_shapes(text) -> None:
    assert _NOBODY.redact(text).needs_review


@pytest.mark.parametrize("text", [
    "The kumu at Ke Kula ʻo Hōkūlani who runs the loʻi on Saturdays brought the whole cohort into the mud.",
    "The university partner who did the data analysis left for another job halfway through.",
    "mi maestra de matemáticas de octavo, la que vino de Nueva York este año, es la mejor maestra",
])
def test_round13_review_roles(text) -> None:
    assert _NOBODY.redact(text).needs_review


@pytest.mark.parametrize(("text", "found"), [
    ("Dr. Kwame Asante from the Lyndale Magnet School for Science spoke.",
     [("Dr. Kwame Asante", "PERSON"), ("Lyndale Magnet School for Science", "SCHOOL")]),   # what a school is for
    ("The resident principal program at BP Collegiate is working.", [("BP Collegiate", "SCHOOL")]),
    ("sorry for typos miz sandy bruce was the best at organizing", [("miz sandy bruce", "PERSON")]),
    ("Los estudiantes Keyshla y Lucas presentaron su proyecto", [("Keyshla", "PERSON"), ("Lucas", "PERSON")]),
    ("The School of Education sent the forms.", []),
])
def test_round13_more_shapes(text, found) -> None:
    assert _found(_NOBODY.redact(text), text) == found


@pytest.mark.parametrize(("text", "names"), [
    ("Mr. and Mrs. Oyelaran-Smith's number is new.", ["Mr. and Mrs. Oyelaran-Smith"]),     # a couple, one name
    ("Student voice: my name is Htee Say Paw, I am in 10th grade", ["Htee Say Paw"]),      # three words
    ("Lupe 📱: are u coming\nChase W 📱: yes running late", ["Lupe", "Chase W"]),           # an emoji by the speaker
    ("Signed, Chairman Delbert Last Star.", ["Chairman Delbert Last Star"]),
])
def test_round13_couples_speakers_and_long_names(text, names) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "PERSON"] == names


@pytest.mark.parametrize(("text", "names"), [
    # a generational suffix straight after a name is the name's, its full stop too
    ("Thanks to Tyrone Banks Jr. for the slides.", ["Tyrone Banks Jr."]),
    ("Billy Ray Cooper III led it.", ["Billy Ray Cooper III"]),
    ("Tyrone Banks, Jr. came", ["Tyrone Banks, Jr."]),
    ("Dr. Martin Luther King Jr. Day moved our retreat.", []),     # a holiday still names no one
])
def test_round13_generational_suffixes(text, names) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "PERSON"] == names


@pytest.mark.parametrize(("text", "names"), [
    # round 14 (session 15; a matrix of Southern, Haitian, Arab-American and Cherokee name forms x contexts, written
    # from the labelling rules while the tenth blind set was written)
    ("Thanks to Ja'Marcus Thompson for the slides.", ["Ja'Marcus Thompson"]),     # an apostrophe before a capital
    ("DeShawn Booker led the session.", ["DeShawn Booker"]),                       # a capital after a prefix
    ("Thanks to Jean-Baptiste Pierre for the slides.", ["Jean-Baptiste Pierre"]),  # a rare surname in a given name
    ("Thanks to Yusuf bin Saleh for the slides.", ["Yusuf bin Saleh"]),            # "bin" between the names
    ("Thanks to Blessing Okafor for the slides.", ["Blessing Okafor"]),           # an everyday word before a rare surname
    ("Sissy Lavergne led the session.", ["Sissy Lavergne"]),
    ("Sheikh Hamdan and Mme. Jean-Baptiste came.", ["Sheikh Hamdan", "Mme. Jean-Baptiste"]),
    ("Seeing Chue's results changed my mind.", ["Chue"]),                           # not a verb's -ing form
])
def test_round14_name_forms(text, names) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "PERSON"] == names


@pytest.mark.parametrize(("text", "found"), [
    ("Rt. 2 Box 114, Clarksdale, MS 38614", [("Rt. 2 Box 114, Clarksdale, MS 38614", "ADDRESS")]),   # a route's box
    ("20000 W 8 Mile Rd, Detroit, MI 48219", [("20000 W 8 Mile Rd, Detroit, MI 48219", "ADDRESS")]),
    ("the 8 Mile Rd bus was late", []),                    # a road named by its mile, no house on it
    ("Take Route 66 to the box office.", []),
])
def test_round14_roads(text, found) -> None:
    assert _found(_NOBODY.redact(text), text) == found


@pytest.mark.parametrize(("text", "names"), [
    ("Thanks to Ja'Marcus for the slides.", ["Ja'Marcus"]),              # a given name joined by an apostrophe, alone
    ("Marie-Ange led the session.", ["Marie-Ange"]),                     # ... or by a hyphen
    ("We flew into O'Hare on Monday.", []),
    ("The Lincoln-Douglas debate unit and Orton-Gillingham materials were a hit.", []),
])
def test_round14_joined_given_names(text, names) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "PERSON"] == names


def test_pii_module_names_each_pattern_once() -> None:
    # a second module-level assignment silently replaces the first for every rule that reads it (twice so far: a
    # surname pattern and a group-noun pattern were shadowed); every name is bound once
    import ast
    import collections

    import evalkit.pii as pii
    tree = ast.parse(open(pii.__file__, encoding="utf-8").read())
    names = [t.id for node in tree.body if isinstance(node, (ast.Assign, ast.AnnAssign))
             for t in (node.targets if isinstance(node, ast.Assign) else [node.target]) if isinstance(t, ast.Name)]
    names += [node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))]
    assert [n for n, k in collections.Counter(names).items() if k > 1] == []


# Round 15 (session 15): after the tenth blind set's blind check, tuned on its tune half (the Southeast, Florida and
# the industrial Midwest)
@pytest.mark.parametrize(("text", "found"), [
    ("Meche: did anybody get the link\nOssie: no\nQuino: it went to spam\nNote: all good",
     [("Meche", "PERSON"), ("Ossie", "PERSON"), ("Quino", "PERSON")]),       # a chat names have opened: every speaker
    ("Rembert, Queen Esther / Prairie Bluff Elem. / Principal",
     [("Rembert, Queen Esther", "PERSON"), ("Prairie Bluff Elem.", "SCHOOL")]),
    ("P-0417\tKowalczyk, Stanley\tpoints\nname\tschool\nPruitt S.\tCypress Landing Elem",
     [("Kowalczyk, Stanley", "PERSON"), ("Pruitt S.", "PERSON"), ("Cypress Landing Elem", "SCHOOL")]),
    ("Parking is in the faculty lot off SW 97th Ave and the gym.", [("SW 97th Ave", "ADDRESS")]),
    ("Sharonda Lyles | Leadership Coach\nSweetwater Valley RESA",
     [("Sharonda Lyles", "PERSON"), ("Sweetwater Valley RESA", "SCHOOL")]),
    ("Mi directora, la Dra. de la Rosa Quintero, nos apoyó", [("Dra. de la Rosa Quintero", "PERSON")]),
    ("Thanks,\nJimmy Hummingbird\nPrincipal\nBluestem Springs Academy",
     [("Jimmy Hummingbird", "PERSON"), ("Bluestem Springs Academy", "SCHOOL")]),     # under a letter's closing
    ("To: Sotolongo, Ileana <i@x.example.org>; Ana Ruiz\nCc: Bo Tankersley; Leadership Team",
     [("Sotolongo, Ileana", "PERSON"), ("i@x.example.org", "EMAIL"), ("Ana Ruiz", "PERSON"),
      ("Bo Tankersley", "PERSON")]),
])
def test_round15_shapes(text, found) -> None:
    assert _found(_NOBODY.redact(text), text) == found


@pytest.mark.parametrize("text", [
    "Kids are leaving the Delta; please rotate meetings around the Delta.",     # "the" before a place
    "We stop over-identifying Black boys for special education.",              # a colour before a group
    "Focus group transcript\nFacilitator: What should the cadre know?\nModerator: next",
    "Ron Edmonds, James Comer, and Lisa Delpit in the same reading packet.",
])
def test_round15_no_one(text) -> None:
    assert [s.label for s in _NOBODY.redact(text).spans if s.label == "PERSON"] == []


@pytest.mark.parametrize("text", [
    "El coordinador del magnet que llegó de Puerto Rico en enero todavía no entiende el sistema.",
    "Whoever the facilitator was with the Louisiana accent and the red glasses, she was phenomenal.",
    "The new superintendent of Cotton Bayou Consolidated School District came from outside Mississippi.",
    "The teacher leader at Livernois Promise Prep who started the chess club was not invited.",
    "Mi compañera, la única mujer afro-colombiana entre los directores de la región, dice que nunca la invitan.",
    "The superintendent's executive assistant who has been there since 1989 knows the budget.",
])
def test_round15_review_shapes(text) -> None:
    assert _NOBODY.redact(text).needs_review


@pytest.mark.parametrize(("text", "names"), [
    ("Grandma Ruthie (a parent volunteer) texted the whole group.", ["Ruthie"]),    # kin before a name, capitalised
    ("Gracias a Yoandry, el técnico, que nos salvó.", ["Yoandry"]),                  # Spanish thanks as a cue
])
def test_round15_kin_and_thanks(text, names) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "PERSON"] == names


@pytest.mark.parametrize(("text", "found"), [
    ("send it to dreyes@example please", [("dreyes@example", "EMAIL")]),                # a district's own mail
    ("dreyes at example period org", [("dreyes at example period org", "EMAIL")]),     # "period" for the dot
    ("lunch@noon works; meet@3pm; we met at the start of the period", []),
])
def test_round15_email_shapes(text, found) -> None:
    assert _found(_NOBODY.redact(text), text) == found


def test_round15_a_second_line_after_a_slash() -> None:
    text = "Office 808-555-0147/0148, fax 808-555-0150"
    assert _found(_NOBODY.redact(text), text) == [("808-555-0147/0148", "PHONE"), ("808-555-0150", "PHONE")]


def test_a_roster_person_with_a_public_figures_name_stays_a_person_outside_history() -> None:
    red = Redactor.from_roster(RosterNames(first=("John", "Michael"), last=("Lewis", "Jordan"),
                                           full=("John Lewis", "Michael Jordan")))
    assert [s.label for s in red.redact("Thanks to Michael Jordan for the slides.").spans] == ["PERSON"]
    assert [s.label for s in red.redact("John Lewis led the session.").spans] == ["PERSON"]
    assert red.redact("In history class we read about John Lewis and the Selma march.").spans == ()
    # off the roster, the public figure is no one here
    assert _NOBODY.redact("Fannie Lou Hamer and Medgar Evers came up in the history unit.").spans == ()


@pytest.mark.parametrize(("text", "names"), [
    # session 16 (a matrix of Upper Midwest, Plains, Appalachian, Cajun, Asian and Jewish name forms x contexts,
    # written from the labelling rules while the eleventh blind set was written)
    ("Marlon Iron Shell led the session.", ["Marlon Iron Shell"]),                # a surname of several words
    ("Tammy Bad Heart Bull's class did the walkthrough", ["Tammy Bad Heart Bull"]),
    ("I met with Wilfredo Núñez de la Cruz and the team.", ["Wilfredo Núñez de la Cruz"]),   # particles after a name
    ("Kevin Wong Ka-Ming said the bus was late again", ["Kevin Wong Ka-Ming"]),  # a hyphenated given name after
    ("Li Xiaoming led the session.", ["Li Xiaoming"]),                             # a two-letter surname first
    ("Ms. Le Thi Hoa and Vu Minh came.", ["Ms. Le Thi Hoa", "Vu Minh"]),
    ("Md. Rafiqul Islam was out sick", ["Md. Rafiqul Islam"]),                     # "Md." for Muhammad, a title's place
    ("Rabbi Yehuda Klein and Rebbetzin Rivka Gold came.", ["Rabbi Yehuda Klein", "Rebbetzin Rivka Gold"]),
    # the tail stops at words of a subject, a room, a day, a school
    ("Ana Lopez Spanish teacher", ["Ana Lopez"]),
    ("Met Dana Reyes Tuesday.", ["Dana Reyes"]),
    ("Dustin Walker Room 12", ["Dustin Walker"]),
])
def test_session16_name_forms(text, names) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "PERSON"] == names


@pytest.mark.parametrize("text", [
    "Le Monde had a story on it.",                        # a two-letter word before an English word or a newspaper
    "Families came from Ho Chi Minh City last year.",     # a city named after a public figure
    "Do Nothing Day is a joke among the staff.",
])
def test_session16_no_one(text) -> None:
    assert [s.label for s in _NOBODY.redact(text).spans if s.label == "PERSON"] == []


@pytest.mark.parametrize(("text", "school"), [
    # session 16 (a matrix of numbered and parish, county and regional bodies x contexts, written from the labelling
    # rules while the eleventh blind set was written)
    ("The team from CSD 9 presented.", "CSD 9"),
    ("D75 staff loved it.", "D75"),
    ("Coaching at Intermediate Unit 13: good.", "Intermediate Unit 13"),
    ("We visited Community School District 9 last week.", "Community School District 9"),
    ("The team from Erie 1 BOCES presented.", "Erie 1 BOCES"),
    ("We visited PS 143X last week.", "PS 143X"),
    ("teachers at HS 455, mostly new", "HS 455"),
    ("P.S. 143 Bronx staff loved it.", "P.S. 143 Bronx"),
    ("Lafourche Parish School Board staff loved it.", "Lafourche Parish School Board"),
    ("Coaching at Mid-Ohio Educational Service Center: good.", "Mid-Ohio Educational Service Center"),
    ("We visited Harlan County Head Start last week.", "Harlan County Head Start"),
    ("McDowell County Schools staff loved it.", "McDowell County Schools"),    # a capital inside the name
    ("The team from Bronx Borough Office presented.", "Bronx Borough Office"),
])
def test_session16_bodies(text, school) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans] == [school]


@pytest.mark.parametrize("text", ["Room D12 and D14 were open.", "Our D1 athletes and a D20 roll."])
def test_session16_rooms_are_no_district(text) -> None:
    assert not _NOBODY.redact(text).spans


@pytest.mark.parametrize("address", [
    # session 16 (a matrix of Northeastern, Upper Midwest, reservation, Appalachian and Louisiana address forms)
    "123-45 Queens Blvd, Apt 4F, Forest Hills, NY 11375",     # a Queens house number
    "890 Grand Concourse, Bronx, NY 10451",
    "201 1st St NE, Pine City, MN 55063",                     # an ordinal street after the house number
    "2200 KY-15, Hazard, KY 41701",                           # a state route written with its state
    "BIA Route 7, Kyle, SD 57752",                            # a BIA road and the town
    "RD 2, Ronks, PA 17572",                                  # a rural delivery route
])
def test_session16_addresses(address) -> None:
    text = f"Mail it to {address}."
    assert _found(_NOBODY.redact(text), text) == [(address, "ADDRESS")]


def test_a_date_in_a_table_cell_is_no_house_number() -> None:
    text = "date\tcoach\n2024-01-09\tWade Hill\tPatience Marsh\n"
    assert ("Wade Hill", "PERSON") in _found(_NOBODY.redact(text), text)


@pytest.mark.parametrize(("text", "phone"), [
    ("call me at six one two five five five zero one three four", "six one two five five five zero one three four"),
    ("my number is 612 five five five 0134.", "612 five five five 0134"),          # digits and words mixed
    ("call five five five zero one four two", "five five five zero one four two"),  # seven digits after a cue
    ("six one two, five five five, oh one three four — text first", "six one two, five five five, oh one three four"),
])
def test_a_phone_number_read_out(text, phone) -> None:
    assert _found(_NOBODY.redact(text), text) == [(phone, "PHONE")]


@pytest.mark.parametrize("text", [
    "one, two, three, four, five, six, seven",                                    # counting
    "We had five five-minute breaks and two one-hour sessions and three four-day weeks",
    "In 2024 we had one two three sessions",
    "five five five zero one four two",                                           # seven digits with no cue
])
def test_digit_words_that_are_no_phone(text) -> None:
    assert not _NOBODY.redact(text).spans


@pytest.mark.parametrize(("text", "found"), [
    # round 17 (session 16; the eleventh set's tune half)
    ("Tribal council rep Loretta Yellow Boy asked that", [("Loretta Yellow Boy", "PERSON")]),   # English words
    ("the Bronx Transfer High School for Media and Crossroads Bridge Academy were in our cycle.",
     [("Bronx Transfer High School for Media", "SCHOOL"), ("Crossroads Bridge Academy", "SCHOOL")]),
    ("Our team at Lake Street Learning Center wasn't", [("Lake Street Learning Center", "SCHOOL")]),
    ("registration night at Raritan Hills Regional.", [("Raritan Hills Regional", "SCHOOL")]),
    ("Visited P.S. 57 Hubert H. Humphrey (not our district)", [("P.S. 57 Hubert H. Humphrey", "SCHOOL")]),
    ("Rabbi Yosef Halberstam (Yeshiva Ohr Torah of Flatbush), and",
     [("Rabbi Yosef Halberstam", "PERSON"), ("Yeshiva Ohr Torah of Flatbush", "SCHOOL")]),
    ("Send it to BIA Route 7, Box 18, Sweetgrass, SD 57622. Regular mail",
     [("BIA Route 7, Box 18, Sweetgrass, SD 57622", "ADDRESS")]),
    ("T-boy Thibodeaux and Marshal are a good team.", [("T-boy Thibodeaux", "PERSON")]),   # a Cajun nickname
    ("Ms. Clotilde Fontenot (Tee Jean's mama) runs it", [("Ms. Clotilde Fontenot", "PERSON"), ("Tee Jean", "PERSON")]),
    ("merci à nonc et tante Yvonne Hébert pour le gumbo!", [("tante Yvonne Hébert", "PERSON")]),
    ('"Vang, P." is listed twice on the attendance sheet', [("Vang, P.", "PERSON")]),
    ("and dustin miles said hi", [("dustin miles", "PERSON")]),   # an everyday surname before a verb
])
def test_round17_shapes(text, found) -> None:
    red = Redactor.from_roster(RosterNames(first=("Pa",), last=("Vang",), full=("Pa Vang",), places=()))
    assert _found(red.redact(text), text) == found


@pytest.mark.parametrize("text", [
    "We need T-shirts and a T-ball field and a tee ball game, a T-chart and a T-Rex.",
    "Merci, cher. Ça c'est bon.",                               # a thanks that is a given name too
    "The Karen New Year celebration was great.",                # a people's new year
    "She translated the whole family survey into Karen over one weekend.",
    "Hurricane Laura and then Delta six weeks later.",          # a Greek-letter storm
    "The Ukrainian Catholic parish brought the new families.",  # a parish, no school
    "A rich district on paper, but our EL students are not getting rich instruction.",
])
def test_round17_no_one(text) -> None:
    red = Redactor.from_roster(RosterNames(first=("Emma",), last=("Lund",), full=("Emma Lund",), places=()))
    assert not [s for s in red.redact(text).spans if s.label != "SELF_ID"]


def test_a_state_agency_on_the_roster_is_public() -> None:
    """A roster that lists state staff with their agency: the agency, its state's name and its initials stay."""
    red = Redactor.from_roster(RosterNames(first=("Ana",), last=("Ruiz",), full=("Ana Ruiz",),
                                           places=("Minnesota Department of Education", "Bronx High School of Civic Arts")))
    text = "Prince songs during the breaks. Very Minnesota. MDE sent two people; the Bronx teachers loved it."
    assert not red.redact(text).spans
    assert _found(red.redact("We visited Bronx High School of Civic Arts."), "We visited Bronx High School of Civic Arts.") \
        == [("Bronx High School of Civic Arts", "SCHOOL")]


@pytest.mark.parametrize("text", [
    "Sanaa, Aden, Beirut — our families came from all over.",   # given names in a list with a place no one is named
    "Materials for families from Port-au-Prince, Cap-Haitien and Les Cayes.",
    "Clarksdale to Jackson is a long drive; Greenwood, Cleveland or Greenville would work.",
    "Tahlequah has a new superintendent search under way.",     # a town before a verb
])
def test_places_off_the_roster_are_no_one(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label == "PERSON"]


@pytest.mark.parametrize(("text", "names"), [
    ("Ask Selma about it.", ["Selma"]),                      # a given name that is a town, beside a cue
    ("Aden said yes to the pilot.", ["Aden"]),               # ... before a verb that takes a person
    ("We met in Tyler's room.", ["Tyler"]),                  # ... a person's room
    ("Thanks to Selma, Aden and Maria for the help.", ["Selma", "Aden", "Maria"]),   # a list of people
    ("Ms. Clarksdale led it.", ["Ms. Clarksdale"]),         # a title makes any word a name
])
def test_a_place_name_that_names_someone_stays_a_name(text, names) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "PERSON"] == names


def test_place_names_come_from_the_bundled_gazetteer() -> None:
    from evalkit.namelists import place_names

    places = place_names()
    assert len(places) > 15_000 and {"tahlequah", "beirut", "les cayes", "silver spring"} <= places
    assert "maria" not in places and "reyes" not in places


def test_a_network_campus_is_known_by_its_own_name() -> None:
    red = Redactor.from_roster(RosterNames(first=("Ana",), last=("Ruiz",), full=("Ana Ruiz",),
                                           places=("Bright Path Prep – Riverbend",)))
    text = "Mari and Jerome from Riverbend were a great team."
    assert ("Riverbend", "SCHOOL") in _found(red.redact(text), text)


@pytest.mark.parametrize(("text", "phone"), [
    ("call me at ext. 4471", "ext. 4471"),              # an extension alone rings one desk
    ("my extension is 4471", "extension is 4471"),
    ("x4471 is my desk", "x4471"),
    ("phone 555-01-47", "555-01-47"),                   # a local number, its last four digits in pairs
])
def test_an_extension_alone_and_a_paired_local_number(text, phone) -> None:
    assert _found(_NOBODY.redact(text), text) == [(phone, "PHONE")]


@pytest.mark.parametrize("text", ["ext 12 is the row", "2024-01-09 and 10-01-24", "expect 300 students next"])
def test_no_extension(text) -> None:
    assert not _NOBODY.redact(text).spans


@pytest.mark.parametrize(("text", "found"), [
    # round 18 (session 16; the twelfth set's tune half, after its blind check)
    # (a public charter; "Rahel" a given name since session 24's lists)
    ("Rahel at Nichols Ave PCS does all of it", [("Rahel", "PERSON"), ("Nichols Ave PCS", "SCHOOL")]),
    ("The BV Early College site visit", [("BV Early College", "SCHOOL")]),
    ("The Northgate Newcomer Center intake team", [("Northgate Newcomer Center", "SCHOOL")]),
    ("Dr. Hatch and Asst. Supt. Olsen came", [("Dr. Hatch", "PERSON"), ("Asst. Supt. Olsen", "PERSON")]),
    ("and Abba Gebre Kidan from the Orthodox church", [("Abba Gebre Kidan", "PERSON")]),
    ("Haji Gul Ahmad Stanikzai spoke for the elders", [("Haji Gul Ahmad Stanikzai", "PERSON")]),
    ("Daw Thandar Htwe teaches 4th grade", [("Daw Thandar Htwe", "PERSON")]),
    ("Cảm ơn cô Thanh.", [("cô Thanh", "PERSON")]),                                         # a Vietnamese title
    ("Thank you for letting Nahom stay after school", [("Nahom", "PERSON")]),
    ("'Ana is our community council liaison and she", [("'Ana", "PERSON")]),                # an ʻokina typed first
    ("Mr. Fifita and Coach ʻAholelei got the boys there", [("Mr. Fifita", "PERSON"), ("Coach ʻAholelei", "PERSON")]),
    ("Mail: 3450 S 2700 W, West Valley City, UT 84119", [("3450 S 2700 W, West Valley City, UT 84119", "ADDRESS")]),
    ("Mail to 2875 Benning Rd NE, 9th Floor, Washington, DC 20002",
     [("2875 Benning Rd NE, 9th Floor, Washington, DC 20002", "ADDRESS")]),
    ("AMBASSADORS: ZION OKORO, HUNTER BLACKWELL, NOBLE ADEBAYO. THEY RAN IT.",              # a list of full names
     [("ZION OKORO", "PERSON"), ("HUNTER BLACKWELL", "PERSON"), ("NOBLE ADEBAYO", "PERSON")]),
    ("Kebede is the dad who started the Saturday class", [("Kebede", "PERSON")]),
    ("Attn: Lorraine Bahe, Asst. Principal", [("Lorraine Bahe", "PERSON")]),                # titles alone: no one
    ("Dr. Judge approved it.", [("Dr. Judge", "PERSON")]),                                  # a surname that is a title
])
def test_round18_shapes(text, found) -> None:
    assert [f for f in _found(_NOBODY.redact(text), text) if f[1] != "SELF_ID"] == found


@pytest.mark.parametrize("text", [
    "We are at 100 N 200 S on the chart.",                     # two directions along each other: no grid address
    "Benjamin Banneker came up in the math-identity workshop.",
    "The Virginia Department of Education guidance is clear.",
    "The Utah State Board of Education MTSS modules are good.",   # a state agency
    "Shiloh Missionary Baptist opened its fellowship hall.",      # a church
])
def test_round18_no_one(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label != "SELF_ID"]


def test_a_wasatch_campus_by_the_networks_initials() -> None:
    red = Redactor.from_roster(RosterNames(first=("Ana",), last=("Ruiz",), full=("Ana Ruiz",),
                                           places=("Wasatch Summit Academy Magna", "Tolliver Center for Applied Technology",
                                                   "Montview Innovation School")))
    text = "Oakley at WSA Magna, the Tolliver CAT visit and the kids at Montview."
    assert [f for f in _found(red.redact(text), text) if f[1] == "SCHOOL"] == \
        [("WSA Magna", "SCHOOL"), ("Tolliver CAT", "SCHOOL"), ("Montview", "SCHOOL")]


@pytest.mark.parametrize(("text", "email"), [
    ("my email is jdoe at gmail", "jdoe at gmail"),               # a webmail's name without its ending
    ("d.reyes@@example.org", "d.reyes@@example.org"),             # a doubled key
    ("jdoe at example,org", "jdoe at example,org"),               # a comma for the dot
    ("email jdoe@exa-\nmple.org now", "jdoe@exa-\nmple.org"),      # broken over two lines as a PDF hyphenates
])
def test_session16_email_shapes(text, email) -> None:
    assert _found(_NOBODY.redact(text), text) == [(email, "EMAIL")]


@pytest.mark.parametrize("text", ["we met at gmail headquarters", "she works at yahoo now"])
def test_a_webmail_company_is_no_address(text) -> None:
    assert not _NOBODY.redact(text).spans


@pytest.mark.parametrize(("text", "phone"), [
    ("call 703—555—0142", "703—555—0142"),                       # an em dash between the groups
    ("call 703·555·0142", "703·555·0142"),                       # a middle dot
    ("call 703_555_0142", "703_555_0142"),
    ("call five five five dash zero one four two", "five five five dash zero one four two"),
    ("call 7O3-555-0l42", "7O3-555-0l42"),                       # letters an OCR pass reads for digits
    ("call (7O3) 555-Ol42", "(7O3) 555-Ol42"),
    ("call 555-O142", "555-O142"),
])
def test_session16_phone_shapes(text, phone) -> None:
    assert _found(_NOBODY.redact(text), text) == [(phone, "PHONE")]


def test_letters_alone_are_no_phone() -> None:
    assert not _NOBODY.redact("lol-lol-lolo and 2Ol-lOOl").spans


@pytest.mark.parametrize(("text", "names"), [
    ("President Sitani Mahe of the Tongan stake came.", ["President Sitani Mahe"]),   # a local body's president
    ("PTA President Maria Lopez said yes.", ["President Maria Lopez"]),
    ("President Lincoln's speech was read aloud.", []),                               # a public office
])
def test_a_local_bodys_president_is_one_of_the_programs_people(text, names) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "PERSON"] == names


@pytest.mark.parametrize(("text", "names"), [
    ("I met with João dos Santos and the team.", ["João dos Santos"]),    # particles between two names found
    ("Ate Joy Dela Cruz led the session.", ["Ate Joy Dela Cruz"]),        # a Filipino title
    ("We ate lunch with the team.", []),
])
def test_session16_more_name_forms(text, names) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "PERSON"] == names


@pytest.mark.parametrize(("text", "school"), [
    ("Visited the Pilsen Magnet Cluster school", "Pilsen Magnet Cluster school"),
    ("Portland School District 1J staff came", "Portland School District 1J"),    # a district's number and letter
    ("Lent Focus Option visit", "Lent Focus Option"),
])
def test_session16_more_schools(text, school) -> None:
    assert _found(_NOBODY.redact(text), text) == [(school, "SCHOOL")]


@pytest.mark.parametrize(("text", "found"), [
    # round 19 (session 16; the thirteenth set's tune half, after its blind check)
    ("Only Network 7 showed up.", [("Network 7", "SCHOOL")]),                          # a city system's network
    ("comparison data for Salmon Creek SD 4J if you have it", [("Salmon Creek SD 4J", "SCHOOL")]),
    ("In the Fernhill 7J pipeline we lost two", [("Fernhill 7J", "SCHOOL")]),
    ("gabe ostrowski from stickney park d117 and", [("gabe ostrowski", "PERSON"), ("d117", "SCHOOL")]),
    ("the Blue Harbor Special Education Collaborative — they", [("Blue Harbor Special Education Collaborative", "SCHOOL")]),
    ("THANK U DR. MARRERO!!!! BEST PRINCIPAL", [("DR. MARRERO", "PERSON")]),            # a title in capitals
    ("In mem-\nory of Mr. Harold Jen-\nnings, who taught", [("Mr. Harold Jen-\nnings", "PERSON")]),
    ("with Dr. Felipe Ar- guello) finally", [("Dr. Felipe Ar- guello", "PERSON")]),
    ("Mail the check to: Kervens Saint-Fleur, 42 Dakota St, 3rd fl, Dorchester, MA 02124.",   # the addressee
     [("Kervens Saint-Fleur", "PERSON"), ("42 Dakota St, 3rd fl, Dorchester, MA 02124", "ADDRESS")]),
    ("Please send to the office at 61 Agency Loop Rd\nPO Box 8\nCedar Prairie, WA 98951-0008.",
     [("61 Agency Loop Rd\nPO Box 8\nCedar Prairie, WA 98951-0008", "ADDRESS")]),
])
def test_round19_shapes(text, found) -> None:
    assert _found(_NOBODY.redact(text), text) == found


@pytest.mark.parametrize("text", [
    "Room D117 and rm D118 are open.",                              # a room, no district
    "I LIVE IN THE DR. NOW",                                        # a place in capitals, no title
    "Send the MOU to Attn: Federal Programs, 1400 Ranch Rd 12, Three Rivers, TX 78071.",
    "Half our families travel to Lowell or Long Beach.",            # places in a list
    "The network chief who used to be a Marine runs meetings.",     # one of a kind after "a"
    "A senior is going to Lakeshore City Community College on a full ride.",
    "Shout out to everyone! Дякую за все",                          # a thanks in another script
])
def test_round19_no_one(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label in ("PERSON", "SCHOOL")]


def test_round19_short_forms() -> None:
    red = Redactor.from_roster(RosterNames(first=("Ana",), last=("Ruiz",), full=("Ana Ruiz",),
                                           places=("Cedar Prairie Tribal School", "Holgate Crossing High School",
                                                   "Spindle Street Elementary")))
    text = "Students at Cedar Prairie and Holgate did well; spindle fibers came up in biology."
    assert [f for f in _found(red.redact(text), text) if f[1] == "SCHOOL"] == \
        [("Cedar Prairie", "SCHOOL"), ("Holgate", "SCHOOL")]


def test_a_pronoun_before_a_title_is_the_sentences() -> None:
    red = Redactor.from_roster(RosterNames(first=("Tyrell",), last=("Her",), full=("Tyrell Her",), places=()))
    text = "We spent the session on delegation. Her AP Tyrell is ready for more."
    assert [f for f in _found(red.redact(text), text) if f[1] == "PERSON"] == [("AP Tyrell", "PERSON")]


@pytest.mark.parametrize(("text", "names"), [
    # a second reader's findings on the session's diff: none of these may be lost
    ("Thanks to Olivarez for the help.", ["Olivarez"]),                 # a town's name after a strong cue
    ("Talk to McCracken about the bus.", ["McCracken"]),
    ("Dana Reyes and Covington ran the meeting.", ["Dana Reyes", "Covington"]),   # beside a person
    ("Thanks Sister Tita for the ride.", ["Sister Tita"]),              # a title that is a given name too
    ("Дякую Олександр Петренко, you helped my son so much.", ["Дякую Олександр Петренко"]),   # a name after a thanks
    ("Thanks Orkun for the help.", ["Orkun"]),
])
def test_no_one_rules_keep_people(text, names) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "PERSON"] == names


def test_titles_that_are_roster_names_stay_names() -> None:
    red = Redactor.from_roster(RosterNames(first=("Tito",), last=("Haji",), full=("Tito Haji",), places=()))
    assert [s.label for s in red.redact("Tito said he would pick up my son.").spans] == ["PERSON"]
    assert [s.label for s in red.redact("Haji was great.").spans] == ["PERSON"]



@pytest.mark.parametrize(("text", "found"), [
    # round 20 (session 16; the fourteenth set's tune half, after its blind check at the session's end)
    ("Rio Chamita Muni-\ncipal Schools will extend it, including Vallecitos Elemen-\ntary and Los Ojitos M.S.",
     [("Rio Chamita Muni-\ncipal Schools", "SCHOOL"), ("Vallecitos Elemen-\ntary", "SCHOOL"), ("Los Ojitos M.S.", "SCHOOL")]),
    ("thank you to miss Vangie Lucero and mister Darren Calabaza for the work",        # voice-typed titles
     [("miss Vangie Lucero", "PERSON"), ("mister Darren Calabaza", "PERSON")]),
    ("The governor of the pueblo, Governor Joseph R. Tenorio, came.", [("Governor Joseph R. Tenorio", "PERSON")]),
    ("Sup. Reimer came to 1 out of 5 meetings.", [("Sup. Reimer", "PERSON")]),
    ("El Lic. Anselmo Romero nos explicó el ciclo", [("Lic. Anselmo Romero", "PERSON")]),
    ("career day and Chief Warrant Officer Luis Bermúdez too.", [("Chief Warrant Officer Luis Bermúdez", "PERSON")]),
    ("Lowery, R. / Revels, T. / Godwin, J. / Bullock, S. – Mill Branch team",
     [("Lowery, R.", "PERSON"), ("Revels, T.", "PERSON"), ("Godwin, J.", "PERSON"), ("Bullock, S.", "PERSON")]),
    ("School address: 8870 NC Hwy 711, Pembroke, NC 28372", [("8870 NC Hwy 711, Pembroke, NC 28372", "ADDRESS")]),
    ("Pick up at 2950 Rd 14, Cimarron Bend, KS 67835, past the feedyard",
     [("2950 Rd 14, Cimarron Bend, KS 67835", "ADDRESS")]),
    ("Harnell County Schools, PO Box 88, Red Springs Rd, Harnell, NC 28383",
     [("Harnell County Schools", "SCHOOL"), ("PO Box 88, Red Springs Rd, Harnell, NC 28383", "ADDRESS")]),
    ("Mail to:\n320 Calle del Norte, Rio Chamita, NM 87575", [("320 Calle del Norte, Rio Chamita, NM 87575", "ADDRESS")]),
])
def test_round20_shapes(text, found) -> None:
    assert _found(_NOBODY.redact(text), text) == found


@pytest.mark.parametrize("text", [
    "The Lieutenant Governor showed up for the photo op and left.",   # titles alone
    "We learned that many Maya parents are not literate in Spanish.",  # a people
    "She teaches Chin newcomers in the afternoon.",
    "Principal Investigator reports are due.",                        # a role before an everyday word
])
def test_round20_no_one(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label == "PERSON"]


def test_a_network_campus_in_its_other_written_forms() -> None:
    red = Redactor.from_roster(RosterNames(first=("Ana",), last=("Ruiz",), full=("Ana Ruiz",),
                                           places=("Sembrar Academy Emporia", "Sembrar Academy Dodge City")))
    text = 'Sembrar Emporia hosted; "Sembrar Academy – Dodge City" came; the Magna 3rd Ward offered a room.'
    assert [f for f in _found(red.redact(text), text) if f[1] == "SCHOOL"] == \
        [("Sembrar Emporia", "SCHOOL"), ("Sembrar Academy – Dodge City", "SCHOOL")]


@pytest.mark.parametrize(("text", "found"), [
    # session 17: names of syllables (Burmese, Karen, Chin; Hmong given names before a clan), with their honorific
    ("Naw Eh Ywa, Saw Kler Doh and Paw Lah Moo asked for a counselor.",
     [("Naw Eh Ywa", "PERSON"), ("Saw Kler Doh", "PERSON"), ("Paw Lah Moo", "PERSON")]),
    ("Burmese parents Daw Khin Mya and U Tun Tun Oo asked for report cards in Burmese.",
     [("Daw Khin Mya", "PERSON"), ("U Tun Tun Oo", "PERSON")]),
    ("Our Chin para Ngun Sui runs the Tuesday class.", [("Ngun Sui", "PERSON")]),
    ("Student Ka Zoua Her spoke on the panel; Chong Her (a parent) cooked.",
     [("Ka Zoua Her", "PERSON"), ("Chong Her", "PERSON")]),
    ("The pastor Rev. Saw Eh Doh Say recruited parents.", [("Rev. Saw Eh Doh Say", "PERSON")]),
])
def test_names_of_syllables(text, found) -> None:
    assert _found(_NOBODY.redact(text), text) == found


@pytest.mark.parametrize("text", [
    "It was a May Win for the team.",             # syllables that are everyday English words, all of them
    "I Saw Her Song on the list.",
    "Ho Chi Minh City families joined; Mu Alpha Theta tutored.",
    "Sessions on Mon Tue Wed; see the PO Box.",
])
def test_syllables_that_are_english_are_no_one(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label == "PERSON"]


@pytest.mark.parametrize(("text", "found"), [
    ("talked about shrimping during Katrina. The room was silent.", []),      # a storm after a word of time
    ("Our teacher survived Katrina in the building", []),
    ("sobre la transición después de María.", []),
    ("after Maria's talk we ate", [("Maria", "PERSON")]),                    # a person's, with a possessive
    ("since Harvey joined the team, data meetings run", [("Harvey", "PERSON")]),   # or a verb after
])
def test_a_storm_after_a_word_of_time(text, found) -> None:
    assert _found(_NOBODY.redact(text), text) == found


@pytest.mark.parametrize(("text", "found"), [
    ("The elder opened the meeting with a prayer in Ojibwe.", []),            # a language is no one
    ("We did the staff survey in English, Spanish and Hakha Chin this year.", []),
    ("Tigrinya speakers asked for an interpreter.", []),
    ("Ms. French led the walk with Marisol Ocampo.", [("Ms. French", "PERSON"), ("Marisol Ocampo", "PERSON")]),
])
def test_a_language_is_no_one(text, found) -> None:
    assert _found(_NOBODY.redact(text), text) == found


@pytest.mark.parametrize("text", [
    "Cô giáo dạy tiếng Việt duy nhất ở trường đã nghỉ hưu. Chúng tôi cần người thay thế.",   # Vietnamese
    "Có nhiều phụ huynh không hiểu tiếng Anh.",                          # "tiếng Anh": English, the language
    "Dolor sit amet. Leo dignissim, erat dapibus.",                       # placeholder Latin
])
def test_given_names_in_other_languages_words(text) -> None:
    # a given name at a sentence's start, or before an English verb, is a name in an English text only
    assert not [s for s in _NOBODY.redact(text).spans if s.label == "PERSON"]


def test_a_given_name_at_a_sentences_start_in_english() -> None:
    text = "Leo will present the data. Chung asked about it."
    assert [f for f in _found(_NOBODY.redact(text), text) if f[1] == "PERSON"] == [("Leo", "PERSON"), ("Chung", "PERSON")]


@pytest.mark.parametrize(("text", "found"), [
    # session 17: a title's rank, council titles, a parent named after a child, honorifics after a name
    ("Assistant Superintendent Fawaz attended the kickoff.", [("Assistant Superintendent Fawaz", "PERSON")]),
    ("Councilman Elgin Amos from the tribal council visited.", [("Councilman Elgin Amos", "PERSON")]),
    ("One mom, Um Khaled, shared the voice notes.", [("Um Khaled", "PERSON")]),
    ("Notes in Nepali so Bishnu-ji could follow along.", [("Bishnu-ji", "PERSON")]),
    ("Hari dai and Sita didi came to the family night.", [("Hari dai", "PERSON"), ("Sita didi", "PERSON")]),
    ("Attached is my request. -Jeremiah Crosby, Superintendent", [("Jeremiah Crosby", "PERSON")]),   # a dash's sign-off
    ("Min-jung Choi (최민정), not Minjung Choy. 감사합니다.",
     [("Min-jung Choi", "PERSON"), ("최민정", "PERSON"), ("Minjung Choy", "PERSON")]),
])
def test_round21_shapes(text, found) -> None:
    assert _found(_NOBODY.redact(text), text) == found


@pytest.mark.parametrize("text", [
    "The Area Superintendent Report is due Friday.",       # a rank and a title before a word of work
    "Our trip to Abu Dhabi was cancelled.",                 # a place
    "Um, I think so. Um Okay.",                             # a filler word
    "Dhanyabad didi! The survey is in Nepali now.",         # a thanks and a kin word
    "আমাদের পরিবারগুলোর জন্য অনেক কিছু করেছেন। Thank you for the parent night.",   # a sentence in another script
])
def test_round21_no_one(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label == "PERSON"]


@pytest.mark.parametrize(("text", "found"), [
    # names counted in with the writer, the other lines of a list of names, 'Surname, Given' between semicolons
    ("Our team was smaller than the others (Hope, Hafiz and me) but we got more coaching.",
     [("Hope", "PERSON"), ("Hafiz", "PERSON")]),
    ("me and Deshawn went to the session", [("Deshawn", "PERSON")]),
    ("The walkthrough team (A.M, BS and me) saw more student talk.", [("A.M", "PERSON"), ("BS", "PERSON")]),
    ("team is fern, babette, camille and me.", [("fern", "PERSON"), ("babette", "PERSON"), ("camille", "PERSON")]),
    ("art, music and me: the electives I teach", []),
    ("Students recognized:\n- Maria Lopez\n- Gentille Nizigiyimana\n- Thandar Aung",
     [("Maria Lopez", "PERSON"), ("Gentille Nizigiyimana", "PERSON"), ("Thandar Aung", "PERSON")]),
    ("Attendees:\n- Maria Lopez\n- Data Team\n- Central Office", [("Maria Lopez", "PERSON")]),
    ("Participants: Sultani, Abdul Wali; King, Marcus\nDecisions: none",
     [("Sultani, Abdul Wali", "PERSON"), ("King, Marcus", "PERSON")]),
])
def test_round21_lists(text, found) -> None:
    assert _found(_NOBODY.redact(text), text) == found


@pytest.mark.parametrize("text", [
    "Mom and me went to the family night.",
    "The Principal and I met on Tuesday.",
    "Geometry and I never got along; Science and I do.",
    "Frank Williams's and I co-planned the agenda.",      # (a possessive is no name's end: the name is found alone)
    "Agenda:\n1. Welcome\n2. Data Review\n3. Next Steps",
])
def test_round21_lists_no_one(text) -> None:
    spans = [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "PERSON"]
    assert spans in ([], ["Frank Williams"])


@pytest.mark.parametrize(("text", "found"), [
    # two capitalised words, the second no English word and the first a rare one at most
    ("and Durga Pokhrel thanked the bus drivers.", [("Durga Pokhrel", "PERSON")]),
    ("Two of my students, Baraka Ndayishimiye and Sita Chhetri, helped translate.",
     [("Baraka Ndayishimiye", "PERSON"), ("Sita Chhetri", "PERSON")]),
    ("Bashir Nur", [("Bashir Nur", "PERSON")]),
    ('My name is Lyudmila Savchuk, not "Ludmilla Savchook".',
     [("Lyudmila Savchuk", "PERSON"), ("Ludmilla Savchook", "PERSON")]),
    ('The team is reading "Braiding Sweetgrass" together.', []),        # a title in quotes
    ("Shukran Ustadh Ali for translating", [("Ustadh Ali", "PERSON")]),  # a thanks before the name
])
def test_rare_words_before_a_surname_no_list_holds(text, found) -> None:
    assert _found(_NOBODY.redact(text), text) == found


@pytest.mark.parametrize("text", [
    # one person by a description: these go to the review queue
    "One of our candidates, the former Marine who runs the JROTC program, withdrew.",
    "The network lead who retired in March left a gap nobody has filled.",
    "The retired colonel on our board of education keeps asking for teacher results.",
    "The ISD consultant with the service dog was the clearest presenter.",
    "My coach — the one from the RESA who used to be a principal — is why I stayed.",
    "The keynote, the former Teacher of the Year from Oklahoma, was great.",
    "Our youngest principal, 27 and in her first year, got the hardest building.",
    "The district's first Burmese-speaking teacher is already mentoring others.",
    "The South Sudanese bishop's wife who runs the after-school program is wonderful.",
])
def test_round21_descriptions_go_to_review(text) -> None:
    assert _NOBODY.redact(text).needs_review


@pytest.mark.parametrize("text", [
    "The coaches at our school were great this year.",
    "Teachers of the year were honored at the board meeting.",
    "The consultants brought good materials.",
])
def test_round21_groups_are_not_one_person(text) -> None:
    assert not _NOBODY.redact(text).needs_review


@pytest.mark.parametrize("number", ["787)555-0123", "787-555-0123-ext-12"])
def test_phone_shapes_round21(number) -> None:
    text = f"You can reach Lopez at {number} after 3 pm."
    assert (number, "PHONE") in _found(_NOBODY.redact(text), text)


@pytest.mark.parametrize("text", [
    # no one: a base, a place's name before County, a street named like a title, a saint's island, scripture, a
    # people, a feast, a town passed through, a phrase with "and I"
    "Camp Lejeune's school liaison attended the network meeting.",
    "Prince George County visited for benchmarking.",
    "Bishop Street is where the new bus stop is.",
    "St. Helena Island is 40 minutes from the district office.",
    "Moses led the Israelites, as the children's choir sang.",
    "Jesus and Mary appear in the nativity play every year.",
    "Gullah Geechee heritage week was beautiful.",
    "Reyes Magos day was celebrated with rosca.",
    "We drove through Tyler on the way to the site visit.",
    "The difference was night and day and I don't think it is luck.",
])
def test_round21_negatives(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label in ("PERSON", "SCHOOL")]


def test_scripture_keeps_a_roster_person() -> None:
    red = Redactor.from_roster(RosterNames(first=("Mary",), last=("Okafor",), full=("Mary Okafor",)))
    text = "Mary Okafor read the nativity story to the kindergarten."
    assert ("Mary Okafor", "PERSON") in _found(red.redact(text), text)


@pytest.mark.parametrize(("text", "found"), [
    ("Talked w/ Destiny about her schedule.", [("Destiny", "PERSON")]),      # a common name after a strong cue
    ("Sat with Oluwadamilare and Chiamaka at lunch.", [("Oluwadamilare", "PERSON"), ("Chiamaka", "PERSON")]),
    ("Kim Min-jun and Zhang Wei translated.", [("Kim Min-jun", "PERSON"), ("Zhang Wei", "PERSON")]),
    ("Maria Cristina dela Cruz is our new para.", [("Maria Cristina dela Cruz", "PERSON")]),
    ("DeAndre, Ja'Kobe and Xzavier presented.", [("DeAndre", "PERSON"), ("Ja'Kobe", "PERSON"), ("Xzavier", "PERSON")]),
    ("Thx -KB", [("KB", "PERSON")]),                                            # initials signed after a dash
    ("The Okafors hosted the family night.", [("Okafors", "PERSON")]),         # a family in the plural
])
def test_round21_people(text, found) -> None:
    assert _found(_NOBODY.redact(text), text) == found


@pytest.mark.parametrize("text", [
    "thanks to Grant funding we hired two coaches",
    "Thanks to Grant Park staff for the space.",
    "Rice Check-in went well; Morning Drop-off is chaos.",
    "The Yankees lost and the Browns won; the Smokies were foggy.",
    "Sheikh Xidir came and talked with Yazidi parents about attendance.",
])
def test_round21_people_no_one(text) -> None:
    spans = [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "PERSON"]
    assert spans in ([], ["Sheikh Xidir"])


@pytest.mark.parametrize("text", [
    "The Police Academy cadets volunteered at the fun run.",       # academies that are no school of the program's
    "Our principal went to the Naval Academy; the Air Force Academy sent a recruiter.",
    "Our district's Aspiring Leaders Academy is in year three; Career Academy pathways were reviewed.",
    "The Freshman Academy team met weekly.",
    "Junior Achievement ran the finance park and the Junior League donated books.",
])
def test_academies_and_leagues_that_are_no_school(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label in ("PERSON", "SCHOOL")]


def test_a_named_career_academy_is_a_school() -> None:
    text = "Students from Coosa Valley Career Academy presented."
    assert _found(_NOBODY.redact(text), text) == [("Coosa Valley Career Academy", "SCHOOL")]


@pytest.mark.parametrize("address", [
    "#5, 310 Oak St, Selma, AL 36701",                       # a unit before the street
    "Lot 22, 1400 Hwy 82 E, Eufaula, AL 36027",
    "2200 N Main St Space 14, Tucson, AZ 85705",             # a mobile-home park's space
    "200 Piedmont Ave. S.E., Atlanta, Georgia 30334",        # a quadrant with stops
    "55 MLK Jr. Dr SW, Atlanta, GA 30303",
])
def test_address_shapes_round21(address) -> None:
    text = f"Please mail it to {address} by Friday."
    assert (address, "ADDRESS") in _found(_NOBODY.redact(text), text)


def test_a_lot_without_a_number_is_no_unit() -> None:
    text = "Park in the lot off SW 97th Ave. before 8."
    assert ("lot off SW 97th Ave.", "ADDRESS") not in _found(_NOBODY.redact(text), text)


@pytest.mark.parametrize("email", ["jdoe_at_example.org", "jdoe-at-example-dot-org", "jdoe arroba example punto org"])
def test_email_shapes_round21(email) -> None:
    text = f"Send it to {email} please."
    assert (email, "EMAIL") in _found(_NOBODY.redact(text), text)


@pytest.mark.parametrize("text", ["the look-at-me phase of a new teacher", "meet_at_noon is the file's name"])
def test_words_joined_by_at_are_no_email(text) -> None:
    assert not _NOBODY.redact(text).spans


@pytest.mark.parametrize(("text", "found"), [
    ("COACH RAMIREZ WAS THE BEST PART", [("COACH RAMIREZ", "PERSON")]),        # a role's title in capitals
    ("talked to principal gomez about it", [("principal gomez", "PERSON")]),   # and in lower case
    ("pastor mike let us use the hall", [("pastor mike", "PERSON")]),
    ("we got there at 8 and the principal miss okafor was outside", [("miss okafor", "PERSON")]),
])
def test_role_titles_in_capitals_and_lower_case(text, found) -> None:
    assert _found(_NOBODY.redact(text), text) == found


@pytest.mark.parametrize("text", [
    "COACH SAID NO TO THE PLAN", "PRINCIPAL INVESTIGATOR REPORT", "the principal investigator wrote it",
    "4 of 6 moved into assistant principal roles", "AP will mediate, principal will check in.",
    "key is a great principal thats all", "el maestro más joven de la región", "BEST PRINCIPAL IN THE CITY",
])
def test_role_titles_before_words_are_no_one(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label == "PERSON"]


def test_names_never_join_across_a_tab() -> None:
    text = "2024-01-09\tWade Hill\tPatience Marsh\tMaple Notch ES\tattendance"
    assert _found(_NOBODY.redact(text), text) == [("Wade Hill", "PERSON"), ("Patience Marsh", "PERSON"),
                                                  ("Maple Notch ES", "SCHOOL")]


def test_an_independent_district() -> None:
    text = "Our cohort had Breathitt Ridge Independent, Leslie Fork County Schools and us."
    assert _found(_NOBODY.redact(text), text) == [("Breathitt Ridge Independent", "SCHOOL"),
                                                  ("Leslie Fork County Schools", "SCHOOL")]


@pytest.mark.parametrize(("text", "found"), [
    ("Feliz Navidad y Prospero Año Nuevo", []),                 # holiday greetings in other languages
    ("Happy Diwali and Shubh Deepavali; Chag Sameach! Selamat Hari Raya", []),
    ("Saludos, Marisol Vega", [("Marisol Vega", "PERSON")]),    # a greeting is no surname before a comma
])
def test_greetings_in_other_languages(text, found) -> None:
    assert _found(_NOBODY.redact(text), text) == found


@pytest.mark.parametrize(("text", "found"), [
    ("La maestra Rodríguez nos ayudó mucho.", [("maestra Rodríguez", "PERSON")]),   # a Spanish role as a cue
    ("la profe Lupita es la mejor", [("profe Lupita", "PERSON")]),
    ("Thanks to Gonzalez for the data.", [("Gonzalez", "PERSON")]),                 # a rare surname after a cue
    ("la maestra Nueva llegó ayer", []),                                            # an adjective, no name
    ("Fisher and Frey's gradual release model came up again.", []),                 # a framework's authors
    ("Fr. Szymanski from St. Casimir Catholic School in Lancaster joined us.",
     [("Fr. Szymanski", "PERSON"), ("St. Casimir Catholic School", "SCHOOL")]),     # a town is no surname here
])
def test_round21_spanish_roles_and_rare_surnames(text, found) -> None:
    assert _found(_NOBODY.redact(text), text) == found


@pytest.mark.parametrize(("text", "found"), [
    ("Nolensville Pike is where many of our Kurdish families live.", []),     # a street's name without a number
    ("Buford Highway has the best food; the team parked on Ford Rd.", []),
    ("US-80 through the Black Belt is two lanes most of the way.", []),
    ("John Pike led the session with Maria Lane.", [("John Pike", "PERSON"), ("Maria Lane", "PERSON")]),
])
def test_a_streets_name_alone_is_no_one(text, found) -> None:
    assert _found(_NOBODY.redact(text), text) == found


def test_a_school_by_its_kind_when_the_district_has_one() -> None:
    red = Redactor.from_roster(RosterNames(first=("Ana",), last=("Ruiz",), full=("Ana Ruiz",),
                                           places=("Rouge Valley Newcomer Center", "Rouge Valley High School")))
    text = "Mariam at the Newcomer Center helped us rewrite the survey."
    assert ("Newcomer Center", "SCHOOL") in _found(red.redact(text), text)


def test_an_everyday_word_before_a_jobs_title_is_the_jobs() -> None:
    text = 'Regards,\nDesmond "Des" Faulkner\nTurnaround Grant Manager\nOffice of School Improvement'
    assert _found(_NOBODY.redact(text), text) == [('Desmond "Des" Faulkner', "PERSON")]


@pytest.mark.parametrize("text", [
    "My mentor (a retired principal from out of state) hasn't shown up since week 3.",
    "THE VIRTUAL FACILITATOR FOR SESSION 3 MUTED ALL OF US",
    "Our band director was asked to cover lunch duty again.",
    "One cadre member from the western district who is a former legislator dominated.",
    "The new superintendent's chief of staff — the one from Chicago — kept cutting people off.",
    "The complex area's brand-new superintendent hasn't come to our schools yet.",
    "The principal at Kaohao High before this one built the advisory program.",
    "The principal of the Amish-area elementary who speaks Pennsylvania Dutch was an asset.",
    "The parent co-chair at our school whose son was expelled kept raising it.",
    "La maestra de kínder que es también la presidenta del PTA hace todo el trabajo.",
])
def test_round22_descriptions_go_to_review(text) -> None:
    assert _NOBODY.redact(text).needs_review


@pytest.mark.parametrize("text", [
    pytest.param("When it is always in the capital, one person who has to leave at 11:30 misses it.",
                 marks=_REVIEW_OVER),
    "Retired principals make good coaches.",
    "Our facilitators for sessions 1 and 2 were great.",
])
def test_round22_not_one_person(text) -> None:
    assert not _NOBODY.redact(text).needs_review


# After a second reader's review of session 17's diff: each finding as a test.
@pytest.mark.parametrize(("text", "found"), [
    ("coach gomez\tsaid yes", [("coach gomez", "PERSON")]),                        # a tab after a role's title
    ("mr hargrove\tcame late", [("mr hargrove", "PERSON")]),
    ("Ms. Lane was the best facilitator; Mrs. Place covered my class.", [("Ms. Lane", "PERSON"), ("Mrs. Place", "PERSON")]),
    ("Adam's growth this year is a testament to his hard work.", [("Adam", "PERSON")]),
    ("After the teacher exodus last year, Joseph stepped up.", [("Joseph", "PERSON")]),
    ("It was hard to plan after Maria left the district.", [("Maria", "PERSON")]),
    ("Our cohort met again after Harvey and Irma presented.", [("Harvey", "PERSON"), ("Irma", "PERSON")]),
    ("Thanks to Ana and River's hard work, it ran smoothly.", [("Ana", "PERSON"), ("River", "PERSON")]),
    ("Students recognized:\r\n- Dieudonné Habimana\r\n- Gentille Nizigiyimana\r\n- Zarni Oo",
     [("Dieudonné Habimana", "PERSON"), ("Gentille Nizigiyimana", "PERSON"), ("Zarni Oo", "PERSON")]),
    ("Ms. Johnson's County office sent the data.", [("Ms. Johnson", "PERSON")]),
    ("Mi correo es ana.lopez arroba gmail punto com. Gracias", [("ana.lopez arroba gmail punto com", "EMAIL")]),
    ("Meet at 500 Oak Ave. Space is limited, so RSVP.", [("500 Oak Ave.", "ADDRESS")]),
])
def test_review17_findings(text, found) -> None:
    assert [f for f in _found(_NOBODY.redact(text), text) if f[1] != "SELF_ID"] == found


@pytest.mark.parametrize("text", [
    "La maestra siempre nos ayuda; el profe tiene mucha paciencia; la maestra dijo que va bien.",
    "principal mtg got moved to thursday; COACH MTG AT 3",
    "The AP and I split the observations. My IC and I planned the PD.",
    "Next session date — TBD",
    "Thanks to our sponsors:\n- Ms. Alvarez\n- Publix\n- Chick-fil-A",
    "The Desmos lessons were a hit. We watched the Seahawks game; the Smartboards in B hall work.",
    "Tutoring runs Mon Thu at 3 in the library.",
    "Thanks to Summer school, my kids caught up.",
    "I uploaded Students-at-Risk.pdf; the kids_at_home.docx template; escriba con arroba y punto com.",
    "Our attendance numbers by grade were 412 398 27 31 this fall.",
    "We did Bell Work-ish activities.",
])
def test_review17_no_one(text) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans
            if s.label not in ("SELF_ID",)] in ([], ["Ms. Alvarez"])


@pytest.mark.parametrize(("text", "whole"), [
    ("Our youngest teacher, who just moved here from Kenya, ran the session.", True),   # the clause stays inside
    ("Our first year teachers need more coaching support.", None),                        # plural: no one
    ("Every kid deserves a teacher of the year.", None),
])
def test_review17_descriptions(text, whole) -> None:
    spans = [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "SELF_ID"]
    assert (spans and "Kenya" in spans[0]) if whole else not spans


def test_review17_a_name_inside_a_sentence_in_another_script_is_redacted() -> None:
    text = "A parent wrote in Ukrainian: Олександр Петренко дуже допоміг нам з уроками. We shared the note."
    red = _NOBODY.redact(text)
    assert "Олександр" not in red.text and "Петренко" not in red.text


# Round 23 (session 17's end): the tune halves of sixteenth/ and seventeenth/, after their blind checks.
@pytest.mark.parametrize("text", [
    "Luis Muñoz Marín and Pedro Albizu Campos in the same slide deck about leadership.",   # public figures
    "Gloria Anzaldúa's Borderlands should be required reading; so should Paulo Freire.",
    "Ay Jesús, the paperwork is too much. En el nombre de Jesús, we start with a prayer.",  # an exclamation, a prayer
    "Consuelo no hay mucho: the teachers are tired. Nada que añadir.",                      # Spanish at a sentence's start
    "la soledad del director es real; todos los santos días we have a drill.",
    "The drive from the coast to the sierra takes two hours.",
    "The new para moved from Enid last year.",                                               # a town one moved from
    "Dr. Castellanos now teaches at UT El Paso.",
])
def test_round23_no_one(text) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label in ("PERSON", "SCHOOL")] \
        in ([], ["Dr. Castellanos"])


def test_a_chat_line_of_me_is_no_name() -> None:
    text = "Text thread with my coach:\nMe: can we move tomorrow?\nNereida: sure, 2pm?\nMe: ok gracias"
    assert [f for f in _found(_NOBODY.redact(text), text) if f[1] == "PERSON"] == [("Nereida", "PERSON")]


def test_a_systems_initials_without_its_place_and_with_of() -> None:
    from evalkit.pii import _acronyms
    assert {"PSS", "CPSS"} <= _acronyms("CNMI Public School System")
    assert "GDOE" in _acronyms("Guam Department of Education")
    red = Redactor.from_roster(RosterNames(first=("Ana",), last=("Ruiz",), full=("Ana Ruiz",),
                                           places=("CNMI Public School System",)))
    text = "Ask Star at PSS for the curriculum map."
    assert ("PSS", "SCHOOL") in _found(red.redact(text), text)


@pytest.mark.parametrize(("text", "found"), [
    ("Si Yu'os ma'åse' Tun Vicente for the chant.", [("Tun Vicente", "PERSON")]),   # CHamoru honorifics
    ("Thank you Tan Linda.", [("Tan Linda", "PERSON")]),
    ("Tan Lines and Tun Brewery sponsored the 5K.", []),
])
def test_chamoru_honorifics(text, found) -> None:
    assert _found(_NOBODY.redact(text), text) == found


def test_spanish_nicknames_added_in_session_17() -> None:
    red = Redactor.from_roster(RosterNames(first=("Leticia", "Javier"), last=("Garza", "Ruiz"),
                                           full=("Leticia Garza", "Javier Ruiz")))
    text = "Lety, if you see this, gracias. Javi y Marina presentaron."
    assert [f for f in _found(red.redact(text), text) if f[1] == "PERSON"][:2] == [("Lety", "PERSON"), ("Javi", "PERSON")]


# --- session 18: phone and e-mail shapes written as a matrix of the ways forms, scans and dictation give them -----

_AREA_FORMS = ["(956) ", "(956)", "956-", "956.", "956 ", "956/", "956 / ", "[956] ", "956–", "956—", "956\u00a0",
               "956 - ", "( 956 ) ", "(956 ) ", "(956). "]
_PREFIXES = ["", "+1 ", "1-", "+1-", "1 ", "+1.", "1.", "001 "]


@pytest.mark.parametrize("prefix", _PREFIXES)
@pytest.mark.parametrize("area", _AREA_FORMS)
def test_phone_matrix_prefix_by_area_code(prefix, area) -> None:
    sep = "." if area.rstrip().endswith(".") and "(" not in area else "-"
    number = f"{prefix}{area}555{sep}0123"
    text = f"Text Lupe at {number} after 3."
    red = _NOBODY.redact(text)
    covered = {i for s in red.spans if s.label == "PHONE" for i in range(s.start, s.end)}
    start = text.index(number)
    assert set(range(start, start + len(number))) <= covered, number


@pytest.mark.parametrize("number", ["[956] 555 0123", "+1(956).555.0123", "( 956 ) 555 - 0123", "[ 956 ] 555 0123",
                                    "[956]-555-0123"])
def test_phone_shapes_session18(number) -> None:
    text = f"Her cell: {number}."
    assert (number, "PHONE") in _found(_NOBODY.redact(text), text)


@pytest.mark.parametrize("text", [
    "ratio 100/200/3000",                  # no area code starts with 1 or 0
    "Rooms 101/102/1030",
    "CFDA 84.371/425/2020",
    "Ratings: 5 4 4 3 5 5 4 4 5 3",         # single digits in a row are ratings unless a number is asked for
    "Q1 5 5 4 4 3 3 5 results",
    "We had 3 5 7 9 1 3 5 votes",
])
def test_number_rows_are_no_phones_session18(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label == "PHONE"]


def test_a_bracketed_number_that_is_no_area_code() -> None:
    text = "Scores: [100] 200 3000 total"      # a table's cells ("200 3000" may still be a local number)
    assert not [s for s in _NOBODY.redact(text).spans if s.start <= text.index("[100]") < s.end]


@pytest.mark.parametrize(("text", "phone"), [
    ("Text me, my number is 9 5 6 5 5 5 0 1 4 2 thanks", "9 5 6 5 5 5 0 1 4 2"),
    ("call 5 5 5 0 1 4 2 today", "5 5 5 0 1 4 2"),
    ("Fax: 1 9 5 6 5 5 5 0 1 4 2", "1 9 5 6 5 5 5 0 1 4 2"),
    ("Her phone #: 9 5 6 5 5 5 0 1 2 3", "9 5 6 5 5 5 0 1 2 3"),
    ("Cell:9 5 6 5 5 5 0 1 2 3", "9 5 6 5 5 5 0 1 2 3"),
    ("mi número es 9 5 6 5 5 5 0 1 2 3", "9 5 6 5 5 5 0 1 2 3"),
    ("Her cell: 956/555/0123.", "956/555/0123"),
])
def test_a_phone_typed_digit_by_digit(text, phone) -> None:
    assert (phone, "PHONE") in _found(_NOBODY.redact(text), text)


@pytest.mark.parametrize("email", ["jdoe%40rgcisd.example.org", "jdoe<at>rgcisd<dot>example<dot>org",
                                   "jdoe@rgcisd,example.org", "jdoe [@] rgcisd.example.org",
                                   "jdoe[at]rgcisd[.]example[.]org"])
def test_email_shapes_session18(email) -> None:
    text = f"Write to {email} for the sheet."
    assert (email, "EMAIL") in _found(_NOBODY.redact(text), text)


# Addresses, one factor at a time around "1420 Oak Ridge Dr, Springfield, IL 62701": house numbers, street forms,
# the USPS Publication 28's suffix abbreviations (C1) and secondary unit designators (C2), and the ways a city, a state
# and a ZIP are written (postal codes, the AP's abbreviations, stops and commas)
_ADDRESS_BASE = {"house": "1420", "street": "Oak Ridge Dr", "unit": "", "city": ", Springfield, IL 62701"}
_ADDRESS_LEVELS = {
    "house": ["14B", "12 1/2", "1420-A", "W1420"],
    "street": ["N. Main St.", "Main Street NW", "County Road 12", "State Route 15", "Sycamore Trce", "Willow Bnd",
               "Mill Pond Xing", "Old US 23", "KY 15", "TR 118", "Main", "Broadway", "Avenue B", "I-40 Service Rd",
               "St. Andrews Ct", "McKinley Ave"],
    "unit": [", Apt 4", " #12", ", Suite 210", ", 2nd Floor", ", Dept 450", ", Ofc 3", ", Rear", ", Upper", ", Bsmt",
             ", PH 2", " Apt 4 ", ", No. 4", ", Box 12", ", Hngr 2"],
    "city": [", Springfield, IL", " Springfield IL 62701", ", Springfield, Illinois 62701", "\nSpringfield, IL 62701",
             ", Springfield, IL 62701-1234", ", springfield, il 62701", ", Springfield, IL, 62701",
             ", Springfield, Ill. 62701", ", Springfield, IL. 62701", ", Springfield 62701", ", Springfield,IL 62701",
             " — Springfield, IL 62701"],
}


@pytest.mark.parametrize(("factor", "level"), [(f, v) for f, vs in _ADDRESS_LEVELS.items() for v in vs])
def test_address_matrix_one_factor_at_a_time(factor, level) -> None:
    address = "{house} {street}{unit}{city}".format(**{**_ADDRESS_BASE, factor: level})
    text = f"Send the packet to {address} by Friday."
    covered = {i for s in _NOBODY.redact(text).spans if s.label == "ADDRESS" for i in range(s.start, s.end)}
    start = text.index(address)
    assert set(range(start, start + len(address))) <= covered, address


@pytest.mark.parametrize("text", [
    "In 2021 Broadway, the play, was seen by 3 Classes, Springfield 62701 was the ZIP.",   # no state: no street
    "We served 1420 Students in Grade 3, and 2019 Data showed 12 Schools, Region 4.",
    "12 Pass, 3 Fail, 4 Incomplete",
    "Mile 3 Rear entrance was locked.",
])
def test_numbers_before_capitalised_words_are_no_address(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label == "ADDRESS"]


@pytest.mark.parametrize(("text", "found"), [
    ("Los estudiantes Keyshla y Jandiel presentaron su proyecto.", ["Keyshla", "Jandiel"]),   # "y" joins names too
    ("Gracias a Lupe y Compañía por todo.", ["Lupe"]),                # but not a Spanish word
    ("Student Dalia Qasim and her brother Faris spoke on the panel.", ["Dalia Qasim", "Faris"]),   # a relative named
    ("Mother Nature was not kind to the bus schedule.", []),
])
def test_names_joined_by_y_and_relatives_named(text, found) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "PERSON"] == found


def test_a_quoted_nickname_in_brackets_after_a_name() -> None:
    red = Redactor.from_roster(RosterNames(first=("Gulistan",), last=("Haji",), full=("Gulistan Haji",)))
    text = 'Gulistan Haji ("Gule") was nominated for para of the year.'
    assert ("Gule", "PERSON") in _found(red.redact(text), text)


@pytest.mark.parametrize("text", [
    "Our district's only bilingual diagnostician is covering three schools.",     # a trade's word: -ician
    "Our school's only Somali-speaking family liaison is also the coach.",
    "Our only bus driver retired in May.",
    "La mamá voluntaria que lleva 20 años en el comité sabe más que todos.",        # Spanish: a parent, a volunteer
    "El nuevo coordinador de MTSS que llegó de Monterrey tiene buenas ideas.",
    "La maestra más antigua de Esc. Elemental Norte debió recibir un reconocimiento.",
    "El director de la escuela más pequeña merece la visita.",
])
def test_one_of_a_kind_goes_to_review_session18(text) -> None:
    assert _NOBODY.redact(text).needs_review


@pytest.mark.parametrize("text", [
    "Our only option is to wait for the state.",
    "The district's first coordinators meeting was long.",
    pytest.param("El papá que quiera participar puede llamar a la escuela.", marks=_REVIEW_OVER),   # any parent
])
def test_not_one_person_session18(text) -> None:
    assert not _NOBODY.redact(text).needs_review


# --- round 24 (session 18), from the eighteenth set's tune half ---------------------------------------------------

@pytest.mark.parametrize(("text", "found"), [
    ("KESSLER, TODD\tVendor\tBrightpath Learning", ["KESSLER, TODD"]),          # "SURNAME, GIVEN" in capitals
    ("SEXTON, ROXANNE; COLLINS, TAMMY", ["SEXTON, ROXANNE", "COLLINS, TAMMY"]),
    ("NOTE, PLEASE\tread the agenda", []),
    ("Ranch families that came: the Molbergs, the Whitworths, and Clint.", ["Molbergs", "Whitworths", "Clint"]),
    ("Home visit notes, Hobbs family: Dad works nights.", ["Hobbs"]),          # a family without "the"
    ("The Hobbs family came to the night.", ["Hobbs"]),                         # a town's name, but a family here
    ("We drove to Hobbs for the meeting.", []),
    ("A Latino family and a Muslim family came.", []),
    ("Sign-in:\n1. Tammy Collins + 3 kids\n2. Roxanne Sexton\n3. Donnie & Crystal Hall\n4. Arlie Gibson",
     ["Tammy Collins", "Roxanne Sexton", "Donnie & Crystal Hall", "Arlie Gibson"]),   # a couple on a list's line
    ("The Relief Society sisters brought lunch for the staff.", []),           # an organisation, not a family
    ("Mosiah, Alma, Helaman, 3 Nephi. Half my students can list the books in order.", []),   # scripture
    ("We read the Book of Mormon in seminary: the story of Nephi building a ship.", []),
    ("Lance Armstrong came up as an example in the ethics segment.", []),
])
def test_round24_people(text, found) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "PERSON"] == found


def test_round24_a_list_vouches_along_its_whole_length() -> None:
    red = Redactor.from_roster(RosterNames(first=("Htoo",), last=("Lay",), full=("Htoo Lay",)))
    text = "Guides (students): Abdiwali, Hamdi, Nasra, Kou, Lee Pao, Htoo Lay. Each gave a tour."
    assert [text[s.start:s.end] for s in red.redact(text).spans if s.label == "PERSON"][0] == "Abdiwali"


def test_round24_a_roster_name_that_is_a_town_where_a_move_names_it() -> None:
    red = Redactor.from_roster(RosterNames(first=("Ammon",), last=("Price",), full=("Ammon Price",)))
    for text in ("We drove down from Price for the regional meeting.", "Families moved from Ammon or Rexburg."):
        assert not red.redact(text).spans, text
    assert red.redact("Ammon Price led the session.").spans


@pytest.mark.parametrize(("text", "found"), [
    ("Our mailing address is still Star Route 1, Box 44 but the road is out.", ("Star Route 1, Box 44", "ADDRESS")),
    ("Visitors from Our Savior's Lutheran School came.", ("Our Savior's Lutheran School", "SCHOOL")),
    ("Co-ops: Intermediate District 931, Prairie Lakes Service Cooperative, Metro East Education District.",
     ("Prairie Lakes Service Cooperative", "SCHOOL")),
])
def test_round24_addresses_and_bodies(text, found) -> None:
    assert found in _found(_NOBODY.redact(text), text)


def test_round24_a_networks_short_name_and_a_towns_name() -> None:
    red = Redactor.from_roster(RosterNames(first=("Ismail",), last=("Abdi",), full=("Ismail Abdi",),
                                           places=("Ubax Learning Network", "Kettle Fork Middle School")))
    text = "Ismail asked whether Ubax schools can use the PD points."
    assert any(f[0].startswith("Ubax") for f in _found(red.redact(text), text))
    for text in ("Most families live up Kettle Fork, off the main road.", "The town of Kettle Fork has one stoplight."):
        assert not [s for s in red.redact(text).spans if s.label == "SCHOOL"], text
    text = "Kettle Fork won the quiz bowl."
    assert ("Kettle Fork", "SCHOOL") in _found(red.redact(text), text)


@pytest.mark.parametrize(("text", "found"), [
    ("Thanks to President Kent Farnsworth, Bishop Ray Lundquist and others.",
     ["President Kent Farnsworth", "Bishop Ray Lundquist"]),          # a stake's or a board's president
    ("Stake President Orrin Thackeray came to the night.", ["President Orrin Thackeray"]),
    ("President Joe Biden visited the state.", []),                  # a president of the country: a public figure
    ("President Abraham Lincoln freed the enslaved.", []),
])
def test_round24_presidents(text, found) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "PERSON"] == found


@pytest.mark.parametrize("text", [
    "The grandpa who drives his four grandkids in from the ranch came to the family night.",
    "The district's only Oromo-speaking paraprofessional was pulled to interpret three times.",
    "The Hmong aunty who volunteers in the office every morning knows every family.",
    "The stake president's wife teaches seventh grade at the junior high.",
])
def test_round24_review(text) -> None:
    assert _NOBODY.redact(text).needs_review


def test_a_public_name_with_a_plurals_apostrophe() -> None:
    text = "Mr. Rogers' look for the helpers was perfect for the crisis session."
    assert not _NOBODY.redact(text).spans


# A roster's names in the forms exports and writers give them, one form at a time (session 18's matrix): a given name
# of two words or a surname with particles written surname first, a particle-led surname alone or after an
# initial, and initials of four letters
_MATRIX_ROSTER = RosterNames(
    first=("María José", "Mary Kate", "Guadalupe", "Jean-Baptiste"),
    last=("Núñez-Ortega", "McDonald", "de la Cruz", "Pierre-Louis"),
    full=("María José Núñez-Ortega", "Mary Kate McDonald", "Guadalupe de la Cruz", "Jean-Baptiste Pierre-Louis"))


@pytest.mark.parametrize("name", ["Núñez-Ortega, María José", "McDonald, Mary Kate", "de la Cruz, Guadalupe",
                                  "de la Cruz", "G. de la Cruz", "MJNO", "JBPL"])
@pytest.mark.parametrize("context", ["{} led the session.", "Thanks to {} for the binder!", "we thank {}."])
def test_roster_name_forms_matrix(name, context) -> None:
    text = context.format(name)
    red = Redactor.from_roster(_MATRIX_ROSTER).redact(text)
    covered = {i for s in red.spans if s.label == "PERSON" for i in range(s.start, s.end)}
    start = text.index(name)
    assert set(range(start, start + len(name))) <= covered, text


_SCHOOL_MATRIX = RosterNames(first=("Ana",), last=("Ruiz",), full=("Ana Ruiz",),
                             places=("Lincoln Middle School", "Pine Ridge K-8 Academy", "César Chávez High School"))


@pytest.mark.parametrize("school", ["Lincoln Middle Sch.", "Pine Ridge K-8 Acad.", "César Chávez H.S.", "Lincoln Middle Sch"])
@pytest.mark.parametrize("context", ["We visited {} on Tuesday.", "Our team from {} came.", "Site visit - {}"])
def test_school_kinds_abbreviated_with_their_stops(school, context) -> None:
    text = context.format(school)
    red = Redactor.from_roster(_SCHOOL_MATRIX).redact(text)
    covered = {i for s in red.spans if s.label == "SCHOOL" for i in range(s.start, s.end)}
    start = text.index(school)
    assert set(range(start, start + len(school))) <= covered, text


def test_a_public_figures_day_is_no_school() -> None:
    text = "Cesar Chavez Day is a holiday for our families."
    assert not Redactor.from_roster(_SCHOOL_MATRIX).redact(text).spans


@pytest.mark.parametrize("url", ["hxxp://example.org/x", "hxxps://example.org/a?b=1", "rb.gy/abc", "youtu.be/abc123",
                                 "us02web.zoom.us/j/123?pwd=abc", "https://example.org/a_(b)"])
def test_url_shapes_session18(url) -> None:
    text = f"See {url} for the slides."
    assert (url, "URL") in _found(_NOBODY.redact(text), text)


# --- round 25 (session 18), from the nineteenth set's tune half, after its blind check ------------------------------

@pytest.mark.parametrize(("text", "found"), [
    ("Sequoia Vlsta High Schoo1 — principa1 Cata1ina Arredondo", ["principa1 Cata1ina Arredondo"]),   # OCR: 1 for l
    ("Memo from Dr. Adaeze 0kafor: packets are due 3/1.", ["Dr. Adaeze 0kafor"]),             # OCR: 0 for O
    ("Tier1 and room1 and 1on1 and the 10th and K12 stayed as they were.", []),
    ("Parents Eli and Sadie Riehl agreed to a home visit.", ["Eli and Sadie Riehl"]),          # a couple, one name
    ("Thanks to Maria and Dana Reyes.", ["Maria and Dana Reyes"]),
    ("Notes:\n• Maria: fine\n• Migdy: asks for a shared letter\n• Transportation: routes redrawn",
     ["Maria", "Migdy"]),                                                     # notes keyed by people
    # (no given name keys the rows, but the words' model reads "Migdy" as the name it is)
    ("Notes:\n• Migdy: asks for a shared letter\n• Transportation: routes redrawn", ["Migdy"]),
    ("Agenda:\n• Esser: spent\n• Ferpa: reviewed\n• Hipaa: n/a", []),       # acronyms in title case
    ("Notes:\n- Zearn: fine\n- Tahlequah: good", []),
    ("WE GAVE THE DRA. MOST KIDS GREW A LEVEL.", []),                         # a reading test, not a title
    ("Reading fluency notes.\nLogged by Rebecca Glick, principal", ["Rebecca Glick"]),          # a log's author
    ("We read New Kid by Jerry Craft in the reading block.", []),                             # a book's author
])
def test_round25_people(text, found) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "PERSON"] == found


@pytest.mark.parametrize(("text", "found"), [
    ("Records came from Riverbend Continuation last week.", ("Riverbend Continuation", "SCHOOL")),
    ("The comparison school is in Haverkill UFSD this year.", ("Haverkill UFSD", "SCHOOL")),
    ("Jessenia Polanco left for Passaic Ridge Regional.", ("Passaic Ridge Regional", "SCHOOL")),
    ("Forms were mailed to RR 1 Box 44A, Kinzers, PA 17535.", ("RR 1 Box 44A, Kinzers, PA 17535", "ADDRESS")),
    ("Sunrise Labor Camp, Cabin 7, 21450 Avenue 280, Sequoia Vista, CA 93292.",
     ("Cabin 7, 21450 Avenue 280, Sequoia Vista, CA 93292", "ADDRESS")),
    ("send the summary to jdoe at tulecoe dot example dot org period thanks",
     ("jdoe at tulecoe dot example dot org", "EMAIL")),                     # "period" is the sentence's stop
    ("email jdoe at bps dot k12 dot ma dot us please", ("jdoe at bps dot k12 dot ma dot us", "EMAIL")),
])
def test_round25_bodies_addresses_emails(text, found) -> None:
    red = Redactor.from_roster(RosterNames(first=("Ana",), last=("Ruiz",), full=("Ana Ruiz",),
                                           places=("Riverbend Continuation High School",)))
    assert found in _found(red.redact(text), text)


def test_round25_regional_before_a_noun_is_no_district() -> None:
    assert not _NOBODY.redact("The Southeast Regional meeting was long.").spans


def test_round25_a_spanish_nickname() -> None:
    red = Redactor.from_roster(RosterNames(first=("Osvaldo",), last=("Pineda",), full=("Osvaldo Pineda",)))
    text = "Our group: Harpreet, Ozzie and me."
    assert ("Ozzie", "PERSON") in _found(red.redact(text), text)


# --- the second reader's findings on session 18's change (each a probe it reported) -------------------------------

@pytest.mark.parametrize("text", [
    "Point thresholds were 250/500/1000 this year.",          # a slash between three groups needs a cue
    "Budget lines $250/300/1200 were approved.",
    "Results by number: 3 4 4 2 3 4 4",                       # "number", "office", "reach" ask for no phone
    "Reach is 1 2 3 4 5 6 7 in the logic model.",
    "Please call the office; 7 8 9 0 1 2 3 were the rooms.",
])
def test_reader_numbers_that_are_no_phone(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label == "PHONE"]


@pytest.mark.parametrize("text", [
    "She earned 15 Bonus Pts on the exit ticket.",             # abbreviations that are words or another word's
    "Unit 3 Story Arc was the strongest lesson.",
    "We had 3 Medical Drs visit the clinic.",
    "Grade 3 Reading Sts were grouped.",
    "Room 204-B Learning Commons is where the PLC meets.",     # a room's number is no house
    "Pod 3-A Learning Center opened in March.",
])
def test_reader_phrases_that_are_no_address(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label == "ADDRESS"]


_READER_ROSTER = RosterNames(
    first=("Ana Victoria", "Sofia Teresa", "Carmen Alicia", "Ammon", "Mary", "David", "Alma", "John"),
    last=("Ibarra Diaz", "Aguilar Rios", "Sanchez Aguilar", "Price", "Lopez", "Reyes", "Smith", "Ruiz"),
    full=("Ana Victoria Ibarra Diaz", "Sofia Teresa Aguilar Rios", "Carmen Alicia Sanchez Aguilar", "Ammon Price"))


@pytest.mark.parametrize(("text", "found"), [
    ("AVID met on Tuesday.", []),                                        # four letters that spell a program
    ("STAR said the scores were up.", []),
    ("CASA met with the family.", []),
    ("That suggestion came from Price, not from the district.", ["Price"]),   # a source, not a move
    ("The referral came from Ammon.", ["Ammon"]),
    ("We drove down from Price.", []),
    ("Mary and David, from the Mormon church youth group, helped.", ["Mary", "David"]),   # "Mormon" alone
    ("Alma organized the food drive for the Mormon families in our ward.", ["Alma"]),
    ("In Group 1 John and Mary presented; David was absent.", ["John", "Mary", "David"]),
])
def test_reader_people_kept(text, found) -> None:
    red = Redactor.from_roster(_READER_ROSTER).redact(text)
    assert [text[s.start:s.end] for s in red.spans if s.label == "PERSON"] == found


@pytest.mark.parametrize("text", [
    "SITE VISIT NOTES\nBILLINGS, MONTANA\nwe met the team",             # a town and its state in capitals
    "HELENA, MONTANA\t12 teachers",
    "Billings, Montana\tnotes",
    "President Emmanuel Macron visited the school.",                    # a president with no local body about
    "President Michael Crow of ASU spoke.",
])
def test_reader_no_one(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label == "PERSON"]


def test_reader_a_president_before_an_address_is_no_name() -> None:
    text = "Mail the form to the President 1420 Oak Ridge Dr, Springfield, IL 62701."
    assert _found(_NOBODY.redact(text), text) == [("1420 Oak Ridge Dr, Springfield, IL 62701", "ADDRESS")]


@pytest.mark.parametrize("text", [
    "The only list we got was late.",
    "The only real twist was the schedule.",
    "Our only officer training was cancelled.",
    "The sole liaison role is vacant.",
    "Our first coordinator meetings were productive.",
    "Our district's only bus drivers meeting is Monday.",
])
def test_reader_not_one_person(text) -> None:
    assert not _NOBODY.redact(text).needs_review


@pytest.mark.parametrize(("text", "found"), [
    ("Send to 1420 Broadway\nSpringfield, IL 62701 by Friday.", ("1420 Broadway\nSpringfield, IL 62701", "ADDRESS")),
    ("Send to 1420 Broadway, Apt 4, Springfield, IL 62701.", ("1420 Broadway, Apt 4, Springfield, IL 62701", "ADDRESS")),
    ("Send to 1420 Oak Ridge Dr, Springfield, IL\n62701\nThanks", ("1420 Oak Ridge Dr, Springfield, IL\n62701", "ADDRESS")),
    ("Send to 1420 Oak Ridge Dr, Dept. A, Springfield, IL 62701.",
     ("1420 Oak Ridge Dr, Dept. A, Springfield, IL 62701", "ADDRESS")),
    ("Write to One Education Plaza, Jackson, Miss. 39201 today.", ("One Education Plaza, Jackson, Miss. 39201", "ADDRESS")),
    ("write jdoe@rgcisd,k12.tx.us today", ("jdoe@rgcisd,k12.tx.us", "EMAIL")),
    ("see hxxps[:]//example.org/x today", ("hxxps[:]//example.org/x", "URL")),
    ("Sign-in:\n1. Tammy Collins\n2. Donnie y Crystal Hall\n3. Arlie Gibson", ("Donnie y Crystal Hall", "PERSON")),
    ("no comment\n-SF", ("SF", "PERSON")),                    # a sign-off where nothing else was found
])
def test_reader_nearby_forms(text, found) -> None:
    assert found in _found(_NOBODY.redact(text), text)


def test_reader_a_long_list_vouches_to_its_end() -> None:
    names = ["Abdi", "Bilan", "Hodan", "Nasra", "Farhiya", "Ubah", "Sagal", "Kaltun", "Idil", "Anab", "Ayaan",
             "Deeqa", "Hibaaq", "Sahra", "Htoo Lay"]
    text = "Guides: " + ", ".join(names) + ". Each gave a tour."
    red = Redactor.from_roster(RosterNames(first=("Htoo",), last=("Lay",), full=("Htoo Lay",))).redact(text)
    assert [text[s.start:s.end] for s in red.spans if s.label == "PERSON"] == names


@pytest.mark.parametrize("text", [
    "The assistant principal in charge of the turnaround grant is also the varsity football coach.",   # two posts
    "The paraprofessional at Dr. Celestine Amankwah School No. 9 who speaks Twi is translating.",     # stops inside
    "Our district's attendance officer, the former state trooper, visits families in uniform.",     # who they were
    "The trustee whose daughter teaches in the district should recuse.",
    "Our network facilitator for the cohort, the one with the Eagles lanyard, cut off every woman.",   # a mark
    "The new special education teacher hired in January already has the largest caseload.",
    "The most senior teacher at Cedar Hollow Elementary, 31 years in the same classroom, holds it together.",
    "The reviewer from the regional office who signed it used the wrong numbers.",
])
def test_round25_review(text) -> None:
    assert _NOBODY.redact(text).needs_review


@pytest.mark.parametrize("text", [
    "Pick the option, the one with the lowest cost.",
    "The grant is also the main funding source.",
])
def test_round25_not_one_person(text) -> None:
    assert not _NOBODY.redact(text).needs_review


@pytest.mark.parametrize(("text", "found"), [
    ("Reading from Dr. Martin Luther King Jr.'s \"The Purpose of Education\" felt earned.", []),   # a titled figure
    ("Ms. Parks and Rosa Parks", ["Ms. Parks"]),
    ("Coaching log\nCoach: Sera\nNotes: good", ["Sera"]),                        # a role's label before a name
    ("Coach: 3rd grade team\nNotes: fine", []),
    ("Nagar Kirtan processions for Gurpurab close the road.", []),
    ("Team: Yaritza Montañez, Dorje Sherpa and Kyle Bachman presented.",
     ["Yaritza Montañez", "Dorje Sherpa", "Kyle Bachman"]),                      # a rare word as a listed surname
])
def test_round25_more_people(text, found) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "PERSON"] == found


def test_round25_a_school_short_form_travelled_from_is_a_town() -> None:
    red = Redactor.from_roster(RosterNames(first=("Ana",), last=("Ruiz",), full=("Ana Ruiz",),
                                           places=("Sequoia Vista High School",)))
    assert not red.redact("The drive from Sequoia Vista to Fresno is about an hour.").spans
    text = "Students from Sequoia Vista went to the fair."
    assert ("Sequoia Vista", "SCHOOL") in _found(red.redact(text), text)


@pytest.mark.parametrize(("text", "found"), [
    ("Deb and Ms. Gonzalez came.", ["Deb", "Ms. Gonzalez"]),          # a titled one after "and" is another person
    ("Mr. and Mrs. Oyelaran-Smith came.", ["Mr. and Mrs. Oyelaran-Smith"]),
    ("Parents Eli and Sadie Riehl agreed.", ["Eli and Sadie Riehl"]),
])
def test_couples_and_two_people(text, found) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "PERSON"] == found


# --- the second reader's findings on round 25 and the first reader's fixes ---------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Fue la 1ra reunión de padres del año.", []),                   # Spanish ordinals stay as typed
    ("We had 1van and 1bus for the trip.", []),                      # a count before a short word
    ("Group 1eaders met.", []),
    ("Dan1el L0pez came to group.", ["Dan1el L0pez"]),              # a digit after a capital, 1 for i
    ("DANIE1 L0PEZ CAME TO GROUP.", ["DANIE1 L0PEZ"]),               # in capitals
])
def test_reader2_ocr_readings(text, expected) -> None:
    red = Redactor.from_roster(RosterNames(first=("Daniel",), last=("Lopez",), full=("Daniel Lopez",)))
    assert [text[s.start:s.end] for s in red.redact(text).spans if s.label == "PERSON"] == expected


@pytest.mark.parametrize(("text", "phone"), [
    ("Text 956/555/0123 after 5.", "956/555/0123"),
    ("Reach her at 956/555/0123.", "956/555/0123"),
    ("Contact: 956/555/0123", "956/555/0123"),
    ("Fax is 956/555/0123.", "956/555/0123"),
    ("Her cell no. 956/555/0123.", "956/555/0123"),
    ("su teléfono: 956/555/0123", "956/555/0123"),
    ("Her mobile is 9 5 6 5 5 5 0 1 2 3.", "9 5 6 5 5 5 0 1 2 3"),
    ("mi celular es 9 5 6 5 5 5 0 1 2 3", "9 5 6 5 5 5 0 1 2 3"),
])
def test_reader2_cued_phones(text, phone) -> None:
    assert (phone, "PHONE") in _found(_NOBODY.redact(text), text)


@pytest.mark.parametrize("text", [
    "Water pH: 7 7 6 8 7 7 6 across sites.",
    "We hosted 12 Teachers from Springfield, IL 62701 last week.",     # no comma before the city: no street
    "Our 3 Campuses in Austin, TX 78701 did well.",
    "He was taken to Mercy Regional for stitches.",
    "The Mid-Atlantic Regional and State finals were close.",
    "In book club we read Matched by Ally Condie.",
])
def test_reader2_false_positives(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label in ("PHONE", "ADDRESS", "SCHOOL")]


def test_reader2_a_count_on_the_next_line_is_no_zip() -> None:
    text = "Site: 1420 Oak St, Springfield, IL\n12000 students served"
    assert ("1420 Oak St, Springfield, IL", "ADDRESS") in _found(_NOBODY.redact(text), text)


@pytest.mark.parametrize("text", ["Reading fluency notes.\nLog Submitted by Rebecca Glick",
                                  "Reading notes.\nNotes Logged by Rebecca Glick", "Reading notes. Read by Rebecca Glick"])
def test_reader2_a_records_author_is_someone(text) -> None:
    assert ("Rebecca Glick", "PERSON") in _found(_NOBODY.redact(text), text)


@pytest.mark.parametrize("text", ["Our only cellist quit.", "Our only vocalist quit.", "Our only journalist on the paper left."])
def test_reader2_trades_ending_in_list(text) -> None:
    assert _NOBODY.redact(text).needs_review


@pytest.mark.parametrize(("text", "found"), [
    ("The Nguyen family came from Price, Utah, in May.", ["Nguyen"]),   # Price a town: a state follows
    ("Families came from Ammon and Rexburg.", []),                    # people came from it
    ("Three new students arrived from Ammon last week.", []),
    ("The referral came from Ammon.", ["Ammon"]),
])
def test_reader2_a_roster_town(text, found) -> None:
    red = Redactor.from_roster(RosterNames(first=("Ammon",), last=("Price",), full=("Ammon Price",)))
    assert [text[s.start:s.end] for s in red.redact(text).spans if s.label == "PERSON"] == found


@pytest.mark.parametrize(("text", "found"), [
    ("send it to jdoe at example dot app please", ("jdoe at example dot app", "EMAIL")),
    ("Rm. 204 Learning Commons is open.", None),
    ("Send to 123 Main St. No I didn't get it.", ("123 Main St.", "ADDRESS")),
])
def test_reader2_smaller(text, found) -> None:
    spans = _found(_NOBODY.redact(text), text)
    assert (found in spans) if found else not [s for s in spans if s[1] == "ADDRESS"]


# --- round 26 (session 18), from the twentieth set's tune half, after its blind check -----------------------------

@pytest.mark.parametrize(("text", "found"), [
    ('Transcript: "...thank you to Mister Yazzy and Missus Benally for hosting us', ["Mister Yazzy", "Missus Benally"]),
    ("Voice typed: thank you to doctor Okafor comma she was amazing", ["doctor Okafor"]),
    ("PLEASE THANK MRS. FUSITU'A AND MR. SOANE TAUFA FOR BRINGING FOOD", ["MRS. FUSITU'A", "MR. SOANE TAUFA"]),
    ("THANK YOU MR. LEE FOR THE HELP", ["MR. LEE"]),
    ("Benavides, Ricardo — MVCSD\nAbeyta, Consuelo M. — Costilla Valley BOCES",
     ["Benavides, Ricardo", "Abeyta, Consuelo M."]),                       # a middle initial after the given name
])
def test_round26_people(text, found) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "PERSON"] == found


@pytest.mark.parametrize(("text", "found"), [
    ("Rich Elder, Supt., Mancos Ridge RE-4", ("Mancos Ridge RE-4", "SCHOOL")),     # Colorado's numbered districts
    ("Dolores Canyon RE-2 will pilot it.", ("Dolores Canyon RE-2", "SCHOOL")),
    ("He moved to San Juan Basin Consolidated. Della stayed.", ("San Juan Basin Consolidated", "SCHOOL")),
    ("meet at Mile 4, Hwy 160, PO Box 1420, Towaoc, CO 81334, 8:30 am.",
     ("Mile 4, Hwy 160, PO Box 1420, Towaoc, CO 81334", "ADDRESS")),            # a rural box after its road
])
def test_round26_bodies_and_addresses(text, found) -> None:
    assert found in _found(_NOBODY.redact(text), text)


def test_round26_re_in_an_email_subject_is_no_district() -> None:
    assert not _NOBODY.redact("RE: your email about the visit").spans


def test_round26_mountain_abbreviated() -> None:
    red = Redactor.from_roster(RosterNames(first=("Ana",), last=("Ruiz",), full=("Ana Ruiz",),
                                           places=("Spring Mountain Vista Elementary",)))
    text = "offer him the Spring Mtn Vista literacy night."
    assert any(f[0].startswith("Spring Mtn Vista") for f in _found(red.redact(text), text))


@pytest.mark.parametrize("text", [
    "The school board president at the grant school signs every check himself.",
    "The grant writer for Hogback Consolidated School District wrote the application over a weekend.",
    "The regional superintendent for our area has not visited our campus once this year.",
    "Our principal, the first Diné woman to lead our school, is being second-guessed.",
    "The receptionist at Desert Sage Prep Eastside who speaks Spanish is the real office.",
    "At Coyote Wash Day School the dorm supervisor on the night shift is the adult the kids trust most.",
])
def test_round26_review(text) -> None:
    assert _NOBODY.redact(text).needs_review


@pytest.mark.parametrize("text", ["The coaches for our area were fine.", "The budget for the grant was spent."])
def test_round26_no_one_to_review(text) -> None:
    assert not _NOBODY.redact(text).needs_review


@pytest.mark.parametrize(("text", "found"), [
    ("The para who translates Karen for the whole building should be paid.", []),   # a language after translating
    ("the Karen family night organized by Ms. Nang Seng", ["Ms. Nang Seng"]),       # a people's family night
    ("Karen Smith translates for us.", ["Karen Smith"]),
    ("Aung San Suu Kyi came up in a class discussion.", []),
])
def test_round26_languages_and_public_figures(text, found) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "PERSON"] == found


# --- round 27 (session 18), from the twentyfirst set's tune half (scored blind first; its held-out half unread) -----

@pytest.mark.parametrize(("text", "found"), [
    ("00:12:44 TANYA H: can everybody hear me\n00:12:50 Bohdan K: yes\n00:12:52 Iryna Kravets: we hear you",
     ["TANYA H", "Bohdan K", "Iryna Kravets"]),                               # a bare time stamp, capitals, initials
    ("[10:48] hunter.lindqvist: can we join?\n[10:49] faith.gebremariam: yes, I will send it",
     ["hunter.lindqvist", "faith.gebremariam"]),                              # user names as chat labels
    ("many of our families, like the Fa'alogo family, prefer it.", ["Fa'alogo"]),
    ("Motion to approve the Yup'ik immersion calendar: Nanuq/Kasayuli, carried 4-1.", ["Nanuq", "Kasayuli"]),
    ("Two families (Hoang and Kravets) asked to join as parent voices.", ["Hoang", "Kravets"]),
    ("Quyana to Wass and the board.", ["Wass"]),
    ("The vote: Yes/No, carried.", []),
    ("Todos los santos y fieles difuntos: the altars went up.", []),
])
def test_round27_people(text, found) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "PERSON"] == found


def test_round27_initials_after_a_name() -> None:
    red = Redactor.from_roster(RosterNames(first=("Atsaq", "Tuluk", "Nikki", "Tevin"), last=("Lee", "Ray", "Vo", "Reed"),
                                           full=("Atsaq Lee", "Tuluk Ray", "Nikki Vo", "Tevin Reed")))
    text = "student,mentor,pct\nRyder Kasak,6,Atsaq L,82\nColton Qasaq,6,Tuluk I,91"
    assert [f for f in _found(red.redact(text), text) if f[0].startswith(("Atsaq", "Tuluk"))] == \
        [("Atsaq L", "PERSON"), ("Tuluk I", "PERSON")]
    text = "He handled the fight between deshawn k and tevin r well."
    assert ("tevin r", "PERSON") in _found(red.redact(text), text)
    text = "Tuluk I think was right."                                       # the pronoun is no initial
    assert ("Tuluk", "PERSON") in _found(red.redact(text), text)


def test_round27_ocr_capital_i_for_l() -> None:
    red = Redactor.from_roster(RosterNames(first=("Ana",), last=("Ruiz",), full=("Ana Ruiz",),
                                           places=("Hilltop Narrows Elementary",)))
    text = "The assessor rated HiIltop Narrows EIementary a 3."
    assert ("HiIltop Narrows EIementary", "SCHOOL") in _found(red.redact(text), text)
    assert not red.redact("McIntosh bought an iPad.").spans


def test_round27_a_school_named_after_a_landform_passed_over_is_the_land() -> None:
    red = Redactor.from_roster(RosterNames(first=("Ana",), last=("Ruiz",), full=("Ana Ruiz",),
                                           places=("Cherry Bench High School", "Rattlesnake Ridge Middle School")))
    for text in ("The wildfire smoke in August sat over Cherry Bench and the orchards.",
                 "Driving down past Rattlesnake Ridge takes an hour."):
        assert not red.redact(text).spans, text
    text = "Students at Cherry Bench did well."
    assert ("Cherry Bench", "SCHOOL") in _found(red.redact(text), text)


def test_round27_the_teacher_in_a_portable() -> None:
    assert _NOBODY.redact("The teacher in portable 6 leaves kids unsupervised at recess.").needs_review


# --- the third reader's findings (rounds 26-27) ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "found"), [
    ("voice typed: thank you doctor Yazzie-Begay for coming", ["doctor Yazzie-Begay"]),   # hyphenated whole
    ("He went to the doctor Tuesday and missed the quiz.", []),
    ("Our school doctor Visits on Fridays.", []),
    ("MS. DIAZ NEEDS HELP", ["MS. DIAZ"]),                                 # a capitals name ends before everyday words
    ("MS.  DIAZ NEEDS HELP", ["MS.  DIAZ"]),                               # (spaced as typed)
    ("MR. LEE SAID NO", ["MR. LEE"]),
    ("DR. KING DAY ASSEMBLY", []),
    ("Schedule:\n8:15 Arrival: greeted\n9:00 ELA: small groups\n10:00 Art: clay\n11:30 Lunch: cafeteria", []),
    ("APRIL: testing\nMAY: field day\nJUNE: graduation", []),
    ("Motion to adopt the math curriculum: Zearn/Lexia, approved.", []),
    ("The Fall/Spring, passed.", []),
    ("Motion: Benally / Tsosie, carried", ["Benally", "Tsosie"]),
    ("Three families (Hoang, Kravets and Oyelaran) came.", ["Hoang", "Kravets", "Oyelaran"]),
    ("Families (Hoang & Kravets) came.", ["Hoang", "Kravets"]),
    ("Two families (ESL and IEP) asked for meetings.", []),
    ("Our families (Kinder and Pre-K) loved it.", []),
    ("Ms. Vu translated Karen's letter into Vietnamese.", ["Ms. Vu", "Karen"]),   # a possessive: a person's
    ("the Karen family dinner was packed", []),
])
def test_reader3_people(text, found) -> None:
    assert [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "PERSON"] == found


@pytest.mark.parametrize("text", [
    "Our sub for the day did a great job with the class.",        # "for" before an event, a time or a subject
    "The speaker for the keynote talked about trauma-informed practice.",
    "The teacher for Algebra gave too much homework.",
    "I talked to the counselor, the first step was a referral.",   # "the first" without a person's word
    "We read about the president who ended slavery.",             # a president of the country
])
def test_reader3_not_one_person(text) -> None:
    assert not _NOBODY.redact(text).needs_review


def test_reader3_a_rural_box_after_a_mile_without_its_comma() -> None:
    text = "meet at Mile 4 Hwy 160, PO Box 1420, Towaoc, CO 81334."
    assert ("Mile 4 Hwy 160, PO Box 1420, Towaoc, CO 81334", "ADDRESS") in _found(_NOBODY.redact(text), text)


def test_public_names_are_listed_once() -> None:
    from collections import Counter

    from evalkit.namelists import PUBLIC_NAMES
    # (once as the text is read: accents folded and case ignored, "José Martí" is "Jose Marti")
    assert [name for name, n in Counter(fold(p).casefold() for p in PUBLIC_NAMES).items() if n > 1] == []


@pytest.mark.parametrize("typed", [str, fold])
def test_every_public_name_with_accents_is_found_as_typed_either_way(typed) -> None:
    from evalkit.namelists import PUBLIC_NAMES
    from evalkit.pii import _prepare, _public_spans
    for name in (p for p in PUBLIC_NAMES if not p.isascii()):
        _, low, _ = _prepare(f"We read about {typed(name)} today.")
        spans = _public_spans(low, set(re.findall(r"[^\W\d_]+", low)))
        assert (14, 14 + len(fold(name))) in spans, name


def test_public_names_with_accents_are_found_as_typed_either_way() -> None:
    red = Redactor.from_roster(RosterNames(first=("Ana",), last=("Martí",), full=("Ana Martí",)))
    for text in ("Students read José Martí's poems.", "Students read Jose Marti's poems.",
                 "The Cesária Évora song closed the night.", "The Cesaria Evora song closed the night."):
        assert not red.redact(text).spans, text     # the poet and the singer, however typed
    assert [s.label for s in red.redact("Ms. Martí read the poems.").spans] == ["PERSON"]   # the roster's person


@pytest.mark.parametrize("text", [
    "Merriam Webster Dictionary definition of sandwich",   # a real Google Forms export's answer, verbatim
    "Merriam-Webster says otherwise", "per Webster's Dictionary", "the Webster Dictionary definition",
])
def test_a_dictionary_cited_for_a_definition_is_no_one(text: str) -> None:
    assert _NOBODY.redact(text).text == text


def test_a_roster_webster_beside_the_dictionary_is_still_redacted() -> None:
    roster = RosterNames(first=("Dana",), last=("Webster",), full=("Dana Webster",))
    text = "Ms. Webster said to check the Merriam Webster Dictionary; Dana Webster agreed."
    assert redact(text, roster).text == "[PERSON] said to check the Merriam Webster Dictionary; [PERSON] agreed."


# --- session 19: shapes written before the rules (USPS Publication 28's designators before the street, addresses
# typed in capitals, house-number ranges, a numbered road as the whole street, a mobile-home park's lot, an e-mail
# read out with its initial, an address read out digit by digit) ----------------------------------------------------

def _addresses(text: str) -> list[str]:
    return [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "ADDRESS"]


@pytest.mark.parametrize(("text", "address"), [
    ("PICKUP IS AT 1300 W 18TH ST NOT THE SCHOOL.", "1300 W 18TH ST"),
    ("MEET AT 45 OAK HILL RD TOMORROW", "45 OAK HILL RD"),
    ("THE BUS LEAVES FROM 210 NORTH MAIN STREET AT 7", "210 NORTH MAIN STREET"),
    ("DROP OFF AT 88 MCKINLEY AVE, SUITE 4 BY NOON", "88 MCKINLEY AVE, SUITE 4"),
    ("Signed,\nJOANNE\n1300 W 18TH ST\nCHICAGO IL 60608", "1300 W 18TH ST\nCHICAGO IL 60608"),
    ("Her new place is 77 S 3RD AVE in town.", "77 S 3RD AVE"),
])
def test_an_address_typed_in_capitals(text, address) -> None:
    assert address in _addresses(text)


@pytest.mark.parametrize("text", [
    "WE SERVED 1420 STUDENTS IN GRADE 3 AND 2019 DATA SHOWED 12 SCHOOLS.",
    "DAY 2 ST PATRICK'S DAY ASSEMBLY RAN LONG",
    "ONLY 3 ROAD TRIPS THIS YEAR",
    "THE 5 WAY STOP BY THE SCHOOL IS DANGEROUS",
])
def test_capitals_that_are_no_address(text) -> None:
    assert _addresses(text) == []


@pytest.mark.parametrize(("text", "address"), [
    ("She lives at 6-7 Kongens Gade, Charlotte Amalie, VI 00802.", "6-7 Kongens Gade, Charlotte Amalie, VI 00802"),
    ("Office: 12-14 Oak St, Dover, DE 19901", "12-14 Oak St, Dover, DE 19901"),
])
def test_a_house_number_range(text, address) -> None:
    assert address in _addresses(text)


# USPS Publication 28, Appendix C2: the secondary unit designators, as people write them before the street
@pytest.mark.parametrize("unit", ["Lot 22", "Spc 14", "Space 14", "Trlr 3", "Unit B", "Apt 4", "Ste 210", "Bldg 7",
                                  "PMB 212", "#5", "Lot #22"])
def test_a_unit_before_the_street(unit) -> None:
    address = f"{unit}, 3900 Old Missouri Rd, Springdale, AR 72764"
    assert address in _addresses(f"The family lives at {address} now.")


@pytest.mark.parametrize(("text", "address"), [
    ("lives at Lot 22, Shady Acres Mobile Home Park, 3900 Old Missouri Rd, Springdale, AR 72764 since May",
     "Lot 22, Shady Acres Mobile Home Park, 3900 Old Missouri Rd, Springdale, AR 72764"),
    ("moved to Space 14, Desert Palms RV Park, 1200 E Main St, Mesa, AZ 85203.",
     "Space 14, Desert Palms RV Park, 1200 E Main St, Mesa, AZ 85203"),
    ('Text from the office: "the family at Lot 14, Twin Oaks Trailer Park, Springdale has no power"',
     "Lot 14, Twin Oaks Trailer Park, Springdale"),
    ("Home visit: Pine Hollow Mobile Home Park, Lot 9.", "Pine Hollow Mobile Home Park, Lot 9"),
])
def test_a_lot_in_a_mobile_home_park(text, address) -> None:
    assert address in _addresses(text)


@pytest.mark.parametrize("text", [
    "The trailer park flooded again and the bus could not get in.",
    "Lot 4 of the parking garage is closed; use the RV Park entrance.",
])
def test_a_park_without_a_home_in_it_is_no_address(text) -> None:
    assert _addresses(text) == []


@pytest.mark.parametrize(("text", "address"), [
    ("Guardian lives at CR 410, Lot 7, Laredo, TX 78046.", "CR 410, Lot 7, Laredo, TX 78046"),
    ("Mail: County Road 12, Hazard, KY 41701", "County Road 12, Hazard, KY 41701"),
    ("Home: FM 1960, Lot 9, Humble, TX 77338.", "FM 1960, Lot 9, Humble, TX 77338"),
    ("Family moved to Hwy 61, Space 4, Tunica, MS 38676 in June.", "Hwy 61, Space 4, Tunica, MS 38676"),
])
def test_a_numbered_road_as_the_whole_street(text, address) -> None:
    assert address in _addresses(text)


@pytest.mark.parametrize("text", [
    "CR 410 is closed after the flood, so buses go around.",
    "We drove County Road 12 to the school in Hazard.",
])
def test_a_numbered_road_alone_is_no_address(text) -> None:
    assert _addresses(text) == []


@pytest.mark.parametrize(("text", "email"), [
    ("please send the slides to l begay at hogbackcsd dot example dot org period",
     "l begay at hogbackcsd dot example dot org"),
    ("e-mail j smith at district dot example dot org for the form", "j smith at district dot example dot org"),
    ("this is nou her from the county, send it to n her at tulecoe dot example dot org period thanks",
     "n her at tulecoe dot example dot org"),
])
def test_a_spoken_email_keeps_its_initial(text, email) -> None:
    assert (email, "EMAIL") in _found(_NOBODY.redact(text), text)


@pytest.mark.parametrize(("text", "kept"), [
    ("tell a friend at district dot example dot org", "tell a "),
    ("and i asked at district dot example dot org", "and i "),
])
def test_a_word_before_a_spoken_email_is_not_its_initial(text, kept) -> None:
    assert _NOBODY.redact(text).text.startswith(kept)


@pytest.mark.parametrize(("text", "address"), [
    ("VOICE MEMO: the network meeting address is four one two zero Northern Lights Boulevard Anchorage Alaska nine "
     "nine five zero eight",
     "four one two zero Northern Lights Boulevard Anchorage Alaska nine nine five zero eight"),
    ("the address is one two three oak street", "one two three oak street"),
    ("we meet at six five zero one Elm Avenue Springfield Illinois six two seven zero one period",
     "six five zero one Elm Avenue Springfield Illinois six two seven zero one"),
])
def test_an_address_read_out(text, address) -> None:
    assert address in _addresses(text)


@pytest.mark.parametrize("text", [
    "we counted one two three four five six and then lined up",
    "grades two three four Field Day was fun",
    "one two three Go Team",
])
def test_counting_is_no_address(text) -> None:
    assert _addresses(text) == []


# --- session 19: a found name's edges (an initial before it in capitals, its given name before it, a saint's "St.")

_EDGES = Redactor.from_roster(RosterNames(
    first=("Ortencia", "Mirna", "Karl", "Rosa", "Nadine", "Tom", "Jen"),
    last=("Treviño", "Barrera Solís", "Vollmer", "Saenz", "Okonkwo", "Okoro", "León", "Squirrel", "Onge"),
    full=("Ortencia Treviño", "Mirna Barrera Solís", "Karl Vollmer", "Rosa Saenz", "Nadine Okonkwo", "Tom Okoro",
          "Rami León", "Kawi Squirrel", "Jen Onge")))


def _people(text: str, red: Redactor = _EDGES) -> list[str]:
    return [text[s.start:s.end] for s in red.redact(text).spans if s.label == "PERSON"]


@pytest.mark.parametrize(("text", "name"), [
    ("MINUTES - BOARD WORKSHOP\nPRESENT: O. TREVIÑO, SUPT.; M. BARRERA SOLÍS; BOARD PRESIDENT ARMANDO LEAL",
     "O. TREVIÑO"),
    ("MINUTES - BOARD WORKSHOP\nPRESENT: O. TREVIÑO, SUPT.; M. BARRERA SOLÍS; BOARD PRESIDENT ARMANDO LEAL",
     "M. BARRERA SOLÍS"),
    ("REVIEWERS: K. VOLLMER, R. SAENZ", "R. SAENZ"),
    ("Attendees: N. Van Beverhoudt, Lisa Moreno", "N. Van Beverhoudt"),
    ("Tina Dela Cruz (Ma. Cristina Dela Cruz) led the session.", "Ma. Cristina Dela Cruz"),
    ('Her badge said "O. Treviño" instead of her name.', "O. Treviño"),
])
def test_an_initial_before_a_found_name(text, name) -> None:
    assert name in _people(text)


@pytest.mark.parametrize("text", ["We went with Plan B. Okoro agreed to lead it.",
                                  "The grant is for Title I. Okoro wrote it."])
def test_a_letter_that_ends_a_sentence_is_no_initial(text) -> None:
    assert not any(p.endswith(". Okoro") for p in _people(text))


@pytest.mark.parametrize(("text", "name"), [
    ("Kids who read their poems at the closing: Sunday Okonkwo, Hope Iron Cloud, Diego Almonte.", "Sunday Okonkwo"),
    ("Pepe Garza wants Rami de León in tier 3.", "Rami de León"),
    ("Many thanks to her student aide Kawi Squirrel for double-checking every row.", "Kawi Squirrel"),
    ("Our panel: Dean Okoro and two parents.", "Dean Okoro"),
])
def test_a_given_name_before_a_found_surname(text, name) -> None:
    assert name in _people(text)


@pytest.mark.parametrize(("text", "absent"), [
    ("On Monday Okoro said the data were late.", "Monday Okoro"),
    ("Thanks Okoro for the notes.", "Thanks Okoro"),
    ("The Okoro family came.", "The Okoro"),
])
def test_a_word_before_a_found_surname_that_is_no_given_name(text, absent) -> None:
    assert absent not in _people(text)


def test_a_saints_name_in_a_surname() -> None:
    text = "Sign-in: Marcy Doucette, Tom Brackett, Jen St. Onge, Hollis Putney"
    assert "Jen St. Onge" in _people(text, _NOBODY)


@pytest.mark.parametrize(("text", "name"), [
    ("THANK YOU SRA. LEONOR PATIÑO FOR THE TAMALES", "SRA. LEONOR PATIÑO"),
    ("Minutes GDOE leadership council: Deputy Supt. San Nicolas opened.", "Deputy Supt. San Nicolas"),
    ("At the chapter meeting Delegate Harold Tsinajinnie spoke first.", "Delegate Harold Tsinajinnie"),
])
def test_a_title_before_a_found_name(text, name) -> None:
    assert name in _people(text, _NOBODY)


def test_a_role_before_a_found_name_stays_outside() -> None:
    text = "BOARD PRESIDENT ARMANDO LEAL CALLED THE VOTE"
    assert "ARMANDO LEAL" in _people(text, _NOBODY)


def test_a_name_of_two_letters_in_a_list_of_names() -> None:
    text = "Thanks to Marisol, Vy and Tomasz for the posters."
    assert "Vy" in _people(text, _NOBODY)


@pytest.mark.parametrize(("text", "school"), [
    ("Action steps agreed with Principal Benjamin (Estate Carlton JHS): tier 2.", "Estate Carlton JHS"),
    ("| Bovoni Bay JHS | Clement Magras |", "Bovoni Bay JHS"),
    ("We toured Bayside SHS today", "Bayside SHS"),
    ("Cedar Hollow Co HS — Tier 3", "Cedar Hollow Co HS"),
    ("Notes from Pike Co. High School's data day", "Pike Co. High School"),
])
def test_a_junior_senior_or_county_high_school(text, school) -> None:
    assert (school, "SCHOOL") in _found(_NOBODY.redact(text), text)


def test_a_county_high_schools_letters_after_its_roster_name_in_capitals() -> None:
    red = Redactor.from_roster(RosterNames(places=("Cedar Hollow County High School",)))
    text = "SHERRILL CAUDILL — CEDAR HOLLOW CO HS — TIER 3"
    assert ("CEDAR HOLLOW CO HS", "SCHOOL") in _found(red.redact(text), text)


@pytest.mark.parametrize(("text", "school"), [
    ("Our kids from Kealakai High visited the Kaiwiloa High & Pahoehoe Elementary campus.",
     "Kaiwiloa High & Pahoehoe Elementary"),
    ("Other (please specify): St. Anthony of Padua Catholic School (I taught there)",
     "St. Anthony of Padua Catholic School"),
    ("MTSS review for Juvenile Services Academy at Bear Creek (detention school): no Tier 2 reading.",
     "Juvenile Services Academy at Bear Creek"),
])
def test_one_school_over_its_joining_words(text, school) -> None:
    red = _NOBODY.redact(text)
    start = text.index(school)
    covered = {i for s in red.spans if s.label == "SCHOOL" for i in range(s.start, s.end)}
    assert set(range(start, start + len(school))) <= covered


@pytest.mark.parametrize("text", ["Lincoln Academy at Noon was busy.", "We met at Lincoln Academy at Monday's session.",
                                  "Harbor View School at Midnight Madness was loud."])
def test_a_time_after_a_school_is_not_its_campus(text) -> None:
    spans = [text[s.start:s.end] for s in _NOBODY.redact(text).spans if s.label == "SCHOOL"]
    assert spans and not any(w in s for s in spans for w in ("Noon", "Monday", "Midnight")), spans


# --- round 28 (session 19), from the twentysecond set's tune half (written blind; its held-out half unread) ---------

@pytest.mark.parametrize(("text", "names"), [
    ("I loved the youth panel — Nohea, Keanu, Kaʻiulani and Mahina from the immersion program answered.",
     ["Nohea", "Keanu", "Kaʻiulani", "Mahina"]),                                  # an ʻokina inside a listed name
    ("Student-level tier 2 list (redact before sharing!): Exaucé M., Ange K., Nasra A., Bijay T., Sushmita G.",
     ["Exaucé M.", "Ange K.", "Nasra A.", "Bijay T.", "Sushmita G."]),            # given names and initials, listed
    ("Attendance (mtg 2): Abernathy ✓, Lapointe ✓, Grewal (virtual) ✓, Nakoa (virtual) ✓, Marchetti ✗",
     ["Abernathy", "Lapointe", "Grewal", "Nakoa", "Marchetti"]),                  # a sign-in's marks
    ("Motion to approve the principal. Moved by Barajas, seconded by Sandoval. Passed 5-0.", ["Barajas", "Sandoval"]),
    ("Home visits start with the Pahukoa and Lindsey families next week.", ["Pahukoa", "Lindsey"]),
])
def test_round28_people(text, names) -> None:
    found = _people(text, _NOBODY)
    assert all(n in found for n in names), found


@pytest.mark.parametrize("text", [
    "Options on the ballot: Plan A., Plan B., Plan C.",                        # no given names
    "Moved by the board chair, seconded by the vice chair. Motion carried.",   # roles, no one named
    "Checklist: Agenda ✓, Slides ✓, Handouts ✗",                               # things ticked off
])
def test_round28_no_people(text) -> None:
    assert _people(text, _NOBODY) == []


@pytest.mark.parametrize(("text", "name"), [
    ("Queremos agradecer a don Chuy Becerra, el jardinero.", "don Chuy Becerra"),
    ("Agyamanak kenni Apo Rosita Pagaduan a nangisuro.", "Apo Rosita Pagaduan"),
    ("Mahalo to Kumu Leilani Kahale for the oli.", "Kumu Leilani Kahale"),
])
def test_round28_an_honorific_of_another_language_before_a_found_name(text, name) -> None:
    assert name in _people(text, _NOBODY)


@pytest.mark.parametrize(("text", "found"), [
    ("Site visit: Puuhue Elementary School, 55-1182 Hoea Rd, Hawi, HI 96719. Park on the grass.",
     ("55-1182 Hoea Rd, Hawi, HI 96719", "ADDRESS")),                           # a Hawaiian zone-and-house number
    ("Promotion and retention report, Merced COE: three completed tier 3.", ("Merced COE", "SCHOOL")),
    ("They both taught at Christ the King School in the 90s.", ("Christ the King School", "SCHOOL")),
    ("Our Lady of Mercy Academy hosted the visit.", ("Our Lady of Mercy Academy", "SCHOOL")),
])
def test_round28_places(text, found) -> None:
    assert found in _found(_NOBODY.redact(text), text)


@pytest.mark.parametrize(("text", "names"), [
    ("Both tier 3 completers stayed: Quino became assistant director at the school.", ["Quino"]),
    ("Tino is ready for tier 2.", ["Tino"]),
    ("A student panel (Ifrah, Tomás, Bishal) answered every question.", ["Ifrah", "Tomás", "Bishal"]),
    ("Merci Francine pour tout!", ["Francine"]),                   # a thanks before a name is not the name's
    ("Sat Sri Akal! Thank you for scheduling around Gurpurab.", []),   # a greeting
    ("The flood after Irene in 2011 and the July 2023 flood closed the school.", []),   # a storm by its year
])
def test_round28_more_people(text, names) -> None:
    assert _people(text, _NOBODY) == names


def test_round28_a_name_and_its_place_in_brackets() -> None:
    red = Redactor.from_roster(RosterNames(first=("Carmen",), last=("Ibarra",), full=("Carmen Ibarra",),
                                           places=("Oakmont Elementary School",)))
    text = "The office line is fine (Carmen Ibarra, Oakmont)."
    assert ("Oakmont", "SCHOOL") in _found(red.redact(text), text)


@pytest.mark.parametrize(("text", "names"), [
    ("I drove out to the Kue farm on the county road.", ["Kue"]),
    ("The Lincoln house tour was a field trip.", []),                 # a public figure's house
    ("Meet at the Old Mill farm stand.", []),
    ("We celebrated at the Pho place down the street.", []),          # (second reader: a food, a breed, a faith)
    ("We visited the Wagyu ranch and the Angus ranch.", []),
    ("The kids toured the Hutterite farm.", []),
])
def test_round28_a_family_by_its_farm_or_place(text, names) -> None:
    assert _people(text, _NOBODY) == names


def test_round28_a_roster_schools_place_gone_around() -> None:
    red = Redactor.from_roster(RosterNames(places=("Back Cove Elementary School",)))
    text = "The walking trail around Back Cove is where our team did our walk and talk."
    assert not [s for s in red.redact(text).spans if s.label == "SCHOOL"]


@pytest.mark.parametrize("text", [
    "We did a learning walk through Spring Woods and saw strong routines.",    # (second reader: a school walked)
    "Over Cedar Park's PLCs I saw growth.",                                    # a possessive is the school's
    "Students across from Harbor Oaks attend our summer program.",
])
def test_round28_a_roster_school_walked_through_stays_a_school(text) -> None:
    red = Redactor.from_roster(RosterNames(places=("Spring Woods Middle School", "Cedar Park High School",
                                                   "Harbor Oaks Elementary School")))
    assert [s for s in red.redact(text).spans if s.label == "SCHOOL"], text


# International numbers in ITU-T E.123's written form ("+" and the country code, groups apart), as families abroad
# give them, after a word that asks for a number, on a line of their own, or with a dialling prefix (00, 011)
@pytest.mark.parametrize("number", ["+52 55 1234 5678", "+63 917 555 0142", "+692 625 5555", "+44 20 7946 0958",
                                    "+509 3712 3456", "+252 61 555 0142", "+95 9 555 0142", "+52-55-1234-5678",
                                    "+52 (55) 1234 5678", "011 52 55 1234 5678", "00 509 3712 3456"])
@pytest.mark.parametrize("context", ["Her cell in Mexico is {}.", "WhatsApp: {}", "{}", "call grandma at {} on Sundays"])
def test_an_international_number(number, context) -> None:
    text = context.format(number)
    covered = {i for s in _NOBODY.redact(text).spans if s.label == "PHONE" for i in range(s.start, s.end)}
    start = text.index(number)
    assert set(range(start, start + len(number))) <= covered, text


@pytest.mark.parametrize("text", ["Scores rose +12 150 200 240 this year.", "Gains: +12 15 20 18 30",
                                  "Rubric rows +3 4 5 and 6 were new."])
def test_signed_numbers_in_a_row_are_no_international_number(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label == "PHONE"]


# --- the session-19 second reader's findings ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "MY MENTOR GAVE 110 PERCENT AND LED THE WAY", "I GIVE IT 5 STARS ALL THE WAY", "DAY 1 WAS ABOUT THE LONG ROAD",
    "OVER 25 FAMILIES CAME FROM ELM ST", "THE 3 TEACHERS WALKED DOWN MAIN STREET",
    "THE KIDS IN GRADE 4 PLAY AVE MARIA AT THE CONCERT",
    "Our ratings were four four three on the way out.", "On a scale of one to ten I give it nine nine all the way.",
    "Five six seven eight all the way through the routine.", "The teacher said one two three take your place.",
])
def test_reader19_sentences_are_no_address(text) -> None:
    assert _addresses(text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("When I hired Matthew in 2021 he had never taught reading.", "Matthew"),
    ("Allison in 2020 led our equity team.", "Allison"),
    ("Thanks to Sri Ramesh for the data.", "Sri Ramesh"),
])
def test_reader19_people_a_rule_had_lost(text, name) -> None:
    assert name in _people(text, _NOBODY)


@pytest.mark.parametrize(("text", "absent"), [
    ("I was moved by Kotter when we read Leading Change.", "Kotter"),
    ("Honestly I was moved by Marzano's talk.", "Marzano"),
    ("Specials covered: Reading ✓, Art ✓, Music ✗", "Reading"),
    ("Math ✓ Science ✓ Reading ✗ Writing ✓", "Math"),
    ("Mentors: Marisol, Tx and Ok regions.", "Tx"),
    ("Thanks to Marisol, Ap and Sped teams.", "Ap"),
])
def test_reader19_no_one(text, absent) -> None:
    assert not any(p.startswith(absent) for p in _people(text, _NOBODY))


def test_reader19_a_verb_before_a_surname_is_no_title() -> None:
    # ("we will miss Okoro" stays "miss Okoro", as before this session: a voice-typed "miss" before a name)
    assert "don" in _EDGES.redact("Students don Okoro's team shirts on Fridays.").text


@pytest.mark.parametrize("text", ["Our professors from the Texas State COE were supportive.",
                                  "The NAU COE dean spoke.", "We went through the UNLV COE program."])
def test_reader19_a_college_of_education_is_no_school(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label == "SCHOOL"]


def test_reader19_a_school_becomes_things_too() -> None:
    assert "Jefferson" not in _people("Jefferson became a community school in 2019.", _NOBODY)


def test_reader19_a_schools_kind_letters_are_case_sensitive() -> None:
    red = Redactor.from_roster(RosterNames(places=("Lincoln High School",)))
    text = "The Lincoln High co teachers met."
    assert ("Lincoln High", "SCHOOL") in _found(red.redact(text), text)


@pytest.mark.parametrize(("text", "address"), [
    ("Visited Lot 14, Twin Oaks Trailer Park, Mrs Garcia said the roof leaks.", "Lot 14, Twin Oaks Trailer Park"),
    ("Yesterday Pine Hollow Mobile Home Park, Lot 9 flooded.", "Pine Hollow Mobile Home Park, Lot 9"),
    ("Family moved to Hwy 61 N, Space 4, Tunica, MS 38676 in June.", "Hwy 61 N, Space 4, Tunica, MS 38676"),
    ("the address is two four five oh Kaʻahumanu Avenue Kahului Hawaii nine six seven three two",
     "two four five oh Kaʻahumanu Avenue Kahului Hawaii nine six seven three two"),
])
def test_reader19_addresses_whole_and_no_more(text, address) -> None:
    assert address in _addresses(text)


def test_reader19_a_spoken_emails_initial_in_capitals() -> None:
    text = "send the slides to L Begay at hogbackcsd dot example dot org"
    assert ("L Begay at hogbackcsd dot example dot org", "EMAIL") in _found(_NOBODY.redact(text), text)


@pytest.mark.parametrize(("text", "school"), [
    ("Commencement Bay was beautiful at sunset but the room was cold.", None),
    ("The Platte River trail is a great place for a walk and talk.", None),
    ("Laurel Bend flooded in 2016 and again last spring.", None),
    ("The Beaver Creek water was too high for the field trip.", None),
    ("The Commencement Bay team presented first.", "Commencement Bay"),
    ("Laurel Bend kindergarten visit went well.", "Laurel Bend"),
])
def test_a_landform_by_what_it_does_is_the_place(text, school) -> None:
    red = Redactor.from_roster(RosterNames(places=("Commencement Bay High School", "Platte River Public Schools",
                                                   "Laurel Bend Elementary School", "Beaver Creek Middle School")))
    found = [text[s.start:s.end] for s in red.redact(text).spans if s.label == "SCHOOL"]
    assert found == ([school] if school else []), found


@pytest.mark.parametrize(("text", "names"), [
    ("Name,Grade,Language,Years,Notes\nJosué Elías Mejía Argueta,6,Spanish,2,new to country\n"
     "Betelhem,7,Amharic,1,monitor only\nDawit Tesfaye,8,Amharic,3,exited", ["Betelhem", "Dawit Tesfaye"]),
    ("Losa Tuimavave 6:41 PM\nFa'afetai. Are the teachers joining?\nPeta 6:41 PM\nYes, Malia is on the way",
     ["Peta"]),
])
def test_rows_and_chat_lines_beside_a_name_found(text, names) -> None:
    red = Redactor.from_roster(RosterNames(first=("Josué", "Losa"), last=("Mejía Argueta", "Tuimavave"),
                                           full=("Josué Elías Mejía Argueta", "Losa Tuimavave")))
    found = _people(text, red)
    assert all(n in found for n in names), found
    assert "Name" not in found and "Spanish" not in found


def test_rows_without_a_name_found_stay_as_they_are() -> None:
    text = "Subject,Grade,Score\nReading,6,71\nMath,6,64"
    assert _people(text, _NOBODY) == []


def test_two_full_names_joined_by_and() -> None:
    text = "Call tree in Gullah and English with two parent volunteers, Brianna Hall and Deloris Singleton."
    assert {"Brianna Hall", "Deloris Singleton"} <= set(_people(text, _NOBODY))


def test_a_list_does_not_make_a_school_found_a_person() -> None:
    red = Redactor.from_roster(RosterNames(first=("Luz",), last=("Rivera",), full=("Luz Rivera",),
                                           places=("Las Palmas Elementary School",)))
    text = "Thanks to Luz Rivera and Las Palmas for hosting."
    assert ("Las Palmas", "SCHOOL") in _found(red.redact(text), text)


# --- round 29 (session 19), from the twentythird set's tune half (written blind; its held-out half unread) ---------

@pytest.mark.parametrize(("text", "names"), [
    ("TIER 1 SESSION 4 SIGN-IN: SUTTON M, GALLARDO R, VU L, ADJEI K, O'ROURKE M, IBARRA C",
     ["SUTTON M", "GALLARDO R", "VU L", "ADJEI K", "O'ROURKE M", "IBARRA C"]),         # surnames and a letter each
    ("[9:14 AM] Reyes-Otero, Jazmin: yes", ["Reyes-Otero, Jazmin"]),                     # a double surname first
    ('"Hadley, Vernon",Erie Bluff City Schools,1,1,0\n"Dize, Marvella",Salina Heights CSD,1,1,1',
     ["Hadley, Vernon", "Dize, Marvella"]),                                              # quoted CSV cells
    ("Student guides: Yaqoob Al-Hammadi and Reem Saleh.", ["Yaqoob Al-Hammadi", "Reem Saleh"]),
    ("Motion to co-host the cadre family night: Chea; second: Okafor. Passed 6–0.", ["Chea", "Okafor"]),
])
def test_round29_people(text, names) -> None:
    found = _people(text, _NOBODY)
    assert all(n in found for n in names), found


@pytest.mark.parametrize("text", [
    "Our team's action plan is due March 15; can we get the template?",                # a date
    "Missed two because the road along West Canada Creek washed out.",                 # a creek
    "Venue at the Penn's Landing hotel was beautiful.",                                 # a landmark
    "The Erie Canal exhibit (DeWitt Clinton's portrait included) was a hit.",          # public figures
    "The courageous-conversations session used Glenn Singleton's protocol.",
    "Stop scheduling events the week of Chol Chnam Thmey, please.",                     # the Khmer New Year
    "Options: Plan A, Plan B, Plan C",
    "Motion: approve the calendar. Passed.",
])
def test_round29_no_one(text) -> None:
    assert _people(text, _NOBODY) == []


def test_round29_a_surname_that_is_a_landform_stays_a_person() -> None:
    assert "Jordan Hill" in _people("Thanks to Jordan Hill for the data.", _NOBODY)


def test_round29_a_lot_in_a_mobile_home_park_by_its_letters() -> None:
    text = "Send the binder to Lot 22, Cypress Bend MHP, 26511 Sussex Hwy, Seaford, DE 19973 because"
    assert "Lot 22, Cypress Bend MHP, 26511 Sussex Hwy, Seaford, DE 19973" in _addresses(text)


@pytest.mark.parametrize(("text", "found"), [
    ("The cadre from Lenora Haskins-\nBey School presented its work.", ("Lenora Haskins-\nBey School", "SCHOOL")),
    ("Madison, a 7th grader, told us she talks in class now.", ("Madison", "PERSON")),
    ('"Purnell, Loretta",Nassawango Co PS,1,1', ("Nassawango Co PS", "SCHOOL")),
])
def test_round29_more(text, found) -> None:
    assert found in _found(_NOBODY.redact(text), text)


def test_round29_a_season_in_apposition_is_no_one() -> None:
    assert _people("Spring, a busy season, came early.", _NOBODY) == []


@pytest.mark.parametrize(("text", "school"), [
    ("The parish hall on the Glen Hollis side of town was charming.", False),
    ("We drove from the Glen Hollis area through town.", False),
    ("The Glen Hollis area schools joined the cadre.", True),
    ("The Glen Hollis team presented.", True),
])
def test_round29_a_part_of_town_named_like_a_school(text, school) -> None:
    red = Redactor.from_roster(RosterNames(places=("Glen Hollis Middle School",)))
    assert bool([s for s in red.redact(text).spans if s.label == "SCHOOL"]) is school


# Session 20: phone shapes from a probe of 42 shapes x 5 contexts written before any rule (typed and read-out forms
# a phone survey answer takes); the ones a careful reader would call one number, each in a context that asks for it.
@pytest.mark.parametrize(("text", "phone"), [
    ("Call me at 555\u22120142 tomorrow.", "555\u22120142"),                   # a minus sign for the dash
    ("Cell: 703\u2012555\u20120142", "703\u2012555\u20120142"),                # a figure dash
    ("Call me at 555 - 0142 tomorrow.", "555 - 0142"),                        # spaces around the dash, asked for
    ("Cell: 5550142", "5550142"),                                             # seven digits run together, asked for
    ("text me 5550142!!", "5550142"),
    ("Call me at 703.555.0142 x.3 tomorrow.", "703.555.0142 x.3"),           # "x." for the extension
    ("Office 703-555-0142 x. 12", "703-555-0142 x. 12"),
    ("text me five five five oh one four two!!", "five five five oh one four two"),   # read out, after "text me"
    ("Reach them at 5 5 5 0 1 4 2 after 5.", "5 5 5 0 1 4 2"),
    ("or text her five five five, oh one four two", "five five five, oh one four two"),   # (a person after the cue)
])
def test_phone_shapes_session20(text, phone) -> None:
    assert (phone, "PHONE") in _found(_NOBODY.redact(text), text)


@pytest.mark.parametrize("text", [
    "Scale scores rose from 250 - 1000 last year",                             # a range with spaces, no cue
    "District code 5550142 on the state file",                                # seven digits with no cue
    "Rows 1234567 and 7654321 were duplicated",
    "we counted five five five oh one four two... no, that was the bus",     # (a count would still be no phone)
])
def test_number_shapes_that_are_no_phone_session20(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label == "PHONE"]


# Session 20: e-mail shapes from a probe of 50 shapes x 5 contexts (a local part off the roster) written before any
# rule: the whole address must be covered, whatever label covers it.
@pytest.mark.parametrize(("text", "email"), [
    ("Email me at mtorres *at* example *dot* org tomorrow.", "mtorres *at* example *dot* org"),   # starred words
    ("write to mtorres@example..org!!", "mtorres@example..org"),                 # a doubled dot
    ("Contact: mtorres at sign example dot org", "mtorres at sign example dot org"),   # voice typing's "at sign"
    ("send it to mtorres at symbol example dot org or call", "mtorres at symbol example dot org"),
    ("Email me at mtorres at example . org tomorrow.", "mtorres at example . org"),     # a dot with spaces
    ("mtorres@ex\u00adample.org", "mtorres@ex\u00adample.org"),                  # a soft hyphen from a web page
    ("Contact: mtorres\u200b@example.org", "mtorres\u200b@example.org"),         # a zero-width space
])
def test_email_shapes_session20(text, email) -> None:
    found = _NOBODY.redact(text)
    assert _covered(found, text, email)


@pytest.mark.parametrize("text", [
    "We met at school . Org charts came later",                               # a sentence's stop, not a dot
    "the *at* risk list and the *dot* plot",
    "Lunch was at noon. Us teachers ate fast",
])
def test_email_shapes_that_are_no_email_session20(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label == "EMAIL"]


def test_invisible_characters_are_read_through() -> None:
    # (a soft hyphen or a zero-width space inside a name, as web pages and PDFs leave them, hides nothing)
    redactor = Redactor.from_roster(RosterNames(first=("Dana",), last=("Reyes",), full=("Dana Reyes",)))
    text = "Thanks to Dana Re\u00adyes and Da\u200bna for the visit"
    spans = redactor.redact(text).spans
    assert [(text[s.start:s.end], s.label) for s in spans] == [("Dana Re\u00adyes", "PERSON"), ("Da\u200bna", "PERSON")]


# Session 20: school shapes from a probe of 78 forms x 5 contexts (37 of roster schools, 41 off the roster) written
# before any rule; the ones it showed missed that a reader would call a school's name.
@pytest.mark.parametrize(("text", "school"), [
    ("The walkthrough at Greenfield Alt. School went well.", "Greenfield Alt. School"),
    ("Pinecrest ECC staff liked the PD.", "Pinecrest ECC"),                       # an early childhood center
    ("I teach at Prairie View K-5.", "Prairie View K-5"),                         # grade spans of a K school
    ("visited Prairie View PK-8 and met the team", "Prairie View PK-8"),
    ("Our team from Mesa Ridge PreK-6 presented.", "Mesa Ridge PreK-6"),
])
def test_school_shapes_session20(text, school) -> None:
    assert (school, "SCHOOL") in _found(_NOBODY.redact(text), text)


@pytest.mark.parametrize("text", [
    "Grades K-8 use the new curriculum",                                       # a grade band, no school
    "The ELA K-5 team met",
    "Grade K-2 teachers asked for decodables",
])
def test_grade_bands_are_no_school_session20(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label == "SCHOOL"]


# Session 20: district shapes from a probe of 68 forms x 5 contexts written before any rule: a roster district's
# short form with its kind in capitals or in full
_NORTHVIEW = Redactor.from_roster(RosterNames(first=("Dana",), last=("Reyes",), full=("Dana Reyes",),
                                              places=("Northview Unified School District",
                                                      "Sandy Creek Independent School District")))


@pytest.mark.parametrize(("text", "district"), [
    ("NORTHVIEW UNIFIED leaders liked the PD.", "NORTHVIEW UNIFIED"),
    ("Our team from Sandy Creek Independent presented.", "Sandy Creek Independent"),
])
def test_district_shapes_session20(text, district) -> None:
    assert (district, "SCHOOL") in _found(_NORTHVIEW.redact(text), text)


# Session 20: titles of school staff from a probe of 86 name forms x 7 contexts written before any rule: a school
# nurse and an assistant principal are addressed by title ("Nurse Kim", "AP Garcia"), never a nurse's or an AP
# course's word ("Nurse Practitioner", "AP Calculus", "AP Chem")
@pytest.mark.parametrize(("text", "person"), [
    ("I talked with Nurse Kim after the session.", "Nurse Kim"),
    ("Nurse Patty led the data dive.", "Nurse Patty"),
    ("Thanks to AP Garcia!", "AP Garcia"),
    ("We asked AP Hollins about it.", "AP Hollins"),
])
def test_staff_titles_session20(text, person) -> None:
    assert (person, "PERSON") in _found(_NOBODY.redact(text), text)


@pytest.mark.parametrize("text", [
    "A Nurse Practitioner visits on Fridays", "The Nurse Office moved", "AP Calculus scores rose",
    "AP Chem and AP Bio are full", "AP Lang, AP Lit and AP Euro", "AP Stats and AP Psych",
    "AP Gov and AP Macro", "AP Spanish Language", "AP Human Geography", "AP Seminar and AP Research",
    "AP Computer Science Principles", "AP Exam fees", "Nurse Appreciation Week",
])
def test_staff_title_words_that_are_no_one_session20(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label == "PERSON"]


# Session 20: a battery of 118 hard negatives written before any rule (public figures, places, products, holidays,
# roles' words) against a roster with "Lincoln Elementary School" and "Jefferson Middle School"
_LINCOLN = Redactor.from_roster(RosterNames(first=("Dana",), last=("Reyes",), full=("Dana Reyes",),
                                            places=("Lincoln Elementary School", "Jefferson Middle School")))


@pytest.mark.parametrize("text", [
    "Lincoln's birthday fell on the PD day.",                                    # a holiday's namesake
    "Washington's Birthday is a federal holiday.",
    "Jefferson County sent observers.",                                          # a county named like the school
    "Lincoln Parish and Jefferson Township came too.",
    "Carter G. Woodson's book came up again.",                                   # public figures and places
    "Susan B. Anthony's speech was the anchor text.",                            # (a possessive's 's too)
    "Dale Carnegie style icebreakers are not my favorite.",
    "Madison Square Garden trip was for the choir.",
    "Jackson Hole was where the retreat was.",
    "Judge Judy reruns in the teachers' lounge.",
    "Brother Bear was the movie.",
])
def test_hard_negatives_session20(text) -> None:
    assert not _LINCOLN.redact(text).spans


def test_a_school_named_like_a_county_is_still_the_school() -> None:
    text = "Lincoln staff and Jefferson County staff met"
    assert _found(_LINCOLN.redact(text), text) == [("Lincoln", "SCHOOL")]


# Session 20: a battery of 60 company, foundation and hospital names written before any rule; those named like people
@pytest.mark.parametrize("text", [
    "Tyson Foods shifts affect attendance.", "Morgan Stanley volunteers ran the mock interviews.",
    "Jackson Hewitt does taxes in the strip mall.", "Edward Jones sponsored the breakfast.",
    "Stanley Steemer cleaned the carpets.", "Harris Teeter delivered the snacks.", "Levi Strauss foundation grant.",
    "Annie E. Casey data book was cited.", "Robert Wood Johnson Foundation health data.",
    "Chan Zuckerberg Initiative tools.", "Lilly Endowment funds the program.", "Lincoln Financial sponsored the gala.",
    "Kaiser Permanente ran a wellness session.", "Charles Schwab volunteers taught budgeting.",
    pytest.param("The Reyes Family Foundation paid for the buses.", marks=_MODEL_OVER),
])
def test_companies_named_like_people_session20(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label == "PERSON"]


def test_a_school_named_like_a_company_is_no_school_there() -> None:
    assert not _LINCOLN.redact("Lincoln Financial sponsored the gala.").spans


def test_a_person_before_a_company_word_in_a_sentence_is_still_someone() -> None:
    text = "Thanks to Keisha Reyes, Bank of America volunteers came"
    assert ("Keisha Reyes", "PERSON") in _found(_NOBODY.redact(text), text)


# Session 20: a battery of 80 hard negatives (towns, storms, mascots, software, greetings, pets) written before any
# rule; a word of Spanish that is a given name, written again in lower case in the same comment, is the word
@pytest.mark.parametrize("text", [
    "Milagros pequeños, pero milagros.",
    "Consuelo is what the families needed after the fire; the consuelo came from each other.",
])
def test_a_spanish_word_said_twice_is_the_word_session20(text) -> None:
    assert not _NOBODY.redact(text).spans


def test_a_spanish_name_with_no_word_of_it_is_still_someone_session20() -> None:
    text = "Consuelo led the family night and the soledad theme was hers"
    assert ("Consuelo", "PERSON") in _found(_NOBODY.redact(text), text)


# a pet or a mascot by its kind after its name is no one: "Max the reading dog", "Daisy the chicken"
@pytest.mark.parametrize("text", [
    "Max the reading dog is back.", "Daisy the chicken escaped again.", "Bella the class rabbit is fine.",
    "Buddy, the therapy dog, visits Tuesdays.", "Odin the hamster needs a new cage.",
])
def test_pets_by_their_kind_are_no_one_session20(text) -> None:
    assert not _NOBODY.redact(text).spans


def test_a_person_before_the_role_is_still_someone_session20() -> None:
    text = "Max the custodian fixed the heater"
    assert ("Max", "PERSON") in _found(_NOBODY.redact(text), text)


# --- round 30 (session 20), from the twentyfourth set's tune half (written blind, scored blind first; its held-out
# half unread); each case is a shape of its misses written anew, with names and places of our own ---------------------
_R30 = Redactor.from_roster(RosterNames(
    first=("Héctor", "Raúl", "Alejandra", "Darnell", "Wilfrid", "Grant"),
    last=("Zambrano Piñango", "Cárdenas Montoya", "Huerta Becerra", "Oglesby", "Saint-Fleur", "Feeney"),
    full=("Héctor Zambrano Piñango", "Raúl Cárdenas Montoya", "Alejandra Huerta Becerra", "Darnell Oglesby",
          "Wilfrid Saint-Fleur", "Grant Feeney"),
    places=("Maxine Tolliver STEM Academy", "Levee Collegiate Frayser", "Plum Creek Elementary")))


@pytest.mark.parametrize(("text", "person"), [
    # the first of a double surname alone, as colleagues say it
    ("Interview panel notes: Zambrano 4/5, others lower. Recommend Zambrano.", "Zambrano"),
    ("He wants one section. Cárdenas open to it if the AP covers.", "Cárdenas"),
    ("MR. COFFEY OUT. MET WITH HUERTA INSTEAD.", "HUERTA"),
    # a chat with times before its speakers: every speaker is someone, names no list holds too
    ("[11:20] Yesi: is the portal down?\n[11:20] Jef: yes\n[11:21] Lucha O.: yes, 30 min", "Jef"),
    ("[11:20] Yesi: is the portal down?\n[11:20] Jef: yes\n[11:21] Lucha O.: yes, 30 min", "Lucha O."),
    ("[09:02] Tamika R: can everyone see?\n[09:02] Dub P.: yes", "Dub P."),
    # a surname with a letter in a pipe table's first cells
    ("Retention sheet:\nOglesby D | placed AP | Plum Creek Elementary\nSaucedo R | placed AP | Frayser\n"
     "Cuevas M | withdrew | -", "Cuevas M"),
    ("Retention sheet:\nOglesby D | placed AP | Plum Creek Elementary\nSaucedo R | placed AP | Frayser", "Oglesby D"),
    # church and temple titles before a full name
    ("Greater Hope Baptist, including Deacon Alvin Pugh and Mother Hattie Blount.", "Mother Hattie Blount"),
    ("[16:05] Venerable Ashin Pannya Wara (guest): May all students be well.", "Venerable Ashin Pannya Wara"),
    # a name with an apostrophe before a capital is a name's shape
    ('Text from the grandmother: "Ja\'Kobe won\'t be at school tomorrow."', "Ja'Kobe"),
    ("We need De'Andre and his sister in the meeting", "De'Andre"),
    # initials with stops in quotes
    ('Case example (name changed): Student "J.R.". Recommend fewer referrals.', "J.R."),
    # an everyday word that is a roster given name, joined by "and" to a name found, after a sentence's stop
    ("Site visit: Plum Creek Elementary, Lexington. Grant and Marisol both in the building.", "Grant"),
    # a surname before an address, in a list of addressees
    ("Home visits: Ruffin, Rt 2 Box 87A, Lula, MS 38644; Swindle, 3311 County Road 447, Dundee, MS 38626",
     "Swindle"),
])
def test_round30_names(text, person) -> None:
    found = _R30.redact(text)
    assert _covered(found, text, person, "PERSON")


@pytest.mark.parametrize(("text", "school"), [
    ("Teachers at Tolliver feel disrespected by the new bell schedule.", "Tolliver"),   # a namesake's surname
    ("Saucedo R | placed AP | Levee Collegiate North\n", "Levee Collegiate North"),    # a campus by its direction
    ('"Other" responses:\n- Sacred Heart of the Platte School\n- Zion Lutheran', "Sacred Heart of the Platte School"),
])
def test_round30_schools(text, school) -> None:
    assert (school, "SCHOOL") in _found(_R30.redact(text), text)


@pytest.mark.parametrize(("text", "address"), [
    ("Booker, 1893 Kansas St Rear, Memphis, TN 38106", "1893 Kansas St Rear, Memphis, TN 38106"),   # a rear house
    ("the trailer park off 4880 Old Highway 61 N has 19 students", "4880 Old Highway 61 N"),
])
def test_round30_addresses(text, address) -> None:
    assert (address, "ADDRESS") in _found(_R30.redact(text), text)


@pytest.mark.parametrize("text", [
    "The year landed on a hurricane warning day. Ian, then Nicole. Still showed up.",   # storms of the season
    "Teams in Nebraska handle interpreters for Karen and Nuer families differently.",   # languages
    "Our newcomers came from Mae La camp in Thailand and from Kakuma.",                 # a refugee camp
])
def test_round30_no_one(text) -> None:
    assert not [s for s in _R30.redact(text).spans if s.label == "PERSON"]


def test_round30_a_camp_named_like_a_roster_name_is_no_one() -> None:
    redactor = Redactor.from_roster(RosterNames(first=("Eula Mae",), last=("Thigpen",), full=("Eula Mae Thigpen",)))
    text = "Our newcomers came from Mae La camp in Thailand, from Gambella in Ethiopia, and from Sinjar."
    assert not redactor.redact(text).spans


_R30B = Redactor.from_roster(RosterNames(
    first=("Reginald", "Alejandra"), last=("Coffey", "Huerta Becerra"),
    full=("Reginald Coffey", "Alejandra Huerta Becerra"),
    places=("Miami-Dade Unified Schools South Region", "Wolf River Consolidated Schools")))


@pytest.mark.parametrize(("text", "found"), [
    ("tier 1 team coaching, MDUS South Region. present: the team", ("MDUS South Region", "SCHOOL")),   # a region
    ("The stats from Wolf River were eye opening", ("Wolf River", "SCHOOL")),   # a consolidated district's short form
    ("met w/ reggie + the AP re: science fair logistics", ("reggie", "PERSON")),   # a nickname before a "+"
    ("(blessing) Venerable U Pyinnya", ("Venerable U Pyinnya", "PERSON")),
])
def test_round30_more(text, found) -> None:
    redactor = _R30B if "Venerable" not in text else Redactor.from_roster(RosterNames(first=("Pyinnya",)))
    assert found in _found(redactor.redact(text), text)


def test_round30_a_hyphenated_given_name_before_a_surname_found() -> None:
    redactor = Redactor.from_roster(RosterNames(first=("Jean",), last=("Moïse",), full=("Jean Moïse",)))
    text = "Kadian Thompson-Brown, Ti-Jan Moïse, Abreu"
    assert ("Ti-Jan Moïse", "PERSON") in _found(redactor.redact(text), text)


def test_round30_a_district_named_for_a_lake_passed_on_the_way_is_the_lake() -> None:
    redactor = Redactor.from_roster(RosterNames(places=("Moon Lake Consolidated School District",)))
    text = "We drove past the crossroads and out by Moon Lake on the way home."
    assert not redactor.redact(text).spans
    text = "Moon Lake teachers asked for the slides."
    assert ("Moon Lake", "SCHOOL") in _found(redactor.redact(text), text)


# --- round 31 (session 20), from the twentyfifth set's tune half (written blind, scored blind twice: before and after
# round 30; its held-out half unread); each case a shape of its misses written anew --------------------------------
_R31 = Redactor.from_roster(RosterNames(
    first=("Reginald", "Tsige"), last=("Batiste", "Haile"), full=("Reginald Batiste", "Tsige Haile"),
    places=("Harvey Canal Middle School", "Crown Point High School", "Bayou Segnette Elementary",
            "Pontchartrain Charter Alliance", "Sidney Bechet Charter School", "Calabasas Elementary")))


@pytest.mark.parametrize("text", [
    "Traffic on the Harvey Canal bridge made half the cohort late.",            # a canal and its bridge
    "Crown Point and Lafitte flood at high tide.",                              # two places and what they do
    "We held the family night at the pavilion at Bayou Segnette State Park.",   # a state park
    "Meeting at the Lake Pontchartrain conference center had a gorgeous view.", # a lake by its name
    "Sidney Bechet and Jelly Roll Morton came up in the music unit.",           # public figures
    "Several families commute from Rio Rico and Calabasas to jobs in the packing sheds.",   # towns travelled from
    "Father Kino's mission at San Xavier del Bac was the field trip.",
    "Xin chào and 안녕하세요 on the welcome sign, plus नमस्ते and ሰላም.",          # greetings in other scripts
    "The road out to Sopori Wash and Arivaca is washboard dirt after mile 12.",
])
def test_round31_no_one(text) -> None:
    assert not _R31.redact(text).spans


@pytest.mark.parametrize(("text", "span"), [
    ("PENA BLANCA ELEM,OCHOA VALDEZ, FRANCISCO J,520-555-0121", ("OCHOA VALDEZ, FRANCISCO J", "PERSON")),
    ("Subject: RE: coaching 10/17\n\nReggie — can we push to 10/24? We have the first", ("Reggie", "PERSON")),
    ("From Héctor Yucupicio to Everyone: Ray, I'll call the transportation office.", ("Ray", "PERSON")),
    ("latrice wants the AP team (jay + abeba) to lead next one.", ("jay", "PERSON")),
    ("hosted by W/ro Almaz Tsegaye.", ("W/ro Almaz Tsegaye", "PERSON")),
    ("Mrs.Thibodeaux", ("Mrs.Thibodeaux", "PERSON")),
    ("Leader: Chidinma Okonkwo (\"Chi-Chi\"), Mulberry Fork Elementary", ("Chi-Chi", "PERSON")),
    ("Mr. Ghebremedhin and Ms. Gaines. Tsige added the Tigrinya call script.", ("Tsige", "PERSON")),
])
def test_round31_names(text, span) -> None:
    redactor = Redactor.from_roster(RosterNames(first=("Abeba", "Latrice"))) if "abeba" in text else _R31
    assert span in _found(redactor.redact(text), text)


@pytest.mark.parametrize(("text", "address"), [
    ("mail the certificate to: 4417 Rue Mirliton, Side B, New Orleans, LA 70117. It's the yellow shotgun double",
     "4417 Rue Mirliton, Side B, New Orleans, LA 70117"),                       # a double's side
    ("our Afghan families are in the apartments at 2201 W. Calle Sopori, #14. They", "2201 W. Calle Sopori, #14"),
    ("meeting at Bldg 12, Apt 1204, 3150 Pleasant Hill Pointe, Duluth GA 30096 on Saturday",
     "Bldg 12, Apt 1204, 3150 Pleasant Hill Pointe, Duluth GA 30096"),
    ("Family address: 26 Mile Marker Rd, HC 65 Box 12A\nSasabe, AZ 85633 — no cell service",
     "26 Mile Marker Rd, HC 65 Box 12A\nSasabe, AZ 85633"),
])
def test_round31_addresses(text, address) -> None:
    found = _R31.redact(text)
    assert _covered(found, text, address)


# Session 20: a battery of 37 signatures, headers and sign-offs written before any rule (names off the roster)
@pytest.mark.parametrize(("text", "person"), [
    ("Regards, Priya S.", "Priya S."),                                          # a closing on the name's line
    ("Sincerely, Tomasz", "Tomasz"),
    ("cc: Farida, Jun, and Olu", "Farida"),                                     # an e-mail's copy line
    ("cc: Farida, Tomasz, and Olu", "Tomasz"),
    ("cc: Farida, Jun, and Olu", "Olu"),
    ("Reviewer: KM", "KM"),                                                     # a reviewer's initials
    ("Observer: J.T.", "J.T."),
])
def test_signatures_session20(text, person) -> None:
    found = _NOBODY.redact(text)
    assert _covered(found, text, person, "PERSON")


@pytest.mark.parametrize("text", [
    "cc: PD team, principals, and the board", "Best, Practices first", "Reviewer: TBD", "Observer: AP",
    "Regards, Team Lincoln",
])
def test_signature_words_that_are_no_one_session20(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label == "PERSON"]


# Session 20: a battery of 30 self-identifying descriptions and 8 plural ones written before any rule
@pytest.mark.parametrize("text", [
    "Whoever runs the front office at the middle school was rude to parents.",
    "The person in charge of transportation never answers emails.",
    "The assistant principal in charge of discipline ignores bullying.",
    "The district's first female superintendent spoke at the opening.",
    "My principal drives in from two hours away every day.",
    "Our counselor commutes from Homestead every morning.",
])
def test_self_identifying_session20(text) -> None:
    assert _NOBODY.redact(text).needs_review


@pytest.mark.parametrize("text", [
    "Teachers who attended all five sessions earned PD points.",
    "Principals who completed the evaluation got their certificates.",
    "Whoever wants the slides can email the office.",
    "The people in charge of scheduling did a good job.",
    "Staff who commute from out of town liked the later start.",
])
def test_plural_descriptions_go_through_session20(text) -> None:
    assert not _NOBODY.redact(text).needs_review


def test_whoever_written_to_is_not_described_session20() -> None:
    assert not _NOBODY.redact("To whoever runs the registration: the link bounces.").needs_review


# --- round 32 (session 20), from the twentyseventh set's tune half (written blind, scored blind first; its held-out
# half unread); each case a shape of its misses written anew ------------------------------------------------------
_R32 = Redactor.from_roster(RosterNames(
    first=("Lisa", "Patience", "Shirley", "Dirk"), last=("Kowalczyk", "Skenandore", "Vos", "Ten Haken"),
    full=("Lisa Kowalczyk", "Patience Skenandore", "Shirley Vos", "Dirk Ten Haken"),
    places=("Brightwater Township Schools", "Beacon Ridge Caniff Campus", "Willow Oaks Elementary",
            "Glen Hollow Elementary", "Pohick County Public Schools")))


@pytest.mark.parametrize(("text", "span"), [
    ("Subject: Sig. disproportionality — Brightwater Twp\nLisa: your district is over", ("Brightwater Twp", "SCHOOL")),
    ("(No relation to Gary, he says, but they're both Kowalczyks from Polonia.)", ("Kowalczyks", "PERSON")),
    ("Thanks! —D. Ten Haken", ("D. Ten Haken", "PERSON")),
    ("guadalupe@ottawaflats.example.org. Thanks! Shirley Vos, Lakeshore Bend ISD", ("Shirley Vos", "PERSON")),
    ("Members: Kowalczyk, Skenandore, Peshtigo-Bell", ("Peshtigo-Bell", "PERSON")),
    ("Connect phase, meeting 2: Patience paired me with Kofi Asante.", ("Patience", "PERSON")),
    ("We're so grateful to Sheikh Fadhl al-Maqtari and the mosque", ("Sheikh Fadhl al-Maqtari", "PERSON")),
    ("says he loves the kids at Caniff but needs the salary", ("Caniff", "SCHOOL")),
    ("edin presented his action step at caniff campus. emir pushed back", ("caniff campus", "SCHOOL")),
    ("3. pilot in Holbrook PS and at Crescent Gate", ("Holbrook PS", "SCHOOL")),
    ("students who led the tour (Jayden, Kimberly, and Habib) were the highlight", ("Habib", "PERSON")),
])
def test_round32_found(text, span) -> None:
    assert span in _found(_R32.redact(text), text)


@pytest.mark.parametrize("text", [
    "Gracias, Mahadsanid, Ua tsaug, Medaase, Shukran.",                           # thanks in five languages
    "students living in the garden apartments at Willow Oaks and Glen Hollow along Route 1",   # apartments
    "It's out past Pohick Run at the far end of Route 5.",                        # a run, as Virginia's streams are
    "right on the river by the Gerald R. Ford museum. Parking was easy.",          # a president's museum
    "PS: bring the slides. Thanks, PS everyone",
])
def test_round32_no_one(text) -> None:
    assert not [s for s in _R32.redact(text).spans if s.label in ("PERSON", "SCHOOL")]


# --- round 33 (session 20), from the twentysixth set's tune half (written blind, scored blind twice: before and after
# round 32; its held-out half unread); each case a shape of its misses written anew ----------------------------------
_R33 = Redactor.from_roster(RosterNames(
    first=("Ilunga", "Harriet", "Kim"), last=("Kabongo", "Goodnight", "Êban", "Teague", "Stoltzfus"),
    full=("Jean-Pierre Ilunga", "Harriet Goodnight", "Kim Êban"),
    places=("Caprock High School", "Reedy Fork Newcomer Center", "Table Rock Middle", "Rita Blanca Elementary",
            "Arkalon Ninth Grade Center")))


@pytest.mark.parametrize(("text", "span"), [
    ('"Staffing." — K.O.\n"Mental health, ours and theirs." — Dee\n"The levy." — R.S.', ("Dee", "PERSON")),   # a quote's author
    ("thanks to Naw Mu Mu and to Saw Kpaw Htoo from the church", ("Saw Kpaw Htoo", "PERSON")),   # a Karen honorific
    ("Reading list from Dr. Crandall: Hammond, Delpit. Crandall also sent her own article.", ("Crandall", "PERSON")),
    ("Ms. Okafor said yes at first. Later Okafor changed her mind.", ("Okafor", "PERSON")),   # a found name again
    ('the system lists me as "Kabonga, M.". That is not my name.', ("Kabonga, M.", "PERSON")),   # surname, initial
    ("Table 1: Teague / O'Rourke / Whitcomb\nTable 2: Goodnight / Stoltzfus / Sullivan", ("Goodnight", "PERSON")),
    ('listed twice in the Tier 3 roster (once as "JP Ilunga"). Merge records.', ("JP Ilunga", "PERSON")),
    ("2. Saw Ler Htoo (Newcomer Ctr)\n3. Y-Kim Êban (Smoky Creek Elem)", ("Y-Kim Êban", "PERSON")),   # Rhade names
    ("Yuh Ksor asked to pause Tier 2 after H'Mai, his daughter, was born.", ("H'Mai", "PERSON")),
    ("Coaching log\nDate: 11/02\nCoach: T. Holloway\nSchool: Cone Mill Elem.\n", ("T. Holloway", "PERSON")),
    ('Student quoted: Jailene Rodrí-\nguez, grade 11.', ("Jailene Rodrí-\nguez", "PERSON")),   # a PDF's break
])
def test_round33_names(text, span) -> None:
    found = _R33.redact(text)
    covered = {i for s in found.spans if s.label == span[1] for i in range(s.start, s.end)}
    start = text.rindex(span[0])   # (the last: a name found again after its titled first mention)
    assert set(range(start, start + len(span[0]))) <= covered


@pytest.mark.parametrize(("text", "span"), [
    ("Step 5 plan — Arkalon Ninth Grade: peer tutoring, run by Ms. Jama", ("Arkalon Ninth Grade", "SCHOOL")),
    ("Address: 77 Quarry St 2nd f1, Fa11 River MA 02723\n", ("77 Quarry St 2nd f1, Fa11 River MA 02723", "ADDRESS")),
])
def test_round33_places(text, span) -> None:
    assert span in _found(_R33.redact(text), text)


@pytest.mark.parametrize("text", [
    "The wind at the Caprock escarpment was 50 mph.",                          # a landform's noun after
    "The Reedy Fork creek trail behind the old textile mill is lovely.",
    "The hike up Table Rock after the Saturday session was worth it.",
    "the Rita Blanca grasslands were the most beautiful part of the drive.",
    "Our equity team read the King Philip's War unit in the 8th grade.",
])
def test_round33_no_one(text) -> None:
    assert not _R33.redact(text).spans


# Session 20: the second reader's findings (a helper given the diff, the code and the tests, never the corpora), each
# verified by running it; the shapes it showed wrongly redacted or missed
@pytest.mark.parametrize("text", [
    "Location: Houston, TX", "Dallas, TX was the host site this year.", "Soon, we'll need more time.",
    "Experience — we had a great time overall.", "Chat — can we get the link?", "Link, please.",   # salutations
    "School was closed for Covid in 2020.", "We made exit tickets with Wordwall.",                 # for/with
    "Thanks so much,\nMarisol\nPS, the slides are in the drive.", "We used Adobe PS, Canva and Figma.",
    'My favorite line: "Every kid needs a champion." — Obama', pytest.param('"Visible learning." — Hattie', marks=_MODEL_OVER),    # quote authors
    "cc: Board, Cabinet", "cc: Music, Art, Reading",                                            # cc lines
    "Co-teachers: Dana / Marisol / Math / Science / Reading",                                   # slash lists
    "Our planning call 930 - 1130 went long.",                                                  # a time range
    "Best, K.", "Great session. Cheers, M.", "Rating: Good, A.",                                  # closings
    '"NO Dana, not yet"', "Saw Marisol at lunch, she loved it.", "Thank U Dana!!",               # words before
    "row,MATH, ELA,3",                                                                          # subjects in a CSV
])
def test_second_reader_no_more_session20(text) -> None:
    redactor = Redactor.from_roster(RosterNames(first=("Dana", "Marisol"), last=("Reyes",), full=("Dana Reyes",)))
    found = redactor.redact(text)
    words = {"Dana", "Marisol"}
    assert not [s for s in found.spans if text[s.start:s.end] not in words and s.label != "SELF_ID"], found.spans


@pytest.mark.parametrize(("text", "span"), [
    ("The basketball courts at Lincoln were resurfaced.", ("Lincoln", "SCHOOL")),                # courts, a school's
    ('"Mental health." — Dee W.', ("Dee W.", "PERSON")),                                         # the author's initial
    ('"Mental health." — Dee, 4th grade', ("Dee", "PERSON")),
    ("cc: Jun Park <jpark@example.org>; Olu Ade <oade@example.org>", ("Jun Park", "PERSON")),   # an address after
    ("text me at 555 – 0142", ("555 – 0142", "PHONE")),                                          # an en dash, spaced
    ("Call me at 555 -0142", ("555 -0142", "PHONE")),
    ("email me: mtorres at sign example.org", ("mtorres at sign example.org", "EMAIL")),
    ("Reggie - can we push to 10/24?", ("Reggie", "PERSON")),                                    # dash forms
    ("Reggie—can we push to 10/24?", ("Reggie", "PERSON")),
    ("Table 1: Teague / O'Rourke / Whitcomb\nTable 2: Goodnight / Stoltzfus / Sullivan", ("Whitcomb", "PERSON")),
])
def test_second_reader_now_found_session20(text, span) -> None:
    redactor = Redactor.from_roster(RosterNames(first=("Dana",), last=("Reyes", "Teague", "Stoltzfus"),
                                                full=("Dana Reyes",), places=("Lincoln Elementary School",)))
    assert span in _found(redactor.redact(text), text)


def test_second_reader_roles_before_names_stay_outside_session20() -> None:
    redactor = Redactor.from_roster(RosterNames(first=("Dana", "Marisol"), last=("Reyes", "Lopez"),
                                                full=("Dana Reyes", "Marisol Lopez")))
    text = "Present: SW Dana Reyes; TL Marisol Lopez"
    assert _found(redactor.redact(text), text) == [("Dana Reyes", "PERSON"), ("Marisol Lopez", "PERSON")]


# --- round 34 (session 20), from the twentyeighth set's tune half (written blind, scored blind first; its held-out
# half unread); each case a shape of its misses written anew ------------------------------------------------------
_R34 = Redactor.from_roster(RosterNames(
    first=("Heather",), last=("Haddad", "Hostetler", "Saad"), full=("Heather Stone",),
    places=("Lucas Prairie Local School District", "Tuscarawas Bend Exempted Village School District",
            "Tallacoosa County Schools")))


@pytest.mark.parametrize(("text", "span"), [
    ("Exit interview, Lucas Prairie LSD pipeline", ("Lucas Prairie LSD", "SCHOOL")),             # Ohio's letters
    ("Grant report Q3 - Tuscarawas Bend EVSD\nContact person: Elias", ("Tuscarawas Bend EVSD", "SCHOOL")),
    ("MAILING ADDRESS:\nTALLACOOSA COUNTY BOARD OF EDUCATION\nPO BOX 1127", ("TALLACOOSA COUNTY BOARD OF EDUCATION", "SCHOOL")),
    ("Hal Schreiber (Mahoning Ridge Career Tech), Anjali", ("Mahoning Ridge Career Tech", "SCHOOL")),
    ("remain in Choctawhatchee County S-\nchool District; D. Hardnett left", ("Choctawhatchee County S-\nchool District", "SCHOOL")),
    ("Please mail me one at Rt. 3 Box 214-B, Grand Bay, AL 36541. Thanks", ("Rt. 3 Box 214-B, Grand Bay, AL 36541", "ADDRESS")),
    ("tbhs pending board. vote 5-0. notes: RH", ("RH", "PERSON")),                               # the note-taker
    ("19 families first night. Bà Lê Thị Hoa brought spring rolls.", ("Bà Lê Thị Hoa", "PERSON")),   # Vietnamese Bà
    ("facilitated by fadumo with sheikh hassan abdulle from the masjid.", ("sheikh hassan abdulle", "PERSON")),
    ("Inquiry partners:\nHaddad <-> Boutros\nHostetler <-> Bixler\nScaife <-> Saad", ("Bixler", "PERSON")),
    ('text from heather s: "running 10 late"', ("heather s", "PERSON")),
])
def test_round34_found(text, span) -> None:
    found = _R34.redact(text)
    assert _covered(found, text, span[0], span[1])


@pytest.mark.parametrize("text", [
    "The Samuel Colt armory building with the blue dome is now apartments.",
    "the Birmingham children's crusade and Fred Shuttlesworth tied leadership to courage.",
    "Wernher von Braun's rockets at the Space and Rocket Center.",
    "The Eli Whitney Museum workshop on tinkering was great.",
    "The Angel Tree gift drive at school took up a week.",
    "Faleminderit for the translated flyers!",
])
def test_round34_no_one(text) -> None:
    assert not [s for s in _R34.redact(text).spans if s.label == "PERSON"]


# --- round 35 (session 20), from the twentyninth set's tune half (written blind, scored blind once at the session's
# last rules; its held-out half unread); each case a shape of its misses written anew -----------------------------
_R35 = Redactor.from_roster(RosterNames(
    first=("Hope", "Buck"), last=("Cavender",), full=("Hope Cavender", "Buck Ladson"),
    places=("Cookson Hills Public Schools", "Wassaw Sound Elementary", "Mid-State Public School District No. 4")))


@pytest.mark.parametrize("text", [
    "Idalia one August, Debby the next. The first week of school is always a wash.",   # storms by season
    "Matthew one year, Irma the next, and the families still talk about Hugo.",
    "The Cookson Hills are beautiful, but those roads in winter are not.",             # a landform by what it does
    "Opening with Septima Clark's citizenship schools was exactly right.",            # public figures
    "Sonny Sixkiller's Washington jersey came up in the mascot debate.",
    "Middleton Place, Drayton Hall, Magnolia: plantation field trips need framing.",   # places by their nouns
    "The river crested again this spring, and West Fargo families were sandbagging.",  # a town's direction
    "Juneteenth, Indigenous Peoples' Day and both Eids should all be on the calendar.",
    "ESSA, IDEA, Title III, McKinney-Vento all came up.",
])
def test_round35_no_one(text) -> None:
    assert not [s for s in _R35.redact(text).spans if s.label in ("PERSON", "SCHOOL")]


@pytest.mark.parametrize(("text", "span"), [
    ("Two of them, Abdullahi M. and Hawo A., scored at benchmark", ("Hawo A.", "PERSON")),     # two given+initial
    ("OSDE MTSS review, Cookson Hills I-035: strong universal screening", ("Cookson Hills I-035", "SCHOOL")),
    ("Y'all did good. Food was good. Buck won the door prize again.", ("Buck", "PERSON")),
    ("Parents like Pu Thang Za and Nu Cing Hniang end up relying on him", ("Pu Thang Za", "PERSON")),   # Chin Pu
])
def test_round35_found(text, span) -> None:
    found = _R35.redact(text)
    assert _covered(found, text, span[0], span[1])


# --- round 36 (session 21), from the thirtyfirst set's tune half (written blind, scored blind at session 20's last
# rules; its held-out half unread); each case a shape of its misses or false positives written anew --------------
_R36 = Redactor.from_roster(RosterNames(
    first=("Sky", "River", "Hunter", "Dakota", "Summer", "Balvinder", "Jasmeet", "Xiomara", "Teodoro", "Hope", "Nadia"),
    last=("Lindqvist", "Okonjo", "Tervo", "Brar", "Dhaliwal", "Quintal", "Arceo", "Strand", "Mayfield", "Mercado"),
    full=("Sky Lindqvist", "River Tervo", "Hunter Okonjo", "Dakota Strand", "Summer Mayfield", "Balvinder Brar",
          "Jasmeet Dhaliwal", "Xiomara Quintal", "Teodoro Arceo", "Nadia Mercado"),
    places=("Cedar Slough Elementary", "Pinewood Lakes Unified School District")))


@pytest.mark.parametrize(("text", "span"), [
    ("texted Sky about the MTSS calendar, no answer yet", ("Sky", "PERSON")),     # a word never alone, after a cue
    ("hey River, the Tier 2 interview is Tues at 4", ("River", "PERSON")),
    ("hey Summer, the interview is at 4", ("Summer", "PERSON")),                   # a season's name greeted
    ("Mr. Okonjo will share the dashboard first. Hunter, go ahead.", ("Hunter", "PERSON")),  # his surname found
    ("Ms. Strand said the dates work. Dakota is driving.", ("Dakota", "PERSON")),
    ("Hope, can you send the sign-in sheet?", ("Hope", "PERSON")),                 # spoken to, at a sentence start
    ("Dakota attended for the district.", ("Dakota", "PERSON")),
    ("Met Bal and Jasmeet from the county office.", ("Bal", "PERSON")),            # a rare given name clipped
    ("Met Xio and the new aide at lunch.", ("Xio", "PERSON")),
    ("jas dhaliwal: copier is jammed again", ("jas dhaliwal", "PERSON")),
    ("Best,\nJasmeet \"Jas\" Dhaliwal\nCedar Slough Elementary\n", ('Jasmeet "Jas" Dhaliwal', "PERSON")),
])
def test_round36_found(text, span) -> None:
    found = _R36.redact(text)
    assert _covered(found, text, span[0], span[1])


@pytest.mark.parametrize("text", [
    "The Fresno Grizzlies game was a fun outing for the staff.",         # a team or a thing after an article
    "A Durham Bulls game for the staff social would be a hit.",
    "Please retire the Madeline Hunter lesson design slide.",          # a public figure's method
    "The Booker Whitfield biography unit needs more time.",
    "The sky over the river was gorgeous on the drive up.",            # the words themselves
    "Summer school enrollment doubled; the River Road campus is full.",
    "Hope this helps. Thanks for a great session!",
    "Equity work should be the center of the cycle for NM schools, not a side topic.",   # a state's letters
    "The Balsam Fir unit and the Jasper trip were both great.",        # words near a clipped name
])
def test_round36_no_one(text) -> None:
    assert not [s for s in _R36.redact(text).spans if s.label == "PERSON"]


def test_round36_article_keeps_families() -> None:
    # a family after "the" is the family, roster or not
    for text, name in (("The Okafor family moved twice this year.", "Okafor"),
                       ("We visited the Marchetti household on Tuesday.", "Marchetti"),
                       ("the Delgado twins are both in 3rd grade", "Delgado")):
        spans = [text[s.start:s.end] for s in _R36.redact(text).spans if s.label == "PERSON"]
        assert any(name in s for s in spans), (text, spans)


@pytest.mark.parametrize(("text", "span"), [
    ("two people from the Okemba Lakes Cooperative built the tool", ("Okemba Lakes Cooperative", None)),
    ("Luz from the Vocacional shared examples", ("Vocacional", None)),
])
def test_round36_article_after_a_place_word_stays(text, span) -> None:
    found = _R36.redact(text)
    assert _covered(found, text, span[0])


def test_round36_clip_inside_a_phrase() -> None:
    # "Xio" clips Xiomara; after a word that is no English word it is a phrase's ("Mauna Kea" for a Keala)
    red = Redactor.from_roster(RosterNames(first=("Kealamakia",), last=("Palakiko",), full=("Kealamakia Palakiko",)))
    assert not red.redact("Mauna Kea, Haleakala and the Koolau were the landscapes.").spans
    assert [s.label for s in red.redact("Debrief with Kea at noon.").spans] == ["PERSON"]


@pytest.mark.parametrize(("text", "span"), [
    ("we interviewed families at Lot 7, Las Palmas Colonia, Anthony, NM 88021 last fall",
     ("Lot 7, Las Palmas Colonia, Anthony, NM 88021", "ADDRESS")),                      # a colonia's lot
    ("Send it to Lot 12, Colonia San Isidro, Chaparral, NM 88081.", ("Lot 12, Colonia San Isidro, Chaparral, NM 88081", "ADDRESS")),
    ("Mom prefers Dari. The oldest, Wazhma, is in 6th and can interpret.", ("Wazhma", "PERSON")),   # in apposition
    ("Board minutes: moved by trustee Okeke to approve the list.", ("Okeke", "PERSON")),   # (hyphenated: not yet)
    ("Isaiah T., Ximena R., Ariana M., Devontae K. Facilitated by the youth center.", ("Devontae K.", "PERSON")),
])
def test_round36_more_found(text, span) -> None:
    found = _R36.redact(text)
    assert _covered(found, text, span[0], span[1])


@pytest.mark.parametrize("text", [
    "The colonia has no paved roads; families wait at the bus stop in the dust.",
    "Our director reported Title I. Section 2 was next.",
    "The oldest students ran the meeting.",
])
def test_round36_more_no_one(text) -> None:
    assert not [s for s in _R36.redact(text).spans if s.label in ("PERSON", "ADDRESS")]


# districts and networks by the short names their people use (round 36, from the tune halves' district misses)
_R36_PLACES = Redactor.from_roster(RosterNames(
    first=("Joyce",), last=("Templeton",), full=("Joyce Templeton",),
    places=("Oriskany Hills BOCES", "Kuskovak REAA", "Alder Flat Union School District",
            "Sage Hollow Public School District No. 3", "Kestrel Gate Charter School – Trenton",
            "Union City Elementary School")))


@pytest.mark.parametrize(("text", "span"), [
    ("Joyce Templeton from Oriskany Hills brought a perspective none of us had.", "Oriskany Hills"),
    ("Quyana to the Kuskovak board for hosting.", "Kuskovak"),
    ("Please share it with the Alder Flat team.", "Alder Flat"),
    ("Interpreters came from Sage Hollow.", "Sage Hollow"),
    ("Equity review, Sage Hollow No. 3: gifted identification is lopsided.", "Sage Hollow No. 3"),
    ("Staff survey comment (Kestrel Gate Trenton): our coach is great.", "Kestrel Gate Trenton"),
])
def test_round36_district_short_names(text, span) -> None:
    found = _R36_PLACES.redact(text)
    assert _covered(found, text, span, "SCHOOL")


@pytest.mark.parametrize("text", [
    "The union contract limits after-school meetings.",
    "The public meeting ran long.",
    "Hills and hollows make the bus routes long.",
])
def test_round36_district_short_names_no_one(text) -> None:
    assert not _R36_PLACES.redact(text).spans


# --- round 37 (session 21), from the thirtieth set's tune half (scored blind at session 20's last rules and again
# after round 36; its held-out half unread) ---------------------------------------------------------------------------
_R37 = Redactor.from_roster(RosterNames(
    first=("Darlene", "Oksana", "Fidel"), last=("Featherly", "Hrytsenko", "Montoya"),
    full=("Darlene Featherly", "Oksana Hrytsenko", "Fidel Montoya"),
    places=("Rimrock Middle School", "Cholla Star Academies", "Cholla Star Big Spring North", "Arroyo Draw Elementary",
            "Sandhill Creek Elementary")))


@pytest.mark.parametrize(("text", "span"), [
    ("Met with Dee at Rimrock. She is worried about 8th grade.", ("Dee", "PERSON")),      # a letter's nickname
    ("Tier 3 team meets monthly. Counselor Dizdarevic chairs.", ("Counselor Dizdarevic", "PERSON")),   # a role's title
    ("The Jibrik kids moved from the apartments to a house.", ("Jibrik", "PERSON")),     # a family by its kids
    ("Coaching with the dean at CSA Big Spring North on restorative conferences.", ("CSA Big Spring North", "SCHOOL")),
])
def test_round37_found(text, span) -> None:
    found = _R37.redact(text)
    assert _covered(found, text, span[0], span[1])


@pytest.mark.parametrize("text", [
    "Holy Trinity Ukrainian church and the Slavic Pentecostal church hosted us.",   # a people's word after a name
    "The Lincoln kids won the robotics match.",
    "Take CR 7300 to FM 2528 and then north.",                                        # a farm-to-market road
    "Arroyo Draw runs dry most of the year.",                                         # a school's landform
])
def test_round37_no_one(text) -> None:
    assert not [s for s in _R37.redact(text).spans if s.label in ("PERSON", "SCHOOL")]


def test_round37_role_cell_before_the_next_row_stays() -> None:
    # a role ending a table's row is no title of the name that starts the next row
    text = "Lupe Ajxup | Sandhill Creek Elementary | Counselor\nThant Zin Oo | Sandhill Creek Elementary | Interpreter"
    spans = [text[s.start:s.end] for s in _R37.redact(text).spans]
    assert "Counselor" not in " ".join(spans)


# names coordinated with a name found ("Elias, Katie, Om and Sushila"): a capitalised word that is no English word and
# no place, joined to a person by a comma or "and", is a person too (round 37, from misses across the tune halves)
@pytest.mark.parametrize(("text", "span"), [
    ("Student panel: Tomasz, Selma, Furaha, Emir.", "Emir"),
    ("He mentors Anselmo and Rufina, two newer aides.", "Anselmo"),
])
def test_round37_coordinated_names(text, span) -> None:
    found = _R37.redact(text)
    assert _covered(found, text, span, "PERSON")


@pytest.mark.parametrize("text", [
    "Ms. Pruett and Tucson families met in the gym.",                 # a place beside a name
    "Dr. Okafor and Title I staff reviewed the plan.",
    "Mr. Ruiz, Lubbock, and Midland teams carpooled.",
    "Ms. Chen and Schoology updates were the agenda.",               # software
])
def test_round37_coordinated_no_one(text) -> None:
    found = _R37.redact(text)
    names = [text[s.start:s.end] for s in found.spans if s.label == "PERSON"]
    assert all(w not in " ".join(names) for w in ("Tucson", "Title", "Lubbock", "Midland", "Schoology")), names


@pytest.mark.parametrize("text", [
    "Ms. Pruett says our Yazidi and Chaldean kids need things to stay put.",        # peoples before a group
    "Rosalind Okafor, Ed.D., and Kevin Marsh, Ph.D., presented.",                  # degrees after names
    "Marisol Reyes and SchoolPulse reps ran the demo.",                            # a product
])
def test_round37_coordinated_not_names(text) -> None:
    names = " ".join(text[s.start:s.end] for s in _R37.redact(text).spans if s.label == "PERSON")
    assert all(w not in names for w in ("Yazidi", "Chaldean", "Ed", "Ph", "SchoolPulse")), names


# roster words used as things (round 38, from the false positives left on the tune halves)
_R38 = Redactor.from_roster(RosterNames(
    first=("Grant", "Marina", "Hope"), last=("Ward", "King", "Redbird", "Cavender"),
    full=("Grant Cavender", "Marina Ward", "Hope King", "Tallulah Redbird")))


@pytest.mark.parametrize("text", [
    "Please stop using the Ward map in the slides.",                 # an article, a roster word, a noun
    "The King unit should be taught with the civil-rights unit.",
    "The Marina district of the town has most of our families.",
    "| Indicator | Grant schools | Non-grant schools |",              # a roster word before "schools"
    "The redbird on the new logo got redesigned.",                     # a lower-case roster word after an article
])
def test_round38_no_one(text) -> None:
    assert not [s for s in _R38.redact(text).spans if s.label == "PERSON"]


@pytest.mark.parametrize(("text", "span"), [
    ("Thanks to the King family for the tamales.", "King"),            # a family stays
    ("We missed the Ward twins at the fall night.", "Ward"),
    ("Marina Ward and the Grant team met Friday.", "Marina Ward"),
    ("Ask Ward about the map.", "Ward"),
])
def test_round38_still_found(text, span) -> None:
    found = _R38.redact(text)
    assert _covered(found, text, span, "PERSON")


def test_round38_its_is_not_an_article() -> None:
    # "its" typed for "it's" before a lower-case name: the name stays a name
    red = Redactor.from_roster(RosterNames(first=("Idalina",), last=("Furtado",), full=("Idalina Furtado",)))
    text = "hey its idalina, can u cover my tier 2 session thurs?"
    assert [text[s.start:s.end] for s in red.redact(text).spans] == ["idalina"]


@pytest.mark.parametrize(("text", "address"), [
    ("Email me at dana .reyes@example.org anytime.", "dana .reyes@example.org"),     # a PDF's stray blank
    ("reach the office (dana.reyes©example.org) tomorrow", "dana.reyes©example.org"),  # a scan's © for @
])
def test_round38_email_shapes(text, address) -> None:
    found = [text[s.start:s.end] for s in _R38.redact(text).spans if s.label == "EMAIL"]
    assert found == [address]


def test_round38_copyright_sign_is_no_email() -> None:
    assert not _R38.redact("© 2024 Example Corp. All rights reserved.").spans


# names typed in lower case, off the roster (round 38, from the tune halves' lower-case misses)
@pytest.mark.parametrize(("text", "span"), [
    ("running late, start without me. - evelyn", "evelyn"),           # a sign-off's given name
    ("thx for the slides!! -marisol", "marisol"),
    ("promo note: moved to tier 3. sally is his mentor now.", "sally"),   # "is his mentor"
    ("site visit notes\n- lorraine out sick, met w/ the AP instead", "lorraine"),
])
def test_round38_lower_case_names(text, span) -> None:
    found = _R38.redact(text)
    assert _covered(found, text, span, "PERSON")


@pytest.mark.parametrize("text", [
    pytest.param("grace is her strength and hope is his", marks=_MODEL_OVER),   # everyday words stay
    "the rest is his call. - the team",
    "half the staff out sick this week",
])
def test_round38_lower_case_no_one(text) -> None:
    assert not [s for s in _R38.redact(text).spans if s.label == "PERSON"]


# schools and districts whose kind comes first or last in words people drop (round 38, from the tune halves' misses)
_R38_PLACES = Redactor.from_roster(RosterNames(
    first=("Nitza",), last=("Cordero",), full=("Nitza Cordero",),
    places=("Segunda Unidad Cerro Gordo", "Escuela Superior Vocacional Ana Roque", "Región Educativa Valle Oeste",
            "Coral Bay Educational Complex", "Sandusky Plains Local School District")))


@pytest.mark.parametrize(("text", "span"), [
    ("We propose to expand the inquiry cycle to SU Cerro Gordo next year.", "SU Cerro Gordo"),   # a kind's letters
    ("Escuela: ESV Ana Roque.", "ESV Ana Roque"),
    ("Prof. Nitza Cordero (Región Educativa Valle Oeste) co-led the meeting.", "Región Educativa Valle Oeste"),
    ("El director de la ORE Valle Oeste visitó la escuela.", "ORE Valle Oeste"),
    ("Mr. Ambrose keeps Coral Bay running when the power goes.", "Coral Bay"),                 # "Educational Complex"
    ("Thanks for sharing the retention data from Sandusky Plains.", "Sandusky Plains"),        # Ohio's "Local"
])
def test_round38_place_short_forms(text, span) -> None:
    found = _R38_PLACES.redact(text)
    assert _covered(found, text, span, "SCHOOL")


# a comment typed in capitals (round 38): its schools by their school words, a hyphenated surname whole
@pytest.mark.parametrize(("text", "span", "label"), [
    ("PRESENTER: GRETCHEN FAULKNER-DIAZ, LINCOLN-DOUGLASS ELEMENTARY\nTOPIC: KINDERGARTEN READINESS",
     "GRETCHEN FAULKNER-DIAZ", "PERSON"),
    ("PRESENTER: GRETCHEN FAULKNER-DIAZ, LINCOLN-DOUGLASS ELEMENTARY\nTOPIC: KINDERGARTEN READINESS",
     "LINCOLN-DOUGLASS ELEMENTARY", "SCHOOL"),
    ("WE LOVED THE VISIT TO WILLOW BEND MIDDLE SCHOOL!!", "WILLOW BEND MIDDLE SCHOOL", "SCHOOL"),
    ("Thanks to Ms. Okafor-Reyes for the tour.", "Ms. Okafor-Reyes", "PERSON"),
])
def test_round38_capitals(text, span, label) -> None:
    found = _R38.redact(text)
    assert _covered(found, text, span, label)


@pytest.mark.parametrize("text", [
    "WE NEED MORE TIME FOR THE MIDDLE SCHOOL TEAMS.",
    "THE HIGH SCHOOL PANEL WAS GREAT. MORE OF THAT PLEASE.",
    "BEST PD ALL YEAR. THE ELEMENTARY SCHOOL BREAKOUT WAS PERFECT.",
])
def test_round38_capitals_no_school(text) -> None:
    assert not [s for s in _R38.redact(text).spans if s.label == "SCHOOL"]


# --- round 39 (session 21), from the thirtythird set's tune half (written blind, scored blind at the session's start
# rules and at round 38; its held-out half unread); each case a shape of its misses written anew ------------------
_R39 = Redactor.from_roster(RosterNames(
    first=("Lane", "Lourdes", "Ben"), last=("Ostrander", "Sorenson", "Reinholt"),
    full=("Lane Ostrander", "Lourdes Sorenson", "Ben Reinholt"),
    places=("Muskrat Slough Elementary", "East Fleur High School")))


@pytest.mark.parametrize(("text", "span", "label"), [
    ("Mail it to the family at\n1438 E Walnut St\nRear\nDes Moines, IA 50316\nThanks",
     "1438 E Walnut St\nRear\nDes Moines, IA 50316", "ADDRESS"),                          # a rear house on its line
    ("Meet at the grange hall (Mile 2.1 Palmer-Fishhook Rd, Palmer, AK 99645).",
     "Mile 2.1 Palmer-Fishhook Rd, Palmer, AK 99645", "ADDRESS"),                        # a mile post's address
    ("use this form instead: forms.example.org/eval - kyle v", "kyle v", "PERSON"),     # a sign-off with an initial
    ("Attendance log: Ostrander F. 5/5, Sorenson D. 4/5, Reinholt R. 3/5.", "Sorenson D.", "PERSON"),
    ("Focus students: Nhial G., Emina D., Kaw Htoo, Yurixhi P.. All four are long-term ELs.", "Emina D.", "PERSON"),
    ("Focus students: Nhial G., Emina D., Kaw Htoo, Yurixhi P.. All four are long-term ELs.", "Yurixhi P.", "PERSON"),
    ("The facilitator team (Lane, Lourdes, Ben) should share the agenda earlier.", "Lane", "PERSON"),
])
def test_round39_found(text, span, label) -> None:
    found = _R39.redact(text)
    assert _covered(found, text, span, label)


@pytest.mark.parametrize("text", [
    "Muskrat Slough and the canals near Parlier need fencing.",            # a landform by what is near it
    "SR 99 construction between Selma and Fowler makes the 8:00 start impossible.",   # towns in a row
    "Sanger, Reedley, Selma and Parlier share families across the valley.",
    "Data shows growth for some but not for Ayaprun. Martha suggested pairing.",      # a sentence's end
])
def test_round39_no_one(text) -> None:
    found = _R39.redact(text)
    names = " ".join(text[s.start:s.end] for s in found.spans if s.label in ("PERSON", "SCHOOL"))
    assert all(w not in names for w in ("Muskrat", "Selma", "Ayaprun.")), names


@pytest.mark.parametrize(("text", "span"), [
    ("Gracias a la Profa. Lorena Chávez Ibarra por todo.", "Profa. Lorena Chávez Ibarra"),   # a title's stop stays
    ("Nos llevó el Mtro. Papo Ramos a la escuela.", "Mtro. Papo Ramos"),
])
def test_round39_abbreviated_titles_stay_joined(text, span) -> None:
    found = [text[s.start:s.end] for s in _R39.redact(text).spans if s.label == "PERSON"]
    assert span in found, found


# --- round 40 (session 21), from the thirtysecond set's tune half (written blind, scored blind at the session's start
# rules, at round 38 and again after round 39; its held-out half unread); each case a shape written anew ----------
_R40 = Redactor.from_roster(RosterNames(
    first=("Odette", "Tevita", "Selma", "Denali"), last=("Morrissette", "Fifita", "Kurtic", "Schroder"),
    full=("Odette Morrissette", "Tevita Fifita", "Selma Kurtic", "Denali Schroder"),
    places=("Sego Lily Elementary", "Canal Street Elementary", "Franklin Heights Elementary",
            "Jericho Pond Middle/High School", "Bosque Alto Independent School District",
            "Black Ridge Regional High School")))


@pytest.mark.parametrize(("text", "span", "label"), [
    ("Pipeline board report, Sierra Vista I.S.D., presented Monday.", "Sierra Vista I.S.D.", "SCHOOL"),  # stops
    ("Inquiry log, Black Ridge Reg. H.S.: two teachers picked a focus.", "Black Ridge Reg. H.S.", "SCHOOL"),
    ("Inquiry log Jericho Pond M/HS step 2: data pulled.", "Jericho Pond M/HS", "SCHOOL"),
    ("The team (Lozada, Urquidi, Chacón) agreed on the change.", "Urquidi", "PERSON"),             # surnames listed
    ("Present: Sabattis, Vachon, Morin. Absent: Lavoie (excused), Dumaine.", "Dumaine", "PERSON"),
    ('"Nur, Ayaan",1,"Guled, Sahra"', "Guled, Sahra", "PERSON"),                                   # a CSV's cell
    ("Encuesta del personal: La directora Galindo nos escucha.", "Galindo", "PERSON"),              # a Spanish role
    ("Ya perdimos a la maestra Rentería y a Mtro. Olague.", "Mtro. Olague", "PERSON"),              # Mexican titles
    ("Her sister-in-law Mariángel is interested too.", "Mariángel", "PERSON"),                      # an in-law
    ("Text from Dette: snow day!! reschedule?", "Dette", "PERSON"),                                 # a message's sender
    ("Text: can we move to 3? kids have a half day. -T. Morrissette", "T. Morrissette", "PERSON"),  # initial, sign-off
    ("Visit to the Taufahema home with Ms. Fifita interpreting.", "Taufahema", "PERSON"),          # a family's home
    ("Home visit: basement apartment at 3124 S 3600 W (basement), West Valley City, UT 84119.",
     "3124 S 3600 W (basement), West Valley City, UT 84119", "ADDRESS"),
])
def test_round40_found(text, span, label) -> None:
    found = _R40.redact(text)
    assert _covered(found, text, span, label)


@pytest.mark.parametrize("text", [
    "Sego lily is the state flower, which the kids loved learning.",          # a school's words in lower case
    "The canal path along Canal Street is lit now, so families walk.",        # a street along which one goes
    "Franklin Heights is the neighborhood on the hill above the school.",     # a neighbourhood
    "We took the cadre to Jericho Pond for the closing picnic.",              # a picnic's pond
    "The Thorncrag sanctuary trail walk was a lovely start.",
    "A washout closed the road north of Errol. Visit done virtually.",        # a town north of which
    "The Colt .45s were the first name of the Houston Astros.",              # a team's old name
])
def test_round40_no_one(text) -> None:
    assert not [s for s in _R40.redact(text).spans if s.label in ("PERSON", "SCHOOL")]


@pytest.mark.parametrize("text", [
    "Sanger, Reedley, Selma and Parlier share families across the valley.",    # a town in a row of towns
    "Construction between Selma and Fowler makes the start impossible.",
])
def test_round40_places_in_a_row_are_no_one(text) -> None:
    assert not [s for s in _R40.redact(text).spans if s.label == "PERSON"]


def test_round40_list_after_a_colon_with_initials() -> None:
    text = "Step 2 (focus students): Nhial G., Emina D., Kaw Htoo, Yurixhi P.. All four are long-term ELs."
    names = [text[s.start:s.end] for s in _R40.redact(text).spans if s.label == "PERSON"]
    assert "Nhial G." in names, names


@pytest.mark.parametrize("text", [
    "Many of our families trace back to Xieng Khouang and came through the camps.",   # places after a word of place
    "Some came from Governador Valadares in Minas Gerais last year.",
    "We drove through Hollis and down Route 4 in freezing rain.",
])
def test_round40_places_after_place_words(text) -> None:
    assert not [s for s in _R40.redact(text).spans if s.label == "PERSON"]


@pytest.mark.parametrize(("text", "span"), [
    ("The binder is in Abdirahman Farah's office.", "Abdirahman Farah"),                   # a person's office
    ("We sat in with Abdirahman Farah during advisory.", "Abdirahman Farah"),
])
def test_round40_people_after_place_words_stay(text, span) -> None:
    found = " ".join(text[s.start:s.end] for s in _R40.redact(text).spans if s.label == "PERSON")
    assert span in found, found


# --- round 41 (session 21), from the thirtyfourth set's tune half (written blind, scored blind at the session's start
# rules and at round 40; its held-out half unread); each case a shape of its misses written anew ------------------
_R41 = Redactor.from_roster(RosterNames(
    first=("Marjorie", "Rose"), last=("Thorsen", "Okoro"), full=("Marjorie Thorsen", "Rose Okoro"),
    places=("Phalen Valley Learning Center", "Mauna Lahilahi Complex Area", "ʻEwa Plains Complex Area",
            "Wilcrest Elementary", "Rice Lake Independent School District 279")))


@pytest.mark.parametrize(("text", "span", "label"), [
    ("Presenters: Merlinda Weital (Mauna Lahilahi CA), and two guests.", "Mauna Lahilahi CA", "SCHOOL"),
    ("R. Pagaduan (ʻEwa Plains CA). Next step: compare absences.", "ʻEwa Plains CA", "SCHOOL"),
    ("this is Majo from Phalen Valley. Can we meet Tuesday?", "Phalen Valley", "SCHOOL"),
    ("meeting 2 sign in - fadumo ismail, tsong hang, marjorie thorsen", "tsong hang", "PERSON"),    # lower case
    ("Tier 3 review: Gloire M. (gr 2, reading), Divine K. (gr 4, behavior), Usman R. (gr 1, attendance).",
     "Divine K.", "PERSON"),
    # (the speakers of an interview's quoted answers, two at least)
    ('Student interviews: Chiamaka: "I can solve it." Hieu: "Math was memorizing."', "Chiamaka", "PERSON"),
    ("On Mon Duc Tran wrote:\n> Chidi, can you cover the session Friday?", "Chidi", "PERSON"),      # a quoted reply
    ("Subject: Fwd: site visit\n\nDigoy - see below from the dean.", "Digoy", "PERSON"),
    ("Mail it to my home:\nHilda Jibas\nPO Box 1213\nWaiʻanae, HI 96792", "PO Box 1213\nWaiʻanae, HI 96792", "ADDRESS"),
    ("we visited aunty's house on 87-310 Hakimo Rd, Rear where she runs homework club",
     "87-310 Hakimo Rd, Rear", "ADDRESS"),
])
def test_round41_found(text, span, label) -> None:
    found = _R41.redact(text)
    assert _covered(found, text, span, label)


@pytest.mark.parametrize("text", [
    "Most district leaders at our table live up in Rice Lake and commute south.",     # a district as a place
    "The Simone Biles video and the Rose Bowl clip about a player were great.",       # a thing's name
    "Enrollment dropped due to housing costs and family moves to Katy.",              # a town moved to
    "Students who live in the apartments along Wilcrest walk to school.",             # a street
])
def test_round41_no_one(text) -> None:
    assert not [s for s in _R41.redact(text).spans if s.label in ("PERSON", "SCHOOL")]


@pytest.mark.parametrize("text", [
    "Talofa, thank you for hosting the cadre at the school.",      # a greeting before the comma
    "Iakwe, can you send the slides again?",
])
def test_round41_pacific_greetings_are_no_one(text) -> None:
    assert not _R41.redact(text).spans


def test_round41_okina_opens_a_place_too() -> None:
    # (a place off the roster, found by its words: the ʻokina before it is its own)
    red = Redactor.from_roster(RosterNames(first=("Dana",), last=("Reyes",), full=("Dana Reyes",)))
    text = "Guests from ʻEwa Plains Complex Area please park on the mauka side."
    assert [text[s.start:s.end] for s in red.redact(text).spans] == ["ʻEwa Plains Complex Area"]


@pytest.mark.parametrize(("text", "span"), [
    ("Records requested by Mr. Udeh on 2/2.\nStudent: Tremayne W. (gr 10).", "Tremayne W."),   # a record's student
])
def test_round41_labelled_people(text, span) -> None:
    found = [text[s.start:s.end] for s in _R41.redact(text).spans if s.label == "PERSON"]
    assert any(span in f for f in found), found


def test_round41_a_role_in_brackets_inside_a_list() -> None:
    text = "Walkthrough with Principal Nguyen, Rosa Portillo (AP) and Kemi from counseling."
    names = [text[s.start:s.end] for s in _R41.redact(text).spans if s.label == "PERSON"]
    assert "Kemi" in names, names


# --- the session 21 second reader (the diff, the code and the tests; never the corpora): each finding, as it read ---
_READER21 = Redactor.from_roster(RosterNames(first=("Hope", "Dana"), last=("Reyes",), full=("Dana Reyes",),
                                             places=("Roosevelt Elementary",)))


@pytest.mark.parametrize(("text", "span"), [
    ("The Reyes Family was thankful.", "Reyes"),                         # a roster surname before its family
    ("We visited the Reyes Family home on Tuesday.", "Reyes"),
    ("I called the Reyes Household today.", "Reyes"),
    ("The Reyes boy was late again.", "Reyes"),
    ("Please pull the Reyes file before Friday.", "Reyes"),
    ("called the reyes family about the bus", "reyes"),
    ("a reyes cousin picked him up", "reyes"),
    ("The Abdirahman Farah meeting went long.", "Abdirahman Farah"),     # a person's own meeting
    ("I waited outside of Dizdarevic's office for an hour.", "Dizdarevic"),
    ("Records requested.\nStudent: Tremayne W. (gr 10).", "Tremayne W."),
])
def test_reader21_still_found(text, span) -> None:
    found = _READER21.redact(text)
    assert _covered(found, text, span, "PERSON")


@pytest.mark.parametrize("text", [
    'Teacher Quote: "We did it."',                                       # one label before one quote
    'Pregunta: "¿Qué aprendiste?"',
    "The islands: Chuuk, Pohnpei, Kosrae, Yap.",                        # runs that are no surnames
    "Days: Lunes, Martes, Miércoles.",
    "Families came from Kakuma, Dadaab, Nyarugusu and Mtendeli camps.",
    "Our kids love Minecraft, Roblox, Fortnite and Pokemon.",
    "Welp, can you push it to Friday?",                                  # interjections before a comma
    "Tysm, can you also share the notes?",
    "Mija, can you help your brother?",
    "Student: Newcomer (gr 3).",                                         # a record's label before no name
    "Contact: ParentSquare",
    "The Waianae kids won the canoe race.",                              # a town's or a product's kids
    "The Minecraft kids stayed after school.",
    "Ms. Reyes, Ramadan and Eid are on the calendar.",                  # holidays after a name
    "sign in - dana reyes, buenas noches",                               # a phrase after a lower-case name
    "Copyright Pearson © 2023. All rights reserved.",                    # a copyright sign is no @
    "Thanks for the slides - ty",                                        # thank you
    "Minecraft is his reward on Fridays.",                               # "is his" before no person's role
])
def test_reader21_no_one(text) -> None:
    found = [(text[s.start:s.end], s.label) for s in _READER21.redact(text).spans]
    assert not [f for f in found if f[1] in ("PERSON", "EMAIL") and f[0] not in ("Ms. Reyes", "dana reyes")], found


def test_reader21_roster_words_in_context() -> None:
    art = Redactor.from_roster(RosterNames(first=("Art",), last=("Lindqvist",), full=("Art Lindqvist",)))
    assert not art.redact("kudos to Art and Music teachers").spans
    geo = Redactor.from_roster(RosterNames(first=("Geovanni",), last=("Ruiz",), full=("Geovanni Ruiz",)))
    assert not geo.redact("Scores in Algebra and Geo went up.").spans          # a subject, not a clip
    mad = Redactor.from_roster(RosterNames(first=("Madison",), last=("Okafor",), full=("Madison Okafor",)))
    assert [s.label for s in mad.redact("I met with Madison and Tulsa coaches.").spans] == ["PERSON"]
    kin = Redactor.from_roster(RosterNames(first=("Hope", "Grant"), last=("King", "Cavender"),
                                           full=("Hope King", "Grant Cavender")))
    assert [s.label for s in kin.redact("Ms. Cavender reviewed the budget. Grant funding ends in June.").spans] \
        == ["PERSON"]
    assert not kin.redact("Dr. King's dream was our theme. Hope is a theme too.").spans
    mv = Redactor.from_roster(RosterNames(first=("Ana",), last=("Ruiz",), full=("Ana Ruiz",),
                                          places=("Mountain View Elementary", "Jericho Pond Elementary")))
    assert [s.label for s in mv.redact("Mountain view kids loved it.").spans] == ["SCHOOL"]
    assert [s.label for s in mv.redact("Jericho Pond hosted the family picnic on Friday.").spans] == ["SCHOOL"]
    assert [s.label for s in _READER21.redact("Roosevelt is a community school with a clinic.").spans] == ["SCHOOL"]
    initials = Redactor.from_roster(RosterNames(first=("Dana",), last=("Reyes",), full=("Dana Reyes",)))
    assert [s.label for s in initials.redact("Spoke with DR 3 times this week.").spans] == ["PERSON"]


def test_reader21_places_keep_their_city() -> None:
    red = Redactor.from_roster(RosterNames(first=("Ana",), last=("Ruiz",), full=("Ana Ruiz",),
                                           places=("Lake City Elementary", "Garden City High School")))
    assert not red.redact("We skated on the Lake in January.").spans
    assert not red.redact("Families built the Garden beds in May.").spans


# --- round 42 (session 22), from the thirtysixth set's tune half (written blind, scored blind at session 21's start
# and end): schools by their short forms past a program's words, a list's first name after a colon, a surname of two
# letters after the given names, places named after saints, cities that are given names, places by what is said there
_R42 = Redactor.from_roster(RosterNames(
    first=("Ana", "Maureen", "Crystal", "Rafael", "Sierra"), last=("Lopes", "Flaherty", "Barros", "Kowalski", "Lockhart"),
    full=("Ana Lopes", "Maureen Flaherty", "Crystal Barros", "Rafael Kowalski", "Sierra Lockhart"),
    places=("Garnet Square Dual Language K-8", "Hollis Bay Upper School", "Los Padillas Community School",
            "Juniper Crossing Education Cooperative", "Sandia Plains USD 412", "Perdido Range School",
            "Prairie Star Education Service Center")))


@pytest.mark.parametrize(("text", "span", "label"), [
    ("The principal showed her Garnet Square data across four years.", "Garnet Square", "SCHOOL"),  # a program's words
    ("Placements: Rafael Kowalski (AP, Hollis Bay), Ana Lopes (AP, Garnet Sq).", "Hollis Bay", "SCHOOL"),
    ("Placements: Rafael Kowalski (AP, Hollis Bay), Ana Lopes (AP, Garnet Sq).", "Garnet Sq", "SCHOOL"),  # abbreviated
    ("Interviews next month in Juniper Crossing for the principal job.", "Juniper Crossing", "SCHOOL"),
    ("Prairie Star sent two observers.", "Prairie Star", "SCHOOL"),                        # a service center's kind
    ("The SPUSD leadership table met twice.", "SPUSD", "SCHOOL"),                          # initials past its number
    ("Other (please specify): Alamo Creek North Consolidated (not listed)", "Alamo Creek North Consolidated", "SCHOOL"),
    ("Focus group: Wislande, Nahomie, Jean-Marc P., Esther D. All four came.", "Wislande", "PERSON"),  # after a colon
    ("Parent volunteer Quynh Anh Do translates the take-home sheets.", "Quynh Anh Do", "PERSON"),  # a surname after
    ("Tier 2 team: Liliana Ocampo, Bradley Yoon and Aye Aye Mon.", "Aye Aye Mon", "PERSON"),     # Burmese syllables
    ("Individual coaching: Crystal is unsure she wants to leave counseling.", "Crystal", "PERSON"),  # her mind
    ("Tito lives out past the Vallejos place on the county road.", "Vallejos", "PERSON"),       # a family's place
])
def test_round42_found(text, span, label) -> None:
    assert _covered(_R42.redact(text), text, span, label)


@pytest.mark.parametrize("text", [
    "Kids from Santa Eulalia and San Pedro Soloma speak Q'anjob'al first.",   # towns named after saints
    "Many of our families have Boston ties.",                                 # a city that is a given name
    "Route 1A to Lynn was backed up past the airport.",                       # a road's town
    "Sierra Vista is where two of our consultants live.",                     # a place by what is done there
    "The Perdido Range snowpack decides whether the river runs in May.",      # a school's name said as the range
    "Los Padillas and Pajarito are the communities we serve.",
    "Gracias, merci, obrigadu, mahadsanid, cảm ơn!",                          # a thanks that is a given name
    "Yuj Diosal to the interpreters.",                                        # a thanks in Q'anjob'al
    "We celebrated at the Pho place down the street.",                        # a food's place, no family's
])
def test_round42_no_one(text) -> None:
    assert not [s for s in _R42.redact(text).spans if s.label in ("PERSON", "SCHOOL")], text


@pytest.mark.parametrize(("text", "span"), [
    ("Dr. San Miguel spoke at the board meeting.", "Dr. San Miguel"),          # a titled surname stays
    ("Ana San Miguel spoke at the board meeting.", "Ana San Miguel"),
    ("Maureen Flaherty is where the binder lives now.", "Maureen Flaherty"),   # a roster person, whatever follows
    ("Perdido Range staff met on Friday.", "Perdido Range"),                   # the school, by its people
])
def test_round42_people_and_schools_stay(text, span) -> None:
    assert _covered(_R42.redact(text), text, span)


def test_round42_acronyms_of_numbered_districts() -> None:
    from evalkit.pii import _acronyms
    assert "SPUSD" in _acronyms("Sandia Plains USD 412")
    assert "ESU" not in _acronyms("Educational Service Unit 21")     # (a kind's letters alone are every unit's)


# --- round 43 (session 22), from the thirtyseventh set's tune half (written blind, scored blind before round 42 and
# after it): a helper named in apposition, kin said as a title, a deed with its pronoun, initials in a pair, a chat's
# and a table column's names vouched by two found, a family's place, a school's short initials, a language by what
# follows it, idioms, landforms by what is done there
_R43 = Redactor.from_roster(RosterNames(
    first=("Mason", "Kiran", "Courtney", "Lorraine", "Gabriel", "Dale"),
    last=("Whitcomb", "Halvorsen", "Esparza", "Okoro", "Flores", "Kowalczyk"),
    full=("Mason Whitcomb", "Kiran Okoro", "Courtney Esparza", "Lorraine Whitcomb", "Gabriel Flores", "Dale Kowalczyk"),
    places=("Platte Bluffs North High School", "Cedar Butte High School", "Antelope Creek Middle School",
            "Platte Bluffs Public Schools")))


@pytest.mark.parametrize(("text", "span", "label"), [
    ("The front office has nobody for Dari, so a 6th grader, Mursal, interpreted for us.", "Mursal", "PERSON"),
    ("A student guide, Abdiaziz, turned the question back on her.", "Abdiaziz", "PERSON"),
    ("Knock on the back door; Baba Olena answers and speaks only Ukrainian.", "Olena", "PERSON"),   # kin as a title
    ("Home visit on Friday (ask for Mama Neema at the door).", "Neema", "PERSON"),
    ("Home visits: the Kabongo place first, then the library.", "Kabongo", "PERSON"),           # a family's place
    ("Zhenya is out till Monday; questions to the front office.", "Zhenya", "PERSON"),            # away for a time
    ("Mahmoud read his first chapter book aloud.", "Mahmoud", "PERSON"),                          # a deed, his own
    ("Malual scored twice in the community final.", "Malual", "PERSON"),
    ("Spirit day: Mason wore the Braves cap all day.", "Mason", "PERSON"),
    ("LK and GF approved the new arrival plan.", "LK", "PERSON"),                                 # initials in a pair
    ("lorraine from the state called back, we're approved", "lorraine", "PERSON"),                # an office's caller
    ("A parish Q&A with Padre Tomás Arriaga drew forty families.", "Padre Tomás Arriaga", "PERSON"),  # a priest's title
    ("Thread:\nKiran: did anyone get the rubric?\nRabi: Courtney sent it\nKiran: found it", "Rabi", "PERSON"),
    ("| School | Lead | n |\n|---|---|---|\n| Ridge PS | Halvorsen | 15 |\n| Vale PS | Esparza | 12 |\n"
     "| Elkhorn Ridge PS | Voegele | 9 |", "Voegele", "PERSON"),                                  # a column of names
    ("| Elkhorn Ridge PS | Voegele | 9 |", "Elkhorn Ridge PS", "SCHOOL"),                         # a cell's PS
    ("Recommended for AP at PBN next year.", "PBN", "SCHOOL"),                                    # the short initials
])
def test_round43_found(text, span, label) -> None:
    assert _covered(_R43.redact(text), text, span, label)


@pytest.mark.parametrize("text", [
    "Karen is a people and a language, and the two are not the same thing.",   # a people by what it is
    "Immunization compliance for the Sudanese and Karen kindergarteners.",
    "Enrollment swings went over hill and dale this year.",                    # idioms
    "We hiked Cedar Butte after the spring retreat.",                          # a school's name said as the place
    "Platte Bluffs overlook is a great view at sunset.",
    "Antelope Creek came up over the bike path in May.",
    "Willa Cather's My Ántonia was the book study.",                           # public figures
    pytest.param("| Session | Facilitator | Rating |\n|---|---|---|\n| Data dive | G. Ferreira | 4.6 |\n"
                 "| Walk | K. Thao | 4.1 |", marks=_MODEL_OVER),
    "Hope wore off by spring.",                                                # no deed of anyone's
    "Padre Island was the spring trip.",
])
def test_round43_no_one(text) -> None:
    found = [(text[s.start:s.end], s.label) for s in _R43.redact(text).spans]
    assert not [f for f in found if f[1] in ("PERSON", "SCHOOL") and f[0] not in ("G. Ferreira", "K. Thao")], found


# --- round 44 (session 22): the false positives left on all tune halves read so far (no held-out text read): packing
# companies named like people, landforms named first ("Loma Alta", "Lake Brandt"), places by a move or by what they are
_R44 = Redactor.from_roster(RosterNames(
    first=("Tyson", "Katy", "Socorro"), last=("Barnes", "Lindqvist", "Vigil"),
    full=("Tyson Barnes", "Katy Lindqvist", "Socorro Vigil"),
    places=("Loma Alta Elementary", "Bosque Verde Middle School", "Lake Brandt Elementary", "Lost River Academy")))


@pytest.mark.parametrize("text", [
    "Tyson and JBS schedules should be on the district calendar.",             # a company by the companies beside it
    "Tyson closed the plant and we lost forty families.",                      # by what it does
    "Tyson, Simmons and George's all run second shift.",
    "Loma Alta flooded during the monsoon and the bridge closed.",             # a landform named first
    "The Bosque Verde nature trail runs along the river.",
    "We held the retreat at Lake Brandt: canoes and a picnic.",
    "The Lost River Cave field trip was the highlight.",
    "Housing costs keep rising and another family moves to Katy.",            # a move's town
    "Socorro and Refugio are towns, not just names.",                          # what they are
])
def test_round44_no_one(text) -> None:
    assert not [s for s in _R44.redact(text).spans if s.label in ("PERSON", "SCHOOL")], text


@pytest.mark.parametrize(("text", "span"), [
    ("Tyson works nights at the plant and still makes every session.", "Tyson"),   # a person who works there
    ("Tyson Barnes led the shift-change training.", "Tyson Barnes"),
    ("George's mom works the line at the plant.", "George"),
    ("Scheduling moved to Katy after Janet retired.", "Katy"),                     # a duty moves to someone
    ("Socorro is the town clerk and a parent volunteer.", "Socorro"),              # a town's clerk, no town
    ("Loma Alta staff met on Friday.", "Loma Alta"),                               # the school, by its people
])
def test_round44_people_and_schools_stay(text, span) -> None:
    assert _covered(_R44.redact(text), text, span)


# --- round 45 (session 22), from the thirtyninth set's tune half (written blind, scored blind before its round): a
# group's names in brackets or after a colon, a column a header calls names, a semicolon's table, cues by a
# verification and a board, a panel's speaker, a spelled-out Doctor, a section road's house, a colonia lot's road, a
# Head Start center, a town a session was held in
_R45 = Redactor.from_roster(RosterNames(
    first=("Wes", "Hodan", "Amy", "Dale"), last=("Whitfield", "Abdi", "Rogers", "Kowalczyk"),
    full=("Wes Whitfield", "Hodan Abdi", "Amy Rogers", "Dale Kowalczyk"),
    places=("Northland Ridge High School", "Riverbend Middle School", "Clark Ridge Elementary")))


@pytest.mark.parametrize(("text", "span", "label"), [
    ("New problem: Nepali-speaking 9th graders (Sabitri, Prakash, Menuka) are not in honors.", "Menuka", "PERSON"),
    ("The storm flooded the duplex; kids (Vilay, Somphone) are staying with relatives.", "Somphone", "PERSON"),
    ("Her children Zehra and Abdulla stay at Riverbend.", "Abdulla", "PERSON"),
    ("name;school;language\nSabitri;Northland Ridge;Nepali\nOzan;Riverbend MS;Turkish\nWoodley;Clark Ridge;Kreyol",
     "Woodley", "PERSON"),                                                        # a column a header calls names
    ("Parent contact, Somali (verified by Rahman): call after 5.", "Rahman", "PERSON"),
    ("Questions from board members Proctor and Whitfield.", "Proctor", "PERSON"),
    ("The student panel. Abdiwali talking about arriving from Dadaab in 4th grade.", "Abdiwali", "PERSON"),
    ("Wes will share the attendance chart with Doctor Yahola by Friday.", "Doctor Yahola", "PERSON"),
    ("Pick-up at 8819 Mile 9 Rd, Lot 4, Weslaco TX 78599.", "8819 Mile 9 Rd, Lot 4, Weslaco TX 78599", "ADDRESS"),
    ("The kids who ride from Colonia Las Palmas Lot 27, FM 1015 get here at 7:50.",
     "Colonia Las Palmas Lot 27, FM 1015", "ADDRESS"),
    ("Other (please specify): Head Start — Colonia Las Flores Head Start Center",
     "Colonia Las Flores Head Start Center", "SCHOOL"),
])
def test_round45_found(text, span, label) -> None:
    assert _covered(_R45.redact(text), text, span, label)


@pytest.mark.parametrize("text", [
    "Traffic made everyone late to the evening session in Rogers.",             # a town the session was held in
    "Pi Mai Lao at the temple in April brought every family out.",              # the Lao New Year
    "Our students (Grade 3, Grade 4) did well on the screener.",                # no names in the brackets
])
def test_round45_no_one(text) -> None:
    assert not [s for s in _R45.redact(text).spans if s.label in ("PERSON", "SCHOOL")], text


@pytest.mark.parametrize(("text", "span"), [
    ("I sat in on Rogers' class for the walkthrough.", "Rogers"),                 # a person's room
    ("The hill and Dale Kowalczyk's data walk came first.", "Dale Kowalczyk"),   # no idiom: the name is capitalised
])
def test_round45_people_stay(text, span) -> None:
    assert _covered(_R45.redact(text), text, span)


# --- round 46 (session 22), from the thirtyeighth set's tune half (written blind, scored blind before rounds 42-45
# and after them): a district's place before its number, a rural route's box, a given name's letters after a label's
# colon, titles in capitals, a deed set off after the name, a compass word's two letters, streets by their
# abbreviated kind, the hunter's moon
_R46 = Redactor.from_roster(RosterNames(
    first=("Warren", "Hunter", "Juan Carlos"), last=("Okafor", "Lindqvist", "Ajú"),
    full=("Warren Okafor", "Hunter Lindqvist", "Juan Carlos Ajú"),
    places=("Southwest Detroit Community Schools",)))


@pytest.mark.parametrize(("text", "span", "label"), [
    ("Working group: Farhan Siraj (Skokie-Niles District 71) and two others.", "Skokie-Niles District 71", "SCHOOL"),
    ("The family moved up north: N4417 County Rd G, RR 2, Montello, WI 53949.",
     "N4417 County Rd G, RR 2, Montello, WI 53949", "ADDRESS"),
    ("Coaching log: JC Ajú — he wants the Other box back.", "JC Ajú", "PERSON"),
    ("SITE VISIT. PRINCIPAL: SISTER TERESA ZIELINSKA. OVERALL: MEETS.", "SISTER TERESA ZIELINSKA", "PERSON"),
    ("The student from Dearborn, Hanan, reading her poem, stole the show.", "Hanan", "PERSON"),
    ("Participants by district: SWDCS 11, the rest elsewhere.", "SWDCS", "SCHOOL"),
])
def test_round46_found(text, span, label) -> None:
    assert _covered(_R46.redact(text), text, span, label)


@pytest.mark.parametrize("text", [
    "Parking on W Warren Ave was a nightmare because of the festival.",       # a street by its kind's letters
    "The Hunter's moon field trip idea came up again.",                       # the moon
    "Senate District 12 held a town hall.",                                   # never an office's district's place
])
def test_round46_no_one(text) -> None:
    found = [(text[s.start:s.end], s.label) for s in _R46.redact(text).spans]
    assert not [f for f in found if f[1] == "PERSON" or f[0].startswith("Senate")], found


# --- a second reader's findings on rounds 42-45 (session 22; a helper given the diff, the code and the tests, never the
# corpora): each was run against the session's start rules and fixed; names the new place, company, saint, idiom and
# public-name rules had dropped, and false positives the new cues had opened
_READER22 = Redactor.from_roster(RosterNames(
    first=("Mason", "Harper", "Jordan", "Madison", "Tyson", "Karen", "Dale", "Morgan", "Maria"),
    last=("Whitcomb", "Sanderson", "San Nicolas", "San Miguel", "Okafor", "Johnson"),
    full=("Mason Whitcomb", "Harper Okafor", "Maria San Miguel"),
    places=("Antelope Creek Middle School", "Loma Alta Elementary", "Lake Brandt Elementary", "Rio Vista Middle School",
            "Perdido Range School", "International Dual Language School", "The Park Upper School",
            "Martin Luther King Elementary School", "Gateway Bilingual School")))


@pytest.mark.parametrize(("text", "span"), [
    ("Mr. David Ortiz called about the bus.", "David Ortiz"),                 # a common name, no public figure here
    ("Mel King, our custodian, fixed the heater.", "Mel King"),
    ("The Heath brothers were both absent on Monday.", "Heath"),
    ("I have seen so much growth in Mason.", "Mason"),                        # trusted in, no town
    ("Jordan is our community liaison and calls every family.", "Jordan"),
    ("Front desk duty moves to Madison next week.", "Madison"),               # a duty moves to someone
    ("Harper is where I go for data help.", "Harper"),
    ("We carpool up Route 9 to Morgan's house.", "Morgan"),
    ("San Nicolas called about the bus route again.", "San Nicolas"),        # a surname a saint's word opens
    ("San Miguel spoke at the board meeting.", "San Miguel"),
    ("Our parent Sao Sokha translated the flyer into Khmer.", "Sao Sokha"),
    ("Thanks to Santa Maria and her mom for the tamales.", "Santa Maria"),
    ("Tyson runs the night shift at the plant and still comes to every meeting.", "Tyson"),   # a worker
    ("Tyson cut his hand on the line at the poultry plant.", "Tyson"),
    ("George's shift at the plant moved to nights so he misses tutoring.", "George"),
    ("Sanderson hired two aides for the chicken plant families.", "Sanderson"),
    ("Karen is a people person and the families love her.", "Karen"),
    ("Dayton finished his reading log early.", "Dayton"),                     # a boy's name, no city here
    ("Every Tom, Dick and Harry in 5th grade signed up.", "Harry"),
])
def test_reader22_names_stay(text, span) -> None:
    assert _covered(_READER22.redact(text), text, span, "PERSON"), text


@pytest.mark.parametrize(("text", "span"), [
    ("Antelope Creek came over for the spelling bee and won.", "Antelope Creek"),   # a school, no flood
    ("Half our transfers chose us over Lake Brandt this year.", "Lake Brandt"),
    ("Families keep choosing Rio Vista over Loma Alta for middle school.", "Loma Alta"),
    ("Rio Vista water polo made state.", "Rio Vista"),
    ("Perdido Range crested 90% attendance in May.", "Perdido Range"),
])
def test_reader22_schools_stay(text, span) -> None:
    assert _covered(_READER22.redact(text), text, span, "SCHOOL"), text


@pytest.mark.parametrize("text", [
    "The potluck had Baba Ganoush, hummus and rice.",                          # a dish, a song
    "We sang Baba Yetu at the winter concert.",
    "We met at the Boba place after school.",                                  # a shop, no family's place
    "Per MW, ELD and SST will meet Tuesday.",                                  # programs' letters in a list
    "name,type,cost\nKahoot,app,free\nDesmos,app,free\nNearpod,app,paid\nQuizizz,app,free",   # apps under "name"
    "Everest scored highest in the house competition.",                        # a house's score
    "We did an MLK service project.",                                          # the namesake's letters
    "International students need housing help.",                               # an everyday word before "Dual Language"
    "We went to the park after lunch.",                                        # an article's short form
    "Gateway Arch trip was fun.",
])
def test_reader22_no_new_false_positives(text) -> None:
    found = [text[s.start:s.end] for s in _READER22.redact(text).spans if s.label in ("PERSON", "SCHOOL")]
    assert found in ([], ["MW"]), text      # (the roster person's initials, "MW", are theirs)


def test_reader22_two_letter_surname_not_before_a_question() -> None:
    text = "Thanks Maria Do you know when the forms are due?"
    assert [text[s.start:s.end] for s in _READER22.redact(text).spans] == ["Maria"]


# --- round 47 (session 22), from the tune halves of the lowest held-out sets (sixteenth, twentyeighth): a territory's
# department of education as its one district, a tracker's slashed rows, initials listed with slashes, a district by
# its central office, a Spanish deed done to us, a Spanish "y" in a list, "Esc." for Escuela
_R47 = Redactor.from_roster(RosterNames(
    first=("Rosa",), last=("Heyliger", "Belardo"), full=("Rosa Heyliger",),
    places=("American Samoa Department of Education", "Guam Department of Education", "Escuela Elemental Luz María Ortiz",
            "Salt River Bay Elementary")))


@pytest.mark.parametrize(("text", "span", "label"), [
    ("Minutes (ASDOE working group): opened with a prayer.", "ASDOE", "SCHOOL"),       # a territory's one district
    ("Minutes GDOE leadership council: the deputy presented.", "GDOE", "SCHOOL"),
    ("Tracker rows:\nSalt River Bay Elem / Heyliger S / 5 of 5\nSalt River Bay Elem / Belardo Y / 4 of 5",
     "Belardo Y", "PERSON"),
    ("RT / JSN / FQ were the Guam facilitators and all three were great.", "JSN", "PERSON"),
    ("Leaving the Wyandot Plains central office at 6:15 sharp.", "Wyandot Plains", "SCHOOL"),
    ("Juanca nos llevó a ver la escuela nueva.", "Juanca", "PERSON"),
    ("Migdy from central level answered all our grant questions.", "Migdy", "PERSON"),
    ("La maestra de Esc. Elemental Luz María Ortiz nos ayudó.", "Esc. Elemental Luz María Ortiz", "SCHOOL"),
])
def test_round47_found(text, span, label) -> None:
    assert _covered(_R47.redact(text), text, span, label)


@pytest.mark.parametrize("text", [
    "The Texas Education Agency sent new guidance.",                            # a state's agency stays no one's
    "ELA / SEL / PBIS were the themes of the day.",                             # programs' letters
    "Our district office is closed Monday; the Ohio central office is open.",  # an office, a state's
])
def test_round47_no_one(text) -> None:
    assert not [s for s in _R47.redact(text).spans if s.label in ("PERSON", "SCHOOL")], text


# --- round 48 (session 22), from the fortyfirst set's tune half (written blind, scored blind before its round): a
# district's kind in capitals after its name's letters (NVR SELPA), a joint unified district, a county office of
# education, a name's first word that is a kind's (Charter Way MS), students by grade, a meeting chat's sender, a double
# surname's initials, a message's salutation and a thanks' sign-off, "Hola" before a name
_R48 = Redactor.from_roster(RosterNames(
    first=("Diane", "Ignacio"), last=("Ferreira", "Betancourt"), full=("Diane Ferreira", "Ignacio Betancourt"),
    places=("North Valley Regional SELPA", "Bear Creek Joint Unified School District",
            "Oro Loma County Office of Education", "Charter Way Middle School", "Community Prep Academy",
            "Merced County Office of Education", "French Camp Unified School District")))


@pytest.mark.parametrize(("text", "span", "label"), [
    ("– Diane Ferreira, Executive Director, NVR SELPA, 209-555-0112", "NVR SELPA", "SCHOOL"),
    ("PD points request. District: Bear Creek JUSD. Meetings attended: 1, 2, 3.", "Bear Creek JUSD", "SCHOOL"),
    ("- [x] Book the room at Oro Loma COE\n- [ ] Ask about Q3", "Oro Loma COE", "SCHOOL"),
    ("Team coaching @ Charter Way MS: the team reviewed referrals.", "Charter Way MS", "SCHOOL"),
    ("Student panel: Mahnoor, grade 11, came from Kandahar; Tevfik, grade 10, from Istanbul.", "Tevfik", "PERSON"),
    ("Bags went home to 31 families. Sukhmani and Gurkirat, two 8th graders, packed them.", "Sukhmani", "PERSON"),
    ("11:15:40 From Gel Santos (Host) to Everyone: Yes! Posting here.", "Gel Santos", "PERSON"),
    ('From the chat: Yvonne C-R: "Can someone share the Tier 2 menu?"', "Yvonne C-R", "PERSON"),
    ("From: ibetancourt@bayvalley.example.org\nSubject: cadre release day\n\nNacho – our subs fell through again.",
     "Nacho", "PERSON"),
    ("The FAQ is on the district page. Thanks! Jas", "Jas", "PERSON"),
    ("Text message: Hola Juanita, the family from the parish called back.", "Juanita", "PERSON"),
])
def test_round48_found(text, span, label) -> None:
    assert _covered(_R48.redact(text), text, span, label)


@pytest.mark.parametrize("text", [
    "Our community partners came to the family night.",                    # a kind's word alone is no short form
    "Merced families drove an hour to the session.",                       # a county's name alone
    "Subject: dates\nTeam, see the calendar below.",                       # a salutation to a group
    "Subject: dates\nPrincipals, see the calendar below.",
    "Thanks. See you Friday.",                                              # an everyday word after thanks
    "We drove out past French Camp on CA-99 for the session.",             # a place gone past
])
def test_round48_no_one(text) -> None:
    assert not [s for s in _R48.redact(text).spans if s.label in ("PERSON", "SCHOOL")], text


# --- round 49 (session 22), from the fortieth set's tune half (written blind, scored blind before rounds 42-48 and
# after them): a numbered district's letters with its kind's letter (FCSD 44, LMPSD 21, CLASD), a highway's mile as an
# address's unit, a motion's mover and seconder by name, a count by each family's surname, Plains surnames of everyday
# words, an initial's list, a road closed from town to town, weekdays after a word of time, a girls' team, Cheyenne
_R49 = Redactor.from_roster(RosterNames(
    first=("Gloria", "Teresa", "Grant", "Cheyenne", "Friday"),
    last=("Two Crows", "Little Bird", "Little Light", "Sheridan", "Eagles"),
    full=("Gloria Two Crows", "Teresa Little Bird", "Grant Little Light"),
    places=("Fremont County School District 44", "Little Muddy Public School District 21",
            "Canyon Lake Area School District 53-2", "Sacrifice Cliff Middle School", "Sage Creek Elementary")))


@pytest.mark.parametrize(("text", "span", "label"), [
    ("Working group: Kimi (FCSD 44), Stacia (CLASD), Beth Zamora (LMPSD 21).", "CLASD", "SCHOOL"),
    ("Guest: Lance C'Hair, Superintendent, FCSD #44.", "FCSD #44", "SCHOOL"),
    ('"P-118","Chidi Okafor","Little Muddy PSD 21","2"', "Little Muddy PSD 21", "SCHOOL"),
    ("Home visit: the family lives at Hwy 212 mile 45, Busby, MT 59016, not in town.",
     "Hwy 212 mile 45, Busby, MT 59016", "ADDRESS"),
    ("Motion by Oldcoyote, second by Little Bird, to approve the minutes.", "Oldcoyote", "PERSON"),
    ("Attendance, parent night: Fuentes x3, Stanikzai x2, Moua x4, Wardak x1", "Stanikzai", "PERSON"),
    ("| 1:00 | Gloria Two Crows (tribal college) | language table |", "Gloria Two Crows", "PERSON"),
    ("Files reviewed: K. Beartusk, T. Pretty Paint, D. Swift Hawk, J. Wolfname.", "T. Pretty Paint", "PERSON"),
])
def test_round49_found(text, span, label) -> None:
    assert _covered(_R49.redact(text), text, span, label)


@pytest.mark.parametrize("text", [
    "I-90 was closed from Sheridan to Hardin for the blizzard.",                # a road closed from town to town
    "Data is pulled from the SIS every Friday.",                                # a weekday after a word of time
    "The Lady Eagles made it to state and the whole town emptied out.",         # a girls' team
    "Crow, Cheyenne and Lakota students are all in the program.",               # peoples before their students
    "The invite said MT only and half of ND joined an hour late.",              # a state's letters
    "Sacrifice Cliff overlooks the refinery.",                                  # a landform by what it does
    "Sage Creek road is gravel for nine miles.",
    "Packets x3, Binders x2 went home.",                                        # counts of things
])
def test_round49_no_one(text) -> None:
    assert not [s for s in _R49.redact(text).spans if s.label in ("PERSON", "SCHOOL")], text


@pytest.mark.parametrize(("text", "span"), [
    ("Cheyenne presented the data.", "Cheyenne"),                               # the roster's person, no people
    ("I got a ride from Sheridan to the meeting.", "Sheridan"),                 # no town after "to"
    ("Friday Okonkwo presented the data.", "Friday Okonkwo"),
])
def test_round49_people_stay(text, span) -> None:
    assert _covered(_R49.redact(text), text, span, "PERSON")


# --- round 50 (session 23), from the forty-second set's tune half (written blind, scored blind at session 22's end):
# a role capitalised before a given name, an apostrophe name with its possessive, a child named by whose child they
# are, a group's helpers in brackets, "Surname, Given" found apart in a cell, titles one after another, a district
# called "<town> Independent" in a table's cell, a network's campus by its place, musicians and organisers named in
# heritage lessons.
_R50 = Redactor.from_roster(RosterNames(
    first=("Marisol", "Dwayne"), last=("Okafor", "Pruitt"), full=("Marisol Okafor", "Dwayne Pruitt"),
    places=("Crossroads Collegiate Nolensville", "Riverbend Prep Academy")))


@pytest.mark.parametrize(("text", "span", "label"), [
    ("Student Jamarion read his exit ticket aloud.", "Jamarion", "PERSON"),
    ("Interpreter Dayanara sat with the family.", "Dayanara", "PERSON"),
    ("We talked through how to call Ja'Kobe's grandmother about the bus.", "Ja'Kobe", "PERSON"),
    ("Note from Mr. Abdi Warsame (father of Ikran, 2nd gr.): she is sick today.", "Ikran", "PERSON"),
    ("The peer tutors (Hodan, Kirollos and Yulissa) ran the station.", "Kirollos", "PERSON"),
    ("Rosters\nDaoud, Kirolos,3,advance\nWarsame, Ayan,2,hold", "Daoud, Kirolos", "PERSON"),
    ("From: Pruitt-Sowell, Marjorie [mailto:m@example.org]", "Pruitt-Sowell, Marjorie", "PERSON"),
    ("Farah, Hawa | 615-555-0151 | Somali", "Farah, Hawa", "PERSON"),
    ("Opening prayer by Rev. Mother Agnes Ruiz of the parish.", "Rev. Mother Agnes Ruiz", "PERSON"),
    ("Hester, Dwight — Oldham Bend Independent. 5/5", "Oldham Bend Independent", "SCHOOL"),
    ("The tier 1 cohort visits Riverbend Prep Academy Frayser in March.", "Riverbend Prep Academy Frayser", "SCHOOL"),
    ("Suspensions at Crossroads Collegiate Antioch fell by half.", "Crossroads Collegiate Antioch", "SCHOOL"),
])
def test_round50_found(text, span, label) -> None:
    assert _covered(_R50.redact(text), text, span, label)


@pytest.mark.parametrize("text", [
    "Our assembly featured B.B. King, W.C. Handy and Aretha Franklin.",           # musicians a lesson names
    "The band played Ella Fitzgerald, Muddy Waters and Elvis Presley.",
    "AP Lang, AP Lit and AP Euro are full.",                                      # courses after "AP", not a role
    "Student Council meets on Fridays.",                                          # a body after a role's word
    "I don't know; O'Neil's plan and y'all's ideas.",                              # a surname's possessive alone
    "Everyone at Riverbend Prep Academy Tuesday was tired.",                      # a weekday after a campus
])
def test_round50_no_one(text) -> None:
    assert not [s for s in _R50.redact(text).spans
                if s.label == "PERSON" or s.label == "SCHOOL" and "Tuesday" in text[s.start:s.end]], text


@pytest.mark.parametrize(("text", "span"), [
    ("The peer tutors (Hodan, Kirollos and Yulissa) ran the station.", "Hodan"),   # a list stays three people
    ("Hodan, Kirollos and Yulissa ran the station.", "Hodan"),
    ("Hodan, Kirollos and Yulissa ran the station.", "Kirollos"),               # (the pair a join would merge)
])
def test_round50_list_not_joined(text, span) -> None:
    found = _R50.redact(text)
    start = text.index(span)
    assert any(s.start == start and s.end == start + len(span) and s.label == "PERSON" for s in found.spans)


# --- round 51 (session 23), the forty-second set's tune half again: a school's namesake's initial without its stop,
# a text message's sender after its time, a lower-case sign-off with its surname and its body, and people picked out
# by a clause as a program's participant, a grandmother, or a role glossed in brackets.
_R51 = Redactor.from_roster(RosterNames(
    first=("Dwayne",), last=("Pruitt",), full=("Dwayne Pruitt",), places=("Cornelius T. Banks High School",)))


@pytest.mark.parametrize(("text", "span", "label"), [
    ("NGUYEN, HOANG / CORNELIUS T BANKS HS / TIER: N/A", "CORNELIUS T BANKS HS", "SCHOOL"),
    ("We met at Cornelius T Banks High School after lunch.", "Cornelius T Banks High School", "SCHOOL"),
    ("sms 4:52 PM — Quita: need the interpreter at pickup", "Quita", "PERSON"),
    ("is the paper still required? -darla mcreynolds, allen springs county", "darla mcreynolds", "PERSON"),
    ("is the paper still required? -darla mcreynolds, allen springs county", "allen springs county", "SCHOOL"),
    ("The abuela who walks six grandkids to school every morning deserves a crossing guard.", "abuela who walks",
     "SELF_ID"),
    ("The network participant from Mississippi who shared their bus plan was the best part.", "participant from",
     "SELF_ID"),
    ("The mamosta (teacher) who teaches the Saturday Kurdish class is the one adult they trust.", "who teaches",
     "SELF_ID"),
])
def test_round51_found(text, span, label) -> None:
    assert _covered(_R51.redact(text), text, span, label)


@pytest.mark.parametrize("text", [
    "10:00 AM — Agenda: review the data",                                         # a field's label after a time
    "9:15 – Lunch: cafeteria",
    "thanks for the slides - ty",
])
def test_round51_no_one(text) -> None:
    assert not [s for s in _R51.redact(text).spans if s.label == "PERSON"], text


@pytest.mark.parametrize(("text", "span"), [
    ("see you there - kyle here", "kyle"),                                       # no surname: an everyday word after
    ("Abuela Lupe Ortiz brought tamales.", "Abuela Lupe Ortiz"),                 # kin as a title stays the name's
])
def test_round51_person_spans(text, span) -> None:
    found = _R51.redact(text)
    start = text.index(span)
    assert any(s.start == start and s.end == start + len(span) and s.label == "PERSON" for s in found.spans), \
        [(text[s.start:s.end], s.label) for s in found.spans]


def test_self_identifying_front_lookahead_changes_no_match() -> None:
    """The self-identifying pattern's front lookahead (a word's start or a comma) is a speed-up only: the pattern
    without it finds the same stretches on the comments of a benchmark set (session 23)."""
    import evalkit.pii as pii
    front = r"(?:(?=,)|(?<!\w)(?=\w))(?:"
    pattern = pii._SELF_IDENTIFYING
    assert pattern.pattern.startswith(front) and pattern.pattern.endswith(")")
    bare = re.compile(pattern.pattern[len(front):-1], pattern.flags)
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "redact_corpus" / "second" / "comments.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is missing: the benchmark's comments are the texts compared")
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += ["I'm the teacher who reported it", "our nurse, the one with the service dog, ran it",
              "whoever ran the session", "the 2019 teacher of the year from Ohio"]
    found = [[m.span() for m in pattern.finditer(t)] for t in texts]
    assert found == [[m.span() for m in bare.finditer(t)] for t in texts]
    assert sum(map(len, found)) >= 20   # (the texts exercise the pattern)


# --- round 52 (session 23), e-mails read out on the tune halves read: a domain's first part of several words, an
# initial read out before a roster name that is the address's local part.
_R52 = Redactor.from_roster(RosterNames(first=("Hunter",), last=("Grimes",), full=("Hunter Grimes",)))


@pytest.mark.parametrize(("text", "span"), [
    ("email me at hodan dot abdi at scioto plains dot example dot org if you have the slides",
     "hodan dot abdi at scioto plains dot example dot org"),
    ("okay um email the agenda to v hunter grimes at q c p s dot example dot org and copy me",
     "v hunter grimes at q c p s dot example dot org"),
])
def test_round52_spoken_emails(text, span) -> None:
    assert _covered(_R52.redact(text), text, span, "EMAIL")


@pytest.mark.parametrize(("text", "email"), [
    ("we met at the park dot com", None),                                          # a phrase's words, no domain
    ("reach me at dlilly at greenbrook dot example dot org", "dlilly at greenbrook dot example dot org"),
    ("send it to a hunter grimes at example dot org", "hunter grimes at example dot org"),   # "a" is no initial
])
def test_round52_spoken_email_edges(text, email) -> None:
    found = [text[s.start:s.end] for s in _R52.redact(text).spans if s.label == "EMAIL"]
    assert found == ([email] if email else [])


# --- the given names of newcomer families' languages (session 23): evalkit/data/given_names_world.tsv.gz
_WORLD = Redactor.from_roster(RosterNames(first=("Dana",), last=("Reyes",), full=("Dana Reyes",)))


@pytest.mark.parametrize(("text", "span"), [
    ("In the back row Emeka drew the whole time.", "Emeka"),
    ("The packet came back from Abdihakim unfinished.", "Abdihakim"),
    ("Our reading buddies this week were Chiamaka and Abdihakim.", "Chiamaka"),
    ("Board member Renée St. Germain asked first.", "Renée St. Germain"),      # a US name's phrase rules still hold
])
def test_world_given_names_found(text, span) -> None:
    assert _covered(_WORLD.redact(text), text, span, "PERSON")


@pytest.mark.parametrize("text", [
    "Kwanzaa principles (Umoja, Ujamaa) tie right into collective responsibility.",
    "Families fasted through Rajab and Shaban before Ramadan began.",          # (second reader, session 23)
    "We read about Lenin and the revolution in world history.",
    "9:05 — Ujamaa: circle time",
])
def test_world_given_names_no_one(text) -> None:
    assert not [s for s in _WORLD.redact(text).spans if s.label == "PERSON"], text


def test_world_given_names_leave_out_words() -> None:
    """The newcomers' lists' names that are words a comment uses are never given names (second reader, session 23)."""
    from evalkit.namelists import world_given_names
    names = world_given_names()
    assert {"osiyo", "umoja", "ujamaa", "novruz", "comfort", "muslim", "lenin", "kaiser", "rajab"}.isdisjoint(names)
    assert {"emeka", "chiamaka", "abdihakim"} <= names


def test_world_given_names_rebuild_is_byte_identical(tmp_path) -> None:
    """tools/build_world_given_names.py writes the bundled file again, byte for byte (where Faker is installed)."""
    faker = pytest.importorskip("faker", reason="Faker (the bench extra) builds the list; the bundled file is read "
                                                "without it")
    if faker.VERSION != "40.63.0":
        pytest.skip(f"the list was built from Faker 40.63.0, not {faker.VERSION}")
    import importlib.util
    import evalkit.namelists as namelists
    tool = Path(__file__).resolve().parents[1] / "tools" / "build_world_given_names.py"
    spec = importlib.util.spec_from_file_location("build_world_given_names", tool)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path / "world.tsv.gz")
    bundled = Path(namelists.__file__).parent / "data" / "given_names_world.tsv.gz"
    assert (tmp_path / "world.tsv.gz").read_bytes() == bundled.read_bytes()


# --- round 53 (session 23), from the forty-fourth set's tune half (written blind, scored blind first: held-out 0.930
# at session 22's rules, 0.934 at round 52's): a courtesy title in capitals without its stop, a records system's
# "SURNAME, Given", a text's sender after its time, a rural free delivery box, a body's letters with their stops,
# presidents and a governor by their full names, no lower-case name after an article, and a name whose surname is a
# landform's word before a verb that takes a person.
_R53 = Redactor.from_roster(RosterNames(first=("Dana",), last=("Reyes",), full=("Dana Reyes",)))


@pytest.mark.parametrize(("text", "span", "label"), [
    ("THE TEAM (MRS SANTIAGO, MS GHIMIRE, MR SUBEDI) PRESENTED AT THE LEAD PHASE.", "MR SUBEDI", "PERSON"),
    ("Tier 3 review (names as in file): BIZIMANA, Gloire, grade 3; LAFLAMME, Jordan, grade 5.", "LAFLAMME, Jordan",
     "PERSON"),
    ("Tier 3 review (names as in file): BIZIMANA, Gloire, grade 3; LAFLAMME, Jordan, grade 5.", "BIZIMANA, Gloire",
     "PERSON"),
    ("12/02 8:31 AM Ray: stuck behind a plow on 295, start without me", "Ray", "PERSON"),
    ("Families at RFD 2 Box 41, East Burke, VT 05832 were called.", "RFD 2 Box 41, East Burke, VT 05832", "ADDRESS"),
    ("Minutes, M.S.A.D. #86: the board raised a concern.", "M.S.A.D. #86", "SCHOOL"),
    ("Maria Landing called the office twice.", "Maria Landing", "PERSON"),
])
def test_round53_found(text, span, label) -> None:
    assert _covered(_R53.redact(text), text, span, label)


@pytest.mark.parametrize("text", [
    "Millard Fillmore, Martin Van Buren, and Rutherford B. Hayes all got a slide.",   # presidents by full name
    "The dal was excellent and the rice too.",                                  # a dish after an article
    "MS MATH TEAM MET AFTER LUNCH.",                                            # a middle school's subject
    "Notes: MTSS, Tier 2, reviewed",                                            # an acronym before a comma
    "Meeting at 9:00 AM Agenda: review the data",                               # a field's label after a time
])
def test_round53_no_one(text) -> None:
    assert not [s for s in _R53.redact(text).spans if s.label == "PERSON"], text


# --- links typed or read out of shape (session 23, probes written without a corpus text): a scheme typed wrong, a
# dot fenced, blanks around a link's dots, a link read out with its path.
@pytest.mark.parametrize(("text", "span"), [
    ("slides at https//example.org/cadre today", "https//example.org/cadre"),
    ("slides at http:/example.org/cadre today", "http:/example.org/cadre"),
    ("the file is at ftp://example.org/file.zip", "ftp://example.org/file.zip"),
    ("link example[.]org/cadre-slides (defanged)", "example[.]org/cadre-slides"),
    ("survey: bit . ly/abc123 before Friday", "bit . ly/abc123"),
    ("our page is www .example. org for now", "www .example. org"),
    ("okay the link is tinyurl dot com slash cadre two", "tinyurl dot com slash cadre"),
])
def test_links_out_of_shape(text, span) -> None:
    assert _covered(_NOBODY.redact(text), text, span, "URL")


@pytest.mark.parametrize("text", [
    "It was fun. ok/no on the second day?", "scores 12 . 5/10 at the start", "Grades K . 5/6 only",
    "We met at the school. Com was the word of the day.", "email jdoe at example dot org",
])
def test_links_out_of_shape_no_link(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label == "URL"], text


# --- round 54 (session 23), from the forty-fifth set's tune half (written blind, scored blind first: held-out 0.959
# at session 22's rules and at round 53's): the second word of a town's two-word name, a business's number run
# together, "Bro." as a title, a towel's cloth, Cherokee's hello and thanks.
@pytest.mark.parametrize("text", [
    "San Bernardino has the highest rate of families doubled up.",
    "Santa Ana winds knocked out power at three sites.",
    "Purchase order 4500087321 covers the substitute days.",
    "Invoice #4500087321 was paid in March.",
    "Terry cloth towels for the nurse's office, please.",
    "Osiyo. Wado to the language teachers.",
])
def test_round54_no_one(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label in ("PERSON", "PHONE")], text


@pytest.mark.parametrize(("text", "span", "label"), [
    ("Bro. Gabriel Okoye from St. Benilde spoke about the retreat.", "Bro. Gabriel Okoye", "PERSON"),
    ("Terry called about the towels.", "Terry", "PERSON"),                        # the name alone is someone
    ("student ID 8085550123 was entered twice", "8085550123", "PHONE"),           # a student's number stays redacted
    ("call 8085550123 after six", "8085550123", "PHONE"),
])
def test_round54_found(text, span, label) -> None:
    assert _covered(_NOBODY.redact(text), text, span, label)


def test_round54_town_name_with_a_roster_given_name() -> None:
    """A roster's given name as the second word of a town's name is the town's: "Santa Ana winds" (Ana on the
    roster), while Ana alone is still hers."""
    red = Redactor.from_roster(RosterNames(first=("Ana",), last=("Lopes",), full=("Ana Lopes",)))
    assert not [s for s in red.redact("Santa Ana winds knocked out power at three sites.").spans]
    assert _covered(red.redact("Ana brought the binders."), "Ana brought the binders.", "Ana", "PERSON")


# --- the second reader's findings on rounds 50-54 (session 23), each run against the rules before the fix
_READER23 = Redactor.from_roster(RosterNames(first=("Dana",), last=("Reyes",), full=("Dana Reyes",)))


@pytest.mark.parametrize(("text", "span"), [
    ("so glad that marisol has a mentor now", "marisol"),                     # "that" is no article
    ("mom said that ximena will be late tomorrow", "ximena"),
    ("Parent Louis Armstrong called twice.", "Louis Armstrong"),               # a neighbour's name, no public one
    ("Joshua Chamberlain, our custodian, fixed the heater.", "Joshua Chamberlain"),
    ("Thanks to Franklin Pierce for running the PLC.", "Franklin Pierce"),
    ("Thanks to Duke Ellington for the ride.", "Duke Ellington"),
    ("I work at W.C. Handy Elementary in Florence.", "W.C."),                  # a public name a school's kind follows
    ("The B.B. King Academy kids sang.", "B.B."),
    ("My student La Verne asked for help.", "Verne"),                          # an article that is a particle
])
def test_reader23_people_stay(text, span) -> None:
    assert _covered(_READER23.redact(text), text, span)


@pytest.mark.parametrize("text", [
    "the kids practiced at khan academy dot org every night",                 # a website's words, no address
    "sign up at parent square dot com by friday",
    "i talked to the kids . he/she pronouns came up",                         # a pair of words, no link
    "we will use the rubric . and/or the checklist",
    "he said it dot com slash nothing",
    "Tools: IXL, Lexia, Zearn",                                               # products and letters, no names
    "(FERPA, Edgenuity)",
    "Vendors: PEARSON, Savvas",
    "MS TESOL CERT IS REQUIRED.",                                             # a club's or a credential's letters
    "MS JROTC PARADE",
    "DR HORTON HOMES SPONSORED THE 5K.",                                      # a company
    "I read it in the Irish Independent — page 4.",                           # a newspaper
])
def test_reader23_no_one(text) -> None:
    assert not [s for s in _READER23.redact(text).spans], text


# --- round 55 (session 23), from the forty-sixth set's tune half (written blind, scored blind first: held-out 0.946
# at session 22's rules and at round 54's): an e-mail ends at its sentence's stop, two letters before a name at a
# sentence's start, an apartment complex between a unit and its street, "&" initials of a regional body, courtesy and
# council titles in capitals, a run of surnames some of which are everyday words or towns.
_R55 = Redactor.from_roster(RosterNames(first=("Dana", "Jean-Paul"), last=("Reyes", "Mukendi"),
                                        full=("Dana Reyes", "Jean-Paul Mukendi"), places=("Ridge & Valley RESA",)))


@pytest.mark.parametrize(("text", "span", "label"), [
    ("List sent to outreach@bwcs.example.net. Mrs. Gulalai Hotak said calls come at prayer time.",
     "Mrs. Gulalai Hotak", "PERSON"),
    ("write JCAJU @ LAKEFRONTPS . EXAMPLE . ORG today", "JCAJU @ LAKEFRONTPS . EXAMPLE . ORG", "EMAIL"),
    ("Good catch. JP Mukendi raised that the Congolese students were missing.", "JP Mukendi", "PERSON"),
    ("Decision for the family (Bldg 7, Apt 12, Willow Creek Apts, 1201 S Hwy 41, Dalton, GA 30720): not referred.",
     "Bldg 7, Apt 12, Willow Creek Apts, 1201 S Hwy 41, Dalton, GA 30720", "ADDRESS"),
    ("Coaching provided through R&V RESA at two visits a month.", "R&V RESA", "SCHOOL"),
    ("[00:41:15] COUNCILWOMAN KIRKSEY: before we start, a question", "COUNCILWOMAN KIRKSEY", "PERSON"),
    # (every surname of the run but the towns' names, "Haralson", "Vandiver", which a later filter of towns takes back:
    # a known gap)
    *[("Cohort 2: Haralson, Vandiver, Lovelady, Stubblefield, Sides, Hollingsworth, Battle, Pugh.", name, "PERSON")
      for name in ("Lovelady", "Stubblefield", "Sides", "Hollingsworth", "Battle", "Pugh")],
])
def test_round55_found(text, span, label) -> None:
    assert _covered(_R55.redact(text), text, span, label)


@pytest.mark.parametrize("text", [
    "Teams: Eagles, Hawks, King",                                              # everyday words alone: no run
    "PASTOR SAID NO TO THE GYM.",                                              # a role before a word
])
def test_round55_no_one(text) -> None:
    assert not [s for s in _R55.redact(text).spans if s.label == "PERSON"], text


def test_round55_letters_that_are_a_word_stay_out() -> None:
    text = "Good catch. OK Reyes agreed."                                      # (second reader, session 23)
    assert [text[s.start:s.end] for s in _R55.redact(text).spans if s.label == "PERSON"] == ["Reyes"]


def test_round55_email_stops_at_its_sentence() -> None:
    text = "Send it to jdoe@example.org. Thanks for the help."
    assert [text[s.start:s.end] for s in _R55.redact(text).spans] == ["jdoe@example.org"]


# --- round 56 (session 23): a field that holds one person, after an action step's owner or a point person, whatever
# word the name is ("Owner: Faith. Due Friday."); never a field's placeholder or a note.
@pytest.mark.parametrize(("text", "span"), [
    ("Owner: Faith. Due Friday.", "Faith"),
    ("Point person: Niecy", "Niecy"),
    ("Coach: Hope", "Hope"),
])
def test_round56_person_fields(text, span) -> None:
    assert _covered(_NOBODY.redact(text), text, span, "PERSON")


@pytest.mark.parametrize("text", ["Owner: TBD", "Notes: Will follow up", "Owner: May", "Owner: District office"])
def test_round56_person_fields_no_one(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label == "PERSON"], text


# --- round 57 (session 23), from the review comments missed on every tune half read: a parent or a post picked out by
# a who-clause, an ex-holder, a board chair's relative, an interim or acting holder at a named place, a place of up to six
# words after a role.
@pytest.mark.parametrize("text", [
    "The parent who filed the OCR complaint about the ramp is now being ignored at PTA meetings.",
    "The bus mechanic who filed the grievance last spring is still left off the safety emails.",
    "The network rep from Fremont County School District 44 who only comes to the first meeting signs in and leaves.",
    "The ex-superintendent who now sits on the board keeps coming to the leadership meetings.",
    "Our board chair's daughter was placed in the gifted program without the assessment.",
    "The interim principal at Crooked River Elementary was a breath of fresh air.",
    "The Gujarati-speaking paraprofessional at Ida B. Wells Middle School deserves to be in the pipeline.",
])
def test_round57_sent_for_review(text) -> None:
    assert _NOBODY.redact(text).needs_review, text


@pytest.mark.parametrize("text", [
    "Interim assessments are due Friday.",                                    # "interim" with no role after it
    "The chair's report was long.",                                           # a chair's report, no relative
    "Parents who attend get a certificate.",                                  # a plural, anyone of them
])
def test_round57_not_sent(text) -> None:
    assert not _NOBODY.redact(text).needs_review, text


# --- round 58 (session 23): one of a kind, or the last one left ("our one ... paraprofessional", "the only one who
# speaks Shoshone", "the last remaining first-language speaker"), one by where they are based, and a post and who they
# were ("our PE teacher, the former ... practice squad player").
@pytest.mark.parametrize("text", [
    "One staff member at Sage Creek (the only one who speaks Shoshone fluently) translates the handbook.",
    "Our one Haitian Creole paraprofessional translates at every IEP meeting.",
    "The one Dari interpreter the district contracts with lives two hours away.",
    "The last remaining first-language speaker on staff is 78 and still teaching.",
    "The state liaison for our grant, the one based in Salem, has never visited.",
    "The newest board member, the retired Air Force colonel, wants metal detectors.",
    "Our PE teacher, the former Vikings practice squad player, has 42 students at once.",
])
def test_round58_sent_for_review(text) -> None:
    assert _NOBODY.redact(text).needs_review, text


@pytest.mark.parametrize("text", ["Our one goal this year is attendance.", "We have the one copy of the book."])
def test_round58_not_sent(text) -> None:
    assert not _NOBODY.redact(text).needs_review, text


# --- round 59 (session 23): in Spanish, one who is someone's kin or holds a post ("el director que es hermano del
# alcalde", "el papá que es mecánico ... y preside el comité"), a role with an adjective of language before its place.
@pytest.mark.parametrize("text", [
    "El director que es hermano del alcalde siempre consigue las visitas primero.",
    "El papá que es mecánico en la planta y preside el comité de padres quiere participar.",
    "El coordinador bilingüe de Lisbon Avenue que también maneja el fútbol es el que las familias conocen.",
])
def test_round59_spanish_sent_for_review(text) -> None:
    assert _NOBODY.redact(text).needs_review, text


@pytest.mark.parametrize("text", [
    "El director que es responsable debe firmar el formulario.",              # anyone who holds the role
    "El maestro que quiera participar puede inscribirse.",
])
def test_round59_spanish_not_sent(text) -> None:
    assert not _NOBODY.redact(text).needs_review, text


# --- round 60 (session 23): a body's only one of a kind, one of a kind a place has ("there is one ... at ..."), a
# newcomer picked out by a clause, a relative named after the relation ("the ex-wife of our assistant principal"), one
# marked out by what they carry ("the one with the red binder").
@pytest.mark.parametrize("text", [
    "The list showed that the network's only Somali district leader had zero points.",
    "There is one Dari-speaking second grader at Armory Street. His family will know.",
    "At Ridgeview Academy we only have one student in the welding pathway who is a girl.",
    "The cycle targets the Ukrainian newcomer in 2nd grade who doesn't speak.",
    "The team included a parent volunteer who is the ex-wife of our assistant principal.",
    "The coach the state assigned to us, the one with the red binder, cancelled four sessions.",
])
def test_round60_sent_for_review(text) -> None:
    assert _NOBODY.redact(text).needs_review, text


@pytest.mark.parametrize("text", [
    "There is one thing I would change about the schedule.",
    "There is one teacher of record per course.",
    "We only have one copy of the rubric.",
])
def test_round60_not_sent(text) -> None:
    assert not _NOBODY.redact(text).needs_review, text


# --- the second reader's findings on rounds 55-59 (session 23), each fixed with a test that fails before the fix
@pytest.mark.parametrize(("text", "span"), [
    ("write to jdoe @ Lakeview . Example . org", "jdoe @ Lakeview . Example . org"),    # a spaced stop, any case
    ("email dana.reyes @ Mail . LomaAltaSD . org for the packet", "dana.reyes @ Mail . LomaAltaSD . org"),
    ("correo: maria.lopez @ Escuela . Mx", "maria.lopez @ Escuela . Mx"),
    ("Send it to jdoe@lakeview dot Hogback dot org", "jdoe@lakeview dot Hogback dot org"),  # a written "dot"
])
def test_reader23b_spaced_emails_whole(text, span) -> None:
    assert _covered(_NOBODY.redact(text), text, span, "EMAIL")


@pytest.mark.parametrize(("text", "span"), [
    ("Coach: Ed", "Ed"), ("Mentor: Ed", "Ed"), ("Name: Mo", "Mo"), ("Coach: Mi", "Mi"),   # short names, no placeholders
    ("Point person: Faith", "Faith"), ("Assigned to: Faith", "Faith"),                   # labels of two words
])
def test_reader23b_short_names_after_labels(text, span) -> None:
    assert _covered(_NOBODY.redact(text), text, span, "PERSON")


@pytest.mark.parametrize("text", [
    "The last remaining sessions were cancelled because of snow.",            # things left, no one
    "I'm not the only one who thinks the modules were too long.",              # the writer's feeling
    "The acting principal in January is always overwhelmed.",                 # a month, no place
    pytest.param("Every school should have one person, the one based in the district office, to call.",
                 marks=_REVIEW_OVER),
    "Our one request for the parent liaison role is more hours.",
    pytest.param("El maestro que es hijo de inmigrantes entiende mejor a los alumnos.", marks=_REVIEW_OVER),
])
def test_reader23b_generic_sentences_not_sent(text) -> None:
    assert not _NOBODY.redact(text).needs_review, text


# --- round 62 (session 24), from the fortyseventh and fortyeighth sets' tune halves (written blind, scored blind at
# sessions 23's rules; held-out halves unread): a school's short form said as a place, a venue, a path or a road ------
_R62 = Redactor.from_roster(RosterNames(
    first=("Megan",), last=("Stroud",), full=("Megan Stroud",),
    places=("Osage Road Elementary", "Kettle Creek Elementary", "Mirror Rock High School", "Cottonwood Canal Elementary",
            "Harborview City School District", "Quail Ranch Middle School")))


@pytest.mark.parametrize("text", [
    "We meet at the Grange hall on Osage Road because it is halfway for everyone.",   # a road a hall is on
    "Kettle Creek and the East Fork were muddy after the rain.",                      # a creek and another
    "The Mirror Rock sunrise hike before day 2 was great.",                           # a rock at sunrise
    "The Cottonwood Canal path is how a lot of families walk to town.",               # a path
    "The meeting was in the ballroom next to the Harborview Convention Center.",      # a venue named after the place
    "Loved the showcase at the Quail Ranch convention hotel.",
])
def test_round62_short_forms_said_as_places(text) -> None:
    assert not [s for s in _R62.redact(text).spans if s.label == "SCHOOL"], text


@pytest.mark.parametrize(("text", "span"), [
    ("I teach on Osage Road now.", "Osage Road"),                      # no building on the road: the school
    ("Megan from Osage Road said yes.", "Osage Road"),
    ("The team on Osage Road's PLC met twice.", "Osage Road"),          # the school's PLC
    ("Kettle Creek and Mirror Rock sent teams.", "Kettle Creek"),       # schools doing what schools do
    ("The Harborview convention of principals was useful.", "Harborview"),
])
def test_round62_short_forms_that_stay_schools(text, span) -> None:
    assert _covered(_R62.redact(text), text, span, "SCHOOL")


# --- round 63 (session 24): a mayor's and a pandit's title, a student rep named after the word, a quote's author by the
# grade or the role after the name ------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "span"), [
    ("The welcome was given by Mayor Lisbeth Ocampo of the city.", "Mayor Lisbeth Ocampo"),      # the title with it
    ("The blessing came from Pandit Krishna Bhandari at the temple.", "Pandit Krishna Bhandari"),
    ("Our student rep, Yohannes, agreed with the plan.", "Yohannes"),                          # a rep in apposition
    ('"She says my name right." — Sagalle, 11th', "Sagalle"),                                  # a quote's author
    ('"It helped." — Sagalle, 4th grade', "Sagalle"),
    ('"It helped." — Sagalle, parent', "Sagalle"),
])
def test_round63_found(text, span) -> None:
    assert _covered(_NOBODY.redact(text), text, span, "PERSON")


@pytest.mark.parametrize("text", [
    "The mayor came to the welcome dinner.",                  # a mayor, no name
    '"It helped." — Anonymous, 11th grade',                   # no one's name
    '"It helped." — Somali, 11th grade',                      # a language, not an author
    "The union rep said the contract allows it.",
])
def test_round63_no_one(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label == "PERSON"], text


# --- round 64 (session 24): families by a surname in lower case or a double surname, a unit of a half house, a high
# school district's letters, a district's letters in lower case ------------------------------------------------------
_R64 = Redactor.from_roster(RosterNames(
    first=("Dolores",), last=("Trevino",), full=("Dolores Trevino",),
    places=("Cedar Forks Independent School District", "Harbor Glen Elementary School")))


@pytest.mark.parametrize(("text", "span", "label"), [
    ("Next we test with the tesfamariam and habtu families.", "tesfamariam", "PERSON"),   # lower case, two families
    ("Next we test with the tesfamariam and habtu families.", "habtu", "PERSON"),
    ("We visited the gebremeskel family on Tuesday.", "gebremeskel", "PERSON"),
    ("Home visit: Villaseñor-Quintero family, 12 Elm St.", "Villaseñor-Quintero", "PERSON"),   # a double surname
    ("Resource room at 411 W. 8th St, 1/2, Erie, PA 16501, open Mondays.",
     "411 W. 8th St, 1/2, Erie, PA 16501", "ADDRESS"),                                       # a half house's unit
    ("I am the new director for Palomar Ridge Union HSD this fall.", "Palomar Ridge Union HSD", "SCHOOL"),
    ("Dolores presented the cfisd equity dashboard at meeting 3.", "cfisd", "SCHOOL"),         # a district's letters
])
def test_round64_found(text, span, label) -> None:
    assert _covered(_R64.redact(text), text, span, label)


@pytest.mark.parametrize("text", [
    "We met with the karen and somali families after school.",     # peoples, not surnames
    "The host families were wonderful.",
    "At 12 Oak St, 1/2 of the families walk to school.",           # a half, not a unit
])
def test_round64_no_one(text) -> None:
    spans = _R64.redact(text).spans
    assert not [s for s in spans if s.label == "PERSON"], text
    assert all("1/2" not in text[s.start:s.end] for s in spans), text


# --- round 65 (session 24): a list's rows that begin alike hold a person in the same place; an initial after "by" -----
@pytest.mark.parametrize(("text", "span"), [
    ("MISSING EVALS\nLUND, KAREN – emailed 6/2\nQUISPEHUAMAN, ROSSMERY – completed 6/10\nPARK, DANIEL – emailed",
     "QUISPEHUAMAN, ROSSMERY"),                                                 # a row like the rows found
    ("Nominees:\n1. DOLORES TREVINO — AP, CEDAR MS\n2. OLUWASEUN ADEYEMI — DEAN, ELM HS\n3. TEODORA BALAN-KOVAC — AP",
     "TEODORA BALAN-KOVAC"),                                                    # (the roster's person found first)
    ("Nominees:\n1. DOLORES TREVINO — AP, CEDAR MS\n2. OLUWASEUN ADEYEMI — DEAN, ELM HS\n3. TEODORA BALAN-KOVAC — AP",
     "OLUWASEUN ADEYEMI"),
    ("Approved by W. TREVINO 4/30", "W. TREVINO"),                               # an initial after "by"
    ("cc R. Ortiz", "R. Ortiz"),                                                 # (a guard: found before)
])
def test_round65_found(text, span) -> None:
    assert _covered(_R64.redact(text), text, span, "PERSON")


@pytest.mark.parametrize(("text", "word"), [
    ("PD POINTS – MISSING EVAL\nLUND, KAREN – emailed 6/2\nPARK, DANIEL – emailed", "POINTS"),   # a heading's words
    ("Interpreters:\nMam — Efrain Perez Bamaca\nSomali — Ifrah Guled\nKaren — Eh Kaw Htoo", "Mam"),   # languages
    ("Interpreters:\nMam — Efrain Perez Bamaca\nSomali — Ifrah Guled\nKaren — Eh Kaw Htoo", "Somali"),
    ("Schedule:\n1. DOLORES TREVINO — AP\n2. LUNCH BREAK — cafeteria\n3. DATA REVIEW — library", "LUNCH"),
    ("We went with Plan B. Okoro agreed.", "B."),                                # a plan's letter, no initial
])
def test_round65_no_one(text, word) -> None:
    i = text.index(word)
    assert not [s for s in _R64.redact(text).spans if s.label == "PERSON" and s.start <= i < s.end], text


# --- round 66 (session 24): a given name's letters before a surname after a comma, and again alone; the first word of a
# full name found, of no list, again alone ---------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "span"), [
    ("Individual coaching, JB Trevino, 45 min. JB is weighing the dean opening.", "JB Trevino"),
    ("Individual coaching, JB Trevino, 45 min. JB is weighing the dean opening.", "JB"),            # the letters again
    ("Volunteers: Devi Rai, Tumaini Bahati, Abu Saleh. Pickup for Tumaini is at noon.", "Tumaini"),  # the name again
])
def test_round66_found_again(text, span) -> None:
    i = text.rindex(span) if span in ("JB", "Tumaini") else text.index(span)
    assert any(s.label == "PERSON" and s.start <= i and i + len(span) <= s.end for s in _R64.redact(text).spans)


@pytest.mark.parametrize(("text", "word"), [
    ("Notes, AP Trevino, 45 min. AP will share the data.", "AP will"),          # a role's letters, no name
    ("Ms. Trevino and the PE staff met. PE is short a teacher.", "PE is"),
])
def test_round66_letters_that_are_no_name(text, word) -> None:
    i = text.index(word)
    assert not [s for s in _R64.redact(text).spans if s.label == "PERSON" and s.start <= i < s.end], text


# --- round 67 (session 24): a holiday's greeting, a course by its number (a dam's word was tried and left out: "Kevin Van
# Dam", second reader) ------------------------------
@pytest.mark.parametrize("text", [
    "Merry Christmas and happy new year to the whole team!",        # a greeting, no one
    "Hoover Dam was the field trip everyone remembers.",             # (a guard: no one before)
    "We took Mindy Writing 101 last fall.",                           # a course by its number
    "Take Parker Reading 102 in June.",
])
def test_round67_no_one(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label == "PERSON"], text


@pytest.mark.parametrize(("text", "span"), [
    ("Merry Okafor presented the data.", "Merry Okafor"),            # a given name before a surname stays
    ("Christmas Dlamini led the walk.", "Christmas Dlamini"),
])
def test_round67_names_stay(text, span) -> None:
    assert _covered(_NOBODY.redact(text), text, span, "PERSON")


# --- round 68 (session 24): the review queue: an elder by "gentleman", a post's holder by long tenure, "the one from the
# ... side", the mentor one was paired with; never a thing, a place or a stretch of time "the only" or "the first" names
@pytest.mark.parametrize("text", [
    "The interpreter for the panel (the older gentleman who came from the temple) was excellent.",
    "Our head custodian has been here 31 years and knows every family in town.",
    "Our custodian has been at Lincoln for 31 years.",
    "The facilitator's co-lead, the one from the Idaho side, let the loudest people dominate.",
    "The mentor principal I was paired with retired in December.",
    "We are the only Title I school in our feeder pattern.",           # the writer's school, singled out
    "I work at the only high school in the county.",
])
def test_round68_sent(text) -> None:
    assert _NOBODY.redact(text).needs_review, text


@pytest.mark.parametrize("text", [
    "Walmart and Dollar General are the only places open after 7 pm in our town.",
    "It turned out to be the only hour in my week where someone asked what I think.",
    "The data said it was the first 20 minutes of the day.",
    "Lau v. Nichols was the first slide in the compliance training.",
    "The data has been at the center of our work for 20 years.",
    "Our principal has been here 3 years.",
    "I was paired with a great mentor.",
])
def test_round68_not_sent(text) -> None:
    assert not _NOBODY.redact(text).needs_review, text


# --- round 69 (session 24): OCR slips at a name's edge ("Xitumu1", "Hrytsenk0", "0ksana") and an l read for a capital I
# at a name's start ("lmran", "lvy") ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "span"), [
    ("Visit notes (OCR from the paper form): host principal Hector Xicay0 met us.", "Hector Xicay0"),
    ("Attendees (scanned): 0ksana Hrytsenk0 and Ms. Reyes.", "0ksana Hrytsenk0"),
    ("Yuliia Bondarenk0 signed in at 8:05.", "Yuliia Bondarenk0"),
    ("lmran said he would raise it with the board.", "lmran"),
    ("Thanks to lvy Simmons for the snacks.", "lvy Simmons"),
])
def test_round69_ocr_edges(text, span) -> None:
    assert _covered(_NOBODY.redact(text), text, span, "PERSON")


@pytest.mark.parametrize("text", [
    "Tier1 and Room1 students met in Grade0 space.",        # codes after a word stay codes
    "The vendor ltd shipped 40 lbs of books.",               # no name an l could start (a guard)
    "Thanks to Gimkit1 and Quizizz1 for the review games!",  # an app's version, no name (second reader)
    "Period1 and COVID19 notes are in Unit0.",
])
def test_round69_codes_stay(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label == "PERSON"], text


# --- round 70 (session 24), from the fiftieth set's tune half (written blind, scored blind at the session's start rules
# and at round 69; its held-out half unread): a school's short form without its grade band or its number, an early
# childhood center's ---------------------------------------------------------------------------
_R70 = Redactor.from_roster(RosterNames(
    places=("Kessler Ridge K-5", "Tamarack Hill 6-12", "School 7 Quarry Commons", "Lundy Pond Early Childhood Center 54",
            "P.S. 112 Ellery Park")))


@pytest.mark.parametrize(("text", "span"), [
    ("Inquiry cycle, Kessler Ridge, step 7: attendance rose.", "Kessler Ridge"),     # without "K-5"
    ("Gerald shared the Tamarack Hill step 3 fishbone.", "Tamarack Hill"),           # without "6-12"
    ("The ENL students at Quarry Commons are in 11 classrooms.", "Quarry Commons"),  # without "School 7"
    ("Teachers from Lundy Pond came to the session.", "Lundy Pond"),                 # without its kind and number
])
def test_round70_short_forms(text, span) -> None:
    assert _covered(_R70.redact(text), text, span, "SCHOOL")


@pytest.mark.parametrize("text", [
    "P.S. 45 minutes is not enough for the data protocol.",                              # a postscript, no school
    "She missed school 7 days in March.",                                                # a count, no school
])
def test_round70_no_school(text) -> None:
    assert not [s for s in _R70.redact(text).spans if s.label == "SCHOOL"], text


# --- round 71 (session 24), from the fiftieth set's tune half: a body's kind alone, a people's name of two words, a
# holiday after a word of time, water that runs behind a place, a saint by his town ---------------------------------
_R71 = Redactor.from_roster(RosterNames(places=("EL BOCES", "Tamarack Creek Elementary")))


@pytest.mark.parametrize("text", [
    "The BOCES sessions should alternate locations.",                  # the kind alone, not "EL BOCES"
    "Our Puerto Rican families were proud to show the map.",           # a people
    "Never schedule the cadre event the Monday after Easter again.",   # a holiday
    "Tamarack Creek runs right behind the housing complex.",           # the creek
    "Saint Francis of Assisi's feast day was the theme.",              # the saint
])
def test_round71_no_one(text) -> None:
    assert not [s for s in _R71.redact(text).spans if s.label in ("PERSON", "SCHOOL")], text


@pytest.mark.parametrize(("text", "span", "label"), [
    ("The EL BOCES data team fixed it.", "EL BOCES", "SCHOOL"),                  # the body by its name
    ("Tamarack Creek runs a great PLC.", "Tamarack Creek", "SCHOOL"),           # the school doing a school's work
    ("I sat with Easter Jones and Easter said yes.", "Easter Jones", "PERSON"),   # a person named Easter
    ("Saint Francis of Assisi School hosted the visit.", "Saint Francis of Assisi School", "SCHOOL"),
])
def test_round71_stay(text, span, label) -> None:
    assert _covered(_R71.redact(text), text, span, label)


# --- round 72 (session 24), from the fiftieth set's tune half: a child absent, as a school's call says it; the review
# queue: an interim holder by what they say, a faith's teacher, a teacher by the Spanish word ---------------------------
def test_round72_absent_child() -> None:
    text = "Hi this is Ms. Okafor from the school. Ruvimbo was absent today. Please call me back."
    assert _covered(_NOBODY.redact(text), text, "Ruvimbo", "PERSON")


@pytest.mark.parametrize("text", ["Attendance was absent from the agenda.", "Tier 2 was suspended for spring."])
def test_round72_absent_things(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label == "PERSON"], text


@pytest.mark.parametrize("text", [
    "The interim superintendent keeps telling the network she isn't here to make changes.",
    "The sheikh who leads Friday prayers near the school agreed to announce the survey.",
    "The maestra de kínder who has been teaching for 28 years told the team no.",
])
def test_round72_sent(text) -> None:
    assert _NOBODY.redact(text).needs_review, text


@pytest.mark.parametrize("text", [
    "The interim superintendent role should be posted in March.",
    "The interim principal has to be approved by the board in every district.",   # what the post is (second reader)
    "The acting principal has no authority to hire.",
])
def test_round72_not_sent(text) -> None:
    assert not _NOBODY.redact(text).needs_review, text


# --- round 73 (session 24): a school's short form of two words or more in lower case, a rare word among them, anywhere
# (from the lower-case misses of every tune half read) ------------------------------------------------------------------
_R73 = Redactor.from_roster(RosterNames(
    places=("Kessington Square Elementary School", "Tallow Creek Middle School", "Oak Park Elementary",
            "High Point Academy", "Pine Ridge Middle School")))


@pytest.mark.parametrize(("text", "span"), [
    ("equity review - kessington square - interviewed two parents", "kessington square"),
    ("i think the tallow creek team will pilot the form", "tallow creek"),
])
def test_round73_lower_short_forms(text, span) -> None:
    assert _covered(_R73.redact(text), text, span, "SCHOOL")


@pytest.mark.parametrize("text", [
    "we walked to the oak park area after lunch",          # everyday words only
    "the high point of the day was the panel",
    "a pine ridge runs behind town",
])
def test_round73_everyday_phrases_stay(text) -> None:
    assert not [s for s in _R73.redact(text).spans if s.label == "SCHOOL"], text


def test_round73_district_letters_in_lower_case() -> None:
    # (a district's letters that end in its kind's, in lower case, anywhere: "all ktbsd"; the roster's own letters only)
    red = Redactor.from_roster(RosterNames(places=("Kettle Top Borough School District", "Bayside County Public Schools")))
    text = "tier 3 list: four names, all ktbsd. please confirm spelling"
    assert _covered(red.redact(text), text, "ktbsd", "SCHOOL")
    text = "we pulled the bcps data last week"
    assert _covered(red.redact(text), text, "bcps", "SCHOOL")


@pytest.mark.parametrize(("text", "span"), [
    ("ok so norma agrees with the plan", "norma"),              # round 74: more deeds that take a person
    ("bernie chose a math fluency routine", "bernie"),
    ("jody planned the whole night", "jody"),
])
def test_round74_lower_case_names_by_deed(text, span) -> None:
    assert _covered(_NOBODY.redact(text), text, span, "PERSON")


@pytest.mark.parametrize("text", ["summer planned events were fun", "the grant covered the costs", "hope agrees with data"])
def test_round74_words_stay(text) -> None:
    assert not [s for s in _NOBODY.redact(text).spans if s.label == "PERSON"], text


# --- round 75 (session 24), review queue: a role at a place named, whatever is said of them; a role by its years ------
@pytest.mark.parametrize("text", [
    "The dean of students at Tideline Academy is the reason half of us are thinking about leaving.",
    "The Marshallese liaison at Haikey Creek is the only reason those families trust us.",
    'The report quotes "a veteran teacher of 30 years in the math department." We have one.',
])
def test_round75_sent(text) -> None:
    assert _NOBODY.redact(text).needs_review, text


@pytest.mark.parametrize("text", [
    "The principal at the school is responsible for the schedule.",     # no place named
    "We need 30 years of data before we say that.",
    "She is a teacher of 5 years and loves it.",
])
def test_round75_not_sent(text) -> None:
    assert not _NOBODY.redact(text).needs_review, text


# --- round 76 (session 24): the newcomers' given names of nine more of Faker's lists (Zulu, Indonesian, German,
# Romanian, Slovak, Czech, Slovenian, Italian, Irish); a Tagalog greeting's time of day is no one ---------------------
@pytest.mark.parametrize(("text", "span"), [
    ("Three newcomers, Ozan, Zehra and Abdulla, joined in March.", "Ozan"),
    ("The packet came back from Jabulani unfinished.", "Jabulani"),
])
def test_round76_world_names(text, span) -> None:
    assert _covered(_WORLD.redact(text), text, span, "PERSON")


def test_round76_tagalog_greeting() -> None:
    # (a guard: "Gabi" became a given name with the German and Italian lists, never in a greeting)
    assert not [s for s in _WORLD.redact("Magandang gabi po to all the families!").spans if s.label == "PERSON"]


def test_round77_initials_of_a_short_name_with_small_words() -> None:
    # (round 77: the short name's initials counted without its small words: "OLV" for "Our Lady of the Valley
    # Catholic School", as the tune halves of two sets wrote it)
    red = Redactor.from_roster(RosterNames(places=("Our Lady of the Lakes Catholic School",)))
    text = "Sister Agnes asked whether OLL teachers can join tier 1 next year."
    assert _covered(red.redact(text), text, "OLL", "SCHOOL")


_R78 = Redactor.from_roster(RosterNames(first=("Tam",), last=("Nguyen",), full=("Tam Nguyen",)))


@pytest.mark.parametrize(("text", "span"), [
    ("Initials on the log: KW / T.N.", "KW"),       # round 78: initials beside a roster person's, with stops, by a slash
    ("Signed: R.B. and JT", "R.B."),                # (a guard: found before)
])
def test_round78_initials_beside_initials(text, span) -> None:
    assert _covered(_R78.redact(text), text, span, "PERSON")


def test_round78_program_letters_stay() -> None:
    text = "Subjects: ELA / PE / T.N. signed"
    assert not [s for s in _R78.redact(text).spans if text[s.start:s.end] in ("ELA", "PE")]


@pytest.mark.parametrize(("text", "span"), [
    ("Site visit notes, Quayside — cadre day 5.", "Quayside"),                       # round 79: without "International"
    ("The Quayside International team presented.", "Quayside International"),      # and with it (a guard)
    ('"Kowalczyk, Grant","PS 12 Quayside","coach"', "PS 12 Quayside"),               # its number before its name
])
def test_round79_international_school_short_forms(text, span) -> None:
    red = Redactor.from_roster(RosterNames(places=("PS 12 Quayside International School",)))
    assert _covered(red.redact(text), text, span, "SCHOOL")


# --- the second reader's findings on rounds 62-79 (session 24), each fixed with a test that fails before the fix ------
_READER24 = Redactor.from_roster(RosterNames(
    first=("Dana", "Tam"), last=("Reyes", "Easter", "Nguyen"), full=("Dana Reyes", "Dana Easter", "Tam Nguyen"),
    places=("Kettle Creek Elementary", "Tamarack Creek Elementary", "Osage Road Elementary",
            "Sandhill Crane Elementary")))


@pytest.mark.parametrize(("text", "span", "label"), [
    ("I went over to Kettle Creek to observe the 4th grade PLC.", "Kettle Creek", "SCHOOL"),   # a visit, no leisure
    ("I drove out to Kettle Creek for the walkthrough.", "Kettle Creek", "SCHOOL"),
    ("Kettle Creek ran through the whole protocol in an hour.", "Kettle Creek", "SCHOOL"),
    ("Kettle Creek and the other schools were calm about it.", "Kettle Creek", "SCHOOL"),
    ("Our PLC meeting on Osage Road was cancelled.", "Osage Road", "SCHOOL"),                # a school's own meeting
    ("I met the principal at her building on Osage Road.", "Osage Road", "SCHOOL"),
    ("Please mail the form to Maria Lopez 204 Main St.", "Maria Lopez", "PERSON"),          # a name before a number
    ("Pick up from Sarah King 105 and Tom Hill 106.", "Sarah King", "PERSON"),
    ("Since Easter took over the PLC, things improved.", "Easter", "PERSON"),              # a roster surname
    ("We have waited on Noel Christmas since last week.", "Noel Christmas", "PERSON"),      # a holiday as a surname
    ("I teach at St. Joan of Arc.", "St. Joan", "SCHOOL"),                                 # a saint's school
    ("P.S. 45 teachers loved the walkthrough.", "P.S. 45", "SCHOOL"),                      # a school's people
    ("Thanks to Kevin Van Dam for the slides.", "Kevin Van Dam", "PERSON"),                # a surname that is a dam
    ("Magandang Gabi Santos, salamat.", "Gabi Santos", "PERSON"),                          # a name after a greeting
])
def test_reader24_leaks(text, span, label) -> None:
    assert _covered(_READER24.redact(text), text, span, label)


@pytest.mark.parametrize("text", [
    "I work at the only high school in the county.",                   # the writer's workplace, singled out
    "We are the only district in the state with a four-day week.",
])
def test_reader24_workplace_sent(text) -> None:
    assert _READER24.redact(text).needs_review, text


@pytest.mark.parametrize(("text", "word"), [
    ("1. DANA REYES — facilitator\n2. ELPAC — pending\n3. ZEARN — done", "ELPAC"),   # a test's row, not a person's
    ("- Dana Reyes – lead\n- Nearpod – slides\n- Desmos – practice", "Nearpod"),
    ("We surveyed the pashtun and hazara families.", "pashtun"),
    ("We surveyed the bipoc and lgbtq families.", "bipoc"),
    ("the homeschool and microschool families came too", "homeschool"),
    ("Visits, TK Reyes, 20 min. TK is full.", "TK"),                                 # a grade's letters
    ('"Great PD." — Dari, parent', "Dari"),                                          # a language
    ('"Great PD." — Kindergartner, parent', "Kindergartner"),
])
def test_reader24_no_person(text, word) -> None:
    i = text.index(word)
    assert not [s for s in _READER24.redact(text).spans if s.label == "PERSON" and s.start <= i < s.end], text


@pytest.mark.parametrize("text", [
    "I referred the family to the New Mexico HSD for SNAP.",     # a human services department
    "we saw a sandhill crane on the way in.",                    # a bird, not the school
])
def test_reader24_no_school(text) -> None:
    assert not [s for s in _READER24.redact(text).spans if s.label == "SCHOOL"], text


@pytest.mark.parametrize("text", [
    "The parent at Lincoln was not told.",
    "The teacher at Each School is the key lever for change.",
    "The principal at Title I Schools is often overloaded.",
    "I liked the one from the NYT more.",
    "The one from the Gates Foundation was the best report.",
    "It takes a teacher of 20 years to see it.",
])
def test_reader24_not_sent(text) -> None:
    assert not _READER24.redact(text).needs_review, text


# Session 25, round 80: shapes of the sets read this session, each written afresh with invented names.
_ROUND80 = Redactor.from_roster(RosterNames(
    first=("Dana", "Noor"), last=("Reyes", "Kettering", "Ellison", "Yazzie"), full=("Dana Reyes", "Noor Kettering"),
    places=("Bayview Row Elementary School #98", "Harbor Point Elementary/Middle #214", "Puentes Academy Immokalee")))


@pytest.mark.parametrize(("text", "span", "label"), [
    ("Warm-up pairs: Ellison/Gatewood, Amadi/Farrow, Osei-Hale/O'Hara.", "Amadi", "PERSON"),   # a row of pairs
    ("Warm-up pairs: Ellison/Gatewood, Amadi/Farrow, Osei-Hale/O'Hara.", "O'Hara", "PERSON"),
    ("Data team: Satterfield, Yancey, Kettering (MSDE observer)", "Kettering", "PERSON"),   # a role in brackets
    ("We met at Bayview Row #98 after school.", "Bayview Row #98", "SCHOOL"),            # a city school's number
    ("Ms. Reyes presented Harbor Point E/M #214's cycle.", "Harbor Point E/M #214", "SCHOOL"),
    ("PLEASE FAX THE FORM TO Z39-555-0167 TODAY.", "Z39-555-0167", "PHONE"),               # OCR: Z for 2
    ("Fax: 7O3-S55-01B2", "7O3-S55-01B2", "PHONE"),                                          # S for 5, B for 8
    ("Ruiz — Puentes Academy lmmokalee", "Puentes Academy lmmokalee", "SCHOOL"),             # OCR: l for I
    ("At the gym door, doña Marta.", "doña Marta", "PERSON"),                               # a lower-case honorific
    ("The temple's monk, Venerable Khamphan, blessed the garden.", "Venerable Khamphan", "PERSON"),
    ("Ven. Sovann opened the night.", "Ven. Sovann", "PERSON"),
])
def test_round80_found(text, span, label) -> None:
    assert _covered(_ROUND80.redact(text), text, span, label), text


@pytest.mark.parametrize(("text", "word"), [
    ("Bayview Row #1 priority is attendance.", "#1"),                  # a ranking, not a school's number
    ("Pairs: Ellison/Lopez, Math/ELA, Art/Music", "ELA"),                 # subjects in a row of pairs beside a name
    ("Pairs: Ellison/Lopez, Math/ELA, Art/Music", "Math"),
    ("Co-teach pairs: Ellison/Kettering, Title/Sped, Gen/Ed.", "Sped"),
    ("Section SS1-101-2024 met on Mondays.", "SS1"),                  # letters side by side: a code
])
def test_round80_not_found(text, word) -> None:
    i = text.index(word)
    assert not [s for s in _ROUND80.redact(text).spans if s.start <= i < s.end], text


@pytest.mark.parametrize(("text", "span", "label"), [
    ("Home visits: the Cux family, Rear, 27380 Road 19, Fort Morgan, CO 80701", "Rear, 27380 Road 19", "ADDRESS"),
    ("Home visits: Xiloj family, 16512 County Road T.5, Fort Morgan, CO 80701", "16512 County Road T.5", "ADDRESS"),
    ("Home visits: Xiloj family, 16512 County Road T.5, Fort Morgan, CO 80701", "Xiloj", "PERSON"),
    ("three students live at Sanders Pines, Farm Lane 4, 9000 SR-29 N, Immokalee, FL 34142.",
     "Farm Lane 4, 9000 SR-29 N", "ADDRESS"),
    ("hi letty -- can you add the new AP?", "letty", "PERSON"),                  # greeted in lower case
    ("mtss notes: ms k says dajuan jr is reading at a 1st grade level", "ms k", "PERSON"),   # a title and a letter
    ("mtss notes: ms k says dajuan jr is reading at a 1st grade level", "dajuan jr", "PERSON"),
    ("The kids love Ms. K's read-alouds.", "Ms. K", "PERSON"),                 # a possessive after the letter
    ("Ask Ms. K. She knows the schedule.", "Ms. K", "PERSON"),                # a sentence after the letter's stop
])
def test_round81_found(text, span, label) -> None:
    assert _covered(_ROUND80.redact(text), text, span, label), text


@pytest.mark.parametrize(("text", "word"), [
    ('We learned "thank you" in Pashto (manana), Dari (tashakor) and Amharic.', "Dari"),   # a row of languages
    ("State House District 6 and Senate District 12 both cover our attendance area.", "District 12"),
    ("State House District 6 and Senate District 12 both cover our attendance area.", "District 6"),
    ("The Virginia Tiered Systems of Supports guide is long.", "Tiered"),        # a thing's name in title case
    ("feliz día del maestro a todo el cohort!!", "del"),                         # Spanish "of the", no surname
    ("Coffee got us through, and Rocky the Bull from the university came by.", "Rocky"),   # a mascot
    ("The drive past the Okaloacoochee Slough was lovely.", "Okaloacoochee"),      # a landform
    ("We stayed at a motel on the Orange Blossom Trail.", "Blossom"),
    ("The plan follows Yazzie/Martinez v. State of New Mexico.", "Yazzie"),      # two cases heard as one
    ("We honored the Pamunkey and Mattaponi peoples.", "Mattaponi"),
    ("we miss a day every week", "miss a"),                                     # a verb, not a title
    ("Coach a new teacher through it.", "Coach a"),
])
def test_round81_not_found(text, word) -> None:
    i = text.index(word)
    assert not [s for s in _ROUND80.redact(text).spans if s.start <= i < s.end and s.label != "SELF_ID"], text


def test_round81_people_a_school_is_named_for() -> None:
    red = Redactor.from_roster(RosterNames(places=("Mattaponi County Public Schools",)))
    text = "We honored the Pamunkey and Mattaponi peoples. The Mattaponi tribal center hosted."
    assert not [s for s in red.redact(text).spans if s.label == "SCHOOL"], text
    assert [s for s in red.redact("I work at Mattaponi now.").spans if s.label == "SCHOOL"]


_ROUND82 = Redactor.from_roster(RosterNames(
    first=("Skyler", "Hana", "Dawit", "Leticia"), last=("Tso", "Habte", "Alemu", "Quezada"),
    full=("Skyler Tso", "Hana Habte", "Dawit Alemu", "Leticia Quezada")))


@pytest.mark.parametrize(("text", "span"), [
    ("sky tso helped us build the data display", "sky tso"),            # the start of the roster's given name
    ("Attendance\nHabte 5/5\nQuezada 4/5\nAmankwah 5/5\nVogel 2/5", "Amankwah"),   # a score's rows
    ("Attendance\nHabte 5/5\nQuezada 4/5\nAmankwah 5/5\nVogel 2/5", "Vogel"),
    ("Fluency, fall to spring:\nHabte 62 → 71\nBipana 58 → 60\nNiruta 49 -> 58", "Bipana"),   # a score before and after
    ("Fluency, fall to spring:\nHabte 62 → 71\nBipana 58 → 60\nNiruta 49 -> 58", "Niruta"),
    ("list (lower case): hana habte, dawit alemu, lily par, eh soe (student rep)", "lily par"),   # a lower-case list
    ("list (lower case): hana habte, dawit alemu, lily par, eh soe (student rep)", "eh soe"),
])
def test_round82_found(text, span) -> None:
    assert _covered(_ROUND82.redact(text), text, span, "PERSON"), text


@pytest.mark.parametrize(("text", "word"), [
    ("Scores\nMath 4/5\nReading 3/5\nAlemu 5/5", "Math"),               # a subject's row, not a person's
    ("Scores\nMath 58 → 60\nReading 62 → 71\nAlemu 70 → 78", "Reading"),
    ("we did: math reading, hana habte, the gym, dawit alemu.", "math reading"),
    ("the blue sky was clear over Tso's room", "sky"),                  # no surname after it
])
def test_round82_not_found(text, word) -> None:
    i = text.index(word)
    assert not [s for s in _ROUND82.redact(text).spans if s.start <= i < s.end], text


@pytest.mark.parametrize("text", [
    "Whoever wrote that comment needs a conversation. Everyone on staff knows who wrote it.",
    "There were only two facilitators, and everyone knew which one the comments were about.",
    "The review visitor from the state who came to us in March stayed eleven minutes.",
])
def test_round82_sent(text) -> None:
    assert _ROUND82.redact(text).needs_review, text


@pytest.mark.parametrize("text", [
    "With six teachers in a grade band, everyone knows who wrote what.",    # a general complaint, no one singled out
    "We all know who runs this building: the kids.",
])
def test_round82_not_sent(text) -> None:
    assert not _ROUND82.redact(text).needs_review, text


@pytest.mark.parametrize(("text", "span", "label"), [
    ("Family note. My father, Gul Agha, is sick and I drive him.", "Gul Agha", "PERSON"),   # set off after kin
    ("A student, roshan bista, asked if he could film it.", "roshan bista", "PERSON"),
    ("Thanks, Mr. Reyes. Quino, you made the kids feel like experts.", "Quino", "PERSON"),   # called by name
    ("Visits so far (Montclair Elementary, Gateway Park P-8) went well.", "Gateway Park P-8", "SCHOOL"),
])
def test_round83_found(text, span, label) -> None:
    assert _covered(_ROUND80.redact(text), text, span, label), text


@pytest.mark.parametrize(("text", "word"), [
    ("A student, however, said no.", "however"),
    ("My mentor, of course, helped.", "course"),
    ("Honestly, you did great.", "Honestly"),
    ("Okay, you win.", "Okay"),
    ("We drove: Sanger, Reedley, Selma and Parlier.", "Selma"),
    ("The P-8 model is new.", "P-8"),
])
def test_round83_not_found(text, word) -> None:
    i = text.index(word)
    assert not [s for s in _ROUND80.redact(text).spans if s.start <= i < s.end and s.label != "SELF_ID"], text


@pytest.mark.parametrize("span", ["Urdaneta", "Sandoval"])
def test_round83_roster_surnames_in_a_labelled_row_of_towns(span) -> None:
    red = Redactor.from_roster(RosterNames(first=("Karina", "Michael"), last=("Urdaneta", "Sandoval"),
                                           full=("Karina Urdaneta", "Michael Sandoval")))
    text = "State coach visited. School team: Urdaneta, Sandoval."
    assert _covered(red.redact(text), text, span, "PERSON"), text


def test_round83_namesake_surname_short_form() -> None:
    from evalkit.pii import _short_forms
    assert "Villanueva" in _short_forms("Maria Elena Villanueva Academy")    # the namesake's surname alone
    assert "Fresno" not in _short_forms("Sterling Path Academy Fresno")      # never a town
    assert "Wauneka" not in _short_forms("Annie Dodge Wauneka Elementary")   # never a public figure's


# Session 25, round 84: phone shapes written from the kinds a contact-heavy brief names (a caller's keys after the
# number, Spanish digits read out, a bracketed or a colon's extension, a second line's digits), none from a corpus.
@pytest.mark.parametrize(("text", "span"), [
    ("call 612-555-0134, 2# for the front desk", "612-555-0134, 2#"),
    ("su número es seis uno dos cinco cinco cinco cero uno tres cuatro", "seis uno dos cinco cinco cinco cero uno tres cuatro"),
    ("llame al 956 cinco cinco cinco 0134 por favor", "956 cinco cinco cinco 0134"),
    ("llame al nueve cinco seis guion cinco cinco cinco guion cero uno tres cuatro",
     "nueve cinco seis guion cinco cinco cinco guion cero uno tres cuatro"),
    ("her cell is 612-555-01three four", "612-555-01three four"),                         # half typed, half said
    ("call six five one period five five five period zero one one six", "six five one period five five five period zero one one six"),
    ("call 612-555-0134 (ext. 2) after lunch", "612-555-0134 (ext. 2)"),
    ("call 612-555-0134 xt 214", "612-555-0134 xt 214"),
    ("call 612-555-0134 ext: 214", "612-555-0134 ext: 214"),
    ("call 651-555-0116/17 for either line", "651-555-0116/17"),
])
def test_round84_phones(text, span) -> None:
    assert _covered(_ROUND80.redact(text), text, span, "PHONE"), text


@pytest.mark.parametrize(("text", "word"), [
    ("cell six five one five five five zero one one six period thanks", "period"),   # voice typing's full stop
    ("call 612-555-0134 or 1200 hours is fine", "1200"),                             # a time, not a second line
    ("scores uno, dos, tres, cuatro, cinco, seis, siete", "uno"),                     # counting in Spanish
])
def test_round84_not_phone(text, word) -> None:
    i = text.index(word)
    assert not [s for s in _ROUND80.redact(text).spans if s.start <= i < s.end], text


# Round 85: numbers as other countries write them (shapes of Faker's es_ES, en_GB, vi_VN, en_IN, hi_IN and fr_FR
# phone providers, a peer's generator, each written out here by hand).
@pytest.mark.parametrize(("text", "span"), [
    ("WhatsApp: +34844 819 482", "+34844 819 482"),                  # the country code glued to the area's digits
    ("her cell in Leeds is +44(0)121 4960260", "+44(0)121 4960260"),  # a trunk zero in brackets
    ("call +33 (0)3 63 01 66 13 after six", "+33 (0)3 63 01 66 13"),
    ("call +33 2 50 94 82 19 after six", "+33 2 50 94 82 19"),        # France's pairs
    ("his number is +84-30-166131", "+84-30-166131"),
    ("dad is on +919935181909 most days", "+919935181909"),          # E.164 with no blanks
    ("in Hanoi, her mother's cell is 090 2601 8159", "090 2601 8159"),  # a trunk zero at home, after a cue
    ("call (020) 7496 0083 in the morning", "(020) 7496 0083"),
])
def test_round85_international_phones(text, span) -> None:
    assert _covered(_ROUND80.redact(text), text, span, "PHONE"), text


@pytest.mark.parametrize("text", [
    "scores: +12 150 200 240",              # signed scores, no cue
    "invoice 020 7496 0083 was paid",       # a trunk-zero shape with no word that asks for a number
    "the code 00 52 123 456 is on the form",  # six digits after a country code: too few for a number
    "we grew +1500 points",
])
def test_round85_not_phone(text) -> None:
    assert not [s for s in _ROUND80.redact(text).spans if s.label == "PHONE"], text


@pytest.mark.parametrize(("text", "span", "label"), [
    ("Register: https://example.org/pd/register?cohort=\n7&campus=all (the link wraps)",
     "https://example.org/pd/register?cohort=\n7&campus=all", "URL"),          # a link wrapped after its "="
    ("Link: https://example.org/pd/\nreg_2025 thanks", "https://example.org/pd/\nreg_2025", "URL"),
    ("write dana.\nreyes@example.org today", "dana.\nreyes@example.org", "EMAIL"),   # a local part wrapped
    ("my email is dana.reyes at gmail", "dana.reyes at gmail", "EMAIL"),            # a dotted local part, "at gmail"
])
def test_round85_wrapped_contacts(text, span, label) -> None:
    assert _covered(_ROUND80.redact(text), text, span, label), text


@pytest.mark.parametrize(("text", "word"), [
    ("see https://example.org/pd/\nRegister now.", "Register"),          # the next line's sentence, not the link's
    ("Thanks for the session.\nreyes@example.org", "session"),          # a sentence's last word before a signature
])
def test_round85_wrap_not_taken(text, word) -> None:
    i = text.index(word)
    assert not [s for s in _ROUND80.redact(text).spans if s.start <= i < s.end], text


@pytest.mark.parametrize(("text", "span"), [
    ("her cell is 32 2601-8159 in Belo Horizonte", "32 2601-8159"),     # Brazil, after a word that asks for a number
    ("call me at (11) 98765-4321", "(11) 98765-4321"),
    ("my cell is 90-2601-8159", "90-2601-8159"),                        # Japan
    ("her number is 792 601 815", "792 601 815"),                      # Poland
])
def test_round85_numbers_abroad(text, span) -> None:
    assert _covered(_ROUND80.redact(text), text, span, "PHONE"), text


@pytest.mark.parametrize("text", [
    "the number is 100 200 300",            # round figures
    "enrollment 2019-2020 was 512 498 530",  # no word that asks for a number
])
def test_round85_not_numbers_abroad(text) -> None:
    assert not [s for s in _ROUND80.redact(text).spans if s.label == "PHONE"], text


def test_contact_benchmark_shapes_are_well_formed() -> None:
    """Each shape of benchmarks/redact_contacts.py names a part its text holds (the benchmark itself is not timed)."""
    import importlib.util
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "redact_contacts.py"
    spec = importlib.util.spec_from_file_location("redact_contacts", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert all(part in text and label in ("PHONE", "EMAIL", "URL") for text, part, label in module.SHAPES)


# Round 86: districts off the roster by their letters, and named like a landform after a person.
@pytest.mark.parametrize(("text", "span"), [
    ("PHSD,Ferrante G,5,Y,30", "PHSD"),                                 # initials and the kind's letters
    ("the special-ed directors from MKIU compared notes", "MKIU"),
    ("Q2. District: ABPS", "ABPS"),
    ("Tier 2 aspiring leaders from PRCUSD4: K. Halvorsen", "PRCUSD4"),
    ("the only printed copy of WSISD's plan", "WSISD"),
    ("Zah, Marvin (Cibola Plateau)", "Cibola Plateau"),                 # a landform's name after a person
    ("Luisa Botelho (guest, Salisbury Plain): can guests join?", "Salisbury Plain"),
    ("We drafted it with Dr. Loretta Ambrose from Tipton Valley.", "Tipton Valley"),
])
def test_round86_districts(text, span) -> None:
    assert _covered(_ROUND80.redact(text), text, span, "SCHOOL"), text


@pytest.mark.parametrize(("text", "word"), [
    ("GPS and HTTPS links", "HTTPS"),
    ("we use ASD supports and SLPS visit weekly", "SLPS"),
    ("Dr. Hana Lee (OHSU) presented", "OHSU"),                        # a university's letters
    ("Dana Reyes (High Plains) shared data.", "High"),                        # a region, an everyday word first
    ("Dana Reyes (Black Hills) shared data.", "Black"),
    ("Ms. Reyes came from Grand Canyon.", "Grand"),                     # a place of the lists
])
def test_round86_not_districts(text, word) -> None:
    i = text.index(word)
    assert not [s for s in _ROUND80.redact(text).spans if s.start <= i < s.end and s.label == "SCHOOL"], text


# Round 87: families named together, a chat export's guest header, a log's address in capitals, a colonia's block.
@pytest.mark.parametrize(("text", "span", "label"), [
    ("Home visits this week. Families: the Pillco, Tenesaca and Sumo families.", "Tenesaca", "PERSON"),
    ("Home visits this week. Families: the Pillco, Tenesaca and Sumo families.", "Sumo", "PERSON"),
    ("Teams chat (auto-exported):\nDweh, Blessing (Guest) 9:58 AM\nis the meeting still on", "Dweh, Blessing", "PERSON"),
    ("HOME VISIT LOG — KA ZOUA — 1717 MARYLAND AVE E, APT 6\nSAINT PAUL, MN 55106 — CELL ON FILE",
     "1717 MARYLAND AVE E, APT 6\nSAINT PAUL, MN 55106", "ADDRESS"),
    ("- Familia Zavala, Lot 14, Block 3, Colonia Los Laureles, Pharr, TX 78577", "Lot 14, Block 3, Colonia Los Laureles",
     "ADDRESS"),
])
def test_round87_found(text, span, label) -> None:
    assert _covered(_ROUND80.redact(text), text, span, label), text


@pytest.mark.parametrize(("text", "word"), [
    ("the Mam and K'iche' families asked for pictures", "K'iche'"),    # peoples, not surnames
    ("We met the Somali, Oromo and Karen families.", "Oromo"),
    ("the Black, Latino and Asian families", "Latino"),
    ("Saint Francis of Assisi feast day lines up with the retreat.", "Francis"),
    ("The Virgen del Rosario procession passes the school.", "Rosario"),
    ("We visited the Resaca de la Palma battlefield.", "Palma"),
    ("Houston, Texas  10:04 AM", "Houston"),
])
def test_round87_not_found(text, word) -> None:
    i = text.index(word)
    assert not [s for s in _ROUND80.redact(text).spans if s.start <= i < s.end], text


def test_round87_interview_keeps_the_person() -> None:
    text = "the Maria de la Cruz interview went well"     # an interview with someone: the person stays
    assert _covered(_ROUND80.redact(text), text, "Maria de la Cruz", "PERSON")


# Round 88 (review queue): one speaker of a language in a post, the posts a building has one of, "we all know who she
# meant".
@pytest.mark.parametrize("text", [
    "The Nepali-speaking para in second grade is the only adult some kids talk to.",
    "The one Karen-speaking EA in our building interprets for every IEP meeting.",
    "Our cafeteria manager cooks diri ak pwa on Fridays for kids who skip lunch.",
    "The facilitator told a story about a superintendent in our network. We all know who she meant.",
])
def test_round88_sent(text) -> None:
    assert _ROUND80.redact(text).needs_review, text


@pytest.mark.parametrize("text", [
    "Our Spanish-speaking families came to every night.",      # a group
    "A Spanish-speaking teacher would help the newcomers.",    # anyone who would
    "The Spanish-speaking teachers met on Tuesday.",
    "We all know who runs this building: the kids.",
])
def test_round88_not_sent(text) -> None:
    assert not _ROUND80.redact(text).needs_review, text


@pytest.mark.parametrize(("text", "span"), [
    ("hey it's Dana from 418. did u get my points form?", "418"),           # a caller's own school
    ("this is Dana from fruit vale heights period call me back", "fruit vale heights"),
])
def test_round89_caller_school(text, span) -> None:
    assert _covered(_ROUND80.redact(text), text, span, "SCHOOL"), text


@pytest.mark.parametrize(("text", "word"), [
    ("hi this is Dana from the district office.", "district"),
    ("this is Dana from Denver.", "Denver"),                                # a town of the lists
])
def test_round89_caller_not_school(text, word) -> None:
    i = text.index(word)
    assert not [s for s in _ROUND80.redact(text).spans if s.start <= i < s.end], text


# Round 90 (addresses), from an address-shape list written from the brief's kinds: a city after the street and a dash,
# a two-flat's garden unit.
@pytest.mark.parametrize("part", [
    "1420A Kedzie Ave, Chicago",
    "1420 N Kedzie Ave, Garden Unit, Chicago, IL 60651",
    "1420 Kedzie Ave, Suite 210-B, Chicago",
    "1420 W Lincoln Ave, Lower Unit, Milwaukee",
])
def test_round90_addresses(part) -> None:
    text = f"Home visit: {part} — family home."
    assert _covered(_ROUND80.redact(text), text, part, "ADDRESS"), text


# Round 91: a verb after "how to", a hospital or a place where something is done by a school's short name.
@pytest.mark.parametrize(("text", "word"), [
    ("Guidance on how to taylor the inquiry cycle to a small school would help.", "taylor"),   # tailor, misspelt
])
def test_round91_no_person(text, word) -> None:
    red = Redactor.from_roster(RosterNames(first=("Dana",), last=("Reyes",), full=("Dana Reyes",)))
    i = text.index(word)
    assert not [s for s in red.redact(text).spans if s.start <= i < s.end], text


def test_round91_verb_after_infinitive_only() -> None:
    red = Redactor.from_roster(RosterNames(first=("Dana",), last=("Reyes",), full=("Dana Reyes",)))
    text = "we gave the binder to taylor on friday"                    # a name after a plain "to"
    assert _covered(red.redact(text), text, "taylor", "PERSON")


@pytest.mark.parametrize(("text", "found"), [
    ("Ohio Falls Children's Hospital does the screenings.", False),   # a hospital by the place's name
    ("Lake Brandt is where the cross-country team runs.", False),     # a landform where something is done
    ("Ohio Falls hired two nurses.", True),                           # the district itself
    ("Lake Brandt hired a coach.", True),
    ("We used the Drakes Creek greenway for our cross-country run.", False),   # a place's own thing
    ("Herron Hill has the best view of the city.", False),                     # a landform by its view
    ("Drakes Creek won the science fair.", True),
])
def test_round91_short_form_said_as_place(text, found) -> None:
    red = Redactor.from_roster(RosterNames(places=("Ohio Falls County Public Schools", "Lake Brandt Elementary",
                                                   "Drakes Creek Middle School", "Herron Hill Elementary")))
    assert bool([s for s in red.redact(text).spans if s.label == "SCHOOL"]) is found, text


def test_pii_module_names_are_defined_once() -> None:
    """A module-level name of the detector is bound once: a second binding of a pattern's name silently replaces the
    first for every rule that reads it (session 25 caught one before it landed)."""
    import ast
    import collections
    import evalkit.pii
    tree = ast.parse(Path(evalkit.pii.__file__).read_text(encoding="utf-8"))
    bound = collections.Counter(
        name for node in tree.body
        for name in ([t.id for t in node.targets if isinstance(t, ast.Name)] if isinstance(node, ast.Assign)
                     else [node.name] if isinstance(node, (ast.FunctionDef, ast.ClassDef)) else []))
    assert [name for name, n in bound.items() if n > 1] == []


# Round 92: lower-case brother/sister as titles, a PDF's break before a letter of another script, "coach q", a chat
# export's handles, a form's answer to "person:", Karen "Pi", "the zone's one X-speaking ...".
@pytest.mark.parametrize(("text", "span"), [
    ("the best part was when brother kareem abdul-salaam from the masjid talked", "brother kareem abdul-salaam"),
    ("thanks to sister margaret ann for the prayer", "sister margaret ann"),
    ("see the note from Emina Had-\nžić about the caseload", "Emina Had-\nžić"),
    ("lol coach q literally brought donuts to every visit", "coach q"),
    ("slack export\ntyra.holcomb 3:42 PM pushed the agenda\nabdi.warsame 3:44 PM thanks", "abdi.warsame"),
    ("Most helpful person: Hser", "Hser"),
    ("and to parent volunteers Pi Ler Shee and Mrs. Reyes.", "Pi Ler Shee"),
])
def test_round92_found(text, span) -> None:
    assert _covered(_ROUND80.redact(text), text, span, "PERSON"), text


@pytest.mark.parametrize(("text", "word"), [
    ("my brother and sister came to the night", "brother"),
    ("we coach a team of new teachers", "coach"),
    ("Most helpful person: Everyone", "Everyone"),
    ("the value of Pi Day is clear", "Pi"),
])
def test_round92_not_found(text, word) -> None:
    i = text.index(word)
    assert not [s for s in _ROUND80.redact(text).spans if s.start <= i < s.end], text


def test_round92_sent() -> None:
    text = "In the Beargrass Zone the zone's one Somali-speaking social worker covers eleven schools."
    assert _ROUND80.redact(text).needs_review


# The second reader's findings on rounds 80-88 (session 25), each a test that fails on the rules before the fix (but
# "Reyes/Lopez", which the shadowed word list let through by accident: a guard for the fix).
_READER25 = Redactor.from_roster(RosterNames(
    first=("Dana", "Noor", "Hana", "Leticia", "Carmen"), last=("Reyes", "Kettering", "Habte", "Quezada", "Price"),
    full=("Dana Reyes", "Noor Kettering", "Hana Habte", "Leticia Quezada", "Carmen Price"),
    places=("Harbor Point Elementary",)))


@pytest.mark.parametrize(("text", "span", "label"), [
    ("Oak Park District 97 sent two coaches.", "Oak Park District 97", "SCHOOL"),      # a park is no office
    ("Jalen, the eagle scout in room 4, led the cleanup.", "Jalen", "PERSON"),         # no mascot in lower case
    ("Kiara the tiger mom came to pickup.", "Kiara", "PERSON"),
    ("It was a PHSD-wide initiative.", "PHSD", "SCHOOL"),
    ("The PHSD/KFCSD joint PD went well.", "KFCSD", "SCHOOL"),
    ("Dr. Loretta Ambrose from Tipton Valley joined the call.", "Tipton Valley", "SCHOOL"),
    ("Pairs: Reyes/Lopez, Math/ELA, Art/Music", "Lopez", "PERSON"),
])
def test_reader25_leaks(text, span, label) -> None:
    assert _covered(_READER25.redact(text), text, span, label), text


@pytest.mark.parametrize(("text", "word"), [
    ("Scores were 88, 92, 95, 100, one student scored 60.", "88"),
    ("Several students have PTSD after the flood.", "PTSD"),
    ("A parent, muy molesta, called the office.", "molesta"),
    ("My daughter, Kindergarten, loves it.", "Kindergarten"),
    ("A student, Spanish-speaking, asked.", "Spanish"),
    ("We called the Migrant, Newcomer and Bilingual families.", "Newcomer"),
    ("Home visits this week: Headstart family, then Kinder family.", "Headstart"),
    ("Ratings\nHabte 5/5\nQuezada 4/5\nOverall 4/5", "Overall"),
    ("Ratings\nHabte 5/5\nQuezada 4/5\nTardies 3/5", "Tardies"),
    ("hana habte, leticia quezada, ell para, sped aide", "ell para"),
    ("the car price went up again", "car"),
    ("at the ms a lot of kids skip lunch", "ms a"),
    ("Thanks Coach I appreciate the help.", "Coach I"),
    ("No school on mlk jr day.", "mlk"),
    ("Welp, you live and learn.", "Welp"),
    ("Sheesh, you guys worked hard.", "Sheesh"),
    ("The session starts in June.\ndreyes@example.org", "June"),
    ("Harbor Point Elementary #1 in the state", "#1"),
])
def test_reader25_no_span(text, word) -> None:
    i = text.index(word)
    assert not [s for s in _READER25.redact(text).spans if s.start <= i < s.end and s.label != "SELF_ID"], text


@pytest.mark.parametrize("text", [
    "Everyone knows who to call when a bus is late.",
    "We all know who it is for: the kids.",
    "Our office manager position was cut.",
])
def test_reader25_not_sent(text) -> None:
    assert not _READER25.redact(text).needs_review, text



# The second reader's findings on rounds 89-93 (session 25): leaks the first fixes opened, and their false positives.
@pytest.mark.parametrize(("text", "span", "label"), [
    ("I gave Marisol coffee this morning.", "Marisol", "PERSON"),            # no star's merchandise rule (removed)
    ("call 612-555-01 four two", "612-555-01 four two", "PHONE"),            # digit words apart from the digits
    ("call 612-5SS-0142", "612-5SS-0142", "PHONE"),                         # OCR S for 5 inside a group
    ("My son, Mason, loves it.", "Mason", "PERSON"),                         # a surname set off after kin
    ("Pairs: Reyes/Lopez, Ng/Li, Wu/Ho", "Li", "PERSON"),                    # short surnames in pairs
    ("I need to ask Coach K about the bus, he is our gym teacher.", "Coach K", "PERSON"),
    ("slack export\nmaria.lopez 3:42 PM pushed the agenda", "maria.lopez", "PERSON"),
    ("Jalen the Eagle Scout led the cleanup.", "Jalen", "PERSON"),           # a scout, not a mascot
])
def test_reader25b_leaks(text, span, label) -> None:
    assert _covered(_READER25.redact(text), text, span, label), text


@pytest.mark.parametrize(("text", "word"), [
    ("it's Dana from earlier, just checking in", "earlier"),                # no school after "from"
    ("Hospital District 2 approved the levy.", "District"),                  # an office's district
    ("Water District 5 raised rates.", "District"),
    ("Register for the check-in at example.org", "check-in"),                # no e-mail's local part
    ("grab a follow-up at gmail", "follow-up"),
])
def test_reader25b_no_span(text, word) -> None:
    i = text.index(word)
    assert not [s for s in _READER25.redact(text).spans if s.start <= i < s.end and s.label != "SELF_ID"], text


@pytest.mark.parametrize("text", [
    "We all know who it was about, the new para.",
    "Everyone knows who to blame for the bus mess.",
    "The inspector who came on Tuesday is my cousin.",
])
def test_reader25b_sent(text) -> None:
    assert _READER25.redact(text).needs_review, text



@pytest.mark.parametrize(("text", "span"), [
    ("Cell: 612-5550-134", "612-5550-134"),                 # ten digits grouped wrong, after a word that asks for them
    ("Cell: 61 2555 0134", "61 2555 0134"),
    ("Cell: 612*555*0134", "612*555*0134"),
    ("Cell: six one two – five five five – zero one three four", "six one two – five five five – zero one three four"),
    ("Cell: 612-555-0134 ext. 2#", "612-555-0134 ext. 2#"),
    ("Cell: 612-555-0134 Opt 2", "612-555-0134 Opt 2"),
])
def test_round94_phones(text, span) -> None:
    assert _covered(_ROUND80.redact(text), text, span, "PHONE"), text


@pytest.mark.parametrize("text", [
    "the number is 100 200 300 400",            # round figures
    "call me at 2019 2020 or 2021",
    "cell: 2 4 6 8 10 12",
    "scores: one – two – three – four – five",
])
def test_round94_not_phones(text) -> None:
    assert not [s for s in _ROUND80.redact(text).spans if s.label == "PHONE"], text


# Session 27: contact shapes of benchmarks/redact_contacts.py (Faker's phone providers, the brief's shapes) that were
# left uncovered, written anew here with other numbers and names.
@pytest.mark.parametrize(("text", "span", "label"), [
    ("Celular: +52(1)8991234567 (WhatsApp)", "+52(1)8991234567", "PHONE"),     # Mexico's mobile digit in brackets
    ("her cell is 601 350 227", "601 350 227", "PHONE"),                      # Poland
    ("Cell: 700 418 302", "700 418 302", "PHONE"),                            # one round group is a number's
    ("call me at 11 4300-2719", "11 4300-2719", "PHONE"),                     # Brazil, a round middle group
    ("my cell is 80-0000-4127", "80-0000-4127", "PHONE"),                     # Japan, a group of zeros
    ("text me at 2-1-8-5-5-5-0-1-9-3 tonight", "2-1-8-5-5-5-0-1-9-3", "PHONE"),  # digits one by one, dashes
    ("Call 218\\555-0193 after lunch", "218\\555-0193", "PHONE"),             # a backslash typed for the slash
    ("call 218-555-0193 or 0194", "218-555-0193 or 0194", "PHONE"),            # a second line of the same exchange
    ("call 218 double five five 0193", "218 double five five 0193", "PHONE"),  # a digit said twice
    ("call two one eight triple five zero one nine three", "two one eight triple five zero one nine three", "PHONE"),
    ("correo beto punto salas arroba example punto org", "beto punto salas arroba example punto org", "EMAIL"),
    ("mail k o s a l a s @ example . org please", "k o s a l a s @ example . org", "EMAIL"),
    ("mail k o s a l a s at example dot org please", "k o s a l a s at example dot org", "EMAIL"),
    # numbers as other countries write them at home, after a word that asks for a number (Faker's phone providers
    # for 90 locales: 683 of 6,480 numbers left uncovered before, 107 after, nearly all three- to six-digit short codes)
    ("Cell: 31 47 52 86", "31 47 52 86", "PHONE"),                             # Denmark
    ("Call me at 8 (916) 482-37-15 after 3.", "8 (916) 482-37-15", "PHONE"),   # Russia
    ("Cell: (07) 3482 9156", "(07) 3482 9156", "PHONE"),                       # Australia
    ("Cell: 0381 52 47", "0381 52 47", "PHONE"),                               # a trunk zero, eight digits
    ("Cell: 418275936", "418275936", "PHONE"),                                 # run together
    ("Cell: +(370) 61482735", "+(370) 61482735", "PHONE"),                     # the country code in brackets
    ("Cell: (+30) 2104 827351", "(+30) 2104 827351", "PHONE"),
    ("Call me at +90(312)482-3715x214 after 3.", "+90(312)482-3715x214", "PHONE"),   # an area code glued on
    # (a trunk zero before a North American number: someone's number all the same; round 94 read it as none when only
    # North American shapes were read after a cue)
    ("Cell: 0-218-555-0193", "0-218-555-0193", "PHONE"),
    # (a second reader's: a number in round brackets, as before the session; "(+1)" before a North American number)
    ("WhatsApp (+44 20 7946 0958)", "+44 20 7946 0958", "PHONE"),
    ("Contact (+919935181909) tonight.", "+919935181909", "PHONE"),
    ("My cell (+52 1 55 1234 5678).", "+52 1 55 1234 5678", "PHONE"),
    ("Phone (+1) 612-555-0134", "(+1) 612-555-0134", "PHONE"),
])
def test_session27_contacts(text, span, label) -> None:
    assert _covered(_ROUND80.redact(text), text, span, label), text


@pytest.mark.parametrize("text", [
    "Cell: 100 200 300",                          # round figures, two groups and more
    "call me at 11 4300-2000",                    # two round groups
    "scores 2-1-8-5-5-5-0-1-9-3 across the rubric",   # no word that asks for a number
    "we scored double five on the rubric",
    "cell: 3 5 7 9 11 13",                        # a row of single digits
    "call me at 2024 2025 or 2026",               # years
    "cell: 12/05/2024",                           # a date
    "Cell: 300 400 500 600",                      # round figures
    # (a second reader's: dates, sequences, counts and round figures after a word that asks for a number)
    "Call me back 2024/12/05.",
    "Call me at 08 15 2024 about it.",
    "Call me at 2024 06 15 about it.",
    "Call me 10-15-20-25 minutes.",
    "Call me at 120 150 200 people.",
    "The number is 1500000 for the grant.",
    "My number is 20250115 in the file.",
])
def test_session27_not_phones(text) -> None:
    assert not [s for s in _ROUND80.redact(text).spans if s.label == "PHONE"], text


@pytest.mark.parametrize(("text", "number", "other"), [
    ("call 218-555-0193 or 2020 works", "218-555-0193", "2020"),       # a year
    ("Reach me at 555-2019 or 2020 maybe.", "555-2019", "2020"),        # after a local number alone
    ("Call 612-555-0134 or 0130 hours", "612-555-0134", "0130"),        # a time
])
def test_session27_second_line_only_of_the_same_exchange(text, number, other) -> None:
    found = _ROUND80.redact(text)
    assert _covered(found, text, number, "PHONE")
    assert not _covered(found, text, other), found.text


@pytest.mark.parametrize(("text", "kept"), [
    ("Scores 4 5 3 k@example.org", "4 5 3"),              # digits before a one-letter local part are no part of it
    ("Rooms A B C d@x.org", "A B C"),
    ("Grades 6 7 8 j at gmail dot com.", "6 7 8"),
])
def test_session27_spelled_local_part_is_letters_only(text, kept) -> None:
    found = _ROUND80.redact(text)
    assert kept in found.text and "[EMAIL]" in found.text, found.text


@pytest.mark.parametrize(("text", "span"), [
    ("Visit: depto 4B, 2210 Mulberry Ave, Cicero — spoke with mom", "depto 4B, 2210 Mulberry Ave, Cicero"),
    ("Visit: 2210 N. Mulberry Ave. Upper Flat, Cicero — dad home", "2210 N. Mulberry Ave. Upper Flat, Cicero"),
    ("Visit: 2210 Mulberry Ave (back door), Cicero — use the bell", "2210 Mulberry Ave (back door), Cicero"),
    ("Visit: 2210 W. Mulberry, Cicero — no one home", "2210 W. Mulberry, Cicero"),
    ("we dropped the forms at the house at 2210 Mulberry yesterday", "2210 Mulberry"),
    ("she is staying at 2210 Mulberry with her aunt", "2210 Mulberry"),
    ("unit 5c at 2210 mulberry has no heat", "unit 5c at 2210 mulberry"),
])
def test_session27_addresses(text, span) -> None:
    assert _covered(_ROUND80.redact(text), text, span, "ADDRESS"), text


@pytest.mark.parametrize("text", [
    "we got home at 10 Tuesday night",          # a time and a day
    "the home at 45 plus families was full",     # a count
    "I left the house at 1130 and drove over",
    "We placed 12 N. Carolina teachers in the cohort.",
    "the district warehouse at 1420 Kedzie is out of paper",   # no one's house: "warehouse" is not "house"
    # (a second reader's: states and a grade, chapter or year before a direction; a measure or a plan after "at")
    "12 N. Carolina, Texas and others.",
    "We had 25 W. Virginia, Ohio, and Kentucky teachers.",
    "Grade 5 S. Carolina, Georgia, Florida.",
    "Chapter 11 S. Smith, Jones, and Brown wrote.",
    "Section 12 E. Coli, Salmonella tests.",
    "In 2019 S. Korea, Japan and China joined.",
    "Two students moved to 504 Plans in March.",
    "We moved to 45 Minutes of reading.",
    "Kids living at 200 pct of poverty.",
    "He lives at 20 mins from school.",
])
def test_session27_not_addresses(text) -> None:
    assert not [s for s in _ROUND80.redact(text).spans if s.label == "ADDRESS"], text


# --- session 28 ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "span"), [
    ("The panel with Rep. Dana Reyes was useful.", "Rep. Dana Reyes"),
    ("State Rep. Dana Reyes spoke first.", "State Rep. Dana Reyes"),
    ("Table 4: Sen. Noor Kettering / Rep. Dana Reyes", "Sen. Noor Kettering"),
    ("Table 4: Sen. Noor Kettering / Rep. Dana Reyes", "Rep. Dana Reyes"),
    ("We wrote to Gov. Dana Reyes and Lt. Gov. Noor Kettering.", "Lt. Gov. Noor Kettering"),
])
def test_session28_office_title_goes_with_the_name_kept(text, span) -> None:
    """A public office's title before a name kept as someone's is one span with it: not "[PERSON]. [PERSON]"."""
    found = _ROUND80.redact(text)
    assert _covered(found, text, span, "PERSON"), text
    start = text.index(span)
    assert any(s.start == start and s.end == start + len(span) for s in found.spans), found.spans


@pytest.mark.parametrize("text", [
    "Sen. Whitfield's bill came up twice.",          # a surname alone after an office: a public figure, as before
    "The Rep. said the budget passed.",
    "Gov. Newsom visited the district.",
])
def test_session28_office_title_alone_stays_as_before(text) -> None:
    assert not [s for s in _ROUND80.redact(text).spans if s.label == "PERSON"], text


def test_session28_product_roster_reads_as_the_registered_lists() -> None:
    """``benchmarks/redact.py --roster-as column`` reads a corpus's roster as a project's one whole-name column
    through ``collect_roster_names``: it must hold every registered given name, surname and place of the lists the
    benchmark reads apart, or the product's path redacts less than the benchmark measures (it held no given name
    before session 28), and redact the tune half's comments of a corpus alike."""
    import importlib.util
    import sys as _sys

    root = Path(__file__).resolve().parents[1] / "benchmarks"
    _sys.path.insert(0, str(root))
    try:
        spec = importlib.util.spec_from_file_location("redact_bench", root / "redact.py")
        bench = _sys.modules["redact_bench"] = importlib.util.module_from_spec(spec)   # (its dataclasses ask)
        spec.loader.exec_module(bench)
    finally:
        _sys.path.remove(str(root))
        _sys.modules.pop("redact_bench", None)
    folder = root / "redact_corpus" / "second"
    lists, rows = bench.load_corpus(folder, "tune")
    column = bench.project_roster(folder)
    assert set(lists.first) <= set(column.first)
    # (a surname of two words is read from one column by its last word: "Two Bulls" as "Bulls", the whole name kept)
    assert {ln if ln in column.last else ln.split()[-1] for ln in lists.last} <= set(column.last)
    assert set(lists.full) <= set(column.full)
    assert set(lists.places) <= set(column.places)
    a, b = Redactor.from_roster(lists), Redactor.from_roster(column)
    same = sum(a.redact(r["text"]).text == b.redact(r["text"]).text for r in rows)
    assert same >= 0.98 * len(rows), (same, len(rows))


@pytest.mark.parametrize(("text", "span"), [
    # (a second reader's: a job's title, a sentence's stop, a span that reaches into the title, many titled names)
    ("Sales Rep. Dana Reyes called.", "Dana Reyes"),
    ("I voted for the Senator. Dana Reyes ran again.", "Dana Reyes"),
    ("Noor Kettering, Rep. Dana Reyes and others.", "Dana Reyes"),
])
def test_session28_office_title_not_taken(text, span) -> None:
    found = _ROUND80.redact(text)
    start = text.index(span)
    assert any(s.start == start and s.end == start + len(span) for s in found.spans), found.spans
    assert all(a.end <= b.start for a, b in zip(found.spans, found.spans[1:])), found.spans   # no overlap

