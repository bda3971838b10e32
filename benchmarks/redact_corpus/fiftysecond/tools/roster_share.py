#!/usr/bin/env python3
"""Estimate the roster share of person spans in the fiftysecond set.

Reads src/roster.txt and every person mark in src/pos_*.txt and src/review_*.txt. A person span counts as a
roster reference when, after stripping titles, accents, punctuation and case, one of its tokens matches a roster
first name, surname or nickname (exactly, or within a small edit distance for tokens of 5+ letters, to catch
misspellings and OCR slips), or when the span is a string of initials that matches a roster person's initials.
This is an estimate, not ground truth: a non-roster person who shares a token with a roster person would be
counted as roster, which is why the writer kept non-roster names clear of roster tokens.

  python3 tools/roster_share.py           print the share
  python3 tools/roster_share.py --list    also list every span and how it was classified
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
TITLES = {"mr", "ms", "mrs", "miss", "dr", "coach", "principal", "supt", "rev", "pastor", "imam", "sheikh",
          "councilman", "councilwoman", "sra", "sr", "don", "dona", "tita", "tito", "deacon", "brother", "sister",
          "elder", "jr", "iii", "ii", "mister", "senora", "senor", "ap", "superintendent", "the", "family", "and"}


def norm(s):
    s = s.replace("&iacute;", "i").replace("&eacute;", "e").replace("&aacute;", "a").replace("&nbsp;", " ")
    s = s.replace("&oacute;", "o").replace("&#39;", "'").replace("&amp;", "&")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("0", "o").replace("1", "l")          # OCR slips
    s = re.sub(r"-\n", "", s)                           # PDF hyphenation
    return s


def roster_index():
    tokens, initials = set(), set()
    with open(os.path.join(SRC, "roster.txt"), encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            first, last, nick = [p.strip() for p in line.split("|")[:3]]
            for part in (first, last, nick):
                if part == "-":
                    continue
                for t in re.split(r"[\s\-]+", norm(part)):
                    if t:
                        tokens.add(t)
                tokens.add(re.sub(r"[\s\-]+", "", norm(part)))
            if last != "-":
                f_init = "".join(w[0] for w in re.split(r"[\s\-]+", norm(first)) if w)
                initials.add(f_init[0] + norm(last)[0])
                initials.add(f_init + norm(last)[0])
            if nick != "-" and len(nick) <= 3 and nick.isupper():
                initials.add(norm(nick))
    return tokens, initials


def classify(span, tokens, initials):
    s = norm(span)
    compact = re.sub(r"[^a-z]", "", s)
    words = [w for w in re.split(r"[^a-z']+", s) if w and w.strip("'") not in TITLES]
    words = [w.strip("'") for w in words if w.strip("'")]
    if compact in initials and len(compact) <= 3 and (len(words) <= 1 or all(len(w) == 1 for w in words)):
        return "roster", "initials"
    for w in words:
        if len(w) >= 2 and w in tokens:
            return "roster", w
    for w in words:
        if len(w) >= 5:
            close = difflib.get_close_matches(w, [t for t in tokens if len(t) >= 5], n=1, cutoff=0.85)
            if close:
                return "roster", f"{w}~{close[0]}"
    joined = "".join(words)
    if joined in tokens:
        return "roster", joined
    return "other", ""


def main():
    tokens, initials = roster_index()
    rows = []
    for path in sorted(glob.glob(os.path.join(SRC, "pos_*.txt")) + glob.glob(os.path.join(SRC, "review_*.txt"))):
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        for m in MARK.finditer(text):
            kind = m.group(1).lower()
            if kind not in ("p", "person"):
                continue
            cls, why = classify(m.group(2), tokens, initials)
            rows.append((os.path.basename(path), m.group(2).replace("\n", "\\n"), cls, why))
    n = len(rows)
    r = sum(1 for row in rows if row[2] == "roster")
    if "--list" in sys.argv[1:]:
        for row in rows:
            print("\t".join(row))
    print(f"person spans: {n}; roster: {r} ({100 * r / max(n, 1):.1f}%); other: {n - r} ({100 * (n - r) / max(n, 1):.1f}%)")


if __name__ == "__main__":
    main()
