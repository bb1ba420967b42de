import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportQti, qtiPackageFiles } from '@/content/formats/export-qti';
import { EXPORTERS } from '@/content/formats/formats';
import { sampleContent } from './load-test-content';

/**
 * Golden files: the sample questions (tests/fixtures/formats/sample-content.json) in every format.
 * They were read through once by hand; a change in any exporter's output fails here until the new
 * output is reviewed and accepted with `npx vitest run tests/content/formats -u`.
 */
const GOLDEN = '../../fixtures/formats/';

describe('golden files', () => {
  const input = { ...sampleContent(), baseName: 'sample' };

  it.each([
    ['gift', 'sample.gift'],
    ['moodle-xml', 'sample-moodle.xml'],
    ['aiken', 'sample-aiken.txt'],
    ['csv', 'sample.csv'],
    ['json', 'sample.json'],
  ] as const)('%s', async (format, file) => {
    const { files, skipped } = EXPORTERS[format](input);
    expect(files.map((written) => written.name)).toEqual([file]);
    await expect(String(files[0]?.content)).toMatchFileSnapshot(`${GOLDEN}${file}`);
    await expect(`${JSON.stringify(skipped, null, 2)}\n`).toMatchFileSnapshot(
      `${GOLDEN}skipped/${format}.json`,
    );
  });

  it('qti: the manifest and each item', async () => {
    const files = qtiPackageFiles(input);
    expect(Object.keys(files)).toEqual([
      'imsmanifest.xml',
      ...input.questions.map((question) => `items/${question.id}.xml`),
    ]);
    for (const [name, text] of Object.entries(files))
      await expect(text).toMatchFileSnapshot(`${GOLDEN}qti/${name}`);
  });

  it('qti: the zip holds exactly those files and is the same bytes every time', () => {
    const [zip] = exportQti(input).files;
    if (!(zip?.content instanceof Uint8Array)) throw new Error('the QTI export is not a zip');
    const unzipped = Object.fromEntries(
      Object.entries(unzipSync(zip.content)).map(([name, bytes]) => [name, strFromU8(bytes)]),
    );
    expect(unzipped).toEqual(qtiPackageFiles(input));
    expect(exportQti(input).files[0]?.content).toEqual(zip.content);
  });

  it('the JSON golden file is our export of the sample: the sample fixture itself', async () => {
    const { files } = EXPORTERS.json(input);
    await expect(String(files[0]?.content)).toMatchFileSnapshot('../../fixtures/formats/sample-content.json');
  });
});
