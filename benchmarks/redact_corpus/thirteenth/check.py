#!/usr/bin/env python3
"""Validate the built "thirteenth" set (run build.py first).

Checks roster.json (keys, types, invented contact shapes, agreement with src/roster.txt), comments.jsonl
(ids unique and well formed, offsets match text, kinds valid, spans sorted and non-overlapping, review flag),
provenance.tsv (every id once, category agrees with review flag and spans), split.json (complete, disjoint,
50/50 and stratified by category) and the safety rules for e-mails, phones and links inside spans.

Usage:
  python3 check.py              validate, print a plain summary and the roster share of person spans
  python3 check.py --markdown   validate, then print the counts table as Markdown
  python3 check.py --draft      while drafting: skip the 600-total and exact 50/50 size checks
  python3 check.py --lint       also list likely unlabelled e-mails/phones/links/roster names (advisory only)
Exit status 0 when clean, 1 when any error was found.
"""
import json
import os
import re
import sys
import unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True
import build  # noqa: E402  (re-use the source reader for the roster comparison)

PREFIX = "thirteenth"
EXPECTED_TOTAL = 600
KINDS = ["person", "email", "phone", "url", "address", "school", "district"]
ROSTER_KEYS = build.ROSTER_KEYS
ID_RE = re.compile(r"^%s-\d{4}$" % PREFIX)
EMAIL_DOMAIN_OK = re.compile(r"(^|\.)example\.(org|com|net)$")
URL_HOST_OK = re.compile(r"^((?:[a-z0-9-]+\.)*example\.(org|com|net)|bit\.ly|tinyurl\.com|t\.co|goo\.gl|ow\.ly|"
                         r"forms\.gle|rb\.gy|shorturl\.at)$")
PHONE_LOCAL_OK = re.compile(r"55501\d\d")

errors = []
DRAFT = "--draft" in sys.argv  # while drafting: skip the total-count and 50/50 size checks


def err(msg):
    errors.append(msg)


def load_json(name):
    path = os.path.join(HERE, name)
    if not os.path.exists(path):
        err(f"missing {name}")
        return None
    with open(path, encoding="utf-8") as fh:
        try:
            return json.load(fh)
        except json.JSONDecodeError as exc:
            err(f"{name}: invalid JSON: {exc}")
            return None


def email_domain(raw):
    s = raw.strip().lower()
    s = re.sub(r"\s*[\(\[\{]\s*at\s*[\)\]\}]\s*", "@", s)
    s = re.sub(r"\s*[\(\[\{]\s*dot\s*[\)\]\}]\s*", ".", s)
    s = re.sub(r"\s+at\s+", "@", s)
    s = re.sub(r"\s+dot\s+", ".", s)
    s = re.sub(r"\s*@\s*", "@", s)
    s = re.sub(r"\s*\.\s*", ".", s)
    if s.count("@") != 1:
        return None
    return s.split("@", 1)[1].strip(". ")


def url_host(raw):
    s = raw.strip().lower()
    s = re.sub(r"^[a-z]+://", "", s)
    s = re.sub(r"^www\.", "", s)
    return re.split(r"[/?#:]", s, 1)[0]


def check_contact(kind, value, where):
    if kind == "email":
        dom = email_domain(value)
        if not dom or not EMAIL_DOMAIN_OK.search(dom):
            err(f"{where}: e-mail not on an example domain: {value!r}")
    elif kind == "phone":
        words = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
                 "six": "6", "seven": "7", "eight": "8", "nine": "9"}
        spoken = re.sub(r"[A-Za-z]+", lambda m: words.get(m.group(0).lower(), m.group(0)), value)
        digits = re.sub(r"\D", "", spoken)
        if not PHONE_LOCAL_OK.search(digits):
            err(f"{where}: phone without a 555-01xx local part: {value!r}")
    elif kind == "url":
        host = url_host(value)
        if not URL_HOST_OK.match(host):
            err(f"{where}: link not on an example domain or shortener: {value!r}")


def check_roster():
    data = load_json("roster.json")
    if data is None:
        return []
    if not isinstance(data, list) or not data:
        err("roster.json: expected a non-empty list")
        return []
    for i, rec in enumerate(data):
        where = f"roster.json[{i}]"
        if not isinstance(rec, dict) or sorted(rec) != sorted(ROSTER_KEYS):
            err(f"{where}: keys must be exactly {ROSTER_KEYS}")
            continue
        for k in ROSTER_KEYS:
            v = rec[k]
            if v is not None and (not isinstance(v, str) or not v.strip() or v == "-"):
                err(f"{where}: field {k} must be a non-empty string or null")
        for k in ("first", "last", "role"):
            if not rec[k]:
                err(f"{where}: field {k} is required")
        if not rec["district"] and not rec["school"]:
            err(f"{where}: needs a school or a district/agency")
        if rec["email"]:
            check_contact("email", rec["email"], where)
        if rec["phone"]:
            check_contact("phone", rec["phone"], where)
    emails = [r["email"].lower() for r in data if isinstance(r, dict) and r.get("email")]
    for e, n in Counter(emails).items():
        if n > 1:
            err(f"roster.json: e-mail {e} used {n} times")
    names = [(r["first"], r["last"]) for r in data if isinstance(r, dict) and "first" in r]
    for nm, n in Counter(names).items():
        if n > 1:
            err(f"roster.json: person {nm} listed {n} times")
    try:
        src = build.read_roster()
        if src != data:
            err("roster.json does not match src/roster.txt (re-run build.py)")
    except build.BuildError as exc:
        err(f"src/roster.txt: {exc}")
    return data


def check_comments():
    path = os.path.join(HERE, "comments.jsonl")
    if not os.path.exists(path):
        err("missing comments.jsonl")
        return []
    recs = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                err(f"comments.jsonl:{n}: blank line")
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                err(f"comments.jsonl:{n}: invalid JSON: {exc}")
                continue
            recs.append(rec)
    seen = set()
    for rec in recs:
        rid = rec.get("id")
        where = f"comment {rid}"
        if sorted(rec) != ["id", "review", "spans", "text"]:
            err(f"{where}: keys must be id, text, spans, review")
            continue
        if not isinstance(rid, str) or not ID_RE.match(rid):
            err(f"{where}: malformed id")
        if rid in seen:
            err(f"{where}: duplicate id")
        seen.add(rid)
        text = rec["text"]
        if not isinstance(text, str) or not text.strip():
            err(f"{where}: empty text")
            continue
        if "[[" in text or "]]" in text:
            err(f"{where}: literal '[[' or ']]' in text")
        if not isinstance(rec["review"], bool):
            err(f"{where}: review must be a boolean")
        spans = rec["spans"]
        if not isinstance(spans, list):
            err(f"{where}: spans must be a list")
            continue
        prev_end = -1
        prev_key = (-1, -1)
        for sp in spans:
            if not isinstance(sp, dict) or sorted(sp) != ["end", "kind", "start", "text"]:
                err(f"{where}: span keys must be start, end, kind, text")
                continue
            s, e, k = sp["start"], sp["end"], sp["kind"]
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
                err(f"{where}: bad offsets {s}-{e}")
                continue
            if text[s:e] != sp["text"]:
                err(f"{where}: offsets {s}-{e} give {text[s:e]!r}, span says {sp['text']!r}")
            if sp["text"] != sp["text"].strip():
                err(f"{where}: span text padded with whitespace: {sp['text']!r}")
            if k not in KINDS:
                err(f"{where}: invalid kind {k!r}")
            if (s, e) < prev_key:
                err(f"{where}: spans not sorted")
            if s < prev_end:
                err(f"{where}: overlapping spans at {s}")
            prev_end = max(prev_end, e)
            prev_key = (s, e)
            check_contact(k, sp["text"], where)
    if len(recs) != EXPECTED_TOTAL and not DRAFT:
        err(f"comments.jsonl: {len(recs)} comments, expected {EXPECTED_TOTAL}")
    return recs


def check_provenance(recs):
    path = os.path.join(HERE, "provenance.tsv")
    if not os.path.exists(path):
        err("missing provenance.tsv")
        return {}
    cats = {}
    with open(path, encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        if header != ["id", "category", "source_file", "block"]:
            err(f"provenance.tsv: bad header {header}")
        seen_src = set()
        for n, line in enumerate(fh, 2):
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4:
                err(f"provenance.tsv:{n}: expected 4 columns")
                continue
            rid, cat, src, block = parts
            if cat not in ("neg", "review", "pos"):
                err(f"provenance.tsv:{n}: bad category {cat!r}")
            if rid in cats:
                err(f"provenance.tsv:{n}: duplicate id {rid}")
            cats[rid] = cat
            if not block.isdigit():
                err(f"provenance.tsv:{n}: block must be a number")
            if (src, block) in seen_src:
                err(f"provenance.tsv:{n}: source block {src}#{block} listed twice")
            seen_src.add((src, block))
            expected_prefix = {"neg": "src/neg_", "review": "src/review_", "pos": "src/pos_"}.get(cat, "?")
            if not src.startswith(expected_prefix):
                err(f"provenance.tsv:{n}: category {cat} but source {src}")
            if not os.path.exists(os.path.join(HERE, src)):
                err(f"provenance.tsv:{n}: source file {src} missing")
    ids = {r["id"] for r in recs}
    if set(cats) != ids:
        err(f"provenance.tsv: ids differ from comments.jsonl ({len(set(cats) ^ ids)} mismatched)")
    for r in recs:
        cat = cats.get(r["id"])
        if cat is None:
            continue
        if r["review"] != (cat == "review"):
            err(f"comment {r['id']}: review flag {r['review']} but category {cat}")
        if cat == "neg" and r["spans"]:
            err(f"comment {r['id']}: negative with spans")
        if cat == "pos" and not r["spans"]:
            err(f"comment {r['id']}: positive without spans")
    return cats


def check_split(recs, cats):
    data = load_json("split.json")
    if data is None:
        return None
    if not isinstance(data, dict) or sorted(data) != ["heldout", "tune"]:
        err("split.json: keys must be tune and heldout")
        return None
    tune, held = data["tune"], data["heldout"]
    if len(set(tune)) != len(tune) or len(set(held)) != len(held):
        err("split.json: duplicate ids inside a part")
    if set(tune) & set(held):
        err(f"split.json: {len(set(tune) & set(held))} ids in both parts")
    ids = {r["id"] for r in recs}
    if set(tune) | set(held) != ids:
        err("split.json: parts do not cover exactly the ids of comments.jsonl")
    if not DRAFT and (abs(len(tune) - len(held)) > 0 or len(tune) + len(held) != len(ids)):
        err(f"split.json: parts are {len(tune)}/{len(held)}, expected an even 50/50")
    for cat in ("neg", "review", "pos"):
        a = sum(1 for i in tune if cats.get(i) == cat)
        b = sum(1 for i in held if cats.get(i) == cat)
        if abs(a - b) > 1:
            err(f"split.json: category {cat} not stratified ({a} tune / {b} heldout)")
    return {"tune": set(tune), "heldout": set(held)}


# ---------------------------------------------------------------- roster share of person spans
TITLES = {"mr", "mrs", "ms", "miss", "dr", "coach", "principal", "superintendent", "supt", "ap", "rev", "pastor",
          "elder", "deacon", "bishop", "imam", "sheikh", "brother", "sister", "sra", "sr", "don", "dona", "lic",
          "prof", "father", "ate", "kuya", "tita", "tito", "lok", "kru", "neak", "col", "lt", "sgt", "maj", "capt",
          "cpt", "gen", "cmdr", "chief", "msgt", "1sgt", "ssg", "sfc", "senora", "senor", "profe", "maestra",
          "maestro", "mx", "jr", "sr.", "ii", "iii", "iv", "headmaster", "dean", "director", "teacher"}
PARTICLES = {"de", "da", "dos", "das", "do", "del", "la", "le", "van", "von", "y", "e"}


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower()


def name_tokens(s):
    return [t for t in re.split(r"[^a-z0-9]+", fold(s)) if t]


def edit1(a, b):
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    if len(a) > len(b):
        a, b = b, a
    for i in range(len(b)):
        if b[:i] + b[i + 1:] == a:
            return True
    return False


def roster_index(roster):
    toks, initials = set(), set()
    for r in roster:
        parts = []
        for k in ("first", "last", "nickname"):
            if r.get(k):
                parts.extend(name_tokens(r[k]))
        toks.update(t for t in parts if t not in PARTICLES and len(t) >= 2)
        f = [t for t in name_tokens(r["first"]) if t not in PARTICLES]
        l = [t for t in name_tokens(r["last"]) if t not in PARTICLES]
        if f and l:
            initials.add(f[0][0] + l[0][0])
            initials.add("".join(t[0] for t in f) + "".join(t[0] for t in l))
            initials.add(f[0][0] + "".join(t[0] for t in l))
            initials.add("".join(t[0] for t in f) + l[0][0])
        if r.get("nickname"):
            n = name_tokens(r["nickname"])
            if n and len(n[0]) <= 3 and r["nickname"].isupper():
                initials.add(n[0])
    return toks, initials


def is_roster_span(text, toks, initials):
    raw = text.strip()
    compact = re.sub(r"[\s.]", "", raw)
    if 2 <= len(compact) <= 4 and compact.isalpha() and (compact.isupper() or "." in raw or compact.islower()) \
            and len(name_tokens(raw)) in (1, len(compact)):
        if fold(compact) in initials:
            return True
    words = [t for t in name_tokens(raw) if t not in TITLES and t not in PARTICLES]
    for w in words:
        if w in toks:
            return True
        if len(w) >= 6 and any(len(t) >= 6 and edit1(w, t) for t in toks):
            return True
    return False


def roster_share(recs, roster):
    toks, initials = roster_index(roster)
    total = hits = 0
    for r in recs:
        for sp in r["spans"]:
            if sp["kind"] == "person":
                total += 1
                hits += is_roster_span(sp["text"], toks, initials)
    return hits, total


# ---------------------------------------------------------------- advisory lint
def lint(recs, roster, cats):
    email_re = re.compile(r"[\w.+-]+\s*(@|\(at\)|\[at\]|\{at\})\s*[\w-]+(\s*(\.|\(dot\)|\[dot\])\s*[\w-]+)+", re.I)
    phone_re = re.compile(r"555[-. ]?01\d\d")
    url_re = re.compile(r"(https?://|www\.|\b(bit\.ly|tinyurl\.com|t\.co|goo\.gl|ow\.ly|forms\.gle|rb\.gy|"
                        r"shorturl\.at)/|\bexample\.(org|com|net)/)", re.I)
    distinct = set()
    wordish = {"faith", "hope", "mercy", "precious", "angel", "honey", "amber", "ruby", "crystal", "pearl", "coral",
               "sky", "river", "lake", "fields", "bush", "frost", "snow", "gale", "storm", "summer", "winters", "day",
               "knight", "king", "bishop", "pope", "priest", "monk", "abbott", "noble", "earl", "duke", "prince",
               "baron", "marshall", "olive", "ginger", "cherry", "sunny", "dusty", "blessing", "hart", "park", "jack",
               "howard", "brooks", "charley", "mom", "boy", "jun", "ted", "sal", "lu", "jo", "ty", "ale", "dee",
               "frank", "greg", "ray", "tony", "pete", "kim", "cho", "chan", "lake", "vang", "lor", "sok", "keo",
               "ouk", "pich", "tran", "gomes", "costa", "pierre", "joseph", "gallagher", "sullivan", "mark",
               "karen", "kevin", "patrick", "thomas", "peter", "daniel", "brian", "dennis", "francis", "anthony",
               "gregory", "raymond", "carmen", "jorge", "norm", "norman", "cody", "dale", "lena", "vernon",
               "melissa", "heather", "jerome", "wanda", "ebony", "lamont", "maurice", "tamika", "latrice", "gina",
               "tammy", "bridget", "colleen", "gwen", "lorenzo", "mai", "natalia", "russell", "minh", "thanh",
               "huong", "river", "sunny", "ruby", "candy", "kasia", "jay", "wes", "fitz", "sully", "tommy",
               "quise", "bong", "bertie", "linda", "danny", "rusty", "natasha", "edi", "mico", "lupe", "chuy",
               "roger", "yoli", "td", "aga", "moe", "dre", "espy", "chela", "luda", "sveta", "nadia", "vasya",
               "bodya", "lola", "lulu", "monchy", "quim", "fatinha", "paddy", "wyman", "gaby", "bridie", "amina",
               "hassan", "farah", "nguyen", "pham", "zhou", "leung", "jack", "sampson", "spencer", "snow", "hart",
               "duda", "nowak", "rocha", "lopes", "pereira", "ferreira", "silva", "santos", "cruz", "vega",
               "soto", "rivera", "ortiz", "ruiz", "luna", "bravo", "ochoa", "leon", "polanco", "frias", "brito",
               "colon", "castillo", "vasquez", "diallo", "joseph", "pierre", "louis", "maria", "fatima"}
    for r in roster:
        for k in ("first", "last"):
            for t in name_tokens(r[k]):
                if len(t) >= 4 and t not in wordish and t not in PARTICLES:
                    distinct.add(t)
    bodies = set()
    for r in roster:
        for k in ("school", "district"):
            if r[k] and "Department" not in r[k] and "Office of" not in r[k] and "Board" not in r[k]:
                bodies.add(r[k])
    out = []
    for r in recs:
        text = r["text"]
        covered = [False] * len(text)
        for sp in r["spans"]:
            for i in range(sp["start"], sp["end"]):
                covered[i] = True

        def free(m):
            return not any(covered[m.start():m.end()])

        for rx, label in ((email_re, "email?"), (phone_re, "phone?"), (url_re, "url?")):
            for m in rx.finditer(text):
                if free(m):
                    out.append((r["id"], label, m.group(0)))
        for m in re.finditer(r"[A-Za-zÀ-ÿ'’-]+", text):
            if fold(m.group(0)) in distinct and free(m):
                out.append((r["id"], "name?", m.group(0)))
        low = fold(text)
        for b in bodies:
            i = low.find(fold(b))
            if i >= 0 and not any(covered[i:i + len(b)]):
                out.append((r["id"], "body?", b))
    for rid, label, s in out:
        print(f"LINT {rid} [{cats.get(rid)}] {label} {s!r}")
    print(f"{len(out)} lint notes")


# ---------------------------------------------------------------- counts
def counts(recs, cats, split):
    parts = {"tune": split["tune"] if split else set(), "heldout": split["heldout"] if split else set(),
             "total": {r["id"] for r in recs}}
    rows = ["comments", "negative", "review", "positive", "comments with spans", "spans"] + \
           [f"spans: {k}" for k in KINDS]
    table = {row: {} for row in rows}
    for name, ids in parts.items():
        sub = [r for r in recs if r["id"] in ids]
        table["comments"][name] = len(sub)
        table["negative"][name] = sum(1 for r in sub if cats.get(r["id"]) == "neg")
        table["review"][name] = sum(1 for r in sub if cats.get(r["id"]) == "review")
        table["positive"][name] = sum(1 for r in sub if cats.get(r["id"]) == "pos")
        table["comments with spans"][name] = sum(1 for r in sub if r["spans"])
        table["spans"][name] = sum(len(r["spans"]) for r in sub)
        kc = Counter(sp["kind"] for r in sub for sp in r["spans"])
        for k in KINDS:
            table[f"spans: {k}"][name] = kc.get(k, 0)
    return rows, table


def main(argv):
    roster = check_roster()
    recs = check_comments()
    cats = check_provenance(recs)
    split = check_split(recs, cats)
    if errors:
        for e in errors:
            print("ERROR:", e)
        print(f"{len(errors)} error(s)")
        return 1
    rows, table = counts(recs, cats, split)
    if "--markdown" in argv:
        print("| | tune | heldout | total |")
        print("|---|---:|---:|---:|")
        for row in rows:
            t = table[row]
            print(f"| {row} | {t['tune']} | {t['heldout']} | {t['total']} |")
    else:
        for row in rows:
            t = table[row]
            print(f"{row:22s} tune {t['tune']:4d}  heldout {t['heldout']:4d}  total {t['total']:4d}")
        hits, total = roster_share(recs, roster)
        share = 100.0 * hits / total if total else 0.0
        print(f"person spans matching a roster person (heuristic): {hits}/{total} = {share:.1f}%")
        print("OK")
    if "--lint" in argv:
        lint(recs, roster, cats)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
