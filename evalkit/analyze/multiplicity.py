"""Corrections for testing several outcomes at once.

The WWC applies the Benjamini-Hochberg correction when a study reports several outcomes in one
outcome domain, so that a finding is called statistically significant only if it survives
control of the false discovery rate across that domain (What Works Clearinghouse 2008,
*Procedures and Standards Handbook, Version 2.0*, Appendix D, "Benjamini-Hochberg Correction of
the Statistical Significance of Effects Estimated with Multiple Comparisons",
https://eric.ed.gov/?id=ED503772; later handbooks keep the correction).
"""

from __future__ import annotations

import math
from numbers import Real
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["benjamini_hochberg"]


def benjamini_hochberg(p: Any, q: float = 0.05) -> pd.DataFrame:
    """Benjamini-Hochberg step-up procedure: adjusted p-values and rejections at FDR ``q``.

    Parameters
    ----------
    p : array_like or Series
        p-values in [0, 1], one per hypothesis (one per outcome in a domain). NaN marks a
        hypothesis without a p-value: it is left out of the family (m counts only the others)
        and comes back with a NaN adjusted p-value and ``reject`` False.
    q : float, default 0.05
        The false discovery rate to control, in (0, 1).

    Returns
    -------
    DataFrame
        One row per input p-value, in input order (a Series keeps its index), with columns
        ``p`` (as given), ``p_adjusted`` and ``reject`` (bool).

    Raises
    ------
    TypeError, ValueError
        Non-numeric or multi-dimensional ``p``, a p-value outside [0, 1] or infinite, ``q``
        outside (0, 1).

    See Also
    --------
    statsmodels.stats.multitest.multipletests : ``method="fdr_bh"``, the check in the tests.
    scipy.stats.false_discovery_control : adjusted p-values only.

    Notes
    -----
    Sort the m non-missing p-values, :math:`p_{(1)} \\le \\dots \\le p_{(m)}`. Let *k* be the
    largest *i* with :math:`p_{(i)} \\le i q / m` (the inclusive rule); reject the hypotheses of
    :math:`p_{(1)}, \\dots, p_{(k)}`, and none if there is no such *i* (Benjamini & Hochberg 1995,
    eq. 1). It is a step-up rule: a p-value above its own threshold is still rejected when a
    larger one meets its threshold. Adjusted p-values are

    .. math:: \\tilde p_{(i)} = \\min\\Bigl(1,\\ \\min_{j \\ge i} \\frac{m\\,p_{(j)}}{j}\\Bigr)

    so :math:`\\tilde p_{(i)} \\le q` exactly for the rejected hypotheses. Ties share one
    adjusted value. The procedure controls the FDR at q for independent (or positively
    dependent) tests.

    References
    ----------
    .. [1] Benjamini, Y., & Hochberg, Y. (1995). Controlling the false discovery rate: a
       practical and powerful approach to multiple testing. Journal of the Royal Statistical
       Society, Series B, 57(1), 289-300. https://doi.org/10.1111/j.2517-6161.1995.tb02031.x
    .. [2] What Works Clearinghouse (2008). Procedures and Standards Handbook, Version 2.0,
       Appendix D. https://eric.ed.gov/?id=ED503772

    Examples
    --------
    The 15 p-values of Benjamini & Hochberg's (1995) example (Neuhaus et al. 1992): at q = 0.05
    the procedure rejects four hypotheses (Bonferroni rejects three).

    >>> ps = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344,
    ...       0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.000]
    >>> res = benjamini_hochberg(ps, q=0.05)
    >>> int(res["reject"].sum())
    4
    >>> [round(x, 4) for x in res["p_adjusted"][:5]]
    [0.0015, 0.003, 0.0095, 0.0356, 0.0603]
    """
    func = "benjamini_hochberg"
    if isinstance(q, bool) or not isinstance(q, Real) or not 0 < float(q) < 1 or math.isnan(float(q)):
        raise ValueError(f"{func}(): q must be a number in (0, 1), got {q!r}")
    q = float(q)
    index = p.index if isinstance(p, pd.Series) else None
    try:
        values = np.asarray(p, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{func}(): p must be numeric p-values, got {p!r}") from None
    if values.ndim == 0:
        raise TypeError(f"{func}(): p must be a sequence of p-values, got the scalar {p!r}")
    if values.ndim != 1:
        raise ValueError(f"{func}(): p must be one-dimensional, got shape {values.shape}")
    present = ~np.isnan(values)
    bad = present & ((values < 0) | (values > 1))
    if bad.any():
        first = int(np.flatnonzero(bad)[0])
        raise ValueError(f"{func}(): p-values must be in [0, 1]; {int(bad.sum())} are not "
                         f"(first at position {first}: {float(values[first])!r})")

    adjusted = np.full(values.shape, np.nan)
    reject = np.zeros(values.shape, dtype=bool)
    idx = np.flatnonzero(present)
    m = idx.size
    if m:
        order = idx[np.argsort(values[idx], kind="stable")]
        sorted_p = values[order]
        ranks = np.arange(1, m + 1)
        passing = np.flatnonzero(sorted_p <= ranks * q / m)
        if passing.size:
            reject[order[: passing[-1] + 1]] = True
        stepped = np.minimum.accumulate((m * sorted_p / ranks)[::-1])[::-1]
        adjusted[order] = np.minimum(stepped, 1.0)
    return pd.DataFrame({"p": values, "p_adjusted": adjusted, "reject": reject}, index=index)
