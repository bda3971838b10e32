#!/usr/bin/env python3
"""Validate the built "twelfth" set (run python3 build.py first).

Checks: roster.json fields and safety of e-mails/phones; comments.jsonl ids, offsets, kinds, order, overlap and
safety of e-mail/phone/url spans; provenance.tsv agrees with comments (review flag, negatives without spans,
positives with spans); split.json is complete, disjoint and stratified 50/50 by category.

Usage: python3 check.py [--markdown] [--stats]
  --markdown  print the counts table (tune / heldout / total) as Markdown
  --stats     also print a few extra figures (roster share of person spans, lengths)
Exit status 1 on any problem.
"""
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
PREFIX = "twelfth"
EXPECTED = 600
KINDS = ["person", "email", "phone", "url", "address", "school", "district"]
ROSTER_KEYS = ["first", "last", "nickname", "email", "phone", "school", "district", "role"]
SHORTENERS = {"bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "forms.gle", "rb.gy", "shorturl.at"}
EXAMPLE_HOST = re.compile(r"(^|\.)example\.(org|com|net)$", re.I)
EMAIL_RE = re.compile(r"[\w.+'-]+@([\w-]+(?:\.[\w-]+)+)", re.U)

problems = []


def bad(msg):
    problems.append(msg)


def load():
    comments = []
    with open(HERE / "comments.jsonl", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                bad(f"comments.jsonl:{n}: blank line")
                continue
            comments.append(json.loads(line))
    roster = json.loads((HERE / "roster.json").read_text(encoding="utf-8"))
    split = json.loads((HERE / "split.json").read_text(encoding="utf-8"))
    prov = {}
    with open(HERE / "provenance.tsv", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        if header != ["id", "category", "source_file", "block"]:
            bad(f"provenance.tsv: bad header {header}")
        for line in f:
            if not line.strip():
                continue
            cid, cat, src, block = line.rstrip("\n").split("\t")
            if cid in prov:
                bad(f"provenance.tsv: duplicate id {cid}")
            prov[cid] = {"category": cat, "source_file": src, "block": int(block)}
    return comments, roster, split, prov


NUMBER_WORDS = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4",
                "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}


def phone_ok(s):
    """True if the number (digits, OCR letters or voice-typed words) has the local part 555-01xx."""
    words = re.sub(r"[a-z]+", lambda m: NUMBER_WORDS.get(m.group(0), m.group(0)), s.lower())
    words = words.replace("l", "1")
    return "55501" in re.sub(r"\D", "", words)


def url_host(u):
    u = re.sub(r"^[a-z][a-z0-9+.-]*://", "", u.strip(), flags=re.I)
    host = re.split(r"[/?#:]", u, 1)[0].lower()
    if host.startswith("www."):
        host = host[4:]
    return host


def email_ok(s):
    norm = s.lower()
    return "example" in norm


def check_roster(roster):
    if not isinstance(roster, list) or not (100 <= len(roster) <= 200):
        bad(f"roster.json: expected a list of ~140 rows, got {len(roster) if isinstance(roster, list) else type(roster)}")
        return
    seen = set()
    for i, r in enumerate(roster):
        if list(r.keys()) != ROSTER_KEYS:
            bad(f"roster[{i}]: keys {list(r.keys())}")
            continue
        for k in ROSTER_KEYS:
            v = r[k]
            if v is not None and (not isinstance(v, str) or not v.strip() or v != v.strip() or v == "-"):
                bad(f"roster[{i}].{k}: bad value {v!r}")
        if not r["first"]:
            bad(f"roster[{i}]: first is empty")
        if not r["role"]:
            bad(f"roster[{i}]: role is empty")
        if not r["district"] and not r["school"]:
            bad(f"roster[{i}]: neither school nor district")
        if r["email"]:
            m = re.fullmatch(r"[\w.+'-]+@([\w.-]+)", r["email"])
            if not m or not EXAMPLE_HOST.search(m.group(1)):
                bad(f"roster[{i}]: e-mail not on an example domain: {r['email']}")
        if r["phone"] and not re.search(r"555-01\d\d\b", r["phone"]):
            bad(f"roster[{i}]: phone not 555-01xx: {r['phone']}")
        key = (r["first"], r["last"])
        if key in seen:
            bad(f"roster[{i}]: duplicate person {key}")
        seen.add(key)


def check_comments(comments, prov, split):
    ids = [c.get("id") for c in comments]
    if len(comments) != EXPECTED:
        bad(f"comments.jsonl: {len(comments)} comments, expected {EXPECTED}")
    if len(set(ids)) != len(ids):
        bad("comments.jsonl: duplicate ids")
    want = {f"{PREFIX}-{i:04d}" for i in range(1, len(comments) + 1)}
    if set(ids) != want:
        bad("comments.jsonl: ids are not exactly twelfth-0001..N")
    texts = Counter(c.get("text") for c in comments)
    for t, n in texts.items():
        if n > 1:
            bad(f"comments.jsonl: duplicate text x{n}: {t[:60]!r}")
    for c in comments:
        cid = c.get("id")
        if set(c.keys()) != {"id", "text", "spans", "review"}:
            bad(f"{cid}: keys {sorted(c.keys())}")
            continue
        text, spans = c["text"], c["spans"]
        if not isinstance(text, str) or not text.strip():
            bad(f"{cid}: empty text")
            continue
        if "[[" in text or "]]" in text:
            bad(f"{cid}: literal [[ or ]] in text")
        if not isinstance(c["review"], bool):
            bad(f"{cid}: review is not a bool")
        prev_end = -1
        prev_start = -1
        for s in spans:
            if set(s.keys()) != {"start", "end", "kind", "text"}:
                bad(f"{cid}: span keys {sorted(s.keys())}")
                continue
            st, en, kind, stext = s["start"], s["end"], s["kind"], s["text"]
            if kind not in KINDS:
                bad(f"{cid}: invalid kind {kind!r}")
            if not (isinstance(st, int) and isinstance(en, int) and 0 <= st < en <= len(text)):
                bad(f"{cid}: bad offsets {st}-{en}")
                continue
            if text[st:en] != stext:
                bad(f"{cid}: offsets {st}-{en} give {text[st:en]!r}, span says {stext!r}")
            if stext != stext.strip():
                bad(f"{cid}: span with outer whitespace {stext!r}")
            if st < prev_start or (st == prev_start and en < prev_end):
                bad(f"{cid}: spans not sorted")
            if st < prev_end:
                bad(f"{cid}: overlapping spans at {st}")
            prev_start, prev_end = st, en
            if kind == "email" and not email_ok(stext):
                bad(f"{cid}: e-mail span not on an example domain: {stext!r}")
            if kind == "phone" and not phone_ok(stext):
                bad(f"{cid}: phone span not 555-01xx: {stext!r}")
            if kind == "url":
                host = url_host(stext)
                if not (EXAMPLE_HOST.search(host) or host in SHORTENERS):
                    bad(f"{cid}: url span on a non-example host {host!r}: {stext!r}")
        # safety: every plain e-mail shape anywhere in the text is on an example domain
        for m in EMAIL_RE.finditer(text):
            if not EXAMPLE_HOST.search(m.group(1).rstrip(".")):
                bad(f"{cid}: e-mail-like string not on an example domain: {m.group(0)!r}")
        for m in re.finditer(r"\b555[-. ]?(\d{4})\b", text):
            if not m.group(1).startswith("01"):
                bad(f"{cid}: 555 number outside 555-01xx: {m.group(0)!r}")
        p = prov.get(cid)
        if p is None:
            bad(f"{cid}: missing from provenance.tsv")
            continue
        cat = p["category"]
        if cat not in ("neg", "review", "pos"):
            bad(f"{cid}: bad category {cat}")
        if c["review"] != (cat == "review"):
            bad(f"{cid}: review flag {c['review']} but category {cat}")
        if cat == "neg" and spans:
            bad(f"{cid}: negative with spans")
        if cat == "pos" and not spans:
            bad(f"{cid}: positive without spans")
        if cat == "neg" and re.search(r"https?://|www\.|@\w", text):
            bad(f"{cid}: negative contains a link or e-mail shape")
    if set(prov) != set(ids):
        bad("provenance.tsv: ids differ from comments.jsonl")
    for cid, p in prov.items():
        if not (p["source_file"].startswith("src/") and p["block"] >= 1):
            bad(f"provenance {cid}: bad source/block")
    if len({(p["source_file"], p["block"]) for p in prov.values()}) != len(prov):
        bad("provenance.tsv: duplicate (source_file, block)")

    # split
    if set(split.keys()) != {"tune", "heldout"}:
        bad(f"split.json: keys {sorted(split.keys())}")
        return
    tune, held = split["tune"], split["heldout"]
    if len(set(tune)) != len(tune) or len(set(held)) != len(held):
        bad("split.json: duplicate ids inside a part")
    if set(tune) & set(held):
        bad("split.json: tune and heldout overlap")
    if set(tune) | set(held) != set(ids):
        bad("split.json: tune + heldout do not cover all ids exactly")
    if len(tune) != len(held):
        bad(f"split.json: not 50/50 ({len(tune)} / {len(held)})")
    for cat in ("neg", "review", "pos"):
        a = sum(1 for i in tune if prov.get(i, {}).get("category") == cat)
        b = sum(1 for i in held if prov.get(i, {}).get("category") == cat)
        if abs(a - b) > 1:
            bad(f"split.json: category {cat} not stratified ({a} / {b})")


def counts(comments, prov, subset):
    rows = {"comments": 0, "negative": 0, "review": 0, "positive": 0, "comments with spans": 0, "spans": 0}
    for k in KINDS:
        rows[f"spans: {k}"] = 0
    for c in comments:
        if c["id"] not in subset:
            continue
        cat = prov[c["id"]]["category"]
        rows["comments"] += 1
        rows[{"neg": "negative", "review": "review", "pos": "positive"}[cat]] += 1
        if c["spans"]:
            rows["comments with spans"] += 1
        rows["spans"] += len(c["spans"])
        for s in c["spans"]:
            rows[f"spans: {s['kind']}"] += 1
    return rows


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"[^a-z]", "", s.lower())


TITLES = {"mr", "mrs", "ms", "miss", "dr", "dra", "coach", "principal", "superintendent", "supt", "asst", "ap",
          "rev", "pastor", "elder", "deacon", "bishop", "imam", "sheikh", "brother", "sister", "sra", "sr", "don",
          "dona", "lic", "prof", "president", "abba", "abuna", "hajji", "ustaz", "father", "kak", "xanim", "u",
          "daw", "senora", "senor", "maj", "capt", "sgt", "col", "jr", "ii", "iii", "m", "mme", "mama", "hooyo"}


def person_tokens(text):
    toks = [fold(t) for t in re.split(r"[\s,.'\u2019\u02bb\"()-]+", text) if t]
    return [t for t in toks if t and t not in TITLES]


def stats(comments, roster):
    """Rough roster share: a person span counts as a roster mention when all its name tokens (titles dropped)
    belong to one roster person's first/last/nickname tokens, or it is that person's initials."""
    people = []
    for r in roster:
        toks = set()
        for k in ("first", "last", "nickname"):
            if r[k]:
                toks.update(person_tokens(r[k]))
        initials = "".join(t[0] for t in person_tokens((r["first"] or "") + " " + (r["last"] or "")))
        people.append((toks, initials))
    person = [s for c in comments for s in c["spans"] if s["kind"] == "person"]
    hit, missed = 0, []
    for s in person:
        toks = person_tokens(s["text"])
        ok = False
        for ptoks, initials in people:
            full = [t for t in toks if len(t) > 1]
            if full and all(t in ptoks for t in full) and \
                    all(any(p.startswith(t) for p in ptoks) for t in toks if len(t) == 1):
                ok = True
                break
            if toks and "".join(toks) == initials and len(initials) >= 2:
                ok = True
                break
        if ok:
            hit += 1
        else:
            missed.append(s["text"])
    lens = sorted(len(c["text"]) for c in comments)
    print(f"person spans: {len(person)}; matching a roster person's name tokens: {hit} "
          f"({100.0 * hit / max(1, len(person)):.0f}%; rough: namesakes count as roster, misspellings do not)")
    print(f"comment length: min {lens[0]}, median {lens[len(lens) // 2]}, max {lens[-1]} characters")
    if "--list-unmatched" in sys.argv:
        for t in missed:
            print("  unmatched:", t)


def main():
    comments, roster, split, prov = load()
    check_roster(roster)
    check_comments(comments, prov, split)
    if problems:
        for p in problems[:200]:
            print("PROBLEM:", p)
        print(f"{len(problems)} problem(s)")
        sys.exit(1)
    tune, held = set(split["tune"]), set(split["heldout"])
    allids = tune | held
    t, h, a = counts(comments, prov, tune), counts(comments, prov, held), counts(comments, prov, allids)
    if "--markdown" in sys.argv:
        print("| | tune | heldout | total |")
        print("|---|---:|---:|---:|")
        for k in a:
            print(f"| {k} | {t[k]} | {h[k]} | {a[k]} |")
    else:
        for k in a:
            print(f"{k:22s} {t[k]:5d} {h[k]:5d} {a[k]:5d}")
        print(f"roster rows: {len(roster)}")
    if "--stats" in sys.argv:
        stats(comments, roster)
    if "--markdown" not in sys.argv:
        print("OK")


if __name__ == "__main__":
    main()
