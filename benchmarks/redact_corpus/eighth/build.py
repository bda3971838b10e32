#!/usr/bin/env python3
"""Build the "eighth" redaction evaluation set from the hand-written sources in src/.

Reads   src/roster.txt, src/neg_*.txt, src/review_*.txt, src/pos_*.txt
Writes  roster.json, comments.jsonl, split.json, provenance.tsv

Source format: one comment per block; a line holding only `---` separates blocks.
Spans are marked inline as [[kind:text]] (kinds person, email, phone, url, address,
school, district; aliases p, e, ph, u, a, s, d). Offsets are computed here, never typed.
Standard library only.
"""
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
PREFIX = "eighth"
N_EXPECTED = 600
SHUFFLE_SEED = 20240808
SPLIT_SEED = 8088

KINDS = {"person", "email", "phone", "url", "address", "school", "district"}
ALIASES = {"p": "person", "e": "email", "ph": "phone", "u": "url",
           "a": "address", "s": "school", "d": "district"}
CATEGORIES = ("neg", "review", "pos")
ROSTER_KEYS = ["first", "last", "nickname", "email", "phone", "school", "district", "role"]

MARK = re.compile(r"\[\[([a-z]+):(.*?)\]\]", re.S)


def fail(msg):
    sys.exit("build.py: " + msg)


def parse_roster():
    people = []
    for n, line in enumerate((SRC / "roster.txt").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != len(ROSTER_KEYS):
            fail(f"roster.txt line {n}: expected {len(ROSTER_KEYS)} fields, got {len(parts)}")
        people.append({k: (None if v in ("-", "") else v) for k, v in zip(ROSTER_KEYS, parts)})
    return people


def strip_marks(raw, where):
    out, spans, pos = [], [], 0
    length = 0
    for m in MARK.finditer(raw):
        kind = ALIASES.get(m.group(1), m.group(1))
        if kind not in KINDS:
            fail(f"{where}: unknown kind {m.group(1)!r}")
        inner = m.group(2)
        if not inner or inner != inner.strip():
            fail(f"{where}: empty span or span with outer whitespace: {inner!r}")
        if "[[" in inner:
            fail(f"{where}: nested mark in {inner!r}")
        before = raw[pos:m.start()]
        out.append(before)
        length += len(before)
        spans.append({"start": length, "end": length + len(inner), "kind": kind, "text": inner})
        out.append(inner)
        length += len(inner)
        pos = m.end()
    out.append(raw[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        fail(f"{where}: stray [[ or ]] left after stripping marks")
    return text, spans


def split_blocks(path):
    blocks, cur = [], []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.rstrip("\r") == "---":
            blocks.append("\n".join(cur))
            cur = []
        else:
            cur.append(line)
    blocks.append("\n".join(cur))
    out = []
    for b in blocks:
        b = b.strip("\n")
        if b.strip():
            out.append(b)
    return out


def category_of(name):
    for c in CATEGORIES:
        if name.startswith(c + "_"):
            return c
    return None


def main():
    roster = parse_roster()
    items = []
    for path in sorted(SRC.glob("*.txt")):
        cat = category_of(path.name)
        if cat is None:
            continue
        for i, raw in enumerate(split_blocks(path), 1):
            where = f"{path.name} block {i}"
            text, spans = strip_marks(raw, where)
            if cat == "neg" and spans:
                fail(f"{where}: negative comment has spans")
            items.append({"text": text, "spans": spans, "review": cat == "review",
                          "category": cat, "source_file": "src/" + path.name, "block": i})
    if len(items) != N_EXPECTED:
        print(f"build.py: warning: {len(items)} comments, expected {N_EXPECTED}", file=sys.stderr)

    random.Random(SHUFFLE_SEED).shuffle(items)
    width = max(4, len(str(len(items))))
    for n, it in enumerate(items, 1):
        it["id"] = f"{PREFIX}-{n:0{width}d}"

    # stratified 50/50 split by category; odd leftovers alternate between halves
    rng = random.Random(SPLIT_SEED)
    tune, heldout = [], []
    extra_to_tune = True
    for cat in CATEGORIES:
        ids = sorted(it["id"] for it in items if it["category"] == cat)
        rng.shuffle(ids)
        half = len(ids) // 2
        tune += ids[:half]
        heldout += ids[half:2 * half]
        if len(ids) % 2:
            (tune if extra_to_tune else heldout).append(ids[-1])
            extra_to_tune = not extra_to_tune
    tune.sort()
    heldout.sort()

    (HERE / "roster.json").write_text(json.dumps(roster, ensure_ascii=False, indent=1) + "\n",
                                      encoding="utf-8")
    with open(HERE / "comments.jsonl", "w", encoding="utf-8") as f:
        for it in items:
            spans = sorted(it["spans"], key=lambda s: (s["start"], s["end"]))
            f.write(json.dumps({"id": it["id"], "text": it["text"], "spans": spans,
                                "review": it["review"]}, ensure_ascii=False) + "\n")
    (HERE / "split.json").write_text(json.dumps({"tune": tune, "heldout": heldout}, indent=1) + "\n",
                                     encoding="utf-8")
    with open(HERE / "provenance.tsv", "w", encoding="utf-8") as f:
        f.write("id\tcategory\tsource_file\tblock\n")
        for it in items:
            f.write(f"{it['id']}\t{it['category']}\t{it['source_file']}\t{it['block']}\n")
    print(f"build.py: {len(items)} comments, {sum(len(i['spans']) for i in items)} spans, "
          f"{len(roster)} roster people; tune {len(tune)} / heldout {len(heldout)}")


if __name__ == "__main__":
    main()
