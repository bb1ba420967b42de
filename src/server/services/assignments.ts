import { and, desc, eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { assignmentInputSchema, assignmentPatchSchema } from '../api-schemas';
import type { ServerContent } from '../content/server-content';
import type { Database } from '../db/open-database';
import { assignments, classes } from '../db/schema';
import { HttpError, notFound } from '../errors';
import { newId } from '../ids';

export type AssignmentRow = typeof assignments.$inferSelect;

/** What a teacher sees of an assignment (and what the export holds). */
export function assignmentView(row: AssignmentRow) {
  return {
    id: row.id,
    classId: row.classId,
    title: row.title,
    ids: row.questionIds,
    mode: row.mode,
    minutes: row.minutes,
    sameOrder: row.sameOrder,
    seed: row.seed,
    opensAt: row.opensAt?.toISOString() ?? null,
    closesAt: row.closesAt?.toISOString() ?? null,
    attemptsAllowed: row.attemptsAllowed,
    createdAt: row.createdAt.toISOString(),
  };
}

async function checkClassIsOwn(db: Database, teacherId: string, classId: string | null) {
  if (classId === null) return;
  const [row] = await db
    .select({ id: classes.id })
    .from(classes)
    .where(and(eq(classes.id, classId), eq(classes.teacherId, teacherId)));
  if (!row) throw new HttpError(400, 'classId: no such class');
}

export async function createAssignment(
  db: Database,
  content: ServerContent,
  teacherId: string,
  input: z.infer<typeof assignmentInputSchema>,
  now: Date,
) {
  const unknown = input.ids.filter((id) => !content.current.has(id));
  if (unknown.length > 0) throw new HttpError(400, `ids: no question ${unknown.slice(0, 5).join(', ')}`);
  if (new Set(input.ids).size !== input.ids.length)
    throw new HttpError(400, 'ids: a question is listed twice');
  await checkClassIsOwn(db, teacherId, input.classId);
  const [row] = await db
    .insert(assignments)
    .values({
      id: newId(),
      teacherId,
      classId: input.classId,
      title: input.title,
      questionIds: input.ids,
      mode: input.mode,
      minutes: input.minutes,
      sameOrder: input.sameOrder,
      seed: input.seed ?? randomBytes(8).toString('hex'),
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      attemptsAllowed: input.attemptsAllowed,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('the assignment was not stored');
  return row;
}

export async function listAssignments(db: Database, teacherId: string) {
  return db
    .select()
    .from(assignments)
    .where(eq(assignments.teacherId, teacherId))
    .orderBy(desc(assignments.createdAt));
}

/** The teacher's own assignment; anyone else's, or none, is "not found". */
export async function findOwnAssignment(db: Database, teacherId: string, id: string) {
  const [row] = await db
    .select()
    .from(assignments)
    .where(and(eq(assignments.id, id), eq(assignments.teacherId, teacherId)));
  if (!row) throw notFound();
  return row;
}

export async function updateAssignment(
  db: Database,
  teacherId: string,
  id: string,
  patch: z.infer<typeof assignmentPatchSchema>,
) {
  const current = await findOwnAssignment(db, teacherId, id);
  const opensAt = patch.opensAt === undefined ? current.opensAt : patch.opensAt;
  const closesAt = patch.closesAt === undefined ? current.closesAt : patch.closesAt;
  if (opensAt && closesAt && opensAt >= closesAt) {
    throw new HttpError(400, 'closesAt: the assignment must open before it closes');
  }
  const [row] = await db
    .update(assignments)
    .set({ ...patch, opensAt, closesAt })
    .where(and(eq(assignments.id, id), eq(assignments.teacherId, teacherId)))
    .returning();
  if (!row) throw notFound();
  return row;
}

export async function deleteAssignment(db: Database, teacherId: string, id: string) {
  const deleted = await db
    .delete(assignments)
    .where(and(eq(assignments.id, id), eq(assignments.teacherId, teacherId)))
    .returning({ id: assignments.id });
  if (deleted.length === 0) throw notFound();
}

/** An assignment by its id alone: what a student holding the link may open. */
export async function findAssignment(db: Database, id: string) {
  const [row] = await db.select().from(assignments).where(eq(assignments.id, id));
  if (!row) throw notFound();
  return row;
}
