"""``matwork doctor`` and ``matwork sounds``: what plays sound here, and how cues sound."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import click
import msgspec

from matwork.app.config import ConfigError
from matwork.app.config_read import read_config
from matwork.app.paths import Paths
from matwork.audio import (
    AudioSettings,
    SoundFileError,
    build_sink,
    load_cue_clips,
    probe_backends,
    probe_voice_engines,
    settings_from_table,
)
from matwork.audio.clips import CUE_SETS
from matwork.cli.common import FiniteFloatRange
from matwork.core.cues import Cue, CueKind
from matwork.i18n import LazyString, _, lazy_
from matwork.shipped import shipped_dir

SOUND_ORDER: tuple[tuple[CueKind, LazyString], ...] = (
    (CueKind.PREPARE, lazy_("Get ready")),
    (CueKind.START, lazy_("Go")),
    (CueKind.HALFWAY, lazy_("Halfway")),
    (CueKind.COUNTDOWN, lazy_("Three")),
    (CueKind.FINAL, lazy_("One")),
    (CueKind.SWITCH, lazy_("Switch sides")),
    (CueKind.REST, lazy_("Rest")),
    (CueKind.INHALE, lazy_("Inhale")),
    (CueKind.HOLD, lazy_("Hold")),
    (CueKind.EXHALE, lazy_("Exhale")),
    (CueKind.REP, lazy_("Rep")),
    (CueKind.FINISH, lazy_("Session complete")),
)
"""Cue kinds in the order ``matwork sounds`` plays them, with the words a voice says."""


_UNUSABLE = lazy_("config not usable")
"""How a config the sound cannot use starts its note (checked by ``sounds``)."""


def _read_settings(paths: Paths) -> tuple[AudioSettings, str]:
    """The ``[audio]`` settings of config.toml, or the defaults and what went wrong."""
    if not paths.config_file.is_file():
        return AudioSettings(), _("no config file, defaults")
    try:
        config, warnings = read_config(paths.config_file)
        for warning in warnings:
            click.echo(str(warning), err=True)
        return settings_from_table(config.audio), _("from config")
    except ConfigError as exc:
        return AudioSettings(), f"{_UNUSABLE} " + _("({problem}), defaults").format(
            problem=exc.problems[0]
        )
    except msgspec.ValidationError as exc:
        words = _("([audio]: {problem}), defaults").format(problem=exc)
        return AudioSettings(), f"{_UNUSABLE} {words}"


def _line(label: str, value: str, note: str = "") -> None:
    click.echo(f"  {label:<12} {value}" + (f"  ({note})" if note else ""))


def _path_line(label: str, path: Path) -> None:
    _line(label, str(path), _("exists") if path.exists() else _("not created yet"))


def _colour_support() -> str:
    from rich.console import Console

    system = Console(file=sys.stdout).color_system
    hints = [f"{k}={os.environ[k]}" for k in ("TERM", "COLORTERM", "NO_COLOR") if k in os.environ]
    return f"{system or 'none'}" + (f" ({', '.join(hints)})" if hints else "")


@click.command()
def doctor() -> None:
    """Show which audio backend and voice work here, and why the others do not."""
    paths = Paths.from_environment()
    settings, origin = _read_settings(paths)
    click.echo(_("Audio settings: {origin}").format(origin=origin))
    click.echo(
        f"  enabled={settings.enabled} volume={settings.volume} cue_set={settings.cue_set} "
        f"voice={settings.voice} mute={settings.mute or '-'}"
    )
    click.echo(_("Sound backends (tried in this order):"))
    chosen = None
    for name, reason in probe_backends(paths.cache_dir):
        if reason is not None:
            _line(name, _("unavailable"), reason)
        elif chosen is None:
            chosen = name
            _line(name, _("IN USE") if settings.enabled else _("works, but sound is disabled"))
        else:
            _line(name, _("works"), _("not needed, {chosen} comes first").format(chosen=chosen))
    click.echo(_("Voice engines (tried in this order):"))
    voice_chosen = None
    for name, found in probe_voice_engines():
        if found is None:
            _line(name, _("not on PATH"))
        elif voice_chosen is None:
            voice_chosen = name
            _line(name, found, _("in use") if settings.voice else _("voice is off in config"))
        else:
            _line(name, found, _("not needed, {chosen} comes first").format(chosen=voice_chosen))
    click.echo(_("Sound files:"))
    for cue_set in CUE_SETS:
        try:
            clips = load_cue_clips(cue_set)
            count = sum(c is not None for c in clips.values())
            _line(cue_set, _("{count} cues ok").format(count=count))
        except (SoundFileError, ValueError) as exc:
            _line(cue_set, _("BROKEN"), str(exc))
    click.echo(_("Paths:"))
    _path_line("config", paths.config_file)
    _path_line("data", paths.data_dir)
    _path_line("cache", paths.cache_dir)
    _path_line("sounds", shipped_dir("sounds"))
    size = shutil.get_terminal_size()
    click.echo(_("Terminal:"))
    _line("size", f"{size.columns}x{size.lines}", "" if sys.stdout.isatty() else _("not a tty"))
    _line("colour", _colour_support())


@click.command()
@click.option(
    "--set", "cue_set", type=click.Choice(CUE_SETS), default=None, help="Sound set to play."
)
@click.option("--volume", type=FiniteFloatRange(0.0, 1.0), default=None, help="0 to 1.")
@click.option("--voice/--no-voice", default=False, help="Speak each cue's words instead.")
def sounds(cue_set: str | None, volume: float | None, voice: bool) -> None:
    """Play every cue once, with its name, waiting for each to finish."""
    paths = Paths.from_environment()
    settings, origin = _read_settings(paths)
    if origin.startswith(str(_UNUSABLE)):
        click.echo(origin, err=True)
    changes: dict[str, object] = {"enabled": True, "mute": [], "voice": voice}
    changes |= {"breath_cues": True, "rep_ticks": True, "breath_voice": True}
    if cue_set is not None:
        changes["cue_set"] = cue_set
    if volume is not None:
        changes["volume"] = volume
    settings = msgspec.structs.replace(settings, **changes)
    try:
        sink, status = build_sink(settings, cache=paths.cache_dir)
    except (SoundFileError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    words = _("{summary} (set: {set}, volume: {volume})")
    click.echo(words.format(summary=status.summary(), set=settings.cue_set, volume=settings.volume))
    if voice and status.voice is None:
        click.echo(_("voice off: {reason}").format(reason=status.voice_reason))
    try:
        sink.prepare(str(spoken) for _kind, spoken in SOUND_ORDER)
        for kind, spoken in SOUND_ORDER:
            click.echo(f"  {kind:<10} {spoken}")
            sink.play(Cue(kind, 0.0, 0, text=str(spoken)))
            sink.wait(timeout=10.0)
    finally:
        sink.close()
