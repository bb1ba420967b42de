import {
  ID_PATTERN,
  ID_PROBLEM,
  QUESTION_TYPES,
  type Difficulty,
  type QuestionType,
  type Topic,
} from '@/domain/question';
import { QUIZ_MODES, type QuizMode } from '@/domain/quiz-mode';
import type { DrawSettings } from '@/engine/draw-settings';

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

const DIFFICULTY_BY_NAME = { '1': 1, '2': 2, '3': 3 } as const satisfies Record<string, Difficulty>;
const MAX_IDS = 500;
const COUNT_PROBLEM = 'count must be a number from 1 to 500 or "all"';

type Reading<T> = { ok: true; value: T } | { ok: false; problem: string };
const problem = (text: string): { ok: false; problem: string } => ({ ok: false, problem: text });
const read = <T>(value: T): Reading<T> => ({ ok: true, value });

const isOneOf = <T extends string>(options: readonly T[], text: string): text is T =>
  (options as readonly string[]).includes(text);

/** A comma-separated list whose every item must pass `check`; absent or empty means none. */
function listOf<T extends string>(
  text: string | undefined,
  check: (item: string) => item is T,
  itemProblem: string,
): Reading<T[]> {
  const items = text ? text.split(',') : [];
  return items.every(check) ? read(items) : problem(itemProblem);
}

const isId = (item: string): item is string => ID_PATTERN.test(item);

/** A whole number read as a link writes it (`Number`, so " 5" and "5.0" read as 5). */
function wholeNumber(text: string): number | null {
  const value = Number(text);
  return Number.isInteger(value) ? value : null;
}

const atMostMaxIds = (ids: Reading<string[]>): Reading<string[]> =>
  ids.ok && ids.value.length > MAX_IDS ? problem(`a quiz link names at most ${MAX_IDS} questions`) : ids;

function readCount(text: string | undefined): Reading<number | 'all'> {
  if (text === undefined) return read(DEFAULT_SETTINGS.count);
  if (text === 'all') return read('all');
  const value = wholeNumber(text);
  return value !== null && value >= 1 && value <= 500 ? read(value) : problem(COUNT_PROBLEM);
}

function readMinutes(text: string | undefined): Reading<number> {
  if (text === undefined) return read(DEFAULT_SETTINGS.minutes);
  const value = wholeNumber(text);
  if (value === null || value < 0) return problem('a time limit is a whole number of minutes, 0 for none');
  return value > 180 ? problem('a time limit is at most 180 minutes') : read(value);
}

/**
 * Reads settings from a quiz URL; a tampered or broken link gets a sentence naming the first field
 * that is wrong. Checked by hand rather than with a schema: this runs before the quiz's first
 * question can paint, and building and running a schema there delayed that paint.
 */
export function settingsFromParams(
  params: URLSearchParams,
  knownTopics: readonly Topic[],
): { ok: true; settings: QuizSettings } | { ok: false; problem: string } {
  // The last of a repeated parameter counts, as the address bar shows it.
  const field: Partial<Record<string, string>> = Object.fromEntries(params);
  const fields = {
    banks: listOf(field.banks, isId, ID_PROBLEM),
    topics: listOf(field.topics, isId, ID_PROBLEM),
    types: listOf(
      field.types,
      (item): item is QuestionType => isOneOf(QUESTION_TYPES, item),
      `a question type must be one of ${QUESTION_TYPES.join(', ')}`,
    ),
    difficulty: listOf(
      field.difficulty,
      (item): item is keyof typeof DIFFICULTY_BY_NAME => Object.hasOwn(DIFFICULTY_BY_NAME, item),
      'difficulty must be 1, 2 or 3',
    ),
    ids: atMostMaxIds(listOf(field.ids, isId, ID_PROBLEM)),
    count: readCount(field.count),
    mode:
      field.mode === undefined
        ? read<QuizMode>('practice')
        : isOneOf(QUIZ_MODES, field.mode)
          ? read(field.mode)
          : problem('mode must be practice or test'),
    minutes: readMinutes(field.minutes),
    seed:
      field.seed !== undefined && /^[a-z0-9]{1,16}$/.test(field.seed)
        ? read(field.seed)
        : problem('the seed must be 1 to 16 lower-case letters or digits'),
    order:
      field.order === undefined || isOneOf(['listed', 'shuffled'], field.order)
        ? read(field.order)
        : problem('order must be listed or shuffled'),
  };
  for (const [name, reading] of Object.entries(fields)) {
    if (!reading.ok) return { ok: false, problem: `“${name}”: ${reading.problem}` };
  }
  const { banks, topics, types, difficulty, ids, count, mode, minutes, seed, order } = fields as {
    [Name in keyof typeof fields]: Extract<(typeof fields)[Name], { ok: true }>;
  };
  if (!topics.value.every((topic) => knownTopics.includes(topic)))
    return problem(`“topics”: must be one of: ${knownTopics.join(', ')}`);
  const settings: QuizSettings = {
    banks: banks.value,
    topics: topics.value,
    types: types.value,
    difficulties: difficulty.value.map((name) => DIFFICULTY_BY_NAME[name]),
    ids: ids.value,
    count: count.value,
    mode: mode.value,
    minutes: minutes.value,
    seed: seed.value,
  };
  if (order.value === 'listed') settings.keepOrder = true;
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

/** What the draw needs of the settings: the filters and the count. */
export function drawSettingsOf(settings: QuizSettings): DrawSettings {
  const { banks, topics, types, difficulties, ids, count, keepOrder } = settings;
  return { banks, topics, types, difficulties, ids, count, ...(keepOrder ? { keepOrder } : {}) };
}
