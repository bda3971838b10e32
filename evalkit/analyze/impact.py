"""Impact of a school-level program from yearly school results: difference in differences (DiD) and the
comparative interrupted time series (CITS), with the design chosen from the number of pre-years.

Schools ``j`` are observed yearly; some get the program (treated, each from its own start year), the others
never do (comparison). Every model has school fixed effects ``a_j`` and year fixed effects ``l_t`` (common
shocks), is weighted by the students tested (a school-year's result is a mean over its students) and has
standard errors clustered by school (the program is assigned to schools; clustering also absorbs serial
correlation). The impact in follow-up year ``k`` (``k = t - start_j + 1``) is ``d_k``:

- DiD: ``Y_jt = a_j + l_t + sum_k d_k D_jtk + e_jt``: the treated schools' change from their baseline *mean*,
  net of the comparison schools' change.
- CITS: the same plus ``c T_j (t - t0)``, a linear trend of the treated schools' own (their pre-years fix it):
  ``d_k`` is the deviation from the treated schools' projected baseline *trend*, net of the comparison schools'
  deviation (Bloom 2003; Somers et al. 2013). It needs at least four pre-years.

With few treated schools, cluster-robust t tests over-reject (MacKinnon & Webb 2017): below about twenty, each
``d_k`` also gets a wild cluster restricted bootstrap p value (Cameron, Gelbach & Miller 2008; Roodman et al.
2019), :func:`wild_cluster_bootstrap`.

References: Bloom, H. S. (2003). Using "short" interrupted time-series analysis to measure the impacts of
whole-school reforms. *Evaluation Review*, 27(1), 3-49. Somers, M.-A., Zhu, P., Jacob, R., & Bloom, H. (2013).
*The validity and precision of the comparative interrupted time series design and the difference-in-difference
design in educational evaluation*. MDRC. Cameron, A. C., Gelbach, J. B., & Miller, D. L. (2008). Bootstrap-based
improvements for inference with clustered errors. *Review of Economics and Statistics*, 90(3), 414-427.
MacKinnon, J. G., & Webb, M. D. (2017). Wild bootstrap inference for wildly different cluster sizes. *Journal of
Applied Econometrics*, 32(2), 233-254. Roodman, D., Nielsen, M. O., MacKinnon, J. G., & Webb, M. D. (2019). Fast
and wild: bootstrap inference in Stata using boottest. *The Stata Journal*, 19(1), 4-60.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

__all__ = ["Design", "choose_design", "event_panel", "ImpactFit", "fit_impact", "wild_cluster_bootstrap",
           "pre_trend", "placebo", "group_means", "projected_baseline", "baseline_difference",
           "impact_effect_sizes", "FEW_TREATED"]

#: Below this many treated schools in a follow-up year, its impact also gets a wild cluster bootstrap p value
#: (cluster-robust t tests over-reject with few treated clusters; MacKinnon & Webb 2017).
FEW_TREATED = 20


@dataclass(frozen=True)
class Design:
    """The design the number of pre-years allows (Somers et al. 2013; shared practice for short series).

    ``primary`` is ``"did"`` or ``"cits"``; ``sensitivity`` the other model reported beside it (or None);
    ``checks`` what the baseline years allow: ``"pre_trend"`` and ``"placebo"`` need two or more.
    """

    pre_years: int
    primary: str
    sensitivity: str | None
    checks: tuple[str, ...]
    note: str


def choose_design(pre_years: int) -> Design:
    """The design for a panel with ``pre_years`` years before the program.

    - 1: DiD only; the trends of the two groups cannot be checked, and the report says so.
    - 2-3: DiD, with a pre-trend check and a placebo start year.
    - 4 or more: CITS with linear trends as the primary model, DiD as sensitivity (and the same checks).

    >>> choose_design(1).primary, choose_design(3).checks, choose_design(5).sensitivity
    ('did', ('pre_trend', 'placebo'), 'did')
    """
    if pre_years < 1:
        raise ValueError(f"choose_design(): an impact needs at least one year before the program (got {pre_years})")
    if pre_years == 1:
        return Design(1, "did", None, (), "one year before the program: a difference in differences, whose "
                      "assumption that the groups would have changed alike could not be checked")
    if pre_years <= 3:
        return Design(pre_years, "did", None, ("pre_trend", "placebo"),
                      f"{pre_years} years before the program: a difference in differences, with a check that the "
                      "groups' trends matched before it and a placebo start year")
    return Design(pre_years, "cits", "did", ("pre_trend", "placebo"),
                  f"{pre_years} years before the program: a comparative interrupted time series with linear "
                  "trends, a difference in differences beside it")


def event_panel(rows: pd.DataFrame, *, unit: str, time: str, value: str, start: str, weight: str | None = None
                ) -> pd.DataFrame:
    """One row per unit and year with ``unit``, ``time``, ``y``, ``w``, ``treated`` (a start year is known),
    ``start``, ``k`` (follow-up year: ``time - start + 1`` from the start on, else 0) and ``pre_years`` (years
    of data before the unit's start). Rows without a value (a suppressed result) are left out, never zero;
    a missing weight counts as none (the row is left out), since an unweighted row among weighted ones would
    speak for students it does not have.
    """
    d = pd.DataFrame({"unit": rows[unit].astype("string"), "time": pd.to_numeric(rows[time], errors="coerce"),
                      "y": pd.to_numeric(rows[value], errors="coerce"),
                      "start": pd.to_numeric(rows[start], errors="coerce"),
                      "w": pd.to_numeric(rows[weight], errors="coerce") if weight else 1.0})
    d = d.dropna(subset=["unit", "time", "y", "w"])
    d = d[d["w"] > 0].copy()
    d["treated"] = d.groupby("unit")["start"].transform(lambda s: s.notna().any())
    d["start"] = d.groupby("unit")["start"].transform("max")
    d["k"] = np.where(d["treated"] & (d["time"] >= d["start"]), d["time"] - d["start"] + 1, 0).astype(int)
    pre = d[d["treated"] & (d["time"] < d["start"])].groupby("unit")["time"].nunique()
    d["pre_years"] = d["unit"].map(pre).fillna(0).astype(int)
    return d.sort_values(["unit", "time"]).reset_index(drop=True)


@dataclass
class ImpactFit:
    """One model's impacts: a tidy table per follow-up year, and what the fit said.

    ``impacts``: ``k``, ``estimate``, ``se``, ``ci_low``, ``ci_high``, ``p``, ``t``, ``treated_units`` (treated
    schools observed in that follow-up year), ``comparison_units``, ``p_bootstrap`` (wild cluster restricted
    bootstrap, NaN when not run) and ``weights`` (the bootstrap's weight distribution, or "").
    ``warnings``: the messages statsmodels and numpy raised while fitting (a singular design, a
    non-converged fit), to be shown in the report, never swallowed.
    """

    model: str
    impacts: pd.DataFrame
    trend_difference: float = float("nan")
    n_obs: int = 0
    clusters: int = 0
    warnings: list[str] = field(default_factory=list)
    params: pd.Series | None = None


def _design(d: pd.DataFrame, model: str, ks: Sequence[int]) -> tuple[np.ndarray, list[str]]:
    """The design matrix: impact dummies first, then the treated trend (CITS), then year and school dummies
    (one of each dropped: the first school's level is the intercept's, absorbed)."""
    cols, names = [], []
    for k in ks:
        cols.append((d["k"] == k).to_numpy(float))
        names.append(f"d_{k}")
    if model == "cits":
        t0 = float(d["time"].min())
        cols.append(np.where(d["treated"], d["time"] - t0, 0.0))
        names.append("trend_treated")
    fe, fe_names = _fixed_effects(d)
    return np.column_stack(cols + fe), names + fe_names


def _fixed_effects(d: pd.DataFrame) -> tuple[list[np.ndarray], list[str]]:
    """An intercept, then year and school dummies (the first of each dropped: the intercept holds it)."""
    cols, names = [np.ones(len(d))], ["const"]
    for t in sorted(d["time"].unique())[1:]:
        cols.append((d["time"] == t).to_numpy(float))
        names.append(f"year_{int(t)}")
    for u in sorted(d["unit"].unique())[1:]:
        cols.append((d["unit"] == u).to_numpy(float))
        names.append(f"unit_{u}")
    return cols, names


def fit_impact(panel: pd.DataFrame, *, model: str = "did", bootstrap: bool | None = None, reps: int = 999,
               seed: int = 20261206, confidence_level: float = 0.95) -> ImpactFit:
    """Fit DiD or CITS on an :func:`event_panel`, weighted least squares, school-clustered standard errors.

    Parameters
    ----------
    panel : DataFrame
        From :func:`event_panel`.
    model : {"did", "cits"}
    bootstrap : bool, optional
        Add a wild cluster restricted bootstrap p value per follow-up year; by default when that year has fewer
        than :data:`FEW_TREATED` treated schools.
    reps : int, default 999
        Bootstrap replications (all ``2**G`` sign patterns instead when that is fewer).
    seed : int
        The bootstrap's random seed (results are reproducible).

    Returns
    -------
    ImpactFit

    Notes
    -----
    Fitted with ``statsmodels.api.WLS(...).fit(cov_type="cluster")`` on the design of school dummies, year
    dummies, impact dummies and (CITS) the treated schools' linear trend; the cluster-robust variance carries
    the small-sample factor ``G/(G-1) (N-1)/(N-K)``. The test suite checks the estimates against a
    ``statsmodels.formula`` fit written independently, and a planted effect against its recovery.

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> rows = [{"school": s, "year": y, "v": 50 + s % 7 + 0.5 * (y - 2016) + (3.0 if s < 12 and y >= 2021 else 0)
    ...          + rng.normal(0, 1), "start": 2021 if s < 12 else None, "n": 100} for s in range(40)
    ...         for y in range(2016, 2024)]
    >>> p = event_panel(pd.DataFrame(rows), unit="school", time="year", value="v", start="start", weight="n")
    >>> fit = fit_impact(p, model="did", bootstrap=False)
    >>> fit.impacts["k"].tolist(), bool(abs(fit.impacts["estimate"] - 3).max() < 1)
    ([1, 2, 3], True)
    """
    import statsmodels.api as sm
    from scipy import stats

    if model not in ("did", "cits"):
        raise ValueError(f"fit_impact(): model must be 'did' or 'cits', got {model!r}")
    d = panel.reset_index(drop=True)
    ks = sorted(int(k) for k in d.loc[d["k"] > 0, "k"].unique())
    if not ks or not (~d["treated"]).any():
        raise ValueError("fit_impact(): needs treated schools observed after their start and comparison schools")
    X, names = _design(d, model, ks)
    groups = pd.factorize(d["unit"])[0]
    caught: list[str] = []
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        res = sm.WLS(d["y"].to_numpy(float), X, weights=d["w"].to_numpy(float)).fit(
            cov_type="cluster", cov_kwds={"groups": groups}, use_t=True)
    caught += sorted({f"{x.category.__name__}: {x.message}" for x in w})
    if np.linalg.matrix_rank(X) < X.shape[1]:
        caught.append("the design is singular: some impact or trend cannot be told apart from the fixed effects")
    params = pd.Series(res.params, index=names)
    bse = pd.Series(res.bse, index=names)
    G = int(len(np.unique(groups)))
    # t with G - 1 degrees of freedom, as statsmodels' cluster-robust tests with use_t (and Stata) use
    q = stats.t.ppf(0.5 + confidence_level / 2, G - 1)
    rows = []
    comparison = int(d.loc[~d["treated"], "unit"].nunique())
    for j, k in enumerate(ks):
        est, se = float(params[f"d_{k}"]), float(bse[f"d_{k}"])
        treated_k = int(d.loc[d["k"] == k, "unit"].nunique())
        row = {"k": k, "estimate": est, "se": se, "ci_low": est - q * se, "ci_high": est + q * se,
               "t": est / se if se > 0 else np.nan, "p": float(res.pvalues[j]), "treated_units": treated_k,
               "comparison_units": comparison, "p_bootstrap": np.nan, "weights": ""}
        if bootstrap or (bootstrap is None and treated_k < FEW_TREATED):
            bs = wild_cluster_bootstrap(X, d["y"].to_numpy(float), groups, j, weights=d["w"].to_numpy(float),
                                        reps=reps, seed=seed + k)
            row.update(p_bootstrap=bs["p"], weights=bs["weights"])
        rows.append(row)
    return ImpactFit(model, pd.DataFrame(rows),
                     float(params["trend_treated"]) if model == "cits" else float("nan"),
                     int(res.nobs), G, caught, params)


def _weights(G: int, reps: int, kind: str, rng: np.random.Generator) -> np.ndarray:
    """G x B cluster weights: every Rademacher sign pattern when 2**G <= reps, else random draws."""
    if kind == "rademacher" and 2 ** G <= reps:
        return np.array(list(itertools.product([-1.0, 1.0], repeat=G))).T
    if kind == "rademacher":
        return rng.choice([-1.0, 1.0], size=(G, reps))
    if kind == "webb":       # six points: +-sqrt(1/2), +-1, +-sqrt(3/2) (Webb 2014), for very few clusters
        pts = np.array([-np.sqrt(1.5), -1.0, -np.sqrt(0.5), np.sqrt(0.5), 1.0, np.sqrt(1.5)])
        return rng.choice(pts, size=(G, reps))
    raise ValueError(f"wild_cluster_bootstrap(): unknown weights {kind!r}")


def wild_cluster_bootstrap(X: np.ndarray, y: np.ndarray, groups: np.ndarray, column: int, *,
                           weights: np.ndarray | None = None, reps: int = 999, seed: int = 0,
                           kind: str | None = None) -> dict:
    """Wild cluster restricted (WCR) bootstrap p value for ``H0: beta[column] = 0`` in a (weighted) least
    squares regression with cluster-robust (CRV1) standard errors.

    The null is imposed: the restricted model (the column dropped) gives fitted values ``y~`` and residuals
    ``u~``; each replication flips the residuals of whole clusters, ``y* = y~ + v_g u~`` with ``v_g`` Rademacher
    (+-1, every sign pattern when ``2**G <= reps``) or Webb's six-point weights (random draws, when fewer than
    ten clusters make Rademacher too coarse), refits the full model and computes ``t* = b*/se*``. The p value is
    the share of replications with ``|t*| >= |t|`` (two-tailed; ties count). Weighted least squares is run as ordinary least
    squares on rows scaled by ``sqrt(w)``, which has the same coefficients and cluster scores.

    Parameters
    ----------
    X : ndarray, (N, K)
    y : ndarray, (N,)
    groups : ndarray, (N,)
        Cluster of each row.
    column : int
        The coefficient tested.
    weights : ndarray, optional
    reps : int, default 999
    seed : int
    kind : {"rademacher", "webb"}, optional
        Default Rademacher, Webb below ten clusters.

    Returns
    -------
    dict
        ``t`` (the observed CRV1 t), ``p``, ``reps`` (replications run), ``weights`` (their distribution),
        ``clusters``.

    References
    ----------
    Cameron, Gelbach & Miller (2008); Webb, M. D. (2014), Reworking wild bootstrap based inference for clustered
    errors, Queen's Economics Department Working Paper 1315; Roodman et al. (2019). The test suite checks the p
    value against the ``wildboottest`` package (Fischer & Roodman), every sign pattern enumerated.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> g = np.repeat(np.arange(8), 10)
    >>> X = np.column_stack([rng.normal(size=80), np.ones(80)])
    >>> y = 0.8 * X[:, 0] + rng.normal(size=8)[g] + rng.normal(size=80)
    >>> r = wild_cluster_bootstrap(X, y, g, 0)                       # 8 clusters: Webb's weights, 999 draws
    >>> r["reps"], r["weights"], r["p"] < 0.05
    (999, 'webb', True)
    >>> wild_cluster_bootstrap(X, y, g, 0, kind="rademacher")["reps"]   # every one of the 2**8 sign patterns
    256
    """
    X = np.asarray(X, float)
    y = np.asarray(y, float)
    if weights is not None:
        sw = np.sqrt(np.asarray(weights, float))
        X, y = X * sw[:, None], y * sw
    codes, groups = np.unique(np.asarray(groups), return_inverse=True)
    G, (N, K) = len(codes), X.shape
    kind = kind or ("webb" if G < 10 and 2 ** G < reps else "rademacher")
    rng = np.random.default_rng(seed)

    pinv = np.linalg.pinv(X.T @ X)
    A = pinv @ X.T                      # beta = A y
    a = A[column]                       # the tested coefficient's row
    ssc = G / (G - 1) * (N - 1) / (N - K)
    onehot = np.zeros((G, N))
    onehot[groups, np.arange(N)] = 1.0

    def t_stats(Y: np.ndarray) -> np.ndarray:
        """CRV1 t of the tested coefficient for each column of Y (N x B)."""
        B = A @ Y
        U = Y - X @ B
        scores = onehot @ (a[:, None] * U)        # G x B: each cluster's contribution to the coefficient
        return B[column] / np.sqrt(ssc * (scores ** 2).sum(axis=0))

    t_obs = float(t_stats(y[:, None])[0])
    keep = [j for j in range(K) if j != column]
    Xr = X[:, keep]
    fitted = Xr @ (np.linalg.pinv(Xr.T @ Xr) @ Xr.T @ y)
    resid = y - fitted
    V = _weights(G, reps, kind, rng)
    t_boot = t_stats(fitted[:, None] + resid[:, None] * V[groups])
    # A tie counts as at least as extreme: with every sign pattern, the all-plus and all-minus patterns give
    # back |t| exactly (up to rounding), and counting them keeps the test from rejecting too often
    tie = 1e-10 * max(abs(t_obs), 1.0)
    return {"t": t_obs, "p": float(np.mean(np.abs(t_boot) >= abs(t_obs) - tie)), "reps": int(V.shape[1]),
            "weights": kind, "clusters": G}


def pre_trend(panel: pd.DataFrame) -> dict:
    """Do the groups' trends differ before the program? The treated schools' extra linear trend over the
    pre-years (school and year fixed effects, weighted, school-clustered), its SE and p.

    A difference says the DiD's assumption of parallel trends is in doubt (a CITS models it, given enough
    years). Needs two or more pre-years.
    """
    pre = panel[panel["k"] == 0]
    pre = pre[~pre["treated"] | (pre["time"] < pre["start"])]
    if pre.loc[pre["treated"], "time"].nunique() < 2:
        return {"estimate": np.nan, "se": np.nan, "p": np.nan, "note": "fewer than two pre-years"}
    fit = _linear(pre, trend=True)
    return {"estimate": fit["b"], "se": fit["se"], "p": fit["p"], "note": ""}


def placebo(panel: pd.DataFrame, years_before: int = 1) -> dict:
    """A placebo start: the pre-years only, as if each treated school had started ``years_before`` earlier; a
    DiD on them should find nothing. Returns the placebo impact (all placebo years pooled), its SE and p."""
    pre = panel[~panel["treated"] | (panel["time"] < panel["start"])].copy()
    fake = pre["start"] - years_before
    post = pre["treated"] & (pre["time"] >= fake)
    if not post.any() or not (pre["treated"] & ~post).any():
        return {"estimate": np.nan, "se": np.nan, "p": np.nan, "note": "too few pre-years for a placebo start"}
    pre["placebo"] = post.astype(float)
    fit = _linear(pre, trend=False, column="placebo")
    return {"estimate": fit["b"], "se": fit["se"], "p": fit["p"], "note": ""}


def _linear(d: pd.DataFrame, *, trend: bool, column: str | None = None) -> dict:
    import statsmodels.api as sm

    d = d.reset_index(drop=True)
    cols = [np.where(d["treated"], d["time"] - d["time"].min(), 0.0) if trend else d[column].to_numpy(float),
            *_fixed_effects(d)[0]]
    res = sm.WLS(d["y"].to_numpy(float), np.column_stack(cols), weights=d["w"].to_numpy(float)).fit(
        cov_type="cluster", cov_kwds={"groups": pd.factorize(d["unit"])[0]}, use_t=True)
    return {"b": float(res.params[0]), "se": float(res.bse[0]), "p": float(res.pvalues[0])}


def group_means(panel: pd.DataFrame) -> pd.DataFrame:
    """Each group's mean result per year, weighted by n tested: ``time``, ``treated_mean``, ``comparison_mean``,
    ``treated_units``, ``comparison_units`` (schools with a result that year)."""
    def wmean(g: pd.DataFrame) -> float:
        return float(np.average(g["y"], weights=g["w"])) if len(g) else np.nan

    out = []
    for t, g in panel.groupby("time"):
        tr, co = g[g["treated"]], g[~g["treated"]]
        out.append({"time": int(t), "treated_mean": wmean(tr), "comparison_mean": wmean(co),
                    "treated_units": int(tr["unit"].nunique()), "comparison_units": int(co["unit"].nunique())})
    return pd.DataFrame(out)


def projected_baseline(panel: pd.DataFrame, fit: ImpactFit) -> pd.DataFrame:
    """The treated schools' observed mean per year and, from the first program year on, what the model projects
    without the program: the observed mean minus the weighted average impact of the schools in each follow-up
    year that calendar year (their own ``d_k``). Columns of :func:`group_means` plus ``projected``."""
    means = group_means(panel)
    d = dict(zip(fit.impacts["k"], fit.impacts["estimate"]))
    tr = panel[panel["treated"] & (panel["k"] > 0)]
    shift = tr.assign(d=tr["k"].map(d)).groupby("time").apply(
        lambda g: float(np.average(g["d"], weights=g["w"])), include_groups=False)
    # the treated mean of a year averages schools in and not yet in the program: the projection removes the
    # impact from those in it, weighted as the mean weights them
    share = tr.groupby("time")["w"].sum() / panel[panel["treated"]].groupby("time")["w"].sum()
    means["projected"] = means["treated_mean"] - means["time"].map(shift * share).fillna(0.0)
    means.loc[~means["time"].isin(shift.index), "projected"] = np.nan
    return means


def baseline_difference(panel: pd.DataFrame, *, share: bool) -> dict:
    """Baseline equivalence on the outcome in the last year before the first start: the treated schools' mean
    against the comparison schools' (weighted by n tested), as an effect size with the WWC's reading
    (:func:`evalkit.analyze.wwc_rules.baseline_equivalence`): the Cox index for a percentage (WWC Handbook 5.0,
    Appendix E), else Hedges' g from the schools' results (pooled SD over schools)."""
    from evalkit.analyze.wwc import cox_index, wwc_g
    from evalkit.analyze.wwc_rules import baseline_equivalence

    first = panel.loc[panel["treated"], "start"].min()
    base = panel[panel["time"] == first - 1]
    tr, co = base[base["treated"]], base[~base["treated"]]
    if len(tr) < 2 or len(co) < 2:
        return {"year": int(first - 1), "g": np.nan, "reading": "", "note": "fewer than two schools in a group"}
    mi, mc = np.average(tr["y"], weights=tr["w"]), np.average(co["y"], weights=co["w"])
    if share:
        g = cox_index(mi / 100.0, mc / 100.0, int(tr["w"].sum()), int(co["w"].sum())).estimate
    else:
        g = wwc_g(mi, mc, float(tr["y"].std(ddof=1)), float(co["y"].std(ddof=1)), len(tr), len(co)).estimate
    return {"year": int(first - 1), "treated_mean": float(mi), "comparison_mean": float(mc), "g": float(g),
            "reading": baseline_equivalence(float(g)), "treated_units": len(tr), "comparison_units": len(co),
            "note": ""}


def impact_effect_sizes(panel: pd.DataFrame, fit: ImpactFit, *, share: bool) -> pd.Series:
    """Each follow-up year's impact as an effect size: for a percentage, the Cox index between the treated
    schools' mean that year and that mean less the impact (the projection without the program; WWC Handbook
    5.0, Appendix E); else the impact over the SD of the schools' results in the last baseline year."""
    from evalkit.analyze.wwc import cox_index

    out = {}
    first = panel.loc[panel["treated"], "start"].min()
    sd = float(panel.loc[panel["time"] == first - 1, "y"].std(ddof=1))
    for r in fit.impacts.itertuples(index=False):
        g = panel[panel["k"] == r.k]
        if not share:
            out[r.k] = r.estimate / sd if sd > 0 else np.nan
            continue
        mi = float(np.average(g["y"], weights=g["w"])) / 100.0
        mc = mi - r.estimate / 100.0
        n = int(g["w"].sum())
        out[r.k] = cox_index(mi, mc, n, n).estimate if 0 < mc < 1 and 0 < mi < 1 else np.nan
    return pd.Series(out, name="effect_size")
