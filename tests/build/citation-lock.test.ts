import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCitationLock } from '@/build/check-citation-lock';
import {
  compareWithLock,
  confirmCitations,
  EMPTY_CITATION_LOCK,
  parseCitationLock,
  serializeCitationLock,
  type CitationLock,
} from '@/build/citation-lock';
import { loadContent, type ContentFiles } from '@/build/load-content';
import { fingerprintPassage } from '@/build/passage-fingerprint';
import { formatProblem } from '@/build/problem';

const root = new URL('../..', import.meta.url).pathname;
const fixture = (name: string) => {
  const path = `tests/fixtures/content/${name}`;
  return { path, text: readFileSync(root + path, 'utf8') };
};
const original: ContentFiles = {
  topics: { path: 'questions/topics.yaml', text: readFileSync(`${root}questions/topics.yaml`, 'utf8') },
  sources: [fixture('harbour-history.yaml')],
  documents: [fixture('harbour-history.txt')],
  banks: [fixture('harbour.yaml')],
};

/** The same text change in the source and its document, as an editor correcting a passage would make. */
function editSource(from: string, to: string): ContentFiles {
  const edit = (file: { path: string; text: string }) => ({ ...file, text: file.text.replace(from, to) });
  return { ...original, sources: original.sources.map(edit), documents: original.documents.map(edit) };
}

function editBank(edit: (text: string) => string): ContentFiles {
  return { ...original, banks: original.banks.map((file) => ({ ...file, text: edit(file.text) })) };
}

function load(files: ContentFiles) {
  const { content, problems } = loadContent(files);
  if (problems.length > 0) throw new Error(problems.map(formatProblem).join('\n'));
  return content;
}

const confirmedLock = confirmCitations(load(original), EMPTY_CITATION_LOCK, 'all').lock;
// "from the coast" ends the passage "founded"; no quote covers the word after it.
const changedFounding = load(editSource('from the coast.', 'from the coast and a banker.'));
const staleIds = (content = changedFounding, lock: CitationLock = confirmedLock) =>
  compareWithLock(content, lock).stale.map((stale) => stale.questionId);

describe('fingerprintPassage', () => {
  it('is the first 16 hex digits of the SHA-256 of the folded text', () => {
    expect(fingerprintPassage('The first ships came from the north.')).toBe('7d38a8859e3e458c');
    expect(fingerprintPassage(' The first ships\n came  from the north. ')).toBe('7d38a8859e3e458c');
    expect(fingerprintPassage('The first ships came from the south.')).not.toBe('7d38a8859e3e458c');
  });
});

describe('the citation lock', () => {
  it('records every cited passage of every question, and then nothing is stale or unconfirmed', () => {
    expect(Object.keys(confirmedLock.questions)).toHaveLength(5);
    expect(Object.keys(confirmedLock.questions['q-first-ships'] ?? {})).toEqual([
      'harbour-history/first-ships',
      'harbour-history/founded',
    ]);
    expect(compareWithLock(load(original), confirmedLock)).toEqual({ stale: [], unconfirmed: [] });
  });

  it('reports each question citing a changed passage at its citation, with the command to run', () => {
    const { problems, unconfirmed } = checkCitationLock(changedFounding, original.banks, confirmedLock);
    const message = (id: string) =>
      `${id}: cites harbour-history/founded, which changed since it was confirmed; ` +
      `review the question, then run npm run bank -- confirm ${id}`;
    expect(problems.map(formatProblem)).toEqual([
      `tests/fixtures/content/harbour.yaml:14:18  ${message('q-founded-year')}`,
      `tests/fixtures/content/harbour.yaml:31:18  ${message('q-founders')}`,
      `tests/fixtures/content/harbour.yaml:81:18  ${message('q-first-ships')}`,
    ]);
    expect(unconfirmed).toEqual([]);
  });

  it('clears a stale question once it is confirmed by id, and only that one', () => {
    const { lock, changed } = confirmCitations(changedFounding, confirmedLock, ['q-founders']);
    expect(changed).toEqual(['q-founders']);
    expect(staleIds(changedFounding, lock)).toEqual(['q-founded-year', 'q-first-ships']);
    expect(staleIds(changedFounding, confirmCitations(changedFounding, lock, 'all').lock)).toEqual([]);
  });

  it('keeps stale questions stale when only new ones are confirmed', () => {
    const { lock, changed } = confirmCitations(changedFounding, confirmedLock, 'new');
    expect(changed).toEqual([]);
    expect(staleIds(changedFounding, lock)).toEqual(['q-founded-year', 'q-founders', 'q-first-ships']);
  });

  it('does not hold up a question that is not in the lock yet, and records it on confirm --new', () => {
    const others = Object.entries(confirmedLock.questions).filter(([id]) => id !== 'q-peak');
    const withoutPeak: CitationLock = { version: 1, questions: Object.fromEntries(others) };
    expect(compareWithLock(load(original), withoutPeak)).toEqual({ stale: [], unconfirmed: ['q-peak'] });
    const { lock, changed } = confirmCitations(load(original), withoutPeak, 'new');
    expect(changed).toEqual(['q-peak']);
    expect(serializeCitationLock(lock)).toBe(serializeCitationLock(confirmedLock));
  });

  it('treats a citation added to a confirmed question as unconfirmed, not stale', () => {
    const oneCitation = editBank((text) =>
      text.replace(
        '\n      - source: harbour-history\n        passage: founded\n        quote: The harbour was founded\n',
        '\n',
      ),
    );
    const lock = confirmCitations(load(oneCitation), EMPTY_CITATION_LOCK, 'all').lock;
    expect(compareWithLock(load(original), lock)).toEqual({ stale: [], unconfirmed: ['q-first-ships'] });
  });

  it('drops a question removed from its bank on the next confirm', () => {
    const removePeak = (text: string) =>
      text
        .split('\n\n')
        .filter((block) => !block.includes('id: q-peak\n'))
        .join('\n\n');
    const withoutPeak = load(editBank(removePeak));
    expect(withoutPeak.questions.map((question) => question.id)).not.toContain('q-peak');
    const { lock, dropped } = confirmCitations(withoutPeak, confirmedLock, 'new');
    expect(dropped).toEqual(['q-peak']);
    expect(Object.keys(lock.questions)).not.toContain('q-peak');
  });

  it('is written with sorted keys and a final newline, whatever order it was built in, and reads back', () => {
    const reversed: CitationLock = {
      version: 1,
      questions: Object.fromEntries(
        Object.entries(confirmedLock.questions)
          .reverse()
          .map(([id, fingerprints]) => [id, Object.fromEntries(Object.entries(fingerprints).reverse())]),
      ),
    };
    const text = serializeCitationLock(reversed);
    expect(text).toBe(serializeCitationLock(confirmedLock));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n').slice(0, 4)).toEqual([
      '{',
      '  "version": 1,',
      '  "questions": {',
      '    "q-first-ships": {',
    ]);
    const parsed = parseCitationLock({ path: 'lock.json', text });
    expect(parsed).toEqual({ ok: true, value: confirmedLock });
  });

  it('reports a malformed lock with its location', () => {
    const text = '{\n  "version": 1,\n  "questions": {\n    "q-a": { "s/p": "not-hex" }\n  }\n}\n';
    const parsed = parseCitationLock({ path: 'questions/citations.lock.json', text });
    expect(parsed.ok ? [] : parsed.problems.map(formatProblem)).toEqual([
      'questions/citations.lock.json:4:21  questions.q-a.s/p: must be 16 lower-case hex digits',
    ]);
  });
});
