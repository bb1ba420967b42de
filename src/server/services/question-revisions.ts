import { eq } from 'drizzle-orm';
import { presentRevision } from '../../engine/regrade-answers';
import type { Database } from '../db/open-database';
import { questionChanges } from '../db/schema';
import type { AskedQuestionVersion, QuestionVersions } from './question-versions';

/** A teacher's accepted changes: which version replaces which (each at most once, so a chain). */
export type Revisions = ReadonlyMap<string, { toFingerprint: string; changeId: string }>;

export async function teacherRevisions(db: Database, teacherId: string): Promise<Revisions> {
  const rows = await db
    .select({
      id: questionChanges.id,
      fromFingerprint: questionChanges.fromFingerprint,
      toFingerprint: questionChanges.toFingerprint,
    })
    .from(questionChanges)
    .where(eq(questionChanges.teacherId, teacherId));
  return new Map(
    rows.map((row) => [row.fromFingerprint, { toFingerprint: row.toFingerprint, changeId: row.id }]),
  );
}

/** The version a response to `fingerprint` is graded against now: the end of its chain of changes. */
export function latestFingerprint(revisions: Revisions, fingerprint: string): string {
  let current = fingerprint;
  // A chain is acyclic by construction (each change makes a new version); the bound guards bad data.
  for (let step = 0; step < 1000; step += 1) {
    const next = revisions.get(current);
    if (!next) return current;
    current = next.toFingerprint;
  }
  return current;
}

/** Every fingerprint whose chain ends at `fingerprint` (itself included). */
export function fingerprintsRevisedTo(revisions: Revisions, fingerprint: string): string[] {
  const all = new Set([fingerprint, ...revisions.keys()]);
  return [...all].filter((candidate) => latestFingerprint(revisions, candidate) === fingerprint);
}

/**
 * The asked questions with the revision each is graded against now, in the order it was shown.
 * The original stays in `presented`: stored responses name choices as that version showed them.
 */
export async function withRevisions(
  versions: QuestionVersions,
  revisions: Revisions,
  questions: readonly AskedQuestionVersion[],
): Promise<AskedQuestionVersion[]> {
  if (revisions.size === 0) return [...questions];
  return Promise.all(
    questions.map(async (asked) => {
      const latest = latestFingerprint(revisions, asked.fingerprint);
      if (latest === asked.fingerprint) return asked;
      const revised = await versions.get(latest);
      if (!revised) throw new Error(`question version ${latest} is missing`);
      return {
        ...asked,
        revision: { fingerprint: latest, presented: presentRevision(asked.presented, revised) },
      };
    }),
  );
}
