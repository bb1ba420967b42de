import type { Question } from '../../domain/question';
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so the same question is always the same text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The SHA-256 (64 hex digits) of a normalised question's canonical JSON: the key of its version in
 * `question_versions`. Any change a student could see or be graded by (prompt, choices, answer,
 * explanation, citation) makes a new version; re-ordering keys in a bank file does not, and neither
 * do `facts` and `related`, which only steer draws (declaring a relation elsewhere changes `related`).
 */
export function fingerprintQuestion(question: Question): string {
  const seen = { ...question, facts: undefined, related: undefined };
  return createHash('sha256').update(canonicalJson(seen), 'utf8').digest('hex');
}
