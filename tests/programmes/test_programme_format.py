"""The programme format: loading, telling programmes from routines, the JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from matwork.cli import main
from matwork.core.programme import (
    RoutineError,
    load_programme,
    looks_like_programme,
    parse_programme,
)
from matwork.core.programme_schema import programme_schema, programme_schema_text

from helpers.programmes import PROGRAMME_TEXT

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "schema" / "programme.schema.json"


def test_committed_programme_schema_is_fresh() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == programme_schema_text(), (
        "schema/programme.schema.json is stale: run "
        "`matwork schema --programme > schema/programme.schema.json`"
    )


def test_matwork_schema_prints_the_programme_schema() -> None:
    result = CliRunner().invoke(main, ["schema", "--programme"])
    assert result.exit_code == 0
    assert json.loads(result.output)["title"] == "matwork programme, format 1"


def test_schema_describes_the_format() -> None:
    definitions = programme_schema()["$defs"]
    assert set(definitions["Programme"]["required"]) == {"name", "phase"}
    assert definitions["Rule"]["additionalProperties"] is False
    assert set(definitions["HoldRange"]["required"]) == {"from", "to"}
    assert "strength" in json.dumps(definitions["SessionPlan"]["properties"]["kind"])
    assert "description" in definitions["SessionPlan"]["properties"]["routine"]


@pytest.mark.parametrize(
    ("text", "programme"),
    [
        ("programme = 1\nname = 'x'\n", True),
        ("  programme=1\n", True),
        ("#:schema ../schema/programme.schema.json\nname = 'x'\n", True),
        ("#:schema /opt/matwork/_shipped/schema/programme.schema.json\n", True),
        ("name = 'x'\n[[phase]]\nname = 'a'\n", True),
        ("name = 'x'\n[[ phase.session ]]\n", True),
        ('name = "x"\n[[phase\n', True),
        ("#:schema ../schema/routine.schema.json\nname = 'x'\n[[block]]\n", False),
        ("name = 'programme = 1'\n[[block]]\n", False),
        ("name = 'x'\n[catalog.a]\nprogramme = 1\n", False),
        ("", False),
    ],
)
def test_a_programme_is_told_by_its_top_key_its_schema_line_or_its_phases(
    text: str, programme: bool
) -> None:
    assert looks_like_programme(text) is programme


def test_a_programme_reads_its_ranges_and_sessions() -> None:
    programme = parse_programme(PROGRAMME_TEXT, "test.toml")
    assert programme.weeks == 6
    assert programme.session_keys() == ["main"]
    hold = programme.progression["plank"].hold
    assert hold is not None
    assert (hold.low, hold.high, hold.step) == (20, 30, 5)
    pyramid = programme.progression["curl"].pyramid
    assert pyramid is not None
    assert (pyramid.hold, pyramid.low, pyramid.high, pyramid.drop) == (10, 3, 5, 2)


def test_load_programme_reads_a_file_with_a_byte_order_mark(tmp_path: Path) -> None:
    file = tmp_path / "p.toml"
    file.write_bytes(b"\xef\xbb\xbf" + PROGRAMME_TEXT.encode())
    assert load_programme(file).name == "Test"


def test_load_programme_refuses_a_folder_and_binary_data(tmp_path: Path) -> None:
    with pytest.raises(RoutineError, match="is a folder, not a programme file"):
        load_programme(tmp_path)
    file = tmp_path / "b.toml"
    file.write_bytes(b"programme = 1\n\x00\x01")
    with pytest.raises(
        RoutineError, match="binary data: a programme file is a text file"
    ) as caught:
        load_programme(file)
    assert (caught.value.line, caught.value.col) == (2, 1)


def test_every_problem_of_a_file_is_reported_at_once() -> None:
    text = PROGRAMME_TEXT.replace("per_week = 3", "per_week = 3\nper_weak = 3").replace(
        'name = "Test"', 'name = "Test"\nwekes = 6'
    )
    with pytest.raises(RoutineError) as caught:
        parse_programme(text, "p.toml")
    assert [(p.line, p.message) for p in caught.value.problems] == [
        (3, "unknown key 'wekes'"),
        (30, "unknown key 'per_weak'"),
    ]


def test_every_type_error_is_reported_at_its_value() -> None:
    text = PROGRAMME_TEXT.replace("weeks = 6", 'weeks = "six"').replace(
        "per_week = 3", "per_week = 3.5"
    )
    with pytest.raises(RoutineError) as caught:
        parse_programme(text, "p.toml")
    assert [(p.line, p.col, p.message) for p in caught.value.problems] == [
        (22, 9, 'weeks: expected a whole number, found "six"'),
        (28, 12, "per_week: expected a whole number, found 3.5"),
    ]
