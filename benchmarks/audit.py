"""Disclosure audit benchmark: protecting the demo's largest cadre bundle and a synthetic bundle of
200 linked tables, against a bare HiGHS baseline run side by side.

For each bundle it prints the time of ``Bundle.protect()`` (primary rules, the LP-driven
complementary suppression and the final attacker audit), the number of LP solves, and a ratio
against the baseline: the same number of LP solves of the same size done with bare
``scipy.optimize.linprog(method="highs")`` in a loop, which is what the audit cannot go below. The
ratio is evalkit's overhead (building constraint matrices, choosing complements, re-auditing).

Target (issue [4/5] §9): <= 2 s for a cadre bundle.

Usage::

    python benchmarks/audit.py [--tables 200] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import pandas as pd
from scipy.optimize import linprog

from evalkit.disclose import Bundle, DisclosurePolicy


def synthetic_bundle(n_tables: int, seed: int = 11) -> Bundle:
    """Items x 8 linked tables each: by school, by role, role x school, answers by school/role, shares."""
    rng = np.random.default_rng(seed)
    n = 600
    schools = [f"S{i:02d}" for i in range(10)]
    w = np.array([14, 13, 12, 11, 10, 10, 9, 8, 7, 6], dtype=float)   # school staff of 36 to 84
    base = pd.DataFrame({"school": rng.choice(schools, n, p=w / w.sum()),
                         "role": rng.choice(["teacher", "coach", "ap", "principal"], n, p=[.7, .15, .1, .05])})
    b = Bundle(DisclosurePolicy(), release_id="synthetic")
    items = max(1, n_tables // 8)
    for i in range(items):
        df = base.assign(answer=rng.choice(["SD", "D", "N", "A", "SA"], n, p=[.05, .15, .2, .4, .2]))
        u = f"item{i}"
        b.universe(u, df, ["school", "role", "answer"])
        b.counts(f"{u}_school", u, rows="school", title="by school")
        b.counts(f"{u}_role", u, rows="role", title="by role")
        b.counts(f"{u}_role_school", u, rows="role", cols="school", title="role x school")
        b.counts(f"{u}_school_answer", u, rows="school", cols="answer", responses=True, title="answers by school")
        b.counts(f"{u}_role_answer", u, rows="role", cols="answer", responses=True, title="answers by role")
        b.shares(f"{u}_share_school", u, group="school", response="answer", title="% by school")
        b.shares(f"{u}_share_role", u, group="role", response="answer", title="% by role")
        b.shares(f"{u}_share_all", u, response="answer", title="% overall", total=True)
    return b


def demo_bundle() -> tuple[Bundle, str]:
    """The demo cadre bundle with the most cells, rebuilt in memory (artifacts go to a temp folder)."""
    import tempfile
    from pathlib import Path

    from evalkit.pipeline import clean_project, demo_config
    from evalkit.report import build

    cfg = demo_config()
    cleaned = clean_project(cfg)
    captured: dict[str, Bundle] = {}
    original = Bundle.protect

    def spy(self, **kw):
        captured[self.release_id] = self
        return original(self, **kw)

    Bundle.protect = spy
    try:
        for unit in build.cadre_units(cfg):
            build.build_cadre_artifacts(cfg, cleaned, unit, Path(tempfile.mkdtemp()) / "a")
    finally:
        Bundle.protect = original
    rid = max(captured, key=lambda r: sum(len(t.cells) for t in captured[r].tables.values()))
    return captured[rid], rid


def baseline(solves: int, size: int, rows: int, seed: int = 3) -> float:
    """Seconds for ``solves`` bare HiGHS solves of a random feasible LP of the same shape."""
    rng = np.random.default_rng(seed)
    A = (rng.random((max(rows, 1), max(size, 1))) < 0.2).astype(float)
    x = rng.integers(0, 5, max(size, 1)).astype(float)
    b = A @ x
    t = time.perf_counter()
    for k in range(solves):
        c = np.zeros(max(size, 1))
        c[k % len(c)] = 1 if k % 2 else -1
        linprog(c, A_eq=A, b_eq=b, bounds=(0, None), method="highs")
    return time.perf_counter() - t


def measure(make, repeat: int) -> dict:
    times, solves, cells, hidden, shape = [], 0, 0, 0, (1, 1)
    for _ in range(repeat):
        b = make()
        t = time.perf_counter()
        pb = b.protect()
        times.append(time.perf_counter() - t)
        solves, cells, hidden = pb.audit.solves, pb.n_cells, pb.n_hidden
        sizes = [u.size for u in b.universes.values()]
        figs = len(pb.figures) / max(len(b.universes), 1)
        shape = (int(np.median(sizes)) if sizes else 1, int(figs))
    base = baseline(solves, *shape) if solves else 0.0
    return {"seconds": statistics.median(times), "solves": solves, "cells": cells, "hidden": hidden,
            "baseline": base, "shape": shape}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tables", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    demo, rid = demo_bundle()
    import copy
    rows = [("demo cadre bundle " + rid, measure(lambda: copy.deepcopy(demo), args.repeat)),
            (f"synthetic bundle, {args.tables} linked tables", measure(lambda: synthetic_bundle(args.tables),
                                                                      args.repeat))]
    print(f"{'bundle':55} {'protect s':>10} {'LP solves':>10} {'cells':>7} {'hidden':>7} "
          f"{'bare HiGHS s':>13} {'ratio':>6}")
    for name, m in rows:
        ratio = f"{m['seconds'] / m['baseline']:.2f}x" if m["baseline"] else "n/a"
        print(f"{name:55} {m['seconds']:10.2f} {m['solves']:10d} {m['cells']:7d} {m['hidden']:7d} "
              f"{m['baseline']:13.2f} {ratio:>6}")
    print(f"\ntarget: <= 2 s for a cadre bundle: {'met' if rows[0][1]['seconds'] <= 2 else 'NOT met'}")
    print("baseline: the same number of bare scipy.optimize.linprog(method='highs') solves of an LP of the "
          "median universe size (atoms x published figures), run in this process just after.")


if __name__ == "__main__":
    main()
