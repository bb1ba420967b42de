import { readImport } from '@/formats/read-import';
import type { ReadImportReply, ReadImportRequest } from './read-import-async';

/** At most this often the page hears how far reading has gone: enough for a smooth bar. */
const PROGRESS_EVERY_MS = 100;

// A 5 MB GIFT file takes seconds to parse: here the page stays usable, and can stop it.
self.onmessage = (event: MessageEvent<ReadImportRequest>) => {
  const { bytes, fileName, knownTopics, takenIds } = event.data;
  const reply = (message: ReadImportReply) => self.postMessage(message);
  reply({ kind: 'started' });
  let lastSent = 0;
  const read = readImport(bytes, fileName, {
    knownTopics,
    takenIds,
    onProgress: (done, total) => {
      const now = performance.now();
      if (now - lastSent < PROGRESS_EVERY_MS) return;
      lastSent = now;
      reply({ kind: 'progress', done, total });
    },
  });
  reply({ kind: 'done', read });
};
