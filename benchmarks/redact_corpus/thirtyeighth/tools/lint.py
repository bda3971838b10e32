#!/usr/bin/env python3
"""Author's aid: list roster-name and body-name tokens that appear OUTSIDE marked spans.

Every hit is for a human to judge (many are intended hard negatives: 'hope', 'Clark Park' the park, ...).
Usage: python3 tools/lint.py [--all]   (default: only capitalised or multi-word hits)
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BODY_WORDS = ["Caniff", "Holbrook", "Springwells", "Clemente", "Chavez", "Chávez", "Wells", "Pulaski", "Kendal",
              "Maple Ridge", "Rouge Valley", "Lakefront", "Camino Real", "RVPS", "HCS", "SWDCS", "WRISD", "LPS",
              "MMPS", "GLLA", "Albany Park", "Peterson Park", "Lawrence Av", "Devon-Western", "Forest Home",
              "Kinnickinnic", "Southgate", "Vernor", "Clark Park", "Wyoming Av", "Casimir", "North River",
              "Wayne-Rouge", "Great Lakes Leadership", "Hamtramck Community", "RVHS", "HCHS", "PPE", "KK"]


def strip(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def main():
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    toks = set()
    for r in roster:
        for k in ("first", "last", "nickname"):
            if r[k]:
                for t in re.split(r"[\s\-]+", r[k]):
                    t = strip(t)
                    if len(t) >= 2 and t.lower() not in {"al", "bin", "abu", "umm", "naw", "saw", "sister"}:
                        toks.add(t)
    show_all = "--all" in sys.argv
    for line in open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8"):
        rec = json.loads(line)
        text = rec["text"]
        masked = list(text)
        for s in rec["spans"]:
            for i in range(s["start"], s["end"]):
                masked[i] = "\x00"
        m = strip("".join(masked))
        hits = []
        for t in toks:
            flags = re.I if show_all else 0
            for mm in re.finditer(r"(?<![\w\x00])" + re.escape(t) + r"(?![\w\x00])", m, flags):
                hits.append(mm.group(0))
        for w in BODY_WORDS:
            for mm in re.finditer(r"(?<![\w\x00])" + re.escape(strip(w)), m, re.I):
                hits.append(mm.group(0))
        if hits:
            print(rec["id"], sorted(set(hits)), "|", text[:140].replace("\n", " / "))


if __name__ == "__main__":
    main()
