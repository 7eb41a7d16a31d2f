"""Load, check and compile routine files: the public face of the routine format.

``load_routine(path)`` and ``parse_routine(text, path)`` return a ``Routine`` or raise
``RoutineError`` naming the file, line and column of every problem found;
``compile_timeline(routine)`` turns a routine into its ``Timeline``.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import msgspec

from matwork.core import vocab
from matwork.core.catalog import merged_catalog
from matwork.core.errors import Problem, RoutineError, did_you_mean
from matwork.core.exercise import ResolveError, breath_patterns, resolve_exercise
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
from matwork.core.structure import describe_value, explain, unknown_keys_cached
from matwork.core.timeline import BlockPlan, Timeline, compile_blocks, measure_blocks

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$|\s*\(at end of document\)$")
_TOML_HINTS = {
    "Cannot overwrite a value": "a key or table is defined twice",
    "Cannot declare": "a table is defined twice",
    "Invalid value": 'text needs quotes, e.g. name = "Bridge"',
    "Expected '=' after a key": "write key = value",
    "Unclosed": "a bracket or quote is not closed",
    "Illegal character '\\n'": "a string is missing its closing quote",
    "Invalid statement": "each line is key = value, [table] or [[array]]",
}


class _Checker:
    """Collects problems for one file, each placed by the locator."""

    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self._text = text
        self._locator: Locator | None = None
        self.problems: list[Problem] = []

    def add(self, key_path: KeyPath, message: str, hint: str = "") -> None:
        if self._locator is None:
            self._locator = Locator(self._text)
        line, col = self._locator.find(key_path)
        problem = Problem(self.path, line, col, message, hint)
        if problem not in self.problems:
            self.problems.append(problem)

    def fail_if_any(self) -> None:
        if self.problems:
            raise RoutineError(self.problems)


def _toml_error(error: tomllib.TOMLDecodeError, text: str, path: str) -> RoutineError:
    message = str(error)
    match = _TOML_POSITION.search(message)
    if match and match.group(1):
        line, col = int(match.group(1)), int(match.group(2))
    else:
        line, col = text.count("\n") + 1, 1
    message = _TOML_POSITION.sub("", message)
    hint = next((hint for start, hint in _TOML_HINTS.items() if message.startswith(start)), "")
    return RoutineError.single(path, line, col, f"TOML syntax: {message}", hint)


def _choice(
    checker: _Checker, key_path: KeyPath, value: str, choices: tuple[str, ...], what: str
) -> None:
    if value not in choices:
        hint = did_you_mean(value, choices)
        if not hint and len(choices) <= 8:
            hint = "one of: " + ", ".join(choices)
        checker.add(key_path, f"unknown {what} '{value}'", hint)


def _decode_tables(checker: _Checker, data: dict[str, Any]) -> None:
    """Decode each [breathing.x] and [catalog.x] on its own, so errors keep their key."""
    targets: dict[str, type] = {"breathing": BreathPattern, "catalog": CatalogEntry}
    for section, target in targets.items():
        tables = data.get(section)
        if not isinstance(tables, dict):
            continue
        for key, table in tables.items():
            try:
                msgspec.convert(table, target, strict=True)
            except msgspec.ValidationError as error:
                sub_path, message = explain(error, table, f"[{section}.{key}]")
                checker.add((section, key, *sub_path), message)
    sounds = data.get("sounds")
    if isinstance(sounds, dict):
        for cue, target_file in sounds.items():
            if not isinstance(target_file, str):
                found = describe_value(target_file)
                checker.add(("sounds", cue), f"{cue}: expected text in quotes, found {found}")


def _check_vocabulary(checker: _Checker, routine: Routine) -> None:
    default_breath = routine.defaults.breath
    known_breaths = [*breath_patterns(routine), "tempo", "none"]
    if isinstance(default_breath, str) and default_breath not in known_breaths:
        message = f"unknown breathing pattern '{default_breath}'"
        checker.add(("defaults", "breath"), message, did_you_mean(default_breath, known_breaths))
    if routine.level is not None:
        _choice(checker, ("level",), routine.level, vocab.LEVELS, "level")
    for key, entry in routine.catalog.items():
        base: KeyPath = ("catalog", key)
        _choice(checker, (*base, "category"), entry.category, vocab.CATEGORIES, "category")
        _choice(checker, (*base, "pattern"), entry.pattern, vocab.PATTERNS, "movement pattern")
        for field in ("muscles", "secondary"):
            for index, muscle in enumerate(getattr(entry, field)):
                _choice(checker, (*base, field, index), muscle, vocab.MUSCLES, "muscle")
        for index, line in enumerate(entry.lines):
            _choice(checker, (*base, "lines", index), line, vocab.LINES, "myofascial line")
    for block_index, block in enumerate(routine.block):
        for index, use in enumerate(block.exercise):
            if use.sides is not None:
                place = ("block", block_index, "exercise", index, "sides")
                _choice(checker, place, use.sides, ("both", "alternate"), "sides value")


def _check_sounds(checker: _Checker, routine: Routine, folder: Path) -> None:
    base = folder.resolve()
    for cue, target in routine.sounds.items():
        place: KeyPath = ("sounds", cue)
        if cue not in vocab.SOUND_CUES:
            checker.add(place, f"unknown sound cue '{cue}'", did_you_mean(cue, vocab.SOUND_CUES))
            continue
        if target == "none":
            continue
        candidate = Path(target)
        if candidate.is_absolute() or not (base / candidate).resolve().is_relative_to(base):
            checker.add(
                place, f"sound '{target}' leaves the routine's folder", "use a path inside it"
            )
            continue
        _check_wav(checker, place, base / candidate, target)


def _check_wav(checker: _Checker, place: KeyPath, file: Path, shown: str) -> None:
    try:
        with file.open("rb") as handle:
            header = handle.read(12)
    except OSError as error:
        checker.add(place, f"cannot read sound '{shown}': {error.strerror or error}")
        return
    if len(header) < 12 or header[:4] != b"RIFF" or header[8:12] != b"WAVE":
        checker.add(place, f"sound '{shown}' is not a WAV file")


def _resolve_blocks(checker: _Checker | None, routine: Routine) -> list[BlockPlan]:
    catalog = merged_catalog(routine.catalog)
    patterns = breath_patterns(routine)
    defaults = routine.defaults
    plans = []
    for block_index, block in enumerate(routine.block):
        exercises = []
        for index, use in enumerate(block.exercise):
            place: KeyPath = ("block", block_index, "exercise", index)
            try:
                exercise = resolve_exercise(use, routine, catalog, patterns)
            except ResolveError as error:
                if checker is None:
                    raise ValueError(error.message) from error
                where = error.origin if error.origin else (*place, error.key)
                checker.add(where, error.message, error.hint)
                continue
            if exercise.seconds > MAX_SEGMENT_SECONDS:
                if checker is None:
                    raise ValueError("a segment is longer than 3600 s")
                checker.add(
                    (*place, "reps"),
                    f"one set lasts {exercise.seconds:g} s, more than the limit of 3600 s",
                    "fewer reps or a shorter tempo",
                )
            exercises.append(exercise)
        round_rest = block.round_rest if block.round_rest is not None else defaults.round_rest
        rest_after = block.rest_after if block.rest_after is not None else defaults.block_rest
        plans.append(BlockPlan(block.name, block.rounds, round_rest, rest_after, exercises))
    return plans


def _check_limits(checker: _Checker, routine: Routine, plans: list[BlockPlan]) -> None:
    for block_index, (count, seconds) in enumerate(measure_blocks(plans, routine.defaults.prepare)):
        block = routine.block[block_index]
        place: KeyPath = (
            ("block", block_index, "rounds") if block.rounds > 1 else ("block", block_index)
        )
        if count > MAX_SEGMENTS:
            checker.add(place, f"the session would have more than {MAX_SEGMENTS:,} segments")
            return
        if seconds > MAX_SESSION_SECONDS:
            hours = seconds / 3600
            checker.add(
                place, f"the session would last {hours:.1f} hours, more than the limit of 6"
            )
            return


def parse_routine(text: str, path: str | Path) -> Routine:
    """Parse and check routine text; ``path`` names it in errors and anchors [sounds]."""
    shown = str(path)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise RoutineError.single(shown, 1, 1, "file is larger than the limit of 1 MiB")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _toml_error(error, text, shown) from None
    checker = _Checker(text, shown)
    if not data:
        checker.add(
            (), "the file is empty", 'a routine needs at least name = "..." and a [[block]]'
        )
        checker.fail_if_any()
    for key_path, message, hint in unknown_keys_cached(data, Routine):
        checker.add(key_path, message, hint)
    checker.fail_if_any()
    _decode_tables(checker, data)
    checker.fail_if_any()
    version = data.get("format", 1)
    if isinstance(version, int) and not isinstance(version, bool) and version != 1:
        checker.add(
            ("format",), f"format {version} is not supported", "this matwork reads format = 1"
        )
        checker.fail_if_any()
    try:
        routine = msgspec.convert(data, Routine, strict=True)
    except msgspec.ValidationError as error:
        key_path, message = explain(error, data)
        checker.add(key_path, message)
        checker.fail_if_any()
        raise AssertionError("unreachable") from None
    _check_vocabulary(checker, routine)
    _check_sounds(checker, routine, Path(path).parent)
    plans = _resolve_blocks(checker, routine)
    checker.fail_if_any()
    _check_limits(checker, routine, plans)
    checker.fail_if_any()
    return routine


def load_routine(path: str | Path) -> Routine:
    """Read and check the routine file at ``path``."""
    file = Path(path)
    shown = str(path)
    try:
        if file.is_dir():
            raise RoutineError.single(shown, 1, 1, "is a folder, not a routine file")
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise RoutineError.single(
                shown, 1, 1, f"file is {size / 1048576:.1f} MiB, more than the limit of 1 MiB"
            )
        raw = file.read_bytes()[: MAX_FILE_BYTES + 1]
    except OSError as error:
        raise RoutineError.single(shown, 1, 1, f"cannot read: {error.strerror or error}") from None
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        message = f"not UTF-8 text: byte {raw[error.start]:#04x} cannot be decoded"
        raise RoutineError.single(shown, line, col, message, "save the file as UTF-8") from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise RoutineError.single(shown, line, 1, "binary data: a routine is a text file")
    return parse_routine(text, path)


def compile_timeline(routine: Routine) -> Timeline:
    """Compile a checked routine into its timeline."""
    plans = _resolve_blocks(None, routine)
    return compile_blocks(routine.name, plans, routine.defaults.prepare, routine.defaults.countdown)


def block_plans(routine: Routine) -> list[BlockPlan]:
    """The routine's blocks with every exercise resolved."""
    return _resolve_blocks(None, routine)


__all__ = ["RoutineError", "block_plans", "compile_timeline", "load_routine", "parse_routine"]
