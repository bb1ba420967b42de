import type { Question } from '../domain/question';
import { z } from 'zod';
import { passageKey } from '../content/count-citations';
import type { Content } from '../domain/content';
import type { TextFile } from './load-content';
import { parseYamlFile, validateAt } from './parse-yaml-file';
import { fingerprintPassage } from './passage-fingerprint';
import type { Problem } from './problem';
import { idSchema } from '../content/schema-primitives';

export const CITATION_LOCK_PATH = 'questions/citations.lock.json';

export const citationLockSchema = z.strictObject({
  version: z.literal(1),
  /** Per question id, the fingerprint of each passage it cites (keyed `source/passage`) when it was confirmed. */
  questions: z.record(
    idSchema,
    z.record(
      z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'must be "source/passage"'),
      z.string().regex(/^[0-9a-f]{16}$/, 'must be 16 lower-case hex digits'),
    ),
  ),
});
export type CitationLock = z.infer<typeof citationLockSchema>;
type Fingerprints = CitationLock['questions'][string];

/** Own keys only: a question id such as "constructor" must not find Object.prototype. */
const recordedFor = (lock: CitationLock, id: string): Fingerprints | undefined =>
  Object.hasOwn(lock.questions, id) ? lock.questions[id] : undefined;

export const EMPTY_CITATION_LOCK: CitationLock = { version: 1, questions: {} };

/** Reads the lock; JSON is YAML, so a broken lock is reported with a line and column like any bank. */
export function parseCitationLock(
  file: TextFile,
): { ok: true; value: CitationLock } | { ok: false; problems: Problem[] } {
  const parsed = parseYamlFile(file.path, file.text);
  return parsed.ok ? validateAt(parsed.value.located, [], parsed.value.data, citationLockSchema) : parsed;
}

const sortedEntries = <T>(record: Record<string, T>) =>
  Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** Keys sorted by code point and two-space indents, so that the same lock is always the same bytes. */
export function serializeCitationLock(lock: CitationLock): string {
  const questions = Object.fromEntries(
    sortedEntries(lock.questions).map(([id, fingerprints]) => [
      id,
      Object.fromEntries(sortedEntries(fingerprints)),
    ]),
  );
  return `${JSON.stringify({ version: lock.version, questions }, null, 2)}\n`;
}

function passageTexts(content: Content): Map<string, string> {
  return new Map(
    content.sources.flatMap((source) =>
      source.passages.map((p) => [passageKey(source.id, p.id), p.text] as const),
    ),
  );
}

/** Fingerprints of the passages a question cites now; a passage that does not exist is the checker's business. */
function currentFingerprints(question: Question, texts: ReadonlyMap<string, string>): Fingerprints {
  const fingerprints: Fingerprints = {};
  for (const { source, passage } of question.citations) {
    const text = texts.get(passageKey(source, passage));
    if (text !== undefined) fingerprints[passageKey(source, passage)] = fingerprintPassage(text);
  }
  return fingerprints;
}

export type StaleCitation = { questionId: string; citationIndex: number; source: string; passage: string };
export type LockStatus = {
  /** One entry per question and changed passage, pointing at the question's first citation of it. */
  stale: StaleCitation[];
  /** Questions that are not in the lock, or cite a passage the lock has not recorded for them. */
  unconfirmed: string[];
};

/** Which questions cite a passage that changed since they were confirmed, and which were never confirmed. */
export function compareWithLock(content: Content, lock: CitationLock): LockStatus {
  const texts = passageTexts(content);
  const status: LockStatus = { stale: [], unconfirmed: [] };
  for (const question of content.questions) {
    const recorded = recordedFor(lock, question.id);
    const current = currentFingerprints(question, texts);
    if (!recorded || Object.keys(current).some((key) => recorded[key] === undefined)) {
      status.unconfirmed.push(question.id);
    }
    if (!recorded) continue;
    for (const [key, fingerprint] of Object.entries(current)) {
      const citationIndex = question.citations.findIndex((c) => passageKey(c.source, c.passage) === key);
      const citation = question.citations[citationIndex];
      if (citation && recorded[key] !== undefined && recorded[key] !== fingerprint) {
        status.stale.push({
          questionId: question.id,
          citationIndex,
          source: citation.source,
          passage: citation.passage,
        });
      }
    }
  }
  return status;
}

/** `new`: only what the lock lacks; `all`: everything; a list of ids: those, plus what the lock lacks. */
export type ConfirmScope = 'new' | 'all' | readonly string[];

/**
 * The lock after confirming: chosen questions get today's fingerprints, new questions and new
 * citations are recorded, removed questions and citations are dropped, and every other recorded
 * fingerprint is kept, so a stale question stays stale until it is confirmed by name (or `all`).
 */
export function confirmCitations(
  content: Content,
  lock: CitationLock,
  scope: ConfirmScope,
): { lock: CitationLock; changed: string[]; dropped: string[] } {
  const texts = passageTexts(content);
  const questions: CitationLock['questions'] = {};
  const changed: string[] = [];
  for (const question of content.questions) {
    const recorded = recordedFor(lock, question.id);
    const current = currentFingerprints(question, texts);
    const isChosen = scope === 'all' || (scope !== 'new' && scope.includes(question.id));
    const next = isChosen || !recorded ? current : keepRecorded(recorded, current);
    questions[question.id] = next;
    if (!recorded || serializeEntry(recorded) !== serializeEntry(next)) changed.push(question.id);
  }
  const dropped = Object.keys(lock.questions).filter((id) => !Object.hasOwn(questions, id));
  return { lock: { version: 1, questions }, changed, dropped };
}

function keepRecorded(recorded: Fingerprints, current: Fingerprints): Fingerprints {
  return Object.fromEntries(
    Object.entries(current).map(([key, fingerprint]) => [key, recorded[key] ?? fingerprint]),
  );
}

const serializeEntry = (fingerprints: Fingerprints) => JSON.stringify(sortedEntries(fingerprints));
