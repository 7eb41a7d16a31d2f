"""Translations inside a routine or programme file: its texts, checking them, applying them.

A file keeps its keys and its texts in English and may add ``[translations.de]``: a
``name``, a ``description`` and a ``[translations.de.text]`` table that maps each other
English text of the file (block names and notes, exercise names, notes and cues, the
texts of its own catalog entries) to its translation. ``translated(routine, "de")``
returns the routine with those texts in place and English wherever one is missing;
``localized_routine`` also puts the built-in exercises it uses in the language, so that
a compiled timeline shows their German names, instructions and phase words.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import msgspec

from matwork.core import vocab
from matwork.core.aliases import canonical_id
from matwork.core.catalog import catalog_translations, localized_entry, merged_catalog
from matwork.core.errors import hint_text
from matwork.core.locate import KeyPath
from matwork.core.model import (
    DEFAULT_PHASE_WORDS,
    Block,
    CatalogEntry,
    ExerciseUse,
    RepPhases,
    Routine,
    RoutineTranslation,
)
from matwork.core.programme_model import Extra, Phase, Programme, SessionPlan
from matwork.core.structure import describe_value
from matwork.core.test_catalog import localized_assessment_entries
from matwork.i18n import _

Finding = tuple[KeyPath, str, str]
"""(key path, message, hint), as the routine checker places them."""

_PHASE_FIELDS = ("lower", "bottom", "lift", "top")


def _check_language(language: str) -> None:
    if language not in vocab.LANGUAGES:
        raise ValueError(
            f"unsupported language '{language}' (one of: {', '.join(vocab.LANGUAGES)})"
        )


def _cue_texts(cues: str | list[str] | None) -> list[str]:
    if cues is None:
        return []
    return [cues] if isinstance(cues, str) else list(cues)


def _use_texts(use: ExerciseUse) -> Iterator[str]:
    if use.name:
        yield use.name
    if use.note:
        yield use.note
    yield from _cue_texts(use.cues)


def _entry_texts(entry: CatalogEntry) -> Iterator[str]:
    yield entry.name
    yield from entry.instructions
    yield from entry.cautions
    yield from entry.phases.words()


def _unique(texts: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(text for text in texts if text))


def routine_texts(routine: Routine) -> list[str]:
    """Every English text of a routine a ``[translations.x.text]`` table may translate."""

    def walk() -> Iterator[str]:
        for entry in routine.catalog.values():
            yield from _entry_texts(entry)
        for block in routine.block:
            yield block.name
            yield block.note or ""
            for use in block.exercise:
                yield from _use_texts(use)

    return _unique(walk())


def programme_texts(programme: Programme) -> list[str]:
    """Every English text of a programme a ``[translations.x.text]`` table may translate."""

    def walk() -> Iterator[str]:
        for phase in programme.phase:
            yield phase.name
            yield phase.note or ""
            for session in phase.session:
                yield session.name
                yield session.note or ""
        for extra in programme.extra:
            yield extra.name
            for use in extra.exercise:
                yield from _use_texts(use)

    return _unique(walk())


def _text_problem(value: Any, place: KeyPath, label: str) -> Iterator[Finding]:
    if not isinstance(value, str):
        message = _("{key}: expected text in quotes, found {found}")
        yield place, message.format(key=label, found=describe_value(value)), ""
    elif not value.strip():
        message = _("{key}: the translation is empty").format(key=label)
        yield place, message, _("write it, or remove the line")


def shape_problems(data: Any) -> Iterator[Finding]:
    """Texts of a decoded ``[translations]`` that are no text or empty, each at its key.

    Checked before decoding, since msgspec's error paths lose the keys of a table.
    """
    tables = data.get("translations") if isinstance(data, dict) else None
    if not isinstance(tables, dict):
        return
    for language, table in tables.items():
        if not isinstance(table, dict):
            continue
        base: KeyPath = ("translations", language)
        for field in ("name", "description"):
            if field in table:
                yield from _text_problem(table[field], (*base, field), field)
        texts = table.get("text")
        if isinstance(texts, dict):
            for key, value in texts.items():
                yield from _text_problem(value, (*base, "text", key), f"'{_short(key)}'")


def language_problems(translations: Mapping[str, RoutineTranslation]) -> Iterator[Finding]:
    """A problem for every translation into a language matwork does not have."""
    known = vocab.TRANSLATION_LANGUAGES
    for language in translations:
        if language in known:
            continue
        if language == vocab.SOURCE_LANGUAGE:
            words = _("'{language}' is the language the file is written in")
            message = words.format(language=language)
            hint = _("translations are for: {languages}").format(languages=", ".join(known))
        else:
            message = _("unsupported language '{language}'").format(language=language)
            close = difflib.get_close_matches(language.lower(), known, n=1, cutoff=0.5)
            if close:
                hint = hint_text(close[:1])
            else:
                hint = _("one of: {choices}").format(choices=", ".join(known))
        yield ("translations", language), message, hint


def stale_texts(
    translations: Mapping[str, RoutineTranslation], texts: Iterable[str]
) -> Iterator[Finding]:
    """A finding for every translated text that is no English text of the file (any more)."""
    english = list(texts)
    present = set(english)
    for language, translation in translations.items():
        for key in translation.text:
            if key in present:
                continue
            close = difflib.get_close_matches(key, english, n=1, cutoff=0.6)
            hint = hint_text(close[:1]) if close else _("it is not used; remove or fix it")
            place: KeyPath = ("translations", language, "text", key)
            message = _("no English text of this file reads '{text}'").format(text=_short(key))
            yield place, message, hint


def _short(text: str) -> str:
    return text if len(text) <= 50 else text[:47] + "..."


Lookup = Callable[[str], str]


def _lookup(translation: RoutineTranslation | None) -> Lookup:
    table = translation.text if translation is not None else {}
    return lambda text: table.get(text, text)


def _translated_phases(phases: RepPhases, lookup: Lookup, language: str) -> RepPhases:
    english = DEFAULT_PHASE_WORDS[vocab.SOURCE_LANGUAGE]
    defaults = DEFAULT_PHASE_WORDS[language]
    words: dict[str, str] = {}
    for index, field in enumerate(_PHASE_FIELDS):
        word: str = getattr(phases, field)
        found = lookup(word)
        if found == word and word == english[index]:
            found = defaults[index]
        words[field] = found
    return msgspec.structs.replace(phases, **words)


def _translated_entry(entry: CatalogEntry, lookup: Lookup, language: str) -> CatalogEntry:
    return msgspec.structs.replace(
        entry,
        name=lookup(entry.name),
        instructions=[lookup(text) for text in entry.instructions],
        cautions=[lookup(text) for text in entry.cautions],
        phases=_translated_phases(entry.phases, lookup, language),
    )


def _translated_use(use: ExerciseUse, lookup: Lookup) -> ExerciseUse:
    cues = use.cues
    if isinstance(cues, str):
        cues = lookup(cues)
    elif cues is not None:
        cues = [lookup(cue) for cue in cues]
    return msgspec.structs.replace(
        use,
        name=lookup(use.name) if use.name else use.name,
        note=lookup(use.note) if use.note else use.note,
        cues=cues,
    )


def _translated_block(block: Block, lookup: Lookup) -> Block:
    return msgspec.structs.replace(
        block,
        name=lookup(block.name) if block.name else block.name,
        note=lookup(block.note) if block.note else block.note,
        exercise=[_translated_use(use, lookup) for use in block.exercise],
    )


def translated(routine: Routine, language: str) -> Routine:
    """The routine with its texts in ``language``, each one English where it has none.

    Pure: the routine's own ``[translations.<language>]`` is all it reads. "en" (or a
    language the routine has no translation for) gives its English texts; only the
    default phase words of its own catalog entries follow the language then.
    """
    _check_language(language)
    if language == vocab.SOURCE_LANGUAGE:
        return routine
    translation = routine.translations.get(language)
    lookup = _lookup(translation)
    return msgspec.structs.replace(
        routine,
        name=(translation.name if translation and translation.name else routine.name),
        description=(
            translation.description
            if translation and translation.description
            else routine.description
        ),
        catalog={
            key: _translated_entry(entry, lookup, language)
            for key, entry in routine.catalog.items()
        },
        block=[_translated_block(block, lookup) for block in routine.block],
    )


def localized_routine(routine: Routine, language: str) -> Routine:
    """``translated``, with each built-in exercise it uses added as its own entry in
    ``language`` (from ``catalog.<language>.toml``), so its timeline shows them so.

    For playing and showing only; such a routine is never saved.
    """
    result = translated(routine, language)
    if language == vocab.SOURCE_LANGUAGE:
        return result
    catalog = merged_catalog(routine.catalog)
    translations = catalog_translations(language)
    tests = localized_assessment_entries(language)
    added: dict[str, CatalogEntry] = {}
    for block in routine.block:
        for use in block.exercise:
            exercise_id = canonical_id(use.id, catalog)
            if exercise_id is None and use.id in tests and use.id not in routine.catalog:
                added[use.id] = tests[use.id]  # a test of the self-assessment, by its id
                continue
            if exercise_id is None or exercise_id in routine.catalog or exercise_id in added:
                continue
            entry = catalog[exercise_id]
            added[exercise_id] = localized_entry(
                exercise_id, entry, translations.get(exercise_id), language
            )
    if not added:
        return result
    return msgspec.structs.replace(result, catalog={**added, **result.catalog})


def _translated_session(session: SessionPlan, lookup: Lookup) -> SessionPlan:
    return msgspec.structs.replace(
        session,
        name=lookup(session.name) if session.name else session.name,
        note=lookup(session.note) if session.note else session.note,
    )


def _translated_phase(phase: Phase, lookup: Lookup) -> Phase:
    return msgspec.structs.replace(
        phase,
        name=lookup(phase.name),
        note=lookup(phase.note) if phase.note else phase.note,
        session=[_translated_session(session, lookup) for session in phase.session],
    )


def _translated_extra(extra: Extra, lookup: Lookup) -> Extra:
    return msgspec.structs.replace(
        extra,
        name=lookup(extra.name),
        exercise=[_translated_use(use, lookup) for use in extra.exercise],
    )


def translated_programme(programme: Programme, language: str) -> Programme:
    """The programme with its texts in ``language``, each one English where it has none."""
    _check_language(language)
    translation = programme.translations.get(language)
    if language == vocab.SOURCE_LANGUAGE or translation is None:
        return programme
    lookup = _lookup(translation)
    return msgspec.structs.replace(
        programme,
        name=translation.name or programme.name,
        description=translation.description or programme.description,
        phase=[_translated_phase(phase, lookup) for phase in programme.phase],
        extra=[_translated_extra(extra, lookup) for extra in programme.extra],
    )
