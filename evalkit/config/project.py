"""The project file (``evalkit.yml``): programs, cohorts, cadres, events, sources and rules.

One project file describes one evaluation: which programs it covers, which raw files belong to
which instrument and wave, and how cleaning and disclosure behave. It is validated once when loaded
(:func:`evalkit.config.load_project`) and passed down as an object; no stage reads it again.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from evalkit._limits import N_MIN_FLOOR, N_MIN_PLAIN
from evalkit.config.codebook import ColumnSpec, GuskeyLevel, Wave

__all__ = [
    "ProgramKind",
    "LogicModel",
    "Cohort",
    "Event",
    "Program",
    "OutcomeMeasure",
    "SourceKind",
    "FieldMap",
    "AddedColumn",
    "WideColumns",
    "Source",
    "CleaningRules",
    "PrivacyPolicy",
    "AnonymizePolicy",
    "Project",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class ProgramKind(str, Enum):
    """The kinds of program evalkit reports on: the five program designs, and ``survey`` for any program
    whose data are surveys (and, optionally, events) only."""

    cadre = "cadre"
    survey = "survey"
    pipeline = "pipeline"
    network = "network"
    principal_network = "principal_network"
    state_resources = "state_resources"


class LogicModel(_Model):
    """Kellogg-style logic model: planned work (inputs, activities) and intended results."""

    inputs: list[str] = Field(default_factory=list)
    activities: list[str] = Field(default_factory=list)
    outputs: list[str] = Field(default_factory=list)
    outcomes_short: list[str] = Field(default_factory=list)
    outcomes_intermediate: list[str] = Field(default_factory=list)
    outcomes_long: list[str] = Field(default_factory=list)
    impact: list[str] = Field(default_factory=list)


class Cohort(_Model):
    """A cohort (usually a program year) and the cadres, tiers or phases within it."""

    id: str
    label: str | None = None
    cadres: list[str] = Field(default_factory=list, description="cadre ids (cadre programs), tiers or groups")


class Event(_Model):
    """A scheduled event; most projects list events in a raw file (a source of kind 'events') instead."""

    id: str
    name: str
    date: dt.date | None = None
    cadre: str | None = None
    modality: Literal["face_to_face", "virtual", "site_visit", "coaching", "network_meeting", "working_group"] | None = None
    hours: float | None = None


class OutcomeMeasure(_Model):
    """How a report names one measure of the outcome sources (the file's ``measure`` value is the key)."""

    label: str = Field(description="how tables and charts name it, e.g. 'ELA: percent meeting standard'")
    description: str | None = Field(default=None, description="how sentences name it, e.g. 'the percent of "
                                    "students meeting the ELA standard' (default: the label in lower case)")
    unit: Literal["percent", "mean"] | None = Field(
        default=None, description="percent (0-100, top- and bottom-coded, changes in points) or mean; by default "
        "read from the id: pct, percent, rate or share means percent")


class PdpRule(_Model):
    """When a participant earns professional development points (PDPs), and how many.

    Every criterion given must hold (hours, meetings, a completed evaluation, in any combination); at least
    one must be given. evalkit never hard-codes a state's rule: this is the program's own.
    """

    min_hours: Annotated[float, Field(ge=0)] | None = Field(
        default=None, description="hours of the program's events attended, at least")
    min_meetings: Annotated[int, Field(ge=0)] | None = Field(
        default=None, description="events attended, at least (of the event types counted)")
    evaluation: str | None = Field(
        default=None, description="id of a survey source the participant must have completed (e.g. the "
        "end-of-network evaluation)")
    event_types: list[str] = Field(
        default_factory=list, description="event types that count (events.csv's event_type); all when empty")
    points_per_hour: Annotated[float, Field(gt=0)] = Field(default=1.0, description="PDPs per hour attended")
    certificates: str = Field(
        description="where `evalkit pdp` writes the organizer's identified list (names, e-mails, hours, PDPs), "
        "relative to the project file; never inside reports/ or data_processed/")

    @model_validator(mode="after")
    def _some_criterion(self) -> PdpRule:
        if self.min_hours is None and self.min_meetings is None and self.evaluation is None:
            raise ValueError("a pdp rule needs at least one of min_hours, min_meetings or evaluation")
        return self


class CareersSpec(_Model):
    """Where a pipeline program's careers are: an HR file of yearly snapshots and how to read it."""

    source: str = Field(description="id of the HR source: one row per person and school year")
    ladder: dict[str, int] = Field(description="rank of each value of rank_column; a higher rank is a promotion")
    rank_column: str = Field(description="the column the ladder ranks (a job category)")
    role_column: str | None = Field(default=None, description="the job title: a new title at the same rank is lateral")
    place_column: str | None = Field(default=None, description="the school: the same role elsewhere is a move")
    status_column: str | None = Field(default=None, description="employment status; 'separated' and the like end a career")
    hire_column: str | None = Field(default=None, description="hire date: time to promotion counts years since hire")
    participant_column: str = Field(description="Y/N: whether the person is a program participant")
    cohort_column: str | None = Field(default=None, description="a participant's cohort (its first school year)")
    tier_column: str | None = Field(default=None, description="a participant's tier")
    tier_labels: dict[str, str] = Field(default_factory=dict, description="how the report names each tier code")
    match_on: list[str] = Field(
        default_factory=list, description="further HR columns a match must share besides the role (e.g. a school "
        "type or level, when the file has one)")
    years: Annotated[int, Field(ge=1)] = Field(default=3, description="k of the k-year retention and promotion rates")
    caliper: Annotated[float, Field(gt=0)] | None = Field(
        default=5.0, description="largest gap in years of experience between a participant and their match")


class CycleSpec(_Model):
    """Where a principal network's inquiry cycle is: a tracker with one row per principal and step.

    The steps and their order are the project's, never evalkit's: ``steps`` lists them as the file names them
    (the report shows them in this order; a step the file uses but the list does not name is an error).
    """

    source: str = Field(description="id of the tracker source: one row per principal (or school) and step")
    steps: list[str] = Field(min_length=2, description="the cycle's step names in order, as the file spells them")
    step_column: str = Field(default="step_name", description="the column naming the step")
    date_column: str = Field(default="completed_date", description="when the step was completed; empty: not reached")
    unit_column: str = Field(default="school_code", description="whose cycle a row belongs to: a principal's id "
                             "(pseudonymized) or the school's code")
    phase_column: str | None = Field(default=None, description="the phase each step belongs to (a first term, a second...)")
    artifact_column: str | None = Field(default=None, description="Y/N: whether the step left an artifact")
    text_column: str | None = Field(default=None, description="free text of the cycle (a problem of practice): "
                                    "quoted only redacted and above the comment threshold")


class AssessmentMeasure(_Model):
    """How the report names one school-assessment measure (a rubric domain or a quantitative measure)."""

    label: str
    description: str | None = None


class AssessmentSpec(_Model):
    """Where a principal network's school assessments are: a long file, one row per school, phase and measure.

    Rubric rows carry a level (``level_column``, coded as ``levels`` says); quantitative rows a value
    (``value_column``). ``baseline`` and ``end`` name the two rounds compared (values of ``phase_column``).
    """

    source: str = Field(description="id of the tracker source of the assessments")
    baseline: str = Field(description="the round that is the baseline (e.g. Fall)")
    end: str = Field(description="the round compared with it (e.g. Spring)")
    levels: dict[str, str] = Field(min_length=2, description="rubric codes in order, lowest first, with their "
                                   "names, e.g. {1: Beginning, 2: Developing, 3: Proficient, 4: Exemplary}")
    school_column: str = Field(default="school_code")
    phase_column: str = Field(default="phase")
    measure_column: str = Field(default="measure")
    level_column: str = Field(default="rubric_level")
    value_column: str = Field(default="value")
    text_column: str | None = Field(default=None, description="narrative evidence: quoted only redacted and above "
                                    "the comment threshold")
    measures: dict[str, AssessmentMeasure] = Field(
        default_factory=dict, description="the measures by id, in report order, with their names; a measure not "
        "listed is named after its id")

    @field_validator("levels", mode="before")
    @classmethod
    def _codes_as_text(cls, v: Any) -> Any:
        # YAML reads {1: Beginning} with integer keys; the file's codes are compared as text
        return {str(k): val for k, val in v.items()} if isinstance(v, dict) else v


class ImpactSpec(_Model):
    """Where a state-resources program's impact is estimated from: yearly school results in long form (a source of
    kind ``outcomes``), program schools marked by a start year, every other school a comparison."""

    source: str = Field(description="id of the outcomes source: one row per school, year, subgroup and measure")
    measures: list[str] = Field(min_length=1, description="the measure ids whose impact is estimated, in report "
                                "order (named by the program's outcome_measures)")
    start_column: str = Field(default="grant_start_year", description="the school's first program year; empty for "
                              "a comparison school")
    unit_column: str = Field(default="school_code")
    time_column: str = Field(default="school_year", description="the year, as a number (2021 for 2020-21)")
    measure_column: str = Field(default="measure")
    value_column: str = Field(default="value")
    weight_column: str | None = Field(default="n_tested", description="students tested: each school-year's weight")
    subgroup_column: str | None = Field(default="subgroup")
    subgroup: str = Field(default="all", description="the rows of all students (the subgroup column's value)")
    subgroup_labels: dict[str, str] = Field(default_factory=dict, description="how the report names each other "
                                            "subgroup code, e.g. {el: English learners}")


class EquitySpec(_Model):
    """Where identification counts by group are (a source of kind ``outcomes``) and the state's rules for risk
    ratios (IDEA significant disproportionality, 34 CFR 300.647)."""

    source: str
    groups: dict[str, list[str]] = Field(min_length=1, description="each dimension's groups as the file names them, "
                                         "e.g. {race: [black, hispanic, white], income: [low_income]}; each group "
                                         "is compared with all other children of the unit")
    unit_column: str = Field(default="district_code")
    group_column: str = Field(default="subgroup")
    time_column: str = Field(default="school_year")
    numerator_column: str = Field(default="n_identified")
    denominator_column: str = Field(default="n_enrolled")
    total_label: str = Field(default="all", description="the group column's value for all children of the unit")
    min_cell: Annotated[int, Field(ge=1)] = Field(default=10, description="minimum cell size (identified children)")
    min_n: Annotated[int, Field(ge=1)] = Field(default=30, description="minimum n-size (children enrolled)")
    threshold: Annotated[float, Field(gt=1)] = Field(default=3.0, description="the state's risk-ratio threshold: "
                                                     "a ratio above it is flagged")


class MtssSpec(_Model):
    """Where MTSS screening aggregates are: counts per school, grade and screening window (kind ``outcomes``)."""

    source: str
    windows: list[str] = Field(default_factory=lambda: ["fall", "winter", "spring"],
                               description="the screening windows in order")


class Program(_Model):
    """One program of the project."""

    id: str
    kind: ProgramKind
    name: str
    description: str | None = Field(default=None, description="one or two sentences on what the program does and "
                                    "for whom; the report's introduction quotes it")
    cohorts: list[Cohort] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    codes: list[str] = Field(default_factory=list, description="how raw files name this program (e.g. CADRE)")
    instruments: list[str] = Field(default_factory=list, description="instrument ids from the codebook")
    guskey_levels: list[GuskeyLevel] = Field(default_factory=list, description="levels this program reports on")
    outcome_sources: list[str] = Field(
        default_factory=list, description="ids of sources of kind 'outcomes' holding school results (e.g. state "
        "assessments) of this program's schools; a cadre report's Level 5 section is built from them")
    outcome_measures: dict[str, OutcomeMeasure] = Field(
        default_factory=dict, description="the outcome sources' measures by id, in the order the report shows "
        "them, with their labels; a measure not listed is named after its id")
    logic_model: LogicModel = Field(default_factory=LogicModel)
    pdp: PdpRule | None = Field(default=None, description="professional development points: who earns them")
    careers: CareersSpec | None = Field(default=None, description="a pipeline's HR snapshots: retention, promotion")
    phases: list[str] = Field(default_factory=list, description="a principal network's phases in order "
                              "(e.g. Launch, Practice, Sustain): events, steps and sessions are grouped by them")
    cycle: CycleSpec | None = Field(default=None, description="a principal network's inquiry cycle")
    assessments: AssessmentSpec | None = Field(default=None, description="a principal network's school assessments")
    impact: ImpactSpec | None = Field(default=None, description="state resources: program schools against the rest")
    equity: EquitySpec | None = Field(default=None, description="state resources: risk ratios and gaps by group")
    mtss: MtssSpec | None = Field(default=None, description="state resources: MTSS screening aggregates")

    def subgroup_label(self, code: str) -> str:
        """How reports name a subgroup code: ``impact.subgroup_labels``, else the code in words ("low_income" ->
        "Low income")."""
        labels = self.impact.subgroup_labels if self.impact else {}
        return labels.get(code, code.replace("_", " ").capitalize())


class SourceKind(str, Enum):
    """What a raw file holds; decides which cleaning rules apply."""

    survey = "survey"
    roster = "roster"
    events = "events"
    attendance = "attendance"
    log = "log"
    tracker = "tracker"
    hr = "hr"
    outcomes = "outcomes"
    notes = "notes"
    other = "other"


class FieldMap(_Model):
    """Which columns of an export carry the standard survey fields.

    Left empty, the platform's defaults apply (Qualtrics: ``Status``, ``Progress``,
    ``Duration (in seconds)``, ``RecordedDate``...). A field that an export lacks is simply not
    used; the rule that needs it is reported as "not applicable" in the data-quality log.
    """

    status: str | None = None
    progress: str | None = None
    finished: str | None = None
    duration: str | None = None
    start: str | None = None
    end: str | None = None
    recorded: str | None = None
    response_id: str | None = None
    person: str | None = Field(default=None, description="column identifying the person (e-mail, id)")
    event: str | None = Field(default=None, description="column naming the event (free-typed)")
    distribution_channel: str | None = None


class AddedColumn(_Model):
    """One column a source adds to its file, built from what the file states (``sources[].add_columns``).

    Exactly one of:

    * ``constant``: the same value on every row, for what a state file says only in its title or
      name (the school year, the test and grade);
    * ``join`` (with ``sep``, default none): codes joined as text, e.g. a school code that is unique
      only within its district, ``[district_code, school_code]`` → ``0010060``;
    * ``sum``: published numbers added up row by row, e.g. percent meeting standard as the sum of
      the state's level-4 and level-5 percents. A part with a suppression mark ("*") marks the sum;
      a blank part leaves it blank.
    """

    constant: str | int | float | dt.date | None = None  # YAML reads 2024-09-01 as a date
    join: list[str] | None = None
    sep: str = ""
    sum: list[str] | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> AddedColumn:
        given = [k for k in ("constant", "join", "sum") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of 'constant', 'join' or 'sum'" + (f" (given: {given})" if given else ""))
        parts = self.join if self.join is not None else self.sum
        if parts is not None and len(parts) < 2:
            raise ValueError(f"'{given[0]}' needs at least two of the file's columns")
        if self.sep and self.join is None:
            raise ValueError("'sep' only goes with 'join'")
        return self

    def inputs(self) -> list[str]:
        """The file's columns this column is built from."""
        return list(self.join or self.sum or [])


class WideColumns(_Model):
    """A file with one column per subgroup, made long as it is read (``sources[].wide``).

    Each row of the file becomes one row per listed column: the ``id_columns`` repeated, ``name``
    holding the subgroup id the column maps to and ``value`` the cell as published (a state's
    suppression mark included, split off by cleaning row by row). Columns are named after
    ``rename``; the file itself is never changed.
    """

    id_columns: list[str] = Field(min_length=1, description="what a row of the file is about (district and "
                                  "school codes, names): kept on every long row")
    columns: dict[str, str] = Field(min_length=1, description="the file's columns holding one subgroup each -> "
                                    "the subgroup's id on the long rows (e.g. '%Black': black)")
    name: str = Field(default="subgroup", description="the new column naming the subgroup")
    value: str = Field(default="value", description="the new column holding each subgroup's published value")

    @field_validator("columns", mode="before")
    @classmethod
    def _as_text(cls, v: Any) -> Any:
        # YAML reads a header or a subgroup id such as 2019 as a number; both are compared as text
        def text(x: Any) -> Any:
            return str(x) if isinstance(x, int | float) and not isinstance(x, bool) else x

        return {text(k): text(val) for k, val in v.items()} if isinstance(v, dict) else v

    @model_validator(mode="after")
    def _names_are_distinct(self) -> WideColumns:
        blank = next((k for k, v in self.columns.items() if not k.strip() or not v.strip()), None)
        if blank is not None:
            raise ValueError(f"columns maps {blank!r} to or from an empty name")
        ids = list(self.columns.values())
        twice = next((i for i in ids if ids.count(i) > 1), None)
        if twice is not None:
            raise ValueError(f"columns maps two columns to the subgroup {twice!r}; each subgroup may be given once")
        both = [c for c in self.id_columns if c in self.columns]
        if both:
            raise ValueError(f"column {both[0]!r} is in both id_columns and columns; a column is either kept "
                             "on every row or made long")
        again = next((c for c in self.id_columns if self.id_columns.count(c) > 1), None)
        if again is not None:
            raise ValueError(f"id_columns lists {again!r} twice")
        for key in ("name", "value"):
            new = getattr(self, key)
            if not new.strip():
                raise ValueError(f"{key} is empty: the new column needs a name")
            if new in self.id_columns:
                raise ValueError(f"{key} {new!r} is also one of id_columns; choose another name for the new "
                                 "column (or rename the file's column first)")
        if self.name == self.value:
            raise ValueError(f"name and value are both {self.name!r}; the two new columns need two names")
        return self


class Source(_Model):
    """One raw file."""

    id: str
    file: str = Field(description="path relative to the project's raw_dir")
    kind: SourceKind
    format: str | None = Field(default=None, description="override the detected format")
    sheet: str | None = None
    encoding: str | None = Field(default=None, description="the text file's encoding (e.g. cp1252) when it is not "
                                 "UTF-8 and evalkit's detection is not enough; read strictly, never guessed")
    program: str | None = None
    instrument: str | None = None
    title: str | None = Field(default=None, description="how reports name the source, e.g. 'State assessment "
                              "results, 2016-2024'; never its id or file name (a file name may hold a school's)")
    wave: Wave | None = None
    cadre_column: str | None = None
    fields: FieldMap = Field(default_factory=FieldMap)
    date_columns: list[str] = Field(default_factory=list)
    email_columns: list[str] = Field(default_factory=list)
    name_columns: list[str] = Field(default_factory=list)
    rename: dict[str, str] = Field(
        default_factory=dict, description="the file's column name -> the name evalkit expects (e.g. SchoolCode: "
        "school_code), applied as the file is read (the file itself is never changed); every other setting of "
        "this source names columns after renaming")
    add_columns: dict[str, AddedColumn] = Field(
        default_factory=dict, description="columns built from the file's own after renaming: a constant, a join "
        "of codes or a sum of published numbers (e.g. school_year: {constant: 2024-25}); the file is never changed")
    wide: WideColumns | None = Field(
        default=None, description="a file with one column per subgroup (e.g. '% White', '%Black'), made one row "
        "per subgroup as it is read, after rename and before add_columns: {id_columns: [...], columns: {header: "
        "subgroup id}, name: subgroup, value: value}; the file is never changed")
    key: list[str] = Field(default_factory=list, description="columns that must be unique together")
    columns: dict[str, ColumnSpec] = Field(
        default_factory=dict, description="roles of this file's columns (surveys take them from the codebook)"
    )
    roster_link: str | None = Field(
        default=None, description="id of a roster source; rows are joined to it on the person field's e-mail"
    )
    roster_attributes: list[str] = Field(
        default_factory=lambda: ["cadre_id", "team_id", "school_code", "role"],
        description="roster columns copied onto linked rows",
    )
    consent_column: str | None = Field(default=None, description="roster column holding Y/N evaluation consent")
    place_columns: list[str] = Field(
        default_factory=list, description="school or district names: looked for in free text, like people's names"
    )
    small_group_columns: list[str] = Field(
        default_factory=list, description="groups (e.g. school_code) whose size is checked against privacy.n_min"
    )
    kanon_keep: list[str] = Field(
        default_factory=list, description="quasi-identifiers that are this table's unit of analysis (e.g. "
        "school_code of a staff survey): never generalized, only suppressed where k requires")
    self_code_elements: list[Annotated[int, Field(ge=1)]] = Field(
        default_factory=list, description="widths of a self-generated ID code's elements, e.g. [1, 2, 1, 1, 1, 2]")
    panel_with: str | None = Field(
        default=None, description="id of the earlier wave of this anonymous survey, linked by self-generated code")
    event_window_days: Annotated[int, Field(ge=0)] = Field(
        default=30, description="how long after an event a response may still refer to it (attendance: 0)"
    )
    group_column: str | None = Field(
        default=None, description="a wide attendance roster's column naming each person's working group (blank: "
        "in none); the network report counts the members of each group")
    meeting_columns: dict[str, str] = Field(
        default_factory=dict, description="a wide attendance roster's meeting columns -> event ids (e.g. "
        "'Mtg 1 (2/7/25)': M1): one column per meeting, marked x, P, late, excused ...")

    def survey_like(self) -> bool:
        return self.kind == SourceKind.survey

    @model_validator(mode="after")
    def _rename_is_one_to_one(self) -> Source:
        blank = [k for k, v in self.rename.items() if not str(k).strip() or not str(v).strip()]
        if blank:
            raise ValueError(f"rename: {blank[0]!r} maps a column to or from an empty name")
        targets = list(self.rename.values())
        twice = next((t for t in targets if targets.count(t) > 1), None)
        if twice is not None:
            raise ValueError(f"rename: two columns are renamed to {twice!r}; each new name may be given once")
        return self

    @model_validator(mode="after")
    def _wide_before_added(self) -> Source:
        if self.wide is None:
            return self
        melted = [c for spec in self.add_columns.values() for c in spec.inputs() if c in self.wide.columns]
        if melted:
            raise ValueError(f"add_columns: {melted[0]!r} is one of wide.columns, which become rows before "
                             "add_columns is built; build from id_columns or the new value column")
        return self

    @model_validator(mode="after")
    def _survey_needs_instrument(self) -> Source:
        if self.kind == SourceKind.survey and (self.instrument is None or self.wave is None):
            raise ValueError("a source of kind 'survey' needs both 'instrument' and 'wave'")
        return self


Share = Annotated[float, Field(ge=0, le=1)]


class CleaningRules(_Model):
    """Cleaning rules; each can be switched off, and each is counted in the data-quality log."""

    drop_preview: bool = True
    drop_test: bool = True
    dedupe: Literal["latest_complete", "first", "off"] = "latest_complete"
    partial: Literal["drop", "keep"] = "drop"
    partial_min_progress: Annotated[float, Field(ge=0, le=100)] = 50.0
    speeders: Literal["drop", "flag", "off"] = "drop"
    speeder_fraction: Annotated[float, Field(gt=0, lt=1)] = 1 / 3
    straightliners: Literal["drop", "flag", "off"] = "flag"
    straightline_min_items: Annotated[int, Field(ge=3)] = 5
    normalize_emails: bool = True
    normalize_names: bool = True
    normalize_dates: bool = True
    labels_to_codes: bool = True
    non_substantive_to_missing: bool = True
    apply_aliases: bool = True
    drop_withdrawn: bool = True
    require_consent: bool = True
    test_markers: dict[str, str] = Field(
        default_factory=lambda: {"ExternalReference": r"^\s*test\b", "RecipientLastName": r"^\s*test\s*$"},
        description="column → regular expression; a match marks a live test response (dropped by drop_test)",
    )
    match_events: bool = True
    event_match_threshold: Annotated[float, Field(ge=0, le=100)] = 85.0
    event_match_review_below: Annotated[float, Field(ge=0, le=100)] = 95.0
    day_first: bool = Field(default=False, description="read ambiguous dates like 03/04/2025 as 3 April")


class PrivacyPolicy(_Model):
    """Disclosure thresholds, enforced by the disclose stage (:class:`evalkit.disclose.DisclosurePolicy`).

    The one rule set for them: the disclose stage's policy object and every reader of a release's
    ``n_min`` check against these bounds.
    """

    n_min: Annotated[int, Field(ge=N_MIN_FLOOR, description="smallest group any published figure may describe")] = 10
    comment_threshold: Annotated[int, Field(ge=3, description="smallest group whose comments may be quoted")] = 10
    n_min_override_reason: str | None = None
    top_code: Annotated[float, Field(gt=50, le=100, description="shares above this read '>95%'")] = 95.0
    bottom_code: Annotated[float, Field(ge=0, lt=50, description="shares below this read '<5%'")] = 5.0
    share_min_people: Annotated[int | None, Field(ge=N_MIN_FLOOR, description="a share standing for fewer "
                                                  "people than this, or leaving fewer on the other side, reads "
                                                  "as a bound; default: n_min")] = None
    min_interval_width: Annotated[float, Field(ge=1, description="narrowest interval an attacker may "
                                               "pin a hidden count to")] = 5.0
    ledger: str | None = Field(default=None, description="the release ledger (append-only JSON lines); by "
                               "default release_ledger.jsonl in the project's processed-data folder")
    quarantine_dir: str = Field(default="quarantine", description="where a report the audit withheld is kept for "
                                "a person to inspect (per project and unit); never inside reports/")

    @model_validator(mode="after")
    def _override(self) -> PrivacyPolicy:
        if self.n_min < N_MIN_PLAIN and not self.n_min_override_reason:
            raise ValueError("n_min below 5 needs 'n_min_override_reason' (recorded in the methods appendix)")
        return self


class AnonymizePolicy(_Model):
    """Pseudonymization, linkage, redaction and the microdata gate (the anonymize stage)."""

    key_file: str | None = Field(
        default=None, description="path to the pseudonymization key, outside the repository; "
        "the environment variable EVALKIT_KEY_FILE takes precedence")
    linkage_key: str | None = Field(
        default=None, description="a label shared by projects whose pseudonyms must link; by default each "
        "project gets its own, unlinkable pseudonyms")
    pseudonym_length: Annotated[int, Field(ge=16, le=64)] = 20
    k: Annotated[int, Field(ge=2)] = 5
    on_k_violation: Literal["generalize", "refuse"] = Field(
        default="generalize", description="generalize (bands, then local suppression) or stop the run")
    fuzzy_threshold: Annotated[float, Field(ge=50, le=100)] = 90.0
    sgic_max_mismatch: Annotated[int, Field(ge=0, le=2)] = 1
    sgic_min_elements_for_mismatch: Annotated[int, Field(ge=2)] = 6
    review_dir: str = Field(default="review", description="where comments awaiting human review go; "
                            "never data_processed/ or reports/")
    token_model: bool = Field(
        default=True, description="read the words the redaction rules leave again with the bundled words' model "
        "(evalkit/token_model.py): more names off the roster found, at about a third of the redactor's speed; "
        "false for the rules alone. The clean stage's free-text check and the audit read with the same detector")
    review_model: bool = Field(
        default=True, description="read each comment the rules do not send to review again with the bundled "
        "comments' model (evalkit/review_model.py): one that describes someone well enough to identify them goes "
        "to review too; false for the rules' phrases alone")
    public_names: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=2)]] = Field(
        default_factory=list, description="names that are public in this program: a local hero, a stadium, a team, "
        "a park the comments cite (\"Franco Harris\", \"Acrisure Stadium\"), each matched whole on one line, case "
        "and accents aside; a person or place found inside one is left as written (a span reaching outside it, "
        "\"Coach Franco Harris\", stays redacted; `evalkit names` lists candidates). A name "
        "that is or holds a name or place of the project's own sources cannot be listed (they are always redacted)")


class AttendancePolicy(_Model):
    """How attendance files are read: who is staff, how much of a session counts, what roster marks mean."""

    organizer_domains: list[str] = Field(
        default_factory=list, description="e-mail domains of the organizer's own staff: their rows in sign-in "
        "sheets and Zoom reports are facilitators, counted apart from participants")
    min_share: Share = Field(
        default=0.5, description="share of a session a person must be connected (Zoom) for it to count as "
        "attended")
    partial_counts: bool = Field(
        default=True, description="a 'partial' or 'late' mark (or status) counts as attended")
    marks: dict[str, Literal["present", "partial", "excused", "absent"]] = Field(
        default_factory=dict, description="a wide roster's own marks -> status, added to the usual ones (x, P, "
        "late, E, A, ...)")


class Project(_Model):
    """A whole evaluation project, as read from ``evalkit.yml`` plus its codebook."""

    schema_version: Literal[1] = 1
    project: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", description="short id used in folder names")
    title: str
    organization: str | None = None
    funder: str | None = None
    evaluator: str | None = None
    data_as_of: dt.date | None = None
    raw_dir: str = "data_raw"
    processed_dir: str = "data_processed"
    reports_dir: str = "reports"
    page_size: Literal["A4", "Letter"] = Field(
        default="A4", description="the PDF reports' paper: A4, or Letter for North American funders")
    codebook_file: str = Field(default="codebook.yml", alias="codebook")
    programs: list[Program] = Field(min_length=1)
    sources: list[Source] = Field(default_factory=list)
    cleaning: CleaningRules = Field(default_factory=CleaningRules)
    privacy: PrivacyPolicy = Field(default_factory=PrivacyPolicy)
    anonymize: AnonymizePolicy = Field(default_factory=AnonymizePolicy)
    attendance: AttendancePolicy = Field(default_factory=AttendancePolicy)

    @model_validator(mode="after")
    def _check_refs(self) -> Project:
        ids = [s.id for s in self.sources]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"source ids must be unique; repeated: {dupes}")
        pids = {p.id for p in self.programs}
        for s in self.sources:
            if s.program is not None and s.program not in pids:
                raise ValueError(f"source {s.id!r}: program {s.program!r} is not defined (defined: {sorted(pids)})")
        kinds = {s.id: s.kind for s in self.sources}
        outcome_ids = sorted(i for i, k in kinds.items() if k == SourceKind.outcomes)
        for i, p in enumerate(self.programs):
            if p.pdp is not None and p.pdp.evaluation is not None and kinds.get(p.pdp.evaluation) != SourceKind.survey:
                raise ValueError(f"programs[{i}].pdp.evaluation: {p.pdp.evaluation!r} is not a source of kind "
                                 "'survey' (the evaluation a participant must complete)")
            for what, spec, kind in (("cycle", p.cycle, SourceKind.tracker),
                                     ("assessments", p.assessments, SourceKind.tracker),
                                     ("impact", p.impact, SourceKind.outcomes), ("equity", p.equity, SourceKind.outcomes),
                                     ("mtss", p.mtss, SourceKind.outcomes)):
                if spec is not None and kinds.get(spec.source) != kind:
                    those = sorted(i for i, k in kinds.items() if k == kind)
                    raise ValueError(f"programs[{i}].{what}.source: {spec.source!r} is not a source of kind "
                                     f"{kind.value!r} (those defined: {those})")
            for j, sid in enumerate(p.outcome_sources):
                # the message starts with the key path, so the loader reports programs[i].outcome_sources[j]
                where = f"programs[{i}].outcome_sources[{j}]"
                if sid not in kinds:
                    raise ValueError(f"{where}: source {sid!r} is not defined in sources "
                                     f"(sources of kind 'outcomes': {outcome_ids})")
                if kinds[sid] != SourceKind.outcomes:
                    raise ValueError(f"{where}: source {sid!r} is of kind {kinds[sid].value!r}; an outcome source "
                                     f"must be of kind 'outcomes' (those defined: {outcome_ids})")
        return self

    def category_labels(self) -> frozenset[str]:
        """The subgroup names reports print, as the programs declare them: category labels, which the audit does
        not read as people's names (a group "White" beside a participant of that surname)."""
        out: set[str] = set()
        for p in self.programs:
            codes = set(p.impact.subgroup_labels) if p.impact else set()
            codes |= {g for gs in (p.equity.groups.values() if p.equity else []) for g in gs}
            out |= {p.subgroup_label(c) for c in codes}
        return frozenset(out)

    def program(self, program_id: str) -> Program:
        for p in self.programs:
            if p.id == program_id:
                return p
        raise KeyError(program_id)

    def program_columns(self, source_id: str, *, required: bool = False) -> list[str]:
        """The columns of a source that a program's spec names (``cycle``, ``assessments``, ``careers``), as the
        project file spells them: the file's own headers are resolved for them as for the source's own names.

        ``required``: only those the file must have (named in the project file, or a default the report cannot
        do without, such as the cycle's step column); an optional default such as ``value_column`` is left out.
        """
        need = {"unit_column", "step_column", "date_column", "school_column", "phase_column", "measure_column",
                "rank_column", "participant_column"}
        out: list[str] = []
        for p in self.programs:
            for spec in (p.cycle, p.assessments, p.careers, p.impact, p.equity):
                if spec is None or spec.source != source_id:
                    continue
                out += [v for k, v in spec.model_dump().items() if k.endswith("_column") and isinstance(v, str)
                        and v and (not required or k in need or k in spec.model_fields_set)]
                out += list(getattr(spec, "match_on", []))
        return list(dict.fromkeys(out))

    def source(self, source_id: str) -> Source:
        for s in self.sources:
            if s.id == source_id:
                return s
        raise KeyError(source_id)
