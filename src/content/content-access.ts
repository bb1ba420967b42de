import type { Content } from '../domain/content';
import type { Question, QuestionFacets } from '../domain/question';
import type { Source } from '../domain/source';
import { toCatalog, type Catalog } from './catalog';
import { countCitations } from './count-citations';

/** What the reader needs: every source, and how many questions cite each passage (`source/passage`). */
export type SourcesContent = { sources: Source[]; citationCounts: Record<string, number> };

/**
 * How the screens reach the content. The app wires in the built-in banks (src/app/built-in-content.ts);
 * page tests hand in small fixture banks. Loads return the same promise for the same request, so a
 * component can `use()` them while it suspends.
 */
export type ContentAccess = {
  catalog: Catalog;
  loadSources(): Promise<SourcesContent>;
  loadQuestionIndex(): Promise<QuestionFacets[]>;
  /** The questions of the named banks, or of every bank when none is named; unknown banks are skipped. */
  loadQuestions(bankIds?: readonly string[]): Promise<Question[]>;
};

/** The questions of some banks, or all, loaded once per set of banks. */
export function cachedBankLoader(
  bankIds: readonly string[],
  loadBank: (bankId: string) => Promise<Question[]>,
): ContentAccess['loadQuestions'] {
  const cache = new Map<string, Promise<Question[]>>();
  return (requested = []) => {
    const ids = (requested.length > 0 ? requested.filter((id) => bankIds.includes(id)) : [...bankIds]).sort();
    const key = ids.join(',');
    let pending = cache.get(key);
    if (!pending) {
      pending = Promise.all(ids.map(loadBank)).then((banks) => banks.flat());
      cache.set(key, pending);
    }
    return pending;
  };
}

/** What the draw's filters read of each question: enough to count matches without the whole banks. */
export function facetsOf(questions: readonly Question[]): QuestionFacets[] {
  return questions.map(({ id, bank, type, topics, difficulty }) => ({ id, bank, type, topics, difficulty }));
}

/** Content already in memory as access: what tests and tools use in place of the built-in banks. */
export function contentAccessOf(content: Content): ContentAccess {
  const sources = Promise.resolve({
    sources: content.sources,
    citationCounts: countCitations(content.questions),
  });
  const index = Promise.resolve(facetsOf(content.questions));
  return {
    catalog: toCatalog(content),
    loadSources: () => sources,
    loadQuestionIndex: () => index,
    loadQuestions: cachedBankLoader(
      content.banks.map((bank) => bank.id),
      async (bankId) => content.questions.filter((question) => question.bank === bankId),
    ),
  };
}
