#!/usr/bin/env python3
"""Estimate the share of person spans that refer to roster people.

A person span counts as a roster reference when, after folding case and accents, dropping
titles and OCR-repairing l/I/1 and 0/o, one of its name tokens equals a roster first name,
last name (or a part of a hyphenated or two-word one) or nickname, or its initials match a
roster person's initials, or a token is within one edit of a roster surname of 5+ letters.
Non-roster people in this set were written with names that share no token with the roster,
so the estimate is close; run with -v to list the spans and eyeball the split.
Standard library only.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "ms", "mrs", "miss", "mister", "msgr", "rabbi", "dr", "coach", "principal", "supt", "rev", "pastor", "imam", "sheikh",
          "councilman", "councilwoman", "sra", "sr", "don", "dona", "tita", "tito", "deacon", "brother",
          "sister", "elder", "father", "venerable", "prof", "jr", "mayor"}


# real words one edit away from a roster surname, written for non-roster people
NOT_TYPOS = {"elmer", "tobin", "warrington"}


def fold(s):
    s = s.replace("&nbsp;", " ").replace("\u00a0", " ")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s


def tokens(s):
    s = fold(s)
    s = s.replace("-\n", "").replace("\n", " ")
    raw = re.findall(r"[A-Za-z0-9']+", s)
    out = []
    for t in raw:
        t = t.replace("0", "o").replace("1", "l")
        out.append(t.lower())
    return out


def edit1(a, b):
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    if len(a) > len(b):
        a, b = b, a
    for i in range(len(b)):
        if b[:i] + b[i + 1:] == a:
            return True
    return False


def main():
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    names, surnames, initials = set(), set(), set()
    for r in roster:
        for key in ("first", "last", "nickname"):
            if r[key]:
                parts = tokens(r[key])
                if key == "last":
                    # surnames match part by part (Hunter-Grimes, Van Slyke)
                    names.update(p for p in parts if p not in {"van", "al"})
                    surnames.update(p for p in parts if len(p) >= 5)
                elif key == "nickname" and len(parts) > 1:
                    names.update(p for p in parts if p not in TITLES and len(p) > 1)
                # given names match whole (Kim-Ly, Jean-Robert, Juan Carlos) or as the first part
                names.add("".join(parts))
                if key == "first":
                    names.add(parts[0])
        f = tokens(r["first"])
        l = tokens(r["last"] or "")
        if f and l:
            initials.add(f[0][0] + l[0][0])
    # the TITLES filter above must not drop the nickname word "Bernie" etc.; "sister" is a title
    names -= {"sister"}
    verbose = "-v" in sys.argv[1:]
    total = hits = 0
    rows = []
    for line in open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8"):
        rec = json.loads(line)
        for s in rec["spans"]:
            if s["kind"] != "person":
                continue
            total += 1
            toks = tokens(s["text"])
            while len(toks) > 1 and toks[0] in TITLES | {"and"}:
                toks = toks[1:]  # titles and "Mr. and Mrs." sit in front of the name
            if len(toks) > 1 and toks[-1] in {"jr", "sr", "ii", "iii"}:
                toks = toks[:-1]
            joined = "".join(toks)
            hit = any(t in names for t in toks) or joined in names
            if not hit:
                letters = [t for t in toks if t]
                if len(letters) >= 2 and all(len(t) <= 2 for t in letters):
                    hit = "".join(t[0] for t in letters)[:2] in initials
                elif len(letters) == 1 and len(letters[0]) == 2 and re.fullmatch(r"[A-Z]\.?[A-Z]\.?", s["text"].strip()):
                    hit = letters[0] in initials
            if not hit:
                hit = any(len(t) >= 5 and any(edit1(t, n) for n in surnames) for t in toks if t not in NOT_TYPOS)
            hits += hit
            rows.append((hit, s["text"].replace("\n", " "), rec["id"]))
    if verbose:
        for hit, text, cid in sorted(rows):
            print("roster " if hit else "other  ", cid, text)
    print(f"person spans: {total}; roster references: {hits} ({100.0 * hits / max(total, 1):.1f}%); "
          f"others: {total - hits}")


if __name__ == "__main__":
    main()
