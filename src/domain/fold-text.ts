/** White space folded to single spaces: quotes are verbatim but line breaks and double spaces may differ. */
export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** For comparing choices and prompts: case, accents, punctuation and spacing ignored. */
export function comparableText(text: string): string {
  return foldWhitespace(
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' '),
  );
}
