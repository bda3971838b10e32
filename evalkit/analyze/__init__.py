"""Analyze stage: scale scores, reliability, effect sizes with CIs, WWC conventions and pre/post designs.

Every statistic is one public function with its formula and source in the docstring (see
``docs/statistics.md``); names load on first use, so ``import evalkit.analyze`` stays cheap.
"""

from __future__ import annotations

from evalkit._lazy import lazy_getattr

_HOME = {
    "AttritionResult": "wwc_rules",
    "ClusterCorrectedT": "wwc_rules",
    "adjusted_g": "wwc",
    "attrition": "wwc_rules",
    "baseline_equivalence": "wwc_rules",
    "cluster_corrected_t": "wwc_rules",
    "cox_index": "wwc",
    "did_g": "wwc",
    "improvement_index": "wwc",
    "wwc_g": "wwc",
    "cles": "nonparametric",
    "cohens_d": "effect_sizes",
    "cohens_d_from_stats": "effect_sizes",
    "convert_d": "conversions",
    "d_from_r": "conversions",
    "d_from_t": "conversions",
    "glass_delta": "effect_sizes",
    "hedges_g": "effect_sizes",
    "hedges_g_from_stats": "effect_sizes",
    "noncentral_t_ci": "effect_sizes",
    "paired_d": "effect_sizes",
    "paired_d_from_stats": "effect_sizes",
    "rank_biserial": "nonparametric",
    "ScaleScores": "scales",
    "reverse_items": "scales",
    "score_scales": "scales",
    "percent_favorable": "scales",
    "favorable_change": "scales",
    "net_promoter_score": "scales",
    "cronbach_alpha": "reliability",
    "mcdonald_omega": "reliability",
    "reliability_table": "reliability",
    "benjamini_hochberg": "multiplicity",
    "prepost_table": "prepost",
    "PRIMARY_PAIRED": "prepost",
    "Estimate": "_result",
    "Interval": "_result",
}

__all__ = sorted(_HOME)

__getattr__ = lazy_getattr(__name__, _HOME, globals())


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
