#!/usr/bin/env python3
"""Estimate the share of person spans that refer to roster people.

Run from the set folder after build.py:   python3 tools/roster_share.py [--list]

Heuristic, not ground truth. A person span counts as "roster" when, after stripping accents, case, honorific
titles, quotes and punctuation:
  - a multi-word span ends in (or, for "Last, First", starts with) a roster surname token, exactly or with a
    close spelling (difflib ratio >= 0.8, for OCR slips and misspellings);
  - a one-word span equals a roster first name, nickname, surname or e-mail local part (same fuzzy rule);
  - an initials-only span ("R.C.", "WMS") matches the initials of a roster person.
Non-roster people in this set were given names that do not share surnames with the roster, so the main error
is a non-roster first name that happens to equal a roster first name (counted as roster).
--list prints every person span with its verdict, for a hand check.
"""
import difflib
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "mrs", "ms", "miss", "dr", "coach", "principal", "supt", "superintendent", "rev", "reverend",
          "pastor", "imam", "sheikh", "councilman", "councilwoman", "sra", "sr", "srta", "don", "dona", "tita",
          "tito", "deacon", "brother", "sister", "elder", "venerable", "thay", "anh", "chi", "missus", "mister",
          "madame", "mme", "jan", "and", "jr", "iii", "ii"}


SUFFIXES = {"jan", "jr", "sr", "ii", "iii", "iv"}


def norm(s):
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return s.lower()


def tokens(s):
    return [t for t in re.split(r"[^a-z0-9']+", norm(s).replace("'", "")) if t]


def main():
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    lasts, singles, initials, firsts = set(), set(), set(), set()
    for r in roster:
        last = tokens(r["last"] or "")
        first = tokens(r["first"])
        nick = tokens(r["nickname"] or "")
        lasts.update(last)
        firsts.add(" ".join(first))
        singles.update(last + first + nick)
        if r["email"]:
            singles.add(norm(r["email"].split("@")[0]).replace(".", ""))
        if last:
            initials.add(first[0][0] + last[0][0])
            initials.add("".join(t[0] for t in first) + "".join(t[0] for t in last))

    def close(tok, pool):
        if tok in pool:
            return True
        if len(tok) < 4:
            return False
        return bool(difflib.get_close_matches(tok, list(pool), n=1, cutoff=0.8))

    def verdict(text):
        raw = text
        comma_first = "," in raw
        allt = tokens(raw)
        if " ".join(allt) in firsts:
            return True
        toks = list(allt)
        while len(toks) > 1 and toks[0] in TITLES:  # strip leading titles, keep a lone surname like "Elder"
            toks = toks[1:]
        while len(toks) > 1 and toks[-1] in SUFFIXES:  # trailing "jan", "Jr."
            toks = toks[:-1]
        if not toks:
            return False
        if len(toks) == 2 and len(toks[1]) == 1 and not comma_first:  # "Rosy V", "grant.w"
            return close(toks[0], singles)
        if len(toks) > 1 and close("".join(toks), lasts):  # "hard away"
            return True
        if " ".join(toks) in firsts:
            return True
        if all(len(t) == 1 for t in toks) or (len(toks) == 1 and toks[0].isalpha() and toks[0].upper() == raw.replace(".", "").replace(" ", "") and len(toks[0]) <= 4):
            return "".join(toks) in initials or toks[0] in singles
        if len(toks) == 1:
            return close(toks[0], singles)
        cand = toks[0] if comma_first else toks[-1]
        if close(cand, lasts):
            return True
        # "Lety Gallegos"-style or two-word surnames: any token a roster surname
        return any(len(t) > 2 and t in lasts for t in toks)

    n = hit = 0
    rows = []
    with open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            for s in rec["spans"]:
                if s["kind"] != "person":
                    continue
                v = verdict(s["text"])
                n += 1
                hit += bool(v)
                rows.append((rec["id"], s["text"], "roster" if v else "other"))
    if "--list" in sys.argv[1:]:
        for r in rows:
            print("\t".join(r))
    print(f"person spans: {n}; roster: {hit} ({100.0 * hit / max(n, 1):.1f}%); other: {n - hit}")


if __name__ == "__main__":
    main()
