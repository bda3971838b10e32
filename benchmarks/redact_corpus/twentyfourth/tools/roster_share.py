#!/usr/bin/env python3
"""Estimate the share of person spans in comments.jsonl that refer to roster people.

Heuristic: a person span counts as a roster reference when, after stripping titles, accents, case and
punctuation, one of its tokens equals (or nearly equals, for typos and OCR slips) a roster first name,
last name or nickname token, or when the span is a run of initials matching a roster person.
Prints the estimate; with -v also lists every span and how it was classified, for a hand check.
Run after build.py:  python3 tools/roster_share.py [-v]
"""
import difflib
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "mrs", "ms", "miss", "dr", "coach", "principal", "supt", "rev", "pastor", "imam", "sheikh",
          "councilman", "councilwoman", "sra", "sr", "senor", "senora", "don", "dona", "tita", "tito", "deacon",
          "brother", "sister", "elder", "venerable", "u", "jr", "iii", "ii", "mister", "saw", "naw", "and",
          "de", "la", "del", "da", "van", "nbsp", "the", "padre", "father", "mother", "sis", "se", "prof"}
WEAK = {"mae", "lee", "ann", "earl", "marie", "jean", "agnes"}


def norm(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("đ", "d").replace("Đ", "D")
    return s.lower()


def tokens(s):
    # undo the common OCR slips (0 for o, 1 for l) before splitting
    s = re.sub(r"(?<=[A-Za-z])1|1(?=[a-z])", "l", s)
    s = re.sub(r"(?<=[A-Za-z])0|0(?=[a-z])", "o", s)
    return [t for t in re.split(r"[^a-z0-9]+", norm(s)) if t and t not in TITLES]


def main():
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    rtok, inits = set(), set()
    for r in roster:
        for k in ("first", "last", "nickname"):
            if r[k]:
                rtok.update(tokens(r[k]))
        f = tokens(r["first"])
        l = tokens(r["last"] or "")
        if f and l:
            inits.add(f[0][0] + l[0][0])
            inits.add("".join(t[0] for t in f + l))
    # middle parts of compound given names are too common to identify anyone on their own
    rtok = {t for t in rtok if len(t) > 1} - WEAK
    verbose = "-v" in sys.argv[1:]
    hit = miss = 0
    rows = []
    for line in open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8"):
        rec = json.loads(line)
        for s in rec["spans"]:
            if s["kind"] != "person":
                continue
            toks = tokens(s["text"])
            how = None
            for t in toks:
                if t in rtok:
                    how = "token:" + t
                    break
                close = difflib.get_close_matches(t, rtok, n=1, cutoff=0.86) if len(t) >= 6 else []
                if close:
                    how = "fuzzy:" + close[0]
                    break
            if how is None:
                compact = re.sub(r"[^a-z]", "", norm(s["text"]))
                if 1 < len(compact) <= 3 and compact in inits:
                    how = "initials"
            if how:
                hit += 1
            else:
                miss += 1
            rows.append((how or "-", s["text"].replace("\n", " "), rec["id"]))
    total = hit + miss
    if verbose:
        for how, text, cid in sorted(rows):
            print(f"{how:22} {cid}  {text}")
    print(f"person spans: {total}; roster: {hit}; non-roster: {miss}; roster share: {hit / total:.1%}")


if __name__ == "__main__":
    main()
