"""Internal-consistency reliability of scales: Cronbach's alpha (Feldt interval) and McDonald's omega.

Both take a respondents × items block of *reverse-keyed* item scores (:func:`reliability_table`
reverses them from the codebook; the two coefficient functions take whatever they are given).
Results are :class:`~evalkit.analyze._result.Estimate` objects; a coefficient that cannot be
computed from the data (too few cases, no variance, a factor model that does not fit) is NaN with
the reason in ``extra["reason"]``, never an exception, so one bad scale does not stop a table.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy.stats import f as f_dist

from evalkit.analyze._result import Estimate
from evalkit.analyze._survey import as_float as _as_float
from evalkit.analyze._survey import check_confidence_level as _check_confidence_level
from evalkit.analyze._survey import check_frame as _check_frame
from evalkit.analyze._survey import keyed_items as _keyed_items
from evalkit.analyze._survey import resolve_instrument as _resolve_instrument
from evalkit.analyze._survey import select_scales as _select_scales
from evalkit.config.codebook import Codebook, Instrument
from evalkit.errors import SmallSampleWarning

__all__ = ["cronbach_alpha", "mcdonald_omega", "reliability_table"]

_MISSING = ("pairwise", "listwise")
#: A uniqueness below this is a Heywood (boundary) case: R's factanal uses the same lower bound.
_HEYWOOD_UNIQUENESS = 0.005


def _item_block(items: Any, *, func: str) -> pd.DataFrame:
    """Items as a float DataFrame (non-finite → NaN), rows with no answer at all dropped."""
    if isinstance(items, np.ndarray):
        if items.ndim != 2:
            raise ValueError(f"{func}(): items must be 2-D (respondents × items), got {items.ndim}-D")
        items = pd.DataFrame(items, columns=[f"item{j + 1}" for j in range(items.shape[1])])
    items = _check_frame(items, func=func, arg="items")
    block = _as_float(items, list(items.columns), func=func, arg="items")
    return block[block.notna().any(axis=1)]


def _check_missing(missing: Any, *, func: str) -> str:
    if missing not in _MISSING:
        raise ValueError(f"{func}(): missing must be one of {list(_MISSING)}, got {missing!r}")
    return missing


def _pair_counts(block: pd.DataFrame) -> np.ndarray:
    a = block.notna().to_numpy(dtype=np.int64)
    return a.T @ a


def _feldt_interval(alpha: float, n: int, k: int, confidence_level: float) -> tuple[float, float]:
    """Feldt (1965) interval: ``(1 - alpha_pop) / (1 - alpha_hat) ~ F(n - 1, (n - 1)(k - 1))``."""
    if not (math.isfinite(alpha) and alpha < 1) or n < 2 or k < 2:
        return math.nan, math.nan
    df1, df2 = n - 1, (n - 1) * (k - 1)
    tail = (1 - confidence_level) / 2
    low = 1 - (1 - alpha) * float(f_dist.ppf(1 - tail, df1, df2))
    high = 1 - (1 - alpha) * float(f_dist.ppf(tail, df1, df2))
    return low, high


def cronbach_alpha(
    items: pd.DataFrame,
    *,
    confidence_level: float = 0.95,
    missing: Literal["pairwise", "listwise"] = "pairwise",
) -> Estimate:
    """Cronbach's alpha from the item covariance matrix, with Feldt's confidence interval.

    Parameters
    ----------
    items : DataFrame or 2-D ndarray
        Respondents in rows, items in columns, already reverse-keyed. Non-finite values are
        missing; rows with no answered item are dropped.
    confidence_level : float, default 0.95
        Confidence level of the Feldt interval.
    missing : {"pairwise", "listwise"}, default "pairwise"
        ``"pairwise"``: each covariance uses the respondents who answered both items (pandas
        ``DataFrame.cov``, as pingouin and psych ``use="pairwise"``). ``"listwise"``: only
        respondents who answered every item.

    Returns
    -------
    Estimate
        ``estimate`` (alpha), ``ci_low``, ``ci_high``, ``confidence_level``, ``method``
        ``"cronbach_alpha_feldt"``, ``n`` (the n of the interval, see Notes) and ``extra`` with
        ``k``, ``n_rows`` (respondents with at least one answer), ``n_complete`` (with every
        answer), ``n_min_pairwise`` (fewest respondents behind any covariance), ``df1``, ``df2``,
        ``missing``, ``flag_few_items`` (``k < 3``) and ``reason`` (``None``, or why the estimate
        is NaN: ``"too_few_cases"``, ``"zero_total_variance"``).

    Raises
    ------
    TypeError
        ``items`` is not a DataFrame/2-D array, or a column is not numeric.
    ValueError
        Fewer than 2 items, ``missing`` not one of the options, ``confidence_level`` outside (0, 1).

    Warns
    -----
    SmallSampleWarning
        Fewer than 2 respondents behind some covariance: alpha is NaN.

    See Also
    --------
    mcdonald_omega, reliability_table

    Notes
    -----
    With :math:`C` the :math:`k \\times k` item covariance matrix (denominator :math:`n-1`),

    .. math::

        \\alpha = \\frac{k}{k-1}\\left(1 - \\frac{\\operatorname{tr} C}{\\mathbf 1^\\top C \\mathbf 1}\\right)
        = \\frac{k}{k-1}\\left(1 - \\frac{\\sum_i s_i^2}{s_T^2}\\right).

    The Feldt (1965) interval, in the notation of Feldt, Woodruff & Salih (1987, eqs. 6-7), with
    :math:`F_q` the :math:`q` quantile of :math:`F(n-1, (n-1)(k-1))` and :math:`c` the confidence
    level, is

    .. math::

        \\left[\\,1 - (1-\\hat\\alpha) F_{1-(1-c)/2},\\; 1 - (1-\\hat\\alpha) F_{(1-c)/2}\\,\\right].

    **Which n.** The interval uses the n actually analysed: with ``missing="listwise"`` the
    complete cases; with ``missing="pairwise"`` the *smallest* number of respondents behind any
    covariance (``n_min_pairwise``), the conservative choice. Both equal the number of rows when
    nothing is missing. pingouin 0.5-0.7 and R psych ``alpha`` use the number of rows in both
    modes, so with missing data their interval is narrower than ours while alpha is identical.

    Checked against pingouin (``cronbach_alpha``, itself checked against R psych) and the Feldt
    interval against published values (Evans' ``feldt1.return(0.913, 873, 20)``); see
    ``tests/test_reliability.py``.

    References
    ----------
    .. [1] Cronbach, L. J. (1951). Coefficient alpha and the internal structure of tests.
       *Psychometrika*, 16(3), 297-334. https://doi.org/10.1007/BF02310555
    .. [2] Feldt, L. S. (1965). The approximate sampling distribution of Kuder-Richardson
       reliability coefficient twenty. *Psychometrika*, 30(3), 357-370.
       https://doi.org/10.1007/BF02289499
    .. [3] Feldt, L. S., Woodruff, D. J., & Salih, F. A. (1987). Statistical inference for
       coefficient alpha. *Applied Psychological Measurement*, 11(1), 93-103.
       https://doi.org/10.1177/014662168701100107

    Examples
    --------
    >>> import pandas as pd
    >>> items = pd.DataFrame({"q1": [4, 5, 3, 2, 4, 5], "q2": [4, 4, 3, 1, 5, 5],
    ...                       "q3": [3, 5, 2, 2, 4, 4]})
    >>> res = cronbach_alpha(items)
    >>> round(res.estimate, 4), res.n, [round(res.ci_low, 4), round(res.ci_high, 4)]
    (0.9277, 6, [0.6936, 0.9891])
    >>> # In R: psych::alpha(items)$total$raw_alpha
    """
    func = "cronbach_alpha"
    cl = _check_confidence_level(confidence_level, func=func)
    missing = _check_missing(missing, func=func)
    block = _item_block(items, func=func)
    k = block.shape[1]
    if k < 2:
        raise ValueError(f"{func}(): alpha needs at least 2 items, got {k}")
    n_rows = len(block)
    n_complete = int(block.notna().all(axis=1).sum())
    if missing == "listwise":
        block = block.dropna(how="any")
    counts = _pair_counts(block)
    n_min_pair = int(counts[~np.eye(k, dtype=bool)].min()) if n_rows else 0
    n = n_complete if missing == "listwise" else n_min_pair
    extra: dict[str, Any] = {"k": k, "n_rows": n_rows, "n_complete": n_complete, "n_min_pairwise": n_min_pair,
                             "df1": n - 1 if n >= 2 else math.nan,
                             "df2": (n - 1) * (k - 1) if n >= 2 else math.nan,
                             "missing": missing, "flag_few_items": k < 3, "reason": None}

    def undefined(reason: str) -> Estimate:
        extra["reason"] = reason
        return Estimate(math.nan, math.nan, math.nan, cl, "cronbach_alpha_feldt", n=n, extra=extra)

    if n < 2:
        warnings.warn(f"{func}(): fewer than 2 respondents behind some item covariance ({missing} deletion, "
                      f"n = {n}); alpha is NaN", SmallSampleWarning, stacklevel=2)
        return undefined("too_few_cases")
    cov = block.cov().to_numpy()
    total = float(cov.sum())
    if not total > 0:
        return undefined("zero_total_variance")
    alpha = k / (k - 1) * (1 - float(np.trace(cov)) / total)
    low, high = _feldt_interval(alpha, n, k, cl)
    return Estimate(alpha, low, high, cl, "cronbach_alpha_feldt", n=n, extra=extra)


def _start_values(corr: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Deterministic ML start: factanal's uniquenesses ``(1 - 0.5/k) / diag(R^-1)``, then principal axis."""
    k = corr.shape[0]
    uniq = np.clip((1 - 0.5 / k) / np.diag(np.linalg.inv(corr)), 0.05, 0.95)
    vals, vecs = np.linalg.eigh(corr - np.diag(uniq))
    load = vecs[:, -1] * math.sqrt(max(vals[-1], 1e-6))
    if load.sum() < 0:
        load = -load
    return load[:, None], uniq


def _fit_one_factor(corr: np.ndarray) -> tuple[np.ndarray, np.ndarray, str | None]:
    """One-factor ML fit of a correlation matrix with statsmodels: ``(loadings, uniquenesses, reason)``."""
    from statsmodels.multivariate.factor import Factor

    model = Factor(corr=corr, n_factor=1, method="ml")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # convergence and Heywood are judged below, from the fit itself
        res = model.fit(start=_start_values(corr))
    load = np.asarray(res.loadings, dtype=float)[:, 0]
    uniq = np.asarray(res.uniqueness, dtype=float)
    if load.sum() < 0:
        load = -load
    ret = model.mle_retvals
    if not (np.all(np.isfinite(load)) and np.all(np.isfinite(uniq))):
        return load, uniq, "not_converged"
    if uniq.min() < _HEYWOOD_UNIQUENESS:
        return load, uniq, "heywood"
    if not ret.success:
        # BFGS may stop on "precision loss" at the optimum; accept only a vanishing gradient.
        grad = model.score(model._pack(load[:, None], uniq))
        if not np.max(np.abs(grad)) < 1e-5:
            return load, uniq, "not_converged"
    return load, uniq, None


def mcdonald_omega(
    items: pd.DataFrame,
    *,
    missing: Literal["pairwise", "listwise"] = "pairwise",
) -> Estimate:
    """McDonald's omega total of standardized items, from a one-factor maximum-likelihood model.

    Parameters
    ----------
    items : DataFrame or 2-D ndarray
        Respondents in rows, items in columns, already reverse-keyed. Non-finite values are
        missing; rows with no answered item are dropped.
    missing : {"pairwise", "listwise"}, default "pairwise"
        How the correlation matrix treats missing answers (pandas ``DataFrame.corr`` per pair, or
        complete cases only).

    Returns
    -------
    Estimate
        ``estimate`` (omega; NaN when the model cannot be fitted), ``ci_low``/``ci_high`` NaN (no
        interval is computed), ``confidence_level`` 0.95 (nominal only), ``method``
        ``"omega_total_ml_1factor_standardized"``, ``n`` (complete cases for listwise, fewest
        respondents behind any correlation for pairwise) and ``extra`` with ``k``, ``missing``,
        ``loadings`` and ``uniquenesses`` (dicts by item, empty when not fitted) and ``reason``:
        ``None`` or why omega is NaN: ``"too_few_items"`` (k < 3: a one-factor model is not
        identified), ``"too_few_cases"``, ``"zero_variance"`` (an item is constant),
        ``"not_positive_definite"`` (the correlation matrix), ``"not_converged"`` or
        ``"heywood"`` (a uniqueness below 0.005).

    Raises
    ------
    TypeError
        ``items`` is not a DataFrame/2-D array, or a column is not numeric.
    ValueError
        ``missing`` is not one of the options.

    See Also
    --------
    cronbach_alpha, reliability_table

    Notes
    -----
    The items' correlation matrix :math:`R` is fitted by the one-factor model
    :math:`R \\approx \\lambda\\lambda^\\top + \\Psi` by maximum likelihood (statsmodels
    ``Factor(corr=R, n_factor=1, method="ml")``, deterministic start values), and

    .. math::

        \\omega_t = \\frac{(\\sum_i \\lambda_i)^2}{(\\sum_i \\lambda_i)^2 + \\sum_i \\psi_i}.

    The denominator is the model-implied variance of the sum of standardized items; some software
    (e.g. R psych ``omega``) divides by the observed variance :math:`\\mathbf 1^\\top R \\mathbf 1`
    instead, which agrees when the one-factor model fits exactly.

    This is the reliability of the sum of the *standardized* items (McDonald 1999, ch. 6); it
    equals omega of the raw sum only when the items have equal variances. For a one-factor
    (congeneric) population it is at least as large as (standardized) alpha, with equality when
    all loadings are equal (tau-equivalence).

    Checks in ``tests/test_reliability.py``: closed forms (compound symmetry gives the
    Spearman-Brown value; with three items the loadings are Spearman's triads), R ``factanal``,
    an independent ML fit with scipy, and recovery of a simulated population value.

    References
    ----------
    .. [1] McDonald, R. P. (1999). *Test Theory: A Unified Treatment*. Lawrence Erlbaum.
       https://doi.org/10.4324/9781410601087
    .. [2] Zinbarg, R. E., Revelle, W., Yovel, I., & Li, W. (2005). Cronbach's α, Revelle's β,
       and McDonald's ω_H. *Psychometrika*, 70(1), 123-133. https://doi.org/10.1007/s11336-003-0974-7
    .. [3] Jöreskog, K. G. (1967). Some contributions to maximum likelihood factor analysis.
       *Psychometrika*, 32(4), 443-482. https://doi.org/10.1007/BF02289658

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(3)
    >>> f = rng.standard_normal(1000)
    >>> items = pd.DataFrame({f"q{j}": lam * f + np.sqrt(1 - lam**2) * rng.standard_normal(1000)
    ...                       for j, lam in enumerate([0.8, 0.7, 0.6, 0.5])})
    >>> res = mcdonald_omega(items)  # population: 2.6**2 / (2.6**2 + 2.26) = 0.749
    >>> round(res.estimate, 3), res.n, res.extra["reason"]
    (0.748, 1000, None)
    """
    func = "mcdonald_omega"
    missing = _check_missing(missing, func=func)
    block = _item_block(items, func=func)
    k = block.shape[1]
    if missing == "listwise":
        block = block.dropna(how="any")
    counts = _pair_counts(block)
    n = (int(block.notna().all(axis=1).sum()) if missing == "listwise"
         else int(counts[~np.eye(k, dtype=bool)].min()) if k >= 2 and len(block) else 0)
    extra: dict[str, Any] = {"k": k, "missing": missing, "loadings": {}, "uniquenesses": {}, "reason": None}

    def undefined(reason: str) -> Estimate:
        extra["reason"] = reason
        return Estimate(math.nan, math.nan, math.nan, 0.95, "omega_total_ml_1factor_standardized",
                        n=n, extra=extra)

    if k < 3:
        return undefined("too_few_items")
    if n < 3:
        return undefined("too_few_cases")
    sd = block.std().to_numpy()
    if not np.all(sd > 0):
        return undefined("zero_variance")
    corr = block.corr().to_numpy()
    if not np.all(np.isfinite(corr)):
        return undefined("too_few_cases")
    if np.linalg.eigvalsh(corr).min() <= 1e-10:
        return undefined("not_positive_definite")
    load, uniq, reason = _fit_one_factor(corr)
    extra["loadings"] = dict(zip(map(str, block.columns), map(float, load)))
    extra["uniquenesses"] = dict(zip(map(str, block.columns), map(float, uniq)))
    if reason is not None:
        return undefined(reason)
    s2 = float(load.sum()) ** 2
    omega = s2 / (s2 + float(uniq.sum()))
    return Estimate(omega, math.nan, math.nan, 0.95, "omega_total_ml_1factor_standardized", n=n, extra=extra)


def reliability_table(
    data: pd.DataFrame,
    instrument: Instrument | str,
    codebook: Codebook,
    *,
    by_wave: str | None = None,
    scales: Sequence[str] | None = None,
    confidence_level: float = 0.95,
) -> pd.DataFrame:
    """Alpha (with Feldt interval) and omega for every scale, optionally per wave.

    Parameters
    ----------
    data : DataFrame
        Cleaned responses, one column per item (codes as exported; reversed here from the codebook).
    instrument : Instrument or str
        The instrument, or its name in ``codebook``.
    codebook : Codebook
        Gives each item's response scale, reverse flag and each scale's items.
    by_wave : str, optional
        Name of a column of ``data`` (usually ``"wave"``) to compute the table per value of; rows
        where it is missing are left out. By default all rows together.
    scales : list of str, optional
        Scales to report. By default every scale whose items are all columns of ``data``.
    confidence_level : float, default 0.95
        Confidence level of alpha's interval.

    Returns
    -------
    DataFrame
        One row per scale (per wave), columns ``wave`` (only with ``by_wave``), ``scale``, ``k``,
        ``n`` (n of alpha's interval, see :func:`cronbach_alpha`), ``alpha``, ``alpha_ci_low``,
        ``alpha_ci_high``, ``omega``, ``omega_reason`` (why omega is NaN, else None) and
        ``flag_few_items`` (``k < 3``: alpha unstable, omega not identified).

    Raises
    ------
    TypeError
        ``data`` is not a DataFrame or an item column is not numeric.
    ValueError
        Unknown scales, ``by_wave`` not a column, uncleaned item values, or ``confidence_level``
        outside (0, 1).

    See Also
    --------
    cronbach_alpha, mcdonald_omega, score_scales

    Notes
    -----
    Items are reverse-keyed first (:func:`~evalkit.analyze.scales.reverse_items`); alpha uses
    pairwise deletion and the Feldt interval with the smallest pairwise n; omega is the one-factor
    ML omega total of the standardized items. A one-item scale gets NaN for both.

    References
    ----------
    .. [1] Cronbach, L. J. (1951). Coefficient alpha and the internal structure of tests.
       *Psychometrika*, 16(3), 297-334. https://doi.org/10.1007/BF02310555
    .. [2] McDonald, R. P. (1999). *Test Theory: A Unified Treatment*. Lawrence Erlbaum.
       https://doi.org/10.4324/9781410601087

    Examples
    --------
    >>> import pandas as pd
    >>> from evalkit.config import Codebook
    >>> cb = Codebook.model_validate({
    ...     "response_scales": {"agree5": {"codes": {1: "SD", 2: "D", 3: "N", 4: "A", 5: "SA"}}},
    ...     "instruments": {"s": {"title": "S", "items": {
    ...         "q1": {"text": "a", "scale": "agree5"},
    ...         "q2": {"text": "b", "scale": "agree5"},
    ...         "q3": {"text": "c", "scale": "agree5", "reverse": True}},
    ...       "scales": {"sc": {"label": "Scale", "items": ["q1", "q2", "q3"]}}}}})
    >>> df = pd.DataFrame({"q1": [4, 5, 3, 2, 4, 5], "q2": [4, 4, 3, 1, 5, 5],
    ...                    "q3": [3, 1, 4, 4, 2, 2]})
    >>> tab = reliability_table(df, "s", cb)
    >>> tab[["scale", "k", "n", "alpha"]].round(4)
      scale  k  n   alpha
    0    sc  3  6  0.9277
    """
    func = "reliability_table"
    data = _check_frame(data, func=func)
    inst = _resolve_instrument(instrument, codebook, func=func)
    cl = _check_confidence_level(confidence_level, func=func)
    if by_wave is not None and by_wave not in data.columns:
        raise ValueError(f"{func}(): by_wave must name a column of data; {by_wave!r} is not one")
    chosen = _select_scales(inst, data, scales, func=func)
    needed = list(dict.fromkeys(i for s in chosen.values() for i in s.items))
    keyed = _keyed_items(data, inst, codebook, needed, func=func)

    if by_wave is None:
        groups: list[tuple[Any, pd.Index]] = [(None, keyed.index)]
    else:
        wave = data[by_wave]
        groups = [(w, wave.index[wave.eq(w).fillna(False).to_numpy(dtype=bool)])
                  for w in sorted(wave.dropna().unique(), key=str)]

    rows = []
    for w, idx in groups:
        for name, scale in chosen.items():
            block = keyed.loc[idx, scale.items]
            k = len(scale.items)
            row: dict[str, Any] = {} if by_wave is None else {"wave": w}
            row.update({"scale": name, "k": k, "n": 0, "alpha": math.nan, "alpha_ci_low": math.nan,
                        "alpha_ci_high": math.nan, "omega": math.nan, "omega_reason": "too_few_items",
                        "flag_few_items": k < 3})
            if k >= 2:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", SmallSampleWarning)  # NaN in the table says it
                    a = cronbach_alpha(block, confidence_level=cl)
                o = mcdonald_omega(block)
                row.update({"n": a.n, "alpha": a.estimate, "alpha_ci_low": a.ci_low,
                            "alpha_ci_high": a.ci_high, "omega": o.estimate,
                            "omega_reason": o.extra["reason"]})
            rows.append(row)
    cols = ([] if by_wave is None else ["wave"]) + [
        "scale", "k", "n", "alpha", "alpha_ci_low", "alpha_ci_high", "omega", "omega_reason",
        "flag_few_items"]
    out = pd.DataFrame(rows, columns=cols)
    return out.astype({"k": "int64", "n": "int64", "alpha": "float64", "alpha_ci_low": "float64",
                       "alpha_ci_high": "float64", "omega": "float64", "flag_few_items": "bool"})
