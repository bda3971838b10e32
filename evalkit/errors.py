"""All of evalkit's exceptions and warnings, in one short module.

Every error a user can cause derives from :class:`EvalkitError`. The command line turns any
``EvalkitError`` into one clear message and exit code 2; anything else is a bug in evalkit.

Data errors carry *where* the problem is (file, 1-based row as a spreadsheet shows it, column)
and a machine-readable :class:`Reason`, but never the offending value itself: raw exports hold
personal data, and an error message ends up in terminals, logs and CI output.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "EvalkitError",
    "DisclosureError",
    "RereleaseError",
    "EvalkitWarning",
    "ConfigError",
    "InputFileError",
    "DataError",
    "DataErrors",
    "Reason",
    "Issue",
    "ReportError",
    "ReportReason",
    "KeyFileError",
    "KeyReason",
    "KAnonymityError",
    "SmallSampleWarning",
    "DataQualityWarning",
]


class Reason(str, enum.Enum):
    """Reason codes that callers and tests match on (not message wording)."""

    missing_file = "missing_file"
    unreadable_file = "unreadable_file"
    unknown_format = "unknown_format"
    wrong_format = "wrong_format"
    broken_header = "broken_header"
    encoding = "encoding"
    empty_file = "empty_file"
    missing_column = "missing_column"
    duplicate_column = "duplicate_column"
    duplicate_key = "duplicate_key"
    unknown_code = "unknown_code"
    bad_date = "bad_date"
    bad_number = "bad_number"
    identifier_in_unmarked_column = "identifier_in_unmarked_column"
    output_exists = "output_exists"


class EvalkitError(Exception):
    """Base class of every error a user can cause. The CLI maps it to exit code 2."""

    exit_code: int = 2

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        return f"{self.message}\n  How to fix: {self.hint}" if self.hint else self.message


class ConfigError(EvalkitError, ValueError):
    """The project file or codebook is missing, malformed or inconsistent.

    ``problems`` is a list of ``(key_path, what_is_expected)`` pairs, so one run reports every
    problem in the file rather than the first.
    """

    def __init__(
        self,
        file: str | Path,
        problems: list[tuple[str, str]],
        *,
        hint: str | None = None,
    ) -> None:
        self.file = str(file)
        self.problems = problems
        lines = [f"{self.file}: {len(problems)} problem(s) in the configuration"]
        lines += [f"  - {path or '(top level)'}: {msg}" for path, msg in problems]
        super().__init__("\n".join(lines), hint=hint)


@dataclass(frozen=True)
class Issue:
    """One located data problem. ``row`` is the 1-based row of the original file, as a spreadsheet shows it."""

    file: str
    reason: Reason
    message: str
    row: int | None = None
    column: str | None = None
    hint: str | None = None

    def location(self) -> str:
        parts = [self.file]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column {self.column!r}")
        return ", ".join(parts)

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "row": self.row,
            "column": self.column,
            "reason": self.reason.value,
            "message": self.message,
            "hint": self.hint,
        }


class InputFileError(EvalkitError, ValueError):
    """A raw file cannot be used at all: missing, unreadable, unknown format, broken header, bad encoding."""

    def __init__(
        self,
        file: str | Path,
        reason: Reason,
        message: str,
        *,
        row: int | None = None,
        column: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.issue = Issue(str(file), reason, message, row, column, hint)
        self.reason = reason
        super().__init__(f"{self.issue.location()}: {message}", hint=hint)


class DataError(InputFileError):
    """One value or row of a raw file breaks a rule (unknown code, bad date, duplicate key...)."""


class DataErrors(EvalkitError, ValueError):
    """Several located data problems found in one lazy validation pass (pandera's ``SchemaErrors``)."""

    def __init__(self, issues: list[Issue], *, shown: int = 20) -> None:
        self.issues = list(issues)
        head = f"{len(self.issues)} data problem(s) found"
        body = [f"  - {i.location()}: {i.message}" for i in self.issues[:shown]]
        if len(self.issues) > shown:
            body.append(f"  ... and {len(self.issues) - shown} more (see the data-quality log)")
        hints = sorted({i.hint for i in self.issues if i.hint})
        super().__init__("\n".join([head, *body]), hint="; ".join(hints) or None)


class ReportReason(str, enum.Enum):
    """Reason codes of :class:`ReportError`, for callers and tests to match on."""

    bad_artifacts = "bad_artifacts"
    parameter_mismatch = "parameter_mismatch"
    unknown_parameter = "unknown_parameter"
    unknown_section = "unknown_section"
    unknown_table = "unknown_table"
    cell_failed = "cell_failed"
    cell_timeout = "cell_timeout"
    kernel_failed = "kernel_failed"
    pdf_failed = "pdf_failed"


class ReportError(EvalkitError):
    """The report stage cannot produce a report: bad artifacts, bad parameters or a failing notebook.

    Structured fields say where: ``file`` (the artifact file or notebook concerned), ``problems``
    (``(key_path, what_is_expected)`` pairs, every one found in one pass), and for a failing
    notebook ``cell_index`` (0-based index in the *source* notebook, as JupyterLab counts),
    ``ename`` (the exception's class name) and ``notebook`` (the executed notebook kept for
    debugging).
    """

    def __init__(
        self,
        message: str,
        *,
        reason: ReportReason,
        hint: str | None = None,
        file: str | Path | None = None,
        problems: list[tuple[str, str]] | None = None,
        cell_index: int | None = None,
        ename: str | None = None,
        notebook: str | Path | None = None,
    ) -> None:
        self.reason = reason
        self.file = None if file is None else str(file)
        self.problems = list(problems or [])
        self.cell_index = cell_index
        self.ename = ename
        self.notebook = None if notebook is None else str(notebook)
        lines = [message] + [f"  - {path or '(top level)'}: {msg}" for path, msg in self.problems]
        super().__init__("\n".join(lines), hint=hint)


class KeyReason(str, enum.Enum):
    """Reason codes of :class:`KeyFileError`, for callers and tests to match on."""

    not_configured = "not_configured"
    missing_file = "missing_file"
    not_a_file = "not_a_file"
    unreadable = "unreadable"
    too_short = "too_short"
    too_long = "too_long"
    too_permissive = "too_permissive"
    inside_repository = "inside_repository"
    file_exists = "file_exists"


class KeyFileError(EvalkitError):
    """The pseudonymization key cannot be used or written: not configured, missing, too short,
    readable by others, or inside a repository or project folder.

    ``reason`` is a :class:`KeyReason`; ``file`` is the key file's path (``None`` when no key is
    configured). The message and hint never contain the key's bytes, and the error never chains an
    exception that could.
    """

    def __init__(
        self,
        message: str,
        *,
        reason: KeyReason,
        file: str | Path | None = None,
        hint: str | None = None,
    ) -> None:
        self.reason = reason
        self.file = None if file is None else str(file)
        super().__init__(message, hint=hint)


class KAnonymityError(EvalkitError, ValueError):
    """A person-level table is not k-anonymous on its quasi-identifiers and may not be written.

    Raised by :func:`evalkit.anonymize.kanon.enforce_k` in ``refuse`` mode, or when *k* cannot be
    reached at all. ``columns`` are the quasi-identifiers, ``k_required`` the target and
    ``k_reached`` the table's *k* (the smallest group sharing one combination). The message names
    the columns and *k*, never a value.
    """

    def __init__(
        self,
        columns: list[str],
        *,
        k_required: int,
        k_reached: int,
        message: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.columns = list(columns)
        self.k_required = k_required
        self.k_reached = k_reached
        super().__init__(
            message or (f"k-anonymity: some combination of the quasi-identifiers {self.columns} is shared by "
                        f"only {k_reached} record(s); at least {k_required} are required"),
            hint=hint or ("set anonymize.on_k_violation to 'generalize' (bands, merged categories, "
                          "then local suppression), or declare fewer quasi-identifiers"),
        )


class DisclosureError(EvalkitError):
    """A report bundle cannot be released: a hidden figure stays recoverable, or a re-release needs
    an override. The message names the table and row, never a hidden value."""


class RereleaseError(DisclosureError):
    """A unit already in the release ledger would be published again with different figures."""


class EvalkitWarning(UserWarning):
    """Base class of evalkit's warnings."""


class SmallSampleWarning(EvalkitWarning):
    """A statistic was computed on fewer cases than it needs to be stable."""


class DataQualityWarning(EvalkitWarning):
    """Something in the data looks wrong but does not stop the run (recorded in the data-quality log)."""
