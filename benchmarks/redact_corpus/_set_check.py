"""Validate one of the built blind sets (seventeenth to twentyfirst). Standard library only.

Each set's own check.py calls :func:`run` with its folder and its name (the sets were written with byte-identical
copies of this checker, which it replaces).

  python3 check.py              validate, print a one-line summary, exit 1 on any problem
  python3 check.py --markdown   validate, then print the counts table in Markdown
"""
import collections
import json
import os
import re
import sys

# the set being checked: its folder and its ids' prefix (set by run())
HERE = PREFIX = ""
KINDS = ["person", "email", "phone", "url", "address", "school", "district"]
ROSTER_KEYS = ["first", "last", "nickname", "email", "phone", "school", "district", "role"]
CATEGORIES = ["neg", "review", "pos"]
EXPECTED_TOTAL = 600
SAFE_EMAIL_DOMAIN = re.compile(r"(^|\.)example\.(org|com|net)$", re.I)
SAFE_URL_HOSTS = ("bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "forms.gle", "rb.gy", "shorturl.at")
PLAIN_EMAIL = re.compile(r"[\w.+'-]+@([\w-]+(?:\.[\w-]+)+)", re.U)
URLISH = re.compile(r"(?:https?://|www\.)([^\s/<>()\"']+)", re.I)

NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])}
NUMBER_WORDS["oh"] = "0"

problems = []


def problem(msg):
    problems.append(msg)


def load_json(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as fh:
        return json.load(fh)


def host_ok(host):
    host = host.lower().rstrip(".,;:")
    if host.startswith("www."):
        host = host[4:]
    if SAFE_EMAIL_DOMAIN.search(host):
        return True
    return any(host == h or host.endswith("." + h) for h in SAFE_URL_HOSTS)


def check_roster():
    roster = load_json("roster.json")
    if not isinstance(roster, list) or not roster:
        problem("roster.json: not a non-empty list")
        return []
    for i, r in enumerate(roster):
        if not isinstance(r, dict) or list(r.keys()) != ROSTER_KEYS:
            problem(f"roster[{i}]: keys must be exactly {ROSTER_KEYS}")
            continue
        for k, v in r.items():
            if v is not None and (not isinstance(v, str) or not v.strip() or v != v.strip() or v == "-"):
                problem(f"roster[{i}].{k}: bad value {v!r}")
        if not r["first"]:
            problem(f"roster[{i}]: first name missing")
        if r["email"]:
            m = re.fullmatch(r"[\w.'-]+@([\w.-]+)", r["email"])
            if not m or not SAFE_EMAIL_DOMAIN.search(m.group(1)):
                problem(f"roster[{i}]: e-mail not on an example domain: {r['email']}")
        if r["phone"] and not re.fullmatch(r"\d{3}-555-01\d\d", r["phone"]):
            problem(f"roster[{i}]: phone not in 555-01xx form: {r['phone']}")
    emails = [r["email"] for r in roster if isinstance(r, dict) and r.get("email")]
    if len(emails) != len(set(emails)):
        problem("roster: duplicate e-mails")
    return roster


def check_comments():
    recs = []
    with open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                problem(f"comments.jsonl:{n}: bad JSON ({exc})")
                continue
            recs.append(rec)
    ids = []
    for rec in recs:
        if list(rec.keys()) != ["id", "text", "spans", "review"]:
            problem(f"{rec.get('id')}: keys must be id,text,spans,review")
            continue
        cid, text, spans = rec["id"], rec["text"], rec["spans"]
        ids.append(cid)
        if not re.fullmatch(PREFIX + r"-\d{4}", cid or ""):
            problem(f"{cid}: bad id")
        if not isinstance(text, str) or not text.strip():
            problem(f"{cid}: empty text")
            continue
        if "[[" in text or "]]" in text:
            problem(f"{cid}: literal '[[' or ']]' in text")
        if not isinstance(rec["review"], bool):
            problem(f"{cid}: review must be a boolean")
        prev_end, prev_start = -1, -1
        for s in spans:
            if list(s.keys()) != ["start", "end", "kind", "text"]:
                problem(f"{cid}: span keys must be start,end,kind,text")
                continue
            a, b = s["start"], s["end"]
            if not (isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= len(text)):
                problem(f"{cid}: bad offsets {a}-{b}")
                continue
            if text[a:b] != s["text"]:
                problem(f"{cid}: offsets {a}-{b} give {text[a:b]!r}, span says {s['text']!r}")
            if s["kind"] not in KINDS:
                problem(f"{cid}: bad kind {s['kind']!r}")
            if (a, b) < (prev_start, prev_end) or a < prev_end:
                problem(f"{cid}: spans unsorted or overlapping")
            if s["text"] != s["text"].strip():
                problem(f"{cid}: span with outer whitespace {s['text']!r}")
            prev_start, prev_end = a, b
            # safety of invented contact data
            if s["kind"] == "email":
                m = PLAIN_EMAIL.fullmatch(s["text"])
                if m and not SAFE_EMAIL_DOMAIN.search(m.group(1)):
                    problem(f"{cid}: e-mail span not on an example domain: {s['text']}")
                if not re.search(r"example", s["text"], re.I):
                    problem(f"{cid}: e-mail span without an example domain: {s['text']}")
            if s["kind"] == "phone":
                spoken = s["text"].lower()
                for w, dgt in NUMBER_WORDS.items():
                    spoken = re.sub(r"\b" + w + r"\b", dgt, spoken)
                digits = re.sub(r"\D", "", spoken)
                if "55501" not in digits:
                    problem(f"{cid}: phone span not 555-01xx: {s['text']}")
            if s["kind"] == "url":
                host = re.sub(r"^(?:https?://)?", "", s["text"], flags=re.I).split("/")[0]
                if not host_ok(host):
                    problem(f"{cid}: url span on a non-example host: {s['text']}")
        for m in PLAIN_EMAIL.finditer(text):
            if not SAFE_EMAIL_DOMAIN.search(m.group(1).rstrip(".")):
                problem(f"{cid}: e-mail-like text on a non-example domain: {m.group(0)}")
        for m in URLISH.finditer(text):
            if not host_ok(m.group(1)):
                problem(f"{cid}: link on a non-example host: {m.group(0)}")
    if len(ids) != len(set(ids)):
        problem("comments.jsonl: duplicate ids")
    expected = [f"{PREFIX}-{n:04d}" for n in range(1, len(ids) + 1)]
    if sorted(ids) != expected:
        problem("comments.jsonl: ids are not a complete 0001..N sequence")
    if len(ids) != EXPECTED_TOTAL:
        problem(f"comments.jsonl: {len(ids)} comments, expected {EXPECTED_TOTAL}")
    texts = [r.get("text") for r in recs]
    if len(texts) != len(set(texts)):
        problem("comments.jsonl: duplicate texts")
    return {r["id"]: r for r in recs if "id" in r}


def check_provenance(by_id):
    prov = {}
    with open(os.path.join(HERE, "provenance.tsv"), encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        if header != ["id", "category", "source_file", "block"]:
            problem(f"provenance.tsv: bad header {header}")
        for n, line in enumerate(fh, 2):
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4:
                problem(f"provenance.tsv:{n}: expected 4 columns")
                continue
            cid, cat, src, block = parts
            if cid in prov:
                problem(f"provenance.tsv: duplicate id {cid}")
            prov[cid] = cat
            if cat not in CATEGORIES:
                problem(f"{cid}: bad category {cat}")
            if not os.path.isfile(os.path.join(HERE, src)):
                problem(f"{cid}: source file {src} missing")
            elif not os.path.basename(src).startswith(cat + "_"):
                problem(f"{cid}: category {cat} does not match source {src}")
            if not block.isdigit() or int(block) < 1:
                problem(f"{cid}: bad block number {block}")
            rec = by_id.get(cid)
            if rec is None:
                problem(f"provenance.tsv: unknown id {cid}")
                continue
            if rec["review"] != (cat == "review"):
                problem(f"{cid}: review flag does not match category {cat}")
            if cat == "neg" and rec["spans"]:
                problem(f"{cid}: negative with spans")
            if cat == "pos" and not rec["spans"]:
                problem(f"{cid}: positive without spans")
    if set(prov) != set(by_id):
        problem("provenance.tsv: ids differ from comments.jsonl")
    return prov


def check_split(by_id, prov):
    split = load_json("split.json")
    if not isinstance(split, dict) or sorted(split.keys()) != ["heldout", "tune"]:
        problem("split.json: keys must be tune and heldout")
        return {"tune": [], "heldout": []}
    tune, held = split["tune"], split["heldout"]
    if len(tune) != len(set(tune)) or len(held) != len(set(held)):
        problem("split.json: duplicate ids inside a part")
    if set(tune) & set(held):
        problem("split.json: tune and heldout overlap")
    if set(tune) | set(held) != set(by_id):
        problem("split.json: tune + heldout do not cover every comment")
    if abs(len(tune) - len(held)) > 1:
        problem(f"split.json: not 50/50 ({len(tune)} vs {len(held)})")
    for cat in CATEGORIES:
        a = sum(1 for i in tune if prov.get(i) == cat)
        b = sum(1 for i in held if prov.get(i) == cat)
        if abs(a - b) > 1:
            problem(f"split.json: category {cat} not stratified ({a} vs {b})")
    return split


def counts(ids, by_id, prov):
    c = collections.Counter()
    for i in ids:
        rec = by_id[i]
        c["comments"] += 1
        c[prov[i]] += 1
        if rec["spans"]:
            c["with_spans"] += 1
        c["spans"] += len(rec["spans"])
        for s in rec["spans"]:
            c["kind:" + s["kind"]] += 1
    return c


def markdown(split, by_id, prov):
    parts = {"tune": split["tune"], "heldout": split["heldout"], "total": list(by_id)}
    cs = {k: counts(v, by_id, prov) for k, v in parts.items()}
    rows = [("comments", "comments"), ("negative", "neg"), ("review", "review"), ("positive", "pos"),
            ("comments with spans", "with_spans"), ("spans", "spans")]
    rows += [(f"spans: {k}", "kind:" + k) for k in KINDS]
    out = ["| | tune | heldout | total |", "|---|---:|---:|---:|"]
    for label, key in rows:
        out.append(f"| {label} | {cs['tune'][key]} | {cs['heldout'][key]} | {cs['total'][key]} |")
    return "\n".join(out)


def main():
    roster = check_roster()
    by_id = check_comments()
    prov = check_provenance(by_id)
    split = check_split(by_id, prov)
    if problems:
        for p in problems[:200]:
            print("PROBLEM:", p)
        print(f"{len(problems)} problem(s)")
        sys.exit(1)
    print(f"ok: {len(by_id)} comments, {len(roster)} roster people, "
          f"tune={len(split['tune'])}, heldout={len(split['heldout'])}")
    if "--markdown" in sys.argv[1:]:
        print()
        print(markdown(split, by_id, prov))


def run(here, prefix):
    """Check the set in folder ``here``, whose ids are ``<prefix>-0001``..."""
    global HERE, PREFIX
    HERE, PREFIX = here, prefix
    main()
