#!/usr/bin/env python3
"""Validate the built "fourteenth" corpus.

Usage: python3 check.py [--markdown] [--warn] [--share]
  --markdown  print the counts table (tune / heldout / total)
  --warn      also list possible unlabelled roster names / e-mails / phones
  --share     list person spans the roster heuristic does not match
Exit status 1 if any hard error is found.
"""
import csv
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = ["person", "email", "phone", "url", "address", "school", "district"]
ROSTER_KEYS = ["first", "last", "nickname", "email", "phone", "school", "district", "role"]
ID_RE = re.compile(r"^fourteenth-\d{4}$")
TITLES = {"mr", "ms", "mrs", "dr", "coach", "principal", "superintendent", "supt",
          "ap", "rev", "pastor", "elder", "deacon", "bishop", "imam", "sheikh",
          "brother", "sister", "sra", "sr", "don", "dona", "lic", "prof", "father",
          "governor", "chief", "mam", "sgt", "maj", "col", "capt", "lt", "jr", "iii",
          "ii", "miss", "sup", "mister", "misses", "mx", "srta", "hon", "cpt", "msgt", "ssg", "sfc", "ltc", "mamá"}

errors = []


def err(msg):
    errors.append(msg)


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower()


def main():
    md = "--markdown" in sys.argv
    warn = "--warn" in sys.argv
    roster = json.loads((HERE / "roster.json").read_text("utf-8"))
    for i, r in enumerate(roster):
        if list(r.keys()) != ROSTER_KEYS:
            err(f"roster[{i}]: keys {list(r.keys())}")
        for k in ("first", "role"):
            if not r.get(k):
                err(f"roster[{i}]: missing {k}")
        if r.get("email") and not re.search(r"@([a-z0-9-]+\.)*example\.(org|com|net)$", r["email"], re.I):
            err(f"roster[{i}]: email not on example domain: {r['email']}")
        if r.get("phone") and "555-01" not in r["phone"]:
            err(f"roster[{i}]: phone not 555-01xx: {r['phone']}")
    if not 120 <= len(roster) <= 160:
        err(f"roster has {len(roster)} rows (expected ~140)")

    comments = [json.loads(l) for l in (HERE / "comments.jsonl").read_text("utf-8").splitlines() if l.strip()]
    ids = [c["id"] for c in comments]
    if len(set(ids)) != len(ids):
        err("duplicate ids")
    if len(comments) != 600:
        err(f"{len(comments)} comments, expected 600")
    for c in comments:
        if set(c.keys()) != {"id", "text", "spans", "review"}:
            err(f"{c.get('id')}: keys {sorted(c.keys())}")
        if not ID_RE.match(c["id"]):
            err(f"bad id {c['id']}")
        t = c["text"]
        if "[[" in t or "]]" in t:
            err(f"{c['id']}: literal [[ or ]] in text")
        if not t.strip():
            err(f"{c['id']}: empty text")
        prev_end = -1
        spans = c["spans"]
        if spans != sorted(spans, key=lambda s: (s["start"], s["end"])):
            err(f"{c['id']}: spans not sorted")
        for s in spans:
            if set(s.keys()) != {"start", "end", "kind", "text"}:
                err(f"{c['id']}: span keys {sorted(s.keys())}")
            if s["kind"] not in KINDS:
                err(f"{c['id']}: bad kind {s['kind']}")
            if not (0 <= s["start"] < s["end"] <= len(t)):
                err(f"{c['id']}: bad offsets {s}")
            elif t[s["start"]:s["end"]] != s["text"]:
                err(f"{c['id']}: offset text mismatch {s}")
            if s["start"] < prev_end:
                err(f"{c['id']}: overlapping spans")
            prev_end = s["end"]
            if s["text"] != s["text"].strip():
                err(f"{c['id']}: span with outer whitespace {s['text']!r}")
            if s["kind"] == "email" and not re.search(r"example", s["text"], re.I):
                err(f"{c['id']}: email not on example domain {s['text']!r}")
            if s["kind"] == "phone" and not re.search(r"555[\s.\-]?01\d\d", s["text"]):
                err(f"{c['id']}: phone without 555-01xx {s['text']!r}")

    prov = {}
    with open(HERE / "provenance.tsv", encoding="utf-8") as f:
        rd = csv.DictReader(f, delimiter="\t")
        if rd.fieldnames != ["id", "category", "source_file", "block"]:
            err(f"provenance columns {rd.fieldnames}")
        for row in rd:
            prov[row["id"]] = row
    if set(prov) != set(ids):
        err("provenance ids differ from comments")
    seen_src = set()
    for c in comments:
        p = prov.get(c["id"])
        if not p:
            continue
        key = (p["source_file"], p["block"])
        if key in seen_src:
            err(f"duplicate provenance {key}")
        seen_src.add(key)
        cat = p["category"]
        if cat not in ("neg", "review", "pos"):
            err(f"{c['id']}: bad category {cat}")
        if c["review"] != (cat == "review"):
            err(f"{c['id']}: review flag does not match category")
        if cat == "neg" and c["spans"]:
            err(f"{c['id']}: negative with spans")
        if cat == "pos" and not c["spans"]:
            err(f"{c['id']}: positive without spans")

    split = json.loads((HERE / "split.json").read_text("utf-8"))
    if set(split.keys()) != {"tune", "heldout"}:
        err(f"split keys {list(split.keys())}")
    tune, held = set(split.get("tune", [])), set(split.get("heldout", []))
    if tune & held:
        err("split not disjoint")
    if tune | held != set(ids):
        err("split incomplete")
    if len(tune) != 300 or len(held) != 300:
        err(f"split sizes {len(tune)}/{len(held)}")
    for cat in ("neg", "review", "pos"):
        a = sum(1 for i in tune if prov.get(i, {}).get("category") == cat)
        b = sum(1 for i in held if prov.get(i, {}).get("category") == cat)
        if abs(a - b) > 1:
            err(f"split not stratified for {cat}: {a}/{b}")

    # roster share of person spans (heuristic: every name token of the span must
    # belong to one and the same roster person; initials must match that person)
    def toks_of(x):
        x = fold(x).translate(str.maketrans("0135", "oles"))
        out = [t.strip(".'\"(),:;") for t in re.split(r"[\s,\-.]+", x)]
        return [t.replace("'", "") for t in out if t.replace("'", "")]
    people = []
    for r in roster:
        names = set()
        for k in ("first", "last", "nickname"):
            if r.get(k):
                names.update(toks_of(r[k]))
        initials = set()
        if r.get("last"):
            f, l = r["first"][0], r["last"][0]
            initials = {fold(f + l), fold(l + f)}
        if r.get("nickname") and len(r["nickname"]) <= 3:
            initials.add(fold(r["nickname"]))
        people.append((names, initials))
    person = [s for c in comments for s in c["spans"] if s["kind"] == "person"]
    skip = TITLES | {"la", "el", "de", "del", "miss", "mister", "misses", "kak"}

    def is_roster(s):
        toks = [t for t in toks_of(s) if t not in skip]
        if not toks:
            return False
        if all(len(t) == 1 for t in toks) or (len(toks) == 1 and len(toks[0]) <= 3 and s.strip(".").isupper()):
            letters = "".join(toks)
            return any(letters in ini for _, ini in people)
        for names, _ in people:
            if all(t in names or len(t) == 1 for t in toks) and any(t in names for t in toks):
                return True
        return False

    roster_share = (sum(is_roster(s["text"]) for s in person) / len(person)) if person else 0

    if warn:
        spanned = lambda c, a, b: any(s["start"] <= a and b <= s["end"] for s in c["spans"])
        lasts = {fold(r["last"]) for r in roster if r.get("last") and len(r["last"]) >= 5}
        lasts |= {fold(r[k]) for r in roster for k in ("school", "district")
                  if r.get(k) and "Department" not in r[k]}
        lasts |= {fold(r["first"]) for r in roster if len(r["first"]) >= 5}
        for c in comments:
            t = c["text"]
            ft = fold(t)
            for m in re.finditer(r"[\w.+\-]+\s?(@|\(at\)|\[at\])\s?[\w\-]+", t):
                if not spanned(c, m.start(), m.end()):
                    print(f"WARN {c['id']}: unlabelled email-ish {m.group(0)!r}")
            for m in re.finditer(r"555[\s.\-]?01\d\d", t):
                if not spanned(c, m.start(), m.end()):
                    print(f"WARN {c['id']}: unlabelled phone-ish {m.group(0)!r}")
            for ln in lasts:
                for m in re.finditer(r"\b" + re.escape(ln) + r"\b", ft):
                    if not spanned(c, m.start(), m.end()):
                        print(f"WARN {c['id']}: roster name {ln!r} outside a span: ...{t[max(0,m.start()-30):m.end()+30]!r}")

    if "--share" in sys.argv:
        print(f"roster share ~{roster_share:.1%} of {len(person)} person spans; not matched to roster:")
        print("; ".join(s["text"] for s in person if not is_roster(s["text"])))
    if errors:
        for e in errors:
            print("ERROR", e)
        print(f"{len(errors)} error(s)")
        sys.exit(1)

    if md:
        def stats(idset):
            cs = [c for c in comments if c["id"] in idset]
            cat = Counter(prov[c["id"]]["category"] for c in cs)
            sp = [s for c in cs for s in c["spans"]]
            kinds = Counter(s["kind"] for s in sp)
            rows = [("comments", len(cs)), ("negative", cat["neg"]), ("review", cat["review"]),
                    ("positive", cat["pos"]), ("comments with spans", sum(1 for c in cs if c["spans"])),
                    ("spans", len(sp))]
            rows += [(f"spans: {k}", kinds[k]) for k in KINDS]
            return rows
        a, b, t = stats(tune), stats(held), stats(set(ids))
        print("| count | tune | heldout | total |")
        print("|---|---:|---:|---:|")
        for (name, x), (_, y), (_, z) in zip(a, b, t):
            print(f"| {name} | {x} | {y} | {z} |")
        print()
        print(f"Roster share of person spans (heuristic token match): {roster_share:.1%} of {len(person)}")
    else:
        print(f"OK: {len(comments)} comments, {sum(len(c['spans']) for c in comments)} spans, "
              f"{len(roster)} roster rows; roster share of person spans ~{roster_share:.1%}")


if __name__ == "__main__":
    main()
