/** 1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd": how ordering positions are written in matching formats. */
export function ordinal(position: number): string {
  const lastTwo = position % 100;
  const last = position % 10;
  const suffix =
    lastTwo >= 11 && lastTwo <= 13 ? 'th' : last === 1 ? 'st' : last === 2 ? 'nd' : last === 3 ? 'rd' : 'th';
  return `${position}${suffix}`;
}

/** The position an ordinal names ("3rd" → 3), or undefined for any other text. */
export function parseOrdinal(text: string): number | undefined {
  const match = /^(\d{1,3})(st|nd|rd|th)$/i.exec(text.trim());
  if (!match) return undefined;
  const position = Number(match[1]);
  return ordinal(position).toLowerCase() === text.trim().toLowerCase() ? position : undefined;
}

/**
 * The order in which to list an ordering question's items when the format shows them as a fixed
 * list: by text (code points, so every machine agrees), and reversed if that happens to be the
 * right order, so the list never gives the answer away.
 */
export function presentationOrder<T extends { text: string }>(items: readonly T[]): T[] {
  const sorted = [...items].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  const isAnswerOrder = sorted.every((item, index) => item === items[index]);
  return isAnswerOrder && items.length > 1 ? sorted.reverse() : sorted;
}
