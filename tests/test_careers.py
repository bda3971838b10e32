"""Careers from HR snapshots (issue [6/9]): person-year statuses on handmade career histories, and each
survival method against an independent computation written here in numpy from the textbook formulas
(lifelines, the obvious second library, requires pandas < 3, which evalkit does not run on)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from evalkit.analyze.careers import (career_statuses, cox_clustered, cumulative_incidence, km_promotion, logrank,
                                     promotion_spells, wilson_rate)

LADDER = {"teacher": 1, "coach": 1, "assistant_principal": 2, "principal": 3}


def _hr(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["id", "sy", "cat", "title", "school", "status"])


HISTORIES = _hr([
    # a: teacher, moves school, promoted to AP, stays (hired before the file: late entry)
    ("a", "2020-21", "teacher", "Teacher Leader", "S1", "active"),
    ("a", "2021-22", "teacher", "Teacher Leader", "S2", "active"),
    ("a", "2022-23", "assistant_principal", "Assistant Principal", "S2", "active"),
    ("a", "2023-24", "assistant_principal", "Assistant Principal", "S2", "active"),
    # b: coach, leaves (no record), returns two years later as a teacher (lateral rank 1)
    ("b", "2020-21", "coach", "Science Coach", "S3", "active"),
    ("b", "2022-23", "teacher", "Teacher Leader", "S3", "active"),
    ("b", "2023-24", "teacher", "Teacher Leader", "S3", "active"),
    # c: AP separated in 2022-23 (the file's last record of them says so)
    ("c", "2020-21", "assistant_principal", "Assistant Principal", "S4", "active"),
    ("c", "2021-22", "assistant_principal", "Assistant Principal", "S4", "active"),
    ("c", "2022-23", "assistant_principal", "Assistant Principal", "S4", "separated"),
    # d: hired in 2022-23 (enters late in the file), title change at the same rank, then demoted
    ("d", "2022-23", "coach", "Instructional Coach (Math)", "S5", "active"),
    ("d", "2023-24", "teacher", "Teacher Leader", "S5", "active"),
    # e: principal promoted? no: principal who stays everywhere
    ("e", "2020-21", "principal", "Principal", "S6", "active"),
    ("e", "2021-22", "principal", "Principal", "S6", "active"),
    ("e", "2022-23", "principal", "Principal", "S6", "active"),
    ("e", "2023-24", "principal", "Principal", "S6", "active"),
    # f: AP demoted to teacher
    ("f", "2021-22", "assistant_principal", "Assistant Principal", "S7", "active"),
    ("f", "2022-23", "teacher", "Teacher Leader", "S7", "active"),
])


def test_statuses_of_handmade_careers() -> None:
    got = career_statuses(HISTORIES, person="id", year="sy", rank="cat", ladder=LADDER, role="title",
                          place="school", status="status")
    by = {p: list(zip(g["year"], g["status"])) for p, g in got.groupby("person")}
    assert by["a"] == [(2020, "mover"), (2021, "promoted"), (2022, "stayer")]
    assert by["b"] == [(2020, "leaver"), (2022, "returner"), (2022, "stayer")]   # the role changed in the gap
    assert by["c"] == [(2020, "stayer"), (2021, "leaver")]              # separated in 2022-23
    assert by["d"] == [(2022, "lateral")]                               # coach -> teacher: same rank, new role
    assert by["e"] == [(2020, "stayer"), (2021, "stayer"), (2022, "stayer")]
    assert by["f"] == [(2021, "demoted"), (2022, "leaver")]             # no 2023-24 record: gone
    assert got["year"].max() == 2022                                    # the last year has no next year


def test_promotion_spells_start_at_first_observation_and_stop_at_the_first_event() -> None:
    st = career_statuses(HISTORIES, person="id", year="sy", rank="cat", ladder=LADDER, role="title",
                         place="school", status="status")
    hired = {"a": 2015, "b": 2018, "c": 2019, "d": 2022, "e": 2010, "f": 2021}
    sp = promotion_spells(st, hired).set_index("person")
    assert sp.loc["a"].tolist() == [5, 7, 1]       # entered at 5 years (late entry), promoted at 7
    assert sp.loc["b"].tolist() == [2, 3, 2]       # left at 3: the competing event; the return is not a new spell
    assert sp.loc["c"].tolist() == [1, 3, 2]
    assert sp.loc["d"].tolist() == [0, 1, 0]       # censored: still employed, unpromoted, at the file's end
    assert sp.loc["e"].tolist() == [10, 13, 0]
    assert sp.loc["f"].tolist() == [0, 2, 2]


def _random_spells(seed: int, n: int = 300, ties: bool = True) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    entry = rng.integers(0, 4, n).astype(float)
    length = rng.integers(1, 8, n).astype(float) if ties else rng.exponential(4.0, n) + 0.01
    event = rng.choice([0, 1, 2], n, p=[0.4, 0.35, 0.25])
    return pd.DataFrame({"person": range(n), "entry": entry, "time": entry + length, "event": event})


def _km_by_hand(entry: np.ndarray, time: np.ndarray, event: np.ndarray) -> dict[float, tuple[float, int]]:
    """Product-limit with left truncation (Klein & Moeschberger 2003, eq. 4.6.2): at each event time t the risk
    set is everyone with entry < t <= time."""
    out, s = {}, 1.0
    for t in np.unique(time[event]):
        n = int(((entry < t) & (time >= t)).sum())
        d = int(((time == t) & event).sum())
        s *= 1 - d / n
        out[float(t)] = (s, n)
    return out


def test_kaplan_meier_with_late_entry_matches_a_hand_computation() -> None:
    sp = _random_spells(1)
    ours = km_promotion(sp).table
    hand = _km_by_hand(sp["entry"].to_numpy(), sp["time"].to_numpy(), (sp["event"] == 1).to_numpy())
    assert list(ours["time"]) == sorted(hand)
    for t, s, n in zip(ours["time"], ours["estimate"], ours["at_risk"]):
        assert s == pytest.approx(hand[float(t)][0], abs=1e-12) and n == hand[float(t)][1]
    assert ((ours["ci_low"] <= ours["estimate"] + 1e-12) & (ours["estimate"] <= ours["ci_high"] + 1e-12)).all()
    # ignoring late entry (everyone at risk from 0) gives a different curve: the test can tell them apart
    naive = _km_by_hand(np.zeros(len(sp)), sp["time"].to_numpy(), (sp["event"] == 1).to_numpy())
    assert any(abs(naive[t][0] - hand[t][0]) > 0.01 for t in hand)


def _aalen_johansen(time: np.ndarray, event: np.ndarray, cause: int) -> dict[float, float]:
    """By hand: F_k(t) = sum over event times t_i <= t of S(t_i-) d_ki / n_i, S the all-cause KM."""
    out, s, f = {}, 1.0, 0.0
    for t in np.unique(time[event > 0]):
        n = (time >= t).sum()
        d_all = ((time == t) & (event > 0)).sum()
        d_k = ((time == t) & (event == cause)).sum()
        f += s * d_k / n
        s *= 1 - d_all / n
        out[float(t)] = f
    return out


def test_cumulative_incidence_matches_a_hand_computation_and_one_minus_km_overstates() -> None:
    sp = _random_spells(2)
    ours = cumulative_incidence(sp)
    t = (sp["time"] - sp["entry"]).to_numpy(float)
    for cause, col in ((1, "promoted"), (2, "left")):
        hand = _aalen_johansen(t, sp["event"].to_numpy(), cause)
        for x, v in zip(ours["time"], ours[col]):
            assert v == pytest.approx(hand[float(x)], abs=1e-10)
    # 1 - KM with departures censored overstates promotion at the end (it treats leavers as still at risk)
    one_minus = 1 - _km_by_hand(np.full(len(t), -1.0), t, sp["event"].to_numpy() == 1)[float(ours["time"].iloc[-1])][0]
    assert one_minus > ours["promoted"].iloc[-1] + 0.01


def _logrank_by_hand(time: np.ndarray, event: np.ndarray, in_a: np.ndarray) -> float:
    """Two groups: (sum O_a - E_a)^2 / sum V_a, with the hypergeometric variance at each event time (Mantel 1966)."""
    o_e, v = 0.0, 0.0
    for t in np.unique(time[event]):
        at = time >= t
        n, n_a = at.sum(), (at & in_a).sum()
        d = ((time == t) & event).sum()
        d_a = ((time == t) & event & in_a).sum()
        o_e += d_a - d * n_a / n
        v += d * (n_a / n) * (1 - n_a / n) * (n - d) / (n - 1) if n > 1 else 0.0
    return o_e ** 2 / v


def test_logrank_matches_a_hand_computation() -> None:
    from scipy import stats

    sp = _random_spells(3).assign(entry=0.0)
    sp["time"] = sp["time"] + 1
    group = np.where(np.arange(len(sp)) % 3 == 0, "participant", "comparison")
    chisq, p = logrank(sp, pd.Series(group))
    hand = _logrank_by_hand(sp["time"].to_numpy(), (sp["event"] == 1).to_numpy(), group == "participant")
    assert chisq == pytest.approx(hand, rel=1e-9)
    assert p == pytest.approx(stats.chi2.sf(hand, 1), rel=1e-9)


def _cox_by_hand(time: np.ndarray, event: np.ndarray, X: np.ndarray, cluster: np.ndarray):
    """Breslow partial likelihood maximized by scipy, and the Lin-Wei sandwich from score residuals summed by
    cluster: U_i = d_i (x_i - xbar(t_i)) - sum over event times t_j <= t_i of r_i d_j / S0(t_j) (x_i - xbar(t_j))
    (Lin & Wei 1989; Therneau & Grambsch 2000, §7.2). No ties in the times here."""
    from scipy.optimize import minimize

    order = np.argsort(time)
    t, d, x = time[order], event[order].astype(bool), X[order]

    def nll(b):
        eta = x @ b
        # risk set at t_i: everyone with time >= t_i (sorted: i onwards)
        log_s0 = np.log(np.cumsum(np.exp(eta)[::-1])[::-1])
        return -np.sum((eta - log_s0)[d])

    b = minimize(nll, np.zeros(x.shape[1]), method="BFGS", options={"gtol": 1e-10}).x
    r = np.exp(x @ b)
    n, p = x.shape
    U = np.zeros((n, p))
    H = np.zeros((p, p))
    for j in np.flatnonzero(d):
        risk = np.arange(j, n)
        s0 = r[risk].sum()
        xbar = (r[risk, None] * x[risk]).sum(0) / s0
        xx = (r[risk, None, None] * np.einsum("ij,ik->ijk", x[risk], x[risk])).sum(0) / s0
        H += xx - np.outer(xbar, xbar)
        U[j] += x[j] - xbar
        U[risk] -= (r[risk] / s0)[:, None] * (x[risk] - xbar)
    cl = cluster[order]
    B = sum(np.outer(U[cl == g].sum(0), U[cl == g].sum(0)) for g in np.unique(cl))
    Hi = np.linalg.inv(H)
    return b, np.sqrt(np.diag(Hi @ B @ Hi))


def test_cox_with_school_clustered_errors_matches_a_hand_computation() -> None:
    rng = np.random.default_rng(4)
    n = 400
    school = rng.integers(0, 25, n)
    participant = rng.integers(0, 2, n).astype(float)
    years = rng.normal(8, 3, n)
    u = rng.normal(0, 0.4, 25)[school]                                # a shared school effect
    time = rng.exponential(1 / np.exp(-1.5 + 0.5 * participant + 0.05 * years + u)) + 0.001
    event = (rng.random(n) < 0.7).astype(int)
    # one person censored before the first event: statsmodels alone would make every standard error NaN
    time[0], event[0] = time.min() / 2, 0
    sp = pd.DataFrame({"entry": 0.0, "time": time, "event": event})
    X = pd.DataFrame({"participant": participant, "years": years})
    ours = cox_clustered(sp, X, pd.Series(school))
    b, se = _cox_by_hand(time, event, X.to_numpy(), school)
    assert ours["coef"].to_numpy() == pytest.approx(b, abs=1e-5)
    assert ours["se"].to_numpy() == pytest.approx(se, rel=1e-4)
    assert (ours["ci_low"] < ours["hazard_ratio"]).all() and (ours["hazard_ratio"] < ours["ci_high"]).all()


def test_wilson_rates_match_newcombes_worked_example() -> None:
    """Newcombe (1998), Table I, method 3 (Wilson score): 81/263 -> 0.2553 to 0.3662; 15/148 -> 0.0624 to 0.1605."""
    for (k, n), (lo, hi) in (((81, 263), (25.53, 36.62)), ((15, 148), (6.24, 16.05))):
        rate, low, high = wilson_rate(k, n)
        assert rate == pytest.approx(100 * k / n) and low == pytest.approx(lo, abs=0.01) and high == pytest.approx(hi, abs=0.01)


def test_k_year_retention_and_promotion_on_handmade_careers() -> None:
    from evalkit.analyze.careers import k_year_rates

    st = career_statuses(HISTORIES, person="id", year="sy", rank="cat", ladder=LADDER, role="title",
                         place="school", status="status")
    got = k_year_rates(st, {"a": 2020, "b": 2020, "c": 2020, "d": 2022, "e": 2020, "f": 2021}, 2).set_index("person")
    assert got.loc["a"].tolist() == [True, True]       # promoted in the window, there two years on
    assert got.loc["b"].tolist() == [True, False]      # left, and back by the end of the window
    assert got.loc["c"].tolist() == [False, False]     # separated
    assert got.loc["e"].tolist() == [True, False]
    assert got.loc["f"].tolist() == [False, False]
    assert "d" not in got.index                        # started 2022: the file ends before 2024


def test_standardized_differences_by_hand() -> None:
    """Austin (2009): (2.5 - 5) / sqrt((1.6667 + 6.6667) / 2) = -1.2247; (0.75 - 0.25) / sqrt((0.1875 * 2) / 2) = 1.1547."""
    from evalkit.analyze.careers import standardized_difference

    assert standardized_difference(pd.Series([1.0, 2, 3, 4]), pd.Series([2.0, 4, 6, 8])) == pytest.approx(-1.22474, abs=1e-4)
    assert standardized_difference(pd.Series([1, 1, 1, 0]), pd.Series([1, 0, 0, 0])) == pytest.approx(1.15470, abs=1e-4)


def test_matching_keeps_exact_strata_never_reuses_a_control_and_respects_the_caliper() -> None:
    from evalkit.analyze.careers import matched_comparison

    p = pd.DataFrame({"t": [1, 1, 1, 0, 0, 0, 0], "role": ["ap", "ap", "p", "ap", "ap", "p", "ap"],
                      "yrs": [5, 6, 2, 5, 20, 9, 6]})
    got = matched_comparison(p, treated="t", exact=["role"], distance="yrs", caliper=3)
    pairs = dict(zip(got["treated_index"], got["control_index"]))
    assert pairs == {0: 3, 1: 6}                      # the principal's only candidate is 7 years away
    assert len(set(pairs.values())) == len(pairs)
    assert all(p.loc[a, "role"] == p.loc[b, "role"] for a, b in pairs.items())


def test_newcombe_interval_of_a_difference_matches_the_published_example() -> None:
    """Newcombe (1998, Table II, method 10): 56/70 - 48/80 = 0.2000, 95% CI 0.0524 to 0.3339: the interval the
    pipeline report gives for participants minus the comparison."""
    from statsmodels.stats.proportion import confint_proportions_2indep

    lo, hi = confint_proportions_2indep(56, 70, 48, 80, method="newcomb", compare="diff")
    assert (lo, hi) == (pytest.approx(0.0524, abs=1e-4), pytest.approx(0.3339, abs=1e-4))
