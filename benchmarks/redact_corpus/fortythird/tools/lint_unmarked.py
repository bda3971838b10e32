#!/usr/bin/env python3
"""Author's aid: list roster name-words and body name-words that occur OUTSIDE any span.

Reads ../comments.jsonl, ../roster.json and ../provenance.tsv. Prints one line per hit so a human can decide
whether the word is an ordinary word (hope, grant, mason...) or a missed label. Standard library only.
"""
import json
import os
import re
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


roster = json.load(open(os.path.join(ROOT, "roster.json"), encoding="utf-8"))
words = set()
for r in roster:
    for k in ("first", "last", "nickname"):
        if r[k]:
            for w in re.split(r"[\s-]+", r[k]):
                if len(w) > 1:
                    words.add(fold(w))
bodies = set()
for r in roster:
    for k in ("school", "district"):
        if r[k]:
            bodies.add(fold(r[k].split()[0]))
bodies -= {"st.", "great", "desert", "nevada", "sierra", "silver"}
bodies |= {"duneview", "amargosa", "peavine", "galena", "steamboat", "lamoille", "tuscarora", "wabuska",
           "sbcsd", "sccsd", "snted", "hrcsd", "lrsd", "npca", "gbresc", "fmms", "brendan", "lantern", "bloom",
           "needle", "weber", "owyhee", "ruby", "humboldt", "mason", "frenchman", "sloan", "eldorado", "tule",
           "rosalinda", "truckee", "sparks", "cactus", "lahontan", "sagebrush"}

cat = {}
with open(os.path.join(ROOT, "provenance.tsv"), encoding="utf-8") as fh:
    next(fh)
    for line in fh:
        i, c, src, b = line.rstrip("\n").split("\t")
        cat[i] = (c, src, b)

for line in open(os.path.join(ROOT, "comments.jsonl"), encoding="utf-8"):
    rec = json.loads(line)
    text = rec["text"]
    mask = list(text)
    for s in rec["spans"]:
        for k in range(s["start"], s["end"]):
            mask[k] = " "
    outside = "".join(mask)
    for m in re.finditer(r"[^\W\d_]+", outside):
        w = fold(m.group(0))
        tag = None
        if w in words:
            tag = "NAME"
        elif w in bodies:
            tag = "BODY"
        if tag:
            c, src, b = cat[rec["id"]]
            ctx = outside[max(0, m.start() - 30):m.end() + 30].replace("\n", " ")
            print(f"{tag}\t{src}:{b}\t{m.group(0)}\t...{ctx}...")
