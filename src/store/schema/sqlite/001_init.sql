-- 001_init.sql: the first carryover schema (SQLite).
--
-- Migrations are applied in file-name order on open, all pending ones in one
-- transaction, and PRAGMA user_version records the number of the last one.
-- A file is never edited once released: change the schema by adding
-- NNN_what.sql (docs/store.md says how).
--
-- Conventions of every table:
--   * `id INTEGER PRIMARY KEY` (a rowid alias), foreign keys named
--     <table>_id; the connection runs with foreign_keys=ON.
--   * A calendar day is TEXT 'YYYY-MM-DD', the athlete's local date; the
--     CHECK `date(x, '+0 days') IS x` rejects anything that is not a real
--     day (the modifier makes SQLite normalise 2027-02-30 to 2027-03-02).
--   * created_at is TEXT ISO 8601 UTC, set by the database.
--   * An unknown measurement is NULL, never 0.
--   * History (logged_*, niggles, tests, activities) is never rewritten by a
--     new plan (METHOD E4); deleting an athlete deletes everything of theirs.

-- Runners. A coach has many; a runner usually one. `name` is the key users
-- type (`--athlete NAME`) and the [athlete] name of the profile; it matches
-- without regard to (ASCII) case.
CREATE TABLE athletes (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Every distinct profile text an athlete has had, oldest first. A new row is
-- added only when the text changes (hash differs from the latest version),
-- so re-running a command with the same profile.ini adds nothing. The
-- latest version is the athlete's current profile.
CREATE TABLE profiles (
	id          INTEGER PRIMARY KEY,
	athlete_id  INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
	version     INTEGER NOT NULL CHECK (version >= 1),
	text        TEXT NOT NULL,
	hash        TEXT NOT NULL,  -- content hash of `text` (change detection)
	source_path TEXT,           -- the file it was read from, NULL if none
	created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	UNIQUE (athlete_id, version)
);

-- Store-wide state: exactly one row. current_athlete_id is the athlete that
-- commands without --athlete use: the last one whose profile was stored.
CREATE TABLE store_state (
	id                 INTEGER PRIMARY KEY CHECK (id = 1),
	current_athlete_id INTEGER REFERENCES athletes(id) ON DELETE SET NULL
);
INSERT INTO store_state (id, current_athlete_id) VALUES (1, NULL);

-- A generated plan. Each time the running calendar or the profile changes,
-- a new version is stored that governs the days from `from_date` on
-- (METHOD E4: changes ripple forward); the plan for a day is the highest
-- version whose from_date <= that day. `hash` identifies the inputs so an
-- unchanged plan is not stored twice.
CREATE TABLE plans (
	id         INTEGER PRIMARY KEY,
	athlete_id INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
	profile_id INTEGER REFERENCES profiles(id) ON DELETE SET NULL,
	version    INTEGER NOT NULL CHECK (version >= 1),
	hash       TEXT NOT NULL,
	from_date  TEXT NOT NULL CHECK (date(from_date, '+0 days') IS from_date),
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	UNIQUE (athlete_id, version),
	UNIQUE (id, athlete_id)  -- target of planned_sessions' composite key
);

-- The lifting sessions of a plan version, one per day at most. session_json
-- is the session object of the plan contract (DESIGN.md: focus, minutes,
-- why, strides, blocks). athlete_id repeats the plan's athlete (enforced by
-- the composite foreign key) so that "the athlete's sessions this week" is
-- one index range.
CREATE TABLE planned_sessions (
	id           INTEGER PRIMARY KEY,
	plan_id      INTEGER NOT NULL,
	athlete_id   INTEGER NOT NULL,
	date         TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
	focus        TEXT NOT NULL CHECK (focus IN ('posterior_chain', 'stability',
	             'maintenance', 'recovery', 'test')),
	minutes      INTEGER CHECK (minutes > 0),
	session_json TEXT NOT NULL CHECK (json_valid(session_json)),
	FOREIGN KEY (plan_id, athlete_id) REFERENCES plans(id, athlete_id)
		ON DELETE CASCADE,
	UNIQUE (plan_id, date)
);
CREATE INDEX planned_sessions_athlete_date ON planned_sessions (athlete_id, date);

-- A lifting session as done (METHOD D7): duration, session RPE (CR10,
-- 0-10, halves allowed), notes. planned_session_id links it to what was
-- prescribed, when it followed a plan.
CREATE TABLE logged_sessions (
	id                 INTEGER PRIMARY KEY,
	athlete_id         INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
	date               TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
	planned_session_id INTEGER REFERENCES planned_sessions(id) ON DELETE SET NULL,
	minutes            REAL CHECK (minutes > 0),
	session_rpe        REAL CHECK (session_rpe BETWEEN 0 AND 10),
	notes              TEXT,
	created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX logged_sessions_athlete_date ON logged_sessions (athlete_id, date);

-- One set of a logged session. `exercise` is a catalogue id
-- (data/exercises.ini), kept as text so history survives catalogue edits.
-- `load` is in `load_unit` as logged (NULL for bodyweight); reps for rep
-- work, seconds for holds and carries (at least one of them).
CREATE TABLE logged_sets (
	id         INTEGER PRIMARY KEY,
	session_id INTEGER NOT NULL REFERENCES logged_sessions(id) ON DELETE CASCADE,
	exercise   TEXT NOT NULL CHECK (length(exercise) > 0),
	set_no     INTEGER NOT NULL CHECK (set_no >= 1),
	load       REAL CHECK (load >= 0),
	load_unit  TEXT CHECK (load_unit IN ('kg', 'lb')),
	reps       INTEGER CHECK (reps >= 0),
	seconds    REAL CHECK (seconds >= 0),
	rpe        REAL CHECK (rpe BETWEEN 0 AND 10),
	CHECK (reps IS NOT NULL OR seconds IS NOT NULL),
	CHECK (load IS NULL OR load_unit IS NOT NULL),
	UNIQUE (session_id, exercise, set_no)
);
CREATE INDEX logged_sets_exercise ON logged_sets (exercise);

-- An imported recording (.fit, .gpx, .tcx). `hash` is the content hash of
-- the source file, so importing the same file twice is detected whatever
-- its name; the store refuses a second row with the same hash. Two devices
-- recording the same run give different hashes: the importer finds those by
-- time overlap (activities_athlete_start). Units are SI: seconds, metres.
-- start_utc is Unix seconds, utc_offset_s the local offset at the start
-- (0 when unknown) and local_date the athlete's calendar day of the start.
-- stream is the per-second record (time, HR, speed, ...) in the importer's
-- own compressed, self-describing format; laps_json an array of lap objects;
-- summary_json whatever else the device summarised.
CREATE TABLE activities (
	id           INTEGER PRIMARY KEY,
	athlete_id   INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
	hash         TEXT NOT NULL UNIQUE CHECK (length(hash) > 0),
	source       TEXT NOT NULL,        -- file name it came from
	sport        TEXT NOT NULL,        -- 'running', 'cycling', 'training', ...
	sub_sport    TEXT,                 -- 'trail', 'treadmill', 'track', ...
	start_utc    INTEGER NOT NULL,
	utc_offset_s INTEGER NOT NULL DEFAULT 0 CHECK (utc_offset_s BETWEEN -64800 AND 64800),
	local_date   TEXT NOT NULL CHECK (date(local_date, '+0 days') IS local_date),
	elapsed_s    REAL CHECK (elapsed_s >= 0),
	moving_s     REAL CHECK (moving_s >= 0),
	distance_m   REAL CHECK (distance_m >= 0),
	avg_hr       INTEGER CHECK (avg_hr BETWEEN 20 AND 250),
	max_hr       INTEGER CHECK (max_hr BETWEEN 20 AND 250),
	ascent_m     REAL CHECK (ascent_m >= 0),
	device       TEXT,                 -- 'Garmin Forerunner 965', ...
	rpe          REAL CHECK (rpe BETWEEN 0 AND 10),   -- CR10
	feel         INTEGER CHECK (feel BETWEEN 0 AND 100), -- FIT workout_feel
	summary_json TEXT CHECK (summary_json IS NULL OR json_valid(summary_json)),
	laps_json    TEXT CHECK (laps_json IS NULL OR json_valid(laps_json)),
	stream       BLOB,
	created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX activities_athlete_start ON activities (athlete_id, start_utc);
CREATE INDEX activities_athlete_date ON activities (athlete_id, local_date);

-- A run as done, logged by hand or derived from an imported activity
-- (activity_id, at most one run per activity). Units as users give them:
-- minutes and kilometres. `type` is a run type of DESIGN.md.
CREATE TABLE logged_runs (
	id          INTEGER PRIMARY KEY,
	athlete_id  INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
	date        TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
	type        TEXT NOT NULL CHECK (type IN ('rest', 'easy', 'recovery', 'long',
	            'tempo', 'threshold', 'intervals', 'hills', 'fartlek', 'race', 'cross')),
	minutes     REAL CHECK (minutes >= 0),
	distance_km REAL CHECK (distance_km >= 0),
	rpe         REAL CHECK (rpe BETWEEN 0 AND 10),
	avg_hr      INTEGER CHECK (avg_hr BETWEEN 20 AND 250),
	activity_id INTEGER UNIQUE REFERENCES activities(id) ON DELETE SET NULL,
	notes       TEXT,
	created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX logged_runs_athlete_date ON logged_runs (athlete_id, date);

-- A niggle: a body site that hurts (e.g. 'achilles_left'), severity 0-10,
-- open until resolved_date. Open niggles drive regressions (METHOD A8) and
-- a new one is a fatigue signal (D4). session_id: the session it was
-- noticed in, if any.
CREATE TABLE niggles (
	id            INTEGER PRIMARY KEY,
	athlete_id    INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
	date          TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
	site          TEXT NOT NULL CHECK (length(site) > 0),
	severity      INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 10),
	resolved_date TEXT CHECK (resolved_date IS NULL OR
	              (date(resolved_date, '+0 days') IS resolved_date AND resolved_date >= date)),
	session_id    INTEGER REFERENCES logged_sessions(id) ON DELETE SET NULL,
	notes         TEXT,
	created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX niggles_athlete_date ON niggles (athlete_id, date);

-- A baseline test result (METHOD D6): `kind` such as 'single_leg_squat',
-- 'calf_raise', 'threshold_pace', a lift's rep-max; `side` for one-sided
-- tests; value in `unit` ('reps', 's', 'cm', 'kg', 's/km', 'score', ...).
CREATE TABLE tests (
	id         INTEGER PRIMARY KEY,
	athlete_id INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
	date       TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
	kind       TEXT NOT NULL CHECK (length(kind) > 0),
	side       TEXT CHECK (side IN ('left', 'right')),
	value      REAL NOT NULL,
	unit       TEXT NOT NULL CHECK (length(unit) > 0),
	notes      TEXT,
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX tests_athlete_date ON tests (athlete_id, kind, date);
