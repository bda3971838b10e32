#!/usr/bin/env python3
"""Estimate the share of person spans in comments.jsonl that refer to roster people.

Heuristic, standard library only. A person span counts as a roster reference when, after dropping
honorifics, chat labels and punctuation and stripping accents, one of its tokens matches a roster first
name, last name (or part of a hyphenated/compound last name) or nickname exactly or closely
(difflib ratio >= 0.85 for tokens of 5+ letters, which catches OCR slips and misspellings), or when the
span is made only of initials that match a roster person's initials. Everything else counts as non-roster.

  python3 tools/roster_share.py            print the estimate
  python3 tools/roster_share.py --list     also list every span with its classification
"""
import difflib
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "mrs", "ms", "miss", "dr", "coach", "principal", "supt", "superintendent", "rev", "pastor",
          "imam", "sheikh", "councilman", "councilwoman", "sra", "sr", "don", "dona", "tita", "tito", "deacon",
          "brother", "sister", "elder", "prof", "venerable", "giani", "ato", "senora", "nbsp", "amp", "la"}
OCR = str.maketrans({"0": "o", "1": "l"})


def norm(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("&nbsp;", " ").replace("&amp;nbsp;", " ")
    return s.lower().translate(OCR)


def tokens(s):
    return [t for t in re.split(r"[^a-z]+", norm(s)) if t and t not in TITLES]


def main():
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    vocab, initials = set(), set()
    for r in roster:
        for key in ("first", "last", "nickname"):
            if r[key]:
                vocab.update(tokens(r[key]))
                vocab.add("".join(tokens(r[key])))
        f = tokens(r["first"])
        l = tokens(r["last"] or "")
        if f and l:
            initials.add(f[0][0] + l[0][0])
            initials.add(f[0][0] + l[-1][0])
    vocab = {v for v in vocab if len(v) >= 2}
    long_vocab = [v for v in vocab if len(v) >= 5]

    def is_roster(text):
        toks = tokens(text)
        joined = "".join(toks)
        bare = re.sub(r"[^A-Za-z]", "", text)
        if bare.isupper() and 1 < len(bare) <= 3 and len(toks) == 1:
            return joined in initials
        if toks and all(len(t) == 1 for t in toks):
            return joined in initials or (len(joined) == 1)
        for t in toks + [joined]:
            if t in vocab:
                return True
            if len(t) >= 5 and difflib.get_close_matches(t, long_vocab, n=1, cutoff=0.85):
                return True
        return False

    rows = []
    with open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            for s in rec["spans"]:
                if s["kind"] == "person":
                    rows.append((rec["id"], s["text"], is_roster(s["text"])))
    n = len(rows)
    k = sum(1 for r in rows if r[2])
    if "--list" in sys.argv[1:]:
        for cid, text, flag in rows:
            print(f"{'ROSTER' if flag else 'other '}\t{cid}\t{text!r}")
    print(f"person spans: {n}; roster references (estimated): {k} ({100.0 * k / max(n, 1):.1f}%); "
          f"non-roster: {n - k} ({100.0 * (n - k) / max(n, 1):.1f}%)")


if __name__ == "__main__":
    main()
