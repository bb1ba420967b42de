import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadContent } from '@/build/load-content';
import { formatProblem } from '@/build/problem';
import { readContentFiles } from '@/build/read-content-files';
import { completeRelated } from '@/build/related-questions';
import type { Question } from '@/domain/question';

const root = new URL('../..', import.meta.url).pathname;
const realContent = readContentFiles(root);

function check(fixture: string): string[] {
  const path = `tests/fixtures/broken-banks/${fixture}`;
  const { problems } = loadContent({
    ...realContent,
    banks: [{ path, text: readFileSync(root + path, 'utf8') }],
  });
  return problems.map(formatProblem);
}

describe('giveaways between questions', () => {
  it('fails a prompt that states another question’s answer, at both questions, each naming the other’s place', () => {
    const file = 'tests/fixtures/broken-banks/giveaway-pair.yaml';
    expect(check('giveaway-pair.yaml')).toEqual([
      `${file}:8:13  q-agreement-year: its answer ("1977") is given away by q-agreement-scope, in its prompt at ${file}:20:13; reword one of them, or declare them related (or give both the fact they share)`,
      `${file}:20:13  q-agreement-scope: its prompt gives away the answer of q-agreement-year ("1977") at ${file}:8:13; reword one of them, or declare them related (or give both the fact they share)`,
    ]);
  });

  it('accepts the pair once either side declares the other related, or once they share a fact', () => {
    const text = readFileSync(`${root}tests/fixtures/broken-banks/giveaway-pair.yaml`, 'utf8');
    const declared = text.replace(
      'facts: [framework-agreement-1977]',
      'facts: [framework-agreement-1977]\n    related: [q-agreement-scope]',
    );
    const shared = text.replace(
      'facts: [framework-agreement-scope]',
      'facts: [framework-agreement-scope, framework-agreement-1977]',
    );
    for (const variant of [declared, shared]) {
      const { problems } = loadContent({ ...realContent, banks: [{ path: 'pair.yaml', text: variant }] });
      expect(problems.map(formatProblem)).toEqual([]);
    }
  });

  it('does not count a clue outside the asking question’s subject', () => {
    const text = readFileSync(`${root}tests/fixtures/broken-banks/giveaway-pair.yaml`, 'utf8');
    // 1977 still appears, but with nothing about an agreement around it.
    const unrelated = text.replace(
      'Which kinds of cooperation does the framework agreement signed in 1977 name?',
      'Which kinds of cooperation are named in a title from 1977?',
    );
    const { problems } = loadContent({ ...realContent, banks: [{ path: 'pair.yaml', text: unrelated }] });
    expect(problems.map(formatProblem)).toEqual([]);
  });
});

describe('typed answers', () => {
  it('reports the variants a learner would type that are refused, the prompt that holds an answer, and a false refusal', () => {
    const file = 'tests/fixtures/broken-banks/refused-variants.yaml';
    const problems = check('refused-variants.yaml');
    expect(problems).toEqual([
      `${file}:9:7  q-debt-relief: a learner who knows the answer may type "46.4" (the value rounded to 1 decimal), "46.3" (the value cut off at 1 decimal), which are refused; accept them, or list each under refused with the reason`,
      `${file}:24:13  q-institute: a learner who knows the answer may type "ITM" (the acronym the document gives), which is refused; accept it, or list it under refused with the reason`,
      `${file}:37:20  q-flemish-office: the prompt already says "Flemish Office for Development Cooperation and Technical Assistance", an accepted answer`,
      `${file}:59:17  q-declared: "46.35" is listed as refused, but it is accepted`,
    ]);
    // q-declared refuses 46.4 and 46.3 with a reason, so none of their spellings is reported.
  });

  it('accepts every variant of the real banks', () => {
    const messages = loadContent(realContent).problems.map(formatProblem);
    expect(messages.filter((message) => /refused|the prompt already/.test(message))).toEqual([]);
  });
});

describe('facts and related', () => {
  it('need a fact, name real questions, and list nothing twice', () => {
    const problems = check('bad-relations.yaml');
    expect(problems).toEqual([
      expect.stringMatching(/:16:29 {2}q-relations: fact "relations-1973" is listed twice$/),
      expect.stringMatching(/:17:15 {2}q-relations: a question cannot be related to itself$/),
      expect.stringMatching(/:17:28 {2}q-relations: related names "no-such-question", which is no question$/),
      expect.stringMatching(/:30:12 {2}questions\[1\]\.facts: needs at least one fact/),
    ]);
  });

  it('makes related complete: both sides, and every question sharing a fact', () => {
    const base = {
      bank: 'b',
      prompt: 'p',
      topics: ['dates'],
      difficulty: 1,
      explanation: 'e',
      citations: [],
    };
    const question = (id: string, facts: string[], related: string[] = []): Question => ({
      ...base,
      topics: ['dates'],
      difficulty: 1,
      id,
      type: 'year',
      answer: 1973,
      facts,
      related,
    });
    const completed = completeRelated([
      question('a', ['x']),
      question('b', ['x', 'y']),
      question('c', ['y'], ['d']),
      question('d', ['z']),
      question('e', ['w'], ['a', 'nowhere']),
    ]);
    expect(completed.map((q) => [q.id, q.related])).toEqual([
      ['a', ['b', 'e']],
      ['b', ['a', 'c']],
      ['c', ['b', 'd']],
      ['d', ['c']],
      ['e', ['a']],
    ]);
  });

  it('gives every real question its facts and a complete, symmetric related list', () => {
    const { questions } = loadContent(realContent).content;
    const byId = new Map(questions.map((q) => [q.id, q]));
    for (const question of questions) {
      expect(question.facts?.length).toBeGreaterThan(0);
      for (const other of question.related ?? []) expect(byId.get(other)?.related).toContain(question.id);
    }
  });
});
