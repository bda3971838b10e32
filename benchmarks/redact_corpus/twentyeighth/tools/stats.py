#!/usr/bin/env python3
"""Writer's helper: per-file block counts, text lengths and span kinds, straight from src/ (no build needed)."""
import collections, glob, os, sys
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, HERE)
import build  # noqa: E402

tot = collections.Counter()
for path in sorted(glob.glob(os.path.join(HERE, "src", "*_*.txt"))):
    name = os.path.basename(path)
    blocks = build.split_blocks(path)
    kinds = collections.Counter()
    longest = 0
    for i, b in enumerate(blocks, 1):
        text, spans = build.parse_block(b, f"{name} block {i}")
        longest = max(longest, len(text))
        if len(text) > 560:
            print(f"  LONG {name} block {i}: {len(text)} chars")
        for s in spans:
            kinds[s["kind"]] += 1
    tot[name.split("_")[0]] += len(blocks)
    print(f"{name:28s} {len(blocks):4d} blocks  longest={longest:4d}  {dict(kinds)}")
print(dict(tot))
