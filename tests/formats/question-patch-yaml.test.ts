import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { QuestionOfType } from '@/domain/question';
import { applyQuestionChange } from '@/engine/regrade-answers';
import { changedFields, questionPatchFileName, questionPatchYaml } from '@/formats/question-patch-yaml';

const engineer: QuestionOfType<'single'> = {
  id: 'kp-engineer',
  bank: 'building',
  type: 'single',
  prompt: 'Who was the engineer of the lighthouse?',
  topics: ['people'],
  difficulty: 1,
  explanation: 'The passage names Ada Morrow.',
  citations: [{ source: 'kell-point', passage: 'built', quote: 'by the engineer Ada Morrow' }],
  choices: [
    { id: 'a', text: 'Ada Morrow' },
    { id: 'b', text: 'Tomas Verey' },
    { id: 'c', text: 'Ida <b>Kell</b>' },
  ],
  answer: 'a',
};

function revised(change: Parameters<typeof applyQuestionChange>[1]) {
  const outcome = applyQuestionChange(engineer, change);
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.question;
}

describe('a YAML patch for a built-in bank question', () => {
  it('names the question and bank, lists the changed fields with old and new values, and carries the evidence', () => {
    const text = questionPatchYaml({
      before: engineer,
      after: revised({ kind: 'change-key', key: 'b' }),
      change: { kind: 'change-key', key: 'b' },
      dispute: {
        kind: 'key',
        note: 'The passage says: "engineer Tomas Verey" <b>not</b> Ada.',
        quote: { source: 'kell-point', passage: 'built', words: 'Ada Morrow' },
      },
      reply: 'Right: the key is wrong.',
      accepted: { by: 'ada@school.example', at: '2026-03-01T09:20:00.000Z' },
    });
    expect(text).toBe(
      [
        '# A change to question kp-engineer of the bank "building", accepted after a learner\'s dispute.',
        '# For its authors: set each field listed under `fields` to its `new` value in the bank file',
        '# whose id is building (questions/banks/), then run `npm run bank -- check`.',
        'question: kp-engineer',
        'bank: building',
        'change:',
        '  kind: change-key',
        '  key: b',
        'fields:',
        '  - field: answer',
        '    old: a',
        '    new: b',
        'dispute:',
        '  kind: key',
        '  note: \'The passage says: "engineer Tomas Verey" <b>not</b> Ada.\'',
        '  quote:',
        '    source: kell-point',
        '    passage: built',
        '    words: Ada Morrow',
        'reply: "Right: the key is wrong."',
        'accepted:',
        '  by: ada@school.example',
        '  at: 2026-03-01T09:20:00.000Z',
        '',
      ].join('\n'),
    );
    // What an author's tools read back is the same data, markup and quotes as typed.
    expect(parse(text)).toMatchObject({
      fields: [{ field: 'answer', old: 'a', new: 'b' }],
      dispute: { note: 'The passage says: "engineer Tomas Verey" <b>not</b> Ada.' },
    });
  });

  it('lists a removed choice as the whole list of choices before and after, and leaves out what is absent', () => {
    const after = revised({ kind: 'remove-choice', choiceId: 'c' });
    expect(changedFields(engineer, after)).toEqual([
      { field: 'choices', old: engineer.choices, new: engineer.choices.slice(0, 2) },
    ]);
    const read: unknown = parse(
      questionPatchYaml({
        before: engineer,
        after,
        change: { kind: 'remove-choice', choiceId: 'c' },
        dispute: { kind: 'wording', note: 'Nobody by that name.', quote: null },
        reply: null,
        accepted: null,
      }),
    );
    expect(read).toEqual({
      question: 'kp-engineer',
      bank: 'building',
      change: { kind: 'remove-choice', choiceId: 'c' },
      fields: [{ field: 'choices', old: engineer.choices, new: engineer.choices.slice(0, 2) }],
      dispute: { kind: 'wording', note: 'Nobody by that name.' },
    });
  });

  it('has nothing to list when nothing changed, and names its file after the question', () => {
    expect(changedFields(engineer, { ...engineer })).toEqual([]);
    expect(questionPatchFileName({ ...engineer, id: 'kp/engineer 2' })).toBe('patch-kp-engineer-2.yaml');
  });
});
