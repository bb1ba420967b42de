import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { usePageTitle } from '@/hooks/use-page-title';
import { paths } from '@/navigation/paths';
import { api } from './api-client';
import type { Teacher } from './api-responses';
import { TeacherOnly } from './teacher-only';
import { useTeacherSessionStore } from './teacher-session';
import '../classroom.css';

/** Everything the teacher owns as one JSON file, and deleting the account with all of it. */
export function TeacherAccountPage() {
  usePageTitle('My account');
  return <TeacherOnly>{(teacher) => <TeacherAccount teacher={teacher} />}</TeacherOnly>;
}

function TeacherAccount({ teacher }: { teacher: Teacher }) {
  const navigate = useNavigate();
  const passwordId = useId();
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState('');

  async function deleteAccount(event: FormEvent) {
    event.preventDefault();
    const deleted = await api.deleteAccount(password);
    if (!deleted.ok) {
      return setProblem(deleted.message);
    }
    // Signed out, this page gives way to the sign-in page (as every teacher page does).
    useTeacherSessionStore.getState().signedOut();
    void navigate(paths.teacherSignIn());
  }

  return (
    <div className="teacher">
      <h1>My account</h1>
      <p className="lead">
        Signed in as <strong>{teacher.email}</strong>. <Link to={paths.teacher()}>Back to my classes</Link>
      </p>
      <section className="card">
        <h2 className="card__title">Download my data</h2>
        <p>Your account, classes, assignments, and every student attempt and answer, as one JSON file.</p>
        <a
          className="button button--secondary"
          href={paths.api.accountExport()}
          download="my-classroom-data.json"
        >
          Download my data
        </a>
      </section>
      <form className="card teacher__danger" onSubmit={(event) => void deleteAccount(event)} noValidate>
        <h2 className="card__title">Delete my account</h2>
        <p>
          This deletes the account with all its classes, assignments and student results, at once and for
          good. Download your data first if you may need it.
        </p>
        <div className="field">
          <label htmlFor={passwordId}>Your password, to confirm</label>
          <input
            id={passwordId}
            type="password"
            autoComplete="current-password"
            className="text-field"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <p role="alert" className={problem ? 'notice notice--error' : ''}>
          {problem}
        </p>
        <button type="submit" className="button button--danger">
          Delete my account and all its data
        </button>
      </form>
    </div>
  );
}
