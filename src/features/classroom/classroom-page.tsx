import { Link } from 'react-router';
import { usePageTitle } from '@/hooks/use-page-title';

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
            <Link to="/classroom/new">New assignment</Link>
          </h2>
          <p>Pick questions and settings, and share a link or a QR code. Students hand back a result code.</p>
        </li>
        <li className="card">
          <h2 className="card__title">
            <Link to="/classroom/report">Class report</Link>
          </h2>
          <p>
            Paste the result codes: scores, how each question went, and which passages the class has not
            understood.
          </p>
        </li>
        <li className="card">
          <h2 className="card__title">Projector and paper</h2>
          <p>
            Every assignment can be shown on the projector, a question at a time, or printed as worksheets
            with an answer key. Create the assignment first.
          </p>
        </li>
        <li className="card">
          <h2 className="card__title">
            <Link to="/export">Export to your LMS</Link>
          </h2>
          <p>
            GIFT and Moodle XML, QTI 3.0 for Canvas and Blackboard, Aiken, CSV or JSON, with explanations and
            sources.
          </p>
        </li>
        <li className="card">
          <h2 className="card__title">
            <Link to="/import">Import your own questions</Link>
          </h2>
          <p>From GIFT, Aiken, CSV or JSON. Each question joins once you have cited its passage.</p>
        </li>
      </ul>
    </>
  );
}
