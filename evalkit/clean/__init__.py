"""Clean stage: rules from the project file turn raw exports into clean tables plus a data-quality log.

Imports are kept lazy-free and light: the heavy lifting lives in the submodules.
"""

from evalkit.clean.events import EventMatch, match_events
from evalkit.clean.normalize import normalize_email, normalize_name, parse_dates
from evalkit.clean.quality import Action, Defect, QualityEntry, QualityLog

__all__ = [
    "Action",
    "Defect",
    "EventMatch",
    "QualityEntry",
    "QualityLog",
    "match_events",
    "normalize_email",
    "normalize_name",
    "parse_dates",
]
