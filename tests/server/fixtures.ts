import type { Question } from '@/domain/question';
import { loadServerContent } from '@/server/content/server-content';

export const content = loadServerContent();

/** One question of each of the eight types, from the real banks. */
export function oneOfEachType(): Question[] {
  const byType = new Map<string, Question>();
  for (const { question } of content.current.values())
    if (!byType.has(question.type)) byType.set(question.type, question);
  return [...byType.values()];
}

/** A right answer to a question, in the presented ids a student's device would send. */
export function rightAnswer(
  question: Question,
  shown: { choices: { id: string; text: string }[]; left: { id: string; text: string }[] },
) {
  const choiceId = (realId: string) => {
    const text = 'choices' in question ? question.choices.find((c) => c.id === realId)?.text : undefined;
    return shown.choices.find((c) => c.text === text)?.id ?? 'c99';
  };
  switch (question.type) {
    case 'single':
      return { type: 'single', choice: choiceId(question.answer) };
    case 'multiple':
      return { type: 'multiple', choices: question.answer.map(choiceId) };
    case 'true-false':
      return { type: 'true-false', value: question.answer };
    case 'numeric':
      return { type: 'numeric', text: String(question.answer.value) };
    case 'year':
      return { type: 'year', text: String(question.answer) };
    case 'ordering':
      return { type: 'ordering', order: question.answer.map(choiceId) };
    case 'matching': {
      const pairs: Record<string, string> = {};
      for (const pair of question.answer) {
        const leftText = question.left.find((l) => l.id === pair.left)?.text;
        const leftId = shown.left.find((l) => l.text === leftText)?.id ?? 'l99';
        pairs[leftId] = choiceId(pair.choice);
      }
      return { type: 'matching', pairs };
    }
    case 'short-text':
      return { type: 'short-text', text: question.answer[0] ?? '' };
  }
}

const KEY_FIELDS = new Set([
  'answer',
  'explanation',
  'citations',
  'quote',
  'expected',
  'verdict',
  'grade',
  'feedback',
  'result',
  'presented',
]);

/**
 * Problems with a reply a student gets before answering: any field that carries the key (answer,
 * explanation, citations, grade…) with a value, or any question's explanation in the text.
 */
export function keyLeaks(reply: unknown, text: string, questions: readonly Question[]): string[] {
  const leaks: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${path}[${index}]`));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (KEY_FIELDS.has(key) && item !== null && item !== undefined) leaks.push(`${path}.${key}`);
        walk(item, `${path}.${key}`);
      }
    }
  };
  walk(reply, '');
  for (const question of questions) {
    if (text.includes(question.explanation)) leaks.push(`explanation of ${question.id}`);
    if (text.includes(`"${question.id}"`)) leaks.push(`id of ${question.id}`);
  }
  return leaks;
}
