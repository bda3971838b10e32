"""The anonymize stage: the only door from cleaned data (in memory) to ``data_processed/``.

For every cleaned table, in this order:

1. **link before hashing**: survey rows whose e-mail is not on the roster are matched to a roster
   person on name + school (unique best match above ``fuzzy_threshold``), in memory;
2. **pseudonymize**: person keys become keyed HMAC pseudonyms (``person_id`` from the canonical
   e-mail, ``response_id``, ``employee_id``, registration ids), per project and identifier type;
3. **self-generated codes**: an anonymous survey's later wave is linked to its earlier wave element by
   element (``panel_id``), then the code is dropped;
4. **redact** every free-text column; comments with a self-identifying phrase go to the review queue
   (``review_dir``, outside ``data_processed/`` and ``reports/``) and are withheld until released;
5. **drop** every identifier and self-code column;
6. **measure** k on the table's declared quasi-identifiers (kept as they are: the k gate belongs to
   person-level extracts, :mod:`evalkit.anonymize.export`);
7. **check and write**: no e-mail or phone left in any text column, then parquet via temporary files.

Nothing is written until every table has passed, and the key never leaves :class:`PseudonymKey`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from evalkit._io import atomic_path, atomic_write_text
from evalkit.clean.checks import build_detector, column_specs, free_text_columns
from evalkit.clean.fields import platform_identifiers
from evalkit.clean.quality import Action, Defect, QualityLog
from evalkit.config import ColumnRole, ProjectConfig, Source, SourceKind
from evalkit.errors import DataError, Reason
from evalkit.pii import PATTERNS

if TYPE_CHECKING:  # pragma: no cover
    from evalkit.anonymize.keys import PseudonymKey
    from evalkit.clean.survey import CleanTable
    from evalkit.ingest._table import SurveyData

__all__ = ["AnonymizeResult", "anonymize_tables", "write_processed", "check_no_identifiers", "REVIEW_PLACEHOLDER"]

REVIEW_PLACEHOLDER = "[held for review]"
#: The attendance review list: rows no roster person could be matched to, with what was typed.
ATTENDANCE_REVIEW_COLUMNS = ["source", "file", "row", "outcome", "candidates", "name_as_written", "email_as_written"]


@dataclass
class AnonymizeResult:
    """What the stage produced: safe tables (not yet written) and its own log."""

    tables: dict[str, pd.DataFrame]
    linkage: list[dict[str, Any]] = field(default_factory=list)
    kanon: list[dict[str, Any]] = field(default_factory=list)
    redaction: list[dict[str, Any]] = field(default_factory=list)
    review: pd.DataFrame | None = None
    attendance_review: pd.DataFrame | None = None   # identified: written to the review folder only, mode 0600
    key_fingerprint: str = ""


def _roster_frames(cfg: ProjectConfig, tables: dict[str, CleanTable]) -> dict[str, CleanTable]:
    return {sid: t for sid, t in tables.items() if t.source.kind == SourceKind.roster and t.source.email_columns}


def anonymize_tables(cfg: ProjectConfig, tables: dict[str, CleanTable], raws: dict[str, SurveyData], *,
                     key: PseudonymKey, log: QualityLog) -> AnonymizeResult:
    """Run steps 1-6 on every table (in memory); the caller writes with :func:`write_processed`."""
    from evalkit.anonymize.kanon import k_anonymity
    from evalkit.anonymize.linkage import fuzzy_fallback
    from evalkit.anonymize.pseudonym import Pseudonymizer
    from evalkit.anonymize.redaction import Redactor
    from evalkit.anonymize.sgic import link_codes

    policy = cfg.project.anonymize
    pz = Pseudonymizer(key, project=cfg.project.project, linkage_key=policy.linkage_key,
                       length=policy.pseudonym_length)
    redactor = Redactor(build_detector(cfg, tables))
    rosters = _roster_frames(cfg, tables)
    result = AnonymizeResult(tables={}, key_fingerprint=key.fingerprint)
    review_rows: list[dict[str, Any]] = []
    attendance_review: list[dict[str, Any]] = []
    released = _released(cfg)
    earlier_panels: dict[str, pd.Series] = {}  # earlier wave's source id -> its rows' panel ids

    for sid, table in tables.items():
        src = table.source
        df = table.data.copy()
        specs = column_specs(cfg, table)
        person = table.fields.get("person") if table.fields else None

        # 1. Link before hashing: canonical e-mail = roster e-mail when the row is on the roster.
        link_col = None
        if person and person in df.columns:
            df["_link"] = df[person]
            link_col = "_link"
            by_rule = {"email": int(df[person].notna().sum())}
            roster = rosters.get(src.roster_link or "")
            if roster is not None and "cadre_id" in df.columns:
                by_rule.update(_fallback(df, person, roster, table, specs, fuzzy_fallback, policy.fuzzy_threshold))
            result.linkage.append({"source": sid, "wave": src.wave, "rule_counts": by_rule})
        elif src.kind == SourceKind.attendance and src.roster_link in rosters:
            # an attendance row is one roster person's, found by e-mail, alias, name or nickname; the rest is
            # logged and listed for a person to resolve, never guessed (evalkit.anonymize.attendance)
            df["_link"], df["roster_match"], counts = _attendance_link(cfg, sid, table, df, rosters[src.roster_link],
                                                                      attendance_review, log)
            link_col = "_link"
            result.linkage.append({"source": sid, "linked_to": src.roster_link, "rule_counts": counts})

        # 2. Pseudonyms.
        if link_col:
            df["person_id"] = pz.series(df[link_col], "email")
        for col, spec in specs.items():
            if col not in df.columns or col == person:
                continue
            if spec.role == ColumnRole.key and spec.kind in (None, "id"):
                df[col] = pz.series(_id_text(df[col]), "response_id")
            elif spec.role == ColumnRole.identifier and spec.kind == "id":
                df[f"{col}_pid"] = _pseudonymize_ids(pz, df[col], col)
        # The export's own response id (ResponseId, respondent_id, a form's Id) is a record id: keyed too,
        # whether or not the codebook marks it (docs/anonymize.md, step 2).
        rid = (table.fields or {}).get("response_id")
        if rid and rid in df.columns and rid not in specs and rid != person:
            df[rid] = pz.series(_id_text(df[rid]), "response_id")
        for col in src.email_columns:
            if col in df.columns and "person_id" not in df.columns:
                df["person_id"] = pz.series(df[col], "email")

        # 3. Self-generated codes (anonymous panel).
        code_col = next((c for c, s in specs.items() if s.role == ColumnRole.self_code and c in df.columns), None)
        if code_col and src.panel_with and src.panel_with in tables and src.self_code_elements:
            earlier = tables[src.panel_with].data
            block = ("school_code", "school_code") if "school_code" in df.columns and "school_code" in earlier.columns else None
            res = link_codes(earlier[code_col], df[code_col], elements=list(src.self_code_elements),
                             max_mismatch=policy.sgic_max_mismatch,
                             min_elements_for_mismatch=policy.sgic_min_elements_for_mismatch,
                             block=(earlier[block[0]], df[block[1]]) if block else None)
            panel = pd.Series(pd.NA, index=df.index, dtype="string")
            pre_ids = pz.series(pd.Series([f"{src.panel_with}:{r}" for r in res.pairs["pre_row"]], dtype="string"),
                                "sgic_panel")
            panel.loc[list(res.pairs["post_row"])] = list(pre_ids)
            df["panel_id"] = panel
            result.linkage.append({"source": sid, "wave": src.wave, "linked_to": src.panel_with,
                                   "rule_counts": {"sgic_exact": res.n_exact, "sgic_one_element": res.n_fuzzy},
                                   "unmatched_later_wave": res.n_unmatched_post,
                                   "unmatched_earlier_wave": res.n_unmatched_pre})
            earlier_panel = pd.Series(pd.NA, index=earlier.index, dtype="string", name="panel_id")
            earlier_panel.loc[list(res.pairs["pre_row"])] = list(pre_ids)
            earlier_panels[src.panel_with] = earlier_panel

        # 4. Redaction; self-identifying comments wait for a person's release.
        for col in free_text_columns(cfg, table):
            red = redactor.redact_series(df[col], document_level=src.kind == SourceKind.notes)
            held = red["needs_review"].fillna(False).astype(bool)
            held &= ~pd.Series([(sid, int(i), col) in released for i in df.index], index=df.index)
            for idx in df.index[held]:
                review_rows.append({"source": sid, "file": src.file, "row": int(idx), "column": col,
                                    "redacted_text": red.at[idx, "text"], "labels": red.at[idx, "labels"]})
            df[col] = red["text"].where(~held, REVIEW_PLACEHOLDER)
            result.redaction.append({"source": sid, "column": col, "cells": int(df[col].notna().sum()),
                                     # (a cell only sent to review had nothing replaced: not counted)
                                     "cells_redacted": int(red["labels"].map(
                                         lambda ls: any(lab != "SELF_ID" for lab in ls.split(";") if lab)).sum()),
                                     "held_for_review": int(held.sum())})

        # 5. Identifiers out.
        drop = set(table.identifier_columns) | {c for c, s in specs.items()
                                                 if s.role in (ColumnRole.identifier, ColumnRole.self_code)}
        drop |= {c for c in (person, link_col) if c}
        # what the platform itself fills with who answered goes too, unless the codebook gives it a role
        drop |= {c for c in platform_identifiers(raws[sid].source.format, list(df.columns)) if c not in specs}
        df = df.drop(columns=[c for c in df.columns if c in drop])

        # 6. k measured on the declared quasi-identifiers. The analysis store keeps them as they are
        #    (per-school and per-role results need them, and every figure made from the store passes the
        #    disclosure rule); the k gate applies to person-level extracts that leave the project
        #    (evalkit.anonymize.export, `evalkit export`).
        qis = [c for c, s in specs.items() if s.role == ColumnRole.quasi_identifier and c in df.columns]
        if qis and len(df):
            k_store = k_anonymity(df, qis)
            result.kanon.append({"source": sid, "quasi_identifiers": qis, "k": k_store, "target_for_export": policy.k})
            log.add(sid, src.file, "k_anonymity", None, Action.reported, count=0, columns=qis,
                    detail=f"k = {k_store} in the analysis store; person-level extracts are made k >= {policy.k} "
                           "by `evalkit export`")
        result.tables[sid] = df

    _wave_links(cfg, tables, result)

    # Earlier waves of a self-coded panel get the panel ids found for them.
    for sid, panel in earlier_panels.items():
        if sid in result.tables:
            result.tables[sid] = result.tables[sid].join(panel, how="left")
    result.review = pd.DataFrame(review_rows, columns=["source", "file", "row", "column", "redacted_text", "labels"])
    result.attendance_review = pd.DataFrame(attendance_review, columns=ATTENDANCE_REVIEW_COLUMNS)
    for r in result.redaction:
        if r["held_for_review"]:
            log.add(r["source"], tables[r["source"]].source.file, "review_queue", Defect.pii_in_free_text,
                    Action.flagged, count=r["held_for_review"], columns=[r["column"]],
                    detail="self-identifying comments held in the review queue until a person releases them")
    return result


def _wave_links(cfg: ProjectConfig, tables: dict[str, CleanTable], result: AnonymizeResult) -> None:
    """Match rates between the pre and post waves of each instrument, and the attrition check.

    Links are on the keyed ``person_id`` (the canonical e-mail, after the name + school fallback).
    The attrition check compares, item by item, the baseline answers of respondents who were
    linked to the post wave with those who were not (standardized differences, Austin 2009).
    """
    from evalkit.anonymize.linkage import attrition_check, link_waves

    by_instrument: dict[str, dict[str, str]] = {}
    for sid, t in tables.items():
        if t.source.instrument and t.source.wave in ("pre", "post") and "person_id" in result.tables.get(sid, {}):
            by_instrument.setdefault(t.source.instrument, {})[t.source.wave] = sid
    for inst, waves in by_instrument.items():
        if set(waves) != {"pre", "post"}:
            continue
        pre, post = result.tables[waves["pre"]], result.tables[waves["post"]]
        res = link_waves(pre["person_id"].dropna(), post["person_id"].dropna())
        items = [i for i, it in cfg.codebook.instruments[inst].items.items()
                 if i in pre.columns and it.wave in (None, "pre") and pd.api.types.is_numeric_dtype(pre[i])]
        matched = pre.index.isin(res.pairs["pre_row"])
        attrition = attrition_check(pre, pd.Series(matched, index=pre.index), columns=items) if items else None
        result.linkage.append({
            "instrument": inst, "pre": waves["pre"], "post": waves["post"],
            "n_pre": res.n_pre, "n_post": res.n_post, "n_matched": res.n_matched,
            "match_rate_pre": res.match_rate_pre, "match_rate_post": res.match_rate_post,
            "attrition_check": attrition.round(4).to_dict(orient="records") if attrition is not None else [],
            "max_abs_std_diff": float(attrition["std_diff"].abs().max()) if attrition is not None and len(attrition) else None,
        })


def _id_text(s: pd.Series) -> pd.Series:
    """Ids as text to key: SPSS stores every number as a float, so 880101.0 is the id "880101"."""
    if pd.api.types.is_float_dtype(s):
        whole = s.dropna()
        if (whole == whole.round()).all():
            return s.map(lambda v: pd.NA if pd.isna(v) else str(int(v))).astype("string")
    return s.astype("string")


def _pseudonymize_ids(pz, s: pd.Series, col: str) -> pd.Series:
    """Pseudonymize an id column; a ';'-separated list of ids keeps its shape."""
    text = s.astype("string")
    if text.str.contains(";", regex=False).fillna(False).any():
        return text.map(lambda v: ";".join(pz.pseudonym(x.strip(), "person_id") or "" for x in v.split(";"))
                        if isinstance(v, str) else v).astype("string")
    return pz.series(text, "person_id")


def _attendance_link(cfg: ProjectConfig, sid: str, table: CleanTable, df: pd.DataFrame, roster_table: CleanTable,
                     review: list[dict[str, Any]], log: QualityLog) -> tuple[pd.Series, pd.Series, dict[str, int]]:
    """Each attendance row's canonical e-mail (its roster person's), the rule that matched it, and counts.

    A row no rule settles keeps no link (None): it counts for nobody's attendance, and it is logged
    (``unmatched_roster``) and listed in the review list with what was typed, never guessed.
    """
    from evalkit.anonymize.attendance import REVIEW_RULES, match_to_roster

    src, r_src = table.source, roster_table.source
    roster = roster_table.data
    email = next((c for c in src.email_columns if c in df.columns), None)
    names = [c for c in src.name_columns if c in df.columns]
    r_email = r_src.email_columns[0]
    r_names = [c for c in r_src.name_columns if c in roster.columns]
    if len(r_names) == 1:      # one whole-name column: its last word is the last name
        whole = roster[r_names[0]].astype("string")
        roster = roster.assign(_first=whole.str.rsplit(" ", n=1).str[0], _last=whole.str.rsplit(" ", n=1).str[-1])
        r_names = ["_first", "_last"]
    if len(names) == 2 and any("first" in c.lower() for c in names) and any("last" in c.lower() for c in names):
        first = next(c for c in names if "first" in c.lower())
        last = next(c for c in names if "last" in c.lower())
        df = df.assign(_whole=df[first].astype("string").str.cat(df[last].astype("string"), sep=" "))
        names = ["_whole"]
    guest = next((c for c in df.columns if c.strip().casefold() == "guest"), None)
    got = match_to_roster(df, roster, email=email, name=names or None, roster_email=r_email,
                          roster_name=r_names[:2], staff_domains=cfg.project.attendance.organizer_domains,
                          guest=guest, threshold=cfg.project.anonymize.fuzzy_threshold)
    link = pd.Series([None if i is None or pd.isna(i) else roster.at[i, r_email] for i in got["roster_index"]],
                     index=got.index, dtype=object)
    counts = {str(k): int(v) for k, v in got["rule"].value_counts().sort_index().items()}
    open_rows = got.index[got["rule"].isin(REVIEW_RULES)]
    if len(open_rows):
        log.add(sid, src.file, "roster_match", Defect.unmatched_roster, Action.reported, rows=open_rows,
                columns=[c for c in (email, *src.name_columns) if c],
                detail="attendance rows no roster person could be matched to (ambiguous or unknown): counted for "
                       "nobody and listed in attendance_review.csv for a person to resolve")
    for idx in open_rows:
        review.append({"source": sid, "file": src.file, "row": int(idx), "outcome": got.at[idx, "rule"],
                       "candidates": int(got.at[idx, "candidates"]),
                       "name_as_written": " / ".join(str(df.at[idx, c]) for c in names if pd.notna(df.at[idx, c])),
                       "email_as_written": df.at[idx, email] if email else None})
    staff = got.index[got["rule"].isin(["facilitator", "guest"])]
    if len(staff):
        log.add(sid, src.file, "roster_match", None, Action.reported, rows=staff,
                detail="facilitators (the organizer's e-mail domains) and guests: not participants, not counted")
    return link, got["rule"], counts


def _fallback(df, person, roster_table, table, specs, fuzzy_fallback, threshold) -> dict[str, int]:
    """Respondents whose e-mail is not on the roster: match on name + school to a roster person."""
    unmatched = df[df[person].notna() & df["cadre_id"].isna()]
    first = next((c for c, s in specs.items() if s.kind == "first_name" and c in df.columns), None)
    last = next((c for c, s in specs.items() if s.kind == "last_name" and c in df.columns), None)
    r_src = roster_table.source
    r_first = next((c for c in r_src.name_columns if "first" in c.lower()), None)
    r_last = next((c for c in r_src.name_columns if "last" in c.lower()), None)
    if unmatched.empty or not (first and last and r_first and r_last) or "school_code" not in unmatched.columns:
        return {"name+school": 0}
    roster = roster_table.data
    # Both sides under the same column names, as fuzzy_fallback compares like with like.
    pairs = fuzzy_fallback(unmatched.rename(columns={first: "_f", last: "_l"}),
                           roster.rename(columns={r_first: "_f", r_last: "_l"}),
                           name=("_f", "_l"), school="school_code", threshold=threshold)
    email = r_src.email_columns[0]
    for row in pairs.itertuples(index=False):
        df.loc[row.left_index, "_link"] = roster.loc[row.right_index, email]
    return {"name+school": int(len(pairs))}


def write_processed(cfg: ProjectConfig, result: AnonymizeResult, raws: dict[str, SurveyData], *,
                    check=None) -> list[dict[str, Any]]:
    """Check every table, then write them all (parquet via temporary files) and the review queue."""
    out_dir = cfg.processed_dir
    check = check or check_no_identifiers
    for sid, df in result.tables.items():
        check(df, cfg.project.source(sid), raws[sid].path.name)
    out_dir.mkdir(parents=True, exist_ok=True)
    outputs = []
    for sid, df in result.tables.items():
        if df.columns.empty:
            outputs.append({"file": None, "source": sid, "rows": len(df), "note": "nothing publishable"})
            continue
        frame = _parquet_frame(df)
        dest = out_dir / f"{sid}.parquet"
        with atomic_path(dest, suffix=".parquet") as tmp:
            frame.to_parquet(tmp, index=False)
        outputs.append({"file": dest.name, "source": sid, "rows": len(frame), "columns": len(frame.columns)})
    review_dir = _review_dir(cfg)
    if result.review is not None and len(result.review):
        review_dir.mkdir(parents=True, exist_ok=True)
        atomic_write_text(review_dir / "review_queue.csv", result.review.to_csv(index=False))
    review_list = review_dir / "attendance_review.csv"
    if result.attendance_review is not None and len(result.attendance_review):
        review_dir.mkdir(parents=True, exist_ok=True)
        # names and e-mails as typed: a person needs them to resolve a row; only the owner may read them
        atomic_write_text(review_list, result.attendance_review.to_csv(index=False))
        review_list.chmod(0o600)
    elif review_list.exists():
        review_list.unlink()          # nothing left to resolve: an old list would mislead
    atomic_write_text(out_dir / "anonymize_log.json", json.dumps(
        {"schema": "evalkit.anonymize_log/1", "key_fingerprint": result.key_fingerprint,
         "linkage": result.linkage, "k_anonymity": result.kanon, "redaction": result.redaction,
         "held_for_review": int(len(result.review)) if result.review is not None else 0}, indent=1, default=str))
    return outputs


def check_no_identifiers(df: pd.DataFrame, src: Source, file: str) -> None:
    """The last check before a table is written: no e-mail address or phone number in any text column
    that is not marked as an identifier or free text (those were dropped or redacted already)."""
    for col in df.columns:
        if not (pd.api.types.is_object_dtype(df[col]) or pd.api.types.is_string_dtype(df[col])):
            continue
        text = df[col].dropna().astype(str)
        for pattern, what in ((PATTERNS["email"], "e-mail addresses"), (PATTERNS["phone"], "phone numbers")):
            hit = text.str.contains(pattern)
            if hit.any():
                row = int(hit.index[hit.to_numpy().argmax()])
                raise DataError(
                    file, Reason.identifier_in_unmarked_column,
                    f"column holds what look like {what} but is not marked as an identifier or free text",
                    row=row, column=col,
                    hint=f"mark it in the codebook (columns: {{{col}: {{role: identifier}}}}) or in sources[{src.id}].columns",
                )


def _released(cfg: ProjectConfig) -> set[tuple[str, int, str]]:
    """Comments a person has reviewed and released: ``released.csv`` (source, row, column) beside the queue."""
    path = _review_dir(cfg) / "released.csv"
    if not path.exists():
        return set()
    rel = pd.read_csv(path, dtype={"source": str, "column": str})
    missing = {"source", "row", "column"} - set(rel.columns)
    if missing:
        from evalkit.errors import ConfigError

        raise ConfigError(path, [("", f"needs the columns source, row, column (missing: {sorted(missing)})")],
                          hint="copy those three columns of the reviewed lines from review_queue.csv")
    return {(s, int(r), c) for s, r, c in rel[["source", "row", "column"]].itertuples(index=False)}


def _review_dir(cfg: ProjectConfig) -> Path:
    p = Path(cfg.project.anonymize.review_dir).expanduser()
    base = p if p.is_absolute() else (cfg.root / p).resolve()
    return base / cfg.project.project


def _parquet_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The table as it is written: ``source_row`` as a column, each object column typed for parquet.

    Object columns hold what the readers left: text, and for SPSS dates and times as Python objects.
    A missing value (None, NaN, NaT, ``pd.NA``) stays null, never the text "nan". A column of only
    dates, only times or only (timezone-naive) datetimes keeps its type (parquet date32, time64,
    timestamp); anything else is written as text, dates and times in ISO 8601 (``str`` of a date,
    time or timestamp is ISO).

    Examples
    --------
    >>> frame = _parquet_frame(pd.DataFrame({"d": [dt.date(1583, 1, 1), float("nan")],
    ...                                      "t": [dt.time(10, 10), None], "x": ["a", 2.5]}))
    >>> frame["d"].tolist(), frame["t"].tolist(), frame["x"].tolist()
    ([datetime.date(1583, 1, 1), None], [datetime.time(10, 10), None], ['a', '2.5'])
    """
    out = df.copy()
    for col in out.columns:
        if pd.api.types.is_object_dtype(out[col]):
            out[col] = _parquet_column(out[col])
    out.index.name = "source_row"
    return out.reset_index()


def _is_missing(v: object) -> bool:
    try:
        return v is None or bool(pd.isna(v))
    except (TypeError, ValueError):  # a list or array in a cell is a value, not a missing one
        return False


def _parquet_column(s: pd.Series) -> pd.Series:
    values = [None if _is_missing(v) else v for v in s]
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, dt.datetime) and v.tzinfo is None for v in present):
        return pd.Series(values, index=s.index, dtype=object)
    if present and all(isinstance(v, dt.date) and not isinstance(v, dt.datetime) for v in present):
        return pd.Series(values, index=s.index, dtype=object)
    if present and all(isinstance(v, dt.time) for v in present):
        return pd.Series(values, index=s.index, dtype=object)
    return pd.Series([v if v is None or isinstance(v, str) else str(v) for v in values], index=s.index,
                     dtype="string")
