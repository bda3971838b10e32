#!/usr/bin/env python3
"""Count how many person spans in comments.jsonl refer to roster people (estimate).

A person span counts as a roster reference when, after dropping titles, initials and punctuation,
folding case and stripping accents (and undoing the l/I and 0/O OCR slips), one of its name tokens
equals a roster first name, last name or nickname token. This is an estimate: a non-roster person who
shares a token with the roster would be over-counted, so the sources avoid such names.
Standard library only; prints counts, never text.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "mrs", "ms", "miss", "dr", "coach", "principal", "supt", "rev", "pastor", "imam", "sheikh",
          "councilman", "councilwoman", "sra", "sr", "don", "dona", "tita", "tito", "deacon", "brother",
          "sister", "elder", "fr", "aunty", "uncle", "bishop", "professor", "kumu", "trustee", "manang", "manong", "thay", "co", "saw", "naw", "jr", "vp",
          "and", "ii", "iii"}


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u02bb", "").replace("'", "").replace("\u2019", "")
    s = s.replace("đ", "d").replace("Đ", "D")
    return s.lower()


def tokens(s):
    s = fold(s).replace("-\n", "").replace("0", "o")
    raw = [t for t in re.split(r"[^a-z]+", s) if len(t) >= 2]
    # a title word is dropped unless it is the last word (so "M. Sheikh" keeps "sheikh")
    return [t for i, t in enumerate(raw) if t not in TITLES or i == len(raw) - 1]


def main():
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    names = set()
    for r in roster:
        for k in ("first", "last", "nickname"):
            if r[k]:
                names.update(tokens(r[k]))
    total = hits = 0
    for line in open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8"):
        rec = json.loads(line)
        for s in rec["spans"]:
            if s["kind"] != "person":
                continue
            total += 1
            toks = tokens(s["text"])
            alt = ["i" + t[1:] if t.startswith("l") else t for t in toks]
            if any(t in names for t in toks) or any(t in names for t in alt):
                hits += 1
    share = hits / total if total else 0.0
    print(f"person spans: {total}; roster references: {hits}; non-roster: {total - hits}; roster share: {share:.1%}")


if __name__ == "__main__":
    sys.exit(main())
