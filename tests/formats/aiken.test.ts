import { describe, expect, it } from 'vitest';
import { exportAiken } from '@/formats/export-aiken';
import { importAiken } from '@/formats/import-aiken';
import { realContent } from './load-test-content';

describe('Aiken', () => {
  it('exports the single and true/false questions of the real banks and lists every other one', () => {
    const content = realContent();
    const { files, skipped } = exportAiken(content);
    const writable = content.questions.filter(
      (question) => question.type === 'single' || question.type === 'true-false',
    );
    expect(skipped.map((entry) => entry.questionId).sort()).toEqual(
      content.questions
        .filter((question) => !writable.some((candidate) => candidate.id === question.id))
        .map((question) => question.id)
        .sort(),
    );
    const result = importAiken(String(files[0]?.content));
    expect(result.problems).toEqual([]);
    expect(result.drafts.map((draft) => [draft.type, draft.prompt, draft.answer])).toEqual(
      writable.map((question) => [question.type, question.prompt, question.answer]),
    );
    expect(result.drafts.filter((draft) => draft.type === 'single').map((draft) => draft.choices)).toEqual(
      writable.filter((question) => question.type === 'single').map((question) => question.choices),
    );
  });

  it('reads options written A. or A), a question over several lines, and True/False as true/false', () => {
    const text = [
      'Which river flows through Hanoi?',
      'A) Mekong',
      'B) Red River',
      'ANSWER: B',
      '',
      'Belgium and Vietnam',
      'established relations in 1973.',
      'A. True',
      'B. False',
      'ANSWER: A',
    ].join('\r\n');
    expect(importAiken(text)).toMatchObject({
      problems: [],
      drafts: [
        {
          id: 'which-river-flows-through-hanoi',
          type: 'single',
          choices: [
            { id: 'a', text: 'Mekong' },
            { id: 'b', text: 'Red River' },
          ],
          answer: 'b',
          bank: 'imported',
          citations: [],
        },
        { type: 'true-false', prompt: 'Belgium and Vietnam\nestablished relations in 1973.', answer: true },
      ],
    });
  });

  it('lists bad blocks with their lines and still imports the good ones', () => {
    const text = [
      'Missing answer?', // 1
      'A. yes',
      'B. no',
      '',
      'Good one?', // 5
      'A. yes',
      'B. no',
      'ANSWER: A',
      '',
      'Letter not an option?', // 10
      'A. yes',
      'B. no',
      'ANSWER: C', // 13
      '',
      'One option only?', // 15
      'A. yes',
      'ANSWER: A',
      'ANSWER: A', // 18
      'No blank line before the next question?', // 19
      'A. yes',
      'B. no',
      'Next question starts here', // 22
      'A. one',
      'B. two',
      'ANSWER: B',
    ].join('\n');
    const result = importAiken(text);
    expect(result.drafts.map((draft) => draft.prompt)).toEqual(['Good one?', 'Next question starts here']);
    expect(result.problems).toEqual([
      { line: 1, message: 'no "ANSWER: X" line after the options' },
      { line: 13, column: 9, message: 'the answer "C" is not one of the options (A, B)' },
      { line: 15, message: 'a question needs at least two options (A. …, B. …)' },
      { line: 18, column: 1, message: 'an ANSWER line without a question above it' },
      { line: 19, message: 'no "ANSWER: X" line after the options' },
    ]);
  });

  it('writes a multi-line prompt on one line and skips a prompt that reads like an option', () => {
    const [question] = realContent().questions.filter((candidate) => candidate.type === 'single');
    if (!question) throw new Error('no single question');
    const { files, skipped } = exportAiken({
      questions: [
        { ...question, id: 'two-lines', prompt: 'First line\nsecond line' },
        { ...question, id: 'looks-like-option', prompt: 'A. trick' },
      ],
      sources: [],
    });
    expect(String(files[0]?.content).split('\n')[0]).toBe('First line second line');
    expect(skipped).toEqual([
      {
        questionId: 'looks-like-option',
        reason: 'the prompt starts like an Aiken option or answer line, as Moodle reads them',
      },
    ]);
  });

  it("skips exactly the prompts Moodle's Aiken reader would misread", () => {
    const [question] = realContent().questions.filter((candidate) => candidate.type === 'single');
    if (!question) throw new Error('no single question');
    const prompts = {
      'us-exports': 'U.S. exports grew most in which sector?', // "U." then "S": not an option for Moodle
      'tab-option': 'B)\tanything',
      'answer-line': 'ANSWER: what?',
      'answer-word': 'Answer the following: which one?', // Moodle's check is case-sensitive and needs the colon
      short: 'Q',
    };
    const { skipped } = exportAiken({
      questions: Object.entries(prompts).map(([id, prompt]) => ({ ...question, id, prompt })),
      sources: [],
    });
    expect(skipped.map((entry) => entry.questionId)).toEqual(['tab-option', 'answer-line', 'short']);
  });
});
