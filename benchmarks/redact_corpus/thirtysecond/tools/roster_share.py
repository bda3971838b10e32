#!/usr/bin/env python3
"""Estimate the share of person spans that refer to roster people. Counting only; standard library only.

A person span counts as "roster" when, after stripping accents, case, titles and punctuation, one of its tokens
equals a roster first name, last name (or a part of a two-part last name) or nickname, or it is the initials of a
roster person. It is a heuristic estimate: an invented non-roster person who happens to share a token with a
roster person is counted as roster, and badly garbled roster names (OCR, voice typing) may be missed.

  python3 tools/roster_share.py          (run from the set's folder, after build.py)
"""
import json
import os
import re
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "mrs", "ms", "miss", "dr", "coach", "principal", "supt", "superintendent", "rev", "pastor", "imam",
          "sheikh", "councilman", "councilwoman", "sra", "sr", "senora", "don", "dona", "tita", "tito", "deacon",
          "brother", "sister", "elder", "prof", "mme", "missus", "and", "jr"}


def norm(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("&nbsp;", " ")
    return re.sub(r"[^a-z ]+", " ", s.lower().replace("-", " "))


def main():
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    tokens, initials = set(), set()
    for r in roster:
        for key in ("first", "last", "nickname"):
            if r[key]:
                tokens.update(t for t in norm(r[key]).split() if len(t) > 1)
        if r["last"]:
            initials.add(norm(r["first"])[0] + norm(r["last"])[0])
    n_person = n_roster = 0
    with open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            for s in rec["spans"]:
                if s["kind"] != "person":
                    continue
                n_person += 1
                toks = [t for t in norm(s["text"]).split() if t not in TITLES]
                if any(t in tokens for t in toks) or ("".join(toks) in initials and len("".join(toks)) == 2):
                    n_roster += 1
    share = n_roster / n_person if n_person else 0.0
    print(f"person spans: {n_person}; matching a roster person: {n_roster}; share: {share:.1%}")


if __name__ == "__main__":
    main()
