#!/usr/bin/env python3
"""Verify comments.jsonl, roster.json and split.json of the `fresh` set.

Checks every span's text against text[start:end], span ordering/overlap,
kinds, ids, review flags, the split, and roster constraints (e-mail domains,
555 phone lines).  Prints counts by kind.  Exit status 1 on any error.

  python3 check.py          # verify and print counts
  python3 check.py --lint   # also list roster name tokens / 555 numbers /
                            # '@' found OUTSIDE spans (for manual review;
                            # many are deliberate hard negatives)
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = ["person", "email", "phone", "url", "address", "school", "district"]
DOMAINS = ("example.org", "example.com", "example.net")


def main():
    errors = []
    lint = "--lint" in sys.argv
    recs = [json.loads(l) for l in (HERE / "comments.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    ids = [r["id"] for r in recs]
    if len(set(ids)) != len(ids):
        errors.append("duplicate ids")
    kind_counts = Counter()
    comments_with = Counter()
    n_clean = n_review = n_review_spans = n_pii = 0
    for r in recs:
        if set(r) != {"id", "text", "spans", "review"}:
            errors.append(f"{r.get('id')}: unexpected keys {sorted(r)}")
        if not re.fullmatch(r"fresh-\d{4}", r["id"]):
            errors.append(f"{r['id']}: bad id")
        if not isinstance(r["review"], bool):
            errors.append(f"{r['id']}: review not bool")
        text = r["text"]
        if "[[" in text or "]]" in text:
            errors.append(f"{r['id']}: leftover markup")
        prev_end = -1
        for s in sorted(r["spans"], key=lambda s: s["start"]):
            if s["kind"] not in KINDS:
                errors.append(f"{r['id']}: bad kind {s['kind']}")
            if not (0 <= s["start"] < s["end"] <= len(text)):
                errors.append(f"{r['id']}: bad offsets {s}")
            elif text[s["start"]:s["end"]] != s["text"]:
                errors.append(f"{r['id']}: span text mismatch {s} vs {text[s['start']:s['end']]!r}")
            if s["start"] < prev_end:
                errors.append(f"{r['id']}: overlapping spans")
            if s["text"] != s["text"].strip():
                errors.append(f"{r['id']}: span has outer whitespace {s['text']!r}")
            if s["kind"] == "person" and s["text"].endswith(("'s", "\u2019s")):
                errors.append(f"{r['id']}: possessive inside person span {s['text']!r}")
            if s["kind"] == "email":
                low = s["text"].lower()
                norm = re.sub(r"\s*[\(\[]?\s*dot\s*[\)\]]?\s*", ".", low)
                if not any(d in norm for d in DOMAINS):
                    errors.append(f"{r['id']}: e-mail outside example domains {s['text']!r}")
            if s["kind"] == "phone" and "555" not in re.sub(r"\D", "", s["text"]):
                errors.append(f"{r['id']}: phone not on a 555 line {s['text']!r}")
            prev_end = s["end"]
            kind_counts[s["kind"]] += 1
        for k in {s["kind"] for s in r["spans"]}:
            comments_with[k] += 1
        if r["review"]:
            n_review += 1
            n_review_spans += bool(r["spans"])
        elif r["spans"]:
            n_pii += 1
        else:
            n_clean += 1

    split = json.loads((HERE / "split.json").read_text())
    if split.get("tune") != [] or sorted(split.get("heldout", [])) != sorted(ids):
        errors.append("split.json does not hold every id in heldout with empty tune")

    roster = json.loads((HERE / "roster.json").read_text(encoding="utf-8"))
    need = {"first", "last", "email", "phone", "school", "district", "role"}
    for p in roster:
        if not need <= set(p) or not set(p) <= need | {"nickname"}:
            errors.append(f"roster: bad keys {p}")
        if not p["email"].endswith(tuple("@" + d for d in DOMAINS)):
            errors.append(f"roster: bad email {p['email']}")
        if not re.fullmatch(r"\(\d{3}\) 555-01\d\d", p["phone"]):
            errors.append(f"roster: bad phone {p['phone']}")
    schools = {p["school"] for p in roster if p["school"]}
    districts = {p["district"] for p in roster}

    print(f"roster: {len(roster)} people, {len(schools)} schools, {len(districts)} districts, "
          f"{sum(1 for p in roster if p['school'] is None)} district-office staff")
    print(f"comments: {len(recs)}  (no personal data: {n_clean}; with spans, review=false: {n_pii}; "
          f"review=true: {n_review}, of which with spans: {n_review_spans})")
    print()
    print("| kind | spans | comments containing |")
    print("|---|---:|---:|")
    for k in KINDS:
        print(f"| {k} | {kind_counts[k]} | {comments_with[k]} |")
    print(f"| **total** | {sum(kind_counts.values())} | {sum(1 for r in recs if r['spans'])} |")

    if lint:
        toks = set()
        for p in roster:
            for f in ("first", "last", "nickname"):
                for t in re.split(r"[\s]+", p.get(f) or ""):
                    if len(t) > 1:
                        toks.add(t.lower())
        print("\nLINT (outside spans):")
        for r in recs:
            text = r["text"]
            mask = list(text)
            for s in r["spans"]:
                for i in range(s["start"], s["end"]):
                    mask[i] = " "
            outside = "".join(mask)
            hits = [w for w in re.findall(r"[A-Za-z][A-Za-z'\-]+", outside)
                    if w.lower().removesuffix("'s") in toks]
            extra = re.findall(r"\S*@\S*|\b555\b\S*", outside)
            if hits or extra:
                print(f"  {r['id']} review={r['review']} hits={hits} extra={extra}")

    if errors:
        print("\nERRORS:")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("\nOK: every span's text equals text[start:end]; no errors.")


if __name__ == "__main__":
    main()
