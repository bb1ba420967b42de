import { eq } from 'drizzle-orm';
import type { Database } from '../db/open-database';
import { assignments, attempts } from '../db/schema';
import { askedVersions, type AskedQuestionVersion, type QuestionVersions } from './question-versions';

export type { AskedQuestionVersion };

/** The parts of an attempt that never change once it has started: what was asked, and how. */
export type AskedAttempt = {
  id: string;
  assignmentId: string;
  mode: 'practice' | 'test';
  questions: AskedQuestionVersion[];
};

const LIMIT = 20_000;

/**
 * Attempts by id, kept in memory once read: every answer needs its attempt's questions, and they
 * are immutable, so only the first answer pays for reading them. Timing and submission are not
 * cached: they are checked in the database with every answer.
 */
export function createAttemptCache(db: Database, versions: QuestionVersions) {
  const cache = new Map<string, AskedAttempt>();
  return {
    async get(attemptId: string): Promise<AskedAttempt | undefined> {
      const cached = cache.get(attemptId);
      if (cached) return cached;
      const [row] = await db
        .select({
          id: attempts.id,
          assignmentId: attempts.assignmentId,
          questions: attempts.questions,
          mode: assignments.mode,
        })
        .from(attempts)
        .innerJoin(assignments, eq(assignments.id, attempts.assignmentId))
        .where(eq(attempts.id, attemptId));
      if (!row) return undefined;
      const questions = await askedVersions(versions, row.questions);
      const attempt = { id: row.id, assignmentId: row.assignmentId, mode: row.mode, questions };
      if (cache.size >= LIMIT) cache.delete(cache.keys().next().value ?? '');
      cache.set(attemptId, attempt);
      return attempt;
    },
    /** The question versions the cache reads through (for revisions made after an attempt). */
    versions,
    forget(attemptId: string) {
      cache.delete(attemptId);
    },
  };
}

export type AttemptCache = ReturnType<typeof createAttemptCache>;
