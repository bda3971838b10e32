#!/usr/bin/env python3
"""Build roster.json, comments.jsonl and split.json for the `fresh` set.

Comment sources live in src/*.txt, one comment per line:

  * lines starting with ``//`` and blank lines are ignored;
  * a line starting with ``R|`` is a review comment (self-identifying
    description present); the prefix is stripped;
  * a literal backslash-n (two characters) inside a line becomes a newline;
  * personal data is marked inline as ``[[kind:text]]`` where kind is one of
    person, email, phone, url, address, school, district (aliases p, e, ph,
    u, a, s, d).  Offsets are computed here; none is typed by hand.

Files named clean*.txt must contain no markup and no R| lines, files named
review*.txt must contain only R| lines, files named pii*.txt must contain
markup on every line.  Ids are assigned after a fixed-seed shuffle so that
the categories are interleaved.

Usage:  python3 build.py
"""
import json
import random
import re
import unicodedata
from pathlib import Path

from roster_src import DISTRICTS, SCHOOLS, PEOPLE

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"

KINDS = {"person", "email", "phone", "url", "address", "school", "district"}
ALIAS = {"p": "person", "e": "email", "ph": "phone", "u": "url",
         "a": "address", "s": "school", "d": "district"}
MARK = re.compile(r"\[\[([a-z]+):(.*?)\]\]", re.S)
SEED = 20240611


def _ascii(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", s.lower())


def build_roster():
    out = []
    counters = {k: 0 for k in DISTRICTS}
    for first, last, nick, school, dist, role in PEOPLE:
        d = DISTRICTS[dist]
        f, l = _ascii(first), _ascii(last)
        pattern = d["email"]
        local = {"first.last": f"{f}.{l}", "flast": f"{f[0]}{l}",
                 "firstl": f"{f}{l[0]}", "first_last": f"{f}_{l}",
                 "f.last": f"{f[0]}.{l}"}[pattern]
        counters[dist] += 1
        phone = f"({d['area']}) 555-01{counters[dist]:02d}"
        rec = {"first": first, "last": last}
        if nick:
            rec["nickname"] = nick
        rec.update({
            "email": f"{local}@{d['domain']}",
            "phone": phone,
            "school": SCHOOLS[school][0] if school else None,
            "district": d["name"],
            "role": role,
        })
        out.append(rec)
    return out


def parse_line(raw):
    review = False
    if raw.startswith("R|"):
        review = True
        raw = raw[2:].lstrip(" ")
    raw = raw.replace("\\n", "\n")
    text_parts, spans, pos, cursor = [], [], 0, 0
    for m in MARK.finditer(raw):
        kind = ALIAS.get(m.group(1), m.group(1))
        if kind not in KINDS:
            raise ValueError(f"unknown kind {m.group(1)!r} in: {raw}")
        before = raw[cursor:m.start()]
        text_parts.append(before)
        pos += len(before)
        val = m.group(2)
        if not val or val != val.strip():
            raise ValueError(f"empty or padded span {val!r} in: {raw}")
        spans.append({"start": pos, "end": pos + len(val), "kind": kind, "text": val})
        text_parts.append(val)
        pos += len(val)
        cursor = m.end()
    text_parts.append(raw[cursor:])
    text = "".join(text_parts)
    if "[[" in text or "]]" in text:
        raise ValueError(f"stray markup in: {raw}")
    return text, spans, review


def load_sources():
    items = []
    for path in sorted(SRC.glob("*.txt")):
        cat = re.match(r"[a-z]+", path.stem).group(0)
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("//"):
                continue
            text, spans, review = parse_line(line)
            where = f"{path.name}:{n}"
            if cat == "clean" and (spans or review):
                raise ValueError(f"{where}: clean line has markup/review")
            if cat == "review" and not review:
                raise ValueError(f"{where}: review file line lacks R|")
            if cat == "pii" and (not spans or review):
                raise ValueError(f"{where}: pii line lacks markup or has R|")
            items.append({"text": text, "spans": spans, "review": review,
                          "_src": where})
    return items


def main():
    roster = build_roster()
    (HERE / "roster.json").write_text(
        json.dumps(roster, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    items = load_sources()
    random.Random(SEED).shuffle(items)
    ids = []
    with open(HERE / "comments.jsonl", "w", encoding="utf-8") as fh:
        for i, it in enumerate(items, 1):
            cid = f"fresh-{i:04d}"
            ids.append(cid)
            rec = {"id": cid, "text": it["text"], "spans": it["spans"],
                   "review": it["review"]}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    (HERE / "split.json").write_text(
        json.dumps({"tune": [], "heldout": ids}, indent=1) + "\n", encoding="utf-8")
    print(f"roster: {len(roster)} people; comments: {len(items)}")


if __name__ == "__main__":
    main()
