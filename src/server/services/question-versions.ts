import type { Question } from '../../domain/question';
import { inArray } from 'drizzle-orm';
import { questionSchema } from '../../content/question-schema';
import type { ServerContent } from '../content/server-content';
import type { Database } from '../db/open-database';
import { questionVersions, type AskedQuestion } from '../db/schema';
import type { PresentedQuestion } from '../../engine/present-question';

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

/**
 * A question as it was asked: the version by its fingerprint, in the order it was shown; and, once
 * the teacher has accepted a change to it, the revision it is graded against now.
 */
export type AskedQuestionVersion = {
  fingerprint: string;
  presented: PresentedQuestion;
  revision?: { fingerprint: string; presented: PresentedQuestion };
};

/** The version a stored response is graded against now: the revision if there is one. */
export const gradedVersion = (asked: AskedQuestionVersion): PresentedQuestion =>
  asked.revision?.presented ?? asked.presented;

/** The questions of an attempt or a live session as they were asked; a missing version is an error. */
export async function askedVersions(
  versions: QuestionVersions,
  asked: readonly AskedQuestion[],
): Promise<AskedQuestionVersion[]> {
  const questions: AskedQuestionVersion[] = [];
  for (const { fingerprint, choiceOrder, leftOrder } of asked) {
    const question = await versions.get(fingerprint);
    if (!question) throw new Error(`question version ${fingerprint} is missing`);
    questions.push({ fingerprint, presented: { question, choiceOrder, leftOrder } });
  }
  return questions;
}
