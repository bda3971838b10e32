#!/usr/bin/env python3
"""Writer's helper: apply exact, unique string replacements to one src file. Usage: rep.py FILE <<< 'old => new' lines"""
import sys
path = sys.argv[1]
s = open(path, encoding="utf-8").read()
for line in sys.stdin.read().split("\n"):
    if not line.strip():
        continue
    a, b = line.split(" => ")
    a = a.replace("\\n", "\n"); b = b.replace("\\n", "\n")
    n = s.count(a)
    if n != 1:
        print(f"SKIP ({n} hits): {a!r}")
        continue
    s = s.replace(a, b)
open(path, "w", encoding="utf-8").write(s)
