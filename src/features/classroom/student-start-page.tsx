import { ASSIGNMENT_LIMITS } from '@/domain/assignment';
import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { usePageTitle } from '@/hooks/use-page-title';
import { plural } from '@/lib/plural';
import { AssignmentProblem } from './assignment-problem';
import { useStudentNameStore } from './student-name-store';
import { useAssignmentFromHash } from './use-assignment';
import './classroom.css';
import { paths } from '@/navigation/paths';

/** Where a student lands from the teacher's link or QR code: what the assignment is, and their name. */
export function StudentStartPage() {
  const loaded = useAssignmentFromHash();
  const savedName = useStudentNameStore((state) => state.name);
  const [name, setName] = useState(savedName);
  const [isAsking, setIsAsking] = useState(false);
  const navigate = useNavigate();
  const nameId = useId();
  usePageTitle(loaded.ok ? loaded.assignment.title : undefined);
  if (!loaded.ok) return <AssignmentProblem problem={loaded.problem} reader="student" />;
  const { assignment, code } = loaded;

  function start(event: FormEvent) {
    event.preventDefault();
    const student = name.trim();
    if (!student) return setIsAsking(true);
    useStudentNameStore.getState().nameEntered(student);
    void navigate(paths.quizPlay(new URLSearchParams({ assignment: code, student })));
  }

  return (
    <form className="student-start card" onSubmit={start} noValidate>
      <p className="muted">Assignment</p>
      <h1>{assignment.title}</h1>
      <ul className="student-start__facts">
        <li>{plural(assignment.ids.length, 'question')}</li>
        <li>
          {assignment.mode === 'practice'
            ? 'Practice: you see whether each answer is right as you go'
            : 'Test: you see your results at the end'}
        </li>
        <li>
          {assignment.minutes > 0
            ? `Time limit: ${plural(assignment.minutes, 'minute')} (you can ask for more)`
            : 'No time limit'}
        </li>
      </ul>
      <label htmlFor={nameId} className="student-start__label">
        Your name or nickname
      </label>
      <input
        id={nameId}
        className="text-field"
        value={name}
        maxLength={ASSIGNMENT_LIMITS.studentNameLength}
        autoComplete="name"
        aria-describedby={isAsking ? `${nameId}-problem` : undefined}
        aria-invalid={isAsking}
        onChange={(event) => {
          setName(event.target.value);
          setIsAsking(false);
        }}
      />
      {isAsking && (
        <p id={`${nameId}-problem`} className="notice notice--error" role="alert">
          Type your name, so your teacher knows whose answers these are.
        </p>
      )}
      <p className="muted">Your name goes into the result code you hand back; nothing is sent anywhere.</p>
      <button type="submit" className="button">
        Start
      </button>
    </form>
  );
}
