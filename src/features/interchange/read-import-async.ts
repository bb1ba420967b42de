import type { ReadImport } from '@/formats/read-import';

export type ReadImportRequest = {
  bytes: Uint8Array;
  fileName: string;
  knownTopics: readonly string[];
  takenIds: ReadonlySet<string>;
};
export type ReadImportReply =
  | { kind: 'started' }
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; read: ReadImport };

type Options = {
  knownTopics: readonly string[];
  takenIds: ReadonlySet<string>;
  onProgress: (done: number, total: number) => void;
  /** Aborting stops the reading at once (the worker is ended) and rejects with an AbortError. */
  signal: AbortSignal;
};

const aborted = () => new DOMException('The import was cancelled.', 'AbortError');

/**
 * Reads an imported file in a Web Worker, so that a file of megabytes never freezes the page: the
 * page hears how far it has gone, and can cancel. Where workers are unavailable, the file is read
 * on the page (which pauses while it does) by the same code, loaded on demand.
 */
export async function readImportAsync(file: File, options: Options): Promise<ReadImport> {
  const { knownTopics, takenIds, onProgress, signal } = options;
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (signal.aborted) throw aborted();
  const readOnPage = async () => {
    const { readImport } = await import('@/formats/read-import');
    if (signal.aborted) throw aborted();
    return readImport(bytes, file.name, { knownTopics, takenIds });
  };
  if (typeof Worker === 'undefined') return readOnPage();
  return new Promise((resolve, reject) => {
    let hasStarted = false;
    const worker = new Worker(new URL('./read-import.worker.ts', import.meta.url), { type: 'module' });
    const stop = () => {
      worker.terminate();
      reject(aborted());
    };
    signal.addEventListener('abort', stop, { once: true });
    const finish = () => {
      signal.removeEventListener('abort', stop);
      worker.terminate();
    };
    worker.onmessage = (event: MessageEvent<ReadImportReply>) => {
      if (event.data.kind === 'started') hasStarted = true;
      if (event.data.kind !== 'done') {
        if (event.data.kind === 'progress') onProgress(event.data.done, event.data.total);
        return;
      }
      finish();
      resolve(event.data.read);
    };
    worker.onerror = (event) => {
      finish();
      // A worker that never started (its script blocked or missing offline): read on the page instead.
      if (!hasStarted) readOnPage().then(resolve, reject);
      else reject(new Error(event.message || 'the file could not be read'));
    };
    const request: ReadImportRequest = { bytes, fileName: file.name, knownTopics, takenIds };
    // The bytes are copied, not moved: the page may still need them if the worker fails to start.
    worker.postMessage(request);
  });
}
