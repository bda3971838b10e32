"""Read and validate one cadre's artifact folder (``facts.json`` + ``tables/*.csv``).

The artifact folder is the only thing a report notebook sees: every number in it has already
passed the suppression rule, so the kernel never touches microdata. The contract is documented
in ``docs/artifacts.md``; this module is its single reader. :func:`load_facts` checks the whole
file in one pass and reports every problem with its key path, so a producer bug is fixed in one
round trip rather than one key at a time.

Only the standard library is imported at module level; pandas is imported by :func:`load_table`
when a table is actually read, so ``import evalkit.report`` stays cheap inside a kernel.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

from evalkit._limits import N_MIN_FLOOR
from evalkit.errors import ReportError, ReportReason

if TYPE_CHECKING:  # pragma: no cover - typing only
    import pandas as pd

__all__ = [
    "SCHEMA",
    "GUSKEY_LEVELS",
    "Facts",
    "Section",
    "read_table",
    "TableSpec",
    "HeadlineItem",
    "InputFile",
    "Provenance",
    "load_facts",
    "load_table",
]

#: The schema identifier this reader understands. A producer that changes the contract bumps it.
SCHEMA = "evalkit.artifacts/1"

#: Guskey's five levels of professional-development evaluation (Guskey 2000), by number.
GUSKEY_LEVELS: Mapping[int, str] = MappingProxyType({
    1: "Participants' reactions",
    2: "Participants' learning",
    3: "Organization support and change",
    4: "Participants' use of new knowledge and skills",
    5: "Student learning outcomes",
})

# Table ids become file names and HTML anchors: keep them to a safe, portable alphabet so an id
# can never climb out of tables/ ("../x") or break markup.
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
_SHA256_RE = re.compile(r"^[0-9a-f]{64}$")

_TOP_KEYS = (
    "schema", "project", "program", "program_name", "cadre", "cohort", "data_as_of", "release_id",
    "evalkit_version", "n_min", "generated_by", "headline", "sections", "tables", "provenance",
)
#: Optional top-level keys: ``disclosure`` (the policy in plain words and the suppression summary) and
#: ``charts`` (chart id -> {"png", "svg", "alt", "title", "section"}).
_OPTIONAL_TOP_KEYS = ("disclosure", "charts")
_SECTION_KEYS = ("id", "title", "guskey_level", "status", "pending_reason", "text", "tables")
_TABLE_KEYS = ("title", "file", "note", "guskey_level")


@dataclass(frozen=True)
class HeadlineItem:
    """One headline figure: a label and an already-gated, display-ready value."""

    label: str
    value: str


@dataclass(frozen=True)
class Section:
    """One report section. ``text`` is plain text; a blank line starts a new paragraph."""

    id: str
    title: str
    guskey_level: int | None
    status: Literal["ready", "pending"]
    pending_reason: str | None
    text: str | None
    tables: tuple[str, ...]


@dataclass(frozen=True)
class TableSpec:
    """One aggregate table: its id, caption title, CSV file (relative to the folder) and note."""

    id: str
    title: str
    file: str
    note: str | None
    guskey_level: int | None


@dataclass(frozen=True)
class InputFile:
    """One input the artifacts were computed from, with the SHA-256 of its bytes."""

    file: str
    sha256: str


@dataclass(frozen=True)
class Provenance:
    """Where the artifacts came from: input hashes and the parameters of the producing run."""

    inputs: tuple[InputFile, ...]
    parameters: Mapping[str, Any]


@dataclass(frozen=True)
class Facts:
    """The validated content of ``facts.json``, plus the folder it was read from.

    Fields mirror the contract in ``docs/artifacts.md``; ``data_as_of`` is parsed to a date and
    ``tables`` is keyed by table id. Instances are immutable (mappings are read-only views).
    """

    artifact_dir: Path
    schema: str
    project: str
    program: str
    program_name: str
    cadre: str
    cohort: str
    data_as_of: _dt.date
    release_id: str
    evalkit_version: str
    n_min: int
    generated_by: str
    headline: tuple[HeadlineItem, ...]
    sections: tuple[Section, ...]
    tables: Mapping[str, TableSpec]
    provenance: Provenance
    disclosure: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    charts: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def title(self) -> str:
        """The report's title as it appears on the cover and in the running header."""
        if self.cadre != self.program:
            return f"{self.program_name}: cadre {self.cadre}, cohort {self.cohort}"
        return f"{self.program_name}, cohort {self.cohort}" if self.cohort else self.program_name

    def section(self, section_id: str) -> Section:
        """Return the section called ``section_id``; raise :class:`ReportError` naming the known ids."""
        for sec in self.sections:
            if sec.id == section_id:
                return sec
        known = ", ".join(repr(s.id) for s in self.sections) or "(none)"
        raise ReportError(
            f"{self.artifact_dir / 'facts.json'}: no section with id {section_id!r}; known ids: {known}",
            reason=ReportReason.unknown_section, file=self.artifact_dir / "facts.json",
        )


class _Checker:
    """Collects ``(key_path, expectation)`` problems so one pass reports all of them."""

    def __init__(self) -> None:
        self.problems: list[tuple[str, str]] = []

    def add(self, path: str, msg: str) -> None:
        self.problems.append((path, msg))

    def keys(self, obj: Any, path: str, expected: tuple[str, ...], optional: tuple[str, ...] = ()) -> bool:
        if not isinstance(obj, dict):
            self.add(path, f"must be a JSON object, got {_json_type(obj)}")
            return False
        for key in expected:
            if key not in obj:
                self.add(_join(path, key), "is missing (every key is required; use null where allowed)")
        for key in obj:
            if key not in expected and key not in optional:
                self.add(_join(path, key), f"is not part of schema {SCHEMA} (allowed: {', '.join(expected)})")
        return True

    def text(self, obj: Mapping[str, Any], key: str, path: str, *, nullable: bool = False) -> str | None:
        value = obj.get(key)
        if value is None and nullable:
            return None
        if not isinstance(value, str) or not value.strip():
            allowed = "a non-empty string or null" if nullable else "a non-empty string"
            if key in obj:
                self.add(_join(path, key), f"must be {allowed}, got {_json_type(value)}")
            return None
        return value

    def level(self, obj: Mapping[str, Any], key: str, path: str) -> int | None:
        value = obj.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value not in GUSKEY_LEVELS:
            self.add(_join(path, key), f"must be an integer 1-5 (a Guskey level) or null, got {value!r}")
            return None
        return value


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
             int: "an integer", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _require_dir(artifact_dir: str | Path) -> Path:
    path = Path(artifact_dir)
    if not path.is_dir():
        raise ReportError(
            f"{path}: artifact folder not found",
            reason=ReportReason.bad_artifacts, file=path,
            hint="build the artifacts first (for the demo: `make demo`) or pass the right artifact_dir",
        )
    return path


def load_facts(
    artifact_dir: str | Path,
    *,
    project: str | None = None,
    cadre: str | None = None,
    cohort: str | None = None,
) -> Facts:
    """Read and validate ``<artifact_dir>/facts.json`` against schema ``evalkit.artifacts/1``.

    Parameters
    ----------
    artifact_dir : str or Path
        The cadre's artifact folder.
    project, cadre, cohort : str, optional
        If given, the facts must be about this project / cadre / cohort. A notebook passes its
        parameters here, so pointing it at another cadre's folder is an error, not a wrong report.

    Returns
    -------
    Facts
        The validated, immutable content, with ``artifact_dir`` set.

    Raises
    ------
    ReportError
        ``reason=bad_artifacts`` if the folder or file is missing, the JSON is malformed or any key
        breaks the contract (every problem is listed with its key path, e.g.
        ``sections[2].pending_reason``, and every referenced table file must exist);
        ``reason=parameter_mismatch`` if ``project``, ``cadre`` or ``cohort`` disagree with the file.

    See Also
    --------
    load_table : read one of the tables listed in ``Facts.tables``.
    """
    folder = _require_dir(artifact_dir)
    file = folder / "facts.json"
    try:
        raw = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReportError(
            f"{file}: file not found", reason=ReportReason.bad_artifacts, file=file,
            hint="the artifact folder must contain facts.json (see docs/artifacts.md)",
        ) from None
    except UnicodeDecodeError as exc:
        raise ReportError(f"{file}: not UTF-8 text ({exc.reason} at byte {exc.start})",
                          reason=ReportReason.bad_artifacts, file=file) from None
    except json.JSONDecodeError as exc:
        raise ReportError(f"{file}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})",
                          reason=ReportReason.bad_artifacts, file=file) from None

    facts, problems = _parse_facts(raw, folder)
    if problems or facts is None:
        raise ReportError(
            f"{file}: {len(problems)} problem(s) against schema {SCHEMA}",
            reason=ReportReason.bad_artifacts, file=file, problems=problems,
            hint="fix the producer of the artifacts; the contract is in docs/artifacts.md",
        )

    expected = {"project": project, "cadre": cadre, "cohort": cohort}
    mismatched = [(k, f"the notebook asks for {v!r} but the file is for {getattr(facts, k)!r}")
                  for k, v in expected.items() if v is not None and str(v) != getattr(facts, k)]
    if mismatched:
        raise ReportError(
            f"{file}: these artifacts belong to another report", reason=ReportReason.parameter_mismatch,
            file=file, problems=mismatched,
            hint="point artifact_dir at the folder of the requested cadre, or change the parameters",
        )
    return facts


def _parse_facts(raw: Any, folder: Path) -> tuple[Facts | None, list[tuple[str, str]]]:
    """Validate the decoded JSON; return the Facts (None if anything is wrong) and the problems."""
    chk = _Checker()
    if not chk.keys(raw, "", _TOP_KEYS, optional=_OPTIONAL_TOP_KEYS):
        return None, chk.problems
    schema = raw.get("schema")
    if "schema" in raw and schema != SCHEMA:
        chk.add("schema", f"must be {SCHEMA!r} (the version this evalkit reads), got {schema!r}")
    strings = {k: chk.text(raw, k, "") for k in
               ("project", "program", "program_name", "cadre", "release_id", "evalkit_version", "generated_by")}
    # A report on a whole program (its unit is the program) may have no cohort: "" says so.
    cohort = raw.get("cohort")
    if not isinstance(cohort, str):
        if "cohort" in raw:
            chk.add("cohort", f"must be a string (empty for a report on a whole program), got {_json_type(cohort)}")
        cohort = None
    strings["cohort"] = cohort

    as_of: _dt.date | None = None
    if isinstance(raw.get("data_as_of"), str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw["data_as_of"]):
        try:
            as_of = _dt.date.fromisoformat(raw["data_as_of"])
        except ValueError:
            pass
    if as_of is None and "data_as_of" in raw:
        chk.add("data_as_of", f"must be a date written YYYY-MM-DD, got {raw['data_as_of']!r}")

    n_min = raw.get("n_min")
    if "n_min" in raw and (isinstance(n_min, bool) or not isinstance(n_min, int) or n_min < N_MIN_FLOOR):
        chk.add("n_min", f"must be an integer of at least {N_MIN_FLOOR} (the suppression threshold), got {n_min!r}")

    headline = _parse_headline(raw.get("headline"), chk) if "headline" in raw else ()
    tables = _parse_tables(raw.get("tables"), folder, chk) if "tables" in raw else {}
    sections = _parse_sections(raw.get("sections"), tables, chk) if "sections" in raw else ()
    provenance = _parse_provenance(raw.get("provenance"), chk) if "provenance" in raw else None

    if chk.problems or as_of is None or provenance is None:
        return None, chk.problems
    return Facts(
        artifact_dir=folder, schema=SCHEMA, data_as_of=as_of, n_min=n_min,
        headline=headline, sections=sections, tables=MappingProxyType(tables), provenance=provenance,
        disclosure=MappingProxyType(dict(raw.get("disclosure") or {})),
        charts=MappingProxyType(dict(raw.get("charts") or {})),
        **strings,  # type: ignore[arg-type]  # all non-None: no problems were recorded
    ), []


def _parse_headline(raw: Any, chk: _Checker) -> tuple[HeadlineItem, ...]:
    if not isinstance(raw, list):
        chk.add("headline", f"must be an array of {{label, value}} objects, got {_json_type(raw)}")
        return ()
    items = []
    for i, item in enumerate(raw):
        path = _join("headline", i)
        if chk.keys(item, path, ("label", "value")):
            label, value = chk.text(item, "label", path), chk.text(item, "value", path)
            if label is not None and value is not None:
                items.append(HeadlineItem(label, value))
    return tuple(items)


def _parse_tables(raw: Any, folder: Path, chk: _Checker) -> dict[str, TableSpec]:
    if not isinstance(raw, dict):
        chk.add("tables", f"must be an object mapping table ids to tables, got {_json_type(raw)}")
        return {}
    tables: dict[str, TableSpec] = {}
    for table_id, spec in raw.items():
        path = f"tables.{table_id}"
        if not _ID_RE.match(table_id):
            chk.add(path, "table id must be 1-64 letters, digits, '_' or '-', starting with a letter/digit")
            continue
        if not chk.keys(spec, path, _TABLE_KEYS):
            continue
        title, note = chk.text(spec, "title", path), chk.text(spec, "note", path, nullable=True)
        level = chk.level(spec, "guskey_level", path)
        file = spec.get("file")
        expected_file = f"tables/{table_id}.csv"
        if file != expected_file:
            # The file name is fixed by the id, so a table can never point outside the folder.
            chk.add(_join(path, "file"), f"must be {expected_file!r}, got {file!r}")
        elif not (folder / expected_file).is_file():
            chk.add(_join(path, "file"), f"file not found: {folder / expected_file}")
        if title is not None:
            tables[table_id] = TableSpec(table_id, title, expected_file, note, level)
    return tables


def _parse_sections(raw: Any, tables: Mapping[str, TableSpec], chk: _Checker) -> tuple[Section, ...]:
    if not isinstance(raw, list):
        chk.add("sections", f"must be an array of section objects, got {_json_type(raw)}")
        return ()
    sections: list[Section] = []
    seen: set[str] = set()
    for i, item in enumerate(raw):
        path = _join("sections", i)
        if not chk.keys(item, path, _SECTION_KEYS):
            continue
        sid, title = chk.text(item, "id", path), chk.text(item, "title", path)
        if sid is not None:
            if not _ID_RE.match(sid):
                chk.add(_join(path, "id"), "must be 1-64 letters, digits, '_' or '-'")
            elif sid in seen:
                chk.add(_join(path, "id"), f"duplicate section id {sid!r}")
            seen.add(sid)
        level = chk.level(item, "guskey_level", path)
        status = item.get("status")
        if status not in ("ready", "pending"):
            chk.add(_join(path, "status"), f"must be 'ready' or 'pending', got {status!r}")
        reason = chk.text(item, "pending_reason", path, nullable=True)
        if status == "pending" and reason is None and item.get("pending_reason") is None:
            chk.add(_join(path, "pending_reason"), "a pending section must say why (a non-empty string)")
        if status == "ready" and item.get("pending_reason") is not None:
            chk.add(_join(path, "pending_reason"), "must be null when status is 'ready'")
        text = chk.text(item, "text", path, nullable=True)
        refs = item.get("tables")
        if not isinstance(refs, list) or not all(isinstance(r, str) for r in refs):
            chk.add(_join(path, "tables"), f"must be an array of table ids, got {refs!r}")
            refs = []
        for j, ref in enumerate(refs):
            if ref not in tables:
                chk.add(_join(_join(path, "tables"), j), f"table id {ref!r} is not listed under 'tables'")
        if sid is not None and title is not None and status in ("ready", "pending"):
            sections.append(Section(sid, title, level, status, reason, text, tuple(refs)))
    return tuple(sections)


def _parse_provenance(raw: Any, chk: _Checker) -> Provenance | None:
    if not chk.keys(raw, "provenance", ("inputs", "parameters")):
        return None
    inputs: list[InputFile] = []
    if not isinstance(raw.get("inputs"), list):
        got = _json_type(raw.get("inputs"))
        chk.add("provenance.inputs", f"must be an array of {{file, sha256}}, got {got}")
    else:
        for i, item in enumerate(raw["inputs"]):
            path = _join("provenance.inputs", i)
            if not chk.keys(item, path, ("file", "sha256")):
                continue
            file = chk.text(item, "file", path)
            digest = item.get("sha256")
            if not isinstance(digest, str) or not _SHA256_RE.match(digest):
                chk.add(_join(path, "sha256"), "must be 64 lowercase hex characters (a SHA-256)")
            elif file is not None:
                inputs.append(InputFile(file, digest))
    params = raw.get("parameters")
    if "parameters" in raw and not isinstance(params, dict):
        chk.add("provenance.parameters", f"must be a JSON object, got {_json_type(params)}")
        return None
    return Provenance(tuple(inputs), MappingProxyType(dict(params or {})))


def read_table(artifact_dir: str | Path, table_id: str) -> tuple[list[str], list[list[str]]]:
    """Read ``<artifact_dir>/tables/<table_id>.csv`` as its header and rows of text, without pandas.

    This is what the report notebook's kernel uses: the cells are display-ready text, so the
    standard library's :mod:`csv` reads them exactly, and the kernel never imports pandas (about
    80 MB and a third of a second per report).

    Parameters
    ----------
    artifact_dir : str or Path
        The cadre's artifact folder.
    table_id : str
        A table id as listed under ``tables`` in ``facts.json``.

    Returns
    -------
    (list of str, list of list of str)
        The header and the rows, every cell a ``str``; empty cells are ``""`` and text such as
        ``"NA"`` or ``"fewer than 10"`` is kept as written. Short rows are padded with ``""``.
        The first column is the row label.

    Raises
    ------
    ReportError
        ``reason=unknown_table`` if the id is malformed or the file does not exist;
        ``reason=bad_artifacts`` if the file is not UTF-8 CSV with a header and a label column,
        or a row has more cells than the header.

    Examples
    --------
    >>> header, rows = read_table("reports/demo/C1/artifacts", "reactions")  # doctest: +SKIP
    """
    import csv

    folder = _require_dir(artifact_dir)
    if not isinstance(table_id, str) or not _ID_RE.match(table_id):
        raise ReportError(f"{folder}: {table_id!r} is not a valid table id",
                          reason=ReportReason.unknown_table, file=folder)
    file = folder / "tables" / f"{table_id}.csv"
    if not file.is_file():
        raise ReportError(f"{file}: table file not found", reason=ReportReason.unknown_table, file=file,
                          hint="the table id must be listed in facts.json and its CSV written under tables/")
    try:
        with open(file, encoding="utf-8-sig", newline="") as fh:
            records = list(csv.reader(fh, strict=True))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise ReportError(f"{file}: cannot read as UTF-8 CSV ({type(exc).__name__}: {exc})",
                          reason=ReportReason.bad_artifacts, file=file) from None
    records = [r for r in records if r]  # blank lines carry no row
    if not records or not records[0]:
        raise ReportError(f"{file}: has no columns (the first column must be the row label)",
                          reason=ReportReason.bad_artifacts, file=file)
    header, width = records[0], len(records[0])
    rows = []
    for line, rec in enumerate(records[1:], start=2):
        if len(rec) > width:
            raise ReportError(f"{file}: line {line} has {len(rec)} cells but the header has {width}",
                              reason=ReportReason.bad_artifacts, file=file,
                              hint="the table files are written by evalkit; rebuild the artifact folder")
        rows.append(rec + [""] * (width - len(rec)))
    return header, rows


def load_table(artifact_dir: str | Path, table_id: str) -> pd.DataFrame:
    """Read ``<artifact_dir>/tables/<table_id>.csv`` as a DataFrame with every cell as text.

    Parameters are those of :func:`read_table`.

    Returns
    -------
    pandas.DataFrame
        All columns of dtype ``object`` holding ``str``; empty cells stay ``""`` and text such as
        ``"NA"`` or ``"fewer than 10"`` is kept as written (no missing-value guessing). The first
        column is the row label. Same cells as :func:`read_table`, which the report itself uses.

    Raises
    ------
    ReportError
        As :func:`read_table`.
    """
    import pandas as pd  # deferred: keeps `import evalkit.report` cheap in the kernel

    header, rows = read_table(artifact_dir, table_id)
    return pd.DataFrame(rows, columns=header, dtype=object)
