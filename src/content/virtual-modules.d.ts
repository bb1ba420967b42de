declare module 'virtual:content/catalog' {
  const catalog: import('./catalog').Catalog;
  export default catalog;
}
declare module 'virtual:content/sources' {
  const content: {
    sources: import('./source-schema').Source[];
    /** Questions citing each passage, keyed `source/passage`. */
    citationCounts: Record<string, number>;
  };
  export default content;
}
declare module 'virtual:content/question-index' {
  /** What filters look at, for every question: enough to count matches without loading the banks. */
  const index: Pick<import('./question-schema').Question, 'id' | 'bank' | 'type' | 'topics' | 'difficulty'>[];
  export default index;
}
declare module 'virtual:content/bank-loaders' {
  /** One loader per bank id; each bank's questions are a chunk of their own. */
  const loaders: Record<string, () => Promise<{ default: import('./question-schema').Question[] }>>;
  export default loaders;
}
