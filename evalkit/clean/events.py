"""Match free-typed event names (evaluation forms, Zoom meeting titles) to the official event list.

Matching uses rapidfuzz's ``token_set_ratio`` on casefolded text, so word order, case and extra words
("Session 3: Data Teams (virtual)") matter little. A name is matched only when its best score reaches
the threshold **and** beats the runner-up, so two similar events never get a coin-flip assignment;
accepted matches under the review score are flagged for a person to check. Nothing is guessed: an
unmatched name stays unmatched and is counted.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from rapidfuzz import fuzz, process, utils

__all__ = ["EventMatch", "match_events"]


@dataclass(frozen=True)
class EventMatch:
    """Per-row match result, aligned with the input Series."""

    event_id: pd.Series  # matched id or <NA>
    score: pd.Series  # best score 0-100
    status: pd.Series  # "matched", "review", "ambiguous", "unmatched", "blank"


def match_events(
    names: pd.Series,
    events: pd.DataFrame,
    *,
    id_column: str = "event_id",
    label_columns: tuple[str, ...] = ("topic",),
    threshold: float = 85.0,
    review_below: float = 95.0,
    margin: float = 3.0,
) -> EventMatch:
    """Match each free-typed name to one event.

    Parameters
    ----------
    names : Series
        Free-typed event names, indexed by ``source_row``.
    events : DataFrame
        The official event list: an id column and one or more label columns (topic, title). An id
        typed exactly also matches.
    threshold : float
        Minimum score (0-100) to accept a match.
    review_below : float
        Accepted matches scoring under this are flagged ``review``.
    margin : float
        The best score must beat the second-best event by this much, else ``ambiguous``.

    Examples
    --------
    >>> ev = pd.DataFrame({"event_id": ["E1", "E2"], "topic": ["Data Teams Kickoff", "Science Talk Moves"]})
    >>> m = match_events(pd.Series(["data teams kick-off", "science talk moves!", "lunch"]), ev)
    >>> m.event_id.tolist(), m.status.tolist()
    (['E1', 'E2', <NA>], ['matched', 'matched', 'unmatched'])
    """
    choices: dict[str, str] = {}
    for row in events.itertuples(index=False):
        rec = row._asdict()
        eid = str(rec[id_column])
        choices[f"{eid}"] = eid
        for col in label_columns:
            label = rec.get(col)
            if isinstance(label, str) and label.strip():
                choices[label] = eid
    keys = list(choices)
    processed = [utils.default_process(k) for k in keys]
    ids = pd.Series(pd.NA, index=names.index, dtype="string")
    scores = pd.Series(0.0, index=names.index)
    status = pd.Series("blank", index=names.index, dtype="string")
    cache: dict[str, tuple[str | None, float, str]] = {}
    for idx, raw in names.items():
        if not isinstance(raw, str) or not raw.strip():
            continue
        if raw not in cache:
            cache[raw] = _best(raw, keys, processed, choices, threshold, review_below, margin)
        eid, score, st = cache[raw]
        ids[idx] = eid if eid is not None else pd.NA
        scores[idx] = score
        status[idx] = st
    return EventMatch(ids, scores, status)


def _best(raw, keys, processed, choices, threshold, review_below, margin):
    query = utils.default_process(raw)
    hits = process.extract(query, processed, scorer=fuzz.token_set_ratio, limit=None, processor=None)
    best_by_event: dict[str, float] = {}
    for _choice, score, i in hits:
        eid = choices[keys[i]]
        best_by_event[eid] = max(best_by_event.get(eid, 0.0), float(score))
    ranked = sorted(best_by_event.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < threshold:
        return None, ranked[0][1] if ranked else 0.0, "unmatched"
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < margin:
        return None, ranked[0][1], "ambiguous"
    eid, score = ranked[0]
    return eid, score, "matched" if score >= review_below else "review"
