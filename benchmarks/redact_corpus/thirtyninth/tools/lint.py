#!/usr/bin/env python3
"""Author's aid: list name-like tokens that sit outside any span (possible missed labels).

Flags, per comment: (a) roster first/last/nickname tokens outside spans, (b) tokens from the comment's own
person spans that recur outside spans, (c) capitalised words right after an honorific outside spans.
Hits in negatives are expected (name-words used as ordinary words); read them, do not 'fix' them blindly.
"""
import json, os, re, sys, unicodedata
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()
roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
rtok = set()
for r in roster:
    for k in ("first", "last", "nickname"):
        if r[k]:
            for t in re.findall(r"[\w'-]+", r[k]):
                if len(t) >= 3:
                    rtok.add(fold(t))
TITLES = r"(?:Mr|Ms|Mrs|Miss|Dr|Coach|Principal|Supt|Rev|Pastor|Imam|Sheikh|Sra|Sr|Don|Doña|Tita|Tito|Deacon|Sister|Brother|Elder|Councilman|Councilwoman)\.?"
only = sys.argv[1] if len(sys.argv) > 1 else None
prov = {}
for line in open(os.path.join(HERE, "provenance.tsv"), encoding="utf-8").read().splitlines()[1:]:
    i, c, src, b = line.split("\t")
    prov[i] = (c, src, b)
for line in open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8"):
    rec = json.loads(line)
    cat, src, b = prov[rec["id"]]
    if only and only not in src:
        continue
    text = rec["text"]
    covered = [False] * len(text)
    own = set()
    for s in rec["spans"]:
        for k in range(s["start"], s["end"]):
            covered[k] = True
        if s["kind"] == "person":
            for t in re.findall(r"[\w'-]+", s["text"]):
                if len(t) >= 3 and not re.fullmatch(TITLES.rstrip(r"\.?"), t):
                    own.add(fold(t))
    hits = []
    for m in re.finditer(r"[\w'-]+", text):
        if any(covered[m.start():m.end()]):
            continue
        f = fold(m.group(0)).strip("'-")
        if f.endswith("'s"):
            f = f[:-2]
        if f in own or (f in rtok and m.group(0)[0].isupper()):
            hits.append(m.group(0))
    for m in re.finditer(r"\b" + TITLES + r"\s+([A-Z][\w'-]+)", text):
        if not any(covered[m.start(1):m.end(1)]):
            hits.append("TITLE:" + m.group(0))
    if hits:
        print(f"{src} block {b} [{cat}]: {sorted(set(hits))}")
