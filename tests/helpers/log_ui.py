"""Hand-made session logs with fixed times, for the screen tests and snapshots."""

from __future__ import annotations

import hashlib
import random
import uuid as uuid_module
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from matwork.core.kinds import SessionStatus
from matwork.core.results import SetResult
from matwork.store.writer import HistoryStore, SessionDetail, SessionRecord

TZ = UTC
"""Every test shows times in UTC, so snapshots do not depend on the machine."""

NOW = datetime(2026, 3, 5, 18, 0, tzinfo=UTC).timestamp()
"""Thursday 2026-03-05 18:00 UTC: 'now' for every screen under test."""

DAY = 86400.0


def session_uuid(number: int) -> str:
    """A fixed uuid per number, sorting like the number."""
    return str(uuid_module.UUID(int=number + (1 << 64), version=4))


def make_set(
    segment: int,
    name: str,
    *,
    started_at: float,
    category: str = "pilates",
    pattern: str = "anti-extension",
    planned: float = 45.0,
    actual: float | None = None,
    skipped: bool = False,
    pain_flag: bool = False,
    side: str | None = None,
    reps: tuple[int | None, int | None] = (None, None),
) -> SetResult:
    """One set of a hand-made session."""
    return SetResult(
        segment=segment,
        exercise_id=name.lower().replace(" ", "-"),
        exercise_name=name,
        category=category,
        pattern=pattern,
        side=side,
        block=0,
        block_name="Main",
        round=1,
        set=1,
        planned_seconds=planned,
        actual_seconds=planned if actual is None else actual,
        reps_planned=reps[0],
        reps_done=reps[1],
        load=None,
        skipped=skipped,
        pain_flag=pain_flag,
        started_at=started_at + segment * 60,
    )


def make_session(
    number: int,
    *,
    started_at: float,
    routine: str = "Desk reset",
    status: str = "completed",
    planned: float = 900.0,
    active: float = 900.0,
    rpe: int | None = None,
    pain_before: int | None = None,
    pain_after: int | None = None,
    notes: str = "",
    resume_segment: int = 0,
    sets: Sequence[SetResult] = (),
) -> SessionDetail:
    """A session with fixed times, ready for ``import_sessions``."""
    record = SessionRecord(
        uuid=session_uuid(number),
        routine_name=routine,
        routine_path=f"/routines/{routine.lower().replace(' ', '-')}.toml",
        content_hash=hashlib.sha256(routine.encode()).hexdigest(),
        started_at=started_at,
        ended_at=started_at + active + 30,
        updated_at=started_at + active + 30,
        planned_seconds=planned,
        active_seconds=active,
        status=SessionStatus(status),
        rpe=rpe,
        pain_before=pain_before,
        pain_after=pain_after,
        notes=notes,
        resume_segment=resume_segment,
        resume_offset=0.0,
    )
    return SessionDetail(session=record, sets=list(sets))


def write_log(folder: Path, details: Sequence[SessionDetail]) -> Path:
    """A session log in ``folder`` holding ``details``; returns the database path."""
    with HistoryStore(folder / "history.sqlite3") as store:
        store.import_sessions(details)
        return store.path


def stopped_session(number: int = 1) -> SessionDetail:
    """The summary's example: 'Core basics' stopped after 8 of 10 sets, two pain flags."""
    start = NOW - 3600
    names = ["Dead bug", "Bird dog", "Side plank", "Glute bridge", "Cat cow"]
    sets = []
    for segment in range(8):
        name = names[segment % len(names)]
        sets.append(
            make_set(
                segment,
                name,
                started_at=start,
                side=("left", "right")[segment % 2] if name == "Side plank" else None,
                skipped=segment in (3, 6),
                actual=10.0 if segment in (3, 6) else 45.0,
                pain_flag=segment in (1, 7),
            )
        )
    return make_session(
        number,
        started_at=start,
        routine="Core basics",
        status="stopped",
        planned=1200.0,
        active=900.0,
        pain_before=4,
        sets=sets,
    )


ROUTINES: tuple[tuple[str, str, str], ...] = (
    ("Desk reset", "mobility", "stretch"),
    ("Core basics", "pilates", "anti-extension"),
    ("Back strength", "strength", "trunk-extension"),
    ("Fascia flow", "fascia", "elastic"),
    ("Breathe", "breathing", "breathing"),
)


def history_log(
    count: int, *, seed: int = 7, every: float = DAY, sets: int = 4
) -> list[SessionDetail]:
    """``count`` varied sessions, newest NOW - 2 h, one every ``every`` seconds back."""
    rng = random.Random(seed)
    details = []
    for number in range(count):
        routine, category, pattern = ROUTINES[number % len(ROUTINES)]
        start = NOW - 7200 - number * every - rng.randrange(0, 3600)
        if rng.random() < 0.25:
            start -= DAY  # some days off
        status = rng.choices(["completed", "stopped", "interrupted"], [80, 15, 5])[0]
        planned = float(rng.choice([600, 900, 1200, 1800]))
        active = planned if status == "completed" else round(planned * rng.uniform(0.3, 0.9))
        rated = rng.random() < 0.6
        session_sets = [
            make_set(
                segment,
                f"{routine} move {segment + 1}",
                started_at=start,
                category=category if segment % 3 else "mobility",
                pattern=pattern,
                planned=60.0,
                actual=60.0 if segment % 5 else 30.0,
                skipped=segment % 5 == 4,
                pain_flag=rng.random() < 0.05,
                side=("left", "right", None)[segment % 3],
                reps=(10, 9) if segment % 2 else (None, None),
            )
            for segment in range(sets)
        ]
        details.append(
            make_session(
                number,
                started_at=round(start, 3),
                routine=routine,
                status=SessionStatus(status),
                planned=planned,
                active=active,
                rpe=rng.randint(3, 8) if rated else None,
                pain_before=rng.randint(2, 6) if rated else None,
                pain_after=rng.randint(0, 4) if rated else None,
                sets=session_sets,
            )
        )
    return details
