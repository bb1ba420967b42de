export type TextFileRead = { ok: true; text: string } | { ok: false; problem: string };

// eslint-disable-next-line no-control-regex
const BINARY_BYTES = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/;

// FileReader rather than Blob.arrayBuffer: it is what every browser (and jsdom) has had longest.
function bytesOf(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      reader.result instanceof ArrayBuffer
        ? resolve(new Uint8Array(reader.result))
        : reject(new Error('the file could not be read'));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsArrayBuffer(file);
  });
}

/**
 * Reads a file the user chose that should be plain text, refusing at once what is not: too large,
 * binary (an image, a PDF, a zip: control bytes in its first kilobytes) or not UTF-8. Without this a
 * photo picked by mistake became megabytes of garbage for the page to check line by line.
 */
export async function readTextFile(file: Blob & { name: string }, maxBytes: number): Promise<TextFileRead> {
  if (file.size > maxBytes) {
    const megabytes = Math.round(maxBytes / 1_000_000);
    return {
      ok: false,
      problem: `“${file.name}” is over ${megabytes} MB, too large to be a text file of codes`,
    };
  }
  const bytes = await bytesOf(file);
  const head = String.fromCharCode(...bytes.subarray(0, 4096));
  if (BINARY_BYTES.test(head)) {
    return {
      ok: false,
      problem: `“${file.name}” is not a plain text file: it looks like an image, a PDF or another binary file`,
    };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, problem: `“${file.name}” is not a UTF-8 text file` };
  }
}
