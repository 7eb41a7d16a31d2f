"""Desk-break reminders: the I/O around the pure scheduler in ``matwork.core.breaks``.

``notify`` shows reminders (D-Bus, terminal, line), ``launch`` opens the routine in a
terminal window, ``idle`` asks the desktop whether the user is away, ``service`` runs
the loop, ``install`` writes the systemd user unit or LaunchAgent. The CLI command is
``matwork.cli.breaks_cmd``; the log is ``matwork.store.break_log``.
"""
