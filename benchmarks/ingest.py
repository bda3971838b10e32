"""Ingest benchmark: evalkit's ingest + clean of a 1,000,000-row state outcome file vs bare pyarrow.

Both sides run in the same invocation, alternating, each in a fresh subprocess (so peak memory is
measured per side and neither warms the other's page cache unfairly: the file is read once before
timing). We report the median wall time of each side, the ratio evalkit / pyarrow (target ≤ 3×) and
each side's peak resident memory. Speed is judged by the ratio, never by absolute seconds.

Usage::

    python benchmarks/ingest.py [--rows 1000000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Peak resident memory of this process only: VmHWM belongs to the address space and starts afresh at
# exec, unlike getrusage's ru_maxrss, which Linux carries over from the parent.
_PEAK = """
def PEAK():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

_EVALKIT = _PEAK + """
import json, sys, time
t0 = time.perf_counter()
from evalkit.ingest.large import read_large_csv
from evalkit.clean.outcomes import clean_state_outcomes
table = read_large_csv(sys.argv[1])
table, summary = clean_state_outcomes(table)
t1 = time.perf_counter()
print(json.dumps({"seconds": t1 - t0, "rows": table.num_rows, "marked": summary.marked, "peak_mb": PEAK()}))
"""

_PYARROW = _PEAK + """
import json, sys, time
t0 = time.perf_counter()
import pyarrow.csv
table = pyarrow.csv.read_csv(sys.argv[1])
t1 = time.perf_counter()
print(json.dumps({"seconds": t1 - t0, "rows": table.num_rows, "peak_mb": PEAK()}))
"""


def _run(code: str, path: Path) -> dict:
    res = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=False)
    if res.returncode != 0:
        raise SystemExit(f"benchmark subprocess failed:\n{res.stderr[-2000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--keep", type=Path, default=None, help="keep the generated file here")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        path = (args.keep or Path(tmp)) / f"state_outcomes_{args.rows}.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"generating {args.rows:,} rows into {path} ...", flush=True)
        # Generate in a child process so this driver stays small.
        subprocess.run([sys.executable, "-c", "import sys, pathlib; from evalkit.demo.generate import make_state_outcomes; "
                        "make_state_outcomes(pathlib.Path(sys.argv[1]), int(sys.argv[2]), seed=1)", str(path), str(args.rows)],
                       check=True)
        size_mb = path.stat().st_size / 2**20
        with open(path, "rb") as fh:  # warm the page cache for both sides alike
            while fh.read(1 << 24):
                pass
        ev, pa_ = [], []
        for i in range(args.repeat):
            # Alternate the order so drift on a shared machine hits both sides alike.
            order = [("evalkit", _EVALKIT, ev), ("pyarrow", _PYARROW, pa_)]
            for name, code, sink in order if i % 2 == 0 else order[::-1]:
                r = _run(code, path)
                sink.append(r)
                print(f"  run {i + 1} {name:8s} {r['seconds']:.2f} s  peak {r['peak_mb']:.0f} MB", flush=True)
        t_ev = statistics.median(r["seconds"] for r in ev)
        t_pa = statistics.median(r["seconds"] for r in pa_)
        ratio = t_ev / t_pa
        print()
        print(f"file: {args.rows:,} rows, {size_mb:.0f} MB; {args.repeat} runs each, medians:")
        print(f"  evalkit ingest + clean : {t_ev:.2f} s   peak RSS {max(r['peak_mb'] for r in ev):.0f} MB")
        print(f"  bare pyarrow read_csv  : {t_pa:.2f} s   peak RSS {max(r['peak_mb'] for r in pa_):.0f} MB")
        print(f"  ratio evalkit / pyarrow: {ratio:.2f}x  (target <= 3x: {'met' if ratio <= 3 else 'NOT met'})")
        print(f"  suppression marks found: {ev[-1]['marked']}")
    return 0 if ratio <= 3 else 1


if __name__ == "__main__":
    raise SystemExit(main())
