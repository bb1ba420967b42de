import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGift } from '@/formats/import-gift';
import { ROOT } from './load-test-content';

/** Shared with the other projects of the workspace: read in place, never copied. */
const FIXTURES = join(ROOT, '../shared/fixtures/gift/');
const read = (name: string) => importGift(readFileSync(`${FIXTURES}${name}`, 'utf8'));

/**
 * Questions in each fixture, counted by hand from the files: every `{…}` question, essays included;
 * descriptions (text without braces) and `$CATEGORY` lines are not questions.
 */
const QUESTIONS_PER_FILE: Record<string, number> = {
  'TFTwoFeedback.gift': 3,
  'category1.gift': 0,
  'categorySpecialCharacter.gift': 0,
  'descriptionTitleEscapedColon.gift': 1,
  'descriptionWithID.gift': 1,
  'escapeAll.gift': 1,
  'escapeEquals.gift': 1,
  'essay1.gift': 1,
  'formatExamples.gift': 1,
  'markdown.gift': 0,
  'matching1.gift': 2,
  'mc1.gift': 1,
  'mc4.gift': 1,
  'mc5.gift': 4,
  'mcHTMLComment.gift': 1,
  'multipleAnswersFloat.gift': 1,
  'newlineAndLaTeX.gift': 1,
  'numerical1.gift': 10,
  'shortAnswer1.gift': 2,
  'shortAnswer2.gift': 2,
  'shortAnswerNotMatching.gift': 2,
  'shortFirstEmbeddedUnderline.gift': 2,
  'shortFirstEmbeddedUnderlineHTML.gift': 2,
  'symbolsAll.gift': 1,
  'tag_id_and_two_tags.gift': 1,
  'tag_two_tags.gift': 1,
  'tf1.gift': 1,
  'tf1_markdown.gift': 1,
  'tf2.gift': 2,
  'totara_moodle_backslash.gift': 1,
  'totara_moodle_match.gift': 1,
  'totara_moodle_multichoice.gift': 1,
  'totara_moodle_multichoice_multi.gift': 1,
  'totara_moodle_pre_content.gift': 1,
  'totara_moodle_shortanswer.gift': 1,
  'totara_moodle_shortanswer_general_feedback.gift': 1,
  'totara_moodle_truefalse_true_answer1.gift': 1,
  'totara_moodle_truefalse_true_answer2.gift': 1,
  'type_inferred_multiline_markdown.gift': 1,
};

describe('GIFT import: the gift-pegjs fixtures', () => {
  const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.gift'));

  it('knows every fixture file', () => {
    expect(files.sort()).toEqual(Object.keys(QUESTIONS_PER_FILE).sort());
  });

  it.each(files)('%s: every question is imported or listed with a reason', (name) => {
    const result = read(name);
    expect(result.drafts.length + result.problems.length).toBe(QUESTIONS_PER_FILE[name]);
    for (const problem of result.problems) {
      expect(problem.line).toBeGreaterThan(0);
      expect(problem.message.length).toBeGreaterThan(10);
    }
    for (const draft of result.drafts) {
      expect(draft.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(draft.prompt.length).toBeGreaterThan(0);
      expect(draft.bank).toBe('imported');
      expect(draft.citations).toEqual([]);
    }
  });

  it('mc1: single choice with the "=" answer', () => {
    const [draft] = read('mc1.gift').drafts;
    expect(draft).toMatchObject({
      type: 'single',
      prompt: "Who's buried in Grant's tomb?",
      choices: [
        { id: 'a', text: 'Grant' },
        { id: 'b', text: 'Jefferson' },
        { id: 'c', text: 'no one' },
      ],
      answer: 'c',
      explanation: '',
    });
  });

  it('tf1: true/false', () => {
    expect(read('tf1.gift').drafts).toMatchObject([
      { type: 'true-false', prompt: "Grant is buried in Grant's tomb.", answer: false },
    ]);
  });

  it('TFTwoFeedback: the right-answer feedback (the second, as Moodle reads it) becomes the explanation', () => {
    const drafts = read('TFTwoFeedback.gift').drafts;
    expect(drafts.map((draft) => [draft.answer, draft.explanation])).toEqual([
      [false, 'feedback for false'],
      [true, ''],
      [true, 'feedback for false'],
    ]);
  });

  it('numerical1: numbers with tolerance and ranges, years, and the full-credit answer', () => {
    const result = read('numerical1.gift');
    expect(result.drafts.map((draft) => [draft.type, draft.answer])).toEqual([
      ['year', 1822],
      ['numeric', { value: -1, tolerance: 0, unit: '' }],
      ['numeric', { value: 3.1415, tolerance: 0.0005, unit: '' }],
      ['numeric', { value: -3.142, tolerance: 0.001, unit: '' }],
      ['numeric', { value: 3.1415, tolerance: 0.0005, unit: '' }],
      ['numeric', { value: -3.1415, tolerance: 0.0005, unit: '' }],
      ['numeric', { value: 3, tolerance: 2, unit: '' }],
      ['numeric', { value: 0, tolerance: 5, unit: '' }],
      ['year', 1822],
      ['numeric', { value: 9, tolerance: 0, unit: '' }],
    ]);
    expect(result.drafts[9]).toMatchObject({
      prompt: 'Combien de principes GRASP y a-t-il?',
      explanation: 'Correct. Il y a neuf (9) principes GRASP.',
    });
    expect(result.notes.some((note) => note.message.includes('no unit'))).toBe(true);
  });

  it('matching1: pairs become left items and choices', () => {
    const [, capitals] = read('matching1.gift').drafts;
    expect(capitals).toMatchObject({
      type: 'matching',
      prompt: 'Match the following countries with their corresponding capitals.',
      left: [{ text: 'Canada' }, { text: 'Italy' }, { text: 'Japan' }, { text: 'India' }],
      choices: [{ text: 'Ottawa' }, { text: 'Rome' }, { text: 'Tokyo' }, { text: 'New Delhi' }],
      answer: [
        { left: '1', choice: 'a' },
        { left: '2', choice: 'b' },
        { left: '3', choice: 'c' },
        { left: '4', choice: 'd' },
      ],
    });
  });

  it('shortAnswer1: every "=" answer is accepted', () => {
    expect(read('shortAnswer1.gift').drafts.map((draft) => [draft.type, draft.prompt, draft.answer])).toEqual(
      [
        ['short-text', "Who's buried in Grant's tomb?", ['no one', 'nobody']],
        ['short-text', 'Two plus two equals _____ .', ['four', '4']],
      ],
    );
  });

  it('escapeAll: escaped control characters come back as text', () => {
    const [draft] = read('escapeAll.gift').drafts;
    expect(draft).toMatchObject({
      type: 'single',
      id: 'which-of-the-following-is-not-a-control',
      choices: ['~', '=', '#', '{', '}', ':', '\\'].map((text) => ({ text })),
      answer: 'g',
      explanation:
        'Correct! \\ (backslash) is not a control character. BUT, it is used to escape the control characters.',
    });
  });

  it('essay1: an essay is listed with a clear reason and its line', () => {
    const result = read('essay1.gift');
    expect(result.drafts).toEqual([]);
    expect(result.problems).toEqual([
      { line: 1, message: expect.stringMatching(/essay questions cannot be imported/) },
    ]);
  });

  it('category1: a category is not a question, it names the bank', () => {
    const result = read('category1.gift');
    expect(result).toMatchObject({ drafts: [], problems: [], bankTitle: 'Default for LING-373-2194-B' });
  });

  it('multipleAnswersFloat: positive weights make the right choices of a multiple question', () => {
    const [draft] = read('multipleAnswersFloat.gift').drafts;
    expect(draft).toMatchObject({
      type: 'multiple',
      prompt: 'Select all of the options below which name a continent:',
      choices: ['Africa', 'Asia', 'China', 'Antarctica', 'America'].map((text) => ({ text })),
      answer: ['a', 'b', 'd'],
    });
  });

  it('totara_moodle_multichoice_multi: 50/50 weights, the right choice feedback as explanation, the rest listed', () => {
    const result = read('totara_moodle_multichoice_multi.gift');
    expect(result.drafts).toMatchObject([
      {
        type: 'multiple',
        id: 'colours',
        prompt: "What's between orange and green in the spectrum?",
        choices: ['yellow', 'red', 'off-beige', 'blue'].map((text) => ({ text })),
        answer: ['a', 'c'],
        explanation: 'right; good!',
      },
    ]);
    expect(result.notes.map((note) => note.message)).toEqual([
      // Two wrong choices share −100% in the app: each costs half, not all, of the point.
      'weights changed to the app\'s rule (right choices share 100%, wrong ones share −100%): "red" -100% → -50%, "blue" -100% → -50%',
      'feedback for single answers left out (the app shows one explanation for every answer): "red" → "wrong"; "off-beige" → "right; good!"; "blue" → "wrong"',
    ]);
  });

  it('turns HTML into text and keeps distractors of a matching question', () => {
    expect(read('formatExamples.gift').drafts[0]).toMatchObject({
      prompt: 'The sun rises in which direction?',
      explanation: 'Awesome!',
    });
    expect(read('totara_moodle_match.gift').drafts[0]).toMatchObject({
      prompt: 'Match the activity to the description.',
      choices: ['Forum', 'Choice', 'Database', 'Wiki', 'Chat'].map((text) => ({ text })),
    });
  });

  it('drops partial credit and the "*" catch-all from short answers, and says so', () => {
    const result = read('totara_moodle_shortanswer_general_feedback.gift');
    expect(result.drafts).toMatchObject([
      { type: 'short-text', answer: ['Frog'], explanation: 'Here is some general feedback!' },
    ]);
    expect(result.notes).toEqual([
      { line: 4, message: expect.stringMatching(/partial-credit/) },
      {
        line: 4,
        message: expect.stringMatching(
          /"Cat" → "What is it with Moodlers and cats\?"; "\*" → "Completely wrong"/,
        ),
      },
      { line: 4, message: 'the right answer\'s feedback was left out for the general feedback: "Good!"' },
    ]);
  });
});

describe('GIFT import: broken files', () => {
  it('reports a syntax error with its line and column and still imports the other questions', () => {
    const text = ['Good one {T}', '', '// a comment', 'Broken {=a ~b', '', 'Also good {=yes =oui}', ''].join(
      '\n',
    );
    const result = importGift(text);
    expect(result.drafts.map((draft) => draft.prompt)).toEqual(['Good one', 'Also good']);
    expect(result.problems).toEqual([
      {
        line: 4,
        column: 14,
        message: expect.stringMatching(/^this question is not valid GIFT \(expected .*"}"/),
      },
    ]);
  });

  it('refuses a multiple-choice question with two "=" answers or none right', () => {
    const result = importGift('Two right {=a =b ~c}\n\nNone right {~a ~b}\n');
    expect(result.drafts).toEqual([]);
    expect(result.problems.map((problem) => problem.line)).toEqual([1, 3]);
  });

  it('gives unique ids and keeps a kebab-case title as the id', () => {
    const result = importGift('::my-id::Same? {T}\n\nSame? {T}\n\nSame? {F}\n');
    expect(result.drafts.map((draft) => draft.id)).toEqual(['my-id', 'same', 'same-2']);
  });

  it('reads topics and difficulty from [tag:…] comments', () => {
    const text = '// [tag:dates] [tag:difficulty-3] [tag:other]\nWhen? {#1977}\n';
    const [draft] = importGift(text, ['dates', 'amounts']).drafts;
    expect(draft).toMatchObject({ type: 'year', topics: ['dates'], difficulty: 3 });
  });

  it('reads text that looks like gift-pegjs escape placeholders as written', () => {
    const [draft] = importGift('A &&035; B \\# C {=x &&061; y ~z}\n').drafts;
    expect(draft).toMatchObject({
      prompt: 'A &&035; B # C',
      choices: [{ text: 'x &&061; y' }, { text: 'z' }],
    });
  });
});

describe('GIFT categories', () => {
  it('names the bank after the last category name, slashes doubled inside a name', () => {
    expect(importGift('$CATEGORY: $course$/top/Trade // investment\n\nQ? {T}\n').bankTitle).toBe(
      'Trade / investment',
    );
    expect(importGift('$CATEGORY: $course$/Parent/Child\n').bankTitle).toBe('Child');
  });
});
