"""Names people type: aliases for ids, muscle group names, and what `check` says of them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from matwork.cli import main
from matwork.core import compile_timeline, parse_routine, vocab
from matwork.core.aliases import canonical_id, id_hint
from matwork.core.catalog import builtin_catalog, translated_names
from matwork.core.muscle_groups import MUSCLE_GROUPS, fine_muscles, muscle_hint
from matwork.core.names import name_key
from matwork.core.routine import RoutineError, check_routine_text
from matwork.core.schema import routine_schema

CATALOG = builtin_catalog()
ALIASES = [(exercise_id, alias) for exercise_id, e in CATALOG.items() for alias in e.aliases]


def routine(exercise_id: str, extra: str = "") -> str:
    """A one-exercise routine."""
    return f'name = "R"\n\n[[block]]\n[[block.exercise]]\nid = "{exercise_id}"\n{extra}'


@pytest.mark.parametrize(("exercise_id", "alias"), ALIASES, ids=[a for _, a in ALIASES])
def test_every_alias_resolves_to_its_entry(exercise_id: str, alias: str) -> None:
    assert canonical_id(alias, CATALOG) == exercise_id
    assert canonical_id(alias.upper(), CATALOG) == exercise_id


@pytest.mark.parametrize(
    ("typed", "exercise_id"),
    [
        ("plank", "front-plank"),
        ("cat cow", "cat-cow"),
        ("child's pose", "childs-pose"),
        ("Child’s Pose", "childs-pose"),
        ("dead bug", "dead-bug"),
        ("hamstring stretch", "hamstring-stretch"),
        ("bridge", "glute-bridge"),
        ("superman", "swimming"),
        ("bird-dog", "bird-dog"),
        ("Bird Dog", "bird-dog"),
        ("front_plank", "front-plank"),
        ("90/90", "hip-90-90"),
    ],
)
def test_names_people_type_resolve(typed: str, exercise_id: str) -> None:
    assert canonical_id(typed, CATALOG) == exercise_id


def test_an_alias_never_repeats_an_id_or_another_alias() -> None:
    owner: dict[str, str] = {name_key(exercise_id): exercise_id for exercise_id in CATALOG}
    clashes = []
    for exercise_id, alias in ALIASES:
        key = name_key(alias)
        if key in owner:
            clashes.append((exercise_id, alias, owner[key]))
        owner[key] = exercise_id
    assert clashes == []


def test_every_entry_has_aliases() -> None:
    assert [exercise_id for exercise_id, e in CATALOG.items() if not e.aliases] == []


def test_an_unknown_name_is_none_and_its_hint_searches_the_aliases() -> None:
    assert canonical_id("plnak", CATALOG) is None
    assert canonical_id("xyzzy", CATALOG) is None
    assert "'front-plank'" in id_hint("plnak", CATALOG)  # close to the alias "plank"
    assert "'glute-bridge'" in id_hint("brige", CATALOG)
    assert id_hint("xyzzy", CATALOG) == ""


def test_plank_compiles_to_the_front_plank_timeline() -> None:
    by_alias = compile_timeline(parse_routine(routine("plank"), "r.toml"))
    by_id = compile_timeline(parse_routine(routine("front-plank"), "r.toml"))
    assert by_alias == by_id
    assert [s.exercise.id for s in by_alias.work_segments()] == ["front-plank"]


def test_an_alias_is_a_note_placed_at_its_id() -> None:
    checked = check_routine_text(routine("plank"), "r.toml")
    assert [str(notice) for notice in checked.notices] == [
        "r.toml:5:1: note: exercise id 'plank' stands for 'front-plank' "
        '(id = "front-plank" names it directly)'
    ]
    assert check_routine_text(routine("front-plank"), "r.toml").notices == ()


def test_an_unknown_id_is_still_an_error_with_a_suggestion() -> None:
    with pytest.raises(RoutineError) as caught:
        parse_routine(routine("plnk"), "r.toml")
    assert caught.value.message == "unknown exercise id 'plnk'"
    assert "'front-plank'" in caught.value.hint


def test_a_routines_own_id_comes_before_a_builtin_alias() -> None:
    text = routine("plank") + '\n[catalog.plank]\nname = "My plank"\ncategory = "strength"\n'
    checked = check_routine_text(text, "r.toml")
    assert checked.notices == ()
    segment = compile_timeline(checked.routine).work_segments()[0]
    assert (segment.exercise.id, segment.exercise.name) == ("plank", "My plank")


def test_own_aliases_resolve() -> None:
    text = routine("wall slide hold") + (
        '\n[catalog.my-slide]\nname = "Slide"\ncategory = "mobility"\n'
        'aliases = ["wall slide hold"]\n'
    )
    segment = compile_timeline(parse_routine(text, "r.toml")).work_segments()[0]
    assert segment.exercise.id == "my-slide"


def test_check_accepts_an_alias_with_a_note_and_exit_zero(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    path.write_text(routine("plank"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        f"{path}:5:1: note: exercise id 'plank' stands for 'front-plank' "
        '(id = "front-plank" names it directly)',
        "1 file checked: 1 valid, 1 note",
    ]
    report = json.loads(CliRunner().invoke(main, ["check", "--json", str(path)]).output)
    assert report[0]["ok"] is True
    assert report[0]["errors"] == []
    assert report[0]["notes"][0]["message"] == "exercise id 'plank' stands for 'front-plank'"


# --- muscle groups -------------------------------------------------------------------

OWN_ENTRY = """
[catalog.mine]
name = "Mine"
category = "strength"
muscles = {muscles}
secondary = {secondary}
"""


def own(muscles: str, secondary: str = "[]") -> str:
    return routine("mine") + OWN_ENTRY.format(muscles=muscles, secondary=secondary)


def test_group_names_in_an_own_entry_pass_and_are_stored_as_fine_names(tmp_path: Path) -> None:
    text = own('["glutes", "lats", "abs", "hip flexors"]', '["Lower Back", "glute-max"]')
    entry = parse_routine(text, "r.toml").catalog["mine"]
    assert entry.muscles == [
        "glute-max",
        "glute-med",
        "latissimus-dorsi",
        "rectus-abdominis",
        "transverse-abdominis",
        "obliques",
        "hip-flexors",
    ]
    assert entry.secondary == ["erector-spinae", "multifidus", "quadratus-lumborum", "glute-max"]
    fine = parse_routine(own('["glute-max"]', '["obliques", "obliques"]'), "r.toml")
    assert fine.catalog["mine"].secondary == ["obliques", "obliques"]  # fine names as written
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert (result.exit_code, result.output) == (0, "1 file checked: 1 valid\n")


def test_an_unknown_muscle_names_the_close_ones_not_the_neck() -> None:
    with pytest.raises(RoutineError) as caught:
        parse_routine(own('["hip flexers"]'), "r.toml")
    problem = caught.value.problems[0]
    assert problem.message == "unknown muscle 'hip flexers'"
    assert "'hip-flexors'" in problem.hint
    assert "neck" not in problem.hint
    assert "neck" not in muscle_hint("hip flexors")
    assert (problem.line, problem.col) > (5, 1)


@pytest.mark.parametrize(
    ("name", "fine"),
    [
        ("glutes", ("glute-max", "glute-med")),
        ("Hip Flexors", ("hip-flexors",)),
        ("lats", ("latissimus-dorsi",)),
        ("quads", ("quadriceps",)),
        ("pecs", ("pectorals",)),
        ("traps", ("upper-trapezius", "middle-trapezius", "lower-trapezius")),
        ("calves", ("calves",)),
        ("obliques", ("obliques",)),
        ("lower-back", ("erector-spinae", "multifidus", "quadratus-lumborum")),
    ],
)
def test_group_names_map_to_the_fine_vocabulary(name: str, fine: tuple[str, ...]) -> None:
    assert fine_muscles(name) == fine


def test_every_group_is_made_of_fine_names_and_no_group_hides_a_fine_name() -> None:
    assert [g for g, fine in MUSCLE_GROUPS.items() if not set(fine) <= set(vocab.MUSCLES)] == []
    fine_keys = {name_key(m) for m in vocab.MUSCLES}
    assert [g for g in MUSCLE_GROUPS if name_key(g) in fine_keys] == []
    assert len({name_key(g) for g in MUSCLE_GROUPS}) == len(MUSCLE_GROUPS)
    for group in ("core", "abs", "glutes", "lower back", "upper back", "shoulders", "neck"):
        assert group in MUSCLE_GROUPS


def test_own_entry_links_and_emphases_are_checked() -> None:
    text = routine("mine") + (
        '\n[catalog.mine]\nname = "Mine"\ncategory = "strength"\n'
        'trains = ["extensor-endurence"]\neasier = "mine"\nharder = "plnk"\n'
    )
    with pytest.raises(RoutineError) as caught:
        parse_routine(text, "r.toml")
    found = {p.message: p.hint for p in caught.value.problems}
    assert found.keys() == {
        "unknown emphasis 'extensor-endurence'",
        "easier: 'mine' is this exercise itself",
        "unknown exercise id 'plnk'",
    }
    assert found["unknown emphasis 'extensor-endurence'"].startswith(
        "did you mean 'extensor-endurance'"
    )
    assert found["unknown exercise id 'plnk'"] == "did you mean 'front-plank'?"


def test_own_entry_links_may_name_an_alias_and_are_stored_as_ids() -> None:
    text = routine("mine") + (
        '\n[catalog.mine]\nname = "Mine"\ncategory = "strength"\neasier = "plank"\n'
    )
    assert parse_routine(text, "r.toml").catalog["mine"].easier == "front-plank"


# --- the schema ----------------------------------------------------------------------


def test_the_schema_offers_every_id_alias_breath_and_muscle_name() -> None:
    definitions = routine_schema()["$defs"]
    id_options = definitions["ExerciseUse"]["properties"]["id"]["anyOf"]
    offered = next(option["enum"] for option in id_options if "enum" in option)
    german = {name for names in translated_names().values() for name in names}
    assert set(CATALOG) | {alias for _, alias in ALIASES} | german == set(offered)
    assert {"plank", "front-plank", "cat camel", "superman", "Brücke", "Katze-Kuh"} <= set(offered)
    assert offered[: len(CATALOG)] == list(CATALOG)
    # a routine's own [catalog.x] id still validates: a free string is an option too
    assert id_options[1]["type"] == "string"
    assert "enum" not in id_options[1]
    for struct in ("Defaults", "CatalogEntry", "ExerciseUse"):
        options = definitions[struct]["properties"]["breath"]["anyOf"]
        names = next(option["enum"] for option in options if "enum" in option)
        assert names == ["calm", "box", "4-7-8", "coherent", "pilates", "tempo", "none"]
        assert any(option.get("type") == "string" and "enum" not in option for option in options)
    muscles = definitions["CatalogEntry"]["properties"]["muscles"]["items"]["enum"]
    assert set(vocab.MUSCLES) | {"glutes", "lats", "abs", "lower back", "core"} <= set(muscles)
