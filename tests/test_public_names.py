"""Names a project calls public (``anonymize.public_names``): left as written, never at a roster person's expense.

An evaluator knows the names a program's comments cite that hide no one (a local hero, a stadium, a film the
survey asks about); the redactor cannot know them all. These tests hold the contract of
:meth:`evalkit.pii.PiiDetector.with_public`: a person or place found *inside* a public name is not redacted, a
span reaching outside it is, a roster name can never be made public, and the project file's list reaches every
detector the flow builds.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from evalkit.anonymize.redaction import Redactor
from evalkit.errors import ConfigError
from evalkit.pii import PiiDetector, RosterNames

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data_raw" / "demo"
ROSTER = RosterNames(first=["Maria", "Deborah"], last=["Lopez", "Harris"], full=["Maria Lopez", "Deborah Harris"],
                     places=["Roosevelt Elementary School"])


def _persons(detector: PiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.label in ("PERSON", "SCHOOL")]


@pytest.fixture(scope="module")
def plain() -> PiiDetector:
    return PiiDetector.from_roster(ROSTER)


@pytest.mark.parametrize("text, public", [
    ("We watched Franco Harris highlights at the kickoff.", "Franco Harris"),
    ("FRANCO HARRIS and the Immaculate Reception opened the day.", "Franco Harris"),
    ("The photo of Franco  Harris still hangs in the gym.", "Franco Harris"),   # two spaces
    ("Franco Harris's catch was the icebreaker.", "Franco Harris"),
    ("The keynote quoted Rigoberta Menchú twice.", "Rigoberta Menchu"),   # accents aside, either way
    ("Wyola, Garryowen, Pryor, St. Xavier: every community should have a seat.", "St. Xavier"),   # a place
    ("The walk from Codman Square to the T station is not safe after dark.", "codman square"),
])
def test_a_public_name_is_left_as_written(plain, text, public) -> None:
    assert _persons(plain, text), "the rules alone redact it (else this test could not fail)"
    detector = plain.with_public([public])
    assert _persons(detector, text) == []
    assert Redactor(detector).redact(text).text == text


def test_only_what_lies_inside_a_public_name_is_left(plain) -> None:
    detector = plain.with_public(["Franco Harris", "Acrisure Stadium"])
    text = "Ms. Lopez met Coach Franco Harris and Maria Lopez at Acrisure Stadium; Harris agreed. Franco Harrison came."
    found = _persons(detector, text)
    # the roster's people stay redacted (the roster's surname alone too), and so does a span that reaches outside
    # the public name
    assert {"Maria Lopez", "Ms. Lopez", "Coach Franco Harris", "Harris"} <= set(found)
    # a public name is matched whole: "Franco Harrison" is not "Franco Harris"
    assert "Franco Harrison" in found
    assert "Acrisure Stadium" not in " ".join(found)


def test_a_public_name_is_never_read_across_a_line_break(plain) -> None:
    """A line's last word may be someone's and the next line's first another's: the roster's Harris stays redacted
    in "Thanks Harris<newline>Teeter" though "Harris Teeter" (a grocery chain) is public."""
    text = "Thanks Harris\nTeeter sent the snacks."
    assert "Harris" in _persons(plain.with_public(["Harris Teeter"]), text)
    assert _persons(plain.with_public(["Franco Harris"]), "Franco\nHarris came.") == ["Franco", "Harris"]


def test_contacts_inside_a_public_name_stay_redacted(plain) -> None:
    detector = plain.with_public(["Call Franco Harris at 412-555-0148"])
    text = "Call Franco Harris at 412-555-0148 about tickets."
    assert [s.label for s in detector.find(text)] == ["PHONE"]


@pytest.mark.parametrize("name", ["Maria Lopez", "harris", "Deb", "HARRÍS", "Roosevelt",
                                  # (a second reader's: names that hold a roster name, a nickname or a school)
                                  "Deb Harris", "Debbie Harris", "Coach Maria Lopez", "Ms. Lopez", "Mr Harris",
                                  "Lopez's", "Maria Lopez Foundation", "Roosevelt Elem", "Deborah's iPad"])
def test_a_roster_name_cannot_be_public(plain, name) -> None:
    """A roster name, surname, nickname or school's short form, or a name that holds one, is always redacted. The
    error gives the position, never the name (it is one of the project's people)."""
    assert plain.roster_named(name)
    with pytest.raises(ValueError, match=r"position 1\b") as err:
        plain.with_public(["Franco Harris", name])
    assert name.lower() not in str(err.value).lower()


@pytest.mark.parametrize("bad", [[""], ["  "], [None], [3]])
def test_a_blank_or_non_text_public_name_is_refused(plain, bad) -> None:
    with pytest.raises(ValueError, match="non-blank"):
        plain.with_public(bad)


def test_redactor_from_roster_takes_the_public_names() -> None:
    text = "Franco Harris came up in Maria Lopez's session."
    assert Redactor.from_roster(ROSTER, public=["Franco Harris"]).redact(text).text == \
        "Franco Harris came up in [PERSON]'s session."
    assert "Franco Harris" not in Redactor.from_roster(ROSTER).redact(text).text


def test_real_export_film_titles_are_left_when_listed_public(real_fixtures: Path, plain) -> None:
    """A real Qualtrics export nobody here wrote asks about films ("What is your awareness of this movie? -
    Finding Nemo"): the redactor reads "Nemo" and "Mulan" as people; listed as public they stay, and nothing
    else in those cells changes."""
    path = real_fixtures / "qualtrics" / "qt2021_datatable_test_responses.csv"
    with path.open(encoding="utf-8-sig", newline="") as fh:
        cells = sorted({c for row in csv.reader(fh) for c in row if "Nemo" in c or "Mulan" in c})
    assert cells, f"{path.name}: no cell names the films any more"
    assert all(_persons(plain, c) for c in cells)
    redactor = Redactor(plain.with_public(["Finding Nemo", "Mulan"]))
    assert [redactor.redact(c).text for c in cells] == cells


# --- the project file ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def demo_cleaned(tmp_path_factory):
    from evalkit.clean.checks import collect_roster_names
    from evalkit.clean.project import clean_project
    from evalkit.demo.config import demo_config

    out = tmp_path_factory.mktemp("demo")
    cfg = demo_config(data=DEMO, processed_dir=out / "processed", reports_dir=out / "reports")
    cleaned = clean_project(cfg)
    return cfg, cleaned.tables, collect_roster_names(cfg, cleaned.tables)


def _with_public(cfg, names: list[str]):
    from dataclasses import replace

    policy = cfg.project.anonymize.model_copy(update={"public_names": names})
    return replace(cfg, project=cfg.project.model_copy(update={"anonymize": policy}))


def test_project_public_names_reach_the_detector(demo_cleaned) -> None:
    from evalkit.clean.checks import build_detector

    cfg, tables, names = demo_cleaned
    person = names.full[0]
    text = f"We watched Franco Harris highlights with {person}."
    assert "Franco Harris" not in Redactor(build_detector(cfg, tables)).redact(text).text
    out = Redactor(build_detector(_with_public(cfg, ["Franco Harris"]), tables)).redact(text).text
    assert out == "We watched Franco Harris highlights with [PERSON]."


def test_project_public_name_that_is_a_roster_name_is_a_config_error(demo_cleaned) -> None:
    from evalkit.clean.checks import build_detector

    cfg, tables, names = demo_cleaned
    person, place = names.full[0], names.places[0]
    with pytest.raises(ConfigError) as err:
        build_detector(_with_public(cfg, ["Franco Harris", person, "Acrisure Stadium", place]), tables)
    message = str(err.value)
    assert "anonymize.public_names[1]" in message and "anonymize.public_names[3]" in message
    assert "public_names[0]" not in message and "public_names[2]" not in message
    assert person.lower() not in message.lower() and place.lower() not in message.lower()
    assert "How to fix" in message


def test_project_file_validates_public_names(tmp_path: Path) -> None:
    import yaml

    from evalkit.config import load_project
    from evalkit.config.starter import write_starter

    write_starter(tmp_path, project="p", title="T")
    data = yaml.safe_load((tmp_path / "evalkit.yml").read_text())
    for bad in (["Franco Harris", "X"], ["Franco Harris", "   "], ["Franco Harris", 3], "Franco Harris"):
        data.setdefault("anonymize", {})["public_names"] = bad
        (tmp_path / "evalkit.yml").write_text(yaml.safe_dump(data, sort_keys=False))
        with pytest.raises(ConfigError, match=r"public_names"):
            load_project(tmp_path)
    data["anonymize"]["public_names"] = ["Franco Harris"]
    (tmp_path / "evalkit.yml").write_text(yaml.safe_dump(data, sort_keys=False))
    assert load_project(tmp_path).project.anonymize.public_names == ["Franco Harris"]


def test_a_new_users_project_with_public_names_and_a_list_of_names_no_source_holds(tmp_path: Path, capsys) -> None:
    """The product path, by the command line: a survey export with a comment column, a list of students' names no
    export holds (a source of kind ``other`` with a name column, read only to redact) and a public name in the
    project file. The public name stays, the listed names go, given names alone too; the list is not written."""
    import yaml

    from conftest import run_cli
    from evalkit.anonymize.keys import keygen

    key = keygen(tmp_path / "keys" / "k.key")
    folder = tmp_path / "project"
    (folder / "raw").mkdir(parents=True)
    comments = {0: "We watched Franco Harris highlights; Keisha Obuya led the warm-up.", 1: "Tavish set up the room."}
    rows = ["UniqueID,Date,Was the session useful?,Comments"] + [
        f'{i},2025-01-{1 + i % 28:02d},{"Yes" if i % 3 else "No"},"{comments.get(i, "Good session.")}"'
        for i in range(24)]
    (folder / "raw" / "export.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "raw" / "students.csv").write_text("Student\nKeisha Obuya\nTavish McAllister\n", encoding="utf-8")
    project = {"schema_version": 1, "project": "e2e", "title": "E2E", "raw_dir": "raw", "processed_dir": "processed",
               "reports_dir": "reports",
               "programs": [{"id": "p", "kind": "survey", "name": "Program", "instruments": ["s"], "guskey_levels": [1]}],
               "sources": [{"id": "s", "file": "export.csv", "kind": "survey", "program": "p", "instrument": "s",
                            "wave": "post", "date_columns": ["Date"]},
                           {"id": "students", "file": "students.csv", "kind": "other", "name_columns": ["Student"]}],
               "anonymize": {"key_file": str(key), "public_names": ["Franco Harris"]}}
    codebook = {"response_scales": {"yn": {"codes": {0: "No", 1: "Yes"}, "favorable": [1]}},
                "instruments": {"s": {"title": "Poll",
                                      "items": {"Was the session useful?": {"text": "Useful", "scale": "yn"}},
                                      "columns": {"UniqueID": {"role": "key"}, "Comments": {"role": "free_text"}}}}}
    (folder / "evalkit.yml").write_text(yaml.safe_dump(project, sort_keys=False), encoding="utf-8")
    (folder / "codebook.yml").write_text(yaml.safe_dump(codebook, sort_keys=False), encoding="utf-8")
    raw = {p.name: p.read_bytes() for p in (folder / "raw").iterdir()}

    # the evaluator's check first: what the redactor finds that no source lists, printed, nothing written
    project["anonymize"]["public_names"] = []
    (folder / "evalkit.yml").write_text(yaml.safe_dump(project, sort_keys=False), encoding="utf-8")
    before = sorted(p.relative_to(folder) for p in folder.rglob("*"))
    code, out, err = run_cli(["names", "-p", str(folder)], capsys)
    assert code == 0, out + err
    assert "Franco Harris" in out and "Keisha" not in out and "Tavish" not in out   # the list's names are the roster's
    assert sorted(p.relative_to(folder) for p in folder.rglob("*")) == before
    project["anonymize"]["public_names"] = ["Franco Harris"]
    (folder / "evalkit.yml").write_text(yaml.safe_dump(project, sort_keys=False), encoding="utf-8")
    code, out, err = run_cli(["names", "-p", str(folder)], capsys)
    assert code == 0 and "Franco Harris" not in out and "No names or places off the roster" in out

    code, out, err = run_cli(["anonymize", "-p", str(folder)], capsys)
    assert code == 0, out + err
    import pandas as pd

    text = pd.read_parquet(folder / "processed" / "s.parquet")["Comments"].head(2).tolist()
    assert text == ["We watched Franco Harris highlights; [PERSON] led the warm-up.", "[PERSON] set up the room."]
    written = " ".join(p.read_text(encoding="utf-8", errors="replace") for p in (folder / "processed").rglob("*")
                       if p.is_file() and p.suffix in (".json", ".csv"))
    assert not (folder / "processed" / "students.parquet").exists()
    assert "Keisha" not in written and "Tavish" not in written and "Obuya" not in written
    assert {p.name: p.read_bytes() for p in (folder / "raw").iterdir()} == raw   # the raw files untouched

    # a roster name listed as public: the run stops, naming its position and never the name
    project["anonymize"]["public_names"] = ["Franco Harris", "Tavish McAllister"]
    (folder / "evalkit.yml").write_text(yaml.safe_dump(project, sort_keys=False), encoding="utf-8")
    code, out, err = run_cli(["anonymize", "-p", str(folder)], capsys)
    assert code == 2
    assert "anonymize.public_names[1]" in out + err and "Tavish" not in out + err


def test_names_off_roster_on_the_demo(demo_cleaned) -> None:
    """The evaluator's list on the demo project: what the redactor finds and no source lists, never a roster name or
    place (nor a name with one in it), each counted once per comment, the most frequent first."""
    from evalkit.anonymize.found_names import names_off_roster
    from evalkit.clean.checks import build_detector

    cfg, tables, names = demo_cleaned
    found = names_off_roster(cfg, tables)
    assert len(found) > 0 and set(found["label"]) <= {"PERSON", "SCHOOL"}
    assert list(found["comments"]) == sorted(found["comments"], reverse=True) and (found["comments"] >= 1).all()
    detector = build_detector(cfg, tables)
    assert not any(detector.roster_named(name) for name in found["name"])
    # listing one as public takes it off the list, and the detector leaves it
    first = found["name"].iloc[0]
    again = names_off_roster(_with_public(cfg, [first]), tables)
    assert first not in set(again["name"])
