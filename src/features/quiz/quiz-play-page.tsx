import { useCallback, useEffect } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { DrawSettings } from '@/engine/draw-settings';
import { isBlankResponse } from '@/domain/learner-response';
import { currentQuestion } from '@/engine/quiz-session';
import { createSeed } from '@/engine/random';
import { useCatalog } from '@/hooks/use-content';
import { useQuestions } from '@/hooks/use-questions';
import { usePageTitle } from '@/hooks/use-page-title';
import { plural } from '@/lib/plural';
import { assignmentFromParams, useAssignmentCodes } from './assignment-params';
import { quizTitle } from './quiz-title';
import { QuestionView } from './question-view';
import { quizEvents } from './quiz-events';
import { QuizResults } from './quiz-results';
import { settingsFromParams, settingsToParams, type QuizSettings } from './quiz-settings';
import { useQuizStore } from '@/stores/quiz-store';
import { QuizTimer } from './quiz-timer';
import './quiz.css';
import { paths } from '@/navigation/paths';

function drawSettingsOf(settings: QuizSettings): DrawSettings {
  const { banks, topics, types, difficulties, ids, count, keepOrder } = settings;
  return { banks, topics, types, difficulties, ids, count, ...(keepOrder ? { keepOrder } : {}) };
}

/** Why a quiz has fewer questions than asked for when related ones were kept apart (docs/authoring.md). */
function heldBackSentence(count: number): string {
  const one = count === 1;
  return (
    `${plural(count, 'question')} ${one ? 'was' : 'were'} kept for another quiz: ${one ? 'it asks' : 'each asks'} ` +
    'the same fact as a question in this one, or would give its answer away.'
  );
}

/** Plays the quiz its URL describes; a reload or a shared link resumes or reproduces the same quiz. */
export function QuizPlayPage() {
  const [searchParams] = useSearchParams();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const codes = useAssignmentCodes(searchParams);
  const fromAssignment =
    codes === undefined || codes === 'loading' ? undefined : assignmentFromParams(searchParams, codes);
  const catalog = useCatalog();
  const knownTopics = catalog.topics.map((topic) => topic.id);
  const bankTitles = new Map(catalog.banks.map((bank) => [bank.id, bank.title]));
  // Null while the reader of an assignment's code loads.
  const parsed =
    codes === 'loading' ? null : (fromAssignment ?? settingsFromParams(searchParams, knownTopics));
  const taking = fromAssignment?.ok ? fromAssignment.taking : undefined;
  // An assignment's session belongs to its code and student; any other to its settings.
  const keyOf = (settings: QuizSettings) =>
    taking
      ? new URLSearchParams({ assignment: taking.code, student: taking.student }).toString()
      : settingsToParams(settings).toString();
  const key = parsed?.ok ? keyOf(parsed.settings) : null;
  const banks = parsed?.ok ? parsed.settings.banks : [];
  const pool = useQuestions(banks);
  const { session, sessionKey, timer, isLoaded } = useQuizStore();
  const store = useQuizStore.getState();
  const isCurrent = key !== null && sessionKey === key && session !== null;
  usePageTitle(session?.finishedAt ? 'Results' : 'Quiz');

  const startInput = (settings: QuizSettings) => ({
    key: keyOf(settings),
    title: quizTitle(settings, taking, bankTitles),
    pool,
    settings: drawSettingsOf(settings),
    seed: settings.seed,
    mode: settings.mode,
    minutes: settings.minutes,
    now: Date.now(),
  });
  const start = (settings: QuizSettings) => quizEvents.started(startInput(settings));

  // Resumes the attempt saved at this address, or starts one, unless it is the one on screen; only
  // once the saved attempts are read, or a reload would start the quiz again.
  useEffect(() => {
    if (parsed?.ok && !isCurrent && isLoaded) quizEvents.opened(startInput(parsed.settings));
  });

  const finish = useCallback(() => quizEvents.finished(Date.now()), []);

  if (parsed === null) return <p role="status">Preparing your quiz…</p>;
  if (!parsed.ok) {
    return (
      <>
        <h1>
          {searchParams.has('assignment')
            ? 'This assignment link does not work'
            : 'This quiz link does not work'}
        </h1>
        <p className="notice notice--error" role="alert">
          The link is damaged or was changed: {parsed.problem}.
        </p>
        <p>
          <Link to={paths.quizStart()}>Start a new quiz</Link>
        </p>
      </>
    );
  }
  if (!isCurrent) return <p role="status">Preparing your quiz…</p>;

  const { settings } = parsed;
  const goTo = (next: Partial<QuizSettings>) =>
    void navigate(
      paths.quizPlay(settingsToParams({ ...settings, ...next, seed: createSeed(Math.random()) })),
    );
  const backTo = pathname + search;

  if (session.questions.length === 0) {
    return (
      <>
        <h1>No questions match</h1>
        <p>None of the questions fits these choices. Start again with fewer filters.</p>
        <p>
          <Link to={paths.quizStart()}>Choose again</Link>
        </p>
      </>
    );
  }
  if (session.finishedAt !== undefined) {
    return (
      <QuizResults
        session={session}
        taking={taking}
        backTo={backTo}
        onRetrySame={() => start(settings)}
        onNewQuestions={() => goTo({})}
        onPractiseMissed={(ids) =>
          goTo({ ids, count: 'all', banks: [], topics: [], types: [], difficulties: [] })
        }
      />
    );
  }
  const presented = currentQuestion(session);
  if (!presented) return null;
  return (
    <div className="quiz">
      <h1 className="visually-hidden">Quiz</h1>
      {session.draw.isShort && session.currentIndex === 0 && (
        <p className="notice">
          Only {plural(session.draw.available, 'question')} match your choices, so this quiz has{' '}
          {plural(session.questions.length, 'question')}.
        </p>
      )}
      {(session.draw.heldBack ?? 0) > 0 && session.currentIndex === 0 && (
        <p className="notice">{heldBackSentence(session.draw.heldBack ?? 0)}</p>
      )}
      {timer && (
        <QuizTimer
          timer={timer}
          onExpire={finish}
          onExtend={() => store.timerExtended(5)}
          onTurnOff={() => store.timerTurnedOff()}
        />
      )}
      <QuestionView
        key={presented.question.id}
        presented={presented}
        submission={session.submissions[presented.question.id]}
        mode={session.mode}
        index={session.currentIndex}
        total={session.questions.length}
        backTo={backTo}
        onSubmit={(response) => quizEvents.answered(response, Date.now())}
        onNext={() => store.nextRequested()}
        onPrevious={() => store.questionChosen(session.currentIndex - 1)}
        onFinish={finish}
        unansweredElsewhere={
          session.questions.filter(
            ({ question }, index) =>
              index !== session.currentIndex && isBlankResponse(session.submissions[question.id]?.response),
          ).length
        }
      />
    </div>
  );
}
