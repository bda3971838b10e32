"""Scan finished report bundles for anything that must not be published (the engine of ``evalkit audit``).

The scan is independent of how the bundle was made: it reads every text layer of every file the way a
reader (or an attacker) could, and looks for

* **people**: roster names and their variants (nicknames, "Ms. Surname", accent-folded), e-mail
  addresses and phone numbers, through :class:`~evalkit.pii.PiiDetector` (``name``, ``email``,
  ``phone``);
* **identifiers**: pseudonyms of the processed data (``pseudonym``) and raw ids from the sources
  (``raw_id``), as whole tokens, and any 8-character piece of the pseudonymization key
  (``key_material``);
* **small groups**: an n below ``n_min`` written out ("n = 3", "(n 3)", "3 respondents") or in a table
  column that counts people (``small_n``), and a share of 0 % or 100 % (``extreme_share``);
* **suppressed cells**: every cell that ``artifacts/disclosure_log.json`` lists as hidden must read
  "fewer than <n>" or "not shown" in ``artifacts/tables/<table>.csv`` and in the HTML table of the same
  title (``suppressed_value``);
* files of a known kind that cannot be read (``unreadable``): a bundle that cannot be read cannot be
  cleared.

Text layers (read by :mod:`evalkit.disclose._layers`): PDF page text, document information, XMP,
outline, annotations and attachments (pypdf); HTML and SVG visible text, comments (a chart's labels) and
the attributes a reader sees (``alt``, ``title``, ``aria-*``, ``data-*``, meta ``content``, ``mailto:``
links) plus embedded images; notebooks (every cell source, every output, tracebacks, metadata); CSV/TSV;
JSON (keys and values); text and log files; image text chunks (PNG ``tEXt``/``iTXt`` such as a chart's
``Title`` and ``Description``, via Pillow); parquet tables. Other binary files are listed as skipped.

Everything the scan needs about the project comes in an :class:`AuditContext`; this module never loads
a project (see :mod:`evalkit.audit`). A finding's ``detail`` (and its ``file`` and ``location``) never
holds the personal value or key material it found: values are masked (``name 'M**** G*****'``).
School names are not checked (the detector's ``SCHOOL`` spans are ignored): schools are named in
reports on purpose, and whether a school is below ``n_min`` is the disclose stage's decision.
"""

from __future__ import annotations

import base64
import enum
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from evalkit._limits import N_MIN_FLOOR
from evalkit.pii import PiiDetector, fold
from evalkit.disclose._layers import COUNT_WORDS, Doc, Grid, read_layers

__all__ = ["AuditContext", "AuditReport", "Finding", "FindingKind", "bundle_projects", "find_bundles",
           "key_pieces", "scan_path"]

#: Rules of the disclosure log whose cells are hidden (the others are published, coarsened).
HIDDEN_RULES = frozenset({"primary", "complementary", "homogeneity", "row_gate", "difference"})
_PIECE = 8  # length of a key piece, in characters


class FindingKind(str, enum.Enum):
    """What a finding is; callers and tests match on these codes, not on message wording."""

    name = "name"
    email = "email"
    phone = "phone"
    pseudonym = "pseudonym"
    raw_id = "raw_id"
    key_material = "key_material"
    small_n = "small_n"
    extreme_share = "extreme_share"
    suppressed_value = "suppressed_value"
    unreadable = "unreadable"


@dataclass(frozen=True)
class Finding:
    """One thing in a bundle that must not be published.

    ``file`` is relative to the audited path; ``location`` says where in the file ("page 3",
    "metadata /Title", "cell 12 output 1 (text/html)", "row 4 column 'n'"). Neither they nor ``detail``
    hold the value found.
    """

    file: str
    location: str
    kind: FindingKind
    detail: str

    def to_dict(self) -> dict[str, str]:
        return {"file": self.file, "location": self.location, "kind": self.kind.value, "detail": self.detail}


@dataclass(frozen=True)
class AuditContext:
    """What the scan looks for, built from a project by :func:`evalkit.audit.audit_context`.

    Parameters
    ----------
    detector : PiiDetector, optional
        The roster's names (and places). Without one, only e-mails, phones and titled names are found.
    pseudonyms, raw_ids : iterable of str
        Values matched as whole tokens, case-insensitively.
    key_pieces : iterable of str
        Every 8-character piece of the key's encodings (:func:`key_pieces`). Hex pieces match in any case.
    n_min : int, default 10
        The smallest group that may be published.
    project : str, optional
        The project id, to check against the bundles' ``facts.json``.
    allowed_phrases : iterable of str
        Exact phrases evalkit itself prints that hold an author's name (a citation such as
        "Howard (1980)", a method such as "Wilson interval"). A name inside an exact occurrence is not a
        finding; the same surname anywhere else still is.

    The sets are kept out of ``repr``.
    """

    detector: PiiDetector | None = field(default=None, repr=False)
    pseudonyms: frozenset[str] = field(default=frozenset(), repr=False)
    raw_ids: frozenset[str] = field(default=frozenset(), repr=False)
    key_pieces: frozenset[str] = field(default=frozenset(), repr=False)
    n_min: int = 10
    project: str | None = None
    allowed_phrases: frozenset[str] = field(default=frozenset(), repr=False)

    def __post_init__(self) -> None:
        if isinstance(self.n_min, bool) or not isinstance(self.n_min, int) or self.n_min < N_MIN_FLOOR:
            raise ValueError(f"AuditContext: `n_min` must be an integer >= {N_MIN_FLOOR}; got {self.n_min!r}")
        if self.detector is not None and not isinstance(self.detector, PiiDetector):
            raise TypeError(f"AuditContext: `detector` must be a PiiDetector; got {type(self.detector).__name__}")
        for name in ("pseudonyms", "raw_ids"):
            object.__setattr__(self, name, frozenset(str(v).casefold() for v in getattr(self, name)))
        pieces = frozenset(self.key_pieces)
        if any(not isinstance(p, str) or len(p) != _PIECE for p in pieces):
            raise ValueError(f"AuditContext: `key_pieces` must be strings of {_PIECE} characters")
        object.__setattr__(self, "key_pieces", pieces)


@dataclass(frozen=True)
class AuditReport:
    """The result of an audit: findings (empty when the bundles may be published) and what was read."""

    path: Path
    bundles: tuple[str, ...]
    files: int
    findings: tuple[Finding, ...]
    skipped: tuple[str, ...] = ()
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """Whether nothing was found."""
        return not self.findings

    def to_frame(self):
        """The findings as a tidy DataFrame: ``file``, ``location``, ``kind``, ``detail``."""
        import pandas as pd

        return pd.DataFrame([f.to_dict() for f in self.findings], columns=["file", "location", "kind", "detail"])


def key_pieces(key: bytes) -> frozenset[str]:
    """Every 8-character piece of a key written in hex (lower case) or base64 (standard and URL-safe).

    The pieces are what a leaked key would look like in a report; they are as secret as the key.

    Examples
    --------
    >>> pieces = key_pieces(bytes(range(32)))   # a real key comes from evalkit.anonymize.load_key()
    >>> len(pieces), "00010203" in pieces, "AAECAwQF" in pieces
    (93, True, True)
    """
    if not isinstance(key, (bytes, bytearray)) or len(key) < _PIECE:
        raise ValueError("key_pieces: `key` must be bytes (at least 8)")
    out: set[str] = set()
    for enc in (key.hex(), base64.b64encode(key).decode(), base64.urlsafe_b64encode(key).decode()):
        enc = enc.rstrip("=")
        out |= {enc[i:i + _PIECE] for i in range(len(enc) - _PIECE + 1)}
    return frozenset(out)


# ---------------------------------------------------------------------------------------------
# Text rules
# ---------------------------------------------------------------------------------------------

_NUM = r"(\d{1,3}(?:,\d{3})+|\d+)"
_N_EQ = re.compile(rf"(?<![\w.])[nN]\s*(?:=|:|≈)\s*{_NUM}(?![\d]|[.,]\d|\s*%)")
_N_PAREN = re.compile(rf"\(\s*[nN]\s+{_NUM}\s*\)")
_PEOPLE = (r"(?:respondents?|responses?|participants?|attendees?|people|persons|staff members?|teachers"
           r"|evaluations?|students)\b")
_N_PHRASE = re.compile(rf"(?<![\w.,]){_NUM}[ \t\u00a0]+{_PEOPLE}", re.I)
# "3 of 12 participants": the 3 is a count of people too
_N_OF = re.compile(
    rf"(?<![\w.,]){_NUM}[ \t\u00a0]+(?:out[ \t\u00a0]+)?of[ \t\u00a0]+{_NUM}[ \t\u00a0]+{_PEOPLE}", re.I)
# A word before a number that makes it a bound or a label, not a count: "fewer than 10 respondents", "Grade 4
# students", "Cohort 2 participants", "Day 2 attendees", "Session 3 respondents".
_NOT_AN_N = re.compile(
    r"(?:\b(?:than|least|most|under|below|over|above|top|bottom|level|step|phase|wave|grade|item|question"
    r"|session|cohort|cadre|day|week|month|year|term|semester|quarter|module|unit|tier|room|part|round|cycle"
    r"|block|period|track|strand|stage|group|team|class|section|chapter|page|table|figure|event|workshop"
    r"|meeting|visit|lesson|course|site|region|district|zone|version|form|panel|row|column|line|slide"
    r"|no\.|nr\.|number)|[<>≤≥#])\s*$", re.I)
# A number glued to what comes before it is part of an identifier, date or time: "XYZ-09", "PD-2025-03",
# "K-8", "2025-09-04", "9:05". A short number before a dash is a range of counts instead: "2-3 participants".
_GLUED = re.compile(r"(?:[\w#][-–/.]|\d:)$")
_RANGE = re.compile(r"(?<![\w.,/:#-])\d{1,3}[-–]$")
_SHARE = re.compile(r"(?<![\w.,<>≤≥+\-−±])(100|0)(?:[.,]0+)?\s*(?:%|percent\b)", re.I)
_SUPPRESSED = re.compile(r"\s*(?:fewer than \d[\d,]*(?:\s+[a-z]+)?|not shown)\s*", re.I)
_COUNT = re.compile(r"\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.0+)?\s*(\(\s*[<>≤≥]?\s*\d+(?:[.,]\d+)?\s*%\s*\))?\s*")
_COMPOUND = re.compile(r"\w+(?:[-./:]\w+)*")
_PART = re.compile(r"[^\W_]+")
_KEYISH = re.compile(r"[A-Za-z0-9+/_=-]{8,}")
_HEX = re.compile(r"[0-9a-f]{8}")
_ROLE_TITLES = frozenset({"principal", "coach", "superintendent"})
_TITLES = frozenset({"mr", "mrs", "ms", "mx", "dr", "miss", *_ROLE_TITLES})
_NAME_SEPS = re.compile(r"[_./\\]")
_NAME_SEPS_DASH = re.compile(r"[-_./\\]")
_MIN_TOKEN = 4  # shorter ids and pseudonyms are not matched (they would match ordinary words and numbers)


#: Header words that make a column a share or a statistic of a count, not a count ("Share of participants").
_SHARE_WORDS = frozenset({"percent", "percentage", "pct", "share", "proportion", "rate", "mean", "average",
                          "avg", "median", "sd"})
#: Header words that make a column an identifier or a label of people, not a count ("Staff ID").
_LABEL_WORDS = frozenset({"id", "ids", "identifier", "code", "codes", "name", "names", "email", "version"})
#: Words that make the count word a condition on something else ("Schools with at least 10 responses").
_LINK_WORDS = frozenset({"with", "without", "of", "per", "at", "least", "than", "from", "by", "in", "for",
                         "who", "whose", "to", "among", "where"})
_POSSESSIVE = re.compile(r"\s*[^\W\d_]+['’]s?\s")  # "Teachers' grade level": an attribute of the people


def _header_words(header: str) -> list[str]:
    return re.findall(r"[a-z#]+", header.casefold())


def _is_count_header(header: str) -> bool:
    """Whether a column header names a count of people: "n", "Responses", "Number of respondents", "Pre n",
    "Total respondents", "# participants".

    Not a count: an identifier or label column ("Staff ID", "Teachers' grade level", "N°"), a share or a
    statistic of a count ("Share of participants"; "Respondents (%)" holds counts only as "4 (40%)", see
    :func:`_is_share_header`), a count of something else ("Schools with at least 10 responses")."""
    t = _header_words(header)
    if not t or re.search(r"[°º]", header) or _POSSESSIVE.match(header):
        return False
    if any(w in _LABEL_WORDS for w in t):
        return False
    if t[0] in ("number", "no", "#", "total") and len(t) > 2 and t[1] == "of":
        return t[2] in COUNT_WORDS
    if t[0] in COUNT_WORDS or (t[-1] == "n" and len(t) > 1):
        return True
    # a count word after qualifiers: "Total respondents", "# participants", "Post-survey respondents"
    return t[-1] in COUNT_WORDS and not any(w in _LINK_WORDS or w in _SHARE_WORDS for w in t)


def _is_share_header(header: str) -> bool:
    """Whether a count column's bare numbers are shares or statistics ("Respondents (%)", "Attendees, mean");
    a header that says n or count ("n (%)", "Count (%)") keeps its bare numbers as counts."""
    t = _header_words(header)
    share = "%" in header or any(w in _SHARE_WORDS for w in t)
    return share and not any(w in ("n", "count", "counts") for w in t)


def _small(value: str, n_min: int, *, bare: bool = True) -> int | None:
    """The count in a cell ("3", "3.0", "1,234", "3 (25%)") if it is from 1 to n_min - 1; a bare number
    counts only when ``bare``."""
    m = _COUNT.fullmatch(value)
    if m is None or (m.group(2) is None and not bare):
        return None
    n = int(m.group(1).replace(",", ""))
    return n if 1 <= n < n_min else None


def _not_a_count(text: str, start: int, number: str) -> bool:
    """Whether the number at ``start`` in running text is a bound, a label or part of an identifier rather
    than a count of people: "fewer than 5", "Cohort 2", "XYZ-09", "K-8", "2025-09-04", "9:05", "03"."""
    if len(number) > 1 and number.startswith("0"):
        return True  # zero-padded: a code, never a written count
    before = text[max(0, start - 40):start]
    if _GLUED.search(before) and not _RANGE.search(before):
        return True
    return _NOT_AN_N.search(before) is not None


def _mask_word(w: str) -> str:
    return w[:1] + "*" * (len(w) - 1)


def _mask(kind: FindingKind, text: str) -> str:
    if kind == FindingKind.name:
        return " ".join(w if w.rstrip(".").casefold() in _TITLES else _mask_word(w) for w in text.split())
    if kind == FindingKind.email:
        return text[:1] + "***@***"
    if kind == FindingKind.phone:
        return re.sub(r"\d", "*", text)
    if kind == FindingKind.key_material:
        return "[key]"
    return _mask_word(text)


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    kind: FindingKind
    detail: str


class _Rules:
    """The compiled rules of one :class:`AuditContext`, applied to one text at a time."""

    def __init__(self, ctx: AuditContext) -> None:
        self.ctx = ctx
        # (the audit reads names and contacts, never the review queue's SELF_ID: the comments' model is not run)
        self.detector = replace(ctx.detector, review_model=None) if ctx.detector is not None \
            else PiiDetector.from_names(review_model=False)
        self.terms = self.detector.terms
        self.hex_pieces = frozenset(p for p in ctx.key_pieces if _HEX.fullmatch(p))
        self.other_pieces = ctx.key_pieces - self.hex_pieces
        self.tokens = ctx.pseudonyms | ctx.raw_ids
        # a phrase may wrap across lines in PDF text: any run of whitespace matches a space
        self.allowed = [re.compile(r"\s+".join(map(re.escape, p.split()))) for p in ctx.allowed_phrases if p.split()]

    def hits(self, text: str, confirmed: frozenset[str] = frozenset()) -> list[_Hit]:
        if not text or not text.strip():
            return []
        out = self._people(text, confirmed)
        if self.tokens:
            out += self._tokens(text)
        if self.ctx.key_pieces:
            out += self._key(text)
        out += self._counts(text)
        return out

    def _people(self, text: str, confirmed: frozenset[str]) -> list[_Hit]:
        out = []
        allowed = [(m.start(), m.end()) for rx in self.allowed for m in rx.finditer(text)]
        for span in self.detector.find(text, confirmed=confirmed):
            found = text[span.start:span.end]
            if span.label == "PERSON" and any(a <= span.start and span.end <= b for a, b in allowed):
                continue         # an author in one of evalkit's own citations, printed verbatim
            if span.label == "PERSON":
                words = [w.strip(".,;:'’()").casefold() for w in fold(found).split()]
                roster = (fold(found).casefold() in self.terms
                          or any(w in self.terms for w in words if w not in _TITLES))
                if not roster and (words[0] in _ROLE_TITLES or "\n" in found):
                    continue  # "Principal Network", "Coach\nFewer": a role word before a capital, not a name
                masked = _mask(FindingKind.name, found)
                out.append(_Hit(span.start, span.end, FindingKind.name,
                                f"name {masked!r} ({'roster' if roster else 'title and name'})"))
            elif span.label == "EMAIL":
                out.append(_Hit(span.start, span.end, FindingKind.email,
                                f"e-mail address {_mask(FindingKind.email, found)!r}"))
            elif span.label == "PHONE":
                out.append(_Hit(span.start, span.end, FindingKind.phone,
                                f"phone number {_mask(FindingKind.phone, found)!r}"))
        return out

    def _tokens(self, text: str) -> list[_Hit]:
        out = []
        for m in _COMPOUND.finditer(text):
            tok = m.group(0)
            if len(tok) < _MIN_TOKEN:
                continue
            parts = [p.span() for p in _PART.finditer(tok)]
            cands = {(0, len(tok))}
            if len(parts) <= 8:
                cands |= {(parts[i][0], parts[j][1]) for i in range(len(parts)) for j in range(i, len(parts))}
            for s, e in sorted(cands):
                value = tok[s:e]
                if e - s < _MIN_TOKEN:
                    continue
                low = value.casefold()
                if low in self.ctx.pseudonyms:
                    out.append(_Hit(m.start() + s, m.start() + e, FindingKind.pseudonym,
                                    f"pseudonym {_mask(FindingKind.pseudonym, value)!r} of the processed data"))
                elif low in self.ctx.raw_ids:
                    out.append(_Hit(m.start() + s, m.start() + e, FindingKind.raw_id,
                                    f"raw id {_mask(FindingKind.raw_id, value)!r} from the sources"))
        return out

    def _key(self, text: str) -> list[_Hit]:
        out = []
        for m in _KEYISH.finditer(text):
            run = m.group(0)
            for i in range(len(run) - _PIECE + 1):
                w = run[i:i + _PIECE]
                enc = "hex" if w.casefold() in self.hex_pieces else "base64" if w in self.other_pieces else None
                if enc:
                    out.append(_Hit(m.start() + i, m.start() + i + _PIECE, FindingKind.key_material,
                                    f"an {_PIECE}-character piece of the pseudonymization key ({enc})"))
                    break
        return out

    def _counts(self, text: str) -> list[_Hit]:
        n_min = self.ctx.n_min
        out = []
        for rx in (_N_EQ, _N_PAREN, _N_PHRASE, _N_OF):
            for m in rx.finditer(text):
                if rx in (_N_PHRASE, _N_OF) and _not_a_count(text, m.start(), m.group(1)):
                    continue
                n = _small(m.group(1), n_min)
                if n is not None:
                    out.append(_Hit(m.start(), m.end(), FindingKind.small_n,
                                    f"{m.group(0).strip()!r}: n = {n} is below n_min = {n_min}"))
        for m in _SHARE.finditer(text):
            shown = "<5%" if float(m.group(1)) == 0 else ">95%"
            out.append(_Hit(m.start(), m.end(), FindingKind.extreme_share,
                            f"share {m.group(0).strip()!r} for a group: all or none of it (show {shown!r})"))
        return out

    def identifiers(self, text: str) -> list[_Hit]:
        """Hits of people, identifiers and key pieces in a label or file name, where ``_``, ``.``, ``/`` and
        ``-`` may stand for spaces ("maria_gutierrez.csv"); offsets index ``text``."""
        found: dict[tuple[int, int, FindingKind], _Hit] = {}
        for variant in (text, _NAME_SEPS.sub(" ", text), _NAME_SEPS_DASH.sub(" ", text)):
            for h in self.hits(variant):
                if h.kind not in (FindingKind.small_n, FindingKind.extreme_share):
                    found.setdefault((h.start, h.end, h.kind), h)
        return list(found.values())

    def mask(self, text: str) -> str:
        """``text`` with every personal value or key piece in it masked (for locations and file names)."""
        hits = sorted(self.identifiers(text), key=lambda h: (h.start, -h.end))
        out, pos = [], 0
        for h in hits:
            if h.start < pos:
                continue
            out += [text[pos:h.start], _mask(h.kind, text[h.start:h.end])]
            pos = h.end
        return "".join(out) + text[pos:]


# ---------------------------------------------------------------------------------------------
# Bundles
# ---------------------------------------------------------------------------------------------

def _is_bundle(folder: Path) -> bool:
    return (folder / "artifacts" / "facts.json").is_file() or any(
        (folder / f"report.{ext}").is_file() for ext in ("html", "pdf", "ipynb"))


def find_bundles(path: str | Path) -> list[Path]:
    """Every bundle folder at or under ``path``: a folder holding ``artifacts/facts.json`` or a ``report.*``."""
    path = Path(path)
    if not path.is_dir():
        return []
    return [d for d in [path, *sorted(p for p in path.rglob("*") if p.is_dir())] if _is_bundle(d)]


def bundle_projects(path: str | Path) -> dict[str, str | None]:
    """Bundle folder (relative to ``path``) → the project named in its ``facts.json`` (None if unknown)."""
    path = Path(path)
    out: dict[str, str | None] = {}
    for b in find_bundles(path):
        project = None
        try:
            facts = json.loads((b / "artifacts" / "facts.json").read_text(encoding="utf-8"))
            project = facts.get("project") if isinstance(facts, dict) else None
        except (OSError, ValueError):
            pass
        out[str(b.relative_to(path)) if b != path else "."] = project if isinstance(project, str) else None
    return out


@dataclass
class _BundleInfo:
    hidden: dict[str, dict[tuple[str, str], str]] = field(default_factory=dict)  # table → (row, col) → rule
    titles: dict[str, str] = field(default_factory=dict)  # casefolded title → table id


def _bundle_info(folder: Path, add: Callable[[str, str, FindingKind, str], None], rel: str) -> _BundleInfo:
    info = _BundleInfo()
    facts = folder / "artifacts" / "facts.json"
    if facts.is_file():
        try:
            tables = json.loads(facts.read_text(encoding="utf-8")).get("tables", {})
            info.titles = {" ".join(str(t.get("title", "")).split()).casefold(): tid
                           for tid, t in tables.items() if isinstance(t, dict) and t.get("title")}
        except (ValueError, AttributeError):
            pass  # the file itself is reported as unreadable when it is scanned
    log = folder / "artifacts" / "disclosure_log.json"
    if not log.is_file():
        return info
    where = f"{rel}/artifacts/disclosure_log.json" if rel != "." else "artifacts/disclosure_log.json"
    try:
        data = json.loads(log.read_text(encoding="utf-8"))
        if not str(data.get("schema", "")).startswith("evalkit.disclosure_log/"):
            raise ValueError("schema")
        for e in data["entries"]:
            if e["rule"] in HIDDEN_RULES:
                table = str(e["table"]).removesuffix(".csv")
                info.hidden.setdefault(table, {})[(str(e["row"]).strip(), str(e["column"]).strip())] = e["rule"]
    except (ValueError, KeyError, TypeError, AttributeError):
        add(where, "(whole file)", FindingKind.unreadable,
            "not a disclosure log of schema evalkit.disclosure_log/1: suppressed cells cannot be checked")
    return info


# ---------------------------------------------------------------------------------------------
# The scan
# ---------------------------------------------------------------------------------------------

def scan_path(path: str | Path, ctx: AuditContext) -> AuditReport:
    """Scan a bundle folder, a folder of bundles (recursively) or one file.

    Parameters
    ----------
    path : str or pathlib.Path
        What to scan; every file under a folder is read.
    ctx : AuditContext
        What to look for.

    Returns
    -------
    AuditReport
        ``findings`` is empty when nothing was found; ``skipped`` lists binary files the scan cannot read.

    Raises
    ------
    FileNotFoundError
        If ``path`` does not exist.
    """
    t0 = time.perf_counter()
    path = Path(path)
    if not isinstance(ctx, AuditContext):
        raise TypeError(f"scan_path: `ctx` must be an AuditContext; got {type(ctx).__name__}")
    if not path.exists():
        raise FileNotFoundError(f"scan_path: {path} does not exist")
    rules = _Rules(ctx)
    findings: dict[Finding, None] = {}

    def add(file: str, location: str, kind: FindingKind, detail: str) -> None:
        findings.setdefault(Finding(rules.mask(file), location, kind, detail), None)

    root = path if path.is_dir() else path.parent
    bundles = find_bundles(path)
    infos = {b: _bundle_info(b, add, str(b.relative_to(root)) if b != root else ".") for b in bundles}
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    skipped = []
    for f in files:
        rel = str(f.relative_to(root))
        for h in rules.identifiers(rel):
            add(rel, "file name", h.kind, h.detail)
        bundle = max((b for b in bundles if f.is_relative_to(b)), key=lambda b: len(b.parts), default=None)
        info = infos.get(bundle) if bundle is not None else None
        try:
            doc = read_layers(f)
        except Exception as exc:  # noqa: BLE001 - any parser failure: the file cannot be cleared
            add(rel, "(whole file)", FindingKind.unreadable, f"could not be read ({type(exc).__name__})")
            continue
        if doc is None:
            skipped.append(rules.mask(rel))
            continue
        for where in doc.problems:
            add(rel, rules.mask(where), FindingKind.unreadable, "embedded content could not be read")
        _scan_doc(doc, rel, f, bundle, info, rules, add)
    return AuditReport(path=path, bundles=tuple(str(b.relative_to(root)) if b != root else "." for b in bundles),
                       files=len(files), findings=tuple(findings), skipped=tuple(skipped),
                       seconds=time.perf_counter() - t0)


def _scan_doc(doc: Doc, rel: str, file: Path, bundle: Path | None, info: _BundleInfo | None, rules: _Rules,
              add: Callable[[str, str, FindingKind, str], None]) -> None:
    texts = [t for _, t, _ in doc.segments]
    confirmed = rules.detector.confirmed_names(texts)
    for where, text, locate in doc.segments:
        for h in rules.hits(text, confirmed):
            loc = locate(h.start) if locate is not None else where
            add(rel, rules.mask(loc) or "(text)", h.kind, h.detail)
    table_id = None
    if bundle is not None and file.parent == bundle / "artifacts" / "tables" and file.suffix.lower() == ".csv":
        table_id = file.stem
    for g in doc.grids:
        tid = table_id
        if tid is None and g.caption and info is not None:
            tid = info.titles.get(g.caption.casefold())
        _scan_grid(g, rel, tid, info, rules, add)


def _scan_grid(g: Grid, rel: str, table_id: str | None, info: _BundleInfo | None, rules: _Rules,
               add: Callable[[str, str, FindingKind, str], None]) -> None:
    n_min = rules.ctx.n_min
    prefix = g.where + (f" {rules.mask(g.caption)!r}" if g.caption else "")
    # Only a column whose header names a count is read for counts; a label or id column ("XYZ-01", "Grade 4")
    # never is, whatever digits it holds.
    counts = [(j, not _is_share_header(h)) for j, h in enumerate(g.header) if _is_count_header(h)]
    for row_label, cells in g.rows:
        for j, bare in counts:
            if j < len(cells) and (n := _small(cells[j], n_min, bare=bare)) is not None:
                add(rel, f"{prefix} {row_label} column {rules.mask(g.header[j])!r}".strip(), FindingKind.small_n,
                    f"count column {rules.mask(g.header[j])!r} shows n = {n}, below n_min = {n_min}")
    hidden = info.hidden.get(table_id, {}) if info is not None and table_id else {}
    if not hidden or not g.header:
        return
    cols = {" ".join(h.split()): j for j, h in enumerate(g.header)}
    for row_label, cells in g.rows:
        label = " ".join(cells[0].split()) if cells else ""
        for (row, col), rule in hidden.items():
            j = cols.get(col)
            if row != label or j is None or j >= len(cells) or _SUPPRESSED.fullmatch(cells[j]):
                continue
            shows = "a number" if re.search(r"\d", cells[j]) else "no suppression marker"
            add(rel, f"{prefix} {row_label} column {rules.mask(col)!r}".strip(), FindingKind.suppressed_value,
                f"cell hidden by the disclosure log (rule {rule!r}, table {table_id!r}) shows {shows}, "
                f"not 'fewer than {n_min}' or 'not shown'")
