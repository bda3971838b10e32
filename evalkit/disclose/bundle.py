"""One report's figures, protected together: primary suppression, merging, complementary suppression
until the attacker audit passes, then :class:`ProtectedTable` s and a disclosure log.

Usage::

    b = Bundle(policy, release_id="demo-cadre-2025-C1")
    b.universe("staff", staff_frame, ["school", "role"])
    b.counts("staff_by_role", "staff", rows="role", title="Staff respondents by role")
    b.counts("staff_by_school_role", "staff", rows="school", cols="role", title="...")
    b.shares("q1", "q1", group="role", response="answer", title="...")
    b.statistics("prepost", frame, group="Scale", n="Matched n", title="...")
    protected = b.protect(ledger=ledger)          # raises DisclosureError if the audit cannot pass

Rules, in order (research/privacy.md §1.7, §3-4):

1. *Merging* (opt-in per table, Panorama's approach): rows of a group smaller than ``n_min`` are pooled
   into one "Other ..." row, adding the next-smallest row until the pool reaches ``n_min``.
2. *Primary suppression*: every count of 1 to ``n_min - 1`` people; every share, mean, SD or effect size
   of a group below ``n_min`` (the whole row, ``row_gate``); every distribution in which all of a
   group gave one answer (``homogeneity``). Shares are top/bottom coded (">95%", "<5%").
3. *Complementary suppression*: the attacker audit (:func:`evalkit.disclose.attack.attack`) bounds every
   hidden count by LP across all tables of the bundle and the ledger's earlier releases; while a hidden
   count is determined or narrower than ``min_interval_width``, hide the cheapest published figure that
   binds it (smallest count, totals last). Statistics tables hide the next-smallest group while the
   hidden groups together hold fewer than ``n_min`` people (a mean of 24 beside a mean of 25 gives away
   the 25th person's score).
4. The final audit is a hard gate: :class:`~evalkit.errors.DisclosureError` if anything is still exposed.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from evalkit._io import atomic_write_text
from evalkit.disclose.attack import AttackResult, Figure, Hidden, attack
from evalkit.disclose.policy import DisclosurePolicy
from evalkit.disclose.protected import HIDDEN_STATUSES, SHOWN, ProtectedTable, _make, cell_frame
from evalkit.disclose.space import MISSING, Universe
from evalkit.errors import DisclosureError

__all__ = ["Bundle", "ProtectedBundle", "NOT_SHOWN", "SMALL_GROUP", "format_share", "share_bounds", "pool_small"]

#: Text of a hidden figure that is not a small count (a homogeneous distribution, a differenced figure).
NOT_SHOWN = "not shown"
#: Status of a share of a group under twice the share threshold: no percentage of it can be shown.
SMALL_GROUP = "small_group"
LOG_SCHEMA = "evalkit.disclosure_log/1"


def share_bounds(policy: DisclosurePolicy, n: float | None = None) -> tuple[float, float]:
    """(low, high): the percentages below ``low`` and above ``high`` that are coded, for a share of ``n`` people.

    A share of ``n`` people gives back a count (p x n / 100): below ``low`` it stands for fewer than
    ``policy.share_min_people`` people, above ``high`` it leaves fewer than that many on the other side. So the
    coding follows the threshold in people, not a fixed percentage (issue [3/9]: "5% at n = 20" was one person,
    shown, while "<5%" was masked elsewhere). ``bottom_code`` and ``top_code`` stay as the floor for large
    groups, where a few people are a tiny share. Without ``n`` only those fixed codes apply.

    Examples
    --------
    >>> pol = DisclosurePolicy()                 # n_min = 10: shares follow 10 people
    >>> [round(b, 1) for b in share_bounds(pol, 26)], share_bounds(pol, 1000), share_bounds(pol)
    ([38.5, 61.5], (5.0, 95.0), (5.0, 95.0))
    """
    low, high = policy.bottom_code, policy.top_code
    if n is not None and math.isfinite(n) and n > 0:
        people = 100.0 * policy.share_people / n
        low, high = max(low, people), min(high, 100.0 - people)
    return low, high


def format_share(p: float, policy: DisclosurePolicy, n: float | None = None) -> tuple[str, str, float]:
    """(text, status, value) of a percentage of ``n`` people under the coding of :func:`share_bounds`.

    A coded share reads as the bound it lies beyond ("<39%", ">61%"; the bound rounded outwards, so the text
    stays true) and its value is the exact bound. When ``n`` is under twice the threshold, every share has a
    side of too few people: it reads "not shown", status :data:`SMALL_GROUP`, value NaN (no bound at all).

    Examples
    --------
    >>> pol = DisclosurePolicy()
    >>> [format_share(p, pol)[0] for p in (100, 96, 50.4, 4, 0)]
    ['>95%', '>95%', '50%', '<5%', '<5%']
    >>> [format_share(p, pol, n=26)[0] for p in (4, 30, 50, 70)]   # 1, 8, 13 and 18 of 26 people
    ['<39%', '<39%', '50%', '>61%']
    >>> format_share(100, pol, n=12)[:2]                         # 12 of 12: the other side is 0 people
    ('not shown', 'small_group')
    """
    low, high = share_bounds(policy, n)
    if low > high:
        # fewer than twice the threshold: whatever its value, one side of the share is too few people, and
        # a bound such as ">16%" for 100% would read as a finding. Not shown, with one status whatever the
        # value (a "bottom" or "top" status in the published log would tell which side of 50% it lies)
        return NOT_SHOWN, SMALL_GROUP, math.nan
    if p > high or p >= 100:
        return f">{math.floor(high + 1e-9):g}%", "top_coded", high
    if p < low or p <= 0:
        return f"<{math.ceil(low - 1e-9):g}%", "bottom_coded", low
    r = float(np.floor(p + 0.5))
    return f"{r:.0f}%", SHOWN, r


@dataclass
class _Cell:
    table: str
    row: str
    column: str
    kind: str                          # count | share | statistic
    value: float
    n: float                           # people the figure describes
    universe: str | None = None
    sel: Mapping[str, frozenset] | None = None     # count cells
    den: Mapping[str, frozenset] | None = None     # share cells: numerator = sel, denominator = den
    fmt: str = "{:,.0f}"
    of: tuple[tuple[str, str, str], tuple[str, str, str]] | None = None   # a share's published parts
    exact: bool = False                # set by protect: numerator and denominator are both shown
    cost: float = 1.0
    status: str = SHOWN
    reason: str = ""
    text: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.table, self.row, self.column)

    @property
    def hidden(self) -> bool:
        return self.status in HIDDEN_STATUSES


@dataclass
class _Table:
    table_id: str
    title: str
    row_title: str
    rows: list[str]
    columns: list[str]
    cells: dict[tuple[str, str], _Cell]
    note: str | None
    level: int | None
    extra: dict[tuple[str, str], str] = field(default_factory=dict)   # non-figure text cells
    stat_total_row: str | None = None
    # column -> columns blanked in the same row when that column's figure is coded or hidden (an interval
    # around a coded share would give the share back; NPS beside coded promoter and detractor shares too)
    coded_with: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # row -> rows that pool it (a scale row over its items): their cells of a coded column go blank too
    coded_rows_with: dict[str, tuple[str, ...]] = field(default_factory=dict)


class Bundle:
    """Collects one release's tables; :meth:`protect` applies the rule to all of them together."""

    def __init__(self, policy: DisclosurePolicy, *, release_id: str, unit: str | None = None) -> None:
        self.policy = policy
        self.release_id = release_id
        self.unit = unit or release_id
        self.universes: dict[str, Universe] = {}
        self.tables: dict[str, _Table] = {}

    # -- building -----------------------------------------------------------------------------------
    def universe(self, key: str, data: pd.DataFrame, dims: Sequence[str],
                 categories: Mapping[str, Iterable[str]] | None = None) -> Universe:
        """Register a population (see :class:`~evalkit.disclose.space.Universe`)."""
        u = Universe(key, data, tuple(dims), categories or {})
        self.universes[key] = u
        return u

    def _new(self, table_id: str) -> None:
        if table_id in self.tables:
            raise ValueError(f"table {table_id!r} is already in this bundle")

    def counts(self, table_id: str, universe: str, *, rows: str, cols: str | None = None, title: str,
               row_title: str | None = None, labels: Mapping[str, str] | None = None,
               col_labels: Mapping[str, str] | None = None, margins: bool = True,
               merge_small: str | None = None, responses: bool = False, note: str | None = None,
               level: int | None = None, count_title: str = "n") -> None:
        """A frequency table: people per ``rows`` category (x ``cols``), with totals.

        ``responses=True`` marks ``cols`` as answers, so a row with everyone in one column is hidden
        (homogeneity). ``merge_small`` names the pooled row ("Other roles") for groups under n_min.
        """
        self._new(table_id)
        u = self.universes[universe]
        labels = dict(labels or {})
        groups = self._groups(u, rows, merge_small, labels)
        col_groups = [(col_labels or {}).get(c, c) for c in u.cats[cols]] if cols else []
        col_sel = {lab: frozenset([c]) for c, lab in zip(u.cats[cols], col_groups)} if cols else {}
        cells: dict[tuple[str, str], _Cell] = {}
        columns = [*col_groups, "Total"] if cols else [count_title]
        total_label = "Total"

        def add(row: str, col: str, s: dict, cost: float) -> None:
            cells[(row, col)] = _Cell(table_id, row, col, "count", u.count(s), u.count(s), universe, s, cost=cost)

        for label, cats in groups:
            base = {rows: cats}
            if cols:
                for c in col_groups:
                    add(label, c, {**base, cols: col_sel[c]}, 1.0)
                add(label, "Total", base, 3.0)
            else:
                add(label, count_title, base, 1.0)
        row_labels = [g[0] for g in groups]
        if margins:
            if cols:
                for c in col_groups:
                    add(total_label, c, {cols: col_sel[c]}, 3.0)
                add(total_label, "Total", {}, 10.0)
            else:
                add(total_label, count_title, {}, 10.0)
            row_labels.append(total_label)
        if responses and cols:
            for label, _ in groups:
                row_cells = [cells[(label, c)] for c in col_groups]
                tot = cells[(label, "Total")].value
                if tot > 0 and any(c.value == tot for c in row_cells):
                    for c in row_cells:
                        c.status, c.reason = "homogeneity", "every member of the group gave the same answer"
        self.tables[table_id] = _Table(table_id, title, row_title or rows.replace("_", " ").capitalize(),
                                       row_labels, columns, cells, note, level)

    def shares(self, table_id: str, universe: str, *, response: str, group: str | None = None,
               categories: Sequence[str] | None = None, title: str, row_title: str | None = None,
               labels: Mapping[str, str] | None = None, merge_small: str | None = None, total: bool = True,
               note: str | None = None, level: int | None = None) -> None:
        """A distribution table: per group, n and the % in each answer category (missing answers out)."""
        self._new(table_id)
        u = self.universes[universe]
        cats = [c for c in (categories or u.cats[response]) if c != MISSING]
        answered = frozenset(cats)
        groups = self._groups(u, group, merge_small, dict(labels or {}), extra={response: answered}) if group else []
        if total or not group:
            groups.append(("All", None))
        cells: dict[tuple[str, str], _Cell] = {}
        for label, gcats in groups:
            den = {response: answered, **({group: gcats} if gcats is not None else {})}
            n = u.count(den)
            cells[(label, "n")] = _Cell(table_id, label, "n", "count", n, n, universe, den, cost=3.0 if gcats else 10.0)
            for c in cats:
                num = {**den, response: frozenset([c])}
                k = u.count(num)
                p = 100.0 * k / n if n else math.nan
                cells[(label, c)] = _Cell(table_id, label, c, "share", p, n, universe, num, den=den)
            if n and any(u.count({**den, response: frozenset([c])}) == n for c in cats):
                for c in cats:
                    cells[(label, c)].status = "homogeneity"
                    cells[(label, c)].reason = "every member of the group gave the same answer"
        self.tables[table_id] = _Table(table_id, title, row_title or (group or "").replace("_", " ").capitalize(),
                                       [g[0] for g in groups], ["n", *cats], cells, note, level)

    def statistics(self, table_id: str, frame: pd.DataFrame, *, group: str, n: str | Sequence[str],
                   columns: Mapping[str, str], title: str, total_row: str | None = None,
                   shares: Sequence[str] = (), text_columns: Sequence[str] = (), note: str | None = None,
                   level: int | None = None, coded_with: Mapping[str, Sequence[str]] | None = None,
                   coded_rows_with: Mapping[str, Sequence[str]] | None = None,
                   share_of: Mapping[str | tuple[str, str], tuple[str | tuple[str, ...], str | tuple[str, ...]]]
                   | None = None, n_of: Mapping[str, str] | None = None,
                   curve_steps: Iterable[tuple[str, str]] = ()) -> None:
        """A table of statistics (means, SDs, effect sizes, CIs) per group, each row gated by its n.

        ``columns`` maps a frame column to its number format (``"{:.2f}"``, or ``"p"`` for a p value:
        "<0.001" below .001); ``n`` names the column(s)
        holding the people each row describes (for pre/post: the matched n). ``shares`` are percentage
        columns (0-100), top- and bottom-coded. ``text_columns`` are shown as they are (a label) and
        blanked with the row. ``coded_with`` maps a column to the columns of the same row that are
        blanked when its figure is top- or bottom-coded or hidden: the interval of a coded share, or an
        NPS and its interval beside coded promoter and detractor shares, would give the coded value back.
        Rows that pool others (``total_row``, and ``coded_rows_with``: a scale row over its items) lose
        the same column and its dependents when a pooled row's figure there is coded: the pool minus the
        shown rows would give it back.

        ``share_of`` names, per share column, the figures it is a ratio of: ``{"Response rate": ("n",
        "Invited")}`` (two columns of the same row) or ``("Respondents", ("Active participants",
        "Respondents"))`` (a denominator in another row; a ``(table, row, column)`` triple for another
        table); a ``(row, column)`` key names one cell instead of a whole column. When both parts are published the share is shown exactly, not coded: anyone can divide them,
        so a bound such as ">61%" beside "29 of 32" would hide nothing and contradict the text that quotes
        81%. When either part is hidden the share is coded as usual.

        ``curve_steps`` names the (row, column) cells of a cumulative curve past its last publishable step
        (:func:`evalkit.disclose.curves.publishable_steps`): they read "not shown" and are logged.

        ``n_of`` names, per column, the n column of the people that column describes (``{"Pre % favorable":
        "Pre n"}``): its gate and its coding then follow that wave's n, not the row's smallest n (a pre share
        of 26 people was coded as if it described the 23 of the post wave).
        """
        self._new(table_id)
        n_cols = [n] if isinstance(n, str) else list(n)
        cells: dict[tuple[str, str], _Cell] = {}
        extra: dict[tuple[str, str], str] = {}
        rows = []
        for _, r in frame.iterrows():
            label = str(r[group])
            rows.append(label)
            # an unknown n (NaN) is no one: min() would keep or drop a NaN by the columns' order
            people = min(float(r[c]) if pd.notna(r[c]) else 0.0 for c in n_cols)
            for c in n_cols:
                cells[(label, c)] = _Cell(table_id, label, c, "count", float(r[c]), float(r[c]))
            for c, fmt in columns.items():
                v = r[c]
                cells[(label, c)] = _Cell(table_id, label, c, "statistic",
                                          float(v) if v is not None and not pd.isna(v) else math.nan, people, fmt=fmt)
            for c in shares:
                v = r[c]
                own = float(r[n_of[c]]) if n_of and c in n_of else people
                cells[(label, c)] = _Cell(table_id, label, c, "share",
                                          float(v) if v is not None and not pd.isna(v) else math.nan, own)
            for c in text_columns:
                extra[(label, c)] = "" if pd.isna(r[c]) else str(r[c])
        for row, col in curve_steps:     # a cumulative curve stopped here (evalkit.disclose.curves)
            cells[(row, col)].status = "curve_step"
            cells[(row, col)].reason = (f"a step of the curve would give back fewer than {self.policy.n_min} people")
        for key, (num, den) in (share_of or {}).items():
            for label in ([key[0]] if isinstance(key, tuple) else rows):
                col = key[1] if isinstance(key, tuple) else key
                cells[(label, col)].of = (_ref(table_id, label, num), _ref(table_id, label, den))
        order = [c for c in frame.columns if c in {*n_cols, *columns, *shares, *text_columns} and c != group]
        self.tables[table_id] = _Table(table_id, title, group, rows, order, cells,
                                       note, level, extra, total_row,
                                       {k: tuple(v) for k, v in (coded_with or {}).items()},
                                       {k: tuple(v) for k, v in (coded_rows_with or {}).items()})

    def _groups(self, u: Universe, dim: str, merge_small: str | None, labels: dict[str, str],
                extra: Mapping[str, frozenset] | None = None) -> list[tuple[str, frozenset]]:
        sizes = [(c, u.count({dim: frozenset([c]), **(extra or {})})) for c in u.cats[dim]]
        sizes = [(c, s) for c, s in sizes if not (c == MISSING and s == 0)]
        groups = [(labels.get(c, c), frozenset([c]), s) for c, s in sizes]
        if merge_small:
            small = [g for g in groups if 0 < g[2] < self.policy.n_min]
            if small:
                pool = sorted(small, key=lambda g: g[2])
                rest = sorted([g for g in groups if g not in small and g[2] > 0], key=lambda g: g[2])
                while sum(g[2] for g in pool) < self.policy.n_min and rest:
                    pool.append(rest.pop(0))
                if len(pool) > 1:
                    keep = [g for g in groups if g not in pool]
                    groups = [*keep, (merge_small, frozenset().union(*(g[1] for g in pool)), sum(g[2] for g in pool))]
        return [(label, cats) for label, cats, _ in groups]

    # -- protecting ---------------------------------------------------------------------------------
    def protect(self, *, ledger: Any | None = None, allow_rerelease: str | None = None) -> ProtectedBundle:
        """Apply the rule to every table together; raise :class:`DisclosureError` if it cannot pass."""
        pol = self.policy
        cells = [c for t in self.tables.values() for c in t.cells.values()]
        for c in cells:                                   # primary rules
            if c.hidden:
                continue
            if c.kind == "count" and 0 < c.value < pol.n_min:
                c.status, c.reason = "primary", f"{pol.suppressed_text} people"
            elif c.kind in ("share", "statistic") and not c.n >= pol.n_min:
                c.status, c.reason = "row_gate", f"describes {pol.suppressed_text} people"
        for t in self.tables.values():                   # a row's figures go with its group's n
            for (row, col), c in t.cells.items():
                nc = t.cells.get((row, "n"))
                if c.kind == "share" and nc is not None and nc.status == "primary" and not c.hidden:
                    c.status, c.reason = "row_gate", f"the group has {pol.suppressed_text} people"
        self._statistics_complements()
        priors = ledger.priors(self.universes, exclude_release=None) if ledger is not None else {}
        for key, releases in priors.items():        # an earlier release may name categories not seen now
            extra: dict[str, set[str]] = {}
            for figs in releases:
                for f in figs:
                    for _, s in f.terms:
                        for d, vals in s.items():
                            extra.setdefault(d, set()).update(vals)
            self.universes[key] = self.universes[key].with_categories({d: sorted(v) for d, v in extra.items()})
        result = self._complement_loop(priors)
        if ledger is not None:   # compare what would be published now with what was published then
            ledger.check_rerelease(self.unit, self.release_id, self._figures(), allow=allow_rerelease)
        if not result.passed:
            worst = result.exposed[0]
            raise DisclosureError(
                f"the disclosure audit of {self.release_id} cannot pass: {len(result.exposed)} hidden figure(s) "
                f"stay recoverable (for example table {worst.cell[0]!r}, row {worst.cell[1]!r})",
                hint="merge small groups (merge_small=...) or publish fewer breakdowns for this unit")
        bundle = self._finish(result)
        if ledger is not None:   # every published cell, statistics too (means, %, NPS have no universe)
            ledger.check_published(self.unit, bundle.published(), allow=allow_rerelease)
        return bundle

    def _statistics_complements(self) -> None:
        pol = self.policy
        for t in self.tables.values():
            if t.stat_total_row is None:
                continue
            n_col = next(c for c in t.columns if t.cells.get((t.rows[0], c)) is not None
                         and t.cells[(t.rows[0], c)].kind == "count")
            groups = [r for r in t.rows if r != t.stat_total_row]
            def hidden_n() -> float:
                return sum(t.cells[(r, n_col)].value for r in groups if _row_hidden(t, r))
            while 0 < hidden_n() < pol.n_min:
                shown = sorted((r for r in groups if not _row_hidden(t, r)), key=lambda r: t.cells[(r, n_col)].value)
                victim = shown[0] if shown else t.stat_total_row
                if not shown and _row_hidden(t, victim):
                    break
                for (row, col), c in t.cells.items():
                    if row == victim and not c.hidden:
                        c.status = "complementary"
                        c.reason = "hidden so that the hidden groups cannot be worked out from the total"

    def _figures(self, universe: str | None = None) -> list[Figure]:
        figs = []
        n_min = self.policy.n_min
        for t in self.tables.values():
            for c in t.cells.values():
                if c.universe is None or (universe is not None and c.universe != universe):
                    continue
                if c.hidden:
                    # What a hidden count's label and the disclosure log tell a reader: "fewer than n_min"
                    # is 1..n_min-1; a complement is never below n_min (smaller counts are primary and zeros
                    # are never complements). The attacker uses both.
                    if c.kind == "count" and c.status == "primary":
                        figs.append(Figure(c.universe, ((1.0, c.sel),), 1.0, n_min - 1.0))
                    elif c.kind == "count" and c.status in ("complementary", "difference") and c.value >= n_min:
                        figs.append(Figure(c.universe, ((1.0, c.sel),), float(n_min), math.inf))
                    continue
                if c.kind == "count":
                    figs.append(Figure.count(c.universe, c.sel, c.value, cell=c.key, cost=c.cost * max(c.value, 1)))
                elif c.kind == "share":
                    text, status, v = format_share(c.value, self.policy, c.n)
                    if status == SMALL_GROUP:
                        continue  # nothing published about it: no constraint for the attacker either
                    if status == "top_coded":
                        lo, hi = v / 100, 1.0
                    elif status == "bottom_coded":
                        lo, hi = 0.0, v / 100
                    else:
                        lo, hi = max(v - 0.5, 0) / 100, min(v + 0.5, 100) / 100
                    figs.append(Figure(c.universe, ((1.0, c.sel), (-lo, c.den)), 0.0, math.inf, c.key))
                    figs.append(Figure(c.universe, ((1.0, c.sel), (-hi, c.den)), -math.inf, 0.0, c.key))
        return figs

    def _hidden(self, universe: str | None = None) -> list[Hidden]:
        out = [Hidden(c.universe, c.sel, int(c.value), c.key, c.status in ("primary", "homogeneity") and c.value > 0)
               for t in self.tables.values() for c in t.cells.values()
               if c.hidden and c.kind == "count" and c.universe is not None and (c.value > 0 or c.status == "primary")
               and (universe is None or c.universe == universe)]
        # A bottom-coded share ("<7%") hides how many people gave that answer; the other shares of its row
        # must not pin that number down (three shown shares adding to 101% leave 0 for the coded ones)
        for t in self.tables.values():
            for c in t.cells.values():
                if (c.kind == "share" and not c.hidden and c.universe is not None and c.den is not None
                        and (universe is None or c.universe == universe)
                        and format_share(c.value, self.policy, c.n)[1] == "bottom_coded"):
                    k = self.universes[c.universe].count(c.sel)
                    out.append(Hidden(c.universe, c.sel, int(k), c.key, True))
        return out

    def _complement_loop(self, priors: Mapping[str, Any]) -> AttackResult:
        """Hide binding figures until every universe passes the audit; universes are independent LPs."""
        by_key = {c.key: c for t in self.tables.values() for c in t.cells.values()}
        total = AttackResult()
        keys = sorted({c.universe for c in by_key.values() if c.universe is not None})
        for key in keys:
            only = {key: self.universes[key]}
            led = {key: priors[key]} if key in priors else {}
            # Hiding a figure removes a constraint, so intervals only widen: a hidden cell that passed
            # keeps passing. Each round re-checks only the cells that failed and the new complements;
            # the final round below re-checks everything (the hard gate).
            pending: set | None = None
            for _ in range(1000):
                hid = [h for h in self._hidden(key) if pending is None or h.cell in pending]
                res = attack(only, self._figures(key), hid,
                             min_width=self.policy.min_interval_width, n_min=self.policy.n_min, ledger=led)
                total.solves += res.solves
                total.seconds += res.seconds
                if res.passed:
                    break
                victims: dict[tuple, _Cell] = {}
                for b in res.exposed:      # one victim per exposed cell per round: fewer rounds, same rule
                    # a zero is never a complement: "not shown" must mean at least n_min (see _figures)
                    options = [by_key[k] for k in b.binding if k in by_key and not by_key[k].hidden
                               and not (by_key[k].kind == "count" and by_key[k].value < self.policy.n_min)]
                    coded = by_key.get(b.cell)
                    if coded is not None and coded.kind == "share":
                        # a coded share is pinned by the other shares of its row: hiding a count would not
                        # loosen a ratio, so the smallest shown share of the same row goes
                        row = [by_key[k] for k in b.binding if k in by_key and by_key[k].kind == "share"
                               and not by_key[k].hidden and by_key[k].table == coded.table
                               and by_key[k].row == coded.row and by_key[k].key != coded.key]
                        if row:
                            v = min(row, key=lambda c: (c.value, c.key))
                            victims.setdefault(v.key, v)
                            continue
                    if not options:        # a degenerate dual: widen by any published count of the universe
                        options = [c for c in by_key.values() if c.universe == key and not c.hidden
                                   and c.kind == "count" and c.value >= self.policy.n_min]
                    if options:
                        # prefer the exposed cell's own table, then the cheapest figure (small counts, totals
                        # last): the duals of a degenerate LP name many figures, most of them far away
                        here = b.cell[0] if isinstance(b.cell, tuple) else None
                        v = min(options, key=lambda c: (c.table != here, c.cost * max(c.value, 1)
                                                        if c.kind == "count" else 1e9, c.key))
                        victims.setdefault(v.key, v)
                        if b.kind == "difference":
                            v.status = "difference"
                            v.reason = "hidden so that a change since an earlier release does not single anyone out"
                if not victims:
                    break
                for v in victims.values():
                    if v.status != "difference":
                        v.status = "complementary"
                        v.reason = "hidden so that a hidden figure cannot be worked out from the others"
                pending = {b.cell for b in res.exposed} | set(victims)
            res = attack(only, self._figures(key), self._hidden(key), min_width=self.policy.min_interval_width,
                         n_min=self.policy.n_min, ledger=led)
            total.solves += res.solves
            total.seconds += res.seconds
            total.bounds += res.bounds
        return total

    def _mark_exact(self) -> None:
        """Shares whose numerator and denominator are both published are shown exactly (``share_of``)."""
        by_key = {c.key: c for t in self.tables.values() for c in t.cells.values()}
        for c in by_key.values():
            # a share gated only for its row's size (9 of 158 comments, both printed) is as public as its parts
            if c.of is None or (c.hidden and c.status != "row_gate"):
                continue
            parts = [by_key.get(k) for k in c.of]
            # 0% and 100% stay coded: "all or none of a group" is the homogeneity the rule never prints
            c.exact = 0 < c.value < 100 and all(p is not None and not p.hidden and math.isfinite(p.value)
                                                 and p.kind != "share" for p in parts)
            if c.exact and c.hidden:
                c.status, c.reason = SHOWN, ""

    def _finish(self, result: AttackResult) -> ProtectedBundle:
        pol = self.policy
        self._mark_exact()
        tables: dict[str, ProtectedTable] = {}
        log: list[dict[str, str]] = []
        for t in self.tables.values():
            rows_out, tidy = [], []
            blank = _coded_blanks(t, pol)
            for row in t.rows:
                line = {t.row_title: row}
                blanked = {col for (r, col) in blank if r == row}
                for col in t.columns:
                    c = t.cells.get((row, col))
                    if c is None:
                        line[col] = t.extra.get((row, col), "")
                        if t.extra and _row_hidden(t, row):
                            line[col] = ""
                        continue
                    c.text, value, status = _render(c, pol)
                    if col in blanked:
                        # marked, not left empty: a reader must see a figure was withheld, not missing
                        c.text, value, status = NOT_SHOWN, math.nan, "coded_with"
                        c.reason = "blank: it would give back a coded or hidden figure of its row"
                    line[col] = c.text
                    tidy.append({"row": row, "column": col, "kind": c.kind, "value": value, "text": c.text,
                                 "status": status, "n": _n_shown(t, c)})
                    if status != SHOWN:
                        log.append({"table": t.table_id, "row": row, "column": col, "rule": status,
                                    "reason": c.reason or ("share top-coded" if status == "top_coded" else
                                                           "share bottom-coded" if status == "bottom_coded" else
                                                           "group too small for any share" if status == SMALL_GROUP
                                                           else "")})
                rows_out.append(line)
            display = pd.DataFrame(rows_out, columns=[t.row_title, *t.columns])
            tables[t.table_id] = _make(t.table_id, t.title, display, cell_frame(tidy), note=t.note, level=t.level)
        return ProtectedBundle(self.release_id, self.unit, pol, tables, log, result, self._figures())


def _ref(table: str, row: str, ref: str | tuple[str, ...]) -> tuple[str, str, str]:
    """A ``share_of`` part as a cell key: a column of the same row, (row, column), or (table, row, column)."""
    if isinstance(ref, str):
        return (table, row, ref)
    return (table, *ref) if len(ref) == 2 else tuple(ref)  # type: ignore[return-value]


def _coded_blanks(t: _Table, pol: DisclosurePolicy) -> set[tuple[str, str]]:
    """Cells blanked because they would give back a coded or hidden figure (see ``coded_with``)."""
    out: set[tuple[str, str]] = set()
    for key, deps in t.coded_with.items():
        for row in t.rows:
            c = t.cells.get((row, key))
            if c is None or not (c.hidden or _render(c, pol)[2] in ("top_coded", "bottom_coded", SMALL_GROUP)):
                continue
            out |= {(row, d) for d in deps}
            pools = list(t.coded_rows_with.get(row, ()))
            if t.stat_total_row is not None and row != t.stat_total_row:
                pools.append(t.stat_total_row)
            for p in pools:
                out |= {(p, key)} | {(p, d) for d in deps}
    out |= _pooled_coded(t, pol)
    return out


def _pooled_coded(t: _Table, pol: DisclosurePolicy) -> set[tuple[str, str]]:
    """A total row's share that would give back the pool of its coded rows.

    The total's share times its n, minus each shown row's share times its n, is the coded rows' pooled count;
    when that pool has fewer than n_min on either side (what coding each row hid), the total's share is blanked
    with its dependents. Items answered by fewer than the row's n make this an approximation, which is also the
    attacker's.
    """
    out: set[tuple[str, str]] = set()
    total = t.stat_total_row
    if total is None:
        return out
    for col in t.columns:
        tc = t.cells.get((total, col))
        if tc is None or tc.kind != "share" or tc.hidden or not math.isfinite(tc.value) or \
                _render(tc, pol)[2] != SHOWN:
            continue
        parts = [c for r in t.rows if r != total and (c := t.cells.get((r, col))) is not None]
        coded = [c for c in parts if c.hidden or _render(c, pol)[2] in ("top_coded", "bottom_coded", SMALL_GROUP)]
        if not coded:
            continue
        shown = [c for c in parts if c not in coded and math.isfinite(c.value)]
        pool = tc.n - sum(c.n for c in shown)
        yes = tc.value / 100.0 * tc.n - sum(c.value / 100.0 * c.n for c in shown)
        if pool >= 0.5 and min(round(yes), round(pool - yes)) < pol.n_min:
            out |= {(total, col)} | {(total, d) for d in t.coded_with.get(col, ())}
    return out


def pool_small(data: pd.DataFrame, column: str, *, n_min: int, label: str, within: str | None = None) -> pd.Series:
    """Relabel groups smaller than ``n_min`` (in any ``within`` category, e.g. any wave) as ``label``.

    The pool takes the smallest groups first and grows by the next-smallest until it reaches
    ``n_min`` in every ``within`` category (Panorama's "Confidentiality protected" row), so no group
    below the threshold is ever shown on its own.

    Examples
    --------
    >>> d = pd.DataFrame({"school": ["A"] * 12 + ["B"] * 4 + ["C"] * 7})
    >>> pool_small(d, "school", n_min=10, label="Other").value_counts().to_dict()
    {'A': 12, 'Other': 11}
    """
    col = data[column].astype("string").fillna(MISSING)
    def sizes(keys: Iterable[str]) -> float:
        part = data[col.isin(list(keys))]
        if within is None:
            return float(len(part))
        per = part.groupby(within, observed=True).size()
        return float(per.reindex(data[within].dropna().unique(), fill_value=0).min()) if len(per) else 0.0
    groups = sorted(col.unique(), key=lambda g: sizes([g]))
    pool = [g for g in groups if sizes([g]) < n_min]
    rest = [g for g in groups if g not in pool]
    while pool and sizes(pool) < n_min and rest:
        pool.append(rest.pop(0))
    return col.where(~col.isin(pool), label) if pool else col


def _row_hidden(t: _Table, row: str) -> bool:
    return any(c.hidden for (r, _), c in t.cells.items() if r == row and c.kind == "statistic") or all(
        c.hidden for (r, _), c in t.cells.items() if r == row)


def _n_shown(t: _Table, c: _Cell) -> float:
    nc = t.cells.get((c.row, "n"))
    if c.kind == "count":
        return math.nan if c.hidden else c.value
    if nc is not None:
        return math.nan if nc.hidden else nc.value
    return math.nan if c.hidden else c.n


def _render(c: _Cell, pol: DisclosurePolicy) -> tuple[str, float, str]:
    if c.hidden:
        text = pol.suppressed_text if c.status in ("primary", "row_gate") or (c.kind == "count" and c.value < pol.n_min) else NOT_SHOWN
        if c.status == "complementary" and c.kind == "count":
            text = NOT_SHOWN
        return text, math.nan, c.status
    if c.kind == "share":
        if math.isnan(c.value):
            return "", math.nan, SHOWN
        if c.exact:     # both parts are published: the coding would hide nothing (see ``share_of``)
            r = float(np.floor(c.value + 0.5))
            return f"{r:.0f}%", r, SHOWN
        text, status, value = format_share(c.value, pol, c.n)
        return text, value, status   # NaN for SMALL_GROUP: readers (charts, sentences) see no value at all
    if math.isnan(c.value):
        return "", math.nan, SHOWN
    if c.fmt == "p":            # APA style: p below .001 reads "<0.001", never "0.000"
        return ("<0.001" if c.value < 0.001 else f"{c.value:.3f}"), c.value, SHOWN
    return c.fmt.format(c.value), c.value, SHOWN


@dataclass
class ProtectedBundle:
    """The protected tables of one release, their disclosure log and the audit that passed."""

    release_id: str
    unit: str
    policy: DisclosurePolicy
    tables: dict[str, ProtectedTable]
    log: list[dict[str, str]]
    audit: AttackResult
    figures: list[Figure]

    def published(self) -> dict[str, str]:
        """Per table, a SHA-256 of every cell it shows (row, column, text): what a reader of this release
        sees. Two releases of a unit whose digests differ publish different figures."""
        import hashlib

        out = {}
        for tid, t in sorted(self.tables.items()):
            shown = t.cells[~t.cells["status"].isin(HIDDEN_STATUSES)]
            lines = sorted(f"{r}\t{c}\t{x}" for r, c, x in zip(shown["row"], shown["column"], shown["text"]))
            out[tid] = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
        return out

    @property
    def n_cells(self) -> int:
        return sum(t.n_cells for t in self.tables.values())

    @property
    def n_hidden(self) -> int:
        return sum(t.n_hidden for t in self.tables.values())

    @property
    def n_coded(self) -> int:
        return sum(t.n_coded for t in self.tables.values())

    def log_dict(self) -> dict[str, Any]:
        widths = [b.width for b in self.audit.bounds if b.kind == "cell"]
        return {
            "schema": LOG_SCHEMA, "release_id": self.release_id, "policy": self.policy.to_dict(),
            "cells": self.n_cells, "hidden": self.n_hidden, "coded": self.n_coded,
            "share_hidden": round(self.n_hidden / self.n_cells, 4) if self.n_cells else 0.0,
            "entries": self.log,
            "audit": {"passed": self.audit.passed, "lp_solves": self.audit.solves,
                      "seconds": round(self.audit.seconds, 3),
                      "hidden_counts_checked": len(widths),
                      "narrowest_interval": (None if not widths else
                                             (None if not np.isfinite(min(widths)) else round(min(widths), 3)))},
        }

    def write_log(self, folder: Path) -> Path:
        path = Path(folder) / "disclosure_log.json"
        atomic_write_text(path, json.dumps(self.log_dict(), indent=1))
        return path
