const WHITE_SPACE = /\s/;

/**
 * Where a quote stands in a passage, forgiving differences in white space only (the same rule the
 * bank checker applies), so the reader can mark exactly the words a citation quotes.
 *
 * Both texts are compared with every run of white space folded to one space, keeping where each
 * folded character came from: a plain substring search, linear in the passage, however long the
 * quote (a link can carry thousands of words, which as one regular expression froze the reader).
 */
export function findQuote(text: string, quote: string): { start: number; end: number } | undefined {
  const needle = quote.trim().split(/\s+/).filter(Boolean).join(' ');
  if (needle.length === 0 || needle.length > text.length) return undefined;
  let folded = '';
  const origins: number[] = [];
  let isInSpace = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? '';
    if (WHITE_SPACE.test(char)) {
      if (!isInSpace) {
        folded += ' ';
        origins.push(index);
      }
      isInSpace = true;
    } else {
      folded += char;
      origins.push(index);
      isInSpace = false;
    }
  }
  const at = folded.indexOf(needle);
  if (at < 0) return undefined;
  const start = origins[at] ?? 0;
  const end = (origins[at + needle.length - 1] ?? start) + 1;
  return { start, end };
}
