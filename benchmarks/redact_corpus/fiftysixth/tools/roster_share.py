#!/usr/bin/env python3
"""Estimate the share of person spans that refer to roster people.

Heuristic, standard library only. Run after build.py:
    python3 tools/roster_share.py            summary
    python3 tools/roster_share.py --list     also list every person span with its verdict

A person span counts as a reference to roster person P when, after dropping honorifics, accents,
case, punctuation and HTML non-breaking spaces, and undoing the OCR slips 0->o and 1->l, every
remaining token is one of P's first-name, last-name or nickname tokens, or a single letter equal to
the initial of one of them, or (tokens of 6+ letters) one edit away from one of them (misspellings).
A span made only of initials counts when its letters are P's first and last initials or P's
nickname. It is an estimate: the non-roster names in the set were chosen not to collide with
roster names.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "mrs", "ms", "miss", "dr", "coach", "principal", "supt", "rev", "pastor", "imam", "sheikh",
          "councilman", "councilwoman", "sra", "sr", "don", "dona", "tita", "tito", "deacon", "brother",
          "sister", "elder", "and", "jr", "iii", "ii"}
OCR = str.maketrans({"0": "o", "1": "l"})


def norm(s):
    s = s.replace("&nbsp;", " ").replace("\u00a0", " ")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower().translate(OCR)


def tokens(s):
    return [t for t in re.split(r"[^a-z]+", norm(s)) if t]


def edit1(a, b):
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))


def matches(span_toks, raw, person):
    toks = person["toks"]
    if not span_toks:
        return False
    if all(len(t) == 1 for t in span_toks):
        letters = "".join(span_toks)
        return letters == person["initials"] or (bool(person["nick"]) and letters == person["nick"])
    for t in span_toks:
        if t in toks:
            continue
        if len(t) == 1 and any(x[0] == t for x in toks):
            continue
        if len(t) >= 6 and any(len(x) >= 6 and edit1(t, x) for x in toks):
            continue
        return False
    return True


def main():
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    people = []
    for r in roster:
        toks = set()
        for key in ("first", "last", "nickname"):
            if r[key]:
                toks.update(tokens(r[key]))
        f, l = tokens(r["first"]), tokens(r["last"] or "")
        people.append({"toks": toks, "initials": (f[0][0] + l[0][0]) if f and l else "",
                       "nick": "".join(tokens(r["nickname"])) if r["nickname"] else ""})
    rows = []
    with open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            for s in rec["spans"]:
                if s["kind"] != "person":
                    continue
                raw = s["text"]
                toks = [t for t in tokens(raw) if t not in TITLES]
                hit = any(matches(toks, raw, p) for p in people)
                rows.append((rec["id"], raw, "roster" if hit else "other"))
    n = len(rows)
    k = sum(1 for r in rows if r[2] == "roster")
    if "--list" in sys.argv[1:]:
        for cid, raw, v in rows:
            print(f"{v:7s} {cid}  {raw!r}")
        print()
    print(f"person spans: {n}; roster references: {k} ({100.0 * k / max(n, 1):.1f}%); other: {n - k}")


if __name__ == "__main__":
    main()
