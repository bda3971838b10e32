"""Column-naming rules shared by the readers: clean headers, snake_case slugs, de-duplication.

A column name must be stable (the same header always gives the same name), unique within a table
and free of leading/trailing whitespace. The header exactly as written goes into
``ColumnMeta.original``; these helpers only make the *name*.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean_header", "slugify", "dedupe", "is_identifier_like", "column_letter", "cell_ref", "column_label"]

_WS = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w]+")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")
# Symbols that carry meaning in survey and state-file headers ("% White" must not collide with
# "White"); spelled out before the slug drops punctuation.
_SYMBOLS = {"%": " pct ", "#": " num ", "&": " and ", "+": " plus ", "@": " at "}


def clean_header(value: object) -> str:
    """Collapse every whitespace run (newlines, tabs, non-breaking spaces) to one space and strip.

    Examples
    --------
    >>> clean_header("  Registered To\\nTest ")
    'Registered To Test'
    >>> clean_header(None)
    ''
    """
    if value is None:
        return ""
    return _WS.sub(" ", str(value).replace("\ufeff", "")).strip()


def _fold_accents(text: str) -> str:
    # "ä" -> "a", but a Telugu vowel sign or a Hebrew letter is kept: dropping it would leave
    # nothing (or a different word), and ``\w`` accepts any Unicode letter.
    out = []
    for ch in text:
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        out.append(base if base and base.isascii() else ch)
    return "".join(out)


def slugify(text: str, *, max_len: int = 48) -> str:
    """A lower-case snake_case name for a header or question text; ``""`` if nothing is left.

    Long slugs are cut at the last ``_`` before ``max_len`` so a name stays readable; the full text
    is kept in ``ColumnMeta.text``.

    Examples
    --------
    >>> slugify("What is your field of study or major?")
    'what_is_your_field_of_study_or_major'
    >>> slugify("% White"), slugify("Nachname des Empfängers")
    ('pct_white', 'nachname_des_empfangers')
    >>> slugify("Do you believe that a hotdog falls under the category of a sandwich?")
    'do_you_believe_that_a_hotdog_falls_under_the'
    """
    text = clean_header(text)
    for symbol, word in _SYMBOLS.items():
        text = text.replace(symbol, word)
    slug = _NON_WORD.sub("_", _fold_accents(unicodedata.normalize("NFKC", text)).lower()).strip("_")
    if len(slug) > max_len:
        cut = slug.rfind("_", 0, max_len + 1)
        slug = slug[: cut if cut > 0 else max_len].rstrip("_")
    return slug


def is_identifier_like(text: str) -> bool:
    """True for headers that already are names (``Q1_1``, ``school_code``, ``StartDate``).

    Examples
    --------
    >>> is_identifier_like("CountyCode"), is_identifier_like("County Code")
    (True, False)
    """
    return bool(_IDENTIFIER.fullmatch(text))


def dedupe(names: list[str]) -> list[str]:
    """Make names unique: the second ``x`` becomes ``x_2``, the third ``x_3``, skipping taken names.

    Examples
    --------
    >>> dedupe(["a", "b", "a", "a_2", "a"])
    ['a', 'b', 'a_3', 'a_2', 'a_4']
    """
    taken = set(names)
    seen: set[str] = set()
    out = []
    for name in names:
        if name not in seen:
            seen.add(name)
            out.append(name)
            continue
        k = 2
        while f"{name}_{k}" in taken:
            k += 1
        new = f"{name}_{k}"
        taken.add(new)
        seen.add(new)
        out.append(new)
    return out


def column_letter(number: int) -> str:
    """Spreadsheet letters of a 1-based column number.

    Examples
    --------
    >>> column_letter(1), column_letter(27), column_letter(190)
    ('A', 'AA', 'GH')
    """
    letters = ""
    while number > 0:
        number, rem = divmod(number - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_ref(number: int) -> str:
    """How messages name a column without a usable header: ``'column 12 (L)'``.

    Examples
    --------
    >>> cell_ref(12)
    'column 12 (L)'
    """
    return f"column {number} ({column_letter(number)})"


def column_label(number: int) -> str:
    """``Issue.column`` for a column that has no usable name: its number and letters, ``'12 (L)'``.

    Examples
    --------
    >>> column_label(3)
    '3 (C)'
    """
    return f"{number} ({column_letter(number)})"
