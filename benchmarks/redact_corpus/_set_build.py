"""Build one of the blind redaction evaluation sets (seventeenth to twentyfirst) from its hand-written sources in src/.

Each set's own build.py calls :func:`run` with its folder, its name and its two seeds; the sets were written with
byte-identical copies of this builder, which it replaces (their outputs are unchanged).

Sources
  src/roster.txt     first | last | nickname | email | phone | school | district | role   ('-' = none, '#' = comment)
  src/neg_*.txt      comments with no personal data (no marks allowed)
  src/review_*.txt   comments that single out one unnamed person (review=true); may carry ordinary marks
  src/pos_*.txt      comments with personal data, marked inline as [[kind:text]]

Blocks are separated by a line that contains only '---'. Kinds: person, email, phone, url, address, school,
district, with aliases p, e, ph, u, a, s, d. Offsets are computed here, never typed by hand.

Outputs (in the set's folder): roster.json, comments.jsonl, split.json, provenance.tsv
Standard library only. Deterministic: fixed seeds for the shuffle and the split.
"""
import glob
import json
import os
import random
import re
import sys

# the set being built: its folder, its sources, its ids' prefix and its seeds (set by run())
HERE = SRC = PREFIX = ""
SHUFFLE_SEED = SPLIT_SEED = 0

KINDS = {"person", "email", "phone", "url", "address", "school", "district"}
ALIASES = {"p": "person", "e": "email", "ph": "phone", "u": "url", "a": "address", "s": "school", "d": "district"}
MARK = re.compile(r"\[\[([A-Za-z]+):(.*?)\]\]", re.DOTALL)
ROSTER_KEYS = ["first", "last", "nickname", "email", "phone", "school", "district", "role"]
CATEGORIES = [("neg", "neg_*.txt"), ("review", "review_*.txt"), ("pos", "pos_*.txt")]


class BuildError(Exception):
    pass


def read_roster():
    rows = []
    path = os.path.join(SRC, "roster.txt")
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) != len(ROSTER_KEYS):
                raise BuildError(f"roster.txt:{n}: expected {len(ROSTER_KEYS)} fields, got {len(parts)}")
            obj = {}
            for key, val in zip(ROSTER_KEYS, parts):
                if val == "":
                    raise BuildError(f"roster.txt:{n}: empty field {key!r} (use '-')")
                obj[key] = None if val == "-" else val
            if obj["first"] is None:
                raise BuildError(f"roster.txt:{n}: first name is required")
            rows.append(obj)
    return rows


def split_blocks(path):
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
    for b in blocks:
        text = b.strip("\n")
        if text.strip():
            out.append(text)
    return out


def parse_block(marked, where):
    spans, parts, pos, out_len = [], [], 0, 0
    for m in MARK.finditer(marked):
        kind = m.group(1).lower()
        kind = ALIASES.get(kind, kind)
        if kind not in KINDS:
            raise BuildError(f"{where}: unknown kind {m.group(1)!r}")
        inner = m.group(2)
        if not inner or inner != inner.strip():
            raise BuildError(f"{where}: empty span or span with outer whitespace: {inner!r}")
        if "[[" in inner or "]]" in inner:
            raise BuildError(f"{where}: nested mark in {inner!r}")
        before = marked[pos:m.start()]
        parts.append(before)
        out_len += len(before)
        start = out_len
        parts.append(inner)
        out_len += len(inner)
        spans.append({"start": start, "end": out_len, "kind": kind, "text": inner})
        pos = m.end()
    parts.append(marked[pos:])
    text = "".join(parts)
    if "[[" in text or "]]" in text:
        raise BuildError(f"{where}: stray '[[' or ']]' left in text")
    for s in spans:
        assert text[s["start"]:s["end"]] == s["text"]
    spans.sort(key=lambda s: (s["start"], s["end"]))
    for a, b in zip(spans, spans[1:]):
        if b["start"] < a["end"]:
            raise BuildError(f"{where}: overlapping spans")
    return text, spans


def main():
    roster = read_roster()
    items = []
    for cat, pattern in CATEGORIES:
        files = sorted(glob.glob(os.path.join(SRC, pattern)))
        if not files:
            raise BuildError(f"no files for {pattern}")
        for path in files:
            name = os.path.basename(path)
            for i, marked in enumerate(split_blocks(path), 1):
                where = f"{name} block {i}"
                text, spans = parse_block(marked, where)
                if cat == "neg" and spans:
                    raise BuildError(f"{where}: negative comment carries spans")
                if cat == "pos" and not spans:
                    raise BuildError(f"{where}: positive comment without spans")
                items.append({"category": cat, "source_file": "src/" + name, "block": i,
                              "text": text, "spans": spans, "review": cat == "review"})

    texts = [it["text"] for it in items]
    dups = {t for t in texts if texts.count(t) > 1}
    if dups:
        raise BuildError(f"duplicate comment texts: {sorted(dups)[:3]}")

    rng = random.Random(SHUFFLE_SEED)
    rng.shuffle(items)
    width = max(4, len(str(len(items))))
    for n, it in enumerate(items, 1):
        it["id"] = f"{PREFIX}-{n:0{width}d}"

    split_rng = random.Random(SPLIT_SEED)
    tune, heldout = [], []
    flip = 0
    for cat, _ in CATEGORIES:
        ids = sorted(it["id"] for it in items if it["category"] == cat)
        split_rng.shuffle(ids)
        half = len(ids) // 2
        if len(ids) % 2:
            half += flip
            flip ^= 1
        tune.extend(ids[:half])
        heldout.extend(ids[half:])
    tune.sort()
    heldout.sort()

    with open(os.path.join(HERE, "roster.json"), "w", encoding="utf-8") as fh:
        json.dump(roster, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    with open(os.path.join(HERE, "comments.jsonl"), "w", encoding="utf-8") as fh:
        for it in sorted(items, key=lambda x: x["id"]):
            rec = {"id": it["id"], "text": it["text"], "spans": it["spans"], "review": it["review"]}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "split.json"), "w", encoding="utf-8") as fh:
        json.dump({"tune": tune, "heldout": heldout}, fh, indent=1)
        fh.write("\n")
    with open(os.path.join(HERE, "provenance.tsv"), "w", encoding="utf-8") as fh:
        fh.write("id\tcategory\tsource_file\tblock\n")
        for it in sorted(items, key=lambda x: x["id"]):
            fh.write(f"{it['id']}\t{it['category']}\t{it['source_file']}\t{it['block']}\n")

    counts = {cat: sum(1 for it in items if it["category"] == cat) for cat, _ in CATEGORIES}
    print(f"built {len(items)} comments ({counts}), {sum(len(it['spans']) for it in items)} spans, "
          f"{len(roster)} roster people; tune={len(tune)} heldout={len(heldout)}")


def run(here, prefix, shuffle_seed, split_seed):
    """Build the set in folder ``here``: ids ``<prefix>-0001``..., the shuffle and the split from the two seeds."""
    global HERE, SRC, PREFIX, SHUFFLE_SEED, SPLIT_SEED
    HERE, SRC, PREFIX, SHUFFLE_SEED, SPLIT_SEED = here, os.path.join(here, "src"), prefix, shuffle_seed, split_seed
    try:
        main()
    except BuildError as exc:
        print("build error:", exc, file=sys.stderr)
        sys.exit(1)
