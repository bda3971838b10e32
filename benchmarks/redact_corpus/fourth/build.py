#!/usr/bin/env python3
"""Build the "fourth" redaction evaluation corpus from the hand-written sources in src/.

Outputs (next to this file):
  roster.json     150 fictional people derived from src/roster.txt
  comments.jsonl  700 labelled comments from src/{neg,review,pos}_*.txt
  split.json      stratified 50/50 tune / heldout split

Source format for comments: one comment per block, blocks separated by a line that
contains only "---". Spans are written inline as [[kind:text]]; this script removes the
markup and computes every offset. A few escape tokens stand for characters that are hard
to see in an editor: {{NBSP}} (U+00A0), {{ZWSP}} (U+200B), {{TAB}}, {{CR}}, {{SP}} (a
plain space, used for visible trailing spaces).

Python 3.11 standard library only.
"""
from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"

KINDS = ("person", "email", "phone", "url", "address", "school", "district")
SPAN_RE = re.compile(r"\[\[(" + "|".join(KINDS) + r"):(.*?)\]\]", re.S)
TOKENS = {
    "{{NBSP}}": "\u00a0",
    "{{ZWSP}}": "\u200b",
    "{{TAB}}": "\t",
    "{{CR}}": "\r",
    "{{SP}}": " ",
}
CATEGORIES = ("neg", "review", "pos")
EXPECTED_COMMENTS = 700
EXPECTED_PEOPLE = 150
SHUFFLE_SEED = 4_0404
SPLIT_SEED = 4_4004
ID_PREFIX = "fourth-"


# --------------------------------------------------------------------------- roster
def _ascii(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.lower().replace("'", "").replace("\u2019", "").replace(" ", "")
    return re.sub(r"[^a-z0-9\-]", "", s)


def _email(first: str, last: str, style: str, domain: str) -> str:
    f, l = _ascii(first), _ascii(last)
    local = {
        "first.last": f"{f}.{l}",
        "first_last": f"{f}_{l}",
        "flast": f"{f[0]}{l}",
        "lastf": f"{l}{f[0]}",
    }[style]
    return f"{local}@{domain}"


def build_roster() -> list[dict]:
    districts: dict[str, dict] = {}
    schools: dict[str, dict] = {}
    people_rows: list[list[str]] = []
    for lineno, line in enumerate((SRC / "roster.txt").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@district "):
            code, name, domain, area, style = line[len("@district "):].split("|")
            districts[code] = {"name": name, "domain": domain, "area": area, "style": style}
        elif line.startswith("@school "):
            code, name, dcode = line[len("@school "):].split("|")
            if dcode not in districts:
                sys.exit(f"roster.txt:{lineno}: unknown district {dcode!r}")
            schools[code] = {"name": name, "district": dcode}
        else:
            fields = line.split("|")
            if len(fields) != 6:
                sys.exit(f"roster.txt:{lineno}: expected 6 fields, got {len(fields)}")
            people_rows.append(fields)

    per_area: dict[str, int] = {}
    roster = []
    for first, last, nick, role, scode, dcode in people_rows:
        if scode:
            school = schools[scode]["name"]
            dkey = schools[scode]["district"]
            district = districts[dkey]["name"]
        elif dcode:
            school, dkey, district = None, dcode, districts[dcode]["name"]
        else:
            school, dkey, district = None, "STATE", None
        d = districts[dkey]
        n = per_area.get(d["area"], 0)
        per_area[d["area"]] = n + 1
        # 7 is coprime with 100, so the last two digits never repeat within an area code
        phone = f"({d['area']}) 555-01{(7 * n + 3) % 100:02d}"
        roster.append({
            "first": first,
            "last": last,
            "nickname": nick or None,
            "email": _email(first, last, d["style"], d["domain"]),
            "phone": phone,
            "school": school,
            "district": district,
            "role": role,
        })
    if len(roster) != EXPECTED_PEOPLE:
        sys.exit(f"roster has {len(roster)} people, expected {EXPECTED_PEOPLE}")
    return roster


# --------------------------------------------------------------------------- comments
def read_blocks(path: Path) -> list[str]:
    raw = path.read_text(encoding="utf-8")
    blocks, cur = [], []
    for line in raw.split("\n"):
        if line == "---":
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


def render(block: str, where: str) -> tuple[str, list[dict]]:
    for tok, ch in TOKENS.items():
        block = block.replace(tok, ch)
    parts: list[str] = []
    spans: list[dict] = []
    pos = 0
    length = 0
    for m in SPAN_RE.finditer(block):
        before = block[pos:m.start()]
        parts.append(before)
        length += len(before)
        kind, text = m.group(1), m.group(2)
        if not text or text != text.strip():
            sys.exit(f"{where}: span {text!r} is empty or has outer whitespace")
        spans.append({"start": length, "end": length + len(text), "kind": kind, "text": text})
        parts.append(text)
        length += len(text)
        pos = m.end()
    parts.append(block[pos:])
    text = "".join(parts)
    if "[[" in text or "]]" in text or "{{" in text:
        sys.exit(f"{where}: leftover markup in {text[:80]!r}")
    return text, spans


def build_comments() -> list[dict]:
    items = []
    for cat in CATEGORIES:
        for path in sorted(SRC.glob(f"{cat}_*.txt")):
            for i, block in enumerate(read_blocks(path), 1):
                where = f"{path.name} block {i}"
                text, spans = render(block, where)
                if cat == "neg" and spans:
                    sys.exit(f"{where}: negative comment has spans")
                if cat == "pos" and not spans:
                    sys.exit(f"{where}: personal-data comment has no spans")
                items.append({"cat": cat, "text": text, "spans": spans, "review": cat == "review",
                              "src": where})
    seen = {}
    for it in items:
        if it["text"] in seen:
            sys.exit(f"duplicate text: {it['src']} and {seen[it['text']]}")
        seen[it["text"]] = it["src"]
    if len(items) != EXPECTED_COMMENTS:
        sys.exit(f"{len(items)} comments in src/, expected {EXPECTED_COMMENTS} "
                 f"({ {c: sum(1 for x in items if x['cat'] == c) for c in CATEGORIES} })")
    random.Random(SHUFFLE_SEED).shuffle(items)
    for n, it in enumerate(items, 1):
        it["id"] = f"{ID_PREFIX}{n:04d}"
    return items


RARITY = ("url", "address", "phone", "email", "district", "school", "person")


def _stratum(it: dict) -> int:
    """Secondary stratum inside a category: the rarest span kind the comment carries."""
    kinds = {s["kind"] for s in it["spans"]}
    for n, k in enumerate(RARITY):
        if k in kinds:
            return n
    return len(RARITY)


def build_split(items: list[dict]) -> dict:
    """50/50 split stratified by category (neg / review / pos); inside each category the
    comments are also ordered by their rarest span kind so rare kinds land on both sides."""
    rng = random.Random(SPLIT_SEED)
    tune, held = [], []
    for cat in CATEGORIES:
        ordered = []
        members = [it for it in items if it["cat"] == cat]
        for stratum in sorted({_stratum(it) for it in members}):
            ids = sorted(it["id"] for it in members if _stratum(it) == stratum)
            rng.shuffle(ids)
            ordered += ids
        first = rng.random() < 0.5
        for n, cid in enumerate(ordered):
            ((tune if (n % 2 == 0) == first else held)).append(cid)
    return {"tune": sorted(tune), "heldout": sorted(held)}


def main() -> None:
    roster = build_roster()
    items = build_comments()
    split = build_split(items)
    (HERE / "roster.json").write_text(json.dumps(roster, ensure_ascii=False, indent=1) + "\n",
                                      encoding="utf-8")
    with (HERE / "comments.jsonl").open("w", encoding="utf-8", newline="\n") as fh:
        for it in items:
            rec = {"id": it["id"], "text": it["text"], "spans": it["spans"], "review": it["review"]}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    (HERE / "split.json").write_text(json.dumps(split, indent=1) + "\n", encoding="utf-8")
    counts = {c: sum(1 for x in items if x["cat"] == c) for c in CATEGORIES}
    print(f"wrote {len(roster)} people, {len(items)} comments {counts}, "
          f"split {len(split['tune'])}/{len(split['heldout'])}")


if __name__ == "__main__":
    main()
