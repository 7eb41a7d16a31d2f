"""The CSV export's columns: the header of each session and set field, for export and import."""

from __future__ import annotations

SESSION_CSV: tuple[tuple[str, str], ...] = (
    ("Session ID", "uuid"),
    ("Workout Name", "routine_name"),
    ("Routine Path", "routine_path"),
    ("Routine Hash", "content_hash"),
    ("Status", "status"),
    ("Started (UTC)", "started_at"),
    ("Ended (UTC)", "ended_at"),
    ("Updated (UTC)", "updated_at"),
    ("Workout Planned (s)", "planned_seconds"),
    ("Workout Active (s)", "active_seconds"),
    ("RPE", "rpe"),
    ("Pain Before", "pain_before"),
    ("Pain After", "pain_after"),
    ("Notes", "notes"),
    ("Resume Segment", "resume_segment"),
    ("Resume Offset (s)", "resume_offset"),
)
"""The CSV columns of a session's fields: (header, field)."""

SET_CSV: tuple[tuple[str, str], ...] = (
    ("Segment", "segment"),
    ("Exercise ID", "exercise_id"),
    ("Exercise Name", "exercise_name"),
    ("Category", "category"),
    ("Pattern", "pattern"),
    ("Side", "side"),
    ("Block", "block"),
    ("Block Name", "block_name"),
    ("Round", "round"),
    ("Set", "set"),
    ("Planned (s)", "planned_seconds"),
    ("Duration (s)", "actual_seconds"),
    ("Reps Planned", "reps_planned"),
    ("Reps", "reps_done"),
    ("Load", "load"),
    ("Skipped", "skipped"),
    ("Pain Flag", "pain_flag"),
    ("Set Started (UTC)", "started_at"),
)
"""The CSV columns of a set's fields: (header, field)."""
