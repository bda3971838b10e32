#!/usr/bin/env python3
"""Build the `fifth` hand-labelled redaction corpus from src/.

Inputs (all hand-written):
  src/roster.txt        one person per line:
                        first | last | nickname | email | phone | school | district | role
                        ("-" means null; lines starting with "#" are notes)
  src/neg_*.txt         comments with no personal data
  src/review_*.txt      comments that single out a person without naming them
  src/pos_*.txt         comments with personal data
Comment files hold one comment per block; blocks are separated by a line that
contains only "---".  Spans are written inline as [[kind:text]]; short kind
aliases are accepted (p, e, ph, u, a, s, d).

Outputs (offsets are computed here, never typed):
  roster.json, comments.jsonl, split.json

Python 3.11 standard library only.
"""
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"

SHUFFLE_SEED = 5150
SPLIT_SEED = 20515
EXPECTED_COMMENTS = 700
EXPECTED_ROSTER = 150

KINDS = {"person", "email", "phone", "url", "address", "school", "district"}
ALIASES = {
    "p": "person", "e": "email", "ph": "phone", "u": "url",
    "a": "address", "s": "school", "d": "district",
}
SPAN_RE = re.compile(r"\[\[([a-z]+):(.*?)\]\]", re.DOTALL)
SEP_RE = re.compile(r"^---[ \t]*$", re.MULTILINE)
ROSTER_FIELDS = ["first", "last", "nickname", "email", "phone", "school", "district", "role"]


def fail(msg):
    print("build.py: error: " + msg, file=sys.stderr)
    sys.exit(1)


def parse_roster(path):
    people = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != len(ROSTER_FIELDS):
            fail(f"{path.name}:{n}: expected {len(ROSTER_FIELDS)} fields, got {len(parts)}")
        rec = {k: (None if v == "-" else v) for k, v in zip(ROSTER_FIELDS, parts)}
        for k in ("first", "last", "email", "phone", "role"):
            if not rec[k]:
                fail(f"{path.name}:{n}: field {k} is empty")
        people.append(rec)
    return people


def parse_block(block, where):
    """Turn one block with inline [[kind:text]] marks into (text, spans)."""
    out = []
    spans = []
    pos = 0
    length = 0
    for m in SPAN_RE.finditer(block):
        before = block[pos:m.start()]
        out.append(before)
        length += len(before)
        kind = ALIASES.get(m.group(1), m.group(1))
        if kind not in KINDS:
            fail(f"{where}: unknown span kind {m.group(1)!r}")
        stext = m.group(2)
        if not stext or stext != stext.strip():
            fail(f"{where}: empty span or span with outer whitespace: {stext!r}")
        spans.append({"start": length, "end": length + len(stext), "kind": kind, "text": stext})
        out.append(stext)
        length += len(stext)
        pos = m.end()
    out.append(block[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        fail(f"{where}: unbalanced span marker left in text: {text[:80]!r}")
    for s in spans:
        if text[s["start"]:s["end"]] != s["text"]:
            fail(f"{where}: offset bug")
    return text, spans


def parse_comments(path):
    raw = path.read_text(encoding="utf-8")
    blocks = SEP_RE.split(raw)
    items = []
    for i, b in enumerate(blocks, 1):
        b = b.strip()
        if not b:
            continue
        text, spans = parse_block(b, f"{path.name} block {i}")
        items.append((text, spans))
    return items


def main():
    roster = parse_roster(SRC / "roster.txt")
    if len(roster) != EXPECTED_ROSTER:
        fail(f"roster has {len(roster)} people, expected {EXPECTED_ROSTER}")

    comments = []  # (category, text, spans)
    for path in sorted(SRC.glob("*.txt")):
        if path.name == "roster.txt":
            continue
        cat = path.name.split("_", 1)[0]
        if cat not in ("neg", "review", "pos"):
            fail(f"unexpected source file {path.name}")
        for text, spans in parse_comments(path):
            if cat == "neg" and spans:
                fail(f"{path.name}: negative comment has spans: {text[:60]!r}")
            if cat == "pos" and not spans:
                fail(f"{path.name}: positive comment without spans: {text[:60]!r}")
            comments.append((cat, text, spans))

    seen = {}
    for cat, text, _ in comments:
        key = text.strip().lower()
        if key in seen:
            fail(f"duplicate comment text: {text[:60]!r}")
        seen[key] = True

    counts = {c: sum(1 for x in comments if x[0] == c) for c in ("neg", "review", "pos")}
    print("parsed:", counts, "total", len(comments))
    if len(comments) != EXPECTED_COMMENTS:
        fail(f"{len(comments)} comments, expected {EXPECTED_COMMENTS}")

    rng = random.Random(SHUFFLE_SEED)
    rng.shuffle(comments)
    records = []
    cat_of = {}
    for i, (cat, text, spans) in enumerate(comments, 1):
        cid = f"fifth-{i:04d}"
        cat_of[cid] = cat
        records.append({"id": cid, "text": text, "spans": spans, "review": cat == "review"})

    srng = random.Random(SPLIT_SEED)
    tune, heldout = [], []
    for cat in ("neg", "review", "pos"):
        ids = sorted(c for c, k in cat_of.items() if k == cat)
        srng.shuffle(ids)
        half = len(ids) // 2
        tune += ids[:half]
        heldout += ids[half:]

    (HERE / "roster.json").write_text(
        json.dumps(roster, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    with open(HERE / "comments.jsonl", "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    (HERE / "split.json").write_text(
        json.dumps({"tune": sorted(tune), "heldout": sorted(heldout)}, indent=1) + "\n",
        encoding="utf-8")
    print(f"wrote roster.json ({len(roster)}), comments.jsonl ({len(records)}), "
          f"split.json (tune {len(tune)}, heldout {len(heldout)})")


if __name__ == "__main__":
    main()
