"""Files a programme writes: a personal programme (TOML) and its calendar (iCalendar).

``new_programme_text`` copies a base programme with tomlkit, so its comments stay,
and adds the emphases of an assessment with a comment saying why each is there.
``calendar_bytes`` lays the planned sessions on the calendar. ``write_new`` writes
through a temporary file in the same folder and a link or rename, so a reader never
sees half a file and an existing file is never replaced without ``force``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

import icalendar
import msgspec
import tomlkit
from tomlkit.items import AoT, Comment, Table

from matwork.app.assessments import latest_report
from matwork.app.library import LibraryEntry, RoutineNotFound
from matwork.app.programmes import ProgrammeEntry, resolve_session
from matwork.core.authoring import schema_reference
from matwork.core.programme_builder import Addition, plan_emphases
from matwork.core.programme_model import Programme, Rule
from matwork.core.programme_plan import Slot, week_slots
from matwork.shipped import shipped_dir
from matwork.store.errors import HistoryError


class FileExists(FileExistsError):
    """The target exists and ``force`` was not given."""


def write_new(target: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``target`` via a temporary file; refuse to replace it unless ``force``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(temporary, target)
            return
        try:
            os.link(temporary, target)
        except FileExistsError:
            raise FileExists(f"{target} exists") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


# The assessment's emphases -------------------------------------------------------------


@dataclass(frozen=True)
class AssessmentEmphases:
    """The emphases of the last assessment, as the programme builder takes them."""

    taken_on: date
    emphases: tuple[str, ...]
    """Emphasis ids (see docs/programmes.md); the side is part of the id."""


def last_assessment_emphases(log_file: Path) -> AssessmentEmphases | None:
    """The emphases of the last assessment in the log at ``log_file``, or None when none.

    The newest assessment (played, or recorded from a results file) is assessed against
    the norms; its day and emphasis ids are what the builder takes.
    """
    try:
        report = latest_report(log_file)
    except HistoryError:
        return None
    if report is None:
        return None
    return AssessmentEmphases(
        taken_on=report.stored.measured_on,
        emphases=tuple(emphasis.value for emphasis in report.assessment.emphases),
    )


# A personal programme ------------------------------------------------------------------


def _whole(value: object) -> object:
    """Whole floats as ints (30, not 30.0), inside tables too."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {key: _whole(item) for key, item in value.items()}
    return value


def _comment_lines(text: str) -> list[Comment]:
    return [tomlkit.comment(line) for line in _wrap(text, 86)]


def _rule_table(rule: Rule) -> Table:
    """A rule as a TOML table, written the way the format page shows it."""
    table = tomlkit.table()
    for name, raw in msgspec.to_builtins(rule).items():
        value = _whole(raw)
        if value in (None, [], {}) or (name == "then" and value == "stay"):
            continue
        if isinstance(value, dict):
            inline = tomlkit.inline_table()
            inline.update(value)
            table.add(name, inline)
        else:
            table.add(name, value)
    return table


def _add_extra_sets(rule: Table, extra: dict[str, int], why: str) -> None:
    current = rule.get("extra_sets")
    merged = {str(side): int(count) for side, count in (current or {}).items()}
    for side, count in extra.items():
        merged[side] = merged.get(side, 0) + count
    inline = tomlkit.inline_table()
    inline.update(merged)
    if current is None:
        for line in _comment_lines(why):
            rule.add(line)
        rule.add("extra_sets", inline)
    else:
        rule["extra_sets"] = inline
    rule.add(tomlkit.nl())


def _use_table(addition: Addition) -> Table:
    """The emphasis's exercise use as a TOML table, without its default values."""
    defaults = {"sets": 1, "halfway": False}
    table = tomlkit.table()
    for name, value in msgspec.to_builtins(addition.use).items():
        if value is not None and defaults.get(name) != value:
            table.add(name, _whole(value))
    return table


def _apply(doc: tomlkit.TOMLDocument, additions: Sequence[Addition]) -> None:
    progression = doc.get("progression")
    if progression is None:
        progression = tomlkit.table(is_super_table=True)
        doc.add("progression", progression)
    extras = doc.get("extra")
    blocks: AoT = extras if isinstance(extras, AoT) else tomlkit.aot()
    for addition in additions:
        why = f"{addition.emphasis}: {addition.why}"
        if addition.new_rule is not None:
            table = _rule_table(addition.new_rule)
            table.comment(f"added for {addition.emphasis}")
            progression.add(addition.exercise, table)
        if addition.extra_sets:
            _add_extra_sets(progression[addition.exercise], dict(addition.extra_sets), why)
        if not addition.sessions:
            continue
        block = tomlkit.table()
        for line in _comment_lines(why):
            block.add(line)
        block.add("name", addition.title)
        block.add("emphasis", addition.emphasis)
        block.add("sessions", list(addition.sessions))
        uses = tomlkit.aot()
        uses.append(_use_table(addition))
        block.add("exercise", uses)
        blocks.append(block)
    if len(blocks) and not isinstance(extras, AoT):
        doc.add(tomlkit.nl())
        doc.add(
            tomlkit.comment("Emphases from your assessment: extra exercises for some sessions.")
        )
        doc.add("extra", blocks)


def _wrap(text: str, width: int = 86) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line] if line else lines


def trained_exercises(
    programme: Programme, path: Path, library: Sequence[LibraryEntry]
) -> dict[str, frozenset[str]]:
    """Each session key's exercise ids (from every phase's routine of that key)."""
    trained: dict[str, set[str]] = {}
    for phase in programme.phase:
        for session in phase.session:
            try:
                entry = resolve_session(session, path, library)
            except RoutineNotFound:
                continue
            ids = trained.setdefault(session.key, set())
            if entry.routine is not None:
                ids.update(use.id for block in entry.routine.block for use in block.exercise)
    return {key: frozenset(ids) for key, ids in trained.items()}


def new_programme_text(
    base: ProgrammeEntry,
    name: str,
    emphases: Sequence[str],
    library: Sequence[LibraryEntry],
    made_on: date,
) -> str:
    """A personal programme: the base programme's text, renamed, with the emphases added."""
    assert base.programme is not None
    text = base.path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    if lines and lines[0].startswith("#:schema"):
        lines = lines[1:]
    doc = tomlkit.parse("".join(lines))
    doc["name"] = name
    if "author" in doc:
        del doc["author"]
    for phase in doc.get("phase", []):
        for session in phase.get("session", []):
            reference = session.get("routine")
            if isinstance(reference, str) and ("/" in reference or reference.endswith(".toml")):
                session["routine"] = str((base.path.parent / reference).resolve())
    trained = trained_exercises(base.programme, base.path, library)
    additions = plan_emphases(base.programme, emphases, trained)
    _apply(doc, additions)
    schema = (shipped_dir("schema") / "programme.schema.json").resolve()
    header = [
        f"#:schema {schema_reference(schema)}",
        f"# Your programme, made by `matwork programme new` on {made_on.isoformat()} from",
        f'# "{base.programme.name}" ({base.path.name}).',
    ]
    if additions:
        header.append("# It adds what your assessment asked for:")
        for addition in additions:
            header.extend(f"#   {line}" for line in _wrap(f"{addition.title}: {addition.why}"))
    else:
        header.append("# No assessment emphases were given, so it is the shipped plan as it is.")
    header.append("# Edit it freely; `matwork check` on this file finds mistakes.")
    return "\n".join(header) + "\n" + tomlkit.dumps(doc)


# The calendar --------------------------------------------------------------------------


def _summary(slot: Slot) -> str:
    return f"matwork: {slot.title} (week {slot.week}, session {slot.number} of {slot.of})"


def calendar_bytes(
    programme: Programme,
    start: date,
    stamp: datetime,
    *,
    weeks: int | None = None,
    at: time | None = None,
    minutes: dict[str, int] | None = None,
    uid_base: str = "matwork",
) -> bytes:
    """The planned sessions of ``weeks`` weeks from ``start`` as an iCalendar file.

    All-day events unless ``at`` gives a local time; ``minutes`` gives each session
    key's length for timed events (30 minutes when unknown). Desk breaks are one event
    a day. Every event's UID is stable, so importing again updates instead of adding.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//matwork//programme//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", programme.name)
    for week in range(1, (weeks or programme.weeks) + 1):
        slots = week_slots(programme, start, week)
        desk: dict[date, list[Slot]] = {}
        for slot in slots:
            if slot.desk:
                desk.setdefault(slot.day, []).append(slot)
                continue
            event = icalendar.Event()
            event.add("uid", f"{uid_base}-w{week}-{slot.key}-{slot.occurrence}@matwork")
            event.add("dtstamp", stamp)
            event.add("summary", _summary(slot))
            event.add("description", f"{slot.phase}. `matwork today` shows today's doses.")
            event.add("categories", [slot.session.kind])
            if at is None:
                event.add("dtstart", slot.day)
                event.add("dtend", slot.day + timedelta(days=1))
            else:
                begin = datetime.combine(slot.day, at)
                length = (minutes or {}).get(slot.key, 30)
                event.add("dtstart", begin)
                event.add("dtend", begin + timedelta(minutes=length))
            calendar.add_component(event)
        for day, breaks in desk.items():
            event = icalendar.Event()
            event.add("uid", f"{uid_base}-w{week}-desk-{day.isoformat()}@matwork")
            event.add("dtstamp", stamp)
            count = sum(slot.session.per_day for slot in breaks)
            event.add("summary", f"matwork: {count} desk break{'s' * (count != 1)}")
            event.add("description", ", ".join(slot.title for slot in breaks))
            event.add("categories", ["desk"])
            event.add("dtstart", day)
            event.add("dtend", day + timedelta(days=1))
            calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data
