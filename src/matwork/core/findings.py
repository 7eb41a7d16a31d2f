"""Findings of a self-assessment: each rule, its source, its level and the emphases it asks for.

``assess(results, norms)`` is pure: results and norms in, an ``Assessment`` out. The
``Assessment`` is also the JSON shape of ``matwork assess ... --json``: ``results``,
``ratios``, ``findings`` (with stable ids), ``emphases``, ``missing`` and ``notice``.
A missing test gives no finding and appears in ``missing``. The endurance findings
(ratios, extensor, plank) are here; the ceiling, length and control findings are in
``findings_length``. Titles, texts and the notice are in the language in use when
``assess`` runs; ids, levels and numbers are the same in every language.
"""

from __future__ import annotations

import msgspec

from matwork.core.assessment_model import (
    AssessmentResults,
    AssessmentTest,
    Emphasis,
    Sex,
    missing_tests,
    sided_emphasis,
)
from matwork.core.assessment_norms import Norms, RatioRule
from matwork.core.assessment_ratios import RatioId, RatioResult, compute_ratios, exact
from matwork.core.finding_model import (
    Finding,
    Level,
    ceiling_words,
    healthy_young,
    seconds_text,
)
from matwork.core.findings_length import (
    CEILING_RULE,
    aslr_findings,
    ceiling_findings,
    fingertip_findings,
    thomas_findings,
)
from matwork.core.kinds import Side
from matwork.i18n import LazyString, _, lazy_

__all__ = ["CEILING_RULE", "NOTICE", "Assessment", "Finding", "Level", "assess", "notice_text"]

NOTICE: LazyString = lazy_(
    "matwork informs; it does not diagnose. These findings compare your numbers with "
    "published groups and training targets. They do not say whether you have, or will "
    "get, back pain. If something hurts or worries you, see a doctor or physiotherapist."
)
"""Shown with every assessment (translated when it is used: ``notice_text()``)."""


def notice_text() -> str:
    """The notice in the language in use now."""
    return str(NOTICE)


class Assessment(msgspec.Struct, kw_only=True, frozen=True):
    """A whole assessment: results, ratios, findings and emphases (the JSON shape)."""

    format: int = 1
    results: AssessmentResults
    ratios: dict[RatioId, RatioResult]
    findings: list[Finding]
    emphases: list[Emphasis]
    missing: list[AssessmentTest]
    notice: str = msgspec.field(default_factory=notice_text)
    """The notice in the language in use when the assessment was made."""


def assess(results: AssessmentResults, norms: Norms) -> Assessment:
    """Ratios and findings for one set of results."""
    measured = results.results
    ratios = compute_ratios(measured, norms, results.sex, frozenset(results.at_ceiling))
    findings = [
        *_ratio_findings(ratios, norms, results.sex),
        *_extensor_findings(results, norms),
        *_plank_findings(results, norms),
        *ceiling_findings(results),
        *thomas_findings(results, norms),
        *fingertip_findings(results, norms),
        *aslr_findings(results, norms),
    ]
    wanted = {emphasis for finding in findings for emphasis in finding.emphases}
    return Assessment(
        results=results,
        ratios=ratios,
        findings=findings,
        emphases=[emphasis for emphasis in Emphasis if emphasis in wanted],
        missing=missing_tests(measured),
    )


def _reference_words(rule: RatioRule, norms: Norms, sex: Sex | None) -> str:
    if rule.norm is None:
        return ""
    who = norms.sources[rule.norm.source]
    label = f"{who.authors.split()[0]} {who.year}"
    if sex is not None:
        words = _("{who} in {source}: {ratio}.")
        return " " + words.format(
            who=healthy_young(sex), source=label, ratio=f"{rule.norm.for_sex(sex):.2f}"
        )
    words = _("Healthy young men in {source}: {men}, women: {women}.")
    return " " + words.format(
        source=label, men=f"{rule.norm.male:.2f}", women=f"{rule.norm.female:.2f}"
    )


def _ratio_findings(
    ratios: dict[RatioId, RatioResult], norms: Norms, sex: Sex | None
) -> list[Finding]:
    rules = {
        RatioId.FLEXION_EXTENSION: norms.ratio.flexion_extension,
        RatioId.SIDE_LEFT_RIGHT: norms.ratio.side_left_right,
        RatioId.SIDE_EXTENSION: norms.ratio.side_extension,
    }
    found = []
    for ratio_id, rule in rules.items():
        ratio = ratios[ratio_id]
        if ratio.goal_met is None:
            continue
        shown = f"{ratio.value:.2f}" if ratio.value is not None else _("unbounded")
        verdict = _("met") if ratio.goal_met else _("not met")
        assert ratio.numerator_seconds is not None
        assert ratio.denominator_seconds is not None
        text = _("{numerator} / {denominator} = {ratio}; goal {goal}: {verdict}.").format(
            numerator=seconds_text(ratio.numerator_seconds),
            denominator=seconds_text(ratio.denominator_seconds),
            ratio=shown,
            goal=ratio.goal,
            verdict=verdict,
        )
        text += _reference_words(rule, norms, sex)
        if ratio.note:
            text += " " + ratio.note
        emphases: list[Emphasis] = []
        if not ratio.goal_met:
            if ratio_id is RatioId.SIDE_LEFT_RIGHT:
                left_shorter = ratio.numerator_seconds < ratio.denominator_seconds
                shorter = Side.LEFT if left_shorter else Side.RIGHT
                emphases = [sided_emphasis(rule.emphasis, shorter)]
                text += " " + (
                    _("The left side is the shorter one.")
                    if left_shorter
                    else _("The right side is the shorter one.")
                )
            else:
                emphases = [Emphasis(rule.emphasis)]
        found.append(
            Finding(
                id="ratio-" + ratio_id.value.replace("_", "-"),
                level=Level.OK if ratio.goal_met else Level.NOTE,
                title=_("Ratio {name}").format(name=rule.name),
                text=text,
                rule=rule.rule,
                source=norms.cite(rule.source),
                means=rule.means,
                does_not_mean=rule.does_not_mean,
                emphases=emphases,
            )
        )
    return found


def _extensor_verdict(results: AssessmentResults, norms: Norms, held: float) -> tuple[Level, str]:
    """The band a man's hold falls in; for a woman, that there is none; else, what to add."""
    band = norms.band.extensor_hold
    if results.sex == "female":
        return Level.OK, band.female_text
    if results.sex != "male":
        return Level.OK, _(
            'The bands apply to men only; add sex = "male" or "female" to the results to compare.'
        )
    low, high = f"{band.higher_risk_below:g}", f"{band.lower_risk_above:g}"
    if exact(held) < exact(band.higher_risk_below):
        words = _("below {low} s: the group with a higher risk.")
        return Level.ATTENTION, words.format(low=low)
    if exact(held) > exact(band.lower_risk_above):
        return Level.OK, _("above {high} s: the group with a lower risk.").format(high=high)
    words = _("between {low} and {high} s: neither the higher- nor the lower-risk group.")
    return Level.OK, words.format(low=low, high=high)


def _extensor_findings(results: AssessmentResults, norms: Norms) -> list[Finding]:
    held = results.results.extensor_hold
    if held is None:
        return []
    band = norms.band.extensor_hold
    reference = norms.reference.extensor_hold
    level, verdict = _extensor_verdict(results, norms, held)
    emphases = [Emphasis.EXTENSOR_ENDURANCE] if level is Level.ATTENTION else []
    text = _("Extensor hold {held}. {verdict}").format(held=seconds_text(held), verdict=verdict)
    means = {"male": reference.male_mean, "female": reference.female_mean}
    spreads = {"male": reference.male_sd, "female": reference.female_sd}
    if results.sex is not None:
        words = _("{who} in McGill 1999 held {mean} ± {sd} s on average.")
        text += " " + words.format(
            who=healthy_young(results.sex),
            mean=f"{means[results.sex]:g}",
            sd=f"{spreads[results.sex]:g}",
        )
    if "extensor-hold" in results.at_ceiling:
        text += " " + ceiling_words(held)
    if results.extensor_setup == "heels-hooked":
        text += " " + _(
            "Held with hooked heels: the published times used straps, so yours may differ."
        )
    return [
        Finding(
            id="extensor-band",
            level=level,
            title=_("Back extensor endurance (Biering-Sørensen)"),
            text=text,
            rule=band.rule,
            source=norms.cite(band.source),
            means=band.means,
            does_not_mean=band.does_not_mean,
            emphases=emphases,
        )
    ]


def _plank_findings(results: AssessmentResults, norms: Norms) -> list[Finding]:
    held = results.results.prone_plank
    if held is None:
        return []
    reference = norms.reference.prone_plank
    short = exact(held) < exact(reference.low_below)
    low = f"{reference.low_below:g}"
    verdict = (_("shorter than {low} s") if short else _("at least {low} s")).format(low=low)
    words = _(
        "Prone plank {held}: {verdict}. The reference group held {mean} ± {sd} s; {low} s is {how}."
    )
    text = words.format(
        held=seconds_text(held),
        verdict=verdict,
        mean=f"{reference.mean:g}",
        sd=f"{reference.sd:g}",
        low=low,
        how=reference.low_below_how,
    )
    if "prone-plank" in results.at_ceiling:
        text += " " + ceiling_words(held)
    return [
        Finding(
            id="prone-plank",
            level=Level.NOTE if short else Level.OK,
            title=_("Trunk flexor endurance (prone plank)"),
            text=text,
            rule=reference.rule,
            source=norms.cite(reference.source),
            means=reference.means,
            does_not_mean=reference.does_not_mean,
            emphases=[Emphasis(reference.emphasis)] if short else [],
        )
    ]
