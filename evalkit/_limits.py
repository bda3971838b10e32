"""Bounds of the privacy thresholds, shared by the project-file model and every reader of a release.

Kept apart from :mod:`evalkit.config` so that the report kernel, which reads ``facts.json`` without the
project file (and without pandas), checks a release's ``n_min`` against the very same bounds.
"""

__all__ = ["N_MIN_FLOOR", "N_MIN_PLAIN"]

#: The smallest ``n_min`` any release may use (PTAC's absolute minimum cell size).
N_MIN_FLOOR = 3
#: Below this ``n_min`` a project must give ``privacy.n_min_override_reason``.
N_MIN_PLAIN = 5
