import { Link } from 'react-router';
import { usePageTitle } from '@/hooks/use-page-title';
import { paths } from '@/navigation/paths';

/** What a damaged or tampered assignment link shows instead of a broken page. */
export function AssignmentProblem({ problem }: { problem: string }) {
  usePageTitle('Assignment link problem');
  return (
    <>
      <h1>This assignment link does not work</h1>
      <p className="notice notice--error" role="alert">
        The link cannot be used: {problem}. Ask your teacher for the link again, or copy it once more in full.
      </p>
      <p>
        <Link to={paths.home()}>Go to the home page</Link>
      </p>
    </>
  );
}
