"""Findings with known answers: hand-made results give the expected ratios, bands and emphases."""

from __future__ import annotations

import pytest

from matwork.core.assessment_model import AssessmentTest, Emphasis
from matwork.core.assessment_norms import load_norms
from matwork.core.assessment_ratios import RatioId
from matwork.core.findings import Assessment, Finding, Level, assess

from helpers.assessment import results

NORMS = load_norms()


def run(**kwargs: object) -> Assessment:
    return assess(results(**kwargs), NORMS)  # type: ignore[arg-type]


def by_id(assessment: Assessment) -> dict[str, Finding]:
    return {finding.id: finding for finding in assessment.findings}


def test_the_issue_example_gives_the_expected_ratios_levels_and_emphases() -> None:
    assessment = run(
        sex="female",
        trunk_flexor_hold=150,
        extensor_hold=100,
        side_bridge={"left": 40, "right": 60},
        prone_plank=90,
        thomas={"left": False, "right": True},
        fingertip_floor=25,
        aslr={"left": 0, "right": 1},
    )
    ratios = assessment.ratios
    assert ratios[RatioId.FLEXION_EXTENSION].value == 1.5
    assert ratios[RatioId.FLEXION_EXTENSION].goal_met is False
    assert ratios[RatioId.SIDE_LEFT_RIGHT].value == 0.67
    assert ratios[RatioId.SIDE_LEFT_RIGHT].goal_met is False
    assert ratios[RatioId.SIDE_EXTENSION].value == 0.6
    assert ratios[RatioId.SIDE_EXTENSION].goal_met is True
    assert ratios[RatioId.FLEXION_EXTENSION].reference_for_sex == 0.79
    assert ratios[RatioId.SIDE_EXTENSION].reference_for_sex == 0.39
    levels = {finding.id: finding.level for finding in assessment.findings}
    assert levels == {
        "ratio-flexion-extension": Level.NOTE,
        "ratio-side-left-right": Level.NOTE,
        "ratio-side-extension": Level.OK,
        "extensor-band": Level.OK,
        "prone-plank": Level.OK,
        "thomas-left": Level.OK,
        "thomas-right": Level.NOTE,
        "asymmetry-thomas": Level.NOTE,
        "fingertip-floor": Level.NOTE,
        "aslr": Level.NOTE,
        "asymmetry-aslr": Level.NOTE,
    }
    assert assessment.emphases == [
        Emphasis.EXTENSOR_ENDURANCE,
        Emphasis.LATERAL_ENDURANCE_LEFT,
        Emphasis.HIP_FLEXOR_LENGTH_RIGHT,
        Emphasis.POSTERIOR_CHAIN_LENGTH,
        Emphasis.LUMBOPELVIC_CONTROL,
    ]
    assert assessment.missing == []


def test_every_finding_carries_its_rule_source_and_meaning() -> None:
    assessment = run(
        sex="male",
        trunk_flexor_hold=90,
        extensor_hold=150,
        side_bridge={"left": 80, "right": 70},
        prone_plank=60,
        thomas={"left": True, "right": True},
        fingertip_floor=5,
        aslr={"left": 2, "right": 2},
    )
    for finding in assessment.findings:
        assert all((finding.rule, finding.means, finding.does_not_mean)), finding.id
        assert "(19" in finding.source or "(20" in finding.source or "Physiopedia" in finding.source


def test_every_ratio_exactly_on_its_boundary() -> None:
    lower = run(trunk_flexor_hold=80, extensor_hold=80, side_bridge={"left": 57, "right": 60})
    assert lower.ratios[RatioId.FLEXION_EXTENSION].value == 1.0
    assert lower.ratios[RatioId.FLEXION_EXTENSION].goal_met is False  # goal is strictly < 1.0
    assert lower.ratios[RatioId.SIDE_LEFT_RIGHT].value == 0.95
    assert lower.ratios[RatioId.SIDE_LEFT_RIGHT].goal_met is True  # 0.95-1.05 inclusive
    assert lower.ratios[RatioId.SIDE_EXTENSION].value == 0.75
    assert lower.ratios[RatioId.SIDE_EXTENSION].goal_met is False  # goal is strictly < 0.75
    assert lower.emphases == [Emphasis.EXTENSOR_ENDURANCE]
    upper = run(trunk_flexor_hold=83.9, extensor_hold=84, side_bridge={"left": 63, "right": 60})
    assert upper.ratios[RatioId.SIDE_LEFT_RIGHT].value == 1.05
    assert upper.ratios[RatioId.SIDE_LEFT_RIGHT].goal_met is True
    assert upper.ratios[RatioId.FLEXION_EXTENSION].goal_met is True  # 83.9 / 84 < 1.0
    assert upper.ratios[RatioId.SIDE_EXTENSION].goal_met is False  # 63 / 84 = 0.75


def test_just_outside_the_side_window_names_the_shorter_side() -> None:
    below = run(side_bridge={"left": 56.9, "right": 60})
    assert below.ratios[RatioId.SIDE_LEFT_RIGHT].goal_met is False
    assert below.emphases == [Emphasis.LATERAL_ENDURANCE_LEFT]
    above = run(side_bridge={"left": 63.1, "right": 60})
    assert above.ratios[RatioId.SIDE_LEFT_RIGHT].goal_met is False
    assert above.emphases == [Emphasis.LATERAL_ENDURANCE_RIGHT]
    assert "right side is the shorter" in by_id(above)["ratio-side-left-right"].text


def test_a_one_sided_side_bridge_gives_no_left_right_ratio_but_a_side_extension_one() -> None:
    assessment = run(extensor_hold=100, side_bridge={"left": 50})
    left_right = assessment.ratios[RatioId.SIDE_LEFT_RIGHT]
    assert left_right.value is None
    assert left_right.goal_met is None
    assert left_right.missing == ["side-bridge.right"]
    side_extension = assessment.ratios[RatioId.SIDE_EXTENSION]
    assert side_extension.value == 0.5
    assert side_extension.goal_met is True
    assert "Only the left side bridge" in side_extension.note
    assert "ratio-side-left-right" not in by_id(assessment)
    assert AssessmentTest.SIDE_BRIDGE not in assessment.missing


def test_a_womans_extensor_time_gives_no_prediction_and_no_emphasis() -> None:
    woman = by_id(run(sex="female", extensor_hold=150))["extensor-band"]
    assert woman.level is Level.OK
    assert woman.emphases == []
    assert "no such prediction" in woman.text
    assert "189 ± 60 s" in woman.text
    man = by_id(run(sex="male", extensor_hold=150))["extensor-band"]
    assert man.level is Level.ATTENTION
    assert man.emphases == [Emphasis.EXTENSOR_ENDURANCE]
    unknown = by_id(run(extensor_hold=150))["extensor-band"]
    assert unknown.level is Level.OK
    assert "men only" in unknown.text


@pytest.mark.parametrize(
    ("seconds", "level", "words"),
    [
        (175.9, Level.ATTENTION, "higher risk"),
        (176, Level.OK, "neither"),
        (198, Level.OK, "neither"),
        (198.1, Level.OK, "lower risk"),
    ],
)
def test_mens_extensor_bands_at_their_boundaries(seconds: float, level: Level, words: str) -> None:
    finding = by_id(run(sex="male", extensor_hold=seconds))["extensor-band"]
    assert finding.level is level
    assert words in finding.text


def test_a_missing_test_gives_no_finding_and_is_listed() -> None:
    assessment = run(sex="male", extensor_hold=200)
    assert [finding.id for finding in assessment.findings] == ["extensor-band"]
    assert assessment.missing == [
        AssessmentTest.TRUNK_FLEXOR_HOLD,
        AssessmentTest.SIDE_BRIDGE,
        AssessmentTest.PRONE_PLANK,
        AssessmentTest.THOMAS,
        AssessmentTest.FINGERTIP_FLOOR,
        AssessmentTest.ASLR,
    ]
    assert assessment.ratios[RatioId.FLEXION_EXTENSION].missing == ["trunk-flexor-hold"]
    assert assessment.ratios[RatioId.SIDE_EXTENSION].missing == ["side-bridge"]
    assert assessment.emphases == []


def test_a_zero_second_extensor_hold_leaves_the_ratio_unbounded_not_a_crash() -> None:
    assessment = run(trunk_flexor_hold=30, extensor_hold=0)
    ratio = assessment.ratios[RatioId.FLEXION_EXTENSION]
    assert ratio.value is None
    assert ratio.goal_met is False
    assert "unbounded" in by_id(assessment)["ratio-flexion-extension"].text
    both_zero = run(trunk_flexor_hold=0, extensor_hold=0).ratios[RatioId.FLEXION_EXTENSION]
    assert both_zero.goal_met is None


@pytest.mark.parametrize(
    ("kwargs", "finding_id", "level", "emphasis"),
    [
        ({"prone_plank": 73.7}, "prone-plank", Level.NOTE, Emphasis.FLEXOR_ENDURANCE),
        ({"prone_plank": 73.8}, "prone-plank", Level.OK, None),
        ({"fingertip_floor": 20.5}, "fingertip-floor", Level.NOTE, Emphasis.POSTERIOR_CHAIN_LENGTH),
        ({"fingertip_floor": 20}, "fingertip-floor", Level.OK, None),
        ({"fingertip_floor": -3}, "fingertip-floor", Level.OK, None),
        ({"aslr": {"left": 0, "right": 0}}, "aslr", Level.OK, None),
        ({"aslr": {"left": 3}}, "aslr", Level.NOTE, Emphasis.LUMBOPELVIC_CONTROL),
        ({"thomas": {"left": True}}, "thomas-left", Level.NOTE, Emphasis.HIP_FLEXOR_LENGTH_LEFT),
        ({"thomas": {"right": False}}, "thomas-right", Level.OK, None),
    ],
)
def test_length_control_and_plank_cut_offs(
    kwargs: dict[str, object], finding_id: str, level: Level, emphasis: Emphasis | None
) -> None:
    assessment = run(**kwargs)
    finding = by_id(assessment)[finding_id]
    assert finding.level is level
    assert finding.emphases == ([emphasis] if emphasis else [])


def test_asymmetry_findings_only_when_both_sides_differ() -> None:
    same = by_id(run(thomas={"left": True, "right": True}, aslr={"left": 2, "right": 2}))
    assert "asymmetry-thomas" not in same
    assert "asymmetry-aslr" not in same
    one_side = by_id(run(thomas={"left": True}, aslr={"right": 4}))
    assert "asymmetry-thomas" not in one_side
    assert "asymmetry-aslr" not in one_side
    differ = by_id(run(aslr={"left": 3, "right": 1}))
    assert "left leg is harder" in differ["asymmetry-aslr"].text


def test_every_emphasis_can_be_produced_by_some_results() -> None:
    produced = set(
        run(
            sex="male",
            trunk_flexor_hold=200,
            extensor_hold=100,
            side_bridge={"left": 30, "right": 60},
            prone_plank=30,
            thomas={"left": True, "right": True},
            fingertip_floor=30,
            aslr={"left": 1},
        ).emphases
    )
    produced |= set(run(side_bridge={"left": 60, "right": 30}).emphases)
    assert produced == set(Emphasis)
