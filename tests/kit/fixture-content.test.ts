import { describe, expect, it } from 'vitest';
import { loadContent } from '@/build/load-content';
import { fixtureContent, fixtureFiles } from './fixture-content';

describe("the kit's fixture content", () => {
  it('passes the same bank check as the real banks', () => {
    expect(loadContent(fixtureFiles()).problems).toEqual([]);
  });

  it('is small enough to know by heart: one source of four passages, two banks of three questions', () => {
    const content = fixtureContent();
    expect(content.sources.map((source) => [source.id, source.passages.length])).toEqual([['kell-point', 4]]);
    expect(content.banks.map((bank) => [bank.id, bank.questionIds.length])).toEqual([
      ['building', 3],
      ['keepers', 3],
    ]);
  });

  it('is refused, with the place named, when a fixture is edited into something the app would refuse', () => {
    const files = fixtureFiles();
    const [bank, ...rest] = files.banks;
    const broken = { ...bank!, text: bank!.text.replace('built in 1862', 'built in 1863') };
    const { problems } = loadContent({ ...files, banks: [broken, ...rest] });
    expect(problems.map((problem) => problem.file)).toContain('tests/kit/content/banks/10-building.yaml');
  });
});
