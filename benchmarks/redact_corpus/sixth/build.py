#!/usr/bin/env python3
"""Build the 'sixth' redaction evaluation set from hand-written sources in src/.

Sources: src/roster.txt, src/neg_*.txt, src/review_*.txt, src/pos_*.txt.
Comments are separated by a line containing only '---'.
Spans are marked inline as [[kind:text]]; aliases p e ph u a s d.
Outputs roster.json, comments.jsonl, split.json next to this script.
Standard library only.
"""
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"

ALIASES = {
    "p": "person", "person": "person",
    "e": "email", "email": "email",
    "ph": "phone", "phone": "phone",
    "u": "url", "url": "url",
    "a": "address", "address": "address",
    "s": "school", "school": "school",
    "d": "district", "district": "district",
}
MARK = re.compile(r"\[\[([a-z]+):(.+?)\]\]", re.S)
SEP = re.compile(r"^---[ \t]*$", re.M)
ROSTER_KEYS = ["first", "last", "nickname", "email", "phone", "school", "district", "role"]


def die(msg):
    print("BUILD ERROR:", msg, file=sys.stderr)
    sys.exit(1)


def parse_block(block, where):
    out = []
    spans = []
    pos = 0
    for m in MARK.finditer(block):
        out.append(block[pos:m.start()])
        kind = ALIASES.get(m.group(1))
        if kind is None:
            die(f"{where}: unknown kind {m.group(1)!r}")
        text = m.group(2)
        if "[[" in text:
            die(f"{where}: nested mark in {text!r}")
        start = sum(len(x) for x in out)
        out.append(text)
        spans.append({"start": start, "end": start + len(text), "kind": kind, "text": text})
        pos = m.end()
    out.append(block[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        die(f"{where}: unbalanced mark left in text: {text[:120]!r}")
    return text, spans


def read_blocks(path):
    raw = path.read_text(encoding="utf-8")
    blocks = []
    for i, b in enumerate(SEP.split(raw)):
        b = b.strip("\n").strip()
        if b:
            blocks.append((b, f"{path.name}#{i + 1}"))
    return blocks


def main():
    roster = []
    for ln, line in enumerate((SRC / "roster.txt").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 8:
            die(f"roster line {ln} has {len(parts)} fields")
        roster.append({k: (None if v == "-" else v) for k, v in zip(ROSTER_KEYS, parts)})

    comments = []
    for cat in ("neg", "review", "pos"):
        for path in sorted(SRC.glob(f"{cat}_*.txt")):
            for block, where in read_blocks(path):
                text, spans = parse_block(block, where)
                comments.append({"text": text, "spans": spans, "review": cat == "review",
                                 "_cat": cat, "_where": where})

    random.Random(6160).shuffle(comments)
    for i, c in enumerate(comments, 1):
        c["id"] = f"sixth-{i:04d}"

    by_cat = {}
    for c in comments:
        by_cat.setdefault(c["_cat"], []).append(c["id"])
    rng = random.Random(20616)
    tune, heldout = [], []
    for cat in ("neg", "review", "pos"):
        ids = sorted(by_cat.get(cat, []))
        rng.shuffle(ids)
        half = len(ids) // 2
        tune += ids[:half]
        heldout += ids[half:]

    (HERE / "roster.json").write_text(json.dumps(roster, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    with open(HERE / "comments.jsonl", "w", encoding="utf-8") as f:
        for c in comments:
            f.write(json.dumps({"id": c["id"], "text": c["text"], "spans": c["spans"],
                                "review": c["review"]}, ensure_ascii=False) + "\n")
    (HERE / "split.json").write_text(json.dumps({"tune": sorted(tune), "heldout": sorted(heldout)}, indent=1) + "\n",
                                     encoding="utf-8")
    # private provenance map (not part of the benchmark format) for maintainers
    (HERE / "provenance.tsv").write_text(
        "id\tcategory\tsource\n" + "".join(f"{c['id']}\t{c['_cat']}\t{c['_where']}\n"
                                           for c in sorted(comments, key=lambda c: c["id"])),
        encoding="utf-8")
    counts = {cat: len(v) for cat, v in by_cat.items()}
    print(f"built {len(comments)} comments {counts}, roster {len(roster)}")


if __name__ == "__main__":
    main()
