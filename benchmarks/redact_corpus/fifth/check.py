#!/usr/bin/env python3
"""Validate the `fifth` corpus (roster.json, comments.jsonl, split.json).

Prints counts by kind and by split; `--markdown` prints them as a table.
Exit status 1 if any problem is found.  Python 3.11 standard library only.
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = ["person", "email", "phone", "url", "address", "school", "district"]
ROSTER_KEYS = ["first", "last", "nickname", "email", "phone", "school", "district", "role"]
ID_RE = re.compile(r"^fifth-(\d{4})$")
EMAIL_OK = re.compile(r"^[a-z0-9._%+'-]+@([a-z0-9-]+\.)*example\.(org|com|net)$")
SHORTENERS = {"bit.ly", "tinyurl.com"}

problems = []


def problem(msg):
    problems.append(msg)


def norm_email(s):
    t = s.strip().lower()
    t = re.sub(r"\s*[\[\(\{<]\s*at\s*[\]\)\}>]\s*", "@", t)
    t = re.sub(r"\s*[\[\(\{<]\s*dot\s*[\]\)\}>]\s*", ".", t)
    t = re.sub(r"\s+at\s+", "@", t)
    t = re.sub(r"\s+dot\s+", ".", t)
    return re.sub(r"\s+", "", t)


def email_ok(s):
    return bool(EMAIL_OK.match(norm_email(s)))


def phone_ok(s):
    t = s.strip().lower()
    t = re.sub(r"[\s,;]*(ext\.?|extension|x|#)\s*\d{1,5}\s*$", "", t)
    digits = re.sub(r"\D", "", t)
    if len(digits) == 11 and digits[0] == "1":
        digits = digits[1:]
    if len(digits) == 10:
        return digits[3:6] == "555" and digits[6:8] == "01"
    if len(digits) == 7:
        return digits[:3] == "555"
    return False


def url_ok(s):
    t = s.strip().lower()
    t = re.sub(r"^[a-z]+://", "", t)
    host = re.split(r"[/?#:]", t, maxsplit=1)[0]
    if host in SHORTENERS:
        return "/" in t
    return bool(re.search(r"(^|\.)example\.(org|com|net)$", host))


# things that must never appear outside a span
STRAY_EMAIL = re.compile(r"[\w.+'-]+\s*(@|\[at\]|\(at\))\s*[\w-]+(\.[\w-]+)+", re.I)
STRAY_EXAMPLE = re.compile(r"example\s*(\.|\[dot\]|\(dot\)|\sdot\s)\s*(org|com|net)", re.I)
STRAY_PHONE = re.compile(r"(?<!\d)555[-.\s]?\d{4}(?!\d)")


def check_roster():
    try:
        roster = json.loads((HERE / "roster.json").read_text(encoding="utf-8"))
    except Exception as exc:  # noqa: BLE001
        problem(f"roster.json unreadable: {exc}")
        return []
    if not isinstance(roster, list):
        problem("roster.json is not a list")
        return []
    if len(roster) != 150:
        problem(f"roster has {len(roster)} people, expected 150")
    emails, phones = Counter(), Counter()
    for i, p in enumerate(roster):
        if list(p.keys()) != ROSTER_KEYS:
            problem(f"roster[{i}] keys {list(p.keys())}")
            continue
        for k in ("first", "last", "email", "phone", "role"):
            if not isinstance(p[k], str) or not p[k]:
                problem(f"roster[{i}] {k} missing")
        for k in ("nickname", "school", "district"):
            if p[k] is not None and (not isinstance(p[k], str) or not p[k]):
                problem(f"roster[{i}] {k} must be a non-empty string or null")
        if p["school"] is not None and p["district"] is None:
            problem(f"roster[{i}] has a school but no district")
        if not email_ok(p["email"]) or "@" not in p["email"]:
            problem(f"roster[{i}] e-mail breaks the rules: {p['email']}")
        if not phone_ok(p["phone"]):
            problem(f"roster[{i}] phone breaks the rules: {p['phone']}")
        emails[p["email"].lower()] += 1
        phones[re.sub(r"\D", "", p["phone"])] += 1
    for e, n in emails.items():
        if n > 1:
            problem(f"roster e-mail used {n} times: {e}")
    for ph, n in phones.items():
        if n > 1:
            problem(f"roster phone used {n} times: {ph}")
    return roster


def category(rec):
    if rec["review"]:
        return "review"
    return "pos" if rec["spans"] else "neg"


def check_comments():
    recs = []
    ids = Counter()
    with open(HERE / "comments.jsonl", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                r = json.loads(line)
            except json.JSONDecodeError as exc:
                problem(f"comments.jsonl line {n}: bad JSON ({exc})")
                continue
            if list(r.keys()) != ["id", "text", "spans", "review"]:
                problem(f"line {n}: keys {list(r.keys())}")
                continue
            recs.append(r)
    texts = Counter()
    for r in recs:
        cid, text, spans = r["id"], r["text"], r["spans"]
        ids[cid] += 1
        if not isinstance(cid, str) or not ID_RE.match(cid):
            problem(f"bad id {cid!r}")
        if not isinstance(text, str) or not text.strip():
            problem(f"{cid}: empty text")
            continue
        if not isinstance(r["review"], bool):
            problem(f"{cid}: review is not a bool")
        texts[text.strip().lower()] += 1
        prev_end = -1
        for s in spans:
            if list(s.keys()) != ["start", "end", "kind", "text"]:
                problem(f"{cid}: span keys {list(s.keys())}")
                continue
            a, b, k, t = s["start"], s["end"], s["kind"], s["text"]
            if not (isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= len(text)):
                problem(f"{cid}: bad offsets {a}-{b}")
                continue
            if text[a:b] != t:
                problem(f"{cid}: span text {t!r} != text[{a}:{b}] {text[a:b]!r}")
            if a < prev_end:
                problem(f"{cid}: spans out of order or overlapping at {a}")
            prev_end = b
            if k not in KINDS:
                problem(f"{cid}: bad kind {k!r}")
            if t != t.strip():
                problem(f"{cid}: span {t!r} has outer whitespace")
            if k == "email" and not email_ok(t):
                problem(f"{cid}: e-mail span breaks the rules: {t!r}")
            if k == "phone" and not phone_ok(t):
                problem(f"{cid}: phone span breaks the rules: {t!r}")
            if k == "url" and not url_ok(t):
                problem(f"{cid}: url span breaks the rules: {t!r}")
            if k == "person" and re.search(r"['’]s$", t):
                problem(f"{cid}: possessive inside person span: {t!r}")
        # look for e-mails / phones / example links left outside spans
        masked = list(text)
        for s in spans:
            if not (isinstance(s.get("start"), int) and isinstance(s.get("end"), int)):
                continue
            for i in range(max(0, s["start"]), min(len(masked), s["end"])):
                masked[i] = "\0"
        outside = "".join(masked)
        for rx, what in ((STRAY_EMAIL, "e-mail"), (STRAY_EXAMPLE, "example link"),
                         (STRAY_PHONE, "phone")):
            m = rx.search(outside)
            if m:
                problem(f"{cid}: unlabelled {what}-like text {m.group(0)!r}")
    for cid, n in ids.items():
        if n > 1:
            problem(f"duplicate id {cid}")
    expected = {f"fifth-{i:04d}" for i in range(1, len(recs) + 1)}
    if set(ids) != expected:
        problem("ids are not exactly fifth-0001 .. fifth-%04d" % len(recs))
    if len(recs) != 700:
        problem(f"{len(recs)} comments, expected 700")
    for t, n in texts.items():
        if n > 1:
            problem(f"duplicate comment text: {t[:60]!r}")
    return recs


def check_split(recs):
    split = json.loads((HERE / "split.json").read_text(encoding="utf-8"))
    if set(split.keys()) != {"tune", "heldout"}:
        problem(f"split.json keys {sorted(split)}")
        return {}
    tune, held = split["tune"], split["heldout"]
    if len(set(tune)) != len(tune) or len(set(held)) != len(held):
        problem("split has repeated ids")
    if set(tune) & set(held):
        problem("tune and heldout overlap")
    all_ids = {r["id"] for r in recs}
    if set(tune) | set(held) != all_ids:
        problem("split does not cover exactly the comment ids")
    where = {i: "tune" for i in tune}
    where.update({i: "heldout" for i in held})
    cats = Counter((category(r), where.get(r["id"])) for r in recs)
    for c in ("neg", "review", "pos"):
        if abs(cats[(c, "tune")] - cats[(c, "heldout")]) > 1:
            problem(f"split not stratified for {c}: {cats[(c, 'tune')]} vs {cats[(c, 'heldout')]}")
    return where


def main():
    markdown = "--markdown" in sys.argv[1:]
    roster = check_roster()
    recs = check_comments()
    where = check_split(recs)

    cols = ["tune", "heldout", "total"]
    rows = []  # (label, {col: n})

    def row(label, pred_count):
        d = {c: 0 for c in cols}
        for r in recs:
            n = pred_count(r)
            d[where.get(r["id"], "tune")] += n
            d["total"] += n
        rows.append((label, d))

    row("comments", lambda r: 1)
    for c in ("neg", "review", "pos"):
        row(f"comments: {c}", lambda r, c=c: int(category(r) == c))
    row("review with spans", lambda r: int(r["review"] and bool(r["spans"])))
    row("spans (all kinds)", lambda r: len(r["spans"]))
    for k in KINDS:
        row(f"spans: {k}", lambda r, k=k: sum(1 for s in r["spans"] if s["kind"] == k))

    if markdown:
        print("| count | tune | heldout | total |")
        print("|---|---:|---:|---:|")
        for label, d in rows:
            print(f"| {label} | {d['tune']} | {d['heldout']} | {d['total']} |")
    else:
        print(f"{'count':<22}{'tune':>8}{'heldout':>9}{'total':>8}")
        for label, d in rows:
            print(f"{label:<22}{d['tune']:>8}{d['heldout']:>9}{d['total']:>8}")
    if roster:
        school = sum(1 for p in roster if p.get("school"))
        district = sum(1 for p in roster if not p.get("school") and p.get("district"))
        state = sum(1 for p in roster if not p.get("school") and not p.get("district"))
        nsch = len({(p.get("district"), p.get("school")) for p in roster if p.get("school")})
        ndis = len({p.get("district") for p in roster if p.get("district")})
        line = (f"roster: {len(roster)} people = {school} school staff ({nsch} schools), "
                f"{district} district staff, {state} state staff; {ndis} districts")
        print(("\n" + line) if markdown else line)

    if problems:
        print(f"\nFAILED: {len(problems)} problem(s)", file=sys.stderr)
        for p in problems[:200]:
            print("  - " + p, file=sys.stderr)
        sys.exit(1)
    print("\nOK: all checks passed" if markdown else "OK: all checks passed")


if __name__ == "__main__":
    main()
