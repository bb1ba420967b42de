import { Suspense } from 'react';
import { Link } from 'react-router';
import { QuickProjectorForm } from './quick-projector-form';
import './classroom.css';
import { usePageTitle } from '@/hooks/use-page-title';
import { paths } from '@/navigation/paths';

/** Where a teacher starts: the three ways a class works, none of which needs an account or a server. */
export function ClassroomPage() {
  usePageTitle('Classroom');
  return (
    <>
      <h1>Classroom</h1>
      <p className="lead">
        Run these quizzes with a class: on every student's device, on the projector, or on paper. Everything
        lives in links and codes; there are no accounts and nothing is sent to a server.
      </p>
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
