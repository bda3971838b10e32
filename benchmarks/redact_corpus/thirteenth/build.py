#!/usr/bin/env python3
"""Build the "thirteenth" redaction evaluation set from the hand-written sources in src/.

Sources:
  src/roster.txt      one person per line: first | last | nickname | email | phone | school | district | role
                      ('-' = none; lines starting with '#' are comments)
  src/neg_*.txt       comments with no personal data          -> category "neg"
  src/review_*.txt    comments singling out one unnamed person -> category "review"
  src/pos_*.txt       comments with personal data              -> category "pos"

In the comment files a line holding only '---' separates blocks (one block = one comment) and spans are
marked inline as [[kind:text]] (kinds person, email, phone, url, address, school, district; aliases
p, e, ph, u, a, s, d).  The marks are stripped and offsets computed here; nobody types offsets by hand.

Outputs (next to this script): roster.json, comments.jsonl, split.json, provenance.tsv

Usage:  python3 build.py
"""
import glob
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")
PREFIX = "thirteenth"
SHUFFLE_SEED = 13001
SPLIT_SEED = 13002

KINDS = {"person", "email", "phone", "url", "address", "school", "district"}
ALIASES = {"p": "person", "e": "email", "ph": "phone", "u": "url", "a": "address", "s": "school", "d": "district"}
ROSTER_KEYS = ["first", "last", "nickname", "email", "phone", "school", "district", "role"]
CATEGORIES = [("neg", "neg_"), ("review", "review_"), ("pos", "pos_")]

MARK_RE = re.compile(r"\[\[([A-Za-z]+):(.*?)\]\]", re.S)


class BuildError(Exception):
    pass


def read_roster():
    path = os.path.join(SRC, "roster.txt")
    people = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = [f.strip() for f in line.split("|")]
            if len(fields) != len(ROSTER_KEYS):
                raise BuildError(f"roster.txt:{n}: expected {len(ROSTER_KEYS)} fields, got {len(fields)}")
            rec = {}
            for key, val in zip(ROSTER_KEYS, fields):
                rec[key] = None if val in ("-", "") else val
            if not rec["first"] or not rec["last"]:
                raise BuildError(f"roster.txt:{n}: first and last are required")
            people.append(rec)
    return people


def split_blocks(path):
    """Yield (block_number, raw_text) for each non-empty block of a source file."""
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    blocks, cur = [], []
    for line in lines:
        if line.rstrip() == "---":
            blocks.append(cur)
            cur = []
        else:
            cur.append(line)
    blocks.append(cur)
    out = []
    num = 0
    for b in blocks:
        raw = "\n".join(b).strip()
        if not raw:
            continue
        num += 1
        out.append((num, raw))
    return out


def parse_marks(raw, where):
    """Strip [[kind:text]] marks; return (text, spans)."""
    text_parts, spans = [], []
    pos = 0
    length = 0
    for m in MARK_RE.finditer(raw):
        before = raw[pos:m.start()]
        text_parts.append(before)
        length += len(before)
        kind = m.group(1).lower()
        kind = ALIASES.get(kind, kind)
        if kind not in KINDS:
            raise BuildError(f"{where}: unknown kind {m.group(1)!r}")
        inner = m.group(2)
        if not inner or inner != inner.strip():
            raise BuildError(f"{where}: span text empty or padded with whitespace: {inner!r}")
        if "[[" in inner or "]]" in inner:
            raise BuildError(f"{where}: nested mark in {inner!r}")
        start = length
        text_parts.append(inner)
        length += len(inner)
        spans.append({"start": start, "end": length, "kind": kind, "text": inner})
        pos = m.end()
    rest = raw[pos:]
    text_parts.append(rest)
    text = "".join(text_parts)
    if "[[" in text or "]]" in text:
        raise BuildError(f"{where}: stray '[[' or ']]' left after stripping marks")
    spans.sort(key=lambda s: (s["start"], s["end"]))
    return text, spans


def read_comments():
    items = []
    for cat, prefix in CATEGORIES:
        files = sorted(glob.glob(os.path.join(SRC, prefix + "*.txt")))
        for path in files:
            rel = os.path.relpath(path, HERE)
            for num, raw in split_blocks(path):
                where = f"{rel} block {num}"
                text, spans = parse_marks(raw, where)
                if cat == "neg" and spans:
                    raise BuildError(f"{where}: negative comment carries spans")
                if cat == "pos" and not spans:
                    raise BuildError(f"{where}: positive comment has no spans")
                items.append({"category": cat, "source_file": rel, "block": num, "text": text, "spans": spans})
    return items


def main():
    try:
        roster = read_roster()
        items = read_comments()
    except BuildError as exc:
        print("build error:", exc, file=sys.stderr)
        return 1

    rng = random.Random(SHUFFLE_SEED)
    rng.shuffle(items)
    width = max(4, len(str(len(items))))
    for i, it in enumerate(items, 1):
        it["id"] = f"{PREFIX}-{i:0{width}d}"

    # stratified 50/50 split: shuffle each category, first half to tune; odd leftovers alternate
    split_rng = random.Random(SPLIT_SEED)
    tune, heldout = [], []
    odd_to_tune = True
    for cat, _ in CATEGORIES:
        ids = [it["id"] for it in items if it["category"] == cat]
        split_rng.shuffle(ids)
        half = len(ids) // 2
        tune.extend(ids[:half])
        heldout.extend(ids[half:2 * half])
        if len(ids) % 2:
            (tune if odd_to_tune else heldout).append(ids[-1])
            odd_to_tune = not odd_to_tune
    tune.sort()
    heldout.sort()

    with open(os.path.join(HERE, "roster.json"), "w", encoding="utf-8") as fh:
        json.dump(roster, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    with open(os.path.join(HERE, "comments.jsonl"), "w", encoding="utf-8") as fh:
        for it in items:
            rec = {"id": it["id"], "text": it["text"],
                   "spans": [{"start": s["start"], "end": s["end"], "kind": s["kind"], "text": s["text"]}
                             for s in it["spans"]],
                   "review": it["category"] == "review"}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "split.json"), "w", encoding="utf-8") as fh:
        json.dump({"tune": tune, "heldout": heldout}, fh, indent=1)
        fh.write("\n")
    with open(os.path.join(HERE, "provenance.tsv"), "w", encoding="utf-8") as fh:
        fh.write("id\tcategory\tsource_file\tblock\n")
        for it in items:
            fh.write(f"{it['id']}\t{it['category']}\t{it['source_file']}\t{it['block']}\n")

    counts = {c: sum(1 for it in items if it["category"] == c) for c, _ in CATEGORIES}
    print(f"built {len(items)} comments ({counts}), {sum(len(it['spans']) for it in items)} spans, "
          f"{len(roster)} roster people; tune {len(tune)}, heldout {len(heldout)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
