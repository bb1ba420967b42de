import { describe, expect, it } from 'vitest';
import { formatCoverage } from '@/cli/format-coverage';
import { computeCoverage } from '@/build/coverage';
import { loadContent } from '@/build/load-content';
import { readContentFiles } from '@/build/read-content-files';

describe('the coverage report', () => {
  const lines = formatCoverage(computeCoverage(loadContent(readContentFiles(process.cwd())).content), 100);

  it('shows the item-writing shares an author needs, and that no fact of the real banks is asked more than twice', () => {
    expect(lines).toContainEqual(
      expect.stringMatching(/^Multiple-response questions by right choices \(\d+\): .*2 of 4: \d+/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^Single-choice questions by number of choices: 4 choices: \d+$/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^True-false statements: \d+ true, \d+ false$/));
    expect(lines).toContainEqual(
      expect.stringMatching(/^Questions whose answer is a date or an amount: \d+ of \d+ \(\d+%\)$/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^Facts \(\d+\) by how many questions ask them: 1 question: \d+, 2 questions: \d+$/,
      ),
    );
    expect(lines).toContain('Facts asked by more than two questions: 0');
  });
});
