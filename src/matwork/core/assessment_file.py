"""Results files: load and check them, with ``path:line:col`` errors like routines.

``load_results(path)`` and ``parse_results(text, path)`` return ``AssessmentResults``
or raise ``ResultsError`` (a ``RoutineError``) naming the file, line and column of every
problem found, with a hint. ``results_schema()`` is the JSON Schema of the format,
generated from the model; a results file may name it on its first line
(``#:schema .../assessment-results.schema.json``), as routines do.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import msgspec

from matwork.core.assessment_model import (
    EXTENSOR_SETUPS,
    HOLD_KEYS,
    MAX_RESULTS_FILE_BYTES,
    RESULTS_FORMAT,
    SEXES,
    AssessmentResults,
    AssessmentTest,
    present_tests,
)
from matwork.core.errors import Problem, RoutineError, did_you_mean
from matwork.core.locate import KeyPath, Locator
from matwork.core.nesting import NESTING_MESSAGE, bracket_problem, too_deep
from matwork.core.schema import SCHEMA_DIALECT, _without_null
from matwork.core.structure import describe_value, explain, unknown_keys_cached, value_at
from matwork.core.textguard import control_problems
from matwork.core.tomlerror import syntax_error

SCHEMA_FILE_NAME = "assessment-results.schema.json"
"""The name of the committed schema file, under schema/ in the repository."""

_TOML_HINTS = {
    "TOML syntax: Invalid value": (
        "a result is a number, true/false or a table, e.g. extensor-hold = 120"
    ),
}
"""Hints that fit a results file better than the routine loader's."""
_TEST_NAMES = ", ".join(test.value for test in AssessmentTest)
_CHOICES: dict[KeyPath, tuple[str, tuple[str, ...]]] = {
    ("sex",): ("sex", SEXES),
    ("extensor-setup",): ("extensor setup", EXTENSOR_SETUPS),
}


class ResultsError(RoutineError):
    """A results file that cannot be used; same shape as a routine error."""


class _Problems:
    """Problems of one file, each placed by the locator."""

    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self._locator = Locator(text)
        self.found: list[Problem] = []

    def add(self, key_path: KeyPath, message: str, hint: str = "") -> None:
        line, col = self._locator.find(key_path)
        problem = Problem(self.path, line, col, message, hint)
        if problem not in self.found:
            self.found.append(problem)

    def raise_if_any(self) -> None:
        if self.found:
            raise ResultsError(self.found)


def _check_choices(problems: _Problems, data: dict[str, Any]) -> None:
    for key_path, (what, choices) in _CHOICES.items():
        value = data.get(str(key_path[0]))
        if value is None:
            continue
        if not isinstance(value, str):
            found = describe_value(value)
            problems.add(
                key_path,
                f"{key_path[0]}: expected text in quotes, found {found}",
                "one of: " + ", ".join(f'"{choice}"' for choice in choices),
            )
        elif value not in choices:
            hint = did_you_mean(value, choices) or "one of: " + ", ".join(choices)
            problems.add(key_path, f"unknown {what} '{value}'", hint)


def _check_at_ceiling(problems: _Problems, data: dict[str, Any]) -> None:
    listed = data.get("at-ceiling")
    if not isinstance(listed, list):
        return
    for index, key in enumerate(listed):
        if isinstance(key, str) and key not in HOLD_KEYS:
            hint = did_you_mean(key, HOLD_KEYS) or "one of: " + ", ".join(HOLD_KEYS)
            problems.add(("at-ceiling", index), f"'{key}' is not a hold", hint)


def parse_results(text: str, path: str | Path) -> AssessmentResults:
    """Parse and check the text of a results file; ``path`` names it in errors."""
    shown = str(path)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_RESULTS_FILE_BYTES:
        raise ResultsError.single(shown, 1, 1, "file is larger than the limit of 64 KiB")
    bracket = bracket_problem(text)
    if bracket:
        raise ResultsError.single(shown, *bracket, str(NESTING_MESSAGE))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        first = syntax_error(error, text, shown).problems[0]
        hint = _TOML_HINTS.get(first.message.split(" (")[0], first.hint)
        raise ResultsError.single(shown, first.line, first.col, first.message, hint) from None
    problems = _Problems(text, shown)
    deep = too_deep(data)
    if deep:
        problems.add(deep, str(NESTING_MESSAGE))
        problems.raise_if_any()
    for key_path, message, hint in control_problems(data):
        problems.add(key_path, message, hint)
    problems.raise_if_any()
    if not data:
        problems.add(
            (),
            "the file is empty",
            "write [results] and at least one test, e.g. extensor-hold = 120",
        )
        problems.raise_if_any()
    for key_path, message, hint in unknown_keys_cached(data, AssessmentResults):
        problems.add(key_path, message, hint)
    problems.raise_if_any()
    _check_choices(problems, data)
    _check_at_ceiling(problems, data)
    problems.raise_if_any()
    version = data.get("format", RESULTS_FORMAT)
    if isinstance(version, int) and not isinstance(version, bool) and version != RESULTS_FORMAT:
        problems.add(
            ("format",),
            f"format {version} is not supported",
            f"this matwork reads format = {RESULTS_FORMAT}",
        )
        problems.raise_if_any()
    try:
        results = msgspec.convert(data, AssessmentResults, strict=True)
    except msgspec.ValidationError as error:
        key_path, message = explain(error, data, "the results file")
        hint = ""
        if "RFC3339" in message:
            message = (
                f"{key_path[-1]}: expected a date, found {describe_value(value_at(data, key_path))}"
            )
            hint = "write the date without quotes, e.g. measured-on = 2025-03-14"
        problems.add(key_path, message, hint)
        problems.raise_if_any()
        raise AssertionError("unreachable") from None
    if not present_tests(results.results):
        where: KeyPath = ("results",) if "results" in data else ()
        problems.add(where, "no test results", f"add at least one of: {_TEST_NAMES}")
        problems.raise_if_any()
    return results


def decode_results(raw: bytes, path: str | Path) -> AssessmentResults:
    """Check the bytes of a results file (size, UTF-8, no NUL) and parse them."""
    shown = str(path)
    if len(raw) > MAX_RESULTS_FILE_BYTES:
        raise ResultsError.single(shown, 1, 1, "file is larger than the limit of 64 KiB")
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        message = f"not UTF-8 text: byte {raw[error.start]:#04x} cannot be decoded"
        raise ResultsError.single(shown, line, col, message, "save the file as UTF-8") from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ResultsError.single(shown, line, 1, "binary data: a results file is a text file")
    return parse_results(text, path)


def load_results(path: str | Path) -> AssessmentResults:
    """Read and check the results file at ``path``."""
    file = Path(path)
    shown = str(path)
    try:
        if file.is_dir():
            raise ResultsError.single(shown, 1, 1, "is a folder, not a results file")
        with file.open("rb") as handle:
            raw = handle.read(MAX_RESULTS_FILE_BYTES + 1)
    except OSError as error:
        raise ResultsError.single(shown, 1, 1, f"cannot read: {error.strerror or error}") from None
    return decode_results(raw, path)


def results_schema() -> dict[str, Any]:
    """The JSON Schema of a results file, format 1."""
    schema: dict[str, Any] = _without_null(msgspec.json.schema(AssessmentResults))
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "matwork assessment results, format 1",
        "description": "Results of matwork's self-assessment, measured at home or by a "
        "physiotherapist; read by `matwork assess record FILE.toml`.",
        **schema,
    }


def results_schema_text() -> str:
    """The results schema as stable, indented JSON text ending in a newline."""
    return json.dumps(results_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


__all__ = ["ResultsError", "load_results", "parse_results", "results_schema"]
