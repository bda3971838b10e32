#!/usr/bin/env python3
"""Verify the "second" corpus and print counts.

Checks: ids and schema; every span's text equals text[start:end]; spans are
sorted, non-overlapping, trimmed, of a known kind, and keep a possessive 's
outside; negatives carry no spans; split.json covers every id exactly once;
roster.json has 150 well-formed fictional people with example-domain e-mails
and 555 phone lines; e-mail spans use example domains; phone spans use a
555-01xx line (with area code) or a local 555-xxxx line.

Usage: python3 check.py [--markdown]
Exit status is non-zero when any check fails.
"""
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = ["person", "email", "phone", "url", "address", "school", "district"]
ROSTER_KEYS = {"first", "last", "nickname", "email", "phone", "school", "district", "role"}
errors = []


def err(msg):
    errors.append(msg)


def load():
    with open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8") as fh:
        comments = [json.loads(line) for line in fh if line.strip()]
    with open(os.path.join(HERE, "split.json"), encoding="utf-8") as fh:
        split = json.load(fh)
    with open(os.path.join(HERE, "roster.json"), encoding="utf-8") as fh:
        roster = json.load(fh)
    return comments, split, roster


def phone_ok(s):
    digits = re.sub(r"(?i)\s*(ext\.?|x)\s*\d+\s*$", "", s)
    digits = re.sub(r"\D", "", digits)
    if len(digits) == 11 and digits[0] == "1":
        digits = digits[1:]
    if len(digits) == 10:
        return digits[3:6] == "555" and digits[6:8] == "01"
    if len(digits) == 7:
        return digits[:3] == "555"
    return False


def email_ok(s):
    norm = s.lower()
    norm = re.sub(r"\s*[\[\(]\s*(at|@)\s*[\]\)]\s*|\s+at\s+|\s*@\s*", "@", norm)
    norm = re.sub(r"\s*[\[\(]\s*dot\s*[\]\)]\s*|\s+dot\s+|\s*\.\s*", ".", norm)
    return re.fullmatch(r"[a-z0-9._%+-]+@example\.(org|com|net)", norm) is not None


def check_comments(comments):
    seen = set()
    for c in comments:
        cid = c.get("id")
        if set(c) != {"id", "text", "spans", "review"}:
            err(f"{cid}: keys {sorted(c)}")
        if not re.fullmatch(r"second-\d{4}", str(cid)) or cid in seen:
            err(f"{cid}: bad or duplicate id")
        seen.add(cid)
        text = c["text"]
        if not isinstance(c["review"], bool):
            err(f"{cid}: review not bool")
        prev_end = -1
        for s in c["spans"]:
            if set(s) != {"start", "end", "kind", "text"}:
                err(f"{cid}: span keys {sorted(s)}")
                continue
            st, en, kind, stext = s["start"], s["end"], s["kind"], s["text"]
            if kind not in KINDS:
                err(f"{cid}: unknown kind {kind}")
            if not (0 <= st < en <= len(text)):
                err(f"{cid}: offsets out of range {st}-{en}")
                continue
            if text[st:en] != stext:
                err(f"{cid}: span text mismatch {stext!r} vs {text[st:en]!r}")
            if st < prev_end:
                err(f"{cid}: overlapping or unsorted spans at {st}")
            prev_end = en
            if stext != stext.strip():
                err(f"{cid}: span not trimmed {stext!r}")
            if kind == "person" and re.search(r"['\u2019]s$", stext):
                err(f"{cid}: possessive inside person span {stext!r}")
            if kind in ("person", "school", "district") and stext[-1] in ".,;:" and not re.search(r"\b[A-Z]\.$|\b(Jr|Sr|St|Dr|Mr|Ms|Mrs)\.$", stext):
                err(f"{cid}: trailing punctuation in {stext!r}")
            if kind == "email" and not email_ok(stext):
                err(f"{cid}: e-mail outside example domains or odd shape {stext!r}")
            if kind == "phone" and not phone_ok(stext):
                err(f"{cid}: phone not a 555-01xx / local 555 line {stext!r}")
            if (st > 0 and text[st - 1].isalnum()) or (en < len(text) and text[en].isalnum()):
                err(f"{cid}: span cuts a word {stext!r}")
    return seen


def check_split(split, ids):
    if set(split) != {"tune", "heldout"}:
        err(f"split keys {sorted(split)}")
    tune, held = split.get("tune", []), split.get("heldout", [])
    if set(tune) & set(held):
        err("split: tune and heldout overlap")
    if len(tune) != len(set(tune)) or len(held) != len(set(held)):
        err("split: duplicate ids")
    if set(tune) | set(held) != ids:
        err("split: does not cover exactly the comment ids")
    if abs(len(tune) - len(held)) > 1:
        err(f"split: halves differ in size {len(tune)} vs {len(held)}")


def check_roster(roster):
    if len(roster) != 150:
        err(f"roster: {len(roster)} people, want 150")
    for i, p in enumerate(roster):
        if not set(p) <= ROSTER_KEYS or not ROSTER_KEYS - {"nickname"} <= set(p):
            err(f"roster[{i}]: keys {sorted(p)}")
            continue
        if not re.fullmatch(r"[A-Za-z0-9._%+-]+@example\.(org|com|net)", p["email"]):
            err(f"roster[{i}]: e-mail {p['email']}")
        if not phone_ok(p["phone"]):
            err(f"roster[{i}]: phone {p['phone']}")
        if p["district"] is None and p["school"] is not None:
            err(f"roster[{i}]: school without district")
    emails = [p["email"] for p in roster]
    if len(set(emails)) != len(emails):
        err("roster: duplicate e-mails")
    names = [(p["first"], p["last"]) for p in roster]
    if len(set(names)) != len(names):
        err("roster: duplicate names")
    schools = {p["school"] for p in roster if p["school"]}
    districts = {p["district"] for p in roster if p["district"]}
    return len(schools), len(districts)


def counts(comments):
    c = Counter()
    for x in comments:
        c["comments"] += 1
        if x["review"]:
            c["review"] += 1
            if x["spans"]:
                c["review with spans"] += 1
        elif x["spans"]:
            c["with personal data"] += 1
        else:
            c["no personal data"] += 1
        for s in x["spans"]:
            c[s["kind"]] += 1
            c["spans"] += 1
    return c


def main():
    comments, split, roster = load()
    ids = check_comments(comments)
    check_split(split, ids)
    n_schools, n_districts = check_roster(roster)
    by_id = {c["id"]: c for c in comments}
    parts = {
        "overall": comments,
        "tune": [by_id[i] for i in split["tune"] if i in by_id],
        "heldout": [by_id[i] for i in split["heldout"] if i in by_id],
    }
    table = {k: counts(v) for k, v in parts.items()}
    rows = ["comments", "no personal data", "with personal data", "review",
            "review with spans", "spans"] + KINDS
    md = "--markdown" in sys.argv
    if md:
        print("| | overall | tune | heldout |")
        print("|---|---:|---:|---:|")
        for r in rows:
            print(f"| {r} | " + " | ".join(str(table[k][r]) for k in parts) + " |")
    else:
        print(f"{'':22s}" + "".join(f"{k:>10s}" for k in parts))
        for r in rows:
            print(f"{r:22s}" + "".join(f"{table[k][r]:>10d}" for k in parts))
    print(f"\nroster: {len(roster)} people, {n_schools} schools, {n_districts} districts")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
