"""The --plain runner on a fake clock, and `matwork play` as a command and a process."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

import pytest
from click.testing import CliRunner

from matwork.cli.play import PlayOptions, play
from matwork.cli.play_plain import LineReader, WaitInput, run_plain, seconds_text
from matwork.core.clock import FakeClock
from matwork.core.player import Player
from matwork.core.results import RecordingResults
from matwork.core.timeline import Timeline

from helpers.player import WORKED_EXAMPLE, quick, timeline_of

if TYPE_CHECKING:
    from matwork.app.session import Session

WORKED_EXAMPLE_LINES = [
    "Worked example: 3:40",
    "Prepare 10 s, first: Dead bug",
    *["3", "2", "1"],
    "Work: Dead bug, 30 s",
    *["3", "2", "1"],
    "Rest 10 s, next: Side plank",
    *["3", "2", "1"],
    "Work: Side plank, left, 20 s",
    *["3", "2", "1"],
    "Switch sides, 5 s",
    "Work: Side plank, right, 20 s",
    *["3", "2", "1"],
    "Rest 40 s, next: Dead bug",
    *["3", "2", "1"],
    "Work: Dead bug, 30 s",
    *["3", "2", "1"],
    "Rest 10 s, next: Side plank",
    *["3", "2", "1"],
    "Work: Side plank, left, 20 s",
    *["3", "2", "1"],
    "Switch sides, 5 s",
    "Work: Side plank, right, 20 s",
    *["3", "2", "1"],
    "Session complete: 3:40",
]


class Runner:
    """run_plain on a fake clock, recording lines with the session second they came at."""

    def __init__(self, start: float = 500.0) -> None:
        self.clock = FakeClock(start)
        self.start = start
        self.lines: list[str] = []
        self.times: list[float] = []
        self.sleeps: list[float] = []
        self.results = RecordingResults()

    def out(self, line: str) -> None:
        self.lines.append(line)
        self.times.append(self.clock.now() - self.start)

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.clock.sleep(seconds)

    def run(
        self,
        text_or_timeline: str | Timeline,
        *,
        wait_input: WaitInput | None = None,
        speed: float = 1.0,
        start_at: int = 0,
    ) -> int:
        timeline = (
            timeline_of(text_or_timeline) if isinstance(text_or_timeline, str) else text_or_timeline
        )
        player = Player(timeline, self.clock, results=self.results, speed=speed, start_at=start_at)
        return run_plain(player, self.clock, sleep=self.sleep, out=self.out, wait_input=wait_input)


def test_worked_example_lines_on_the_clock() -> None:
    runner = Runner()
    assert runner.run(WORKED_EXAMPLE) == 0
    assert runner.lines == WORKED_EXAMPLE_LINES
    assert runner.times[:6] == [0, 0, 7, 8, 9, 10]
    assert runner.times[-1] == 220
    assert runner.clock.now() == runner.start + 220
    assert all(step > 0 for step in runner.sleeps)  # no busy loop
    assert len(runner.sleeps) == len(runner.lines) - 2  # one sleep per instant, no polling
    assert runner.results.ended == ("completed", 220)


def test_speed_sleeps_less_and_reports_session_time() -> None:
    runner = Runner(start=0.0)
    assert runner.run(WORKED_EXAMPLE, speed=100.0) == 0
    assert runner.lines[-1] == "Session complete: 3:40"
    assert runner.clock.now() == pytest.approx(2.2)


def test_start_at_a_later_segment() -> None:
    runner = Runner()
    runner.run(WORKED_EXAMPLE, start_at=9)
    assert runner.lines[:3] == ["Worked example: 0:45", "Work: Side plank, left, 20 s", "3"]
    assert runner.lines[-1] == "Session complete: 0:45"


def test_breath_and_halfway_get_lines_rep_phases_a_counter() -> None:
    timeline = quick(
        '[[block]]\n[[block.exercise]]\nid = "bridge"\nreps = 2\ntempo = "2-0-2-0"\n'
        'breath = "tempo"\nhalfway = true\nrest = 5\n'
        '[[block.exercise]]\nid = "birddog"\nwork = 8\nbreath = "box"'
    )
    runner = Runner()
    runner.run(timeline)
    assert list(zip(runner.times, runner.lines, strict=True)) == [
        (0, "T: 0:21"),
        (0, "Work: Glute bridge, 2 reps, 8 s"),
        (0, "Inhale"),
        (0, "Rep 1 of 2"),
        (2, "Exhale"),
        (4, "Halfway"),
        (4, "Inhale"),
        (4, "Rep 2 of 2"),
        (6, "Exhale"),
        (8, "Rest 5 s, next: Bird-dog"),
        (13, "Work: Bird-dog, 8 s"),
        (13, "Inhale"),
        (17, "Hold"),
        (21, "Session complete: 0:21"),
    ]


OPEN_SET = (
    '[[block]]\n[[block.exercise]]\nid = "lift"\nreps = 8\nsets = 2\nrest = 60\nload = "40 kg"'
)


def test_open_sets_end_at_their_estimate_without_a_terminal() -> None:
    runner = Runner()
    runner.run(quick(OPEN_SET))
    assert list(zip(runner.times, runner.lines, strict=True)) == [
        (0, "T: ~1:48"),
        (0, "Work: Deadlift, set 1 of 2, 8 reps, 40 kg, open set, ~24 s"),
        (24, "Rest 60 s, next: Deadlift"),
        (84, "Work: Deadlift, set 2 of 2, 8 reps, 40 kg, open set, ~24 s"),
        (108, "Session complete: 1:48"),
    ]
    assert [r.reps_done for r in runner.results.sets] == [8, 8]


class Keyboard:
    """A fake terminal: Enter pressed at given clock instants, then end of input."""

    def __init__(self, clock: FakeClock, presses: list[float], eof: float | None = None) -> None:
        self.clock = clock
        self.presses = presses
        self.eof = eof
        self.waits: list[float | None] = []

    def __call__(self, timeout: float | None) -> str | None:
        self.waits.append(timeout)
        events = [(t, "enter") for t in self.presses]
        if self.eof is not None:
            events.append((self.eof, "eof"))
        now = self.clock.now()
        upcoming = sorted(event for event in events if event[0] >= now)
        if upcoming and (timeout is None or upcoming[0][0] <= now + timeout):
            instant, event = upcoming[0]
            self.clock.set(instant)
            if event == "enter":
                self.presses.remove(instant)
            else:
                self.eof = None
            return event
        assert timeout is not None, "waiting for ever with nothing to come"
        self.clock.sleep(timeout)
        return None


def test_enter_ends_an_open_set_in_a_terminal() -> None:
    runner = Runner(start=0.0)
    keyboard = Keyboard(runner.clock, presses=[31.5, 50.0, 130.0])  # 50: during the rest
    runner.run(quick(OPEN_SET), wait_input=keyboard)
    assert list(zip(runner.times, runner.lines, strict=True)) == [
        (0, "T: ~1:48"),
        (0, "Work: Deadlift, set 1 of 2, 8 reps, 40 kg, open set: press Enter when done"),
        (31.5, "Rest 60 s, next: Deadlift"),
        (91.5, "Work: Deadlift, set 2 of 2, 8 reps, 40 kg, open set: press Enter when done"),
        (130, "Session complete: 2:10"),
    ]
    assert keyboard.waits[0] is None  # an open set with nothing to say: wait for Enter only
    assert runner.results.sets[0].actual_seconds == 31.5


def test_end_of_input_lets_open_sets_end_at_their_estimate() -> None:
    runner = Runner(start=0.0)
    keyboard = Keyboard(runner.clock, presses=[], eof=10.0)
    runner.run(quick(OPEN_SET), wait_input=keyboard)
    assert runner.times[-1] == 108
    assert runner.lines[-1] == "Session complete: 1:48"


class SlowPositionWrite:
    """A session whose resume-position write takes a second and reads the player."""

    def __init__(self, clock: FakeClock, player: Player) -> None:
        self.clock = clock
        self.player = player

    def record_position(self) -> None:
        """Let a second pass (a slow log write), then read the player as the real one does."""
        self.clock.sleep(1.0)
        self.player.resume_point()


def test_a_read_of_the_player_after_its_last_cue_still_gets_the_finish_line() -> None:
    """The CI failure at --speed 1000: the position write carried the player over its end
    between the poll and the ``finished`` check, and "Session complete" never came."""
    runner = Runner()
    player = Player(timeline_of(WORKED_EXAMPLE), runner.clock, results=runner.results)
    session = cast("Session", SlowPositionWrite(runner.clock, player))
    code = run_plain(player, runner.clock, sleep=runner.sleep, out=runner.out, session=session)
    assert code == 0
    assert runner.lines == WORKED_EXAMPLE_LINES
    assert runner.results.ended is not None
    assert runner.results.ended[0] == "completed"


def test_ctrl_c_stops_cleanly() -> None:
    runner = Runner()

    def interrupted(seconds: float) -> None:
        if runner.clock.now() - runner.start > 60:
            raise KeyboardInterrupt
        runner.sleep(seconds)

    player = Player(timeline_of(WORKED_EXAMPLE), runner.clock, results=runner.results)
    code = run_plain(player, runner.clock, sleep=interrupted, out=runner.out)
    assert code == 130
    assert runner.lines[-1] == "Stopped."
    assert runner.results.ended is not None
    assert runner.results.ended[0] == "stopped"


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(40, "40 s"), (5.5, "5.5 s"), (90, "90 s"), (120, "2 min"), (150, "2 min 30 s")],
)
def test_seconds_text(seconds: float, text: str) -> None:
    assert seconds_text(seconds) == text


@pytest.fixture
def routine(tmp_path: Path) -> Path:
    path = tmp_path / "worked.toml"
    path.write_text(WORKED_EXAMPLE)
    return path


def test_play_command_plain(routine: Path) -> None:
    result = CliRunner().invoke(play, [str(routine), "--plain", "--speed", "1000"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == WORKED_EXAMPLE_LINES


def test_play_command_reports_a_broken_routine_and_a_bad_start(routine: Path) -> None:
    broken = routine.with_name("broken.toml")
    broken.write_text('name = "B"\n[[block]]\n[[block.exercise]]\nid = "nope"\n')
    result = CliRunner().invoke(play, [str(broken), "--plain"])
    assert result.exit_code == 1
    assert "unknown exercise id 'nope'" in result.output
    result = CliRunner().invoke(play, [str(routine), "--plain", "--start-at", "13"])
    assert result.exit_code == 1
    assert "--start-at 13: the routine has 12 segments" in result.output


def test_play_without_plain_hands_over_to_the_full_screen_player(
    routine: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import matwork.tui.app

    calls: list[tuple[object, PlayOptions]] = []

    def run_player(entry: object, options: PlayOptions, paths: object) -> int:
        calls.append((entry, options))
        return 0

    monkeypatch.setattr(matwork.tui.app, "run_player", run_player)
    result = CliRunner().invoke(
        play, [str(routine), "--speed", "2", "--no-sound", "--no-voice", "--start-at", "4"]
    )
    assert result.exit_code == 0
    assert calls[0][1] == PlayOptions(speed=2.0, sound=False, voice=False, start_at=3)


def matwork_play(*args: str) -> list[str]:
    """The command line of `matwork play`, through the CLI group once it is registered."""
    from matwork.cli import main

    if "play" in main.commands:
        return [sys.executable, "-m", "matwork", "play", *args]
    return [sys.executable, "-c", "from matwork.cli.play import play; play()", *args]


@pytest.mark.slow
def test_plain_play_as_a_process(routine: Path) -> None:
    done = subprocess.run(
        matwork_play("--plain", "--speed", "100", str(routine)),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[:2] == ["Worked example: 3:40", "Prepare 10 s, first: Dead bug"]
    assert lines[-1] == "Session complete: 3:40"
    assert lines == WORKED_EXAMPLE_LINES


@pytest.mark.slow
def test_ctrl_c_in_a_process_says_stopped_without_a_traceback(routine: Path) -> None:
    process = subprocess.Popen(
        matwork_play("--plain", str(routine)),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    assert process.stdout.readline() == "Worked example: 3:40\n"
    assert process.stdout.readline() == "Prepare 10 s, first: Dead bug\n"
    process.send_signal(signal.SIGINT)
    out, err = process.communicate()
    assert process.returncode == 130
    assert out.splitlines()[-1] == "Stopped."
    assert "Traceback" not in err


def test_line_reader_reports_each_enter_then_the_end() -> None:
    reader = LineReader(io.StringIO("\ndone\n"))
    assert [reader(None), reader(None), reader(None)] == ["enter", "enter", "eof"]
    assert reader(0) is None
