"""The ``facts.json`` contract (schema ``evalkit.artifacts/2``) as one set of pydantic models.

:class:`Facts` and the models it holds are the single definition of the file that
``docs/artifacts.md`` describes. The writer (:func:`evalkit.report.writer.write_facts`) validates what
it is about to write with them and writes ``model_dump_json``; the reader
(:func:`evalkit.report.artifacts.load_facts`) validates the file with them. Nothing else checks the
file's shape, so the writer cannot produce a file the reader refuses.

The models are frozen and refuse unknown keys. Rules that involve more than one key are checked by
:class:`Facts` itself, in the same pass as the per-field rules, so every problem is reported at once:
each table's ``file`` is ``tables/<id>.csv``, every table a section names is listed under ``tables``,
section ids are unique and, when the validation context names the folder
(``context={"artifact_dir": folder}``), every table file exists in it. :func:`validation_problems` turns
a :class:`pydantic.ValidationError` into ``(key_path, what_is_expected)`` pairs such as
``("sections[2].pending_reason", "a pending section must say why (a non-empty string)")``.

``Facts.model_json_schema()`` gives the contract as a JSON Schema, for tools outside evalkit.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Annotated, Any, Final, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    JsonValue,
    PrivateAttr,
    StrictFloat,
    StrictInt,
    StrictStr,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    WrapSerializer,
    field_validator,
    model_serializer,
    model_validator,
    with_config,
)
from pydantic_core import InitErrorDetails, PydanticCustomError
from typing_extensions import TypedDict  # pydantic needs this TypedDict on Python < 3.12

from evalkit._limits import N_MIN_FLOOR
from evalkit.errors import ReportError, ReportReason

__all__ = [
    "SCHEMA",
    "GUSKEY_LEVELS",
    "ID_PATTERN",
    "Facts",
    "Section",
    "TableSpec",
    "HeadlineItem",
    "InputFile",
    "Provenance",
    "ChartSpec",
    "Disclosure",
    "validation_problems",
    "validate_facts",
]

#: The schema identifier of this contract. A producer that changes the contract bumps it.
SCHEMA: Final = "evalkit.artifacts/2"

#: Guskey's five levels of professional-development evaluation (Guskey 2000), by number.
GUSKEY_LEVELS: Mapping[int, str] = MappingProxyType({
    1: "Participants' reactions",
    2: "Participants' learning",
    3: "Organizational support and change",
    4: "Participants' use of new knowledge and skills",
    5: "Student learning outcomes",
})

#: Section and table ids. Table ids become file names and HTML anchors: a safe, portable alphabet, so
#: an id can never climb out of tables/ ("../x") or break markup.
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"
_SHA256_PATTERN = r"^[0-9a-f]{64}$"
_NON_BLANK_PATTERN = r"\S"
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")

#: What a string that breaks a pattern must be, in the words of the problem list.
_PATTERN_RULES = {
    ID_PATTERN: "must be 1-64 letters, digits, '_' or '-', starting with a letter or digit",
    _SHA256_PATTERN: "must be 64 lowercase hex characters (a SHA-256)",
    _NON_BLANK_PATTERN: "must be a non-empty string",
}
#: Prefix of the error types raised here; their messages are already in the problem list's words.
_OWN = "facts_"

_K = TypeVar("_K")
_V = TypeVar("_V")


def _got(value: Any) -> str:
    """The value received, as a problem message quotes it."""
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "an array"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _iso_date(value: Any) -> Any:
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return value
    if isinstance(value, str) and _DATE_RE.fullmatch(value):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise PydanticCustomError(_OWN + "date", "must be a date written YYYY-MM-DD, got {got}",
                              {"got": _got(value)})


def _freeze(value: dict[Any, Any]) -> Mapping[Any, Any]:
    """A read-only view, so validated facts cannot be edited (the values stay as validated)."""
    return MappingProxyType(value)


def _thaw(value: Mapping[Any, Any], handler: Any) -> Any:
    return handler(dict(value))


Text = Annotated[str, StringConstraints(strict=True, pattern=_NON_BLANK_PATTERN)]
SafeId = Annotated[str, StringConstraints(strict=True, pattern=ID_PATTERN)]
Sha256 = Annotated[str, StringConstraints(strict=True, pattern=_SHA256_PATTERN)]
# A chart's files stay in the folder's charts/ (a path such as "../x.png" could point the report anywhere).
ChartPng = Annotated[str, StringConstraints(strict=True, pattern=r"^charts/[A-Za-z0-9][A-Za-z0-9_-]{0,127}\.png$")]
ChartSvg = Annotated[str, StringConstraints(strict=True, pattern=r"^charts/[A-Za-z0-9][A-Za-z0-9_-]{0,127}\.svg$")]
GuskeyLevel = Annotated[StrictInt, Field(ge=1, le=5)]
Count = Annotated[StrictInt, Field(ge=0)]
IsoDate = Annotated[_dt.date, BeforeValidator(_iso_date)]
if TYPE_CHECKING:  # what callers get
    ReadOnly = Mapping
else:  # a JSON object held as a read-only mapping (written back as a plain object)
    ReadOnly = Annotated[dict[_K, _V], AfterValidator(_freeze), WrapSerializer(_thaw)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class HeadlineItem(_Model):
    """One headline figure: a label and an already-gated, display-ready value."""

    label: Text
    value: Text


class Section(_Model):
    """One report section. ``text`` is plain text; a blank line starts a new paragraph.

    ``part`` is the document that shows it: the report, or the technical supplement beside it.
    """

    id: SafeId
    title: Text
    guskey_level: GuskeyLevel | None
    status: Literal["ready", "pending"]
    pending_reason: Text | None
    text: Text | None
    tables: tuple[StrictStr, ...]
    part: Literal["report", "supplement"]

    @field_validator("pending_reason")
    @classmethod
    def _reason_fits_status(cls, value: str | None, info: ValidationInfo) -> str | None:
        status = info.data.get("status")  # absent if the status itself is wrong
        if status == "pending" and value is None:
            raise PydanticCustomError(_OWN + "pending_reason",
                                      "a pending section must say why (a non-empty string)")
        if status == "ready" and value is not None:
            raise PydanticCustomError(_OWN + "pending_reason", "must be null when status is 'ready'")
        return value


class TableSpec(_Model):
    """One aggregate table: caption title, CSV file (``tables/<id>.csv``, relative to the folder) and note."""

    title: Text
    file: StrictStr  # exactly tables/<id>.csv: checked by Facts, which knows the id
    note: Text | None
    guskey_level: GuskeyLevel | None

    @property
    def id(self) -> str:
        """The table id (the key under ``tables``), which fixes the file name."""
        return self.file.removeprefix("tables/").removesuffix(".csv")


class InputFile(_Model):
    """One input the artifacts were computed from, with the SHA-256 of its bytes."""

    file: Text
    sha256: Sha256


class Provenance(_Model):
    """Where the artifacts came from: input hashes and the parameters of the producing run."""

    inputs: tuple[InputFile, ...]
    parameters: ReadOnly[str, JsonValue]


@with_config(ConfigDict(extra="forbid"))
class ChartSpec(TypedDict):
    """One chart (``Facts.charts[<id>]``): its files, alt text, caption and the section showing it."""

    png: ChartPng
    svg: ChartSvg
    alt: Text
    title: Text
    section: Text


@with_config(ConfigDict(extra="forbid"))
class Disclosure(TypedDict):
    """``Facts.disclosure``: the suppression policy in plain words and how much it hid."""

    policy: list[Text]
    cells: Count
    hidden: Count
    share_hidden: Annotated[StrictFloat, Field(ge=0, le=1)]
    coded: Count                       # shares shown only as a bound ("<39%")
    lp_solves: Count
    log_file: Text


def _no_mapping() -> Mapping[str, Any]:
    return MappingProxyType({})


class Facts(_Model):
    """The validated content of ``facts.json``, plus the folder it was read from.

    Fields are the keys of ``docs/artifacts.md`` (``schema`` is stored as ``schema_``, since
    pydantic's ``BaseModel`` has a ``schema`` method, and read as ``facts.schema``); ``data_as_of``
    is a date and ``tables`` is keyed by table id. Instances are immutable: mappings are read-only
    views. Validate with ``Facts.model_validate(data, context={"artifact_dir": folder})`` to also
    check that the table files exist in ``folder`` and to set :attr:`artifact_dir`; write with
    ``model_dump_json(by_alias=True)``.
    """

    schema_: Literal[SCHEMA] = Field(alias="schema")
    project: Text
    program: Text
    program_name: Text
    cadre: Text
    cohort: StrictStr  # "" for a report on a whole program, which has no cohort
    data_as_of: IsoDate
    release_id: Text
    evalkit_version: Text
    n_min: Annotated[StrictInt, Field(ge=N_MIN_FLOOR)]
    generated_by: Text
    headline: tuple[HeadlineItem, ...]
    sections: tuple[Section, ...]
    tables: ReadOnly[SafeId, TableSpec]
    provenance: Provenance
    charts: ReadOnly[StrictStr, ChartSpec] = Field(default_factory=_no_mapping)
    disclosure: Annotated[Disclosure, AfterValidator(_freeze), WrapSerializer(_thaw)] = Field(
        default_factory=_no_mapping)  # type: ignore[assignment]

    _artifact_dir: Path | None = PrivateAttr(default=None)
    # the sections a notebook has shown (evalkit.report.display.show_other_sections shows the rest)
    _shown: set[str] = PrivateAttr(default_factory=set)

    @model_validator(mode="wrap")
    @classmethod
    def _check_references(cls, data: Any, handler: Any, info: ValidationInfo) -> Facts:
        if isinstance(data, Facts):
            return handler(data)
        folder = (info.context or {}).get("artifact_dir")
        folder = None if folder is None else Path(folder)
        problems = _reference_problems(data, folder)
        try:
            facts = handler(data)
        except ValidationError as exc:  # report the field problems and the reference problems together
            raise _merge(exc, problems) from None
        if problems:
            raise ValidationError.from_exception_data(cls.__name__, problems)
        facts._artifact_dir = folder
        return facts

    @model_serializer(mode="wrap")
    def _leave_out_absent_optional_keys(self, handler: Any) -> dict[str, Any]:
        data = handler(self)
        for key in ("charts", "disclosure"):  # absent when read: absent when written back
            if key not in self.model_fields_set:
                data.pop(key, None)
        return data

    @property
    def schema(self) -> str:  # type: ignore[override]  # BaseModel.schema is pydantic's deprecated method
        """The contract version, :data:`SCHEMA`."""
        return self.schema_

    @property
    def artifact_dir(self) -> Path:
        """The folder the facts were read from (the ``artifact_dir`` of the validation context)."""
        if self._artifact_dir is None:
            raise AttributeError("these facts were validated without a folder: pass context="
                                 "{'artifact_dir': folder} to Facts.model_validate, or use load_facts")
        return self._artifact_dir

    @property
    def whole_program(self) -> bool:
        """Whether the report covers a whole program (or one cohort of it) rather than a cadre: its unit is the
        program's id, or ``<program>-<cohort>`` (a network's report per cohort)."""
        return self.cadre in (self.program, f"{self.program}-{self.cohort}".replace("_", "-"))

    @property
    def title(self) -> str:
        """The report's title as it appears on the cover and in the running header."""
        if not self.whole_program:
            return f"{self.program_name}: cadre {self.cadre}, cohort {self.cohort}"
        return f"{self.program_name}, cohort {self.cohort}" if self.cohort else self.program_name

    @property
    def report_sections(self) -> tuple[Section, ...]:
        """The sections of the report itself, in order (the notebook shows these one by one)."""
        return tuple(s for s in self.sections if s.part == "report")

    @property
    def supplement_sections(self) -> tuple[Section, ...]:
        """The sections of the technical supplement, in order (:func:`~evalkit.report.show_supplement`)."""
        return tuple(s for s in self.sections if s.part == "supplement")

    def section(self, section_id: str) -> Section:
        """Return the section called ``section_id``; raise :class:`ReportError` naming the known ids."""
        for sec in self.sections:
            if sec.id == section_id:
                return sec
        file = (self._artifact_dir or Path()) / "facts.json"
        known = ", ".join(repr(s.id) for s in self.sections) or "(none)"
        raise ReportError(f"{file}: no section with id {section_id!r}; known ids: {known}",
                          reason=ReportReason.unknown_section, file=file)


def _get(obj: Any, key: str) -> Any:
    """``obj[key]`` for decoded JSON, ``obj.key`` for a model built in memory, None for anything else."""
    if isinstance(obj, Mapping):
        return obj.get(key)
    if isinstance(obj, BaseModel):
        return getattr(obj, key, None)
    return None


def _problem(loc: tuple[str | int, ...], message: str, value: Any) -> InitErrorDetails:
    return InitErrorDetails(type=PydanticCustomError(_OWN + "reference", message), loc=loc, input=value)


def _reference_problems(data: Any, folder: Path | None) -> list[InitErrorDetails]:
    """The rules that tie keys together, checked on the raw input so they never wait for other fixes."""
    problems: list[InitErrorDetails] = []
    tables = _get(data, "tables")
    if isinstance(tables, Mapping):
        for table_id, spec in tables.items():
            file = _get(spec, "file")
            if not (isinstance(table_id, str) and re.match(ID_PATTERN, table_id) and isinstance(file, str)):
                continue  # a bad id or a missing/non-text file is a field problem, reported once
            expected = f"tables/{table_id}.csv"
            loc = ("tables", table_id, "file")
            if file != expected:  # fixed by the id, so a table can never point outside the folder
                problems.append(_problem(loc, f"must be {expected!r}, got {file!r}", file))
            elif folder is not None and not (folder / expected).is_file():
                problems.append(_problem(loc, f"file not found: {folder / expected}", file))
    sections = _get(data, "sections")
    if isinstance(sections, (list, tuple)):
        seen: set[str] = set()
        for i, section in enumerate(sections):
            sid = _get(section, "id")
            if isinstance(sid, str):
                if sid in seen:
                    problems.append(_problem(("sections", i, "id"), f"duplicate section id {sid!r}", sid))
                seen.add(sid)
            refs = _get(section, "tables")
            if isinstance(tables, Mapping) and isinstance(refs, (list, tuple)):
                for j, ref in enumerate(refs):
                    if isinstance(ref, str) and ref not in tables:
                        problems.append(_problem(("sections", i, "tables", j),
                                                 f"table id {ref!r} is not listed under 'tables'", ref))
    return problems


def _merge(exc: ValidationError, extra: list[InitErrorDetails]) -> ValidationError:
    """One ValidationError holding ``exc``'s errors (types, messages and context kept) and ``extra``."""
    kept = [InitErrorDetails(type=PydanticCustomError(e["type"], e["msg"], e.get("ctx")), loc=e["loc"],
                             input=e["input"]) for e in exc.errors(include_url=False)]
    return ValidationError.from_exception_data(exc.title, kept + extra)


def validation_problems(exc: ValidationError) -> list[tuple[str, str]]:
    """``(key_path, what_is_expected)`` for each error of a :class:`Facts` validation, in file order.

    Key paths read like ``sections[2].pending_reason``, ``tables.ratings.file`` or
    ``provenance.inputs[0].sha256``; the top level is ``""``.
    """
    out = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        is_key = bool(loc) and loc[-1] == "[key]"  # a dict key (a table id) broke its pattern
        if is_key:
            loc = loc[:-1]
        out.append((_path(loc), _message(err, loc, is_key)))
    return out


def _path(loc: tuple[str | int, ...]) -> str:
    path = ""
    for part in loc:
        path = f"{path}[{part}]" if isinstance(part, int) else (f"{path}.{part}" if path else str(part))
    return path


def _message(err: Any, loc: tuple[str | int, ...], is_key: bool) -> str:
    kind, value = err["type"], err["input"]
    if kind.startswith(_OWN):
        return err["msg"]
    if kind == "missing":
        return "is missing (every key is required; use null where allowed)"
    if kind == "extra_forbidden":
        allowed = ", ".join(_schema_at(loc[:-1]).get("properties", {}))
        return f"is not part of schema {SCHEMA} (allowed: {allowed})"
    if kind == "string_pattern_mismatch" and (err.get("ctx") or {}).get("pattern") in _PATTERN_RULES:
        rule = _PATTERN_RULES[err["ctx"]["pattern"]]
        return f"{'table id ' if is_key else ''}{rule}, got {_got(value)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        rule = "must be a JSON object"
    elif kind in ("tuple_type", "list_type"):
        rule = "must be an array"
    else:
        msg = err["msg"]
        prefix = "Input should be "
        rule = "must be " + msg.removeprefix(prefix) if msg.startswith(prefix) else msg
    if not is_key and _nullable(loc):
        rule += " (or null)"
    return f"{rule}, got {_got(value)}"


@functools.cache
def _json_schema() -> dict[str, Any]:
    return Facts.model_json_schema()


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    defs = _json_schema().get("$defs", {})
    while "$ref" in node:
        node = defs[node["$ref"].rsplit("/", 1)[-1]]
    return node


def _schema_at(loc: tuple[str | int, ...]) -> dict[str, Any]:
    """The JSON Schema node for the value at ``loc`` (``{}`` if the location is outside the schema)."""
    node = _resolve(_json_schema())
    for part in loc:
        branches = [_resolve(b) for b in node.get("anyOf", ()) if b.get("type") != "null"]
        if branches:
            node = branches[0]
        if isinstance(part, int):
            node = _resolve(node.get("items", {}))
        elif part in node.get("properties", {}):
            node = _resolve(node["properties"][part])
        elif isinstance(node.get("additionalProperties"), dict):
            node = _resolve(node["additionalProperties"])
        elif node.get("patternProperties"):
            node = _resolve(next(iter(node["patternProperties"].values())))
        else:
            return {}
    return node


def _nullable(loc: tuple[str | int, ...]) -> bool:
    return any(b.get("type") == "null" for b in _schema_at(loc).get("anyOf", ()))


def validate_facts(data: Any, folder: Path, *, writing: bool) -> Facts:
    """``data`` as :class:`Facts`, checked against the folder it belongs to (its table files must be there).

    Raises
    ------
    ReportError
        ``bad_artifacts``, with every problem as ``(key path, what is wrong)``; the message says whether the
        producer (``writing``: nothing was written) or the file is at fault.
    """
    file = Path(folder) / "facts.json"
    try:
        return Facts.model_validate(data, context={"artifact_dir": folder})
    except ValidationError as exc:
        problems = validation_problems(exc)
        raise ReportError(
            f"{file}: {'not written, ' if writing else ''}{len(problems)} problem(s) against schema {SCHEMA}",
            reason=ReportReason.bad_artifacts, file=file, problems=problems,
            hint=("a bug in the report's producer" if writing else "fix the producer of the artifacts")
            + "; the contract is in docs/artifacts.md",
        ) from None
