import { Link } from 'react-router';
import { usePageTitle } from '@/hooks/use-page-title';
import { paths } from '@/navigation/paths';

/** Shown instead of a blank page when a screen fails to load (for example, offline) or throws. */
export function RouteErrorPage({ error }: { error: Error }) {
  usePageTitle('Something went wrong');
  // A message can quote whatever a link carried (thousands of characters): show its start only.
  const message = error.message.length > 200 ? `${error.message.slice(0, 200)}…` : error.message;
  return (
    <>
      <h1>Something went wrong</h1>
      <p className="notice notice--error" role="alert">
        This page could not be shown ({message}). Nothing you saved is lost.
      </p>
      <p>
        <Link to={paths.home()}>Go to the home page</Link> or reload the page.
      </p>
    </>
  );
}
