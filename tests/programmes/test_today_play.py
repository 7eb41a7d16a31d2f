"""Playing today's session logs it against the programme, through the app and ``today --play``."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from matwork.app.config import Config
from matwork.app.paths import Paths
from matwork.app.programme_play import first_playable, playable, today_options
from matwork.app.session import PlayOptions
from matwork.cli import main
from matwork.store.programme_log import ProgrammeLog
from matwork.store.writer import HistoryStore

from helpers.store import log_path
from helpers.today import MONDAY, plan_for, play_through, start


def test_playing_the_session_due_logs_it_against_the_programme_once() -> None:
    start()
    plan = plan_for(MONDAY)
    chosen = first_playable(plan)
    assert chosen is not None
    assert not chosen.desk
    assert (chosen.session.slot.number, chosen.session.slot.of) == (1, 4)
    options = today_options(plan, chosen.session, PlayOptions(sound=False), wall=lambda: 1.0)
    with HistoryStore(log_path()) as store:
        uuid = play_through(store, chosen.session.entry, options, MONDAY)
        log = ProgrammeLog(store)
        run = log.active_run()
        assert run is not None
        played = log.played(run.id)
        assert [(one.session_uuid, one.week, one.number) for one in played] == [(uuid, 1, 1)]
        assert played[0].logged.sets  # the sets are in, against the planned ones
        assert played[0].logged.planned_sets == dict(chosen.session.applied.planned_sets)
        # A resumed session reopens the same row: it is not logged a second time.
        options.on_logged(store, uuid)  # type: ignore[misc]
        assert len(log.played(run.id)) == 1
    after = plan_for(MONDAY + timedelta(days=2))
    assert after.session is not None
    assert after.session.slot.number == 2


def test_a_session_played_without_the_hook_is_not_the_programmes() -> None:
    start()
    plan = plan_for(MONDAY)
    assert plan.session is not None
    with HistoryStore(log_path()) as store:
        play_through(store, plan.session.entry, PlayOptions(sound=False), MONDAY)
        run = ProgrammeLog(store).active_run()
        assert run is not None
        assert ProgrammeLog(store).played(run.id) == []


def test_the_desk_breaks_of_the_day_follow_the_session_and_count_when_played() -> None:
    start("desk-worker")
    plan = plan_for(MONDAY)
    found = playable(plan)
    assert [one.desk for one in found] == [False, True, True, True]
    assert found[1].title == "Desk break: posture (0 of 1 today)"
    # With every session of the week done, the first desk break still to do is next.
    week_done = dataclasses.replace(plan, session=None)
    chosen = first_playable(week_done)
    assert chosen is not None
    assert chosen.desk
    assert chosen.session is plan.desk[0]
    options = today_options(week_done, chosen.session, PlayOptions(sound=False))
    with HistoryStore(log_path()) as store:
        play_through(store, chosen.session.entry, options, MONDAY)
    again = plan_for(MONDAY)
    assert playable(again)[1].title.endswith("(1 of 1 today)")
    chosen = first_playable(dataclasses.replace(again, session=None))
    assert chosen is not None
    assert chosen.session.slot.key == again.desk[1].slot.key


def test_today_play_plain_plays_the_dosed_routine_and_logs_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``today --play --plain`` hands play_plain the dosed routine and the recording hook."""
    start()
    seen: list[tuple[str, bool]] = []

    def fake_play_plain(entry, options: PlayOptions, config: Config, paths: Paths) -> int:
        with HistoryStore(paths.log_file) as store:
            play_through(store, entry, options, MONDAY)
        seen.append((entry.origin, options.sound))
        return 0

    monkeypatch.setattr("matwork.cli.play_plain.play_plain", fake_play_plain)
    result = CliRunner().invoke(
        main, ["today", "--play", "--plain", "--no-sound", "--date", MONDAY.isoformat()]
    )
    assert result.exit_code == 0, result.output
    assert "Playing Recondition: strength" in result.output or "Playing " in result.output
    assert "logged against" in result.output
    assert seen == [("programme", False)]  # the dosed routine, not the file as written
    with HistoryStore(log_path()) as store:
        log = ProgrammeLog(store)
        run = log.active_run()
        assert run is not None
        assert [one.number for one in log.played(run.id)] == [1]


def test_today_play_without_a_programme_fails_and_play_with_json_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["today", "--play", "--plain"])
    assert result.exit_code == 1
    assert "No programme is active" in result.output
    start()
    result = CliRunner().invoke(main, ["today", "--play", "--json"])
    assert result.exit_code == 2
    assert "--play and --json" in result.output


def test_today_play_with_nothing_due_says_so(tmp_path: Path) -> None:
    start()
    ended = (MONDAY + timedelta(weeks=7)).isoformat()
    result = CliRunner().invoke(main, ["today", "--play", "--plain", "--date", ended])
    assert result.exit_code == 0, result.output
    assert "Nothing of the programme is due today" in result.output
