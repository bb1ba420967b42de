import { createHash } from 'node:crypto';
import { foldWhitespace } from '../domain/fold-text';

/**
 * The first 16 hex digits of the SHA-256 of a passage's white-space-folded text. Re-wrapping a
 * passage keeps its fingerprint; changing a word does not. SHA-256 (Node only, like the CLI that
 * uses it) so anyone can recompute a fingerprint with `sha256sum` when reviewing the lock.
 */
export function fingerprintPassage(text: string): string {
  return createHash('sha256').update(foldWhitespace(text), 'utf8').digest('hex').slice(0, 16);
}
