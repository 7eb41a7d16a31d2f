"""The commands' help in the language in use, and the language chosen for a run.

click builds every help text when a command module is imported, long before the
language is known, and keeps the docstring and each ``help=`` as plain English text.
So the texts stay as they are written (the msgids) and ``translate_help`` swaps in
their translations once the language is chosen, every time a command is looked up;
the English text is kept, so a second language (tests run several) starts from it.
``help_messages`` walks the same texts for the catalog (tools/i18n.py extracts them).
"""

from __future__ import annotations

import inspect
import os
from collections.abc import Iterator, Sequence

import click

from matwork.i18n import UI_LANGUAGES, _, language_from, lazy_, use_language

_ENGLISH = "_matwork_english"
_LANG_OPTION = "--lang"
_HELP_OPTION_HELP = lazy_("Show this message and exit.")
"""click's own words for -h/--help (click translates them by the system's gettext only)."""


def _english(item: click.Command | click.Parameter, *fields: str) -> dict[str, str]:
    """The item's help fields in English, saved the first time they are seen."""
    saved = getattr(item, _ENGLISH, None)
    if saved is None:
        saved = {}
        for field in fields:
            value = getattr(item, field, None)
            if value:
                saved[field] = inspect.cleandoc(value)
        setattr(item, _ENGLISH, saved)
    assert isinstance(saved, dict)
    return saved


def translate_help(command: click.Command, ctx: click.Context | None = None) -> None:
    """Put ``command``'s help, its options' and its subcommands' into the language in use.

    With ``ctx`` (the context the command is looked up in) its ``--help`` too.
    """
    for field, english in _english(command, "help", "short_help", "epilog").items():
        setattr(command, field, _(english))
    help_option = command.get_help_option(ctx) if ctx is not None else None
    if help_option is not None:
        help_option.help = str(_HELP_OPTION_HELP)
    for param in command.params:
        for field, english in _english(param, "help").items():
            setattr(param, field, _(english))
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            translate_help(sub, ctx)


def help_messages(command: click.Command) -> Iterator[tuple[str, click.Command]]:
    """Every English help text of ``command`` and below, with the command it belongs to."""
    for english in _english(command, "help", "short_help", "epilog").values():
        yield english, command
    for param in command.params:
        for english in _english(param, "help").values():
            yield english, command
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            yield from help_messages(sub)


def lang_argument(args: Sequence[str]) -> str | None:
    """The value of the top-level ``--lang`` in ``args`` (before the command), if valid."""
    for index, arg in enumerate(args):
        if arg == _LANG_OPTION and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith(_LANG_OPTION + "="):
            value = arg.partition("=")[2]
        elif not arg.startswith("-"):
            return None
        else:
            continue
        return value if value in UI_LANGUAGES else None
    return None


def configured_language() -> str | None:
    """``[ui] language`` from config.toml; None when unset or when the file is unusable.

    An unusable config is reported by the command that uses it, in the language the
    rest chose.
    """
    from matwork.app.config import ConfigError, load_config
    from matwork.app.paths import Paths

    try:
        return load_config(Paths.from_environment().config_file).ui.language
    except (ConfigError, OSError):
        return None


def choose_language(args: Sequence[str]) -> str:
    """Choose the run's language (``--lang``, config, locale, English) and use it."""
    from matwork.cli.click_words import speak_click_in

    language = language_from(configured_language(), lang_argument(args), os.environ)
    use_language(language)
    speak_click_in(language)
    return language
