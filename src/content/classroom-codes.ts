import { deflateSync, strFromU8, strToU8 } from 'fflate';
import { z } from 'zod';
import { ASSIGNMENT_LIMITS, type Assignment, type ClassResult } from '../domain/assignment';
import { fnv1a32 } from '../domain/hash';
import type { LearnerResponse } from '../domain/learner-response';
import { QUIZ_MODES } from '../domain/quiz-mode';
import { InflatedTooLargeError, inflateWithin } from './inflate-within';
import { learnerResponseSchema } from './response-schema';
import { idSchema } from './schema-primitives';

const { titleLength, questions, minutes, studentNameLength } = ASSIGNMENT_LIMITS;

export const assignmentSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'the assignment has no title')
    .max(titleLength, `the title is over ${titleLength} characters`),
  ids: z
    .array(idSchema)
    .min(1, 'the assignment has no questions')
    .max(questions, `the assignment has over ${questions} questions`),
  mode: z.enum(QUIZ_MODES),
  minutes: z.number().int().min(0).max(minutes),
  sameOrder: z.boolean(),
  seed: z.string().regex(/^[a-z0-9]{1,16}$/),
}) satisfies z.ZodType<Assignment>;

export const resultSchema = z.object({
  assignment: assignmentSchema,
  student: z
    .string()
    .trim()
    .min(1, 'the result has no student name')
    .max(studentNameLength, `the student name is over ${studentNameLength} characters`),
  responses: z.array(learnerResponseSchema.nullable()),
  finishedAt: z.number().int().nonnegative(),
}) satisfies z.ZodType<ClassResult>;

const KINDS = { assignment: 'A1', result: 'R1' } as const;

/**
 * The largest code read, and the most its payload may inflate to. A full assignment (200 questions,
 * long ids) is about 4 KB of JSON and a result with long typed answers a few tens of KB: these leave
 * room for any real code while bounding the work a crafted one can cause.
 */
export const CODE_LIMITS = { codeLength: 200_000, inflatedBytes: 1_000_000 } as const;
type Decoded<T> = { ok: true; value: T } | { ok: false; problem: string };

/** FNV-1a over the payload, as 6 base-32 characters: enough to catch a character lost in copying. */
function checksum(text: string): string {
  return (fnv1a32(text) >>> 2).toString(32).padStart(6, '0');
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

function encode(kind: string, value: unknown): string {
  const payload = toBase64Url(deflateSync(strToU8(JSON.stringify(value)), { level: 9 }));
  return `${kind}.${payload}.${checksum(kind + payload)}`;
}

function decode<T>(kind: string, what: string, code: string, schema: z.ZodType<T>): Decoded<T> {
  const name = what.replace(/^an? /, '');
  if (code.length > CODE_LIMITS.codeLength) {
    return {
      ok: false,
      problem: `this is too long to be ${what} (over ${CODE_LIMITS.codeLength} characters)`,
    };
  }
  const parts = code.trim().split('.');
  const [prefix, payload, check] = parts;
  if (parts.length !== 3 || !prefix || !payload || !check || !/^[AR]\d+$/.test(prefix)) {
    return { ok: false, problem: `this is not ${what}` };
  }
  if (prefix[0] !== kind[0]) return { ok: false, problem: `this is not ${what}` };
  if (Number(prefix.slice(1)) > Number(kind.slice(1))) {
    return {
      ok: false,
      problem: `this ${name} comes from a newer version of the app; reload the app to update it, then try again`,
    };
  }
  if (checksum(prefix + payload) !== check) {
    return {
      ok: false,
      problem: `this ${name} is damaged (its check does not match): part of it was probably lost in copying`,
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(strFromU8(inflateWithin(fromBase64Url(payload), CODE_LIMITS.inflatedBytes)));
  } catch (error) {
    if (error instanceof InflatedTooLargeError) {
      return { ok: false, problem: `this ${name} unpacks to far more than any real one, so it is not read` };
    }
    return { ok: false, problem: `this ${name} is damaged and cannot be read` };
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    return {
      ok: false,
      problem: `this ${name} is not valid: ${issue?.message ?? 'unknown problem'}`,
    };
  }
  return { ok: true, value: result.data };
}

export function encodeAssignment(assignment: Assignment): string {
  return encode(KINDS.assignment, assignment);
}

/** Never throws: a damaged, tampered or foreign code gets a sentence saying what is wrong. */
export function decodeAssignment(code: string): Decoded<Assignment> {
  return decode(KINDS.assignment, 'an assignment link', code, assignmentSchema);
}

export function encodeResult(result: ClassResult): string {
  return encode(KINDS.result, result);
}

/** Never throws: a damaged, tampered or foreign code gets a sentence saying what is wrong. */
export function decodeResult(code: string): Decoded<ClassResult> {
  return decode(KINDS.result, 'a result code', code, resultSchema);
}

/** The responses of a finished quiz in the assignment's question order, for its result code. */
export function responsesInAssignmentOrder(
  assignment: Assignment,
  responses: Readonly<Record<string, LearnerResponse | undefined>>,
): (LearnerResponse | null)[] {
  return assignment.ids.map((id) => responses[id] ?? null);
}

/**
 * The seed a student's quiz is drawn with: the assignment's own when everyone gets the same order,
 * otherwise one derived from the student's name, so each student keeps their order on reload.
 */
export function studentSeed(assignment: Assignment, student: string): string {
  if (assignment.sameOrder) return assignment.seed;
  return `${assignment.seed.slice(0, 8)}${checksum(student.trim().toLowerCase())}`
    .slice(0, 16)
    .replace(/[^a-z0-9]/g, '0');
}
