"""Six weeks of a programme on a fake clock, driven through the app layer.

Three sessions a week: each day ``today_plan`` gives the session with its doses, the
session is built by ``session.build_session`` with Today's options and played by the
Player on a fake clock into the real SQLite log, the options' hook
(``record_programme_session``) logs it against the programme, the RPE and pain are saved, and the next morning's check-in is stored.
The script below sets RPE, pain, a skipped set and two pain flags; the doses after
each week match the table worked out by hand beside it.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from matwork.app.config import Config
from matwork.app.programme_play import today_options
from matwork.app.programme_today import (
    TodayPlan,
    add_checkin,
    start_programme,
    today_plan,
)
from matwork.app.programmes import check_programme, routine_library
from matwork.app.session import PlayOptions, build_session
from matwork.app.session_log import SessionLog
from matwork.core.clock import FakeClock
from matwork.core.cues import SilentSink
from matwork.core.progression import Compared, DecisionKind
from matwork.core.progression_rules import DoseState, Side
from matwork.store.programme_log import ProgrammeLog
from matwork.store.writer import HistoryStore

from helpers.paths import test_paths
from helpers.store import log_path

START = date(2025, 3, 3)  # a Monday
L, R = Side.LEFT, Side.RIGHT

ROUTINE = """
name = "Simulated routine"

[defaults]
prepare = 0
rest = 2
switch = 1
round_rest = 0
block_rest = 0
countdown = 0

[[block]]

[[block.exercise]]
id = "side-plank"
work = 20
sets = 2
sides = "both"

[[block.exercise]]
id = "glute-bridge"
reps = 8
tempo = "1-0-1-0"

[[block.exercise]]
id = "mcgill-curl-up"
reps = 3
tempo = "1-1-1-8"

[[block.exercise]]
id = "dead-bug"
reps = 6
tempo = "1-0-1-0"
"""

PROGRAMME = """
programme = 1
name = "Simulated"

[deload]
pain_rise = 1.0
volume = 0.8
drop_set = true

[progression.side-plank]
hold = { from = 20, to = 40, step = 5 }
sets = 2

[progression.glute-bridge]
reps = { from = 8, to = 10 }
then = "load"
loads = ["no load", "5 kg", "10 kg"]

[progression.mcgill-curl-up]
pyramid = { hold = 8, from = 3, to = 5, drop = 2 }

[progression.dead-bug]
reps = { from = 6, to = 8 }
variations = ["toe-taps", "dead-bug"]

[[phase]]
name = "Six weeks"
weeks = 6

[[phase.session]]
key = "main"
kind = "strength"
routine = "sim-routine.toml"
per_week = 3
days = ["mon", "wed", "fri"]
"""

# (RPE, pain before, pain after, next morning's check-in or None, what happens).
SCRIPT: list[tuple[int, int, int, tuple[int, str] | None, tuple[str, ...]]] = [
    (7, 2, 2, (1, "better"), ()),  # S1  week 1: all up
    (7, 2, 2, (2, "same"), ()),  # S2  all up
    (7, 2, 2, (2, "same"), ()),  # S3  bridge to 5 kg, curl and dead bug at the top
    (9, 2, 2, (1, "better"), ()),  # S4  week 2: RPE 9, all hold
    (7, 2, 7, (3, "worse"), ()),  # S5  pain 7: all step back
    (6, 2, 2, None, ()),  # S6  no check-in: all hold
    (7, 3, 3, (3, "same"), ("skip", "side-plank", "right", "2")),  # S7  week 3
    (7, 3, 3, (3, "same"), ()),  # S8
    (7, 3, 3, (3, "same"), ()),  # S9  morning pain 2.0 -> 3.0: week 4 deloads
    (7, 2, 2, (1, "better"), ()),  # S10 week 4, deload: hold
    (7, 2, 2, (1, "better"), ("flag", "dead-bug")),  # S11 flagged once: hold
    (7, 2, 2, (1, "better"), ("flag", "dead-bug")),  # S12 twice in a row: toe taps
    (7, 2, 2, (1, "same"), ()),  # S13 week 5: toe taps at the top -> dead bug
    (7, 2, 2, (1, "same"), ()),  # S14
    (8, 2, 2, (1, "same"), ()),  # S15 RPE 8 still progresses
    (7, 1, 4, (2, "worse"), ()),  # S16 week 6: worse next morning: step back
    (7, 2, 2, (2, "same"), ()),  # S17
    (9, 2, 2, (2, "same"), ()),  # S18 RPE 9: hold
]

# After sessions 3, 6, 9, 12, 15 and 18, worked out by hand from the rules:
# plank left, plank right, bridge (reps, load), curl-up (first set, sets), dead bug.
EXPECTED = {
    3: (
        DoseState("side-plank", 35, 2),
        DoseState("side-plank", 35, 2),
        (8, 1),
        (5, None),
        ("dead-bug", 8),
    ),
    6: (
        DoseState("side-plank", 28, 2),
        DoseState("side-plank", 28, 2),
        (8, 1),
        (5, 2),
        ("dead-bug", 6),
    ),
    9: (
        DoseState("side-plank", 40, 2),
        DoseState("side-plank", 38, 2),
        (8, 2),
        (5, None),
        ("dead-bug", 8),
    ),
    12: (
        DoseState("side-plank", 40, 2),
        DoseState("side-plank", 38, 2),
        (8, 2),
        (5, None),
        ("toe-taps", 8),
    ),
    15: (
        DoseState("side-plank", 40, 2),
        DoseState("side-plank", 40, 2),
        (10, 2),
        (5, None),
        ("dead-bug", 8),
    ),
    18: (
        DoseState("side-plank", 37, 2),
        DoseState("side-plank", 37, 2),
        (9, 2),
        (5, None),
        ("dead-bug", 7),
    ),
}
FINAL_DOSES = {
    ("side-plank", L): "2 × 37 s",
    ("side-plank", R): "2 × 37 s",
    ("glute-bridge", None): "9 reps, 10 kg",
    ("mcgill-curl-up", None): "5-3-1 × 8 s",
    ("dead-bug", None): "7 reps",
}


def session_days() -> list[date]:
    return [
        START + timedelta(days=7 * week + weekday) for week in range(6) for weekday in (0, 2, 4)
    ]


def stamp(day: date, hour: int = 18) -> float:
    return datetime.combine(day, time(hour)).timestamp()


def play(store: HistoryStore, plan: TodayPlan, day: date, actions: tuple[str, ...]) -> str:
    """Play today's session to its end on a fake clock; returns its uuid."""
    assert plan.session is not None
    clock = FakeClock()
    session = build_session(
        plan.session.entry,
        Config(),
        test_paths(),
        # As Today plays it: the hook logs the session against the programme.
        today_options(plan, plan.session, PlayOptions(sound=False), wall=lambda: stamp(day)),
        clock=clock,
        cues=SilentSink(),
        log=SessionLog(store),
        wall=lambda: stamp(day) + clock.now(),
    )
    player = session.player
    player.start()
    assert session.log.uuid is not None
    assert ProgrammeLog(store).recorded(session.log.uuid)
    done = False
    while not player.finished:
        segment = player.current()
        if not done and segment is not None and segment.kind == "work" and actions:
            kind, exercise, *where = actions
            here = segment.exercise.id in (
                exercise,
                "toe-taps" if exercise == "dead-bug" else exercise,
            )
            if here and (not where or (segment.side, str(segment.set)) == (where[0], where[1])):
                if kind == "skip":
                    player.skip()
                else:
                    assert player.flag_pain()
                done = True
                continue
        instant = player.next_cue_at()
        assert instant is not None
        clock.set(instant)
        player.poll()
    assert not actions or done, f"{actions} never happened"
    return session.log.uuid


def state_table(plan: TodayPlan):
    progress = plan.progress
    bridge = progress.state("glute-bridge", None)
    curl = progress.state("mcgill-curl-up", None)
    bug = progress.state("dead-bug", None)
    return (
        progress.state("side-plank", L),
        progress.state("side-plank", R),
        (bridge.amount, bridge.load),
        (curl.amount, curl.sets),
        (bug.variation, bug.amount),
    )


@pytest.mark.slow
def test_six_weeks_three_sessions_a_week_end_at_the_hand_computed_doses(tmp_path: Path) -> None:
    (tmp_path / "sim-routine.toml").write_text(ROUTINE, encoding="utf-8")
    programme_file = tmp_path / "simulated.toml"
    programme_file.write_text(PROGRAMME, encoding="utf-8")
    entry = check_programme(programme_file, routine_library(test_paths()))
    assert entry.ok, entry.error
    seen: dict[int, tuple[object, ...]] = {}
    with HistoryStore(log_path()) as store:
        start_programme(store, entry, START, stamp(START, 7))
        for number, (day, (rpe, before, after, morning, actions)) in enumerate(
            zip(session_days(), SCRIPT, strict=True), start=1
        ):
            plan = today_plan(store, day, test_paths())
            assert plan is not None
            assert plan.session is not None
            slot = plan.session.slot
            assert (plan.today.week, slot.number, slot.of) == (
                (number - 1) // 3 + 1,
                (number - 1) % 3 + 1,
                3,
            )
            if number - 1 in EXPECTED:
                seen[number - 1] = state_table(plan)
            if number == 2:
                reasons = [d.reason for d in plan.progress.last_decisions()]
                assert (
                    "Side plank (left) +5 s: all sets at the top, RPE 7, pain 2 → 1 by the next morning"
                    in reasons
                )
            if 10 <= number <= 12:
                assert (
                    plan.progress.deload
                    == "morning pain averaged 3.0 last week against 2.0 the week before"
                )
                doses = {(key, side): dose.text for key, side, dose in plan.doses()}
                assert doses[("side-plank", L)] == "1 × 32 s"
                assert doses[("side-plank", R)] == "1 × 30 s"
                assert doses[("mcgill-curl-up", None)] == "4 × 8 s"
            else:
                assert plan.progress.deload == ""
            uuid = play(store, plan, day, actions)
            store.annotate(uuid, rpe=rpe, pain_before=before, pain_after=after)
            if morning is not None:
                add_checkin(
                    store, morning[0], Compared(morning[1]), day + timedelta(days=1), stamp(day, 7)
                )
        final = today_plan(store, START + timedelta(days=7 * 5 + 5), test_paths())
        assert final is not None
        assert final.session is None
        seen[18] = state_table(final)
        doses = {(key, side): final.progress.dose(key, side).text for key, side in FINAL_DOSES}
        kinds = [d.kind for d in final.progress.decisions if d.key == "dead-bug"]
    assert seen == EXPECTED
    assert doses == FINAL_DOSES
    assert kinds.count(DecisionKind.SWAP) == 1
