#!/usr/bin/env python3
"""Authoring aid: list text OUTSIDE spans that looks like it might be personal
data, so a human can confirm each hit is a deliberate hard negative.
Not a gate; hits are expected (hard negatives are the point).
Usage: python3 lint.py [neg|review|pos]"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
comments = [json.loads(l) for l in open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8")]

words = set()
for p in roster:
    for k in ("first", "last", "nickname"):
        if p.get(k):
            words.update(w for w in re.split(r"[\s\-']+", p[k]) if len(w) > 1)
    for k in ("school", "district"):
        if p.get(k):
            words.update(w for w in p[k].split() if len(w) > 2 and w not in
                         ("Elementary", "Middle", "High", "Academy", "School", "Schools",
                          "Public", "District", "County", "Center", "Learning", "Early", "USD", "ISD"))
extra = ["CHUSD", "RMISD", "NPS", "PVSD", "MCS", "BUSD", "TRISD", "KPS", "CHHS", "RMHS", "FDHS",
         "PVHS", "MCHS", "TRHS", "KHS", "NMS", "HVE", "DWE", "DHE", "AGE", "WMA", "MTMS", "PBMS", "ELC"]
words.update(extra)
word_re = re.compile(r"\b(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b", re.I)
shape_res = {
    "email?": re.compile(r"\S+\s*(@|\(at\)|\[at\]| at )\s*\S+\s*(\.|dot)\s*(org|com|net)", re.I),
    "url?": re.compile(r"(https?://|www\.|\b[a-z0-9-]+\.(com|org|net|ly|gle|us|be)\b/?)", re.I),
    "phone?": re.compile(r"\b\d{3}[\s.\-/]\d{4}\b|\(\d{3}\)|\b\d{10}\b"),
    "address?": re.compile(r"\b\d{2,5}\s+[A-Z][a-z]+\s+(St|Ave|Rd|Dr|Blvd|Ln|Ct|Way|Pkwy|Ter)\b|P\.?O\.? Box|\b\d{5}(-\d{4})?\b"),
    "title?": re.compile(r"\b(Mr|Ms|Mrs|Dr|Coach|Principal|Supt|Sra)\.?\s+[A-Z][a-z]+"),
}

want = sys.argv[1] if len(sys.argv) > 1 else None
for c in comments:
    cat = "review" if c["review"] else ("pos" if c["spans"] else "neg")
    if want and cat != want:
        continue
    t = list(c["text"])
    for s in c["spans"]:
        for i in range(s["start"], s["end"]):
            t[i] = "\u2588"
    masked = "".join(t)
    hits = [m.group(0) for m in word_re.finditer(masked)]
    for name, rx in shape_res.items():
        hits += [f"{name}{m.group(0)}" for m in rx.finditer(masked)]
    if hits:
        print(f"{c['id']} [{cat}] {sorted(set(hits))} :: {masked[:160]!r}")
