import type { Question } from '../../domain/question';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../../build/load-content';
import { formatProblem } from '../../build/problem';
import { readContentFiles } from '../../build/read-content-files';
import { fingerprintQuestion } from './question-fingerprint';

export type VersionedQuestion = { question: Question; fingerprint: string };

/** The checked banks the server asks from: the same files and checks as the build. */
export type ServerContent = {
  /** Today's version of each question, by question id. */
  current: ReadonlyMap<string, VersionedQuestion>;
  /** Each passage's text, by `source/passage`: what a dispute's selection is checked against. */
  passages: ReadonlyMap<string, string>;
};

export const passageKey = (source: string, passage: string) => `${source}/${passage}`;

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Loads and checks `questions/`; throws with every problem, as `npm run bank -- check` prints them. */
export function loadServerContent(root = PROJECT_ROOT): ServerContent {
  const { content, problems } = loadContent(readContentFiles(root));
  if (problems.length > 0) {
    throw new Error(`The question banks have problems:\n${problems.map(formatProblem).join('\n')}`);
  }
  return {
    current: new Map(
      content.questions.map((question) => [
        question.id,
        { question, fingerprint: fingerprintQuestion(question) },
      ]),
    ),
    passages: new Map(
      content.sources.flatMap((source) =>
        source.passages.map((passage) => [passageKey(source.id, passage.id), passage.text] as const),
      ),
    ),
  };
}
