-- Disputes that learners file against a question, the changes teachers accept, and every grade
-- those changes gave again. Nothing in the earlier tables is updated: an accepted change is a new
-- question version (in question_versions, like any other), linked here to the one it replaces.

CREATE TABLE question_changes (
  id text PRIMARY KEY,
  -- Who accepted it; it applies to that teacher's own assignments and live sessions only.
  teacher_id text NOT NULL REFERENCES teachers (id) ON DELETE CASCADE,
  from_fingerprint text NOT NULL REFERENCES question_versions (fingerprint),
  to_fingerprint text NOT NULL REFERENCES question_versions (fingerprint),
  -- The change as the engine applies it: { kind, answer | key | choiceId }.
  change jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  -- One revision per version per teacher; a later change revises the revision (a chain).
  UNIQUE (teacher_id, from_fingerprint),
  CHECK (from_fingerprint <> to_fingerprint)
);

CREATE TABLE disputes (
  id text PRIMARY KEY,
  -- The teacher whose assignment or live session the answer belongs to: the only one who sees it.
  teacher_id text NOT NULL REFERENCES teachers (id) ON DELETE CASCADE,
  attempt_id text REFERENCES attempts (id) ON DELETE CASCADE,
  live_session_id text,
  live_player_id text,
  question_index integer NOT NULL CHECK (question_index >= 0),
  -- The version the learner was asked, whatever revisions came later.
  question_fingerprint text NOT NULL REFERENCES question_versions (fingerprint),
  kind text NOT NULL CHECK (kind IN ('key', 'wording', 'second-answer', 'explanation')),
  -- Plain text as typed; markup is stored and shown as text, never interpreted.
  message text NOT NULL CHECK (char_length(message) BETWEEN 1 AND 1000),
  -- Optional evidence: characters [selection_start, selection_end) of one passage, checked to lie
  -- inside it when filed.
  source_id text,
  passage_id text,
  selection_start integer,
  selection_end integer,
  status text NOT NULL CHECK (status IN ('open', 'rejected', 'accepted')),
  reply text CHECK (reply IS NULL OR char_length(reply) <= 1000),
  change_id text REFERENCES question_changes (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  answered_at timestamptz,
  FOREIGN KEY (live_session_id, live_player_id) REFERENCES live_players (session_id, id) ON DELETE CASCADE,
  CHECK ((attempt_id IS NULL) <> (live_session_id IS NULL AND live_player_id IS NULL)),
  CHECK ((live_session_id IS NULL) = (live_player_id IS NULL)),
  CHECK (
    (source_id IS NULL AND passage_id IS NULL AND selection_start IS NULL AND selection_end IS NULL)
    OR (source_id IS NOT NULL AND passage_id IS NOT NULL AND selection_start >= 0 AND selection_end > selection_start)
  )
);
CREATE INDEX disputes_teacher_id ON disputes (teacher_id, created_at);
CREATE INDEX disputes_attempt_id ON disputes (attempt_id, question_index);
CREATE INDEX disputes_live_player ON disputes (live_session_id, live_player_id);

-- One row per stored answer graded again by an accepted change: the grade before and after.
CREATE TABLE regrades (
  change_id text NOT NULL REFERENCES question_changes (id) ON DELETE CASCADE,
  answer_seq bigint REFERENCES answers (seq) ON DELETE CASCADE,
  live_session_id text,
  live_question_index integer,
  live_player_id text,
  student_name text NOT NULL,
  old_points double precision NOT NULL CHECK (old_points >= 0 AND old_points <= 1),
  new_points double precision NOT NULL CHECK (new_points >= 0 AND new_points <= 1),
  old_verdict text NOT NULL CHECK (old_verdict IN ('correct', 'partial', 'wrong', 'unanswered')),
  new_verdict text NOT NULL CHECK (new_verdict IN ('correct', 'partial', 'wrong', 'unanswered')),
  new_grade jsonb NOT NULL,
  regraded_at timestamptz NOT NULL,
  FOREIGN KEY (live_session_id, live_question_index, live_player_id)
    REFERENCES live_answers (session_id, question_index, player_id) ON DELETE CASCADE,
  CHECK ((answer_seq IS NULL) <> (live_session_id IS NULL))
);
CREATE INDEX regrades_change_id ON regrades (change_id);
CREATE INDEX regrades_answer_seq ON regrades (answer_seq);
