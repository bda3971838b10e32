#!/usr/bin/env python3
"""Build the "tenth" redaction evaluation set from the hand-written sources in src/.

Inputs (all hand-written, see README.md):
  src/roster.txt      first | last | nickname | email | phone | school | district | role  ('-' = none)
  src/neg_*.txt       comments with no personal data (no marks allowed)
  src/review_*.txt    comments that single out one unnamed person (review=true)
  src/pos_*.txt       comments with personal data

Comment blocks are separated by a line containing only '---'.
Spans are marked inline as [[kind:text]]; kinds person, email, phone, url,
address, school, district (aliases p, e, ph, u, a, s, d).

Outputs: roster.json, comments.jsonl, split.json, provenance.tsv

Usage: python3 build.py
"""
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"

PREFIX = "tenth"
N_EXPECTED = 600
SHUFFLE_SEED = 20240610
SPLIT_SEED = 1010

KINDS = {
    "person": "person", "p": "person",
    "email": "email", "e": "email",
    "phone": "phone", "ph": "phone",
    "url": "url", "u": "url",
    "address": "address", "a": "address",
    "school": "school", "s": "school",
    "district": "district", "d": "district",
}
MARK = re.compile(r"\[\[([A-Za-z]+):(.*?)\]\]", re.S)
SEP = re.compile(r"^[ \t]*---[ \t]*$", re.M)
ROSTER_KEYS = ["first", "last", "nickname", "email", "phone", "school", "district", "role"]
CATEGORIES = ("neg", "review", "pos")


class BuildError(Exception):
    pass


def parse_roster(path):
    people = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("|")]
        if len(fields) != len(ROSTER_KEYS):
            raise BuildError(f"{path.name}:{n}: expected {len(ROSTER_KEYS)} fields, got {len(fields)}")
        rec = {k: (None if v in ("-", "") else v) for k, v in zip(ROSTER_KEYS, fields)}
        if not rec["first"] or not rec["last"]:
            raise BuildError(f"{path.name}:{n}: first and last are required")
        people.append(rec)
    return people


def split_blocks(raw):
    """Split a source file into (block_number, block_text) pairs."""
    blocks = []
    for i, chunk in enumerate(SEP.split(raw), 1):
        text = chunk.strip()
        if text:
            blocks.append((i, text))
    return blocks


def strip_marks(block, where):
    """Return (plain_text, spans) for a marked-up block."""
    out = []
    spans = []
    pos = 0  # position in the plain text
    last = 0  # position in the marked-up block
    for m in MARK.finditer(block):
        before = block[last:m.start()]
        out.append(before)
        pos += len(before)
        kind_raw, inner = m.group(1), m.group(2)
        kind = KINDS.get(kind_raw.lower())
        if kind is None:
            raise BuildError(f"{where}: unknown kind {kind_raw!r} in {m.group(0)!r}")
        if not inner or inner != inner.strip():
            raise BuildError(f"{where}: empty or padded span {m.group(0)!r}")
        if "[[" in inner:
            raise BuildError(f"{where}: nested mark in {m.group(0)!r}")
        spans.append({"start": pos, "end": pos + len(inner), "kind": kind, "text": inner})
        out.append(inner)
        pos += len(inner)
        last = m.end()
    out.append(block[last:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        raise BuildError(f"{where}: stray '[[' or ']]' left after stripping marks")
    for s in spans:
        if text[s["start"]:s["end"]] != s["text"]:
            raise BuildError(f"{where}: offset mismatch for {s!r}")
    spans.sort(key=lambda s: (s["start"], s["end"]))
    return text, spans


def load_comments():
    items = []
    files = sorted(SRC.glob("*.txt"))
    for path in files:
        if path.name == "roster.txt":
            continue
        cat = path.name.split("_", 1)[0]
        if cat not in CATEGORIES or "_" not in path.name:
            raise BuildError(f"unexpected source file {path.name}")
        raw = path.read_text(encoding="utf-8")
        for block_no, block in split_blocks(raw):
            where = f"{path.name} block {block_no}"
            text, spans = strip_marks(block, where)
            if cat == "neg" and spans:
                raise BuildError(f"{where}: negative comment has spans")
            if cat == "pos" and not spans:
                raise BuildError(f"{where}: positive comment has no spans")
            items.append({
                "text": text,
                "spans": spans,
                "review": cat == "review",
                "category": cat,
                "source_file": f"src/{path.name}",
                "block": block_no,
            })
    return items


def main():
    try:
        roster = parse_roster(SRC / "roster.txt")
        items = load_comments()
    except BuildError as e:
        print(f"build.py: error: {e}", file=sys.stderr)
        return 1

    seen = {}
    for it in items:
        key = it["text"]
        if key in seen:
            print(f"build.py: error: duplicate comment text in {it['source_file']} block {it['block']} "
                  f"and {seen[key]}", file=sys.stderr)
            return 1
        seen[key] = f"{it['source_file']} block {it['block']}"

    if len(items) != N_EXPECTED:
        print(f"build.py: warning: {len(items)} comments, expected {N_EXPECTED}", file=sys.stderr)

    random.Random(SHUFFLE_SEED).shuffle(items)
    width = max(4, len(str(len(items))))
    for n, it in enumerate(items, 1):
        it["id"] = f"{PREFIX}-{n:0{width}d}"

    # stratified 50/50 split
    rng = random.Random(SPLIT_SEED)
    tune, heldout = [], []
    for cat in CATEGORIES:
        ids = sorted(it["id"] for it in items if it["category"] == cat)
        rng.shuffle(ids)
        half = len(ids) // 2
        # an odd one out goes to whichever side is currently smaller
        if len(ids) % 2 and len(tune) < len(heldout):
            half += 1
        tune.extend(ids[:half])
        heldout.extend(ids[half:])

    (HERE / "roster.json").write_text(
        json.dumps(roster, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    with open(HERE / "comments.jsonl", "w", encoding="utf-8") as f:
        for it in items:
            rec = {"id": it["id"], "text": it["text"], "spans": it["spans"], "review": it["review"]}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    (HERE / "split.json").write_text(
        json.dumps({"tune": sorted(tune), "heldout": sorted(heldout)}, indent=1) + "\n", encoding="utf-8")
    with open(HERE / "provenance.tsv", "w", encoding="utf-8") as f:
        f.write("id\tcategory\tsource_file\tblock\n")
        for it in items:
            f.write(f"{it['id']}\t{it['category']}\t{it['source_file']}\t{it['block']}\n")

    n_spans = sum(len(it["spans"]) for it in items)
    print(f"build.py: {len(roster)} roster people, {len(items)} comments, {n_spans} spans; "
          f"tune {len(tune)}, heldout {len(heldout)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
