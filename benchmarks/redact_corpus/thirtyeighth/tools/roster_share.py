#!/usr/bin/env python3
"""Estimate the share of person spans that refer to roster people (author's aid, heuristic).

A person span counts as a roster reference when, after stripping accents, case, punctuation and honorifics,
(a) one of its tokens equals a roster surname or a multi-token first name / nickname part of length >= 3, or
(b) the whole span equals a roster first name or nickname, or
(c) it is a bare initials form (e.g. "D. Mason" is caught by (a); "H.B." / "HB" by roster initials), or
(d) a token of 5+ letters is within edit ratio 0.84 of a roster surname, or a one-token span is that close
    to a roster first name or nickname (misspellings, OCR slips).
Non-roster people in this set were written with names that share no token with the roster, so collisions
are rare; the figure is an estimate, not a label.
"""
import difflib
import json
import os
import re
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "mrs", "ms", "miss", "dr", "doctor", "coach", "principal", "supt", "superintendent", "rev",
          "pastor", "imam", "sheikh", "sra", "sr", "don", "dona", "tita", "tito", "deacon", "brother", "sister",
          "elder", "councilman", "councilwoman", "dean", "fr", "naw", "saw", "al", "bin", "abu", "umm", "jr"}


def norm(s):
    s = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")
    return s.lower()


def tokens(s):
    return [t for t in re.split(r"[^a-z0-9]+", norm(s)) if t]


def main():
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    lasts, firsts, wholes, inits = set(), set(), set(), set()
    for r in roster:
        fn = tokens(r["first"])
        ln = tokens(r["last"]) if r["last"] else []
        nk = tokens(r["nickname"]) if r["nickname"] else []
        lasts.update(t for t in ln if t not in TITLES and len(t) >= 2)
        firsts.update(t for t in fn + nk if t not in TITLES and len(t) >= 3)
        wholes.add(" ".join(fn))
        if nk:
            wholes.add(" ".join(t for t in nk if t not in TITLES))
        if ln:
            inits.add(fn[0][0] + ln[-1][0])
    total = hit = 0
    misses = []
    for line in open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8"):
        rec = json.loads(line)
        for s in rec["spans"]:
            if s["kind"] != "person":
                continue
            total += 1
            tk = [t for t in tokens(s["text"]) if t not in TITLES]
            joined = " ".join(tk)
            ok = False
            if any(t in lasts for t in tk) or joined in wholes:
                ok = True
            elif len(tk) >= 1 and all(t in firsts for t in tk):
                ok = True
            elif len(tk) == 1 and tk[0] in inits:
                ok = True
            elif any(difflib.get_close_matches(t, list(lasts), n=1, cutoff=0.84) for t in tk if len(t) >= 5):
                ok = True
            elif len(tk) == 1 and difflib.get_close_matches(tk[0], list(firsts), n=1, cutoff=0.84):
                ok = True
            if ok:
                hit += 1
            else:
                misses.append(s["text"])
    print(f"person spans: {total}; roster references (estimated): {hit} = {100.0 * hit / max(total, 1):.1f}%")
    if os.environ.get("SHOW_MISSES"):
        for m in sorted(set(misses)):
            print("  non-roster:", m.replace("\n", " "))


if __name__ == "__main__":
    main()
