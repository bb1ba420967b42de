import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bankFileSchema } from '@/build/bank-schema';
import { draftsToBank } from '@/formats/drafts-to-bank';
import { writeBankYaml } from '@/formats/write-bank-yaml';
import { normalizeQuestion } from '@/build/normalize-question';
import { realContent } from './load-test-content';

describe('drafts as a YAML bank', () => {
  it('writes questions in the authored format: the real questions come back unchanged once loaded', () => {
    const { questions } = realContent();
    const { bank, notes } = draftsToBank(questions, {
      id: 'all',
      title: 'All',
      description: 'Every question.',
    });
    expect(notes).toEqual([]);
    const yaml = writeBankYaml(bank, 'A comment\nover two lines');
    expect(yaml.startsWith('# A comment\n# over two lines\nid: all\n')).toBe(true);
    const checked = bankFileSchema.parse(parse(yaml));
    expect(checked.questions.map((question) => normalizeQuestion(question, 'all'))).toEqual(
      questions.map((question) => ({ ...question, bank: 'all' })),
    );
  });

  it('says what the bank format cannot hold: matching distractors, answers that name no choice', () => {
    const base = {
      bank: 'imported',
      prompt: 'P',
      topics: [],
      difficulty: 2 as const,
      explanation: '',
      citations: [],
    };
    const { bank, notes } = draftsToBank(
      [
        {
          ...base,
          id: 'with-distractor',
          type: 'matching',
          left: [
            { id: '1', text: 'L1' },
            { id: '2', text: 'L2' },
          ],
          choices: [
            { id: 'a', text: 'R1' },
            { id: 'b', text: 'R2' },
            { id: 'c', text: 'extra' },
          ],
          answer: [
            { left: '1', choice: 'a' },
            { left: '2', choice: 'b' },
          ],
        },
        {
          ...base,
          id: 'broken',
          type: 'single',
          choices: [
            { id: 'a', text: 'x' },
            { id: 'b', text: 'y' },
          ],
          answer: 'z',
        },
      ],
      { id: 'x', title: 'X', description: 'X' },
    );
    expect(bank.questions.map((question) => question.id)).toEqual(['with-distractor']);
    expect(notes).toEqual([
      {
        questionId: 'with-distractor',
        reason: 'the bank format has no distractors: extra right-hand answers dropped',
      },
      { questionId: 'broken', reason: 'left out of the bank: the answer is not one of the choices' },
    ]);
  });
});
