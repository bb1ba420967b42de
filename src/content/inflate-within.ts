import { Inflate } from 'fflate';

/** Input is fed in slices this small, so one slice can never inflate to more than about 1 MB. */
const SLICE = 1024;

export class InflatedTooLargeError extends Error {
  constructor(limit: number) {
    super(`inflates to more than ${limit} bytes`);
  }
}

/**
 * Inflates raw DEFLATE data, giving up as soon as the output passes `limit` bytes: a few kilobytes
 * crafted to inflate to gigabytes (a "zip bomb") costs milliseconds instead of freezing the page.
 * Throws InflatedTooLargeError past the limit, and fflate's error for damaged data.
 */
export function inflateWithin(data: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > limit) throw new InflatedTooLargeError(limit);
    chunks.push(chunk);
  });
  if (data.length === 0) inflater.push(data, true);
  for (let start = 0; start < data.length; start += SLICE) {
    inflater.push(data.subarray(start, start + SLICE), start + SLICE >= data.length);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
