"""Cleaning rules for survey exports, applied in a fixed, documented order.

1. column aliases (a column renamed between waves takes its codebook name);
2. preview and test responses dropped;
3. e-mails and names normalized;
4. dates parsed from mixed formats;
5. items coded: codes the export declares missing (SPSS user-missing values, in any column) →
   missing, labels → codes, non-substantive codes → missing, unknown codes are errors;
6. partial responses below the progress threshold dropped;
7. roster link: respondents matched to the roster by e-mail; withdrawn participants dropped;
8. speeders (under a share of the median duration) dropped or flagged;
9. straight-liners (one answer across a scale of ≥ 5 items) flagged or dropped;
10. one response per person and wave: the latest complete one.

Every rule is switchable in the project file and logs what it did (or that it was off or not
applicable) in the :class:`~evalkit.clean.quality.QualityLog`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from evalkit.clean.events import match_events
from evalkit.clean.fields import PREVIEW_STATUS, TEST_STATUS, resolve_fields
from evalkit.clean.items import code_item, declared_missing_cells
from evalkit.clean.normalize import (blank_person_placeholders, looks_like_emails, normalize_email, normalize_name,
                                     parse_date_columns)
from evalkit.clean.quality import Action, Defect, QualityLog
from evalkit.config import CleaningRules, Codebook, Instrument, Source
from evalkit.errors import DataErrors, Issue, Reason
from evalkit.ingest._table import SurveyData

__all__ = ["CleanTable", "clean_survey", "Roster"]


@dataclass(frozen=True)
class Roster:
    """Roster attributes keyed by normalized e-mail, for linking survey rows to participants."""

    by_email: pd.DataFrame  # index: normalized e-mail; columns: attributes + "status" (+ "_consent")
    attributes: tuple[str, ...]
    cadre_attribute: str | None = None


@dataclass
class CleanTable:
    """One cleaned source, in memory. ``data`` may still hold identifiers; see ``publishable()``."""

    source: Source
    data: pd.DataFrame
    fields: dict[str, str]
    identifier_columns: tuple[str, ...]
    drop_columns: tuple[str, ...]

    def publishable(self) -> pd.DataFrame:
        """The columns that may be written to ``data_processed/``: no identifiers, no raw free text."""
        keep = [c for c in self.data.columns if c not in set(self.drop_columns)]
        return self.data[keep]


def _log(log: QualityLog, src: Source, rule: str, defect: Defect | None, action: Action, **kw) -> None:
    log.add(src.id, src.file, rule, defect, action, **kw)


def _truthy(s: pd.Series) -> pd.Series:
    t = s.astype("string").str.strip().str.casefold()
    return t.isin(["1", "true", "yes", "y", "t"]).fillna(False).astype(bool)


def _numeric(s: pd.Series) -> pd.Series:
    return pd.to_numeric(s.astype("string").str.replace(",", "", regex=False).str.strip(), errors="coerce")


def clean_survey(
    raw: SurveyData,
    source: Source,
    codebook: Codebook,
    rules: CleaningRules,
    log: QualityLog,
    *,
    roster: Roster | None = None,
    events: pd.DataFrame | None = None,
) -> CleanTable:
    """Apply the survey rules to one export (see the module docstring for the order).

    Raises
    ------
    DataErrors
        Every located problem the rules cannot resolve (unknown codes, dates in no known format,
        a configured column missing from the export), all at once.
    """
    inst: Instrument = codebook.instruments[source.instrument]  # type: ignore[index]
    df = raw.data.copy()
    file = raw.path.name
    issues: list[Issue] = []

    # 1. aliases
    alias_map = inst.alias_map()
    renames = {c: alias_map[c] for c in df.columns if c in alias_map and alias_map[c] not in df.columns}
    if not rules.apply_aliases:
        _log(log, source, "apply_aliases", Defect.renamed_column, Action.off)
    elif renames:
        df = df.rename(columns=renames)
        _log(log, source, "apply_aliases", Defect.renamed_column, Action.renamed, count=len(renames),
             columns=[f"{a} -> {b}" for a, b in renames.items()])

    fields = resolve_fields(source.fields, raw.source.format, list(df.columns))
    for name, col in fields.items():
        if col not in df.columns:
            issues.append(Issue(file, Reason.missing_column, f"the project file maps field '{name}' to a column the export lacks",
                                column=col, hint=f"fix sources[{source.id}].fields.{name} or re-export with that column"))
    missing_items = [i for i in inst.items if i not in df.columns and inst.items[i].wave in (None, source.wave)]
    if issues:
        raise DataErrors(issues)

    # 2. preview and test rows
    status = df[fields["status"]].astype("string").str.strip().str.casefold() if "status" in fields else None
    channel = (df[fields["distribution_channel"]].astype("string").str.strip().str.casefold()
               if "distribution_channel" in fields else None)
    for rule, on, defect, values, channel_value in (
        ("drop_preview", rules.drop_preview, Defect.preview_response, PREVIEW_STATUS, "preview"),
        ("drop_test", rules.drop_test, Defect.test_response, TEST_STATUS, "test"),
    ):
        markers = rule == "drop_test" and any(c in df.columns for c in rules.test_markers)
        if status is None and channel is None and not markers:
            _log(log, source, rule, defect, Action.not_applicable, detail="export has no status column")
            continue
        hit = pd.Series(False, index=df.index)
        if status is not None:
            hit |= status.reindex(df.index).isin(values).fillna(False)
        if channel is not None:
            hit |= channel.reindex(df.index).eq(channel_value).fillna(False)
        if rule == "drop_test":
            for col, pattern in rules.test_markers.items():
                if col in df.columns:
                    hit |= df[col].astype("string").str.contains(pattern, case=False, regex=True).fillna(False)
        if not on:
            _log(log, source, rule, defect, Action.off, rows=df.index[hit])
            continue
        _log(log, source, rule, defect, Action.dropped, rows=df.index[hit])
        df = df[~hit]

    # 3. e-mails and names. A person column of ids (ResponseId, an employee number) is a key, not an e-mail:
    # it is only trimmed. Placeholders ("anonymous") name nobody and become missing.
    person = fields.get("person")
    if person and person in df.columns:
        df[person], placeholder = blank_person_placeholders(df[person])
        if placeholder.any():
            _log(log, source, "person_placeholders", None, Action.recoded, rows=df.index[placeholder],
                 columns=[person], detail="placeholders such as 'anonymous' in the person column made missing "
                                          "(they name nobody)")
    person_is_email = bool(person) and person in df.columns and (
        looks_like_emails(df[person]) or person in source.email_columns
        or getattr(inst.columns.get(person), "kind", None) == "email")
    if person and person in df.columns and not person_is_email:
        df[person] = df[person].astype("string").str.strip()
    email_cols = [c for c in dict.fromkeys([*source.email_columns, *([person] if person_is_email else [])])
                  if c in df.columns]
    email_cols += [c for c, spec in inst.columns.items() if spec.kind == "email" and c in df.columns and c not in email_cols]
    name_cols = [c for c, spec in inst.columns.items() if spec.kind in ("name", "first_name", "last_name") and c in df.columns]
    name_cols += [c for c in source.name_columns if c in df.columns and c not in name_cols]
    for rule, on, defect, cols, fn in (
        ("normalize_emails", rules.normalize_emails, Defect.email_noise, email_cols, normalize_email),
        ("normalize_names", rules.normalize_names, None, name_cols, normalize_name),
    ):
        if not cols:
            _log(log, source, rule, defect, Action.not_applicable, detail="no such columns")
        elif not on:
            _log(log, source, rule, defect, Action.off, columns=cols)
        else:
            changed_rows: set[int] = set()
            for c in cols:
                df[c], changed = fn(df[c])
                changed_rows |= set(df.index[changed])
            _log(log, source, rule, defect, Action.recoded, rows=changed_rows, columns=cols)

    # 4. dates
    date_cols = [c for c in dict.fromkeys([*(fields[f] for f in ("start", "end", "recorded") if f in fields),
                                            *source.date_columns]) if c in df.columns]
    if not rules.normalize_dates:
        _log(log, source, "normalize_dates", Defect.mixed_date_format, Action.off, columns=date_cols)
    elif date_cols:
        typed = {c: raw.columns[c].date_cells for c in date_cols if c in raw.columns}
        df, mixed_rows, mixed_cells, bad = parse_date_columns(df, date_cols, file=file, day_first=rules.day_first,
                                                              typed=typed)
        issues += bad
        _log(log, source, "normalize_dates", Defect.mixed_date_format, Action.recoded, rows=mixed_rows,
             count=mixed_cells, columns=date_cols, detail="cells written in another format than the column's usual one")

    # 5. items. First the codes the export itself declares missing (SPSS -1, 999, 2000 thru 3000), in any
    # column: they are missing values, not answers, so they never meet the response scale.
    applied = renames if rules.apply_aliases else {}
    declared = {applied.get(c, c): m.missing_codes for c, m in raw.columns.items() if m.missing_codes}
    if declared:
        masks, miss_rows, miss_cells = declared_missing_cells(df, declared)
        if rules.non_substantive_to_missing:
            for col, hit in masks.items():
                df[col] = df[col].mask(hit)
        _log(log, source, "source_missing_to_missing", Defect.non_substantive_code,
             Action.recoded if rules.non_substantive_to_missing else Action.off, rows=miss_rows, count=miss_cells,
             columns=list(masks) or [c for c in declared if c in df.columns],
             detail="cells holding a code the export declares missing (SPSS missing values) set missing")
    label_rows: set[int] = set()
    ns_rows: set[int] = set()
    label_cells = ns_cells = 0
    item_cols = [i for i in inst.items if i in df.columns]
    for col in item_cols:
        item = inst.items[col]
        coded, rec = code_item(df[col], codebook.response_scales[item.scale], file=file, column=col,
                               labels_to_codes=rules.labels_to_codes,
                               non_substantive_to_missing=rules.non_substantive_to_missing)
        df[col] = coded
        label_rows |= set(rec.labels)
        ns_rows |= set(rec.non_substantive)
        label_cells += len(rec.labels)
        ns_cells += len(rec.non_substantive)
        issues += rec.issues
    if issues:
        raise DataErrors(issues)
    # An export of choice text (every answer a label) is a format, not a defect: log it without one.
    label_export = bool(item_cols) and label_cells > 0.5 * int(df[item_cols].notna().sum().sum())
    _log(log, source, "labels_to_codes", None if label_export else Defect.label_instead_of_code,
         Action.recoded if rules.labels_to_codes else Action.off, rows=label_rows, count=label_cells,
         columns=item_cols, detail="choice-text export: every label coded" if label_export else "cells holding a label where a code belongs")
    _log(log, source, "non_substantive_to_missing", Defect.non_substantive_code,
         Action.recoded if rules.non_substantive_to_missing else Action.off, rows=ns_rows, count=ns_cells,
         columns=item_cols, detail="cells set missing (Don't know, N/A, 99...)")
    if missing_items:
        _log(log, source, "items_present", None, Action.reported, count=len(missing_items), columns=missing_items,
             detail="codebook items absent from this export")

    # 6. partial responses
    finished = _truthy(df[fields["finished"]]) if "finished" in fields else None
    progress = _numeric(df[fields["progress"]]) if "progress" in fields else None
    if finished is None and progress is None:
        # The export does not say how far people got; a blank item is not evidence of a partial.
        finished = pd.Series(True, index=df.index)
        progress = pd.Series(100.0, index=df.index)
        _log(log, source, "partial", Defect.partial_response, Action.not_applicable,
             detail="export has no finished/progress columns")
    elif finished is None:
        finished = progress.ge(100)
    elif progress is None:
        progress = finished.map({True: 100.0, False: 0.0})
    partial = ~finished
    df["_complete"] = finished
    # Without finished/progress columns the rule was logged as not applicable above.
    has_progress = "finished" in fields or "progress" in fields
    if has_progress and rules.partial == "keep":
        _log(log, source, "partial", Defect.partial_response, Action.flagged, rows=df.index[partial])
    elif has_progress:
        drop = partial & progress.lt(rules.partial_min_progress).fillna(True)
        _log(log, source, "partial", Defect.partial_response, Action.dropped, rows=df.index[drop],
             detail=f"progress under {rules.partial_min_progress:g}%")
        if (partial & ~drop).any():
            _log(log, source, "partial_kept", Defect.partial_response, Action.flagged, rows=df.index[partial & ~drop],
                 detail=f"unfinished but progress at least {rules.partial_min_progress:g}%")
        df = df[~drop]

    # 7. roster link and withdrawn participants
    if roster is not None and person and person in df.columns:
        attrs = roster.by_email.reindex(df[person].astype(object).where(df[person].notna(), None))
        attrs.index = df.index
        for a in source.roster_attributes:
            if a in attrs.columns:
                df[a] = attrs[a]
        unmatched = df[person].notna() & attrs["status"].isna()
        _log(log, source, "roster_link", Defect.unmatched_roster, Action.reported, rows=df.index[unmatched],
             detail="respondent e-mail not found in the roster")
        if "_consent" in attrs.columns:
            refused = attrs["_consent"].astype("string").str.strip().str.casefold().isin(["n", "no", "false", "0"]).fillna(False)
            if rules.require_consent:
                _log(log, source, "require_consent", Defect.no_consent, Action.dropped, rows=df.index[refused],
                     detail="participant did not consent to the evaluation")
                df, attrs = df[~refused.to_numpy()], attrs[~refused.to_numpy()]
            else:
                _log(log, source, "require_consent", Defect.no_consent, Action.off, rows=df.index[refused])
        withdrawn = attrs["status"].astype("string").str.casefold().eq("withdrawn").fillna(False)
        if rules.drop_withdrawn:
            _log(log, source, "drop_withdrawn", Defect.withdrawn_participant, Action.dropped, rows=df.index[withdrawn])
            df = df[~withdrawn.to_numpy()]
        else:
            _log(log, source, "drop_withdrawn", Defect.withdrawn_participant, Action.off, rows=df.index[withdrawn])
    else:
        _log(log, source, "drop_withdrawn", Defect.withdrawn_participant, Action.not_applicable,
             detail="no roster link or no person column")

    # 7b. per-event evaluations: which event does each response evaluate?
    event_col = fields.get("event")
    if event_col and events is not None and rules.match_events:
        when_col = fields.get("start") or fields.get("recorded") or fields.get("end")
        cadre_attr = roster.cadre_attribute if roster is not None else None
        m = match_events(df[event_col], events, when=df[when_col] if when_col else None,
                         cadre=df[cadre_attr] if cadre_attr and cadre_attr in df.columns else None,
                         threshold=rules.event_match_threshold, review_below=rules.event_match_review_below,
                         window_days=source.event_window_days)
        df["event_id"] = m.event_id
        df["event_match_status"] = m.status
        review = m.status.isin(["review", "ambiguous", "unmatched"]).fillna(False)
        _log(log, source, "match_events", Defect.event_match_review, Action.flagged, rows=df.index[review],
             columns=[event_col], detail="event names accepted below the review score, ambiguous or unmatched")
        wrong = pd.Series(False, index=df.index)
        if cadre_attr and cadre_attr in df.columns and "cadre" in events.columns:
            event_cadre = df["event_id"].map(events.set_index("event_id")["cadre"])
            wrong = (event_cadre.notna() & df[cadre_attr].notna() & (event_cadre != df[cadre_attr])).fillna(False)
        df["wrong_event"] = wrong.astype(bool)
        _log(log, source, "wrong_event", Defect.wrong_event, Action.flagged, rows=df.index[wrong],
             detail="the named event belongs to another cadre than the respondent's (kept, excluded from per-event results)")
    elif event_col:
        _log(log, source, "match_events", Defect.event_match_review,
             Action.off if not rules.match_events else Action.not_applicable)

    # 8. speeders
    duration = None
    if "duration" in fields:
        duration = _numeric(df[fields["duration"]])
    elif "start" in fields and "end" in fields:
        duration = (df[fields["end"]] - df[fields["start"]]).dt.total_seconds()
    if rules.speeders == "off" or duration is None:
        _log(log, source, "speeders", Defect.speeder, Action.off if rules.speeders == "off" else Action.not_applicable)
        df["_speeder"] = False
    else:
        median = duration[df["_complete"]].median()
        speeder = duration.lt(rules.speeder_fraction * median).fillna(False) & df["_complete"]
        df["_speeder"] = speeder
        action = Action.dropped if rules.speeders == "drop" else Action.flagged
        _log(log, source, "speeders", Defect.speeder, action, rows=df.index[speeder],
             detail=f"under {rules.speeder_fraction:.3g} x median duration of complete responses")
        if rules.speeders == "drop":
            df = df[~speeder]

    # 9. straight-liners
    long_scales = {n: s for n, s in inst.scales.items() if len(s.items) >= rules.straightline_min_items
                   and all(i in df.columns for i in s.items)}
    straight = pd.Series(False, index=df.index)
    for scale in long_scales.values():
        block = df[scale.items]
        # Every item answered, all with the same code (a skipped or "don't know" item breaks the line).
        straight |= block.notna().all(axis=1) & block.nunique(axis=1).eq(1)
    df["_straightliner"] = straight
    if rules.straightliners == "off" or not long_scales:
        _log(log, source, "straightliners", Defect.straight_liner,
             Action.off if rules.straightliners == "off" else Action.not_applicable)
    else:
        action = Action.dropped if rules.straightliners == "drop" else Action.flagged
        _log(log, source, "straightliners", Defect.straight_liner, action, rows=df.index[straight],
             columns=list(long_scales))
        if rules.straightliners == "drop":
            df = df[~straight]

    # 10. one response per person and wave
    if rules.dedupe == "off" or not person or person not in df.columns or inst.anonymous:
        _log(log, source, "dedupe", Defect.duplicate_response,
             Action.off if rules.dedupe == "off" else Action.not_applicable)
    else:
        when = fields.get("recorded") or fields.get("end") or fields.get("start")
        order = df.assign(_when=df[when] if when else pd.Series(np.arange(len(df)), index=df.index),
                          _row=df.index)
        if rules.dedupe == "latest_complete":
            order = order.sort_values(["_complete", "_when", "_row"], ascending=[False, False, False])
        else:
            order = order.sort_values(["_row"])
        has_person = order[person].notna()
        # Per-event evaluations: one response per person *and event*.
        subset = [person, "event_id"] if "event_id" in order.columns else [person]
        dup = order[has_person].duplicated(subset=subset, keep="first")
        involved = order[has_person].duplicated(subset=subset, keep=False)
        dup_rows = dup.index[dup]
        kept = "latest complete" if rules.dedupe == "latest_complete" else "first"
        _log(log, source, "duplicates", Defect.duplicate_response, Action.reported, rows=involved.index[involved],
             detail=f"responses of people who answered this wave more than once; the {kept} one of each is kept")
        _log(log, source, "dedupe", None, Action.dropped, rows=dup_rows,
             detail=f"duplicates dropped (all but the {kept} response per person)")
        df = df.drop(index=dup_rows)

    df["wave"] = source.wave
    df["instrument"] = source.instrument
    ident = [c for c, spec in inst.columns.items() if spec.role.value in ("identifier",) and c in df.columns]
    ident += [c for c in email_cols + name_cols if c not in ident]
    drop = ident + [c for c, spec in inst.columns.items()
                    if spec.role.value in ("free_text", "self_code") and c in df.columns]
    df = df.rename(columns={"_complete": "complete", "_speeder": "speeder", "_straightliner": "straightliner"})
    return CleanTable(source=source, data=df, fields=fields, identifier_columns=tuple(ident),
                      drop_columns=tuple(dict.fromkeys(drop)))
