import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { QuestionExplanation } from '@/components/grade-feedback';
import { QrCode } from '@/components/qr-code';
import type { Question } from '@/domain/question';
import { gradeAnswer } from '@/engine/grade-answer';
import { TeacherOnly } from '../server/teacher-only';
import { usePageTitle } from '@/hooks/use-page-title';
import { plural } from '@/lib/plural';
import { paths } from '@/navigation/paths';
import { ControlButton, hostControls, KeyHelp, type HostControl } from './host-controls';
import { hostViewSchema, live, type HostCommand, type HostView } from './live-client';
import { LiveClock } from './live-clock';
import { useHostKeys } from './use-host-keys';
import { useLiveSocket } from './use-live-socket';
import '../../quiz/quiz.css';
import './live.css';

/** The teacher's screen of a live session, made for the projector. */
export function LiveHostPage() {
  const { sessionId = '' } = useParams();
  return <TeacherOnly>{() => <HostScreen sessionId={sessionId} />}</TeacherOnly>;
}

function HostScreen({ sessionId }: { sessionId: string }) {
  const [view, setView] = useState<HostView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  usePageTitle(view ? `Live: ${view.title}` : 'Live session');

  const { socket, isConnected } = useLiveSocket(
    sessionId,
    (created) => {
      created.on('live:host', (raw: unknown) => {
        const parsed = hostViewSchema.safeParse(raw);
        if (parsed.success) setView(parsed.data);
      });
      // Arrivals and answers come in batches; a view opened meanwhile may already list some.
      created.on('live:joined', (news: { players: { id: string; name: string }[] }) =>
        setView((current) => {
          if (!current) return current;
          const known = new Set(current.players.map((player) => player.id));
          const arrived = news.players.filter((player) => !known.has(player.id));
          return arrived.length === 0 ? current : { ...current, players: [...current.players, ...arrived] };
        }),
      );
      created.on('live:answered', (news: { index: number; playerIds: string[] }) =>
        setView((current) => {
          if (!current || current.index !== news.index) return current;
          const answeredBy = [...new Set([...current.answeredBy, ...news.playerIds])];
          return answeredBy.length === current.answeredBy.length ? current : { ...current, answeredBy };
        }),
      );
    },
    // A reload, another device or a lost network: the session carries on, the screen picks it up.
    (created) => {
      void live.openHost(created, sessionId).then((reply) => {
        if (reply.ok) setView(reply.data.view);
        else setProblem(reply.message);
      });
    },
  );

  const [isHelpOpen, setIsHelpOpen] = useState(false);

  async function command(next: HostCommand) {
    if (!socket) return;
    const reply = await live.command(socket, sessionId, next);
    setProblem(reply.ok ? null : reply.message);
  }

  const controls = view ? hostControls(view, command) : [];
  useHostKeys(
    [
      ...controls,
      ...(view?.phase === 'question'
        ? [
            {
              keys: ['ArrowRight', ' ', 'PageDown', 'n'],
              run: () => setProblem('Reveal the answer first: press R.'),
            },
          ]
        : []),
      { keys: ['f'], run: () => void toggleFullScreen() },
      { keys: ['?', 'h'], run: () => setIsHelpOpen((value) => !value) },
      { keys: ['Escape'], run: () => setIsHelpOpen(false) },
    ],
    view,
  );

  if (!view) {
    return problem ? (
      <>
        <h1>Live session</h1>
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
        <Link to={paths.teacher()}>Back to your classes and assignments</Link>
      </>
    ) : (
      <p role="status">Opening the session…</p>
    );
  }

  return (
    <div className="live-host">
      {!isConnected && (
        <p className="notice" role="status">
          Connection lost: reconnecting by itself. The session goes on.
        </p>
      )}
      <div className="live-host__bar">
        <span>
          {view.phase === 'question' || view.phase === 'reveal'
            ? `Question ${view.index + 1} of ${view.questionCount} · PIN ${view.pin}`
            : view.phase === 'lobby'
              ? 'Waiting for the room'
              : 'Session ended'}
        </span>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => void toggleFullScreen()}
          aria-keyshortcuts="F"
        >
          Full screen{' '}
          <kbd className="live-key" aria-hidden="true">
            F
          </kbd>
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => setIsHelpOpen((value) => !value)}
          aria-expanded={isHelpOpen}
          aria-keyshortcuts="?"
        >
          Keys{' '}
          <kbd className="live-key" aria-hidden="true">
            ?
          </kbd>
        </button>
      </div>
      {isHelpOpen && <KeyHelp controls={controls} />}
      <div role="alert">{problem && <p className="notice notice--error">{problem}</p>}</div>
      {view.phase === 'lobby' && <Lobby view={view} controls={controls} onCommand={command} />}
      {(view.phase === 'question' || view.phase === 'reveal') && (
        <HostQuestion view={view} controls={controls} onCommand={command} />
      )}
      {view.phase === 'ended' && <Summary view={view} />}
    </div>
  );
}

async function toggleFullScreen(): Promise<void> {
  try {
    if (document.fullscreenElement) await document.exitFullscreen();
    else await document.documentElement.requestFullscreen();
  } catch {
    // Some browsers refuse full screen outside a click; the screen is large enough without it.
  }
}

type ScreenProps = {
  view: HostView;
  controls: readonly HostControl[];
  onCommand: (command: HostCommand) => Promise<void>;
};

function Controls({ controls, onCommand }: Pick<ScreenProps, 'controls' | 'onCommand'>) {
  return (
    <div className="live-host__actions">
      {controls.map((control) => (
        // The room's next step keeps one button, so focus stays on it from start to reveal to next.
        <ControlButton key={control.isPrimary ? 'next-step' : control.id} control={control} />
      ))}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => void onCommand({ type: 'end' })}
      >
        End the session now
      </button>
    </div>
  );
}

function Lobby({ view, controls, onCommand }: ScreenProps) {
  const joinUrl = `${window.location.origin}${paths.liveJoin()}`;
  return (
    <>
      <h1>{view.title}</h1>
      <div className="live-host__join">
        <div>
          <p className="lead">
            Go to <strong>{joinUrl}</strong> and type the PIN:
          </p>
          <p className="live-host__pin" aria-label={`PIN ${view.pin.split('').join(' ')}`}>
            {view.pin}
          </p>
        </div>
        <QrCode
          text={`${joinUrl}?pin=${view.pin}`}
          label="QR code of the join address with the PIN"
          size={200}
        />
      </div>
      <h2 aria-live="polite">{plural(view.players.length, 'student')} joined</h2>
      <ul className="live-host__players">
        {view.players.map((player) => (
          <li key={player.id}>
            <span>{player.name}</span>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void onCommand({ type: 'remove', playerId: player.id })}
              aria-label={`Remove ${player.name}`}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <Controls controls={controls} onCommand={onCommand} />
    </>
  );
}

function HostQuestion({ view, controls, onCommand }: ScreenProps) {
  const question = view.question;
  const expected = useMemo(
    () => (view.revealed ? gradeAnswer(view.revealed, null).expected : null),
    [view.revealed],
  );
  const rightChoiceTexts = useMemo(() => rightChoicesOf(view.revealed?.question), [view.revealed]);
  if (!question) return <p className="notice">This question cannot be shown.</p>;
  return (
    <>
      <p className="muted">{view.title}</p>
      <h1 className="live-host__prompt">{question.prompt}</h1>
      {question.choices.length > 0 && (
        <ol className="live-host__choices">
          {question.choices.map((choice) =>
            rightChoiceTexts.has(choice.text) ? (
              <li key={choice.id} className="is-right">
                {choice.text} <span className="live-host__tick">✓ right</span>
              </li>
            ) : (
              <li key={choice.id}>{choice.text}</li>
            ),
          )}
        </ol>
      )}
      {/* Read out once, when the whole room has answered: a count spoken at every answer would drown
          the host's screen reader in a large class. */}
      <p className="live-host__count">
        {view.answeredBy.length} of {view.players.length} answered
      </p>
      <p className="visually-hidden" role="status">
        {view.players.length > 0 && view.answeredBy.length >= view.players.length
          ? 'Everyone has answered.'
          : ''}
      </p>
      {view.countdown && (
        <LiveClock key={view.index} countdown={view.countdown} className="live-host__clock" />
      )}
      {view.distribution && (
        <section aria-label="How the room answered">
          <h2>How the room answered</h2>
          <ul className="live-host__distribution">
            {view.distribution.map((entry) => (
              <li key={entry.given} className={entry.isRight ? 'is-right' : undefined}>
                {entry.isRight ? '✓ ' : ''}
                {entry.given}: {plural(entry.count, 'student')}
              </li>
            ))}
          </ul>
        </section>
      )}
      {view.phase === 'reveal' && view.revealed && (
        <section className="feedback-panel feedback-panel--correct" aria-label="The answer">
          <h2 className="feedback-panel__title">Right answer: {expected}</h2>
          <QuestionExplanation question={view.revealed.question} backTo={paths.liveHost(view.sessionId)} />
        </section>
      )}
      <Controls controls={controls} onCommand={onCommand} />
    </>
  );
}

/**
 * The texts of the choices marked right once revealed, as projector mode marks them. By text: the
 * choices shown before the reveal carry ids of their own, so they give nothing away.
 */
function rightChoicesOf(question: Question | undefined): Set<string> {
  if (question?.type !== 'single' && question?.type !== 'multiple') return new Set();
  const right = new Set(question.type === 'single' ? [question.answer] : question.answer);
  return new Set(question.choices.filter((choice) => right.has(choice.id)).map((choice) => choice.text));
}

function Summary({ view }: { view: HostView }) {
  return (
    <>
      <h1>{view.title}: the results</h1>
      <p className="lead">
        {plural(view.players.length, 'student')} took part in {plural(view.questionCount, 'question')}.
      </p>
      <table className="live-host__standings">
        <caption>Points per student (partial credit counted)</caption>
        <thead>
          <tr>
            <th scope="col">Student</th>
            <th scope="col">Points</th>
          </tr>
        </thead>
        <tbody>
          {view.standings.map((standing) => (
            <tr key={standing.playerId}>
              <td>{standing.name}</td>
              <td>{standing.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href={paths.api.liveReportCsv(view.sessionId)} download>
          Download the report (CSV)
        </a>{' '}
        · <Link to={paths.teacher()}>Back to your classes and assignments</Link>
      </p>
    </>
  );
}
