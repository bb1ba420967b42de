/** The reader's address for a passage, optionally with the words to highlight. */
export function passageHref(source: string, passage: string, quote?: string): string {
  const base = `/sources/${encodeURIComponent(source)}/${encodeURIComponent(passage)}`;
  return quote ? `${base}?${new URLSearchParams({ quote }).toString()}` : base;
}
