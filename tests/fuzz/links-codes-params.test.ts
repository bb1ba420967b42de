import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeAssignment, decodeResult, encodeAssignment, encodeResult } from '@/content/classroom-codes';
import { findQuote } from '@/content/find-quote';
import { readResultCodes } from '@/content/read-result-codes';
import type { Assignment } from '@/domain/assignment';
import { settingsFromParams } from '@/features/quiz/quiz-settings';
import { nameOfPlace } from '@/navigation/paths';
import { readHashCode } from '@/navigation/read-hash';
import { safeBackPath } from '@/navigation/safe-back-path';
import { codeWithPayload } from '../kit/forge-code';
import { CASES, fuzz, linkText } from './fuzz-kit';

const assignment: Assignment = {
  title: 'Week 3',
  ids: ['y90-debt-relief-total', 'st-evfta-year'],
  mode: 'test',
  minutes: 15,
  sameOrder: false,
  seed: 'k3j9x2ab',
};
const realCodes = [
  encodeAssignment(assignment),
  encodeResult({
    assignment,
    student: 'Ana',
    responses: [{ type: 'numeric', text: '46' }, null],
    finishedAt: 1,
  }),
];

const jsonValue = fc.jsonValue({ maxDepth: 4 });
const BOMBS = [1_000_001, 8_000_000].flatMap((size) => {
  const payload = deflateSync(new Uint8Array(size));
  return [codeWithPayload('A1', payload), codeWithPayload('R1', payload)];
});
/** Codes as a hostile or careless user makes them: any text, real codes damaged, forged ones. */
const codeText = fc.oneof(
  { arbitrary: linkText, weight: 10 },
  {
    weight: 10,
    arbitrary: fc
      .tuple(fc.constantFrom(...realCodes), fc.nat(), fc.string({ maxLength: 3 }), fc.nat({ max: 5 }))
      .map(
        ([code, at, insert, cut]) =>
          code.slice(0, at % code.length) + insert + code.slice((at % code.length) + cut),
      ),
  },
  {
    weight: 10,
    arbitrary: fc
      .tuple(fc.constantFrom<'A1' | 'R1'>('A1', 'R1'), fc.uint8Array({ maxLength: 2000 }))
      .map(([kind, bytes]) => codeWithPayload(kind, bytes)),
  },
  {
    weight: 10,
    arbitrary: fc
      .tuple(fc.constantFrom<'A1' | 'R1'>('A1', 'R1'), jsonValue)
      .map(([kind, value]) => codeWithPayload(kind, deflateSync(strToU8(JSON.stringify(value))))),
  },
  // Zeros that inflate just over the limit (1 MB) and far over it: made once, and
  // rarer than the rest (each costs up to 40 ms to refuse, which would make the run minutes long).
  { arbitrary: fc.constantFrom(...BOMBS), weight: 1 },
);

const TOPICS = ['dates', 'trade', 'education'];
const PARAM_KEYS = [
  'banks',
  'topics',
  'types',
  'difficulty',
  'ids',
  'count',
  'mode',
  'minutes',
  'seed',
  'order',
  'assignment',
  'student',
];
const paramsText = fc.oneof(
  linkText,
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...PARAM_KEYS), fc.string({ maxLength: 8 })), linkText), {
      maxLength: 12,
    })
    // As a browser encodes them (lone surrogates become U+FFFD); the raw text above covers the rest.
    .map((pairs) => new URLSearchParams(pairs).toString()),
);

describe(`fuzz: ${CASES} cases per edge, no crash, no case over 2 s`, () => {
  it('links: back paths, hashes, quotes and the names of places', () => {
    const passage = 'Belgium and Vietnam officially established diplomatic relations on March 22, 1973.';
    const runs = fuzz(linkText, (text) => {
      const back = safeBackPath(text);
      if (back !== undefined)
        expect(new URL(back, 'https://quiz.example/x').origin).toBe('https://quiz.example');
      expect(typeof readHashCode(`#${text}`)).toBe('string');
      expect(nameOfPlace(text)).toMatch(/\S/);
      findQuote(passage, text);
      findQuote(text, passage);
    });
    expect(runs).toBe(CASES);
  });

  it('codes: assignment links, result codes and pasted lists of them', { timeout: 600_000 }, () => {
    const runs = fuzz(codeText, (code) => {
      for (const decoded of [decodeAssignment(code), decodeResult(code)]) {
        if (!decoded.ok) expect(decoded.problem).toMatch(/^this [^?]+$/);
      }
      const read = readResultCodes(`${code}\n${realCodes[1] ?? ''}`);
      expect(read.results.length + read.problems.length).toBeGreaterThan(0);
    });
    expect(runs).toBe(CASES);
  });

  it('URL parameters: the quiz link read into settings', () => {
    const runs = fuzz(paramsText, (query) => {
      const read = settingsFromParams(new URLSearchParams(query), TOPICS);
      if (read.ok) expect(read.settings.seed).toMatch(/^[a-z0-9]{1,16}$/);
      else expect(read.problem.length).toBeGreaterThan(0);
    });
    expect(runs).toBe(CASES);
  });
});
