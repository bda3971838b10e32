#!/usr/bin/env python3
"""Estimate the share of person spans that refer to roster people. Counting only; writes nothing.

Heuristic: normalise each person span (accents, case, OCR slips 0/o, I/l, rn/m, HTML entities), drop
honorifics, split into name tokens, and match against roster first names, surnames and nicknames:
exact, prefix of a first name (>= 3 letters), fuzzy (difflib ratio >= 0.8; a lone token only
matches a first name exactly or a surname at >= 0.85), initials, and username shapes
(first.last, first-initial + last). A span with two or more name tokens counts as
roster only when one roster person accounts for at least two of its tokens (an initial counts).
The result is an estimate; a surname shared with a non-roster relative counts as roster.

  python3 tools/roster_share.py            print the estimate
  python3 tools/roster_share.py --list     also list each span with its verdict
"""
import difflib
import html
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = {"mr", "ms", "mrs", "miss", "mister", "dr", "coach", "principal", "supt", "superintendent", "rev",
          "pastor", "imam", "sheikh", "councilman", "councilwoman", "sra", "sr", "don", "dona", "tita",
          "tito", "deacon", "brother", "sister", "elder", "nha", "father", "lic", "and"}


def norm(s):
    s = html.unescape(html.unescape(s)).replace("\u00a0", " ")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = re.sub(r"(?<=[A-Za-z])0|0(?=[A-Za-z])", "o", s)
    s = re.sub(r"(?<=[a-z])I(?=[a-z])|(?<=[A-Z][a-z])I", "l", s)
    s = s.lower().replace("rn", "m")
    return s


def tokens(s):
    s = norm(s)
    s = re.sub(r"[\u2018\u2019'\"\u201c\u201d()\[\]]", " ", s)
    s = s.replace("-\n", "").replace("\n", " ")
    parts = re.split(r"[\s,/]+", s)
    out = []
    for p in parts:
        p = p.strip(".")
        if not p:
            continue
        if p in TITLES:
            continue
        if re.fullmatch(r"(?:[a-z]\.)+[a-z]?", p + "."):
            letters = p.replace(".", "")
            if len(letters) <= 3:
                out.append(("init", letters))
                continue
        out.append(("name", p))
    return out


def roster_people(roster):
    people = []
    for r in roster:
        first = [t for t in re.split(r"[\s-]+", norm(r["first"])) if t]
        last = [t for t in re.split(r"[\s-]+", norm(r["last"] or "")) if t]
        nick = [norm(r["nickname"]).replace(".", "")] if r["nickname"] else []
        people.append({"first": first, "last": last, "nick": nick,
                       "full_first": norm(r["first"]).replace(" ", "").replace("-", ""),
                       "full_last": norm(r["last"] or "").replace(" ", "").replace("-", "")})
    return people


def close(a, b, cut=0.8):
    return a == b or (len(a) >= 4 and len(b) >= 4 and difflib.SequenceMatcher(None, a, b).ratio() >= cut)


def token_hits(tok, p, single=False):
    kind, val = tok
    if kind == "init":
        fi = p["full_first"][:1]
        li = p["full_last"][:1]
        return val in {fi, li, fi + li, li + fi, "".join(x[:1] for x in p["first"]) + li} or val in p["nick"]
    val = val.replace(".", "")
    firsts = p["first"] + p["nick"] + [p["full_first"]]
    lasts = p["last"] + [p["full_last"]]
    if single:
        # a lone token: first names and nicknames must match exactly (or as a prefix, below);
        # surnames may be misspelled, with a stricter cut
        if val in firsts or any(close(val, n, 0.85) for n in lasts):
            return True
    elif any(close(val, n) for n in firsts + lasts):
        return True
    if len(val) >= 3 and any(n.startswith(val) for n in p["first"]):
        return True
    if len(val) == 1 and val in {p["full_first"][:1], p["full_last"][:1]}:
        return True
    if p["full_last"] and (val == p["full_first"][:1] + p["full_last"] or val == p["full_first"] + p["full_last"]):
        return True
    return False


def is_roster(text, people):
    toks = []
    for kind, val in tokens(text):
        if kind == "name" and "." in val:
            toks.extend(("name", v) for v in val.split(".") if v)
        else:
            toks.append((kind, val))
    toks = [t for t in toks if t[1]]
    if not toks:
        return False
    need = 1 if len(toks) == 1 else 2
    for p in people:
        if sum(1 for t in toks if token_hits(t, p, single=(need == 1))) >= need:
            return True
    return False


def main():
    with open(os.path.join(HERE, "roster.json"), encoding="utf-8") as fh:
        people = roster_people(json.load(fh))
    total = hits = 0
    rows = []
    with open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            for s in rec["spans"]:
                if s["kind"] != "person":
                    continue
                total += 1
                ok = is_roster(s["text"], people)
                hits += ok
                rows.append((ok, s["text"].replace("\n", "\\n"), rec["id"]))
    if "--list" in sys.argv[1:]:
        for ok, t, cid in sorted(rows):
            print(("ROSTER " if ok else "other  ") + cid + "  " + t)
    share = hits / total if total else 0.0
    print(f"person spans: {total}; roster (estimated): {hits}; other: {total - hits}; roster share ~ {share:.1%}")


if __name__ == "__main__":
    main()
