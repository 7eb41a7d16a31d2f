"""The red-flag check: questions from the German guideline, and what a yes means.

``load_red_flags()`` reads ``data/red_flags.toml`` once, ``localized_red_flags("de")``
the same questions with their texts in German (``data/red_flags.de.toml``, in the
guideline's own words where they fit patients). ``evaluate(answers, flags)`` is
pure: question ids answered yes (or no) in, the open flags, the most urgent group and
the text to show out. A yes blocks training; nothing is diagnosed.
"""

from __future__ import annotations

import enum
import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources

import msgspec

from matwork.core import vocab
from matwork.core.data_translation import localized_data
from matwork.i18n import _, ngettext

RED_FLAGS_RESOURCE = "red_flags.toml"


class Urgency(enum.StrEnum):
    """How soon to see someone: at once, today, or in the next days."""

    NOW = "now"
    TODAY = "today"
    SOON = "soon"


URGENCY_ORDER = (Urgency.NOW, Urgency.TODAY, Urgency.SOON)
"""Most urgent first."""


class GroupId(enum.StrEnum):
    """The groups of warning signs."""

    CAUDA_EQUINA = "cauda-equina"
    FRACTURE = "fracture"
    INFECTION = "infection"
    TUMOUR = "tumour"
    RADICULOPATHY = "radiculopathy"


class _Data(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """Base of every table in the red-flags file."""


class Question(_Data, kw_only=True, frozen=True):
    """One yes/no question in plain words, with the guideline line it comes from."""

    id: str
    text: str
    source: str


class Group(_Data, kw_only=True, frozen=True):
    """A group of warning signs: whom to see, how soon, and its questions."""

    id: GroupId
    name: str
    urgency: Urgency
    whom: str
    why: str
    question: list[Question]


class Guideline(_Data, kw_only=True, frozen=True):
    """The guideline the questions come from, and what of it was read."""

    title: str
    edition: str
    publisher: str
    register: str
    table: str
    url: str
    read_at: list[str]
    checked: str
    not_asked: str

    def cite(self) -> str:
        """The guideline in words."""
        return f"{self.title}, {self.edition}. {self.publisher}. {self.register}. {self.url}"


class RedFlags(_Data, kw_only=True, frozen=True):
    """Everything in the red-flags file."""

    format: int
    guideline: Guideline
    notice: str
    clear_text: str
    paused_text: str
    """Shown under the open warning signs: training waits for a doctor's look."""
    group: list[Group]

    def questions(self) -> list[tuple[Group, Question]]:
        """Every question with its group, in file order."""
        return [(group, question) for group in self.group for question in group.question]


class OpenFlag(msgspec.Struct, kw_only=True, frozen=True):
    """A question answered yes."""

    group: GroupId
    question: str
    text: str
    source: str


class OpenGroup(msgspec.Struct, kw_only=True, frozen=True):
    """A group with at least one yes: whom to see and how soon."""

    id: GroupId
    name: str
    urgency: Urgency
    whom: str
    why: str
    questions: list[str]


class RedFlagCheck(msgspec.Struct, kw_only=True, frozen=True):
    """The outcome of the check: open flags, groups (most urgent first) and the text."""

    clear: bool
    """True only when every question was answered and none with yes."""
    blocks_training: bool
    open: list[OpenFlag]
    groups: list[OpenGroup]
    most_urgent: OpenGroup | None
    unanswered: list[str]
    lines: list[str]
    """The text to show, line by line; it always says that nothing is diagnosed."""


def red_flags_text() -> str:
    """The text of the shipped red-flags file."""
    return (resources.files("matwork") / "data" / RED_FLAGS_RESOURCE).read_text(encoding="utf-8")


def parse_red_flags(text: str) -> RedFlags:
    """Decode red-flags text and check that question ids are unique."""
    return red_flags_from(tomllib.loads(text))


def red_flags_from(raw: Mapping[str, object]) -> RedFlags:
    """Red flags from decoded TOML, with the question ids checked to be unique."""
    flags = msgspec.convert(raw, RedFlags, strict=True)
    ids = [question.id for _, question in flags.questions()]
    duplicates = sorted({qid for qid in ids if ids.count(qid) > 1})
    if duplicates:
        raise ValueError(f"red-flag question ids used twice: {', '.join(duplicates)}")
    return flags


@cache
def load_red_flags() -> RedFlags:
    """The shipped red-flag questions, read and checked once per process."""
    return parse_red_flags(red_flags_text())


@cache
def localized_red_flags(language: str) -> RedFlags:
    """The shipped red flags with their texts in ``language``; the English ones for "en"."""
    if language == vocab.SOURCE_LANGUAGE:
        return load_red_flags()
    return red_flags_from(localized_data(RED_FLAGS_RESOURCE, language))


def evaluate(answers: Mapping[str, bool], flags: RedFlags) -> RedFlagCheck:
    """The check for ``answers`` (question id to yes/no); unknown ids are an error."""
    known = {question.id for _, question in flags.questions()}
    unknown = sorted(set(answers) - known)
    if unknown:
        raise ValueError(f"unknown red-flag questions: {', '.join(unknown)}")
    opened = [
        OpenFlag(group=group.id, question=question.id, text=question.text, source=question.source)
        for group, question in flags.questions()
        if answers.get(question.id) is True
    ]
    unanswered = [question.id for _, question in flags.questions() if question.id not in answers]
    groups = [
        OpenGroup(
            id=group.id,
            name=group.name,
            urgency=group.urgency,
            whom=group.whom,
            why=group.why,
            questions=[flag.question for flag in opened if flag.group == group.id],
        )
        for group in flags.group
        if any(flag.group == group.id for flag in opened)
    ]
    groups.sort(key=lambda group: URGENCY_ORDER.index(group.urgency))
    return RedFlagCheck(
        clear=not opened and not unanswered,
        blocks_training=bool(opened),
        open=opened,
        groups=groups,
        most_urgent=groups[0] if groups else None,
        unanswered=unanswered,
        lines=_lines(groups, opened, unanswered, flags),
    )


def _lines(
    groups: list[OpenGroup], opened: list[OpenFlag], unanswered: list[str], flags: RedFlags
) -> list[str]:
    if not groups:
        lines = [] if unanswered else [flags.clear_text]
        if unanswered:
            count = len(unanswered)
            words = ngettext(
                "{count} question not answered yet.", "{count} questions not answered yet.", count
            )
            lines.append(words.format(count=count))
        return [*lines, flags.notice]
    lines = []
    for group in groups:
        lines.append(f"{group.name}: {group.whom}")
        lines.append("  " + _("Why: {why}").format(why=group.why))
        answered = _("You answered yes to: {question}")
        lines.extend(
            "  " + answered.format(question=flag.text) for flag in opened if flag.group == group.id
        )
    lines.append(flags.paused_text)
    lines.append(flags.notice)
    return lines


PAIN_RECHECK_ABOVE = 5
"""Pain (0-10) above this, before or after a session, runs the red-flag check again.

matwork's rule from issue 13 (the progression engine also never raises a dose after
pain above 5); it is not a number from the guideline, which lists signs, not scores.
"""


class CheckReason(enum.StrEnum):
    """Why the red-flag check was run."""

    ASSESSMENT = "assessment"
    """Before the self-assessment (it always comes first)."""
    RECHECK = "recheck"
    """The user asked to answer again (``matwork assess --red-flags``, or a gate)."""
    PAIN_BEFORE = "pain-before"
    """Pain before a session was above ``PAIN_RECHECK_ABOVE``."""
    PAIN_AFTER = "pain-after"
    """Pain after a session was above ``PAIN_RECHECK_ABOVE``."""
    LEG_SYMPTOMS = "leg-symptoms"
    """New leg symptoms were reported with the pain answer."""


def recheck_reason(
    pain: int | None, new_leg_symptoms: bool = False, *, after: bool = False
) -> CheckReason | None:
    """Why a pain answer calls for the red-flag check, or None when it does not."""
    if new_leg_symptoms:
        return CheckReason.LEG_SYMPTOMS
    if pain is not None and pain > PAIN_RECHECK_ABOVE:
        return CheckReason.PAIN_AFTER if after else CheckReason.PAIN_BEFORE
    return None


def reason_words(reason: CheckReason) -> str:
    """Why the check runs, as a line over the questions."""
    if reason is CheckReason.ASSESSMENT:
        return _("Before the tests: a few questions about warning signs.")
    if reason is CheckReason.RECHECK:
        return _("Answer the questions about warning signs again.")
    if reason is CheckReason.PAIN_BEFORE:
        words = _(
            "You rated your pain above {limit}: before you train, a few "
            "questions about warning signs."
        )
        return words.format(limit=PAIN_RECHECK_ABOVE)
    if reason is CheckReason.PAIN_AFTER:
        words = _(
            "You rated your pain above {limit} after the session: a few "
            "questions about warning signs."
        )
        return words.format(limit=PAIN_RECHECK_ABOVE)
    return _("You reported new symptoms in a leg: a few questions about warning signs.")
