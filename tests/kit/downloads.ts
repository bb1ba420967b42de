import { vi } from 'vitest';

export type Download = { name: string; blob: Blob };

/**
 * Records what the page downloads (src/lib/download-text.ts makes a blob URL and clicks a link to it),
 * so a test can read each file's name and content. jsdom has no blob URLs and no downloads; the
 * spies are undone by `vi.restoreAllMocks()` after each test (tests/setup.ts).
 */
export function captureDownloads(): Download[] {
  const downloads: Download[] = [];
  const blobs = new Map<string, Blob>();
  URL.createObjectURL ??= () => '';
  URL.revokeObjectURL ??= () => undefined;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:kit/${blobs.size + 1}`;
    if (blob instanceof Blob) blobs.set(url, blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (this.download && blob) downloads.push({ name: this.download, blob });
  });
  return downloads;
}

/** The text of a downloaded file (jsdom's Blob has no `text()`, so through a FileReader). */
export function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the download could not be read'));
    reader.readAsText(blob);
  });
}

export async function bytesOf(blob: Blob): Promise<Uint8Array> {
  const buffer = await new Promise<ArrayBuffer>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      reader.result instanceof ArrayBuffer
        ? resolve(reader.result)
        : reject(new Error('the download was not read as bytes'));
    reader.onerror = () => reject(reader.error ?? new Error('the download could not be read'));
    reader.readAsArrayBuffer(blob);
  });
  return new Uint8Array(buffer);
}
