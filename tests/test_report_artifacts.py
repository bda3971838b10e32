"""The artifact contract: load_facts validates everything in one pass, load_table keeps text as text."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from evalkit.errors import ReportError, ReportReason
from evalkit.report.artifacts import SCHEMA, Facts, load_facts, load_table
from evalkit.report.examples import example_facts, write_example_artifacts


@pytest.fixture
def art(tmp_path):
    return write_example_artifacts(tmp_path / "artifacts")


def test_load_facts_reads_the_example(art):
    facts = load_facts(art)
    assert isinstance(facts, Facts)
    assert facts.schema == SCHEMA
    assert facts.artifact_dir == art
    assert facts.data_as_of == dt.date(2026, 6, 30)
    assert facts.n_min == 10
    assert [h.value for h in facts.headline] == ["42", "88%"]
    assert facts.section("students").status == "pending"
    assert facts.tables["ratings"].file == "tables/ratings.csv"
    assert facts.provenance.inputs[0].sha256 == "0" * 63 + "1"
    with pytest.raises(TypeError):  # read-only views: the facts cannot be edited after validation
        facts.tables["x"] = None  # type: ignore[index]


def test_every_problem_is_reported_with_its_key_path(tmp_path):
    bad = example_facts()
    bad["schema"] = "evalkit.artifacts/0"
    bad["n_min"] = True
    bad["data_as_of"] = "30/06/2026"
    del bad["release_id"]
    bad["colour"] = "red"
    bad["sections"][0]["status"] = "done"
    bad["sections"][0]["tables"] = ["ratings", "nope"]
    bad["sections"][1]["pending_reason"] = None
    bad["tables"]["ratings"]["file"] = "../../secret.csv"
    bad["provenance"]["inputs"][0]["sha256"] = "xyz"
    art = write_example_artifacts(tmp_path, facts=bad)

    with pytest.raises(ReportError) as info:
        load_facts(art)
    err = info.value
    assert err.reason is ReportReason.bad_artifacts
    assert err.file == str(art / "facts.json")
    paths = {path for path, _ in err.problems}
    assert paths == {
        "schema", "n_min", "data_as_of", "release_id", "colour", "sections[0].status",
        "sections[0].tables[1]", "sections[1].pending_reason", "tables.ratings.file",
        "provenance.inputs[0].sha256",
    }
    assert "facts.json" in str(err) and "sections[0].tables[1]" in str(err)


def test_missing_table_file_and_bad_json_name_the_file(tmp_path):
    art = write_example_artifacts(tmp_path)
    (art / "tables" / "ratings.csv").unlink()
    with pytest.raises(ReportError, match="tables.ratings.file"):
        load_facts(art)

    (art / "facts.json").write_text('{"schema": ', encoding="utf-8")
    with pytest.raises(ReportError, match=r"facts\.json: not valid JSON .* line 1"):
        load_facts(art)

    with pytest.raises(ReportError, match="artifact folder not found"):
        load_facts(tmp_path / "nowhere")


def test_expected_cadre_must_match(art):
    assert load_facts(art, project="demo", cadre="A", cohort="2025").cadre == "A"
    with pytest.raises(ReportError) as info:
        load_facts(art, cadre="C2", cohort=2025)  # an int cohort compares as text
    assert info.value.reason is ReportReason.parameter_mismatch
    assert [p for p, _ in info.value.problems] == ["cadre"]


def test_unknown_section_lists_known_ids(art):
    with pytest.raises(ReportError, match="known ids: 'reactions', 'students'") as info:
        load_facts(art).section("teachers")
    assert info.value.reason is ReportReason.unknown_section


def test_load_table_keeps_cells_as_text(art):
    (art / "tables" / "odd.csv").write_text("Group,Value\nNA,007\n,fewer than 10\n", encoding="utf-8")
    df = load_table(art, "odd")
    assert list(df.columns) == ["Group", "Value"]
    assert df.values.tolist() == [["NA", "007"], ["", "fewer than 10"]]
    assert all(isinstance(v, str) for v in df.to_numpy().ravel())


def test_read_table_is_the_same_text_without_pandas(art):
    from evalkit.report.artifacts import read_table

    (art / "tables" / "odd.csv").write_text('Group,Value\nNA,007\n\n"a, b",\nshort\n', encoding="utf-8")
    header, rows = read_table(art, "odd")
    assert header == ["Group", "Value"]
    assert rows == [["NA", "007"], ["a, b", ""], ["short", ""]]  # blank line skipped, short row padded
    assert load_table(art, "odd").values.tolist() == rows


def test_read_table_refuses_a_row_wider_than_its_header(art):
    from evalkit.report.artifacts import read_table

    (art / "tables" / "odd.csv").write_text("Group,Value\na,1,2\n", encoding="utf-8")
    with pytest.raises(ReportError, match="line 2 has 3 cells but the header has 2") as info:
        read_table(art, "odd")
    assert info.value.reason is ReportReason.bad_artifacts


@pytest.mark.parametrize("table_id", ["missing", "../facts", "a/b", ""])
def test_load_table_refuses_unknown_or_unsafe_ids(art, table_id):
    with pytest.raises(ReportError) as info:
        load_table(art, table_id)
    assert info.value.reason is ReportReason.unknown_table


def test_example_facts_round_trip_as_json(art):
    assert json.loads((art / "facts.json").read_text(encoding="utf-8")) == example_facts()


# --- one pydantic model, used to write and to read facts.json ------------------------------------------

def test_loaded_facts_write_back_the_same_json(art):
    facts = load_facts(art)
    assert json.loads(facts.model_dump_json(by_alias=True)) == example_facts()  # optional keys stay absent
    assert isinstance(facts.sections, tuple) and isinstance(facts.headline, tuple)
    with pytest.raises(ValueError, match="frozen"):
        facts.cadre = "B"  # type: ignore[misc]
    assert facts.tables["ratings"].id == "ratings"


def test_the_model_checks_table_files_only_with_a_folder(tmp_path):
    from evalkit.report.facts_model import validation_problems

    facts = Facts.model_validate(example_facts())  # in memory: no folder to look in
    with pytest.raises(AttributeError, match="without a folder"):
        facts.artifact_dir  # noqa: B018
    with pytest.raises(ValidationError) as info:
        Facts.model_validate(example_facts(), context={"artifact_dir": tmp_path})
    paths = [p for p, _ in validation_problems(info.value)]
    assert paths == ["tables.ratings.file", "tables.completion.file"]


def test_problem_paths_for_keys_types_and_cross_references(tmp_path):
    bad = example_facts()
    bad["cohort"] = 2025
    bad["headline"] = {"label": "x"}
    bad["sections"][1]["id"] = "reactions"
    bad["sections"][1]["colour"] = "red"
    bad["tables"]["../x"] = bad["tables"]["completion"] | {"file": "tables/../x.csv"}
    bad["tables"]["completion"]["note"] = 5
    bad["tables"]["completion"]["guskey_level"] = 7
    bad["provenance"]["parameters"] = ["n_min", 10]
    bad["charts"] = {"c": {"png": "charts/c.png", "svg": "charts/c.svg", "alt": " ", "title": "C"}}
    with pytest.raises(ReportError) as info:
        load_facts(write_example_artifacts(tmp_path, facts=bad))
    problems = dict(info.value.problems)
    assert set(problems) == {
        "cohort", "headline", "sections[1].id", "sections[1].colour", "tables.../x",
        "tables.completion.note", "tables.completion.guskey_level", "provenance.parameters",
        "charts.c.alt", "charts.c.section",
    }
    assert problems["tables.../x"].startswith("table id must be 1-64 letters")
    assert problems["sections[1].id"] == "duplicate section id 'reactions'"
    assert problems["sections[1].colour"].startswith(f"is not part of schema {SCHEMA} (allowed: id, title,")
    assert problems["tables.completion.note"] == "must be a valid string (or null), got 5"
    assert problems["charts.c.alt"] == "must be a non-empty string, got ' '"
    assert problems["headline"] == "must be an array, got an object"


def test_a_file_that_is_not_an_object_is_one_top_level_problem(tmp_path):
    art = write_example_artifacts(tmp_path)
    (art / "facts.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ReportError) as info:
        load_facts(art)
    assert info.value.problems == [("", "must be a JSON object, got an array")]


def _documented_keys() -> dict[str, list[str]]:
    """The keys of each key table in docs/artifacts.md, by the heading above the table."""
    text = (Path(__file__).parents[1] / "docs" / "artifacts.md").read_text(encoding="utf-8")
    tables: dict[str, list[str]] = {}
    heading = ""
    for line in text.splitlines():
        if line.startswith("## "):
            heading = line[3:].strip()
        elif line.startswith("**"):  # **Section object**, **Table object** (the key in ...)
            heading = line.split("**")[1]
        elif m := re.match(r"^\| `([a-z_0-9]+)` \|", line):
            tables.setdefault(heading, []).append(m.group(1))
    return tables


def test_the_documented_keys_are_the_models_keys():
    from evalkit.report.facts_model import ChartSpec, Disclosure, InputFile, Provenance, Section, TableSpec

    schema = Facts.model_json_schema()
    defs = schema["$defs"]
    documented = _documented_keys()
    expected = {
        "`facts.json` (schema `evalkit.artifacts/2`)": schema,
        "Section object": defs[Section.__name__],
        "Table object": defs[TableSpec.__name__],
        "Provenance": defs[Provenance.__name__],
        "Chart object": defs[ChartSpec.__name__],
        "Disclosure object": defs[Disclosure.__name__],
    }
    for heading, node in expected.items():
        assert documented[heading] == list(node["properties"]), heading
        assert node["additionalProperties"] is False, heading
    assert set(schema["properties"]) - set(schema["required"]) == {"charts", "disclosure"}
    assert all(set(node["required"]) == set(node["properties"]) for node in list(expected.values())[1:])
    assert set(defs[InputFile.__name__]["properties"]) == {"file", "sha256"}
    assert schema["properties"]["schema"]["const"] == SCHEMA


def _write_facts(folder: Path, **changes):
    """Call the writer on the example's content, with stand-ins for the project, store, policy and bundle."""
    from types import SimpleNamespace as NS

    from evalkit.report.writer import Sections, write_facts

    ex = example_facts()
    sections = Sections()
    for s in ex["sections"]:
        sections.add(s["id"], s["title"], s["guskey_level"], s["text"], s["tables"],
                     pending=s["pending_reason"])
    kwargs = {
        "cfg": NS(project=NS(project="demo", cleaning=NS(model_dump=lambda mode: {"trim": True}))),
        "store": NS(provenance={"inputs": ex["provenance"]["inputs"], "key_fingerprint": None}),
        "program": "LLF", "program_name": ex["program_name"], "unit": "A", "cohort": "2025",
        "release_id": ex["release_id"], "as_of": ex["data_as_of"],
        "policy": NS(n_min=10, to_dict=lambda: {"n_min": 10},
                     describe=lambda: ["Groups under 10 are not shown."]),
        "protected": NS(log_dict=lambda: {"cells": 4, "hidden": 1, "share_hidden": 0.25,
                                          "audit": {"lp_solves": 2}}),
        "headline": ex["headline"], "sections": sections, "specs": ex["tables"], "charts": {},
        "generated_by": "test",
    }
    return write_facts(folder, **{**kwargs, **changes})


def test_write_facts_writes_what_load_facts_reads(tmp_path):
    art = write_example_artifacts(tmp_path)
    (art / "facts.json").unlink()
    file = _write_facts(art)
    facts = load_facts(art)
    assert file.read_text(encoding="utf-8") == facts.model_dump_json(indent=1, by_alias=True)
    written = json.loads(file.read_text(encoding="utf-8"))
    assert list(written)[-2:] == ["charts", "disclosure"] and written["charts"] == {}
    assert facts.disclosure["hidden"] == 1 and facts.provenance.parameters["cleaning"] == {"trim": True}


def test_write_facts_refuses_what_load_facts_would_refuse(tmp_path):
    art = write_example_artifacts(tmp_path)
    (art / "facts.json").unlink()
    with pytest.raises(ReportError) as info:
        _write_facts(art, specs={"ratings": example_facts()["tables"]["ratings"]}, as_of="2026-06-31")
    assert info.value.reason is ReportReason.bad_artifacts
    assert [p for p, _ in info.value.problems] == ["data_as_of", "sections[0].tables[1]"]
    assert not (art / "facts.json").exists()


def test_a_chart_file_must_stay_in_the_folders_charts(tmp_path):
    """A chart path such as '../elsewhere.png' would make the report read a file outside its folder."""
    import json

    from evalkit.report.examples import write_example_artifacts

    folder = write_example_artifacts(tmp_path)
    facts = json.loads((folder / "facts.json").read_text(encoding="utf-8"))
    facts["charts"] = {"c": {"png": "../elsewhere.png", "svg": "charts/c.svg", "alt": "a", "title": "t",
                             "section": facts["sections"][0]["id"]}}
    (folder / "facts.json").write_text(json.dumps(facts), encoding="utf-8")
    with pytest.raises(ReportError, match=r"charts\.c\.png"):
        load_facts(folder)
