import type { AssignmentTaking } from './assignment-params';
import type { QuizSettings } from './quiz-settings';

/** What a quiz is, in words, for the list of quizzes in progress on the home page. */
export function quizTitle(
  settings: QuizSettings,
  taking: AssignmentTaking | undefined,
  bankTitles: ReadonlyMap<string, string>,
): string {
  if (taking) return `Assignment “${taking.assignment.title}” (${taking.student})`;
  const kind = settings.mode === 'test' ? 'Test' : 'Practice quiz';
  if (settings.ids.length > 0) return `${kind}: questions picked for review`;
  const banks = settings.banks.map((id) => bankTitles.get(id) ?? id);
  return banks.length > 0 ? `${kind}: ${banks.join(', ')}` : `${kind}: all question banks`;
}
