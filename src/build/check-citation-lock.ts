import { compareWithLock, type CitationLock } from './citation-lock';
import type { Content } from '../domain/content';
import type { TextFile } from './load-content';
import { questionLocator } from './locate-question';
import type { Problem } from './problem';

/**
 * The lock's part of `npm run bank -- check`: a located problem for each question citing a passage
 * that changed since the question was confirmed. Questions the lock does not know yet are only
 * listed, so an author adding a question is never blocked by the lock.
 */
export function checkCitationLock(
  content: Content,
  banks: readonly TextFile[],
  lock: CitationLock,
): { problems: Problem[]; unconfirmed: string[] } {
  const { stale, unconfirmed } = compareWithLock(content, lock);
  const locate = questionLocator(content, banks);
  const problems = stale.map(({ questionId, citationIndex, source, passage }) =>
    locate(
      questionId,
      ['citations', citationIndex, 'passage'],
      `${questionId}: cites ${source}/${passage}, which changed since it was confirmed; ` +
        `review the question, then run npm run bank -- confirm ${questionId}`,
    ),
  );
  return { problems, unconfirmed };
}
