"""Turnaround impact (issue [8/9]): the design from the number of pre-years, DiD and CITS recovering an effect
planted in a generated panel, the same estimates as an independent statsmodels formula fit, the wild cluster
bootstrap against the wildboottest package, the pre-trend check and the placebo start."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from evalkit.analyze.impact import choose_design, event_panel, fit_impact, placebo, pre_trend, wild_cluster_bootstrap

EFFECT = {1: 2.0, 2: 4.0, 3: 6.0}


def _panel(*, seed: int = 11, treated: int = 30, comparison: int = 90, years=range(2015, 2024), start=2021,
           trend_gap: float = 0.0, effect: dict[int, float] | None = None, noise: float = 1.0,
           pre_effect: float = 0.0) -> pd.DataFrame:
    """School-year results: school levels, a common yearly shock, a treated-only extra trend ``trend_gap`` (what
    a CITS models and a DiD does not), the planted impact per follow-up year, noise shrinking with n tested."""
    rng = np.random.default_rng(seed)
    shock = {y: rng.normal(0, 2) for y in years}
    rows = []
    for s in range(treated + comparison):
        is_t = s < treated
        level, n = rng.normal(50 if is_t else 55, 6), int(rng.integers(60, 400))
        s_start = (start + (s % 2) if is_t else None)     # staggered: half the treated schools a year later
        for y in years:
            k = y - s_start + 1 if is_t and y >= s_start else 0
            v = (level + shock[y] + (trend_gap * (y - min(years)) if is_t else 0.0)
                 + ((effect or EFFECT).get(k, max((effect or EFFECT).values())) if k else 0.0)
                 + (pre_effect if is_t and y == s_start - 1 else 0.0)
                 + rng.normal(0, noise * 10 / np.sqrt(n)))
            rows.append({"school": f"S{s:03d}", "year": y, "value": v, "start": s_start, "n_tested": n})
    return pd.DataFrame(rows)


def test_the_design_follows_the_number_of_pre_years() -> None:
    assert choose_design(1).primary == "did" and choose_design(1).checks == ()
    assert "could not be checked" in choose_design(1).note
    for k in (2, 3):
        d = choose_design(k)
        assert (d.primary, d.sensitivity, d.checks) == ("did", None, ("pre_trend", "placebo"))
    for k in (4, 9):
        assert (choose_design(k).primary, choose_design(k).sensitivity) == ("cits", "did")
    with pytest.raises(ValueError):
        choose_design(0)


def test_event_panel_counts_follow_up_years_and_keeps_suppressed_results_out() -> None:
    rows = _panel(treated=4, comparison=4, years=range(2019, 2024))
    gone = rows.index[(rows["school"] == "S006") & (rows["year"] == 2020)]
    rows.loc[gone, "value"] = np.nan                    # a state-suppressed result: left out, never zero
    p = event_panel(rows, unit="school", time="year", value="value", start="start", weight="n_tested")
    assert len(p) == len(rows) - 1 and not (p["y"] == 0).any()
    s0 = p[p["unit"] == "S000"].set_index("time")
    assert s0["k"].tolist() == [0, 0, 1, 2, 3] and s0["pre_years"].iloc[0] == 2
    s1 = p[p["unit"] == "S001"].set_index("time")           # starts a year later
    assert s1["k"].tolist() == [0, 0, 0, 1, 2]
    assert not p.loc[~p["treated"], "k"].any()


@pytest.mark.parametrize("model", ["did", "cits"])
def test_a_planted_effect_is_recovered(model: str) -> None:
    """Parallel trends: both models recover 2, 4 and 6 points, within three standard errors and 0.75 points."""
    p = event_panel(_panel(), unit="school", time="year", value="value", start="start", weight="n_tested")
    fit = fit_impact(p, model=model, bootstrap=False)
    got = fit.impacts.set_index("k")
    for k, true in EFFECT.items():
        assert abs(got.loc[k, "estimate"] - true) < min(3 * got.loc[k, "se"], 0.75), (model, k)
    # the year-3 impact rests on the 2021 starters only (the 2022 starters have two follow-up years)
    assert got["treated_units"].tolist() == [30, 30, 15] and got.loc[1, "comparison_units"] == 90
    assert fit.clusters == 120 and not fit.warnings


def test_cits_recovers_the_effect_when_the_treated_schools_had_their_own_trend_and_did_does_not() -> None:
    p = event_panel(_panel(trend_gap=1.0), unit="school", time="year", value="value", start="start",
                    weight="n_tested")
    cits = fit_impact(p, model="cits", bootstrap=False).impacts.set_index("k")
    did = fit_impact(p, model="did", bootstrap=False).impacts.set_index("k")
    for k, true in EFFECT.items():
        assert abs(cits.loc[k, "estimate"] - true) < min(3 * cits.loc[k, "se"], 0.75)
        assert did.loc[k, "estimate"] - true > 2.0        # the unmodelled trend is read as impact
    assert pre_trend(p)["p"] < 0.01 and pre_trend(p)["estimate"] == pytest.approx(1.0, abs=0.2)


def test_estimates_and_standard_errors_match_an_independent_statsmodels_formula_fit() -> None:
    import statsmodels.formula.api as smf

    p = event_panel(_panel(treated=12, comparison=30, trend_gap=0.3), unit="school", time="year", value="value",
                    start="start", weight="n_tested")
    d = p.assign(**{f"d{k}": (p["k"] == k).astype(float) for k in (1, 2, 3)},
                 trend=np.where(p["treated"], p["time"] - p["time"].min(), 0.0))
    for model, formula in (("did", "y ~ d1 + d2 + d3 + C(unit) + C(time)"),
                           ("cits", "y ~ d1 + d2 + d3 + trend + C(unit) + C(time)")):
        ref = smf.wls(formula, data=d, weights=d["w"]).fit(cov_type="cluster", cov_kwds={"groups": d["unit"]},
                                                          use_t=True)
        ours = fit_impact(p, model=model, bootstrap=False).impacts.set_index("k")
        for k in (1, 2, 3):
            assert ours.loc[k, "estimate"] == pytest.approx(ref.params[f"d{k}"], rel=1e-8)
            assert ours.loc[k, "se"] == pytest.approx(ref.bse[f"d{k}"], rel=1e-8)
            assert ours.loc[k, "p"] == pytest.approx(ref.pvalues[f"d{k}"], rel=1e-6)
            lo, hi = ref.conf_int().loc[f"d{k}"]
            assert (ours.loc[k, "ci_low"], ours.loc[k, "ci_high"]) == pytest.approx((lo, hi), rel=1e-8)


@pytest.mark.parametrize("weighted", [False, True])
def test_the_wild_cluster_bootstrap_matches_wildboottest(weighted: bool) -> None:
    """Every Rademacher sign pattern of 10 clusters (1,024): both p values are exact, so they must agree."""
    pytest.importorskip("wildboottest", reason="wildboottest (a test dependency) is not installed")
    import statsmodels.api as sm
    from wildboottest.wildboottest import wildboottest

    rng = np.random.default_rng(5)
    G, m = 10, 15
    g = np.repeat(np.arange(G), m)
    x = rng.normal(size=G * m) + 0.5 * rng.normal(size=G)[g]
    X = np.column_stack([x, rng.normal(size=G * m), np.ones(G * m)])
    y = 0.15 * x + 0.4 * X[:, 1] + rng.normal(size=G)[g] + rng.normal(size=G * m)
    w = rng.integers(20, 300, size=G * m).astype(float) if weighted else None
    ours = wild_cluster_bootstrap(X, y, g, 0, weights=w, reps=2000, kind="rademacher")
    sw = np.sqrt(w) if weighted else np.ones(G * m)
    Xs = pd.DataFrame(X * sw[:, None], columns=["x", "z", "const"])
    ref = wildboottest(sm.OLS(y * sw, Xs), param="x", cluster=g, B=2000, seed=1, show=False)
    assert ours["reps"] == 2 ** G
    assert ours["t"] == pytest.approx(float(ref["statistic"].iloc[0]), rel=1e-6)
    # the same sign patterns give the same |t*|; the all-plus and all-minus patterns give |t| itself, which
    # evalkit counts and wildboottest counts or not as rounding falls: at most two of 1,024 may differ
    assert abs(ours["p"] - float(ref["p-value"].iloc[0])) <= 2 / 2 ** G
    assert ours["p"] >= float(ref["p-value"].iloc[0])


def test_few_treated_schools_get_a_bootstrap_p_value() -> None:
    p = event_panel(_panel(treated=8, comparison=40), unit="school", time="year", value="value", start="start",
                    weight="n_tested")
    imp = fit_impact(p, model="did", reps=499).impacts
    assert imp["p_bootstrap"].notna().all() and (imp["treated_units"] < 20).all()
    assert set(imp["weights"]) == {"rademacher"}           # 48 clusters: Rademacher draws
    assert (imp["p_bootstrap"] < 0.05).all()                # 2 to 6 points on this little noise is found
    many = fit_impact(event_panel(_panel(), unit="school", time="year", value="value", start="start",
                                  weight="n_tested"), model="did", reps=199).impacts.set_index("k")
    assert many.loc[[1, 2], "p_bootstrap"].isna().all()     # 30 treated schools: cluster-robust t alone
    assert many.loc[3, "p_bootstrap"] < 0.05                # 15 in year 3: the bootstrap as well


def test_the_bootstrap_rejects_at_about_its_level_under_the_null() -> None:
    """No effect: across replications of the panel the bootstrap p value falls below .10 about a tenth of the
    time (a test that never rejects, or always does, fails here)."""
    hits = 0
    for seed in range(40):
        p = event_panel(_panel(seed=seed, treated=6, comparison=24, effect={1: 0.0}, noise=3.0,
                               years=range(2018, 2023)), unit="school", time="year", value="value", start="start",
                        weight="n_tested")
        imp = fit_impact(p, model="did", reps=199, seed=seed).impacts
        hits += int(imp.loc[imp["k"] == 1, "p_bootstrap"].iloc[0] < 0.10)
    assert 0 < hits <= 10


def test_the_placebo_start_finds_nothing_without_an_early_effect_and_something_with_one() -> None:
    clean = event_panel(_panel(), unit="school", time="year", value="value", start="start", weight="n_tested")
    assert placebo(clean)["p"] > 0.01
    early = event_panel(_panel(pre_effect=3.0), unit="school", time="year", value="value", start="start",
                        weight="n_tested")
    res = placebo(early)
    assert res["p"] < 0.01 and res["estimate"] > 1.5
    rows = _panel(years=range(2020, 2024))
    rows = rows[rows["start"].ne(2022)]                     # the 2021 starters only: one pre-year
    one = event_panel(rows, unit="school", time="year", value="value", start="start", weight="n_tested")
    assert np.isnan(pre_trend(one)["p"]) and "fewer than two" in pre_trend(one)["note"]


def test_baseline_equivalence_and_effect_sizes_follow_the_wwc_formulas() -> None:
    """The Cox index by hand: (logit p_i - logit p_c) / 1.65 times omega = 1 - 3/(4N - 9), N the students."""
    from evalkit.analyze.impact import baseline_difference, impact_effect_sizes

    p = event_panel(_panel(), unit="school", time="year", value="value", start="start", weight="n_tested")
    base = p[p["time"] == 2020]
    tr, co = base[base["treated"]], base[~base["treated"]]
    pi, pc = (np.average(g["y"], weights=g["w"]) / 100 for g in (tr, co))
    n = tr["w"].sum() + co["w"].sum()
    cox = (1 - 3 / (4 * n - 9)) * (np.log(pi / (1 - pi)) - np.log(pc / (1 - pc))) / 1.65
    got = baseline_difference(p, share=True)
    assert got["g"] == pytest.approx(cox, rel=1e-9) and got["year"] == 2020
    assert got["reading"] == ("satisfied" if abs(cox) <= 0.05 else "satisfied_with_adjustment" if abs(cox) <= 0.25
                              else "not_satisfied")
    fit = fit_impact(p, model="did", bootstrap=False)
    es = impact_effect_sizes(p, fit, share=False)
    sd = base["y"].std(ddof=1)
    assert es.to_dict() == pytest.approx({k: e / sd for k, e in zip(fit.impacts["k"], fit.impacts["estimate"])})


def test_the_projected_baseline_takes_each_years_impact_off_the_schools_in_the_program() -> None:
    from evalkit.analyze.impact import projected_baseline

    p = event_panel(_panel(), unit="school", time="year", value="value", start="start", weight="n_tested")
    fit = fit_impact(p, model="did", bootstrap=False)
    proj = projected_baseline(p, fit).set_index("time")
    assert proj.loc[2015:2020, "projected"].isna().all()
    d = dict(zip(fit.impacts["k"], fit.impacts["estimate"]))
    tr = p[p["treated"] & (p["time"] == 2022)]
    expected = np.average(tr["y"] - tr["k"].map(d).fillna(0.0), weights=tr["w"])   # by hand, school by school
    assert proj.loc[2022, "projected"] == pytest.approx(expected, rel=1e-9)


def test_a_singular_design_is_reported_not_swallowed() -> None:
    """A CITS on one pre-year cannot tell the program schools' own trend from their level: the fit says so in
    its warnings, which the report prints beside the model."""
    rows = _panel(years=range(2020, 2024))
    rows = rows[rows["start"].ne(2022)]                     # one pre-year for every program school
    p = event_panel(rows, unit="school", time="year", value="value", start="start", weight="n_tested")
    fit = fit_impact(p, model="cits", bootstrap=False)
    assert any("singular" in w for w in fit.warnings)
    assert not fit_impact(p, model="did", bootstrap=False).warnings
