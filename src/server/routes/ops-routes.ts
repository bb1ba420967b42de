import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context';

/** For a school's IT and for the app: is the process up, is the database there, what is allowed. */
export function opsRoutes(context: AppContext, version: string) {
  return async (app: FastifyInstance) => {
    app.get('/healthz', async () => ({ status: 'ok' }));

    app.get('/readyz', async (request, reply) => {
      try {
        await context.database.db.execute(sql`SELECT 1`);
        return { status: 'ready', database: context.database.kind };
      } catch (error) {
        request.log.warn({ err: error }, 'database not reachable');
        return reply.code(503).send({ status: 'unavailable', database: context.database.kind });
      }
    });

    // The static app asks this at start: no answer means no server, and only the links-and-codes mode.
    app.get('/api/info', async () => ({
      server: 'source-quiz',
      version,
      allowSignup: context.config.allowSignup,
      publicUrl: context.config.publicUrl ?? null,
      features: ['accounts', 'classes', 'assignments', 'disputes'],
    }));
  };
}
