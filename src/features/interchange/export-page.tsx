import { useId, useState } from 'react';
import { readHashCode } from '@/navigation/read-hash';
import { useLocation } from 'react-router';
import { EXPORTERS, EXPORT_FORMATS, type ExportFormat } from '@/formats/formats';
import type { SkippedQuestion } from '@/formats/format-types';
import { SelectField } from '@/components/select-field';
import { useCatalog, useSources } from '@/hooks/use-content';
import { useQuestions } from '@/hooks/use-questions';
import { usePageTitle } from '@/hooks/use-page-title';
import { decodeAssignment } from '@/content/classroom-codes';
import { downloadText } from '@/lib/download-text';
import { plural } from '@/lib/plural';
import { MY_QUESTIONS_BANK, useMyQuestionsStore } from '@/stores/my-questions-store';
import './interchange.css';

const FORMAT_NAMES: Record<ExportFormat, string> = {
  gift: 'GIFT (Moodle text format)',
  'moodle-xml': 'Moodle XML',
  qti: 'QTI 3.0 package (Canvas, Blackboard…), a zip',
  aiken: 'Aiken (single choice only)',
  csv: 'CSV for spreadsheets',
  'csv-semicolon': 'CSV with semicolons (spreadsheets in French, Dutch or German)',
  json: 'JSON (this app’s own format)',
};
const MIME: Record<ExportFormat, string> = {
  gift: 'text/plain',
  'moodle-xml': 'application/xml',
  qti: 'application/zip',
  aiken: 'text/plain',
  csv: 'text/csv',
  'csv-semicolon': 'text/csv',
  json: 'application/json',
};

type Outcome =
  | { fileName: string; count: number; skipped: SkippedQuestion[]; changed: SkippedQuestion[] }
  | { problem: string };

/** Downloads the questions (all, one bank, or an assignment's) in a format an LMS imports. */
export function ExportPage() {
  usePageTitle('Export questions');
  const { hash } = useLocation();
  const catalog = useCatalog();
  const { sources } = useSources();
  // Built-in questions and My questions: a teacher exports what they wrote too.
  const all = useQuestions();
  const mine = useMyQuestionsStore((state) => state.questions);
  const assignmentId = useId();
  const [scope, setScope] = useState<'all' | 'bank' | 'assignment'>(hash ? 'assignment' : 'all');
  const [bank, setBank] = useState(catalog.banks[0]?.id ?? '');
  const [assignmentText, setAssignmentText] = useState(readHashCode(hash));
  const [format, setFormat] = useState<ExportFormat>('gift');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const banks = [
    ...catalog.banks,
    ...(mine.length ? [{ id: MY_QUESTIONS_BANK, title: 'My questions' }] : []),
  ];

  function questionsInScope() {
    if (scope === 'bank')
      return { ok: true as const, questions: all.filter((q) => q.bank === bank), name: bank };
    if (scope === 'assignment') {
      const decoded = decodeAssignment(assignmentText.trim().replace(/^.*#/, ''));
      if (!decoded.ok)
        return {
          ok: false as const,
          problem: `The assignment cannot be read: ${decoded.problem}. Paste the whole link, as it was shared, and download again.`,
        };
      const byId = new Map(all.map((q) => [q.id, q]));
      const questions = decoded.value.ids.flatMap((id) => byId.get(id) ?? []);
      return {
        ok: true as const,
        questions,
        name: decoded.value.title.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase(),
      };
    }
    return { ok: true as const, questions: all, name: 'source-quiz' };
  }

  function download() {
    const chosen = questionsInScope();
    if (!chosen.ok) return setOutcome({ problem: chosen.problem });
    const result = EXPORTERS[format]({
      questions: chosen.questions,
      sources,
      banks,
      baseName: chosen.name,
    });
    const file = result.files[0];
    if (!file)
      return setOutcome({
        problem:
          'Nothing was downloaded: none of these questions can be written in this format. Choose another format (JSON keeps every question).',
      });
    downloadText(file.name, file.content, MIME[format]);
    setOutcome({
      fileName: file.name,
      count: chosen.questions.length - result.skipped.length,
      skipped: result.skipped,
      changed: result.changed ?? [],
    });
  }

  return (
    <div className="interchange">
      <h1>Export questions</h1>
      <p className="lead">
        Take the questions to Moodle, Canvas, Blackboard or a spreadsheet, with their explanations and the
        quoted source passages.
      </p>
      <fieldset className="option-group">
        <legend>Which questions</legend>
        <div className="option-group__options option-group__options--stacked">
          <label className="option">
            <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} />
            All {plural(all.length, 'question')}
          </label>
          <label className="option">
            <input type="radio" name="scope" checked={scope === 'bank'} onChange={() => setScope('bank')} />
            One bank
          </label>
          {scope === 'bank' && (
            <SelectField
              label="Bank"
              value={bank}
              onChange={setBank}
              options={banks.map((b) => ({ value: b.id, label: b.title }))}
            />
          )}
          <label className="option">
            <input
              type="radio"
              name="scope"
              checked={scope === 'assignment'}
              onChange={() => setScope('assignment')}
            />
            The questions of an assignment
          </label>
          {scope === 'assignment' && (
            <div className="field">
              <label htmlFor={assignmentId}>Assignment link or code</label>
              <input
                id={assignmentId}
                className="text-field"
                value={assignmentText}
                onChange={(e) => setAssignmentText(e.target.value)}
              />
            </div>
          )}
        </div>
      </fieldset>
      <SelectField
        label="Format"
        value={format}
        onChange={(value) => setFormat(EXPORT_FORMATS.find((name) => name === value) ?? 'gift')}
        options={EXPORT_FORMATS.map((name) => ({ value: name, label: FORMAT_NAMES[name] }))}
      />
      <button type="button" className="button" onClick={download}>
        Download
      </button>
      <div role="status" className="interchange__outcome">
        {outcome && 'problem' in outcome && <p className="notice notice--error">{outcome.problem}</p>}
        {outcome && 'fileName' in outcome && (
          <>
            <p>
              Saved {outcome.fileName} with {plural(outcome.count, 'question')}.
            </p>
            {outcome.skipped.length > 0 && (
              <div className="notice">
                <p>{plural(outcome.skipped.length, 'question')} could not be expressed in this format:</p>
                <ul>
                  {outcome.skipped.map((entry) => (
                    <li key={entry.questionId}>
                      {entry.questionId}: {entry.reason}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {outcome.changed.length > 0 && (
              <div className="notice">
                <p>{plural(outcome.changed.length, 'question')} changed to fit this format:</p>
                <ul>
                  {outcome.changed.map((entry) => (
                    <li key={entry.questionId}>
                      {entry.questionId}: {entry.reason}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </>
        )}
      </div>
    </div>
  );
}
