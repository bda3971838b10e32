#!/usr/bin/env python3
"""Estimate the share of person spans that refer to roster people.

A person span counts as a roster reference when, after dropping honorifics and generational suffixes,
every remaining token matches a name part (first, last or nickname) of one roster person: exactly,
as an initial, or as a close spelling (same first letter and difflib ratio >= 0.8, or one changed letter in a three-letter
part next to an exact match; accents, case, HTML entities and PDF line-break hyphens ignored). Run-together
initials ("DC", "gj") are compared with the person's initials. This is an estimate: a non-roster person
who happens to share a single name part with a roster person is counted as roster.

  python3 tools/roster_share.py          summary
  python3 tools/roster_share.py --list   also list every person span with its best match
Standard library only.
"""
import difflib
import html
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "ms", "mrs", "miss", "dr", "coach", "principal", "supt", "superintendent", "rev", "reverend",
          "pastor", "elder", "bishop", "brother", "sister", "president", "imam", "sheikh", "chief",
          "councilman", "councilwoman", "sra", "sr", "and", "prof"}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
OCR = str.maketrans({"0": "o", "1": "l", "|": "l"})


def norm(s):
    s = html.unescape(s).replace("\u00a0", " ")
    s = re.sub(r"-\s*\n\s*", "", s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.translate(OCR).lower()
    return re.sub(r"[^a-z' ]+", " ", s).replace("'", "")


def tokens_of(span):
    parts = norm(span.replace(",", " , ")).split()
    toks = [t for t in parts if t not in (",",)]
    while toks and toks[0] in TITLES:
        toks = toks[1:]
    toks = [t for t in toks if t not in SUFFIXES and t != "and"]
    return toks


def person_parts(r):
    parts = []
    for key in ("first", "last", "nickname"):
        if r[key]:
            parts += norm(r[key]).split()
    return parts


def initials(r):
    first = norm(r["first"]).split()
    last = norm(r["last"]).split() if r["last"] else []
    return {"".join(w[0] for w in first + last), "".join(w[0] for w in first[:1] + last),
            "".join(w[0] for w in last + first[:1])}


def close(t, p):
    if t[0] != p[0]:
        return False
    if len(t) == len(p) == 3:
        return sum(a != b for a, b in zip(t, p)) == 1
    return len(t) > 3 and difflib.SequenceMatcher(None, t, p).ratio() >= 0.8


def tok_match(t, parts, fuzzy=True):
    if len(t) == 1:
        return any(p.startswith(t) for p in parts)
    return any(t == p or (fuzzy and close(t, p)) for p in parts)


def match(span, roster):
    toks = tokens_of(span)
    if not toks:
        return None
    joined = "".join(toks)
    for r in roster:
        parts = person_parts(r)
        if len(toks) == 1 and 2 <= len(joined) <= 3 and joined not in parts and joined in initials(r):
            return r
        if all(tok_match(t, parts, fuzzy=False) for t in toks) and any(len(t) > 1 for t in toks):
            return r
    for r in roster:
        parts = person_parts(r)
        exact = [t for t in toks if len(t) > 1 and t in parts]
        fuzzy_ok = all(tok_match(t, parts) for t in toks)
        short = [t for t in toks if len(t) == 3 and t not in parts]
        if fuzzy_ok and any(len(t) > 1 for t in toks) and (not short or exact):
            return r
        if all(len(t) == 1 for t in toks) and "".join(toks) in initials(r):
            return r
    return None


def main():
    with open(os.path.join(HERE, "roster.json"), encoding="utf-8") as fh:
        roster = json.load(fh)
    total = hits = 0
    rows = []
    with open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            for s in rec["spans"]:
                if s["kind"] != "person":
                    continue
                total += 1
                r = match(s["text"], roster)
                hits += r is not None
                rows.append((rec["id"], s["text"], f"{r['first']} {r['last'] or ''}".strip() if r else "-"))
    if "--list" in sys.argv[1:]:
        for row in rows:
            print("\t".join(row).replace("\n", " "))
    share = hits / total if total else 0.0
    print(f"person spans: {total}; roster references (estimated): {hits}; share: {share:.1%}")


if __name__ == "__main__":
    main()
