"""Resolve an exercise use against defaults and the catalog: what it really asks for."""

from __future__ import annotations

import re
from collections.abc import Mapping

import msgspec

from matwork.core.errors import did_you_mean
from matwork.core.model import (
    BUILTIN_BREATHING,
    OPEN_SET_SECONDS_PER_REP,
    BreathPattern,
    CatalogEntry,
    Defaults,
    ExerciseUse,
    Routine,
)

_TEMPO_TEXT = re.compile(r"^\s*\d+(\.\d+)?(\s*-\s*\d+(\.\d+)?){1,3}\s*$")
TEMPO_PHASES: tuple[str, ...] = ("lower", "pause", "lift", "pause")
"""Names of the four tempo phases, in order."""


class TempoError(ValueError):
    """A tempo that cannot be read."""


def parse_tempo(tempo: str | list[float]) -> tuple[float, float, float, float]:
    """Read a tempo as (lower, pause, lift, pause) seconds.

    Two numbers mean lower and lift, three mean lower, pause and lift.
    """
    if isinstance(tempo, str):
        if not _TEMPO_TEXT.match(tempo):
            raise TempoError(f'tempo must look like "3-1-3-0", found "{tempo}"')
        numbers = [float(part) for part in tempo.split("-")]
    else:
        numbers = [float(part) for part in tempo]
    if len(numbers) == 2:
        numbers = [numbers[0], 0.0, numbers[1], 0.0]
    elif len(numbers) == 3:
        numbers = [*numbers, 0.0]
    if sum(numbers) <= 0:
        raise TempoError("a rep must take some time: the tempo adds up to 0")
    lower, pause_low, lift, pause_high = numbers
    return (lower, pause_low, lift, pause_high)


class Exercise(msgspec.Struct, frozen=True, kw_only=True):
    """An exercise use with every default applied: what the timeline is built from."""

    id: str
    name: str
    entry: CatalogEntry
    work: float | None
    """Seconds of timed work, or None for reps."""
    reps: int | None
    tempo: tuple[float, float, float, float] | None
    open: bool
    """An open set: reps without tempo, ended by the user."""
    seconds: float
    """Seconds of work per side per set (estimated for an open set)."""
    sets: int
    sides: str | None
    rest: float
    prepare: float | None
    """An explicit prepare on this exercise, or None."""
    switch: float
    breath: BreathPattern | None
    breath_tempo: bool
    """The breath follows the tempo: exhale on the lift, inhale on the lowering."""
    cues: tuple[str, ...]
    load: str | None
    halfway: bool
    note: str | None

    @property
    def dosage(self) -> str:
        """The dosage in words, e.g. "40 s", "12 reps", "~8 reps"."""
        if self.work is not None:
            text = f"{self.work:g} s"
        elif self.open:
            text = f"{self.reps} reps, open set"
        else:
            text = f"{self.reps} reps"
        if self.sides == "both":
            text += " per side"
        if self.sets > 1:
            text = f"{self.sets} × {text}"
        return text


class ResolveError(ValueError):
    """An exercise use that cannot be resolved.

    ``key`` names the offending key of the exercise use; ``origin`` is set instead
    when the value was inherited, as the key path where it was written
    (``("defaults", "breath")``, ``("catalog", "x", "tempo")``).
    """

    def __init__(
        self, key: str, message: str, hint: str = "", origin: tuple[str, ...] | None = None
    ) -> None:
        super().__init__(message)
        self.key = key
        self.message = message
        self.hint = hint
        self.origin = origin


def breath_patterns(routine: Routine) -> dict[str, BreathPattern]:
    """The built-in breathing patterns with the routine's own on top."""
    return {**BUILTIN_BREATHING, **routine.breathing}


def _dosage(
    use: ExerciseUse, entry: CatalogEntry, defaults: Defaults
) -> tuple[float | None, int | None, str | list[float] | None, str]:
    """The dosage (work, reps, tempo) and the key the tempo came from."""
    if use.work is not None and use.reps is not None:
        raise ResolveError("reps", "choose one dosage: work or reps, not both")
    if use.tempo is not None and use.reps is None:
        raise ResolveError("tempo", "tempo needs reps", "add reps = N, or remove tempo")
    if use.work is not None:
        return use.work, None, None, "tempo"
    if use.reps is not None:
        return None, use.reps, use.tempo, "tempo"
    if entry.work is not None:
        return entry.work, None, None, "tempo"
    if entry.reps is not None:
        return None, entry.reps, entry.tempo, "catalog"
    return defaults.work, None, None, "tempo"


def _breath(
    use: ExerciseUse,
    entry: CatalogEntry,
    defaults: Defaults,
    patterns: Mapping[str, BreathPattern],
    has_tempo: bool,
) -> tuple[BreathPattern | None, bool]:
    explicit = use.breath is not None
    origin: tuple[str, ...] | None = None
    if explicit:
        breath = use.breath
    elif entry.breath is not None:
        breath, origin = entry.breath, ("catalog", use.id, "breath")
    else:
        breath, origin = defaults.breath, ("defaults", "breath")
    if isinstance(breath, BreathPattern):
        return breath, False
    if breath is None or breath == "none":
        return None, False
    if breath == "tempo":
        if has_tempo:
            return None, True
        if explicit:
            raise ResolveError(
                "breath", 'breath = "tempo" needs a tempo', "add tempo, or pick a pattern"
            )
        return None, False
    if breath in patterns:
        return patterns[breath], False
    hint = did_you_mean(breath, [*patterns, "tempo", "none"]) or "a pattern name, tempo or none"
    raise ResolveError("breath", f"unknown breathing pattern '{breath}'", hint, origin)


def resolve_exercise(
    use: ExerciseUse,
    routine: Routine,
    catalog: Mapping[str, CatalogEntry],
    patterns: Mapping[str, BreathPattern],
) -> Exercise:
    """Apply the catalog entry and the routine's defaults to one exercise use."""
    entry = catalog.get(use.id)
    if entry is None:
        hint = did_you_mean(use.id, catalog) or "`matwork catalog` lists the ids"
        raise ResolveError("id", f"unknown exercise id '{use.id}'", hint)
    defaults = routine.defaults
    work, reps, tempo_value, tempo_source = _dosage(use, entry, defaults)
    try:
        tempo = parse_tempo(tempo_value) if tempo_value is not None else None
    except TempoError as error:
        origin = ("catalog", use.id, "tempo") if tempo_source == "catalog" else None
        raise ResolveError("tempo", str(error), origin=origin) from error
    is_open = reps is not None and tempo is None
    if work is not None:
        seconds = work
    elif tempo is not None and reps is not None:
        seconds = reps * sum(tempo)
    else:
        seconds = (reps or 0) * OPEN_SET_SECONDS_PER_REP
    breath, breath_tempo = _breath(use, entry, defaults, patterns, tempo is not None)
    cues = (use.cues,) if isinstance(use.cues, str) else tuple(use.cues or ())
    return Exercise(
        id=use.id,
        name=use.name or entry.name,
        entry=entry,
        work=work,
        reps=reps,
        tempo=tempo,
        open=is_open,
        seconds=seconds,
        sets=use.sets,
        sides=use.sides,
        rest=use.rest if use.rest is not None else defaults.rest,
        prepare=use.prepare,
        switch=use.switch if use.switch is not None else defaults.switch,
        breath=breath,
        breath_tempo=breath_tempo,
        cues=cues,
        load=use.load,
        halfway=use.halfway,
        note=use.note,
    )
