#!/usr/bin/env python3
"""Validate the "third" redaction evaluation set and print counts.

    python3 check.py             # validate, print plain counts
    python3 check.py --markdown  # validate, print a Markdown table

Exit status 1 if any check fails.  Python 3.11 standard library only.
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = ("person", "email", "phone", "url", "address", "school", "district")
EXPECT_N = 700
ID_RE = re.compile(r"^third-\d{4}$")
EXAMPLE_DOMAIN = re.compile(r"^(?:[a-z0-9-]+\.)*example\.(?:org|com|net)$")
URL_HOSTS_OK = ("bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "forms.gle",
                "is.gd", "rb.gy", "tiny.cc", "cutt.ly")
errors = []


def err(msg):
    errors.append(msg)


# ------------------------------------------------------------ e-mail rules
def normalise_email(s):
    t = s.strip().lower()
    t = re.sub(r"^mailto:\s*", "", t)
    t = t.strip("<>()[]{}\"' ")
    for word, sym in (("at", "@"), ("dot", ".")):
        t = re.sub(r"\s*[\[\(\{<]\s*" + word + r"\s*[\]\)\}>]\s*", sym, t)
        t = re.sub(r"\s+" + word + r"\s+", sym, t)
        t = re.sub(r"\s*-" + word + r"-\s*", sym, t)
    return re.sub(r"\s+", "", t)


def email_ok(s):
    t = normalise_email(s)
    if t.count("@") != 1:
        return False
    local, domain = t.split("@")
    return bool(re.fullmatch(r"[a-z0-9._%+'-]+", local)) and bool(EXAMPLE_DOMAIN.match(domain))


# ------------------------------------------------------------- phone rules
def phone_digits(s):
    t = re.sub(r"(?i)[\s,;]*(?:ext\.?|extension|x|#)\s*\d{1,5}\s*$", "", s.strip())
    d = re.sub(r"\D", "", t)
    if len(d) == 11 and d[0] == "1":
        d = d[1:]
    return d


def phone_ok(s):
    if not re.match(r"[\d(+]", s) or not s[-1].isdigit():
        return False
    d = phone_digits(s)
    if len(d) == 10:
        return d[3:6] == "555" and d[6:8] == "01"
    if len(d) == 7:
        return d[:3] == "555"
    return False


def url_ok(s):
    t = s.lower()
    t = re.sub(r"^[a-z]+://", "", t)
    host = re.split(r"[/?#:]", t, 1)[0]
    return bool(EXAMPLE_DOMAIN.match(host)) or host in URL_HOSTS_OK or host.startswith("www.example.")


# -------------------------------------------------------------------- roster
def check_roster():
    roster = json.loads((HERE / "roster.json").read_text(encoding="utf-8"))
    if len(roster) != 150:
        err(f"roster: {len(roster)} people, expected 150")
    keys = {"first", "last", "nickname", "email", "phone", "school", "district", "role"}
    emails, phones = Counter(), Counter()
    for p in roster:
        if set(p) != keys:
            err(f"roster: bad keys {sorted(p)}")
            continue
        for k in ("first", "last", "email", "phone", "role"):
            if not isinstance(p[k], str) or not p[k]:
                err(f"roster: {p['first']} {p['last']}: empty {k}")
        if p["school"] is not None and p["district"] is None:
            err(f"roster: {p['first']} {p['last']}: school without district")
        if not email_ok(p["email"]) or "@" not in p["email"] or " " in p["email"]:
            err(f"roster: bad e-mail {p['email']}")
        if not phone_ok(p["phone"]) or len(phone_digits(p["phone"])) != 10:
            err(f"roster: bad phone {p['phone']}")
        emails[p["email"]] += 1
        phones[p["phone"]] += 1
    for c, n in (emails + phones).items():
        if n > 1:
            err(f"roster: duplicate {c}")
    school_staff = [p for p in roster if p["school"]]
    district_staff = [p for p in roster if not p["school"] and p["district"]]
    state_staff = [p for p in roster if not p["school"] and not p["district"]]
    schools = {p["school"] for p in school_staff}
    districts = {p["district"] for p in roster if p["district"]}
    return roster, dict(school_staff=len(school_staff), district_staff=len(district_staff),
                        state_staff=len(state_staff), schools=len(schools), districts=len(districts))


# ------------------------------------------------------------------ comments
def outside_spans(text, spans):
    chars = list(text)
    for s in spans:
        for i in range(s["start"], s["end"]):
            chars[i] = "\0"
    return "".join(chars)


def check_comments(roster):
    comments, ids = [], set()
    with open(HERE / "comments.jsonl", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            c = json.loads(line)
            comments.append(c)
            if set(c) != {"id", "text", "spans", "review"}:
                err(f"line {n}: bad keys {sorted(c)}")
            if not ID_RE.match(c["id"]):
                err(f"line {n}: bad id {c['id']}")
            if c["id"] in ids:
                err(f"line {n}: duplicate id {c['id']}")
            ids.add(c["id"])
            if not isinstance(c["review"], bool):
                err(f"{c['id']}: review must be bool")
    if len(comments) != EXPECT_N:
        err(f"{len(comments)} comments, expected {EXPECT_N}")
    want = {f"third-{i:04d}" for i in range(1, EXPECT_N + 1)}
    if ids != want:
        err("ids are not exactly third-0001 .. third-%04d" % EXPECT_N)

    full_names = sorted({f"{p['first']} {p['last']}" for p in roster}, key=len, reverse=True)
    loose_email = re.compile(r"[\w.+-]+\s?@\s?[\w-]+(?:\.[\w-]+)+")
    loose_phone = re.compile(r"555[-. ]?01\d\d|\b555-\d{4}\b")
    for c in comments:
        t, prev_end = c["text"], 0
        if t != t.strip() or not t:
            err(f"{c['id']}: empty text or surrounding whitespace")
        for s in c["spans"]:
            cid = c["id"]
            if set(s) != {"start", "end", "kind", "text"}:
                err(f"{cid}: bad span keys {sorted(s)}")
                continue
            if s["kind"] not in KINDS:
                err(f"{cid}: bad kind {s['kind']}")
            if not (0 <= s["start"] < s["end"] <= len(t)):
                err(f"{cid}: span out of range {s}")
                continue
            if t[s["start"]:s["end"]] != s["text"]:
                err(f"{cid}: span text mismatch {s}")
            if s["start"] < prev_end:
                err(f"{cid}: spans out of order or overlapping at {s['start']}")
            prev_end = s["end"]
            if s["text"] != s["text"].strip():
                err(f"{cid}: span has surrounding whitespace {s['text']!r}")
            if s["kind"] == "email" and not email_ok(s["text"]):
                err(f"{cid}: e-mail span breaks the rules: {s['text']!r}")
            if s["kind"] == "phone" and not phone_ok(s["text"]):
                err(f"{cid}: phone span breaks the rules: {s['text']!r}")
            if s["kind"] == "url" and not url_ok(s["text"]):
                err(f"{cid}: url span host not allowed: {s['text']!r}")
            if s["kind"] == "person" and re.search(r"['\u2019]s$", s["text"]):
                err(f"{cid}: possessive inside person span: {s['text']!r}")
        rest = outside_spans(t, c["spans"])
        if loose_email.search(rest):
            err(f"{c['id']}: unlabelled e-mail-like text: {loose_email.search(rest).group(0)!r}")
        if loose_phone.search(rest):
            err(f"{c['id']}: unlabelled 555 number: {loose_phone.search(rest).group(0)!r}")
        for name in full_names:
            if re.search(r"\b" + re.escape(name) + r"\b", rest):
                err(f"{c['id']}: unlabelled roster name {name!r}")
    return comments


def group_of(c):
    return "review" if c["review"] else ("pos" if c["spans"] else "neg")


def check_split(comments):
    split = json.loads((HERE / "split.json").read_text(encoding="utf-8"))
    if set(split) != {"tune", "heldout"}:
        err("split.json: keys must be tune, heldout")
        return {}
    tune, held = set(split["tune"]), set(split["heldout"])
    allids = {c["id"] for c in comments}
    if tune & held:
        err("split.json: tune and heldout overlap")
    if (tune | held) != allids:
        err("split.json: does not cover exactly the comment ids")
    if len(tune) != len(split["tune"]) or len(held) != len(split["heldout"]):
        err("split.json: duplicate ids")
    where = {i: "tune" for i in tune} | {i: "heldout" for i in held}
    for g in ("neg", "review", "pos"):
        a = sum(1 for c in comments if group_of(c) == g and where.get(c["id"]) == "tune")
        b = sum(1 for c in comments if group_of(c) == g and where.get(c["id"]) == "heldout")
        if abs(a - b) > 1:
            err(f"split.json: stratum {g} unbalanced {a}/{b}")
    return where


def main():
    md = "--markdown" in sys.argv[1:]
    roster, rstats = check_roster()
    comments = check_comments(roster)
    where = check_split(comments)
    if errors:
        for e in errors[:200]:
            print("ERROR:", e)
        print(f"{len(errors)} error(s)")
        sys.exit(1)

    cols = ("tune", "heldout", "all")
    rows = []
    for g in ("neg", "review", "pos"):
        cnt = Counter()
        for c in comments:
            if group_of(c) == g:
                cnt[where[c["id"]]] += 1
                cnt["all"] += 1
        label = {"neg": "comments: no personal data", "review": "comments: review = true",
                 "pos": "comments: with spans, review = false"}[g]
        rows.append((label, cnt))
    cnt = Counter()
    for c in comments:
        if c["review"] and c["spans"]:
            cnt[where[c["id"]]] += 1
            cnt["all"] += 1
    rows.append(("comments: review = true with spans", cnt))
    cnt = Counter({"tune": sum(1 for c in comments if where[c["id"]] == "tune"),
                   "heldout": sum(1 for c in comments if where[c["id"]] == "heldout"),
                   "all": len(comments)})
    rows.append(("comments: total", cnt))
    for k in KINDS:
        cnt = Counter()
        for c in comments:
            for s in c["spans"]:
                if s["kind"] == k:
                    cnt[where[c["id"]]] += 1
                    cnt["all"] += 1
        rows.append((f"spans: {k}", cnt))
    cnt = Counter()
    for c in comments:
        cnt[where[c["id"]]] += len(c["spans"])
        cnt["all"] += len(c["spans"])
    rows.append(("spans: total", cnt))

    if md:
        print("| | tune | heldout | all |")
        print("|---|---:|---:|---:|")
        for label, cnt in rows:
            print(f"| {label} | " + " | ".join(str(cnt[c]) for c in cols) + " |")
        print()
        print(f"Roster: {rstats['school_staff']} school staff in {rstats['schools']} schools, "
              f"{rstats['district_staff']} district staff, {rstats['state_staff']} state staff, "
              f"{rstats['districts']} districts.")
    else:
        print("OK: all checks passed")
        print(f"roster: {rstats}")
        w = max(len(l) for l, _ in rows)
        print(f"{'':{w}}  " + "  ".join(f"{c:>7}" for c in cols))
        for label, cnt in rows:
            print(f"{label:{w}}  " + "  ".join(f"{cnt[c]:>7}" for c in cols))


if __name__ == "__main__":
    main()
