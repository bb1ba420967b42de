import { z } from 'zod';
import { idSchema, topicSchema } from '@/content/schema-primitives';
import { QUESTION_TYPES, type Difficulty, type QuestionType, type Topic } from '@/domain/question';
import { QUIZ_MODES, type QuizMode } from '@/domain/quiz-mode';

export const COUNT_OPTIONS = [5, 10, 20, 'all'] as const;

/** What a learner chose on the start screen; it lives in the quiz's URL so a link reproduces the quiz. */
export type QuizSettings = {
  banks: string[];
  topics: Topic[];
  types: QuestionType[];
  difficulties: Difficulty[];
  /** Particular questions (practising the ones missed, reviewing mistakes); empty means any. */
  ids: string[];
  /** With `ids`: ask them in the order listed rather than shuffled (`order=listed`: due questions, most overdue first). */
  keepOrder?: boolean;
  count: number | 'all';
  mode: QuizMode;
  /** Minutes; 0 means no time limit (the default). */
  minutes: number;
  seed: string;
};

export const DEFAULT_SETTINGS: Omit<QuizSettings, 'seed'> = {
  banks: [],
  topics: [],
  types: [],
  difficulties: [],
  ids: [],
  count: 10,
  mode: 'practice',
  minutes: 0,
};

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === 'string' && value ? value.split(',') : []), z.array(item));
const DIFFICULTY_BY_NAME = { '1': 1, '2': 2, '3': 3 } as const satisfies Record<string, Difficulty>;

const COUNT_PROBLEM = 'count must be a number from 1 to 500 or "all"';

const paramsSchema = z.object({
  banks: list(idSchema),
  topics: list(topicSchema),
  types: list(
    z.enum(QUESTION_TYPES, { error: () => `a question type must be one of ${QUESTION_TYPES.join(', ')}` }),
  ),
  difficulty: list(z.enum(['1', '2', '3'], { error: () => 'difficulty must be 1, 2 or 3' })),
  ids: list(idSchema).pipe(z.array(idSchema).max(500, 'a quiz link names at most 500 questions')),
  count: z.preprocess(
    (value) => value ?? DEFAULT_SETTINGS.count,
    z.union(
      [z.literal('all'), z.coerce.number().int(COUNT_PROBLEM).min(1, COUNT_PROBLEM).max(500, COUNT_PROBLEM)],
      { error: () => COUNT_PROBLEM },
    ),
  ),
  mode: z.enum(QUIZ_MODES, { error: () => 'mode must be practice or test' }).default('practice'),
  minutes: z.coerce.number().int().min(0).max(180, 'a time limit is at most 180 minutes').default(0),
  seed: z.string().regex(/^[a-z0-9]{1,16}$/, 'the seed must be 1 to 16 lower-case letters or digits'),
  order: z.enum(['listed', 'shuffled'], { error: () => 'order must be listed or shuffled' }).optional(),
});

/** Reads settings from a quiz URL; a tampered or broken link gets a sentence saying what is wrong. */
export function settingsFromParams(
  params: URLSearchParams,
  knownTopics: readonly Topic[],
): { ok: true; settings: QuizSettings } | { ok: false; problem: string } {
  const result = paramsSchema
    .refine((data) => data.topics.every((topic) => knownTopics.includes(topic)), {
      path: ['topics'],
      message: `must be one of: ${knownTopics.join(', ')}`,
    })
    .safeParse(Object.fromEntries(params));
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path[0];
    return {
      ok: false,
      problem: issue
        ? `${typeof field === 'string' ? `“${field}”: ` : ''}${issue.message}`
        : 'this is not a quiz link',
    };
  }
  const { difficulty, order, ...rest } = result.data;
  const settings: QuizSettings = {
    ...rest,
    difficulties: difficulty.map((name) => DIFFICULTY_BY_NAME[name]),
  };
  if (order === 'listed') settings.keepOrder = true;
  return { ok: true, settings };
}

export function settingsToParams(settings: QuizSettings): URLSearchParams {
  const params = new URLSearchParams();
  if (settings.banks.length) params.set('banks', settings.banks.join(','));
  if (settings.topics.length) params.set('topics', settings.topics.join(','));
  if (settings.types.length) params.set('types', settings.types.join(','));
  if (settings.difficulties.length) params.set('difficulty', settings.difficulties.join(','));
  if (settings.ids.length) params.set('ids', settings.ids.join(','));
  if (settings.keepOrder) params.set('order', 'listed');
  params.set('count', String(settings.count));
  params.set('mode', settings.mode);
  if (settings.minutes > 0) params.set('minutes', String(settings.minutes));
  params.set('seed', settings.seed);
  return params;
}
