#!/usr/bin/env python3
"""Writer's helper: list text OUTSIDE spans that looks like it may need a mark (for hand review)."""
import json, os, re, sys
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PATS = {
    "email": r"@|\(at\)|\[at\]|\{at\}|\bdot\b",
    "phone": r"555|\b\d{3}[-. ]\d{4}\b",
    "url": r"example\.|https?://|www\.|bit\.ly|tinyurl|forms\.gle|rb\.gy",
    "body": r"\b(?:School|Schools|Academy|Elementary|Middle|High|District|SD|LSD|EVSD|RESC|IU|ES|MS|HS|Head Start|Network|Regional|Region \d+)\b",
    "title": r"\b(?:Mr|Mrs|Ms|Miss|Dr|Rev|Supt|Sra|Sr|Fr|Prof|Coach|Pastor|Imam|Sheikh|Deacon|Sister|Brother|Elder|Principal|Councilman|Councilwoman|Don|Doña|Dona|Tita|Tito)\.?\s+[A-Z]",
    "street": r"\b\d+\s+(?:[A-Z][a-z]+\.?\s+){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Way|Hwy|Pkwy|Dr|Lane|Ln)\b|\bP\.?O\.? Box\b|\bRt\.? \d+ Box\b",
}
cat = dict(l.rstrip("\n").split("\t")[:2] for l in open(os.path.join(HERE, "provenance.tsv")) if not l.startswith("id\t"))
want = set(sys.argv[1:]) or {"pos", "review", "neg"}
for line in open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8"):
    r = json.loads(line)
    if cat[r["id"]] not in want:
        continue
    t = list(r["text"])
    for s in r["spans"]:
        for j in range(s["start"], s["end"]):
            t[j] = "\u2588"
    rest = "".join(t)
    for k, p in PATS.items():
        for m in re.finditer(p, rest):
            a, b = max(0, m.start() - 40), min(len(rest), m.end() + 40)
            print(f"{r['id']} [{cat[r['id']]}] {k}: ...{rest[a:b]!r}...")
