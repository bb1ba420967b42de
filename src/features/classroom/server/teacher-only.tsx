import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PageLoading } from '@/components/page-loading';
import { paths } from '@/navigation/paths';
import { useServerInfoStore } from '@/stores/server-info-store';
import { useTeacherSession } from './teacher-session';
import type { Teacher } from './api-responses';

/** A teacher's page: shown to a signed-in teacher, otherwise the sign-in page (coming back after). */
export function TeacherOnly({ children }: { children: (teacher: Teacher) => ReactNode }) {
  const serverStatus = useServerInfoStore((state) => state.status);
  const { status, teacher } = useTeacherSession();
  const { pathname } = useLocation();
  if (serverStatus === 'absent') return <NoServer />;
  if (status === 'signed-out') return <Navigate to={paths.teacherSignIn(pathname)} replace />;
  if (!teacher) return <PageLoading />;
  return children(teacher);
}

/** What a server page says on static hosting, offline, or an old link. */
export function NoServer() {
  return (
    <>
      <h1>No classroom server here</h1>
      <p className="notice" role="status">
        This copy of the app runs without a server (or the server cannot be reached), so accounts, classes and
        server assignments are not available. Assignments by link and result code still work from the
        Classroom page.
      </p>
    </>
  );
}
