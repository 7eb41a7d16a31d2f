"""The ``new`` command: start a routine file from a commented template."""

from __future__ import annotations

import os
import re
import shlex
import unicodedata
from importlib import resources
from pathlib import Path

import click
import tomli_w

from matwork import paths
from matwork.cli.common import fail

TEMPLATES = ("blank", "strength", "pilates", "fascia", "desk", "breathing")
"""The template names ``--template`` accepts, in the order ``--help`` lists them."""

_SCHEMA_LINE = re.compile(r"\A#:schema[ \t]+\S+[ \t]*\n")
_TABLE_LINE = re.compile(r"^[ \t]*\[", re.MULTILINE)
_NAME_VALUE = re.compile(r'^name[ \t]*=[ \t]*"[^"\\\n]*"', re.MULTILINE)
_NOT_WORD = re.compile(r"[\W_]+")


def template_text(template: str) -> str:
    """The text of a shipped template, as stored (its own relative ``#:schema`` line)."""
    folder = resources.files("matwork") / "data" / "templates"
    return (folder / f"{template}.toml").read_text(encoding="utf-8")


def slug(name: str) -> str:
    """A file stem for a routine name: lower case, accents dropped, words joined by '-'."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NOT_WORD.sub("-", plain.casefold()).strip("-")


def schema_reference(schema: Path) -> str:
    """How the ``#:schema`` line names the schema file, for Taplo and Even Better TOML.

    Both read the first word after ``#:schema``: a plain absolute POSIX path works and
    reads best. A path with whitespace would be cut at the first blank, and a Windows
    path such as ``C:\\...`` would be read as a URL with the scheme ``c``, so those get
    a ``file://`` URI instead.
    """
    text = str(schema)
    if os.name == "nt" or any(char.isspace() for char in text):
        return schema.as_uri()
    return text


def render(template: str, name: str, schema: Path | None) -> str:
    """A template's text with ``name`` filled in and ``#:schema`` naming ``schema``."""
    text = _SCHEMA_LINE.sub("", template_text(template), count=1)
    table = _TABLE_LINE.search(text)
    match = _NAME_VALUE.search(text, 0, table.start() if table else len(text))
    if match is None:
        raise LookupError(f'template {template!r} has no top-level name = "..." line')
    text = text[: match.start()] + tomli_w.dumps({"name": name}).strip() + text[match.end() :]
    if schema is not None:
        text = f"#:schema {schema_reference(schema)}\n" + text
    return text


def target_path(name: str, out: str | None) -> Path:
    """Where ``new`` writes: ``out`` as a file, or as a folder, or the user's routines folder.

    ``out`` is a folder when it is one already, ends with a separator, or has no
    suffix; otherwise it is the file to write.
    """
    file_name = slug(name) + ".toml"
    if out is None:
        return paths.user_routines_dir() / file_name
    given = Path(out).expanduser()
    separators = tuple(sep for sep in (os.sep, os.altsep) if sep)
    if given.is_dir() or out.endswith(separators) or not given.suffix:
        return given / file_name
    return given


def _write(path: Path, text: str, force: bool) -> None:
    """Write ``text`` to ``path``, making its folder; never replace a file unless ``force``."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        fail(f"cannot create the folder {path.parent}: {error.strerror or error}")
    try:
        with path.open("w" if force else "x", encoding="utf-8", newline="\n") as file:
            file.write(text)
    except FileExistsError:
        fail(f"{path} already exists", "use --force to overwrite it, or choose another NAME")
    except IsADirectoryError:
        fail(f"{path} is a folder", "give a file name, or the folder alone with --out")
    except OSError as error:
        fail(f"cannot write {path}: {error.strerror or error}")


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
        fail("NAME is empty", 'give the routine a name, e.g. matwork new "Morning back"', code=2)
    if not slug(name):
        fail(
            f"NAME {name!r} has no letters or digits to make a file name from",
            'e.g. matwork new "Morning back"',
            code=2,
        )
    path = target_path(name, out)
    schema = (paths.shipped_dir("schema") / "routine.schema.json").resolve()
    if not schema.is_file():
        click.echo(f"matwork: warning: no JSON Schema at {schema}; no #:schema line", err=True)
    _write(path, render(template, name, schema if schema.is_file() else None), force)
    shown = shlex.quote(str(path))
    click.echo(f"Created {path} (template: {template})")
    click.echo("Next steps:")
    click.echo("  1. In a second pane, watch the plan (or the errors) redraw on every save:")
    click.echo(f"       matwork plan --watch {shown}")
    click.echo("  2. Edit the file in your editor; its comments explain every key.")
    click.echo("  3. Play it:")
    click.echo(f"       matwork play {shown}")
