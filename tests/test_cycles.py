"""The inquiry cycle and school assessments (issue [7/9]): the funnel and the times between steps on handmade
cycles (skipped steps, steps out of order, a principal who left), and the shift table against a count by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from evalkit.analyze.cycles import cycle_funnel, shift_table, step_times

STEPS = ["Problem", "Evidence", "Theory", "Observe", "Debrief", "Next level", "Act", "Reflect"]


def _cycles() -> pd.DataFrame:
    rows = []
    # p1 completes every step, ten days apart
    rows += [("p1", s, pd.Timestamp("2025-09-01") + pd.Timedelta(days=10 * i)) for i, s in enumerate(STEPS)]
    # p2 skips Theory (no date), otherwise reaches Debrief, then left the network (no later dates)
    rows += [("p2", s, pd.Timestamp("2025-09-05") + pd.Timedelta(days=7 * i)) for i, s in enumerate(STEPS[:5])
             if s != "Theory"]
    # p3 records Observe before Theory (out of order): a backwards gap, left out of the times
    rows += [("p3", "Problem", pd.Timestamp("2025-09-02")), ("p3", "Evidence", pd.Timestamp("2025-09-20")),
             ("p3", "Theory", pd.Timestamp("2025-10-15")), ("p3", "Observe", pd.Timestamp("2025-10-01"))]
    # p4 has only a row for the first step without a date (not reached anything)
    rows += [("p4", "Problem", pd.NaT)]
    return pd.DataFrame(rows, columns=["who", "step", "done"])


def test_funnel_counts_reached_stopped_and_skipped_steps() -> None:
    f = cycle_funnel(_cycles(), unit="who", step="step", date="done", steps=STEPS).set_index("step")
    assert f["of"].eq(4).all()
    assert f["reached"].tolist() == [3, 3, 2, 3, 2, 1, 1, 1]
    assert f.loc["Theory", "skipped"] == 1                     # p2 went on without it
    assert f.loc["Debrief", "stopped"] == 1 and f.loc["Observe", "stopped"] == 1 and f.loc["Reflect", "stopped"] == 1
    assert f["stopped"].sum() == 3                            # p4 reached nothing, so stopped nowhere
    assert f["order"].tolist() == list(range(1, 9))


def test_times_between_steps_leave_out_backwards_dates_and_skipped_pairs() -> None:
    t = step_times(_cycles(), unit="who", step="step", date="done", steps=STEPS).set_index(["from", "to"])
    assert t.loc[("Problem", "Evidence"), "n"] == 3
    assert t.loc[("Problem", "Evidence"), "median"] == 10.0          # 10 (p1), 7 (p2), 18 (p3)
    assert t.loc[("Theory", "Observe"), "backwards"] == 1 and t.loc[("Theory", "Observe"), "n"] == 1
    assert t.loc[("Evidence", "Theory"), "n"] == 2                   # p2 skipped Theory: no pair


def test_median_interval_follows_the_order_statistics_of_conover() -> None:
    """n = 10: the 95% interval of the median is (x(2), x(9)) (Conover 1999, Table A3: coverage 0.979)."""
    days = [3, 5, 8, 9, 12, 15, 16, 20, 30, 41]
    ev = pd.DataFrame([(f"u{i}", s, pd.Timestamp("2025-01-01") + pd.Timedelta(days=d if s == "B" else 0))
                       for i, d in enumerate(days) for s in ("A", "B")], columns=["who", "step", "done"])
    t = step_times(ev, unit="who", step="step", date="done", steps=["A", "B"]).iloc[0]
    assert (t["ci_low"], t["median"], t["ci_high"]) == (5.0, 13.5, 30.0)


def test_shift_table_matches_a_count_by_hand() -> None:
    levels = ["Beginning", "Emerging", "Developing", "Proficient"]
    rng = np.random.default_rng(5)
    schools = [f"S{i}" for i in range(40)]
    before = pd.Series(rng.choice(levels[:3], 40), index=schools)
    after = pd.Series([levels[max(0, min(3, levels.index(b) + int(rng.integers(-1, 3))))] for b in before],
                      index=schools)
    after.iloc[:3] = np.nan                                     # three schools without an end assessment
    table, summary = shift_table(before, after, levels)
    hand = {(a, b): 0 for a in levels for b in levels}
    up = same = down = 0
    for s in schools:
        if pd.isna(after[s]):
            continue
        hand[(before[s], after[s])] += 1
        d = levels.index(after[s]) - levels.index(before[s])
        up, same, down = up + (d > 0), same + (d == 0), down + (d < 0)
    assert [[hand[(a, b)] for b in levels] for a in levels] == table.values.tolist()
    assert (summary["n"], summary["up"], summary["same"], summary["down"]) == (37, up, same, down)
    assert summary["ci_low"] < summary["pct_up"] < summary["ci_high"]


def test_phase_progression_on_handmade_principals() -> None:
    """a: Connect -> Lead -> Succeed; b: Connect -> Lead, then left; c: Connect only; d: a Lead record without a date."""
    from evalkit.analyze.cycles import phase_progression

    ev = pd.DataFrame([("a", "Connect", "2025-09-01"), ("a", "Lead", "2026-01-01"), ("a", "Succeed", "2026-04-01"),
                       ("b", "Connect", "2025-09-15"), ("b", "Lead", "2026-02-01"), ("c", "Connect", "2025-10-01"),
                       ("d", "Connect", "2025-09-20"), ("d", "Lead", None)], columns=["who", "phase", "done"])
    got = phase_progression(ev, unit="who", phase="phase", date="done", phases=["Connect", "Lead", "Succeed"])
    got = got.set_index("phase")
    assert got["reached"].tolist() == [4, 2, 1] and got["went_on"].tolist() == [2, 1, 0]
    assert got.loc["Connect", "median_days_to_next"] == (122 + 139) / 2      # a: 122 days, b: 139 days
    assert got.loc["Lead", "median_days_to_next"] == 90.0
