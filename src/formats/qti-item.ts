import type { Choice, Question } from '../domain/question';
import { decimalText } from './number-text';
import { presentationOrder } from './positions';
import { el, paragraphs, type XmlElement } from './xml';

export const QTI_NAMESPACE = 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0';
const QTI_SCHEMA = 'https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0p1_v1p0.xsd';
const FEEDBACK_ID = 'EXPLANATION';

/** A QTI identifier must start with a letter or underscore; our ids may start with a digit. */
export function qtiIdentifier(id: string): string {
  return /^[A-Za-z_]/.test(id) ? id : `q-${id}`;
}
const choiceId = (id: string) => `choice-${id}`;
const leftId = (id: string) => `left-${id}`;

const value = (text: string | number) => el('qti-value', {}, String(text));
const variable = (identifier: string) => el('qti-variable', { identifier });
const setScore = (expression: XmlElement) => el('qti-set-outcome-value', { identifier: 'SCORE' }, expression);
const scoreWhen = (condition: XmlElement) =>
  el('qti-response-condition', {}, el('qti-response-if', {}, condition, setScore(variable('MAXSCORE'))));
const matchesCorrect = () =>
  el('qti-match', {}, variable('RESPONSE'), el('qti-correct', { identifier: 'RESPONSE' }));
/**
 * Score = the mapped value of the response (partial credit), kept between 0 and 1 by the mapping
 * bounds. Mapped values are decimals (three right choices map to 0.3333333 each), so a response that
 * matches the correct one exactly scores MAXSCORE first, never 0.9999999.
 */
const scoreByMapping = () =>
  el(
    'qti-response-condition',
    {},
    el('qti-response-if', {}, matchesCorrect(), setScore(variable('MAXSCORE'))),
    el(
      'qti-response-else-if',
      {},
      el('qti-not', {}, el('qti-is-null', {}, variable('RESPONSE'))),
      setScore(el('qti-map-response', { identifier: 'RESPONSE' })),
    ),
  );

type Parts = { declaration: XmlElement; interaction: XmlElement[]; scoring: XmlElement };

function simpleChoices(choices: readonly Choice[]): XmlElement[] {
  return choices.map((choice) => el('qti-simple-choice', { identifier: choiceId(choice.id) }, choice.text));
}

function choiceParts(
  question: Question,
  choices: readonly Choice[],
  right: readonly string[],
  mapping?: XmlElement,
): Parts {
  const isMultiple = question.type === 'multiple';
  return {
    declaration: el(
      'qti-response-declaration',
      { identifier: 'RESPONSE', cardinality: isMultiple ? 'multiple' : 'single', 'base-type': 'identifier' },
      el('qti-correct-response', {}, ...right.map((id) => value(choiceId(id)))),
      ...(mapping ? [mapping] : []),
    ),
    interaction: [
      el(
        'qti-choice-interaction',
        {
          'response-identifier': 'RESPONSE',
          // True stays above False; other choices are shuffled.
          shuffle: String(question.type !== 'true-false'),
          'max-choices': isMultiple ? 0 : 1,
        },
        el('qti-prompt', {}, ...paragraphs(question.prompt)),
        ...simpleChoices(choices),
      ),
    ],
    scoring: mapping ? scoreByMapping() : scoreWhen(matchesCorrect()),
  };
}

type TextEntry = {
  baseType: 'string' | 'float' | 'integer';
  correct: string;
  scoring: XmlElement;
  /** A hint for the width of the box, in characters. */
  expectedLength: number;
  mapping?: XmlElement;
  unit?: string;
};

/** A text box after the prompt: short text, numbers and years. */
function textEntryParts(
  question: Question,
  { baseType, correct, scoring, expectedLength, mapping, unit }: TextEntry,
): Parts {
  const entry = el('qti-text-entry-interaction', {
    'response-identifier': 'RESPONSE',
    'expected-length': expectedLength,
  });
  const line = unit ? el('p', {}, entry, { text: ` ${unit}` }) : el('p', {}, entry);
  return {
    declaration: el(
      'qti-response-declaration',
      { identifier: 'RESPONSE', cardinality: 'single', 'base-type': baseType },
      el('qti-correct-response', {}, value(correct)),
      ...(mapping ? [mapping] : []),
    ),
    interaction: [...paragraphs(question.prompt), line],
    scoring,
  };
}

function typeParts(question: Question): Parts {
  switch (question.type) {
    case 'single':
      return choiceParts(question, question.choices, [question.answer]);
    case 'true-false': {
      const choices = [
        { id: 'true', text: 'True' },
        { id: 'false', text: 'False' },
      ];
      return choiceParts(question, choices, [String(question.answer)]);
    }
    case 'multiple': {
      // Moodle's grading: each right choice earns 1/(right ones), each wrong one costs 1/(wrong ones).
      const rightCount = question.answer.length;
      const wrongCount = Math.max(question.choices.length - rightCount, 1);
      const mapping = el(
        'qti-mapping',
        { 'lower-bound': 0, 'upper-bound': 1, 'default-value': 0 },
        ...question.choices.map((choice) =>
          el('qti-map-entry', {
            'map-key': choiceId(choice.id),
            'mapped-value': decimalText(
              Number((question.answer.includes(choice.id) ? 1 / rightCount : -1 / wrongCount).toFixed(7)),
            ),
          }),
        ),
      );
      return choiceParts(question, question.choices, question.answer, mapping);
    }
    case 'short-text': {
      const mapping = el(
        'qti-mapping',
        { 'lower-bound': 0, 'upper-bound': 1, 'default-value': 0 },
        ...question.answer.map((answer) =>
          el('qti-map-entry', { 'map-key': answer, 'mapped-value': 1, 'case-sensitive': 'false' }),
        ),
      );
      return textEntryParts(question, {
        baseType: 'string',
        correct: question.answer[0] ?? '',
        scoring: scoreByMapping(),
        expectedLength: Math.max(...question.answer.map((answer) => answer.length)),
        mapping,
      });
    }
    case 'numeric': {
      const { tolerance } = question.answer;
      const equal =
        tolerance > 0
          ? el(
              'qti-equal',
              {
                'tolerance-mode': 'absolute',
                tolerance: `${decimalText(tolerance)} ${decimalText(tolerance)}`,
                'include-lower-bound': 'true',
                'include-upper-bound': 'true',
              },
              variable('RESPONSE'),
              el('qti-correct', { identifier: 'RESPONSE' }),
            )
          : el(
              'qti-equal',
              { 'tolerance-mode': 'exact' },
              variable('RESPONSE'),
              el('qti-correct', { identifier: 'RESPONSE' }),
            );
      return textEntryParts(question, {
        baseType: 'float',
        correct: decimalText(question.answer.value),
        scoring: scoreWhen(equal),
        expectedLength: 10,
        unit: question.answer.unit,
      });
    }
    case 'year':
      return textEntryParts(question, {
        baseType: 'integer',
        correct: String(question.answer),
        scoring: scoreWhen(matchesCorrect()),
        expectedLength: 4,
      });
    case 'ordering':
      return {
        declaration: el(
          'qti-response-declaration',
          { identifier: 'RESPONSE', cardinality: 'ordered', 'base-type': 'identifier' },
          el('qti-correct-response', {}, ...question.answer.map((id) => value(choiceId(id)))),
        ),
        interaction: [
          el(
            'qti-order-interaction',
            { 'response-identifier': 'RESPONSE', shuffle: 'true' },
            el('qti-prompt', {}, ...paragraphs(question.prompt)),
            // Listed out of order too, for players that ignore shuffle.
            ...simpleChoices(presentationOrder(question.choices)),
          ),
        ],
        scoring: scoreWhen(matchesCorrect()),
      };
    case 'matching': {
      const pairs = question.answer.map((pair) => `${leftId(pair.left)} ${choiceId(pair.choice)}`);
      const share = decimalText(Number((1 / pairs.length).toFixed(7)));
      return {
        declaration: el(
          'qti-response-declaration',
          { identifier: 'RESPONSE', cardinality: 'multiple', 'base-type': 'directedPair' },
          el('qti-correct-response', {}, ...pairs.map(value)),
          el(
            'qti-mapping',
            { 'lower-bound': 0, 'upper-bound': 1, 'default-value': 0 },
            ...pairs.map((pair) => el('qti-map-entry', { 'map-key': pair, 'mapped-value': share })),
          ),
        ),
        interaction: [
          el(
            'qti-match-interaction',
            { 'response-identifier': 'RESPONSE', shuffle: 'true', 'max-associations': question.left.length },
            el('qti-prompt', {}, ...paragraphs(question.prompt)),
            el(
              'qti-simple-match-set',
              {},
              ...question.left.map((item) =>
                el(
                  'qti-simple-associable-choice',
                  { identifier: leftId(item.id), 'match-max': 1 },
                  item.text,
                ),
              ),
            ),
            el(
              'qti-simple-match-set',
              {},
              ...question.choices.map((choice) =>
                el(
                  'qti-simple-associable-choice',
                  { identifier: choiceId(choice.id), 'match-max': 1 },
                  choice.text,
                ),
              ),
            ),
          ),
        ],
        scoring: scoreByMapping(),
      };
    }
  }
}

/**
 * One qti-assessment-item: the response declaration, SCORE (0 to 1) and FEEDBACK outcomes, the
 * interaction, response processing that scores the response and then always shows the
 * explanation, and a qti-modal-feedback holding the explanation and the citations.
 */
export function qtiItem(question: Question, feedback: string): XmlElement {
  const { declaration, interaction, scoring } = typeParts(question);
  const outcome = (identifier: string, baseType: string, defaultValue?: string) =>
    el(
      'qti-outcome-declaration',
      { identifier, cardinality: 'single', 'base-type': baseType },
      ...(defaultValue === undefined ? [] : [el('qti-default-value', {}, value(defaultValue))]),
    );
  return el(
    'qti-assessment-item',
    {
      xmlns: QTI_NAMESPACE,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': `${QTI_NAMESPACE} ${QTI_SCHEMA}`,
      identifier: qtiIdentifier(question.id),
      title: question.id,
      adaptive: 'false',
      'time-dependent': 'false',
      'xml:lang': 'en',
    },
    declaration,
    outcome('SCORE', 'float', '0'),
    outcome('MAXSCORE', 'float', '1'),
    outcome('FEEDBACK', 'identifier'),
    el('qti-item-body', {}, ...interaction),
    el(
      'qti-response-processing',
      {},
      scoring,
      el(
        'qti-set-outcome-value',
        { identifier: 'FEEDBACK' },
        el('qti-base-value', { 'base-type': 'identifier' }, FEEDBACK_ID),
      ),
    ),
    el(
      'qti-modal-feedback',
      {
        'outcome-identifier': 'FEEDBACK',
        identifier: FEEDBACK_ID,
        'show-hide': 'show',
        title: 'Explanation',
      },
      el('qti-content-body', {}, ...paragraphs(feedback)),
    ),
  );
}
