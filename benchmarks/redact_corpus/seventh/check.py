#!/usr/bin/env python3
"""Validate the built 'seventh' set. Usage: python3 check.py [--markdown]"""
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
PREFIX = "seventh"
N = 600
KINDS = ["person", "email", "phone", "url", "address", "school", "district"]
ROSTER_KEYS = ["first", "last", "nickname", "email", "phone", "school", "district", "role"]
SHORTENERS = {"bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly"}

errors = []


def err(msg):
    errors.append(msg)


# ---------- shape helpers ----------
EX_DOMAIN = re.compile(r"^([a-z0-9-]+\.)*example\.(org|com|net)$")


def undodge_email(s):
    t = s.lower()
    t = re.sub(r"\s*(\[at\]|\(at\)|\{at\}|<at>|\bat\b)\s*", "@", t)
    t = re.sub(r"\s*(\[dot\]|\(dot\)|\{dot\}|<dot>|\bdot\b)\s*", ".", t)
    t = re.sub(r"\s+", "", t)
    return t


def email_ok(s):
    t = undodge_email(s)
    m = re.fullmatch(r"[a-z0-9._%+'-]+@([a-z0-9.-]+)", t)
    return bool(m) and bool(EX_DOMAIN.match(m.group(1)))


PHONE_RE = re.compile(
    r"^(\+?1[\s.-]?)?"                       # optional country code
    r"(\(\d{3}\)\s?|\d{3}\s?[\s./-]?\s?)?"   # optional area code
    r"555[\s.-]?01\d\d"                      # 555-01xx
    r"(\s*,?\s*(ext\.?|extension|x|#)\s*\d{1,5})?$",
    re.I)


def phone_ok(s):
    if not PHONE_RE.match(s):
        return False
    digits = re.sub(r"(?i)(ext\.?|extension|x|#).*$", "", s)
    digits = re.sub(r"\D", "", digits)
    return len(digits) in (7, 10, 11)


def url_ok(s):
    t = s.strip()
    t = re.sub(r"(?i)^https?://", "", t)
    t = re.sub(r"(?i)^www\.", "", t)
    host, _, path = t.partition("/")
    host = host.lower().split(":")[0]
    if EX_DOMAIN.match(host):
        return True
    if host in SHORTENERS and path.strip("/"):
        return True
    return False


LEFTOVER = [
    ("email", re.compile(r"[\w.+-]+\s*@\s*[\w-]+(\s*\.\s*[\w-]+)+")),
    ("email", re.compile(r"(?i)[\w.+-]+\s*(\[at\]|\(at\)|\{at\})\s*[\w-]+")),
    ("email", re.compile(r"(?i)\b[\w.-]+\s+at\s+[\w.-]+(\s+dot\s+[\w-]+)*\s+dot\s+(com|org|net|edu|gov)\b")),
    ("url", re.compile(r"(?i)https?://")),
    ("url", re.compile(r"(?i)\bwww\.")),
    ("url", re.compile(r"(?i)\b(bit\.ly|tinyurl\.com|t\.co|goo\.gl|ow\.ly)\b")),
    ("url", re.compile(r"(?i)\b[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|org|net|gov|edu|us|io|info)\b")),
    ("example", re.compile(r"(?i)\bexample(\.[a-z]|\s*(\[dot\]|\(dot\)|\{dot\})|\s+dot\s+[a-z])")),
    ("phone", re.compile(r"(\+?1[\s.-]?)?\(?\b\d{3}\)?[\s./-]?\d{3}[\s.-]\d{4}\b")),
    ("phone", re.compile(r"\b\d{3}[-.]\d{4}\b")),
    ("phone", re.compile(r"\b\d{10}\b")),
    ("phone", re.compile(r"\b555[\s.-]?01\d\d\b")),
]


def main():
    md = "--markdown" in sys.argv[1:]
    # ---------- roster ----------
    try:
        with open(os.path.join(HERE, "roster.json"), encoding="utf-8") as fh:
            roster = json.load(fh)
    except Exception as exc:  # noqa: BLE001
        err(f"roster.json unreadable: {exc}")
        roster = []
    if not isinstance(roster, list) or len(roster) != 140:
        err(f"roster.json: expected list of 140, got {len(roster) if isinstance(roster, list) else type(roster)}")
    emails, phones = Counter(), Counter()
    for i, r in enumerate(roster):
        if not isinstance(r, dict) or list(r.keys()) != ROSTER_KEYS:
            err(f"roster[{i}] keys wrong: {list(r.keys()) if isinstance(r, dict) else r}")
            continue
        for k in ROSTER_KEYS:
            if r[k] is not None and (not isinstance(r[k], str) or not r[k].strip() or r[k] == "-"):
                err(f"roster[{i}].{k} bad value {r[k]!r}")
        for k in ("first", "last", "role"):
            if r[k] is None:
                err(f"roster[{i}].{k} is null")
        if r.get("email"):
            if not email_ok(r["email"]) or "@" not in r["email"]:
                err(f"roster[{i}] email not on example domain: {r['email']}")
            emails[r["email"].lower()] += 1
        if r.get("phone"):
            if not phone_ok(r["phone"]):
                err(f"roster[{i}] phone bad shape: {r['phone']}")
            phones[re.sub(r"\D", "", r["phone"])[-10:]] += 1
    for e, c in emails.items():
        if c > 1:
            err(f"roster e-mail not unique: {e}")
    for p, c in phones.items():
        if c > 1:
            err(f"roster phone not unique: {p}")

    # ---------- comments ----------
    comments = []
    with open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            try:
                comments.append(json.loads(line))
            except json.JSONDecodeError as exc:
                err(f"comments.jsonl line {n}: {exc}")
    prov = {}
    with open(os.path.join(HERE, "provenance.tsv"), encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        if header[:2] != ["id", "category"]:
            err(f"provenance.tsv header unexpected: {header}")
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            prov[parts[0]] = parts
    expected_ids = [f"{PREFIX}-{i:04d}" for i in range(1, N + 1)]
    ids = [c.get("id") for c in comments]
    if len(ids) != len(set(ids)):
        err("duplicate ids")
    if sorted(ids) != expected_ids:
        err("ids are not exactly seventh-0001..0600")
    texts = Counter(c.get("text") for c in comments)
    for t, k in texts.items():
        if k > 1:
            err(f"duplicate text ({k}x): {t[:60]!r}")
    cat_of = {}
    for c in comments:
        cid = c.get("id")
        if set(c.keys()) != {"id", "text", "spans", "review"}:
            err(f"{cid}: keys {sorted(c.keys())}")
            continue
        text = c["text"]
        if not isinstance(text, str) or not text.strip():
            err(f"{cid}: empty text")
            continue
        if text != text.strip():
            err(f"{cid}: text has outer whitespace")
        if not isinstance(c["review"], bool):
            err(f"{cid}: review not bool")
        p = prov.get(cid)
        if not p:
            err(f"{cid}: missing from provenance.tsv")
            cat = "?"
        else:
            cat = p[1]
            src = p[2]
            if not os.path.basename(src).startswith(cat + "_"):
                err(f"{cid}: category {cat} does not match file {src}")
        cat_of[cid] = cat
        if c["review"] != (cat == "review"):
            err(f"{cid}: review flag {c['review']} but category {cat}")
        spans = c["spans"]
        if cat == "neg" and spans:
            err(f"{cid}: negative comment has spans")
        if cat == "pos" and not spans:
            err(f"{cid}: positive comment without spans")
        prev_end = -1
        mask = list(text)
        for s in spans:
            if set(s.keys()) != {"start", "end", "kind", "text"}:
                err(f"{cid}: span keys {sorted(s.keys())}")
                continue
            st, en, kind, stext = s["start"], s["end"], s["kind"], s["text"]
            if kind not in KINDS:
                err(f"{cid}: bad kind {kind}")
            if not (isinstance(st, int) and isinstance(en, int) and 0 <= st < en <= len(text)):
                err(f"{cid}: bad offsets {st},{en}")
                continue
            if text[st:en] != stext:
                err(f"{cid}: text[start:end] != span text ({stext!r})")
            if stext != stext.strip():
                err(f"{cid}: span with outer whitespace {stext!r}")
            if st < prev_end:
                err(f"{cid}: spans overlap or unsorted at {stext!r}")
            prev_end = en
            for i in range(st, en):
                mask[i] = "\u2588"
            if kind == "person" and re.search(r"['\u2019][sS]$", stext):
                err(f"{cid}: possessive inside person span {stext!r}")
            if kind == "email" and not email_ok(stext):
                err(f"{cid}: e-mail not on example domain / bad shape {stext!r}")
            if kind == "email" and re.match(r"(?i)^mailto:|^<|>$", stext):
                err(f"{cid}: mailto/angle bracket inside e-mail span {stext!r}")
            if kind == "phone" and not phone_ok(stext):
                err(f"{cid}: phone shape not allowed {stext!r}")
            if kind == "url" and not url_ok(stext):
                err(f"{cid}: url not on example/shortener domain {stext!r}")
            if kind == "url" and re.search(r"[.,;:!?)>\]]$", stext):
                err(f"{cid}: url ends with punctuation {stext!r}")
        outside = "".join(mask)
        for label, rx in LEFTOVER:
            m = rx.search(outside)
            if m:
                err(f"{cid}: {label}-like text outside spans: {m.group(0)!r}")

    # ---------- split ----------
    with open(os.path.join(HERE, "split.json"), encoding="utf-8") as fh:
        split = json.load(fh)
    if set(split.keys()) != {"tune", "heldout"}:
        err(f"split.json keys {list(split.keys())}")
    tune, held = split.get("tune", []), split.get("heldout", [])
    if len(tune) != 300 or len(held) != 300:
        err(f"split sizes {len(tune)}/{len(held)}")
    allsplit = tune + held
    if len(allsplit) != len(set(allsplit)) or sorted(allsplit) != expected_ids:
        err("split does not cover every id exactly once")
    half_of = {i: "tune" for i in tune}
    half_of.update({i: "heldout" for i in held})
    cats = ["neg", "review", "pos"]
    for cat in cats:
        a = sum(1 for i in tune if cat_of.get(i) == cat)
        b = sum(1 for i in held if cat_of.get(i) == cat)
        if abs(a - b) > 1:
            err(f"split unbalanced for {cat}: {a}/{b}")
    catcount = Counter(cat_of.values())
    for cat, want in (("neg", 230), ("review", 60), ("pos", 310)):
        if catcount.get(cat, 0) != want:
            err(f"category {cat}: {catcount.get(cat, 0)} comments, expected {want}")

    # ---------- report ----------
    table = {h: Counter() for h in ("tune", "heldout")}
    for c in comments:
        h = half_of.get(c["id"])
        if h is None:
            continue
        table[h]["c_" + cat_of.get(c["id"], "?")] += 1
        table[h]["comments"] += 1
        if c["spans"]:
            table[h]["c_with_spans"] += 1
        for s in c["spans"]:
            table[h]["k_" + s["kind"]] += 1
            table[h]["spans"] += 1
    rows = [("comments", "comments"), ("negative", "c_neg"), ("review", "c_review"),
            ("positive", "c_pos"), ("comments with spans", "c_with_spans"), ("spans", "spans")]
    rows += [(k, "k_" + k) for k in KINDS]
    if md:
        print("| | tune | heldout | total |")
        print("|---|---:|---:|---:|")
        for label, key in rows:
            a, b = table["tune"][key], table["heldout"][key]
            name = f"spans: {label}" if key.startswith("k_") else label
            print(f"| {name} | {a} | {b} | {a + b} |")
    else:
        tot = table["tune"] + table["heldout"]
        print("totals:", ", ".join(f"{label}={tot[key]}" for label, key in rows))
    if errors:
        for e in errors[:300]:
            print("ERROR:", e, file=sys.stderr)
        print(f"{len(errors)} error(s)", file=sys.stderr)
        sys.exit(1)
    print("OK: all checks passed", file=sys.stderr)


if __name__ == "__main__":
    main()
