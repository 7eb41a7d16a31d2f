"""The session log's tables: version 1's DDL and the scripts that migrate it forward."""

from __future__ import annotations

SCHEMA_V1 = """
CREATE TABLE sessions (
    uuid TEXT PRIMARY KEY NOT NULL,
    routine_name TEXT NOT NULL,
    routine_path TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    started_at REAL NOT NULL,
    ended_at REAL,
    updated_at REAL NOT NULL,
    planned_seconds REAL NOT NULL,
    active_seconds REAL NOT NULL DEFAULT 0,
    status TEXT NOT NULL
        CHECK (status IN ('running', 'completed', 'stopped', 'interrupted')),
    rpe INTEGER CHECK (rpe BETWEEN 0 AND 10),
    resume_segment INTEGER NOT NULL DEFAULT 0,
    resume_offset REAL NOT NULL DEFAULT 0,
    writer_pid INTEGER,
    writer_marker TEXT
);
CREATE TABLE sets (
    id INTEGER PRIMARY KEY,
    session_uuid TEXT NOT NULL REFERENCES sessions(uuid) ON DELETE CASCADE,
    segment INTEGER NOT NULL,
    exercise_id TEXT NOT NULL,
    exercise_name TEXT NOT NULL,
    category TEXT NOT NULL,
    pattern TEXT NOT NULL,
    side TEXT,
    block INTEGER NOT NULL,
    block_name TEXT NOT NULL,
    round INTEGER NOT NULL,
    set_number INTEGER NOT NULL,
    planned_seconds REAL NOT NULL,
    actual_seconds REAL NOT NULL,
    reps_planned INTEGER,
    reps_done INTEGER,
    load TEXT,
    skipped INTEGER NOT NULL,
    started_at REAL NOT NULL
);
CREATE INDEX sets_by_session ON sets (session_uuid, segment);
"""
"""The first schema, exactly as version 1 shipped it (tests build v1 files from it)."""

MIGRATION_V2 = """
ALTER TABLE sessions ADD COLUMN pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10);
ALTER TABLE sessions ADD COLUMN pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10);
ALTER TABLE sessions ADD COLUMN notes TEXT NOT NULL DEFAULT '';
ALTER TABLE sets ADD COLUMN pain_flag INTEGER NOT NULL DEFAULT 0;
CREATE INDEX sessions_by_start ON sessions (started_at, uuid);
CREATE INDEX sessions_by_routine ON sessions (routine_name, started_at);
CREATE INDEX sessions_by_hash ON sessions (content_hash, updated_at);
CREATE INDEX sessions_by_path ON sessions (routine_path, updated_at);
"""
"""Version 1 -> 2: pain ratings, notes, the set pain flag, and query indexes."""

MIGRATION_V3 = """
CREATE TABLE programme_runs (
    id INTEGER PRIMARY KEY,
    programme_path TEXT NOT NULL,
    programme_name TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    start_date TEXT NOT NULL,
    started_at REAL NOT NULL,
    stopped_at REAL
);
CREATE UNIQUE INDEX programme_runs_one_active ON programme_runs ((stopped_at IS NULL))
    WHERE stopped_at IS NULL;
CREATE TABLE programme_sessions (
    session_uuid TEXT PRIMARY KEY NOT NULL REFERENCES sessions(uuid) ON DELETE CASCADE,
    run_id INTEGER NOT NULL REFERENCES programme_runs(id) ON DELETE CASCADE,
    local_date TEXT NOT NULL,
    week INTEGER NOT NULL CHECK (week >= 1),
    slot TEXT NOT NULL,
    number INTEGER NOT NULL,
    planned TEXT NOT NULL DEFAULT '{}',
    recorded_at REAL NOT NULL
);
CREATE INDEX programme_sessions_by_run ON programme_sessions (run_id, local_date);
CREATE TABLE checkins (
    id INTEGER PRIMARY KEY,
    local_date TEXT NOT NULL,
    taken_at REAL NOT NULL,
    pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
    compared TEXT NOT NULL CHECK (compared IN ('better', 'same', 'worse')),
    session_uuid TEXT REFERENCES sessions(uuid) ON DELETE SET NULL
);
CREATE INDEX checkins_by_date ON checkins (local_date, taken_at);
"""
"""Version 2 -> 3: programme runs, the sessions played against them, morning check-ins."""

MIGRATION_V4 = """
CREATE TABLE break_events (
    id INTEGER PRIMARY KEY,
    reminder_uuid TEXT NOT NULL,
    at REAL NOT NULL,
    outcome TEXT NOT NULL
        CHECK (outcome IN ('shown', 'started', 'snoozed', 'skipped', 'completed')),
    routine TEXT NOT NULL,
    routine_path TEXT NOT NULL DEFAULT '',
    backend TEXT NOT NULL DEFAULT '',
    session_uuid TEXT
);
CREATE INDEX break_events_by_time ON break_events (at);
CREATE INDEX break_events_by_reminder ON break_events (reminder_uuid, at);
"""
"""Version 3 -> 4: one row per desk-break reminder outcome (see ``break_log``)."""

MIGRATION_V5 = """
CREATE TABLE test_results (
    id INTEGER PRIMARY KEY,
    session_uuid TEXT NOT NULL REFERENCES sessions(uuid) ON DELETE CASCADE,
    segment INTEGER NOT NULL,
    test TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('hold', 'measure')),
    side TEXT CHECK (side IN ('left', 'right')),
    value REAL NOT NULL,
    unit TEXT NOT NULL,
    answer TEXT CHECK (answer IN ('number', 'yes-no', 'score')),
    at_ceiling INTEGER NOT NULL DEFAULT 0 CHECK (at_ceiling IN (0, 1)),
    ceiling REAL,
    started_at REAL NOT NULL
);
CREATE INDEX test_results_by_session ON test_results (session_uuid, segment);
CREATE INDEX test_results_by_test ON test_results (test, side, started_at);
CREATE TABLE assessments (
    id INTEGER PRIMARY KEY,
    session_uuid TEXT REFERENCES sessions(uuid) ON DELETE SET NULL,
    source TEXT NOT NULL CHECK (source IN ('run', 'record')),
    source_path TEXT NOT NULL DEFAULT '',
    recorded_at REAL NOT NULL,
    measured_on TEXT NOT NULL,
    results TEXT NOT NULL
);
CREATE INDEX assessments_by_time ON assessments (measured_on, recorded_at, id);
CREATE TABLE red_flag_checks (
    id INTEGER PRIMARY KEY,
    taken_at REAL NOT NULL,
    reason TEXT NOT NULL,
    answers TEXT NOT NULL,
    open_groups TEXT NOT NULL DEFAULT '',
    most_urgent TEXT,
    session_uuid TEXT REFERENCES sessions(uuid) ON DELETE SET NULL
);
CREATE INDEX red_flag_checks_by_time ON red_flag_checks (taken_at, id);
"""
"""Version 4 -> 5: test-set results per test and side, assessments, red-flag checks."""

MIGRATIONS: dict[int, str] = {
    2: MIGRATION_V2,
    3: MIGRATION_V3,
    4: MIGRATION_V4,
    5: MIGRATION_V5,
}
"""Forward migrations: the script that brings version ``n - 1`` to version ``n``."""
