"""The findings of the holds at their ceiling and of the length and control tests.

Thomas (hip flexor length, per side), fingertip-to-floor (posterior chain length) and
the active straight-leg raise (lumbopelvic control), each with the asymmetry between
the sides when both were measured; and one finding naming the holds that ran to their
ceiling. ``findings.assess`` gathers them with the endurance findings.
"""

from __future__ import annotations

from matwork.core.assessment_model import (
    AssessmentResults,
    AssessmentTest,
    Emphasis,
    side_value,
    sided_emphasis,
)
from matwork.core.assessment_norms import Norms
from matwork.core.assessment_ratios import exact
from matwork.core.finding_model import Finding, Level, side_word
from matwork.core.kinds import BODY_SIDES, Side
from matwork.i18n import LazyString, _, lazy_

CEILING_RULE: LazyString = lazy_(
    "A hold ends by itself at its ceiling (matwork's protocol, not a norm): the time "
    "shown is then the least the true time can be."
)
"""The rule behind the at-ceiling finding (translated when it is used)."""


def ceiling_findings(results: AssessmentResults) -> list[Finding]:
    """One finding naming the holds that ran to their ceiling, if any did."""
    if not results.at_ceiling:
        return []
    named = ", ".join(results.at_ceiling)
    return [
        Finding(
            id="at-ceiling",
            level=Level.OK,
            title=_("Holds that reached their ceiling"),
            text=_(
                "{holds}: held to the ceiling. Ratios with these holds are bounds, not values."
            ).format(holds=named),
            rule=str(CEILING_RULE),
            source=_("matwork's protocol (data/assessment_tests.toml, protocol_note)"),
            means=_("The hold lasted at least as long as the ceiling."),
            does_not_mean=_("It does not say how much longer the hold could have lasted."),
        )
    ]


def thomas_findings(results: AssessmentResults, norms: Norms) -> list[Finding]:
    """One finding per side measured, and the asymmetry when the sides differ."""
    cutoff = norms.cutoff.thomas
    found = []
    answers: dict[Side, bool] = {}
    for side in BODY_SIDES:
        positive = side_value(results.results, AssessmentTest.THOMAS, side)
        if positive is None:
            continue
        answers[side] = bool(positive)
        if positive:
            text = _("Modified Thomas test, {side}: positive (short hip flexors).")
        else:
            text = _("Modified Thomas test, {side}: negative.")
        found.append(
            Finding(
                id=f"thomas-{side.value}",
                level=Level.NOTE if positive else Level.OK,
                title=_("Hip flexor length, {side}").format(side=side_word(side)),
                text=text.format(side=side_word(side)),
                rule=cutoff.rule,
                source=norms.cite(cutoff.source),
                means=cutoff.means,
                does_not_mean=cutoff.does_not_mean,
                emphases=[sided_emphasis(cutoff.emphasis, side)] if positive else [],
            )
        )
    if len(answers) == 2 and answers[Side.LEFT] != answers[Side.RIGHT]:
        positive_side = Side.LEFT if answers[Side.LEFT] else Side.RIGHT
        found.append(
            Finding(
                id="asymmetry-thomas",
                level=Level.NOTE,
                title=_("Asymmetry: hip flexor length"),
                text=_("The Thomas test is positive on the {side} side only.").format(
                    side=side_word(positive_side)
                ),
                rule=_("Both sides give the same answer."),
                source=norms.cite(cutoff.source),
                means=_("The hip flexors of one side are shorter or stiffer than the other's."),
                does_not_mean=cutoff.does_not_mean,
            )
        )
    return found


def fingertip_findings(results: AssessmentResults, norms: Norms) -> list[Finding]:
    """The fingertip-to-floor distance against its cut-off."""
    distance = results.results.fingertip_floor
    if distance is None:
        return []
    cutoff = norms.cutoff.fingertip_floor
    limited = exact(distance) > exact(cutoff.above)
    if limited:
        text = _("Fingertips {distance} cm from the floor: more than {cutoff} cm.")
    else:
        text = _("Fingertips {distance} cm from the floor: {cutoff} cm or less.")
    return [
        Finding(
            id="fingertip-floor",
            level=Level.NOTE if limited else Level.OK,
            title=_("Posterior chain length (fingertip-to-floor)"),
            text=text.format(distance=f"{distance:g}", cutoff=f"{cutoff.above:g}"),
            rule=cutoff.rule,
            source=norms.cite(cutoff.source),
            means=cutoff.means,
            does_not_mean=cutoff.does_not_mean,
            emphases=[Emphasis(cutoff.emphasis)] if limited else [],
        )
    ]


def aslr_findings(results: AssessmentResults, norms: Norms) -> list[Finding]:
    """The straight-leg raise scores, and the asymmetry when the legs differ."""
    cutoff = norms.cutoff.aslr
    scores = {
        side: int(score)
        for side in BODY_SIDES
        if (score := side_value(results.results, AssessmentTest.ASLR, side)) is not None
    }
    if not scores:
        return []
    positive = any(score >= cutoff.positive_from for score in scores.values())
    shown = ", ".join(f"{side_word(side)} {score}" for side, score in scores.items())
    if positive:
        text = _("Scores {scores} (0-{most}): positive.")
    else:
        text = _("Scores {scores} (0-{most}): negative on every side measured.")
    found = [
        Finding(
            id="aslr",
            level=Level.NOTE if positive else Level.OK,
            title=_("Lumbopelvic control (active straight-leg raise)"),
            text=text.format(scores=shown, most=cutoff.scale_max),
            rule=cutoff.rule,
            source=norms.cite(cutoff.source),
            means=cutoff.means,
            does_not_mean=cutoff.does_not_mean,
            emphases=[Emphasis(cutoff.emphasis)] if positive else [],
        )
    ]
    if len(scores) == 2 and scores[Side.LEFT] != scores[Side.RIGHT]:
        if scores[Side.LEFT] > scores[Side.RIGHT]:
            harder = _("Lifting the left leg is harder ({scores}).")
        else:
            harder = _("Lifting the right leg is harder ({scores}).")
        found.append(
            Finding(
                id="asymmetry-aslr",
                level=Level.NOTE,
                title=_("Asymmetry: straight-leg raise"),
                text=harder.format(scores=shown),
                rule=_("Both legs score the same."),
                source=norms.cite(cutoff.source),
                means=_("One side passes the load through the pelvis less easily than the other."),
                does_not_mean=cutoff.does_not_mean,
            )
        )
    return found
