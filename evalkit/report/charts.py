"""Charts of protected tables: bars, Likert stacks, pre → post dumbbells and lines over events.

Every chart takes only a :class:`~evalkit.disclose.protected.ProtectedTable` and draws only what it
publishes (issue 6, section 5). A hidden cell is never drawn at any height nor labelled, and its
``value`` and ``n`` are never read: its row stays on the axis as a *labelled gap* in the table's own
words ("fewer than 10 responses"). A 100 %-stacked bar with any hidden segment is a gap as a whole;
top-/bottom-coded shares are drawn at their bound and read ">95%"/"<5%". Row labels carry n, or
"(n not shown)"; axis limits, ticks and legends come from published figures only; value labels are
the table's display text, and the alt text names the chart, its rows, the hidden rows and why.

Colours are colour-blind safe (ColorBrewer RdBu, Okabe & Ito), text is 8 pt or more on a 6.5 in
figure (a page's text width) in the packaged Lato. Figures are built without pyplot on the Agg canvas,
and :func:`save_chart` writes byte-for-byte reproducible PNG and SVG.

References
----------
Brewer, C. A. (2002). ColorBrewer. https://colorbrewer2.org (RdBu, "colorblind safe").
Okabe, M., & Ito, K. (2008). Color universal design. https://jfly.uni-koeln.de/color/
Robbins, N. B., & Heiberger, R. M. (2011). Plotting Likert and other rating scales. JSM Proceedings.
"""

from __future__ import annotations


import functools
import io
import math
import re
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import matplotlib
import matplotlib.colors
import matplotlib.font_manager
import matplotlib.patches
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from evalkit._io import atomic_write_bytes
from evalkit.disclose.bundle import NOT_SHOWN
from evalkit.disclose.protected import HIDDEN_STATUSES, ProtectedTable, require_protected

__all__ = ["Chart", "bar_chart", "stacked_share_chart", "dumbbell_chart", "line_chart", "save_chart"]

_FONT_DIR = Path(__file__).resolve().parent / "fonts"
_WIDTH, _DPI, _SALT = 6.5, 150, "evalkit-charts"
_BLUE, _ORANGE, _GREY, _GAP = "#0072B2", "#E69F00", "#7F7F7F", "#4D4D4D"  # Okabe & Ito; gap text 8.6:1
_NEUTRAL = "#D9D9D9"
_GREEN = "#009E73"   # Okabe & Ito bluish green: a third wave (the retrospective "looking back" rating)
#: One colour per wave across every report: before orange, after (or now) blue, looking back green.
_WAVE_COLOURS = {"Before": _ORANGE, "After": _BLUE, "Now": _BLUE, "Looking back": _GREEN}
_RDBU = {  # ColorBrewer RdBu, k classes, negative (red) to positive (blue)
    2: ["#ef8a62", "#67a9cf"], 3: ["#ef8a62", "#f7f7f7", "#67a9cf"],
    4: ["#ca0020", "#f4a582", "#92c5de", "#0571b0"],
    5: ["#ca0020", "#f4a582", "#f7f7f7", "#92c5de", "#0571b0"],
    6: ["#b2182b", "#ef8a62", "#fddbc7", "#d1e5f0", "#67a9cf", "#2166ac"],
    7: ["#b2182b", "#ef8a62", "#fddbc7", "#f7f7f7", "#d1e5f0", "#67a9cf", "#2166ac"],
}
_RC: dict[str, Any] = {
    "font.family": ["Lato", "DejaVu Sans"], "font.size": 8.5, "axes.titlesize": 10, "axes.labelsize": 9,
    "xtick.labelsize": 8.5, "ytick.labelsize": 9, "legend.fontsize": 8.5, "axes.spines.top": False,
    "axes.spines.right": False, "svg.hashsalt": _SALT, "svg.fonttype": "path", "path.simplify": True,
}
_STATUSES = HIDDEN_STATUSES | {"shown", "top_coded", "bottom_coded", "small_group"}
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_fonts_loaded = False


@dataclass(frozen=True, eq=False)
class Chart:
    """A chart of one protected table, ready for :func:`save_chart`.

    ``kind`` is ``"bar"``, ``"stacked"``, ``"dumbbell"`` or ``"line"``; ``alt_text`` is one or two plain
    sentences that never hold a hidden figure; ``rows_hidden`` are the rows drawn as labelled gaps.
    """

    figure: Figure
    alt_text: str
    table_id: str
    kind: str
    title: str
    rows_shown: tuple[str, ...]
    rows_hidden: tuple[str, ...]


@dataclass(frozen=True)
class _Cell:
    value: float  # NaN when hidden, as is n: a hidden cell is read for its text only
    text: str
    kind: str
    n: float
    status: str
    hidden: bool


@dataclass(frozen=True)
class _Row:
    name: str
    label: str  # "Teachers (n = 24)" or "Teachers (n not shown)"
    cells: tuple[_Cell, ...] | None  # None: a labelled gap
    gap_text: str = ""

    @property
    def gap(self) -> bool:
        return self.cells is None


# -- reading the table ---------------------------------------------------------------------------

def _lookup(table: ProtectedTable) -> dict[tuple[str, str], _Cell]:
    out: dict[tuple[str, str], _Cell] = {}
    for r in table.cells.itertuples(index=False):
        key, value, status = (str(r.row), str(r.column)), float(r.value), str(r.status)
        if key in out:
            raise ValueError(f"table {table.table_id!r} has two cells for row {key[0]!r}, column {key[1]!r}")
        if status not in _STATUSES:
            raise ValueError(f"table {table.table_id!r}: cell status must be one of {sorted(_STATUSES)}, "
                             f"got {status!r}")
        if status in HIDDEN_STATUSES or math.isnan(value):  # hidden whatever ``value`` and ``n`` hold
            out[key] = _Cell(math.nan, str(r.text), str(r.kind), math.nan, status, True)
        else:
            out[key] = _Cell(value, str(r.text), str(r.kind), float(r.n), status, False)
    return out


def _rows(table: ProtectedTable, func: str, arg: str, columns: Sequence[str],
          rows: Sequence[str] | None, *, noun: str = "responses",
          waves: Sequence[tuple[str, str]] | None = None) -> list[_Row]:
    """The chart's rows: each with its label and cells, or as a gap in the table's own words.

    ``waves`` (pairs of an n column and its wave's name) labels a row with each wave's own n, "(n = 154
    before, 160 after)", where two independent waves have different n.
    """
    cells = _lookup(table)
    known, all_rows = list(dict.fromkeys(c for _, c in cells)), list(dict.fromkeys(r for r, _ in cells))
    for col in columns:
        if not isinstance(col, str) or col not in known:
            raise ValueError(f"{func}(): {arg} must name columns of the table {known}, got {col!r}")
    names = [str(r) for r in rows] if rows is not None else [r for r in all_rows if (r, columns[0]) in cells]
    for name in names:
        if name not in all_rows:
            raise ValueError(f"{func}(): rows must name rows of the table {all_rows}, got {name!r}")
        if any((name, c) not in cells for c in columns):
            raise ValueError(f"{func}(): row {name!r} of table {table.table_id!r} lacks a cell for one of "
                             f"{list(columns)}")
    out = []
    for name in names:
        found = [cells[(name, c)] for c in columns]
        hidden = [c for c in found if c.hidden]
        if waves:
            parts = [f"{cells[(name, c)].text.strip()} {w}" for c, w in waves
                     if (name, c) in cells and not cells[(name, c)].hidden]
            label = f"{name} (n = {', '.join(parts)})" if len(parts) == len(waves) else f"{name} (n not shown)"
        else:
            n_text = _n_text(cells, name, None if hidden else found)
            label = f"{name} (n = {n_text})" if n_text else f"{name} (n not shown)"
        if hidden:
            # the disclose stage's own words for the cell, used as they are: "fewer than 10" + " responses"
            text = hidden[0].text
            gap = f"{text} {noun}" if text and text != NOT_SHOWN else "hidden to protect privacy"
            out.append(_Row(name, label, None, gap))
        else:
            out.append(_Row(name, label, tuple(found)))
    return out


def _n_text(cells: dict[tuple[str, str], _Cell], name: str, shown: list[_Cell] | None) -> str | None:
    """The row's n as displayed: the ``n`` column when the table has one, else the n behind the figures."""
    if (name, "n") in cells:
        return None if cells[(name, "n")].hidden else cells[(name, "n")].text.strip()
    if not shown or any(math.isnan(c.n) for c in shown):
        return None
    lo, hi = int(min(c.n for c in shown)), int(max(c.n for c in shown))
    return f"{lo:,}" if lo == hi else f"{lo:,}\u2013{hi:,}"


# -- drawing helpers -----------------------------------------------------------------------------

def _figure(height: float) -> tuple[Figure, Any]:
    global _fonts_loaded
    if not _fonts_loaded:  # add the packaged font once, on first use (never on import)
        for path in sorted(_FONT_DIR.glob("Lato-*.ttf")):
            matplotlib.font_manager.fontManager.addfont(str(path))
        _fonts_loaded = True
    fig = Figure(figsize=(_WIDTH, height), dpi=_DPI, layout="constrained")
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot()


def _limits(values: list[float], kind: str, limits: tuple[float, float] | None, room: float = 0.18,
            zero: bool = True) -> tuple[float, float]:
    """The value axis: ``limits``, 0-100 for shares, else the published values (with 0 if ``zero``) padded."""
    if limits is not None:
        return float(limits[0]), float(limits[1])
    if kind == "share" or not values:
        return (0.0, 100.0) if kind == "share" else (0.0, 1.0)
    lo, hi = (min(0.0, *values), max(0.0, *values)) if zero else (min(values), max(values))
    span = (hi - lo) or 1.0
    return (lo - room * span if lo < 0 or not zero else lo), hi + room * span


def _row_label(label: str) -> str:
    """A row label as lines: the name wrapped at 38 characters (the plot keeps its width on a printed page),
    then its n on a line of its own, never broken ("School climate" / "(n = 188 before, 227 after)")."""
    name, sep, n = label.partition(" (n ")
    return textwrap.fill(name, 38) + ("\n(n " + n if sep else "")


def _finish(ax: Any, data: list[_Row], title: str, xlabel: str, top: float = -0.5) -> None:
    """Row labels on the y axis (first row on top), the x label and a left-aligned title."""
    ax.set_yticks(range(len(data)), [_row_label(r.label) for r in data])
    ax.set_ylim(len(data) + top, top)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel(xlabel)
    # the title goes on the figure, left-aligned, so long row labels cannot push it off the page
    ax.figure.suptitle(textwrap.fill(title, 80), x=0.01, ha="left", fontweight="bold",
                       fontsize=matplotlib.rcParams["axes.titlesize"])


def _gap(ax: Any, x: float, y: float, text: str, **kw: Any) -> None:
    # the white box only keeps a zero line from striking through the words; it marks no value
    ax.text(x, y, text, color=_GAP, style="italic", va="center",
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5}, **kw)


def _text_colour(hex_colour: str) -> str:
    r, g, b = matplotlib.colors.to_rgb(hex_colour)
    return "white" if 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.45 else "black"


def _palette(k: int) -> list[str]:
    colours = _RDBU.get(k) or [matplotlib.colors.to_hex(c) for c in
                               matplotlib.colormaps["RdBu"]([0.1 + 0.8 * i / (k - 1) for i in range(k)])]
    return [_NEUTRAL if c == "#f7f7f7" else c for c in colours]


def _chart(fig: Figure, table: ProtectedTable, kind: str, title: str, rows: list[_Row], chart: str, what: str,
           describe: Callable[[_Row], str], order: str = "") -> Chart:
    """The result, with alt text: the chart, its rows and shown values, then the hidden rows and why."""
    shown = [describe(r) for r in rows if not r.gap]
    alt = (f"{chart} of {what} from \u201c{title}\u201d, {len(rows)} rows{order}: "
           + ("; ".join(shown) if shown else "no row can be shown") + ".")
    hidden = [f"{r.name} ({r.gap_text})" for r in rows if r.gap]
    alt += " Not shown, to protect privacy: " + "; ".join(hidden) + "." if hidden else ""
    return Chart(fig, alt, table.table_id, kind, title, tuple(r.name for r in rows if not r.gap),
                 tuple(r.name for r in rows if r.gap))


def _styled(func: Callable[..., Chart]) -> Callable[..., Chart]:
    """Build the chart under evalkit's style (fonts, sizes, spines) without touching global rcParams."""
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Chart:
        with matplotlib.rc_context(_RC):
            return func(*args, **kwargs)
    return wrapper


# -- the charts ----------------------------------------------------------------------------------

@_styled
def bar_chart(table: ProtectedTable, column: str, *, title: str | None = None, xlabel: str | None = None,
              rows: Sequence[str] | None = None, limits: tuple[float, float] | None = None) -> Chart:
    """One horizontal bar per row for ``column`` (counts, shares or means), labelled with its text.

    Parameters
    ----------
    table : ProtectedTable
    column : str
        The column to draw, e.g. ``"Favorable %"``.
    title, xlabel : str, optional
        Default to the table's title and ``column``.
    rows : sequence of str, optional
        Rows to draw, in order (default: every row with a ``column`` cell, in table order).
    limits : (float, float), optional
        Value axis range (default: 0-100 for shares, else from the published values only).

    Returns
    -------
    Chart
    """
    table = require_protected(table, "bar_chart()")
    data = _rows(table, "bar_chart", "column", [column], rows)
    kind = next((r.cells[0].kind for r in data if not r.gap), "")
    if kind == "count":   # a bar of people is its own n: "(n = 31)" beside a bar labelled 31 says it twice
        data = [_Row(r.name, r.name, r.cells, r.gap_text) for r in data]
    title = title or table.title
    fig, ax = _figure(1.0 + 0.42 * len(data))
    lo, hi = _limits([r.cells[0].value for r in data if not r.gap], kind, limits)
    pad = 0.01 * (hi - lo)
    for i, r in enumerate(data):
        if r.gap:
            _gap(ax, lo + pad, i, r.gap_text, ha="left")
            continue
        v, text = r.cells[0].value, r.cells[0].text
        ax.barh(i, v, height=0.62, color=_BLUE)
        ax.text(v + (pad if v >= 0 else -pad), i, text, va="center", ha="left" if v >= 0 else "right")
    ax.set_xlim(lo, hi + (12 if kind == "share" and limits is None else 0))  # room for ">95%"
    if kind == "share":
        ax.set_xticks([0, 25, 50, 75, 100])
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x:g}%"))
    if lo < 0:
        ax.axvline(0, color=_GREY, linewidth=0.8)
    _finish(ax, data, title, xlabel or column)
    return _chart(fig, table, "bar", title, data, "Horizontal bar chart", column,
                  lambda r: f"{r.label} {r.cells[0].text}")


@_styled
def stacked_share_chart(table: ProtectedTable, categories: Sequence[str], *, neutral: str | None = None,
                        title: str | None = None, rows: Sequence[str] | None = None) -> Chart:
    """A 100 %-stacked bar of ``categories`` per row, diverging around ``neutral`` when given.

    With ``neutral``, the categories before it extend left of zero and the neutral segment is centred
    on zero (Robbins & Heiberger, 2011). Exact shares keep their width. Answers withheld or shown only
    as a bound, when at least two sit next to one another, are drawn as one hatched "not shown" block as
    wide as the exact ones leave (see :func:`_segments`); any other row with a withheld answer is a
    labelled gap, so no single withheld value is ever drawn. A chart with such a block starts every bar
    at zero (the block has no known split around the neutral answer).

    Parameters
    ----------
    table : ProtectedTable
    categories : sequence of str
        Share columns in scale order, most negative first (colours: ColorBrewer RdBu).
    neutral : str, optional
        The middle category, one of ``categories``.
    title : str, optional
    rows : sequence of str, optional

    Returns
    -------
    Chart
    """
    table = require_protected(table, "stacked_share_chart()")
    cats = list(categories) if isinstance(categories, Sequence) and not isinstance(categories, str) else []
    if len(cats) < 2 or len(set(cats)) != len(cats):
        raise ValueError("stacked_share_chart(): categories must list at least 2 distinct columns, "
                         f"got {categories!r}")
    if neutral is not None and neutral not in cats:
        raise ValueError(f"stacked_share_chart(): neutral must be one of categories {cats}, got {neutral!r}")
    data = _rows(table, "stacked_share_chart", "categories", cats, rows)
    title, colours = title or table.title, _palette(len(cats))
    bars = {i: b for i, r in enumerate(data) if (b := _segments(table, r, cats)) is not None}
    looked = _lookup(table)
    data = [_Row(r.name, r.label, tuple(looked[(r.name, c)] for c in cats)) if i in bars and r.gap else
            _Row(r.name, r.label, None, "shown only as bounds: see the table") if i not in bars and not r.gap
            else r for i, r in enumerate(data)]
    # diverging around the neutral answer only when every bar shows each answer: a withheld block has no
    # known split around zero, so then every bar starts at zero (one layout for the whole chart)
    whole = all(all(j is not None for j, _ in b) for b in bars.values())
    k = cats.index(neutral) if neutral and whole else None
    fig, ax = _figure(1.2 + 0.55 * len(data))
    starts = {i: -(sum(w for j, w in b if j < k) + dict(b)[k] / 2) if k is not None else 0.0
              for i, b in bars.items()}
    lo, hi = 0.0, 100.0
    if k is not None:
        reach = max([50.0] + [max(-starts[i], starts[i] + sum(w for _, w in b)) for i, b in bars.items()])
        hi = 10 * math.ceil(reach / 10) + 2
        lo = -hi
        ax.axvline(0, color=_GREY, linewidth=0.8, zorder=0.5)  # behind the bars, never through a label
    ax.set_xlim(lo, hi)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{abs(x):g}%"))
    unlabelled = withheld = False
    cells = _lookup(table)
    for i, r in enumerate(data):
        if i not in bars:
            _gap(ax, lo + 0.01 * (hi - lo), i, r.gap_text, ha="left")
            continue
        left = starts[i]
        for j, w in bars[i]:
            if j is None:      # the answers withheld or shown only as a bound, as one block: its width is
                withheld = True  # what the shown answers leave, which a reader can work out anyway
                ax.barh(i, w, left=left, height=0.62, color=_NEUTRAL, edgecolor="white", linewidth=0.6,
                        hatch="////")
                left += w
                continue
            cell = cells[(r.name, cats[j])]
            ax.barh(i, w, left=left, height=0.62, color=colours[j], edgecolor="white", linewidth=0.6)
            # a label only inside its own segment: labels set beside narrow segments floated off them and
            # collided (issue [3/9]); those values are in the alt text and the detailed table
            if w >= (hi - lo) * (0.016 * len(cell.text) + 0.01):
                ax.text(left + w / 2, i, cell.text, ha="center", va="center", fontsize=8,
                        color=_text_colour(colours[j]))
            else:
                unlabelled = True
            left += w
    _finish(ax, data, title, "Share of respondents", top=-0.6)
    if unlabelled:
        ax.set_xlabel("Share of respondents\n(unlabelled segments: see the detailed table)")
    # the key names the answers drawn (an answer only ever inside the "not shown" block has no colour to explain)
    drawn = {j for b in bars.values() for j, _ in b if j is not None}
    handles = [Patch(facecolor=c, edgecolor="white", label=name) for j, (c, name) in enumerate(zip(colours, cats))
               if j in drawn or not bars]
    if withheld:
        handles.append(Patch(facecolor=_NEUTRAL, edgecolor="white", hatch="////", label="Not shown (privacy)"))
    fig.legend(handles=handles, loc="outside lower center", ncol=min(len(cats), 5), frameon=False)
    kind = "Diverging stacked bar chart" if k is not None else "Stacked bar chart (each bar all respondents)"
    what = f"shares answering {', '.join(cats)}" + (f", centred on {neutral}," if neutral else "")
    return _chart(fig, table, "stacked", title, data, kind, what,
                  lambda r: f"{r.label} " + ", ".join(f"{c} {cells[(r.name, c)].text}" for c in cats))


def _segments(table: ProtectedTable, r: _Row, cats: Sequence[str]) -> list[tuple[int | None, float]] | None:
    """A bar's segments, (category index, width) in scale order, or None for a gap.

    Every exact share keeps its value; the answers that are hidden or shown only as a bound, when they are
    next to one another, become one block (index None) as wide as the exact ones leave: a reader can work
    that out from the table, so the block tells nothing new, while a width per coded answer would (the
    slivers of "<7%" answers gave back that they were 0). Withheld answers on both sides of shown ones, or a
    row whose n is hidden, leave a gap.
    """
    cells = _lookup(table)
    found = [cells[(r.name, c)] for c in cats]
    n = cells.get((r.name, "n"))
    if n is not None and n.hidden:
        return None
    exact = [c.status == "shown" and math.isfinite(c.value) for c in found]
    if all(exact):
        total = sum(c.value for c in found) or 1.0
        return [(j, 100.0 * c.value / total) for j, c in enumerate(found)]
    held = [j for j, e in enumerate(exact) if not e]
    # one block of at least two answers: a block of one would draw that answer's own value
    if held != list(range(held[0], held[-1] + 1)) or len(held) == len(cats) or len(held) < 2:
        return None
    shown = sum(c.value for c, e in zip(found, exact) if e)
    out: list[tuple[int | None, float]] = []
    for j, (c, e) in enumerate(zip(found, exact)):
        if e:
            out.append((j, c.value * (100.0 / shown if shown > 100 else 1.0)))
        elif j == held[0]:
            out.append((None, max(100.0 - shown, 0.0)))
    return out


def _intervals(table: ProtectedTable, func: str, data: list[_Row],
               pairs: Sequence[tuple[str, str] | None]) -> list[dict[int, tuple[float, float]]]:
    """For each (low, high) column pair, the published limits by row position; a row is left out when a
    limit is hidden or missing (no whisker is drawn from a figure the rule withheld)."""
    cells = _lookup(table)
    known = list(dict.fromkeys(c for _, c in cells))
    out = []
    for pair in pairs:
        got: dict[int, tuple[float, float]] = {}
        if pair is not None:
            for col in pair:
                if col not in known:
                    raise ValueError(f"{func}(): interval columns must be columns of the table {known}, got {col!r}")
            for i, r in enumerate(data):
                if r.gap:
                    continue
                lim = [cells.get((r.name, c)) for c in pair]
                if all(c is not None and not c.hidden and math.isfinite(c.value) for c in lim):
                    got[i] = (lim[0].value, lim[1].value)
        out.append(got)
    return out


def _mean_limits(mean: float, sd: float, n: float, level: float = 0.95) -> tuple[float, float]:
    """The t interval of a mean from its published SD and n: mean +- t(n-1) SD / sqrt(n) (Student, 1908)."""
    from scipy.stats import t as _t

    half = float(_t.ppf((1 + level) / 2, n - 1)) * sd / math.sqrt(n)
    return mean - half, mean + half


def _share_limits(share: float, n: float, level: float = 0.95) -> tuple[float, float]:
    """The Wilson interval (Wilson, 1927; statsmodels ``proportion_confint``) of a published percentage of n."""
    from statsmodels.stats.proportion import proportion_confint

    low, high = proportion_confint(round(share * n / 100), int(n), alpha=1 - level, method="wilson")
    return 100 * float(low), 100 * float(high)


@_styled
def dumbbell_chart(table: ProtectedTable, pre: str = "Pre mean", post: str = "Post mean", *,
                   title: str | None = None, xlabel: str | None = None, rows: Sequence[str] | None = None,
                   limits: tuple[float, float] | None = None,
                   waves: Sequence[tuple[str, str]] | None = None,
                   spread: tuple[str, str] | None = None, n: str | tuple[str, str] | None = None,
                   whiskers: bool = True, row_waves: Mapping[str, tuple[str, str]] | None = None) -> Chart:
    """Pre → post per row (scale): a dot per wave joined by an arrow, row labels with the matched n.

    A row is a gap unless both figures are published. Its n is the table's ``n`` column when there
    is one (a paired table's matched n), else the n behind the two figures; ``waves`` gives each
    wave's own n column instead (independent waves: ``[("Pre n", "before"), ("Post n", "after")]``).

    Parameters
    ----------
    table : ProtectedTable
    pre, post : str
        The columns holding the two waves' figures.
    title, xlabel : str, optional
    rows : sequence of str, optional
    limits : (float, float), optional
        The scale's range, e.g. ``(1, 5)`` (default: the published values, padded).
    spread : (str, str), optional
        Each wave's SD column: every dot gets the 95% t interval of its mean as a whisker,
        :math:`\\bar x \\pm t_{n-1} s / \\sqrt n`, from the published SD and n. Without it, a
        table of percentages (its cells are shares) gets each share's Wilson interval.
    n : str or (str, str), optional
        The n column (one for both waves, e.g. a paired table's matched n) or each wave's; the whiskers
        need it. Default: ``waves``' n columns.
    whiskers : bool, default True
        False draws no intervals: for respondents nested in groups (staff in schools), where a simple
        interval would be too narrow and the clustered interval of the change is given elsewhere.
    row_waves : mapping of str to (str, str), optional
        Per row, the names of the waves its two columns hold, when they differ between rows (a
        retrospective pre is the earlier figure of one row and the later of another): each wave then
        keeps one colour on every row, and the legend names the waves. Default: the columns are the
        waves (``pre`` orange, ``post`` blue).

    Returns
    -------
    Chart
    """
    table = require_protected(table, "dumbbell_chart()")
    data = _rows(table, "dumbbell_chart", "pre/post", [pre, post], rows, waves=waves)
    n_cols = ((n, n) if isinstance(n, str) else tuple(n) if n is not None else
              tuple(c for c, _ in waves) if waves else None)
    limits_of = _wave_limits(table, data, [pre, post], spread, n_cols if whiskers else None)
    title = title or table.title
    fig, ax = _figure(1.5 + 0.42 * len(data))

    def waves_of(name: str) -> tuple[str, str]:
        return tuple(row_waves[name]) if row_waves and name in row_waves else (pre, post)  # type: ignore[return-value]

    # one colour per wave, in the order the waves first appear (pre orange, post blue, a third green)
    names = list(dict.fromkeys([pre, post] if not row_waves else
                               [w for r in data if not r.gap for w in waves_of(r.name)]))
    # a wave the reports name keeps its colour in every report; others take the next free one
    colour_of = {n: _WAVE_COLOURS[n] for n in names if n in _WAVE_COLOURS}
    spare = iter(c for c in (_ORANGE, _BLUE, _GREEN, _GREY) if c not in colour_of.values())
    colour_of.update({n: next(spare, _GREY) for n in names if n not in colour_of})
    values = [c.value for r in data if not r.gap for c in r.cells]
    lo, hi = _limits(values, "", limits, room=0.2, zero=False)  # a scale need not start at zero
    off = 0.02 * (hi - lo)
    for i, r in enumerate(data):
        if r.gap:
            _gap(ax, lo + off / 2, i, r.gap_text, ha="left")
            continue
        (a, ta), (b, tb) = ((c.value, c.text) for c in r.cells)
        ax.annotate("", xy=(b, i), xytext=(a, i),
                    arrowprops={"arrowstyle": "-|>", "color": _GREY, "linewidth": 1.4, "shrinkA": 5,
                                "shrinkB": 5})
        ends = []
        ca, cb = (colour_of[w] for w in waves_of(r.name))
        for v, colour, dy, got in ((a, ca, 0.13, limits_of[0]), (b, cb, -0.13, limits_of[1])):
            ax.plot([v], [i], "o", color=colour, markersize=7)
            if i in got:  # the wave's interval, just above (before) or below (after) the row's line
                ax.errorbar([v], [i + dy], xerr=[[v - got[i][0]], [got[i][1] - v]], fmt="none", ecolor=colour,
                            elinewidth=1, capsize=2, alpha=0.8)
                ends.append(got[i])
        up = b >= a
        # value labels outside the whiskers, so no label sits on a line
        left = min([a, b] + [lo_ for lo_, _ in ends]) - off
        right = max([a, b] + [hi_ for _, hi_ in ends]) + off
        ax.text(left, i, ta if up else tb, ha="right", va="center")
        ax.text(right, i, tb if up else ta, ha="left", va="center")
    ax.set_xlim(lo, hi)
    ax.grid(axis="x", color="#E5E5E5", linewidth=0.6)
    ax.set_axisbelow(True)
    _finish(ax, data, title, xlabel or "Mean")
    # each wave's key shows its dot and, when drawn, its whisker in its own colour
    got_any = bool(limits_of[0] or limits_of[1])
    handles = [Line2D([], [], marker="o", linestyle="-" if got_any else "", linewidth=1, color=colour_of[name],
                      label=f"{name} (whisker: 95% CI)" if got_any else name) for name in names]
    fig.legend(handles=handles, loc="outside lower center", ncol=len(handles), frameon=False)
    return _chart(fig, table, "dumbbell", title, data, "Dumbbell chart",
                  f"{pre} to {post}" + (" (independent waves)" if waves else " (matched respondents)")
                  + (", each with its 95% confidence interval" if any(limits_of) else ""),
                  lambda r: f"{r.label} from {r.cells[0].text} to {r.cells[1].text}")


def _wave_limits(table: ProtectedTable, data: list[_Row], columns: Sequence[str], spread: tuple[str, str] | None,
                 n_cols: tuple[str, str] | None) -> list[dict[int, tuple[float, float]]]:
    """Each wave's whiskers by row position: the mean's t interval (with ``spread``) or the share's Wilson
    interval, from published figures only; none without n columns or where a figure is withheld."""
    out: list[dict[int, tuple[float, float]]] = [{}, {}]
    if n_cols is None:
        return out
    cells = _lookup(table)
    for w in range(2):
        for i, r in enumerate(data):
            if r.gap:
                continue
            value, n_cell = r.cells[w], cells.get((r.name, n_cols[w]))
            if n_cell is None or n_cell.hidden or not n_cell.value >= 2 or value.status != "shown":
                continue
            if spread is not None:
                sd = cells.get((r.name, spread[w]))
                if sd is not None and not sd.hidden and math.isfinite(sd.value):
                    out[w][i] = _mean_limits(value.value, sd.value, n_cell.value)
            elif value.kind == "share":
                out[w][i] = _share_limits(value.value, n_cell.value)
    return out


def _spread(values: Sequence[float], gap: float) -> list[float]:
    """Label positions as close to ``values`` as possible and at least ``gap`` apart (order kept)."""
    order = sorted(range(len(values)), key=lambda j: values[j])
    out = list(values)
    for a, b in zip(order, order[1:]):
        out[b] = max(out[b], out[a] + gap)
    shift = (sum(out) - sum(values)) / len(values)  # centre the group on the values again
    return [y - shift for y in out]


@_styled
def line_chart(table: ProtectedTable, column: str | Sequence[str], *, title: str | None = None,
               ylabel: str | None = None, rows: Sequence[str] | None = None,
               limits: tuple[float, float] | None = None, marker: tuple[float, str] | None = None,
               noun: str = "responses", interval: tuple[str, str] | None = None,
               waves: Sequence[tuple[str, str]] | None = None) -> Chart:
    """``column`` over the table's rows in order (e.g. NPS per event), each point labelled.

    A hidden row breaks the line (drawn in separate pieces, so no placeholder point exists) and its
    gap text stands vertically where the point would be. Several columns draw several lines (e.g.
    the cadre's schools against the comparison schools by year) with a legend; each line is then
    labelled at its last point only, so the labels do not collide.

    Parameters
    ----------
    table : ProtectedTable
    column : str or sequence of str
        One column, or the columns to draw as separate lines (Okabe-Ito colours, in order).
    title, ylabel : str, optional
    rows : sequence of str, optional
    limits : (float, float), optional
        Value axis range, e.g. ``(-100, 100)`` for NPS (default: 0-100 for shares, else from the
        published values only).
    marker : (float, str), optional
        A dashed vertical line at this x position (row positions are 0, 1, ...; ``len(rows) - 0.5``
        is just after the last row) with its label, e.g. where a program starts.
    noun : str, default "responses"
        What the n of a hidden row counts, for its gap text ("fewer than 10 students").
    interval : (str, str), optional
        Columns of each point's confidence limits (one column drawn), e.g. ``("CI low", "CI high")``:
        drawn as whiskers where both limits are published.
    waves : sequence of (str, str), optional
        Each line's own n column and name, e.g. ``[("n", "cadre"), ("Comparison n", "comparison")]``:
        every tick then carries both groups' n (one line each, in this order).

    Returns
    -------
    Chart
    """
    table = require_protected(table, "line_chart()")
    columns = [column] if isinstance(column, str) else list(column)
    if not columns:
        raise ValueError("line_chart(): column must name at least one column")
    data = _rows(table, "line_chart", "column", columns, rows, noun=noun, waves=waves)
    whiskers = _intervals(table, "line_chart", data, [interval] if interval else [])
    kind = next((r.cells[0].kind for r in data if not r.gap), "")
    title = title or table.title
    fig, ax = _figure(3.6)
    values = [c.value for r in data if not r.gap for c in r.cells]
    lo, hi = _limits(values, kind, limits, room=0.2)
    pieces: list[list[int]] = []
    for i, r in enumerate(data):
        if r.gap:
            _gap(ax, i, (lo + hi) / 2, r.gap_text, ha="center", rotation=90)
        elif pieces and pieces[-1][-1] == i - 1:
            pieces[-1].append(i)
        else:
            pieces.append([i])
    colours = (_BLUE, _ORANGE, _GREY, "#009E73", "#CC79A7")
    shown = [i for piece in pieces for i in piece]
    for j, col in enumerate(columns):
        colour = colours[j % len(colours)]
        for k, piece in enumerate(pieces):
            ax.plot(piece, [data[i].cells[j].value for i in piece], "-o", color=colour, linewidth=1.8,
                    markersize=6 if len(columns) == 1 else 4.5, label=col if k == 0 else None)
        if len(columns) == 1:
            for i in shown:
                if whiskers and whiskers[0].get(i):
                    low, high = whiskers[0][i]
                    ax.errorbar([i], [data[i].cells[0].value], yerr=[[data[i].cells[0].value - low],
                                                                     [high - data[i].cells[0].value]],
                                fmt="none", ecolor=colour, elinewidth=1, capsize=3)
                # the label sits right of the point, clear of its whisker
                ax.text(i + 0.1, data[i].cells[0].value, data[i].cells[0].text, ha="left", va="center",
                        color=_GAP, fontsize=8)
    label_x = None
    if len(columns) > 1 and shown:  # each line labelled at its last point, labels pushed apart if close
        last = shown[-1]
        label_x = last + 0.12
        if marker is not None and last + 0.05 < marker[0] < last + 0.7:
            label_x = marker[0] + 0.1  # the labels would cross the marker's dashed line: beyond it
        ys = _spread([data[last].cells[j].value for j in range(len(columns))], 0.07 * (hi - lo))
        for j, y in enumerate(ys):
            ax.text(label_x, y, data[last].cells[j].text, ha="left", va="center",
                    color=colours[j % len(colours)])
    if lo < 0 < hi:
        ax.axhline(0, color=_GREY, linewidth=0.8)
    if marker is not None:
        ax.axvline(marker[0], color=_GAP, linewidth=1, linestyle="--")
        right = marker[0] >= len(data) - 1
        # a space on the line's side, so the text never touches the dashed line
        ax.text(marker[0], hi, marker[1] + " " if right else " " + marker[1], ha="right" if right else "left",
                va="top", fontsize=8, color=_GAP)
    ax.set_ylim(lo, hi)
    right = len(data) - 0.5 + (0.6 if len(columns) > 1 else 0)
    ax.set_xlim(-0.5, max(right, (label_x or 0) + 0.6))
    if waves:
        # "2016 (n = 2,001 cadre, 43,222 comparison)" as three short lines: the row, then each group's n
        ticks = [r.label.split(" (", 1)[0] + "".join(
            "\n" + part.strip().split(" ", 1)[0] for part in r.label.split("(n = ", 1)[1].rstrip(")").split(", "))
            if "(n = " in r.label else r.label.replace(" (", "\n(", 1) for r in data]
        ax.set_xlabel("n of " + noun + ": " + ", then ".join(name for _, name in waves), fontsize=8, color=_GAP)
    else:
        ticks = [r.label.replace(" (", "\n(", 1) for r in data]
    ax.set_xticks(range(len(data)), ticks)
    ax.set_ylabel(ylabel or (columns[0] if len(columns) == 1 else ""))
    ax.grid(axis="y", color="#E5E5E5", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_title(textwrap.fill(title, 80), loc="left", fontweight="bold")
    if len(columns) > 1 and pieces:  # no line, no legend
        fig.legend(loc="outside lower center", ncol=len(columns), frameon=False)
    what = columns[0] if len(columns) == 1 else " and ".join(columns)
    return _chart(fig, table, "line", title, data, "Line chart", what,
                  lambda r: f"{r.label} " + ", ".join(
                      (f"{col} " if len(columns) > 1 else "") + c.text for col, c in zip(columns, r.cells)),
                  order=" in order")


# -- output --------------------------------------------------------------------------------------

@_styled
def heatmap_chart(table: ProtectedTable, columns: Sequence[str], *, title: str | None = None,
                  rows: Sequence[str] | None = None) -> Chart:
    """Rows x columns of shares (e.g. attendance rate by role group and event), each cell labelled.

    A hidden cell is drawn as a hatched grey tile reading "hidden", never coloured by its value; the row
    label carries n as in the other charts.
    """
    table = require_protected(table, "heatmap_chart()")
    cells = _lookup(table)
    data = _rows(table, "heatmap_chart", "columns", list(columns), rows)
    names = [r.name for r in data]
    title = title or table.title
    fig, ax = _figure(1.2 + 0.45 * len(names))
    cmap = matplotlib.colormaps["Blues"]
    hidden_cells = []
    for i, name in enumerate(names):
        for j, col in enumerate(columns):
            c = cells[(name, col)]
            if c.hidden:
                hidden_cells.append(f"{name}, {col}")
                ax.add_patch(matplotlib.patches.Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor="#eeeeee",
                                                          edgecolor="white", hatch="///", linewidth=1))
                ax.text(j, i, "hidden", ha="center", va="center", color=_GAP, fontsize=7)
                continue
            colour = cmap(0.15 + 0.8 * max(0.0, min(c.value, 100.0)) / 100.0)
            ax.add_patch(matplotlib.patches.Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor=colour,
                                                      edgecolor="white", linewidth=1))
            ax.text(j, i, c.text, ha="center", va="center", fontsize=7.5,
                    color=_text_colour(matplotlib.colors.to_hex(colour)))
    ax.set_xlim(-0.5, len(columns) - 0.5)
    ax.set_xticks(range(len(columns)), list(columns), rotation=45, ha="right")
    ax.spines[["left", "bottom"]].set_visible(False)
    ax.tick_params(axis="x", length=0)
    _finish(ax, data, title, "")
    parts = [f"{r.label}: " + ", ".join(f"{col} {cells[(r.name, col)].text}" for col in columns
                                         if not cells[(r.name, col)].hidden) for r in data]
    alt = f"Heat map of \u201c{title}\u201d, {len(names)} rows by {len(columns)} columns: " + "; ".join(parts) + "."
    if hidden_cells:
        alt += f" {len(hidden_cells)} cell(s) are hidden to protect privacy."
    return Chart(fig, alt, table.table_id, "heatmap", title, tuple(names), ())


@_styled
def logic_model_chart(table: ProtectedTable, *, title: str | None = None) -> Chart:
    """The logic model as a left-to-right chain of boxes (program facts, one box per component)."""
    table = require_protected(table, "logic_model_chart()")
    rows = [(str(a), str(b)) for a, b in table.display.iloc[:, :2].itertuples(index=False)]
    title = title or table.title
    fig, ax = _figure(2.5)
    ax.set_axis_off()
    k = max(len(rows), 1)
    width = 1.0 / k
    for i, (head, body) in enumerate(rows):
        x = i * width
        ax.add_patch(matplotlib.patches.FancyBboxPatch((x + 0.008, 0.04), width - 0.03, 0.9,
                                                       boxstyle="round,pad=0.004", facecolor="#eef3f8",
                                                       edgecolor=_BLUE, linewidth=0.8))
        ax.text(x + width / 2 - 0.007, 0.9, textwrap.fill(head, 14), ha="center", va="top", fontweight="bold",
                fontsize=8)
        ax.text(x + width / 2 - 0.007, 0.7, "\n".join(textwrap.fill(part.strip(), 17)
                                                      for part in body.split(";")),
                ha="center", va="top", fontsize=7, linespacing=1.2)
        if i < k - 1:
            ax.annotate("", xy=(x + width + 0.006, 0.5), xytext=(x + width - 0.022, 0.5),
                        arrowprops={"arrowstyle": "->", "color": _GREY, "lw": 1})
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=matplotlib.rcParams["axes.titlesize"])
    alt = (f"Logic model from \u201c{title}\u201d, read left to right: "
           + "; ".join(f"{h}: {b}" for h, b in rows) + ".")
    return Chart(fig, alt, table.table_id, "diagram", title, tuple(h for h, _ in rows), ())


def _opaque_png(png: bytes) -> bytes:
    """The PNG as RGB without its alpha channel (every chart is drawn on white, so nothing is lost).

    Agg writes RGBA; an alpha channel makes the PDF carry a second image (a soft mask) per chart, and
    decoding and compressing both was about a tenth of Typst's time for a report.
    """
    from PIL import Image, PngImagePlugin

    with Image.open(io.BytesIO(png)) as im:
        info = PngImagePlugin.PngInfo()
        for key, value in im.text.items():  # Title and Description, as savefig wrote them
            info.add_text(key, value)
        out = io.BytesIO()
        im.convert("RGB").save(out, format="png", pnginfo=info, dpi=im.info.get("dpi", (_DPI, _DPI)))
        return out.getvalue()


def save_chart(chart: Chart, folder: str | Path, name: str) -> dict[str, Any]:
    """Write ``name.png`` (150 dpi) and ``name.svg`` into ``folder`` atomically.

    Only the title and alt text are kept as metadata (PNG ``Title``/``Description``, SVG
    ``dc:title``/``dc:description``); software, creator and date are left out and SVG ids use a
    fixed salt, so the same chart always gives the same bytes.

    Parameters
    ----------
    chart : Chart
    folder : str or Path
        Created if missing.
    name : str
        File stem: letters, digits, ``_``, ``-`` and ``.`` (no path).

    Returns
    -------
    dict
        ``{"png": Path, "svg": Path, "alt": str}``; ``alt`` is the chart's alt text.
    """
    if not isinstance(chart, Chart):
        raise TypeError("save_chart(): chart must be a Chart from evalkit.report.charts, "
                        f"got {type(chart).__name__}")
    if not isinstance(name, str) or not _NAME.match(name):
        raise ValueError("save_chart(): name must be a plain file stem (letters, digits, '_', '-', '.'), "
                         f"got {name!r}")
    folder = Path(folder)
    paths = {"png": folder / f"{name}.png", "svg": folder / f"{name}.svg"}
    metadata = {
        "png": {"Software": None, "Title": chart.title, "Description": chart.alt_text},
        "svg": {"Date": None, "Creator": None, "Title": chart.title, "Description": chart.alt_text},
    }
    with matplotlib.rc_context({"svg.hashsalt": _SALT, "svg.fonttype": "path"}):
        for fmt, path in paths.items():
            buf = io.BytesIO()
            chart.figure.savefig(buf, format=fmt, dpi=_DPI, metadata=metadata[fmt], facecolor="white")
            atomic_write_bytes(path, _opaque_png(buf.getvalue()) if fmt == "png" else buf.getvalue())
    return {**paths, "alt": chart.alt_text}
