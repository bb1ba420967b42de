import {
  bigint,
  boolean,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { DISPUTE_KINDS } from '../../domain/dispute';

// The tables as the query layer sees them. The SQL in migrations/ is what creates them; the schema
// test checks that the two agree.

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const teachers = pgTable('teachers', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash'),
  createdAt: at('created_at').notNull(),
});

export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  teacherId: text('teacher_id').notNull(),
  createdAt: at('created_at').notNull(),
  lastSeenAt: at('last_seen_at').notNull(),
  expiresAt: at('expires_at').notNull(),
});

export const passwordResets = pgTable('password_resets', {
  tokenHash: text('token_hash').primaryKey(),
  teacherId: text('teacher_id').notNull(),
  createdAt: at('created_at').notNull(),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
});

export const classes = pgTable('classes', {
  id: text('id').primaryKey(),
  teacherId: text('teacher_id').notNull(),
  name: text('name').notNull(),
  roster: jsonb('roster').$type<string[]>().notNull(),
  createdAt: at('created_at').notNull(),
});

export const questionVersions = pgTable('question_versions', {
  fingerprint: text('fingerprint').primaryKey(),
  questionId: text('question_id').notNull(),
  question: jsonb('question').notNull(),
  firstSeenAt: at('first_seen_at').notNull(),
});

export const assignments = pgTable('assignments', {
  id: text('id').primaryKey(),
  teacherId: text('teacher_id').notNull(),
  classId: text('class_id'),
  title: text('title').notNull(),
  questionIds: jsonb('question_ids').$type<string[]>().notNull(),
  mode: text('mode', { enum: ['practice', 'test'] }).notNull(),
  minutes: integer('minutes').notNull(),
  sameOrder: boolean('same_order').notNull(),
  seed: text('seed').notNull(),
  opensAt: at('opens_at'),
  closesAt: at('closes_at'),
  attemptsAllowed: integer('attempts_allowed').notNull(),
  createdAt: at('created_at').notNull(),
});

export type AskedQuestion = { fingerprint: string; choiceOrder: string[]; leftOrder: string[] };

export const attempts = pgTable('attempts', {
  id: text('id').primaryKey(),
  assignmentId: text('assignment_id').notNull(),
  studentName: text('student_name').notNull(),
  studentKey: text('student_key').notNull(),
  number: integer('number').notNull(),
  resumeCodeHash: text('resume_code_hash').notNull(),
  questions: jsonb('questions').$type<AskedQuestion[]>().notNull(),
  startedAt: at('started_at').notNull(),
  deadlineAt: at('deadline_at'),
  submittedAt: at('submitted_at'),
});

export const answers = pgTable('answers', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  attemptId: text('attempt_id').notNull(),
  answerId: text('answer_id').notNull(),
  questionIndex: integer('question_index').notNull(),
  questionFingerprint: text('question_fingerprint').notNull(),
  response: jsonb('response').notNull(),
  points: doublePrecision('points').notNull(),
  verdict: text('verdict', { enum: ['correct', 'partial', 'wrong', 'unanswered'] }).notNull(),
  grade: jsonb('grade').notNull(),
  locksQuestion: boolean('locks_question').notNull(),
  receivedAt: at('received_at').notNull(),
});

export type LiveOptionsColumn = {
  countdownSeconds: number | null;
  speedPoints: boolean;
  leaderboard: boolean;
};

export const liveSessions = pgTable('live_sessions', {
  id: text('id').primaryKey(),
  teacherId: text('teacher_id').notNull(),
  assignmentId: text('assignment_id'),
  title: text('title').notNull(),
  pin: text('pin').notNull(),
  questions: jsonb('questions').$type<AskedQuestion[]>().notNull(),
  options: jsonb('options').$type<LiveOptionsColumn>().notNull(),
  phase: text('phase', { enum: ['lobby', 'question', 'reveal', 'ended'] }).notNull(),
  questionIndex: integer('question_index').notNull(),
  locked: boolean('locked').notNull(),
  distributionShown: boolean('distribution_shown').notNull(),
  questionStartedAt: at('question_started_at'),
  countdownEndsAt: at('countdown_ends_at'),
  countdownPausedMs: integer('countdown_paused_ms'),
  createdAt: at('created_at').notNull(),
  endedAt: at('ended_at'),
});

export const livePlayers = pgTable('live_players', {
  sessionId: text('session_id').notNull(),
  id: text('id').notNull(),
  name: text('name').notNull(),
  nameKey: text('name_key').notNull(),
  tokenHash: text('token_hash').notNull(),
  joinedAt: at('joined_at').notNull(),
  removed: boolean('removed').notNull(),
});

export const liveAnswers = pgTable('live_answers', {
  sessionId: text('session_id').notNull(),
  questionIndex: integer('question_index').notNull(),
  playerId: text('player_id').notNull(),
  questionFingerprint: text('question_fingerprint').notNull(),
  response: jsonb('response').notNull(),
  points: doublePrecision('points').notNull(),
  bonus: doublePrecision('bonus').notNull(),
  verdict: text('verdict', { enum: ['correct', 'partial', 'wrong', 'unanswered'] }).notNull(),
  grade: jsonb('grade').notNull(),
  receivedAt: at('received_at').notNull(),
});

export const questionChanges = pgTable('question_changes', {
  id: text('id').primaryKey(),
  teacherId: text('teacher_id').notNull(),
  fromFingerprint: text('from_fingerprint').notNull(),
  toFingerprint: text('to_fingerprint').notNull(),
  change: jsonb('change').notNull(),
  createdAt: at('created_at').notNull(),
});

export const DISPUTE_STATUSES = ['open', 'rejected', 'accepted'] as const;

export const disputes = pgTable('disputes', {
  id: text('id').primaryKey(),
  /** The id the learner's device gave it: unique per attempt or live player (migration 4). */
  clientId: text('client_id').notNull(),
  teacherId: text('teacher_id').notNull(),
  attemptId: text('attempt_id'),
  liveSessionId: text('live_session_id'),
  livePlayerId: text('live_player_id'),
  questionIndex: integer('question_index').notNull(),
  questionFingerprint: text('question_fingerprint').notNull(),
  kind: text('kind', { enum: DISPUTE_KINDS }).notNull(),
  message: text('message').notNull(),
  sourceId: text('source_id'),
  passageId: text('passage_id'),
  selectionStart: integer('selection_start'),
  selectionEnd: integer('selection_end'),
  status: text('status', { enum: DISPUTE_STATUSES }).notNull(),
  reply: text('reply'),
  changeId: text('change_id'),
  createdAt: at('created_at').notNull(),
  answeredAt: at('answered_at'),
});

export const regrades = pgTable('regrades', {
  changeId: text('change_id').notNull(),
  answerSeq: bigint('answer_seq', { mode: 'number' }),
  liveSessionId: text('live_session_id'),
  liveQuestionIndex: integer('live_question_index'),
  livePlayerId: text('live_player_id'),
  studentName: text('student_name').notNull(),
  oldPoints: doublePrecision('old_points').notNull(),
  newPoints: doublePrecision('new_points').notNull(),
  oldVerdict: text('old_verdict', { enum: ['correct', 'partial', 'wrong', 'unanswered'] }).notNull(),
  newVerdict: text('new_verdict', { enum: ['correct', 'partial', 'wrong', 'unanswered'] }).notNull(),
  newGrade: jsonb('new_grade').notNull(),
  regradedAt: at('regraded_at').notNull(),
});
