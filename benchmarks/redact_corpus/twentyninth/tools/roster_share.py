#!/usr/bin/env python3
"""Estimate the roster share of person spans (author's helper; not part of build or check).

Run after build.py. For each person span, strip honorifics and suffixes, fold accents, undo
PDF hyphenation and the common OCR digit slips, then ask whether every remaining token fits a
single roster person (first, last, nickname; single letters as initials; small edit distance
for misspellings). A short override table settles the few spans the token test gets wrong.

  python3 tools/roster_share.py          summary
  python3 tools/roster_share.py -v       also list every person span with its verdict
"""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "mrs", "ms", "miss", "mister", "dr", "coach", "principal", "supt", "superintendent",
          "rev", "pastor", "imam", "sheikh", "councilman", "councilwoman", "sra", "sr", "don", "dona",
          "tita", "tito", "deacon", "brother", "sister", "elder", "bishop", "sir", "ven", "and"}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# (source_file, block, span text) -> True (roster) / False (not roster)
OVERRIDES = {
    ("src/pos_formats.txt", 35, "Grant"): False,           # "the Grant place": a local family, not the program manager
    ("src/pos_event_evals.txt", 36, "Miss Bernice"): False, # caterer; fuzzy-matches the nickname "Bernie"
    ("src/pos_network.txt", 21, "Marcy"): False,            # co-op tech support; fuzzy-matches "Marcus"
    ("src/pos_staff_survey.txt", 4, "Brayan"): False,       # student; fuzzy-matches the surname "Bryan"
}


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"-\n", "", s)
    s = s.replace("0", "o").replace("1", "l")
    return s


def toks(s):
    return [t for t in re.split(r"[^a-z]+", fold(s)) if t]


def dist(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def close(t, name):
    if t == name:
        return True
    if len(t) >= 3 and t[0] == name[0] or len(t) >= 3 and t[1:] == name[1:]:
        lim = 2 if len(name) >= 6 else 1
        return dist(t, name) <= lim
    return False


def person_tokens(r):
    out = set()
    for k in ("first", "last", "nickname"):
        if r[k]:
            out.update(toks(r[k]))
    return out


def fits(span_tokens, r):
    names = person_tokens(r)
    initials = {n[0] for n in names}
    for t in span_tokens:
        if len(t) == 1:
            if t not in initials:
                return False
        elif not any(close(t, n) for n in names):
            return False
    return True


def initials_fit(t, r):
    """'mb', 'do', 'ts', 'lw' written as one token."""
    f = toks(r["first"])[0][0]
    outs = []
    for first in filter(None, [r["first"], r["nickname"]]):
        if r["last"]:
            outs.append(toks(first)[0][0] + toks(r["last"])[0][0])
    return t in outs or t == f


def main():
    verbose = "-v" in sys.argv
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    prov = {}
    for line in open(os.path.join(HERE, "provenance.tsv"), encoding="utf-8").read().splitlines()[1:]:
        cid, cat, src, block = line.split("\t")
        prov[cid] = (src, int(block))
    n = hit = 0
    rows = []
    for line in open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8"):
        rec = json.loads(line)
        for s in rec["spans"]:
            if s["kind"] != "person":
                continue
            n += 1
            key = (prov[rec["id"]][0], prov[rec["id"]][1], s["text"])
            t = toks(s["text"])
            while len(t) > 1 and t[0] in TITLES:      # leading honorifics ("Mr.", "Supt.", "Mr. and Mrs.")
                t = t[1:]
            while len(t) > 1 and t[-1] in SUFFIXES:   # "Jr.", "III"
                t = t[:-1]
            if key in OVERRIDES:
                ok, why = OVERRIDES[key], "override"
            elif len(t) == 1 and 2 <= len(t[0]) <= 3 and any(initials_fit(t[0], r) for r in roster) \
                    and not any(fits(t, r) for r in roster):
                ok, why = True, "initials"
            else:
                ok = any(fits(t, r) for r in roster)
                why = "tokens"
            hit += ok
            rows.append((ok, why, s["text"].replace("\n", "\\n"), rec["id"]))
    if verbose:
        for ok, why, text, cid in sorted(rows):
            print(f"{'ROSTER' if ok else 'other '}\t{why}\t{cid}\t{text}")
    print(f"person spans: {n}; roster: {hit} ({100 * hit / n:.1f}%); not roster: {n - hit} ({100 * (n - hit) / n:.1f}%)")


if __name__ == "__main__":
    main()
