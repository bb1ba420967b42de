import { createContext, use } from 'react';
import type { Catalog } from '@/content/catalog';
import type { ContentAccess, SourcesContent } from '@/content/content-access';

/** The content the screens show: the app provides the built-in banks, page tests their fixtures. */
export const ContentContext = createContext<ContentAccess | null>(null);

export function useContentAccess(): ContentAccess {
  const access = use(ContentContext);
  if (!access) throw new Error('No content: render the page inside <ContentContext value={…}>.');
  return access;
}

export function useCatalog(): Catalog {
  return useContentAccess().catalog;
}

/** The sources for the reader; suspends until they are loaded. */
export function useSources(): SourcesContent {
  return use(useContentAccess().loadSources());
}

/** The title of a source by its id, or the id itself for a source the catalog does not know. */
export function useSourceTitle(): (sourceId: string) => string {
  const { sources } = useCatalog();
  return (sourceId) => sources.find((source) => source.id === sourceId)?.title ?? sourceId;
}
