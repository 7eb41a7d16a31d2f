"""Exercise search by names, aliases, muscles and group names, shared by CLI and TUI."""

from __future__ import annotations

import pytest

from matwork.core.catalog import builtin_catalog
from matwork.core.search import exercise_text, find_exercises, holds_words

CATALOG = builtin_catalog()


@pytest.mark.parametrize(
    ("query", "found", "not_found"),
    [
        (
            "core",
            {"front-plank", "side-plank", "dead-bug", "bird-dog", "mcgill-curl-up", "pallof-press"},
            {"hamstring-stretch", "calf-stretch", "doorway-chest-opener", "step-ups"},
        ),
        (
            "abs",
            {"front-plank", "dead-bug", "mcgill-curl-up", "the-hundred", "toe-taps"},
            {"bird-dog", "hamstring-stretch", "glute-bridge"},
        ),
        (
            "glutes",
            {"glute-bridge", "clam", "bodyweight-squat", "romanian-deadlift", "figure-4-stretch"},
            {"front-plank", "chin-tuck", "cat-cow"},
        ),
        (
            "lower back",
            {"back-extension", "bird-dog", "swimming", "cat-cow", "childs-pose", "side-plank"},
            {"wall-angel", "chin-tuck", "hamstring-stretch", "calf-stretch"},
        ),
        (
            "hip flexors",
            {"hip-flexor-stretch", "couch-stretch", "standing-hip-flexor-stretch"},
            {"chin-tuck"},
        ),
        ("lats", {"band-row", "childs-pose"}, {"lateral-breathing", "side-plank"}),
        ("Child's pose", {"childs-pose"}, {"cat-cow"}),
        ("superman", {"swimming"}, set()),
    ],
)
def test_queries_find_sensible_entries(query: str, found: set[str], not_found: set[str]) -> None:
    ids = find_exercises(CATALOG, query)
    assert found <= set(ids)
    assert not_found.isdisjoint(ids)


def test_the_best_match_comes_first() -> None:
    assert find_exercises(CATALOG, "plank")[0] == "front-plank"  # its alias
    assert find_exercises(CATALOG, "bridge")[0] == "glute-bridge"
    assert find_exercises(CATALOG, "glutes")[0] == "glute-bridge"  # "glute" in its name
    assert find_exercises(CATALOG, "hamstrings")[0] == "hamstring-stretch"
    core = find_exercises(CATALOG, "core")
    assert core.index("front-plank") < core.index("childs-pose")  # all abs before half back


def test_a_nonsense_query_finds_nothing() -> None:
    assert find_exercises(CATALOG, "xyzzy") == []
    assert find_exercises(CATALOG, "plank xyzzy") == []


def test_an_empty_query_finds_everything_by_name() -> None:
    assert find_exercises(CATALOG, "") == sorted(CATALOG, key=lambda k: CATALOG[k].name.casefold())


def test_search_text_holds_aliases_and_groups() -> None:
    text = exercise_text("glute-bridge", CATALOG["glute-bridge"])
    assert holds_words(text, ["hip", "raise"])  # an alias
    assert holds_words(text, ["glutes"])  # the group of glute-max
    assert holds_words(text, ["bridges"])  # a plural finds the word
    assert not holds_words(text, ["lats"])
