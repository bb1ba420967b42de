import { encodeAssignment, encodeResult } from '@/content/classroom-codes';
import { questionSchema } from '@/content/question-schema';
import type { Assignment, ClassResult } from '@/domain/assignment';
import type { LearnerResponse } from '@/domain/learner-response';
import type { Question, QuestionOfType } from '@/domain/question';
import {
  emptyProgress,
  withAnswerRecorded,
  withAttemptFinished,
  withAttemptStarted,
  type Progress,
} from '@/engine/progress';
import { finishQuiz, startQuiz, submitAnswer } from '@/engine/quiz-session';

/**
 * A single-choice question citing the fixture source (its "built" passage), checked by the real
 * question schema. Ids and prompts follow `n`, so many can be made without two being alike.
 */
export function makeQuestion(n: number, overrides: Partial<QuestionOfType<'single'>> = {}): Question {
  return questionSchema.parse({
    id: `made-${n}`,
    bank: 'extra',
    type: 'single',
    prompt: `Made question number ${n}?`,
    choices: [
      { id: 'a', text: `Right answer ${n}` },
      { id: 'b', text: `Wrong answer ${n}` },
    ],
    answer: 'a',
    explanation: `Made question ${n} is answered so.`,
    citations: [{ source: 'kell-point', passage: 'built', quote: 'built in 1862' }],
    topics: ['history'],
    difficulty: 1,
    facts: [`made-fact-${n}`],
    ...overrides,
  } satisfies QuestionOfType<'single'>);
}

export function makeQuestions(count: number): Question[] {
  return Array.from({ length: count }, (_, index) => makeQuestion(index + 1));
}

/** An assignment over the given question ids: a test, no time limit, the same order for everyone. */
export function makeAssignment(ids: readonly string[], overrides: Partial<Assignment> = {}): Assignment {
  return {
    title: 'Kell Point check',
    ids: [...ids],
    mode: 'test',
    minutes: 0,
    sameOrder: true,
    seed: 'kit1',
    ...overrides,
  };
}

export const assignmentCode = (assignment: Assignment): string => encodeAssignment(assignment);

/** The result code a student's device gives at the end of `assignment`, answering as `responses` say. */
export function makeResultCode(
  assignment: Assignment,
  student: string,
  responses: readonly (LearnerResponse | null)[],
  finishedAt = Date.UTC(2026, 0, 5, 10),
): string {
  const result: ClassResult = { assignment, student, responses: [...responses], finishedAt };
  return encodeResult(result);
}

/** The response a learner who knows (or does not know) the answer gives; single and true-false only. */
export function responseTo(question: Question, isRight: boolean): LearnerResponse {
  if (question.type === 'single') {
    const choice = question.choices.find((option) => (option.id === question.answer) === isRight);
    return { type: 'single', choice: choice?.id ?? null };
  }
  if (question.type === 'true-false') return { type: 'true-false', value: isRight === question.answer };
  throw new Error(`responseTo: answer ${question.type} question ${question.id} by hand`);
}

/**
 * The saved progress after answering each question in its own practice quiz at `at`, as the quiz
 * records it: through the engine, so the history has the shape the stores save and load.
 */
export function makeHistory(
  answers: readonly { question: Question; isRight: boolean; at: number }[],
  start: Progress = emptyProgress(),
): Progress {
  return answers.reduce((progress, { question, isRight, at }, index) => {
    const session = startQuiz({
      pool: [question],
      settings: { count: 'all' },
      seed: `kit${index}`,
      mode: 'practice',
      startedAt: at,
    });
    const answered = submitAnswer(session, responseTo(question, isRight), at + 1000);
    return withAttemptFinished(
      withAnswerRecorded(withAttemptStarted(progress, session), answered, question.id),
      finishQuiz(answered, at + 2000),
    );
  }, start);
}
