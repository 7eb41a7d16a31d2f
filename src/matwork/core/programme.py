"""Load and check programme files: the public face of the programme format.

``load_programme(path)`` and ``parse_programme(text, path)`` return a ``Programme`` or
raise ``RoutineError`` naming the file, line and column of every problem, with the
same stages as routines (size and decoding, TOML syntax, unknown keys, types, then
meaning). What needs the library (do the named routines exist, does a rule's
exercise appear in them) is checked by the app layer on top of this.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import msgspec

from matwork.core import vocab
from matwork.core.errors import Notice, RoutineError, did_you_mean
from matwork.core.locate import KeyPath
from matwork.core.model import MAX_FILE_BYTES
from matwork.core.nesting import NESTING_MESSAGE, bracket_problem, too_deep
from matwork.core.programme_model import (
    MAX_WEEKS,
    SESSION_KINDS,
    SIDE_NAMES,
    TEMPLATE_NAMES,
    THEN_CHOICES,
    WEEKDAYS,
    Programme,
    Rule,
)
from matwork.core.routine import FileChecker, check_choice, read_source
from matwork.core.structure import describe_value, type_problems, unknown_keys_cached
from matwork.core.textguard import control_problems
from matwork.core.tomlerror import syntax_error
from matwork.core.translation import (
    language_problems,
    programme_texts,
    shape_problems,
    stale_texts,
)
from matwork.i18n import _

_KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_SCHEMA_LINE = re.compile(r"^#:schema[ \t]+\S*programme\.schema\.json\s*$", re.MULTILINE)
_TOP_PROGRAMME_KEY = re.compile(r"^[ \t]*programme[ \t]*=")
_PHASE_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*phase[ \t]*(?:[\].]|$)", re.MULTILINE)
_TABLE_HEADER = re.compile(r"^[ \t]*\[")


def looks_like_programme(text: str) -> bool:
    """Whether text is meant as a programme rather than a routine.

    True when the comments at the top name ``programme.schema.json`` in a ``#:schema``
    line, when a top-level line (before the first table) sets ``programme = ...``, or
    when the file has a ``[[phase]]`` table. Works on broken TOML too.
    """
    head: list[str] = []
    for line in text.splitlines():
        if _TABLE_HEADER.match(line):
            break
        head.append(line)
    top = "\n".join(head)
    if _SCHEMA_LINE.search(top) or any(_TOP_PROGRAMME_KEY.match(line) for line in head):
        return True
    return bool(_PHASE_HEADER.search(text))


def _decode_rules(checker: FileChecker, data: dict[str, Any]) -> None:
    """Decode each [progression.x] on its own, so an error keeps the exercise id."""
    rules = data.get("progression")
    if not isinstance(rules, dict):
        return
    for key, table in rules.items():
        extra = table.get("extra_sets") if isinstance(table, dict) else None
        if isinstance(extra, dict):
            for side, count in extra.items():
                if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= 10:
                    found = describe_value(count)
                    checker.add(
                        ("progression", key, "extra_sets", side),
                        _("extra_sets: expected a whole number from 1 to 10, found {found}").format(
                            found=found
                        ),
                    )
            if checker.problems:
                continue
        container = f"[progression.{key}]"
        for key_path, message in type_problems(table, Rule, container, ("progression", key)):
            checker.add(key_path, message, at_value=True)


def _check_rule(checker: FileChecker, key: str, rule: Rule) -> None:
    base: KeyPath = ("progression", key)
    given = [name for name in ("reps", "hold", "pyramid") if getattr(rule, name) is not None]
    if not given:
        checker.add(base, _("the rule for '{key}' needs reps, hold or pyramid").format(key=key))
    for name in given[1:]:
        message = _("the rule for '{key}' has {first} and {second}")
        checker.add(
            (*base, name), message.format(key=key, first=given[0], second=name), _("keep one")
        )
    for name in given:
        span = getattr(rule, name)
        if span.low > span.high:
            checker.add(
                (*base, name, "to"),
                _("{key}: 'to' ({high}) is below 'from' ({low})").format(
                    key=name, high=f"{span.high:g}", low=f"{span.low:g}"
                ),
                _("the range goes from the easier to the harder dose"),
            )
    check_choice(
        checker, (*base, "then"), rule.then, THEN_CHOICES, _("unknown 'then' value '{value}'")
    )
    if rule.then == "load" and len(rule.loads) < 2:
        checker.add(
            (*base, "then"), _('then = "load" needs at least two loads'), 'loads = ["4 kg", "6 kg"]'
        )
    if rule.loads and rule.then != "load":
        message = _('loads are used only with then = "load"')
        checker.add((*base, "loads"), message, _('add then = "load"'))
    if rule.pyramid is not None and rule.sets is not None:
        message = _("a pyramid's sets follow from its holds")
        checker.add((*base, "sets"), message, _("remove sets"))
    if rule.variations:
        if key not in rule.variations:
            checker.add(
                (*base, "variations"),
                _("variations must include '{key}' itself").format(key=key),
                _("list the ids from easiest to hardest"),
            )
        if len(set(rule.variations)) != len(rule.variations):
            checker.add((*base, "variations"), _("a variation is listed twice"))
    for side in rule.extra_sets:
        side_name = _("unknown side '{value}'")
        place = (*base, "extra_sets", side)
        check_choice(checker, place, side, SIDE_NAMES, side_name, at_value=False)  # a key


def _check_phases(checker: FileChecker, programme: Programme) -> None:
    total = 0
    for phase_index, phase in enumerate(programme.phase):
        total += phase.weeks
        if total > MAX_WEEKS:
            checker.add(
                ("phase", phase_index, "weeks"),
                _("the programme would last {total} weeks, more than the limit of {limit}").format(
                    total=total, limit=MAX_WEEKS
                ),
            )
        seen: set[str] = set()
        for index, session in enumerate(phase.session):
            place: KeyPath = ("phase", phase_index, "session", index)
            if not _KEBAB.match(session.key):
                checker.add(
                    (*place, "key"),
                    _("session key '{key}' is not kebab-case").format(key=session.key),
                    _('lower-case words joined by "-", e.g. "strength-a"'),
                )
            if session.key in seen:
                checker.add(
                    (*place, "key"),
                    _("session key '{key}' is used twice in this phase").format(key=session.key),
                )
            seen.add(session.key)
            kind = _("unknown session kind '{value}'")
            check_choice(checker, (*place, "kind"), session.kind, SESSION_KINDS, kind)
            if session.routine is None and session.template is None:
                message = _("session '{key}' needs a routine or a template")
                checker.add(place, message.format(key=session.key))
            if session.routine is not None and session.template is not None:
                checker.add((*place, "template"), _("give a routine or a template, not both"))
            if session.template is not None:
                template = _("unknown template '{value}'")
                check_choice(
                    checker, (*place, "template"), session.template, TEMPLATE_NAMES, template
                )
            for day_index, day in enumerate(session.days):
                weekday = _("unknown weekday '{value}'")
                check_choice(checker, (*place, "days", day_index), day, WEEKDAYS, weekday)
            if session.days and len(session.days) != session.per_week:
                checker.add(
                    (*place, "days"),
                    _("{days} days for {sessions} sessions a week").format(
                        days=len(session.days), sessions=session.per_week
                    ),
                    _("name one day per session, or leave days out"),
                )
            if len(set(session.days)) != len(session.days):
                checker.add((*place, "days"), _("a day is named twice"))


def _check_meaning(checker: FileChecker, programme: Programme) -> None:
    if programme.level is not None:
        check_choice(
            checker, ("level",), programme.level, vocab.LEVELS, _("unknown level '{value}'")
        )
    _check_phases(checker, programme)
    weeks = programme.weeks
    for index, week in enumerate(programme.deload.weeks):
        if not 1 <= week <= weeks:
            checker.add(
                ("deload", "weeks", index),
                _("deload week {week} is outside the programme's {weeks} weeks").format(
                    week=week, weeks=weeks
                ),
            )
    for key, rule in programme.progression.items():
        _check_rule(checker, key, rule)
    keys = programme.session_keys()
    for extra_index, extra in enumerate(programme.extra):
        for index, key in enumerate(extra.sessions):
            if key not in keys:
                checker.add(
                    ("extra", extra_index, "sessions", index),
                    _("no session with the key '{key}'").format(key=key),
                    did_you_mean(key, keys)
                    or _("one of: {choices}").format(choices=", ".join(keys)),
                )


def parse_programme(text: str, path: str | Path) -> Programme:
    """Parse and check programme text; ``path`` names it in errors."""
    shown = str(path)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise RoutineError.single(shown, 1, 1, _("file is larger than the limit of 1 MiB"))
    bracket = bracket_problem(text)
    if bracket:
        raise RoutineError.single(shown, *bracket, str(NESTING_MESSAGE))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise syntax_error(error, text, shown) from None
    checker = FileChecker(text, shown)
    deep = too_deep(data)
    if deep:
        checker.add(deep, str(NESTING_MESSAGE))
        checker.fail_if_any()
    for key_path, message, hint in control_problems(data):
        checker.add(key_path, message, hint)
    checker.fail_if_any()
    if not data:
        checker.add(
            (),
            _("the file is empty"),
            _('a programme needs at least name = "..." and a [[phase]]'),
        )
        checker.fail_if_any()
    for key_path, message, hint in unknown_keys_cached(data, Programme):
        checker.add(key_path, message, hint)
    checker.fail_if_any()
    _decode_rules(checker, data)
    for key_path, message, hint in shape_problems(data):
        checker.add(key_path, message, hint)
    checker.fail_if_any()
    version = data.get("programme", 1)
    if isinstance(version, int) and not isinstance(version, bool) and version != 1:
        checker.add(
            ("programme",),
            _("programme format {version} is not supported").format(version=version),
            _("this matwork reads programme = 1"),
        )
        checker.fail_if_any()
    try:
        programme = msgspec.convert(data, Programme, strict=True)
    except msgspec.ValidationError:
        for key_path, message in type_problems(data, Programme, "the programme"):
            checker.add(key_path, message, at_value=True)
        checker.fail_if_any()
        raise AssertionError("unreachable") from None
    _check_meaning(checker, programme)
    for key_path, message, hint in language_problems(programme.translations):
        checker.add(key_path, message, hint)
    checker.fail_if_any()
    return programme


def programme_notices(programme: Programme, text: str, path: str | Path) -> tuple[Notice, ...]:
    """Notes (not errors) on a loaded programme: translations of texts it does not have."""
    checker = FileChecker(text, str(path))
    for key_path, message, hint in stale_texts(programme.translations, programme_texts(programme)):
        checker.note(key_path, message, hint)
    return tuple(checker.notices)


def load_programme(path: str | Path) -> Programme:
    """Read and check the programme file at ``path``."""
    return parse_programme(read_source(path, "programme"), path)


__all__ = [
    "RoutineError",
    "load_programme",
    "looks_like_programme",
    "parse_programme",
    "programme_notices",
]
