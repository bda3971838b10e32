#!/usr/bin/env python3
"""Build the "fourteenth" redaction corpus from hand-written sources in src/.

Reads src/roster.txt and src/{neg,review,pos}_*.txt (blocks separated by a line
containing only ---, spans marked inline as [[kind:text]]), strips the marks,
computes offsets, shuffles with a fixed seed, assigns ids fourteenth-0001..,
and splits 50/50 stratified by category with a fixed seed.

Usage: python3 build.py
"""
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
PREFIX = "fourteenth"
SHUFFLE_SEED = 14_0600
SPLIT_SEED = 14_1401

KINDS = {"person", "email", "phone", "url", "address", "school", "district"}
ALIASES = {"p": "person", "e": "email", "ph": "phone", "u": "url",
           "a": "address", "s": "school", "d": "district"}
ROSTER_KEYS = ["first", "last", "nickname", "email", "phone", "school",
               "district", "role"]
MARK = re.compile(r"\[\[([A-Za-z]+):(.*?)\]\]", re.S)
SEP = re.compile(r"^---[ \t]*$", re.M)


def die(msg):
    sys.exit("build.py: " + msg)


def parse_block(raw, where):
    text_parts, spans, pos, out_len = [], [], 0, 0
    for m in MARK.finditer(raw):
        kind = m.group(1).lower()
        kind = ALIASES.get(kind, kind)
        if kind not in KINDS:
            die(f"{where}: unknown kind {m.group(1)!r}")
        inner = m.group(2)
        if not inner or inner != inner.strip():
            die(f"{where}: empty span or span with outer whitespace: {inner!r}")
        before = raw[pos:m.start()]
        text_parts.append(before)
        out_len += len(before)
        spans.append({"start": out_len, "end": out_len + len(inner),
                      "kind": kind, "text": inner})
        text_parts.append(inner)
        out_len += len(inner)
        pos = m.end()
    text_parts.append(raw[pos:])
    text = "".join(text_parts)
    if "[[" in text or "]]" in text:
        die(f"{where}: stray [[ or ]] left after stripping marks")
    return text, spans


def read_roster():
    rows = []
    for n, line in enumerate((SRC / "roster.txt").read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("|")]
        if len(fields) != len(ROSTER_KEYS):
            die(f"roster.txt:{n}: expected {len(ROSTER_KEYS)} fields, got {len(fields)}")
        rows.append({k: (None if v == "-" else v) for k, v in zip(ROSTER_KEYS, fields)})
    return rows


def read_comments():
    items = []
    for cat in ("neg", "review", "pos"):
        for path in sorted(SRC.glob(f"{cat}_*.txt")):
            raw_all = path.read_text("utf-8")
            blocks = SEP.split(raw_all)
            for i, raw in enumerate(blocks, 1):
                raw = raw.strip("\n")
                if not raw.strip():
                    if i == len(blocks):
                        continue
                    die(f"{path.name} block {i}: empty block")
                where = f"{path.name} block {i}"
                text, spans = parse_block(raw, where)
                if cat == "neg" and spans:
                    die(f"{where}: negative block has spans")
                if cat == "pos" and not spans:
                    die(f"{where}: positive block has no spans")
                items.append({"category": cat, "source_file": f"src/{path.name}",
                              "block": i, "text": text, "spans": spans,
                              "review": cat == "review"})
    return items


def main():
    roster = read_roster()
    items = read_comments()
    random.Random(SHUFFLE_SEED).shuffle(items)
    for n, it in enumerate(items, 1):
        it["id"] = f"{PREFIX}-{n:04d}"

    # stratified 50/50 split; odd remainders alternate so the halves stay equal
    rng = random.Random(SPLIT_SEED)
    tune, heldout, extra_to_tune = [], [], True
    for cat in ("neg", "review", "pos"):
        ids = sorted(it["id"] for it in items if it["category"] == cat)
        rng.shuffle(ids)
        half = len(ids) // 2
        if len(ids) % 2:
            half += 1 if extra_to_tune else 0
            extra_to_tune = not extra_to_tune
        tune += ids[:half]
        heldout += ids[half:]

    (HERE / "roster.json").write_text(
        json.dumps(roster, ensure_ascii=False, indent=1) + "\n", "utf-8")
    with open(HERE / "comments.jsonl", "w", encoding="utf-8") as f:
        for it in items:
            spans = sorted(it["spans"], key=lambda s: (s["start"], s["end"]))
            f.write(json.dumps({"id": it["id"], "text": it["text"], "spans": spans,
                                "review": it["review"]}, ensure_ascii=False) + "\n")
    (HERE / "split.json").write_text(
        json.dumps({"tune": sorted(tune), "heldout": sorted(heldout)}, indent=1) + "\n",
        "utf-8")
    with open(HERE / "provenance.tsv", "w", encoding="utf-8") as f:
        f.write("id\tcategory\tsource_file\tblock\n")
        for it in items:
            f.write(f"{it['id']}\t{it['category']}\t{it['source_file']}\t{it['block']}\n")
    print(f"built {len(items)} comments ({len(tune)} tune / {len(heldout)} heldout), "
          f"{len(roster)} roster rows")


if __name__ == "__main__":
    main()
