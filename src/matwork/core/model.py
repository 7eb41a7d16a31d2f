"""The routine model, version 1: msgspec Structs that mirror the TOML file.

Field docs become the JSON Schema's descriptions, so editors can show them.
Vocabulary fields are plain strings (checked with a "did you mean" later) whose
schema lists the allowed values.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
from msgspec import Meta

from matwork.core import vocab
from matwork.core.muscle_groups import muscle_names

MAX_SEGMENT_SECONDS = 3600
MAX_ROUNDS = 100
MAX_SETS = 100
MAX_REPS = 1000
MAX_SESSION_SECONDS = 6 * 3600
MAX_SEGMENTS = 10_000
MAX_FILE_BYTES = 1024 * 1024
OPEN_SET_SECONDS_PER_REP = 3.0


def _choice(choices: tuple[str, ...], description: str) -> object:
    return Meta(description=description, extra_json_schema={"enum": list(choices)})


Duration = Annotated[
    float, Meta(gt=0, le=MAX_SEGMENT_SECONDS, description="Seconds, more than 0, at most 3600.")
]
Gap = Annotated[
    float,
    Meta(ge=0, le=MAX_SEGMENT_SECONDS, description="Seconds, 0 (none) to 3600."),
]
Rounds = Annotated[int, Meta(ge=1, le=MAX_ROUNDS, description="How many rounds, 1 to 100.")]
Sets = Annotated[int, Meta(ge=1, le=MAX_SETS, description="How many sets, 1 to 100.")]
Reps = Annotated[int, Meta(ge=1, le=MAX_REPS, description="Repetitions, 1 to 1000.")]
Tempo = (
    Annotated[
        str,
        Meta(
            description='Seconds per rep phase: "lower-pause-lift-pause", e.g. "3-1-3-0"; '
            '"none" on an exercise: an open set, whatever the catalog\'s tempo.'
        ),
    ]
    | Annotated[
        list[Annotated[float, Meta(ge=0, le=MAX_SEGMENT_SECONDS)]],
        Meta(min_length=2, max_length=4, description="2 to 4 numbers: lower, pause, lift, pause."),
    ]
)
Category = Annotated[str, _choice(vocab.CATEGORIES, "The kind of exercise.")]
Pattern = Annotated[str, _choice(vocab.PATTERNS, "The movement pattern, for balance checks.")]
Muscle = Annotated[
    str, _choice(muscle_names(), "A muscle from the fixed vocabulary, or a group name (glutes).")
]
Emphasis = Annotated[str, _choice(vocab.EMPHASES, "What the exercise trains, for programmes.")]
ExerciseRef = Annotated[str, Meta(min_length=1, description="The id of another catalog entry.")]
PhaseWord = Annotated[
    str, Meta(min_length=1, max_length=20, description="A word shown and spoken for the phase.")
]
Line = Annotated[str, _choice(vocab.LINES, "A myofascial line.")]
Level = Annotated[str, _choice(vocab.LEVELS, "How demanding the routine is.")]
Sides = Annotated[
    str,
    _choice(("both", "alternate"), '"both": left, switch, right; "alternate": sides alternate.'),
]


class BreathPattern(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """A breathing pattern: seconds per phase, repeated."""

    inhale: Annotated[float, Meta(gt=0, le=60, description="Seconds breathing in.")]
    hold: Annotated[float, Meta(ge=0, le=60, description="Seconds held after inhaling.")] = 0
    exhale: Annotated[float, Meta(gt=0, le=60, description="Seconds breathing out.")]
    hold_out: Annotated[float, Meta(ge=0, le=60, description="Seconds held after exhaling.")] = 0

    @property
    def cycle(self) -> float:
        """Seconds of one full breath."""
        return self.inhale + self.hold + self.exhale + self.hold_out


Breath = (
    Annotated[
        str,
        Meta(
            description="A pattern name (calm, box, 4-7-8, coherent, pilates, your own), "
            '"tempo" or "none".'
        ),
    ]
    | BreathPattern
)
Cues = Annotated[str, Meta(description="A cue shown during work.")] | list[str]


class Defaults(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """Values every exercise and block inherits unless it sets its own."""

    prepare: Gap = 10
    work: Duration = 30
    rest: Gap = 15
    switch: Gap = 5
    round_rest: Gap = 30
    block_rest: Gap = 30
    countdown: Annotated[
        int, Meta(ge=0, le=10, description="Ticks in the last N seconds of work and rest.")
    ] = 3
    breath: Breath = "none"


class RepPhases(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """How a rep at a tempo plays: the movement it starts with, and a word for each phase.

    The tempo's numbers keep their meaning (lower, pause, lift, pause); a rep that
    starts with the lift plays them as lift, pause, lower, pause.
    """

    starts: Annotated[
        Literal["lower", "lift"],
        Meta(description='"lift" when the rep starts at the bottom (a bridge from the floor).'),
    ] = "lower"
    lower: Annotated[PhaseWord, Meta(description="Word for the tempo's 1st number.")] = "lower"
    bottom: Annotated[
        PhaseWord, Meta(description="Word for the 2nd: the pause after lowering.")
    ] = "pause"
    lift: Annotated[PhaseWord, Meta(description="Word for the tempo's 3rd number.")] = "lift"
    top: Annotated[PhaseWord, Meta(description="Word for the 4th: the pause after lifting.")] = (
        "pause"
    )

    def words(self) -> tuple[str, str, str, str]:
        """The words in tempo order: lower, bottom pause, lift, top pause."""
        return (self.lower, self.bottom, self.lift, self.top)


DEFAULT_REP_PHASES = RepPhases()
"""Reps that start with the lowering: lower, pause, lift, pause."""

DEFAULT_PHASE_WORDS: dict[str, tuple[str, str, str, str]] = {
    "en": DEFAULT_REP_PHASES.words(),
    "de": ("senken", "Pause", "heben", "Pause"),
}
"""The tempo's phase words where an entry names none, by language, in tempo order."""


class CatalogEntry(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """An exercise: what it is, how to do it, and its default dosage."""

    name: Annotated[str, Meta(min_length=1, description="Display name.")]
    aliases: Annotated[
        list[Annotated[str, Meta(min_length=1)]],
        Meta(description='Other names that find it and that `id` accepts ("plank").'),
    ] = []
    category: Category
    pattern: Pattern = "stretch"
    muscles: list[Muscle] = []
    secondary: list[Muscle] = []
    lines: list[Line] = []
    sided: Annotated[bool, Meta(description="Done one side at a time.")] = False
    instructions: list[str] = []
    cautions: list[str] = []
    work: Duration | None = None
    reps: Reps | None = None
    tempo: Tempo | None = None
    phases: Annotated[
        RepPhases, Meta(description="How a rep at the tempo starts, and its phase words.")
    ] = DEFAULT_REP_PHASES
    breath: Breath | None = None
    trains: Annotated[
        list[Emphasis], Meta(description="Emphasis ids it trains (see docs/routines.md).")
    ] = []
    easier: Annotated[ExerciseRef | None, Meta(description="A regression of it.")] = None
    harder: Annotated[ExerciseRef | None, Meta(description="A progression of it.")] = None


class ExerciseUse(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """One exercise in a block, with its dosage."""

    id: Annotated[
        str,
        Meta(min_length=1, description="A catalog id or alias, built in or from [catalog.<id>]."),
    ]
    name: Annotated[str | None, Meta(description="Display name override.")] = None
    work: Annotated[
        Duration | None, Meta(description="Timed: seconds of work (per side with sides = both).")
    ] = None
    reps: Annotated[
        Reps | None, Meta(description="Repetitions: timed with tempo, an open set without.")
    ] = None
    tempo: Tempo | None = None
    sets: Sets = 1
    sides: Sides | None = None
    rest: Gap | None = None
    prepare: Gap | None = None
    switch: Gap | None = None
    breath: Breath | None = None
    cues: Cues | None = None
    load: Annotated[str | None, Meta(description='Free text, logged, e.g. "40 kg".')] = None
    halfway: Annotated[bool, Meta(description="Sound a halfway cue.")] = False
    note: str | None = None
    test: Annotated[
        str | None,
        _choice(
            vocab.TEST_KINDS,
            '"hold": held to failure, counting up, ended with a key or at the ceiling; '
            '"measure": the user enters the result.',
        ),
    ] = None
    ceiling: Annotated[
        Duration | None, Meta(description="A hold ends by itself after this many seconds.")
    ] = None
    answer: Annotated[
        str | None,
        _choice(vocab.TEST_ANSWERS, "A measurement's answer: a number, yes-no or a score 0-5."),
    ] = None
    unit: Annotated[
        str | None, _choice(vocab.TEST_UNITS, "The unit of a measured number: cm or degrees.")
    ] = None
    side: Annotated[
        str | None, _choice(vocab.TEST_SIDES, "Only this side (instead of sides = both).")
    ] = None


class Block(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """A group of exercises repeated for a number of rounds."""

    name: str = ""
    rounds: Rounds = 1
    round_rest: Gap | None = None
    rest_after: Annotated[
        Gap | None, Meta(description="Rest after this block (else defaults.block_rest).")
    ] = None
    note: str | None = None
    exercise: Annotated[list[ExerciseUse], Meta(min_length=1)]


Text = Annotated[str, Meta(min_length=1)]


class RoutineTranslation(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """A file's texts in one other language; each one not given stays in English."""

    name: Annotated[Text | None, Meta(description="The name in this language.")] = None
    description: Annotated[Text | None, Meta(description="The description in this language.")] = (
        None
    )
    text: Annotated[
        dict[str, Text],
        Meta(
            description="Every other English text of the file (block names and notes, "
            'exercise names, notes and cues) to its translation: "Mobilise" = "Mobilisieren".'
        ),
    ] = {}


Translations = Annotated[
    dict[str, RoutineTranslation],
    Meta(
        description="Translations by language code (de), e.g. [translations.de].",
        extra_json_schema={"propertyNames": {"enum": list(vocab.TRANSLATION_LANGUAGES)}},
    ),
]


class Routine(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """A routine file, format version 1."""

    format: Annotated[int, Meta(ge=1, le=1, description="Format version: 1.")] = 1
    name: Annotated[str, Meta(min_length=1, description="The routine's name.")]
    description: str = ""
    tags: list[str] = []
    level: Level | None = None
    author: str | None = None
    defaults: Defaults = Defaults()
    breathing: dict[str, BreathPattern] = {}
    catalog: dict[str, CatalogEntry] = {}
    sounds: Annotated[
        dict[str, str],
        Meta(description='Cue name to a WAV path beside the routine, or "none" to mute it.'),
    ] = {}
    block: Annotated[list[Block], Meta(min_length=1)]
    translations: Translations = {}


BUILTIN_BREATHING: dict[str, BreathPattern] = {
    "calm": BreathPattern(inhale=4, exhale=6),
    "box": BreathPattern(inhale=4, hold=4, exhale=4, hold_out=4),
    "4-7-8": BreathPattern(inhale=4, hold=7, exhale=8),
    "coherent": BreathPattern(inhale=5.5, exhale=5.5),
    "pilates": BreathPattern(inhale=3, exhale=5),
}
"""Breathing patterns every routine can name."""
