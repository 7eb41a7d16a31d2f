"""Where matwork keeps its config, data and cache: resolved once, at the edge.

``Paths.from_environment()`` reads MATWORK_CONFIG_DIR / MATWORK_DATA_DIR /
MATWORK_CACHE_DIR (else platformdirs) once; the CLI and the app pass the value down,
and nothing below reads the environment for a folder. Nothing here creates a folder:
writers create what they need at the moment they write.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import platformdirs

from matwork.shipped import shipped_dir

__all__ = ["APP_NAME", "LOG_FILE_NAME", "Paths", "UserPathError", "shipped_dir", "user_path"]

APP_NAME = "matwork"
LOG_FILE_NAME = "history.sqlite3"
"""File name of the session log inside the data folder."""


class UserPathError(ValueError):
    """A path a user gave (``~user/...``) that cannot be expanded."""


def user_path(text: str) -> Path:
    """A path a user gave, with ``~`` or ``~user`` expanded; UserPathError when it cannot be."""
    try:
        return Path(text).expanduser()
    except RuntimeError as error:
        head = text.split("/", 1)[0]
        raise UserPathError(f"{text}: cannot expand {head!r} (no such user or home)") from error


def _override(environ: Mapping[str, str], variable: str) -> Path | None:
    value = environ.get(variable)
    return user_path(value) if value else None


@dataclass(frozen=True)
class Paths:
    """matwork's own folders: config (and the user's routines), data (the log), cache."""

    config_dir: Path
    data_dir: Path
    cache_dir: Path

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Paths:
        """The folders the environment names, else the platform's (platformdirs)."""
        env = os.environ if environ is None else environ
        return cls(
            config_dir=_override(env, "MATWORK_CONFIG_DIR")
            or Path(platformdirs.user_config_dir(APP_NAME)),
            data_dir=_override(env, "MATWORK_DATA_DIR")
            or Path(platformdirs.user_data_dir(APP_NAME)),
            cache_dir=_override(env, "MATWORK_CACHE_DIR")
            or Path(platformdirs.user_cache_dir(APP_NAME)),
        )

    def with_data_dir(self, data_dir: Path | None) -> Paths:
        """The same folders with another data folder (``--data-dir``); None keeps it."""
        return self if data_dir is None else replace(self, data_dir=data_dir)

    @property
    def config_file(self) -> Path:
        """The user's config file."""
        return self.config_dir / "config.toml"

    @property
    def routines_dir(self) -> Path:
        """The folder of the user's own routines."""
        return self.config_dir / "routines"

    @property
    def programmes_dir(self) -> Path:
        """The folder of the user's own programmes."""
        return self.config_dir / "programmes"

    @property
    def log_file(self) -> Path:
        """The session log (SQLite)."""
        return self.data_dir / LOG_FILE_NAME

    @property
    def voice_cache(self) -> Path:
        """Synthesized speech, one WAV per phrase."""
        return self.cache_dir / "voice"

    @property
    def sound_cache(self) -> Path:
        """Volume-scaled copies of cue sounds for players that take a file."""
        return self.cache_dir / "sounds"
