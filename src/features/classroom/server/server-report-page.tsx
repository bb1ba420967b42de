import { Link, useParams } from 'react-router';
import { usePageTitle } from '@/hooks/use-page-title';
import { paths } from '@/navigation/paths';
import { ReportView } from '../class-report-page';
import { api } from './api-client';
import { TeacherOnly } from './teacher-only';
import { useApiData } from './use-api-data';
import '../classroom.css';

/** The class report of a server assignment, built by the server with the same engine as the link mode. */
export function ServerReportPage() {
  const { assignmentId = '' } = useParams();
  usePageTitle('Class report');
  return <TeacherOnly>{() => <ServerReport id={assignmentId} />}</TeacherOnly>;
}

function ServerReport({ id }: { id: string }) {
  const assignment = useApiData(api.assignment, [id]);
  const report = useApiData(api.report, [id]);
  const failed = [assignment.loaded, report.loaded].find((loaded) => loaded.state === 'failed');
  return (
    <div className="report">
      <h1>Class report</h1>
      <p>
        <Link to={paths.serverAssignment(id)}>Back to the assignment</Link>
      </p>
      {failed?.state === 'failed' && (
        <p className="notice notice--error" role="alert">
          {failed.status === 404 ? 'There is no such assignment among yours.' : failed.message}
        </p>
      )}
      {!failed && (assignment.loaded.state !== 'ready' || report.loaded.state !== 'ready') && (
        <p role="status">Loading…</p>
      )}
      {assignment.loaded.state === 'ready' &&
        report.loaded.state === 'ready' &&
        (report.loaded.data.students.length === 0 ? (
          <p className="notice">No student has finished this assignment yet.</p>
        ) : (
          <ReportView
            title={assignment.loaded.data.title}
            report={report.loaded.data}
            csvHref={paths.api.reportCsv(id)}
          />
        ))}
    </div>
  );
}
