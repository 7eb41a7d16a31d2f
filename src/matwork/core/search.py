"""Find exercises by the words people type: names, aliases, muscles and muscle groups.

Used by ``matwork catalog QUERY``, the builder's exercise picker and the library's
routine search (which looks for routines holding a matching exercise). Every word of
a query must occur in the search text; case, hyphens and apostrophes do not count
("lower-back" finds what "Lower back" finds), and a plural finds its singular as a
whole word ("shoulders" finds "Shoulder rolls"). A query that as a whole names a
muscle or a muscle group ("lower back", "hip flexors") finds the exercises whose main
muscles it includes, and those whose names hold its words. A built-in exercise is
also found by its names in the other languages ("Brücke" finds the glute bridge).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from matwork.core.catalog import builtin_catalog, translated_names
from matwork.core.model import CatalogEntry
from matwork.core.muscle_groups import fine_muscles, groups_of
from matwork.core.names import name_key, query_words, search_form


def exercise_names(exercise_id: str, entry: CatalogEntry) -> list[str]:
    """Its id, name and aliases, and for a built-in entry its names in other languages."""
    names = [exercise_id, entry.name, *entry.aliases]
    builtin = builtin_catalog().get(exercise_id)
    if builtin is not None and (builtin is entry or builtin == entry):
        names.extend(translated_names().get(exercise_id, ()))
    return names


def exercise_text(exercise_id: str, entry: CatalogEntry) -> str:
    """What an exercise is found by, in search form: its id, names and aliases (in every
    language for a built-in entry), its kind and pattern, its main muscles with the group
    names that include them, its lines."""
    parts = [
        *exercise_names(exercise_id, entry),
        entry.category,
        entry.pattern,
        *entry.muscles,
        *groups_of(entry.muscles),
        *entry.lines,
    ]
    return search_form("\n".join(parts))


def _singular(word: str) -> str | None:
    return word[:-1] if len(word) > 3 and word.endswith("s") else None


def holds_words(text: str, words: Iterable[str]) -> bool:
    """True when every word (in search form) occurs in ``text`` (in search form), or
    its singular does as a whole word."""
    whole: set[str] | None = None
    for word in words:
        if word in text:
            continue
        singular = _singular(word)
        if singular is None:
            return False
        if whole is None:
            whole = set(text.split())
        if singular not in whole:
            return False
    return True


def _names_text(exercise_id: str, entry: CatalogEntry) -> str:
    return search_form("\n".join(exercise_names(exercise_id, entry)))


def _rank(
    exercise_id: str, entry: CatalogEntry, key: str, words: list[str], wanted: set[str]
) -> tuple[int, int]:
    """(tier, -weight): tier 0 the query is one of its names, 1 its names hold the words,
    2 only its muscles or kind do; weight, for a query naming muscles, counts its main
    muscles among them, twice over for the first (the main one)."""
    names = exercise_names(exercise_id, entry)
    if key and key in {name_key(name) for name in names}:
        tier = 0
    elif holds_words(_names_text(exercise_id, entry), words):
        tier = 1
    else:
        tier = 2
    weight = sum(muscle in wanted for muscle in entry.muscles)
    if entry.muscles and entry.muscles[0] in wanted:
        weight += len(entry.muscles)
    return tier, -weight


def _found(exercise_id: str, entry: CatalogEntry, words: list[str], wanted: set[str]) -> bool:
    if wanted:
        return bool(wanted & set(entry.muscles)) or holds_words(
            _names_text(exercise_id, entry), words
        )
    return holds_words(exercise_text(exercise_id, entry), words)


def find_exercises(catalog: Mapping[str, CatalogEntry], query: str) -> list[str]:
    """The ids of the entries the query finds, best match first; ties sorted by name.

    An empty query finds every entry.
    """
    words = query_words(query)
    key = name_key(query)
    wanted = set(fine_muscles(query) or ()) if key else set()
    ranked = [
        (*_rank(exercise_id, entry, key, words, wanted), entry.name.casefold(), exercise_id)
        for exercise_id, entry in catalog.items()
        if _found(exercise_id, entry, words, wanted)
    ]
    return [exercise_id for *_, exercise_id in sorted(ranked)]
