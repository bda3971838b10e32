"""The disclosure policy: one frozen object, read from the project file once and passed down.

The defaults follow most US states and the stricter survey vendors (research/privacy.md §1.1-1.2):
no published figure about fewer than 10 people, comments only from groups of 10 or more, shares
top- and bottom-coded at 95 % and 5 %, no distribution where everyone gave the same answer, and every
suppressed value left at least 5 wide in the feasible interval of an attacker who knows every
published number (sdcTable's ``attack()``, extended to a whole bundle and to earlier releases).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from evalkit.config.project import PrivacyPolicy

__all__ = ["DisclosurePolicy", "SUPPRESSED_TEXT"]

#: How a hidden figure reads in every table, chart label and sentence.
SUPPRESSED_TEXT = "fewer than {n_min}"


@dataclass(frozen=True)
class DisclosurePolicy:
    """Thresholds of the one suppression rule.

    Parameters
    ----------
    n_min : int
        Smallest number of people any published figure may describe (count, share, mean, SD,
        effect size, chart mark, sentence). Below 5 needs ``override_reason``; below 3 is refused.
    comment_threshold : int
        Smallest group whose verbatim (redacted) comments may be quoted.
    top_code, bottom_code : float
        Shares above ``top_code`` % read ">95%", below ``bottom_code`` % read "<5%" (0 % and 100 % too).
    share_min_people : int or None
        A share that stands for fewer than this many people, or leaves fewer on the other side, is coded
        too (see :func:`~evalkit.disclose.bundle.share_bounds`); None (the default) follows ``n_min``.
    min_interval_width : float
        Every suppressed count must stay at least this wide in the attacker's feasible interval.
    override_reason : str or None
        Why ``n_min`` is below 5; printed in the methods appendix.

    Examples
    --------
    >>> DisclosurePolicy().n_min, DisclosurePolicy().suppressed_text
    (10, 'fewer than 10')
    """

    n_min: int = 10
    comment_threshold: int = 10
    top_code: float = 95.0
    bottom_code: float = 5.0
    min_interval_width: float = 5.0
    override_reason: str | None = None
    share_min_people: int | None = None

    def __post_init__(self) -> None:
        # One rule set for the thresholds: the project file's (evalkit.config.PrivacyPolicy), so a policy
        # built in code is held to exactly what a project file may say.
        from evalkit.config.load import validate_model
        from evalkit.config.project import PrivacyPolicy

        validate_model(PrivacyPolicy, {"n_min": self.n_min, "comment_threshold": self.comment_threshold,
                                       "top_code": self.top_code, "bottom_code": self.bottom_code,
                                       "min_interval_width": self.min_interval_width,
                                       "n_min_override_reason": self.override_reason,
                                       "share_min_people": self.share_min_people},
                       "the disclosure policy (privacy)")

    @classmethod
    def from_config(cls, privacy: PrivacyPolicy) -> DisclosurePolicy:
        """The policy of a project file's ``privacy`` block."""
        return cls(n_min=privacy.n_min, comment_threshold=privacy.comment_threshold,
                   top_code=privacy.top_code, bottom_code=privacy.bottom_code,
                   min_interval_width=privacy.min_interval_width, override_reason=privacy.n_min_override_reason,
                   share_min_people=privacy.share_min_people)

    @property
    def share_people(self) -> int:
        """The people a shown share must stand for on each side: ``share_min_people``, else ``n_min``."""
        return self.share_min_people if self.share_min_people is not None else self.n_min

    @property
    def suppressed_text(self) -> str:
        return SUPPRESSED_TEXT.format(n_min=self.n_min)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def describe(self) -> list[str]:
        """The policy in plain words, one sentence each, for the methods appendix."""
        out = [
            f"No number, percentage, average, spread, effect size, chart bar or sentence describes fewer than "
            f"{self.n_min} people; such figures read \u201c{self.suppressed_text}\u201d.",
            "Where hiding one figure is not enough, because it could be worked out from totals, from other "
            "tables in this report or from an earlier report, further figures are hidden as well, or small "
            "groups are combined into an \u201cOther\u201d row.",
            "Before the report is written, a computer check plays the part of an attacker who knows every "
            f"published number and every earlier release: no hidden figure may be pinned down to a range "
            f"narrower than {self.min_interval_width:g}.",
            f"A percentage that stands for fewer than {self.share_people} people, or leaves fewer than "
            f"{self.share_people} on the other side, is shown only as the bound it lies beyond (\u201cless than\u201d "
            f"or \u201cmore than\u201d the share that {self.share_people} people make of the group); whatever the "
            f"group's size, percentages below {self.bottom_code:g}% read \u201c<{self.bottom_code:g}%\u201d and above "
            f"{self.top_code:g}% read \u201c>{self.top_code:g}%\u201d. A figure that would give such a "
            "percentage back exactly (its confidence interval, a Net Promoter Score beside it, a total it "
            "is part of) reads \u201cnot shown\u201d. A group of fewer than "
            f"{2 * self.share_people} people therefore shows no percentage at all.",
            "Counts of who took part and who answered (registered, attended, responded, earned points) are "
            "program records: they are shown when they reach the threshold, even when few did not take part, "
            "and a percentage of two such counts is shown exactly, since it tells nothing the counts do not. "
            "What people answered, and who they are (role, school, group), is protected as above.",
            "Other hidden figures, those hidden to protect another one or because a whole group gave one "
            "answer, read \u201cnot shown\u201d.",
            "When every member of a group gave the same answer, that group's answers are not shown.",
            "Before-and-after figures count only people who answered both surveys, and are hidden below the "
            "same threshold.",
            f"Comments are quoted only from groups of at least {self.comment_threshold}, after names and "
            "contact details are removed.",
        ]
        if self.override_reason:
            out.append(f"The threshold of {self.n_min} is below the usual minimum of 5 by decision of the "
                       f"project: {self.override_reason}")
        return out
