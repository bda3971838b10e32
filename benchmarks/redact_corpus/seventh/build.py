#!/usr/bin/env python3
"""Build the 'seventh' redaction evaluation set from the marked-up sources in src/.

Sources: src/roster.txt, src/neg_*.txt, src/review_*.txt, src/pos_*.txt.
Comment blocks are separated by a line containing only '---'.
Spans are marked inline as [[kind:text]] (aliases p,e,ph,u,a,s,d).
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
PREFIX = "seventh"
SHUFFLE_SEED = 7007
SPLIT_SEED = 7070
EXPECTED = {"neg": 230, "review": 60, "pos": 310}

ALIASES = {
    "p": "person", "person": "person",
    "e": "email", "email": "email",
    "ph": "phone", "phone": "phone",
    "u": "url", "url": "url",
    "a": "address", "address": "address",
    "s": "school", "school": "school",
    "d": "district", "district": "district",
}
MARK = re.compile(r"\[\[([A-Za-z]+):(.+?)\]\]", re.S)
ROSTER_KEYS = ["first", "last", "nickname", "email", "phone", "school", "district", "role"]


class BuildError(Exception):
    pass


def parse_block(raw, where):
    """Strip [[kind:text]] marks; return (text, spans)."""
    out = []
    spans = []
    pos = 0
    length = 0
    for m in MARK.finditer(raw):
        before = raw[pos:m.start()]
        out.append(before)
        length += len(before)
        kind = ALIASES.get(m.group(1).lower())
        if kind is None:
            raise BuildError(f"{where}: unknown kind {m.group(1)!r}")
        inner = m.group(2)
        if inner != inner.strip():
            raise BuildError(f"{where}: span has outer whitespace: {inner!r}")
        spans.append({"start": length, "end": length + len(inner), "kind": kind, "text": inner})
        out.append(inner)
        length += len(inner)
        pos = m.end()
    out.append(raw[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        raise BuildError(f"{where}: stray [[ or ]] after stripping marks")
    # trim outer whitespace of the whole comment and shift offsets
    lead = len(text) - len(text.lstrip())
    text2 = text.strip()
    for s in spans:
        s["start"] -= lead
        s["end"] -= lead
        if s["start"] < 0 or s["end"] > len(text2):
            raise BuildError(f"{where}: span outside trimmed text")
        assert text2[s["start"]:s["end"]] == s["text"]
    return text2, spans


def read_blocks(path):
    with open(path, encoding="utf-8") as fh:
        content = fh.read()
    blocks = []
    cur = []
    for line in content.split("\n"):
        if line.rstrip("\r") == "---":
            blocks.append("\n".join(cur))
            cur = []
        else:
            cur.append(line)
    blocks.append("\n".join(cur))
    return [b for b in blocks if b.strip()]


def category(fname):
    base = os.path.basename(fname)
    for cat in ("neg", "review", "pos"):
        if base.startswith(cat + "_"):
            return cat
    raise BuildError(f"unexpected source file {base}")


def build_roster():
    rows = []
    with open(os.path.join(SRC, "roster.txt"), encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) != 8:
                raise BuildError(f"roster.txt line {n}: expected 8 fields, got {len(parts)}")
            rows.append({k: (None if v == "-" else v) for k, v in zip(ROSTER_KEYS, parts)})
    return rows


def main():
    roster = build_roster()
    items = []
    files = sorted(glob.glob(os.path.join(SRC, "neg_*.txt"))
                   + glob.glob(os.path.join(SRC, "review_*.txt"))
                   + glob.glob(os.path.join(SRC, "pos_*.txt")))
    for f in files:
        cat = category(f)
        for i, raw in enumerate(read_blocks(f), 1):
            where = f"{os.path.relpath(f, HERE)} block {i}"
            text, spans = parse_block(raw, where)
            if not text:
                raise BuildError(f"{where}: empty comment")
            if cat == "neg" and spans:
                raise BuildError(f"{where}: negative comment has spans")
            if cat == "pos" and not spans:
                raise BuildError(f"{where}: positive comment has no spans")
            items.append({"file": os.path.relpath(f, HERE), "block": i, "cat": cat,
                          "text": text, "spans": spans, "review": cat == "review"})
    counts = {c: sum(1 for it in items if it["cat"] == c) for c in EXPECTED}
    if counts != EXPECTED:
        print(f"WARNING: category counts {counts} != expected {EXPECTED}", file=sys.stderr)
    seen = {}
    for it in items:
        key = it["text"]
        if key in seen:
            raise BuildError(f"duplicate text: {it['file']} block {it['block']} == {seen[key]}")
        seen[key] = f"{it['file']} block {it['block']}"

    rng = random.Random(SHUFFLE_SEED)
    rng.shuffle(items)
    for n, it in enumerate(items, 1):
        it["id"] = f"{PREFIX}-{n:04d}"

    split_rng = random.Random(SPLIT_SEED)
    tune, held = [], []
    for cat in ("neg", "review", "pos"):
        ids = sorted(it["id"] for it in items if it["cat"] == cat)
        split_rng.shuffle(ids)
        half = len(ids) // 2
        tune.extend(ids[:half])
        held.extend(ids[half:])
    tune.sort()
    held.sort()

    with open(os.path.join(HERE, "roster.json"), "w", encoding="utf-8") as fh:
        json.dump(roster, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    with open(os.path.join(HERE, "comments.jsonl"), "w", encoding="utf-8") as fh:
        for it in items:
            rec = {"id": it["id"], "text": it["text"],
                   "spans": [{"start": s["start"], "end": s["end"], "kind": s["kind"], "text": s["text"]}
                             for s in sorted(it["spans"], key=lambda s: s["start"])],
                   "review": it["review"]}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "split.json"), "w", encoding="utf-8") as fh:
        json.dump({"tune": tune, "heldout": held}, fh, indent=1)
        fh.write("\n")
    with open(os.path.join(HERE, "provenance.tsv"), "w", encoding="utf-8") as fh:
        fh.write("id\tcategory\tsource_file\tblock\n")
        for it in items:
            fh.write(f"{it['id']}\t{it['cat']}\t{it['file']}\t{it['block']}\n")
    nspans = sum(len(it["spans"]) for it in items)
    print(f"built {len(items)} comments ({counts}), {nspans} spans, roster {len(roster)}")


if __name__ == "__main__":
    try:
        main()
    except BuildError as exc:
        print(f"BUILD ERROR: {exc}", file=sys.stderr)
        sys.exit(1)
