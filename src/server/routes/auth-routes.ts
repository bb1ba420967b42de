import type { FastifyInstance } from 'fastify';
import { credentialsSchema, passwordResetSchema } from '../api-schemas';
import {
  clearSessionCookie,
  requireTeacher,
  sessionToken,
  setSessionCookie,
  signedInTeacher,
} from '../auth/teacher-session';
import { endSession, startSession } from '../auth/sessions';
import type { AppContext } from '../context';
import { HttpError } from '../errors';
import { parseBody } from '../http/request-input';
import { checkSignIn, createTeacher, resetPassword } from '../services/teacher-accounts';

const TOO_MANY = 'too many tries for this account; wait a few minutes and try again';

/** Sign up, sign in, sign out, who am I, and setting a password with a one-time link. */
export function authRoutes(context: AppContext) {
  const { limits } = context;
  const db = context.database.db;
  const perAddress = (max: number) => ({ rateLimit: { max, timeWindow: limits.windowMs } });

  return async (app: FastifyInstance) => {
    app.post('/api/auth/signup', { config: perAddress(limits.signUpPerAddress) }, async (request, reply) => {
      if (!context.config.allowSignup)
        throw new HttpError(403, 'sign-up is closed on this server; ask its administrator');
      const { email, password } = parseBody(credentialsSchema, request.body);
      const now = context.now();
      if (context.signUpTries.isBlocked(email, now.getTime())) throw new HttpError(429, TOO_MANY);
      context.signUpTries.count(email, now.getTime());
      const teacher = await createTeacher(db, email, password, now);
      setSessionCookie(context, reply, await startSession(db, teacher.id, now, context.config));
      return reply.code(201).send({ teacher });
    });

    app.post('/api/auth/signin', { config: perAddress(limits.signInPerAddress) }, async (request, reply) => {
      const { email, password } = parseBody(credentialsSchema, request.body);
      const now = context.now();
      if (context.signInTries.isBlocked(email, now.getTime())) throw new HttpError(429, TOO_MANY);
      let teacher;
      try {
        teacher = await checkSignIn(db, email, password);
      } catch (error) {
        context.signInTries.count(email, now.getTime());
        throw error;
      }
      context.signInTries.clear(email);
      // A new session each time: a session id planted before sign-in is worth nothing after it.
      const previous = sessionToken(context, request);
      if (previous) await endSession(db, previous);
      setSessionCookie(context, reply, await startSession(db, teacher.id, now, context.config));
      return { teacher };
    });

    app.post('/api/auth/signout', async (request, reply) => {
      const token = sessionToken(context, request);
      if (token) await endSession(db, token);
      clearSessionCookie(context, reply);
      return reply.code(204).send();
    });

    app.get('/api/auth/me', async (request, reply) => {
      const { id, email } = await requireTeacher(context, request, reply);
      return { teacher: { id, email } };
    });

    // What every page asks: nobody signed in is an answer, not an error (a 401 is one in the console).
    app.get('/api/auth/session', async (request, reply) => {
      const teacher = await signedInTeacher(context, request, reply);
      return { teacher: teacher ? { id: teacher.id, email: teacher.email } : null };
    });

    app.post(
      '/api/auth/reset-password',
      { config: perAddress(limits.signInPerAddress) },
      async (request, reply) => {
        const { token, password } = parseBody(passwordResetSchema, request.body);
        await resetPassword(db, token, password, context.now());
        clearSessionCookie(context, reply);
        return reply.code(204).send();
      },
    );
  };
}
