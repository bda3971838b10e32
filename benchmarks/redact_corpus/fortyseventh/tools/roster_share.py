#!/usr/bin/env python3
"""Estimate the share of person spans that refer to roster people.

Heuristic, standard library only. A person span counts as "roster" when, after unescaping HTML,
stripping accents, titles and punctuation and undoing common OCR slips (1->l, 0->o), one of its
tokens equals (or nearly equals) a roster first name, last name, nickname or surname part, or when
the span is a bare set of initials that matches a roster person's initials.

  python3 tools/roster_share.py            summary
  python3 tools/roster_share.py --list     also list every span with its verdict
"""
import difflib
import html
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "mrs", "ms", "miss", "dr", "coach", "principal", "supt", "rev", "pastor", "imam", "sheikh",
          "councilman", "councilwoman", "sra", "sr", "don", "dona", "tita", "tito", "deacon", "brother",
          "sister", "elder", "and", "jr"}


def fold(s):
    s = html.unescape(s).replace("\u00a0", " ")
    s = re.sub(r"-\n", "", s)  # PDF hyphenation inside a span
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower()
    s = re.sub(r"(?<=[a-z])1|1(?=[a-z])", "l", s)
    s = re.sub(r"(?<=[a-z])0|0(?=[a-z])", "o", s)
    return s


def tokens(s):
    return [t for t in re.split(r"[^a-z]+", fold(s)) if t]


def main():
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    names, initials = set(), set()
    for r in roster:
        parts = []
        for key in ("first", "last", "nickname"):
            if r[key]:
                parts += tokens(r[key])
        names.update(p for p in parts if len(p) > 2)
        first = tokens(r["first"])
        last = tokens(r["last"] or "")
        if first and last:
            initials.add(first[0][0] + last[0][0])
            initials.add("".join(t[0] for t in first) + "".join(t[0] for t in last))
        if r["nickname"] and len(r["nickname"]) <= 3:
            initials.add(fold(r["nickname"]))
    long_names = [n for n in names if len(n) >= 5]

    rows = []
    for line in open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8"):
        rec = json.loads(line)
        for s in rec["spans"]:
            if s["kind"] != "person":
                continue
            toks = [t for t in tokens(s["text"]) if t not in TITLES]
            hit = None
            for t in toks:
                if len(t) > 2 and t in names:
                    hit = t
                    break
                if len(t) >= 5:
                    close = difflib.get_close_matches(t, long_names, n=1, cutoff=0.84)
                    if close:
                        hit = t + "~" + close[0]
                        break
            if hit is None:
                letters = "".join(toks)
                if toks and all(len(t) <= 2 for t in toks) and letters in initials:
                    hit = "initials:" + letters
                elif len(toks) >= 2 and all(len(t) == 1 for t in toks[:-1]) and toks[-1] in names:
                    hit = toks[-1]
                elif len(toks) == 1 and len(toks[0]) == 1:  # "Ms. V", a signature "—D"
                    hit = "title+initial (assumed roster)"
            rows.append((rec["id"], s["text"], hit))

    n = len(rows)
    r = sum(1 for _, _, h in rows if h)
    print(f"person spans: {n}; roster: {r} ({100.0 * r / max(n, 1):.1f}%); non-roster: {n - r}")
    if "--list" in sys.argv[1:]:
        for cid, text, hit in sorted(rows, key=lambda x: (x[2] is None, x[1].lower())):
            print(f"{'ROSTER' if hit else 'other '}\t{cid}\t{text!r}\t{hit or ''}")


if __name__ == "__main__":
    main()
