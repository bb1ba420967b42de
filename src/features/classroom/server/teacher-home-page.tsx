import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { usePageTitle } from '@/hooks/use-page-title';
import { plural } from '@/lib/plural';
import { paths } from '@/navigation/paths';
import { api } from './api-client';
import { ConfirmDelete } from './confirm-delete';
import type { ServerAssignment, ServerClass, Teacher } from './api-responses';
import { TeacherOnly } from './teacher-only';
import { useTeacherSessionStore } from './teacher-session';
import { useApiData } from './use-api-data';
import { whenOpen } from './assignment-times';
import '../classroom.css';

/** A signed-in teacher's classes (with their rosters) and assignments on the server. */
export function TeacherHomePage() {
  usePageTitle('My classes');
  return <TeacherOnly>{(teacher) => <TeacherHome teacher={teacher} />}</TeacherOnly>;
}

function TeacherHome({ teacher }: { teacher: Teacher }) {
  const navigate = useNavigate();
  const classes = useApiData(api.classes, []);
  const assignments = useApiData(api.assignments, []);

  async function signOut() {
    await api.signOut();
    useTeacherSessionStore.getState().signedOut();
    void navigate(paths.teacherSignIn());
  }

  return (
    <div className="teacher">
      <h1>My classes</h1>
      <p className="lead">
        Signed in as <strong>{teacher.email}</strong>. Results of server assignments come back here by
        themselves.
      </p>
      <div className="assignment__actions">
        <Link className="button" to={paths.serverAssignmentBuilder()}>
          New assignment
        </Link>
        <Link className="button button--secondary" to={paths.teacherDisputes()}>
          Disputes
        </Link>
        <Link className="button button--secondary" to={paths.teacherAccount()}>
          My account and data
        </Link>
        <button type="button" className="button button--secondary" onClick={() => void signOut()}>
          Sign out
        </button>
      </div>

      <h2>Assignments</h2>
      {assignments.loaded.state === 'loading' && <p role="status">Loading…</p>}
      {assignments.loaded.state === 'failed' && (
        <p className="notice notice--error" role="alert">
          {assignments.loaded.message}
        </p>
      )}
      {assignments.loaded.state === 'ready' && (
        <AssignmentList
          assignments={assignments.loaded.data}
          classes={classes.loaded.state === 'ready' ? classes.loaded.data : []}
        />
      )}

      <h2>Classes</h2>
      {classes.loaded.state === 'failed' && (
        <p className="notice notice--error" role="alert">
          {classes.loaded.message}
        </p>
      )}
      {classes.loaded.state === 'ready' && (
        <ClassList classes={classes.loaded.data} onDeleted={() => void classes.reload()} />
      )}
      <NewClassForm onCreated={() => void classes.reload()} />
    </div>
  );
}

function AssignmentList({
  assignments,
  classes,
}: {
  assignments: ServerAssignment[];
  classes: ServerClass[];
}) {
  if (assignments.length === 0) return <p className="muted">No assignments yet.</p>;
  const className = (id: string | null) => classes.find((klass) => klass.id === id)?.name;
  return (
    <ul className="teacher__list">
      {assignments.map((assignment) => (
        <li key={assignment.id} className="card">
          <h3 className="card__title">
            <Link to={paths.serverAssignment(assignment.id)}>{assignment.title}</Link>
          </h3>
          <p className="card__meta">
            {className(assignment.classId) ?? 'No class'} · {plural(assignment.ids.length, 'question')} ·{' '}
            {whenOpen(assignment)}
          </p>
        </li>
      ))}
    </ul>
  );
}

function ClassList({ classes, onDeleted }: { classes: ServerClass[]; onDeleted: () => void }) {
  if (classes.length === 0) return <p className="muted">No classes yet: create one below.</p>;
  return (
    <ul className="teacher__list">
      {classes.map((klass) => (
        <li key={klass.id} className="card">
          <h3 className="card__title">{klass.name}</h3>
          <details>
            <summary>{plural(klass.roster.length, 'student')} on the roster</summary>
            <ul className="teacher__roster">
              {klass.roster.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
          </details>
          <ConfirmDelete
            label={`Delete the class ${klass.name}…`}
            warning={`Delete the class “${klass.name}” and its roster? Its assignments and their results stay, with no class.`}
            onConfirm={async () => {
              const deleted = await api.deleteClass(klass.id);
              if (!deleted.ok) return deleted.message;
              onDeleted();
              return null;
            }}
          />
        </li>
      ))}
    </ul>
  );
}

function NewClassForm({ onCreated }: { onCreated: () => void }) {
  const ids = { name: useId(), roster: useId(), hint: useId() };
  const [name, setName] = useState('');
  const [roster, setRoster] = useState('');
  const [message, setMessage] = useState<{ isProblem: boolean; text: string } | null>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    const created = await api.createClass(name, roster);
    if (!created.ok) return setMessage({ isProblem: true, text: created.message });
    setMessage({
      isProblem: false,
      text: `Class “${created.data.name}” created with ${plural(created.data.roster.length, 'student')}.`,
    });
    setName('');
    setRoster('');
    onCreated();
  }

  return (
    <form className="card teacher__new-class" onSubmit={(event) => void create(event)} noValidate>
      <h3 className="card__title">New class</h3>
      <div className="field">
        <label htmlFor={ids.name}>Class name</label>
        <input
          id={ids.name}
          className="text-field"
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.roster}>Roster (optional)</label>
        <textarea
          id={ids.roster}
          className="text-field"
          rows={6}
          value={roster}
          aria-describedby={ids.hint}
          onChange={(e) => setRoster(e.target.value)}
        />
        <p id={ids.hint} className="muted">
          Paste the students’ names, one per line. Students pick theirs when they open an assignment.
        </p>
      </div>
      <p role="status" className={message ? (message.isProblem ? 'notice notice--error' : 'notice') : ''}>
        {message?.text}
      </p>
      <button type="submit" className="button">
        Create the class
      </button>
    </form>
  );
}
