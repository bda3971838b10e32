"""Redaction benchmark: evalkit's ``Redactor`` vs Presidio on 10,000 synthetic labelled comments.

The comments are generated (fixed seed) from a synthetic roster and sentence templates: names in the
variants people type (full, first only, ``Ms. Last``, possessive, initials, nicknames, accents dropped,
upper and lower case), schools and districts (full and short), e-mails (plain and "at ... dot"), US
phones in several formats, URLs, street addresses and self-identifying phrases, mixed with clean
sentences full of everyday words that are also names ("I hope we grant more time in May"). Every
planted string is recorded with its position, so both engines are scored on the same labels:

* recall: planted strings overlapped by at least one span of the engine;
* precision: spans that overlap a planted string, over all spans the engine returned.

Presidio runs OFFLINE as described in the privacy research notes (section 1.4): a blank spaCy
pipeline saved to a temporary folder and loaded by path through ``NlpEngineProvider``, no
``SpacyRecognizer``, the pattern recognizers restricted to EMAIL_ADDRESS, PHONE_NUMBER (US) and URL,
plus a deny-list ``PatternRecognizer`` for PERSON and one for SCHOOL built from the same roster
(names, accent-free forms, nicknames, school short forms). tldextract gets an empty suffix-list URL
list and a temporary cache, so it uses its bundled snapshot and never tries the network. Throughput
counts analysis plus anonymization (``AnonymizerEngine``) for Presidio, and ``Redactor.redact_series``
for evalkit; building each engine is timed apart.

Presidio is a benchmark-only dependency (``pip install -e '.[bench]'``); evalkit never imports it.

Usage::

    python benchmarks/redact.py [--n 10000] [--seed 7] [--repeat 1]
    python benchmarks/redact.py --corpus benchmarks/redact_corpus/hand --half heldout
    python benchmarks/redact.py --corpus benchmarks/redact_corpus/hand --half heldout --roster-as column

``--corpus`` scores a labelled corpus written by someone who did not see the rules (``roster.json``,
``comments.jsonl``, ``split.json``; see the corpus folders' READMEs) on one half, with the strict criterion: a
personal span is caught only when every one of its characters is inside a redacted span. It reports recall by
kind, self-identifying comments sent to review, and false-positive comments (comments with no personal data in
which anything was redacted), for evalkit and for Presidio with the same deny lists, and the throughput of both.
The held-out half is for the final measurement only: tune on ``--half tune``. ``--roster-as column`` gives both
engines the roster as a project reads it from one roster export with a whole-name column (the product's path,
:func:`project_roster`) instead of the lists a roster registers apart.
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import os
import random
import statistics
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

TARGET_RATIO = 10.0
# tldextract (used by Presidio's e-mail recognizer) reads these when it is first imported: no suffix-list
# URLs means it uses the snapshot bundled with it and never tries the network.
os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""

# --- synthetic roster and comments ------------------------------------------------------------------


@dataclass
class Comment:
    text: str = ""
    planted: list[tuple[int, int, str]] = field(default_factory=list)

    def add(self, piece: str, kind: str | None = None) -> None:
        if kind:
            self.planted.append((len(self.text), len(self.text) + len(piece), kind))
        self.text += piece


def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def make_roster(rng: random.Random):
    """300 people, 60 schools and 20 districts drawn from the demo's name pools."""
    from evalkit.pii import RosterNames
    from evalkit.demo._people import _DISTRICT_STEMS, _NAMESAKES, FIRST_NAMES, LAST_NAMES

    pairs: set[tuple[str, str]] = set()
    while len(pairs) < 300:
        pairs.add((rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)))
    people = sorted(pairs)
    levels = ["Elementary", "Middle School", "High School", "K-8 School"]
    schools = sorted({f"{rng.choice(_NAMESAKES)} {rng.choice(levels)}" for _ in range(80)})[:60]
    districts = [f"{d} Public Schools" for d in sorted(rng.sample(_DISTRICT_STEMS, 20))]
    roster = RosterNames(first=tuple(f for f, _ in people), last=tuple(la for _, la in people),
                         full=tuple(f"{f} {la}" for f, la in people), places=tuple(schools + districts))
    return roster, people, schools, districts


def _nick(first: str, rng: random.Random) -> str | None:
    if first not in _NICKS:
        from evalkit.pii import _nicknames

        _NICKS[first] = sorted(_nicknames([first]))
    return rng.choice(_NICKS[first]) if _NICKS[first] else None


_NICKS: dict[str, list[str]] = {}


def mention(rng: random.Random, first: str, last: str) -> tuple[str, str]:
    """A name as people type it, and what follows it ('' or a possessive)."""
    kind = rng.randrange(13)
    title = rng.choice(["Ms.", "Mr.", "Dr.", "Mrs.", "Principal"])
    if kind == 0:
        return f"{first} {last}", ""
    if kind == 1:
        return f"{first.lower()} {last.lower()}", ""
    if kind == 2:
        return f"{first} {last}".upper(), ""
    if kind == 3:
        return f"{title} {last}", ""
    if kind == 4:
        return f"{title} {last}", "'s"
    if kind == 5:
        return f"{first} {last[0]}.", ""
    if kind == 6:
        return f"{first.lower()} {last[0].lower()}.", ""
    if kind == 7:
        return _ascii(f"{first} {last}"), ""
    if kind == 8:
        return f"{first} {last}".replace("'", "’"), "’s"
    if kind == 9:
        return (_nick(first, rng) or first), ""
    if kind == 10:
        return f"{first} {last}", "'s"
    if kind == 11:
        return f"{title} {_ascii(last)}", ""
    return first, ""


PERSON_SENTENCES = [
    "I met with {p} yesterday about the schedule.",
    "Thanks to {p} for running the data meeting!",
    "{p} shared a great protocol for walkthroughs.",
    "Please ask {p} to send the agenda.",
    "Our coach {p} helped us plan the rounds.",
    "We modeled the feedback cycle on {p} work.",
    "Shout-out to {p}, who stayed late to finish the slides.",
    "The session with {p} was the highlight.",
    "{p} asked me to follow up with the team.",
    "I disagreed with {p} about the pacing.",
    # Hard cases: a name that is also a word, at a sentence start, with no other clue.
    "{p} runs our data team now.",
    "{p} and I co-planned the agenda.",
    "{p} always brings the best questions.",
    "{p} is amazing at facilitation.",
]
SCHOOL_SENTENCES = [
    "At {s} we finally have common planning time.",
    "Teachers at {s} want more coaching.",
    "Our visit to {s} was eye-opening.",
    "I would love to see {s} join next year.",
    "{s} staff piloted the new look-fors.",
]
EMAIL_SENTENCES = ["You can reach me at {e}.", "Send the slides to {e} please.",
                   "My address is {e} if you need it."]
PHONE_SENTENCES = ["Call me at {t} any afternoon.", "My cell is {t}.", "Text {t} if the room changes."]
URL_SENTENCES = ["Our slides are at {u} for anyone interested.", "See {u} for the calendar.",
                 "I posted notes on {u}."]
ADDRESS_SENTENCES = ["Mail the binders to {a} please.", "The retreat is at {a} this year.",
                     "Parking near {a} was a mess."]
SELF_ID_PHRASES = [
    "I am the only Spanish-speaking AP in the district",
    "As the only male kindergarten teacher in the building, I felt alone",
    "being the newest principal in our network",
    "As the principal at {s}, I need more support",
    "I'm the literacy coach for {s} and the work is heavy",
    "as the only superintendent from a regional district",
]
CLEAN_SENTENCES = [
    "I hope we grant more time in May.",
    "Will we get the slides before June?",
    "We need a frank conversation about grading.",
    "Young teachers need more support in their first year.",
    "Mark your calendars for the April institute.",
    "The grant covers substitutes for two days.",
    "Scores rose in the spring and we celebrated.",
    "Hope is not a strategy, so we built a plan.",
    "We will hope for a better May schedule.",
    "The pacing felt rushed in the afternoon.",
    "More time for peer observation would help.",
    "Lunch was great and the room was comfortable.",
    "The data protocol was the most useful part.",
    "I would like more examples from middle schools.",
    "Our PLC used the tool twice this month.",
    "Please share the slides earlier next time.",
    "Breakout groups were too large to talk.",
    "I will apply the feedback routine with my team.",
    "Joy and energy in the room made a difference.",
    "The summer session should start later in August.",
    "Our Black and Brown students deserve rigorous work.",
    "A white board in each room would help planning.",
    "Grace periods for late work came up in our discussion.",
    "We left with a clear next step for May and June.",
]
STREETS = ["Elm", "Oak", "Maple", "Pine Hill", "Cedar", "Washington", "Main", "River", "Chestnut", "Highland"]
SUFFIXES = ["Street", "St.", "Avenue", "Ave.", "Road", "Rd.", "Lane", "Drive", "Court", "Way"]


def _phone(rng: random.Random) -> str:
    a = rng.choice(["413", "508", "617", "781", "978", "339"])
    b, c = f"{rng.randrange(200, 999)}", f"{rng.randrange(10000):04d}"
    return rng.choice([f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"{a}{b}{c}", f"+1 {a} {b} {c}",
                       f"{a} {b} {c} x{rng.randrange(10, 999)}", f"1-{a}-{b}-{c}",
                       f"{a}-{b}-{c} ext. {rng.randrange(1, 99)}"])


def _email(rng: random.Random, first: str, last: str) -> str:
    local = rng.choice([f"{first}.{last}", f"{first[0]}{last}", f"{last}{rng.randrange(10, 99)}"])
    local = _ascii(local).lower().replace("'", "").replace(" ", "")
    dom = rng.choice(["riverdale.k12.example.org", "bps.org", "mail.example.com", "district.example.net"])
    form = rng.randrange(4)
    if form == 0:
        return f"{local}@{dom}"
    if form == 1:
        return f"{local} at {dom.replace('.', ' dot ')}"
    if form == 2:
        return f"{local} (at) {dom.replace('.', ' (dot) ')}"
    return f"{local.upper()}@{dom.upper()}"


def _url(rng: random.Random) -> str:
    path = rng.choice(["slides", "pd/calendar", "staff?id=12", "network/notes"])
    return rng.choice([f"https://www.example.org/{path}", f"www.district.example.net/{path}",
                       f"http://bit.example.com/{path}", f"tinyurl.com/{path.split('/')[0]}x7"])


def _address(rng: random.Random) -> str:
    return f"{rng.randrange(1, 999)} {rng.choice(STREETS)} {rng.choice(SUFFIXES)}"


def make_comments(n: int, seed: int):
    rng = random.Random(seed)
    roster, people, schools, districts = make_roster(rng)
    places = schools + districts
    seen: set[str] = set()
    out: list[Comment] = []
    while len(out) < n:
        c = Comment()
        n_sent = rng.randint(1, 3)
        pii = rng.random() < 0.6
        slots = rng.sample(range(n_sent), k=1) if pii else []
        for i in range(n_sent):
            if c.text:
                c.add(" ")
            if i not in slots:
                c.add(rng.choice(CLEAN_SENTENCES))
                continue
            kind = rng.choices(["person", "school", "email", "phone", "url", "address", "self_id"],
                               weights=[40, 15, 10, 10, 5, 5, 5])[0]
            if kind == "person":
                first, last = rng.choice(people)
                name, tail = mention(rng, first, last)
                before, after = rng.choice(PERSON_SENTENCES).split("{p}")
                c.add(before)
                c.add(name, "PERSON")
                c.add(tail + after)
            elif kind == "school":
                place = rng.choice(places)
                if rng.random() < 0.3:  # the short form people type
                    from evalkit.pii import _short_place

                    place = _short_place(place)
                before, after = rng.choice(SCHOOL_SENTENCES).split("{s}")
                c.add(before)
                c.add(place, "SCHOOL")
                c.add(after)
            elif kind == "self_id":
                phrase = rng.choice(SELF_ID_PHRASES)
                if "{s}" in phrase:
                    before, after = phrase.split("{s}")
                    start = len(c.text)
                    c.add(before)
                    c.add(rng.choice(places), "SCHOOL")
                    c.add(after)
                    c.planted.append((start, len(c.text), "SELF_ID"))
                else:
                    c.add(phrase, "SELF_ID")
                c.add(".")
            else:
                sentence = {"email": EMAIL_SENTENCES, "phone": PHONE_SENTENCES, "url": URL_SENTENCES,
                            "address": ADDRESS_SENTENCES}[kind]
                value = {"email": lambda: _email(rng, *rng.choice(people)), "phone": lambda: _phone(rng),
                         "url": lambda: _url(rng), "address": lambda: _address(rng)}[kind]()
                slot = "{" + kind[0] + "}"
                before, after = rng.choice(sentence).replace("{t}", "{p}").replace("{p}", slot).split(slot)
                c.add(before)
                c.add(value, {"email": "EMAIL", "phone": "PHONE", "url": "URL", "address": "ADDRESS"}[kind])
                c.add(after)
        if c.text not in seen:  # unique comments: no engine profits from a cache
            seen.add(c.text)
            out.append(c)
    return roster, out


# --- the two engines -------------------------------------------------------------------------------


def deny_terms(roster) -> tuple[list[str], list[str]]:
    """The roster as deny lists: names with and without accents, nicknames, schools and short forms."""
    from evalkit.pii import _nicknames, _short_place

    names = set(roster.first) | set(roster.last) | set(roster.full) | _nicknames(roster.first)
    names |= {_ascii(n) for n in names}
    places = set(roster.places) | {_short_place(p) for p in roster.places}
    return sorted(n for n in names if len(n) >= 2), sorted(places)


def build_presidio(roster, tmp: Path):
    os.environ["TLDEXTRACT_CACHE"] = str(tmp / "tldextract")  # no cache files outside the temporary folder
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    logging.getLogger("presidio-anonymizer").setLevel(logging.ERROR)
    import spacy
    from presidio_analyzer import AnalyzerEngine, PatternRecognizer, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers import EmailRecognizer, PhoneRecognizer, UrlRecognizer
    from presidio_anonymizer import AnonymizerEngine

    model = tmp / "blank_en"
    spacy.blank("en").to_disk(model)
    nlp_engine = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": str(model)}]}).create_engine()
    persons, places = deny_terms(roster)
    registry = RecognizerRegistry(supported_languages=["en"])
    for rec in (EmailRecognizer(), PhoneRecognizer(supported_regions=("US",)), UrlRecognizer(),
                PatternRecognizer(supported_entity="PERSON", deny_list=persons, name="roster_person"),
                PatternRecognizer(supported_entity="SCHOOL", deny_list=places, name="roster_school")):
        registry.add_recognizer(rec)
    analyzer = AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=["en"])
    return analyzer, AnonymizerEngine()


def run_presidio(engines, texts: list[str]):
    analyzer, anonymizer = engines
    entities = ["EMAIL_ADDRESS", "PHONE_NUMBER", "URL", "PERSON", "SCHOOL"]
    spans, outs = [], []
    for t in texts:
        res = analyzer.analyze(text=t, language="en", entities=entities)
        outs.append(anonymizer.anonymize(text=t, analyzer_results=res).text)
        spans.append([(r.start, r.end) for r in res])
    return spans, outs


def score(comments: list[Comment], spans: list[list[tuple[int, int]]]) -> dict:
    found, total, tp, n_spans = Counter(), Counter(), 0, 0
    for c, ss in zip(comments, spans, strict=True):
        for a, b, kind in c.planted:
            total[kind] += 1
            found[kind] += any(s < b and a < e for s, e in ss)
        n_spans += len(ss)
        tp += sum(any(s < b and a < e for a, b, _ in c.planted) for s, e in ss)
    return {"recall": sum(found.values()) / sum(total.values()),
            "precision": tp / n_spans if n_spans else 0.0,
            "by_kind": {k: found[k] / total[k] for k in sorted(total)}, "planted": sum(total.values()),
            "spans": n_spans}


def _roster_json(folder: Path) -> tuple[list[dict], tuple[str, ...]]:
    """A corpus's ``roster.json``: its people, and the names of its schools and districts (sorted)."""
    import json

    people = json.loads((folder / "roster.json").read_text(encoding="utf-8"))
    if isinstance(people, dict):   # {"people": [...], "schools": [...], "districts": [...]} or a list of people
        schools, districts, people = people.get("schools", []), people.get("districts", []), people.get("people", [])
    else:
        schools, districts = [], []
    named = [x if isinstance(x, str) else x.get("name") for x in [*schools, *districts]]
    places = {p.get("school") for p in people} | {p.get("district") for p in people} | set(named)
    return people, tuple(sorted(x for x in places if x))


def load_corpus(folder: Path, half: str):
    """A labelled corpus (roster, comments of one half) as (RosterNames, list of dict)."""
    import json

    from evalkit.pii import RosterNames

    people, places = _roster_json(folder)
    # what a program's roster holds: each person's first and last name as registered, and the official names of
    # the schools and districts (short forms, initials and nicknames are the redactor's job, not the roster's)
    # (a person known by one name has no surname: "Aung", as Burmese names are written)
    first = tuple(sorted({p["first"] for p in people if p.get("first")}))
    last = tuple(sorted({p["last"] for p in people if p.get("last")}))
    full = tuple(sorted({" ".join(n for n in (p.get("first"), p.get("last")) if n) for p in people}))
    roster = RosterNames(first=first, last=last, full=full, places=places)
    split = json.loads((folder / "split.json").read_text(encoding="utf-8"))
    keep = set(split[half]) if half != "all" else None
    rows = [json.loads(line) for line in (folder / "comments.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return roster, [r for r in rows if keep is None or r["id"] in keep]


def project_roster(folder: Path):
    """A corpus's roster as a project reads it from one roster export: a whole-name column ("First Last", as a
    Google Form's "Name" or a Zoom report holds it) and a column of schools and districts, through
    :func:`evalkit.clean.checks.collect_roster_names` (the product's path, where :func:`load_corpus` gives the
    lists a roster registers apart)."""
    import pandas as pd

    from evalkit.clean.checks import collect_roster_names
    from evalkit.clean.survey import CleanTable
    from evalkit.config import Codebook, Project, ProjectConfig

    people, places = _roster_json(folder)
    names = sorted({" ".join(n for n in (p.get("first"), p.get("last")) if n) for p in people})
    places = list(places)
    n = max(len(names), len(places))
    frame = pd.DataFrame({"Name": names + [None] * (n - len(names)), "School": places + [None] * (n - len(places))})
    project = Project.model_validate({
        "project": "bench", "title": "Benchmark", "programs": [{"id": "p", "kind": "cadre", "name": "Program"}],
        "sources": [{"id": "roster", "file": "roster.csv", "kind": "roster", "name_columns": ["Name"],
                     "place_columns": ["School"]}]})
    cfg = ProjectConfig(project=project, codebook=Codebook.model_validate({}), project_file=folder / "evalkit.yml")
    table = CleanTable(source=project.source("roster"), data=frame, fields={}, identifier_columns=(), drop_columns=())
    return collect_roster_names(cfg, {"roster": table})


def strict_score(rows: list[dict], spans: list[list[tuple[int, int]]], review: list[bool] | None = None) -> dict:
    """Strict recall by kind (every character of a span inside a redacted span), review recall, and the share of
    comments without personal data in which anything was redacted."""
    found, total = Counter(), Counter()
    clean = fp = 0
    rev_total = rev_found = rev_clean_flagged = 0
    for i, (r, ss) in enumerate(zip(rows, spans, strict=True)):
        covered = set()
        for a, b in ss:
            covered.update(range(a, b))
        for sp in r["spans"]:
            total[sp["kind"]] += 1
            found[sp["kind"]] += all(j in covered for j in range(sp["start"], sp["end"]))
        if r.get("review"):
            rev_total += 1
            rev_found += bool(review and review[i])
        if not r["spans"] and not r.get("review"):
            clean += 1
            fp += bool(ss)
            rev_clean_flagged += bool(review and review[i])
    n = sum(total.values())
    return {"recall": sum(found.values()) / n if n else float("nan"), "spans_found": sum(found.values()), "spans": n,
            "fp": fp,
            "by_kind": {k: (found[k] / total[k], total[k]) for k in sorted(total)},
            "review_recall": rev_found / rev_total if rev_total else float("nan"), "review_total": rev_total,
            "fp_comments": fp / clean if clean else float("nan"), "clean": clean,
            "clean_sent_to_review": rev_clean_flagged}


def main_corpus(args) -> int:
    import pandas as pd

    from evalkit.anonymize.redaction import Redactor

    roster, rows = load_corpus(Path(args.corpus), args.half)
    if args.roster_as == "column":
        roster = project_roster(Path(args.corpus))
    texts = [r["text"] for r in rows]
    print(f"{args.corpus} ({args.half}): {len(rows):,} comments, {sum(len(r['spans']) for r in rows):,} personal "
          f"spans, {sum(bool(r.get('review')) for r in rows)} to review; roster of {len(roster.full)} people and "
          f"{len(roster.places)} places", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        presidio = build_presidio(roster, Path(tmp)) if args.presidio else None
        ev_times, pr_times = [], []
        for _ in range(args.repeat):
            redactor = Redactor.from_roster(roster, token_model=args.models, review_model=args.models)
            t0 = time.perf_counter()
            redactor.redact_series(pd.Series(texts))
            ev_times.append(time.perf_counter() - t0)
            if presidio is not None:
                t0 = time.perf_counter()
                pr_spans, _ = run_presidio(presidio, texts)
                pr_times.append(time.perf_counter() - t0)
        outs = [redactor.redact(t) for t in texts]
    ev_spans = [[(s.start, s.end) for s in o.spans if s.label != "SELF_ID"] for o in outs]
    ev = strict_score(rows, ev_spans, [o.needs_review for o in outs])
    pr = strict_score(rows, pr_spans) if presidio is not None else None
    print(f"\n{'':28s}{'evalkit':>10s}" + (f"{'Presidio':>10s}" if pr else ""))
    print(f"{'strict recall':28s}{ev['recall']:10.3f}" + (f"{pr['recall']:10.3f}" if pr else ""))
    for kind, (r, n) in ev["by_kind"].items():
        print(f"{'  ' + kind + f' (n={n})':28s}{r:10.3f}" + (f"{pr['by_kind'][kind][0]:10.3f}" if pr else ""))
    print(f"{'false-positive comments':28s}{ev['fp_comments']:10.3f}" + (f"{pr['fp_comments']:10.3f}" if pr else "")
          + f"   (of {ev['clean']} with no personal data)")
    print(f"{'self-identifying: reviewed':28s}{ev['review_recall']:10.3f}   (of {ev['review_total']}; "
          f"{ev['clean_sent_to_review']} clean comments also sent)")
    if pr_times:
        ratio = statistics.median(pr_times) / statistics.median(ev_times)
        print(f"{'throughput ratio':28s}{ratio:10.1f}x   (evalkit {len(texts) / statistics.median(ev_times):,.0f} "
              f"comments/s)")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="number of comments")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=1, help="timed runs per engine (median reported)")
    ap.add_argument("--corpus", help="a labelled corpus folder (roster.json, comments.jsonl, split.json)")
    ap.add_argument("--half", default="tune", choices=["tune", "heldout", "all"],
                    help="which half of the corpus (tune while changing rules; heldout for the final measure)")
    ap.add_argument("--roster-as", default="lists", choices=["lists", "column"],
                    help="with --corpus: the roster as the lists a roster registers apart (first, last, full names, "
                         "places; default) or as a project's roster export with one whole-name column, read by "
                         "evalkit.clean.checks.collect_roster_names (the product's path); both engines get it")
    ap.add_argument("--no-presidio", dest="presidio", action="store_false", help="score evalkit alone")
    ap.add_argument("--rules-only", dest="models", action="store_false",
                    help="evalkit without its words' model (evalkit/token_model.py) and its comments' model "
                         "(evalkit/review_model.py): the rules alone")
    args = ap.parse_args(argv)
    if args.presidio and any(importlib.util.find_spec(m) is None for m in ("presidio_analyzer", "presidio_anonymizer")):
        print("Presidio is not installed: pip install -e '.[bench]' (or --no-presidio)", file=sys.stderr)
        return 2
    if args.corpus:
        return main_corpus(args)

    import pandas as pd

    from evalkit.anonymize.redaction import Redactor

    roster, comments = make_comments(args.n, args.seed)
    texts = [c.text for c in comments]
    n_planted = sum(len(c.planted) for c in comments)
    print(f"{len(texts):,} comments (seed {args.seed}), {n_planted:,} planted strings, "
          f"{sum(not c.planted for c in comments):,} comments with none; "
          f"roster of {len(roster.full)} people, "
          f"{len(roster.places)} schools and districts", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        redactor = Redactor.from_roster(roster, token_model=args.models, review_model=args.models)
        ev_build = time.perf_counter() - t0
        t0 = time.perf_counter()
        presidio = build_presidio(roster, Path(tmp))
        pr_build = time.perf_counter() - t0

        ev_times, pr_times = [], []
        for _ in range(args.repeat):
            redactor = Redactor.from_roster(roster, token_model=args.models, review_model=args.models)  # a fresh redactor: no cached texts
            t0 = time.perf_counter()
            frame = redactor.redact_series(pd.Series(texts))
            ev_times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            pr_spans, _ = run_presidio(presidio, texts)
            pr_times.append(time.perf_counter() - t0)
        ev_spans = [[(s.start, s.end) for s in redactor.redact(t).spans] for t in texts]
        assert frame["n_spans"].tolist() == [len(s) for s in ev_spans]

    ev, pr = score(comments, ev_spans), score(comments, pr_spans)
    ev_rate, pr_rate = len(texts) / statistics.median(ev_times), len(texts) / statistics.median(pr_times)
    ratio = ev_rate / pr_rate
    print()
    print(f"{'':24s}{'evalkit':>12s}{'Presidio':>12s}")
    print(f"{'build (s)':24s}{ev_build:12.2f}{pr_build:12.2f}")
    print(f"{'throughput (comments/s)':24s}{ev_rate:12,.0f}{pr_rate:12,.0f}")
    print(f"{'recall':24s}{ev['recall']:12.3f}{pr['recall']:12.3f}")
    print(f"{'precision':24s}{ev['precision']:12.3f}{pr['precision']:12.3f}")
    print(f"{'spans returned':24s}{ev['spans']:12,d}{pr['spans']:12,d}")
    for kind in ev["by_kind"]:
        print(f"{'  recall ' + kind:24s}{ev['by_kind'][kind]:12.3f}{pr['by_kind'][kind]:12.3f}")
    met = ratio >= TARGET_RATIO and ev["recall"] > pr["recall"]
    print(f"\nthroughput ratio evalkit / Presidio: {ratio:.1f}x "
          f"(target >= {TARGET_RATIO:.0f}x with higher recall: {'met' if met else 'NOT met'})")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
