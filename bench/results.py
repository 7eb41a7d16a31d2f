"""One row per goal a benchmark checks, written for ``bench/all.py``'s table.

Every benchmark takes ``--results FILE``: each goal it checks is appended to FILE as one
JSON line (what was measured, the baseline of the same run, the goal, met or not), and
``all.py`` reads them back into one table. Without ``--results`` nothing is written.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class Result:
    """One goal of one benchmark, as measured in one run."""

    bench: str
    """What was measured, e.g. "player (d) start, median"."""
    measured: float
    baseline: float | None
    """The same measure of the baseline in the same run (None: an absolute goal)."""
    unit: str
    """The unit of measured and baseline: "s", "ms", "%", "runs"."""
    goal: str
    """The goal in words, e.g. "<= 1.25x" or "< 500 ms"."""
    met: bool

    @property
    def ratio(self) -> float | None:
        """measured / baseline, or None without a baseline."""
        if self.baseline is None:
            return None
        return self.measured / self.baseline if self.baseline else math.inf


def record(path: str | Path | None, *results: Result) -> None:
    """Append ``results`` to ``path`` as JSON lines (nothing without a path)."""
    if path is None:
        return
    with Path(path).open("a", encoding="utf-8") as file:
        for result in results:
            file.write(json.dumps(asdict(result)) + "\n")


def read(path: Path) -> list[Result]:
    """The results written to ``path``, in order (none if it does not exist)."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [Result(**json.loads(line)) for line in lines if line.strip()]
