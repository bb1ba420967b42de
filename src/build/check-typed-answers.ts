// Relative, not '@/': vite.config.ts loads the checker before any path alias exists.
import { gradeAnswer } from '../engine/grade-answer';
import { shortAnswerKey } from '../engine/grade-typed-answer';
import type { LearnerResponse } from '../domain/learner-response';
import { parseNumber } from '../engine/parse-number';
import { acronymPairs } from './acronym-pairs';
import type { AuthoredQuestion } from './bank-schema';
import { numberKeys, valueKeys } from './clue-text';
import { normalizeQuestion } from './normalize-question';
import type { LocatedYaml, YamlPath } from './parse-yaml-file';
import type { Problem } from './problem';
import type { Source } from '../domain/source';
import { numericVariants, shortTextVariants, yearVariants, type Variant } from './typed-answer-variants';

type Typed = Extract<AuthoredQuestion, { type: 'numeric' | 'year' | 'short-text' }>;

const padded = (text: string) => ` ${shortAnswerKey(text)} `;

/** The acronym of an accepted name, or the name of an accepted acronym, as a cited passage writes them. */
function acronymVariants(accepted: readonly string[], passages: readonly string[]): Variant[] {
  const keys = new Set(accepted.map(shortAnswerKey));
  return passages.flatMap(acronymPairs).flatMap(({ acronym, expansion }): Variant[] => {
    if (keys.has(shortAnswerKey(expansion)))
      return [{ answer: acronym, why: 'the acronym the document gives' }];
    if (keys.has(shortAnswerKey(acronym)))
      return [{ answer: expansion, why: 'the name the document spells out' }];
    return [];
  });
}

function variantsOf(question: Typed, quotes: readonly string[], passages: readonly string[]): Variant[] {
  switch (question.type) {
    case 'numeric':
      return numericVariants(question.answer, question.prompt, quotes);
    case 'year':
      return yearVariants(question.answer);
    case 'short-text':
      return [...shortTextVariants(question.answer, passages), ...acronymVariants(question.answer, passages)];
  }
}

function responseOf(question: Typed, text: string): LearnerResponse {
  return { type: question.type, text };
}

/**
 * The typed-answer rules of docs/grading.md for one numeric, year or short-text question: no accepted
 * answer is written in the prompt, and every variant a learner who knows the fact would type is
 * accepted by the engine, unless the question lists it under `refused` with a reason.
 */
export function checkTypedAnswers(
  question: AuthoredQuestion,
  at: YamlPath,
  located: LocatedYaml,
  sources: ReadonlyMap<string, Source>,
): Problem[] {
  if (question.type !== 'numeric' && question.type !== 'year' && question.type !== 'short-text') return [];
  const problems: Problem[] = [];
  const report = (path: YamlPath, message: string) =>
    problems.push(located.problemAt([...at, ...path], `${question.id}: ${message}`));
  const prompt = padded(question.prompt);
  const quotes = question.citations.map((citation) => citation.quote);
  const passages = question.citations.flatMap(
    (citation) => sources.get(citation.source)?.passages.find((p) => p.id === citation.passage)?.text ?? [],
  );

  if (question.type === 'short-text') {
    question.answer.forEach((answer, index) => {
      if (prompt.includes(padded(answer)))
        report(['answer', index], `the prompt already says "${answer}", an accepted answer`);
    });
  } else {
    const value = question.type === 'year' ? question.answer : question.answer.value;
    const unit = question.type === 'numeric' ? question.answer.unit : '';
    const inPrompt = [...valueKeys(value, unit)].some((key) => numberKeys(question.prompt).has(key));
    if (inPrompt) report(['answer'], `the prompt already states the answer, ${value}`);
  }

  const normalized = normalizeQuestion(question, 'check');
  const isAccepted = (text: string) =>
    gradeAnswer(normalized, responseOf(question, text)).verdict === 'correct';
  const declared = question.refused ?? [];
  // A declared number covers every way of writing it ("46.4" covers "€46.4 million"); a text, every folding of it.
  const sameAnswer = (a: string, b: string) => {
    if (question.type === 'short-text') return shortAnswerKey(a) === shortAnswerKey(b);
    const unit = question.type === 'numeric' ? question.answer.unit : '';
    const [x, y] = [parseNumber(a, unit), parseNumber(b, unit)];
    return x.ok && y.ok ? Math.abs(x.value - y.value) < 1e-9 : shortAnswerKey(a) === shortAnswerKey(b);
  };
  const isDeclared = (text: string) => declared.some((entry) => sameAnswer(entry.answer, text));
  const seen = new Set<string>();
  const refused = variantsOf(question, quotes, passages).filter(({ answer }) => {
    if (seen.has(answer) || prompt.includes(padded(answer))) return false;
    seen.add(answer);
    return !isAccepted(answer) && !isDeclared(answer);
  });
  // One example per value is enough for numbers: "46.4" stands for "€46.4 million" and the rest.
  const shown = refused.filter(
    (variant, index) => refused.findIndex((other) => sameAnswer(other.answer, variant.answer)) === index,
  );
  if (shown.length > 0) {
    const list = shown.map(({ answer, why }) => `"${answer.trim()}" (${why})`).join(', ');
    const one = shown.length === 1;
    report(
      ['answer'],
      `a learner who knows the answer may type ${list}, which ${one ? 'is' : 'are'} refused; ` +
        `accept ${one ? 'it' : 'them'}, or list ${one ? 'it' : 'each'} under refused with the reason`,
    );
  }
  declared.forEach((entry, index) => {
    if (isAccepted(entry.answer))
      report(['refused', index, 'answer'], `"${entry.answer}" is listed as refused, but it is accepted`);
  });
  return problems;
}
