#!/usr/bin/env python3
"""Build the "second" redaction evaluation corpus from hand-written sources.

Inputs (all under src/):
  roster.txt        pipe-separated fictional roster (codes expanded below)
  neg_*.txt         comments with NO personal data (hard negatives)
  review_*.txt      comments that carry a self-identifying description
                    (review=true); they may also carry marked spans
  pos_*.txt         comments with personal data marked inline

Source format: comments are separated by a line holding only "===".
Lines starting with "#" before the first comment of a file are ignored.
Inline markup: [[kind:text as typed]], kind in KINDS. Offsets are computed
here; no offset is ever typed by hand.

Outputs: roster.json, comments.jsonl, split.json (next to this script).
"""
import glob
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")
KINDS = ("person", "email", "phone", "url", "address", "school", "district")
MARK = re.compile(r"\[\[(" + "|".join(KINDS) + r"):(.+?)\]\]", re.S)
SEED = 20250214  # fixed seed for id order and for the split
TARGETS = {"neg": 260, "review": 70, "pos": 370}

DISTRICTS = {
    "CH": "Cedar Hollow USD",
    "RM": "Red Mesa ISD",
    "NG": "Northgate Public Schools",
    "PV": "Prairie View School District",
    "MC": "Marlow County Schools",
    "BS": "Bayshore USD",
    "TR": "Three Rivers ISD",
    "KP": "Kittredge Public Schools",
    "ST": None,  # state agency staff
}
SCHOOLS = {
    "LPE": "Lincoln Park Elementary",
    "STA": "Sojourner Truth Academy",
    "CHH": "Cedar Hollow High",
    "MRE": "Maple Ridge Early Learning Center",
    "RPK": "Rosa Parks K-8",
    "RMH": "Red Mesa High",
    "DWE": "Desert Willow Elementary",
    "CCM": "Cesar Chavez Middle",
    "SBS": "St. Brigid School",
    "MCH": "Marlow County High",
    "PBM": "Pine Bluff Middle",
    "ELE": "Ellison Elementary",
    "NGM": "Northgate Middle",
    "FDH": "Frederick Douglass High",
    "HVE": "Harbor View Elementary",
    "NGA": "Northgate Alternative",
    "PVH": "Prairie View High",
    "MLE": "Meadowlark Elementary",
    "BCK": "Bison Creek K-8",
    "WMA": "Wilma Mankiller Academy",
    "BSM": "Bayshore STEM Magnet",
    "JEF": "Jefferson Elementary",
    "PHM": "Pacific Heights Middle",
    "NDC": "New Dawn Charter Academy",
    "TRH": "Three Rivers High",
    "MTM": "Mission Trail Middle",
    "DHE": "Dolores Huerta Elementary",
    "KHS": "Kittredge High",
    "AGE": "Aspen Grove Elementary",
    "HWM": "Hawthorne Middle",
}


def build_roster():
    people = []
    with open(os.path.join(SRC, "roster.txt"), encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("|")
            if len(parts) != 8:
                sys.exit(f"roster: bad line {line!r}")
            first, last, nick, role, sc, dc, email, phone = parts
            rec = {"first": first, "last": last}
            if nick:
                rec["nickname"] = nick
            rec.update({
                "email": email,
                "phone": phone,
                "school": SCHOOLS[sc] if sc else None,
                "district": DISTRICTS[dc],
                "role": role,
            })
            people.append(rec)
    return people


def parse_block(block, where):
    text_parts, spans, pos, last = [], [], 0, 0
    for m in MARK.finditer(block):
        before = block[last:m.start()]
        text_parts.append(before)
        pos += len(before)
        kind, inner = m.group(1), m.group(2)
        spans.append({"start": pos, "end": pos + len(inner), "kind": kind, "text": inner})
        text_parts.append(inner)
        pos += len(inner)
        last = m.end()
    text_parts.append(block[last:])
    text = "".join(text_parts)
    if "[[" in text or "]]" in text:
        sys.exit(f"{where}: unparsed markup left in {text[:80]!r}")
    for s in spans:
        assert text[s["start"]:s["end"]] == s["text"], where
    return text, spans


def read_sources():
    items = []
    for cat in ("neg", "review", "pos"):
        for path in sorted(glob.glob(os.path.join(SRC, f"{cat}_*.txt"))):
            with open(path, encoding="utf-8") as fh:
                raw = fh.read()
            lines = raw.split("\n")
            while lines and lines[0].startswith("#"):
                lines.pop(0)
            blocks = re.split(r"\n===[ \t]*\n", "\n" + "\n".join(lines) + "\n")
            for i, block in enumerate(blocks):
                block = block.strip("\n")
                if not block.strip():
                    continue
                where = f"{os.path.basename(path)} block {i + 1}"
                text, spans = parse_block(block, where)
                if cat == "neg" and spans:
                    sys.exit(f"{where}: negative comment has spans")
                if cat == "pos" and not spans:
                    sys.exit(f"{where}: positive comment has no spans")
                items.append({"cat": cat, "text": text, "spans": spans,
                              "review": cat == "review", "where": where})
    return items


def stratum(item):
    """Stratum key for the split: category plus the rarest kind present."""
    if not item["spans"]:
        return (item["cat"], "none")
    order = ["address", "url", "email", "phone", "district", "school", "person"]
    kinds = {s["kind"] for s in item["spans"]}
    rarest = next(k for k in order if k in kinds)
    return (item["cat"], rarest)


def main():
    roster = build_roster()
    if len(roster) != 150:
        sys.exit(f"roster has {len(roster)} people, want 150")
    with open(os.path.join(HERE, "roster.json"), "w", encoding="utf-8") as fh:
        json.dump(roster, fh, ensure_ascii=False, indent=1)
        fh.write("\n")

    items = read_sources()
    counts = {c: sum(1 for it in items if it["cat"] == c) for c in TARGETS}
    print("source counts:", counts)
    texts = [it["text"] for it in items]
    dups = {t for t in texts if texts.count(t) > 1}
    if dups:
        sys.exit(f"duplicate comments: {list(dups)[:3]}")
    strict = "--loose" not in sys.argv
    if strict and counts != TARGETS:
        sys.exit(f"counts {counts} != targets {TARGETS}")

    rng = random.Random(SEED)
    rng.shuffle(items)
    for n, it in enumerate(items, 1):
        it["id"] = f"second-{n:04d}"
    with open(os.path.join(HERE, "comments.jsonl"), "w", encoding="utf-8") as fh:
        for it in items:
            rec = {"id": it["id"], "text": it["text"], "spans": it["spans"],
                   "review": it["review"]}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")

    # Stratified 50/50 split: group by stratum, shuffle inside each group,
    # deal alternately; the side that starts each group alternates so the
    # halves stay within one comment of each other overall.
    groups = {}
    for it in items:
        groups.setdefault(stratum(it), []).append(it["id"])
    tune, heldout = [], []
    start_tune = True
    for key in sorted(groups):
        ids = sorted(groups[key])
        rng.shuffle(ids)
        for j, cid in enumerate(ids):
            to_tune = (j % 2 == 0) == start_tune
            (tune if to_tune else heldout).append(cid)
        if len(ids) % 2:
            start_tune = not start_tune
    with open(os.path.join(HERE, "split.json"), "w", encoding="utf-8") as fh:
        json.dump({"tune": sorted(tune), "heldout": sorted(heldout)}, fh, indent=1)
        fh.write("\n")
    print(f"wrote {len(items)} comments; tune={len(tune)} heldout={len(heldout)}")


if __name__ == "__main__":
    main()
