#!/usr/bin/env python3
"""Estimate the roster share of person spans in the twentyseventh sources.

Reads src/roster.txt and the marked sources (src/pos_*.txt, src/review_*.txt) directly, so it works
before build.py has run. A person span counts as a roster reference when, after titles, suffixes,
punctuation and accents are stripped, it matches a roster person's full name, first name, last name,
nickname, "Last, First", first initial + last name, or initials; or when it is a close misspelling
(difflib ratio >= 0.84) of one of those. Everything else counts as non-roster. This is an estimate:
a first name shared by a roster person and a student would be counted as roster.

  python3 tools/roster_share.py            share only
  python3 tools/roster_share.py --list     also list every span with its guess
"""
import difflib
import glob
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(HERE, "src")
MARK = re.compile(r"\[\[([A-Za-z]+):(.*?)\]\]", re.DOTALL)
TITLES = {"mr", "mrs", "ms", "miss", "dr", "coach", "principal", "supt", "rev", "pastor", "imam", "sheikh",
          "councilman", "councilwoman", "sra", "sr", "don", "dona", "tita", "tito", "deacon", "brother",
          "sister", "elder", "fr", "father", "and", "mister", "mx", "the", "family", "superintendent", "professor", "prof", "thay", "ustaz"}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}

# Spans the matcher cannot decide on its own (checked by hand while writing).
FORCE_NON = {"Kaung Thang", "Deacon Ray Kowalczyk", "Mr. and Mrs. Ninham", "Josephine Grignon", "Yasamin", "Tomás"}
FORCE_ROSTER = {"B1ak H. Thang", "Dr. O-B"}


def norm(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u0111", "d").replace("\u0110", "D")
    s = s.lower().replace("\n", " ")
    s = re.sub(r"[^a-z0-9,' -]", " ", s)
    s = s.replace("0", "o").replace("1", "l")
    return re.sub(r"\s+", " ", s).strip()


def roster():
    people = []
    with open(os.path.join(SRC, "roster.txt"), encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            f = [p.strip() for p in line.split("|")]
            first, last, nick = norm(f[0]), norm(f[1]) if f[1] != "-" else "", norm(f[2]) if f[2] != "-" else ""
            keys = {first}
            if last:
                keys |= {last, f"{first} {last}", f"{last}, {first}", f"{last} {first}",
                         f"{first[0]} {last}", f"{first[0]}{last}"}
                ini = "".join(w[0] for w in (first + " " + last).replace("-", " ").split())
                keys |= {ini, first[0] + last[0], f"{first} {last[0]}"}
                if nick:
                    keys |= {f"{nick} {last}", f"{nick} {last[0]}"}
            if nick:
                keys.add(nick)
                keys.add(clean(f[2]))
            people.append((f[0] + " " + f[1], {k for k in keys if k}))
    return people


def clean(span):
    s = norm(span)
    s = s.replace("'s", "")
    words = [w for w in re.split(r"[ ]+", s.replace(",", " , ")) if w]
    while words and words[0] in TITLES:
        words = words[1:]
    while words and words[-1] in SUFFIXES:
        words = words[:-1]
    s = " ".join(words).replace(" , ", ", ").strip(" ,")
    return s


def classify(span, people):
    if span in FORCE_NON:
        return None
    if span in FORCE_ROSTER:
        return "forced"
    c = clean(span)
    variants = {c, c.replace("-", " "), c.replace(" ", ""), re.sub(r"[' ]", "", c)}
    for name, keys in people:
        if variants & keys:
            return name
    best, who = 0.0, None
    if len(c) < 6 or any(len(w) == 1 for w in c.split()):
        return None
    for name, keys in people:
        for k in keys:
            if len(k) < 6 or any(len(w) == 1 for w in k.split()):
                continue
            r = difflib.SequenceMatcher(None, c, k).ratio()
            if r > best:
                best, who = r, name
    return who if best >= 0.84 else None


def main():
    people = roster()
    rows = []
    for path in sorted(glob.glob(os.path.join(SRC, "pos_*.txt")) + glob.glob(os.path.join(SRC, "review_*.txt"))):
        text = open(path, encoding="utf-8").read()
        for m in MARK.finditer(text):
            kind = m.group(1).lower()
            if kind in ("p", "person"):
                rows.append((os.path.basename(path), m.group(2), classify(m.group(2), people)))
    hit = sum(1 for r in rows if r[2])
    total = len(rows)
    print(f"person spans: {total}; roster: {hit}; non-roster: {total - hit}; "
          f"roster share: {100.0 * hit / max(total, 1):.1f}%")
    if "--list" in sys.argv[1:]:
        for f, span, who in rows:
            print(f"{'R' if who else '-'}\t{f}\t{span!r}\t{who or ''}")


if __name__ == "__main__":
    main()
