import type { Choice, Question } from '../domain/question';
import type { AuthoredQuestion } from './bank-schema';

const LETTERS = 'abcdefghij';

function toChoices(texts: readonly string[], ids = LETTERS): Choice[] {
  return texts.map((text, index) => ({ id: ids[index] ?? String(index), text }));
}

function idOf(choices: readonly Choice[], text: string): string {
  return choices.find((choice) => choice.text === text)?.id ?? text;
}

/** Gives choices ids and rewrites answers to refer to them. Assumes the bank passed its checks. */
export function normalizeQuestion(authored: AuthoredQuestion, bank: string): Question {
  const { id, prompt, topics, difficulty, explanation, citations, facts, related = [] } = authored;
  const common = { id, bank, prompt, topics, difficulty, explanation, citations, facts, related };
  switch (authored.type) {
    case 'single': {
      const choices = toChoices(authored.choices);
      return { ...common, type: 'single', choices, answer: idOf(choices, authored.answer) };
    }
    case 'multiple': {
      const choices = toChoices(authored.choices);
      return { ...common, type: 'multiple', choices, answer: authored.answer.map((t) => idOf(choices, t)) };
    }
    case 'ordering': {
      const choices = toChoices(authored.answer);
      return { ...common, type: 'ordering', choices, answer: choices.map((choice) => choice.id) };
    }
    case 'matching': {
      const left = toChoices(
        authored.answer.map((pair) => pair.left),
        '123456789',
      );
      const choices = toChoices(authored.answer.map((pair) => pair.right));
      const answer = left.map((item, index) => ({ left: item.id, choice: choices[index]?.id ?? '' }));
      return { ...common, type: 'matching', left, choices, answer };
    }
    case 'true-false':
      return { ...common, type: 'true-false', answer: authored.answer };
    case 'year':
      return { ...common, type: 'year', answer: authored.answer };
    case 'short-text':
      return { ...common, type: 'short-text', answer: authored.answer };
    case 'numeric':
      return { ...common, type: 'numeric', answer: authored.answer };
  }
}
