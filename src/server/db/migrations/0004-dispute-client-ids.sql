-- A dispute carries the id the learner's device gave it, so a request sent again (its reply lost on
-- the way back) finds the dispute already stored instead of filing it twice. The id is unique per
-- student: per attempt, or per player of a live session. Disputes filed before this had no such id:
-- each takes its own server id, which no device knows.

ALTER TABLE disputes ADD COLUMN client_id text;
UPDATE disputes SET client_id = id;
ALTER TABLE disputes ALTER COLUMN client_id SET NOT NULL;
ALTER TABLE disputes ADD CONSTRAINT disputes_client_id_shape CHECK (char_length(client_id) BETWEEN 1 AND 64);
CREATE UNIQUE INDEX disputes_attempt_client_id ON disputes (attempt_id, client_id) WHERE attempt_id IS NOT NULL;
CREATE UNIQUE INDEX disputes_live_player_client_id ON disputes (live_session_id, live_player_id, client_id)
  WHERE live_session_id IS NOT NULL;
