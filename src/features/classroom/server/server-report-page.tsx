import { Link, useParams } from 'react-router';
import { usePageTitle } from '@/hooks/use-page-title';
import { paths } from '@/navigation/paths';
import { ReportView } from '../class-report-page';
import { api } from './api-client';
import { formatTime } from './assignment-times';
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
      <RegradeList id={id} />
    </div>
  );
}

/** Every accepted change that regraded this assignment: what, who, when, and each answer before and after. */
function RegradeList({ id }: { id: string }) {
  const { loaded } = useApiData(api.regrades, [id]);
  if (loaded.state !== 'ready' || loaded.data.length === 0) return null;
  return (
    <section aria-labelledby="regrades-title">
      <h2 id="regrades-title">Regraded after disputes</h2>
      {loaded.data.map((change) => (
        <table key={change.id} className="report__table">
          <caption>
            {change.questionId}: changed by {change.changedBy} on {formatTime(Date.parse(change.changedAt))}
          </caption>
          <thead>
            <tr>
              <th scope="col">Student</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {change.answers.map((answer, index) => (
              <tr key={index}>
                <th scope="row">
                  {answer.student}
                  {answer.attemptNumber > 1 ? ` (attempt ${answer.attemptNumber})` : ''}
                </th>
                <td>
                  {answer.before.points} ({answer.before.verdict})
                </td>
                <td>
                  {answer.after.points} ({answer.after.verdict})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
