"""Build roster.json, comments.jsonl and split.json from the hand-written sources.

Sources (all hand-written by the corpus author, see README.md):
  roster_src.py      fictional roster
  src_*.txt          one comment per line: "-|text" (review=false) or "R|text" (review=true);
                     personal spans are marked inline as [[k:span text]] with
                     k in p=person e=email t=phone u=url a=address s=school d=district;
                     a literal backslash-n in a line stands for a newline in the comment.
Offsets are computed here from the markup, so span text always equals text[start:end].
Run: python build.py && python check.py
"""
import glob, hashlib, json, os, random, re

import roster_src

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"p": "person", "e": "email", "t": "phone", "u": "url", "a": "address", "s": "school", "d": "district"}
MARK = re.compile(r"\[\[([petuasd]):(.*?)\]\]", re.S)
SEED = 20240611  # fixed shuffle so ids do not reveal the source category


def parse_line(body):
    body = body.replace("\\n", "\n")
    text, spans, pos = [], [], 0
    out_len = 0
    for m in MARK.finditer(body):
        pre = body[pos:m.start()]
        text.append(pre); out_len += len(pre)
        span_text = m.group(2)
        spans.append({"start": out_len, "end": out_len + len(span_text),
                      "kind": KINDS[m.group(1)], "text": span_text})
        text.append(span_text); out_len += len(span_text)
        pos = m.end()
    text.append(body[pos:])
    text = "".join(text)
    if "[[" in text or "]]" in text:
        raise ValueError(f"unbalanced markup: {body!r}")
    return text, spans


def split_rule(comments):
    """Stratified split: stratum = (rarest span kind in the comment, or 'none'; review flag).
    Inside a stratum, comments are ordered by SHA-256(id) hex digest and dealt alternately
    between 'tune' and 'heldout'; the j-th stratum (strata sorted by (review, kind)) starts with
    'tune' if j is even and with 'heldout' if j is odd, so odd remainders even out."""
    kind_freq = {}
    for c in comments:
        for k in {s["kind"] for s in c["spans"]}:
            kind_freq[k] = kind_freq.get(k, 0) + 1
    strata = {}
    for c in comments:
        ks = {s["kind"] for s in c["spans"]}
        rare = min(ks, key=lambda k: (kind_freq[k], k)) if ks else "none"
        strata.setdefault((rare, c["review"]), []).append(c["id"])
    tune, held = [], []
    for j, key in enumerate(sorted(strata, key=lambda k: (k[1], k[0]))):
        ids = sorted(strata[key], key=lambda i: hashlib.sha256(i.encode("utf-8")).hexdigest())
        for n, i in enumerate(ids):
            (tune if (n + j) % 2 == 0 else held).append(i)
    return {"tune": sorted(tune), "heldout": sorted(held)}


def main():
    roster = roster_src.build_roster()
    with open(os.path.join(HERE, "roster.json"), "w", encoding="utf-8") as f:
        json.dump(roster, f, ensure_ascii=False, indent=1)

    items = []
    for path in sorted(glob.glob(os.path.join(HERE, "src_*.txt"))):
        for ln, line in enumerate(open(path, encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if line[:2] not in ("-|", "R|"):
                raise ValueError(f"{path}:{ln}: bad prefix: {line!r}")
            text, spans = parse_line(line[2:])
            items.append((text, spans, line[0] == "R"))
    texts = [t for t, _, _ in items]
    dup = {t for t in texts if texts.count(t) > 1}
    if dup:
        raise ValueError(f"duplicate comments: {dup}")
    random.Random(SEED).shuffle(items)
    comments = [{"id": f"hand-{n:04d}", "text": t, "spans": s, "review": r}
                for n, (t, s, r) in enumerate(items, 1)]
    with open(os.path.join(HERE, "comments.jsonl"), "w", encoding="utf-8") as f:
        for c in comments:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "split.json"), "w", encoding="utf-8") as f:
        json.dump(split_rule(comments), f, indent=1)
    print(f"wrote {len(roster)} roster entries, {len(comments)} comments")


if __name__ == "__main__":
    main()
