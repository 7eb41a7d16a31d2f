"""Helpers shared by the commands: finding routines and failing cleanly."""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import click

from matwork.config import ConfigError, load_config, routine_sources
from matwork.core.library import LibraryEntry, RoutineNotFound, discover, find_entry, load_entry


def fail(message: str, hint: str = "", code: int = 1) -> NoReturn:
    """Print a one-line error (and hint) to stderr and exit."""
    click.echo(f"matwork: {message}" + (f" ({hint})" if hint else ""), err=True)
    raise SystemExit(code)


def discover_all() -> list[LibraryEntry]:
    """Every routine from the shipped folder, the user's folder and the config's folders."""
    try:
        config = load_config()
    except ConfigError as error:
        fail(str(error.problems[0]))
    return discover(routine_sources(config))


def resolve_routine(name_or_path: str) -> LibraryEntry:
    """A routine given as a path, or by the name or file stem of a discovered one."""
    candidate = Path(name_or_path).expanduser()
    if candidate.exists():
        return load_entry(candidate)
    try:
        return find_entry(name_or_path, discover_all())
    except RoutineNotFound as error:
        fail(str(error), error.hint or "`matwork list` shows the routines")
