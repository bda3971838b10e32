#!/usr/bin/env python3
"""Validate the "fourth" corpus (roster.json, comments.jsonl, split.json) and print counts.

Usage: python3 check.py [--markdown]
Exit status 0 when everything passes, 1 otherwise. Python 3.11 standard library only.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = ("person", "email", "phone", "url", "address", "school", "district")
CATEGORIES = ("neg", "review", "pos")
N_COMMENTS = 700
N_PEOPLE = 150
ROSTER_KEYS = ("first", "last", "nickname", "email", "phone", "school", "district", "role")
SHORTENERS = {"bit.ly", "tinyurl.com", "t.co", "ow.ly", "goo.gl", "rb.gy", "is.gd", "shorturl.at"}

errors: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


# --------------------------------------------------------------------------- rules
EMAIL_RE = re.compile(r"^[a-z0-9][a-z0-9._%+\-]*@([a-z0-9\-]+\.)*example\.(org|com|net)$")


def normalize_email(s: str) -> str:
    s = s.strip().lower()
    s = re.sub(r"\s*[\[\(\{<]\s*at\s*[\]\)\}>]\s*", "@", s)
    s = re.sub(r"\s*[\[\(\{<]\s*dot\s*[\]\)\}>]\s*", ".", s)
    s = re.sub(r"\s+at\s+", "@", s)
    s = re.sub(r"\s+dot\s+", ".", s)
    return re.sub(r"\s+", "", s)


def email_ok(s: str) -> bool:
    return bool(EMAIL_RE.match(normalize_email(s)))


WORD_DIGITS = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3",
               "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
EXT_RE = re.compile(r"(?i)[\s,;]*(?:x|ext\.?|ext:|extension)\s*\d{1,6}\s*$")


def phone_digits(s: str) -> str:
    s = EXT_RE.sub("", s)
    s = re.sub(r"[A-Za-z]+", lambda m: WORD_DIGITS.get(m.group(0).lower(), m.group(0)), s)
    if re.search(r"[A-Za-z]", s):
        return ""
    return re.sub(r"\D", "", s)


def phone_ok(s: str) -> bool:
    d = phone_digits(s)
    if len(d) == 11 and d[0] == "1":
        d = d[1:]
    if len(d) == 10:
        return d[3:8] == "55501"
    if len(d) == 7:
        return d.startswith("555")
    return False


def url_ok(s: str) -> bool:
    u = re.sub(r"^(?i:https?://)", "", s.strip())
    host = re.split(r"[/?#:]", u, 1)[0].lower()
    if host.startswith("www."):
        host = host[4:]
    return bool(re.fullmatch(r"([a-z0-9\-]+\.)*example\.(org|com|net)", host)) or host in SHORTENERS


# --------------------------------------------------------------------------- checks
def check_roster(path: Path) -> dict:
    roster = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(roster, list) or len(roster) != N_PEOPLE:
        err(f"roster: expected a list of {N_PEOPLE} people")
        return {}
    emails, phones = Counter(), Counter()
    for i, p in enumerate(roster):
        if tuple(p.keys()) != ROSTER_KEYS:
            err(f"roster[{i}]: keys {list(p.keys())}")
            continue
        for k in ("first", "last", "email", "phone", "role"):
            if not isinstance(p[k], str) or not p[k]:
                err(f"roster[{i}]: {k} must be a non-empty string")
        for k in ("nickname", "school", "district"):
            if p[k] is not None and (not isinstance(p[k], str) or not p[k]):
                err(f"roster[{i}]: {k} must be a non-empty string or null")
        if p["school"] is not None and p["district"] is None:
            err(f"roster[{i}]: school without district")
        if not email_ok(p["email"]) or normalize_email(p["email"]) != p["email"]:
            err(f"roster[{i}]: bad e-mail {p['email']!r}")
        if not phone_ok(p["phone"]):
            err(f"roster[{i}]: bad phone {p['phone']!r}")
        emails[p["email"]] += 1
        phones[p["phone"]] += 1
    for e, n in emails.items():
        if n > 1:
            err(f"roster: e-mail {e} used {n} times")
    for ph, n in phones.items():
        if n > 1:
            err(f"roster: phone {ph} used {n} times")
    return {
        "people": len(roster),
        "school staff": sum(1 for p in roster if p.get("school")),
        "district staff": sum(1 for p in roster if not p.get("school") and p.get("district")),
        "state staff": sum(1 for p in roster if not p.get("school") and not p.get("district")),
        "schools": len({p["school"] for p in roster if p.get("school")}),
        "districts": len({p["district"] for p in roster if p.get("district")}),
        "with nickname": sum(1 for p in roster if p.get("nickname")),
    }


def category(c: dict) -> str:
    if c["review"]:
        return "review"
    return "pos" if c["spans"] else "neg"


def check_comments(path: Path) -> list[dict]:
    comments = []
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line:
            continue
        try:
            comments.append(json.loads(line))
        except json.JSONDecodeError as e:
            err(f"comments.jsonl:{n}: {e}")
    if len(comments) != N_COMMENTS:
        err(f"comments: {len(comments)} lines, expected {N_COMMENTS}")
    expected_ids = [f"fourth-{i:04d}" for i in range(1, len(comments) + 1)]
    if [c.get("id") for c in comments] != expected_ids:
        err("comments: ids are not fourth-0001 ... in order")
    if len({c.get("id") for c in comments}) != len(comments):
        err("comments: duplicate ids")
    if len({c.get("text") for c in comments}) != len(comments):
        err("comments: duplicate texts")
    for c in comments:
        cid = c.get("id")
        if set(c.keys()) != {"id", "text", "spans", "review"}:
            err(f"{cid}: keys {sorted(c.keys())}")
            continue
        if not isinstance(c["text"], str) or not c["text"].strip():
            err(f"{cid}: empty text")
        if not isinstance(c["review"], bool):
            err(f"{cid}: review must be a bool")
        prev_end = 0
        for s in c["spans"]:
            if set(s.keys()) != {"start", "end", "kind", "text"}:
                err(f"{cid}: span keys {sorted(s.keys())}")
                continue
            st, en, kind, t = s["start"], s["end"], s["kind"], s["text"]
            if not (isinstance(st, int) and isinstance(en, int) and 0 <= st < en <= len(c["text"])):
                err(f"{cid}: bad offsets {st}-{en}")
                continue
            if c["text"][st:en] != t:
                err(f"{cid}: text mismatch {c['text'][st:en]!r} != {t!r}")
            if st < prev_end:
                err(f"{cid}: span {t!r} overlaps or is out of order")
            prev_end = en
            if kind not in KINDS:
                err(f"{cid}: unknown kind {kind!r}")
            if t != t.strip():
                err(f"{cid}: span {t!r} has outer whitespace")
            if kind == "email" and not email_ok(t):
                err(f"{cid}: e-mail span breaks the rules: {t!r}")
            if kind == "phone" and not phone_ok(t):
                err(f"{cid}: phone span breaks the rules: {t!r}")
            if kind == "url" and not url_ok(t):
                err(f"{cid}: url span is not on an allowed domain: {t!r}")
            if kind == "person" and re.search(r"['\u2019]s$", t):
                err(f"{cid}: possessive inside person span {t!r}")
            if kind == "address" and not re.search(r"\d", t):
                err(f"{cid}: address without any number {t!r}")
    return comments


def check_split(path: Path, comments: list[dict]) -> dict:
    split = json.loads(path.read_text(encoding="utf-8"))
    if set(split.keys()) != {"tune", "heldout"}:
        err(f"split: keys {sorted(split.keys())}")
        return {}
    ids = [c["id"] for c in comments]
    both = split["tune"] + split["heldout"]
    if sorted(both) != sorted(ids) or len(both) != len(set(both)):
        err("split: tune + heldout must cover every id exactly once")
    cat = {c["id"]: category(c) for c in comments}
    for k in CATEGORIES:
        a = sum(1 for i in split["tune"] if cat.get(i) == k)
        b = sum(1 for i in split["heldout"] if cat.get(i) == k)
        if abs(a - b) > 1:
            err(f"split: {k} not balanced ({a} tune vs {b} heldout)")
    return split


# --------------------------------------------------------------------------- report
def tables(comments: list[dict], split: dict) -> tuple[list[str], list[list[str]]]:
    which = {i: "tune" for i in split.get("tune", [])}
    which.update({i: "heldout" for i in split.get("heldout", [])})
    groups = {"all": comments,
              "tune": [c for c in comments if which.get(c["id"]) == "tune"],
              "heldout": [c for c in comments if which.get(c["id"]) == "heldout"]}
    header = ["count", "all", "tune", "heldout"]
    rows = []
    rows.append(["comments"] + [str(len(g)) for g in groups.values()])
    for k in CATEGORIES:
        label = {"neg": "no personal data (neg)", "review": "review = true",
                 "pos": "personal data, not review (pos)"}[k]
        rows.append([label] + [str(sum(1 for c in g if category(c) == k)) for g in groups.values()])
    rows.append(["review with spans"] +
                [str(sum(1 for c in g if c["review"] and c["spans"])) for g in groups.values()])
    rows.append(["spans (total)"] + [str(sum(len(c["spans"]) for c in g)) for g in groups.values()])
    for kind in KINDS:
        rows.append([f"{kind} spans"] +
                    [str(sum(1 for c in g for s in c["spans"] if s["kind"] == kind)) for g in groups.values()])
    for kind in KINDS:
        rows.append([f"comments with {kind}"] +
                    [str(sum(1 for c in g if any(s["kind"] == kind for s in c["spans"])))
                     for g in groups.values()])
    return header, rows


def main() -> int:
    markdown = "--markdown" in sys.argv[1:]
    rstats = check_roster(HERE / "roster.json")
    comments = check_comments(HERE / "comments.jsonl")
    split = check_split(HERE / "split.json", comments)
    header, rows = tables(comments, split)
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|")
        for r in rows:
            print("| " + " | ".join(r) + " |")
        print()
        print("| roster | count |")
        print("|---|---:|")
        for k, v in rstats.items():
            print(f"| {k} | {v} |")
    else:
        w = max(len(r[0]) for r in rows) + 2
        print(header[0].ljust(w) + "".join(h.rjust(9) for h in header[1:]))
        for r in rows:
            print(r[0].ljust(w) + "".join(x.rjust(9) for x in r[1:]))
        print()
        for k, v in rstats.items():
            print(f"roster {k}: {v}")
    if errors:
        print(f"\nFAILED: {len(errors)} problem(s)", file=sys.stderr)
        for e in errors[:200]:
            print("  " + e, file=sys.stderr)
        return 1
    print("\nOK: all checks passed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
