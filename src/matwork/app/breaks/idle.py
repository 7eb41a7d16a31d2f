"""Is the user away? Idle time and screen lock, where the desktop reports them over D-Bus.

Asked in this order on the session bus, each answer kept when given:

- ``org.gnome.ScreenSaver.GetActive`` (GNOME Shell) and
  ``org.freedesktop.ScreenSaver.GetActive`` (KDE and others): the screen is locked
  or blanked;
- ``org.gnome.Mutter.IdleMonitor.GetIdletime`` (GNOME, milliseconds) and
  ``org.freedesktop.ScreenSaver.GetSessionIdleTime`` (KDE, seconds): time since input;
- on the system bus, logind's session ``IdleHint``/``LockedHint``.

Where none answers, nothing is known and the scheduler never treats the user as away.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

import msgspec

if TYPE_CHECKING:
    from dbus_fast.aio import MessageBus

CALL_SECONDS = 2.0
"""How long one D-Bus question may take."""

_SCREENSAVERS = (
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
)
_MUTTER = (
    "org.gnome.Mutter.IdleMonitor",
    "/org/gnome/Mutter/IdleMonitor/Core",
    "org.gnome.Mutter.IdleMonitor",
)
_LOGIND = ("org.freedesktop.login1", "/org/freedesktop/login1/session/auto")


class Presence(msgspec.Struct, frozen=True):
    """What the desktop says about the user right now (None: it does not say)."""

    idle_seconds: float | None = None
    locked: bool | None = None
    source: str = ""
    """The services that answered, comma-separated."""

    def away(self, threshold_seconds: float) -> bool:
        """Locked, or idle for at least ``threshold_seconds``."""
        if self.locked:
            return True
        return self.idle_seconds is not None and self.idle_seconds >= threshold_seconds


async def _call(
    bus: MessageBus, destination: str, path: str, interface: str, member: str, *args: Any
) -> Any | None:
    """The first value of a method's reply, or None when the service does not answer."""
    from dbus_fast import Message, MessageType

    signature = "ss" if args else ""
    try:
        reply = await asyncio.wait_for(
            bus.call(
                Message(
                    destination=destination,
                    path=path,
                    interface=interface,
                    member=member,
                    signature=signature,
                    body=list(args),
                )
            ),
            CALL_SECONDS,
        )
    except (OSError, TimeoutError, ValueError):
        return None
    if reply is None or reply.message_type is not MessageType.METHOD_RETURN or not reply.body:
        return None
    value = reply.body[0]
    return getattr(value, "value", value)


class IdleProbe:
    """Asks the desktop over D-Bus; connections are opened on first use and kept."""

    def __init__(self) -> None:
        self._session: MessageBus | None = None
        self._system: MessageBus | None = None
        self._unavailable: set[str] = set()

    async def _bus(self, kind: str) -> MessageBus | None:
        from dbus_fast import BusType
        from dbus_fast.aio import MessageBus

        if kind in self._unavailable:
            return None
        current = self._session if kind == "session" else self._system
        if current is not None and current.connected:
            return current
        bus_type = BusType.SESSION if kind == "session" else BusType.SYSTEM
        try:
            bus = await asyncio.wait_for(MessageBus(bus_type=bus_type).connect(), CALL_SECONDS)
        except (OSError, TimeoutError, ValueError):
            self._unavailable.add(kind)
            return None
        if kind == "session":
            self._session = bus
        else:
            self._system = bus
        return bus

    async def presence(self) -> Presence:
        """Idle time and lock state from whichever services answer."""
        idle: float | None = None
        locked: bool | None = None
        sources: list[str] = []
        session = await self._bus("session")
        if session is not None:
            for destination, path, interface in _SCREENSAVERS:
                active = await _call(session, destination, path, interface, "GetActive")
                if active is not None:
                    locked = bool(active) or bool(locked)
                    sources.append(destination)
            milliseconds = await _call(session, *_MUTTER, "GetIdletime")
            if milliseconds is not None:
                idle = float(milliseconds) / 1000
                sources.append(_MUTTER[0])
            elif (
                seconds := await _call(session, *_SCREENSAVERS[1], "GetSessionIdleTime")
            ) is not None:
                idle = float(seconds)
        if locked is None and idle is None:
            system = await self._bus("system")
            if system is not None:
                properties = "org.freedesktop.DBus.Properties"
                session_iface = "org.freedesktop.login1.Session"
                hint = await _call(system, *_LOGIND, properties, "Get", session_iface, "LockedHint")
                idle_hint = await _call(
                    system, *_LOGIND, properties, "Get", session_iface, "IdleHint"
                )
                if hint is not None or idle_hint is not None:
                    locked = bool(hint) or bool(idle_hint)
                    sources.append(_LOGIND[0])
        return Presence(idle, locked, ", ".join(sources))

    def close(self) -> None:
        """Close the connections."""
        for bus in (self._session, self._system):
            if bus is not None:
                bus.disconnect()
        self._session = self._system = None
