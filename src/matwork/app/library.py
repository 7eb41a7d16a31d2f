"""Find routine files in folders and load them, never letting a bad one hide the good."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from matwork.core.errors import Notice, did_you_mean
from matwork.core.model import Routine
from matwork.core.routine import RoutineError, check_routine_file, compile_timeline
from matwork.core.timeline import Timeline
from matwork.core.translation import localized_routine
from matwork.i18n import _, current_language


@dataclass(frozen=True)
class RoutineSource:
    """A folder routines come from, and what kind of folder it is."""

    origin: str
    """"shipped", "user" or "config"."""
    folder: Path


@dataclass(frozen=True)
class LibraryEntry:
    """One routine file: loaded with its timeline, or broken with its error."""

    path: Path
    origin: str
    routine: Routine | None = None
    timeline: Timeline | None = None
    error: RoutineError | None = None
    notices: tuple[Notice, ...] = ()
    """Notes from the check of a file that loaded (an alias used for an id, ...)."""

    @property
    def ok(self) -> bool:
        """True when the file loaded without error."""
        return self.routine is not None

    @property
    def name(self) -> str:
        """The routine's name in the language in use, or the file's stem when it is broken."""
        if self.routine is None:
            return self.path.stem
        translation = self.routine.translations.get(current_language())
        return translation.name if translation and translation.name else self.routine.name


def routine_files(target: Path) -> Iterator[Path]:
    """The file itself, or every ``*.toml`` file below a folder, sorted."""
    if target.is_dir():
        yield from sorted(path for path in target.rglob("*.toml") if not path.is_dir())
    else:
        yield target


def load_entry(path: Path, origin: str = "path", *, with_timeline: bool = True) -> LibraryEntry:
    """Load one routine file into a library entry; errors are kept, not raised.

    ``with_timeline=False`` skips compiling the timeline (``check`` needs none).
    """
    try:
        checked = check_routine_file(path)
    except RoutineError as error:
        return LibraryEntry(path=path, origin=origin, error=error)
    routine = checked.routine
    shown = localized_routine(routine, current_language()) if with_timeline else routine
    timeline = compile_timeline(shown) if with_timeline else None
    return LibraryEntry(path, origin, routine, timeline, notices=checked.notices)


def discover(sources: Iterable[RoutineSource]) -> list[LibraryEntry]:
    """Load every routine in the given folders, skipping folders that do not exist."""
    entries: list[LibraryEntry] = []
    seen: set[Path] = set()
    for source in sources:
        if not source.folder.is_dir():
            continue
        for path in routine_files(source.folder):
            resolved = Path(os.path.realpath(path))  # resolve() raises on a symlink loop
            if resolved in seen:
                continue
            seen.add(resolved)
            entries.append(load_entry(path, source.origin))
    return entries


class RoutineNotFound(LookupError):
    """No routine answers to a name; ``hint`` suggests close names."""

    def __init__(self, name: str, hint: str) -> None:
        super().__init__(_("no routine named '{name}'").format(name=name))
        self.hint = hint


class RoutineAmbiguous(LookupError):
    """Several routines answer to one name; ``matches`` lists them, ``hint`` says what to give."""

    def __init__(self, name: str, matches: Sequence[LibraryEntry]) -> None:
        super().__init__(
            _("{count} routines answer to '{name}'").format(count=len(matches), name=name)
        )
        self.matches = tuple(matches)
        stems = [entry.path.stem for entry in matches]
        if len({stem.casefold() for stem in stems}) == len(stems):
            self.hint = _("give a path, or one of the file stems: {stems}").format(
                stems=", ".join(stems)
            )
        else:
            self.hint = _("give the path of the one you mean")


def _english(entry: LibraryEntry) -> str:
    """The routine's English name, casefolded ("" when broken): it answers in every language."""
    return entry.routine.name.casefold() if entry.routine else ""


def find_entry(name: str, entries: Sequence[LibraryEntry], *, unique: bool = False) -> LibraryEntry:
    """The entry whose file stem or routine name is ``name`` (case-insensitive).

    When several answer, the first; with ``unique``, the one whose file stem it is, or
    ``RoutineAmbiguous`` (a copy with the original's name, two folders with one file name).
    """
    wanted = name.casefold()
    matches = [
        entry
        for entry in entries
        if wanted in (entry.path.stem.casefold(), entry.name.casefold(), _english(entry))
    ]
    if not matches:
        names = [entry.path.stem for entry in entries]
        raise RoutineNotFound(name, did_you_mean(name, names))
    if len(matches) == 1 or not unique:
        return matches[0]
    by_stem = [entry for entry in matches if entry.path.stem.casefold() == wanted]
    if len(by_stem) == 1:
        return by_stem[0]
    raise RoutineAmbiguous(name, matches)
