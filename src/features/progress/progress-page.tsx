import { use, useId, useMemo, useState } from 'react';
import { latestAnswers } from '@/engine/history';
import { accuracyByDay } from '@/engine/mastery';
import { gradedAnswers } from '@/engine/regrade-history';
import { practiceStreak } from '@/engine/streak';
import { useQuestions } from '@/hooks/use-questions';
import { usePageTitle } from '@/hooks/use-page-title';
import { localDay } from '@/lib/local-day';
import { plural } from '@/lib/plural';
import { historyRead, useHistoryStore } from '@/stores/history-store';
import { AccuracyChart } from './accuracy-chart';
import { BackupSection } from './backup-section';
import { MasterySection } from './mastery-section';
import { MyDisputesSection } from './my-disputes-section';
import { ResetProgress } from './reset-progress';
import './progress.css';

/** Accuracy over time, what the learner knows, their streak; backup, import and reset. */
export function ProgressPage() {
  // As on the review: until then the store holds no answers (the route shows "Loading…").
  use(historyRead);
  usePageTitle('Progress');
  const questions = useQuestions([], { withMyQuestions: false });
  const [now] = useState(() => Date.now());
  const history = useHistoryStore((state) => state.history);
  // As graded now: an answer regraded after its question was corrected counts with its new grade.
  const graded = useMemo(() => gradedAnswers(history), [history]);
  const days = useMemo(() => accuracyByDay(graded, localDay), [graded]);
  const latest = useMemo(() => latestAnswers(graded), [graded]);
  const streak = practiceStreak(
    days.map((day) => day.day),
    localDay(now),
  );
  const known = questions.filter((question) => latest.get(question.id)?.grade.isCorrect === true).length;
  const chartId = useId();

  return (
    <div className="progress">
      <h1>Progress</h1>
      <ul className="progress-summary">
        <li className="card">
          <span className="progress-summary__number">{plural(streak.current, 'day')}</span>
          <span>in a row practised</span>
          <span className="muted progress-summary__note">
            {streak.current > 0 && !streak.hasPractisedToday
              ? 'Practise today to keep it going.'
              : `Longest: ${plural(streak.longest, 'day')}`}
          </span>
        </li>
        <li className="card">
          <span className="progress-summary__number">
            {known} of {questions.length}
          </span>
          <span>questions known</span>
        </li>
        <li className="card">
          <span className="progress-summary__number">{plural(history.answers.length, 'answer')}</span>
          <span>in {plural(history.attempts.length, 'quiz', 'quizzes')}</span>
        </li>
      </ul>

      <section aria-labelledby={chartId} className="progress-section">
        <h2 id={chartId}>Accuracy over time</h2>
        <AccuracyChart days={days} />
      </section>
      <MasterySection questions={questions} latest={latest} />
      <MyDisputesSection />
      <BackupSection />
      <ResetProgress />
    </div>
  );
}
