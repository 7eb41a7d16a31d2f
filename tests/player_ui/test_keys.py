"""Every key of the player, on a fake clock: the player's state and the screen after each."""

from __future__ import annotations

import pytest

from matwork.app.config import Config, SessionSettings
from matwork.app.library import LibraryEntry, RoutineSource
from matwork.store.writer import HistoryStore
from matwork.tui.history.summary import SummaryScreen
from matwork.tui.modals.confirm import ConfirmScreen
from matwork.tui.modals.help import HelpScreen
from matwork.tui.modals.reps import RepsQuestion
from matwork.tui.player.big_timer import BigTimer
from matwork.tui.player.screen import PlayerScreen

from helpers.pilot import wait_until
from helpers.player_ui import Rig, app_for, open_player
from helpers.store import log_path

SIZE = (100, 30)


def digits(rig: Rig) -> str:
    return rig.screen.query_one(BigTimer).value


async def at_bridge(rig: Rig, into: float = 3.0) -> None:
    """Past the 5 s prepare, ``into`` seconds into the glute bridge."""
    await rig.advance(5.0 + into)
    assert rig.player.index == 1


async def test_space_pauses_and_resumes(
    tiny: LibraryEntry, config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, tiny, config)
        await at_bridge(rig)
        assert digits(rig) == "0:17"
        assert rig.screen.timers is not None
        assert rig.screen.timers.animating
        await rig.press("space")
        assert rig.player.paused
        assert "-paused" in rig.classes()
        assert "-work" in rig.classes()
        assert rig.text("#kind") == "PAUSED"
        timers = rig.screen.timers
        assert (timers.wake_at, timers.tick_at, timers.animating) == (None, None, False)
        await rig.advance(60)  # nothing moves while paused
        assert rig.player.segment_elapsed() == pytest.approx(3.0)
        assert digits(rig) == "0:17"
        await rig.press("space")
        assert rig.player.running
        assert "-paused" not in rig.classes()
        assert rig.text("#kind") == "WORK"
        assert timers.wake_at == rig.player.next_cue_at()
        assert timers.tick_at is not None
        assert timers.animating


@pytest.mark.parametrize("key", ["n", "right"])
async def test_skip_goes_on_and_logs_a_skipped_set(
    key: str, tiny: LibraryEntry, config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, tiny, config)
        await at_bridge(rig)
        await rig.press(key)
        assert rig.player.index == 2
        assert "-rest" in rig.classes()
        assert (rig.text("#kind"), rig.text("#title")) == ("REST", "Side plank")  # coming up
        assert rig.sink.cues[-1].kind == "rest"
        assert rig.screen.session is not None
        sets = rig.screen.session.log.memory.sets
        assert [(s.exercise_name, s.skipped) for s in sets] == [("Glute bridge", True)]
        assert not rig.screen.timers or not rig.screen.timers.animating  # no breath in rest


@pytest.mark.parametrize("key", ["b", "left"])
async def test_back_restarts_then_goes_to_the_segment_before(
    key: str, tiny: LibraryEntry, config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, tiny, config)
        await at_bridge(rig, into=6.0)
        assert digits(rig) == "0:14"
        await rig.press(key)
        assert (rig.player.index, rig.player.segment_elapsed()) == (1, 0.0)
        assert digits(rig) == "0:20"
        await rig.press(key)  # within 2 s of the start: the prepare before it
        assert rig.player.index == 0
        assert "-prepare" in rig.classes()
        assert (rig.text("#kind"), rig.text("#title")) == ("GET READY", "Glute bridge")
        assert digits(rig) == "0:05"


async def test_enter_ends_an_open_set_and_only_an_open_set(
    reps: LibraryEntry, config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, reps, config)
        await rig.press("enter")  # a set with a tempo runs on its own
        assert rig.player.index == 0
        assert rig.screen.check_action("done", ()) is False
        await rig.advance(18 + 5 + 18 + 5 + 7.4)  # two sets of curls, two rests: the open set
        segment = rig.player.current()
        assert segment is not None
        assert segment.open
        assert "-open" in rig.classes()
        assert digits(rig) == "0:07"  # counting up
        assert "Enter when done" in rig.text("#detail")
        assert rig.screen.check_action("done", ()) is True
        await rig.press("enter")
        assert isinstance(rig.pilot.app.screen, RepsQuestion)  # the reps done, 8 ready
        assert rig.player.paused  # the set ends where Enter was pressed
        await rig.advance(30)
        await rig.press("enter")
        assert rig.player.finished
        assert "-finished" in rig.classes()
        assert rig.screen.session is not None
        last = rig.screen.session.log.memory.sets[-1]
        assert (last.exercise_name, last.skipped) == ("Bird dog", False)
        assert last.actual_seconds == pytest.approx(7.4)


async def test_plus_and_minus_add_and_take_ten_seconds(
    tiny: LibraryEntry, config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, tiny, config)
        await at_bridge(rig)
        await rig.press("plus")
        assert rig.player.segment_remaining() == pytest.approx(27.0)
        assert digits(rig) == "0:27"
        assert rig.screen.timers is not None
        assert rig.screen.timers.wake_at == rig.player.next_cue_at()
        await rig.press("minus", "minus")
        assert rig.player.segment_remaining() == pytest.approx(7.0)
        assert digits(rig) == "0:07"
        await rig.press("minus")  # never below what has run: the set ends now
        assert rig.player.index == 2


async def test_plus_in_an_open_set_says_how_it_ends(
    reps: LibraryEntry, config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, reps, config)
        rig.player.jump(4)
        await rig.advance(1)
        assert rig.screen.check_action("extend", ()) is False  # not in the footer: Enter is
        rig.screen.action_extend()
        await pilot.pause()
        assert [n.message for n in app._notifications][-1] == (
            "An open set ends when you press Enter"
        )


async def test_m_mutes_the_cues(
    tiny: LibraryEntry, config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, tiny, config)
        heard = len(rig.sink.cues)
        await rig.press("m")
        assert rig.screen.session is not None
        assert rig.screen.session.sound.muted
        assert rig.header()["header-sound"] == "muted"
        await rig.advance(6)
        assert len(rig.sink.cues) == heard
        await rig.press("m")
        assert rig.header()["header-sound"] == ""
        await rig.advance(5)
        assert len(rig.sink.cues) > heard


async def test_v_without_sound_says_why(
    tiny: LibraryEntry, config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, tiny, config)
        await rig.press("v")
        assert [n.message for n in app._notifications][-1] == "Voice needs sound (sound: given)"
        assert rig.header()["header-sound"] == ""


async def test_i_shows_the_how_to_and_cautions_in_work_and_hides_them_resting(
    reps: LibraryEntry, config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, reps, config)
        await rig.advance(1)  # the first curl-up set: only the cue of the moment
        instructions = rig.screen.query_one("#instructions")
        cautions = rig.screen.query_one("#cautions")
        assert not instructions.display
        assert not cautions.display
        await rig.press("i")
        assert rig.text("#instructions").splitlines() == [
            "1. Lie on your back, one knee bent, hands under the low back.",
            "2. Lift the head and shoulders a little.",
            "3. Lower slowly.",
        ]
        assert rig.text("#cautions") == "Caution: Keep the neck long."
        assert instructions.display
        assert cautions.display
        await rig.press("i")
        assert not instructions.display
        await rig.press("i")
        await rig.advance(18)  # the rest before set 2: the brief how-to of what comes
        assert "-rest" in rig.classes()
        assert rig.text("#instructions").splitlines() == [
            "1. Lie on your back, one knee bent, hands under the low back.",
            "2. Lift the head and shoulders a little.",
        ]
        assert instructions.display
        assert cautions.display
        await rig.press("i")
        assert not instructions.display
        assert not cautions.display
        await rig.advance(5)  # set 2: i starts over in each segment
        assert not instructions.display
        assert rig.screen.query_one("#cues").has_class("-empty")


async def test_p_flags_pain_in_the_set_and_the_log(
    tiny: LibraryEntry, config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, tiny, config)
        await rig.press("p")  # in the prepare: nothing to flag
        assert [n.message for n in app._notifications][-1] == "Pain is flagged on a work set"
        await at_bridge(rig)
        await rig.press("p")
        assert "-pain-flagged" in rig.classes()
        assert rig.text("#detail") == "20 s · pain flagged"
        await rig.advance(17)  # the set ends
        assert "-pain-flagged" not in rig.classes()
        session = rig.screen.session
        assert session is not None
        assert session.log.store is not None
        assert session.log.uuid is not None
        sets = session.log.store.get_session(session.log.uuid).sets
        assert [(s.exercise_name, s.pain_flag) for s in sets] == [("Glute bridge", True)]


@pytest.mark.parametrize("key", ["q", "escape"])
async def test_stop_asks_pauses_while_asking_and_goes_on_when_told(
    key: str, tiny: LibraryEntry, config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, tiny, config)
        await at_bridge(rig)
        await rig.press(key)
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.question == "Stop the session?"
        assert rig.player.paused
        await rig.press("n")
        assert app.screen is rig.screen
        assert rig.player.running


async def test_stop_then_yes_ends_in_the_summary_then_the_library(
    tiny: LibraryEntry, config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, tiny, config)
        await at_bridge(rig)
        await rig.press("q", "y")
        assert rig.player.stopped
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        await wait_until(pilot, lambda: summary.detail is not None)
        assert summary.detail is not None
        assert summary.detail.session.status == "stopped"
        await rig.press("escape")
        await wait_until(pilot, lambda: len(app.screen_stack) == 1)
    with HistoryStore(log_path()) as store:
        (record,) = store.recent_sessions()
        assert record.status == "stopped"
        assert record.active_seconds == pytest.approx(8.0)


async def test_help_lists_every_binding_with_its_keys(
    tiny: LibraryEntry, config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, tiny, config)
        await rig.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = {row.id: row.keys for row in app.screen.rows}
        assert list(rows) == [binding.id for binding in PlayerScreen.BINDINGS]  # type: ignore[union-attr]
        assert rows["pause"] == "space"
        assert rows["skip"] == "n / →"
        assert rows["stop"] == "q / esc"
        text = str(app.screen.query_one("#help-keys").render())
        for binding in PlayerScreen.BINDINGS:
            assert f"[{binding.id}]" in text  # type: ignore[union-attr]
        assert rig.player.paused  # the clock stands still while the keys are read
        assert str(app.screen.query_one("#help-note").render()).startswith(
            "Paused while you read the keys"
        )
        assert rig.screen.timers is not None
        assert not rig.screen.timers.animating
        elapsed = rig.player.session_elapsed()
        rig.clock.advance(30)
        assert rig.player.session_elapsed() == elapsed
        await rig.press("escape")
        assert app.screen is rig.screen
        assert rig.player.running  # and goes on once closed
        rig.clock.advance(2)
        assert rig.player.session_elapsed() == pytest.approx(elapsed + 2)


async def test_help_over_a_paused_session_leaves_it_paused(
    tiny: LibraryEntry, config: Config, no_routines: list[RoutineSource]
) -> None:
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, tiny, config)
        await rig.press("space")
        await rig.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert not app.screen.query("#help-note")  # it did not pause anything
        await rig.press("escape")
        assert rig.player.paused


async def test_keys_follow_the_keymap_and_the_help_shows_it(
    tiny: LibraryEntry, no_routines: list[RoutineSource]
) -> None:
    config = Config(
        session=SessionSettings(safety_acknowledged=True, pain_question=False),
        keys={"pause": "k", "skip": "j"},
    )
    app = app_for(config, no_routines)
    async with app.run_test(size=SIZE) as pilot:
        rig = await open_player(pilot, tiny, config)
        await rig.press("k")
        assert rig.player.paused
        await rig.press("space")  # no longer bound
        assert rig.player.paused
        await rig.press("k", "j")
        assert rig.player.index == 1
        await rig.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = {row.id: row.keys for row in app.screen.rows}
        assert (rows["pause"], rows["skip"]) == ("k", "j")
