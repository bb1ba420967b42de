/** A paragraph or list item of a source, with a stable id, naming the section it sits in. */
export type Passage = { id: string; section: string; kind: 'paragraph' | 'item'; text: string };

export type Section = { id: string; title: string };

/** One document, split into sections and passages. */
export type Source = { id: string; title: string; sections: Section[]; passages: Passage[] };
