// The modules the content plugin (src/build/content-plugin.ts) serves. Only the app imports them
// (src/app/built-in-content.ts); features get content through the content context.
declare module 'virtual:content/catalog' {
  const catalog: import('@/content/catalog').Catalog;
  export default catalog;
}
declare module 'virtual:content/sources' {
  const content: import('@/content/content-access').SourcesContent;
  export default content;
}
declare module 'virtual:content/question-index' {
  const index: import('@/domain/question').QuestionFacets[];
  export default index;
}
declare module 'virtual:content/bank-loaders' {
  /** One loader per bank id; each bank's questions are a chunk of their own. */
  const loaders: Record<string, () => Promise<{ default: import('@/domain/question').Question[] }>>;
  export default loaders;
}
