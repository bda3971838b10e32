#!/usr/bin/env python3
"""Validate the built "tenth" set.

Checks roster.json (against src/roster.txt), comments.jsonl, split.json and
provenance.tsv, plus safety rules (example-only e-mails/URLs, 555-01xx phones).

Usage:
  python3 check.py             # validate, print a short summary
  python3 check.py --markdown  # validate, print the counts table as Markdown
Exit status is non-zero when any error is found.
"""
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
PREFIX = "tenth"
N_EXPECTED = 600
KINDS = ["person", "email", "phone", "url", "address", "school", "district"]
ROSTER_KEYS = ["first", "last", "nickname", "email", "phone", "school", "district", "role"]
ID_RE = re.compile(rf"^{PREFIX}-\d{{4}}$")
EXAMPLE_DOMAIN = re.compile(r"(?:^|\.)example\.(?:org|com|net)$", re.I)
SHORTENERS = {"bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "forms.gle"}
PHONE_LOCAL = re.compile(r"555[\s.\-]?01\d\d(?!\d)")
TITLES = {
    "mr", "ms", "mrs", "miss", "dr", "coach", "principal", "superintendent", "supt", "ap", "rev", "pastor",
    "elder", "deacon", "bishop", "imam", "sheikh", "brother", "sister", "sra", "sr", "don", "doña", "dona",
    "lic", "prof", "mme", "msye", "sgt", "maj", "col", "capt", "lt", "jr", "iii", "ii", "de", "la", "del",
    "los", "bin", "abu", "al", "mister", "madame", "senora", "señora", "mlle", "dra", "profe", "miz",
    "madanm", "doctor", "ustadh", "ustaza", "srta", "mstr", "cpt", "ret",
}

errors = []


def err(msg):
    errors.append(msg)


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def tokens(s):
    return [t for t in re.split(r"[^a-z0-9']+", fold(s).replace("’", "'")) if t]


def check_roster():
    path = HERE / "roster.json"
    try:
        roster = json.loads(path.read_text(encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        err(f"roster.json unreadable: {e}")
        return []
    if not isinstance(roster, list) or not roster:
        err("roster.json must be a non-empty list")
        return []
    src_lines = [l for l in (HERE / "src" / "roster.txt").read_text(encoding="utf-8").splitlines()
                 if l.strip() and not l.lstrip().startswith("#")]
    if len(src_lines) != len(roster):
        err(f"roster.json has {len(roster)} people, src/roster.txt has {len(src_lines)}")
    seen = set()
    for i, p in enumerate(roster):
        if not isinstance(p, dict) or list(p.keys()) != ROSTER_KEYS:
            err(f"roster[{i}] keys must be exactly {ROSTER_KEYS}")
            continue
        for k in ROSTER_KEYS:
            v = p[k]
            if v is not None and (not isinstance(v, str) or not v.strip() or v == "-"):
                err(f"roster[{i}].{k} must be a non-empty string or null")
        if not p["first"] or not p["last"]:
            err(f"roster[{i}] needs first and last")
        if not p["role"]:
            err(f"roster[{i}] needs a role")
        key = (p["first"], p["last"])
        if key in seen:
            err(f"roster[{i}] duplicate person {key}")
        seen.add(key)
        if p["email"]:
            if not re.fullmatch(r"[^@\s]+@[A-Za-z0-9.\-]+", p["email"]) or \
                    not EXAMPLE_DOMAIN.search(p["email"].split("@", 1)[1]):
                err(f"roster[{i}] e-mail not on an example domain: {p['email']}")
        if p["phone"] and not PHONE_LOCAL.search(p["phone"]):
            err(f"roster[{i}] phone not 555-01xx: {p['phone']}")
        if not p["school"] and not p["district"]:
            err(f"roster[{i}] needs a school or a district/agency")
    return roster


def url_host(u):
    u = re.sub(r"^[a-z]+://", "", u.strip(), flags=re.I)
    host = re.split(r"[/?#:]", u, 1)[0].lower()
    return host[4:] if host.startswith("www.") else host


def check_comments():
    path = HERE / "comments.jsonl"
    recs = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            rec = json.loads(line)
        except Exception as e:  # noqa: BLE001
            err(f"comments.jsonl:{n}: bad JSON: {e}")
            continue
        if set(rec.keys()) != {"id", "text", "spans", "review"}:
            err(f"comments.jsonl:{n}: keys must be id,text,spans,review")
            continue
        recs.append(rec)
    ids = [r["id"] for r in recs]
    if len(ids) != len(set(ids)):
        err("duplicate ids in comments.jsonl")
    for i in ids:
        if not ID_RE.match(i):
            err(f"bad id {i}")
    want = {f"{PREFIX}-{k:04d}" for k in range(1, N_EXPECTED + 1)}
    if set(ids) != want:
        err(f"ids are not exactly {PREFIX}-0001..{PREFIX}-{N_EXPECTED:04d} "
            f"(missing {len(want - set(ids))}, extra {len(set(ids) - want)})")
    texts = Counter(r["text"] for r in recs)
    for t, c in texts.items():
        if c > 1:
            err(f"duplicate text x{c}: {t[:60]!r}")
    for r in recs:
        rid, text = r["id"], r["text"]
        if not isinstance(text, str) or not text.strip():
            err(f"{rid}: empty text")
            continue
        if "[[" in text or "]]" in text:
            err(f"{rid}: stray mark brackets in text")
        if not isinstance(r["review"], bool):
            err(f"{rid}: review must be a bool")
        prev_end = -1
        prev_key = (-1, -1)
        for s in r["spans"]:
            if set(s.keys()) != {"start", "end", "kind", "text"}:
                err(f"{rid}: span keys must be start,end,kind,text")
                continue
            st, en = s["start"], s["end"]
            if not (isinstance(st, int) and isinstance(en, int) and 0 <= st < en <= len(text)):
                err(f"{rid}: bad offsets {st}-{en}")
                continue
            if text[st:en] != s["text"]:
                err(f"{rid}: offsets {st}-{en} give {text[st:en]!r}, span says {s['text']!r}")
            if s["text"] != s["text"].strip():
                err(f"{rid}: span has outer whitespace {s['text']!r}")
            if s["kind"] not in KINDS:
                err(f"{rid}: invalid kind {s['kind']!r}")
            if (st, en) < prev_key:
                err(f"{rid}: spans not sorted")
            if st < prev_end:
                err(f"{rid}: overlapping spans at {st}")
            prev_key, prev_end = (st, en), max(prev_end, en)
            # safety rules on the labelled values
            if s["kind"] == "phone":
                digits = re.sub(r"\D", "", s["text"])
                if "55501" not in digits:
                    err(f"{rid}: phone not 555-01xx: {s['text']!r}")
            if s["kind"] == "url":
                host = url_host(s["text"])
                if not (EXAMPLE_DOMAIN.search(host) or host in SHORTENERS):
                    err(f"{rid}: url not on example domain/shortener: {s['text']!r}")
        # any plain @address in the text must be on an example domain
        for m in re.finditer(r"[\w.+\-']+@([A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)", text):
            if not EXAMPLE_DOMAIN.search(m.group(1)):
                err(f"{rid}: e-mail-like text off example domains: {m.group(0)!r}")
        # phone-like numbers anywhere must be 555-01xx ones
        for m in re.finditer(r"(?<![\w.])(?:\(\d{3}\)\s?|\d{3}[\-. /])\d{3}[\-. ]\d{4}(?!\d)", text):
            if not PHONE_LOCAL.search(m.group(0)):
                err(f"{rid}: phone-like number that is not 555-01xx: {m.group(0)!r}")
        # links anywhere must be on example domains or shorteners
        for m in re.finditer(r"(?:https?://|www\.)[^\s<>\"')\]]+", text, re.I):
            host = url_host(m.group(0))
            if not (EXAMPLE_DOMAIN.search(host.rstrip(".,;")) or host in SHORTENERS):
                err(f"{rid}: link off example domains: {m.group(0)!r}")
    return recs


def check_provenance(recs):
    path = HERE / "provenance.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].split("\t") != ["id", "category", "source_file", "block"]:
        err("provenance.tsv header must be id, category, source_file, block")
        return {}
    prov = {}
    src_seen = set()
    for n, line in enumerate(lines[1:], 2):
        cols = line.split("\t")
        if len(cols) != 4:
            err(f"provenance.tsv:{n}: need 4 columns")
            continue
        rid, cat, src, block = cols
        if cat not in ("neg", "review", "pos"):
            err(f"provenance.tsv:{n}: bad category {cat}")
        if not src.startswith(f"src/{cat}_"):
            err(f"provenance.tsv:{n}: source file {src} does not match category {cat}")
        if not (HERE / src).is_file():
            err(f"provenance.tsv:{n}: missing source file {src}")
        if not block.isdigit():
            err(f"provenance.tsv:{n}: bad block {block}")
        if (src, block) in src_seen:
            err(f"provenance.tsv:{n}: duplicate source block {src}:{block}")
        src_seen.add((src, block))
        if rid in prov:
            err(f"provenance.tsv:{n}: duplicate id {rid}")
        prov[rid] = cat
    by_id = {r["id"]: r for r in recs}
    if set(prov) != set(by_id):
        err("provenance ids differ from comments ids")
    for rid, cat in prov.items():
        r = by_id.get(rid)
        if r is None:
            continue
        if r["review"] != (cat == "review"):
            err(f"{rid}: review flag {r['review']} but category {cat}")
        if cat == "neg" and r["spans"]:
            err(f"{rid}: negative comment has spans")
        if cat == "pos" and not r["spans"]:
            err(f"{rid}: positive comment has no spans")
    return prov


def check_split(recs, prov):
    split = json.loads((HERE / "split.json").read_text(encoding="utf-8"))
    if set(split.keys()) != {"tune", "heldout"}:
        err("split.json keys must be tune and heldout")
        return {}
    tune, held = split["tune"], split["heldout"]
    if len(tune) != len(set(tune)) or len(held) != len(set(held)):
        err("split lists contain duplicates")
    if set(tune) & set(held):
        err("tune and heldout overlap")
    all_ids = {r["id"] for r in recs}
    if set(tune) | set(held) != all_ids:
        err("split does not cover exactly the comment ids")
    if abs(len(tune) - len(held)) > 1:
        err(f"split not 50/50: {len(tune)} / {len(held)}")
    for cat in ("neg", "review", "pos"):
        a = sum(1 for i in tune if prov.get(i) == cat)
        b = sum(1 for i in held if prov.get(i) == cat)
        if abs(a - b) > 1:
            err(f"split not stratified for {cat}: {a} / {b}")
    return {"tune": set(tune), "heldout": set(held)}


def roster_share(recs, roster):
    """Approximate share of person spans that refer to a roster person.

    A span counts as a roster reference when every name token (titles dropped)
    matches, exactly or as a close misspelling or an initial, a token of one
    roster person's first / last / nickname.
    """
    import difflib
    people = []
    for p in roster:
        toks = set()
        for k in ("first", "last", "nickname"):
            if p[k]:
                toks.update(t for t in tokens(p[k].replace("-", " ")) if t not in TITLES)
                toks.update(t for t in tokens(p[k]) if t not in TITLES)
        people.append(toks)

    def tok_ok(t, toks):
        if t in toks:
            return True
        if len(t) <= 2 and all(c.isalpha() for c in t):
            # initials such as "jb", "k", "pl"
            return all(any(x.startswith(c) for x in toks) for c in t)
        return len(t) > 3 and any(difflib.SequenceMatcher(None, t, x).ratio() >= 0.8 for x in toks)

    hit = total = 0
    for r in recs:
        for s in r["spans"]:
            if s["kind"] != "person":
                continue
            total += 1
            text = re.sub(r"&#39;", "'", s["text"])
            toks = [t for t in tokens(text.replace("-", " ")) if t not in TITLES and t not in ("s", "ret")]
            if toks and any(all(tok_ok(t, pt) for t in toks) for pt in people):
                hit += 1
    return hit, total


def table(recs, prov, parts):
    rows = []

    def stats(ids):
        sel = [r for r in recs if r["id"] in ids]
        c = Counter(prov.get(r["id"]) for r in sel)
        kinds = Counter(s["kind"] for r in sel for s in r["spans"])
        return {
            "comments": len(sel),
            "negative": c["neg"],
            "review": c["review"],
            "positive": c["pos"],
            "comments with spans": sum(1 for r in sel if r["spans"]),
            "spans": sum(len(r["spans"]) for r in sel),
            **{f"spans: {k}": kinds[k] for k in KINDS},
        }

    t = stats(parts.get("tune", set()))
    h = stats(parts.get("heldout", set()))
    a = stats({r["id"] for r in recs})
    rows.append("| | tune | heldout | total |")
    rows.append("|---|---:|---:|---:|")
    for k in a:
        rows.append(f"| {k} | {t[k]} | {h[k]} | {a[k]} |")
    return "\n".join(rows)


def main(argv):
    markdown = "--markdown" in argv
    roster = check_roster()
    recs = check_comments()
    prov = check_provenance(recs)
    parts = check_split(recs, prov)
    tbl = table(recs, prov, parts)
    readme = HERE / "README.md"
    if not readme.is_file():
        err("README.md missing")
    elif tbl not in readme.read_text(encoding="utf-8"):
        err("README.md does not contain the current counts table (paste the --markdown output)")
    for e in errors:
        print(f"ERROR: {e}", file=sys.stderr)
    hit, total = roster_share(recs, roster)
    if markdown:
        print(tbl)
    else:
        print(f"roster: {len(roster)} people; comments: {len(recs)}")
        print(f"person spans naming a roster person (token match, approx.): {hit}/{total}"
              f" = {100 * hit / max(total, 1):.0f}%")
    if errors:
        print(f"check.py: {len(errors)} error(s)", file=sys.stderr)
        return 1
    if not markdown:
        print("check.py: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
