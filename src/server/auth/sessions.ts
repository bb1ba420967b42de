import { and, eq, gt, lt, or } from 'drizzle-orm';
import type { Database } from '../db/open-database';
import { sessions, teachers } from '../db/schema';
import { newToken, sha256 } from '../ids';

export type SessionTimes = { sessionIdleMs: number; sessionMaxMs: number };
export type SignedInTeacher = { id: string; email: string; tokenHash: string };

/** Writes of "last seen" at most once a minute: enough for an idle limit counted in minutes. */
export const TOUCH_AFTER_MS = 60_000;

/** A new session for the teacher; returns the cookie's token (only its hash is stored). */
export async function startSession(db: Database, teacherId: string, now: Date, times: SessionTimes) {
  const token = newToken();
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    teacherId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + times.sessionMaxMs),
  });
  return token;
}

/** The conditions under which a session's token still signs its teacher in. */
function isAlive(tokenHash: string, now: Date, times: SessionTimes) {
  return and(
    eq(sessions.tokenHash, tokenHash),
    gt(sessions.expiresAt, now),
    gt(sessions.lastSeenAt, new Date(now.getTime() - times.sessionIdleMs)),
  );
}

/** Marks the session as seen now, as a request through `findSession` would. */
export async function touchSession(db: Database, token: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(eq(sessions.tokenHash, sha256(token)));
}

/** The teacher a cookie's token belongs to, if the session is still alive; keeps it alive. */
export async function findSession(
  db: Database,
  token: string,
  now: Date,
  times: SessionTimes,
): Promise<SignedInTeacher | undefined> {
  const tokenHash = sha256(token);
  const [row] = await db
    .select({ id: teachers.id, email: teachers.email, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(teachers, eq(teachers.id, sessions.teacherId))
    .where(isAlive(tokenHash, now, times));
  if (!row) return undefined;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await touchSession(db, token, now);
  }
  return { id: row.id, email: row.email, tokenHash };
}

export async function endSession(db: Database, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

export async function endAllSessions(db: Database, teacherId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.teacherId, teacherId));
}

/** Removes sessions that can no longer be used (run now and then). */
export async function removeDeadSessions(db: Database, now: Date, times: SessionTimes): Promise<void> {
  await db
    .delete(sessions)
    .where(
      or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - times.sessionIdleMs))),
    );
}
