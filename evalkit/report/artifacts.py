"""Read and validate one cadre's artifact folder (``facts.json`` + ``tables/*.csv``).

The artifact folder is the only thing a report notebook sees: every number in it has already
passed the suppression rule, so the kernel never touches microdata. The contract is documented
in ``docs/artifacts.md`` and defined once, by the pydantic models of
:mod:`evalkit.report.facts_model` (re-exported here), which the writer uses too. :func:`load_facts`
checks the whole file in one pass and reports every problem with its key path, so a producer bug is
fixed in one round trip rather than one key at a time.

Module-level imports are the standard library and pydantic (about 50 ms); pandas is imported by
:func:`load_table` when a table is actually read, so ``import evalkit.report`` stays cheap inside a kernel.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING


from evalkit.errors import ReportError, ReportReason
from evalkit.report.facts_model import (
    GUSKEY_LEVELS,
    ID_PATTERN,
    SCHEMA,
    ChartSpec,
    Disclosure,
    Facts,
    HeadlineItem,
    InputFile,
    Provenance,
    Section,
    TableSpec,
    validate_facts,
)

if TYPE_CHECKING:  # pragma: no cover - typing only
    import pandas as pd

__all__ = [
    "SCHEMA",
    "GUSKEY_LEVELS",
    "Facts",
    "Section",
    "read_table",
    "list_items",
    "provenance_tables",
    "parameter_rows",
    "TableSpec",
    "HeadlineItem",
    "InputFile",
    "Provenance",
    "ChartSpec",
    "Disclosure",
    "load_facts",
    "load_table",
]

# Table ids become file names: read_table refuses any other id before touching the disk.
_ID_RE = re.compile(ID_PATTERN)


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
    """Read and validate ``<artifact_dir>/facts.json`` against schema ``evalkit.artifacts/2``.

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

    facts = validate_facts(raw, folder, writing=False)

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


def list_items(paragraph: str) -> list[str] | None:
    """The items of a section-text paragraph written as a list ("- " before each item), or None for prose.

    The one list convention of ``facts.json`` section text: the HTML and the Typst forms both read it here.

    >>> list_items("- one\\n- two"), list_items("one - two")
    (['one', 'two'], None)
    """
    lines = [line.strip() for line in paragraph.strip().splitlines() if line.strip()]
    if lines and all(line.startswith("- ") for line in lines):
        return [line[2:].strip() for line in lines]
    return None


def provenance_tables(facts: Facts) -> list[tuple[str, list[str], list[list[str]], str | None, str | None]]:
    """The provenance appendix's tables as (kind, header, rows, caption, note), for the HTML and the Typst
    forms; kind is ``"plain"`` (the report's data), ``"hashes"`` (input files) or ``"params"`` (the run).

    Inputs appear by SHA-256 only: a file's name may hold a school's or a person's name.
    """
    from evalkit import __version__  # the evalkit that rendered, which may differ from the producer's

    out = [("plain", ["Item", "Value"],
            [["Program", facts.program_name],
             *([["Cadre", facts.cadre]] if not facts.whole_program else []),
             *([["Cohort", facts.cohort]] if facts.cohort else []), ["Data as of", facts.data_as_of.isoformat()],
             ["Release", facts.release_id], ["Suppression threshold (n)", str(facts.n_min)],
             ["Produced by", f"evalkit {facts.evalkit_version}"], ["Rendered with", f"evalkit {__version__}"]],
            None, None)]
    if facts.provenance.inputs:
        out.append(("hashes", ["Input", "SHA-256"], [[f"Input file {i}", f.sha256] for i, f in
                                           enumerate(facts.provenance.inputs, 1)], "Input files",
                    "The SHA-256 identifies the exact bytes of each input file; file names are left out because a "
                    "name may hold a school's or a person's name."))
    if facts.provenance.parameters:
        out.append(("params", ["Setting", "Value"], parameter_rows(facts.provenance.parameters),
                    "Analysis parameters",
                    "The run's settings from the project file, one per row; text patterns are left in the project "
                    "file, where they are written."))
    return out


#: How the analysis parameters read in the supplement: (group, key) -> label. Keys not listed read as their name.
_PARAMETER_LABELS = {
    ("privacy", "n_min"): "smallest group any figure may describe",
    ("privacy", "comment_threshold"): "smallest group whose comments are quoted",
    ("privacy", "top_code"): "percentages above this read as a bound (%)",
    ("privacy", "bottom_code"): "percentages below this read as a bound (%)",
    ("privacy", "min_interval_width"): "narrowest range a hidden count may be pinned to",
    ("privacy", "override_reason"): "reason for a threshold below 5",
    ("privacy", "share_min_people"): "people a shown percentage must stand for on each side",
    ("key_fingerprint", ""): "fingerprint of the pseudonymization key (not the key)",
    ("cleaning", "drop_preview"): "survey previews removed",
    ("cleaning", "drop_test"): "test responses removed",
    ("cleaning", "dedupe"): "which of a person's duplicate responses is kept",
    ("cleaning", "partial"): "partial responses",
    ("cleaning", "partial_min_progress"): "progress below which a response is partial (%)",
    ("cleaning", "speeders"): "responses answered too fast",
    ("cleaning", "speeder_fraction"): "too fast: under this fraction of the median time",
    ("cleaning", "straightliners"): "responses with the same answer to every item",
    ("cleaning", "straightline_min_items"): "items needed before same answers count",
    ("cleaning", "normalize_emails"): "e-mail case and spacing tidied",
    ("cleaning", "normalize_names"): "name case and spacing tidied",
    ("cleaning", "normalize_dates"): "dates read in one format",
    ("cleaning", "labels_to_codes"): "answer labels turned into codes",
    ("cleaning", "non_substantive_to_missing"): "\u201cDon't know\u201d and N/A answers set aside",
    ("cleaning", "apply_aliases"): "renamed questions matched to the codebook",
    ("cleaning", "drop_withdrawn"): "withdrawn participants removed",
    ("cleaning", "require_consent"): "responses without consent removed",
    ("cleaning", "test_markers"): "patterns that mark a test response",
    ("cleaning", "match_events"): "evaluations matched to events by name and date",
    ("cleaning", "event_match_threshold"): "smallest event-match score accepted (of 100)",
    ("cleaning", "event_match_review_below"): "event-match score below which a match is reviewed",
    ("cleaning", "day_first"): "ambiguous dates read day first (03/04 as 3 April)",
}
_GROUPS = {"privacy": "Privacy", "cleaning": "Cleaning", "key_fingerprint": "Pseudonymization"}


def _setting_value(value: object) -> str:
    """One setting's value in words: yes/no, a number to 3 significant digits, a list, or patterns by count."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, dict):  # e.g. test markers: a text pattern per column
        return f"{len(value)} text pattern(s), kept in the project file" if value else "none"
    if isinstance(value, (list, tuple)):
        return ", ".join(_setting_value(v) for v in value) or "none"
    return "none" if value is None else str(value).replace("_", " ")


def parameter_rows(parameters: dict[str, object]) -> list[list[str]]:
    """The run's parameters as [setting, value] rows a reader reads: grouped, labelled, no code or patterns.

    >>> parameter_rows({"privacy": {"n_min": 10, "share_min_people": None}, "key_fingerprint": "8f58"})
    [['Pseudonymization: fingerprint of the pseudonymization key (not the key)', '8f58'], ['Privacy: smallest group any figure may describe', '10'], ['Privacy: people a shown percentage must stand for on each side', 'as the smallest group (10)']]
    """
    rows = []
    for group in sorted(parameters, key=lambda g: (g != "key_fingerprint", g)):
        value = parameters[group]
        name = _GROUPS.get(group, group.replace("_", " ").capitalize())
        items = value.items() if isinstance(value, dict) else [("", value)]
        for key, v in items:
            label = _PARAMETER_LABELS.get((group, key)) or key.replace("_", " ")
            text = _setting_value(v)
            if (group, key) == ("privacy", "share_min_people") and v is None and isinstance(value, dict):
                text = f"as the smallest group ({value.get('n_min')})"
            rows.append([f"{name}: {label}", text])
    return rows
