import { useId, useState, type ChangeEvent } from 'react';
import { Link } from 'react-router';
import { IMPORTERS, IMPORT_FORMATS, importFormatOf, type ImportFormat } from '@/formats/formats';
import type { ImportResult } from '@/formats/format-types';
import { decodeImportText } from '@/formats/decode-text';
import { useCatalog } from '@/hooks/use-content';
import { useQuestionFacets } from '@/hooks/use-questions';
import { usePageTitle } from '@/hooks/use-page-title';
import { downloadText } from '@/lib/download-text';
import { plural } from '@/lib/plural';
import { MY_QUESTIONS_BANK, useMyQuestionsStore } from '@/stores/my-questions-store';
import { DraftReview } from './draft-review';
import './interchange.css';
import { paths } from '@/navigation/paths';

type Loaded =
  { fileName: string; format: ImportFormat; result: ImportResult } | { fileName: string; problem: string };

/** A teacher brings in their own questions (GIFT, Aiken, CSV, our JSON) and cites each one. */
export function ImportPage() {
  usePageTitle('Import questions');
  const fileId = useId();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const mine = useMyQuestionsStore((state) => state.questions);
  const facets = useQuestionFacets({ withMyQuestions: false });
  const knownTopics = useCatalog().topics.map((topic) => topic.id);

  async function read(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    const decoded = decodeImportText(new Uint8Array(await file.arrayBuffer()));
    const { text } = decoded;
    const format = importFormatOf(file.name, text);
    if (!format) {
      return setLoaded({
        fileName: file.name,
        problem: `the format cannot be told from the name: use .gift, .txt (GIFT or Aiken), .csv or .json (${IMPORT_FORMATS.join(', ')})`,
      });
    }
    // Ids already in use, built-in or the teacher's own: a draft taking one would share its history.
    const takenIds = new Set([
      ...facets.map((question) => question.id),
      ...mine.map((question) => question.id),
    ]);
    const result = IMPORTERS[format](text, { fileName: file.name, knownTopics, takenIds });
    setLoaded({
      fileName: file.name,
      format,
      result: { ...result, notes: [...decoded.notes, ...result.notes] },
    });
  }

  async function saveYaml(fileName: string, format: ImportFormat, result: ImportResult) {
    // The YAML writer is only needed here, so it loads on this click.
    const { importedBankYaml } = await import('@/formats/import-file');
    const { text } = importedBankYaml(fileName, format, result, 'imported.yaml');
    downloadText('imported.yaml', text, 'application/yaml');
  }

  return (
    <div className="interchange">
      <h1>Import questions</h1>
      <p className="lead">
        Bring in questions from Moodle (GIFT), Aiken, a spreadsheet (CSV) or this app’s JSON export. Each
        comes in as a draft; it joins your questions once you have cited the passage its answer comes from.
      </p>
      <div className="field">
        <label htmlFor={fileId}>Question file</label>
        <input id={fileId} type="file" accept=".gift,.txt,.csv,.json" onChange={(e) => void read(e)} />
      </div>

      <div role="status">
        {loaded && 'problem' in loaded && (
          <p className="notice notice--error">
            {loaded.fileName} cannot be imported: {loaded.problem}.
          </p>
        )}
        {loaded && 'result' in loaded && (
          <p>
            {loaded.fileName} ({loaded.format}): {plural(loaded.result.drafts.length, 'draft')},{' '}
            {plural(loaded.result.problems.length, 'question')} not imported.
          </p>
        )}
      </div>
      {loaded && 'result' in loaded && (
        <>
          {loaded.result.problems.length + loaded.result.notes.length > 0 && (
            <ul className="import__problems">
              {loaded.result.problems.map((problem) => (
                <li key={`p${problem.line}:${problem.column ?? 0}`} className="notice notice--error">
                  Line {problem.line}
                  {problem.column === undefined ? '' : `, column ${problem.column}`}: {problem.message}
                </li>
              ))}
              {loaded.result.notes.map((note, index) => (
                <li key={`n${note.line}:${index}`} className="notice">
                  Line {note.line}: {note.message}
                </li>
              ))}
            </ul>
          )}
          {loaded.result.drafts.length > 0 && (
            <>
              <h2>Drafts</h2>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void saveYaml(loaded.fileName, loaded.format, loaded.result)}
              >
                Save the drafts as a YAML bank file
              </button>
              <ol className="drafts">
                {loaded.result.drafts.map((draft) => (
                  <DraftReview key={draft.id} draft={draft} />
                ))}
              </ol>
            </>
          )}
        </>
      )}

      <h2>My questions</h2>
      {mine.length === 0 ? (
        <p className="muted">None yet. Accepted questions appear here and in the quiz.</p>
      ) : (
        <>
          <p>
            <Link to={paths.quizStart(MY_QUESTIONS_BANK)}>Practise my {plural(mine.length, 'question')}</Link>
          </p>
          <ul className="my-questions">
            {mine.map((question) => (
              <li key={question.id}>
                {question.prompt}{' '}
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => useMyQuestionsStore.getState().questionRemoved(question.id)}
                  aria-label={`Remove “${question.prompt}”`}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
