#!/usr/bin/env python3
"""Estimate the share of person spans that refer to roster people.

Heuristic, standard library only. A person span counts as a roster mention when, after stripping titles,
accents, punctuation, PDF hyphens and case, every word of the span equals (or nearly equals, for misspellings
and OCR slips) a first name, last name or nickname of one and the same roster person, and any single-letter
initials in it match that person; or when the whole span is a run of 2-3 initials matching a roster person.
Known blind spots: a non-roster relative who shares a roster surname and is named by surname alone counts as
roster; a lone initial ("H.") counts as non-roster.

  python3 tools/roster_share.py            share over all person spans
  python3 tools/roster_share.py --list     also list the spans counted as non-roster
"""
import difflib
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "mrs", "ms", "miss", "dr", "coach", "principal", "supt", "rev", "pastor", "imam", "sheikh",
          "councilman", "councilwoman", "sra", "sr", "don", "dona", "tita", "tito", "deacon", "brother", "sister",
          "elder", "naw", "saw", "father", "fr", "jr", "iii", "ii", "mister", "doctor", "superintendent"}


def fold(s):
    s = s.replace("-\n", "").replace("\u00ad", "")          # PDF hyphenation
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace("0", "o").replace("1", "l")       # OCR slips
    return s


def tokens(s):
    return [t for t in re.split(r"[^a-z]+", fold(s)) if t]


def close(a, b):
    if a == b:
        return True
    for x in {a, a.replace("rn", "m")}:                        # OCR "rn" for "m"
        if len(x) >= 4 and len(b) >= 4 and difflib.SequenceMatcher(None, x, b).ratio() >= 0.84:
            return True
    return False


def person_tokens(r):
    out = []
    for k in ("first", "last", "nickname"):
        if r[k]:
            out.extend(tokens(r[k]))
    return out


def roster_initials(roster):
    found = set()
    for r in roster:
        firsts = [tokens(r["first"])]
        if r["nickname"]:
            firsts.append(tokens(r["nickname"]))
        last = tokens(r["last"]) if r["last"] else []
        for f in firsts:
            if f and last:
                found.add(f[0][0] + last[0][0])
                found.add("".join(t[0] for t in f) + last[0][0])
        if r["nickname"] and len(re.sub(r"[^A-Za-z]", "", r["nickname"])) <= 3:
            found.add(re.sub(r"[^a-z]", "", fold(r["nickname"])))
    return found


def is_roster(text, people, initials):
    compact = re.sub(r"[^a-z]", "", fold(text))
    if 2 <= len(compact) <= 3 and compact in initials:
        return True
    toks = [t for t in tokens(text) if t not in TITLES]
    full = [t for t in toks if len(t) > 1]
    letters = [t for t in toks if len(t) == 1]
    if not full:
        return len(letters) >= 2 and "".join(letters) in initials
    for ptoks in people:
        words = [t for t in ptoks if len(t) > 1]
        if all(any(close(t, w) for w in words) for t in full) and \
                all(any(w[0] == l for w in ptoks) for l in letters):
            return True
    return False


def main():
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    people = [person_tokens(r) for r in roster]
    initials = roster_initials(roster)
    total = hits = 0
    misses = []
    with open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            for s in rec["spans"]:
                if s["kind"] != "person":
                    continue
                total += 1
                if is_roster(s["text"], people, initials):
                    hits += 1
                else:
                    misses.append(s["text"])
    share = hits / total if total else 0.0
    print(f"person spans: {total}; roster mentions (estimated): {hits}; share: {share:.1%}")
    if "--list" in sys.argv[1:]:
        for m in misses:
            print("  non-roster:", m.replace("\n", " "))


if __name__ == "__main__":
    main()
