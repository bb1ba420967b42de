import { QUESTION_TYPES, type QuestionFacets } from '../domain/question';

function bitsByName(names: readonly string[]): ReadonlyMap<string, number> {
  return new Map(names.map((name, position) => [name, 2 ** position]));
}

const TYPE_BITS = bitsByName(QUESTION_TYPES);
// Topics are data (questions/topics.yaml, at most 32 of them), so each index numbers the topics its
// pool uses; a 33rd distinct topic would get no bit and could not be filtered on.
const MAX_TOPIC_BITS = 32;

/** The bit of a question type or difficulty; 0 for a value the index does not know. */
export const bitOf = {
  type: (type: string): number => TYPE_BITS.get(type) ?? 0,
  difficulty: (difficulty: number): number =>
    difficulty === 1 || difficulty === 2 || difficulty === 3 ? 2 ** difficulty : 0,
};

export type Facet = 'bank' | 'type' | 'difficulty' | 'topic';

export function listKey(facet: Facet, value: string | number): string {
  return `${facet}:${value}`;
}

/**
 * A pool's facets as flat typed arrays, one slot per position in the pool (type, difficulty and
 * topics as bit sets), and for every facet value the positions that have it. A draw reads the
 * shortest lists the filters allow and checks the other facets in the arrays, never the question
 * objects: filtering 100,000 questions this way takes well under a millisecond.
 */
export type QuestionIndex = {
  size: number;
  /** Positions with a facet value, ascending, keyed by `listKey` (e.g. "topic:dates"). */
  lists: ReadonlyMap<string, Int32Array>;
  positionById: ReadonlyMap<string, number>;
  bankNumbers: ReadonlyMap<string, number>;
  bankOf: Int32Array;
  typeBits: Uint8Array;
  difficultyBits: Uint8Array;
  topicBits: Uint32Array;
  /** The bit of each topic in `topicBits`. */
  topicBit: ReadonlyMap<string, number>;
};

function buildIndex(pool: readonly QuestionFacets[]): QuestionIndex {
  const size = pool.length;
  const positionById = new Map<string, number>();
  const bankNumbers = new Map<string, number>();
  const lists = new Map<string, number[]>();
  const topicBit = new Map<string, number>();
  const bitOfTopic = (topic: string): number => {
    let bit = topicBit.get(topic);
    if (bit === undefined) {
      bit = topicBit.size < MAX_TOPIC_BITS ? 2 ** topicBit.size : 0;
      topicBit.set(topic, bit);
    }
    return bit;
  };
  const addTo = (key: string, position: number) => {
    const list = lists.get(key);
    if (list) list.push(position);
    else lists.set(key, [position]);
  };
  const index: QuestionIndex = {
    size,
    lists: new Map(),
    positionById,
    bankNumbers,
    bankOf: new Int32Array(size),
    typeBits: new Uint8Array(size),
    difficultyBits: new Uint8Array(size),
    topicBits: new Uint32Array(size),
    topicBit,
  };
  pool.forEach((question, position) => {
    if (!positionById.has(question.id)) positionById.set(question.id, position);
    let bank = bankNumbers.get(question.bank);
    if (bank === undefined) {
      bank = bankNumbers.size;
      bankNumbers.set(question.bank, bank);
    }
    index.bankOf[position] = bank;
    index.typeBits[position] = bitOf.type(question.type);
    index.difficultyBits[position] = bitOf.difficulty(question.difficulty);
    index.topicBits[position] = question.topics.reduce((bits, topic) => bits | bitOfTopic(topic), 0);
    addTo(listKey('bank', question.bank), position);
    addTo(listKey('type', question.type), position);
    addTo(listKey('difficulty', question.difficulty), position);
    for (const topic of new Set(question.topics)) addTo(listKey('topic', topic), position);
  });
  return { ...index, lists: new Map([...lists].map(([key, list]) => [key, Int32Array.from(list)])) };
}

// Pools are never mutated (by us or, by contract, by callers), so an index built once per pool
// array serves every later draw from it. A pool whose length changed is indexed afresh.
const indexes = new WeakMap<readonly QuestionFacets[], QuestionIndex>();

/** The index of a pool, built on first use and remembered for as long as the pool array lives. */
export function indexQuestions(pool: readonly QuestionFacets[]): QuestionIndex {
  const known = indexes.get(pool);
  if (known && known.size === pool.length) return known;
  const index = buildIndex(pool);
  indexes.set(pool, index);
  return index;
}
