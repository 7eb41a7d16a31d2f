"""The user's config file, ``config.toml`` in the config dir."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import msgspec

from matwork.app.library import RoutineSource
from matwork.app.paths import Paths, UserPathError, user_path
from matwork.core.breaks import BreakSettings
from matwork.core.errors import RoutineError
from matwork.shipped import shipped_dir


class LibrarySettings(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """Where routines are found, besides the shipped ones and the user's routines dir."""

    folders: list[str] = []


class SessionSettings(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """How a session runs."""

    pain_question: bool = True
    """Ask for pain (0-10) before the session starts."""
    safety_acknowledged: bool = False
    """The first-run safety notice has been read."""
    safety_notice_printed: bool = False
    """A run without a terminal (``play --plain`` from a script) printed the notice on
    stderr; it is not printed again, and still shown on a terminal until acknowledged."""
    assessment_offer: bool = True
    """Offer the 15-minute check in the library while no assessment is in the log."""


UiLanguage = Literal["en", "de"]
"""The languages matwork can be shown in (``matwork.i18n.UI_LANGUAGES``)."""


class UiSettings(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """How matwork shows itself."""

    language: UiLanguage | None = None
    """The language of the interface, the catalog, the routines' texts and the voice
    ("en" or "de"); unset, ``--lang`` or the system locale decide, else English."""


class Config(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """Everything config.toml can say."""

    library: LibrarySettings = LibrarySettings()
    session: SessionSettings = SessionSettings()
    audio: dict[str, Any] = {}
    """The [audio] table, decoded by the audio package."""
    keys: dict[str, str] = {}
    """Binding id to keys, e.g. ``pause = "space,k"``."""
    breaks: BreakSettings = BreakSettings()
    """Desk-break reminders (``matwork breaks``)."""
    ui: UiSettings = UiSettings()
    """The interface: its language."""


class ConfigError(RoutineError):
    """A config file that cannot be used; same shape as a routine error."""


def load_config(target: Path) -> Config:
    """Read the config file at ``target``; a missing file gives the defaults.

    Raises ConfigError for what cannot be used. The warnings about what is left out
    come with ``config_read.read_config``; show them where the config is used.
    """
    from matwork.app.config_read import read_config

    return read_config(target).config


def _expanded(text: str) -> Path | None:
    """A [library] folder as a path; None when ``~user`` names no one (it is skipped)."""
    try:
        return user_path(text)
    except UserPathError:
        return None


def routine_sources(config: Config, paths: Paths) -> list[RoutineSource]:
    """The folders to look for routines in: shipped, the user's, then the config's."""
    sources = [
        RoutineSource("shipped", shipped_dir("routines")),
        RoutineSource("user", paths.routines_dir),
    ]
    sources.extend(
        RoutineSource("config", folder)
        for folder in (_expanded(text) for text in config.library.folders)
        if folder is not None
    )
    return sources
