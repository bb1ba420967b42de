import type { FastifyInstance } from 'fastify';
import { requireTeacher } from '../auth/teacher-session';
import type { AppContext } from '../context';
import {
  acceptDisputeSchema,
  disputeInputSchema,
  liveDisputeInputSchema,
  liveTokenSchema,
  rejectDisputeSchema,
} from '../dispute-schemas';
import { idParam, parseBody } from '../http/request-input';
import { acceptDispute } from '../services/accept-dispute';
import { findOwnAssignment } from '../services/assignments';
import {
  attemptDisputes,
  fileAttemptDispute,
  rejectDispute,
  studentDisputeView,
  teacherDisputes,
} from '../services/disputes';
import { fileLiveDispute, playerDisputes, teacherLiveDisputes } from '../services/live-disputes';
import { assignmentRegrades } from '../services/regrade-report';

/**
 * Disputes (issue 18): a student files one on an answer of their attempt (the attempt's id is the
 * key, as for every student route) or of a live session (the player's rejoin token); the teacher
 * whose assignment or session it is lists them, rejects them with a reply, or accepts a change,
 * which regrades every stored answer to that question.
 */
export function disputeRoutes(context: AppContext) {
  const db = context.database.db;
  const cache = context.attemptCache;
  return async (app: FastifyInstance) => {
    app.post('/api/student/attempts/:id/disputes', async (request, reply) => {
      const attemptId = idParam(request.params);
      const input = parseBody(disputeInputSchema, request.body);
      const dispute = await fileAttemptDispute(db, cache, context.content, attemptId, input, context.now());
      return reply.code(201).send({ dispute });
    });

    app.get('/api/student/attempts/:id/disputes', async (request) => ({
      disputes: await attemptDisputes(db, cache, idParam(request.params)),
    }));

    // A live player has no attempt id: the rejoin token, sent in the body (never in the URL, which
    // is logged), says which player of the session files it.
    app.post('/api/student/live/:id/disputes', async (request, reply) => {
      const sessionId = idParam(request.params);
      const input = parseBody(liveDisputeInputSchema, request.body);
      const dispute = await fileLiveDispute(
        db,
        context.versions,
        context.content,
        sessionId,
        input,
        context.now(),
      );
      return reply.code(201).send({ dispute });
    });

    // Reading them needs the token too, so it is a POST: a GET would carry it in the URL or a header.
    app.post('/api/student/live/:id/my-disputes', async (request) => {
      const sessionId = idParam(request.params);
      const { token } = parseBody(liveTokenSchema, request.body);
      return { disputes: await playerDisputes(db, sessionId, token) };
    });

    app.get('/api/disputes', async (request, reply) => {
      const teacher = await requireTeacher(context, request, reply);
      const [fromAssignments, fromLive] = await Promise.all([
        teacherDisputes({ db, cache, versions: context.versions, content: context.content }, teacher.id),
        teacherLiveDisputes(db, context.versions, context.content, teacher.id),
      ]);
      const disputes = [...fromAssignments, ...fromLive].sort((a, b) =>
        b.createdAt.localeCompare(a.createdAt),
      );
      return { disputes };
    });

    app.post('/api/disputes/:id/reject', async (request, reply) => {
      const teacher = await requireTeacher(context, request, reply);
      const id = idParam(request.params);
      const input = parseBody(rejectDisputeSchema, request.body);
      return {
        dispute: studentDisputeView(await rejectDispute(db, teacher.id, id, input.reply, context.now())),
      };
    });

    app.post('/api/disputes/:id/accept', async (request, reply) => {
      const teacher = await requireTeacher(context, request, reply);
      const id = idParam(request.params);
      const input = parseBody(acceptDisputeSchema, request.body);
      const accepted = await acceptDispute(db, context.versions, teacher.id, id, input, context.now());
      // The live sessions' screens show scores: those with a regraded answer are sent them anew.
      context.liveRegraded.tell(accepted.liveSessionIds);
      return {
        dispute: studentDisputeView(accepted.dispute),
        regraded: accepted.regraded,
        changed: accepted.changed,
      };
    });

    app.get('/api/assignments/:id/regrades', async (request, reply) => {
      const teacher = await requireTeacher(context, request, reply);
      const assignment = await findOwnAssignment(db, teacher.id, idParam(request.params));
      return { changes: await assignmentRegrades(db, assignment.id) };
    });
  };
}
