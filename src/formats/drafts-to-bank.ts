import type { Choice } from '../domain/question';
import type { DraftQuestion, SkippedQuestion } from './format-types';

/** A question as an author writes it (bank-schema.ts), field order as in our banks. Not checked yet. */
export type AuthoredDraft = Record<string, unknown>;
export type DraftBank = { id: string; title: string; description: string; questions: AuthoredDraft[] };

const textOf = (choices: readonly Choice[], id: string) => choices.find((choice) => choice.id === id)?.text;

function choicesAndAnswer(draft: DraftQuestion): { choices?: string[]; answer: unknown } | string {
  switch (draft.type) {
    case 'single': {
      const answer = textOf(draft.choices, draft.answer);
      return answer === undefined
        ? 'the answer is not one of the choices'
        : { choices: draft.choices.map((c) => c.text), answer };
    }
    case 'multiple': {
      const answer = draft.answer.map((id) => textOf(draft.choices, id));
      return answer.some((text) => text === undefined)
        ? 'an answer is not one of the choices'
        : { choices: draft.choices.map((c) => c.text), answer: answer.filter((text) => text !== undefined) };
    }
    case 'ordering': {
      const answer = draft.answer.map((id) => textOf(draft.choices, id));
      return answer.some((text) => text === undefined)
        ? 'an item of the answer is not one of the choices'
        : { answer };
    }
    case 'matching': {
      const answer = draft.answer.map((pair) => ({
        left: textOf(draft.left, pair.left),
        right: textOf(draft.choices, pair.choice),
      }));
      return answer.some((pair) => pair.left === undefined || pair.right === undefined)
        ? 'a pair refers to an item that does not exist'
        : { answer };
    }
    case 'true-false':
    case 'year':
    case 'short-text':
    case 'numeric':
      return { answer: draft.answer };
  }
}

/**
 * Drafts as a bank in our authored format, ready to be written as YAML and finished by an author.
 * The authored format writes matching as pairs, so right-hand answers that match nothing
 * (distractors) cannot be kept: each such loss is noted.
 */
export function draftsToBank(
  drafts: readonly DraftQuestion[],
  header: Omit<DraftBank, 'questions'>,
): { bank: DraftBank; notes: SkippedQuestion[] } {
  const notes: SkippedQuestion[] = [];
  const questions: AuthoredDraft[] = [];
  for (const draft of drafts) {
    const written = choicesAndAnswer(draft);
    if (typeof written === 'string') {
      notes.push({ questionId: draft.id, reason: `left out of the bank: ${written}` });
      continue;
    }
    if (draft.type === 'matching' && draft.choices.length > draft.left.length) {
      notes.push({
        questionId: draft.id,
        reason: 'the bank format has no distractors: extra right-hand answers dropped',
      });
    }
    questions.push({
      id: draft.id,
      type: draft.type,
      prompt: draft.prompt,
      ...(written.choices ? { choices: written.choices } : {}),
      answer: written.answer,
      explanation: draft.explanation,
      citations: draft.citations,
      topics: draft.topics,
      difficulty: draft.difficulty,
      // Our own JSON carries these; other formats do not, and the author adds the facts.
      ...(draft.facts?.length ? { facts: draft.facts } : {}),
      ...(draft.related?.length ? { related: draft.related } : {}),
    });
  }
  return { bank: { ...header, questions }, notes };
}
