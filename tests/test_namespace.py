"""`import evalkit as ek` gives the stages and the notebook entry points lazily (PEP 562)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import evalkit as ek
from evalkit.errors import EvalkitError


def test_import_is_light_and_stages_load_on_first_use() -> None:
    code = ("import sys, evalkit as ek; assert 'pandas' not in sys.modules; "
            "ek.analyze; assert 'evalkit.analyze' in sys.modules; print(sorted(ek.__all__)[:3])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_stage_functions_through_the_top_level_name() -> None:
    from evalkit.analyze.effect_sizes import hedges_g

    x, y = np.array([5.0, 6.0, 7.0, 8.0]), np.array([4.0, 5.0, 5.0, 6.0])
    assert ek.analyze.hedges_g is hedges_g
    assert ek.analyze.hedges_g(x, y).estimate == hedges_g(x, y).estimate
    assert callable(ek.load_processed) and callable(ek.read_export) and callable(ek.load_project)
    assert {"analyze", "disclose", "load_processed"} <= set(dir(ek))


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'hedges_g'"):
        ek.hedges_g  # noqa: B018 - statistics live in ek.analyze, not at the top


def test_load_processed_says_what_to_run_when_nothing_was_anonymized(tmp_path: Path) -> None:
    with pytest.raises(EvalkitError, match="provenance.json is missing") as info:
        ek.load_processed(tmp_path)
    assert "evalkit anonymize" in info.value.hint
    with pytest.raises(EvalkitError, match="no such file or folder"):
        ek.load_processed(tmp_path / "absent")
