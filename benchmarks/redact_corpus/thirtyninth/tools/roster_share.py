#!/usr/bin/env python3
"""Estimate the share of person spans that refer to roster people.

Heuristic: fold accents and case, undo the OCR slips used in this set (0->o, 1->l, a capital I inside or closing a lower-case word ->l),
join PDF hyphen breaks, drop honorifics, then call a span 'roster' when one of its tokens equals a roster
first/last/nickname token, is a close misspelling of one (difflib ratio >= 0.84, length >= 4), or when it is
initials that match a roster person's initials. A short list of known non-roster span texts whose tokens collide
with roster tokens is excluded by hand (OVERRIDE_NON_ROSTER). Use -v to print every span with its call.
"""
import difflib, json, os, re, sys, unicodedata
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OVERRIDE_NON_ROSTER = {  # non-roster people whose tokens collide with roster tokens (checked by hand with -v)
    "Dil Kumar Gurung", "A. M.", "J. T.", "K.S.", "Ahmed Ould Sidi", "Fernanda", "Maddox Rattlingourd",
    "Mr. Dor Bahadur Magar", "Mr. Tomás Garibay", "Mrs. Loretta Gumm", "Sister Mary Kay Stritch",
    "Sra. Paula Chávez Ixtupe", "Trevin Jeadrik-Bokin", "Trevin"}
ALIASES = {"pat"}  # short forms of roster first names used in the set (Pat = Patrick Farias)
TITLES = {"mr", "ms", "mrs", "miss", "dr", "doctor", "coach", "principal", "supt", "rev", "pastor", "imam", "sheikh",
          "sra", "sr", "don", "dona", "tita", "tito", "deacon", "sister", "brother", "elder", "councilman",
          "councilwoman", "mme", "hanim", "mister", "speaker", "guest", "la", "maestra", "nbsp", "jr", "iii", "ii"}

def fold(s):
    s = s.replace("&nbsp;", " ").replace("-\n", "").replace("\n", " ")
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = re.sub(r"(?<=[a-z])I(?=[a-z])|(?<=[a-z])I\b", "l", s)
    s = s.replace("0", "o").replace("1", "l")
    return s.lower()

roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
toks, inits = set(), set()
for r in roster:
    names = []
    for k in ("first", "last", "nickname"):
        if r[k]:
            for t in re.findall(r"[a-z']+", fold(r[k])):
                if t not in TITLES and len(t) >= 2:
                    toks.add(t)
    f = re.findall(r"[a-z]+", fold(r["first"]))
    l = re.findall(r"[a-z]+", fold(r["last"] or ""))
    if f and l:
        inits.add(f[0][0] + l[0][0])
        inits.add(f[0][0] + l[-1][0])
toks -= {"de", "la", "los", "el"}
toks |= ALIASES

def is_roster(text):
    if text in OVERRIDE_NON_ROSTER:
        return False
    t = fold(text)
    words = [w for w in re.findall(r"[a-z']+", t) if w not in TITLES]
    for w in words:
        w = w.strip("'")
        if w in toks:
            return True
        if len(w) >= 4 and difflib.get_close_matches(w, toks, n=1, cutoff=0.84):
            return True
    letters = re.sub(r"[^a-z]", "", t)
    if re.fullmatch(r"\s*([a-z]\.?\s*){2,3}", t) and letters[:2] in inits:
        return True
    return False

spans = []
for line in open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8"):
    rec = json.loads(line)
    spans += [s["text"] for s in rec["spans"] if s["kind"] == "person"]
calls = [(s, is_roster(s)) for s in spans]
n = len(calls); k = sum(1 for _, r in calls if r)
if "-v" in sys.argv:
    for s, r in sorted(calls, key=lambda x: (x[1], x[0])):
        print("ROSTER " if r else "other  ", repr(s))
print(f"person spans: {n}; roster (estimated): {k} ({100.0 * k / max(n, 1):.1f}%); non-roster: {n - k}")
