#!/usr/bin/env python3
"""List words outside spans that equal a roster name part or a word seen inside a person span
(author's helper for proofreading; prints candidates, decides nothing)."""
import json, os, re, collections
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
recs = [json.loads(l) for l in open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8")]
prov = dict(l.split("\t")[:2] for l in open(os.path.join(HERE, "provenance.tsv"), encoding="utf-8").read().splitlines()[1:])
names = set()
for r in roster:
    for k in ("first", "last", "nickname"):
        if r[k]:
            names.update(w.lower() for w in re.findall(r"[\w'’]+", r[k]) if len(w) >= 2)
for rec in recs:
    for s in rec["spans"]:
        if s["kind"] == "person":
            names.update(w.lower() for w in re.findall(r"[\w'’]+", s["text"]) if len(w) >= 3)
stop = {"mr", "mrs", "ms", "dr", "miss", "coach", "principal", "supt", "rev", "pastor", "the", "and", "sr", "jr", "don"}
hits = collections.Counter()
for rec in recs:
    text = rec["text"]
    mask = [False] * len(text)
    for s in rec["spans"]:
        for i in range(s["start"], s["end"]):
            mask[i] = True
    for m in re.finditer(r"[\w'’]+", text):
        w = m.group(0).lower()
        if w in names and w not in stop and not mask[m.start()]:
            hits[(prov[rec["id"]], m.group(0))] += 1
            print(prov[rec["id"]], rec["id"], repr(m.group(0)), "|", text[max(0, m.start()-40):m.end()+40].replace("\n", " "))
