"""Clean stage: rules from the project file turn raw exports into clean tables plus a data-quality log.

Names load on first use (PEP 562), so the million-row path (:mod:`evalkit.clean.outcomes`, pyarrow
only) does not pay for importing pandas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from evalkit._lazy import lazy_getattr

if TYPE_CHECKING:  # pragma: no cover
    from evalkit.clean.events import EventMatch, match_events
    from evalkit.clean.normalize import normalize_email, normalize_name, parse_dates
    from evalkit.clean.outcomes import clean_state_outcomes, parse_marked_numbers
    from evalkit.clean.quality import Action, Defect, QualityEntry, QualityLog

__all__ = [
    "Action",
    "Defect",
    "EventMatch",
    "QualityEntry",
    "QualityLog",
    "clean_state_outcomes",
    "match_events",
    "normalize_email",
    "normalize_name",
    "parse_dates",
    "parse_marked_numbers",
]

_HOME = {
    "Action": "quality", "Defect": "quality", "QualityEntry": "quality", "QualityLog": "quality",
    "EventMatch": "events", "match_events": "events",
    "normalize_email": "normalize", "normalize_name": "normalize", "parse_dates": "normalize",
    "clean_state_outcomes": "outcomes", "parse_marked_numbers": "outcomes",
}


__getattr__ = lazy_getattr(__name__, _HOME, globals())
