#!/usr/bin/env python3
"""Authoring aid: body-name fragments that appear outside marks (places are expected in negatives)."""
import glob, os, re, sys
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARK = re.compile(r"\[\[([A-Za-z]+):(.*?)\]\]", re.DOTALL)
FRAG = re.compile(r"Elementary|Elem\b|Middle School|High School|\bHS\b|\bMS\b|Academy|School District|Public Schools|"
                  r"Head Start|Day School|Mission|Language Nest|Cooperative|Co-op|BOCES|Consortium|Tribal School|RESA|"
                  r"FCSD|CLASD|LMPSD|TMV|NLA|Arrow Creek|Two Moons|Rimrock|Sacrifice Cliff|Skyline Drive|Dinosaur Hill|"
                  r"Canyon Lake|Little Muddy|Watford Prairie|Tobacco Garden|Badger Creek|Running Crane|Redwater|Big Muddy|"
                  r"Sage Creek|Little Wind|Owl Creek|Medicine Tail|Northern Lights|Sweet Medicine|Missouri Breaks|"
                  r"Tongue River|Little Horn|Two Medicine|SD 9|District \d|\bTED\b|\bCo\b")
for path in sorted(glob.glob(os.path.join(HERE, "src", sys.argv[1] if len(sys.argv) > 1 else "*_*.txt"))):
    for i, b in enumerate(open(path, encoding="utf-8").read().split("\n---\n"), 1):
        bare = MARK.sub(lambda m: "#" * len(m.group(0)), b)
        for m in FRAG.finditer(bare):
            print(f"{os.path.basename(path)}:{i}: ...{bare[max(0,m.start()-40):m.end()+25]!r}")
