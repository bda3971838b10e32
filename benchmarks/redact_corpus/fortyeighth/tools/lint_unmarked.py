#!/usr/bin/env python3
"""Authoring aid: list capitalised words outside marks that equal a roster first name, last name or
nickname, plus '@', 'http', 'www.' and 555-01 shapes outside marks. Many hits are intended hard
negatives (Hope, Grant, Rose, King ...); the list is for a human to read, not a test.

  python3 tools/lint_unmarked.py [src/pos_x.txt ...]
"""
import glob
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MARK = re.compile(r"\[\[([A-Za-z]+):(.*?)\]\]", re.DOTALL)


def strip_acc(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def roster_words():
    words = set()
    for line in open(os.path.join(ROOT, "src", "roster.txt"), encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        f = [p.strip() for p in line.split("|")]
        for v in f[:3]:
            if v != "-":
                for w in re.split(r"[\s-]+", v):
                    if len(w) > 1:
                        words.add(strip_acc(w).lower())
    return words


def main():
    words = roster_words()
    files = sys.argv[1:] or sorted(glob.glob(os.path.join(ROOT, "src", "*_*.txt")))
    for path in files:
        raw = open(path, encoding="utf-8").read()
        blocks = re.split(r"\n---\n", raw)
        for i, b in enumerate(blocks, 1):
            outside = MARK.sub(lambda m: " " * len(m.group(0)), b)
            hits = []
            for m in re.finditer(r"\b[A-Z][\w'’.-]*", outside):
                w = strip_acc(m.group(0)).rstrip(".'’").lower()
                w = re.sub(r"['’]s$", "", w)
                if w in words:
                    hits.append(m.group(0))
            for pat in (r"@", r"https?://", r"www\.", r"555[-. ]?01"):
                if re.search(pat, outside):
                    hits.append("<" + pat + ">")
            if hits:
                print(f"{os.path.basename(path)} block {i}: {', '.join(hits)}")


if __name__ == "__main__":
    main()
