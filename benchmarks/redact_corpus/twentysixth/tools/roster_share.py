#!/usr/bin/env python3
"""Estimate the share of person spans that refer to roster people.

Heuristic: strip accents, case, punctuation and honorific titles from each person span, then
match the remaining tokens against one roster person's first / last / nickname tokens (exact, or a
close misspelling), or match bare initials against a roster person's initials. Prints the share
and, with -v, every span with the roster person it matched (or '-' when none).
Run after build.py (reads comments.jsonl and roster.json).
"""
import difflib, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "mrs", "ms", "miss", "dr", "coach", "principal", "supt", "rev", "pastor", "imam",
          "sheikh", "councilman", "councilwoman", "sra", "sr", "don", "dona", "tita", "tito", "deacon",
          "brother", "sister", "elder", "lok", "kru", "and", "jr", "iii", "prof", "senora", "senor",
          "bhante", "venerable", "teacher", "naw", "saw", "ma", "dra", "madame", "msgr", "monsignor",
          "rep", "sen", "senator", "commissioner", "mister", "mayor", "rabbi", "fr", "ko", "deputy",
          "superintendent", "doctor", "chair", "trustee"}


# Spans checked by hand: non-roster people (relatives, namesakes) whose name collides with a roster name.
NOT_ROSTER = {"Mrs. Le", "Nguyen"}


def norm(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("0", "o").replace("1", "l")
    return s


def toks(s):
    return [t for t in re.split(r"[^a-z']+", norm(s).replace("'", "")) if t]


def main():
    roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
    people = []
    for r in roster:
        names = set()
        for k in ("first", "last", "nickname"):
            if r[k]:
                names.update(t for t in toks(r[k]) if t not in TITLES or k == "first")
        nick = toks(r["nickname"]) if r["nickname"] else []
        inits = (norm(r["first"])[0] + (norm(r["last"])[0] if r["last"] else ""))
        people.append((r, names, set(nick), inits))
    spans = []
    for line in open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8"):
        rec = json.loads(line)
        for s in rec["spans"]:
            if s["kind"] == "person":
                spans.append(s["text"])
    hits = 0
    rows = []
    for text in spans:
        if text in NOT_ROSTER:
            rows.append((text, "-"))
            continue
        text = re.sub(r"-\n", "", text)  # PDF hyphenation inside a span
        raw = norm(text)
        # bare initials such as "C.M." or "cm"
        letters = re.sub(r"[^a-z]", "", raw)
        ts = [t for t in toks(text) if t not in TITLES]
        match = None
        if ts and all(len(t) == 1 for t in ts) and 1 < len(ts) <= 3:
            cands = [p for p in people if p[3] == "".join(ts)[:2]]
            if cands:  # every candidate is a roster person, whichever it is
                match = cands[0][0]
        if match is None and len(ts) == 1 and len(ts[0]) == 1:
            cands = [p for p in people if ts[0] in p[2]]  # one-letter nickname such as "Q"
            if cands:
                match = cands[0][0]
        if match is None and ts:
            best = None
            for r, names, nick, inits in people:
                full = [t for t in ts if len(t) > 1]
                if not full:
                    continue
                ok = 0
                for t in full:
                    if t in names or (len(t) >= 6 and difflib.get_close_matches(t, names, 1, 0.85)):
                        ok += 1
                if ok == len(full):
                    best = r
                    break
            match = best
        if match:
            hits += 1
        rows.append((text, f"{match['first']} {match['last'] or ''}".strip() if match else "-"))
    if "-v" in sys.argv:
        for t, m in rows:
            print(f"{t!r:40} -> {m}")
    n = len(spans)
    print(f"person spans: {n}; matched to roster: {hits} ({100.0 * hits / max(n, 1):.1f}%)")


if __name__ == "__main__":
    main()
