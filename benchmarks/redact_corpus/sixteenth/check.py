#!/usr/bin/env python3
"""Validate the built "sixteenth" set. Exit status 0 only when every check passes.

  python3 check.py             # validate, print a short summary
  python3 check.py --markdown  # validate, print the counts table in Markdown
Standard library only.
"""
import csv
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
PREFIX = "sixteenth"
TOTAL = 600
KINDS = ["person", "email", "phone", "url", "address", "school", "district"]
ROSTER_KEYS = ["first", "last", "nickname", "email", "phone", "school", "district", "role"]
URL_HOSTS = ("bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "forms.gle", "rb.gy", "shorturl.at")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
PHONE_LOCAL_RE = re.compile(r"555[\s.\-/]*01\d\d")
ANY_555_RE = re.compile(r"555[\s.\-/]*\d{4}")

errors = []
warnings = []


def err(msg):
    errors.append(msg)


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower()


def email_domain_ok(dom):
    dom = dom.lower().rstrip(".")
    return any(dom == d or dom.endswith("." + d) for d in ("example.org", "example.com", "example.net"))


def norm_obfuscated_email(s):
    t = s.lower()
    t = re.sub(r"\s*[\[\(\{<]\s*at\s*[\]\)\}>]\s*", "@", t)
    t = re.sub(r"\s*[\[\(\{<]\s*dot\s*[\]\)\}>]\s*", ".", t)
    t = re.sub(r"\s+at\s+", "@", t)
    t = re.sub(r"\s+dot\s+", ".", t)
    t = re.sub(r"\s*@\s*", "@", t)
    t = re.sub(r"\s*\.\s*", ".", t)
    return t.replace(" ", "")


SPOKEN = {"zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
          "six": "6", "seven": "7", "eight": "8", "nine": "9"}


def phone_digits(s):
    """Digits of a phone span, tolerating spoken digits (voice typing) and OCR letter slips.
    An extension is kept after an 'x' so that it never counts as part of the local number."""
    t = s.lower()
    t = re.sub(r"\b(ext\.?|extension|x)\s*(?=\d)", " x", t)
    t = re.sub(r"[a-z]+", lambda m: SPOKEN.get(m.group(0), m.group(0)), t)
    t = t.replace("o", "0").replace("l", "1").replace("i", "1")
    return re.sub(r"[^0-9x]", "", t)


def url_ok(s):
    t = s.lower()
    t = re.sub(r"^[a-z]+://", "", t)
    t = re.sub(r"^www\.", "", t)
    host = re.split(r"[/?#:]", t, 1)[0]
    if host in URL_HOSTS:
        return True
    return any(host == d or host.endswith("." + d) for d in ("example.org", "example.com", "example.net"))


def load():
    with open(os.path.join(HERE, "roster.json"), encoding="utf-8") as fh:
        roster = json.load(fh)
    comments = []
    with open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                err(f"comments.jsonl line {n}: blank line")
                continue
            comments.append(json.loads(line))
    with open(os.path.join(HERE, "split.json"), encoding="utf-8") as fh:
        split = json.load(fh)
    with open(os.path.join(HERE, "provenance.tsv"), encoding="utf-8", newline="") as fh:
        prov = list(csv.DictReader(fh, delimiter="\t"))
    return roster, comments, split, prov


def check_roster(roster):
    if not isinstance(roster, list) or not (100 <= len(roster) <= 180):
        err(f"roster: expected a list of about 140 people, got {len(roster) if isinstance(roster, list) else type(roster)}")
        return
    seen = set()
    for i, p in enumerate(roster):
        if list(p.keys()) != ROSTER_KEYS:
            err(f"roster[{i}]: keys {list(p.keys())}")
            continue
        for k in ROSTER_KEYS:
            v = p[k]
            if v is not None and (not isinstance(v, str) or not v.strip() or v == "-"):
                err(f"roster[{i}].{k}: bad value {v!r}")
        if not p["first"]:
            err(f"roster[{i}]: first missing")
        if not p["role"]:
            err(f"roster[{i}]: role missing")
        if p["email"]:
            m = re.fullmatch(r"[A-Za-z0-9._%+-]+@([A-Za-z0-9.-]+)", p["email"])
            if not m or not email_domain_ok(m.group(1)):
                err(f"roster[{i}]: email not on an example domain: {p['email']}")
        if p["phone"]:
            if not PHONE_LOCAL_RE.search(p["phone"]) or len(re.findall(r"\d", p["phone"])) not in (10, 11):
                err(f"roster[{i}]: phone must be a full number with local part 555-01xx: {p['phone']}")
        key = (p["first"], p["last"])
        if key in seen:
            err(f"roster[{i}]: duplicate person {key}")
        seen.add(key)
        if p["school"] and not p["district"]:
            err(f"roster[{i}]: school without district")


def check_comments(comments, prov, split):
    ids = [c.get("id") for c in comments]
    if len(comments) != TOTAL:
        err(f"comments: expected {TOTAL}, got {len(comments)}")
    if len(set(ids)) != len(ids):
        err("comments: duplicate ids")
    expected_ids = [f"{PREFIX}-{n:04d}" for n in range(1, TOTAL + 1)]
    if sorted(ids) != expected_ids:
        err("comments: ids are not exactly sixteenth-0001..0600")
    texts = set()
    for c in comments:
        cid = c.get("id")
        if set(c.keys()) != {"id", "text", "spans", "review"}:
            err(f"{cid}: keys {sorted(c.keys())}")
            continue
        text = c["text"]
        if not isinstance(text, str) or not text.strip():
            err(f"{cid}: empty text")
            continue
        if text in texts:
            err(f"{cid}: duplicate text")
        texts.add(text)
        if "[[" in text or "]]" in text:
            err(f"{cid}: stray mark brackets in text")
        if not isinstance(c["review"], bool):
            err(f"{cid}: review must be boolean")
        prev_end = -1
        prev_key = None
        for s in c["spans"]:
            if set(s.keys()) != {"start", "end", "kind", "text"}:
                err(f"{cid}: span keys {sorted(s.keys())}")
                continue
            st, en, kind, st_text = s["start"], s["end"], s["kind"], s["text"]
            if not (isinstance(st, int) and isinstance(en, int) and 0 <= st < en <= len(text)):
                err(f"{cid}: bad offsets {st}-{en}")
                continue
            if text[st:en] != st_text:
                err(f"{cid}: offset text mismatch {text[st:en]!r} != {st_text!r}")
            if st_text != st_text.strip():
                err(f"{cid}: span has surrounding whitespace {st_text!r}")
            if kind not in KINDS:
                err(f"{cid}: bad kind {kind}")
            key = (st, en)
            if prev_key is not None and key < prev_key:
                err(f"{cid}: spans not sorted")
            if st < prev_end:
                err(f"{cid}: overlapping spans at {st}")
            prev_end = max(prev_end, en)
            prev_key = key
            # safety of the invented data
            if kind == "email":
                e = norm_obfuscated_email(st_text)
                m = re.search(r"@([a-z0-9.-]+)$", e)
                if not m or not email_domain_ok(m.group(1)):
                    err(f"{cid}: e-mail span not on an example domain: {st_text!r}")
            elif kind == "phone":
                digits = phone_digits(st_text)
                if not re.search(r"55501\d\d(?!\d)", digits.split("x")[0]):
                    err(f"{cid}: phone span local part not 555-01xx: {st_text!r}")
            elif kind == "url":
                if not url_ok(st_text):
                    err(f"{cid}: url span not on an allowed host: {st_text!r}")
        # every e-mail-looking string anywhere must be on an example domain and inside a span
        for m in EMAIL_RE.finditer(text):
            dom = m.group(0).split("@", 1)[1]
            if not email_domain_ok(dom):
                err(f"{cid}: e-mail outside example domains: {m.group(0)!r}")
            if not any(s["kind"] == "email" and s["start"] <= m.start() and m.end() <= s["end"] for s in c["spans"]):
                err(f"{cid}: unlabelled e-mail {m.group(0)!r}")
        for m in ANY_555_RE.finditer(text):
            if not PHONE_LOCAL_RE.fullmatch(m.group(0)):
                err(f"{cid}: 555 number whose local part is not 01xx: {m.group(0)!r}")
            elif not any(s["kind"] == "phone" and s["start"] <= m.start() and m.end() <= s["end"] for s in c["spans"]):
                err(f"{cid}: unlabelled phone-like number {m.group(0)!r}")
        for m in re.finditer(r"(?i)\b(?:https?://|www\.)\S+", text):
            if not any(s["kind"] == "url" and s["start"] <= m.start() < s["end"] for s in c["spans"]):
                err(f"{cid}: unlabelled link {m.group(0)!r}")

    # provenance
    pmap = {}
    for row in prov:
        if set(row.keys()) != {"id", "category", "source_file", "block"}:
            err(f"provenance: columns {list(row.keys())}")
            break
        if row["id"] in pmap:
            err(f"provenance: duplicate id {row['id']}")
        pmap[row["id"]] = row
    if set(pmap) != set(ids):
        err("provenance: ids differ from comments.jsonl")
    srcs = set()
    for c in comments:
        row = pmap.get(c["id"])
        if not row:
            continue
        cat = row["category"]
        if cat not in ("neg", "review", "pos"):
            err(f"{c['id']}: bad category {cat}")
        if not row["source_file"].startswith(f"src/{cat}_"):
            err(f"{c['id']}: source file {row['source_file']} does not match category {cat}")
        if not os.path.exists(os.path.join(HERE, row["source_file"])):
            err(f"{c['id']}: source file missing {row['source_file']}")
        key = (row["source_file"], row["block"])
        if key in srcs:
            err(f"{c['id']}: duplicate provenance {key}")
        srcs.add(key)
        if c["review"] != (cat == "review"):
            err(f"{c['id']}: review flag does not match category {cat}")
        if cat == "neg" and c["spans"]:
            err(f"{c['id']}: negative with spans")
        if cat == "pos" and not c["spans"]:
            err(f"{c['id']}: positive without spans")

    # split
    if set(split.keys()) != {"tune", "heldout"}:
        err(f"split.json keys {sorted(split.keys())}")
        return pmap
    tune, held = split["tune"], split["heldout"]
    if len(tune) != len(set(tune)) or len(held) != len(set(held)):
        err("split: duplicate ids inside a half")
    if set(tune) & set(held):
        err("split: tune and heldout overlap")
    if set(tune) | set(held) != set(ids):
        err("split: does not cover every comment exactly")
    if len(tune) != TOTAL // 2 or len(held) != TOTAL // 2:
        err(f"split: sizes {len(tune)}/{len(held)}, expected {TOTAL // 2}/{TOTAL // 2}")
    for cat in ("neg", "review", "pos"):
        a = sum(1 for i in tune if pmap.get(i, {}).get("category") == cat)
        b = sum(1 for i in held if pmap.get(i, {}).get("category") == cat)
        if abs(a - b) > 1:
            err(f"split: category {cat} not stratified ({a}/{b})")
    return pmap


TITLE_WORDS = {
    "mr", "mrs", "ms", "miss", "mister", "dr", "dra", "sr", "sra", "srta", "don", "dona", "lic", "lcdo", "lcda",
    "prof", "mtro", "mtra", "coach", "principal", "superintendent", "supt", "deputy", "ap", "rev", "pastor",
    "pastora", "elder", "deacon", "bishop", "imam", "sheikh", "brother", "sister", "hno", "hna", "father", "fr",
    "padre", "chief", "high", "hajji", "mother", "apostle", "minister", "councilman", "commissioner", "judge",
    "tan", "tun", "ma'am", "maam", "capt", "lt", "col", "sgt", "ssgt", "cmsgt", "lcdr", "cdr", "ret", "hon",
    "de", "del", "la", "las", "los", "y", "el", "jr", "iii",
}


def _toks(s):
    s = fold(s).replace("’", "'").replace("ʻ", "'")
    out = []
    for w in re.split(r"[\s\-,/()\"]+", s):
        w = w.strip(".'@")
        if w:
            out.append(w)
    return out


def roster_index(roster):
    people = []
    for p in roster:
        toks = set()
        for k in ("first", "last", "nickname"):
            if p[k]:
                toks.update(_toks(p[k]))
        firsts = [t for t in _toks(p["first"]) if t not in TITLE_WORDS]
        lasts = [t for t in _toks(p["last"] or "") if t not in TITLE_WORDS]
        inits = set()
        if firsts:
            f_all = "".join(t[0] for t in firsts)
            for l_part in (lasts[:1], lasts):
                l_ini = "".join(t[0] for t in l_part)
                inits.update({f_all + l_ini, firsts[0][0] + l_ini})
        handles = set()
        if p["email"]:
            handles.add(fold(p["email"].split("@")[0]))
        people.append((toks, inits, handles))
    return people


def is_roster_mention(text, index):
    """True when every non-title word of a person span belongs to one roster person (accent-folded),
    or the span is that person's initials or e-mail handle. A rough but conservative estimate."""
    words = [w for w in _toks(text) if w not in TITLE_WORDS]
    if not words:
        words = _toks(text)  # a title-like word used as a given name (e.g. Bishop)
    if not words:
        return False
    letters = re.sub(r"[^a-z]", "", "".join(words))
    handle = fold(text).lstrip("@")
    for toks, inits, handles in index:
        if all(w in toks or (len(w) == 1 and any(t.startswith(w) for t in toks)) for w in words) \
                and any(len(w) > 1 for w in words):
            return True
        if len(words) <= 3 and all(len(w) == 1 for w in words) and letters in inits:
            return True
        if len(words) == 1 and len(letters) <= 4 and letters in inits and text.replace(".", "").isupper():
            return True
        if handle in handles:
            return True
    return False


def counts(comments, pmap, ids):
    sel = [c for c in comments if c["id"] in ids]
    out = {
        "comments": len(sel),
        "negative": sum(1 for c in sel if pmap[c["id"]]["category"] == "neg"),
        "review": sum(1 for c in sel if pmap[c["id"]]["category"] == "review"),
        "positive": sum(1 for c in sel if pmap[c["id"]]["category"] == "pos"),
        "comments with spans": sum(1 for c in sel if c["spans"]),
        "spans": sum(len(c["spans"]) for c in sel),
    }
    for k in KINDS:
        out[f"spans: {k}"] = sum(1 for c in sel for s in c["spans"] if s["kind"] == k)
    return out


def main():
    markdown = "--markdown" in sys.argv[1:]
    try:
        roster, comments, split, prov = load()
    except (OSError, ValueError) as exc:
        print(f"FAIL: cannot load outputs: {exc}")
        return 1
    check_roster(roster)
    pmap = check_comments(comments, prov, split)
    if errors:
        for e in errors[:60]:
            print("ERROR:", e)
        print(f"FAIL: {len(errors)} error(s)")
        return 1

    tune = set(split["tune"])
    held = set(split["heldout"])
    allids = tune | held
    ct, ch, ca = counts(comments, pmap, tune), counts(comments, pmap, held), counts(comments, pmap, allids)

    # rough share of person spans that name a roster person (token match after accent folding)
    index = roster_index(roster)
    persons = [s["text"] for c in comments for s in c["spans"] if s["kind"] == "person"]
    hits = sum(1 for t in persons if is_roster_mention(t, index))
    share = hits / len(persons) if persons else 0.0

    if markdown:
        print("| | tune | heldout | total |")
        print("|---|---:|---:|---:|")
        for k in ct:
            print(f"| {k} | {ct[k]} | {ch[k]} | {ca[k]} |")
        print()
        print(f"Roster people: {len(roster)}. Person spans whose words all belong to one roster person "
              f"(accent-folded; misspelled and OCR-damaged forms are not counted): {hits}/{len(persons)} = {share:.0%}.")
    else:
        print(f"OK: {ca['comments']} comments ({ca['negative']} neg, {ca['review']} review, {ca['positive']} pos), "
              f"{ca['spans']} spans, roster {len(roster)}, roster-token share of person spans ~{share:.0%}")
    for w in warnings:
        print("warning:", w)
    return 0


if __name__ == "__main__":
    sys.exit(main())
