"""Programmes in the app: finding and checking them, and resolving their routines.

Shipped programmes live in the ``programmes`` folder beside ``routines``, the user's
own in ``programmes/`` of the config dir. A programme file is checked in two steps:
the core checks the file itself (``core.programme``), and ``check_programme`` adds
what needs the library: every session's routine or template must exist and load,
every progression rule must name an exercise one of those routines plays, and every
variation and extra exercise must be in the catalog. Each problem keeps its
``path:line:col``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from matwork.app.config import ConfigError, load_config, routine_sources
from matwork.app.library import (
    LibraryEntry,
    RoutineNotFound,
    discover,
    find_entry,
    load_entry,
    routine_files,
)
from matwork.app.paths import Paths, UserPathError, user_path
from matwork.core.catalog import catalog_translations, localized_entry, merged_catalog
from matwork.core.errors import Notice, Problem, RoutineError, did_you_mean
from matwork.core.locate import KeyPath, Locator
from matwork.core.model import CatalogEntry
from matwork.core.programme import load_programme, looks_like_programme, programme_notices
from matwork.core.programme_model import Programme, SessionPlan
from matwork.core.progression import ExerciseInfo, variation_chain
from matwork.core.routine import compile_timeline, parse_routine, read_source
from matwork.core.vocab import SOURCE_LANGUAGE
from matwork.i18n import current_language
from matwork.shipped import shipped_dir


@dataclass(frozen=True)
class ProgrammeEntry:
    """One programme file: loaded, or broken with its error."""

    path: Path
    origin: str
    """"shipped", "user" or "path"."""
    programme: Programme | None = None
    error: RoutineError | None = None
    notices: tuple[Notice, ...] = ()
    """Notes on the file that are not errors (translations of texts it does not have)."""

    @property
    def ok(self) -> bool:
        """True when the file loaded and its references resolve."""
        return self.programme is not None and self.error is None

    @property
    def name(self) -> str:
        """The programme's name in the language in use, or the file's stem when broken."""
        if self.programme is None:
            return self.path.stem
        translation = self.programme.translations.get(current_language())
        return translation.name if translation and translation.name else self.programme.name


class ProgrammeNotFound(LookupError):
    """No programme answers to a name; ``hint`` suggests close names."""

    def __init__(self, name: str, hint: str) -> None:
        super().__init__(f"no programme named '{name}'")
        self.hint = hint


def shown_name(path: str, stored: str) -> str:
    """A run's programme name in the language in use, read from its file; ``stored`` (the
    name it was started under) when the file is gone or broken."""
    try:
        programme = load_programme(Path(path))
    except (RoutineError, OSError):
        return stored
    translation = programme.translations.get(current_language())
    return translation.name if translation and translation.name else programme.name


def programme_sources(paths: Paths) -> list[tuple[str, Path]]:
    """The folders programmes come from: shipped, then the user's."""
    return [("shipped", shipped_dir("programmes")), ("user", paths.programmes_dir)]


def routine_library(paths: Paths) -> list[LibraryEntry]:
    """The routines a programme can name: shipped, the user's and the config's folders.

    Raises ConfigError when config.toml cannot be read.
    """
    return discover(routine_sources(load_config(paths.config_file), paths))


def file_hash(path: Path) -> str:
    """sha256 hex of a file's bytes ("" when it cannot be read)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


# Routines of sessions ----------------------------------------------------------------


def template_path(name: str) -> Path:
    """Where a routine template's file is (inside the package)."""
    return Path(str(resources.files("matwork"))) / "data" / "templates" / f"{name}.toml"


def _template_entry(name: str) -> LibraryEntry:
    path = template_path(name)
    try:
        routine = parse_routine(read_source(path), path)
    except RoutineError as error:
        return LibraryEntry(path=path, origin="template", error=error)
    return LibraryEntry(
        path=path, origin="template", routine=routine, timeline=compile_timeline(routine)
    )


def resolve_session(
    session: SessionPlan, programme_path: Path, library: Sequence[LibraryEntry]
) -> LibraryEntry:
    """The routine a session plays: its template, a path beside the programme, or a name.

    Raises RoutineNotFound when a name matches no routine in the library.
    """
    if session.template is not None:
        return _template_entry(session.template)
    reference = session.routine or ""
    if "/" in reference or reference.endswith(".toml"):
        return load_entry(programme_path.parent / reference, "programme")
    return find_entry(reference, library)


def session_routines(
    programme: Programme, path: Path, library: Sequence[LibraryEntry]
) -> dict[str, LibraryEntry]:
    """Each resolvable session key's routine entry (the first phase that names it wins)."""
    found: dict[str, LibraryEntry] = {}
    for phase in programme.phase:
        for session in phase.session:
            try:
                found.setdefault(
                    f"{phase.name}/{session.key}", resolve_session(session, path, library)
                )
            except RoutineNotFound:
                continue
    return found


# The catalog as the engine reads it ----------------------------------------------------


def catalog_exercises(catalog: Mapping[str, CatalogEntry]) -> dict[str, ExerciseInfo]:
    """Each exercise's name and its easier and harder variations, for the engine."""
    return {
        exercise_id: ExerciseInfo(entry.name, entry.easier or None, entry.harder or None)
        for exercise_id, entry in catalog.items()
    }


def programme_exercises(
    routines: Iterable[LibraryEntry], language: str = SOURCE_LANGUAGE
) -> dict[str, ExerciseInfo]:
    """The built-in catalog with the programme's routines' own exercises on top; the
    built-in names in ``language``."""
    own: dict[str, CatalogEntry] = {}
    for entry in routines:
        if entry.routine is not None:
            own.update(entry.routine.catalog)
    catalog = dict(merged_catalog(own))
    if language != SOURCE_LANGUAGE:
        translations = catalog_translations(language)
        for exercise_id, found in catalog.items():
            if exercise_id not in own:
                translation = translations.get(exercise_id)
                catalog[exercise_id] = localized_entry(exercise_id, found, translation, language)
    return catalog_exercises(catalog)


# Checking ------------------------------------------------------------------------------


def _reference_problems(
    programme: Programme, path: Path, text: str, library: Sequence[LibraryEntry]
) -> list[Problem]:
    locator = Locator(text)
    problems: list[Problem] = []

    def add(place: KeyPath, message: str, hint: str = "") -> None:
        problem = Problem(str(path), *locator.find(place), message, hint)
        if problem not in problems:
            problems.append(problem)

    played: set[str] = set()
    unresolved = False
    own: dict[str, CatalogEntry] = {}
    names = [entry.path.stem for entry in library]
    for phase_index, phase in enumerate(programme.phase):
        for index, session in enumerate(phase.session):
            place: KeyPath = ("phase", phase_index, "session", index)
            try:
                entry = resolve_session(session, path, library)
            except RoutineNotFound as error:
                hint = (
                    did_you_mean(session.routine or "", names)
                    or "`matwork list` shows the routines"
                )
                add((*place, "routine"), str(error), hint)
                unresolved = True
                continue
            if entry.error is not None:
                unresolved = True
                first = entry.error.problems[0]
                named = session.routine or session.template
                where = f"{first.path}:{first.line}:{first.col}"
                if first.message.startswith("cannot read"):
                    where = "a path is relative to the programme's folder"
                add(
                    (*place, "routine" if session.routine else "template"),
                    f"routine '{named}' does not load: {first.message}",
                    where,
                )
                continue
            assert entry.routine is not None
            own.update(entry.routine.catalog)
            played.update(use.id for block in entry.routine.block for use in block.exercise)
    catalog = merged_catalog(own)
    for extra_index, extra in enumerate(programme.extra):
        for index, use in enumerate(extra.exercise):
            played.add(use.id)
            if use.id not in catalog:
                add(
                    ("extra", extra_index, "exercise", index, "id"),
                    f"unknown exercise id '{use.id}'",
                    did_you_mean(use.id, catalog) or "`matwork catalog` lists the ids",
                )
    exercises = catalog_exercises(catalog)
    for key, rule in programme.progression.items():
        chain = variation_chain(key, rule, exercises)
        for index, variation in enumerate(rule.variations):
            if variation not in catalog:
                add(
                    ("progression", key, "variations", index),
                    f"unknown exercise id '{variation}'",
                    did_you_mean(variation, catalog) or "`matwork catalog` lists the ids",
                )
        if not unresolved and not played & set(chain):
            hint = did_you_mean(key, played) or "name an exercise one of the sessions plays"
            add(("progression", key), f"no session of the programme plays '{key}'", hint)
    return problems


def check_programme(
    path: Path, library: Sequence[LibraryEntry], origin: str = "path"
) -> ProgrammeEntry:
    """Load a programme file and check its references; errors are kept, not raised."""
    try:
        programme = load_programme(path)
        text = read_source(path, "programme")
    except RoutineError as error:
        return ProgrammeEntry(path, origin, error=error)
    problems = _reference_problems(programme, path, text, library)
    found = RoutineError(problems) if problems else None
    notices = programme_notices(programme, text, path)
    return ProgrammeEntry(path, origin, programme, found, notices)


def is_programme_file(path: Path) -> bool:
    """Whether a file is a programme (see ``core.programme.looks_like_programme``)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")[: 64 * 1024]
    except OSError:
        return False
    return looks_like_programme(text)


class Checker:
    """``matwork check`` for routines and programmes alike; the library loads once."""

    def __init__(self, paths: Paths) -> None:
        self._paths = paths
        self._library: list[LibraryEntry] | None = None

    def entry(self, path: Path) -> LibraryEntry | ProgrammeEntry:
        """The checked file: a routine entry, or a programme entry when it is one."""
        if path.is_file() and is_programme_file(path):
            if self._library is None:
                try:
                    self._library = routine_library(self._paths)
                except ConfigError as error:
                    return ProgrammeEntry(path, "path", error=error)
            return check_programme(path, self._library)
        return load_entry(path, with_timeline=False)


# Finding -------------------------------------------------------------------------------


def discover_programmes(
    paths: Paths, library: Sequence[LibraryEntry] | None = None
) -> list[ProgrammeEntry]:
    """Every programme in the shipped and the user's folders, each checked."""
    entries: list[ProgrammeEntry] = []
    routines = routine_library(paths) if library is None else library
    for origin, folder in programme_sources(paths):
        if not folder.is_dir():
            continue
        for path in routine_files(folder):
            entries.append(check_programme(path, routines, origin))
    return entries


def find_programme(
    name_or_path: str, paths: Paths, library: Sequence[LibraryEntry] | None = None
) -> ProgrammeEntry:
    """A programme given as a path, or by the name or file stem of a discovered one."""
    try:
        candidate = user_path(name_or_path)
    except UserPathError:
        candidate = Path(name_or_path)
    routines = routine_library(paths) if library is None else library
    if candidate.is_file():
        return check_programme(candidate, routines)
    entries = discover_programmes(paths, routines)
    wanted = name_or_path.casefold()
    for entry in entries:
        if wanted in (entry.path.stem.casefold(), entry.name.casefold()):
            return entry
    raise ProgrammeNotFound(
        name_or_path, did_you_mean(name_or_path, [e.path.stem for e in entries])
    )
