"""The names the redactor finds in a project's free text that no source lists: the evaluator's check.

Redaction reads names off the roster by their shape and what is said around them; some of them are no one's to
hide in this program (a city's sports hero, a stadium, a film the survey asks about). Only the evaluator knows which,
and only by seeing them: :func:`names_off_roster` lists each name or place found (in the raw text, before
redaction) with the number of comments that hold it, so that the public ones can go to ``anonymize.public_names``.
It is an identified list, like the attendance review: ``evalkit names`` prints it for the evaluator and writes
nothing.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from evalkit.clean.survey import CleanTable
    from evalkit.config import ProjectConfig

__all__ = ["names_off_roster"]

#: The labels a project may call public (an e-mail, a phone, a link or an address never is).
PUBLIC_LABELS = ("PERSON", "SCHOOL")


def names_off_roster(cfg: ProjectConfig, tables: dict[str, CleanTable]) -> pd.DataFrame:
    """Each person or place the project's detector finds in its free-text columns that no roster name is part of.

    Parameters
    ----------
    cfg : ProjectConfig
        The project (its detector is built as the anonymize stage builds it, public names and models included).
    tables : dict of str to CleanTable
        The cleaned tables (:func:`evalkit.clean.project.clean_project`), identifiers still in them.

    Returns
    -------
    pandas.DataFrame
        Columns ``label`` (PERSON or SCHOOL), ``name`` (as first written; names that differ only in case or accents
        are one) and ``comments`` (the cells that hold it), most frequent first. A name that is or holds a roster name
        or place (:meth:`~evalkit.pii.PiiDetector.roster_named`: "Coach Maria Lopez", "Ms. Lopez") is left out: it
        is always redacted, and could not be made public.
    """
    import pandas as pd

    from evalkit.clean.checks import build_detector, free_text_columns
    from evalkit.pii import fold

    detector = build_detector(cfg, tables)
    counts: Counter[tuple[str, str]] = Counter()
    shown: dict[tuple[str, str], str] = {}
    for table in tables.values():
        for col in free_text_columns(cfg, table):
            if col not in table.data.columns:
                continue
            for text in table.data[col].dropna():
                if not isinstance(text, str):
                    continue
                seen = set()
                for span in detector.find(text):
                    name = text[span.start:span.end]
                    if span.label not in PUBLIC_LABELS or detector.roster_named(name):
                        continue
                    key = (span.label, " ".join(fold(name).casefold().split()))
                    shown.setdefault(key, " ".join(name.split()))
                    seen.add(key)
                counts.update(seen)
    rows = [{"label": label, "name": shown[(label, key)], "comments": n}
            for (label, key), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return pd.DataFrame(rows, columns=["label", "name", "comments"])
