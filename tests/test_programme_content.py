"""Tests of the shipped programmes, the guidance they follow, and the emphasis recipes.

Every week of every shipped programme is laid out, at its starting doses and with
every progression rule at the top of its range, and checked against the guidance in
src/matwork/data/guidance.toml: trunk flexion against extension and left against
right in balance; held stretches of 10-30 s, 2-4 times, 60-120 s per stretch and side;
strength on at least two days; fascia work once or twice; stretching on at least two
days; desk breaks on every workday when the programme has them. Desk breaks are
movement breaks against sitting, not flexibility sessions, so the stretch dosage is
not asked of them.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from matwork.app.programmes import programme_exercises, resolve_session, routine_library
from matwork.core import vocab
from matwork.core.catalog import builtin_catalog
from matwork.core.guidance import guidance
from matwork.core.kinds import Side
from matwork.core.programme import load_programme
from matwork.core.programme_apply import applied_timeline, apply_doses
from matwork.core.programme_builder import EMPHASIS_IDS, recipes
from matwork.core.programme_model import STRENGTH_KINDS, Programme
from matwork.core.programme_plan import Slot, week_slots
from matwork.core.progression import PAIN_LIMIT, RPE_LIMIT, run_engine
from matwork.core.progression_rules import STEP_BACK_SHARE, Dose
from matwork.core.timeline import Timeline

from helpers.paths import test_paths

ROOT = Path(__file__).resolve().parents[1]
PROGRAMME_PATHS = sorted((ROOT / "programmes").glob("*.toml"))
GUIDE = guidance()
STRETCHES = frozenset(GUIDE["stretch-hold"].applies_to)
SAFETY_TEXT = (
    "Check with a doctor or physio first if you have back pain; "
    "stop on sharp, shooting or radiating pain."
)
WORKDAYS = ("mon", "tue", "wed", "thu", "fri")
LIBRARY = routine_library(test_paths())
LEVELS = ("start", "top")
START = date(2025, 3, 3)


def _dose_of(programme: Programme, level: str):
    progress = run_engine(programme, programme_exercises(LIBRARY), [], [], START, START)
    if level == "start":
        return progress.dose

    def top(key: str, side: Side | None) -> Dose:
        ladder = progress.ladders[key]
        state = ladder.initial()
        while (step := ladder.successor(state)) is not None:
            state = step[0]
        return ladder.dose(state, side)

    return top


def week_plan(path: Path, week: int, level: str) -> list[tuple[Slot, Timeline]]:
    """Each planned session of the week with the timeline it plays at ``level``."""
    programme = load_programme(path)
    dose_of = _dose_of(programme, level)
    planned = []
    for slot in week_slots(programme, START, week):
        entry = resolve_session(slot.session, path, LIBRARY)
        assert entry.routine is not None, entry.error
        extras = [extra for extra in programme.extra if slot.key in extra.sessions]
        applied = apply_doses(entry.routine, set(programme.progression), dose_of, extras)
        for _ in range(slot.session.per_day if slot.desk else 1):
            planned.append((slot, applied_timeline(applied)))
    return planned


def weeks_and_levels() -> list[tuple[Path, int, str]]:
    return [
        (path, week, level)
        for path in PROGRAMME_PATHS
        for week in range(1, load_programme(path).weeks + 1)
        for level in LEVELS
    ]


CASES = weeks_and_levels()
IDS = [f"{path.stem}-week{week}-{level}" for path, week, level in CASES]


def test_three_programmes_are_shipped() -> None:
    assert [path.stem for path in PROGRAMME_PATHS] == [
        "back-reconditioning",
        "desk-worker",
        "pilates-deep-core",
    ]
    assert load_programme(ROOT / "programmes" / "back-reconditioning.toml").weeks == 6


@pytest.mark.parametrize("path", PROGRAMME_PATHS, ids=lambda path: path.stem)
def test_programme_says_whom_it_is_for_and_the_safety_sentence(path: Path) -> None:
    programme = load_programme(path)
    assert "for " in programme.description.lower()
    assert SAFETY_TEXT in programme.description
    assert programme.author == "matwork"
    assert path.read_text().startswith("#:schema ../schema/programme.schema.json\n")


@pytest.mark.parametrize(("path", "week", "level"), CASES, ids=IDS)
def test_the_trunk_is_trained_front_and_back_in_balance(path: Path, week: int, level: str) -> None:
    flexion = extension = 0.0
    for _slot, timeline in week_plan(path, week, level):
        for segment in timeline.work_segments():
            pattern = segment.exercise.entry.pattern
            if pattern in vocab.TRUNK_FLEXION_SIDE:
                flexion += segment.duration
            elif pattern in vocab.TRUNK_EXTENSION_SIDE:
                extension += segment.duration
    assert flexion > 0
    assert extension > 0
    ratio = max(flexion, extension) / min(flexion, extension)
    limit = GUIDE["trunk-balance"].max
    assert limit is not None
    assert ratio <= limit, f"flexion {flexion:.0f} s against extension {extension:.0f} s"


@pytest.mark.parametrize(("path", "week", "level"), CASES, ids=IDS)
def test_left_and_right_get_the_same_work(path: Path, week: int, level: str) -> None:
    sides: dict[str, float] = defaultdict(float)
    for _slot, timeline in week_plan(path, week, level):
        for segment in timeline.work_segments():
            if segment.side in ("left", "right"):
                sides[segment.side] += segment.duration
    limit = GUIDE["side-balance"].max
    assert limit is not None
    assert sides["left"] > 0
    assert max(sides.values()) / min(sides.values()) <= limit, dict(sides)


@pytest.mark.parametrize(("path", "week", "level"), CASES, ids=IDS)
def test_held_stretches_follow_the_acsm_dosage(path: Path, week: int, level: str) -> None:
    hold, reps, total = GUIDE["stretch-hold"], GUIDE["stretch-reps"], GUIDE["stretch-seconds"]
    stretch_days = set()
    for slot, timeline in week_plan(path, week, level):
        if slot.desk:
            continue
        held: dict[tuple[str, str | None], list[float]] = defaultdict(list)
        for segment in timeline.work_segments():
            if segment.exercise.id in STRETCHES:
                held[(segment.exercise.id, segment.side)].append(segment.duration)
        if held:
            stretch_days.add(slot.day)
        for (exercise, side), holds in held.items():
            where = f"{slot.key} on {slot.day}: {exercise} {side or ''}"
            assert all(hold.min <= one <= hold.max for one in holds), f"{where}: holds {holds}"
            assert reps.min <= len(holds) <= reps.max, f"{where}: {len(holds)} holds"
            assert total.min <= sum(holds) <= total.max, f"{where}: {sum(holds)} s"
    days = GUIDE["stretch-days"].min
    assert days is not None
    assert len(stretch_days) >= days


@pytest.mark.parametrize(("path", "week", "level"), CASES[::2], ids=IDS[::2])
def test_strength_twice_and_fascia_once_or_twice_a_week(path: Path, week: int, level: str) -> None:
    planned = week_plan(path, week, level)
    strength_days = {slot.day for slot, _ in planned if slot.session.kind in STRENGTH_KINDS}
    fascia = [slot for slot, _ in planned if slot.session.kind == "fascia"]
    assert len(strength_days) >= (GUIDE["strength-days"].min or 0)
    low, high = GUIDE["fascia-sessions"].min, GUIDE["fascia-sessions"].max
    assert low is not None
    assert high is not None
    assert low <= len(fascia) <= high


@pytest.mark.parametrize(("path", "week", "level"), CASES[::2], ids=IDS[::2])
def test_desk_breaks_come_every_workday(path: Path, week: int, level: str) -> None:
    planned = week_plan(path, week, level)
    desk_days = [slot.day.strftime("%a").lower() for slot, _ in planned if slot.desk]
    if not desk_days:
        return
    for day in WORKDAYS:
        assert desk_days.count(day) >= (GUIDE["desk-breaks"].min or 0), day


def test_the_balance_check_can_fail() -> None:
    """A week of only curl-ups (flexion) against one bird dog must be out of balance."""
    path = ROOT / "programmes" / "back-reconditioning.toml"
    flexion = extension = 0.0
    for _slot, timeline in week_plan(path, 1, "top"):
        for segment in timeline.work_segments():
            if segment.exercise.id == "mcgill-curl-up":
                flexion += 3 * segment.duration
            elif segment.exercise.entry.pattern in vocab.TRUNK_EXTENSION_SIDE:
                extension += segment.duration
    assert max(flexion, extension) / min(flexion, extension) > (GUIDE["trunk-balance"].max or 0)


# --- the guidance file ------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(GUIDE))
def test_every_guidance_number_has_its_source_and_says_what_it_does_not_mean(key: str) -> None:
    entry = GUIDE[key]
    assert len(entry.source) > 20
    assert entry.means.strip()
    assert entry.does_not_mean.strip()
    assert entry.unit
    if not entry.source.startswith("matwork's choice"):
        assert any(str(year) in entry.source for year in range(1990, 2030)), "cite the year"


def test_the_engine_decides_by_the_numbers_of_the_guidance() -> None:
    assert GUIDE["pain-during"].max == PAIN_LIMIT
    assert GUIDE["progress-rpe"].max == RPE_LIMIT
    assert GUIDE["step-back"].value == STEP_BACK_SHARE


def test_the_held_stretches_are_catalog_stretches() -> None:
    catalog = builtin_catalog()
    assert sorted(STRETCHES - set(catalog)) == []
    assert {catalog[exercise].pattern for exercise in STRETCHES} == {"stretch"}


# --- the emphasis recipes ----------------------------------------------------------------


def test_every_emphasis_has_a_recipe_with_a_catalog_exercise() -> None:
    book = recipes()
    assert sorted(book) == sorted(EMPHASIS_IDS)
    catalog = builtin_catalog()
    for emphasis, recipe in book.items():
        assert recipe.use.id in catalog, emphasis
        assert recipe.why.endswith("."), emphasis
        if emphasis.endswith(("-left", "-right")):
            assert recipe.extra_side == emphasis.rsplit("-", 1)[1]
            assert recipe.use.sides == "both"
        if recipe.use.id in STRETCHES:
            hold = recipe.rule.hold
            assert hold is not None
            assert hold.low * (recipe.rule.sets or 1) >= (GUIDE["stretch-seconds"].min or 0)
            assert hold.high <= (GUIDE["stretch-hold"].max or 0)
