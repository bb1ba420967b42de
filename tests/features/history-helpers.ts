import type { Question, QuestionOfType } from '@/domain/question';
import type { LearnerResponse } from '@/domain/learner-response';
import { finishQuiz, startQuiz, submitAnswer } from '@/engine/quiz-session';
import { builtInContent } from '@/app/built-in-content';
import { useHistoryStore } from '@/stores/history-store';

export const DAY = 86_400_000;

function responseFor(question: Question, isRight: boolean): LearnerResponse {
  if (question.type === 'single') {
    const choice = question.choices.find((option) => (option.id === question.answer) === isRight);
    return { type: 'single', choice: choice?.id ?? null };
  }
  if (question.type === 'true-false') return { type: 'true-false', value: isRight === question.answer };
  throw new Error(`answer ${question.id} by hand: only single and true-false questions are answered here`);
}

/** The single-choice questions of the banks, to answer in tests. */
export async function singleChoiceQuestions(): Promise<QuestionOfType<'single'>[]> {
  return (await builtInContent.loadQuestions()).filter(
    (question): question is QuestionOfType<'single'> => question.type === 'single',
  );
}

/** Records answers as the quiz would: one practice quiz per answer, each started, answered and finished. */
export function recordAnswers(
  answers: readonly { question: Question; isRight: boolean; at: number }[],
): void {
  const history = useHistoryStore.getState();
  answers.forEach(({ question, isRight, at }, index) => {
    const session = startQuiz({
      pool: [question],
      settings: { count: 'all' },
      seed: `t${index}`,
      mode: 'practice',
      startedAt: at,
    });
    const answered = submitAnswer(session, responseFor(question, isRight), at + 1000);
    history.attemptStarted(session);
    history.answerRecorded(answered, question.id);
    history.attemptFinished(finishQuiz(answered, at + 2000));
  });
}

export function textOf(question: QuestionOfType<'single'>, isRight: boolean): string {
  return question.choices.find((choice) => (choice.id === question.answer) === isRight)?.text ?? '';
}
