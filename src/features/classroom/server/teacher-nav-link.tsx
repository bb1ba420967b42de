import { useEffect } from 'react';
import { NavLink } from 'react-router';
import { paths } from '@/navigation/paths';
import { useServerInfoStore } from '@/stores/server-info-store';
import { askWhoIsSignedIn, useTeacherSessionStore } from './teacher-session';

/**
 * The main menu's way to a signed-in teacher's classes, shown only when a classroom server answered
 * and a teacher is signed in on it; with no server nothing is asked and nothing shows.
 */
export function TeacherNavLink() {
  const isServerPresent = useServerInfoStore((state) => state.status === 'present');
  const status = useTeacherSessionStore((state) => state.status);
  useEffect(() => {
    if (isServerPresent && status === 'unknown') void askWhoIsSignedIn();
  }, [isServerPresent, status]);
  if (!isServerPresent || status !== 'signed-in') return null;
  return (
    <li>
      <NavLink to={paths.teacher()}>My classes</NavLink>
    </li>
  );
}
