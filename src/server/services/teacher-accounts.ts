import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../db/open-database';
import { passwordResets, teachers } from '../db/schema';
import { HttpError } from '../errors';
import { newId, newToken, sha256 } from '../ids';
import { endAllSessions } from '../auth/sessions';
import { hashPassword, isPasswordRight, passwordProblem } from '../auth/passwords';

export type Teacher = { id: string; email: string };

const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Error &&
  (('code' in error && error.code === '23505') ||
    (error.cause instanceof Error && 'code' in error.cause && error.cause.code === '23505'));

/** A new teacher with a password, or with none yet (an admin creates the account, the teacher sets it). */
export async function createTeacher(
  db: Database,
  email: string,
  password: string | undefined,
  now: Date,
): Promise<Teacher> {
  if (password !== undefined) {
    const problem = passwordProblem(password, email);
    if (problem) throw new HttpError(400, problem);
  }
  const teacher = { id: newId(), email };
  try {
    await db.insert(teachers).values({
      ...teacher,
      passwordHash: password === undefined ? null : await hashPassword(password),
      createdAt: now,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new HttpError(409, 'an account with this email already exists');
    throw error;
  }
  return teacher;
}

/** The teacher whose email and password these are; one answer for every kind of failure. */
export async function checkSignIn(db: Database, email: string, password: string): Promise<Teacher> {
  const [row] = await db.select().from(teachers).where(eq(teachers.email, email));
  if (!(await isPasswordRight(password, row?.passwordHash)) || !row) {
    throw new HttpError(401, 'wrong email or password');
  }
  return { id: row.id, email: row.email };
}

export async function findTeacherByEmail(db: Database, email: string): Promise<Teacher | undefined> {
  const [row] = await db
    .select({ id: teachers.id, email: teachers.email })
    .from(teachers)
    .where(eq(teachers.email, email));
  return row;
}

/** A one-time token for setting a password (printed by `npm run admin`); only its hash is kept. */
export async function createPasswordReset(
  db: Database,
  teacherId: string,
  now: Date,
  lifetimeMs: number,
): Promise<string> {
  const token = newToken();
  await db.insert(passwordResets).values({
    tokenHash: sha256(token),
    teacherId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + lifetimeMs),
  });
  return token;
}

/** Sets a new password with a reset token, once; every session of the teacher ends. */
export async function resetPassword(db: Database, token: string, password: string, now: Date) {
  const tokenHash = sha256(token);
  const [reset] = await db
    .select({ teacherId: passwordResets.teacherId, email: teachers.email })
    .from(passwordResets)
    .innerJoin(teachers, eq(teachers.id, passwordResets.teacherId))
    .where(
      and(
        eq(passwordResets.tokenHash, tokenHash),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
      ),
    );
  if (!reset) throw new HttpError(400, 'this link has expired or has already been used; ask for a new one');
  const problem = passwordProblem(password, reset.email);
  if (problem) throw new HttpError(400, problem);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const used = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt)))
      .returning({ teacherId: passwordResets.teacherId });
    if (used.length === 0) throw new HttpError(400, 'this link has already been used');
    await tx.update(teachers).set({ passwordHash }).where(eq(teachers.id, reset.teacherId));
  });
  await endAllSessions(db, reset.teacherId);
  return { id: reset.teacherId, email: reset.email };
}

/** Deletes the teacher and, by the schema's cascades, every class, assignment, attempt and answer. */
export async function deleteTeacher(db: Database, teacherId: string): Promise<void> {
  await db.delete(teachers).where(eq(teachers.id, teacherId));
}
