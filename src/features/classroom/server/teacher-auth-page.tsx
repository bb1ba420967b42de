import { useId, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useHydrated } from '@/hooks/use-hydrated';
import { usePageTitle } from '@/hooks/use-page-title';
import { paths } from '@/navigation/paths';
import { safeBackPath } from '@/navigation/safe-back-path';
import { useServerInfoStore } from '@/stores/server-info-store';
import { api } from './api-client';
import { NoServer } from './teacher-only';
import { useTeacherSessionStore } from './teacher-session';
import '../classroom.css';

/** Sign in or sign up with an email and a password; the server says what is wrong, word for word. */
export function TeacherAuthPage({ kind }: { kind: 'sign-in' | 'sign-up' }) {
  const isSignUp = kind === 'sign-up';
  usePageTitle(isSignUp ? 'Create a teacher account' : 'Teacher sign-in');
  const info = useServerInfoStore();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const ids = { email: useId(), password: useId(), hint: useId() };
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const problemRef = useRef<HTMLParagraphElement>(null);
  // The sign-in page is built to HTML (prerender-page.tsx): until React has taken it over, typing
  // would be lost and the browser would send the form by itself, so nothing can be used yet.
  const isReady = useHydrated();

  if (info.status === 'absent') return <NoServer />;
  const isClosed = isSignUp && info.info?.allowSignup === false;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isBusy) return;
    setIsBusy(true);
    const result = isSignUp ? await api.signUp(email, password) : await api.signIn(email, password);
    setIsBusy(false);
    if (!result.ok) {
      setProblem(result.message);
      problemRef.current?.focus();
      return;
    }
    useTeacherSessionStore.getState().signedIn(result.data);
    void navigate(safeBackPath(searchParams.get('next')) ?? paths.teacher());
  }

  return (
    <form className="auth" onSubmit={(event) => void submit(event)} noValidate>
      <h1>{isSignUp ? 'Create a teacher account' : 'Teacher sign-in'}</h1>
      <p className="lead">
        {isSignUp
          ? 'An account on this server keeps your classes and assignments; students need no account.'
          : 'Sign in to see your classes, assignments and the results that come back from students.'}
      </p>
      {isClosed ? (
        <p className="notice" role="status">
          Sign-up is closed on this server. Ask its administrator for an account.
        </p>
      ) : (
        <>
          <div className="field">
            <label htmlFor={ids.email}>Email</label>
            <input
              id={ids.email}
              className="text-field"
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              disabled={!isReady}
              required
            />
          </div>
          <div className="field">
            <label htmlFor={ids.password}>Password</label>
            <input
              id={ids.password}
              className="text-field"
              type="password"
              autoComplete={isSignUp ? 'new-password' : 'current-password'}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-describedby={isSignUp ? ids.hint : undefined}
              disabled={!isReady}
              required
            />
            {isSignUp && (
              <p id={ids.hint} className="muted">
                At least 10 characters, not a common password, and not your email’s name.
              </p>
            )}
          </div>
          <p ref={problemRef} tabIndex={-1} role="alert" className={problem ? 'notice notice--error' : ''}>
            {problem}
          </p>
          <button type="submit" className="button" disabled={isBusy || !isReady}>
            {isSignUp ? 'Create the account' : 'Sign in'}
          </button>
        </>
      )}
      <p>
        {isSignUp ? (
          <>
            Already have an account? <Link to={paths.teacherSignIn()}>Sign in</Link>
          </>
        ) : (
          <>
            No account yet? <Link to={paths.teacherSignUp()}>Create one</Link>. Forgot the password? The
            server’s administrator can give you a one-time link.
          </>
        )}
      </p>
    </form>
  );
}
