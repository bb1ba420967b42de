import { Link } from 'react-router';
import { usePageTitle } from '@/hooks/use-page-title';
import { paths } from '@/navigation/paths';

type Props = {
  problem: string;
  /** Who reads it: a student opened a link they were given; a teacher opened their own. */
  reader: 'student' | 'teacher';
};

/** What a damaged or tampered assignment link shows instead of a broken page. */
export function AssignmentProblem({ problem, reader }: Props) {
  usePageTitle('Assignment link problem');
  return (
    <>
      <h1>This assignment link does not work</h1>
      <p className="notice notice--error" role="alert">
        The link cannot be used: {problem}.{' '}
        {reader === 'student'
          ? 'Ask your teacher for the link again, or copy it once more in full.'
          : 'Copy the link once more in full, or make the assignment again.'}
      </p>
      <p>
        {reader === 'teacher' && (
          <>
            <Link to={paths.assignmentBuilder()}>Make a new assignment</Link> or{' '}
          </>
        )}
        <Link to={paths.home()}>{reader === 'teacher' ? 'go to the home page' : 'Go to the home page'}</Link>
      </p>
    </>
  );
}
