"""Where notifications with actions are not available: OSC 777 / OSC 9 and the bell, or a line."""

from __future__ import annotations

import asyncio
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from matwork.app.breaks.notify import (
    Backend,
    Reminder,
    choose_notifier,
    osc_flavour,
    terminal_notification,
)
from matwork.core.breaks import BreakAnswer, NotificationStyle

REMINDER = Reminder(
    "Time for a desk break", "Desk break: hips (about 3 min)", "desk-break-hips", 10
)


@pytest.fixture
def no_session_bus(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A session bus address that leads nowhere, as on a machine without D-Bus."""
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-bus-here")


@pytest.fixture
def terminal() -> Iterator[tuple[io.TextIOWrapper, int]]:
    """A pseudo-terminal: the service writes to one end, the test reads the other."""
    leader, follower = os.openpty()
    out = open(follower, "w", encoding="utf-8", closefd=True)  # noqa: SIM115
    try:
        yield out, leader
    finally:
        out.close()
        os.close(leader)


def read_screen(leader: int) -> str:
    return os.read(leader, 4096).decode()


async def test_without_dbus_a_terminal_gets_an_osc_777_notification_and_the_bell(
    no_session_bus: None, terminal: tuple[io.TextIOWrapper, int]
) -> None:
    out, leader = terminal
    notifier, choice = await choose_notifier(
        NotificationStyle.AUTO, out=out, answers=None, env={"TERM": "foot"}
    )
    assert choice.backend is Backend.TERMINAL
    assert choice.not_used["desktop"].startswith("no notification server")
    await notifier.show(REMINDER, lambda answer: None)
    screen = read_screen(leader)
    assert "\x1b]777;notify;Time for a desk break;Desk break: hips (about 3 min)\x07" in screen
    assert "\x07\x07" in screen, "the bell follows the notification"
    assert "Time for a desk break: Desk break: hips" in screen


async def test_without_a_terminal_the_reminder_is_a_line_and_typing_answers_it(
    no_session_bus: None,
) -> None:
    read_end, write_end = os.pipe()
    answers = open(read_end, encoding="utf-8")  # noqa: SIM115
    out = io.StringIO()
    try:
        notifier, choice = await choose_notifier(
            NotificationStyle.AUTO, out=out, answers=answers, env={}
        )
        assert choice.backend is Backend.LINE
        assert choice.not_used == {
            "desktop": choice.not_used["desktop"],
            "terminal": "standard output is not a terminal",
        }
        heard: asyncio.Queue[BreakAnswer] = asyncio.Queue()
        await notifier.show(REMINDER, heard.put_nowait)
        assert out.getvalue().startswith("matwork: Time for a desk break: Desk break: hips")
        assert "\x1b]" not in out.getvalue()
        assert "\x07" not in out.getvalue()
        assert "[z Enter] Snooze 10 min" in out.getvalue()
        os.write(write_end, b"maybe\nz\n")
        assert await asyncio.wait_for(heard.get(), 5) is BreakAnswer.SNOOZE
        assert "type Enter to start" in out.getvalue(), "an unknown answer gets the choices"
        notifier.close()
    finally:
        answers.close()
        os.close(write_end)


async def test_a_configured_style_starts_the_search_there() -> None:
    _notifier, choice = await choose_notifier(NotificationStyle.LINE, out=io.StringIO(), env={})
    assert choice.backend is Backend.LINE
    assert set(choice.not_used) == {"desktop", "terminal"}
    assert "notification = 'line'" in choice.describe()


@pytest.mark.parametrize(
    ("env", "flavour"),
    [
        ({"TERM": "foot"}, "777"),
        ({"TERM": "rxvt-unicode-256color"}, "777"),
        ({"TERM_PROGRAM": "WezTerm"}, "777"),
        ({"TERM_PROGRAM": "iTerm.app"}, "9"),
        ({"TERM": "xterm-kitty"}, "9"),
        ({"WT_SESSION": "1"}, "9"),
        ({"TERM": "xterm-256color"}, None),
    ],
)
def test_osc_flavour_by_terminal(env: dict[str, str], flavour: str | None) -> None:
    assert osc_flavour(env) == flavour


def test_terminal_text_cannot_break_out_of_the_escape_sequence() -> None:
    text = terminal_notification("9", "a;b", "c\x1b]0;pwned\x07")
    assert text == "\x1b]9;a b: c ]0 pwned \x07\x07"
    assert terminal_notification(None, "t", "b") == "\x07"


def test_a_routine_name_cannot_inject_markup_into_a_desktop_notification() -> None:
    from matwork.app.breaks.notify import without_markup

    assert without_markup("Hips <b>&</b> back") == "Hips b and /b back"
