import type { FastifyInstance } from 'fastify';
import { classInputSchema, classPatchSchema } from '../api-schemas';
import { requireTeacher } from '../auth/teacher-session';
import type { AppContext } from '../context';
import { idParam, parseBody } from '../http/request-input';
import {
  classView,
  createClass,
  deleteClass,
  findOwnClass,
  listClasses,
  updateClass,
} from '../services/classes';

/** A teacher's classes: name and roster. Only the owner sees or changes one. */
export function classRoutes(context: AppContext) {
  const db = context.database.db;
  // A pasted roster of a few hundred names is larger than any other request.
  const rosterBody = { bodyLimit: 128 * 1024 };
  return async (app: FastifyInstance) => {
    app.get('/api/classes', async (request, reply) => {
      const teacher = await requireTeacher(context, request, reply);
      return { classes: (await listClasses(db, teacher.id)).map(classView) };
    });

    app.post('/api/classes', rosterBody, async (request, reply) => {
      const teacher = await requireTeacher(context, request, reply);
      const input = parseBody(classInputSchema, request.body);
      return reply
        .code(201)
        .send({ class: classView(await createClass(db, teacher.id, input, context.now())) });
    });

    app.get('/api/classes/:id', async (request, reply) => {
      const teacher = await requireTeacher(context, request, reply);
      return { class: classView(await findOwnClass(db, teacher.id, idParam(request.params))) };
    });

    app.patch('/api/classes/:id', rosterBody, async (request, reply) => {
      const teacher = await requireTeacher(context, request, reply);
      const id = idParam(request.params);
      const patch = parseBody(classPatchSchema, request.body);
      return { class: classView(await updateClass(db, teacher.id, id, patch)) };
    });

    app.delete('/api/classes/:id', async (request, reply) => {
      const teacher = await requireTeacher(context, request, reply);
      await deleteClass(db, teacher.id, idParam(request.params));
      return reply.code(204).send();
    });
  };
}
