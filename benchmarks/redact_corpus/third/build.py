#!/usr/bin/env python3
"""Build the "third" redaction evaluation set from the hand-written sources in src/.

    python3 build.py

Reads   src/roster.txt, src/neg_*.txt, src/review_*.txt, src/pos_*.txt
Writes  roster.json, comments.jsonl, split.json

Comment sources: one comment per block; blocks are separated by a line that
contains only "---".  Spans are written inline as [[kind:text]]; the kind is
everything before the first colon, the text is everything after it (it may
contain colons and line breaks).  Offsets are computed here, never typed.
Python 3.11 standard library only.
"""
import json
import random
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
KINDS = ("person", "email", "phone", "url", "address", "school", "district")
SEED_ORDER = 20240917
SEED_SPLIT = 917
PREFIX = "third-"
SPAN_RE = re.compile(r"\[\[([a-z]+):(.*?)\]\]", re.S)
SEP_RE = re.compile(r"^---[ \t]*$", re.M)


def fail(msg):
    sys.exit(f"build.py: {msg}")


# ----------------------------------------------------------------- roster
def _ascii(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def _local(first, last, style):
    f = re.sub(r"[^a-z]", "", _ascii(first).lower())
    l = re.sub(r"[^a-z]", "", _ascii(last).lower())
    if style == 0:
        return f"{f}.{l}"
    if style == 1:
        return f"{f[0]}{l}"
    return f"{f}_{l}" if style == 2 else f"{l}.{f[0]}"


def build_roster():
    districts, people, section = {}, [], None
    for n, raw in enumerate((SRC / "roster.txt").read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        cells = [c.strip() for c in line.split("|")]
        if section == "districts":
            if len(cells) != 3:
                fail(f"roster.txt:{n}: district line needs 3 cells")
            districts[None if cells[0] == "-" else cells[0]] = (cells[1], cells[2])
        elif section == "people":
            if len(cells) != 6:
                fail(f"roster.txt:{n}: person line needs 6 cells")
            first, last, nick, role, school, district = [None if c == "-" else c for c in cells]
            people.append((first, last, nick, role, school, district))
        else:
            fail(f"roster.txt:{n}: line outside a section")
    roster, used_local, next_line = [], set(), {}
    for i, (first, last, nick, role, school, district) in enumerate(people):
        if district not in districts:
            fail(f"unknown district {district!r} for {first} {last}")
        domain, area = districts[district]
        style = i % 4
        local = _local(first, last, style)
        while (local, domain) in used_local:
            style = (style + 1) % 4
            local = _local(first, last, style)
        used_local.add((local, domain))
        k = next_line.get(area, 10)
        next_line[area] = k + 3
        if k > 99:
            fail("ran out of 555-01xx numbers")
        roster.append({
            "first": first, "last": last, "nickname": nick,
            "email": f"{local}@{domain}",
            "phone": f"{area}-555-01{k:02d}",
            "school": school, "district": district, "role": role,
        })
    return roster


# --------------------------------------------------------------- comments
def parse_block(block, where):
    out, spans, pos = [], [], 0
    for m in SPAN_RE.finditer(block):
        out.append(block[pos:m.start()])
        kind, text = m.group(1), m.group(2)
        if kind not in KINDS:
            fail(f"{where}: unknown kind {kind!r}")
        start = sum(len(p) for p in out)
        out.append(text)
        spans.append({"start": start, "end": start + len(text), "kind": kind, "text": text})
        pos = m.end()
    out.append(block[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        fail(f"{where}: stray [[ or ]] left after parsing: {text[:60]!r}")
    return text, spans


def read_comments():
    items = []
    groups = (("neg", "neg_*.txt"), ("review", "review_*.txt"), ("pos", "pos_*.txt"))
    for group, pattern in groups:
        files = sorted(SRC.glob(pattern))
        if not files:
            fail(f"no {pattern} in src/")
        for f in files:
            raw = f.read_text(encoding="utf-8")
            for b, block in enumerate(SEP_RE.split(raw), 1):
                block = block.strip("\n").strip()
                if not block:
                    continue
                text, spans = parse_block(block, f"{f.name} block {b}")
                if group == "neg" and spans:
                    fail(f"{f.name} block {b}: negative comment has spans")
                if group == "pos" and not spans:
                    fail(f"{f.name} block {b}: positive comment has no spans")
                items.append({"group": group, "source": f"{f.name}#{b}", "text": text, "spans": spans})
    return items


def main():
    roster = build_roster()
    items = read_comments()
    rng = random.Random(SEED_ORDER)
    rng.shuffle(items)
    comments, strata = [], {"neg": [], "review": [], "pos": []}
    for n, it in enumerate(items, 1):
        cid = f"{PREFIX}{n:04d}"
        comments.append({"id": cid, "text": it["text"], "spans": it["spans"],
                         "review": it["group"] == "review"})
        strata[it["group"]].append(cid)
    rng = random.Random(SEED_SPLIT)
    tune, heldout = [], []
    flip = 0
    for group in ("neg", "review", "pos"):
        ids = sorted(strata[group])
        rng.shuffle(ids)
        half = len(ids) // 2
        if len(ids) % 2:          # alternate which side gets the odd one
            half += flip
            flip ^= 1
        tune += ids[:half]
        heldout += ids[half:]
    split = {"tune": sorted(tune), "heldout": sorted(heldout)}

    (HERE / "roster.json").write_text(json.dumps(roster, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    with open(HERE / "comments.jsonl", "w", encoding="utf-8") as fh:
        for c in comments:
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    (HERE / "split.json").write_text(json.dumps(split, indent=1) + "\n", encoding="utf-8")
    print(f"roster.json: {len(roster)} people")
    print(f"comments.jsonl: {len(comments)} comments "
          + ", ".join(f"{g}={len(v)}" for g, v in strata.items()))
    print(f"split.json: tune={len(tune)} heldout={len(heldout)}")


if __name__ == "__main__":
    main()
