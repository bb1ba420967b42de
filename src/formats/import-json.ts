import type { Source } from '../domain/source';
import { z } from 'zod';
import { EXPORT_FORMAT, READABLE_VERSIONS } from './export-json';
import type { Bank } from '../domain/content';
import { questionSchema } from '../content/question-schema';
import { idSchema, textSchema } from '../content/schema-primitives';
import { sourceSchema } from '../content/source-schema';
import type { DraftQuestion, ImportProblem, ImportResult } from './format-types';
import { locate, positionAt, scanJson, type JsonPath } from './json-locate';
import { reserveIds } from './reserve-ids';

const documentSchema = z.lazy(() =>
  z.strictObject({
    format: z.literal(EXPORT_FORMAT),
    version: z.union(
      READABLE_VERSIONS.map((version) => z.literal(version)),
      {
        error: () => `version must be one of ${READABLE_VERSIONS.join(', ')}`,
      },
    ),
    sources: z.array(sourceSchema),
    banks: z.array(
      z.strictObject({
        id: idSchema,
        title: textSchema,
        description: z.string(),
        questionIds: z.array(z.string()),
      }),
    ),
    questions: z.array(z.unknown()),
  }),
);

export type JsonImportResult = ImportResult & { sources: Source[]; banks: Bank[] };

/** Where a value is, in words: `questions[2].answer` is "question 3, answer". */
function describePath(path: JsonPath): string {
  const [top, index, ...rest] = path;
  const head =
    typeof index === 'number' && (top === 'questions' || top === 'banks' || top === 'sources')
      ? [`${top.slice(0, -1)} ${index + 1}`, ...rest]
      : path;
  return head
    .map((segment, at) =>
      typeof segment === 'number' ? `item ${segment + 1}` : at ? segment : String(segment),
    )
    .join(', ');
}

/** zod's wording ("Invalid input: expected array, received undefined") in plain words. */
function plainIssue(message: string): string {
  const [, expected = '', received = ''] =
    /^Invalid input: expected (\w+), received (\w+)$/.exec(message) ?? [];
  if (received === 'undefined') return `missing (should be ${a(expected)})`;
  if (received) return `should be ${a(expected)}, not ${a(received)}`;
  const [, options] =
    /^Invalid (?:discriminator value|option)[.:] [Ee]xpected (?:one of )?(.*)$/.exec(message) ?? [];
  if (options) return `must be one of ${options.replace(/'/g, '"').replace(/ \| /g, ', ')}`;
  return message.replace(/^Invalid input: /, '');
}
const a = (type: string) =>
  type === 'array' ? 'a list' : /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;

const NOT_OUR_EXPORT =
  'this is not a question file exported by this app (its "format" is not "source-quiz"): export it again from Source Quiz, or use GIFT, Aiken or CSV';

/**
 * Reads our own JSON export. The document is checked with zod (the same schemas as the app), and
 * then each question on its own, so one bad question is listed, with its path and line, while the
 * others come in. Questions keep their ids, banks and citations: this is our format.
 */
export function importJson(text: string, fileName = ''): JsonImportResult {
  const empty = { drafts: [], notes: [], sources: [], banks: [] };
  const scanned = scanJson(text);
  if (scanned.error) {
    return {
      ...empty,
      problems: [
        {
          ...positionAt(text, scanned.error.offset),
          message: `this is not valid JSON here (${scanned.error.message}): the file may be cut short or edited by hand; export it again`,
        },
      ],
    };
  }
  const data: unknown = JSON.parse(text);
  const problemsOf = (issues: readonly z.core.$ZodIssue[], at: JsonPath): ImportProblem[] =>
    issues.map((issue) => {
      const path = [...at, ...issue.path.filter((segment) => typeof segment !== 'symbol')];
      const where = describePath(path);
      return {
        ...locate(text, scanned.positions, path),
        message: where ? `${where}: ${plainIssue(issue.message)}` : plainIssue(issue.message),
      };
    });
  const document = documentSchema.safeParse(data);
  if (!document.success) {
    const isOurs =
      typeof data === 'object' && data !== null && 'format' in data && data.format === EXPORT_FORMAT;
    // Another JSON file altogether: one clear message, not a list of everything it lacks.
    if (!isOurs) {
      const at = typeof data === 'object' && data !== null && 'format' in data ? ['format'] : [];
      return { ...empty, problems: [{ ...locate(text, scanned.positions, at), message: NOT_OUR_EXPORT }] };
    }
    return { ...empty, problems: problemsOf(document.error.issues, []) };
  }

  const problems: ImportProblem[] = [];
  const drafts: DraftQuestion[] = [];
  const draftLines: number[] = [];
  document.data.questions.forEach((raw, index) => {
    const question = questionSchema.safeParse(raw);
    if (question.success) {
      drafts.push(question.data);
      draftLines.push(locate(text, scanned.positions, ['questions', index]).line);
    } else problems.push(...problemsOf(question.error.issues, ['questions', index]));
  });
  const banks = document.data.banks.map((bank) => ({ ...bank, file: fileName }));
  return { drafts, problems, notes: [], sources: document.data.sources, banks, draftLines };
}

/**
 * Gives the file's questions ids no other question has (see reserveIds) and makes the file's own
 * references follow: a bank's `questionIds` and a question's `related` name the renamed id, so the
 * bank keeps its questions and related questions stay apart in a quiz. When the file gives two
 * questions the same id, a reference means the first of them, which keeps its id if it can.
 */
export function reserveJsonIds(
  result: JsonImportResult,
  taken: ReadonlySet<string> = new Set(),
): JsonImportResult {
  const reserved = reserveIds(result, taken);
  const renamed = new Map<string, string>();
  result.drafts.forEach((draft, index) => {
    const id = reserved.drafts[index]?.id;
    if (id !== undefined && !renamed.has(draft.id)) renamed.set(draft.id, id);
  });
  const follow = (id: string) => renamed.get(id) ?? id;
  const drafts = reserved.drafts.map((draft) =>
    draft.related ? { ...draft, related: draft.related.map(follow) } : draft,
  );
  const banks = result.banks.map((bank) => ({ ...bank, questionIds: bank.questionIds.map(follow) }));
  return { ...result, ...reserved, drafts, banks };
}
