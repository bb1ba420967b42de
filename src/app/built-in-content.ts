import loaders from 'virtual:content/bank-loaders';
import catalog from 'virtual:content/catalog';
import { cachedBankLoader, type ContentAccess, type SourcesContent } from '@/content/content-access';
import type { QuestionFacets } from '@/domain/question';

let sources: Promise<SourcesContent> | undefined;
let questionIndex: Promise<QuestionFacets[]> | undefined;

/**
 * The banks and sources checked at build time (src/build/content-plugin.ts). The catalog comes with
 * the first page; the reader's text, the question index and each bank are chunks loaded on demand.
 */
export const builtInContent: ContentAccess = {
  catalog,
  loadSources: () => (sources ??= import('virtual:content/sources').then((module) => module.default)),
  loadQuestionIndex: () =>
    (questionIndex ??= import('virtual:content/question-index').then((module) => module.default)),
  loadQuestions: cachedBankLoader(Object.keys(loaders), async (bankId) => {
    const load = loaders[bankId];
    if (!load) return [];
    // Each bank asked for in a task of its own: starting a module's fetch takes the browser a moment
    // of the main thread, and a quiz of every bank asked for ten in one task (60 ms with the CPU
    // slowed 4×).
    await new Promise((resolve) => setTimeout(resolve));
    return (await load()).default;
  }),
};
