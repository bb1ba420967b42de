import type { Coverage, Tally } from '../build/coverage';

/** Joins items with ", " into lines no wider than `width`; lines after the first start at `indent`. */
function wrapList(items: readonly string[], indent: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const [index, item] of items.entries()) {
    const piece = index < items.length - 1 ? `${item},` : item;
    if (line && indent + line.length + 1 + piece.length > width) {
      lines.push(line);
      line = piece;
    } else {
      line = line ? `${line} ${piece}` : piece;
    }
  }
  return [...lines, line].map((text, index) => (index === 0 ? text : `${' '.repeat(indent)}${text}`));
}

/** "n of m (p%)", with a dash for the share when there is nothing to divide by. */
export function formatShare(count: number, of: number): string {
  return `${count} of ${of} (${of === 0 ? '–' : `${Math.round((100 * count) / of)}%`})`;
}

function tallyColumn<K>(title: string, tally: Tally<K>): string[] {
  const labelWidth = Math.max(...tally.map(({ key }) => String(key).length));
  const countWidth = Math.max(...tally.map(({ count }) => String(count).length));
  return [
    title,
    ...tally.map(
      ({ key, count }) => `  ${String(key).padEnd(labelWidth)}  ${String(count).padStart(countWidth)}`,
    ),
  ];
}

/** Columns side by side, each padded to its widest line. */
function besideEachOther(columns: readonly string[][]): string[] {
  const widths = columns.map((column) => Math.max(...column.map((line) => line.length)));
  const rows = Math.max(...columns.map((column) => column.length));
  return Array.from({ length: rows }, (_, row) =>
    columns
      .map((column, c) => (column[row] ?? '').padEnd(widths[c] ?? 0))
      .join('    ')
      .trimEnd(),
  );
}

/** The coverage report as terminal lines: passages and their questions, uncited numbers, totals. */
export function formatCoverage(coverage: Coverage, width: number): string[] {
  const passages = coverage.sources.flatMap((s) => s.sections.flatMap((section) => section.passages));
  const idWidth = Math.max(...passages.map((p) => p.passage.length));
  const countWidth = Math.max(...passages.map((p) => String(p.questionIds.length).length));
  const idsAt = 4 + idWidth + 2 + countWidth + 2;
  const lines: string[] = [];
  for (const source of coverage.sources) {
    const cited = source.sections.flatMap((s) => s.passages).filter((p) => p.questionIds.length > 0).length;
    const total = source.sections.reduce((n, s) => n + s.passages.length, 0);
    lines.push(`${source.id}  "${source.title}"  ${cited} of ${total} passages cited`);
    for (const section of source.sections) {
      lines.push(`  ${section.id}`);
      for (const { passage, questionIds } of section.passages) {
        const head = `    ${passage.padEnd(idWidth)}  ${String(questionIds.length).padStart(countWidth)}  `;
        const ids = questionIds.length > 0 ? wrapList(questionIds, idsAt, width) : ['-'];
        lines.push(`${head}${ids.join('\n')}`.trimEnd());
      }
    }
    lines.push('');
  }

  const uncited = coverage.uncitedWithNumbers;
  lines.push(`Passages that state a number but are cited by no question: ${uncited.length}`);
  const keyWidth = Math.max(0, ...uncited.map((p) => `${p.source}/${p.passage}`.length));
  for (const p of uncited) {
    const key = `${p.source}/${p.passage}`.padEnd(keyWidth);
    lines.push(`  ${key}  ${wrapList(p.numbers, 2 + keyWidth + 2, width).join('\n')}`);
  }
  lines.push('');

  lines.push(`Totals for ${coverage.questionCount} questions (a question with two topics counts under both)`);
  lines.push(
    ...besideEachOther([
      tallyColumn('by type', coverage.byType),
      tallyColumn('by topic', coverage.byTopic),
      tallyColumn('by difficulty', coverage.byDifficulty),
    ]),
  );
  lines.push('');
  const { count, of } = coverage.longestIsAnswer;
  lines.push(
    `Single-choice questions whose answer is the strictly longest choice: ${formatShare(count, of)}`,
  );
  return [...lines, ...formatItemShares(coverage.items, width)];
}

/** The item-writing shares of docs/authoring.md: vary right-answer counts, four choices, few repeats. */
function formatItemShares(items: Coverage['items'], width: number): string[] {
  const list = <K>(counts: readonly { key: K; count: number }[], label: (key: K) => string) =>
    counts.map(({ key, count }) => `${label(key)}: ${count}`).join(', ') || 'none';
  const multiples = items.multipleRight.reduce((total, { count }) => total + count, 0);
  const facts = items.questionsPerFact.reduce((total, { count }) => total + count, 0);
  const lines = [
    '',
    `Multiple-response questions by right choices (${multiples}): ${list(items.multipleRight, String)}`,
    `Single-choice questions by number of choices: ${list(items.singleChoices, (n) => `${n} choices`)}`,
    `True-false statements: ${items.trueFalse.true} true, ${items.trueFalse.false} false`,
    `Questions whose answer is a date or an amount: ${formatShare(items.datesOrAmounts.count, items.datesOrAmounts.of)}`,
    `Facts (${facts}) by how many questions ask them: ${list(items.questionsPerFact, (n) => `${n} question${n === 1 ? '' : 's'}`)}`,
    `Facts asked by more than two questions: ${items.factsAskedMoreThanTwice.length}`,
  ];
  for (const { fact, questionIds } of items.factsAskedMoreThanTwice) {
    lines.push(`  ${fact}  ${wrapList(questionIds, 4 + fact.length, width).join('\n')}`);
  }
  return lines;
}
