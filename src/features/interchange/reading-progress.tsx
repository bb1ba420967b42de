import { useId } from 'react';

/** How far the reading of a file has gone: questions read of all found (0 of 0 before the first count). */
export type Reading = { fileName: string; done: number; total: number };

/** Screen readers hear the progress at each quarter, not at every move of the bar. */
const ANNOUNCE_EVERY_PERCENT = 25;

/** The bar and the cancel button shown while a file is read in the background. */
export function ReadingProgress({ reading, onCancel }: { reading: Reading; onCancel: () => void }) {
  const labelId = useId();
  const percent = reading.total > 0 ? Math.floor((100 * reading.done) / reading.total) : 0;
  const announced = Math.floor(percent / ANNOUNCE_EVERY_PERCENT) * ANNOUNCE_EVERY_PERCENT;
  return (
    <div className="import__reading">
      <p id={labelId}>Reading {reading.fileName}…</p>
      <progress aria-labelledby={labelId} max={reading.total || 1} value={reading.done} />
      <p role="status" className="muted">
        {announced > 0 ? `${announced}% read.` : 'Reading started.'}
      </p>
      <button type="button" className="button button--secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
