import { bench, describe } from 'vitest';
import { questionKeyOf, type AnswerRecord, type AttemptRecord } from '@/engine/history';
import { joinProgress } from '@/engine/merge-backup';
import { emptyProgress, withAnswerRecorded, type Progress } from '@/engine/progress';
import { startQuiz, submitAnswer } from '@/engine/quiz-session';
import { buildSchedules } from '@/engine/schedule';
import { progressSchema } from '@/stores/history-schema';
import { drawPool } from '../engine/fixtures';

/**
 * The saved history as the app keeps it today (one JSON value in localStorage): what a start costs
 * (parse and check it whole) and what one more answer costs (join what another tab saved, then
 * write it whole). Both grow with the history: the figures show by how much.
 */
const T0 = Date.UTC(2025, 0, 6, 9);
const questions = drawPool.filter((question) => question.type === 'true-false' || question.type === 'single');

function historyOf(answerCount: number): Progress {
  const attempts: AttemptRecord[] = [];
  const answers: AnswerRecord[] = [];
  const asked: Progress['history']['questions'] = {};
  for (const question of questions) asked[questionKeyOf(question)] = question;
  for (let index = 0; index < answerCount; index += 1) {
    const question = questions[index % questions.length];
    if (!question) throw new Error('no questions');
    const at = T0 + index * 60_000;
    const id = `attempt-${Math.floor(index / 10)}`;
    if (index % 10 === 0) {
      attempts.push({ id, seed: id, mode: 'practice', questionIds: [question.id], startedAt: at });
    }
    const isRight = index % 3 !== 0;
    answers.push({
      attemptId: id,
      questionId: question.id,
      asked: questionKeyOf(question),
      response: { type: 'true-false', value: isRight },
      grade: {
        questionId: question.id,
        points: isRight ? 1 : 0,
        maxPoints: 1,
        verdict: isRight ? 'correct' : 'wrong',
        isCorrect: isRight,
        given: String(isRight),
        expected: 'True',
      },
      answeredAt: at + 1000,
    });
  }
  const progress = emptyProgress();
  const history = { attempts, answers, questions: asked };
  return { ...progress, history, schedules: buildSchedules(answers, {}, progress.settings) };
}

const session = submitAnswer(
  startQuiz({
    pool: questions.slice(0, 1),
    settings: { count: 'all' },
    seed: 'bench',
    mode: 'practice',
    startedAt: T0,
  }),
  { type: 'true-false', value: true },
  T0 + 1000,
);
const answeredId = session.questions[0]?.question.id ?? '';

for (const size of [1_000, 10_000, 100_000]) {
  const progress = historyOf(size);
  const saved = JSON.stringify({ state: progress, version: 1 });
  describe(`history of ${size.toLocaleString('en')} answers (${(saved.length / 1e6).toFixed(1)} MB saved)`, () => {
    bench(
      'load: parse and check',
      () => {
        progressSchema.parse((JSON.parse(saved) as { state: unknown }).state);
      },
      { iterations: 3, time: 0 },
    );
    bench(
      'write one answer, one tab: record, see nothing new is saved, save whole',
      () => {
        const mine = withAnswerRecorded(progress, session, answeredId);
        const text = JSON.stringify({ state: mine, version: 1 });
        if (text === saved) throw new Error('the answer was not recorded');
      },
      { iterations: 3, time: 0 },
    );
    bench(
      'write one answer after another tab wrote: record, join what is saved, save whole',
      () => {
        const mine = withAnswerRecorded(progress, session, answeredId);
        const other = progressSchema.parse((JSON.parse(saved) as { state: unknown }).state);
        JSON.stringify({ state: joinProgress(other, mine), version: 1 });
      },
      { iterations: 3, time: 0 },
    );
  });
}
