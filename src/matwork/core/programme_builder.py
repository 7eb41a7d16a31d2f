"""A personal programme from an assessment: what each emphasis adds, and why.

``plan_emphases`` is pure: from a base programme, the emphasis ids of an assessment
(the side is in the id: ``lateral-endurance-left``), the recipes of
``data/emphases.toml`` and which exercises each session already trains, it gives
the additions to make: extra blocks, new progression rules and extra sets on the
weaker or shorter side, each with the sentence that says why. The app layer writes
them into the base programme's TOML (keeping its comments). Without emphases there
is nothing to add and the personal programme is a copy of the base.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType

import msgspec

from matwork.core import vocab
from matwork.core.data_translation import localized_data
from matwork.core.model import ExerciseUse
from matwork.core.programme_model import Programme, Rule

EMPHASES_RESOURCE = "emphases.toml"

EMPHASIS_IDS: tuple[str, ...] = (
    "extensor-endurance",
    "flexor-endurance",
    "lateral-endurance-left",
    "lateral-endurance-right",
    "hip-flexor-length-left",
    "hip-flexor-length-right",
    "posterior-chain-length",
    "lumbopelvic-control",
)
"""The emphasis ids shared with the assessment and the catalog (docs/programmes.md)."""


class Recipe(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """How a programme answers one emphasis."""

    title: str
    why: str
    kinds: list[str]
    use: ExerciseUse
    rule: Rule
    extra_side: str | None = None


@cache
def recipes() -> Mapping[str, Recipe]:
    """The shipped recipes by emphasis id; read from the package once per process."""
    text = (resources.files("matwork") / "data" / EMPHASES_RESOURCE).read_text(encoding="utf-8")
    raw = tomllib.loads(text)
    return MappingProxyType(
        {key: msgspec.convert(table, Recipe, strict=True) for key, table in raw.items()}
    )


@cache
def localized_recipes(language: str) -> Mapping[str, Recipe]:
    """The recipes with their ``title`` and ``why`` in ``language`` (``emphases.de.toml``)."""
    if language == vocab.SOURCE_LANGUAGE:
        return recipes()
    raw = localized_data(EMPHASES_RESOURCE, language)
    return MappingProxyType(
        {key: msgspec.convert(table, Recipe, strict=True) for key, table in raw.items()}
    )


class UnknownEmphasis(ValueError):
    """An emphasis id no recipe answers."""


@dataclass(frozen=True)
class Addition:
    """What one emphasis adds to the programme."""

    emphasis: str
    title: str
    why: str
    exercise: str
    """The catalog id of the exercise the emphasis trains."""
    sessions: tuple[str, ...]
    """Session keys that get the exercise as an extra block (may be empty)."""
    use: ExerciseUse
    new_rule: Rule | None
    """The rule to add when the programme has none for the exercise."""
    extra_sets: Mapping[str, int]
    """Side to sets more, for a one-sided emphasis."""


def _ordered(emphases: Sequence[str], known: Mapping[str, Recipe]) -> list[str]:
    unknown = [emphasis for emphasis in emphases if emphasis not in known]
    if unknown:
        raise UnknownEmphasis(
            f"unknown emphasis {', '.join(repr(e) for e in unknown)}; known: {', '.join(known)}"
        )
    return list(dict.fromkeys(emphasis for emphasis in known if emphasis in emphases))


def plan_emphases(
    programme: Programme,
    emphases: Sequence[str],
    trained: Mapping[str, frozenset[str]],
    known: Mapping[str, Recipe] | None = None,
) -> tuple[Addition, ...]:
    """The additions that give ``programme`` the emphases, in the recipes' order.

    ``trained`` maps each session key to the exercise ids its routine already has.
    """
    book = recipes() if known is None else known
    kinds: dict[str, set[str]] = {}
    for phase in programme.phase:
        for session in phase.session:
            kinds.setdefault(session.key, set()).add(session.kind)
    ruled = set(programme.progression)
    placed: set[tuple[str, str]] = set()
    additions: list[Addition] = []
    for emphasis in _ordered(emphases, book):
        recipe = book[emphasis]
        exercise = recipe.use.id
        sessions = []
        for key, session_kinds in kinds.items():
            if not session_kinds & set(recipe.kinds) or (exercise, key) in placed:
                continue
            if recipe.extra_side is not None and exercise in trained.get(key, frozenset()):
                continue
            sessions.append(key)
            if recipe.extra_side is not None:
                placed.add((exercise, key))
        new_rule = recipe.rule if exercise not in ruled else None
        ruled.add(exercise)
        extra = {recipe.extra_side: 1} if recipe.extra_side is not None else {}
        additions.append(
            Addition(
                emphasis,
                recipe.title,
                recipe.why,
                exercise,
                tuple(sessions),
                recipe.use,
                new_rule,
                extra,
            )
        )
    return tuple(additions)
