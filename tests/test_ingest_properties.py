"""Property tests: damaged versions of real exports either read or raise an EvalkitError, nothing else.

Each example takes the bytes of a real fixture (or of a generated Qualtrics/SurveyMonkey export,
so the tests run without the fixture folder too), damages them the way files get damaged in
practice (cut short, re-saved in another encoding, lines shuffled, header rows deleted) and reads
the result. Any exception other than :class:`~evalkit.errors.EvalkitError` is a bug: the CLI would
show a bare traceback.
"""

from __future__ import annotations

import random
from pathlib import Path

import pyarrow as pa
import pytest
from conftest import decode_export, real_fixture_files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evalkit.errors import EvalkitError
from evalkit.ingest import FORMATS, SurveyData, read_export, read_large_csv
from evalkit.ingest._names import dedupe, slugify

SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _generated() -> list[tuple[str, bytes]]:
    qualtrics = (
        "StartDate,EndDate,Status,ResponseId,Q1,Q2_1,Q2_2,Q3\r\n"
        "Start Date,End Date,Response Type,Response ID,Role,Rate: - Keynote,Rate: - Workshop,\"Comments, if any\"\r\n"
        + ",".join(f'"{{""ImportId"":""{i}""}}"' for i in
                   ["startDate", "endDate", "status", "_recordId", "QID1", "QID2_1", "QID2_2", "QID3_TEXT"]) + "\r\n"
        + "".join(f'2024-06-0{d} 09:00:00,2024-06-0{d} 09:10:00,0,R_{d},Principal,{d % 5},{(d + 2) % 5},'
                  f'"Line one\nline two with ""quotes"" and ümlauts"\r\n' for d in range(1, 10))
    )
    surveymonkey = (
        "Respondent ID,Collector ID,Start Date,How useful?,Which supports?,,\n"
        ",,,Response,Coaching,Modules,Other (please specify)\n"
        + "".join(f"{114000 + i},431,06/03/2024,Very,Coaching,,Peer café {i}\n" for i in range(8))
    )
    return [
        ("generated_qualtrics.csv", b"\xef\xbb\xbf" + qualtrics.encode("utf-8")),
        ("generated_qualtrics.tsv", b"\xff\xfe" + qualtrics.replace(",", "\t").encode("utf-16-le")),
        ("generated_surveymonkey.csv", surveymonkey.encode("utf-8")),
    ]


SOURCES = [(p.name, p.read_bytes()) for p in real_fixture_files()] + _generated()
TEXT_SOURCES = [(n, b) for n, b in SOURCES if n.endswith((".csv", ".tsv"))]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("damaged")



def _read(workdir: Path, name: str, raw: bytes, **kwargs) -> SurveyData | None:
    path = workdir / f"case{Path(name).suffix}"
    path.write_bytes(raw)
    try:
        survey = read_export(path, **kwargs)
    except EvalkitError:
        return None
    _check_invariants(survey)
    return survey


def _check_invariants(survey: SurveyData) -> None:
    names = list(survey.data.columns)
    assert len(set(names)) == len(names) and all(n and n == n.strip() for n in names)
    assert list(survey.columns) == names
    assert survey.source.n_rows == len(survey.data) > 0
    index = survey.data.index
    assert index.name == "source_row" and index.is_monotonic_increasing and index.is_unique
    assert index[0] > survey.source.header_rows


@SETTINGS
@given(source=st.sampled_from(SOURCES), cut=st.floats(0, 1))
def test_truncated_exports(workdir, source, cut):
    name, raw = source
    _read(workdir, name, raw[: int(len(raw) * cut)])


@SETTINGS
@given(source=st.sampled_from(TEXT_SOURCES), encoding=st.sampled_from(["utf-16", "utf-16-le", "cp1252", "latin-1"]))
def test_reencoded_exports(workdir, source, encoding):
    name, raw = source
    text = decode_export(raw)
    survey = _read(workdir, name, text.encode(encoding, errors="replace"))
    if survey is not None and encoding != "utf-16-le":
        assert survey.source.encoding  # whatever was used is recorded


@SETTINGS
@given(source=st.sampled_from(SOURCES), seed=st.integers(0, 2**32 - 1))
def test_shuffled_lines(workdir, source, seed):
    name, raw = source
    lines = raw.split(b"\n")
    random.Random(seed).shuffle(lines)
    _read(workdir, name, b"\n".join(lines))


@SETTINGS
@given(source=st.sampled_from(SOURCES), drop=st.integers(1, 3))
def test_header_rows_dropped(workdir, source, drop):
    name, raw = source
    _read(workdir, name, b"\n".join(raw.split(b"\n")[drop:]))


@SETTINGS
@given(source=st.sampled_from(SOURCES), fmt=st.sampled_from(FORMATS))
def test_any_format_override(workdir, source, fmt):
    name, raw = source
    _read(workdir, name, raw, format=fmt)


@SETTINGS
@given(source=st.sampled_from(TEXT_SOURCES), cut=st.floats(0, 1), seed=st.integers(0, 2**16))
def test_large_csv_path(workdir, source, cut, seed):
    name, raw = source
    lines = raw[: max(1, int(len(raw) * cut))].split(b"\n")
    head, rest = lines[:1], lines[1:]
    random.Random(seed).shuffle(rest)
    path = workdir / "large.csv"
    path.write_bytes(b"\n".join(head + rest))
    try:
        assert isinstance(read_large_csv(path), pa.Table)
    except EvalkitError:
        pass


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=30), max_size=30))
def test_names_are_unique_and_trimmed(headers):
    names = dedupe([slugify(h) or f"unnamed_{i}" for i, h in enumerate(headers, start=1)])
    assert len(set(names)) == len(names) == len(headers)
    assert all(n == n.strip() and n and " " not in n for n in names)
    assert all(slugify(n) == n for n in names if not n.startswith("unnamed_"))  # a slug is stable
