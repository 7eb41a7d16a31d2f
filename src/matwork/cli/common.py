"""Helpers shared by the commands: the config, finding routines, and failing cleanly."""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any, NoReturn

import click

from matwork.app.config import Config, ConfigError, routine_sources
from matwork.app.config_read import read_config
from matwork.app.library import (
    LibraryEntry,
    RoutineAmbiguous,
    RoutineNotFound,
    discover,
    find_entry,
    load_entry,
)
from matwork.app.paths import Paths, UserPathError, user_path
from matwork.i18n import _, lazy_


class FiniteFloatRange(click.FloatRange):
    """A float range that also refuses ``nan`` and ``inf`` (click's range lets NaN through)."""

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        """The number, or a usage error naming the option."""
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(_("{value} is not a finite number").format(value=repr(value)), param, ctx)
        return float(number)


def fail(message: str, hint: str = "", code: int = 1) -> NoReturn:
    """Print a one-line error (and hint) to stderr and exit."""
    click.echo(f"matwork: {message}" + (f" ({hint})" if hint else ""), err=True)
    raise SystemExit(code)


def expand_user(text: str) -> Path:
    """``text`` as a path with ``~`` or ``~user`` expanded; a usage error if it cannot be."""
    try:
        return user_path(text)
    except UserPathError as error:
        fail(str(error), code=2)


def checked_config(paths: Paths) -> Config:
    """The config, its warnings printed on stderr once per command; exit 1 if unusable."""
    try:
        config, warnings = read_config(paths.config_file)
    except ConfigError as error:
        fail(str(error.problems[0]))
    context = click.get_current_context(silent=True)
    meta = context.meta if context else {}
    shown: set[str] = meta.setdefault("matwork.config_warnings", set())
    for warning in map(str, warnings):
        if warning not in shown:
            shown.add(warning)
            click.echo(warning, err=True)
    return config


def discover_all(paths: Paths | None = None) -> list[LibraryEntry]:
    """Every routine from the shipped folder, the user's folder and the config's folders."""
    paths = paths or Paths.from_environment()
    return discover(routine_sources(checked_config(paths), paths))


ORIGIN_WORDS = {
    "shipped": lazy_("shipped"),
    "user": lazy_("yours"),
    "config": lazy_("from a config folder"),
}
"""How a routine's origin reads in a message."""


def resolve_routine(name_or_path: str, paths: Paths | None = None) -> LibraryEntry:
    """A routine given as a path, or by the name or file stem of exactly one discovered one."""
    candidate = expand_user(name_or_path)
    if os.path.lexists(candidate):
        return load_entry(candidate)
    try:
        return find_entry(name_or_path, discover_all(paths), unique=True)
    except RoutineNotFound as error:
        fail(str(error), error.hint or _("`matwork list` shows the routines"))
    except RoutineAmbiguous as error:
        click.echo(f"matwork: {error}:", err=True)
        for entry in error.matches:
            origin = str(ORIGIN_WORDS.get(entry.origin, entry.origin))
            click.echo(f"  {entry.name}  {entry.path}  ({origin})", err=True)
        click.echo(error.hint[:1].upper() + error.hint[1:] + ".", err=True)
        raise SystemExit(1) from None
