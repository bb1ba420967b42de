import type { FastifyInstance } from 'fastify';
import { classReportCsv } from '../../formats/class-report-csv';
import { requireTeacher } from '../auth/teacher-session';
import type { AppContext } from '../context';
import { HttpError, notFound } from '../errors';
import { idParam, parseBody } from '../http/request-input';
import { createLiveSchema } from '../live/live-messages';
import { liveReport } from '../live/live-report';
import { createLive, createLiveQuestionCache, findLive, listLive, type LiveRow } from '../live/live-store';
import { findOwnAssignment } from '../services/assignments';

function liveSummary(row: LiveRow) {
  return {
    id: row.id,
    title: row.title,
    pin: row.phase === 'ended' ? null : row.pin,
    phase: row.phase,
    questionCount: row.questions.length,
    options: row.options,
    createdAt: row.createdAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
  };
}

/** Starting live sessions, listing them and their reports: the teacher's own only. */
export function liveRoutes(context: AppContext) {
  const db = context.database.db;
  const questionsOf = createLiveQuestionCache(context.versions);
  return async (app: FastifyInstance) => {
    async function ownLive(teacherId: string, params: unknown): Promise<LiveRow> {
      const row = await findLive(db, idParam(params));
      if (!row || row.teacherId !== teacherId) throw notFound();
      return row;
    }

    app.post('/api/live', async (request, reply) => {
      const teacher = await requireTeacher(context, request, reply);
      const input = parseBody(createLiveSchema, request.body);
      let questionIds = input.questionIds ?? [];
      let title = input.title;
      if (input.assignmentId) {
        const assignment = await findOwnAssignment(db, teacher.id, input.assignmentId);
        questionIds = assignment.questionIds;
        title ??= assignment.title;
      }
      const unknown = questionIds.filter((id) => !context.content.current.has(id));
      if (unknown.length > 0)
        throw new HttpError(400, `questionIds: no such question: ${unknown.slice(0, 3).join(', ')}`);
      const row = await createLive(
        db,
        context.content,
        {
          teacherId: teacher.id,
          title: title ?? 'Live quiz',
          questionIds,
          assignmentId: input.assignmentId ?? null,
          options: input.options,
        },
        context.now(),
      );
      return reply.code(201).send({ live: liveSummary(row) });
    });

    app.get('/api/live', async (request, reply) => {
      const teacher = await requireTeacher(context, request, reply);
      return { live: (await listLive(db, teacher.id)).map(liveSummary) };
    });

    app.get('/api/live/:id', async (request, reply) => {
      const teacher = await requireTeacher(context, request, reply);
      return { live: liveSummary(await ownLive(teacher.id, request.params)) };
    });

    app.get('/api/live/:id/report', async (request, reply) => {
      const teacher = await requireTeacher(context, request, reply);
      const row = await ownLive(teacher.id, request.params);
      return { report: await liveReport(db, context.versions, row, await questionsOf(row)) };
    });

    app.get('/api/live/:id/report.csv', async (request, reply) => {
      const teacher = await requireTeacher(context, request, reply);
      const row = await ownLive(teacher.id, request.params);
      const csv = classReportCsv(await liveReport(db, context.versions, row, await questionsOf(row)));
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="live-session-report.csv"')
        .send(csv);
    });
  };
}
