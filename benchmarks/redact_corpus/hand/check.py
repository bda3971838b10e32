"""Validate the hand-written redaction corpus and print counts.
Checks: JSON shape, kinds, offsets (span text == text[start:end]), span boundaries,
no overlaps, split covers every id exactly once and matches the documented rule.
Lints (warnings): roster names / titled surnames / e-mails / phone-like strings outside spans.
Exit status 1 on any error."""
import collections, hashlib, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = ["person", "email", "phone", "url", "address", "school", "district"]
errors, warnings = [], []

comments = []
with open(os.path.join(HERE, "comments.jsonl"), encoding="utf-8") as f:
    for ln, line in enumerate(f, 1):
        try:
            c = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"line {ln}: bad JSON: {e}"); continue
        comments.append(c)

ids = [c.get("id") for c in comments]
if len(set(ids)) != len(ids):
    errors.append("duplicate ids")

for c in comments:
    cid, text = c.get("id"), c.get("text")
    if set(c) != {"id", "text", "spans", "review"}:
        errors.append(f"{cid}: unexpected keys {sorted(c)}")
    if not isinstance(text, str) or not text:
        errors.append(f"{cid}: empty text"); continue
    if not isinstance(c.get("review"), bool):
        errors.append(f"{cid}: review not bool")
    prev_end = -1
    for s in c["spans"]:
        st, en, k = s.get("start"), s.get("end"), s.get("kind")
        if k not in KINDS:
            errors.append(f"{cid}: bad kind {k!r}")
        if not (isinstance(st, int) and isinstance(en, int) and 0 <= st < en <= len(text)):
            errors.append(f"{cid}: bad offsets {st},{en}"); continue
        seg = text[st:en]
        if "text" in s and s["text"] != seg:
            errors.append(f"{cid}: span text {s['text']!r} != text[{st}:{en}] {seg!r}")
        if st < prev_end:
            errors.append(f"{cid}: overlapping or unsorted spans at {st}")
        prev_end = en
        if seg != seg.strip():
            errors.append(f"{cid}: span has outer whitespace {seg!r}")
        if st > 0 and text[st - 1].isalnum():
            errors.append(f"{cid}: span starts inside a word {seg!r}")
        if en < len(text) and text[en].isalnum():
            errors.append(f"{cid}: span ends inside a word {seg!r}")
        if seg[-1] in ",;:!?)" or (seg[-1] == "." and k in ("email", "url", "phone")):
            errors.append(f"{cid}: span ends with punctuation {seg!r}")

# ---- split -------------------------------------------------------------------
def split_rule(comments):
    kind_freq = collections.Counter(k for c in comments for k in {s["kind"] for s in c["spans"]})
    strata = collections.defaultdict(list)
    for c in comments:
        ks = {s["kind"] for s in c["spans"]}
        rare = min(ks, key=lambda k: (kind_freq[k], k)) if ks else "none"
        strata[(rare, c["review"])].append(c["id"])
    tune, held = [], []
    for j, key in enumerate(sorted(strata, key=lambda k: (k[1], k[0]))):
        for n, i in enumerate(sorted(strata[key], key=lambda i: hashlib.sha256(i.encode()).hexdigest())):
            (tune if (n + j) % 2 == 0 else held).append(i)
    return {"tune": sorted(tune), "heldout": sorted(held)}

split = json.load(open(os.path.join(HERE, "split.json")))
tune, held = set(split["tune"]), set(split["heldout"])
if tune & held:
    errors.append(f"ids in both halves: {sorted(tune & held)[:5]}")
if (tune | held) != set(ids):
    errors.append("split does not cover exactly the comment ids")
if split_rule(comments) != {"tune": sorted(split["tune"]), "heldout": sorted(split["heldout"])}:
    errors.append("split.json does not match the documented rule")

# ---- lints -------------------------------------------------------------------
roster = json.load(open(os.path.join(HERE, "roster.json"), encoding="utf-8"))
if len(roster) != 120:
    errors.append(f"roster has {len(roster)} people")
for r in roster:
    for key in ("first", "last", "email", "phone", "school", "district", "role"):
        if key not in r:
            errors.append(f"roster entry missing {key}: {r}")
    if not re.fullmatch(r"[^@\s]+@example\.(org|com|net)", r["email"]):
        errors.append(f"roster e-mail not on an example domain: {r['email']}")
    if not re.search(r"555-01\d\d$", r["phone"]):
        errors.append(f"roster phone not 555-01xx: {r['phone']}")

def covered(c, a, b):
    return any(s["start"] <= a and b <= s["end"] for s in c["spans"])

patterns = []
for r in roster:
    patterns.append(re.escape(f"{r['first']} {r['last']}"))
    patterns.append(r"\b(?:Mr|Ms|Mrs|Dr|Mx)\.? " + re.escape(r["last"]) + r"\b")
    patterns.append(re.escape(r["email"]))
lint_res = [re.compile(p, re.I) for p in patterns] + [
    re.compile(r"\b555[-.\s–]?01\d\d\b"),
    re.compile(r"[\w.-]+\s*(?:@|\(at\)|\[at\]|\{at\})\s*example", re.I),
    re.compile(r"\b(?:https?://|www\.)\S+?(?=[.,;:!?)]*(?:\s|$))", re.I),
]
PUBLIC = {"dr. king"}  # public figure, deliberately not a span
for c in comments:
    for rx in lint_res:
        for m in rx.finditer(c["text"]):
            if not covered(c, m.start(), m.end()) and m.group(0).lower() not in PUBLIC:
                warnings.append(f"{c['id']}: {m.group(0)!r} outside spans: {c['text'][:80]!r}")

# ---- counts ------------------------------------------------------------------
def counts(sel):
    spans = collections.Counter(s["kind"] for c in sel for s in c["spans"])
    cms = collections.Counter(k for c in sel for k in {s["kind"] for s in c["spans"]})
    nopii = sum(1 for c in sel if not c["spans"] and not c["review"])
    review = sum(1 for c in sel if c["review"])
    review_only = sum(1 for c in sel if c["review"] and not c["spans"])
    return spans, cms, nopii, review, review_only

by_id = {c["id"]: c for c in comments}
halves = {"all": comments, "tune": [by_id[i] for i in split["tune"]],
          "heldout": [by_id[i] for i in split["heldout"]]}
print(f"{'':18}" + "".join(f"{h:>16}" for h in halves))
res = {h: counts(sel) for h, sel in halves.items()}
print(f"{'comments':18}" + "".join(f"{len(sel):>16}" for sel in halves.values()))
for k in KINDS:
    print(f"{k:18}" + "".join(f"{res[h][0][k]:>7} spans/{res[h][1][k]:>3}c" for h in halves))
print(f"{'all spans':18}" + "".join(f"{sum(res[h][0].values()):>16}" for h in halves))
print(f"{'no-PII comments':18}" + "".join(
    f"{res[h][2]:>9} ({100 * res[h][2] / len(halves[h]):.1f}%)" for h in halves))
print(f"{'review=true':18}" + "".join(f"{res[h][3]:>16}" for h in halves))
print(f"{'review, no spans':18}" + "".join(f"{res[h][4]:>16}" for h in halves))

for w in warnings:
    print("WARNING", w)
for e in errors:
    print("ERROR", e)
print(f"{len(errors)} errors, {len(warnings)} warnings")
sys.exit(1 if errors else 0)
