#!/usr/bin/env python3
"""Estimate the roster share of person spans, and lint for roster-name words left unmarked.

  python3 tools/roster_share.py            share estimate (reads comments.jsonl + roster.json)
  python3 tools/roster_share.py -v         also list every person span with its verdict
  python3 tools/roster_share.py --lint     list roster name words that occur outside spans (eyeball these)

Heuristic: a person span counts as "roster" when, after dropping honorifics, accents, dots and case,
one of its tokens equals a roster first name, surname part or nickname (edit distance 1 allowed for
tokens of 5+ letters), or its letters match a roster person's initials. A small override list covers
spans the heuristic gets wrong. It is an estimate, not a label.
"""
import collections
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "mrs", "ms", "miss", "dr", "coach", "principal", "supt", "rev", "pastor", "imam", "sheikh",
          "councilman", "councilwoman", "sra", "sr", "don", "dona", "tita", "tito", "deacon", "brother",
          "sister", "elder", "jr", "iii", "ii", "mx", "superintendent", "father", "fr", "abbot", "thay",
          "ven", "venerable", "hon", "judge", "prof", "professor", "ustaz", "ato", "atty", "w/ro", "thay"}
# spans the token heuristic misjudges: text -> True (roster) / False (not roster)
OVERRIDES = {
    "Ms. Fontenot": False,          # a roster principal's wife, not on the roster
    "Ms. Cheramie-Daigle": False,   # a teacher sharing a roster surname
    "Mr. and Mrs. Nguyễn Văn Lộc": False,  # parents sharing a common surname
    "ms. guillory": False,          # parish office clerk, explicitly not the roster Guillory
    "L.V.M.": True,                 # Lupe (Guadalupe) Valenzuela Matus, nickname initials
    "J. P.": True,                  # Jean-Paul Robichaux
    "D": True,                      # Dale Naquin signing a text
    "JH": True,                     # Ji-hoon Park signing an e-mail
    "Mr. Cheramy": True,            # misspelled Cheramie
}


def norm(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower()


def tokens(s):
    s = norm(s).replace("0", "o").replace("1", "l")
    return [t for t in re.split(r"[^a-z]+", s) if t]


def ed1(a, b):
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                   and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if len(a) > len(b):
        a, b = b, a
    for i in range(len(b)):
        if b[:i] + b[i + 1:] == a:
            return True
    return False


def main():
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    words, inits = set(), set()
    for r in roster:
        parts = []
        for k in ("first", "last", "nickname"):
            if r[k]:
                parts.append(r[k])
                words.update(t for t in tokens(r[k]) if len(t) > 1 or k == "last")
        f = tokens(r["first"])
        l = tokens(r["last"] or "")
        if f and l:
            inits.add(f[0][0] + l[0][0])
            inits.add("".join(t[0] for t in f) + "".join(t[0] for t in l))
            inits.add(f[0][0] + "".join(t[0] for t in l))
    words -= TITLES

    def is_roster(text):
        if text in OVERRIDES:
            return OVERRIDES[text]
        toks = [t for t in tokens(text) if t not in TITLES]
        for t in toks:
            if t in words:
                return True
            if len(t) >= 5 and any(len(w) >= 5 and ed1(t, w) for w in words):
                return True
        letters = "".join(toks)
        if all(len(t) == 1 for t in toks) and letters in inits:
            return True
        if len(toks) == 1 and 2 <= len(toks[0]) <= 3 and toks[0] in inits and text.upper() == text:
            return True
        return False

    recs = [json.loads(l) for l in open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8")]
    if "--lint" in sys.argv:
        cap = {}
        for r in roster:
            for k in ("first", "last", "nickname"):
                if r[k]:
                    for t in re.split(r"[\s]+", r[k]):
                        t = t.strip(".,")
                        if len(t) > 1:
                            cap[norm(t)] = t
        for rec in recs:
            text = rec["text"]
            mask = list(text)
            for s in rec["spans"]:
                for i in range(s["start"], s["end"]):
                    mask[i] = " "
            plain = "".join(mask)
            hits = set()
            for m in re.finditer(r"[^\W\d_][\w'’-]*", plain):
                w = m.group(0)
                if norm(w) in cap and (w[0].isupper() or len(w) > 3):
                    hits.add(w)
            if hits:
                print(rec["id"], sorted(hits), "|", text[:90].replace("\n", " "))
        return
    share = collections.Counter()
    for rec in recs:
        for s in rec["spans"]:
            if s["kind"] != "person":
                continue
            v = is_roster(s["text"])
            share[v] += 1
            if "-v" in sys.argv:
                print("ROSTER " if v else "other  ", s["text"].replace("\n", " "))
    total = share[True] + share[False]
    print(f"person spans: {total}; roster: {share[True]} ({100.0 * share[True] / max(total, 1):.1f}%); "
          f"non-roster: {share[False]}")


if __name__ == "__main__":
    main()
