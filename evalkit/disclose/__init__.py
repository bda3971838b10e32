"""Disclose stage: the one suppression rule. [1/5] ships the count gate; [4/5] builds the full rule."""

from evalkit.disclose.counts import SUPPRESSED_TEXT, format_count, protect_counts

__all__ = ["SUPPRESSED_TEXT", "format_count", "protect_counts"]
