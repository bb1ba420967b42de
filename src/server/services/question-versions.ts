import type { Question } from '../../domain/question';
import { inArray } from 'drizzle-orm';
import { questionSchema } from '../../content/question-schema';
import type { ServerContent } from '../content/server-content';
import type { Database } from '../db/open-database';
import { questionVersions } from '../db/schema';

export type QuestionVersions = {
  /** The question version with this fingerprint, from memory or the database; undefined if unknown. */
  get(fingerprint: string): Promise<Question | undefined>;
  /** Records today's version of every question (at start-up); known versions are left alone. */
  storeCurrent(now: Date): Promise<void>;
};

export function createQuestionVersions(db: Database, content: ServerContent): QuestionVersions {
  const known = new Map<string, Question>(
    [...content.current.values()].map(({ question, fingerprint }) => [fingerprint, question]),
  );
  return {
    async get(fingerprint) {
      const cached = known.get(fingerprint);
      if (cached) return cached;
      const rows = await db
        .select({ question: questionVersions.question })
        .from(questionVersions)
        .where(inArray(questionVersions.fingerprint, [fingerprint]));
      // Stored data is checked like any other input before the engine sees it.
      const parsed = questionSchema.safeParse(rows[0]?.question);
      if (!parsed.success) return undefined;
      known.set(fingerprint, parsed.data);
      return parsed.data;
    },
    async storeCurrent(now) {
      const rows = [...content.current.values()].map(({ question, fingerprint }) => ({
        fingerprint,
        questionId: question.id,
        question,
        firstSeenAt: now,
      }));
      for (let start = 0; start < rows.length; start += 200) {
        await db
          .insert(questionVersions)
          .values(rows.slice(start, start + 200))
          .onConflictDoNothing();
      }
    },
  };
}
