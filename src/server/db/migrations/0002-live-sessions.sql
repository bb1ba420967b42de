-- Live class sessions joined by PIN. The state a restart must find again is all here: which
-- question is shown, whether it is revealed, who joined, and every acknowledged answer.

CREATE TABLE live_sessions (
  id text PRIMARY KEY,
  teacher_id text NOT NULL REFERENCES teachers (id) ON DELETE CASCADE,
  assignment_id text REFERENCES assignments (id) ON DELETE SET NULL,
  title text NOT NULL,
  -- Six digits, unique among the sessions not yet ended; freed again when a session ends.
  pin text NOT NULL CHECK (pin ~ '^[0-9]{6}$'),
  -- [{ fingerprint, choiceOrder, leftOrder }]: every player sees the same presentation.
  questions jsonb NOT NULL,
  options jsonb NOT NULL,
  phase text NOT NULL CHECK (phase IN ('lobby', 'question', 'reveal', 'ended')),
  question_index integer NOT NULL CHECK (question_index >= -1),
  locked boolean NOT NULL,
  distribution_shown boolean NOT NULL,
  question_started_at timestamptz,
  -- A running countdown ends at countdown_ends_at; a paused one keeps countdown_paused_ms left.
  countdown_ends_at timestamptz,
  countdown_paused_ms integer,
  created_at timestamptz NOT NULL,
  ended_at timestamptz
);
CREATE UNIQUE INDEX live_sessions_active_pin ON live_sessions (pin) WHERE phase <> 'ended';
CREATE INDEX live_sessions_teacher_id ON live_sessions (teacher_id);

CREATE TABLE live_players (
  session_id text NOT NULL REFERENCES live_sessions (id) ON DELETE CASCADE,
  id text NOT NULL,
  name text NOT NULL,
  -- Folded name (case and accents ignored): one player per name in a session.
  name_key text NOT NULL,
  -- SHA-256 of the rejoin token kept on the player's device.
  token_hash text NOT NULL,
  joined_at timestamptz NOT NULL,
  removed boolean NOT NULL,
  PRIMARY KEY (session_id, id),
  UNIQUE (session_id, token_hash)
);
CREATE UNIQUE INDEX live_players_name ON live_players (session_id, name_key) WHERE NOT removed;

-- Every answer as given, graded on arrival; one per player per question, never updated.
CREATE TABLE live_answers (
  session_id text NOT NULL REFERENCES live_sessions (id) ON DELETE CASCADE,
  question_index integer NOT NULL CHECK (question_index >= 0),
  player_id text NOT NULL,
  question_fingerprint text NOT NULL REFERENCES question_versions (fingerprint),
  response jsonb NOT NULL,
  points double precision NOT NULL CHECK (points >= 0 AND points <= 1),
  bonus double precision NOT NULL CHECK (bonus >= 0 AND bonus <= 1),
  verdict text NOT NULL CHECK (verdict IN ('correct', 'partial', 'wrong', 'unanswered')),
  grade jsonb NOT NULL,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (session_id, question_index, player_id),
  FOREIGN KEY (session_id, player_id) REFERENCES live_players (session_id, id) ON DELETE CASCADE
);
