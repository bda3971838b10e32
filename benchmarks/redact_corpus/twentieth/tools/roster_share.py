#!/usr/bin/env python3
"""Estimate the share of person spans that refer to roster people.

  python3 tools/roster_share.py          print the estimate
  python3 tools/roster_share.py -v       also list every person span with its verdict

Heuristic (an estimate, not ground truth): a person span counts as a roster reference when, after stripping
accents, case, punctuation, OCR digits (1->l, 0->o) and honorific titles, it contains a roster first name, last name or nickname as a
whole word (or one edit away for words of 5+ letters, to catch misspellings and OCR slips), or when it is a
bare 2-3 letter initials form that matches a roster person's initials. Standard library only.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "mrs", "ms", "miss", "dr", "coach", "principal", "supt", "rev", "pastor", "imam", "sheikh", "ato",
          "councilman", "councilwoman", "delegate", "sra", "sr", "don", "dona", "tita", "tito", "jr", "bishop",
          "elder", "prof", "superintendent", "sup", "mister", "missus", "mme", "lolo", "lola", "w"}


def norm(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("ł", "l").replace("Ł", "L")
    s = s.replace("&nbsp;", " ").replace("\u00a0", " ")
    s = re.sub(r"&#?\w+;", " ", s)
    s = s.replace("1", "l").replace("0", "o")  # OCR slips: l/1, o/0
    words = re.sub(r"[^A-Za-z]+", " ", s).lower().split()
    # drop honorific titles, but never the last remaining word ("Supt. Elder" keeps "elder")
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
    return " ".join(w for w in words if w not in TITLES or w == words[-1])


def edit1(a, b):
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))


def main():
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    names, initials = set(), set()
    for r in roster:
        for k in ("first", "last", "nickname"):
            if r[k]:
                n = norm(r[k])
                if n:
                    names.add(n)
                    for part in n.split():
                        if len(part) >= 4:
                            names.add(part)
        f, l = norm(r["first"]), norm(r["last"] or "")
        if f and l:
            initials.add(f[0] + l[0])
            initials.add(f[0] + "".join(w[0] for w in l.split()))
    total = hits = 0
    rows = []
    for line in open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8"):
        rec = json.loads(line)
        for s in rec["spans"]:
            if s["kind"] != "person":
                continue
            total += 1
            raw = s["text"]
            n = norm(raw)
            words = n.split()
            hit = False
            for nm in names:
                if re.search(r"\b" + re.escape(nm) + r"\b", n):
                    hit = True
                    break
            if not hit:
                for w in words:
                    if len(w) >= 5 and any(len(nm) >= 5 and " " not in nm and edit1(w, nm) for nm in names):
                        hit = True
                        break
            letters = re.sub(r"[^A-Za-z]", "", raw)
            if not hit and 2 <= len(letters) <= 3 and len(raw) <= 8 and letters.lower() in initials:
                hit = True
            hits += hit
            rows.append((hit, rec["id"], raw))
    if "-v" in sys.argv[1:]:
        for hit, cid, raw in rows:
            print(("ROSTER " if hit else "other  ") + cid + "  " + raw.replace("\n", " "))
    share = hits / total if total else 0.0
    print(f"person spans: {total}; roster-like: {hits}; estimated roster share: {share:.1%}")


if __name__ == "__main__":
    main()
