import { useId, useState, type ChangeEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { buildClassReport, type ClassReport } from '@/engine/class-report';
import { useSourceTitle } from '@/hooks/use-content';
import { useQuestions } from '@/hooks/use-questions';
import { usePageTitle } from '@/hooks/use-page-title';
import { downloadText } from '@/lib/download-text';
import { plural } from '@/lib/plural';
import type { ResultLineProblem } from '@/content/read-result-codes';
import { readTextFile } from '@/lib/read-text-file';
import { readResultCodesAsync } from './read-result-codes-async';
import { paths } from '@/navigation/paths';
import { readHashCode } from '@/navigation/read-hash';
import { classReportCsv } from '@/formats/class-report-csv';
import './classroom.css';

type Shown = { title: string; report: ClassReport; problems: ResultLineProblem[]; mergedCount: number };

const percent = (share: number) => `${Math.round(share * 100)}%`;
/** A class's codes are a few hundred kilobytes at most; a larger file is not one. */
const MAX_FILE_BYTES = 5_000_000;
/** Problems listed one by one; past this, a count (a wrong file gives one per line). */
const PROBLEMS_LISTED = 50;

/** The teacher pastes result codes and sees the class: scores, questions, and what was not understood. */
export function ClassReportPage() {
  usePageTitle('Class report');
  const { hash } = useLocation();
  const pool = useQuestions([], { withMyQuestions: false });
  const fieldId = useId();
  const [text, setText] = useState(() => readHashCode(hash));
  const [shown, setShown] = useState<Shown | { problems: ResultLineProblem[]; mergedCount: number } | null>(
    null,
  );
  const [isReading, setIsReading] = useState(false);
  const [fileProblem, setFileProblem] = useState('');

  async function show() {
    setIsReading(true);
    setFileProblem('');
    try {
      const { results, problems, mergedCount } = await readResultCodesAsync(text);
      const first = results[0];
      if (!first) return setShown({ problems, mergedCount });
      const questionsById = new Map(pool.map((question) => [question.id, question]));
      const report = buildClassReport(first.assignment.ids, results, questionsById);
      setShown({ title: first.assignment.title, report, problems, mergedCount });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setFileProblem(`The codes could not be read (${reason}). Try again, or paste fewer at a time.`);
    } finally {
      setIsReading(false);
    }
  }

  async function loadFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const read = await readTextFile(file, MAX_FILE_BYTES);
    setFileProblem(read.ok ? '' : `${read.problem}. Choose the text file your result codes are in.`);
    if (read.ok) setText(read.text);
  }

  return (
    <div className="report">
      <h1>Class report</h1>
      <p className="lead">
        Paste the result codes your students gave you, one per line, or load a text file of them.
      </p>
      <div className="field">
        <label htmlFor={fieldId}>Result codes</label>
        <textarea
          id={fieldId}
          className="text-field report__codes"
          rows={6}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div className="report__inputs">
        <label className="button button--secondary">
          Load a text file
          <input
            type="file"
            accept=".txt,text/plain"
            className="visually-hidden"
            onChange={(e) => void loadFile(e)}
          />
        </label>
        <button type="button" className="button" onClick={() => void show()} disabled={isReading}>
          Show the report
        </button>
      </div>
      {fileProblem && (
        <p className="notice notice--error" role="alert">
          {fileProblem}
        </p>
      )}

      <div role="status">
        {isReading && <p>Reading the result codes…</p>}
        {shown && shown.problems.length > 0 && (
          <div className="notice notice--error">
            <p>
              {plural(shown.problems.length, 'line')} could not be used
              {'report' in shown ? '; the others are in the report:' : ':'}
            </p>
            <ul>
              {shown.problems.slice(0, PROBLEMS_LISTED).map(({ line, problem }) => (
                <li key={line}>
                  Line {line}: {problem}.
                </li>
              ))}
              {shown.problems.length > PROBLEMS_LISTED && (
                <li>and {plural(shown.problems.length - PROBLEMS_LISTED, 'more line')} with a problem.</li>
              )}
            </ul>
          </div>
        )}
        {shown && shown.mergedCount > 0 && (
          <p className="muted">
            {plural(shown.mergedCount, 'student')} sent more than one result; their latest counts.
          </p>
        )}
        {shown && !('report' in shown) && <p className="notice">No result codes to report on yet.</p>}
      </div>

      {shown && 'report' in shown && <ReportView title={shown.title} report={shown.report} />}
    </div>
  );
}

/** Scores, distribution, passages not understood and questions, with the CSV: the same for link and server reports. */
export function ReportView({
  title,
  report,
  csvHref,
}: {
  title: string;
  report: ClassReport;
  /** The server's own CSV of the report; without it the CSV is made here. */
  csvHref?: string;
}) {
  const sourceTitle = useSourceTitle();
  const average = report.students.length
    ? Math.round(report.students.reduce((sum, s) => sum + s.percent, 0) / report.students.length)
    : 0;
  const mostInBand = Math.max(1, ...report.distribution.map((band) => band.count));
  return (
    <section aria-labelledby="report-title" className="report__result">
      <h2 id="report-title">
        “{title}”: {plural(report.students.length, 'student')}, average {average}%
      </h2>
      {csvHref ? (
        <a className="button button--secondary" href={csvHref} download>
          Download as CSV
        </a>
      ) : (
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            downloadText(
              `${title.replace(/[^\p{L}\p{N}]+/gu, '-')}-report.csv`,
              classReportCsv(report),
              'text/csv',
            )
          }
        >
          Download as CSV
        </button>
      )}
      {report.missingIds.length > 0 && (
        <p className="notice">
          {plural(report.missingIds.length, 'question')} of the assignment are no longer in the banks and are
          not scored.
        </p>
      )}

      <h3>Students</h3>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Student</th>
            <th scope="col">Points</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          {report.students.map((score) => (
            <tr key={score.student}>
              <th scope="row">{score.student}</th>
              <td>
                {score.points} of {score.maxPoints}
              </td>
              <td>{score.percent}%</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>Score distribution</h3>
      <ul className="distribution">
        {report.distribution.map((band) => (
          <li key={band.from}>
            <span className="distribution__label">
              {band.from}–{band.to}%
            </span>
            <span
              className="distribution__bar"
              style={{ width: `${(100 * band.count) / mostInBand}%` }}
              aria-hidden="true"
            />
            <span>{plural(band.count, 'student')}</span>
          </li>
        ))}
      </ul>

      <h3>Passages the class has not understood</h3>
      <p className="muted">Ranked by the share of wrong answers to the questions that cite them.</p>
      <ol className="passage-ranking">
        {report.passages.map((entry) => (
          <li key={`${entry.source}/${entry.passage}`}>
            <strong>{percent(entry.shareWrong)} wrong</strong> over {plural(entry.answerCount, 'answer')} ·{' '}
            <Link to={paths.passage(entry.source, entry.passage, { quote: entry.quote })}>
              {sourceTitle(entry.source)}, {entry.passage}
            </Link>
            <blockquote className="citation__quote">{entry.quote}</blockquote>
          </li>
        ))}
      </ol>

      <h3>Questions</h3>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Question</th>
            <th scope="col">Right</th>
            <th scope="col">Most chosen wrong answer</th>
          </tr>
        </thead>
        <tbody>
          {report.questions.map((entry, index) => (
            <tr key={entry.id}>
              <td>{index + 1}</td>
              <th scope="row">
                {entry.question?.prompt ?? `${entry.id} (no longer in the banks)`}
                {entry.question?.citations[0] && (
                  <>
                    {' '}
                    <Link
                      to={paths.passage(
                        entry.question.citations[0].source,
                        entry.question.citations[0].passage,
                        { quote: entry.question.citations[0].quote },
                      )}
                      className="muted"
                    >
                      (source)
                    </Link>
                  </>
                )}
              </th>
              <td>{percent(entry.shareRight)}</td>
              <td>
                {entry.mostChosenWrong
                  ? `${entry.mostChosenWrong.text} (${entry.mostChosenWrong.count})`
                  : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
