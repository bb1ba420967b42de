import type { Question } from '@/domain/question';
import fc from 'fast-check';
import { decodeHTML } from 'entities';
import { parse, type GIFTQuestion } from 'gift-pegjs';
import { describe, expect, it } from 'vitest';
import { feedbackText } from '@/formats/cite';
import { exportGift } from '@/formats/export-gift';
import { multipleWeights } from '@/formats/moodle-weights';
import { escapeGift } from '@/formats/gift-text';
import { importGift } from '@/formats/import-gift';
import { ordinal } from '@/formats/positions';
import { realContent } from './load-test-content';

/** gift-pegjs leaves escapes undecoded on the right of a matching pair (a parser quirk our importer undoes). */
const decodeRight = (text: string) =>
  text.replace(/&&(\d{3});/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&&010/g, '\n');

/** gift-pegjs folds runs of white space into one space (line breaks are written escaped, so they stay). */
const folded = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/\s\s+/g, ' '))
    .join('\n');

/** What gift-pegjs returns for each question, in a shape to compare with ours; Moodle shows rich text as HTML. */
function describeParsed(question: GIFTQuestion): unknown {
  switch (question.type) {
    case 'MC':
      return question.choices.map((choice) => [
        choice.isCorrect,
        choice.weight,
        decodeHTML(choice.text.text),
      ]);
    case 'Short':
      return question.choices.map((choice) => [choice.isCorrect, choice.weight, choice.text.text]);
    case 'TF':
      return question.isTrue;
    case 'Numerical':
      return question.choices;
    case 'Matching':
      return question.matchPairs.map((pair) => [
        decodeHTML(pair.subquestion.text),
        decodeRight(pair.subanswer),
      ]);
    default:
      return question.type;
  }
}

const textOf = (list: readonly { id: string; text: string }[], id: string) =>
  list.find((item) => item.id === id)?.text;

/** What we expect gift-pegjs to read back for each of our questions. */
function expected(question: Question): { type: string; answers: unknown } {
  switch (question.type) {
    case 'single':
      return { type: 'MC', answers: question.choices.map((c) => [c.id === question.answer, null, c.text]) };
    case 'multiple': {
      const weights = multipleWeights(question).weights.map((weight) => Number(weight.toFixed(5)));
      return { type: 'MC', answers: question.choices.map((c, index) => [false, weights[index], c.text]) };
    }
    case 'true-false':
      return { type: 'TF', answers: question.answer };
    case 'numeric':
      return {
        type: 'Numerical',
        answers: { type: 'range', number: question.answer.value, range: question.answer.tolerance },
      };
    case 'year':
      return { type: 'Numerical', answers: { type: 'range', number: question.answer, range: 0 } };
    case 'short-text':
      return { type: 'Short', answers: question.answer.map((answer) => [true, null, answer]) };
    case 'matching':
      return {
        type: 'Matching',
        answers: question.answer.map((pair) => [
          textOf(question.left, pair.left),
          textOf(question.choices, pair.choice),
        ]),
      };
    case 'ordering':
      return {
        type: 'Matching',
        answers: question.choices
          .map((item) => [item.text, ordinal(question.answer.indexOf(item.id) + 1)])
          .sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1)),
      };
  }
}

describe('GIFT export of the real banks', () => {
  const content = realContent();
  const { files, skipped } = exportGift(content);
  const text = String(files[0]?.content);
  const parsed = parse(text);
  const questions = parsed.filter((question) => question.type !== 'Category');

  it('writes every question, one category per bank', () => {
    expect(skipped).toEqual([]);
    expect(questions).toHaveLength(content.questions.length);
    expect(
      parsed.filter((question) => question.type === 'Category').map((category) => category.title),
    ).toEqual(content.banks.map((bank) => `$course$/top/${bank.title}`));
  });

  it('gives back, through gift-pegjs, the same prompts, answers, weights and feedback', () => {
    content.questions.forEach((question, index) => {
      const read = questions[index];
      if (!read) throw new Error(`question ${question.id} missing`);
      const want = expected(question);
      expect({ id: read.title, type: read.type, answers: describeParsed(read) }).toEqual({
        id: question.id,
        ...want,
      });
      expect(decodeHTML(read.stem.text)).toBe(question.prompt);
      if ('globalFeedback' in read)
        expect(decodeHTML(read.globalFeedback?.text ?? '')).toBe(
          folded(feedbackText(question, content.sources)),
        );
      expect(read.tags).toEqual([...question.topics, `difficulty-${question.difficulty}`]);
    });
  });

  it('weighs multiple-answer questions as Moodle does: right ones sum to 100, wrong ones to -100', () => {
    for (const question of content.questions) {
      if (question.type !== 'multiple') continue;
      const weights = multipleWeights(question).weights.map((weight) => Number(weight.toFixed(5)));
      const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
      expect(sum(weights.filter((weight) => weight > 0))).toBeCloseTo(100, 3);
      if (question.answer.length < question.choices.length)
        expect(sum(weights.filter((weight) => weight < 0))).toBeCloseTo(-100, 3);
    }
  });

  it('comes back through our importer as the same questions (numeric units aside, which GIFT lacks)', () => {
    const result = importGift(text);
    expect(result.problems).toEqual([]);
    expect(result.drafts).toEqual(
      // GIFT has no place for the facts a question asks or the questions it must not meet.
      content.questions.map((question) => ({
        ...question,
        facts: undefined,
        related: undefined,
        bank: 'imported',
        citations: [],
        explanation: folded(feedbackText(question, content.sources)),
        ...(question.type === 'numeric' ? { answer: { ...question.answer, unit: '' } } : {}),
      })),
    );
  });
});

describe('GIFT escaping', () => {
  it('escapes every control character and writes line breaks as \\n', () => {
    expect(escapeGift('a~b=c#d{e}f:g\\h\r\ni')).toBe('a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni');
  });

  const special = fc.constantFrom(
    '~',
    '=',
    '#',
    '{',
    '}',
    ':',
    '\\',
    '&',
    '<',
    '>',
    '"',
    "'",
    '%',
    '[',
    ']',
    '-',
    '/',
    '\n',
    ' ',
    '\t',
    'é',
    '€',
    '中',
    '😀',
    '\u00a0',
    'a',
    'Z',
    '0',
    '1',
    '.',
    'html',
    'TRUE',
    '->',
    '####',
    '::',
    '//',
    '&&035;',
    '[html]',
    '%50%',
  );
  const text = fc
    .string({ unit: special, minLength: 1, maxLength: 30 })
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
  const distinct = (count: number) =>
    fc.uniqueArray(text, { minLength: count, maxLength: count, selector: folded });

  function single(prompt: string, choices: string[], explanation: string): Question {
    return {
      id: 'q',
      bank: 'b',
      type: 'single',
      prompt,
      topics: ['dates'],
      difficulty: 1,
      explanation,
      citations: [],
      choices: choices.map((choice, index) => ({ id: 'abc'[index] ?? 'z', text: choice })),
      answer: 'b',
    };
  }

  it('any prompt, choice and feedback survives export → gift-pegjs → import', () => {
    fc.assert(
      fc.property(text, distinct(3), text, (prompt, choices, explanation) => {
        const question = single(prompt, choices, explanation);
        const { files, skipped } = exportGift({ questions: [question], sources: [] });
        if (skipped.length > 0) {
          expect(choices[1]).toContain('->');
          return;
        }
        const [draft] = importGift(String(files[0]?.content)).drafts;
        expect(draft).toMatchObject({
          type: 'single',
          prompt: folded(prompt),
          choices: choices.map((choice) => ({ text: folded(choice) })),
          answer: 'b',
          explanation: folded(explanation),
        });
      }),
      { numRuns: 300 },
    );
  });

  it('any short answer and matching pair survives too', () => {
    fc.assert(
      fc.property(text, distinct(2), distinct(2), distinct(2), (prompt, answers, left, right) => {
        const common = {
          bank: 'b',
          prompt,
          topics: ['dates' as const],
          difficulty: 1 as const,
          explanation: 'x',
          citations: [],
        };
        const questions: Question[] = [
          { ...common, id: 'short', type: 'short-text', answer: answers },
          {
            ...common,
            id: 'match',
            type: 'matching',
            left: left.map((item, index) => ({ id: String(index + 1), text: item })),
            choices: right.map((item, index) => ({ id: 'ab'[index] ?? 'z', text: item })),
            answer: [
              { left: '1', choice: 'a' },
              { left: '2', choice: 'b' },
            ],
          },
        ];
        const { files, skipped } = exportGift({ questions, sources: [] });
        const drafts = importGift(String(files[0]?.content)).drafts;
        const byId = new Map(drafts.map((draft) => [draft.id, draft]));
        if (skipped.some((s) => s.questionId === 'short')) expect(answers.join('')).toContain('->');
        else expect(byId.get('short')).toMatchObject({ type: 'short-text', answer: answers.map(folded) });
        if (skipped.some((s) => s.questionId === 'match')) expect(left.join('')).toContain('->');
        else {
          // Right-hand sides that read "1st", "2nd" would make it an ordering question.
          fc.pre(!right.every((item) => /^\d+(st|nd|rd|th)$/i.test(item.trim())));
          expect(byId.get('match')).toMatchObject({
            type: 'matching',
            left: left.map((item) => ({ text: folded(item) })),
            choices: right.map((item) => ({ text: folded(item) })),
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('any number survives, without exponents', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e25, max: 1e25 }),
        fc.double({ noNaN: true, min: 0, max: 1e6, noDefaultInfinity: true }),
        (value, tolerance) => {
          const question: Question = {
            id: 'n',
            bank: 'b',
            type: 'numeric',
            prompt: 'How much?',
            topics: ['amounts'],
            difficulty: 1,
            explanation: 'x',
            citations: [],
            answer: { value, tolerance, unit: 'units' },
          };
          const text = String(exportGift({ questions: [question], sources: [] }).files[0]?.content);
          expect(text).not.toMatch(/\{#[^}]*e/);
          const [read] = parse(text).filter((q) => q.type === 'Numerical');
          expect(read && 'choices' in read ? read.choices : undefined).toEqual({
            type: 'range',
            number: value === 0 ? 0 : value,
            range: tolerance === 0 ? 0 : tolerance,
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
