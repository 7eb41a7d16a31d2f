"""RoutineError: what is wrong with a routine file, and where."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from matwork.i18n import _


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a routine file, at a 1-based line and column.

    Line 0 (column 0) means the file as a whole: it could not be read as text. It
    prints as ``path:0: message``.
    """

    path: str
    line: int
    col: int
    message: str
    hint: str = ""

    @property
    def place(self) -> str:
        """Where, in words: "line 3, column 5", or "the file" for line 0."""
        if not self.line:
            return _("the file")
        return _("line {line}, column {col}").format(line=self.line, col=self.col)

    def __str__(self) -> str:
        where = f"{self.line}:{self.col}" if self.line else "0"
        text = f"{self.path}:{where}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


@dataclass(frozen=True)
class Notice:
    """Something worth knowing about a routine file that still loads: not an error."""

    path: str
    line: int
    col: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: " + _("note: {message}").format(
            message=self.message
        )
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


HINT_BUDGET = 20_000
"""How many word-to-choice comparisons one ``Suggestions`` may spend on hints in all."""


class Suggestions:
    """ "Did you mean" hints over one fixed set of choices, for many words.

    The choices are sorted once. Each hint compares the word with every choice; once
    ``budget`` comparisons are spent the hints are empty, so a file with thousands of
    unknown names against thousands of choices costs no more than a few hints.
    """

    def __init__(self, choices: Iterable[str], budget: int = HINT_BUDGET) -> None:
        self._candidates = sorted(set(choices))
        self._lowered: dict[str, str] | None = None
        self._budget = budget

    def hint(self, word: str) -> str:
        """A hint naming the closest choices to ``word``, or "" if none is close."""
        return hint_text(self.closest(word))

    def closest(self, word: str) -> list[str]:
        """Up to three choices closest to ``word`` (none once the budget is spent)."""
        if len(self._candidates) > self._budget:
            return []
        self._budget -= len(self._candidates)
        close = difflib.get_close_matches(word, self._candidates, n=3, cutoff=0.6)
        if not close:
            if self._lowered is None:
                self._lowered = {choice.lower(): choice for choice in self._candidates}
            if word.lower() in self._lowered:
                close = [self._lowered[word.lower()]]
        return close


def hint_text(names: Iterable[str]) -> str:
    """``did you mean 'a' or 'b'?`` for the names, or "" when there are none."""
    shown = list(names)
    if not shown:
        return ""
    quoted = _(" or ").join(f"'{name}'" for name in shown)
    return _("did you mean {names}?").format(names=quoted)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A "did you mean" hint naming the closest valid choices, or "" if none is close."""
    return Suggestions(choices).hint(word)
