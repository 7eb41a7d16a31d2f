"""Holds that reach their ceiling: the results say so, ratios become bounds, findings note it."""

from __future__ import annotations

import datetime

import msgspec
import pytest

from matwork.core.assessment_file import ResultsError, parse_results
from matwork.core.assessment_model import AssessmentResults
from matwork.core.assessment_norms import load_norms
from matwork.core.assessment_ratios import RatioBound, RatioId
from matwork.core.assessment_runs import AboutYou, results_from_tests
from matwork.core.findings import assess
from matwork.core.kinds import Side
from matwork.core.test_results import TestResult
from matwork.core.test_spec import TestKind

from helpers.assessment import results

BATTERY = {"trunk_flexor_hold": 300, "extensor_hold": 150, "side_bridge": {"left": 60, "right": 90}}


def _at(*keys: str) -> AssessmentResults:
    return msgspec.structs.replace(results(sex="male", **BATTERY), at_ceiling=list(keys))


@pytest.mark.parametrize(
    ("keys", "ratio", "bound", "words"),
    [
        ((), RatioId.FLEXION_EXTENSION, RatioBound.EXACT, None),
        (("trunk-flexor-hold",), RatioId.FLEXION_EXTENSION, RatioBound.LOWER, "at least 2.00"),
        (("extensor-hold",), RatioId.FLEXION_EXTENSION, RatioBound.UPPER, "at most 2.00"),
        (("trunk-flexor-hold", "extensor-hold"), RatioId.FLEXION_EXTENSION, RatioBound.UNKNOWN,
         "bounds nothing"),
        (("side-bridge.right",), RatioId.SIDE_LEFT_RIGHT, RatioBound.UPPER, "at most 0.67"),
        (("side-bridge.right",), RatioId.SIDE_EXTENSION, RatioBound.LOWER, "at least 0.60"),
        (("side-bridge.left",), RatioId.SIDE_EXTENSION, RatioBound.EXACT, None),
    ],
)  # fmt: skip
def test_a_ratio_with_a_hold_at_its_ceiling_is_a_bound(
    keys: tuple[str, ...], ratio: RatioId, bound: RatioBound, words: str | None
) -> None:
    found = assess(_at(*keys), load_norms())
    result = found.ratios[ratio]
    assert result.bound is bound
    if words is None:
        assert "ceiling" not in result.note
        return
    assert words in result.note
    finding = next(f for f in found.findings if f.id == "ratio-" + ratio.value.replace("_", "-"))
    assert words in finding.text


def test_the_at_ceiling_finding_and_the_extensor_band_say_at_least() -> None:
    found = assess(_at("extensor-hold"), load_norms())
    ids = [finding.id for finding in found.findings]
    assert "at-ceiling" in ids
    band = next(finding for finding in found.findings if finding.id == "extensor-band")
    assert "the true time is at least 150 s" in band.text
    assert "at-ceiling" not in [f.id for f in assess(_at(), load_norms()).findings]


def test_a_results_file_names_holds_at_their_ceiling() -> None:
    text = 'at-ceiling = ["extensor-hold", "side-bridge.left"]\n[results]\nextensor-hold = 240\n'
    assert parse_results(text, "r.toml").at_ceiling == ["extensor-hold", "side-bridge.left"]
    with pytest.raises(ResultsError) as caught:
        parse_results('at-ceiling = ["extensor-hld"]\n[results]\nextensor-hold = 1\n', "r.toml")
    problem = caught.value.problems[0]
    assert (problem.line, problem.col) == (1, 1)  # the key (the locator places list items there)
    assert "'extensor-hld' is not a hold" in problem.message
    assert "extensor-hold" in problem.hint


def _result(test: str, value: float, side: Side | None = None, **extra: object) -> TestResult:
    kind = TestKind.HOLD if test.endswith(("hold", "bridge", "plank")) else TestKind.MEASURE
    return TestResult(
        segment=0, test=test, name=test, kind=kind, side=side, value=value, unit="s", **extra
    )  # type: ignore[arg-type]


def test_results_from_played_tests_keep_the_last_of_each_and_the_ceilings() -> None:
    played = [
        _result("extensor-hold", 30.04),
        _result("extensor-hold", 240, at_ceiling=True),  # done again: the last counts
        _result("side-bridge", 55.56, Side.LEFT),
        _result("thomas", 1, Side.RIGHT),
        _result("aslr", 2, Side.LEFT),
        _result("fingertip-floor", -3.5),
        _result("bird-dog", 99),  # not a test of the assessment
    ]
    day = datetime.date(2026, 1, 5)
    found = results_from_tests(played, AboutYou(sex="female", extensor_setup="heels-hooked"), day)
    assert found is not None
    assert found.results.extensor_hold == 240
    assert found.results.side_bridge is not None
    assert found.results.side_bridge.left == 55.6
    assert found.results.thomas is not None
    assert found.results.thomas.right is True
    assert found.results.aslr is not None
    assert found.results.aslr.left == 2
    assert found.results.fingertip_floor == -3.5
    assert found.at_ceiling == ["extensor-hold"]
    assert found.measured_on == day
    assert found.extensor_setup == "heels-hooked"
    assert results_from_tests([_result("bird-dog", 1)], AboutYou(), day) is None
