"""Resolve an exercise use against defaults and the catalog: what it really asks for."""

from __future__ import annotations

import re
from collections.abc import Mapping

import msgspec

from matwork.core.aliases import name_index
from matwork.core.errors import Suggestions, hint_text
from matwork.core.model import (
    BUILTIN_BREATHING,
    OPEN_SET_SECONDS_PER_REP,
    BreathPattern,
    CatalogEntry,
    Defaults,
    ExerciseUse,
    Routine,
)
from matwork.core.names import name_key
from matwork.core.test_spec import TestSpec, TestSpecError, resolve_test
from matwork.i18n import _, ngettext

_TEMPO_TEXT = re.compile(r"^\s*\d+(\.\d+)?(\s*-\s*\d+(\.\d+)?){1,3}\s*$")
TEMPO_PHASES: tuple[str, ...] = ("lower", "pause", "lift", "pause")
"""Names of the four tempo phases, in order."""
NO_TEMPO = "none"
"""``tempo = "none"`` on an exercise use: an open set, whatever tempo the catalog gives."""


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
    test: TestSpec | None = None
    """A test set (a hold to failure, a measurement), or None for an ordinary set."""
    side: str | None = None
    """``side = "left"`` or ``"right"``: only that side."""

    @property
    def dosage(self) -> str:
        """The dosage in words, e.g. "40 s", "12 reps", "~8 reps"."""
        if self.test is not None:
            text = self.test.dosage()
        elif self.work is not None:
            text = f"{self.work:g} s"
        elif self.open:
            text = _("{reps} reps, open set").format(reps=self.reps)
        else:
            text = ngettext("{reps} rep", "{reps} reps", self.reps or 0).format(reps=self.reps)
        if self.sides == "both":
            text = _("{dosage} per side").format(dosage=text)
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


class NameHints:
    """Did-you-mean hints for exercise ids and breath names, shared by one routine's uses."""

    def __init__(
        self, catalog: Mapping[str, CatalogEntry], patterns: Mapping[str, BreathPattern]
    ) -> None:
        self._catalog = catalog
        self._patterns = patterns
        self._index: Mapping[str, str] | None = None
        self._ids: Suggestions | None = None
        self._breaths: Suggestions | None = None

    def _names(self) -> Mapping[str, str]:
        if self._index is None:
            self._index = name_index(self._catalog)
        return self._index

    def canonical(self, name: str) -> str | None:
        """The id ``name`` stands for (itself, or by an alias), with the index built once."""
        if name in self._catalog:
            return name
        return self._names().get(name_key(name))

    def exercise_id(self, word: str) -> str:
        """The hint for an unknown exercise id: the canonical ids of the closest names."""
        self._names()
        assert self._index is not None
        if self._ids is None:
            self._ids = Suggestions(self._index)
        close = self._ids.closest(name_key(word))
        return hint_text(dict.fromkeys(self._index[name] for name in close))

    def breath(self, word: str) -> str:
        """The hint for an unknown breathing pattern name."""
        if self._breaths is None:
            self._breaths = Suggestions([*self._patterns, "tempo", "none"])
        return self._breaths.hint(word)


def breath_patterns(routine: Routine) -> dict[str, BreathPattern]:
    """The built-in breathing patterns with the routine's own on top."""
    return {**BUILTIN_BREATHING, **routine.breathing}


def _dosage(
    use: ExerciseUse, entry: CatalogEntry, defaults: Defaults
) -> tuple[float | None, int | None, str | list[float] | None, str]:
    """The dosage (work, reps, tempo) and the key the tempo came from.

    ``reps`` without ``tempo`` takes the catalog entry's tempo, if it has one;
    ``tempo = "none"`` makes an open set.
    """
    if use.work is not None and use.reps is not None:
        raise ResolveError("reps", _("choose one dosage: work or reps, not both"))
    if use.tempo is not None and use.reps is None:
        raise ResolveError("tempo", _("tempo needs reps"), _("add reps = N, or remove tempo"))
    if use.work is not None:
        return use.work, None, None, "tempo"
    if use.reps is not None:
        if use.tempo == NO_TEMPO:
            return None, use.reps, None, "tempo"
        if use.tempo is None and entry.tempo is not None:
            return None, use.reps, entry.tempo, "catalog"
        return None, use.reps, use.tempo, "tempo"
    if entry.work is not None:
        return entry.work, None, None, "tempo"
    if entry.reps is not None:
        return None, entry.reps, entry.tempo, "catalog"
    return defaults.work, None, None, "tempo"


def _breath(
    use: ExerciseUse,
    exercise_id: str,
    entry: CatalogEntry,
    defaults: Defaults,
    patterns: Mapping[str, BreathPattern],
    has_tempo: bool,
    hints: NameHints | None,
) -> tuple[BreathPattern | None, bool]:
    explicit = use.breath is not None
    origin: tuple[str, ...] | None = None
    if explicit:
        breath = use.breath
    elif entry.breath is not None:
        breath, origin = entry.breath, ("catalog", exercise_id, "breath")
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
                "breath", _('breath = "tempo" needs a tempo'), _("add tempo, or pick a pattern")
            )
        return None, False
    if breath in patterns:
        return patterns[breath], False
    hint = (hints or NameHints({}, patterns)).breath(breath) or _("a pattern name, tempo or none")
    message = _("unknown breathing pattern '{name}'").format(name=breath)
    raise ResolveError("breath", message, hint, origin)


def resolve_exercise(
    use: ExerciseUse,
    routine: Routine,
    catalog: Mapping[str, CatalogEntry],
    patterns: Mapping[str, BreathPattern],
    hints: NameHints | None = None,
) -> Exercise:
    """Apply the catalog entry and the routine's defaults to one exercise use.

    ``use.id`` may be an alias: the exercise gets the id it stands for. ``hints`` shares
    the did-you-mean work between the uses of one routine.
    """
    exercise_id = use.id if use.id in catalog else None
    if exercise_id is None:  # an alias, or unknown: one name index for the routine's uses
        hints = hints or NameHints(catalog, patterns)
        exercise_id = hints.canonical(use.id)
    if exercise_id is None:
        assert hints is not None
        hint = hints.exercise_id(use.id) or _("`matwork catalog` lists the ids")
        raise ResolveError("id", _("unknown exercise id '{id}'").format(id=use.id), hint)
    entry = catalog[exercise_id]
    defaults = routine.defaults
    try:
        test = resolve_test(use, exercise_id, use.name or entry.name)
    except TestSpecError as error:
        raise ResolveError(error.key, error.message, error.hint) from error
    if test is not None:
        return _test_exercise(use, exercise_id, entry, routine, patterns, test)
    work, reps, tempo_value, tempo_source = _dosage(use, entry, defaults)
    try:
        tempo = parse_tempo(tempo_value) if tempo_value is not None else None
    except TempoError as error:
        origin = ("catalog", exercise_id, "tempo") if tempo_source == "catalog" else None
        hint = "" if origin else _('or tempo = "none" for an open set')
        raise ResolveError("tempo", str(error), hint, origin=origin) from error
    is_open = reps is not None and tempo is None
    if work is not None:
        seconds = work
    elif tempo is not None and reps is not None:
        seconds = reps * sum(tempo)
    else:
        seconds = (reps or 0) * OPEN_SET_SECONDS_PER_REP
    breath, breath_tempo = _breath(
        use, exercise_id, entry, defaults, patterns, tempo is not None, hints
    )
    cues = (use.cues,) if isinstance(use.cues, str) else tuple(use.cues or ())
    return Exercise(
        id=exercise_id,
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
        side=use.side,
    )


def _test_exercise(
    use: ExerciseUse,
    exercise_id: str,
    entry: CatalogEntry,
    routine: Routine,
    patterns: Mapping[str, BreathPattern],
    test: TestSpec,
) -> Exercise:
    """A test set: open (it ends on a key, an answer or its ceiling), its estimate planned."""
    defaults = routine.defaults
    breath, _ = _breath(use, exercise_id, entry, defaults, patterns, False, None)
    cues = (use.cues,) if isinstance(use.cues, str) else tuple(use.cues or ())
    return Exercise(
        id=exercise_id,
        name=use.name or entry.name,
        entry=entry,
        work=None,
        reps=None,
        tempo=None,
        open=True,
        seconds=test.estimate,
        sets=use.sets,
        sides=use.sides,
        rest=use.rest if use.rest is not None else defaults.rest,
        prepare=use.prepare,
        switch=use.switch if use.switch is not None else defaults.switch,
        breath=breath,
        breath_tempo=False,
        cues=cues,
        load=use.load,
        halfway=False,
        note=use.note,
        test=test,
        side=use.side,
    )
