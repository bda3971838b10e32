"""Match free-typed event names (evaluation forms, Zoom meeting titles) to the official event list.

People type "cadre 2 launch", "zensemaking 9/18/25", "site visit (Oct 23)", "September virtual session"
or "SLC 2 Sep virtual". The same topic usually runs once per cadre, so text similarity alone cannot
tell the cadres apart. Matching therefore works in three steps:

1. **Cues** are read from the text: a cadre number ("cadre 2", "C2", "SLC 2"), a date ("9/18",
   "Oct 23", "9/18/25"), a month ("September"), a modality ("virtual", "in-person", "site visit").
   Each cue that is present narrows the candidates to events that fit it.
2. **Topic words** left after removing cues are compared with each candidate's topic (rapidfuzz:
   the better of ``token_set_ratio`` and ``partial_ratio``, which tolerates typos such as
   "zensemaking"). Candidates under ``threshold`` are dropped, and only those within ``margin`` of
   the best stay.
3. **When** the response or join time is known and several candidates remain, the event held most
   recently on or before it (within ``window_days``) is taken.

Status per row: ``matched``; ``review`` (accepted, but on a fuzzy score under ``review_below`` or on
the date alone with a close runner-up); ``ambiguous`` (several events fit equally); ``unmatched``;
``blank``. Nothing is guessed: ambiguous and unmatched rows get no event id.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd
from rapidfuzz import fuzz, utils

__all__ = ["EventMatch", "match_events"]

_MONTHS = {m.lower(): i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"], 1)}
_MONTH_ABBR = {k[:3]: v for k, v in _MONTHS.items()} | {"sept": 9}
_MONTH_RE = "|".join(sorted(set(_MONTHS) | set(_MONTH_ABBR), key=len, reverse=True))
_CADRE = re.compile(r"\b(?:cadre|slc|c)\s*[-:#]?\s*(\d{1,2})\b", re.I)
_NUM_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\b")
_TEXT_DATE = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})\b", re.I)
_MONTH = re.compile(rf"\b({_MONTH_RE})\b\.?", re.I)
_MODALITY = {
    "virtual": re.compile(r"\b(virtual|zoom|online|webinar)\b", re.I),
    "face_to_face": re.compile(r"\b(in[- ]person|face[- ]to[- ]face|f2f)\b", re.I),
    "site_visit": re.compile(r"\bsite[- ]visit\b", re.I),
}
#: Words that name no particular event; the words of each program's name are added per call (``program_name``).
_GENERIC = frozenset({"session", "sessions", "the", "mtg", "meeting", "of", "and", "evaluation", "event", "day",
                      "program", "leadership", "cadre"})


@dataclass(frozen=True)
class EventMatch:
    """Per-row match result, aligned with the input Series."""

    event_id: pd.Series  # matched id or <NA>
    score: pd.Series  # topic score 0-100 (100 when cues alone decided)
    status: pd.Series  # "matched", "review", "ambiguous", "unmatched", "blank"


@dataclass(frozen=True)
class _Cues:
    cadre: str | None
    month_day: tuple[int, int] | None
    month: int | None
    modality: str | None
    words: str


def _cues(text: str, generic: frozenset[str] = _GENERIC) -> _Cues:
    rest = text
    cadre = None
    if m := _CADRE.search(rest):
        cadre = str(int(m.group(1)))
        rest = rest[: m.start()] + " " + rest[m.end():]
    month_day = None
    if m := _NUM_DATE.search(rest):
        month_day = (int(m.group(1)), int(m.group(2)))
        rest = rest[: m.start()] + " " + rest[m.end():]
    elif m := _TEXT_DATE.search(rest):
        key = m.group(1).lower()
        month_day = (_MONTHS.get(key) or _MONTH_ABBR[key[:4] if key[:4] in _MONTH_ABBR else key[:3]], int(m.group(2)))
        rest = rest[: m.start()] + " " + rest[m.end():]
    month = None
    if month_day is None and (m := _MONTH.search(rest)):
        key = m.group(1).lower()
        month = _MONTHS.get(key) or _MONTH_ABBR.get(key[:4]) or _MONTH_ABBR[key[:3]]
        rest = rest[: m.start()] + " " + rest[m.end():]
    modality = None
    for name, rx in _MODALITY.items():
        if m := rx.search(rest):
            modality = name
            rest = rest[: m.start()] + " " + rest[m.end():]
            break
    words = " ".join(w for w in utils.default_process(rest).split() if w not in generic)
    return _Cues(cadre, month_day, month, modality, words)


def _cadre_number(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    m = re.search(r"(\d+)\s*$", value)
    return str(int(m.group(1))) if m else None


def match_events(
    names: pd.Series,
    events: pd.DataFrame,
    *,
    when: pd.Series | None = None,
    cadre: pd.Series | None = None,
    threshold: float = 85.0,
    review_below: float = 95.0,
    margin: float = 3.0,
    window_days: int = 30,
) -> EventMatch:
    """Match each free-typed event name to one event of ``events``.

    Parameters
    ----------
    names : Series
        Free-typed names, indexed by ``source_row``.
    events : DataFrame
        Columns ``event_id`` and ``topic``; optional ``cadre`` (e.g. "C2"), ``date`` (datetime),
        ``modality`` (face_to_face, virtual, site_visit, ...), ``label`` (extra words such as a
        phase or program name that people may type), ``program_name`` (the event's program's name,
        whose words are ignored as topic cues: they say which program, not which event).
    when : Series of datetime, optional
        Response or join time per row, to choose among events that fit equally.
    cadre : Series of str, optional
        The respondent's own cadre (from the roster), a weaker cue than anything typed: it
        chooses among events that fit the text equally, before the date does.
    threshold, review_below, margin : float
        Topic-score acceptance, review flag and tie margin (0-100 scale).
    window_days : int
        How long after an event a response may still refer to it.

    Examples
    --------
    >>> ev = pd.DataFrame({"event_id": ["C1-01", "C2-01", "C1-02"],
    ...                    "topic": ["Launch: building the team", "Launch: building the team", "Sensemaking in science"],
    ...                    "cadre": ["C1", "C2", "C1"],
    ...                    "date": pd.to_datetime(["2025-08-19", "2025-08-21", "2025-09-16"])})
    >>> m = match_events(pd.Series(["cadre 2 launch", "zensemaking 9/16/25", "launch", "lunch"]), ev)
    >>> m.event_id.tolist(), m.status.tolist()
    (['C2-01', 'C1-02', <NA>, <NA>], ['matched', 'review', 'ambiguous', 'unmatched'])
    """
    ev = events.reset_index(drop=True)
    generic = _GENERIC | {w for v in (ev["program_name"] if "program_name" in ev else []) if isinstance(v, str)
                          for w in utils.default_process(v).split()}
    topics = [utils.default_process(" ".join(str(v) for v in (t, lab) if isinstance(v, str)))
              for t, lab in zip(ev["topic"], ev["label"] if "label" in ev else [None] * len(ev))]
    cadres = [_cadre_number(c) for c in (ev["cadre"] if "cadre" in ev else [None] * len(ev))]
    dates = [d.date() if isinstance(d, (pd.Timestamp, dt.datetime)) and not pd.isna(d) else None
             for d in (ev["date"] if "date" in ev else [None] * len(ev))]
    modalities = list(ev["modality"]) if "modality" in ev else [None] * len(ev)
    ids = pd.Series(pd.NA, index=names.index, dtype="string")
    scores = pd.Series(0.0, index=names.index)
    status = pd.Series("blank", index=names.index, dtype="string")
    cache: dict[tuple[str, object], tuple[str | None, float, str]] = {}
    for idx, raw in names.items():
        if not isinstance(raw, str) or not raw.strip():
            continue
        t = when[idx] if when is not None else None
        day = t.date() if isinstance(t, (pd.Timestamp, dt.datetime)) and not pd.isna(t) else None
        own = _cadre_number(cadre[idx]) if cadre is not None else None
        key = (raw, day, own)
        if key not in cache:
            cache[key] = _match_one(_cues(raw, generic), day, own, ev["event_id"].astype(str).tolist(), topics, cadres, dates,
                                    modalities, threshold, review_below, margin, window_days)
        eid, score, st = cache[key]
        ids[idx] = eid if eid is not None else pd.NA
        scores[idx] = score
        status[idx] = st
    return EventMatch(ids, scores, status)


def _match_one(cues, day, own, ids, topics, cadres, dates, modalities, threshold, review_below, margin, window_days):
    cand = list(range(len(ids)))
    if cues.cadre is not None:
        cand = [i for i in cand if cadres[i] == cues.cadre]
    if cues.month_day is not None:
        cand = [i for i in cand if dates[i] is not None and (dates[i].month, dates[i].day) == cues.month_day]
    if cues.month is not None:
        cand = [i for i in cand if dates[i] is not None and dates[i].month == cues.month]
    if cues.modality is not None:
        cand = [i for i in cand if modalities[i] in (None, cues.modality) or not isinstance(modalities[i], str)]
    if not cand:
        return None, 0.0, "unmatched"
    score = 100.0
    if cues.words:
        scored = {i: max(fuzz.token_set_ratio(cues.words, topics[i]), fuzz.partial_ratio(cues.words, topics[i]))
                  for i in cand}
        best = max(scored.values())
        if best < threshold:
            # A typed date that leaves one event is strong evidence; weak topic words only earn a review.
            if cues.month_day is not None and len(cand) == 1:
                return ids[cand[0]], float(best), "review"
            return None, float(best), "unmatched"
        cand = [i for i in cand if scored[i] >= best - margin]
        score = float(best)
    elif cues.cadre is None and cues.month_day is None and cues.month is None and cues.modality is None:
        return None, 0.0, "unmatched"
    if len(cand) > 1 and own is not None and any(cadres[i] == own for i in cand):
        cand = [i for i in cand if cadres[i] == own]
    if len(cand) > 1 and day is not None:
        prior = [i for i in cand if dates[i] is not None and 0 <= (day - dates[i]).days <= window_days]
        if prior:
            prior.sort(key=lambda i: dates[i], reverse=True)
            # The latest event before the response wins; a runner-up on the same day is a tie.
            if len(prior) > 1 and dates[prior[0]] == dates[prior[1]]:
                return None, score, "ambiguous"
            cand = prior[:1]
    if len(cand) != 1:
        return None, score, "ambiguous"
    return ids[cand[0]], score, "review" if score < review_below else "matched"
