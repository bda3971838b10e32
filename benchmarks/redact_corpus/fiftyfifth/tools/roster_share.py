#!/usr/bin/env python3
"""Estimate the share of person spans that refer to roster people.

Reads roster.json and comments.jsonl (run build.py first). Honorifics, accents, case, punctuation and the OCR
digits 0/1/3 are normalised away. A person span counts as a roster reference when one roster person accounts
for its words:
  - a one-word span equals (or, from four letters, nearly equals) one of that person's first-name, surname or
    nickname words;
  - a span of initials only matches that person's initials;
  - a longer span has at least one full word of that person and, for two words, every word matching (a word, a
    near-spelling, a prefix of four or more letters, or an initial); for three or more words, two thirds.
This is a heuristic estimate, not a gold label. Use --list to print both buckets for a manual check.
Standard library only.
"""
import difflib
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "mrs", "ms", "miss", "mister", "dr", "doctor", "coach", "principal", "prlncipal", "supt",
          "superintendent", "rev", "pastor", "imam", "sheikh", "councilman", "councilwoman", "sra", "sr", "don",
          "dona", "tita", "tito", "deacon", "brother", "sister", "elder", "father", "venerable", "familia", "and",
          "jr", "asst", "prof", "lic", "ing", "ma", "trustee"}
STOP = {"de", "la", "del", "los", "las", "y"}


def norm(s):
    s = re.sub(r"-\n", "", s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("0", "o").replace("1", "l").replace("3", "e")
    return re.sub(r"[^a-z\s]", " ", s)


def words(s):
    return [t for t in norm(s).split() if t not in STOP]


def person_tokens(r):
    toks = set()
    for p in (r["first"], r["last"], r["nickname"]):
        if p:
            w = words(p)
            toks.update(w)
            if len(w) > 1:
                toks.add("".join(w))
    return toks


def word_match(t, toks):
    if t in toks:
        return True
    if len(t) >= 4 and any(difflib.SequenceMatcher(None, t, x).ratio() >= 0.84 for x in toks):
        return True
    return len(t) >= 4 and any(x.startswith(t) for x in toks)


def is_roster(raw, people):
    toks = [t for t in words(raw) if t not in TITLES]
    if not toks:
        return False
    full = [t for t in toks if len(t) > 1]
    for toks_p in people:
        inits = {x[0] for x in toks_p}
        if not full:
            if all(t in inits for t in toks) and len(toks) >= 2:
                return True
            continue
        if len(toks) == 1:
            if word_match(toks[0], toks_p):
                return True
            continue
        if "".join(full) in toks_p:
            return True
        hits = [t for t in full if word_match(t, toks_p)]
        if not hits:
            continue
        score = len(hits) + sum(1 for t in toks if len(t) == 1 and t in inits)
        need = len(toks) if len(toks) == 2 else (2 * len(toks) + 2) // 3
        if score >= need:
            return True
    return False


def main():
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    people = [person_tokens(r) for r in roster]
    hit, miss = [], []
    for line in open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8"):
        rec = json.loads(line)
        for s in rec["spans"]:
            if s["kind"] == "person":
                (hit if is_roster(s["text"], people) else miss).append(s["text"])
    total = len(hit) + len(miss)
    share = len(hit) / total if total else 0.0
    print(f"person spans: {total}; roster (estimated): {len(hit)}; non-roster: {len(miss)}; "
          f"roster share: {share:.1%}")
    if "--list" in sys.argv[1:]:
        print("\n# roster\n" + "\n".join(sorted(set(hit))))
        print("\n# non-roster\n" + "\n".join(sorted(set(miss))))


if __name__ == "__main__":
    main()
