import { readFileSync } from 'node:fs';
import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

// argon2id with OWASP's minimum settings (19 MiB, 2 passes): about 30 ms here.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

let common: ReadonlySet<string> | undefined;

/** The most common passwords, one per line in common-passwords.txt (lower case). */
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line && !line.startsWith('#')),
  );
  return common;
}

/** Why a new password is not good enough, or undefined when it is. */
export function passwordProblem(password: string, email: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `the password must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `the password must be at most ${MAX_PASSWORD_LENGTH} characters long`;
  }
  const folded = password.toLowerCase();
  if (commonPasswords().has(folded) || /^(.)\1*$/.test(folded)) {
    return 'this password is one of the most common ones; choose another';
  }
  const localPart = email.toLowerCase().split('@')[0] ?? '';
  if (localPart.length >= 4 && folded.includes(localPart)) {
    return 'the password must not contain your email address';
  }
  return undefined;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. With no hash (no such account, or no password set yet)
 * it still does the same work, so the answer takes as long either way.
 */
export async function isPasswordRight(password: string, storedHash: string | null | undefined) {
  dummyHash ??= hash('a password nobody has', OPTIONS);
  const target = storedHash ?? (await dummyHash);
  const isRight = await verify(target, password).catch(() => false);
  return Boolean(storedHash) && isRight;
}
