import { useCallback, useId, useRef, useState, type ChangeEvent } from 'react';
import { Link } from 'react-router';
import type { Question } from '@/domain/question';
import type { ReadImport } from '@/formats/read-import';
import { useCatalog } from '@/hooks/use-content';
import { useQuestionFacets } from '@/hooks/use-questions';
import { usePageTitle } from '@/hooks/use-page-title';
import { downloadText } from '@/lib/download-text';
import { plural } from '@/lib/plural';
import { MY_QUESTIONS_BANK, useMyQuestionsStore } from '@/stores/my-questions-store';
import { DraftList } from './draft-list';
import { ImportFindings } from './import-findings';
import { readImportAsync } from './read-import-async';
import { ReadingProgress, type Reading } from './reading-progress';
import './interchange.css';
import { paths } from '@/navigation/paths';

/** A teacher brings in their own questions (GIFT, Aiken, CSV, our JSON) and cites each one. */
export function ImportPage() {
  usePageTitle('Import questions');
  const fileId = useId();
  const [loaded, setLoaded] = useState<ReadImport | null>(null);
  // Each file read gets a fresh draft list (page one, nothing rejected), even the same file again.
  const [serial, setSerial] = useState(0);
  const [reading, setReading] = useState<Reading | null>(null);
  const [stopped, setStopped] = useState<string | null>(null);
  const current = useRef<AbortController | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const mine = useMyQuestionsStore((state) => state.questions);
  const facets = useQuestionFacets({ withMyQuestions: false });
  const knownTopics = useCatalog().topics.map((topic) => topic.id);

  async function read(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    current.current?.abort();
    if (!file) return;
    const controller = new AbortController();
    current.current = controller;
    setStopped(null);
    setReading({ fileName: file.name, done: 0, total: 0 });
    // Ids already in use, built-in or the teacher's own: a draft taking one would share its history.
    const takenIds = new Set([
      ...facets.map((question) => question.id),
      ...mine.map((question) => question.id),
    ]);
    try {
      const read = await readImportAsync(file, {
        knownTopics,
        takenIds,
        signal: controller.signal,
        onProgress: (done, total) => setReading({ fileName: file.name, done, total }),
      });
      if (controller.signal.aborted) return;
      setLoaded(read);
      setSerial((count) => count + 1);
    } catch (error) {
      if (controller.signal.aborted) return;
      setLoaded({
        fileName: file.name,
        problem: `it could not be read (${error instanceof Error ? error.message : String(error)}). Try again; if it fails again, check that it is a text file`,
      });
    } finally {
      if (current.current === controller) {
        current.current = null;
        setReading(null);
      }
    }
  }

  /** Stops reading and leaves the page as it was: the same file can be chosen again at once. */
  function cancel() {
    if (!reading) return;
    current.current?.abort();
    current.current = null;
    setReading(null);
    setStopped(reading.fileName);
    if (fileInput.current) {
      fileInput.current.value = '';
      fileInput.current.focus();
    }
  }

  const saveYaml = useCallback(
    async (drafts: Question[]) => {
      if (!loaded || !('result' in loaded)) return;
      // The YAML writer is only needed here, so it loads on this click.
      const { importedBankYaml } = await import('@/formats/import-file');
      const result = { ...loaded.result, drafts, draftLines: undefined };
      const { text } = importedBankYaml(loaded.fileName, loaded.format, result, 'imported.yaml');
      downloadText('imported.yaml', text, 'application/yaml');
    },
    [loaded],
  );

  return (
    <div className="interchange">
      <h1>Import questions</h1>
      <p className="lead">
        Bring in questions from Moodle (GIFT), Aiken, a spreadsheet (CSV) or this app’s JSON export. Each
        comes in as a draft; it joins your questions once you have cited the passage its answer comes from.
      </p>
      <div className="field">
        <label htmlFor={fileId}>Question file</label>
        <input
          id={fileId}
          ref={fileInput}
          type="file"
          accept=".gift,.txt,.csv,.json"
          onChange={(e) => void read(e)}
        />
      </div>
      {reading && <ReadingProgress reading={reading} onCancel={cancel} />}

      <div role="status">
        {stopped && !reading && (
          <p>Import of {stopped} cancelled: nothing was imported from it. You can choose a file again.</p>
        )}
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
            <ImportFindings
              fileName={loaded.fileName}
              problems={loaded.result.problems}
              notes={loaded.result.notes}
            />
          )}
          {loaded.result.drafts.length > 0 && (
            <DraftList key={serial} drafts={loaded.result.drafts} onSave={saveYaml} />
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
