#!/usr/bin/env python3
"""Validate the 'sixth' redaction evaluation set. Standard library only.

Usage: python3 check.py [--markdown]
Exit status 0 when every check passes.
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = ["person", "email", "phone", "url", "address", "school", "district"]
N = 600
EXAMPLE_DOMAIN = re.compile(r"(?:^|\.)example\.(?:org|com|net)$")
SHORTENERS = {"bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "rb.gy", "buff.ly", "tiny.cc", "cutt.ly"}

errors = []


def err(msg):
    errors.append(msg)


# ---------- helpers -------------------------------------------------------
DODGES = [
    (r"\s*[\[\(\{<]\s*at\s*[\]\)\}>]\s*", "@"),
    (r"\s*[\[\(\{<]\s*dot\s*[\]\)\}>]\s*", "."),
    (r"\s+at\s+", "@"),
    (r"\s+dot\s+", "."),
]


def undodge_email(s):
    t = s.strip()
    for pat, rep in DODGES:
        t = re.sub(pat, rep, t, flags=re.I)
    t = re.sub(r"\s*@\s*", "@", t)
    t = re.sub(r"\s*\.\s*", ".", t)
    return t.lower()


EMAIL_FULL = re.compile(r"^[a-z0-9._%+'-]+@([a-z0-9-]+(?:\.[a-z0-9-]+)+)$")


def email_ok(s):
    t = undodge_email(s)
    m = EMAIL_FULL.match(t)
    return bool(m) and bool(EXAMPLE_DOMAIN.search(m.group(1)))


EXT = re.compile(r"(?i)[\s,;]*(?:ext\.?|extension|x|#)\s*\d{1,5}$")


def phone_ok(s):
    core = EXT.sub("", s.strip())
    if re.search(r"[^\d\s().+/\-]", core):
        return False
    d = re.sub(r"\D", "", core)
    if len(d) == 11 and d[0] == "1":
        d = d[1:]
    if len(d) == 10:
        return d[3:6] == "555" and d[6:8] == "01"
    if len(d) == 7:
        return d[:3] == "555"
    return False


def url_ok(s):
    t = s.strip()
    t = re.sub(r"(?i)^https?://", "", t)
    host, _, path = t.partition("/")
    host = host.lower().split(":")[0]
    if host.startswith("www."):
        host = host[4:]
    if EXAMPLE_DOMAIN.search(host):
        return True
    return host in SHORTENERS and len(path.strip("/")) > 0


LEAK_PATTERNS = [
    ("email", re.compile(r"[\w.+'-]+\s*@\s*[\w-]+(?:\s*\.\s*[\w-]+)+")),
    ("email", re.compile(r"(?i)[\w.]+\s*(?:[\[\(\{<]\s*at\s*[\]\)\}>]|\s+at\s+)\s*[\w-]+\s*(?:[\[\(\{<]\s*dot\s*[\]\)\}>]|\s+dot\s+)\s*\w+")),
    ("phone", re.compile(r"(?<![\w.])(?:\+?1[\s.\-]?)?\(?\d{3}\)?[\s.\-/]{0,2}\d{3}[\s.\-]\d{4}(?!\d)")),
    ("phone", re.compile(r"(?<!\d)\d{10,11}(?!\d)")),
    ("phone", re.compile(r"(?<![\d.])555[\s.\-]?\d{4}(?!\d)")),
    ("url", re.compile(r"(?i)\b(?:https?://|www\.)\S+")),
    ("url", re.compile(r"(?i)\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|ly|io|gl|gd|co|us|cc|gy)\b")),
    ("example", re.compile(r"(?i)example\s*(?:\.|dot)")),
]

TITLES = r"(?:Mr|Mrs|Ms|Mx|Dr|Prof|Supt|Sr|Sra|Srta|Fr|Msgr|Sgt|Col|Lt|Capt|Maj|Gen|Cpt|SSgt|MSgt|CMSgt|CPO|Rev)\.?"


def category(c):
    if c["review"]:
        return "review"
    return "pos" if c["spans"] else "neg"


def main():
    markdown = "--markdown" in sys.argv[1:]
    try:
        roster = json.loads((HERE / "roster.json").read_text(encoding="utf-8"))
        comments = [json.loads(l) for l in (HERE / "comments.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
        split = json.loads((HERE / "split.json").read_text(encoding="utf-8"))
    except Exception as e:  # noqa
        print("cannot load outputs:", e)
        sys.exit(1)

    # roster
    if not isinstance(roster, list) or len(roster) != 140:
        err(f"roster must have 140 entries, has {len(roster)}")
    keys = ["first", "last", "nickname", "email", "phone", "school", "district", "role"]
    for i, r in enumerate(roster):
        if sorted(r) != sorted(keys):
            err(f"roster[{i}] keys {sorted(r)}")
        for k in keys:
            if r.get(k) is not None and not isinstance(r[k], str):
                err(f"roster[{i}].{k} not str/null")
        if r.get("email") and not email_ok(r["email"]):
            err(f"roster[{i}] email not on example domain: {r['email']}")
        if r.get("phone") and not phone_ok(r["phone"]):
            err(f"roster[{i}] phone shape: {r['phone']}")
    for k in ("email", "phone"):
        vals = [r[k].lower() if k == "email" else re.sub(r"\D", "", r[k]) for r in roster if r.get(k)]
        dup = [v for v, n in Counter(vals).items() if n > 1]
        if dup:
            err(f"duplicate roster {k}: {dup}")
    staff = Counter("school" if r["school"] else ("district" if r["district"] else "state") for r in roster)

    # comments
    want_ids = [f"sixth-{i:04d}" for i in range(1, N + 1)]
    ids = [c.get("id") for c in comments]
    if sorted(ids) != want_ids:
        err("ids are not exactly sixth-0001..sixth-0600 (or duplicates)")
    texts = Counter(c.get("text") for c in comments)
    for t, n in texts.items():
        if n > 1:
            err(f"duplicate text x{n}: {str(t)[:80]!r}")
    for c in comments:
        cid = c.get("id")
        if sorted(c) != ["id", "review", "spans", "text"]:
            err(f"{cid}: keys {sorted(c)}")
            continue
        if not isinstance(c["text"], str) or not isinstance(c["review"], bool) or not isinstance(c["spans"], list):
            err(f"{cid}: field types")
            continue
        text = c["text"]
        if text != text.strip() or not text:
            err(f"{cid}: text empty or has outer whitespace")
        prev_end = -1
        for s in c["spans"]:
            if sorted(s) != ["end", "kind", "start", "text"]:
                err(f"{cid}: span keys {sorted(s)}")
                continue
            st, en, k, st_text = s["start"], s["end"], s["kind"], s["text"]
            if not (isinstance(st, int) and isinstance(en, int) and 0 <= st < en <= len(text)):
                err(f"{cid}: bad offsets {s}")
                continue
            if text[st:en] != st_text:
                err(f"{cid}: text mismatch {text[st:en]!r} != {st_text!r}")
            if st < prev_end:
                err(f"{cid}: spans unsorted or overlapping at {st_text!r}")
            prev_end = en
            if k not in KINDS:
                err(f"{cid}: bad kind {k}")
            if st_text != st_text.strip():
                err(f"{cid}: outer whitespace in {st_text!r}")
            if k == "person" and re.search(r"['\u2019]s?$", st_text) and not re.search(r"\b[A-Z]\.?'$", st_text):
                err(f"{cid}: possessive inside person span {st_text!r}")
            if k == "email" and not email_ok(st_text):
                err(f"{cid}: email not safe/example: {st_text!r}")
            if k == "phone" and not phone_ok(st_text):
                err(f"{cid}: phone shape not allowed: {st_text!r}")
            if k == "url" and not url_ok(st_text):
                err(f"{cid}: url not on example/shortener: {st_text!r}")
            if k in ("person", "school", "district") and "\n" in st_text:
                err(f"{cid}: newline inside {k} span {st_text!r}")
        # leaks outside spans
        masked = list(text)
        for s in c["spans"]:
            for i in range(s["start"], s["end"]):
                masked[i] = "\u2588"
        masked = "".join(masked)
        for name, pat in LEAK_PATTERNS:
            for m in pat.finditer(masked):
                if "\u2588" in m.group(0):
                    continue
                err(f"{cid}: {name}-like text outside spans: {m.group(0)!r}")
        if category(c) == "neg" and c["spans"]:
            err(f"{cid}: neg with spans")

    # split
    tune, held = split.get("tune", []), split.get("heldout", [])
    if sorted(tune + held) != want_ids:
        err("split does not cover every id exactly once")
    cat_of = {c["id"]: category(c) for c in comments}
    for cat in ("neg", "review", "pos"):
        a = sum(1 for i in tune if cat_of.get(i) == cat)
        b = sum(1 for i in held if cat_of.get(i) == cat)
        if abs(a - b) > 1:
            err(f"split unbalanced for {cat}: {a} vs {b}")

    # counts
    halves = {"tune": set(tune), "heldout": set(held)}
    rows = []
    for label, fn in ([("comments: " + cat, (lambda c, cat=cat: category(c) == cat)) for cat in ("neg", "review", "pos")]
                      + [("comments: review with spans", lambda c: c["review"] and bool(c["spans"]))]):
        rows.append((label, [sum(1 for c in comments if c["id"] in halves[h] and fn(c)) for h in halves]))
    rows.append(("comments: total", [len(halves[h] & set(ids)) for h in halves]))
    for k in KINDS:
        rows.append(("spans: " + k, [sum(1 for c in comments if c["id"] in halves[h] for s in c["spans"] if s["kind"] == k)
                                     for h in halves]))
    rows.append(("spans: total", [sum(len(c["spans"]) for c in comments if c["id"] in halves[h]) for h in halves]))

    # informational: roster share of person spans
    def norm(x):
        x = re.sub(r"^(?:(?:%s|Coach|Principal|Superintendent|Sister|Father|Rabbi|Imam|Pastor|Officer|Monsignor|Hermana|Madame|Miss|Señora|Señor)\s+)+" % TITLES, "", x.strip(), flags=re.I)
        return re.sub(r"[^a-z0-9]", "", x.lower())
    rnames = set()
    for r in roster:
        f, l, nck = r["first"], r["last"], r["nickname"]
        forms = [f, l, f"{f} {l}", f"{l} {f}", f"{l}, {f}", (f[0] + l[0]), f"{f[0]}. {l}", f"{f[0]}{l}"]
        if nck:
            forms += [nck, f"{nck} {l}"]
        for fm in forms:
            rnames.add(norm(fm))
    persons = [s["text"] for c in comments for s in c["spans"] if s["kind"] == "person"]
    in_roster = sum(1 for p in persons if norm(p) in rnames)

    if markdown:
        print("| count | tune | heldout | total |")
        print("|---|---:|---:|---:|")
        for label, (a, b) in rows:
            print(f"| {label} | {a} | {b} | {a + b} |")
        print()
    else:
        for label, (a, b) in rows:
            print(f"{label:32s} tune={a:4d} heldout={b:4d} total={a + b}")
    print(f"roster: {len(roster)} people {dict(staff)}; person spans matching a roster form: "
          f"{in_roster}/{len(persons)} ({100.0 * in_roster / max(1, len(persons)):.0f}%)")

    if errors:
        for e in errors[:200]:
            print("FAIL:", e)
        print(f"{len(errors)} problem(s)")
        sys.exit(1)
    print("OK: all checks passed")


if __name__ == "__main__":
    main()
