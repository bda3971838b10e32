#!/usr/bin/env python3
"""Build the "fifteenth" redaction evaluation set from the hand-written sources in src/.

Sources
  src/roster.txt      one person per line: first | last | nickname | email | phone | school | district | role
                      ("-" = none; blank lines and lines starting with "#" are ignored)
  src/neg_*.txt       comments without personal data            (category "neg")
  src/review_*.txt    comments singling out one unnamed person  (category "review")
  src/pos_*.txt       comments with personal data               (category "pos")

In the comment files a line containing only "---" separates blocks (one block = one comment) and spans are
marked inline as [[kind:text]] with kind one of person/email/phone/url/address/school/district or the aliases
p/e/ph/u/a/s/d.  The marks are stripped, offsets are computed here (never typed by hand), the comments are
shuffled with a fixed seed, given ids fifteenth-0001.. and split 50/50 (stratified by category, fixed seed)
into tune and heldout.

Outputs (next to this script): roster.json, comments.jsonl, split.json, provenance.tsv

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
PREFIX = "fifteenth"
SHUFFLE_SEED = 15_0600
SPLIT_SEED = 15_0300

KIND_ALIASES = {
    "person": "person", "p": "person",
    "email": "email", "e": "email",
    "phone": "phone", "ph": "phone",
    "url": "url", "u": "url",
    "address": "address", "a": "address",
    "school": "school", "s": "school",
    "district": "district", "d": "district",
}
CATEGORY_BY_PREFIX = (("neg_", "neg"), ("review_", "review"), ("pos_", "pos"))
ROSTER_KEYS = ["first", "last", "nickname", "email", "phone", "school", "district", "role"]

MARK = re.compile(r"\[\[([A-Za-z]+):(.*?)\]\]", re.S)


class BuildError(Exception):
    pass


def read_blocks(path):
    """Split a source file into blocks on lines that contain only '---'. Returns [(block_no, raw_text)]."""
    with open(path, encoding="utf-8") as fh:
        raw = fh.read()
    if "\r" in raw:
        raise BuildError(f"{path}: carriage returns are not allowed in sources")
    blocks, cur = [], []
    for line in raw.split("\n"):
        if line.strip() == "---":
            blocks.append("\n".join(cur))
            cur = []
        else:
            cur.append(line)
    blocks.append("\n".join(cur))
    out = []
    n = 0
    for b in blocks:
        if b.strip() == "":
            continue
        n += 1
        out.append((n, b.strip()))
    return out


def strip_marks(marked, where):
    """Remove [[kind:text]] marks; return plain text and spans with computed offsets."""
    text_parts, spans = [], []
    pos_out = 0
    last = 0
    for m in MARK.finditer(marked):
        before = marked[last:m.start()]
        text_parts.append(before)
        pos_out += len(before)
        alias, inner = m.group(1), m.group(2)
        kind = KIND_ALIASES.get(alias.lower())
        if kind is None:
            raise BuildError(f"{where}: unknown kind {alias!r} in {m.group(0)!r}")
        if inner == "" or inner != inner.strip():
            raise BuildError(f"{where}: empty span or span with outer whitespace: {m.group(0)!r}")
        if "[[" in inner or "]]" in inner:
            raise BuildError(f"{where}: nested mark in {m.group(0)!r}")
        spans.append({"start": pos_out, "end": pos_out + len(inner), "kind": kind, "text": inner})
        text_parts.append(inner)
        pos_out += len(inner)
        last = m.end()
    text_parts.append(marked[last:])
    text = "".join(text_parts)
    if "[[" in text or "]]" in text:
        raise BuildError(f"{where}: stray '[[' or ']]' left after stripping marks")
    for s in spans:
        assert text[s["start"]:s["end"]] == s["text"]
    spans.sort(key=lambda s: (s["start"], s["end"]))
    return text, spans


def category_of(filename):
    for prefix, cat in CATEGORY_BY_PREFIX:
        if filename.startswith(prefix):
            return cat
    return None


def load_roster():
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
            rec = {}
            for k, v in zip(ROSTER_KEYS, fields):
                if v == "":
                    raise BuildError(f"roster.txt:{lineno}: empty field {k} (use '-')")
                rec[k] = None if v == "-" else v
            for k in ("first", "last", "role"):
                if rec[k] is None:
                    raise BuildError(f"roster.txt:{lineno}: {k} is required")
            people.append(rec)
    return people


def main():
    errors = []
    items = []
    files = sorted(glob.glob(os.path.join(SRC, "*.txt")))
    for path in files:
        fname = os.path.basename(path)
        if fname == "roster.txt":
            continue
        cat = category_of(fname)
        if cat is None:
            errors.append(f"{fname}: file name must start with neg_, review_ or pos_")
            continue
        for block_no, marked in read_blocks(path):
            where = f"src/{fname} block {block_no}"
            try:
                text, spans = strip_marks(marked, where)
            except BuildError as exc:
                errors.append(str(exc))
                continue
            if cat == "neg" and spans:
                errors.append(f"{where}: negative comment carries {len(spans)} span(s)")
            if cat == "pos" and not spans:
                errors.append(f"{where}: positive comment has no span")
            for a, b in zip(spans, spans[1:]):
                if b["start"] < a["end"]:
                    errors.append(f"{where}: overlapping spans {a['text']!r} / {b['text']!r}")
            items.append({"category": cat, "source_file": f"src/{fname}", "block": block_no,
                          "text": text, "spans": spans})
    try:
        roster = load_roster()
    except BuildError as exc:
        errors.append(str(exc))
        roster = []
    if errors:
        for e in errors:
            print("ERROR:", e, file=sys.stderr)
        print(f"build failed with {len(errors)} error(s)", file=sys.stderr)
        return 1

    rng = random.Random(SHUFFLE_SEED)
    rng.shuffle(items)
    width = max(4, len(str(len(items))))
    for i, it in enumerate(items, 1):
        it["id"] = f"{PREFIX}-{i:0{width}d}"

    split_rng = random.Random(SPLIT_SEED)
    tune, heldout = [], []
    for cat in ("neg", "review", "pos"):
        ids = sorted(it["id"] for it in items if it["category"] == cat)
        split_rng.shuffle(ids)
        half = len(ids) // 2
        # an odd leftover alternates between the two halves so the split stays as even as possible
        if len(ids) % 2 and len(tune) > len(heldout):
            tune.extend(ids[:half]); heldout.extend(ids[half:])
        else:
            tune.extend(ids[:len(ids) - half]); heldout.extend(ids[len(ids) - half:])
    split = {"tune": sorted(tune), "heldout": sorted(heldout)}

    with open(os.path.join(HERE, "comments.jsonl"), "w", encoding="utf-8") as fh:
        for it in items:
            rec = {"id": it["id"], "text": it["text"], "spans": it["spans"], "review": it["category"] == "review"}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "split.json"), "w", encoding="utf-8") as fh:
        json.dump(split, fh, indent=1)
        fh.write("\n")
    with open(os.path.join(HERE, "provenance.tsv"), "w", encoding="utf-8") as fh:
        fh.write("id\tcategory\tsource_file\tblock\n")
        for it in items:
            fh.write(f"{it['id']}\t{it['category']}\t{it['source_file']}\t{it['block']}\n")
    with open(os.path.join(HERE, "roster.json"), "w", encoding="utf-8") as fh:
        json.dump(roster, fh, indent=1, ensure_ascii=False)
        fh.write("\n")

    counts = {c: sum(1 for it in items if it["category"] == c) for c in ("neg", "review", "pos")}
    print(f"built {len(items)} comments ({counts['neg']} neg, {counts['review']} review, {counts['pos']} pos), "
          f"{sum(len(it['spans']) for it in items)} spans, {len(roster)} roster people; "
          f"tune {len(split['tune'])} / heldout {len(split['heldout'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
