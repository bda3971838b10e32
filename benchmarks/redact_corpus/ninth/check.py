#!/usr/bin/env python3
"""Validate the built "ninth" set.

  python3 check.py              validate, print a short summary (exit 1 on any error)
  python3 check.py --markdown   validate, then print the counts table in Markdown

Checks: roster.json fields and values (and agreement with src/roster.txt), comments.jsonl
record shape, unique and contiguous ids, span offsets matching the text, valid kinds, sorted
non-overlapping spans, review flag vs provenance, negatives without spans, positives with
spans, split.json complete / disjoint / stratified, provenance.tsv complete, and safety
(e-mails only on example domains, phones only 555-01xx, links only on example domains or
shorteners, no unlabelled e-mail or 555 number left in any text, no stray '[[' or ']]').
Standard library only.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = ["person", "email", "phone", "url", "address", "school", "district"]
ROSTER_FIELDS = ["first", "last", "nickname", "email", "phone", "school", "district", "role"]
ID_RE = re.compile(r"^ninth-\d{4}$")
URL_HOSTS = ("bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "forms.gle")
EXAMPLE_TLDS = ("example.org", "example.com", "example.net")

errors = []


def err(msg):
    errors.append(msg)


def load_json(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as fh:
        return json.load(fh)


def email_ok(s):
    t = s.lower()
    t = re.sub(r"\s*[\(\[\{]\s*at\s*[\)\]\}]\s*", "@", t)
    t = re.sub(r"\s*[\(\[\{]\s*dot\s*[\)\]\}]\s*", ".", t)
    t = re.sub(r"\s+at\s+", "@", t)
    t = re.sub(r"\s+dot\s+", ".", t)
    t = t.replace(" ", "")
    m = re.fullmatch(r"[^@]+@([a-z0-9.-]+)", t)
    if not m:
        return False
    host = m.group(1)
    return any(host == d or host.endswith("." + d) for d in EXAMPLE_TLDS)


def phone_ok(s):
    return re.search(r"555\D{0,3}01\d\d(?!\d)", s) is not None


def url_ok(s):
    t = s.lower()
    t = re.sub(r"^[a-z]+://", "", t)
    host = re.split(r"[/?#]", t, 1)[0]
    host = host.split(":")[0]
    if host.startswith("www."):
        host = host[4:]
    if host in URL_HOSTS:
        return True
    return any(host == d or host.endswith("." + d) for d in EXAMPLE_TLDS)


def check_roster():
    roster = load_json("roster.json")
    if not isinstance(roster, list) or not roster:
        err("roster.json: not a non-empty list")
        return []
    for i, r in enumerate(roster):
        if not isinstance(r, dict) or list(r.keys()) != ROSTER_FIELDS:
            err(f"roster.json[{i}]: keys {list(r) if isinstance(r, dict) else r!r}")
            continue
        for k in ROSTER_FIELDS:
            v = r[k]
            if v is not None and (not isinstance(v, str) or not v.strip() or v == "-"):
                err(f"roster.json[{i}].{k}: bad value {v!r}")
        for k in ("first", "last", "role"):
            if r[k] is None:
                err(f"roster.json[{i}].{k} is null")
        if r["email"] is not None and not email_ok(r["email"]):
            err(f"roster.json[{i}]: e-mail not on an example domain: {r['email']}")
        if r["phone"] is not None and not phone_ok(r["phone"]):
            err(f"roster.json[{i}]: phone not 555-01xx: {r['phone']}")
    # agreement with the source
    src = []
    with open(os.path.join(HERE, "src", "roster.txt"), encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            parts = [p.strip() for p in line.split("|")]
            src.append({k: (None if v == "-" else v) for k, v in zip(ROSTER_FIELDS, parts)})
    if src != roster:
        err("roster.json does not match src/roster.txt (re-run build.py)")
    names = [(r["first"], r["last"]) for r in roster]
    if len(set(names)) != len(names):
        err("roster.json: duplicate first+last")
    emails = [r["email"] for r in roster if r["email"]]
    if len(set(emails)) != len(emails):
        err("roster.json: duplicate e-mail")
    return roster


def check_comments():
    comments = []
    with open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                err(f"comments.jsonl:{n}: blank line")
                continue
            try:
                c = json.loads(line)
            except ValueError as e:
                err(f"comments.jsonl:{n}: bad JSON ({e})")
                continue
            comments.append(c)
    ids = []
    for c in comments:
        if not isinstance(c, dict) or list(c.keys()) != ["id", "text", "spans", "review"]:
            err(f"comment keys {list(c) if isinstance(c, dict) else c!r}")
            continue
        cid, text, spans = c["id"], c["text"], c["spans"]
        ids.append(cid)
        if not isinstance(cid, str) or not ID_RE.match(cid):
            err(f"bad id {cid!r}")
        if not isinstance(c["review"], bool):
            err(f"{cid}: review is not a bool")
        if not isinstance(text, str) or not text.strip():
            err(f"{cid}: empty text")
            continue
        if text != text.strip():
            err(f"{cid}: text has outer whitespace")
        if unicodedata.normalize("NFC", text) != text:
            err(f"{cid}: text is not NFC")
        if "[[" in text or "]]" in text:
            err(f"{cid}: stray '[[' or ']]' in text")
        if not isinstance(spans, list):
            err(f"{cid}: spans not a list")
            continue
        prev_end = -1
        prev_key = (-1, -1)
        for s in spans:
            if not isinstance(s, dict) or list(s.keys()) != ["start", "end", "kind", "text"]:
                err(f"{cid}: span keys {s!r}")
                continue
            a, b, k, t = s["start"], s["end"], s["kind"], s["text"]
            if not (isinstance(a, int) and isinstance(b, int)) or isinstance(a, bool):
                err(f"{cid}: non-integer offsets {s!r}")
                continue
            if not (0 <= a < b <= len(text)):
                err(f"{cid}: offsets out of range {s!r}")
                continue
            if text[a:b] != t:
                err(f"{cid}: offsets do not match text: {text[a:b]!r} != {t!r}")
            if t != t.strip():
                err(f"{cid}: span has outer whitespace {t!r}")
            if k not in KINDS:
                err(f"{cid}: invalid kind {k!r}")
            if (a, b) < prev_key:
                err(f"{cid}: spans not sorted")
            if a < prev_end:
                err(f"{cid}: overlapping spans at {a}")
            prev_key, prev_end = (a, b), max(prev_end, b)
            if k == "email" and not email_ok(t):
                err(f"{cid}: e-mail not on an example domain: {t!r}")
            if k == "phone" and not phone_ok(t):
                err(f"{cid}: phone not 555-01xx: {t!r}")
            if k == "url" and not url_ok(t):
                err(f"{cid}: url not on example domain or shortener: {t!r}")
        # nothing that looks like contact data outside spans
        masked = list(text)
        for s in spans:
            for i in range(s["start"], s["end"]):
                masked[i] = " "
        rest = "".join(masked)
        if re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", rest):
            err(f"{cid}: unlabelled e-mail-like text")
        if re.search(r"555[\s.\-/]?01\d\d", rest):
            err(f"{cid}: unlabelled 555-01xx number")
        if re.search(r"(https?://|www\.|bit\.ly/|tinyurl\.com/|forms\.gle/|ow\.ly/|goo\.gl/|t\.co/)", rest):
            err(f"{cid}: unlabelled link")
    if len(set(ids)) != len(ids):
        err("duplicate ids in comments.jsonl")
    expected = [f"ninth-{i:04d}" for i in range(1, len(ids) + 1)]
    if sorted(ids) != expected:
        err("ids are not ninth-0001..N contiguous")
    return comments


def check_provenance(comments):
    prov = {}
    with open(os.path.join(HERE, "provenance.tsv"), encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        if header != ["id", "category", "source_file", "block"]:
            err(f"provenance.tsv header {header}")
        for n, line in enumerate(fh, 2):
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4:
                err(f"provenance.tsv:{n}: {len(parts)} columns")
                continue
            cid, cat, sf, block = parts
            if cid in prov:
                err(f"provenance.tsv: duplicate id {cid}")
            if cat not in ("neg", "review", "pos"):
                err(f"provenance.tsv:{n}: category {cat!r}")
            if not (sf.startswith("src/") and os.path.basename(sf).startswith(cat + "_")):
                err(f"provenance.tsv:{n}: source {sf!r} does not match category {cat}")
            if not os.path.exists(os.path.join(HERE, sf)):
                err(f"provenance.tsv:{n}: missing source file {sf}")
            if not block.isdigit() or int(block) < 1:
                err(f"provenance.tsv:{n}: block {block!r}")
            prov[cid] = (cat, sf, block)
    ids = {c["id"] for c in comments if isinstance(c, dict) and "id" in c}
    if set(prov) != ids:
        err("provenance.tsv ids differ from comments.jsonl ids")
    keys = [(v[1], v[2]) for v in prov.values()]
    if len(set(keys)) != len(keys):
        err("provenance.tsv: a source block is used twice")
    for c in comments:
        p = prov.get(c.get("id"))
        if not p:
            continue
        cat = p[0]
        if c["review"] != (cat == "review"):
            err(f"{c['id']}: review flag {c['review']} but category {cat}")
        if cat == "neg" and c["spans"]:
            err(f"{c['id']}: negative with spans")
        if cat == "pos" and not c["spans"]:
            err(f"{c['id']}: positive without spans")
    return prov


def check_split(comments, prov):
    split = load_json("split.json")
    if not isinstance(split, dict) or sorted(split) != ["heldout", "tune"]:
        err(f"split.json keys {list(split) if isinstance(split, dict) else split!r}")
        return {"tune": [], "heldout": []}
    tune, held = split["tune"], split["heldout"]
    if len(set(tune)) != len(tune) or len(set(held)) != len(held):
        err("split.json: duplicate ids inside a part")
    if set(tune) & set(held):
        err("split.json: tune and heldout overlap")
    ids = {c["id"] for c in comments}
    if set(tune) | set(held) != ids:
        err("split.json: does not cover exactly the comment ids")
    if abs(len(tune) - len(held)) > 0:
        if abs(len(tune) - len(held)) > 1:
            err(f"split.json: sizes {len(tune)} / {len(held)} not 50/50")
    for cat in ("neg", "review", "pos"):
        a = sum(1 for i in tune if prov.get(i, ("",))[0] == cat)
        b = sum(1 for i in held if prov.get(i, ("",))[0] == cat)
        if abs(a - b) > 1:
            err(f"split.json: category {cat} not stratified ({a} / {b})")
    return split


def fold(s):
    s = unicodedata.normalize("NFD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"[ʻ‘’'`.]", "", s).lower()


TITLES = {"mr", "ms", "mrs", "miss", "mister", "missus", "dr", "doctor", "coach", "principal",
          "superintendent", "supt", "ap", "vp", "auntie", "aunty", "uncle", "kumu", "elder", "rev",
          "pastor", "sgt", "maj", "lt", "col", "cadet", "sra", "sr", "don", "dona", "lic", "prof",
          "profa", "director", "sir", "maam", "jr", ""}


def roster_share(comments, roster):
    """Informational only: person spans whose every word is a title or a roster name word
    (first, last or nickname).  A heuristic, not a gold mapping."""
    tokens = set()
    for r in roster:
        for k in ("first", "last", "nickname"):
            if r[k]:
                tokens.update(t for t in re.split(r"[\s-]+", fold(r[k])) if t)
    hit = total = 0
    for c in comments:
        for s in c["spans"]:
            if s["kind"] != "person":
                continue
            total += 1
            toks = [t for t in re.split(r"[\s,\-()]+", fold(s["text"])) if t not in TITLES]
            if toks and all(t in tokens or len(t) == 1 for t in toks) and any(len(t) > 1 for t in toks):
                hit += 1
            elif toks and all(len(t) <= 2 for t in toks):
                # bare initials such as "KK" or "k.k." (all of them name roster people here)
                hit += 1
    return hit, total


def counts(comments, prov, ids):
    sel = [c for c in comments if c["id"] in ids]
    row = {
        "comments": len(sel),
        "negative": sum(1 for c in sel if prov[c["id"]][0] == "neg"),
        "review": sum(1 for c in sel if prov[c["id"]][0] == "review"),
        "positive": sum(1 for c in sel if prov[c["id"]][0] == "pos"),
        "comments with spans": sum(1 for c in sel if c["spans"]),
        "spans": sum(len(c["spans"]) for c in sel),
    }
    for k in KINDS:
        row[f"spans: {k}"] = sum(1 for c in sel for s in c["spans"] if s["kind"] == k)
    return row


def main(argv):
    roster = check_roster()
    comments = check_comments()
    prov = check_provenance(comments)
    split = check_split(comments, prov)
    if errors:
        for e in errors[:200]:
            print("ERROR:", e, file=sys.stderr)
        print(f"{len(errors)} error(s)", file=sys.stderr)
        return 1
    t = counts(comments, prov, set(split["tune"]))
    h = counts(comments, prov, set(split["heldout"]))
    a = counts(comments, prov, {c["id"] for c in comments})
    if "--markdown" in argv:
        print("| | tune | heldout | total |")
        print("|---|---:|---:|---:|")
        for k in a:
            print(f"| {k} | {t[k]} | {h[k]} | {a[k]} |")
    else:
        hit, total = roster_share(comments, roster)
        print(f"OK: {len(roster)} roster people, {a['comments']} comments "
              f"({a['negative']} neg / {a['review']} review / {a['positive']} pos), "
              f"{a['spans']} spans; tune {len(split['tune'])} / heldout {len(split['heldout'])}")
        print("spans by kind: " + ", ".join(f"{k} {a['spans: ' + k]}" for k in KINDS))
        print(f"person spans made only of roster name words (heuristic): {hit}/{total}"
              + (f" = {hit / total:.0%}" if total else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
