import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  decodeAssignment,
  decodeResult,
  encodeAssignment,
  encodeResult,
  studentSeed,
} from '@/content/classroom-codes';
import type { Assignment, ClassResult } from '@/domain/assignment';
import { readResultCodes } from '@/content/read-result-codes';
import { codeWithPayload } from '../kit/forge-code';

const assignment: Assignment = {
  title: 'Week 3: the 1990s',
  ids: ['y90-debt-relief-total', 'y90-joint-commission-years', 'st-evfta-year'],
  mode: 'test',
  minutes: 15,
  sameOrder: false,
  seed: 'k3j9x2ab',
};
const result = (student: string, finishedAt = 1_700_000_000_000): ClassResult => ({
  assignment,
  student,
  responses: [{ type: 'numeric', text: '46,35' }, null, { type: 'year', text: '2020' }],
  finishedAt,
});

describe('assignment links', () => {
  it('round-trip everything the assignment needs', () => {
    expect(decodeAssignment(encodeAssignment(assignment))).toEqual({ ok: true, value: assignment });
  });

  it('reject a damaged, truncated, foreign or newer code with a sentence, never an exception', () => {
    const code = encodeAssignment(assignment);
    const flipped = code.slice(0, 10) + (code[10] === 'a' ? 'b' : 'a') + code.slice(11);
    expect(decodeAssignment(flipped)).toEqual({
      ok: false,
      problem: expect.stringMatching(/damaged \(its check does not match\)/),
    });
    expect(decodeAssignment(code.slice(0, -3))).toMatchObject({ ok: false });
    expect(decodeAssignment('hello')).toEqual({ ok: false, problem: 'this is not an assignment link' });
    expect(decodeAssignment(encodeResult(result('Ana')))).toEqual({
      ok: false,
      problem: 'this is not an assignment link',
    });
    expect(decodeAssignment(code.replace(/^A1/, 'A2'))).toEqual({
      ok: false,
      problem: expect.stringMatching(/newer version/),
    });
  });

  it('reject every single-character change', () => {
    const code = encodeAssignment(assignment);
    fc.assert(
      fc.property(fc.nat({ max: code.length - 1 }), fc.string({ minLength: 1, maxLength: 1 }), (at, char) => {
        fc.pre(code[at] !== char);
        expect(decodeAssignment(code.slice(0, at) + char + code.slice(at + 1)).ok).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throw on any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(decodeAssignment(text).ok).toBe(false);
        expect(decodeResult(text).ok).toBe(false);
        expect(decodeResult(`R1.${text}.${text}`).ok).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('give each student their own order unless everyone shares one, and keep it for that student', () => {
    expect(studentSeed(assignment, 'Ana')).toBe(studentSeed(assignment, ' ana '));
    expect(studentSeed(assignment, 'Ana')).not.toBe(studentSeed(assignment, 'Binh'));
    expect(studentSeed({ ...assignment, sameOrder: true }, 'Ana')).toBe('k3j9x2ab');
    expect(studentSeed(assignment, 'Ana')).toMatch(/^[a-z0-9]{1,16}$/);
  });
});

describe('what codes say when they cannot be used', () => {
  it('end without a question mark, as every sentence they are put in ends with a full stop', () => {
    const code = encodeResult(result('Ana'));
    const damaged = code.slice(0, 10) + (code[10] === 'a' ? 'b' : 'a') + code.slice(11);
    for (const problem of [
      decodeResult(damaged),
      decodeResult('hello'),
      decodeResult(code.replace(/^R1/, 'R9')),
      decodeResult(codeWithPayload('R1', new Uint8Array([1, 2, 3]))),
    ].map((decoded) => (decoded.ok ? '' : decoded.problem))) {
      expect(problem).toMatch(/^this [^?]+[a-z)]$/);
    }
  });
});

describe('result codes that would cost a teacher minutes', () => {
  it('refuse a code that inflates far beyond any real one, in a moment', () => {
    // About 50 KB of code that inflates to 64 MB of spaces; the real attack inflated to 1.6 GB.
    const bomb = codeWithPayload('R1', deflateSync(new Uint8Array(64_000_000).fill(32), { level: 9 }));
    const started = performance.now();
    expect(decodeResult(bomb)).toEqual({
      ok: false,
      problem: 'this result code unpacks to far more than any real one, so it is not read',
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuse a code longer than any real one without reading it', () => {
    const long = codeWithPayload('R1', new Uint8Array(2_200_000));
    expect(decodeResult(long)).toEqual({
      ok: false,
      problem: expect.stringMatching(/^this is too long to be a result code/),
    });
  });

  it('still read the largest real result: 200 questions with long typed answers', () => {
    const big: ClassResult = {
      assignment: { ...assignment, ids: Array.from({ length: 200 }, (_, i) => `question-number-${i}`) },
      student: 'N'.repeat(80),
      responses: Array.from({ length: 200 }, (_, i) => ({
        type: 'short-text',
        text: `answer ${i} `.repeat(50),
      })),
      finishedAt: 1,
    };
    expect(decodeResult(encodeResult(big))).toEqual({ ok: true, value: big });
  });
});

describe('result codes', () => {
  it('round-trip the assignment, the name and the answers', () => {
    expect(decodeResult(encodeResult(result('Nguyễn Thị Lan')))).toEqual({
      ok: true,
      value: result('Nguyễn Thị Lan'),
    });
  });

  it('are read line by line: bad lines reported by number, links accepted, one result per student', () => {
    const text = [
      encodeResult(result('Ana', 1)),
      '',
      'not a code',
      `https://quiz.example/classroom/report#${encodeResult(result('Binh'))}`,
      encodeResult(result('ana', 2)),
      encodeResult({ ...result('Chi'), assignment: { ...assignment, title: 'Another week' } }),
    ].join('\n');
    const read = readResultCodes(text);
    expect(read.results.map((r) => [r.student, r.finishedAt])).toEqual([
      ['ana', 2],
      ['Binh', 1_700_000_000_000],
    ]);
    expect(read.mergedCount).toBe(1);
    expect(read.problems).toEqual([
      { line: 3, problem: 'this is not a result code' },
      { line: 6, problem: 'belongs to another assignment (“Another week”); report on it separately' },
    ]);
  });
});
