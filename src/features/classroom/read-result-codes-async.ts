import { readResultCodes } from '@/content/read-result-codes';

type Read = ReturnType<typeof readResultCodes>;

/** Below this, reading on the page is quicker than starting a worker and never noticeable. */
const WORKER_FROM_CHARACTERS = 20_000;

/**
 * Reads pasted result codes, off the main thread when the text is large, so the page stays
 * responsive (and its buttons usable) while thousands of lines are checked.
 */
export function readResultCodesAsync(text: string): Promise<Read> {
  if (text.length < WORKER_FROM_CHARACTERS || typeof Worker === 'undefined') {
    return Promise.resolve(readResultCodes(text));
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./read-result-codes.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<Read>) => {
      resolve(event.data);
      worker.terminate();
    };
    worker.onerror = (event) => {
      reject(new Error(event.message || 'the result codes could not be read'));
      worker.terminate();
    };
    worker.postMessage(text);
  });
}
