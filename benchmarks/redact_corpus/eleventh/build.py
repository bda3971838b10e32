#!/usr/bin/env python3
"""Build the "eleventh" blind redaction set from the hand-written sources in src/.

Source format: one comment per block, blocks separated by a line containing only ``---``.
Spans are marked inline as ``[[kind:text]]`` (kinds person, email, phone, url, address,
school, district; aliases p, e, ph, u, a, s, d). This script strips the marks, computes
offsets, shuffles with a fixed seed, assigns ids eleventh-0001..NNNN and writes a 50/50
split stratified by category (neg / review / pos).

Usage: python3 build.py
"""
import glob
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")
PREFIX = "eleventh"
SHUFFLE_SEED = 11011
SPLIT_SEED = 11022

KINDS = {
    "person": "person", "p": "person",
    "email": "email", "e": "email",
    "phone": "phone", "ph": "phone",
    "url": "url", "u": "url",
    "address": "address", "a": "address",
    "school": "school", "s": "school",
    "district": "district", "d": "district",
}
MARK = re.compile(r"\[\[([a-z]+):(.*?)\]\]", re.S)
ROSTER_KEYS = ["first", "last", "nickname", "email", "phone", "school", "district", "role"]


def die(msg):
    sys.stderr.write("build.py: " + msg + "\n")
    sys.exit(1)


def parse_block(raw, where):
    out = []
    spans = []
    pos = 0
    for m in MARK.finditer(raw):
        out.append(raw[pos:m.start()])
        kind = KINDS.get(m.group(1))
        if kind is None:
            die("%s: unknown kind %r" % (where, m.group(1)))
        inner = m.group(2)
        if not inner or inner != inner.strip():
            die("%s: empty span or span with edge whitespace: %r" % (where, inner))
        if "[[" in inner:
            die("%s: nested mark in %r" % (where, inner))
        start = sum(len(x) for x in out)
        out.append(inner)
        spans.append({"start": start, "end": start + len(inner), "kind": kind, "text": inner})
        pos = m.end()
    out.append(raw[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        die("%s: stray [[ or ]] left after stripping marks" % where)
    # strip outer whitespace and shift offsets
    lead = len(text) - len(text.lstrip())
    text2 = text.strip()
    for s in spans:
        s["start"] -= lead
        s["end"] -= lead
        if s["start"] < 0 or s["end"] > len(text2) or text2[s["start"]:s["end"]] != s["text"]:
            die("%s: span drifted: %r" % (where, s["text"]))
    spans.sort(key=lambda s: (s["start"], s["end"]))
    return text2, spans


def read_blocks(path):
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    blocks, cur = [], []
    for line in lines:
        if line.rstrip("\r") == "---":
            blocks.append("\n".join(cur))
            cur = []
        else:
            cur.append(line)
    blocks.append("\n".join(cur))
    return [b for b in blocks if b.strip()]


def category_of(name):
    for cat in ("neg", "review", "pos"):
        if name.startswith(cat + "_"):
            return cat
    return None


def build_roster():
    path = os.path.join(SRC, "roster.txt")
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) != len(ROSTER_KEYS):
                die("roster.txt line %d: %d fields" % (n, len(parts)))
            rows.append({k: (None if v == "-" else v) for k, v in zip(ROSTER_KEYS, parts)})
    return rows


def main():
    records = []
    files = sorted(glob.glob(os.path.join(SRC, "*.txt")))
    for path in files:
        name = os.path.basename(path)
        cat = category_of(name)
        if cat is None:
            continue
        for i, raw in enumerate(read_blocks(path), 1):
            where = "%s block %d" % (name, i)
            text, spans = parse_block(raw, where)
            if not text:
                die(where + ": empty comment")
            if cat == "neg" and spans:
                die(where + ": negative with spans")
            if cat == "pos" and not spans:
                die(where + ": positive without spans")
            records.append({"text": text, "spans": spans, "review": cat == "review",
                            "category": cat, "source_file": "src/" + name, "block": i})

    random.Random(SHUFFLE_SEED).shuffle(records)
    width = max(4, len(str(len(records))))
    for n, r in enumerate(records, 1):
        r["id"] = "%s-%0*d" % (PREFIX, width, n)

    rng = random.Random(SPLIT_SEED)
    tune, held = [], []
    for cat in ("neg", "review", "pos"):
        ids = sorted(r["id"] for r in records if r["category"] == cat)
        rng.shuffle(ids)
        half = len(ids) // 2
        # odd counts: alternate the extra item so the overall split stays balanced
        if len(ids) % 2 and len(tune) > len(held):
            half += 1
            held.extend(ids[:half]); tune.extend(ids[half:])
        else:
            tune.extend(ids[:half]); held.extend(ids[half:])
    split = {"tune": sorted(tune), "heldout": sorted(held)}

    with open(os.path.join(HERE, "comments.jsonl"), "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps({"id": r["id"], "text": r["text"], "spans": r["spans"],
                                 "review": r["review"]}, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "split.json"), "w", encoding="utf-8") as fh:
        json.dump(split, fh, indent=1)
        fh.write("\n")
    with open(os.path.join(HERE, "provenance.tsv"), "w", encoding="utf-8") as fh:
        fh.write("id\tcategory\tsource_file\tblock\n")
        for r in sorted(records, key=lambda r: r["id"]):
            fh.write("%s\t%s\t%s\t%d\n" % (r["id"], r["category"], r["source_file"], r["block"]))
    roster = build_roster()
    with open(os.path.join(HERE, "roster.json"), "w", encoding="utf-8") as fh:
        json.dump(roster, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    counts = {}
    for r in records:
        counts[r["category"]] = counts.get(r["category"], 0) + 1
    print("built %d comments (%s), %d roster rows, tune %d / heldout %d" % (
        len(records), ", ".join("%s %d" % kv for kv in sorted(counts.items())),
        len(roster), len(tune), len(held)))


if __name__ == "__main__":
    main()
