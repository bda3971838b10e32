"""Reports are declared: each program kind lists its sections in one registry.

A section names the evidence it needs (what the data must hold for it to say anything) and the Guskey
level it serves. :func:`plan` includes a section only when its evidence exists and its level is one the
program reports on (``programs[].guskey_levels``); every other section is left out with the reason in the
report's own words ("not collected", "no pre wave", "fewer than 10 responses"), which the data-source
matrix shows. Privacy is named as the reason only when it is the reason.

Adding a program kind means adding its sections here and their builders, not a new pipeline.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from evalkit.config import ProgramKind
from evalkit.errors import EvalkitError

__all__ = ["SectionSpec", "Decision", "REGISTRY", "plan", "sections_of", "LEVEL_TITLES"]

#: How the report titles a section of each Guskey level (Guskey 2000).
LEVEL_TITLES: Mapping[int, str] = MappingProxyType({
    1: "Level 1: participants' reactions",
    2: "Level 2: participants' learning",
    3: "Level 3: organizational support and change",
    4: "Level 4: participants' use of new knowledge and skills",
    5: "Level 5: student outcomes",
})


@dataclass(frozen=True)
class SectionSpec:
    """One section of a report kind.

    ``needs`` names the evidence the section needs (keys of the evidence mapping a builder computes);
    all must be present. ``level`` is the Guskey level it serves, or None for framing sections (summary,
    limitations, appendices), which are always included. ``part`` says which document shows it: the
    report a funder reads, or the technical supplement beside it (versions, statistics, the disclosure log,
    data quality: what a methods reviewer checks, not what a program officer reads).
    """

    id: str
    title: str
    level: int | None = None
    needs: tuple[str, ...] = ()
    part: str = "report"


@dataclass(frozen=True)
class Decision:
    """Whether a section is in the report, and if not, why (in the report's words)."""

    spec: SectionSpec
    included: bool
    reason: str | None = None


def _level(n: int, *needs: str) -> SectionSpec:
    return SectionSpec(f"level{n}", LEVEL_TITLES[n], n, needs or (f"level{n}",))


#: The technical supplement's sections, the same for every kind (its provenance tables follow them).
_SUPPLEMENT = (
    SectionSpec("appendix_methods", "Statistics and software", part="supplement"),
    SectionSpec("appendix_disclosure", "Disclosure log", part="supplement"),
    SectionSpec("data_quality", "Data quality", part="supplement"),
)

_SURVEY = (
    SectionSpec("summary", "Executive summary"),
    SectionSpec("program", "The program and this evaluation"),
    SectionSpec("responses", "Who answered", needs=("responses",)),
    _level(1), _level(2), _level(3), _level(4), _level(5),
    SectionSpec("limitations", "What these results can and cannot show"),
    SectionSpec("glossary", "Appendix: glossary"),
    SectionSpec("appendix_instruments", "Instruments", needs=("responses",), part="supplement"),
    *_SUPPLEMENT,
)

#: Sections per program kind. The cadre report (evalkit.report.build) builds the cadre's; the empty
#: kinds are the slots the pipeline, network, principal-network and state-resources reports fill.
REGISTRY: Mapping[ProgramKind, tuple[SectionSpec, ...]] = MappingProxyType({
    ProgramKind.survey: _SURVEY,
    ProgramKind.cadre: (
        SectionSpec("summary", "Executive summary"),
        SectionSpec("limitations", "What this evaluation can and cannot tell you"),
        SectionSpec("program", "The program"),
        SectionSpec("questions", "Evaluation questions and data sources"),
        SectionSpec("participation", "Participation and implementation", needs=("roster",)),
        SectionSpec("reactions", LEVEL_TITLES[1], 1, ("event_evaluations",)),
        SectionSpec("learning", LEVEL_TITLES[2], 2, ("participant_survey",)),
        SectionSpec("org_support", LEVEL_TITLES[3], 3, ("staff_survey",)),
        SectionSpec("use", LEVEL_TITLES[4], 4, ("practice_items",)),
        SectionSpec("outcomes", LEVEL_TITLES[5], 5, ("outcome_sources",)),
        SectionSpec("conclusions", "Conclusions and recommendations"),
        SectionSpec("appendix_items", "Appendix: detailed tables", needs=("item_tables",)),
        SectionSpec("glossary", "Appendix: glossary"),
        SectionSpec("appendix_instruments", "Instruments", part="supplement"),
        *_SUPPLEMENT,
    ),
    ProgramKind.pipeline: (
        SectionSpec("summary", "Executive summary"),
        SectionSpec("limitations", "What this evaluation can and cannot tell you"),
        SectionSpec("coaching", "Coaching", needs=("coaching",)),
        SectionSpec("initiatives", "Improvement initiatives", needs=("initiatives",)),
        SectionSpec("careers", "Careers: retention and promotion", needs=("careers",)),
        SectionSpec("glossary", "Appendix: glossary"),
        *_SUPPLEMENT,
    ),
    ProgramKind.network: (
        SectionSpec("summary", "Executive summary"),
        SectionSpec("limitations", "What this evaluation can and cannot tell you"),
        SectionSpec("participation", "Participation and dosage", needs=("attendance",)),
        SectionSpec("funnel", "From registration to professional development points", needs=("attendance",)),
        SectionSpec("reactions", LEVEL_TITLES[1], 1, ("level1",)),
        SectionSpec("learning", LEVEL_TITLES[2], 2, ("level2",)),
        SectionSpec("use", LEVEL_TITLES[4], 4, ("level4",)),
        SectionSpec("pdps", "Professional development points", needs=("pdp",)),
        SectionSpec("appendix_items", "Appendix: detailed tables", needs=("detail",)),
        SectionSpec("glossary", "Appendix: glossary"),
        SectionSpec("appendix_instruments", "Instruments", part="supplement"),
        *_SUPPLEMENT,
    ),
    ProgramKind.principal_network: (
        SectionSpec("summary", "Executive summary"),
        SectionSpec("limitations", "What this evaluation can and cannot tell you"),
        SectionSpec("participation", "Participation by phase", needs=("attendance",)),
        SectionSpec("cycle", "The inquiry cycle", 4, ("cycle",)),
        SectionSpec("assessments", "School assessments", 3, ("assessments",)),
        SectionSpec("reactions", "Level 1: participants' reactions by phase", 1, ("level1",)),
        SectionSpec("appendix_items", "Appendix: detailed tables", needs=("detail",)),
        SectionSpec("glossary", "Appendix: glossary"),
        SectionSpec("appendix_instruments", "Instruments", part="supplement"),
        *_SUPPLEMENT,
    ),
    ProgramKind.state_resources: (
        SectionSpec("summary", "Executive summary"),
        SectionSpec("limitations", "What this evaluation can and cannot tell you"),
        # state files describe schools and districts, not a professional-development program's participants: no
        # Guskey level fits them, so these sections carry none
        SectionSpec("impact", "Turnaround impact: program schools against comparison schools", needs=("impact",)),
        SectionSpec("equity", "Equity: identification and gaps", needs=("equity",)),
        SectionSpec("mtss", "Multi-tiered systems of support: screening", needs=("mtss",)),
        SectionSpec("climate", "The state climate survey, in summary form", needs=("climate",)),
        SectionSpec("appendix_items", "Appendix: detailed tables", needs=("detail",)),
        SectionSpec("glossary", "Appendix: glossary"),
        SectionSpec("appendix_instruments", "Instruments", part="supplement"),
        *_SUPPLEMENT,
    ),
})


def sections_of(kind: ProgramKind) -> tuple[SectionSpec, ...]:
    """The declared sections of a program kind.

    Raises
    ------
    EvalkitError
        The kind has no report yet (its slot is empty).
    """
    specs = REGISTRY.get(kind, ())
    if not specs:
        ready = ", ".join(k.value for k, v in REGISTRY.items() if v)
        raise EvalkitError(f"programs of kind {kind.value!r} have no report yet",
                           hint=f"report kinds available now: {ready}; a program with surveys only can use "
                                "kind 'survey'")
    return specs


def plan(kind: ProgramKind, evidence: Mapping[str, str | None], *, levels: Sequence[int] = ()
         ) -> list[Decision]:
    """Decide which of a kind's sections a report includes.

    Parameters
    ----------
    kind : ProgramKind
        The program's kind (its sections come from :data:`REGISTRY`).
    evidence : mapping of str to str or None
        For each kind of evidence, None when the data hold it, else why not ("not collected", "no pre
        wave", "fewer than 10 responses"). Evidence not named is "not collected".
    levels : sequence of int
        The Guskey levels the program reports on; empty means every level with data.

    Returns
    -------
    list of Decision
        One per declared section, in order.

    Examples
    --------
    >>> from evalkit.config import ProgramKind
    >>> d = plan(ProgramKind.survey, {"responses": None, "level1": None, "level2": "no pre wave"}, levels=[1, 2])
    >>> [(x.spec.id, x.included) for x in d if x.spec.level]
    [('level1', True), ('level2', False), ('level3', False), ('level4', False), ('level5', False)]
    >>> print(d[4].reason, "/", d[5].reason)
    no pre wave / not among the program's levels
    """
    out = []
    for spec in sections_of(kind):
        if spec.level is not None and levels and spec.level not in levels:
            out.append(Decision(spec, False, "not among the program's levels"))
            continue
        missing = next((evidence.get(n, "not collected") for n in spec.needs
                        if evidence.get(n, "not collected") is not None), None)
        out.append(Decision(spec, missing is None, missing))
    return out
