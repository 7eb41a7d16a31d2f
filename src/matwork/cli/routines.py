"""Routine commands: ``check``, ``plan``, ``list`` and ``schema``."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from matwork.app.library import LibraryEntry, routine_files
from matwork.app.paths import Paths
from matwork.cli.common import resolve_routine
from matwork.i18n import _, ngettext


@click.command()
@click.argument("targets", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
def check(targets: tuple[Path, ...], as_json: bool) -> None:
    """Check routine and programme files or folders (recursively, *.toml); exit 1 if invalid."""
    from matwork.app.programmes import Checker

    for target in targets:
        if not os.path.lexists(target):
            message = _("'{target}' does not exist.").format(target=target)
            raise click.BadParameter(message, param_hint="'TARGETS...'")

    files = [file for target in targets for file in routine_files(target)]
    checker = Checker(Paths.from_environment())
    entries = [checker.entry(file) for file in files]
    invalid = [entry for entry in entries if entry.error]
    if as_json:
        report = [
            {
                "path": str(entry.path),
                "ok": entry.ok,
                "errors": [
                    {"line": p.line, "col": p.col, "message": p.message, "hint": p.hint}
                    for p in (entry.error.problems if entry.error else ())
                ],
                "notes": [
                    {"line": n.line, "col": n.col, "message": n.message, "hint": n.hint}
                    for n in entry.notices
                ],
            }
            for entry in entries
        ]
        click.echo(json.dumps(report, indent=2))
    else:
        for entry in entries:
            for notice in entry.notices:
                click.echo(str(notice))
        for entry in invalid:
            assert entry.error is not None
            for problem in entry.error.problems:
                click.echo(str(problem))
        errors = sum(len(entry.error.problems) for entry in invalid if entry.error)
        checked = ngettext("{count} file checked", "{count} files checked", len(files))
        summary = checked.format(count=len(files)) + ": "
        summary += _("{count} valid").format(count=len(files) - len(invalid))
        if invalid:
            found = ngettext("{count} error", "{count} errors", errors).format(count=errors)
            summary += ", " + _("{count} invalid ({errors})").format(
                count=len(invalid), errors=found
            )
        notes = sum(len(entry.notices) for entry in entries)
        if notes:
            summary += ", " + ngettext("{count} note", "{count} notes", notes).format(count=notes)
        click.echo(summary)
    raise SystemExit(1 if invalid else 0)


@click.command()
@click.argument("routine")
@click.option("--json", "as_json", is_flag=True, help="Print the timeline as JSON.")
@click.option("--watch", is_flag=True, help="Redraw whenever the file changes (Ctrl-C stops).")
def plan(routine: str, as_json: bool, watch: bool) -> None:
    """Print the timeline of ROUTINE (a path, or the name of a discovered routine)."""
    from matwork.cli.planview import plan_json, print_plan, watch_plan

    entry = resolve_routine(routine)
    if watch:
        watch_plan(entry.path)
        return
    if entry.error:
        for problem in entry.error.problems:
            click.echo(str(problem), err=True)
        raise SystemExit(1)
    assert entry.timeline is not None
    if as_json:
        click.echo(json.dumps(plan_json(entry.timeline), indent=2))
    else:
        print_plan(entry.timeline, entry.path)


@click.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="Print the routines as JSON.")
def list_routines(as_json: bool) -> None:
    """List the routines found: shipped, yours, and folders named in the config."""
    from matwork.cli.common import discover_all
    from matwork.cli.planview import print_library

    entries = discover_all()
    if as_json:
        click.echo(json.dumps([_entry_json(entry) for entry in entries], indent=2))
    else:
        print_library(entries)


def _entry_json(entry: LibraryEntry) -> dict[str, object]:
    first = entry.error.problems[0] if entry.error else None
    return {
        "path": str(entry.path),
        "origin": entry.origin,
        "ok": entry.ok,
        "name": entry.name,
        "tags": list(entry.routine.tags) if entry.routine else [],
        "total_seconds": entry.timeline.total_seconds if entry.timeline else None,
        "estimated": entry.timeline.estimated if entry.timeline else False,
        "error": str(first) if first else None,
    }


@click.command()
@click.option("--programme", is_flag=True, help="The programme format's schema instead.")
def schema(programme: bool) -> None:
    """Print the JSON Schema of the routine format (or, with --programme, of programmes)."""
    if programme:
        from matwork.core.programme_schema import programme_schema_text

        click.echo(programme_schema_text(), nl=False)
        return
    from matwork.core.schema import routine_schema_text

    click.echo(routine_schema_text(), nl=False)
