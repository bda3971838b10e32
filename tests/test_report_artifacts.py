"""The artifact contract: load_facts validates everything in one pass, load_table keeps text as text."""

from __future__ import annotations

import datetime as dt
import json

import pytest

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
