"""Shared test fixtures.

``REAL_FIXTURES`` holds real exports copied from public repositories (see its PROVENANCE.md). The
repository is cloned as ``main`` beside ``shared``, so the folder is ``../shared/fixtures/real``;
set ``EVALKIT_REAL_FIXTURES`` to use another copy. Tests that need it skip when it is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
REAL_FIXTURES = Path(os.environ.get("EVALKIT_REAL_FIXTURES") or Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "real")
DEMO_DIR = REPO / "data_raw" / "demo"


def real_fixture_files() -> list[Path]:
    """Every fixture file (PROVENANCE.md excluded), sorted; empty when the folder is absent."""
    if not REAL_FIXTURES.is_dir():
        return []
    return sorted(p for p in REAL_FIXTURES.rglob("*") if p.is_file() and p.name != "PROVENANCE.md")


@pytest.fixture(scope="session")
def real_fixtures() -> Path:
    """The real-export folder, or skip the test with a clear message."""
    if not REAL_FIXTURES.is_dir():
        pytest.skip("../shared/fixtures/real not found: real-export tests skipped "
                    "(set EVALKIT_REAL_FIXTURES to its location)")
    return REAL_FIXTURES
