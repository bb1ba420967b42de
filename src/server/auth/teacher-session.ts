// The cookie plugin's types add reply.setCookie and request.cookies.
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import { HttpError } from '../errors';
import { findSession, type SignedInTeacher } from './sessions';

function isSecure(context: AppContext): boolean {
  return context.config.publicUrl?.startsWith('https:') ?? false;
}

/** `__Host-` makes the browser refuse the cookie unless it is Secure, for this host only, path /. */
export function sessionCookieName(context: AppContext): string {
  return isSecure(context) ? '__Host-sq_session' : 'sq_session';
}

export function setSessionCookie(context: AppContext, reply: FastifyReply, token: string): void {
  reply.setCookie(sessionCookieName(context), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(context),
    path: '/',
    maxAge: Math.floor(context.config.sessionMaxMs / 1000),
  });
}

export function clearSessionCookie(context: AppContext, reply: FastifyReply): void {
  reply.clearCookie(sessionCookieName(context), {
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(context),
    path: '/',
  });
}

export function sessionToken(context: AppContext, request: FastifyRequest): string | undefined {
  const token = request.cookies[sessionCookieName(context)];
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
}

/** The signed-in teacher, or undefined (and a dead cookie cleared). */
export async function signedInTeacher(
  context: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<SignedInTeacher | undefined> {
  const token = sessionToken(context, request);
  const teacher = token
    ? await findSession(context.database.db, token, context.now(), context.config)
    : undefined;
  if (!teacher && request.cookies[sessionCookieName(context)] !== undefined) {
    clearSessionCookie(context, reply);
  }
  return teacher;
}

/** The signed-in teacher, or a 401 (and the dead cookie cleared). */
export async function requireTeacher(
  context: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<SignedInTeacher> {
  const teacher = await signedInTeacher(context, request, reply);
  if (!teacher) throw new HttpError(401, 'sign in first');
  return teacher;
}
