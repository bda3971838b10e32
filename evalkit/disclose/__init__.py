"""Disclose stage: the one suppression rule, the attacker audit, the release ledger.

Only this stage makes :class:`ProtectedTable` s, the one kind of table that reports, charts and
sentences accept. See ``docs/disclosure.md``.
"""

from evalkit.disclose.bundle import NOT_SHOWN, Bundle, ProtectedBundle, format_share
from evalkit.disclose.export import export_table
from evalkit.disclose.ledger import ReleaseLedger
from evalkit.disclose.policy import SUPPRESSED_TEXT, DisclosurePolicy
from evalkit.disclose.protected import ProtectedTable, require_protected

__all__ = ["Bundle", "ProtectedBundle", "ProtectedTable", "DisclosurePolicy", "ReleaseLedger", "NOT_SHOWN",
           "SUPPRESSED_TEXT", "export_table", "format_share", "require_protected"]
