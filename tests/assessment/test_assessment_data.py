"""The assessment's data files: every number has a source, and the shapes hold."""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterator
from typing import Any

import pytest

from matwork.core.assessment_model import AssessmentTest, Emphasis
from matwork.core.assessment_norms import load_norms, norms_text, parse_norms
from matwork.core.assessment_protocol import (
    AnswerKind,
    StepKind,
    load_protocol,
    parse_protocol,
    protocol_text,
)
from matwork.core.catalog import builtin_catalog
from matwork.core.kinds import BODY_SIDES

RAW = tomllib.loads(norms_text())
BOOKKEEPING = {"format", "year"}


def tables(node: dict[str, Any], path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every table of the norms file except [sources], with its dotted path."""
    for key, value in node.items():
        if isinstance(value, dict) and path + key != "sources":
            yield path + key, value
            yield from tables(value, f"{path}{key}.")


def numbers(table: dict[str, Any]) -> list[str]:
    found = []
    for key, value in table.items():
        if key in BOOKKEEPING or isinstance(value, bool):
            continue
        if isinstance(value, int | float) or (
            isinstance(value, list)
            and value
            and all(isinstance(item, int | float) for item in value)
        ):
            found.append(key)
    return found


NUMBER_TABLES = [(path, table) for path, table in tables(RAW) if numbers(table)]


def test_the_file_has_numbers_to_check() -> None:
    assert len(NUMBER_TABLES) >= 12


@pytest.mark.parametrize(("path", "table"), NUMBER_TABLES, ids=[path for path, _ in NUMBER_TABLES])
def test_every_number_has_a_source_and_says_what_it_means_and_does_not(
    path: str, table: dict[str, Any]
) -> None:
    assert table.get("source") in RAW["sources"], f"[{path}] {numbers(table)} has no known source"
    assert len(table.get("means", "")) > 20, f"[{path}] needs a `means` text"
    assert len(table.get("does_not_mean", "")) > 20, f"[{path}] needs a `does_not_mean` text"


def test_every_table_naming_a_source_names_a_known_one() -> None:
    for path, table in tables(RAW):
        for name in [table.get("source"), *table.get("see_also", [])]:
            if name is not None:
                assert name in RAW["sources"], f"[{path}] names unknown source {name!r}"


@pytest.mark.parametrize("source_id", sorted(RAW["sources"]))
def test_every_source_is_complete_and_says_what_was_read(source_id: str) -> None:
    source = RAW["sources"][source_id]
    for key in ("authors", "title", "published_in", "checked"):
        assert source.get(key), f"{source_id}: missing {key}"
    assert source.get("doi") or source.get("url") or source.get("read_at"), source_id
    for address in [source.get("url"), *source.get("read_at", [])]:
        if address:
            assert address.startswith(("http://", "https://")), address


def test_every_source_is_used() -> None:
    used = {
        name
        for _, table in tables(RAW)
        for name in [table.get("source"), *table.get("see_also", [])]
    }
    assert set(RAW["sources"]) <= used


def test_the_extensor_mdc_is_recomputed_from_the_published_sems() -> None:
    mdc = load_norms().mdc[AssessmentTest.EXTENSOR_HOLD]
    computed = [round(1.96 * math.sqrt(2) * sem, 1) for sem in mdc.sem]
    assert mdc.low == min(computed)
    assert mdc.high == max(computed)
    assert mdc.value == max(computed)
    assert 32 <= mdc.value <= 49


def test_the_plank_mark_is_the_mean_minus_one_sd() -> None:
    plank = load_norms().reference.prone_plank
    assert plank.low_below == pytest.approx(plank.mean - plank.sd, abs=0.05)


def test_every_test_has_an_mdc_entry_that_has_a_value_or_says_none_is_used() -> None:
    norms = load_norms()
    assert set(norms.mdc) == set(AssessmentTest)
    without = {test for test, mdc in norms.mdc.items() if mdc.value is None}
    assert without == {
        AssessmentTest.TRUNK_FLEXOR_HOLD,
        AssessmentTest.SIDE_BRIDGE,
        AssessmentTest.PRONE_PLANK,
        AssessmentTest.THOMAS,
        AssessmentTest.ASLR,
    }
    for test in without:
        assert norms.mdc[test].none
        assert "minimal detectable change" in norms.mdc[test].none


def test_every_emphasis_named_in_the_norms_is_a_known_id() -> None:
    known = {emphasis.value for emphasis in Emphasis}
    for path, table in tables(RAW):
        name = table.get("emphasis")
        if name is None:
            continue
        sided = {f"{name}-{side.value}" for side in BODY_SIDES}
        assert name in known or sided <= known, f"[{path}] emphasis {name!r}"


def test_the_norms_loader_refuses_an_unknown_source() -> None:
    broken = norms_text().replace('source = "mens-2001"', 'source = "mens-2010"', 1)
    with pytest.raises(ValueError, match="mens-2010"):
        parse_norms(broken)


def test_every_emphasis_is_trained_by_at_least_one_catalog_exercise() -> None:
    trained = {emphasis for entry in builtin_catalog().values() for emphasis in entry.trains}  # type: ignore[attr-defined]
    assert {emphasis.value for emphasis in Emphasis} <= set(trained)


def test_the_protocol_runs_every_test_once_with_instructions_and_cautions() -> None:
    protocol = load_protocol()
    assert sorted(protocol.order) == sorted(AssessmentTest)
    for test, step in protocol.steps():
        assert 3 <= len(step.instructions) <= 6, test
        assert all((step.cautions, step.measures, step.equipment)), test
        if step.kind is StepKind.HOLD:
            assert (step.ceiling or 0) > 0, test
            assert step.ends_when, test
        else:
            assert step.answer is not None, test
            assert step.picture, test
    assert protocol.test[AssessmentTest.EXTENSOR_HOLD].ceiling == 240
    assert protocol.test[AssessmentTest.EXTENSOR_HOLD].variant
    assert protocol.test[AssessmentTest.THOMAS].answer is AnswerKind.YES_NO
    assert len(protocol.test[AssessmentTest.ASLR].scale) == 6
    sided = {test for test, step in protocol.steps() if step.sided}
    assert sided == {AssessmentTest.SIDE_BRIDGE, AssessmentTest.THOMAS, AssessmentTest.ASLR}


def test_the_protocol_loader_refuses_a_hold_without_a_ceiling() -> None:
    broken = protocol_text().replace("ceiling = 180\n", "", 1)
    with pytest.raises(ValueError, match="side-bridge: a hold needs"):
        parse_protocol(broken)
