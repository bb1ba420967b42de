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
declare module 'virtual:content/questions' {
  const content: {
    banks: import('./load-content').Bank[];
    questions: import('./question-schema').Question[];
  };
  export default content;
}
