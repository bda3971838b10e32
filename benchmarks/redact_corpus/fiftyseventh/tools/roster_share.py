#!/usr/bin/env python3
"""Estimate the roster share of person spans in comments.jsonl (run build.py first).

A person span counts as a roster reference when, after stripping titles, accents, punctuation and case,
one of its tokens equals (or is one edit away from, for tokens of five letters or more) a roster first name,
last name or nickname token, or when the span is made only of initials that match a roster person's initials.
This is a heuristic: it over-counts when an invented non-roster name happens to share a token with the roster.

  python3 tools/roster_share.py            share only
  python3 tools/roster_share.py --list     also list the spans counted as non-roster
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "mrs", "ms", "miss", "dr", "coach", "principal", "supt", "rev", "pastor", "imam", "sheikh",
          "councilman", "councilwoman", "sra", "sr", "don", "dona", "tita", "tito", "deacon", "brother",
          "sister", "elder", "and", "naw", "saw", "thra", "jr", "iii", "ii", "the", "ashin", "u", "hajji", "mx", "prof", "fr",
          "father", "mother", "abuela", "tia", "tio", "senora", "senor", "mama", "papa", "mrs.", "judge",
          "trustee", "superintendent", "director", "sir", "madam", "maam", "officer", "sgt", "det"}
SHORT_OK = {"jp", "jr", "q", "to", "le", "do", "vu", "eh", "bri", "dre", "ced", "wes", "bev", "pam", "dez",
            "ren", "tom", "may", "lin", "nay", "paw", "say", "wah", "coj", "nie", "siu", "yow",
            "tzoc"}


def norm(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("đ", "d").replace("Đ", "D")
    return s.lower()


def tokens(s):
    s = norm(s).replace("&nbsp;", " ").replace("&#39;", "'")
    s = re.sub(r"-\n", "", s)
    return [t for t in re.split(r"[^a-z0-9']+", s.replace("'", "")) if t]


def edit1(a, b):
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    for i in range(len(b)):
        if b[:i] + b[i + 1:] == a:
            return True
    return False


def main():
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    rtoks, initials = set(), set()
    for r in roster:
        names = [r["first"], r["last"] or "", r["nickname"] or ""]
        for n in names:
            for t in tokens(n):
                if len(t) >= 3 or t in SHORT_OK:
                    rtoks.add(t)
        f, l = tokens(r["first"]), tokens(r["last"] or "")
        if f and l:
            initials.add(f[0][0] + l[0][0])
            initials.add("".join(x[0] for x in f + l))
        nick = tokens(r["nickname"] or "")
        if nick and all(len(t) == 1 for t in nick):
            initials.add("".join(nick))
    total = roster_n = 0
    other = []
    with open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            for s in rec["spans"]:
                if s["kind"] != "person":
                    continue
                total += 1
                toks = [t for t in tokens(s["text"]) if t not in TITLES]
                hit = False
                if toks and all(len(t) == 1 for t in toks) and "".join(toks) in initials:
                    hit = True
                elif len(toks) == 1 and len(toks[0]) in (2, 3) and toks[0] in initials:
                    hit = True
                for t in toks:
                    if t in rtoks or (len(t) >= 5 and any(len(r) >= 5 and edit1(t, r) for r in rtoks)):
                        hit = True
                if hit:
                    roster_n += 1
                else:
                    other.append((rec["id"], s["text"]))
    share = roster_n / total if total else 0
    print(f"person spans: {total}; roster: {roster_n}; non-roster: {total - roster_n}; roster share: {share:.1%}")
    if "--list" in sys.argv[1:]:
        for cid, t in other:
            print(f"  {cid}\t{t!r}")


if __name__ == "__main__":
    main()
