import { DueToday } from './due-today';
import { QuizzesInProgress } from './quizzes-in-progress';

/** The parts of the home page read from what this device saved: one chunk, loaded after the page. */
export function SavedOnThisDevice() {
  return (
    <>
      <QuizzesInProgress />
      <DueToday />
    </>
  );
}
