#!/usr/bin/env python3
"""Build the "twelfth" redaction evaluation set from the hand-written sources in src/.

Sources
  src/roster.txt     one person per line: first | last | nickname | email | phone | school | district | role
                     ("-" = none; blank lines and lines starting with "#" are ignored)
  src/neg_*.txt      comments without personal data
  src/review_*.txt   review comments (each singles out one unnamed person); review = true
  src/pos_*.txt      comments with personal data
Each comment is one block; a line containing only "---" separates blocks.  Spans are marked inline as
[[kind:text]] with kinds person, email, phone, url, address, school, district (aliases p, e, ph, u, a, s, d).

Outputs (written next to this file)
  roster.json, comments.jsonl, split.json, provenance.tsv

Usage: python3 build.py
Only the Python 3.11 standard library is used.  Shuffle and split use fixed seeds, so the build is reproducible.
"""
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
PREFIX = "twelfth"
SHUFFLE_SEED = 12012
SPLIT_SEED = 12120

KINDS = {
    "person": "person", "p": "person",
    "email": "email", "e": "email",
    "phone": "phone", "ph": "phone",
    "url": "url", "u": "url",
    "address": "address", "a": "address",
    "school": "school", "s": "school",
    "district": "district", "d": "district",
}
CATEGORIES = (("neg_", "neg"), ("review_", "review"), ("pos_", "pos"))
ROSTER_KEYS = ["first", "last", "nickname", "email", "phone", "school", "district", "role"]
MARK = re.compile(r"\[\[([A-Za-z]+):(.+?)\]\]", re.S)


class BuildError(Exception):
    pass


def read_blocks(path):
    """Yield (block_number, raw_text) for each block of a source file."""
    blocks, cur = [], []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.strip() == "---":
            blocks.append(cur)
            cur = []
        else:
            cur.append(line)
    blocks.append(cur)
    n = 0
    for lines in blocks:
        raw = "\n".join(lines).strip()
        if not raw:
            continue
        n += 1
        yield n, raw


def parse_marks(raw, where):
    """Strip [[kind:text]] marks; return (text, spans) with offsets computed from the stripped text."""
    out, spans, pos = [], [], 0
    length = 0
    for m in MARK.finditer(raw):
        before = raw[pos:m.start()]
        out.append(before)
        length += len(before)
        kind_raw, body = m.group(1), m.group(2)
        kind = KINDS.get(kind_raw.lower())
        if kind is None:
            raise BuildError(f"{where}: unknown kind {kind_raw!r}")
        if body != body.strip():
            raise BuildError(f"{where}: span text has outer whitespace: {body!r}")
        if "[[" in body:
            raise BuildError(f"{where}: nested or unclosed mark near {body[:40]!r}")
        spans.append({"start": length, "end": length + len(body), "kind": kind, "text": body})
        out.append(body)
        length += len(body)
        pos = m.end()
    out.append(raw[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        raise BuildError(f"{where}: stray [[ or ]] left after stripping marks")
    for s in spans:
        assert text[s["start"]:s["end"]] == s["text"]
    spans.sort(key=lambda s: (s["start"], s["end"]))
    for a, b in zip(spans, spans[1:]):
        if b["start"] < a["end"]:
            raise BuildError(f"{where}: overlapping spans {a['text']!r} / {b['text']!r}")
    return text, spans


def category_of(name):
    for prefix, cat in CATEGORIES:
        if name.startswith(prefix):
            return cat
    return None


def build_roster():
    rows = []
    path = SRC / "roster.txt"
    for i, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != len(ROSTER_KEYS):
            raise BuildError(f"roster.txt:{i}: expected {len(ROSTER_KEYS)} fields, got {len(parts)}")
        rows.append({k: (None if v in ("-", "") else v) for k, v in zip(ROSTER_KEYS, parts)})
    return rows


def main():
    roster = build_roster()
    records = []
    for path in sorted(SRC.glob("*.txt")):
        cat = category_of(path.name)
        if cat is None:
            continue
        for block_no, raw in read_blocks(path):
            where = f"{path.name} block {block_no}"
            text, spans = parse_marks(raw, where)
            if cat == "neg" and spans:
                raise BuildError(f"{where}: negative comment has spans")
            if cat == "pos" and not spans:
                raise BuildError(f"{where}: positive comment has no spans")
            records.append({"text": text, "spans": spans, "category": cat,
                            "source_file": f"src/{path.name}", "block": block_no})

    rng = random.Random(SHUFFLE_SEED)
    rng.shuffle(records)
    width = max(4, len(str(len(records))))
    for i, r in enumerate(records, 1):
        r["id"] = f"{PREFIX}-{i:0{width}d}"

    split_rng = random.Random(SPLIT_SEED)
    tune, heldout = [], []
    for cat in ("neg", "review", "pos"):
        ids = sorted(r["id"] for r in records if r["category"] == cat)
        split_rng.shuffle(ids)
        half = len(ids) // 2
        tune.extend(ids[:half])
        heldout.extend(ids[half:])
    tune.sort()
    heldout.sort()

    (HERE / "roster.json").write_text(json.dumps(roster, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    with open(HERE / "comments.jsonl", "w", encoding="utf-8") as f:
        for r in records:
            obj = {"id": r["id"], "text": r["text"], "spans": r["spans"], "review": r["category"] == "review"}
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    (HERE / "split.json").write_text(json.dumps({"tune": tune, "heldout": heldout}, indent=1) + "\n",
                                     encoding="utf-8")
    with open(HERE / "provenance.tsv", "w", encoding="utf-8") as f:
        f.write("id\tcategory\tsource_file\tblock\n")
        for r in records:
            f.write(f"{r['id']}\t{r['category']}\t{r['source_file']}\t{r['block']}\n")

    counts = {c: sum(1 for r in records if r["category"] == c) for c in ("neg", "review", "pos")}
    print(f"built {len(records)} comments {counts}, {sum(len(r['spans']) for r in records)} spans, "
          f"{len(roster)} roster rows; tune {len(tune)} / heldout {len(heldout)}")


if __name__ == "__main__":
    try:
        main()
    except BuildError as e:
        print(f"build error: {e}", file=sys.stderr)
        sys.exit(1)
