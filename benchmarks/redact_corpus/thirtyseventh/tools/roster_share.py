#!/usr/bin/env python3
"""Estimate the share of person spans that refer to roster people (counting only).

Reads ../roster.json and ../comments.jsonl (run build.py first). A person span counts as "roster" when, after
stripping honorifics, accents, OCR slips and PDF hyphen breaks, it matches a roster first name, surname or
nickname (exactly, or within a small edit distance for misspellings), or when it is an initials-only span whose
letters match a roster person's initials. Everything else counts as "non-roster". This is a heuristic estimate.

  python3 tools/roster_share.py          print the counts
  python3 tools/roster_share.py --list   also list every person span with its class
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "mrs", "ms", "miss", "dr", "doctor", "coach", "principal", "supt", "rev", "pastor", "imam",
          "sheikh", "councilman", "councilwoman", "sra", "sr", "don", "dona", "tita", "tito", "deacon",
          "brother", "sister", "elder", "fr", "and"}
CYR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяії",
               ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
                "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "i"]))


def fold(s):
    s = s.replace("-\n", "").replace("&nbsp;", " ").replace("&#39;", "'")
    s = "".join(CYR.get(ch, ch) for ch in s.lower())
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("0", "o").replace("1", "l")
    return s


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def main():
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    words, initials = set(), set()
    for r in roster:
        for key in ("first", "last", "nickname"):
            if r[key]:
                for w in re.findall(r"[a-z']+", fold(r[key])):
                    if len(w) >= 2:
                        words.add(w)
        first = fold(r["first"])
        last = fold(r["last"] or "")
        if last:
            initials.add(first[0] + last[0])
    counts = {"roster": 0, "non-roster": 0}
    rows = []
    for line in open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8"):
        rec = json.loads(line)
        for s in rec["spans"]:
            if s["kind"] != "person":
                continue
            raw = fold(s["text"])
            toks = re.findall(r"[a-z']+", raw)
            core = [t for t in toks if t not in TITLES] or toks
            letters = re.sub(r"[^a-z]", "", raw)
            hit = False
            if re.fullmatch(r"\s*([a-z]\.?\s*){2,3}", raw) and letters[0] + letters[-1] in initials:
                hit = True
            for t in core:
                for variant in {t, t.replace("rn", "m")}:
                    if variant in words:
                        hit = True
                    elif len(variant) >= 4 and any(abs(len(w) - len(variant)) <= 1 and lev(w, variant) <= 1
                                                   for w in words if len(w) >= 4):
                        hit = True
            cls = "roster" if hit else "non-roster"
            counts[cls] += 1
            rows.append((cls, rec["id"], s["text"].replace("\n", "\\n")))
    total = sum(counts.values())
    if "--list" in sys.argv[1:]:
        for row in sorted(rows):
            print("\t".join(row))
    print(f"person spans: {total}; roster: {counts['roster']} ({100 * counts['roster'] / total:.1f}%); "
          f"non-roster: {counts['non-roster']} ({100 * counts['non-roster'] / total:.1f}%)")


if __name__ == "__main__":
    main()
