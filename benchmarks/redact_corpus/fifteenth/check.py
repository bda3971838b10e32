#!/usr/bin/env python3
"""Validate the built "fifteenth" set (run build.py first).

Checks roster.json, comments.jsonl, split.json and provenance.tsv:
  * every span's offsets reproduce its text, kinds are valid, spans sorted / non-overlapping / trimmed
  * ids well-formed, unique and contiguous; review flag matches provenance; negatives carry no spans,
    positives carry at least one
  * split complete, disjoint, 50/50 and stratified by category
  * roster records have exactly the eight keys, required fields present
  * safety: e-mails only on example.org/.com/.net (or subdomains), phones only 555-01xx, links only on example
    domains or the listed shorteners; no e-mail / phone / link shapes left outside a span

Usage: python3 check.py [--markdown] [--lint]
  --markdown  print the counts table as Markdown
  --lint      also print heuristic warnings (roster names left unlabelled, roster share of person spans)
"""
import difflib
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
PREFIX = "fifteenth"
KINDS = ["person", "email", "phone", "url", "address", "school", "district"]
ROSTER_KEYS = ["first", "last", "nickname", "email", "phone", "school", "district", "role"]
SHORTENERS = {"bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "forms.gle", "rb.gy", "shorturl.at"}
EXAMPLE_RE = re.compile(r"(^|\.)example\.(org|com|net)$")

errors = []
warnings = []


def err(msg):
    errors.append(msg)


def load_json(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as fh:
        return json.load(fh)


def norm_email(s):
    t = s.lower()
    t = re.sub(r"\s*[\(\[\{<]\s*at\s*[\)\]\}>]\s*", "@", t)
    t = re.sub(r"\s*[\(\[\{<]\s*dot\s*[\)\]\}>]\s*", ".", t)
    t = re.sub(r"\s+at\s+", "@", t)
    t = re.sub(r"\s+dot\s+", ".", t)
    t = re.sub(r"\s+", "", t)
    return t


def email_ok(span_text):
    t = norm_email(span_text)
    if t.count("@") != 1:
        return False
    return bool(EXAMPLE_RE.search(t.split("@")[1]))


NUMBER_WORDS = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
                "six": "6", "seven": "7", "eight": "8", "nine": "9"}


def phone_ok(span_text):
    if re.fullmatch(r"[A-Za-z\s-]+", span_text):  # voice-typed digits ("six seven eight ...")
        words = re.split(r"[\s-]+", span_text.lower())
        if all(w in NUMBER_WORDS for w in words):
            span_text = "".join(NUMBER_WORDS[w] for w in words)
            return re.search(r"55501\d\d$", span_text) is not None
        return False
    digits = re.sub(r"\D", "", span_text)
    return "55501" in digits and re.search(r"555\D{0,3}01\d\d", span_text) is not None


def url_host(span_text):
    t = span_text.strip().lower()
    t = re.sub(r"^[a-z][a-z0-9+.-]*://", "", t)
    host = re.split(r"[/?#:]", t, maxsplit=1)[0]
    return host[4:] if host.startswith("www.") else host


def url_ok(span_text):
    host = url_host(span_text)
    return host in SHORTENERS or bool(EXAMPLE_RE.search(host))


EMAIL_SHAPE = re.compile(r"[\w.+-]+\s?@\s?[\w-]+(\.[\w-]+)+")
PHONE_SHAPE = re.compile(r"(?<!\d)(\(?\d{3}\)?[\s./-]{0,2})?555[\s.-]?01\d\d(?!\d)")
URL_SHAPE = re.compile(r"(https?://\S+|www\.\S+|\b(?:bit\.ly|tinyurl\.com|t\.co|goo\.gl|ow\.ly|forms\.gle|rb\.gy|"
                       r"shorturl\.at)/\S*|\b[\w-]+\.example\.(?:org|com|net)\b)", re.I)


def covered(spans, a, b):
    return any(s["start"] <= a and b <= s["end"] for s in spans)


def check_roster():
    roster = load_json("roster.json")
    if not isinstance(roster, list) or not roster:
        err("roster.json: must be a non-empty list")
        return []
    for i, r in enumerate(roster):
        where = f"roster.json[{i}]"
        if not isinstance(r, dict) or list(r.keys()) != ROSTER_KEYS:
            err(f"{where}: keys must be exactly {ROSTER_KEYS}")
            continue
        for k, v in r.items():
            if v is not None and (not isinstance(v, str) or not v.strip() or v != v.strip() or v == "-"):
                err(f"{where}: bad value for {k}: {v!r}")
        for k in ("first", "last", "role"):
            if r[k] is None:
                err(f"{where}: {k} is required")
        if r["email"] is not None and not email_ok(r["email"]):
            err(f"{where}: e-mail not on an example domain: {r['email']}")
        if r["phone"] is not None and not phone_ok(r["phone"]):
            err(f"{where}: phone not 555-01xx: {r['phone']}")
        if r["school"] is not None and r["district"] is None:
            err(f"{where}: school given without district")
    keys = [(r.get("first"), r.get("last")) for r in roster if isinstance(r, dict)]
    if len(set(keys)) != len(keys):
        err("roster.json: duplicate first/last pairs")
    return roster


def check_comments():
    comments = []
    with open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                err(f"comments.jsonl:{lineno}: blank line")
                continue
            try:
                comments.append(json.loads(line))
            except json.JSONDecodeError as exc:
                err(f"comments.jsonl:{lineno}: {exc}")
    ids = []
    for c in comments:
        where = f"comment {c.get('id')}"
        if set(c.keys()) != {"id", "text", "spans", "review"}:
            err(f"{where}: keys must be id, text, spans, review")
            continue
        ids.append(c["id"])
        if not re.fullmatch(PREFIX + r"-\d{4}", str(c["id"])):
            err(f"{where}: malformed id")
        text = c["text"]
        if not isinstance(text, str) or not text.strip():
            err(f"{where}: empty text")
            continue
        if text != text.strip():
            err(f"{where}: text has outer whitespace")
        if "[[" in text or "]]" in text:
            err(f"{where}: literal '[[' or ']]' in text")
        if not isinstance(c["review"], bool):
            err(f"{where}: review must be a boolean")
        prev_end = -1
        prev_key = (-1, -1)
        for s in c["spans"]:
            if set(s.keys()) != {"start", "end", "kind", "text"}:
                err(f"{where}: span keys must be start, end, kind, text")
                continue
            a, b = s["start"], s["end"]
            if not (isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= len(text)):
                err(f"{where}: bad offsets {a}-{b}")
                continue
            if text[a:b] != s["text"]:
                err(f"{where}: offsets {a}-{b} give {text[a:b]!r}, span says {s['text']!r}")
            if s["text"] != s["text"].strip():
                err(f"{where}: span {s['text']!r} has outer whitespace")
            if s["kind"] not in KINDS:
                err(f"{where}: invalid kind {s['kind']!r}")
            if (a, b) < prev_key:
                err(f"{where}: spans not sorted")
            if a < prev_end:
                err(f"{where}: overlapping spans at {a}")
            prev_end, prev_key = max(prev_end, b), (a, b)
            if s["kind"] == "email" and not email_ok(s["text"]):
                err(f"{where}: e-mail span not on an example domain: {s['text']!r}")
            if s["kind"] == "phone" and not phone_ok(s["text"]):
                err(f"{where}: phone span not 555-01xx: {s['text']!r}")
            if s["kind"] == "url" and not url_ok(s["text"]):
                err(f"{where}: link span not on an example domain or listed shortener: {s['text']!r}")
        for rx, what in ((EMAIL_SHAPE, "e-mail"), (PHONE_SHAPE, "phone"), (URL_SHAPE, "link")):
            for m in rx.finditer(text):
                end = m.start() + len(m.group(0).rstrip(".,;:)]}>!?'\"\u201d"))
                if not covered(c["spans"], m.start(), end):
                    err(f"{where}: {what}-shaped text outside any span: {text[m.start():end]!r}")
    if len(set(ids)) != len(ids):
        err("comments.jsonl: duplicate ids")
    expected = [f"{PREFIX}-{i:04d}" for i in range(1, len(ids) + 1)]
    if sorted(ids) != expected:
        err("comments.jsonl: ids are not the contiguous range 0001..N")
    return comments


def check_provenance(comments):
    by_id = {c["id"]: c for c in comments if "id" in c}
    prov = {}
    seen_src = set()
    with open(os.path.join(HERE, "provenance.tsv"), encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        if header != ["id", "category", "source_file", "block"]:
            err("provenance.tsv: header must be id, category, source_file, block")
        for lineno, line in enumerate(fh, 2):
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4:
                err(f"provenance.tsv:{lineno}: expected 4 columns")
                continue
            cid, cat, src, block = parts
            if cid in prov:
                err(f"provenance.tsv:{lineno}: duplicate id {cid}")
            if cat not in ("neg", "review", "pos"):
                err(f"provenance.tsv:{lineno}: bad category {cat!r}")
            if not os.path.isfile(os.path.join(HERE, src)):
                err(f"provenance.tsv:{lineno}: source file {src} missing")
            elif not os.path.basename(src).startswith(cat + "_"):
                err(f"provenance.tsv:{lineno}: category {cat} does not match source file {src}")
            if not block.isdigit() or int(block) < 1:
                err(f"provenance.tsv:{lineno}: bad block number {block!r}")
            if (src, block) in seen_src:
                err(f"provenance.tsv:{lineno}: duplicate source block {src}#{block}")
            seen_src.add((src, block))
            prov[cid] = cat
    if set(prov) != set(by_id):
        err("provenance.tsv: ids differ from comments.jsonl")
    for cid, cat in prov.items():
        c = by_id.get(cid)
        if c is None:
            continue
        if c["review"] != (cat == "review"):
            err(f"{cid}: review flag does not match category {cat}")
        if cat == "neg" and c["spans"]:
            err(f"{cid}: negative with spans")
        if cat == "pos" and not c["spans"]:
            err(f"{cid}: positive without spans")
    return prov


def check_split(comments, prov):
    split = load_json("split.json")
    if not isinstance(split, dict) or set(split.keys()) != {"tune", "heldout"}:
        err("split.json: keys must be exactly tune, heldout")
        return {"tune": [], "heldout": []}
    tune, held = split["tune"], split["heldout"]
    if len(set(tune)) != len(tune) or len(set(held)) != len(held):
        err("split.json: duplicate ids inside a part")
    if set(tune) & set(held):
        err("split.json: tune and heldout overlap")
    all_ids = {c["id"] for c in comments}
    if set(tune) | set(held) != all_ids:
        err("split.json: union of parts is not the set of comment ids")
    if abs(len(tune) - len(held)) > 1:
        err(f"split.json: not 50/50 ({len(tune)} / {len(held)})")
    for cat in ("neg", "review", "pos"):
        t = sum(1 for i in tune if prov.get(i) == cat)
        h = sum(1 for i in held if prov.get(i) == cat)
        if abs(t - h) > 1:
            err(f"split.json: category {cat} not stratified ({t} / {h})")
    return split


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("&#39;", "'").replace("\u2019", "'")
    return s.lower()


TITLES = {"mr", "ms", "mrs", "miss", "dr", "coach", "principal", "superintendent", "supt", "ap", "rev", "pastor",
          "elder", "deacon", "bishop", "imam", "sheikh", "brother", "sister", "sra", "sr", "don", "dona", "lic",
          "prof", "father", "chief", "hajji", "mother", "apostle", "minister", "councilman", "commissioner", "judge",
          "sgt", "lt", "col", "maj", "capt", "cadet", "jr", "iii", "ii", "md", "al", "el", "de", "la", "van", "der",
          "miz", "misses", "assistant", "sir", "ji", "bhai", "apa", "didi", "mama", "mwalimu", "\uc120\uc0dd\ub2d8"}


def tokens(s):
    return [t for t in re.split(r"[^a-z0-9']+", fold(s)) if t and t.strip("'")]


def roster_share(roster, comments):
    people = []
    for r in roster:
        toks = set()
        for k in ("first", "last", "nickname"):
            if r[k]:
                toks.update(t for t in tokens(r[k]) if t not in TITLES)
                toks.add(fold(r[k]).replace(" ", "").replace("-", ""))
        initials = "".join(t[0] for t in tokens(r["first"]) + tokens(r["last"]) if t not in TITLES)
        people.append((toks, initials))
    vocab = set().union(*(p[0] for p in people))
    total = hits = 0
    misses = []
    for c in comments:
        for s in c["spans"]:
            if s["kind"] != "person":
                continue
            total += 1
            name = re.sub(r"-\n", "", s["text"])
            ts = [t.strip("'") for t in tokens(name) if t.strip("'") not in TITLES]
            ts = [t[:-2] if t.endswith("'s") else t for t in ts]
            joined = "".join(ts)
            hit = False
            for toks, initials in people:
                long_ts = [t for t in ts if len(t) > 1]
                if long_ts and all(t in toks or difflib.get_close_matches(t, toks, 1, 0.8) for t in long_ts):
                    hit = True
                    break
                if not long_ts and joined and (joined == initials or joined == initials[:len(joined)] and len(joined) >= 2):
                    hit = True
                    break
            if hit:
                hits += 1
            else:
                misses.append(s["text"])
    return total, hits, misses


def lint(roster, comments):
    for r in roster:
        full = f"{r['first']} {r['last']}"
        rx = re.compile(r"\b" + re.escape(full) + r"\b", re.I)
        for c in comments:
            for m in rx.finditer(c["text"]):
                if not covered(c["spans"], m.start(), m.end()):
                    warnings.append(f"{c['id']}: roster name {full!r} outside a span")
    # school / district names from the roster (and their short forms) left outside a span
    names = set()
    for r in roster:
        for k in ("school", "district"):
            v = r[k]
            if not v or "Department of Education" in v:
                continue
            names.add(v)
            short = re.sub(r"\s+(Elementary|Middle|High|Intermediate|International|Academy|Newcomer|Attendance|County|City|"
                           r"Consolidated|Public|Tribal|Global|Career)\b.*$", "", v)
            if short != v and len(short) > 4 and short not in ("Choctaw", "Sweetgum", "Coosaw", "Tombigbee", "Tallahaga",
                                                                "Rouge Valley", "Cedar Forge", "Ashmont"):
                names.add(short)
    for name in sorted(names):
        rx = re.compile(r"\b" + re.escape(name) + r"\b", re.I)
        for c in comments:
            for m in rx.finditer(c["text"]):
                if not covered(c["spans"], m.start(), m.end()):
                    warnings.append(f"{c['id']}: body name {name!r} outside a span")
    total, hits, misses = roster_share(roster, comments)
    if total:
        print(f"person spans: {total}; matching a roster person (heuristic): {hits} ({100 * hits / total:.1f}%)")


def counts(comments, prov, ids):
    sel = [c for c in comments if c["id"] in ids]
    row = {
        "comments": len(sel),
        "negative": sum(1 for c in sel if prov.get(c["id"]) == "neg"),
        "review": sum(1 for c in sel if prov.get(c["id"]) == "review"),
        "positive": sum(1 for c in sel if prov.get(c["id"]) == "pos"),
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
    if "--lint" in argv:
        lint(roster, comments)
        for w in warnings:
            print("WARNING:", w)
    if errors:
        for e in errors:
            print("ERROR:", e, file=sys.stderr)
        print(f"check failed with {len(errors)} error(s)", file=sys.stderr)
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
        print(f"ok: {a['comments']} comments ({a['negative']} negative, {a['review']} review, {a['positive']} positive), "
              f"{a['spans']} spans, {len(roster)} roster people; tune {t['comments']} / heldout {h['comments']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
