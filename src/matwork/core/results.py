"""What the player reports about each work segment, for the session log."""

from __future__ import annotations

from typing import Protocol

import msgspec

from matwork.core.kinds import EndStatus, Side


class SetResult(msgspec.Struct, frozen=True):
    """The outcome of one work segment: done, partly done or skipped."""

    segment: int
    """Index of the work segment in the timeline."""
    exercise_id: str
    exercise_name: str
    category: str
    pattern: str
    side: Side | None
    """None for an unsided exercise."""
    block: int
    """0-based block index."""
    block_name: str
    round: int
    """1-based round number."""
    set: int
    """1-based set number."""
    planned_seconds: float
    actual_seconds: float
    reps_planned: int | None
    reps_done: int | None
    load: str | None
    skipped: bool
    pain_flag: bool
    started_at: float
    """Wall-clock start, seconds since the epoch (UTC)."""


class SessionInfo(msgspec.Struct, frozen=True):
    """What the log needs to know when a session starts."""

    routine_name: str
    routine_path: str
    content_hash: str
    """sha256 hex of the routine file's bytes."""
    planned_seconds: float


class ResultSink(Protocol):
    """Where the player sends results: the SQLite history, or a list in tests."""

    def session_started(self, info: SessionInfo) -> None:
        """A session begins (or resumes)."""

    def set_finished(self, result: SetResult) -> None:
        """A work segment ended, done or skipped; persist it before returning."""

    def session_ended(self, status: EndStatus, active_seconds: float) -> None:
        """The session ended, completed or stopped."""


class RecordingResults:
    """A result sink that keeps everything in memory, for tests and previews."""

    def __init__(self) -> None:
        self.info: SessionInfo | None = None
        self.sets: list[SetResult] = []
        self.ended: tuple[EndStatus, float] | None = None

    def session_started(self, info: SessionInfo) -> None:
        """Remember the session."""
        self.info = info

    def set_finished(self, result: SetResult) -> None:
        """Remember the set."""
        self.sets.append(result)

    def session_ended(self, status: EndStatus, active_seconds: float) -> None:
        """Remember how it ended."""
        self.ended = (status, active_seconds)
