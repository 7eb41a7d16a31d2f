"""Rich views of plans and the routine list, and the ``plan --watch`` loop."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from matwork.app.library import LibraryEntry, load_entry
from matwork.core.timefmt import clock
from matwork.core.timeline import Segment, Timeline
from matwork.i18n import _, lazy_, ngettext


def plan_json(timeline: Timeline) -> dict[str, object]:
    """The timeline as the JSON shape ``plan --json`` prints."""
    return {
        "name": timeline.name,
        "total_seconds": timeline.total_seconds,
        "estimated": timeline.estimated,
        "segments": [
            {
                "kind": segment.kind,
                "exercise": segment.exercise.id,
                "name": segment.exercise.name,
                "side": segment.side,
                "set": segment.set,
                "round": segment.round,
                "block": segment.block,
                "start": segment.start,
                "duration": segment.duration,
                "open": segment.open,
            }
            for segment in timeline.segments
        ],
    }


_KIND_WORDS = {
    "work": lazy_("work"),
    "rest": lazy_("rest"),
    "prepare": lazy_("prepare"),
    "switch": lazy_("switch"),
}
"""A segment's kind as the plan's table names it."""
_SIDE_WORDS = {"left": lazy_("left"), "right": lazy_("right"), "alternate": lazy_("alternate")}


def _what(segment: Segment) -> str:
    if segment.kind in ("work", "switch"):
        return segment.exercise.name
    return f"→ {segment.exercise.name}"


def _set_round(segment: Segment) -> str:
    parts = []
    if segment.exercise.sets > 1:
        parts.append(_("set {set}/{sets}").format(set=segment.set, sets=segment.exercise.sets))
    if segment.rounds > 1:
        parts.append(_("round {round}/{rounds}").format(round=segment.round, rounds=segment.rounds))
    return ", ".join(parts)


def plan_table(timeline: Timeline) -> RenderableType:
    """The timeline as a table with its total underneath."""
    table = Table(title=Text(timeline.name), title_justify="left", expand=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column(_("start"), justify="right")
    table.add_column(_("kind"))
    table.add_column(_("exercise"))
    table.add_column(_("side"))
    table.add_column(_("set/round"))
    table.add_column(_("time"), justify="right")
    styles = {"work": "bold green", "rest": "cyan", "prepare": "yellow", "switch": "magenta"}
    for segment in timeline.segments:
        duration = ("~" if segment.open else "") + clock(segment.duration)
        table.add_row(
            str(segment.index + 1),
            clock(segment.start),
            Text(
                str(_KIND_WORDS.get(segment.kind, segment.kind)), style=styles.get(segment.kind, "")
            ),
            Text(_what(segment)),  # user text: never markup
            str(_SIDE_WORDS.get(segment.side, segment.side)) if segment.side else "",
            _set_round(segment),
            duration,
        )
    prefix = "~" if timeline.estimated else ""
    note = "  " + _("(open sets estimated at 3 s a rep)") if timeline.estimated else ""
    total_words = _("Total {time}").format(time=prefix + clock(timeline.total_seconds))
    total = Text(total_words + note, style="bold")
    return Group(table, total)


def print_plan(timeline: Timeline, path: Path, console: Console | None = None) -> None:
    """Print the plan table of a routine."""
    (console or Console()).print(plan_table(timeline))


def print_library(entries: Sequence[LibraryEntry], console: Console | None = None) -> None:
    """Print the routine list, broken files last with their first error."""
    out = console or Console()
    table = Table(expand=False)
    table.add_column(_("name"))
    table.add_column(_("tags"))
    table.add_column(_("time"), justify="right")
    table.add_column(_("path"), style="dim")
    for entry in entries:
        if entry.timeline is None or entry.routine is None:
            continue
        prefix = "~" if entry.timeline.estimated else ""
        table.add_row(  # user text: never markup
            Text(entry.name),
            Text(", ".join(entry.routine.tags)),
            prefix + clock(entry.timeline.total_seconds),
            Text(str(entry.path)),
        )
    out.print(table)
    broken = [entry for entry in entries if entry.error]
    if broken:
        count = len(broken)
        words = ngettext("{count} broken routine file:", "{count} broken routine files:", count)
        out.print(Text(words.format(count=count), style="bold red"))
        for entry in broken:
            assert entry.error is not None
            out.print(Text(str(entry.error.problems[0]), style="red"))


@dataclass(frozen=True)
class WatchFrame:
    """What ``plan --watch`` shows after one reload."""

    ok: bool
    renderable: RenderableType


def reload_plan(path: Path) -> WatchFrame:
    """Read the routine at ``path`` again and render its plan or its errors."""
    if not path.exists():
        words = _("{path}: waiting for the file to appear…").format(path=path)
        return WatchFrame(False, Text(words, style="yellow"))
    entry = load_entry(path)
    if entry.error or entry.timeline is None:
        problems = entry.error.problems if entry.error else ()
        lines = [Text(str(problem), style="red") for problem in problems]
        words = _("{path}: not valid").format(path=path)
        return WatchFrame(False, Group(Text(words, style="bold red"), *lines))
    return WatchFrame(True, plan_table(entry.timeline))


def _stamp(path: Path) -> tuple[int, int, int, int] | None:
    """What tells one version of the file from the next; None when there is no file.

    The inode and the change time catch a save by rename (or ``mv``) that keeps the
    size and the modification time of the old file.
    """
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_ino, status.st_mtime_ns, status.st_ctime_ns, status.st_size)


def watch_plan(
    path: Path,
    interval: float = 0.4,
    console: Console | None = None,
    *,
    sleep: Callable[[float], object] = time.sleep,
) -> None:
    """Redraw the plan of ``path`` whenever it changes, until Ctrl-C."""
    out = console or Console()
    last: tuple[int, int, int, int] | str | None = "never"
    try:
        while True:
            stamp = _stamp(path)
            if stamp != last:
                last = stamp
                out.clear()
                out.print(reload_plan(path).renderable)
                words = _("watching {path} — Ctrl-C to stop").format(path=path)
                out.print(Text(words, style="dim"))
            sleep(interval)
    except KeyboardInterrupt:
        out.print(Text(_("stopped watching"), style="dim"))
