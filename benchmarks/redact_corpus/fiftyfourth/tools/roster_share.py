#!/usr/bin/env python3
"""Estimate the share of person spans that refer to roster people.

Heuristic, standard library only. A person span counts as a roster reference when, after removing honorific
titles, accents, OCR digit slips and punctuation, it matches a roster first name, last name (or part of a
compound last name), nickname, or initials, or is within a small edit distance of one of them (misspellings).

  python3 tools/roster_share.py            print the estimate
  python3 tools/roster_share.py --list     also list every person span with its classification
"""
import difflib
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "ms", "mrs", "miss", "dr", "coach", "principal", "supt", "superintendent", "rev", "pastor",
          "imam", "sheikh", "sra", "sr", "don", "dona", "tita", "tito", "deacon", "brother", "sister", "elder",
          "prof", "fr", "father", "ajahn", "phra", "rabbi", "judge", "mme", "councilman", "councilwoman", "asst",
          "jr", "and", "saw", "naw", "thra"}


def norm(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("&uacute;", "u").replace("ł", "l").replace("Ł", "L")
    s = s.lower().replace("0", "o").replace("1", "l")
    s = re.sub(r"-\n", "", s)
    return re.sub(r"[^a-z ]+", " ", s.replace("-", " ")).split()


def roster_forms(roster):
    """Tokens of first, last and nickname; initials. A roster person with no surname and a several-word given
    name (Karen usage, where Saw/Naw are honorifics) is matched on the whole name only."""
    tokens, initials, whole = set(), set(), set()
    for r in roster:
        if r["last"] is None and len(norm(r["first"])) > 1:
            whole.add(" ".join(w for w in norm(r["first"]) if w not in TITLES))
            continue
        for key in ("first", "last", "nickname"):
            if r[key]:
                for t in norm(r[key]):
                    if t not in TITLES and len(t) >= 2:
                        tokens.add(t)
        f = norm(r["first"])
        l = norm(r["last"] or "")
        if f and l:
            initials.add(f[0][0] + l[0][0])
    return tokens, initials, whole


def classify(text, tokens, initials, whole):
    words = [w for w in norm(text) if w not in TITLES]
    if not words:
        return True, "title-only"
    if " ".join(words) in whole:
        return True, "whole-name"
    if "".join(words) in initials or ("".join(w[0] for w in words) in initials and all(len(w) == 1 for w in words)):
        return True, "initials"
    for w in words:
        if len(w) >= 3 and w in tokens:
            return True, "token:" + w
    for w in words:
        if len(w) >= 5:
            m = difflib.get_close_matches(w, tokens, n=1, cutoff=0.85)
            if m:
                return True, "fuzzy:" + w + "~" + m[0]
    return False, "-"


def main():
    with open(os.path.join(HERE, "roster.json"), encoding="utf-8") as fh:
        roster = json.load(fh)
    tokens, initials, whole = roster_forms(roster)
    total = hits = 0
    rows = []
    with open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            for s in rec["spans"]:
                if s["kind"] != "person":
                    continue
                total += 1
                ok, why = classify(s["text"], tokens, initials, whole)
                hits += ok
                rows.append((ok, why, s["text"].replace("\n", "\\n"), rec["id"]))
    if "--list" in sys.argv[1:]:
        for ok, why, text, cid in sorted(rows):
            print(f"{'ROSTER' if ok else 'other '}\t{why}\t{text}\t{cid}")
    print(f"person spans: {total}; roster references (estimate): {hits} ({100.0 * hits / max(total, 1):.1f}%)")


if __name__ == "__main__":
    main()
