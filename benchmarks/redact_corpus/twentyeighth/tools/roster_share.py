#!/usr/bin/env python3
"""Estimate the roster share of person spans.

A person span counts as a roster mention when, after dropping honorifics, folding accents and case and
undoing the common OCR slips (0->o), every remaining token matches a roster first name, surname, nickname or
one of their parts (exactly, or with difflib ratio >= 0.8 for misspellings), or when the span is a run of
initials that equals a roster person's initials. tools/nonroster_overrides.txt lists span texts that look
like roster names but were written as other people; tools/roster_overrides.txt lists roster mentions the
rules miss (a title plus one initial, heavy OCR damage). One span text per line. Reads src/ directly (no build needed),
or comments.jsonl when --built is given.
"""
import difflib, glob, json, os, re, sys, unicodedata
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, HERE)
import build  # noqa: E402

TITLES = {"mr", "mrs", "ms", "miss", "dr", "coach", "principal", "supt", "rev", "pastor", "imam", "sheikh",
          "councilman", "councilwoman", "sra", "sr", "don", "dona", "tita", "tito", "deacon", "brother",
          "sister", "elder", "father", "prof", "and", "amp", "nbsp", "jr", "iii", "mx", "speaker", "superintendent"}

def fold(s):
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return s.lower().replace("0", "o")

def main():
    roster = build.read_roster()
    toks, initials = set(), set()
    for r in roster:
        parts = []
        for k in ("first", "last", "nickname"):
            if r[k]:
                parts += [fold(t) for t in re.split(r"[\s\-]+", r[k]) if t]
        toks.update(p for p in parts if len(p) > 1)
        firsts = [fold(t)[0] for t in r["first"].split()]
        lasts = [fold(t)[0] for t in re.split(r"[\s\-]+", r["last"] or "") if t]
        for f in (firsts[:1], firsts):
            for l in (lasts[:1], lasts):
                initials.add("".join(f + l))
    over_path = os.path.join(HERE, "tools", "nonroster_overrides.txt")
    overrides = set()
    if os.path.exists(over_path):
        overrides = {l.strip() for l in open(over_path, encoding="utf-8") if l.strip() and not l.startswith("#")}
    r_path = os.path.join(HERE, "tools", "roster_overrides.txt")
    r_over = set()
    if os.path.exists(r_path):
        r_over = {l.strip() for l in open(r_path, encoding="utf-8") if l.strip() and not l.startswith("#")}
    spans = []
    if "--built" in sys.argv:
        for line in open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8"):
            spans += [s["text"] for s in json.loads(line)["spans"] if s["kind"] == "person"]
    else:
        for path in sorted(glob.glob(os.path.join(HERE, "src", "*_*.txt"))):
            for b in build.split_blocks(path):
                _, ss = build.parse_block(b, path)
                spans += [s["text"] for s in ss if s["kind"] == "person"]
    yes, no = [], []
    for t in spans:
        if t in overrides:
            no.append(t); continue
        if t in r_over:
            yes.append(t); continue
        words = [w for w in re.split(r"[^a-z0-9']+", fold(t)) if w and w not in TITLES]
        words = [w[:-2] if w.endswith("'s") else w for w in words]
        if not words:
            no.append(t); continue
        if all(len(w) <= 3 for w in words) and "".join(w[0] if len(w) == 1 else w for w in words) in initials \
                and all(len(w) == 1 for w in words) or (len(words) == 1 and words[0] in initials and len(words[0]) <= 3
                                                        and words[0] not in toks):
            yes.append(t); continue
        def ok(w):
            if w in toks:
                return True
            if len(w) == 1:
                return True  # an initial next to a matched name
            return len(w) > 3 and difflib.get_close_matches(w, toks, n=1, cutoff=0.8) != []
        named = [w for w in words if len(w) > 1]
        (yes if named and all(ok(w) for w in words) else no).append(t)
    n = len(spans)
    print(f"person spans: {n}; roster: {len(yes)} ({100*len(yes)/max(n,1):.1f}%); non-roster: {len(no)}")
    if "-v" in sys.argv:
        print("NON-ROSTER:", sorted(set(no)))
    if "-r" in sys.argv:
        print("ROSTER:", sorted(set(yes)))

if __name__ == "__main__":
    main()
