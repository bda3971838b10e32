"""Attendance after the roster match: minutes from Zoom connections, a coordinator's wide roster as one row
per person and meeting, and the project's minimum share of a session.

These work on anonymized rows (a ``person_id`` from :mod:`evalkit.anonymize.attendance`, event ids, times
and marks): no identifier is needed to add up minutes.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

__all__ = ["DEFAULT_MARKS", "connection_minutes", "attended", "roster_marks"]

#: How coordinators mark a wide roster, case and spaces ignored: attended in full, in part, excused, absent.
DEFAULT_MARKS: Mapping[str, str] = {
    "x": "present", "p": "present", "present": "present", "y": "present", "yes": "present", "1": "present",
    "late": "partial", "l": "partial", "left early": "partial", "partial": "partial",
    "e": "excused", "excused": "excused", "ex": "excused",
    "a": "absent", "absent": "absent", "n": "absent", "no": "absent", "0": "absent", "": "absent",
}


def connection_minutes(frame: pd.DataFrame, *, person: str, event: str, join: str, leave: str) -> pd.DataFrame:
    """Minutes each person was connected to each event, from one row per connection (a Zoom report).

    A person's connections to one event are merged as the union of their ``[join, leave]`` intervals, so a
    reconnect, or a second device joined while the first was still in, is not counted twice.

    Parameters
    ----------
    frame : DataFrame
        One row per connection; ``join`` and ``leave`` as datetimes (rows missing either are left out).
    person, event : str
        The columns identifying the person (a roster index after :func:`match_to_roster`) and the event.
    join, leave : str
        The connection's start and end.

    Returns
    -------
    DataFrame
        One row per person and event: ``person``, ``event``, ``connections``, ``minutes`` (float),
        ``first_join`` and ``last_leave``.

    Examples
    --------
    >>> t = pd.to_datetime
    >>> rows = pd.DataFrame({"who": ["a", "a", "a"], "ev": ["E1"] * 3,
    ...                      "in": t(["2025-01-01 09:00", "2025-01-01 09:50", "2025-01-01 10:30"]),
    ...                      "out": t(["2025-01-01 10:00", "2025-01-01 10:10", "2025-01-01 11:00"])})
    >>> connection_minutes(rows, person="who", event="ev", join="in", leave="out")[["person", "minutes"]]
      person  minutes
    0      a    100.0
    """
    cols = ["person", "event", "connections", "minutes", "first_join", "last_leave"]
    d = frame[[person, event, join, leave]].dropna()
    d = d[d[leave] >= d[join]]
    out = []
    for (p, ev), g in d.groupby([person, event], sort=True):
        spans = sorted(zip(g[join], g[leave]))
        total = pd.Timedelta(0)
        start, end = spans[0]
        for a, b in spans[1:]:
            if a <= end:
                end = max(end, b)
            else:
                total += end - start
                start, end = a, b
        total += end - start
        out.append((p, ev, len(g), total.total_seconds() / 60.0, spans[0][0], max(b for _, b in spans)))
    return pd.DataFrame(out, columns=cols)


def attended(minutes: pd.Series, session_minutes: pd.Series, *, min_share: float) -> pd.Series:
    """Whether each person's minutes reach ``min_share`` (0-1) of the session's length.

    >>> attended(pd.Series([100.0, 80.0, 40.0]), pd.Series([180.0] * 3), min_share=0.5).tolist()
    [True, False, False]
    """
    if not 0 < min_share <= 1:
        raise ValueError(f"attended(): min_share must be in (0, 1], got {min_share!r}")
    return (minutes.astype(float) >= min_share * session_minutes.astype(float) - 1e-9).fillna(False)


def roster_marks(frame: pd.DataFrame, columns: Mapping[str, str], *,
                 marks: Mapping[str, str] | None = None) -> pd.DataFrame:
    """A coordinator's wide roster (one column per meeting) as one row per person and meeting.

    Parameters
    ----------
    frame : DataFrame
        The roster, one row per person.
    columns : mapping of str to str
        Meeting column -> event id (``{"Mtg 1 (2/7/25)": "NET-M1"}``).
    marks : mapping of str to str, optional
        Mark -> ``present``, ``partial``, ``excused`` or ``absent`` (case and spaces ignored); default
        :data:`DEFAULT_MARKS`. A mark not in it has status None and is reported, never guessed.

    Returns
    -------
    DataFrame
        ``row`` (the roster row's index label), ``event``, ``mark`` (as written) and ``status``.

    Examples
    --------
    >>> wide = pd.DataFrame({"M1": ["P", "x", "E"], "M2": ["late", "", "?"]})
    >>> roster_marks(wide, {"M1": "E1", "M2": "E2"})["status"].tolist()
    ['present', 'partial', 'present', 'absent', 'excused', None]
    """
    table = {str(k).strip().casefold(): v for k, v in (DEFAULT_MARKS if marks is None else marks).items()}
    out = []
    for idx, row in frame.iterrows():
        for col, ev in columns.items():
            v = row[col]
            text = "" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v).strip()
            out.append((idx, ev, text, table.get(text.casefold())))
    res = pd.DataFrame(out, columns=["row", "event", "mark", "status"])
    res["status"] = pd.Series([o[3] for o in out], dtype=object)
    return res


def wide_attendance(frame: pd.DataFrame, columns: Mapping[str, str], *, person: str = "person_id",
                    marks: Mapping[str, str] | None = None) -> pd.DataFrame:
    """A wide roster's marks as ``person_id``, ``event``, ``mark``, ``status`` rows (:func:`roster_marks` with
    the person of each roster row); rows of no person (unmatched) are left out.

    ``marks`` add to :data:`DEFAULT_MARKS` (a project's own marks win).
    """
    table = {**DEFAULT_MARKS, **{str(k).strip().casefold(): v for k, v in (marks or {}).items()}}
    long = roster_marks(frame, columns, marks=table)
    long[person] = frame.loc[long["row"], person].to_numpy()
    return long[long[person].notna()].drop(columns="row").reset_index(drop=True)


def counts_as_attended(status: pd.Series, *, partial_counts: bool = True) -> pd.Series:
    """Whether a status (``present``, ``partial``, ``excused``, ``absent``, or None) counts as attended.

    >>> counts_as_attended(pd.Series(["present", "partial", "excused", None])).tolist()
    [True, True, False, False]
    """
    ok = {"present", "partial"} if partial_counts else {"present"}
    return status.astype("string").str.casefold().isin(ok).fillna(False).astype(bool)


def connections_attended(frame: pd.DataFrame, events: pd.DataFrame, *, event: str, join: str, leave: str,
                         min_share: float, person: str = "person_id") -> pd.DataFrame:
    """The (person, event) pairs whose connections (a Zoom report) reach ``min_share`` of the session.

    A session's length is its event's ``hours``; connections are merged per person and event
    (:func:`connection_minutes`). An event without hours counts any connection.

    >>> t = pd.to_datetime
    >>> z = pd.DataFrame({"person_id": ["a", "b"], "ev": ["E1", "E1"],
    ...                   "in": t(["2025-01-01 09:00", "2025-01-01 09:00"]),
    ...                   "out": t(["2025-01-01 10:00", "2025-01-01 09:20"])})
    >>> ev = pd.DataFrame({"event_id": ["E1"], "hours": [1.5]})
    >>> connections_attended(z, ev, event="ev", join="in", leave="out", min_share=0.5)["person_id"].tolist()
    ['a']
    """
    d = frame[frame[person].notna()].copy()
    d[join] = pd.to_datetime(d[join], errors="coerce")
    d[leave] = pd.to_datetime(d[leave], errors="coerce")
    got = connection_minutes(d, person=person, event=event, join=join, leave=leave)
    hours = dict(zip(events["event_id"].astype(str), pd.to_numeric(events["hours"], errors="coerce")))
    session = got["event"].astype(str).map(hours).astype(float) * 60.0
    ok = attended(got["minutes"], session.fillna(0.0), min_share=min_share) | session.isna()
    return got.loc[ok.to_numpy(), ["person", "event"]].rename(columns={"person": person}).reset_index(drop=True)
