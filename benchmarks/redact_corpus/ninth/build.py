#!/usr/bin/env python3
"""Build the "ninth" redaction evaluation set from the hand-written sources in src/.

Sources
  src/roster.txt     first | last | nickname | email | phone | school | district | role   ("-" = none)
  src/neg_*.txt      comments with no personal data           (category "neg")
  src/review_*.txt   comments singling out one unnamed person  (category "review")
  src/pos_*.txt      comments with personal data               (category "pos")

In the comment files a line holding only "---" separates blocks (one block = one comment)
and spans are marked inline as [[kind:text]]; kinds person, email, phone, url, address,
school, district, or their aliases p, e, ph, u, a, s, d.

Outputs (next to this script)
  roster.json, comments.jsonl, split.json, provenance.tsv

Offsets are Python str indices (Unicode code points) into the stripped text.
Only the Python 3.11 standard library is used.  Run:  python3 build.py
"""
import glob
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")
PREFIX = "ninth"
SHUFFLE_SEED = 20240909
SPLIT_SEED = 909
EXPECTED_TOTAL = 600

KINDS = {
    "person": "person", "p": "person",
    "email": "email", "e": "email",
    "phone": "phone", "ph": "phone",
    "url": "url", "u": "url",
    "address": "address", "a": "address",
    "school": "school", "s": "school",
    "district": "district", "d": "district",
}
CATEGORIES = (("neg", "neg_*.txt"), ("review", "review_*.txt"), ("pos", "pos_*.txt"))
ROSTER_FIELDS = ["first", "last", "nickname", "email", "phone", "school", "district", "role"]
MARK = re.compile(r"\[\[([A-Za-z]+):(.*?)\]\]", re.S)

errors = []


def err(msg):
    errors.append(msg)


def read_roster():
    path = os.path.join(SRC, "roster.txt")
    people = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) != len(ROSTER_FIELDS):
                err(f"roster.txt:{n}: expected {len(ROSTER_FIELDS)} fields, got {len(parts)}")
                continue
            rec = {k: (None if v == "-" else v) for k, v in zip(ROSTER_FIELDS, parts)}
            for k in ("first", "last", "role"):
                if rec[k] is None:
                    err(f"roster.txt:{n}: field {k} may not be '-'")
            people.append(rec)
    return people


def split_blocks(raw):
    """Yield (block_number, text) for each non-empty block; blocks split on lines that are exactly '---'."""
    blocks, cur = [], []
    for line in raw.split("\n"):
        if line.rstrip("\r") == "---":
            blocks.append("\n".join(cur))
            cur = []
        else:
            cur.append(line.rstrip("\r"))
    blocks.append("\n".join(cur))
    n = 0
    for b in blocks:
        b = b.strip()
        if not b:
            continue
        n += 1
        yield n, b


def parse_marks(marked, where):
    out, spans, pos = [], [], 0
    length = 0
    for m in MARK.finditer(marked):
        before = marked[pos:m.start()]
        out.append(before)
        length += len(before)
        kind_raw, inner = m.group(1), m.group(2)
        kind = KINDS.get(kind_raw.lower())
        if kind is None:
            err(f"{where}: unknown kind {kind_raw!r}")
            kind = kind_raw
        if not inner or inner != inner.strip():
            err(f"{where}: span {inner!r} is empty or has outer whitespace")
        if "[[" in inner:
            err(f"{where}: nested mark in {inner!r}")
        spans.append({"start": length, "end": length + len(inner), "kind": kind, "text": inner})
        out.append(inner)
        length += len(inner)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        err(f"{where}: stray '[[' or ']]' left after stripping marks")
    for s in spans:
        assert text[s["start"]:s["end"]] == s["text"]
    spans.sort(key=lambda s: (s["start"], s["end"]))
    return text, spans


def read_comments():
    items = []
    for cat, pattern in CATEGORIES:
        for path in sorted(glob.glob(os.path.join(SRC, pattern))):
            name = os.path.basename(path)
            with open(path, encoding="utf-8") as fh:
                raw = fh.read()
            for n, block in split_blocks(raw):
                where = f"{name} block {n}"
                text, spans = parse_marks(block, where)
                if not text.strip():
                    err(f"{where}: empty after stripping")
                if cat == "neg" and spans:
                    err(f"{where}: negative comment has spans {[s['text'] for s in spans]}")
                if cat == "pos" and not spans:
                    err(f"{where}: positive comment has no spans")
                items.append({"category": cat, "source_file": f"src/{name}", "block": n,
                              "text": text, "spans": spans})
    return items


def main():
    roster = read_roster()
    items = read_comments()
    seen = {}
    for it in items:
        key = it["text"]
        if key in seen:
            err(f"duplicate comment text in {it['source_file']} block {it['block']} "
                f"and {seen[key]}")
        seen[key] = f"{it['source_file']} block {it['block']}"
    if len(items) != EXPECTED_TOTAL:
        err(f"expected {EXPECTED_TOTAL} comments, found {len(items)}")
    if errors:
        for e in errors:
            print("ERROR:", e, file=sys.stderr)
        print(f"{len(errors)} error(s); nothing written.", file=sys.stderr)
        return 1

    rng = random.Random(SHUFFLE_SEED)
    rng.shuffle(items)
    width = max(4, len(str(len(items))))
    for i, it in enumerate(items, 1):
        it["id"] = f"{PREFIX}-{i:0{width}d}"

    srng = random.Random(SPLIT_SEED)
    tune, heldout = [], []
    flip = 0
    for cat, _ in CATEGORIES:
        ids = sorted(it["id"] for it in items if it["category"] == cat)
        srng.shuffle(ids)
        half = len(ids) // 2
        if len(ids) % 2:
            half += flip
            flip ^= 1
        tune.extend(ids[:half])
        heldout.extend(ids[half:])
    tune.sort()
    heldout.sort()

    with open(os.path.join(HERE, "roster.json"), "w", encoding="utf-8") as fh:
        json.dump(roster, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    with open(os.path.join(HERE, "comments.jsonl"), "w", encoding="utf-8") as fh:
        for it in items:
            rec = {"id": it["id"], "text": it["text"], "spans": it["spans"],
                   "review": it["category"] == "review"}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "split.json"), "w", encoding="utf-8") as fh:
        json.dump({"tune": tune, "heldout": heldout}, fh, indent=1)
        fh.write("\n")
    with open(os.path.join(HERE, "provenance.tsv"), "w", encoding="utf-8") as fh:
        fh.write("id\tcategory\tsource_file\tblock\n")
        for it in sorted(items, key=lambda x: x["id"]):
            fh.write(f"{it['id']}\t{it['category']}\t{it['source_file']}\t{it['block']}\n")

    counts = {c: sum(1 for it in items if it["category"] == c) for c, _ in CATEGORIES}
    nspans = sum(len(it["spans"]) for it in items)
    print(f"built {len(items)} comments ({counts}), {nspans} spans, {len(roster)} roster people; "
          f"tune {len(tune)} / heldout {len(heldout)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
