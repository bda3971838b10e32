#!/usr/bin/env python3
"""Authoring aid: list capitalised roster name-words that appear outside marks in src/ blocks.
Many hits in negatives are intended (name-words used as ordinary words); read them, do not trust them."""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARK = re.compile(r"\[\[([A-Za-z]+):(.*?)\]\]", re.DOTALL)
roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
words = set()
for r in roster:
    for k in ("first", "last", "nickname"):
        if r[k]:
            words.add(r[k])
pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b")
for path in sorted(glob.glob(os.path.join(HERE, "src", sys.argv[1] if len(sys.argv) > 1 else "*_*.txt"))):
    blocks = open(path, encoding="utf-8").read().split("\n---\n")
    for i, b in enumerate(blocks, 1):
        bare = MARK.sub(lambda m: "#" * len(m.group(0)), b)
        hits = sorted({m.group(0) for m in pattern.finditer(bare)})
        if hits:
            print(f"{os.path.basename(path)}:{i}: {hits}")
