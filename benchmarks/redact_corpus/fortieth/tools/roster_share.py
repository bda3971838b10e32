#!/usr/bin/env python3
"""Estimate the share of person spans that refer to roster people.

Heuristic, standard library only: a person span counts as a roster reference when, after stripping
titles, accents, punctuation and case, one of its tokens (or multi-word runs) equals a roster first name,
surname or nickname, or is within edit distance 1 of a surname of 5+ letters, or its initials match a
roster person's initials, or it is a one-word chat handle built from a roster name (gsunrhodes), or it is a
lone signature initial that starts a roster first name. Run from the set folder after build.py:  python3 tools/roster_share.py [-v]
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "mrs", "ms", "miss", "dr", "coach", "principal", "supt", "rev", "pastor", "imam", "sheikh",
          "councilman", "councilwoman", "sra", "sr", "don", "dona", "tita", "tito", "deacon", "brother",
          "sister", "elder", "father", "fr", "superintendent", "jr", "iii", "ii"}


def norm(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u2019", "'").replace("&#39;", "'").replace("&nbsp;", " ")
    s = re.sub(r"&[a-z]+;", " ", s.lower())
    s = s.replace("0", "o").replace("1", "l")
    return re.sub(r"[^a-z' ]+", " ", s).replace("'", "").split()


def ed1(a, b):
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) <= 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))


def main():
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    names, surnames, initials, handles, letters = set(), set(), set(), set(), set()
    for r in roster:
        for key in ("first", "last", "nickname"):
            if r[key]:
                toks = [t for t in norm(r[key]) if t not in TITLES]
                if toks:
                    names.add(" ".join(toks))
                    if key == "last":
                        surnames.add(" ".join(toks))
        if r["last"]:
            f = norm(r["first"])[0][0]
            last = norm(r["last"])
            initials.add(f + last[0][0])
            initials.add(f + "".join(t[0] for t in last))
            handles.add(f + "".join(last))
            handles.add(norm(r["first"])[0] + "".join(last))
        letters.add(norm(r["first"])[0][0])
    yes, no = [], []
    for line in open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8"):
        rec = json.loads(line)
        for s in rec["spans"]:
            if s["kind"] != "person":
                continue
            toks = [t for t in norm(s["text"]) if t not in TITLES]
            runs = {" ".join(toks[i:j]) for i in range(len(toks)) for j in range(i + 1, len(toks) + 1)}
            hit = bool(runs & names)
            if not hit:
                hit = any(len(r) >= 5 and ed1(r, n) for r in runs for n in surnames)
            if not hit and toks and all(len(t) <= 2 for t in toks):
                hit = "".join(toks) in initials or (len(toks) == 1 and len(toks[0]) == 1 and toks[0] in letters)
            if not hit and len(toks) == 1:
                hit = toks[0] in handles
            (yes if hit else no).append(s["text"])
    total = len(yes) + len(no)
    print(f"person spans: {total}; roster: {len(yes)} ({100 * len(yes) / max(total, 1):.1f}%); "
          f"non-roster: {len(no)}")
    if "-v" in sys.argv:
        print("ROSTER:", sorted(set(yes)))
        print("NON-ROSTER:", sorted(set(no)))


if __name__ == "__main__":
    main()
