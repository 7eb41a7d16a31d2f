"""Find routine files in folders and load them, never letting a bad one hide the good."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from matwork.core.errors import did_you_mean
from matwork.core.model import Routine
from matwork.core.routine import RoutineError, compile_timeline, load_routine
from matwork.core.timeline import Timeline


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

    @property
    def ok(self) -> bool:
        """True when the file loaded without error."""
        return self.routine is not None

    @property
    def name(self) -> str:
        """The routine's name, or the file's stem when it is broken."""
        return self.routine.name if self.routine else self.path.stem


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
        routine = load_routine(path)
    except RoutineError as error:
        return LibraryEntry(path=path, origin=origin, error=error)
    timeline = compile_timeline(routine) if with_timeline else None
    return LibraryEntry(path=path, origin=origin, routine=routine, timeline=timeline)


def discover(sources: Iterable[RoutineSource]) -> list[LibraryEntry]:
    """Load every routine in the given folders, skipping folders that do not exist."""
    entries: list[LibraryEntry] = []
    seen: set[Path] = set()
    for source in sources:
        if not source.folder.is_dir():
            continue
        for path in routine_files(source.folder):
            resolved = path.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            entries.append(load_entry(path, source.origin))
    return entries


class RoutineNotFound(LookupError):
    """No routine answers to a name; ``hint`` suggests close names."""

    def __init__(self, name: str, hint: str) -> None:
        super().__init__(f"no routine named '{name}'")
        self.hint = hint


def find_entry(name: str, entries: Sequence[LibraryEntry]) -> LibraryEntry:
    """The entry whose file stem or routine name is ``name`` (case-insensitive)."""
    wanted = name.casefold()
    for entry in entries:
        if entry.path.stem.casefold() == wanted or entry.name.casefold() == wanted:
            return entry
    names = [entry.path.stem for entry in entries]
    raise RoutineNotFound(name, did_you_mean(name, names))
