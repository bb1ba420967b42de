import { Link } from 'react-router';
import { usePageTitle } from '@/hooks/use-page-title';
import { paths } from '@/navigation/paths';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may be mistyped, or the link may be out of date.</p>
      <p>
        <Link to={paths.home()}>Go to the home page</Link>
      </p>
    </>
  );
}
