import type { ImportProblem } from '@/formats/format-types';
import { plural } from '@/lib/plural';

/** A file with a problem on every line still shows a page, not hundreds of thousands of items. */
const SHOWN = 200;

const where = (fileName: string, { line, column }: ImportProblem) =>
  `${fileName}, line ${line}${column === undefined ? '' : `, column ${column}`}`;

/** What was not imported and what changed on the way in, each at its line of the file. */
export function ImportFindings({
  fileName,
  problems,
  notes,
}: {
  fileName: string;
  problems: readonly ImportProblem[];
  notes: readonly ImportProblem[];
}) {
  const hidden = Math.max(0, problems.length - SHOWN) + Math.max(0, notes.length - SHOWN);
  return (
    <>
      {problems.length > 0 && (
        <p>Not imported: correct these lines in {fileName}, then choose the file again.</p>
      )}
      <ul className="import__problems">
        {problems.slice(0, SHOWN).map((problem, index) => (
          <li key={`p${index}`} className="notice notice--error">
            {where(fileName, problem)}: {problem.message}
          </li>
        ))}
        {notes.slice(0, SHOWN).map((note, index) => (
          <li key={`n${index}`} className="notice">
            {where(fileName, note)}: {note.message}
          </li>
        ))}
      </ul>
      {hidden > 0 && (
        <p className="muted">
          And {plural(hidden, 'more line')} like these: the first {SHOWN} problems and {SHOWN} notes are
          shown.
        </p>
      )}
    </>
  );
}
