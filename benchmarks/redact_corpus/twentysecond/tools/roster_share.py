#!/usr/bin/env python3
"""Estimate the share of person spans that refer to roster people.

Heuristic only: strips honorifics, accents, the ʻokina and OCR digit slips, then matches the remaining tokens
against roster first names, last names, nicknames and initials (exact, or close by difflib for longer tokens).
Run from the set's folder after build.py:  python3 tools/roster_share.py [-v]
"""
import difflib
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "mrs", "ms", "miss", "mister", "dr", "coach", "principal", "supt", "rev", "pastor", "imam", "sheikh",
          "councilman", "councilwoman", "sra", "sr", "senora", "don", "dona", "tita", "tito", "kumu", "aunty", "auntie",
          "uncle", "sardar", "bibi", "elder", "kahu", "apo", "professor"}


def norm(s):
    s = s.replace("ʻ", "").replace("'", "").replace("’", "")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("1", "l").replace("0", "o")
    return s.lower()


def main():
    verbose = "-v" in sys.argv[1:]
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    names, initials = set(), set()
    for r in roster:
        parts = [r["first"], r["last"] or "", r["nickname"] or ""]
        for p in parts:
            for t in re.split(r"\s+", norm(p)):
                if t:
                    names.add(t)
        if r["last"]:
            f, l = norm(r["first"]), norm(r["last"])
            initials.add(f[0] + l[0])
            if r["nickname"]:
                initials.add(norm(r["nickname"])[0] + l[0])
    hit = miss = 0
    misses = []
    for line in open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8"):
        rec = json.loads(line)
        for s in rec["spans"]:
            if s["kind"] != "person":
                continue
            raw = norm(s["text"]).replace("-\n", "").replace("\n", " ")
            toks = [t for t in re.split(r"[^a-z-]+", raw.replace("-\n", "")) if t and t not in TITLES]
            joined = "".join(toks)
            ok = False
            if 1 < len(joined) <= 3 and all(len(t) == 1 for t in toks) or (len(toks) == 1 and len(toks[0]) == 2 and toks[0] in initials):
                ok = joined[:2] in initials
            else:
                for t in toks:
                    if len(t) == 1:
                        continue
                    if t in names or (len(t) >= 5 and difflib.get_close_matches(t, names, 1, 0.84)):
                        ok = True
                        break
            if ok:
                hit += 1
            else:
                miss += 1
                misses.append(s["text"])
    total = hit + miss
    print(f"person spans: {total}; roster-like: {hit} ({100 * hit / max(total, 1):.1f}%); other: {miss}")
    if verbose:
        print("not matched:", sorted(set(misses)))


if __name__ == "__main__":
    main()
