import type { FastifyInstance } from 'fastify';
import { deleteAccountSchema } from '../api-schemas';
import { clearSessionCookie, requireTeacher } from '../auth/teacher-session';
import type { AppContext } from '../context';
import { parseBody } from '../http/request-input';
import { exportAccount } from '../services/account-export';
import { checkSignIn, deleteTeacher } from '../services/teacher-accounts';

/** A teacher's own data: all of it as JSON, or all of it deleted. */
export function accountRoutes(context: AppContext) {
  const db = context.database.db;
  return async (app: FastifyInstance) => {
    app.get('/api/account/export', async (request, reply) => {
      const teacher = await requireTeacher(context, request, reply);
      const data = await exportAccount(db, teacher.id, context.now());
      return reply
        .header('Content-Disposition', 'attachment; filename="source-quiz-account.json"')
        .send(data);
    });

    // Deleting everything asks for the password again: a session left open is not enough.
    app.delete(
      '/api/account',
      {
        config: { rateLimit: { max: context.limits.signInPerAddress, timeWindow: context.limits.windowMs } },
      },
      async (request, reply) => {
        const teacher = await requireTeacher(context, request, reply);
        const { password } = parseBody(deleteAccountSchema, request.body);
        await checkSignIn(db, teacher.email, password);
        await deleteTeacher(db, teacher.id);
        clearSessionCookie(context, reply);
        return reply.code(204).send();
      },
    );
  };
}
