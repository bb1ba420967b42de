import { useEffect, useState } from 'react';
import { PageLoading } from '@/components/page-loading';
import { useHydrated } from '@/hooks/use-hydrated';
import { Link, useNavigate, useParams } from 'react-router';
import { usePageTitle } from '@/hooks/use-page-title';
import { plural } from '@/lib/plural';
import { paths } from '@/navigation/paths';
import { useServerInfoStore } from '@/stores/server-info-store';
import { api, type ApiResult } from './api-client';
import type { AttemptProgress, ServerAssignment } from './api-responses';
import { formatTime, whenOpen } from './assignment-times';
import { ConfirmDelete } from './confirm-delete';
import { askEarly, takeEarly } from './early-answers';
import { StudentLinkShare } from '../student-link-share';
import { TeacherOnly } from './teacher-only';
import { useTeacherSessionStore } from './teacher-session';
import { useApiData } from './use-api-data';
import '../classroom.css';

const POLL_MS = 3000;

const loadProgress = (id: string) => takeEarly(`progress/${id}`, () => api.progress(id));

type AssignmentData = { assignment: ServerAssignment; progress: AttemptProgress[] | null };

/**
 * The assignment with its students, asked for together, so the page shows both at once (with the
 * server's render of it on screen until then, nothing moves). Students that could not be read are
 * asked for again by the list itself.
 */
async function loadAssignment(id: string): Promise<ApiResult<AssignmentData>> {
  const [assignment, progress] = await Promise.all([
    takeEarly(`assignment/${id}`, () => api.assignment(id)),
    loadProgress(id),
  ]);
  if (!assignment.ok) return assignment;
  return { ok: true, data: { assignment: assignment.data, progress: progress.ok ? progress.data : null } };
}

/** The teacher's live view of a server assignment: its link and QR code, and who has started and finished. */
export function ServerAssignmentPage() {
  const { assignmentId = '' } = useParams();
  // While the server is asked who is signed in, the assignment and its students are asked for too,
  // not after: once the page is shown, it asks for itself at once (so nothing is asked twice).
  useEffect(() => {
    if (useTeacherSessionStore.getState().status !== 'unknown') return undefined;
    const forget = [
      askEarly(`assignment/${assignmentId}`, () => api.assignment(assignmentId)),
      askEarly(`progress/${assignmentId}`, () => api.progress(assignmentId)),
    ];
    return () => forget.forEach((forgetOne) => forgetOne());
  }, [assignmentId]);
  return <TeacherOnly>{() => <ServerAssignment id={assignmentId} />}</TeacherOnly>;
}

function ServerAssignment({ id }: { id: string }) {
  const { loaded, reload } = useApiData(loadAssignment, [id]);
  usePageTitle(loaded.state === 'ready' ? `Assignment: ${loaded.data.assignment.title}` : 'Assignment');
  if (loaded.state === 'loading') return <PageLoading />;
  if (loaded.state === 'failed') {
    return (
      <>
        <h1>Assignment not found</h1>
        <p className="notice notice--error" role="alert">
          {loaded.status === 404 ? 'There is no such assignment among yours.' : loaded.message}
        </p>
        <p>
          <Link to={paths.teacher()}>Back to my classes</Link>
        </p>
      </>
    );
  }
  return (
    <AssignmentView
      assignment={loaded.data.assignment}
      progress={loaded.data.progress}
      onChanged={() => void reload()}
    />
  );
}

type AssignmentViewProps = AssignmentData & {
  onChanged: () => void;
  /** Where students open the app, for a page the server renders (which has no window to ask). */
  origin?: string;
};

/** The assignment's page once it is known; also what the server renders (render-on-request.tsx). */
export function AssignmentView({
  assignment,
  progress,
  onChanged,
  origin: servedOrigin,
}: AssignmentViewProps) {
  const publicUrl = useServerInfoStore((state) => state.info?.publicUrl);
  const origin = (publicUrl ?? servedOrigin ?? window.location.origin).replace(/\/$/, '');
  const studentLink = `${origin}${paths.serverStudent(assignment.id)}`;
  // The server's render of the page is replaced once the app runs: a choice made before is lost, so
  // its controls wait for the app.
  const isLive = useHydrated();
  const [closeProblem, setCloseProblem] = useState('');
  const [now, setNow] = useState(Date.now);
  const navigate = useNavigate();
  const isClosed = assignment.closesAt !== null && Date.parse(assignment.closesAt) <= now;

  // Off unless the teacher asks: a countdown shuts out slow readers and screen-reader users.
  const [liveCountdown, setLiveCountdown] = useState('off');
  // Also off unless asked: points for speed are never the only way to score, and a leaderboard
  // puts names on the board.
  const [speedPoints, setSpeedPoints] = useState(false);
  const [leaderboard, setLeaderboard] = useState(false);

  async function startLive() {
    const seconds = liveCountdown === 'off' ? null : Number(liveCountdown);
    const started = await api.startLive(assignment.id, {
      countdownSeconds: seconds,
      speedPoints,
      leaderboard,
    });
    if (started.ok) void navigate(paths.liveHost(started.data.id));
    else setCloseProblem(started.message);
  }

  async function closeNow() {
    const at = new Date();
    const closed = await api.closeAssignment(assignment.id, at);
    setNow(at.getTime());
    setCloseProblem(closed.ok ? '' : closed.message);
    onChanged();
  }

  return (
    <div className="assignment">
      <h1>{assignment.title}</h1>
      <p className="lead">
        {plural(assignment.ids.length, 'question')} · {assignment.mode} ·{' '}
        {assignment.minutes > 0 ? `${assignment.minutes} minutes` : 'no time limit'} ·{' '}
        {plural(assignment.attemptsAllowed, 'attempt')} each · {whenOpen(assignment)}
      </p>
      <StudentLinkShare
        link={studentLink}
        title={assignment.title}
        actions={
          <>
            <Link className="button button--secondary" to={paths.serverReport(assignment.id)}>
              Class report
            </Link>
            <span className="live-start">
              <button
                type="button"
                className="button button--secondary"
                disabled={!isLive}
                onClick={() => void startLive()}
              >
                Run it live in class
              </button>
              <label>
                Countdown per question{' '}
                <select
                  value={liveCountdown}
                  disabled={!isLive}
                  onChange={(event) => setLiveCountdown(event.target.value)}
                >
                  <option value="off">off</option>
                  <option value="30">30 seconds</option>
                  <option value="60">1 minute</option>
                  <option value="120">2 minutes</option>
                  <option value="300">5 minutes</option>
                </select>
              </label>
              <label>
                <input
                  type="checkbox"
                  checked={speedPoints}
                  disabled={!isLive}
                  onChange={(event) => setSpeedPoints(event.target.checked)}
                />{' '}
                Bonus points for speed
              </label>
              <label>
                <input
                  type="checkbox"
                  checked={leaderboard}
                  disabled={!isLive}
                  onChange={(event) => setLeaderboard(event.target.checked)}
                />{' '}
                Show a leaderboard
              </label>
            </span>
            {!isClosed && (
              <button
                type="button"
                className="button button--secondary"
                disabled={!isLive}
                onClick={() => void closeNow()}
              >
                Close it now
              </button>
            )}
          </>
        }
      >
        {closeProblem && (
          <p role="alert" className="notice notice--error">
            {closeProblem}
          </p>
        )}
      </StudentLinkShare>
      <LiveProgress assignmentId={assignment.id} initial={progress} />
      <h2>Delete</h2>
      <ConfirmDelete
        label="Delete this assignment…"
        warning={`Delete “${assignment.title}” with every student’s answers and results? This cannot be undone; the link stops working.`}
        onConfirm={async () => {
          const deleted = await api.deleteAssignment(assignment.id);
          if (!deleted.ok) return deleted.message;
          void navigate(paths.teacher());
          return null;
        }}
      />
    </div>
  );
}

/** Who has started and finished, polled every few seconds: results arrive without anyone pasting codes. */
function LiveProgress({
  assignmentId,
  initial,
}: {
  assignmentId: string;
  initial: AttemptProgress[] | null;
}) {
  const { loaded } = useApiData(loadProgress, [assignmentId], { everyMs: POLL_MS, initial });
  if (loaded.state !== 'ready') {
    return loaded.state === 'failed' ? (
      <p className="notice notice--error" role="alert">
        {loaded.message}
      </p>
    ) : null;
  }
  const attempts = loaded.data;
  const finished = attempts.filter((attempt) => attempt.finishedAt !== null).length;
  return (
    <section aria-labelledby="progress-title">
      <h2 id="progress-title">Students</h2>
      <p role="status" aria-live="polite">
        {plural(attempts.length, 'attempt')} started, {finished} finished. This list updates by itself.
      </p>
      {attempts.length > 0 && <ProgressTable attempts={attempts} />}
    </section>
  );
}

function ProgressTable({ attempts }: { attempts: AttemptProgress[] }) {
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">Student</th>
          <th scope="col">Started</th>
          <th scope="col">Answered</th>
          <th scope="col">State</th>
          <th scope="col">Score</th>
        </tr>
      </thead>
      <tbody>
        {attempts.map((attempt) => (
          <tr key={`${attempt.student}/${attempt.number}`}>
            <th scope="row">
              {attempt.student}
              {attempt.number > 1 ? ` (attempt ${attempt.number})` : ''}
            </th>
            <td>{formatTime(Date.parse(attempt.startedAt))}</td>
            <td>
              {attempt.answered} of {attempt.questionCount}
            </td>
            <td>{attempt.finishedAt ? 'Finished' : 'Working'}</td>
            <td>
              {attempt.finishedAt && attempt.points !== null
                ? `${attempt.points} of ${attempt.questionCount}`
                : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
