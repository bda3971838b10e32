"""Standard survey fields (status, progress, duration...) and where each platform puts them.

The project file's ``fields:`` entry wins; where it is silent, these per-platform defaults apply.
A default is used only if the export really has that column.
"""

from __future__ import annotations

from evalkit.config import FieldMap

__all__ = ["PLATFORM_FIELDS", "PLATFORM_IDENTIFIERS", "resolve_fields", "platform_identifiers", "PREVIEW_STATUS",
           "TEST_STATUS"]

PLATFORM_FIELDS: dict[str, dict[str, str]] = {
    "qualtrics": {
        "status": "Status",
        "progress": "Progress",
        "finished": "Finished",
        "duration": "Duration (in seconds)",
        "start": "StartDate",
        "end": "EndDate",
        "recorded": "RecordedDate",
        "response_id": "ResponseId",
        "person": "RecipientEmail",
        "distribution_channel": "DistributionChannel",
    },
    "surveymonkey": {
        "start": "start_date",
        "end": "end_date",
        "response_id": "respondent_id",
        "person": "email_address",
    },
    "google_forms": {"recorded": "timestamp", "person": "email_address"},
    "microsoft_forms": {"start": "start_time", "end": "completion_time", "response_id": "id", "person": "email"},
}

#: Columns each platform fills with who answered (names, e-mails, IP addresses, locations): dropped by the
#: anonymize stage whether or not the codebook marks them, unless it gives them another role explicitly.
PLATFORM_IDENTIFIERS: dict[str, tuple[str, ...]] = {
    # ExternalReference is the contact list's own id (often an HR or student number): an identifier too
    "qualtrics": ("RecipientEmail", "RecipientFirstName", "RecipientLastName", "ExternalReference", "IPAddress",
                  "LocationLatitude", "LocationLongitude"),
    "surveymonkey": ("email_address", "first_name", "last_name", "ip_address"),
    "google_forms": ("email_address",),
    "microsoft_forms": ("email", "name"),
}


def platform_identifiers(fmt: str, columns: list[str]) -> list[str]:
    """The columns of an export that its platform fills with who answered (see :data:`PLATFORM_IDENTIFIERS`).

    Examples
    --------
    >>> platform_identifiers("microsoft_forms_csv", ["Id", "Email", "Name", "Q1"])
    ['Email', 'Name']
    """
    from evalkit.ingest._names import slugify

    wanted = {slugify(c) for c in PLATFORM_IDENTIFIERS.get(_platform(fmt), ())}
    return [c for c in columns if slugify(c) in wanted]


# Qualtrics writes Status as text in choice-text exports and as a number in numeric exports.
PREVIEW_STATUS = {"survey preview", "1", "preview", "17", "offline survey preview"}
TEST_STATUS = {"survey test", "2", "spam", "8", "preview spam", "9", "imported spam", "12", "test"}


def _platform(fmt: str) -> str:
    for name in PLATFORM_FIELDS:
        if fmt.startswith(name):
            return name
    return ""


def resolve_fields(fields: FieldMap, fmt: str, columns: list[str]) -> dict[str, str]:
    """Map each standard field to a column of this export: explicit setting, else platform default.

    An explicit setting naming a column the export lacks is returned anyway, so the caller can
    raise a located error; a default the export lacks is left out.
    """
    out: dict[str, str] = {}
    defaults = PLATFORM_FIELDS.get(_platform(fmt), {})
    from evalkit.ingest._names import slugify

    # a default matches a column by name, case-blind, or by normalized name: "Email Address" (a column the
    # project file named by its own header) is Google Forms' email_address
    lower = {**{slugify(c): c for c in columns}, **{c.casefold(): c for c in columns}}
    for name in FieldMap.model_fields:
        explicit = getattr(fields, name)
        if explicit:
            out[name] = explicit
        elif name in defaults:
            hit = lower.get(defaults[name].casefold()) or lower.get(slugify(defaults[name]))
            if hit is not None:
                out[name] = hit
    return out
