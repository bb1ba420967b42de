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

/** The text of a downloaded file. */
export const textOf = (blob: Blob): Promise<string> => blob.text();

export async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}
