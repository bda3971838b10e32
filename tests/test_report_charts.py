"""Charts draw only what a ProtectedTable publishes: issue 6, section 5 and scenario 11.

The hidden cells below keep their true value and n in the table on purpose (the disclose stage
writes NaN there): a chart that keyed on NaN instead of the cell status would draw or print them,
and these tests would catch it. Each test inspects the artists (patches, lines, texts, tick labels,
legend texts) of the figure, not its pixels.
"""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Annotation, Text
from PIL import Image

from evalkit.disclose.protected import HIDDEN_STATUSES, ProtectedTable, _make
from evalkit.report.charts import (
    Chart,
    bar_chart,
    dumbbell_chart,
    line_chart,
    save_chart,
    stacked_share_chart,
)

GAP = "fewer than 10 responses"
NAN = math.nan
COLUMNS = ["row", "column", "kind", "value", "text", "status", "n"]
LIKERT = ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"]


def _table(records: list[tuple], *, honest: bool = False, table_id: str = "t1",
           title: str = "Test table") -> ProtectedTable:
    """A ProtectedTable; ``honest`` blanks hidden values and n as the disclose stage does."""
    cells = pd.DataFrame(records, columns=COLUMNS)
    if honest:
        hidden = cells["status"].isin(HIDDEN_STATUSES)
        cells.loc[hidden, ["value", "n"]] = NAN
    display = cells.pivot(index="row", columns="column", values="text").reset_index()
    return _make(table_id, title, display, cells, note=None, level=None)


# Favorable % by role. Principals: primary (7 people). Coaches: n complementary (41, the largest
# group: a count axis scaled on it would say so), share shown.
# Counselors: n shown, share complementary. Librarians: top-coded (true 97.4%).
ROLE = [
    ("Teachers", "n", "count", 24, "24", "shown", 24),
    ("Teachers", "Favorable %", "share", 87.5, "88%", "shown", 24),
    ("Principals", "n", "count", 7, "fewer than 10", "primary", 7),
    ("Principals", "Favorable %", "share", 57.1, "fewer than 10", "primary", 7),
    ("Coaches", "n", "count", 41, "not shown", "complementary", 41),
    ("Coaches", "Favorable %", "share", 76.9, "77%", "shown", NAN),
    ("Counselors", "n", "count", 16, "16", "shown", 16),
    ("Counselors", "Favorable %", "share", 68.8, "fewer than 10", "complementary", 16),
    ("Librarians", "n", "count", 12, "12", "shown", 12),
    ("Librarians", "Favorable %", "share", 95.0, ">95%", "top_coded", 12),
]
ROLE_SECRETS = [7, 57.1, 41, 68.8, 97.4]


def _likert(name: str, n: tuple, shares: list[tuple]) -> list[tuple]:
    return [(name, "n", "count", *n)] + [(name, c, "share", *s) for c, s in zip(LIKERT, shares)]


# Event ratings. Workshop: coded (true 2.6 / 0 / 0 / 0 / 97.4). Coaching: one primary segment, so the
# row is a gap and its shown segments (19%, 38%) must not appear. Site visit: everyone agreed (homogeneity).
EVENTS = (
    _likert("Kickoff", (24, "24", "shown", 24), [(4.2, "4%", "shown", 24), (8.3, "8%", "shown", 24),
            (12.5, "12%", "shown", 24), (41.7, "42%", "shown", 24), (33.3, "33%", "shown", 24)])
    + _likert("Workshop", (30, "30", "shown", 30), [(5, "<5%", "bottom_coded", 30)] * 4
              + [(95, ">95%", "top_coded", 30)])
    + _likert("Coaching", (16, "16", "shown", 16), [(6.25, "fewer than 10", "primary", 16)]
              + [(18.75, "19%", "shown", 16), (18.75, "19%", "shown", 16), (37.5, "38%", "shown", 16),
                 (18.75, "19%", "shown", 16)])
    + _likert("Site visit", (11, "not shown", "complementary", 11),
              [(0, "not shown", "homogeneity", 11)] * 4 + [(100, "not shown", "homogeneity", 11)])
)
EVENT_SECRETS = [2.6, 97.4, 6.25, 18.75, 37.5, 11]

# Pre/post means (no n column: the n comes from the cells). Scale C: primary. Scale D: post hidden.
PREPOST = [
    ("Scale A", "Pre mean", "statistic", 2.9, "2.9", "shown", 24),
    ("Scale A", "Post mean", "statistic", 3.6, "3.6", "shown", 24),
    ("Scale B", "Pre mean", "statistic", 3.4, "3.4", "shown", 31),
    ("Scale B", "Post mean", "statistic", 3.1, "3.1", "shown", 31),
    ("Scale C", "Pre mean", "statistic", 3.87, "fewer than 10", "primary", 6),
    ("Scale C", "Post mean", "statistic", 4.12, "fewer than 10", "primary", 6),
    ("Scale D", "Pre mean", "statistic", 2.35, "2.4", "shown", 15),
    ("Scale D", "Post mean", "statistic", 4.63, "fewer than 10", "complementary", 15),
]
PREPOST_SECRETS = [3.87, 4.12, 6, 2.35, 4.63, 15]

NPS = [(name, "NPS", "statistic", v, t, s, n) for name, v, t, s, n in [
    ("Kickoff", 35, "35", "shown", 24), ("Workshop", 42, "42", "shown", 30),
    ("Coaching", -60, "fewer than 10", "primary", 4), ("Site visit", 18, "18", "shown", 22),
    ("Wrap-up", -5, "-5", "shown", 15)]]
NPS_SECRETS = [-60, 4]

# Two groups by year (a trend figure); 2023 rests on 6 students and is hidden in both columns.
TREND = [(year, col, "share", v, t, s, n) for year, vals, s, n in [
    ("2022", (55.5, 48.0), "shown", 420), ("2023", (77.7, 12.3), "primary", 6), ("2024", (58.0, 47.0), "shown", 400)]
    for col, v, t in zip(("Cadre %", "Comparison %"), vals,
                         ("fewer than 10",) * 2 if s != "shown" else tuple(f"{x:.0f}%" for x in vals))]
TREND += [(year, "n", "count", n, t, s, n) for year, t, s, n in [
    ("2022", "420", "shown", 420), ("2023", "fewer than 10", "primary", 6), ("2024", "400", "shown", 400)]]
TREND_SECRETS = [77.7, 12.3, 6]

BUILDERS = {
    "bar": lambda t: bar_chart(t(ROLE), "Favorable %"),
    "bar_counts": lambda t: bar_chart(t(ROLE), "n", xlabel="Respondents"),
    "stacked": lambda t: stacked_share_chart(t(EVENTS), LIKERT, neutral="Neutral"),
    "stacked_plain": lambda t: stacked_share_chart(t(EVENTS), LIKERT),
    "dumbbell": lambda t: dumbbell_chart(t(PREPOST), limits=(1, 5)),
    "line": lambda t: line_chart(t(NPS), "NPS", limits=(-100, 100)),
    "trend": lambda t: line_chart(t(TREND), ["Cadre %", "Comparison %"], marker=(2.5, "cadre begins"),
                                  noun="students"),
}
SECRETS = {"bar": ROLE_SECRETS, "bar_counts": ROLE_SECRETS, "stacked": EVENT_SECRETS,
           "stacked_plain": EVENT_SECRETS, "dumbbell": PREPOST_SECRETS, "line": NPS_SECRETS,
           "trend": TREND_SECRETS}


def _build(name: str, *, honest: bool = False) -> Chart:
    return BUILDERS[name](lambda records: _table(records, honest=honest))


def _texts(chart: Chart) -> list[str]:
    """Every visible text of the figure (titles, labels, tick labels, legend), after a draw."""
    chart.figure.canvas.draw()  # tick labels are filled in at draw time
    return [t.get_text() for t in chart.figure.findobj(Text) if t.get_visible() and t.get_text()]


def _row_texts(chart: Chart, y: float) -> list[str]:
    ax = chart.figure.axes[0]
    return [t.get_text() for t in ax.texts if t.get_text() and abs(t.get_position()[1] - y) < 0.5]


def _bars(chart: Chart) -> list[Rectangle]:
    return [p for p in chart.figure.axes[0].patches if isinstance(p, Rectangle)]


def _mentions(text: str, value: float) -> bool:
    """Does ``text`` hold ``value`` as a number (as is, to 1 decimal, or whole: any sign)?

    Small non-integers (means on a 1-5 scale) are matched whole only as a percentage, since "4"
    occurs in innocent text ("4 rows").
    """
    v = abs(value)
    forms = {f"{v:g}", f"{v:.1f}", f"{v:.0f}%"} | ({f"{v:.0f}"} if v == int(v) or v >= 5 else set())
    return any(re.search(rf"(?<![\d.]){re.escape(f)}(?!\d|\.\d)", text) for f in forms)


# -- no hidden figure anywhere ---------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_no_hidden_value_or_n_in_any_text_or_alt_text(name: str) -> None:
    chart = _build(name)
    for text in _texts(chart) + [chart.alt_text]:
        for secret in SECRETS[name]:
            assert not _mentions(text, secret), f"{name}: {text!r} reveals hidden figure {secret}"


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_figure_is_the_same_whatever_hidden_cells_hold(name: str, tmp_path) -> None:
    leaky = save_chart(_build(name), tmp_path / "leaky", "c")
    honest = save_chart(_build(name, honest=True), tmp_path / "honest", "c")
    for fmt in ("png", "svg"):
        assert leaky[fmt].read_bytes() == honest[fmt].read_bytes()
    assert leaky["alt"] == honest["alt"]


# -- bars -------------------------------------------------------------------------------------------

def test_bar_chart_draws_no_bar_at_any_height_for_hidden_rows() -> None:
    chart = bar_chart(_table(ROLE), "Favorable %")
    bars = _bars(chart)
    # Teachers, Coaches and Librarians only: nothing at Principals (1) or Counselors (3)
    assert sorted(round(b.get_y() + b.get_height() / 2) for b in bars) == [0, 2, 4]
    assert all(b.get_width() > 0 for b in bars)
    assert chart.rows_hidden == ("Principals", "Counselors")


def test_bar_chart_hidden_rows_are_labelled_gaps_with_n() -> None:
    chart = bar_chart(_table(ROLE), "Favorable %")
    ax = chart.figure.axes[0]
    assert [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()] == [
        "Teachers (n = 24)", "Principals (n not shown)", "Coaches (n not shown)", "Counselors (n = 16)",
        "Librarians (n = 12)"]
    assert _row_texts(chart, 1) == [GAP] and _row_texts(chart, 3) == [GAP]
    assert _row_texts(chart, 0) == ["88%"] and _row_texts(chart, 2) == ["77%"]


def test_top_coded_bar_is_drawn_at_its_bound_and_reads_over_95() -> None:
    chart = bar_chart(_table(ROLE), "Favorable %")
    (librarians,) = [b for b in _bars(chart) if round(b.get_y() + b.get_height() / 2) == 4]
    assert librarians.get_width() == 95
    assert _row_texts(chart, 4) == [">95%"]


# -- stacked shares ---------------------------------------------------------------------------------

@pytest.mark.parametrize("neutral", ["Neutral", None])
def test_stacked_bar_with_one_hidden_segment_or_only_bounds_is_a_whole_gap(neutral: str | None) -> None:
    chart = stacked_share_chart(_table(EVENTS), LIKERT, neutral=neutral)
    rows = sorted({round(b.get_y() + b.get_height() / 2) for b in _bars(chart)})
    assert rows == [0] and len(_bars(chart)) == 5  # Kickoff only, 5 segments
    assert _row_texts(chart, 1) == ["shown only as bounds: see the table"]  # Workshop: no exact answer
    assert _row_texts(chart, 2) == [GAP]  # Coaching: one primary segment; drawing the rest would draw it
    assert _row_texts(chart, 3) == ["hidden to protect privacy"]  # Site visit: everyone agreed
    assert not any("19%" in t or "38%" in t for t in _texts(chart) + [chart.alt_text])
    labels = [t.get_text().replace("\n", " ") for t in chart.figure.axes[0].get_yticklabels()]
    assert labels == ["Kickoff (n = 24)", "Workshop (n = 30)", "Coaching (n = 16)",
                      "Site visit (n not shown)"]


def test_withheld_answers_side_by_side_are_one_hatched_block_as_wide_as_the_shown_ones_leave() -> None:
    """Issue [3/9] review: "<7%" segments drawn at a width each (what the shown ones left, shared out) were
    slivers that gave back the coded values (0). Now the coded and hidden answers next to one another are
    one block, whose width a reader can work out from the table anyway; exact answers keep their width."""
    rows = [("Item", c, "share", v, t, st, 150) for c, v, t, st in (
        ("Strongly disagree", 0.0, "<7%", "bottom_coded"), ("Disagree", 1.0, "<7%", "bottom_coded"),
        ("Neutral", 11.0, "not shown", "complementary"), ("Agree", 50.0, "50%", "shown"),
        ("Strongly agree", 38.0, "38%", "shown"))]
    chart = stacked_share_chart(_table(rows), LIKERT, neutral="Neutral")
    bars = _bars(chart)
    assert [round(b.get_width(), 6) for b in bars] == [12.0, 50.0, 30.0 + 8.0]
    assert [bool(b.get_hatch()) for b in bars] == [True, False, False]
    assert bars[0].get_x() == 0                      # no diverging layout: the block has no known split
    assert "Not shown (privacy)" in [t.get_text() for t in chart.figure.legends[0].get_texts()]
    assert not any(_mentions(t, 11.0) or _mentions(t, 1.0) for t in _texts(chart))


def test_diverging_bar_centres_neutral_on_zero_with_colour_blind_safe_colours() -> None:
    chart = stacked_share_chart(_table(EVENTS), LIKERT, neutral="Neutral")
    sd, d, neutral, a, sa = [b for b in _bars(chart) if round(b.get_y() + b.get_height() / 2) == 0]
    assert neutral.get_x() == pytest.approx(-neutral.get_width() / 2)
    assert sd.get_x() + sd.get_width() == pytest.approx(d.get_x())  # negative categories left of neutral
    assert d.get_x() + d.get_width() == pytest.approx(neutral.get_x()) and neutral.get_x() < 0
    assert a.get_x() == pytest.approx(neutral.get_width() / 2) and sa.get_x() > a.get_x() > 0
    # ColorBrewer RdBu (5 classes), with a grey neutral that stays visible on white paper
    assert [b.get_facecolor()[:3] for b in (sd, d, neutral, a, sa)] == [
        pytest.approx(tuple(int(h[i:i + 2], 16) / 255 for i in (1, 3, 5)))
        for h in ("#ca0020", "#f4a582", "#d9d9d9", "#92c5de", "#0571b0")]
    assert [t.get_text() for t in chart.figure.legends[0].get_texts()] == LIKERT


# -- dumbbell and line ------------------------------------------------------------------------------

def test_dumbbell_draws_no_point_for_a_row_with_a_hidden_wave() -> None:
    chart = dumbbell_chart(_table(PREPOST), limits=(1, 5))
    ax = chart.figure.axes[0]
    points = sorted((float(line.get_xdata()[0]), float(line.get_ydata()[0])) for line in ax.lines)
    assert points == [(2.9, 0), (3.1, 1), (3.4, 1), (3.6, 0)]  # Scale D's published pre is not drawn alone
    arrows = [t for t in ax.texts if isinstance(t, Annotation)]
    assert sorted(a.xy[1] for a in arrows) == [0, 1]
    assert [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()] == [
        "Scale A (n = 24)", "Scale B (n = 31)", "Scale C (n not shown)", "Scale D (n not shown)"]
    assert _row_texts(chart, 2) == [GAP] and _row_texts(chart, 3) == [GAP]
    assert sorted(_row_texts(chart, 0)) == ["2.9", "3.6"]
    assert [t.get_text() for t in chart.figure.legends[0].get_texts()] == ["Pre mean", "Post mean"]


def test_line_chart_breaks_at_a_hidden_event_without_a_placeholder() -> None:
    chart = line_chart(_table(NPS), "NPS", limits=(-100, 100))
    ax = chart.figure.axes[0]
    pieces = [line for line in ax.lines if line.get_marker() == "o"]
    assert [list(p.get_xdata()) for p in pieces] == [[0, 1], [3, 4]]
    assert all(not math.isnan(y) for p in pieces for y in p.get_ydata())
    gap = [t for t in ax.texts if t.get_text() == GAP]
    assert len(gap) == 1 and gap[0].get_position()[0] == 2 and gap[0].get_rotation() == 90
    assert [t.get_text() for t in ax.get_xticklabels()][2] == "Coaching\n(n not shown)"
    assert sorted(t.get_text() for t in ax.texts if t is not gap[0]) == sorted(["35", "42", "18", "-5"])
    assert not any(isinstance(x, Line2D) and 2 in list(x.get_xdata()) for x in pieces)


def test_line_chart_of_two_groups_has_a_legend_a_marker_and_a_gap_in_both_lines() -> None:
    chart = line_chart(_table(TREND), ["Cadre %", "Comparison %"], marker=(2.5, "cadre begins"), noun="students")
    ax = chart.figure.axes[0]
    lines = [line for line in ax.lines if line.get_marker() == "o"]
    assert sorted(list(x.get_xdata()) for x in lines) == [[0], [0], [2], [2]]  # 2023 breaks both lines
    assert [t.get_text() for t in chart.figure.legends[0].get_texts()] == ["Cadre %", "Comparison %"]
    assert any(list(x.get_xdata()) == [2.5, 2.5] and x.get_linestyle() == "--" for x in ax.lines)
    texts = [t.get_text() for t in ax.texts]
    assert "fewer than 10 students" in texts and "cadre begins " in texts
    assert sorted(t for t in texts if t.endswith("%")) == ["47%", "58%"]  # each line labelled at its last point
    assert "2023 (fewer than 10 students)" in chart.alt_text
    assert "2024 (n = 400) Cadre % 58%, Comparison % 47%" in chart.alt_text


# -- alt text ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, opening, shown, hidden", [
    ("bar", "Horizontal bar chart",
     ["Teachers (n = 24) 88%", "Coaches (n not shown) 77%", "Librarians (n = 12) >95%"],
     ["Principals (fewer than 10 responses)", "Counselors (fewer than 10 responses)"]),
    ("stacked", "Diverging stacked bar chart",
     ["Kickoff (n = 24) Strongly disagree 4%"],
     ["Workshop (shown only as bounds: see the table)", "Coaching (fewer than 10 responses)",
      "Site visit (hidden to protect privacy)"]),
    ("dumbbell", "Dumbbell chart", ["Scale A (n = 24) from 2.9 to 3.6", "Scale B (n = 31) from 3.4 to 3.1"],
     ["Scale C (fewer than 10 responses)", "Scale D (fewer than 10 responses)"]),
    ("line", "Line chart", ["Kickoff (n = 24) 35", "Wrap-up (n = 15) -5"],
     ["Coaching (fewer than 10 responses)"]),
])
def test_alt_text_names_chart_rows_hidden_rows_and_values(name: str, opening: str, shown: list[str],
                                                          hidden: list[str]) -> None:
    alt = _build(name).alt_text
    assert alt.startswith(opening)
    assert all(s in alt for s in shown)
    first, _, second = alt.partition(" Not shown, to protect privacy: ")
    assert all(h in second for h in hidden) and not any(h in first for h in hidden)
    assert len(re.findall(r"\.(?:\s|$)", alt)) == 2  # two sentences


def test_alt_text_without_hidden_rows_is_one_sentence() -> None:
    chart = bar_chart(_table(ROLE), "Favorable %", rows=["Teachers", "Librarians"])
    assert chart.alt_text.endswith("2 rows: Teachers (n = 24) 88%; Librarians (n = 12) >95%.")
    assert chart.rows_hidden == ()


# -- accessibility ----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_readable_at_print_size(name: str) -> None:
    chart = _build(name)
    assert chart.figure.get_figwidth() == 6.5
    sizes = [t.get_fontsize() for t in chart.figure.findobj(Text) if t.get_visible() and t.get_text()]
    assert min(sizes) >= 8
    assert {t.get_fontname() for t in chart.figure.findobj(Text) if t.get_text()} == {"Lato"}


# -- input checks -----------------------------------------------------------------------------------

@pytest.mark.parametrize("func, args", [(bar_chart, ("n",)), (stacked_share_chart, (LIKERT,)),
                                        (dumbbell_chart, ()), (line_chart, ("NPS",))])
def test_only_protected_tables_are_accepted(func, args) -> None:
    frame = pd.DataFrame(ROLE, columns=COLUMNS)
    with pytest.raises(TypeError, match="accepts only an evalkit.disclose.ProtectedTable"):
        func(frame, *args)
    with pytest.raises(TypeError, match="made only by evalkit.disclose"):
        ProtectedTable("t", "x", frame, frame)


def test_bad_arguments_name_the_argument_and_the_value() -> None:
    with pytest.raises(ValueError, match=r"bar_chart\(\): column must name columns .* got 'Mean'"):
        bar_chart(_table(ROLE), "Mean")
    with pytest.raises(ValueError, match="neutral must be one of categories"):
        stacked_share_chart(_table(EVENTS), LIKERT, neutral="Unsure")
    with pytest.raises(ValueError, match="at least 2 distinct columns"):
        stacked_share_chart(_table(EVENTS), "Agree")
    with pytest.raises(ValueError, match="rows must name rows of the table"):
        bar_chart(_table(ROLE), "Favorable %", rows=["Nurses"])
    odd = [r if r[0] != "Teachers" else (*r[:5], "suppressed", r[6]) for r in ROLE]
    with pytest.raises(ValueError, match="cell status must be one of"):
        bar_chart(_table(odd), "Favorable %")


# -- files ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_save_chart_writes_reproducible_png_and_svg_without_dates(name: str, tmp_path) -> None:
    chart = _build(name)
    out = save_chart(chart, tmp_path, f"{name}_chart")
    assert set(out) == {"png", "svg", "alt"} and out["alt"] == chart.alt_text
    png, svg = out["png"].read_bytes(), out["svg"].read_text(encoding="utf-8")
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and b"Software" not in png and b"atplotlib" not in png
    with Image.open(out["png"]) as image:
        assert image.size[0] == round(6.5 * 150)
        assert image.info.get("Description") == chart.alt_text
    assert "<dc:date>" not in svg and "<dc:creator>" not in svg and "Matplotlib v" not in svg
    # atomically: no temporary file is left behind
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{name}_chart.png", f"{name}_chart.svg"]
    again = save_chart(_build(name), tmp_path / "again", f"{name}_chart")  # a fresh figure, byte for byte
    assert again["png"].read_bytes() == png and again["svg"].read_text(encoding="utf-8") == svg


def test_save_chart_refuses_paths_as_names(tmp_path) -> None:
    chart = _build("bar")
    with pytest.raises(ValueError, match="plain file stem"):
        save_chart(chart, tmp_path, "../outside")
    with pytest.raises(TypeError, match="must be a Chart"):
        save_chart(chart.figure, tmp_path, "x")


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_a_table_with_every_row_hidden_draws_only_gaps(name: str, tmp_path) -> None:
    def all_hidden(records: list[tuple]) -> ProtectedTable:
        return _table([(*r[:4], "fewer than 10", "primary", r[6]) for r in records])

    chart = BUILDERS[name](all_hidden)
    ax = chart.figure.axes[0]
    assert _bars(chart) == [] and [line for line in ax.lines if line.get_marker() == "o"] == []
    assert chart.rows_shown == () and "no row can be shown" in chart.alt_text
    expected = {"fewer than 10 students", "cadre begins "} if name == "trend" else {GAP}
    assert {t.get_text() for t in ax.texts if t.get_text()} == expected
    assert name != "trend" or not chart.figure.legends  # no line drawn, no legend to explain one
    assert all("n not shown" in t.get_text() for t in ax.get_yticklabels() + ax.get_xticklabels()
               if "(" in t.get_text())
    assert save_chart(chart, tmp_path, name)["png"].exists()


def _rates_table():
    """Attendance rates by group and event from the disclose stage itself (one group below n_min)."""
    import pandas as pd

    from evalkit.disclose import Bundle, DisclosurePolicy

    frame = pd.DataFrame({"Group": ["Teachers", "Principals", "Coaches", "All"], "n": [24, 12, 4, 40],
                          "E1": [87.5, 66.7, 75.0, 80.0], "E2": [100.0, 83.3, 50.0, 90.0]})
    b = Bundle(DisclosurePolicy(), release_id="t")
    b.statistics("rates", frame, group="Group", n="n", columns={}, shares=["E1", "E2"], total_row="All",
                 title="Attendance rate")
    return b.protect().tables["rates"]


def test_heatmap_never_colours_or_labels_a_hidden_cell(tmp_path):
    from evalkit.report.charts import heatmap_chart, save_chart

    table = _rates_table()
    chart = heatmap_chart(table, ["E1", "E2"])
    chart.figure.canvas.draw()
    from matplotlib.text import Text

    texts = [t.get_text() for t in chart.figure.findobj(Text)]
    joined = " ".join(texts) + " " + chart.alt_text
    for hidden in ("75%", "50%", "(n = 4)", "(n = 12)", "67%", "83%"):   # coaches, and principals beside them
        assert not re.search(r"(?<![<>\d])" + re.escape(hidden), joined), hidden  # ">75%" is a bound, not a value
    # the teachers' 87.5% and 100% of 24 each leave fewer than 10 on one side: shown as the bound ">58%"
    assert "hidden" in joined and ">58%" in joined and "88%" not in joined
    assert "Coaches (n = fewer than 10)" not in joined
    saved = save_chart(chart, tmp_path, "rates")
    assert saved["png"].exists() and "hidden to protect privacy" in saved["alt"]


def test_logic_model_chart_reads_program_facts(tmp_path):
    import pandas as pd

    from evalkit.disclose.protected import passthrough
    from evalkit.report.charts import logic_model_chart

    table = passthrough("lm", "Logic model", pd.DataFrame({"Component": ["Inputs", "Activities", "Outcomes"],
                                                           "What it holds": ["Coaches; Funding", "Sessions",
                                                                             "Stronger teaching"]}))
    chart = logic_model_chart(table)
    assert chart.kind == "diagram" and "Inputs: Coaches; Funding" in chart.alt_text
    with pytest.raises(TypeError):
        logic_model_chart(pd.DataFrame())


def test_end_labels_are_pushed_apart_and_stay_centred_on_their_values() -> None:
    from evalkit.report.charts import _spread

    ys = _spread([19.0, 18.0], 7.0)
    assert ys[0] - ys[1] == pytest.approx(7.0) and sum(ys) / 2 == pytest.approx(18.5)
    assert _spread([10.0, 50.0, 90.0], 7.0) == [10.0, 50.0, 90.0]  # far apart: left where they are


# -- intervals, both groups' n, labels clear of a marker (issue [3/9]) ------------------------------------------

def _whiskers(chart: Chart) -> list[tuple[float, float]]:
    """The x (or y) extent of every whisker line drawn by errorbar, as (low, high)."""
    from matplotlib.collections import LineCollection

    out = []
    for coll in chart.figure.axes[0].collections:
        if isinstance(coll, LineCollection):
            for seg in coll.get_segments():
                (x0, y0), (x1, y1) = seg[0], seg[-1]
                out.append((min(x0, x1), max(x0, x1)) if abs(x1 - x0) > abs(y1 - y0) else (min(y0, y1), max(y0, y1)))
    return out


def test_dumbbell_whiskers_are_each_waves_t_interval_from_published_sd_and_n() -> None:
    from scipy import stats

    rows = [("Leadership: after vs before", c, k, v, t, "shown", 26) for c, k, v, t in (
        ("Matched n", "count", 26, "26"), ("Earlier mean", "statistic", 2.80, "2.80"),
        ("Earlier SD", "statistic", 0.69, "0.69"), ("Later mean", "statistic", 3.15, "3.15"),
        ("Later SD", "statistic", 0.87, "0.87"))]
    chart = dumbbell_chart(_table(rows), "Earlier mean", "Later mean", spread=("Earlier SD", "Later SD"),
                           n="Matched n", limits=(1, 5))
    # independent computation: mean +- t(0.975, 25) SD / sqrt(26)
    half = stats.t.ppf(0.975, 25) / math.sqrt(26)
    expected = sorted([(2.80 - half * 0.69, 2.80 + half * 0.69), (3.15 - half * 0.87, 3.15 + half * 0.87)])
    got = sorted(w for w in _whiskers(chart) if w[1] - w[0] > 0.2)
    assert [v for w in got for v in w] == pytest.approx([v for w in expected for v in w], rel=1e-6)
    assert "95% confidence interval" in chart.alt_text


def test_dumbbell_draws_no_whisker_from_a_withheld_figure_and_none_when_asked() -> None:
    rows = [("Scale", "Matched n", "count", 26, "26", "shown", 26),
            ("Scale", "Earlier mean", "statistic", 2.8, "2.80", "shown", 26),
            ("Scale", "Earlier SD", "statistic", 0.7, "not shown", "complementary", 26),
            ("Scale", "Later mean", "statistic", 3.1, "3.10", "shown", 26),
            ("Scale", "Later SD", "statistic", 0.8, "0.80", "shown", 26)]
    chart = dumbbell_chart(_table(rows), "Earlier mean", "Later mean", spread=("Earlier SD", "Later SD"),
                           n="Matched n")
    assert len([w for w in _whiskers(chart) if w[1] - w[0] > 0.05]) == 1      # the later wave's only
    plain = dumbbell_chart(_table(rows), "Earlier mean", "Later mean", spread=("Earlier SD", "Later SD"),
                           n="Matched n", whiskers=False)
    assert not [w for w in _whiskers(plain) if w[1] - w[0] > 0.05]


def test_dumbbell_share_whiskers_are_wilson_intervals() -> None:
    from statsmodels.stats.proportion import proportion_confint

    rows = [("Climate", "Pre n", "count", 188, "188", "shown", 188),
            ("Climate", "Pre %", "share", 40.0, "40%", "shown", 188),
            ("Climate", "Post n", "count", 227, "227", "shown", 227),
            ("Climate", "Post %", "share", 44.0, "44%", "shown", 227)]
    chart = dumbbell_chart(_table(rows), "Pre %", "Post %", waves=[("Pre n", "before"), ("Post n", "after")])
    expected = sorted(tuple(100 * v for v in proportion_confint(round(p * n / 100), n, method="wilson"))
                      for p, n in ((40.0, 188), (44.0, 227)))
    got = sorted(w for w in _whiskers(chart) if w[1] - w[0] > 1)
    assert [v for w in got for v in w] == pytest.approx([v for w in expected for v in w], rel=1e-9)


def test_line_chart_whiskers_both_groups_n_and_end_labels_beyond_the_marker() -> None:
    years = ["2022", "2023", "2024"]
    rows = []
    for i, y in enumerate(years):
        rows += [(y, "Cadre %", "share", 50.0 + i, f"{50 + i}%", "shown", 2001),
                 (y, "n", "count", 2001, "2,001", "shown", 2001),
                 (y, "Comparison %", "share", 45.0, "45%", "shown", 43222),
                 (y, "Comparison n", "count", 43222, "43,222", "shown", 43222)]
    chart = line_chart(_table(rows), ["Cadre %", "Comparison %"], marker=(2.5, "cadre begins"),
                       waves=[("n", "cadre schools"), ("Comparison n", "comparison schools")], noun="students")
    ax = chart.figure.axes[0]
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks[0] == "2022\n2,001\n43,222" and "cadre schools, then comparison schools" in ax.get_xlabel()
    ends = [t for t in ax.texts if t.get_text() in ("52%", "45%")]
    assert len(ends) == 2 and all(t.get_position()[0] > 2.5 for t in ends)   # right of the dashed line
    # a marker far enough right (the program began after the last year shown): labels stay before it
    later = line_chart(_table(rows), ["Cadre %", "Comparison %"], marker=(2.85, "cadre begins"),
                       waves=[("n", "cadre schools"), ("Comparison n", "comparison schools")], noun="students")
    ends = [t for t in later.figure.axes[0].texts if t.get_text() in ("52%", "45%")]
    assert len(ends) == 2 and all(2 < t.get_position()[0] < 2.85 for t in ends)
    label = next(t for t in later.figure.axes[0].texts if "cadre begins" in t.get_text())
    assert label.get_text().endswith(" ") and label.get_ha() == "right"   # never touching the dashed line

    nps = [("E1", "NPS", "statistic", 20.0, "+20", "shown", 30), ("E1", "n", "count", 30, "30", "shown", 30),
           ("E1", "CI low", "statistic", -5.0, "-5", "shown", 30), ("E1", "CI high", "statistic", 45.0, "+45", "shown", 30),
           ("E2", "NPS", "statistic", 10.0, "+10", "shown", 30), ("E2", "n", "count", 30, "30", "shown", 30),
           ("E2", "CI low", "statistic", -20.0, "not shown", "complementary", 30),
           ("E2", "CI high", "statistic", 40.0, "+40", "shown", 30)]
    chart = line_chart(_table(nps), "NPS", interval=("CI low", "CI high"), limits=(-100, 100))
    assert [w for w in _whiskers(chart) if w[1] - w[0] > 1] == [(-5.0, 45.0)]   # E2's low limit is withheld


def test_a_bar_of_people_is_not_labelled_with_its_own_n_twice() -> None:
    rows = [("E1", "Attendees", "count", 31, "31", "shown", 31), ("E2", "Attendees", "count", 7, "fewer than 10",
                                                                  "primary", 7)]
    chart = bar_chart(_table(rows), "Attendees")
    assert [t.get_text() for t in chart.figure.axes[0].get_yticklabels()] == ["E1", "E2"]
    assert _row_texts(chart, 0) == ["31"] and _row_texts(chart, 1) == [GAP]
