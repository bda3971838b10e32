"""Cleaning rules for the non-survey files: rosters, event lists, attendance, logs, trackers, HR, outcomes.

Rules by source kind (each logged in the data-quality log):

* every kind: codes the export declares missing (SPSS user-missing values) set missing (the
  ``non_substantive_to_missing`` switch), e-mails and names normalized (``email_columns``,
  ``name_columns``), dates parsed (``date_columns``), the ``key`` columns checked for duplicates
  (a located error);
* roster: withdrawn participants flagged (a ``status`` of "withdrawn"), so counts can leave them out;
* attendance: free-typed event names (``fields.event``) matched to the event list;
* outcomes: state suppression marks ("*", "<10", "n<10") become missing with a ``<column>_mark``
  column beside, so nobody mistakes a suppressed cell for a zero.
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from evalkit.clean.events import match_events
from evalkit.clean.items import declared_missing_cells
from evalkit.clean.outcomes import FLAG_COLUMNS, parse_flags, parse_marked_numbers
from evalkit.clean.normalize import is_blank, normalize_email, normalize_name, parse_date_columns
from evalkit.clean.quality import Action, Defect, QualityLog
from evalkit.clean.survey import CleanTable
from evalkit.config import CleaningRules, Source, SourceKind
from evalkit.errors import DataErrors, Issue, Reason
from evalkit.ingest._table import SurveyData

__all__ = ["clean_table", "parse_state_values"]

def _arrow_text(s: pd.Series) -> pa.Array:
    """A column as pyarrow text (missing stays missing), for the rules shared with the pyarrow path."""
    return pa.array([None if pd.isna(v) else str(v) for v in s.astype(object)], type=pa.string())


def parse_state_values(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Split a published value column into numbers and suppression marks (pandas front end).

    The rule itself lives in :func:`evalkit.clean.outcomes.parse_marked_numbers`, shared with the
    million-row pyarrow path.

    Examples
    --------
    >>> v, m = parse_state_values(pd.Series(["45.2", "*", "<10", "1,204", "9.9%"]))
    >>> v.tolist()[:1], v.isna().tolist()[1:3], m.tolist()[1:3], v.tolist()[3:]
    ([45.2], [True, True], ['*', '<10'], [1204.0, 9.9])
    """
    nums, marks = parse_marked_numbers(_arrow_text(s))
    value = pd.Series(nums.to_numpy(zero_copy_only=False), index=s.index, dtype="float64")
    mark = pd.Series(marks.to_pylist(), index=s.index, dtype="string")
    return value, mark


def clean_table(
    raw: SurveyData,
    source: Source,
    rules: CleaningRules,
    log: QualityLog,
    *,
    events: pd.DataFrame | None = None,
) -> CleanTable:
    """Clean one non-survey source (see the module docstring)."""
    df = raw.data.copy()
    file = raw.path.name
    issues: list[Issue] = []
    configured = [*source.email_columns, *source.name_columns, *source.date_columns, *source.key,
                  *([source.fields.event] if source.fields.event else [])]
    for col in dict.fromkeys(configured):
        if col not in df.columns:
            issues.append(Issue(file, Reason.missing_column, "the project file names a column the file lacks",
                                column=col, hint=f"fix the column name in sources[{source.id}] or re-export the file"))
    if issues:
        raise DataErrors(issues)

    declared = {c: m.missing_codes for c, m in raw.columns.items() if m.missing_codes}
    if declared:
        masks, miss_rows, miss_cells = declared_missing_cells(df, declared)
        if rules.non_substantive_to_missing:
            for col, hit in masks.items():
                df[col] = df[col].mask(hit)
        log.add(source.id, source.file, "source_missing_to_missing", Defect.non_substantive_code,
                Action.recoded if rules.non_substantive_to_missing else Action.off, rows=miss_rows,
                count=miss_cells, columns=list(masks) or [c for c in declared if c in df.columns],
                detail="cells holding a code the export declares missing (SPSS missing values) set missing")

    for rule, on, defect, cols, fn in (
        ("normalize_emails", rules.normalize_emails, Defect.email_noise, source.email_columns, normalize_email),
        ("normalize_names", rules.normalize_names, None, source.name_columns, normalize_name),
    ):
        if not cols:
            continue
        if not on:
            log.add(source.id, source.file, rule, defect, Action.off, columns=cols)
            continue
        rows: set[int] = set()
        for c in cols:
            df[c], changed = fn(df[c])
            rows |= set(df.index[changed])
        log.add(source.id, source.file, rule, defect, Action.recoded, rows=rows, columns=cols)

    if source.date_columns:
        if rules.normalize_dates:
            typed = {c: raw.columns[c].date_cells for c in source.date_columns if c in raw.columns}
            df, mixed, cells, bad = parse_date_columns(df, source.date_columns, file=file, day_first=rules.day_first,
                                                       typed=typed)
            issues += bad
            log.add(source.id, source.file, "normalize_dates", Defect.mixed_date_format, Action.recoded,
                    rows=mixed, count=cells, columns=source.date_columns,
                    detail="cells written in another format than the column's usual one")
        else:
            log.add(source.id, source.file, "normalize_dates", Defect.mixed_date_format, Action.off)

    if source.key:
        keyed = df[source.key]
        present = ~keyed.apply(is_blank).any(axis=1)
        dup = keyed[present].duplicated(keep=False)
        for idx in dup.index[dup]:
            issues.append(Issue(file, Reason.duplicate_key, f"key ({', '.join(source.key)}) is not unique",
                                row=int(idx), column=source.key[0],
                                hint="remove the duplicate row in a copy of the export, or fix the key columns in the project file"))
    if issues:
        raise DataErrors(issues)

    if source.kind == SourceKind.roster and "status" in df.columns:
        withdrawn = df["status"].astype("string").str.strip().str.casefold().eq("withdrawn").fillna(False)
        df["withdrawn"] = withdrawn.to_numpy()
        log.add(source.id, source.file, "withdrawn", Defect.withdrawn_participant, Action.flagged,
                rows=df.index[withdrawn], detail="kept in the roster, left out of participant counts")

    if source.fields.event and events is not None and rules.match_events:
        when = source.fields.start or source.fields.recorded
        m = match_events(df[source.fields.event], events, when=df[when] if when in df.columns else None,
                         threshold=rules.event_match_threshold, review_below=rules.event_match_review_below,
                         window_days=source.event_window_days)
        df["event_id_matched"] = m.event_id
        df["event_match_score"] = m.score
        df["event_match_status"] = m.status
        review = m.status.isin(["review", "ambiguous", "unmatched"]).fillna(False)
        log.add(source.id, source.file, "match_events", Defect.event_match_review, Action.flagged,
                rows=df.index[review], columns=[source.fields.event],
                detail="event names matched below the review score, ambiguous or unmatched")
    elif source.fields.event:
        log.add(source.id, source.file, "match_events", Defect.event_match_review,
                Action.off if not rules.match_events else Action.not_applicable)

    if source.kind == SourceKind.outcomes:
        marked_rows: set[int] = set()
        marked_columns: list[str] = []
        # n_tested too: a state prints "<10" for a small count as it does for a small group's value; and the
        # values a wide file was made long into (sources[].wide.value), split row by row: a mark stays its subgroup's
        made_long = source.wide.value if source.wide is not None else None
        # every count column of the n_* convention too (n_enrolled, n_identified, n_screened...): a suppressed
        # count is a mark with its reason, never text the analyses would have to guess at
        for col in [c for c in df.columns if c in ("value", "n_tested", made_long)
                    or c.endswith(("_value", "_pct", "_rate")) or c.startswith("n_")]:
            value, mark = parse_state_values(df[col])
            df[col] = value
            df[f"{col}_mark"] = mark
            if mark.notna().any():
                marked_rows |= set(df.index[mark.notna()])
                marked_columns.append(col)
        log.add(source.id, source.file, "state_marks", None, Action.recoded, rows=marked_rows,
                columns=marked_columns, detail="state suppression marks kept as marks, values set missing")
        for col in [c for c in FLAG_COLUMNS if c in df.columns]:
            # the rule of the million-row path, so both paths give the same booleans
            flags = parse_flags(_arrow_text(df[col]))
            df[col] = pd.Series(flags.to_pylist(), index=df.index, dtype="boolean")

    ident = [c for c, spec in source.columns.items() if spec.role.value in ("identifier", "self_code")
             and c in df.columns]
    ident += [c for c in (*source.email_columns, *source.name_columns) if c not in ident]
    # free text stays for the anonymize stage to redact (a survey's comments do the same); only identifiers go
    text = [c for c, spec in source.columns.items() if spec.role.value == "free_text" and c in df.columns]
    return CleanTable(source=source, data=df, fields={}, identifier_columns=tuple(ident),
                      drop_columns=tuple(ident + text))
