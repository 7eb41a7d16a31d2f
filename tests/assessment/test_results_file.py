"""Results files: the issue's format is accepted as written; broken files point at line and column."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from matwork.core.assessment_file import (
    ResultsError,
    decode_results,
    load_results,
    parse_results,
    results_schema,
    results_schema_text,
)
from matwork.core.assessment_model import MAX_RESULTS_FILE_BYTES, AssessmentTest, present_tests

from helpers.assessment import ISSUE_EXAMPLE

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).parent / "corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
COMMITTED_SCHEMA = ROOT / "schema" / "assessment-results.schema.json"


def test_the_corpus_and_its_expectations_match() -> None:
    assert sorted(path.name for path in CORPUS.glob("*.toml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_broken_file_names_its_line_and_column(name: str) -> None:
    expected = EXPECTED[name]
    with pytest.raises(ResultsError) as caught:
        load_results(CORPUS / name)
    error = caught.value
    assert (error.line, error.col) == (expected["line"], expected["col"]), str(error)
    assert expected["contains"].lower() in f"{error.message} {error.hint}".lower(), str(error)
    assert str(error.problems[0]).startswith(
        f"{CORPUS / name}:{expected['line']}:{expected['col']}: "
    )


def test_the_issue_example_is_accepted_exactly_as_written() -> None:
    results = parse_results(ISSUE_EXAMPLE, "issue.toml")
    assert results.sex == "female"
    measured = results.results
    assert measured.trunk_flexor_hold == 150
    assert measured.extensor_hold == 100
    assert measured.side_bridge is not None
    assert (measured.side_bridge.left, measured.side_bridge.right) == (40, 60)
    assert measured.prone_plank == 90
    assert measured.thomas is not None
    assert (measured.thomas.left, measured.thomas.right) == (False, True)
    assert measured.fingertip_floor == 25
    assert measured.aslr is not None
    assert (measured.aslr.left, measured.aslr.right) == (0, 1)
    assert present_tests(measured) == list(AssessmentTest)


def test_the_extra_keys_and_a_schema_line_are_accepted() -> None:
    text = (
        "#:schema ../schema/assessment-results.schema.json\n"
        'format = 1\nsex = "male"\nage = 47\nmeasured-on = 2025-03-14\n'
        'measured-by = "physiotherapist"\nextensor-setup = "heels-hooked"\nnote = "after work"\n'
        "[results.side-bridge]\nleft = 61.5\n"
    )
    results = parse_results(text, "extra.toml")
    assert results.age == 47
    assert results.measured_on == datetime.date(2025, 3, 14)
    assert results.extensor_setup == "heels-hooked"
    assert results.results.side_bridge is not None
    assert results.results.side_bridge.left == 61.5
    assert parse_results(
        'measured-on = "2025-03-14"\n[results]\naslr = {left = 0}\n', "q.toml"
    ).measured_on


def test_every_problem_is_reported_not_only_the_first() -> None:
    with pytest.raises(ResultsError) as caught:
        parse_results("[results]\nextensor-hld = 1\nprone-plnk = 2\n", "two.toml")
    assert [(problem.line, problem.col) for problem in caught.value.problems] == [(2, 1), (3, 1)]


def test_bytes_that_are_not_utf8_or_hold_nul_point_at_the_byte() -> None:
    with pytest.raises(ResultsError) as caught:
        decode_results(b"[results]\nextensor-hold = 1 # \xff\n", "latin.toml")
    assert (caught.value.line, caught.value.col) == (2, 21)
    assert "UTF-8" in caught.value.hint
    with pytest.raises(ResultsError) as caught:
        decode_results(b"[results]\n\x00\n", "nul.toml")
    assert caught.value.line == 2
    assert "binary" in caught.value.message
    assert (
        decode_results(
            b"\xef\xbb\xbf[results]\nextensor-hold = 1\n", "bom.toml"
        ).results.extensor_hold
        == 1
    )


def test_a_folder_a_missing_file_and_a_huge_file_are_refused_cleanly(tmp_path: Path) -> None:
    with pytest.raises(ResultsError, match="is a folder"):
        load_results(tmp_path)
    with pytest.raises(ResultsError, match="cannot read"):
        load_results(tmp_path / "nope.toml")
    huge = tmp_path / "huge.toml"
    huge.write_text("#" * (MAX_RESULTS_FILE_BYTES + 10), encoding="utf-8")
    with pytest.raises(ResultsError, match="64 KiB"):
        load_results(huge)


def test_the_committed_schema_is_fresh() -> None:
    assert COMMITTED_SCHEMA.read_text(encoding="utf-8") == results_schema_text(), (
        "schema/assessment-results.schema.json is stale: run "
        "`matwork assess schema > schema/assessment-results.schema.json`"
    )


def test_the_schema_describes_the_format() -> None:
    definitions = results_schema()["$defs"]
    top = definitions["AssessmentResults"]
    assert top["additionalProperties"] is False
    assert set(top["properties"]) >= {"sex", "age", "results", "measured-on"}
    tests = definitions["Measurements"]["properties"]
    assert set(tests) == {test.value for test in AssessmentTest}
    assert tests["extensor-hold"]["minimum"] == 0
    assert definitions["SideScores"]["properties"]["left"]["maximum"] == 5
    assert "null" not in json.dumps(definitions)


DOC = (ROOT / "docs" / "assessment.md").read_text(encoding="utf-8")
DOC_EXAMPLE = DOC.split("```toml\n", 1)[1].split("```", 1)[0]


def test_the_documented_example_parses_and_its_documented_errors_are_exact() -> None:
    results = parse_results(DOC_EXAMPLE, "results.toml")
    assert results.age == 42
    assert present_tests(results.results) == list(AssessmentTest)
    for broken, expected in (
        (DOC_EXAMPLE.replace("extensor-hold = 100", "extensor-hld = 100"), "results.toml:13:1: "),
        (DOC_EXAMPLE.replace("right = 1 }", "right = 7 }"), "results.toml:18:20: "),
    ):
        with pytest.raises(ResultsError) as caught:
            parse_results(broken, "results.toml")
        shown = str(caught.value.problems[0])
        assert shown.startswith(expected)
        assert shown in DOC
