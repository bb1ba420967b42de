declare module 'virtual:content/catalog' {
  const catalog: import('@/build/to-catalog').Catalog;
  export default catalog;
}
declare module 'virtual:content/sources' {
  const content: {
    sources: import('@/content/source-schema').Source[];
    /** Questions citing each passage, keyed `source/passage`. */
    citationCounts: Record<string, number>;
  };
  export default content;
}
declare module 'virtual:content/question-index' {
  /** What filters look at, for every question: enough to count matches without loading the banks. */
  const index: Pick<
    import('@/content/question-schema').Question,
    'id' | 'bank' | 'type' | 'topics' | 'difficulty'
  >[];
  export default index;
}
declare module 'virtual:content/bank-loaders' {
  /** One loader per bank id; each bank's questions are a chunk of their own. */
  const loaders: Record<string, () => Promise<{ default: import('@/content/question-schema').Question[] }>>;
  export default loaders;
}
