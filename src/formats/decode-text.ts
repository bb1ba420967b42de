import type { ImportProblem } from './format-types';

const strict = new TextDecoder('utf-8', { fatal: true });

/**
 * A file's bytes as text. Bytes that are not UTF-8 cannot be read faithfully: they become U+FFFD
 * (as every reader does), and a note names each line where that happened, so that the teacher can
 * save the file as UTF-8 and import it again rather than find "Caf�" in a question later.
 */
export function decodeImportText(bytes: Uint8Array): { text: string; notes: ImportProblem[] } {
  try {
    return { text: strict.decode(bytes), notes: [] };
  } catch {
    const notes: ImportProblem[] = [];
    let line = 1;
    let start = 0;
    while (start <= bytes.length) {
      const newline = bytes.indexOf(0x0a, start);
      const end = newline < 0 ? bytes.length : newline;
      try {
        strict.decode(bytes.subarray(start, end));
      } catch {
        notes.push({
          line,
          message:
            'bytes that are not UTF-8 were replaced by "\uFFFD": save the file as UTF-8 and import it again',
        });
      }
      line += 1;
      start = end + 1;
    }
    return { text: new TextDecoder('utf-8').decode(bytes), notes };
  }
}
