import { useId, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { usePageTitle } from '@/hooks/use-page-title';
import { paths } from '@/navigation/paths';
import { api } from './api-client';
import '../classroom.css';

/** Where the administrator's one-time link leads: a new password, then sign in. */
export function SetPasswordPage() {
  usePageTitle('Set a password');
  const { hash } = useLocation();
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
  const ids = { password: useId(), hint: useId() };
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState('');
  const [isDone, setIsDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await api.setPassword(token, password);
    if (!result.ok) return setProblem(result.message);
    setIsDone(true);
  }

  if (isDone) {
    return (
      <div className="auth">
        <h1>Password set</h1>
        <p role="status">
          Your new password works now; every other session of your account has ended.{' '}
          <Link to={paths.teacherSignIn()}>Sign in</Link>
        </p>
      </div>
    );
  }
  return (
    <form className="auth" onSubmit={(event) => void submit(event)} noValidate>
      <h1>Set a password</h1>
      {token ? (
        <>
          <p className="lead">This link works once. Choose the password for your teacher account.</p>
          <div className="field">
            <label htmlFor={ids.password}>New password</label>
            <input
              id={ids.password}
              className="text-field"
              type="password"
              autoComplete="new-password"
              value={password}
              aria-describedby={ids.hint}
              onChange={(e) => setPassword(e.target.value)}
            />
            <p id={ids.hint} className="muted">
              At least 10 characters, not a common password, and not your email’s name.
            </p>
          </div>
          <p role="alert" className={problem ? 'notice notice--error' : ''}>
            {problem}
          </p>
          <button type="submit" className="button">
            Set the password
          </button>
        </>
      ) : (
        <p className="notice notice--error" role="alert">
          This link has no token: copy the whole link the administrator gave you, including what follows #.
        </p>
      )}
    </form>
  );
}
