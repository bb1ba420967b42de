import { useDeferredValue, useEffect } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { drawPreparation } from '@/engine/draw-questions';
import { createSeed } from '@/engine/random';
import { inSeparateTasks } from '@/lib/in-separate-tasks';
import { useCatalog } from '@/hooks/use-content';
import { useQuestions } from '@/hooks/use-questions';
import { usePageTitle } from '@/hooks/use-page-title';
import { PageLoading } from '@/components/page-loading';
import { assignmentFromParams, useAssignmentCodes } from './assignment-params';
import { quizTitle } from './quiz-title';
import { quizEvents } from './quiz-events';
import { QuizResults } from './quiz-results';
import { drawSettingsOf, settingsFromParams, settingsToParams, type QuizSettings } from './quiz-settings';
import { useQuizStore } from '@/stores/quiz-store';
import { QuizInProgress } from './quiz-in-progress';
import './quiz.css';
import { paths } from '@/navigation/paths';

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
  const isCurrent = key !== null && sessionKey === key && session !== null;
  // The store's change that brings the quiz is rendered at once, as any store's; deferring the first
  // appearance lets React render the question in slices instead of one long task, while the
  // question the server rendered stays on screen. Answers that follow are not deferred.
  const isShown = useDeferredValue(isCurrent);
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
  // once the saved attempts are read, or a reload would start the quiz again. In tasks of their own
  // (the pool's index, its conflicts, then the draw): in the task in which React runs this effect and
  // renders what the store then holds, they blocked the main thread for about 170 ms with the CPU
  // slowed 4×.
  useEffect(() => {
    if (!parsed?.ok || isCurrent || !isLoaded) return;
    const input = startInput(parsed.settings);
    return inSeparateTasks([...drawPreparation(input.pool), () => quizEvents.opened(input)]);
  });

  // A quiz's first question the server rendered stays on screen meanwhile (render-on-request.tsx).
  if (parsed === null) return <PageLoading label="Preparing your quiz…" />;
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
  if (!isCurrent || !isShown) return <PageLoading label="Preparing your quiz…" />;

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
  return <QuizInProgress session={session} timer={timer} backTo={backTo} />;
}
