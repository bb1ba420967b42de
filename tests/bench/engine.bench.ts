import type { Question, Difficulty } from '@/domain/question';
import { bench, describe } from 'vitest';
import { drawQuestions } from '@/engine/draw-questions';
import { TOPICS } from '../engine/fixtures';
import type { DrawSettings } from '@/engine/draw-settings';
import { gradeAnswer } from '@/engine/grade-answer';
import type { LearnerResponse } from '@/domain/learner-response';
import { presentQuestion, type PresentedQuestion } from '@/engine/present-question';
import { createRandom } from '@/engine/random';

const BANK_SIZE = 100_000;
const DIFFICULTIES: readonly Difficulty[] = [1, 2, 3];
const BATCH = 1_000;

/** A bank of `size` questions, the same on every run, cycling through every type. */
function generateBank(size: number): Question[] {
  const random = createRandom('bench-bank');
  return Array.from({ length: size }, (_, index): Question => {
    const choices = ['a', 'b', 'c', 'd'].map((id) => ({ id, text: `Choice ${id} of ${index}` }));
    const common = {
      id: `q-${index}`,
      bank: `bank-${index % 5}`,
      prompt: `Question ${index}?`,
      topics: [TOPICS[random.nextInt(TOPICS.length)] ?? 'dates'],
      difficulty: DIFFICULTIES[random.nextInt(DIFFICULTIES.length)] ?? 1,
      explanation: 'Because.',
      citations: [{ source: 'bench', passage: 'bench', quote: 'Bench.' }],
    };
    switch (index % 8) {
      case 0:
        return { ...common, type: 'single', choices, answer: 'b' };
      case 1:
        return { ...common, type: 'multiple', choices, answer: ['a', 'c'] };
      case 2:
        return { ...common, type: 'true-false', answer: index % 3 === 0 };
      case 3:
        return { ...common, type: 'numeric', answer: { value: 46.35, tolerance: 0, unit: 'EUR million' } };
      case 4:
        return { ...common, type: 'year', answer: 1973 };
      case 5:
        return { ...common, type: 'ordering', choices, answer: ['a', 'b', 'c', 'd'] };
      case 6: {
        const left = ['1', '2', '3', '4'].map((id) => ({ id, text: `Left ${id}` }));
        const answer = left.map((item, position) => ({
          left: item.id,
          choice: choices[position]?.id ?? 'a',
        }));
        return { ...common, type: 'matching', left, choices, answer };
      }
      default:
        return { ...common, type: 'short-text', answer: ['Enabel', 'Belgian Development Agency'] };
    }
  });
}

function sampleResponse(question: Question): LearnerResponse {
  switch (question.type) {
    case 'single':
      return { type: 'single', choice: 'b' };
    case 'multiple':
      return { type: 'multiple', choices: ['a', 'b'] };
    case 'true-false':
      return { type: 'true-false', value: true };
    case 'numeric':
      return { type: 'numeric', text: '€46,35 million' };
    case 'year':
      return { type: 'year', text: ' 1973 ' };
    case 'ordering':
      return { type: 'ordering', order: ['b', 'a', 'c', 'd'] };
    case 'matching':
      return { type: 'matching', pairs: { 1: 'a', 2: 'c', 3: 'b' } };
    case 'short-text':
      return { type: 'short-text', text: 'belgian development agency' };
  }
}

// Through JSON, as the app receives its questions: objects built with spreads are slower to read
// than parsed ones, and would measure the generator rather than the engine.
const bank: Question[] = JSON.parse(JSON.stringify(generateBank(BANK_SIZE)));
const recentIds = bank.slice(0, 50).map((question) => question.id);
let drawCount = 0;

describe(`drawQuestions: 20 of ${BANK_SIZE.toLocaleString('en-US')} (hz = draws/s, target ≥ 1,000)`, () => {
  bench('no filters', () => {
    drawQuestions(bank, { count: 20 }, createRandom((drawCount += 1)));
  });
  const filtered: DrawSettings = {
    count: 20,
    topics: ['dates', 'trade'],
    difficulties: [1, 2],
    excludeIds: recentIds,
  };
  bench('two topics, two difficulties, 50 recently seen left out', () => {
    drawQuestions(bank, filtered, createRandom((drawCount += 1)));
  });
  // Every question shares a fact with two others and names a fourth as related: the draw keeps them apart.
  const relatedBank: Question[] = bank.map((question, index) => ({
    ...question,
    facts: [`fact-${Math.floor(index / 3)}`],
    related: [`q-${(index + 7) % BANK_SIZE}`],
  }));
  bench('every question related to three others', () => {
    drawQuestions(relatedBank, { count: 20 }, createRandom((drawCount += 1)));
  });
});

const answered: [PresentedQuestion, LearnerResponse][] = bank
  .slice(0, BATCH)
  .map((question, index) => [presentQuestion(question, createRandom(index)), sampleResponse(question)]);
const byType = (type: Question['type']) =>
  bank
    .filter((question) => question.type === type)
    .slice(0, BATCH)
    .map((question, index): [PresentedQuestion, LearnerResponse] => [
      presentQuestion(question, createRandom(index)),
      sampleResponse(question),
    ]);

describe(`gradeAnswer: batches of ${BATCH} answers (answers/s = hz × ${BATCH}, target ≥ 1,000,000)`, () => {
  bench('every type, mixed', () => {
    for (const [presented, response] of answered) gradeAnswer(presented, response);
  });
  for (const type of ['single', 'multiple', 'numeric', 'ordering', 'matching', 'short-text'] as const) {
    const batch = byType(type);
    bench(type, () => {
      for (const [presented, response] of batch) gradeAnswer(presented, response);
    });
  }
});
