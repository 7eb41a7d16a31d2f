"""RoutineError: what is wrong with a routine file, and where."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a routine file, at a 1-based line and column."""

    path: str
    line: int
    col: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class RoutineError(ValueError):
    """A routine file that cannot be used; ``problems`` lists everything found.

    The attributes ``path``, ``line``, ``col``, ``message`` and ``hint`` describe the
    first problem, in file order, like tomli's ``TOMLDecodeError``.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        ordered = sorted(problems, key=lambda problem: (problem.line, problem.col))
        if not ordered:
            raise ValueError("RoutineError needs at least one problem")
        self.problems: tuple[Problem, ...] = tuple(ordered)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    @classmethod
    def single(cls, path: str, line: int, col: int, message: str, hint: str = "") -> RoutineError:
        """An error with exactly one problem."""
        return cls([Problem(path, line, col, message, hint)])

    @property
    def path(self) -> str:
        """The file the first problem is in."""
        return self.problems[0].path

    @property
    def line(self) -> int:
        """The 1-based line of the first problem."""
        return self.problems[0].line

    @property
    def col(self) -> int:
        """The 1-based column of the first problem."""
        return self.problems[0].col

    @property
    def message(self) -> str:
        """What is wrong, first problem."""
        return self.problems[0].message

    @property
    def hint(self) -> str:
        """How to fix it, first problem (may be empty)."""
        return self.problems[0].hint


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A "did you mean" hint naming the closest valid choices, or "" if none is close."""
    candidates = sorted(set(choices))
    close = difflib.get_close_matches(word, candidates, n=3, cutoff=0.6)
    if not close:
        lowered = {choice.lower(): choice for choice in candidates}
        if word.lower() in lowered:
            close = [lowered[word.lower()]]
    if not close:
        return ""
    return "did you mean " + " or ".join(f"'{name}'" for name in close) + "?"
