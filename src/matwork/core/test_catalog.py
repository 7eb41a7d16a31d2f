"""The self-assessment's tests as catalog entries, so any routine can name them by id.

Each test of ``assessment_tests.toml`` becomes an entry (name, instructions, cautions,
sided) under its results-file id (``extensor-hold``, ``thomas``, ...); a routine then
writes ``id = "extensor-hold"`` with ``test = "hold"``. ``resolving_catalog(own)`` is
what routine ids resolve against: the built-in catalog, these entries, then the
routine's own ``[catalog.<id>]`` on top. The entries train no emphasis: a test
measures, it does not train, so programmes never pick one.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from types import MappingProxyType

from matwork.core.assessment_model import AssessmentTest
from matwork.core.assessment_protocol import (
    ProtocolStep,
    StepKind,
    load_protocol,
    localized_protocol,
)
from matwork.core.catalog import builtin_catalog
from matwork.core.model import CatalogEntry

TEST_PATTERNS: dict[AssessmentTest, str] = {
    AssessmentTest.TRUNK_FLEXOR_HOLD: "anti-extension",
    AssessmentTest.EXTENSOR_HOLD: "anti-flexion",
    AssessmentTest.SIDE_BRIDGE: "anti-lateral-flexion",
    AssessmentTest.PRONE_PLANK: "anti-extension",
}
"""The movement pattern each hold loads (measurements are "stretch")."""


def protocol_entry(step: ProtocolStep, test: AssessmentTest) -> CatalogEntry:
    """One test of the protocol as a catalog entry."""
    hold = step.kind is StepKind.HOLD
    return CatalogEntry(
        name=step.name,
        category="strength" if hold else "mobility",
        pattern=TEST_PATTERNS.get(test, "stretch"),
        sided=step.sided,
        instructions=list(step.instructions),
        cautions=list(step.cautions),
    )


@cache
def assessment_entries() -> Mapping[str, CatalogEntry]:
    """Every test of the self-assessment as a catalog entry, by its id."""
    protocol = load_protocol()
    return MappingProxyType(
        {test.value: protocol_entry(step, test) for test, step in protocol.steps()}
    )


@cache
def localized_assessment_entries(language: str) -> Mapping[str, CatalogEntry]:
    """The tests as catalog entries with their texts in ``language`` (English for "en")."""
    protocol = localized_protocol(language)
    return MappingProxyType(
        {test.value: protocol_entry(step, test) for test, step in protocol.steps()}
    )


class WithTests(Mapping[str, CatalogEntry]):
    """The built-in catalog with the tests on top, as ``{**builtin, **tests}`` holds them.

    Looked up lazily: an id that names no test (an ``AssessmentTest`` value) is read from
    the built-in catalog alone, so resolving a routine of built-in exercises neither
    decodes the whole catalog nor reads the assessment protocol.
    """

    _TEST_IDS = frozenset(test.value for test in AssessmentTest)

    def __getitem__(self, exercise_id: str) -> CatalogEntry:
        """The test's entry for a test id, else the built-in entry."""
        if exercise_id in self._TEST_IDS:
            tests = assessment_entries()
            if exercise_id in tests:
                return tests[exercise_id]
        return builtin_catalog()[exercise_id]

    def __contains__(self, exercise_id: object) -> bool:
        """True for a built-in id or a test id (the protocol read only for a test id)."""
        if exercise_id in builtin_catalog():
            return True
        return exercise_id in self._TEST_IDS and exercise_id in assessment_entries()

    def __iter__(self) -> Iterator[str]:
        """The built-in ids in order, then the tests' ids not among them."""
        builtin = builtin_catalog()
        yield from builtin
        yield from (key for key in assessment_entries() if key not in builtin)

    def __len__(self) -> int:
        """How many ids, built-in and tests."""
        return sum(1 for _ in self)


@cache
def _with_tests() -> Mapping[str, CatalogEntry]:
    return WithTests()


def resolving_catalog(own: Mapping[str, CatalogEntry]) -> Mapping[str, CatalogEntry]:
    """The catalog routine ids resolve against: built-in, the tests, then ``own`` on top."""
    if not own:
        return _with_tests()
    return MappingProxyType({**_with_tests(), **own})
