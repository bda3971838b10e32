"""The cadre report's executive summary and its "what this evaluation can and cannot tell you" box.

A program officer reads these two sections and perhaps nothing else, so they answer "did it work, for
whom, how sure are we" in plain words: one sentence per Guskey level with the strength of its evidence,
attendance and dosage, response rates, the weakest events, the design caveat, and findings with next
steps. Statistics go in parentheses.

Every figure is quoted from a protected cell (:func:`~evalkit.disclose.sentences.sentence`, or a cell's
published value): a hidden cell drops its sentence, never prints a number. Labels that may hold digits
(event ids, item wording) go outside the sentence templates, which may not hold literal numbers. The
reading rules (what counts as a weak event, how a change is worded) are decided here and nowhere else.
"""

from __future__ import annotations

import re

from dataclasses import dataclass

from evalkit.disclose import ProtectedTable
from evalkit.disclose.sentences import sentence
from evalkit.report.measures import STAFF_CHANGE
from evalkit.report.prose import join_words

__all__ = ["WEAK_SHARE", "Summary", "cadre_summary", "conclusions", "change_words", "direction", "lower_first"]

#: An event item under this percent favorable, or an event Net Promoter Score at or below zero, is named
#: in the summary as a weak result (a share coded as "<x%" with x at most this is under it too).
WEAK_SHARE = 60


@dataclass(frozen=True)
class Summary:
    """The summary's parts, each a list of finished sentences (empty when nothing could be said)."""

    levels: list[str]          # one plain sentence per Guskey level shown
    participation: list[str]   # attendance, dosage and response
    weak: list[str]            # the weakest events, by name
    findings: list[str]        # findings, each with its next step
    limits: list[str]          # what the evaluation can and cannot tell
    reading: list[str] = ()    # what the terms in parentheses mean (only those the summary uses)


def direction(lo: float, hi: float) -> str | None:
    """The one reading rule of a change with 95% interval ``[lo, hi]``: ``"up"`` when it lies above zero,
    ``"down"`` below, None when it covers zero (the data cannot tell the change from none).

    >>> direction(0.19, 0.71), direction(-0.5, -0.1), direction(-0.1, 0.3), direction(0.0, 0.4)
    ('up', 'down', None, None)
    """
    return "up" if lo > 0 else "down" if hi < 0 else None


def change_words(lo: float, hi: float) -> str:
    """How the summary words a change with interval ``[lo, hi]`` (see :func:`direction`).

    >>> change_words(0.19, 0.71)
    'an increase larger than chance alone would usually give'
    """
    return {"up": "an increase larger than chance alone would usually give",
            "down": "a decrease larger than chance alone would usually give",
            None: "a change the data cannot tell from no change"}[direction(lo, hi)]


def _size(g: float) -> str:
    """Cohen's (1988) benchmarks for a standardized mean difference, worded for a reader."""
    a = abs(g)
    return "small" if a < 0.5 else "moderate" if a < 0.8 else "large"


def lower_first(text: str) -> str:
    """An item's wording inside a sentence.

    >>> lower_first("My time was well spent"), lower_first("I will apply it")
    ('my time was well spent', 'I will apply it')
    """
    return text if text[:2] in ("I ", "I'") else text[:1].lower() + text[1:]


def _rows(t: ProtectedTable) -> list[str]:
    return [str(r) for r in t.display.iloc[:, 0]]


def _is_weak(t: ProtectedTable, row: str, col: str) -> bool:
    """Whether a published share is certainly under :data:`WEAK_SHARE`: an exact figure under it, or a coded
    "<x%" with x at most the line. A coded ">x%" or a share not shown may lie on either side: not named."""
    v = t.shown(row, col)
    text = t.text(row, col).strip()
    if v is None or not text.endswith("%") or text.startswith(">"):
        return False
    return v <= WEAK_SHARE if text.startswith("<") else v < WEAK_SHARE


def _weak_events(T: dict[str, ProtectedTable]) -> list[str]:
    out = []
    ratings, nps = T.get("event_ratings"), T.get("event_nps")
    events = [r for r in _rows(ratings) if r != "All events"] if ratings is not None else []
    items = list(ratings.display.columns[2:]) if ratings is not None else []
    for event in events:
        low = [f"\u201c{lower_first(c)}\u201d {ratings.text(event, c).strip()}" for c in items
               if _is_weak(ratings, event, c)]
        score = None
        if nps is not None and event in _rows(nps):
            v = nps.shown(event, "NPS")
            if v is not None and v <= 0:
                score = f"a Net Promoter Score of {nps.text(event, 'NPS').strip()}"
        if low or score:
            parts = ([", ".join(low) + " favorable"] if low else []) + ([score] if score else [])
            out.append(f"{event} ({'; '.join(parts)})")
    return out


def _prepost_sentences(T: dict[str, ProtectedTable], tid: str, level: str, what: str) -> tuple[list[str], list[str]]:
    """(level sentences, findings) from a matched pre/post table: the "after vs before" rows."""
    t = T.get(tid)
    if t is None:
        return [], []
    levels, findings = [], []
    up: list[str] = []
    flat: list[str] = []
    for row in _rows(t):
        if not row.endswith("after vs before"):
            continue
        g, lo, hi = t.shown(row, "g_av"), t.shown(row, "CI low"), t.shown(row, "CI high")
        if g is None or lo is None or hi is None:
            continue
        scale, way = row.split(":")[0], direction(lo, hi)
        stats = sentence("(mean {a} to {b}; g {g}, 95% CI {lo} to {hi}; {n} matched participants)",
                         a=(t, row, "Earlier mean"), b=(t, row, "Later mean"), g=(t, row, "g_av"),
                         lo=(t, row, "CI low"), hi=(t, row, "CI high"), n=(t, row, "Matched n"))
        if stats is None:
            continue
        size = f"; the effect is {_size(g)} by the usual benchmarks" if way else ""
        levels.append(f"{level}: participants' own ratings of their {lower_first(scale)} show "
                      f"{change_words(lo, hi)} {stats}{size}.")
        (up if way == "up" else flat if way is None else []).append(lower_first(scale))
    # a finding names the result, once for all the level's scales that read alike; the statistics are in the
    # level's sentences above, said once
    if up:
        findings.append(f"Participants report stronger {join_words(up)} after the cadre. Next step: confirm "
                        f"{'it' if len(up) == 1 else 'them'} with evidence beyond self-report, such as {what}.")
    if flat:
        findings.append(f"Self-reported {join_words(flat)} did not change measurably. Next step: review whether "
                        "the sessions addressed " + ("it" if len(flat) == 1 else "them") + " directly, and "
                        "whether the scales measure what the cadre teaches.")
    return levels, findings


def cadre_summary(T: dict[str, ProtectedTable], *, outcome_sentence: str | None = None) -> Summary:
    """The executive summary's parts for one cadre, from its protected tables only.

    Parameters
    ----------
    T : dict of ProtectedTable
        The cadre's protected tables by id.
    outcome_sentence : str, optional
        Level 5 in one sentence (written by the outcomes section, which knows the years).

    The cadre design has no comparison group for its participants; the limits say so.
    """
    levels: list[str] = []
    findings: list[str] = []
    weak = _weak_events(T)
    ratings = T.get("event_ratings")
    if ratings is not None and "All events" in _rows(ratings) and len(ratings.display.columns) > 2:
        first = ratings.display.columns[2]
        s = sentence("{p} of event evaluations agreed that", p=(ratings, "All events", first))
        n = sentence("(n {n})", n=(ratings, "All events", "n"))
        if s and n:
            one = len(weak) == 1
            tail = ("; an event under the line is named below" if one else "; events under the line are named "
                    "below") if weak else ""
            levels.append(f"Reactions (Level 1): participants valued the events: {s} \u201c{lower_first(first)}\u201d "
                          f"{n}{tail}.")
            how_many = "one" if one else f"{len(weak)}"
            nps = T.get("event_nps")
            score = nps is not None and any(nps.shown(r, "NPS") is not None for r in _rows(nps))
            # only events with enough evaluations to show can be named: the claim says so
            findings.append("Events were well received overall" + (
                f", but not evenly: {how_many} {'event is' if one else 'events are'} known to have fallen under "
                f"{WEAK_SHARE}% favorable on at least one item"
                + (" or to have had a Net Promoter Score at or below zero" if score else "")
                + ": " + "; ".join(weak) + " (an event shown only as a bound, or not shown, may lie on either side "
                "of that line). Next step: review " + ("that session's" if one else "those sessions'")
                + " design and facilitation with the facilitators, and read the comments about "
                + ("it." if one else "them.") if weak else
                ". Next step: keep the event format, and read the comments for what to change."))
    lv2, f2 = _prepost_sentences(T, "prepost_learning", "Learning (Level 2)",
                                 "observations of their leadership or artifacts of their work")
    lv4, f4 = _prepost_sentences(T, "prepost_use", "Use in practice (Level 4)",
                                 "classroom walkthroughs or coaching logs")
    staff = T.get("staff_favorable")
    lv3: list[str] = []
    rose = False
    if staff is not None:
        change, low, high = STAFF_CHANGE
        for row in _rows(staff):
            lo, hi = staff.shown(row, low), staff.shown(row, high)
            if lo is None or hi is None:
                continue
            s = sentence("went from {a} to {b} favorable ({d} points, 95% CI {lo} to {hi})",
                         a=(staff, row, "Pre % favorable"), b=(staff, row, "Post % favorable"),
                         d=(staff, row, change), lo=(staff, row, low), hi=(staff, row, high))
            if s:
                lv3.append((f"{lower_first(row)} {s}", direction(lo, hi)))
                rose = rose or direction(lo, hi) == "up"
        if lv3:
            # topics that read alike share one verdict: "A went ..., B went ... and C went ...: each an increase"
            said = []
            for way in dict.fromkeys(w for _, w in lv3):
                same = [t for t, w in lv3 if w == way]
                words = change_words(1, 1) if way == "up" else change_words(-1, -1) if way == "down" \
                    else change_words(-1, 1)
                said.append(join_words(same) + (f": each {words}" if len(same) > 1 else f": {words}"))
            levels.append("Organizational support (Level 3): in the staff surveys of participants' schools, "
                          + "; ".join(said) + ".")
            if rose:
                findings.append("Staff at participants' schools view some conditions more favorably at the second "
                                "survey than at the first (whoever was on staff each time, so this describes the "
                                "schools, not the same people). Next step: share the school-level staff results "
                                "with each school team where the privacy rule allows.")
            else:
                findings.append("Staff views of school conditions have not changed measurably. Next step: ask "
                                "school teams which supports the cadre should add for staff beyond the "
                                "participants.")
    levels = levels[:1] + lv2 + levels[1:] + lv4
    if outcome_sentence:
        levels.append("Student outcomes (Level 5): " + lower_first(outcome_sentence))
    findings = findings[:1] + f2 + findings[1:] + f4

    participation: list[str] = []
    dosage = T.get("dosage_attended")
    if dosage is not None:
        parts = [sentence("{m} of {o}", m=(dosage, r, "Mean hours attended"), o=(dosage, r, "Hours offered"))
                 for r in _rows(dosage)]
        parts = [f"{p} {r.lower()} hours" for p, r in zip(parts, _rows(dosage)) if p]
        if parts:
            participation.append("Attendance and dosage: on average, participants attended " + join_words(parts)
                                 + " offered (those who missed an event count with zero hours for it).")
    resp, people = T.get("participant_responses"), T.get("participants_by_role")
    if resp is not None:
        s = sentence("Response: {pre} participants answered the pre survey, {post} the post survey and {m} both",
                     pre=(resp, "Pre survey", "Respondents"), post=(resp, "Post survey", "Respondents"),
                     m=(resp, "Matched pre and post", "Respondents"))
        total = people.shown("Total", "n") if people is not None and "Total" in _rows(people) else None
        m = resp.shown("Matched pre and post", "Respondents")
        if s:
            rate = (f", {round(100 * m / total)}% of the {people.text('Total', 'n').strip()} active participants"
                    if total and m is not None else "")
            participation.append(s + rate + "; the participant flow in the Level 2 section shows who is "
                                 "missing at each step.")

    limits = [
        "The participant results come from one group measured before and after, with no comparison group: they "
        "show how much participants changed, not that the cadre caused the change. Other events in the same "
        "year, the participants' own growth, and who chose to answer both surveys could explain part of it.",
        "Learning (Level 2) and use in practice (Level 4) are self-reported: participants rated themselves. "
        "People who learn more about a practice often rate their starting point lower after the fact (the "
        "response shift), which can make a pre/post change smaller or larger than the real one; the looking-back "
        "rows of the Level 2 chart show its size.",
        "Only participants who answered both surveys are compared; if those who answered once differ from them, "
        "the change may not hold for everyone.",
        "The staff surveys are anonymous and answered by whoever was on staff each time: they describe the schools' "
        "staff as a group, not the same people over time, and they include staff the cadre never worked with."
        if staff is not None else "",
        "Small groups are hidden or pooled under the privacy rule, so some events, roles and schools have no "
        "figures; a missing figure is never a zero.",
        "For whom: the results describe the cadre as a whole. Its roles and schools are too small to be reported "
        "one by one under the privacy rule, so this report cannot say whether the program worked better for some "
        "of them than for others.",
        "The staff survey's intervals allow for staff being grouped in schools; with only a few schools they are "
        "approximate." if staff is not None else "",
        "The report can tell you: how participants rated the events, how their own ratings changed, how their "
        "schools' staff answered, and who took part. It cannot tell you: the cadre's effect on students or "
        "teachers' practice as others would observe it, or whether the results would repeat with other schools.",
    ]
    return Summary(levels, participation, weak, findings[:5], [x for x in limits if x],
                   reading_notes(" ".join([*levels, *participation, *findings[:5]])))


#: What each term the summary puts in parentheses means, for a reader who has not met it: (marker, note).
#: Each term a summary may print, as the pattern that finds it, with the note that explains it.
_TERMS = (
    (r"[(;,]\s*g [-+]?\d", "g is the size of a change in standard deviations (Hedges' g): about 0.2 is small, 0.5 moderate "
             "and 0.8 large by the usual benchmarks."),
    (r"95% CI", "The 95% CI (confidence interval) is the range the true value plausibly lies in."),
    (r"[+-]\d+(?:\.\d+)? points", "Points are percentage points, not percent changes."),
    (r"hazard ratio", "A hazard ratio above 1 means participants were promoted sooner than the comparison group "
                     "(at any time, a higher chance of promotion among those not yet promoted); below 1, later."),
    (r"Net Promoter Score", "The Net Promoter Score is the percent who would recommend an event (9 or 10 of 10) "
                           "minus the percent who would not (0 to 6), from -100 to +100."),
)


def reading_notes(text: str) -> list[str]:
    """How to read the terms of ``text``: one note per term it uses (g, 95% CI, points, Net Promoter Score).

    >>> reading_notes("an increase (g 0.44; 95% CI 0.18 to 0.69)")[1][:40]
    'The 95% CI (confidence interval) is the '
    >>> len(reading_notes("mean 2.80 to 3.15; g 0.44, 95% CI 0.18 to 0.69")), reading_notes("no terms")
    (2, [])
    """
    notes = [note for pattern, note in _TERMS if re.search(pattern, text)]
    bound = re.search(r"[<>]\d+%", text)
    if bound:
        # the example is a bound the text itself prints, so the note never cites a figure the report has not
        notes.append(f"A share written as \u201c{bound.group(0)}\u201d is shown only as a bound: the exact "
                     "figure would leave too few people on one side of it.")
    return notes


#: A parenthesis after a space: the statistics a finding carries ("(mean 2.80 to 3.15; g 0.44, ...)"). One that
#: follows a letter ("facilitator(s)") is part of a word and stays.
_STATS = re.compile(r" \([^()]*\)")


def conclusions(summary: Summary, outcome_sentence: str | None = None) -> list[str]:
    """The report's closing section: each of the summary's findings in words, with its recommendation.

    The statistics the executive summary gives in parentheses are left out (a conclusion says what the numbers
    mean; the numbers are said once, in the summary and their sections), and each finding keeps its next step as
    a recommendation beside it, where "it" and "those sessions" still have their referent. Nothing here reads a
    table: every figure left in a conclusion was published by the summary's own protected sentences.

    >>> s = Summary([], [], [], ["Participants report stronger practice after the cadre (g 0.60, 95% CI 0.36 to "
    ...                          "0.83). Next step: confirm it with observations."], [])
    >>> conclusions(s)
    ['Participants report stronger practice after the cadre. Recommendation: confirm it with observations.']
    """
    said = []
    for finding in summary.findings:
        claim, _, step = finding.partition(" Next step: ")
        claim = _STATS.sub("", claim).strip()
        said.append(f"{claim} Recommendation: {step.strip()}" if step.strip() else claim)
    if outcome_sentence:
        said.append(f"Student outcomes: {outcome_sentence}")
    return said
