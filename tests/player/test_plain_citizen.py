"""Plain mode as a full citizen, on a fake clock with a fake keyboard and fake answers.

``play_session`` is the whole plain session (safety, resume, pain before, the keys,
the reps of an open set, effort, pain after, a note); here its terminal is replaced by
``helpers.plain.Keys`` (single keys at given instants) and ``Answers`` (the lines typed at the
questions), and what it prints is kept. The same flow on a real pseudo-terminal is
tests/integration/test_plain_pty.py.
"""

from __future__ import annotations

import pytest

from matwork.app.config import Config, SessionSettings, load_config
from matwork.app.library import LibraryEntry
from matwork.app.safety_notice import notice_lines
from matwork.cli import play_plain as plain
from matwork.cli.plain.questions import NOTE, PAIN_AFTER, PAIN_BEFORE, RPE, SAFETY_PROMPT
from matwork.cli.plain.run import KEY_HELP
from matwork.core.clock import FakeClock
from matwork.store.writer import HistoryStore

from helpers.paths import test_paths as dirs_of_test
from helpers.plain import Answers, Keys, plain_session
from helpers.store import log_path


def test_a_whole_session_on_a_terminal(entry: LibraryEntry, said: dict[str, list[str]]) -> None:
    clock = FakeClock(1000.0)
    session = plain_session(entry, clock)
    keys = Keys(
        clock,
        [
            (1001.0, " "),  # pause in the get-ready...
            (1001.0 + 0.0, " "),  # ...and go on (paused time is not session time)
            (1007.0, "i"),  # the how-to of the bridge, 2 s into it
            (1008.0, "n"),  # skip the bridge
            (1008.5, "b"),  # back, within 2 s: to the bridge again
            (1010.0, "p"),  # pain in the bridge
            (1048.5, "enter"),  # the curl-ups (from 42.5 s), 6 s in: how many?
        ],
    )
    answers = Answers("", "3", "6", "7", "1", "left knee a bit stiff")
    code = plain.play_session(
        session, Config(), dirs_of_test(), ask=answers, wait_input=keys, sleep=clock.sleep
    )
    assert code == 0
    assert answers.prompts == [
        SAFETY_PROMPT,
        PAIN_BEFORE,
        "Reps done (Enter: 8): ",
        RPE,
        PAIN_AFTER,
        NOTE,
    ]
    out = said["out"]
    assert out[: len(notice_lines())] == notice_lines()
    body = out[len(notice_lines()) :]
    assert body[0] == KEY_HELP
    assert body[1:4] == [
        "Plain check: ~1:03",
        "Prepare 5 s, first: Glute bridge",
        "Paused. Space goes on.",
    ]
    assert "Going on." in body
    how_to = body.index("How to: Glute bridge")
    assert body[how_to : how_to + 4] == [
        "How to: Glute bridge",
        "1. Lie on your back, knees bent.",
        "Cue: Ribs down",
        "Caution: Stop on sharp pain.",
    ]
    skipped = body.index("Skipped.")
    assert body[skipped : skipped + 4] == [
        "Skipped.",
        "Rest 5 s, next: Bird dog",
        "Back.",
        "Work: Glute bridge, 20 s",
    ]
    assert "Pain noted in the log. Ease off, or skip (n) if it hurts." in body
    assert "Work: Bird dog, 2 reps, 2 kg, 4 s" in body
    assert [line for line in body if line.startswith("Rep ")] == ["Rep 1 of 2", "Rep 2 of 2"]
    assert "Work: Curl up, 8 reps, open set: press Enter when done" in body
    assert body[-3].startswith("Session complete: ")
    assert body[-2] == (
        "Logged as completed: 3 of 3 sets done, 0:49 active, 77% of the planned time."
    )  # the skipped bridge was done again; 48.5 s of the 63 s planned (an open set is quick)
    assert body[-1] == "Saved."

    uuid = session.log.uuid
    session.close()
    assert uuid is not None
    assert load_config(dirs_of_test().config_file).session.safety_acknowledged
    with HistoryStore(log_path()) as store:
        detail = store.get_session(uuid)
    record = detail.session
    assert (record.pain_before, record.rpe, record.pain_after) == (3, 7, 1)
    assert record.notes == "left knee a bit stiff"
    assert record.status == "completed"
    by_name = [(s.exercise_name, s.skipped, s.pain_flag, s.reps_done) for s in detail.sets]
    assert by_name == [
        ("Glute bridge", True, False, None),
        ("Glute bridge", False, True, None),
        ("Bird dog", False, False, 2),
        ("Curl up", False, False, 6),
    ]
    assert detail.sets[-1].actual_seconds == pytest.approx(6.0)


def test_declining_the_safety_notice_starts_nothing(
    entry: LibraryEntry, said: dict[str, list[str]]
) -> None:
    session = plain_session(entry, FakeClock())
    clock = FakeClock()
    code = plain.play_session(
        session, Config(), dirs_of_test(), ask=Answers("q"), wait_input=Keys(clock, []),
        sleep=clock.sleep,
    )  # fmt: skip
    session.close()
    assert code == 0
    assert said["out"][-1] == "Not started."
    assert not session.player.started
    assert not load_config(dirs_of_test().config_file).session.safety_acknowledged


def test_without_a_terminal_the_notice_goes_to_stderr_once(
    entry: LibraryEntry, said: dict[str, list[str]]
) -> None:
    for run in range(2):
        clock = FakeClock(1000.0)
        session = plain_session(entry, clock)
        config = load_config(dirs_of_test().config_file)
        assert plain.check_safety(config, dirs_of_test(), None)
        session.close()
        if run == 0:
            assert said["err"][0] == "Before you start"
            printed = len(said["err"])
    assert len(said["err"]) == printed  # not again
    assert said["out"] == []
    saved = load_config(dirs_of_test().config_file).session
    assert (saved.safety_notice_printed, saved.safety_acknowledged) == (True, False)


def test_no_terminal_open_sets_log_the_planned_reps(
    entry: LibraryEntry, said: dict[str, list[str]]
) -> None:
    clock = FakeClock(1000.0)
    session = plain_session(entry, clock)
    config = Config(session=SessionSettings(safety_acknowledged=True))
    code = plain.play_session(
        session, config, dirs_of_test(), ask=None, wait_input=None, sleep=clock.sleep
    )
    assert code == 0
    assert session.log.memory.sets[-1].reps_done == 8
    assert said["out"][-1].startswith("Logged as completed: 3 of 3 sets done")
    session.close()
