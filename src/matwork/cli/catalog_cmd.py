"""``matwork catalog``: browse the built-in exercises."""

from __future__ import annotations

import json

import click
import msgspec

from matwork.cli.common import fail
from matwork.core.catalog import builtin_catalog
from matwork.core.errors import did_you_mean
from matwork.core.model import CatalogEntry


def _matches(exercise_id: str, entry: CatalogEntry, words: list[str]) -> bool:
    haystack = " ".join(
        [exercise_id, entry.name, entry.category, entry.pattern, *entry.muscles, *entry.lines]
    ).lower()
    return all(word in haystack for word in words)


@click.command(name="catalog")
@click.argument("query", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def catalog(query: tuple[str, ...], as_json: bool) -> None:
    """List built-in exercises matching QUERY; `catalog show ID` prints one in full."""
    if query[:1] == ("show",):
        if len(query) != 2:
            fail("usage: matwork catalog show ID", code=2)
        show_exercise(query[1], as_json)
        return
    words = [word.lower() for word in query]
    found = {key: entry for key, entry in builtin_catalog().items() if _matches(key, entry, words)}
    if as_json:
        rows = [
            {"id": key, "name": e.name, "category": e.category, "pattern": e.pattern}
            for key, e in found.items()
        ]
        click.echo(json.dumps(rows, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table()
    for column in ("id", "name", "category", "pattern"):
        table.add_column(column)
    for key, entry in found.items():
        table.add_row(key, entry.name, entry.category, entry.pattern)
    Console().print(table)
    click.echo(f"{len(found)} exercise(s); `matwork catalog show ID` for one in full")


def show_exercise(exercise_id: str, as_json: bool) -> None:
    """Print one exercise in full."""
    entries = builtin_catalog()
    entry = entries.get(exercise_id)
    if entry is None:
        fail(f"no exercise with id '{exercise_id}'", did_you_mean(exercise_id, entries))
    if as_json:
        data = {"id": exercise_id, **msgspec.to_builtins(entry)}
        click.echo(json.dumps(data, indent=2))
        return
    click.secho(f"{entry.name}  ({exercise_id})", bold=True)
    sidedness = "one side at a time" if entry.sided else "both sides together"
    click.echo(f"{entry.category} · {entry.pattern} · {sidedness}")
    click.echo(f"muscles: {', '.join(entry.muscles)}; also {', '.join(entry.secondary) or '-'}")
    click.echo(f"lines: {', '.join(entry.lines) or '-'}")
    dosage = (
        f"{entry.work:g} s"
        if entry.work
        else f"{entry.reps} reps" + (f", tempo {entry.tempo}" if entry.tempo else "")
    )
    click.echo(f"default: {dosage}; breath: {entry.breath or 'none'}")
    click.echo("How:")
    for number, step in enumerate(entry.instructions, start=1):
        click.echo(f"  {number}. {step}")
    click.echo("Careful:")
    for caution in entry.cautions:
        click.echo(f"  - {caution}")
