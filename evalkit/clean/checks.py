"""Checks that need the whole project cleaned first: personal data in free text, and small groups.

* ``pii_in_free_text``: every free-text column (role ``free_text``) is scanned with a
  :class:`~evalkit.pii.PiiDetector` built from all rosters' names and places. The log counts
  cells holding personal data; the text itself stays in memory and is never written by this stage.
* ``small_group``: for sources that name ``small_group_columns`` (an anonymous staff survey's
  ``school_code``), groups with fewer than ``privacy.n_min`` responses are counted, so the report
  pools or suppresses them.
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from evalkit.namelists import EVERYDAY_RANK, all_given_names, word_rank
from evalkit.pii import _SURNAME_PARTICLES, _TITLES_LOWER, PiiDetector, RosterNames, fold
from evalkit.clean.quality import Action, Defect, QualityLog
from evalkit.clean.survey import CleanTable
from evalkit.config import ColumnRole, ColumnSpec, ProjectConfig, SourceKind
from evalkit.errors import ConfigError
from evalkit.ingest._table import SurveyData

__all__ = ["build_detector", "collect_roster_names", "column_specs", "free_text_columns", "check_free_text",
           "check_names_against_roster", "check_small_groups"]


def _name_kind(column: str, kind: str | None) -> str:
    if kind in ("first_name", "last_name"):
        return kind
    low = column.lower()
    return "first_name" if "first" in low else "last_name" if "last" in low else "name"


def build_detector(cfg: ProjectConfig, tables: dict[str, CleanTable]) -> PiiDetector:
    """A detector for every person and place named in the project's sources, with the words' and the comments'
    models unless the project file turns them off (``anonymize.token_model: false``, ``anonymize.review_model:
    false``) and with the names it calls public (``anonymize.public_names``, never a roster name: a
    :class:`~evalkit.errors.ConfigError` names each one's position); the clean stage's check, the anonymize stage's
    redactor and the audit all read with it."""
    policy = cfg.project.anonymize
    detector = PiiDetector.from_roster(collect_roster_names(cfg, tables), token_model=policy.token_model,
                                       review_model=policy.review_model)
    if not policy.public_names:
        return detector
    # (the position only, never the name: it is one of the project's people or places)
    if held := [f"anonymize.public_names[{i}]" for i, p in enumerate(policy.public_names) if detector.roster_named(p)]:
        raise ConfigError(cfg.project_file, [(where, "is or holds a name or place of the project's sources, which "
                                              "is always redacted") for where in held],
                          hint="remove it from anonymize.public_names: only names that are no participant's, "
                               "school's or district's can be public")
    return detector.with_public(policy.public_names)


def collect_roster_names(cfg: ProjectConfig, tables: dict[str, CleanTable]) -> RosterNames:
    """Every person and place named in the project's name and place columns (in memory only).

    A whole-name column holds display names as people type them ("Tony Howard - Coach", "Ava's iPad
    (Ava Clark)", "BROWN, Chloé"): each value is kept as written in ``full`` and parsed by
    ``_display_names`` into the names it holds, which add their surnames to ``last``, their whole
    names to ``full`` and their given names to ``first`` ("Tony" of "Tony Howard - Coach", "Chloé" of "BROWN,
    Chloé"; never an initial: "A. Brooks"). Role, title and device words ("Coach", "AP", "iPad") never become
    surnames.
    """
    first: list[str] = []
    last: list[str] = []
    full: list[str] = []
    places: list[str] = []
    for table in tables.values():
        src, df = table.source, table.data
        specs = column_specs(cfg, table)
        name_cols = [c for c in src.name_columns if c in df.columns]
        name_cols += [c for c, spec in specs.items() if spec.kind in ("name", "first_name", "last_name")
                      and c in df.columns and c not in name_cols]
        kinds = {c: _name_kind(c, specs[c].kind if c in specs else None) for c in name_cols}
        for c in name_cols:
            values = [v for v in pd.unique(df[c].dropna()) if isinstance(v, str) and _could_be_a_name(v)]
            if kinds[c] == "first_name":
                first += values
            elif kinds[c] == "last_name":
                last += values
            else:
                # A whole or display name: as written, and the names parsed from it.
                full += values
                for v in values:
                    for given, surname, inverted in _display_names(v):
                        last.append(surname)
                        if given and all(len(w) > 1 for w in given.split()):  # not "A. Brooks" as "A Brooks"
                            full.append(f"{given} {surname}")
                        # (and the given name alone, as comments name colleagues: "Tavish set up the room"; an
                        # everyday word, "Will" of "Will Osei", still needs the evidence the detector asks)
                        first += _given_alone(given)
        # Whole names row by row, so each first name meets its own surname.
        f_cols = [c for c in name_cols if kinds[c] == "first_name"]
        l_cols = [c for c in name_cols if kinds[c] == "last_name"]
        if f_cols and l_cols:
            pairs = df[[f_cols[0], l_cols[0]]].dropna().drop_duplicates()
            full += [f"{f} {la}" for f, la in pairs.itertuples(index=False) if isinstance(f, str) and isinstance(la, str)]
        for c in src.place_columns:
            if c in df.columns:
                places += [v for v in pd.unique(df[c].dropna()) if isinstance(v, str)]
    return RosterNames(first=tuple(first), last=tuple(last), full=tuple(full), places=tuple(places))


#: Longest display name taken from a name column, in words ("Aaliyah De la Cruz - Coach (Aaliyah ...)" ~ 10).
_MAX_NAME_WORDS = 12
_SENTENCE = re.compile(r"[!?]|\.\s+[A-Z][a-z]+\s+[a-z]")
#: Lower-case words that belong in names ("Ludwig van Beethoven", "María de la Cruz").
_PARTICLES = frozenset("van von der den de del della di da la le du dos das bin ibn al el y e".split())


def _could_be_a_name(value: str) -> bool:
    """Whether a value of a name column could be a name: a sentence typed into a "Name" box is not, and
    its every word would otherwise become a "name" the redactor and the audit look for.

    Examples
    --------
    >>> _could_be_a_name("BROWN, Chloé Anne"), _could_be_a_name("Ava's iPad (Ava Clark) - Coach")
    (True, True)
    >>> _could_be_a_name("María de la Cruz"), _could_be_a_name("Dr. Mary Ann Smith")
    (True, True)
    >>> _could_be_a_name("Ann Lee - she/her - 5th grade math teacher"), _could_be_a_name("Lee, Ann; Lincoln ES")
    (True, True)
    >>> _could_be_a_name("Primis in etiam bibendum natoque rhoncus. Natoque felis rutrum id venenatis.")
    False
    """
    words = value.split()
    lower = [w for w in words if w[:1].islower() and w.casefold().strip(".,") not in _PARTICLES]
    # a run of lower-case words ending a sentence ("... dignissim, aenean.") is prose, not a display name
    prose = len(lower) >= 3 and (value.rstrip().endswith(".") or bool(_SENTENCE.search(value)))
    return len(words) <= _MAX_NAME_WORDS and not prose and len(lower) < 6


# Words that display names carry besides names: roles, titles, devices, Zoom's defaults, suffixes.
_NOT_NAME_WORDS = frozenset("""coach coaches principal principals superintendent teacher teachers leader leaders
lead director specialist counselor facilitator presenter admin administrator host co-host cohost guest ap aps tl
tls asst assistant vice interim instructional district team staff mr mrs ms mx dr miss prof
ipad iphone android galaxy pixel chromebook laptop desktop pc phone mobile tablet zoom user
jr sr ii iii iv phd edd med nbct""".split())
_DISPLAY_CUT = re.compile(r"\s+[-–—]+\s+|\s*[|/•·]\s*|\s*:\s+")  # "Tony Howard - Coach", "Ava | Lincoln"
_PAREN = re.compile(r"\(([^()]*)\)?|\[([^\[\]]*)\]?")
_POSSESSIVE = re.compile(r"^(.*?\w)['’]s\b", re.I)  # "Ava's iPad" belongs to Ava
_EDGE = ".,;:!?\"'’“”()[]{}<>*_#~"


def _given_alone(given: str) -> list[str]:
    """A display name's given name as said alone: without a title or role before it ("Pastor", "Sra."), initials
    ("R." of "Tavish R. McAllister") and the particles that begin the surname ("Aaliyah" of "Aaliyah De la Cruz",
    whose surname the parse takes as "Cruz"), and its first word too when it has several, as one column cannot say
    where a surname of two words starts ("Randall" of "Randall Two Bulls", "Mary" of "Mary Beth Smith"). Only words
    that can be a given name: a name list's, or no everyday English word ("Science" of "Science Dept", "The" of "The
    Garcia Family" are not).

    Examples
    --------
    >>> _given_alone("Aaliyah De la"), _given_alone("Randall Two"), _given_alone("Tavish R."), _given_alone("Pastor Dan")
    (['Aaliyah'], ['Randall'], ['Tavish'], ['Dan'])
    >>> _given_alone("Science"), _given_alone("The Garcia"), _given_alone("Pastor"), _given_alone("Don")
    ([], [], [], ['Don'])
    """
    words = [w for w in given.split() if len(w.rstrip(".")) > 1]
    while len(words) > 1 and fold(words[0]).lower().rstrip(".") in _TITLES_LOWER:   # ("Don" alone is a name)
        words.pop(0)
    while len(words) > 1 and fold(words[-1]).lower().rstrip(".") in _SURNAME_PARTICLES:
        words.pop()
    if not words or not _could_be_given(words[0]):
        return []
    whole = " ".join(words)
    return [whole, words[0]] if len(words) > 1 and all(map(_could_be_given, words)) else [words[0]]


def _could_be_given(word: str) -> bool:
    """Whether ``word`` can be someone's given name: a name list holds it, or it is no everyday English word and no
    title ("Pastor" of "Pastor Cole")."""
    low = fold(word).lower().rstrip(".")
    return low in all_given_names() or (word_rank().get(low, EVERYDAY_RANK) >= EVERYDAY_RANK
                                        and low not in _TITLES_LOWER)


def _display_names(value: str) -> list[tuple[str, str, bool]]:
    """The people a display name names, as ``(given names, surname, written "LAST, First")``; ``given``
    may be empty.

    The part before the first parenthesis and each parenthesized part ("(Original Name)" in Zoom) are
    read apart. Each is cut at " - ", "|", "/" and ": ", and the first piece that holds a name is
    read: a possessive ends it ("Ava's iPad" → Ava), edge punctuation is stripped, and role, title
    and device words are dropped ("Coach", "AP", "Dr.", "iPad", "Zoom user"), as are words with a
    digit or "@". "LAST, First" is turned around. A surname is the last word left of two or more, or
    the one word left after a role or title ("Ms. Osei", "Coach Howard"); it has two letters or more.

    Examples
    --------
    >>> _display_names("Tony Howard - Coach")
    [('Tony', 'Howard', False)]
    >>> _display_names("Becky Müller - Principal (Rebecca Müller)")
    [('Becky', 'Müller', False), ('Rebecca', 'Müller', False)]
    >>> [_display_names(v) for v in ("Ama's iPad (Ama Mensah)", "BROWN, Chloé", "Alexander H.")]
    [[('Ama', 'Mensah', False)], [('Chloé', 'BROWN', True)], []]
    """
    out: list[tuple[str, str, bool]] = []
    parts = [_PAREN.sub(" ", value), *(a or b for a, b in _PAREN.findall(value))]
    for part in parts:
        for piece in _DISPLAY_CUT.split(part):
            name = _one_name(piece)
            if name is not None:
                if name[1] and name not in out:
                    out.append(name)
                break
    return out


def _one_name(piece: str) -> tuple[str, str, bool] | None:
    """``(given, surname, inverted)`` of one piece of a display name; surname ``""`` if it has none; None if
    it holds no name."""
    m = _POSSESSIVE.match(piece.strip())
    owned = m is not None
    if owned:
        piece = m.group(1)
    if "," in piece:
        surname, given = (_name_words(p)[0] for p in piece.split(",", 1))
        if surname and given:
            return " ".join(given), " ".join(surname), True
        piece = piece.replace(",", " ")
    words, dropped = _name_words(piece)
    if not words:
        return None
    if len(words) == 1 and (owned or not dropped):
        return words[0], "", False  # "Ava's iPad", "acampbell": a first name or a user name, no surname
    given, surname = " ".join(words[:-1]), words[-1]
    return given, surname if len(surname.strip("-'’")) >= 2 else "", False


def _name_words(text: str) -> tuple[list[str], bool]:
    """The words of ``text`` that can be names, and whether a role, title or device word was dropped."""
    words, dropped = [], False
    for w in text.split():
        w = w.strip(_EDGE)
        if not w or any(c.isdigit() for c in w) or "@" in w:
            continue
        if w.casefold() in _NOT_NAME_WORDS:
            dropped = True
            continue
        words.append(w)
    return words, dropped


def column_specs(cfg: ProjectConfig, table: CleanTable) -> dict[str, ColumnSpec]:
    """A table's column roles: the source's own, then the codebook instrument's (which win)."""
    specs = dict(table.source.columns)
    if table.source.instrument:
        specs.update(cfg.codebook.instruments[table.source.instrument].columns)
    return specs


#: Columns of an event list that people write by hand and that may name someone ("Keynote with Dr. Ruiz"):
#: free text unless the project file gives them another role.
EVENT_TEXT_COLUMNS = ("topic", "title", "session_title", "description", "notes")


def free_text_columns(cfg: ProjectConfig, table: CleanTable) -> list[str]:
    """A table's free-text columns: those the codebook or project file marks ``free_text``, and an event list's
    hand-written ones (:data:`EVENT_TEXT_COLUMNS`) unless marked otherwise. Each is scanned and redacted."""
    specs = column_specs(cfg, table)
    out = [c for c, spec in specs.items() if spec.role == ColumnRole.free_text and c in table.data.columns]
    if table.source.kind == SourceKind.events:
        out += [c for c in EVENT_TEXT_COLUMNS if c in table.data.columns and c not in specs and c not in out]
    return out


def check_free_text(cfg: ProjectConfig, tables: dict[str, CleanTable], raws: dict[str, SurveyData],
                    log: QualityLog) -> None:
    """Count free-text cells that hold personal data, per source, over every row of the export.

    Rows that cleaning dropped are scanned too: the personal data is in the raw file either way.
    """
    detector = build_detector(cfg, tables)
    for sid, table in tables.items():
        cols = [c for c in free_text_columns(cfg, table) if c in raws[sid].data.columns]
        if not cols:
            continue
        rows: set[int] = set()
        cells = 0
        kinds: Counter[str] = Counter()
        # A note file is one document; in a table each cell is its own (a coaching log's rows are
        # separate notes), so a name confirmed in one row says nothing about another.
        whole = (detector.confirmed_names(v for c in cols for v in raws[sid].data[c])
                 if table.source.kind == SourceKind.notes else None)
        for c in cols:
            for idx, text in raws[sid].data[c].items():
                confirmed = whole if whole is not None else detector.confirmed_names([text])
                found = detector.kinds(text, confirmed=confirmed)
                if found:
                    rows.add(int(idx))
                    cells += 1
                    kinds.update(found)
        detail = ", ".join(f"{k}: {n}" for k, n in sorted(kinds.items())) or "none found"
        log.add(sid, table.source.file, "pii_in_free_text", Defect.pii_in_free_text, Action.reported, rows=rows,
                count=cells, columns=cols,
                detail=f"cells with personal data ({detail}); the anonymize stage redacts them before data_processed/")


def check_names_against_roster(cfg: ProjectConfig, tables: dict[str, CleanTable], raws: dict[str, SurveyData],
                               log: QualityLog) -> None:
    """Count rows whose typed name differs from the name registered for the same e-mail.

    Applies to sources with ``roster_link``, an e-mail column and one name column (a sign-in sheet's
    ``name_as_typed``, a Zoom display name). The names as typed are compared with the registered
    "First Last" as written; the detail says how many differ in substance (nicknames, initials,
    typos) rather than only in case, spacing, accents or a Zoom "(original name)" suffix, which is
    why linkage uses e-mails. Rows whose e-mail is not on the roster (facilitators, guests) are not
    counted.
    """
    for sid, table in tables.items():
        src = table.source
        if src.survey_like() or not src.roster_link or src.roster_link not in tables:
            continue
        if not src.email_columns or len(src.name_columns) != 1:
            continue
        roster = tables[src.roster_link]
        r_src = roster.source
        firsts = [c for c in r_src.name_columns if "first" in c.lower()]
        lasts = [c for c in r_src.name_columns if "last" in c.lower()]
        if not (r_src.email_columns and firsts and lasts):
            continue
        rraw = raws[src.roster_link].data.loc[roster.data.index]
        keyed = roster.data[r_src.email_columns[0]]
        full = (rraw[firsts[0]].fillna("").astype(str).str.strip() + " " + rraw[lasts[0]].fillna("").astype(str).str.strip())
        registered = pd.Series(full.to_numpy(), index=keyed.to_numpy())
        registered = registered[registered.index.notna() & ~registered.index.duplicated()]
        df = table.data
        email, name = src.email_columns[0], src.name_columns[0]
        expected = df[email].map(registered)
        typed = raws[sid].data.loc[df.index, name]
        known = expected.notna() & typed.notna()
        differs = known & (typed.astype(object) != expected.astype(object))
        canon_typed = typed.map(lambda v: _canon(_ZOOM_ORIGINAL.sub("", v)) if isinstance(v, str) else None)
        substantive = differs & (canon_typed != expected.map(lambda v: _canon(v) if isinstance(v, str) else None))
        no_email = int((df[email].isna() & typed.notna()).sum())
        log.add(sid, src.file, "names_vs_roster", Defect.name_noise, Action.reported, rows=df.index[differs],
                columns=[name], detail=f"typed name differs from the registered name for the same e-mail "
                f"({no_email} row(s) without an e-mail could not be compared); "
                f"{int(substantive.sum())} in substance (nicknames, initials, 'LAST, First', typos), the rest in case, "
                "spacing, accents or a Zoom suffix: link on e-mail, not on names")


_ZOOM_ORIGINAL = re.compile(r"\s*\([^)]*\)\s*$")


def _canon(name: str) -> str:
    return " ".join(fold(name).casefold().replace(",", " ").split())


def check_small_groups(cfg: ProjectConfig, tables: dict[str, CleanTable], log: QualityLog) -> None:
    """Count groups under ``privacy.n_min`` for sources that name ``small_group_columns``."""
    n_min = cfg.project.privacy.n_min
    for sid, table in tables.items():
        for col in table.source.small_group_columns:
            if col not in table.data.columns:
                continue
            sizes = table.data[col].value_counts()
            small = sizes[sizes < n_min]
            rows = table.data.index[table.data[col].isin(small.index)]
            log.add(sid, table.source.file, "small_group", Defect.small_group, Action.reported, rows=rows,
                    count=len(small), columns=[col],
                    detail=f"{len(small)} group(s) under n_min = {n_min}: their results are pooled or suppressed")
