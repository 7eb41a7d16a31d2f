"""``matwork catalog``: browse the built-in exercises."""

from __future__ import annotations

import json

import click
import msgspec

from matwork.cli.common import fail
from matwork.core.aliases import canonical_id, id_hint
from matwork.core.catalog import localized_catalog
from matwork.core.search import find_exercises
from matwork.core.vocab_words import category_word, line_word, muscle_word, pattern_word
from matwork.i18n import _, current_language, ngettext


@click.command(name="catalog")
@click.argument("query", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def catalog(query: tuple[str, ...], as_json: bool) -> None:
    """List built-in exercises matching QUERY (names, aliases, muscles, groups such as
    "core" or "lower back"), best match first; `catalog show ID` prints one in full."""
    if query[:1] == ("show",):
        if len(query) != 2:
            fail(_("usage: matwork catalog show ID"), code=2)
        show_exercise(query[1], as_json)
        return
    entries = localized_catalog(current_language())
    found = {key: entries[key] for key in find_exercises(entries, " ".join(query))}
    if as_json:
        rows = [
            {"id": key, "name": e.name, "category": e.category, "pattern": e.pattern}
            for key, e in found.items()
        ]
        click.echo(json.dumps(rows, indent=2))
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table()
    for column in (_("id"), _("name"), _("category"), _("pattern")):
        table.add_column(column)
    for key, entry in found.items():
        table.add_row(  # names are user text, never markup
            Text(key), Text(entry.name), category_word(entry.category), pattern_word(entry.pattern)
        )
    Console().print(table)
    count = ngettext("{count} exercise", "{count} exercises", len(found)).format(count=len(found))
    click.echo(count + "; " + _("`matwork catalog show ID` for one in full"))


def show_exercise(exercise_id: str, as_json: bool) -> None:
    """Print one exercise in full."""
    entries = localized_catalog(current_language())
    canonical = canonical_id(exercise_id, entries)
    if canonical is None:
        fail(_("no exercise with id '{id}'").format(id=exercise_id), id_hint(exercise_id, entries))
    exercise_id, entry = canonical, entries[canonical]
    if as_json:
        data = {"id": exercise_id, **msgspec.to_builtins(entry)}
        click.echo(json.dumps(data, indent=2))
        return
    click.secho(f"{entry.name}  ({exercise_id})", bold=True)
    sidedness = _("one side at a time") if entry.sided else _("both sides together")
    click.echo(f"{category_word(entry.category)} · {pattern_word(entry.pattern)} · {sidedness}")
    if entry.aliases:
        click.echo(_("other names: {names}").format(names=", ".join(entry.aliases)))
    muscles = _("muscles: {muscles}; also {secondary}")
    click.echo(
        muscles.format(
            muscles=", ".join(map(muscle_word, entry.muscles)),
            secondary=", ".join(map(muscle_word, entry.secondary)) or "-",
        )
    )
    click.echo(_("lines: {lines}").format(lines=", ".join(map(line_word, entry.lines)) or "-"))
    if entry.work:
        dosage = f"{entry.work:g} s"
    else:
        dosage = ngettext("{count} rep", "{count} reps", entry.reps or 0).format(count=entry.reps)
        if entry.tempo:
            dosage += ", " + _("tempo {tempo}").format(tempo=entry.tempo)
    breath = entry.breath or _("none")
    click.echo(_("default: {dosage}; breath: {breath}").format(dosage=dosage, breath=breath))
    links = [
        f"{word}: {target}"
        for word, target in ((_("easier"), entry.easier), (_("harder"), entry.harder))
        if target
    ]
    if links:
        click.echo(" · ".join(links))
    click.echo(_("How:"))
    for number, step in enumerate(entry.instructions, start=1):
        click.echo(f"  {number}. {step}")
    click.echo(_("Careful:"))
    for caution in entry.cautions:
        click.echo(f"  - {caution}")
