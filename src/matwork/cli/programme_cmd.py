"""Programme commands: ``programme list|show|new|start|stop|export``, ``today``, ``checkin``.

Everything a file or the log says is printed as plain text (no markup is read).
The day is the machine's local date unless ``--date`` gives another (for planning
and scripts).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from matwork.app.formats import date_text
from matwork.app.paths import Paths
from matwork.cli.common import fail
from matwork.i18n import _, current_language, ngettext

if TYPE_CHECKING:
    from matwork.app.programme_today import TodayPlan
    from matwork.app.programmes import ProgrammeEntry
    from matwork.store.writer import HistoryStore


def _day(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(_("{text} is not a date").format(text=repr(text)), _("use YYYY-MM-DD"), code=2)


date_option = click.option("--date", "day", help="Act as if today were this date (YYYY-MM-DD).")


@contextmanager
def _store(*, create: bool) -> Iterator[HistoryStore]:
    """The session log, or a clean exit naming what is wrong with it (or with config.toml)."""
    from matwork.app.config import ConfigError
    from matwork.store.writer import HistoryError, HistoryStore

    try:
        store = HistoryStore(Paths.from_environment().log_file, create=create)
    except (HistoryError, OSError) as error:
        fail(str(error))
    try:
        yield store
    except HistoryError as error:
        fail(str(error))
    except ConfigError as error:
        fail(str(error.problems[0]))
    finally:
        store.close()


def _find(name: str) -> ProgrammeEntry:
    from matwork.app.config import ConfigError
    from matwork.app.programmes import ProgrammeNotFound, find_programme

    try:
        return find_programme(name, Paths.from_environment())
    except ProgrammeNotFound as error:
        fail(str(error), error.hint or _("`matwork programme list` shows them"))
    except ConfigError as error:
        fail(str(error.problems[0]))


def _require_ok(entry: ProgrammeEntry) -> None:
    if entry.error is not None:
        for problem in entry.error.problems:
            click.echo(str(problem), err=True)
        fail(_("{path}: the programme has errors").format(path=entry.path))


@click.group()
def programme() -> None:
    """Programmes: training plans over weeks that progress with you."""


@programme.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="Print the programmes as JSON.")
def list_programmes(as_json: bool) -> None:
    """List the shipped programmes and your own, with their paths."""
    from matwork.app.config import ConfigError
    from matwork.app.programmes import discover_programmes
    from matwork.cli.programme_text import origin_word
    from matwork.store.programme_log import ProgrammeLog
    from matwork.store.writer import HistoryError, HistoryStore

    try:
        entries = discover_programmes(Paths.from_environment())
    except ConfigError as error:
        fail(str(error.problems[0]))
    active = ""
    try:
        with HistoryStore(Paths.from_environment().log_file, create=False) as store:
            run = ProgrammeLog(store).active_run()
            active = run.path if run else ""
    except HistoryError:
        active = ""
    rows = [
        {
            "name": entry.name,
            "path": str(entry.path),
            "origin": entry.origin,
            "ok": entry.ok,
            "weeks": entry.programme.weeks if entry.programme else None,
            "active": bool(active) and str(entry.path.resolve()) == active,
            "error": str(entry.error.problems[0]) if entry.error else None,
        }
        for entry in entries
    ]
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not rows:
        click.echo(_("No programmes found."))
    for row in rows:
        mark = "*" if row["active"] else " "
        count = row["weeks"]
        if isinstance(count, int) and count:
            weeks = ngettext("{count} week", "{count} weeks", count).format(count=count)
        else:
            weeks = _("broken")
        origin = origin_word(str(row["origin"]))
        click.echo(f"{mark} {row['name']}  ({weeks}, {origin})  {row['path']}")
        if row["error"]:
            click.echo(f"    {row['error']}")


@programme.command()
@click.argument("name")
def show(name: str) -> None:
    """Show a programme: its phases, sessions, progression rules and deload rule."""
    from matwork.cli.programme_text import describe
    from matwork.core.translation import translated_programme

    entry = _find(name)
    _require_ok(entry)
    assert entry.programme is not None
    shown = translated_programme(entry.programme, current_language())
    for line in describe(shown, entry.path):
        click.echo(line)


@programme.command()
@click.option("--name", "title", default="My programme", show_default=True, help="Its name.")
@click.option(
    "--base", default="back-reconditioning", show_default=True, help="The programme to start from."
)
@click.option("--from-assessment", is_flag=True, help="Add the emphases of the last assessment.")
@click.option("--emphasis", "emphases", multiple=True, help="Add an emphasis by id (repeatable).")
@click.option("--out", type=click.Path(path_type=Path), help="The file to write, or a folder.")
@click.option("--force", is_flag=True, help="Replace an existing file.")
@date_option
def new(
    title: str,
    base: str,
    from_assessment: bool,
    emphases: tuple[str, ...],
    out: Path | None,
    force: bool,
    day: str | None,
) -> None:
    """Write a personal programme you can read and edit, from a shipped one."""
    from matwork.app.config import ConfigError
    from matwork.app.programme_files import (
        FileExists,
        last_assessment_emphases,
        new_programme_text,
        write_new,
    )
    from matwork.app.programmes import check_programme, routine_library
    from matwork.core.authoring import slug
    from matwork.core.programme_builder import UnknownEmphasis

    wanted = list(emphases)
    if from_assessment:
        found = last_assessment_emphases(Paths.from_environment().log_file)
        if found is None:
            click.echo(
                _(
                    "No assessment in the log yet (`matwork assess`): starting from the "
                    "shipped programme without emphases."
                ),
                err=True,
            )
        else:
            wanted.extend(found.emphases)
    entry = _find(base)
    _require_ok(entry)
    file_name = f"{slug(title) or 'programme'}.toml"
    if out is None:
        target = Paths.from_environment().programmes_dir / file_name
    elif out.suffix:
        target = out
    else:
        target = out / file_name
    try:
        library = routine_library(Paths.from_environment())
        text = new_programme_text(entry, title, wanted, library, _day(day))
    except UnknownEmphasis as error:
        fail(str(error), code=2)
    except ConfigError as error:
        fail(str(error.problems[0]))
    try:
        write_new(target, text.encode("utf-8"), force=force)
    except FileExists:
        fail(
            _("{path} exists").format(path=target),
            _("use --force to replace it, or --out elsewhere"),
        )
    except OSError as error:
        fail(_("cannot write {path}: {reason}").format(path=target, reason=error.strerror or error))
    written = check_programme(target, library)
    for problem in written.error.problems if written.error else ():
        click.echo(str(problem), err=True)
    added = ""
    if wanted:
        added = ", " + _("emphases: {emphases}").format(emphases=", ".join(dict.fromkeys(wanted)))
    created = _("Created {path} (from {base}{added})")
    click.echo(created.format(path=target, base=entry.path.stem, added=added))


@programme.command()
@click.argument("name")
@date_option
def start(name: str, day: str | None) -> None:
    """Start a programme (NAME or PATH) today, or on --date; it replaces the active one."""
    from matwork.app.programme_today import ProgrammeError, start_programme
    from matwork.app.programmes import shown_name

    entry = _find(name)
    _require_ok(entry)
    first = _day(day)
    with _store(create=True) as store:
        try:
            run, stopped = start_programme(store, entry, first, time.time())
        except ProgrammeError as error:
            fail(str(error))
    if stopped is not None:
        words = _("Stopped {name} (started {day}).")
        name = shown_name(stopped.path, stopped.name)
        click.echo(words.format(name=name, day=date_text(stopped.start)))
    assert entry.programme is not None
    words = _("Started {name} on {day} ({weeks} weeks). `matwork today` shows what is due.")
    click.echo(words.format(name=entry.name, day=date_text(run.start), weeks=entry.programme.weeks))


@programme.command()
def stop() -> None:
    """Stop the active programme (its sessions stay in the log)."""
    from matwork.app.programmes import shown_name
    from matwork.store.programme_log import ProgrammeLog

    with _store(create=True) as store:
        run = ProgrammeLog(store).stop_run(time.time())
    if run is None:
        click.echo(_("No programme is active."))
        return
    words = _("Stopped {name} (started {day}).")
    click.echo(words.format(name=shown_name(run.path, run.name), day=date_text(run.start)))


@programme.command()
@click.argument("name", required=False)
@click.option(
    "--ics", is_flag=True, required=True, help="Write an iCalendar file (the only format)."
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option(
    "--start", "first", help="The first day of week 1 (default: the active run's, else today)."
)
@click.option(
    "--weeks", type=click.IntRange(1, 104), help="How many weeks (default: the programme's)."
)
@click.option("--time", "at", help="Timed events at this local time (HH:MM) instead of all-day.")
@click.option("--force", is_flag=True, help="Replace an existing file.")
def export(
    name: str | None,
    ics: bool,
    output: Path,
    first: str | None,
    weeks: int | None,
    at: str | None,
    force: bool,
) -> None:
    """Write the planned sessions of a programme (default: the active one) as a calendar."""
    from matwork.app.programme_files import FileExists, calendar_bytes, write_new
    from matwork.store.programme_log import ProgrammeLog
    from matwork.store.writer import HistoryError, HistoryStore

    run = None
    try:
        with HistoryStore(Paths.from_environment().log_file, create=False) as store:
            run = ProgrammeLog(store).active_run()
    except HistoryError:
        run = None
    if name is None and run is None:
        fail(
            _("no programme is active"),
            _("name one: `matwork programme export NAME --ics -o FILE`"),
        )
    entry = _find(name if name is not None else run.path if run else "")
    _require_ok(entry)
    assert entry.programme is not None
    is_active = run is not None and str(entry.path.resolve()) == run.path
    start_day = _day(first) if first else (run.start if run and is_active else date.today())
    clock = None
    if at is not None:
        try:
            clock = datetime.strptime(at, "%H:%M").time()
        except ValueError:
            fail(_("--time {at} is not a time").format(at=repr(at)), _("use HH:MM"), code=2)
    data = calendar_bytes(
        entry.programme,
        start_day,
        datetime.now().astimezone(),
        weeks=weeks,
        at=clock,
        uid_base=f"{entry.path.stem}-{start_day.isoformat()}",
    )
    try:
        write_new(output, data, force=force)
    except FileExists:
        fail(_("{path} exists").format(path=output), _("use --force to replace it"))
    except OSError as error:
        fail(_("cannot write {path}: {reason}").format(path=output, reason=error.strerror or error))
    count = data.count(b"BEGIN:VEVENT")
    words = ngettext(
        "Wrote {count} event from {day} to {path}",
        "Wrote {count} events from {day} to {path}",
        count,
    )
    click.echo(words.format(count=count, day=date_text(start_day), path=output))


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print today's plan as JSON.")
@click.option("--play", is_flag=True, help="Play the session due (doses in), logged against it.")
@click.option("--plain", is_flag=True, help="With --play: plain lines instead of the full screen.")
@click.option("--no-sound", is_flag=True, help="With --play: play no cue sounds.")
@date_option
def today(as_json: bool, play: bool, plain: bool, no_sound: bool, day: str | None) -> None:
    """What the active programme asks of today: the session, its doses, and why."""
    from matwork.app.programme_today import ProgrammeError, plan_json, today_plan
    from matwork.app.today_notes import note_lines, today_notes
    from matwork.cli.programme_text import today_lines

    if play and as_json:
        fail(_("--play and --json do not go together"), code=2)
    the_day = _day(day)
    plan: TodayPlan | None
    with _store(create=False) as store:
        try:
            plan = today_plan(store, the_day, Paths.from_environment())
        except ProgrammeError as error:
            fail(str(error))
        notes = today_notes(store, plan) if plan is not None else None
    if as_json:
        body: dict[str, object] = {"active": False}
        if plan is not None and notes is not None:
            body = {"active": True, **plan_json(plan), "notes": note_lines(plan, notes)}
        click.echo(json.dumps(body, indent=2, ensure_ascii=False))
        return
    if plan is None:
        click.echo(
            _(
                "No programme is active. `matwork programme list` shows them; "
                "`matwork programme start NAME` starts one."
            )
        )
        raise SystemExit(1 if play else 0)
    for line in [*today_lines(plan), *(note_lines(plan, notes) if notes else [])]:
        click.echo(line)
    if play:
        from matwork.app.session import PlayOptions
        from matwork.cli.today_play import play_today

        options = PlayOptions(sound=not no_sound)
        raise SystemExit(play_today(plan, options, plain=plain, paths=Paths.from_environment()))


@click.command()
@click.option("--pain", type=click.IntRange(0, 10), help="Pain this morning, 0 (none) to 10.")
@click.option(
    "--compared",
    type=click.Choice(["better", "same", "worse"]),
    help="Your back compared with before the last session.",
)
@date_option
def checkin(pain: int | None, compared: str | None, day: str | None) -> None:
    """The morning check-in: pain now, and better, same or worse than before the session."""
    from matwork.app.programme_today import add_checkin, checkin_question
    from matwork.core.progression import Compared

    if (pain is None) != (compared is None):
        fail(_("give both --pain and --compared, or neither to be asked"), code=2)
    the_day = _day(day)
    with _store(create=True) as store:
        if pain is None or compared is None:
            click.echo(checkin_question(store, the_day))
            pain = click.prompt(_("Pain now (0-10)"), type=click.IntRange(0, 10))
            compared = click.prompt(
                _("Better, same or worse?"), type=click.Choice(["better", "same", "worse"])
            )
        assert pain is not None
        assert compared is not None
        saved = add_checkin(store, pain, Compared(compared), the_day, time.time())
    words = _("Checked in for {day}: pain {pain}/10, {compared}.")
    compared_words = {"better": _("better"), "same": _("same"), "worse": _("worse")}
    shown = compared_words.get(saved.compared.value, saved.compared.value)
    click.echo(words.format(day=date_text(saved.day), pain=saved.pain, compared=shown))
