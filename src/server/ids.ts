import { createHash, randomBytes, randomInt } from 'node:crypto';

/** 128 random bits, URL-safe: every id a URL carries (teachers, classes, assignments, attempts). */
export function newId(): string {
  return randomBytes(16).toString('base64url');
}

export function isId(text: unknown): text is string {
  return typeof text === 'string' && /^[A-Za-z0-9_-]{22}$/.test(text);
}

/** 256 random bits: session cookies and password-reset links. Only their hash is stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

// No 0/O, 1/I/L: a code read aloud or copied from a board survives.
const RESUME_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Ten characters (about 49 bits) shown as XXXXX-XXXXX; with the assignment id, it finds one attempt. */
export function newResumeCode(): string {
  const chars = Array.from({ length: 10 }, () => RESUME_ALPHABET[randomInt(RESUME_ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/** The code as typed (any case, spaces or dashes) in its canonical form, or undefined. */
export function normalizeResumeCode(text: string): string | undefined {
  const chars = text.toUpperCase().replace(/[\s-]/g, '');
  if (chars.length !== 10 || [...chars].some((char) => !RESUME_ALPHABET.includes(char))) return undefined;
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}
