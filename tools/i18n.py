"""Keep matwork's gettext catalogs up to date with Babel: extract, update, compile.

    python tools/i18n.py            # extract + update every .po + compile (./run.sh i18n)
    python tools/i18n.py compile    # only compile the .po files into .mo (run.sh does)
    python tools/i18n.py check      # exit 1 if a catalog is stale, untranslated or fuzzy

A domain is chosen by the function a message is marked with, not by the folder:
``_``/``ngettext``/``lazy_`` are the ``matwork`` domain, ``tui_``/``tui_ngettext``/
``lazy_tui_`` the ``matwork_tui`` domain (see src/matwork/i18n.py). A third domain,
``matwork_click``, holds click's own words (Usage:, Error: ..., Missing argument): they
are extracted from the installed click package, not from matwork (cli/click_words.py).
The .po files are committed; the .mo files are built from them (and ignored by git).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "matwork"
LOCALE_DIR = PACKAGE / "locale"

KEYWORDS: dict[str, dict[str, tuple[int, ...] | None]] = {
    "matwork": {"_": None, "ngettext": (1, 2), "lazy_": None, "pgettext": ((1, "c"), 2)},
    "matwork_tui": {
        "tui_": None,
        "tui_ngettext": (1, 2),
        "lazy_tui_": None,
        "tui_pgettext": ((1, "c"), 2),
        "lazy_tui_pgettext": ((1, "c"), 2),
    },
    "matwork_click": {"_": None, "ngettext": (1, 2)},
}
"""Per domain, the functions whose string arguments are its messages (Babel's spec)."""

METHOD_MAP = [("**.py", "python")]
WIDTH = 88


def click_package() -> Path:
    """The folder of the installed click, whose marked messages are ``matwork_click``."""
    import click

    return Path(click.__file__).resolve().parent


def extract(domain: str, package: Path = PACKAGE) -> Catalog:
    """Every message of ``domain`` marked in the package's Python files, as a template."""
    template = Catalog(domain=domain, project="matwork", charset="utf-8")
    if domain == "matwork_click":
        return _extract_click(template)
    found = extract_from_dir(
        str(package),
        method_map=METHOD_MAP,
        keywords=KEYWORDS[domain],
        comment_tags=("TRANSLATORS:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        where = (f"src/matwork/{filename}", lineno)
        template.add(message, None, [where], auto_comments=comments, context=context)
    if domain == "matwork":
        for message, where in click_help():
            template.add(message, None, [where], auto_comments=["click help"])
    return template


def _extract_click(template: Catalog) -> Catalog:
    """click's own marked messages (it looks them up with the stdlib's gettext)."""
    found = extract_from_dir(
        str(click_package()), method_map=METHOD_MAP, keywords=KEYWORDS["matwork_click"]
    )
    for filename, lineno, message, _comments, context in found:
        template.add(message, None, [(f"click/{filename}", lineno)], context=context)
    return template


def click_help() -> Iterator[tuple[str, tuple[str, int]]]:
    """Every command's and option's help text (plain English in the code, see cli/help_text)."""
    import importlib
    import inspect

    from matwork.cli import COMMANDS, main
    from matwork.cli.help_text import help_messages

    commands = [main]
    for target in COMMANDS.values():
        module_name, attribute = target.split(":")
        commands.append(getattr(importlib.import_module(module_name), attribute))
    for command in commands:
        for message, owner in help_messages(command):
            callback = inspect.unwrap(owner.callback) if owner.callback else None
            source = Path(inspect.getsourcefile(callback) or "") if callback else None
            inside = source is not None and source.resolve().is_relative_to(ROOT)
            shown = source.resolve().relative_to(ROOT).as_posix() if inside else "click"
            yield message, (shown, 0)


def po_files(domain: str, locale_dir: Path = LOCALE_DIR) -> Iterator[tuple[str, Path]]:
    """(language, path) of every ``<domain>.po`` there is."""
    for po in sorted(locale_dir.glob(f"*/LC_MESSAGES/{domain}.po")):
        yield po.parents[1].name, po


def read_catalog(path: Path, language: str) -> Catalog:
    """The catalog in a .po file."""
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def write_catalog(path: Path, catalog: Catalog) -> None:
    """Write a .po file without line numbers, sorted by file, so diffs stay small."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=WIDTH, include_lineno=False, sort_by_file=True)


def update(domain: str) -> None:
    """Merge the extracted template into each .po of the domain (new ones empty)."""
    template = extract(domain)
    for language, path in po_files(domain):
        catalog = read_catalog(path, language)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        catalog.fuzzy = False
        write_catalog(path, catalog)


def compile_all(locale_dir: Path = LOCALE_DIR, quiet: bool = False) -> None:
    """Compile every .po under ``locale_dir`` whose .mo is missing or older."""
    for po in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        catalog = read_catalog(po, po.parents[1].name)
        with mo.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        if not quiet:
            print(f"compiled {mo.relative_to(ROOT)}")


def catalog_problems(domain: str, language: str, path: Path) -> list[str]:
    """What is wrong with one .po: missing, stale, untranslated or fuzzy messages."""
    wanted = extracted_ids(domain)
    catalog = read_catalog(path, language)
    have = {_key(message): message for message in catalog if message.id}
    problems = [f"missing (run ./run.sh i18n): {key!r}" for key in wanted - set(have)]
    problems += [f"stale, no longer in the code: {key!r}" for key in set(have) - wanted]
    for key, message in have.items():
        if message.fuzzy:
            problems.append(f"fuzzy: {key!r}")
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            problems.append(f"untranslated: {key!r}")
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    return [f"{shown}: {problem}" for problem in sorted(problems)]


@cache
def extracted_ids(domain: str) -> frozenset[Any]:
    """The msgids of ``domain`` in the code now (extracted once per process)."""
    return frozenset(_key(message) for message in extract(domain) if message.id)


def _key(message: Message) -> Any:
    """A message's identity: its msgid, with its context when it has one."""
    return (message.context, message.id) if message.context else message.id


def main(argv: list[str]) -> int:
    action = argv[0] if argv else "all"
    if action == "compile":
        compile_all(quiet=True)
        return 0
    if action == "check":
        problems = [
            problem
            for domain in KEYWORDS
            for language, path in po_files(domain)
            for problem in catalog_problems(domain, language, path)
        ]
        print("\n".join(problems) or "catalogs up to date")
        return 1 if problems else 0
    if action != "all":
        print(f"unknown action {action!r} (all, compile, check)", file=sys.stderr)
        return 2
    for domain in KEYWORDS:
        update(domain)
    compile_all()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
