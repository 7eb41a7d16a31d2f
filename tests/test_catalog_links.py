"""The catalog's content for programmes: what each exercise trains, its easier and harder
versions, and the words its reps are played in. Read from the TOML on its own."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from matwork.core import vocab

CATALOG_PATH = Path(__file__).resolve().parents[1] / "src" / "matwork" / "data" / "catalog.toml"
CATALOG = tomllib.loads(CATALOG_PATH.read_text(encoding="utf-8"))
SIDED_EMPHASES = {e.removesuffix("-left") for e in vocab.EMPHASES if e.endswith("-left")}
PHASE_KEYS = {"starts", "lower", "bottom", "lift", "top"}


def test_emphasis_ids_are_the_shared_vocabulary() -> None:
    assert vocab.EMPHASES == (
        "extensor-endurance",
        "flexor-endurance",
        "lateral-endurance-left",
        "lateral-endurance-right",
        "hip-flexor-length-left",
        "hip-flexor-length-right",
        "posterior-chain-length",
        "lumbopelvic-control",
    )


def test_every_emphasis_is_trained_by_some_entry() -> None:
    trained = {emphasis for entry in CATALOG.values() for emphasis in entry["trains"]}
    assert set(vocab.EMPHASES) - trained == set()


@pytest.mark.parametrize("exercise_id", sorted(CATALOG))
def test_trains_names_known_emphases_both_sides_for_a_sided_one(exercise_id: str) -> None:
    entry = CATALOG[exercise_id]
    trains = entry["trains"]
    assert [e for e in trains if e not in vocab.EMPHASES] == []
    assert len(set(trains)) == len(trains)
    for stem in SIDED_EMPHASES:
        sides = {f"{stem}-left", f"{stem}-right"} & set(trains)
        assert len(sides) in (0, 2), f"{exercise_id}: {stem} on one side only"
        if sides:
            assert entry["sided"], f"{exercise_id}: a sided emphasis on an unsided exercise"


@pytest.mark.parametrize(
    ("emphasis", "expected"),
    [
        ("extensor-endurance", {"bird-dog", "back-extension", "swimming"}),
        ("flexor-endurance", {"front-plank", "mcgill-curl-up", "dead-bug"}),
        ("lateral-endurance-left", {"side-plank", "knee-side-plank"}),
        ("hip-flexor-length-right", {"hip-flexor-stretch", "couch-stretch"}),
        ("posterior-chain-length", {"hamstring-stretch", "spine-stretch-forward"}),
        ("lumbopelvic-control", {"dead-bug", "bird-dog", "pelvic-tilt"}),
    ],
)
def test_the_typical_exercises_train_their_emphasis(emphasis: str, expected: set[str]) -> None:
    trained = {exercise_id for exercise_id, e in CATALOG.items() if emphasis in e["trains"]}
    assert expected <= trained


@pytest.mark.parametrize("exercise_id", sorted(CATALOG))
def test_easier_and_harder_name_other_entries(exercise_id: str) -> None:
    entry = CATALOG[exercise_id]
    for field in ("easier", "harder"):
        if field in entry:
            assert entry[field] in CATALOG, f"{exercise_id}.{field}: no such entry"
            assert entry[field] != exercise_id, f"{exercise_id} is its own {field}"
    if "easier" in entry and "harder" in entry:
        assert entry["easier"] != entry["harder"]


@pytest.mark.parametrize("field", ["easier", "harder"])
def test_progressions_never_loop(field: str) -> None:
    for start in CATALOG:
        seen = [start]
        while field in CATALOG[seen[-1]]:
            step = CATALOG[seen[-1]][field]
            assert step not in seen, f"{field} loops: {' -> '.join([*seen, step])}"
            seen.append(step)


def test_chains_go_both_ways() -> None:
    """Where A's harder is B, B's easier is A (a regression leads back)."""
    wrong = [
        (a, entry["harder"])
        for a, entry in CATALOG.items()
        if "harder" in entry and CATALOG[entry["harder"]].get("easier") != a
    ]
    assert wrong == []


def test_every_plank_and_side_bridge_chain_has_a_first_step() -> None:
    assert CATALOG["front-plank"]["easier"] == "knee-plank"
    assert CATALOG["side-plank"]["easier"] == "knee-side-plank"


@pytest.mark.parametrize("exercise_id", sorted(CATALOG))
def test_phases_only_on_tempo_entries_with_short_words(exercise_id: str) -> None:
    phases = CATALOG[exercise_id].get("phases")
    if phases is None:
        return
    assert "tempo" in CATALOG[exercise_id], "phases only matter to a rep at a tempo"
    assert set(phases) <= PHASE_KEYS
    assert phases.get("starts", "lower") in ("lower", "lift")
    for key in PHASE_KEYS - {"starts"}:
        if key in phases:
            assert phases[key] == phases[key].strip().lower()
            assert 0 < len(phases[key]) <= 20


@pytest.mark.parametrize(
    "exercise_id",
    [
        "glute-bridge",
        "mcgill-curl-up",
        "bird-dog",
        "back-extension",
        "swan",
        "clam",
        "pelvic-tilt",
        "single-leg-raise",
        "band-row",
        "pallof-press",
        "chair-squat",
        "chin-tuck",
    ],
)
def test_reps_that_start_at_the_bottom_start_with_the_lift(exercise_id: str) -> None:
    """Lying, kneeling or seated starts: the rep begins by lifting, pulling or pressing."""
    assert CATALOG[exercise_id]["phases"]["starts"] == "lift"


def test_the_named_examples_use_their_own_words() -> None:
    bridge = CATALOG["glute-bridge"]["phases"]
    assert (bridge.get("lift", "lift"), bridge["top"], bridge.get("lower", "lower")) == (
        "lift",
        "hold",
        "lower",
    )
    squat = CATALOG["bodyweight-squat"]["phases"]
    assert squat.get("starts", "lower") == "lower"
    assert squat["lift"] == "stand"
    assert CATALOG["mcgill-curl-up"]["phases"]["lift"] == "curl up"
