#!/usr/bin/env python3
"""Estimate the share of person spans that refer to roster people (heuristic, see README).

A person span counts as a roster reference when, after stripping honorifics, accents, punctuation and
simple OCR slips, it equals (or nearly equals, difflib ratio >= 0.86) one of a roster person's forms: first,
nickname, surname, first+surname, Last First, initial+surname, first+initial, initials. Spans listed in NON_ROSTER (surname collisions with invented non-roster people)
are forced to non-roster. Prints the share and, with -v, every span with its verdict.
"""
import difflib, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "mrs", "ms", "miss", "dr", "doctor", "mister", "coach", "principal", "supt", "rev", "pastor",
          "imam", "sheikh", "councilman", "councilwoman", "sra", "sr", "senora", "don", "dona", "tita", "tito",
          "deacon", "brother", "sister", "elder", "prof", "father", "bhai", "and", "jr"}
# invented non-roster people whose names collide with roster tokens
NON_ROSTER = {"Kaliyah Enjady", "Nevárez-Ruiz", "Mrs. Lee Xiong-Kang", "Imam Yusuf", "Imam Abdiwali Yusuf",
              "Mr. and Mrs. Thao", "Ariana M.", "mr. warsame ali", "Magoosh", "Bugg", "Sultani", "Saelee", "Trustee Pham"}
# roster references the matcher cannot see (voice-typing slip, PDF hyphen)
ROSTER_FORCE = {"my bang", "Ms. Gal-\nlegos", "Dolores \"Lola\" Apodaca", "Gurpreet \"Gary\" Sidhu"}


def norm(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("&nbsp;", " ").replace("1", "l").replace("0", "o")
    return s


def forms(r):
    first = re.findall(r"[a-z]+", norm(r["first"]))
    last = re.findall(r"[a-z]+", norm(r["last"] or ""))
    nick = [t for t in re.findall(r"[a-z]+", norm(r["nickname"] or "")) if t not in TITLES]
    out = set()
    fs = [" ".join(first), first[0]] + ([" ".join(nick)] if nick else [])
    ls = [" ".join(last), "".join(last)] if last else []
    for f in fs:
        out.add(f)
        for l in ls:
            out.update({f + " " + l, l + " " + f, f[0] + " " + l, f + " " + l[0], l + " " + f[0]})
    for l in ls:
        out.add(l)
        out.add(first[0][0] + " " + l)
    if last:
        out.add(first[0][0] + " " + last[0][0])
        out.add(first[0][0] + last[0][0])
    return out


def main():
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    known = set()
    for r in roster:
        known |= forms(r)
    roster_n = total = 0
    rows = []
    for line in open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8"):
        rec = json.loads(line)
        for s in rec["spans"]:
            if s["kind"] != "person":
                continue
            total += 1
            toks = [t for t in re.findall(r"[a-z]+", norm(s["text"])) if t not in TITLES]
            key = " ".join(toks)
            hit = key in known or any(difflib.SequenceMatcher(None, key, k).ratio() >= 0.86
                                      for k in known if len(k) > 5 and len(key) > 5)
            if s["text"] in NON_ROSTER:
                hit = False
            if s["text"] in ROSTER_FORCE:
                hit = True
            roster_n += hit
            rows.append((hit, s["text"]))
    if "-v" in sys.argv:
        for hit, t in rows:
            print("R" if hit else "-", t.replace("\n", " "))
    print(f"person spans: {total}; roster: {roster_n} ({roster_n / total:.0%}); non-roster: {total - roster_n}")


if __name__ == "__main__":
    main()
