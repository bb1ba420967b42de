/** The columns of our CSV, in order; the importer finds them by name. */
export const CSV_COLUMNS = [
  'id',
  'type',
  'prompt',
  'choices',
  'answer',
  'explanation',
  'source',
  'passage',
  'quote',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Between the two sides of a matching pair in the `answer` cell. */
export const PAIR_SEPARATOR = ' -> ';

/** `46.35 ± 0.01 EUR million`: how a numeric answer is written in a cell. */
export const NUMERIC_ANSWER = /^(-?\d+(?:\.\d+)?)\s*±\s*(\d+(?:\.\d+)?)(?:\s+(.+))?$/;
