#!/usr/bin/env python3
"""Validate the built "eleventh" set. Usage: python3 check.py [--markdown]

Checks: every comment's spans match its text at the given offsets, kinds are valid, spans are
sorted and do not overlap, ids are unique and well formed, review flags agree with provenance,
negatives carry no spans, the split is complete, disjoint and 50/50 per category, roster rows have
all fields, and every e-mail, phone and URL (in the roster and in spans) uses only the safe
fictional shapes. --markdown prints the counts table.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = ["person", "email", "phone", "url", "address", "school", "district"]
ROSTER_KEYS = ["first", "last", "nickname", "email", "phone", "school", "district", "role"]
ID_RE = re.compile(r"^eleventh-\d{4}$")
SAFE_URL_HOSTS = ("bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "forms.gle", "rb.gy", "shorturl.at")
errors = []


def err(msg):
    errors.append(msg)


def norm_email(s):
    t = s.lower()
    t = re.sub(r"\s*[\(\[\{]\s*at\s*[\)\]\}]\s*", "@", t)
    t = re.sub(r"\s*[\(\[\{]\s*dot\s*[\)\]\}]\s*", ".", t)
    t = re.sub(r"\s+at\s+", "@", t)
    t = re.sub(r"\s+dot\s+", ".", t)
    t = re.sub(r"\s*@\s*", "@", t)
    t = re.sub(r"\s*\.\s*", ".", t)
    return t


def email_ok(s):
    t = norm_email(s)
    m = re.match(r"^[^@\s]+@([a-z0-9.\-]+)$", t)
    if not m:
        return False
    host = m.group(1)
    return any(host == d or host.endswith("." + d) for d in ("example.org", "example.com", "example.net"))


def phone_ok(s):
    digits = re.sub(r"\D", "", re.split(r"(?i)\s*(?:ext\.?|x)\s*\d+$", s)[0])
    return bool(re.search(r"55501\d\d$", digits))


def url_ok(s):
    t = s.lower()
    t = re.sub(r"^[a-z]+://", "", t)
    host = re.split(r"[/?#:]", t, 1)[0]
    if host.startswith("www."):
        host = host[4:]
    if host in SAFE_URL_HOSTS:
        return True
    return any(host == d or host.endswith("." + d) for d in ("example.org", "example.com", "example.net"))


def load():
    comments = []
    with open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            try:
                comments.append(json.loads(line))
            except ValueError as exc:
                err("comments.jsonl line %d: %s" % (n, exc))
    with open(os.path.join(HERE, "split.json"), encoding="utf-8") as fh:
        split = json.load(fh)
    with open(os.path.join(HERE, "roster.json"), encoding="utf-8") as fh:
        roster = json.load(fh)
    prov = {}
    with open(os.path.join(HERE, "provenance.tsv"), encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        if header != ["id", "category", "source_file", "block"]:
            err("provenance.tsv: bad header %r" % header)
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4:
                err("provenance.tsv: bad row %r" % line)
                continue
            prov[parts[0]] = parts
    return comments, split, roster, prov


def check_comments(comments, prov):
    ids = set()
    for c in comments:
        cid = c.get("id")
        if set(c) != {"id", "text", "spans", "review"}:
            err("%s: keys %r" % (cid, sorted(c)))
        if not isinstance(cid, str) or not ID_RE.match(cid):
            err("bad id %r" % cid)
        if cid in ids:
            err("duplicate id %s" % cid)
        ids.add(cid)
        text = c.get("text", "")
        if not isinstance(text, str) or not text.strip():
            err("%s: empty text" % cid)
        if "[[" in text or "]]" in text:
            err("%s: leftover mark brackets" % cid)
        if not isinstance(c.get("review"), bool):
            err("%s: review not bool" % cid)
        p = prov.get(cid)
        if p is None:
            err("%s: missing from provenance" % cid)
        else:
            cat = p[1]
            if cat not in ("neg", "review", "pos"):
                err("%s: bad category %s" % (cid, cat))
            if c.get("review") != (cat == "review"):
                err("%s: review flag disagrees with category %s" % (cid, cat))
            if cat == "neg" and c.get("spans"):
                err("%s: negative with spans" % cid)
            if cat == "pos" and not c.get("spans"):
                err("%s: positive without spans" % cid)
            if not p[2].startswith("src/" + cat + "_"):
                err("%s: source file %s does not match category" % (cid, p[2]))
        prev_end = -1
        prev_start = -1
        for s in c.get("spans", []):
            if set(s) != {"start", "end", "kind", "text"}:
                err("%s: span keys %r" % (cid, sorted(s)))
                continue
            st, en = s["start"], s["end"]
            if not (isinstance(st, int) and isinstance(en, int) and 0 <= st < en <= len(text)):
                err("%s: bad offsets %r" % (cid, s))
                continue
            if text[st:en] != s["text"]:
                err("%s: offsets do not match text %r vs %r" % (cid, text[st:en], s["text"]))
            if s["text"] != s["text"].strip():
                err("%s: span with edge whitespace %r" % (cid, s["text"]))
            if s["kind"] not in KINDS:
                err("%s: bad kind %r" % (cid, s["kind"]))
            if st < prev_start:
                err("%s: spans not sorted" % cid)
            if st < prev_end:
                err("%s: overlapping spans at %d" % (cid, st))
            prev_start, prev_end = st, en
            if s["kind"] == "email" and not email_ok(s["text"]):
                err("%s: unsafe or malformed email %r" % (cid, s["text"]))
            if s["kind"] == "phone" and not phone_ok(s["text"]):
                err("%s: phone not in 555-01xx %r" % (cid, s["text"]))
            if s["kind"] == "url" and not url_ok(s["text"]):
                err("%s: url not on an example domain or shortener %r" % (cid, s["text"]))
    if set(prov) != ids:
        err("provenance ids differ from comment ids")
    return ids


def check_split(split, ids, prov):
    if set(split) != {"tune", "heldout"}:
        err("split.json keys %r" % sorted(split))
        return
    t, h = split["tune"], split["heldout"]
    if len(set(t)) != len(t) or len(set(h)) != len(h):
        err("duplicates inside a split")
    if set(t) & set(h):
        err("tune and heldout overlap")
    if set(t) | set(h) != ids:
        err("split does not cover exactly the comment ids")
    for cat in ("neg", "review", "pos"):
        a = sum(1 for i in t if prov.get(i, [0, ""])[1] == cat)
        b = sum(1 for i in h if prov.get(i, [0, ""])[1] == cat)
        if abs(a - b) > 1:
            err("split not stratified for %s: %d vs %d" % (cat, a, b))


def check_roster(roster):
    if not isinstance(roster, list) or not roster:
        err("roster.json empty or not a list")
        return
    seen = set()
    for n, r in enumerate(roster, 1):
        if list(r) != ROSTER_KEYS:
            err("roster row %d keys %r" % (n, list(r)))
            continue
        if not r["first"] or not r["last"] or not r["role"]:
            err("roster row %d: first, last and role are required" % n)
        for k in ROSTER_KEYS:
            v = r[k]
            if v is not None and (not isinstance(v, str) or not v.strip() or v == "-"):
                err("roster row %d: bad %s %r" % (n, k, v))
        if r["email"] is not None and not email_ok(r["email"]):
            err("roster row %d: unsafe email %r" % (n, r["email"]))
        if r["phone"] is not None and not phone_ok(r["phone"]):
            err("roster row %d: unsafe phone %r" % (n, r["phone"]))
        key = (r["first"], r["last"])
        if key in seen:
            err("roster row %d: duplicate person %r" % (n, key))
        seen.add(key)


def table(comments, split, prov):
    by_id = {c["id"]: c for c in comments}
    parts = {"tune": split["tune"], "heldout": split["heldout"],
             "total": split["tune"] + split["heldout"]}
    rows = [("comments", lambda cs: len(cs)),
            ("negative", lambda cs: sum(1 for c in cs if prov[c["id"]][1] == "neg")),
            ("review", lambda cs: sum(1 for c in cs if prov[c["id"]][1] == "review")),
            ("positive", lambda cs: sum(1 for c in cs if prov[c["id"]][1] == "pos")),
            ("comments with spans", lambda cs: sum(1 for c in cs if c["spans"])),
            ("review comments with spans", lambda cs: sum(1 for c in cs if c["review"] and c["spans"])),
            ("spans", lambda cs: sum(len(c["spans"]) for c in cs))]
    for k in KINDS:
        rows.append(("spans: " + k, lambda cs, k=k: sum(1 for c in cs for s in c["spans"] if s["kind"] == k)))
    out = ["| | tune | heldout | total |", "|---|---:|---:|---:|"]
    for name, fn in rows:
        vals = [fn([by_id[i] for i in parts[p] if i in by_id]) for p in ("tune", "heldout", "total")]
        out.append("| %s | %d | %d | %d |" % (name, vals[0], vals[1], vals[2]))
    return "\n".join(out)


def main():
    comments, split, roster, prov = load()
    ids = check_comments(comments, prov)
    check_split(split, ids, prov)
    check_roster(roster)
    if errors:
        for e in errors[:200]:
            print("ERROR: " + e)
        print("%d error(s)" % len(errors))
        sys.exit(1)
    if "--markdown" in sys.argv[1:]:
        print(table(comments, split, prov))
    else:
        print("ok: %d comments, %d roster rows, tune %d / heldout %d" % (
            len(comments), len(roster), len(split["tune"]), len(split["heldout"])))


if __name__ == "__main__":
    main()
