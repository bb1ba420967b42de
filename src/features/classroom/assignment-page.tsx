import { Link } from 'react-router';
import { usePageTitle } from '@/hooks/use-page-title';
import { plural } from '@/lib/plural';
import { AssignmentProblem } from './assignment-problem';
import { StudentLinkShare } from './student-link-share';
import { useAssignmentFromHash } from './use-assignment';
import './classroom.css';
import { paths } from '@/navigation/paths';

/** The teacher's view of an assignment: the link and QR code to share, and what to do with it. */
export function AssignmentPage() {
  const loaded = useAssignmentFromHash();
  usePageTitle(loaded.ok ? `Assignment: ${loaded.assignment.title}` : undefined);
  if (!loaded.ok) return <AssignmentProblem problem={loaded.problem} reader="teacher" />;
  const { assignment, code, missingIds, heldBackIds } = loaded;
  const studentLink = `${window.location.origin}/a#${code}`;

  return (
    <div className="assignment">
      <h1>{assignment.title}</h1>
      <p className="lead">
        {plural(assignment.ids.length, 'question')} · {assignment.mode === 'test' ? 'test' : 'practice'} ·{' '}
        {assignment.minutes > 0 ? `${assignment.minutes} minutes` : 'no time limit'} ·{' '}
        {assignment.sameOrder ? 'same order for everyone' : 'each student their own order'}
      </p>
      {missingIds.length > 0 && (
        <p className="notice" role="status">
          {plural(missingIds.length, 'question')} of this assignment {missingIds.length === 1 ? 'is' : 'are'}{' '}
          no longer in the banks and will be left out.
        </p>
      )}
      {heldBackIds.length > 0 && (
        <p className="notice" role="status">
          {plural(heldBackIds.length, 'question')} of this assignment{' '}
          {heldBackIds.length === 1 ? 'is' : 'are'} left out: each asks the same fact as a question listed
          before it, or one gives the other’s answer away.
        </p>
      )}
      <StudentLinkShare
        link={studentLink}
        title={assignment.title}
        actions={
          <>
            <a className="button button--secondary" href={paths.studentStart(code)}>
              Open it as a student
            </a>
          </>
        }
      >
        <h2>Then</h2>
        <ul className="assignment__next">
          <li>
            <Link to={paths.projector(code)}>Show it on the projector</Link>
          </li>
          <li>
            <Link to={paths.print(code)}>Print worksheets</Link> and{' '}
            <Link to={paths.print(code, { isAnswerKey: true })}>the answer key</Link>
          </li>
          <li>
            <Link to={paths.export(code)}>Export its questions</Link> to Moodle, Canvas or a spreadsheet
          </li>
          <li>
            Collect the result codes students get at the end, and paste them into the{' '}
            <Link to={paths.classReport()}>class report</Link>
          </li>
        </ul>
      </StudentLinkShare>
    </div>
  );
}
