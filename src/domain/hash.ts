/**
 * FNV-1a over UTF-16 code units, 32 bits (Fowler, Noll and Vo). Not cryptographic: it tells versions
 * and copies apart, which is all its callers need. `basis` lets a caller derive independent hashes.
 */
export function fnv1a32(text: string, basis = 0x811c9dc5): number {
  let hash = basis >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  }
  return hash >>> 0;
}
