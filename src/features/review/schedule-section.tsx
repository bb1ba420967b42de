import { useId, useMemo, useState } from 'react';
import { latestAnswers } from '@/engine/history';
import { gradedAnswers } from '@/engine/regrade-history';
import { TARGET_RETENTION } from '@/engine/target-retention';
import { useIsQuestionInBanks } from '@/hooks/use-due-questions';
import { useHydrated } from '@/hooks/use-hydrated';
import { formatDate, relativeDay } from '@/lib/local-day';
import { useHistoryStore } from '@/stores/history-store';

const RETENTIONS = Array.from(
  { length: Math.round((TARGET_RETENTION.max - TARGET_RETENTION.min) * 100) + 1 },
  (_, index) => Math.round(TARGET_RETENTION.min * 100) + index,
);

/** The learner's target retention, and every scheduled question with a way to start its schedule again. */
export function ScheduleSection({ now }: { now: number }) {
  const headingId = useId();
  const hintId = useId();
  const schedules = useHistoryStore((state) => state.schedules);
  const history = useHistoryStore((state) => state.history);
  const targetRetention = useHistoryStore((state) => state.settings.targetRetention);
  const [announcement, setAnnouncement] = useState('');
  const isQuestionInBanks = useIsQuestionInBanks();
  const isHydrated = useHydrated();

  const rows = useMemo(() => {
    const latest = latestAnswers(gradedAnswers(history));
    return Object.entries(schedules)
      .map(([questionId, schedule]) => {
        const asked = latest.get(questionId)?.asked;
        const prompt =
          asked && Object.hasOwn(history.questions, asked) ? history.questions[asked]?.prompt : undefined;
        return {
          questionId,
          due: schedule.due,
          prompt: prompt ?? questionId,
          isInBanks: isQuestionInBanks(questionId),
        };
      })
      .sort((left, right) => left.due - right.due || (left.questionId < right.questionId ? -1 : 1));
  }, [schedules, history, isQuestionInBanks]);

  function changeRetention(percent: number) {
    useHistoryStore.getState().targetRetentionChanged(percent / 100);
    setAnnouncement(`Target retention set to ${percent}%. Every question has been rescheduled.`);
  }

  function reset(questionId: string, prompt: string, at: number) {
    useHistoryStore.getState().scheduleReset(questionId, at);
    setAnnouncement(`“${prompt}” starts again: it is due now.`);
  }

  return (
    <section aria-labelledby={headingId} className="review-section">
      <h2 id={headingId}>Your schedule</h2>
      <p>
        Every question you answer comes back when you are about to forget it (FSRS, the scheduler Anki uses):
        a wrong answer the next day, a right one later each time.
      </p>
      <div className="review-retention">
        <label htmlFor={`${headingId}-retention`}>Target retention</label>
        <select
          id={`${headingId}-retention`}
          value={Math.round(targetRetention * 100)}
          aria-describedby={hintId}
          // Disabled in the HTML built for a first visit: a choice made before the code runs would be lost.
          disabled={!isHydrated}
          onChange={(event) => changeRetention(Number(event.target.value))}
        >
          {RETENTIONS.map((percent) => (
            <option key={percent} value={percent}>
              {percent}%
            </option>
          ))}
        </select>
        <p id={hintId} className="muted review-retention__hint">
          How many of the questions that come back you want to still remember. Higher brings them back sooner
          and more often; 90% is a good balance.
        </p>
      </div>
      <p role="status" className="review-status">
        {announcement}
      </p>
      {rows.length > 0 && (
        <details className="review-schedule">
          <summary>Every scheduled question ({rows.length})</summary>
          <table className="review-schedule__table">
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Due</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.questionId}>
                  <td>
                    {row.prompt}
                    {!row.isInBanks && <span className="muted"> (no longer in the banks)</span>}
                  </td>
                  <td>
                    <span title={formatDate(row.due)}>{relativeDay(row.due, now)}</span>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary review-schedule__reset"
                      aria-label={`Start again: ${row.prompt}`}
                      onClick={() => reset(row.questionId, row.prompt, Date.now())}
                    >
                      Start again
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
