"""Appendix tables that describe methods and instruments, not people: pass-through tables.

The formulas and sources here are the ones :mod:`evalkit.analyze` documents (``docs/statistics.md``);
the software versions are read from the running environment, so the appendix says what really made
the numbers.
"""

from __future__ import annotations

import platform
from collections.abc import Iterable, Mapping, Sequence
from importlib.metadata import PackageNotFoundError, version

import pandas as pd

from evalkit.config import ProjectConfig
from evalkit.disclose import ProtectedTable
from evalkit.disclose.protected import passthrough

__all__ = ["evaluation_questions", "methods", "software", "instruments", "glossary", "disclosure_log",
           "GUSKEY_QUESTIONS", "REFERENCE_PHRASES"]

#: The evaluation question of each Guskey level (Guskey 2000), as the report asks it.
GUSKEY_QUESTIONS: Mapping[int, str] = {
    1: "Did participants find the program's sessions useful, relevant and well run?",
    2: "Did participants gain the intended knowledge and skills?",
    3: "Did their schools support and change with the work (as their staff see it)?",
    4: "Do participants use what they learned in their practice?",
    5: "Did student outcomes improve in participating schools?",
}

_METHODS = [
    ("Scale score", "mean of the answered items after reversing negatively worded ones as (min + max) - x; "
     "missing unless at least 75% of the items (rounded up) are answered", "the project's codebook"),
    ("Percent favorable", "favorable answers / substantive answers x 100 (N/A and Don't know left out)",
     "Panorama and CALSCHLS reporting conventions"),
    ("Wilson interval", "(p + z^2/2n +- z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n)", "Wilson (1927); Newcombe (1998)"),
    ("Net Promoter Score", "100 x (promoters - detractors) / n; SE from the +1/0/-1 scores; normal CI",
     "Reichheld (2003); Rocks (2016)"),
    ("Cronbach's alpha", "k/(k-1) x (1 - sum of item variances / variance of the total); Feldt CI from the "
     "F distribution with (n-1) and (n-1)(k-1) df", "Cronbach (1951); Feldt, Woodruff & Salih (1987)"),
    ("McDonald's omega", "(sum of loadings)^2 / ((sum of loadings)^2 + sum of uniquenesses), one-factor model",
     "McDonald (1999)"),
    ("Hedges' g_av (paired)", "(mean post - mean pre) / ((SD pre + SD post)/2) x J, J = 1 - 3/(4 df - 1)",
     "Lakens (2013); Cumming (2012)"),
    ("d_z (paired)", "mean of the changes / SD of the changes", "Cohen (1988); Lakens (2013)"),
    ("Confidence interval of g_av", "noncentral t limits of the paired t, rescaled to the effect-size scale "
     "(Algina & Keselman's method) and multiplied by J, the interval R effectsize and MOTE report for g; d_z's "
     "interval has no J", "Steiger & Fouladi (1997); Algina & Keselman (2003)"),
    ("Paired t test", "t = mean change / (SD change / sqrt(n)), df = n - 1", "Student (1908)"),
    ("Benjamini-Hochberg", "p_(i) x m / i, step-up with running minimum; controls the false discovery rate",
     "Benjamini & Hochberg (1995)"),
    ("Retrospective pre", "\"then\" ratings on the post survey, a wave of their own; response shift = retro-pre - pre",
     "Howard (1980); Pratt, McGuigan & Katzev (2000)"),
    ("Disclosure audit", "min and max of each hidden count over all tables' published figures by linear "
     "programming", "Hundepool et al. (2012); the attack of the R package sdcTable"),
]

#: Added to the methods table when the report has a Level 5 section (school outcomes).
#: The careers section's statistics (the pipeline report).
_CAREER_METHODS = [
    ("Year-to-year status", "stayer, mover, lateral, promoted, demoted, leaver or returner from two consecutive "
     "yearly snapshots and the district's ladder of roles", "the project file's ladder"),
    ("Wilson interval", "(p + z^2/2n +/- z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n)", "Wilson (1927); Newcombe (1998)"),
    ("Standardized difference", "(mean_a - mean_b) / sqrt((s_a^2 + s_b^2) / 2); for a share p: "
     "(p_a - p_b) / sqrt((p_a(1-p_a) + p_b(1-p_b)) / 2)", "Austin (2009)"),
    ("Matched comparison", "nearest non-participant in the same role at the start year, by years since hire, "
     "without replacement, within a caliper", "Rosenbaum (2002); Austin (2011)"),
    ("Kaplan-Meier with late entry", "S(t) = prod over t_i <= t of (1 - d_i / n_i), n_i: entered before t_i and "
     "still at risk", "Kaplan & Meier (1958); Klein & Moeschberger (2003)"),
    ("Cumulative incidence", "F_k(t) = sum over t_i <= t of S(t_i-) d_ki / n_i (Aalen-Johansen)",
     "Kalbfleisch & Prentice (2002)"),
    ("Log-rank test", "(O - E)^2 / V over the event times, hypergeometric variance", "Mantel (1966)"),
    ("Cox model, clustered errors", "partial likelihood (Breslow ties); sandwich H^-1 (sum over schools of U U') "
     "H^-1 from score residuals", "Cox (1972); Lin & Wei (1989)"),
]
#: The state-resources report's statistics: impact, equity, MTSS.
_IMPACT_METHODS = [
    ("Difference in differences", "Y_jt = a_j + l_t + sum_k d_k D_jtk: school and year fixed effects, one impact per "
     "follow-up year; weighted least squares by students tested", "Angrist & Pischke (2009), ch. 5"),
    ("Comparative interrupted time series", "the same plus c T_j t, the program schools' own linear trend from their "
     "pre-years; d_k is the deviation from the projected trend", "Bloom (2003); Somers et al. (2013)"),
    ("School-clustered standard errors", "sandwich over schools with G/(G-1) (N-1)/(N-K); t with G - 1 df",
     "Cameron & Miller (2015)"),
    ("Wild cluster restricted bootstrap", "null imposed; residuals of whole schools flipped by Rademacher weights; "
     "p = share of |t*| >= |t|", "Cameron, Gelbach & Miller (2008); Roodman et al. (2019)"),
    ("Risk ratio", "(a / (a + b)) / (c / (c + d)) against all other children; CI exp(ln RR +- z sqrt(1/a - 1/(a+b) + "
     "1/c - 1/(c+d)))", "34 CFR 300.647; Katz et al. (1978)"),
    ("Gap and relative closure", "gap = group rate - rate of all others; closure = (gap_0 - gap_t) / gap_0",
     "Education Trust; the project's rule"),
    ("Cox index", "omega x (ln(p_i / (1 - p_i)) - ln(p_c / (1 - p_c))) / 1.65, omega = 1 - 3/(4N - 9); WWC "
     "baseline equivalence: |g| <= 0.05 satisfied, <= 0.25 with statistical adjustment, else not satisfied",
     "WWC Handbook 5.0, Appendix E; Sanchez-Meca et al. (2003)"),
]
#: The rows of a report on a program's own surveys before and after (left out of one on state files alone).
_SURVEY_METHODS = frozenset({"Net Promoter Score", "Hedges' g_av (paired)", "Confidence interval of g_av",
                             "Paired t test", "Benjamini-Hochberg", "Scale score", "Cronbach's alpha",
                             "McDonald's omega", "d_z (paired)", "Retrospective pre"})
#: The rows of a report on multi-item scales and pre/post surveys, left out of one that has none.
_SCALE_METHODS = frozenset({"Scale score", "Cronbach's alpha", "McDonald's omega", "d_z (paired)",
                            "Retrospective pre"})
#: The inquiry cycle's and the school assessments' statistics (the principal-network report).
_CYCLE_METHODS = [
    ("Ordered funnel", "per step of the project file's order: principals with a completion date (reached), whose "
     "last dated step it is (stopped), without it but with a later one (skipped)", "the project file's steps"),
    ("Interval of a median", "order statistics x(j) and x(k) with j, k from the Binomial(n, 1/2) quantiles, "
     "P(j <= B < k) >= 0.95; distribution-free", "Conover (1999), section 3.2"),
    ("Shift table", "schools by rubric level at baseline (rows) and end (columns); moved up: above the diagonal; "
     "share moved up with a Wilson interval", "Wilson (1927)"),
]
_OUTCOME_METHODS = [
    ("Students-weighted mean of school results", "sum of n_i x v_i / sum of n_i over the group's schools with a "
     "published result v_i (n_i = students tested); with v_i a school's percent meeting the standard, it is the "
     "percent of all students tested at those schools. State-suppressed results are left out, not imputed",
     "Kish (1965)"),
    ("Difference in differences (descriptive)", "(cadre mean, latest year - cadre mean, last year before the "
     "cadre) - (the same for the comparison schools); no model and no standard error, not an effect estimate",
     "Angrist & Pischke (2009), ch. 5"),
    ("Cox index", "omega x (ln(p_i / (1 - p_i)) - ln(p_c / (1 - p_c))) / 1.65, omega = 1 - 3/(4N - 9); WWC "
     "baseline equivalence: |g| <= 0.05 satisfied, <= 0.25 with statistical adjustment, else not satisfied",
     "WWC Handbook 5.0, Appendix E; Sanchez-Meca et al. (2003)"),
]

_OUTCOME_GLOSSARY = [
    ("Baseline", "Results from before the program began; they describe where the schools started, not the "
     "program's effects."),
    ("Comparison schools", "The schools in the state file outside the program, pooled the same way as the "
     "cadre's schools."),
    ("Difference in differences", "The cadre's change minus the comparison schools' change over the same years; "
     "descriptive unless a model with standard errors and comparable groups backs it."),
    ("ELA", "English language arts: the state's reading and writing assessments."),
    ("WWC, Cox index", "The What Works Clearinghouse, the federal reviewer of education research, compares groups "
     "at baseline on a standardized scale; for percentages it uses the Cox index, and calls a difference up to "
     "0.05 equivalent and up to 0.25 acceptable with statistical adjustment."),
]

_GLOSSARY = [
    ("Cadre", "A group of school teams that go through the program together."),
    ("Guskey levels", "Five levels of evaluating professional development: reactions, learning, organizational "
     "support, use, and student outcomes (Guskey, 2000)."),
    ("Matched respondents", "Participants who answered both the pre and the post survey, linked by a keyed "
     "pseudonym; only they enter before-and-after comparisons."),
    ("Retrospective pre", "On the post survey, participants rate where they think they stood before the program."),
    ("Response shift", "The retrospective-pre rating minus the original pre rating: how much the yardstick moved."),
    ("Effect size (g_av)", "The change in means in units of the average standard deviation; about 0.2 is small, "
     "0.5 medium and 0.8 large by Cohen's rough guide, but context matters more."),
    ("d_z", "A second effect size beside g_av: the mean change in units of the spread of the individual changes; "
     "it says how consistently people changed."),
    ("p (BH)", "The probability of a change at least this large if there were none, adjusted with the "
     "Benjamini-Hochberg method because several scales are tested at once."),
    ("Cronbach's alpha, McDonald's omega", "How consistently the items of a scale measure the same thing; 0.7 or "
     "more is usually taken as adequate."),
    ("95% confidence interval", "The range of values compatible with the data; if it excludes zero, the change "
     "is unlikely to be chance alone."),
    ("Percent favorable", "The share of answers that are Agree or Strongly agree (or the top two options)."),
    ("Net Promoter Score", "The percent who would recommend (9-10) minus the percent who would not (0-6)."),
    ("Repeated cross-sections", "Two surveys of the same population at two times without linking people; they "
     "show change in the group, not in individuals."),
    ("Suppressed figure", "A figure hidden because it would describe too few people or let a hidden figure be "
     "worked out."),
]


def evaluation_questions(levels: Iterable[int], sources: Mapping[int, Sequence[str]]) -> ProtectedTable:
    """The evaluation questions, one per Guskey level the program evaluates, with their data sources."""
    rows = [(f"Level {lv}", GUSKEY_QUESTIONS[lv], "; ".join(sources.get(lv, ())) or "not collected")
            for lv in sorted({int(v) for v in levels}) if lv in GUSKEY_QUESTIONS]
    return passthrough("evaluation_questions", "Evaluation questions by Guskey level",
                       pd.DataFrame(rows, columns=["Level", "Evaluation question", "Data sources"]))


def methods(*, outcomes: bool = False, careers: bool = False, cycles: bool = False, scales: bool = True,
            impact: bool = False, surveys: bool = True) -> ProtectedTable:
    """The statistics of the report with their formulas; ``outcomes`` adds those of the Level 5 section,
    ``careers`` those of a pipeline's careers section, ``cycles`` those of a principal network's inquiry cycle
    and school assessments; ``scales=False`` leaves out those of multi-item scales and pre/post surveys (scale
    scores, reliability, the retrospective pre, d_z) for a report that has none."""
    rows = [r for r in _METHODS if (scales or r[0] not in _SCALE_METHODS)
            and (surveys or r[0] not in _SURVEY_METHODS)] + (_OUTCOME_METHODS if outcomes else []) \
        + (_CAREER_METHODS if careers else []) + (_CYCLE_METHODS if cycles else []) \
        + (_IMPACT_METHODS if impact else [])
    return passthrough("methods", "Statistics used in this report: formula and source",
                       pd.DataFrame(rows, columns=["Statistic", "Formula", "Source"]),
                       note="Each statistic is computed by evalkit's statistics library, which is tested against "
                            "published worked examples or an independent computation; its documentation gives the "
                            "formulas in full.")


def software() -> ProtectedTable:
    rows = [("Python", platform.python_version())]
    for pkg in ("evalkit", "numpy", "pandas", "scipy", "statsmodels", "highspy", "matplotlib", "papermill",
                "nbconvert", "typst", "pyarrow"):
        try:
            rows.append((pkg, version(pkg)))
        except PackageNotFoundError:
            rows.append((pkg, "not installed"))
    return passthrough("software", "Software", pd.DataFrame(rows, columns=["Package", "Version"]))


def instruments(cfg: ProjectConfig, names: Sequence[str]) -> list[ProtectedTable]:
    """One table per instrument: item, wording, answer scale and the scale it belongs to."""
    cb = cfg.codebook
    out = []
    for name in names:
        inst = cb.instruments[name]
        member = {i: sc.label for sc in inst.scales.values() for i in sc.items}
        rows = [(f"Q{k}", it.text, " / ".join(str(v) for v in cb.response_scales[it.scale].codes.values())
                 if len(cb.response_scales[it.scale].codes) <= 5 else
                 f"{min(cb.response_scales[it.scale].codes)}-{max(cb.response_scales[it.scale].codes)}",
                 member.get(item, "") + (" (reversed)" if it.reverse else ""))
                for k, (item, it) in enumerate(inst.items.items(), 1)]
        out.append(passthrough(f"instrument_{name}", f"Instrument: {inst.title or name}",
                               pd.DataFrame(rows, columns=["Item", "Wording", "Answer options", "Scale"])))
    return out


#: Glossary terms that only a report on cadres, or on before-and-after change, uses.
_CADRE_TERMS = frozenset({"Cadre"})
_CHANGE_TERMS = frozenset({"Matched respondents", "Retrospective pre", "Response shift", "Effect size (g_av)",
                           "Repeated cross-sections", "d_z", "p (BH)", "Cronbach's alpha, McDonald's omega"})


#: Terms of a survey report (answers, scales): not used by a report on careers.
_SURVEY_TERMS = frozenset({"Guskey levels", "Percent favorable"})
#: The careers section's terms (the pipeline report).
_CAREER_GLOSSARY = [
    ("Retained", "Still employed in the district a given number of years after the cohort's first year."),
    ("Promoted", "Moved up the district's ladder of roles (as the project file ranks them)."),
    ("Matched comparison", "Staff who did not take part, each matched to a participant in the same role and with "
                           "similar years since hire in the participant's first year."),
    ("Standardized difference", "A difference between the groups in standard deviations; within 0.1 either way is "
                                "usually read as balanced."),
    ("Competing risks", "Leaving the district before a promotion makes that promotion impossible; the cumulative "
                        "incidence counts both, where one minus a Kaplan-Meier curve would overstate promotion."),
    ("Hazard ratio", "How much sooner (above 1) or later (below 1) participants were promoted than the comparison "
                     "group, at any time among those not yet promoted."),
]


#: The state-resources report's terms.
_IMPACT_GLOSSARY = [
    ("Program schools", "Schools in the state's turnaround grant, each from its own first grant year."),
    ("Comparison schools", "Every other school in the state's file: no school was matched to a program school."),
    ("Comparative interrupted time series", "A model that projects the program schools' own trend from the years "
                                            "before the program and measures how far they moved from it, net of "
                                            "the comparison schools' moves from theirs."),
    ("Difference in differences", "The program schools' change from their average before the program, minus the "
                                  "comparison schools' change over the same years."),
    ("Effect size", "An impact on a common scale: for a percentage, the Cox index (a log odds ratio over 1.65); "
                    "about 0.2 is small by the usual reading."),
    ("Baseline equivalence", "How far apart the groups were before the program, in effect-size units; the What "
                             "Works Clearinghouse accepts up to 0.05, up to 0.25 with statistical adjustment."),
    ("Wild cluster bootstrap", "A p value that resamples whole schools, more trustworthy than the usual one when "
                               "few program schools remain."),
    ("Placebo start", "The model run as if the program had begun a year early, on the years before it: it should "
                      "find nothing."),
    ("MTSS", "Multi-tiered systems of support: universal screening and extra support in tiers for the students "
             "who need it."),
    ("p", "The probability of an impact at least this large if the program had none."),
    ("Projected without the program", "Where the program schools' results would have been, by the model, had the "
                                      "program not started."),
    ("Follow-up year", "The first, second, ... year of a school in the program."),
    ("Risk ratio", "A group's rate of identification over the rate of all other children: 1 is the same, 2 twice."),
    ("Alternate risk ratio", "The same with the state's other children as the comparison, when a district has too "
                             "few others."),
    ("Gap", "A subgroup's rate minus the rate of all other students."),
    ("Benchmark", "The screening score at or above which a student is on track without extra support."),
    ("Tier 2, tier 3", "Extra support in small groups (tier 2) or one to one (tier 3) beside core instruction."),
]


#: The principal network's terms: its cycle, phases and rubric.
_CYCLE_GLOSSARY = [
    ("Inquiry cycle", "The network's ordered steps from a problem of practice to sharing results, in the tradition "
                      "of instructional rounds; the project file names the steps and their order."),
    ("Phase", "A stage of the network, as its project file names them; each session and each step of the "
              "cycle belongs to one."),
    ("Problem of practice", "The instructional problem a principal chooses to work on with the school's team."),
    ("Artifact", "What a step of the cycle asks a principal to hand in: a plan, the notes of a round, a summary "
                 "of evidence."),
    ("Interval of a median", "The range of days that holds the median with 95% confidence, read from the sorted "
                             "times themselves (no assumption about their distribution)."),
    ("Rubric level", "A rating of a school's practice in one domain on the network's rubric, from its lowest "
                     "level to its highest."),
    ("Shift table", "Schools counted by their rubric level at the start (rows) and at the end (columns); those "
                    "above the diagonal moved up."),
    ("Effect size (g_av)", "The change in means in units of the average standard deviation; about 0.2 is small, "
     "0.5 medium and 0.8 large by Cohen's rough guide, but context matters more."),
    ("p (BH)", "The probability of a change at least this large if there were none, adjusted with the "
     "Benjamini-Hochberg method because several measures are tested at once."),
]


def glossary(*, outcomes: bool = False, cadres: bool = True, change: bool = True, nps: bool = True,
             careers: bool = False, cycles: bool = False, impact: bool = False, guskey: bool = True) -> ProtectedTable:
    """The terms the report uses: ``cadres``, ``change`` (pre/post) and ``nps`` terms only when it uses them;
    ``careers`` adds the careers terms and leaves out those of surveys."""
    drop = (set() if cadres else set(_CADRE_TERMS)) | (set() if change else set(_CHANGE_TERMS)) \
        | (set() if nps else {"Net Promoter Score"}) | (set(_SURVEY_TERMS) if careers else set()) \
        | (set() if guskey else {"Guskey levels"})
    rows = [r for r in _GLOSSARY if r[0] not in drop] + (_OUTCOME_GLOSSARY if outcomes else []) \
        + (_CAREER_GLOSSARY if careers else []) + (_CYCLE_GLOSSARY if cycles else []) \
        + (_IMPACT_GLOSSARY if impact else [])
    return passthrough("glossary", "Glossary", pd.DataFrame(rows, columns=["Term", "Meaning"]))


def disclosure_log(entries: Sequence[Mapping[str, str]], titles: Mapping[str, str]) -> ProtectedTable:
    """Where figures are hidden or coded and why (never the hidden value), one row per table and rule.

    Each row counts the figures and says where they are: "rows A, B; columns X, Y" when every listed row has
    the same columns, else "A: X, Y; B: Z". The machine-readable log beside the report keeps one entry per
    figure; this table is for a reader, who wants to see which tables lost what, and why.

    >>> t = disclosure_log([{"table": "t", "row": "A", "column": "n", "rule": "primary"},
    ...                     {"table": "t", "row": "B", "column": "n", "rule": "primary"}], {"t": "Roles"})
    >>> t.display.values.tolist()
    [['Roles', 'fewer than the threshold', '2', 'rows A, B; column n']]
    """
    rule = {"primary": "fewer than the threshold", "complementary": "protects another hidden figure",
            "homogeneity": "everyone gave the same answer", "row_gate": "group below the threshold",
            "difference": "change since an earlier release", "top_coded": "large share shown as a bound",
            "bottom_coded": "small share shown as a bound", "small_group": "group too small for any percentage",
            "coded_with": "would give back a coded figure of its row",
            "curve_step": "a step of the curve would give back a small count"}
    groups: dict[tuple[str, str], dict[str, list[str]]] = {}
    for e in entries:
        where = groups.setdefault((titles.get(e["table"], e["table"]), rule.get(e["rule"], e["rule"])), {})
        where.setdefault(str(e["row"]), []).append(str(e["column"]))
    rows = []
    for (table, why), where in groups.items():
        column_sets = {tuple(cols) for cols in where.values()}
        if len(column_sets) == 1:
            cols = next(iter(column_sets))
            place = (f"row{'s' if len(where) > 1 else ''} {', '.join(where)}; "
                     f"column{'s' if len(cols) > 1 else ''} {', '.join(cols)}")
        else:
            place = "; ".join(f"{row}: {', '.join(cols)}" for row, cols in where.items())
        rows.append((table, why, str(sum(len(c) for c in where.values())), place))
    return passthrough("disclosure_log", "Disclosure log: hidden and coded figures, by table and reason",
                       pd.DataFrame(rows, columns=["Table", "Rule", "Figures", "Where"]),
                       note="The machine-readable log kept with the report's files lists each figure on its own.")


#: Exact phrases evalkit prints that carry an author's name. The audit does not count a roster surname
#: inside an exact occurrence of one of them ("Howard (1980)" in the methods table when a participant
#: is called Howard); anywhere else the surname is still a finding.
REFERENCE_PHRASES: frozenset[str] = frozenset(
    {cell for row in (*_METHODS, *_OUTCOME_METHODS, *_CAREER_METHODS, *_GLOSSARY, *_OUTCOME_GLOSSARY,
                      *_CAREER_GLOSSARY, *_CYCLE_METHODS, *_CYCLE_GLOSSARY, *_IMPACT_METHODS, *_IMPACT_GLOSSARY)
     for cell in row}
    | {"Hedges' g_av", "Guskey's five levels", "Guskey\u2019s five levels", "(Guskey, 2000)", "Guskey (2000)",
       "Benjamini-Hochberg", "Wilson interval", "Wilson intervals", "Feldt 95% CI", "Cronbach's alpha",
       "McDonald's omega", "Guskey level", "Guskey levels", "Lin & Wei 1989", "Austin 2009",
       "Wilson 1927", "Conover 1999"})
