"""Progress lines for long work, printed through a rich console when one is given (silent otherwise)."""

from __future__ import annotations

from typing import Any

__all__ = ["Progress"]


class Progress:
    """Minimal progress printing that works with or without a rich console."""

    def __init__(self, console: Any | None) -> None:
        self.console = console

    def __call__(self, msg: str) -> None:
        if self.console is not None:
            self.console.print(msg, highlight=False)
