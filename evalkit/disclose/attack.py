"""The attacker audit: bound every hidden count with two linear programs (HiGHS via highspy).

The attacker knows every figure a bundle publishes, every figure of earlier releases in the ledger,
and that counts are non-negative (integrality is relaxed, as in sdcTable's ``attack()``). For each
hidden cell with count vector ``a`` over a universe's atoms ``x`` the audit solves

    min a·x  and  max a·x   subject to  A_eq x = b,  A_ub x <= c,  x >= 0

with HiGHS. A cell is *exposed* when only one integer lies in [min, max], or when the interval
is narrower than the policy's ``min_interval_width``. The duals of the two solves name the published
figures that pin the cell; complementary suppression hides one of them next.

Earlier releases (the ledger) about the same universe add a second unknown vector ``x_k`` with the
earlier figures as constraints and ``x - x_k = p - q`` (people added ``p`` and removed ``q``,
``p, q >= 0``). When the least possible change ``min sum(p + q)`` is between 1 and ``n_min - 1``,
the changed people are a small group of their own: every figure published in both releases is then
differenced (``a·(x - x_k)``) and may not be determined (NIST SI-19(5)'s January/March example).

References
----------
Meindl, B. (2023). sdcTable: Methods for statistical disclosure control in tabular data, ``attack()``.
Hundepool, A. et al. (2012). *Statistical Disclosure Control*, Wiley, §4.3 (audit of a suppression pattern).
"""

from __future__ import annotations

import time
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any
from dataclasses import dataclass, field

import numpy as np


from evalkit.disclose.space import Selection, Universe

__all__ = ["Figure", "Hidden", "Bound", "AttackResult", "attack", "determined"]

_EPS = 1e-7


@dataclass(frozen=True)
class Figure:
    """One published linear fact: ``lo <= sum(coef * count(sel)) <= hi`` over one universe.

    ``cell`` names the displayed cell that published it (``None`` for a ledger figure), so the
    suppression loop knows what to hide.
    """

    universe: str
    terms: tuple[tuple[float, Selection], ...]
    lo: float
    hi: float
    cell: Hashable | None = None
    cost: float = 1.0

    @classmethod
    def count(cls, universe: str, sel: Selection, value: float, *, cell: Hashable | None = None,
              cost: float = 1.0) -> Figure:
        return cls(universe, ((1.0, sel),), float(value), float(value), cell, cost)

    def vector(self, u: Universe) -> np.ndarray:
        return sum((c * u.mask(s) for c, s in self.terms), np.zeros(u.size))


@dataclass(frozen=True)
class Hidden:
    """A hidden count the attacker must not pin down (``sensitive``) or may (a complement)."""

    universe: str
    sel: Selection
    value: int
    cell: Hashable
    sensitive: bool = True


@dataclass(frozen=True)
class Bound:
    """The attacker's interval for one hidden quantity."""

    cell: Hashable
    lo: float
    hi: float
    value: float
    exposed: bool
    kind: str = "cell"          # "cell" or "difference" (against an earlier release)
    binding: frozenset = frozenset()

    @property
    def width(self) -> float:
        return self.hi - self.lo


@dataclass
class AttackResult:
    bounds: list[Bound] = field(default_factory=list)
    solves: int = 0
    seconds: float = 0.0

    @property
    def exposed(self) -> list[Bound]:
        return [b for b in self.bounds if b.exposed]

    @property
    def passed(self) -> bool:
        return not self.exposed


def determined(lo: float, hi: float) -> bool:
    """True when exactly one integer lies in ``[lo, hi]`` (the count is known)."""
    return np.isfinite(hi) and int(np.floor(hi + _EPS)) - int(np.ceil(lo - _EPS)) < 1


class _LP:
    """Constraint matrices of one universe (and its earlier releases), solved repeatedly."""

    def __init__(self, u: Universe, figures: Sequence[Figure], priors: Sequence[Sequence[Figure]],
                 max_change: float) -> None:
        n = u.size
        self.n = n
        self.k = len(priors)
        nvar = n * (1 + 3 * self.k)
        self.nvar = nvar
        eq_rows, eq_b, eq_cells, ub_rows, ub_b, ub_cells = [], [], [], [], [], []

        def put(vec: np.ndarray, fig: Figure, offset: int) -> None:
            row = np.zeros(nvar)
            row[offset:offset + n] = vec
            if abs(fig.hi - fig.lo) < _EPS:
                eq_rows.append(row); eq_b.append(fig.lo); eq_cells.append(fig.cell)
            else:
                if np.isfinite(fig.hi):
                    ub_rows.append(row); ub_b.append(fig.hi); ub_cells.append(fig.cell)
                if np.isfinite(fig.lo):
                    ub_rows.append(-row); ub_b.append(-fig.lo); ub_cells.append(fig.cell)

        for f in figures:
            put(f.vector(u), f, 0)
        for k, prior in enumerate(priors):
            xk, pk, qk = n * (1 + 3 * k), n * (2 + 3 * k), n * (3 + 3 * k)
            for f in prior:
                put(f.vector(u), f, xk)
            link = np.zeros((n, nvar))
            idx = np.arange(n)
            link[idx, idx] = 1.0
            link[idx, xk + idx] = -1.0
            link[idx, pk + idx] = -1.0
            link[idx, qk + idx] = 1.0
            eq_rows.extend(link); eq_b.extend([0.0] * n); eq_cells.extend([None] * n)
            change = np.zeros(nvar)
            change[pk:pk + n] = 1.0
            change[qk:qk + n] = 1.0
            if np.isfinite(max_change):
                ub_rows.append(change); ub_b.append(max_change); ub_cells.append(None)
        rows = [*eq_rows, *ub_rows]
        self.cells = [*eq_cells, *ub_cells]
        self.n_eq = len(eq_rows)
        self.solves = 0
        self._A = np.array(rows) if rows else np.zeros((0, nvar))
        self._lower = np.array([*eq_b, *([-np.inf] * len(ub_b))], dtype=float)
        self._upper = np.array([*eq_b, *ub_b], dtype=float)
        self._highs = _highs_model(nvar, self._A, self._lower, self._upper)
        self._idx = np.arange(nvar, dtype=np.int32)

    def bound(self, c: np.ndarray) -> tuple[float, float, frozenset]:
        lo, b1 = self._solve(c)
        neg_hi, b2 = self._solve(-c)
        return lo, -neg_hi, b1 | b2

    def _solve(self, c: np.ndarray) -> tuple[float, frozenset]:
        """min c·x; HiGHS re-solves from the previous basis, so a run of objectives over one model is cheap."""
        import highspy

        self.solves += 1
        h = self._highs
        h.changeColsCost(len(c), self._idx, np.asarray(c, dtype=float))
        h.run()
        status = h.getModelStatus()
        if status not in (highspy.HighsModelStatus.kOptimal, highspy.HighsModelStatus.kUnbounded,
                          highspy.HighsModelStatus.kUnboundedOrInfeasible):
            h.clearSolver()                     # a warm start can stall: solve this objective from scratch
            h.run()
            status = h.getModelStatus()
        if status in (highspy.HighsModelStatus.kUnbounded, highspy.HighsModelStatus.kUnboundedOrInfeasible):
            return -np.inf, frozenset()         # the attacker has no limit in this direction
        if status != highspy.HighsModelStatus.kOptimal:
            return self._solve_scipy(c)
        duals = h.getSolution().row_dual
        binding = frozenset(cell for cell, d in zip(self.cells, duals) if cell is not None and abs(d) > 1e-9)
        return float(h.getInfo().objective_function_value), binding


    def _solve_scipy(self, c: np.ndarray) -> tuple[float, frozenset]:
        """The same LP through scipy's own HiGHS build: the fallback when highspy reports a solve error."""
        from scipy.optimize import linprog

        eq = np.isclose(self._lower, self._upper)
        ub_rows = [self._A[~eq & np.isfinite(self._upper)], -self._A[~eq & np.isfinite(self._lower)]]
        ub_b = [self._upper[~eq & np.isfinite(self._upper)], -self._lower[~eq & np.isfinite(self._lower)]]
        ub_cells = ([c_ for c_, e, f in zip(self.cells, eq, np.isfinite(self._upper)) if not e and f]
                    + [c_ for c_, e, f in zip(self.cells, eq, np.isfinite(self._lower)) if not e and f])
        A_ub = np.vstack(ub_rows) if sum(len(r) for r in ub_rows) else None
        res = linprog(c, A_ub=A_ub, b_ub=np.concatenate(ub_b) if A_ub is not None else None,
                      A_eq=self._A[eq] if eq.any() else None, b_eq=self._lower[eq] if eq.any() else None,
                      bounds=(0, None), method="highs")
        if res.status == 3:
            return -np.inf, frozenset()
        if res.status != 0:      # infeasible cannot happen with true figures: be loud, not silent
            raise RuntimeError(f"attacker LP failed: {res.message}")
        eq_cells = [c_ for c_, e in zip(self.cells, eq) if e]
        binding = {cell for cell, m in zip(eq_cells, res.eqlin.marginals) if cell is not None and abs(m) > 1e-9}
        if A_ub is not None:
            binding |= {cell for cell, m in zip(ub_cells, res.ineqlin.marginals) if cell is not None and abs(m) > 1e-9}
        return float(res.fun), frozenset(binding)


def _highs_model(nvar: int, A: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> Any:
    """A HiGHS model ``lower <= A x <= upper, x >= 0`` kept open for repeated objectives."""
    import highspy
    from scipy.sparse import csc_matrix

    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = nvar, A.shape[0]
    lp.col_cost_ = np.zeros(nvar)
    lp.col_lower_ = np.zeros(nvar)
    lp.col_upper_ = np.full(nvar, highspy.kHighsInf)
    inf = highspy.kHighsInf
    lp.row_lower_ = np.where(np.isfinite(lower), lower, -inf)
    lp.row_upper_ = np.where(np.isfinite(upper), upper, inf)
    m = csc_matrix(A)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = m.indptr
    lp.a_matrix_.index_ = m.indices
    lp.a_matrix_.value_ = m.data
    h.passModel(lp)
    return h


def attack(universes: Mapping[str, Universe], figures: Iterable[Figure], hidden: Iterable[Hidden], *,
           min_width: float, n_min: int, ledger: Mapping[str, Sequence[Sequence[Figure]]] | None = None,
           ) -> AttackResult:
    """Bound every hidden count (and every difference against an earlier release) by LP.

    Parameters
    ----------
    universes : mapping of key to Universe
    figures : iterable of Figure
        Everything this bundle publishes.
    hidden : iterable of Hidden
        Every hidden count; ``sensitive`` ones must keep an interval at least ``min_width`` wide and
        no hidden count may be determined.
    min_width : float
        The policy's narrowest allowed interval for a sensitive cell.
    n_min : int
        Changes between releases smaller than this are differencing risks.
    ledger : mapping of universe key to a list of earlier releases' figure lists, optional

    Returns
    -------
    AttackResult
        One :class:`Bound` per hidden cell and per differenced figure, the number of LP solves and
        the time taken.

    Examples
    --------
    >>> import pandas as pd
    >>> from evalkit.disclose.space import Universe, sel
    >>> u = Universe("staff", pd.DataFrame({"role": ["admin"] + ["teacher"] * 24}), ["role"])
    >>> figs = [Figure.count("staff", {}, 25), Figure.count("staff", sel(role="teacher"), 24)]
    >>> res = attack({"staff": u}, figs, [Hidden("staff", sel(role="admin"), 1, "admin")], min_width=5, n_min=10)
    >>> res.bounds[0].lo, res.bounds[0].hi, res.passed
    (1.0, 1.0, False)
    """
    start = time.perf_counter()
    out = AttackResult()
    figures = list(figures)
    hidden = list(hidden)
    ledger = ledger or {}
    for key in sorted({h.universe for h in hidden} | {k for k in ledger if any(f.universe == k for f in figures)}):
        u = universes[key]
        figs = [f for f in figures if f.universe == key]
        hid = [h for h in hidden if h.universe == key]
        priors = [list(p) for p in ledger.get(key, ()) if _differs(p, figs)]
        lp0 = _LP(u, figs, [], 0)
        diff_checks: list[tuple[int, Figure]] = []
        kept = []
        for prior in priors:
            lp_change = _LP(u, figs, [prior], np.inf)
            change = np.zeros(lp_change.nvar)
            change[u.size * 2:u.size * 4] = 1.0
            least, _ = lp_change._solve(change)
            out.solves += lp_change.solves
            if least > n_min - 1 + _EPS:
                continue             # the populations differ by n_min or more people: no small group
            kept.append(prior)
            if least >= 1 - _EPS:    # someone certainly changed: difference the shared figures
                shared = {_sig(f) for f in prior}
                diff_checks += [(len(kept) - 1, f) for f in figs if len(f.terms) == 1 and f.terms[0][1]
                                and _sig(f) in shared]
        lp = _LP(u, figs, kept, n_min - 1) if kept else lp0
        for h in hid:
            c = np.zeros(lp.nvar)
            c[:u.size] = u.mask(h.sel)
            lo, hi, binding = lp.bound(c)
            exposed = determined(lo, hi) or (h.sensitive and hi - lo < min_width - _EPS)
            out.bounds.append(Bound(h.cell, lo, hi, float(h.value), exposed, "cell", binding))
        for k, f in diff_checks:
            c = np.zeros(lp.nvar)
            vec = f.vector(u)
            c[:u.size] = vec
            c[u.size * (1 + 3 * k):u.size * (2 + 3 * k)] = -vec
            lo, hi, binding = lp.bound(c)
            out.bounds.append(Bound(f.cell, lo, hi, np.nan, determined(lo, hi), "difference", binding))
        out.solves += lp.solves + (lp0.solves if lp0 is not lp else 0)
    out.seconds = time.perf_counter() - start
    return out


def _sig(f: Figure) -> tuple:
    return tuple((c, tuple(sorted((d, tuple(sorted(v))) for d, v in s.items()))) for c, s in f.terms)


def _differs(prior: Sequence[Figure], current: Sequence[Figure]) -> bool:
    """An earlier release that published exactly these figures adds nothing (a re-run)."""
    a = {(_sig(f), round(f.lo, 9), round(f.hi, 9)) for f in prior}
    b = {(_sig(f), round(f.lo, 9), round(f.hi, 9)) for f in current}
    return a != b
