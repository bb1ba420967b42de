import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadContent } from '@/build/load-content';
import { formatProblem } from '@/build/problem';
import { readContentFiles } from '@/build/read-content-files';

const root = new URL('../..', import.meta.url).pathname;
const realContent = readContentFiles(root);

/** Checks one broken fixture bank against the real sources and returns the problems as text. */
function check(fixture: string): string[] {
  const path = `tests/fixtures/broken-banks/${fixture}`;
  const { problems } = loadContent({
    ...realContent,
    banks: [{ path, text: readFileSync(root + path, 'utf8') }],
  });
  return problems.map(formatProblem);
}

describe('the bank checker', () => {
  it('passes the real banks', () => {
    expect(loadContent(realContent).problems.map(formatProblem)).toEqual([]);
  });

  it.each([
    ['bad-yaml.yaml', 7, /YAML: /],
    ['unknown-field.yaml', 17, /questions\[0\]\.colour: unknown field/],
    [
      'quote-not-in-passage.yaml',
      13,
      /q-quote: quote not found word for word in development-cooperation\/diplomatic-relations/,
    ],
    [
      'missing-passage.yaml',
      12,
      /q-missing: no passage "diplomatic-relation" in source "development-cooperation"/,
    ],
    ['unknown-source.yaml', 11, /q-source: unknown source "development"/],
    ['unknown-topic.yaml', 14, /q-topic: unknown topic "politics" \(see questions\/topics\.yaml\)/],
    [
      'duplicate-id.yaml',
      17,
      /this question id is already used in tests\/fixtures\/broken-banks\/duplicate-id\.yaml/,
    ],
    ['duplicate-prompt.yaml', 19, /q-two: the same prompt as question "q-one"/],
    ['year-not-in-quote.yaml', 8, /q-year: the answer 1977 is not stated in any cited quote/],
    ['numeric-not-in-quote.yaml', 9, /q-debt: the answer 46\.5 is not stated in any cited quote/],
    ['bad-difficulty.yaml', 15, /questions\[0\]\.difficulty: must be 1, 2 or 3/],
    ['duplicate-choices.yaml', 9, /q-choices: choice "institute of tropical {2}medicine" is given twice/],
    [
      'answer-not-among-choices.yaml',
      12,
      /q-answer: answer "Tropical Medicine Institute" is not among the choices/,
    ],
    ['catch-all-choice.yaml', 11, /q-catch-all: "All of the above": catch-all choices are not allowed/],
  ])('reports %s at line %i', (fixture, line, message) => {
    const problems = check(fixture);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      new RegExp(`^tests/fixtures/broken-banks/${fixture.replace('.', '\\.')}:${line}:\\d+  `),
    );
    expect(problems[0]).toMatch(message);
  });

  it('reports every problem of a file in one run, in line order', () => {
    const text = ['duplicate-choices.yaml', 'unknown-field.yaml']
      .map((name) => readFileSync(`${root}tests/fixtures/broken-banks/${name}`, 'utf8'))
      .join('');
    const merged = text.replace(/\nid: unknown-field\ntitle: Broken\ndescription: .*\nquestions:\n/, '\n');
    const { problems } = loadContent({ ...realContent, banks: [{ path: 'merged.yaml', text: merged }] });
    expect(problems.map((p) => [p.line, p.message.split(':')[0]])).toEqual([
      [9, 'q-choices'],
      [33, 'questions[1].colour'],
    ]);
  });

  it('checks the topics file: a topic listed twice is named with its line', () => {
    const topics = {
      path: 'questions/topics.yaml',
      text: `${realContent.topics.text}- id: dates\n  name: Dates again\n`,
    };
    const messages = loadContent({ ...realContent, topics }).problems.map(formatProblem);
    expect(messages).toEqual([
      expect.stringMatching(/^questions\/topics\.yaml:\d+:\d+ {2}the topic "dates" is listed twice$/),
    ]);
  });

  it('rejects a source passage that is not word for word in its document', () => {
    const sources = realContent.sources.map((file) => ({
      ...file,
      text: file.text.replace('March 22, 1973', 'March 22nd, 1973'),
    }));
    const messages = loadContent({ ...realContent, sources }).problems.map(formatProblem);
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^questions\/sources\/development-cooperation\.yaml:\d+:\d+ {2}passage "diplomatic-relations" is not word for word/,
      ),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^questions\/sources\/development-cooperation\.txt:12:1 {2}this line is in no passage/,
      ),
    );
  });
});
