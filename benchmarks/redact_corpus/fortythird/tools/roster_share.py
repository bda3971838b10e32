#!/usr/bin/env python3
"""Estimate the share of person spans that refer to roster people.

A person span counts as a roster reference when, after folding accents and case, dropping honorifics and
punctuation, any of its words matches a roster first name, last name or nickname (also parts of hyphenated and
two-word names), or when it is a run of initials matching a roster person's initials (first+last), or when a word
is a close misspelling (difflib ratio >= 0.85, length >= 5) of a roster name-word. The non-roster people in this
set were given names that share no word with the roster, so the estimate is close to the author's intent.

  python3 tools/roster_share.py            print the share
  python3 tools/roster_share.py -v         also list the non-roster person spans
"""
import difflib
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TITLES = {"mr", "mrs", "ms", "miss", "dr", "coach", "principal", "supt", "rev", "pastor", "imam", "sheikh",
          "councilman", "councilwoman", "sra", "sr", "don", "dona", "tita", "tito", "deacon", "brother", "sister",
          "elder", "ate", "kuya", "mister", "misses", "jr", "iii", "ii", "senor", "senora", "mx", "trustee",
          "father", "fr", "venerable", "bhante", "ustadh", "auntie", "uncle", "superintendent"}


def fold(s):
    s = s.replace("&iacute;", "i").replace("&eacute;", "e").replace("&ntilde;", "n").replace("&aacute;", "a")
    s = s.replace("&nbsp;", " ")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


def words_of(s):
    return [w for w in re.split(r"[^a-z0-9']+", fold(s)) if w]


roster = json.load(open(os.path.join(ROOT, "roster.json"), encoding="utf-8"))
names, initials = set(), set()
for r in roster:
    for k in ("first", "last", "nickname"):
        if r[k]:
            ws = words_of(r[k])
            names.update(w for w in ws if len(w) > 1)
            names.add("".join(ws))
    f, l = words_of(r["first"]), words_of(r["last"] or "")
    if f and l:
        initials.add(f[0][0] + l[0][0])
        initials.add(f[0][0] + "".join(w[0] for w in l))
        initials.add("".join(w[0] for w in f) + l[0][0])


def is_roster(span):
    span = re.sub(r"-\n", "", span).replace("\n", " ")
    raw = fold(span)
    compact = re.sub(r"[^a-z]", "", raw)
    ws = [w for w in words_of(span) if w not in TITLES]
    if not ws:
        return False
    for w in ws:
        w2 = w.replace("0", "o").replace("1", "l")
        if w in names or w2 in names or w.rstrip("'s") in names:
            return True
    if re.fullmatch(r"[A-Za-z]\.?\s?[A-Za-z]\.?", span.strip()) or (span.isupper() and len(compact) <= 3):
        if compact in initials:
            return True
    for w in ws:
        if len(w) >= 5 and difflib.get_close_matches(w, names, n=1, cutoff=0.85):
            return True
    return False


total = hits = 0
misses = []
rhits = []
for line in open(os.path.join(ROOT, "comments.jsonl"), encoding="utf-8"):
    rec = json.loads(line)
    for s in rec["spans"]:
        if s["kind"] != "person":
            continue
        total += 1
        if is_roster(s["text"]):
            hits += 1
            rhits.append(s["text"])
        else:
            misses.append(s["text"])
print(f"person spans: {total}; roster: {hits}; non-roster: {total - hits}; "
      f"roster share: {100.0 * hits / max(total, 1):.1f}%")
if "-v" in sys.argv[1:]:
    for m in sorted(misses):
        print("  non-roster:", m.replace("\n", " "))
if "-r" in sys.argv[1:]:
    for m in sorted(rhits):
        print("  roster:", m.replace("\n", " "))
