import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answersOfPage, pageText } from '@/stores/answer-pages';
import { largeProgress } from './large-history';

const answers = largeProgress(40).history.answers;

describe('pages of answers', () => {
  it('give back every answer they were written with, in order, whatever the answers', () => {
    fc.assert(
      fc.property(fc.subarray(answers), (some) => {
        expect(answersOfPage(JSON.parse(pageText(some)))).toEqual(some);
      }),
    );
  });

  it('are smaller than the answers written out one by one', () => {
    expect(pageText(answers).length).toBeLessThan(JSON.stringify(answers).length / 2);
  });

  it('read the pages written before rows (a JSON array) as they are', () => {
    expect(answersOfPage(JSON.parse(JSON.stringify(answers)))).toEqual(answers);
  });

  it('give a row that names no shared part back as it is, to be set aside; other text is no page', () => {
    const page = JSON.parse(pageText(answers.slice(0, 2))) as { answers: unknown[][] };
    page.answers[0]?.splice(3, 1, 99);
    page.answers[1] = ['short'];
    const read = answersOfPage(page);
    expect(read?.[0]).toEqual(page.answers[0]);
    expect(read?.[1]).toEqual(['short']);
    expect(answersOfPage({ format: 3, shared: [], answers: [] })).toBeUndefined();
    expect(answersOfPage('text')).toBeUndefined();
  });
});
