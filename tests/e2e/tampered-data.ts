import { loadContent } from '@/build/load-content';
import { readContentFiles } from '@/build/read-content-files';
import type { Question } from '@/domain/question';
import {
  emptyProgress,
  withAnswerRecorded,
  withAttemptFinished,
  withAttemptStarted,
} from '@/engine/progress';
import type { Progress } from '@/engine/progress';
import { goToNext, startQuiz, submitAnswer, type QuizSession } from '@/engine/quiz-session';
import { settingsFromParams, settingsToParams } from '@/features/quiz/quiz-settings';
import { progressSchema } from '@/stores/history-schema';
import { LATEST_TIME } from '@/stores/latest-time';
import { quizSessionSchema } from '@/stores/saved-quiz-schema';

/** The quiz in progress the tampered data holds, and the address that resumes it. */
export const QUIZ_QUERY = 'types=single&count=3&mode=test&seed=tampered1';
const T0 = Date.UTC(2025, 2, 3, 10);

const { content } = loadContent(readContentFiles(process.cwd()));
const topics = content.topics.map((topic) => topic.id);

function quizKey(): string {
  const read = settingsFromParams(new URLSearchParams(QUIZ_QUERY), topics);
  if (!read.ok) throw new Error(read.problem);
  return settingsToParams(read.settings).toString();
}

/** A test-mode quiz of three single-choice questions, two answered (one rightly), as the app saves it. */
function answeredQuiz(): QuizSession {
  let session = startQuiz({
    pool: content.questions,
    settings: { types: ['single'], count: 3 },
    seed: 'tampered1',
    mode: 'test',
    startedAt: T0,
  });
  for (const [index, { question }] of session.questions.slice(0, 2).entries()) {
    if (question.type !== 'single') throw new Error('expected single-choice questions');
    const wrong = question.choices.find((choice) => choice.id !== question.answer)?.id ?? '';
    const choice = index === 0 ? question.answer : wrong;
    session = goToNext(submitAnswer(session, { type: 'single', choice }, T0 + (index + 1) * 30_000));
  }
  return session;
}

function progressOf(session: QuizSession, finished: QuizSession): Progress {
  let progress = withAttemptStarted(emptyProgress(), session);
  for (const questionId of Object.keys(session.submissions)) {
    progress = withAnswerRecorded(progress, session, questionId);
  }
  return withAttemptFinished(progress, finished);
}

/** A learner's saved progress: one finished test of three questions, two of them answered. */
export function learnerProgress(): Progress {
  const session = answeredQuiz();
  return structuredClone(progressOf(session, { ...session, finishedAt: T0 + 120_000 }));
}

export type Tampered = {
  name: string;
  history: Progress;
  quiz: { session: QuizSession; sessionKey: string; timer: null };
  /** Answers Progress shows when the data is used as it is. */
  answers: number;
};

type Change = { history?: (progress: Progress) => void; quiz?: (session: QuizSession) => void };

/** Saved data a person edited by hand: every value of the right type, the meaning nonsense. */
const CHANGES: Record<string, Change> = {
  'dates in the far future': {
    history: ({ history, schedules, resets }) => {
      for (const attempt of history.attempts)
        Object.assign(attempt, { startedAt: LATEST_TIME, finishedAt: LATEST_TIME });
      for (const answer of history.answers) answer.answeredAt = LATEST_TIME;
      for (const schedule of Object.values(schedules))
        Object.assign(schedule, { due: LATEST_TIME, lastReview: LATEST_TIME });
      for (const id of Object.keys(schedules)) resets[id] = LATEST_TIME;
    },
    quiz: (session) => Object.assign(session, { startedAt: LATEST_TIME }),
  },
  'dates at the epoch': {
    history: ({ history, schedules }) => {
      for (const attempt of history.attempts) Object.assign(attempt, { startedAt: 0, finishedAt: 0 });
      for (const answer of history.answers) answer.answeredAt = 0;
      for (const schedule of Object.values(schedules)) Object.assign(schedule, { due: 0, lastReview: 0 });
    },
    quiz: (session) => Object.assign(session, { startedAt: 0 }),
  },
  'huge numbers': {
    history: ({ schedules }) => {
      for (const schedule of Object.values(schedules)) {
        Object.assign(schedule, {
          stability: Number.MAX_VALUE,
          difficulty: -Number.MAX_VALUE,
          scheduledDays: Number.MAX_VALUE,
          learningSteps: Number.MAX_SAFE_INTEGER,
          reps: Number.MAX_SAFE_INTEGER,
          lapses: Number.MAX_SAFE_INTEGER,
        });
      }
    },
    quiz: (session) => {
      session.draw = {
        available: Number.MAX_VALUE,
        requested: -Number.MAX_VALUE,
        isShort: true,
        heldBack: 1e9,
      };
      for (const submission of Object.values(session.submissions)) submission.submittedAt = -Number.MAX_VALUE;
    },
  },
  'questions that no longer exist': {
    history: ({ history, schedules }) => {
      const [first] = history.answers;
      if (!first) throw new Error('no answer to change');
      const question = history.questions[first.asked] as Question;
      const gone = { ...question, id: 'removed-from-the-banks' };
      history.questions['removed-from-the-banks@0'] = gone;
      history.answers.push({
        ...first,
        questionId: gone.id,
        asked: 'removed-from-the-banks@0',
        answeredAt: first.answeredAt + 1,
      });
      for (const attempt of history.attempts) attempt.questionIds.push(gone.id, 'never-existed');
      const schedule = Object.values(schedules)[0];
      if (schedule) schedules['never-existed'] = { ...schedule, due: 0 };
    },
    quiz: (session) => {
      const [first] = session.questions;
      if (first)
        session.questions.push({ ...first, question: { ...first.question, id: 'removed-from-the-banks' } });
    },
  },
  'an unknown bank': {
    quiz: (session) => {
      session.settings = { ...session.settings, banks: ['no-such-bank'], topics: [] };
    },
  },
  'duplicated attempts and answers': {
    history: ({ history }) => {
      history.attempts.push(...structuredClone(history.attempts));
      history.answers.push(...structuredClone(history.answers));
    },
  },
  'a quiz in progress whose question list does not add up': {
    quiz: (session) => {
      const [first, second] = session.questions;
      if (!first || !second) throw new Error('expected questions');
      session.currentIndex = session.questions.length + 5;
      first.choiceOrder = ['not-a-choice', ...first.choiceOrder.slice(1)];
      second.choiceOrder = [];
      session.submissions['not-in-this-quiz'] = Object.values(session.submissions)[0] as never;
    },
  },
  'a finish before the start, and a current question past the end': {
    history: ({ history }) => {
      for (const attempt of history.attempts) attempt.finishedAt = attempt.startedAt - 60_000;
    },
    quiz: (session) => {
      session.currentIndex = 99;
      session.questions = session.questions.slice(0, 1);
    },
  },
  'a date past the year 9999 (not valid: set aside)': {
    history: ({ history }) => {
      for (const answer of history.answers) answer.answeredAt = LATEST_TIME + 1;
    },
  },
};

/** Each tampered variant of one learner's saved data: their history and a quiz in progress. */
export function tamperedVariants(): Tampered[] {
  const session = answeredQuiz();
  const sessionKey = quizKey();
  return Object.entries(CHANGES).map(([name, change]) => {
    const finishedSession = { ...session, finishedAt: T0 + 120_000 };
    const history = structuredClone(progressOf(session, finishedSession));
    const quiz = structuredClone(session);
    change.history?.(history);
    change.quiz?.(quiz);
    const isUsable = progressSchema.safeParse(history).success;
    return {
      name,
      history,
      quiz: { session: quiz, sessionKey, timer: null },
      answers: isUsable ? history.history.answers.length : 0,
    };
  });
}

/** Whether the app would use this saved value as it is, or set it aside (and say so). */
export function isSchemaValid(variant: Tampered): { history: boolean; quiz: boolean } {
  return {
    history: progressSchema.safeParse(variant.history).success,
    quiz: quizSessionSchema.safeParse(variant.quiz.session).success,
  };
}
