#!/usr/bin/env python3
"""Estimate the share of person spans that refer to roster people (heuristic).

Run after build.py, from the set's folder:   python3 tools/roster_share.py [--list]

A person span counts as a roster reference when, after stripping honorifics, accents and
common OCR slips, one of its words equals a roster first name, last name or nickname (or a
part of one), is within a small edit distance of a roster surname of six or more letters
(misspellings, OCR slips), or when the span is
made of initials that match a roster person's first and last initials. Everything else is
counted as non-roster. It is an estimate: the non-roster names in this set were chosen not to
share words with the roster, so misclassification should be rare. --list prints each span
with its verdict so the estimate can be checked by eye.
Standard library only.
"""
import difflib
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

TITLES = {"mr", "ms", "mrs", "miss", "dr", "coach", "principal", "supt", "rev", "pastor", "rabbi",
          "rebbetzin", "reb", "bhai", "giani", "imam", "sheikh", "councilman", "councilwoman", "sra",
          "sr", "don", "dona", "jr", "ii", "iii", "iv", "superintendent", "councilmember", "senora", "senor"}


def norm(s):
    s = s.replace("&nbsp;", " ").replace("-\n", "").replace("\n", " ")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace("0", "o").replace("1", "l")
    return s


def words(s):
    return [w for w in re.findall(r"[a-z]+", norm(s)) if w not in TITLES]


def main():
    with open(os.path.join(HERE, "roster.json"), encoding="utf-8") as fh:
        roster = json.load(fh)
    vocab = {}
    surnames = set()
    initials = {}
    for r in roster:
        full = f"{r['first']} {r['last'] or ''}".strip()
        for field in ("first", "last", "nickname"):
            if r[field]:
                for w in words(r[field]):
                    vocab.setdefault(w, set()).add(full)
        if r["last"]:
            surnames.update(w for w in words(r["last"]) if len(w) >= 6)
            f, l = words(r["first"]), words(r["last"])
            for a in {f[0][0] + l[0][0], f[0][0] + l[-1][0], "".join(x[0] for x in f) + l[0][0]}:
                initials.setdefault(a, set()).add(full)
    long_vocab = sorted(surnames)

    recs = []
    with open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            recs.append(json.loads(line))
    hits, total, rows = 0, 0, []
    for rec in recs:
        for s in rec["spans"]:
            if s["kind"] != "person":
                continue
            total += 1
            ws = words(s["text"])
            why = None
            for w in ws:
                if w in vocab:
                    why = "word:" + w
                    break
            if why is None:
                compact = "".join(ws)
                if ws and all(len(w) == 1 for w in ws) and compact in initials:
                    why = "initials:" + compact
                elif len(ws) == 1 and 2 <= len(ws[0]) <= 3 and ws[0] in initials and s["text"].isupper():
                    why = "initials:" + ws[0]
            if why is None:
                for w in ws:
                    if len(w) >= 6:
                        m = difflib.get_close_matches(w, long_vocab, n=1, cutoff=0.8)
                        if m:
                            why = f"fuzzy:{w}~{m[0]}"
                            break
            if why:
                hits += 1
            rows.append((rec["id"], "ROSTER" if why else "other", why or "", s["text"].replace("\n", "\\n")))
    if "--list" in sys.argv[1:]:
        for row in sorted(rows, key=lambda r: (r[1], r[3])):
            print("\t".join(row))
    share = hits / total if total else 0.0
    print(f"person spans: {total}; roster: {hits}; non-roster: {total - hits}; roster share: {share:.1%}")


if __name__ == "__main__":
    main()
