#!/usr/bin/env python3
"""Estimate the roster share of person spans, and list unmarked roster-name tokens (a labelling lint).

  python3 tools/roster_share.py           share estimate
  python3 tools/roster_share.py --lint    also print comments where a roster first/last/nickname appears
                                          capitalised outside every span (most hits are intended word uses)

A person span counts as "roster" when, after stripping titles, accents, punctuation and case, one of its
tokens equals (or nearly equals, difflib ratio >= 0.8 for tokens of 4+ letters) a roster first name, last
name or nickname, or when the span is initials matching a roster person. It is an estimate, not a label.
"""
import difflib
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NON_ROSTER = {"felicia bouchard-tran", "nolan royer", "ms. felicia bouchard-tran"}
# roster people in shapes the token rules cannot see (OCR "l" for "I", a bare initial, a letter nickname)
ROSTER_EXTRA = {"ms. lvy", "t.", "mr. k"}
# (span text, a phrase in the same comment): non-roster people who share a bare word with a roster name
NON_ROSTER_CTX = [("Mason", "Focal group"), ("Hunter", "Focal group")]
TITLES = {"mr", "mrs", "ms", "miss", "dr", "coach", "principal", "supt", "rev", "pastor", "imam", "sheikh",
          "councilman", "councilwoman", "sra", "sr", "don", "dona", "tita", "tito", "deacon", "brother", "sister",
          "elder", "madame", "prof", "mme", "m", "speaker", "jr", "iii"}


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("0", "o").replace("1", "l")
    return s.lower()


def tokens(s):
    return [t for t in re.split(r"[^a-z]+", fold(s)) if t]


def main():
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    names = set()
    initials = set()
    for r in roster:
        parts = []
        for k in ("first", "last", "nickname"):
            if r[k]:
                parts += tokens(r[k])
        names.update(parts)
        f, l = tokens(r["first"]), tokens(r["last"] or "")
        if f and l:
            initials.add(f[0][0] + l[0][0])
            initials.add(f[0][0] + l[-1][0])
    recs = [json.loads(x) for x in open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8")]
    total = hit = 0
    misses = []
    hits = []
    for rec in recs:
        for s in rec["spans"]:
            if s["kind"] != "person":
                continue
            total += 1
            toks = [t for t in tokens(s["text"]) if t not in TITLES]
            ok = False
            if s["text"].lower() in NON_ROSTER or any(
                    s["text"] == t and c in rec["text"] for t, c in NON_ROSTER_CTX):
                misses.append(s["text"])
                continue
            if s["text"].lower() in ROSTER_EXTRA:
                ok = True
            for t in toks:
                if len(t) <= 2 and len(toks) > 1:
                    continue
                if t in names:
                    ok = True
                elif len(t) >= 5 and difflib.get_close_matches(t, names, n=1, cutoff=0.85):
                    ok = True
            joined = "".join(t[0] for t in toks) if toks and all(len(t) <= 2 for t in toks) else ""
            if not ok and len(toks) == 1 and len(toks[0]) in (2, 3) and toks[0] in initials:
                ok = True
            if not ok and joined and joined in initials:
                ok = True
            if ok:
                hit += 1
                hits.append(s["text"])
            else:
                misses.append(s["text"])
    print(f"person spans: {total}; roster (estimated): {hit} ({100.0 * hit / max(total, 1):.1f}%); "
          f"non-roster: {total - hit}")
    if "--lint" in sys.argv[1:]:
        print("\nnon-roster person spans:", sorted(set(misses)))
        print("\nroster person spans:", sorted(set(hits)))
        caps = {}
        for r in roster:
            for k in ("first", "last", "nickname"):
                if r[k]:
                    for w in r[k].replace("-", " ").split():
                        caps[w] = k
        print("\nunmarked capitalised roster tokens:")
        for rec in recs:
            text = rec["text"]
            mask = list(text)
            for s in rec["spans"]:
                for i in range(s["start"], s["end"]):
                    mask[i] = " "
            rest = "".join(mask)
            found = sorted({w for w in caps if re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", rest)})
            if found:
                print(rec["id"], found, "|", text[:100].replace("\n", " "))


if __name__ == "__main__":
    main()
