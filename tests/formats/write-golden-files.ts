/**
 * Rewrites the golden files from today's exporters: `npm run golden`. Run it only on purpose, after a
 * change to an exporter, then read the diff (`git diff tests/fixtures/formats`) before committing it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GOLDEN_DIR, goldenOutputs } from './golden-files';

for (const [name, text] of Object.entries(goldenOutputs())) {
  const path = join(GOLDEN_DIR, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
}
