import type { Question } from '@/content/question-schema';
import type { Difficulty, Topic } from '@/content/schema-primitives';
import type { Random } from './random';
import { createIndexSampler } from './sample-indexes';

export type QuestionType = Question['type'];

/** Which questions a quiz draws from, and how many. An empty or absent filter means "all". */
export type DrawSettings = {
  banks?: readonly string[];
  topics?: readonly Topic[];
  types?: readonly QuestionType[];
  difficulties?: readonly Difficulty[];
  /** Particular questions only (practising the ones missed, reviewing mistakes). */
  ids?: readonly string[];
  count: number | 'all';
  /**
   * Recently seen question ids, most recent first, left out when enough others match. When too few
   * do, they come back, those seen longest ago first. Leave this out of settings a link shares.
   */
  excludeIds?: readonly string[];
};

export type DrawResult = {
  questions: Question[];
  /** How many questions match the filters (recently seen ones included). */
  available: number;
  /** How many were asked for (`available` when the count is 'all'). */
  requested: number;
  /** True when fewer questions match than were asked for. */
  isShort: boolean;
};

function toSet<T>(values: readonly T[] | undefined): Set<T> | null {
  return values && values.length > 0 ? new Set(values) : null;
}

/** The fields the filters look at: enough to count matches without loading whole questions. */
export type QuestionFacets = Pick<Question, 'id' | 'bank' | 'type' | 'topics' | 'difficulty'>;

function matchesFilters(settings: DrawSettings): ((question: QuestionFacets) => boolean) | null {
  const banks = toSet(settings.banks);
  const topics = toSet(settings.topics);
  const types = toSet(settings.types);
  const difficulties = toSet(settings.difficulties);
  const ids = toSet(settings.ids);
  if (!banks && !topics && !types && !difficulties && !ids) return null;
  return (question) =>
    (!ids || ids.has(question.id)) &&
    (!banks || banks.has(question.bank)) &&
    (!types || types.has(question.type)) &&
    (!difficulties || difficulties.has(question.difficulty)) &&
    (!topics || question.topics.some((topic) => topics.has(topic)));
}

function requestedCount(count: number | 'all', available: number): number {
  if (count === 'all') return available;
  return Number.isFinite(count) && count > 0 ? Math.floor(count) : 0;
}

function sample(questions: readonly Question[], wanted: number, random: Random): Question[] {
  const sampler = createIndexSampler(questions.length, random);
  const drawn: Question[] = [];
  while (drawn.length < wanted) {
    const question = questions[sampler.next()];
    if (!question) break;
    drawn.push(question);
  }
  return drawn;
}

/** Round-robin over the topics (in a random order), each turn taking a random unused question of that topic. */
function sampleSpreadByTopic(
  questions: readonly Question[],
  topics: readonly Topic[],
  wanted: number,
  random: Random,
): Question[] {
  const turns = random.shuffle(topics).map((topic) => {
    const ofTopic = questions.filter((question) => question.topics.includes(topic));
    return { questions: ofTopic, sampler: createIndexSampler(ofTopic.length, random), isDone: false };
  });
  const taken = new Set<string>();
  const drawn: Question[] = [];
  while (drawn.length < wanted && turns.some((turn) => !turn.isDone)) {
    for (const turn of turns) {
      if (turn.isDone || drawn.length >= wanted) continue;
      let question = turn.questions[turn.sampler.next()];
      while (question && taken.has(question.id)) question = turn.questions[turn.sampler.next()];
      if (!question) {
        turn.isDone = true;
        continue;
      }
      taken.add(question.id);
      drawn.push(question);
    }
  }
  return drawn;
}

/** How many questions the filters of `settings` let through (its count and recency are ignored). */
export function countMatches(pool: readonly QuestionFacets[], settings: DrawSettings): number {
  const matcher = matchesFilters(settings);
  return matcher ? pool.filter(matcher).length : pool.length;
}

/** Draws questions without replacement, spread across the chosen topics, in a random order. Ids in `pool` are unique. */
export function drawQuestions(pool: readonly Question[], settings: DrawSettings, random: Random): DrawResult {
  const matcher = matchesFilters(settings);
  const matches = matcher ? pool.filter(matcher) : pool;
  const recency = new Map<string, number>();
  for (const id of settings.excludeIds ?? []) if (!recency.has(id)) recency.set(id, recency.size);
  const fresh = recency.size > 0 ? matches.filter((question) => !recency.has(question.id)) : matches;

  const available = matches.length;
  const requested = requestedCount(settings.count, available);
  const wanted = Math.min(requested, available);

  const topics = [...new Set(settings.topics ?? [])];
  const chosen =
    topics.length > 1
      ? sampleSpreadByTopic(fresh, topics, wanted, random)
      : sample(fresh, Math.min(wanted, fresh.length), random);

  if (chosen.length < wanted) {
    const seenLongestAgoFirst = matches
      .filter((question) => recency.has(question.id))
      .sort((left, right) => (recency.get(right.id) ?? 0) - (recency.get(left.id) ?? 0));
    chosen.push(...seenLongestAgoFirst.slice(0, wanted - chosen.length));
  }

  return { questions: random.shuffle(chosen), available, requested, isShort: available < requested };
}
