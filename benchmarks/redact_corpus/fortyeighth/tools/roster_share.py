#!/usr/bin/env python3
"""Estimate the share of person spans that refer to roster people.

Reads ../comments.jsonl and ../roster.json (run build.py first). A person span counts as a roster
reference when, after stripping titles, accents, punctuation and case, one of its tokens equals a
roster first name, last name (or part of one) or nickname, or its initials match a roster person's
initials, or a token is a near miss (difflib ratio >= 0.85, length >= 5) of a roster name part.
This is an estimate: a non-roster person who happens to share a roster name part is counted as
roster, and an initials-only span can match by chance. Use --list to see the classification.

  python3 tools/roster_share.py [--list]
"""
import difflib
import html
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

TITLES = {"mr", "mrs", "ms", "miss", "dr", "coach", "principal", "supt", "rev", "pastor", "imam", "sheikh",
          "councilman", "councilwoman", "sra", "sr", "don", "dona", "tita", "tito", "deacon", "brother",
          "sister", "elder", "fr", "father", "professor", "prof", "superintendent", "jr", "iii", "ii",
          "and", "nbsp", "amp", "hajji", "haji", "ustaz", "ven", "venerable", "bhante", "u", "daw",
          "naw", "saw", "sayadaw", "mother", "ato", "w/ro", "senor", "senora", "mister", "doctor",
          "ma", "auntie", "uncle", "abuna", "kashisha", "sensei"}


def norm(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("0", "o").replace("1", "l")
    return s.lower()


def tokens(s):
    return [t for t in re.split(r"[^a-z]+", norm(html.unescape(s).replace("\xa0", " "))) if t]


def strip_titles(toks):
    """Drop leading honorifics, but never the last remaining token ("Mr. Elder" keeps "elder")."""
    toks = list(toks)
    while len(toks) > 1 and toks[0] in TITLES:
        toks.pop(0)
    return [t for t in toks if t not in ("jr", "ii", "iii", "and", "mrs", "mr")] or toks


def main():
    roster = json.load(open(os.path.join(ROOT, "roster.json"), encoding="utf-8"))
    parts, initials = set(), set()
    for r in roster:
        names = []
        for k in ("first", "last", "nickname"):
            if r[k]:
                toks = tokens(r[k])
                names.append(toks)
                parts.update(t for t in toks if len(t) > 1 and t not in ("al", "el"))
        f = tokens(r["first"])
        l = tokens(r["last"]) if r["last"] else []
        if f and l:
            initials.add(f[0][0] + l[0][0])
            initials.add("".join(t[0] for t in f) + "".join(t[0] for t in l))
    plist = sorted(parts)
    roster_n = other_n = 0
    listing = []
    for line in open(os.path.join(ROOT, "comments.jsonl"), encoding="utf-8"):
        rec = json.loads(line)
        for s in rec["spans"]:
            if s["kind"] != "person":
                continue
            toks = strip_titles(tokens(s["text"]))
            hit = any(t in parts for t in toks)
            if not hit:
                compact = "".join(toks)
                if toks and all(len(t) == 1 for t in toks) and compact in initials:
                    hit = True
                elif len(toks) == 1 and len(toks[0]) in (2, 3) and toks[0] in initials:
                    hit = True
            if not hit:
                for t in toks:
                    if len(t) >= 5 and difflib.get_close_matches(t, plist, n=1, cutoff=0.85):
                        hit = True
                        break
            if hit:
                roster_n += 1
            else:
                other_n += 1
            listing.append(("R" if hit else "-", s["text"].replace("\n", " "), rec["id"]))
    total = roster_n + other_n
    if "--list" in sys.argv[1:]:
        for flag, text, cid in listing:
            print(f"{flag}\t{cid}\t{text}")
    share = roster_n / total if total else 0.0
    print(f"person spans: {total}; roster: {roster_n}; other: {other_n}; roster share: {share:.1%}")


if __name__ == "__main__":
    main()
