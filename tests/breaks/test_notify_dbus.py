"""Reminders over a real D-Bus session bus, against python-dbusmock's notification daemon.

The test starts a private dbus-daemon and the ``notification_daemon`` template, lets
the service send its reminder through desktop-notifier, then "presses" a button the
way a notification server does: by emitting ``ActionInvoked``.

The template declares its methods but not the spec's two signals in its introspection
data (dbusmock's AddTemplate skips signals), and desktop-notifier subscribes only to
signals the server declares, as real servers do. So the test replaces the mock's
``Introspect`` (through dbusmock's own AddMethod) with the interface as the
Desktop Notifications Specification defines it, signals included.
"""

from __future__ import annotations

import asyncio
import io
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from matwork.app.breaks.launch import LaunchPlan
from matwork.app.breaks.notify import Backend, choose_notifier
from matwork.app.breaks.service import BreakService, RoutineInfo
from matwork.core.breaks import BreakOutcome, BreakPlan, BreakSettings, NotificationStyle
from matwork.store.break_log import BreakLog

pytestmark = pytest.mark.slow

NOTIFICATIONS = "org.freedesktop.Notifications"
MOCK_IFACE = "org.freedesktop.DBus.Mock"
SPEC_INTROSPECTION = f"""<!DOCTYPE node PUBLIC "-//freedesktop//DTD D-BUS Object Introspection 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd">
<node>
 <interface name="{NOTIFICATIONS}">
  <method name="GetCapabilities"><arg type="as" direction="out"/></method>
  <method name="Notify">
   <arg type="s" direction="in"/><arg type="u" direction="in"/><arg type="s" direction="in"/>
   <arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="as" direction="in"/>
   <arg type="a{{sv}}" direction="in"/><arg type="i" direction="in"/>
   <arg type="u" direction="out"/>
  </method>
  <method name="CloseNotification"><arg type="u" direction="in"/></method>
  <method name="GetServerInformation">
   <arg type="s" direction="out"/><arg type="s" direction="out"/>
   <arg type="s" direction="out"/><arg type="s" direction="out"/>
  </method>
  <signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
  <signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
 </interface>
</node>"""


@pytest.fixture
def notification_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """A private session bus with the mock notification daemon (actions enabled)."""
    if shutil.which("dbus-daemon") is None:
        pytest.skip(
            "no dbus-daemon here (Debian: apt-get install dbus-daemon); "
            "test_notify_fallback covers the terminal fallback"
        )
    testcase = pytest.importorskip("dbusmock.testcase", reason="python-dbusmock is not installed")
    # PrivateDBus writes DBUS_SESSION_BUS_ADDRESS into os.environ; monkeypatch restores it.
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
    bus = testcase.PrivateDBus(testcase.BusType.SESSION)
    bus.start()
    mock = testcase.SpawnedMock.spawn_with_template(
        "notification_daemon",
        {"capabilities": "body actions"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    mock.obj.AddMethod(
        "org.freedesktop.DBus.Introspectable",
        "Introspect",
        "",
        "s",
        f"ret = {SPEC_INTROSPECTION!r}",
        dbus_interface=MOCK_IFACE,
    )
    try:
        yield mock.obj
    finally:
        mock.terminate()
        bus.stop()


def notify_calls(server: object) -> list[list[object]]:
    calls = server.GetMethodCalls("Notify", dbus_interface=MOCK_IFACE)  # type: ignore[attr-defined]
    return [list(arguments) for _stamp, arguments in calls]


class RecordingLauncher:
    """Stands in for the terminal: records the command instead of opening a window."""

    def __init__(self) -> None:
        self.plans: list[LaunchPlan] = []

    def __call__(self, plan: LaunchPlan) -> str:
        self.plans.append(plan)
        return "recorded"


def make_service(tmp_path: Path, notifier, choice, launcher, log) -> BreakService:
    return BreakService(
        plan=BreakPlan.from_settings(BreakSettings(), every=0.2, anytime=True),
        tz=None,
        routines=["desk-break-hips", "desk-break-posture"],
        describe=lambda key: RoutineInfo(
            key, "Desk break: hips", str(tmp_path / f"{key}.toml"), 3.0
        ),
        notifier=notifier,
        choice=choice,
        launcher=launcher,
        log=log,
        out=io.StringIO(),
        terminal_command="kitty --",
        once=True,
        poll_seconds=0.05,
        completion_seconds=0.0,
    )


async def wait_for_notification(server: object) -> list[object]:
    for _ in range(200):
        calls = await asyncio.to_thread(notify_calls, server)
        if calls:
            return calls[0]
        await asyncio.sleep(0.05)
    raise AssertionError("no Notify call reached the mock server")


async def press(server: object, action: str) -> None:
    import dbus

    await asyncio.to_thread(
        server.EmitSignal,  # type: ignore[attr-defined]
        NOTIFICATIONS,
        "ActionInvoked",
        "us",
        [dbus.UInt32(1), action],
        dbus_interface=MOCK_IFACE,
    )


async def test_the_reminder_arrives_with_its_actions_and_start_plays_the_routine(
    notification_server: object, tmp_path: Path
) -> None:
    notifier, choice = await choose_notifier(NotificationStyle.AUTO)
    assert choice.backend is Backend.DESKTOP, choice.describe()
    launcher = RecordingLauncher()
    with BreakLog(tmp_path / "history.sqlite3") as log:
        service = make_service(tmp_path, notifier, choice, launcher, log)
        running = asyncio.create_task(service.run())
        arguments = await wait_for_notification(notification_server)
        app_name, _replaces, _icon, title, body, actions = arguments[:6]
        assert (app_name, title) == ("matwork", "Time for a desk break")
        assert "Desk break: hips" in body
        pairs = dict(zip(actions[::2], actions[1::2], strict=True))
        assert {key: pairs[key] for key in ("start", "snooze", "skip")} == {
            "start": "Start",
            "snooze": "Snooze 10 min",
            "skip": "Skip",
        }
        await press(notification_server, "start")
        assert await asyncio.wait_for(running, 10) == 0
        outcomes = [event.outcome for event in log.events()]
    assert [plan.argv[-2:] for plan in launcher.plans] == [["play", "desk-break-hips"]]
    assert launcher.plans[0].argv[:2] == ["kitty", "--"]
    assert outcomes == [BreakOutcome.SHOWN, BreakOutcome.STARTED]


async def test_skip_from_the_notification_is_logged_and_starts_nothing(
    notification_server: object, tmp_path: Path
) -> None:
    notifier, choice = await choose_notifier(NotificationStyle.AUTO)
    launcher = RecordingLauncher()
    with BreakLog(tmp_path / "history.sqlite3") as log:
        running = asyncio.create_task(make_service(tmp_path, notifier, choice, launcher, log).run())
        await wait_for_notification(notification_server)
        await press(notification_server, "skip")
        assert await asyncio.wait_for(running, 10) == 0
        outcomes = [event.outcome for event in log.events()]
    assert launcher.plans == []
    assert outcomes == [BreakOutcome.SHOWN, BreakOutcome.SKIPPED]


async def test_a_server_without_actions_is_passed_over_with_the_reason(
    notification_server: object,
) -> None:
    import dbus

    # Reload the template with the default capabilities, which have no "actions".
    notification_server.AddTemplate(  # type: ignore[attr-defined]
        "notification_daemon", dbus.Dictionary({}, signature="sv"), dbus_interface=MOCK_IFACE
    )
    _notifier, choice = await choose_notifier(NotificationStyle.AUTO, out=io.StringIO())
    assert choice.backend is Backend.LINE
    assert choice.not_used["desktop"] == "the notification server shows no buttons"


async def test_a_locked_screen_reads_as_away(notification_server: object) -> None:
    from dbusmock.testcase import SpawnedMock

    from matwork.app.breaks.idle import IdleProbe

    screensaver = SpawnedMock.spawn_with_template(
        "gnome_screensaver", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    probe = IdleProbe()
    try:
        present = await probe.presence()
        assert (present.locked, present.away(300)) == (False, False)
        assert "org.gnome.ScreenSaver" in present.source
        await asyncio.to_thread(
            screensaver.obj.SetActive, True, dbus_interface="org.gnome.ScreenSaver"
        )
        locked = await probe.presence()
        assert (locked.locked, locked.away(300)) == (True, True)
    finally:
        probe.close()
        screensaver.terminate()
