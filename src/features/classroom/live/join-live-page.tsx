import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Socket } from 'socket.io-client';
import { AnswerInput, startingResponse } from '@/components/answer-input';
import { PageLoading } from '@/components/page-loading';
import { GradeFeedback, useFeedbackFontsFound, VerdictLine } from '@/components/grade-feedback';
import { isBlankResponse, type LearnerResponse } from '@/domain/learner-response';
import { QUESTION_TYPE_NAMES } from '@/domain/question-type-names';
import { useHydrated } from '@/hooks/use-hydrated';
import { usePageTitle } from '@/hooks/use-page-title';
import { plural } from '@/lib/plural';
import { paths } from '@/navigation/paths';
import type { StudentDispute } from '../server/dispute-responses';
import {
  keepSeat,
  keepSeatCookie,
  live,
  pinInAddress,
  playerViewSchema,
  readSeat,
  type LiveSeat,
  type PlayerView,
} from './live-client';
import { LiveClock, useTimeLeft } from './live-clock';
import { LiveDispute, LiveDisputeList, useOwnLiveDisputes } from './live-dispute';
import { useSendWaitingDisputes } from './live-dispute-queue';
import { recordLiveView } from './live-history';
import { useLiveSocket } from './use-live-socket';
import '../../quiz/quiz.css';
import './live.css';

/** A student's side of a live session: the PIN and a name, then each question as the room gets it. */
export function JoinLivePage() {
  const [view, setView] = useState<PlayerView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [disputeProblem, setDisputeProblem] = useState<string | null>(null);
  // An address with another session's PIN (a new class, the board's link) is for joining that one.
  const [searchParams] = useSearchParams();
  const askedPin = pinInAddress(searchParams);
  const isSeatAsked = (seat: LiveSeat | null): seat is LiveSeat =>
    seat !== null && (askedPin === null || seat.pin === askedPin);
  // A device with a seat goes back to it: no join form meanwhile. Decided after the built page's
  // hydration (which has no seat), as the device's storage is only read then.
  const isHydrated = useHydrated();
  const [hasSeat, setHasSeat] = useState(() => isSeatAsked(readSeat()));
  const isReturning = isHydrated && hasSeat && view === null && problem === null;
  usePageTitle(view ? view.title : 'Join a live session');
  // Each view the server sends may hold a reveal for the device's history (Review, spaced repetition).
  useEffect(() => {
    if (view) recordLiveView(view, Date.now());
  }, [view]);

  const { socket, isConnected } = useLiveSocket(
    'player',
    (created) => {
      created.on('live:player', (raw: unknown) => {
        const parsed = playerViewSchema.safeParse(raw);
        if (parsed.success) setView(parsed.data);
      });
      created.on('live:removed', () => {
        keepSeat(null);
        setView(null);
        setProblem('The teacher has removed you from this session.');
      });
    },
    // The first connection, and each one after a reload or a lost network: back to our seat.
    (created) => {
      const seat = readSeat();
      if (!isSeatAsked(seat)) return;
      void live.rejoin(created, seat.sessionId, seat.token).then((reply) => {
        if (reply.ok) {
          // A seat kept before the cookie existed gets one now.
          keepSeatCookie(seat);
          setView(reply.data.view);
        } else {
          keepSeat(null);
          setView(null);
          setProblem(reply.message);
        }
      });
    },
  );

  // Disputes kept on the device while offline go out when the network (or the connection) is back.
  useSendWaitingDisputes(view?.sessionId ?? null, isConnected, setDisputeProblem);

  return (
    <div className="live-player">
      {!isConnected && (
        <p className="notice" role="status">
          Connection lost: reconnecting by itself. Your answers already sent are kept.
        </p>
      )}
      <div role="alert">{disputeProblem && <p className="notice notice--error">{disputeProblem}</p>}</div>
      {view && socket ? (
        <PlayerScreen
          socket={socket}
          view={view}
          onLeave={() => {
            keepSeat(null);
            setHasSeat(false);
            setView(null);
          }}
        />
      ) : isReturning ? (
        // The player's screen the server rendered into the page stays until the rejoin brings it anew.
        <PageLoading label="Going back to your session…" />
      ) : (
        <JoinForm
          socket={socket}
          problem={problem}
          onJoined={(joined, token, pin) => {
            // The same session again (a seat lost its token): what went into the history stays noted.
            const earlier = readSeat();
            const kept = earlier?.sessionId === joined.sessionId ? earlier : {};
            keepSeat({ joinedAt: Date.now(), ...kept, sessionId: joined.sessionId, token, pin });
            setProblem(null);
            setView(joined);
          }}
        />
      )}
    </div>
  );
}

type JoinFormProps = {
  socket: Socket | null;
  problem: string | null;
  onJoined: (view: PlayerView, token: string, pin: string) => void;
};

function JoinForm({ socket, problem, onJoined }: JoinFormProps) {
  const [searchParams] = useSearchParams();
  const [pin, setPin] = useState(() => pinInAddress(searchParams) ?? '');
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(problem);
  const [isBusy, setIsBusy] = useState(false);
  // The page is built to HTML (prerender-page.tsx): until React has taken it over, typing would be
  // lost and the browser would send the form by itself, so nothing can be used yet.
  const isReady = useHydrated();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!/^\d{6}$/.test(pin)) return setMessage('The PIN is the six digits your teacher shows.');
    if (name.trim() === '') return setMessage('Type your name so your teacher knows who you are.');
    if (!socket) return setMessage('Still connecting to the server: try again in a moment.');
    setIsBusy(true);
    const reply = await live.join(socket, pin, name);
    setIsBusy(false);
    if (!reply.ok) return setMessage(reply.message);
    onJoined(reply.data.view, reply.data.token ?? '', pin);
  }

  return (
    <form className="live-join" onSubmit={(event) => void submit(event)} noValidate>
      <h1>Join a live session</h1>
      <p className="lead">Type the PIN on your teacher’s screen, then your name.</p>
      <label className="field">
        <span>PIN</span>
        <input
          className="text-field live-join__pin"
          inputMode="numeric"
          autoComplete="off"
          maxLength={6}
          disabled={!isReady}
          value={pin}
          onChange={(event) => setPin(event.target.value.replace(/\D/g, '').slice(0, 6))}
        />
      </label>
      <label className="field">
        <span>Your name</span>
        <input
          className="text-field"
          maxLength={40}
          autoComplete="name"
          disabled={!isReady}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <div role="alert">{message && <p className="notice notice--error">{message}</p>}</div>
      <button type="submit" className="button" disabled={isBusy || !isReady}>
        {isBusy ? 'Joining…' : 'Join'}
      </button>
    </form>
  );
}

/**
 * A returning player's screen as the server renders it into the join page (render-on-request.tsx):
 * its controls wait for the app, which takes the page over once it has rejoined the session.
 */
export function ServedPlayerScreen({ view }: { view: PlayerView }) {
  return (
    <div className="live-player">
      <PlayerScreen socket={null} view={view} onLeave={null} />
    </div>
  );
}

type PlayerScreenProps = {
  socket: Socket | null;
  view: PlayerView;
  /** Leaves the session once it has ended, for the join form; none in the server's render. */
  onLeave: (() => void) | null;
};

function PlayerScreen({ socket, view, onLeave }: PlayerScreenProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const disputes = useOwnLiveDisputes(view.sessionId, `${view.phase} ${view.index}`);
  const timeLeft = useTimeLeft(view.phase === 'question' ? view.countdown : null);
  useFeedbackFontsFound();
  // A new phase or question is announced by moving focus to its heading.
  useEffect(() => heading.current?.focus(), [view.phase, view.index]);
  const header = (
    <p className="muted">
      {view.title} · you are <strong>{view.me.name}</strong> · {plural(view.me.points, 'point')}
    </p>
  );

  if (view.phase === 'lobby') {
    return (
      <>
        <h1 ref={heading} tabIndex={-1}>
          You are in
        </h1>
        {header}
        <p className="lead" role="status">
          Wait for your teacher to start: the first question appears here by itself.
        </p>
      </>
    );
  }
  if (view.phase === 'ended') {
    return (
      <>
        <h1 ref={heading} tabIndex={-1}>
          The session has ended
        </h1>
        {header}
        <p className="lead">
          You scored {view.me.points} of {plural(view.questionCount, 'point')}. Thank you for taking part.
        </p>
        <p>
          Your answers are saved on this device, with the explanations and passages:{' '}
          <Link to={paths.review()}>review what you missed</Link>.
        </p>
        <LiveDisputeList sessionId={view.sessionId} disputes={disputes} />
        <Leaderboard view={view} />
        <p>
          <button
            type="button"
            className="button button--secondary"
            disabled={!onLeave}
            onClick={() => onLeave?.()}
          >
            Join another session
          </button>
        </p>
      </>
    );
  }
  const question = view.question;
  if (!question) return <p className="notice">This question cannot be shown.</p>;
  return (
    <div className="quiz">
      <div className="question__progress">
        <span>
          Question {view.index + 1} of {view.questionCount}
        </span>
        <span className="muted">{QUESTION_TYPE_NAMES[question.type]}</span>
      </div>
      {header}
      {view.phase === 'question' && view.countdown && (
        <LiveClock key={view.index} countdown={view.countdown} />
      )}
      {view.phase === 'question' ? (
        <LiveQuestionForm
          key={view.index}
          socket={socket}
          view={view}
          question={question}
          headingRef={heading}
          isTimeUp={timeLeft !== null && timeLeft <= 0}
        />
      ) : (
        <Reveal view={view} headingRef={heading} disputes={disputes} />
      )}
    </div>
  );
}

type HeadingRef = { headingRef: React.RefObject<HTMLHeadingElement | null> };

type QuestionFormProps = {
  /** None in the server's render: nothing can be sent yet. */
  socket: Socket | null;
  view: PlayerView;
  question: NonNullable<PlayerView['question']>;
};

function LiveQuestionForm({
  socket,
  view,
  question,
  headingRef,
  isTimeUp,
}: QuestionFormProps & HeadingRef & { isTimeUp: boolean }) {
  const [response, setResponse] = useState<LearnerResponse>(() => startingResponse(question));
  const [status, setStatus] = useState<string | null>(
    view.me.hasAnswered ? 'Your answer is in. Wait for the reveal.' : null,
  );
  const [isSending, setIsSending] = useState(false);
  const isSent = view.me.hasAnswered || status === 'Your answer is in. Wait for the reveal.';
  // The server refuses answers once the time is up; the teacher may still give more.
  const isClosed = isTimeUp && !isSent;
  const promptId = `live-prompt-${view.index}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSent || isSending || isClosed) return;
    if (isBlankResponse(response)) return setStatus('Choose or type an answer first.');
    if (!socket) return;
    setIsSending(true);
    const reply = await live.answer(socket, view.index, response);
    setIsSending(false);
    setStatus(reply.ok ? 'Your answer is in. Wait for the reveal.' : reply.message);
  }

  return (
    <form className="question" onSubmit={(event) => void submit(event)}>
      <h1 id={promptId} className="question__prompt" ref={headingRef} tabIndex={-1}>
        {question.prompt}
      </h1>
      <AnswerInput
        shown={question}
        response={response}
        onChange={(next) => {
          setResponse(next);
          if (!isSent) setStatus(null);
        }}
        isLocked={isSent || isClosed || !socket}
        labelledBy={promptId}
      />
      <div role="status" className="question__status">
        {isClosed ? (
          <p className="notice">Time is up: no more answers for this question. Wait for the reveal.</p>
        ) : (
          status && (
            <p className={isSent ? 'notice live-sent' : 'notice'}>
              {isSent && <span aria-hidden="true">✓ </span>}
              {status}
            </p>
          )
        )}
      </div>
      {!isSent && !isClosed && (
        <div className="question__actions">
          <button type="submit" className="button" disabled={isSending || !socket}>
            {isSending ? 'Sending…' : 'Send answer'}
          </button>
        </div>
      )}
    </form>
  );
}

function Reveal({
  view,
  headingRef,
  disputes,
}: { view: PlayerView; disputes: readonly StudentDispute[] } & HeadingRef) {
  const feedback = view.me.feedback;
  return (
    <>
      <h1 className="question__prompt" ref={headingRef} tabIndex={-1}>
        {view.question?.prompt}
      </h1>
      {feedback ? (
        <section className={`feedback-panel feedback-panel--${feedback.grade.verdict}`} aria-label="Feedback">
          <h2 className="feedback-panel__title">
            <VerdictLine grade={feedback.grade} />
          </h2>
          <GradeFeedback
            question={feedback.presented.question}
            grade={feedback.grade}
            backTo={paths.liveJoin()}
          />
          {feedback.grade.verdict !== 'unanswered' && (
            <LiveDispute
              key={view.index}
              sessionId={view.sessionId}
              index={view.index}
              question={feedback.presented.question}
              disputes={disputes.filter((dispute) => dispute.index === view.index)}
            />
          )}
        </section>
      ) : (
        <p className="notice">The answer is revealed on your teacher’s screen.</p>
      )}
      <p className="muted live-player__wait" role="status">
        Wait for the next question.
      </p>
      <Leaderboard view={view} />
    </>
  );
}

function Leaderboard({ view }: { view: PlayerView }) {
  if (!view.leaderboard || view.leaderboard.length === 0) return null;
  return (
    <section aria-label="Leaderboard">
      <h2>Leaderboard</h2>
      <ol className="live-leaderboard">
        {view.leaderboard.map((entry, place) => (
          <li key={`${place}-${entry.name}`}>
            {entry.name} · {entry.total} points
          </li>
        ))}
      </ol>
    </section>
  );
}
