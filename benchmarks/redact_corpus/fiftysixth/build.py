#!/usr/bin/env python3
"""Build the "fiftysixth" redaction evaluation set from src/: the shared builder (../_set_build.py) with this set's
name and seeds. Standard library only; deterministic."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from _set_build import run  # noqa: E402

if __name__ == "__main__":
    run(HERE, "fiftysixth", 56_2026_1207, 56_0600_5656)
