#!/usr/bin/env python3
"""Authoring aid (not part of the build): list roster name tokens and body-name fragments that occur
OUTSIDE marks in the sources, so the author can check each one by hand. In neg_* files such hits are
usually deliberate hard negatives (a name-word used as a word); in pos_* and review_* files an unmarked
hit is either intended (a word, a public figure, a place) or a missed label.

  python3 tools/lint_sources.py [pos|review|neg]     (default: pos and review)
"""
import glob
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(HERE, "src")
MARK = re.compile(r"\[\[([A-Za-z]+):(.*?)\]\]", re.DOTALL)

BODY_FRAGMENTS = ["Zuni Road", "Huerta", "Tijeras", "Juniper Flats", "Red Willow", "Wauneka", "Hogback",
                  "Hosta Butte", "Sable Park", "Highline", "Kinnear", "Tower Road", "Justina Ford", "Quail Run",
                  "Horizonte", "Juan Diego", "Island Grove", "Evans Bluff", "Poudre Bend", "Bijou", "Prairie Wind",
                  "Crow Creek", "Bosque Grande", "BGPS", "Puerco", "PVUS", "Tollgate", "TCPS", "Front Range",
                  "FRCS", "Plains Gateway", "28J", "District 12", "WCSD", "RE-4J", "Pawnee", "RE-9", "BOCES"]


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def roster_tokens():
    toks = set()
    with open(os.path.join(SRC, "roster.txt"), encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            f = [p.strip() for p in line.split("|")]
            for v in f[:3]:
                if v == "-":
                    continue
                for t in re.split(r"[\s-]+", v):
                    if len(t) >= 3:
                        toks.add(strip_accents(t))
    return toks


def blocks(path):
    raw = open(path, encoding="utf-8").read()
    out, cur = [], []
    for line in raw.split("\n"):
        if line.strip() == "---":
            out.append("\n".join(cur)); cur = []
        else:
            cur.append(line)
    out.append("\n".join(cur))
    return [b for b in out if b.strip()]


def main():
    cats = sys.argv[1:] or ["pos", "review"]
    toks = roster_tokens()
    tok_re = re.compile(r"\b(" + "|".join(sorted(map(re.escape, toks), key=len, reverse=True)) + r")\b", re.I)
    body_re = re.compile("|".join(map(re.escape, BODY_FRAGMENTS)), re.I)
    for cat in cats:
        for path in sorted(glob.glob(os.path.join(SRC, cat + "_*.txt"))):
            for i, b in enumerate(blocks(path), 1):
                masked = MARK.sub(lambda m: " " * len(m.group(0)), b)
                plain = strip_accents(masked)
                hits = [(m.start(), m.group(0), "name") for m in tok_re.finditer(plain)]
                hits += [(m.start(), m.group(0), "body") for m in body_re.finditer(plain)]
                for pos, word, what in sorted(hits):
                    ctx = plain[max(0, pos - 30): pos + 40].replace("\n", " ")
                    print(f"{os.path.basename(path)}#{i} [{what}] {word!r}: ...{ctx}...")


if __name__ == "__main__":
    main()
