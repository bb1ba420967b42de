import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db/open-database';
import { classes } from '../db/schema';
import { notFound } from '../errors';
import { newId } from '../ids';

export type ClassRow = typeof classes.$inferSelect;

export function classView(row: ClassRow) {
  return { id: row.id, name: row.name, roster: row.roster, createdAt: row.createdAt.toISOString() };
}

export async function createClass(
  db: Database,
  teacherId: string,
  input: { name: string; roster: string[] },
  now: Date,
) {
  const [row] = await db
    .insert(classes)
    .values({ id: newId(), teacherId, name: input.name, roster: input.roster, createdAt: now })
    .returning();
  if (!row) throw new Error('the class was not stored');
  return row;
}

export function listClasses(db: Database, teacherId: string) {
  return db.select().from(classes).where(eq(classes.teacherId, teacherId)).orderBy(asc(classes.createdAt));
}

export async function findOwnClass(db: Database, teacherId: string, id: string) {
  const [row] = await db
    .select()
    .from(classes)
    .where(and(eq(classes.id, id), eq(classes.teacherId, teacherId)));
  if (!row) throw notFound();
  return row;
}

export async function updateClass(
  db: Database,
  teacherId: string,
  id: string,
  patch: { name?: string | undefined; roster?: string[] | undefined },
) {
  const current = await findOwnClass(db, teacherId, id);
  const [row] = await db
    .update(classes)
    .set({ name: patch.name ?? current.name, roster: patch.roster ?? current.roster })
    .where(and(eq(classes.id, id), eq(classes.teacherId, teacherId)))
    .returning();
  if (!row) throw notFound();
  return row;
}

export async function deleteClass(db: Database, teacherId: string, id: string) {
  const deleted = await db
    .delete(classes)
    .where(and(eq(classes.id, id), eq(classes.teacherId, teacherId)))
    .returning({ id: classes.id });
  if (deleted.length === 0) throw notFound();
}
