import type { Question, QuestionOfType, Difficulty, Topic } from '@/domain/question';

/** Ten topics, as many as the real banks use. */
export const TOPICS = [
  'dates',
  'amounts',
  'programmes',
  'organisations',
  'trade',
  'education',
  'science',
  'history',
  'places',
  'sectors',
];

type Common = Omit<QuestionOfType<'true-false'>, 'type' | 'answer'>;

function common(id: string, topics: Topic[], difficulty: Difficulty = 1, bank = 'fixtures'): Common {
  return {
    id,
    bank,
    prompt: `Prompt of ${id}?`,
    topics,
    difficulty,
    explanation: `Why ${id} is answered so.`,
    citations: [{ source: 'fixture-source', passage: 'fixture-passage', quote: 'A quote.' }],
  };
}

export const singleQuestion: QuestionOfType<'single'> = {
  ...common('capital-city', ['places']),
  type: 'single',
  choices: [
    { id: 'a', text: 'Hanoi' },
    { id: 'b', text: 'Ho Chi Minh City' },
    { id: 'c', text: 'Da Nang' },
  ],
  answer: 'a',
};

/** Two right choices (a, c) and two wrong ones (b, d). */
export const multipleQuestion: QuestionOfType<'multiple'> = {
  ...common('partner-sectors', ['sectors', 'trade'], 2),
  type: 'multiple',
  choices: [
    { id: 'a', text: 'Water and sanitation' },
    { id: 'b', text: 'Space travel' },
    { id: 'c', text: 'Agriculture' },
    { id: 'd', text: 'Deep-sea mining' },
  ],
  answer: ['a', 'c'],
};

export const trueFalseQuestion: QuestionOfType<'true-false'> = {
  ...common('relations-since-1973', ['history', 'dates']),
  type: 'true-false',
  answer: true,
};

export const numericQuestion: QuestionOfType<'numeric'> = {
  ...common('programme-budget', ['amounts', 'programmes'], 2),
  type: 'numeric',
  answer: { value: 46.35, tolerance: 0, unit: 'EUR million' },
};

export const billionQuestion: QuestionOfType<'numeric'> = {
  ...common('trade-volume', ['amounts', 'trade'], 3),
  type: 'numeric',
  answer: { value: 1.1, tolerance: 0.05, unit: 'EUR billion' },
};

export const studentsQuestion: QuestionOfType<'numeric'> = {
  ...common('student-count', ['education'], 2),
  type: 'numeric',
  answer: { value: 4000, tolerance: 0, unit: 'students' },
};

export const yearQuestion: QuestionOfType<'year'> = {
  ...common('relations-year', ['dates', 'history']),
  type: 'year',
  answer: 1973,
};

/** Four events, right order a, b, c, d. */
export const orderingQuestion: QuestionOfType<'ordering'> = {
  ...common('events-in-order', ['history'], 3),
  type: 'ordering',
  choices: [
    { id: 'a', text: 'Diplomatic relations' },
    { id: 'b', text: 'First programme' },
    { id: 'c', text: 'Trade agreement' },
    { id: 'd', text: 'Tenth anniversary visit' },
  ],
  answer: ['a', 'b', 'c', 'd'],
};

/** Four pairs: 1-a, 2-b, 3-c, 4-d. */
export const matchingQuestion: QuestionOfType<'matching'> = {
  ...common('match-organisations', ['organisations'], 2),
  type: 'matching',
  left: [
    { id: '1', text: 'Enabel' },
    { id: '2', text: 'VLIR-UOS' },
    { id: '3', text: 'ARES' },
    { id: '4', text: 'BIO' },
  ],
  choices: [
    { id: 'a', text: 'Development agency' },
    { id: 'b', text: 'Flemish universities' },
    { id: 'c', text: 'French-speaking universities' },
    { id: 'd', text: 'Investment company' },
  ],
  answer: [
    { left: '1', choice: 'a' },
    { left: '2', choice: 'b' },
    { left: '3', choice: 'c' },
    { left: '4', choice: 'd' },
  ],
};

export const shortTextQuestion: QuestionOfType<'short-text'> = {
  ...common('agency-name', ['organisations'], 1, 'other-bank'),
  type: 'short-text',
  answer: ['Enabel', 'Belgian Development Agency'],
};

/** One question of every type (three numeric ones), all hand-written. */
export const everyTypePool: readonly Question[] = [
  singleQuestion,
  multipleQuestion,
  trueFalseQuestion,
  numericQuestion,
  billionQuestion,
  studentsQuestion,
  yearQuestion,
  orderingQuestion,
  matchingQuestion,
  shortTextQuestion,
];

/** A small pool for draws: q01..q12 over three topics, two banks and three difficulties, true-false and year. */
export const drawPool: readonly Question[] = Array.from({ length: 12 }, (_, index): Question => {
  const number = String(index + 1).padStart(2, '0');
  const topics: Topic[][] = [['dates'], ['trade'], ['education'], ['dates', 'trade']];
  const difficulty: Difficulty = index % 3 === 0 ? 1 : index % 3 === 1 ? 2 : 3;
  const shared = common(
    `q${number}`,
    topics[index % 4] ?? ['dates'],
    difficulty,
    index < 8 ? 'bank-a' : 'bank-b',
  );
  return index % 2 === 0
    ? { ...shared, type: 'true-false', answer: true }
    : { ...shared, type: 'year', answer: 2000 + index };
});
