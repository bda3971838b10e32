#!/usr/bin/env python3
"""Writer's helper: flag roster name tokens (first, last, nickname; accent-insensitive) that appear OUTSIDE any span.
Name-words used as ordinary words will show up too; those are reviewed by hand, not auto-fixed."""
import glob, os, re, sys, unicodedata
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, HERE)
import build  # noqa: E402

def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()

toks = set()
for r in build.read_roster():
    for k in ("first", "last", "nickname"):
        if r[k]:
            for t in re.split(r"[\s\-]+", r[k]):
                if len(t) > 1:
                    toks.add(fold(t))
pats = sys.argv[1:] or ["pos_*.txt", "review_*.txt", "neg_*.txt"]
for pat in pats:
    for path in sorted(glob.glob(os.path.join(HERE, "src", pat))):
        name = os.path.basename(path)
        for i, b in enumerate(build.split_blocks(path), 1):
            text, spans = build.parse_block(b, name)
            mask = list(text)
            for s in spans:
                for j in range(s["start"], s["end"]):
                    mask[j] = " "
            rest = "".join(mask)
            hits = [w for w in re.findall(r"[^\W\d_]+", rest) if fold(w) in toks]
            if hits:
                print(f"{name} #{i}: {sorted(set(hits))}")
