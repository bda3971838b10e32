#!/usr/bin/env python3
"""Estimate what share of person spans refer to roster people.

A person span counts as a roster reference when, after normalising (accents, case, OCR digits,
PDF hyphens, titles, punctuation), it equals one of the forms a roster person can take:
first, last, nickname, first+last, last+first, nickname+last, or initials (with or without dots),
or is within a small edit distance of such a form (misspellings). It is an estimate: a
non-roster person who happens to share a roster first name alone is counted as roster.

  python3 tools/roster_share.py            summary
  python3 tools/roster_share.py --list     also list every span with its verdict
"""
import difflib
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "coach", "principal", "supt", "superintendent", "rev",
          "pastor", "imam", "sheikh", "councilman", "councilwoman", "sra", "sr", "don", "dona", "tita",
          "tito", "deacon", "brother", "sister", "elder", "ven", "venerable", "and", "asst", "ap"}


# Hand-checked corrections by span text (the author's own reading of each case):
# spans the matcher would count as roster but that name someone else (students, relatives,
# namesakes), and roster references the matcher misses (nicknames in quotes, new surnames).
NOT_ROSTER = {"A.H.", "M.T.", "T. Beaver", "D. Harjo", "Mohamed Abdi", "Coach Harjo", "Mr. Two Bulls",
              "kaw htoo", "Gabriela", "Jerome", "Saw Eh Thaw"}
IS_ROSTER = {'Angela "Angie" Beaver', 'Roberto "Beto" Esparza', "Kelsey Friesen-Whitehorse", "Krys"}


def norm(s):
    s = s.replace("-\n", "").replace("\n", " ").replace("&nbsp;", " ")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("1", "l").replace("0", "o")
    s = re.sub(r"[^a-z' ]+", " ", s).replace("'", "")
    toks = s.split()
    while len(toks) > 1 and toks[0] in TITLES:
        toks = toks[1:]
    return " ".join(toks)


def forms(person):
    first = norm(person["first"] or "")
    last = norm(person["last"] or "")
    nick = norm(person["nickname"] or "")
    out = {first}
    if last:
        out |= {last, f"{first} {last}", f"{last} {first}"}
        if nick:
            out.add(f"{nick} {last}")
        fi = "".join(t[0] for t in first.split())
        li = "".join(t[0] for t in last.split())
        out |= {fi + li, " ".join(fi + li), f"{first[0]} {last}", f"{first} {li}", f"{last} {first[0]}"}
        if nick:
            out |= {f"{nick} {li}", f"{nick} {last[0]}"}
    if nick:
        out.add(nick)
    return {f for f in out if f}


def main():
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    allforms = {}
    for p in roster:
        for f in forms(p):
            allforms.setdefault(f, []).append(f"{p['first']} {p['last'] or ''}".strip())
    keys = list(allforms)
    rows = []
    for line in open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8"):
        rec = json.loads(line)
        for s in rec["spans"]:
            if s["kind"] != "person":
                continue
            n = norm(s["text"])
            n2 = n.replace(" ", "")
            hit = allforms.get(n) or allforms.get(n2)
            how = "exact"
            if not hit and len(n) >= 4:
                close = difflib.get_close_matches(n, keys, n=1, cutoff=0.86)
                if close:
                    hit, how = allforms[close[0]], "fuzzy"
            if s["text"] in NOT_ROSTER:
                hit, how = None, "hand"
            elif s["text"] in IS_ROSTER:
                hit, how = ["(hand-checked)"], "hand"
            rows.append((rec["id"], s["text"].replace("\n", "\\n"), n, hit, how))
    total = len(rows)
    roster_n = sum(1 for r in rows if r[3])
    print(f"person spans: {total}; roster references (matcher + hand corrections): {roster_n} "
          f"({100.0 * roster_n / max(total, 1):.1f}%); non-roster: {total - roster_n}")
    if "--list" in sys.argv[1:]:
        for cid, text, n, hit, how in sorted(rows, key=lambda r: (not r[3], r[1].lower())):
            verdict = f"ROSTER {how}: {', '.join(sorted(set(hit)))}" if hit else "other"
            print(f"{cid}\t{text}\t{verdict}")


if __name__ == "__main__":
    main()
