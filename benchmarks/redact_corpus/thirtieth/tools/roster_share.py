#!/usr/bin/env python3
"""Estimate the share of person spans that refer to roster people (heuristic, for the README).

A person span counts as roster when, after lower-casing, stripping accents, undoing 0->o OCR slips and
PDF hyphenation, and dropping titles and punctuation, all of its name tokens belong to one roster person's
first name, last name or nickname (single letters are taken as initials of that person), or the span is a
pair of initials / a login built from a roster person's first and last name. Misspellings are not caught,
so the figure is a slight under-estimate.
Prints the share and, with -v, the spans judged non-roster.
"""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "mrs", "ms", "miss", "dr", "coach", "principal", "supt", "rev", "pastor", "imam", "sheikh",
          "councilwoman", "councilman", "sra", "sr", "don", "dona", "tita", "tito", "deacon", "brother", "sister",
          "elder", "fr", "prof", "dean", "counselor", "venerable", "superintendent", "officer", "chaplain",
          "hafiz", "pani", "ba", "msgr", "lt", "father", "and", "la", "maestra", "nbsp"}


def norm(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().replace("0", "o")
    s = s.replace("&nbsp;", " ").replace("-\n", "").replace("\n", " ")
    return s


def main():
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    people, inits, logins = [], set(), set()
    for r in roster:
        parts = [r["first"], r["last"] or "", r["nickname"] or ""]
        toks = set()
        for p in parts:
            toks.update(re.findall(r"[a-z]+", norm(p)))
        people.append(toks)
        f, l = norm(r["first"]), norm(r["last"] or "")
        if l:
            inits.add(f[0] + l[0])
            logins.add(f[0] + re.sub(r"[^a-z]", "", l))
    total = roster_n = 0
    misses = []
    for line in open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8"):
        rec = json.loads(line)
        for s in rec["spans"]:
            if s["kind"] != "person":
                continue
            total += 1
            toks = [t for t in re.findall(r"[a-z]+", norm(s["text"])) if t not in TITLES]
            joined = "".join(toks)
            full = [t for t in toks if len(t) > 1]
            letters = {t for t in toks if len(t) == 1}
            hit = False
            for ptoks in people:
                if full and all(t in ptoks for t in full) and all(any(x.startswith(l) for x in ptoks) for l in letters):
                    hit = True
                    break
            hit = hit or joined in logins or (len(joined) == 2 and joined in inits)
            if hit:
                roster_n += 1
            else:
                misses.append(s["text"])
    print(f"person spans: {total}; roster: {roster_n} ({100.0 * roster_n / max(total, 1):.1f}%); "
          f"non-roster: {total - roster_n}")
    if "-v" in sys.argv[1:]:
        for m in misses:
            print("  non-roster:", repr(m))


if __name__ == "__main__":
    main()
