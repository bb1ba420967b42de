import {
  DIFFICULTIES,
  QUESTION_TYPES,
  type Difficulty,
  type Question,
  type QuestionType,
  type Topic,
} from '../domain/question';
import { passageKey } from '../content/count-citations';
import { findNumbers, numbersAsWritten } from '../content/find-numbers';
import { foldWhitespace } from '../domain/fold-text';
import type { Content } from '../domain/content';
import { itemShares, type ItemShares } from './item-shares';

export type PassageCoverage = {
  source: string;
  section: string;
  passage: string;
  /** The questions citing this passage, in bank order, each once. */
  questionIds: string[];
  /** The numbers the passage states, as written and without repeats; empty when it states none. */
  numbers: string[];
};
export type SectionCoverage = { id: string; title: string; passages: PassageCoverage[] };
export type SourceCoverage = { id: string; title: string; sections: SectionCoverage[] };
export type Tally<K> = { key: K; count: number }[];

export type Coverage = {
  questionCount: number;
  sources: SourceCoverage[];
  /** Passages that state a number (a year, an amount, a rank, "5 provinces"…) but no question cites. */
  uncitedWithNumbers: PassageCoverage[];
  byType: Tally<QuestionType>;
  /** A question with two topics counts under both. */
  byTopic: Tally<Topic>;
  byDifficulty: Tally<Difficulty>;
  /** Single-choice questions whose answer is longer than every other choice: a give-away when common. */
  longestIsAnswer: { count: number; of: number };
  /** Right-answer counts, choices per question, dates and amounts, facts asked more than twice. */
  items: ItemShares;
};

function tally<K>(
  keys: readonly K[],
  keysOf: (question: Question) => readonly K[],
  questions: readonly Question[],
) {
  return keys.map((key) => ({
    key,
    count: questions.filter((question) => keysOf(question).includes(key)).length,
  }));
}

/** True when the correct choice is strictly longer (in folded characters) than each other choice. */
export function isAnswerStrictlyLongest(question: Extract<Question, { type: 'single' }>): boolean {
  const length = (text: string) => foldWhitespace(text).length;
  const answer = question.choices.find((choice) => choice.id === question.answer);
  if (!answer) return false;
  return question.choices.every((choice) => choice === answer || length(choice.text) < length(answer.text));
}

/** Which passages the questions cite, which numbered passages they leave out, and how the questions spread. */
export function computeCoverage(content: Content): Coverage {
  const citing = new Map<string, string[]>();
  for (const question of content.questions) {
    for (const key of new Set(question.citations.map((c) => passageKey(c.source, c.passage)))) {
      citing.set(key, [...(citing.get(key) ?? []), question.id]);
    }
  }
  const sources = content.sources.map((source) => ({
    id: source.id,
    title: source.title,
    sections: source.sections.map((section) => ({
      id: section.id,
      title: section.title,
      passages: source.passages
        .filter((passage) => passage.section === section.id)
        .map((passage) => ({
          source: source.id,
          section: section.id,
          passage: passage.id,
          questionIds: citing.get(passageKey(source.id, passage.id)) ?? [],
          numbers: findNumbers(passage.text).length > 0 ? [...new Set(numbersAsWritten(passage.text))] : [],
        })),
    })),
  }));
  const singles = content.questions.filter((question) => question.type === 'single');
  return {
    questionCount: content.questions.length,
    sources,
    uncitedWithNumbers: sources
      .flatMap((source) => source.sections.flatMap((section) => section.passages))
      .filter((passage) => passage.numbers.length > 0 && passage.questionIds.length === 0),
    byType: tally(QUESTION_TYPES, (question) => [question.type], content.questions),
    byTopic: tally(
      content.topics.map((topic) => topic.id),
      (question) => question.topics,
      content.questions,
    ),
    byDifficulty: tally(DIFFICULTIES, (question) => [question.difficulty], content.questions),
    longestIsAnswer: { count: singles.filter(isAnswerStrictlyLongest).length, of: singles.length },
    items: itemShares(content.questions),
  };
}
