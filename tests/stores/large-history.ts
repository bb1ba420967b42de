import { questionKeyOf, type AnswerRecord, type AttemptRecord } from '@/engine/history';
import { emptyProgress, type Progress } from '@/engine/progress';
import { buildSchedules } from '@/engine/schedule';
import { drawPool } from '../engine/fixtures';

const T0 = Date.UTC(2025, 0, 6, 9);
const questions = drawPool.filter((question) => question.type === 'true-false' || question.type === 'single');

/**
 * A learner's progress with `answerCount` answers, ten to a quiz, one a minute: what years of use
 * leave, for migration tests and the bench.
 */
export function largeProgress(answerCount: number): Progress {
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
