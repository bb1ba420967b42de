declare module 'virtual:content/catalog' {
  const catalog: import('./catalog').Catalog;
  export default catalog;
}
declare module 'virtual:content/sources' {
  const sources: import('./source-schema').Source[];
  export default sources;
}
declare module 'virtual:content/questions' {
  const content: {
    banks: import('./load-content').Bank[];
    questions: import('./question-schema').Question[];
  };
  export default content;
}
