import { qtiPackageFiles } from '@/formats/export-qti';
import { EXPORTERS } from '@/formats/formats';
import { sampleContent } from './load-test-content';

/** Where the golden files live, relative to the project root. */
export const GOLDEN_DIR = 'tests/fixtures/formats';

/**
 * Every golden file and the text our exporters write for it today: the sample questions in each format,
 * what each format skipped, each QTI file, and the JSON export (which is the sample fixture itself).
 */
export function goldenOutputs(): Record<string, string> {
  const input = { ...sampleContent(), baseName: 'sample' };
  const outputs: Record<string, string> = {};
  const single = [
    ['gift', 'sample.gift'],
    ['moodle-xml', 'sample-moodle.xml'],
    ['aiken', 'sample-aiken.txt'],
    ['csv', 'sample.csv'],
    ['json', 'sample.json'],
  ] as const;
  for (const [format, file] of single) {
    const { files, skipped } = EXPORTERS[format](input);
    if (files.length !== 1 || files[0]?.name !== file) {
      throw new Error(`${format} wrote ${files.map((written) => written.name).join(', ')}, not ${file}`);
    }
    outputs[file] = String(files[0].content);
    outputs[`skipped/${format}.json`] = `${JSON.stringify(skipped, null, 2)}\n`;
  }
  for (const [name, text] of Object.entries(qtiPackageFiles(input))) outputs[`qti/${name}`] = text;
  outputs['sample-content.json'] = outputs['sample.json'] ?? '';
  return outputs;
}
