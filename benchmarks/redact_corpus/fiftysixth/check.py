#!/usr/bin/env python3
"""Validate the built "fiftysixth" set: the shared checker (../_set_check.py) with this set's name.

  python3 check.py              validate, print a one-line summary, exit 1 on any problem
  python3 check.py --markdown   validate, then print the counts table in Markdown
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from _set_check import run  # noqa: E402

if __name__ == "__main__":
    run(HERE, "fiftysixth")
