"""Keyed pseudonyms: HMAC-SHA256 of a normalized identifier under a per-project, per-type subkey.

The same person gets the same pseudonym within a project (so pre and post surveys link), but
unrelated pseudonyms in two projects, unless both project files name the same ``linkage_key``.
Different identifier types (an e-mail and an employee number) never share a subkey, so they never
share a pseudonym either. Identifiers are normalized first (NFKC, trim, casefold; e-mails also lose
all whitespace), so " Maria.G@X.org " and "maria.g@x.org" link.

Fuzzy matching (name plus school when an e-mail changes) must happen *before* this step: an HMAC
destroys all similarity between inputs.
"""

from __future__ import annotations

import hashlib
import numbers
import re
import sys
import unicodedata
from typing import TYPE_CHECKING, Any, NoReturn

from evalkit.anonymize.keys import PseudonymKey

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Pseudonymizer", "normalize_identifier", "ID_TYPES", "SCHEME"]

#: The identifier types evalkit knows by name; any other lowercase name (letters and ``_``) is accepted.
ID_TYPES = ("email", "name", "person_id", "registration_id", "employee_id", "response_id")
#: Name and version of the pseudonym scheme, for provenance. A change to the derivation or to
#: normalization bumps the version.
SCHEME = "hmac-sha256/evalkit/v1"

_ID_TYPE = re.compile(r"[a-z][a-z_]*")
# Invisible characters that copy-paste and CSV exports leave behind (zero-width space, word joiner,
# byte-order mark). Joiners (U+200C, U+200D) are kept: they can matter in names.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff"))
_EMAIL_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_BLOCK = 64  # SHA-256 block size, for the precomputed HMAC pads


def _check_id_type(id_type: object) -> str:
    if not isinstance(id_type, str) or not _ID_TYPE.fullmatch(id_type):
        raise ValueError(
            "`id_type` must be a lowercase name of letters and underscores, such as "
            f"{', '.join(repr(t) for t in ID_TYPES)}; got {id_type!r}"
        )
    return id_type


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return value != value
    pd = sys.modules.get("pandas")  # only pandas can have produced pd.NA / pd.NaT
    if pd is not None and not isinstance(value, (str, numbers.Number)):
        try:
            return bool(pd.isna(value))
        except (TypeError, ValueError):
            return False
    return False


def _as_text(value: object, id_type: str) -> str | None:
    if isinstance(value, str):
        return value
    if _is_missing(value):
        return None
    if isinstance(value, bool):
        raise TypeError(f"an identifier of type {id_type!r} cannot be a boolean")
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        if float(value).is_integer():  # 12345.0 from a spreadsheet is the id 12345
            return str(int(value))
        # the value itself is personal data: it stays out of the message
        raise ValueError(f"an identifier of type {id_type!r} is a number with a fractional part; "
                         "read the column as text")
    raise TypeError(f"an identifier of type {id_type!r} must be text or a whole number; "
                    f"got {type(value).__name__}")


def _normalize(text: str, id_type: str) -> str | None:
    email = id_type == "email"
    if text.isascii():  # NFKC is the identity and casefold is lower() on ASCII: the fast path
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKC", text).translate(_EMAIL_INVISIBLE if email else _INVISIBLE)
        text = unicodedata.normalize("NFKC", text.casefold())
    text = "".join(text.split()) if email else " ".join(text.split())
    return text or None


def normalize_identifier(value: Any, id_type: str) -> str | None:
    """Normalize an identifier before it is hashed, so trivial variants of it link.

    Parameters
    ----------
    value : str, int or None
        The identifier. Whole numbers (also ``12345.0`` from a spreadsheet) become their digits;
        ``None``, NaN and pandas' missing values are missing.
    id_type : str
        ``"email"``, ``"name"``, ``"person_id"``, ``"registration_id"``, ``"employee_id"``,
        ``"response_id"``, or any other lowercase name (letters and underscores).

    Returns
    -------
    str or None
        The normalized text, or ``None`` when the value is missing or blank.

    Raises
    ------
    ValueError
        ``id_type`` is not a lowercase name, or ``value`` is a number with a fractional part.
    TypeError
        ``value`` is neither text nor a whole number. Messages never include the value.

    Notes
    -----
    Unicode NFKC (so fullwidth "ｍａｒｉａ" is "maria"), then casefold and NFKC again (Unicode's
    NFKC_Casefold idea); zero-width spaces, word joiners and byte-order marks are removed. Leading
    and trailing whitespace is trimmed and inner runs of whitespace become one space; for
    ``"email"`` all whitespace and zero-width joiners are removed. Accents are kept ("José" and
    "Jose" are different), and nothing is guessed about e-mail providers (dots and ``+tags`` stay).

    Examples
    --------
    >>> normalize_identifier(" Maria.G@X.org ", "email")
    'maria.g@x.org'
    >>> normalize_identifier("ＭＡＲＩＡ  Garcia", "name")
    'maria garcia'
    >>> normalize_identifier("   ", "name") is None
    True
    """
    id_type = _check_id_type(id_type)
    text = _as_text(value, id_type)
    return None if text is None else _normalize(text, id_type)


class _Hmac:
    """HMAC-SHA256 under one subkey with the inner and outer pads hashed once (RFC 2104).

    Equal to ``hmac.new(subkey, msg, "sha256")`` but about 2.5 times faster per short message,
    which matters for a million identifiers.
    """

    __slots__ = ("_inner", "_outer")

    def __init__(self, subkey: bytes) -> None:
        padded = subkey.ljust(_BLOCK, b"\0")  # subkeys are 32 bytes, under the block size
        self._inner = hashlib.sha256(bytes(b ^ 0x36 for b in padded))
        self._outer = hashlib.sha256(bytes(b ^ 0x5C for b in padded))

    def hexdigest(self, msg: bytes) -> str:
        inner = self._inner.copy()
        inner.update(msg)
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.hexdigest()

    def __repr__(self) -> str:
        return "_Hmac(<secret>)"

    def __reduce__(self) -> NoReturn:
        raise TypeError("HMAC state derived from the pseudonymization key cannot be pickled")


class Pseudonymizer:
    """Make keyed pseudonyms for one project (or one linkage group) and several identifier types.

    Parameters
    ----------
    key : PseudonymKey
        From :func:`~evalkit.anonymize.load_key`.
    project : str
        The project id (``project:`` in the project file). Scopes the pseudonyms to this project.
    linkage_key : str, optional
        A label shared by projects whose pseudonyms must link (``anonymize.linkage_key``). When
        given it replaces ``project`` as the scope; leading and trailing whitespace is ignored.
    length : int, default 20
        Hex characters kept from the 64 of the HMAC; between 16 and 64.

    Raises
    ------
    TypeError
        ``key`` is not a :class:`PseudonymKey`.
    ValueError
        ``project`` or ``linkage_key`` is blank, or ``length`` is outside 16..64.

    See Also
    --------
    evalkit.anonymize.load_key : load the key.
    normalize_identifier : the normalization applied before hashing.

    Notes
    -----
    For scope :math:`s` (``"project:" + project``, or ``"linkage:" + linkage_key``) and identifier
    type :math:`t`, the subkey is

    .. math:: k_{s,t} = \\mathrm{HMAC\\text{-}SHA256}(K,\\ \\texttt{evalkit/v1/} \\| s \\| \\texttt{/} \\| t)

    and the pseudonym of a value :math:`v` is the first ``length`` hex characters of
    :math:`\\mathrm{HMAC\\text{-}SHA256}(k_{s,t}, \\mathrm{UTF8}(\\mathrm{normalize}(v, t)))`.
    The ``project:``/``linkage:`` prefix keeps a project id from ever equalling another project's
    linkage label. Truncation to 20 hex characters (80 bits) leaves the chance of any collision among
    a million people near :math:`n^2 / 2^{81} \\approx 4 \\times 10^{-13}`.

    A Pseudonymizer holds subkeys derived from the key, so like the key it shows only the key's
    fingerprint and cannot be pickled.

    References
    ----------
    Krawczyk, H., Bellare, M. & Canetti, R. (1997). HMAC: Keyed-hashing for message authentication.
    RFC 2104. https://doi.org/10.17487/RFC2104

    ENISA (2019). Pseudonymisation techniques and best practices. https://doi.org/10.2824/247711

    Examples
    --------
    >>> from evalkit.anonymize import PseudonymKey
    >>> key = PseudonymKey(bytes(range(32)))   # a real key comes from load_key()
    >>> p = Pseudonymizer(key, project="alpha")
    >>> p.pseudonym(" Maria.G@X.org ", "email") == p.pseudonym("maria.g@x.org", "email")
    True
    >>> p.pseudonym("maria.g@x.org", "email") == Pseudonymizer(key, project="beta").pseudonym(
    ...     "maria.g@x.org", "email")
    False
    >>> len(p.pseudonym("maria.g@x.org", "email"))
    20
    """

    __slots__ = ("_key", "_fingerprint", "_project", "_linkage_key", "_scope", "_length", "_hmacs")

    def __init__(
        self,
        key: PseudonymKey,
        *,
        project: str,
        linkage_key: str | None = None,
        length: int = 20,
    ) -> None:
        if not isinstance(key, PseudonymKey):
            raise TypeError(f"Pseudonymizer: `key` must be a PseudonymKey (from load_key()); "
                            f"got {type(key).__name__}")
        if not isinstance(project, str) or not project.strip():
            raise ValueError(f"Pseudonymizer: `project` must be a non-blank string; got {project!r}")
        if linkage_key is not None and (not isinstance(linkage_key, str) or not linkage_key.strip()):
            raise ValueError("Pseudonymizer: `linkage_key` must be None or a non-blank string; "
                             f"got {linkage_key!r}")
        if isinstance(length, bool) or not isinstance(length, numbers.Integral) or not 16 <= length <= 64:
            raise ValueError(f"Pseudonymizer: `length` must be an integer from 16 to 64; got {length!r}")
        self._fingerprint = key.fingerprint
        self._project = project
        self._linkage_key = None if linkage_key is None else unicodedata.normalize("NFC", linkage_key.strip())
        self._scope = (f"linkage:{self._linkage_key}" if self._linkage_key is not None
                       else f"project:{project}")
        self._length = int(length)
        self._key = key
        self._hmacs: dict[str, _Hmac] = {}  # id_type -> HMAC under its subkey, derived on first use

    # -- attributes -------------------------------------------------------------------------------

    @property
    def key_fingerprint(self) -> str:
        """The key's fingerprint (8 hex characters); safe to record."""
        return self._fingerprint

    @property
    def project(self) -> str:
        return self._project

    @property
    def linkage_key(self) -> str | None:
        return self._linkage_key

    @property
    def scope(self) -> str:
        """``"project:<project>"`` or ``"linkage:<linkage_key>"``: what the subkeys are derived for."""
        return self._scope

    @property
    def length(self) -> int:
        return self._length

    def provenance(self) -> dict[str, object]:
        """What to record about the pseudonyms (never the key): scheme, key fingerprint, scope, length."""
        return {
            "scheme": SCHEME,
            "key_fingerprint": self._fingerprint,
            "project": self._project,
            "linkage_key": self._linkage_key,
            "scope": self._scope,
            "length": self._length,
        }

    # -- pseudonyms -------------------------------------------------------------------------------

    def _hmac_for(self, id_type: str) -> _Hmac:
        h = self._hmacs.get(id_type) if isinstance(id_type, str) else None
        if h is None:
            label = f"evalkit/v1/{self._scope}/{_check_id_type(id_type)}".encode()
            h = self._hmacs[id_type] = _Hmac(self._key._derive(label))
        return h

    def pseudonym(self, value: Any, id_type: str) -> str | None:
        """The pseudonym of one identifier, or ``None`` if it is missing or blank.

        Parameters
        ----------
        value : str, int or None
            The identifier, normalized with :func:`normalize_identifier` first.
        id_type : str
            Its type (``"email"``, ``"name"``, ``"person_id"``...); each type has its own subkey.

        Returns
        -------
        str or None
            ``length`` lowercase hex characters.
        """
        h = self._hmac_for(id_type)
        text = _as_text(value, id_type)
        if text is None:
            return None
        norm = _normalize(text, id_type)
        if norm is None:
            return None
        return h.hexdigest(norm.encode("utf-8"))[: self._length]

    def series(self, s: pd.Series, id_type: str) -> pd.Series:
        """Pseudonymize a column: each distinct value is hashed once; the index is kept.

        Parameters
        ----------
        s : pandas.Series
            Identifiers (text or whole numbers). Missing and blank values stay missing.
        id_type : str
            Their type.

        Returns
        -------
        pandas.Series
            dtype ``string``, same index and name as ``s``; ``<NA>`` where ``s`` is missing or blank.

        Examples
        --------
        >>> import pandas as pd
        >>> from evalkit.anonymize import PseudonymKey
        >>> p = Pseudonymizer(PseudonymKey(bytes(range(32))), project="alpha")
        >>> out = p.series(pd.Series(["a@x.org", " A@X.org", None, ""], index=[5, 6, 7, 8]), "email")
        >>> str(out.dtype), out.index.tolist(), out.isna().tolist(), out[5] == out[6]
        ('string', [5, 6, 7, 8], [False, False, True, True], True)
        """
        import numpy as np
        import pandas as pd

        if not isinstance(s, pd.Series):
            raise TypeError(f"Pseudonymizer.series: `s` must be a pandas Series; got {type(s).__name__}")
        self._hmac_for(id_type)  # validates id_type even for an empty series
        codes, uniques = pd.factorize(s, use_na_sentinel=True)
        mapped = np.array([self.pseudonym(u, id_type) for u in uniques] + [None], dtype=object)
        out = mapped[codes]  # code -1 (missing) picks the trailing None
        return pd.Series(out, index=s.index, name=s.name, dtype="string")

    # -- never show or ship the secrets ----------------------------------------------------------

    def __repr__(self) -> str:
        # getattr: a traceback may show a half-built Pseudonymizer (``self`` in ``__init__``)
        fingerprint, scope, length = (getattr(self, a, None) for a in ("_fingerprint", "_scope", "_length"))
        return (f"Pseudonymizer(key=PseudonymKey(fingerprint={fingerprint!r}), "
                f"scope={scope!r}, length={length})")

    __str__ = __repr__

    def __reduce__(self) -> NoReturn:
        raise TypeError("a Pseudonymizer cannot be pickled: it holds subkeys derived from the secret key; "
                        "build one where it is needed")

    def __reduce_ex__(self, protocol: Any) -> NoReturn:
        self.__reduce__()
        raise AssertionError("unreachable")  # pragma: no cover

