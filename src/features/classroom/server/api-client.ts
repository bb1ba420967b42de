import { z } from 'zod';
import type { LearnerResponse } from '@/domain/learner-response';
import {
  assignmentSchema,
  attemptSchema,
  classReportSchema,
  classSchema,
  progressSchema,
  recordedSchema,
  studentAssignmentSchema,
  teacherSchema,
} from './api-responses';
import {
  regradeChangeSchema,
  studentDisputeSchema,
  teacherDisputeSchema,
  type QuestionChangeInput,
} from './dispute-responses';
import type { PendingDispute } from './pending-answers';

/**
 * The classroom server's API as typed calls. Every answer is checked with a schema where it enters;
 * a failure is a value, never a throw: `offline` when the request never got an answer (the caller
 * may queue and retry), otherwise the server's status and its message, ready to show.
 */
export type ApiResult<T> =
  { ok: true; data: T } | { ok: false; status: number; message: string; isOffline: boolean };

const errorSchema = z.lazy(() => z.object({ error: z.string() }));

/** "the name is empty" → "The name is empty." */
export function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

async function call<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  schema: z.ZodType<T>,
  body?: unknown,
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return {
      ok: false,
      status: 0,
      isOffline: true,
      message: 'The server cannot be reached. Check the connection and try again.',
    };
  }
  const json: unknown = response.status === 204 ? null : await response.json().catch(() => undefined);
  return readReply(response.status, json, schema);
}

/**
 * An answer of the server as `api` reads it: an error's message ready to show, or the data its
 * schema checked. Also how a page the server renders reads the answers it was made from
 * (src/app/render-on-request.tsx).
 */
export function readReply<T>(status: number, json: unknown, schema: z.ZodType<T>): ApiResult<T> {
  const isOk = status >= 200 && status < 300;
  if (!isOk) {
    const parsed = errorSchema.safeParse(json);
    return {
      ok: false,
      status,
      // A proxy or gateway with no JSON of ours: the request may not have arrived, so it may be retried.
      isOffline: !parsed.success && status >= 500,
      message: parsed.success
        ? sentence(parsed.data.error)
        : `The server answered with an error (${status}). Try again in a moment.`,
    };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      status,
      isOffline: false,
      message: 'The server sent an answer this version of the app cannot read. Reload the page.',
    };
  }
  return { ok: true, data: parsed.data };
}

const noContent = z.null();
const teacherReply = z.lazy(() => z.object({ teacher: teacherSchema }).transform((value) => value.teacher));
const classReply = z.lazy(() => z.object({ class: classSchema }).transform((value) => value.class));
const assignmentReply = z.lazy(() =>
  z.object({ assignment: assignmentSchema }).transform((value) => value.assignment),
);
const progressReply = z.lazy(() => progressSchema.transform((value) => value.attempts));
const attemptReply = z.lazy(() => z.object({ attempt: attemptSchema }).transform((value) => value.attempt));

/** The requests a teacher's assignment page is made from, here and on the server (render-on-request.tsx). */
export const assignmentReads = {
  assignment: (id: string) => ({
    path: `/api/assignments/${encodeURIComponent(id)}`,
    schema: assignmentReply,
  }),
  progress: (id: string) => ({
    path: `/api/assignments/${encodeURIComponent(id)}/progress`,
    schema: progressReply,
  }),
};

const get = <T>({ path, schema }: { path: string; schema: z.ZodType<T> }) => call('GET', path, schema);

export type AssignmentInput = {
  title: string;
  ids: string[];
  mode: 'practice' | 'test';
  minutes: number;
  sameOrder: boolean;
  seed: string;
  opensAt: string | null;
  closesAt: string | null;
  attemptsAllowed: number;
  classId: string | null;
};

export const api = {
  signUp: (email: string, password: string) =>
    call('POST', '/api/auth/signup', teacherReply, { email, password }),
  signIn: (email: string, password: string) =>
    call('POST', '/api/auth/signin', teacherReply, { email, password }),
  signOut: () => call('POST', '/api/auth/signout', noContent),
  setPassword: (token: string, password: string) =>
    call('POST', '/api/auth/reset-password', noContent, { token, password }),
  deleteAccount: (password: string) => call('DELETE', '/api/account', noContent, { password }),

  classes: () =>
    call(
      'GET',
      '/api/classes',
      z.object({ classes: z.array(classSchema) }).transform((value) => value.classes),
    ),
  createClass: (name: string, roster: string) => call('POST', '/api/classes', classReply, { name, roster }),
  deleteClass: (id: string) => call('DELETE', `/api/classes/${encodeURIComponent(id)}`, noContent),

  assignments: () =>
    call(
      'GET',
      '/api/assignments',
      z.object({ assignments: z.array(assignmentSchema) }).transform((value) => value.assignments),
    ),
  assignment: (id: string) => get(assignmentReads.assignment(id)),
  deleteAssignment: (id: string) => call('DELETE', `/api/assignments/${encodeURIComponent(id)}`, noContent),
  createAssignment: (input: AssignmentInput) => call('POST', '/api/assignments', assignmentReply, input),
  closeAssignment: (id: string, at: Date) =>
    call('PATCH', `/api/assignments/${encodeURIComponent(id)}`, assignmentReply, {
      closesAt: at.toISOString(),
    }),
  progress: (id: string) => get(assignmentReads.progress(id)),
  report: (id: string) =>
    call(
      'GET',
      `/api/assignments/${encodeURIComponent(id)}/report`,
      z.object({ report: classReportSchema }).transform((value) => value.report),
    ),

  studentAssignment: (id: string) =>
    call(
      'GET',
      `/api/student/assignments/${encodeURIComponent(id)}`,
      z.object({ assignment: studentAssignmentSchema }).transform((value) => value.assignment),
    ),
  startAttempt: (assignmentId: string, name: string) =>
    call(
      'POST',
      `/api/student/assignments/${encodeURIComponent(assignmentId)}/attempts`,
      z.object({ resumeCode: z.string(), attempt: attemptSchema }),
      { name },
    ),
  resume: (assignmentId: string, resumeCode: string) =>
    call('POST', '/api/student/resume', attemptReply, { assignmentId, resumeCode }),
  attempt: (attemptId: string) =>
    call('GET', `/api/student/attempts/${encodeURIComponent(attemptId)}`, attemptReply),
  answer: (attemptId: string, answer: { answerId: string; index: number; response: LearnerResponse }) =>
    call(
      'POST',
      `/api/student/attempts/${encodeURIComponent(attemptId)}/answers`,
      recordedSchema.transform((value) => value.recorded),
      answer,
    ),
  submit: (attemptId: string) =>
    call('POST', `/api/student/attempts/${encodeURIComponent(attemptId)}/submit`, attemptReply, {}),
  fileDispute: (attemptId: string, input: PendingDispute) =>
    call(
      'POST',
      `/api/student/attempts/${encodeURIComponent(attemptId)}/disputes`,
      z.object({ dispute: studentDisputeSchema }).transform((value) => value.dispute),
      input,
    ),
  /** A live player's dispute: the rejoin token kept on the device says which player files it. */
  fileLiveDispute: (sessionId: string, token: string, input: PendingDispute) =>
    call(
      'POST',
      `/api/student/live/${encodeURIComponent(sessionId)}/disputes`,
      z.object({ dispute: studentDisputeSchema }).transform((value) => value.dispute),
      { token, ...input },
    ),
  /** A live player's own disputes, with their status and reply: the rejoin token says whose. */
  liveDisputes: (sessionId: string, token: string) =>
    call(
      'POST',
      `/api/student/live/${encodeURIComponent(sessionId)}/my-disputes`,
      z.object({ disputes: z.array(studentDisputeSchema) }).transform((value) => value.disputes),
      { token },
    ),
  attemptDisputes: (attemptId: string) =>
    call(
      'GET',
      `/api/student/attempts/${encodeURIComponent(attemptId)}/disputes`,
      z.object({ disputes: z.array(studentDisputeSchema) }).transform((value) => value.disputes),
    ),
  disputes: () =>
    call(
      'GET',
      '/api/disputes',
      z.object({ disputes: z.array(teacherDisputeSchema) }).transform((value) => value.disputes),
    ),
  rejectDispute: (id: string, reply: string) =>
    call(
      'POST',
      `/api/disputes/${encodeURIComponent(id)}/reject`,
      z.object({ dispute: studentDisputeSchema }),
      {
        reply,
      },
    ),
  acceptDispute: (id: string, reply: string, change: QuestionChangeInput) =>
    call(
      'POST',
      `/api/disputes/${encodeURIComponent(id)}/accept`,
      z.object({ dispute: studentDisputeSchema, regraded: z.number(), changed: z.number() }),
      { reply, change },
    ),
  regrades: (assignmentId: string) =>
    call(
      'GET',
      `/api/assignments/${encodeURIComponent(assignmentId)}/regrades`,
      z.object({ changes: z.array(regradeChangeSchema) }).transform((value) => value.changes),
    ),
  startLive: (
    assignmentId: string,
    options: { countdownSeconds: number | null; speedPoints: boolean; leaderboard: boolean } = {
      countdownSeconds: null,
      speedPoints: false,
      leaderboard: false,
    },
  ) =>
    call(
      'POST',
      '/api/live',
      z
        .object({ live: z.object({ id: z.string(), pin: z.string().nullable() }) })
        .transform((value) => value.live),
      { assignmentId, options },
    ),
};
