#!/usr/bin/env python3
"""Estimate the share of person spans that refer to roster people. Standard library only.

Heuristic, not ground truth: a span counts as a roster mention when, after dropping honorifics,
HTML entities, accents, OCR slips and punctuation, its tokens all belong to one roster person
(first, last, nickname), or its initials match a roster person's initials, or it is a close
spelling of a roster form (difflib ratio >= 0.82).

  python3 tools/roster_share.py            print the estimate
  python3 tools/roster_share.py --list     also list every person span with its verdict
"""
import difflib
import html
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "mrs", "ms", "miss", "dr", "coach", "principal", "supt", "rev", "pastor", "imam", "sheikh",
          "councilman", "councilwoman", "sra", "sr", "srta", "don", "dona", "tita", "tito", "deacon", "brother",
          "sister", "elder", "jr", "iii", "ii", "mme", "madame", "msr", "profe", "maestra", "maestro", "mister",
          "senora", "senor", "father", "fr", "superintendent", "asst", "ap", "and", "nbsp", "doctor", "missus",
          "mme", "hna", "venerable", "br", "rabbi"}


def norm(s):
    s = html.unescape(s).replace("\u00a0", " ")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("0", "o").replace("1", "l")
    s = re.sub(r"-\s*\n\s*", "", s)
    s = re.sub(r"[^a-z' ]+", " ", s.replace("-", " "))
    return [t.strip("'") for t in s.split() if t.strip("'")]


def fold(tok):
    return tok.replace("l", "i")


def main():
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    people = []
    for r in roster:
        toks = set()
        forms = []
        for k in ("first", "last", "nickname"):
            if r[k]:
                t = norm(r[k])
                toks.update(fold(x) for x in t)
                forms.append(" ".join(t))
        first = norm(r["first"])
        last = norm(r["last"] or "")
        if last:
            forms += [" ".join(first + last), " ".join(last + first)]
        inits = {first[0][0] + last[0][0]} if last else set()
        if last and len(last) > 1:
            inits.add(first[0][0] + last[-1][0])
            inits.add(first[0][0] + last[0][0] + last[1][0])
        people.append((r, toks, forms, inits))

    spans = []
    with open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            spans += [(rec["id"], s["text"]) for s in rec["spans"] if s["kind"] == "person"]

    hits, listing = 0, []
    for cid, text in spans:
        toks = [t for t in norm(text) if t not in TITLES] or norm(text)
        verdict = None
        if toks:
            ftoks = [fold(t) for t in toks]
            letters = "".join(toks) if all(len(t) == 1 for t in toks) else None
            if letters is None and len(toks) == 1 and len(toks[0]) in (2, 3) and text.strip().isupper():
                letters = toks[0]
            for r, rtoks, forms, inits in people:
                name = f"{r['first']} {r['last'] or ''}".strip()
                if letters and letters in inits:
                    verdict = name
                    break
                if not letters and all(t in rtoks for t in ftoks):
                    verdict = name
                    break
                # a full name part plus initials, e.g. "Irma G." or "Q. Dinh"
                heads = {x[0] for x in rtoks}
                if (not letters and any(len(t) > 1 for t in ftoks) and any(len(t) == 1 for t in ftoks)
                        and all((t in rtoks) if len(t) > 1 else (t in heads) for t in ftoks)):
                    verdict = name
                    break
            if verdict is None and not letters:
                joined = " ".join(toks)
                best, who = 0.0, None
                for r, rtoks, forms, inits in people:
                    for f in forms:
                        ratio = difflib.SequenceMatcher(None, joined, f).ratio()
                        if ratio > best:
                            best, who = ratio, f"{r['first']} {r['last'] or ''}".strip()
                if best >= 0.82:
                    verdict = who + " (fuzzy)"
        hits += verdict is not None
        listing.append((cid, text, verdict))

    total = len(spans)
    print(f"person spans: {total}; roster-like: {hits}; share: {100.0 * hits / max(total, 1):.1f}%")
    if "--list" in sys.argv[1:]:
        for cid, text, verdict in listing:
            print(f"{cid}\t{'ROSTER' if verdict else 'other '}\t{text!r}\t{verdict or ''}")


if __name__ == "__main__":
    main()
