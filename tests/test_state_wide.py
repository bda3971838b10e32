"""sources[].wide: a state file with one column per subgroup made one row per subgroup as it is read.

The real New Jersey files (``../shared/fixtures/real/state_ed``) are read in place, never copied: the
enrollment workbook's School sheet (one row per school, a column per race and program group, ``>95``
top-codes) and the special-education placement file (one row per district and race, a column per
placement, ``*`` beside real zeros). Each project here is written as a new user writes it from
``docs/project-file.md`` (the enrollment source is the example printed there) and cleaned by
``evalkit.clean.project.clean_project`` or the command line.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pandas as pd
import pytest
import yaml

from conftest import REPO, run_cli
from evalkit.clean.project import clean_project
from evalkit.config import load_project
from evalkit.errors import ConfigError, DataError, Reason

DOCS = REPO / "docs" / "project-file.md"

#: The special-education placement file's placement columns, as the file writes them -> placement ids.
SPED_PLACEMENTS = {
    "Inside The Regular Class 80% or More of Day": "regular_80_plus",
    "Inside The Regular Class No More Than 79% of Day But No Less Than 40% of Day": "regular_40_79",
    "Inside Regular Class For Less Than 40% of Day": "regular_under_40",
    "Separate School": "separate_school",
    "Residential Facility": "residential",
    "HomeBound/Hospital": "homebound_hospital",
    "Correctional Facility": "correctional",
}
SPED = {"id": "nj_sped_race", "file": "nj_sped_placement_race.xlsx", "kind": "outcomes",
        "wide": {"id_columns": ["District Code", "Race"], "columns": SPED_PLACEMENTS,
                 "name": "placement", "value": "students"},
        "key": ["District Code", "Race", "placement"]}

NUMBER = re.compile(r"\d*\.?\d+")


@pytest.fixture(scope="module")
def state_ed(real_fixtures: Path) -> Path:
    folder = real_fixtures / "state_ed"
    if not folder.is_dir():
        pytest.skip(f"{folder} not found: the New Jersey wide-file tests are skipped "
                    "(set EVALKIT_REAL_FIXTURES to the real-export folder)")
    return folder


def _docs_example() -> dict:
    """The enrollment source exactly as docs/project-file.md prints it, pointed at the fixture's file name."""
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("### A wide state file", 1)[1]
    block = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert block, "docs/project-file.md has no YAML example under 'A wide state file'"
    (src,) = yaml.safe_load(block.group(1))["sources"]
    return {**src, "file": "nj_enrollment_multisheet.xlsx"}


def _project(tmp_path: Path, raw_dir: Path, sources: list[dict]) -> Path:
    """A project folder as a new user writes it: the raw files stay where they are (raw_dir)."""
    folder = tmp_path / "nj"
    folder.mkdir()
    project = {"schema_version": 1, "project": "nj_state", "title": "New Jersey state files",
               "raw_dir": str(raw_dir),
               "programs": [{"id": "state", "kind": "state_resources", "name": "State resources"}],
               "sources": sources}
    (folder / "evalkit.yml").write_text(yaml.safe_dump(project, sort_keys=False), encoding="utf-8")
    (folder / "codebook.yml").write_text("{}\n", encoding="utf-8")
    return folder


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def _expected(cells: list[str]) -> tuple[list[float | None], list[str | None]]:
    """What cleaning should make of published cells, read here without evalkit: numbers, or missing with the mark."""
    values = [float(c) if NUMBER.fullmatch(c) else None for c in cells]
    marks = [None if NUMBER.fullmatch(c) else c for c in cells]
    return values, marks


def _as_lists(values: pd.Series, marks: pd.Series) -> tuple[list[float | None], list[str | None]]:
    return ([None if pd.isna(v) else float(v) for v in values], [None if pd.isna(m) else m for m in marks])


@pytest.mark.real_fixtures
def test_nj_enrollment_becomes_one_row_per_school_and_subgroup(state_ed: Path, tmp_path: Path) -> None:
    src = _docs_example()
    before = _hashes(state_ed)
    result = clean_project(load_project(_project(tmp_path, state_ed, [src])))
    assert _hashes(state_ed) == before                                 # the raw file's bytes are unchanged
    long = result.tables[src["id"]].data

    # the file read here independently: the School sheet's header is its third row
    wide = pd.read_excel(state_ed / src["file"], sheet_name="School", header=2, dtype=str)
    groups = src["wide"]["columns"]
    assert len(wide) >= 2 and len(groups) >= 5
    assert len(long) == len(wide) * len(groups)
    codes = [d + s for d, s in zip(wide["District Code"], wide["School Code"])]
    assert long["school_code"].tolist() == [c for c in codes for _ in groups]
    assert long["subgroup"].tolist() == list(groups.values()) * len(wide)
    assert not long.duplicated(["school_code", "subgroup"]).any()      # one row per (school, subgroup)
    # each long row keeps the spreadsheet row it came from (header on row 3: schools on rows 4, 5 ...)
    assert long.index.tolist() == [4 + i for i in range(len(wide)) for _ in groups]
    assert long["School Name"].tolist() == [n for n in wide["School Name"] for _ in groups]
    assert set(long["school_year"]) == {"2019-20"} and long["measure"].notna().all()
    assert "Total Enrollment" not in long.columns and "total_enrollment" not in long.columns

    # the file's values, subgroup by subgroup; a top-coded ">95" stays missing with its mark, for its subgroup only
    cells = [wide.at[i, h].strip() for i in wide.index for h in groups]
    assert _as_lists(long["value"], long["value_mark"]) == _expected(cells)
    marked = long[long["value_mark"].notna()]
    assert marked[["school_code", "subgroup", "value_mark"]].values.tolist() == [["0110060", "free_lunch", ">95"]]
    same_school = long[long["school_code"].eq("0110060") & long["subgroup"].ne("free_lunch")]
    assert same_school["value"].notna().all() and same_school["value_mark"].isna().all()
    assert long.loc[long["subgroup"].eq("white"), "value"].tolist() == [0.6, 58.1]
    entry = next(e for e in result.log.entries if e.source == src["id"] and e.rule == "state_marks")
    assert entry.rows == (4,) and entry.columns == ("value",)


@pytest.mark.real_fixtures
def test_nj_sped_placement_keeps_each_star_as_a_mark_and_zeros_as_zeros(state_ed: Path, tmp_path: Path) -> None:
    before = _hashes(state_ed)
    result = clean_project(load_project(_project(tmp_path, state_ed, [SPED])))
    assert _hashes(state_ed) == before
    long = result.tables["nj_sped_race"].data

    wide = pd.read_excel(state_ed / SPED["file"], header=5, dtype=str)         # five title rows, then the header
    assert len(long) == len(wide) * len(SPED_PLACEMENTS)                        # one row per district, race, placement
    assert long["District Code"].tolist() == [d for d in wide["District Code"] for _ in SPED_PLACEMENTS]
    assert long["Race"].tolist() == [r for r in wide["Race"] for _ in SPED_PLACEMENTS]
    assert long["placement"].tolist() == list(SPED_PLACEMENTS.values()) * len(wide)
    cells = [wide.at[i, h].strip() for i in wide.index for h in SPED_PLACEMENTS]
    assert _as_lists(long["students"], long["students_mark"]) == _expected(cells)

    stars = long["students_mark"].eq("*").fillna(False)
    zeros = long["students"].eq(0).fillna(False)
    assert stars.sum() == cells.count("*") > 0 and zeros.sum() == cells.count("0") > 0
    assert long.loc[stars, "students"].isna().all()                             # suppressed: missing, never 0
    # a row of the file with "*" in one placement and numbers in others: the mark stays with its placement
    row = long.loc[long.index == wide.index[wide["Separate School"].eq("*")][0] + 7]
    assert row.loc[row["placement"].eq("separate_school"), "students_mark"].tolist() == ["*"]
    assert row.loc[row["placement"].ne("separate_school"), "students"].notna().any()


@pytest.mark.real_fixtures
@pytest.mark.parametrize(("where", "wrong", "meant"), [
    ("columns", "%Whte", "% White"),
    ("id_columns", "Schol Code", "School Code"),
])
def test_a_misspelt_column_names_the_file_and_the_column(state_ed: Path, tmp_path: Path, capsys,
                                                         where: str, wrong: str, meant: str) -> None:
    src = _docs_example()
    if where == "columns":
        src["wide"]["columns"] = {(wrong if h == meant else h): s for h, s in src["wide"]["columns"].items()}
    else:
        src["wide"]["id_columns"] = [wrong if c == meant else c for c in src["wide"]["id_columns"]]
        src["add_columns"]["school_code"]["join"] = ["District Code", wrong]
    before = _hashes(state_ed)
    folder = _project(tmp_path, state_ed, [src])
    with pytest.raises(DataError) as info:
        clean_project(load_project(folder))
    err = info.value
    assert err.reason == Reason.missing_column and err.issue.column == wrong
    assert Path(err.issue.file).name == "nj_enrollment_multisheet.xlsx"
    assert f"sources[{src['id']}].wide.{where} names column {wrong!r}" in err.message
    assert f"did you mean {meant!r}" in (err.hint or "")

    # the command line says the same, with its exit code for a user's error
    code, out, err_text = run_cli(["clean", "-p", str(folder)], capsys)
    said = out + err_text
    assert code == 2, said
    assert "nj_enrollment_multisheet.xlsx" in said and repr(wrong) in said and f"did you mean {meant!r}" in said
    assert _hashes(state_ed) == before


@pytest.mark.parametrize(("wide", "expected"), [
    ({"id_columns": ["School Code"], "columns": {"% White": "white", "%Black": "white"}},
     "columns maps two columns to the subgroup 'white'"),
    ({"id_columns": ["School Code"], "columns": {"% White": "white"}, "name": "value"},
     "name and value are both 'value'"),
    ({"id_columns": ["School Code", "% White"], "columns": {"% White": "white"}},
     "column '% White' is in both id_columns and columns"),
    ({"id_columns": ["subgroup"], "columns": {"% White": "white"}},
     "name 'subgroup' is also one of id_columns"),
    ({"id_columns": [], "columns": {"% White": "white"}}, "List should have at least 1 item"),
])
def test_a_contradictory_wide_option_is_a_config_error(tmp_path: Path, wide: dict, expected: str) -> None:
    src = {"id": "enr", "file": "enrollment.xlsx", "kind": "outcomes", "wide": wide}
    with pytest.raises(ConfigError) as info:
        load_project(_project(tmp_path, tmp_path, [src]))
    assert [p for p, m in info.value.problems if expected in m] == ["sources[0].wide" if wide["id_columns"] else
                                                                    "sources[0].wide.id_columns"]
    assert "pydantic" not in str(info.value).lower()


def test_add_columns_cannot_use_a_column_made_long(tmp_path: Path) -> None:
    src = {"id": "enr", "file": "enrollment.xlsx", "kind": "outcomes",
           "wide": {"id_columns": ["School Code"], "columns": {"% White": "white", "%Black": "black"}},
           "add_columns": {"value": {"sum": ["% White", "%Black"]}}}
    with pytest.raises(ConfigError) as info:
        load_project(_project(tmp_path, tmp_path, [src]))
    assert any("'% White' is one of wide.columns" in m for _, m in info.value.problems)


def test_marks_stay_with_their_own_subgroup_in_a_small_wide_file(tmp_path: Path) -> None:
    """Without the real files: a mark, a "<10", a real zero and a blank in one row, each on its own long row."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "state.csv").write_text("School,All,Black,Asian,Homeless\n"
                                   "0010060,45.2,*,0,\n"
                                   "0010070,<10,12.5,*,3\n", encoding="utf-8")
    before = _hashes(raw)
    src = {"id": "state", "file": "state.csv", "kind": "outcomes",
           "wide": {"id_columns": ["School"],
                    "columns": {"All": "all", "Black": "black", "Asian": "asian", "Homeless": "homeless"}}}
    long = clean_project(load_project(_project(tmp_path, raw, [src])), write_log=False).tables["state"].data
    assert _hashes(raw) == before
    assert long.index.tolist() == [2, 2, 2, 2, 3, 3, 3, 3]
    assert long["subgroup"].tolist() == ["all", "black", "asian", "homeless"] * 2
    assert _as_lists(long["value"], long["value_mark"]) == (
        [45.2, None, 0.0, None, None, 12.5, None, 3.0], [None, "*", None, None, "<10", None, "*", None])


@pytest.mark.real_fixtures
def test_the_nj_placement_file_feeds_an_equity_table_unedited(state_ed: Path, tmp_path: Path) -> None:
    """Issue [8/9]: risk ratios of the most restrictive placement (inside the regular class less than 40% of the
    day) by race within each district, from the file as New Jersey publishes it, cleaned and made long by the
    project file alone. In this excerpt every district has a "*" among its counts, so no district total is known:
    every row must say so, and none may carry a ratio computed as if a "*" were zero."""
    from evalkit.analyze.equity import risk_ratios

    result = clean_project(load_project(_project(tmp_path, state_ed, [SPED])))
    long = result.tables["nj_sped_race"].data
    keys = ["District Code", "Race"]
    known = long.groupby(keys)["students"].count() == len(SPED_PLACEMENTS)
    total = long.groupby(keys)["students"].sum().where(known)                 # unknown when any cell is marked
    restrictive = long[long["placement"] == "regular_under_40"].set_index(keys)["students"]
    counts = pd.DataFrame({"restrictive": restrictive, "students": total}).reset_index()
    table = risk_ratios(counts, group="Race", numerator="restrictive", denominator="students", by="District Code",
                        min_cell=1, min_n=10)

    wide = pd.read_excel(state_ed / SPED["file"], header=5, dtype=str)
    assert len(table) == len(wide)                                            # one row per district and race
    starred = wide[list(SPED_PLACEMENTS)].isin(["*"]).any(axis=1)
    assert starred.groupby(wide["District Code"]).any().all()                 # the excerpt's shape, checked
    assert table["risk_ratio"].isna().all() and table["reason"].notna().all()
    # what was published stays: a race whose own counts are all numbers keeps its numerator and denominator
    whole = wide.loc[~starred, ["District Code", "Race"]]
    mine = table.merge(whole, on=["District Code", "Race"])
    assert len(mine) and mine["denominator"].notna().all()


@pytest.mark.real_fixtures
def test_the_njsla_school_file_feeds_a_gap_table_unedited(state_ed: Path, tmp_path: Path) -> None:
    """Issue [8/9]: the NJSLA grade 4 ELA file, as docs/project-file.md reads it (its own headers, five performance
    levels summed to met or exceeded, the year from the title), gives each subgroup's gap to all other students of
    the school. Checked against the workbook read with pandas alone: others = (all x n_all - group x n_group) /
    (n_all - n_group); the subgroups the state suppressed have no gap, with a reason, never one from a zero."""
    from evalkit.analyze.equity import gap_series

    text = DOCS.read_text(encoding="utf-8").split("### A state file as a Level 5 source", 1)[1]
    (src,) = yaml.safe_load(re.search(r"```yaml\n(.*?)```", text, re.S).group(1))["sources"]
    src = {**src, "file": "nj_njsla_ela04_school_subgroup.xlsx"}
    before = _hashes(state_ed)
    long = clean_project(load_project(_project(tmp_path, state_ed, [src]))).tables[src["id"]].data
    assert _hashes(state_ed) == before
    table = gap_series(long, group="subgroup", value="value", time="school_year", weight="n_tested",
                       by="school_code", total_label="All Students")

    raw = pd.read_excel(state_ed / src["file"], header=2, dtype=str)
    raw = raw[raw["School Code"].notna() & raw["Subgroup Type"].notna()]
    rate = {r["Subgroup Type"]: (float(r["L4 Percent"]) + float(r["L5 Percent"]), float(r["Valid Scores"]))
            for _, r in raw.iterrows() if r["Valid Scores"] != "*"}
    all_rate, all_n = rate.pop("All Students")
    got = table.set_index("subgroup")
    assert rate, "the excerpt should hold unsuppressed subgroups"
    for group, (r, n) in rate.items():
        others = (all_rate * all_n - r * n) / (all_n - n)
        assert got.loc[group, "gap"] == pytest.approx(r - others, abs=1e-9), group
    starred = set(raw.loc[raw["Valid Scores"] == "*", "Subgroup Type"])
    assert starred and got.loc[sorted(starred), "gap"].isna().all()
    assert got.loc[sorted(starred), "reason"].notna().all()
