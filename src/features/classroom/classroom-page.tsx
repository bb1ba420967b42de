import { Suspense } from 'react';
import { Link } from 'react-router';
import { QuickProjectorForm } from './quick-projector-form';
import './classroom.css';
import { usePageTitle } from '@/hooks/use-page-title';
import { paths } from '@/navigation/paths';
import { useServerInfoStore } from '@/stores/server-info-store';

/** Where a teacher starts: the three ways a class works, none of which needs an account or a server. */
export function ClassroomPage() {
  usePageTitle('Classroom');
  const hasServer = useServerInfoStore((state) => state.status === 'present');
  return (
    <>
      <h1>Classroom</h1>
      <p className="lead">
        Run these quizzes with a class: on every student's device, on the projector, or on paper. The ways
        below live in links and codes: no accounts, nothing sent to a server. A result code catches copying
        mistakes, not cheating.
      </p>
      {hasServer && (
        <section className="card classroom__server" aria-labelledby="server-title">
          <h2 id="server-title" className="card__title">
            Classes on this server
          </h2>
          <p>
            This copy of the app runs with a classroom server. With a teacher account, students open a link or
            QR code, every answer is graded by the server, and the results come back to you by themselves.
          </p>
          <p className="assignment__actions">
            <Link className="button" to={paths.teacher()}>
              My classes
            </Link>
            <Link className="button button--secondary" to={paths.teacherSignUp()}>
              Create a teacher account
            </Link>
          </p>
        </section>
      )}
      <ul className="card-grid">
        <li className="card">
          <h2 className="card__title">
            <Link to={paths.assignmentBuilder()}>New assignment</Link>
          </h2>
          <p>Pick questions and settings, and share a link or a QR code. Students hand back a result code.</p>
        </li>
        <li className="card">
          <h2 className="card__title">
            <Link to={paths.classReport()}>Class report</Link>
          </h2>
          <p>
            Paste the result codes: scores, how each question went, and which passages the class has not
            understood.
          </p>
        </li>
        <li className="card">
          <h2 className="card__title">Quick quiz on the projector</h2>
          <p>
            A question at a time, in large type; reveal each answer with its source. No assignment needed.
          </p>
          <Suspense fallback={<p role="status">Loading…</p>}>
            <QuickProjectorForm />
          </Suspense>
        </li>
        <li className="card">
          <h2 className="card__title">Paper</h2>
          <p>Every assignment prints as worksheets with a separate answer key, from its page.</p>
        </li>
        <li className="card">
          <h2 className="card__title">
            <Link to={paths.export()}>Export to your LMS</Link>
          </h2>
          <p>
            GIFT and Moodle XML, QTI 3.0 for Canvas and Blackboard, Aiken, CSV or JSON, with explanations and
            sources.
          </p>
        </li>
        <li className="card">
          <h2 className="card__title">
            <Link to={paths.import()}>Import your own questions</Link>
          </h2>
          <p>From GIFT, Aiken, CSV or JSON. Each question joins once you have cited its passage.</p>
        </li>
      </ul>
    </>
  );
}
