// @vitest-environment jsdom
import type { Question } from '@/domain/question';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportGift } from '@/formats/export-gift';
import { exportMoodleXml } from '@/formats/export-moodle-xml';
import { importGift } from '@/formats/import-gift';
import { MOODLE_GRADES, nearestMoodleGrade } from '@/formats/moodle-weights';
import { qtiPackageFiles } from '@/formats/export-qti';
import { xmlSafe } from '@/formats/xml';
import { realContent } from './load-test-content';

/** Parses XML with the browser's parser and fails on any well-formedness error. */
function parseXml(text: string): Document {
  const document = new DOMParser().parseFromString(text, 'application/xml');
  const error = document.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent ?? ''}\n${text.slice(0, 400)}`);
  return document;
}

/** The text a reader sees in paragraphs: apart by a blank line, <br> as a line break. */
function proseOf(parent: Element | null | undefined): string {
  const textOf = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.CDATA_SECTION_NODE)
      return node.textContent ?? '';
    if (node.nodeName.toLowerCase() === 'br') return '\n';
    return [...node.childNodes].map(textOf).join('');
  };
  return [...(parent?.children ?? [])].map(textOf).join('\n\n');
}

/** The same for HTML, which Moodle keeps as text in a CDATA section. */
const htmlText = (html: string) => proseOf(new DOMParser().parseFromString(html, 'text/html').body);

/** jsdom's DOMParser is slow: 200 runs take about 2 s here, and CI machines can be busier. */
const SLOW = 30_000;

const childText = (parent: Element, name: string) => parent.getElementsByTagName(name)[0]?.textContent ?? '';

describe('Moodle XML and QTI of the real banks', () => {
  const content = realContent();

  it('Moodle XML is well-formed, one question element per question plus one category per bank', () => {
    const text = String(exportMoodleXml(content).files[0]?.content);
    const questions = [...parseXml(text).getElementsByTagName('question')];
    expect(questions.filter((question) => question.getAttribute('type') === 'category')).toHaveLength(
      content.banks.length,
    );
    const real = questions.filter((question) => question.getAttribute('type') !== 'category');
    expect(real.map((question) => childText(question, 'idnumber'))).toEqual(
      content.questions.map((question) => question.id),
    );
    real.forEach((element, index) => {
      const question = content.questions[index];
      const questionText = element.getElementsByTagName('questiontext')[0];
      if (!question || !questionText) throw new Error('missing question');
      expect(htmlText(childText(questionText, 'text'))).toBe(question.prompt);
    });
  });

  it('QTI: every item and the manifest are well-formed, and the manifest lists every item', () => {
    const files = qtiPackageFiles(content);
    const manifest = parseXml(files['imsmanifest.xml'] ?? '');
    const hrefs = [...manifest.getElementsByTagName('resource')].map((resource) =>
      resource.getAttribute('href'),
    );
    expect(hrefs).toEqual(content.questions.map((question) => `items/${question.id}.xml`));
    for (const href of hrefs) {
      const item = parseXml(files[href ?? ''] ?? '').documentElement;
      expect(item.localName).toBe('qti-assessment-item');
      expect(item.namespaceURI).toBe('http://www.imsglobal.org/xsd/imsqtiasi_v3p0');
      expect(item.getElementsByTagName('qti-modal-feedback')).toHaveLength(1);
    }
  });
});

describe('XML escaping', () => {
  const special = fc.constantFrom(
    '&',
    '<',
    '>',
    '"',
    "'",
    ']]>',
    ']]',
    '<![CDATA[',
    '\n',
    '\n\n',
    ' ',
    '\t',
    '\r\n',
    'a',
    'é',
    '€',
    '中',
    '😀',
    '\u0001',
    '\uFFFF',
    '\uD800',
    '&amp;',
    '<p>',
    '~',
    '=',
    '#',
    '{',
    '}',
    ':',
    '\\',
  );
  const text = fc
    .string({ unit: special, minLength: 1, maxLength: 25 })
    .map((value) => value.trim())
    .filter((value) => xmlSafe(value).trim().length > 0);

  function single(prompt: string, choices: string[], explanation: string): Question {
    return {
      id: 'q',
      bank: 'b&<"x"',
      type: 'single',
      prompt,
      topics: ['dates'],
      difficulty: 1,
      explanation,
      citations: [],
      choices: choices.map((choice, index) => ({ id: 'abc'[index] ?? 'z', text: choice })),
      answer: 'a',
    };
  }

  it(
    'Moodle XML: any text survives export → DOMParser (characters XML cannot hold are dropped)',
    () => {
      fc.assert(
        fc.property(
          text,
          fc.array(text, { minLength: 2, maxLength: 3 }),
          text,
          (prompt, choices, explanation) => {
            const xml = String(
              exportMoodleXml({ questions: [single(prompt, choices, explanation)], sources: [] }).files[0]
                ?.content,
            );
            const question = parseXml(xml).querySelector('question[type="multichoice"]');
            if (!question) throw new Error('no question');
            expect(htmlText(childText(question.getElementsByTagName('questiontext')[0]!, 'text'))).toBe(
              xmlSafe(prompt),
            );
            expect(htmlText(childText(question.getElementsByTagName('generalfeedback')[0]!, 'text'))).toBe(
              xmlSafe(explanation),
            );
            const answers = [...question.getElementsByTagName('answer')].map((answer) =>
              htmlText(childText(answer, 'text')),
            );
            expect(answers).toEqual(choices.map(xmlSafe));
          },
        ),
        { numRuns: 200 },
      );
    },
    SLOW,
  );

  it(
    'QTI: any text survives export → DOMParser, in the body, the choices and the feedback',
    () => {
      fc.assert(
        fc.property(
          text,
          fc.array(text, { minLength: 2, maxLength: 3 }),
          text,
          (prompt, choices, explanation) => {
            const files = qtiPackageFiles({ questions: [single(prompt, choices, explanation)], sources: [] });
            const item = parseXml(files['items/q.xml'] ?? '');
            const prose = proseOf;
            expect(prose(item.getElementsByTagName('qti-prompt')[0])).toBe(xmlSafe(prompt));
            expect(prose(item.getElementsByTagName('qti-content-body')[0])).toBe(xmlSafe(explanation));
            expect(
              [...item.getElementsByTagName('qti-simple-choice')].map((choice) => choice.textContent),
            ).toEqual(choices.map(xmlSafe));
          },
        ),
        { numRuns: 200 },
      );
    },
    SLOW,
  );
});

describe('Moodle grades', () => {
  const eleven: Question = {
    id: 'eleven',
    bank: 'b',
    type: 'multiple',
    prompt: 'Which ten?',
    choices: 'abcdefghijkl'.split('').map((id) => ({ id, text: `Choice ${id}` })),
    answer: 'abcdefghijk'.split(''),
    topics: [],
    difficulty: 1,
    explanation: 'Because.',
    citations: [],
  };

  it('every weight is one Moodle accepts, and the rounding is named', () => {
    for (const exporter of [exportGift, exportMoodleXml]) {
      const result = exporter({ questions: [eleven], sources: [] });
      const text = String(result.files[0]?.content);
      // 100/11 = 9.09091% is not on Moodle's list: Moodle would refuse the whole question.
      expect(text).not.toContain('9.09091');
      expect(text).toMatch(/10/);
      expect(result.changed).toEqual([
        { questionId: 'eleven', reason: expect.stringMatching(/9\.09091% became 10%/) },
      ]);
    }
    expect(MOODLE_GRADES).toContain(Math.abs(nearestMoodleGrade(-100 / 11)));
  });

  it('weights already on the list are written as they are, with no note', () => {
    const three = { ...eleven, choices: eleven.choices.slice(0, 4), answer: ['a', 'b', 'c'] };
    const result = exportMoodleXml({ questions: [three], sources: [] });
    expect(result.changed).toEqual([]);
    expect(String(result.files[0]?.content)).toContain('fraction="33.33333"');
  });

  it('a star in a short answer is escaped, since Moodle reads it as a wildcard', () => {
    const star: Question = { ...eleven, type: 'short-text', answer: ['5*3'] } as Question;
    expect(String(exportMoodleXml({ questions: [star], sources: [] }).files[0]?.content)).toContain(
      '<text>5\\*3</text>',
    );
    expect(String(exportGift({ questions: [star], sources: [] }).files[0]?.content)).toContain('=5\\\\*3');
  });

  it('matching distractors are written as answers that match nothing', () => {
    const matching: Question = {
      ...eleven,
      type: 'matching',
      left: [
        { id: '1', text: 'One' },
        { id: '2', text: 'Two' },
      ],
      choices: [
        { id: 'a', text: 'Un' },
        { id: 'b', text: 'Deux' },
        { id: 'c', text: 'Trois' },
      ],
      answer: [
        { left: '1', choice: 'a' },
        { left: '2', choice: 'b' },
      ],
    } as Question;
    const gift = String(exportGift({ questions: [matching], sources: [] }).files[0]?.content);
    expect(gift).toContain('= -> Trois');
    const [draft] = importGift(gift).drafts;
    expect(draft).toMatchObject({
      type: 'matching',
      choices: [{ text: 'Un' }, { text: 'Deux' }, { text: 'Trois' }],
    });
    const xml = String(exportMoodleXml({ questions: [matching], sources: [] }).files[0]?.content);
    expect(xml).toMatch(/<subquestion format="html">\s*<text\s*\/>\s*<answer>\s*<text>Trois<\/text>/);
  });

  it('text that looks like HTML is escaped, so Moodle shows it as written', () => {
    const html = { ...eleven, prompt: 'Is <b>bold</b> & co a tag?' };
    expect(String(exportGift({ questions: [html], sources: [] }).files[0]?.content)).toContain(
      'Is &lt;b&gt;bold&lt;/b&gt; &amp; co a tag?',
    );
  });
});
