import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportQti, qtiPackageFiles } from '@/formats/export-qti';
import { GOLDEN_DIR, goldenOutputs } from './golden-files';
import { sampleContent } from './load-test-content';

/**
 * Golden files: the sample questions (tests/fixtures/formats/sample-content.json) in every format,
 * read through once by hand. This test only reads them: a change in any exporter's output fails here
 * until someone regenerates them on purpose (`npm run golden`) and reviews the diff.
 */
describe('golden files', () => {
  const outputs = goldenOutputs();

  it.each(Object.keys(outputs))('%s is what the exporter writes today', (name) => {
    const path = join(GOLDEN_DIR, name);
    expect(existsSync(path), `${path} is missing: run npm run golden and review it`).toBe(true);
    expect(outputs[name]).toBe(readFileSync(path, 'utf8'));
  });

  it('no golden file is left over from an exporter that no longer writes it', () => {
    const onDisk = readdirSync(GOLDEN_DIR, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(GOLDEN_DIR, join(entry.parentPath, entry.name)));
    expect(onDisk.sort()).toEqual(Object.keys(outputs).sort());
  });

  it('qti: the zip holds exactly the golden files and is the same bytes every time', () => {
    const input = { ...sampleContent(), baseName: 'sample' };
    const [zip] = exportQti(input).files;
    if (!(zip?.content instanceof Uint8Array)) throw new Error('the QTI export is not a zip');
    const unzipped = Object.fromEntries(
      Object.entries(unzipSync(zip.content)).map(([name, bytes]) => [name, strFromU8(bytes)]),
    );
    expect(unzipped).toEqual(qtiPackageFiles(input));
    expect(exportQti(input).files[0]?.content).toEqual(zip.content);
  });
});
