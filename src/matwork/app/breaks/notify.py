"""Showing a reminder: a desktop notification with actions, a terminal one, or a line.

The first that works, in this order, unless config.toml names one to start from:

1. ``desktop``: desktop-notifier over D-Bus (org.freedesktop.Notifications on Linux,
   the Notification Center on macOS), with the buttons Start, Snooze and Skip, used
   only when the server says it supports actions;
2. ``terminal``: where matwork runs in a terminal, an OSC 777 or OSC 9 notification
   (for terminals known to show one) and the bell, answered by typing in the terminal;
3. ``line``: a line on standard output (the journal, under systemd), answered by
   typing when standard input is readable.

``NotifierChoice`` says which was chosen and why each one before it was not.
"""

from __future__ import annotations

import asyncio
import enum
import os
import stat
import sys
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Protocol, TextIO

import msgspec

from matwork.core.breaks import BreakAnswer, NotificationStyle
from matwork.i18n import _, pgettext

if TYPE_CHECKING:
    from desktop_notifier import DesktopNotifier

APP_NAME = "matwork"
PROBE_SECONDS = 5.0
"""How long to wait for the notification server to answer before giving up on it."""

AnswerCallback = Callable[[BreakAnswer], None]
"""Called with the user's answer to the reminder on screen."""


class Backend(enum.StrEnum):
    """How a reminder reaches the user."""

    DESKTOP = "desktop"
    TERMINAL = "terminal"
    LINE = "line"


BACKEND_ORDER: tuple[Backend, ...] = (Backend.DESKTOP, Backend.TERMINAL, Backend.LINE)


def backend_word(name: str) -> str:
    """A backend's name as said to the user ("desktop"; German "Desktop-Benachrichtigung")."""
    words: dict[str, str] = {
        Backend.DESKTOP.value: pgettext("reminder backend", "desktop"),
        Backend.TERMINAL.value: pgettext("reminder backend", "terminal"),
        Backend.LINE.value: pgettext("reminder backend", "line"),
    }
    return words.get(str(name), str(name))


class Reminder(msgspec.Struct, frozen=True):
    """What a reminder says."""

    title: str
    body: str
    routine: str
    snooze_minutes: int


class NotifierChoice(msgspec.Struct, frozen=True):
    """The backend in use and why each one tried before it was not used."""

    backend: Backend
    not_used: dict[str, str]
    """Backend name to the reason it was passed over."""

    def describe(self) -> str:
        """One line for the terminal and ``matwork breaks status``."""
        reasons = "; ".join(f"{backend_word(name)}: {why}" for name, why in self.not_used.items())
        said = _("reminders by {backend}").format(backend=backend_word(self.backend))
        if reasons:
            said += " " + _("(not used: {reasons})").format(reasons=reasons)
        return said


class Notifier(Protocol):
    """Shows reminders and reports the answer through the callback."""

    backend: Backend

    async def show(self, reminder: Reminder, on_answer: AnswerCallback) -> None:
        """Put the reminder on screen; ``on_answer`` runs when the user answers."""

    async def withdraw(self) -> None:
        """Take an unanswered reminder off the screen (no answer will come)."""

    def close(self) -> None:
        """Stop listening for answers."""


def action_titles(snooze_minutes: int) -> dict[BreakAnswer, str]:
    """The button titles, by answer."""
    return {
        BreakAnswer.START: _("Start"),
        BreakAnswer.SNOOZE: _("Snooze {minutes} min").format(minutes=snooze_minutes),
        BreakAnswer.SKIP: _("Skip"),
    }


class DesktopNotifications:
    """desktop-notifier, with one button per answer; callbacks run on the event loop."""

    backend = Backend.DESKTOP

    def __init__(self, notifier: DesktopNotifier) -> None:
        self._notifier = notifier
        self._shown: str | None = None

    @classmethod
    async def probe(cls) -> tuple[DesktopNotifications | None, str]:
        """The backend when the server supports buttons, else None and the reason."""
        from dbus_fast.errors import DBusError
        from desktop_notifier import Capability, DesktopNotifier

        notifier = DesktopNotifier(app_name=APP_NAME)
        try:
            capabilities = await asyncio.wait_for(notifier.get_capabilities(), PROBE_SECONDS)
        except (OSError, ValueError, DBusError, TimeoutError) as error:
            why = f"{type(error).__name__}: {error}"
            return None, _("no notification server ({error})").format(error=why)
        if Capability.BUTTONS not in capabilities:
            return None, _("the notification server shows no buttons")
        return cls(notifier), ""

    async def show(self, reminder: Reminder, on_answer: AnswerCallback) -> None:
        """Send the notification with Start, Snooze and Skip buttons."""
        from desktop_notifier import Button

        buttons = [
            Button(
                title=title,
                identifier=str(answer),
                on_pressed=lambda answer=answer: on_answer(answer),  # type: ignore[misc]
            )
            for answer, title in action_titles(reminder.snooze_minutes).items()
        ]
        self._shown = await self._notifier.send(
            title=reminder.title,
            message=without_markup(reminder.body),
            buttons=buttons,
            on_dismissed=lambda: on_answer(BreakAnswer.SKIP),
        )

    async def withdraw(self) -> None:
        """Remove the notification from the notification centre."""
        if self._shown is not None:
            await self._notifier.clear(self._shown)
            self._shown = None

    def close(self) -> None:
        """Nothing to release: the D-Bus connection closes with the loop."""


def without_markup(text: str) -> str:
    """User text made inert for servers that read the body as markup (``body-markup``).

    The body holds a routine's name, which a user wrote: ``<`` and ``>`` are dropped
    and ``&`` spelled out, so it reads the same whether or not the server parses markup.
    """
    return text.replace("&", " and ").replace("<", "").replace(">", "")


TYPED_ANSWERS: dict[str, BreakAnswer] = {
    "": BreakAnswer.START,
    "start": BreakAnswer.START,
    "z": BreakAnswer.SNOOZE,
    "snooze": BreakAnswer.SNOOZE,
    "x": BreakAnswer.SKIP,
    "skip": BreakAnswer.SKIP,
}
"""What can be typed (then Enter) to answer a reminder in the terminal."""

OSC_777_TERMINALS = ("foot", "rxvt", "ghostty", "wezterm", "contour")
OSC_9_TERMINALS = ("iterm.app", "kitty", "vscode", "conemu", "windows terminal", "tabby")


def osc_flavour(env: Mapping[str, str]) -> str | None:
    """``"777"`` or ``"9"`` for a terminal known to show that notification, else None."""
    names = " ".join(
        env.get(variable, "").lower() for variable in ("TERM_PROGRAM", "TERM", "LC_TERMINAL")
    )
    if env.get("WT_SESSION"):
        names += " windows terminal"
    if any(name in names for name in OSC_777_TERMINALS):
        return "777"
    if any(name in names for name in OSC_9_TERMINALS):
        return "9"
    return None


def _clean(text: str) -> str:
    """Text safe inside an escape sequence: no control characters, no ';'."""
    return "".join(" " if ord(char) < 32 or char in ";\x7f" else char for char in text)


def terminal_notification(flavour: str | None, title: str, body: str) -> str:
    """The escape sequence for ``flavour`` followed by the bell."""
    if flavour == "777":
        return f"\x1b]777;notify;{_clean(title)};{_clean(body)}\x07\x07"
    if flavour == "9":
        return f"\x1b]9;{_clean(title)}: {_clean(body)}\x07\x07"
    return "\x07"


class TerminalNotifications:
    """A line (with an OSC notification and the bell on a terminal); typed answers."""

    def __init__(
        self, backend: Backend, out: TextIO, answers: TextIO | None, flavour: str | None
    ) -> None:
        self.backend = backend
        self._out = out
        self._answers = answers
        self._flavour = flavour
        self._on_answer: AnswerCallback | None = None
        self._reading = False
        self._typed = b""

    async def show(self, reminder: Reminder, on_answer: AnswerCallback) -> None:
        """Write the reminder and wait for a typed answer."""
        if self.backend is Backend.TERMINAL:
            self._out.write(terminal_notification(self._flavour, reminder.title, reminder.body))
        titles = action_titles(reminder.snooze_minutes)
        keys = (
            f" [Enter] {titles[BreakAnswer.START]} · [z Enter] {titles[BreakAnswer.SNOOZE]}"
            f" · [x Enter] {titles[BreakAnswer.SKIP]}"
            if self._answers is not None
            else ""
        )
        self._out.write(f"matwork: {reminder.title}: {reminder.body}.{keys}\n")
        self._out.flush()
        self._on_answer = on_answer
        self._listen()

    def _listen(self) -> None:
        if self._answers is None or self._reading:
            return
        asyncio.get_running_loop().add_reader(self._answers.fileno(), self._read)
        self._reading = True

    def _read(self) -> None:
        """Read what was typed (unbuffered, so no line waits unseen) and answer by lines."""
        assert self._answers is not None
        try:
            chunk = os.read(self._answers.fileno(), 4096)
        except OSError:
            chunk = b""
        if not chunk:
            self.close()
            self._answers = None
            return
        self._typed += chunk
        *lines, self._typed = self._typed.split(b"\n")
        for line in lines:
            self._answer_line(line.decode(errors="replace"))

    def _answer_line(self, line: str) -> None:
        answer = TYPED_ANSWERS.get(line.strip().lower())
        if answer is None:
            self._out.write("matwork: type Enter to start, z to snooze or x to skip\n")
            self._out.flush()
            return
        callback, self._on_answer = self._on_answer, None
        if callback is not None:
            callback(answer)

    async def withdraw(self) -> None:
        """Forget the unanswered reminder (typing now answers nothing)."""
        self._on_answer = None

    def close(self) -> None:
        """Stop reading answers."""
        if self._reading and self._answers is not None:
            asyncio.get_running_loop().remove_reader(self._answers.fileno())
        self._reading = False


def _readable(stream: TextIO | None) -> TextIO | None:
    """``stream`` if answers can be read from it (a terminal or a pipe), else None."""
    if stream is None:
        return None
    try:
        mode = os.fstat(stream.fileno()).st_mode
    except (OSError, ValueError):
        return None
    usable = (stat.S_ISCHR(mode) and stream.isatty()) or stat.S_ISFIFO(mode)
    return stream if usable else None


DesktopProbe = Callable[[], Awaitable[tuple["Notifier | None", str]]]
"""Finds the desktop backend: it, or None and the reason."""


async def choose_notifier(
    style: NotificationStyle,
    *,
    out: TextIO | None = None,
    answers: TextIO | None = None,
    env: Mapping[str, str] | None = None,
    desktop_probe: DesktopProbe | None = None,
) -> tuple[Notifier, NotifierChoice]:
    """The first backend that works, starting from ``style``, and why the others were not."""
    out = out if out is not None else sys.stdout
    answers = _readable(answers if answers is not None else sys.stdin)
    env = env if env is not None else os.environ
    first = 0 if style is NotificationStyle.AUTO else BACKEND_ORDER.index(Backend(style))
    not_used: dict[str, str] = {}
    for backend in BACKEND_ORDER[:first]:
        words = _("config says notification = {style}")
        not_used[str(backend)] = words.format(style=repr(style.value))
    if first == 0:
        probe = desktop_probe or DesktopNotifications.probe
        desktop, reason = await probe()
        if desktop is not None:
            return desktop, NotifierChoice(Backend.DESKTOP, not_used)
        not_used[str(Backend.DESKTOP)] = reason
    if first <= 1:
        if out.isatty() and env.get("TERM", "") != "dumb":
            notifier = TerminalNotifications(Backend.TERMINAL, out, answers, osc_flavour(env))
            return notifier, NotifierChoice(Backend.TERMINAL, not_used)
        not_used[str(Backend.TERMINAL)] = _("standard output is not a terminal")
    line = TerminalNotifications(Backend.LINE, out, answers, None)
    return line, NotifierChoice(Backend.LINE, not_used)
