"""Read config.toml safely: errors for what cannot be used, warnings for what is ignored.

``read_config`` reads the file the way a routine is read (a regular file only, at most
1 MiB, UTF-8, nesting and control characters refused) and places every problem at its
line and column. What makes the file unusable is a ``ConfigError`` (matwork exits 1):
a syntax error, an unknown key outside ``[keys]`` and ``[audio]``, a value of the wrong
type. What can be left out is a ``ConfigWarning`` returned with the config, never
dropped in silence: a ``[keys]`` id no screen has, a key Textual can never send
(``""``, ``"ctrl+"``, ``"f99"``: the binding keeps its default), an ``[audio]`` table
the sound would refuse (the session then plays without sound, and says so), a
library folder that is missing or is a file.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import msgspec

from matwork.app.config import Config, ConfigError
from matwork.app.paths import UserPathError, user_path
from matwork.core.breaks import check_breaks, choice_hint
from matwork.core.errors import Problem, did_you_mean
from matwork.core.keynames import BINDING_IDS, binding_problems
from matwork.core.locate import KeyPath, Locator
from matwork.core.nesting import NESTING_MESSAGE, bracket_problem, too_deep
from matwork.core.structure import describe_value, explain, unknown_keys_cached, value_at
from matwork.core.textguard import control_problems, visible
from matwork.core.tomlerror import syntax_error
from matwork.core.userfiles import FileProblem, read_text
from matwork.i18n import UI_LANGUAGES, _

MAX_CONFIG_BYTES = 1024 * 1024
"""config.toml is read up to this size."""


@dataclass(frozen=True)
class ConfigWarning(Problem):
    """Something in config.toml that is ignored, at its line and column."""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: " + _("warning: {message}").format(
            message=self.message
        )
        return f"{text} ({self.hint})" if self.hint else text


class LoadedConfig(NamedTuple):
    """The config to use, and the warnings about what in the file was left out."""

    config: Config
    warnings: tuple[ConfigWarning, ...]


class _Findings:
    """Errors and warnings for one config file, each placed by the locator."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.locator = Locator(text)
        self.errors: list[Problem] = []
        self.warnings: list[ConfigWarning] = []

    def error(self, key_path: KeyPath, message: str, hint: str = "") -> None:
        self.errors.append(Problem(self.path, *self.locator.find(key_path), message, hint))

    def warn(self, key_path: KeyPath, message: str, hint: str = "") -> None:
        place = self.locator.find(key_path)
        self.warnings.append(ConfigWarning(self.path, *place, message, hint))

    def fail_if_any(self) -> None:
        if self.errors:
            raise ConfigError(self.errors)


def read_config(target: Path) -> LoadedConfig:
    """Read the config file at ``target``; a missing file gives the defaults and no warning."""
    shown = str(target)
    if not os.path.lexists(target):
        return LoadedConfig(Config(), ())
    try:
        text = read_text(target, MAX_CONFIG_BYTES, "config file")
    except FileProblem as problem:
        found = Problem(shown, problem.line, problem.col, problem.message, problem.hint)
        raise ConfigError([found]) from None
    bracket = bracket_problem(text)
    if bracket:
        raise ConfigError([Problem(shown, *bracket, str(NESTING_MESSAGE))])
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(syntax_error(error, text, shown).problems) from None
    findings = _Findings(shown, text)
    deep = too_deep(data)
    if deep:
        findings.error(deep, str(NESTING_MESSAGE))
        findings.fail_if_any()
    for key_path, message, hint in control_problems(data):
        findings.error(key_path, message, hint)
    findings.fail_if_any()
    for key_path, message, hint in unknown_keys_cached(data, Config):
        findings.error(key_path, message, hint)
    findings.fail_if_any()
    _check_language(findings, data.get("ui"))
    keys = data.get("keys")
    if isinstance(keys, dict):
        data["keys"] = _check_keys(findings, keys)
    findings.fail_if_any()
    try:
        config = msgspec.convert(data, Config, strict=True)
    except msgspec.ValidationError as error:
        key_path, message = explain(error, data, "the config")
        findings.error(key_path, message, choice_hint(key_path, value_at(data, key_path)))
        findings.fail_if_any()
        raise AssertionError("unreachable") from None
    for key_path, message, hint in check_breaks(config.breaks):
        findings.error(key_path, message, hint)
    findings.fail_if_any()
    if config.audio:
        _check_audio(findings, config.audio)
    _check_folders(findings, config.library.folders)
    return LoadedConfig(config, tuple(findings.warnings))


def _check_language(findings: _Findings, ui: Any) -> None:
    """An error for a ``[ui] language`` matwork has no translation for, naming those it has."""
    value = ui.get("language") if isinstance(ui, dict) else None
    if not isinstance(value, str) or value in UI_LANGUAGES:
        return
    choices = ", ".join(UI_LANGUAGES)
    hint = did_you_mean(value.lower(), UI_LANGUAGES) or _("one of: {choices}").format(
        choices=choices
    )
    message = _("unknown language '{value}'").format(value=visible(value))
    findings.error(("ui", "language"), message, hint)


def _check_keys(findings: _Findings, keys: dict[str, Any]) -> dict[str, Any]:
    """The usable ``[keys]``: wrong types are errors, unknown ids and keys warnings."""
    usable: dict[str, Any] = {}
    for binding, value in keys.items():
        place: KeyPath = ("keys", binding)
        if not isinstance(value, str):
            found = describe_value(value)
            hint = 'e.g. pause = "space,p"'
            message = _("{key}: expected text in quotes, found {found}")
            findings.error(place, message.format(key=binding, found=found), hint)
            continue
        if binding not in BINDING_IDS:
            hint = did_you_mean(binding, BINDING_IDS) or _("the help screen (?) lists the ids")
            message = _("unknown binding '{binding}' is ignored").format(binding=binding)
            findings.warn(place, message, hint)
            continue
        keys_text, problems = binding_problems(value)
        for message, hint in problems:
            if not keys_text:
                kept = _("{binding} keeps its default key").format(binding=binding)
                hint = f"{hint}; {kept}" if hint else kept
            findings.warn(place, f"{binding}: {message}", hint)
        if keys_text:
            usable[binding] = keys_text
    return usable


def _check_audio(findings: _Findings, audio: dict[str, Any]) -> None:
    """Warn about an [audio] table the sound would refuse (it then stays off)."""
    from matwork.audio.settings import AudioSettings, settings_from_table

    consequence = _("sound stays off until this is fixed")
    unknown = list(unknown_keys_cached(audio, AudioSettings))
    for key_path, message, hint in unknown:
        words = f"{hint}; {consequence}" if hint else consequence
        findings.warn(("audio", *key_path), message, words)
    if unknown:
        return
    try:
        settings_from_table(audio)
    except msgspec.ValidationError as error:
        key_path, message = explain(error, audio, "[audio]")
        if not key_path and message.startswith("mute:"):
            key_path = ("mute",)
        findings.warn(("audio", *key_path), message, consequence)


def _check_folders(findings: _Findings, folders: list[str]) -> None:
    """Warn about library folders that are missing or are not folders."""
    for index, folder in enumerate(folders):
        place: KeyPath = ("library", "folders", index)
        shown = visible(folder)
        try:
            where = user_path(folder)
        except UserPathError:
            message = _("library folder '{folder}' does not exist").format(folder=shown)
            findings.warn(place, message, _("create it or remove it"))
            continue
        if where.is_dir():
            continue
        if os.path.lexists(where):
            message = _("library folder '{folder}' is not a folder").format(folder=shown)
            findings.warn(place, message, _("name a folder"))
        else:
            message = _("library folder '{folder}' does not exist").format(folder=shown)
            findings.warn(place, message, _("create it or remove it"))


__all__ = ["ConfigError", "ConfigWarning", "LoadedConfig", "read_config"]
