"""Anonymize stage: keyed pseudonyms, linkage, free-text redaction and the k-anonymity gate.

Identifiers become HMAC-SHA256 pseudonyms under a secret key kept outside the repository
(:func:`load_key`, :func:`keygen`, :class:`PseudonymKey`), scoped per project and identifier type
(:class:`Pseudonymizer`), after normalization (:func:`normalize_identifier`). Provenance records the
key's fingerprint (:func:`key_fingerprint`), never the key.

Names load on first use (PEP 562), so ``import evalkit.anonymize`` stays light: pandas is imported
only by the functions that take a DataFrame or Series.

To add exports: list the name in ``__all__`` under its topic, map it to its module in ``_HOME``, and
add the import to the ``TYPE_CHECKING`` block.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from evalkit._lazy import lazy_getattr

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from evalkit.anonymize.keys import PseudonymKey, key_fingerprint, keygen, load_key
    from evalkit.anonymize.kanon import KAnonResult, default_ladder, enforce_k, k_anonymity
    from evalkit.anonymize.linkage import LinkResult, attrition_check, fuzzy_fallback, link_waves
    from evalkit.anonymize.pseudonym import Pseudonymizer, normalize_identifier
    from evalkit.anonymize.redaction import Redaction, Redactor, Span, redact
    from evalkit.anonymize.sgic import SgicResult, link_codes, parse_code

__all__ = [
    # keys (evalkit.anonymize.keys)
    "PseudonymKey",
    "key_fingerprint",
    "keygen",
    "load_key",
    # pseudonyms (evalkit.anonymize.pseudonym)
    "Pseudonymizer",
    "normalize_identifier",
    # linkage of named respondents (evalkit.anonymize.linkage)
    "LinkResult",
    "attrition_check",
    "fuzzy_fallback",
    "link_waves",
    # self-generated codes (evalkit.anonymize.sgic)
    "SgicResult",
    "link_codes",
    "parse_code",
    # the microdata gate (evalkit.anonymize.kanon)
    "KAnonResult",
    "default_ladder",
    "enforce_k",
    "k_anonymity",
    # free-text redaction (evalkit.anonymize.redaction); ``redact(text, roster)`` is the one-off function
    "Redaction",
    "Redactor",
    "Span",
    "redact",
]

_HOME = {
    "PseudonymKey": "keys",
    "key_fingerprint": "keys",
    "keygen": "keys",
    "load_key": "keys",
    "Pseudonymizer": "pseudonym",
    "normalize_identifier": "pseudonym",
    "LinkResult": "linkage",
    "attrition_check": "linkage",
    "fuzzy_fallback": "linkage",
    "link_waves": "linkage",
    "SgicResult": "sgic",
    "link_codes": "sgic",
    "parse_code": "sgic",
    "KAnonResult": "kanon",
    "default_ladder": "kanon",
    "enforce_k": "kanon",
    "k_anonymity": "kanon",
    "Redaction": "redaction",
    "Redactor": "redaction",
    "Span": "redaction",
    "redact": "redaction",
}

__getattr__ = lazy_getattr(__name__, _HOME, globals())


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
