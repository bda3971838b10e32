"""The project file and codebook: valid starters load; every kind of mistake names file, key path and expectation."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from evalkit.config import load_project
from evalkit.config.starter import write_starter
from evalkit.errors import ConfigError, EvalkitError


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    write_starter(tmp_path, project="demo_prog", title="Demo Program")
    return tmp_path


def _edit(folder: Path, name: str, fn) -> None:
    p = folder / name
    data = yaml.safe_load(p.read_text())
    fn(data)
    p.write_text(yaml.safe_dump(data, sort_keys=False))


@pytest.mark.parametrize("kind", ["cadre", "pipeline", "network", "principal_network", "state_resources"])
def test_starter_loads_for_every_program_kind(tmp_path: Path, kind: str) -> None:
    write_starter(tmp_path, project="p1", title="T", kind=kind)
    cfg = load_project(tmp_path)
    assert cfg.project.programs[0].kind.value == kind
    scale = cfg.codebook.instruments["participant_survey"].scales["leadership_practice"]
    assert scale.min_items == 3  # 75 % of 4 items, rounded up


def test_starter_refuses_to_overwrite(starter: Path) -> None:
    with pytest.raises(EvalkitError, match="already exists"):
        write_starter(starter, project="x", title="y")


@pytest.mark.parametrize(
    ("file", "mutate", "key_path", "expected"),
    [
        ("evalkit.yml", lambda d: d.pop("title"), "title", "required"),
        ("evalkit.yml", lambda d: d.update(titel="x"), "titel", "unknown key"),
        ("evalkit.yml", lambda d: d["programs"][0].update(kind="cadres"), "programs[0].kind", "cadre"),
        ("evalkit.yml", lambda d: d["cleaning"].update(speeder_fraction=2), "cleaning.speeder_fraction", "less than 1"),
        ("evalkit.yml", lambda d: d["privacy"].update(n_min=4), "privacy", "n_min_override_reason"),
        ("evalkit.yml", lambda d: d["sources"][0].pop("wave"), "sources[0]", "instrument' and 'wave"),
        ("evalkit.yml", lambda d: d["sources"][0].update(instrument="nope"), "sources[0].instrument", "not in the codebook"),
        ("evalkit.yml", lambda d: d["programs"][0].update(guskey_levels=[6]), "programs[0].guskey_levels[0]", "1, 2, 3, 4 or 5"),
        ("codebook.yml", lambda d: d["instruments"]["participant_survey"]["items"]["Q1_1"].update(scale="agree7"),
         "instruments", "response scale 'agree7' is not defined"),
        ("codebook.yml", lambda d: d["instruments"]["participant_survey"]["scales"]["leadership_practice"]["items"].append("Q7"),
         "instruments.participant_survey", "not defined in this instrument"),
        ("codebook.yml", lambda d: d["response_scales"]["agree5"].update(favorable=[6]), "response_scales.agree5", "favorable codes"),
        ("codebook.yml", lambda d: d["instruments"]["participant_survey"]["scales"]["leadership_practice"].update(min_share=1.5),
         "instruments.participant_survey.scales.leadership_practice.min_share", "less than or equal to 1"),
    ],
)
def test_bad_config_names_file_key_and_expectation(starter: Path, file, mutate, key_path, expected) -> None:
    _edit(starter, file, mutate)
    with pytest.raises(ConfigError) as info:
        load_project(starter)
    msg = str(info.value)
    assert file in msg
    assert any(path.startswith(key_path) for path, _ in info.value.problems), info.value.problems
    assert expected in msg
    # never a pydantic dump
    assert "validation error" not in msg.lower() and "pydantic" not in msg.lower() and "input_value" not in msg


def test_yaml_syntax_error_names_line(starter: Path) -> None:
    (starter / "evalkit.yml").write_text("project: x\ntitle: [unclosed\n")
    with pytest.raises(ConfigError, match=r"line \d+, column \d+"):
        load_project(starter)


def test_missing_project_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found") as info:
        load_project(tmp_path / "nope.yml")
    assert "evalkit init" in str(info.value)


def test_every_problem_reported_at_once(starter: Path) -> None:
    def both(d):
        d.pop("title")
        d["cleaning"]["partial"] = "sometimes"

    _edit(starter, "evalkit.yml", both)
    with pytest.raises(ConfigError) as info:
        load_project(starter)
    paths = [p for p, _ in info.value.problems]
    assert "title" in paths and "cleaning.partial" in paths


def test_model_switches_reach_every_detector(starter: Path) -> None:
    """``anonymize: {token_model: false, review_model: false}`` in the project file gives the rules alone to the
    clean stage's check, the anonymize stage's redactor and the audit (all built by ``build_detector``); the default
    reads with both models, and each switch turns off its own."""
    from evalkit.clean.checks import build_detector

    default = build_detector(load_project(starter), {})
    assert default.token_model is not None and default.review_model is not None
    _edit(starter, "evalkit.yml", lambda d: d.setdefault("anonymize", {}).update(token_model=False))
    assert build_detector(load_project(starter), {}).token_model is None
    assert build_detector(load_project(starter), {}).review_model is not None
    _edit(starter, "evalkit.yml", lambda d: d["anonymize"].update(review_model=False))
    assert build_detector(load_project(starter), {}).review_model is None
    _edit(starter, "evalkit.yml", lambda d: d["anonymize"].update(token_model="sometimes"))
    with pytest.raises(ConfigError, match="token_model"):
        load_project(starter)
