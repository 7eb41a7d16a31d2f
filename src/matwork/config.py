"""The user's config file, ``config.toml`` in the config dir."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import msgspec

from matwork import paths
from matwork.core.errors import Problem, RoutineError
from matwork.core.library import RoutineSource
from matwork.core.locate import Locator
from matwork.core.structure import explain, unknown_keys_cached


class LibrarySettings(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """Where routines are found, besides the shipped ones and the user's routines dir."""

    folders: list[str] = []


class SessionSettings(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """How a session runs."""

    pain_question: bool = True
    """Ask for pain (0-10) before the session starts."""
    safety_acknowledged: bool = False
    """The first-run safety notice has been read."""


class Config(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """Everything config.toml can say."""

    library: LibrarySettings = LibrarySettings()
    session: SessionSettings = SessionSettings()
    audio: dict[str, Any] = {}
    """The [audio] table, decoded by the audio package."""
    keys: dict[str, str] = {}
    """Binding id to keys, e.g. ``pause = "space,k"``."""


class ConfigError(RoutineError):
    """A config file that cannot be used; same shape as a routine error."""


def load_config(file: Path | None = None) -> Config:
    """Read the config file; a missing file gives the defaults."""
    target = file or paths.config_file()
    try:
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError([Problem(str(target), 1, 1, f"cannot read config: {error}")]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError([Problem(str(target), 1, 1, f"TOML syntax: {error}")]) from None
    locator = Locator(text)
    problems = [
        Problem(str(target), *locator.find(key_path), message, hint)
        for key_path, message, hint in unknown_keys_cached(data, Config)
    ]
    if not problems:
        try:
            return msgspec.convert(data, Config, strict=True)
        except msgspec.ValidationError as error:
            key_path, message = explain(error, data)
            problems.append(Problem(str(target), *locator.find(key_path), message))
    raise ConfigError(problems)


def routine_sources(config: Config) -> list[RoutineSource]:
    """The folders to look for routines in: shipped, the user's, then the config's."""
    sources = [
        RoutineSource("shipped", paths.shipped_dir("routines")),
        RoutineSource("user", paths.user_routines_dir()),
    ]
    sources.extend(
        RoutineSource("config", Path(folder).expanduser()) for folder in config.library.folders
    )
    return sources
