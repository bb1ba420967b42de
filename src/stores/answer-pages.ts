import type { AnswerRecord } from '@/engine/history';

/**
 * How a page of answers is saved: JSON text in which each answer is a row, and the parts many answers
 * share (the question as asked, the response, the grade) are written once and named by their place.
 * A large history is then a few megabytes instead of tens, and reads and checks in a fraction of the
 * time. Pages written before this format are plain JSON arrays of answers, and are read as they are.
 */
type Row = [
  attemptId: string,
  questionId: string,
  asked: number,
  response: number,
  grade: number,
  at: number,
];
type Page = { format: 2; shared: unknown[]; answers: Row[] };

/** The text of a page holding `answers`. */
export function pageText(answers: readonly AnswerRecord[]): string {
  const shared: unknown[] = [];
  const places = new Map<string, number>();
  const placeOf = (value: unknown) => {
    const text = JSON.stringify(value);
    let place = places.get(text);
    if (place === undefined) {
      place = shared.push(value) - 1;
      places.set(text, place);
    }
    return place;
  };
  const rows = answers.map((answer): Row => [
    answer.attemptId,
    answer.questionId,
    placeOf(answer.asked),
    placeOf(answer.response),
    placeOf(answer.grade),
    answer.answeredAt,
  ]);
  const page: Page = { format: 2, shared, answers: rows };
  return JSON.stringify(page);
}

function isPlace(value: unknown, shared: readonly unknown[]): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < shared.length;
}

/**
 * The answers a page's parsed text holds, still unchecked: each row made back into an answer (the
 * shared parts are the same objects in every answer that names them), and a row that cannot be made
 * into one given as it is, to fail the check and be set aside. Undefined for text that is no page.
 */
export function answersOfPage(parsed: unknown): unknown[] | undefined {
  if (Array.isArray(parsed)) return parsed;
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { format, shared, answers } = parsed as Partial<Record<keyof Page, unknown>>;
  if (format !== 2 || !Array.isArray(shared) || !Array.isArray(answers)) return undefined;
  return answers.map((row: unknown) => {
    if (!Array.isArray(row) || row.length !== 6) return row;
    const [attemptId, questionId, asked, response, grade, answeredAt] = row as unknown[];
    if (!isPlace(asked, shared) || !isPlace(response, shared) || !isPlace(grade, shared)) return row;
    return {
      attemptId,
      questionId,
      asked: shared[asked],
      response: shared[response],
      grade: shared[grade],
      answeredAt,
    };
  });
}
