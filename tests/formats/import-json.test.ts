import { describe, expect, it } from 'vitest';
import { exportJson } from '@/formats/export-json';
import { exportJsonFile } from '@/formats/export-json-file';
import { importJson } from '@/formats/import-json';
import { realContent } from './load-test-content';

describe('JSON import', () => {
  const content = realContent();
  const text = `${JSON.stringify(exportJson(content), null, 2)}\n`;

  it('our export → import → export is the same document, byte for byte', () => {
    const imported = importJson(text, 'export.json');
    expect(imported.problems).toEqual([]);
    const again = exportJsonFile({
      questions: imported.drafts,
      sources: imported.sources,
      banks: imported.banks,
    });
    expect(again.files[0]?.content).toBe(text);
  });

  it('carries each question’s facts and its complete list of related questions', () => {
    const document = exportJson(content);
    expect(document.version).toBe(2);
    const year = document.questions.find((question) => question.id === 'diplomatic-relations-year');
    expect(year?.facts).toEqual(['diplomatic-relations-1973']);
    // Declared in the bank on either side, or sharing the fact: the export lists them all.
    expect(year?.related).toEqual(
      expect.arrayContaining(['ey-early-years-matching', 'ey-framework-agreement-year']),
    );
    const matching = document.questions.find((question) => question.id === 'ey-early-years-matching');
    expect(matching?.related).toContain('diplomatic-relations-year');
  });

  it('still reads version 1 documents, which have no facts and no related questions, and refuses others', () => {
    const document = exportJson(content);
    const version1 = {
      ...document,
      version: 1,
      questions: document.questions.map((question) => ({
        ...question,
        facts: undefined,
        related: undefined,
      })),
    };
    const read = importJson(JSON.stringify(version1));
    expect(read.problems).toEqual([]);
    expect(read.drafts).toHaveLength(content.questions.length);
    expect(read.drafts[0]).not.toHaveProperty('facts');
    expect(importJson(JSON.stringify({ ...document, version: 3 })).problems).toEqual([
      { line: 1, column: 35, message: 'version: version must be one of 1, 2' },
    ]);
  });

  it('the format exporter writes exactly what export-json.ts writes for the whole content', () => {
    expect(exportJsonFile(content).files[0]?.content).toBe(text);
  });

  it('lists a bad question with its path and line, and keeps the others', () => {
    const document = exportJson(content);
    const broken = {
      ...document,
      questions: document.questions.map((question, index) =>
        index === 1 ? { ...question, difficulty: 7 } : question,
      ),
    };
    const brokenText = JSON.stringify(broken, null, 2);
    const result = importJson(brokenText);
    expect(result.drafts).toHaveLength(content.questions.length - 1);
    const line = brokenText.split('\n').findIndex((row) => row.includes('"difficulty": 7')) + 1;
    expect(result.problems).toEqual([
      { line, column: 21, message: 'question 2, difficulty: must be 1, 2 or 3' },
    ]);
  });

  it('refuses a document that is not ours, saying where', () => {
    expect(
      importJson('{"format": "other", "version": 1, "sources": [], "banks": [], "questions": []}').problems,
    ).toEqual([
      {
        line: 1,
        column: 12,
        message: expect.stringMatching(
          /^this is not a question file exported by this app .*: export it again/,
        ),
      },
    ]);
  });

  it('locates a JSON syntax error', () => {
    expect(importJson('{\n  "format": "source-quiz",\n  "version": 1,,\n}').problems).toEqual([
      {
        line: 3,
        column: 16,
        message:
          'this is not valid JSON here (expected a property name in double quotes): the file may be cut short or edited by hand; export it again',
      },
    ]);
  });
});
