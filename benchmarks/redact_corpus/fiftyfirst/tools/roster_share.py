#!/usr/bin/env python3
"""Estimate the share of person spans in comments.jsonl that refer to roster people.

Heuristic, not ground truth: a person span counts as a roster reference when, after removing titles,
accents, HTML entities and common OCR slips, it matches a roster person's full name, first name, last name,
nickname, "Last, First", initials + surname, or first name + initial, allowing one typo in tokens of five or
more letters. Run after build.py:   python3 tools/roster_share.py [--list]
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "mrs", "ms", "miss", "dr", "coach", "principal", "supt", "rev", "pastor", "imam", "sheikh",
          "councilman", "councilwoman", "sra", "sr", "don", "dona", "tita", "tito", "deacon", "brother",
          "sister", "elder", "fr", "lic", "profe", "aba", "br", "daw", "prof", "co", "thay", "misses", "and", "sayadaw", "u", "jr"}


def norm(s):
    s = re.sub(r"&[a-z#0-9]+;", " ", s)
    s = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")
    s = s.replace("\u0111", "d")
    s = s.replace("-\n", "").replace("\n", " ")
    s = s.lower()
    s = re.sub(r"(?<=[a-z])0|0(?=[a-z])", "o", s)   # OCR 0 for o
    s = re.sub(r"(?<=[a-z])1(?=[a-z])", "l", s)      # OCR 1 for l
    s = re.sub(r"[^a-z ,.'-]", " ", s)
    return s


def toks(s):
    return [t for t in re.split(r"[\s,.'\"()-]+", s) if t]


def close(a, b):
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    # one edit (substitution, insertion, deletion), or l/i confusion from OCR
    a2, b2 = a.replace("l", "i"), b.replace("l", "i")
    if a2 == b2:
        return True
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))


def roster_keys(roster):
    people = []
    for r in roster:
        first = toks(norm(r["first"]))
        last = toks(norm(r["last"])) if r["last"] else []
        nick = toks(norm(r["nickname"])) if r["nickname"] else []
        people.append((first, last, nick))
    return people


def is_roster(span, people):
    raw = toks(norm(span))
    t = [x for x in raw if x not in TITLES]
    if not t and raw and raw[-1] == "elder":      # "Ms. Elder": Elder is a surname here, not a title
        t = ["elder"]
    if not t:
        return False
    if len(t) >= 2:                                # "Yellow Hair", "carden us": a name split by a space
        t_joined = ["".join(t)]
    else:
        t_joined = None
    for first, last, nick in people:
        names = set(first) | set(last) | set(nick)
        full = first + last
        # every remaining token must be a name part of this person, an initial of one, or a near-miss
        ok = match_tokens(t, full, nick, names, first, last) or (
            t_joined is not None and match_tokens(t_joined, full, nick, names, first, last))
        if ok:
            return True
    return False


def match_tokens(t, full, nick, names, first, last):
    if True:
        ok = True
        for x in t:
            if len(x) == 1:
                if not any(n.startswith(x) for n in full + nick):
                    ok = False
                    break
            elif not any(close(x, n) or (len(x) >= 3 and n.startswith(x) and n in first) for n in names) \
                    and not close(x, "".join(last)) and not close(x, "".join(first)):
                ok = False
                break
        return ok


def main():
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    people = roster_keys(roster)
    hit = miss = 0
    rows = []
    for line in open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8"):
        rec = json.loads(line)
        for s in rec["spans"]:
            if s["kind"] != "person":
                continue
            r = is_roster(s["text"], people)
            hit += r
            miss += not r
            rows.append(("R" if r else "-", s["text"].replace("\n", "\\n")))
    total = hit + miss
    if "--list" in sys.argv[1:]:
        for flag, text in rows:
            print(flag, text)
    print(f"person spans: {total}; roster: {hit} ({100 * hit / total:.1f}%); non-roster: {miss} ({100 * miss / total:.1f}%)")


if __name__ == "__main__":
    main()
