"""Load, check and compile routine files: the public face of the routine format.

``load_routine(path)`` and ``parse_routine(text, path)`` return a ``Routine`` or raise
``RoutineError`` naming the file, line and column of every problem found;
``compile_timeline(routine)`` turns a routine into its ``Timeline``.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec

from matwork.core import vocab
from matwork.core.catalog_check import own_entry_problems, with_stored_entries
from matwork.core.errors import Notice, Problem, RoutineError, did_you_mean
from matwork.core.exercise import NameHints, ResolveError, breath_patterns, resolve_exercise
from matwork.core.locate import KeyPath, Locator
from matwork.core.model import (
    MAX_FILE_BYTES,
    MAX_SEGMENT_SECONDS,
    MAX_SEGMENTS,
    MAX_SESSION_SECONDS,
    BreathPattern,
    CatalogEntry,
    Routine,
)
from matwork.core.nesting import NESTING_MESSAGE, bracket_problem, too_deep
from matwork.core.structure import describe_value, type_problems, unknown_keys_cached
from matwork.core.test_catalog import resolving_catalog
from matwork.core.textguard import control_problems
from matwork.core.timeline import BlockPlan, Timeline, compile_blocks, measure_blocks
from matwork.core.tomlerror import syntax_error
from matwork.core.translation import (
    language_problems,
    routine_texts,
    shape_problems,
    stale_texts,
)
from matwork.core.userfiles import FileProblem, read_text, sound_file_problem
from matwork.i18n import _, lazy_


class FileChecker:
    """Collects problems for one file, each placed by the locator."""

    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self._text = text
        self._locator: Locator | None = None
        self.problems: list[Problem] = []
        self.notices: list[Notice] = []
        self._seen: set[Problem] = set()

    @property
    def locator(self) -> Locator:
        if self._locator is None:
            self._locator = Locator(self._text)
        return self._locator

    def _place(self, key_path: KeyPath, at_value: bool = False) -> tuple[int, int]:
        if at_value:
            return self.locator.find_value(key_path)
        return self.locator.find(key_path)

    def add(self, key_path: KeyPath, message: str, hint: str = "", at_value: bool = False) -> None:
        """A problem at the key (or, ``at_value``, at the value) ``key_path`` names."""
        line, col = self._place(key_path, at_value)
        problem = Problem(self.path, line, col, message, hint)
        if problem not in self._seen:
            self._seen.add(problem)
            self.problems.append(problem)

    def note(self, key_path: KeyPath, message: str, hint: str = "") -> None:
        line, col = self._place(key_path)
        self.notices.append(Notice(self.path, line, col, message, hint))

    def fail_if_any(self) -> None:
        if self.problems:
            raise RoutineError(self.problems)


_NESTING_HINT = lazy_("a routine needs about 5 levels: is a bracket left open?")


def _check_text(checker: FileChecker, data: dict[str, Any]) -> None:
    """Refuse nesting past the limit, then control characters in any text or key."""
    deep = too_deep(data)
    if deep:
        checker.add(deep, str(NESTING_MESSAGE), _("a routine needs about 5 levels"))
        checker.fail_if_any()
    for key_path, message, hint in control_problems(data):
        checker.add(key_path, message, hint)
    checker.fail_if_any()


def check_choice(
    checker: FileChecker,
    key_path: KeyPath,
    value: str,
    choices: tuple[str, ...],
    what: str,
    *,
    at_value: bool = True,
) -> None:
    """A problem at the value (or the key) of ``key_path`` unless ``value`` is a choice;
    ``what`` is the message with a ``{value}`` field; the hint is did-you-mean or the list."""
    if value not in choices:
        hint = did_you_mean(value, choices)
        if not hint and len(choices) <= 8:
            hint = _("one of: {choices}").format(choices=", ".join(choices))
        checker.add(key_path, what.format(value=value), hint, at_value=at_value)


def _decode_tables(checker: FileChecker, data: dict[str, Any]) -> None:
    """Decode each [breathing.x] and [catalog.x] on its own, so errors keep their key."""
    targets: dict[str, type] = {"breathing": BreathPattern, "catalog": CatalogEntry}
    for section, target in targets.items():
        tables = data.get(section)
        if not isinstance(tables, dict):
            continue
        for key, table in tables.items():
            container = f"[{section}.{key}]"
            for key_path, message in type_problems(table, target, container, (section, key)):
                checker.add(key_path, message, at_value=True)
    for key_path, message, hint in shape_problems(data):
        checker.add(key_path, message, hint)
    sounds = data.get("sounds")
    if isinstance(sounds, dict):
        for cue, target_file in sounds.items():
            if not isinstance(target_file, str):
                found = describe_value(target_file)
                message = _("{key}: expected text in quotes, found {found}")
                checker.add(("sounds", cue), message.format(key=cue, found=found))


def _check_vocabulary(checker: FileChecker, routine: Routine) -> None:
    default_breath = routine.defaults.breath
    known_breaths = [*breath_patterns(routine), "tempo", "none"]
    if isinstance(default_breath, str) and default_breath not in known_breaths:
        message = _("unknown breathing pattern '{name}'").format(name=default_breath)
        hint = did_you_mean(default_breath, known_breaths)
        checker.add(("defaults", "breath"), message, hint, at_value=True)
    if routine.level is not None:
        check_choice(checker, ("level",), routine.level, vocab.LEVELS, _("unknown level '{value}'"))
    for key, entry in routine.catalog.items():
        base: KeyPath = ("catalog", key)
        category = _("unknown category '{value}'")
        check_choice(checker, (*base, "category"), entry.category, vocab.CATEGORIES, category)
        pattern = _("unknown movement pattern '{value}'")
        check_choice(checker, (*base, "pattern"), entry.pattern, vocab.PATTERNS, pattern)
        for index, line in enumerate(entry.lines):
            fascial = _("unknown myofascial line '{value}'")
            check_choice(checker, (*base, "lines", index), line, vocab.LINES, fascial)
    for key_path, message, hint in own_entry_problems(routine):
        checker.add(key_path, message, hint)
    for block_index, block in enumerate(routine.block):
        for index, use in enumerate(block.exercise):
            if use.sides is not None:
                place = ("block", block_index, "exercise", index, "sides")
                sides = _("unknown sides value '{value}'")
                check_choice(checker, place, use.sides, ("both", "alternate"), sides)


def _check_sounds(checker: FileChecker, routine: Routine, folder: Path) -> None:
    base = Path(os.path.realpath(folder))
    for cue, target in routine.sounds.items():
        place: KeyPath = ("sounds", cue)
        if cue not in vocab.SOUND_CUES:
            message = _("unknown sound cue '{cue}'").format(cue=cue)
            checker.add(place, message, did_you_mean(cue, vocab.SOUND_CUES))
            continue
        if target == "none":
            continue
        problem = sound_file_problem(base, target)
        if problem:
            checker.add(place, *problem)


def _resolve_blocks(checker: FileChecker | None, routine: Routine) -> list[BlockPlan]:
    catalog = resolving_catalog(routine.catalog)
    patterns = breath_patterns(routine)
    hints = NameHints(catalog, patterns)
    defaults = routine.defaults
    plans = []
    for block_index, block in enumerate(routine.block):
        exercises = []
        for index, use in enumerate(block.exercise):
            place: KeyPath = ("block", block_index, "exercise", index)
            try:
                exercise = resolve_exercise(use, routine, catalog, patterns, hints)
            except ResolveError as error:
                if checker is None:
                    raise ValueError(error.message) from error
                where = error.origin if error.origin else (*place, error.key)
                checker.add(where, error.message, error.hint, at_value=True)
                continue
            if checker is not None and exercise.id != use.id:
                checker.note(
                    (*place, "id"),
                    _("exercise id '{alias}' stands for '{id}'").format(
                        alias=use.id, id=exercise.id
                    ),
                    _('id = "{id}" names it directly').format(id=exercise.id),
                )
            if exercise.seconds > MAX_SEGMENT_SECONDS:
                if checker is None:
                    raise ValueError("a segment is longer than 3600 s")
                checker.add(
                    (*place, "reps"),
                    _("one set lasts {seconds} s, more than the limit of 3600 s").format(
                        seconds=f"{exercise.seconds:g}"
                    ),
                    _("fewer reps or a shorter tempo"),
                )
            exercises.append(exercise)
        round_rest = block.round_rest if block.round_rest is not None else defaults.round_rest
        rest_after = block.rest_after if block.rest_after is not None else defaults.block_rest
        plans.append(BlockPlan(block.name, block.rounds, round_rest, rest_after, exercises))
    return plans


def _check_limits(checker: FileChecker, routine: Routine, plans: list[BlockPlan]) -> None:
    for block_index, (count, seconds) in enumerate(measure_blocks(plans, routine.defaults.prepare)):
        block = routine.block[block_index]
        place: KeyPath = (
            ("block", block_index, "rounds") if block.rounds > 1 else ("block", block_index)
        )
        if count > MAX_SEGMENTS:
            message = _("the session would have more than {count} segments")
            checker.add(place, message.format(count=f"{MAX_SEGMENTS:,}"))
            return
        if seconds > MAX_SESSION_SECONDS:
            hours = seconds / 3600
            message = _("the session would last {hours} hours, more than the limit of 6")
            checker.add(place, message.format(hours=f"{hours:.1f}"))
            return


@dataclass(frozen=True)
class CheckedRoutine:
    """A routine that loaded, with the notices (not errors) its check gave."""

    routine: Routine
    notices: tuple[Notice, ...] = ()


def parse_routine(text: str, path: str | Path) -> Routine:
    """Parse and check routine text; ``path`` names it in errors and anchors [sounds]."""
    return check_routine_text(text, path).routine


def _convert_or_none(data: dict[str, Any]) -> Routine | None:
    """The routine ``data`` holds, or None when it does not convert (the checks say why).

    Tried first: the walk for unknown keys needs msgspec's type info of the whole model
    (about 9 ms to build at every start), and a file that converts cannot have any.
    """
    try:
        return msgspec.convert(data, Routine, strict=True)
    except msgspec.ValidationError:
        return None


def check_routine_text(text: str, path: str | Path) -> CheckedRoutine:
    """``parse_routine``, keeping the notices: aliases used for ids, and the like."""
    shown = str(path)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise RoutineError.single(shown, 1, 1, _("file is larger than the limit of 1 MiB"))
    bracket = bracket_problem(text)
    if bracket:
        raise RoutineError.single(shown, *bracket, str(NESTING_MESSAGE), str(_NESTING_HINT))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise syntax_error(error, text, shown) from None
    checker = FileChecker(text, shown)
    _check_text(checker, data)
    if not data:
        checker.add(
            (),
            _("the file is empty"),
            _('a routine needs at least name = "..." and a [[block]]'),
        )
        checker.fail_if_any()
    converted = _convert_or_none(data)
    if converted is None:  # every struct forbids unknown keys: a file that converts has none
        for key_path, message, hint in unknown_keys_cached(data, Routine):
            checker.add(key_path, message, hint)
        checker.fail_if_any()
    block = data.get("block")
    if isinstance(block, dict) and "exercise" in block and not checker.locator.written(("block",)):
        message = _("[[block.exercise]] comes before any [[block]]")
        checker.add(("block", "exercise"), message, _("add a [[block]] line above it"))
        checker.fail_if_any()
    _decode_tables(checker, data)
    checker.fail_if_any()
    version = data.get("format", 1)
    if isinstance(version, int) and not isinstance(version, bool) and version != 1:
        checker.add(
            ("format",),
            _("format {version} is not supported").format(version=version),
            _("this matwork reads format = 1"),
        )
        checker.fail_if_any()
    if converted is None:
        for key_path, message in type_problems(data, Routine):
            checker.add(key_path, message, at_value=True)
        checker.fail_if_any()
        raise AssertionError("unreachable")
    routine = converted
    _check_vocabulary(checker, routine)
    for key_path, message, hint in language_problems(routine.translations):
        checker.add(key_path, message, hint)
    for key_path, message, hint in stale_texts(routine.translations, routine_texts(routine)):
        checker.note(key_path, message, hint)
    routine = with_stored_entries(routine)
    _check_sounds(checker, routine, Path(path).parent)
    plans = _resolve_blocks(checker, routine)
    checker.fail_if_any()
    _check_limits(checker, routine, plans)
    checker.fail_if_any()
    return CheckedRoutine(routine, tuple(checker.notices))


def load_routine(path: str | Path) -> Routine:
    """Read and check the routine file at ``path``.

    A file that cannot be read as text (not a regular file, a system error, UTF-16)
    is a problem at line 0, which prints as ``path:0: message``.
    """
    return check_routine_file(path).routine


def check_routine_file(path: str | Path) -> CheckedRoutine:
    """``load_routine``, keeping the notices of the check."""
    return check_routine_text(read_source(path), path)


def read_source(path: str | Path, what: str = "routine") -> str:
    """The text of a ``what`` file (routine, programme); RoutineError if it cannot be one."""
    try:
        return read_text(Path(path), MAX_FILE_BYTES, f"{what} file")
    except FileProblem as problem:
        raise RoutineError.single(
            str(path), problem.line, problem.col, problem.message, problem.hint
        ) from None


def compile_timeline(routine: Routine) -> Timeline:
    """Compile a checked routine into its timeline."""
    plans = _resolve_blocks(None, routine)
    return compile_blocks(routine.name, plans, routine.defaults.prepare, routine.defaults.countdown)


def block_plans(routine: Routine) -> list[BlockPlan]:
    """The routine's blocks with every exercise resolved."""
    return _resolve_blocks(None, routine)


__all__ = [
    "CheckedRoutine",
    "RoutineError",
    "block_plans",
    "check_routine_file",
    "check_routine_text",
    "compile_timeline",
    "load_routine",
    "parse_routine",
]
