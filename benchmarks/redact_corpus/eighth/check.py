#!/usr/bin/env python3
"""Validate the built "eighth" set; with --markdown print a counts table.

Checks roster.json, comments.jsonl, split.json and provenance.tsv:
offsets match text, kinds valid, spans sorted / non-overlapping / trimmed, ids unique and
well formed, split complete, disjoint, balanced and stratified, provenance consistent,
roster fields well formed, and the safety rules (example e-mail domains, 555-01xx phones,
example or shortener URLs, no unlabelled contact details). Standard library only.
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
PREFIX = "eighth"
N_EXPECTED = 600
KINDS = ["person", "email", "phone", "url", "address", "school", "district"]
CATEGORIES = ["neg", "review", "pos"]
ROSTER_KEYS = ["first", "last", "nickname", "email", "phone", "school", "district", "role"]
SHORTENERS = {"bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "forms.gle"}
EXAMPLE_HOST = re.compile(r"(^|\.)example\.(org|com|net)$")

errors = []


def err(msg):
    errors.append(msg)


def norm_email(s):
    t = s.lower()
    t = re.sub(r"\s*[\(\[\{]\s*at\s*[\)\]\}]\s*", "@", t)
    t = re.sub(r"\s*[\(\[\{]\s*dot\s*[\)\]\}]\s*", ".", t)
    t = re.sub(r"\s+at\s+", "@", t)
    t = re.sub(r"\s+dot\s+", ".", t)
    t = re.sub(r"\s+", "", t)
    return t


def email_ok(s):
    t = norm_email(s)
    if t.count("@") != 1:
        return False
    return bool(EXAMPLE_HOST.search(t.split("@")[1]))


def phone_ok(s):
    return re.search(r"55501\d\d", re.sub(r"\D", "", s)) is not None


def url_ok(s):
    t = s.lower()
    t = re.sub(r"^[a-z]+://", "", t)
    host = re.split(r"[/?#:]", t, 1)[0]
    if host.startswith("www."):
        host = host[4:]
    return host in SHORTENERS or bool(EXAMPLE_HOST.search(host))


def load_jsonl(path):
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            err(f"comments.jsonl line {n}: blank line")
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as e:
            err(f"comments.jsonl line {n}: bad JSON ({e})")
    return rows


def check_roster():
    roster = json.loads((HERE / "roster.json").read_text(encoding="utf-8"))
    if not isinstance(roster, list) or not roster:
        err("roster.json: not a non-empty list")
        return []
    for i, p in enumerate(roster):
        if not isinstance(p, dict) or list(p.keys()) != ROSTER_KEYS:
            err(f"roster[{i}]: keys must be exactly {ROSTER_KEYS}")
            continue
        for k in ROSTER_KEYS:
            v = p[k]
            if v is not None and (not isinstance(v, str) or not v.strip() or v != v.strip()):
                err(f"roster[{i}].{k}: must be a trimmed non-empty string or null")
        if not p["first"] or not p["last"]:
            err(f"roster[{i}]: first and last are required")
        if p["email"] and not email_ok(p["email"]):
            err(f"roster[{i}]: e-mail not on an example domain: {p['email']}")
        if p["phone"] and not phone_ok(p["phone"]):
            err(f"roster[{i}]: phone not a 555-01xx number: {p['phone']}")
        if not p["role"]:
            err(f"roster[{i}]: role missing")
    full = Counter((p["first"], p["last"]) for p in roster if isinstance(p, dict))
    for name, c in full.items():
        if c > 1:
            err(f"roster: duplicate person {name}")
    emails = Counter(p["email"] for p in roster if isinstance(p, dict) and p["email"])
    for e, c in emails.items():
        if c > 1:
            err(f"roster: duplicate e-mail {e}")
    return roster


def covered(spans, a, b, kinds):
    return any(s["start"] <= a and b <= s["end"] and s["kind"] in kinds for s in spans)


def check_comments():
    rows = load_jsonl(HERE / "comments.jsonl")
    ids = [r.get("id") for r in rows]
    if len(rows) != N_EXPECTED:
        err(f"comments.jsonl: {len(rows)} comments, expected {N_EXPECTED}")
    dup = [i for i, c in Counter(ids).items() if c > 1]
    if dup:
        err(f"comments.jsonl: duplicate ids {dup[:5]}")
    expected_ids = {f"{PREFIX}-{n:04d}" for n in range(1, N_EXPECTED + 1)}
    if set(ids) != expected_ids:
        err("comments.jsonl: ids are not exactly eighth-0001..eighth-0600")
    for r in rows:
        rid = r.get("id")
        if set(r.keys()) != {"id", "text", "spans", "review"}:
            err(f"{rid}: keys must be id, text, spans, review")
            continue
        text, spans = r["text"], r["spans"]
        if not isinstance(text, str) or not text.strip():
            err(f"{rid}: empty text")
            continue
        if not isinstance(r["review"], bool):
            err(f"{rid}: review must be boolean")
        if "[[" in text or "]]" in text:
            err(f"{rid}: literal [[ or ]] in text")
        prev_end, prev_key = -1, (-1, -1)
        for s in spans:
            if set(s.keys()) != {"start", "end", "kind", "text"}:
                err(f"{rid}: span keys must be start, end, kind, text")
                continue
            a, b, kind = s["start"], s["end"], s["kind"]
            if not (isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= len(text)):
                err(f"{rid}: bad offsets {a}-{b}")
                continue
            if kind not in KINDS:
                err(f"{rid}: bad kind {kind}")
            if text[a:b] != s["text"]:
                err(f"{rid}: offsets {a}-{b} give {text[a:b]!r}, span says {s['text']!r}")
            if s["text"] != s["text"].strip():
                err(f"{rid}: span has outer whitespace {s['text']!r}")
            if (a, b) < prev_key:
                err(f"{rid}: spans not sorted")
            if a < prev_end:
                err(f"{rid}: overlapping spans at {a}")
            prev_end, prev_key = max(prev_end, b), (a, b)
            if kind == "email" and not email_ok(s["text"]):
                err(f"{rid}: e-mail span not on an example domain: {s['text']!r}")
            if kind == "phone" and not phone_ok(s["text"]):
                err(f"{rid}: phone span is not a 555-01xx number: {s['text']!r}")
            if kind == "url" and not url_ok(s["text"]):
                err(f"{rid}: url span not on an example domain or shortener: {s['text']!r}")
        # safety / completeness: contact details must sit inside a span of the right kind
        for m in re.finditer(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", text):
            if not covered(spans, m.start(), m.end(), {"email"}):
                err(f"{rid}: unlabelled e-mail {m.group()!r}")
        for m in re.finditer(r"555[\s.\-]?01\d\d", text):
            if not covered(spans, m.start(), m.end(), {"phone"}):
                err(f"{rid}: unlabelled 555-01xx number {m.group()!r}")
        for m in re.finditer(r"(https?://|www\.)\S+|\b(bit\.ly|tinyurl\.com|t\.co|goo\.gl|ow\.ly|forms\.gle)/\S+", text):
            if not covered(spans, m.start(), m.start() + 4, {"url"}):
                err(f"{rid}: unlabelled link {m.group()!r}")
        for m in re.finditer(r"\b[\w.-]+\.(?:com|org|net|gov|edu)\b", text, re.I):
            host = m.group().lower()
            if not (EXAMPLE_HOST.search(host) or host in SHORTENERS) and "@" not in text[max(0, m.start()-1):m.start()]:
                err(f"{rid}: non-example domain in text {m.group()!r}")
    return rows


def check_provenance(rows):
    lines = (HERE / "provenance.tsv").read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].split("\t") != ["id", "category", "source_file", "block"]:
        err("provenance.tsv: bad header")
        return {}
    prov = {}
    for n, line in enumerate(lines[1:], 2):
        parts = line.split("\t")
        if len(parts) != 4:
            err(f"provenance.tsv line {n}: expected 4 columns")
            continue
        rid, cat, src, block = parts
        if cat not in CATEGORIES:
            err(f"provenance.tsv line {n}: bad category {cat}")
        if not re.fullmatch(r"src/(neg|review|pos)_[\w-]+\.txt", src) or not src[4:].startswith(cat + "_"):
            err(f"provenance.tsv line {n}: bad source file {src}")
        elif not (HERE / src).exists():
            err(f"provenance.tsv line {n}: source file missing {src}")
        if not block.isdigit():
            err(f"provenance.tsv line {n}: bad block {block}")
        if rid in prov:
            err(f"provenance.tsv: duplicate id {rid}")
        prov[rid] = cat
    byid = {r["id"]: r for r in rows if "id" in r}
    if set(prov) != set(byid):
        err("provenance.tsv: ids do not match comments.jsonl")
    for rid, cat in prov.items():
        r = byid.get(rid)
        if not r:
            continue
        if r.get("review") != (cat == "review"):
            err(f"{rid}: review flag does not match category {cat}")
        if cat == "neg" and r.get("spans"):
            err(f"{rid}: negative comment has spans")
        if cat == "pos" and not r.get("spans"):
            err(f"{rid}: positive comment has no spans")
    return prov


def check_split(rows, prov):
    split = json.loads((HERE / "split.json").read_text(encoding="utf-8"))
    if set(split.keys()) != {"tune", "heldout"}:
        err("split.json: keys must be tune and heldout")
        return split
    t, h = split["tune"], split["heldout"]
    if len(set(t)) != len(t) or len(set(h)) != len(h):
        err("split.json: duplicate ids inside a half")
    if set(t) & set(h):
        err("split.json: halves overlap")
    allids = {r["id"] for r in rows if "id" in r}
    if set(t) | set(h) != allids:
        err("split.json: halves do not cover all ids")
    if len(t) != len(h):
        err(f"split.json: halves unequal ({len(t)} / {len(h)})")
    for cat in CATEGORIES:
        ct = sum(1 for i in t if prov.get(i) == cat)
        ch = sum(1 for i in h if prov.get(i) == cat)
        if abs(ct - ch) > 1:
            err(f"split.json: category {cat} not stratified ({ct} / {ch})")
    return split


def counts(rows, prov, ids):
    sel = [r for r in rows if r["id"] in ids]
    c = Counter()
    c["comments"] = len(sel)
    for r in sel:
        c[prov.get(r["id"])] += 1
        if r["spans"]:
            c["with_spans"] += 1
        c["spans"] += len(r["spans"])
        for s in r["spans"]:
            c["k_" + s["kind"]] += 1
    return c


def markdown(rows, prov, split):
    cols = [counts(rows, prov, set(split["tune"])), counts(rows, prov, set(split["heldout"])),
            counts(rows, prov, {r["id"] for r in rows})]
    lines = ["| | tune | heldout | total |", "|---|---:|---:|---:|"]
    labels = [("comments", "comments"), ("negative", "neg"), ("review", "review"),
              ("positive", "pos"), ("comments with spans", "with_spans"), ("spans", "spans")]
    labels += [(f"spans: {k}", "k_" + k) for k in KINDS]
    for label, key in labels:
        lines.append(f"| {label} | " + " | ".join(str(c[key]) for c in cols) + " |")
    return "\n".join(lines)


def main():
    for name in ("roster.json", "comments.jsonl", "split.json", "provenance.tsv", "README.md"):
        if not (HERE / name).exists():
            err(f"missing {name}")
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    roster = check_roster()
    rows = check_comments()
    prov = check_provenance(rows)
    split = check_split(rows, prov)
    if errors:
        print(f"check.py: {len(errors)} problem(s)")
        print("\n".join(errors[:200]))
        sys.exit(1)
    if "--markdown" in sys.argv:
        print(markdown(rows, prov, split))
    else:
        c = counts(rows, prov, {r["id"] for r in rows})
        print(f"check.py: OK - {c['comments']} comments ({c['neg']} neg / {c['review']} review / "
              f"{c['pos']} pos), {c['spans']} spans, {len(roster)} roster people")


if __name__ == "__main__":
    main()
