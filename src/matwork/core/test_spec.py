"""Test sets: what a ``test = "hold"`` or ``test = "measure"`` exercise asks for.

A **hold** is held to failure: the clock counts up, the user ends it with a key when
the position breaks, and it ends by itself at its ``ceiling``. A **measurement**
waits for the user to enter the result: a number with its unit (cm, degrees), a yes
or no, or a score from 0 to 5. ``resolve_test`` settles a test set from the exercise
use and, for the tests of matwork's self-assessment (``assessment_tests.toml``), from
the protocol: its ceiling, answer kind, unit, range, questions and the picture in
words of how to measure. ``parse_answer`` reads what a user typed.
"""

from __future__ import annotations

import enum
import math

import msgspec

from matwork.core import vocab
from matwork.core.assessment_model import AssessmentTest
from matwork.core.assessment_protocol import AnswerKind, ProtocolStep, StepKind, localized_protocol
from matwork.core.errors import did_you_mean
from matwork.core.model import ExerciseUse
from matwork.i18n import _, current_language

ESTIMATE_SHARE = 1 / 3
"""A hold counts as a third of its ceiling when the session's length is planned."""
MEASURE_ESTIMATE = 20.0
"""Seconds a measurement counts as when the session's length is planned."""
DEFAULT_RANGES: dict[str, tuple[float, float]] = {"cm": (-100.0, 200.0), "degrees": (-180.0, 180.0)}
"""The numbers a measurement in each unit accepts, unless the protocol says otherwise."""
SCORE_RANGE = (0.0, 5.0)
"""A score is a whole number from 0 to 5."""


class TestKind(enum.StrEnum):
    """A hold to failure, or a measurement the user enters."""

    __test__ = False  # not a pytest class

    HOLD = "hold"
    MEASURE = "measure"


class TestSpecError(ValueError):
    """A test set that cannot be: ``key`` names the exercise use's offending key."""

    __test__ = False

    def __init__(self, key: str, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.key = key
        self.message = message
        self.hint = hint


class TestSpec(msgspec.Struct, frozen=True, kw_only=True):
    """A test set with every default applied."""

    __test__ = False

    kind: TestKind
    ceiling: float | None = None
    """Hold: seconds after which it ends by itself."""
    answer: AnswerKind | None = None
    """Measurement: what it asks for."""
    unit: str = "s"
    """"s" for a hold; "cm" or "degrees" for a number; "points" for a score; "" for yes-no."""
    low: float | None = None
    high: float | None = None
    questions: tuple[str, ...] = ()
    """Yes-no: the questions; a yes to any records yes."""
    picture: str | None = None
    """How to measure, in words."""
    scale: tuple[str, ...] = ()
    """Score: a line per score."""
    ends_when: str | None = None
    """Hold: when the position counts as broken."""
    equipment: tuple[str, ...] = ()
    variant: str | None = None
    """A variant of the set-up (the extensor hold's helper-free one)."""
    assessment: AssessmentTest | None = None
    """The test of the self-assessment this set is, if it is one."""

    @property
    def estimate(self) -> float:
        """Seconds it counts as when the session's length is planned."""
        if self.kind is TestKind.HOLD:
            assert self.ceiling is not None
            return float(math.ceil(self.ceiling * ESTIMATE_SHARE))
        return MEASURE_ESTIMATE

    def dosage(self) -> str:
        """The set in words: "hold, up to 240 s", "measure in cm", "yes or no", "score 0-5"."""
        if self.kind is TestKind.HOLD:
            return _("hold, up to {seconds} s").format(seconds=f"{self.ceiling:g}")
        if self.answer is AnswerKind.NUMBER:
            return _("measure in {unit}").format(unit=self.unit)
        if self.answer is AnswerKind.YES_NO:
            return _("measure: yes or no")
        return _("measure: score {low}-{high}").format(low=f"{self.low:g}", high=f"{self.high:g}")


def _choice(key: str, value: str | None, choices: tuple[str, ...], what: str) -> None:
    if value is not None and value not in choices:
        hint = did_you_mean(value, choices) or "one of: " + ", ".join(choices)
        raise TestSpecError(key, f"unknown {what} '{value}'", hint)


def _no_test_keys(use: ExerciseUse) -> None:
    for key in ("ceiling", "answer", "unit"):
        if getattr(use, key) is not None:
            raise TestSpecError(
                key, f"{key} belongs to a test set", 'add test = "hold" or test = "measure"'
            )


def protocol_step(exercise_id: str) -> tuple[AssessmentTest, ProtocolStep] | None:
    """The self-assessment's test of this id, if it is one."""
    try:
        test = AssessmentTest(exercise_id)
    except ValueError:
        return None
    return test, localized_protocol(current_language()).test[test]  # its texts as shown


def _hold(use: ExerciseUse, step: ProtocolStep | None, test: AssessmentTest | None) -> TestSpec:
    for key, hint in (("unit", "a hold is timed in seconds"), ("answer", "a hold has no answer")):
        if getattr(use, key) is not None:
            raise TestSpecError(key, f"{key} belongs to a measurement", hint)
    ceiling = use.ceiling
    if ceiling is None and step is not None:
        ceiling = step.ceiling
    if ceiling is None:
        raise TestSpecError(
            "test", "a hold needs a ceiling", "add ceiling = N: seconds after which it ends"
        )
    return TestSpec(
        kind=TestKind.HOLD,
        ceiling=float(ceiling),
        ends_when=step.ends_when if step else None,
        equipment=tuple(step.equipment) if step else (),
        variant=step.variant if step else None,
        assessment=test,
    )


def _measure(
    use: ExerciseUse, name: str, step: ProtocolStep | None, test: AssessmentTest | None
) -> TestSpec:
    if use.ceiling is not None:
        raise TestSpecError("ceiling", "a measurement has no ceiling", "a ceiling ends a hold")
    chosen = use.answer or (step.answer.value if step and step.answer else AnswerKind.NUMBER)
    answer = AnswerKind(chosen)
    if step is not None and step.answer is not None and answer is not step.answer:
        raise TestSpecError(
            "answer",
            f"'{test}' is answered with {step.answer.value} in the self-assessment",
            f'answer = "{step.answer.value}", or leave answer out',
        )
    unit, low, high = "", None, None
    if answer is AnswerKind.NUMBER:
        unit = use.unit or (step.unit if step and step.unit else "")
        if not unit:
            raise TestSpecError(
                "test", "a measured number needs its unit", 'add unit = "cm" or unit = "degrees"'
            )
        low, high = DEFAULT_RANGES[unit]
    elif use.unit is not None:
        raise TestSpecError("unit", f"a {answer.value} answer has no unit", "remove unit")
    if answer is AnswerKind.SCORE:
        unit, (low, high) = "points", SCORE_RANGE
    if step is not None and step.min is not None and step.max is not None:
        low, high = step.min, step.max
    questions: tuple[str, ...] = ()
    if answer is AnswerKind.YES_NO:
        questions = tuple(step.questions) if step and step.questions else (f"{name}: yes?",)
    return TestSpec(
        kind=TestKind.MEASURE,
        answer=answer,
        unit=unit,
        low=low,
        high=high,
        questions=questions,
        picture=step.picture if step else None,
        scale=tuple(step.scale) if step else (),
        equipment=tuple(step.equipment) if step else (),
        assessment=test,
    )


def resolve_test(use: ExerciseUse, exercise_id: str, name: str) -> TestSpec | None:
    """The test set ``use`` asks for (None for an ordinary set); TestSpecError if it cannot be."""
    _choice("test", use.test, vocab.TEST_KINDS, "test kind")
    _choice("answer", use.answer, vocab.TEST_ANSWERS, "answer kind")
    _choice("unit", use.unit, vocab.TEST_UNITS, "unit")
    _choice("side", use.side, vocab.TEST_SIDES, "side")
    if use.side is not None and use.sides is not None:
        raise TestSpecError("side", "choose side (one side) or sides, not both")
    if use.test is None:
        _no_test_keys(use)
        return None
    for key in ("work", "reps", "tempo"):
        if getattr(use, key) is not None:
            raise TestSpecError(
                key,
                f"a test set has no {key}",
                "a hold runs until you end it (or its ceiling); a measurement, until answered",
            )
    if use.sides == "alternate":
        raise TestSpecError("sides", 'a test is done one side at a time: sides = "both"')
    found = protocol_step(exercise_id)
    test, step = found if found is not None else (None, None)
    kind = TestKind(use.test)
    if step is not None and kind.value != _kind_of(step):
        raise TestSpecError(
            "test",
            f"'{exercise_id}' is a {_kind_of(step)} in the self-assessment",
            f'test = "{_kind_of(step)}"',
        )
    if kind is TestKind.HOLD:
        return _hold(use, step, test)
    return _measure(use, name, step, test)


def _kind_of(step: ProtocolStep) -> str:
    return TestKind.HOLD.value if step.kind is StepKind.HOLD else TestKind.MEASURE.value


class AnswerError(ValueError):
    """What the user typed is not an answer to the measurement; the message says why."""


YES_WORDS = frozenset({"y", "yes", "j", "ja", "1", "true"})
"""Words read as yes."""
NO_WORDS = frozenset({"n", "no", "nein", "0", "false"})
"""Words read as no."""


def parse_yes_no(text: str) -> bool:
    """Yes or no from what was typed; AnswerError otherwise."""
    word = text.strip().casefold()
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    raise AnswerError(_("answer y (yes) or n (no)"))


def check_value(spec: TestSpec, value: float | bool) -> float:
    """The answer as the number stored (yes 1, no 0); AnswerError when out of range."""
    if spec.kind is TestKind.HOLD:
        raise AnswerError("a hold is answered by ending it, not by a value")
    if spec.answer is AnswerKind.YES_NO:
        if not isinstance(value, bool):
            raise AnswerError(_("answer y (yes) or n (no)"))
        return 1.0 if value else 0.0
    if isinstance(value, bool) or not math.isfinite(value):
        raise AnswerError("enter a number")
    assert spec.low is not None
    assert spec.high is not None
    if spec.answer is AnswerKind.SCORE and value != int(value):
        raise AnswerError(f"enter a whole number from {spec.low:g} to {spec.high:g}")
    if not spec.low <= value <= spec.high:
        unit = f" {spec.unit}" if spec.answer is AnswerKind.NUMBER else ""
        raise AnswerError(f"enter a number from {spec.low:g} to {spec.high:g}{unit}")
    return float(value)


def parse_answer(spec: TestSpec, text: str) -> float:
    """What the user typed (a number, "12,5", "y"/"n") as the value stored; AnswerError if not."""
    if spec.answer is AnswerKind.YES_NO:
        return check_value(spec, parse_yes_no(text))
    cleaned = text.strip().replace(",", ".")
    for suffix in (spec.unit, "°", "cm", "deg"):
        if suffix and cleaned.endswith(suffix):
            cleaned = cleaned[: -len(suffix)].strip()
    try:
        number = float(cleaned)
    except ValueError:
        raise AnswerError(
            "enter a whole number" if spec.answer is AnswerKind.SCORE else "enter a number"
        ) from None
    return check_value(spec, number)


def value_text(spec: TestSpec, value: float) -> str:
    """A stored value as shown: "42.5 s", "25 cm", "yes", "2 of 5"."""
    if spec.kind is TestKind.HOLD:
        return f"{value:g} s"
    if spec.answer is AnswerKind.YES_NO:
        return "yes" if value else "no"
    if spec.answer is AnswerKind.SCORE:
        return f"{value:g} of {spec.high:g}"
    return f"{value:g} {spec.unit}"
