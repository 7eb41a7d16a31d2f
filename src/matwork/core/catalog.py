"""The built-in exercise catalog, shipped as a TOML data file inside the package.

``catalog.toml`` holds every entry in English; ``catalog.<language>.toml`` (e.g.
``catalog.de.toml``) holds, per id, the entry's name, instructions, cautions and
phase words in that language, and the names people type in it (aliases). Both are
decoded once, when first asked for; the built-in entries one by one (``LazyCatalog``):
a routine of three exercises does not pay for decoding sixty.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Annotated

import msgspec
from msgspec import Meta

from matwork.core import vocab
from matwork.core.model import DEFAULT_PHASE_WORDS, CatalogEntry, PhaseWord, RepPhases
from matwork.core.names import name_key

CATALOG_RESOURCE = "catalog.toml"

_Text = Annotated[str, Meta(min_length=1)]


def catalog_text() -> str:
    """The text of the shipped catalog file."""
    return (resources.files("matwork") / "data" / CATALOG_RESOURCE).read_text(encoding="utf-8")


_TABLE_HEADER = re.compile(r"\[([A-Za-z0-9_-]+)\][ \t]*(?:#.*)?")
"""A line that opens a top-level table with a bare key: ``[front-plank]``."""


def catalog_sections(text: str) -> dict[str, str] | None:
    """Each top-level table's own text by id (header and body), found without parsing.

    None unless the text is only comments and blank lines, then ``[id]`` tables: any other
    line starting with ``[`` (a dotted or quoted header, an array of tables), a key
    before the first table or an id twice, and the caller decodes the file whole.
    """
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines(keepends=True):
        if line.startswith("["):
            header = _TABLE_HEADER.fullmatch(line.rstrip("\r\n"))
            if header is None or header[1] in sections:
                return None
            current = sections[header[1]] = [line]
        elif current is not None:
            current.append(line)
        elif line.strip() and not line.lstrip().startswith("#"):
            return None
    return {key: "".join(lines) for key, lines in sections.items()}


class LazyCatalog(Mapping[str, CatalogEntry]):
    """Catalog entries by id, each decoded from its own table text when first asked for."""

    def __init__(self, sections: Mapping[str, str]) -> None:
        self._sections = dict(sections)
        self._decoded: dict[str, CatalogEntry] = {}

    def __getitem__(self, exercise_id: str) -> CatalogEntry:
        """The entry of ``exercise_id``, decoded once."""
        entry = self._decoded.get(exercise_id)
        if entry is None:
            table = tomllib.loads(self._sections[exercise_id])[exercise_id]
            entry = self._decoded[exercise_id] = msgspec.convert(table, CatalogEntry, strict=True)
        return entry

    def __iter__(self) -> Iterator[str]:
        """The ids, in the file's order."""
        return iter(self._sections)

    def __len__(self) -> int:
        """How many entries."""
        return len(self._sections)

    def __contains__(self, exercise_id: object) -> bool:
        """True for an id of the catalog (nothing is decoded)."""
        return exercise_id in self._sections


def decode_catalog(text: str) -> Mapping[str, CatalogEntry]:
    """Every entry of a catalog file, decoded at once."""
    raw = tomllib.loads(text)
    entries = {
        exercise_id: msgspec.convert(table, CatalogEntry, strict=True)
        for exercise_id, table in raw.items()
    }
    return MappingProxyType(entries)


@cache
def builtin_catalog() -> Mapping[str, CatalogEntry]:
    """Every built-in exercise by id; read from the package once per process, each entry
    decoded when first asked for (the whole file at once if its layout is unusual)."""
    text = catalog_text()
    sections = catalog_sections(text)
    return decode_catalog(text) if sections is None else LazyCatalog(sections)


def merged_catalog(own: Mapping[str, CatalogEntry]) -> Mapping[str, CatalogEntry]:
    """The built-in catalog with a routine's own ``[catalog.<id>]`` entries on top."""
    if not own:
        return builtin_catalog()
    return MappingProxyType({**builtin_catalog(), **own})


class PhaseWordsTranslation(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """The words of an entry's tempo phases in one language; a word not given is the default."""

    lower: PhaseWord | None = None
    bottom: PhaseWord | None = None
    lift: PhaseWord | None = None
    top: PhaseWord | None = None


class CatalogTranslation(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """One built-in entry's texts in one language, and the names people type in it."""

    name: _Text
    aliases: list[_Text] = []
    instructions: list[_Text] = []
    cautions: list[_Text] = []
    phases: PhaseWordsTranslation | None = None


def catalog_translation_text(language: str) -> str:
    """The text of the shipped catalog translation into ``language`` (``catalog.de.toml``)."""
    _check_language(language)
    resource = CATALOG_RESOURCE.replace(".toml", f".{language}.toml")
    return (resources.files("matwork") / "data" / resource).read_text(encoding="utf-8")


def _check_language(language: str) -> None:
    if language not in vocab.TRANSLATION_LANGUAGES:
        known = ", ".join(vocab.TRANSLATION_LANGUAGES)
        raise ValueError(f"no translations into '{language}' (matwork has: {known})")


def parse_catalog_translation(text: str) -> Mapping[str, CatalogTranslation]:
    """Decode a catalog translation; ValueError when it names an id the catalog lacks."""
    raw = tomllib.loads(text)
    unknown = sorted(set(raw) - set(builtin_catalog()))
    if unknown:
        raise ValueError(f"catalog translation names unknown ids: {', '.join(unknown)}")
    return MappingProxyType(
        {key: msgspec.convert(table, CatalogTranslation, strict=True) for key, table in raw.items()}
    )


@cache
def catalog_translations(language: str) -> Mapping[str, CatalogTranslation]:
    """The shipped translations into ``language`` by id; read once per process."""
    return parse_catalog_translation(catalog_translation_text(language))


def _phases(phases: RepPhases, words: PhaseWordsTranslation | None, language: str) -> RepPhases:
    english = DEFAULT_PHASE_WORDS[vocab.SOURCE_LANGUAGE]
    defaults = DEFAULT_PHASE_WORDS[language]
    fields = ("lower", "bottom", "lift", "top")
    chosen: dict[str, str] = {}
    for index, field in enumerate(fields):
        given = getattr(words, field) if words is not None else None
        current: str = getattr(phases, field)
        if given is not None:
            chosen[field] = given
        elif current == english[index]:
            chosen[field] = defaults[index]
    return msgspec.structs.replace(phases, **chosen)


def localized_entry(
    exercise_id: str, entry: CatalogEntry, translation: CatalogTranslation | None, language: str
) -> CatalogEntry:
    """The entry with its texts in ``language`` (English where a field has none).

    Its aliases are the names in ``language`` first, then the English name and
    aliases, so that a search or an ``id`` in either language still finds it.
    """
    if language == vocab.SOURCE_LANGUAGE:
        return entry
    if translation is None:
        phases = _phases(entry.phases, None, language)
        return msgspec.structs.replace(entry, phases=phases)
    seen = {name_key(exercise_id), name_key(translation.name)}
    aliases: list[str] = []
    for alias in (*translation.aliases, entry.name, *entry.aliases):
        if name_key(alias) not in seen:
            seen.add(name_key(alias))
            aliases.append(alias)
    return msgspec.structs.replace(
        entry,
        name=translation.name,
        aliases=aliases,
        instructions=translation.instructions or entry.instructions,
        cautions=translation.cautions or entry.cautions,
        phases=_phases(entry.phases, translation.phases, language),
    )


@cache
def localized_catalog(language: str) -> Mapping[str, CatalogEntry]:
    """Every built-in exercise by id with its texts in ``language``; English for "en"."""
    if language == vocab.SOURCE_LANGUAGE:
        return builtin_catalog()
    translations = catalog_translations(language)
    return MappingProxyType(
        {
            key: localized_entry(key, entry, translations.get(key), language)
            for key, entry in builtin_catalog().items()
        }
    )


@cache
def translated_names() -> Mapping[str, tuple[str, ...]]:
    """Each built-in id's names in every translation language: name, then aliases."""
    names: dict[str, tuple[str, ...]] = {}
    for language in vocab.TRANSLATION_LANGUAGES:
        for key, translation in catalog_translations(language).items():
            names[key] = (*names.get(key, ()), translation.name, *translation.aliases)
    return MappingProxyType(names)
