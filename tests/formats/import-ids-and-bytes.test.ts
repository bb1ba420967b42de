import { describe, expect, it } from 'vitest';
import { decodeImportText } from '@/formats/decode-text';
import { createIdGiver } from '@/formats/draft-id';
import { IMPORTERS } from '@/formats/formats';
import { importFile } from '@/formats/import-file';

describe('imported ids', () => {
  it('never reuse the id of a question already in the app, and say so at the line', () => {
    const gift = '::capital::Capital of Belgium? {=Brussels ~Ghent}\n\n::other::Is it? {T}';
    const result = IMPORTERS.gift(gift, { takenIds: new Set(['capital']) });
    expect(result.drafts.map((draft) => draft.id)).toEqual(['capital-2', 'other']);
    expect(result.notes).toEqual([
      {
        line: 1,
        message:
          'the id "capital" is already used by a question in the app or in My questions: renamed "capital-2"',
      },
    ]);
  });

  it('are unique within a JSON file too, where ids come from the file', () => {
    const question = {
      id: 'same',
      bank: 'b',
      type: 'true-false',
      prompt: 'Is it?',
      topics: ['dates'],
      difficulty: 1,
      explanation: 'Yes.',
      citations: [{ source: 's', passage: 'p', quote: 'Yes.' }],
      answer: true,
    };
    const document = {
      format: 'source-quiz',
      version: 2,
      sources: [],
      banks: [],
      questions: [question, question],
    };
    const result = IMPORTERS.json(JSON.stringify(document, null, 2));
    expect(result.problems).toEqual([]);
    expect(result.drafts.map((draft) => draft.id)).toEqual(['same', 'same-2']);
    expect(result.notes[0]?.message).toMatch(/by another question in this file: renamed "same-2"/);
  });

  it('in a JSON file, carry the bank list and related questions along when renamed', () => {
    const question = (id: string, related?: string[]) => ({
      id,
      bank: 'b',
      type: 'true-false',
      prompt: `Is ${id} true?`,
      topics: ['dates'],
      difficulty: 1,
      explanation: 'Yes.',
      citations: [{ source: 's', passage: 'p', quote: 'Yes.' }],
      answer: true,
      ...(related ? { related } : {}),
    });
    const document = {
      format: 'source-quiz',
      version: 2,
      sources: [],
      banks: [{ id: 'b', title: 'B', description: '', questionIds: ['capital', 'other', 'built-in'] }],
      questions: [question('capital', ['other']), question('other', ['capital', 'built-in'])],
    };
    const result = IMPORTERS.json(JSON.stringify(document, null, 2), {
      takenIds: new Set(['capital', 'other', 'built-in']),
    });
    expect(result.problems).toEqual([]);
    expect(result.drafts.map((draft) => [draft.id, draft.related])).toEqual([
      ['capital-2', ['other-2']],
      ['other-2', ['capital-2', 'built-in']],
    ]);
    // A reference to a question that is not in the file (a built-in one) is left as it was.
    expect('banks' in result && result.banks[0]?.questionIds).toEqual(['capital-2', 'other-2', 'built-in']);
  });

  it('are handed out in linear time: 20,000 questions sharing a title', () => {
    const give = createIdGiver(['q']);
    const ids = Array.from({ length: 20_000 }, () => give('q', ''));
    expect(new Set(ids).size).toBe(20_000);
    expect(ids.slice(0, 2)).toEqual(['q-2', 'q-3']);
    expect(ids.at(-1)).toBe('q-20001');
  });

  it('skip ids a file already uses for another question', () => {
    const give = createIdGiver();
    expect([give('x', ''), give('x-2', ''), give('x', ''), give('x', '')]).toEqual([
      'x',
      'x-2',
      'x-3',
      'x-4',
    ]);
  });
});

describe('file bytes', () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  it('bytes that are not UTF-8 are noted with their line', () => {
    const latin1 = Uint8Array.from([...encode('Q1 {T}\n\nCaf'), 0xe9, ...encode(' {T}\n')]);
    const { text, notes } = decodeImportText(latin1);
    expect(text).toBe('Q1 {T}\n\nCaf\uFFFD {T}\n');
    expect(notes).toEqual([{ line: 3, message: expect.stringMatching(/not UTF-8.*save the file as UTF-8/) }]);
  });

  it('valid UTF-8, even with a replacement character of its own, gives no note', () => {
    expect(decodeImportText(encode('Café \uFFFD {T}')).notes).toEqual([]);
  });

  it('the import reports the line and still brings in the questions', () => {
    const bytes = Uint8Array.from([...encode('Is the caf'), 0xe9, ...encode(' open? {T}')]);
    const imported = importFile('file.gift', bytes);
    if (!imported.ok) throw new Error(imported.message);
    expect(imported.result.drafts).toHaveLength(1);
    expect(imported.result.notes[0]).toMatchObject({ line: 1, message: expect.stringMatching(/not UTF-8/) });
  });
});
