#!/usr/bin/env python3
"""Estimate the share of person spans that refer to roster people.

Run from the set folder after build.py:  python3 tools/roster_share.py [--list]

A person span counts as a roster reference when, after dropping honorifics and punctuation, every remaining
token fits one roster person (first, last, nickname or a part of them; fuzzy match for misspellings and OCR
slips), or the span is that person's initials, or a chat handle like "tgaines". This is an estimate: the
writer kept non-roster names (students, parents, clergy, vendors...) distinct from roster names so the
match is not fooled, and checked the unmatched list by hand.
"""
import difflib
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "mrs", "ms", "miss", "dr", "coach", "principal", "supt", "asst", "rev", "pastor", "imam",
          "sheikh", "councilman", "councilwoman", "sra", "sr", "don", "dona", "tita", "tito", "deacon",
          "brother", "bro", "sister", "elder", "father", "fr", "trustee", "venerable", "thay", "jr"}


def norm(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("&nbsp;", " ")
    return s


def tokens(s):
    return [t for t in re.split(r"[^a-z0-9']+", norm(s).replace("'", "")) if t]


def person_keys(r):
    keys = set()
    for field in ("first", "last", "nickname"):
        if r[field]:
            keys.update(tokens(r[field].replace("-", " ")))
            keys.add("".join(tokens(r[field])))
    return keys


def close(tok, keys):
    if tok in keys:
        return True
    # pet forms built on a nickname or first name ("Ricky" from "Rick")
    if any(len(k) >= 4 and tok.startswith(k) and len(tok) - len(k) <= 2 for k in keys):
        return True
    # OCR slips: l for i, 0 for o
    alt = tok.replace("l", "i").replace("0", "o")
    if any(alt == k.replace("l", "i") for k in keys):
        return True
    return len(tok) >= 5 and any(k[0] == tok[0] and difflib.SequenceMatcher(None, tok, k).ratio() >= 0.85
                                 for k in keys if len(k) >= 5)


def initials(r):
    f = tokens(r["first"])[0][0]
    last = tokens(r["last"])[0][0] if r["last"] else ""
    return {f + last}


# Non-roster people the writer named one letter away from a roster name (checked by hand).
NOT_ROSTER = {"bryant"}


def is_roster(span, roster):
    raw = span.replace(".", " ").replace('"', " ")
    toks = [t for t in tokens(raw) if t not in TITLES]
    if not toks or set(toks) & NOT_ROSTER:
        return None
    joined = "".join(toks)
    # initials only when typed as capitals ("LP", "D.", "R. ALDANA"), not for short names like "Mo"
    bare = re.sub(r"[^A-Za-z]", "", span)
    for r in roster:
        keys = person_keys(r)
        if all(close(t, keys) for t in toks):
            return r
        if all(len(t) == 1 for t in toks) and joined in initials(r):
            return r
        if len(toks) == 1 and r["last"] and len(joined) <= 3 and bare.isupper() and joined in initials(r):
            return r
        # "D. Mason", "Rosa B.", "Kevin H."
        if len(toks) == 2 and any(len(t) == 1 for t in toks):
            long_t = [t for t in toks if len(t) > 1][0]
            short_t = [t for t in toks if len(t) == 1][0]
            if close(long_t, keys) and short_t in {tokens(r["first"])[0][0], tokens(r["last"] or "x")[0][0]}:
                return r
        # chat handles: first initial + last name
        if r["last"] and len(toks) == 1 and joined == tokens(r["first"])[0][0] + "".join(tokens(r["last"])):
            return r
    return None


def main():
    with open(os.path.join(HERE, "roster.json"), encoding="utf-8") as fh:
        roster = json.load(fh)
    total = hits = 0
    unmatched = []
    with open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            for s in rec["spans"]:
                if s["kind"] != "person":
                    continue
                total += 1
                if is_roster(s["text"], roster):
                    hits += 1
                else:
                    unmatched.append((rec["id"], s["text"]))
    print(f"person spans: {total}; roster references: {hits}; share: {hits / total:.1%}")
    if "--list" in sys.argv[1:]:
        for cid, text in unmatched:
            print(f"  non-roster  {cid}  {text!r}")


if __name__ == "__main__":
    main()
