#!/usr/bin/env python3
"""Build the "sixteenth" redaction evaluation set from hand-written sources.

Sources live in src/:
  roster.txt    first | last | nickname | email | phone | school | district | role   ('-' = none)
  neg_*.txt     comments with no personal data
  review_*.txt  comments singling out one unnamed person (review=true)
  pos_*.txt     comments with personal data, spans marked inline as [[kind:text]]

Blocks are separated by a line containing only '---'.
Outputs: roster.json, comments.jsonl, split.json, provenance.tsv.
Standard library only.
"""
import glob
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")
PREFIX = "sixteenth"
SHUFFLE_SEED = 16001616
SPLIT_SEED = 16160016
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
ROSTER_KEYS = ["first", "last", "nickname", "email", "phone", "school", "district", "role"]
MARK = re.compile(r"\[\[([A-Za-z]+):(.*?)\]\]", re.S)


class BuildError(Exception):
    pass


def read_roster():
    path = os.path.join(SRC, "roster.txt")
    people = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = [f.strip() for f in line.split("|")]
            if len(fields) != len(ROSTER_KEYS):
                raise BuildError(f"roster.txt:{lineno}: expected {len(ROSTER_KEYS)} fields, got {len(fields)}")
            rec = {k: (None if v in ("-", "") else v) for k, v in zip(ROSTER_KEYS, fields)}
            if rec["first"] is None:
                raise BuildError(f"roster.txt:{lineno}: first name required")
            people.append(rec)
    return people


def split_blocks(raw):
    blocks, cur = [], []
    for line in raw.split("\n"):
        if line.strip() == "---":
            blocks.append("\n".join(cur))
            cur = []
        else:
            cur.append(line)
    blocks.append("\n".join(cur))
    out = []
    for b in blocks:
        b = b.strip("\n")
        # trailing whitespace on the final line is editor noise, not data
        b = b.rstrip()
        if b.strip():
            out.append(b)
    return out


def parse_block(block, where):
    text_parts, spans = [], []
    pos = 0
    out_len = 0
    for m in MARK.finditer(block):
        kind_raw, inner = m.group(1), m.group(2)
        kind = KINDS.get(kind_raw.lower())
        if kind is None:
            raise BuildError(f"{where}: unknown kind {kind_raw!r}")
        if not inner or inner != inner.strip():
            raise BuildError(f"{where}: span text empty or padded: {inner!r}")
        if "[[" in inner:
            raise BuildError(f"{where}: nested mark in {inner!r}")
        before = block[pos:m.start()]
        text_parts.append(before)
        out_len += len(before)
        start = out_len
        text_parts.append(inner)
        out_len += len(inner)
        spans.append({"start": start, "end": out_len, "kind": kind, "text": inner})
        pos = m.end()
    text_parts.append(block[pos:])
    text = "".join(text_parts)
    if "[[" in text or "]]" in text:
        raise BuildError(f"{where}: stray '[[' or ']]' left after stripping marks")
    for s in spans:
        assert text[s["start"]:s["end"]] == s["text"]
    spans.sort(key=lambda s: (s["start"], s["end"]))
    return text, spans


def read_comments():
    items = []
    for category, pattern in (("neg", "neg_*.txt"), ("review", "review_*.txt"), ("pos", "pos_*.txt")):
        for path in sorted(glob.glob(os.path.join(SRC, pattern))):
            name = os.path.basename(path)
            with open(path, encoding="utf-8") as fh:
                raw = fh.read()
            for i, block in enumerate(split_blocks(raw), 1):
                where = f"{name} block {i}"
                text, spans = parse_block(block, where)
                if category == "neg" and spans:
                    raise BuildError(f"{where}: negative comment has spans")
                if category == "pos" and not spans:
                    raise BuildError(f"{where}: positive comment has no spans")
                items.append({
                    "category": category,
                    "source_file": f"src/{name}",
                    "block": i,
                    "text": text,
                    "spans": spans,
                })
    return items


def main():
    try:
        roster = read_roster()
        items = read_comments()
    except BuildError as exc:
        print(f"build error: {exc}", file=sys.stderr)
        return 1

    if len(items) != EXPECTED_TOTAL:
        by = {}
        for it in items:
            by[it["category"]] = by.get(it["category"], 0) + 1
        print(f"build error: expected {EXPECTED_TOTAL} comments, found {len(items)} {by}", file=sys.stderr)
        return 1

    seen = {}
    for it in items:
        if it["text"] in seen:
            print(f"build error: duplicate text in {it['source_file']} block {it['block']} "
                  f"and {seen[it['text']]}", file=sys.stderr)
            return 1
        seen[it["text"]] = f"{it['source_file']} block {it['block']}"

    rng = random.Random(SHUFFLE_SEED)
    order = list(range(len(items)))
    rng.shuffle(order)
    shuffled = [items[i] for i in order]
    for n, it in enumerate(shuffled, 1):
        it["id"] = f"{PREFIX}-{n:04d}"

    # stratified 50/50 split by category
    srng = random.Random(SPLIT_SEED)
    tune, heldout = [], []
    flip = 0
    for category in ("neg", "review", "pos"):
        ids = sorted(it["id"] for it in shuffled if it["category"] == category)
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
        json.dump(roster, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    with open(os.path.join(HERE, "comments.jsonl"), "w", encoding="utf-8") as fh:
        for it in shuffled:
            rec = {"id": it["id"], "text": it["text"], "spans": it["spans"],
                   "review": it["category"] == "review"}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "split.json"), "w", encoding="utf-8") as fh:
        json.dump({"tune": tune, "heldout": heldout}, fh, indent=1)
        fh.write("\n")
    with open(os.path.join(HERE, "provenance.tsv"), "w", encoding="utf-8") as fh:
        fh.write("id\tcategory\tsource_file\tblock\n")
        for it in shuffled:
            fh.write(f"{it['id']}\t{it['category']}\t{it['source_file']}\t{it['block']}\n")

    counts = {}
    for it in shuffled:
        counts[it["category"]] = counts.get(it["category"], 0) + 1
    print(f"built {len(shuffled)} comments {counts}; roster {len(roster)}; "
          f"tune {len(tune)} / heldout {len(heldout)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
