"""The ``new`` command: start a routine file from a commented template."""

from __future__ import annotations

import os
import re
import shlex
from importlib import resources
from pathlib import Path

import click

from matwork.app.paths import Paths
from matwork.cli.common import expand_user, fail
from matwork.core.authoring import has_name, renamed, schema_line, slug
from matwork.i18n import _
from matwork.shipped import shipped_dir

TEMPLATES = ("blank", "strength", "pilates", "fascia", "desk", "breathing")
"""The template names ``--template`` accepts, in the order ``--help`` lists them."""

_SCHEMA_LINE = re.compile(r"\A#:schema[ \t]+\S+[ \t]*\n")


def template_text(template: str) -> str:
    """The text of a shipped template, as stored (its own relative ``#:schema`` line)."""
    folder = resources.files("matwork") / "data" / "templates"
    return (folder / f"{template}.toml").read_text(encoding="utf-8")


def render(template: str, name: str, schema: Path | None) -> str:
    """A template's text with ``name`` filled in and ``#:schema`` naming ``schema``."""
    text = _SCHEMA_LINE.sub("", template_text(template), count=1)
    if not has_name(text):
        raise LookupError(f'template {template!r} has no top-level name = "..." line')
    text = renamed(text, name)
    return schema_line(schema) + text if schema is not None else text


def target_path(name: str, out: str | None, routines_dir: Path) -> Path:
    """Where ``new`` writes: ``out`` as a file, or as a folder, or ``routines_dir``.

    ``out`` is a folder when it is one already, ends with a separator, or has no
    suffix; otherwise it is the file to write.
    """
    file_name = slug(name) + ".toml"
    if out is None:
        return routines_dir / file_name
    given = expand_user(out)
    separators = tuple(sep for sep in (os.sep, os.altsep) if sep)
    if given.is_dir() or out.endswith(separators) or not given.suffix:
        return given / file_name
    return given


def _write(path: Path, text: str, force: bool) -> None:
    """Write ``text`` to ``path``, making its folder; never replace a file unless ``force``."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        words = _("cannot create the folder {folder}: {reason}")
        fail(words.format(folder=path.parent, reason=error.strerror or error))
    try:
        with path.open("w" if force else "x", encoding="utf-8", newline="\n") as file:
            file.write(text)
    except FileExistsError:
        fail(
            _("{path} already exists").format(path=path),
            _("use --force to overwrite it, or choose another NAME"),
        )
    except IsADirectoryError:
        fail(
            _("{path} is a folder").format(path=path),
            _("give a file name, or the folder alone with --out"),
        )
    except OSError as error:
        fail(_("cannot write {path}: {reason}").format(path=path, reason=error.strerror or error))


@click.command(name="new")
@click.argument("name")
@click.option(
    "--template",
    "-t",
    type=click.Choice(TEMPLATES),
    default="blank",
    show_default=True,
    help="The kind of routine to start from.",
)
@click.option(
    "--out",
    "-o",
    metavar="PATH",
    help="A file to write, or a folder to put it in (default: your routines folder).",
)
@click.option("--force", is_flag=True, help="Overwrite the file if it exists.")
def new_routine(name: str, template: str, out: str | None, force: bool) -> None:
    """Write a new routine NAME from a commented template, ready to edit."""
    name = name.strip()
    if not name:
        fail(
            _("NAME is empty"),
            _('give the routine a name, e.g. matwork new "Morning back"'),
            code=2,
        )
    if not slug(name):
        fail(
            _("NAME {name} has no letters or digits to make a file name from").format(
                name=repr(name)
            ),
            'e.g. matwork new "Morning back"',
            code=2,
        )
    path = target_path(name, out, Paths.from_environment().routines_dir)
    schema = (shipped_dir("schema") / "routine.schema.json").resolve()
    if not schema.is_file():
        words = _("no JSON Schema at {schema}; no #:schema line").format(schema=schema)
        click.echo("matwork: " + _("warning: {message}").format(message=words), err=True)
    _write(path, render(template, name, schema if schema.is_file() else None), force)
    shown = shlex.quote(str(path))
    click.echo(_("Created {path} (template: {template})").format(path=path, template=template))
    click.echo(_("Next steps:"))
    click.echo(
        "  1. " + _("In a second pane, watch the plan (or the errors) redraw on every save:")
    )
    click.echo(f"       matwork plan --watch {shown}")
    click.echo("  2. " + _("Edit the file in your editor; its comments explain every key."))
    click.echo("  3. " + _("Play it:"))
    click.echo(f"       matwork play {shown}")
