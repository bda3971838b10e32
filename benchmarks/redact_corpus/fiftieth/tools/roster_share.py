#!/usr/bin/env python3
"""Estimate the share of person spans that refer to roster people.

Heuristic, standard library only. Run from the set's folder after build.py:
    python3 tools/roster_share.py            summary
    python3 tools/roster_share.py --list     also list every person span with its guess

A span counts as "roster" when, after removing titles, accents, punctuation and common OCR slips,
it matches a roster person's full name, "Last, First", surname, first name, nickname, initials or
a chat label built from them. Spans listed in NOT_ROSTER are known look-alikes written for
non-roster people (a student who shares a first name with a roster adult, a relative, etc.).
The result is an estimate, not a label.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "mrs", "ms", "miss", "mister", "dr", "coach", "principal", "supt", "superintendent", "rev",
          "pastor", "imam", "sheikh", "councilman", "councilwoman", "sra", "sr", "don", "dona", "tita", "tito",
          "deacon", "brother", "sister", "elder", "prof", "father", "gospoda", "and"}
OCR = str.maketrans({"0": "o", "1": "l"})
# span texts written for non-roster people that look like roster names (students, parents, a family)
NOT_ROSTER = {
    "Sra. Colón", "Fatima", "Hussein", "Dr. Farid Nasser", "Coach Dale", "Monique Daniels",
    "Senad Mehmedović", "Imam Senad Mehmedović", "Ms. Carter", "ABDI", "Ali H.", "Eh Htoo", "Ka Paw", "Paw Htoo",
    "Mr. Abdo Saleh", "Gurung",
}


def fold(s):
    s = unicodedata.normalize("NFKD", s.replace("&nbsp;", " "))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("đ", "d").replace("Đ", "D")
    return s.lower().translate(OCR)


def tokens(s):
    toks = re.findall(r"[a-z]+", fold(s))
    return [t for t in toks if t not in TITLES]


def roster_keys(roster):
    keys = {}
    for r in roster:
        names = []
        first = tokens(r["first"])
        last = tokens(r["last"] or "")
        nick = tokens(r["nickname"] or "")
        names += [" ".join(first), " ".join(last), " ".join(nick), " ".join(first + last), " ".join(nick + last),
                  " ".join(last + first), " ".join(last + nick)]
        fi = "".join(t[0] for t in first)
        li = "".join(t[0] for t in last)
        names += [fi + li, " ".join(list(fi + li)), fi + " " + " ".join(last), " ".join(last) + " " + fi,
                  " ".join(first) + " " + li, " ".join(nick) + " " + li,
                  (fi + "".join(last)), "".join(last + first)]
        for n in names:
            n = n.strip()
            if n:
                keys.setdefault(n, set()).add(r["first"] + " " + (r["last"] or ""))
    return keys


def main():
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    keys = roster_keys(roster)
    surnames = {" ".join(tokens(r["last"])) for r in roster if r["last"]}
    n_person = n_roster = 0
    rows = []
    for line in open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8"):
        rec = json.loads(line)
        for s in rec["spans"]:
            if s["kind"] != "person":
                continue
            n_person += 1
            t = s["text"]
            toks = tokens(t)
            joined = " ".join(toks)
            hit = None
            if t not in NOT_ROSTER:
                if joined in keys:
                    hit = keys[joined]
                elif "".join(toks) in keys:
                    hit = keys["".join(toks)]
                elif toks and toks[-1] in surnames and len(toks) <= 2:
                    hit = {"surname " + toks[-1]}
            if hit:
                n_roster += 1
            rows.append((rec["id"], t, "roster" if hit else "other", sorted(hit)[0] if hit else ""))
    share = n_roster / n_person if n_person else 0.0
    print(f"person spans: {n_person}; roster: {n_roster}; other: {n_person - n_roster}; roster share: {share:.1%}")
    if "--list" in sys.argv[1:]:
        for r in rows:
            print("\t".join(r).replace("\n", "\\n"))


if __name__ == "__main__":
    main()
