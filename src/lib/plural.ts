/** Thousands separators, made once: `toLocaleString` builds a formatter on every call (ms each). */
let thousands: Intl.NumberFormat | undefined;

/** "1 question", "3 questions", "12,500 answers". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  // Below a thousand there is nothing to separate, and no formatter to build on the first page.
  const number =
    Math.abs(count) < 1000 ? String(count) : (thousands ??= new Intl.NumberFormat('en')).format(count);
  return `${number} ${count === 1 ? singular : pluralForm}`;
}
