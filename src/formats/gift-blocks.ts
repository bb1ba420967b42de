/** A question's text in a GIFT file, with the comments just above it and where it starts. */
export type GiftBlock = {
  text: string;
  /** The file line of the block's first line (a comment, or the question itself). */
  firstLine: number;
  /** The file line where the question itself starts (after its comments). */
  questionLine: number;
};

const BLANK = /^[ \t]*$/;
const COMMENT = /^[ \t]*\/\//;

/**
 * Splits a GIFT file where the grammar does, at blank lines, so that each question is parsed on
 * its own: one broken question is reported and the others still come in. A run of comment lines
 * is kept with the question that follows it, because `// [id:…] [tag:…]` comments belong to it.
 */
export function splitGiftBlocks(text: string): GiftBlock[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const blocks: GiftBlock[] = [];
  let start: number | undefined;
  let end = 0;
  const close = () => {
    if (start === undefined) return;
    const blockLines = lines.slice(start, end + 1);
    const questionIndex = blockLines.findIndex((line) => !BLANK.test(line) && !COMMENT.test(line));
    if (questionIndex < 0) return; // only comments so far: they stay with the next question
    blocks.push({
      text: blockLines.join('\n'),
      firstLine: start + 1,
      questionLine: start + questionIndex + 1,
    });
    start = undefined;
  };
  lines.forEach((line, index) => {
    if (BLANK.test(line)) {
      close();
      return;
    }
    start ??= index;
    end = index;
  });
  close();
  return blocks;
}
