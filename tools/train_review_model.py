"""Fit the comments' model of ``evalkit/review_model.py`` on the tune halves of the labelled redaction corpora.

Each corpus of ``benchmarks/redact_corpus`` is read on its *tune* half only; the held-out halves, and the corpora kept
blind (``train_token_model.BLIND``), are never opened here. A comment is an example labelled by its corpus's
``review`` mark (a self-identifying description, which must go to the review queue); its features are
:func:`evalkit.review_model.features`, those seen in one training comment only left out.

The threshold is chosen by cross-validation over whole corpora (the folds of ``train_token_model``: a corpus is never
split between fitting and scoring): on each fold's corpora, a comment is flagged when the rules flag it (the detector
with the comments' model off) or the fold's model reaches the threshold, and the threshold kept is the lowest of the grid
(the most review found) whose clean comments added to the queue stay within ``--max-clean-added`` of the clean
comments. Then the model is fitted on every corpus and written with its record.

The regularization was chosen the same way (session 27; comments sent to review added / clean comments added, at each
C's chosen threshold on the same folds): see the record's ``cv`` and ``benchmarks/redact_corpus/RESULTS.md``.

Usage (scikit-learn is a test/benchmark dependency; evalkit reads the result with the standard library)::

    python tools/train_review_model.py [--C 1.0] [--folds 5] [--out evalkit/data/review_model.json.gz]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tools"))

from redact import load_corpus  # noqa: E402
from train_token_model import BLIND, corpora, write  # noqa: E402

from evalkit.pii import PiiDetector  # noqa: E402
from evalkit.review_model import ReviewModel, features, to_dict  # noqa: E402

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)


def examples(folder: Path) -> list[tuple[list[str], bool, bool, bool]]:
    """One corpus's tune half as ``(features, review, rules flag it, clean)`` per comment: the features of the text
    with what the detector redacts taken out, as :meth:`evalkit.pii.PiiDetector.find` reads it."""
    roster, rows = load_corpus(folder, "tune")
    detector = PiiDetector.from_roster(roster, review_model=False)
    out = []
    for row in rows:
        found = detector.find(row["text"])
        rules = any(s.label == "SELF_ID" for s in found)
        out.append((features(row["text"], [(s.start, s.end) for s in found if s.label != "SELF_ID"]),
                    bool(row.get("review")), rules, not row["spans"] and not row.get("review")))
    return out


def fit(data, C: float) -> ReviewModel:
    """A logistic regression on ``data`` (:func:`examples`' tuples) as a :class:`ReviewModel`."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    seen = Counter(f for feats, *_ in data for f in set(feats))
    vec = DictVectorizer()
    X = vec.fit_transform([{f: 1.0 for f in feats if seen[f] >= 2} for feats, *_ in data])
    y = [review for _, review, _, _ in data]
    clf = LogisticRegression(C=C, max_iter=5000).fit(X, y)
    weights = {name: round(float(w), 5) for name, w in zip(vec.feature_names_, clf.coef_[0], strict=True)
               if abs(float(w)) >= 0.005}
    return ReviewModel(bias=round(float(clf.intercept_[0]), 5), weights=weights)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--C", type=float, default=1.0, help="inverse regularization strength (default 1.0)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--max-clean-added", type=float, default=0.005,
                    help="clean comments the model may add to the review queue, as a share of clean comments "
                         "(default 0.005)")
    ap.add_argument("--out", type=Path, default=ROOT / "evalkit" / "data" / "review_model.json.gz")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    read = {p.name: examples(p) for p in corpora()}
    names = sorted(read)
    n = sum(map(len, read.values()))
    print(f"{len(names)} corpora (tune halves), {n:,} comments read ({time.perf_counter() - t0:.0f} s)", flush=True)

    folds = [names[i::args.folds] for i in range(args.folds)]   # (the words' model's folds)
    base = Counter()
    table = {th: Counter() for th in THRESHOLDS}
    for k, held in enumerate(folds, 1):
        model = fit([e for name in names if name not in held for e in read[name]], args.C)
        for feats, review, rules, clean in (e for name in held for e in read[name]):
            base.update(review=review, found=review and rules, clean=clean, clean_sent=clean and rules)
            p = model.proba_of(feats)
            for th in THRESHOLDS:
                flag = rules or p >= th
                table[th].update(found=review and flag, clean_sent=clean and flag)
        print(f"fold {k}/{args.folds} done ({time.perf_counter() - t0:.0f} s)", flush=True)
    print(f"rules alone: review {base['found']} of {base['review']}, clean comments sent {base['clean_sent']} of "
          f"{base['clean']}")
    rows_cv = []
    for th in THRESHOLDS:
        found, sent = table[th]["found"], table[th]["clean_sent"]
        rows_cv.append({"threshold": th, "review_found": found, "review": base["review"], "clean_sent": sent,
                        "clean": base["clean"], "added_found": found - base["found"],
                        "added_clean_sent": sent - base["clean_sent"]})
        print(f"  threshold {th:.2f}: review {found} (+{found - base['found']}), clean comments sent {sent} "
              f"(+{sent - base['clean_sent']})")
    ok = [r for r in rows_cv if r["added_clean_sent"] <= args.max_clean_added * base["clean"]]
    chosen = min(ok, key=lambda r: r["threshold"])["threshold"] if ok else max(THRESHOLDS)
    print(f"threshold chosen: {chosen} (clean comments added at most {args.max_clean_added:.3f} of {base['clean']})")

    model = fit([e for name in names for e in read[name]], args.C)
    import sklearn

    out = ReviewModel(bias=model.bias, weights=model.weights, threshold=chosen, meta={
        "corpora": names, "half": "tune", "blind_left_out": sorted(BLIND), "comments": n, "C": args.C,
        "folds": args.folds, "max_clean_added": args.max_clean_added,
        "cv_rules_alone": {"review_found": base["found"], "review": base["review"],
                           "clean_sent": base["clean_sent"], "clean": base["clean"]},
        "cv": rows_cv, "scikit_learn": sklearn.__version__, "weights_kept": len(model.weights)})
    write(args.out, to_dict(out), len(model.weights), t0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
