"""The protocol of the self-assessment: how each test is done, from ``data/assessment_tests.toml``.

``load_protocol()`` reads the file once and checks its shape: every test of the results
format appears once in ``order``; a hold has a ceiling and says when it ends; a
measurement says what kind of answer it takes and gives a picture in words of how to
measure; each test has 3-6 instruction lines. ``localized_protocol(language)`` gives the
same protocol with its texts in that language (``data/assessment_tests.de.toml``).
"""

from __future__ import annotations

import enum
import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources

import msgspec

from matwork.core import vocab
from matwork.core.assessment_model import AssessmentTest
from matwork.core.data_translation import localized_data

PROTOCOL_RESOURCE = "assessment_tests.toml"


class StepKind(enum.StrEnum):
    """A count-up hold that ends on a key or at its ceiling, or an entered measurement."""

    HOLD = "hold"
    MEASUREMENT = "measurement"


class AnswerKind(enum.StrEnum):
    """What a measurement asks for."""

    NUMBER = "number"
    YES_NO = "yes-no"
    SCORE = "score"


class ProtocolStep(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """One test as the player runs it; the fields mirror a catalog entry where they can."""

    name: str
    kind: StepKind
    sided: bool
    measures: str
    equipment: list[str]
    instructions: list[str]
    cautions: list[str]
    rest_after: int
    unit: str | None = None
    ceiling: int | None = None
    ends_when: str | None = None
    variant: str | None = None
    answer: AnswerKind | None = None
    min: float | None = None
    max: float | None = None
    questions: list[str] = []
    answer_rule: str | None = None
    picture: str | None = None
    scale: list[str] = []


class Protocol(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """The whole assessment: the order of the tests and each test."""

    format: int
    order: list[AssessmentTest]
    protocol_note: str
    test: dict[AssessmentTest, ProtocolStep]

    def steps(self) -> list[tuple[AssessmentTest, ProtocolStep]]:
        """The tests in the order they are run."""
        return [(test_id, self.test[test_id]) for test_id in self.order]


def protocol_text() -> str:
    """The text of the shipped protocol file."""
    return (resources.files("matwork") / "data" / PROTOCOL_RESOURCE).read_text(encoding="utf-8")


def _step_problems(test_id: AssessmentTest, step: ProtocolStep) -> list[str]:
    problems = []
    if not 3 <= len(step.instructions) <= 6:
        problems.append(f"{test_id}: needs 3-6 instruction lines, has {len(step.instructions)}")
    if not step.cautions:
        problems.append(f"{test_id}: needs at least one caution")
    if step.kind is StepKind.HOLD:
        if step.ceiling is None or step.ends_when is None or step.unit != "s":
            problems.append(f'{test_id}: a hold needs unit = "s", a ceiling and ends_when')
    else:
        if step.answer is None or step.picture is None:
            problems.append(f"{test_id}: a measurement needs an answer kind and a picture")
        if step.answer in (AnswerKind.NUMBER, AnswerKind.SCORE) and (
            step.min is None or step.max is None
        ):
            problems.append(f"{test_id}: a number or score needs min and max")
        if step.answer is AnswerKind.YES_NO and not step.questions:
            problems.append(f"{test_id}: a yes/no measurement needs its questions")
        if (
            step.answer is AnswerKind.SCORE
            and step.max is not None
            and step.min is not None
            and len(step.scale) != int(step.max - step.min) + 1
        ):
            problems.append(f"{test_id}: the scale needs one line per score")
    return problems


def parse_protocol(text: str) -> Protocol:
    """Decode protocol text and check its shape; raise ValueError naming every problem."""
    return protocol_from(tomllib.loads(text))


def protocol_from(raw: Mapping[str, object]) -> Protocol:
    """The protocol from decoded TOML, its shape checked as ``parse_protocol`` does."""
    protocol = msgspec.convert(raw, Protocol, strict=True)
    problems = []
    if sorted(protocol.order) != sorted(AssessmentTest) or len(set(protocol.order)) != len(
        protocol.order
    ):
        problems.append("order must name every test exactly once")
    if set(protocol.test) != set(AssessmentTest):
        problems.append("[test] must hold every test of the results format")
    for test_id, step in protocol.test.items():
        problems.extend(_step_problems(test_id, step))
    if problems:
        raise ValueError("; ".join(problems))
    return protocol


@cache
def load_protocol() -> Protocol:
    """The shipped protocol, read and checked once per process."""
    return parse_protocol(protocol_text())


@cache
def localized_protocol(language: str) -> Protocol:
    """The shipped protocol with its texts in ``language``; the English one for "en"."""
    if language == vocab.SOURCE_LANGUAGE:
        return load_protocol()
    return protocol_from(localized_data(PROTOCOL_RESOURCE, language))
