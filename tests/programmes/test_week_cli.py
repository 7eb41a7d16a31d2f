"""``matwork today`` (missed days, missing check-ins) and ``matwork stats`` (the dose meter, breaks)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from click.testing import CliRunner

from matwork.app.programme_play import today_options
from matwork.app.session import PlayOptions
from matwork.cli import main
from matwork.core.breaks import BreakOutcome
from matwork.store.writer import HistoryStore

from helpers.store import log_path
from helpers.today import MONDAY, log_reminders, plan_for, play_through, stamp, start

SHOWN, STARTED, SKIPPED = BreakOutcome.SHOWN, BreakOutcome.STARTED, BreakOutcome.SKIPPED


def matwork(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result


def play_due(day, monkeypatch: pytest.MonkeyPatch) -> str:
    """Play the session due on ``day`` at 18:00 (the log's clock too), every set in full."""
    monkeypatch.setattr("time.time", lambda: stamp(day))
    plan = plan_for(day)
    assert plan.session is not None
    with HistoryStore(log_path()) as store:
        uuid = play_through(
            store, plan.session.entry, today_options(plan, plan.session, PlayOptions()), day
        )
        store.annotate(uuid, rpe=7, pain_before=2, pain_after=2)
    return uuid


def test_today_after_a_missed_week_moves_on_and_says_so_without_guilt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    start()
    play_due(MONDAY, monkeypatch)
    wednesday = (MONDAY + timedelta(days=9)).isoformat()  # week 2
    lines = matwork("today", "--date", wednesday).output.splitlines()
    assert lines[1].startswith("Week 2 · session 1 of ")  # week 1's missed ones are gone
    assert (
        "Planned for Monday: play it today, or on any day this week. "
        "The programme moves on; nothing piles up."
    ) in lines
    assert (
        "Week 1: 1 of 4 sessions. That is fine: missed sessions are not carried over, "
        "and the doses go on from what you did."
    ) in lines
    assert (
        "No check-in since Monday's session: that counts as no information, never as fine, "
        "so nothing steps up on it until you check in."
    ) in lines
    assert "Check-in due: `matwork checkin` (how is your back this morning?)" in lines
    data = json.loads(matwork("today", "--json", "--date", wednesday).output)
    assert len(data["notes"]) == 3
    reasons = {d["reason"] for d in data["decisions"]}
    assert any("no check-in the next morning (no information)" in r for r in reasons)
    checked = matwork("checkin", "--pain", "1", "--compared", "better", "--date", wednesday)
    assert checked.exit_code == 0
    data = json.loads(matwork("today", "--json", "--date", wednesday).output)
    assert [note for note in data["notes"] if "check-in" in note] == []


def test_today_on_the_planned_day_with_nothing_missed_has_no_notes() -> None:
    start()
    data = json.loads(matwork("today", "--json", "--date", MONDAY.isoformat()).output)
    assert data["notes"] == []


def tuesday_evening(monkeypatch: pytest.MonkeyPatch) -> None:
    """``stats`` reads the clock: from now on it is Tuesday evening of week 1."""
    now = stamp(MONDAY + timedelta(days=1), 20)
    monkeypatch.setattr("time.time", lambda: now)


def test_stats_shows_the_week_against_the_guidance_and_the_breaks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    start()
    play_due(MONDAY, monkeypatch)
    log_reminders(MONDAY, [("a", SHOWN), ("a", STARTED), ("b", SHOWN), ("b", SKIPPED)])
    tuesday_evening(monkeypatch)
    result = matwork("stats", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    meter = data["dose_meter"]
    assert (meter["first_day"], meter["week"], meter["complete"]) == ("2025-03-03", 1, False)
    lines = {line["id"]: line for line in meter["lines"]}
    strength = lines["strength-days"]
    assert (strength["value"], strength["planned"], strength["detail"]) == (1, 3, "Mon")
    assert strength["status"] == "short"
    assert strength["source"] == "WHO 2020 guidelines (Bull et al. 2020)"
    desk = lines["desk-breaks"]
    assert (desk["value"], desk["unit"], desk["detail"]) == (1, "of 2 workdays", "Mon 1 · Tue 0")
    assert lines["balance:sides"]["status"] == "met"  # both sides at the same dose
    assert {"balance:trunk", "balance:hip", "balance:push-pull"} <= set(lines)
    assert [(d["weekday"], d["reminders"], d["taken"]) for d in meter["desk_days"]] == [
        ("Mon", 2, 1),
        ("Tue", 0, 0),
    ]
    breaks = data["breaks"]
    assert (breaks["reminders"], breaks["taken"], breaks["share_taken"]) == (2, 1, 0.5)
    assert breaks["days"][0]["day"] == "2025-03-03"
    assert breaks["days"][0]["share_taken"] == 0.5
    text = matwork("stats").output.splitlines()
    assert (
        "This week against the guidance (so far): "
        "Week 1 of Back reconditioning: 6 weeks · Mon 3 Mar - Sun 9 Mar"
    ) in text
    assert (
        "  Strength days: 1 day (Mon) · guidance 2+ days · programme: 3 · so far"
        " · source: WHO 2020 guidelines (Bull et al. 2020)"
    ) in text
    assert "  Desk breaks on Mon 2025-03-03: 1; 1 of 2 reminders taken (50%)" in text
    assert "Desk breaks: 2 reminders on 1 workdays (2.0 a day), 1 taken (50%), 0 completed" in text


def test_stats_without_a_programme_follows_the_iso_week(monkeypatch: pytest.MonkeyPatch) -> None:
    tuesday_evening(monkeypatch)
    data = json.loads(matwork("stats", "--json").output)
    meter = data["dose_meter"]
    assert (meter["first_day"], meter["programme"], meter["week"]) == ("2025-03-03", None, None)
    assert data["breaks"]["days"] == []
    assert {line["status"] for line in meter["lines"] if line["id"].startswith("balance:")} == {
        "no-information"
    }
