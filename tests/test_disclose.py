"""The disclosure rule against the adversarial scenarios of research/privacy.md §4 (issue [4/5] §8).

Each scenario builds synthetic people, publishes tables through :class:`evalkit.disclose.Bundle`
and attacks the result with an LP written here, independently of evalkit's own audit, so a test
fails if the shipped pattern leaks.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.optimize import linprog

from evalkit.disclose import Bundle, DisclosurePolicy, ProtectedTable, ReleaseLedger, format_share
from evalkit.disclose.attack import Figure, Hidden, attack
from evalkit.disclose.space import Universe, sel
from evalkit.errors import ConfigError, DisclosureError, RereleaseError

POL = DisclosurePolicy()


def people(**groups: int) -> pd.DataFrame:
    """``people(teacher=30, coach=3)`` → one row per person with a ``role`` column."""
    return pd.DataFrame({"role": [r for r, k in groups.items() for _ in range(k)]})


def crosstab(spec: dict[tuple[str, str], int], a: str = "role", b: str = "answer") -> pd.DataFrame:
    return pd.DataFrame([(x, y) for (x, y), k in spec.items() for _ in range(k)], columns=[a, b])


def independent_attack(df: pd.DataFrame, dims: list[str], pb, layout: dict[str, tuple[str, str | None]]):
    """The reader's equations and inequalities from the *displayed* text of the count tables in ``layout``.

    Built from ``ProtectedTable.display`` (what is printed), not from evalkit's own list of figures, so this
    attacker is independent of the code under test. A number is an equation; "fewer than 10" means 1..9;
    "not shown" (a complement) means at least 10. ``layout`` maps a table id to its row and column
    dimensions; "Total" rows and columns are margins.
    """
    cats = {d: sorted(df[d].astype(str).unique()) for d in dims}
    atoms = pd.MultiIndex.from_product([cats[d] for d in dims], names=dims).to_frame(index=False)
    eq, b_eq, ub, b_ub = [], [], [], []
    for tid, (rdim, cdim) in layout.items():
        disp = pb.tables[tid].display
        for _, line in disp.iterrows():
            row = line.iloc[0]
            for col in disp.columns[1:]:
                text = str(line[col]).replace(",", "")
                m = np.ones(len(atoms), dtype=bool)
                if row != "Total":
                    m &= atoms[rdim].eq(row).to_numpy()
                if cdim is not None and col != "Total":
                    m &= atoms[cdim].eq(col).to_numpy()
                v = m.astype(float)
                if text.isdigit():
                    eq.append(v)
                    b_eq.append(float(text))
                elif text.startswith("fewer than"):
                    n = float(text.split()[-1])
                    ub += [v, -v]
                    b_ub += [n - 1, -1.0]
                elif text == "not shown":
                    ub.append(-v)
                    b_ub.append(-float(POL.n_min))
    return atoms, (np.array(eq), np.array(b_eq), np.array(ub) if ub else None, np.array(b_ub) if ub else None)


def bounds_of(atoms, system, s: dict) -> tuple[float, float]:
    A, b, A_ub, b_ub = system
    m = np.ones(len(atoms), dtype=bool)
    for d, vals in s.items():
        m &= atoms[d].isin(vals).to_numpy()
    c = m.astype(float)
    lo = linprog(c, A_eq=A, b_eq=b, A_ub=A_ub, b_ub=b_ub, bounds=(0, None), method="highs")
    hi = linprog(-c, A_eq=A, b_eq=b, A_ub=A_ub, b_ub=b_ub, bounds=(0, None), method="highs")
    return lo.fun, (np.inf if hi.status == 3 else -hi.fun)


# -- 0. the policy ------------------------------------------------------------------------------------
def test_policy_refuses_below_3_and_needs_reason_below_5():
    with pytest.raises(ConfigError):
        DisclosurePolicy(n_min=2)
    with pytest.raises(ConfigError):
        DisclosurePolicy(n_min=4)
    assert DisclosurePolicy(n_min=4, override_reason="tiny pilot, consent given").n_min == 4
    assert any("tiny pilot" in s for s in DisclosurePolicy(n_min=4, override_reason="tiny pilot").describe())


def test_protected_table_only_from_disclose():
    with pytest.raises(TypeError, match="only by evalkit.disclose"):
        ProtectedTable("t", "T", pd.DataFrame(), pd.DataFrame())


# -- 1. a group of 3 ------------------------------------------------------------------------------------
def test_group_of_three_never_shown_nor_recoverable():
    b = Bundle(POL, release_id="r1")
    b.universe("staff", people(teacher=30, coach=12, district_leader=3), ["role"])
    b.counts("by_role", "staff", rows="role", title="Respondents by role")
    pb = b.protect()
    t = pb.tables["by_role"]
    assert t.text("district_leader", "n") == "fewer than 10"
    assert "3" not in set(t.display["n"])
    atoms, system = independent_attack(people(teacher=30, coach=12, district_leader=3), ["role"], pb,
                                      {"by_role": ("role", None)})
    lo, hi = bounds_of(atoms, system, {"role": ["district_leader"]})
    assert hi - lo >= POL.min_interval_width
    assert pb.audit.passed and pb.audit.solves > 0


def test_merge_small_groups_into_other_row():
    b = Bundle(POL, release_id="r1")
    b.universe("staff", people(teacher=30, coach=6, district_leader=3, ap=2), ["role"])
    b.counts("by_role", "staff", rows="role", title="Respondents by role", merge_small="Other roles")
    t = b.protect().tables["by_role"]
    assert t.shown("Other roles", "n") == 11 and t.shown("teacher", "n") == 30 and t.shown("Total", "n") == 41
    assert t.n_hidden == 0


# -- 2. role x response with margins ---------------------------------------------------------------------
SPEC2 = {("teacher", "agree"): 20, ("teacher", "neutral"): 3, ("teacher", "disagree"): 12,
         ("coach", "agree"): 11, ("coach", "neutral"): 2, ("coach", "disagree"): 14,
         ("principal", "agree"): 12, ("principal", "neutral"): 1, ("principal", "disagree"): 15}


def test_primary_only_fails_the_audit_and_shipped_pattern_passes():
    df = crosstab(SPEC2)
    u = Universe("x", df, ["role", "answer"])
    # primary suppression alone: hide the three neutral cells, publish the rest with margins
    figs, hid = [], []
    for r in ["teacher", "coach", "principal", None]:
        for a in ["agree", "neutral", "disagree", None]:
            s = {k: frozenset([v]) for k, v in (("role", r), ("answer", a)) if v}
            v = u.count(s)
            if 0 < v < 10:
                hid.append(Hidden("x", s, v, (r, a)))
            else:
                figs.append(Figure.count("x", s, v, cell=(r, a)))
    assert not attack({"x": u}, figs, hid, min_width=5, n_min=10).passed
    b = Bundle(POL, release_id="r")
    b.universe("x", df, ["role", "answer"])
    b.counts("t", "x", rows="role", cols="answer", title="Answers by role", responses=True)
    pb = b.protect()
    assert pb.audit.passed
    atoms, system = independent_attack(df, ["role", "answer"], pb, {"t": ("role", "answer")})
    for r, a in [("teacher", "neutral"), ("coach", "neutral"), ("principal", "neutral")]:
        lo, hi = bounds_of(atoms, system, {"role": [r], "answer": [a]})
        assert hi - lo >= 5, (r, a, lo, hi)
    assert any(e["rule"] == "complementary" for e in pb.log)


# -- 3. three linked tables --------------------------------------------------------------------------------
def test_three_tables_attacked_jointly():
    rng = np.random.default_rng(3)
    df = pd.DataFrame({"role": rng.choice(["teacher", "coach", "ap"], 120, p=[.7, .2, .1]),
                       "school": rng.choice(["S1", "S2", "S3", "S4"], 120, p=[.4, .3, .2, .1])})
    b = Bundle(POL, release_id="r")
    b.universe("staff", df, ["role", "school"])
    b.counts("by_role", "staff", rows="role", title="By role")
    b.counts("by_school", "staff", rows="school", title="By school")
    b.counts("role_school", "staff", rows="role", cols="school", title="Role by school")
    pb = b.protect()
    atoms, system = independent_attack(df, ["role", "school"], pb, {"by_role": ("role", None), "by_school": ("school", None),
                                                               "role_school": ("role", "school")})
    checked = 0
    for (r, s), k in df.value_counts(["role", "school"]).items():
        if 0 < k < 10:
            lo, hi = bounds_of(atoms, system, {"role": [r], "school": [s]})
            assert hi - lo >= 5 - 1e-6, (r, s, k, lo, hi)
            checked += 1
    assert checked >= 3


# -- 4. the complement trap ----------------------------------------------------------------------------------
def test_complement_trap():
    df = pd.DataFrame({"admin": ["yes"] + ["no"] * 24})
    b = Bundle(POL, release_id="r")
    b.universe("staff", df, ["admin"])
    b.counts("t", "staff", rows="admin", title="Administrators")
    pb = b.protect()
    t = pb.tables["t"]
    assert t.shown("no", "n") is None or t.shown("Total", "n") is None  # 24 beside 25 never both
    assert t.shown("yes", "n") is None


# -- 5. percentages ----------------------------------------------------------------------------------------
def test_no_percentage_for_small_group_and_no_count_from_share_and_denominator():
    df = crosstab({("teacher", "agree"): 14, ("teacher", "disagree"): 10, ("coach", "agree"): 4, ("coach", "disagree"): 2})
    b = Bundle(POL, release_id="r")
    b.universe("q", df, ["role", "answer"])
    b.shares("q1", "q", group="role", response="answer", title="Agreement")
    b.counts("n_by_role", "q", rows="role", title="Respondents")
    pb = b.protect()
    t = pb.tables["q1"]
    assert t.shown("coach", "agree") is None and t.shown("coach", "n") is None
    assert t.text("coach", "agree") == "fewer than 10"
    assert pb.audit.passed   # shares are in the LP: the coaches' n cannot be rebuilt from "All" shares


# -- 6. top and bottom coding --------------------------------------------------------------------------------
@pytest.mark.parametrize("p,text", [(100, ">95%"), (0, "<5%"), (96, ">95%"), (4, "<5%"), (95, "95%"), (5, "5%")])
def test_top_bottom_coding(p, text):
    assert format_share(p, POL)[0] == text
    assert format_share(p, POL, 1000)[0] == text  # 5% of 1000 is 50 people: the fixed codes bind


@pytest.mark.parametrize("n", [20, 21, 26, 40, 99, 200, 1000])
def test_a_shown_share_never_stands_for_fewer_than_n_min_people(n):
    """Issue [3/9]: the coding of shares follows n_min in people, on both sides of the share."""
    for k in range(n + 1):
        text, status, _ = format_share(100 * k / n, POL, n)
        small = min(k, n - k) < POL.n_min or not 5 <= 100 * k / n <= 95
        assert (status != "shown") == small, (n, k, text)
        if status == "bottom_coded":   # the published bound is true
            assert 100 * k / n < float(text.strip("<%"))
        if status == "top_coded":
            assert 100 * k / n > float(text.strip(">%"))


def test_share_min_people_is_the_projects_choice():
    pol = DisclosurePolicy(share_min_people=5)
    assert format_share(20, pol, 25)[0] == "20%" and format_share(16, pol, 25)[0] == "<20%"
    with pytest.raises(Exception, match="share_min_people"):
        DisclosurePolicy(share_min_people=1)


def test_group_of_12_shares_coded():
    df = crosstab({("teacher", "agree"): 12})
    df2 = pd.concat([df, crosstab({("coach", "agree"): 11, ("coach", "disagree"): 1})])
    b = Bundle(POL, release_id="r")
    b.universe("q", df2, ["role", "answer"])
    b.shares("q1", "q", group="role", response="answer", title="Agreement", total=False)
    t = b.protect().tables["q1"]
    text = t.display.to_string()
    assert "100%" not in text and " 0%" not in text
    # 11 of 12 and 1 of 12: each share leaves fewer than 10 people on one side, so none is shown (issue
    # [3/9]: "8%" of 12 would be one person)
    assert "92%" not in text and "8%" not in text
    assert t.text("coach", "agree") == "not shown" and t.text("coach", "disagree") == "not shown"
    assert t.text("teacher", "agree") == "not shown"      # all 12 alike: homogeneity


# -- 7. all 11 alike ------------------------------------------------------------------------------------------
def test_all_eleven_alike_hidden():
    df = crosstab({("S1", "strongly disagree"): 11, ("S2", "agree"): 12, ("S2", "disagree"): 13}, a="school")
    b = Bundle(POL, release_id="r")
    b.universe("q", df, ["school", "answer"])
    b.counts("t", "q", rows="school", cols="answer", title="Answers by school", responses=True)
    pb = b.protect()
    t = pb.tables["t"]
    assert t.shown("S1", "strongly disagree") is None
    assert any(e["rule"] == "homogeneity" and e["row"] == "S1" for e in pb.log)
    assert pb.audit.passed


# -- 8. statistics gated by n --------------------------------------------------------------------------------
def test_mean_sd_of_five_hidden_and_paired_n_gates():
    frame = pd.DataFrame({"Group": ["Teachers", "Coaches", "All"], "Matched n": [24, 5, 29], "Pre n": [30, 12, 42],
                          "Pre mean": [3.1, 3.4, 3.2], "Pre SD": [.5, .6, .5], "g_av": [.4, .9, .5]})
    b = Bundle(POL, release_id="r")
    b.statistics("pp", frame, group="Group", n=["Matched n"], columns={"Pre mean": "{:.2f}", "Pre SD": "{:.2f}",
                 "g_av": "{:.2f}"}, title="Pre/post", total_row="All")
    t = b.protect().tables["pp"]
    assert t.shown("Coaches", "Pre mean") is None and t.shown("Coaches", "Pre SD") is None
    assert t.shown("Coaches", "g_av") is None
    # the 5 coaches' mean would follow from 29*All - 24*Teachers: one of the two is hidden too
    assert t.shown("Teachers", "Pre mean") is None or t.shown("All", "Pre mean") is None


# -- 9/10. releases --------------------------------------------------------------------------------------------
def _release(tmp_path, df, rid, unit, **kw):
    led = ReleaseLedger(tmp_path / "ledger.jsonl")
    b = Bundle(POL, release_id=rid, unit=unit)
    b.universe("staff", df, ["role"])
    b.counts("by_role", "staff", rows="role", title="Respondents by role")
    pb = b.protect(ledger=led, **kw)
    led.append(pb, override=kw.get("allow_rerelease"))
    return pb


def test_pre_10_post_11_does_not_isolate_added_person(tmp_path):
    _release(tmp_path, people(teacher=30, principal=12), "pre", "pre-report")
    pb = _release(tmp_path, people(teacher=31, principal=12), "post", "post-report")
    t = pb.tables["by_role"]
    # both roles' counts and the total may not all be shown: 31-30 would name the added person's role
    shown = [t.shown(r, "n") for r in ("teacher", "principal", "Total")]
    assert None in shown
    assert any(e["rule"] == "difference" for e in pb.log)


def test_small_totals_pre_10_post_11(tmp_path):
    _release(tmp_path, people(teacher=7, principal=3), "pre", "pre-report")
    pb = _release(tmp_path, people(teacher=8, principal=3), "post", "post-report")
    assert pb.tables["by_role"].shown("teacher", "n") is None and pb.audit.passed


def test_rerelease_after_late_response_refused_without_override(tmp_path):
    _release(tmp_path, people(teacher=30, principal=12), "c1-v1", "cadre-C1")
    _release(tmp_path, people(teacher=30, principal=12), "c1-v1", "cadre-C1")      # identical re-run: fine
    with pytest.raises(RereleaseError):
        _release(tmp_path, people(teacher=31, principal=12), "c1-v2", "cadre-C1")
    pb = _release(tmp_path, people(teacher=31, principal=12), "c1-v2", "cadre-C1", allow_rerelease="late response")
    assert None in [pb.tables["by_role"].shown(r, "n") for r in ("teacher", "principal", "Total")]
    assert ReleaseLedger(tmp_path / "ledger.jsonl").releases()[-1]["override"] == "late response"


def test_ledger_holds_figures_not_microdata(tmp_path):
    _release(tmp_path, people(teacher=30, principal=12), "r", "u")
    text = (tmp_path / "ledger.jsonl").read_text()
    assert '"figures"' in text and "principal" in text and (tmp_path / "ledger.jsonl").stat().st_mode & 0o077 == 0


def test_unprotectable_raises_disclosure_error():
    # a hidden count with no way to widen it: the audit must not let it through silently
    u = Universe("x", people(a=1, b=24), ["role"])
    res = attack({"x": u}, [Figure.count("x", {}, 25, cell="T"), Figure.count("x", sel(role="b"), 24, cell="b")],
                 [Hidden("x", sel(role="a"), 1, "a")], min_width=5, n_min=10)
    assert not res.passed and res.exposed[0].binding


def test_scipy_fallback_agrees_with_highspy():
    """The fallback used when highspy reports a solve error gives the same bounds and binding figures."""
    from evalkit.disclose.attack import _LP

    df = crosstab(SPEC2)
    u = Universe("x", df, ["role", "answer"])
    figs = [Figure.count("x", {"role": frozenset([r])}, u.count({"role": frozenset([r])}), cell=r)
            for r in ("teacher", "coach", "principal")]
    figs += [Figure.count("x", {"answer": frozenset([a])}, u.count({"answer": frozenset([a])}), cell=a)
             for a in ("agree", "neutral")]
    lp = _LP(u, figs, [], 0)
    for r, a in [("teacher", "neutral"), ("coach", "agree"), ("principal", "disagree")]:
        c = u.mask({"role": frozenset([r]), "answer": frozenset([a])})
        for sign in (1, -1):
            v1, b1 = lp._solve(sign * c)
            v2, b2 = lp._solve_scipy(sign * c)
            assert v1 == pytest.approx(v2)
            if sign == -1:           # the upper bound is held by published figures in both solvers
                assert b1 and b2


def test_labels_of_hidden_cells_are_part_of_the_attack():
    """ "fewer than 10" says 1..9 and a complement's "not shown" says at least 10: with a row total of 14,
    hiding 3 and 11 alone would pin the 3 to 1..4, so more must go."""
    df = crosstab({("other", "pre"): 3, ("other", "post"): 11, ("teacher", "pre"): 40, ("teacher", "post"): 45,
                   ("para", "pre"): 15, ("para", "post"): 17}, a="role", b="wave")
    b = Bundle(POL, release_id="r")
    b.universe("s", df, ["role", "wave"])
    b.counts("t", "s", rows="role", cols="wave", title="By role and wave")
    pb = b.protect()
    atoms, system = independent_attack(df, ["role", "wave"], pb, {"t": ("role", "wave")})
    lo, hi = bounds_of(atoms, system, {"role": ["other"], "wave": ["pre"]})
    assert pb.tables["t"].text("other", "pre") == "fewer than 10"
    assert hi - lo >= POL.min_interval_width, (lo, hi)


def test_rerelease_of_a_protected_unit_with_complements_is_idempotent(tmp_path):
    """Publishing the same data again (a re-run) is not a re-release, even when complements were needed."""
    df = crosstab({("other", "pre"): 3, ("other", "post"): 11, ("teacher", "pre"): 40, ("teacher", "post"): 45,
                   ("para", "pre"): 15, ("para", "post"): 17}, a="role", b="wave")
    led = ReleaseLedger(tmp_path / "ledger.jsonl")
    for _ in range(2):
        b = Bundle(POL, release_id="r1", unit="u")
        b.universe("s", df, ["role", "wave"])
        b.counts("t", "s", rows="role", cols="wave", title="By role and wave")
        pb = b.protect(ledger=led)
        assert any(e["rule"] == "complementary" for e in pb.log)
        led.append(pb)


def test_a_total_row_loses_what_a_coded_row_would_give_back() -> None:
    """Session A's shares are coded; the 'All' row minus Session B would give them back, so it goes blank."""
    import pandas as pd

    from evalkit.disclose import Bundle, DisclosurePolicy

    b = Bundle(DisclosurePolicy(), release_id="t")
    # B: 20 promoters and 10 detractors of 40, so each of its shares stands for at least 10 people
    frame = pd.DataFrame({"Event": ["A", "B", "All"], "n": [20, 40, 60], "NPS": [100.0, 25.0, 50.0],
                          "Promoters": [100.0, 50.0, 200 / 3], "Detractors": [0.0, 25.0, 50 / 3]})
    deps = ("Promoters", "Detractors", "NPS")
    b.statistics("nps", frame, group="Event", n="n", columns={"NPS": "{:+.0f}"}, shares=["Promoters", "Detractors"],
                 title="NPS", total_row="All", coded_with={"Promoters": deps, "Detractors": deps})
    t = b.protect().tables["nps"].display.set_index("Event")
    assert (t.loc["A", ["NPS", "Promoters", "Detractors"]] == "not shown").all()
    assert (t.loc["All", ["NPS", "Promoters", "Detractors"]] == "not shown").all()
    assert t.loc["B", "NPS"] == "+25" and t.loc["B", "Promoters"] == "50%"


@pytest.mark.parametrize(("fav_a", "fav_b", "blank"), [(27.0, 34.0, True), (23.0, 30.0, False)])
def test_a_total_share_is_blanked_when_it_gives_back_the_pool_of_coded_rows(fav_a: float, fav_b: float,
                                                                             blank: bool) -> None:
    """Percent favorable by phase: A (29 answers) and B (37) are top-coded (fewer than 10 unfavorable each), C
    (19 of 31) and the total are shown. Total minus C gives A and B pooled: 2 + 3 = 5 unfavorable answers, fewer
    than 10, so the total's share goes blank; with 6 + 7 = 13 unfavorable the pool says nothing coding hid."""
    import pandas as pd

    from evalkit.disclose import Bundle, DisclosurePolicy

    fav_total = fav_a + fav_b + 19.0
    frame = pd.DataFrame({"Phase": ["A", "B", "C", "All"], "n": [29.0, 37.0, 31.0, 97.0],
                          "Item": [100 * fav_a / 29, 100 * fav_b / 37, 100 * 19 / 31, 100 * fav_total / 97]})
    b = Bundle(DisclosurePolicy(), release_id="t")
    b.statistics("ratings", frame, group="Phase", n="n", columns={}, shares=["Item"], title="Ratings",
                 total_row="All")
    t = b.protect().tables["ratings"].display.set_index("Phase")
    assert t.loc["A", "Item"].startswith(">") and t.loc["B", "Item"].startswith(">")
    assert t.loc["C", "Item"] == "61%"
    assert (t.loc["All", "Item"] == "not shown") == blank


def test_a_share_of_two_published_counts_is_shown_exactly() -> None:
    """29 of 32 is 91%: when both counts are printed, coding the share as ">69%" hides nothing and contradicts
    a sentence that divides them; when a part is hidden, the share is coded (or hidden) as before."""
    frame = pd.DataFrame({"Step": ["Active", "Pre", "Post", "Matched"], "Respondents": [32, 29, 7, 26],
                          "%": [np.nan, 100 * 29 / 32, 100 * 7 / 32, 100 * 26 / 32]})
    b = Bundle(POL, release_id="t")
    b.statistics("flow", frame, group="Step", n="Respondents", columns={}, shares=["%"],
                 share_of={"%": ("Respondents", ("Active", "Respondents"))}, title="Flow")
    t = b.protect().tables["flow"].display.set_index("Step")
    assert t.loc["Pre", "%"] == "91%" and t.loc["Matched", "%"] == "81%"
    assert t.loc["Post", "Respondents"] == "fewer than 10" and t.loc["Post", "%"] != "22%"
    # the same table without share_of codes the shares it cannot show exactly (26 of 32: 10 people left over
    # would be the bound, 81% is beyond it)
    b = Bundle(POL, release_id="t2")
    b.statistics("flow", frame, group="Step", n="Respondents", columns={}, shares=["%"], title="Flow")
    t = b.protect().tables["flow"].display.set_index("Step")
    assert t.loc["Pre", "%"].startswith(">")
    # a denominator in a column of the same row that is hidden leaves the share coded
    frame = pd.DataFrame({"Source": ["A", "B"], "n": [12, 40], "Invited": [np.nan, 45.0], "Rate": [80.0, 100 * 40 / 45]})
    b = Bundle(POL, release_id="t3")
    b.statistics("src", frame, group="Source", n="n", columns={"Invited": "{:,.0f}"}, shares=["Rate"],
                 share_of={"Rate": ("n", "Invited")}, title="Sources")
    t = b.protect().tables["src"].display.set_index("Source")
    assert t.loc["B", "Rate"] == "89%" and t.loc["A", "Rate"] == "not shown"


def test_a_share_of_published_counts_is_not_gated_for_the_rows_size() -> None:
    """12 of 158 comments: both counts are printed, so the share 8% is shown although 12 < 2 x n_min; a theme
    in 4 comments has its count hidden, so its share stays hidden; 0% is never printed exactly (the audit's
    homogeneity rule) even when both parts are."""
    frame = pd.DataFrame({"Theme": ["A", "B", "C", "Z", "All"], "Comments": [12, 4, 40, 0, 158],
                          "Share": [100 * 12 / 158, 100 * 4 / 158, 100 * 40 / 158, 0.0, np.nan]})
    b = Bundle(POL, release_id="t")
    b.statistics("themes", frame, group="Theme", n="Comments", columns={}, shares=["Share"],
                 share_of={"Share": ("Comments", ("All", "Comments"))}, title="Themes")
    t = b.protect().tables["themes"].display.set_index("Theme")
    assert t.loc["A", "Share"] == "8%" and t.loc["C", "Share"] == "25%"
    assert t.loc["B", "Comments"] == "fewer than 10" and t.loc["B", "Share"] == "fewer than 10"
    assert t.loc["Z", "Share"] != "0%"


def test_shown_shares_of_a_row_never_pin_its_coded_shares() -> None:
    """Issue [3/9] review: Neutral 9%, Agree 35%, Strongly agree 56% add to 100%, so "<7%" for Disagree and
    Strongly disagree meant 0 people. The reader's arithmetic, done here from the printed text alone, must
    leave the coded answers at least ``min_interval_width`` people of room."""
    answers = ["SD", "D", "N", "A", "SA"]
    df = pd.DataFrame({"item": ["q"] * 154, "answer": ["N"] * 14 + ["A"] * 54 + ["SA"] * 86})
    b = Bundle(POL, release_id="t")
    b.universe("ev", df, ["item", "answer"], categories={"answer": answers})
    b.shares("answers", "ev", group="item", response="answer", categories=answers, title="Answers", total=False)
    pb = b.protect()
    row = pb.tables["answers"].display.set_index("Item").loc["q"] if "Item" in pb.tables["answers"].display \
        else pb.tables["answers"].display.iloc[0]
    shown = [float(str(row[a]).rstrip("%")) for a in answers if str(row[a]).rstrip("%").isdigit()]
    room = (100 - sum(v - 0.5 for v in shown)) * 154 / 100       # the most the other answers can hold
    assert room >= POL.min_interval_width
    assert str(row["SD"]).startswith("<") and str(row["D"]).startswith("<")
    assert any(e["rule"] == "complementary" and e["column"] == "N" for e in pb.log)


def test_each_waves_share_is_coded_by_its_own_n() -> None:
    """Review of issue [3/9]: at Pre n 26 the bound was "<44%" because the row's smaller post n (23) was used."""
    frame = pd.DataFrame({"Item": ["Q1"], "Pre n": [26], "Pre %": [30.0], "Post n": [23], "Post %": [30.0]})
    for n_of, pre in ((None, "<44%"), ({"Pre %": "Pre n", "Post %": "Post n"}, "<39%")):
        b = Bundle(POL, release_id="t")
        b.statistics("items", frame, group="Item", n=["Pre n", "Post n"], columns={}, shares=["Pre %", "Post %"],
                     title="Items", n_of=n_of)
        t = b.protect().tables["items"].display.set_index("Item")
        assert t.loc["Q1", "Pre %"] == pre and t.loc["Q1", "Post %"] == "<44%"


@pytest.mark.parametrize("events, shown", [([16, 0, 12, 9, 30], 3), ([1, 40], 0), ([10, 10, 10], 3), ([0, 0, 3], 2),
                                           ([], 0)])
def test_a_cumulative_curve_stops_before_its_first_small_step(events, shown) -> None:
    """A step of a cumulative curve beside its numbers at risk is a count of people: 1 to n_min - 1 events stop
    the curve, and nothing after it is shown (a later point minus the last would give the small step back)."""
    from evalkit.disclose.curves import publishable_steps

    assert publishable_steps(events, POL.n_min) == shown
