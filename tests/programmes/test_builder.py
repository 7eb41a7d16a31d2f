"""A personal programme from emphases: what each one adds, and why (core, pure)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from matwork.core.programme import load_programme
from matwork.core.programme_builder import UnknownEmphasis, plan_emphases

ROOT = Path(__file__).resolve().parents[2]
BASE = load_programme(ROOT / "programmes" / "back-reconditioning.toml")
TRAINED = {
    "main": frozenset(
        {"side-plank", "bird-dog", "mcgill-curl-up", "hip-flexor-stretch", "glute-bridge"}
    ),
    "fascia": frozenset({"hip-flexor-stretch", "hamstring-stretch", "calf-stretch"}),
    "desk": frozenset({"seated-twist"}),
    "integrate": frozenset({"romanian-deadlift", "hip-flexor-stretch", "side-plank"}),
}


def test_without_emphases_nothing_is_added() -> None:
    assert plan_emphases(BASE, [], TRAINED) == ()


def test_more_extensor_endurance_joins_every_strength_session() -> None:
    (addition,) = plan_emphases(BASE, ["extensor-endurance"], TRAINED)
    assert addition.exercise == "bird-dog"
    assert addition.sessions == ("main", "integrate")
    assert addition.new_rule is None, "the programme already has a bird-dog rule"
    assert addition.extra_sets == {}
    assert "flexion : extension ratio above 1.0" in addition.why


def test_the_weaker_side_gets_more_volume_where_the_exercise_is_already_trained() -> None:
    (addition,) = plan_emphases(BASE, ["lateral-endurance-left"], TRAINED)
    assert addition.extra_sets == {"left": 1}
    assert addition.sessions == (), "every strength session already has side planks"
    assert addition.new_rule is None


def test_short_hip_flexors_on_both_sides_add_one_stretch_with_an_extra_set_each() -> None:
    trained = {**TRAINED, "integrate": frozenset({"romanian-deadlift"})}
    left, right = plan_emphases(
        BASE, ["hip-flexor-length-right", "hip-flexor-length-left"], trained
    )
    assert (left.emphasis, right.emphasis) == ("hip-flexor-length-left", "hip-flexor-length-right")
    assert left.sessions == ("integrate",)
    assert right.sessions == (), "the stretch is added once per session"
    assert left.new_rule is not None
    assert right.new_rule is None
    assert (left.extra_sets, right.extra_sets) == ({"left": 1}, {"right": 1})


def test_an_exercise_without_a_rule_gets_the_recipes_rule() -> None:
    (addition,) = plan_emphases(BASE, ["posterior-chain-length"], TRAINED)
    assert addition.sessions == ("main", "fascia", "integrate")
    assert addition.new_rule is not None
    assert addition.new_rule.hold is not None
    assert addition.new_rule.sets == 2


def test_an_unknown_emphasis_is_refused() -> None:
    with pytest.raises(UnknownEmphasis, match="unknown emphasis 'knees'"):
        plan_emphases(BASE, ["extensor-endurance", "knees"], TRAINED)


def test_the_new_core_modules_import_no_ui_and_no_file_libraries() -> None:
    modules = [
        "programme",
        "programme_model",
        "programme_schema",
        "programme_plan",
        "programme_apply",
        "programme_builder",
        "progression",
        "progression_rules",
        "guidance",
    ]
    code = (
        "import sys\n"
        + "".join(f"import matwork.core.{name}\n" for name in modules)
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'textual', 'rich', 'click', 'tomlkit', 'icalendar'})\nprint(','.join(bad))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
