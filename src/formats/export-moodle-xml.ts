import type { Question } from '../domain/question';
import { feedbackText } from './cite';
import { multipleWeights } from './moodle-weights';
import type { ExportInput, ExportResult, SkippedQuestion } from './format-types';
import { decimalText } from './number-text';
import { ordinal, presentationOrder } from './positions';
import { cdata, el, raw, renderXmlDocument, textToHtml, type XmlElement } from './xml';

/** Rich text as Moodle stores it: HTML in a CDATA section. */
const html = (name: string, text: string, attributes: Record<string, string> = {}) =>
  el(name, { ...attributes, format: 'html' }, el('text', {}, raw(cdata(textToHtml(text)))));
/** Text Moodle compares with what a learner types or picks: plain, escaped. */
const plain = (text: string) => el('text', {}, text);
const emptyFeedback = () => el('feedback', { format: 'html' }, el('text'));
/** Percent with at most five decimals (33.33333), as Moodle's own export writes fractions. */
const fraction = (percent: number) => decimalText(Number(percent.toFixed(5)));

function choiceAnswer(text: string, percent: number): XmlElement {
  return el(
    'answer',
    { fraction: fraction(percent), format: 'html' },
    el('text', {}, raw(cdata(textToHtml(text)))),
    emptyFeedback(),
  );
}

function numericAnswer(value: number, tolerance: number): XmlElement {
  return el(
    'answer',
    { fraction: 100 },
    plain(decimalText(value)),
    el('tolerance', {}, decimalText(tolerance)),
    emptyFeedback(),
  );
}

/** Matching pairs; ordering comes here too, each item matched with its position. */
function subquestions(pairs: readonly { left: string; right: string }[]): XmlElement[] {
  return pairs.map((pair) =>
    el(
      'subquestion',
      { format: 'html' },
      // Moodle takes a subquestion for a distractor only when its text is empty, not `<p></p>`.
      pair.left === '' ? el('text') : el('text', {}, raw(cdata(textToHtml(pair.left)))),
      el('answer', {}, plain(pair.right)),
    ),
  );
}

function typeParts(question: Question): { type: string; parts: XmlElement[]; change?: string } {
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const isSingle = question.type === 'single';
      const { weights, note } =
        question.type === 'multiple'
          ? multipleWeights(question)
          : { weights: question.choices.map((choice) => (choice.id === question.answer ? 100 : 0)) };
      return {
        type: 'multichoice',
        change: note,
        parts: [
          el('single', {}, String(isSingle)),
          el('shuffleanswers', {}, 'true'),
          el('answernumbering', {}, 'abc'),
          ...question.choices.map((choice, index) => choiceAnswer(choice.text, weights[index] ?? 0)),
        ],
      };
    }
    case 'true-false':
      return {
        type: 'truefalse',
        parts: [
          el(
            'answer',
            { fraction: question.answer ? 100 : 0, format: 'moodle_auto_format' },
            plain('true'),
            emptyFeedback(),
          ),
          el(
            'answer',
            { fraction: question.answer ? 0 : 100, format: 'moodle_auto_format' },
            plain('false'),
            emptyFeedback(),
          ),
        ],
      };
    case 'short-text':
      return {
        type: 'shortanswer',
        parts: [
          el('usecase', {}, '0'),
          // Moodle reads an unescaped `*` as a wildcard.
          ...question.answer.map((answer) =>
            el(
              'answer',
              { fraction: 100, format: 'moodle_auto_format' },
              plain(answer.replace(/\*/g, '\\*')),
              emptyFeedback(),
            ),
          ),
        ],
      };
    case 'numeric':
      return {
        type: 'numerical',
        parts: [
          numericAnswer(question.answer.value, question.answer.tolerance),
          el(
            'units',
            {},
            el('unit', {}, el('multiplier', {}, '1'), el('unit_name', {}, question.answer.unit)),
          ),
          // Units are accepted but not required: the prompt already says which unit to answer in.
          el('unitgradingtype', {}, '0'),
          el('unitpenalty', {}, '0'),
          el('showunits', {}, '3'),
          el('unitsleft', {}, '0'),
        ],
      };
    case 'year':
      return { type: 'numerical', parts: [numericAnswer(question.answer, 0)] };
    case 'matching': {
      const textOf = (list: readonly { id: string; text: string }[], id: string) =>
        list.find((item) => item.id === id)?.text ?? '';
      const paired = new Set(question.answer.map((pair) => pair.choice));
      const pairs = [
        ...question.answer.map((pair) => ({
          left: textOf(question.left, pair.left),
          right: textOf(question.choices, pair.choice),
        })),
        // An empty subquestion is Moodle's way of offering an answer that matches nothing.
        ...question.choices
          .filter((choice) => !paired.has(choice.id))
          .map((choice) => ({ left: '', right: choice.text })),
      ];
      return { type: 'matching', parts: [el('shuffleanswers', {}, 'true'), ...subquestions(pairs)] };
    }
    case 'ordering': {
      const pairs = presentationOrder(question.choices).map((item) => ({
        left: item.text,
        right: ordinal(question.answer.indexOf(item.id) + 1),
      }));
      return { type: 'matching', parts: [el('shuffleanswers', {}, 'true'), ...subquestions(pairs)] };
    }
  }
}

function moodleQuestion(question: Question, feedback: string, changed: SkippedQuestion[]): XmlElement {
  const { type, parts, change } = typeParts(question);
  if (change) changed.push({ questionId: question.id, reason: change });
  const tags = [...question.topics, `difficulty-${question.difficulty}`];
  return el(
    'question',
    { type },
    el('name', {}, plain(question.id)),
    html('questiontext', question.prompt),
    html('generalfeedback', feedback),
    el('defaultgrade', {}, '1'),
    el('penalty', {}, type === 'truefalse' ? '1' : '0.3333333'),
    el('hidden', {}, '0'),
    el('idnumber', {}, question.id),
    ...parts,
    el('tags', {}, ...tags.map((tag) => el('tag', {}, plain(tag)))),
  );
}

/**
 * Moodle XML: multichoice (single, or multiple with fractions as Moodle grades them), truefalse,
 * shortanswer, numerical (year with tolerance 0), matching; ordering as matching with positions
 * ("1st", "2nd", …). The explanation and the quoted passages are the general feedback.
 */
export function exportMoodleXml({
  questions,
  sources,
  banks = [],
  baseName = 'source-quiz',
}: ExportInput): ExportResult {
  const children: XmlElement[] = [];
  const changed: SkippedQuestion[] = [];
  let bank: string | undefined;
  for (const question of questions) {
    if (question.bank !== bank) {
      bank = question.bank;
      const title = banks.find((candidate) => candidate.id === bank)?.title ?? bank;
      children.push(
        el(
          'question',
          { type: 'category' },
          el('category', {}, plain(`$course$/top/${title.replace(/\//g, '//')}`)),
        ),
      );
    }
    children.push(moodleQuestion(question, feedbackText(question, sources), changed));
  }
  return {
    files: [{ name: `${baseName}-moodle.xml`, content: renderXmlDocument(el('quiz', {}, ...children)) }],
    skipped: [],
    changed,
  };
}
