"""How far a cumulative curve may be published: the steps a reader can subtract.

A cumulative incidence (or a Kaplan-Meier curve) published year by year beside its numbers at risk gives back
each year's events: the step from one published point to the next, times the people at risk, is a count of
people. So a curve is published point by point only while every step rests on no event or on at least
``n_min`` events; from the first step with 1 to ``n_min - 1`` events on, the curve stops (a later point minus
the last published one would give that small count back, added to what follows). The end point the k-year
rates publish is a separate figure of a separate table, gated there.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["publishable_steps"]


def publishable_steps(events: Sequence[int], n_min: int) -> int:
    """How many leading points of a cumulative curve may be shown, given the events at each point.

    Parameters
    ----------
    events : sequence of int
        Events at each successive time point of the curve (one cause of one group).
    n_min : int
        The smallest group a figure may describe.

    Returns
    -------
    int
        The number of points from the start that may be shown: every point before the first with
        ``0 < events < n_min``.

    Examples
    --------
    >>> publishable_steps([16, 0, 12, 9, 30], 10), publishable_steps([1, 4], 10), publishable_steps([], 10)
    (3, 0, 0)
    """
    for i, k in enumerate(events):
        if 0 < k < n_min:
            return i
    return len(events)
