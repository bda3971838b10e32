"""Report prose from Jinja templates, filled from the project file and from protected figures.

Templates live in ``evalkit/report/templates/prose/<kind>/<section>.j2``; code passes them facts (the
program's name and description, the design, sentences already made from protected cells) and never
writes report prose itself. A template renders plain text: a blank line starts a paragraph, and single
line breaks inside a paragraph are joined, so templates can be wrapped for reading; a paragraph whose every
line starts with "- " is a list and keeps its lines.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from evalkit.report.artifacts import list_items

__all__ = ["render_prose", "join_words", "capitalize_first"]

_PARAS = re.compile(r"\n\s*\n")


@lru_cache(maxsize=1)
def _environment():
    import jinja2

    env = jinja2.Environment(loader=jinja2.PackageLoader("evalkit.report", "templates/prose"),
                             undefined=jinja2.StrictUndefined, autoescape=False, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=False)
    env.filters["join_words"] = join_words
    env.filters["capitalize_first"] = capitalize_first
    return env


def join_words(items: Any, conj: str = "and") -> str:
    """``["a", "b", "c"]`` → ``"a, b and c"``.

    Examples
    --------
    >>> join_words(["pre", "post"]), join_words(["a", "b", "c"], "or"), join_words([])
    ('pre and post', 'a, b or c', '')
    """
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conj} " + items[-1]


def capitalize_first(text: Any) -> str:
    """Capitalize the first letter only (``str.capitalize`` would lower the rest).

    >>> capitalize_first("the state's ELA results")
    "The state's ELA results"
    """
    text = str(text)
    return text[:1].upper() + text[1:]


def render_prose(kind: str, section: str, **context: Any) -> str:
    """Render ``templates/prose/<kind>/<section>.j2`` into paragraphs (blank-line separated plain text).

    Raises
    ------
    jinja2.UndefinedError
        The template uses a value the caller did not pass (templates are strict: a typo never renders
        as an empty string).
    """
    text = _environment().get_template(f"{kind}/{section}.j2").render(**context)
    paras = []
    for p in _PARAS.split(text):
        lines = [line.strip() for line in p.splitlines() if line.strip()]
        # a list keeps one item per line (the convention artifacts.list_items reads); prose is joined
        paras.append("\n".join(lines) if list_items(p) is not None else " ".join(lines))
    return "\n\n".join(p for p in paras if p)
