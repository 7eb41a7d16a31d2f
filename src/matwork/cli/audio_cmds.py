"""``matwork doctor`` and ``matwork sounds``: what plays sound here, and how cues sound."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import click
import msgspec

from matwork import paths
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
from matwork.config import ConfigError, load_config
from matwork.core.cues import Cue

SOUND_ORDER: tuple[tuple[str, str], ...] = (
    ("prepare", "Get ready"),
    ("start", "Go"),
    ("halfway", "Halfway"),
    ("countdown", "Three"),
    ("final", "One"),
    ("switch", "Switch sides"),
    ("rest", "Rest"),
    ("inhale", "Inhale"),
    ("hold", "Hold"),
    ("exhale", "Exhale"),
    ("rep", "Rep"),
    ("finish", "Session complete"),
)
"""Cue kinds in the order ``matwork sounds`` plays them, with the words a voice says."""


def _read_settings() -> tuple[AudioSettings, str]:
    """The ``[audio]`` settings of config.toml, or the defaults and what went wrong."""
    if not paths.config_file().is_file():
        return AudioSettings(), "no config file, defaults"
    try:
        return settings_from_table(load_config().audio), "from config"
    except ConfigError as exc:
        return AudioSettings(), f"config not usable ({exc.problems[0]}), defaults"
    except msgspec.ValidationError as exc:
        return AudioSettings(), f"config not usable ([audio]: {exc}), defaults"


def _line(label: str, value: str, note: str = "") -> None:
    click.echo(f"  {label:<12} {value}" + (f"  ({note})" if note else ""))


def _path_line(label: str, path: Path) -> None:
    _line(label, str(path), "exists" if path.exists() else "not created yet")


def _colour_support() -> str:
    from rich.console import Console

    system = Console(file=sys.stdout).color_system
    hints = [f"{k}={os.environ[k]}" for k in ("TERM", "COLORTERM", "NO_COLOR") if k in os.environ]
    return f"{system or 'none'}" + (f" ({', '.join(hints)})" if hints else "")


@click.command()
def doctor() -> None:
    """Show which audio backend and voice work here, and why the others do not."""
    settings, origin = _read_settings()
    click.echo(f"Audio settings: {origin}")
    click.echo(
        f"  enabled={settings.enabled} volume={settings.volume} cue_set={settings.cue_set} "
        f"voice={settings.voice} mute={settings.mute or '-'}"
    )
    click.echo("Sound backends (tried in this order):")
    chosen = None
    for name, reason in probe_backends():
        if reason is not None:
            _line(name, "unavailable", reason)
        elif chosen is None:
            chosen = name
            _line(name, "IN USE" if settings.enabled else "works, but sound is disabled")
        else:
            _line(name, "works", f"not needed, {chosen} comes first")
    click.echo("Voice engines (tried in this order):")
    voice_chosen = None
    for name, found in probe_voice_engines():
        if found is None:
            _line(name, "not on PATH")
        elif voice_chosen is None:
            voice_chosen = name
            _line(name, found, "in use" if settings.voice else "voice is off in config")
        else:
            _line(name, found, f"not needed, {voice_chosen} comes first")
    click.echo("Sound files:")
    for cue_set in CUE_SETS:
        try:
            clips = load_cue_clips(cue_set)
            _line(cue_set, f"{sum(c is not None for c in clips.values())} cues ok")
        except (SoundFileError, ValueError) as exc:
            _line(cue_set, "BROKEN", str(exc))
    click.echo("Paths:")
    _path_line("config", paths.config_file())
    _path_line("data", paths.data_dir())
    _path_line("cache", paths.cache_dir())
    _path_line("sounds", paths.shipped_dir("sounds"))
    size = shutil.get_terminal_size()
    click.echo("Terminal:")
    _line("size", f"{size.columns}x{size.lines}", "" if sys.stdout.isatty() else "not a tty")
    _line("colour", _colour_support())


@click.command()
@click.option(
    "--set", "cue_set", type=click.Choice(CUE_SETS), default=None, help="Sound set to play."
)
@click.option("--volume", type=click.FloatRange(0.0, 1.0), default=None, help="0 to 1.")
@click.option("--voice/--no-voice", default=False, help="Speak each cue's words instead.")
def sounds(cue_set: str | None, volume: float | None, voice: bool) -> None:
    """Play every cue once, with its name, waiting for each to finish."""
    settings, origin = _read_settings()
    if origin.startswith("config not usable"):
        click.echo(origin, err=True)
    changes: dict[str, object] = {"enabled": True, "mute": [], "voice": voice}
    changes |= {"breath_cues": True, "rep_ticks": True, "breath_voice": True}
    if cue_set is not None:
        changes["cue_set"] = cue_set
    if volume is not None:
        changes["volume"] = volume
    settings = msgspec.structs.replace(settings, **changes)
    try:
        sink, status = build_sink(settings)
    except (SoundFileError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"{status.summary()} (set: {settings.cue_set}, volume: {settings.volume})")
    if voice and status.voice is None:
        click.echo(f"voice off: {status.voice_reason}")
    try:
        sink.prepare(words for _, words in SOUND_ORDER)
        for kind, words in SOUND_ORDER:
            click.echo(f"  {kind:<10} {words}")
            sink.play(Cue(kind, 0.0, 0, text=words))
            sink.wait(timeout=10.0)
    finally:
        sink.close()
