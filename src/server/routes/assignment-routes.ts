import type { FastifyInstance } from 'fastify';
// A pure function (report in, CSV text out) that the browser's report page uses too.
import { classReportCsv } from '../../formats/class-report-csv';
import { assignmentInputSchema, assignmentPatchSchema } from '../api-schemas';
import { requireTeacher } from '../auth/teacher-session';
import type { AppContext } from '../context';
import { idParam, parseBody } from '../http/request-input';
import { assignmentProgress, assignmentReport } from '../services/assignment-report';
import {
  assignmentView,
  createAssignment,
  deleteAssignment,
  findOwnAssignment,
  listAssignments,
  updateAssignment,
} from '../services/assignments';

/** A teacher's assignments, their live progress and their class report. Only the owner's. */
export function assignmentRoutes(context: AppContext) {
  const db = context.database.db;
  return async (app: FastifyInstance) => {
    app.get('/api/assignments', async (request, reply) => {
      const teacher = await requireTeacher(context, request, reply);
      return { assignments: (await listAssignments(db, teacher.id)).map(assignmentView) };
    });

    app.post('/api/assignments', async (request, reply) => {
      const teacher = await requireTeacher(context, request, reply);
      const input = parseBody(assignmentInputSchema, request.body);
      const row = await createAssignment(db, context.content, teacher.id, input, context.now());
      return reply.code(201).send({ assignment: assignmentView(row) });
    });

    app.get('/api/assignments/:id', async (request, reply) => {
      const teacher = await requireTeacher(context, request, reply);
      return { assignment: assignmentView(await findOwnAssignment(db, teacher.id, idParam(request.params))) };
    });

    app.patch('/api/assignments/:id', async (request, reply) => {
      const teacher = await requireTeacher(context, request, reply);
      const id = idParam(request.params);
      const patch = parseBody(assignmentPatchSchema, request.body);
      return { assignment: assignmentView(await updateAssignment(db, teacher.id, id, patch)) };
    });

    app.delete('/api/assignments/:id', async (request, reply) => {
      const teacher = await requireTeacher(context, request, reply);
      await deleteAssignment(db, teacher.id, idParam(request.params));
      return reply.code(204).send();
    });

    app.get('/api/assignments/:id/progress', async (request, reply) => {
      const teacher = await requireTeacher(context, request, reply);
      const assignment = await findOwnAssignment(db, teacher.id, idParam(request.params));
      return { attempts: await assignmentProgress(db, context.attemptCache, assignment, context.now()) };
    });

    app.get('/api/assignments/:id/report', async (request, reply) => {
      const teacher = await requireTeacher(context, request, reply);
      const assignment = await findOwnAssignment(db, teacher.id, idParam(request.params));
      return { report: await assignmentReport(db, context.attemptCache, assignment) };
    });

    app.get('/api/assignments/:id/report.csv', async (request, reply) => {
      const teacher = await requireTeacher(context, request, reply);
      const assignment = await findOwnAssignment(db, teacher.id, idParam(request.params));
      const csv = classReportCsv(await assignmentReport(db, context.attemptCache, assignment));
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="class-report.csv"')
        .send(csv);
    });
  };
}
