import type { FastifyInstance } from 'fastify';
import { answerInputSchema, resumeSchema, startAttemptSchema } from '../api-schemas';
import type { AppContext } from '../context';
import { classes } from '../db/schema';
import { HttpError } from '../errors';
import { idParam, parseBody } from '../http/request-input';
import { normalizeResumeCode } from '../ids';
import { findAssignment } from '../services/assignments';
import { submitAttempt, viewAttempt } from '../services/attempt-view';
import { recordAnswer } from '../services/record-answer';
import { resumeAttempt, startAttempt, whyClosed } from '../services/start-attempt';
import { eq } from 'drizzle-orm';

/**
 * What a student may do without an account: open an assignment by its link, start an attempt,
 * answer, hand it in, and come back with the attempt's id or its resume code. The attempt id is
 * the only key to an attempt; it is never listed anywhere.
 */
export function studentRoutes(context: AppContext) {
  const db = context.database.db;
  const { limits } = context;
  return async (app: FastifyInstance) => {
    app.get('/api/student/assignments/:id', async (request) => {
      const assignment = await findAssignment(db, idParam(request.params));
      const [klass] = assignment.classId
        ? await db.select({ roster: classes.roster }).from(classes).where(eq(classes.id, assignment.classId))
        : [];
      const closed = whyClosed(assignment, context.now());
      return {
        assignment: {
          id: assignment.id,
          title: assignment.title,
          mode: assignment.mode,
          minutes: assignment.minutes,
          questionCount: assignment.questionIds.length,
          opensAt: assignment.opensAt?.toISOString() ?? null,
          closesAt: assignment.closesAt?.toISOString() ?? null,
          attemptsAllowed: assignment.attemptsAllowed,
          isOpen: !closed,
          whyClosed: closed?.message ?? null,
          roster: klass?.roster ?? [],
        },
      };
    });

    app.post(
      '/api/student/assignments/:id/attempts',
      { config: { rateLimit: { max: limits.startPerAddress, timeWindow: limits.windowMs } } },
      async (request, reply) => {
        const assignmentId = idParam(request.params);
        const { name } = parseBody(startAttemptSchema, request.body);
        const now = context.now();
        const started = await startAttempt(db, context.content, assignmentId, name, now);
        const attempt = await viewAttempt(db, context.attemptCache, started.attemptId, now);
        return reply.code(201).send({ resumeCode: started.resumeCode, attempt });
      },
    );

    app.post(
      '/api/student/resume',
      { config: { rateLimit: { max: limits.resumePerAddress, timeWindow: limits.windowMs } } },
      async (request) => {
        const { assignmentId, resumeCode } = parseBody(resumeSchema, request.body);
        const code = normalizeResumeCode(resumeCode);
        if (!code)
          throw new HttpError(400, 'resumeCode: a resume code has ten letters and digits, like ABCDE-23456');
        const { attemptId } = await resumeAttempt(db, assignmentId, code);
        return { attempt: await viewAttempt(db, context.attemptCache, attemptId, context.now()) };
      },
    );

    app.get('/api/student/attempts/:id', async (request) => {
      return { attempt: await viewAttempt(db, context.attemptCache, idParam(request.params), context.now()) };
    });

    app.post('/api/student/attempts/:id/answers', async (request) => {
      const attemptId = idParam(request.params);
      const input = parseBody(answerInputSchema, request.body);
      return {
        recorded: await recordAnswer(
          db,
          context.answerWriter,
          context.attemptCache,
          attemptId,
          input,
          context.now(),
        ),
      };
    });

    app.post('/api/student/attempts/:id/submit', async (request) => {
      const attemptId = idParam(request.params);
      return { attempt: await submitAttempt(db, context.attemptCache, attemptId, context.now()) };
    });
  };
}
