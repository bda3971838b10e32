#!/usr/bin/env python3
"""Estimate the roster share of person spans (counts only; writes nothing).

A person span counts as a roster reference when, after stripping accents, case, titles and punctuation,
one of its words equals a roster first name, last name or nickname word (after reading OCR digits 0/1 as o/l),
or is one edit away from a roster last name of six letters or more (misspellings), or when the span is made of
initials that match a roster person's initials.
NOT_ROSTER lists spans that match by accident but, as written, refer to people who are not on the roster.
This is an estimate: a shared first name can be miscounted either way.

  python3 tools/roster_share.py
"""
import glob
import os
import re
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(HERE, "src")
MARK = re.compile(r"\[\[([A-Za-z]+):(.*?)\]\]", re.DOTALL)
TITLES = {"mr", "mrs", "ms", "miss", "dr", "coach", "principal", "supt", "rev", "pastor", "imam", "sheikh",
          "councilman", "councilwoman", "sra", "sr", "don", "dona", "tita", "tito", "deacon", "brother",
          "sister", "elder", "jr", "iii", "ii"}
NOT_ROSTER = set()
NOT_ROSTER_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "not_roster.txt")
if os.path.exists(NOT_ROSTER_FILE):
    NOT_ROSTER = {l.strip() for l in open(NOT_ROSTER_FILE, encoding="utf-8") if l.strip() and not l.startswith("#")}


def fold(s):
    s = unicodedata.normalize("NFD", s)
    return "".join(c for c in s if unicodedata.category(c) != "Mn").lower()


def close(a, b):
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    # one edit (substitution, insertion or deletion)
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    for i in range(len(b)):
        if b[:i] + b[i + 1:] == a:
            return True
    return False


def roster():
    words, lasts, inits = set(), set(), set()
    for line in open(os.path.join(SRC, "roster.txt"), encoding="utf-8"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        f = [x.strip() for x in line.split("|")]
        first, last, nick = f[0], f[1], f[2]
        for v in (first, last, nick):
            if v != "-":
                words.update(w for w in re.split(r"[\s\-]+", fold(v)) if w)
        if last != "-":
            lasts.update(w for w in re.split(r"[\s\-]+", fold(last)) if len(w) >= 6)
            inits.add(fold(first)[0] + fold(last)[0])
            inits.add(fold(first)[0] + "".join(w[0] for w in re.split(r"[\s\-]+", fold(last))))
    return words, lasts, inits


def main():
    words, lasts, inits = roster()
    total = hits = 0
    for path in sorted(glob.glob(os.path.join(SRC, "pos_*.txt")) + glob.glob(os.path.join(SRC, "review_*.txt"))):
        for m in MARK.finditer(open(path, encoding="utf-8").read()):
            kind = m.group(1).lower()
            if kind not in ("p", "person"):
                continue
            total += 1
            span = " ".join(m.group(2).split())
            if span in NOT_ROSTER:
                continue
            toks = [t.replace("0", "o").replace("1", "l") for t in re.split(r"[^a-z0-9]+", fold(span)) if t]
            core = [t for t in toks if t not in TITLES]
            letters = re.sub(r"[^a-z]", "", fold(span))
            if span.replace(".", "").replace(" ", "").isupper() and len(letters) <= 3 and letters in inits:
                hits += 1
            elif any(t in words or any(close(t, w) for w in lasts) for t in core if len(t) > 1):
                hits += 1
    share = hits / total if total else 0
    print(f"person spans: {total}; roster references (estimate): {hits}; share: {share:.1%}")


if __name__ == "__main__":
    main()
