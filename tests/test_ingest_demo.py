"""Every raw export of the demo project (data_raw/demo/) ingests with read_export, format detected."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from conftest import DEMO_DIR

from evalkit.ingest import FORMATS, read_export

_SKIP_SUFFIXES = {".md", ".json"}


def _demo_files() -> list[Path]:
    if not DEMO_DIR.is_dir():
        return []
    return sorted(p for p in DEMO_DIR.rglob("*")
                  if p.is_file() and p.suffix.lower() not in _SKIP_SUFFIXES and not p.name.startswith("."))


_FILES = _demo_files()
_read = functools.cache(read_export)  # each demo file is read once for both tests


@pytest.mark.parametrize("path", _FILES or [None], ids=lambda p: p.name if p else "empty")
def test_demo_file_ingests(path):
    if path is None:
        pytest.skip("data_raw/demo/ is empty: run `python -m evalkit.demo.generate` to create the demo exports")
    survey = _read(path)
    assert survey.source.format in FORMATS
    assert survey.source.n_rows == len(survey.data) > 0
    assert survey.data.columns.is_unique
    assert survey.data.index[0] == survey.source.header_rows + 1


def test_demo_formats_are_recognised():
    if not _FILES:
        pytest.skip("data_raw/demo/ is empty")
    found = {p.name: _read(p).source.format for p in _FILES}
    # The platform exports must be recognised as such, not fall back to a plain table.
    for name, fmt in found.items():
        if "qualtrics" in name:
            assert fmt == "qualtrics_csv", name
        elif "surveymonkey" in name:
            assert fmt == "surveymonkey_csv", name
        elif name.endswith(".sav"):
            assert fmt == "spss", name
