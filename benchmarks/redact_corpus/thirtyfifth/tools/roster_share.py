#!/usr/bin/env python3
"""Estimate the share of person spans that refer to roster people. Counting only; standard library.

A person span counts as a roster mention when, after stripping accents, titles and HTML debris and undoing the
common OCR slips (0->o, 1->l), one of its tokens equals a roster first name, last name or nickname token, or is
close to one (difflib ratio >= 0.83, tokens of 6+ letters), or when the span is made only of initials that match a
roster person's initials. This is an estimate: a misspelled roster name can be missed and a non-roster person who
shares a name token with a roster person is counted as roster.

  python3 tools/roster_share.py          print the estimate
  python3 tools/roster_share.py -v       also list the spans counted as non-roster
"""
import difflib
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "mrs", "ms", "miss", "dr", "dra", "coach", "principal", "supt", "sup", "superintendent", "rev",
          "pastor", "imam", "sheikh", "councilman", "councilwoman", "sra", "sr", "don", "dona", "tita", "tito",
          "deacon", "brother", "sister", "elder", "father", "fr", "professora", "venerable", "and", "jr", "iii",
          "nbsp", "amp", "quot"}


def norm(text):
    text = text.replace("-\n", "").replace("\u201a\u00c4\u00f4", "'")
    text = re.sub(r"&[a-z]+;|&#\d+;", " ", text)
    text = text.replace("0", "o").replace("1", "l")
    text = re.sub(r"(?<=[a-z])I(?=[a-z])", "l", text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return text


def main():
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    tokens, initials = set(), set()
    for r in roster:
        for key in ("first", "last", "nickname"):
            if r[key]:
                tokens.update(t for t in re.split(r"[^a-z']+", norm(r[key])) if len(t) > 1)
        if r["nickname"]:
            initials.add(re.sub(r"[^a-z]", "", norm(r["nickname"])))
        f = norm(r["first"])[0]
        last = norm(r["last"] or "")
        parts = [p for p in re.split(r"[\s-]+", norm(r["first"])) if p]
        if last:
            initials.add(f + last[0])
            initials.add("".join(p[0] for p in parts) + "".join(p[0] for p in re.split(r"[\s-]+", last) if p))
    total = hits = 0
    misses = []
    for line in open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8"):
        rec = json.loads(line)
        for s in rec["spans"]:
            if s["kind"] != "person":
                continue
            total += 1
            n = norm(s["text"])
            toks = [t for t in re.split(r"[^a-z']+", n) if t and t not in TITLES]
            letters = re.sub(r"[^a-z]", "", n)
            ok = False
            if re.fullmatch(r"(?:[a-z]\.?\s?){2,3}", n.strip()) and letters in initials:
                ok = True
            for t in toks:
                if t in tokens:
                    ok = True
                elif len(t) >= 6 and difflib.get_close_matches(t, tokens, n=1, cutoff=0.83):
                    ok = True
            if ok:
                hits += 1
            else:
                misses.append((rec["id"], s["text"]))
    print(f"person spans: {total}; counted as roster: {hits} ({100.0 * hits / max(total, 1):.1f}%); "
          f"non-roster: {total - hits}")
    if "-v" in sys.argv[1:]:
        for cid, text in misses:
            print(f"  {cid}\t{text!r}")


if __name__ == "__main__":
    main()
