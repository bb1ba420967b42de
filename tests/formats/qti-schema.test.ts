import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Question } from '@/domain/question';
import { afterAll, describe, expect, it } from 'vitest';
import { qtiPackageFiles } from '@/formats/export-qti';
import { realContent, ROOT } from './load-test-content';

/** The 1EdTech schemas, shared with the other projects of the workspace (README there: xmllint, offline). */
const SCHEMAS = join(ROOT, '../shared/schemas/qti3');
const ITEM_SCHEMA = join(SCHEMAS, 'item/imsqti_asiv3p0p1_v1p0.xsd');
const MANIFEST_SCHEMA = join(SCHEMAS, 'manifest-tao/qtiv3p0/imsqtiv3p0_imscpv1p2_v1p0.xsd');

const folder = mkdtempSync(join(tmpdir(), 'qti-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function writePackage(files: Record<string, string>, name: string): string {
  const root = join(folder, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** xmllint's verdict: it exits 0 only when every file validates, and prints why one does not. */
function validate(schema: string, files: string[]): string {
  try {
    execFileSync('xmllint', ['--nonet', '--noout', '--schema', schema, ...files], { stdio: 'pipe' });
    return 'valid';
  } catch (error) {
    return error instanceof Error && 'stderr' in error ? String(error.stderr) : String(error);
  }
}

describe('QTI 3 export against the 1EdTech schemas', { timeout: 60_000 }, () => {
  const content = realContent();
  const files = qtiPackageFiles(content);
  const root = writePackage(files, 'real');
  const items = Object.keys(files).filter((path) => path.startsWith('items/'));

  it('every item of the real banks validates', () => {
    expect(items).toHaveLength(content.questions.length);
    expect(
      validate(
        ITEM_SCHEMA,
        items.map((path) => join(root, path)),
      ),
    ).toBe('valid');
  });

  it('the manifest validates', () => {
    expect(validate(MANIFEST_SCHEMA, [join(root, 'imsmanifest.xml')])).toBe('valid');
  });

  it('an item that breaks the schema is caught (the check can fail)', () => {
    const broken = writePackage(
      { 'x.xml': String(files[items[0] ?? '']).replace(' time-dependent="false"', '') },
      'broken',
    );
    expect(validate(ITEM_SCHEMA, [join(broken, 'x.xml')])).toMatch(/time-dependent/);
  });

  it('a perfect answer to three right choices of eleven scores exactly 1, not 0.9999999', () => {
    const choices = 'abcdefghijk'.split('').map((id) => ({ id, text: `Choice ${id}` }));
    const question: Question = {
      id: 'eleven',
      bank: 'b',
      type: 'multiple',
      prompt: 'Which three?',
      choices,
      answer: ['a', 'b', 'c'],
      topics: [],
      difficulty: 1,
      explanation: 'Because.',
      citations: [],
    };
    const item = qtiPackageFiles({ questions: [question], sources: [] })['items/eleven.xml'] ?? '';
    const path = writePackage({ 'eleven.xml': item }, 'eleven');
    expect(validate(ITEM_SCHEMA, [join(path, 'eleven.xml')])).toBe('valid');
    // The exact match is tested first and sets MAXSCORE; the mapped decimals only score other answers.
    const processing = item.slice(item.indexOf('<qti-response-processing>'));
    expect(processing.indexOf('<qti-correct identifier="RESPONSE"')).toBeGreaterThan(-1);
    expect(processing.indexOf('<qti-variable identifier="MAXSCORE"')).toBeLessThan(
      processing.indexOf('<qti-map-response'),
    );
    expect(item).toContain('mapped-value="0.3333333"');
  });
});
