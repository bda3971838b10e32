#!/usr/bin/env python3
"""Helper (not part of the benchmark): estimate the share of person spans that refer to roster people.

A person span counts as "not on the roster" when its exact text is listed in tools/nonroster_names.txt
(the author's list of non-roster people written into the comments); otherwise it counts as a roster
mention when any of its words (titles removed, accents folded) matches a roster first name, surname
or nickname. Run after build.py:  python3 tools/roster_share.py
"""
import json
import os
import re
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "ms", "mrs", "miss", "misses", "dr", "doctor", "coach", "supt", "principal", "sra", "sr", "lic",
          "don", "dona", "prof", "profa", "mtro", "rev", "pastor", "elder", "father", "sister", "brother",
          "bishop", "imam", "sheikh", "councilman", "councilwoman", "councilor", "chief", "deputy", "officer"}


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFD", s.lower()) if unicodedata.category(c) != "Mn")


def main():
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    tokens = set()
    for r in roster:
        for key in ("first", "last", "nickname"):
            if r[key]:
                tokens.update(fold(t) for t in re.split(r"[\s-]+", r[key]) if len(t) >= 2)
    tokens |= {fold(t) for t in ("j.p", "ᎧᎹᎹ", "ᎠᏲᎧ", "ᎠᏫᏂᏔ")}  # roster names in the Cherokee syllabary
    with open(os.path.join(HERE, "tools", "nonroster_names.txt"), encoding="utf-8") as fh:
        nonroster = {line.strip() for line in fh if line.strip()}
    total = roster_hits = listed = 0
    unclassified = []
    with open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            for s in json.loads(line)["spans"]:
                if s["kind"] != "person":
                    continue
                total += 1
                if s["text"] in nonroster:
                    listed += 1
                    continue
                words = [fold(w) for w in re.findall(r"[\w.']+|[\u13a0-\u13ff]+", s["text"])]
                words = [w.strip(".") if w.strip(".") not in tokens else w for w in words]
                words = [w for w in words if w.rstrip(".") not in TITLES]
                if any(w in tokens or w.rstrip(".") in tokens for w in words):
                    roster_hits += 1
                else:
                    unclassified.append(s["text"])
    print(f"person spans: {total}; roster: {roster_hits} ({roster_hits / total:.1%}); "
          f"listed non-roster: {listed}; unclassified: {len(unclassified)}")
    for t in unclassified:
        print("  unclassified:", t)


if __name__ == "__main__":
    main()
