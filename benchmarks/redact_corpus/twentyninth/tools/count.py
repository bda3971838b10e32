#!/usr/bin/env python3
"""Count blocks and marks per source file (helper for the author; not part of the build)."""
import glob, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import build
tot = {}
for path in sorted(glob.glob(os.path.join(build.SRC, "*_*.txt"))):
    blocks = build.split_blocks(path)
    n = 0
    for i, b in enumerate(blocks, 1):
        text, spans = build.parse_block(b, f"{path}:{i}")
        n += len(spans)
        if len(text) > 600:
            print("LONG", os.path.basename(path), i, len(text))
    cat = os.path.basename(path).split("_")[0]
    tot[cat] = tot.get(cat, 0) + len(blocks)
    print(f"{os.path.basename(path):32s} blocks={len(blocks):3d} spans={n}")
print(tot)
