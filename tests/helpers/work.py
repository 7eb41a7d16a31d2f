"""Count work deterministically: Python line events, not seconds.

A loader that is linear in its input runs about 4 times as many lines on an input 4
times as large; a quadratic one about 16 times. Tests compare the two counts, so they
hold on a loaded machine and fail on a regression however fast the machine is.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any


def count_lines(work: Callable[[], object], *expected: type[BaseException]) -> int:
    """How many Python lines ``work()`` executes (in any module); ``expected`` is swallowed."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def start(frame: FrameType, event: str, arg: Any) -> Any:
        return local

    previous = sys.gettrace()
    sys.settrace(start)
    try:
        work()
    except expected:
        pass
    finally:
        sys.settrace(previous)
    return count


def growth(make_input: Callable[[int], Any], run: Callable[[Any], object], n: int) -> float:
    """The ratio of the work on an input of size 4n to that of size n."""
    small, large = make_input(n), make_input(4 * n)
    return count_lines(lambda: run(large), ValueError) / count_lines(lambda: run(small), ValueError)
