-- 002_log.sql: what the training log needs beyond 001 (issue 10).
--
-- Sessions: the planned session they followed by its stable uid (plans are
-- not always stored, so planned_session_id alone cannot link them), whether
-- the session was done as prescribed or skipped, an imported workout's
-- title and the content hash that makes re-importing it a no-op.
ALTER TABLE logged_sessions ADD COLUMN planned_uid TEXT;
ALTER TABLE logged_sessions ADD COLUMN status TEXT
	CHECK (status IS NULL OR status IN ('done', 'skipped'));
ALTER TABLE logged_sessions ADD COLUMN title TEXT;
ALTER TABLE logged_sessions ADD COLUMN source_hash TEXT;
CREATE UNIQUE INDEX logged_sessions_source ON logged_sessions (athlete_id, source_hash)
	WHERE source_hash IS NOT NULL;

-- Sets: warm-up, drop and failure sets are kept and marked; a lift the
-- catalogue does not know keeps the name it was logged under (`exercise`)
-- and is flagged, so volume and session load stay true.
ALTER TABLE logged_sets ADD COLUMN set_type TEXT
	CHECK (set_type IS NULL OR set_type IN ('warmup', 'drop', 'failure'));
ALTER TABLE logged_sets ADD COLUMN unmapped INTEGER NOT NULL DEFAULT 0
	CHECK (unmapped IN (0, 1));
ALTER TABLE logged_sets ADD COLUMN notes TEXT;
CREATE INDEX logged_sets_session ON logged_sets (session_id);

-- Tests: the control grade of a single-leg squat, and the lift and rep
-- count of a rep-max test.
ALTER TABLE tests ADD COLUMN grade TEXT CHECK (grade IS NULL OR grade IN ('good', 'fair', 'poor'));
ALTER TABLE tests ADD COLUMN exercise TEXT;
ALTER TABLE tests ADD COLUMN reps INTEGER CHECK (reps IS NULL OR reps >= 1);

-- Ids are never given twice: users type them (`log delete set-12`), so an
-- id freed by a delete must not name the next entry. SQLite reuses the
-- highest rowid once it is deleted; these triggers keep each table's
-- highest deleted id, and inserts take one past both (sqlite_log.c).
CREATE TABLE log_ids (
	tbl  TEXT PRIMARY KEY,
	last INTEGER NOT NULL
);
CREATE TRIGGER logged_sets_id AFTER DELETE ON logged_sets BEGIN
	INSERT INTO log_ids (tbl, last) VALUES ('logged_sets', OLD.id)
	ON CONFLICT (tbl) DO UPDATE SET last = max(last, excluded.last);
END;
CREATE TRIGGER logged_sessions_id AFTER DELETE ON logged_sessions BEGIN
	INSERT INTO log_ids (tbl, last) VALUES ('logged_sessions', OLD.id)
	ON CONFLICT (tbl) DO UPDATE SET last = max(last, excluded.last);
END;
CREATE TRIGGER logged_runs_id AFTER DELETE ON logged_runs BEGIN
	INSERT INTO log_ids (tbl, last) VALUES ('logged_runs', OLD.id)
	ON CONFLICT (tbl) DO UPDATE SET last = max(last, excluded.last);
END;
CREATE TRIGGER niggles_id AFTER DELETE ON niggles BEGIN
	INSERT INTO log_ids (tbl, last) VALUES ('niggles', OLD.id)
	ON CONFLICT (tbl) DO UPDATE SET last = max(last, excluded.last);
END;
CREATE TRIGGER tests_id AFTER DELETE ON tests BEGIN
	INSERT INTO log_ids (tbl, last) VALUES ('tests', OLD.id)
	ON CONFLICT (tbl) DO UPDATE SET last = max(last, excluded.last);
END;
