import { useId, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { SelectField } from '@/components/select-field';
import { usePageTitle } from '@/hooks/use-page-title';
import { plural } from '@/lib/plural';
import { api, sentence } from './api-client';
import { formatTime } from './assignment-times';
import type { StudentAssignment } from './api-responses';
import { StudentAttemptView } from './student-attempt-view';
import { useStudentAttemptStore } from './student-attempt-store';
import { useApiData } from './use-api-data';
import '../classroom.css';
import '../../quiz/quiz.css';

const NOT_LISTED = '\u0000not-listed';

/** What a student opens from the link or QR code: their name, then the quiz, graded by the server. */
export function StudentAssignmentPage() {
  const { assignmentId = '' } = useParams();
  const local = useStudentAttemptStore((state) => state.attempts[assignmentId]);
  if (local) return <StudentAttemptView assignmentId={assignmentId} local={local} />;
  return <StudentStart assignmentId={assignmentId} />;
}

function StudentStart({ assignmentId }: { assignmentId: string }) {
  const { loaded } = useApiData(api.studentAssignment, [assignmentId]);
  usePageTitle(loaded.state === 'ready' ? loaded.data.title : 'Assignment');
  if (loaded.state === 'loading') return <p role="status">Loading the assignment…</p>;
  if (loaded.state === 'failed') {
    return (
      <>
        <h1>This assignment cannot be opened</h1>
        <p className="notice notice--error" role="alert">
          {loaded.status === 404
            ? 'There is no assignment at this link. Check the link with your teacher.'
            : loaded.message}
        </p>
      </>
    );
  }
  const assignment = loaded.data;
  return (
    <div className="student-start">
      <h1>{assignment.title}</h1>
      <p className="lead">
        {plural(assignment.questionCount, 'question')} ·{' '}
        {assignment.mode === 'test' ? 'test: results at the end' : 'practice: feedback after each answer'} ·{' '}
        {assignment.minutes > 0 ? `${assignment.minutes} minutes` : 'no time limit'}
      </p>
      {assignment.isOpen ? (
        <>
          <NameForm assignment={assignment} />
          <ResumeForm assignmentId={assignment.id} />
        </>
      ) : (
        <p className="notice notice--error" role="alert">
          {closedSentence(assignment)}
        </p>
      )}
    </div>
  );
}

/** Why a student cannot start, in their words: not open yet, or closed (the server decides which). */
function closedSentence(assignment: StudentAssignment): string {
  const isNotYetOpen = assignment.whyClosed?.includes('opens') ?? false;
  if (isNotYetOpen && assignment.opensAt) {
    return `This assignment opens on ${formatTime(Date.parse(assignment.opensAt))}. Come back then.`;
  }
  if (assignment.closesAt) {
    return `This assignment closed on ${formatTime(Date.parse(assignment.closesAt))}; it no longer takes answers. Ask your teacher if you think it should still be open.`;
  }
  return sentence(assignment.whyClosed ?? 'this assignment is not open');
}

function NameForm({ assignment }: { assignment: StudentAssignment }) {
  const typedId = useId();
  const hasRoster = assignment.roster.length > 0;
  const [picked, setPicked] = useState('');
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const isTyping = !hasRoster || picked === NOT_LISTED;

  async function start(event: FormEvent) {
    event.preventDefault();
    const name = isTyping ? typed.trim() : picked;
    if (!name) return setProblem(hasRoster ? 'Choose your name first.' : 'Type your name first.');
    setIsBusy(true);
    const started = await api.startAttempt(assignment.id, name);
    setIsBusy(false);
    if (!started.ok) return setProblem(started.message);
    useStudentAttemptStore
      .getState()
      .attemptStarted(assignment.id, started.data.attempt, started.data.resumeCode);
  }

  return (
    <form className="card" onSubmit={(event) => void start(event)} noValidate>
      <h2 className="card__title">Who are you?</h2>
      {hasRoster && (
        <SelectField
          label="Your name"
          value={picked}
          onChange={setPicked}
          anyLabel="Choose your name"
          options={[
            ...assignment.roster.map((name) => ({ value: name, label: name })),
            { value: NOT_LISTED, label: 'My name is not on the list' },
          ]}
        />
      )}
      {isTyping && (
        <div className="field">
          <label htmlFor={typedId}>{hasRoster ? 'Type your name' : 'Your name'}</label>
          <input
            id={typedId}
            className="text-field"
            autoComplete="name"
            maxLength={80}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
        </div>
      )}
      <p role="alert" className={problem ? 'notice notice--error' : ''}>
        {problem}
      </p>
      <button type="submit" className="button" disabled={isBusy}>
        Start
      </button>
    </form>
  );
}

function ResumeForm({ assignmentId }: { assignmentId: string }) {
  const codeId = useId();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState('');

  async function resume(event: FormEvent) {
    event.preventDefault();
    const resumed = await api.resume(assignmentId, code);
    if (!resumed.ok) {
      return setProblem(
        resumed.status === 404 ? 'No attempt has this resume code. Check it and try again.' : resumed.message,
      );
    }
    useStudentAttemptStore.getState().attemptStarted(assignmentId, resumed.data, null);
  }

  return (
    <details className="student-start__resume">
      <summary>Started on another device? Carry on with your resume code</summary>
      <form onSubmit={(event) => void resume(event)} noValidate>
        <div className="field">
          <label htmlFor={codeId}>Resume code</label>
          <input
            id={codeId}
            className="text-field text-field--short"
            autoComplete="off"
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </div>
        <p role="alert" className={problem ? 'notice notice--error' : ''}>
          {problem}
        </p>
        <button type="submit" className="button button--secondary">
          Carry on
        </button>
      </form>
    </details>
  );
}
