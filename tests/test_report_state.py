"""The state-resources report (issue [8/9]) on the demo: rendered with its sections; its impact estimates against
a statsmodels formula fit on the raw state file read with pandas alone; its risk ratios against Table2x2 on the
raw identification counts; MTSS pooled rates against a pandas sum; no school or district listed."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from conftest import DEMO_DIR, bundle_table, demo_bundle


@pytest.fixture(scope="module")
def state(demo_run):
    return demo_bundle(demo_run, "state")


def test_the_state_report_is_rendered_with_its_sections(state) -> None:
    folder, facts = state
    assert (folder / "report.html").is_file() and (folder / "report.pdf").is_file()
    ids = [s.id for s in facts.report_sections]
    assert ids[:2] == ["summary", "limitations"]
    assert {"impact", "equity", "mtss", "climate", "appendix_items", "glossary"} <= set(ids)
    assert any(c.section == "impact" for c in facts.charts.values()) if isinstance(facts.charts, dict) else True


@pytest.mark.parametrize(("i", "measure"), [(1, "ela_pct_meeting"), (3, "chronic_absence_rate")])
def test_the_impacts_match_a_formula_fit_on_the_raw_file(state, i: int, measure: str) -> None:
    """Five pre-years: a CITS is the primary model. Refit from the raw CSV with statsmodels' formula interface."""
    import statsmodels.formula.api as smf

    folder, _ = state
    raw = pd.read_csv(DEMO_DIR / "state_outcomes_long.csv", dtype={"school_code": str})
    raw = raw.assign(value=pd.to_numeric(raw["value"], errors="coerce"),       # "*" and "<10": missing, never 0
                     n_tested=pd.to_numeric(raw["n_tested"], errors="coerce"))
    d = raw[(raw["subgroup"] == "all") & (raw["measure"] == measure)].dropna(subset=["value", "n_tested"])
    d = d[d["n_tested"] > 0].copy()
    start = d["grant_start_year"]
    d["treated"] = start.notna()
    d["k"] = np.where(d["treated"] & (d["school_year"] >= start), d["school_year"] - start + 1, 0)
    ks = sorted(int(k) for k in d["k"].unique() if k > 0)
    for k in ks:
        d[f"d{k}"] = (d["k"] == k).astype(float)
    d["trend"] = np.where(d["treated"], d["school_year"] - d["school_year"].min(), 0)
    formula = "value ~ " + " + ".join(f"d{k}" for k in ks) + " + trend + C(school_code) + C(school_year)"
    fit = smf.wls(formula, data=d, weights=d["n_tested"]).fit(cov_type="cluster",
                                                             cov_kwds={"groups": d["school_code"]}, use_t=True)
    got = bundle_table(folder, f"impact_{i}").set_index("Follow-up year")
    assert list(got.index) == [f"Year {k}" for k in ks]
    for k in ks:
        assert float(got.loc[f"Year {k}", "Impact"]) == pytest.approx(fit.params[f"d{k}"], abs=0.006)
        assert float(got.loc[f"Year {k}", "SE"]) == pytest.approx(fit.bse[f"d{k}"], abs=0.006)
        assert int(got.loc[f"Year {k}", "Program schools"]) == d.loc[d["k"] == k, "school_code"].nunique()
    design = bundle_table(folder, "design").iloc[i - 1]
    assert design["Primary model"] == "comparative interrupted time series" and design["Fit warnings"] == "none"
    assert design["Program schools"] == str(d.loc[d["treated"], "school_code"].nunique())


def test_statewide_risk_ratios_match_table2x2_on_the_raw_counts(state) -> None:
    from statsmodels.stats.contingency_tables import Table2x2

    folder, _ = state
    raw = pd.read_csv(DEMO_DIR / "sped_identification.csv")
    last = raw[raw["school_year"] == raw["school_year"].max()]
    tot = last.groupby("subgroup")[["n_identified", "n_enrolled"]].sum()
    got = bundle_table(folder, "risk_ratios").set_index("Group")
    for code, label in (("black", "Black"), ("low_income", "Low income"), ("asian", "Asian")):
        a, n = tot.loc[code, "n_identified"], tot.loc[code, "n_enrolled"]
        c, m = tot.loc["all", "n_identified"] - a, tot.loc["all", "n_enrolled"] - n
        t = Table2x2([[a, n - a], [c, m - c]])
        col = next(x for x in got.columns if x.startswith("Risk ratio ") and x.endswith(str(raw["school_year"].max())))
        assert float(got.loc[label, col]) == pytest.approx(t.riskratio, abs=0.006)
        lo, hi = t.riskratio_confint()
        assert (float(got.loc[label, "CI low"]), float(got.loc[label, "CI high"])) == pytest.approx((lo, hi), abs=0.006)


def test_mtss_pooled_rates_are_students_over_students(state) -> None:
    folder, _ = state
    raw = pd.read_csv(DEMO_DIR / "mtss_aggregates.csv")
    last = raw[raw["school_year"] == sorted(raw["school_year"].unique())[-1]]
    got = bundle_table(folder, "mtss_benchmark_all").set_index("Measure and window")
    for (measure, window), g in last.groupby(["measure", "window"]):
        pct = 100 * g["n_at_benchmark"].sum() / g["n_screened"].sum()
        row = f"{measure.replace('_', ' ').capitalize()}, {window}"
        assert got.loc[row, "% at benchmark"] == f"{pct:.0f}%"
        assert got.loc[row, "Students screened"].replace(",", "") == str(int(g["n_screened"].sum()))


def test_schools_appear_only_in_the_screening_tables_by_school_and_no_district_anywhere(state) -> None:
    """The grant schools' screening is shown school by school (public institutions; every figure gated by its
    students screened); no other table lists a school, and no district is listed at all."""
    folder, _ = state
    codes = set(pd.read_csv(DEMO_DIR / "state_outcomes_long.csv", dtype=str, usecols=["school_code"])["school_code"])
    districts = set(pd.read_csv(DEMO_DIR / "sped_identification.csv", dtype=str)["district_code"])
    screened = set(pd.read_csv(DEMO_DIR / "mtss_aggregates.csv", dtype=str)["school_code"])
    tables = sorted((folder / "artifacts" / "tables").glob("*.csv"))
    assert any(p.name.startswith("mtss_school_") for p in tables)
    for path in [folder / "report.html", *tables]:
        text = path.read_text(encoding="utf-8")
        found = set(re.findall(r"\b\d{4,8}\b", text))
        assert not found & districts - codes, path.name
        shown = found & codes
        if path.name.startswith("mtss_school_") or path.name == "report.html":
            assert shown <= screened, path.name
        else:
            assert not shown, (path.name, sorted(shown)[:3])
    for path in (p for p in tables if p.name.startswith("mtss_school_")):
        t = pd.read_csv(path, dtype=str)
        for col in (c for c in t.columns if c.endswith(" n")):
            assert all(v in ("fewer than 10", "not shown", "") or int(v.replace(",", "")) >= 10 for v in t[col])
