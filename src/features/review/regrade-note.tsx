import type { Grade, Verdict } from '@/engine/grade';

const WORDS: Record<Verdict, string> = {
  correct: 'right',
  partial: 'partly right',
  wrong: 'not right',
  unanswered: 'not answered',
};

function verdictText(grade: Grade): string {
  if (grade.verdict !== 'partial') return WORDS[grade.verdict];
  return `${WORDS.partial} (${Math.round(grade.points * 100) / 100} of 1 point)`;
}

/** "was not right, now right": a regraded answer's first grade, kept in sight beside the new one. */
export function regradeText(first: Grade, now: Grade): string {
  return `Regraded after the question was corrected: was ${verdictText(first)}, now ${verdictText(now)}.`;
}

/** The line a regraded answer carries wherever it is shown. */
export function RegradeNote({ first, now }: { first: Grade; now: Grade }) {
  return <p className="notice">{regradeText(first, now)}</p>;
}
