#!/usr/bin/env python3
"""Count blocks per source file (helper while writing)."""
import glob, os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import build
tot = {}
for f in sorted(glob.glob(os.path.join(build.SRC, "*_*.txt"))):
    n = len(build.split_blocks(f))
    cat = os.path.basename(f).split("_")[0]
    tot[cat] = tot.get(cat, 0) + n
    print(f"{os.path.basename(f):28s} {n}")
print(tot)
